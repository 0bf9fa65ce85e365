//! Scanning inputs: collecting the files to scan, telling documents from
//! text, and scanning one input — a document through `detect_docs`, a
//! regular text file as one slice of memory (mapped when large), anything
//! else as a stream of fixed-size chunks.

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use detect_core::{Confidence, Kind, Match, RedactStyle, Scanner};
use detect_docs::{Format, Limits, Unscanned};

/// Bytes read at a time from a stream. Memory per worker is this plus
/// the few KiB the stream scanner keeps between chunks, whatever the
/// input's size.
pub(crate) const CHUNK: usize = 1 << 20;

/// Regular files at least this large are mapped into memory instead of
/// read into a buffer (see [`map`]).
pub(crate) const MAP_MIN: u64 = 1 << 20;

/// Text files larger than this are streamed, not mapped, so that the
/// resident memory stays a few MiB whatever the size (a mapped file's
/// pages count as resident while they are in the page cache).
pub(crate) const MAP_MAX: u64 = 1 << 30;

/// Bytes looked at for a NUL to call a file binary (`--no-documents`).
const BINARY_SNIFF: usize = 8 << 10;

/// Bytes of a file's start that decide between text and a format not
/// known, when the format is not a container.
const SNIFF: usize = 64 << 10;

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
/// paths' order, and within a directory sorted by file name. The flag
/// tells whether a directory was walked.
pub(crate) fn collect(paths: &[OsString], follow: bool) -> (Vec<Input>, bool) {
    let mut out = Vec::new();
    let mut walked = false;
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
            Ok(md) if md.is_dir() => {
                walked = true;
                walk(path, follow, &mut out);
            }
            Ok(_) => out.push(Input::File(path.to_path_buf())),
            Err(e) => out.push(Input::Error(format!(
                "{}: {}",
                path.display(),
                io_cause(&e)
            ))),
        }
    }
    (out, walked)
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
    /// Byte offsets from the start of the input (of the part's text, for
    /// a document).
    pub(crate) start: u64,
    pub(crate) end: u64,
    /// 1-based line of the start.
    pub(crate) line: u64,
    /// 1-based column of the start, in bytes.
    pub(crate) column: u64,
    /// 1-based column of the start, in characters (for SARIF; 0 unless
    /// [`Job::char_columns`]).
    pub(crate) char_column: u64,
    /// 1-based line and character column just past the end (the column
    /// 0 unless [`Job::char_columns`]).
    pub(crate) end_line: u64,
    pub(crate) end_char_column: u64,
    /// The value as reported (masked unless --show-values): a range of
    /// [`Batch::text`].
    value: Range<usize>,
    /// The part of a document (masked), a range of [`Batch::text`].
    part: Option<Range<usize>>,
}

/// Findings of one stretch of an input. Their values and parts share one
/// buffer, so a finding costs no allocation of its own.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    pub(crate) found: Vec<Finding>,
    /// UTF-8 by construction: every piece is checked as it is added.
    text: Vec<u8>,
}

impl Batch {
    fn str(&self, r: Range<usize>) -> &str {
        std::str::from_utf8(&self.text[r]).unwrap_or("")
    }

    /// The reported value of `f`, one of this batch's findings.
    pub(crate) fn value(&self, f: &Finding) -> &str {
        self.str(f.value.clone())
    }

    /// The part of a document `f` lies in, if any.
    pub(crate) fn part(&self, f: &Finding) -> Option<&str> {
        f.part.clone().map(|r| self.str(r))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    fn push_str(&mut self, s: &str) -> Range<usize> {
        let a = self.text.len();
        self.text.extend_from_slice(s.as_bytes());
        a..self.text.len()
    }

    /// Appends the value of `m`, whose bytes are `span`, masked unless
    /// `show`; returns its range in the buffer.
    fn push_value(
        &mut self,
        m: &Match,
        span: &[u8],
        show: bool,
    ) -> Range<usize> {
        let a = self.text.len();
        if show {
            self.text.extend_from_slice(span);
        } else {
            m.redact_span(span, RedactStyle::KeepBirthdate, &mut self.text);
        }
        if std::str::from_utf8(&self.text[a..]).is_err() {
            let s = String::from_utf8_lossy(&self.text[a..]).into_owned();
            self.text.truncate(a);
            self.text.extend_from_slice(s.as_bytes());
        }
        a..self.text.len()
    }
}

/// What reading one input gave.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// Read, as this format; the findings went to the caller's `emit`.
    /// `unscanned` lists what could not be read (the input is then not
    /// clean, whatever was found).
    Read { format: Format, unscanned: Vec<Unscanned> },
    /// Skipped as binary (`--no-documents`): a NUL in the first 8 KiB.
    Binary,
}

impl Outcome {
    fn text() -> Outcome {
        Outcome::Read { format: Format::Text, unscanned: Vec::new() }
    }
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

/// Lines of a haystack held whole, counted lazily: only the bytes from
/// the last finding to the next are looked at, once.
struct Lines<'h> {
    hay: &'h [u8],
    /// Offset reached.
    pos: usize,
    /// 1-based line at `pos`.
    line: u64,
    /// Where that line starts.
    line_start: usize,
    /// Whether columns in characters are wanted (SARIF); counting them
    /// costs a pass over each finding's line.
    chars: bool,
}

impl<'h> Lines<'h> {
    fn new(hay: &'h [u8], chars: bool) -> Lines<'h> {
        Lines { hay, pos: 0, line: 1, line_start: 0, chars }
    }

    /// Moves to `at` (not before the offset reached); returns the line
    /// and the line's start.
    fn to(&mut self, at: usize) -> (u64, usize) {
        let gap = &self.hay[self.pos..at];
        if let Some(i) = memchr::memrchr(b'\n', gap) {
            self.line += memchr::memchr_iter(b'\n', gap).count() as u64;
            self.line_start = self.pos + i + 1;
        }
        self.pos = at;
        (self.line, self.line_start)
    }

    /// Adds the finding `m` of this haystack to `batch`.
    fn push(
        &mut self,
        m: &Match,
        show: bool,
        part: Option<Range<usize>>,
        batch: &mut Batch,
    ) {
        let (s, e) = (m.start(), m.end());
        let (line, line_start) = self.to(s);
        let span = &self.hay[s..e];
        let (char_column, end_line, end_char_column) = if self.chars {
            let c = count_chars(&self.hay[line_start..s]) + 1;
            match memchr::memrchr(b'\n', span) {
                None => (c, line, c + count_chars(span)),
                Some(i) => (
                    c,
                    line + memchr::memchr_iter(b'\n', span).count() as u64,
                    count_chars(&span[i + 1..]) + 1,
                ),
            }
        } else {
            (0, line + memchr::memchr_iter(b'\n', span).count() as u64, 0)
        };
        let value = batch.push_value(m, span, show);
        batch.found.push(Finding {
            kind: m.kind(),
            confidence: m.confidence(),
            start: s as u64,
            end: e as u64,
            line,
            column: (s - line_start + 1) as u64,
            char_column,
            end_line,
            end_char_column,
            value,
            part,
        });
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

/// Maps `file` (a regular file) into memory, read-only.
///
/// Mapping saves the copy a `read` makes and the memory to hold it: the
/// scanner reads the page cache directly.
pub(crate) fn map(file: &File) -> io::Result<memmap2::Mmap> {
    // SAFETY: the map is private and read-only and nothing here writes
    // the file, but another process may change the file while it is
    // mapped. Changed bytes are then read as they are — a scan of a file
    // being written is a race however it is read. If the file is
    // truncated, reading a page past its new end raises SIGBUS and the
    // process dies by that signal: loudly, never with a report that the
    // file is clean. Those are the accepted risks of mapping (ripgrep takes
    // the same); `map_is_used_and_agrees_with_the_stream` covers this path.
    unsafe { memmap2::Mmap::map(file) }
}

/// The bytes of a regular file: mapped when large, else read into the
/// worker's reused buffer.
pub(crate) enum Loaded {
    Map(memmap2::Mmap),
    Buf,
}

/// Loads a regular file of `len` bytes (its size when opened).
pub(crate) fn load(
    mut file: &File,
    len: u64,
    buf: &mut Vec<u8>,
) -> io::Result<Loaded> {
    if len >= MAP_MIN
        && let Ok(m) = map(file)
    {
        // Read ahead: the scanner goes through the file once, in order.
        let _ = m.advise(memmap2::Advice::Sequential);
        return Ok(Loaded::Map(m));
    }
    buf.clear();
    file.read_to_end(buf)?;
    Ok(Loaded::Buf)
}

/// Whether a file called `name` holding `bytes` is read as a document
/// (through `detect_docs`), and its format. Containers are judged on all
/// their bytes, the rest on their first [`SNIFF`] bytes, so deciding that
/// a large file is text costs nothing.
pub(crate) fn classify(name: &str, bytes: &[u8]) -> Format {
    let container = bytes.starts_with(b"PK")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if container || bytes.len() <= SNIFF {
        return Format::detect(name, bytes);
    }
    let mut head = &bytes[..SNIFF];
    // Do not cut a UTF-8 character in two.
    if let Err(e) = std::str::from_utf8(head)
        && e.error_len().is_none()
    {
        head = &head[..e.valid_up_to()];
    }
    Format::detect(name, head)
}

/// Whether text of this format and these bytes can be scanned as the
/// bytes are (UTF-8 or a single-byte code page), not decoded first.
pub(crate) fn raw_text(format: Format, bytes: &[u8]) -> bool {
    format == Format::Text
        && !bytes.starts_with(&[0xFF, 0xFE])
        && !bytes.starts_with(&[0xFE, 0xFF])
}

/// Scans one input.
pub(crate) struct Job<'a> {
    pub(crate) scanner: &'a Scanner,
    pub(crate) show_values: bool,
    /// Read documents through `detect_docs` (off: `--no-documents`).
    pub(crate) documents: bool,
    /// Read binary files (a format not known) as text: `--binary`.
    pub(crate) binary: bool,
    pub(crate) limits: &'a Limits,
    /// Count columns in characters as well as in bytes (for SARIF).
    pub(crate) char_columns: bool,
    /// Bytes read so far, for the progress line.
    pub(crate) bytes_read: &'a AtomicU64,
}

/// A worker's buffers, kept from one input to the next.
#[derive(Default)]
pub(crate) struct Buffers {
    file: Vec<u8>,
    chunk: Vec<u8>,
}

impl Job<'_> {
    /// Opens and scans `input` (a file or stdin). Findings are handed to
    /// `emit` batch by batch, in order, so a large input's findings are
    /// printed as it is read. When `emit` returns false (no one reads the
    /// report any more), the scan stops early.
    pub(crate) fn run(
        &self,
        input: &Input,
        bufs: &mut Buffers,
        emit: &mut dyn FnMut(Batch) -> bool,
    ) -> io::Result<Outcome> {
        match input {
            Input::Stdin => self.stream(io::stdin().lock(), bufs, emit),
            Input::File(p) => {
                let file = File::open(p)?;
                let md = file.metadata()?;
                if !md.is_file() {
                    // A FIFO or a device named on the command line.
                    return self.stream(file, bufs, emit);
                }
                if md.len() > MAP_MAX && self.huge_text(p, &file)? {
                    return self.stream(file, bufs, emit);
                }
                let loaded = load(&file, md.len(), &mut bufs.file)?;
                let bytes: &[u8] = match &loaded {
                    Loaded::Map(m) => m,
                    Loaded::Buf => &bufs.file,
                };
                let name = p.to_string_lossy();
                self.bytes(&name, bytes, emit)
            }
            Input::Error(_) | Input::Notice(_) => Ok(Outcome::text()),
        }
    }

    /// Whether a file over [`MAP_MAX`] is text, to be streamed; `file` is
    /// left at its start either way.
    fn huge_text(&self, path: &Path, mut file: &File) -> io::Result<bool> {
        use std::io::Seek;
        let mut head = vec![0; SNIFF];
        let n = read_full(&mut file, &mut head)?;
        head.truncate(n);
        file.rewind()?;
        Ok(!self.documents
            || raw_text(classify(&path.to_string_lossy(), &head), &head))
    }

    /// Scans the whole content of a regular file.
    fn bytes(
        &self,
        name: &str,
        bytes: &[u8],
        emit: &mut dyn FnMut(Batch) -> bool,
    ) -> io::Result<Outcome> {
        if !self.documents {
            let sniff = &bytes[..bytes.len().min(BINARY_SNIFF)];
            if !self.binary && memchr::memchr(0, sniff).is_some() {
                return Ok(Outcome::Binary);
            }
            self.text(bytes, emit);
            return Ok(Outcome::text());
        }
        let format = classify(name, bytes);
        if raw_text(format, bytes)
            || (format == Format::Unknown && self.binary)
        {
            self.text(bytes, emit);
            return Ok(Outcome::Read { format, unscanned: Vec::new() });
        }
        if format == Format::Unknown {
            self.bytes_read.fetch_add(bytes.len() as u64, Ordering::Relaxed);
            return Ok(Outcome::Read {
                format,
                unscanned: vec![Unscanned {
                    location: String::new(),
                    reason: "format not known".into(),
                }],
            });
        }
        let r =
            detect_docs::scan_parts(self.scanner, name, bytes, self.limits);
        self.bytes_read.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        let mut batch = Batch::default();
        for p in &r.parts {
            let mut lines =
                Lines::new(p.part.text.as_bytes(), self.char_columns);
            for f in &p.findings {
                let part = Some(batch.push_str(&f.location));
                lines.push(&f.m, self.show_values, part, &mut batch);
            }
        }
        if !batch.is_empty() {
            emit(batch);
        }
        Ok(Outcome::Read { format: r.format, unscanned: r.unscanned })
    }

    /// Scans text held whole, handing the findings to `emit` about every
    /// [`CHUNK`] bytes.
    fn text(&self, hay: &[u8], emit: &mut dyn FnMut(Batch) -> bool) {
        let mut lines = Lines::new(hay, self.char_columns);
        let mut batch = Batch::default();
        let mut reported = 0;
        for m in self.scanner.find_iter(hay) {
            if m.start() >= reported + CHUNK {
                let upto = m.start();
                self.bytes_read
                    .fetch_add((upto - reported) as u64, Ordering::Relaxed);
                reported = upto;
                if !batch.is_empty() && !emit(std::mem::take(&mut batch)) {
                    return;
                }
            }
            lines.push(&m, self.show_values, None, &mut batch);
        }
        self.bytes_read
            .fetch_add((hay.len() - reported) as u64, Ordering::Relaxed);
        if !batch.is_empty() {
            emit(batch);
        }
    }

    /// Scans `r` in chunks of [`CHUNK`] bytes, handing the findings of
    /// each chunk to `emit`. Streams are read as text.
    pub(crate) fn stream<R: Read>(
        &self,
        mut r: R,
        bufs: &mut Buffers,
        emit: &mut dyn FnMut(Batch) -> bool,
    ) -> io::Result<Outcome> {
        let buf = &mut bufs.chunk;
        buf.resize(CHUNK, 0);
        let mut stream = self.scanner.stream();
        // The bytes from `at.pos` to the end of the stream read so far.
        let mut pending: Vec<u8> = Vec::new();
        let mut at = Position::START;
        let mut found = Batch::default();
        let mut matches = Vec::new();
        let mut first = true;
        loop {
            let n = read_full(&mut r, buf)?;
            if first && !self.binary {
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
                return Ok(Outcome::text());
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
        Ok(Outcome::text())
    }

    /// Turns the matches into findings; `pending` starts at `at.pos`.
    fn take(
        &self,
        matches: &mut Vec<Match>,
        pending: &mut Vec<u8>,
        at: &mut Position,
        found: &mut Batch,
    ) {
        let base = at.pos;
        for m in matches.drain(..) {
            let (s, e) = (m.start() as u64, m.end() as u64);
            let off = (at.pos - base) as usize;
            at.advance(&pending[off..(s - base) as usize]);
            let span = &pending[(s - base) as usize..(e - base) as usize];
            let mut end = *at;
            end.advance(span);
            let value = found.push_value(&m, span, self.show_values);
            found.found.push(Finding {
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
                part: None,
            });
        }
        let off = (at.pos - base) as usize;
        pending.drain(..off);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job<'a>(
        sc: &'a Scanner,
        limits: &'a Limits,
        n: &'a AtomicU64,
    ) -> Job<'a> {
        Job {
            scanner: sc,
            show_values: true,
            documents: true,
            binary: false,
            limits,
            char_columns: true,
            bytes_read: n,
        }
    }

    type Flat = Vec<(Finding, String)>;

    fn collect_into(all: &mut Flat) -> impl FnMut(Batch) -> bool + '_ {
        |b: Batch| {
            for f in &b.found {
                all.push((f.clone(), b.value(f).to_string()));
            }
            true
        }
    }

    fn scan_chunks(text: &[u8]) -> Flat {
        let (sc, limits, n) =
            (Scanner::new(), Limits::default(), AtomicU64::new(0));
        let mut all = Vec::new();
        let out = job(&sc, &limits, &n)
            .stream(text, &mut Buffers::default(), &mut collect_into(&mut all))
            .unwrap();
        assert!(matches!(out, Outcome::Read { .. }));
        all
    }

    fn scan_whole(text: &[u8]) -> Flat {
        let (sc, limits, n) =
            (Scanner::new(), Limits::default(), AtomicU64::new(0));
        let mut all = Vec::new();
        job(&sc, &limits, &n).text(text, &mut collect_into(&mut all));
        assert_eq!(n.load(Ordering::Relaxed), text.len() as u64);
        all
    }

    fn same(a: &Flat, b: &Flat) {
        assert_eq!(a.len(), b.len());
        for ((f, v), (g, w)) in a.iter().zip(b) {
            assert_eq!(
                (f.start, f.end, f.line, f.column, f.char_column),
                (g.start, g.end, g.line, g.column, g.char_column)
            );
            assert_eq!(
                (f.end_line, f.end_char_column),
                (g.end_line, g.end_char_column)
            );
            assert_eq!((f.kind, f.confidence, v), (g.kind, g.confidence, w));
        }
    }

    #[test]
    fn lines_and_columns() {
        let text = "a\nfnr 010180 00055\r\nø: 010180-1004 x";
        let f = scan_chunks(text.as_bytes());
        assert_eq!(f.len(), 2);
        assert_eq!(
            (f[0].0.line, f[0].0.column, f[0].0.char_column),
            (2, 5, 5)
        );
        assert_eq!(f[0].1, "010180 00055");
        let (s, e) = (f[0].0.start as usize, f[0].0.end as usize);
        assert_eq!(&text[s..e], f[0].1);
        assert_eq!(
            (f[1].0.line, f[1].0.column, f[1].0.char_column),
            (3, 5, 4)
        );
        assert_eq!((f[1].0.end_line, f[1].0.end_char_column), (3, 15));
        same(&f, &scan_whole(text.as_bytes()));
    }

    #[test]
    fn straddling_a_chunk() {
        let mut text = vec![b'x'; CHUNK - 5];
        text.extend_from_slice(b" fnr 01018000055\nline");
        let f = scan_chunks(&text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0.start as usize, CHUNK - 5 + 5);
        assert_eq!(f[0].0.column as usize, CHUNK - 5 + 5 + 1);
        assert_eq!(f[0].0.confidence, Confidence::High);
        same(&f, &scan_whole(&text));
    }

    /// Many lines, long and short, non-ASCII, findings in batches: the
    /// whole-slice path (lazy line counting) agrees with the stream path.
    fn big_text() -> Vec<u8> {
        let mut text = Vec::new();
        for i in 0..80_000 {
            match i % 4 {
                0 => text.extend_from_slice(
                    "søker fnr 010180 00055 og ".as_bytes(),
                ),
                1 => text.extend_from_slice(b"\n\n"),
                2 => text.extend_from_slice("ø".repeat(i % 97).as_bytes()),
                _ => text.extend_from_slice(b"CPR 010180-1004\n"),
            }
        }
        text
    }

    #[test]
    fn whole_slice_agrees_with_the_stream() {
        let text = big_text();
        assert!(text.len() > 2 * CHUNK);
        let a = scan_chunks(&text);
        assert_eq!(a.len(), 40_000);
        same(&a, &scan_whole(&text));
    }

    /// The mapped path (the one `unsafe` block) is taken for a large
    /// regular file and reads what the stream reads.
    #[test]
    fn map_is_used_and_agrees_with_the_stream() {
        let text = big_text();
        let mut f = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut f, &text).unwrap();
        let mut buf = Vec::new();
        let loaded = load(&f, text.len() as u64, &mut buf).unwrap();
        let Loaded::Map(m) = loaded else { panic!("not mapped") };
        assert!(buf.is_empty());
        assert_eq!(&m[..], &text[..]);
        same(&scan_chunks(&text), &scan_whole(&m));
        // Small files are read into the buffer.
        let mut g = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut g, b"fnr 01018000055").unwrap();
        std::io::Seek::rewind(&mut g).unwrap();
        assert!(matches!(load(&g, 15, &mut buf).unwrap(), Loaded::Buf));
        assert_eq!(buf, b"fnr 01018000055");
    }

    #[test]
    fn classify_by_head_and_container() {
        let mut text = "ø fnr 01018000055\n".repeat(10_000).into_bytes();
        assert_eq!(classify("a.txt", &text), Format::Text);
        // A character cut by the sniff window is not a reason for binary.
        text.insert(0, b'x');
        assert_eq!(classify("a.txt", &text), Format::Text);
        assert_eq!(classify("a.bin", &[0u8, 1, 2, 0xff]), Format::Unknown);
        assert_eq!(classify("a.html", b"<p>x</p>"), Format::Html);
    }
}
