//! Structured identifier inputs for the `validate` target: a written form,
//! digits, separators, letters and optional repairs (date shaping, check
//! digits), so that a good share of the inputs passes every rule and the
//! interesting boundaries (dates, centuries, remainders) are reached.

use core::fmt;

use crate::reference::FI_TABLE;
use crate::{Lit, Opts};

/// One identifier to validate. All fields are bytes, so an input file is
/// the 24 header bytes below followed by an optional raw value.
#[derive(Clone, Copy, Default, arbitrary::Arbitrary)]
pub struct IdInput {
    /// The written form, `% FORMS`; see [`IdInput::value`].
    pub form: u8,
    /// Digit values, each `% 10`.
    pub digits: [u8; 13],
    /// Bit 0: shape the date; bit 1 day + 40; bit 2 month + 40; bit 3
    /// month + 80; bit 4 day + 60; bit 5 year-first (Swedish) order;
    /// bit 6: repair the check digits; bit 7: repair as DUF.
    pub fix: u8,
    /// The separator, an index into [`SEPS`].
    pub sep: u8,
    /// The Finnish sign, an index into [`SIGNS`].
    pub sign: u8,
    /// The Finnish check character: bits 0–4 index [`FI_TABLE`] or an
    /// invalid letter; bit 5 lower case; bits 6–7 also pick the target
    /// remainder (0–3) of the Norwegian K1.
    pub check: u8,
    /// Bit i: digit i is written fullwidth.
    pub wide: [u8; 2],
    /// Bits 0–1 white space before, bits 2–3 after; bit 4 a no-break
    /// space before (not trimmed: never valid).
    pub pad: u8,
    /// Reference date, as in [`Opts`].
    pub year: u8,
    /// See `year`.
    pub month: u8,
    /// See `year`.
    pub day: u8,
}

/// The number of written forms.
pub const FORMS: u8 = 13;

/// Separators: the spaces and hyphens detect-core reads, `+`, `.`, and
/// two that are no separator at all.
pub const SEPS: [&str; 16] = [
    "-", " ", "+", ".", "\u{a0}", "\u{2007}", "\u{2009}", "\u{202f}",
    "\u{2010}", "\u{2011}", "\u{2013}", "\u{2015}", "\u{2212}", "/",
    "\u{2016}", "",
];

/// Finnish century signs, and some that are not.
pub const SIGNS: [&str; 32] = [
    "-", "+", "A", "B", "C", "D", "E", "F", "U", "V", "W", "X", "Y", "a", "b",
    "c", "d", "e", "f", "u", "v", "w", "x", "y", "G", "Z", "T", " ",
    "\u{2010}", "\u{2212}", "\u{a0}", ".",
];

const W1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const WDUF: [u32; 10] = [4, 6, 3, 2, 4, 6, 3, 2, 7, 5];

fn wsum(w: &[u32], d: &[u8]) -> u32 {
    w.iter().zip(d).map(|(w, &d)| w * u32::from(d)).sum()
}

fn put2(d: &mut [u8], v: u32) {
    d[0] = (v / 10 % 10) as u8;
    d[1] = (v % 10) as u8;
}

impl IdInput {
    /// The reference date.
    pub fn today(&self) -> detect_core::Date {
        let o = Opts {
            year: self.year,
            month: self.month,
            day: self.day,
            ..Opts::default()
        };
        o.decode().today
    }

    /// Digit values after the repairs, `n` of them.
    fn values(&self, n: usize, year_first: bool) -> Vec<u8> {
        let mut d: Vec<u8> = self.digits[..n].iter().map(|x| x % 10).collect();
        let f = self.fix;
        // Where DDMM sits: after YY for the Swedish order, after CC too
        // for twelve digits.
        let base = match (year_first || f & 0x20 != 0, n) {
            (true, 12) => 2,
            (true, _) => 0,
            (false, _) => 0,
        };
        if f & 1 != 0 {
            let mut day = 1 + u32::from(self.digits[0]) % 31;
            let mut month = 1 + u32::from(self.digits[2]) % 12;
            if f & 2 != 0 {
                day += 40;
            }
            if f & 0x10 != 0 {
                day += 60;
            }
            if f & 4 != 0 {
                month += 40;
            }
            if f & 8 != 0 {
                month += 80;
            }
            if year_first || f & 0x20 != 0 {
                put2(&mut d[base + 2..], month);
                put2(&mut d[base + 4..], day);
            } else {
                put2(&mut d[base..], day);
                put2(&mut d[base + 2..], month);
            }
        }
        if f & 0x40 != 0 {
            match n {
                11 => {
                    let r = u32::from(self.check >> 6);
                    let k1 = (r + 11 - wsum(&W1, &d) % 11) % 11;
                    if k1 < 10 {
                        d[9] = k1 as u8;
                    }
                    let k2 = (11 - wsum(&W2, &d) % 11) % 11;
                    if k2 < 10 {
                        d[10] = k2 as u8;
                    }
                }
                10 | 12 if f & 0x80 == 0 => {
                    let s = n - 10;
                    let sum: u32 = d[s..s + 9]
                        .iter()
                        .enumerate()
                        .map(|(i, &x)| {
                            let v =
                                u32::from(x) * if i % 2 == 0 { 2 } else { 1 };
                            v / 10 + v % 10
                        })
                        .sum();
                    d[s + 9] = ((10 - sum % 10) % 10) as u8;
                }
                12 => {
                    let c = wsum(&WDUF, &d) % 11;
                    put2(&mut d[10..], c);
                }
                _ => {}
            }
        }
        d
    }

    fn digits_out(&self, out: &mut Vec<u8>, d: &[u8], first: usize) {
        let mask = u16::from_le_bytes(self.wide);
        for (i, &v) in d.iter().enumerate() {
            if mask >> ((first + i) % 16) & 1 == 1 {
                out.extend_from_slice(&[0xEF, 0xBC, 0x90 + v]);
            } else {
                out.push(b'0' + v);
            }
        }
    }

    /// The written value.
    pub fn value(&self) -> Vec<u8> {
        let sep = SEPS[usize::from(self.sep) % SEPS.len()].as_bytes();
        let mut out = Vec::new();
        if self.pad & 0x10 != 0 {
            out.extend_from_slice("\u{a0}".as_bytes());
        }
        let ws = [&b""[..], b" ", b"\t", b"\r\n"];
        out.extend_from_slice(ws[usize::from(self.pad & 3)]);
        let groups =
            |out: &mut Vec<u8>, d: &[u8], cuts: &[usize], seps: &[&[u8]]| {
                let mut at = 0;
                for (i, &c) in cuts.iter().enumerate() {
                    self.digits_out(out, &d[at..c], at);
                    out.extend_from_slice(seps[i]);
                    at = c;
                }
                self.digits_out(out, &d[at..], at);
            };
        match self.form % FORMS {
            // Norway: 11, 6+5, 6 3 2.
            0 => groups(&mut out, &self.values(11, false), &[], &[]),
            1 => groups(&mut out, &self.values(11, false), &[6], &[sep]),
            2 => {
                groups(&mut out, &self.values(11, false), &[6, 9], &[sep, sep])
            }
            // Norway with the year in full: DDMMYYYY NNNNN, 13 digits,
            // DD.MM.YYYY NNNNN. The century comes from digits[11..13].
            3 | 4 | 5 => {
                let d = self.values(11, false);
                let cc = [self.digits[11] % 3 + 18, self.digits[12] % 10];
                let mut x = d[..4].to_vec();
                x.push(cc[0] / 10);
                x.push(cc[0] % 10);
                x.extend_from_slice(&d[4..]);
                match self.form % FORMS {
                    3 => groups(&mut out, &x, &[8], &[sep]),
                    4 => groups(&mut out, &x, &[], &[]),
                    _ => groups(&mut out, &x, &[2, 4, 8], &[b".", b".", sep]),
                }
            }
            // Ten digits: DK, IS (DDMMYY), SE (YYMMDD).
            6 => groups(&mut out, &self.values(10, false), &[], &[]),
            7 => groups(&mut out, &self.values(10, false), &[6], &[sep]),
            8 => groups(&mut out, &self.values(10, true), &[6], &[sep]),
            // Twelve digits: SE CCYYMMDDNNNC, DUF.
            9 => {
                let mut d = self.values(12, true);
                d[0] = 1 + self.digits[0] % 2;
                d[1] = if d[0] == 2 { 0 } else { 8 + self.digits[1] % 2 };
                groups(&mut out, &d, &[], &[])
            }
            10 => {
                let mut d = self.values(12, true);
                d[0] = 1 + self.digits[0] % 2;
                d[1] = if d[0] == 2 { 0 } else { 8 + self.digits[1] % 2 };
                groups(&mut out, &d, &[8], &[sep])
            }
            11 => {
                let mut d = self.values(12, false);
                // A year of application.
                let y = 1950 + u32::from(self.digits[1]) % 80;
                put2(&mut d[0..], y / 100);
                put2(&mut d[2..], y % 100);
                if self.fix & 0x40 != 0 {
                    let c = wsum(&WDUF, &d) % 11;
                    put2(&mut d[10..], c);
                }
                if self.fix & 0x80 != 0 {
                    groups(&mut out, &d, &[], &[])
                } else {
                    groups(&mut out, &d, &[4, 10], &[sep, sep])
                }
            }
            // Finland: DDMMYY, sign, ZZZ, check character.
            _ => {
                let d = self.values(9, false);
                let sign = SIGNS[usize::from(self.sign) % SIGNS.len()];
                self.digits_out(&mut out, &d[..6], 0);
                out.extend_from_slice(sign.as_bytes());
                self.digits_out(&mut out, &d[6..9], 6);
                let nine = d.iter().fold(0u32, |a, &x| a * 10 + u32::from(x));
                let idx = usize::from(self.check & 31);
                let mut c = if self.fix & 0x40 != 0 {
                    FI_TABLE[(nine % 31) as usize]
                } else if idx < 31 {
                    FI_TABLE[idx]
                } else {
                    b"GIOQZ*"[usize::from(self.digits[9]) % 6]
                };
                if self.check & 0x20 != 0 {
                    c = c.to_ascii_lowercase();
                }
                if c.is_ascii_digit() {
                    self.digits_out(&mut out, &[c - b'0'], 9);
                } else {
                    out.push(c);
                }
            }
        }
        out.extend_from_slice(ws[usize::from(self.pad >> 2 & 3)]);
        out
    }
}

impl fmt::Debug for IdInput {
    /// Rust code that repeats the check.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.today();
        writeln!(
            f,
            "let sc = Scanner::builder().reference_date(Date::new({}, {}, \
             {}).unwrap()).build().unwrap();",
            t.year(),
            t.month(),
            t.day()
        )?;
        write!(
            f,
            "let value: &[u8] = {:?}; // form {}",
            Lit(&self.value()),
            self.form % FORMS
        )
    }
}
