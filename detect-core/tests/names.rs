//! Table-driven tests of the `person_name` pass (docs/contract.md §1.1,
//! §3): shapes, cues and negative classes in nb, nn, sv, da, fi, is,
//! ALL-CAPS, decomposed accents (NFD) and no-break spaces. Names are
//! invented or common dictionary names; no real person's data.

use detect_core::{Confidence, Kind, Match, Scanner};

fn names(level: Confidence) -> Scanner {
    Scanner::builder()
        .kinds([Kind::PersonName])
        .min_confidence(level)
        .build()
        .unwrap()
}

fn found(sc: &Scanner, text: &str) -> Vec<(String, Confidence)> {
    sc.find_iter(text)
        .map(|m: Match| (text[m.range()].to_string(), m.confidence()))
        .collect()
}

/// (language, text, the name expected, the least confidence expected).
const POSITIVE: &[(&str, &str, &str, Confidence)] = &[
    // Given + surname, known both: high without context.
    (
        "nb",
        "Saken ble lagt fram av Kari Nordmann i går.",
        "Kari Nordmann",
        Confidence::High,
    ),
    (
        "nn",
        "Det var Ola Hansen som skreiv brevet.",
        "Ola Hansen",
        Confidence::High,
    ),
    (
        "sv",
        "Beslutet fattades av Anna Svensson i nämnden.",
        "Anna Svensson",
        Confidence::High,
    ),
    (
        "da",
        "Sagen er behandlet af Mette Jensen i forvaltningen.",
        "Mette Jensen",
        Confidence::High,
    ),
    (
        "fi",
        "Päätöksen teki Matti Virtanen eilen.",
        "Matti Virtanen",
        Confidence::High,
    ),
    (
        "is",
        "Málið var afgreitt af Jón Sigurðsson í gær.",
        "Jón Sigurðsson",
        Confidence::High,
    ),
    // Several given names.
    (
        "nb",
        "Møtet ble ledet av Anne Kari Johansen i dag.",
        "Anne Kari Johansen",
        Confidence::High,
    ),
    // Surname, Given.
    (
        "nb",
        "Part: Nordmann, Kari har klaget.",
        "Nordmann, Kari",
        Confidence::High,
    ),
    (
        "sv",
        "Ansökan från Svensson, Anna kom in i tid.",
        "Svensson, Anna",
        Confidence::High,
    ),
    // Initials.
    (
        "nb",
        "Brevet er signert K. Nordmann på vegne av styret.",
        "K. Nordmann",
        Confidence::Medium,
    ),
    (
        "da",
        "Notatet er skrevet af K.O. Hansen i fredags.",
        "K.O. Hansen",
        Confidence::Medium,
    ),
    (
        "sv",
        "Protokollet justerades av K-O. Lindqvist i går.",
        "K-O. Lindqvist",
        Confidence::Medium,
    ),
    // Hyphenated given names and surnames.
    (
        "sv",
        "Ansökan skrevs av Anna-Lena Öberg förra veckan.",
        "Anna-Lena Öberg",
        Confidence::High,
    ),
    (
        "nb",
        "Uttalelsen kom fra Kari Berg-Hansen i går.",
        "Kari Berg-Hansen",
        Confidence::High,
    ),
    // Particles.
    (
        "sv",
        "Förslaget lades fram av Maria von Platen i fjol.",
        "Maria von Platen",
        Confidence::Medium,
    ),
    (
        "sv",
        "Det var Anders af Ekström som svarade.",
        "Anders af Ekström",
        Confidence::High,
    ),
    // Icelandic patronymics, inflected.
    (
        "is",
        "Bréfið var sent til Guðrún Jónsdóttur í morgun.",
        "Guðrún Jónsdóttur",
        Confidence::High,
    ),
    (
        "is",
        "Við töluðum við Einar Magnússon um málið.",
        "Einar Magnússon",
        Confidence::High,
    ),
    // Finnish case endings of -nen surnames.
    (
        "fi",
        "Asia koskee Matti Virtasen hakemusta.",
        "Matti Virtasen",
        Confidence::High,
    ),
    (
        "fi",
        "Kirje lähetettiin Liisa Korhoselle eilen.",
        "Liisa Korhoselle",
        Confidence::High,
    ),
    // Genitive in the span.
    (
        "nb",
        "Det var Kari Nordmanns klage som ble behandlet.",
        "Kari Nordmanns",
        Confidence::High,
    ),
    (
        "sv",
        "Vi läste Anna Svenssons yttrande.",
        "Anna Svenssons",
        Confidence::High,
    ),
    // Unknown surname with a Nordic ending, known given name.
    (
        "da",
        "Ansøgningen kom fra Mette Qvortrupsen i går.",
        "Mette Qvortrupsen",
        Confidence::Medium,
    ),
    // A foreign surname with a known given name.
    (
        "nb",
        "Søknaden fra Mohammed Al-Hassan ble innvilget.",
        "Mohammed Al-Hassan",
        Confidence::Medium,
    ),
    // Titles and roles out of the span.
    (
        "nb",
        "Møtet ble ledet av advokat Kari Nordmann i dag.",
        "Kari Nordmann",
        Confidence::High,
    ),
    (
        "sv",
        "Det meddelade Dr. Anna Svensson i går.",
        "Anna Svensson",
        Confidence::High,
    ),
    // One name after a strong cue.
    ("nb", "Klage fra søker Hansen er mottatt.", "Hansen", Confidence::High),
    ("nb", "Brevet sendes v/ Olsen til arkivet.", "Olsen", Confidence::High),
    (
        "sv",
        "Sökande: Lindqvist har kompletterat.",
        "Lindqvist",
        Confidence::High,
    ),
    (
        "fi",
        "Hakija Mäkinen on toimittanut liitteet.",
        "Mäkinen",
        Confidence::High,
    ),
    (
        "is",
        "Umsækjandi Sigurðsson hefur fengið svar.",
        "Sigurðsson",
        Confidence::High,
    ),
    (
        "nb",
        "Saken gjelder vedr. Pedersen og hans eiendom.",
        "Pedersen",
        Confidence::High,
    ),
    // A name with a birth date after it.
    (
        "nb",
        "Vedtaket gjelder Kari Nordmann, f. 010180, bosatt i Bergen.",
        "Kari Nordmann",
        Confidence::High,
    ),
    // ALL-CAPS titles of old journals.
    (
        "nb",
        "KLAGE FRA KARI NORDMANN PÅ VEDTAK OM TILSKUDD",
        "KARI NORDMANN",
        Confidence::High,
    ),
    (
        "sv",
        "ANSÖKAN FRÅN ANNA SVENSSON OM BIDRAG",
        "ANNA SVENSSON",
        Confidence::High,
    ),
    // Lower case after a strong cue.
    (
        "nb",
        "søker kari nordmann har sendt inn skjema",
        "kari nordmann",
        Confidence::Medium,
    ),
    // Decomposed accents (NFD) and no-break spaces.
    (
        "sv",
        "Ansökan skrevs av Anna O\u{308}berg i fjol.",
        "Anna O\u{308}berg",
        Confidence::High,
    ),
    (
        "nb",
        "Det var Kari\u{a0}Nordmann som ringte.",
        "Kari\u{a0}Nordmann",
        Confidence::High,
    ),
    (
        "nb",
        "Det var Kari\u{202f}Nordmann som ringte.",
        "Kari\u{202f}Nordmann",
        Confidence::High,
    ),
    // Words that are names and ordinary words, with a second piece of
    // evidence (a known given name next to them).
    (
        "nb",
        "Møtet ble ledet av Mai Kristin Lie i går.",
        "Mai Kristin Lie",
        Confidence::Medium,
    ),
    (
        "nb",
        "Det var Kari Strand som svarte.",
        "Kari Strand",
        Confidence::Medium,
    ),
];

#[test]
fn shapes_and_cues_are_found_with_their_confidence() {
    let sc = names(Confidence::Low);
    let mut failures = Vec::new();
    for &(lang, text, want, level) in POSITIVE {
        let got = found(&sc, text);
        let hit = got.iter().find(|(s, _)| s == want);
        match hit {
            Some((_, c)) if *c >= level => {}
            _ => failures.push(format!(
                "[{lang}] {text:?}: want {want:?} ≥ {level:?}, got {got:?}"
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Texts in which nothing at or above `level` is a person's name.
const NEGATIVE: &[(&str, &str, Confidence)] = &[
    // Organisation suffixes.
    ("nb", "Avtalen med Kari Nordmann AS ble signert i går.", Confidence::Low),
    ("nb", "Nordic Hansen ASA la fram tallene.", Confidence::Low),
    (
        "sv",
        "Beställningen gick till Anna Svensson AB i fjol.",
        Confidence::Low,
    ),
    ("da", "Fakturaen er sendt til Mette Jensen ApS i dag.", Confidence::Low),
    ("da", "Kontrakten med Jensen A/S er opsagt.", Confidence::Low),
    ("fi", "Tilaus lähti Matti Virtanen Oy:lle eilen.", Confidence::Low),
    (
        "is",
        "Samningur við Jón Sigurðsson ehf. var undirritaður.",
        Confidence::Low,
    ),
    // Institutions.
    ("nb", "Ole Bull Akademiet har fått støtte.", Confidence::Low),
    ("nb", "Elevene ved Kari Nordmann skole fikk fri.", Confidence::Low),
    (
        "nb",
        "Tilskuddet gikk til Anders Jahre stiftelse i år.",
        Confidence::Low,
    ),
    (
        "sv",
        "Hon arbetar på Anna Svensson sjukhus sedan i fjol.",
        Confidence::Low,
    ),
    // Streets.
    ("nb", "Kontoret ligger i Henrik Ibsens gate 5.", Confidence::Low),
    ("nb", "Vi flyttet til Kari Nordmanns vei i fjor.", Confidence::Low),
    ("sv", "Kontoret ligger på Anna Svenssons gata 3.", Confidence::Low),
    ("sv", "Vi bor på Olof Palmes gatan sedan länge.", Confidence::Low),
    ("da", "Butikken ligger på H.C. Andersens vej 12.", Confidence::Low),
    ("fi", "Toimisto on osoitteessa Mannerheimin tie 5.", Confidence::Low),
    ("is", "Skrifstofan er á Jóns Sigurðssonar vegur 4.", Confidence::Low),
    // Words that are names and ordinary words, alone.
    ("nb", "Vi gikk over Berg og Strand i fjor.", Confidence::Medium),
    ("nb", "Per person koster det 200 kroner.", Confidence::Medium),
    ("nb", "Liv og helse er viktigst.", Confidence::Medium),
    ("sv", "Juni var varm i år.", Confidence::Medium),
    ("nb", "Vi drar til Vik i Mai.", Confidence::Medium),
    ("nb", "Tor Berg ligger langt nord.", Confidence::Medium),
    // A single capitalised word without a cue; sentence starts.
    ("nb", "Hansen kom ikke. Kommunen mottok søknaden.", Confidence::Medium),
    ("nb", "KID: 1234567890123 betales innen fristen.", Confidence::Low),
    // Function words and months in capitals.
    ("nb", "DET ER IKKE KOMMET INN MERKNADER I JANUAR", Confidence::Low),
    (
        "fi",
        "Hakemus on käsitelty ja päätös annetaan tiedoksi.",
        Confidence::Low,
    ),
    ("is", "Umsóknin hefur verið tekin til afgreiðslu.", Confidence::Low),
];

#[test]
fn negative_classes_stay_silent() {
    let mut failures = Vec::new();
    for &(lang, text, level) in NEGATIVE {
        let got = found(&names(level), text);
        if !got.is_empty() {
            failures.push(format!("[{lang}] {text:?}: {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn known_names_are_found_in_every_form_and_alone_once_seen() {
    let sc = Scanner::builder()
        .kinds([Kind::PersonName])
        .known_names(["Zxyla Qwertmann"])
        .build()
        .unwrap();
    let text = "Brev fra Zxyla Qwertmann. Senere skrev Qwertmann igjen, og zxyla svarte.";
    let got = found(&sc, text);
    let spans: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(spans, ["Zxyla Qwertmann", "Qwertmann", "zxyla"], "{got:?}");
    assert!(got.iter().all(|(_, c)| *c == Confidence::High));
    // Alone, before the full name was seen: not found.
    let got = found(&sc, "Qwertmann skrev først. Så kom Zxyla Qwertmann.");
    let spans: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(spans, ["Zxyla Qwertmann"]);
    // Comma form, capitals, genitive.
    let got = found(&sc, "QWERTMANN, ZXYLA og Zxyla Qwertmanns bil.");
    let spans: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(spans, ["QWERTMANN, ZXYLA", "Zxyla Qwertmanns"]);
}

#[test]
fn allow_list_keeps_a_name_out() {
    let sc = Scanner::builder()
        .kinds([Kind::PersonName])
        .allow(["Kari Nordmann"])
        .build()
        .unwrap();
    let got = found(&sc, "Brev fra Kari Nordmann og Ola Hansen.");
    let spans: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(spans, ["Ola Hansen"]);
}

#[test]
fn validate_accepts_a_whole_name() {
    let sc = Scanner::new();
    assert!(sc.validate(Kind::PersonName, "Kari Nordmann"));
    assert!(sc.validate(Kind::PersonName, "Nordmann, Kari"));
    assert!(!sc.validate(Kind::PersonName, "Oslo kommune"));
}

#[test]
fn a_name_split_across_chunks_is_found_once() {
    let sc = names(Confidence::Medium);
    let text =
        "Vedtaket ble sendt til Kari Nordmann i går, og Ola Hansen fikk kopi.";
    let whole: Vec<Match> = sc.find_iter(text).collect();
    assert_eq!(whole.len(), 2);
    for cut in 1..text.len() {
        if !text.is_char_boundary(cut) {
            continue;
        }
        let mut st = sc.stream();
        let mut got = Vec::new();
        st.feed(&text.as_bytes()[..cut], |m| got.push(m));
        st.feed(&text.as_bytes()[cut..], |m| got.push(m));
        st.finish(|m| got.push(m));
        assert_eq!(got, whole, "cut at {cut}");
    }
}

#[test]
fn redaction_masks_names_per_character() {
    let sc = names(Confidence::Medium);
    let out = sc.redact_str(
        "Brev fra Ørjan Åsheim og Kari Nordmann.",
        detect_core::RedactStyle::Mask,
    );
    assert_eq!(out, "Brev fra ***** ****** og **** ********.");
    let out = sc.redact_str(
        "Brev fra Kari Nordmann.",
        detect_core::RedactStyle::Label,
    );
    assert_eq!(out, "Brev fra [person_name].");
}

#[test]
fn any_bytes_are_safe() {
    let sc = names(Confidence::Low);
    let mut bytes: Vec<u8> = (0..=255u8).collect();
    bytes.extend_from_slice("Kari Nordmann \u{308}\u{308} Ø".as_bytes());
    bytes.extend_from_slice(&[0xC3, b' ', 0xE2, 0x80, b'A', b'.', 0xFF]);
    for i in 0..bytes.len() {
        let _ = sc.find_iter(&bytes[i..]).count();
    }
}
