//! Writes the seed corpora `seeds/<target>/` from the test vectors of
//! `testdata/id_vectors.json` and a few written forms (every number is a
//! published example or built from the rules: no real identifiers).
//!
//! ```text
//! cd fuzz && cargo run --example make_seeds
//! ```
//!
//! Each seed is the target's fixed header (see the input types: every
//! field is bytes, so an all-zero header is the default low-threshold
//! scanner with reference date 2026-11-22) followed by the text.

use std::fs;
use std::path::Path;

/// Header lengths of the targets' inputs.
const SCAN: usize = 9 + 1; // Opts, shift
const REDACT: usize = 9; // Opts

fn duf(first10: &str) -> String {
    let w = [4, 6, 3, 2, 4, 6, 3, 2, 7, 5];
    let s: u32 =
        first10.bytes().zip(w).map(|(b, w)| u32::from(b - b'0') * w).sum();
    let c = s % 11;
    format!("{} {} {c:02}", &first10[..4], &first10[4..])
}

/// The texts: one per vector type (every vector on its own line, after a
/// label of its country) and a handful of written forms.
fn texts() -> Vec<(String, Vec<u8>)> {
    let json = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/id_vectors.json"
    ))
    .expect("testdata/id_vectors.json");
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut by_type: Vec<(String, String)> = Vec::new();
    for v in doc["vectors"].as_array().unwrap() {
        let typ = v["type"].as_str().unwrap().to_string();
        let input = v["input"].as_str().unwrap();
        let label = match typ.as_str() {
            "no_fnr" => "fnr:",
            "dk_cpr" => "CPR-nr.",
            "se_pnr" => "personnummer",
            "fi_hetu" => "henkilötunnus",
            "is_kt" => "kt.",
            "no_kontonr" => "Kontonr.",
            "no_orgnr" | "se_orgnr" => "Org.nr.",
            "no_kid" => "KID:",
            "dk_cvr" => "CVR-nr.",
            "fi_ytunnus" => "Y-tunnus",
            _ => "IBAN",
        };
        let line = format!("{label} {input}; bare {input}\n");
        match by_type.iter_mut().find(|(t, _)| *t == typ) {
            Some((_, s)) => s.push_str(&line),
            None => by_type.push((typ, line)),
        }
    }
    let mut out: Vec<(String, Vec<u8>)> = by_type
        .into_iter()
        .map(|(t, s)| (format!("vectors_{t}"), s.into_bytes()))
        .collect();
    let forms: [(&str, String); 14] = [
        ("prose_no", "Søknad fra Kari, fnr. 010180 00055, om støtte".into()),
        ("prose_dk", "Vedtak: CPR 010180-1004 (sagsnr 23/01234-5)".into()),
        ("split", "født 01.01.1980, personnummer 00055.".into()),
        ("full_year", "f.nr 01011980 00055 og 01.01.1980 00055".into()),
        ("six_three_two", "fnr 010180 000 55".into()),
        ("duf", format!("DUF-nummer {}", duf("2019123456"))),
        ("fh", "FH-nummer 81234560077 (pasient)".into()),
        ("typo", "fnr: 01018000056".into()),
        (
            "fullwidth",
            "fnr ０１０１８０ ００055 / CPR 010180\u{2011}1004".into(),
        ),
        ("nbsp", "CPR-nr.\u{a0}010180\u{a0}1004 tlf 22 33 44 55".into()),
        ("url", "se https://example.org/a/01018000055 nå".into()),
        (
            "se_twelve",
            "personnummer 19811218-9876, samordningsnr 701063-2391".into(),
        ),
        (
            "fi_signs",
            "hetu 010594Y9032 290200A899A 311299+0029 131052-308t".into(),
        ),
        ("is_system", "kennitala 892350-1739 (kerfiskennitala)".into()),
    ];
    for (n, t) in forms {
        out.push((n.to_string(), t.into_bytes()));
    }
    // A long line: the context window and the stream's carry-over.
    let mut long = Vec::new();
    for i in 0..40 {
        long.extend_from_slice(
            format!("rad {i}: beløp 1234,50 kr; ").as_bytes(),
        );
        if i % 7 == 3 {
            long.extend_from_slice(b"fnr 010180 00055; ");
        }
    }
    out.push(("long_line".into(), long));
    out
}

fn write(dir: &Path, name: &str, header: &[u8], text: &[u8]) {
    let mut b = header.to_vec();
    b.extend_from_slice(text);
    fs::write(dir.join(name), b).unwrap();
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let texts = texts();
    for target in ["scan", "stream", "redact", "ffi", "validate"] {
        let dir = root.join(target);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
    }
    for (name, text) in &texts {
        write(&root.join("scan"), name, &[0; SCAN], text);
        // Stream: the options, then chunk lengths used in turn.
        let mut st = vec![0u8; 9];
        st.extend_from_slice(&[7, 1, 13, 2, 64, 3, 0, 5]);
        write(&root.join("stream"), name, &st, text);
        write(&root.join("redact"), name, &[0; REDACT], text);
        // FFI: options; strings (names and the date given); confidence
        // low; windows default; styles mask and label; cap 4; out_cap
        // exactly the size needed; no NULLs; kind 1; code 5002; message
        // buffer 40; flag 4.
        let mut ffi = vec![0u8; 9];
        ffi.extend_from_slice(&[0b0010_1010, 1, 0, 0, 0, 1, 4]);
        ffi.extend_from_slice(&2u16.to_le_bytes());
        ffi.push(0);
        ffi.extend_from_slice(&1u32.to_le_bytes());
        ffi.extend_from_slice(&5002i32.to_le_bytes());
        ffi.push(40);
        ffi.extend_from_slice(&4u32.to_le_bytes());
        write(&root.join("ffi"), name, &ffi, text);
    }
    // Validate: each personal vector as the raw value after an all-zero
    // structured header, and every structured form with date shaping
    // and check-digit repair.
    let json = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/id_vectors.json"
    ))
    .unwrap();
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let dir = root.join("validate");
    for (i, v) in doc["vectors"].as_array().unwrap().iter().enumerate() {
        let typ = v["type"].as_str().unwrap();
        if !["no_fnr", "dk_cpr", "se_pnr", "fi_hetu", "is_kt"].contains(&typ) {
            continue;
        }
        let input = v["input"].as_str().unwrap();
        write(
            &dir,
            &format!("vector_{i:03}_{typ}"),
            &[0; 24],
            input.as_bytes(),
        );
    }
    for form in 0..sladd_fuzz::idform::FORMS {
        for (k, fix) in
            [0x41u8, 0x43, 0x45, 0x49, 0x51, 0x61, 0xC1].iter().enumerate()
        {
            let mut h = [0u8; 24];
            h[0] = form;
            for (j, d) in h[1..14].iter_mut().enumerate() {
                *d = (j as u8 * 7 + form * 3 + k as u8) % 10;
            }
            h[14] = *fix;
            h[15] = (form + k as u8) % 3; // "-", " ", "+"
            h[16] = k as u8 * 2;
            h[17] = 0;
            write(&dir, &format!("form_{form:02}_{k}"), &h, b"");
        }
    }
    println!("seeds written to {}", root.display());
}
