//! What a scanner owns besides its options: the keyword automaton, the
//! text passes with their dictionaries, and the caller's lists. Shared
//! behind an `Arc`, so a scanner is cheap to clone; built once for the
//! default lists and reused by every scanner that adds none.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use crate::context::Keywords;
use crate::kind::Kind;
use crate::text::{self, TextPass};

/// The lists a caller adds to a scanner (docs/contract.md §1.1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lists {
    /// Names of the people of this input (the parties of a case).
    pub(crate) known_names: Vec<String>,
    /// Extra terms for a sensitive category.
    pub(crate) terms: Vec<(Kind, String)>,
    /// Values never to report.
    pub(crate) allow: Vec<String>,
}

impl Lists {
    fn is_empty(&self) -> bool {
        self.known_names.is_empty()
            && self.terms.is_empty()
            && self.allow.is_empty()
    }
}

/// A scanner's automata and lists.
#[derive(Debug)]
pub(crate) struct Data {
    /// The context keywords of the ID pass.
    pub(crate) keywords: Keywords,
    /// The text passes, in a fixed order.
    pub(crate) passes: Vec<Box<dyn TextPass>>,
    /// Values never reported.
    pub(crate) allow: AllowList,
}

impl Data {
    /// The data for `lists`: the shared default when there are none.
    pub(crate) fn get(lists: &Lists) -> Arc<Data> {
        static DEFAULT: OnceLock<Arc<Data>> = OnceLock::new();
        if lists.is_empty() {
            return DEFAULT
                .get_or_init(|| Arc::new(Data::build(lists)))
                .clone();
        }
        Arc::new(Data::build(lists))
    }

    fn build(lists: &Lists) -> Data {
        let passes = text::passes(lists);
        assert!(
            passes.len() < crate::scanner::MAX_PASSES,
            "a scanner runs at most {} passes",
            crate::scanner::MAX_PASSES
        );
        Data {
            keywords: Keywords::build(),
            passes,
            allow: AllowList::new(&lists.allow),
        }
    }
}

/// Values never to report, compared by [`AllowList::key`].
#[derive(Debug, Default)]
pub(crate) struct AllowList {
    keys: HashSet<Box<[u8]>>,
}

/// The longest key compared; longer values are never on the list.
const MAX_KEY: usize = 4 * crate::scanner::MAX_LIST_ENTRY;

impl AllowList {
    pub(crate) fn new(values: &[String]) -> AllowList {
        let mut keys = HashSet::new();
        let mut buf = [0u8; MAX_KEY];
        for v in values {
            if let Some(k) = AllowList::key(v.as_bytes(), &mut buf) {
                keys.insert(k.into());
            }
        }
        AllowList { keys }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Whether `value` is on the list. Allocates nothing.
    pub(crate) fn contains(&self, value: &[u8]) -> bool {
        if self.keys.is_empty() {
            return false;
        }
        let mut buf = [0u8; MAX_KEY];
        AllowList::key(value, &mut buf).is_some_and(|k| self.keys.contains(k))
    }

    /// The form values are compared in: lower case, without white space
    /// and the separators `-`, `.`, `/`, `+`. `None` if it does not fit or is
    /// not UTF-8.
    fn key<'b>(value: &[u8], buf: &'b mut [u8; MAX_KEY]) -> Option<&'b [u8]> {
        let mut n = 0;
        let text = core::str::from_utf8(value).ok()?;
        for c in text.chars() {
            if c.is_whitespace() || matches!(c, '-' | '.' | '/' | '+') {
                continue;
            }
            for l in c.to_lowercase() {
                let mut tmp = [0u8; 4];
                let enc = l.encode_utf8(&mut tmp).as_bytes();
                buf.get_mut(n..n + enc.len())?.copy_from_slice(enc);
                n += enc.len();
            }
        }
        Some(&buf[..n])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_keys_ignore_case_space_and_separators() {
        let a = AllowList::new(&["010180 00055".into(), "Ørjan Ås".into()]);
        assert!(a.contains(b"01018000055"));
        assert!(a.contains(b"010180-00055"));
        assert!(a.contains("ØRJAN ÅS".as_bytes()));
        assert!(!a.contains(b"01018000056"));
        assert!(!a.contains("Ørjan".as_bytes()));
    }
}
