"""SladdRecognizer against the installed (pinned) presidio-analyzer."""

from __future__ import annotations

import pytest

import sladd

pytest.importorskip("presidio_analyzer")
pytest.importorskip("spacy")

import sladd.presidio  # noqa: E402
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult  # noqa: E402

from test_arrow import VALUES  # noqa: E402

REF = "2026-06-01"


def test_recognizer_contract() -> None:
    rec = sladd.presidio.SladdRecognizer(reference_date=REF)
    assert isinstance(rec, EntityRecognizer)
    ents = rec.get_supported_entities()
    for e in ("NO_FODSELSNUMMER", "DK_CPR_NUMBER", "SE_PERSONNUMMER",
              "FI_PERSONAL_IDENTITY_CODE", "IS_KENNITALA", "PERSON", "EMAIL_ADDRESS",
              "PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD"):
        assert e in ents
    # Every kind has a distinct entity name.
    assert len(set(sladd.presidio.ENTITIES.values())) == len(sladd.KINDS)
    assert set(sladd.presidio.ENTITIES) == set(sladd.KINDS)
    assert rec.get_supported_language() == "nb"
    assert rec.to_dict()["supported_entities"] == ents


def key(r: RecognizerResult) -> tuple[object, ...]:
    e = r.analysis_explanation
    return (r.entity_type, r.start, r.end, r.score, e.textual_explanation,
            e.validation_result, e.pattern_name)


def test_results_follow_scan() -> None:
    sc = sladd.Scanner(reference_date=REF)
    rec = sladd.presidio.SladdRecognizer(sc)
    texts = [v for v in VALUES[:800] if v]
    batch = rec.analyze_batch(texts)
    n = 0
    for t, rs in zip(texts, batch):
        ms = sc.scan(t)
        assert [key(r) for r in rec.analyze(t)] == [key(r) for r in rs]
        assert [(r.entity_type, r.start, r.end) for r in rs] == [
            (sladd.presidio.ENTITIES[m.kind], m.start, m.end) for m in ms]
        for r, m in zip(rs, ms):
            assert isinstance(r, RecognizerResult)
            assert 0 < r.score < 1.0
            assert r.score == sladd.presidio.SCORES[m.confidence]
            assert m.kind in r.analysis_explanation.textual_explanation
            n += 1
    assert n > 100
    only = rec.analyze("CPR 010180-1004, Kari Nordmann", entities=["DK_CPR_NUMBER"])
    assert [r.entity_type for r in only] == ["DK_CPR_NUMBER"]


def test_offline_engine() -> None:
    engine = sladd.presidio.analyzer_engine(languages=["nb", "en"], reference_date=REF)
    assert isinstance(engine, AnalyzerEngine)
    text = "Søknad fra Kari Nordmann, fnr. 010180 00055, CPR 010180-1004"
    for lang in ("nb", "en"):
        rs = sorted(engine.analyze(text, language=lang), key=lambda r: r.start)
        assert [(r.entity_type, text[r.start:r.end]) for r in rs] == [
            ("PERSON", "Kari Nordmann"), ("NO_FODSELSNUMMER", "010180 00055"),
            ("DK_CPR_NUMBER", "010180-1004")]
        assert all(r.score < 1.0 for r in rs)
    rs = engine.analyze(text, language="nb", entities=["NO_FODSELSNUMMER"], return_decision_process=True)
    assert [r.entity_type for r in rs] == ["NO_FODSELSNUMMER"]
    assert "no_fnr" in rs[0].analysis_explanation.textual_explanation


def test_beside_presidio_recognizers() -> None:
    engine = sladd.presidio.analyzer_engine(languages=["en"], presidio_recognizers=True,
                                            reference_date=REF)
    names = {r.name for r in engine.get_recognizers(language="en")}
    assert "SladdRecognizer" in names and len(names) > 5
    rs = engine.analyze("mail ola@example.no, fnr 010180 00055", language="en")
    by = {(r.entity_type, r.recognition_metadata[RecognizerResult.RECOGNIZER_NAME_KEY]) for r in rs}
    assert ("NO_FODSELSNUMMER", "SladdRecognizer") in by
    assert any(e == "EMAIL_ADDRESS" for e, _ in by)
