/*!
The native module `sladd._sladd`: Python bindings of [`detect_core`].

The Python package `sladd` (in `python/sladd/`) re-exports everything here;
import that, not this module. The API is docs/contract.md §7:

```text
sc = sladd.Scanner(kinds=None, countries=None, min_confidence="medium")
sc.scan(text) -> list[Match]          # .kind .start .end .text .confidence .flags
sc.redact(text, style="mask") -> str
sc.scan_batch(texts) -> list[list[Match]]   # GIL released, every core
sladd.scan(text), sladd.redact(text), sladd.validate(kind, value), sladd.KINDS
```

Offsets: detect-core reports byte offsets; for a `str` each match carries
code-point offsets (`start`, `end`, so `text[m.start:m.end]` is the
match) and the byte and UTF-16 offsets, converted in one pass over the
text ([`offsets`]). For `bytes` input `start`/`end` are byte offsets.

The text is borrowed (or, for `str` under the 3.9 stable ABI, copied
once to UTF-8) and scanned without the GIL whenever that pays: always in
`scan_batch`, and for single texts from [`DETACH_BYTES`] up.
*/

#![forbid(unsafe_code)]

mod arrow;
mod errors;
mod files;
mod offsets;
mod parallel;

use std::borrow::Cow;

use detect_core::{Confidence, Date, Flags, Kind, RedactStyle};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{
    PyByteArray, PyBytes, PyDict, PyFrozenSet, PyList, PyString, PyTuple,
};

use crate::errors::{
    BuildError, SladdError, UnknownKindError, UnknownStyleError, build_error,
    guard, panic_error,
};

/// Single texts at least this long (in bytes) are scanned with the GIL
/// released; below it, releasing and re-taking the GIL costs more than it
/// lets other threads do.
pub const DETACH_BYTES: usize = 16 * 1024;

/// A text handed in from Python, readable without the GIL.
enum Input {
    /// A `str`, as UTF-8.
    Str(PyBackedStr),
    /// `bytes` or (copied) `bytearray`.
    Bytes(PyBackedBytes),
}

impl Input {
    /// `what` names the argument in the error message; it is built only
    /// on error.
    fn extract(
        obj: &Bound<'_, PyAny>,
        what: impl FnOnce() -> String,
    ) -> PyResult<Input> {
        if let Ok(s) = obj.cast::<PyString>() {
            // A str with lone surrogates raises UnicodeEncodeError, a
            // ValueError.
            return Ok(Input::Str(PyBackedStr::try_from(s.to_owned())?));
        }
        if (obj.is_instance_of::<PyBytes>()
            || obj.is_instance_of::<PyByteArray>())
            && let Ok(b) = obj.extract::<PyBackedBytes>()
        {
            return Ok(Input::Bytes(b));
        }
        Err(PyTypeError::new_err(format!(
            "{} must be str or bytes, not {}",
            what(),
            type_name(obj)
        )))
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Input::Str(s) => s.as_bytes(),
            Input::Bytes(b) => b,
        }
    }

    fn is_str(&self) -> bool {
        matches!(self, Input::Str(_))
    }
}

/// One finding, with its offsets converted; built without the GIL.
struct Found {
    m: detect_core::Match,
    start: usize,
    end: usize,
    utf16: Option<(usize, usize)>,
    text: String,
}

/// Scans `h` and converts the offsets: code points and UTF-16 units for a
/// `str`, bytes for `bytes`. One pass over the text, up to the last match.
fn find_all(sc: &detect_core::Scanner, h: &[u8], is_str: bool) -> Vec<Found> {
    let mut cursor = offsets::Cursor::new(h);
    sc.find_iter(h)
        .map(|m| {
            let text = String::from_utf8_lossy(&h[m.range()]).into_owned();
            if is_str {
                let (s, s16) = cursor.advance(m.start());
                let (e, e16) = cursor.advance(m.end());
                Found { m, start: s, end: e, utf16: Some((s16, e16)), text }
            } else {
                Found { m, start: m.start(), end: m.end(), utf16: None, text }
            }
        })
        .collect()
}

impl From<Found> for Match {
    fn from(f: Found) -> Match {
        Match {
            kind: f.m.kind(),
            confidence: f.m.confidence(),
            flags: f.m.flags().bits(),
            start: f.start,
            end: f.end,
            byte_start: f.m.start(),
            byte_end: f.m.end(),
            utf16_start: f.utf16.map(|u| u.0),
            utf16_end: f.utf16.map(|u| u.1),
            text: f.text,
        }
    }
}

/// One finding in a text.
///
/// ``text[m.start:m.end] == m.text``: for a ``str`` the offsets count code
/// points; ``byte_start``/``byte_end`` count UTF-8 bytes and
/// ``utf16_start``/``utf16_end`` UTF-16 units (``None`` for ``bytes``
/// input, where ``start``/``end`` are byte offsets). ``repr`` masks the
/// value so that logs never hold a whole identifier.
///
/// >>> m = sladd.scan("fnr: 010180 00055")[0]
/// >>> m.kind, m.start, m.end, m.text, m.confidence
/// ('no_fnr', 5, 17, '010180 00055', 'high')
/// >>> sorted(m.flags)
/// ['checksum', 'context', 'date_valid', 'separator']
/// >>> m
/// Match(kind='no_fnr', start=5, end=17, text='010180*****', confidence='high')
#[pyclass(frozen, eq, hash, module = "sladd._sladd")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Match {
    kind: Kind,
    confidence: Confidence,
    flags: u32,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    utf16_start: Option<usize>,
    utf16_end: Option<usize>,
    text: String,
}

impl Match {
    /// The value with its date part (six digits, eight for a four-digit
    /// year) kept and every other digit or letter masked; separators
    /// dropped. Numbers without a date (FH, DUF, Icelandic system numbers,
    /// a personnummer written apart) are masked whole.
    fn masked_value(&self) -> String {
        let m = detect_core::Match::new(
            self.kind,
            self.confidence,
            Flags::from_bits_truncate(self.flags),
            0,
            self.text.len(),
        );
        let mut out = String::with_capacity(self.text.len());
        masked_into(&m, self.text.as_bytes(), &mut Vec::new(), &mut out);
        out
    }
}

/// Appends the masked value of `m` (its text is `span`) to `out`:
/// redaction's keep_birthdate style, without the separators. `buf` is
/// scratch space.
fn masked_into(
    m: &detect_core::Match,
    span: &[u8],
    buf: &mut Vec<u8>,
    out: &mut String,
) {
    buf.clear();
    m.redact_span(span, RedactStyle::KeepBirthdate, buf);
    out.extend(String::from_utf8_lossy(buf).chars().filter_map(|c| match c {
        '＊' => Some('*'),
        c if c == '*' || c.is_alphanumeric() => Some(c),
        _ => None,
    }));
}

#[pymethods]
impl Match {
    /// The kind, e.g. ``'no_fnr'`` (one of ``sladd.KINDS``).
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind.as_str()
    }

    /// Start offset: code points into a ``str``, bytes into ``bytes``.
    /// The kind's group: ``'ids'``, ``'names'``, ``'contact'``,
    /// ``'financial'``, ``'organisations'`` or ``'sensitive'``.
    #[getter]
    fn group(&self) -> &'static str {
        self.kind.group().as_str()
    }

    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    /// End offset (exclusive), in the same unit as ``start``.
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    /// ``(start, end)``.
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }

    /// Start offset in UTF-8 bytes.
    #[getter]
    fn byte_start(&self) -> usize {
        self.byte_start
    }

    /// End offset in UTF-8 bytes.
    #[getter]
    fn byte_end(&self) -> usize {
        self.byte_end
    }

    /// Start offset in UTF-16 code units; ``None`` for ``bytes`` input.
    #[getter]
    fn utf16_start(&self) -> Option<usize> {
        self.utf16_start
    }

    /// End offset in UTF-16 code units; ``None`` for ``bytes`` input.
    #[getter]
    fn utf16_end(&self) -> Option<usize> {
        self.utf16_end
    }

    /// The identifier as written, separators included.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// The value as ``repr`` shows it: date part kept, the rest masked.
    #[getter]
    fn masked(&self) -> String {
        self.masked_value()
    }

    /// ``'low'``, ``'medium'`` or ``'high'``.
    #[getter]
    fn confidence(&self) -> &'static str {
        self.confidence.as_str()
    }

    /// Why it was reported: a frozenset of names from ``sladd.FLAGS``.
    #[getter]
    fn flags<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Bound<'py, PyFrozenSet>> {
        PyFrozenSet::new(py, Flags::from_bits_truncate(self.flags).names())
    }

    /// The flags as the bit set of the C API.
    #[getter]
    fn flag_bits(&self) -> u32 {
        self.flags
    }

    fn __repr__(&self) -> String {
        format!(
            "Match(kind='{}', start={}, end={}, text='{}', confidence='{}')",
            self.kind.as_str(),
            self.start,
            self.end,
            self.masked_value(),
            self.confidence.as_str()
        )
    }
}

/// The risk of one record and the findings behind it
/// (``Scanner.assess``). ``risk`` is ``'clean'``, ``'personal'``,
/// ``'special'`` or ``'identifying'`` (in that order, ``sladd.RISKS``);
/// ``categories`` the kinds found, each once, in ``sladd.KINDS`` order;
/// ``groups`` their groups.
///
/// >>> a = sladd.assess("Vedtak om omsorgsovertakelse - Kari Nordmann")
/// >>> a.risk, a.categories
/// ('special', ('person_name', 'sensitive_child_welfare'))
#[pyclass(frozen, module = "sladd._sladd")]
pub struct Assessment {
    risk: detect_core::Risk,
    categories: Vec<Kind>,
    findings: Vec<Match>,
}

#[pymethods]
impl Assessment {
    /// The level: ``'clean'``, ``'personal'``, ``'special'`` or
    /// ``'identifying'``.
    #[getter]
    fn risk(&self) -> &'static str {
        self.risk.as_str()
    }

    /// The kinds found, each once, in ``sladd.KINDS`` order.
    #[getter]
    fn categories<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.categories.iter().map(|k| k.as_str()))
    }

    /// The groups of the kinds found, each once.
    #[getter]
    fn groups<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let mut g: Vec<&str> =
            self.categories.iter().map(|k| k.group().as_str()).collect();
        g.dedup();
        PyTuple::new(py, g)
    }

    /// The findings behind it, left to right.
    #[getter]
    fn findings(&self) -> Vec<Match> {
        self.findings.clone()
    }

    fn __repr__(&self) -> String {
        let cats: Vec<String> = self
            .categories
            .iter()
            .map(|k| format!("'{}'", k.as_str()))
            .collect();
        format!(
            "Assessment(risk='{}', categories=({}{}), findings={})",
            self.risk.as_str(),
            cats.join(", "),
            if cats.len() == 1 { "," } else { "" },
            self.findings.len()
        )
    }
}

impl Scanner {
    fn assess_input(
        &self,
        py: Python<'_>,
        input: &Input,
    ) -> PyResult<Assessment> {
        let findings = self.scan_input(py, input)?;
        let ms: Vec<detect_core::Match> = findings
            .iter()
            .map(|m| {
                detect_core::Match::new(
                    m.kind,
                    m.confidence,
                    detect_core::Flags::from_bits_truncate(m.flags),
                    m.byte_start,
                    m.byte_end,
                )
            })
            .collect();
        let a = detect_core::Assessment::of(ms);
        Ok(Assessment { risk: a.risk, categories: a.categories, findings })
    }
}

/// Parses a kind name, raising ``UnknownKindError`` naming `arg`.
fn parse_kind(name: &str, arg: &str) -> PyResult<Kind> {
    name.parse::<Kind>()
        .map_err(|e| UnknownKindError::new_err(format!("{arg}: {e}")))
}

/// Parses a redaction style, raising ``UnknownStyleError``.
fn parse_style(style: &str) -> PyResult<RedactStyle> {
    style.parse::<RedactStyle>().map_err(|_| {
        UnknownStyleError::new_err(format!(
            "style: unknown redaction style {style:?} (expected one of: \
             mask, label, keep_birthdate)"
        ))
    })
}

/// A list of names from a ``str`` (one name) or an iterable of ``str``.
fn names(obj: &Bound<'_, PyAny>, arg: &str) -> PyResult<Vec<String>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(vec![s.to_cow()?.into_owned()]);
    }
    let iter = obj.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{arg} must be a str or an iterable of str, not {}",
            type_name(obj)
        ))
    })?;
    let mut out = Vec::new();
    for item in iter {
        let item = item?;
        let s = item.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!(
                "{arg} must hold str values, not {}",
                type_name(&item)
            ))
        })?;
        out.push(s.to_cow()?.into_owned());
    }
    Ok(out)
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map_or_else(|_| "?".into(), |n| n.to_string())
}

/// A reference date from ``'YYYY-MM-DD'`` or a ``datetime.date``.
fn reference_date(obj: &Bound<'_, PyAny>) -> PyResult<Date> {
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        return s
            .parse::<Date>()
            .map_err(|e| BuildError::new_err(format!("reference_date: {e}")));
    }
    let parts = (|| -> PyResult<(u32, u32, u32)> {
        Ok((
            obj.getattr("year")?.extract()?,
            obj.getattr("month")?.extract()?,
            obj.getattr("day")?.extract()?,
        ))
    })();
    match parts {
        Ok((y, m, d)) => u16::try_from(y)
            .ok()
            .and_then(|y| Date::new(y, m as u8, d as u8))
            .ok_or_else(|| {
                BuildError::new_err(format!(
                    "reference_date: {y:04}-{m:02}-{d:02} is out of range"
                ))
            }),
        Err(_) => Err(PyTypeError::new_err(format!(
            "reference_date must be a 'YYYY-MM-DD' str or a datetime.date, \
             not {}",
            type_name(obj)
        ))),
    }
}

/// Finds Nordic personal identity numbers in text, and masks them.
///
/// ``kinds`` (names from ``sladd.KINDS``) and ``countries`` (``'no'``,
/// ``'dk'``, ``'se'``, ``'fi'``, ``'is'``) narrow what is detected;
/// ``min_confidence`` is the lowest level reported (``'low'``,
/// ``'medium'`` or ``'high'``). Keyword-only: ``context_window``, a pair
/// ``(before, after)`` of characters searched for keywords (default
/// ``(40, 20)``), and ``reference_date`` ("today" for birth-date and
/// 2032-rule checks; ``'YYYY-MM-DD'`` or a ``datetime.date``; default:
/// the current date). ``lenient=True`` reads, in scanned and OCR'd text,
/// an ID whose digits are broken by stray spaces or a misplaced hyphen
/// when a label of its kind stands right before it (flag ``'ocr'``).
///
/// A scanner is immutable and may be shared by any number of threads.
/// Bad options raise ``sladd.BuildError`` (``UnknownKindError`` for a
/// kind name), a ``ValueError``.
///
/// >>> sc = sladd.Scanner(countries=["no"], min_confidence="high")
/// >>> [m.kind for m in sc.scan("fnr 010180 00055, CPR 010180-1004")]
/// ['no_fnr']
/// >>> sc.redact("fnr 010180 00055")
/// 'fnr ****** *****'
/// >>> sladd.Scanner(kinds=["no_fnr", "xx_id"])
/// Traceback (most recent call last):
/// ...
/// sladd._sladd.UnknownKindError: kinds: unknown kind "xx_id" (expected one of: no_fnr, no_dnr, no_hnr, no_fhnr, no_duf, dk_cpr, se_pnr, se_snr, fi_hetu, is_kt)
#[pyclass(frozen, module = "sladd._sladd")]
pub struct Scanner {
    inner: detect_core::Scanner,
}

impl Scanner {
    fn scan_input(
        &self,
        py: Python<'_>,
        input: &Input,
    ) -> PyResult<Vec<Match>> {
        let sc = &self.inner;
        let h = input.bytes();
        let is_str = input.is_str();
        let found = if h.len() >= DETACH_BYTES {
            py.detach(|| guard(|| find_all(sc, h, is_str)))?
        } else {
            guard(|| find_all(sc, h, is_str))?
        };
        Ok(found.into_iter().map(Match::from).collect())
    }
}

#[pymethods]
impl Scanner {
    #[new]
    #[pyo3(signature = (
        kinds=None,
        countries=None,
        min_confidence="medium",
        *,
        context_window=None,
        reference_date=None,
        known_names=None,
        sensitive_terms=None,
        allow=None,
        lenient=false,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        kinds: Option<&Bound<'_, PyAny>>,
        countries: Option<&Bound<'_, PyAny>>,
        min_confidence: &str,
        context_window: Option<&Bound<'_, PyAny>>,
        reference_date: Option<&Bound<'_, PyAny>>,
        known_names: Option<&Bound<'_, PyAny>>,
        sensitive_terms: Option<&Bound<'_, PyAny>>,
        allow: Option<&Bound<'_, PyAny>>,
        lenient: bool,
    ) -> PyResult<Scanner> {
        let mut b = detect_core::Scanner::builder().lenient(lenient);
        if let Some(n) = known_names {
            b = b.known_names(names(n, "known_names")?);
        }
        if let Some(a) = allow {
            b = b.allow(names(a, "allow")?);
        }
        if let Some(t) = sensitive_terms {
            let d = t.cast::<PyDict>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "sensitive_terms must be a dict of category to terms \
                     ({{'sensitive_health': ['...']}}), not {}",
                    type_name(t)
                ))
            })?;
            for (k, v) in d.iter() {
                let k: String = k.extract().map_err(|_| {
                    PyTypeError::new_err(
                        "sensitive_terms: keys must be kind names",
                    )
                })?;
                let kind = parse_kind(&k, "sensitive_terms")?;
                b = b.sensitive_terms(kind, names(&v, "sensitive_terms")?);
            }
        }
        if let Some(k) = kinds {
            let k = names(k, "kinds")?;
            if k.is_empty() {
                return Err(BuildError::new_err(
                    "kinds: an empty list selects nothing to detect \
                     (use None for every kind)",
                ));
            }
            b = b.kind_names(k);
        }
        if let Some(c) = countries {
            let c = names(c, "countries")?;
            if c.is_empty() {
                return Err(BuildError::new_err(
                    "countries: an empty list selects nothing to detect \
                     (use None for every country)",
                ));
            }
            b = b.country_names(c);
        }
        let level = min_confidence.parse::<Confidence>().map_err(|e| {
            BuildError::new_err(format!("min_confidence: {e}"))
        })?;
        b = b.min_confidence(level);
        if let Some(w) = context_window {
            let (before, after): (i64, i64) = w.extract().map_err(|_| {
                PyTypeError::new_err(format!(
                    "context_window must be a pair of ints (before, after), \
                     not {}",
                    type_name(w)
                ))
            })?;
            let side = |v: i64| u32::try_from(v).unwrap_or(u32::MAX);
            if before < 0 || after < 0 {
                return Err(BuildError::new_err(format!(
                    "context_window: ({before}, {after}) has a negative side"
                )));
            }
            b = b.context_window(side(before), side(after));
        }
        if let Some(d) = reference_date {
            b = b.reference_date(self::reference_date(d)?);
        }
        let inner = b.build().map_err(|e| build_error(&e))?;
        Ok(Scanner { inner })
    }

    /// The kinds this scanner detects, in ``sladd.KINDS`` order.
    #[getter]
    fn kinds<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let ks: Vec<&str> = self.inner.kinds().map(Kind::as_str).collect();
        PyTuple::new(py, ks)
    }

    /// The lowest confidence reported.
    #[getter]
    fn min_confidence(&self) -> &'static str {
        self.inner.min_confidence().as_str()
    }

    /// ``(before, after)``: the context window in characters.
    #[getter]
    fn context_window(&self) -> (u32, u32) {
        self.inner.context_window()
    }

    /// Whether OCR-damaged numbers are read after a label.
    #[getter]
    fn lenient(&self) -> bool {
        self.inner.is_lenient()
    }

    /// The reference date ("today") as ``'YYYY-MM-DD'``.
    #[getter]
    fn reference_date(&self) -> String {
        self.inner.reference_date().to_string()
    }

    fn __repr__(&self) -> String {
        let ks: Vec<String> =
            self.inner.kinds().map(|k| format!("'{}'", k.as_str())).collect();
        let (b, a) = self.inner.context_window();
        format!(
            "Scanner(kinds=({}{}), min_confidence='{}', \
             context_window=({b}, {a}), reference_date='{}')",
            ks.join(", "),
            if ks.len() == 1 { "," } else { "" },
            self.inner.min_confidence().as_str(),
            self.inner.reference_date()
        )
    }

    /// The findings in ``text`` (``str`` or ``bytes``), left to right.
    ///
    /// For a ``str``, ``start``/``end`` are code-point offsets; for
    /// ``bytes`` they are byte offsets. Long texts are scanned with the GIL
    /// released.
    ///
    /// >>> sc = sladd.Scanner()
    /// >>> [(m.kind, m.start, m.end) for m in sc.scan("Søknad, fnr 010180 00055")]
    /// [('no_fnr', 12, 24)]
    /// >>> [(m.start, m.byte_start) for m in sc.scan("Søknad, fnr 010180 00055")]
    /// [(12, 13)]
    fn scan(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<Match>> {
        let input = Input::extract(text, || "text".into())?;
        self.scan_input(py, &input)
    }

    /// The risk of ``text`` taken as one record (a title, a CSV row, a
    /// paragraph, a document): ``identifying`` with a national ID,
    /// ``special`` with a person (a name or an ID) and a sensitive term,
    /// ``personal`` with names, contact or financial data, else ``clean``.
    ///
    /// >>> sc = sladd.Scanner()
    /// >>> sc.assess("Søknad om barnehageplass - Kari Nordmann").risk
    /// 'personal'
    /// >>> sc.assess("Vedtak om omsorgsovertakelse").risk
    /// 'clean'
    /// >>> sc.assess("Vedtak, fnr 010180 00055").risk
    /// 'identifying'
    fn assess(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
    ) -> PyResult<Assessment> {
        let input = Input::extract(text, || "text".into())?;
        self.assess_input(py, &input)
    }

    /// ``[self.scan(t) for t in texts]``, scanned in parallel on every
    /// core with the GIL released.
    ///
    /// ``texts`` is any iterable of ``str`` or ``bytes``; the results are
    /// exactly those of ``scan``, in input order.
    ///
    /// >>> sc = sladd.Scanner()
    /// >>> [[m.kind for m in ms] for ms in sc.scan_batch(["fnr 010180 00055", "nothing", "CPR 010180-1004"])]
    /// [['no_fnr'], [], ['dk_cpr']]
    fn scan_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
    ) -> PyResult<Py<PyList>> {
        if texts.is_instance_of::<PyString>()
            || texts.is_instance_of::<PyBytes>()
        {
            return Err(PyTypeError::new_err(
                "texts must be an iterable of texts, not a single text (use \
                 scan for one text)",
            ));
        }
        let mut inputs = Vec::with_capacity(texts.len().unwrap_or(0));
        for (i, t) in texts.try_iter()?.enumerate() {
            inputs.push(Input::extract(&t?, || format!("texts[{i}]"))?);
        }
        let sc = &self.inner;
        let found = py.detach(|| {
            parallel::map(&inputs, |t| find_all(sc, t.bytes(), t.is_str()))
        });
        let found = found.map_err(|p| panic_error(&*p.0))?;
        // Building a million small lists would set off Python's cyclic
        // garbage collector again and again, though none of them can form
        // a cycle: pause it while the results are built.
        let gc = py.import("gc")?;
        let was_on = gc.call_method0("isenabled")?.is_truthy()?;
        if was_on {
            gc.call_method0("disable")?;
        }
        let built = (|| {
            let outer = PyList::empty(py);
            for fs in found {
                let inner = PyList::empty(py);
                for f in fs {
                    inner.append(Py::new(py, Match::from(f))?)?;
                }
                outer.append(inner)?;
            }
            Ok::<_, PyErr>(outer.unbind())
        })();
        if was_on {
            gc.call_method0("enable")?;
        }
        built
    }

    /// ``text`` with every finding masked; ``str`` in, ``str`` out
    /// (``bytes`` in, ``bytes`` out).
    ///
    /// Styles: ``'mask'`` (each digit or letter becomes ``*``, length
    /// unchanged), ``'label'`` (the finding becomes ``[kind]``),
    /// ``'keep_birthdate'`` (the date part stays).
    ///
    /// >>> sc = sladd.Scanner()
    /// >>> sc.redact("fnr 010180 00055")
    /// 'fnr ****** *****'
    /// >>> sc.redact("fnr 010180 00055", style="label")
    /// 'fnr [no_fnr]'
    /// >>> sc.redact("fnr 010180 00055", style="keep_birthdate")
    /// 'fnr 010180 *****'
    #[pyo3(signature = (text, style="mask"))]
    fn redact<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        style: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let style = parse_style(style)?;
        let input = Input::extract(text, || "text".into())?;
        let sc = &self.inner;
        let h = input.bytes();
        let out = if h.len() >= DETACH_BYTES {
            py.detach(|| guard(|| sc.redact(h, style)))?
        } else {
            guard(|| sc.redact(h, style))?
        };
        if input.is_str() {
            let s = match String::from_utf8_lossy(&out) {
                Cow::Borrowed(s) => s,
                // Not expected: redaction keeps UTF-8 valid.
                Cow::Owned(_) => {
                    return Err(pyo3::exceptions::PyRuntimeError::new_err(
                        "internal error in sladd: redaction broke UTF-8",
                    ));
                }
            };
            Ok(PyString::new(py, s).into_any())
        } else {
            Ok(PyBytes::new(py, &out).into_any())
        }
    }

    /// The findings in the document at ``path`` (docx, xlsx, pptx, odt,
    /// ods, odp, pdf, eml, html, rtf, zip or text), part by part, as a
    /// ``FileReport``; read and scanned with the GIL released. Anything
    /// that could not be read is in ``unscanned`` and makes the report
    /// not ``clean``. A file that cannot be opened raises ``OSError``.
    ///
    /// >>> import pathlib, tempfile
    /// >>> d = tempfile.TemporaryDirectory()
    /// >>> p = pathlib.Path(d.name, "vedtak.html")
    /// >>> _ = p.write_text('<p>fnr 010180 00055</p><img alt="Kari Nordmann">')
    /// >>> r = sladd.Scanner(kinds=["ids"]).scan_file(p)
    /// >>> r.format, [(f.part, f.match.kind, f.match.start) for f in r.findings]
    /// ('html', [('body', 'no_fnr', 4)])
    /// >>> d.cleanup()
    fn scan_file(
        &self,
        py: Python<'_>,
        path: std::path::PathBuf,
    ) -> PyResult<files::FileReport> {
        files::scan_file(py, &self.inner, path)
    }

    /// Writes a copy of the document ``src`` to ``dst``, of the same
    /// format, with every finding masked in every part (``*`` per letter
    /// or digit). ``dst`` is written atomically: a temporary file beside
    /// it is renamed over it once complete, so nothing half-written is
    /// ever left. A PDF cannot be redacted in place safely and raises
    /// ``SladdError`` unless ``text=True``, which writes its redacted text.
    /// A file with any part that could not be read raises ``SladdError``
    /// with the reasons, and nothing is written.
    ///
    /// >>> import pathlib, tempfile
    /// >>> d = tempfile.TemporaryDirectory()
    /// >>> src, dst = pathlib.Path(d.name, "a.txt"), pathlib.Path(d.name, "b.txt")
    /// >>> _ = src.write_text("CPR 010180-1004\n")
    /// >>> sladd.Scanner().redact_file(src, dst)
    /// >>> dst.read_text()
    /// 'CPR ******-****\n'
    /// >>> d.cleanup()
    #[pyo3(signature = (src, dst, *, text=false))]
    fn redact_file(
        &self,
        py: Python<'_>,
        src: std::path::PathBuf,
        dst: std::path::PathBuf,
        text: bool,
    ) -> PyResult<()> {
        files::redact_file(py, &self.inner, src, dst, text)
    }

    /// Whether ``value`` (one identifier, separators allowed) is a valid
    /// ``kind``, judged against this scanner's reference date.
    ///
    /// >>> sladd.Scanner(reference_date="2026-11-22").validate("se_snr", "701063-2391")
    /// True
    fn validate(
        &self,
        kind: &str,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<bool> {
        let kind = parse_kind(kind, "kind")?;
        let input = Input::extract(value, || "value".into())?;
        guard(|| self.inner.validate(kind, input.bytes()))
    }

    /// Why ``value`` is not a valid ``kind``: ``None`` when it is valid,
    /// else the first rule it breaks, as a short English phrase.
    ///
    /// >>> sc = sladd.Scanner(reference_date="2026-11-22")
    /// >>> sc.explain("no_fnr", "010180 00055") is None
    /// True
    /// >>> sc.explain("no_fnr", "01018000056")
    /// 'a check digit fails'
    /// >>> sc.explain("dk_cpr", "300280-1234")
    /// 'not a real date'
    fn explain(
        &self,
        kind: &str,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<Option<&'static str>> {
        let kind = parse_kind(kind, "kind")?;
        let input = Input::extract(value, || "value".into())?;
        guard(|| {
            self.inner.explain(kind, input.bytes()).err().map(|r| r.as_str())
        })
    }
}

/// The findings in ``text`` with a default ``Scanner()``.
///
/// >>> [(m.kind, m.confidence) for m in sladd.scan("personnummer 811218-9876")]
/// [('se_pnr', 'high')]
#[pyfunction]
fn scan(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<Match>> {
    let input = Input::extract(text, || "text".into())?;
    Scanner { inner: detect_core::Scanner::new() }.scan_input(py, &input)
}

/// ``text`` with every finding masked, with a default ``Scanner()``.
///
/// >>> sladd.redact("kt. 120160-3389")
/// 'kt. ******-****'
#[pyfunction]
#[pyo3(signature = (text, style="mask"))]
fn redact<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    style: &str,
) -> PyResult<Bound<'py, PyAny>> {
    Scanner { inner: detect_core::Scanner::new() }.redact(py, text, style)
}

/// Whether ``value`` (one identifier, separators allowed) is a valid
/// ``kind`` by every rule of its scheme, as of today. Context plays no
/// part. An unknown kind raises ``sladd.UnknownKindError``.
///
/// >>> sladd.validate("no_fnr", "010180 00055")
/// True
/// >>> sladd.validate("no_fnr", "010180 00056")
/// False
/// >>> sladd.validate("fi_hetu", "131052-308T")
/// True
#[pyfunction]
fn validate(kind: &str, value: &Bound<'_, PyAny>) -> PyResult<bool> {
    let kind = parse_kind(kind, "kind")?;
    let input = Input::extract(value, || "value".into())?;
    guard(|| detect_core::validate(kind, input.bytes()))
}

/// ``Scanner().assess(text)``: the risk of one record with a default
/// scanner.
///
/// >>> sladd.assess("Klage fra Kari Nordmann").risk
/// 'personal'
#[pyfunction]
fn assess(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Assessment> {
    let input = Input::extract(text, || "text".into())?;
    Scanner { inner: detect_core::Scanner::new() }.assess_input(py, &input)
}

/// Panics inside the panic guard; for the tests only.
#[pyfunction]
fn _panic_for_tests() -> PyResult<()> {
    guard(|| panic!("a deliberate panic"))
}

/// Finds Nordic personal identity numbers in text and masks them (native
/// module; use the package ``sladd``).
#[pymodule(gil_used = false)]
fn _sladd(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Scanner>()?;
    m.add_class::<Match>()?;
    m.add_class::<Assessment>()?;
    m.add_function(wrap_pyfunction!(assess, m)?)?;
    m.add(
        "RISKS",
        PyTuple::new(py, detect_core::Risk::ALL.iter().map(|r| r.as_str()))?,
    )?;
    m.add_function(wrap_pyfunction!(scan, m)?)?;
    m.add_function(wrap_pyfunction!(redact, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    files::register(m)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    arrow::register(m)?;
    m.add("SladdError", py.get_type::<SladdError>())?;
    m.add("BuildError", py.get_type::<BuildError>())?;
    m.add("UnknownKindError", py.get_type::<UnknownKindError>())?;
    m.add("UnknownStyleError", py.get_type::<UnknownStyleError>())?;
    m.add("KINDS", PyTuple::new(py, Kind::ALL.iter().map(|k| k.as_str()))?)?;
    let groups = PyDict::new(py);
    for g in detect_core::Group::ALL {
        let kinds: Vec<&str> = g.kinds().map(Kind::as_str).collect();
        groups.set_item(g.as_str(), PyTuple::new(py, kinds)?)?;
    }
    m.add("GROUPS", groups)?;
    m.add(
        "COUNTRIES",
        PyTuple::new(py, detect_core::Country::ALL.map(|c| c.as_str()))?,
    )?;
    let flags: Vec<&str> = Flags::all_names().map(|(n, _)| n).collect();
    m.add("FLAGS", PyTuple::new(py, flags)?)?;
    m.add("CONFIDENCES", PyTuple::new(py, ["low", "medium", "high"])?)?;
    m.add("STYLES", PyTuple::new(py, ["mask", "label", "keep_birthdate"])?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
