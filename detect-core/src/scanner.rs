//! The scanner's public face: [`Scanner`], its builder, [`Match`] and
//! [`FindIter`], and the merge of the detection passes.
//!
//! A scanner runs passes over its input: the ID pass (`ids::pass`, driven
//! by the digit-run prefilter) and the text passes (`text`: names, terms,
//! contact and financial data). Each pass finds its own candidates left to
//! right; [`Scanner::find_at`] merges them into one leftmost sequence that
//! never overlaps (see [`Scanner::find_iter`] for the rule). With only ID
//! kinds chosen and no allow-list, the search runs the ID pass directly.

use core::fmt;

use std::sync::Arc;

use crate::data::{Data, Lists};
use crate::date::Date;
use crate::ids::Reason;
use crate::kind::{
    self, Confidence, Country, Flags, Group, Kind, KindSet, ParseNameError,
};
use crate::prefilter::Runs;
use crate::shape::{self, Run};

/// The default context window before a candidate, in characters.
pub const DEFAULT_BEFORE: u32 = 40;
/// The default context window after a candidate, in characters.
pub const DEFAULT_AFTER: u32 = 20;
/// The largest context window accepted on either side, in characters. It
/// bounds how much the streaming scanner keeps between chunks.
pub const MAX_WINDOW: u32 = 1000;

/// One finding: a small `Copy` value.
///
/// `start..end` is a half-open byte range into the haystack covering the
/// finding as written (separators included, nothing around it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Match {
    kind: Kind,
    confidence: Confidence,
    flags: Flags,
    start: usize,
    end: usize,
}

impl Match {
    /// A match; for tests and for the language bindings.
    pub fn new(
        kind: Kind,
        confidence: Confidence,
        flags: Flags,
        start: usize,
        end: usize,
    ) -> Match {
        Match { kind, confidence, flags, start, end }
    }

    /// What was found.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The group of what was found (`ids`, `names`, `contact`, …).
    pub fn group(&self) -> Group {
        self.kind.group()
    }

    /// How sure the finding is.
    pub fn confidence(&self) -> Confidence {
        self.confidence
    }

    /// Why it was reported.
    pub fn flags(&self) -> Flags {
        self.flags
    }

    /// The byte offset where the identifier starts.
    pub fn start(&self) -> usize {
        self.start
    }

    /// The byte offset just past the identifier.
    pub fn end(&self) -> usize {
        self.end
    }

    /// `start..end`.
    pub fn range(&self) -> core::ops::Range<usize> {
        self.start..self.end
    }

    /// Whether the span is empty (never, for a match from a scanner).
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span's length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// The same match moved `by` bytes further into a larger input.
    pub fn offset(self, by: usize) -> Match {
        Match { start: self.start + by, end: self.end + by, ..self }
    }
}

/// An error from [`ScannerBuilder::build`]. Each variant names the value at
/// fault.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BuildError {
    /// A kind name that sladd does not know.
    UnknownKind(String),
    /// A country code that sladd does not know.
    UnknownCountry(String),
    /// A confidence level other than `low`, `medium` or `high`.
    UnknownConfidence(String),
    /// A reference date that is not a real `YYYY-MM-DD` date.
    InvalidDate(String),
    /// A context window side of zero characters.
    ZeroWindow {
        /// Characters before the candidate.
        before: u32,
        /// Characters after the candidate.
        after: u32,
    },
    /// A context window side larger than [`MAX_WINDOW`].
    WindowTooLarge {
        /// Characters before the candidate.
        before: u32,
        /// Characters after the candidate.
        after: u32,
    },
    /// The chosen kinds and countries leave nothing to detect.
    NoKinds,
    /// Extra sensitive terms given for a kind that is not a sensitive
    /// category.
    NotSensitive(Kind),
    /// An entry of a caller's list (known names, terms, allow-list) that
    /// is empty or longer than [`MAX_LIST_ENTRY`] bytes.
    BadListEntry(String),
}

/// The longest entry of a caller's list, in bytes.
pub const MAX_LIST_ENTRY: usize = 200;

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::UnknownKind(v) => {
                ParseNameError::new("kind", v).fmt(f)
            }
            BuildError::UnknownCountry(v) => {
                ParseNameError::new("country", v).fmt(f)
            }
            BuildError::UnknownConfidence(v) => {
                ParseNameError::new("confidence", v).fmt(f)
            }
            BuildError::InvalidDate(v) => write!(
                f,
                "invalid reference date {v:?} (expected a real date as \
                 YYYY-MM-DD)"
            ),
            BuildError::ZeroWindow { before, after } => write!(
                f,
                "context window of {before} characters before and {after} \
                 after: each side must be at least 1"
            ),
            BuildError::WindowTooLarge { before, after } => write!(
                f,
                "context window of {before} characters before and {after} \
                 after: each side must be at most {MAX_WINDOW}"
            ),
            BuildError::NoKinds => f.write_str(
                "the chosen kinds and countries have nothing in common: \
                 nothing would be detected",
            ),
            BuildError::NotSensitive(k) => write!(
                f,
                "extra terms given for {k}, which is not a sensitive \
                 category (expected one of: {})",
                Group::Sensitive
                    .kinds()
                    .map(Kind::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            BuildError::BadListEntry(v) => write!(
                f,
                "list entry {:?} is empty or longer than {MAX_LIST_ENTRY} \
                 bytes",
                v.chars().take(40).collect::<String>()
            ),
        }
    }
}

impl std::error::Error for BuildError {}

impl From<ParseNameError> for BuildError {
    fn from(e: ParseNameError) -> BuildError {
        let v = e.value().to_string();
        match e.what() {
            "kind" => BuildError::UnknownKind(v),
            "country" => BuildError::UnknownCountry(v),
            _ => BuildError::UnknownConfidence(v),
        }
    }
}

/// Sets up a [`Scanner`]. Every option has the default of
/// [`Scanner::new`]; invalid values are reported by [`build`], naming the
/// value at fault.
///
/// [`build`]: ScannerBuilder::build
///
/// ```
/// use detect_core::{Confidence, Scanner};
///
/// let sc = Scanner::builder()
///     .kind_names(["no_fnr", "dk_cpr"])
///     .min_confidence(Confidence::High)
///     .build()?;
/// assert!(sc.find_iter("fnr: 010180 00055").next().is_some());
/// assert!(sc.find_iter("010180 00055").next().is_none());
///
/// // Groups work wherever kinds are chosen.
/// let ids = Scanner::builder().kind_names(["ids"]).build()?;
/// assert!(ids.detects(detect_core::Kind::IsKt));
///
/// let err = Scanner::builder().kind_names(["no_fnr", "xx"]).build();
/// assert!(err.unwrap_err().to_string().contains("\"xx\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct ScannerBuilder {
    kinds: KindSet,
    countries: Option<u8>,
    min_confidence: Confidence,
    before: u32,
    after: u32,
    today: Option<Date>,
    lenient: bool,
    lists: Lists,
    error: Option<BuildError>,
}

impl Default for ScannerBuilder {
    fn default() -> ScannerBuilder {
        ScannerBuilder {
            kinds: KindSet::DEFAULT,
            countries: None,
            min_confidence: Confidence::Medium,
            before: DEFAULT_BEFORE,
            after: DEFAULT_AFTER,
            today: None,
            lenient: false,
            lists: Lists::default(),
            error: None,
        }
    }
}

impl ScannerBuilder {
    /// A builder with the defaults: every kind of the groups that are on
    /// by default (all but `organisations`), threshold `medium`, window 40
    /// characters before and 20 after, reference date today.
    pub fn new() -> ScannerBuilder {
        ScannerBuilder::default()
    }

    /// Detect only these kinds.
    pub fn kinds<I: IntoIterator<Item = Kind>>(mut self, kinds: I) -> Self {
        self.kinds = KindSet::NONE;
        for k in kinds {
            self.kinds.insert(k);
        }
        self
    }

    /// Detect only the kinds with these names. A name is a kind
    /// (`no_fnr`), a group (`ids`, `names`, `contact`, `financial`,
    /// `organisations`, `sensitive`), `personal` (ids, names, contact and
    /// financial) or `all`. An unknown name makes [`build`](Self::build)
    /// fail naming it.
    pub fn kind_names<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut set = KindSet::NONE;
        for name in names {
            match kind::selection(name.as_ref()) {
                Ok(k) => set = set.union(k),
                Err(e) => {
                    self.error.get_or_insert(e.into());
                }
            }
        }
        self.kinds = set;
        self
    }

    /// Detect only the kinds of these countries, besides the kinds that
    /// belong to no country (names, e-mail, sensitive terms…). Default:
    /// every country.
    pub fn countries<I: IntoIterator<Item = Country>>(
        mut self,
        countries: I,
    ) -> Self {
        let mut bits = 0u8;
        for c in countries {
            bits |= 1 << c as u32;
        }
        self.countries = Some(bits);
        self
    }

    /// Detect only the kinds of the countries with these codes, e.g.
    /// `["no", "se"]` (see [`countries`](Self::countries)). An unknown
    /// code makes [`build`](Self::build) fail naming it.
    pub fn country_names<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut bits = 0u8;
        for name in names {
            match name.as_ref().parse::<Country>() {
                Ok(c) => bits |= 1 << c as u32,
                Err(e) => {
                    self.error.get_or_insert(e.into());
                }
            }
        }
        self.countries = Some(bits);
        self
    }

    /// Report findings at this level or above (default: `medium`).
    pub fn min_confidence(mut self, level: Confidence) -> Self {
        self.min_confidence = level;
        self
    }

    /// The context window in characters before and after a candidate,
    /// on its line (default: 40 and 20). Each side must be 1 to
    /// [`MAX_WINDOW`].
    pub fn context_window(mut self, before: u32, after: u32) -> Self {
        self.before = before;
        self.after = after;
        self
    }

    /// The date that counts as today for birth-date and 2032-rule checks
    /// (default: the current date when [`build`](Self::build) runs).
    pub fn reference_date(mut self, today: Date) -> Self {
        self.today = Some(today);
        self
    }

    /// Lenient reading for scanned and OCR'd text (default: off): a
    /// national ID whose digits are broken by stray or doubled spaces or
    /// misplaced separators (`F.nr.: 1650 53  49060`, `CPR: 0508471 599`,
    /// `Personnr: 197 906 06-2554`) is reported, with
    /// [`Flags::OCR`](crate::Flags::OCR), when a label of its kind stands
    /// right before it on its line; the span covers the number as
    /// written. Without a label nothing more is reported, and off,
    /// nothing changes (docs/rules.md §8.2).
    pub fn lenient(mut self, on: bool) -> Self {
        self.lenient = on;
        self
    }

    /// Names known to belong to people of this input (the parties of a
    /// case): the name pass finds them with the same inflection and
    /// initials rules as its dictionaries.
    pub fn known_names<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for n in names {
            if let Some(v) = self.entry(n.as_ref()) {
                self.lists.known_names.push(v);
            }
        }
        self
    }

    /// Extra terms for the sensitive category `kind` (one of the
    /// `sensitive_*` kinds), matched like the built-in ones.
    pub fn sensitive_terms<I, S>(mut self, kind: Kind, terms: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        if kind.group() != Group::Sensitive {
            self.error.get_or_insert(BuildError::NotSensitive(kind));
            return self;
        }
        for t in terms {
            if let Some(v) = self.entry(t.as_ref()) {
                self.lists.terms.push((kind, v));
            }
        }
        self
    }

    /// Values never to report, whatever their kind: test persons, a public
    /// official's name. Compared ignoring case, white space and the
    /// separators `-`, `.`, `/` and `+`, so `010180 00055` also allows
    /// `01018000055`.
    ///
    /// ```
    /// use detect_core::Scanner;
    ///
    /// let sc = Scanner::builder().allow(["010180 00055"]).build()?;
    /// assert_eq!(sc.find_iter("fnr 01018000055, cpr 010180-1004").count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allow<I, S>(mut self, values: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for v in values {
            if let Some(v) = self.entry(v.as_ref()) {
                self.lists.allow.push(v);
            }
        }
        self
    }

    /// A list entry, trimmed; records the error for a bad one.
    fn entry(&mut self, v: &str) -> Option<String> {
        let t = v.trim();
        if t.is_empty() || t.len() > MAX_LIST_ENTRY {
            self.error.get_or_insert(BuildError::BadListEntry(v.to_string()));
            return None;
        }
        Some(t.to_string())
    }

    /// Builds the scanner.
    ///
    /// # Errors
    ///
    /// The first invalid option: an unknown kind, group or country name, a
    /// zero or too large window, kinds and countries with nothing in
    /// common, terms for a kind that is not sensitive, or a bad list
    /// entry.
    pub fn build(&self) -> Result<Scanner, BuildError> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        let (before, after) = (self.before, self.after);
        if before == 0 || after == 0 {
            return Err(BuildError::ZeroWindow { before, after });
        }
        if before > MAX_WINDOW || after > MAX_WINDOW {
            return Err(BuildError::WindowTooLarge { before, after });
        }
        let mut kinds = self.kinds;
        if let Some(bits) = self.countries {
            // Kinds of another country go; kinds of no country stay.
            let keep = |k: &Kind| {
                k.country().is_none_or(|c| bits >> c as u32 & 1 != 0)
            };
            kinds = KindSet::of_iter(kinds.iter().filter(keep));
        }
        if kinds.is_empty() {
            return Err(BuildError::NoKinds);
        }
        let data = Data::get(&self.lists);
        let direct = kinds.is_subset(KindSet::IDS) && data.allow.is_empty();
        Ok(Scanner {
            kinds,
            min_confidence: self.min_confidence,
            before,
            after,
            today: self.today.unwrap_or_else(Date::today),
            lenient: self.lenient,
            direct,
            data,
        })
    }
}

/// Finds Nordic personal data in text: national identity numbers, and the
/// kinds of the text passes (names, contact and financial data, sensitive
/// terms).
///
/// A scanner is immutable once built, `Send + Sync`, and cheap to clone:
/// its automata and lists sit behind an `Arc`. Every search borrows it and
/// allocates nothing.
///
/// # Example: scan free text
///
/// ```
/// use detect_core::{Confidence, Kind, Scanner};
///
/// let sc = Scanner::new();
/// let text = "Søknad fra Kari, fnr. 010180 00055, om støtte";
/// let m = sc.find_iter(text).find(|m| m.kind() == Kind::NoFnr).unwrap();
/// assert_eq!(m.confidence(), Confidence::High);
/// assert_eq!(&text[m.range()], "010180 00055");
/// ```
#[derive(Clone)]
pub struct Scanner {
    pub(crate) kinds: KindSet,
    pub(crate) min_confidence: Confidence,
    pub(crate) before: u32,
    pub(crate) after: u32,
    pub(crate) today: Date,
    /// Read OCR-damaged numbers after a label ([`ScannerBuilder::lenient`]).
    pub(crate) lenient: bool,
    /// Only ID kinds and no allow-list: the ID pass runs alone, unmerged.
    direct: bool,
    pub(crate) data: Arc<Data>,
}

impl fmt::Debug for Scanner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scanner")
            .field(
                "kinds",
                &self.kinds.iter().map(Kind::as_str).collect::<Vec<_>>(),
            )
            .field("min_confidence", &self.min_confidence)
            .field("window", &(self.before, self.after))
            .field("today", &self.today)
            .field("lenient", &self.lenient)
            .field("passes", &self.data.passes.len())
            .finish()
    }
}

impl Default for Scanner {
    fn default() -> Scanner {
        Scanner::new()
    }
}

/// Where a search stands in each pass: the prefilter's place for the ID
/// pass, and each pass's next finding, kept between calls on one haystack.
#[derive(Clone, Debug, Default)]
pub(crate) struct Search {
    pub(crate) runs: Runs,
    heads: [Head; MAX_PASSES],
}

/// The most passes a scanner runs: the ID pass and the text passes.
pub(crate) const MAX_PASSES: usize = 8;

/// A pass's next finding, as far as the search knows.
#[derive(Clone, Copy, Debug, Default)]
enum Head {
    /// Not searched yet (or overtaken by another pass's finding).
    #[default]
    Stale,
    /// The pass has nothing more at or after `.0`.
    Done(usize),
    /// The pass's first finding at or after the search position.
    At(Match),
}

/// The rank of a group among findings that start at the same byte: the
/// higher wins (docs/design.md, "Detection passes and the merge").
const fn group_rank(g: Group) -> u8 {
    match g {
        Group::Ids => 6,
        Group::Financial => 5,
        Group::Contact => 4,
        Group::Organisations => 3,
        Group::Names => 2,
        Group::Sensitive => 1,
    }
}

/// Whether `a` goes before `b` in the merge: the leftmost start, then the
/// higher group, then the longer span, then the lower kind code.
pub(crate) fn merge_before(a: &Match, b: &Match) -> bool {
    let key = |m: &Match| {
        (
            m.start,
            u8::MAX - group_rank(m.kind.group()),
            usize::MAX - m.end,
            m.kind.code(),
        )
    };
    key(a) < key(b)
}

impl Scanner {
    /// A scanner with the defaults: every kind of the groups that are on by
    /// default (all but `organisations`), threshold `medium`, window 40
    /// characters before and 20 after, reference date today.
    pub fn new() -> Scanner {
        ScannerBuilder::new().build().expect("the defaults are valid")
    }

    /// A builder to choose kinds, countries, threshold, context window,
    /// reference date and the caller's lists.
    pub fn builder() -> ScannerBuilder {
        ScannerBuilder::new()
    }

    /// The reference date ("today") of this scanner.
    pub fn reference_date(&self) -> Date {
        self.today
    }

    /// The lowest confidence reported.
    pub fn min_confidence(&self) -> Confidence {
        self.min_confidence
    }

    /// Whether OCR-damaged numbers are read after a label
    /// ([`ScannerBuilder::lenient`]).
    pub fn is_lenient(&self) -> bool {
        self.lenient
    }

    /// The context window: characters before and after.
    pub fn context_window(&self) -> (u32, u32) {
        (self.before, self.after)
    }

    /// Whether this scanner detects `kind`.
    pub fn detects(&self, kind: Kind) -> bool {
        self.kinds.contains(kind)
    }

    /// The kinds this scanner detects, in code order.
    pub fn kinds(&self) -> impl Iterator<Item = Kind> + '_ {
        self.kinds.iter()
    }

    /// The same scanner with another threshold (sharing its data).
    pub fn with_min_confidence(&self, level: Confidence) -> Scanner {
        Scanner { min_confidence: level, ..self.clone() }
    }

    /// Iterates over the findings in `haystack`, left to right, never
    /// overlapping. Does not allocate.
    ///
    /// Where findings of different passes overlap, the merge keeps the
    /// one that starts first; at the same start, the higher group (ids,
    /// financial, contact, organisations, names, sensitive), then the
    /// longer span. A finding below the threshold or on the allow-list
    /// still owns its span: it is not reported, and nothing overlapping
    /// it is.
    pub fn find_iter<'s, 'h, H: AsRef<[u8]> + ?Sized>(
        &'s self,
        haystack: &'h H,
    ) -> FindIter<'s, 'h> {
        FindIter {
            scanner: self,
            haystack: haystack.as_ref(),
            pos: 0,
            search: Search::default(),
        }
    }

    /// The first finding that starts at or after byte `from`. The bytes
    /// before `from` still count as context and for boundaries, so
    /// `find_at(h, m.end())` continues a search. Does not allocate.
    pub fn find_at<H: AsRef<[u8]> + ?Sized>(
        &self,
        haystack: &H,
        from: usize,
    ) -> Option<Match> {
        self.find_in(haystack.as_ref(), from, &mut Search::default())
    }

    /// [`find_at`](Self::find_at), keeping each pass's place in `st`
    /// between calls on the same haystack (as [`FindIter`] does).
    #[inline]
    pub(crate) fn find_in(
        &self,
        h: &[u8],
        from: usize,
        st: &mut Search,
    ) -> Option<Match> {
        if self.direct {
            return self.find_ids(h, from, &mut st.runs, self.min_confidence);
        }
        self.merge(h, from, st)
    }

    /// The merge of every pass's findings from `from` on.
    fn merge(&self, h: &[u8], from: usize, st: &mut Search) -> Option<Match> {
        let passes = &self.data.passes;
        let mut pos = from;
        loop {
            let mut best: Option<Match> = None;
            for i in 0..=passes.len() {
                let head = match st.heads[i] {
                    Head::At(m) if m.start >= pos => Head::At(m),
                    Head::Done(at) if at <= pos => Head::Done(at),
                    _ => {
                        let found = if i == 0 {
                            if self.kinds.intersects(KindSet::IDS) {
                                self.find_ids(
                                    h,
                                    pos,
                                    &mut st.runs,
                                    Confidence::Low,
                                )
                            } else {
                                None
                            }
                        } else {
                            let p = &passes[i - 1];
                            if p.kinds().intersects(self.kinds) {
                                p.find_at(self, h, pos)
                            } else {
                                None
                            }
                        };
                        match found {
                            Some(m) => Head::At(m),
                            None => Head::Done(pos),
                        }
                    }
                };
                st.heads[i] = head;
                if let Head::At(m) = head
                    && best.is_none_or(|b| merge_before(&m, &b))
                {
                    best = Some(m);
                }
            }
            let m = best?;
            pos = m.end;
            if m.confidence >= self.min_confidence
                && !self.data.allow.contains(&h[m.range()])
            {
                return Some(m);
            }
        }
    }

    /// Whether `value` (one identifier, separators allowed, surrounding
    /// white space ignored) is a valid `kind` by every rule of its scheme.
    /// Context plays no part; numbers whose structure needs context (FH,
    /// DUF, Icelandic system numbers) are valid when their checks pass.
    ///
    /// The scanner's choice of kinds and countries does not matter: any
    /// scanner validates every kind. A kind of a text pass (an IBAN, a
    /// payment card, an e-mail address) is valid when that pass, at
    /// threshold `low`, finds it spanning the whole value.
    ///
    /// ```
    /// use detect_core::{Kind, Scanner};
    ///
    /// let sc = Scanner::new();
    /// assert!(sc.validate(Kind::SeSnr, "701063-2391"));
    /// assert!(!sc.validate(Kind::SePnr, "701063-2391"));
    /// assert!(sc.validate(Kind::FiHetu, "010594Y9032"));
    /// ```
    pub fn validate<V: AsRef<[u8]> + ?Sized>(
        &self,
        kind: Kind,
        value: &V,
    ) -> bool {
        self.explain(kind, value).is_ok()
    }

    /// [`validate`](Self::validate), saying why: the flags of a valid
    /// value (checksum, date, synthetic, new rule…), or the first rule a
    /// national ID breaks. A text kind that does not validate gives
    /// [`Reason::Shape`].
    ///
    /// ```
    /// use detect_core::{Flags, Kind, Reason, Scanner};
    ///
    /// let sc = Scanner::new();
    /// let f = sc.explain(Kind::NoFnr, "010180 00055").unwrap();
    /// assert!(f.contains(Flags::CHECKSUM | Flags::DATE_VALID));
    /// assert_eq!(sc.explain(Kind::NoFnr, "01018000056"), Err(Reason::Checksum));
    /// assert_eq!(sc.explain(Kind::DkCpr, "300280-1234"), Err(Reason::Date));
    /// assert_eq!(sc.explain(Kind::SePnr, "12345"), Err(Reason::Shape));
    /// ```
    pub fn explain<V: AsRef<[u8]> + ?Sized>(
        &self,
        kind: Kind,
        value: &V,
    ) -> Result<Flags, Reason> {
        let v = trim(value.as_ref());
        if kind.group() != Group::Ids {
            let all = Scanner {
                kinds: KindSet::ALL,
                min_confidence: Confidence::Low,
                ..self.clone()
            };
            return self
                .data
                .passes
                .iter()
                .filter(|p| p.kinds().contains(kind))
                .find_map(|p| {
                    p.find_kind_at(&all, v, 0, kind).filter(|m| {
                        m.kind == kind && m.start == 0 && m.end == v.len()
                    })
                })
                .map(|m| m.flags)
                .ok_or(Reason::Shape);
        }
        if shape::digit_at(v, 0).is_none() {
            return Err(Reason::Shape);
        }
        let run = Run::read(v, 0);
        let c = match self.candidate(v, &run, KindSet::ALL) {
            // The dotted 4.2.5 grouping is an account's, an ID only when a
            // keyword labels it (docs/rules.md §6.2).
            Some(c)
                if c.end == v.len()
                    && c.grouping != crate::ids::read::Grouping::Dotted425 =>
            {
                c
            }
            _ => return Err(Reason::Shape),
        };
        // The valid reading of `kind`, else the reason of the reading
        // whose shape pointed at `kind`, else any reading's reason.
        let mut valid = None;
        let mut own = None;
        let mut other = None;
        self.verdicts(&c, false, &mut |v| match v {
            Ok(r) if r.kind == kind => valid = Some(r.flags | c.flags),
            Ok(_) => {}
            Err(e) if e.kind == Some(kind) => {
                own.get_or_insert(e.reason);
            }
            Err(e) if e.kind.is_none_or(|k| k.country() == kind.country()) => {
                other.get_or_insert(e.reason);
            }
            Err(_) => {}
        });
        valid.ok_or_else(|| own.or(other).unwrap_or(Reason::Shape))
    }

    /// This scanner with other text passes (and no allow-list): for the
    /// tests that compare passes.
    #[cfg(test)]
    pub(crate) fn with_passes(
        &self,
        passes: Vec<Box<dyn crate::text::TextPass>>,
    ) -> Scanner {
        Scanner {
            direct: false,
            data: Arc::new(Data {
                keywords: crate::context::Keywords::build(),
                passes,
                allow: crate::data::AllowList::new(&[]),
            }),
            ..self.clone()
        }
    }

    /// The bytes a decision about a finding may look at after its start:
    /// the longest span of any pass and what it reads after it. The
    /// streaming scanner keeps this much ahead.
    pub(crate) fn reach(&self) -> usize {
        // Only the passes this scanner runs.
        self.data
            .passes
            .iter()
            .filter(|p| p.kinds().intersects(self.kinds))
            .map(|p| p.reach())
            .max()
            .unwrap_or(0)
    }
}

fn trim(v: &[u8]) -> &[u8] {
    let s = v.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(v.len());
    let e =
        v.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(s, |e| e + 1);
    &v[s..e]
}

/// The findings of one haystack, left to right. Created by
/// [`Scanner::find_iter`]; allocates nothing.
#[derive(Clone, Debug)]
pub struct FindIter<'s, 'h> {
    scanner: &'s Scanner,
    haystack: &'h [u8],
    pos: usize,
    search: Search,
}

impl Iterator for FindIter<'_, '_> {
    type Item = Match;

    #[inline]
    fn next(&mut self) -> Option<Match> {
        match self.scanner.find_in(self.haystack, self.pos, &mut self.search) {
            Some(m) => {
                self.pos = m.end;
                Some(m)
            }
            None => {
                self.pos = self.haystack.len();
                None
            }
        }
    }
}

impl core::iter::FusedIterator for FindIter<'_, '_> {}

#[cfg(test)]
mod merge {
    //! The merge against an oracle: every finding each pass can report
    //! (from every start), sorted by the merge's order, overlaps resolved
    //! greedily the slow way, then the threshold and the allow-list.

    use super::*;
    use crate::context::Keywords;
    use crate::data::AllowList;
    use crate::prefilter::soup;
    use crate::text::TextPass;

    /// Capitalised ASCII words, two joined when one space parts them:
    /// `person_name`, confidence by length.
    #[derive(Debug)]
    struct Words;

    fn cap_word(h: &[u8], p: usize) -> usize {
        let mut e = p + 1;
        while e < h.len() && h[e].is_ascii_lowercase() {
            e += 1;
        }
        e
    }

    impl TextPass for Words {
        fn kinds(&self) -> KindSet {
            KindSet::of(&[Kind::PersonName])
        }
        fn reach(&self) -> usize {
            64
        }
        fn find_at(
            &self,
            _: &Scanner,
            h: &[u8],
            from: usize,
        ) -> Option<Match> {
            (from..h.len()).find_map(|p| {
                let starts = h[p].is_ascii_uppercase()
                    && (p == 0 || !h[p - 1].is_ascii_alphabetic())
                    && !(p >= 2
                        && h[p - 1] == b' '
                        && h[..p - 1]
                            .iter()
                            .rev()
                            .take_while(|b| b.is_ascii_lowercase())
                            .count()
                            > 0
                        && {
                            let s = h[..p - 1]
                                .iter()
                                .rposition(|b| !b.is_ascii_lowercase())?;
                            h[s].is_ascii_uppercase()
                                && (s == 0 || !h[s - 1].is_ascii_alphabetic())
                        });
                if !starts {
                    return None;
                }
                let mut e = cap_word(h, p);
                if e - p < 2 {
                    return None;
                }
                if h.get(e) == Some(&b' ')
                    && h.get(e + 1).is_some_and(u8::is_ascii_uppercase)
                {
                    let e2 = cap_word(h, e + 1);
                    if e2 - e > 2 {
                        e = e2;
                    }
                }
                let c = match e - p {
                    ..=3 => Confidence::Low,
                    4..=7 => Confidence::Medium,
                    _ => Confidence::High,
                };
                Some(Match::new(Kind::PersonName, c, Flags::empty(), p, e))
            })
        }
    }

    /// Digit groups parted by single spaces, 6 to 12 digits in all:
    /// `phone`, overlapping the ID pass on purpose.
    #[derive(Debug)]
    struct Digits;

    impl TextPass for Digits {
        fn kinds(&self) -> KindSet {
            KindSet::of(&[Kind::Phone])
        }
        fn reach(&self) -> usize {
            64
        }
        fn find_at(
            &self,
            _: &Scanner,
            h: &[u8],
            from: usize,
        ) -> Option<Match> {
            let d = |i: usize| h.get(i).is_some_and(u8::is_ascii_digit);
            (from..h.len()).find_map(|p| {
                if !d(p)
                    || (p >= 1 && d(p - 1))
                    || (p >= 2 && h[p - 1] == b' ' && d(p - 2))
                {
                    return None;
                }
                let (mut e, mut n) = (p, 0);
                while d(e) || (h.get(e) == Some(&b' ') && d(e + 1) && d(e - 1))
                {
                    n += usize::from(d(e));
                    e += 1;
                }
                let c = if n % 2 == 0 {
                    Confidence::Medium
                } else {
                    Confidence::Low
                };
                (6..=12)
                    .contains(&n)
                    .then(|| Match::new(Kind::Phone, c, Flags::empty(), p, e))
            })
        }
    }

    /// `nr` anywhere, even inside words: a sensitive term, high.
    #[derive(Debug)]
    struct Term;

    impl TextPass for Term {
        fn kinds(&self) -> KindSet {
            KindSet::of(&[Kind::SensitiveHealth])
        }
        fn reach(&self) -> usize {
            8
        }
        fn find_at(
            &self,
            _: &Scanner,
            h: &[u8],
            from: usize,
        ) -> Option<Match> {
            let i = h.get(from..)?.windows(2).position(|w| w == b"nr")?;
            let s = from + i;
            Some(Match::new(
                Kind::SensitiveHealth,
                Confidence::High,
                Flags::empty(),
                s,
                s + 2,
            ))
        }
    }

    fn scanner(kinds: KindSet, min: Confidence, allow: &[String]) -> Scanner {
        let data = Data {
            keywords: Keywords::build(),
            passes: vec![Box::new(Words), Box::new(Digits), Box::new(Term)],
            allow: AllowList::new(allow),
        };
        let today = Date::new(2026, 6, 1).unwrap();
        Scanner {
            kinds,
            min_confidence: min,
            before: DEFAULT_BEFORE,
            after: DEFAULT_AFTER,
            today,
            lenient: false,
            direct: false,
            data: Arc::new(data),
        }
    }

    fn oracle(sc: &Scanner, h: &[u8]) -> Vec<Match> {
        let mut all = Vec::new();
        for from in 0..=h.len() {
            if sc.kinds.intersects(KindSet::IDS) {
                let mut runs = Runs::default();
                all.extend(sc.find_ids(h, from, &mut runs, Confidence::Low));
            }
            for p in &sc.data.passes {
                if p.kinds().intersects(sc.kinds) {
                    all.extend(p.find_at(sc, h, from));
                }
            }
        }
        all.sort_by(|a, b| {
            if merge_before(a, b) {
                core::cmp::Ordering::Less
            } else if merge_before(b, a) {
                core::cmp::Ordering::Greater
            } else {
                core::cmp::Ordering::Equal
            }
        });
        all.dedup();
        let mut kept: Vec<Match> = Vec::new();
        for m in all {
            if kept.last().is_none_or(|l| m.start >= l.end) {
                kept.push(m);
            }
        }
        kept.retain(|m| {
            m.confidence >= sc.min_confidence
                && !sc.data.allow.contains(&h[m.range()])
        });
        kept
    }

    const WORDS: &[&str] =
        &["Kari ", "Ola Nordmann ", "Per ", "Ab ", "Tonje Rosenborg ", "nr"];

    fn haystack(seed: u64) -> Vec<u8> {
        let mut h = soup(seed, 1 + (seed as usize * 7) % 160);
        let mut x = seed | 1;
        for _ in 0..(seed % 5) {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let at = (x >> 33) as usize % (h.len() + 1);
            let w = WORDS[(x >> 20) as usize % WORDS.len()];
            h.splice(at..at, w.bytes());
        }
        h
    }

    #[test]
    fn merge_agrees_with_the_slow_oracle() {
        let kinds = [
            KindSet::DEFAULT,
            KindSet::of(&[Kind::PersonName, Kind::Phone]),
            KindSet::of(&[Kind::NoFnr, Kind::SensitiveHealth]),
            KindSet::of(&[Kind::Phone]),
        ];
        let allow = ["Kari".to_string(), "010180 00055".to_string()];
        let mut compared = 0;
        let mut seen_pass = [false; 3];
        for seed in 0..200u64 {
            let h = haystack(seed);
            for (i, &k) in kinds.iter().enumerate() {
                let min =
                    [Confidence::Low, Confidence::Medium, Confidence::High]
                        [(seed as usize + i) % 3];
                let al: &[String] = if seed % 4 == 0 { &allow } else { &[] };
                let sc = scanner(k, min, al);
                let fast: Vec<Match> = sc.find_iter(&h).collect();
                assert_eq!(fast, oracle(&sc, &h), "seed {seed}, kinds {k:?}");
                // find_at continues a search as the iterator does.
                let mut pos = 0;
                for m in &fast {
                    assert_eq!(sc.find_at(&h, pos), Some(*m));
                    pos = m.end;
                }
                for m in &fast {
                    match m.kind.group() {
                        Group::Names => seen_pass[0] = true,
                        Group::Contact => seen_pass[1] = true,
                        Group::Sensitive => seen_pass[2] = true,
                        _ => {}
                    }
                }
                compared += fast.len();
            }
        }
        assert!(compared > 300, "{compared}");
        assert_eq!(seen_pass, [true; 3], "every test pass won somewhere");
    }
}
