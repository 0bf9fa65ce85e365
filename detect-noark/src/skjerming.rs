//! The `skjermingMetadata` values (M502) of the Noark 5 metadatakatalog,
//! as the standard writes them, and which one screens what.

use crate::entry::{Entry, Level, PartyRole};

/// `Skjerming klasseID`: e.g. when the class ID is a fødselsnummer.
pub const KLASSE_ID: &str = "Skjerming klasseID";
/// `Skjerming tittel klasse`.
pub const TITTEL_KLASSE: &str = "Skjerming tittel klasse";
/// `Skjerming tittel mappe - unntatt første linje`.
pub const TITTEL_MAPPE_FIRST_LINE: &str =
    "Skjerming tittel mappe - unntatt første linje";
/// `Skjerming tittel mappe - utvalgte ord` (needs `offentligTittel`).
pub const TITTEL_MAPPE_WORDS: &str = "Skjerming tittel mappe - utvalgte ord";
/// `Skjerming navn part i sak`.
pub const NAVN_PART: &str = "Skjerming navn part i sak";
/// `Skjerming tittel registrering - unntatt første linje`.
pub const TITTEL_REGISTRERING_FIRST_LINE: &str =
    "Skjerming tittel registrering - unntatt første linje";
/// `Skjerming tittel registrering - utvalgte ord` (needs
/// `offentligTittel`).
pub const TITTEL_REGISTRERING_WORDS: &str =
    "Skjerming tittel registrering - utvalgte ord";
/// `Skjerming navn avsender`.
pub const NAVN_AVSENDER: &str = "Skjerming navn avsender";
/// `Skjerming navn mottaker`.
pub const NAVN_MOTTAKER: &str = "Skjerming navn mottaker";
/// `Skjerming tittel dokumentbeskrivelse`.
pub const TITTEL_DOKUMENTBESKRIVELSE: &str =
    "Skjerming tittel dokumentbeskrivelse";
/// `Skjerming merknadstekst`.
pub const MERKNADSTEKST: &str = "Skjerming merknadstekst";

/// Every value of M502 this crate suggests or reads, in the order of the
/// metadatakatalog; suggestions are listed in this order.
pub const ALL: [&str; 11] = [
    KLASSE_ID,
    TITTEL_KLASSE,
    TITTEL_MAPPE_FIRST_LINE,
    TITTEL_MAPPE_WORDS,
    NAVN_PART,
    TITTEL_REGISTRERING_FIRST_LINE,
    TITTEL_REGISTRERING_WORDS,
    NAVN_AVSENDER,
    NAVN_MOTTAKER,
    TITTEL_DOKUMENTBESKRIVELSE,
    MERKNADSTEKST,
];

/// A value compared loosely: lower case, letters and digits only, without
/// a leading `skjerming` (systems write `Skjerming navn avsender`, `navn
/// avsender`, `Skjerming tittel registrering – utvalgte ord` with a dash
/// of their choice).
pub(crate) fn normalise(v: &str) -> String {
    let s: String = v
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    s.strip_prefix("skjerming").map(str::to_string).unwrap_or(s)
}

/// The value that screens selected words of the title at this level.
pub(crate) fn title_words(level: Level) -> &'static str {
    match level {
        Level::Klasse => TITTEL_KLASSE,
        Level::Mappe => TITTEL_MAPPE_WORDS,
        Level::Registrering => TITTEL_REGISTRERING_WORDS,
    }
}

/// The value that screens all but the first line of the title.
pub(crate) fn title_first_line(level: Level) -> Option<&'static str> {
    match level {
        Level::Klasse => None,
        Level::Mappe => Some(TITTEL_MAPPE_FIRST_LINE),
        Level::Registrering => Some(TITTEL_REGISTRERING_FIRST_LINE),
    }
}

/// The values that screen the name of a party of this role: a
/// correspondent of unknown direction takes its direction from the
/// entry's `journalposttype` (incoming: sender; outgoing: recipient), or
/// both values when that is not known either.
pub(crate) fn for_party(
    role: PartyRole,
    entry: &Entry,
) -> &'static [&'static str] {
    match role {
        PartyRole::Part => &[NAVN_PART],
        PartyRole::Avsender => &[NAVN_AVSENDER],
        PartyRole::Mottaker => &[NAVN_MOTTAKER],
        PartyRole::Korrespondent => {
            let t = entry
                .journalposttype
                .as_deref()
                .map(|t| t.trim().to_lowercase())
                .unwrap_or_default();
            if t == "i" || t.starts_with("inng") {
                &[NAVN_AVSENDER]
            } else if t == "u" || t.starts_with("utg") {
                &[NAVN_MOTTAKER]
            } else {
                &[NAVN_AVSENDER, NAVN_MOTTAKER]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_compare_loosely() {
        assert_eq!(normalise("navn avsender"), normalise(NAVN_AVSENDER));
        assert_eq!(
            normalise("Skjerming tittel registrering – utvalgte ord"),
            normalise(TITTEL_REGISTRERING_WORDS)
        );
        assert_ne!(normalise(NAVN_MOTTAKER), normalise(NAVN_AVSENDER));
    }
}
