"""sladd as a Presidio recognizer (``pip install "sladd[presidio]"``).

``SladdRecognizer`` is a Presidio ``EntityRecognizer`` that reports
sladd's kinds under Presidio-style entity names (``ENTITIES``):
Nordic identity numbers (``NO_FODSELSNUMMER``, ``DK_CPR_NUMBER``,
``SE_PERSONNUMMER``, ``FI_PERSONAL_IDENTITY_CODE``, ``IS_KENNITALA``…),
``PERSON``, ``EMAIL_ADDRESS``, ``PHONE_NUMBER``, ``IBAN_CODE``,
``CREDIT_CARD`` and the rest. Scores come from sladd's confidence
(``SCORES``; never 1.0, since a passing checksum is evidence, not proof),
and each result carries an explanation naming the kind and its flags.

``analyzer_engine()`` builds an ``AnalyzerEngine`` that works offline: a
blank spaCy pipeline per language (tokens only; no model to download),
with sladd's recognizer alone or beside Presidio's own pattern
recognizers. ``analyze_batch`` is the batch path, on ``scan_batch``.

>>> import sladd.presidio
>>> engine = sladd.presidio.analyzer_engine(languages=["nb"])
>>> text = "Søknad fra Kari Nordmann, fnr. 010180 00055"
>>> [(r.entity_type, r.start, r.end, r.score) for r in engine.analyze(text, language="nb")]
[('PERSON', 11, 24, 0.85), ('NO_FODSELSNUMMER', 31, 43, 0.85)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Optional, cast

import spacy
from presidio_analyzer import (
    AnalysisExplanation,
    AnalyzerEngine,
    EntityRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine

from sladd._sladd import KINDS, Match, Scanner

__all__ = [
    "ENTITIES",
    "SCORES",
    "BlankSpacyNlpEngine",
    "SladdRecognizer",
    "analyze_batch",
    "analyzer_engine",
]

#: sladd kind -> Presidio entity name. Presidio's own names where it has
#: one (PERSON, EMAIL_ADDRESS, PHONE_NUMBER, IBAN_CODE, CREDIT_CARD,
#: LOCATION), a country-prefixed name in Presidio's style otherwise.
ENTITIES: dict[str, str] = {
    "no_fnr": "NO_FODSELSNUMMER",
    "no_dnr": "NO_D_NUMMER",
    "no_hnr": "NO_H_NUMMER",
    "no_fhnr": "NO_FH_NUMMER",
    "no_duf": "NO_DUF_NUMMER",
    "dk_cpr": "DK_CPR_NUMBER",
    "se_pnr": "SE_PERSONNUMMER",
    "se_snr": "SE_SAMORDNINGSNUMMER",
    "fi_hetu": "FI_PERSONAL_IDENTITY_CODE",
    "is_kt": "IS_KENNITALA",
    "person_name": "PERSON",
    "email": "EMAIL_ADDRESS",
    "phone": "PHONE_NUMBER",
    "address": "LOCATION",
    "iban": "IBAN_CODE",
    "bank_account": "BANK_ACCOUNT",
    "payment_card": "CREDIT_CARD",
    "no_orgnr": "NO_ORGANISASJONSNUMMER",
    "dk_cvr": "DK_CVR_NUMBER",
    "se_orgnr": "SE_ORGANISATIONSNUMMER",
    "fi_ytunnus": "FI_BUSINESS_ID",
    "is_company_kt": "IS_COMPANY_KENNITALA",
}
# Any kind not named above (the sensitive categories, kinds added later)
# goes by its own name in capitals: SENSITIVE_HEALTH...
for _kind in KINDS:
    ENTITIES.setdefault(_kind, _kind.upper())

#: sladd confidence -> Presidio score.
SCORES: dict[str, float] = {"low": 0.3, "medium": 0.6, "high": 0.85}


class SladdRecognizer(EntityRecognizer):
    """A Presidio recognizer backed by a ``sladd.Scanner``.

    ``scanner`` (or ``Scanner`` options as keywords, e.g. ``kinds="ids"``)
    chooses what is found; ``supported_language`` is the Presidio language
    code it registers for (sladd itself reads every Nordic language).
    """

    def __init__(
        self,
        scanner: Optional[Scanner] = None,
        supported_language: str = "nb",
        name: str = "SladdRecognizer",
        **options: Any,
    ) -> None:
        if scanner is not None and options:
            raise TypeError("give either a scanner or Scanner options, not both")
        self.scanner = scanner if scanner is not None else Scanner(**options)
        self.recognizer_name = name
        entities = sorted({ENTITIES[k] for k in self.scanner.kinds})
        super().__init__(
            supported_entities=entities,
            name=name,
            supported_language=supported_language,
            version=__import__("sladd").__version__,
        )

    def load(self) -> None:
        """Nothing to load: the scanner is built."""

    def result(self, m: Match) -> RecognizerResult:
        """The Presidio result for one sladd finding."""
        score = SCORES[m.confidence]
        entity = ENTITIES[m.kind]
        explanation = AnalysisExplanation(
            recognizer=self.recognizer_name,
            original_score=score,
            pattern_name=m.kind,
            # True when a check digit passed; None (not checked) otherwise.
            validation_result=cast(bool, ("checksum" in m.flags) or None),
            textual_explanation=(
                f"sladd {m.kind} ({m.group}), confidence {m.confidence}; "
                f"evidence: {', '.join(sorted(m.flags)) or 'none'}"
            ),
        )
        return RecognizerResult(
            entity_type=entity,
            start=m.start,
            end=m.end,
            score=score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.recognizer_name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )

    def analyze(
        self,
        text: str,
        entities: Optional[list[str]] = None,
        nlp_artifacts: Optional[NlpArtifacts] = None,
    ) -> list[RecognizerResult]:
        """The findings in ``text`` of the requested ``entities`` (all when
        none are named)."""
        wanted = set(entities) if entities else None
        return [
            self.result(m)
            for m in self.scanner.scan(text)
            if wanted is None or ENTITIES[m.kind] in wanted
        ]

    def analyze_batch(
        self, texts: Iterable[str], entities: Optional[Sequence[str]] = None
    ) -> list[list[RecognizerResult]]:
        """``analyze`` for many texts at once: one ``scan_batch`` over
        every core with the GIL released."""
        wanted = set(entities) if entities else None
        return [
            [self.result(m) for m in ms if wanted is None or ENTITIES[m.kind] in wanted]
            for ms in self.scanner.scan_batch(list(texts))
        ]


def analyze_batch(
    texts: Iterable[str],
    entities: Optional[Sequence[str]] = None,
    scanner: Optional[Scanner] = None,
    **options: Any,
) -> list[list[RecognizerResult]]:
    """Presidio results for many texts, without an ``AnalyzerEngine``.

    >>> [[r.entity_type for r in rs] for rs in analyze_batch(["CPR 010180-1004", "nothing"])]
    [['DK_CPR_NUMBER'], []]
    """
    return SladdRecognizer(scanner, **options).analyze_batch(texts, entities)


class BlankSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine on blank pipelines: tokens, no trained model
    and so no download. Enough for pattern recognizers and for sladd;
    spaCy's own named-entity recognition is off."""

    def __init__(self, languages: Sequence[str] = ("nb",)) -> None:
        super().__init__(
            models=[{"lang_code": lang, "model_name": f"blank:{lang}"} for lang in languages]
        )

    def load(self) -> None:
        """Builds ``spacy.blank`` pipelines (no files are read)."""
        self.nlp = cast(Any, {m["lang_code"]: spacy.blank(m["lang_code"]) for m in self.models})


def analyzer_engine(
    languages: Sequence[str] = ("nb", "en"),
    scanner: Optional[Scanner] = None,
    presidio_recognizers: bool = False,
    **options: Any,
) -> AnalyzerEngine:
    """An offline ``AnalyzerEngine`` with ``SladdRecognizer`` for each of
    ``languages`` (and Presidio's own predefined recognizers too when
    ``presidio_recognizers``; those that need a trained spaCy model find
    nothing on the blank pipeline)."""
    sc = scanner if scanner is not None else Scanner(**options)
    registry = RecognizerRegistry(supported_languages=list(languages))
    if presidio_recognizers:
        registry.load_predefined_recognizers(languages=list(languages))
    for lang in languages:
        registry.add_recognizer(SladdRecognizer(sc, supported_language=lang))
    nlp = BlankSpacyNlpEngine(languages)
    nlp.load()
    return AnalyzerEngine(
        registry=registry, nlp_engine=nlp, supported_languages=list(languages)
    )
