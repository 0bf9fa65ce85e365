//! Writes the prose corpus of the suite to a file, for whole-process
//! measurements of the `sladd` command (`benches/cli_vs_lib.sh`).
//!
//! ```text
//! cargo run --release -p sladd-benches --bin write_corpus -- PATH [MIB]
//! ```
//!
//! Writes about MIB MiB (default 50) of [`sladd_benches::prose`] to PATH
//! and prints the number of planted identifiers.

use sladd_benches::{SEED, prose};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: write_corpus PATH [MIB]");
        std::process::exit(2);
    };
    let mib: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(50);
    let corpus = prose(mib << 20, SEED);
    std::fs::write(&path, &corpus.text).expect("write the corpus");
    println!("{}", corpus.expected());
}
