//! Reads eInnsyn JSON: the API's objects (`Journalpost`, `Saksmappe`,
//! `Moetemappe`, `Moetesak`), a list response (`{"items": [...]}`), an
//! array, JSON lines, or JSON-LD with `arkiv:`-prefixed keys and
//! `@graph`.

use serde_json::Value;

use crate::entry::{Entry, FieldRole, Level, PartyRole, Source};
use crate::error::ReadError;

/// Reads the entries of eInnsyn JSON held in `input`: every object with a
/// title (`offentligTittel`, `offentligTittelSensitiv`, `tittel`) is an
/// entry, its `korrespondansepart` objects are its parties, and objects
/// nested in it (an expanded `saksmappe`) are entries of their own. Keys
/// may carry a prefix (`arkiv:offentligTittel`). One JSON value, or many
/// (JSON lines), are read.
///
/// ```
/// let json = r#"{"items": [{"entity": "Journalpost", "id": "jp_1",
///   "offentligTittel": "Søknad om ******",
///   "offentligTittelSensitiv": "Søknad om sosialhjelp",
///   "korrespondansepart": [{"korrespondanseparttype": "avsender",
///     "korrespondansepartNavnSensitiv": "Kari Nordmann"}]}]}"#;
/// let entries = detect_noark::read_einnsyn_json(json.as_bytes())?;
/// assert_eq!(entries.len(), 1);
/// assert_eq!(entries[0].system_id.as_deref(), Some("jp_1"));
/// assert_eq!(entries[0].parties[0].name, "Kari Nordmann");
/// # Ok::<(), detect_noark::ReadError>(())
/// ```
///
/// # Errors
///
/// Input that is not JSON, with the line and column at fault.
pub fn read_einnsyn_json(input: &[u8]) -> Result<Vec<Entry>, ReadError> {
    let input = input.strip_prefix("\u{feff}".as_bytes()).unwrap_or(input);
    let mut out = Vec::new();
    let mut stream =
        serde_json::Deserializer::from_slice(input).into_iter::<Value>();
    let mut n = 0usize;
    loop {
        let start = stream.byte_offset();
        match stream.next() {
            None => break,
            Some(Ok(v)) => {
                let line = line_at(input, start);
                walk(&v, &format!("/{n}"), line, &mut out);
                n += 1;
            }
            Some(Err(e)) => {
                return Err(ReadError::new(
                    e.line() as u64,
                    format!("column {}", e.column()),
                    format!("damaged JSON: {e}"),
                ));
            }
        }
    }
    if n == 0 {
        return Err(ReadError::new(0, "", "no JSON value in the input"));
    }
    Ok(out)
}

/// The 1-based line of the first non-blank byte at or after `at`.
fn line_at(input: &[u8], at: usize) -> u64 {
    let at = input[at.min(input.len())..]
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .map_or(input.len(), |p| at + p);
    1 + input[..at].iter().filter(|&&c| c == b'\n').count() as u64
}

/// The key without a prefix: `arkiv:offentligTittel` → `offentligTittel`.
fn bare(k: &str) -> &str {
    k.rsplit([':', '#', '/']).next().unwrap_or(k)
}

/// A string value (or a JSON-LD `{"@value": …}`), if any.
fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("@value").and_then(text),
        Value::Array(a) if a.len() == 1 => text(&a[0]),
        _ => None,
    }
}

/// Whether an object is an entry.
fn is_entry(o: &serde_json::Map<String, Value>) -> bool {
    o.keys().any(|k| {
        matches!(
            bare(k),
            "offentligTittel" | "offentligTittelSensitiv" | "tittel"
        )
    })
}

fn level_of(o: &serde_json::Map<String, Value>) -> (Level, String) {
    let entity = o
        .iter()
        .find(|(k, _)| matches!(bare(k), "entity" | "@type" | "type"))
        .and_then(|(_, v)| text(v))
        .map(|s| bare(&s).to_string())
        .unwrap_or_default();
    let low = entity.to_lowercase();
    let level = if low.contains("mappe") {
        Level::Mappe
    } else if low.contains("klasse") {
        Level::Klasse
    } else {
        Level::Registrering
    };
    let entity = if entity.is_empty() { "object".into() } else { entity };
    (level, entity)
}

fn walk(v: &Value, ptr: &str, line: u64, out: &mut Vec<Entry>) {
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk(x, &format!("{ptr}/{i}"), line, out);
            }
        }
        Value::Object(o) if is_entry(o) => {
            let (level, entity) = level_of(o);
            let mut e = Entry::new(Source::Einnsyn, level, "");
            e.entity = entity;
            e.line = line;
            let mut nested = Vec::new();
            for (k, x) in o {
                let key = bare(k);
                match key {
                    "id" | "@id" | "systemId" | "systemID" | "externalId" => {
                        if e.system_id.is_none()
                            && let Some(s) = text(x)
                        {
                            e.system_id = Some(s);
                        }
                    }
                    "tittel"
                    | "offentligTittel"
                    | "offentligTittelSensitiv"
                    | "beskrivelse"
                    | "noekkelord"
                    | "saksbehandler"
                    | "saksansvarlig"
                    | "administrativEnhet"
                    | "journalposttype"
                    | "skjermingMetadata" => {
                        if let Some(s) = text(x) {
                            e.push_field(key, s, line);
                        }
                    }
                    "korrespondansepart" | "part" => {
                        let list: Vec<&Value> = match x {
                            Value::Array(a) => a.iter().collect(),
                            other => vec![other],
                        };
                        for p in list {
                            if let Value::Object(po) = p {
                                party(&mut e, key, po, line);
                            }
                        }
                    }
                    _ => {
                        if matches!(x, Value::Object(_) | Value::Array(_)) {
                            nested.push((k.clone(), x));
                        }
                    }
                }
            }
            // Prefer the human identifier when `id` was missing.
            if e.system_id.is_none() {
                e.system_id = Some(ptr.to_string());
            }
            out.push(e);
            for (k, x) in nested {
                walk(x, &format!("{ptr}/{k}"), line, out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                walk(x, &format!("{ptr}/{k}"), line, out);
            }
        }
        _ => {}
    }
}

/// Adds a `korrespondansepart` or `part` object as a party of `e`.
fn party(
    e: &mut Entry,
    key: &str,
    o: &serde_json::Map<String, Value>,
    line: u64,
) {
    let role = if key == "part" {
        PartyRole::Part
    } else {
        let t = o
            .iter()
            .find(|(k, _)| bare(k) == "korrespondanseparttype")
            .and_then(|(_, v)| text(v))
            .unwrap_or_default();
        PartyRole::of_type(&t)
    };
    let i = e.add_party(role);
    for (k, v) in o {
        let k = bare(k);
        let frole = match k {
            "korrespondansepartNavn"
            | "korrespondansepartNavnSensitiv"
            | "partNavn"
            | "partNavnSensitiv" => FieldRole::PartyName,
            "partID" => FieldRole::PartyId,
            "postadresse" | "postnummer" | "poststed" | "epostadresse"
            | "telefonnummer" | "kontaktperson" => FieldRole::PartyContact,
            "saksbehandler" | "administrativEnhet" => FieldRole::Officer,
            _ => continue,
        };
        if let Some(s) = text(v) {
            let name = e.party_field_name(i, k);
            e.push_party_field(i, name, frole, s, line);
        }
    }
}
