#!/usr/bin/env bash
# Regenerates include/sladd.h from the Rust sources with cbindgen.
#
#   ./gen-header.sh            write include/sladd.h
#   ./gen-header.sh --verify   regenerate into a temporary file and fail
#                              (exit 1, with a diff) if it differs from the
#                              checked-in header
#
# The cbindgen version is pinned: a different version may format the
# header differently. install-deps.sh installs it.
set -euo pipefail

CBINDGEN_VERSION=0.29.4

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

mode=write
case "${1:-}" in
    "") ;;
    --verify) mode=verify ;;
    *) echo "usage: $0 [--verify]" >&2; exit 2 ;;
esac

if ! command -v cbindgen >/dev/null 2>&1; then
    echo "gen-header: cbindgen not found; install it with" >&2
    echo "  cargo install cbindgen --version $CBINDGEN_VERSION --locked" >&2
    exit 1
fi
have="$(cbindgen --version | awk '{print $2}')"
if [ "$have" != "$CBINDGEN_VERSION" ]; then
    echo "gen-header: cbindgen $have found, $CBINDGEN_VERSION required;" >&2
    echo "  cargo install cbindgen --version $CBINDGEN_VERSION --locked" >&2
    exit 1
fi

# The package version, e.g. 0.1.0 (from "path+file:///…#detect-ffi@0.1.0").
version="$(cargo pkgid -p detect-ffi | sed -E 's/.*[@#]([0-9][^@#]*)$/\1/')"
IFS=. read -r major minor patch <<<"${version%%-*}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cbindgen --quiet --config cbindgen.toml --crate detect-ffi \
    --output "$tmp/raw.h"

# Fill in the versions, and spell struct types in signatures by their
# typedef names (`const sladd_options *opts`), as CONTRACT §6 writes them.
sed -E \
    -e "s/@CBINDGEN_VERSION@/$CBINDGEN_VERSION/" \
    -e "s/@SLADD_VERSION@/$version/" \
    -e "s/@SLADD_VERSION_MAJOR@/$major/" \
    -e "s/@SLADD_VERSION_MINOR@/$minor/" \
    -e "s/@SLADD_VERSION_PATCH@/$patch/" \
    -e '/^typedef struct/! s/struct (sladd_[a-z_]+)/\1/g' \
    "$tmp/raw.h" >"$tmp/sladd.h"

if [ "$mode" = verify ]; then
    if ! diff -u include/sladd.h "$tmp/sladd.h"; then
        echo "gen-header: include/sladd.h is out of date;" \
            "run detect-ffi/gen-header.sh" >&2
        exit 1
    fi
    echo "gen-header: include/sladd.h is up to date"
else
    mkdir -p include
    cp "$tmp/sladd.h" include/sladd.h
    echo "gen-header: wrote include/sladd.h"
fi
