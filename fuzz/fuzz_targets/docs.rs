//! `docs`: the document readers and redaction on hostile bytes.
//!
//! The first byte picks a file name (and so, where the content does not
//! decide, the format); the rest is the file. Within small limits:
//!
//! * `extract`, `scan` and `redact` never panic and stay bounded;
//! * a redacted document, re-scanned at `low`, holds no finding and
//!   nothing unscanned that the input did not have.

#![no_main]

use detect_core::{Confidence, Scanner};
use detect_docs::{Limits, Redacted, extract, redact, scan};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 12] = [
    "a.docx", "a.xlsx", "a.pptx", "a.odt", "a.ods", "a.odp", "a.pdf", "a.eml",
    "a.html", "a.rtf", "a.zip", "a.txt",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    if bytes.len() > sladd_fuzz::MAX_INPUT {
        return;
    }
    let name = NAMES[pick as usize % NAMES.len()];
    let limits = Limits {
        max_total_uncompressed: 4 << 20,
        max_ratio: 100,
        max_depth: 3,
        max_entries: 200,
        max_file_size: 1 << 20,
    };
    let sc =
        Scanner::builder().min_confidence(Confidence::Low).build().unwrap();
    let x = extract(name, bytes, &limits);
    let r = scan(&sc, name, bytes, &limits);
    assert_eq!(r.parts, x.parts.len());
    if let Ok(Redacted::Document(out)) = redact(&sc, name, bytes, &limits) {
        let again = scan(&sc, name, &out, &limits);
        assert!(
            again.findings.is_empty(),
            "left after redaction: {:?}",
            again.findings
        );
    }
});
