//! Scanning a document on disk: `sladd_scan_file`, on `detect_docs`
//! (issue 16; the command line does the same in `sladd scan FILE`).

use core::ffi::{c_char, c_int, c_void};
use std::ffi::CString;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use detect_docs::{Limits, Unscanned};

use crate::ffi;
use crate::panic::guard;
use crate::result::sladd_result;
use crate::scanner::{sladd_match, sladd_scanner};

/// One finding in a file, as `sladd_scan_file` hands it to its callback.
///
/// `m.start` and `m.end` are byte offsets into the UTF-8 text of the part
/// named by `part` (a document is read into parts of text: the body, a
/// header, a comment, a cell, a page, an attachment), not into the file.
///
/// Ownership: borrowed by the callback; `part` is valid only during the
/// call (copy it to keep it).
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug)]
#[repr(C)]
pub struct sladd_file_finding {
    /// The finding; offsets into the part's UTF-8 text.
    pub m: sladd_match,
    /// Where in the file, NUL-terminated UTF-8: `"word/comments.xml"`,
    /// `"sheet 2!C14"`, `"page 3"`, `"body"`,
    /// `"attachment x.docx:word/document.xml"`. File and attachment names
    /// in it are masked as text is.
    pub part: *const c_char,
    /// 1-based line of the start in the part's text.
    pub line: usize,
    /// 1-based column of the start in the part's text, in characters
    /// (code points).
    pub column: usize,
}

/// Called by `sladd_scan_file` for each finding, in file order, on the
/// calling thread. `ctx` is the caller's pointer, passed through. Return
/// 0 to go on, nonzero to stop the scan (`sladd_scan_file` then returns
/// `SLADD_RESULT_STOPPED`). It must not unwind (no C++ exception, no
/// `longjmp` out of it).
#[allow(non_camel_case_types)]
pub type sladd_file_callback = Option<
    extern "C" fn(ctx: *mut c_void, f: *const sladd_file_finding) -> c_int,
>;

/// Called by `sladd_scan_file` for each part that could not be read:
/// `location` is where (`""` for the file itself) and `reason` why
/// (`"encrypted"`, `"damaged zip: ..."`, `"format not known"`,
/// `"no text layer, OCR needed"`, `"over size limit: ..."`), both
/// NUL-terminated UTF-8 valid only during the call. Return 0 to go on,
/// nonzero to stop. The same rules as `sladd_file_callback` apply.
#[allow(non_camel_case_types)]
pub type sladd_unscanned_callback = Option<
    extern "C" fn(
        ctx: *mut c_void,
        location: *const c_char,
        reason: *const c_char,
    ) -> c_int,
>;

/// A C string of `s`; a NUL inside (a zip entry name may hold one)
/// becomes U+FFFD.
fn c_string(s: &str) -> CString {
    CString::new(s.replace('\0', "\u{FFFD}")).unwrap_or_default()
}

/// The path of a C string: its bytes as they are on Unix, UTF-8
/// elsewhere.
fn path_of(p: *const c_char) -> Result<PathBuf, sladd_result> {
    let s = ffi::opt_cstr(p).ok_or(sladd_result::NullParameter)?;
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Ok(Path::new(std::ffi::OsStr::from_bytes(s.to_bytes())).to_path_buf())
    }
    #[cfg(not(unix))]
    {
        s.to_str().map(PathBuf::from).map_err(|_| sladd_result::Io)
    }
}

/// The file read whole, or when it is over `Limits::max_file_size` why
/// it is not read (a huge file is never loaded only to be refused).
enum Loaded {
    Bytes(Vec<u8>),
    TooLarge(String),
}

fn load(path: &Path) -> io::Result<Loaded> {
    let file = File::open(path)?;
    let len = file.metadata()?.len();
    let max = Limits::default().max_file_size;
    if len > max {
        return Ok(Loaded::TooLarge(format!(
            "over size limit: {len} bytes > max_file_size {max}"
        )));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    (&file).read_to_end(&mut bytes)?;
    Ok(Loaded::Bytes(bytes))
}

/// Reads the document at `path` (docx, xlsx, pptx, odt, ods, odp, pdf,
/// eml, html, rtf, zip or text; known by content first and by name
/// second), scans every part of it with `scanner`, and reports each
/// finding to `on_finding` and then each part that could not be read to
/// `on_unscanned`, both with `ctx`. Either callback may be NULL (the
/// findings are then only counted).
///
/// Returns:
/// - `SLADD_RESULT_OK`: the whole file was read; `*n_found` findings were
///   reported (0: the file is clean).
/// - `SLADD_RESULT_UNSCANNED`: part of the file (or all of it: encrypted,
///   damaged, a format not known, a PDF page without text, over a size
///   limit) could not be read; returned after the callbacks. The file is
///   NOT clean whatever was found, so a caller that looks only at the
///   result never takes it as clean.
/// - `SLADD_RESULT_STOPPED`: a callback returned nonzero; nothing more was
///   reported.
///
/// In these three cases `*n_found` and `*n_unscanned` are set to the
/// number of findings and unscanned parts reported (or that would have
/// been, with a NULL callback). `n_found` and `n_unscanned` may be NULL.
///
/// Errors (no callback is called, the counts are left untouched):
/// - `SLADD_RESULT_NULL_PARAMETER`: `scanner` or `path` is NULL.
/// - `SLADD_RESULT_IO`: the file cannot be opened or read (missing, a
///   directory, no permission).
/// - `SLADD_RESULT_PANIC`: an internal error.
///
/// `path` is a NUL-terminated path in the encoding of the file system.
/// The file is read whole into memory (a file over 512 MiB is not read
/// and reported unscanned); archives are unpacked within fixed limits
/// (1 GiB in all, depth 8, 20 000 entries), and anything over a limit is
/// reported unscanned.
///
/// Ownership: borrows everything for the call only; the strings given to
/// the callbacks are valid only during each callback.
///
/// Thread safety: may be called from several threads at once on the same
/// scanner; the callbacks run on the calling thread, before this returns.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_scan_file(
    scanner: *const sladd_scanner,
    path: *const c_char,
    on_finding: sladd_file_callback,
    on_unscanned: sladd_unscanned_callback,
    ctx: *mut c_void,
    n_found: *mut usize,
    n_unscanned: *mut usize,
) -> c_int {
    guard(|| {
        let sc = ffi::try_ref(scanner)?;
        let path = path_of(path)?;
        let n_found = ffi::opt_out(n_found);
        let n_unscanned = ffi::opt_out(n_unscanned);
        let name = path.to_string_lossy();
        let limits = Limits::default();
        let (parts, unscanned) = match load(&path) {
            Err(_) => return Err(sladd_result::Io),
            Ok(Loaded::TooLarge(reason)) => (
                Vec::new(),
                vec![Unscanned { location: String::new(), reason }],
            ),
            Ok(Loaded::Bytes(bytes)) => {
                let r = detect_docs::scan_parts(
                    sc.scanner(),
                    &name,
                    &bytes,
                    &limits,
                );
                (r.parts, r.unscanned)
            }
        };
        let (mut found, mut unread) = (0usize, 0usize);
        let mut stopped = false;
        'parts: for p in &parts {
            // One C string per location, not per finding.
            let mut part: Option<(&str, CString)> = None;
            for f in &p.findings {
                found += 1;
                let Some(cb) = on_finding else { continue };
                if part.as_ref().is_none_or(|(l, _)| *l != f.location) {
                    part = Some((&f.location, c_string(&f.location)));
                }
                let loc =
                    part.as_ref().map_or(core::ptr::null(), |p| p.1.as_ptr());
                let ff = sladd_file_finding {
                    m: sladd_match::from(f.m),
                    part: loc,
                    line: f.line,
                    column: f.column,
                };
                if cb(ctx, &ff) != 0 {
                    stopped = true;
                    break 'parts;
                }
            }
        }
        if !stopped {
            for u in &unscanned {
                unread += 1;
                let Some(cb) = on_unscanned else { continue };
                let (loc, why) = (c_string(&u.location), c_string(&u.reason));
                if cb(ctx, loc.as_ptr(), why.as_ptr()) != 0 {
                    stopped = true;
                    break;
                }
            }
        }
        if let Some(n) = n_found {
            n.write(found);
        }
        if let Some(n) = n_unscanned {
            n.write(unread);
        }
        if stopped {
            Err(sladd_result::Stopped)
        } else if unread > 0 {
            Err(sladd_result::Unscanned)
        } else {
            Ok(())
        }
    })
}
