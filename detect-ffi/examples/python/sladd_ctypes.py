"""A Python client of libsladd through ctypes: a real user of the C ABI.

Run:  python3 sladd_ctypes.py [PATH/TO/libsladd.so]
(or set SLADD_LIB). It wraps the C API in a small class, then checks real
results and prints "sladd-python-example: passed=N failed=M"; it exits 1
on any failure. Every number in it is synthetic.
"""

import ctypes
import os
import sys
import threading
from ctypes import (
    POINTER,
    Structure,
    byref,
    c_bool,
    c_char,
    c_char_p,
    c_int,
    c_size_t,
    c_uint32,
    c_void_p,
)

SLADD_RESULT_OK = 0
SLADD_RESULT_NULL_PARAMETER = 5001
SLADD_RESULT_INSUFFICIENT_SPACE = 5002
SLADD_RESULT_UNKNOWN_KIND = 5101
SLADD_RESULT_INVALID_DATE = 5104

STYLES = {"mask": 0, "label": 1, "keep_birthdate": 2}
CONFIDENCE = {"low": 1, "medium": 2, "high": 3}


class Options(Structure):
    """struct sladd_options: zero and NULL fields mean the defaults."""

    _fields_ = [
        ("kinds", c_char_p),
        ("countries", c_char_p),
        ("min_confidence", c_uint32),
        ("context_before", c_uint32),
        ("context_after", c_uint32),
        ("reference_date", c_char_p),
        ("redact_style", c_uint32),
        ("known_names", c_char_p),
        ("allow", c_char_p),
        ("lenient", c_uint32),
    ]


class Match(Structure):
    """struct sladd_match."""

    _fields_ = [
        ("kind", c_uint32),
        ("confidence", c_uint32),
        ("flags", c_uint32),
        ("start", c_size_t),
        ("end", c_size_t),
    ]


def load(path):
    lib = ctypes.CDLL(path)
    sc_p = c_void_p
    u8_p = ctypes.c_char_p  # bytes in, never NUL-terminated by contract
    lib.sladd_version.restype = c_char_p
    lib.sladd_version.argtypes = []
    lib.sladd_kind_name.restype = c_char_p
    lib.sladd_kind_name.argtypes = [c_uint32]
    lib.sladd_confidence_name.restype = c_char_p
    lib.sladd_confidence_name.argtypes = [c_uint32]
    lib.sladd_result_message.restype = c_int
    lib.sladd_result_message.argtypes = [
        c_int, POINTER(c_char), c_size_t, POINTER(c_size_t)]
    lib.sladd_scanner_new.restype = c_int
    lib.sladd_scanner_new.argtypes = [POINTER(Options), POINTER(sc_p)]
    lib.sladd_scanner_free.restype = None
    lib.sladd_scanner_free.argtypes = [sc_p]
    lib.sladd_scan.restype = c_int
    lib.sladd_scan.argtypes = [
        sc_p, u8_p, c_size_t, POINTER(Match), c_size_t, POINTER(c_size_t)]
    lib.sladd_find.restype = c_bool
    lib.sladd_find.argtypes = [
        sc_p, u8_p, c_size_t, c_size_t, POINTER(Match)]
    lib.sladd_redact_with_style.restype = c_int
    lib.sladd_redact_with_style.argtypes = [
        sc_p, u8_p, c_size_t, c_uint32, POINTER(c_char), c_size_t,
        POINTER(c_size_t)]
    lib.sladd_validate.restype = c_int
    lib.sladd_validate.argtypes = [
        sc_p, c_uint32, u8_p, c_size_t, POINTER(c_bool)]
    lib.sladd_kind_from_name.restype = c_int
    lib.sladd_kind_from_name.argtypes = [c_char_p, POINTER(c_uint32)]
    return lib


class SladdError(ValueError):
    def __init__(self, lib, code):
        n = c_size_t(0)
        buf = ctypes.create_string_buffer(256)
        lib.sladd_result_message(code, buf, len(buf), byref(n))
        super().__init__(f"{buf.value.decode()} ({code})")
        self.code = code


class Scanner:
    """A thin wrapper over sladd_scanner."""

    def __init__(self, lib, kinds=None, countries=None,
                 min_confidence=None, reference_date=None):
        self.lib = lib
        opts = Options()
        if kinds is not None:
            opts.kinds = ",".join(kinds).encode()
        if countries is not None:
            opts.countries = ",".join(countries).encode()
        if min_confidence is not None:
            opts.min_confidence = CONFIDENCE[min_confidence]
        if reference_date is not None:
            opts.reference_date = reference_date.encode()
        handle = c_void_p()
        rc = lib.sladd_scanner_new(byref(opts), byref(handle))
        if rc != SLADD_RESULT_OK:
            raise SladdError(lib, rc)
        self.handle = handle

    def close(self):
        if self.handle:
            self.lib.sladd_scanner_free(self.handle)
            self.handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def scan(self, data: bytes):
        """All findings, by the array protocol: count, then fetch."""
        n = c_size_t(0)
        arr = (Match * 2)()
        rc = self.lib.sladd_scan(self.handle, data, len(data), arr, 2,
                                 byref(n))
        if rc != SLADD_RESULT_OK:
            raise SladdError(self.lib, rc)
        if n.value > 2:
            arr = (Match * n.value)()
            rc = self.lib.sladd_scan(self.handle, data, len(data), arr,
                                     n.value, byref(n))
            if rc != SLADD_RESULT_OK:
                raise SladdError(self.lib, rc)
        return [self._py(m) for m in arr[: n.value]]

    def find_all(self, data: bytes):
        """All findings, by the cursor."""
        out, pos, m = [], 0, Match()
        while self.lib.sladd_find(self.handle, data, len(data), pos,
                                  byref(m)):
            out.append(self._py(m))
            pos = m.end
        return out

    def redact(self, data: bytes, style="mask") -> bytes:
        need = c_size_t(0)
        rc = self.lib.sladd_redact_with_style(
            self.handle, data, len(data), STYLES[style], None, 0,
            byref(need))
        if rc not in (SLADD_RESULT_OK, SLADD_RESULT_INSUFFICIENT_SPACE):
            raise SladdError(self.lib, rc)
        buf = ctypes.create_string_buffer(max(need.value, 1))
        got = c_size_t(0)
        rc = self.lib.sladd_redact_with_style(
            self.handle, data, len(data), STYLES[style], buf, need.value,
            byref(got))
        if rc != SLADD_RESULT_OK:
            raise SladdError(self.lib, rc)
        return buf.raw[: got.value]

    def validate(self, kind: str, value: bytes) -> bool:
        code = c_uint32(0)
        rc = self.lib.sladd_kind_from_name(kind.encode(), byref(code))
        if rc != SLADD_RESULT_OK:
            raise SladdError(self.lib, rc)
        ok = c_bool(False)
        rc = self.lib.sladd_validate(self.handle, code, value, len(value),
                                     byref(ok))
        if rc != SLADD_RESULT_OK:
            raise SladdError(self.lib, rc)
        return ok.value

    def _py(self, m):
        return (
            self.lib.sladd_kind_name(m.kind).decode(),
            self.lib.sladd_confidence_name(m.confidence).decode(),
            m.start,
            m.end,
        )


def main():
    path = (sys.argv[1] if len(sys.argv) > 1
            else os.environ.get("SLADD_LIB", "libsladd.so"))
    lib = load(path)
    passed = failed = 0

    def check(cond, what):
        nonlocal passed, failed
        if cond:
            passed += 1
        else:
            failed += 1
            print(f"FAILED: {what}", file=sys.stderr)

    check(lib.sladd_version().decode().count(".") == 2, "version")
    check(lib.sladd_kind_name(1) == b"no_fnr", "kind name 1")
    check(lib.sladd_kind_name(99) is None, "kind name 99 is NULL")

    text = "Søknad fra Kari, fnr. 010180 00055, CPR 010180-1004."
    data = text.encode("utf-8")
    with Scanner(lib) as sc:
        found = sc.scan(data)
        check([f[0] for f in found] == ["no_fnr", "dk_cpr"], "kinds")
        check(all(f[1] == "high" for f in found), "confidence high")
        # Byte offsets: "ø" is two bytes in UTF-8.
        s, e = found[0][2], found[0][3]
        check(data[s:e] == b"010180 00055", "byte span of no_fnr")
        check(sc.find_all(data) == found, "cursor == array")

        many = b" ".join(b"fnr 01018000055" for _ in range(7))
        check(len(sc.scan(many)) == 7, "array protocol grows past cap")

        check(sc.redact(data).decode("utf-8")
              == "Søknad fra Kari, fnr. ****** *****, CPR ******-****.",
              "redact mask")
        check(sc.redact(data, "label").decode("utf-8")
              == "Søknad fra Kari, fnr. [no_fnr], CPR [dk_cpr].",
              "redact label")
        check(sc.redact(data, "keep_birthdate").decode("utf-8")
              == "Søknad fra Kari, fnr. 010180 *****, CPR 010180-****.",
              "redact keep_birthdate")
        check(sc.redact(b"") == b"", "empty input")

        broken = b"\xff\xfe personnummer 811218-9876 \x80"
        check(sc.scan(broken) == [("se_pnr", "high", 16, 27)],
              "invalid UTF-8 input")

        check(sc.validate("se_snr", b"701063-2391"), "validate se_snr")
        check(not sc.validate("se_pnr", b"701063-2391"),
              "validate se_pnr rejects a samordningsnummer")
        try:
            sc.validate("xx", b"1")
            check(False, "unknown kind raises")
        except SladdError as e:
            check(e.code == SLADD_RESULT_UNKNOWN_KIND, "unknown kind code")

        # One scanner shared by threads.
        results = []

        def work():
            results.append(sc.scan(data))

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        check(results == [found] * 4, "threads agree")

        # NULL arguments give an error code, not a crash.
        n = c_size_t(0)
        rc = lib.sladd_scan(None, data, len(data), None, 0, byref(n))
        check(rc == SLADD_RESULT_NULL_PARAMETER, "NULL scanner")

    with Scanner(lib, kinds=["fi_hetu"], min_confidence="low") as sc:
        check(sc.scan(b"010594Y9032 131052-308T 01018000055")
              == [("fi_hetu", "low", 0, 11), ("fi_hetu", "medium", 12, 23)],
              "kinds and threshold options")

    try:
        Scanner(lib, reference_date="2026-02-30")
        check(False, "invalid date raises")
    except SladdError as e:
        check(e.code == SLADD_RESULT_INVALID_DATE, "invalid date code")
        check("YYYY-MM-DD" in str(e), "message from sladd_result_message")

    print(f"sladd-python-example: passed={passed} failed={failed}")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
