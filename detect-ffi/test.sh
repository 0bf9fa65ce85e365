#!/usr/bin/env bash
# Tests the C ABI of sladd end to end:
#
#   1. fmt, clippy and the Rust unit tests of detect-ffi;
#   2. builds libsladd (release: .so, .a) with cargo;
#   3. checks that include/sladd.h is what cbindgen generates (pinned
#      version), that its version macros match Cargo.toml, that the .so
#      exports exactly the documented functions, and that the header
#      compiles as strict C11 and as C++;
#   4. installs into a temporary prefix with install.sh and uses the
#      installed sladd.pc through pkg-config;
#   5. compiles tests/test_sladd.c with gcc -std=c11 -Wall -Wextra -Werror
#      against the shared and then the static library and runs both under
#      valgrind (errors and definite leaks fail);
#   6. builds and runs the C example, the Python ctypes example and the
#      Java (JNA) example, each of which asserts real results.
#
# Prints one line per step and ends with "ffi: N passed, M failed", where
# N counts the steps plus every check inside the C tests and the examples.
# Exits non-zero on any failure. install-deps.sh installs what it needs.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$here/../target}"
release="$CARGO_TARGET_DIR/release"

CFLAGS=(-std=c11 -Wall -Wextra -Werror -O1 -g -pthread)
VALGRIND=(valgrind -q --error-exitcode=1 --leak-check=full
    --errors-for-leak-kinds=definite)
JNA_JAR="${JNA_JAR:-/usr/share/java/jna.jar}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log="$work/step.log"

passed=0
failed=0

# step NAME CMD...: runs CMD, counts it, shows its output on failure.
step() {
    local name="$1"
    shift
    if "$@" >"$log" 2>&1; then
        passed=$((passed + 1))
        echo "ok    $name"
    else
        failed=$((failed + 1))
        echo "FAIL  $name"
        sed 's/^/      /' "$log"
    fi
}

# checks NAME CMD...: like step, and also adds the "passed=N failed=M"
# counts that CMD prints last.
checks() {
    local name="$1"
    shift
    step "$name" "$@"
    local line
    line="$(grep -Eo 'passed=[0-9]+ failed=[0-9]+' "$log" | tail -n 1)"
    if [ -n "$line" ]; then
        local p f
        p="$(sed -E 's/passed=([0-9]+).*/\1/' <<<"$line")"
        f="$(sed -E 's/.*failed=([0-9]+)/\1/' <<<"$line")"
        passed=$((passed + p))
        failed=$((failed + f))
        echo "      ($p checks passed, $f failed)"
    fi
}

version="$(cargo pkgid -p detect-ffi | sed -E 's/.*[@#]([0-9][^@#]*)$/\1/')"

# 1. Rust side.
step "cargo fmt --check" cargo fmt -p detect-ffi -- --check
step "cargo clippy -D warnings" \
    cargo clippy -p detect-ffi --all-targets --quiet -- -D warnings
step "cargo test (unit tests)" cargo test -p detect-ffi --quiet

# 2. The libraries.
step "cargo build --release" cargo build --release -p detect-ffi --quiet

# 3. The header and the exported symbols.
step "header is generated (gen-header.sh --verify)" ./gen-header.sh --verify

header_version() {
    grep -qx "#define SLADD_VERSION \"$version\"" include/sladd.h &&
        IFS=. read -r ma mi pa <<<"${version%%-*}" &&
        grep -qx "#define SLADD_VERSION_MAJOR $ma" include/sladd.h &&
        grep -qx "#define SLADD_VERSION_MINOR $mi" include/sladd.h &&
        grep -qx "#define SLADD_VERSION_PATCH $pa" include/sladd.h
}
step "header version macros match Cargo.toml ($version)" header_version

exports() {
    local want got
    want="$(printf '%s\n' sladd_assess sladd_confidence_name sladd_find \
        sladd_flag_name sladd_group_name sladd_kind_from_name \
        sladd_kind_group sladd_kind_name sladd_redact \
        sladd_redact_with_style sladd_result_message sladd_risk_name \
        sladd_scan sladd_scan_file sladd_scanner_free sladd_scanner_new \
        sladd_validate sladd_version | sort)"
    got="$(nm -D --defined-only "$release/libsladd.so" |
        awk '$2 == "T" {print $3}' | sort)"
    diff <(echo "$want") <(echo "$got") || return 1
    # Every exported function is declared in the header.
    local f
    for f in $want; do
        grep -q "^[a-z].*[ *]$f(" include/sladd.h || {
            echo "$f is not declared in sladd.h"
            return 1
        }
    done
    # The five functions of CONTRACT §6, exactly as written there.
    grep -q '^int sladd_scanner_new(const sladd_options \*opts,$' \
        include/sladd.h &&
        grep -q '^void sladd_scanner_free(sladd_scanner \*scanner);$' \
            include/sladd.h &&
        grep -q '^int sladd_scan(const sladd_scanner \*scanner,$' \
            include/sladd.h &&
        grep -q '^int sladd_redact(const sladd_scanner \*scanner,$' \
            include/sladd.h &&
        grep -q '^const char \*sladd_kind_name(uint32_t kind);$' \
            include/sladd.h &&
        grep -q '^typedef struct sladd_scanner sladd_scanner;$' \
            include/sladd.h &&
        grep -q '^typedef struct sladd_match {$' include/sladd.h
}
step "libsladd.so exports exactly the documented functions" exports

header_compiles() {
    printf '#include "sladd.h"\nint main(void) { return 0; }\n' \
        >"$work/h.c"
    gcc -std=c11 -Wall -Wextra -Werror -pedantic -Iinclude -c "$work/h.c" \
        -o "$work/h.o" &&
        g++ -std=c++17 -Wall -Wextra -Werror -Iinclude -x c++ -c \
            "$work/h.c" -o "$work/hpp.o"
}
step "sladd.h compiles as strict C11 and as C++17" header_compiles

# 4. Install into a temporary prefix; use pkg-config from there on.
prefix="$work/prefix"
step "install.sh PREFIX" ./install.sh "$prefix" --no-build
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
pc() {
    [ "$(pkg-config --modversion sladd)" = "$version" ] &&
        pkg-config --cflags --libs sladd | grep -q -- "-lsladd" &&
        [ -f "$prefix/lib/libsladd.so.$version" ] &&
        [ -L "$prefix/lib/libsladd.so" ] &&
        [ -f "$prefix/lib/libsladd.a" ] &&
        [ -f "$prefix/include/sladd.h" ] &&
        readelf -d "$prefix/lib/libsladd.so" |
        grep -q "SONAME.*libsladd.so.$version"
}
step "pkg-config finds sladd $version" pc
libdir="$(pkg-config --variable=libdir sladd)"

# 5. The C tests, shared and static, under valgrind.
build_shared() {
    # shellcheck disable=SC2046
    gcc "${CFLAGS[@]}" tests/test_sladd.c -o "$work/test_shared" \
        $(pkg-config --cflags --libs sladd)
}
build_static() {
    # The static library by path, plus what it needs (Libs.private).
    # shellcheck disable=SC2046
    gcc "${CFLAGS[@]}" $(pkg-config --cflags sladd) tests/test_sladd.c \
        -o "$work/test_static" "$libdir/libsladd.a" \
        $(pkg-config --static --libs-only-l sladd | sed 's/-lsladd//') &&
        ! ldd "$work/test_static" | grep -q libsladd
}
step "build C tests against libsladd.so" build_shared
checks "C tests (shared) under valgrind" \
    env LD_LIBRARY_PATH="$libdir" "${VALGRIND[@]}" "$work/test_shared"
step "build C tests against libsladd.a" build_static
checks "C tests (static) under valgrind" \
    "${VALGRIND[@]}" "$work/test_static"

# 6. Clients of the ABI.
c_example() {
    # shellcheck disable=SC2046
    cc -std=c11 -Wall -Wextra -Werror examples/c/scan.c \
        -o "$work/sladd-scan" $(pkg-config --cflags --libs sladd) || return 1
    local out
    out="$(printf 'Kari, fnr 010180 00055.\nCPR 010180-1004\n' |
        LD_LIBRARY_PATH="$libdir" "${VALGRIND[@]}" "$work/sladd-scan" label)"
    echo "$out"
    [ "$out" = "$(printf '%s\n' \
        'no_fnr high 10 22 checksum date_valid context separator' \
        'dk_cpr high 28 39 checksum date_valid context separator' \
        'Kari, fnr [no_fnr].' 'CPR [dk_cpr]')" ]
}
step "C example (cc \$(pkg-config --cflags --libs sladd))" c_example

checks "Python ctypes example" \
    python3 examples/python/sladd_ctypes.py "$libdir/libsladd.so"

java_example() {
    [ -f "$JNA_JAR" ] || {
        echo "JNA not found at $JNA_JAR (apt-get install libjna-java)"
        return 1
    }
    javac -Xlint:all -Werror -cp "$JNA_JAR" -d "$work/java" \
        examples/java/SladdExample.java &&
        java -cp "$JNA_JAR:$work/java" -Djna.library.path="$libdir" \
            SladdExample
}
checks "Java (JNA) example" java_example

echo "ffi: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
