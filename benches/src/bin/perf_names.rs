//! Throughput of the `person_name` pass on the suite's prose corpus
//! (`sladd_benches::prose`, the same bytes as `perf_table`): names alone,
//! IDs + names, and the ID-only scanner as the baseline, measured in the
//! same run, single thread, median of the samples.
//!
//! `cargo run --release -p sladd-benches --bin perf_names [samples]`

use std::hint::black_box;
use std::time::Instant;

use detect_core::Scanner;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let samples: usize =
        std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(11);
    let corpus =
        sladd_benches::prose(sladd_benches::PROSE_LEN, sladd_benches::SEED);
    let text = &corpus.text;
    let scanners: [(&str, Scanner); 3] = [
        ("ids only (baseline)", sladd_benches::id_scanner()),
        (
            "names only",
            Scanner::builder().kind_names(["names"]).build().expect("valid"),
        ),
        (
            "ids + names",
            Scanner::builder()
                .kind_names(["ids", "names"])
                .build()
                .expect("valid"),
        ),
    ];
    if std::env::var_os("PERF_NAMES_SHOW").is_some() {
        // What the names pass reports, to read by eye.
        for m in scanners[1].1.find_iter(&text[..]).take(60) {
            println!(
                "{:?} {}",
                m.confidence(),
                String::from_utf8_lossy(&text[m.range()])
            );
        }
    }
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); scanners.len()];
    let mut counts = [0usize; 3];
    // Interleaved, so drift affects every scanner alike.
    for _ in 0..samples {
        for (i, (_, sc)) in scanners.iter().enumerate() {
            let t = Instant::now();
            let mut n = 0;
            for _ in 0..4 {
                n = black_box(sc.find_iter(black_box(&text[..])).count());
            }
            times[i].push(t.elapsed().as_secs_f64() / 4.0);
            counts[i] = n;
        }
    }
    println!(
        "prose corpus: {:.1} MiB, {} samples (median)",
        text.len() as f64 / (1 << 20) as f64,
        samples
    );
    println!("| scanner | findings | MB/s |");
    println!("| --- | ---: | ---: |");
    for (i, (name, _)) in scanners.iter().enumerate() {
        let secs = median(times[i].clone());
        println!(
            "| {name} | {} | {:.0} |",
            counts[i],
            text.len() as f64 / secs / 1e6
        );
    }
}
