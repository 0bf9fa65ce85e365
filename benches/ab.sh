#!/usr/bin/env bash
# A/B of the ID path against an earlier commit, in one run: builds
# perf_table at BASE (in a temporary git worktree with its own target
# directory) and at the working tree, then runs the two binaries in
# alternation, ROUNDS times each, and prints every row's median sladd
# figure for both and the ratio. Both binaries measure the same generated
# corpora (the generator is seeded) with an ID-only scanner.
#
#   bash benches/ab.sh BASE [ROUNDS] [SAMPLES]
#   bash benches/ab.sh 5ea6683 5 7
set -euo pipefail
base="${1:?usage: $0 BASE [ROUNDS] [SAMPLES]}"
rounds="${2:-5}"
samples="${3:-7}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

work="$(mktemp -d)"
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"
echo "building perf_table at $base and at the working tree" >&2
(cd "$work/base" && CARGO_TARGET_DIR="$root/target/ab-base" \
    cargo build -q --release -p sladd-benches --bin perf_table)
cargo build -q --release -p sladd-benches --bin perf_table
a="$root/target/ab-base/release/perf_table"
b="$root/target/release/perf_table"

# Each table row as "who<TAB>row<TAB>sladd figure".
fields='/^\| (scan|redact)\//{gsub(/^ +| +$/,"",$2); gsub(/^ +| +$/,"",$4); print who "\t" $2 "\t" $4}'
for i in $(seq "$rounds"); do
    echo "round $i/$rounds" >&2
    "$a" "$samples" | awk -F'|' -v who=base "$fields" >>"$work/out"
    "$b" "$samples" | awk -F'|' -v who=new "$fields" >>"$work/out"
done

python3 - "$work/out" "$base" "$rounds" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    who, name, fig = line.rstrip("\n").split("\t")
    # "3.29 GB/s" or "18.89 M rec/s (2.08 GB/s)": the first number, in
    # the row's own unit.
    m = re.match(r"([\d.]+) (GB/s|MB/s|M rec/s)", fig)
    v = float(m.group(1)) * (1000 if m.group(2) == "GB/s" else 1)
    unit = "M rec/s" if m.group(2) == "M rec/s" else "MB/s"
    rows.setdefault(name, {"base": [], "new": [], "unit": unit})[who].append(v)
print(f"| row | base {sys.argv[2]} | this tree | new / base |")
print("| --- | ---: | ---: | ---: |")
for name, r in rows.items():
    b, n = statistics.median(r["base"]), statistics.median(r["new"])
    print(f"| {name} | {b:.1f} {r['unit']} | {n:.1f} {r['unit']} | {n / b:.3f} |")
print(f"\nMedians over {sys.argv[3]} alternating runs of each binary.")
PY
