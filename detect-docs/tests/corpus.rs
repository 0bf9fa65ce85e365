//! The generated corpus: every format and hiding place with its expected
//! findings, hostile files with their expected reasons, and redaction
//! round trips.

mod corpus_gen;

use std::collections::BTreeMap;

use detect_core::{Confidence, Kind, Scanner};
use detect_docs::{
    DocReport, Format, Limits, Redacted, extract, redact, scan,
};

/// National identity numbers only, at the default threshold: counts stay
/// the same when the core learns more kinds.
fn ids() -> Scanner {
    Scanner::builder().kind_names(["ids"]).build().unwrap()
}

fn low() -> Scanner {
    Scanner::builder().min_confidence(Confidence::Low).build().unwrap()
}

fn by_location(r: &DocReport) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for f in &r.findings {
        *m.entry(f.location.clone()).or_insert(0) += 1;
    }
    m
}

fn check(
    name: &str,
    bytes: &[u8],
    format: Format,
    expected: &[(&str, usize)],
) {
    let r = scan(&ids(), name, bytes, &Limits::default());
    assert_eq!(r.format, format, "{name}");
    assert!(r.unscanned.is_empty(), "{name}: {:?}", r.unscanned);
    let want: BTreeMap<String, usize> =
        expected.iter().map(|(l, n)| (l.to_string(), *n)).collect();
    let got = by_location(&r);
    if got != want {
        let x = extract(name, bytes, &Limits::default());
        for p in &x.parts {
            eprintln!("--- {}\n{}", p.location, p.text);
        }
    }
    assert_eq!(got, want, "{name}");
}

/// Redacts at `low`, checks the format, and re-scans at `low`: nothing.
fn round_trip(name: &str, bytes: &[u8]) -> Vec<u8> {
    let sc = low();
    let before = scan(&sc, name, bytes, &Limits::default());
    assert!(!before.findings.is_empty(), "{name}: nothing to redact");
    let Redacted::Document(out) =
        redact(&sc, name, bytes, &Limits::default()).unwrap()
    else {
        panic!("{name}: expected a document");
    };
    let after = scan(&sc, name, &out, &Limits::default());
    assert_eq!(after.format, before.format, "{name}");
    assert!(after.unscanned.is_empty(), "{name}: {:?}", after.unscanned);
    let left: Vec<_> = after
        .findings
        .iter()
        .map(|f| (&f.location, f.line, f.m.kind()))
        .collect();
    assert!(left.is_empty(), "{name}: left after redaction: {left:?}");
    // every part is still there
    assert!(
        after.parts >= before.parts.saturating_sub(1),
        "{name}: parts lost"
    );
    out
}

fn entry_names(zip_bytes: &[u8]) -> Vec<String> {
    let z = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    z.file_names().map(str::to_string).collect()
}

fn entry(zip_bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut z.by_name(name).unwrap(), &mut s)
        .unwrap();
    s
}

#[test]
fn docx_every_hiding_place() {
    check(
        "sak.docx",
        &corpus_gen::docx(),
        Format::Docx,
        corpus_gen::DOCX_EXPECTED,
    );
}

#[test]
fn docx_split_runs_are_one_finding() {
    let r = scan(&ids(), "sak.docx", &corpus_gen::docx(), &Limits::default());
    let first =
        r.findings.iter().find(|f| f.location == "word/document.xml").unwrap();
    assert_eq!((first.line, first.column), (1, 11));
    assert_eq!(first.m.kind(), Kind::NoFnr);
}

#[test]
fn xlsx_cells_sheets_pivots() {
    check(
        "budsjett.xlsx",
        &corpus_gen::xlsx(),
        Format::Xlsx,
        corpus_gen::XLSX_EXPECTED,
    );
}

#[test]
fn pptx_slides_and_notes() {
    check(
        "møte.pptx",
        &corpus_gen::pptx(),
        Format::Pptx,
        corpus_gen::PPTX_EXPECTED,
    );
}

#[test]
fn odf_text_spreadsheet_presentation() {
    check(
        "sak.odt",
        &corpus_gen::odt(),
        Format::Odt,
        corpus_gen::ODT_EXPECTED,
    );
    check(
        "tall.ods",
        &corpus_gen::ods(),
        Format::Ods,
        corpus_gen::ODS_EXPECTED,
    );
    check(
        "møte.odp",
        &corpus_gen::odp(),
        Format::Odp,
        corpus_gen::ODP_EXPECTED,
    );
}

#[test]
fn eml_headers_parts_attachments() {
    check(
        "brev.eml",
        &corpus_gen::eml(),
        Format::Eml,
        corpus_gen::EML_EXPECTED,
    );
}

#[test]
fn html_and_rtf() {
    check(
        "side.html",
        &corpus_gen::html(),
        Format::Html,
        corpus_gen::HTML_EXPECTED,
    );
    check(
        "brev.rtf",
        &corpus_gen::rtf(),
        Format::Rtf,
        corpus_gen::RTF_EXPECTED,
    );
}

#[test]
fn zip_archive_recursively() {
    check(
        "eksport.zip",
        &corpus_gen::archive(),
        Format::Zip,
        corpus_gen::ARCHIVE_EXPECTED,
    );
}

#[test]
fn plain_text_utf8_latin1_utf16() {
    let latin1: Vec<u8> =
        "S\u{f8}ker fnr 01018000055\n".chars().map(|c| c as u8).collect();
    let x = extract("a.txt", &latin1, &Limits::default());
    assert_eq!(x.parts[0].text, "Søker fnr 01018000055\n");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "CPR 010180-1004".encode_utf16().flat_map(|u| u.to_le_bytes()),
    );
    check("b.txt", &utf16, Format::Text, &[("text", 1)]);
    let Redacted::Document(out) =
        redact(&ids(), "a.txt", &latin1, &Limits::default()).unwrap()
    else {
        panic!()
    };
    assert_eq!(out.len(), latin1.len());
    assert_eq!(out[1], 0xF8);
}

#[test]
fn pdf_text_layer_with_nordic_letters() {
    // WinAnsi: \346 æ, \370 ø, \345 å, \306 Æ
    let p =
        corpus_gen::pdf(br"S\370ker \346 \345 \306: fnr 01018000055", false);
    let x = extract("a.pdf", &p, &Limits::default());
    assert_eq!(x.format, Format::Pdf);
    assert!(x.unscanned.is_empty(), "{:?}", x.unscanned);
    assert_eq!(x.parts[0].location, "page 1");
    assert!(x.parts[0].text.contains("Søker æ å Æ"), "{:?}", x.parts[0].text);
    let r = scan(&ids(), "a.pdf", &p, &Limits::default());
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].location, "page 1");
    match redact(&ids(), "a.pdf", &p, &Limits::default()).unwrap() {
        Redacted::TextOnly(t) => {
            assert!(t.contains("--- page 1 ---"));
            assert!(t.contains("***********") && !t.contains("01018000055"));
        }
        Redacted::Document(_) => panic!("a PDF is never redacted in place"),
    }
}

fn reasons(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
) -> Vec<(String, String)> {
    let x = extract(name, bytes, limits);
    x.unscanned.into_iter().map(|u| (u.location, u.reason)).collect()
}

#[test]
fn pdf_page_without_text_needs_ocr() {
    let p = corpus_gen::pdf(b"fnr 01018000055", true);
    let r = reasons("a.pdf", &p, &Limits::default());
    assert_eq!(
        r,
        [("page 2".to_string(), "no text layer, OCR needed".to_string())]
    );
    let only_image = corpus_gen::pdf(b"", false);
    let r = reasons("scan.pdf", &only_image, &Limits::default());
    assert_eq!(r[0].1, "no text layer, OCR needed");
    assert!(
        redact(&ids(), "scan.pdf", &only_image, &Limits::default()).is_err()
    );
}

#[test]
fn encrypted_files() {
    let r = reasons(
        "hemmelig.docx",
        &corpus_gen::encrypted_docx(),
        &Limits::default(),
    );
    assert_eq!(r, [(String::new(), "encrypted".to_string())]);
    let r = reasons(
        "hemmelig.pdf",
        &corpus_gen::pdf_encrypted(),
        &Limits::default(),
    );
    assert_eq!(r, [(String::new(), "encrypted".to_string())]);
}

#[test]
fn truncated_zip_is_damaged() {
    let d = corpus_gen::docx();
    let r = reasons("sak.docx", &d[..d.len() / 2], &Limits::default());
    assert_eq!(r.len(), 1);
    assert!(r[0].1.starts_with("damaged zip"), "{r:?}");
    assert!(
        redact(&ids(), "sak.docx", &d[..d.len() / 2], &Limits::default())
            .is_err()
    );
}

#[test]
fn zip_bomb_is_over_the_ratio() {
    let r = reasons("bombe.zip", &corpus_gen::zip_bomb(), &Limits::default());
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].0, "zeros.txt");
    assert!(r[0].1.contains("compression ratio"), "{r:?}");
}

#[test]
fn billion_laughs_is_refused() {
    let r =
        reasons("lol.docx", &corpus_gen::xml_bomb_docx(), &Limits::default());
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].0, "word/document.xml");
    assert!(r[0].1.contains("entity bomb"), "{r:?}");
}

#[test]
fn limits_depth_entries_total() {
    let z = corpus_gen::nested_zip(4);
    assert!(reasons("z.zip", &z, &Limits::default()).is_empty());
    let shallow = Limits { max_depth: 2, ..Limits::default() };
    let r = reasons("z.zip", &z, &shallow);
    assert_eq!(r.len(), 1);
    assert!(r[0].1.contains("nested deeper"), "{r:?}");
    let few = Limits { max_entries: 2, ..Limits::default() };
    let r = reasons("e.zip", &corpus_gen::archive(), &few);
    assert!(r[0].1.contains("max_entries"), "{r:?}");
    let small = Limits { max_total_uncompressed: 1000, ..Limits::default() };
    let r = reasons("sak.docx", &corpus_gen::docx(), &small);
    assert!(r.iter().any(|u| u.1.contains("in total")), "{r:?}");
    let r = reasons(
        "big.txt",
        &[b'a'; 100],
        &Limits { max_file_size: 10, ..Limits::default() },
    );
    assert!(r[0].1.starts_with("over size limit"), "{r:?}");
}

#[test]
fn unknown_binary_and_images() {
    let r =
        reasons("x.bin", &[0, 1, 2, 3, 200, 201, 0, 0, 7], &Limits::default());
    assert_eq!(r[0].1, "format not known");
    let r = reasons("x.png", b"\x89PNG\r\n\x1a\n\0\0\0", &Limits::default());
    assert!(r[0].1.contains("OCR"));
}

#[test]
fn redact_docx() {
    let out = round_trip("sak.docx", &corpus_gen::docx());
    let names = entry_names(&out);
    assert!(!names.iter().any(|n| n.contains("thumbnail")), "{names:?}");
    assert!(!entry(&out, "_rels/.rels").contains("thumbnail"));
    let doc = entry(&out, "word/document.xml");
    // masked in each run, formatting kept
    assert!(
        doc.contains("<w:t xml:space=\"preserve\">Søker fnr ****</w:t>"),
        "{doc}"
    );
    assert!(doc.contains("<w:rPr><w:b/></w:rPr><w:t>**</w:t>"), "{doc}");
    assert!(doc.contains("<w:t>***** er mottatt.</w:t>"), "{doc}");
    assert!(
        entry(&out, "word/comments.xml")
            .contains("w:author=\"fnr ***********\"")
    );
    assert!(
        entry(&out, "docProps/core.xml").contains("Vedtak CPR ******-****")
    );
    // media copied as it was
    assert_eq!(entry_names(&corpus_gen::docx()).len(), names.len() + 1);
}

#[test]
fn redact_xlsx_numbers_become_text() {
    let out = round_trip("budsjett.xlsx", &corpus_gen::xlsx());
    let s1 = entry(&out, "xl/worksheets/sheet1.xml");
    assert!(
        s1.contains(
            r#"<c r="B1" s="1" t="inlineStr"><is><t>**********</t></is></c>"#
        ),
        "{s1}"
    );
    assert!(s1.contains("<v>42</v>"));
    let sst = entry(&out, "xl/sharedStrings.xml");
    assert!(
        sst.contains("<t>******</t>") && sst.contains("<t>-****</t>"),
        "{sst}"
    );
    assert!(
        entry(&out, "xl/workbook.xml").contains(r#"name="Kari ______-____""#)
    );
}

#[test]
fn redact_pptx_odf() {
    round_trip("møte.pptx", &corpus_gen::pptx());
    let out = round_trip("sak.odt", &corpus_gen::odt());
    let names = entry_names(&out);
    assert_eq!(names[0], "mimetype");
    assert!(!names.iter().any(|n| n.starts_with("Thumbnails")));
    assert!(!entry(&out, "META-INF/manifest.xml").contains("thumbnail"));
    let out = round_trip("tall.ods", &corpus_gen::ods());
    let c = entry(&out, "content.xml");
    assert!(c.contains(r#"office:value="0""#), "{c}");
    round_trip("møte.odp", &corpus_gen::odp());
}

#[test]
fn redact_eml_html_rtf_text_zip() {
    let out = round_trip("brev.eml", &corpus_gen::eml());
    let s = String::from_utf8_lossy(&out);
    // The e-mail address is masked too: every kind the scanner reports.
    assert!(s.contains("Cc: CPR ******-**** <****@*******.*******>"), "{s}");
    round_trip("side.html", &corpus_gen::html());
    round_trip("brev.rtf", &corpus_gen::rtf());
    round_trip("notat.txt", "fnr 01018000055 og CPR 010180-1004".as_bytes());
    let out = round_trip("eksport.zip", &corpus_gen::archive());
    assert!(entry_names(&out).contains(&"saker/******-****.txt".to_string()));
}

#[test]
fn redact_refuses_unscanned() {
    let d = corpus_gen::zip(&[
        ("a.txt", b"fnr 01018000055"),
        ("b.bin", &[0, 1, 2, 0, 0, 9, 200]),
    ]);
    let e = redact(&ids(), "x.zip", &d, &Limits::default()).unwrap_err();
    assert!(e.to_string().contains("format not known"), "{e}");
}

#[test]
fn locations_do_not_leak_ids() {
    let z = corpus_gen::zip(&[("01018000055.txt", b"CPR 010180-1004")]);
    let r = scan(&ids(), "x.zip", &z, &Limits::default());
    for f in &r.findings {
        assert!(!f.location.contains("01018000055"), "{}", f.location);
    }
}

/// Truncated and bit-flipped copies of every generated file: reading,
/// scanning and redacting never panic, and whatever is redacted re-scans
/// clean. (The cargo-fuzz target `docs` does the same at length.)
#[test]
fn mutated_files_never_panic() {
    let sc = low();
    let limits =
        Limits { max_total_uncompressed: 8 << 20, ..Limits::default() };
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("a.docx", corpus_gen::docx()),
        ("a.xlsx", corpus_gen::xlsx()),
        ("a.odt", corpus_gen::odt()),
        ("a.eml", corpus_gen::eml()),
        ("a.html", corpus_gen::html()),
        ("a.rtf", corpus_gen::rtf()),
        ("a.pdf", corpus_gen::pdf(b"fnr 01018000055", true)),
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for (name, bytes) in &files {
        for i in 0..300 {
            let mut m = bytes.clone();
            if i % 2 == 0 {
                m.truncate(next() % bytes.len());
            } else {
                for _ in 0..1 + next() % 4 {
                    let at = next() % m.len();
                    m[at] ^= 1 << (next() % 8);
                }
            }
            let _ = extract(name, &m, &limits);
            if let Ok(Redacted::Document(out)) = redact(&sc, name, &m, &limits)
            {
                let again = scan(&sc, name, &out, &limits);
                assert!(
                    again.findings.is_empty(),
                    "{name} mutation {i}: {:?}",
                    again.findings
                );
            }
        }
    }
}
