//! The report formats of `sladd scan`: text, JSON lines, JSON, SARIF.

use std::io::{self, Write};

use detect_core::{Confidence, Kind, Scanner};
use serde_json::json;

use crate::args::Format;
use crate::scan::{Batch, Finding, Input};

/// The SARIF schema this output follows.
const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes findings in one format, input by input, in order.
pub(crate) struct Printer {
    format: Format,
    color: bool,
    /// Whether a JSON array element has been written already.
    json_started: bool,
    /// SARIF results, written at the end.
    sarif: Vec<serde_json::Value>,
    /// The JSON object being written, kept from one finding to the next.
    line: Vec<u8>,
}

impl Printer {
    pub(crate) fn new(format: Format, color: bool) -> Printer {
        Printer {
            format,
            color,
            json_started: false,
            sarif: Vec::new(),
            line: Vec::new(),
        }
    }

    /// Writes what comes before the first finding.
    pub(crate) fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        if self.format == Format::Json {
            w.write_all(b"[")?;
        }
        Ok(())
    }

    /// Writes a batch of findings of one input.
    pub(crate) fn input(
        &mut self,
        w: &mut dyn Write,
        input: &Input,
        batch: &Batch,
    ) -> io::Result<()> {
        let name = input.display();
        let path = match input {
            Input::Stdin => None,
            _ => Some(name.as_str()),
        };
        for f in &batch.found {
            let (part, value) = (batch.part(f), batch.value(f));
            match self.format {
                Format::Text => self.text(w, &name, part, f, value)?,
                Format::Jsonl => {
                    self.line.clear();
                    record(&mut self.line, path, part, f, value);
                    self.line.push(b'\n');
                    w.write_all(&self.line)?;
                }
                Format::Json => {
                    let sep: &[u8] =
                        if self.json_started { b",\n" } else { b"\n" };
                    self.json_started = true;
                    self.line.clear();
                    self.line.extend_from_slice(sep);
                    record(&mut self.line, path, part, f, value);
                    w.write_all(&self.line)?;
                }
                Format::Sarif => {
                    self.sarif.push(sarif_result(path, part, f, value));
                }
            }
        }
        Ok(())
    }

    /// Writes what comes after the last finding.
    pub(crate) fn end(
        &mut self,
        w: &mut dyn Write,
        scanner: &Scanner,
        success: bool,
    ) -> io::Result<()> {
        match self.format {
            Format::Text | Format::Jsonl => Ok(()),
            Format::Json => {
                let tail: &[u8] =
                    if self.json_started { b"\n]\n" } else { b"]\n" };
                w.write_all(tail)
            }
            Format::Sarif => {
                let results = std::mem::take(&mut self.sarif);
                let log = sarif_log(scanner, results, success);
                serde_json::to_writer_pretty(&mut *w, &log)?;
                w.write_all(b"\n")
            }
        }
    }

    fn text(
        &self,
        w: &mut dyn Write,
        name: &str,
        part: Option<&str>,
        f: &Finding,
        value: &str,
    ) -> io::Result<()> {
        let (sep, part) = match part {
            Some(p) => (":", p),
            None => ("", ""),
        };
        if !self.color {
            return writeln!(
                w,
                "{name}{sep}{part}:{}:{}: {} {} {value}",
                f.line, f.column, f.kind, f.confidence
            );
        }
        // ripgrep's palette: magenta path, green line, bold match.
        let conf = match f.confidence {
            Confidence::High => "\x1b[1;31m",
            Confidence::Medium => "\x1b[33m",
            Confidence::Low => "\x1b[2m",
        };
        writeln!(
            w,
            "\x1b[35m{name}{sep}{part}\x1b[0m:\x1b[32m{}\x1b[0m:{}: \
             \x1b[1m{}\x1b[0m {conf}{}\x1b[0m {value}",
            f.line, f.column, f.kind, f.confidence
        )
    }
}

/// One finding as the JSON object of docs/contract.md §8, keys in its
/// order, `part` after `path` (null outside documents), written to `out`
/// without allocating.
fn record(
    out: &mut Vec<u8>,
    path: Option<&str>,
    part: Option<&str>,
    f: &Finding,
    value: &str,
) {
    use std::io::Write as _;
    out.extend_from_slice(b"{\"path\": ");
    json_opt(out, path);
    out.extend_from_slice(b", \"part\": ");
    json_opt(out, part);
    // Writing to a Vec cannot fail.
    let _ = write!(
        out,
        ", \"line\": {}, \"column\": {}, \"start\": {}, \"end\": {}, \
         \"kind\": \"{}\", \"group\": \"{}\", \"confidence\": \"{}\", \
         \"value\": ",
        f.line,
        f.column,
        f.start,
        f.end,
        f.kind,
        f.kind.group(),
        f.confidence,
    );
    json_str(out, value);
    out.push(b'}');
}

fn json_opt(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// `s` as a JSON string, escaped as serde_json escapes.
fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            0..0x20 => b"",
            _ => continue,
        };
        out.extend_from_slice(&s.as_bytes()[from..i]);
        if esc.is_empty() {
            use std::io::Write as _;
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.extend_from_slice(esc);
        }
        from = i + 1;
    }
    out.extend_from_slice(&s.as_bytes()[from..]);
    out.push(b'"');
}

/// What each kind is, for SARIF rules and messages: the kinds table's
/// description without its trailing period.
fn describe(kind: Kind) -> &'static str {
    kind.description().trim_end_matches('.')
}

fn level(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "error",
        Confidence::Medium => "warning",
        Confidence::Low => "note",
    }
}

/// A path as a relative URI reference (or a `file://` URI if absolute):
/// `/` separators, everything but unreserved characters percent-encoded.
fn uri(path: &str) -> String {
    let mut path = path.replace('\\', "/");
    while let Some(rest) = path.strip_prefix("./") {
        path = rest.to_string();
    }
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn sarif_result(
    path: Option<&str>,
    part: Option<&str>,
    f: &Finding,
    value: &str,
) -> serde_json::Value {
    let uri = path.map_or_else(|| "stdin".to_string(), uri);
    let mut region = json!({
        "startLine": f.line,
        "startColumn": f.char_column,
        "endColumn": f.end_char_column,
        "byteOffset": f.start,
        "byteLength": f.end - f.start,
    });
    if f.end_line != f.line {
        region["endLine"] = json!(f.end_line);
    }
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri },
            "region": region,
        }
    });
    if let Some(part) = part {
        // The part of a document: the region counts in its extracted text.
        let file = path.unwrap_or("stdin");
        location["logicalLocations"] = json!([{
            "name": part,
            "fullyQualifiedName": format!("{file}:{part}"),
            "kind": "part",
        }]);
    }
    json!({
        "ruleId": f.kind.as_str(),
        "level": level(f.confidence),
        "message": {
            "text": format!(
                "{} ({} confidence): {}",
                describe(f.kind), f.confidence, value
            ),
        },
        "properties": {
            "confidence": f.confidence.as_str(),
            "group": f.kind.group().as_str(),
        },
        "locations": [location],
    })
}

fn sarif_log(
    scanner: &Scanner,
    results: Vec<serde_json::Value>,
    success: bool,
) -> serde_json::Value {
    let rules: Vec<_> = Kind::ALL
        .iter()
        .filter(|k| scanner.detects(**k))
        .map(|k| {
            let what = describe(*k);
            json!({
                "id": k.as_str(),
                "name": k.as_str(),
                "shortDescription": { "text": format!("{what} found") },
                "fullDescription": {
                    "text": format!(
                        "{what} (group {}) appears in the text. Mask it \
                         with `sladd redact` before the text is shared.",
                        k.group()
                    ),
                },
                "defaultConfiguration": { "level": "warning" },
                "help": {
                    "text": "Remove or mask the number: sladd redact \
                             --in-place FILE",
                },
            })
        })
        .collect();
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "sladd",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "invocations": [{ "executionSuccessful": success }],
            "results": results,
        }],
    })
}
