//! Validators, one file per scheme. Each takes the digit values of a
//! candidate (already cut out of the text by `shape`) and says whether every
//! rule of the scheme holds, and how strongly the number speaks for itself.
//!
//! The rules and their sources are in `docs/rules.md` (§1–5); the comments here
//! name the section each rule comes from.

pub(crate) mod dk;
pub(crate) mod fi;
pub(crate) mod is;
pub(crate) mod no;
pub(crate) mod no_split;
pub(crate) mod ocr;
pub(crate) mod pass;
pub(crate) mod read;
pub(crate) mod se;

use crate::kind::{Flags, Kind};

/// How much a valid number says on its own, before context is weighed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Strength {
    /// Every rule of the kind holds: `medium`, `high` with a keyword.
    Strong,
    /// A weaker form (DK without modulus 11, IS without check digit, NO
    /// 2032 rule before 2032, FI lower case or temporary): `low`, `medium`
    /// with a keyword.
    Weak,
    /// Structure too thin to stand alone (FH, DUF): `low`, `high` with a
    /// keyword for the kind.
    Gated,
    /// No structure at all (Icelandic kerfiskennitala): only reported with
    /// a keyword, then `medium`.
    ContextOnly,
}

/// A number that passed its scheme's rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Valid {
    pub(crate) kind: Kind,
    pub(crate) strength: Strength,
    pub(crate) flags: Flags,
}

/// Why a value is not a valid identifier of a kind, as
/// [`Scanner::explain`](crate::Scanner::explain) reports it. The order is
/// the one the validators check in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// Not written in any form of the kind (wrong length, letters,
    /// separators), or the kind is not a national ID.
    Shape,
    /// A Norwegian third digit that marks no known variant.
    MonthMarker,
    /// A check digit or check character failed.
    Checksum,
    /// Not a real date in any admissible century.
    Date,
    /// The individual number has no century (NO legacy table, SE 12-digit
    /// century other than 18/19/20, IS century digit).
    Century,
    /// Born after the reference date.
    Future,
    /// Swedish birth number 000.
    Serial000,
    /// Finnish individual number 000 or 001.
    Individual,
    /// A day that is neither a person's nor a known variant's.
    Day,
    /// A valid number of something that is not a person (IS company,
    /// DK replacement number).
    NotPersonal,
}

/// A candidate that failed. `kind` is the kind its shape pointed to, if
/// any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reject {
    pub(crate) reason: Reason,
    pub(crate) kind: Option<Kind>,
}

impl Reject {
    pub(crate) const fn new(reason: Reason, kind: Option<Kind>) -> Reject {
        Reject { reason, kind }
    }
}

impl Reason {
    /// A short English description, e.g. `"a check digit fails"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Reason::Shape => "not written as this kind",
            Reason::MonthMarker => "the third digit marks no known variant",
            Reason::Checksum => "a check digit fails",
            Reason::Date => "not a real date",
            Reason::Century => "the individual number gives no century",
            Reason::Future => "born after the reference date",
            Reason::Serial000 => "birth number 000",
            Reason::Individual => "individual number 000 or 001",
            Reason::Day => "a day that no variant uses",
            Reason::NotPersonal => {
                "a number of something that is not a person"
            }
        }
    }
}

impl core::fmt::Display for Reason {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

pub(crate) type Verdict = Result<Valid, Reject>;

/// Two digits as a number.
#[inline]
pub(crate) fn num2(d: &[u8]) -> u8 {
    d[0] * 10 + d[1]
}

/// Any number of digits as a number.
#[inline]
pub(crate) fn num(d: &[u8]) -> u32 {
    d.iter().fold(0, |acc, &x| acc * 10 + u32::from(x))
}
