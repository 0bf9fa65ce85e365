//! `ffi`: the C entry points of libsladd, called through the C ABI (the
//! `extern "C"` functions of the `sladd` rlib) with arbitrary options,
//! capacities, NULL pointers, codes and names.
//!
//! Checks the protocol of `sladd.h`:
//!
//! * `sladd_scanner_new` fails exactly when an option is invalid, with one
//!   of the codes that apply, and leaves `*out` untouched; otherwise the
//!   scanner finds what detect-core finds with the same options;
//! * `sladd_scan` with any `cap`: `*n_found` is the total, the first
//!   `min(n, cap)` elements are the findings and nothing else is written;
//!   NULL where not allowed is `SLADD_RESULT_NULL_PARAMETER` with nothing
//!   written;
//! * the `sladd_find` cursor walks the same findings;
//! * `sladd_redact` and `sladd_redact_with_style` with any `out_cap`:
//!   too small is `SLADD_RESULT_INSUFFICIENT_SPACE` with `*out_len` the
//!   size needed and `out` untouched; otherwise the output is detect-core's
//!   and nothing past it is written; in-place redaction works;
//! * `sladd_validate`, `sladd_result_message` (any buffer length) and the
//!   name functions.
//!
//! Every output buffer has guard bytes after its declared capacity, so a
//! write past `cap` is caught even without a sanitizer.

#![no_main]

use core::ffi::{CStr, c_char, c_int};
use core::fmt;
use core::ptr;
use std::ffi::CString;

use detect_core::{Confidence, Kind, RedactStyle, Scanner};
use libfuzzer_sys::{Corpus, fuzz_target};
use sladd::*;
use sladd_fuzz::{Lit, MAX_INPUT, Opts};

#[derive(arbitrary::Arbitrary)]
struct Input<'a> {
    /// Kinds, countries and the reference date (the threshold and window
    /// are coded below).
    opts: Opts,
    /// Bits 0–1 kinds: NULL, "", the names of the mask, the names and an
    /// unknown one; bits 2–3 countries likewise; bits 4–5 reference date:
    /// NULL, "", the options' date, an invalid date; bit 6: names in
    /// upper case and separated by spaces.
    strings: u8,
    /// `min_confidence`: `% 5`, 4 being an invalid value.
    confidence: u8,
    /// `context_before` / `context_after`: `4 * n` (0 is the default).
    before: u8,
    after: u8,
    /// `redact_style` of the options, and the style of
    /// `sladd_redact_with_style`: `% 5` (3 and 4: invalid).
    style: [u8; 2],
    /// Capacity of the `sladd_scan` array.
    cap: u8,
    /// `out_cap` of the redaction: bits 0–1 pick the mode (raw, need - 1 -
    /// k, need, need + k), the rest is `k`.
    out_cap: u16,
    /// Bit 0: `out` NULL in `sladd_scan`; bit 1: `text` NULL; bit 2:
    /// `n_found` NULL; bit 3: `out` NULL in the redaction; bit 4:
    /// `out_len` NULL; bit 5: scanner NULL; bit 6: `opts` NULL.
    nulls: u8,
    /// A kind code for `sladd_validate` and `sladd_kind_name`.
    kind: u32,
    /// A result code for `sladd_result_message`, and a buffer length.
    code: i32,
    msg_len: u8,
    /// A flag for `sladd_flag_name`.
    flag: u32,
    haystack: &'a [u8],
}

impl fmt::Debug for Input<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = Strings::of(self);
        writeln!(f, "// sladd_options through the C ABI:")?;
        writeln!(f, "let kinds = {:?};", s.kinds)?;
        writeln!(f, "let countries = {:?};", s.countries)?;
        writeln!(f, "let reference_date = {:?};", s.date)?;
        writeln!(
            f,
            "let (min_confidence, before, after, redact_style) = \
             ({}, {}, {}, {});",
            confidence(self.confidence),
            4 * u32::from(self.before),
            4 * u32::from(self.after),
            u32::from(self.style[0] % 5)
        )?;
        writeln!(f, "let opts_null = {};", self.nulls & 0x40 != 0)?;
        writeln!(
            f,
            "let (cap, out_cap_code, nulls, with_style, kind, code, \
             msg_len, flag) = ({}, {}, {:#x}, {}, {}, {}, {}, {});",
            self.cap,
            self.out_cap,
            self.nulls,
            self.style[1] % 5,
            self.kind,
            self.code,
            self.msg_len,
            self.flag
        )?;
        write!(f, "let haystack: &[u8] = {:?};", Lit(self.haystack))
    }
}

fn confidence(c: u8) -> u32 {
    match c % 5 {
        4 => 4 + u32::from(c),
        n => u32::from(n),
    }
}

/// The option strings (`None` is NULL).
struct Strings {
    kinds: Option<String>,
    countries: Option<String>,
    date: Option<String>,
}

impl Strings {
    fn of(input: &Input<'_>) -> Strings {
        let d = input.opts.decode();
        let style = input.strings & 0x40 != 0;
        let join = |names: Vec<&str>| {
            let s = names.join(if style { "  " } else { "," });
            if style { s.to_uppercase() } else { s }
        };
        let pick = |mode: u8, names: Vec<&str>| match mode & 3 {
            0 => None,
            1 => Some(String::new()),
            2 => Some(join(names)),
            _ => {
                let mut n = names;
                n.push("xx");
                Some(join(n))
            }
        };
        let kinds: Vec<&str> = match &d.kinds {
            Some(k) => k.iter().map(|k| k.as_str()).collect(),
            None => Kind::ALL.iter().map(|k| k.as_str()).collect(),
        };
        let countries: Vec<&str> = match &d.countries {
            Some(c) => c.iter().map(|c| c.as_str()).collect(),
            None => vec!["no", "dk", "se", "fi", "is"],
        };
        let date = match input.strings >> 4 & 3 {
            0 => None,
            1 => Some(String::new()),
            2 => Some(d.today.to_string()),
            _ => Some(format!("{}-02-30", d.today.year())),
        };
        Strings {
            kinds: pick(input.strings, kinds),
            countries: pick(input.strings >> 2, countries),
            date,
        }
    }
}

/// The names of a list, as `sladd_options` splits it.
fn names(s: &Option<String>) -> Option<Vec<String>> {
    let s = s.as_ref()?;
    if s.trim().is_empty() {
        return None;
    }
    Some(
        s.split(|c: char| c == ',' || c.is_whitespace())
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// What `sladd_scanner_new` must do: the scanner and style, or the set of
/// codes of which one must be returned.
fn expect(input: &Input<'_>, s: &Strings) -> Result<(Scanner, u32), Vec<i32>> {
    let mut errs = Vec::new();
    let mut b = Scanner::builder();
    if let Some(k) = names(&s.kinds) {
        if k.iter().any(|n| n.parse::<Kind>().is_err()) {
            errs.push(sladd_result::UnknownKind as i32);
        }
        b = b.kind_names(k.iter().filter(|n| n.parse::<Kind>().is_ok()));
    }
    if let Some(c) = names(&s.countries) {
        let ok = |n: &&String| n.parse::<detect_core::Country>().is_ok();
        if !c.iter().all(|n| ok(&n)) {
            errs.push(sladd_result::UnknownCountry as i32);
        }
        b = b.country_names(c.iter().filter(ok));
    }
    let conf = confidence(input.confidence);
    match conf {
        0 => {}
        1..=3 => b = b.min_confidence(Confidence::from_code(conf).unwrap()),
        _ => errs.push(sladd_result::InvalidConfidence as i32),
    }
    let before = 4 * u32::from(input.before);
    let after = 4 * u32::from(input.after);
    let w = |n: u32, d: u32| if n == 0 { d } else { n };
    let (before, after) = (w(before, 40), w(after, 20));
    if before > 1000 || after > 1000 {
        errs.push(sladd_result::InvalidWindow as i32);
    } else {
        b = b.context_window(before, after);
    }
    match s.date.as_deref() {
        None | Some("") => {}
        Some(d) => match d.parse() {
            Ok(d) => b = b.reference_date(d),
            Err(_) => errs.push(sladd_result::InvalidDate as i32),
        },
    }
    let style = u32::from(input.style[0] % 5);
    if style > 2 {
        errs.push(sladd_result::InvalidRedactStyle as i32);
    }
    match b.build() {
        Ok(sc) if errs.is_empty() => Ok((sc, style)),
        Ok(_) => Err(errs),
        Err(detect_core::BuildError::NoKinds) => {
            errs.push(sladd_result::NoKinds as i32);
            Err(errs)
        }
        Err(e) => panic!("unexpected build error {e}"),
    }
}

const SENTINEL: sladd_match = sladd_match {
    kind: 0xDEAD_BEEF,
    confidence: 0xDEAD_BEEF,
    flags: 0xDEAD_BEEF,
    start: usize::MAX,
    end: usize::MAX,
};
const GUARD: usize = 8;
const POISON: u8 = 0xA5;
const UNSET: usize = usize::MAX - 7;
const OK: c_int = 0;

fn code(r: sladd_result) -> c_int {
    r as c_int
}

fn text_ptr(h: &[u8], null: bool) -> *const u8 {
    if null { ptr::null() } else { h.as_ptr() }
}

fn check_scan(sc: *const sladd_scanner, core: &Scanner, input: &Input<'_>) {
    let h = input.haystack;
    let want: Vec<sladd_match> =
        core.find_iter(h).map(sladd_match::from).collect();
    let cap = usize::from(input.cap);
    let mut out = vec![SENTINEL; cap + GUARD];
    let mut n = UNSET;
    let (null_out, null_text, null_n) =
        (input.nulls & 1 != 0, input.nulls & 2 != 0, input.nulls & 4 != 0);
    let out_p = if null_out { ptr::null_mut() } else { out.as_mut_ptr() };
    let n_p = if null_n { ptr::null_mut() } else { &raw mut n };
    let rc = sladd_scan(sc, text_ptr(h, null_text), h.len(), out_p, cap, n_p);
    let null_err =
        (null_out && cap > 0) || (null_text && !h.is_empty()) || null_n;
    if null_err {
        assert_eq!(rc, code(sladd_result::NullParameter));
        assert_eq!(n, UNSET, "n_found written on error");
        assert!(out.iter().all(|m| *m == SENTINEL), "out written on error");
        return;
    }
    assert_eq!(rc, OK);
    let want: &[sladd_match] = if null_text { &[] } else { &want };
    assert_eq!(n, want.len(), "n_found");
    let k = n.min(cap);
    if !null_out {
        assert_eq!(out[..k], want[..k], "sladd_scan findings");
        assert!(
            out[k..].iter().all(|m| *m == SENTINEL),
            "sladd_scan wrote past min(n_found, cap) = {k} (cap {cap})"
        );
    }
    if null_text {
        return;
    }
    // The cursor.
    let mut got = Vec::new();
    let mut pos = 0;
    let mut m = SENTINEL;
    while sladd_find(sc, h.as_ptr(), h.len(), pos, &raw mut m) {
        assert!(m.end > pos || m.start >= pos, "cursor went back");
        got.push(m);
        pos = m.end;
        assert!(got.len() <= want.len(), "sladd_find finds more");
    }
    assert_eq!(got, want, "sladd_find walk");
    let mut m = SENTINEL;
    let past = h.len() + 1 + usize::from(input.cap);
    assert!(!sladd_find(sc, h.as_ptr(), h.len(), past, &raw mut m));
    assert!(!sladd_find(sc, h.as_ptr(), h.len(), 0, ptr::null_mut()));
    assert_eq!(m, SENTINEL, "sladd_find wrote on start > len");
}

fn redact_call(
    sc: *const sladd_scanner,
    style: Option<u32>,
    text: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> c_int {
    match style {
        None => sladd_redact(sc, text, len, out, cap, out_len),
        Some(s) => {
            sladd_redact_with_style(sc, text, len, s, out, cap, out_len)
        }
    }
}

fn check_redact(
    sc: *const sladd_scanner,
    core: &Scanner,
    own_style: u32,
    style: Option<u32>,
    input: &Input<'_>,
) {
    let h = input.haystack;
    let eff = style.unwrap_or(own_style);
    let Some(rs) = RedactStyle::from_code(eff) else {
        // An unknown style: nothing is written, not even `*out_len`.
        let mut buf = vec![POISON; h.len() + GUARD];
        let mut len = UNSET;
        let rc = redact_call(
            sc,
            style,
            h.as_ptr(),
            h.len(),
            buf.as_mut_ptr(),
            h.len(),
            &raw mut len,
        );
        assert_eq!(rc, code(sladd_result::InvalidRedactStyle));
        assert_eq!(len, UNSET);
        assert!(buf.iter().all(|&b| b == POISON));
        return;
    };
    let want = core.redact(h, rs);
    // Ask for the size.
    let mut need = UNSET;
    let rc = redact_call(
        sc,
        style,
        h.as_ptr(),
        h.len(),
        ptr::null_mut(),
        0,
        &raw mut need,
    );
    if want.is_empty() {
        assert_eq!(rc, OK);
        assert_eq!(need, 0);
    } else {
        assert_eq!(rc, code(sladd_result::InsufficientSpace));
        assert_eq!(need, want.len(), "size needed");
    }
    let k = usize::from(input.out_cap >> 2);
    let cap = match input.out_cap & 3 {
        0 => k,
        1 => want.len().saturating_sub(1 + k % 4),
        2 => want.len(),
        _ => want.len() + k % 8,
    };
    let (null_out, null_len) = (input.nulls & 8 != 0, input.nulls & 16 != 0);
    let mut buf = vec![POISON; cap + GUARD];
    let mut len = UNSET;
    let out_p = if null_out { ptr::null_mut() } else { buf.as_mut_ptr() };
    let len_p = if null_len { ptr::null_mut() } else { &raw mut len };
    let rc = redact_call(sc, style, h.as_ptr(), h.len(), out_p, cap, len_p);
    if (null_out && cap > 0) || null_len {
        assert_eq!(rc, code(sladd_result::NullParameter));
        assert_eq!(len, UNSET);
        assert!(buf.iter().all(|&b| b == POISON), "written on error");
        return;
    }
    if cap < want.len() {
        assert_eq!(rc, code(sladd_result::InsufficientSpace));
        assert_eq!(len, want.len(), "size needed");
        assert!(
            buf.iter().all(|&b| b == POISON),
            "out written on SLADD_RESULT_INSUFFICIENT_SPACE"
        );
        return;
    }
    assert_eq!(rc, OK);
    assert_eq!(len, want.len());
    if !null_out {
        assert_eq!(buf[..want.len()], want[..], "redacted text");
        assert!(
            buf[want.len()..].iter().all(|&b| b == POISON),
            "written past the output (cap {cap}, output {})",
            want.len()
        );
    }
    // In place: the output buffer is the input buffer.
    {
        let mut io = h.to_vec();
        io.resize(h.len().max(want.len()) + GUARD, POISON);
        let p = io.as_mut_ptr();
        let mut len = UNSET;
        let cap = h.len().max(want.len());
        let rc = redact_call(sc, style, p, h.len(), p, cap, &raw mut len);
        assert_eq!(rc, OK);
        assert_eq!(len, want.len());
        assert_eq!(io[..len], want[..], "in-place redaction");
    }
}

fn check_validate(
    sc: *const sladd_scanner,
    core: &Scanner,
    input: &Input<'_>,
) {
    let h = input.haystack;
    for kind in [input.kind, input.kind % 12] {
        let mut slot: u8 = 0xAA;
        let p = (&raw mut slot).cast::<bool>();
        let rc = sladd_validate(sc, kind, h.as_ptr(), h.len(), p);
        match Kind::from_code(kind) {
            Some(k) => {
                assert_eq!(rc, OK);
                assert_eq!(slot, u8::from(core.validate(k, h)), "{k}");
            }
            None => {
                assert_eq!(rc, code(sladd_result::UnknownKind));
                assert_eq!(slot, 0xAA, "out_valid written on error");
            }
        }
    }
    let rc = sladd_validate(sc, 1, h.as_ptr(), h.len(), ptr::null_mut());
    assert_eq!(rc, code(sladd_result::NullParameter));
}

fn check_names(input: &Input<'_>) {
    // Kinds: names and codes round-trip.
    for kind in [input.kind, input.kind % 12] {
        let p = sladd_kind_name(kind);
        assert_eq!(p.is_null(), Kind::from_code(kind).is_none(), "{kind}");
        if !p.is_null() {
            // SAFETY: a static NUL-terminated string (sladd.h).
            let name = unsafe { CStr::from_ptr(p) };
            let mut code = 0;
            assert_eq!(sladd_kind_from_name(name.as_ptr(), &raw mut code), OK);
            assert_eq!(code, kind);
        }
    }
    // Any name: found exactly when detect-core parses it.
    let upto = input.haystack.iter().position(|&b| b == 0);
    let name =
        CString::new(&input.haystack[..upto.unwrap_or(input.haystack.len())])
            .expect("no NUL inside");
    let mut code: u32 = 0xFFFF;
    let rc = sladd_kind_from_name(name.as_ptr(), &raw mut code);
    let parsed = name.to_str().ok().and_then(|s| s.parse::<Kind>().ok());
    match parsed {
        Some(k) => {
            assert_eq!(rc, OK);
            assert_eq!(code, k.code());
        }
        None => {
            assert_eq!(rc, code_of(sladd_result::UnknownKind));
            assert_eq!(code, 0xFFFF);
        }
    }
    assert_eq!(
        sladd_kind_from_name(ptr::null(), &raw mut code),
        code_of(sladd_result::NullParameter)
    );
    let c = sladd_confidence_name(input.kind);
    assert_eq!(c.is_null(), !(1..=3).contains(&input.kind));
    let f = sladd_flag_name(input.flag);
    // Every flag bit the C API names, up to SLADD_FLAG_OCR (1 << 12).
    let known = input.flag.count_ones() == 1 && input.flag <= 1 << 12;
    assert_eq!(f.is_null(), !known, "flag {:#x}", input.flag);
    // SAFETY: a static NUL-terminated string (sladd.h).
    let v = unsafe { CStr::from_ptr(sladd_version()) };
    assert_eq!(v.to_str().unwrap(), "0.1.0");
}

fn code_of(r: sladd_result) -> c_int {
    code(r)
}

fn check_message(input: &Input<'_>) {
    let mut n = UNSET;
    let rc = sladd_result_message(input.code, ptr::null_mut(), 0, &raw mut n);
    assert_eq!(rc, code(sladd_result::InsufficientSpace));
    assert!(n > 0 && n != UNSET);
    let len = usize::from(input.msg_len);
    let mut buf = vec![POISON; len + GUARD];
    let mut m = UNSET;
    let rc = sladd_result_message(
        input.code,
        buf.as_mut_ptr().cast::<c_char>(),
        len,
        &raw mut m,
    );
    assert_eq!(m, n, "message length");
    if len < n + 1 {
        assert_eq!(rc, code(sladd_result::InsufficientSpace));
        assert!(buf.iter().all(|&b| b == POISON), "written when too small");
    } else {
        assert_eq!(rc, OK);
        assert!(buf[..n].iter().all(|&b| b != 0 && b != POISON));
        assert!(core::str::from_utf8(&buf[..n]).is_ok());
        assert_eq!(buf[n], 0, "NUL-terminated");
        assert!(buf[n + 1..].iter().all(|&b| b == POISON), "written past NUL");
    }
    let rc = sladd_result_message(
        input.code,
        buf.as_mut_ptr().cast(),
        len,
        ptr::null_mut(),
    );
    assert_eq!(rc, code(sladd_result::NullParameter));
    let rc = sladd_result_message(input.code, ptr::null_mut(), 5, &raw mut m);
    assert_eq!(rc, code(sladd_result::NullParameter));
}

fuzz_target!(|input: Input<'_>| -> Corpus {
    if input.haystack.len() > MAX_INPUT {
        return Corpus::Reject;
    }
    check_names(&input);
    check_message(&input);
    let s = Strings::of(&input);
    let cs = |s: &Option<String>| {
        s.as_ref().map(|s| CString::new(s.as_str()).unwrap())
    };
    let (kinds, countries, date) =
        (cs(&s.kinds), cs(&s.countries), cs(&s.date));
    let p =
        |c: &Option<CString>| c.as_ref().map_or(ptr::null(), |c| c.as_ptr());
    let opts = sladd_options {
        kinds: p(&kinds),
        countries: p(&countries),
        min_confidence: confidence(input.confidence),
        context_before: 4 * u32::from(input.before),
        context_after: 4 * u32::from(input.after),
        reference_date: p(&date),
        redact_style: u32::from(input.style[0] % 5),
        known_names: ptr::null(),
        allow: ptr::null(),
        lenient: 0,
    };
    let null_opts = input.nulls & 0x40 != 0;
    let expected =
        if null_opts { Ok((Scanner::new(), 0)) } else { expect(&input, &s) };
    let stale = 0x10 as *mut sladd_scanner;
    let mut sc = stale;
    let op = if null_opts { ptr::null() } else { &raw const opts };
    let rc = sladd_scanner_new(op, &raw mut sc);
    let (core, style) = match expected {
        Err(codes) => {
            assert!(
                codes.contains(&rc),
                "sladd_scanner_new gave {rc}, expected one of {codes:?}"
            );
            assert_eq!(sc, stale, "*out written on error");
            return Corpus::Keep;
        }
        Ok(x) => {
            assert_eq!(rc, OK, "sladd_scanner_new");
            assert!(!sc.is_null() && sc != stale);
            x
        }
    };
    assert_eq!(
        sladd_scanner_new(op, ptr::null_mut()),
        code(sladd_result::NullParameter)
    );
    let scp: *const sladd_scanner = sc;
    if input.nulls & 0x20 != 0 {
        // A NULL scanner everywhere.
        let h = input.haystack;
        let mut n = UNSET;
        let rc = sladd_scan(
            ptr::null(),
            h.as_ptr(),
            h.len(),
            ptr::null_mut(),
            0,
            &raw mut n,
        );
        assert_eq!(rc, code(sladd_result::NullParameter));
        assert_eq!(n, UNSET);
        let mut m = SENTINEL;
        assert!(!sladd_find(ptr::null(), h.as_ptr(), h.len(), 0, &raw mut m));
        let rc = sladd_redact(
            ptr::null(),
            h.as_ptr(),
            h.len(),
            ptr::null_mut(),
            0,
            &raw mut n,
        );
        assert_eq!(rc, code(sladd_result::NullParameter));
        assert_eq!(n, UNSET);
    }
    check_scan(scp, &core, &input);
    check_redact(scp, &core, style, None, &input);
    check_redact(
        scp,
        &core,
        style,
        Some(u32::from(input.style[1] % 5)),
        &input,
    );
    check_validate(scp, &core, &input);
    sladd_scanner_free(sc);
    sladd_scanner_free(ptr::null_mut());
    Corpus::Keep
});
