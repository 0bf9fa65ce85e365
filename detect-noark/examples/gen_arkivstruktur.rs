//! Writes a synthetic Noark 5 `arkivstruktur.xml` to standard output:
//! `gen_arkivstruktur N` gives N registry entries in case files of ten,
//! every 97th with a synthetic fødselsnummer in its title and every 89th
//! with a name and a sensitive term. For the streaming measurement in
//! `scripts/noark_rss.sh`.

use std::io::{BufWriter, Write};

fn main() -> std::io::Result<()> {
    let n: u64 =
        std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let mut w = BufWriter::new(std::io::stdout().lock());
    writeln!(w, "<?xml version=\"1.0\" encoding=\"utf-8\"?>")?;
    writeln!(
        w,
        "<arkiv xmlns=\"http://www.arkivverket.no/standarder/noark5/arkivstruktur\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n<systemID>a</systemID>\
         <tittel>Generert arkiv</tittel>\n<arkivdel><systemID>d</systemID><tittel>Sakarkiv</tittel>"
    )?;
    let names = [
        "Kari Nordmann",
        "Ola Hansen",
        "Per Olsen",
        "Anne Berg",
        "Nina Johansen",
    ];
    for i in 0..n {
        if i % 10 == 0 {
            if i > 0 {
                writeln!(
                    w,
                    "<saksaar>2024</saksaar><saksansvarlig>Per Olsen</saksansvarlig></mappe>"
                )?;
            }
            writeln!(
                w,
                "<mappe xsi:type=\"saksmappe\"><systemID>m-{i}</systemID><mappeID>2024/{i}</mappeID>\
                 <tittel>Byggesak gnr {} bnr {}</tittel>",
                i % 300,
                i % 70
            )?;
        }
        let name = names[(i % 5) as usize];
        let tittel = if i % 97 == 0 {
            "Klage, fnr 010180-00055".to_string()
        } else if i % 89 == 0 {
            format!("Søknad om sosialhjelp - {name}")
        } else {
            format!("Søknad om ferdigattest nr {i}")
        };
        writeln!(
            w,
            "<registrering xsi:type=\"journalpost\"><systemID>r-{i}</systemID>\
             <tittel>{tittel}</tittel><offentligTittel>{tittel}</offentligTittel>\
             <korrespondansepart><korrespondanseparttype>Avsender</korrespondanseparttype>\
             <korrespondansepartNavn>{name}</korrespondansepartNavn>\
             <postadresse>Storgata {} </postadresse><saksbehandler>Per Olsen</saksbehandler>\
             </korrespondansepart><journalaar>2024</journalaar></registrering>",
            i % 100
        )?;
    }
    if n > 0 {
        writeln!(
            w,
            "<saksaar>2024</saksaar><saksansvarlig>Per Olsen</saksansvarlig></mappe>"
        )?;
    }
    writeln!(w, "</arkivdel>\n</arkiv>")?;
    w.flush()
}
