//! Worst-case scanning time: inputs shaped to maximise candidates, at
//! 1 MB, 10 MB and 100 MB, timed per MB. Linear time shows as a flat
//! ms/MB column across the three sizes.
//!
//! ```text
//! cd fuzz && cargo run --release --example worst_case            # all
//! cargo run --release --example worst_case -- --max-mb 10        # quicker
//! cargo run --release --example worst_case -- --window 1000      # widest
//! ```
//!
//! Each shape is one unit repeated until the size is reached, on a single
//! line unless said otherwise (the context window never stops at a line
//! break, so every window is as long as it can be). Every number is built
//! from the rules (docs/rules.md) or a published example.

use std::time::{Duration, Instant};

use detect_core::{Confidence, Date, RedactStyle, Scanner};

/// The shapes: name, what it stresses, and the repeated unit.
fn shapes() -> Vec<(&'static str, &'static str, String)> {
    vec![
        (
            "valid_labelled",
            "every candidate valid, a keyword before each",
            "fnr 010180 00055 ".into(),
        ),
        (
            "digit_groups_6_5",
            "digit-dense: every group a 6+5 candidate, few valid",
            "123456 78901 234567 89012 345678 90123 ".into(),
        ),
        (
            "ten_digit_runs",
            "digit-dense: 10 digits, read as DK, SE and IS",
            "0101801004 1201743399 8112189876 ".into(),
        ),
        (
            "separator_dense",
            "separators of every kind between digit groups",
            "010180\u{2011}1004\u{a0}811218+9876 010180\u{202f}00055 \
             19811218-9876 2019 123456 06 010190-123M "
                .into(),
        ),
        (
            "dotted_dates",
            "DD.MM.YYYY groups that almost form full-year numbers",
            "01.01.1980 00055 31.12.1999-12345 01.01.1980 ".into(),
        ),
        (
            "keyword_dense",
            "keywords everywhere, a candidate after every few",
            "fnr kt. CPR personnummer hetu konto tlf org.nr fnr: \
             01018000056 kt. 892350-1739 "
                .into(),
        ),
        (
            "split_personnummer",
            "a date and a labelled 5-digit number: the window is searched \
             for the last date",
            "født 01.01.1980, 02.02.1990, personnummer 00055 ".into(),
        ),
        (
            "url_tokens",
            "no white space: every candidate looks back 256 bytes for ://",
            "https://x.example/a/01018000055/".into(),
        ),
        (
            "fullwidth",
            "fullwidth digits (the prefilter hands every 0xEF block over)",
            "fnr ０１０１８０ ０００５５ ".into(),
        ),
        (
            "prose_lines",
            "ordinary prose with a number per line (the common case)",
            "Søknad fra Kari Nordmann om støtte, beløp 1234,50 kr, \
             saksnr 23/01234-5, fnr. 010180 00055.\n"
                .into(),
        ),
    ]
}

fn build(size: usize, unit: &str) -> Vec<u8> {
    let mut v = Vec::with_capacity(size + unit.len());
    while v.len() < size {
        v.extend_from_slice(unit.as_bytes());
    }
    // Cut at a character boundary.
    let mut n = size.min(v.len());
    while n > 0 && (v[n - 1] & 0xC0) == 0x80 {
        n -= 1;
    }
    while n > 0 && v[n - 1] >= 0xC0 {
        n -= 1;
    }
    v.truncate(n);
    v
}

fn time<F: FnMut() -> usize>(reps: usize, mut f: F) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut out = 0;
    for _ in 0..reps {
        let t = Instant::now();
        out = f();
        best = best.min(t.elapsed());
    }
    (best, out)
}

fn main() {
    let mut max_mb = 100;
    let mut window = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--max-mb" => max_mb = args.next().unwrap().parse().unwrap(),
            "--window" => window = Some(args.next().unwrap().parse().unwrap()),
            _ => {
                eprintln!("usage: worst_case [--max-mb N] [--window CHARS]");
                std::process::exit(2);
            }
        }
    }
    let mut b = Scanner::builder()
        .reference_date(Date::new(2026, 11, 22).unwrap())
        .min_confidence(Confidence::Low);
    if let Some(w) = window {
        b = b.context_window(w, w);
    }
    let sc = b.build().unwrap();
    let (before, after) = sc.context_window();
    println!(
        "threshold low, window {before}/{after} characters; \
         best of 3 runs (1 run at 100 MB)"
    );
    println!(
        "{:<20} {:>7} {:>10} {:>9} {:>10} {:>12}",
        "shape", "MB", "findings", "ms", "ms/MB", "redact ms/MB"
    );
    for (name, _what, unit) in shapes() {
        for mb in [1usize, 10, 100] {
            if mb > max_mb {
                continue;
            }
            let h = build(mb << 20, &unit);
            let reps = if mb >= 100 { 1 } else { 3 };
            let (t, n) = time(reps, || sc.find_iter(&h).count());
            let mut out = Vec::with_capacity(h.len());
            let (tr, _) = time(reps, || {
                out.clear();
                sc.redact_into(&h, RedactStyle::Mask, &mut out)
            });
            let ms = t.as_secs_f64() * 1e3;
            println!(
                "{:<20} {:>7} {:>10} {:>9.1} {:>10.2} {:>12.2}",
                name,
                mb,
                n,
                ms,
                ms / mb as f64,
                tr.as_secs_f64() * 1e3 / mb as f64
            );
        }
    }
    println!();
    for (name, what, _) in shapes() {
        println!("{name:<20} {what}");
    }
}
