//! Streams Noark 5 XML: an `arkivstruktur.xml` (root `arkiv`) or an
//! `offentligJournal` / `loependeJournal` report, one [`Entry`] at a time.
//!
//! Memory is bounded by the nesting depth and the size of one entry's own
//! fields, never by the file: an entry is handed out when its element
//! closes (so a case file comes after its registry entries, since the
//! `saksmappe` extension elements follow them in the schema), and only the
//! open entries are held.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::entry::{Entry, FieldRole, Level, PartyRole, Source};
use crate::error::ReadError;

/// Which roots a reader accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    Arkivstruktur,
    Journal,
    Any,
}

/// The longest text kept of one field, in bytes; longer text is an error
/// (a field of megabytes is not metadata, and would defeat the bound on
/// memory).
pub const MAX_FIELD: usize = 1 << 20;
/// The deepest element nesting accepted.
pub const MAX_DEPTH: usize = 256;

/// Reads the entries of a Noark 5 `arkivstruktur.xml` (root `arkiv`):
/// every `klasse`, `mappe` (`saksmappe`, `moetemappe`) and `registrering`
/// (`journalpost`, `arkivnotat`, `moeteregistrering`), with `systemID`,
/// `tittel`, `offentligTittel`, `beskrivelse`, `noekkelord`,
/// `merknadstekst`, `klasseID`, the parties (`part`, `korrespondansepart`
/// with names, IDs, addresses, e-mail, phone), the titles of
/// `dokumentbeskrivelse`, the case officers, the text of
/// `virksomhetsspesifikkeMetadata` and the `skjermingMetadata` already set.
///
/// The iterator streams: memory stays bounded however large the file. It
/// ends after the first error (a damaged file, a wrong root element).
///
/// ```
/// let xml = r#"<arkiv xmlns="http://www.arkivverket.no/standarder/noark5/arkivstruktur"
///     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
///   <systemID>a</systemID><tittel>Arkiv</tittel>
///   <arkivdel><systemID>d</systemID><tittel>Del</tittel>
///     <mappe xsi:type="saksmappe"><systemID>m1</systemID><tittel>Barnevern</tittel>
///       <part><partNavn>Kari Nordmann</partNavn><partRolle>Klient</partRolle></part>
///       <registrering xsi:type="journalpost"><systemID>r1</systemID>
///         <tittel>Melding om Kari</tittel>
///       </registrering>
///     </mappe>
///   </arkivdel>
/// </arkiv>"#;
/// let entries: Vec<_> = detect_noark::read_arkivstruktur(xml.as_bytes())
///     .collect::<Result<_, _>>()?;
/// assert_eq!(entries.len(), 2);
/// assert_eq!(entries[0].system_id.as_deref(), Some("r1"));
/// assert_eq!(entries[0].entity, "journalpost");
/// assert_eq!(entries[0].context_names, ["Kari Nordmann"]);
/// assert_eq!(entries[1].entity, "saksmappe");
/// # Ok::<(), detect_noark::ReadError>(())
/// ```
pub fn read_arkivstruktur<R: BufRead>(input: R) -> XmlEntries<R> {
    XmlEntries::new(input, Want::Arkivstruktur)
}

/// Reads the entries of an `offentligJournal` or `loependeJournal`
/// report: each `journalpost`, and each `saksmappe` and `klasse` once
/// (a journal repeats them for every registry entry).
///
/// ```
/// let xml = r#"<offentligJournal xmlns="http://www.arkivverket.no/standarder/noark5/offentligJournal">
///   <journalhode><journalStartDato>2024-01-01</journalStartDato></journalhode>
///   <journalregistrering>
///     <saksmappe><saksaar>2024</saksaar><sakssekvensnummer>7</sakssekvensnummer>
///       <offentligTittel>Byggesak</offentligTittel></saksmappe>
///     <journalpost><systemID>jp1</systemID><offentligTittel>Søknad</offentligTittel>
///       <korrespondansepart><korrespondanseparttype>Avsender</korrespondanseparttype>
///         <korrespondansepartNavn>Kari Nordmann</korrespondansepartNavn></korrespondansepart>
///     </journalpost>
///   </journalregistrering>
/// </offentligJournal>"#;
/// let entries: Vec<_> = detect_noark::read_journal(xml.as_bytes())
///     .collect::<Result<_, _>>()?;
/// assert_eq!(entries.len(), 2);
/// assert_eq!(entries[0].system_id.as_deref(), Some("2024/7"));
/// assert_eq!(entries[1].parties[0].role, detect_noark::PartyRole::Avsender);
/// # Ok::<(), detect_noark::ReadError>(())
/// ```
pub fn read_journal<R: BufRead>(input: R) -> XmlEntries<R> {
    XmlEntries::new(input, Want::Journal)
}

/// Reads any of the three Noark 5 XML inputs, by its root element.
pub fn read_noark_xml<R: BufRead>(input: R) -> XmlEntries<R> {
    XmlEntries::new(input, Want::Any)
}

/// An entry being read.
struct Open {
    entry: Entry,
    /// Index in the element path of the entry's element.
    depth: usize,
    /// The party being read and the depth of its element.
    party: Option<(usize, usize)>,
    /// Counters for numbered field names.
    docs: usize,
    merknader: usize,
    /// A journal's saksmappe: `saksaar` and `sakssekvensnummer`.
    saksaar: String,
    sakssekvensnummer: String,
    mappe_id: String,
}

/// Where captured text goes.
#[derive(Clone, Debug)]
enum Target {
    SystemId,
    Field(String),
    Party { name: String, role: FieldRole },
    PartyType,
    SaksAar,
    SaksSekv,
    MappeId,
}

struct Capture {
    depth: usize,
    target: Target,
    buf: String,
    line: u64,
}

/// The entries of a Noark 5 XML input ([`read_arkivstruktur`],
/// [`read_journal`], [`read_noark_xml`]).
pub struct XmlEntries<R: BufRead> {
    reader: Reader<R>,
    buf: Vec<u8>,
    want: Want,
    source: Option<Source>,
    path: Vec<String>,
    open: Vec<Open>,
    cap: Option<Capture>,
    line: u64,
    done: bool,
    /// A journal's case files and classes already handed out (hashes).
    seen: HashSet<u64>,
}

impl<R: BufRead> XmlEntries<R> {
    fn new(input: R, want: Want) -> XmlEntries<R> {
        let mut reader = Reader::from_reader(input);
        reader.config_mut().check_end_names = true;
        XmlEntries {
            reader,
            buf: Vec::with_capacity(4096),
            want,
            source: None,
            path: Vec::new(),
            open: Vec::new(),
            cap: None,
            line: 1,
            done: false,
            seen: HashSet::new(),
        }
    }

    /// The kind of input, once the root element has been read.
    pub fn source(&self) -> Option<Source> {
        self.source
    }

    fn err(&self, message: impl Into<String>) -> ReadError {
        ReadError::new(self.line, self.path.join("/"), message)
    }

    /// The level and entity of an element that opens an entry.
    fn opens(&self, name: &str, xsi: Option<&str>) -> Option<(Level, String)> {
        let source = self.source?;
        let entity = xsi.unwrap_or(name).to_string();
        let parent = self.path.iter().rev().nth(1).map(String::as_str);
        match source {
            Source::Arkivstruktur => {
                let level = match name {
                    "klasse" => Level::Klasse,
                    "mappe" => Level::Mappe,
                    "registrering" => Level::Registrering,
                    _ => return None,
                };
                Some((level, entity))
            }
            _ => {
                if parent != Some("journalregistrering") {
                    return None;
                }
                let level = match name {
                    "klasse" => Level::Klasse,
                    "saksmappe" => Level::Mappe,
                    "journalpost" => Level::Registrering,
                    _ => return None,
                };
                Some((level, entity))
            }
        }
    }

    fn start(
        &mut self,
        name: String,
        xsi: Option<String>,
    ) -> Result<(), ReadError> {
        if self.path.len() >= MAX_DEPTH {
            return Err(
                self.err(format!("elements nested deeper than {MAX_DEPTH}"))
            );
        }
        self.path.push(name);
        let d = self.path.len() - 1;
        let name = self.path[d].as_str();
        if d == 0 {
            let src = match name {
                "arkiv" => Source::Arkivstruktur,
                "offentligJournal" => Source::OffentligJournal,
                "loependeJournal" => Source::LoependeJournal,
                _ => {
                    return Err(self.err(format!(
                        "root element <{name}> is not a Noark 5 arkivstruktur \
                         (<arkiv>) or journal (<offentligJournal>, \
                         <loependeJournal>)"
                    )));
                }
            };
            let ok = match self.want {
                Want::Arkivstruktur => src == Source::Arkivstruktur,
                Want::Journal => src != Source::Arkivstruktur,
                Want::Any => true,
            };
            if !ok {
                return Err(self.err(format!(
                    "root element <{name}>: expected {}",
                    if self.want == Want::Journal {
                        "<offentligJournal> or <loependeJournal>"
                    } else {
                        "<arkiv>"
                    }
                )));
            }
            self.source = Some(src);
            return Ok(());
        }
        // A new start inside a captured element: that one was no leaf.
        if self.cap.as_ref().is_some_and(|c| c.depth < d) {
            self.cap = None;
        }
        if let Some((level, entity)) = self.opens(name, xsi.as_deref()) {
            let source = self.source.unwrap_or(Source::Arkivstruktur);
            let mut entry = Entry::new(source, level, "");
            entry.entity = entity;
            entry.line = self.line;
            if let Some(parent) = self.open.last()
                && parent.entry.level == Level::Mappe
            {
                let mut names = parent.entry.context_names.clone();
                for p in &parent.entry.parties {
                    if !p.name.is_empty() && !names.contains(&p.name) {
                        names.push(p.name.clone());
                    }
                }
                entry.context_names = names;
            }
            self.open.push(Open {
                entry,
                depth: d,
                party: None,
                docs: 0,
                merknader: 0,
                saksaar: String::new(),
                sakssekvensnummer: String::new(),
                mappe_id: String::new(),
            });
            return Ok(());
        }
        let Some(top) = self.open.last_mut() else { return Ok(()) };
        let rel = d - top.depth;
        let parent = self.path[d - 1].as_str();
        let name = self.path[d].as_str();
        let target = if rel == 1 {
            match name {
                "part" | "korrespondansepart" => {
                    let role = if name == "part" {
                        PartyRole::Part
                    } else {
                        PartyRole::Korrespondent
                    };
                    let i = top.entry.add_party(role);
                    top.party = Some((i, d));
                    None
                }
                "dokumentbeskrivelse" => {
                    top.docs += 1;
                    None
                }
                "merknad" => {
                    top.merknader += 1;
                    None
                }
                "systemID" => Some(Target::SystemId),
                "saksaar" => Some(Target::SaksAar),
                "sakssekvensnummer" => Some(Target::SaksSekv),
                "mappeID" => Some(Target::MappeId),
                "tittel" | "offentligTittel" | "beskrivelse"
                | "noekkelord" | "klasseID" | "saksbehandler"
                | "saksansvarlig" | "administrativEnhet"
                | "journalposttype" | "skjermingMetadata" | "forfatter" => {
                    Some(Target::Field(name.to_string()))
                }
                _ => None,
            }
        } else if rel == 2 {
            match (parent, name) {
                ("part" | "korrespondansepart", _) => {
                    let role = match name {
                        "partNavn" | "korrespondansepartNavn" => {
                            Some(FieldRole::PartyName)
                        }
                        "partID" => Some(FieldRole::PartyId),
                        "postadresse" | "postnummer" | "poststed"
                        | "epostadresse" | "telefonnummer"
                        | "kontaktperson" => Some(FieldRole::PartyContact),
                        "saksbehandler" | "administrativEnhet" => {
                            Some(FieldRole::Officer)
                        }
                        _ => None,
                    };
                    if name == "korrespondanseparttype" {
                        Some(Target::PartyType)
                    } else {
                        role.map(|role| Target::Party {
                            name: name.to_string(),
                            role,
                        })
                    }
                }
                ("merknad", "merknadstekst") => Some(Target::Field(format!(
                    "merknad[{}].merknadstekst",
                    top.merknader - 1
                ))),
                ("skjerming", "skjermingMetadata") => {
                    Some(Target::Field("skjermingMetadata".into()))
                }
                ("dokumentbeskrivelse", "tittel" | "beskrivelse") => {
                    Some(Target::Field(format!(
                        "dokumentbeskrivelse[{}].{name}",
                        top.docs - 1
                    )))
                }
                ("virksomhetsspesifikkeMetadata", _) => Some(Target::Field(
                    format!("virksomhetsspesifikkeMetadata.{name}"),
                )),
                _ => None,
            }
        } else if self.path.get(top.depth + 1).map(String::as_str)
            == Some("virksomhetsspesifikkeMetadata")
        {
            Some(Target::Field(format!(
                "virksomhetsspesifikkeMetadata.{name}"
            )))
        } else {
            None
        };
        if let Some(target) = target {
            self.cap = Some(Capture {
                depth: d,
                target,
                buf: String::new(),
                line: self.line,
            });
        }
        Ok(())
    }

    fn text(&mut self, bytes: &[u8]) -> Result<(), ReadError> {
        let d = self.path.len().wrapping_sub(1);
        let Some(cap) = self.cap.as_mut().filter(|c| c.depth == d) else {
            return Ok(());
        };
        let Ok(s) = std::str::from_utf8(bytes) else {
            return Err(self.err("text is not valid UTF-8"));
        };
        if cap.buf.len() + s.len() > MAX_FIELD {
            return Err(
                self.err(format!("field text longer than {MAX_FIELD} bytes"))
            );
        }
        cap.buf.push_str(s);
        Ok(())
    }

    /// Closes the element at the end of the path; returns an entry when
    /// one is complete.
    fn end(&mut self) -> Option<Entry> {
        let d = self.path.len().wrapping_sub(1);
        self.path.pop();
        if let Some(cap) = self.cap.take_if(|c| c.depth == d)
            && let Some(top) = self.open.last_mut()
        {
            let Capture { target, buf, line, .. } = cap;
            match target {
                Target::SystemId => {
                    let v = buf.trim();
                    if !v.is_empty() {
                        top.entry.system_id = Some(v.to_string());
                    }
                }
                Target::Field(name) => top.entry.push_field(&name, buf, line),
                Target::Party { name, role } => {
                    if let Some((i, _)) = top.party {
                        let fname = top.entry.party_field_name(i, &name);
                        top.entry.push_party_field(i, fname, role, buf, line);
                    }
                }
                Target::PartyType => {
                    if let Some((i, _)) = top.party {
                        top.entry.parties[i].role = PartyRole::of_type(&buf);
                    }
                }
                Target::SaksAar => top.saksaar = buf.trim().to_string(),
                Target::SaksSekv => {
                    top.sakssekvensnummer = buf.trim().to_string()
                }
                Target::MappeId => top.mappe_id = buf.trim().to_string(),
            }
        }
        let top = self.open.last_mut()?;
        if top.party.is_some_and(|(_, pd)| pd == d) {
            top.party = None;
        }
        if top.depth != d {
            return None;
        }
        let mut o = self.open.pop()?;
        if o.entry.system_id.is_none() {
            o.entry.system_id = if !o.mappe_id.is_empty() {
                Some(o.mappe_id)
            } else if !o.saksaar.is_empty() || !o.sakssekvensnummer.is_empty()
            {
                Some(format!("{}/{}", o.saksaar, o.sakssekvensnummer))
            } else {
                None
            };
        }
        if self.source.is_some_and(|s| s != Source::Arkivstruktur)
            && o.entry.level != Level::Registrering
        {
            // A journal repeats the case file and class of every entry.
            let mut h = DefaultHasher::new();
            (o.entry.level, &o.entry.system_id).hash(&mut h);
            for f in &o.entry.fields {
                (&f.name, &f.value).hash(&mut h);
            }
            o.entry.skjerming.hash(&mut h);
            if !self.seen.insert(h.finish()) {
                return None;
            }
        }
        Some(o.entry)
    }

    fn step(&mut self) -> Result<Option<Entry>, ReadError> {
        let mut buf = std::mem::take(&mut self.buf);
        loop {
            buf.clear();
            let ev = match self.reader.read_event_into(&mut buf) {
                Ok(ev) => ev,
                Err(e) => {
                    let pos = self.reader.error_position();
                    return Err(
                        self.err(format!("damaged XML at byte {pos}: {e}"))
                    );
                }
            };
            let nl =
                |b: &[u8]| b.iter().filter(|&&c| c == b'\n').count() as u64;
            match ev {
                Event::Eof => {
                    if !self.path.is_empty() {
                        return Err(self.err(
                            "the file ends inside this element (truncated?)",
                        ));
                    }
                    if self.source.is_none() {
                        return Err(ReadError::new(
                            self.line,
                            "",
                            "no root element: not a Noark 5 XML file",
                        ));
                    }
                    return Ok(None);
                }
                Event::DocType(t) => {
                    let n = nl(&t);
                    if t.windows(8)
                        .any(|w| w.eq_ignore_ascii_case(b"<!ENTITY"))
                    {
                        return Err(self.err(
                            "the DOCTYPE declares entities: refused (entity \
                             expansion)",
                        ));
                    }
                    self.line += n;
                }
                Event::Start(_) | Event::Empty(_) => {
                    let (empty, e) = match ev {
                        Event::Empty(e) => (true, e),
                        Event::Start(e) => (false, e),
                        _ => unreachable!(),
                    };
                    let n = nl(&e);
                    let local = e.local_name();
                    let Ok(name) = std::str::from_utf8(local.as_ref()) else {
                        return Err(self.err("element name is not UTF-8"));
                    };
                    let name = name.to_string();
                    let mut xsi = None;
                    for a in e.attributes().with_checks(false) {
                        let a = a.map_err(|e| {
                            self.err(format!("damaged attribute: {e}"))
                        })?;
                        if a.key.local_name().as_ref() == b"type"
                            && a.key.as_ref() != b"type"
                        {
                            let v = String::from_utf8_lossy(&a.value);
                            let v = v.rsplit(':').next().unwrap_or("").trim();
                            if !v.is_empty() {
                                xsi = Some(v.to_string());
                            }
                        }
                    }
                    self.start(name, xsi)?;
                    self.line += n;
                    if empty && let Some(entry) = self.end() {
                        return Ok(Some(entry));
                    }
                }
                Event::End(e) => {
                    self.line += nl(&e);
                    if let Some(entry) = self.end() {
                        return Ok(Some(entry));
                    }
                }
                Event::Text(t) => {
                    let n = nl(&t);
                    self.text(&t)?;
                    self.line += n;
                }
                Event::CData(t) => {
                    let n = nl(&t);
                    self.text(&t)?;
                    self.line += n;
                }
                Event::GeneralRef(g) => {
                    let c = match g.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        Ok(None) => {
                            let n = String::from_utf8_lossy(&g);
                            match n.as_ref() {
                                "amp" => '&',
                                "lt" => '<',
                                "gt" => '>',
                                "quot" => '"',
                                "apos" => '\'',
                                _ => {
                                    return Err(self.err(format!(
                                        "undeclared entity &{n};"
                                    )));
                                }
                            }
                        }
                        Err(e) => {
                            return Err(self.err(format!(
                                "bad character reference: {e}"
                            )));
                        }
                    };
                    let mut b = [0u8; 4];
                    self.text(c.encode_utf8(&mut b).as_bytes())?;
                }
                Event::Comment(t) => self.line += nl(&t),
                Event::PI(t) => self.line += nl(&t),
                Event::Decl(t) => self.line += nl(&t),
            }
        }
    }
}

impl<R: BufRead> Iterator for XmlEntries<R> {
    type Item = Result<Entry, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.step() {
            Ok(Some(e)) => Some(Ok(e)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}
