#!/usr/bin/env bash
# Builds every cargo-fuzz target of sladd and runs each for a short,
# bounded time from its committed seeds, on the stable toolchain.
#
# Usage: fuzz/test.sh                  (from anywhere; 20000 runs each,
#                                      seed 1, from the committed seeds)
#        FUZZ_SECS=900 fuzz/test.sh    (long runs that grow the corpus)
#
# Exits non-zero if the reference validators disagree with the test
# vectors, if a target does not build, or if any target finds a crash;
# the crash input is left in fuzz/artifacts/<target>/ and its reproducer
# printed. Ends with "fuzz: N passed, M failed" (N targets run).
set -euo pipefail
cd "$(dirname "$0")"

# By default each target runs a fixed number of inputs from a fixed seed,
# starting from the committed seeds only, so the run is the same on every
# machine and a failure here is reproducible. FUZZ_SECS=N runs each target
# for N seconds instead, growing corpus/<target>/.
RUNS="${FUZZ_RUNS:-20000}"
SECS="${FUZZ_SECS:-}"
# cargo fuzz needs unstable compiler flags (-Zsanitizer): allow them on
# stable, as the fuzz crate is built only here and never published.
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

echo "== reference validators against testdata/id_vectors.json"
cargo test -q --lib

echo "== building the fuzz targets (AddressSanitizer, debug assertions)"
cargo fuzz build -a

pass=0
fail=0
log="$(mktemp)"
scratch="$(mktemp -d)"
trap 'rm -f "$log"; rm -rf "$scratch"' EXIT
for t in $(cargo fuzz list); do
    if [ -n "$SECS" ]; then
        echo "== fuzz $t for ${SECS}s"
        mkdir -p "corpus/$t"
        corpus="corpus/$t"
        limit=(-max_total_time="$SECS")
    else
        echo "== fuzz $t: $RUNS runs, seed 1"
        corpus="$scratch/$t"
        mkdir -p "$corpus"
        limit=(-runs="$RUNS" -seed=1)
    fi
    # New inputs go to the first directory; seeds/<target> is read only.
    if cargo fuzz run -a "$t" "$corpus" "seeds/$t" -- \
        -dict=sladd.dict "${limit[@]}" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
        grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 || true
        pass=$((pass + 1))
    else
        echo "fuzz target $t FAILED; last lines of its output:"
        tail -n 60 "$log"
        fail=$((fail + 1))
    fi
done

echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
