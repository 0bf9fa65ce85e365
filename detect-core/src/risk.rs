//! Record risk (docs/contract.md §9): how unpublishable one record is, and
//! why.

use core::ffi::CStr;
use core::fmt;
use core::str::FromStr;

use crate::kind::{Group, Kind, ParseNameError};
use crate::scanner::{Match, Scanner};

/// The risk level of a record (docs/contract.md §9), ordered
/// `Clean < Personal < Special < Identifying`. The numeric codes (0–3) are
/// the C ABI's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u32)]
pub enum Risk {
    /// No personal data (sensitive terms may be present, tied to nobody).
    Clean = 0,
    /// Names, contact or financial data; no national ID, no sensitive term
    /// tied to a person.
    Personal = 1,
    /// A person (a name or a national ID) and a sensitive term in the same
    /// record: screen it.
    Special = 2,
    /// A national identity number: never publishable.
    Identifying = 3,
}

impl Risk {
    /// Every level, lowest first.
    pub const ALL: [Risk; 4] =
        [Risk::Clean, Risk::Personal, Risk::Special, Risk::Identifying];

    /// `"clean"`, `"personal"`, `"special"` or `"identifying"`.
    pub const fn as_str(self) -> &'static str {
        match self.as_cstr().to_str() {
            Ok(s) => s,
            Err(_) => unreachable!(),
        }
    }

    /// The name as a NUL-terminated string, for C callers.
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            Risk::Clean => c"clean",
            Risk::Personal => c"personal",
            Risk::Special => c"special",
            Risk::Identifying => c"identifying",
        }
    }

    /// The numeric code used by the C ABI (0–3).
    pub const fn code(self) -> u32 {
        self as u32
    }

    /// The level with the given C ABI code.
    pub const fn from_code(code: u32) -> Option<Risk> {
        match code {
            0 => Some(Risk::Clean),
            1 => Some(Risk::Personal),
            2 => Some(Risk::Special),
            3 => Some(Risk::Identifying),
            _ => None,
        }
    }
}

impl fmt::Display for Risk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Risk {
    type Err = ParseNameError;

    fn from_str(s: &str) -> Result<Risk, ParseNameError> {
        Risk::ALL
            .iter()
            .copied()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ParseNameError::new("risk", s))
    }
}

/// The risk of one record and the findings behind it
/// ([`Scanner::assess`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Assessment {
    /// The highest level that holds.
    pub risk: Risk,
    /// The kinds found, each once, in code order: the categories a
    /// reviewer sees (`no_fnr`, `person_name`, `sensitive_health`…).
    pub categories: Vec<Kind>,
    /// Every finding of the record, left to right.
    pub findings: Vec<Match>,
}

impl Assessment {
    /// The assessment of these findings (of one record).
    pub fn of(findings: Vec<Match>) -> Assessment {
        let mut categories: Vec<Kind> =
            findings.iter().map(Match::kind).collect();
        categories.sort_unstable();
        categories.dedup();
        Assessment { risk: risk_of(&findings), categories, findings }
    }

    /// The groups found, each once, in code order.
    pub fn groups(&self) -> Vec<Group> {
        let mut g: Vec<Group> =
            self.categories.iter().map(|k| k.group()).collect();
        g.dedup();
        g
    }

    /// The sensitive categories found (the `sensitive_*` kinds), in code
    /// order.
    pub fn sensitive(&self) -> impl Iterator<Item = Kind> + '_ {
        self.categories
            .iter()
            .copied()
            .filter(|k| k.group() == Group::Sensitive)
    }
}

/// The risk of a record with these findings (docs/contract.md §9): a
/// national ID makes it `identifying`; a person (a name or a national ID)
/// with a sensitive term makes it `special`; names, contact or financial
/// data make it `personal`; anything else (organisation numbers, sensitive
/// terms tied to nobody) is `clean`.
///
/// ```
/// use detect_core::{Confidence, Flags, Kind, Match, Risk, risk_of};
///
/// let m = |k| Match::new(k, Confidence::High, Flags::empty(), 0, 1);
/// assert_eq!(risk_of(&[m(Kind::SensitiveHealth)]), Risk::Clean);
/// assert_eq!(
///     risk_of(&[m(Kind::PersonName), m(Kind::SensitiveHealth)]),
///     Risk::Special
/// );
/// ```
pub fn risk_of(findings: &[Match]) -> Risk {
    let has = |g: Group| findings.iter().any(|m| m.group() == g);
    if has(Group::Ids) {
        Risk::Identifying
    } else if has(Group::Names) && has(Group::Sensitive) {
        Risk::Special
    } else if has(Group::Names) || has(Group::Contact) || has(Group::Financial)
    {
        Risk::Personal
    } else {
        Risk::Clean
    }
}

impl Scanner {
    /// The risk of one record (a title, a CSV row, a paragraph, a whole
    /// document: whatever the caller hands over as one unit) with the
    /// findings behind it, at this scanner's kinds and threshold
    /// (docs/contract.md §9).
    ///
    /// ```
    /// use detect_core::{Kind, Risk, Scanner};
    ///
    /// let sc = Scanner::new();
    /// let a = sc.assess("Vedtak om omsorgsovertakelse");
    /// assert_eq!(a.risk, Risk::Clean);
    /// assert_eq!(a.categories, [Kind::SensitiveChildWelfare]);
    /// let a = sc.assess("Vedtak om omsorgsovertakelse, fnr 01018000055");
    /// assert_eq!(a.risk, Risk::Identifying);
    /// ```
    pub fn assess<R: AsRef<[u8]> + ?Sized>(&self, record: &R) -> Assessment {
        Assessment::of(self.find_iter(record.as_ref()).collect())
    }
}
