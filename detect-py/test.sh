#!/usr/bin/env bash
# Builds the Python package into a venv and runs stubtest and pytest.
#
#   bash detect-py/test.sh
#
# The venv lives at target/py-venv (reused when present). Exits non-zero
# when the build, stubtest or any test fails.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
venv="$root/target/py-venv"
py="$venv/bin/python"
export PATH="$venv/bin:$PATH"

if [ ! -x "$py" ]; then
    echo "== creating venv $venv"
    python3 -m venv "$venv"
fi

echo "== test tools"
"$py" -m pip install -q --disable-pip-version-check \
    "maturin>=1.7,<2" pytest mypy python-stdnum python-docx openpyxl

echo "== integration libraries (sladd.arrow, .polars, .pandas, .spark, .presidio)"
# Their tests skip when a library is missing; here every one is installed
# so that CI runs them all. presidio-analyzer is pinned: test_presidio.py is
# the contract test against that version. pyspark needs Java 17 or later
# at run time (java on PATH or JAVA_HOME).
"$py" -m pip install -q --disable-pip-version-check \
    pyarrow polars pandas duckdb pyspark "presidio-analyzer==2.2.366"

echo "== building and installing sladd (pip install ./detect-py)"
# --no-build-isolation: build with the venv's maturin instead of fetching
# one for every run; the build is the same as a plain `pip install`.
"$py" -m pip install -q --disable-pip-version-check --no-build-isolation \
    --force-reinstall --no-deps "$here"

# Run from outside the source tree so that the installed package is tested.
cd "$venv"

echo "== stubtest"
"$py" -m mypy.stubtest sladd

echo "== mypy on the package"
"$py" -m mypy --strict -p sladd

echo "== pytest"
cd "$here"
"$py" -m pytest -p no:cacheprovider tests
