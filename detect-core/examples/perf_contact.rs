//! Speed of the contact and financial passes: MB/s of a scanner with the
//! ID, contact and financial kinds against the ID kinds alone, on the same
//! generated prose (`contact_gen::prose`: Nordic filler with the numbers
//! of ordinary text and, now and then, a value of one of the kinds),
//! single thread, the median of interleaved runs.
//!
//! ```text
//! cargo run --release -p detect-core --example perf_contact [MB] [runs]
//! ```

mod contact_gen;

use std::hint::black_box;
use std::time::Instant;

use detect_core::Scanner;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    v[v.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mb: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(8);
    let runs: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(11);
    let text = contact_gen::prose(0x5_1add, mb << 20);
    let scanners = [
        ("ids only", Scanner::builder().kind_names(["ids"]).build()),
        (
            "ids + contact + financial",
            Scanner::builder()
                .kind_names(["ids", "contact", "financial"])
                .build(),
        ),
        ("default (all but organisations)", Ok(Scanner::new())),
        ("all kinds", Scanner::builder().kind_names(["all"]).build()),
    ];
    // `BREAKDOWN=1`: one kind at a time with the ID kinds, to see which
    // pass costs what.
    let mut scanners: Vec<_> = scanners.into_iter().collect();
    if std::env::var_os("BREAKDOWN").is_some() {
        for k in [
            "email",
            "phone",
            "address",
            "iban",
            "bank_account",
            "payment_card",
        ] {
            scanners
                .push((k, Scanner::builder().kind_names(["ids", k]).build()));
        }
    }
    let scanners: Vec<(&str, Scanner)> = scanners
        .into_iter()
        .map(|(n, s)| (n, s.expect("valid options")))
        .collect();
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); scanners.len()];
    let mut counts = vec![0usize; scanners.len()];
    // One warm-up, then interleaved runs so that every scanner sees the
    // same machine state.
    for (i, (_, sc)) in scanners.iter().enumerate() {
        counts[i] = sc.find_iter(&text).count();
    }
    for _ in 0..runs {
        for (i, (_, sc)) in scanners.iter().enumerate() {
            let t = Instant::now();
            let n = black_box(sc.find_iter(black_box(&text)).count());
            let s = t.elapsed().as_secs_f64();
            assert_eq!(n, counts[i]);
            times[i].push(text.len() as f64 / s / 1e6);
        }
    }
    println!(
        "prose: {:.1} MB, {runs} runs each, single thread, median MB/s",
        text.len() as f64 / 1e6
    );
    for (i, (name, _)) in scanners.iter().enumerate() {
        let t = &times[i];
        let lo = t.iter().cloned().fold(f64::MAX, f64::min);
        let hi = t.iter().cloned().fold(0.0, f64::max);
        println!(
            "{name:<34} {:>8.0} MB/s  (min {lo:.0}, max {hi:.0})  {} findings",
            median(t.clone()),
            counts[i]
        );
    }
}
