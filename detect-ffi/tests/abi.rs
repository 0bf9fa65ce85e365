//! The C entry points called from Rust, through the rlib: a quick check
//! of the protocols that runs with `cargo test` (the full C tests run
//! from test.sh). All numbers are synthetic.

use std::ffi::CStr;
use std::ptr;

use detect_core::{Group, Kind};
use sladd::{
    sladd_find, sladd_kind_group, sladd_kind_name, sladd_match, sladd_options,
    sladd_redact, sladd_redact_with_style, sladd_result, sladd_scan,
    sladd_scanner, sladd_scanner_free, sladd_scanner_new,
};

const TEXT: &[u8] = b"fnr 010180 00055, CPR 010180-1004, 131052-308T.";

fn scanner(opts: Option<&sladd_options>) -> *mut sladd_scanner {
    let mut sc = ptr::null_mut();
    let opts = opts.map_or(ptr::null(), |o| o as *const _);
    assert_eq!(sladd_scanner_new(opts, &mut sc), 0);
    assert!(!sc.is_null());
    sc
}

fn code(r: sladd_result) -> i32 {
    r.code()
}

#[test]
fn scan_find_and_redact() {
    let sc = scanner(None);
    let mut n = 0usize;
    let rc =
        sladd_scan(sc, TEXT.as_ptr(), TEXT.len(), ptr::null_mut(), 0, &mut n);
    assert_eq!((rc, n), (0, 3));

    let mut out = [sladd_match::default(); 2];
    let rc =
        sladd_scan(sc, TEXT.as_ptr(), TEXT.len(), out.as_mut_ptr(), 2, &mut n);
    assert_eq!((rc, n), (0, 3));
    let name = |k| {
        let p = sladd_kind_name(k);
        assert!(!p.is_null());
        // SAFETY: for a known kind, sladd_kind_name returns a static,
        // NUL-terminated string (checked non-NULL above).
        unsafe { CStr::from_ptr(p) }
    };
    assert_eq!(name(out[0].kind).to_str(), Ok("no_fnr"));
    assert_eq!(name(out[1].kind).to_str(), Ok("dk_cpr"));
    assert_eq!((out[0].start, out[0].end), (4, 16));

    let mut m = sladd_match::default();
    let mut pos = 0;
    let mut seen = Vec::new();
    while sladd_find(sc, TEXT.as_ptr(), TEXT.len(), pos, &mut m) {
        seen.push(m);
        pos = m.end;
    }
    assert_eq!(seen.len(), 3);
    assert_eq!(&seen[..2], &out[..]);

    let mut buf = [b'Z'; 64];
    let mut len = 0usize;
    let rc = sladd_redact(
        sc,
        TEXT.as_ptr(),
        TEXT.len(),
        buf.as_mut_ptr(),
        5,
        &mut len,
    );
    assert_eq!(rc, code(sladd_result::InsufficientSpace));
    assert_eq!(len, TEXT.len());
    assert!(buf.iter().all(|&b| b == b'Z'));
    let rc = sladd_redact(
        sc,
        TEXT.as_ptr(),
        TEXT.len(),
        buf.as_mut_ptr(),
        64,
        &mut len,
    );
    assert_eq!(rc, 0);
    assert_eq!(
        &buf[..len],
        b"fnr ****** *****, CPR ******-****, ******-****."
    );
    let rc = sladd_redact_with_style(
        sc,
        TEXT.as_ptr(),
        TEXT.len(),
        1,
        buf.as_mut_ptr(),
        64,
        &mut len,
    );
    assert_eq!(rc, 0);
    assert_eq!(&buf[..len], b"fnr [no_fnr], CPR [dk_cpr], [fi_hetu].");
    sladd_scanner_free(sc);
}

#[test]
fn options_and_null_arguments() {
    let opts = sladd_options {
        kinds: c"dk_cpr fi_hetu".as_ptr(),
        countries: ptr::null(),
        min_confidence: 0,
        context_before: 0,
        context_after: 0,
        reference_date: c"2026-11-22".as_ptr(),
        redact_style: 2,
        known_names: ptr::null(),
        allow: ptr::null(),
        lenient: 0,
    };
    let sc = scanner(Some(&opts));
    let mut n = 0usize;
    let rc =
        sladd_scan(sc, TEXT.as_ptr(), TEXT.len(), ptr::null_mut(), 0, &mut n);
    assert_eq!((rc, n), (0, 2));
    let mut buf = [0u8; 64];
    let mut len = 0usize;
    let rc = sladd_redact(
        sc,
        TEXT.as_ptr(),
        TEXT.len(),
        buf.as_mut_ptr(),
        64,
        &mut len,
    );
    assert_eq!(rc, 0);
    assert_eq!(
        &buf[..len],
        b"fnr 010180 00055, CPR 010180-****, 131052-****."
    );

    let null = code(sladd_result::NullParameter);
    assert_eq!(
        sladd_scan(ptr::null(), TEXT.as_ptr(), 1, ptr::null_mut(), 0, &mut n),
        null
    );
    assert_eq!(
        sladd_scan(sc, ptr::null(), 1, ptr::null_mut(), 0, &mut n),
        null
    );
    assert_eq!(
        sladd_scan(sc, TEXT.as_ptr(), 1, ptr::null_mut(), 1, &mut n),
        null
    );
    assert_eq!(
        sladd_scan(sc, TEXT.as_ptr(), 1, ptr::null_mut(), 0, ptr::null_mut()),
        null
    );
    assert_eq!(sladd_scan(sc, ptr::null(), 0, ptr::null_mut(), 0, &mut n), 0);
    assert_eq!(n, 0);
    assert_eq!(sladd_scanner_new(ptr::null(), ptr::null_mut()), null);
    sladd_scanner_free(sc);
    sladd_scanner_free(ptr::null_mut());

    let bad = sladd_options { kinds: c"no_fnr,xx".as_ptr(), ..opts };
    let mut out = ptr::null_mut();
    assert_eq!(
        sladd_scanner_new(&bad, &mut out),
        code(sladd_result::UnknownKind)
    );
    assert!(out.is_null());
}

#[test]
fn groups_and_allow_list_options() {
    // A group name chooses its kinds; the allow-list keeps one value out.
    let opts = sladd_options {
        kinds: c"ids".as_ptr(),
        countries: ptr::null(),
        min_confidence: 0,
        context_before: 0,
        context_after: 0,
        reference_date: c"2026-11-22".as_ptr(),
        redact_style: 0,
        known_names: ptr::null(),
        allow: c"\n010180-1004\n".as_ptr(),
        lenient: 0,
    };
    let sc = scanner(Some(&opts));
    let text = b"fnr 010180 00055, CPR 010180-1004";
    let mut out = [sladd_match::default(); 4];
    let mut n = 0usize;
    let rc =
        sladd_scan(sc, text.as_ptr(), text.len(), out.as_mut_ptr(), 4, &mut n);
    assert_eq!(rc, 0);
    assert_eq!(n, 1);
    assert_eq!(out[0].kind, Kind::NoFnr.code());
    assert_eq!(sladd_kind_group(out[0].kind), Group::Ids.code());
    sladd_scanner_free(sc);
    // An allow-list that is not UTF-8 is an invalid option.
    let bad = sladd_options { allow: c"\xff".as_ptr(), ..opts };
    let mut sc = ptr::null_mut();
    let rc = sladd_scanner_new(&raw const bad, &raw mut sc);
    assert_eq!(rc, sladd_result::InvalidOption as i32);
    assert!(sc.is_null());
}

#[test]
fn lenient_option_reads_damaged_numbers_after_a_label() {
    // `CPR: 0101801 004`: the digits of a valid CPR broken by OCR.
    let text = b"CPR: 0101801 004\nRef 0101801 004\n";
    let mut found = Vec::new();
    for lenient in [0, 1] {
        let opts = sladd_options {
            kinds: c"ids".as_ptr(),
            countries: ptr::null(),
            min_confidence: 0,
            context_before: 0,
            context_after: 0,
            reference_date: c"2026-11-22".as_ptr(),
            redact_style: 0,
            known_names: ptr::null(),
            allow: ptr::null(),
            lenient,
        };
        let sc = scanner(Some(&opts));
        let mut out = [sladd_match::default(); 4];
        let mut n = 0usize;
        let rc = sladd_scan(
            sc,
            text.as_ptr(),
            text.len(),
            out.as_mut_ptr(),
            4,
            &mut n,
        );
        assert_eq!(rc, 0);
        found.push(out[..n].to_vec());
        sladd_scanner_free(sc);
    }
    assert!(found[0].is_empty(), "{:?}", found[0]);
    // Only the labelled one, its span as written, flagged.
    assert_eq!(found[1].len(), 1);
    let m = found[1][0];
    assert_eq!(m.kind, Kind::DkCpr.code());
    assert_eq!((m.start, m.end), (5, 16));
    assert_ne!(m.flags & sladd::SLADD_FLAG_OCR, 0);
}
