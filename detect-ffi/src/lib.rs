/*!
The C ABI of sladd: `libsladd` and its header `sladd.h`.

This crate builds `libsladd.so` (cdylib), `libsladd.a` (staticlib) and an
rlib. The header `include/sladd.h` is generated from this crate by cbindgen
(see `gen-header.sh`) and checked in; the conventions of the API (naming,
ownership, argument order, result codes, thread safety) are written down
in `README.md`.

# Layout

* `ffi`: every `unsafe` block of the crate: turning the C caller's raw
  pointers into references and writing outputs. Nothing else touches a raw
  pointer.
* `panic`: the panic boundary. Every entry point runs its body inside
  `catch_unwind`; a panic becomes `SLADD_RESULT_PANIC` (or the entry
  point's documented fallback value) and never crosses into C.
* `result`: the result codes and their messages.
* `names`: kinds, confidence levels, redaction styles, flags, versions.
* `scanner`: the scanner handle, its options, scanning and redaction.

The entry points are plain `extern "C"` functions, as in rustls-ffi: they
trust the promises about pointers that `sladd.h` asks of the C caller
(every non-NULL pointer is valid for what it is used for). Rust code
should use `detect-core` instead.
*/

#![deny(missing_docs)]

mod ffi;
mod names;
mod panic;
mod result;
mod scanner;

pub use crate::names::{
    SLADD_FLAG_CHECKSUM, SLADD_FLAG_CHECKSUM_FAILED, SLADD_FLAG_CONTEXT,
    SLADD_FLAG_DATE_VALID, SLADD_FLAG_FULL_YEAR, SLADD_FLAG_LOWERCASE,
    SLADD_FLAG_NEGATIVE_CONTEXT, SLADD_FLAG_NEW_RULE, SLADD_FLAG_OCR,
    SLADD_FLAG_SEPARATOR, SLADD_FLAG_SPLIT, SLADD_FLAG_SYNTHETIC,
    SLADD_FLAG_TEMPORARY, sladd_confidence, sladd_confidence_name,
    sladd_flag_name, sladd_group, sladd_group_name, sladd_kind,
    sladd_kind_from_name, sladd_kind_group, sladd_kind_name,
    sladd_redact_style, sladd_version,
};
pub use crate::result::{sladd_result, sladd_result_message};
pub use crate::scanner::{
    sladd_find, sladd_match, sladd_options, sladd_redact,
    sladd_redact_with_style, sladd_scan, sladd_scanner, sladd_scanner_free,
    sladd_scanner_new, sladd_validate,
};
