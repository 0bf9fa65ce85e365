//! `sladd noark`: screens Noark 5 archives, journal reports, postliste CSV
//! and eInnsyn JSON entry by entry (docs/contract.md §11); the work is
//! done by `detect_noark`.

use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::Path;

use detect_noark::{Assessor, Columns, ReadError};

use crate::args::ScannerArgs;

/// How `sladd noark` ended badly.
pub(crate) enum Failure {
    /// A message for stderr; exit 2.
    Error(String),
    /// Writing to stdout failed.
    Output(io::Error),
}

/// The output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NoarkFormat {
    Text,
    Jsonl,
}

#[derive(Debug)]
pub(crate) struct NoarkArgs {
    scanner: ScannerArgs,
    format: NoarkFormat,
    gate: bool,
    columns: Columns,
    screen_officers: bool,
    quiet: bool,
    paths: Vec<String>,
}

pub(crate) const HELP: &str = "\
sladd noark: screen archives and public journals before they are published

USAGE:
    sladd noark [OPTIONS] FILE...

Reads Noark 5 arkivstruktur.xml (an arkivuttrekk, streamed in bounded
memory), offentligJournal and loependeJournal reports, postliste CSV
exports and eInnsyn JSON, known by content (`-` reads standard input).
For every registry entry, case file and class it reports, values masked:
systemID, the fields screened and their findings, the record risk (clean,
personal, special, identifying), a proposed offentligTittel (national IDs
replaced by ******, and names too when a person and a sensitive term meet
in the entry), a proposed offentligTittelSensitiv (names kept; never an ID,
nor a sensitive term beside a name), the suggested skjermingMetadata
values (`Skjerming tittel registrering - utvalgte ord`, `Skjerming navn
avsender`, `Skjerming navn mottaker`, `Skjerming navn part i sak`,
`Skjerming klasseID`…) and whether the existing offentligTittel leaks.

The parties' names are known names for the entry's titles (and those of
the enclosing case file for its registry entries). Case officers
(saksbehandler, saksansvarlig, administrativEnhet) are public and only
checked for national IDs, unless --screen-officers.

EXAMPLES:
    sladd noark arkivstruktur.xml
    sladd noark --format jsonl --gate offentligJournal.xml > report.jsonl
    sladd noark --columns tittel=Innhold,korrespondansepart=4 postliste.csv
    sladd noark --gate --format jsonl postliste.json

OPTIONS:
    --format FORMAT         text (default: entries with findings or a gate
                            failure, as readable blocks) or jsonl (one
                            object per entry, every entry)
    --gate                  exit 1 when a field that will be published
                            (offentligTittel, else tittel; names of parties
                            unless screened; klasseID; officers) holds a
                            national ID in any written form, or ties a
                            person to a sensitive term; 0 otherwise
    --columns LIST          CSV columns: KIND=HEADER or KIND=NUMBER,
                            comma-separated; KIND is one of id, tittel,
                            offentligTittel, offentligTittelSensitiv,
                            sakstittel, beskrivelse, avsender, mottaker,
                            korrespondansepart, part, saksbehandler,
                            administrativEnhet, klasseID, journalposttype,
                            skjermingMetadata. Other columns are found by
                            their usual headers (tittel, innhold,
                            offentligTittel, avsender, mottaker,
                            avsender/mottaker, saksbehandler, …)
    --screen-officers       screen the names of case officers too
    -q, --quiet             print no entries and no summary
    --kinds LIST, --countries LIST, --min-confidence LEVEL,
    --reference-date DATE, --known-names FILE, --allow FILE
                            as for `sladd scan`
    -h, --help              this text

Output is the same for the same input on every run: entries in input
order (a case file after its registry entries, when its element closes).

Exit status: with --gate, 0 every entry passes, 1 one fails; without, 0
nothing found, 1 something found. 2 an error: a file that cannot be read
or parsed in full is reported on stderr with its line and element, and is
never counted as clean.
";

/// Parses the options of `sladd noark`.
pub(crate) fn parse(
    mut p: lexopt::Parser,
) -> Result<crate::args::Command, lexopt::Error> {
    use lexopt::prelude::*;
    let mut a = NoarkArgs {
        scanner: ScannerArgs::default(),
        format: NoarkFormat::Text,
        gate: false,
        columns: Columns::default(),
        screen_officers: false,
        quiet: false,
        paths: Vec::new(),
    };
    while let Some(arg) = p.next()? {
        match arg {
            Long(name) if ScannerArgs::OPTIONS.contains(&name) => {
                let name = name.to_owned();
                a.scanner.set(&name, p.value()?.string()?);
            }
            Short('h') | Long("help") => {
                return Ok(crate::args::Command::Help(HELP));
            }
            Long("format") => {
                let v = p.value()?.string()?;
                a.format = match v.to_ascii_lowercase().as_str() {
                    "text" => NoarkFormat::Text,
                    "jsonl" => NoarkFormat::Jsonl,
                    _ => {
                        return Err(format!(
                            "--format: unknown format {v:?} (expected text \
                             or jsonl)"
                        )
                        .into());
                    }
                };
            }
            Long("gate") => a.gate = true,
            Long("columns") => {
                let v = p.value()?.string()?;
                a.columns = Columns::parse(&v)
                    .map_err(|e| format!("--columns: {e}"))?;
            }
            Long("screen-officers") => a.screen_officers = true,
            Short('q') | Long("quiet") => a.quiet = true,
            Value(v) => a.paths.push(v.string()?),
            other => return Err(other.unexpected()),
        }
    }
    if a.paths.is_empty() {
        return Err(
            "noark needs at least one FILE (`-` for standard input); \
                    see `sladd noark --help`"
                .into(),
        );
    }
    Ok(crate::args::Command::Noark(a))
}

/// Counts for the summary and the exit status.
#[derive(Default)]
struct Tally {
    entries: u64,
    with_findings: u64,
    failing: u64,
    errors: u64,
}

/// Runs `sladd noark`; returns the exit status.
pub(crate) fn run(a: NoarkArgs) -> Result<u8, Failure> {
    // Checks the options first, naming the one at fault.
    a.scanner.build().map_err(Failure::Error)?;
    let assessor = Assessor::new(a.scanner.builder().map_err(Failure::Error)?)
        .map_err(|e| Failure::Error(e.to_string()))?
        .screen_officers(a.screen_officers);
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut t = Tally::default();
    for path in &a.paths {
        let entries = if path == "-" {
            let input: Box<dyn BufRead> =
                Box::new(BufReader::new(io::stdin()));
            detect_noark::read_any(input, &a.columns)
        } else {
            detect_noark::read_path(Path::new(path), &a.columns)
        };
        let shown = (path != "-").then_some(path.as_str());
        let entries = match entries {
            Ok(e) => e,
            Err(e) => {
                report_error(path, &e, &mut t);
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    report_error(path, &e, &mut t);
                    break;
                }
            };
            let r = assessor.assess(&entry);
            t.entries += 1;
            t.with_findings += u64::from(!r.findings.is_empty());
            t.failing += u64::from(!r.passes());
            if a.quiet {
                continue;
            }
            let written = match a.format {
                NoarkFormat::Jsonl => {
                    serde_json::to_writer(&mut out, &r.to_json(shown))
                        .map_err(io::Error::other)
                        .and_then(|()| out.write_all(b"\n"))
                }
                NoarkFormat::Text if !r.findings.is_empty() || !r.passes() => {
                    out.write_all(r.to_text(shown).as_bytes())
                }
                NoarkFormat::Text => Ok(()),
            };
            written.map_err(Failure::Output)?;
        }
    }
    out.flush().map_err(Failure::Output)?;
    if !a.quiet {
        eprintln!(
            "sladd noark: {} entries, {} with findings, {} failing the gate{}",
            t.entries,
            t.with_findings,
            t.failing,
            if t.errors > 0 {
                format!(", {} file(s) not read in full", t.errors)
            } else {
                String::new()
            }
        );
    }
    Ok(if t.errors > 0 {
        2
    } else if a.gate {
        u8::from(t.failing > 0)
    } else {
        u8::from(t.with_findings > 0)
    })
}

/// Reports a file that could not be read in full.
fn report_error(path: &str, e: &ReadError, t: &mut Tally) {
    t.errors += 1;
    let path = if path == "-" { "<stdin>" } else { path };
    let mut where_ = String::new();
    if e.line > 0 {
        where_.push_str(&format!(":{}", e.line));
    }
    if e.context.is_empty() {
        eprintln!(
            "sladd: {path}{where_}: {} (not read in full: never counted as \
             clean)",
            e.message
        );
    } else {
        eprintln!(
            "sladd: {path}{where_}: in {}: {} (not read in full: never \
             counted as clean)",
            e.context, e.message
        );
    }
}
