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

/// Bit `n` is set when a digit run of length `n` can start a candidate:
/// `DD.MM.YYYY` (2), DUF `YYYY` (4), a split personnummer (5), `DDMMYY`
/// (6), `YYYYMMDD` or `DDMMYYYY` (8), and whole numbers of 10–13 digits.
pub(crate) const STARTS: u16 = 1 << 2
    | 1 << 4
    | 1 << 5
    | 1 << 6
    | 1 << 8
    | 1 << 10
    | 1 << 11
    | 1 << 12
    | 1 << 13;

/// [`Runs::next`] with a fresh `Runs`.
#[cfg(test)]
pub(crate) fn find_run(h: &[u8], from: usize) -> Option<usize> {
    Runs::default().next(h, from)
}

/// Where the search for candidate starts stands in one haystack between
/// calls of [`Runs::next`]: the 64-byte block with candidates last found,
/// the starts in it not yet handed out, and the digit masks of the block
/// after it. A digit-dense block is classified once, not once per visit.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Runs {
    live: bool,
    base: usize,
    cand: u64,
    d: u64,
    next: [u64; 2],
}

impl Runs {
    /// Skips ahead to a digit run that may start a candidate: returns
    /// `Some(q)` with `q >= from` and `h[q]` a start byte, such that no index in
    /// `from..q` holds `0xEF` or starts an ASCII digit run whose length is in
    /// [`STARTS`] and whose surroundings fit the only shapes that start with
    /// such a run:
    ///
    /// - two digits only start `DD.MM.YYYY` + separator + five digits, so the
    ///   bytes at +2 and +5 are dots, a space or hyphen stands at +10 and a
    ///   digit after it;
    /// - four digits only start the grouped DUF-nummer `YYYY NNNNNN NN`: a
    ///   space, then a digit;
    /// - five digits only the personnummer written apart from its birth date,
    ///   right after a number label (`personnummer 00055`), which ends in `r`
    ///   or `t` at most six bytes before.
    ///
    /// Dates, years, postcodes, phone groups and case numbers are mostly such
    /// runs, so this spares the scanner most of its visits. Each condition is
    /// necessary for the shape `Scanner::candidate` (or `Scanner::split`)
    /// reads, never more. `None` when no such index exists. Returning an
    /// earlier `q` is always allowed: the caller re-checks everything at `q`
    /// and calls again from the end of the run.
    ///
    /// A run starts where the byte before is not an ASCII digit (at `from`,
    /// the byte before `from` counts).
    ///
    /// Every call on one `Runs` must pass the same haystack. `from` may move
    /// in any direction; a call from outside the kept block starts afresh.
    #[inline]
    pub(crate) fn next(&mut self, h: &[u8], from: usize) -> Option<usize> {
        #[cfg(all(target_arch = "x86_64", not(miri)))]
        {
            // The next start in the kept block, without a call.
            if self.live && from >= self.base && from - self.base < 64 {
                let left = self.cand & (!0 << (from - self.base));
                if left != 0 {
                    return Some(self.base + left.trailing_zeros() as usize);
                }
            }
            if avx2_available() {
                // SAFETY: AVX2 support was checked at run time just above.
                return unsafe { x86::next_avx2(h, from, self) };
            }
        }
        find(h, from)
    }
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
    unsafe fn digits(p: *const u8) -> [u64; 2] {
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
        [wide(dig(a), dig(b)), wide(eff(a), eff(b))]
    }

    /// A class of bytes that may stand around a short digit run in a
    /// candidate's shape.
    #[derive(Clone, Copy)]
    enum Class {
        /// This byte: `.`, space or `-`.
        Byte(u8),
        /// `0xC2` or `0xE2`, the lead bytes of the no-break space and of
        /// the Unicode spaces and hyphens.
        Lead,
        /// `r`, `R`, `t` or `T`: how number labels end (`nr`, `nummer`,
        /// `nummeret`).
        RorT,
    }

    /// The mask of the bytes in class `c` among the 64 bytes at `p`.
    ///
    /// # Safety
    ///
    /// The CPU must support AVX2 and `p..p + 64` must be readable.
    #[target_feature(enable = "avx2")]
    #[inline]
    unsafe fn class(p: *const u8, c: Class) -> u64 {
        // SAFETY: the caller guarantees 64 readable bytes at `p`.
        let (a, b) = unsafe {
            (
                _mm256_loadu_si256(p.cast()),
                _mm256_loadu_si256(p.add(32).cast()),
            )
        };
        let eq = |v: __m256i, x: u8| {
            _mm256_cmpeq_epi8(v, _mm256_set1_epi8(x as i8))
        };
        let test = |v: __m256i| match c {
            Class::Byte(x) => eq(v, x),
            // 0xC2 and 0xE2 differ only in bit 5.
            Class::Lead => {
                eq(_mm256_and_si256(v, _mm256_set1_epi8(0xDFu8 as i8)), 0xC2)
            }
            Class::RorT => {
                let l = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
                _mm256_or_si256(eq(l, b'r'), eq(l, b't'))
            }
        };
        wide(
            _mm256_movemask_epi8(test(a)) as u32,
            _mm256_movemask_epi8(test(b)) as u32,
        )
    }

    #[inline(always)]
    fn wide(lo: u32, hi: u32) -> u64 {
        u64::from(lo) | u64::from(hi) << 32
    }

    /// A pointer to 64 readable bytes that hold `h[a..]` (after dropping
    /// the returned number of bytes from their start), with zeros past
    /// the end of `h`: zero is in no class. `buf` holds the bytes when `h`
    /// is too short to read 64 bytes from it.
    #[inline(always)]
    fn window(h: &[u8], a: usize, buf: &mut [u8; 64]) -> (*const u8, u32) {
        let n = h.len();
        if a + 64 <= n {
            // `a..a + 64` lies inside `h`.
            (h[a..].as_ptr(), 0)
        } else if n >= 64 && a < n {
            // The last 64 bytes, less those before `a`: the bits past the
            // end come in as zeros.
            (h[n - 64..].as_ptr(), (a - (n - 64)) as u32)
        } else {
            if a < n {
                buf[..n - a].copy_from_slice(&h[a..]);
            }
            (buf.as_ptr(), 0)
        }
    }

    /// [`digits`] of the 64 bytes of `h` at `a`, zeros past the end.
    #[target_feature(enable = "avx2")]
    #[inline]
    fn digits_at(h: &[u8], a: usize) -> [u64; 2] {
        if a >= h.len() {
            return [0; 2];
        }
        let mut buf = [0; 64];
        let (p, back) = window(h, a, &mut buf);
        // SAFETY: AVX2 is enabled; `window` gives 64 readable bytes.
        unsafe { digits(p) }.map(|m| m >> back)
    }

    /// [`class`] of the 64 bytes of `h` at `a`, zeros past the end.
    #[target_feature(enable = "avx2")]
    #[inline]
    fn class_at(h: &[u8], a: usize, c: Class) -> u64 {
        if a >= h.len() {
            return 0;
        }
        let mut buf = [0; 64];
        let (p, back) = window(h, a, &mut buf);
        // SAFETY: AVX2 is enabled; `window` gives 64 readable bytes.
        unsafe { class(p, c) >> back }
    }

    /// [`class`] of the 128 bytes of `h` at `i`; the second 64 only when
    /// `far`, else zeros.
    #[target_feature(enable = "avx2")]
    #[inline]
    fn class128(h: &[u8], i: usize, c: Class, far: bool) -> u128 {
        let lo = class_at(h, i, c);
        let hi = if far { class_at(h, i + 64, c) } else { 0 };
        u128::from(lo) | u128::from(hi) << 64
    }

    /// Bits `k..k + 64` of `x`.
    #[inline(always)]
    fn at(x: u128, k: u32) -> u64 {
        (x >> k) as u64
    }

    // The lengths the masks below let through: 2, 4, 5 and 6 to 13. A
    // length added to `STARTS` must be added there too.
    const _: () =
        assert!(super::STARTS & !(1 << 2 | 1 << 4 | 1 << 5 | 0xFF << 6) == 0);

    /// [`super::Runs::next`] with AVX2.
    ///
    /// Each step takes the digit masks of the 64 bytes at `i` and of the 64
    /// after them, which give every run's start and length. A block with
    /// candidates is kept in `st`, so the next call from inside it reads
    /// the remaining starts from the mask instead of classifying again.
    /// Calling it is unsafe outside AVX2 code: the caller checks the CPU
    /// first.
    #[target_feature(enable = "avx2")]
    pub(super) fn next_avx2(
        h: &[u8],
        from: usize,
        st: &mut super::Runs,
    ) -> Option<usize> {
        let n = h.len();
        let (mut i, mut d, mut e, mut carry);
        if st.live && from >= st.base && from - st.base < 64 {
            let left = st.cand & (!0 << (from - st.base));
            if left != 0 {
                return Some(st.base + left.trailing_zeros() as usize);
            }
            st.live = false;
            i = st.base + 64;
            if i >= n {
                return None;
            }
            [d, e] = st.next;
            carry = st.d >> 63;
        } else {
            st.live = false;
            i = from;
            if i >= n {
                return None;
            }
            // Whether the byte before the block is an ASCII digit.
            carry = u64::from(i > 0 && h[i - 1].is_ascii_digit());
            [d, e] = digits_at(h, i);
        }
        loop {
            let [d2, e2] = digits_at(h, i + 64);
            let cand = if e | e2 != 0 {
                // Fullwidth digits are rare: let the caller read bytes.
                d | e
            } else {
                candidates(h, i, d, d2, carry)
            };
            if cand != 0 {
                *st = super::Runs {
                    live: true,
                    base: i,
                    cand,
                    d,
                    next: [d2, e2],
                };
                return Some(i + cand.trailing_zeros() as usize);
            }
            if i + 64 >= n {
                return None;
            }
            carry = d >> 63;
            (d, e) = (d2, e2);
            i += 64;
        }
    }

    /// The starts of the runs in the block at `i` that may start a
    /// candidate. `d` and `d2` are the digit masks of the block and of the
    /// 64 bytes after it (no `0xEF` in either), `carry` whether a digit
    /// stands right before the block.
    ///
    /// A run of 2, 4 or 5 digits passes only when the bytes around it that
    /// its shape needs are in their classes. Where a multi-byte separator
    /// may stand, either width is accepted, so the masks pass a superset of
    /// what the scanner reads. Bytes are read one at a time only for the
    /// six before the block, when a five-digit run starts it.
    #[target_feature(enable = "avx2")]
    #[inline]
    fn candidates(h: &[u8], i: usize, d: u64, d2: u64, carry: u64) -> u64 {
        let starts = d & !((d << 1) | carry);
        if starts == 0 {
            return 0;
        }
        let dx = u128::from(d) | u128::from(d2) << 64;
        // Bit `s` of `r4` is set when `s..s + 4` are all digits.
        let r2 = dx & dx >> 1;
        let r4 = r2 & r2 >> 2;
        let r8 = r4 & r4 >> 4;
        // Runs of 6 to 13 digits (7 and 9 too: rare, and the scanner turns
        // them away at once).
        let mut cand =
            starts & at(r4, 0) & at(r2, 4) & !(at(r8, 0) & at(r8, 6));
        // Runs of exactly 2, 4 and 5 digits.
        let s2 = starts & at(r2, 0) & !at(dx, 2);
        let s4 = starts & at(r4, 0) & !at(dx, 4);
        let s5 = starts & at(r4, 0) & at(dx, 4) & !at(dx, 5);
        if s2 != 0 {
            // `DD.MM.YYYY`, a separator, a digit: 14 bytes at most.
            let far = s2 >> 50 != 0;
            let dot = class128(h, i, Class::Byte(b'.'), far);
            let s2 = s2 & at(dot, 2) & at(dot, 5);
            if s2 != 0 {
                let sh = class128(h, i, Class::Byte(b' '), far)
                    | class128(h, i, Class::Byte(b'-'), far);
                let ld = class128(h, i, Class::Lead, far);
                cand |= s2
                    & ((at(sh, 10) & at(dx, 11))
                        | (at(ld, 10) & (at(dx, 12) | at(dx, 13))));
            }
        }
        if s4 != 0 {
            // `YYYY`, a space, a digit: 8 bytes at most.
            let far = s4 >> 56 != 0;
            let sp = class128(h, i, Class::Byte(b' '), far);
            let ld = class128(h, i, Class::Lead, far);
            cand |= s4
                & ((at(sp, 4) & at(dx, 5))
                    | (at(ld, 4) & (at(dx, 6) | at(dx, 7))));
        }
        if s5 != 0 {
            // `r` or `t` among the six bytes before: those before the block
            // go in the top bits of the low half.
            let rt = class_at(h, i, Class::RorT);
            let mut before = 0u64;
            if s5 & 0x3F != 0 {
                for k in 1..=6.min(i) {
                    let b = h[i - k] | 0x20;
                    before |= u64::from(b == b'r' || b == b't') << (64 - k);
                }
            }
            let rtw = u128::from(before) | u128::from(rt) << 64;
            let mut near = 0;
            for k in 1..=6 {
                near |= (rtw << k >> 64) as u64;
            }
            cand |= s5 & near;
        }
        cand
    }
}

/// Random text made of the pieces candidates are made of: digit runs of
/// every length, dates, separators (ASCII and multi-byte), number labels,
/// letters, fullwidth digits and other `0xEF` characters, and a few valid
/// identifiers. For tests that compare a fast path with a slow one.
#[cfg(test)]
pub(crate) fn soup(seed: u64, len: usize) -> Vec<u8> {
    const PIECES: &[&str] = &[
        "0",
        "7",
        "12",
        "31",
        "0101",
        "2019",
        "12345",
        "010180",
        "1234567",
        "01011980",
        "1234567890",
        "01018000055",
        "123456789012",
        "1234567890123",
        "99999999999999",
        ".",
        ".",
        " ",
        " ",
        " ",
        "-",
        "+",
        "/",
        ":",
        "\n",
        "a",
        "r",
        "t",
        "R",
        "nr ",
        "nummer ",
        "nummeret: ",
        "fnr. ",
        "cpr ",
        "\u{a0}",
        "\u{2010}",
        "\u{202f}",
        "ø",
        "１",
        "\u{fffd}",
        "01.01.1980 ",
        "01.01.1980",
        "2019 ",
        "010180 00055",
        "01.01.1980 00055",
        "2019 123456 78",
        "født 01.01.1980, personnummer 00055",
        "701063-2391",
        "010594Y9032",
        "19701063-2391",
        "https://x/",
    ];
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = Vec::with_capacity(len + 40);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(
            PIECES[(x >> 33) as usize % PIECES.len()].as_bytes(),
        );
    }
    out
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

    /// The conditions of `find_run` on the bytes around a run of `len`
    /// digits at `q`, one byte at a time. A fullwidth digit moves the
    /// offsets of a dotted date, so a two-digit run with a dot after it
    /// also qualifies when `0xEF` occurs in the next 40 bytes.
    fn follows(h: &[u8], q: usize, len: usize) -> bool {
        let at = |k: usize| h.get(q + k).copied().unwrap_or(0);
        // A space (with `hyphen`, also a hyphen) at `k`, as one ASCII byte
        // or the lead byte of a two-byte no-break space or a three-byte
        // Unicode space or hyphen, and a start byte after it.
        let sep_then_digit = |k: usize, hyphen: bool| {
            let width = match h.get(k) {
                Some(b' ') => 1,
                Some(b'-') if hyphen => 1,
                Some(0xC2) => 2,
                Some(0xE2) => 3,
                _ => return false,
            };
            h.get(k + width).is_some_and(|&b| is_start_byte(b))
        };
        match len {
            2 => {
                at(2) == b'.'
                    && ((at(5) == b'.' && sep_then_digit(q + 10, true))
                        || h.get(q + 3..(q + 40).min(h.len()))
                            .is_some_and(|t| t.contains(&0xEF)))
            }
            4 => sep_then_digit(q + 4, false),
            5 => crate::shape::number_label_before(h, q),
            _ => true,
        }
    }

    /// The exact contract of `find_run`, one byte at a time: the first
    /// qualifying index, ignoring blocks.
    fn run_exact(h: &[u8], from: usize) -> Option<usize> {
        (from..h.len()).find(|&q| {
            if h[q] == 0xEF {
                return true;
            }
            if !h[q].is_ascii_digit() || (q > 0 && h[q - 1].is_ascii_digit()) {
                return false;
            }
            let len = h[q..].iter().take_while(|b| b.is_ascii_digit()).count();
            len < 16 && STARTS >> len & 1 == 1 && follows(h, q, len)
        })
    }

    #[test]
    fn find_run_never_skips_a_qualifying_run() {
        let mut visits = 0;
        for seed in 0..300 {
            // Soups of up to three 64-byte blocks and a little more, so
            // shapes straddle block ends and input ends.
            let h = soup(seed, 1 + (seed as usize * 7) % 220);
            for from in 0..=h.len() {
                let got = find_run(&h, from);
                if let Some(q) = got {
                    assert!(q >= from && is_start_byte(h[q]), "seed {seed}");
                }
                if let Some(w) = run_exact(&h, from) {
                    let q = got.expect("a qualifying run exists");
                    assert!(q <= w, "seed {seed} from {from}: {q} > {w}");
                    visits += 1;
                }
            }
        }
        // The soups do contain qualifying runs of every kind.
        assert!(visits > 10_000, "{visits}");
    }

    /// One `Runs` kept across calls, as a search keeps it, keeps the
    /// contract whether `from` steps on, jumps or goes back. (It may
    /// answer earlier than a fresh one: near a fullwidth digit its block
    /// hands out every digit.)
    #[test]
    fn kept_runs_answer_like_fresh_ones() {
        for seed in 0..300 {
            let h = soup(seed, 1 + (seed as usize * 11) % 400);
            let mut runs = Runs::default();
            let mut from = 0;
            let mut step = seed;
            while from <= h.len() {
                let got = runs.next(&h, from);
                if let Some(q) = got {
                    assert!(q >= from && is_start_byte(h[q]), "seed {seed}");
                }
                if let Some(w) = run_exact(&h, from) {
                    let q = got.expect("a qualifying run exists");
                    assert!(q <= w, "seed {seed} from {from}: {q} > {w}");
                }
                step = step.wrapping_mul(6364136223846793005).wrapping_add(1);
                from = match (step >> 60, got) {
                    (0, _) => from.saturating_sub(5),
                    (1 | 2, _) => from + 70,
                    (_, Some(q)) => q + 1 + (step >> 62) as usize,
                    (_, None) => break,
                };
            }
        }
    }

    /// `find_run` passes a short run exactly when its shape may follow,
    /// wherever it sits in a block: the masks are not looser than they
    /// need to be for the shapes the scanner reads.
    #[test]
    fn find_run_skips_what_cannot_start_a_candidate() {
        // The text, and where in it the run to visit starts.
        let cases: [(&str, Option<usize>); 14] = [
            ("01.01.1980 00055", Some(0)),
            ("01.01.1980\u{a0}00055", Some(0)),
            ("01.01.1980\u{2010}00055", Some(0)),
            ("01.01.1980 | x", None),
            ("01.01.1980", None),
            ("1.1.80 00055", None),
            ("2019 123456 78", Some(0)),
            ("2019\u{a0}123456 78", Some(0)),
            ("2019 Bergen", None),
            ("2019-12 x", None),
            ("personnummer 00055", Some(13)),
            ("pnr.: 00055", Some(6)),
            ("sak 12345", None),
            ("23/12345-6", None),
        ];
        for (text, run) in cases {
            for pad in 0..70 {
                let h = format!("{}{text} ", "x".repeat(pad));
                let got = find_run(h.as_bytes(), 0);
                assert_eq!(got, run.map(|r| pad + r), "{text:?} at {pad}");
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
