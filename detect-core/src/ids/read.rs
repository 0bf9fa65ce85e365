//! The shape grammar of national identity numbers: how a number is
//! written (`010180 00055`, `811218-9876`, `19811218-9876`, `131052-308T`,
//! `2019 123456 78`), read from the digit run where it starts into one or
//! two [`Shape`]s that the validators then judge. See docs/rules.md for
//! the written forms of each scheme.

use crate::kind::{Flags, Kind, KindSet};
use crate::scanner::Scanner;
use crate::shape::{self, Run, Sep};

/// One way to read a candidate, before validation.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Shape {
    /// Eleven Norwegian digits. `year` is the four-digit year when the
    /// text wrote one (`01011980 12345`).
    No { d: [u8; 11], year: Option<u16> },
    /// Ten digits: DK, SE or IS. `plus` for a Swedish `+`; `bare` when no
    /// separator was written.
    Ten { d: [u8; 10], plus: bool, bare: bool },
    /// Twelve digits: Swedish `YYYYMMDDNNNC` or a DUF-nummer.
    Twelve { d: [u8; 12], se: bool, duf: bool },
    /// A Finnish HETU: date, sign, individual number, check character.
    Fi { date: [u8; 6], sign: u8, zzz: [u8; 3], check: u8, lower: bool },
}

/// How the digits of a Norwegian candidate are grouped, where the grouping
/// is also an account number's (docs/rules.md §6.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Grouping {
    /// Any grouping that is not an account's.
    Id,
    /// `DDMM YY NNNNN`: a fødselsnummer unless an account keyword labels
    /// it.
    Spaced425,
    /// `DDMM.YY.NNNNN`: an account unless a fødselsnummer keyword labels
    /// it.
    Dotted425,
}

/// The candidate read at one position: its interpretations share a span.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    pub(crate) end: usize,
    pub(crate) shapes: [Option<Shape>; 2],
    pub(crate) flags: Flags,
    pub(crate) grouping: Grouping,
}

impl Candidate {
    pub(crate) fn one(end: usize, shape: Shape, flags: Flags) -> Candidate {
        Candidate {
            end,
            shapes: [Some(shape), None],
            flags,
            grouping: Grouping::Id,
        }
    }
}

impl Scanner {
    /// `kinds` are the kinds worth reading: without `fi_hetu`, the Finnish
    /// shapes are not read.
    pub(crate) fn candidate(
        &self,
        h: &[u8],
        r1: &Run,
        kinds: KindSet,
    ) -> Option<Candidate> {
        let none = Flags::empty();
        let sep = Flags::SEPARATOR;
        match r1.n {
            11 => Some(Candidate::one(
                r1.end,
                Shape::No { d: r1.take(), year: None },
                none,
            )),
            10 => Some(Candidate::one(
                r1.end,
                Shape::Ten { d: r1.take(), plus: false, bare: true },
                none,
            )),
            12 => Some(Candidate::one(
                r1.end,
                Shape::Twelve { d: r1.take(), se: true, duf: true },
                none,
            )),
            13 => {
                // DDMMYYYY + five digits: a full year written by mistake.
                let d = &r1.d;
                Some(Candidate::one(
                    r1.end,
                    full_year_shape(&d[..4], &d[4..8], &d[8..13]),
                    Flags::FULL_YEAR,
                ))
            }
            6 => self.after_six(h, r1, kinds),
            8 => {
                let (s, l) = shape::sep_at(h, r1.end)?;
                if s == Sep::Dot {
                    return None;
                }
                let r2 = Run::read(h, r1.end + l);
                let d = &r1.d;
                match r2.n {
                    4 => {
                        let mut x = [0; 12];
                        x[..8].copy_from_slice(&d[..8]);
                        x[8..].copy_from_slice(&r2.d[..4]);
                        let shape =
                            Shape::Twelve { d: x, se: true, duf: false };
                        Some(Candidate::one(r2.end, shape, sep))
                    }
                    5 if s != Sep::Plus => Some(Candidate::one(
                        r2.end,
                        full_year_shape(&d[..4], &d[4..8], &r2.d[..5]),
                        sep | Flags::FULL_YEAR,
                    )),
                    _ => None,
                }
            }
            4 => {
                let (s, l) = shape::sep_at(h, r1.end)?;
                if s != Sep::Space && s != Sep::Dot {
                    return None;
                }
                let r2 = Run::read(h, r1.end + l);
                if r2.n == 2 {
                    return account_grouped(h, r1, s, &r2);
                }
                // DUF grouped 4+6+2: `2019 123456 78`.
                if s != Sep::Space || r2.n != 6 {
                    return None;
                }
                let (s, l) = shape::sep_at(h, r2.end)?;
                if s != Sep::Space {
                    return None;
                }
                let r3 = Run::read(h, r2.end + l);
                if r3.n != 2 {
                    return None;
                }
                let mut x = [0; 12];
                x[..4].copy_from_slice(&r1.d[..4]);
                x[4..10].copy_from_slice(&r2.d[..6]);
                x[10..].copy_from_slice(&r3.d[..2]);
                let shape = Shape::Twelve { d: x, se: false, duf: true };
                Some(Candidate::one(r3.end, shape, sep))
            }
            2 => {
                // DD.MM.YYYY + five digits: a full year written by mistake.
                let dot =
                    |i: usize| (h.get(i) == Some(&b'.')).then_some(i + 1);
                let r2 = Run::read(h, dot(r1.end)?);
                if r2.n != 2 {
                    return None;
                }
                let r3 = Run::read(h, dot(r2.end)?);
                if r3.n != 4 {
                    return None;
                }
                let (s, l) = shape::sep_at(h, r3.end)?;
                if !matches!(s, Sep::Space | Sep::Hyphen) {
                    return None;
                }
                let r4 = Run::read(h, r3.end + l);
                if r4.n != 5 {
                    return None;
                }
                let mut dm = [0; 4];
                dm[..2].copy_from_slice(&r1.d[..2]);
                dm[2..].copy_from_slice(&r2.d[..2]);
                Some(Candidate::one(
                    r4.end,
                    full_year_shape(&dm, &r3.d[..4], &r4.d[..5]),
                    sep | Flags::FULL_YEAR,
                ))
            }
            _ => None,
        }
    }

    /// The shapes that start with six digits: `DDMMYY` then a separator or
    /// a Finnish century sign.
    fn after_six(
        &self,
        h: &[u8],
        r1: &Run,
        kinds: KindSet,
    ) -> Option<Candidate> {
        let e1 = r1.end;
        let six: [u8; 6] = r1.take();
        let sep = Flags::SEPARATOR;
        // Finnish: a sign (a letter, `-`, `+` or a Unicode hyphen), three
        // digits and a check character, eleven characters in all.
        let fi = if kinds.contains(Kind::FiHetu) {
            self.finnish(h, e1, &six)
        } else {
            None
        };
        let (s, l) = match shape::sep_at(h, e1) {
            Some(x) => x,
            None => {
                return fi.map(|(end, shape)| {
                    Candidate::one(end, shape, Flags::empty())
                });
            }
        };
        if s == Sep::Dot {
            return None;
        }
        let r2 = Run::read(h, e1 + l);
        match r2.n {
            5 if s != Sep::Plus => {
                let mut d = [0; 11];
                d[..6].copy_from_slice(&six);
                d[6..].copy_from_slice(&r2.d[..5]);
                Some(Candidate::one(r2.end, Shape::No { d, year: None }, sep))
            }
            4 => {
                let mut d = [0; 10];
                d[..6].copy_from_slice(&six);
                d[6..].copy_from_slice(&r2.d[..4]);
                let ten = Shape::Ten { d, plus: s == Sep::Plus, bare: false };
                let fi = fi.filter(|(end, _)| *end == r2.end).map(|x| x.1);
                Some(Candidate {
                    end: r2.end,
                    shapes: [Some(ten), fi],
                    flags: sep,
                    grouping: Grouping::Id,
                })
            }
            3 if s == Sep::Space => {
                // `010180 123 45`.
                if let Some((Sep::Space, l2)) = shape::sep_at(h, r2.end) {
                    let r3 = Run::read(h, r2.end + l2);
                    if r3.n == 2 {
                        let mut d = [0; 11];
                        d[..6].copy_from_slice(&six);
                        d[6..9].copy_from_slice(&r2.d[..3]);
                        d[9..].copy_from_slice(&r3.d[..2]);
                        let shape = Shape::No { d, year: None };
                        return Some(Candidate::one(r3.end, shape, sep));
                    }
                }
                None
            }
            _ => fi.map(|(end, shape)| {
                Candidate::one(end, shape, Flags::empty())
            }),
        }
    }

    /// A Finnish HETU whose sign is at `e1`: its end and shape.
    fn finnish(
        &self,
        h: &[u8],
        e1: usize,
        six: &[u8; 6],
    ) -> Option<(usize, Shape)> {
        let b = *h.get(e1)?;
        let (sign, sl) = match b {
            b'-' | b'+' => (b, 1),
            b'A'..=b'F' | b'U'..=b'Y' | b'a'..=b'f' | b'u'..=b'y' => (b, 1),
            _ => match shape::sep_at(h, e1) {
                Some((Sep::Hyphen, l)) => (b'-', l),
                _ => return None,
            },
        };
        let r = Run::read(h, e1 + sl);
        let (zzz, check, end) = match r.n {
            3 => {
                let c = *h.get(r.end)?;
                if !c.is_ascii_alphabetic() {
                    return None;
                }
                ([r.d[0], r.d[1], r.d[2]], c, r.end + 1)
            }
            4 => ([r.d[0], r.d[1], r.d[2]], b'0' + r.d[3], r.end),
            _ => return None,
        };
        let lower = sign.is_ascii_lowercase() || check.is_ascii_lowercase();
        let shape = Shape::Fi {
            date: *six,
            sign: sign.to_ascii_uppercase(),
            zzz,
            check: check.to_ascii_uppercase(),
            lower,
        };
        Some((end, shape))
    }
}

/// A Norwegian number in an account's grouping, `DDMM YY NNNNN` or
/// `DDMM.YY.NNNNN` (docs/rules.md §6.2): `r1` the four digits, `s` the
/// separator after them, `r2` the two digits. The same separator (any
/// width of space, or a dot) stands between both pairs of groups.
fn account_grouped(h: &[u8], r1: &Run, s: Sep, r2: &Run) -> Option<Candidate> {
    let (s2, l2) = shape::sep_at(h, r2.end)?;
    if s2 != s {
        return None;
    }
    let r3 = Run::read(h, r2.end + l2);
    let ddmm = |i: usize| r1.d[i] * 10 + r1.d[i + 1];
    // An FH-nummer has no date to read in `DDMM`: in this grouping it is
    // an account whose bank number starts with 8 or 9. Nor is any number
    // whose `DDMM` is no day and month of some variant (§1).
    if r3.n != 5
        || !matches!(ddmm(0), 1..=31 | 41..=71)
        || !matches!(ddmm(2), 1..=12 | 41..=52 | 66..=77 | 81..=92)
    {
        return None;
    }
    let mut d = [0; 11];
    d[..4].copy_from_slice(&r1.d[..4]);
    d[4..6].copy_from_slice(&r2.d[..2]);
    d[6..].copy_from_slice(&r3.d[..5]);
    let grouping =
        if s == Sep::Dot { Grouping::Dotted425 } else { Grouping::Spaced425 };
    Some(Candidate {
        end: r3.end,
        shapes: [Some(Shape::No { d, year: None }), None],
        flags: Flags::SEPARATOR,
        grouping,
    })
}

/// The shape of a Norwegian number written with a four-digit year.
pub(crate) fn full_year_shape(ddmm: &[u8], yyyy: &[u8], five: &[u8]) -> Shape {
    let mut d = [0; 11];
    d[..4].copy_from_slice(ddmm);
    d[4..6].copy_from_slice(&yyyy[2..4]);
    d[6..].copy_from_slice(five);
    let year = yyyy.iter().fold(0u16, |a, &x| a * 10 + u16::from(x));
    Shape::No { d, year: Some(year) }
}
