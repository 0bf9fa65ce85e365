//! `redact`: what redaction writes and what a re-scan finds in it.
//!
//! With the options' scanner moved to threshold `low`:
//!
//! * re-scanning the `mask` or `keep_birthdate` output at `low` finds
//!   nothing;
//! * `mask` and `keep_birthdate` keep the length in bytes, and change
//!   nothing outside the findings; inside, only digits and ASCII letters
//!   change (to `*`, or `＊` for a fullwidth digit), and `keep_birthdate`
//!   keeps a prefix of the digits;
//! * `label` replaces each finding with `[kind]`;
//! * `redacted_len` is the length of the output, and `redact_into`
//!   reports the number of findings;
//! * for valid UTF-8, `redact_str` gives the same bytes (and stays UTF-8).

#![no_main]

use core::fmt;

use detect_core::{Confidence, Match, RedactStyle};
use libfuzzer_sys::{Corpus, fuzz_target};
use sladd_fuzz::{Lit, MAX_INPUT, Opts};

#[derive(arbitrary::Arbitrary)]
struct Input<'a> {
    opts: Opts,
    haystack: &'a [u8],
}

impl fmt::Debug for Input<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:?}", self.opts)?;
        writeln!(
            f,
            "let sc = sc.unwrap().with_min_confidence(Confidence::Low);"
        )?;
        write!(f, "let haystack: &[u8] = {:?};", Lit(self.haystack))
    }
}

const STAR: &[u8] = "\u{ff0a}".as_bytes();

/// Checks one finding's redacted bytes against its original bytes.
fn check_span(orig: &[u8], out: &[u8], keep: bool, m: &Match) {
    assert_eq!(orig.len(), out.len(), "{m:?}");
    let mut i = 0;
    let mut masking = !keep;
    while i < orig.len() {
        let wide = orig[i] == 0xEF && sladd_fuzz::digit_at(orig, i);
        let l = if wide { 3 } else { 1 };
        let (o, r) = (&orig[i..i + l], &out[i..i + l]);
        if orig[i].is_ascii_digit() || wide {
            if r == o && !masking {
                // A kept date digit.
            } else {
                masking = true;
                assert_eq!(r, if wide { STAR } else { b"*" }, "{m:?} at {i}");
            }
        } else if orig[i].is_ascii_alphabetic() {
            assert_eq!(r, b"*", "{m:?}: a letter at {i}");
        } else {
            assert_eq!(r, o, "{m:?}: a separator changed at {i}");
        }
        i += l;
    }
}

fuzz_target!(|input: Input<'_>| -> Corpus {
    let h = input.haystack;
    if h.len() > MAX_INPUT {
        return Corpus::Reject;
    }
    let Some(sc) = input.opts.build() else { return Corpus::Keep };
    let low = sc.with_min_confidence(Confidence::Low);
    let ms: Vec<Match> = low.find_iter(h).collect();
    for style in [RedactStyle::Mask, RedactStyle::KeepBirthdate] {
        let out = low.redact(h, style);
        assert_eq!(out.len(), h.len(), "{style} changed the length");
        assert_eq!(low.redacted_len(h, style), out.len(), "{style}");
        let mut last = 0;
        for m in &ms {
            assert_eq!(out[last..m.start()], h[last..m.start()], "{style}");
            let keep = style == RedactStyle::KeepBirthdate;
            check_span(&h[m.range()], &out[m.range()], keep, m);
            last = m.end();
        }
        assert_eq!(out[last..], h[last..], "{style}: the tail changed");
        let again: Vec<Match> = low.find_iter(&out).collect();
        assert!(
            again.is_empty(),
            "re-scan of the {style} output finds {again:?} in {:?}",
            Lit(&out)
        );
    }
    let out = low.redact(h, RedactStyle::Label);
    assert_eq!(low.redacted_len(h, RedactStyle::Label), out.len());
    let mut want = Vec::with_capacity(out.len());
    let mut last = 0;
    for m in &ms {
        want.extend_from_slice(&h[last..m.start()]);
        want.extend_from_slice(format!("[{}]", m.kind()).as_bytes());
        last = m.end();
    }
    want.extend_from_slice(&h[last..]);
    assert_eq!(out, want, "label");
    let mut into = b"prefix".to_vec();
    let n = low.redact_into(h, RedactStyle::Mask, &mut into);
    assert_eq!(n, ms.len());
    assert_eq!(&into[6..], &low.redact(h, RedactStyle::Mask)[..]);
    if let Ok(text) = core::str::from_utf8(h) {
        for style in
            [RedactStyle::Mask, RedactStyle::Label, RedactStyle::KeepBirthdate]
        {
            let s = low.redact_str(text, style);
            assert_eq!(s.as_bytes(), &low.redact(h, style)[..]);
            if style == RedactStyle::Mask {
                assert_eq!(s.chars().count(), text.chars().count());
            }
        }
    }
    // The scanner's own threshold: the same, restricted to its findings.
    let own: Vec<Match> = sc.find_iter(h).collect();
    let mut out = Vec::new();
    assert_eq!(sc.redact_into(h, RedactStyle::Mask, &mut out), own.len());
    Corpus::Keep
});
