//! The vocabulary of a finding: [`Kind`], [`Country`], [`Confidence`] and
//! [`Flags`].
//!
//! The numeric values of kinds, confidence levels and flag bits are part of
//! the C ABI and are never renumbered.

use core::ffi::CStr;
use core::fmt;
use core::str::FromStr;

/// What a finding is: one personal identifier scheme.
///
/// The string form ([`Kind::as_str`]) is the stable name used by every
/// surface of sladd (Rust, C, Python and the command line).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u32)]
#[non_exhaustive]
pub enum Kind {
    /// Norwegian fødselsnummer (old rule and the 2032 rule).
    NoFnr = 1,
    /// Norwegian D-nummer (day + 40).
    NoDnr = 2,
    /// Norwegian H-nummer (month + 40); NAV test numbers share the shape.
    NoHnr = 3,
    /// Norwegian FH-nummer (first digit 8 or 9, no date).
    NoFhnr = 4,
    /// Norwegian DUF-nummer (12 digits).
    NoDuf = 5,
    /// Danish CPR-nummer.
    DkCpr = 6,
    /// Swedish personnummer.
    SePnr = 7,
    /// Swedish samordningsnummer (day + 60).
    SeSnr = 8,
    /// Finnish henkilötunnus (HETU).
    FiHetu = 9,
    /// Icelandic kennitala of a person.
    IsKt = 10,
}

impl Kind {
    /// Every kind, in numeric order.
    pub const ALL: [Kind; 10] = [
        Kind::NoFnr,
        Kind::NoDnr,
        Kind::NoHnr,
        Kind::NoFhnr,
        Kind::NoDuf,
        Kind::DkCpr,
        Kind::SePnr,
        Kind::SeSnr,
        Kind::FiHetu,
        Kind::IsKt,
    ];

    /// The stable lower-case name, e.g. `"no_fnr"`.
    pub const fn as_str(self) -> &'static str {
        match self.as_cstr().to_str() {
            Ok(s) => s,
            Err(_) => unreachable!(),
        }
    }

    /// The stable name as a NUL-terminated string, for C callers.
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            Kind::NoFnr => c"no_fnr",
            Kind::NoDnr => c"no_dnr",
            Kind::NoHnr => c"no_hnr",
            Kind::NoFhnr => c"no_fhnr",
            Kind::NoDuf => c"no_duf",
            Kind::DkCpr => c"dk_cpr",
            Kind::SePnr => c"se_pnr",
            Kind::SeSnr => c"se_snr",
            Kind::FiHetu => c"fi_hetu",
            Kind::IsKt => c"is_kt",
        }
    }

    /// The country that issues this kind.
    pub const fn country(self) -> Country {
        match self {
            Kind::NoFnr | Kind::NoDnr | Kind::NoHnr | Kind::NoFhnr => {
                Country::No
            }
            Kind::NoDuf => Country::No,
            Kind::DkCpr => Country::Dk,
            Kind::SePnr | Kind::SeSnr => Country::Se,
            Kind::FiHetu => Country::Fi,
            Kind::IsKt => Country::Is,
        }
    }

    /// The numeric code used by the C ABI (1–10).
    pub const fn code(self) -> u32 {
        self as u32
    }

    /// The kind with the given C ABI code.
    pub const fn from_code(code: u32) -> Option<Kind> {
        if code >= 1 && code <= 10 {
            Some(Kind::ALL[(code - 1) as usize])
        } else {
            None
        }
    }

    pub(crate) const fn bit(self) -> u16 {
        1 << (self as u32 - 1)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Kind`], [`Country`] or [`Confidence`] from a
/// string. It names the value that was not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseNameError {
    what: &'static str,
    value: String,
}

impl ParseNameError {
    pub(crate) fn new(what: &'static str, value: &str) -> ParseNameError {
        ParseNameError { what, value: value.to_string() }
    }

    /// What was being parsed: `"kind"`, `"country"` or `"confidence"`.
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The value that was not understood.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl fmt::Display for ParseNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} {:?} (expected one of: ",
            self.what, self.value
        )?;
        let mut sep = "";
        let mut item = |name: &str| {
            let r = write!(f, "{sep}{name}");
            sep = ", ";
            r
        };
        match self.what {
            "kind" => Kind::ALL.iter().try_for_each(|k| item(k.as_str()))?,
            "country" => {
                Country::ALL.iter().try_for_each(|c| item(c.as_str()))?
            }
            "redaction style" => ["mask", "label", "keep_birthdate"]
                .iter()
                .try_for_each(|n| item(n))?,
            _ => [Confidence::Low, Confidence::Medium, Confidence::High]
                .iter()
                .try_for_each(|c| item(c.as_str()))?,
        }
        f.write_str(")")
    }
}

impl std::error::Error for ParseNameError {}

impl FromStr for Kind {
    type Err = ParseNameError;

    fn from_str(s: &str) -> Result<Kind, ParseNameError> {
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ParseNameError::new("kind", s))
    }
}

/// A country whose identifiers sladd knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u32)]
pub enum Country {
    /// Norway.
    No = 1,
    /// Denmark.
    Dk = 2,
    /// Sweden.
    Se = 3,
    /// Finland.
    Fi = 4,
    /// Iceland.
    Is = 5,
}

impl Country {
    /// Every country.
    pub const ALL: [Country; 5] =
        [Country::No, Country::Dk, Country::Se, Country::Fi, Country::Is];

    /// The lower-case ISO 3166 code, e.g. `"no"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Country::No => "no",
            Country::Dk => "dk",
            Country::Se => "se",
            Country::Fi => "fi",
            Country::Is => "is",
        }
    }

    /// The kinds this country issues.
    pub fn kinds(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |k| k.country() == self)
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Country {
    type Err = ParseNameError;

    fn from_str(s: &str) -> Result<Country, ParseNameError> {
        Country::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ParseNameError::new("country", s))
    }
}

/// How sure sladd is that a finding is a personal identifier.
///
/// Ordered: `Low < Medium < High`. The numeric values (1, 2, 3) are the C
/// ABI's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u32)]
pub enum Confidence {
    /// Structurally plausible only.
    Low = 1,
    /// Every rule holds, or a weaker kind with a keyword.
    Medium = 2,
    /// Every rule holds and a keyword for the kind lies near it.
    High = 3,
}

impl Confidence {
    /// `"low"`, `"medium"` or `"high"`.
    pub const fn as_str(self) -> &'static str {
        match self.as_cstr().to_str() {
            Ok(s) => s,
            Err(_) => unreachable!(),
        }
    }

    /// The name as a NUL-terminated string, for C callers.
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            Confidence::Low => c"low",
            Confidence::Medium => c"medium",
            Confidence::High => c"high",
        }
    }

    /// The level with the given C ABI code (1, 2 or 3).
    pub const fn from_code(code: u32) -> Option<Confidence> {
        match code {
            1 => Some(Confidence::Low),
            2 => Some(Confidence::Medium),
            3 => Some(Confidence::High),
            _ => None,
        }
    }

    /// One level lower; `None` below `Low`.
    pub(crate) const fn lower(self) -> Option<Confidence> {
        match self {
            Confidence::Low => None,
            Confidence::Medium => Some(Confidence::Low),
            Confidence::High => Some(Confidence::Medium),
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Confidence {
    type Err = ParseNameError;

    fn from_str(s: &str) -> Result<Confidence, ParseNameError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "low" => Ok(Confidence::Low),
            "medium" => Ok(Confidence::Medium),
            "high" => Ok(Confidence::High),
            _ => Err(ParseNameError::new("confidence", s)),
        }
    }
}

/// Why a finding was reported: a set of bits.
///
/// The bit values are part of the C ABI and never change.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Flags(u32);

impl Flags {
    /// Every check digit of the kind passed (for kinds that have one).
    pub const CHECKSUM: Flags = Flags(1 << 0);
    /// The date part is a real date, not in the future.
    pub const DATE_VALID: Flags = Flags(1 << 1);
    /// A positive context keyword for the kind or its country lies near.
    pub const CONTEXT: Flags = Flags(1 << 2);
    /// A negative context keyword (account, org.nr, phone…) lies nearer.
    pub const NEGATIVE_CONTEXT: Flags = Flags(1 << 3);
    /// Written with a separator (`010180 12345`, `811218-9876`).
    pub const SEPARATOR: Flags = Flags(1 << 4);
    /// A synthetic test number (Norway: month + 80, Tenor).
    pub const SYNTHETIC: Flags = Flags(1 << 5);
    /// A Finnish temporary number (individual number 900–999).
    pub const TEMPORARY: Flags = Flags(1 << 6);
    /// Valid only under the Norwegian 2032 rule (K1 remainder 1–3, or an
    /// individual number that encodes no century).
    pub const NEW_RULE: Flags = Flags(1 << 7);
    /// Written in lower case (Finnish check character or sign).
    pub const LOWERCASE: Flags = Flags(1 << 8);
    /// A Norwegian number written with a four-digit year
    /// (`01011980 12345`).
    pub const FULL_YEAR: Flags = Flags(1 << 9);
    /// A Norwegian personnummer (last five digits) written apart from its
    /// birth date (`født 01.01.1980, personnummer 12345`): the span covers
    /// the five digits.
    pub const SPLIT: Flags = Flags(1 << 10);
    /// A check digit failed: reported only next to a strong label, as a
    /// likely typo of a real number.
    pub const CHECKSUM_FAILED: Flags = Flags(1 << 11);

    const NAMES: [(&'static CStr, Flags); 12] = [
        (c"checksum", Flags::CHECKSUM),
        (c"date_valid", Flags::DATE_VALID),
        (c"context", Flags::CONTEXT),
        (c"negative_context", Flags::NEGATIVE_CONTEXT),
        (c"separator", Flags::SEPARATOR),
        (c"synthetic", Flags::SYNTHETIC),
        (c"temporary", Flags::TEMPORARY),
        (c"new_rule", Flags::NEW_RULE),
        (c"lowercase", Flags::LOWERCASE),
        (c"full_year", Flags::FULL_YEAR),
        (c"split", Flags::SPLIT),
        (c"checksum_failed", Flags::CHECKSUM_FAILED),
    ];

    /// No flag set.
    pub const fn empty() -> Flags {
        Flags(0)
    }

    /// The raw bits (the C ABI's `flags` field).
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// Flags from raw bits; unknown bits are dropped.
    pub const fn from_bits_truncate(bits: u32) -> Flags {
        Flags(bits & 0xFFF)
    }

    /// Whether every bit of `other` is set in `self`.
    pub const fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Set the bits of `other`.
    pub(crate) fn insert(&mut self, other: Flags) {
        self.0 |= other.0;
    }

    /// Set the bits of `other` when `on` is true.
    pub(crate) fn set(&mut self, other: Flags, on: bool) {
        if on {
            self.0 |= other.0;
        }
    }

    /// The names of the set flags, e.g. `["checksum", "date_valid"]`.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Flags::NAMES
            .into_iter()
            .filter(move |(_, f)| self.contains(*f))
            .filter_map(|(n, _)| n.to_str().ok())
    }

    /// The name of a single known flag bit as a NUL-terminated string
    /// (for C callers); `None` unless `self` is exactly one known bit.
    pub fn single_name(self) -> Option<&'static CStr> {
        Flags::NAMES.into_iter().find(|(_, f)| *f == self).map(|(n, _)| n)
    }

    /// Every flag name with its bit, in bit order.
    pub fn all_names() -> impl Iterator<Item = (&'static str, Flags)> {
        Flags::NAMES
            .into_iter()
            .filter_map(|(n, f)| Some((n.to_str().ok()?, f)))
    }
}

impl core::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, rhs: Flags) -> Flags {
        Flags(self.0 | rhs.0)
    }
}

impl fmt::Debug for Flags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Flags(")?;
        for (i, n) in self.names().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            f.write_str(n)?;
        }
        f.write_str(")")
    }
}

/// A set of kinds, as a bit set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct KindSet(pub(crate) u16);

impl KindSet {
    pub(crate) const ALL: KindSet = KindSet(0x3FF);
    pub(crate) const NONE: KindSet = KindSet(0);

    pub(crate) const fn of(kinds: &[Kind]) -> KindSet {
        let mut bits = 0;
        let mut i = 0;
        while i < kinds.len() {
            bits |= kinds[i].bit();
            i += 1;
        }
        KindSet(bits)
    }

    pub(crate) const fn contains(self, k: Kind) -> bool {
        self.0 & k.bit() != 0
    }

    pub(crate) const fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub(crate) fn insert(&mut self, k: Kind) {
        self.0 |= k.bit();
    }

    pub(crate) const fn union(self, o: KindSet) -> KindSet {
        KindSet(self.0 | o.0)
    }

    pub(crate) fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |k| self.contains(*k))
    }
}
