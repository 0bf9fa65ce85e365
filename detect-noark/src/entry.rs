//! What the readers produce: one [`Entry`] per registry entry, case file or
//! class, with its text fields and its parties.

use core::fmt;

/// Where an entry sits in the Noark 5 structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// A `klasse` (its `klasseID` may itself be a fødselsnummer).
    Klasse,
    /// A case file: `mappe`, `saksmappe`, `moetemappe`.
    Mappe,
    /// A registry entry: `registrering`, `journalpost`, `arkivnotat`,
    /// `moeteregistrering`, a postliste row, an eInnsyn `Journalpost`.
    Registrering,
}

impl Level {
    /// `"klasse"`, `"mappe"` or `"registrering"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Klasse => "klasse",
            Level::Mappe => "mappe",
            Level::Registrering => "registrering",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of input an entry was read from. It decides which fields are
/// published (see [`Field::published`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// A Noark 5 `arkivstruktur.xml` (an arkivuttrekk): the internal
    /// record, published through `offentligTittel` and `skjerming`.
    Arkivstruktur,
    /// A `loependeJournal` report: internal, like the arkivstruktur.
    LoependeJournal,
    /// An `offentligJournal` report: everything in it is published.
    OffentligJournal,
    /// A postliste CSV export: everything in it is published.
    Postliste,
    /// eInnsyn JSON: everything in it is published (the `…Sensitiv`
    /// fields for a limited time).
    Einnsyn,
}

impl Source {
    /// `"arkivstruktur"`, `"loependeJournal"`, `"offentligJournal"`,
    /// `"postliste"` or `"einnsyn"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Source::Arkivstruktur => "arkivstruktur",
            Source::LoependeJournal => "loependeJournal",
            Source::OffentligJournal => "offentligJournal",
            Source::Postliste => "postliste",
            Source::Einnsyn => "einnsyn",
        }
    }

    /// Whether the input is itself the published journal, so that every
    /// field in it is public whatever `skjermingMetadata` says.
    pub const fn is_public(self) -> bool {
        matches!(
            self,
            Source::OffentligJournal | Source::Postliste | Source::Einnsyn
        )
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a field holds; it decides how the field is screened and published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldRole {
    /// `tittel` (M020): the internal title, the base of the proposals.
    Tittel,
    /// `offentligTittel` (M025): the public title.
    OffentligTittel,
    /// eInnsyn's `offentligTittelSensitiv`: the public title with names,
    /// published for a limited time.
    OffentligTittelSensitiv,
    /// Other free text: `beskrivelse`, `noekkelord`, `merknadstekst`, a
    /// `dokumentbeskrivelse`'s `tittel`, a postliste's case title.
    Text,
    /// `klasseID` (M002), which may be a fødselsnummer.
    KlasseId,
    /// The name of a party: `partNavn`, `korrespondansepartNavn`.
    PartyName,
    /// A party's `partID`.
    PartyId,
    /// A party's address, e-mail, phone or contact person.
    PartyContact,
    /// A case officer or unit: `saksbehandler`, `saksansvarlig`,
    /// `administrativEnhet`. Public; names screened only when asked.
    Officer,
}

/// The role of a party of an entry, which decides the `skjermingMetadata`
/// value that screens its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartyRole {
    /// A `part` of a case or entry (`partNavn`): `Skjerming navn part i
    /// sak`.
    Part,
    /// A sender (`Avsender`, `Intern avsender`, `Medavsender`):
    /// `Skjerming navn avsender`.
    Avsender,
    /// A recipient (`Mottaker`, `Kopimottaker`, `Gruppemottaker`, `Intern
    /// mottaker`): `Skjerming navn mottaker`.
    Mottaker,
    /// A correspondent whose direction is not known (a postliste's
    /// `avsender/mottaker` column): both values are suggested.
    Korrespondent,
}

impl PartyRole {
    /// The role of a `korrespondanseparttype` value (M087), as written in
    /// an arkivstruktur (`Avsender`, `Kopimottaker`…) or in eInnsyn
    /// (`avsender`, `mottaker`, with or without a prefix).
    ///
    /// ```
    /// use detect_noark::PartyRole;
    /// assert_eq!(PartyRole::of_type("Intern avsender"), PartyRole::Avsender);
    /// assert_eq!(PartyRole::of_type("arkiv:kopimottaker"), PartyRole::Mottaker);
    /// assert_eq!(PartyRole::of_type(""), PartyRole::Korrespondent);
    /// ```
    pub fn of_type(t: &str) -> PartyRole {
        let t = t.to_lowercase();
        if t.contains("avsender") {
            PartyRole::Avsender
        } else if t.contains("mottaker") {
            PartyRole::Mottaker
        } else {
            PartyRole::Korrespondent
        }
    }
}

/// One text field of an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The field's name as it is reported: `tittel`, `offentligTittel`,
    /// `noekkelord`, `korrespondansepart[1].korrespondansepartNavn`…
    pub name: String,
    /// What the field holds.
    pub role: FieldRole,
    /// The index into [`Entry::parties`] of the party the field belongs
    /// to.
    pub party: Option<usize>,
    /// The text, unescaped.
    pub value: String,
    /// The 1-based line of the input where the field starts (0 if not
    /// known).
    pub line: u64,
}

/// A party of an entry: a `part` or a `korrespondansepart`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    /// The role, which decides the screening value.
    pub role: PartyRole,
    /// The name as written, empty if the input had none.
    pub name: String,
}

/// One registry entry, case file or class, as read from an input.
///
/// The readers build entries; tests and callers with their own data build
/// them with [`Entry::new`], [`Entry::field`] and [`Entry::party`]:
///
/// ```
/// use detect_noark::{Entry, Level, PartyRole, Source};
///
/// let e = Entry::new(Source::Arkivstruktur, Level::Registrering, "jp-1")
///     .field("tittel", "Søknad om sosialhjelp")
///     .party(PartyRole::Avsender, "Kari Nordmann");
/// assert_eq!(e.fields.len(), 2);
/// assert_eq!(e.fields[1].name, "korrespondansepart[0].korrespondansepartNavn");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The input it came from.
    pub source: Source,
    /// Klasse, case file or registry entry.
    pub level: Level,
    /// The element or type as written: `journalpost` (an `xsi:type`),
    /// `saksmappe`, `klasse`, `row`, eInnsyn's `Journalpost`…
    pub entity: String,
    /// `systemID` (M001), or the best identifier the input has (a
    /// postliste's id column, eInnsyn's `id`); `None` if it has none.
    pub system_id: Option<String>,
    /// The 1-based line where the entry starts (0 if not known).
    pub line: u64,
    /// The text fields, in input order.
    pub fields: Vec<Field>,
    /// The parties, in input order; their fields point here.
    pub parties: Vec<Party>,
    /// The `skjermingMetadata` values (M502) the entry has already.
    pub skjerming: Vec<String>,
    /// `journalposttype` (M082) or a postliste's direction column, if
    /// given: decides whether an undirected correspondent is a sender.
    pub journalposttype: Option<String>,
    /// Names of the parties of the enclosing case files: known names for
    /// this entry's titles, not fields of it.
    pub context_names: Vec<String>,
}

impl Entry {
    /// An empty entry.
    pub fn new(
        source: Source,
        level: Level,
        system_id: impl Into<String>,
    ) -> Entry {
        let id: String = system_id.into();
        Entry {
            source,
            level,
            entity: level.as_str().to_string(),
            system_id: (!id.is_empty()).then_some(id),
            line: 0,
            fields: Vec::new(),
            parties: Vec::new(),
            skjerming: Vec::new(),
            journalposttype: None,
            context_names: Vec::new(),
        }
    }

    /// Adds a field by its Noark name: `tittel`, `offentligTittel`,
    /// `offentligTittelSensitiv`, `klasseID`, `saksbehandler`,
    /// `saksansvarlig`, `administrativEnhet`, `skjermingMetadata` (kept in
    /// [`Entry::skjerming`]), `journalposttype`; any other name is free
    /// text (`beskrivelse`, `noekkelord`, `merknadstekst`…).
    pub fn field(mut self, name: &str, value: impl Into<String>) -> Entry {
        self.push_field(name, value.into(), 0);
        self
    }

    /// Adds a party with its name. A [`PartyRole::Part`] is reported as
    /// `part[i].partNavn`, the others as
    /// `korrespondansepart[i].korrespondansepartNavn`.
    pub fn party(mut self, role: PartyRole, name: impl Into<String>) -> Entry {
        let name = name.into();
        let i = self.add_party(role);
        let fname = self.party_field_name(i, "Navn");
        self.push_party_field(i, fname, FieldRole::PartyName, name, 0);
        self
    }

    /// Adds a field by name (see [`Entry::field`]) at `line`. Empty values
    /// are dropped.
    pub(crate) fn push_field(&mut self, name: &str, value: String, line: u64) {
        let value = value.trim().to_string();
        if value.is_empty() {
            return;
        }
        let role = match name {
            "tittel" => FieldRole::Tittel,
            "offentligTittel" => FieldRole::OffentligTittel,
            "offentligTittelSensitiv" => FieldRole::OffentligTittelSensitiv,
            "klasseID" => FieldRole::KlasseId,
            "saksbehandler" | "saksansvarlig" | "administrativEnhet" => {
                FieldRole::Officer
            }
            "skjermingMetadata" => {
                self.skjerming.push(value);
                return;
            }
            "journalposttype" => {
                self.journalposttype = Some(value);
                return;
            }
            _ => FieldRole::Text,
        };
        self.fields.push(Field {
            name: name.to_string(),
            role,
            party: None,
            value,
            line,
        });
    }

    /// Adds a party; returns its index.
    pub(crate) fn add_party(&mut self, role: PartyRole) -> usize {
        self.parties.push(Party { role, name: String::new() });
        self.parties.len() - 1
    }

    /// `part[i].part{suffix}` or
    /// `korrespondansepart[j].korrespondansepart{suffix}`, counting parties
    /// of each kind separately.
    pub(crate) fn party_field_name(&self, i: usize, suffix: &str) -> String {
        let is_part = self.parties[i].role == PartyRole::Part;
        let n = self.parties[..i]
            .iter()
            .filter(|p| (p.role == PartyRole::Part) == is_part)
            .count();
        let el = if is_part { "part" } else { "korrespondansepart" };
        if suffix.starts_with(char::is_uppercase) {
            format!("{el}[{n}].{el}{suffix}")
        } else {
            format!("{el}[{n}].{suffix}")
        }
    }

    /// Adds a field of party `i`. Empty values are dropped.
    pub(crate) fn push_party_field(
        &mut self,
        i: usize,
        name: String,
        role: FieldRole,
        value: String,
        line: u64,
    ) {
        let value = value.trim().to_string();
        if value.is_empty() {
            return;
        }
        // eInnsyn gives a screened and a full name: keep the one with
        // letters.
        let p = &mut self.parties[i];
        if role == FieldRole::PartyName
            && !p.name.chars().any(char::is_alphabetic)
        {
            p.name = value.clone();
        }
        self.fields.push(Field { name, role, party: Some(i), value, line });
    }

    /// The first field with this role.
    pub fn first(&self, role: FieldRole) -> Option<&Field> {
        self.fields.iter().find(|f| f.role == role)
    }
}

impl Field {
    /// Whether this field of `entry` will be published: everything in a
    /// public journal, postliste or eInnsyn; in an arkivstruktur or a
    /// løpende journal the title that will be shown (`offentligTittel` if
    /// present, else `tittel`, its first line only under `Skjerming tittel
    /// … - unntatt første linje`), the names of parties unless their
    /// `skjermingMetadata` screens them, `klasseID` unless `Skjerming
    /// klasseID`, and the case officers. Descriptions, keywords, remarks,
    /// party IDs and addresses are not in a public journal.
    pub fn published(&self, entry: &Entry) -> bool {
        if entry.source.is_public() {
            return true;
        }
        let screened = |v: &str| {
            entry.skjerming.iter().any(|s| {
                crate::skjerming::normalise(s)
                    == crate::skjerming::normalise(v)
            })
        };
        match self.role {
            FieldRole::OffentligTittel
            | FieldRole::OffentligTittelSensitiv => true,
            FieldRole::Tittel => {
                entry.first(FieldRole::OffentligTittel).is_none()
                    && !(entry.level == Level::Klasse
                        && screened(crate::skjerming::TITTEL_KLASSE))
            }
            FieldRole::KlasseId => !screened(crate::skjerming::KLASSE_ID),
            FieldRole::PartyName => {
                let role = self.party.map(|i| entry.parties[i].role);
                !role.is_some_and(|r| {
                    crate::skjerming::for_party(r, entry)
                        .iter()
                        .all(|v| screened(v))
                })
            }
            FieldRole::Officer => true,
            FieldRole::Text | FieldRole::PartyId | FieldRole::PartyContact => {
                false
            }
        }
    }
}
