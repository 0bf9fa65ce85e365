"""Differential test against python-stdnum (docs/rules.md §9).

On many generated candidates per country, sladd's validate must agree with
python-stdnum except for the disagreement classes docs/rules.md §9 lists (and
sladd's rule that an Icelandic company number is not a person's
kennitala). Every disagreement is classified; an unlisted class fails.
"""

from __future__ import annotations

import collections
import datetime as dt

import pytest

import idgen
import sladd

stdnum_no = pytest.importorskip("stdnum.no.fodselsnummer")
stdnum_dk = pytest.importorskip("stdnum.dk.cpr")
stdnum_se = pytest.importorskip("stdnum.se.personnummer")
stdnum_fi = pytest.importorskip("stdnum.fi.hetu")
stdnum_is = pytest.importorskip("stdnum.is_.kennitala")

N = 40_000

KINDS = {
    "no": ("no_fnr", "no_dnr", "no_hnr", "no_fhnr"),
    "dk": ("dk_cpr",),
    "se": ("se_pnr", "se_snr"),
    "fi": ("fi_hetu",),
    "is": ("is_kt",),
}

# (who accepts, class) allowed per country, from docs/rules.md §9.
EXPECTED = {
    "no": {
        ("sladd", "tenor_synthetic"), ("sladd", "fh"),
        ("sladd", "dnr_extended"), ("sladd", "k1_2032"),
        ("sladd", "no_century_2032"), ("sladd", "future_by_table"),
        ("sladd", "leap_other_century"), ("sladd", "nhn_synthetic"),
    },
    "dk": set(),
    "se": {
        ("sladd", "samordningsnummer"), ("sladd", "samordning_unknown_date"),
        ("sladd", "plus_leap_day"), ("stdnum", "century"),
        ("stdnum", "future_12_digit"), ("stdnum", "serial_000"),
    },
    # A HETU dated after today is invalid (its century is written in it).
    "fi": {("stdnum", "future")},
    "fi_default": {("sladd", "temporary"), ("stdnum", "future")},
    "is": {
        ("sladd", "check_digit_abolished"), ("sladd", "century_8"),
        ("sladd", "system_number"), ("stdnum", "future"),
        ("stdnum", "company_not_personal"),
    },
}


def sladd_valid(country: str, s: str) -> bool:
    return any(sladd.validate(k, s) for k in KINDS[country])


def hetu_date(s: str) -> dt.date | None:
    """The birth date a HETU writes, century sign included."""
    century = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900,
               "V": 1900, "U": 1900, "A": 2000, "B": 2000, "C": 2000,
               "D": 2000, "E": 2000, "F": 2000}.get(s[6].upper())
    if century is None:
        return None
    try:
        return dt.date(century + int(s[4:6]), int(s[2:4]), int(s[0:2]))
    except ValueError:
        return None


def classify(country: str, s: str, sladd_ok: bool, today: dt.date) -> str:
    if country == "no":
        if sladd_ok and 66 <= int(s[2:4]) <= 77:
            # Norsk Helsenett test persons: month + 65 (docs/rules.md §1.6).
            return "nhn_synthetic"
        return idgen.no_classify(s, today) if sladd_ok else "other"
    if country in ("fi", "fi_default") and not sladd_ok:
        d = hetu_date(s)
        if d is not None and d > today:
            return "future"
    if country == "se":
        return (idgen.se_classify_sladd_only(s) if sladd_ok
                else idgen.se_classify_stdnum_only(s, today))
    if country == "is":
        return idgen.is_classify(s, today, sladd_ok)
    if country == "fi_default":
        z = int(s[7:10])
        return "temporary" if sladd_ok and z >= 900 else "other"
    return "other"


def stdnum_valid(country: str, s: str) -> bool:
    if country == "no":
        return bool(stdnum_no.is_valid(s))
    if country == "dk":
        return bool(stdnum_dk.is_valid(s))
    if country == "se":
        return bool(stdnum_se.is_valid(s))
    if country == "fi":
        return bool(stdnum_fi.is_valid(s, allow_temporary=True))
    if country == "fi_default":
        return bool(stdnum_fi.is_valid(s))
    return bool(stdnum_is.is_valid(s))


@pytest.mark.parametrize("country", ["no", "dk", "se", "fi", "fi_default", "is"])
def test_agrees_with_stdnum_except_listed_classes(country: str) -> None:
    today = dt.date.today()
    gen = "fi" if country == "fi_default" else country
    kinds_country = gen
    seen: collections.Counter[tuple[str, str]] = collections.Counter()
    examples: dict[tuple[str, str], str] = {}
    agree = valid = 0
    for s in idgen.candidates(gen, N):
        a = sladd_valid(kinds_country, s)
        b = stdnum_valid(country, s)
        valid += a
        if a == b:
            agree += 1
            continue
        key = ("sladd" if a else "stdnum",
               classify(country, s, a, today))
        seen[key] += 1
        examples.setdefault(key, s)
    unexpected = {k: (n, examples[k]) for k, n in seen.items()
                  if k not in EXPECTED[country]}
    assert not unexpected, f"unlisted disagreement classes: {unexpected}"
    # The generator must exercise both sides: plenty valid, plenty agreed.
    assert valid > N // 10
    assert agree > N // 2


def test_listed_classes_are_exercised() -> None:
    """The generator reaches the main disagreement classes, so the test
    above is not vacuous."""
    today = dt.date.today()
    must = {
        "no": {("sladd", "tenor_synthetic"), ("sladd", "fh"),
               ("sladd", "k1_2032")},
        "se": {("sladd", "samordningsnummer"), ("stdnum", "serial_000")},
        "is": {("sladd", "check_digit_abolished"),
               ("stdnum", "company_not_personal")},
    }
    for country, classes in must.items():
        seen = set()
        for s in idgen.candidates(country, 5000):
            a = sladd_valid(country, s)
            if a != stdnum_valid(country, s):
                seen.add(("sladd" if a else "stdnum",
                          classify(country, s, a, today)))
        assert classes <= seen, (country, classes - seen)


@pytest.mark.parametrize("kind,value,stdnum_says", [
    # One named example per listed class (docs/rules.md §9).
    ("no_fnr", "17912099997", False),   # Tenor synthetic
    ("no_fhnr", "81234560077", False),  # FH-nummer
    ("se_snr", "701063-2391", False),   # samordningsnummer
    ("fi_hetu", "131052-308t", True),   # lower case: both accept
    ("is_kt", "411127-2810", None),     # company: sladd says not personal
])
def test_named_examples(kind: str, value: str, stdnum_says: object) -> None:
    mod = {"no": stdnum_no, "se": stdnum_se, "fi": stdnum_fi,
           "is": stdnum_is}[kind[:2]]
    if stdnum_says is not None:
        assert bool(mod.is_valid(value)) is stdnum_says
    assert sladd.validate(kind, value) is (kind != "is_kt")
