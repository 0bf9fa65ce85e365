//! `sladd scan --risk`: one line per record with its risk level
//! (docs/contract.md §9) and the kinds behind it, instead of the findings.
//!
//! A record is a line, a CSV row or a whole file (`--records`). Files are
//! read through `detect_docs::extract`, so documents are records too (a
//! document's parts each hold lines and rows; with `--records file` the
//! whole document is one record). Values never appear in this output: only
//! levels and kind names.

use std::fmt::Write as _;
use std::io::{self, Read, Write};

use detect_core::{Assessment, Match, Risk, Scanner};
use detect_docs::{Limits, Part};

use crate::args::{Format, Records, ScanArgs};
use crate::scan::{Input, io_cause};
use crate::{EXIT_CLEAN, EXIT_ERROR, EXIT_FOUND, Failure};

/// Runs `sladd scan --risk`.
pub(crate) fn run(a: &ScanArgs, scanner: &Scanner) -> Result<u8, Failure> {
    if !matches!(a.format, Format::Text | Format::Jsonl) {
        return Err("--risk: the output format is text or jsonl"
            .to_string()
            .into());
    }
    let (inputs, _) = crate::scan::collect(&a.paths, a.follow);
    let limits = Limits::default();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let (mut any_risk, mut any_error) = (false, false);
    for input in &inputs {
        let (name, bytes) = match read(input) {
            Ok(Some(x)) => x,
            Ok(None) => continue,
            Err(msg) => {
                eprintln!("sladd: {msg}");
                any_error = true;
                continue;
            }
        };
        let parts = if a.no_documents {
            vec![Part {
                location: String::new(),
                text: String::from_utf8_lossy(&bytes).into_owned(),
            }]
        } else {
            let mut x = detect_docs::extract(&name, &bytes, &limits);
            if x.format == detect_docs::Format::Text {
                // A plain text file has one part: no part name to print.
                for p in &mut x.parts {
                    p.location.clear();
                }
            }
            for u in &x.unscanned {
                let at = if u.location.is_empty() {
                    String::new()
                } else {
                    format!(":{}", u.location)
                };
                eprintln!("sladd: {name}{at}: unscanned: {}", u.reason);
                any_error = true;
            }
            x.parts
        };
        let path = match input {
            Input::Stdin => None,
            _ => Some(name.as_str()),
        };
        let mut emit =
            |part: &str, record: Option<Record>, a_: &Assessment| {
                any_risk |= a_.risk > Risk::Clean;
                if a_.risk < a.min_risk || a.quiet {
                    return Ok(());
                }
                let line = line_of(a.format, path, part, record, a_);
                out.write_all(line.as_bytes())
            };
        match a.records {
            Records::File => {
                let mut all: Vec<Match> = Vec::new();
                for p in &parts {
                    all.extend(scanner.find_iter(&p.text));
                }
                emit("", None, &Assessment::of(all))
                    .map_err(Failure::Output)?;
            }
            Records::Line | Records::Csv => {
                for p in &parts {
                    let csv = a.records == Records::Csv;
                    for r in records(&p.text, csv) {
                        let rec = &p.text[r.start..r.end];
                        emit(&p.location, Some(r), &scanner.assess(rec))
                            .map_err(Failure::Output)?;
                    }
                }
            }
        }
    }
    out.flush().map_err(Failure::Output)?;
    Ok(if any_error {
        EXIT_ERROR
    } else if any_risk {
        EXIT_FOUND
    } else {
        EXIT_CLEAN
    })
}

/// The name and bytes of an input; `None` for a notice (printed here).
fn read(input: &Input) -> Result<Option<(String, Vec<u8>)>, String> {
    match input {
        Input::Stdin => {
            let mut b = Vec::new();
            io::stdin()
                .read_to_end(&mut b)
                .map_err(|e| format!("<stdin>: {}", io_cause(&e)))?;
            Ok(Some(("<stdin>".to_string(), b)))
        }
        Input::File(p) => {
            let b = std::fs::read(p)
                .map_err(|e| format!("{}: {}", p.display(), io_cause(&e)))?;
            Ok(Some((p.display().to_string(), b)))
        }
        Input::Error(msg) => Err(msg.clone()),
        Input::Notice(msg) => {
            eprintln!("sladd: {msg}");
            Ok(None)
        }
    }
}

/// One record of a part: its byte range, its 1-based first line, and for
/// CSV its 1-based row after the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Record {
    start: usize,
    end: usize,
    line: usize,
    row: Option<usize>,
}

/// The records of `text`: its lines, or with `csv` its rows after the
/// header, where a double-quoted field may hold line breaks (and `""` a
/// quote). A final empty line is no record.
pub(crate) fn records(text: &str, csv: bool) -> Vec<Record> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut line, mut next_line) = (0, 1, 1);
    let mut quoted = false;
    let mut i = 0;
    while i <= b.len() {
        let at_end = i == b.len();
        let c = if at_end { b'\n' } else { b[i] };
        if csv && c == b'"' {
            quoted = !quoted;
        } else if c == b'\n' {
            if !at_end {
                next_line += 1;
            }
            if !quoted || at_end {
                let mut end = i;
                if end > start && b[end - 1] == b'\r' {
                    end -= 1;
                }
                if !(at_end && start == b.len()) {
                    out.push(Record { start, end, line, row: None });
                }
                start = i + 1;
                line = next_line;
            }
        }
        i += 1;
    }
    if csv {
        // The header names the columns: no record.
        if !out.is_empty() {
            out.remove(0);
        }
        for (n, r) in out.iter_mut().enumerate() {
            r.row = Some(n + 1);
        }
    }
    out
}

/// One output line for a record.
fn line_of(
    format: Format,
    path: Option<&str>,
    part: &str,
    rec: Option<Record>,
    a: &Assessment,
) -> String {
    let kinds: Vec<&str> = a.categories.iter().map(|k| k.as_str()).collect();
    let mut s = String::new();
    if format == Format::Jsonl {
        // Keys in a fixed order, as the findings' records have.
        let str_or_null = |v: Option<&str>| {
            v.map_or("null".to_string(), |v| {
                serde_json::Value::from(v).to_string()
            })
        };
        let num_or_null =
            |v: Option<usize>| v.map_or("null".to_string(), |n| n.to_string());
        let _ = writeln!(
            s,
            "{{\"path\": {}, \"part\": {}, \"line\": {}, \"row\": {}, \
             \"risk\": \"{}\", \"categories\": {}, \"findings\": {}}}",
            str_or_null(path),
            str_or_null((!part.is_empty()).then_some(part)),
            num_or_null(rec.map(|r| r.line)),
            num_or_null(rec.and_then(|r| r.row)),
            a.risk,
            serde_json::Value::from(kinds),
            a.findings.len()
        );
        return s;
    }
    s.push_str(path.unwrap_or("<stdin>"));
    if !part.is_empty() {
        let _ = write!(s, ":{part}");
    }
    if let Some(r) = rec {
        let _ = write!(s, ":{}", r.line);
        if let Some(row) = r.row {
            let _ = write!(s, " (row {row})");
        }
    }
    let _ = write!(s, ": {}", a.risk);
    if !kinds.is_empty() {
        let _ = write!(s, " {}", kinds.join(","));
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str, csv: bool) -> Vec<(&str, usize, Option<usize>)> {
        records(text, csv)
            .into_iter()
            .map(|r| (&text[r.start..r.end], r.line, r.row))
            .collect()
    }

    #[test]
    fn lines_and_csv_rows() {
        assert_eq!(
            spans("a\r\nb\n\nc", false),
            [("a", 1, None), ("b", 2, None), ("", 3, None), ("c", 4, None)]
        );
        assert_eq!(spans("a\n", false), [("a", 1, None)]);
        assert_eq!(spans("", false), []);
        let csv = "tittel,dato\n\"Vedtak,\nKari\",1\n\"sa \"\"ja\"\"\",2\n";
        assert_eq!(
            spans(csv, true),
            [
                ("\"Vedtak,\nKari\",1", 2, Some(1)),
                ("\"sa \"\"ja\"\"\",2", 4, Some(2))
            ]
        );
    }
}
