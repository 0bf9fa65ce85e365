//! The scanner handle, its options, scanning and redaction.

use core::ffi::{c_char, c_int};

use detect_core::{
    BuildError, Confidence, DEFAULT_AFTER, DEFAULT_BEFORE, Date, Kind, Match,
    RedactStyle, Risk, Scanner,
};

use crate::ffi;
use crate::panic::{guard, guard_or};
use crate::result::sladd_result;

/// A scanner: an opaque handle made by `sladd_scanner_new` and released
/// by `sladd_scanner_free`.
///
/// Ownership: the caller owns the handle and must free it exactly once.
///
/// Thread safety: a scanner is immutable once made. Any number of threads
/// may use one scanner at the same time (every function that takes a
/// `const sladd_scanner *`); only `sladd_scanner_free` must not run while
/// another thread still uses it.
#[allow(non_camel_case_types)]
pub struct sladd_scanner {
    scanner: Scanner,
    style: RedactStyle,
}

impl sladd_scanner {
    /// The scanner inside the handle.
    pub(crate) fn scanner(&self) -> &Scanner {
        &self.scanner
    }
}

/// One finding. `start` and `end` are a half-open range of byte offsets
/// into the input, covering the finding as written (separators
/// included); the input's `end - start` bytes at `start` are the match.
/// `sladd_kind_group(kind)` gives its group.
///
/// Ownership: a plain value, owned by whoever holds it.
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct sladd_match {
    /// A `sladd_kind`: `sladd_kind_name(kind)` gives the string.
    pub kind: u32,
    /// A `sladd_confidence`: 1 low, 2 medium, 3 high.
    pub confidence: u32,
    /// `SLADD_FLAG_*` bits: why it was reported.
    pub flags: u32,
    /// Byte offset of the first byte of the identifier.
    pub start: usize,
    /// Byte offset just past the identifier.
    pub end: usize,
}

impl From<Match> for sladd_match {
    fn from(m: Match) -> sladd_match {
        sladd_match {
            kind: m.kind().code(),
            confidence: m.confidence() as u32,
            flags: m.flags().bits(),
            start: m.start(),
            end: m.end(),
        }
    }
}

/// Options for `sladd_scanner_new`. A zero or NULL field means its
/// default, so `sladd_options opts = {0};` (or passing NULL instead of
/// options) gives the defaults; set only the fields you need.
///
/// Ownership: owned by the caller; sladd reads the options (and the
/// strings they point to) only during `sladd_scanner_new` and keeps no
/// pointer to them.
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug)]
#[repr(C)]
pub struct sladd_options {
    /// The kinds to detect, by name, separated by commas or spaces:
    /// `"no_fnr,dk_cpr"`. A name may also be a group (`"ids"`, `"names"`,
    /// `"contact"`, `"financial"`, `"organisations"`, `"sensitive"`),
    /// `"personal"` (ids, names, contact and financial) or `"all"`. NULL
    /// or `""` means the default: every group but organisations. An
    /// unknown name makes `sladd_scanner_new` fail with
    /// `SLADD_RESULT_UNKNOWN_KIND`.
    pub kinds: *const c_char,
    /// The countries whose kinds to detect, by ISO code, separated by
    /// commas or spaces: `"no,se"`. NULL or `""` means every country.
    /// Combined with `kinds`, a kind is detected when both allow it; kinds
    /// of no country (names, e-mail, sensitive terms…) are not filtered.
    /// An unknown code fails with `SLADD_RESULT_UNKNOWN_COUNTRY`.
    pub countries: *const c_char,
    /// The lowest confidence reported: 0 means the default (medium), or a
    /// `sladd_confidence` (1 low, 2 medium, 3 high). Any other value fails
    /// with `SLADD_RESULT_INVALID_CONFIDENCE`.
    pub min_confidence: u32,
    /// Characters before a candidate, on its line, searched for context
    /// keywords: 0 means the default (40); at most 1000, else
    /// `SLADD_RESULT_INVALID_WINDOW`.
    pub context_before: u32,
    /// Characters after a candidate searched for context keywords: 0 means
    /// the default (20); at most 1000, else `SLADD_RESULT_INVALID_WINDOW`.
    pub context_after: u32,
    /// The date that counts as today for birth-date checks and the
    /// Norwegian 2032 rule, as `"YYYY-MM-DD"`; NULL or `""` means the
    /// current date (UTC) when the scanner is made. Anything but a real
    /// date fails with `SLADD_RESULT_INVALID_DATE`.
    pub reference_date: *const c_char,
    /// The style of `sladd_redact`: a `sladd_redact_style`; 0 is the
    /// default, mask. Any other value fails with
    /// `SLADD_RESULT_INVALID_REDACT_STYLE`.
    pub redact_style: u32,
    /// Names known to belong to the people of the input (the parties of a
    /// case), one per line (`\n`), UTF-8: found in every written form,
    /// and alone once the full name has been seen. NULL or `""`: none.
    /// An empty line is skipped; a line longer than 200 bytes, or text
    /// that is not UTF-8, fails with `SLADD_RESULT_INVALID_OPTION`.
    pub known_names: *const c_char,
    /// Values never to report (test persons, a public official's name),
    /// one per line, UTF-8; compared ignoring case, white space and the
    /// separators `-./+`. NULL or `""`: none. Errors as for
    /// `known_names`.
    pub allow: *const c_char,
    /// Nonzero: read OCR-damaged numbers (digits broken by stray or doubled
    /// spaces or a misplaced separator) right after a label of their kind,
    /// reported with `SLADD_FLAG_OCR`. 0, the default: off, and nothing
    /// changes.
    pub lenient: u32,
}

/// The lines of a list option, or `None` for NULL or an empty string.
fn lines<'a>(p: *const c_char) -> Result<Option<Vec<&'a str>>, sladd_result> {
    let Some(s) = ffi::opt_cstr::<'a>(p) else { return Ok(None) };
    let s = s.to_str().map_err(|_| sladd_result::InvalidOption)?;
    let list: Vec<&str> =
        s.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    Ok((!list.is_empty()).then_some(list))
}

/// The names in a list such as `"no_fnr, dk_cpr"`, or `None` for NULL or
/// an empty string (the default).
fn names<'a>(
    p: *const c_char,
    invalid: sladd_result,
) -> Result<Option<Vec<&'a str>>, sladd_result> {
    let Some(s) = ffi::opt_cstr::<'a>(p) else { return Ok(None) };
    let s = s.to_str().map_err(|_| invalid)?;
    if s.trim().is_empty() {
        return Ok(None);
    }
    let list: Vec<&str> = s
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|n| !n.is_empty())
        .collect();
    Ok(Some(list))
}

fn build_error(e: &BuildError) -> sladd_result {
    match e {
        BuildError::UnknownKind(_) => sladd_result::UnknownKind,
        BuildError::UnknownCountry(_) => sladd_result::UnknownCountry,
        BuildError::UnknownConfidence(_) => sladd_result::InvalidConfidence,
        BuildError::InvalidDate(_) => sladd_result::InvalidDate,
        BuildError::ZeroWindow { .. } | BuildError::WindowTooLarge { .. } => {
            sladd_result::InvalidWindow
        }
        BuildError::NoKinds => sladd_result::NoKinds,
        _ => sladd_result::InvalidOption,
    }
}

fn build(o: &sladd_options) -> Result<sladd_scanner, sladd_result> {
    let mut b = Scanner::builder();
    if let Some(kinds) = names(o.kinds, sladd_result::UnknownKind)? {
        b = b.kind_names(kinds);
    }
    if let Some(c) = names(o.countries, sladd_result::UnknownCountry)? {
        b = b.country_names(c);
    }
    if o.min_confidence != 0 {
        let level = Confidence::from_code(o.min_confidence)
            .ok_or(sladd_result::InvalidConfidence)?;
        b = b.min_confidence(level);
    }
    let before = match o.context_before {
        0 => DEFAULT_BEFORE,
        n => n,
    };
    let after = match o.context_after {
        0 => DEFAULT_AFTER,
        n => n,
    };
    b = b.context_window(before, after);
    if let Some(d) = ffi::opt_cstr(o.reference_date) {
        let d = d.to_str().map_err(|_| sladd_result::InvalidDate)?;
        if !d.trim().is_empty() {
            let date: Date =
                d.parse().map_err(|_| sladd_result::InvalidDate)?;
            b = b.reference_date(date);
        }
    }
    if let Some(names) = lines(o.known_names)? {
        b = b.known_names(names);
    }
    if let Some(values) = lines(o.allow)? {
        b = b.allow(values);
    }
    b = b.lenient(o.lenient != 0);
    let style = RedactStyle::from_code(o.redact_style)
        .ok_or(sladd_result::InvalidRedactStyle)?;
    let scanner = b.build().map_err(|e| build_error(&e))?;
    Ok(sladd_scanner { scanner, style })
}

/// Makes a scanner. `opts` NULL means the defaults (every kind but the
/// organisation numbers, threshold medium, window 40 characters before and 20 after, reference date
/// today, redaction style mask); see `sladd_options`.
///
/// On success writes the new scanner to `*out`; the caller owns it and
/// releases it with `sladd_scanner_free`. On error `*out` is left
/// untouched.
///
/// Errors:
/// - `SLADD_RESULT_NULL_PARAMETER`: `out` is NULL.
/// - `SLADD_RESULT_UNKNOWN_KIND`, `SLADD_RESULT_UNKNOWN_COUNTRY`,
///   `SLADD_RESULT_INVALID_CONFIDENCE`, `SLADD_RESULT_INVALID_WINDOW`,
///   `SLADD_RESULT_INVALID_DATE`, `SLADD_RESULT_INVALID_REDACT_STYLE`,
///   `SLADD_RESULT_NO_KINDS`: an invalid option (see `sladd_options`).
/// - `SLADD_RESULT_PANIC`: an internal error.
///
/// Thread safety: may be called from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_scanner_new(
    opts: *const sladd_options,
    out: *mut *mut sladd_scanner,
) -> c_int {
    guard(|| {
        let out = ffi::out_ptr(out)?;
        let scanner = match ffi::opt_ref(opts) {
            None => sladd_scanner {
                scanner: Scanner::new(),
                style: RedactStyle::Mask,
            },
            Some(o) => build(o)?,
        };
        out.write(ffi::into_raw(scanner));
        Ok(())
    })
}

/// Releases a scanner made by `sladd_scanner_new`. NULL is a no-op.
///
/// Ownership: takes the handle back; it must not be used afterwards, nor
/// freed twice.
///
/// Thread safety: no other thread may use the scanner during or after
/// this call.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_scanner_free(scanner: *mut sladd_scanner) {
    guard_or((), || ffi::free(scanner))
}

/// Scans the `len` bytes at `text` and writes the findings, left to right
/// and never overlapping, to the caller's array `out` of `cap` elements.
///
/// On success `*n_found` is the total number of findings and the first
/// `min(*n_found, cap)` elements of `out` are written; if
/// `*n_found > cap`, call again with an array of at least `*n_found`
/// elements. `out` may be NULL when `cap` is 0 (to count only). `text`
/// may be NULL when `len` is 0 (an empty input). The input is bytes: it
/// need not be valid UTF-8 or NUL-terminated.
///
/// Errors (nothing is written to `out` or `*n_found`):
/// - `SLADD_RESULT_NULL_PARAMETER`: `scanner` or `n_found` is NULL, or
///   `text` is NULL with `len` > 0, or `out` is NULL with `cap` > 0.
/// - `SLADD_RESULT_PANIC`: an internal error.
///
/// Ownership: borrows `scanner`, `text` and `out` for the call only.
///
/// Thread safety: may be called from several threads at once on the same
/// scanner.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_scan(
    scanner: *const sladd_scanner,
    text: *const u8,
    len: usize,
    out: *mut sladd_match,
    cap: usize,
    n_found: *mut usize,
) -> c_int {
    guard(|| {
        let sc = ffi::try_ref(scanner)?;
        let h = ffi::bytes(text, len)?;
        let out = ffi::out_slice(out, cap)?;
        let n_found = ffi::out_ptr(n_found)?;
        let mut found = Vec::new();
        let mut n = 0usize;
        for m in sc.scanner.find_iter(h) {
            if n < cap {
                found.push(sladd_match::from(m));
            }
            n += 1;
        }
        out.write(&found);
        n_found.write(n);
        Ok(())
    })
}

/// Finds the first finding that starts at or after byte `start` of the
/// `len` bytes at `text`, and writes it to `*out_match`: a cursor that
/// walks the findings without an output array and without allocating.
///
/// ```c
/// sladd_match m;
/// size_t pos = 0;
/// while (sladd_find(scanner, text, len, pos, &m)) {
///     // use m
///     pos = m.end;
/// }
/// ```
///
/// Always pass the whole input and move `start`, rather than passing a
/// pointer into the middle of the input: the bytes before `start` still
/// count as context and for word boundaries, so the findings are those of
/// `sladd_scan`.
///
/// Returns true and writes `*out_match` when there is a finding; returns
/// false and writes nothing when there is none, and also when `scanner`
/// or `out_match` is NULL, when `text` is NULL with `len` > 0, when
/// `start` > `len`, or on an internal error.
///
/// Ownership: borrows everything for the call only.
///
/// Thread safety: may be called from several threads at once on the same
/// scanner.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_find(
    scanner: *const sladd_scanner,
    text: *const u8,
    len: usize,
    start: usize,
    out_match: *mut sladd_match,
) -> bool {
    guard_or(false, || {
        let (Ok(sc), Ok(h), Ok(out)) = (
            ffi::try_ref(scanner),
            ffi::bytes(text, len),
            ffi::out_ptr(out_match),
        ) else {
            return false;
        };
        if start > h.len() {
            return false;
        }
        match sc.scanner.find_at(h, start) {
            Some(m) => {
                out.write(sladd_match::from(m));
                true
            }
            None => false,
        }
    })
}

fn redact(
    scanner: *const sladd_scanner,
    text: *const u8,
    len: usize,
    style: Option<u32>,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> Result<(), sladd_result> {
    let sc = ffi::try_ref(scanner)?;
    let h = ffi::bytes(text, len)?;
    let out = ffi::out_slice(out, out_cap)?;
    let out_len = ffi::out_ptr(out_len)?;
    let style = match style {
        None => sc.style,
        Some(code) => RedactStyle::from_code(code)
            .ok_or(sladd_result::InvalidRedactStyle)?,
    };
    let need = sc.scanner.redacted_len(h, style);
    if need > out_cap {
        out_len.write(need);
        return Err(sladd_result::InsufficientSpace);
    }
    let redacted = sc.scanner.redact(h, style);
    debug_assert_eq!(redacted.len(), need);
    // The input is not read after this point, so `out` may overlap it.
    out.write(&redacted);
    out_len.write(redacted.len());
    Ok(())
}

/// Writes the `len` bytes at `text` with every finding masked to the
/// caller's buffer `out` of `out_cap` bytes, and its length to `*out_len`.
///
/// The style is the scanner's `sladd_options.redact_style`: mask unless
/// the scanner was made with another (`sladd_redact_with_style` chooses
/// per call). Masking works per character: a letter or digit becomes one
/// `*` (a fullwidth digit of an ID a fullwidth asterisk), so the output
/// keeps the input's length in characters and is never longer than the
/// input in style mask (`out_cap = len` always suffices; `Ø` of two bytes
/// becomes one); label may make it longer or shorter.
/// The output is not NUL-terminated. `out` may be the same buffer as
/// `text` (in-place redaction). `text` may be NULL when `len` is 0; `out`
/// may be NULL when `out_cap` is 0.
///
/// Errors:
/// - `SLADD_RESULT_INSUFFICIENT_SPACE`: `out_cap` is less than the length
///   of the redacted text. `*out_len` is set to that length (the size
///   needed) and nothing is written to `out`. Passing `out` NULL and
///   `out_cap` 0 is a way to ask for the size.
/// - `SLADD_RESULT_NULL_PARAMETER`: `scanner` or `out_len` is NULL, or
///   `text` is NULL with `len` > 0, or `out` is NULL with `out_cap` > 0.
///   Nothing is written.
/// - `SLADD_RESULT_PANIC`: an internal error. Nothing is written.
///
/// Ownership: borrows everything for the call only.
///
/// Thread safety: may be called from several threads at once on the same
/// scanner.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_redact(
    scanner: *const sladd_scanner,
    text: *const u8,
    len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> c_int {
    guard(|| redact(scanner, text, len, None, out, out_cap, out_len))
}

/// Like `sladd_redact`, in the style `style` (a `sladd_redact_style`:
/// 0 mask, 1 label, 2 keep_birthdate) instead of the scanner's.
///
/// Errors: those of `sladd_redact`, and
/// `SLADD_RESULT_INVALID_REDACT_STYLE` for an unknown style (nothing is
/// written).
///
/// Thread safety: may be called from several threads at once on the same
/// scanner.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_redact_with_style(
    scanner: *const sladd_scanner,
    text: *const u8,
    len: usize,
    style: u32,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> c_int {
    guard(|| redact(scanner, text, len, Some(style), out, out_cap, out_len))
}

/// Checks whether the `len` bytes at `value` are one valid identifier of
/// the kind `kind` (a `sladd_kind`) by every rule of its scheme, as of
/// the scanner's reference date; separators are allowed and surrounding
/// white space is ignored. Context plays no part, and the scanner's kinds,
/// countries and threshold do not matter: every scanner validates every
/// kind. Writes the answer to `*out_valid`.
///
/// Errors (`*out_valid` is left untouched):
/// - `SLADD_RESULT_NULL_PARAMETER`: `scanner` or `out_valid` is NULL, or
///   `value` is NULL with `len` > 0.
/// - `SLADD_RESULT_UNKNOWN_KIND`: `kind` is not a `sladd_kind`.
/// - `SLADD_RESULT_PANIC`: an internal error.
///
/// Thread safety: may be called from several threads at once on the same
/// scanner.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_validate(
    scanner: *const sladd_scanner,
    kind: u32,
    value: *const u8,
    len: usize,
    out_valid: *mut bool,
) -> c_int {
    guard(|| {
        let sc = ffi::try_ref(scanner)?;
        let v = ffi::bytes(value, len)?;
        let out_valid = ffi::out_ptr(out_valid)?;
        let kind = Kind::from_code(kind).ok_or(sladd_result::UnknownKind)?;
        out_valid.write(sc.scanner.validate(kind, v));
        Ok(())
    })
}

/// The risk of one record (`sladd_assess`): its level and the kinds behind
/// it.
///
/// Ownership: a plain value, owned by whoever holds it.
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct sladd_assessment {
    /// A `sladd_risk`: 0 clean, 1 personal, 2 special, 3 identifying.
    /// `sladd_risk_name` gives the string.
    pub risk: u32,
    /// The kinds found, as a bit set: bit `code - 1` is set for each
    /// `sladd_kind` present (so `1ull << (SLADD_KIND_NO_FNR - 1)` for a
    /// fødselsnummer).
    pub kinds: u64,
    /// The number of findings (at the scanner's threshold); `sladd_scan`
    /// lists them.
    pub n_findings: usize,
}

/// The risk of the record in the `len` bytes at `text` (a title, a CSV
/// row, a paragraph, a whole document: what the caller hands over as one
/// unit), at the scanner's kinds and threshold, written to `*out`:
/// `identifying` when it holds a national ID, `special` when it holds a
/// person (a name or a national ID) and a sensitive term, `personal` for
/// names, contact or financial data, else `clean`.
///
/// Errors (nothing is written):
/// - `SLADD_RESULT_NULL_PARAMETER`: `scanner` or `out` is NULL, or `text`
///   is NULL with `len` > 0.
/// - `SLADD_RESULT_PANIC`: an internal error.
///
/// Thread safety: may be called from several threads at once on the same
/// scanner.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_assess(
    scanner: *const sladd_scanner,
    text: *const u8,
    len: usize,
    out: *mut sladd_assessment,
) -> c_int {
    guard(|| {
        let sc = ffi::try_ref(scanner)?;
        let h = ffi::bytes(text, len)?;
        let out = ffi::out_ptr(out)?;
        let a = sc.scanner.assess(h);
        let kinds =
            a.categories.iter().fold(0u64, |b, k| b | 1 << (k.code() - 1));
        out.write(sladd_assessment {
            risk: a.risk.code(),
            kinds,
            n_findings: a.findings.len(),
        });
        Ok(())
    })
}

/// The name of a risk level: `"clean"` (0), `"personal"` (1), `"special"`
/// (2) or `"identifying"` (3), a static string; NULL for any other value.
///
/// Thread safety: may be called from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_risk_name(risk: u32) -> *const c_char {
    guard_or(core::ptr::null(), || {
        Risk::from_code(risk)
            .map_or(core::ptr::null(), |r| r.as_cstr().as_ptr())
    })
}
