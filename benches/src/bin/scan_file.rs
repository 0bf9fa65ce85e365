//! The library's single-thread figure over a file's bytes, for
//! `benches/cli_vs_lib.sh`: reads PATH into memory once, then times
//! `Scanner::find_iter` over all of it (the ID scanner of the suite,
//! [`sladd_benches::id_scanner`]) PASSES times and prints the median
//! seconds per pass and the number of findings.
//!
//! ```text
//! cargo run --release -p sladd-benches --bin scan_file -- PATH [PASSES]
//! ```

use std::hint::black_box;
use std::time::Instant;

use sladd_benches::{id_scanner, sladd_count};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: scan_file PATH [PASSES]");
        std::process::exit(2);
    };
    let passes: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(11);
    let text = std::fs::read(&path).expect("read the file");
    let sc = id_scanner();
    let mut times = Vec::with_capacity(passes);
    let mut n = 0;
    for _ in 0..passes.max(1) {
        let t = Instant::now();
        n = sladd_count(&sc, black_box(&[&text[..]]));
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    println!("{:.6} {n}", times[times.len() / 2]);
}
