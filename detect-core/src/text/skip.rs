//! The first look of the terms pass (docs/design.md, text passes): where in
//! a text may a listed term start? A filter with false positives and no
//! false negatives, cheap enough to run at every byte.
//!
//! A position is keyed by its next seven bytes, folded (bit 5 set in every
//! byte: ASCII case, and the second byte of the Latin-1 letters): patterns
//! of seven bytes or more by the hash of their first seven, shorter ones by
//! the hash of their first four (a pattern of two or three bytes with every
//! byte after it). Each key holds two bits: a pattern that may sit anywhere
//! starts with it, or one that must start an element. After an ASCII letter
//! or digit only the first counts.
//!
//! With AVX2 (detected at run time) eight positions are keyed at once and
//! their bits fetched with one gather per table; elsewhere, and at the
//! ends of the text, a scalar loop computes the same keys. The vector code
//! is this module's only `unsafe`, tested against the scalar path.

/// Bits of a key: tables of 2^18 two-bit slots (64 KiB each; measured on
/// the prose corpus against 2^16 to 2^20: smaller tables let through too
/// many positions, larger ones miss the cache).
const SLOT_BITS: u32 = 18;
const SHIFT: u32 = 32 - SLOT_BITS;
const WORDS: usize = (1 << SLOT_BITS) / 16;

const FOLD4: u32 = 0x2020_2020;
const FOLD3: u32 = 0x0020_2020;
const C1: u32 = 0x9E37_79B1;
const C2: u32 = 0x85EB_CA77;

/// The bytes a position needs after it.
pub(crate) const NEED: usize = 7;

/// A slot's bit for a pattern that may sit anywhere.
pub(crate) const ANYWHERE: u32 = 1;
/// A slot's bit for a pattern that must start an element.
pub(crate) const ELEMENT: u32 = 2;

/// The mask of a slot by the byte before a position: after an ASCII letter
/// or digit only [`ANYWHERE`].
static AFTER: [u8; 256] = {
    let mut t = [3u8; 256];
    let mut b = 0;
    while b < 256 {
        if (b as u8).is_ascii_alphanumeric() {
            t[b] = 1;
        }
        b += 1;
    }
    t
};

#[inline(always)]
fn prod4(w0: u32) -> u32 {
    (w0 | FOLD4).wrapping_mul(C1)
}

#[inline(always)]
fn short_key(w0: u32) -> usize {
    (prod4(w0) >> SHIFT) as usize
}

#[inline(always)]
fn long_key(w0: u32, w1: u32) -> usize {
    (prod4(w0).wrapping_add((w1 & 0x00FF_FFFF | FOLD3).wrapping_mul(C2))
        >> SHIFT) as usize
}

/// The filter: two tables of two-bit slots.
#[derive(Debug, Clone)]
pub(crate) struct Skip {
    short: Box<[u32; WORDS]>,
    long: Box<[u32; WORDS]>,
    avx2: bool,
}

#[inline(always)]
fn slot(t: &[u32; WORDS], k: usize) -> u32 {
    t[k >> 4] >> ((k & 15) * 2) & 3
}

fn mark(t: &mut [u32; WORDS], k: usize, bits: u32) {
    t[k >> 4] |= bits << ((k & 15) * 2);
}

impl Skip {
    /// An empty filter (passes nothing).
    pub(crate) fn new() -> Skip {
        Skip {
            short: Box::new([0; WORDS]),
            long: Box::new([0; WORDS]),
            avx2: avx2_available(),
        }
    }

    /// Lets through the positions where `p` (two bytes or more) may start:
    /// `bits` is [`ANYWHERE`] or [`ELEMENT`].
    pub(crate) fn add(&mut self, p: &[u8], bits: u32) {
        if p.len() < 2 {
            return;
        }
        if p.len() >= NEED {
            let w0 = u32::from_le_bytes([p[0], p[1], p[2], p[3]]);
            let w1 = u32::from_le_bytes([p[4], p[5], p[6], 0]);
            mark(&mut self.long, long_key(w0, w1), bits);
            return;
        }
        // Shorter than four bytes: every folded byte that may follow (7
        // bits spread around bit 5: 0b_xx0x_xxxx).
        let free = 4 - p.len().min(4);
        for x in 0u32..1 << (7 * free) {
            let mut w = [0u8; 4];
            w[..4 - free].copy_from_slice(&p[..4 - free]);
            for j in 0..free {
                let c = (x >> (7 * j) & 0x7F) as u8;
                w[4 - free + j] = (c & 0x60) << 1 | (c & 0x1F);
            }
            mark(&mut self.short, short_key(u32::from_le_bytes(w)), bits);
        }
    }

    /// Whether a pattern may start at `i` (`i + NEED <= h.len()`).
    #[inline(always)]
    pub(crate) fn passes(&self, h: &[u8], i: usize) -> bool {
        let b = &h[i..i + NEED];
        let w0 = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let w1 = u32::from_le_bytes([b[4], b[5], b[6], 0]);
        let mask =
            if i == 0 { 3 } else { u32::from(AFTER[h[i - 1] as usize]) };
        (slot(&self.short, short_key(w0)) | slot(&self.long, long_key(w0, w1)))
            & mask
            != 0
    }

    /// The first position in `from..to` that passes (every position there
    /// has [`NEED`] bytes from it).
    #[inline]
    pub(crate) fn next(
        &self,
        h: &[u8],
        from: usize,
        to: usize,
    ) -> Option<usize> {
        debug_assert!(to + NEED <= h.len() + 1 || to <= from);
        let mut i = from;
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            if i == 0 && i < to {
                if self.passes(h, 0) {
                    return Some(0);
                }
                i = 1;
            }
            // The vector loop reads 16 bytes from each block's start.
            let vto = to.min(h.len().saturating_sub(15));
            if i < vto {
                // SAFETY: AVX2 is present (detected in `new`), `1 <= i`
                // and every block starts below `vto`, so its reads
                // `h[p - 1..p + 16]` are in bounds.
                let p = unsafe { x86::next(self, h, i, vto) };
                if p < vto {
                    return Some(p);
                }
                i = vto;
            }
        }
        (i..to).find(|&i| self.passes(h, i))
    }
}

/// Scalar only, for the tests of the vector path.
#[cfg(test)]
impl Skip {
    pub(crate) fn scalar(mut self) -> Skip {
        self.avx2 = false;
        self
    }
}

fn avx2_available() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use core::arch::x86_64::*;

    use super::{C1, C2, FOLD3, FOLD4, SHIFT, Skip};

    /// The first position in `from..to` that passes, or `to`.
    ///
    /// # Safety
    /// AVX2 must be present, `from >= 1` and `to + 15 <= h.len()`.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn next(
        s: &Skip,
        h: &[u8],
        from: usize,
        to: usize,
    ) -> usize {
        let ptr = h.as_ptr();
        let short = s.short.as_ptr() as *const i32;
        let long = s.long.as_ptr() as *const i32;
        // Lane j of eight: the four bytes from j, and the three from j + 4.
        let idx0 = _mm256_setr_epi8(
            0, 1, 2, 3, 1, 2, 3, 4, 2, 3, 4, 5, 3, 4, 5, 6, 4, 5, 6, 7, 5, 6,
            7, 8, 6, 7, 8, 9, 7, 8, 9, 10,
        );
        let idx1 = _mm256_setr_epi8(
            4, 5, 6, -128, 5, 6, 7, -128, 6, 7, 8, -128, 7, 8, 9, -128, 8, 9,
            10, -128, 9, 10, 11, -128, 10, 11, 12, -128, 11, 12, 13, -128,
        );
        let fold4 = _mm256_set1_epi32(FOLD4 as i32);
        let fold3 = _mm256_set1_epi32(FOLD3 as i32);
        let c1 = _mm256_set1_epi32(C1 as i32);
        let c2 = _mm256_set1_epi32(C2 as i32);
        let fifteen = _mm256_set1_epi32(15);
        let (d0, d9) =
            (_mm_set1_epi8(b'0' as i8 - 1), _mm_set1_epi8(b'9' as i8 + 1));
        let (la, lz) =
            (_mm_set1_epi8(b'a' as i8 - 1), _mm_set1_epi8(b'z' as i8 + 1));
        let (x20, two, three) =
            (_mm_set1_epi8(0x20), _mm_set1_epi8(2), _mm_set1_epi8(3));
        let mut p = from;
        while p < to {
            // SAFETY: `1 <= p < to` and `to + 15 <= h.len()`, so
            // `h[p - 1..p + 16]` is in bounds.
            let (b, prev) = unsafe {
                (
                    _mm_loadu_si128(ptr.add(p) as *const __m128i),
                    _mm_loadl_epi64(ptr.add(p - 1) as *const __m128i),
                )
            };
            let bb = _mm256_broadcastsi128_si256(b);
            let w0 = _mm256_or_si256(_mm256_shuffle_epi8(bb, idx0), fold4);
            let w1 = _mm256_or_si256(_mm256_shuffle_epi8(bb, idx1), fold3);
            let p0 = _mm256_mullo_epi32(w0, c1);
            let p1 = _mm256_add_epi32(p0, _mm256_mullo_epi32(w1, c2));
            let ks = _mm256_srli_epi32::<{ SHIFT as i32 }>(p0);
            let kl = _mm256_srli_epi32::<{ SHIFT as i32 }>(p1);
            // SAFETY: the indices are keys below `2^SLOT_BITS` shifted
            // down by four, below `WORDS`, the tables' length.
            let (gs, gl) = unsafe {
                (
                    _mm256_i32gather_epi32::<4>(
                        short,
                        _mm256_srli_epi32::<4>(ks),
                    ),
                    _mm256_i32gather_epi32::<4>(
                        long,
                        _mm256_srli_epi32::<4>(kl),
                    ),
                )
            };
            let vs = _mm256_srlv_epi32(
                gs,
                _mm256_slli_epi32::<1>(_mm256_and_si256(ks, fifteen)),
            );
            let vl = _mm256_srlv_epi32(
                gl,
                _mm256_slli_epi32::<1>(_mm256_and_si256(kl, fifteen)),
            );
            // The byte before each position: 1 after an ASCII letter or
            // digit, else 3 (bytes >= 0x80 compare as negative).
            let lower = _mm_or_si128(prev, x20);
            let digit = _mm_and_si128(
                _mm_cmpgt_epi8(prev, d0),
                _mm_cmpgt_epi8(d9, prev),
            );
            let alpha = _mm_and_si128(
                _mm_cmpgt_epi8(lower, la),
                _mm_cmpgt_epi8(lz, lower),
            );
            let alnum = _mm_or_si128(digit, alpha);
            let mask8 = _mm_sub_epi8(three, _mm_and_si128(alnum, two));
            let mask = _mm256_cvtepu8_epi32(mask8);
            let v = _mm256_and_si256(_mm256_or_si256(vs, vl), mask);
            let zero = _mm256_cmpeq_epi32(v, _mm256_setzero_si256());
            let keep = !_mm256_movemask_ps(_mm256_castsi256_ps(zero)) & 0xFF;
            if keep != 0 {
                return (p + keep.trailing_zeros() as usize).min(to);
            }
            p += 8;
        }
        to
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter() -> Skip {
        let mut s = Skip::new();
        for p in ["barnevern", "rus", "psyk", "hiv", "sosiale medier"] {
            s.add(p.as_bytes(), ELEMENT);
        }
        for p in ["vern", "narkoman", "ø"] {
            s.add(p.as_bytes(), ANYWHERE);
        }
        s.add("omsorgsøvertakelse".as_bytes(), ANYWHERE);
        s
    }

    #[test]
    fn passes_where_patterns_start() {
        let s = filter();
        let t = "x Barnevernet; RUSen, psykisk-HIV narkomani omsorgsØvertakelse zzzzzzzz";
        for w in [
            "Barnevern",
            "vernet",
            "RUS",
            "psyk",
            "HIV",
            "narkoman",
            "omsorgs",
        ] {
            let i = t.find(w).unwrap();
            assert!(s.passes(t.as_bytes(), i), "{w}");
        }
        let none = (0..t.len() - NEED)
            .filter(|&i| !s.passes(t.as_bytes(), i))
            .count();
        assert!(none > 40, "{none}");
        // After a letter only the terms that may sit anywhere.
        let h = b"xbarnevern xrusxxxxx";
        assert!(!s.passes(h, 1));
        assert!(s.passes(h, 6));
        assert!(!s.passes(h, 12));
    }

    #[test]
    fn the_vector_path_agrees_with_the_scalar_one() {
        let s = filter();
        let sc = filter().scalar();
        let words = [
            "barnevern",
            "RUS",
            "rus",
            "x",
            "kommune",
            "ø",
            "Ø",
            "narkoman",
            "1",
            "-",
            " ",
            "\n",
            "psyk",
            "zzz",
            "åsa",
            "\u{a0}",
            "omsorgsøvertakelse",
        ];
        let mut seed = 0x1234_5678_9abc_def0u64;
        for _ in 0..300 {
            let mut h = Vec::new();
            let n = (seed >> 40) as usize % 60;
            for _ in 0..n {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                h.extend_from_slice(
                    words[(seed >> 33) as usize % words.len()].as_bytes(),
                );
            }
            if h.len() < NEED {
                continue;
            }
            let to = h.len() - NEED;
            for from in 0..=to {
                assert_eq!(
                    s.next(&h, from, to),
                    sc.next(&h, from, to),
                    "{from} {:?}",
                    String::from_utf8_lossy(&h)
                );
            }
        }
    }
}
