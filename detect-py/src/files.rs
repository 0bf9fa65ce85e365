//! Documents: `Scanner.scan_file`, `Scanner.redact_file` and their
//! module-level forms, on `detect_docs` (issue 16; the command line does
//! the same in `detect-cli`: `sladd scan FILE`, `sladd redact FILE -o`).
//!
//! The file is read, extracted and scanned (or redacted) with the GIL
//! released. Nothing unread is ever clean: `FileReport.clean` is false
//! while anything is unscanned, and `redact_file` writes nothing for a
//! file with an unscanned part. The output is written atomically: to a
//! temporary file in the target's directory, renamed over the target once
//! complete.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use detect_core::{RedactStyle, Scanner as Core};
use detect_docs::{Format, Limits, Redacted};
use pyo3::exceptions::{PyIsADirectoryError, PyOSError};
use pyo3::prelude::*;

use crate::errors::{SladdError, guard};
use crate::{Found, Match, offsets};

/// One finding in a document: the part it lies in, its line and column
/// there, and the ``Match`` (offsets in code points into that part's
/// text). ``repr`` masks the value.
///
/// >>> import pathlib, tempfile
/// >>> d = tempfile.TemporaryDirectory()
/// >>> p = pathlib.Path(d.name, "brev.html")
/// >>> _ = p.write_text("<p>Hei</p><p>fnr 010180 00055</p>")
/// >>> f = sladd.scan_file(p).findings[0]
/// >>> f.part, f.line, f.column, f.match.kind
/// ('body', 2, 5, 'no_fnr')
/// >>> f
/// FileFinding(part='body', line=2, column=5, match=Match(kind='no_fnr', start=8, end=20, text='010180*****', confidence='high'))
/// >>> d.cleanup()
#[pyclass(frozen, module = "sladd._sladd")]
pub struct FileFinding {
    part: String,
    line: usize,
    column: usize,
    m: Py<Match>,
}

#[pymethods]
impl FileFinding {
    /// Where in the file: ``'word/comments.xml'``, ``'sheet 2!C14'``,
    /// ``'page 3'``, ``'attachment x.docx:word/document.xml'``. File and
    /// attachment names in it are masked as text is.
    #[getter]
    fn part(&self) -> &str {
        &self.part
    }

    /// 1-based line in the part's text.
    #[getter]
    fn line(&self) -> usize {
        self.line
    }

    /// 1-based column in the part's text, in characters.
    #[getter]
    fn column(&self) -> usize {
        self.column
    }

    /// The finding; its offsets index the part's text.
    #[getter]
    #[pyo3(name = "match")]
    fn match_(&self, py: Python<'_>) -> Py<Match> {
        self.m.clone_ref(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "FileFinding(part={}, line={}, column={}, match={})",
            py_str_repr(&self.part),
            self.line,
            self.column,
            self.m.get().__repr__()
        )
    }
}

/// A ``str`` as Python's ``repr`` writes it for plain text: single
/// quotes, with quotes and backslashes escaped.
fn py_str_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// What ``scan_file`` found in one file.
///
/// ``format`` is what the file was read as (``'docx'``, ``'xlsx'``,
/// ``'pdf'``, ``'eml'``, ``'html'``, ``'text'``, ``'unknown'``...);
/// ``findings`` every ``FileFinding``, part by part; ``unscanned`` what
/// could not be read, as ``(location, reason)`` pairs (location ``''``
/// for the file itself); ``clean`` is true only when nothing was found
/// and everything was read.
///
/// >>> import pathlib, tempfile
/// >>> d = tempfile.TemporaryDirectory()
/// >>> p = pathlib.Path(d.name, "scan.bin")
/// >>> _ = p.write_bytes(bytes([0, 1, 2, 3, 0xff, 0xfe, 0]))
/// >>> r = sladd.scan_file(p)
/// >>> r.format, r.findings, r.unscanned, r.clean
/// ('unknown', [], [('', 'format not known')], False)
/// >>> d.cleanup()
#[pyclass(frozen, module = "sladd._sladd")]
pub struct FileReport {
    path: String,
    format: &'static str,
    parts: usize,
    findings: Vec<Py<FileFinding>>,
    unscanned: Vec<(String, String)>,
}

#[pymethods]
impl FileReport {
    /// The path as given.
    #[getter]
    fn path(&self) -> &str {
        &self.path
    }

    /// The format the file was read as.
    #[getter]
    fn format(&self) -> &'static str {
        self.format
    }

    /// How many parts of text were read.
    #[getter]
    fn parts(&self) -> usize {
        self.parts
    }

    /// Every finding, part by part.
    #[getter]
    fn findings(&self, py: Python<'_>) -> Vec<Py<FileFinding>> {
        self.findings.iter().map(|f| f.clone_ref(py)).collect()
    }

    /// What could not be read: ``(location, reason)`` pairs.
    #[getter]
    fn unscanned(&self) -> Vec<(String, String)> {
        self.unscanned.clone()
    }

    /// True only when nothing was found and nothing was left unread.
    #[getter]
    fn clean(&self) -> bool {
        self.findings.is_empty() && self.unscanned.is_empty()
    }

    fn __repr__(&self) -> String {
        format!(
            "FileReport(path={}, format='{}', findings={}, unscanned={}, \
             clean={})",
            py_str_repr(&self.path),
            self.format,
            self.findings.len(),
            self.unscanned.len(),
            if self.clean() { "True" } else { "False" }
        )
    }
}

/// A failure met without the GIL, turned into an exception after.
enum Failure {
    /// An I/O error on the path shown.
    Io(String, io::Error),
    /// A `sladd.SladdError` with this message.
    Sladd(String),
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> PyErr {
        match f {
            // OSError(errno, strerror, filename) becomes the subclass of
            // the errno (FileNotFoundError, PermissionError...).
            Failure::Io(path, e) => match e.raw_os_error() {
                Some(errno) => PyOSError::new_err((errno, io_cause(&e), path)),
                None if e.kind() == io::ErrorKind::IsADirectory => {
                    PyIsADirectoryError::new_err(format!(
                        "{path}: is a directory"
                    ))
                }
                None => {
                    PyOSError::new_err(format!("{path}: {}", io_cause(&e)))
                }
            },
            Failure::Sladd(msg) => SladdError::new_err(msg),
        }
    }
}

/// An I/O error's cause without the "(os error N)" suffix.
fn io_cause(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Reads the file at `path` whole, or, when it is larger than
/// `Limits::max_file_size`, only its start: then gives its format and why
/// it is not read (the reason `detect_docs` gives), so that a huge file is
/// never loaded only to be refused.
#[allow(clippy::type_complexity)]
fn load(
    path: &Path,
    name: &str,
    shown: &str,
) -> Result<Result<Vec<u8>, (Format, String)>, Failure> {
    let fail = |e: io::Error| Failure::Io(shown.into(), e);
    let file = fs::File::open(path).map_err(fail)?;
    let len = file.metadata().map_err(fail)?.len();
    let max = Limits::default().max_file_size;
    if len > max {
        let mut head = Vec::new();
        file.take(64 << 10).read_to_end(&mut head).map_err(fail)?;
        let reason =
            format!("over size limit: {len} bytes > max_file_size {max}");
        return Ok(Err((Format::detect(name, &head), reason)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    (&file).read_to_end(&mut bytes).map_err(fail)?;
    Ok(Ok(bytes))
}

/// A finding, converted without the GIL.
struct Located {
    part: String,
    line: usize,
    column: usize,
    found: Found,
}

/// What [`scan`] gives, before it becomes a `FileReport`.
struct Scanned {
    format: &'static str,
    parts: usize,
    findings: Vec<Located>,
    unscanned: Vec<(String, String)>,
}

/// Reads and scans `path`; called without the GIL.
fn scan(sc: &Core, path: &Path, shown: &str) -> Result<Scanned, Failure> {
    let name = path.to_string_lossy();
    let bytes = match load(path, &name, shown)? {
        Ok(b) => b,
        Err((format, reason)) => {
            return Ok(Scanned {
                format: format.as_str(),
                parts: 0,
                findings: Vec::new(),
                unscanned: vec![(String::new(), reason)],
            });
        }
    };
    let r = detect_docs::scan_parts(sc, &name, &bytes, &Limits::default());
    let mut findings = Vec::new();
    for p in &r.parts {
        let text = p.part.text.as_bytes();
        let mut cursor = offsets::Cursor::new(text);
        for f in &p.findings {
            let (s, s16) = cursor.advance(f.m.start());
            let (e, e16) = cursor.advance(f.m.end());
            findings.push(Located {
                part: f.location.clone(),
                line: f.line,
                column: f.column,
                found: Found {
                    m: f.m,
                    start: s,
                    end: e,
                    utf16: Some((s16, e16)),
                    text: String::from_utf8_lossy(&text[f.m.range()])
                        .into_owned(),
                },
            });
        }
    }
    Ok(Scanned {
        format: r.format.as_str(),
        parts: r.parts.len(),
        findings,
        unscanned: r
            .unscanned
            .into_iter()
            .map(|u| (u.location, u.reason))
            .collect(),
    })
}

/// `Scanner.scan_file` and `sladd.scan_file`.
pub(crate) fn scan_file(
    py: Python<'_>,
    sc: &Core,
    path: PathBuf,
) -> PyResult<FileReport> {
    let shown = path.display().to_string();
    let r = py.detach(|| guard(|| scan(sc, &path, &shown)))??;
    let findings = r
        .findings
        .into_iter()
        .map(|l| {
            let m = Py::new(py, Match::from(l.found))?;
            Py::new(
                py,
                FileFinding {
                    part: l.part,
                    line: l.line,
                    column: l.column,
                    m,
                },
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(FileReport {
        path: shown,
        format: r.format,
        parts: r.parts,
        findings,
        unscanned: r.unscanned,
    })
}

/// Redacts `src` into `dst`; called without the GIL. The messages are
/// those of `sladd redact` (detect-cli).
fn redact(
    sc: &Core,
    src: &Path,
    dst: &Path,
    text: bool,
) -> Result<(), Failure> {
    let shown = src.display().to_string();
    let name = src.to_string_lossy();
    let bytes = match load(src, &name, &shown)? {
        Ok(b) => b,
        Err((_, reason)) => {
            return Err(Failure::Sladd(format!(
                "{shown}: not redacted, nothing written; unscanned: {reason}"
            )));
        }
    };
    let out = match detect_docs::redact(sc, &name, &bytes, &Limits::default())
    {
        Ok(Redacted::Document(b)) => b,
        Ok(Redacted::TextOnly(s)) if text => s.into_bytes(),
        Ok(Redacted::TextOnly(_)) => {
            let format = Format::detect(&name, &bytes);
            return Err(Failure::Sladd(format!(
                "{shown}: a {format} cannot be redacted safely (its text \
                 would stay under any box); pass text=True to write the \
                 redacted text instead"
            )));
        }
        Err(detect_docs::Error::Unscanned(list)) => {
            let reasons: Vec<String> = list
                .iter()
                .map(|u| {
                    let loc = sc.redact_str(&u.location, RedactStyle::Mask);
                    let sep = if loc.is_empty() { "" } else { ": " };
                    format!("{loc}{sep}{}", u.reason)
                })
                .collect();
            return Err(Failure::Sladd(format!(
                "{shown}: not redacted, nothing written; unscanned: {}",
                reasons.join("; ")
            )));
        }
        Err(e @ detect_docs::Error::NotRedactable { .. }) => {
            let msg = sc.redact_str(&e.to_string(), RedactStyle::Mask);
            return Err(Failure::Sladd(format!(
                "{shown}: {msg}; nothing written"
            )));
        }
    };
    drop(bytes);
    write_atomically(dst, &out)
}

/// Writes `data` to `target` atomically: to a temporary file in the
/// target's directory, renamed over the target once complete (as
/// `write_atomically` in detect-cli). A symbolic link is written through;
/// an existing target's permissions are kept. On any failure the target
/// is untouched and the temporary file removed.
fn write_atomically(target: &Path, data: &[u8]) -> Result<(), Failure> {
    let target: PathBuf =
        fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf());
    let shown = target.display().to_string();
    let fail = |e: io::Error| Failure::Io(shown.clone(), e);
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let existing = fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(Failure::Io(
            shown.clone(),
            io::Error::from(io::ErrorKind::IsADirectory),
        ));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".sladd-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file gets 0666 less the umask, as `open` would give it.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(&dir)
        .map_err(|e| Failure::Io(dir.display().to_string(), e))?;
    tmp.write_all(data).map_err(fail)?;
    if let Some(md) = &existing {
        tmp.as_file().set_permissions(md.permissions()).map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(&target).map_err(|e| fail(e.error))?;
    Ok(())
}

/// `Scanner.redact_file` and `sladd.redact_file`.
pub(crate) fn redact_file(
    py: Python<'_>,
    sc: &Core,
    src: PathBuf,
    dst: PathBuf,
    text: bool,
) -> PyResult<()> {
    py.detach(|| guard(|| redact(sc, &src, &dst, text)))??;
    Ok(())
}

/// What ``Scanner().scan_file(path)`` gives: the findings in a document
/// (docx, xlsx, pptx, odt, ods, odp, pdf, eml, html, rtf, zip or text),
/// read with a default scanner.
///
/// >>> import pathlib, tempfile
/// >>> d = tempfile.TemporaryDirectory()
/// >>> p = pathlib.Path(d.name, "brev.eml")
/// >>> _ = p.write_bytes(b"Subject: Sak\r\n\r\nCPR 010180-1004\r\n")
/// >>> r = sladd.scan_file(p)
/// >>> r.format, [(f.part, f.match.kind) for f in r.findings], r.clean
/// ('eml', [('part 0', 'dk_cpr')], False)
/// >>> d.cleanup()
#[pyfunction(name = "scan_file")]
fn scan_file_default(py: Python<'_>, path: PathBuf) -> PyResult<FileReport> {
    scan_file(py, &Core::new(), path)
}

/// ``Scanner().redact_file(src, dst, text=text)``: writes a redacted copy
/// of the document ``src`` to ``dst`` with a default scanner.
///
/// >>> import pathlib, tempfile
/// >>> d = tempfile.TemporaryDirectory()
/// >>> src, dst = pathlib.Path(d.name, "a.html"), pathlib.Path(d.name, "b.html")
/// >>> _ = src.write_text("<p>fnr 010180 00055 &amp; mer</p>")
/// >>> sladd.redact_file(src, dst)
/// >>> dst.read_text()
/// '<p>fnr ****** ***** &amp; mer</p>'
/// >>> d.cleanup()
#[pyfunction(name = "redact_file")]
#[pyo3(signature = (src, dst, *, text=false))]
fn redact_file_default(
    py: Python<'_>,
    src: PathBuf,
    dst: PathBuf,
    text: bool,
) -> PyResult<()> {
    redact_file(py, &Core::new(), src, dst, text)
}

/// Adds the classes and functions of this module to `sladd._sladd`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<FileReport>()?;
    m.add_class::<FileFinding>()?;
    m.add_function(wrap_pyfunction!(scan_file_default, m)?)?;
    m.add_function(wrap_pyfunction!(redact_file_default, m)?)?;
    Ok(())
}
