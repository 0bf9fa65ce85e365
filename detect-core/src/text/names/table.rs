//! The name table compiled by `build.rs` from `data/names/` (given names,
//! surnames and the word classes of `words.txt`): an open-addressing hash
//! table over lower-cased keys, read in place from the included bytes.
//! One lookup answers every question the pass asks of a word.

/// The compiled table (layout in `build.rs`).
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.bin"));

/// Given-name prior class (0 = not a given name, 1 rare … 3 common).
pub(crate) const fn given(meta: u16) -> u8 {
    (meta & 3) as u8
}

/// Surname prior class (0 = not a surname, 1 rare … 3 common).
pub(crate) const fn surname(meta: u16) -> u8 {
    ((meta >> 2) & 3) as u8
}

/// Never part of a name.
pub(crate) const STOP: u16 = 1 << 4;
/// A name and an ordinary word at once.
pub(crate) const AMBIG: u16 = 1 << 5;
/// A strong cue before a name.
pub(crate) const CUE: u16 = 1 << 6;
/// A cue only for names of two words or more.
pub(crate) const WEAKCUE: u16 = 1 << 7;
/// A title or role: a strong cue, never in the span.
pub(crate) const TITLE: u16 = 1 << 8;
/// A surname particle (`von`, `af`).
pub(crate) const PARTICLE: u16 = 1 << 9;
/// An organisation suffix.
pub(crate) const ORG: u16 = 1 << 10;
/// An institution word.
pub(crate) const INST: u16 = 1 << 11;
/// A street word.
pub(crate) const STREET: u16 = 1 << 12;

/// FNV-1a, 32 bit: the table's hash (the same function as `build.rs`).
#[inline]
pub(crate) fn hash(key: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in key {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

/// The filter's hash of three bytes (the same function as `build.rs`).
#[inline]
pub(crate) fn tri(t: &[u8]) -> usize {
    let x = match t {
        &[a, b, c, ..] => u32::from_le_bytes([a, b, c, 0]),
        _ => 0,
    };
    (x.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

#[inline]
fn u32_at(i: usize) -> u32 {
    match TABLE.get(i..i + 4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => 0,
    }
}

/// The meta bits of `key` (lower case), 0 if it is not in the table.
#[inline]
pub(crate) fn lookup(key: &[u8]) -> u16 {
    let n_slots = u32_at(0) as usize;
    let entries = u32_at(4) as usize;
    if n_slots == 0 {
        return 0;
    }
    let mask = n_slots - 1;
    let h = hash(key);
    let tag = h >> 24;
    let mut i = h as usize & mask;
    loop {
        let s = u32_at(12 + 4 * i);
        if s == 0 {
            return 0;
        }
        if s >> 24 == tag {
            let off = entries + (s & 0x00ff_ffff) as usize - 1;
            let len = usize::from(TABLE.get(off).copied().unwrap_or(0));
            if TABLE.get(off + 3..off + 3 + len) == Some(key) {
                return u16::from_le_bytes([TABLE[off + 1], TABLE[off + 2]]);
            }
        }
        i = (i + 1) & mask;
    }
}

/// Whether these three bytes may end a strong cue word or title (`søker`,
/// `v/` with the space before it, `vedr.`): a filter with false
/// positives, none negative.
#[inline]
pub(crate) fn maybe_cue(last3: &[u8]) -> bool {
    let t = tri(last3);
    let at = u32_at(8) as usize + (t >> 3);
    TABLE.get(at).is_some_and(|b| b & (1 << (t & 7)) != 0)
}

/// Like [`maybe_cue`], for the `lowercue` words of `words.txt` (`søker`,
/// `klager`, `v/`): where a lower-case name may follow.
#[inline]
pub(crate) fn maybe_lower_cue(last3: &[u8]) -> bool {
    let t = tri(last3);
    let at = u32_at(8) as usize + 8192 + (t >> 3);
    TABLE.get(at).is_some_and(|b| b & (1 << (t & 7)) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_answer_names_and_word_classes() {
        assert!(given(lookup("kari".as_bytes())) >= 2);
        assert!(surname(lookup("hansen".as_bytes())) >= 2);
        assert!(surname(lookup("virtanen".as_bytes())) >= 1);
        assert!(given(lookup("guðrún".as_bytes())) >= 1);
        assert_ne!(lookup(b"og") & STOP, 0);
        assert_ne!(lookup(b"berg") & AMBIG, 0);
        assert_ne!(lookup(b"gate") & STREET, 0);
        assert_ne!(lookup(b"asa") & ORG, 0);
        assert_eq!(lookup(b"xqzvk"), 0);
        assert!(maybe_cue("ker".as_bytes()));
        assert!(maybe_cue(b" v/"));
    }
}
