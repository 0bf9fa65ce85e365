//! Reading the written form of a candidate: digits (ASCII and fullwidth),
//! separators (space, no-break spaces, hyphen and its Unicode look-alikes),
//! and the boundary rules of docs/rules.md §8.2.
//!
//! Everything here looks at a handful of bytes around a position and never
//! allocates.

/// The digit at `i`: its value and its length in bytes. ASCII digits and
/// fullwidth digits (U+FF10–U+FF19, `EF BC 90`–`EF BC 99`) count.
#[inline(always)]
pub(crate) fn digit_at(h: &[u8], i: usize) -> Option<(u8, usize)> {
    let b = *h.get(i)?;
    let v = b.wrapping_sub(b'0');
    if v < 10 {
        return Some((v, 1));
    }
    if b == 0xEF
        && h.get(i + 1) == Some(&0xBC)
        && let Some(&c) = h.get(i + 2)
        && (0x90..=0x99).contains(&c)
    {
        return Some((c - 0x90, 3));
    }
    None
}

/// Whether a digit ends right before `i`.
#[inline(always)]
pub(crate) fn digit_before(h: &[u8], i: usize) -> bool {
    digit_ending_at(h, i).is_some()
}

/// The length in bytes of the digit that ends right before `i`, if any.
#[inline]
fn digit_ending_at(h: &[u8], i: usize) -> Option<usize> {
    if i == 0 {
        return None;
    }
    if h[i - 1].is_ascii_digit() {
        return Some(1);
    }
    if i >= 3
        && h[i - 3] == 0xEF
        && h[i - 2] == 0xBC
        && (0x90..=0x99).contains(&h[i - 1])
    {
        return Some(3);
    }
    None
}

/// A separator that may stand inside an identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sep {
    /// A space, or a no-break, narrow no-break, figure or thin space.
    Space,
    /// `-`, or a Unicode hyphen or dash (U+2010–U+2015) or minus (U+2212).
    Hyphen,
    /// `+` (Swedish centenarians, Finnish 1800s).
    Plus,
    /// `.`: never inside an identifier, but it joins digit groups of other
    /// numbers (accounts, dates, decimals).
    Dot,
}

/// The separator at `i` and its length in bytes.
#[inline]
pub(crate) fn sep_at(h: &[u8], i: usize) -> Option<(Sep, usize)> {
    match *h.get(i)? {
        b' ' => Some((Sep::Space, 1)),
        b'-' => Some((Sep::Hyphen, 1)),
        b'+' => Some((Sep::Plus, 1)),
        b'.' => Some((Sep::Dot, 1)),
        0xC2 if h.get(i + 1) == Some(&0xA0) => Some((Sep::Space, 2)),
        0xE2 => match (h.get(i + 1), h.get(i + 2)) {
            (Some(0x80), Some(0x87 | 0x89 | 0xAF)) => Some((Sep::Space, 3)),
            (Some(0x80), Some(0x90..=0x95)) => Some((Sep::Hyphen, 3)),
            (Some(0x88), Some(0x92)) => Some((Sep::Hyphen, 3)),
            _ => None,
        },
        _ => None,
    }
}

/// A maximal run of digits. The first 13 digit values are kept.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Run {
    pub(crate) end: usize,
    pub(crate) n: usize,
    pub(crate) d: [u8; 13],
}

impl Run {
    /// Reads the digit run starting at `i` (empty if none).
    #[inline]
    pub(crate) fn read(h: &[u8], i: usize) -> Run {
        let mut r = Run { end: i, n: 0, d: [0; 13] };
        // ASCII fast path, then the general one for fullwidth digits.
        while let Some(&b) = h.get(r.end) {
            let v = b.wrapping_sub(b'0');
            if v < 10 {
                if r.n < 13 {
                    r.d[r.n] = v;
                }
                r.n += 1;
                r.end += 1;
            } else if let Some((v, l)) = digit_at(h, r.end) {
                if r.n < 13 {
                    r.d[r.n] = v;
                }
                r.n += 1;
                r.end += l;
            } else {
                break;
            }
        }
        r
    }

    /// The first `N` digits as an array. `N` must not exceed `self.n`.
    #[inline]
    pub(crate) fn take<const N: usize>(&self) -> [u8; N] {
        let mut out = [0; N];
        out.copy_from_slice(&self.d[..N]);
        out
    }
}

/// Whether a candidate may start at `p` (docs/rules.md §8.2): no letter or digit
/// right before it, no `+` (a glued country code) and no digit group joined
/// to it by a dot (`1.010180…`, dotted account numbers).
///
/// A digit group joined by a space or hyphen does not block: postlister
/// put case numbers right before names and numbers (`23/01234-5
/// 01018000055`), and the grouped look-alikes of docs/rules.md §6 (accounts
/// 4.2.5, phones, IBANs in groups of four) never form a candidate's shape.
#[inline]
pub(crate) fn left_ok(h: &[u8], p: usize) -> bool {
    if p == 0 {
        return true;
    }
    let b = h[p - 1];
    if b.is_ascii_alphanumeric() || b == b'+' || digit_before(h, p) {
        return false;
    }
    !(b == b'.' && digit_before(h, p - 1))
}

/// Whether a candidate may end at `e`: no letter or digit right after it,
/// and no digit group joined to it by a dot (decimals like `…55.5`).
#[inline]
pub(crate) fn right_ok(h: &[u8], e: usize) -> bool {
    let Some(&b) = h.get(e) else { return true };
    if b.is_ascii_alphanumeric() || digit_at(h, e).is_some() {
        return false;
    }
    !(b == b'.' && digit_at(h, e + 1).is_some())
}

/// Whether a word (a label such as `fnr:`) may end right before `p`, with
/// at most four bytes of spaces and punctuation between: a cheap test
/// before the keyword search for labels.
#[inline]
pub(crate) fn word_right_before(h: &[u8], p: usize) -> bool {
    for &b in h[p.saturating_sub(5)..p].iter().rev() {
        // A byte of a multi-byte character may end a word: stay on the
        // safe side, the keyword search decides.
        if b.is_ascii_alphabetic() || b >= 0x80 {
            return true;
        }
        if !(b == b' ' || b.is_ascii_punctuation()) {
            return false;
        }
    }
    false
}

/// Whether the word right before `p` (through at most four bytes of
/// spaces and punctuation) ends like a number label: `…nr`, `…nummer`,
/// `…nummeret` (`pnr`, `pers.nr.`, `personnummer`). A cheap test before
/// the keyword search for the split personnummer form.
#[inline]
pub(crate) fn number_label_before(h: &[u8], p: usize) -> bool {
    let lo = p.saturating_sub(5);
    let mut e = p;
    while e > lo && (h[e - 1] == b' ' || h[e - 1].is_ascii_punctuation()) {
        e -= 1;
    }
    let w = &h[e.saturating_sub(8)..e];
    let ends = |suf: &[u8]| {
        w.len() >= suf.len()
            && w[w.len() - suf.len()..].eq_ignore_ascii_case(suf)
    };
    ends(b"nr") || ends(b"nummer") || ends(b"nummeret")
}

/// Whether the candidate at `p` sits inside a URL (docs/rules.md §8.2): the
/// whitespace-delimited token around it contains `://` or starts with
/// `www.`. Looks back at most 256 bytes.
pub(crate) fn in_url(h: &[u8], p: usize) -> bool {
    let lo = p.saturating_sub(256);
    let mut s = p;
    while s > lo && !h[s - 1].is_ascii_whitespace() {
        s -= 1;
    }
    let tok = &h[s..p];
    tok.windows(3).any(|w| w == b"://")
        || (tok.len() >= 4 && tok[..4].eq_ignore_ascii_case(b"www."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_ascii_and_fullwidth() {
        let h = "1２".as_bytes();
        assert_eq!(digit_at(h, 0), Some((1, 1)));
        assert_eq!(digit_at(h, 1), Some((2, 3)));
        assert!(digit_before(h, 4));
        assert!(digit_before(h, 1));
        let r = Run::read(h, 0);
        assert_eq!((r.n, r.end, &r.d[..2]), (2, 4, &[1u8, 2][..]));
        assert_eq!(digit_at(b"\xEF\xBC", 0), None);
    }

    #[test]
    fn separators() {
        assert_eq!(sep_at("\u{a0}".as_bytes(), 0), Some((Sep::Space, 2)));
        assert_eq!(sep_at("\u{2011}".as_bytes(), 0), Some((Sep::Hyphen, 3)));
        assert_eq!(sep_at("\u{2212}".as_bytes(), 0), Some((Sep::Hyphen, 3)));
        assert_eq!(sep_at("\u{202f}".as_bytes(), 0), Some((Sep::Space, 3)));
        assert_eq!(sep_at("\u{2016}".as_bytes(), 0), None);
        assert_eq!(sep_at(b"/", 0), None);
    }

    #[test]
    fn boundaries() {
        assert!(left_ok(b"fnr 0", 4));
        assert!(!left_ok(b"a0", 1));
        assert!(!left_ok(b"+0", 1));
        assert!(left_ok(b"23/01234-5 0", 11));
        assert!(!left_ok(b"1.0", 2));
        assert!(left_ok(b"Nr. 0", 4));
        assert!(right_ok(b"0 ", 1));
        assert!(right_ok(b"0. Neste", 1));
        assert!(right_ok(b"0 6", 1));
        assert!(!right_ok(b"0.5", 1));
        assert!(right_ok(b"0, 12", 1));
        assert!(!right_ok(b"0x", 1));
        assert!(right_ok(b"0 123456", 1));
    }

    #[test]
    fn urls() {
        let h = b"see https://example.org/a/01018000055 now";
        assert!(in_url(h, 26));
        assert!(in_url(b"www.x.no/01018000055", 9));
        assert!(!in_url(b"fnr 01018000055", 4));
    }
}
