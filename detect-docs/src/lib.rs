/*!
Reads documents as they lie on shares — docx, xlsx, pptx, odt, ods, odp,
pdf, eml, html, rtf, zip archives of these and plain text — into parts of
text with their locations, scans them with [`detect_core`], and writes
redacted copies that hold no trace of what was found (CONTRACT §10).

* [`extract`] turns a file into [`Part`]s (`word/document.xml`,
  `sheet 2`, `page 3`, `attachment report.docx:word/comments.xml`) and
  lists what it could not read as [`Unscanned`], with the reason.
* [`scan`] runs a [`Scanner`] over every part and reports each
  [`Finding`] with its location, line and column.
* [`redact`] writes a new file of the same format with every finding
  masked in every place (text nodes rewritten, other zip entries copied
  as they are, thumbnails dropped), or for PDF only the redacted text.

Nothing unread is ever reported clean: an encrypted, damaged, unknown or
over-limit file (or a part of one) is listed in `unscanned`, and
[`redact`] refuses a file with anything unscanned.

# Example: scan a document

```
use detect_docs::{scan, Limits};
use detect_core::Scanner;

let html = b"<html><body><p>Vedtak for fnr 010180&nbsp;00055</p></body></html>";
let report = scan(&Scanner::new(), "vedtak.html", html, &Limits::default());
assert_eq!(report.findings.len(), 1);
assert_eq!(report.findings[0].location, "body");
assert!(report.unscanned.is_empty());
```

# Example: redact

```
use detect_docs::{redact, Limits, Redacted};
use detect_core::Scanner;

let text = "Brev til CPR 010180-1004\n".as_bytes();
let out = redact(&Scanner::new(), "brev.txt", text, &Limits::default()).unwrap();
assert_eq!(out, Redacted::Document(b"Brev til CPR ******-****\n".to_vec()));
```
*/

#![forbid(unsafe_code)]

use std::cell::Cell;
use std::fmt;

use detect_core::{Match, Scanner};

mod format;
mod mail;
mod part;
mod pdf;
mod text;
mod xml;
mod zipdoc;

pub use crate::format::Format;
use crate::part::PartText;

/// Limits against hostile files. Anything over a limit is reported as
/// [`Unscanned`] with the limit named; memory stays bounded by these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Total bytes that may be unpacked from one file, all nested
    /// archives and attachments included.
    pub max_total_uncompressed: u64,
    /// Largest ratio of unpacked to packed size for a zip entry of more
    /// than 1 MiB (zip bombs).
    pub max_ratio: u64,
    /// How deep archives, embedded objects and attachments may nest.
    pub max_depth: u32,
    /// Most entries in one zip archive.
    pub max_entries: usize,
    /// Largest single file or zip entry read, in bytes.
    pub max_file_size: u64,
}

impl Default for Limits {
    /// 1 GiB in total, ratio 200:1, depth 8, 20 000 entries, 512 MiB per
    /// file.
    fn default() -> Limits {
        Limits {
            max_total_uncompressed: 1 << 30,
            max_ratio: 200,
            max_depth: 8,
            max_entries: 20_000,
            max_file_size: 512 << 20,
        }
    }
}

/// A part of a document and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Where in the file: `word/document.xml`, `sheet 2`, `page 3`,
    /// `attachment report.docx:word/document.xml`, `docProps/core.xml`.
    pub location: String,
    /// The text, lines separated by `\n`.
    pub text: String,
}

/// Something that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unscanned {
    /// Where: `""` for the file itself, else as in [`Part::location`].
    pub location: String,
    /// Why: `encrypted`, `damaged zip: ...`, `no text layer, OCR needed`,
    /// `format not known`, `over size limit: ...`.
    pub reason: String,
}

/// What [`extract`] read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extraction {
    /// The format, known by content first and by name second.
    pub format: Format,
    /// Every part of text read.
    pub parts: Vec<Part>,
    /// Everything that could not be read. Empty when the file was read in
    /// full.
    pub unscanned: Vec<Unscanned>,
}

/// One finding in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The part, and for spreadsheets the cell: `sheet 2!C14`. File and
    /// attachment names in it are masked as the scanner masks text.
    pub location: String,
    /// Byte span in the part's text ([`Part::text`]).
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
    /// 1-based line in the part's text.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The match (kind, confidence, flags), with its span in the part.
    pub m: Match,
}

/// What [`scan`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocReport {
    /// The format of the file.
    pub format: Format,
    /// How many parts were scanned.
    pub parts: usize,
    /// Every finding, part by part.
    pub findings: Vec<Finding>,
    /// What could not be read: the file is not clean while this is not
    /// empty.
    pub unscanned: Vec<Unscanned>,
}

impl DocReport {
    /// Whether everything was read and nothing was found.
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty() && self.unscanned.is_empty()
    }
}

/// A redacted file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redacted {
    /// A file of the same format as the input.
    Document(Vec<u8>),
    /// Only the redacted text, for formats that cannot be redacted safely
    /// in place (PDF): parts separated by a line `--- location ---`.
    TextOnly(String),
}

/// Why [`redact`] gave nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Part of the file could not be read, so it cannot be known clean.
    Unscanned(Vec<Unscanned>),
    /// The format cannot be written back (an embedded object of a format
    /// that is only read, for one).
    NotRedactable {
        /// Where.
        location: String,
        /// Why.
        reason: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Unscanned(u) => {
                f.write_str("not redacted, parts could not be read:")?;
                for u in u {
                    write!(f, " [{}: {}]", u.location, u.reason)?;
                }
                Ok(())
            }
            Error::NotRedactable { location, reason } => {
                write!(f, "not redactable: {location}: {reason}")
            }
        }
    }
}

impl std::error::Error for Error {}

/// State shared through one file and everything nested in it.
pub(crate) struct Ctx<'a> {
    pub(crate) limits: &'a Limits,
    /// Bytes that may still be unpacked.
    pub(crate) budget: Cell<u64>,
}

impl<'a> Ctx<'a> {
    fn new(limits: &'a Limits) -> Ctx<'a> {
        Ctx { limits, budget: Cell::new(limits.max_total_uncompressed) }
    }

    /// Takes `n` bytes from the budget, or says why not.
    pub(crate) fn take(&self, n: u64) -> Result<(), String> {
        let left = self.budget.get();
        if n > left {
            return Err(format!(
                "over size limit: more than {} bytes unpacked in total",
                self.limits.max_total_uncompressed
            ));
        }
        self.budget.set(left - n);
        Ok(())
    }
}

/// Parts with their maps, and what was not read.
#[derive(Debug, Default)]
pub(crate) struct Out {
    pub(crate) parts: Vec<PartText>,
    pub(crate) unscanned: Vec<Unscanned>,
}

impl Out {
    pub(crate) fn unscanned(
        &mut self,
        location: &str,
        reason: impl Into<String>,
    ) {
        self.unscanned.push(Unscanned {
            location: location.to_string(),
            reason: reason.into(),
        });
    }

    /// Adds what a nested file gave, its locations under `prefix`.
    pub(crate) fn nest(&mut self, prefix: &str, inner: Out) {
        for mut p in inner.parts {
            p.location = format!("{prefix}:{}", p.location);
            for c in &mut p.cells {
                c.1 = format!("{prefix}:{}", c.1);
            }
            self.parts.push(p);
        }
        for mut u in inner.unscanned {
            u.location = if u.location.is_empty() {
                prefix.to_string()
            } else {
                format!("{prefix}:{}", u.location)
            };
            self.unscanned.push(u);
        }
    }
}

/// Reads any file into located parts.
pub(crate) fn extract_in(
    ctx: &Ctx<'_>,
    name: &str,
    bytes: &[u8],
    depth: u32,
) -> (Format, Out) {
    let mut out = Out::default();
    let format = Format::detect(name, bytes);
    if bytes.len() as u64 > ctx.limits.max_file_size {
        out.unscanned(
            "",
            format!(
                "over size limit: {} bytes > max_file_size {}",
                bytes.len(),
                ctx.limits.max_file_size
            ),
        );
        return (format, out);
    }
    if depth > ctx.limits.max_depth {
        out.unscanned(
            "",
            format!(
                "over size limit: nested deeper than {}",
                ctx.limits.max_depth
            ),
        );
        return (format, out);
    }
    match format {
        Format::Docx
        | Format::Xlsx
        | Format::Pptx
        | Format::Odt
        | Format::Ods
        | Format::Odp
        | Format::Zip => match zipdoc::ZipDoc::load(ctx, format, bytes, depth) {
            Ok(doc) => out = doc.into_out(),
            Err(reason) => out.unscanned("", reason),
        },
        Format::Pdf => pdf::extract(bytes, &mut out),
        Format::Eml => mail::extract(ctx, bytes, depth, &mut out),
        Format::Html | Format::Rtf | Format::Text => match text::load(format, bytes) {
            Some(t) => out.parts.push(t.part),
            None => out.unscanned("", "format not known"),
        },
        Format::Encrypted => out.unscanned("", "encrypted"),
        Format::Ole => out.unscanned(
            "",
            "format not known (legacy OLE2 file: doc, xls, ppt or msg, not read)",
        ),
        Format::Image => out.unscanned("", "image, no text layer, OCR needed"),
        Format::Unknown => out.unscanned("", "format not known"),
    }
    (format, out)
}

/// Reads `bytes` (a file called `name`) into parts of text with their
/// locations, within `limits`.
///
/// ```
/// use detect_docs::{extract, Format, Limits};
///
/// let x = extract("notat.txt", "fnr 01018000055".as_bytes(), &Limits::default());
/// assert_eq!(x.format, Format::Text);
/// assert_eq!(x.parts[0].text, "fnr 01018000055");
///
/// let x = extract("scan.bin", &[0u8, 1, 2, 3, 0xff, 0xfe, 0], &Limits::default());
/// assert_eq!(x.unscanned[0].reason, "format not known");
/// ```
pub fn extract(name: &str, bytes: &[u8], limits: &Limits) -> Extraction {
    let ctx = Ctx::new(limits);
    let (format, out) = extract_in(&ctx, name, bytes, 0);
    Extraction {
        format,
        parts: out
            .parts
            .into_iter()
            .map(|p| Part { location: p.location, text: p.text })
            .collect(),
        unscanned: out.unscanned,
    }
}

/// Reads `bytes` (a file called `name`) and scans every part with
/// `scanner`. Findings in a spreadsheet name their cell.
///
/// ```
/// use detect_docs::{scan, Limits};
/// use detect_core::Scanner;
///
/// let r = scan(&Scanner::new(), "a.txt", b"x\nCPR 010180-1004", &Limits::default());
/// assert_eq!((r.findings[0].line, r.findings[0].column), (2, 5));
/// ```
pub fn scan(
    scanner: &Scanner,
    name: &str,
    bytes: &[u8],
    limits: &Limits,
) -> DocReport {
    let r = scan_parts(scanner, name, bytes, limits);
    DocReport {
        format: r.format,
        parts: r.parts.len(),
        findings: r.parts.into_iter().flat_map(|p| p.findings).collect(),
        unscanned: r.unscanned,
    }
}

/// One part of a document with its findings, as [`scan_parts`] gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScannedPart {
    /// The part and its text (the location as read, not masked).
    pub part: Part,
    /// The findings in it; their spans index [`Part::text`].
    pub findings: Vec<Finding>,
}

/// What [`scan_parts`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartsReport {
    /// The format of the file.
    pub format: Format,
    /// Every part read, with its text and findings.
    pub parts: Vec<ScannedPart>,
    /// What could not be read (locations masked).
    pub unscanned: Vec<Unscanned>,
}

/// As [`scan`], but keeps each part's text beside its findings, for a
/// caller that shows the found text or counts columns in bytes (the
/// command line).
///
/// ```
/// use detect_docs::{scan_parts, Limits};
/// use detect_core::Scanner;
///
/// let r = scan_parts(&Scanner::new(), "a.txt", b"CPR 010180-1004", &Limits::default());
/// let p = &r.parts[0];
/// let f = &p.findings[0];
/// assert_eq!(&p.part.text[f.start..f.end], "010180-1004");
/// ```
pub fn scan_parts(
    scanner: &Scanner,
    name: &str,
    bytes: &[u8],
    limits: &Limits,
) -> PartsReport {
    let ctx = Ctx::new(limits);
    let (format, out) = extract_in(&ctx, name, bytes, 0);
    let mut parts = Vec::with_capacity(out.parts.len());
    for p in out.parts {
        let mut findings = Vec::new();
        for m in scanner.find_iter(p.text.as_str()) {
            let (line, column) = part::line_col(&p.text, m.start());
            let location = p.cell_at(m.start()).unwrap_or(&p.location);
            findings.push(Finding {
                location: scanner
                    .redact_str(location, detect_core::RedactStyle::Mask),
                start: m.start(),
                end: m.end(),
                line,
                column,
                m,
            });
        }
        parts.push(ScannedPart {
            part: Part { location: p.location, text: p.text },
            findings,
        });
    }
    let unscanned = out
        .unscanned
        .into_iter()
        .map(|u| Unscanned {
            location: scanner
                .redact_str(&u.location, detect_core::RedactStyle::Mask),
            reason: u.reason,
        })
        .collect();
    PartsReport { format, parts, unscanned }
}

/// Masks every finding of `scanner` in `part`, as edits to its nodes.
/// Fails closed when a finding lies (in part) in text that cannot be
/// written back.
pub(crate) fn findings_edits(
    scanner: &Scanner,
    part: &PartText,
    edits: &mut part::Edits,
) -> Result<usize, Error> {
    let mut n = 0;
    for m in scanner.find_iter(part.text.as_str()) {
        if !part.map_range(m.range(), edits) {
            return Err(Error::NotRedactable {
                location: scanner.redact_str(
                    &part.location,
                    detect_core::RedactStyle::Mask,
                ),
                reason: "a finding lies in text that cannot be written back"
                    .into(),
            });
        }
        n += 1;
    }
    Ok(n)
}

/// Redacts any file; see [`redact`]. Fails closed when the redacted file
/// would be read as another format than the file (an e-mail known by a
/// line of a body that redaction rewrites): it would not be read as the
/// redaction meant.
pub(crate) fn redact_in(
    ctx: &Ctx<'_>,
    scanner: &Scanner,
    name: &str,
    bytes: &[u8],
    depth: u32,
) -> Result<Redacted, Error> {
    let format = Format::detect(name, bytes);
    let r = redact_as(ctx, scanner, name, bytes, depth, format)?;
    if let Redacted::Document(out) = &r {
        let now = Format::detect(name, out);
        if now != format {
            return Err(Error::NotRedactable {
                location: String::new(),
                reason: format!(
                    "the redacted file would be read as {now}, not {format}"
                ),
            });
        }
    }
    Ok(r)
}

/// Redacts a file of a known format.
fn redact_as(
    ctx: &Ctx<'_>,
    scanner: &Scanner,
    name: &str,
    bytes: &[u8],
    depth: u32,
    format: Format,
) -> Result<Redacted, Error> {
    match format {
        Format::Docx
        | Format::Xlsx
        | Format::Pptx
        | Format::Odt
        | Format::Ods
        | Format::Odp
        | Format::Zip => {
            check_size(ctx, bytes, depth)?;
            let doc = zipdoc::ZipDoc::load(ctx, format, bytes, depth)
                .map_err(|reason| {
                    Error::Unscanned(vec![Unscanned {
                        location: String::new(),
                        reason,
                    }])
                })?;
            doc.redact(ctx, scanner, bytes, depth).map(Redacted::Document)
        }
        Format::Eml => {
            check_size(ctx, bytes, depth)?;
            mail::redact(ctx, scanner, bytes, depth).map(Redacted::Document)
        }
        Format::Html | Format::Rtf | Format::Text => {
            check_size(ctx, bytes, depth)?;
            let Some(t) = text::load(format, bytes) else {
                return Err(Error::Unscanned(vec![Unscanned {
                    location: String::new(),
                    reason: "format not known".into(),
                }]));
            };
            t.redact(scanner)
        }
        _ => {
            // PDF and everything else: text only, and only when read in full.
            let (_, out) = extract_in(ctx, name, bytes, depth);
            if !out.unscanned.is_empty() {
                return Err(Error::Unscanned(out.unscanned));
            }
            let mut s = String::new();
            for p in &out.parts {
                s.push_str(&format!("--- {} ---\n", p.location));
                s.push_str(
                    &scanner
                        .redact_str(&p.text, detect_core::RedactStyle::Mask),
                );
                s.push('\n');
            }
            Ok(Redacted::TextOnly(s))
        }
    }
}

fn check_size(ctx: &Ctx<'_>, bytes: &[u8], depth: u32) -> Result<(), Error> {
    let mut out = Out::default();
    if bytes.len() as u64 > ctx.limits.max_file_size {
        out.unscanned("", format!("over size limit: {} bytes", bytes.len()));
    } else if depth > ctx.limits.max_depth {
        out.unscanned(
            "",
            format!(
                "over size limit: nested deeper than {}",
                ctx.limits.max_depth
            ),
        );
    }
    if out.unscanned.is_empty() {
        Ok(())
    } else {
        Err(Error::Unscanned(out.unscanned))
    }
}

/// Writes a redacted copy of `bytes` (a file called `name`): a file of the
/// same format for docx, xlsx, pptx, odt, ods, odp, html, eml, rtf, plain
/// text and zip archives of these, with every finding of `scanner` masked
/// per character in every part; for PDF only the redacted text
/// ([`Redacted::TextOnly`]). Fails closed: a file with anything that
/// could not be read gives [`Error::Unscanned`].
///
/// ```
/// use detect_docs::{redact, Limits, Redacted};
/// use detect_core::Scanner;
///
/// let html = "<p>Søker: fnr 01018000055 &amp; mer</p>";
/// let Redacted::Document(out) = redact(&Scanner::new(), "a.html", html.as_bytes(),
///     &Limits::default()).unwrap() else { panic!() };
/// assert_eq!(String::from_utf8(out).unwrap(), "<p>Søker: fnr *********** &amp; mer</p>");
/// ```
pub fn redact(
    scanner: &Scanner,
    name: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Redacted, Error> {
    let ctx = Ctx::new(limits);
    redact_in(&ctx, scanner, name, bytes, 0)
}
