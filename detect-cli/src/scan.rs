//! Scanning inputs: collecting the files to scan, and scanning one input as
//! a stream of fixed-size chunks.

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use detect_core::{Confidence, Kind, Match, RedactStyle, Scanner};

/// Bytes read at a time. Memory per worker is this plus the few KiB the
/// stream scanner keeps between chunks, whatever the input's size.
pub(crate) const CHUNK: usize = 1 << 20;

/// Bytes looked at for a NUL to call a file binary.
const BINARY_SNIFF: usize = 8 << 10;

/// One thing to scan, or a problem met while collecting them.
#[derive(Debug)]
pub(crate) enum Input {
    Stdin,
    File(PathBuf),
    /// A path that could not be read while walking; the message names it.
    Error(String),
    /// A notice (a symlink loop skipped); not an error.
    Notice(String),
}

impl Input {
    /// The name shown in reports.
    pub(crate) fn display(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => p.display().to_string(),
            Input::Error(_) | Input::Notice(_) => String::new(),
        }
    }
}

/// Expands the command-line paths into inputs, in a fixed order: the
/// paths' order, and within a directory sorted by file name.
pub(crate) fn collect(paths: &[OsString], follow: bool) -> Vec<Input> {
    let mut out = Vec::new();
    if paths.is_empty() {
        out.push(Input::Stdin);
    }
    for p in paths {
        if p == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        // A path named on the command line is followed even if it is a
        // link, as `cat` would; a dangling one fails when opened.
        match std::fs::metadata(path) {
            Ok(md) if md.is_dir() => walk(path, follow, &mut out),
            Ok(_) => out.push(Input::File(path.to_path_buf())),
            Err(e) => out.push(Input::Error(format!(
                "{}: {}",
                path.display(),
                io_cause(&e)
            ))),
        }
    }
    out
}

fn walk(dir: &Path, follow: bool, out: &mut Vec<Input>) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(follow)
        .follow_root_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(e) => {
                let ft = e.file_type();
                // Without --follow a link is skipped (as ripgrep does);
                // sockets, FIFOs and devices are never opened from inside
                // a directory, since reading them can block forever.
                if ft.is_file() {
                    out.push(Input::File(e.into_path()));
                }
            }
            Err(e) if e.loop_ancestor().is_some() => {
                let path = e.path().unwrap_or(dir);
                out.push(Input::Notice(format!(
                    "{}: symbolic link loop skipped",
                    path.display()
                )));
            }
            Err(e) => {
                let path = e.path().unwrap_or(dir).display().to_string();
                let cause = match e.io_error() {
                    Some(io) => io_cause(io),
                    None => e.to_string(),
                };
                out.push(Input::Error(format!("{path}: {cause}")));
            }
        }
    }
}

/// An I/O error's cause without the "(os error N)" suffix.
pub(crate) fn io_cause(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// One reported finding, with its place in the input.
#[derive(Clone, Debug)]
pub(crate) struct Finding {
    pub(crate) kind: Kind,
    pub(crate) confidence: Confidence,
    /// Byte offsets from the start of the input.
    pub(crate) start: u64,
    pub(crate) end: u64,
    /// 1-based line of the start.
    pub(crate) line: u64,
    /// 1-based column of the start, in bytes.
    pub(crate) column: u64,
    /// 1-based column of the start, in characters (for SARIF).
    pub(crate) char_column: u64,
    /// 1-based line and character column just past the end.
    pub(crate) end_line: u64,
    pub(crate) end_char_column: u64,
    /// The value as reported: masked unless --show-values.
    pub(crate) value: String,
}

/// What scanning one input gave.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// Scanned; the findings went to the caller's `emit`.
    Scanned,
    /// Skipped: a NUL byte in the first 8 KiB.
    Binary,
}

/// The line and column of a stream offset, advanced over the bytes in
/// order.
#[derive(Clone, Copy, Debug)]
struct Position {
    /// Stream offset reached.
    pos: u64,
    /// 1-based line at `pos`.
    line: u64,
    /// Stream offset where that line starts.
    line_start: u64,
    /// Characters (UTF-8 lead bytes) from `line_start` to `pos`.
    chars: u64,
}

impl Position {
    const START: Position =
        Position { pos: 0, line: 1, line_start: 0, chars: 0 };

    fn advance(&mut self, bytes: &[u8]) {
        match memchr::memrchr(b'\n', bytes) {
            Some(i) => {
                self.line += memchr::memchr_iter(b'\n', bytes).count() as u64;
                self.line_start = self.pos + i as u64 + 1;
                self.chars = count_chars(&bytes[i + 1..]);
            }
            None => self.chars += count_chars(bytes),
        }
        self.pos += bytes.len() as u64;
    }
}

/// Characters in `bytes`, counting every byte that does not continue a
/// UTF-8 sequence (so broken UTF-8 counts one per stray byte).
fn count_chars(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64
}

/// Reads until `buf` is full or the input ends; returns the bytes read.
pub(crate) fn read_full<R: Read>(
    r: &mut R,
    buf: &mut [u8],
) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Scans one input as a stream.
pub(crate) struct Job<'a> {
    pub(crate) scanner: &'a Scanner,
    pub(crate) show_values: bool,
    pub(crate) skip_binary: bool,
    /// Bytes read so far, for the progress line.
    pub(crate) bytes_read: &'a AtomicU64,
}

impl Job<'_> {
    /// Opens and scans `input` (a file or stdin). Findings are handed to
    /// `emit` chunk by chunk, in order, so a large input is never held in
    /// memory with all its findings.
    /// When `emit` returns false (no one reads the report any more), the
    /// scan stops early.
    pub(crate) fn run(
        &self,
        input: &Input,
        buf: &mut Vec<u8>,
        emit: &mut dyn FnMut(Vec<Finding>) -> bool,
    ) -> io::Result<Outcome> {
        match input {
            Input::Stdin => self.scan(io::stdin().lock(), buf, emit),
            Input::File(p) => self.scan(File::open(p)?, buf, emit),
            Input::Error(_) | Input::Notice(_) => Ok(Outcome::Scanned),
        }
    }

    /// Scans `r` in chunks of [`CHUNK`] bytes, handing the findings of
    /// each chunk to `emit`.
    pub(crate) fn scan<R: Read>(
        &self,
        mut r: R,
        buf: &mut Vec<u8>,
        emit: &mut dyn FnMut(Vec<Finding>) -> bool,
    ) -> io::Result<Outcome> {
        buf.resize(CHUNK, 0);
        let mut stream = self.scanner.stream();
        // The bytes from `at.pos` to the end of the stream read so far.
        let mut pending: Vec<u8> = Vec::new();
        let mut at = Position::START;
        let mut found = Vec::new();
        let mut matches = Vec::new();
        let mut first = true;
        loop {
            let n = read_full(&mut r, buf)?;
            if first && self.skip_binary {
                let sniff = &buf[..n.min(BINARY_SNIFF)];
                if memchr::memchr(0, sniff).is_some() {
                    return Ok(Outcome::Binary);
                }
            }
            first = false;
            self.bytes_read.fetch_add(n as u64, Ordering::Relaxed);
            if n == 0 {
                break;
            }
            pending.extend_from_slice(&buf[..n]);
            stream.feed(&buf[..n], |m| matches.push(m));
            self.take(&mut matches, &mut pending, &mut at, &mut found);
            // Everything before `settled` is decided: drop it.
            let settled = stream.settled() as u64;
            let upto = (settled - at.pos) as usize;
            at.advance(&pending[..upto]);
            pending.drain(..upto);
            if !found.is_empty() && !emit(std::mem::take(&mut found)) {
                return Ok(Outcome::Scanned);
            }
            if n < buf.len() {
                break;
            }
        }
        stream.finish(|m| matches.push(m));
        self.take(&mut matches, &mut pending, &mut at, &mut found);
        if !found.is_empty() {
            emit(found);
        }
        Ok(Outcome::Scanned)
    }

    /// Turns the matches into findings; `pending` starts at `at.pos`.
    fn take(
        &self,
        matches: &mut Vec<Match>,
        pending: &mut Vec<u8>,
        at: &mut Position,
        found: &mut Vec<Finding>,
    ) {
        let base = at.pos;
        for m in matches.drain(..) {
            let (s, e) = (m.start() as u64, m.end() as u64);
            let off = (at.pos - base) as usize;
            at.advance(&pending[off..(s - base) as usize]);
            let span = &pending[(s - base) as usize..(e - base) as usize];
            let mut end = *at;
            end.advance(span);
            let value = if self.show_values {
                String::from_utf8_lossy(span).into_owned()
            } else {
                let mut v = Vec::with_capacity(span.len());
                m.redact_span(span, RedactStyle::KeepBirthdate, &mut v);
                String::from_utf8_lossy(&v).into_owned()
            };
            found.push(Finding {
                kind: m.kind(),
                confidence: m.confidence(),
                start: s,
                end: e,
                line: at.line,
                column: s - at.line_start + 1,
                char_column: at.chars + 1,
                end_line: end.line,
                end_char_column: end.chars + 1,
                value,
            });
        }
        let off = (at.pos - base) as usize;
        pending.drain(..off);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_chunks(text: &[u8]) -> Vec<Finding> {
        let sc = Scanner::new();
        let n = AtomicU64::new(0);
        let job = Job {
            scanner: &sc,
            show_values: true,
            skip_binary: true,
            bytes_read: &n,
        };
        let mut buf = Vec::new();
        let mut all = Vec::new();
        let mut emit = |f: Vec<Finding>| {
            all.extend(f);
            true
        };
        match job.scan(text, &mut buf, &mut emit).unwrap() {
            Outcome::Scanned => {}
            Outcome::Binary => panic!("binary"),
        }
        all
    }

    #[test]
    fn lines_and_columns() {
        let text = "a\nfnr 010180 00055\r\nø: 010180-1004 x";
        let f = scan_chunks(text.as_bytes());
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].line, f[0].column, f[0].char_column), (2, 5, 5));
        assert_eq!(f[0].value, "010180 00055");
        assert_eq!(&text[f[0].start as usize..f[0].end as usize], f[0].value);
        assert_eq!((f[1].line, f[1].column, f[1].char_column), (3, 5, 4));
        assert_eq!((f[1].end_line, f[1].end_char_column), (3, 15));
    }

    #[test]
    fn straddling_a_chunk() {
        let mut text = vec![b'x'; CHUNK - 5];
        text.extend_from_slice(b" fnr 01018000055\nline");
        let f = scan_chunks(&text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].start as usize, CHUNK - 5 + 5);
        assert_eq!(f[0].column as usize, CHUNK - 5 + 5 + 1);
        assert_eq!(f[0].confidence, Confidence::High);
    }
}
