//! A small driver for profilers: scans one corpus many times.
//!
//! ```text
//! cargo build --release -p sladd-benches --bin profile
//! valgrind --tool=callgrind --callgrind-out-file=cg.prose \
//!     target/release/profile prose 3
//! callgrind_annotate --inclusive=no cg.prose | head -40
//! ```
//!
//! Arguments: the corpus (`prose`, `postliste`, `digits`, `redact`), the
//! number of passes (default 20), `naive` to run the baseline instead, and
//! `check` to assert the expected count first, or `dump=PATH` to write the
//! corpus to a file and exit; `kinds=ids,contact,financial` scans with
//! those kinds or groups instead of the ID kinds.

use std::hint::black_box;
use std::time::Instant;

use detect_core::Scanner;
use sladd_benches::{Naive, SEED, id_scanner};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let which = args.first().map_or("prose", String::as_str);
    let passes: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(20);
    let naive_mode = args.iter().any(|a| a == "naive");
    let corpus = match which {
        "prose" | "redact" => {
            sladd_benches::prose(sladd_benches::PROSE_LEN, SEED)
        }
        "postliste" => sladd_benches::postliste(
            sladd_benches::POSTLISTE_RECORDS,
            SEED + 1,
        ),
        "digits" => {
            sladd_benches::digit_dense(sladd_benches::DENSE_LEN, SEED + 2)
        }
        other => panic!("unknown corpus {other:?}"),
    };
    let sc = match args.iter().find_map(|a| a.strip_prefix("kinds=")) {
        Some(k) => Scanner::builder()
            .kind_names(k.split(','))
            .build()
            .expect("valid kinds"),
        None => id_scanner(),
    };
    let naive = Naive::new(sc.clone());
    if let Some(path) = args.iter().find_map(|a| a.strip_prefix("dump=")) {
        std::fs::write(path, &corpus.text).expect("write the corpus");
        return;
    }
    if args.iter().any(|a| a == "check") {
        let n = corpus.check(&sc, &naive);
        eprintln!("{which}: {n} planted, sladd and naive agree");
    }
    let pieces = corpus.pieces();
    let t = Instant::now();
    let mut n = 0;
    let mut out = Vec::with_capacity(corpus.text.len());
    for _ in 0..passes {
        n += if which == "redact" {
            sladd_benches::sladd_redact(&sc, black_box(&corpus.text), &mut out)
        } else if naive_mode {
            sladd_benches::naive_count(&naive, black_box(&pieces))
        } else {
            sladd_benches::sladd_count(&sc, black_box(&pieces))
        };
    }
    let secs = t.elapsed().as_secs_f64();
    let bytes = (corpus.text.len() * passes) as f64;
    eprintln!(
        "{which}{}: {passes} passes, {n} findings, {:.1} MB/s",
        if naive_mode { " (naive)" } else { "" },
        bytes / secs / 1e6
    );
}
