//! Streams generated prose through `Scanner::stream()` in 1 MiB chunks,
//! to show that memory stays bounded whatever the stream's length.
//!
//! ```text
//! cargo build --release -p sladd-benches --bin stream_rss
//! /usr/bin/time -v target/release/stream_rss 4096   # MiB to stream
//! ```
//!
//! Each chunk is generated afresh (a new seed per chunk) into one reused
//! buffer, so no file is needed and nothing grows with the total.

use std::time::Instant;

use sladd_benches::{SEED, id_scanner, prose};

const CHUNK: usize = 1 << 20;

fn main() {
    let mib: usize =
        std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(4096);
    let sc = id_scanner();
    let mut st = sc.stream();
    let (mut found, mut planted, mut total) = (0usize, 0usize, 0usize);
    let mut max_buffered = 0;
    let mut scan_secs = 0.0;
    let mut chunk_no = 0u64;
    while total < mib * CHUNK {
        // A chunk of about 1 MiB; its planted IDs are counted before the
        // corpus is dropped.
        let k = prose(CHUNK - 4096, SEED ^ (chunk_no << 20));
        chunk_no += 1;
        planted += k.planted.len();
        total += k.text.len();
        let t = Instant::now();
        st.feed(&k.text, |_| found += 1);
        scan_secs += t.elapsed().as_secs_f64();
        max_buffered = max_buffered.max(st.buffered());
    }
    st.finish(|_| found += 1);
    println!(
        "streamed {:.2} GiB in {chunk_no} chunks: {found} findings \
         ({planted} planted), at most {max_buffered} bytes held between \
         chunks, scan {:.0} MB/s (generation not counted)",
        total as f64 / (1u64 << 30) as f64,
        total as f64 / scan_secs / 1e6
    );
    assert_eq!(found, planted, "every planted ID is found");
}
