//! Command-line parsing (lexopt) and the help texts.
//!
//! Parsing only checks the shape of the arguments; values that the scanner
//! judges (kind and country names, the threshold) are checked when the
//! scanner is built, so its error message names the value at fault.

use std::ffi::OsString;
use std::str::FromStr;

use detect_core::{
    Confidence, Date, Group, Kind, RedactStyle, Risk, Scanner, ScannerBuilder,
};

/// What to run.
#[derive(Debug)]
pub(crate) enum Command {
    Scan(ScanArgs),
    Redact(RedactArgs),
    Noark(crate::noark::NoarkArgs),
    Validate {
        kind: String,
        value: String,
    },
    /// Print this text to stdout and exit 0.
    Help(&'static str),
    Version,
}

/// Options that choose what the scanner reports.
#[derive(Debug, Default)]
pub(crate) struct ScannerArgs {
    kinds: Option<String>,
    countries: Option<String>,
    min_confidence: Option<String>,
    reference_date: Option<String>,
    known_names: Option<String>,
    allow: Option<String>,
    lenient: bool,
}

impl ScannerArgs {
    /// The long options that choose what the scanner reports.
    pub(crate) const OPTIONS: [&'static str; 6] = [
        "kinds",
        "countries",
        "min-confidence",
        "reference-date",
        "known-names",
        "allow",
    ];

    /// Sets the option `name` (one of [`Self::OPTIONS`]).
    pub(crate) fn set(&mut self, name: &str, value: String) {
        let slot = match name {
            "kinds" => &mut self.kinds,
            "countries" => &mut self.countries,
            "min-confidence" => &mut self.min_confidence,
            "known-names" => &mut self.known_names,
            "allow" => &mut self.allow,
            _ => &mut self.reference_date,
        };
        *slot = Some(value);
    }

    /// Builds the scanner, naming the option and value at fault.
    pub(crate) fn build(&self) -> Result<Scanner, String> {
        self.builder()?.build().map_err(|e| {
            let opt = if self.kinds.is_some() && self.countries.is_some() {
                "--kinds/--countries"
            } else if self.countries.is_some() {
                "--countries"
            } else {
                "--kinds"
            };
            format!("{opt}: {e}")
        })
    }

    /// The scanner's builder, with the options set; [`Self::build`]
    /// checks them.
    pub(crate) fn builder(&self) -> Result<ScannerBuilder, String> {
        let mut b = Scanner::builder().lenient(self.lenient);
        if let Some(list) = &self.kinds {
            b = b.kind_names(split_list(list));
        }
        if let Some(list) = &self.countries {
            b = b.country_names(split_list(list));
        }
        if let Some(level) = &self.min_confidence {
            let level = Confidence::from_str(level)
                .map_err(|e| format!("--min-confidence: {e}"))?;
            b = b.min_confidence(level);
        }
        if let Some(date) = &self.reference_date {
            let date = Date::from_str(date).map_err(|e| {
                format!("--reference-date: {e} (expected YYYY-MM-DD)")
            })?;
            b = b.reference_date(date);
        }
        if let Some(path) = &self.known_names {
            b = b.known_names(list_file("--known-names", path)?);
        }
        if let Some(path) = &self.allow {
            b = b.allow(list_file("--allow", path)?);
        }
        Ok(b)
    }
}

/// The entries of a list file: one per line, UTF-8, blank lines and lines
/// starting with `#` skipped. The error names the option and the file.
fn list_file(opt: &str, path: &str) -> Result<Vec<String>, String> {
    let text = std::fs::read(path).map_err(|e| {
        format!("{opt}: {path}: {}", crate::scan::io_cause(&e))
    })?;
    let text = String::from_utf8(text)
        .map_err(|_| format!("{opt}: {path}: not UTF-8 text"))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// The kinds of each group, one line per group, for the help texts; the
/// kinds table is their only source.
fn kinds_by_group() -> String {
    let mut out = String::new();
    for g in Group::ALL {
        let kinds: Vec<&str> = g.kinds().map(Kind::as_str).collect();
        let off = if g.default_on() { "" } else { " (off by default)" };
        out.push_str(&format!(
            "        {}{off}: {}\n",
            g.as_str(),
            kinds.join(", ")
        ));
    }
    out.push_str(
        "        personal: ids, names, contact and financial; all: every kind",
    );
    out
}

/// A help text with its `{KINDS}` line filled in from the kinds table.
pub(crate) fn render(help: &str) -> String {
    help.replace("{KINDS}", &kinds_by_group())
}

/// `a,b, c` → `["a", "b", "c"]`; empty items are dropped.
fn split_list(list: &str) -> Vec<&str> {
    list.split(',').map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// Output format of `scan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Jsonl,
    Json,
    Sarif,
}

/// When to colour the text output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug)]
pub(crate) struct ScanArgs {
    pub(crate) scanner: ScannerArgs,
    pub(crate) format: Format,
    pub(crate) show_values: bool,
    pub(crate) paths: Vec<OsString>,
    pub(crate) threads: usize,
    pub(crate) follow: bool,
    pub(crate) binary: bool,
    /// Read every file as text (`--no-documents`).
    pub(crate) no_documents: bool,
    pub(crate) color: ColorChoice,
    pub(crate) quiet: bool,
    pub(crate) progress: Option<bool>,
    /// `--risk`: one risk line per record instead of the findings.
    pub(crate) risk: bool,
    /// What a record is, for `--risk`.
    pub(crate) records: Records,
    /// The lowest risk printed with `--risk`.
    pub(crate) min_risk: Risk,
}

/// What one record is for `--risk`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Records {
    /// Each line.
    Line,
    /// Each CSV row after the header (quoted fields may span lines).
    Csv,
    /// The whole file (a document: all its parts).
    File,
}

#[derive(Debug)]
pub(crate) struct RedactArgs {
    pub(crate) scanner: ScannerArgs,
    pub(crate) style: RedactStyle,
    pub(crate) output: Option<OsString>,
    pub(crate) in_place: bool,
    /// For a PDF: write the redacted text (`--text`).
    pub(crate) text: bool,
    /// Whether `--style` was given.
    pub(crate) style_given: bool,
    pub(crate) path: Option<OsString>,
}

pub(crate) const MAIN_HELP: &str = "\
sladd: find Nordic personal data in text, and mask it

Knows the Norwegian fødselsnummer (D-, H-, FH-, DUF-nummer), the Danish
CPR-nummer, the Swedish personnummer and samordningsnummer, the Finnish
henkilötunnus and the Icelandic kennitala, and the kinds of each group:
{KINDS}

USAGE:
    sladd scan [OPTIONS] [PATH ...]     report what is found
    sladd redact [OPTIONS] [PATH]       write the file with IDs masked
    sladd validate KIND VALUE           check one number
    sladd noark [OPTIONS] FILE...       screen Noark 5 archives, journals,
                                        postliste CSV and eInnsyn JSON

EXAMPLES:
    sladd scan documents/               every file below documents/, Office,
                                        ODF, PDF, e-mail and HTML included
    sladd scan --format jsonl a.txt     one JSON object per finding
    cat mail.eml | sladd scan           standard input
    sladd redact --in-place letter.txt  mask the IDs in place
    sladd validate no_fnr 01018000055   exit 0 if valid, 1 if not

Exit status: 0 nothing found, 1 something found, 2 an error.
Run `sladd scan --help`, `sladd redact --help`, `sladd validate --help` or
`sladd noark --help` for the options of each.
";

pub(crate) const SCAN_HELP: &str = "\
sladd scan: report Nordic personal ID numbers in files

USAGE:
    sladd scan [OPTIONS] [PATH ...]

Directories are searched recursively, on all cores; no PATH or `-` reads
standard input (as text). Output is in the order of the PATHs, and within
a directory sorted by name, whatever the number of threads.

Documents are read in their own formats, known by content first and name
second: docx, xlsx, pptx, odt, ods, odp, pdf (text layer), eml, html, rtf
and zip archives of these, with every part (headers, comments, cells,
sheet names, properties, attachments). A finding names the part:
`minutes.docx:word/comments.xml:3:14: ...`. A file that cannot be read in
full (encrypted, damaged, a PDF without text, over a size limit, a binary
format not known) is reported on stderr as `PATH: unscanned: REASON` and
makes the exit status 2; it is never counted as clean. When more than one
file was given or a directory walked, a summary closes the run on stderr.

EXAMPLES:
    sladd scan examples/
        examples/dk_sagsakt.txt:7:37: dk_cpr high 010180-****
        examples/sak.docx:word/comments.xml:1:11: dk_cpr high 010180-****
    sladd scan --min-confidence high --countries no,dk archive/
    sladd scan --kinds no_fnr,no_dnr --format jsonl export.csv
        {\"path\": \"export.csv\", \"line\": 3, \"column\": 17, \"start\": 120, ...}
    sladd scan --format sarif src/ > sladd.sarif     for code scanning
    pdftotext report.pdf - | sladd scan -
    sladd scan -q big.log && echo clean

Values are masked: the birth date stays, the rest becomes `*`
(`010180 *****`), so the output is safe to share. --show-values prints the
numbers in full.

OPTIONS:
    --format FORMAT           text (default), jsonl, json or sarif
        text:  PATH:LINE:COLUMN: KIND CONFIDENCE VALUE (column in bytes),
               PATH:PART:LINE:COLUMN: ... in a document
        jsonl: one object per finding, fields path, part, line, column,
               start, end, kind, group, confidence, value (path null for
               stdin, part null outside documents; in a document line,
               column, start and end count in the part's extracted text)
        json:  an array of the same objects
        sarif: SARIF 2.1.0, one rule per kind (kept in memory until
               the end, as one document; the others stream out)
    --kinds LIST              only these kinds or groups, comma-separated
                              (default: every group but organisations):
{KINDS}
    --countries LIST          only the kinds of these countries: no, dk,
                              se, fi, is (kinds of no country stay)
    --known-names FILE        names of the people of the input (parties of
                              a case), one per line
    --allow FILE              values never to report, one per line
    --min-confidence LEVEL    low, medium (default) or high
        high:   valid, with a keyword such as `fnr`, `CPR`, `hetu` near it
        medium: valid by every rule of its kind
        low:    plausible only (a weaker form without a keyword)
    --risk                    instead of the findings, one line per record
                              with its risk: clean < personal (names,
                              contact, financial data) < special (a person
                              and a sensitive term) < identifying (a
                              national ID), and the kinds behind it
    --records line|csv|file   what a record is for --risk: each line
                              (default), each CSV row after the header, or
                              the whole file
    --min-risk LEVEL          print only records at this risk or above
                              (default: clean, every record)
    --show-values             print the numbers unmasked
    --reference-date DATE     the date counted as today (YYYY-MM-DD)
    --lenient                 scanned and OCR'd text: also read an ID whose
                              digits are broken by stray or doubled spaces
                              or a misplaced hyphen, when a label of its
                              kind (`Personnr:`, `CPR:`, `Kennitala:`…)
                              stands right before it (flag `ocr`)
    -q, --quiet               print no findings and no summary; the exit
                              status tells (errors still go to stderr)
    -j, --threads N           worker threads (default: one per core)
    -L, --follow              follow symbolic links inside directories
                              (loops are noticed and skipped)
    -a, --binary              read binary files of no known format as
                              text instead of reporting them unscanned
    --no-documents            read every file as text, as bytes (files
                              with a NUL in the first 8 KiB are skipped)
    --color WHEN              auto (default: on a terminal), always, never
    --progress / --no-progress
                              a progress line on stderr (default: when
                              stderr is a terminal and the work is long)
    -h, --help                this text

Exit status: 0 nothing found, 1 something found, 2 an error (a file that
cannot be read or is unscanned is reported on stderr and the other files
are still scanned).
";

pub(crate) const REDACT_HELP: &str = "\
sladd redact: write a file with the Nordic personal ID numbers masked

USAGE:
    sladd redact [OPTIONS] [PATH]

Reads PATH (or standard input if none or `-`) and writes it with every
finding masked: to standard output, to FILE with -o, or back to PATH with
--in-place. Files are written to a temporary file beside the target and
renamed into place, keeping the target's permissions, so a failed run
never leaves a half-written file. Text of any size is streamed.

Documents (docx, xlsx, pptx, odt, ods, odp, html, eml, rtf, zip) are
written back in their own format with every finding masked in every part
(`mask` style). A PDF is refused: its text cannot be removed safely, and
--text writes the redacted text instead. A file with anything that cannot
be read (encrypted, damaged, over a limit) is refused, nothing written.

EXAMPLES:
    sladd redact letter.txt > letter.redacted.txt
        Kari Nordmann, fnr. 010180 00055   →   Kari Nordmann, fnr. ****** *****
    sladd redact --style label letter.txt
        Kari Nordmann, fnr. [no_fnr]
    sladd redact --style keep_birthdate -o out.csv export.csv
        Kari Nordmann, fnr. 010180 *****
    sladd redact --in-place --countries se diarium.txt
    psql -c 'copy t to stdout' | sladd redact > t.txt

OPTIONS:
    --style STYLE             mask (default: every digit and letter becomes
                              `*`, length unchanged), label (`[no_fnr]`) or
                              keep_birthdate (`010180 *****`)
    -o, --output FILE         write to FILE instead of standard output
    -i, --in-place            write back to PATH
    --text                    for a PDF: write its redacted text
    --kinds LIST, --countries LIST, --min-confidence LEVEL,
    --reference-date DATE, --known-names FILE, --allow FILE, --lenient
                              as for `sladd scan`
    -h, --help                this text

Exit status: 0 written, 2 an error.
";

pub(crate) const VALIDATE_HELP: &str = "\
sladd validate: check one identity number

USAGE:
    sladd validate KIND VALUE

KIND is a kind, or `any` to print every kind VALUE is valid as. The kinds,
by group:
{KINDS}
Separators are allowed in VALUE. Context plays no part.

EXAMPLES:
    sladd validate no_fnr 01018000055       valid      (exit 0)
    sladd validate no_fnr 01018000056       invalid    (exit 1)
    sladd validate se_snr 701063-2391       valid
    sladd validate any 120160-3389          dk_cpr, is_kt

Exit status: 0 valid, 1 not valid, 2 an error (unknown KIND).
";

/// Parses the command line (without the program name).
pub(crate) fn parse(
    args: impl IntoIterator<Item = OsString>,
) -> Result<Command, String> {
    parse_inner(lexopt::Parser::from_args(args)).map_err(|e| e.to_string())
}

fn parse_inner(mut p: lexopt::Parser) -> Result<Command, lexopt::Error> {
    use lexopt::prelude::*;
    let Some(arg) = p.next()? else { return Ok(Command::Help(MAIN_HELP)) };
    match arg {
        Short('h') | Long("help") => Ok(Command::Help(MAIN_HELP)),
        Short('V') | Long("version") => Ok(Command::Version),
        Value(cmd) => match cmd.to_str() {
            Some("scan") => parse_scan(p),
            Some("redact") => parse_redact(p),
            Some("validate") => parse_validate(p),
            Some("noark") => crate::noark::parse(p),
            Some("help") => Ok(Command::Help(match p.next()? {
                Some(Value(v)) if v == "scan" => SCAN_HELP,
                Some(Value(v)) if v == "redact" => REDACT_HELP,
                Some(Value(v)) if v == "validate" => VALIDATE_HELP,
                Some(Value(v)) if v == "noark" => crate::noark::HELP,
                _ => MAIN_HELP,
            })),
            _ => Err(format!(
                "unknown command {:?} (expected scan, redact, validate or \
                 noark; see `sladd --help`)",
                cmd.to_string_lossy()
            )
            .into()),
        },
        other => Err(other.unexpected()),
    }
}

fn parse_scan(mut p: lexopt::Parser) -> Result<Command, lexopt::Error> {
    use lexopt::prelude::*;
    let mut a = ScanArgs {
        scanner: ScannerArgs::default(),
        format: Format::Text,
        show_values: false,
        paths: Vec::new(),
        threads: 0,
        follow: false,
        binary: false,
        no_documents: false,
        color: ColorChoice::Auto,
        quiet: false,
        progress: None,
        risk: false,
        records: Records::Line,
        min_risk: Risk::Clean,
    };
    while let Some(arg) = p.next()? {
        match arg {
            Long(name) if ScannerArgs::OPTIONS.contains(&name) => {
                let name = name.to_owned();
                a.scanner.set(&name, p.value()?.string()?);
            }
            Short('h') | Long("help") => return Ok(Command::Help(SCAN_HELP)),
            Long("risk") => a.risk = true,
            Long("records") => {
                let v = p.value()?.string()?;
                a.records = match v.to_ascii_lowercase().as_str() {
                    "line" => Records::Line,
                    "csv" => Records::Csv,
                    "file" => Records::File,
                    _ => {
                        return Err(format!(
                            "--records: unknown value {v:?} (expected one \
                             of: line, csv, file)"
                        )
                        .into());
                    }
                };
            }
            Long("min-risk") => {
                let v = p.value()?.string()?;
                a.min_risk =
                    v.parse().map_err(|e| format!("--min-risk: {e}"))?;
            }
            Long("format") => {
                let v = p.value()?.string()?;
                a.format = match v.to_ascii_lowercase().as_str() {
                    "text" => Format::Text,
                    "jsonl" => Format::Jsonl,
                    "json" => Format::Json,
                    "sarif" => Format::Sarif,
                    _ => {
                        return Err(format!(
                            "--format: unknown format {v:?} (expected one \
                             of: text, jsonl, json, sarif)"
                        )
                        .into());
                    }
                };
            }
            Long("show-values") => a.show_values = true,
            Long("lenient") => a.scanner.lenient = true,
            Short('q') | Long("quiet") => a.quiet = true,
            Short('j') | Long("threads") => {
                let v = p.value()?.string()?;
                a.threads = v.parse().map_err(|_| {
                    format!("--threads: {v:?} is not a number of threads")
                })?;
            }
            Short('L') | Long("follow") => a.follow = true,
            Short('a') | Long("binary") => a.binary = true,
            Long("no-documents") => a.no_documents = true,
            Long("progress") => a.progress = Some(true),
            Long("no-progress") => a.progress = Some(false),
            Long("color") | Long("colour") => {
                let v = p.value()?.string()?;
                a.color = match v.as_str() {
                    "auto" => ColorChoice::Auto,
                    "always" => ColorChoice::Always,
                    "never" => ColorChoice::Never,
                    _ => {
                        return Err(format!(
                            "--color: unknown value {v:?} (expected auto, \
                             always or never)"
                        )
                        .into());
                    }
                };
            }
            Value(v) => a.paths.push(v),
            other => return Err(other.unexpected()),
        }
    }
    Ok(Command::Scan(a))
}

fn parse_redact(mut p: lexopt::Parser) -> Result<Command, lexopt::Error> {
    use lexopt::prelude::*;
    let mut a = RedactArgs {
        scanner: ScannerArgs::default(),
        style: RedactStyle::Mask,
        output: None,
        in_place: false,
        text: false,
        style_given: false,
        path: None,
    };
    while let Some(arg) = p.next()? {
        match arg {
            Long(name) if ScannerArgs::OPTIONS.contains(&name) => {
                let name = name.to_owned();
                a.scanner.set(&name, p.value()?.string()?);
            }
            Short('h') | Long("help") => {
                return Ok(Command::Help(REDACT_HELP));
            }
            Long("style") => {
                let v = p.value()?.string()?;
                a.style = v.parse().map_err(|e| format!("--style: {e}"))?;
                a.style_given = true;
            }
            Short('o') | Long("output") => a.output = Some(p.value()?),
            Short('i') | Long("in-place") => a.in_place = true,
            Long("text") => a.text = true,
            Long("lenient") => a.scanner.lenient = true,
            Value(v) if a.path.is_none() => a.path = Some(v),
            Value(v) => {
                return Err(format!(
                    "redact takes one PATH, got a second: {:?}",
                    v.to_string_lossy()
                )
                .into());
            }
            other => return Err(other.unexpected()),
        }
    }
    if a.in_place && a.output.is_some() {
        return Err("--in-place and --output cannot be used together".into());
    }
    if a.in_place && a.path.as_ref().is_none_or(|p| p == "-") {
        return Err("--in-place needs a PATH to a file".into());
    }
    Ok(Command::Redact(a))
}

fn parse_validate(mut p: lexopt::Parser) -> Result<Command, lexopt::Error> {
    use lexopt::prelude::*;
    let mut values = Vec::new();
    while let Some(arg) = p.next()? {
        match arg {
            Short('h') | Long("help") => {
                return Ok(Command::Help(VALIDATE_HELP));
            }
            Value(v) => values.push(v.string()?),
            other => return Err(other.unexpected()),
        }
    }
    match <[String; 2]>::try_from(values) {
        Ok([kind, value]) => Ok(Command::Validate { kind, value }),
        Err(v) => Err(format!(
            "validate takes KIND and VALUE, got {} argument(s); e.g. \
             `sladd validate no_fnr 01018000055`",
            v.len()
        )
        .into()),
    }
}
