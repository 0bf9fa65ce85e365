//! `scan`: arbitrary bytes under arbitrary scanner options.
//!
//! Checks: the build error (if any) is the one the options call for; every
//! finding satisfies `check_scan` (order, bounds, threshold, kinds, a span
//! that is valid on its own, `find_at` agreement); a higher threshold only
//! removes findings; line breaks in front only move the findings.

#![no_main]

use core::fmt;

use libfuzzer_sys::{Corpus, fuzz_target};
use sladd_fuzz::{Lit, MAX_INPUT, Opts};

#[derive(arbitrary::Arbitrary)]
struct Input<'a> {
    opts: Opts,
    /// Line breaks put in front for the shift check, `% 130`.
    shift: u8,
    haystack: &'a [u8],
}

impl fmt::Debug for Input<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:?}", self.opts)?;
        writeln!(f, "let haystack: &[u8] = {:?};", Lit(self.haystack))?;
        write!(f, "// shift check: {} line breaks", self.shift % 130)
    }
}

fuzz_target!(|input: Input<'_>| -> Corpus {
    if input.haystack.len() > MAX_INPUT {
        return Corpus::Reject;
    }
    let Some(sc) = input.opts.build() else { return Corpus::Keep };
    let h = input.haystack;
    let ms = sladd_fuzz::check_scan(&sc, h);
    sladd_fuzz::check_threshold(&sc, h, &ms);
    sladd_fuzz::check_shift(&sc, h, &ms, usize::from(input.shift % 130));
    Corpus::Keep
});
