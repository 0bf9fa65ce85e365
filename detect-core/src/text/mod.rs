//! The text passes: detectors for the kinds that do not start with a digit
//! run (names, sensitive terms, contact and financial data). Each pass
//! finds its own candidates left to right; the scanner merges them with
//! the ID pass (`Scanner::find_at`).
//!
//! A new pass implements [`TextPass`] and is added to [`passes`]; its
//! kinds come from the kinds table (`kind.rs`).

pub(crate) mod contact;
pub(crate) mod digits;
pub(crate) mod financial;
pub(crate) mod num;
pub(crate) mod orgs;
#[cfg(test)]
pub(crate) mod reference;

use core::fmt;
use std::panic::{RefUnwindSafe, UnwindSafe};

pub(crate) mod names;
pub(crate) mod skip;
pub(crate) mod terms;

use crate::data::Lists;
use crate::kind::{Kind, KindSet};
use crate::scanner::{Match, Scanner};

/// One detection pass over text.
///
/// A pass is position-determined: whether it reports a finding starting at
/// byte `p`, and which, depends on the haystack alone, not on where the
/// search started. The merge relies on it, and its property test checks it
/// (`find_at(h, from)` is the first of the findings that start at or after
/// `from`).
pub(crate) trait TextPass:
    Send + Sync + UnwindSafe + RefUnwindSafe + fmt::Debug
{
    /// The kinds this pass can report.
    fn kinds(&self) -> KindSet;

    /// The bytes a decision may look at after a finding's start: its
    /// longest span and the context it reads after it. The streaming
    /// scanner keeps this much of the input ahead.
    fn reach(&self) -> usize;

    /// The first finding of one of `sc`'s kinds, at any confidence, that
    /// starts at or after `from`. Allocates nothing.
    fn find_at(&self, sc: &Scanner, h: &[u8], from: usize) -> Option<Match>;

    /// [`find_at`](Self::find_at) for one of the pass's kinds, as the
    /// pass finds it with only its kinds that are judged together with
    /// `kind` (`Scanner::explain`). A pass whose kinds are always judged
    /// together keeps the default.
    fn find_kind_at(
        &self,
        sc: &Scanner,
        h: &[u8],
        from: usize,
        kind: Kind,
    ) -> Option<Match> {
        let _ = kind;
        self.find_at(sc, h, from)
    }
}

/// The text passes of a scanner with the caller's `lists`, in a fixed
/// order. The merge resolves overlaps by group and span, not by this order.
pub(crate) fn passes(lists: &Lists) -> Vec<Box<dyn TextPass>> {
    let mut v: Vec<Box<dyn TextPass>> = vec![
        Box::new(names::NamesPass::new(&lists.known_names)),
        Box::new(terms::TermsPass::new(&lists.terms)),
    ];
    v.extend(digit_passes());
    v
}

/// The passes of the contact, financial and organisation kinds.
pub(crate) fn digit_passes() -> Vec<Box<dyn TextPass>> {
    vec![Box::new(contact::EmailPass), Box::new(digits::DigitPass)]
}
