#!/usr/bin/env bash
# Installs what test.sh needs on a fresh Debian machine; safe to run again
# (each step is skipped when its tool is already there).
#
#   apt: valgrind, pkg-config, gcc/g++, a JDK (javac), JNA (libjna-java),
#        python3
#   cargo: cbindgen, at the exact version gen-header.sh pins
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CBINDGEN_VERSION="$(sed -nE 's/^CBINDGEN_VERSION=([0-9.]+)$/\1/p' \
    "$here/gen-header.sh")"

sudo_() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v valgrind >/dev/null 2>&1 || missing+=(valgrind)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v javac >/dev/null 2>&1 || missing+=(default-jdk-headless)
[ -f /usr/share/java/jna.jar ] || missing+=(libjna-java)

if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: apt-get install ${missing[*]}"
    sudo_ apt-get update -qq
    sudo_ env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq "${missing[@]}"
else
    echo "install-deps: system packages already installed"
fi

have="$(cbindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$CBINDGEN_VERSION" ]; then
    echo "install-deps: cargo install cbindgen $CBINDGEN_VERSION" \
        "(found: ${have:-none})"
    cargo install cbindgen --version "$CBINDGEN_VERSION" --locked --force
else
    echo "install-deps: cbindgen $CBINDGEN_VERSION already installed"
fi
