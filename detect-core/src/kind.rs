//! The vocabulary of a finding: [`Kind`] (declared once, in the kinds
//! table below), [`Group`], [`Country`], [`Confidence`] and [`Flags`].
//!
//! The numeric values of kinds, confidence levels and flag bits are part of
//! the C ABI and are never renumbered.

use core::ffi::CStr;
use core::fmt;
use core::str::FromStr;

/// The kinds table: the one place a kind is declared. Everything else
/// (`Kind::ALL`, names, codes, groups, countries, the C enum's check, the
/// command line's help, Python's constants) is derived from it or checked
/// against it by the face-consistency tests.
///
/// Each row: variant, C code (append-only: never renumbered or reused),
/// name, group, country (or `None`), and the doc line.
macro_rules! kinds {
    ($($v:ident = $code:literal, $name:literal, $group:ident, $country:expr, $doc:literal;)*) => {
        /// What a finding is: one kind of personal (or organisation) data.
        ///
        /// The string form ([`Kind::as_str`]) is the stable name used by
        /// every face of sladd (Rust, C, Python and the command line); the
        /// numeric code ([`Kind::code`]) is the C ABI's and is never
        /// renumbered or reused.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u32)]
        #[non_exhaustive]
        pub enum Kind {
            $(#[doc = $doc] $v = $code,)*
        }

        impl Kind {
            /// Every kind, in code order.
            pub const ALL: &'static [Kind] = &[$(Kind::$v,)*];

            /// The stable name as a NUL-terminated string, for C callers.
            pub const fn as_cstr(self) -> &'static CStr {
                match self {
                    $(Kind::$v => {
                        // The literal has no interior NUL; a const
                        // evaluation would fail the build otherwise.
                        match CStr::from_bytes_with_nul(concat!($name, "\0").as_bytes()) {
                            Ok(c) => c,
                            Err(_) => panic!("kind names hold no NUL"),
                        }
                    })*
                }
            }

            /// The group (category) of this kind.
            pub const fn group(self) -> Group {
                match self {
                    $(Kind::$v => Group::$group,)*
                }
            }

            /// The country whose scheme this kind is, if it has one
            /// (names, e-mail addresses and sensitive terms have none).
            pub const fn country(self) -> Option<Country> {
                match self {
                    $(Kind::$v => $country,)*
                }
            }

            /// One line on what the kind is.
            pub const fn description(self) -> &'static str {
                match self {
                    $(Kind::$v => $doc,)*
                }
            }
        }
    };
}

kinds! {
    NoFnr = 1, "no_fnr", Ids, Some(Country::No), "Norwegian fødselsnummer (old rule and the 2032 rule).";
    NoDnr = 2, "no_dnr", Ids, Some(Country::No), "Norwegian D-nummer (day + 40).";
    NoHnr = 3, "no_hnr", Ids, Some(Country::No), "Norwegian H-nummer (month + 40); NAV test numbers share the shape.";
    NoFhnr = 4, "no_fhnr", Ids, Some(Country::No), "Norwegian FH-nummer (first digit 8 or 9, no date).";
    NoDuf = 5, "no_duf", Ids, Some(Country::No), "Norwegian DUF-nummer (12 digits).";
    DkCpr = 6, "dk_cpr", Ids, Some(Country::Dk), "Danish CPR-nummer.";
    SePnr = 7, "se_pnr", Ids, Some(Country::Se), "Swedish personnummer.";
    SeSnr = 8, "se_snr", Ids, Some(Country::Se), "Swedish samordningsnummer (day + 60).";
    FiHetu = 9, "fi_hetu", Ids, Some(Country::Fi), "Finnish henkilötunnus (HETU).";
    IsKt = 10, "is_kt", Ids, Some(Country::Is), "Icelandic kennitala of a person.";
    PersonName = 11, "person_name", Names, None, "A person's name as written (`Kari Nordmann`, `Nordmann, Kari`, `K. Nordmann`).";
    Email = 12, "email", Contact, None, "An e-mail address.";
    Phone = 13, "phone", Contact, None, "A phone number in a Nordic national or international form.";
    Address = 14, "address", Contact, None, "A street address: street name and house number, with postcode and town after it.";
    Iban = 15, "iban", Financial, None, "An IBAN (mod 97, length per country).";
    BankAccount = 16, "bank_account", Financial, None, "A bank account number (NO 11 digits mod 11, DK reg.nr + konto, SE clearing + account, labelled accounts).";
    PaymentCard = 17, "payment_card", Financial, None, "A payment card number (Luhn and issuer ranges).";
    NoOrgnr = 18, "no_orgnr", Organisations, Some(Country::No), "Norwegian organisasjonsnummer.";
    DkCvr = 19, "dk_cvr", Organisations, Some(Country::Dk), "Danish CVR-nummer.";
    SeOrgnr = 20, "se_orgnr", Organisations, Some(Country::Se), "Swedish organisationsnummer.";
    FiYtunnus = 21, "fi_ytunnus", Organisations, Some(Country::Fi), "Finnish Y-tunnus (business ID).";
    IsCompanyKt = 22, "is_company_kt", Organisations, Some(Country::Is), "Icelandic kennitala of a company or organisation.";
    SensitiveHealth = 23, "sensitive_health", Sensitive, None, "A term of health (diagnoses, treatment, disability).";
    SensitiveChildWelfare = 24, "sensitive_child_welfare", Sensitive, None, "A term of child welfare (barnevern, placement, care order).";
    SensitiveSocial = 25, "sensitive_social", Sensitive, None, "A term of social assistance (sosialhjelp, økonomisk stønad).";
    SensitiveCriminal = 26, "sensitive_criminal", Sensitive, None, "A term of criminal offences and convictions.";
    SensitiveEthnicity = 27, "sensitive_ethnicity", Sensitive, None, "A term of ethnic origin.";
    SensitiveBelief = 28, "sensitive_belief", Sensitive, None, "A term of religious or philosophical belief, or political opinion.";
    SensitiveSexuality = 29, "sensitive_sexuality", Sensitive, None, "A term of sex life or sexual orientation.";
    SensitiveUnion = 30, "sensitive_union", Sensitive, None, "A term of trade-union membership.";
}

impl Kind {
    /// The number of kinds.
    pub const COUNT: usize = Kind::ALL.len();

    /// The stable lower-case name, e.g. `"no_fnr"`.
    pub const fn as_str(self) -> &'static str {
        match self.as_cstr().to_str() {
            Ok(s) => s,
            Err(_) => unreachable!(),
        }
    }

    /// The numeric code used by the C ABI.
    pub const fn code(self) -> u32 {
        self as u32
    }

    /// The kind with the given C ABI code.
    pub const fn from_code(code: u32) -> Option<Kind> {
        // Codes are dense from 1: checked by a test.
        if code >= 1 && (code as usize) <= Kind::COUNT {
            Some(Kind::ALL[(code - 1) as usize])
        } else {
            None
        }
    }

    /// Whether this is a national identity number (group `ids`): the kinds
    /// whose date part `keep_birthdate` keeps.
    pub const fn is_national_id(self) -> bool {
        matches!(self.group(), Group::Ids)
    }

    pub(crate) const fn bit(self) -> u64 {
        1 << (self as u32 - 1)
    }
}

/// The category of a kind (docs/contract.md §1.1). Group names work wherever kinds
/// are chosen; `personal` means ids + names + contact + financial.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u32)]
pub enum Group {
    /// National identity numbers.
    Ids = 1,
    /// Person names.
    Names = 2,
    /// E-mail addresses, phone numbers, street addresses.
    Contact = 3,
    /// IBANs, bank accounts, payment cards.
    Financial = 4,
    /// Organisation numbers (not personal data; off by default).
    Organisations = 5,
    /// Terms of a special category (health, child welfare, …).
    Sensitive = 6,
}

impl Group {
    /// Every group, in code order.
    pub const ALL: [Group; 6] = [
        Group::Ids,
        Group::Names,
        Group::Contact,
        Group::Financial,
        Group::Organisations,
        Group::Sensitive,
    ];

    /// The stable lower-case name, e.g. `"contact"`.
    pub const fn as_str(self) -> &'static str {
        match self.as_cstr().to_str() {
            Ok(s) => s,
            Err(_) => unreachable!(),
        }
    }

    /// The name as a NUL-terminated string, for C callers.
    pub const fn as_cstr(self) -> &'static CStr {
        match self {
            Group::Ids => c"ids",
            Group::Names => c"names",
            Group::Contact => c"contact",
            Group::Financial => c"financial",
            Group::Organisations => c"organisations",
            Group::Sensitive => c"sensitive",
        }
    }

    /// The numeric code used by the C ABI (1–6).
    pub const fn code(self) -> u32 {
        self as u32
    }

    /// Whether a default scanner reports this group's kinds.
    pub const fn default_on(self) -> bool {
        !matches!(self, Group::Organisations)
    }

    /// The kinds of this group.
    pub fn kinds(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.iter().copied().filter(move |k| k.group() == self)
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Group {
    type Err = ParseNameError;

    fn from_str(s: &str) -> Result<Group, ParseNameError> {
        Group::ALL
            .iter()
            .copied()
            .find(|g| g.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| ParseNameError::new("group", s))
    }
}

/// The selection names that are not a kind or a group: `personal` (ids,
/// names, contact and financial) and `all` (every kind).
pub const SELECTION_ALIASES: [&str; 2] = ["personal", "all"];

/// The kinds a selection name stands for: a kind (`no_fnr`), a group
/// (`contact`), `personal` or `all`.
pub(crate) fn selection(name: &str) -> Result<KindSet, ParseNameError> {
    let n = name.trim();
    if let Ok(k) = n.parse::<Kind>() {
        return Ok(KindSet::of(&[k]));
    }
    if let Ok(g) = n.parse::<Group>() {
        return Ok(KindSet::of_group(g));
    }
    if n.eq_ignore_ascii_case("personal") {
        return Ok(KindSet::PERSONAL);
    }
    if n.eq_ignore_ascii_case("all") {
        return Ok(KindSet::ALL);
    }
    Err(ParseNameError::new("kind", name))
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

    /// What was being parsed: `"kind"`, `"group"`, `"country"`,
    /// `"confidence"`, `"risk"` or `"redaction style"`.
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
            "kind" => {
                Kind::ALL.iter().try_for_each(|k| item(k.as_str()))?;
                Group::ALL.iter().try_for_each(|g| item(g.as_str()))?;
                SELECTION_ALIASES.iter().try_for_each(|a| item(a))?
            }
            "group" => Group::ALL.iter().try_for_each(|g| item(g.as_str()))?,
            "country" => {
                Country::ALL.iter().try_for_each(|c| item(c.as_str()))?
            }
            "risk" => ["clean", "personal", "special", "identifying"]
                .iter()
                .try_for_each(|n| item(n))?,
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
        Kind::ALL.iter().copied().filter(move |k| k.country() == Some(self))
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
    /// A synthetic test number (Norway: month + 80, Tenor; month + 65,
    /// Norsk Helsenett).
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
    /// Read leniently (the scanner's `lenient` option): digits broken by
    /// stray or doubled spaces or misplaced separators, as in scanned and
    /// OCR'd forms, right after a label of the kind. The span covers the
    /// number as written.
    pub const OCR: Flags = Flags(1 << 12);

    const NAMES: [(&'static CStr, Flags); 13] = [
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
        (c"ocr", Flags::OCR),
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
        Flags(bits & 0x1FFF)
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

/// A set of kinds, as a bit set (one bit per code; room for 64 kinds).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct KindSet(pub(crate) u64);

const _: () = assert!(Kind::COUNT <= 64, "KindSet holds 64 kinds");

impl KindSet {
    pub(crate) const ALL: KindSet = KindSet::of(Kind::ALL);
    pub(crate) const NONE: KindSet = KindSet(0);
    /// National identity numbers.
    pub(crate) const IDS: KindSet = KindSet::of_group(Group::Ids);
    /// ids + names + contact + financial.
    pub(crate) const PERSONAL: KindSet = KindSet(
        KindSet::IDS.0
            | KindSet::of_group(Group::Names).0
            | KindSet::of_group(Group::Contact).0
            | KindSet::of_group(Group::Financial).0,
    );
    /// What a default scanner reports: every group that is on by default.
    pub(crate) const DEFAULT: KindSet = {
        let mut bits = 0;
        let mut i = 0;
        while i < Kind::ALL.len() {
            if Kind::ALL[i].group().default_on() {
                bits |= Kind::ALL[i].bit();
            }
            i += 1;
        }
        KindSet(bits)
    };

    pub(crate) const fn of(kinds: &[Kind]) -> KindSet {
        let mut bits = 0;
        let mut i = 0;
        while i < kinds.len() {
            bits |= kinds[i].bit();
            i += 1;
        }
        KindSet(bits)
    }

    pub(crate) fn of_iter(kinds: impl Iterator<Item = Kind>) -> KindSet {
        KindSet(kinds.fold(0, |a, k| a | k.bit()))
    }

    pub(crate) const fn of_group(g: Group) -> KindSet {
        let mut bits = 0;
        let mut i = 0;
        while i < Kind::ALL.len() {
            if Kind::ALL[i].group() as u32 == g as u32 {
                bits |= Kind::ALL[i].bit();
            }
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

    /// Whether every kind of `self` is in `o`.
    pub(crate) const fn is_subset(self, o: KindSet) -> bool {
        self.0 & !o.0 == 0
    }

    pub(crate) const fn intersects(self, o: KindSet) -> bool {
        self.0 & o.0 != 0
    }

    pub(crate) fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.iter().copied().filter(move |k| self.contains(*k))
    }
}
