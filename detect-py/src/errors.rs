//! The exceptions of `sladd`, and the panic guard.
//!
//! Every error raised for a bad argument is a `ValueError` subclass, so
//! `except ValueError` catches it, and its message starts with the name
//! of the argument at fault:
//!
//! ```text
//! ValueError
//!  └── SladdError
//!       ├── BuildError            bad Scanner(...) option
//!       │    └── UnknownKindError  unknown kind name (also from validate)
//!       └── UnknownStyleError     unknown redaction style
//! ```
//!
//! A panic inside Rust never unwinds into Python: [`guard`] catches it and
//! raises `RuntimeError` instead.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::{PyErr, create_exception};

create_exception!(
    sladd._sladd,
    SladdError,
    PyValueError,
    "Base class of every error sladd raises for a bad argument; a \
     ValueError."
);
create_exception!(
    sladd._sladd,
    BuildError,
    SladdError,
    "A Scanner option is invalid: an unknown country or confidence level, \
     a bad context window or reference date, or kinds and countries that \
     leave nothing to detect. The message names the argument at fault."
);
create_exception!(
    sladd._sladd,
    UnknownKindError,
    BuildError,
    "A kind name that sladd does not know, given to Scanner(kinds=...) or \
     validate(). The message lists the known kinds."
);
create_exception!(
    sladd._sladd,
    UnknownStyleError,
    SladdError,
    "A redaction style other than 'mask', 'label' or 'keep_birthdate'."
);

/// Maps a detect-core build error to its exception, prefixed with the
/// argument it concerns.
pub(crate) fn build_error(e: &detect_core::BuildError) -> PyErr {
    use detect_core::BuildError as E;
    match e {
        E::UnknownKind(_) => UnknownKindError::new_err(format!("kinds: {e}")),
        E::UnknownCountry(_) => BuildError::new_err(format!("countries: {e}")),
        E::UnknownConfidence(_) => {
            BuildError::new_err(format!("min_confidence: {e}"))
        }
        E::InvalidDate(_) => {
            BuildError::new_err(format!("reference_date: {e}"))
        }
        E::ZeroWindow { .. } | E::WindowTooLarge { .. } => {
            BuildError::new_err(format!("context_window: {e}"))
        }
        E::NoKinds => BuildError::new_err(format!("kinds/countries: {e}")),
        E::NotSensitive(_) => {
            UnknownKindError::new_err(format!("sensitive_terms: {e}"))
        }
        E::BadListEntry(_) => BuildError::new_err(format!(
            "known_names/sensitive_terms/allow: {e}"
        )),
        _ => BuildError::new_err(e.to_string()),
    }
}

/// Runs `f`, turning a panic into a `RuntimeError`.
pub(crate) fn guard<T>(f: impl FnOnce() -> T) -> Result<T, PyErr> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| panic_error(&*p))
}

/// The `RuntimeError` for a caught panic payload.
pub(crate) fn panic_error(payload: &(dyn std::any::Any + Send)) -> PyErr {
    let msg = if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    };
    PyRuntimeError::new_err(format!(
        "internal error in sladd (please report it): {msg}"
    ))
}
