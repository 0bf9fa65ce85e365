//! Precision and recall of the contact, financial and organisation kinds
//! on a generated, labelled corpus (`contact_gen`): synthetic values from
//! the published rules, with and without labels, among look-alikes.
//!
//! ```text
//! cargo run --release -p detect-core --example accuracy_contact
//! ```
//!
//! Strict: a finding counts when its kind and span are exactly the
//! planted one's. Overlap: when its kind is the planted one's and the
//! spans overlap. Every other finding of these kinds (a look-alike, an ID,
//! filler) is a false positive.

mod contact_gen;

use std::collections::BTreeMap;

use contact_gen::corpus;
use detect_core::{Confidence, Group, Kind, Scanner};

#[derive(Default)]
struct Count {
    truth: usize,
    found: usize,
    strict: usize,
    overlap: usize,
    found_overlapping: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

fn main() {
    let seed =
        std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(7);
    let (text, truth) = corpus(seed, 20_000);
    let sc = Scanner::builder()
        .kind_names(["all"])
        .min_confidence(Confidence::Medium)
        .build()
        .expect("valid options");
    let ours = |k: Kind| {
        matches!(
            k.group(),
            Group::Contact | Group::Financial | Group::Organisations
        )
    };
    let found: Vec<_> =
        sc.find_iter(&text).filter(|m| ours(m.kind())).collect();
    let mut by: BTreeMap<&str, Count> = BTreeMap::new();
    for t in &truth {
        by.entry(t.kind.as_str()).or_default().truth += 1;
    }
    for m in &found {
        by.entry(m.kind().as_str()).or_default().found += 1;
    }
    // Both lists are sorted by start: match with a moving window.
    let mut j0 = 0;
    let mut shown = 0;
    for t in &truth {
        while j0 < found.len() && found[j0].end() <= t.start {
            j0 += 1;
        }
        let c = by.get_mut(t.kind.as_str()).unwrap();
        let mut hit = false;
        for m in found[j0..].iter().take_while(|m| m.start() < t.end) {
            if m.kind() == t.kind {
                hit = true;
                if m.start() == t.start && m.end() == t.end {
                    c.strict += 1;
                } else if std::env::var_os("SHOW_SPANS").is_some() {
                    eprintln!(
                        "span {}: found {:?}, planted {:?}",
                        t.kind,
                        &text[m.range()],
                        &text[t.start..t.end]
                    );
                }
            }
        }
        if hit {
            c.overlap += 1;
        } else if shown < 12 && std::env::var_os("SHOW").is_some() {
            shown += 1;
            let ls = text[..t.start].rfind('\n').map_or(0, |i| i + 1);
            let le =
                text[t.end..].find('\n').map_or(text.len(), |i| t.end + i);
            eprintln!(
                "missed {}: {:?} in {:?}",
                t.kind,
                &text[t.start..t.end],
                &text[ls..le]
            );
        }
    }
    // Findings that overlap a planted value of their kind.
    let mut k0 = 0;
    let mut shown = 0;
    for m in &found {
        while k0 < truth.len() && truth[k0].end <= m.start() {
            k0 += 1;
        }
        let ok = truth[k0..]
            .iter()
            .take_while(|t| t.start < m.end())
            .any(|t| t.kind == m.kind());
        if ok {
            by.get_mut(m.kind().as_str()).unwrap().found_overlapping += 1;
        } else if shown < 12 && std::env::var_os("SHOW").is_some() {
            shown += 1;
            let ls = text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
            let le =
                text[m.end()..].find('\n').map_or(text.len(), |i| m.end() + i);
            eprintln!(
                "false {}: {:?} in {:?}",
                m.kind(),
                &text[m.range()],
                &text[ls..le]
            );
        }
    }
    println!(
        "corpus: {} lines, {} bytes, {} planted values, seed {seed}, threshold medium",
        20_000,
        text.len(),
        truth.len()
    );
    println!(
        "{:<14} {:>6} {:>6}  {:>7} {:>7} {:>7}  {:>7} {:>7} {:>7}",
        "kind", "truth", "found", "P", "R", "F1", "P~", "R~", "F1~"
    );
    for (k, c) in &by {
        let p = c.strict as f64 / c.found.max(1) as f64;
        let r = c.strict as f64 / c.truth.max(1) as f64;
        let po = c.found_overlapping as f64 / c.found.max(1) as f64;
        let ro = c.overlap as f64 / c.truth.max(1) as f64;
        println!(
            "{k:<14} {:>6} {:>6}  {p:>7.4} {r:>7.4} {:>7.4}  {po:>7.4} {ro:>7.4} {:>7.4}",
            c.truth,
            c.found,
            f1(p, r),
            f1(po, ro)
        );
    }
    println!(
        "P, R, F1: strict (kind and exact span); ~: overlap (kind and any overlap)"
    );
}
