//! The scanner: [`Scanner`], its builder, [`Match`] and [`FindIter`].
//!
//! A search is a loop of three steps, and only the first touches every
//! byte:
//!
//! 1. `prefilter::Runs::next` jumps to the next digit run whose length and
//!    surroundings may start an identifier (one vector pass, keeping its
//!    place between calls);
//! 2. `Scanner::at` reads the written shape at that digit run (a few bytes),
//!    cuts out every interpretation the shape allows and validates each
//!    against its scheme's rules;
//! 3. only for a candidate that survives, `context::read` searches the
//!    short window around it for keywords, and the confidence is scored.

use core::fmt;

use crate::context::{self, Context};
use crate::date::Date;
use crate::ids::{self, Reject, Strength, Valid, Verdict};
use crate::kind::{Confidence, Country, Flags, Kind, KindSet, ParseNameError};
use crate::prefilter::{Runs, STARTS};
use crate::shape::{self, Run, Sep};

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
/// identifier as written, separators included.
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
}

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
/// let err = Scanner::builder().kind_names(["no_fnr", "xx"]).build();
/// assert!(err.unwrap_err().to_string().contains("\"xx\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct ScannerBuilder {
    kinds: KindSet,
    countries: KindSet,
    min_confidence: Confidence,
    before: u32,
    after: u32,
    today: Option<Date>,
    error: Option<BuildError>,
}

impl Default for ScannerBuilder {
    fn default() -> ScannerBuilder {
        ScannerBuilder {
            kinds: KindSet::ALL,
            countries: KindSet::ALL,
            min_confidence: Confidence::Medium,
            before: DEFAULT_BEFORE,
            after: DEFAULT_AFTER,
            today: None,
            error: None,
        }
    }
}

impl ScannerBuilder {
    /// A builder with the defaults: every kind, threshold `medium`, window
    /// 40 characters before and 20 after, reference date today.
    pub fn new() -> ScannerBuilder {
        ScannerBuilder::default()
    }

    /// Detect only these kinds (default: all).
    pub fn kinds<I: IntoIterator<Item = Kind>>(mut self, kinds: I) -> Self {
        self.kinds = KindSet::NONE;
        for k in kinds {
            self.kinds.insert(k);
        }
        self
    }

    /// Detect only the kinds with these names, e.g. `["no_fnr"]`. An
    /// unknown name makes [`build`](Self::build) fail naming it.
    pub fn kind_names<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut set = KindSet::NONE;
        for name in names {
            match name.as_ref().parse::<Kind>() {
                Ok(k) => set.insert(k),
                Err(e) => {
                    self.error.get_or_insert(e.into());
                }
            }
        }
        self.kinds = set;
        self
    }

    /// Detect only the kinds of these countries (default: all).
    pub fn countries<I: IntoIterator<Item = Country>>(
        mut self,
        countries: I,
    ) -> Self {
        self.countries = KindSet::NONE;
        for c in countries {
            for k in c.kinds() {
                self.countries.insert(k);
            }
        }
        self
    }

    /// Detect only the kinds of the countries with these codes, e.g.
    /// `["no", "se"]`. An unknown code makes [`build`](Self::build) fail
    /// naming it.
    pub fn country_names<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.countries = KindSet::NONE;
        for name in names {
            match name.as_ref().parse::<Country>() {
                Ok(c) => {
                    for k in c.kinds() {
                        self.countries.insert(k);
                    }
                }
                Err(e) => {
                    self.error.get_or_insert(e.into());
                }
            }
        }
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

    /// Builds the scanner.
    ///
    /// # Errors
    ///
    /// The first invalid option: an unknown kind or country name, a zero
    /// or too large window, or kinds and countries with nothing in common.
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
        let kinds = KindSet(self.kinds.0 & self.countries.0);
        if kinds.is_empty() {
            return Err(BuildError::NoKinds);
        }
        // Build the shared keyword automaton now rather than in the first
        // search, so a search never allocates.
        context::Keywords::get();
        Ok(Scanner {
            kinds,
            min_confidence: self.min_confidence,
            before,
            after,
            today: self.today.unwrap_or_else(Date::today),
        })
    }
}

/// Finds Nordic personal identity numbers in text.
///
/// A scanner is immutable once built, `Send + Sync`, and small enough to
/// copy; every search borrows it and allocates nothing.
///
/// # Example: scan free text
///
/// ```
/// use detect_core::{Confidence, Kind, Scanner};
///
/// let sc = Scanner::new();
/// let text = "Søknad fra Kari, fnr. 010180 00055, om støtte";
/// let m = sc.find_iter(text).next().unwrap();
/// assert_eq!(m.kind(), Kind::NoFnr);
/// assert_eq!(m.confidence(), Confidence::High);
/// assert_eq!(&text[m.range()], "010180 00055");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Scanner {
    kinds: KindSet,
    min_confidence: Confidence,
    before: u32,
    after: u32,
    today: Date,
}

impl Default for Scanner {
    fn default() -> Scanner {
        Scanner::new()
    }
}

/// One way to read a candidate, before validation.
#[derive(Clone, Copy, Debug)]
enum Shape {
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

/// The candidate read at one position: its interpretations share a span.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    pub(crate) end: usize,
    shapes: [Option<Shape>; 2],
    flags: Flags,
}

impl Candidate {
    fn one(end: usize, shape: Shape, flags: Flags) -> Candidate {
        Candidate { end, shapes: [Some(shape), None], flags }
    }
}

/// The valid readings of one candidate: at most one per shape and scheme.
#[derive(Default)]
struct Readings {
    items: [Option<Valid>; 4],
    n: usize,
}

impl Readings {
    fn push(&mut self, v: Valid) {
        if self.n < self.items.len() {
            self.items[self.n] = Some(v);
            self.n += 1;
        }
    }

    fn is_empty(&self) -> bool {
        self.n == 0
    }

    fn iter(&self) -> impl Iterator<Item = &Valid> {
        self.items[..self.n].iter().flatten()
    }
}

/// The rank of a kind among equally sure readings of one span: the fixed,
/// documented preference of CONTRACT §2 (a check character or Luhn digit
/// that passes is rarer by chance than a date alone).
fn preference(k: Kind) -> u8 {
    match k {
        Kind::FiHetu => 6,
        Kind::SePnr | Kind::SeSnr => 5,
        Kind::DkCpr => 4,
        Kind::IsKt => 3,
        Kind::NoFnr | Kind::NoDnr | Kind::NoHnr | Kind::NoFhnr => 2,
        Kind::NoDuf => 1,
    }
}

fn strength_rank(s: Strength) -> u8 {
    match s {
        Strength::Strong => 3,
        Strength::Weak => 2,
        Strength::Gated => 1,
        Strength::ContextOnly => 0,
    }
}

impl Scanner {
    /// A scanner with the defaults: every kind, threshold `medium`, window
    /// 40 characters before and 20 after, reference date today.
    pub fn new() -> Scanner {
        ScannerBuilder::new().build().expect("the defaults are valid")
    }

    /// A builder to choose kinds, countries, threshold, context window and
    /// reference date.
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

    /// The context window: characters before and after.
    pub fn context_window(&self) -> (u32, u32) {
        (self.before, self.after)
    }

    /// Whether this scanner detects `kind`.
    pub fn detects(&self, kind: Kind) -> bool {
        self.kinds.contains(kind)
    }

    /// The same scanner with another threshold.
    pub fn with_min_confidence(mut self, level: Confidence) -> Scanner {
        self.min_confidence = level;
        self
    }

    /// Iterates over the findings in `haystack`, left to right, never
    /// overlapping. Does not allocate.
    pub fn find_iter<'s, 'h, H: AsRef<[u8]> + ?Sized>(
        &'s self,
        haystack: &'h H,
    ) -> FindIter<'s, 'h> {
        FindIter {
            scanner: self,
            haystack: haystack.as_ref(),
            pos: 0,
            runs: Runs::default(),
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
        self.find_in(haystack.as_ref(), from, &mut Runs::default())
    }

    /// [`find_at`](Self::find_at), keeping the prefilter's place in `runs`
    /// between calls on the same haystack (as [`FindIter`] does), so a
    /// dense stretch is classified once.
    #[inline]
    pub(crate) fn find_in(
        &self,
        h: &[u8],
        from: usize,
        runs: &mut Runs,
    ) -> Option<Match> {
        self.find_with(h, from, &mut |h, i| runs.next(h, i))
    }

    /// The search loop of [`find_at`](Self::find_at), with `next` finding
    /// the next digit run worth a look (the prefilter, or in tests the
    /// plain byte loop it must agree with).
    #[inline(always)]
    fn find_with(
        &self,
        h: &[u8],
        from: usize,
        next: &mut impl FnMut(&[u8], usize) -> Option<usize>,
    ) -> Option<Match> {
        let mut i = from;
        loop {
            let p = next(h, i)?;
            if shape::digit_at(h, p).is_none() {
                // 0xEF that does not start a fullwidth digit.
                i = p + 1;
                continue;
            }
            let run = Run::read(h, p);
            if shape::digit_before(h, p) {
                // The middle of a run (a search resumed inside one).
                i = run.end;
                continue;
            }
            match self.at(h, p, &run) {
                Some(m) if m.confidence >= self.min_confidence => {
                    return Some(m);
                }
                // A finding below the threshold still owns its span, so a
                // higher threshold only ever removes findings.
                Some(m) => i = m.end,
                None => i = run.end,
            }
        }
    }

    /// Whether `value` (one identifier, separators allowed, surrounding
    /// white space ignored) is a valid `kind` by every rule of its scheme.
    /// Context plays no part; numbers whose structure needs context (FH,
    /// DUF, Icelandic system numbers) are valid when their checks pass.
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
        let v = trim(value.as_ref());
        if shape::digit_at(v, 0).is_none() {
            return false;
        }
        let run = Run::read(v, 0);
        let Some(c) = self.candidate(v, &run) else { return false };
        if c.end != v.len() {
            return false;
        }
        let mut ok = false;
        self.readings(&c, false, &mut |r| ok |= r.kind == kind);
        ok
    }

    /// Reads and judges the candidate at `p`, whatever its confidence.
    fn at(&self, h: &[u8], p: usize, run: &Run) -> Option<Match> {
        // Most digit runs in prose (days, years, amounts) cannot start an
        // identifier: one bit test rejects them.
        if run.n >= 14 || STARTS >> run.n & 1 == 0 || !shape::left_ok(h, p) {
            return None;
        }
        if run.n == 5 {
            return self.split(h, p, run);
        }
        let c = self.candidate(h, run)?;
        if !shape::right_ok(h, c.end) {
            return None;
        }
        let mut readings = Readings::default();
        self.readings(&c, false, &mut |r| {
            if self.kinds.contains(r.kind) {
                readings.push(r);
            }
        });
        let mut typo: Option<Valid> = None;
        if readings.is_empty() {
            // Nothing valid: a number whose only fault is a check digit,
            // right after a label for its kind, is likely a typo of a real
            // one (CONTRACT §3, `low`).
            if !shape::word_right_before(h, p) {
                return None;
            }
            self.readings(&c, true, &mut |r| {
                if self.kinds.contains(r.kind)
                    && !r.flags.contains(Flags::CHECKSUM)
                    && typo.is_none_or(|t| {
                        preference(t.kind) < preference(r.kind)
                    })
                {
                    typo = Some(r);
                }
            });
            typo?;
        }
        if shape::in_url(h, p) {
            return None;
        }
        let cx = self.context(h, p, c.end);
        if let Some(t) = typo {
            if !cx.labelled(t.kind) || cx.negative(t.kind) {
                return None;
            }
            let flags =
                t.flags | c.flags | Flags::CONTEXT | Flags::CHECKSUM_FAILED;
            return Some(Match::new(t.kind, Confidence::Low, flags, p, c.end));
        }
        // Among the readings of one span: the kind the context supports,
        // then the most confident, then the one resting on check digits,
        // then the fixed preference (CONTRACT §2).
        let mut best: Option<((bool, Confidence, u8, u8), Valid)> = None;
        for &r in readings.iter() {
            let Some(level) = level(r.strength, &cx, r.kind) else {
                continue;
            };
            let key = (
                cx.positive(r.kind),
                level,
                strength_rank(r.strength),
                preference(r.kind),
            );
            if best.is_none_or(|b| b.0 < key) {
                best = Some((key, r));
            }
        }
        let ((_, level, _, _), r) = best?;
        let mut flags = r.flags | c.flags;
        flags.set(Flags::CONTEXT, cx.positive(r.kind));
        flags.set(Flags::NEGATIVE_CONTEXT, cx.negative(r.kind));
        Some(Match::new(r.kind, level, flags, p, c.end))
    }

    fn context(&self, h: &[u8], start: usize, end: usize) -> Context {
        context::read(h, start, end, self.before, self.after)
    }

    /// Calls `f` with every valid reading of `c` (with `lenient`, also the
    /// readings whose only fault is a check digit).
    pub(crate) fn readings(
        &self,
        c: &Candidate,
        lenient: bool,
        f: &mut impl FnMut(Valid),
    ) {
        let today = self.today;
        let mut emit = |v: Verdict| {
            if let Ok(v) = v {
                f(v)
            }
        };
        for shape in c.shapes.iter().flatten() {
            match *shape {
                Shape::No { d, year } => {
                    let v = ids::no::validate(&d, today, lenient);
                    emit(v.and_then(|v| full_year_ok(v, &d, year, today)));
                }
                Shape::Ten { d, plus, bare } => {
                    let se = ids::se::validate(&d, None, today, lenient);
                    // A bare 10-digit number starting 07 is likely a
                    // Swedish mobile number (§8.1).
                    emit(se.map(|mut v| {
                        if bare && d[0] == 0 && d[1] == 7 {
                            v.strength = weaker(v.strength);
                        }
                        v
                    }));
                    if !plus && !lenient {
                        emit(ids::dk::validate(&d, today));
                        emit(ids::is::validate(&d, today));
                    }
                }
                Shape::Twelve { d, se, duf } => {
                    if se {
                        let mut ten = [0; 10];
                        ten.copy_from_slice(&d[2..]);
                        let cc = d[0] * 10 + d[1];
                        emit(ids::se::validate(
                            &ten,
                            Some(cc),
                            today,
                            lenient,
                        ));
                    }
                    if duf {
                        emit(ids::no::validate_duf(&d, today, lenient));
                    }
                }
                Shape::Fi { date, sign, zzz, check, lower } => {
                    emit(ids::fi::validate(
                        &date, sign, &zzz, check, lower, lenient,
                    ));
                }
            }
        }
    }

    /// Reads the written shape at the digit run `r1` starting at `p`.
    pub(crate) fn candidate(&self, h: &[u8], r1: &Run) -> Option<Candidate> {
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
            6 => self.after_six(h, r1),
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
                // DUF grouped 4+6+2: `2019 123456 78`.
                let (s, l) = shape::sep_at(h, r1.end)?;
                if s != Sep::Space {
                    return None;
                }
                let r2 = Run::read(h, r1.end + l);
                if r2.n != 6 {
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
    fn after_six(&self, h: &[u8], r1: &Run) -> Option<Candidate> {
        let e1 = r1.end;
        let six: [u8; 6] = r1.take();
        let sep = Flags::SEPARATOR;
        // Finnish: a sign (a letter, `-`, `+` or a Unicode hyphen), three
        // digits and a check character, eleven characters in all.
        let fi = self.finnish(h, e1, &six);
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
        if !self.kinds.contains(Kind::FiHetu) {
            return None;
        }
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

    /// A Norwegian personnummer (five digits) written apart from its birth
    /// date, which stands before it in the window, with a label right
    /// before the five digits:
    /// `født 01.01.1980, personnummer 00055` (IDS.md §1.8).
    fn split(&self, h: &[u8], p: usize, r: &Run) -> Option<Match> {
        if !shape::number_label_before(h, p) || !shape::right_ok(h, r.end) {
            return None;
        }
        let label = context::label_before(h, p);
        if !(label.contains(Kind::NoFnr) || label.contains(Kind::NoDnr)) {
            return None;
        }
        let ws = context::window_back(h, p, self.before);
        let (dm, yy, year) = last_date(h, ws, p)?;
        let mut d = [0; 11];
        d[..4].copy_from_slice(&dm);
        d[4..6].copy_from_slice(&yy);
        d[6..].copy_from_slice(&r.d[..5]);
        let v = ids::no::validate(&d, self.today, false)
            .and_then(|v| full_year_ok(v, &d, year, self.today))
            .ok()?;
        if !self.kinds.contains(v.kind) || v.kind == Kind::NoFhnr {
            return None;
        }
        let cx = self.context(h, p, r.end);
        if !cx.labelled(v.kind) {
            return None;
        }
        let level = level(v.strength, &cx, v.kind)?;
        let mut flags = v.flags | Flags::SPLIT | Flags::CONTEXT;
        flags.set(Flags::NEGATIVE_CONTEXT, cx.negative(v.kind));
        Some(Match::new(v.kind, level, flags, p, r.end))
    }
}

/// One step weaker.
fn weaker(s: Strength) -> Strength {
    match s {
        Strength::Strong => Strength::Weak,
        Strength::Weak | Strength::Gated => Strength::Gated,
        Strength::ContextOnly => Strength::ContextOnly,
    }
}

/// The confidence of a valid reading in its context (CONTRACT §3), or
/// `None` if it is not to be reported at all.
fn level(s: Strength, cx: &Context, k: Kind) -> Option<Confidence> {
    let pos = cx.positive(k);
    let base = match s {
        Strength::Strong if pos => Confidence::High,
        Strength::Strong => Confidence::Medium,
        Strength::Weak if pos => Confidence::Medium,
        Strength::Weak => Confidence::Low,
        Strength::Gated if pos => Confidence::High,
        Strength::Gated => Confidence::Low,
        Strength::ContextOnly if pos => Confidence::Medium,
        Strength::ContextOnly => return None,
    };
    if cx.negative(k) { base.lower() } else { Some(base) }
}

/// The shape of a Norwegian number written with a four-digit year.
fn full_year_shape(ddmm: &[u8], yyyy: &[u8], five: &[u8]) -> Shape {
    let mut d = [0; 11];
    d[..4].copy_from_slice(ddmm);
    d[4..6].copy_from_slice(&yyyy[2..4]);
    d[6..].copy_from_slice(five);
    let year = yyyy.iter().fold(0u16, |a, &x| a * 10 + u16::from(x));
    Shape::No { d, year: Some(year) }
}

/// With a written four-digit year, the date must be real and past in that
/// very year, not only in some century.
fn full_year_ok(
    v: Valid,
    d: &[u8; 11],
    year: Option<u16>,
    today: Date,
) -> Verdict {
    let Some(year) = year else { return Ok(v) };
    if v.kind == Kind::NoFhnr {
        return Err(Reject::new(ids::Reason::Date, Some(v.kind)));
    }
    let mut day = ids::num2(&d[0..2]);
    let mut month = ids::num2(&d[2..4]);
    if d[0] >= 4 {
        day -= 40;
    }
    if month > 80 {
        month -= 80;
    } else if month > 40 {
        month -= 40;
    }
    if today.admits(u32::from(year), month, day) {
        Ok(v)
    } else {
        Err(Reject::new(ids::Reason::Date, Some(v.kind)))
    }
}

/// The last date `D.M.YY` / `DD.MM.YYYY` in `h[lo..hi]`: day and month as
/// two digits each, the two-digit year, and the four-digit year if written.
fn last_date(
    h: &[u8],
    lo: usize,
    hi: usize,
) -> Option<([u8; 4], [u8; 2], Option<u16>)> {
    let mut found = None;
    let mut i = lo;
    while i < hi {
        if shape::digit_at(h, i).is_none() || shape::digit_before(h, i) {
            i += 1;
            continue;
        }
        let r1 = Run::read(h, i);
        let next = r1.end;
        let parsed = (|| {
            if !(1..=2).contains(&r1.n) || h.get(r1.end) != Some(&b'.') {
                return None;
            }
            let r2 = Run::read(h, r1.end + 1);
            if !(1..=2).contains(&r2.n) || h.get(r2.end) != Some(&b'.') {
                return None;
            }
            let r3 = Run::read(h, r2.end + 1);
            if r3.end > hi || !(r3.n == 2 || r3.n == 4) {
                return None;
            }
            let two = |r: &Run| {
                if r.n == 1 { [0, r.d[0]] } else { [r.d[0], r.d[1]] }
            };
            // A date followed by five digits is the start of a number
            // written with its date (`02.02.1990 00002`), not a birth date
            // standing apart: masking that number must not change which
            // date a later personnummer is read with.
            if let Some((Sep::Space | Sep::Hyphen, l)) =
                shape::sep_at(h, r3.end)
                && Run::read(h, r3.end + l).n == 5
            {
                return None;
            }
            let (dd, mm) = (two(&r1), two(&r2));
            let yy = [r3.d[r3.n - 2], r3.d[r3.n - 1]];
            let year = (r3.n == 4).then(|| {
                r3.d[..4].iter().fold(0u16, |a, &x| a * 10 + u16::from(x))
            });
            Some(([dd[0], dd[1], mm[0], mm[1]], yy, year))
        })();
        if parsed.is_some() {
            found = parsed;
        }
        i = next.max(i + 1);
    }
    found
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
    runs: Runs,
}

impl Iterator for FindIter<'_, '_> {
    type Item = Match;

    #[inline]
    fn next(&mut self) -> Option<Match> {
        match self.scanner.find_in(self.haystack, self.pos, &mut self.runs) {
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
mod vectors {
    //! Every vector of `testdata/id_vectors.json` (copied from the
    //! specification's companion files) gives the verdict of the profile
    //! IDS.md §8.1 recommends.

    use super::*;
    use crate::ids::is::{Holder, validate_holder};

    const JSON: &str = include_str!("../../testdata/id_vectors.json");

    fn readings(sc: &Scanner, input: &str) -> Vec<Valid> {
        let v = input.as_bytes();
        let mut out = Vec::new();
        if shape::digit_at(v, 0).is_none() {
            return out;
        }
        let run = Run::read(v, 0);
        if let Some(c) = sc.candidate(v, &run)
            && c.end == v.len()
        {
            sc.readings(&c, false, &mut |r| out.push(r));
        }
        out
    }

    /// Our kind and whether the synthetic flag is expected, for a
    /// reference sub-kind.
    fn expected(typ: &str, sub: &str) -> Option<(Kind, bool)> {
        Some(match (typ, sub) {
            ("no_fnr", "fnr") => (Kind::NoFnr, false),
            ("no_fnr", "synthetic") => (Kind::NoFnr, true),
            ("no_fnr", "dnr") | ("no_fnr", "dnr+hnr") => (Kind::NoDnr, false),
            ("no_fnr", "dnr+synthetic") => (Kind::NoDnr, true),
            ("no_fnr", "hnr") => (Kind::NoHnr, false),
            ("no_fnr", "fhnr") => (Kind::NoFhnr, false),
            ("dk_cpr", "cpr") => (Kind::DkCpr, false),
            ("se_pnr", "personnummer") => (Kind::SePnr, false),
            ("se_pnr", "samordningsnummer") => (Kind::SeSnr, false),
            ("fi_hetu", "hetu" | "temporary") => (Kind::FiHetu, false),
            ("is_kt", "person" | "system") => (Kind::IsKt, false),
            _ => return None,
        })
    }

    #[test]
    fn every_vector_gets_the_recommended_verdict() {
        let doc: serde_json::Value = serde_json::from_str(JSON).unwrap();
        let as_of: Date = doc["as_of"].as_str().unwrap().parse().unwrap();
        let sc = Scanner::builder().reference_date(as_of).build().unwrap();
        let mut checked = 0;
        for v in doc["vectors"].as_array().unwrap() {
            let typ = v["type"].as_str().unwrap();
            let input = v["input"].as_str().unwrap();
            let profile = match typ {
                "no_fnr" => "2032",
                "dk_cpr" | "se_pnr" | "is_kt" => "recommended",
                "fi_hetu" => "with_temporary",
                _ => continue,
            };
            let r = &v["results"][profile];
            let mut valid = r["valid"].as_bool().unwrap();
            let mut sub = r["kind"].as_str().unwrap_or("");
            if input == "131052-308t" {
                // IDS.md §8.1 ships `with_temporary` *case-insensitive*
                // (lower case is weak, not invalid); the JSON column is the
                // case-sensitive reference.
                valid = true;
                sub = "hetu";
            }
            let country = typ.parse::<Kind>().map(Kind::country).ok();
            let got: Vec<Valid> = readings(&sc, input)
                .into_iter()
                .filter(|x| Some(x.kind.country()) == country)
                .collect();
            checked += 1;
            if typ == "is_kt" && sub == "company" {
                let mut d = [0u8; 10];
                let digits: Vec<u8> = input
                    .bytes()
                    .filter(u8::is_ascii_digit)
                    .map(|b| b - b'0')
                    .collect();
                d.copy_from_slice(&digits);
                let h = validate_holder(&d, as_of).map(|x| x.0);
                assert_eq!(
                    h.ok(),
                    valid.then_some(Holder::Company),
                    "{input}"
                );
                assert!(got.is_empty(), "{input}: a company is not personal");
                continue;
            }
            if !valid {
                assert!(
                    got.is_empty(),
                    "{input} ({typ}) must be invalid: {got:?}"
                );
                continue;
            }
            let (kind, synthetic) = expected(typ, sub)
                .unwrap_or_else(|| panic!("unmapped sub-kind {sub}"));
            assert_eq!(got.len(), 1, "{input}: {got:?}");
            assert_eq!(got[0].kind, kind, "{input}");
            assert_eq!(
                got[0].flags.contains(Flags::SYNTHETIC),
                synthetic,
                "{input}"
            );
            assert_eq!(
                got[0].flags.contains(Flags::TEMPORARY),
                sub == "temporary",
                "{input}"
            );
            // The 2032 profile is ours; the legacy column says whether the
            // number needs the new rule.
            if typ == "no_fnr" {
                let legacy =
                    v["results"]["legacy"]["valid"].as_bool().unwrap();
                assert_eq!(
                    got[0].flags.contains(Flags::NEW_RULE),
                    !legacy && kind != Kind::NoFhnr,
                    "{input}"
                );
            }
        }
        assert_eq!(checked, 112, "personal vectors checked");
    }

    #[test]
    fn look_alike_vectors_stay_silent() {
        let doc: serde_json::Value = serde_json::from_str(JSON).unwrap();
        let as_of: Date = doc["as_of"].as_str().unwrap().parse().unwrap();
        let sc = Scanner::builder().reference_date(as_of).build().unwrap();
        let low = sc.with_min_confidence(Confidence::Low);
        let mut checked = 0;
        for v in doc["vectors"].as_array().unwrap() {
            let typ = v["type"].as_str().unwrap();
            let label = match typ {
                "no_orgnr" => "Org.nr.",
                "no_kontonr" => "Kontonr.",
                "no_kid" => "KID:",
                "dk_cvr" => "CVR-nr.",
                "se_orgnr" => "Organisationsnummer",
                "fi_ytunnus" => "Y-tunnus",
                "iban" => "IBAN",
                _ => continue,
            };
            if !v["results"]["default"]["valid"].as_bool().unwrap() {
                continue;
            }
            let input = v["input"].as_str().unwrap();
            let text = format!("{label} {input} betales");
            let found: Vec<_> = sc.find_iter(&text).collect();
            assert!(found.is_empty(), "{text}: {found:?}");
            // Bare, only a number that is itself a valid fødselsnummer
            // (every one is a valid account number too, IDS.md §6.2) may
            // be reported; with its label it drops below the threshold.
            let bare: Vec<_> = low.find_iter(input).collect();
            if input == "01018000055" {
                assert_eq!(bare.len(), 1);
                assert_eq!(bare[0].kind(), Kind::NoFnr);
                let l: Vec<_> = low.find_iter(&text).collect();
                assert_eq!(l[0].confidence(), Confidence::Low);
                assert!(l[0].flags().contains(Flags::NEGATIVE_CONTEXT));
            } else {
                assert!(bare.is_empty(), "{input}: {bare:?}");
            }
            checked += 1;
        }
        assert_eq!(checked, 24, "valid look-alike vectors checked");
    }
}

#[cfg(test)]
mod skipping {
    //! The prefilter only saves work: a search that visits every digit
    //! finds exactly what the fast search finds.

    use super::*;
    use crate::prefilter::{find_scalar, soup};

    fn slow(sc: &Scanner, h: &[u8]) -> Vec<Match> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(m) = sc.find_with(h, pos, &mut find_scalar) {
            out.push(m);
            pos = m.end;
        }
        out
    }

    #[test]
    fn fast_search_finds_what_visiting_every_digit_finds() {
        let today = Date::new(2026, 6, 1).unwrap();
        let scanners = [
            Scanner::builder().reference_date(today).build().unwrap(),
            Scanner::builder()
                .reference_date(today)
                .min_confidence(Confidence::Low)
                .build()
                .unwrap(),
        ];
        let mut found = 0;
        for seed in 0..3000u64 {
            let h = soup(seed, 1 + (seed as usize * 13) % 400);
            for sc in &scanners {
                let fast: Vec<Match> = sc.find_iter(&h).collect();
                assert_eq!(fast, slow(sc, &h), "seed {seed}");
                found += fast.len();
            }
        }
        // The soups hold findings, so the comparison has something to
        // compare.
        assert!(found > 1000, "{found}");
    }
}
