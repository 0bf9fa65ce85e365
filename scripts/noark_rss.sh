#!/usr/bin/env bash
# Streams a generated Noark 5 arkivstruktur.xml through `sladd noark` and
# reports entries/s and peak RSS (docs/contract.md §11: bounded memory).
# Two sizes, N/10 and N entries: the peak RSS must not grow with the file.
#   scripts/noark_rss.sh [N]      (default N = 1000000)
set -euo pipefail
N=${1:-1000000}
cd "$(dirname "$0")/.."
cargo build -q --release -p detect-cli --bin sladd
cargo build -q --release -p detect-noark --example gen_arkivstruktur
T=${CARGO_TARGET_DIR:-target}/release
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
for n in $((N / 10)) "$N"; do
  "$T/examples/gen_arkivstruktur" "$n" > "$DIR/a.xml"
  size=$(stat -c %s "$DIR/a.xml")
  # Exit 1: the generated file has planted leaks, so the gate fails.
  /usr/bin/time -v "$T/sladd" noark --gate --format jsonl "$DIR/a.xml" \
    > "$DIR/out.jsonl" 2> "$DIR/time.txt" || [ $? -eq 1 ]
  lines=$(wc -l < "$DIR/out.jsonl")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$DIR/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$DIR/time.txt")
  secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  fails=$(grep -c '"gate":"fail"' "$DIR/out.jsonl" || true)
  echo "registrations=$n file_bytes=$size entries_out=$lines gate_fail=$fails wall_s=$secs entries_per_s=$(awk -v l="$lines" -v s="$secs" 'BEGIN { printf "%.0f", l / s }') peak_rss_kb=$rss"
done
