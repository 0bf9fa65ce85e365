"""Synthetic Nordic ID candidates and the rules to classify them.

The rules are those of docs/rules.md and of the reference validators behind
testdata/id_vectors.json: check-digit weights, century tables, date checks.
Nothing here is a real person's number: candidates are drawn at random
from a fixed seed, and half of them have deliberately wrong check digits.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Callable, Iterator, List, Optional, Sequence, Tuple


def digits(s: str) -> List[int]:
    return [ord(c) - 48 for c in s]


def wsum(weights: Sequence[int], ds: Sequence[int]) -> int:
    return sum(w * d for w, d in zip(weights, ds))


def real_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
        return True
    except ValueError:
        return False


def luhn_ok(number: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(number)):
        v = ord(c) - 48
        if i % 2 == 1:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return total % 10 == 0


def luhn_digit(payload: str) -> str:
    for c in "0123456789":
        if luhn_ok(payload + c):
            return c
    raise AssertionError("unreachable")


# ---------------------------------------------------------------- Norway
NO_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2, 1)
NO_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def no_remainders(s: str) -> Tuple[int, int]:
    d = digits(s)
    return wsum(NO_W1, d[:10]) % 11, wsum(NO_W2, d[:11]) % 11


def no_make(nine: str, k1_rest: int = 0) -> Optional[str]:
    d = digits(nine)
    k1 = (k1_rest - wsum(NO_W1[:9], d)) % 11
    if k1 == 10:
        return None
    k2 = (-wsum(NO_W2[:10], d + [k1])) % 11
    if k2 == 10:
        return None
    return nine + str(k1) + str(k2)


def no_centuries_fnr(ind: int, yy: int) -> List[int]:
    out = set()
    if ind <= 499:
        out.add(1900)
    if 500 <= ind <= 749 and yy >= 54:
        out.add(1800)
    if 500 <= ind <= 999 and yy <= 39:
        out.add(2000)
    if 900 <= ind <= 999 and yy >= 40:
        out.add(1900)
    return sorted(out)


def no_centuries_dnr(ind: int, yy: int) -> List[int]:
    out = set(no_centuries_fnr(ind, yy))
    if 500 <= ind <= 599 and yy >= 58:
        out.add(1800)
    if ind <= 199 and yy <= 39:
        out.add(1900)
    if (ind <= 499 or ind >= 600) and yy >= 40:
        out.add(1900)
    if ind >= 200 and yy <= 39:
        out.add(2000)
    return sorted(out)


def no_generate(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return "".join(rng.choice("0123456789") for _ in range(11))
    variant = rng.choice(["fnr", "fnr", "dnr", "hnr", "tenor", "fh", "dtenor"])
    if variant == "fh":
        nine = rng.choice("89") + "".join(
            rng.choice("0123456789") for _ in range(8))
    else:
        year = rng.randint(1854, 2039)
        month = rng.randint(1, 12)
        day = rng.randint(1, 31 if rng.random() < 0.9 else 29)
        if variant in ("dnr", "dtenor"):
            day += 40
        if variant == "hnr":
            month += 40
        if variant in ("tenor", "dtenor"):
            month += 80
        ind = rng.randint(0, 999)
        nine = f"{day:02d}{month:02d}{year % 100:02d}{ind:03d}"
    if rng.random() < 0.5:
        rest = 0 if rng.random() < 0.7 else rng.randint(1, 3)
        made = no_make(nine, rest)
        if made is not None:
            return made
    return nine + f"{rng.randint(0, 99):02d}"


def no_classify(s: str, today: dt.date) -> str:
    """Why a number sladd accepts may be rejected by a classic validator:
    the docs/rules.md §9.1 class, or 'other'."""
    if s[0] in "89":
        return "fh"
    if s[2] in "89":
        return "tenor_synthetic"
    r1, r2 = no_remainders(s)
    if r1 in (1, 2, 3):
        return "k1_2032"
    day, month, yy, ind = int(s[0:2]), int(s[2:4]), int(s[4:6]), int(s[6:9])
    dnr = s[0] in "4567"
    if dnr:
        day -= 40
    if s[2] in "45":
        month -= 40
    ordinary = no_centuries_fnr(ind, yy)
    table = no_centuries_dnr(ind, yy) if dnr else ordinary
    if dnr and not ordinary and table:
        return "dnr_extended"
    if not table:
        return "no_century_2032"
    table_dates = [dt.date(c + yy, month, day) for c in table
                   if real_date(c + yy, month, day)]
    if table_dates and all(d > today for d in table_dates):
        return "future_by_table"
    if not table_dates and any(real_date(c + yy, month, day)
                               for c in (1800, 1900, 2000)):
        return "leap_other_century"
    if dnr and ordinary:
        ord_dates = [c for c in ordinary if real_date(c + yy, month, day)
                     and dt.date(c + yy, month, day) <= today]
        if not ord_dates:
            return "dnr_extended"
    return "other"


# ---------------------------------------------------------------- Denmark
DK_W = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def dk_generate(rng: random.Random) -> str:
    if rng.random() < 0.25:
        s = "".join(rng.choice("0123456789") for _ in range(10))
    else:
        day = rng.randint(1, 31) + (60 if rng.random() < 0.05 else 0)
        s = (f"{day:02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}"
             f"{rng.randint(0, 9999):04d}")
        if rng.random() < 0.5:
            # Fix the last digit for modulus 11 when possible.
            c = (-wsum(DK_W[:9], digits(s[:9]))) % 11
            if c < 10:
                s = s[:9] + str(c)
    return s[:6] + "-" + s[6:] if rng.random() < 0.5 else s


# ---------------------------------------------------------------- Sweden
def se_generate(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return "".join(rng.choice("0123456789") for _ in range(10))
    year = rng.randint(1700, 2099) if rng.random() < 0.1 else rng.randint(
        1890, 2030)
    month = rng.randint(0 if rng.random() < 0.05 else 1, 12)
    day = rng.randint(0 if rng.random() < 0.05 else 1, 31)
    if rng.random() < 0.2:
        day += 60
    serial = rng.randint(0, 999) if rng.random() > 0.02 else 0
    nine = f"{year % 100:02d}{month:02d}{day:02d}{serial:03d}"
    ten = nine + (luhn_digit(nine) if rng.random() < 0.6
                  else str(rng.randint(0, 9)))
    form = rng.random()
    if form < 0.3:
        return ten
    if form < 0.55:
        return ten[:6] + "-" + ten[6:]
    if form < 0.6:
        return ten[:6] + "+" + ten[6:]
    if form < 0.8:
        return f"{year // 100:02d}" + ten
    return f"{year // 100:02d}" + ten[:6] + "-" + ten[6:]


def se_classify_sladd_only(s: str) -> str:
    """Why sladd accepts a Swedish number stdnum rejects (docs/rules.md §9.3)."""
    ten = s.replace("-", "").replace("+", "")[-10:]
    month, day = int(ten[2:4]), int(ten[4:6])
    if day >= 60:
        if month == 0 or day == 60:
            return "samordning_unknown_date"
        return "samordningsnummer"
    if "+" in s and ten[2:6] == "0229":
        return "plus_leap_day"
    return "other"


def se_classify_stdnum_only(s: str, today: dt.date) -> str:
    """Why stdnum accepts a Swedish number sladd rejects (docs/rules.md §9.3)."""
    compact = s.replace("-", "").replace("+", "")
    ten = compact[-10:]
    if int(ten[6:9]) == 0:
        return "serial_000"
    if len(compact) == 12:
        cent = int(compact[:2])
        if cent not in (18, 19, 20):
            return "century"
        month, day = int(ten[2:4]), int(ten[4:6])
        if day > 60:
            day -= 60
        year = cent * 100 + int(ten[:2])
        if real_date(year, month, day) and dt.date(year, month, day) > today:
            return "future_12_digit"
    return "other"


# ---------------------------------------------------------------- Finland
FI_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
FI_SIGNS = "+-YXWVUABCDEF"


def fi_generate(rng: random.Random) -> str:
    dd = rng.randint(1, 31) if rng.random() > 0.05 else rng.randint(0, 99)
    mm = rng.randint(1, 12) if rng.random() > 0.05 else rng.randint(0, 99)
    yy = rng.randint(0, 99)
    sign = rng.choice(FI_SIGNS) if rng.random() > 0.05 else rng.choice("GZ*")
    zzz = rng.randint(0, 999)
    date6 = f"{dd:02d}{mm:02d}{yy:02d}"
    if rng.random() < 0.6:
        q = FI_CHECK[int(date6 + f"{zzz:03d}") % 31]
    else:
        q = rng.choice(FI_CHECK + "GIOQZ")
    s = f"{date6}{sign}{zzz:03d}{q}"
    return s.lower() if rng.random() < 0.1 else s


# ---------------------------------------------------------------- Iceland
IS_W = (3, 2, 7, 6, 5, 4, 3, 2)


def is_generate(rng: random.Random) -> str:
    if rng.random() < 0.25:
        s = "".join(rng.choice("0123456789") for _ in range(10))
    else:
        day = rng.randint(1, 31) + (40 if rng.random() < 0.15 else 0)
        eight = (f"{day:02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}"
                 f"{rng.randint(20, 99):02d}")
        c = (-wsum(IS_W, digits(eight))) % 11
        if rng.random() < 0.6 and c < 10:
            check = str(c)
        else:
            check = str(rng.randint(0, 9))
        s = eight + check + rng.choice("8990" if rng.random() < 0.9
                                       else "0123456789")
    return s[:6] + "-" + s[6:] if rng.random() < 0.5 else s


def is_classify(s: str, today: dt.date, sladd_ok: bool) -> str:
    """Why sladd and stdnum differ on an Icelandic number (docs/rules.md §9.5 plus
    sladd's own rule that a company number is not a person's kennitala)."""
    c = s.replace("-", "")
    if c[0] in "89":
        return "system_number"
    day, month, yy = int(c[0:2]), int(c[2:4]), int(c[4:6])
    if not sladd_ok and 41 <= day <= 71:
        return "company_not_personal"
    if c[9] == "8":
        return "century_8"
    if sladd_ok and wsum(IS_W + (1,), digits(c[:9])) % 11 != 0:
        return "check_digit_abolished"
    if not sladd_ok:
        year = {"8": 1800, "9": 1900, "0": 2000}.get(c[9])
        if year is not None and real_date(year + yy, month, day) and \
                dt.date(year + yy, month, day) > today:
            return "future"
    return "other"


GENERATORS: dict[str, Callable[[random.Random], str]] = {
    "no": no_generate,
    "dk": dk_generate,
    "se": se_generate,
    "fi": fi_generate,
    "is": is_generate,
}


def candidates(country: str, n: int, seed: int = 2026) -> Iterator[str]:
    rng = random.Random(f"{country}-{seed}")
    gen = GENERATORS[country]
    for _ in range(n):
        yield gen(rng)
