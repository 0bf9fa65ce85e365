//! `stream`: feeding the input in arbitrary chunks gives exactly the
//! findings of the whole-buffer scan, with offsets from the start of the
//! stream, in bounded memory.
//!
//! Checks, after each chunk: `position()` counts the bytes fed; `settled()`
//! never goes back and no later finding starts before it; the bytes held
//! stay within the documented bound (the shape look-ahead and look-behind
//! plus four bytes per character of context window).

#![no_main]

use core::fmt;

use detect_core::Match;
use libfuzzer_sys::{Corpus, fuzz_target};
use sladd_fuzz::{Lit, MAX_INPUT, Opts};

#[derive(arbitrary::Arbitrary)]
struct Input<'a> {
    opts: Opts,
    /// Chunk lengths, used in turn: `n` means `n` bytes, except 0 (an
    /// empty chunk) and 255 (the rest of the input).
    chunks: [u8; 8],
    haystack: &'a [u8],
}

impl Input<'_> {
    fn pieces(&self) -> Vec<&[u8]> {
        let mut out = Vec::new();
        let mut rest = self.haystack;
        let mut i = 0;
        while !rest.is_empty() {
            let n = match self.chunks[i % 8] {
                255 => rest.len(),
                n => usize::from(n).min(rest.len()),
            };
            let (a, b) = rest.split_at(n);
            out.push(a);
            rest = b;
            i += 1;
            if i > 8 && self.chunks.iter().all(|&c| c == 0) {
                // Only empty chunks: end with the rest.
                out.push(rest);
                break;
            }
        }
        out
    }
}

impl fmt::Debug for Input<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:?}", self.opts)?;
        writeln!(f, "let sc = sc.unwrap();")?;
        writeln!(f, "let mut st = sc.stream();")?;
        writeln!(f, "let mut found = Vec::new();")?;
        for p in self.pieces() {
            writeln!(f, "st.feed({:?}, |m| found.push(m));", Lit(p))?;
        }
        writeln!(f, "st.finish(|m| found.push(m));")?;
        write!(f, "// found must equal sc.find_iter(<the concatenation>)")
    }
}

fuzz_target!(|input: Input<'_>| -> Corpus {
    let h = input.haystack;
    if h.len() > MAX_INPUT {
        return Corpus::Reject;
    }
    let Some(sc) = input.opts.build() else { return Corpus::Keep };
    let want: Vec<Match> = sc.find_iter(h).collect();
    let (before, after) = sc.context_window();
    let bound = 128 + 320 + 4 * (before + after) as usize;
    let mut st = sc.stream();
    let mut got: Vec<Match> = Vec::new();
    let mut fed = 0;
    let mut settled = 0;
    let mut checked = 0;
    for p in input.pieces() {
        st.feed(p, |m| got.push(m));
        fed += p.len();
        assert_eq!(st.position(), fed);
        assert!(st.settled() >= settled, "settled went back");
        settled = st.settled();
        assert!(settled <= fed);
        if let Some(m) = got.last() {
            assert!(m.start() < settled, "{m:?} reported before settled");
        }
        assert!(
            st.buffered() <= bound,
            "{} bytes held, bound {bound}",
            st.buffered()
        );
        // Everything reported so far is a prefix of the whole-buffer scan
        // (checked as it arrives, to keep the target linear).
        let end = got.len().min(want.len());
        assert_eq!(got[checked..end], want[checked..end], "after {fed} bytes");
        assert!(got.len() <= want.len(), "more findings than the whole scan");
        checked = end;
    }
    st.finish(|m| got.push(m));
    assert_eq!(got, want, "stream != whole-buffer scan");
    Corpus::Keep
});
