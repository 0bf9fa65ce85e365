//! Properties of the scanner over generated text (proptest).

mod common;

use common::{Planted, Rng, as_of, filler, ids_low, look_alike, low, planted};
use detect_core::{Confidence, Kind, Match, RedactStyle, Scanner};
use proptest::prelude::*;

/// A haystack of filler, planted identifiers and look-alikes; returns the
/// text and the spans and identifiers planted in it.
fn haystack(
    seed: u64,
    items: usize,
) -> (String, Vec<(usize, usize, Planted)>) {
    let mut r = Rng(seed);
    let mut s = filler(&mut r, 3);
    let mut spans = Vec::new();
    for _ in 0..items {
        s.push(' ');
        if r.below(3) == 0 {
            s.push_str(&look_alike(&mut r));
        } else {
            let p = planted(&mut r);
            if r.coin() {
                s.push_str(p.keyword);
                s.push_str(": ");
            }
            let start = s.len();
            s.push_str(&p.text);
            spans.push((start, s.len(), p));
        }
        s.push(' ');
        // Enough words that one item's keywords stay out of the next
        // item's context window.
        let n = r.range(12, 16) as usize;
        s.push_str(&filler(&mut r, n));
        if r.below(5) == 0 {
            s.push('\n');
        }
    }
    (s, spans)
}

/// The slow reference: tries every byte position as a start, asks the
/// scanner for a finding anchored exactly there, and walks on from its end
/// or from the next byte. Agreeing with it shows that the prefilter and
/// the skipping of the fast search lose nothing.
fn naive(sc: &Scanner, h: &[u8]) -> Vec<Match> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < h.len() {
        match sc.find_at(h, i) {
            Some(m) if m.start() == i => {
                out.push(m);
                i = m.end();
            }
            _ => i += 1,
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A valid identifier planted among words, keyword or not, is found
    /// with its exact span; its kind is exact when a keyword or its shape
    /// decides, else one of the kinds its shape allows.
    #[test]
    fn planted_ids_are_found(seed in any::<u64>(), keyword in any::<bool>()) {
        let mut r = Rng(seed);
        let p = planted(&mut r);
        let before = filler(&mut r, 4);
        let after = filler(&mut r, 4);
        let kw = if keyword { format!("{}: ", p.keyword) } else { String::new() };
        let text = format!("{before} {kw}{} {after}", p.text);
        let start = before.len() + 1 + kw.len();
        let found: Vec<_> = ids_low().find_iter(&text).collect();
        prop_assert_eq!(found.len(), 1, "{:?} in {:?}", found, text);
        let m = found[0];
        prop_assert_eq!((m.start(), m.end()), (start, start + p.text.len()));
        // The shape decides for Norwegian 11-digit numbers and for a HETU
        // with a letter; a 10- or 12-digit number can be several kinds.
        let shape_decides = p.family.len() == 1
            || p.family.contains(&Kind::NoFnr);
        if keyword || shape_decides {
            prop_assert_eq!(m.kind(), p.kind, "{}", text);
        } else {
            prop_assert!(p.family.contains(&m.kind()), "{:?} {}", m, text);
        }
        if keyword {
            prop_assert!(m.confidence() >= Confidence::Medium, "{:?}", m);
        }
    }

    /// Any bytes at all: no panic, spans in bounds, ordered, disjoint.
    /// (`chars` counts characters, a byte that is not UTF-8 as one.)
    #[test]
    fn arbitrary_bytes_never_panic(h in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let sc = low();
        let mut last = 0;
        for m in sc.find_iter(&h) {
            prop_assert!(m.start() >= last && m.end() <= h.len() && m.start() < m.end());
            last = m.end();
        }
        // Masking keeps the length in characters (a byte that is not
        // UTF-8 counts as one), and redacted_len is the length in bytes.
        let r = sc.redact(&h, RedactStyle::Mask);
        prop_assert_eq!(chars(&r), chars(&h));
        prop_assert_eq!(r.len(), sc.redacted_len(&h, RedactStyle::Mask));
        let _ = sc.redact(&h, RedactStyle::Label);
        let _ = sc.redact(&h, RedactStyle::KeepBirthdate);
        for &kind in Kind::ALL {
            let _ = sc.validate(kind, &h);
        }
    }

    /// Digit- and separator-dense bytes: the adversarial alphabet.
    #[test]
    fn dense_bytes_never_panic(h in proptest::collection::vec(
        prop_oneof![Just(b'0'), Just(b'5'), Just(b'9'), Just(b' '), Just(b'-'),
                    Just(b'+'), Just(b'.'), Just(b'A'), Just(0xEF), Just(0xBC),
                    Just(0x90), Just(0xC2), Just(0xA0), Just(b'\n')], 0..512)) {
        let sc = low();
        let n = sc.find_iter(&h).count();
        let mut st = sc.stream();
        let mut v = Vec::new();
        for c in h.chunks(7) {
            st.feed(c, |m| v.push(m));
        }
        st.finish(|m| v.push(m));
        prop_assert_eq!(v.len(), n);
    }

    /// Redacted output re-scanned at `low` reports nothing, in every
    /// style; `mask` and `keep_birthdate` keep the length in characters
    /// (in bytes too where only IDs were masked: a name's `Å` becomes a
    /// one-byte `*`, docs/contract.md §4).
    #[test]
    fn redaction_leaves_nothing(seed in any::<u64>(), items in 1usize..12) {
        let (text, _) = haystack(seed, items);
        let sc = low();
        for style in [RedactStyle::Mask, RedactStyle::Label, RedactStyle::KeepBirthdate] {
            let out = sc.redact_str(&text, style);
            let again: Vec<_> = sc.find_iter(&out).collect();
            prop_assert!(again.is_empty(), "{:?}: {:?} in {:?}", style, again, out);
            if style != RedactStyle::Label {
                prop_assert_eq!(out.chars().count(), text.chars().count());
                if sc.find_iter(&text).all(|m| m.kind().is_national_id()) {
                    prop_assert_eq!(out.len(), text.len());
                }
            }
            prop_assert_eq!(sc.redacted_len(&text, style), out.len());
        }
    }

    /// Every planted identifier is found, and nothing else: the
    /// look-alikes stay silent.
    #[test]
    fn finds_exactly_the_planted(seed in any::<u64>(), items in 1usize..16) {
        let (text, spans) = haystack(seed, items);
        let got: Vec<(usize, usize)> =
            ids_low().find_iter(&text).map(|m| (m.start(), m.end())).collect();
        let want: Vec<(usize, usize)> = spans.iter().map(|s| (s.0, s.1)).collect();
        prop_assert_eq!(got, want, "{}", text);
    }

    /// Streaming over any chunking equals scanning the whole buffer.
    #[test]
    fn stream_equals_whole(seed in any::<u64>(), items in 1usize..12,
                           sizes in proptest::collection::vec(1usize..40, 1..8),
                           level in 0u32..3) {
        let (text, _) = haystack(seed, items);
        let level = Confidence::from_code(level + 1).unwrap();
        let sc = low().with_min_confidence(level);
        let whole: Vec<Match> = sc.find_iter(&text).collect();
        let mut st = sc.stream();
        let mut got = Vec::new();
        let bytes = text.as_bytes();
        let (mut i, mut k) = (0, 0);
        while i < bytes.len() {
            let n = sizes[k % sizes.len()].min(bytes.len() - i);
            st.feed(&bytes[i..i + n], |m| got.push(m));
            i += n;
            k += 1;
        }
        st.finish(|m| got.push(m));
        prop_assert_eq!(got, whole);
    }

    /// The fast search agrees with trying every position.
    #[test]
    fn fast_equals_naive(seed in any::<u64>(), items in 1usize..12, level in 0u32..3) {
        let (text, _) = haystack(seed, items);
        let sc = low().with_min_confidence(Confidence::from_code(level + 1).unwrap());
        let fast: Vec<Match> = sc.find_iter(&text).collect();
        prop_assert_eq!(fast, naive(&sc, text.as_bytes()));
    }

    /// A higher threshold only removes findings.
    #[test]
    fn thresholds_nest(seed in any::<u64>(), items in 1usize..12) {
        let (text, _) = haystack(seed, items);
        let all: Vec<Match> = low().find_iter(&text).collect();
        for level in [Confidence::Medium, Confidence::High] {
            let sc = low().with_min_confidence(level);
            let got: Vec<Match> = sc.find_iter(&text).collect();
            let want: Vec<Match> =
                all.iter().copied().filter(|m| m.confidence() >= level).collect();
            prop_assert_eq!(got, want);
        }
    }
}

#[test]
fn stream_memory_stays_bounded() {
    let sc = Scanner::builder().reference_date(as_of()).build().unwrap();
    let mut st = sc.stream();
    let (text, spans) = haystack(7, 40);
    let mut n = 0;
    for _ in 0..200 {
        st.feed(text.as_bytes(), |_| n += 1);
        assert!(st.buffered() < text.len() + 8192, "{}", st.buffered());
    }
    st.finish(|_| n += 1);
    assert!(n >= 200 * spans.len() / 2, "{n}");
}

/// Characters in `b`, each byte that is not UTF-8 counted as one.
fn chars(b: &[u8]) -> usize {
    b.utf8_chunks()
        .map(|c| c.valid().chars().count() + c.invalid().len())
        .sum()
}
