//! Inputs found by the `docs` fuzz target (`fuzz/fuzz_targets/docs.rs`),
//! checked with the target's own limits and invariants: `extract`, `scan`
//! and `redact` agree, and a redacted document re-scanned at `low` holds
//! no finding.

use detect_core::{Confidence, Scanner};
use detect_docs::{Limits, Redacted, extract, redact, scan};

fn limits() -> Limits {
    Limits {
        max_total_uncompressed: 4 << 20,
        max_ratio: 100,
        max_depth: 3,
        max_entries: 200,
        max_file_size: 1 << 20,
    }
}

fn low() -> Scanner {
    Scanner::builder().min_confidence(Confidence::Low).build().unwrap()
}

/// The fuzz target's checks; returns whether `redact` gave a document.
fn check(name: &str, bytes: &[u8]) -> bool {
    let sc = low();
    let limits = limits();
    let x = extract(name, bytes, &limits);
    let r = scan(&sc, name, bytes, &limits);
    assert_eq!(r.parts, x.parts.len());
    match redact(&sc, name, bytes, &limits) {
        Ok(Redacted::Document(out)) => {
            let again = scan(&sc, name, &out, &limits);
            assert!(
                again.findings.is_empty(),
                "left after redaction: {:?}\n{}",
                again.findings,
                String::from_utf8_lossy(&out)
            );
            true
        }
        _ => false,
    }
}

/// An e-mail whose header block ends at a lone CR, so that the rest reads
/// as an HTML-ish body with an entity and an ID split by a tag.
#[test]
fn eml_lone_cr_html_body() {
    let bytes = b"From: Kari <k@example.invalid>\r\nSubkontonrnr 01018000055\rfnr/dnrt-Type: >mvaS&oslash;ker fnr 0101<b>80y/b>10180-100'\r\n";
    assert!(check("a.eml", bytes));
}

/// An ID in a header name is masked where it was written.
#[test]
fn eml_id_in_header_name() {
    let bytes = b"From: Kari <k@example.invalid>\r\nX-Fnr-01018000055: sak\r\n\r\nHei\r\n";
    assert!(check("a.eml", bytes));
    let Ok(Redacted::Document(out)) =
        redact(&low(), "a.eml", bytes, &limits())
    else {
        panic!()
    };
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("X-Fnr-***********: sak\r\n"), "{out}");
}

/// A header name that cannot be found as written (not UTF-8) cannot be
/// masked: redaction fails closed.
#[test]
fn eml_id_in_header_name_not_utf8() {
    let bytes = b"From: Kari <k@example.invalid>\r\nX-\xff-01018000055: sak\r\n\r\nHei\r\n";
    let r = scan(&low(), "a.eml", bytes, &limits());
    assert!(!r.findings.is_empty());
    assert!(!check("a.eml", bytes));
    assert!(matches!(
        redact(&low(), "a.eml", bytes, &limits()),
        Err(detect_docs::Error::NotRedactable { .. })
    ));
}

/// Entry names of a zip archive are masked as the part `entry names`
/// reads them, all names together.
#[test]
fn zip_entry_names() {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for name in ["fnr", "01018000055.txt", "Kari 010180-1004/a.txt"] {
        w.start_file(name, opts).unwrap();
        w.write_all(b"hei").unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    assert!(!scan(&low(), "a.zip", &bytes, &limits()).findings.is_empty());
    assert!(check("a.zip", &bytes));
}

/// A header the reader takes as written (not RFC 2047) with bytes that are
/// not UTF-8: the masked value is written so that it reads back as
/// masked, not as an encoded word that would read as base64 (and so
/// change what the rest of the part reads as).
#[test]
fn eml_8bit_raw_header() {
    assert!(check("a.eml", b"0202524804<:OCR\xff0202529608"));
    assert!(check("a.eml", b" 0203700010:sak\xd30203600010"));
}

/// A value read as written is masked in place: a lone CR in it stays.
#[test]
fn eml_header_masked_in_place() {
    let bytes = b"From: Kari <k@example.invalid>\r\nX-Sak: fnr 01018000055\r ok\r\n\r\nHei\r\n";
    assert!(check("a.eml", bytes));
    let Ok(Redacted::Document(out)) =
        redact(&low(), "a.eml", bytes, &limits())
    else {
        panic!()
    };
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("\r\nX-Sak: fnr ***********\r ok\r\n"), "{out:?}");
}

/// A file read as e-mail only because a body line looks like a header
/// would read as another format once the body is rewritten: redaction
/// fails closed.
#[test]
fn mail_known_by_body_fails_closed() {
    let bytes = b"From:<8608841055\\p\n\nSubject:0109800026";
    assert!(!scan(&low(), "a.pdf", bytes, &limits()).findings.is_empty());
    assert!(!check("a.pdf", bytes));
    assert!(matches!(
        redact(&low(), "a.pdf", bytes, &limits()),
        Err(detect_docs::Error::NotRedactable { .. })
    ));
}
