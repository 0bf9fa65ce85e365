//! The criterion suite: `scan/{sladd,naive}/{prose,postliste,digits}`,
//! `redact/sladd/prose` and `build/{sladd,naive}`. See the README.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_main};
use detect_core::Scanner;
use sladd_benches::{
    Corpus, Naive, id_scanner, naive_count, sladd_count, sladd_redact,
};

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

fn scan(c: &mut Criterion) {
    let sc = id_scanner();
    let naive = Naive::new(sc.clone());
    for corpus in sladd_benches::all() {
        bench_corpus(c, &sc, &naive, &corpus);
    }
}

fn bench_corpus(c: &mut Criterion, sc: &Scanner, naive: &Naive, k: &Corpus) {
    // Correctness first: the count is known by construction.
    let expected = k.check(sc, naive);
    let pieces = k.pieces();
    let mut g = c.benchmark_group("scan");
    if k.records.is_empty() {
        g.throughput(Throughput::Bytes(k.text.len() as u64));
    } else {
        g.throughput(Throughput::Elements(k.records.len() as u64));
    }
    g.bench_function(format!("sladd/{}", k.name), |b| {
        b.iter(|| {
            let n = sladd_count(sc, black_box(&pieces));
            assert_eq!(n, expected);
            n
        })
    });
    g.bench_function(format!("naive/{}", k.name), |b| {
        b.iter(|| {
            let n: usize = naive_count(naive, black_box(&pieces));
            assert_eq!(n, expected);
            n
        })
    });
    g.finish();
    if !k.records.is_empty() {
        // The same record loop, reported in bytes.
        let mut g = c.benchmark_group("scan-bytes");
        g.throughput(Throughput::Bytes(k.text.len() as u64));
        g.bench_function(format!("sladd/{}", k.name), |b| {
            b.iter(|| sladd_count(sc, black_box(&pieces)))
        });
        g.finish();
    }
}

fn redact(c: &mut Criterion) {
    let sc = id_scanner();
    let k =
        sladd_benches::prose(sladd_benches::PROSE_LEN, sladd_benches::SEED);
    let expected = k.check(&sc, &Naive::new(sc.clone()));
    let mut out = Vec::with_capacity(k.text.len());
    let mut g = c.benchmark_group("redact");
    g.throughput(Throughput::Bytes(k.text.len() as u64));
    g.bench_function("sladd/prose", |b| {
        b.iter(|| {
            let n = sladd_redact(&sc, black_box(&k.text), &mut out);
            assert_eq!(n, expected);
            n
        })
    });
    g.finish();
}

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.bench_function("sladd/default", |b| b.iter(Scanner::new));
    g.bench_function("naive/regex", |b| b.iter(|| Naive::new(id_scanner())));
    g.finish();
}

/// The suite; written out instead of `criterion_group!` so that it has
/// docs under the workspace's `missing_docs` lint.
fn benches() {
    let mut c = config().configure_from_args();
    scan(&mut c);
    redact(&mut c);
    build(&mut c);
}

criterion_main!(benches);
