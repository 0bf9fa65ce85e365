//! Synthetic identifiers generated from the rules of docs/rules.md, written
//! independently of the crate's validators, and a small deterministic
//! random generator for them. Never real numbers: every value is built
//! from random digits and the published check-digit rules.

#![allow(dead_code, unreachable_pub)]

use detect_core::{Confidence, Date, Kind, Scanner};

/// The reference date of the tests (the specification's `AS_OF`).
pub fn as_of() -> Date {
    Date::new(2026, 11, 22).unwrap()
}

/// A scanner as of [`as_of`] that reports every level, `low` included.
pub fn low() -> Scanner {
    Scanner::builder()
        .reference_date(as_of())
        .min_confidence(Confidence::Low)
        .build()
        .unwrap()
}

/// [`low`] with the ID kinds only: for the tests of the ID pass, whose
/// look-alikes (phones, accounts) other passes report.
pub fn ids_low() -> Scanner {
    Scanner::builder()
        .kind_names(["ids"])
        .reference_date(as_of())
        .min_confidence(Confidence::Low)
        .build()
        .unwrap()
}

/// SplitMix64: small, deterministic, good enough for test data.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }

    pub fn coin(&mut self) -> bool {
        self.next() & 1 == 1
    }
}

fn days_in(year: u64, month: u64) -> u64 {
    match month {
        2 if year.is_multiple_of(4)
            && (!year.is_multiple_of(100) || year.is_multiple_of(400)) =>
        {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A random past date: (year, month, day) between 1901 and 2025.
fn date(r: &mut Rng) -> (u64, u64, u64) {
    let y = r.range(1901, 2025);
    let m = r.range(1, 12);
    let d = r.range(1, days_in(y, m));
    (y, m, d)
}

fn digits(s: &str) -> Vec<u64> {
    s.bytes().map(|b| u64::from(b - b'0')).collect()
}

fn wsum(w: &[u64], d: &[u64]) -> u64 {
    w.iter().zip(d).map(|(a, b)| a * b).sum()
}

/// A Norwegian number: `dnr` adds 40 to the day, `month_add` 40 (H) or 80
/// (synthetic). Century and individual number follow the 1964 table so the
/// number is valid under the old rule too.
pub fn no(r: &mut Rng, dnr: bool, month_add: u64) -> String {
    loop {
        let (y, m, d) = date(r);
        let ind = match y {
            1900..=1939 => r.range(0, 499),
            1940..=1999 => r.range(0, 499),
            _ => r.range(500, 999),
        };
        let day = if dnr { d + 40 } else { d };
        let nine =
            format!("{:02}{:02}{:02}{:03}", day, m + month_add, y % 100, ind);
        let dd = digits(&nine);
        let k1 = (11 - wsum(&[3, 7, 6, 1, 8, 9, 4, 5, 2], &dd) % 11) % 11;
        if k1 == 10 {
            continue;
        }
        let mut ten = dd.clone();
        ten.push(k1);
        let k2 = (11 - wsum(&[5, 4, 3, 2, 7, 6, 5, 4, 3, 2], &ten) % 11) % 11;
        if k2 == 10 {
            continue;
        }
        return format!("{nine}{k1}{k2}");
    }
}

/// A Norwegian FH-nummer: first digit 8 or 9, two control digits.
pub fn fh(r: &mut Rng) -> String {
    loop {
        let nine = format!("{}{:08}", r.range(8, 9), r.below(100_000_000));
        let dd = digits(&nine);
        let k1 = (11 - wsum(&[3, 7, 6, 1, 8, 9, 4, 5, 2], &dd) % 11) % 11;
        let mut ten = dd.clone();
        ten.push(k1);
        let k2 = (11 - wsum(&[5, 4, 3, 2, 7, 6, 5, 4, 3, 2], &ten) % 11) % 11;
        if k1 < 10 && k2 < 10 {
            return format!("{nine}{k1}{k2}");
        }
    }
}

/// A DUF-nummer: year of application, six digits, two check digits.
pub fn duf(r: &mut Rng) -> String {
    let ten = format!("{}{:06}", r.range(1990, 2025), r.below(1_000_000));
    let c = wsum(&[4, 6, 3, 2, 4, 6, 3, 2, 7, 5], &digits(&ten)) % 11;
    format!("{ten}{c:02}")
}

/// A Danish CPR with a century digit that fits the year; with `mod11`,
/// one that passes modulus 11.
pub fn dk(r: &mut Rng, mod11: bool) -> String {
    loop {
        let (y, m, d) = date(r);
        // Digit 7: 0-3 for the 1900s; 4-9 give the 2000s for YY <= 36.
        let c7 = if y < 2000 { r.range(0, 3) } else { r.range(4, 9) };
        let s = format!(
            "{:02}{:02}{:02}{}{:03}",
            d,
            m,
            y % 100,
            c7,
            r.below(1000)
        );
        let ok = wsum(&[4, 3, 2, 7, 6, 5, 4, 3, 2, 1], &digits(&s))
            .is_multiple_of(11);
        if ok == mod11 {
            return s;
        }
    }
}

fn luhn_digit(nine: &str) -> u64 {
    let mut sum = 0;
    for (i, d) in digits(nine).into_iter().enumerate() {
        let mut v = if i % 2 == 0 { d * 2 } else { d };
        if v > 9 {
            v -= 9;
        }
        sum += v;
    }
    (10 - sum % 10) % 10
}

/// A Swedish personnummer (`snr`: samordningsnummer, day + 60), ten
/// digits, no separator; the 12-digit form prefixes the century.
pub fn se(r: &mut Rng, snr: bool) -> (String, u64) {
    let (y, m, d) = date(r);
    let day = if snr { d + 60 } else { d };
    let nine =
        format!("{:02}{:02}{:02}{:03}", y % 100, m, day, r.range(1, 999));
    (format!("{nine}{}", luhn_digit(&nine)), y / 100)
}

/// A Finnish HETU with one of the 13 signs; `temporary` for 900–999.
pub fn fi(r: &mut Rng, temporary: bool) -> String {
    let (y, m, d) = date(r);
    let sign = match y / 100 {
        19 => *r.pick(&['-', 'Y', 'X', 'W', 'V', 'U']),
        _ => *r.pick(&['A', 'B', 'C', 'D', 'E', 'F']),
    };
    let z = if temporary { r.range(900, 999) } else { r.range(2, 899) };
    let n = (d * 10_000 + m * 100 + y % 100) * 1000 + z;
    let check = b"0123456789ABCDEFHJKLMNPRSTUVWXY"[(n % 31) as usize] as char;
    format!("{:02}{:02}{:02}{sign}{z:03}{check}", d, m, y % 100)
}

/// An Icelandic kennitala of a person, check digit computed, serial ≥ 20.
pub fn is(r: &mut Rng) -> String {
    loop {
        let (y, m, d) = date(r);
        let eight =
            format!("{:02}{:02}{:02}{:02}", d, m, y % 100, r.range(20, 99));
        let s = wsum(&[3, 2, 7, 6, 5, 4, 3, 2], &digits(&eight)) % 11;
        let c = (11 - s) % 11;
        if c == 10 {
            continue;
        }
        let cent = if y >= 2000 { 0 } else { 9 };
        return format!("{eight}{c}{cent}");
    }
}

/// One planted identifier: how it is written, its kind, a keyword that
/// decides the kind, and the kinds its bare shape allows.
pub struct Planted {
    pub text: String,
    pub kind: Kind,
    pub keyword: &'static str,
    pub family: &'static [Kind],
}

const NO_FAMILY: &[Kind] =
    &[Kind::NoFnr, Kind::NoDnr, Kind::NoHnr, Kind::NoFhnr];
/// `DDMMYY-NNNN` also reads as a Finnish HETU whose check character is
/// a digit (1 in 31 by chance).
const TEN: &[Kind] =
    &[Kind::DkCpr, Kind::SePnr, Kind::SeSnr, Kind::IsKt, Kind::FiHetu];
const TWELVE: &[Kind] = &[Kind::SePnr, Kind::SeSnr, Kind::NoDuf];

/// A random valid identifier of a random kind in a random written form.
pub fn planted(r: &mut Rng) -> Planted {
    let sep6 = |r: &mut Rng, s: &str, seps: &[&str]| -> String {
        let sep = *r.pick(seps);
        format!("{}{sep}{}", &s[..6], &s[6..])
    };
    let no_seps = &["", " ", "-", "\u{a0}", "\u{2011}"];
    let ten_seps = &["", "-", " "];
    match r.below(12) {
        0 => Planted {
            text: {
                let id = no(r, false, 0);
                sep6(r, &id, no_seps)
            },
            kind: Kind::NoFnr,
            keyword: "fødselsnummer",
            family: NO_FAMILY,
        },
        1 => Planted {
            text: {
                let id = no(r, true, 0);
                sep6(r, &id, no_seps)
            },
            kind: Kind::NoDnr,
            keyword: "D-nummer",
            family: NO_FAMILY,
        },
        2 => Planted {
            text: {
                let id = no(r, false, 40);
                sep6(r, &id, no_seps)
            },
            kind: Kind::NoHnr,
            keyword: "H-nummer",
            family: NO_FAMILY,
        },
        3 => Planted {
            text: no(r, false, 80),
            kind: Kind::NoFnr,
            keyword: "fnr",
            family: NO_FAMILY,
        },
        4 => Planted {
            text: fh(r),
            kind: Kind::NoFhnr,
            keyword: "FH-nummer",
            family: NO_FAMILY,
        },
        5 => Planted {
            text: if r.coin() {
                duf(r)
            } else {
                let d = duf(r);
                format!("{} {} {}", &d[..4], &d[4..10], &d[10..])
            },
            kind: Kind::NoDuf,
            keyword: "DUF-nummer",
            family: TWELVE,
        },
        6 => Planted {
            text: {
                let m = r.coin();
                let id = dk(r, m);
                sep6(r, &id, ten_seps)
            },
            kind: Kind::DkCpr,
            keyword: "CPR-nr.",
            family: TEN,
        },
        7 | 8 => {
            let snr = r.coin();
            let (s, cent) = se(r, snr);
            let text = match r.below(3) {
                0 => sep6(r, &s, &["", "-", " "]),
                1 => format!("{cent}{s}"),
                _ => format!("{cent}{}-{}", &s[..6], &s[6..]),
            };
            Planted {
                text,
                kind: if snr { Kind::SeSnr } else { Kind::SePnr },
                keyword: if snr {
                    "samordningsnummer"
                } else {
                    "personnumret"
                },
                family: if s.len() == 10 { TEN } else { TWELVE },
            }
        }
        9 | 10 => {
            let t = r.below(4) == 0;
            let text = fi(r, t);
            // `DDMMYY-NNNN`: a HETU with `-` and a digit as its check
            // character is also a ten-digit number of DK, SE and IS.
            let b = text.as_bytes();
            let ten = b[6] == b'-' && b[10].is_ascii_digit();
            Planted {
                text,
                kind: Kind::FiHetu,
                keyword: "henkilötunnus",
                family: if ten { TEN } else { &[Kind::FiHetu] },
            }
        }
        _ => Planted {
            text: {
                let id = is(r);
                sep6(r, &id, &["-", "", " "])
            },
            kind: Kind::IsKt,
            keyword: "kennitala",
            family: TEN,
        },
    }
}

/// Filler text: words and punctuation with Nordic letters, no digits and
/// no context keywords.
pub fn filler(r: &mut Rng, words: usize) -> String {
    const W: &[&str] = &[
        "søknad",
        "om",
        "barnehageplass",
        "for",
        "Kari",
        "Nordmann",
        "vedtak",
        "klage",
        "på",
        "tildeling",
        "bolig",
        "brev",
        "fra",
        "Åse",
        "Ærø",
        "og",
        "i",
        "til",
        "Göteborg",
        "Jyväskylä",
        "Þór",
        "(",
        ")",
        ",",
        ";",
        "«",
        "»",
        "–",
        "•",
        "\u{a0}",
        "/",
    ];
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        let w: &&str = r.pick(W);
        s.push_str(w);
    }
    s
}

/// Look-alikes that must never be reported (docs/rules.md §6), as written.
pub fn look_alike(r: &mut Rng) -> String {
    match r.below(8) {
        0 => format!(
            "{:04}.{:02}.{:05}",
            r.below(10_000),
            r.below(100),
            r.below(100_000)
        ),
        1 => format!(
            "{:03} {:03} {:03}",
            r.range(800, 999),
            r.below(1000),
            r.below(1000)
        ),
        2 => format!(
            "+47 {:02} {:02} {:02} {:02}",
            r.range(40, 99),
            r.below(100),
            r.below(100),
            r.below(100)
        ),
        3 => format!(
            "{:02}/{:05}-{}",
            r.below(30),
            r.below(100_000),
            r.below(10)
        ),
        4 => format!(
            "NO{:02} {:04} {:04} {:03}",
            r.below(100),
            r.below(10_000),
            r.below(10_000),
            r.below(1000)
        ),
        5 => format!(
            "{:02}.{:02}.{}",
            r.range(1, 28),
            r.range(1, 12),
            r.range(1950, 2025)
        ),
        6 => format!("{} {:03},-", r.range(1, 999), r.below(1000)),
        _ => {
            // A Swedish organisationsnummer: third digit >= 2 (§6.5).
            format!(
                "{}{}{}{:03}-{:04}",
                r.range(1, 9),
                r.below(10),
                r.range(2, 9),
                r.below(1000),
                r.below(10_000)
            )
        }
    }
}
