//! The panic boundary (after rustls-ffi's `ffi_panic_boundary!`).
//!
//! Since Rust 1.81 a panic that unwinds out of an `extern "C"` function
//! aborts the process. Every entry point therefore runs its body through
//! [`guard`] or [`guard_or`], which catch the panic and return an error
//! code or the entry point's documented fallback value instead.

use core::ffi::c_int;
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::result::sladd_result;

/// Runs `body`; `Ok` becomes `SLADD_RESULT_OK`, `Err(code)` the code, and
/// a panic `SLADD_RESULT_PANIC`.
///
/// `AssertUnwindSafe` is sound here: a body only reads the caller's
/// inputs and writes its outputs as its very last step, so a panic leaves
/// no broken state behind that anyone could observe.
pub(crate) fn guard<F>(body: F) -> c_int
where
    F: FnOnce() -> Result<(), sladd_result>,
{
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => sladd_result::Ok.code(),
        Ok(Err(code)) => code.code(),
        Err(_) => sladd_result::Panic.code(),
    }
}

/// Runs `body`, returning `fallback` if it panics.
pub(crate) fn guard_or<T, F>(fallback: T, body: F) -> T
where
    F: FnOnce() -> T,
{
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_code() {
        // Keep the test output clean: the default hook would print.
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let code = guard(|| panic!("boom"));
        let fallback = guard_or(false, || panic!("boom"));
        std::panic::set_hook(hook);
        assert_eq!(code, sladd_result::Panic.code());
        assert!(!fallback);
        assert_eq!(guard(|| Ok(())), 0);
        assert_eq!(
            guard(|| Err(sladd_result::NullParameter)),
            sladd_result::NullParameter.code()
        );
    }
}
