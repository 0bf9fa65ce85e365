//! `sladd noark` end to end: exit codes of the gate, errors, stable output
//! (docs/contract.md §11). Synthetic data only.

use std::path::Path;
use std::process::{Command, Output};

const SLADD: &str = env!("CARGO_BIN_EXE_sladd");

fn sladd(args: &[&str]) -> Output {
    Command::new(SLADD).args(args).output().unwrap()
}

fn journal(title: &str, name: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<offentligJournal xmlns=\"http://www.arkivverket.no/standarder/noark5/offentligJournal\">\n\
         <journalhode><journalStartDato>2024-01-01</journalStartDato></journalhode>\n\
         <journalregistrering><saksmappe><saksaar>2024</saksaar><sakssekvensnummer>1</sakssekvensnummer>\
         <offentligTittel>Henvendelser</offentligTittel></saksmappe>\n\
         <journalpost><systemID>jp-1</systemID><offentligTittel>{title}</offentligTittel>\
         <korrespondansepart><korrespondanseparttype>Avsender</korrespondanseparttype>\
         <korrespondansepartNavn>{name}</korrespondansepartNavn></korrespondansepart></journalpost>\n\
         </journalregistrering>\n</offentligJournal>\n"
    )
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn gate_exit_codes() {
    let d = tempfile::tempdir().unwrap();
    let clean = write(
        d.path(),
        "clean.xml",
        &journal("Innkalling til møte", "Oslo kommune"),
    );
    let o = sladd(&["noark", "--gate", &clean]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for (title, name) in [
        ("Klage 010180-00055", "Oslo kommune"),
        ("Sak 410180 00049", "Oslo kommune"),
        ("Søknad om sosialhjelp", "Kari Nordmann"),
    ] {
        let f = write(d.path(), "leak.xml", &journal(title, name));
        let o = sladd(&["noark", "--gate", "--format", "jsonl", &f]);
        assert_eq!(o.status.code(), Some(1), "{title} / {name}");
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(out.contains("\"gate\":\"fail\""), "{out}");
        // Values masked: the number never appears.
        assert!(!out.contains("00055") && !out.contains("00049"), "{out}");
    }
    // Without --gate: findings exit 1, none 0.
    let f = write(d.path(), "names.xml", &journal("Møte", "Kari Nordmann"));
    assert_eq!(sladd(&["noark", &f]).status.code(), Some(1));
    assert_eq!(sladd(&["noark", "--gate", &f]).status.code(), Some(0));
}

#[test]
fn csv_columns_option_and_text_output() {
    let d = tempfile::tempdir().unwrap();
    let f = write(
        d.path(),
        "p.csv",
        "nr;x;fra\n7;Klage fra 010180-00055;Kari Nordmann\n",
    );
    let o = sladd(&["noark", "--columns", "tittel=2,id=nr,avsender=3", &f]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("systemID=7"), "{out}");
    assert!(
        out.contains("proposed offentligTittel: Klage fra ******"),
        "{out}"
    );
    let o = sladd(&["noark", "--columns", "farge=2", &f]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("farge"));
}

#[test]
fn a_damaged_file_exits_2_and_names_line_and_element() {
    let d = tempfile::tempdir().unwrap();
    let text = journal("Innkalling", "Oslo kommune");
    let cut = text.find("<journalpost>").unwrap() + 30;
    let f = write(d.path(), "cut.xml", &text[..cut]);
    let o = sladd(&["noark", "--gate", &f]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "cut.xml:5: in offentligJournal/journalregistrering/journalpost"
        ),
        "{err}"
    );
    let o = sladd(&[
        "noark",
        "--gate",
        &d.path().join("missing.xml").to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn same_output_every_run() {
    let d = tempfile::tempdir().unwrap();
    let f = write(
        d.path(),
        "j.xml",
        &journal(
            "Søknad om sosialhjelp fra Kari Nordmann, 010180 00055",
            "Kari Nordmann",
        ),
    );
    let first = sladd(&["noark", "--format", "jsonl", &f]).stdout;
    assert!(!first.is_empty());
    for _ in 0..3 {
        assert_eq!(sladd(&["noark", "--format", "jsonl", &f]).stdout, first);
    }
}
