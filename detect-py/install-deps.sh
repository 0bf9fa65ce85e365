#!/usr/bin/env bash
# System packages the Python bindings need beyond the Rust toolchain:
# python3 with venv and pip (test.sh makes its own venv in target/py-venv
# and installs maturin, pytest, mypy and python-stdnum there).
set -euo pipefail
if python3 -m venv --help >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then
    echo "python3 venv and pip present; nothing to install"
    exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
    apt-get update
    apt-get install -y python3 python3-venv python3-pip
else
    echo "need python3 with venv and pip" >&2
    exit 1
fi
