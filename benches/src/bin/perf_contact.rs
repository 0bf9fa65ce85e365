//! The contact and financial passes on the suite's prose corpus
//! (`sladd_benches::prose`, the corpus of the README's speed table): MB/s
//! of a scanner with the ID, contact and financial kinds against the ID
//! kinds alone, single thread, medians of interleaved runs.
//!
//! ```text
//! cargo run --release -p sladd-benches --bin perf_contact [runs]
//! ```

use std::hint::black_box;
use std::time::Instant;

use detect_core::Scanner;
use sladd_benches::{PROSE_LEN, SEED, prose};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    v[v.len() / 2]
}

fn main() {
    let runs: usize =
        std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(15);
    let corpus = prose(PROSE_LEN, SEED);
    let text = &corpus.text;
    let scanners = [
        ("ids only", Scanner::builder().kind_names(["ids"]).build()),
        (
            "ids + contact + financial",
            Scanner::builder()
                .kind_names(["ids", "contact", "financial"])
                .build(),
        ),
        ("all kinds", Scanner::builder().kind_names(["all"]).build()),
    ];
    let scanners: Vec<(&str, Scanner)> = scanners
        .into_iter()
        .map(|(n, s)| (n, s.expect("valid options")))
        .collect();
    let counts: Vec<usize> =
        scanners.iter().map(|(_, sc)| sc.find_iter(text).count()).collect();
    // The ID findings must not change when the other kinds are on: the
    // same spans, found by every scanner.
    let ids = |sc: &Scanner| -> Vec<(usize, usize)> {
        sc.find_iter(text)
            .filter(|m| m.kind().is_national_id())
            .map(|m| (m.start(), m.end()))
            .collect()
    };
    let base = ids(&scanners[0].1);
    for (name, sc) in &scanners[1..] {
        assert_eq!(ids(sc), base, "{name}: the ID findings changed");
    }
    println!("ID findings: {} with every scanner", base.len());
    let mut times = vec![Vec::new(); scanners.len()];
    for _ in 0..runs {
        for (i, (_, sc)) in scanners.iter().enumerate() {
            let t = Instant::now();
            let n = black_box(sc.find_iter(black_box(text)).count());
            let s = t.elapsed().as_secs_f64();
            assert_eq!(n, counts[i]);
            times[i].push(text.len() as f64 / s / 1e6);
        }
    }
    println!(
        "prose corpus: {:.1} MB, {runs} runs each, single thread",
        text.len() as f64 / 1e6
    );
    for (i, (name, _)) in scanners.iter().enumerate() {
        println!(
            "{name:<28} {:>8.0} MB/s (median)  {} findings",
            median(times[i].clone()),
            counts[i]
        );
    }
}
