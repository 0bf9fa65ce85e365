//! `sladd redact`: streaming redaction and atomic file replacement.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use detect_core::{Match, RedactStyle, Scanner};

use crate::scan::{CHUNK, io_cause, read_full};

/// Copies `r` to `w` with every finding masked, in chunks, holding only
/// the bytes not yet settled. Returns the number of findings masked.
pub(crate) fn redact_stream<R: Read, W: Write + ?Sized>(
    scanner: &Scanner,
    style: RedactStyle,
    mut r: R,
    w: &mut W,
) -> Result<usize, Error> {
    let mut buf = vec![0; CHUNK];
    let mut stream = scanner.stream();
    // The bytes from stream offset `done` to the end read so far.
    let mut pending: Vec<u8> = Vec::new();
    let mut done = 0usize;
    let mut matches = Vec::new();
    let mut out = Vec::new();
    let mut count = 0;
    loop {
        let n = read_full(&mut r, &mut buf).map_err(Error::Read)?;
        if n == 0 {
            break;
        }
        pending.extend_from_slice(&buf[..n]);
        stream.feed(&buf[..n], |m| matches.push(m));
        count += matches.len();
        let upto = stream.settled();
        settle(&mut pending, &mut done, upto, &mut matches, style, &mut out);
        w.write_all(&out).map_err(Error::Write)?;
        out.clear();
        if n < buf.len() {
            break;
        }
    }
    stream.finish(|m| matches.push(m));
    count += matches.len();
    let end = done + pending.len();
    settle(&mut pending, &mut done, end, &mut matches, style, &mut out);
    w.write_all(&out).map_err(Error::Write)?;
    w.flush().map_err(Error::Write)?;
    Ok(count)
}

/// Moves the settled bytes, stream offsets `done..upto`, from the front of
/// `pending` to `out`, masking the `matches` among them (which all end by
/// `upto`). `pending` is shifted once, not once per match, so a chunk
/// dense with findings costs no more than a plain one.
fn settle(
    pending: &mut Vec<u8>,
    done: &mut usize,
    upto: usize,
    matches: &mut Vec<Match>,
    style: RedactStyle,
    out: &mut Vec<u8>,
) {
    let mut at = 0;
    for m in matches.drain(..) {
        let (s, e) = (m.start() - *done, m.end() - *done);
        out.extend_from_slice(&pending[at..s]);
        m.redact_span(&pending[s..e], style, out);
        at = e;
    }
    let end = upto - *done;
    out.extend_from_slice(&pending[at..end]);
    pending.drain(..end);
    *done = upto;
}

/// Where a redaction failed.
#[derive(Debug)]
pub(crate) enum Error {
    Read(io::Error),
    Write(io::Error),
}

/// Redacts `input` (a file, or stdin if `None`) into `target` atomically
/// (see [`write_atomically`]).
pub(crate) fn redact_to_file(
    scanner: &Scanner,
    style: RedactStyle,
    input: Option<&Path>,
    target: &Path,
) -> Result<usize, String> {
    let (reader, in_name): (Box<dyn Read>, String) =
        match input {
            Some(p) => (
                Box::new(File::open(p).map_err(|e| {
                    format!("{}: {}", p.display(), io_cause(&e))
                })?),
                p.display().to_string(),
            ),
            None => (Box::new(io::stdin().lock()), "<stdin>".to_string()),
        };
    write_atomically(target, |w, shown| {
        match redact_stream(scanner, style, reader, w) {
            Ok(n) => Ok(n),
            Err(Error::Read(e)) => Err(format!("{in_name}: {}", io_cause(&e))),
            Err(Error::Write(e)) => Err(format!("{shown}: {}", io_cause(&e))),
        }
    })
}

/// Writes `target` atomically with what `write` writes: the output goes to
/// a temporary file in the target's directory, which is renamed over the
/// target only once it is complete. The target's permissions are kept (a
/// new file gets the usual ones). On any failure the target is untouched
/// and the temporary file removed. `write` gets the writer and the
/// target's name for messages.
pub(crate) fn write_atomically<T>(
    target: &Path,
    write: impl FnOnce(&mut dyn Write, &str) -> Result<T, String>,
) -> Result<T, String> {
    // Write through a symbolic link to the file it names.
    let target: PathBuf = match fs::canonicalize(target) {
        Ok(p) => p,
        Err(_) => target.to_path_buf(),
    };
    let shown = target.display().to_string();
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let existing = fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(format!("{shown}: is a directory"));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".sladd-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file gets 0666 less the umask, as `>` would give it.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(&dir).map_err(|e| {
        format!(
            "{shown}: cannot create a temporary file in {}: {}",
            dir.display(),
            io_cause(&e)
        )
    })?;
    let mut w = BufWriter::new(tmp.as_file());
    let out = write(&mut w, &shown)?;
    let fail = |e: io::Error| format!("{shown}: {}", io_cause(&e));
    w.flush().map_err(fail)?;
    drop(w);
    if let Some(md) = &existing {
        tmp.as_file().set_permissions(md.permissions()).map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(&target).map_err(|e| fail(e.error))?;
    Ok(out)
}
