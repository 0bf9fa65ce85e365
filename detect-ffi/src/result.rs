//! Result codes and their messages.

use core::ffi::{c_char, c_int};

use crate::ffi;
use crate::panic::guard;

/// The result of an sladd function that returns `int`.
///
/// `SLADD_RESULT_OK` (0) is success; every error is a distinct nonzero
/// code in a block of its own: 5000–5099 for arguments, 5100–5199 for
/// scanner options, 5200–5299 for files, 5900–5999 for internal
/// failures. Codes are never renumbered and never reused: a code that is
/// retired stays listed here as reserved. Unknown codes may be added in later versions, so treat any
/// nonzero code you do not recognise as an error; `sladd_result_message`
/// describes any code.
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum sladd_result {
    /// Success.
    Ok = 0,

    // 5000–5099: arguments.
    /// A pointer argument that must not be NULL was NULL (or a buffer
    /// pointer was NULL while its capacity was not zero).
    NullParameter = 5001,
    /// An output buffer is too small. The function set the size it needs
    /// and wrote nothing else; call again with a larger buffer.
    InsufficientSpace = 5002,

    // 5100–5199: scanner options.
    /// `sladd_options.kinds` names a kind that sladd does not know, or a
    /// kind code is not one of `sladd_kind`.
    UnknownKind = 5101,
    /// `sladd_options.countries` names a country other than `no`, `dk`,
    /// `se`, `fi`, `is`.
    UnknownCountry = 5102,
    /// `sladd_options.min_confidence` is not 0 (default), 1, 2 or 3.
    InvalidConfidence = 5103,
    /// `sladd_options.reference_date` is not a real `YYYY-MM-DD` date.
    InvalidDate = 5104,
    /// A context window side is larger than 1000 characters.
    InvalidWindow = 5105,
    /// The chosen kinds and countries have nothing in common: nothing
    /// would be detected.
    NoKinds = 5106,
    /// A redaction style is not one of `sladd_redact_style`.
    InvalidRedactStyle = 5107,
    /// Some other invalid option.
    InvalidOption = 5199,

    // 5200–5299: files (`sladd_scan_file`).
    /// The file could not be read: it does not exist, is a directory, or
    /// permission was denied. Nothing was reported.
    Io = 5201,
    /// Part of the file (or all of it) could not be read: encrypted,
    /// damaged, a format not known, over a size limit, a PDF page without
    /// a text layer. The unscanned callback was called for each; the file
    /// must not be taken as clean, whatever was found.
    Unscanned = 5202,
    /// A callback returned nonzero and the scan stopped there; the counts
    /// tell how much was reported.
    Stopped = 5203,

    // 5900–5999: internal.
    /// sladd panicked: a bug in sladd. The panic was caught and no output
    /// was written; please report it.
    Panic = 5901,
}

impl sladd_result {
    /// The code as the `int` that the entry points return.
    pub const fn code(self) -> c_int {
        self as u32 as c_int
    }
}

/// Every code, for the messages and the tests.
const ALL: [sladd_result; 15] = [
    sladd_result::Ok,
    sladd_result::NullParameter,
    sladd_result::InsufficientSpace,
    sladd_result::UnknownKind,
    sladd_result::UnknownCountry,
    sladd_result::InvalidConfidence,
    sladd_result::InvalidDate,
    sladd_result::InvalidWindow,
    sladd_result::NoKinds,
    sladd_result::InvalidRedactStyle,
    sladd_result::InvalidOption,
    sladd_result::Io,
    sladd_result::Unscanned,
    sladd_result::Stopped,
    sladd_result::Panic,
];

impl sladd_result {
    /// The code with this number, if there is one.
    pub fn from_code(code: c_int) -> Option<sladd_result> {
        ALL.into_iter().find(|r| r.code() == code)
    }

    /// A one-line English description.
    pub const fn message(self) -> &'static str {
        match self {
            sladd_result::Ok => "success",
            sladd_result::NullParameter => {
                "a required pointer argument was NULL"
            }
            sladd_result::InsufficientSpace => {
                "the output buffer is too small"
            }
            sladd_result::UnknownKind => {
                "unknown kind (expected a kind name such as no_fnr, a group: \
                 ids, names, contact, financial, organisations, sensitive, \
                 or personal or all; sladd_kind_name lists the kinds)"
            }
            sladd_result::UnknownCountry => {
                "unknown country (expected one of: no, dk, se, fi, is)"
            }
            sladd_result::InvalidConfidence => {
                "invalid confidence (expected 0 for the default, 1 low, \
                 2 medium or 3 high)"
            }
            sladd_result::InvalidDate => {
                "invalid reference date (expected a real date as \
                 YYYY-MM-DD)"
            }
            sladd_result::InvalidWindow => {
                "invalid context window (each side must be at most 1000 \
                 characters)"
            }
            sladd_result::NoKinds => {
                "the chosen kinds and countries have nothing in common: \
                 nothing would be detected"
            }
            sladd_result::InvalidRedactStyle => {
                "invalid redaction style (expected 0 mask, 1 label or 2 \
                 keep_birthdate)"
            }
            sladd_result::InvalidOption => "invalid scanner option",
            sladd_result::Io => {
                "the file could not be read (missing, a directory, or no \
                 permission)"
            }
            sladd_result::Unscanned => {
                "part of the file could not be read (encrypted, damaged, \
                 format not known or over a limit): not clean"
            }
            sladd_result::Stopped => "a callback stopped the scan",
            sladd_result::Panic => {
                "internal error: sladd panicked (a bug; please report it)"
            }
        }
    }
}

/// Writes a NUL-terminated English description of the result code `code`
/// into `buf`, a buffer of `len` bytes owned by the caller.
///
/// On success, `*out_n` is the length of the message without its NUL.
/// A code that sladd does not know gets a message that says so (and
/// `SLADD_RESULT_OK` is returned).
///
/// Errors:
/// - `SLADD_RESULT_NULL_PARAMETER`: `out_n` is NULL, or `buf` is NULL
///   while `len` is not 0.
/// - `SLADD_RESULT_INSUFFICIENT_SPACE`: `len` is less than the message
///   length plus one; `*out_n` is set to the message length (so a buffer
///   of `*out_n + 1` bytes is enough) and `buf` is left untouched. Call
///   with `buf` NULL and `len` 0 to learn the length.
///
/// Thread safety: may be called from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_result_message(
    code: c_int,
    buf: *mut c_char,
    len: usize,
    out_n: *mut usize,
) -> c_int {
    guard(|| {
        let out_n = ffi::out_ptr(out_n)?;
        let buf = ffi::out_slice(buf.cast::<u8>(), len)?;
        let msg = match sladd_result::from_code(code) {
            Some(r) => r.message(),
            None => "unknown sladd result code",
        };
        let need = msg.len() + 1;
        if need > len {
            out_n.write(msg.len());
            return Err(sladd_result::InsufficientSpace);
        }
        let mut bytes = Vec::with_capacity(need);
        bytes.extend_from_slice(msg.as_bytes());
        bytes.push(0);
        buf.write(&bytes);
        out_n.write(msg.len());
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_stable() {
        let want = [
            0, 5001, 5002, 5101, 5102, 5103, 5104, 5105, 5106, 5107, 5199,
            5201, 5202, 5203, 5901,
        ];
        let got: Vec<c_int> = ALL.iter().map(|r| r.code()).collect();
        assert_eq!(got, want);
        for r in ALL {
            assert_eq!(sladd_result::from_code(r.code()), Some(r));
            assert!(!r.message().is_empty());
        }
    }
}
