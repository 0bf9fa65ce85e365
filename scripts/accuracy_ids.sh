#!/usr/bin/env bash
# Precision and recall of the national-ID kinds on the generated corpus of
# `detect-core/examples/accuracy_ids.rs`, at a base commit and at the
# working tree: the example is copied into a temporary worktree of BASE and
# built there with `--cfg sladd_base` (BASE has no `lenient` option, so
# only its defaults are measured).
#
#   bash scripts/accuracy_ids.sh BASE [SEED] [RECORDS]
#   bash scripts/accuracy_ids.sh 24cea8e
set -euo pipefail
base="${1:?usage: $0 BASE [SEED] [RECORDS]}"
seed="${2:-12}"
records="${3:-7000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

work="$(mktemp -d)"
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"
cp detect-core/examples/accuracy_ids.rs "$work/base/detect-core/examples/"
cp detect-core/tests/common/mod.rs "$work/base/detect-core/tests/common/mod.rs"
echo "== base $base" 
(cd "$work/base" && CARGO_TARGET_DIR="$root/target/acc-base" \
    RUSTFLAGS="--cfg sladd_base" \
    cargo run -q --release -p detect-core --example accuracy_ids -- "$seed" "$records")
echo
echo "== this tree"
cargo run -q --release -p detect-core --example accuracy_ids -- "$seed" "$records"
