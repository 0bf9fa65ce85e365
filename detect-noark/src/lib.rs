/*!
Screens archives before they are published (docs/contract.md §11): a
Noark 5 `arkivstruktur.xml` (streamed, in bounded memory), an
`offentligJournal` or `loependeJournal` report, a postliste CSV export or
eInnsyn JSON.

For every registry entry, case file and class it gives, values masked:
the fields screened and their findings, the record risk
(docs/contract.md §9), a proposed `offentligTittel` and
`offentligTittelSensitiv`, the suggested `skjermingMetadata` values
(M502, as the Noark 5 metadatakatalog writes them), whether the entry's
own `offentligTittel` leaks, and whether it passes the gate.

# The rules

* **Record**: one entry with all its fields (titles, descriptions,
  keywords, remarks, parties with names, IDs and addresses, class ID)
  is one record. The names of its parties that are people (a name found
  by the scanner, a national ID as `partID`, or a person's shape and no
  organisation word), and those of the parties of its enclosing case
  files, are known names for its text: found whole, by first or last name
  alone, with a genitive, and by the core's rules for known names.
* **`offentligTittel`**: national IDs always become `******`; when a
  person (a name or an ID) and a sensitive term meet in the record, names,
  contact and financial data too. The sensitive term stays: once the
  names are screened (the suggested `skjermingMetadata` screens the
  people among the parties) it is tied to nobody who is shown.
* **`offentligTittelSensitiv`**: names kept; national IDs always become
  `******`, and when a person and a sensitive term meet, the sensitive
  terms, since the names are shown beside them.
* **`skjermingMetadata`**: `Skjerming tittel registrering - utvalgte ord`
  (or `mappe`, or `Skjerming tittel klasse`) when the proposal screens
  words of the title; `Skjerming navn avsender`, `… mottaker`, `… part i
  sak` for the people among the parties when a person and a sensitive
  term meet, or when the party's name field holds an ID; `Skjerming
  klasseID`, `Skjerming tittel dokumentbeskrivelse`, `Skjerming
  merknadstekst` when those fields hold what the title rule screens.
* **Gate**: an entry fails when a field that will be published (see
  [`Field::published`]) holds a national ID in any written form, or when
  what will be published ties a person to a sensitive term. Case
  officers are public: their fields are only checked for IDs unless
  [`Assessor::screen_officers`] is set.

# Example

```
use detect_noark::{assess_entry, read_journal};
use detect_core::Risk;

let xml = r#"<offentligJournal>
  <journalhode><journalStartDato>2024-01-01</journalStartDato></journalhode>
  <journalregistrering>
    <saksmappe><saksaar>2024</saksaar><sakssekvensnummer>3</sakssekvensnummer>
      <offentligTittel>Bekymringsmelding</offentligTittel></saksmappe>
    <journalpost><systemID>jp-9</systemID>
      <offentligTittel>Bekymringsmelding - Kari Nordmann 010180-00055</offentligTittel>
      <korrespondansepart><korrespondanseparttype>Mottaker</korrespondanseparttype>
        <korrespondansepartNavn>Kari Nordmann</korrespondansepartNavn></korrespondansepart>
    </journalpost>
  </journalregistrering>
</offentligJournal>"#;
let reports: Vec<_> = read_journal(xml.as_bytes())
    .map(|e| e.map(|e| assess_entry(&e)))
    .collect::<Result<_, _>>()?;
let jp = &reports[1];
assert_eq!(jp.risk, Risk::Identifying);
assert_eq!(jp.offentlig_tittel.as_deref(), Some("Bekymringsmelding - ****** ******"));
assert_eq!(jp.offentlig_tittel_sensitiv.as_deref(), Some("****** - Kari Nordmann ******"));
assert_eq!(jp.skjerming, [
    "Skjerming tittel registrering - utvalgte ord",
    "Skjerming navn mottaker",
]);
assert_eq!(jp.offentlig_tittel_leaks, Some(true));
assert!(!jp.passes());
# Ok::<(), detect_noark::ReadError>(())
```
*/

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod assess;
mod einnsyn;
mod entry;
mod error;
mod postliste;
mod report;
pub mod skjerming;
mod xml;

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

pub use crate::assess::{
    Assessor, EntryReport, Finding, GateReason, SCREENED, assess_entry,
};
pub use crate::einnsyn::read_einnsyn_json;
pub use crate::entry::{
    Entry, Field, FieldRole, Level, Party, PartyRole, Source,
};
pub use crate::error::ReadError;
pub use crate::postliste::{
    Column, ColumnRef, Columns, CsvEntries, read_postliste_csv,
};
pub use crate::xml::{
    MAX_DEPTH, MAX_FIELD, XmlEntries, read_arkivstruktur, read_journal,
    read_noark_xml,
};

/// The entries of one input, whatever its format.
pub type Entries = Box<dyn Iterator<Item = Result<Entry, ReadError>>>;

/// The format of an input, known by its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Noark 5 XML: arkivstruktur or a journal report.
    Xml,
    /// eInnsyn JSON.
    Json,
    /// A postliste CSV.
    Csv,
}

/// The format of an input whose first bytes are `head`: `<` starts XML,
/// `{` or `[` JSON, anything else is read as CSV (a byte-order mark and
/// white space skipped).
///
/// ```
/// use detect_noark::{sniff, Format};
/// assert_eq!(sniff(b"\xEF\xBB\xBF<?xml version=\"1.0\"?>"), Format::Xml);
/// assert_eq!(sniff(b"  [{\"id\": 1}]"), Format::Json);
/// assert_eq!(sniff(b"tittel;avsender"), Format::Csv);
/// ```
pub fn sniff(head: &[u8]) -> Format {
    let h = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match h.iter().find(|c| !c.is_ascii_whitespace()) {
        Some(b'<') => Format::Xml,
        Some(b'{' | b'[') => Format::Json,
        _ => Format::Csv,
    }
}

/// Opens `path` and reads its entries in the format [`sniff`] finds:
/// XML is streamed, CSV is streamed with `columns`, JSON is read whole.
///
/// # Errors
///
/// The file cannot be opened or read, or (CSV) its header does not fit
/// `columns`, or (JSON) it is not valid JSON. Errors while streaming come
/// from the iterator.
pub fn read_path(
    path: &Path,
    columns: &Columns,
) -> Result<Entries, ReadError> {
    let io = |e: std::io::Error| ReadError::new(0, "", e.to_string());
    let f = File::open(path).map_err(io)?;
    read_any(BufReader::with_capacity(1 << 16, f), columns)
}

/// Reads the entries of any input in the format [`sniff`] finds (see
/// [`read_path`]).
///
/// # Errors
///
/// As [`read_path`].
pub fn read_any<R: BufRead + 'static>(
    mut input: R,
    columns: &Columns,
) -> Result<Entries, ReadError> {
    let io = |e: std::io::Error| ReadError::new(0, "", e.to_string());
    let head = input.fill_buf().map_err(io)?.to_vec();
    Ok(match sniff(&head) {
        Format::Xml => Box::new(read_noark_xml(input)),
        Format::Csv => Box::new(read_postliste_csv(input, columns)?),
        Format::Json => {
            let mut all = Vec::new();
            input.read_to_end(&mut all).map_err(io)?;
            Box::new(read_einnsyn_json(&all)?.into_iter().map(Ok))
        }
    })
}
