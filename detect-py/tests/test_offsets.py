"""Offsets: code points into the str, plus UTF-8 byte and UTF-16 offsets."""

from __future__ import annotations

import random

import pytest

import sladd

FILLERS = [
    "æøå", "ÆØÅ", "e\u0301", "A\u030a", "😀", "🇳🇴", "👩\u200d👩\u200d👧",
    "ö", "ð", "þ", " ", "\u00a0", "—", "x", "\t", "日本",
]
IDS = ["fnr 010180 00055", "CPR 010180-1004", "personnummer 811218-9876",
       "henkilötunnus 131052-308T", "kt. 120160-3389",
       "samordningsnummer 701063-2391"]


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def check(text: str, ms: list[sladd.Match]) -> None:
    for m in ms:
        assert text[m.start:m.end] == m.text
        assert len(text[:m.start].encode()) == m.byte_start
        assert len(text[:m.end].encode()) == m.byte_end
        assert text.encode()[m.byte_start:m.byte_end] == m.text.encode()
        assert utf16_len(text[:m.start]) == m.utf16_start
        assert utf16_len(text[:m.end]) == m.utf16_end


def test_simple_offsets() -> None:
    text = "Søknad 😀: fnr 010180 00055"
    (m,) = sladd.scan(text)
    assert (m.start, m.end) == (14, 26)
    assert (m.byte_start, m.byte_end) == (18, 30)
    assert (m.utf16_start, m.utf16_end) == (15, 27)
    check(text, [m])


def test_ascii_offsets_are_equal() -> None:
    (m,) = sladd.scan("fnr 010180 00055")
    assert m.start == m.byte_start == m.utf16_start == 4
    assert m.end == m.byte_end == m.utf16_end == 16


@pytest.mark.parametrize("seed", range(20))
def test_random_unicode_texts(seed: int) -> None:
    rng = random.Random(seed)
    parts = []
    want = 0
    for _ in range(rng.randint(1, 40)):
        if rng.random() < 0.2:
            parts.append(rng.choice(IDS))
            want += 1
        else:
            parts.append("".join(rng.choice(FILLERS)
                                 for _ in range(rng.randint(1, 8))))
        parts.append(" ; ")
    text = "".join(parts)
    ms = sladd.scan(text)
    assert len(ms) == want
    check(text, ms)


def test_bytes_input_gives_byte_offsets() -> None:
    text = "Søknad 😀: fnr 010180 00055"
    (m,) = sladd.scan(text.encode())
    assert (m.start, m.end) == (18, 30)
    assert (m.byte_start, m.byte_end) == (18, 30)
    assert m.utf16_start is None and m.utf16_end is None
    assert m.text == "010180 00055"


def test_invalid_utf8_bytes() -> None:
    data = b"\xff\xfe broken \xc3 fnr 010180 00055 \x80"
    (m,) = sladd.scan(data)
    assert data[m.start:m.end] == b"010180 00055"


def test_nbsp_separator_text() -> None:
    text = "æ fnr 010180\u00a000055"
    ms = sladd.scan(text)
    check(text, ms)
    if ms:
        assert ms[0].text == "010180\u00a000055"


def test_large_text_released_gil_path() -> None:
    # Above the GIL-release threshold: same offsets as the small path.
    unit = "Søknad om barnehageplass 😀 - Kari Nordmann, fnr 010180 00055\n"
    text = unit * 2000
    ms = sladd.scan(text)
    # A name and a number per unit; offsets count the emoji as one.
    assert len(ms) == 4000
    assert [m.kind for m in ms[:2]] == ["person_name", "no_fnr"]
    check(text, ms[:50] + ms[-50:])
    assert ms[-1].start == len(text) - 13
