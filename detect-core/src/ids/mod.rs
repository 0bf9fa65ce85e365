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

/// Why a candidate failed, in the order the reference validators check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reason {
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
