//! Names the caller knows (the parties of a case; docs/contract.md §1.1):
//! found in every form the dictionaries are, and, once the full name has
//! been seen, by the first or last name alone.
//!
//! "Seen" is decided by looking back from the single name for the full
//! name in the previous [`LOOK_BACK`] bytes of the same haystack, so the
//! answer depends only on the haystack (position-determined) and needs no
//! state between calls. A streaming scanner sees only what its buffer
//! holds of that window.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::word;

/// How far back a first or last name alone looks for the full name.
pub(crate) const LOOK_BACK: usize = 64 << 10;

/// The caller's names, folded.
#[derive(Debug)]
pub(crate) struct Known {
    /// Folded word → bit set of the names (index < 64) it is the first
    /// (bit in `.0`) or the last (bit in `.1`) word of.
    parts: HashMap<Box<[u8]>, (u64, u64)>,
    /// Every full name as written, in lower and upper case, and as
    /// `Last, First`; pattern `i` belongs to name `ids[i]`.
    full: Option<AhoCorasick>,
    ids: Vec<u8>,
    /// The first three bytes of every folded word, in lower case: where a
    /// lower-case caller's name may start (65,536 bits).
    starts: Box<[u64; 1024]>,
}

impl Known {
    /// The first 64 names of `names`, each of two words or more counted as
    /// a full name; one-word names are matched only as parts.
    pub(crate) fn new(names: &[String]) -> Option<Known> {
        let mut parts: HashMap<Box<[u8]>, (u64, u64)> = HashMap::new();
        let mut pats: Vec<String> = Vec::new();
        let mut ids = Vec::new();
        for (i, n) in names.iter().take(64).enumerate() {
            let words: Vec<&str> = n
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .collect();
            if words.is_empty() {
                continue;
            }
            let bit = 1u64 << i;
            let key = |w: &str| -> Option<Box<[u8]>> {
                let r = word::read(w.as_bytes(), 0)?;
                (!r.key().is_empty()).then(|| r.key().into())
            };
            // A caller writing "Nordmann, Kari" means surname first.
            let comma = n.contains(',');
            let (first, last) = if comma {
                (words[words.len() - 1], words[0])
            } else {
                (words[0], words[words.len() - 1])
            };
            for part in first.split('-') {
                if let Some(k) = key(part) {
                    parts.entry(k).or_default().0 |= bit;
                }
            }
            for part in last.split('-') {
                if let Some(k) = key(part) {
                    parts.entry(k).or_default().1 |= bit;
                }
            }
            if words.len() >= 2 {
                let plain = if comma {
                    format!("{first} {last}")
                } else {
                    words.join(" ")
                };
                let short = format!("{first} {last}");
                let rev = format!("{last}, {first}");
                for p in [plain, short, rev] {
                    for v in [p.clone(), p.to_lowercase(), p.to_uppercase()] {
                        pats.push(v);
                        ids.push(i as u8);
                    }
                }
            }
        }
        if parts.is_empty() {
            return None;
        }
        let full = if pats.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&pats)
                .ok()
        };
        let mut starts = Box::new([0u64; 1024]);
        for k in parts.keys() {
            if let Some(t) = k.get(..3) {
                let b = super::table::tri(t);
                starts[b >> 6] |= 1 << (b & 63);
            }
        }
        Some(Known { parts, full, ids, starts })
    }

    /// Whether a lower-case word starting with the bytes `t` may be a
    /// caller's name.
    pub(crate) fn maybe_start(&self, t: &[u8]) -> bool {
        let b = super::table::tri(t);
        self.starts[b >> 6] & (1 << (b & 63)) != 0
    }

    /// Whether `key` is a genitive (`-s`, `-'s`, `-'`) of a caller's name.
    pub(crate) fn genitive_part(&self, key: &[u8]) -> bool {
        [b"'s".as_slice(), b"s", b"'"].iter().any(|e| {
            key.strip_suffix(*e).is_some_and(|s| {
                let (f, l) = self.part(s);
                f | l != 0
            })
        })
    }

    /// The names `key` is the first and the last word of.
    pub(crate) fn part(&self, key: &[u8]) -> (u64, u64) {
        self.parts.get(key).copied().unwrap_or((0, 0))
    }

    /// Whether the full name of one of `names` occurs, as whole words, in
    /// the [`LOOK_BACK`] bytes before `at`.
    pub(crate) fn seen_before(&self, h: &[u8], at: usize, names: u64) -> bool {
        let Some(ac) = &self.full else { return false };
        let lo = at.saturating_sub(LOOK_BACK);
        let hay = &h[lo..at];
        ac.find_iter(hay).any(|m| {
            let id = self.ids[m.pattern().as_usize()];
            names & (1 << id) != 0
                && !word::decode_back(hay, m.start())
                    .is_some_and(|(c, _)| c.is_alphanumeric())
                && !word::decode(hay, m.end())
                    .is_some_and(|(c, _)| c.is_alphanumeric())
        })
    }
}
