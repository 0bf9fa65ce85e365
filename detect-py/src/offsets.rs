//! Byte offsets to code-point and UTF-16 offsets, in one pass.
//!
//! detect-core reports byte offsets. Python indexes a `str` by code point,
//! and JavaScript, Java and most editors count UTF-16 units. Findings come
//! left to right and never overlap, so their offsets only ever grow: one
//! cursor walks the text once, up to the last finding, instead of counting
//! from the start for every offset.

/// Walks a UTF-8 text forwards, counting code points and UTF-16 units.
pub(crate) struct Cursor<'a> {
    text: &'a [u8],
    ascii: bool,
    byte: usize,
    cp: usize,
    utf16: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`. For an ASCII text every offset is
    /// the same in all three units and nothing is walked.
    pub(crate) fn new(text: &'a [u8]) -> Cursor<'a> {
        Cursor { text, ascii: text.is_ascii(), byte: 0, cp: 0, utf16: 0 }
    }

    /// The code-point and UTF-16 offsets of byte offset `to`, which must
    /// not lie before the previous call's. Byte offsets inside a character
    /// count that character as begun.
    pub(crate) fn advance(&mut self, to: usize) -> (usize, usize) {
        if self.ascii {
            return (to, to);
        }
        let to = to.min(self.text.len());
        if to < self.byte {
            // Not expected (findings are ordered); start over rather than
            // give a wrong answer.
            self.byte = 0;
            self.cp = 0;
            self.utf16 = 0;
        }
        let (mut cp, mut utf16) = (self.cp, self.utf16);
        for &b in &self.text[self.byte..to] {
            // Every byte but a continuation byte starts a code point; a
            // four-byte sequence (lead byte 0xF0 or above) is a surrogate
            // pair in UTF-16.
            let starts = usize::from(b & 0xC0 != 0x80);
            cp += starts;
            utf16 += starts + usize::from(b >= 0xF0);
        }
        self.byte = to;
        self.cp = cp;
        self.utf16 = utf16;
        (cp, utf16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(s: &str, byte: usize) -> (usize, usize) {
        let p = &s[..byte];
        (p.chars().count(), p.encode_utf16().count())
    }

    #[test]
    fn ascii_is_identity() {
        let mut c = Cursor::new(b"fnr 01018000055");
        assert_eq!(c.advance(4), (4, 4));
        assert_eq!(c.advance(15), (15, 15));
    }

    #[test]
    fn mixed_text_matches_naive() {
        let s = "Søknad æøå e\u{301} 😀 fnr 010180 00055 — ÆØÅ 🇳🇴 x";
        let mut c = Cursor::new(s.as_bytes());
        let stops: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
        for &b in stops.iter().chain(core::iter::once(&s.len())) {
            assert_eq!(c.advance(b), naive(s, b), "at byte {b}");
        }
    }

    #[test]
    fn going_back_restarts() {
        let s = "æ1ø2";
        let mut c = Cursor::new(s.as_bytes());
        assert_eq!(c.advance(5), (3, 3));
        assert_eq!(c.advance(2), (1, 1));
    }
}
