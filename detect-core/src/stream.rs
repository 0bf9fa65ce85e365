//! Scanning input that arrives in chunks, with the same findings as
//! scanning it whole, in bounded memory.

use crate::kind::Confidence;
use crate::scanner::{Match, Scanner, Search};

/// Bytes a candidate's own decision may need after its start: the longest
/// written shape (13 fullwidth digits and two separators), the boundary
/// look-ahead (a separator and five digits) and the word check of a
/// keyword at the window's edge.
const SHAPE_AHEAD: usize = 128;
/// Bytes looked at before a window: boundary look-behind, the URL check
/// (256 bytes) and the word check of a keyword.
const SHAPE_BEHIND: usize = 256 + 64;

/// A scanner over a stream of chunks. Created by [`Scanner::stream`].
///
/// Findings are reported through a callback as soon as enough of the
/// stream has arrived to decide them; their offsets count from the start
/// of the stream. The memory held between chunks is bounded by the context
/// window (a few KiB), whatever the stream's length.
///
/// ```
/// use detect_core::Scanner;
///
/// let sc = Scanner::new();
/// let text = b"fnr 010180 00055; cpr 010180-1004";
/// let mut found = Vec::new();
/// let mut st = sc.stream();
/// for chunk in text.chunks(5) {
///     st.feed(chunk, |m| found.push(m));
/// }
/// st.finish(|m| found.push(m));
/// assert_eq!(found, sc.find_iter(text).collect::<Vec<_>>());
/// ```
#[derive(Clone, Debug)]
pub struct StreamScanner {
    /// The scanner, set to report every candidate: a finding below the
    /// threshold still owns its span, which decides where the search
    /// resumes.
    all: Scanner,
    min: Confidence,
    buf: Vec<u8>,
    /// The stream offset of `buf[0]`.
    base: usize,
    /// The stream offset where the search goes on.
    resume: usize,
    ahead: usize,
    behind: usize,
}

impl Scanner {
    /// A streaming scanner with this scanner's options.
    pub fn stream(&self) -> StreamScanner {
        let (before, after) = self.context_window();
        StreamScanner {
            all: self.with_min_confidence(Confidence::Low),
            min: self.min_confidence(),
            buf: Vec::new(),
            base: 0,
            resume: 0,
            // A character is at most four bytes.
            ahead: SHAPE_AHEAD.max(self.reach()) + 4 * after as usize,
            behind: SHAPE_BEHIND + 4 * before as usize,
        }
    }
}

impl StreamScanner {
    /// Adds the next chunk and reports the findings it settles.
    pub fn feed<F: FnMut(Match)>(&mut self, chunk: &[u8], mut f: F) {
        self.buf.extend_from_slice(chunk);
        let settled = self.base + self.buf.len().saturating_sub(self.ahead);
        self.search(settled, &mut f);
        // Keep what later decisions can look back at.
        let keep = self.resume.saturating_sub(self.behind).max(self.base);
        self.buf.drain(..keep - self.base);
        self.base = keep;
    }

    /// Ends the stream and reports the remaining findings.
    pub fn finish<F: FnMut(Match)>(mut self, mut f: F) {
        self.search(usize::MAX, &mut f);
    }

    /// The number of bytes of the stream seen so far.
    pub fn position(&self) -> usize {
        self.base + self.buf.len()
    }

    /// The stream offset before which every finding has been reported:
    /// no later finding starts before it. Bytes before it can be written
    /// out by a streaming redactor.
    pub fn settled(&self) -> usize {
        self.resume
    }

    /// Bytes held between chunks (for tests of the memory bound).
    pub fn buffered(&self) -> usize {
        self.buf.len()
    }

    /// Reports the findings that start before the stream offset `limit`.
    fn search(&mut self, limit: usize, f: &mut dyn FnMut(Match)) {
        let end = self.base + self.buf.len();
        // The buffer stays as it is during one search.
        let mut st = Search::default();
        loop {
            let from = self.resume - self.base;
            match self.all.find_in(&self.buf, from, &mut st) {
                Some(m) if self.base + m.start() < limit => {
                    if m.confidence() >= self.min {
                        f(m.offset(self.base));
                    }
                    self.resume = self.base + m.end();
                }
                _ => {
                    self.resume = self.resume.max(limit.min(end));
                    return;
                }
            }
        }
    }
}
