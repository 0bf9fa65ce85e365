//! Finding candidate starts: the one pass over memory.
//!
//! Every identifier sladd knows starts with a digit, and prose is mostly not
//! digits, so the scanner's only per-byte work is finding the next byte that
//! is an ASCII digit or `0xEF` (the lead byte of a fullwidth digit,
//! U+FF10–U+FF19). On x86-64 that is a vector compare over 64 bytes at a
//! time (SSE2 is part of the x86-64 baseline; AVX2 is used when the CPU has
//! it); elsewhere, and under Miri, a plain loop.
//!
//! This module holds sladd's only `unsafe` code for the hot path: the SIMD
//! loads. Each block says why it is sound; the test at the bottom checks the
//! vector paths against the scalar one at every offset and length.

/// Whether `b` can start a candidate.
#[inline(always)]
pub(crate) fn is_start_byte(b: u8) -> bool {
    b.wrapping_sub(b'0') < 10 || b == 0xEF
}

/// The first index `i >= from` where `is_start_byte(h[i])`, if any: the
/// fallback of [`find_run`] where AVX2 is missing.
#[inline]
pub(crate) fn find(h: &[u8], from: usize) -> Option<usize> {
    if from >= h.len() {
        return None;
    }
    #[cfg(all(target_arch = "x86_64", not(miri)))]
    {
        x86::find_sse2(h, from)
    }
    #[cfg(not(all(target_arch = "x86_64", not(miri))))]
    {
        find_scalar(h, from)
    }
}

/// Skips ahead to a digit run that may start a candidate: returns `Some(q)`
/// with `q >= from`, `h[q]` a start byte, and no index in `from..q` that
/// starts an ASCII digit run whose length has its bit set in `starts` and
/// whose surroundings pass [`follows`], holds `0xEF`, or starts a run that
/// touches `0xEF`. `None` when no such index exists.
///
/// A run starts where the byte before is not an ASCII digit (at `from`, the
/// byte before `from` counts). The caller re-checks everything at `q`;
/// this only saves it from visiting runs that cannot matter, using the
/// digit bit mask of each 64-byte block without re-reading the bytes.
#[inline]
pub(crate) fn find_run(h: &[u8], from: usize, starts: u64) -> Option<usize> {
    #[cfg(all(target_arch = "x86_64", not(miri)))]
    {
        if avx2_available() {
            // SAFETY: AVX2 support was checked at run time just above.
            return unsafe { x86::find_run_avx2(h, from, starts) };
        }
    }
    let _ = starts;
    find(h, from)
}

/// Whether the bytes around a digit run of `len` digits at `q` fit the
/// only shapes that start with such a run:
///
/// - two digits only start `DD.MM.YYYY` + separator + five digits;
/// - four digits only the grouped DUF-nummer `YYYY NNNNNN NN`;
/// - five digits only the personnummer written apart from its birth date,
///   right after a number label (`personnummer 00055`).
///
/// Dates, years, postcodes, phone groups and case numbers are mostly such
/// runs, so this spares the scanner most of its visits. Each test is a
/// necessary condition of the shape `Scanner::candidate` (or
/// `Scanner::split`) reads, never more.
///
/// A fullwidth digit moves the offsets of a dotted date, so a two-digit
/// run with a dot after it also passes when `0xEF` occurs in the next 40
/// bytes. The caller promises that `h[q..clear]` holds no `0xEF`, so only
/// the bytes from `clear` on are searched.
#[inline(always)]
pub(crate) fn follows(h: &[u8], q: usize, len: usize, clear: usize) -> bool {
    let at = |k: usize| h.get(q + k).copied().unwrap_or(0);
    match len {
        2 => {
            at(2) == b'.'
                && ((at(5) == b'.' && sep_then_digit(h, q + 10, true))
                    || h.get((q + 3).max(clear)..(q + 40).min(h.len()))
                        .is_some_and(|t| t.contains(&0xEF)))
        }
        4 => sep_then_digit(h, q + 4, false),
        5 => crate::shape::number_label_before(h, q),
        _ => true,
    }
}

/// Whether a space (with `hyphen`, also a hyphen) starts at `k`, and a
/// digit (ASCII, or the lead byte of a fullwidth one) follows it. The
/// separators are those of `shape::sep_at`: one ASCII byte, or the lead
/// byte of a two-byte no-break space or a three-byte Unicode space or
/// hyphen; the bytes between are checked by the caller's full read.
#[inline(always)]
fn sep_then_digit(h: &[u8], k: usize, hyphen: bool) -> bool {
    let width = match h.get(k) {
        Some(b' ') => 1,
        Some(b'-') if hyphen => 1,
        Some(0xC2) => 2,
        Some(0xE2) => 3,
        _ => return false,
    };
    h.get(k + width).is_some_and(|&b| is_start_byte(b))
}

/// The reference: one byte at a time.
#[inline]
pub(crate) fn find_scalar(h: &[u8], from: usize) -> Option<usize> {
    h.get(from..)?.iter().position(|&b| is_start_byte(b)).map(|i| i + from)
}

#[cfg(all(target_arch = "x86_64", not(miri)))]
#[inline]
fn avx2_available() -> bool {
    // `is_x86_feature_detected!` caches its answer in an atomic.
    std::is_x86_feature_detected!("avx2")
}

#[cfg(all(target_arch = "x86_64", not(miri)))]
mod x86 {
    use core::arch::x86_64::*;

    /// SSE2, 16 bytes per compare, 64 bytes per loop.
    #[inline]
    pub(super) fn find_sse2(h: &[u8], from: usize) -> Option<usize> {
        let n = h.len();
        let mut i = from;
        // SAFETY: SSE2 is part of the x86-64 baseline, so the intrinsics
        // are always available. Every load reads 16 bytes at `i + k` with
        // `i + k + 16 <= n`, checked by the loop conditions, so no load
        // leaves `h`. `_mm_loadu_si128` has no alignment requirement.
        unsafe {
            let p = h.as_ptr();
            let bias = _mm_set1_epi8(0x50); // '0' + 0x50 = 0x80 (i8::MIN)
            let limit = _mm_set1_epi8(-118); // '9' + 0x50 = 0x89 = -119
            let ef = _mm_set1_epi8(0xEFu8 as i8);
            let class = |v: __m128i| {
                let t = _mm_add_epi8(v, bias);
                _mm_or_si128(_mm_cmplt_epi8(t, limit), _mm_cmpeq_epi8(v, ef))
            };
            while i + 64 <= n {
                let a = class(_mm_loadu_si128(p.add(i).cast()));
                let b = class(_mm_loadu_si128(p.add(i + 16).cast()));
                let c = class(_mm_loadu_si128(p.add(i + 32).cast()));
                let d = class(_mm_loadu_si128(p.add(i + 48).cast()));
                let any = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
                if _mm_movemask_epi8(any) != 0 {
                    for (k, v) in [a, b, c, d].into_iter().enumerate() {
                        let m = _mm_movemask_epi8(v) as u32;
                        if m != 0 {
                            return Some(
                                i + 16 * k + m.trailing_zeros() as usize,
                            );
                        }
                    }
                }
                i += 64;
            }
            while i + 16 <= n {
                let m =
                    _mm_movemask_epi8(class(_mm_loadu_si128(p.add(i).cast())))
                        as u32;
                if m != 0 {
                    return Some(i + m.trailing_zeros() as usize);
                }
                i += 16;
            }
        }
        super::find_scalar(h, i)
    }

    /// The digit and `0xEF` masks of the 64 bytes at `p`.
    ///
    /// # Safety
    ///
    /// The CPU must support AVX2 and `p..p + 64` must be readable.
    #[target_feature(enable = "avx2")]
    #[inline]
    unsafe fn masks64(p: *const u8) -> (u64, u64) {
        let bias = _mm256_set1_epi8(0x50);
        let limit = _mm256_set1_epi8(-118);
        let ef = _mm256_set1_epi8(0xEFu8 as i8);
        // SAFETY: the caller guarantees 64 readable bytes at `p`.
        let (a, b) = unsafe {
            (
                _mm256_loadu_si256(p.cast()),
                _mm256_loadu_si256(p.add(32).cast()),
            )
        };
        let dig = |v: __m256i| {
            _mm256_movemask_epi8(_mm256_cmpgt_epi8(
                limit,
                _mm256_add_epi8(v, bias),
            )) as u32
        };
        let eff =
            |v: __m256i| _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, ef)) as u32;
        let d = u64::from(dig(a)) | (u64::from(dig(b)) << 32);
        let e = u64::from(eff(a)) | (u64::from(eff(b)) << 32);
        (d, e)
    }

    /// [`super::find_run`] with AVX2.
    ///
    /// # Safety
    ///
    /// The CPU must support AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn find_run_avx2(
        h: &[u8],
        from: usize,
        starts: u64,
    ) -> Option<usize> {
        let n = h.len();
        let mut i = from;
        // Whether the byte before the block is an ASCII digit.
        let mut carry = u64::from(i > 0 && h[i - 1].is_ascii_digit());
        while i + 64 <= n {
            // SAFETY: AVX2 is enabled on this function; `i + 64 <= n`.
            let (d, e) = unsafe { masks64(h.as_ptr().add(i)) };
            if e != 0 {
                // Fullwidth digits are rare: let the caller read bytes.
                return Some(i + (d | e).trailing_zeros() as usize);
            }
            if let Some(q) = first_run(h, i, d, carry, starts, i + 64) {
                return Some(q);
            }
            carry = d >> 63;
            i += 64;
        }
        if i >= n {
            return None;
        }
        // The tail, shorter than a block. With 64 bytes or more in all,
        // classify the last 64 bytes and shift away those already seen;
        // otherwise a zero-padded copy. Either way the bits past the end
        // are zero, and zero is not a start byte, so runs end where the
        // input ends.
        let (d, e) = if n >= 64 {
            let seen = i - (n - 64);
            // SAFETY: AVX2 is enabled on this function; `n - 64..n` lies
            // inside `h`.
            let (d, e) = unsafe { masks64(h.as_ptr().add(n - 64)) };
            (d >> seen, e >> seen)
        } else {
            let mut buf = [0u8; 64];
            buf[..n - i].copy_from_slice(&h[i..]);
            // SAFETY: AVX2 is enabled on this function; `buf` has 64 bytes.
            unsafe { masks64(buf.as_ptr()) }
        };
        if e != 0 {
            return Some(i + (d | e).trailing_zeros() as usize);
        }
        first_run(h, i, d, carry, starts, n)
    }

    /// The first run start in the block at `i` (digit mask `d`, no `0xEF`)
    /// that may matter. The block ends at `end`: `i + 64`, where a run
    /// reaching the end may go on, or the end of the input.
    #[inline(always)]
    fn first_run(
        h: &[u8],
        i: usize,
        d: u64,
        carry: u64,
        starts: u64,
        end: usize,
    ) -> Option<usize> {
        let open_end = end < h.len();
        let mut run_starts = d & !((d << 1) | carry);
        while run_starts != 0 {
            let pos = run_starts.trailing_zeros();
            let len = (d >> pos).trailing_ones();
            let q = i + pos as usize;
            if (open_end && pos + len == 64)
                || (len < 64
                    && starts >> len & 1 == 1
                    && super::follows(h, q, len as usize, end))
            {
                return Some(q);
            }
            run_starts &= run_starts - 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vector_paths_agree_with_scalar() {
        // A haystack of letters with start bytes sprinkled at known places,
        // searched from every offset, covers the 64-, 16- and 1-byte loops.
        for len in [0usize, 1, 15, 16, 17, 63, 64, 65, 130, 300] {
            for &(pos, byte) in &[
                (0usize, b'0'),
                (len / 2, b'9'),
                (len.saturating_sub(1), 0xEF),
            ] {
                let mut h = vec![b'a'; len];
                // Bytes either side of the digit range must not match.
                for (i, b) in h.iter_mut().enumerate() {
                    *b = [b'a', b'/', b':', 0xC3, 0xB8, 0xEE, 0xF0][i % 7];
                }
                if pos < len {
                    h[pos] = byte;
                }
                for from in 0..=len {
                    assert_eq!(
                        find(&h, from),
                        find_scalar(&h, from),
                        "len {len} pos {pos} from {from}"
                    );
                }
            }
        }
    }

    /// The exact contract of `find_run`, one byte at a time: the first
    /// qualifying index, ignoring blocks.
    fn run_exact(h: &[u8], from: usize, starts: u64) -> Option<usize> {
        (from..h.len()).find(|&q| {
            if h[q] == 0xEF {
                return true;
            }
            if !h[q].is_ascii_digit() || (q > 0 && h[q - 1].is_ascii_digit()) {
                return false;
            }
            let len = h[q..].iter().take_while(|b| b.is_ascii_digit()).count();
            let next = h.get(q + len).copied();
            (len < 64 && starts >> len & 1 == 1 && follows(h, q, len, q))
                || next == Some(0xEF)
        })
    }

    #[test]
    fn find_run_never_skips_a_qualifying_run() {
        let starts: u64 =
            1 << 2 | 1 << 4 | 1 << 5 | 1 << 6 | 1 << 10 | 1 << 11;
        let mut x: u64 = 7;
        let alphabet = [b'0', b'7', b'9', b' ', b'-', b'.', b'a', 0xEF, 0xC3];
        for len in [0usize, 5, 63, 64, 65, 128, 200, 700] {
            for round in 0..40 {
                let h: Vec<u8> = (0..len)
                    .map(|_| {
                        x = x
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1);
                        let k = (x >> 59) as usize % alphabet.len();
                        // Mostly digits and spaces; 0xEF only in some rounds.
                        if alphabet[k] == 0xEF && round % 4 != 0 {
                            b'5'
                        } else {
                            alphabet[k]
                        }
                    })
                    .collect();
                for from in (0..=len).step_by(7) {
                    let got = find_run(&h, from, starts);
                    let want = run_exact(&h, from, starts);
                    if let Some(w) = want {
                        let q = got.expect("a qualifying run exists");
                        assert!(q >= from && q <= w, "{q} {w} from {from}");
                        assert!(is_start_byte(h[q]));
                    }
                    if let Some(q) = got {
                        assert!(q >= from && is_start_byte(h[q]));
                    }
                }
            }
        }
    }

    #[test]
    fn classifies_exactly_digits_and_ef() {
        for b in 0..=255u8 {
            let want = b.is_ascii_digit() || b == 0xEF;
            assert_eq!(is_start_byte(b), want, "{b:#x}");
            let h = [b; 80];
            assert_eq!(find(&h, 0).is_some(), want, "{b:#x}");
        }
    }
}
