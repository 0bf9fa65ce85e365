//! Prints the benchmark figures as a Markdown table for the README.
//!
//! ```text
//! cargo run --release -p sladd-benches --bin perf_table [-- SAMPLES]
//! ```
//!
//! Each row times sladd and the naive baseline on the same corpus, with
//! their samples interleaved so both see the same machine load, and
//! reports the medians and their ratio. A sample is a timed loop of about
//! 50 ms; the default is 15 samples per engine.

use std::hint::black_box;
use std::time::{Duration, Instant};

use sladd_benches::{
    Corpus, Naive, id_scanner, naive_count, sladd_count, sladd_redact,
};

/// Iterations of `f` that take about `target`.
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

/// Median seconds per call of `a` and of `b`, sampled alternately.
fn race(
    a: &mut dyn FnMut() -> usize,
    b: &mut dyn FnMut() -> usize,
    samples: usize,
) -> (f64, f64) {
    let target = Duration::from_millis(50);
    let (ia, ib) = (calibrate(a, target), calibrate(b, target));
    let (mut ta, mut tb) = (Vec::new(), Vec::new());
    for _ in 0..samples {
        ta.push(sample(a, ia));
        tb.push(sample(b, ib));
    }
    (median(ta), median(tb))
}

fn rate(bytes: usize, secs: f64) -> String {
    let r = bytes as f64 / secs;
    if r >= 1e9 {
        format!("{:.2} GB/s", r / 1e9)
    } else {
        format!("{:.0} MB/s", r / 1e6)
    }
}

fn naive_redact(
    naive: &Naive,
    re: &regex::bytes::Regex,
    h: &[u8],
    out: &mut Vec<u8>,
) -> usize {
    let mut last = 0;
    let mut n = 0;
    for m in re.find_iter(h) {
        if !naive.valid(m.as_bytes()) {
            continue;
        }
        out.extend_from_slice(&h[last..m.start()]);
        out.extend(
            m.as_bytes()
                .iter()
                .map(|&b| if b.is_ascii_alphanumeric() { b'*' } else { b }),
        );
        last = m.end();
        n += 1;
    }
    out.extend_from_slice(&h[last..]);
    n
}

fn main() {
    let samples: usize =
        std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(15);
    let sc = id_scanner();
    let naive = Naive::new(sc.clone());
    let re = regex::bytes::Regex::new(sladd_benches::NAIVE_PATTERN).unwrap();
    let corpora: [Corpus; 3] = sladd_benches::all();
    println!("| benchmark | input | sladd | naive | ratio | target |");
    println!("| --- | --- | ---: | ---: | ---: | --- |");
    for k in &corpora {
        let expected = k.check(&sc, &naive);
        let pieces = k.pieces();
        let (ts, tn) = race(
            &mut || sladd_count(&sc, black_box(&pieces)),
            &mut || naive_count(&naive, black_box(&pieces)),
            samples,
        );
        let len = k.text.len();
        let (input, s, n, target) = if k.records.is_empty() {
            let target = if k.name == "prose" {
                "≥ 3 GB/s, ≥ 8×"
            } else {
                "≥ 500 MB/s, ≥ 8×"
            };
            (
                format!(
                    "{:.1} MiB, {expected} IDs",
                    len as f64 / (1 << 20) as f64
                ),
                rate(len, ts),
                rate(len, tn),
                target,
            )
        } else {
            let r = k.records.len() as f64;
            let avg = (len - k.records.len()) / k.records.len();
            (
                format!(
                    "{} records of {avg} B, {expected} IDs",
                    k.records.len()
                ),
                format!("{:.2} M rec/s ({})", r / ts / 1e6, rate(len, ts)),
                format!("{:.2} M rec/s ({})", r / tn / 1e6, rate(len, tn)),
                "≥ 20 M rec/s, ≥ 8×",
            )
        };
        println!(
            "| scan/{} | {input} | {s} | {n} | {:.1}× | {target} |",
            k.name,
            tn / ts
        );
    }
    let k = &corpora[0];
    let expected = k.planted.len();
    let mut out = Vec::with_capacity(k.text.len() + 1024);
    let mut out2 = Vec::with_capacity(k.text.len() + 1024);
    let (ts, tn) = race(
        &mut || {
            let n = sladd_redact(&sc, black_box(&k.text), &mut out);
            assert_eq!(n, expected);
            n
        },
        &mut || {
            out2.clear();
            let n = naive_redact(&naive, &re, black_box(&k.text), &mut out2);
            assert_eq!(n, expected);
            n
        },
        samples,
    );
    let len = k.text.len();
    println!(
        "| redact/prose | {:.1} MiB, {expected} IDs | {} | {} | {:.1}× | — |",
        len as f64 / (1 << 20) as f64,
        rate(len, ts),
        rate(len, tn),
        tn / ts
    );
    println!();
    println!(
        "Medians of {samples} interleaved samples of ~50 ms each; MB/s and GB/s are 10^6 and 10^9 bytes per second; one thread."
    );
}
