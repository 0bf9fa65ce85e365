//! Compiles the vendored name lists (`data/names/*.tsv`) and the word
//! classes (`data/names/words.txt`) into one open-addressing hash table,
//! written to `OUT_DIR/names.bin` and included by `src/text/names/table.rs`
//! (docs/rules.md, names). Reads nothing outside this crate.
//!
//! Layout (all integers little-endian u32 unless said otherwise):
//! `[n_slots][entries_at][filter_at][slots: n_slots × u32][filters: 2 × 8192 bytes]
//! [entries]`. A slot is `tag << 24 | (offset + 1)` (0 = empty), the tag
//! being the hash's top byte, the offset an entry's position in the entries
//! area. An entry is `[key length: u8][meta: u16][key bytes]`. The filters
//! are 65,536-bit sets over the last three bytes of (1) the strong cue
//! words and titles, (2) the `lowercue` words (the trigger for lower-case
//! names). The hash is FNV-1a (32 bit) of the key, the key
//! being the lower-cased name (NFC, as in the files).

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::PathBuf;

const GIVEN_SHIFT: u16 = 0;
const SURNAME_SHIFT: u16 = 2;
const STOP: u16 = 1 << 4;
const AMBIG: u16 = 1 << 5;
const CUE: u16 = 1 << 6;
const WEAKCUE: u16 = 1 << 7;
const TITLE: u16 = 1 << 8;
const PARTICLE: u16 = 1 << 9;
const ORG: u16 = 1 << 10;
const INST: u16 = 1 << 11;
const STREET: u16 = 1 << 12;
const LCUE: u16 = 1 << 13;
const MAX_KEY: usize = 48;

fn fnv(key: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in key {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

/// The filter's hash of three bytes.
fn tri(t: &[u8]) -> usize {
    let x = u32::from_le_bytes([t[0], t[1], t[2], 0]);
    (x.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// The prior class (1 rare, 2 medium, 3 common) of a name with `count`
/// bearers in a file whose counts sum to `total`.
fn class(count: Option<u64>, total: u64, default: u16) -> u16 {
    match count {
        Some(c) if total > 0 => {
            let share = c as f64 / total as f64;
            if share >= 1e-4 {
                3
            } else if share >= 5e-6 {
                2
            } else {
                1
            }
        }
        _ => default,
    }
}

fn main() {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap())
        .join("data")
        .join("names");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut meta: BTreeMap<String, u16> = BTreeMap::new();
    // (file, surname?, class when the row has no count)
    let files = [
        ("no_given.tsv", false, 2),
        ("no_surnames.tsv", true, 2),
        ("se_given.tsv", false, 1),
        ("se_surnames.tsv", true, 1),
        ("dk_given.tsv", false, 1),
        ("dk_surnames.tsv", true, 1),
        ("fi_given.tsv", false, 1),
        ("fi_surnames.tsv", true, 1),
        ("is_given.tsv", false, 2),
    ];
    for (file, surname, default) in files {
        let path = dir.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap();
        let rows: Vec<(String, Option<u64>)> = text
            .lines()
            .skip(1)
            .filter_map(|l| {
                let (n, c) = l.split_once('\t')?;
                Some((n.to_lowercase(), c.parse().ok()))
            })
            .collect();
        let total: u64 = rows.iter().filter_map(|r| r.1).sum();
        // Iceland's list holds only the most common names.
        let default = if file == "is_given.tsv" { 3 } else { default };
        for (name, count) in rows {
            if name.len() > MAX_KEY || name.chars().count() < 2 {
                continue;
            }
            let c = class(count, total, default);
            let shift = if surname { SURNAME_SHIFT } else { GIVEN_SHIFT };
            let m = meta.entry(name).or_insert(0);
            let old = (*m >> shift) & 3;
            if c > old {
                *m = (*m & !(3 << shift)) | (c << shift);
            }
        }
    }
    let words = dir.join("words.txt");
    println!("cargo:rerun-if-changed={}", words.display());
    for line in fs::read_to_string(&words).unwrap().lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (cls, list) = line.split_once(':').unwrap();
        let bit = match cls.trim() {
            "stop" => STOP,
            "ambig" => AMBIG,
            "cue" => CUE,
            "weakcue" => WEAKCUE,
            "title" => TITLE,
            "particle" => PARTICLE,
            "org" => ORG,
            "inst" => INST,
            "street" => STREET,
            "lowercue" => LCUE,
            other => panic!("unknown word class {other}"),
        };
        for w in list.split_whitespace() {
            *meta.entry(w.to_lowercase()).or_insert(0) |= bit;
        }
    }

    // The lower-case filter: the last three bytes of the strong cue words
    // and titles (a space before two-byte ones: ` v/`).
    let mut filter = vec![0u8; 2 * 8192];
    for (k, &m) in &meta {
        for (half, bits) in [(0, CUE | TITLE), (8192, LCUE)] {
            if m & bits != 0 {
                let kb = k.as_bytes();
                let mut last = [b' '; 3];
                let n = kb.len().min(3);
                last[3 - n..].copy_from_slice(&kb[kb.len() - n..]);
                let t = tri(&last);
                filter[half + (t >> 3)] |= 1 << (t & 7);
            }
        }
    }

    let n = meta.len();
    let n_slots = (n * 3 / 2).next_power_of_two();
    let mask = n_slots - 1;
    let mut slots = vec![0u32; n_slots];
    let mut entries: Vec<u8> = Vec::new();
    for (k, &m) in &meta {
        let kb = k.as_bytes();
        let off = entries.len();
        entries.push(kb.len() as u8);
        entries.extend_from_slice(&m.to_le_bytes());
        entries.extend_from_slice(kb);
        assert!(off + 1 < 1 << 24, "name table too large for 24-bit offsets");
        let h = fnv(kb);
        let mut i = h as usize & mask;
        while slots[i] != 0 {
            i = (i + 1) & mask;
        }
        slots[i] = (h >> 24) << 24 | (off as u32 + 1);
    }
    let entries_at = 12 + 4 * n_slots + filter.len();
    let mut out = Vec::with_capacity(entries_at + entries.len());
    out.extend_from_slice(&(n_slots as u32).to_le_bytes());
    out.extend_from_slice(&(entries_at as u32).to_le_bytes());
    out.extend_from_slice(&((12 + 4 * n_slots) as u32).to_le_bytes());
    for s in &slots {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out.extend_from_slice(&filter);
    out.extend_from_slice(&entries);
    let dest = PathBuf::from(env::var("OUT_DIR").unwrap()).join("names.bin");
    fs::write(dest, out).unwrap();
}
