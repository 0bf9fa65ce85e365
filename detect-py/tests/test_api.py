"""The contract API (docs/contract.md §7): Scanner, Match, scan, redact, validate."""

from __future__ import annotations

import datetime as dt

import pytest

import sladd

TODAY = "2026-11-22"

# Synthetic numbers only (none belongs to a real person).
EVERY_KIND = [
    # (text, kind, value, confidence)
    ("fnr 010180 00055", "no_fnr", "010180 00055", "high"),
    ("fnr 41019000077", "no_dnr", "41019000077", "high"),
    ("fnr 01418000038", "no_hnr", "01418000038", "high"),
    ("FH-nummer 81234560077", "no_fhnr", "81234560077", "high"),
    ("CPR 010180-1004", "dk_cpr", "010180-1004", "high"),
    ("personnummer 811218-9876", "se_pnr", "811218-9876", "high"),
    ("samordningsnummer 701063-2391", "se_snr", "701063-2391", "high"),
    ("henkilötunnus 131052-308T", "fi_hetu", "131052-308T", "high"),
    ("kt. 120160-3389", "is_kt", "120160-3389", "high"),
    ("DUF-nummer 2019 123456 06", "no_duf", "2019 123456 06", "high"),
]

# The kinds beyond the IDs, each with its label or cue.
EVERY_TEXT_KIND = [
    ("Klage fra Kari Nordmann", "person_name", "Kari Nordmann"),
    ("e-post kari.nordmann@bø.kommune.no", "email",
     "kari.nordmann@bø.kommune.no"),
    ("tlf +47 912 34 567", "phone", "+47 912 34 567"),
    ("bor i Storgata 12, 0150 Oslo", "address", "Storgata 12, 0150 Oslo"),
    ("IBAN NO93 8601 1117 947", "iban", "NO93 8601 1117 947"),
    ("kort 4111 1111 1111 1111", "payment_card", "4111 1111 1111 1111"),
    ("org.nr. 988 077 917", "no_orgnr", "988 077 917"),
    ("Vedtak om tvangsinnleggelse", "sensitive_health", "tvangsinnleggelse"),
    ("Vedtak om omsorgsovertakelse", "sensitive_child_welfare",
     "omsorgsovertakelse"),
    ("Sak om straffedom", "sensitive_criminal", "straffedom"),
]


@pytest.fixture(scope="module")
def sc() -> sladd.Scanner:
    return sladd.Scanner(reference_date=TODAY)


def test_kinds_constant() -> None:
    ids = (
        "no_fnr", "no_dnr", "no_hnr", "no_fhnr", "no_duf",
        "dk_cpr", "se_pnr", "se_snr", "fi_hetu", "is_kt",
    )
    assert sladd.KINDS[:10] == ids and sladd.GROUPS["ids"] == ids
    assert "person_name" in sladd.KINDS and "iban" in sladd.KINDS
    assert sladd.RISKS == ("clean", "personal", "special", "identifying")
    assert isinstance(sladd.KINDS, tuple)
    assert sladd.COUNTRIES == ("no", "dk", "se", "fi", "is")
    assert "checksum" in sladd.FLAGS and "synthetic" in sladd.FLAGS
    assert sladd.STYLES == ("mask", "label", "keep_birthdate")


@pytest.mark.parametrize("text,kind,value,conf", EVERY_KIND)
def test_every_kind_with_keyword(sc: sladd.Scanner, text: str, kind: str,
                                 value: str, conf: str) -> None:
    (m,) = sc.scan(text)
    assert (m.kind, m.text, m.confidence) == (kind, value, conf)
    assert text[m.start:m.end] == value
    assert m.span == (m.start, m.end)
    assert "context" in m.flags
    assert isinstance(m.flags, frozenset)
    assert m.flags <= set(sladd.FLAGS)


@pytest.mark.parametrize("value,kind", [
    ("010180 00055", "no_fnr"),
    ("41019000077", "no_dnr"),
    ("01418000038", "no_hnr"),
    ("010180-1004", "dk_cpr"),
    ("811218-9876", "se_pnr"),
    ("701063-2391", "se_snr"),
    ("131052-308T", "fi_hetu"),
])
def test_bare_valid_number_is_medium(sc: sladd.Scanner, value: str,
                                     kind: str) -> None:
    (m,) = sc.scan(f"Saken gjelder {value} i dag")
    assert (m.kind, m.confidence) == (kind, "medium")
    assert "context" not in m.flags


def test_weak_numbers_need_context(sc: sladd.Scanner) -> None:
    # FH and FI temporary numbers are low without their keyword: not
    # reported at the default threshold.
    assert sc.scan("81234560077") == []
    assert sc.scan("010594Y9032") == []
    low = sladd.Scanner(min_confidence="low", reference_date=TODAY)
    (m,) = low.scan("010594Y9032")
    assert (m.kind, m.confidence) == ("fi_hetu", "low")
    assert "temporary" in m.flags
    (m,) = sc.scan("henkilötunnus 010594Y9032")
    assert m.confidence == "medium"


def test_bare_kennitala_reads_as_cpr_without_context(sc: sladd.Scanner) -> None:
    # A 10-digit number fits DK and IS; without "kt." the documented
    # preference picks DK.
    (m,) = sc.scan("120160-3389")
    assert m.kind == "dk_cpr"
    (m,) = sc.scan("kt. 120160-3389")
    assert m.kind == "is_kt"


def test_synthetic_keeps_its_kind(sc: sladd.Scanner) -> None:
    (m,) = sc.scan("testperson 17912099997")
    assert m.kind == "no_fnr"
    assert "synthetic" in m.flags


def test_thresholds_and_filters() -> None:
    text = "fnr 010180 00055; CPR 010180-1004; 811218-9876"
    hi = sladd.Scanner(min_confidence="high", reference_date=TODAY)
    assert [m.kind for m in hi.scan(text)] == ["no_fnr", "dk_cpr"]
    no = sladd.Scanner(countries=["no"], reference_date=TODAY)
    assert [m.kind for m in no.scan(text)] == ["no_fnr"]
    se = sladd.Scanner(kinds="se_pnr", reference_date=TODAY)
    assert [m.kind for m in se.scan(text)] == ["se_pnr"]
    assert se.kinds == ("se_pnr",)
    both = sladd.Scanner(kinds=("dk_cpr", "se_pnr"), countries={"dk"})
    assert both.kinds == ("dk_cpr",)


@pytest.mark.parametrize("text,kind,value", EVERY_TEXT_KIND)
def test_every_text_kind(text: str, kind: str, value: str) -> None:
    (m,) = sladd.Scanner(kinds="all").scan(text)
    assert (m.kind, m.text, m.confidence) == (kind, value, "high")
    assert text[m.start:m.end] == value
    assert m.group in sladd.GROUPS and kind in sladd.GROUPS[m.group]
    # repr masks the value per character.
    assert value not in repr(m)


def test_masking_is_per_character() -> None:
    sc = sladd.Scanner(kinds="names")
    assert sc.redact("Klage fra Ørjan Ås") == "Klage fra ***** **"
    assert sc.redact("Klage fra Ørjan Ås", style="label") == (
        "Klage fra [person_name]")


def test_record_risk() -> None:
    sc = sladd.Scanner(reference_date=TODAY)
    cases = [
        ("Søknad om barnehageplass - Kari Nordmann", "personal"),
        ("Vedtak om omsorgsovertakelse - Kari Nordmann", "special"),
        ("Vedtak om omsorgsovertakelse", "clean"),
        ("Vedtak om omsorgsovertakelse, fnr 010180 00055", "identifying"),
        ("Møtereferat", "clean"),
    ]
    for text, risk in cases:
        a = sc.assess(text)
        assert a.risk == risk, text
        assert list(a.categories) == sorted(
            {m.kind for m in a.findings}, key=sladd.KINDS.index)
    a = sc.assess("Vedtak om omsorgsovertakelse - Kari Nordmann")
    assert a.groups == ("names", "sensitive")
    assert "Kari" not in repr(a)


def test_known_names_and_allow_list() -> None:
    sc = sladd.Scanner(kinds="names", known_names=["Zxyla Qwertmann"])
    text = "Brev fra Zxyla Qwertmann. Qwertmann svarte."
    assert [m.text for m in sc.scan(text)] == ["Zxyla Qwertmann", "Qwertmann"]
    allow = sladd.Scanner(allow=["Kari Nordmann", "010180 00055"])
    assert allow.scan("Klage fra Kari Nordmann, fnr 01018000055") == []
    with pytest.raises(sladd.BuildError):
        sladd.Scanner(allow=[""])


def test_sensitive_terms_of_the_caller() -> None:
    sc = sladd.Scanner(kinds="sensitive",
                       sensitive_terms={"sensitive_social": ["husbank*"]})
    (m,) = sc.scan("Søknad om husbanklån")
    assert (m.kind, m.text) == ("sensitive_social", "husbanklån")
    with pytest.raises(sladd.UnknownKindError):
        sladd.Scanner(sensitive_terms={"no_fnr": ["x"]})


def test_explain_and_validate_ignore_the_scanners_kinds() -> None:
    no = sladd.Scanner(countries=["no"], reference_date=TODAY)
    assert no.validate("fi_hetu", "131052-308T")
    assert no.validate("dk_cpr", "010180-1004")
    assert no.explain("fi_hetu", "131052-308T") is None
    assert no.explain("no_fnr", "01018000056") == "a check digit fails"


def test_scanner_properties_and_repr() -> None:
    sc = sladd.Scanner(min_confidence="HIGH", context_window=(10, 5),
                       reference_date=dt.date(2030, 1, 2))
    assert sc.min_confidence == "high"
    assert sc.context_window == (10, 5)
    assert sc.reference_date == "2030-01-02"
    assert len(sc.kinds) == len(sladd.KINDS) - len(sladd.GROUPS["organisations"])
    r = repr(sc)
    assert r.startswith("Scanner(kinds=('no_fnr',") and "2030-01-02" in r
    default = sladd.Scanner()
    assert default.min_confidence == "medium"
    assert default.context_window == (40, 20)
    assert default.reference_date == dt.date.today().isoformat()
    # datetime is a date too
    dated = sladd.Scanner(reference_date=dt.datetime(2031, 5, 6, 7, 8))
    assert dated.reference_date == "2031-05-06"


def test_context_window_matters() -> None:
    text = "fnr" + " " * 30 + "010180 00055"
    assert sladd.Scanner().scan(text)[0].confidence == "high"
    narrow = sladd.Scanner(context_window=(5, 5))
    assert narrow.scan(text)[0].confidence == "medium"


def test_reference_date_matters() -> None:
    # Born 1 January 1980: not yet born in 1979.
    assert sladd.Scanner(reference_date="1979-06-01").scan("010180 00055") == []
    # A CPR number's century is fixed by its seventh digit (1980 here).
    assert not sladd.Scanner(reference_date="1979-06-01").validate(
        "dk_cpr", "010180-1004")
    assert sladd.Scanner(reference_date=TODAY).validate("dk_cpr", "010180-1004")


@pytest.mark.parametrize("style,want", [
    ("mask", "Vedtak for Kari, fnr ****** *****, CPR ******-****."),
    ("label", "Vedtak for Kari, fnr [no_fnr], CPR [dk_cpr]."),
    ("keep_birthdate", "Vedtak for Kari, fnr 010180 *****, CPR 010180-****."),
])
def test_redaction_styles(sc: sladd.Scanner, style: str, want: str) -> None:
    text = "Vedtak for Kari, fnr 010180 00055, CPR 010180-1004."
    assert sc.redact(text, style=style) == want
    assert sc.redact(text, style) == want


def test_redact_default_and_rescan() -> None:
    text = "Søknad fra Kari Nordmann 😀, fnr 010180 00055, kt. 120160-3389"
    out = sladd.redact(text)
    assert len(out) == len(text)
    assert "010180" not in out and "3389" not in out
    low = sladd.Scanner(min_confidence="low")
    assert low.scan(out) == []
    for style in sladd.STYLES:
        assert low.scan(low.redact(text, style=style)) == []


def test_redact_bytes_gives_bytes(sc: sladd.Scanner) -> None:
    out = sc.redact("fnr 010180 00055 æ".encode(), style="label")
    assert out == "fnr [no_fnr] æ".encode()
    assert sc.redact(bytearray(b"fnr 010180 00055")) == b"fnr ****** *****"


def test_module_functions() -> None:
    (m,) = sladd.scan("fnr: 010180 00055")
    assert m.kind == "no_fnr"
    assert sladd.redact("fnr: 010180 00055") == "fnr: ****** *****"
    assert sladd.redact("fnr: 010180 00055", "label") == "fnr: [no_fnr]"


@pytest.mark.parametrize("kind,value", [
    ("no_fnr", "01018000055"), ("no_fnr", "010180 00055"),
    ("no_dnr", "41019000077"), ("no_hnr", "01418000038"),
    ("no_fhnr", "81234560077"), ("dk_cpr", "010180-1004"),
    ("se_pnr", "811218-9876"), ("se_pnr", "19811218-9876"),
    ("se_snr", "701063-2391"), ("fi_hetu", "131052-308T"),
    ("fi_hetu", "131052-308t"), ("fi_hetu", "010594Y9032"),
    ("is_kt", "120160-3389"), ("no_fnr", "  01018000055  "),
])
def test_validate_true(kind: str, value: str) -> None:
    assert sladd.validate(kind, value) is True
    assert sladd.validate(kind, value.encode()) is True


@pytest.mark.parametrize("kind,value", [
    ("no_fnr", "01018000056"), ("no_fnr", "41019000077"),
    ("se_pnr", "701063-2391"), ("se_snr", "811218-9876"),
    ("dk_cpr", "290200-0006"), ("fi_hetu", "131052-308U"),
    ("is_kt", "411127-2810"), ("no_fnr", ""), ("no_fnr", "hello"),
    ("no_fnr", "fnr 01018000055"), ("dk_cpr", "010180-1004x"),
])
def test_validate_false(kind: str, value: str) -> None:
    assert sladd.validate(kind, value) is False


def test_validate_kind_is_case_insensitive() -> None:
    assert sladd.validate("NO_FNR", "01018000055")


def test_match_repr_masks_the_value(sc: sladd.Scanner) -> None:
    (m,) = sc.scan("fnr 010180 00055")
    assert repr(m) == ("Match(kind='no_fnr', start=4, end=16, "
                       "text='010180*****', confidence='high')")
    assert m.masked == "010180*****"
    assert "00055" not in repr(m) and "00055" not in str(m)
    for text, _kind, value, _conf in EVERY_KIND:
        (m,) = sc.scan(text)
        digits = "".join(c for c in value if c.isalnum())
        assert digits not in repr(m)
        assert digits[6:] not in repr(m)
    (m,) = sc.scan("FH-nummer 81234560077")
    assert m.masked == "*" * 11


def test_match_equality_and_hash(sc: sladd.Scanner) -> None:
    a = sc.scan("fnr 010180 00055")
    b = sc.scan("fnr 010180 00055")
    assert a == b and hash(a[0]) == hash(b[0])
    assert a != sc.scan("fnr  010180 00055")
    assert len({a[0], b[0]}) == 1


def test_match_is_immutable(sc: sladd.Scanner) -> None:
    (m,) = sc.scan("fnr 010180 00055")
    with pytest.raises(AttributeError):
        m.kind = "dk_cpr"  # type: ignore[misc]


def test_no_findings_in_plain_text(sc: sladd.Scanner) -> None:
    assert sc.scan("") == []
    assert sc.scan("Ingen nummer her, bare tekst æøå 😀") == []
    # Look-alikes are never IDs; the default scanner reports a phone
    # number as what it is.
    ids = sladd.Scanner(kinds="ids", reference_date=TODAY)
    assert ids.scan("konto 1503.80.12345 og tlf 22 33 44 55") == []
    assert [m.kind for m in sc.scan("tlf 22 33 44 55")] == ["phone"]


# ---------------------------------------------------------------- errors

@pytest.mark.parametrize("kwargs,exc,needle", [
    ({"kinds": ["no_fnr", "xx_id"]}, sladd.UnknownKindError, '"xx_id"'),
    ({"kinds": "nope"}, sladd.UnknownKindError, "kinds"),
    ({"kinds": []}, sladd.BuildError, "kinds"),
    ({"countries": ["no", "zz"]}, sladd.BuildError, '"zz"'),
    ({"countries": []}, sladd.BuildError, "countries"),
    ({"min_confidence": "certain"}, sladd.BuildError, '"certain"'),
    ({"reference_date": "2026-02-30"}, sladd.BuildError, "2026-02-30"),
    ({"reference_date": "tomorrow"}, sladd.BuildError, "reference_date"),
    ({"context_window": (0, 10)}, sladd.BuildError, "context_window"),
    ({"context_window": (10, 100000)}, sladd.BuildError, "context_window"),
    ({"context_window": (-1, 10)}, sladd.BuildError, "context_window"),
    ({"kinds": ["no_fnr"], "countries": ["se"]}, sladd.BuildError,
     "nothing"),
])
def test_build_errors(kwargs: dict, exc: type, needle: str) -> None:
    with pytest.raises(exc) as info:
        sladd.Scanner(**kwargs)
    assert needle in str(info.value)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, sladd.SladdError)


def test_exception_hierarchy() -> None:
    assert issubclass(sladd.SladdError, ValueError)
    assert issubclass(sladd.BuildError, sladd.SladdError)
    assert issubclass(sladd.UnknownKindError, sladd.BuildError)
    assert issubclass(sladd.UnknownStyleError, sladd.SladdError)


def test_unknown_kind_in_validate() -> None:
    with pytest.raises(sladd.UnknownKindError, match='kind: unknown kind "xx_orgnr"'):
        sladd.validate("xx_orgnr", "556016-0680")
    with pytest.raises(ValueError):
        sladd.Scanner().validate("xx", "1")


def test_unknown_style() -> None:
    with pytest.raises(sladd.UnknownStyleError, match='"blur"'):
        sladd.redact("fnr 010180 00055", style="blur")
    with pytest.raises(ValueError, match="style"):
        sladd.Scanner().redact("x", "blur")


@pytest.mark.parametrize("call", [
    lambda: sladd.scan(123),
    lambda: sladd.scan(None),
    lambda: sladd.redact(["a"]),
    lambda: sladd.validate("no_fnr", 1018000055),
    lambda: sladd.Scanner(kinds=[1, 2]),
    lambda: sladd.Scanner(kinds=5),
    lambda: sladd.Scanner(context_window=5),
    lambda: sladd.Scanner(reference_date=20260101),
    lambda: sladd.Scanner().scan_batch("one text"),
    lambda: sladd.Scanner().scan_batch(["ok", 5]),
])
def test_wrong_types_raise_type_error(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError):
        call()


def test_keyword_only_extras() -> None:
    with pytest.raises(TypeError):
        sladd.Scanner(None, None, "medium", (40, 20))  # type: ignore[misc]


def test_lone_surrogate_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        sladd.scan("fnr 010180 00055 \ud800")


def test_panic_becomes_runtime_error() -> None:
    from sladd import _sladd

    with pytest.raises(RuntimeError, match="internal error in sladd"):
        _sladd._panic_for_tests()


def test_lenient_reads_damaged_numbers_after_a_label() -> None:
    # `0101801 004`: the digits of a valid CPR broken by OCR.
    text = "CPR: 0101801 004\nRef 0101801 004\n"
    off = sladd.Scanner(reference_date="2026-11-22")
    assert not off.lenient
    assert [m for m in off.scan(text) if m.group == "ids"] == []
    on = sladd.Scanner(reference_date="2026-11-22", lenient=True)
    assert on.lenient
    found = [m for m in on.scan(text) if m.group == "ids"]
    assert [(m.kind, m.start, m.end) for m in found] == [("dk_cpr", 5, 16)]
    assert "ocr" in found[0].flags
    assert "ocr" in sladd.FLAGS
