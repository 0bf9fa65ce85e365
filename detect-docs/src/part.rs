//! Text of one part, built from pieces of source text, with the map back
//! to those pieces so that a finding can be masked where it was written.

use std::collections::BTreeMap;
use std::ops::Range;

/// A stretch of part text copied from a text node.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seg {
    /// Byte range in the part text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Which file and which text node of it.
    pub(crate) file: usize,
    pub(crate) node: usize,
    /// Byte offset in the node's text where the stretch begins.
    pub(crate) off: usize,
}

/// The text of a part as it is being built.
#[derive(Debug, Default, Clone)]
pub(crate) struct PartText {
    pub(crate) location: String,
    pub(crate) text: String,
    pub(crate) segs: Vec<Seg>,
    /// Sub-locations (a cell reference) starting at a byte offset.
    pub(crate) cells: Vec<(usize, String)>,
    /// Stretches of part text read from the source that cannot be written
    /// back: a finding in one cannot be masked.
    pub(crate) fixed: Vec<Range<usize>>,
}

impl PartText {
    pub(crate) fn new(location: impl Into<String>) -> PartText {
        PartText { location: location.into(), ..PartText::default() }
    }

    /// Appends text that stands for itself (a separator, padding).
    pub(crate) fn push_virtual(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// Appends text read from the source that cannot be written back (a
    /// header name not found as it was written). [`PartText::map_range`]
    /// fails on a range that holds a letter or digit of it.
    pub(crate) fn push_fixed(&mut self, s: &str) {
        let start = self.text.len();
        self.text.push_str(s);
        self.fixed.push(start..self.text.len());
    }

    /// Appends the text of a node.
    pub(crate) fn push_node(&mut self, file: usize, node: usize, text: &str) {
        if text.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(text);
        self.segs.push(Seg {
            start,
            end: self.text.len(),
            file,
            node,
            off: 0,
        });
    }

    /// Ends the line unless it is empty or already ended.
    pub(crate) fn newline(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// Marks a cell (or other sub-location) starting here.
    pub(crate) fn mark_cell(&mut self, name: String) {
        self.cells.push((self.text.len(), name));
    }

    /// The sub-location holding byte `at`, if any.
    pub(crate) fn cell_at(&self, at: usize) -> Option<&str> {
        let i = self.cells.partition_point(|(s, _)| *s <= at);
        if i == 0 { None } else { Some(self.cells[i - 1].1.as_str()) }
    }

    /// Maps a range of part text to ranges in node texts, adding them to
    /// `edits`. False when the range holds a letter or digit of text that
    /// cannot be written back ([`PartText::push_fixed`]): masking the
    /// nodes alone would leave it in the file.
    #[must_use]
    pub(crate) fn map_range(
        &self,
        r: Range<usize>,
        edits: &mut Edits,
    ) -> bool {
        let fixed = self.fixed.iter().any(|f| {
            let (a, b) = (r.start.max(f.start), r.end.min(f.end));
            a < b
                && self
                    .text
                    .get(a..b)
                    .is_none_or(|t| t.chars().any(char::is_alphanumeric))
        });
        let first = self.segs.partition_point(|s| s.end <= r.start);
        for s in &self.segs[first..] {
            if s.start >= r.end {
                break;
            }
            let a = r.start.max(s.start);
            let b = r.end.min(s.end);
            if a < b {
                edits
                    .entry((s.file, s.node))
                    .or_default()
                    .push(s.off + (a - s.start)..s.off + (b - s.start));
            }
        }
        !fixed
    }
}

/// Byte ranges to mask in each (file, node).
pub(crate) type Edits = BTreeMap<(usize, usize), Vec<Range<usize>>>;

/// Masks every letter and digit of `text` whose first byte lies in one of
/// `ranges`: fullwidth ones become `＊`, others `*`; everything else stays.
/// The result has the same number of characters.
pub(crate) fn mask(text: &str, ranges: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() && ranges.iter().any(|r| r.contains(&i)) {
            if ('\u{FF10}'..='\u{FF5A}').contains(&c) {
                out.push('\u{FF0A}');
            } else {
                out.push('*');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// 1-based line and column (in characters) of byte `at` of `text`.
pub(crate) fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = floor_boundary(text, at);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_per_character() {
        assert_eq!(
            mask("Ørjan Ås 010180", std::slice::from_ref(&(0..10))),
            "***** ** 010180"
        );
        assert_eq!(mask("x０１y", std::slice::from_ref(&(1..7))), "x＊＊y");
    }

    #[test]
    fn maps_across_nodes() {
        let mut p = PartText::new("x");
        p.push_node(0, 0, "fnr 0101");
        p.push_node(0, 1, "80");
        p.push_virtual("\n");
        p.push_node(0, 2, "00055");
        let mut e = Edits::new();
        assert!(p.map_range(4..15, &mut e));
        assert_eq!(e[&(0, 0)], vec![4..8]);
        assert_eq!(e[&(0, 1)], vec![0..2]);
        assert_eq!(e[&(0, 2)], vec![0..4]);
        assert_eq!(line_col(&p.text, 11), (2, 1));
    }

    #[test]
    fn fixed_text_fails_to_map() {
        let mut p = PartText::new("x");
        p.push_fixed("fnr 0101");
        p.push_virtual(": ");
        p.push_node(0, 0, "8000055");
        let mut e = Edits::new();
        assert!(!p.map_range(4..17, &mut e));
        assert!(p.map_range(10..17, &mut e));
        // only separators of the fixed text
        assert!(p.map_range(3..4, &mut e));
    }
}
