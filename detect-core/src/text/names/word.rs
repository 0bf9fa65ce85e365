//! Reading one word of a name: letters (any script), with combining accents
//! composed (NFD text: `O` + U+0308 reads as `ö`) and an apostrophe between
//! letters, folded to lower case into a fixed buffer. Allocates nothing and
//! accepts any bytes.

/// The longest key kept; longer words are read but never found.
pub(crate) const MAX_KEY: usize = 48;

/// The case of a word's letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// All lower case.
    Lower,
    /// First letter upper case, some lower case after it.
    Title,
    /// Every letter upper case (two letters or more).
    Upper,
    /// A single upper-case letter.
    Single,
    /// Lower case first, upper case later.
    Mixed,
}

/// One word read from the haystack.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    /// Start byte.
    pub(crate) start: usize,
    /// End byte (exclusive).
    pub(crate) end: usize,
    key: [u8; MAX_KEY],
    len: usize,
    /// The case of the letters.
    pub(crate) case: Case,
    /// Letters read.
    pub(crate) letters: usize,
}

impl Word {
    /// The folded (lower-case, composed) form; empty if it overflowed.
    pub(crate) fn key(&self) -> &[u8] {
        &self.key[..self.len]
    }
}

/// Decodes the character at `i`: `(char, length)`, or `None` for an
/// invalid sequence.
#[inline]
pub(crate) fn decode(h: &[u8], i: usize) -> Option<(char, usize)> {
    let b0 = *h.get(i)?;
    if b0 < 0x80 {
        return Some((b0 as char, 1));
    }
    let n = match b0 {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let s = h.get(i..i + n)?;
    let c = core::str::from_utf8(s).ok()?.chars().next()?;
    Some((c, n))
}

/// The character ending at `i` (exclusive), if valid.
pub(crate) fn decode_back(h: &[u8], i: usize) -> Option<(char, usize)> {
    let lo = i.saturating_sub(4);
    let mut j = i;
    while j > lo {
        j -= 1;
        if h[j] & 0xC0 != 0x80 {
            return decode(h, j).filter(|&(_, n)| j + n == i);
        }
    }
    None
}

/// Whether `c` is a combining diacritic (U+0300–U+036F).
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// `base` (lower case) with the combining `mark`, where Nordic text uses
/// the pair.
fn compose(base: u8, mark: char) -> Option<char> {
    Some(match (base, mark) {
        (b'a', '\u{308}') => 'ä',
        (b'o', '\u{308}') => 'ö',
        (b'u', '\u{308}') => 'ü',
        (b'e', '\u{308}') => 'ë',
        (b'i', '\u{308}') => 'ï',
        (b'y', '\u{308}') => 'ÿ',
        (b'a', '\u{30a}') => 'å',
        (b'a', '\u{301}') => 'á',
        (b'e', '\u{301}') => 'é',
        (b'i', '\u{301}') => 'í',
        (b'o', '\u{301}') => 'ó',
        (b'u', '\u{301}') => 'ú',
        (b'y', '\u{301}') => 'ý',
        (b'a', '\u{300}') => 'à',
        (b'e', '\u{300}') => 'è',
        (b'o', '\u{300}') => 'ò',
        (b'n', '\u{303}') => 'ñ',
        (b'a', '\u{303}') => 'ã',
        (b'o', '\u{303}') => 'õ',
        (b's', '\u{30c}') => 'š',
        (b'z', '\u{30c}') => 'ž',
        (b'c', '\u{30c}') => 'č',
        (b'c', '\u{327}') => 'ç',
        _ => return None,
    })
}

/// Whether `c` is a letter; Latin-1 and Latin Extended-A/B without the
/// Unicode table walk (× and ÷ are the only non-letters there).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{c0}'..='\u{24f}').contains(&c) {
        c != '×' && c != '÷'
    } else {
        c.is_alphabetic()
    }
}

/// Whether a letter (of a word) starts at `i`.
#[inline]
pub(crate) fn letter_at(h: &[u8], i: usize) -> Option<(char, usize)> {
    decode(h, i).filter(|&(c, _)| is_letter(c))
}

/// Reads the word starting at `i` (which must be a letter); `None` if no
/// letter starts there.
pub(crate) fn read(h: &[u8], i: usize) -> Option<Word> {
    let mut w = Word {
        start: i,
        end: i,
        key: [0; MAX_KEY],
        len: 0,
        case: Case::Lower,
        letters: 0,
    };
    let (mut upper, mut lower, mut first_upper) = (0usize, 0usize, false);
    let mut overflow = false;
    let mut j = i;
    while j < h.len() {
        let b = h[j];
        if b.is_ascii_alphabetic() {
            let l = b.to_ascii_lowercase();
            if b != l {
                upper += 1;
                if w.letters == 0 {
                    first_upper = true;
                }
            } else {
                lower += 1;
            }
            w.letters += 1;
            if w.len < MAX_KEY {
                w.key[w.len] = l;
                w.len += 1;
            } else {
                overflow = true;
            }
            j += 1;
            continue;
        }
        if (b == b'\'' || b == 0xE2) && w.letters > 0 {
            // An apostrophe (' or ’) between letters.
            let n = if b == b'\'' {
                1
            } else if h.get(j..j + 3) == Some(&[0xE2, 0x80, 0x99]) {
                3
            } else {
                break;
            };
            if h.get(j + n).is_some_and(|c| c.is_ascii_alphabetic()) {
                if w.len < MAX_KEY {
                    w.key[w.len] = b'\'';
                    w.len += 1;
                }
                j += n;
                continue;
            }
            break;
        }
        if b < 0x80 {
            break;
        }
        let Some((c, n)) = decode(h, j) else { break };
        if is_mark(c) && w.letters > 0 {
            if w.len > 0
                && let Some(cc) = compose(w.key[w.len - 1], c)
            {
                let mut tmp = [0u8; 4];
                let e = cc.encode_utf8(&mut tmp).as_bytes();
                if w.len - 1 + e.len() <= MAX_KEY {
                    w.key[w.len - 1..w.len - 1 + e.len()].copy_from_slice(e);
                    w.len += e.len() - 1;
                }
            }
            j += n;
            continue;
        }
        if !is_letter(c) {
            break;
        }
        if c.is_uppercase() {
            upper += 1;
            if w.letters == 0 {
                first_upper = true;
            }
        } else {
            lower += 1;
        }
        w.letters += 1;
        if ('\u{c0}'..='\u{de}').contains(&c) {
            // Latin-1 capitals: the small letter is 0x20 above.
            let l = char::from_u32(c as u32 + 0x20).unwrap_or(c);
            let mut tmp = [0u8; 4];
            let e = l.encode_utf8(&mut tmp).as_bytes();
            if w.len + e.len() <= MAX_KEY {
                w.key[w.len..w.len + e.len()].copy_from_slice(e);
                w.len += e.len();
            } else {
                overflow = true;
            }
            j += n;
            continue;
        }
        for l in c.to_lowercase() {
            let mut tmp = [0u8; 4];
            let e = l.encode_utf8(&mut tmp).as_bytes();
            if w.len + e.len() <= MAX_KEY {
                w.key[w.len..w.len + e.len()].copy_from_slice(e);
                w.len += e.len();
            } else {
                overflow = true;
            }
        }
        j += n;
    }
    if w.letters == 0 {
        return None;
    }
    w.end = j;
    if overflow {
        w.len = 0;
    }
    w.case = if lower == 0 {
        if upper == 1 { Case::Single } else { Case::Upper }
    } else if first_upper {
        Case::Title
    } else if upper == 0 {
        Case::Lower
    } else {
        Case::Mixed
    };
    Some(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_composes_accents() {
        let w = read("ÖBERG,".as_bytes(), 0).unwrap();
        assert_eq!(w.key(), "öberg".as_bytes());
        assert_eq!(w.case, Case::Upper);
        assert_eq!(w.end, "ÖBERG".len());
        let nfd = "O\u{308}berg s";
        let w = read(nfd.as_bytes(), 0).unwrap();
        assert_eq!(w.key(), "öberg".as_bytes());
        assert_eq!(w.case, Case::Title);
        assert_eq!(w.end, "O\u{308}berg".len());
        let w = read("O’Brien".as_bytes(), 0).unwrap();
        assert_eq!(w.key(), b"o'brien");
        assert!(read(b"123", 0).is_none());
        assert!(read(&[0xff, b'a'], 0).is_none());
    }
}
