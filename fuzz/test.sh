#!/usr/bin/env bash
# Builds every cargo-fuzz target of sladd and runs each for a short,
# bounded time from its committed seeds, on the stable toolchain.
#
# Usage: fuzz/test.sh                  (from anywhere)
#        FUZZ_SECS=60 fuzz/test.sh     (longer runs; default 20 s each)
#
# Exits non-zero if the reference validators disagree with the test
# vectors, if a target does not build, or if any target finds a crash;
# the crash input is left in fuzz/artifacts/<target>/ and its reproducer
# printed. Ends with "fuzz: N passed, M failed" (N targets run).
set -euo pipefail
cd "$(dirname "$0")"

SECS="${FUZZ_SECS:-20}"
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
trap 'rm -f "$log"' EXIT
for t in $(cargo fuzz list); do
    echo "== fuzz $t for ${SECS}s"
    mkdir -p "corpus/$t"
    # New inputs go to corpus/<target> (ignored by git); seeds/<target>
    # is read only.
    if cargo fuzz run -a "$t" "corpus/$t" "seeds/$t" -- \
        -dict=sladd.dict -max_total_time="$SECS" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
        grep -E '^#[0-9]+ +DONE' "$log" | tail -n 1 || true
        pass=$((pass + 1))
    else
        echo "fuzz target $t FAILED; last lines of its output:"
        tail -n 60 "$log"
        fail=$((fail + 1))
    fi
done

echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
