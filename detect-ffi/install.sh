#!/usr/bin/env bash
# Installs libsladd into PREFIX:
#
#   PREFIX/lib/libsladd.so.VERSION   the shared library (SONAME = that name)
#   PREFIX/lib/libsladd.so           a symlink to it, for the linker
#   PREFIX/lib/libsladd.a            the static library
#   PREFIX/include/sladd.h           the header
#   PREFIX/lib/pkgconfig/sladd.pc    for pkg-config
#
# Usage: ./install.sh PREFIX [--no-build]
#
# Builds the release libraries with cargo first unless --no-build is given
# (then they must already be in $CARGO_TARGET_DIR/release, default
# ../target/release). Afterwards:
#
#   export PKG_CONFIG_PATH=PREFIX/lib/pkgconfig   # unless PREFIX is standard
#   cc app.c $(pkg-config --cflags --libs sladd)
#
# and at run time the loader must find the library: run ldconfig after
# installing into a system prefix, or use LD_LIBRARY_PATH=PREFIX/lib (or
# -Wl,-rpath,PREFIX/lib).
set -euo pipefail

if [ $# -lt 1 ] || [ "${1:0:1}" = "-" ]; then
    echo "usage: $0 PREFIX [--no-build]" >&2
    exit 2
fi
prefix="$1"
build=1
if [ "${2:-}" = "--no-build" ]; then
    build=0
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${CARGO_TARGET_DIR:-$here/../target}"
release="$target/release"

if [ "$build" = 1 ]; then
    (cd "$here" && cargo build --release -p detect-ffi --quiet)
fi

version="$(cd "$here" && cargo pkgid -p detect-ffi \
    | sed -E 's/.*[@#]([0-9][^@#]*)$/\1/')"

for f in libsladd.so libsladd.a; do
    if [ ! -f "$release/$f" ]; then
        echo "install: $release/$f not found; build it with" >&2
        echo "  cargo build --release -p detect-ffi" >&2
        exit 1
    fi
done

mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
mkdir -p "$prefix/lib/pkgconfig" "$prefix/include"

install -m 0755 "$release/libsladd.so" "$prefix/lib/libsladd.so.$version"
ln -sf "libsladd.so.$version" "$prefix/lib/libsladd.so"
install -m 0644 "$release/libsladd.a" "$prefix/lib/libsladd.a"
install -m 0644 "$here/include/sladd.h" "$prefix/include/sladd.h"
sed -e "s|@PREFIX@|$prefix|" -e "s|@VERSION@|$version|" \
    "$here/sladd.pc.in" >"$prefix/lib/pkgconfig/sladd.pc"
chmod 0644 "$prefix/lib/pkgconfig/sladd.pc"

echo "install: libsladd $version installed into $prefix"
