//! The pointer helpers: every `unsafe` block of the crate is here.
//!
//! The entry points never touch a raw pointer themselves. They pass the C
//! caller's pointers to these helpers, which check for NULL and turn them
//! into references, slices or write-once outputs. Each helper relies on
//! the promise that `sladd.h` asks of every C caller:
//!
//! * a non-NULL pointer argument points to a valid, properly aligned,
//!   initialised value of its type (for a buffer: `len` or `cap` elements)
//!   that stays valid for the whole call;
//! * memory that sladd reads is not written by anyone during the call;
//! * a scanner handle came from `sladd_scanner_new` and has not been
//!   freed; `sladd_scanner_free` is called once per handle, when no other
//!   thread uses it.
//!
//! Outputs are written through [`Out`] and [`OutSlice`], which an entry
//! point uses only once it knows it will succeed, so that nothing is
//! half-written on an error.

use core::ffi::{CStr, c_char};
use core::ptr::{self, NonNull};

use crate::result::sladd_result;

/// A shared reference for a non-NULL `p`, `None` for NULL.
pub(crate) fn opt_ref<'a, T>(p: *const T) -> Option<&'a T> {
    // SAFETY: `as_ref` returns `None` for NULL; a non-NULL pointer argument
    // points to a valid, aligned `T` that nobody writes during the call
    // (the caller's promise, see the module docs). The reference does not
    // outlive the entry point that asked for it.
    unsafe { p.as_ref() }
}

/// A shared reference, or `SLADD_RESULT_NULL_PARAMETER` for NULL.
pub(crate) fn try_ref<'a, T>(p: *const T) -> Result<&'a T, sladd_result> {
    opt_ref(p).ok_or(sladd_result::NullParameter)
}

/// The `len` bytes at `p`. NULL is accepted only when `len` is 0 (an
/// empty input); otherwise it is `SLADD_RESULT_NULL_PARAMETER`.
pub(crate) fn bytes<'a>(
    p: *const u8,
    len: usize,
) -> Result<&'a [u8], sladd_result> {
    if len == 0 {
        return Ok(&[]);
    }
    if p.is_null() {
        return Err(sladd_result::NullParameter);
    }
    // SAFETY: `p` is not NULL and, by the caller's promise, points to
    // `len` readable bytes of one object (so `len <= isize::MAX`) that
    // nobody writes during the call. The slice does not outlive the call.
    Ok(unsafe { core::slice::from_raw_parts(p, len) })
}

/// The NUL-terminated string at `p`, `None` for NULL.
pub(crate) fn opt_cstr<'a>(p: *const c_char) -> Option<&'a CStr> {
    if p.is_null() {
        return None;
    }
    // SAFETY: `p` is not NULL and, by the caller's promise, points to a
    // NUL-terminated string that nobody writes during the call.
    Some(unsafe { CStr::from_ptr(p) })
}

/// A checked, non-NULL output pointer, written at most once.
pub(crate) struct Out<T>(NonNull<T>);

/// Checks an output pointer: `SLADD_RESULT_NULL_PARAMETER` for NULL.
pub(crate) fn out_ptr<T>(p: *mut T) -> Result<Out<T>, sladd_result> {
    NonNull::new(p).map(Out).ok_or(sladd_result::NullParameter)
}

/// Checks an optional output pointer: `None` for NULL.
pub(crate) fn opt_out<T>(p: *mut T) -> Option<Out<T>> {
    NonNull::new(p).map(Out)
}

impl<T: Copy> Out<T> {
    /// Stores `v` (the previous contents are not read or dropped).
    pub(crate) fn write(self, v: T) {
        // SAFETY: the pointer is not NULL (checked by `out_ptr`) and, by
        // the caller's promise, valid and aligned for a write of `T`.
        // `T: Copy`, so overwriting without dropping leaks nothing.
        unsafe { self.0.as_ptr().write(v) }
    }
}

/// A checked output buffer of `cap` elements owned by the caller.
pub(crate) struct OutSlice<T> {
    ptr: *mut T,
    cap: usize,
}

/// Checks an output buffer: NULL is accepted only when `cap` is 0,
/// otherwise it is `SLADD_RESULT_NULL_PARAMETER`.
pub(crate) fn out_slice<T>(
    p: *mut T,
    cap: usize,
) -> Result<OutSlice<T>, sladd_result> {
    if cap != 0 && p.is_null() {
        return Err(sladd_result::NullParameter);
    }
    Ok(OutSlice { ptr: p, cap })
}

impl<T: Copy> OutSlice<T> {
    /// Copies `src` to the start of the buffer.
    ///
    /// # Panics
    ///
    /// If `src` is longer than the buffer (a bug in the caller of this
    /// helper: the entry points check the size first).
    pub(crate) fn write(self, src: &[T]) {
        assert!(src.len() <= self.cap, "output larger than its buffer");
        if src.is_empty() {
            return;
        }
        // SAFETY: `src.len() <= cap` and the buffer is not NULL (`cap` is
        // not 0, checked by `out_slice`); by the caller's promise it has
        // room for `cap` elements. `src` is sladd's own memory, never the
        // caller's, and `ptr::copy` is a memmove, so an output buffer that
        // overlaps the caller's input (in-place redaction) is fine as
        // long as the input is no longer read, which the entry points
        // guarantee by finishing with the input before they write.
        unsafe { ptr::copy(src.as_ptr(), self.ptr, src.len()) }
    }
}

/// Moves `value` to the heap and hands ownership to the C caller.
pub(crate) fn into_raw<T>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// Takes back and drops a value made by [`into_raw`]; NULL is a no-op.
pub(crate) fn free<T>(p: *mut T) {
    if p.is_null() {
        return;
    }
    // SAFETY: by the caller's promise, `p` came from `into_raw::<T>` (via
    // the matching `_new` function), has not been freed before, and no
    // other thread uses it any more.
    drop(unsafe { Box::from_raw(p) })
}
