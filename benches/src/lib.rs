//! Placeholder; the benchmarks land with their issue.
