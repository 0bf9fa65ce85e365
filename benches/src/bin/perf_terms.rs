//! Speed of the sensitive-terms pass (docs/contract.md §1.1) on the prose
//! corpus, against the ID-only scanner on the same bytes.
//!
//! ```text
//! cargo run --release -p sladd-benches --bin perf_terms [-- SAMPLES]
//! ```
//!
//! Engines, sampled in turn so each sees the same machine load: the
//! ID-only scanner (the baseline), the terms pass alone (kinds
//! `sensitive`), and every kind a default scanner has (all passes this
//! branch registers). A sample is a timed loop of about 50 ms; the figure
//! is the median (default 15 samples). One thread.

use std::hint::black_box;
use std::time::{Duration, Instant};

use detect_core::Scanner;
use sladd_benches::{PROSE_LEN, SEED, id_scanner, prose};

fn calibrate(f: &mut dyn FnMut() -> usize, target: Duration) -> u32 {
    let mut iters = 1u32;
    loop {
        let t = Instant::now();
        for _ in 0..iters {
            black_box(f());
        }
        let e = t.elapsed();
        if e >= target / 4 || iters >= 1 << 20 {
            let per = e.as_secs_f64() / f64::from(iters);
            return ((target.as_secs_f64() / per).ceil() as u32).max(1);
        }
        iters *= 4;
    }
}

fn sample(f: &mut dyn FnMut() -> usize, iters: u32) -> f64 {
    let t = Instant::now();
    for _ in 0..iters {
        black_box(f());
    }
    t.elapsed().as_secs_f64() / f64::from(iters)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn rate(bytes: usize, secs: f64) -> String {
    let r = bytes as f64 / secs;
    if r >= 1e9 {
        format!("{:.2} GB/s", r / 1e9)
    } else {
        format!("{:.0} MB/s", r / 1e6)
    }
}

#[inline(never)]
fn count(sc: &Scanner, h: &[u8]) -> usize {
    sc.find_iter(h).count()
}

fn main() {
    let samples: usize =
        std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(15);
    let text = prose(PROSE_LEN, SEED).text;
    let terms = Scanner::builder()
        .kind_names(["sensitive"])
        .build()
        .expect("valid options");
    // A caller's term makes the scanner build its own automaton.
    let t = Instant::now();
    let own = Scanner::builder()
        .sensitive_terms(detect_core::Kind::SensitiveSocial, ["husbank*"])
        .build()
        .expect("valid options");
    let built = t.elapsed();
    drop(own);
    let engines: [(&str, Scanner); 3] = [
        ("ids only (baseline)", id_scanner()),
        ("terms pass alone", terms),
        ("default kinds", Scanner::new()),
    ];
    let target = Duration::from_millis(50);
    let mut fs: Vec<Box<dyn FnMut() -> usize>> = engines
        .iter()
        .map(|(_, sc)| {
            let h = &text[..];
            Box::new(move || count(sc, black_box(h)))
                as Box<dyn FnMut() -> usize>
        })
        .collect();
    let iters: Vec<u32> =
        fs.iter_mut().map(|f| calibrate(f.as_mut(), target)).collect();
    let mut times = vec![Vec::new(); fs.len()];
    for _ in 0..samples {
        for (i, f) in fs.iter_mut().enumerate() {
            times[i].push(sample(f.as_mut(), iters[i]));
        }
    }
    println!(
        "prose corpus: {:.1} MiB; a scanner with its own terms builds in {:.0} ms",
        text.len() as f64 / (1 << 20) as f64,
        built.as_secs_f64() * 1e3
    );
    println!("| engine | findings | median | vs baseline |");
    println!("| --- | ---: | ---: | ---: |");
    let base = median(times[0].clone());
    for (i, (name, sc)) in engines.iter().enumerate() {
        let m = median(times[i].clone());
        println!(
            "| {name} | {} | {} | {:.2}× time |",
            count(sc, &text),
            rate(text.len(), m),
            m / base
        );
    }
    println!(
        "\nMedians of {samples} interleaved samples of ~50 ms each; one thread."
    );
}
