//! Synthetic Noark 5 extractions, journals, postliste CSV and eInnsyn JSON
//! (docs/contract.md §11). Every ID is synthetic: `01018000055`
//! (fødselsnummer), `41018000049` (D-nummer), names like Kari Nordmann.

use detect_core::{Kind, Risk, Scanner};
use detect_noark::{
    Assessor, Column, ColumnRef, Columns, Entry, EntryReport, GateReason,
    Level, PartyRole, read_arkivstruktur, read_einnsyn_json, read_journal,
    read_noark_xml, read_postliste_csv, skjerming,
};

const NS: &str = r#"xmlns="http://www.arkivverket.no/standarder/noark5/arkivstruktur" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#;

/// A `journalpost` element.
fn jp(
    id: &str,
    tittel: &str,
    otittel: Option<&str>,
    parts: &[(&str, &str)],
    skj: &[&str],
) -> String {
    let mut s = format!(
        "<registrering xsi:type=\"journalpost\"><systemID>{id}</systemID>\
         <opprettetDato>2024-01-01T00:00:00</opprettetDato><opprettetAv>x</opprettetAv>"
    );
    if !skj.is_empty() {
        s.push_str("<skjerming><tilgangsrestriksjon>Unntatt etter offentlighetsloven § 13</tilgangsrestriksjon><skjermingshjemmel>Offl § 13</skjermingshjemmel>");
        for v in skj {
            s.push_str(&format!("<skjermingMetadata>{v}</skjermingMetadata>"));
        }
        s.push_str("</skjerming>");
    }
    s.push_str(&format!("<tittel>{tittel}</tittel>"));
    if let Some(o) = otittel {
        s.push_str(&format!("<offentligTittel>{o}</offentligTittel>"));
    }
    for (t, n) in parts {
        s.push_str(&format!(
            "<korrespondansepart><korrespondanseparttype>{t}</korrespondanseparttype>\
             <korrespondansepartNavn>{n}</korrespondansepartNavn></korrespondansepart>"
        ));
    }
    s.push_str("<journalaar>2024</journalaar><journalposttype>Inngående dokument</journalposttype></registrering>\n");
    s
}

/// An arkivstruktur with a class, a case file with a party, nested
/// registry entries and a sub-folder.
fn arkivstruktur() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<arkiv {NS}>\n<systemID>a</systemID><tittel>Arkiv</tittel>\n\
         <arkivdel><systemID>d</systemID><tittel>Sakarkiv</tittel>\n\
         <klassifikasjonssystem><systemID>ks</systemID><tittel>Personer</tittel>\n\
         <klasse><systemID>k-1</systemID><klasseID>01018000055</klasseID><tittel>Personmappe</tittel>\n\
         <mappe xsi:type=\"saksmappe\"><systemID>m-1</systemID><mappeID>2024/1</mappeID>\
         <tittel>Barnevernssak Kari Nordmann</tittel>\n\
         <part><partID>010180 00055</partID><partNavn>Kari Nordmann</partNavn><partRolle>Klient</partRolle></part>\n\
         {}{}{}\
         <mappe><systemID>m-2</systemID><tittel>Undermappe</tittel>\n{}</mappe>\n\
         <saksaar>2024</saksaar><saksansvarlig>Per Olsen</saksansvarlig></mappe>\n\
         </klasse></klassifikasjonssystem></arkivdel></arkiv>\n",
        jp(
            "r-1",
            "Bekymringsmelding om Kari",
            Some("Bekymringsmelding om Kari"),
            &[("Avsender", "Ola Hansen")],
            &[]
        ),
        jp(
            "r-2",
            "Svar på klage 010180-00055",
            Some("Svar på klage"),
            &[("Mottaker", "Oslo kommune")],
            &[]
        ),
        jp(
            "r-3",
            "Møteinnkalling",
            None,
            &[("Mottaker", "Kari Nordmann")],
            &[]
        ),
        jp(
            "r-4",
            "Søknad om sosialhjelp",
            Some("Søknad om sosialhjelp"),
            &[("Mottaker", "Ola Hansen")],
            &[skjerming::NAVN_MOTTAKER]
        ),
    )
}

fn assess_all(entries: Vec<Entry>) -> Vec<EntryReport> {
    let a = Assessor::new(Scanner::builder()).unwrap();
    entries.iter().map(|e| a.assess(e)).collect()
}

fn by_id<'a>(rs: &'a [EntryReport], id: &str) -> &'a EntryReport {
    rs.iter()
        .find(|r| r.system_id.as_deref() == Some(id))
        .unwrap_or_else(|| panic!("no entry {id}"))
}

#[test]
fn arkivstruktur_entries_nested_and_in_closing_order() {
    let xml = arkivstruktur();
    let entries: Vec<Entry> =
        read_arkivstruktur(xml.as_bytes()).collect::<Result<_, _>>().unwrap();
    let ids: Vec<&str> =
        entries.iter().map(|e| e.system_id.as_deref().unwrap()).collect();
    assert_eq!(ids, ["r-1", "r-2", "r-3", "r-4", "m-2", "m-1", "k-1"]);
    let levels: Vec<Level> = entries.iter().map(|e| e.level).collect();
    use Level::*;
    assert_eq!(
        levels,
        [
            Registrering,
            Registrering,
            Registrering,
            Registrering,
            Mappe,
            Mappe,
            Klasse
        ]
    );
    assert_eq!(entries[0].entity, "journalpost");
    assert_eq!(entries[5].entity, "saksmappe");
    // The case file's party is a known name of its entries, nested ones too.
    assert_eq!(entries[0].context_names, ["Kari Nordmann"]);
    assert_eq!(entries[4].context_names, ["Kari Nordmann"]);
    assert_eq!(entries[3].skjerming, [skjerming::NAVN_MOTTAKER]);
    assert_eq!(entries[1].parties[0].role, PartyRole::Mottaker);
    // Lines: the entries start where their elements do.
    let line_of = |needle: &str| {
        1 + xml[..xml.find(needle).unwrap()].matches('\n').count() as u64
    };
    assert_eq!(
        entries[0].line,
        line_of("<registrering xsi:type=\"journalpost\"><systemID>r-1")
    );
    assert_eq!(entries[6].line, line_of("<klasse>"));
    // The officer after the sub-entries belongs to the case file.
    assert!(
        entries[5]
            .fields
            .iter()
            .any(|f| f.name == "saksansvarlig" && f.value == "Per Olsen")
    );
}

#[test]
fn arkivstruktur_proposals_screening_and_gate() {
    let entries: Vec<Entry> = read_arkivstruktur(arkivstruktur().as_bytes())
        .collect::<Result<_, _>>()
        .unwrap();
    let rs = assess_all(entries);

    // A name from the case file and a child-welfare term: special.
    let r1 = by_id(&rs, "r-1");
    assert_eq!(r1.risk, Risk::Special);
    assert_eq!(
        r1.offentlig_tittel.as_deref(),
        Some("Bekymringsmelding om ******")
    );
    assert_eq!(
        r1.offentlig_tittel_sensitiv.as_deref(),
        Some("****** om Kari")
    );
    assert_eq!(
        r1.skjerming,
        [skjerming::TITTEL_REGISTRERING_WORDS, skjerming::NAVN_AVSENDER]
    );
    assert_eq!(r1.offentlig_tittel_leaks, Some(true));
    assert_eq!(r1.gate, [GateReason::Special]);

    // An fnr in the title, a clean public title: the title is not published.
    let r2 = by_id(&rs, "r-2");
    assert_eq!(r2.risk, Risk::Identifying);
    assert_eq!(r2.offentlig_tittel.as_deref(), Some("Svar på klage ******"));
    assert_eq!(
        r2.offentlig_tittel_sensitiv.as_deref(),
        Some("Svar på klage ******")
    );
    assert_eq!(r2.offentlig_tittel_leaks, Some(false));
    assert!(r2.passes(), "{:?}", r2.gate);
    assert!(r2.findings.iter().all(|f| !f.published));
    // An organisation as recipient is no person.
    assert!(!r2.findings.iter().any(|f| f.kind == Kind::PersonName));

    // A name as recipient, nothing sensitive: personal, publishable.
    let r3 = by_id(&rs, "r-3");
    assert_eq!(r3.risk, Risk::Personal);
    assert_eq!(r3.offentlig_tittel.as_deref(), Some("Møteinnkalling"));
    assert!(r3.skjerming.is_empty());
    assert!(r3.passes());

    // Special, but the recipient is screened already: passes.
    let r4 = by_id(&rs, "r-4");
    assert_eq!(r4.risk, Risk::Special);
    assert_eq!(r4.skjerming, [skjerming::NAVN_MOTTAKER]);
    assert_eq!(
        r4.offentlig_tittel_sensitiv.as_deref(),
        Some("Søknad om ******")
    );
    assert!(r4.passes(), "{:?}", r4.gate);

    // The case file: partID is an fnr (not published), the title ties the
    // party to child welfare.
    let m1 = by_id(&rs, "m-1");
    assert_eq!(m1.risk, Risk::Identifying);
    assert_eq!(m1.offentlig_tittel.as_deref(), Some("Barnevernssak ******"));
    assert_eq!(
        m1.skjerming,
        [skjerming::TITTEL_MAPPE_WORDS, skjerming::NAVN_PART]
    );
    assert_eq!(m1.gate, [GateReason::Special]);
    // The officer is public: no finding.
    assert!(!m1.findings.iter().any(|f| f.field == "saksansvarlig"));

    // The class ID is an fnr.
    let k1 = by_id(&rs, "k-1");
    assert_eq!(k1.skjerming, [skjerming::KLASSE_ID]);
    assert_eq!(
        k1.gate,
        [GateReason::Id { field: "klasseID".into(), kind: Kind::NoFnr }]
    );
    assert_eq!(k1.findings[0].value, "***********");
}

#[test]
fn officers_are_screened_only_when_asked() {
    let e = Entry::new(
        detect_noark::Source::OffentligJournal,
        Level::Registrering,
        "x",
    )
    .field("offentligTittel", "Søknad om sosialhjelp")
    .field("saksbehandler", "Kari Nordmann");
    let plain = Assessor::new(Scanner::builder()).unwrap().assess(&e);
    assert_eq!(plain.risk, Risk::Clean);
    assert!(plain.passes());
    let asked = Assessor::new(Scanner::builder())
        .unwrap()
        .screen_officers(true)
        .assess(&e);
    assert_eq!(asked.risk, Risk::Special);
    assert!(!asked.passes());
    // An ID in an officer field is never public.
    let e = e.field("administrativEnhet", "Enhet 010180-00055");
    assert!(!Assessor::new(Scanner::builder()).unwrap().assess(&e).passes());
}

/// An offentligJournal with `n` registrations of one case.
fn offentlig_journal(posts: &[(&str, &str, &str, &str)]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\"?>\n<offentligJournal xmlns=\"http://www.arkivverket.no/standarder/noark5/offentligJournal\">\n\
         <journalhode><journalStartDato>2024-01-01</journalStartDato><journalSluttDato>2024-01-31</journalSluttDato>\
         <antallJournalposter>1</antallJournalposter></journalhode>\n",
    );
    for (id, tittel, typ, navn) in posts {
        s.push_str(&format!(
            "<journalregistrering>\n<klasse><klasseID>223</klasseID><tittel>Sosialtjenester</tittel></klasse>\n\
             <saksmappe><saksaar>2024</saksaar><sakssekvensnummer>12</sakssekvensnummer>\
             <offentligTittel>Søknad om økonomisk stønad</offentligTittel></saksmappe>\n\
             <journalpost><systemID>{id}</systemID><journalaar>2024</journalaar>\
             <offentligTittel>{tittel}</offentligTittel><journaldato>2024-01-02</journaldato>\
             <saksbehandler>Per Olsen</saksbehandler>\
             <korrespondansepart><korrespondanseparttype>{typ}</korrespondanseparttype>\
             <korrespondansepartNavn>{navn}</korrespondansepartNavn></korrespondansepart>\
             </journalpost>\n</journalregistrering>\n"
        ));
    }
    s.push_str("</offentligJournal>\n");
    s
}

fn gate_of(xml: &str) -> Vec<EntryReport> {
    let entries: Vec<Entry> =
        read_journal(xml.as_bytes()).collect::<Result<_, _>>().unwrap();
    assess_all(entries)
}

#[test]
fn journal_case_files_once_and_every_leak_family_fails() {
    let clean = offentlig_journal(&[
        ("j1", "Innkalling til møte", "Mottaker", "Oslo kommune"),
        ("j2", "Svar på henvendelse", "Avsender", "Bygg og Anlegg AS"),
    ]);
    let rs = gate_of(&clean);
    // klasse and saksmappe once, two journalposts.
    assert_eq!(
        rs.len(),
        4,
        "{:?}",
        rs.iter().map(|r| &r.system_id).collect::<Vec<_>>()
    );
    assert_eq!(rs.iter().filter(|r| r.level == Level::Mappe).count(), 1);
    assert_eq!(
        by_id(&rs, "2024/12").offentlig_tittel.as_deref(),
        Some("Søknad om økonomisk stønad")
    );
    assert!(
        rs.iter().all(EntryReport::passes),
        "{:?}",
        rs.iter().map(|r| &r.gate).collect::<Vec<_>>()
    );

    for (title, name, why) in [
        ("Klage 01018000055", "Oslo kommune", "11 digits"),
        (
            "Klage 010180-00055",
            "Oslo kommune",
            "DDMMYY-NNNNN, missed by @NoSSN",
        ),
        ("Klage 010180 00055", "Oslo kommune", "DDMMYY NNNNN"),
        ("Sak 410180.00049", "Oslo kommune", "D-nummer with a dot"),
        ("Sak 410180 00049", "Oslo kommune", "D-nummer after `sak`"),
        (
            "Oppfølging",
            "Kari Nordmann 010180-00055",
            "an ID in a party's name",
        ),
        (
            "Søknad om sosialhjelp",
            "Kari Nordmann",
            "a name and a sensitive term",
        ),
        (
            "Innleggelse på psykiatrisk avdeling for Kari Nordmann",
            "Oslo kommune",
            "special in the title",
        ),
    ] {
        let rs =
            gate_of(&offentlig_journal(&[("j1", title, "Avsender", name)]));
        let j1 = by_id(&rs, "j1");
        assert!(!j1.passes(), "{why}: {title} / {name} passed");
        assert!(matches!(j1.risk, Risk::Special | Risk::Identifying), "{why}");
    }
}

#[test]
fn csv_postliste_with_usual_headers_and_chosen_columns() {
    let csv = "Journalpostnummer;Dato;Innhold;Avsender/mottaker;I/U;Saksbehandler\n\
               2024/5-1;2024-01-02;Søknad om barnehageplass;Kari Nordmann;I;Per Olsen\n\
               2024/5-2;2024-01-03;Søknad om sosialhjelp;Ola Hansen;U;Per Olsen\n\
               2024/5-3;2024-01-04;\"Klage, fnr 010180-00055\";Oslo kommune;I;Per Olsen\n";
    let entries: Vec<Entry> =
        read_postliste_csv(csv.as_bytes(), &Columns::default())
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[2].line, 4);
    let rs = assess_all(entries);
    assert_eq!(rs[0].risk, Risk::Personal);
    assert!(rs[0].passes());
    assert_eq!(rs[1].risk, Risk::Special);
    // Outgoing: the correspondent is the recipient.
    assert_eq!(rs[1].skjerming, [skjerming::NAVN_MOTTAKER]);
    assert_eq!(
        rs[1].offentlig_tittel_sensitiv.as_deref(),
        Some("Søknad om ******")
    );
    assert!(!rs[1].passes());
    assert_eq!(rs[2].offentlig_tittel.as_deref(), Some("Klage, fnr ******"));
    assert!(!rs[2].passes());

    // Columns by number and by name; Windows-1252 text.
    let csv =
        b"a,b,c\nx,S\xf8knad fra Kari Nordmann 010180-00055,Ola Hansen\n";
    let cols = Columns::default()
        .set(Column::Tittel, ColumnRef::Number(2))
        .set(Column::Avsender, ColumnRef::Name("C".into()))
        .set(Column::Id, ColumnRef::Number(1));
    let e: Vec<Entry> = read_postliste_csv(&csv[..], &cols)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(e[0].fields[0].value, "Søknad fra Kari Nordmann 010180-00055");
    assert_eq!(e[0].parties[0].name, "Ola Hansen");
    assert_eq!(e[0].system_id.as_deref(), Some("x"));

    // A chosen column that is not there, no title column: errors naming it.
    let err = read_postliste_csv(
        &b"a;b\n1;2\n"[..],
        &Columns::parse("tittel=Innhold").unwrap(),
    )
    .err()
    .unwrap();
    assert!(err.to_string().contains("Innhold"), "{err}");
    let err = read_postliste_csv(&b"a;b\n1;2\n"[..], &Columns::default())
        .err()
        .unwrap();
    assert!(err.to_string().contains("no title column"), "{err}");
}

#[test]
fn einnsyn_json_sensitive_fields_are_published() {
    let json = r#"{"items": [
      {"entity": "Journalpost", "id": "jp_1",
       "offentligTittel": "Søknad om ******",
       "offentligTittelSensitiv": "Søknad om sosialhjelp",
       "korrespondansepart": [{"entity": "Korrespondansepart", "korrespondanseparttype": "avsender",
          "korrespondansepartNavn": "******", "korrespondansepartNavnSensitiv": "Kari Nordmann"}],
       "saksmappe": {"entity": "Saksmappe", "id": "sm_1", "offentligTittel": "Økonomisk stønad"}},
      {"entity": "Journalpost", "id": "jp_2", "offentligTittel": "Innkalling 010180-00055",
       "offentligTittelSensitiv": "Innkalling"}
    ]}"#;
    let entries = read_einnsyn_json(json.as_bytes()).unwrap();
    let ids: Vec<_> =
        entries.iter().map(|e| e.system_id.clone().unwrap()).collect();
    assert_eq!(ids, ["jp_1", "sm_1", "jp_2"]);
    assert_eq!(entries[1].level, Level::Mappe);
    let rs = assess_all(entries);
    assert_eq!(rs[0].risk, Risk::Special);
    assert!(!rs[0].passes());
    assert_eq!(rs[1].risk, Risk::Clean);
    assert!(rs[1].passes());
    assert_eq!(rs[2].offentlig_tittel_leaks, Some(true));
    assert!(
        matches!(&rs[2].gate[..], [GateReason::Id { field, .. }] if field == "offentligTittel")
    );

    let err = read_einnsyn_json(b"{\n \"id\": 1,\n oops}").unwrap_err();
    assert_eq!(err.line, 3, "{err}");
}

#[test]
fn same_output_every_run() {
    let xml = arkivstruktur();
    let run = || -> Vec<String> {
        let entries: Vec<Entry> =
            read_noark_xml(xml.as_bytes()).collect::<Result<_, _>>().unwrap();
        assess_all(entries)
            .iter()
            .map(|r| r.to_json(Some("a.xml")).to_string())
            .collect()
    };
    let first = run();
    assert_eq!(first.len(), 7);
    for _ in 0..3 {
        assert_eq!(run(), first);
    }
}

#[test]
fn damaged_xml_is_an_error_naming_line_and_element() {
    let xml = arkivstruktur();
    // Cut inside the third registry entry's title.
    let cut = xml.find("Møteinnkalling").unwrap() + 3;
    let results: Vec<_> = read_arkivstruktur(&xml.as_bytes()[..cut]).collect();
    let (ok, err): (Vec<_>, Vec<_>) =
        results.into_iter().partition(Result::is_ok);
    assert_eq!(ok.len(), 2, "the entries before the cut are read");
    assert_eq!(err.len(), 1);
    let err = err[0].clone().unwrap_err();
    assert!(err.context.ends_with("mappe/registrering/tittel"), "{err}");
    assert_eq!(err.line, 1 + xml[..cut].matches('\n').count() as u64, "{err}");

    // A mismatched end tag.
    let bad = xml.replacen("</tittel>", "</titel>", 3);
    let err =
        read_arkivstruktur(bad.as_bytes()).find_map(Result::err).unwrap();
    assert!(err.message.contains("damaged XML"), "{err}");

    // Not an arkivstruktur; entities declared.
    let err = read_arkivstruktur(&b"<offentligJournal/>"[..])
        .find_map(Result::err)
        .unwrap();
    assert!(err.message.contains("<offentligJournal>"), "{err}");
    let bomb = "<!DOCTYPE arkiv [<!ENTITY a \"aaaa\">]><arkiv>&a;</arkiv>";
    let err =
        read_arkivstruktur(bomb.as_bytes()).find_map(Result::err).unwrap();
    assert!(err.message.contains("entities"), "{err}");
}
