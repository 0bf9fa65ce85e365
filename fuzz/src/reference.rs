//! Slow reference validators, written from `docs/rules.md` (§1–5 and
//! the shipped profiles of §8.1) without looking at detect-core's
//! validators, plus a parser of the written forms that
//! `Scanner::validate` accepts (docs/rules.md §1.8, §2.4, §3.3, §4.2, §5.3
//! and the separators of §8.2). Section numbers below are those of
//! docs/rules.md; the test vectors are `testdata/id_vectors.json`.
//!
//! Profiles, as detect-core documents them:
//!
//! * NO `2032`: K1 remainder 0–3, K2 remainder 0; a real date, not in the
//!   future, in *some* century (1800s, 1900s, 2000s). First digit 8/9 is an
//!   FH-nummer: no date, both remainders 0. Day + 40 is a D-nummer, month
//!   + 40 an H-nummer (or NAV synthetic), month + 65 a Norsk Helsenett
//!   test person and month + 80 a Tenor synthetic number (both of kind
//!   fødselsnummer or D-nummer). A four-digit year written in
//!   the text must itself give a real past date, and excludes FH.
//! * NO DUF-nummer: 12 digits, the first four a year from 1950 to this
//!   year, the last two the weighted sum (4 6 3 2 4 6 3 2 7 5) mod 11.
//! * DK `recommended`: date and century only (modulus 11 is evidence, not
//!   a rule); day 61–91 is a replacement number, not a CPR.
//! * SE `recommended`: Luhn, birth number ≠ 000, a real past date in some
//!   century (the written century for 12 digits, 18–20 only); day + 60 is
//!   a samordningsnummer, whose month and/or day may be 00 (unknown).
//! * FI `with_temporary`, case-insensitive: one of the 13 signs, a real
//!   date in the sign's century, not after today (§4.1: the century is
//!   written in the code), ZZZ 002–999, the mod-31 check character.
//! * IS `recommended`: day 01–31 a person (41–71 a company: not personal,
//!   so not valid as `is_kt`), century digit 8/9/0, a real past date; the
//!   check digit is evidence only. First digit 8/9 is a system number,
//!   valid with no further structure.

use detect_core::{Date, Kind};

/// A day as `(year, month, day)`.
type Ymd = (u32, u32, u32);

fn leap(y: u32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn real((y, m, d): Ymd) -> bool {
    let dim = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(y) => 29,
        2 => 28,
        _ => return false,
    };
    d >= 1 && d <= dim
}

/// A real date on or before `today`.
fn real_past(date: Ymd, today: Date) -> bool {
    let t = (
        u32::from(today.year()),
        u32::from(today.month()),
        u32::from(today.day()),
    );
    real(date) && date <= t
}

fn n(d: &[u8]) -> u32 {
    d.iter().fold(0, |a, &x| a * 10 + u32::from(x))
}

fn wsum(w: &[u32], d: &[u8]) -> u32 {
    w.iter().zip(d).map(|(w, &d)| w * u32::from(d)).sum()
}

/// The Norwegian kind of 11 digits, if valid; `year` is a four-digit year
/// written in the text (`DDMMYYYY NNNNN`).
pub fn no(d: &[u8; 11], year: Option<u32>, today: Date) -> Option<Kind> {
    // §1.1: K1 over d1–d9 weights 3 7 6 1 8 9 4 5 2, plus K1; K2 over
    // d1–d10 weights 5 4 3 2 7 6 5 4 3 2, plus K2.
    let r1 = (wsum(&[3, 7, 6, 1, 8, 9, 4, 5, 2], d) + u32::from(d[9])) % 11;
    let r2 =
        (wsum(&[5, 4, 3, 2, 7, 6, 5, 4, 3, 2], d) + u32::from(d[10])) % 11;
    if d[0] == 8 || d[0] == 9 {
        // §1.5 FH: only the two legacy control digits.
        return (year.is_none() && r1 == 0 && r2 == 0).then_some(Kind::NoFhnr);
    }
    // §1.2: K1 remainder 0–3, K2 unchanged.
    if r1 > 3 || r2 != 0 {
        return None;
    }
    let (mut day, mut month, yy) = (n(&d[0..2]), n(&d[2..4]), n(&d[4..6]));
    let dnr = (4..=7).contains(&d[0]);
    if dnr {
        day -= 40; // §1.3
    }
    let hnr = match d[2] {
        0 | 1 => false,
        4 | 5 => {
            month -= 40; // §1.4, §1.6 NAV
            true
        }
        6 | 7 if month >= 66 => {
            month -= 65; // §1.6 Norsk Helsenett
            false
        }
        8 | 9 => {
            month -= 80; // §1.6 Tenor
            false
        }
        _ => return None,
    };
    let some_century = [1800, 1900, 2000]
        .iter()
        .any(|c| real_past((c + yy, month, day), today));
    if !some_century {
        return None;
    }
    if let Some(y) = year
        && !real_past((y, month, day), today)
    {
        return None;
    }
    Some(if dnr {
        Kind::NoDnr
    } else if hnr {
        Kind::NoHnr
    } else {
        Kind::NoFnr
    })
}

/// Whether 12 digits are a DUF-nummer (§1.7).
pub fn duf(d: &[u8; 12], today: Date) -> bool {
    let year = n(&d[0..4]);
    (1950..=u32::from(today.year())).contains(&year)
        && wsum(&[4, 6, 3, 2, 4, 6, 3, 2, 7, 5], d) % 11 == n(&d[10..12])
}

/// Whether 10 digits are a CPR-nummer (§2, profile `recommended`).
pub fn dk(d: &[u8; 10], today: Date) -> bool {
    let (day, month, yy) = (n(&d[0..2]), n(&d[2..4]), n(&d[4..6]));
    if day >= 61 {
        return false; // §2.3 replacement number
    }
    // §2.1 century table.
    let base = match (d[6], yy) {
        (0..=3, _) => 1900,
        (4 | 9, 0..=36) => 2000,
        (4 | 9, _) => 1900,
        (_, 0..=57) => 2000,
        _ => 1800,
    };
    real_past((base + yy, month, day), today)
}

/// The Swedish kind of `YYMMDDNNNC`, if valid; `cc` is the century of the
/// 12-digit form (§3).
pub fn se(d: &[u8; 10], cc: Option<u32>, today: Date) -> Option<Kind> {
    // §3.1 Luhn: weights 2,1,2,1,… from the left, digits of products.
    let luhn: u32 = d
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            let v = u32::from(x) * if i % 2 == 0 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    if luhn % 10 != 0 || n(&d[6..9]) == 0 {
        return None;
    }
    let centuries: &[u32] = match cc {
        None => &[1800, 1900, 2000],
        Some(18) => &[1800],
        Some(19) => &[1900],
        Some(20) => &[2000],
        Some(_) => return None,
    };
    let (yy, month, mut day) = (n(&d[0..2]), n(&d[2..4]), n(&d[4..6]));
    let mut kind = Kind::SePnr;
    if day >= 60 {
        // §3.2: day + 60; day 60 is an unknown day.
        kind = Kind::SeSnr;
        day -= 60;
    }
    if kind == Kind::SeSnr && (month == 0 || day == 0) {
        // Unknown month and/or day: only bounded.
        return (month <= 12 && day <= 31).then_some(kind);
    }
    centuries
        .iter()
        .any(|c| real_past((c + yy, month, day), today))
        .then_some(kind)
}

/// Whether 10 digits are a person's kennitala (§5).
pub fn is(d: &[u8; 10], today: Date) -> bool {
    if d[0] >= 8 {
        return true; // kerfiskennitala: no structure
    }
    let (day, month, yy) = (n(&d[0..2]), n(&d[2..4]), n(&d[4..6]));
    if !(1..=31).contains(&day) {
        return false; // 41–71 is a company
    }
    let base = match d[9] {
        8 => 1800,
        9 => 1900,
        0 => 2000,
        _ => return false,
    };
    real_past((base + yy, month, day), today)
}

/// The Finnish check characters (§4.1).
pub const FI_TABLE: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// Whether a HETU is valid (§4): `sign` and `check` as written (any case;
/// a Unicode hyphen already turned into `-`).
pub fn fi(
    date: &[u8; 6],
    sign: u8,
    zzz: &[u8; 3],
    check: u8,
    today: Date,
) -> bool {
    let base = match sign.to_ascii_uppercase() {
        b'+' => 1800,
        b'-' | b'U'..=b'Y' => 1900,
        b'A'..=b'F' => 2000,
        _ => return false,
    };
    let (day, month, yy) = (n(&date[0..2]), n(&date[2..4]), n(&date[4..6]));
    let nine = n(date) * 1000 + n(zzz);
    real_past((base + yy, month, day), today)
        && n(zzz) >= 2
        && FI_TABLE[(nine % 31) as usize] == check.to_ascii_uppercase()
}

/// One token of a written identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    /// A digit, ASCII or fullwidth (U+FF10–U+FF19).
    Digit(u8),
    /// A space: U+0020, U+00A0, U+2007, U+2009, U+202F.
    Space,
    /// A hyphen: `-`, U+2010–U+2015, U+2212.
    Hyphen,
    /// Any other byte (ASCII letters, `+`, `.` among them).
    Byte(u8),
}

fn tokens(v: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        let rest = &v[i..];
        let (t, l) = match rest {
            [b @ b'0'..=b'9', ..] => (Tok::Digit(b - b'0'), 1),
            [0xEF, 0xBC, c @ 0x90..=0x99, ..] => (Tok::Digit(c - 0x90), 3),
            [b' ', ..] => (Tok::Space, 1),
            [0xC2, 0xA0, ..] => (Tok::Space, 2),
            [0xE2, 0x80, 0x87 | 0x89 | 0xAF, ..] => (Tok::Space, 3),
            [b'-', ..] => (Tok::Hyphen, 1),
            [0xE2, 0x80, 0x90..=0x95, ..] => (Tok::Hyphen, 3),
            [0xE2, 0x88, 0x92, ..] => (Tok::Hyphen, 3),
            [b, ..] => (Tok::Byte(*b), 1),
            [] => unreachable!(),
        };
        out.push(t);
        i += l;
    }
    out
}

/// One way to read a written value, before validation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Eleven Norwegian digits, with the year if written in full.
    No([u8; 11], Option<u32>),
    /// Ten digits: DK, SE, IS; `plus` for a `+` separator (SE only).
    Ten([u8; 10], bool),
    /// Twelve digits `CCYYMMDDNNNC`: SE.
    Se12([u8; 12]),
    /// Twelve digits: DUF.
    Duf([u8; 12]),
    /// A HETU: date, sign, ZZZ, check character.
    Fi([u8; 6], u8, [u8; 3], u8),
}

/// The groups of a token list: runs of digits and the single separator
/// token between them.
fn groups(t: &[Tok]) -> (Vec<Vec<u8>>, Vec<Tok>) {
    let mut runs: Vec<Vec<u8>> = vec![Vec::new()];
    let mut seps = Vec::new();
    for &x in t {
        match x {
            Tok::Digit(d) => runs.last_mut().unwrap().push(d),
            s => {
                seps.push(s);
                runs.push(Vec::new());
            }
        }
    }
    (runs, seps)
}

fn arr<const N: usize>(parts: &[&[u8]]) -> [u8; N] {
    let v: Vec<u8> = parts.concat();
    v.try_into().expect("lengths checked")
}

/// Every reading of `value` by the written forms, after trimming ASCII
/// white space.
pub fn readings(value: &[u8]) -> Vec<Reading> {
    let s = value
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&value[..0], |i| &value[i..]);
    let e =
        s.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(0, |i| i + 1);
    let t = tokens(&s[..e]);
    let (runs, seps) = groups(&t);
    let lens: Vec<usize> = runs.iter().map(Vec::len).collect();
    let r = |i: usize| runs[i].as_slice();
    let year = |d: &[u8]| Some(n(d));
    let sp_or_hy = |s: Tok| matches!(s, Tok::Space | Tok::Hyphen);
    let mut out = Vec::new();
    match (lens.as_slice(), seps.as_slice()) {
        // §1.8 NO.
        ([11], []) => out.push(Reading::No(arr(&[r(0)]), None)),
        ([6, 5], [s]) if sp_or_hy(*s) => {
            out.push(Reading::No(arr(&[r(0), r(1)]), None))
        }
        // §6.2: the account's spaced grouping `DDMM YY NNNNN`, read as a
        // fødselsnummer (not an FH-nummer: it has no `DDMM`).
        ([4, 2, 5], [Tok::Space, Tok::Space]) if r(0)[0] < 8 => {
            out.push(Reading::No(arr(&[r(0), r(1), r(2)]), None))
        }
        ([6, 3, 2], [Tok::Space, Tok::Space]) => {
            out.push(Reading::No(arr(&[r(0), r(1), r(2)]), None))
        }
        // Four-digit years: DDMMYYYY NNNNN, DD.MM.YYYY NNNNN.
        ([13], []) => out.push(Reading::No(
            arr(&[&r(0)[..4], &r(0)[6..13]]),
            year(&r(0)[4..8]),
        )),
        ([8, 5], [s]) if sp_or_hy(*s) => out.push(Reading::No(
            arr(&[&r(0)[..4], &r(0)[6..8], r(1)]),
            year(&r(0)[4..8]),
        )),
        ([2, 2, 4, 5], [Tok::Byte(b'.'), Tok::Byte(b'.'), s])
            if sp_or_hy(*s) =>
        {
            out.push(Reading::No(
                arr(&[r(0), r(1), &r(2)[2..4], r(3)]),
                year(r(2)),
            ))
        }
        // §2.4, §3.3, §5.3 ten digits.
        ([10], []) => out.push(Reading::Ten(arr(&[r(0)]), false)),
        ([6, 4], [s]) if sp_or_hy(*s) || *s == Tok::Byte(b'+') => {
            out.push(Reading::Ten(arr(&[r(0), r(1)]), *s == Tok::Byte(b'+')))
        }
        // §3.3 and §1.7 twelve digits.
        ([12], []) => {
            out.push(Reading::Se12(arr(&[r(0)])));
            out.push(Reading::Duf(arr(&[r(0)])));
        }
        ([8, 4], [s]) if sp_or_hy(*s) || *s == Tok::Byte(b'+') => {
            out.push(Reading::Se12(arr(&[r(0), r(1)])))
        }
        ([4, 6, 2], [Tok::Space, Tok::Space]) => {
            out.push(Reading::Duf(arr(&[r(0), r(1), r(2)])))
        }
        _ => {}
    }
    // §4 FI: DDMMYY, a sign, ZZZ, a check character (a digit or letter).
    let sign = |s: Tok| match s {
        Tok::Hyphen => Some(b'-'),
        Tok::Byte(b @ (b'+' | b'A'..=b'F' | b'U'..=b'Y')) => Some(b),
        Tok::Byte(b @ (b'a'..=b'f' | b'u'..=b'y')) => Some(b),
        _ => None,
    };
    match (lens.as_slice(), seps.as_slice()) {
        ([6, 4], [s]) => {
            if let Some(c) = sign(*s) {
                let z = r(1);
                out.push(Reading::Fi(
                    arr(&[r(0)]),
                    c,
                    [z[0], z[1], z[2]],
                    b'0' + z[3],
                ));
            }
        }
        ([6, 3, 0], [s, Tok::Byte(q)]) if q.is_ascii_alphabetic() => {
            if let Some(c) = sign(*s) {
                out.push(Reading::Fi(arr(&[r(0)]), c, arr(&[r(1)]), *q));
            }
        }
        _ => {}
    }
    out
}

/// Whether `value` reads as ten digits starting with 8 or 9: an
/// Icelandic system number (kerfiskennitala), if valid as `is_kt`.
pub fn is_system(value: &[u8]) -> bool {
    readings(value)
        .iter()
        .any(|r| matches!(r, Reading::Ten(d, false) if d[0] >= 8))
}

/// The kinds `value` is valid as, by the reference rules.
pub fn valid_kinds(value: &[u8], today: Date) -> Vec<Kind> {
    let mut out = Vec::new();
    for r in readings(value) {
        match r {
            Reading::No(d, y) => out.extend(no(&d, y, today)),
            Reading::Ten(d, plus) => {
                out.extend(se(&d, None, today));
                if !plus && dk(&d, today) {
                    out.push(Kind::DkCpr);
                }
                if !plus && is(&d, today) {
                    out.push(Kind::IsKt);
                }
            }
            Reading::Se12(d) => {
                out.extend(se(&arr(&[&d[2..]]), Some(n(&d[..2])), today))
            }
            Reading::Duf(d) => {
                if duf(&d, today) {
                    out.push(Kind::NoDuf);
                }
            }
            Reading::Fi(date, s, z, c) => {
                if fi(&date, s, &z, c, today) {
                    out.push(Kind::FiHetu);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every vector of `testdata/id_vectors.json` gets the verdict of the
    /// profile detect-core ships, from the reference too (and from
    /// detect-core, so both are checked against the same table).
    #[test]
    fn reference_agrees_with_the_vectors_and_detect_core() {
        let json = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../testdata/id_vectors.json"
        ))
        .unwrap();
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        let today = crate::as_of();
        let sc = detect_core::Scanner::builder()
            .reference_date(today)
            .build()
            .unwrap();
        let mut checked = 0;
        for v in doc["vectors"].as_array().unwrap() {
            let typ = v["type"].as_str().unwrap();
            let input = v["input"].as_str().unwrap();
            let (profile, country) = match typ {
                "no_fnr" => ("2032", detect_core::Country::No),
                "dk_cpr" => ("recommended", detect_core::Country::Dk),
                "se_pnr" => ("recommended", detect_core::Country::Se),
                "is_kt" => ("recommended", detect_core::Country::Is),
                "fi_hetu" => ("with_temporary", detect_core::Country::Fi),
                _ => continue,
            };
            let r = &v["results"][profile];
            let mut valid = r["valid"].as_bool().unwrap();
            let sub = r["kind"].as_str().unwrap_or("");
            if input == "131052-308t" {
                valid = true; // case-insensitive profile
            }
            if typ == "is_kt" && sub == "company" {
                valid = false; // not a person's kennitala
            }
            let got: Vec<Kind> = valid_kinds(input.as_bytes(), today)
                .into_iter()
                .filter(|k| k.country() == Some(country))
                .collect();
            assert_eq!(!got.is_empty(), valid, "{input} ({typ}): {got:?}");
            for k in detect_core::Group::Ids.kinds() {
                assert_eq!(
                    sc.validate(k, input),
                    valid_kinds(input.as_bytes(), today).contains(&k),
                    "{input} as {k}"
                );
            }
            checked += 1;
        }
        assert_eq!(checked, 112);
    }

    #[test]
    fn written_forms() {
        let t = crate::as_of();
        let k = |s: &str| valid_kinds(s.as_bytes(), t);
        assert_eq!(k("010180 00055"), [Kind::NoFnr]);
        assert_eq!(k("010180 000 55"), [Kind::NoFnr]);
        assert_eq!(k("01011980 00055"), [Kind::NoFnr]);
        assert_eq!(k("0101198000055"), [Kind::NoFnr]);
        assert_eq!(k("01.01.1980 00055"), [Kind::NoFnr]);
        assert_eq!(k("01.01.2080 00055"), []);
        assert_eq!(k("2019 123456 78").len(), 0);
        assert_eq!(k("19811218-9876"), [Kind::SePnr]);
        assert_eq!(k("131052-308t"), [Kind::FiHetu]);
        assert_eq!(k("010190\u{2011}123M"), [Kind::FiHetu]);
        assert_eq!(k(" \t120160-3389\n"), [Kind::DkCpr, Kind::IsKt]);
        assert_eq!(k("1.01018000055"), []);
        // §6.2: the spaced 4 2 5 grouping is read, the dotted one is not.
        assert_eq!(k("0101 80 00055"), [Kind::NoFnr]);
        assert_eq!(k("0101.80.00055"), []);
        assert_eq!(k("8077 70 67773"), []);
        // §1.6: Norsk Helsenett test persons (month + 65), also with D.
        assert_eq!(k("41664061188"), [Kind::NoDnr]);
        assert_eq!(k("49710697182"), [Kind::NoDnr]);
        // §4.1: a HETU dated after today is invalid.
        assert_eq!(k("010195A433X"), []);
    }
}
