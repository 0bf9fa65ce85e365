#!/usr/bin/env bash
# The `sladd` command against the library it wraps, on the same bytes.
#
#   benches/cli_vs_lib.sh [MIB] [RUNS]
#   BEFORE=/path/to/old/sladd benches/cli_vs_lib.sh     # A/B in one run
#
# Writes about MIB MiB (default 50) of the suite's prose corpus
# (`write_corpus`, the generator of benches/src/lib.rs) to a temporary file,
# then times, RUNS times each (default 11), interleaved:
#   * `sladd scan --kinds ids --format jsonl -j1 FILE` as a whole process
#     (start-up, reading, scanning, line numbers, output to a file);
#   * the library on one thread over the same bytes already in memory
#     (`scan_file`: `Scanner::find_iter` with the suite's ID scanner); its
#     CPU time per pass is the CPU of an 11-pass run less a 1-pass run,
#     divided by 10, so reading the file and start-up are not counted;
#   * with BEFORE set, that binary the same way as sladd.
# and prints the medians, the throughputs and the ratio library/CLI time
# (the CLI's share of the library's speed; the target is at least 85 %).
# Wall times suffer from other load on the machine; CPU times less so.
set -euo pipefail
cd "$(dirname "$0")/.."
MIB=${1:-50}
RUNS=${2:-11}
cargo build -q --release -p detect-cli -p sladd-benches \
    --bin sladd --bin write_corpus --bin scan_file
T=target/release
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
file=$dir/prose.txt
planted=$("$T/write_corpus" "$file" "$MIB")
bytes=$(stat -c %s "$file")
cat "$file" > /dev/null # into the page cache

TIMEFORMAT='%3R %3U %3S'
# Appends "wall cpu" in seconds of one run of "$@" (stdout to $dir/out) to
# the file named first.
timed() {
    local log=$1
    shift
    { time "$@" > "$dir/out" || true; } 2> "$dir/t"
    awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$dir/t" >> "$log"
}
for _ in $(seq "$RUNS"); do
    timed "$dir/cli" "$T/sladd" scan --kinds ids --format jsonl -j1 "$file"
    found=$(wc -l < "$dir/out")
    [ "$found" -eq "$planted" ] || { echo "sladd found $found of $planted" >&2; exit 1; }
    if [ -n "${BEFORE:-}" ]; then
        timed "$dir/before" "$BEFORE" scan --kinds ids --format jsonl -j1 "$file"
    fi
    timed "$dir/lib1" "$T/scan_file" "$file" 1
    timed "$dir/lib11" "$T/scan_file" "$file" 11
    # scan_file prints its in-process median wall time per pass.
    awk '{ print $1 }' "$dir/out" >> "$dir/libwall"
done

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
cli_wall=$(awk '{ print $1 }' "$dir/cli" | median)
cli_cpu=$(awk '{ print $2 }' "$dir/cli" | median)
lib_wall=$(median < "$dir/libwall")
lib_cpu=$(paste "$dir/lib1" "$dir/lib11" | awk '{ print ($4 - $2) / 10 }' | median)

mbs() { awk -v b="$bytes" -v t="$1" 'BEGIN { printf "%7.0f MB/s", b / t / 1e6 }'; }
row() { printf '%-44s wall %6.1f ms %s   CPU %6.1f ms %s\n' "$1" \
    "$(awk -v t="$2" 'BEGIN { print t * 1000 }')" "$(mbs "$2")" \
    "$(awk -v t="$3" 'BEGIN { print t * 1000 }')" "$(mbs "$3")"; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", a / b * 100 }'; }

echo "prose corpus: $bytes bytes, $planted planted IDs, $RUNS runs, medians"
row "sladd scan --kinds ids --format jsonl -j1" "$cli_wall" "$cli_cpu"
if [ -n "${BEFORE:-}" ]; then
    before_wall=$(awk '{ print $1 }' "$dir/before" | median)
    before_cpu=$(awk '{ print $2 }' "$dir/before" | median)
    row "BEFORE (same command)" "$before_wall" "$before_cpu"
fi
row "library, one thread (find_iter)" "$lib_wall" "$lib_cpu"
echo "CLI at $(pct "$lib_wall" "$cli_wall") of the library's speed (wall), \
$(pct "$lib_cpu" "$cli_cpu") (CPU); target >= 85 %"
if [ -n "${BEFORE:-}" ]; then
    echo "BEFORE at $(pct "$lib_wall" "$before_wall") (wall), \
$(pct "$lib_cpu" "$before_cpu") (CPU)"
fi
