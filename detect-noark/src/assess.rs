//! Screens one entry: the findings of each field, the record risk
//! (docs/contract.md §9), the proposed public titles, the suggested
//! `skjermingMetadata` and the gate (docs/contract.md §11).

use std::sync::{Mutex, OnceLock};

use detect_core::{
    Assessment, BuildError, Confidence, Flags, Group, Kind, Match,
    RedactStyle, Risk, Scanner, ScannerBuilder,
};

use crate::entry::{Entry, FieldRole, Level};
use crate::skjerming;

/// What replaces a screened word in a proposed title: the Noark 5
/// convention for `offentligTittel` (M025).
pub const SCREENED: &str = "******";

/// One finding in one field, with its value masked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The field's name (`tittel`, `korrespondansepart[0].korrespondansepartNavn`).
    pub field: String,
    /// What was found.
    pub kind: Kind,
    /// How sure.
    pub confidence: Confidence,
    /// Byte offsets into the field's text.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
    /// The value masked (`RedactStyle::Mask`): letters and digits become
    /// `*`.
    pub value: String,
    /// Whether the field will be published (see [`Field::published`](crate::Field::published)).
    pub published: bool,
}

/// Why an entry fails the gate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GateReason {
    /// A field that will be published holds a national ID.
    Id {
        /// The field.
        field: String,
        /// The kind of ID.
        kind: Kind,
    },
    /// What will be published ties a person (a name or an ID) to a
    /// sensitive term.
    Special,
}

impl core::fmt::Display for GateReason {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            GateReason::Id { field, kind } => {
                write!(f, "{field} will be published with a {kind}")
            }
            GateReason::Special => f.write_str(
                "a person and a sensitive term will be published together",
            ),
        }
    }
}

/// The screening of one entry ([`Assessor::assess`], [`assess_entry`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EntryReport {
    /// The entry's `systemID` or other identifier.
    pub system_id: Option<String>,
    /// Klasse, case file or registry entry.
    pub level: Level,
    /// The element or type (`journalpost`, `saksmappe`, `row`…).
    pub entity: String,
    /// The line where the entry starts.
    pub line: u64,
    /// The names of the fields screened, in input order.
    pub fields: Vec<String>,
    /// The findings, field by field, left to right.
    pub findings: Vec<Finding>,
    /// The record risk of the whole entry (all its fields together).
    pub risk: Risk,
    /// The kinds found, each once, in code order.
    pub categories: Vec<Kind>,
    /// The proposed `offentligTittel`: national IDs replaced by `******`,
    /// and when a person and a sensitive term meet in the entry, names,
    /// contact and financial data too. `None` without a title.
    pub offentlig_tittel: Option<String>,
    /// The proposed `offentligTittelSensitiv`: names kept; national IDs
    /// replaced, and when a person and a sensitive term meet in the
    /// entry, the sensitive terms too. `None` without a title.
    pub offentlig_tittel_sensitiv: Option<String>,
    /// The suggested `skjermingMetadata` values (M502), in the order of
    /// the metadatakatalog.
    pub skjerming: Vec<&'static str>,
    /// Whether the entry's own `offentligTittel` holds what the proposal
    /// screens; `None` if it has none.
    pub offentlig_tittel_leaks: Option<bool>,
    /// Why the entry fails the gate; empty if it passes.
    pub gate: Vec<GateReason>,
}

impl EntryReport {
    /// Whether the entry passes the gate.
    pub fn passes(&self) -> bool {
        self.gate.is_empty()
    }
}

/// Screens entries with one scanner's options.
///
/// ```
/// use detect_noark::{Assessor, Entry, Level, PartyRole, Source};
/// use detect_core::{Risk, Scanner};
///
/// let a = Assessor::new(Scanner::builder())?;
/// let e = Entry::new(Source::Postliste, Level::Registrering, "1")
///     .field("tittel", "Søknad om sosialhjelp")
///     .party(PartyRole::Avsender, "Kari Nordmann");
/// let r = a.assess(&e);
/// assert_eq!(r.risk, Risk::Special);
/// assert_eq!(r.offentlig_tittel.as_deref(), Some("Søknad om sosialhjelp"));
/// assert_eq!(r.offentlig_tittel_sensitiv.as_deref(), Some("Søknad om ******"));
/// assert_eq!(r.skjerming, ["Skjerming navn avsender"]);
/// assert!(!r.passes());
/// # Ok::<(), detect_core::BuildError>(())
/// ```
pub struct Assessor {
    builder: ScannerBuilder,
    scanner: Scanner,
    /// National IDs of every kind at every confidence: the gate's eye on
    /// published fields.
    ids: Scanner,
    screen_officers: bool,
    /// Scanners with the parties' names as known names, most recent first.
    cache: Mutex<Vec<(Vec<String>, Scanner)>>,
}

/// How many scanners with known names are kept.
const CACHE: usize = 32;

impl Assessor {
    /// An assessor whose scanner has `builder`'s options.
    ///
    /// # Errors
    ///
    /// The builder's options are invalid.
    pub fn new(builder: ScannerBuilder) -> Result<Assessor, BuildError> {
        let scanner = builder.build()?;
        let ids = builder
            .clone()
            .kind_names(["ids"])
            .min_confidence(Confidence::Low)
            .build()?;
        Ok(Assessor {
            builder,
            scanner,
            ids,
            screen_officers: false,
            cache: Mutex::new(Vec::new()),
        })
    }

    /// Screen the names of case officers (`saksbehandler`,
    /// `saksansvarlig`, `administrativEnhet`) too. By default they are
    /// public and only checked for national IDs.
    pub fn screen_officers(mut self, yes: bool) -> Assessor {
        self.screen_officers = yes;
        self
    }

    /// The scanner with `names` as known names.
    fn with_names(&self, names: &[String]) -> Scanner {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = cache.iter().position(|(k, _)| k == names) {
            let hit = cache.remove(i);
            let sc = hit.1.clone();
            cache.insert(0, hit);
            return sc;
        }
        let sc = self
            .builder
            .clone()
            .known_names(names.iter().cloned())
            .build()
            .unwrap_or_else(|_| self.scanner.clone());
        cache.insert(0, (names.to_vec(), sc.clone()));
        cache.truncate(CACHE);
        sc
    }

    /// Screens one entry.
    pub fn assess(&self, entry: &Entry) -> EntryReport {
        let fields = &entry.fields;
        // Findings per field, sorted and not overlapping.
        let mut found: Vec<Vec<Match>> = fields
            .iter()
            .map(|f| {
                let ms = self.scanner.find_iter(&f.value);
                if f.role == FieldRole::Officer && !self.screen_officers {
                    ms.filter(|m| m.group() == Group::Ids).collect()
                } else {
                    ms.collect()
                }
            })
            .collect();

        // Which parties are people: a name found in the name field, a
        // national ID as partID, or a name's shape and no organisation
        // word.
        let mut person = vec![false; entry.parties.len()];
        for (i, f) in fields.iter().enumerate() {
            let Some(p) = f.party else { continue };
            let has = |g: Group| found[i].iter().any(|m| m.group() == g);
            match f.role {
                FieldRole::PartyName => {
                    if has(Group::Names) || has(Group::Ids) {
                        person[p] = true;
                    } else if looks_like_person(&f.value) {
                        person[p] = true;
                        let (s, e) = trimmed(&f.value);
                        found[i].push(Match::new(
                            Kind::PersonName,
                            Confidence::Medium,
                            Flags::empty(),
                            s,
                            e,
                        ));
                    }
                }
                FieldRole::PartyId if has(Group::Ids) => person[p] = true,
                _ => {}
            }
        }

        // The people's names are known names for the entry's text.
        let mut names: Vec<String> = entry
            .parties
            .iter()
            .zip(&person)
            .filter(|(p, is)| **is && !p.name.is_empty())
            .map(|(p, _)| p.name.clone())
            .collect();
        for n in &entry.context_names {
            if looks_like_person(n)
                || self
                    .scanner
                    .find_iter(n)
                    .any(|m| m.kind() == Kind::PersonName)
            {
                names.push(n.clone());
            }
        }
        names.sort();
        names.dedup();
        let words = name_words(&names);
        if !words.is_empty() {
            for (i, f) in fields.iter().enumerate() {
                if !matches!(
                    f.role,
                    FieldRole::Tittel
                        | FieldRole::OffentligTittel
                        | FieldRole::OffentligTittelSensitiv
                        | FieldRole::Text
                ) {
                    continue;
                }
                let mut extra = word_hits(&f.value, &words, &found[i]);
                if extra.is_empty() {
                    continue;
                }
                // The core's rules for known names (inflection, initials,
                // `Nordmann, Kari`), then what they still left.
                found[i] =
                    self.with_names(&names).find_iter(&f.value).collect();
                extra = word_hits(&f.value, &words, &found[i]);
                found[i].extend(extra);
                found[i].sort_by_key(|m| m.start());
            }
        }

        // Published fields: national IDs at any confidence and in any
        // written form.
        for (i, f) in fields.iter().enumerate() {
            if !f.published(entry) {
                continue;
            }
            let mut extra: Vec<Match> = self
                .ids
                .find_iter(&f.value)
                .chain(loose_ids(&f.value, &self.ids))
                .collect();
            extra.retain(|m| {
                !found[i]
                    .iter()
                    .any(|x| x.start() < m.end() && m.start() < x.end())
            });
            extra.sort_by_key(|m| (m.start(), core::cmp::Reverse(m.end())));
            let mut at = 0;
            for m in extra {
                if m.start() >= at {
                    at = m.end();
                    found[i].push(m);
                }
            }
            found[i].sort_by_key(|m| m.start());
        }

        let all: Vec<Match> = found.iter().flatten().copied().collect();
        let assessment = Assessment::of(all);
        let has_group =
            |g: Group| assessment.findings.iter().any(|m| m.group() == g);
        let special = (has_group(Group::Names) || has_group(Group::Ids))
            && has_group(Group::Sensitive);

        // The proposals.
        let public_rule = |m: &Match| {
            m.group() == Group::Ids
                || (special
                    && matches!(
                        m.group(),
                        Group::Names | Group::Contact | Group::Financial
                    ))
        };
        let sensitive_rule = |m: &Match| {
            m.group() == Group::Ids
                || (special && m.group() == Group::Sensitive)
        };
        let base = [
            FieldRole::Tittel,
            FieldRole::OffentligTittel,
            FieldRole::OffentligTittelSensitiv,
        ]
        .iter()
        .find_map(|r| fields.iter().position(|f| f.role == *r));
        let (offentlig, sensitiv) = match base {
            Some(i) => (
                Some(screen(&fields[i].value, &found[i], public_rule)),
                Some(screen(&fields[i].value, &found[i], sensitive_rule)),
            ),
            None => (None, None),
        };

        // Suggested screening.
        let mut sk: Vec<&'static str> = Vec::new();
        if let Some(i) = base
            && found[i].iter().any(public_rule)
        {
            sk.push(skjerming::title_words(entry.level));
        }
        for (i, f) in fields.iter().enumerate() {
            let hit = found[i].iter().any(public_rule);
            match f.role {
                FieldRole::KlasseId if hit => sk.push(skjerming::KLASSE_ID),
                FieldRole::Tittel if hit && entry.level == Level::Klasse => {
                    sk.push(skjerming::TITTEL_KLASSE)
                }
                FieldRole::Text if hit => {
                    if f.name.starts_with("dokumentbeskrivelse") {
                        sk.push(skjerming::TITTEL_DOKUMENTBESKRIVELSE);
                    } else if f.name.starts_with("merknad") {
                        sk.push(skjerming::MERKNADSTEKST);
                    }
                }
                FieldRole::PartyName => {
                    let p = f.party.unwrap_or(0);
                    let id = found[i].iter().any(|m| m.group() == Group::Ids);
                    if person[p] && (special || id) {
                        sk.extend(skjerming::for_party(
                            entry.parties[p].role,
                            entry,
                        ));
                    }
                }
                _ => {}
            }
        }
        sk.sort_by_key(|v| skjerming::ALL.iter().position(|x| x == v));
        sk.dedup();

        let leaks = fields
            .iter()
            .position(|f| f.role == FieldRole::OffentligTittel)
            .map(|i| found[i].iter().any(public_rule));

        // The gate: what will be published.
        let mut gate = Vec::new();
        let (mut person_out, mut sensitive_out) = (false, false);
        let mut findings = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            let published = f.published(entry);
            let first_line_only = f.role == FieldRole::Tittel
                && skjerming::title_first_line(entry.level).is_some_and(|v| {
                    entry.skjerming.iter().any(|s| {
                        skjerming::normalise(s) == skjerming::normalise(v)
                    })
                });
            let shown = f.value.find('\n').filter(|_| first_line_only);
            for m in &found[i] {
                let out = published && shown.is_none_or(|end| m.start() < end);
                if out {
                    match m.group() {
                        Group::Ids => {
                            person_out = true;
                            gate.push(GateReason::Id {
                                field: f.name.clone(),
                                kind: m.kind(),
                            });
                        }
                        Group::Names => person_out = true,
                        Group::Sensitive => sensitive_out = true,
                        _ => {}
                    }
                }
                findings.push(Finding {
                    field: f.name.clone(),
                    kind: m.kind(),
                    confidence: m.confidence(),
                    start: m.start(),
                    end: m.end(),
                    value: String::from_utf8_lossy(
                        &m.redacted(f.value.as_bytes(), RedactStyle::Mask),
                    )
                    .into_owned(),
                    published: out,
                });
            }
        }
        gate.dedup();
        if person_out && sensitive_out {
            gate.push(GateReason::Special);
        }

        EntryReport {
            system_id: entry.system_id.clone(),
            level: entry.level,
            entity: entry.entity.clone(),
            line: entry.line,
            fields: fields.iter().map(|f| f.name.clone()).collect(),
            findings,
            risk: assessment.risk,
            categories: assessment.categories,
            offentlig_tittel: offentlig,
            offentlig_tittel_sensitiv: sensitiv,
            skjerming: sk,
            offentlig_tittel_leaks: leaks,
            gate,
        }
    }
}

/// Screens one entry with the default scanner (every default kind,
/// threshold `medium`), case officers not screened.
///
/// ```
/// use detect_noark::{assess_entry, Entry, Level, Source};
/// use detect_core::Risk;
///
/// let e = Entry::new(Source::Arkivstruktur, Level::Registrering, "r1")
///     .field("tittel", "Klage fra 010180-00055");
/// let r = assess_entry(&e);
/// assert_eq!(r.risk, Risk::Identifying);
/// assert_eq!(r.offentlig_tittel.as_deref(), Some("Klage fra ******"));
/// assert_eq!(r.findings[0].value, "******-*****");
/// assert!(!r.passes());
/// ```
pub fn assess_entry(entry: &Entry) -> EntryReport {
    static DEFAULT: OnceLock<Assessor> = OnceLock::new();
    DEFAULT
        .get_or_init(|| {
            Assessor::new(Scanner::builder())
                .expect("the default scanner options are valid")
        })
        .assess(entry)
}

/// `text` with the findings that `rule` selects replaced by `******`.
fn screen(
    text: &str,
    found: &[Match],
    rule: impl Fn(&Match) -> bool,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for m in found.iter().filter(|m| rule(m)) {
        if m.start() < at || !text.is_char_boundary(m.start()) {
            continue;
        }
        out.push_str(&text[at..m.start()]);
        out.push_str(SCREENED);
        at = m.end();
    }
    out.push_str(&text[at..]);
    out
}

/// The length of the separator at `i` inside a written number: `.`, `/`,
/// `_`, `:`, `-`, an en or em dash, a no-break space; 0 if none.
fn sep_len(b: &[u8], i: usize) -> usize {
    match b.get(i..) {
        Some([b'.' | b'/' | b'_' | b':' | b'-', ..]) => 1,
        Some([0xC2, 0xA0, ..]) => 2,
        Some([0xE2, 0x80, 0x90..=0x94, ..]) => 3,
        _ => 0,
    }
}

/// National IDs written in forms the scanner does not read as numbers
/// (`010180.00055`, `010180/00055`, `01.01.80 00055`, `0101 8000055`):
/// groups of digits joined by one separator each, or by single spaces,
/// whose digits (10 to 12) read as a national ID when written plain. Each
/// is reported at `low` confidence with the `separator` flag.
fn loose_ids(text: &str, ids: &Scanner) -> Vec<Match> {
    let b = text.as_bytes();
    // Tokens: digit runs joined by non-space separators.
    let mut toks: Vec<(usize, usize, usize)> = Vec::new(); // start, end, digits
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut n = 0;
        let mut j = i;
        loop {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
                n += 1;
            }
            let s = sep_len(b, j);
            if s > 0 && b.get(j + s).is_some_and(u8::is_ascii_digit) {
                j += s;
            } else {
                break;
            }
        }
        toks.push((start, j, n));
        i = j;
    }
    let mut out: Vec<Match> = Vec::new();
    let word = |k: usize| {
        text.get(k..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_alphanumeric)
    };
    for a in 0..toks.len() {
        let mut digits = 0;
        for z in a..toks.len().min(a + 3) {
            if z > a
                && !(toks[z].0 == toks[z - 1].1 + 1
                    && b[toks[z - 1].1] == b' ')
            {
                break;
            }
            digits += toks[z].2;
            if digits > 12 {
                break;
            }
            let (s, e) = (toks[a].0, toks[z].1);
            let before = text[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            if digits < 10 || before || word(e) {
                continue;
            }
            let plain: String =
                text[s..e].chars().filter(char::is_ascii_digit).collect();
            if let Some(m) = ids
                .find_iter(&plain)
                .find(|m| m.start() == 0 && m.end() == plain.len())
                && !out.iter().any(|x| x.start() < e && s < x.end())
            {
                out.push(Match::new(
                    m.kind(),
                    Confidence::Low,
                    m.flags() | Flags::SEPARATOR,
                    s,
                    e,
                ));
            }
        }
    }
    out
}

/// The byte span of `s` without surrounding white space.
fn trimmed(s: &str) -> (usize, usize) {
    let start = s.len() - s.trim_start().len();
    (start, start + s.trim().len())
}

/// Words that mark an organisation rather than a person.
const ORG_WORDS: &[&str] = &[
    "ab",
    "advokatfirma",
    "advokatfirmaet",
    "ans",
    "aps",
    "as",
    "asa",
    "ba",
    "bank",
    "barnehage",
    "barnehagen",
    "borettslag",
    "bygg",
    "da",
    "departement",
    "departementet",
    "direktoratet",
    "eiendom",
    "etaten",
    "firma",
    "forening",
    "foreningen",
    "fylkeskommune",
    "gmbh",
    "gruppen",
    "hf",
    "holding",
    "iks",
    "inc",
    "kf",
    "kirke",
    "klinikk",
    "kommune",
    "kommunes",
    "kontor",
    "kontoret",
    "ks",
    "lag",
    "laget",
    "ltd",
    "menighet",
    "nav",
    "nuf",
    "oy",
    "politiet",
    "sa",
    "sameie",
    "senter",
    "senteret",
    "skole",
    "skolen",
    "statsforvalteren",
    "stiftelse",
    "stiftelsen",
    "sykehus",
    "sykehuset",
    "tilsynet",
    "tingrett",
    "tjenesten",
    "universitet",
    "universitetet",
];

/// Whether a party's name has a person's shape: two to five capitalised
/// words of letters (`Kari Nordmann`, `Nordmann, Kari`, `Anne-Lise
/// O'Brien`), none of them an organisation word (`AS`, `kommune`, `NAV`).
pub(crate) fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| {
                    c.is_alphabetic() || matches!(c, '-' | '.' | '\'')
                })
        })
        && !words.iter().any(|w| {
            let l = w.trim_end_matches('.').to_lowercase();
            ORG_WORDS.contains(&l.as_str())
        })
}

/// The words of the names worth looking for alone: capitalised, two
/// letters or more, longest first.
fn name_words(names: &[String]) -> Vec<String> {
    let mut w: Vec<String> = names
        .iter()
        .flat_map(|n| {
            n.split(|c: char| c.is_whitespace() || c == ',')
                .map(|w| w.trim_matches('.'))
                .filter(|w| {
                    w.chars().count() >= 2
                        && w.chars().next().is_some_and(char::is_uppercase)
                })
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    w.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    w.dedup();
    w
}

/// Whole-word occurrences of the name words in `text` (with a genitive
/// `s`, `'s` or `'`), outside `found`; neighbours separated by spaces or a
/// comma are merged into one name.
fn word_hits(text: &str, words: &[String], found: &[Match]) -> Vec<Match> {
    let b = text.as_bytes();
    let is_word = |i: usize| {
        text[i..].chars().next().is_some_and(|c| c.is_alphanumeric())
    };
    let before_ok = |i: usize| {
        i == 0
            || !text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    };
    let mut hits: Vec<(usize, usize)> = Vec::new();
    for w in words {
        let mut from = 0;
        while let Some(p) = text[from..].find(w.as_str()) {
            let s = from + p;
            let mut e = s + w.len();
            from = e;
            if !before_ok(s) {
                continue;
            }
            for suffix in ["'s", "’s", "s", "'", "’"] {
                if text[e..].starts_with(suffix) {
                    e += suffix.len();
                    break;
                }
            }
            if e < b.len() && is_word(e) {
                continue;
            }
            let covered = found.iter().any(|m| m.start() < e && s < m.end())
                || hits.iter().any(|&(hs, he)| hs < e && s < he);
            if !covered {
                hits.push((s, e));
            }
        }
    }
    hits.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in hits {
        if let Some(last) = merged.last_mut()
            && text[last.1..s].chars().all(|c| c == ' ' || c == ',')
            && s - last.1 <= 2
        {
            last.1 = e;
            continue;
        }
        merged.push((s, e));
    }
    merged
        .into_iter()
        .map(|(s, e)| {
            Match::new(
                Kind::PersonName,
                Confidence::High,
                Flags::empty(),
                s,
                e,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_shapes() {
        assert!(looks_like_person("Hansine Pettersdatter"));
        assert!(looks_like_person("Pettersdatter, Hansine"));
        assert!(!looks_like_person("Oslo kommune"));
        assert!(!looks_like_person("NAV Oslo"));
        assert!(!looks_like_person("Bygg Og Anlegg AS"));
        assert!(!looks_like_person("Hansine"));
    }

    #[test]
    fn lone_name_words_are_found_with_genitive() {
        let words = name_words(&["Hansine Pettersdatter".to_string()]);
        let t = "Brev til Hansines verge, kopi Pettersdatter";
        let hits = word_hits(t, &words, &[]);
        let spans: Vec<&str> = hits.iter().map(|m| &t[m.range()]).collect();
        assert_eq!(spans, ["Hansines", "Pettersdatter"]);
        // Inside a longer word: not a hit.
        assert!(word_hits("Hansineveien 3", &words, &[]).is_empty());
        // Neighbours merge into one name.
        let t = "Sak Hansine Pettersdatter";
        let hits = word_hits(t, &words, &[]);
        assert_eq!(hits.len(), 1);
        assert_eq!(&t[hits[0].range()], "Hansine Pettersdatter");
    }

    #[test]
    fn loose_forms_of_an_id_are_read() {
        let ids = Scanner::builder()
            .kind_names(["ids"])
            .min_confidence(Confidence::Low)
            .build()
            .unwrap();
        for t in [
            "Sak 010180.00055 x",
            "Sak 010180/00055",
            "født 01.01.80 00055",
            "0101 8000055",
            "2024/12 010180_00055",
            "D-nr 410180.00049",
        ] {
            let found = loose_ids(t, &ids);
            assert_eq!(found.len(), 1, "{t}");
            assert!(found[0].kind().is_national_id(), "{t}");
            assert!(
                t[found[0].range()].ends_with("55") || t.ends_with("49"),
                "{t}"
            );
        }
        // Not a valid number, or part of a longer one: nothing.
        assert!(loose_ids("010180.00056", &ids).is_empty());
        assert!(loose_ids("9010180.00055", &ids).is_empty());
        assert!(loose_ids("2024/123-4", &ids).is_empty());
    }

    #[test]
    fn screen_replaces_selected_spans() {
        let t = "Kari Nordmann 010180-00055";
        let ms = [
            Match::new(
                Kind::PersonName,
                Confidence::High,
                Flags::empty(),
                0,
                13,
            ),
            Match::new(Kind::NoFnr, Confidence::High, Flags::empty(), 14, 26),
        ];
        assert_eq!(
            screen(t, &ms, |m| m.group() == Group::Ids),
            "Kari Nordmann ******"
        );
        assert_eq!(screen(t, &ms, |_| true), "****** ******");
    }
}
