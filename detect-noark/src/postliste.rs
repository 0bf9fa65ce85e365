//! Reads a postliste CSV export: one registry entry per row, columns found
//! by their usual headers or chosen by name or number.

use std::io::Read;

use crate::entry::{Entry, FieldRole, Level, PartyRole, Source};
use crate::error::ReadError;

/// What a postliste column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// The entry's identifier (`systemID`, `id`, `journalpostnummer`…).
    Id,
    /// The internal title (`tittel`, `innhold`, `dokumenttittel`).
    Tittel,
    /// The public title (`offentligTittel`, `offentlig tittel`).
    OffentligTittel,
    /// The public title with names (`offentligTittelSensitiv`).
    OffentligTittelSensitiv,
    /// The title of the case file (`sakstittel`, `saksinnhold`).
    Sakstittel,
    /// Free text (`beskrivelse`, `merknad`, `noekkelord`).
    Beskrivelse,
    /// The sender (`avsender`, `fra`).
    Avsender,
    /// The recipient (`mottaker`, `til`).
    Mottaker,
    /// A correspondent of either direction (`avsender/mottaker`,
    /// `korrespondansepart`).
    Korrespondent,
    /// A party of the case (`part`, `partNavn`, `sakspart`).
    Part,
    /// The case officer (`saksbehandler`, `saksansvarlig`).
    Saksbehandler,
    /// The unit (`administrativEnhet`, `enhet`, `avdeling`).
    Enhet,
    /// `klasseID` (`arkivkode`, `ordningsverdi`).
    KlasseId,
    /// The direction (`journalposttype`, `type`, `I/U`).
    Journalposttype,
    /// The screening already set (`skjermingMetadata`, `skjerming`).
    Skjerming,
}

impl Column {
    /// Every column kind, in the order fields are read from a row.
    pub const ALL: [Column; 15] = [
        Column::Id,
        Column::Tittel,
        Column::OffentligTittel,
        Column::OffentligTittelSensitiv,
        Column::Sakstittel,
        Column::Beskrivelse,
        Column::Avsender,
        Column::Mottaker,
        Column::Korrespondent,
        Column::Part,
        Column::Saksbehandler,
        Column::Enhet,
        Column::KlasseId,
        Column::Journalposttype,
        Column::Skjerming,
    ];

    /// The name used in `--columns` (`tittel=3`) and in reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Tittel => "tittel",
            Column::OffentligTittel => "offentligTittel",
            Column::OffentligTittelSensitiv => "offentligTittelSensitiv",
            Column::Sakstittel => "sakstittel",
            Column::Beskrivelse => "beskrivelse",
            Column::Avsender => "avsender",
            Column::Mottaker => "mottaker",
            Column::Korrespondent => "korrespondansepart",
            Column::Part => "part",
            Column::Saksbehandler => "saksbehandler",
            Column::Enhet => "administrativEnhet",
            Column::KlasseId => "klasseID",
            Column::Journalposttype => "journalposttype",
            Column::Skjerming => "skjermingMetadata",
        }
    }

    /// The headers recognised for this column, normalised (lower case,
    /// letters and digits only).
    fn headers(self) -> &'static [&'static str] {
        match self {
            Column::Id => &[
                "systemid",
                "id",
                "journalpostid",
                "jpid",
                "journalpostnummer",
                "journalpostnr",
                "dokumentnummer",
                "dokid",
                "journalnummer",
                "registreringsid",
                "løpenummer",
                "lopenummer",
            ],
            Column::Tittel => &[
                "tittel",
                "title",
                "innhold",
                "dokumenttittel",
                "journalposttittel",
                "dokumentbeskrivelse",
            ],
            Column::OffentligTittel => &[
                "offentligtittel",
                "offentlegtittel",
                "offentliginnhold",
                "publictitle",
            ],
            Column::OffentligTittelSensitiv => {
                &["offentligtittelsensitiv", "offentlegtittelsensitiv"]
            }
            Column::Sakstittel => &[
                "sakstittel",
                "saksinnhold",
                "saksoffentligtittel",
                "sakensoffentligetittel",
                "saksnavn",
            ],
            Column::Beskrivelse => &[
                "beskrivelse",
                "merknad",
                "merknadstekst",
                "noekkelord",
                "nøkkelord",
            ],
            Column::Avsender => &["avsender", "fra", "avsendernavn"],
            Column::Mottaker => &["mottaker", "til", "mottakernavn"],
            Column::Korrespondent => &[
                "avsendermottaker",
                "mottakeravsender",
                "korrespondansepart",
                "korrespondansepartnavn",
                "avsmot",
            ],
            Column::Part => &["part", "partnavn", "sakspart", "parter"],
            Column::Saksbehandler => {
                &["saksbehandler", "saksansvarlig", "saksbeh", "ansvarlig"]
            }
            Column::Enhet => {
                &["administrativenhet", "enhet", "avdeling", "admenhet"]
            }
            Column::KlasseId => {
                &["klasseid", "arkivkode", "ordningsverdi", "klasse"]
            }
            Column::Journalposttype => {
                &["journalposttype", "type", "iu", "retning", "dokumenttype"]
            }
            Column::Skjerming => &["skjermingmetadata", "skjerming"],
        }
    }

    /// The column kind with this `--columns` name (any case).
    pub fn from_name(s: &str) -> Option<Column> {
        let n = normalise(s);
        Column::ALL.into_iter().find(|c| {
            normalise(c.as_str()) == n || c.headers().contains(&n.as_str())
        })
    }
}

/// Lower case, letters and digits only.
fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A column chosen by the caller: a header (any case, punctuation
/// ignored) or a 1-based number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnRef {
    /// By header.
    Name(String),
    /// By 1-based position.
    Number(usize),
}

/// Which column holds what. The default recognises the usual headers;
/// [`Columns::set`] overrides one, [`Columns::parse`] reads the
/// `--columns` syntax.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    chosen: Vec<(Column, ColumnRef)>,
}

impl Columns {
    /// Chooses the column of `what`.
    pub fn set(mut self, what: Column, col: ColumnRef) -> Columns {
        self.chosen.retain(|(c, _)| *c != what);
        self.chosen.push((what, col));
        self
    }

    /// Parses `tittel=3,avsender=Fra,id=Journalpost ID`: each item a
    /// column kind ([`Column::as_str`] or a usual header) and a header or
    /// 1-based number.
    ///
    /// ```
    /// use detect_noark::{Column, ColumnRef, Columns};
    /// let c = Columns::parse("tittel=3, avsender=Fra")?;
    /// assert_eq!(c, Columns::default()
    ///     .set(Column::Tittel, ColumnRef::Number(3))
    ///     .set(Column::Avsender, ColumnRef::Name("Fra".into())));
    /// assert!(Columns::parse("colour=3").is_err());
    /// # Ok::<(), String>(())
    /// ```
    ///
    /// # Errors
    ///
    /// An item without `=`, an unknown column kind, a column number 0.
    pub fn parse(spec: &str) -> Result<Columns, String> {
        let mut c = Columns::default();
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let Some((k, v)) = item.split_once('=') else {
                return Err(format!(
                    "{item:?}: expected KIND=COLUMN, e.g. tittel=3"
                ));
            };
            let what = Column::from_name(k.trim()).ok_or_else(|| {
                format!(
                    "{:?}: unknown column kind (expected one of: {})",
                    k.trim(),
                    Column::ALL.map(Column::as_str).join(", ")
                )
            })?;
            let v = v.trim();
            let col = match v.parse::<usize>() {
                Ok(0) => {
                    return Err(format!("{item:?}: columns count from 1"));
                }
                Ok(n) => ColumnRef::Number(n),
                Err(_) => ColumnRef::Name(v.to_string()),
            };
            c = c.set(what, col);
        }
        Ok(c)
    }

    /// The 0-based index of every column kind found in `header`.
    fn resolve(
        &self,
        header: &[String],
    ) -> Result<Vec<(Column, usize)>, ReadError> {
        let norm: Vec<String> = header.iter().map(|h| normalise(h)).collect();
        let mut out: Vec<(Column, usize)> = Vec::new();
        for (what, col) in &self.chosen {
            let i = match col {
                ColumnRef::Number(n) if *n <= header.len() => n - 1,
                ColumnRef::Number(n) => {
                    return Err(ReadError::new(
                        1,
                        format!("column {n}"),
                        format!(
                            "--columns {}={n}: the header has only {} columns",
                            what.as_str(),
                            header.len()
                        ),
                    ));
                }
                ColumnRef::Name(name) => {
                    let n = normalise(name);
                    norm.iter().position(|h| *h == n).ok_or_else(|| {
                        ReadError::new(
                            1,
                            format!("column {name:?}"),
                            format!(
                                "--columns {}={name}: no such header (the \
                                 header is: {})",
                                what.as_str(),
                                header.join(", ")
                            ),
                        )
                    })?
                }
            };
            out.push((*what, i));
        }
        for what in Column::ALL {
            if out.iter().any(|(c, _)| *c == what) {
                continue;
            }
            // A column taken by the caller is not guessed again.
            if let Some(i) = norm.iter().enumerate().position(|(i, h)| {
                what.headers().contains(&h.as_str())
                    && !out.iter().any(|(_, j)| *j == i)
            }) {
                out.push((what, i));
            }
        }
        if !out.iter().any(|(c, _)| {
            matches!(
                c,
                Column::Tittel
                    | Column::OffentligTittel
                    | Column::OffentligTittelSensitiv
            )
        }) {
            return Err(ReadError::new(
                1,
                "header",
                format!(
                    "no title column found (the header is: {}); choose one \
                     with --columns tittel=NAME or tittel=NUMBER",
                    header.join(", ")
                ),
            ));
        }
        out.sort_by_key(|(c, _)| Column::ALL.iter().position(|x| x == c));
        Ok(out)
    }
}

/// Reads a postliste CSV export: a header row, then one registry entry
/// per row. The delimiter (`;`, `,` or tab) is taken from the header line;
/// text that is not UTF-8 is read as Windows-1252, as Excel writes it.
/// Columns are found by their usual headers (`tittel`, `offentligTittel`,
/// `avsender`, `mottaker`, `avsender/mottaker`, `saksbehandler`,
/// `journalpostnummer`…) or chosen with `columns`.
///
/// ```
/// use detect_noark::{Columns, read_postliste_csv};
/// let csv = "Journalpostnummer;Innhold;Avsender/mottaker;Saksbehandler\n\
///            2024/1-1;Søknad om barnehageplass;Kari Nordmann;Per Hansen\n";
/// let rows: Vec<_> = read_postliste_csv(csv.as_bytes(), &Columns::default())?
///     .collect::<Result<_, _>>()?;
/// assert_eq!(rows[0].system_id.as_deref(), Some("2024/1-1"));
/// assert_eq!(rows[0].line, 2);
/// assert_eq!(rows[0].parties[0].name, "Kari Nordmann");
/// # Ok::<(), detect_noark::ReadError>(())
/// ```
///
/// # Errors
///
/// The header cannot be read, or a chosen column is not in it, or no
/// title column is found.
pub fn read_postliste_csv<R: Read>(
    input: R,
    columns: &Columns,
) -> Result<CsvEntries<R>, ReadError> {
    let mut input = std::io::BufReader::new(input);
    // Sniff the delimiter from the first line without consuming it.
    let head = {
        use std::io::BufRead;
        let b = input.fill_buf().map_err(|e| {
            ReadError::new(1, "header", format!("cannot read: {e}"))
        })?;
        let end = b.iter().position(|&c| c == b'\n').unwrap_or(b.len());
        b[..end].to_vec()
    };
    let delim = [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|d| head.iter().filter(|c| *c == d).count())
        .unwrap_or(b',');
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let mut rec = csv::ByteRecord::new();
    let got = rdr.read_byte_record(&mut rec).map_err(|e| csv_err(&e, 1))?;
    if !got {
        return Err(ReadError::new(1, "header", "empty file: no header row"));
    }
    let mut header: Vec<String> = rec.iter().map(decode).collect();
    if let Some(h) = header.first_mut() {
        *h = h.trim_start_matches('\u{feff}').to_string();
    }
    let cols = columns.resolve(&header)?;
    Ok(CsvEntries { rdr, cols, header, rec, done: false })
}

/// A CSV error as a [`ReadError`].
fn csv_err(e: &csv::Error, line: u64) -> ReadError {
    let line = e.position().map(|p| p.line()).unwrap_or(line);
    ReadError::new(line, "", format!("damaged CSV: {e}"))
}

/// A field's text: UTF-8, else Windows-1252.
fn decode(b: &[u8]) -> String {
    match std::str::from_utf8(b) {
        Ok(s) => s.to_string(),
        Err(_) => b.iter().map(|&c| cp1252(c)).collect(),
    }
}

/// One Windows-1252 byte as a character.
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ',
        '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—',
        '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// The rows of a postliste CSV ([`read_postliste_csv`]).
pub struct CsvEntries<R: Read> {
    rdr: csv::Reader<std::io::BufReader<R>>,
    cols: Vec<(Column, usize)>,
    header: Vec<String>,
    rec: csv::ByteRecord,
    done: bool,
}

impl<R: Read> CsvEntries<R> {
    /// The column kinds found and their headers, in reading order.
    pub fn columns(&self) -> Vec<(Column, &str)> {
        self.cols.iter().map(|(c, i)| (*c, self.header[*i].as_str())).collect()
    }

    fn row(&self) -> Entry {
        let line = self.rec.position().map(|p| p.line()).unwrap_or(0);
        let mut e = Entry::new(Source::Postliste, Level::Registrering, "");
        e.entity = "row".into();
        e.line = line;
        for (c, i) in &self.cols {
            let v = decode(self.rec.get(*i).unwrap_or_default());
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            let role = match c {
                Column::Id => {
                    e.system_id = Some(v.to_string());
                    continue;
                }
                Column::Avsender => PartyRole::Avsender,
                Column::Mottaker => PartyRole::Mottaker,
                Column::Korrespondent => PartyRole::Korrespondent,
                Column::Part => PartyRole::Part,
                Column::Tittel => {
                    e.push_field("tittel", v.into(), line);
                    continue;
                }
                Column::OffentligTittel => {
                    e.push_field("offentligTittel", v.into(), line);
                    continue;
                }
                Column::OffentligTittelSensitiv => {
                    e.push_field("offentligTittelSensitiv", v.into(), line);
                    continue;
                }
                other => {
                    e.push_field(other.as_str(), v.into(), line);
                    continue;
                }
            };
            // A cell may list several parties, one per line or `;`-free
            // comma-less list; each line is one party.
            for name in v.lines().map(str::trim).filter(|s| !s.is_empty()) {
                let p = e.add_party(role);
                let fname = e.party_field_name(p, "Navn");
                e.push_party_field(
                    p,
                    fname,
                    FieldRole::PartyName,
                    name.to_string(),
                    line,
                );
            }
        }
        e
    }
}

impl<R: Read> Iterator for CsvEntries<R> {
    type Item = Result<Entry, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.rdr.read_byte_record(&mut self.rec) {
            Ok(true) => Some(Ok(self.row())),
            Ok(false) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(csv_err(&e, 0)))
            }
        }
    }
}
