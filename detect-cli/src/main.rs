/*!
`sladd`: finds Nordic personal identity numbers in files and masks them.

The command line is glue around `detect_core`: it parses the arguments,
walks directories, streams inputs through the scanner on all cores, prints
the findings and maps errors to exit codes (0 nothing found, 1 findings,
2 an error; a broken pipe counts as success). Run `sladd --help`.
*/

mod args;
mod noark;
mod output;
mod redact;
mod risk;
mod scan;

use std::collections::{BTreeMap, VecDeque};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use detect_core::{Kind, RedactStyle};

use crate::args::{ColorChoice, Command, Format, RedactArgs, ScanArgs};
use crate::output::Printer;
use crate::scan::{Batch, Buffers, Input, Job, Outcome, io_cause};

/// Exit status: nothing found, or valid.
pub(crate) const EXIT_CLEAN: u8 = 0;
/// Exit status: something found, or not valid.
pub(crate) const EXIT_FOUND: u8 = 1;
/// Exit status: an error.
pub(crate) const EXIT_ERROR: u8 = 2;

/// How a command ended badly.
pub(crate) enum Failure {
    /// A message for stderr; exit 2.
    Error(String),
    /// Writing to stdout failed.
    Output(io::Error),
}

impl From<String> for Failure {
    fn from(s: String) -> Failure {
        Failure::Error(s)
    }
}

fn main() -> ExitCode {
    let code = match run() {
        Ok(code) => code,
        // The reader went away (`sladd scan | head`): not our failure.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            EXIT_CLEAN
        }
        Err(Failure::Output(e)) => {
            eprintln!("sladd: writing output: {}", io_cause(&e));
            EXIT_ERROR
        }
        Err(Failure::Error(msg)) => {
            eprintln!("sladd: {msg}");
            EXIT_ERROR
        }
    };
    ExitCode::from(code)
}

fn run() -> Result<u8, Failure> {
    let cmd = args::parse(std::env::args_os().skip(1))
        .map_err(|e| format!("{e}\nRun `sladd --help` for usage."))?;
    match cmd {
        Command::Help(text) => {
            io::stdout()
                .write_all(args::render(text).as_bytes())
                .map_err(Failure::Output)?;
            Ok(EXIT_CLEAN)
        }
        Command::Version => {
            println!("sladd {}", env!("CARGO_PKG_VERSION"));
            Ok(EXIT_CLEAN)
        }
        Command::Validate { kind, value } => validate(&kind, &value),
        Command::Scan(a) => scan(a),
        Command::Redact(a) => redact(a),
        Command::Noark(a) => noark::run(a).map_err(|e| match e {
            noark::Failure::Error(m) => Failure::Error(m),
            noark::Failure::Output(e) => Failure::Output(e),
        }),
    }
}

fn validate(kind: &str, value: &str) -> Result<u8, Failure> {
    let mut out = io::stdout().lock();
    if kind.eq_ignore_ascii_case("any") {
        let sc = detect_core::Scanner::new();
        let kinds: Vec<_> = Kind::ALL
            .iter()
            .filter(|k| sc.validate(**k, value))
            .map(|k| k.as_str())
            .collect();
        if kinds.is_empty() {
            writeln!(out, "invalid").map_err(Failure::Output)?;
            return Ok(EXIT_FOUND);
        }
        writeln!(out, "{}", kinds.join(", ")).map_err(Failure::Output)?;
        return Ok(EXIT_CLEAN);
    }
    let kind: Kind = kind.parse().map_err(|e| format!("{e}"))?;
    // Why not, for an invalid value: the first rule it breaks.
    match detect_core::Scanner::new().explain(kind, value) {
        Ok(_) => {
            writeln!(out, "valid").map_err(Failure::Output)?;
            Ok(EXIT_CLEAN)
        }
        Err(why) => {
            writeln!(out, "invalid: {why}").map_err(Failure::Output)?;
            Ok(EXIT_FOUND)
        }
    }
}

fn redact(a: RedactArgs) -> Result<u8, Failure> {
    let scanner = a.scanner.build()?;
    let input = a.path.as_deref().filter(|p| *p != "-").map(Path::new);
    if let Some(p) = input
        && p.is_dir()
    {
        return Err(format!("{}: is a directory", p.display()).into());
    }
    let target =
        if a.in_place { input } else { a.output.as_deref().map(Path::new) };
    if let Some(p) = input
        && let Some(code) = redact_document(&scanner, &a, p, target)?
    {
        return Ok(code);
    }
    if let Some(target) = target {
        redact::redact_to_file(&scanner, a.style, input, target)?;
        return Ok(EXIT_CLEAN);
    }
    let stdout = io::stdout();
    let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
    let res = match input {
        Some(p) => {
            let f = std::fs::File::open(p)
                .map_err(|e| format!("{}: {}", p.display(), io_cause(&e)))?;
            redact::redact_stream(&scanner, a.style, f, &mut w)
        }
        None => redact::redact_stream(
            &scanner,
            a.style,
            io::stdin().lock(),
            &mut w,
        ),
    };
    match res {
        Ok(_) => Ok(EXIT_CLEAN),
        Err(redact::Error::Write(e)) => Err(Failure::Output(e)),
        Err(redact::Error::Read(e)) => {
            let name =
                input.map_or("<stdin>".into(), |p| p.display().to_string());
            Err(format!("{name}: {}", io_cause(&e)).into())
        }
    }
}

/// Redacts `path` if it is a document (anything but text read as bytes):
/// a file of the same format, or for a PDF with `--text` its text. `None`
/// when it is text, for the streaming path.
fn redact_document(
    scanner: &detect_core::Scanner,
    a: &RedactArgs,
    path: &Path,
    target: Option<&Path>,
) -> Result<Option<u8>, Failure> {
    use detect_docs::{Format as Doc, Redacted};
    let shown = path.display().to_string();
    let fail = |e: io::Error| format!("{shown}: {}", io_cause(&e));
    let file = std::fs::File::open(path).map_err(fail)?;
    let md = file.metadata().map_err(fail)?;
    if !md.is_file() {
        return Ok(None);
    }
    let mut buf = Vec::new();
    let loaded = scan::load(&file, md.len(), &mut buf).map_err(fail)?;
    let bytes: &[u8] = match &loaded {
        scan::Loaded::Map(m) => m,
        scan::Loaded::Buf => &buf,
    };
    let name = path.to_string_lossy();
    let format = scan::classify(&name, bytes);
    if scan::raw_text(format, bytes) {
        return Ok(None);
    }
    let unscanned = |list: &[detect_docs::Unscanned]| {
        for u in list {
            let loc = scanner.redact_str(&u.location, RedactStyle::Mask);
            let sep = if loc.is_empty() { "" } else { ":" };
            eprintln!("sladd: {shown}{sep}{loc}: unscanned: {}", u.reason);
        }
        Failure::Error(format!("{shown}: not redacted, nothing written"))
    };
    if format == Doc::Unknown {
        return Err(unscanned(&[detect_docs::Unscanned {
            location: String::new(),
            reason: "format not known".into(),
        }]));
    }
    if format == Doc::Pdf && !a.text {
        return Err(format!(
            "{shown}: a PDF cannot be redacted safely (its text would stay \
             under any box); --text writes the redacted text instead"
        )
        .into());
    }
    if format == Doc::Pdf && a.in_place {
        return Err(format!(
            "{shown}: --text with --in-place would replace the PDF with \
             text; write it with -o FILE or to standard output"
        )
        .into());
    }
    if a.style_given && a.style != RedactStyle::Mask {
        return Err(format!(
            "--style: a {format} document is redacted with `mask` only"
        )
        .into());
    }
    let limits = detect_docs::Limits::default();
    let out = match detect_docs::redact(scanner, &name, bytes, &limits) {
        Ok(Redacted::Document(b)) => b,
        Ok(Redacted::TextOnly(s)) if a.text => s.into_bytes(),
        Ok(Redacted::TextOnly(_)) => {
            return Err(format!(
                "{shown}: a {format} file cannot be written back safely; \
                 --text writes the redacted text instead"
            )
            .into());
        }
        Err(detect_docs::Error::Unscanned(list)) => {
            return Err(unscanned(&list));
        }
        Err(e @ detect_docs::Error::NotRedactable { .. }) => {
            let msg = scanner.redact_str(&e.to_string(), RedactStyle::Mask);
            return Err(format!("{shown}: {msg}; nothing written").into());
        }
    };
    drop(loaded);
    match target {
        Some(t) => {
            redact::write_atomically(t, |w, shown| {
                w.write_all(&out)
                    .map_err(|e| format!("{shown}: {}", io_cause(&e)))
            })?;
        }
        None => {
            let mut w = io::stdout().lock();
            w.write_all(&out)
                .and_then(|()| w.flush())
                .map_err(Failure::Output)?;
        }
    }
    Ok(Some(EXIT_CLEAN))
}

fn scan(a: ScanArgs) -> Result<u8, Failure> {
    let scanner = a.scanner.build()?;
    if a.risk {
        return risk::run(&a, &scanner);
    }
    let (inputs, walked) = scan::collect(&a.paths, a.follow);
    let limits = detect_docs::Limits::default();
    let threads = match a.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(inputs.len().max(1));
    let color = match a.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            a.format == Format::Text
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    } && a.format == Format::Text;
    let progress_on =
        !a.quiet && a.progress.unwrap_or_else(|| io::stderr().is_terminal());
    let stdout_tty = io::stdout().is_terminal();

    let bytes_read = AtomicU64::new(0);
    let next = AtomicUsize::new(0);
    let mut printer = Printer::new(a.format, color);
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut any_found = false;
    let mut any_error = false;
    let mut progress = Progress::new(progress_on, inputs.len());
    let mut summary = Summary::default();
    // Whether the input being printed had a finding.
    let mut input_found = false;

    let result: Result<(), Failure> = std::thread::scope(|s| {
        let (tx, rx) = mpsc::channel();
        for _ in 0..threads {
            let tx = tx.clone();
            let (inputs, next, bytes_read) = (&inputs, &next, &bytes_read);
            let job = Job {
                scanner: &scanner,
                show_values: a.show_values,
                documents: !a.no_documents,
                binary: a.binary,
                limits: &limits,
                char_columns: a.format == Format::Sarif,
                bytes_read,
            };
            s.spawn(move || {
                let mut bufs = Buffers::default();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(input) = inputs.get(i) else { break };
                    // Findings go out chunk by chunk: a large input's
                    // findings are printed as it is read, not kept.
                    let res = job.run(input, &mut bufs, &mut |found| {
                        tx.send((i, Msg::Batch(found))).is_ok()
                    });
                    if tx.send((i, Msg::Done(res))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // Print in input order whatever order the workers finish in: the
        // messages of later inputs wait until those of earlier ones are
        // printed.
        let mut ready: BTreeMap<usize, VecDeque<Msg>> = BTreeMap::new();
        let mut printed = 0;
        let stop = |e| {
            // Tell the workers to stop taking inputs.
            next.store(usize::MAX / 2, Ordering::Relaxed);
            Failure::Output(e)
        };
        printer.begin(&mut out).map_err(stop)?;
        loop {
            match rx.recv_timeout(Duration::from_millis(100)) {
                Ok((i, msg)) => ready.entry(i).or_default().push_back(msg),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    if ready.is_empty() {
                        break;
                    }
                }
            }
            while let Some(msg) =
                ready.get_mut(&printed).and_then(VecDeque::pop_front)
            {
                let input = &inputs[printed];
                progress.clear();
                let res = match msg {
                    Msg::Batch(found) => {
                        any_found |= !found.is_empty();
                        input_found |= !found.is_empty();
                        if !a.quiet {
                            printer
                                .input(&mut out, input, &found)
                                .map_err(stop)?;
                            if stdout_tty {
                                out.flush().map_err(stop)?;
                            }
                        }
                        continue;
                    }
                    Msg::Done(res) => res,
                };
                ready.remove(&printed);
                printed += 1;
                let found_here = std::mem::take(&mut input_found);
                match (input, res) {
                    (Input::Error(msg), _) => {
                        any_error = true;
                        summary.unreadable += 1;
                        eprintln!("sladd: {msg}");
                    }
                    (Input::Notice(msg), _) => {
                        if !a.quiet {
                            eprintln!("sladd: {msg}");
                        }
                    }
                    (_, Err(e)) => {
                        any_error = true;
                        summary.unreadable += 1;
                        eprintln!(
                            "sladd: {}: {}",
                            input.display(),
                            io_cause(&e)
                        );
                    }
                    (_, Ok(Outcome::Read { format, unscanned })) => {
                        let name = input.display();
                        for u in &unscanned {
                            let sep =
                                if u.location.is_empty() { "" } else { ":" };
                            eprintln!(
                                "sladd: {name}{sep}{}: unscanned: {}",
                                u.location, u.reason
                            );
                        }
                        any_error |= !unscanned.is_empty();
                        summary.add(format, &unscanned, found_here);
                    }
                    (_, Ok(Outcome::Binary)) => {
                        summary.binary += 1;
                        if !a.quiet {
                            eprintln!(
                                "sladd: {}: binary file skipped (NUL byte in \
                                 the first 8 KiB; --binary scans it)",
                                input.display()
                            );
                        }
                    }
                }
            }
            progress.draw(printed, bytes_read.load(Ordering::Relaxed));
        }
        progress.clear();
        if !a.quiet {
            printer.end(&mut out, &scanner, !any_error).map_err(stop)?;
        }
        out.flush().map_err(stop)?;
        if !a.quiet && (walked || a.paths.len() > 1) {
            eprintln!("sladd: {}", summary.line());
        }
        Ok(())
    });
    result?;
    Ok(if any_error {
        EXIT_ERROR
    } else if any_found {
        EXIT_FOUND
    } else {
        EXIT_CLEAN
    })
}

/// What a worker reports about one input: a chunk's findings, then the
/// outcome.
enum Msg {
    Batch(Batch),
    Done(io::Result<Outcome>),
}

/// The closing summary of a scan of several files.
#[derive(Default)]
struct Summary {
    /// Files read, by format.
    formats: BTreeMap<&'static str, usize>,
    /// Files not read in full.
    unscanned: usize,
    /// Unscanned parts by reason (the reason's words before any `:`).
    reasons: BTreeMap<String, usize>,
    /// Files with at least one finding.
    with_findings: usize,
    /// Files skipped as binary (`--no-documents`).
    binary: usize,
    /// Files that could not be opened or read.
    unreadable: usize,
}

impl Summary {
    fn add(
        &mut self,
        format: detect_docs::Format,
        unscanned: &[detect_docs::Unscanned],
        found: bool,
    ) {
        *self.formats.entry(format.as_str()).or_default() += 1;
        if !unscanned.is_empty() {
            self.unscanned += 1;
        }
        for u in unscanned {
            let head = u.reason.split(':').next().unwrap_or_default();
            *self.reasons.entry(head.trim().to_string()).or_default() += 1;
        }
        self.with_findings += usize::from(found);
    }

    /// `summary: 8 files (docx 1, encrypted 1, text 6): 7 read in full,
    /// 1 unscanned (encrypted 1), 3 with findings`
    fn line(&self) -> String {
        fn list<K: std::fmt::Display>(m: &BTreeMap<K, usize>) -> String {
            let v: Vec<String> =
                m.iter().map(|(k, n)| format!("{k} {n}")).collect();
            v.join(", ")
        }
        let files: usize = self.formats.values().sum();
        let mut line = format!(
            "summary: {files} file{}",
            if files == 1 { "" } else { "s" }
        );
        if files > 0 {
            line.push_str(&format!(" ({})", list(&self.formats)));
        }
        line.push_str(&format!(
            ": {} read in full, {} unscanned",
            files - self.unscanned,
            self.unscanned
        ));
        if self.unscanned > 0 {
            line.push_str(&format!(" ({})", list(&self.reasons)));
        }
        line.push_str(&format!(", {} with findings", self.with_findings));
        if self.binary > 0 {
            line.push_str(&format!(", {} skipped as binary", self.binary));
        }
        if self.unreadable > 0 {
            line.push_str(&format!(", {} not readable", self.unreadable));
        }
        line
    }
}

/// A one-line progress report on stderr, shown once the work has taken
/// a second, redrawn at most ten times a second.
struct Progress {
    on: bool,
    total: usize,
    started: Instant,
    last: Option<Instant>,
    shown: bool,
}

impl Progress {
    fn new(on: bool, total: usize) -> Progress {
        Progress {
            on,
            total,
            started: Instant::now(),
            last: None,
            shown: false,
        }
    }

    fn draw(&mut self, done: usize, bytes: u64) {
        if !self.on || self.started.elapsed() < Duration::from_secs(1) {
            return;
        }
        if self.last.is_some_and(|t| t.elapsed() < Duration::from_millis(100))
        {
            return;
        }
        self.last = Some(Instant::now());
        let mib = bytes as f64 / (1024.0 * 1024.0);
        let secs = self.started.elapsed().as_secs_f64();
        let width = 30;
        let filled = (done * width).checked_div(self.total).unwrap_or(0);
        eprint!(
            "\r\x1b[K[{}{}] {done}/{} inputs, {mib:.1} MiB, {:.0} MiB/s",
            "#".repeat(filled),
            " ".repeat(width - filled),
            self.total,
            mib / secs.max(0.001)
        );
        self.shown = true;
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[K");
            self.shown = false;
            self.last = None;
        }
    }
}
