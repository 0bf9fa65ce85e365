//! Finding candidate starts: the one pass over memory.
//!
//! Every identifier sladd knows starts with a digit, and prose is mostly not
//! digits, so the scanner's per-byte work is classifying bytes. On x86-64
//! with AVX2, 64 bytes at a time: a quick compare finds the digits (and
//! `0xEF`, the lead byte of a fullwidth digit, U+FF10–U+FF19); a block with
//! digits is then sorted into the classes a candidate's shape is made of
//! (digit, dot, space, hyphen or plus, the lead bytes of multi-byte spaces
//! and hyphens, the last letters of number labels) by two nibble-table
//! lookups. From those bit masks, shifts and ANDs tell which digit runs
//! have a length and surroundings that can start an identifier, so dates,
//! years, postcodes, amounts and case numbers are passed over without a
//! byte being read again. Without AVX2 (SSE2 is the x86-64 baseline) and
//! elsewhere, and under Miri, the scanner visits every digit run instead.
//!
//! This module and `text/skip.rs` (the terms pass's filter) hold sladd's
//! only `unsafe` code for the hot path: the SIMD loads. Each block says
//! why it is sound; the tests at the bottom check
//! the vector paths against byte-at-a-time references, and the scanner's
//! tests check the whole search against one that visits every digit.

/// Whether `b` can start a candidate.
#[inline(always)]
pub(crate) fn is_start_byte(b: u8) -> bool {
    b.wrapping_sub(b'0') < 10 || b == 0xEF
}

/// The first index `i >= from` where `is_start_byte(h[i])`, if any: the
/// fallback of [`Runs::next`] where AVX2 is missing.
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

/// Whether four ASCII digits can be the `DDMM` of a Norwegian number
/// (docs/rules.md §1): a day 01–31, or 41–71 for a D-nummer; a month
/// 01–12, or shifted by 40 (H-nummer, NAV), 65 (Norsk Helsenett) or 80
/// (Tenor). What the account's groupings `DDMM YY NNNNN` need before they
/// are read (§6.2).
#[inline]
pub(crate) fn ddmm_plausible(d: &[u8]) -> bool {
    let n = |i: usize| d[i].wrapping_sub(b'0');
    let day = n(0) * 10 + n(1);
    let month = n(2) * 10 + n(3);
    matches!(day, 1..=31 | 41..=71)
        && matches!(month, 1..=12 | 41..=52 | 66..=77 | 81..=92)
}

/// [`Runs::next`] with a fresh `Runs`.
#[cfg(test)]
pub(crate) fn find_run(h: &[u8], from: usize) -> Option<usize> {
    Runs::default().next(h, from)
}

/// Where the search for candidate starts stands in one haystack between
/// calls of [`Runs::next`]: the 64-byte block with candidates last found,
/// the starts in it not yet handed out, and the class masks of that block
/// and of the one after it. A digit-dense block is classified once, not
/// once per visit.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Runs {
    live: bool,
    base: usize,
    cand: u64,
    #[cfg(all(target_arch = "x86_64", not(miri)))]
    this: x86::Masks,
    #[cfg(all(target_arch = "x86_64", not(miri)))]
    next: x86::Masks,
}

impl Runs {
    /// Skips ahead to a digit run that may start a candidate: returns
    /// `Some(q)` with `q >= from` and `h[q]` a start byte, such that no
    /// index in `from..q` holds `0xEF` or starts an ASCII digit run whose
    /// length is in [`STARTS`] and whose surroundings fit the only shapes
    /// that start with such a run:
    ///
    /// - two digits only start `DD.MM.YYYY` + separator + five digits, so
    ///   the bytes at +2 and +5 are dots, a space or hyphen stands at +10
    ///   and a digit after it;
    /// - four digits only start the grouped DUF-nummer `YYYY NNNNNN NN`
    ///   (a space, then six digits) or a fødselsnummer in an account's
    ///   grouping, `DDMM YY NNNNN` or `DDMM.YY.NNNNN` (a space or dot,
    ///   then exactly two digits and a space or dot, and the four digits
    ///   a plausible `DDMM`, [`ddmm_plausible`]);
    /// - five digits only the personnummer written apart from its birth
    ///   date, right after a number label (`personnummer 00055`), which
    ///   ends in `r` or `t` at most six bytes before;
    /// - eight digits only `YYYYMMDD` or `DDMMYYYY`, a separator (not a
    ///   dot), then four or five digits.
    ///
    /// Dates, years, postcodes, phone groups and case numbers are mostly
    /// such runs, so this spares the scanner most of its visits. Each
    /// condition is necessary for the shape `Scanner::candidate` (or
    /// `Scanner::split`) reads, never more. `None` when no such index
    /// exists. Returning an earlier `q` is always allowed: the caller
    /// re-checks everything at `q` and calls again from the end of the run.
    ///
    /// A run starts where the byte before is not an ASCII digit (at `from`,
    /// the byte before `from` counts).
    ///
    /// Every call on one `Runs` must pass the same haystack. `from` may
    /// move in any direction; a call from outside the kept block starts
    /// afresh.
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

    /// The classes of bytes the search tells apart, one bit each in the
    /// byte [`classify`] computes, and one `u64` mask each in [`Masks`].
    /// Each class is a set of high nibbles times a set of low nibbles, so
    /// two table lookups and an AND classify a byte.
    mod class {
        /// `0`–`9`.
        pub(super) const DIGIT: u8 = 1 << 7;
        /// `0xEF`, the lead byte of a fullwidth digit.
        pub(super) const EF: u8 = 1 << 6;
        /// `.`
        pub(super) const DOT: u8 = 1 << 5;
        /// A space.
        pub(super) const SPACE: u8 = 1 << 4;
        /// `-` or `+`.
        pub(super) const SIGN: u8 = 1 << 3;
        /// `0xC2` or `0xE2`, the lead bytes of the no-break space and of
        /// the Unicode spaces and hyphens.
        pub(super) const LEAD: u8 = 1 << 2;
        /// `r`, `R`, `t` or `T`: how number labels end (`nr`, `nummer`,
        /// `nummeret`).
        pub(super) const RT: u8 = 1 << 1;

        /// The classes each low nibble may belong to.
        pub(super) const LOW: [u8; 16] = {
            let mut t = [0; 16];
            let mut k = 0;
            while k < 10 {
                t[k] = DIGIT;
                k += 1;
            }
            t[0x0] |= SPACE;
            t[0x2] |= LEAD | RT;
            t[0x4] |= RT;
            t[0xB] |= SIGN;
            t[0xD] |= SIGN;
            t[0xE] |= DOT;
            t[0xF] |= EF;
            t
        };

        /// The classes each high nibble may belong to.
        pub(super) const HIGH: [u8; 16] = {
            let mut t = [0; 16];
            t[0x2] = SPACE | SIGN | DOT;
            t[0x3] = DIGIT;
            t[0x5] = RT;
            t[0x7] = RT;
            t[0xC] = LEAD;
            t[0xE] = LEAD | EF;
            t
        };

        /// The classes of `b`, one byte at a time.
        #[cfg(test)]
        pub(super) fn of(b: u8) -> u8 {
            LOW[usize::from(b & 15)] & HIGH[usize::from(b >> 4)]
        }
    }

    /// One mask per class over 64 bytes: bit `k` for the byte at `k`.
    #[derive(Clone, Copy, Debug, Default)]
    pub(super) struct Masks {
        digit: u64,
        ef: u64,
        dot: u64,
        space: u64,
        sign: u64,
        lead: u64,
        rt: u64,
    }

    impl Masks {
        fn shr(self, k: u32) -> Masks {
            Masks {
                digit: self.digit >> k,
                ef: self.ef >> k,
                dot: self.dot >> k,
                space: self.space >> k,
                sign: self.sign >> k,
                lead: self.lead >> k,
                rt: self.rt >> k,
            }
        }
    }

    /// The class masks of the 64 bytes at `p`.
    ///
    /// # Safety
    ///
    /// The CPU must support AVX2 and `p..p + 64` must be readable.
    #[target_feature(enable = "avx2")]
    #[inline]
    unsafe fn classify(p: *const u8) -> Masks {
        // SAFETY: the caller guarantees 64 readable bytes at `p`.
        let (a, b) = unsafe {
            (
                _mm256_loadu_si256(p.cast()),
                _mm256_loadu_si256(p.add(32).cast()),
            )
        };
        let table = |t: [u8; 16]| {
            let x = i128::from_le_bytes(t);
            let x = _mm_set_epi64x((x >> 64) as i64, x as i64);
            _mm256_broadcastsi128_si256(x)
        };
        let (low, high) = (table(class::LOW), table(class::HIGH));
        let nib = _mm256_set1_epi8(0x0F);
        // `vpshufb` reads the low four bits of each index byte (its high
        // bit is clear here), within each 16-byte lane.
        let classes = |v: __m256i| {
            let lo = _mm256_and_si256(v, nib);
            let hi = _mm256_and_si256(_mm256_srli_epi16::<4>(v), nib);
            _mm256_and_si256(
                _mm256_shuffle_epi8(low, lo),
                _mm256_shuffle_epi8(high, hi),
            )
        };
        let (ca, cb) = (classes(a), classes(b));
        // Bit 7 - K of each byte moved to its top bit, then gathered.
        macro_rules! mask {
            ($k:literal) => {
                u64::from(
                    _mm256_movemask_epi8(_mm256_slli_epi16::<$k>(ca)) as u32
                ) | u64::from(
                    _mm256_movemask_epi8(_mm256_slli_epi16::<$k>(cb)) as u32,
                ) << 32
            };
        }
        const _: () = assert!(
            class::DIGIT == 1 << 7
                && class::EF == 1 << 6
                && class::DOT == 1 << 5
                && class::SPACE == 1 << 4
                && class::SIGN == 1 << 3
                && class::LEAD == 1 << 2
                && class::RT == 1 << 1
        );
        Masks {
            digit: mask!(0),
            ef: mask!(1),
            dot: mask!(2),
            space: mask!(3),
            sign: mask!(4),
            lead: mask!(5),
            rt: mask!(6),
        }
    }

    /// [`classify`] of the 64 bytes of `h` at `a`: masks past the end of
    /// `h` are zero. `h` has at least 64 bytes. Always inlined (which a
    /// `target_feature` function cannot be), so its masks stay in
    /// registers.
    ///
    /// # Safety
    ///
    /// The CPU must support AVX2.
    #[inline(always)]
    unsafe fn classify_at(h: &[u8], a: usize) -> Masks {
        let n = h.len();
        assert!(n >= 64);
        if a + 64 <= n {
            // SAFETY: the caller promises AVX2; `a..a + 64` lies in `h`.
            unsafe { classify(h[a..].as_ptr()) }
        } else if a < n {
            // The last 64 bytes, less those before `a`: the bits past the
            // end come in as zeros.
            // SAFETY: the caller promises AVX2; `n - 64..n` lies in `h`.
            unsafe { classify(h[n - 64..].as_ptr()) }
                .shr((a - (n - 64)) as u32)
        } else {
            Masks::default()
        }
    }

    /// Bits `k..k + 64` of `x`.
    #[inline(always)]
    fn at(x: u128, k: u32) -> u64 {
        (x >> k) as u64
    }

    /// The 128-bit mask of the block and the 64 bytes after it.
    #[inline(always)]
    fn w(lo: u64, hi: u64) -> u128 {
        u128::from(lo) | u128::from(hi) << 64
    }

    // The lengths the masks below let through: 2, 4, 5 and 6 to 13. A
    // length added to `STARTS` must be added there too.
    const _: () =
        assert!(super::STARTS & !(1 << 2 | 1 << 4 | 1 << 5 | 0xFF << 6) == 0);

    /// The digit and `0xEF` masks of the 64 bytes at `p`: the quick look
    /// that tells whether a block needs [`classify`] at all.
    ///
    /// # Safety
    ///
    /// The CPU must support AVX2 and `p..p + 64` must be readable.
    #[target_feature(enable = "avx2")]
    #[inline]
    unsafe fn digits(p: *const u8) -> (u64, u64) {
        // SAFETY: the caller guarantees 64 readable bytes at `p`.
        let (a, b) = unsafe {
            (
                _mm256_loadu_si256(p.cast()),
                _mm256_loadu_si256(p.add(32).cast()),
            )
        };
        // '0' + 0x50 = 0x80 (i8::MIN), '9' + 0x50 = 0x89.
        let bias = _mm256_set1_epi8(0x50);
        let limit = _mm256_set1_epi8(-118);
        let ef = _mm256_set1_epi8(0xEFu8 as i8);
        let dig = |v: __m256i| {
            _mm256_movemask_epi8(_mm256_cmpgt_epi8(
                limit,
                _mm256_add_epi8(v, bias),
            )) as u32
        };
        let eff =
            |v: __m256i| _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, ef)) as u32;
        let wide = |lo: u32, hi: u32| u64::from(lo) | u64::from(hi) << 32;
        (wide(dig(a), dig(b)), wide(eff(a), eff(b)))
    }

    /// [`digits`] of the 64 bytes of `h` at `a`, zeros past the end. `h`
    /// has at least 64 bytes. Always inlined, as [`classify_at`].
    ///
    /// # Safety
    ///
    /// The CPU must support AVX2.
    #[inline(always)]
    unsafe fn digits_at(h: &[u8], a: usize) -> (u64, u64) {
        let n = h.len();
        assert!(n >= 64);
        if a + 64 <= n {
            // SAFETY: the caller promises AVX2; `a..a + 64` lies in `h`.
            unsafe { digits(h[a..].as_ptr()) }
        } else if a < n {
            let back = (a - (n - 64)) as u32;
            // SAFETY: the caller promises AVX2; `n - 64..n` lies in `h`.
            let (d, e) = unsafe { digits(h[n - 64..].as_ptr()) };
            (d >> back, e >> back)
        } else {
            (0, 0)
        }
    }

    /// [`super::Runs::next`] with AVX2.
    ///
    /// Each step takes the quick digit masks of the block at `i` and of the
    /// 64 bytes after it; a block without digits is done. Otherwise the
    /// class masks give every run's start and length and the bytes around
    /// it, without reading a byte twice. A block with candidates is kept
    /// in `st`, so the next call from inside it reads the remaining starts
    /// from the mask. Calling it is unsafe outside AVX2 code: the caller
    /// checks the CPU first.
    #[target_feature(enable = "avx2")]
    pub(super) fn next_avx2(
        h: &[u8],
        from: usize,
        st: &mut super::Runs,
    ) -> Option<usize> {
        let n = h.len();
        if from >= n {
            return None;
        }
        if n < 64 {
            // Too short to load 64 bytes from: a zero-padded copy, whose
            // zeros are in no class, so nothing is found past the end.
            let mut buf = [0u8; 64];
            buf[..n].copy_from_slice(h);
            return next_avx2(&buf, from, st);
        }
        // The block at `i`: its digit and 0xEF masks, and its class masks
        // when already computed. `carry`: a digit right before it;
        // `rt_before`: the `r`/`t` mask of the 64 bytes before, if known.
        let (mut i, mut d, mut e, mut full, mut carry, mut rt_before);
        if st.live && from >= st.base && from - st.base < 64 {
            // `Runs::next` has handed out the kept block's starts.
            st.live = false;
            i = st.base + 64;
            if i >= n {
                return None;
            }
            (d, e, full) = (st.next.digit, st.next.ef, Some(st.next));
            carry = st.this.digit >> 63;
            rt_before = Some(st.this.rt);
        } else {
            st.live = false;
            i = from;
            // SAFETY: AVX2 is enabled on this function.
            (d, e) = unsafe { digits_at(h, i) };
            full = None;
            carry = u64::from(i > 0 && h[i - 1].is_ascii_digit());
            rt_before = (i == 0).then_some(0);
        }
        loop {
            // SAFETY: AVX2 is enabled on this function.
            let (d2, e2) = unsafe { digits_at(h, i + 64) };
            let mut next_full = None;
            let mut rt = None;
            let cand = if e | e2 != 0 {
                // Fullwidth digits are rare: let the caller read bytes.
                d | e
            } else if d & !((d << 1) | carry) == 0 {
                // No run starts here.
                0
            } else {
                // SAFETY: AVX2 is enabled on this function.
                let m = full.unwrap_or_else(|| unsafe { classify_at(h, i) });
                // SAFETY: AVX2 is enabled on this function.
                let m2 = unsafe { classify_at(h, i + 64) };
                let cand = candidates(h, i, &m, &m2, carry, rt_before);
                if cand != 0 {
                    *st = super::Runs {
                        live: true,
                        base: i,
                        cand,
                        this: m,
                        next: m2,
                    };
                }
                (next_full, rt) = (Some(m2), Some(m.rt));
                cand
            };
            if cand != 0 {
                return Some(i + cand.trailing_zeros() as usize);
            }
            if i + 64 >= n {
                return None;
            }
            carry = d >> 63;
            rt_before = rt;
            (d, e, full) = (d2, e2, next_full);
            i += 64;
        }
    }

    /// The starts of the runs in the block at `i` that may start a
    /// candidate. `m` and `m2` are the masks of the block and of the 64
    /// bytes after it (no `0xEF` in either), `carry` whether a digit stands
    /// right before the block, `rt_before` the `r`/`t` mask of the 64 bytes
    /// before it, if known.
    ///
    /// A run of 2, 4, 5 or 8 digits passes only when the bytes around it that
    /// its shape needs are in their classes. Where a multi-byte separator
    /// may stand, either width is accepted, so the masks pass a superset of
    /// what the scanner reads. Bytes are read one at a time only for the
    /// six before the block, when a five-digit run starts it and
    /// `rt_before` is unknown.
    #[inline(always)]
    fn candidates(
        h: &[u8],
        i: usize,
        m: &Masks,
        m2: &Masks,
        carry: u64,
        rt_before: Option<u64>,
    ) -> u64 {
        let d = m.digit;
        let starts = d & !((d << 1) | carry);
        if starts == 0 {
            return 0;
        }
        let dx = w(d, m2.digit);
        // Bit `s` of `r4` is set when `s..s + 4` are all digits.
        let r2 = dx & dx >> 1;
        let r4 = r2 & r2 >> 2;
        let r8 = r4 & r4 >> 4;
        // Runs of 6 and 10 to 13 digits (7 and 9 too: rare, and the
        // scanner turns them away at once).
        let mut cand = starts
            & at(r4, 0)
            & at(r2, 4)
            & !(at(r8, 0) & !at(dx, 8))
            & !(at(r8, 0) & at(r8, 6));
        // Runs of exactly 2, 4, 5 and 8 digits.
        let s2 = starts & at(r2, 0) & !at(dx, 2);
        let s4 = starts & at(r4, 0) & !at(dx, 4);
        let s5 = starts & at(r4, 0) & at(dx, 4) & !at(dx, 5);
        let s8 = starts & at(r8, 0) & !at(dx, 8);
        if s2 | s4 != 0 {
            let sp = w(m.space, m2.space);
            let ld = w(m.lead, m2.lead);
            let dot = w(m.dot, m2.dot);
            let sign = w(m.sign, m2.sign);
            // `DD.MM.YYYY`, a space or hyphen (or `+`), a digit.
            cand |= s2
                & at(dot, 2)
                & at(dot, 5)
                & ((at(sp | sign, 10) & at(dx, 11))
                    | (at(ld, 10) & (at(dx, 12) | at(dx, 13))));
            // `YYYY NNNNNN NN` (DUF): a space, six digits.
            cand |= s4
                & ((at(sp, 4) & at(r4, 5) & at(r2, 9) & !at(dx, 11))
                    | (at(ld, 4) & (at(dx, 6) | at(dx, 7))));
            // `DDMM YY NNNNN` or `DDMM.YY.NNNNN` (docs/rules.md §6.2): a
            // space or dot, exactly two digits, a space or dot and exactly
            // five digits (or the lead byte of a wider space, a digit).
            // Years followed by a word or an ISO date's `-`, the common
            // cases, stop at the first test: one shift.
            let spd = sp | dot;
            let two = s4 & at(spd & r2 >> 1, 4);
            if two != 0 {
                let acct = two
                    & !at(dx, 7)
                    & ((at(spd, 7) & at(r4, 8) & at(dx, 12) & !at(dx, 13))
                        | (at(ld, 7) & (at(dx, 9) | at(dx, 10))));
                // Most account numbers have no `DDMM`: four bytes each.
                if acct != 0 {
                    cand |= plausible_accounts(h, i, acct);
                }
            }
        }
        if s8 != 0 {
            // `YYYYMMDD` or `DDMMYYYY`, a separator, four or five digits.
            let sp = w(m.space, m2.space);
            let ld = w(m.lead, m2.lead);
            let shp = sp | w(m.sign, m2.sign);
            cand |= s8
                & ((at(shp, 8) & at(r4, 9) & !(at(dx, 13) & at(dx, 14)))
                    | (at(ld, 8) & (at(dx, 10) | at(dx, 11))));
        }
        if s5 != 0 {
            // `r` or `t` among the six bytes before: those before the block
            // in the top bits of the low half.
            let before = rt_before.unwrap_or_else(|| {
                (1..=6.min(i)).fold(0, |acc, k| {
                    let b = h[i - k] | 0x20;
                    acc | u64::from(b == b'r' || b == b't') << (64 - k)
                })
            });
            let rtw = w(before, m.rt);
            let mut near = 0;
            for k in 1..=6 {
                near |= (rtw << k >> 64) as u64;
            }
            cand |= s5 & near;
        }
        cand
    }

    /// The bits of `acct` (account groupings starting at `i + k`) whose
    /// four digits are a plausible `DDMM`. Out of line: rare, and it keeps
    /// the block loop small.
    #[cold]
    #[inline(never)]
    fn plausible_accounts(h: &[u8], i: usize, mut acct: u64) -> u64 {
        let mut out = 0;
        while acct != 0 {
            let k = acct.trailing_zeros() as usize;
            if h.get(i + k..i + k + 4).is_some_and(super::ddmm_plausible) {
                out |= 1 << k;
            }
            acct &= acct - 1;
        }
        out
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// The nibble tables put every byte in exactly the classes named.
        #[test]
        fn nibble_tables_classify_every_byte() {
            for b in 0..=255u8 {
                let mut want = 0;
                if b.is_ascii_digit() {
                    want |= class::DIGIT;
                }
                if b == 0xEF {
                    want |= class::EF;
                }
                if b == b'.' {
                    want |= class::DOT;
                }
                if b == b' ' {
                    want |= class::SPACE;
                }
                if b == b'-' || b == b'+' {
                    want |= class::SIGN;
                }
                if b == 0xC2 || b == 0xE2 {
                    want |= class::LEAD;
                }
                if matches!(b, b'r' | b'R' | b't' | b'T') {
                    want |= class::RT;
                }

                assert_eq!(class::of(b), want, "{b:#04x}");
            }
        }

        /// The vector classification agrees with the tables at every
        /// position of a block.
        #[test]
        fn classify_agrees_with_the_tables() {
            if !std::is_x86_feature_detected!("avx2") {
                return;
            }
            for start in 0..=255u8 {
                let h: Vec<u8> = (0..64u8)
                    .map(|k| start.wrapping_add(k.wrapping_mul(5)))
                    .collect();
                // SAFETY: AVX2 was checked above; `h` has 64 bytes.
                let m = unsafe { classify(h.as_ptr()) };
                for (k, &b) in h.iter().enumerate() {
                    let c = class::of(b);
                    let bit = |mask: u64| mask >> k & 1 == 1;
                    assert_eq!(bit(m.digit), c & class::DIGIT != 0);
                    assert_eq!(bit(m.ef), c & class::EF != 0);
                    assert_eq!(bit(m.dot), c & class::DOT != 0);
                    assert_eq!(bit(m.space), c & class::SPACE != 0);
                    assert_eq!(bit(m.sign), c & class::SIGN != 0);
                    assert_eq!(bit(m.lead), c & class::LEAD != 0);
                    assert_eq!(bit(m.rt), c & class::RT != 0, "{b:#04x}");
                }
            }
        }
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
        "0101 80 00055",
        "0101.80.00055",
        "1234 56 78903",
        "80 ",
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
    /// digits at `q`, one byte at a time: what the scanner's shapes need.
    /// A fullwidth digit moves offsets, so any run with `0xEF` in the next
    /// 40 bytes qualifies.
    fn follows(h: &[u8], q: usize, len: usize) -> bool {
        use crate::shape::{Sep, sep_at};
        let at = |k: usize| h.get(q + k).copied().unwrap_or(0);
        let digits = |k: usize| {
            h.get(k..).map_or(0, |t| {
                t.iter().take_while(|b| b.is_ascii_digit()).count()
            })
        };
        // A separator of one of `kinds` at `k`, then a start byte.
        let sep_then_digit = |k: usize, kinds: &[Sep]| {
            sep_at(h, k).is_some_and(|(s, l)| {
                kinds.contains(&s)
                    && h.get(k + l).is_some_and(|&b| is_start_byte(b))
            })
        };
        if h.get(q + 1..(q + 40).min(h.len()))
            .is_some_and(|t| t.contains(&0xEF))
        {
            return true;
        }
        match len {
            2 => {
                at(2) == b'.'
                    && at(5) == b'.'
                    && sep_then_digit(q + 10, &[Sep::Space, Sep::Hyphen])
            }
            4 => {
                let Some((s, l)) = sep_at(h, q + 4) else {
                    return false;
                };
                let a = q + 4 + l;
                let duf = s == Sep::Space
                    && digits(a) == 6
                    && matches!(sep_at(h, a + 6), Some((Sep::Space, l2))
                        if digits(a + 6 + l2) == 2);
                // `DDMM YY NNNNN`, `DDMM.YY.NNNNN`.
                let grouped = ddmm_plausible(&h[q..q + 4])
                    && matches!(s, Sep::Space | Sep::Dot)
                    && digits(a) == 2
                    && matches!(sep_at(h, a + 2), Some((s2, l2))
                        if s2 == s && digits(a + 2 + l2) == 5);
                duf || grouped
            }
            5 => crate::shape::number_label_before(h, q),
            8 => match sep_at(h, q + 8) {
                Some((Sep::Dot, _)) | None => false,
                Some((_, l)) => matches!(digits(q + 8 + l), 4 | 5),
            },
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
        let cases: [(&str, Option<usize>); 31] = [
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
            ("2019 12 34", None),
            ("0101 80 12345", Some(0)),
            ("0101.80.12345", Some(0)),
            ("0101\u{a0}80\u{a0}12345", Some(0)),
            ("0101 80 1234 x", None),
            ("3201 80 12345", None),
            ("0113 80 12345", None),
            ("4166 40 61188", Some(0)),
            ("0101-80-12345", None),
            ("0101 801 12345", None),
            ("2019 12345 78", None),
            ("2019 123456\u{a0}78", Some(0)),
            ("01011980 00055", Some(0)),
            ("19800101-1234", Some(0)),
            ("19800101+1234", Some(0)),
            ("12345678 | x", None),
            ("12345678.1234", None),
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
