//! The `person_name` pass (docs/contract.md §1.1, §3; docs/rules.md,
//! names): Nordic person names found from dictionaries of given names and
//! surnames (compiled by `build.rs` from `data/names/`), name shapes and
//! the words around them.
//!
//! **Fast path.** Only word starts can start a name, and in running text
//! only capitalised ones: the scan skips to the next upper-case letter at
//! a word start and looks words up only there. Lower-case words are looked
//! at only when their first three letters pass a bit filter of the common
//! given names.
//!
//! **A candidate** is the longest run of name words from that start: words
//! of the same case (Title, ALL-CAPS or lower case), hyphenated words,
//! initials (`K.`, `K.O.`, `K-O.`) and particles (`af`, `von`, `van`,
//! `de`) between them, separated by one space or no-break space; or
//! `Surname, Given`. It ends at a function word, a title, after a genitive
//! (`Nordmanns`), or at six words. The words are judged by one table
//! lookup each: given-name and surname prior classes (from the counts),
//! and the word classes of `words.txt`. A word not in the lists counts as a
//! surname if it has a Nordic surname ending (`-sen`, `-son`, `-sson`,
//! `-nen`, `-dóttir` and the Icelandic inflected forms), is an Icelandic
//! patronymic built on a known given name, or a Finnish case form of a
//! known `-nen` surname (`Virtasen`, `Virtaselle`).
//!
//! **Vetoes.** An organisation suffix (`AS`, `AB`, `Oy`, `ehf.`), an
//! institution word (`skole`, `kommune`, `Akademiet`) or a street word
//! (`gate`, `vägen`, `katu`) after the words, standing alone or ending the
//! next word, means they name something else.
//!
//! **Confidence** (docs/contract.md §3): `high` for a known given name and
//! a known surname, or a known name after a cue (`fra`, `til` for two
//! words; `søker`, `klager`, `v/`, `vedr.`, a title, or `f. 010180` /
//! `født` / a number after it for one); `medium` when one side is known and
//! the other has a name's shape; `low` for capitalised unknown words in a
//! name position, or a word that is also an ordinary word (`Berg`, `Liv`)
//! without a second piece of evidence.

mod known;
mod table;
mod word;

use crate::kind::{Confidence, Flags, Kind, KindSet};
use crate::scanner::{Match, Scanner};
use crate::text::TextPass;

use known::Known;
use table::{
    AMBIG, CUE, INST, ORG, PARTICLE, STOP, STREET, TITLE, WEAKCUE, lookup,
};
use word::{Case, Word};

/// The most words (and initials) in one name.
const MAX_PARTS: usize = 6;

/// The `person_name` pass.
#[derive(Debug)]
pub(crate) struct NamesPass {
    known: Option<Known>,
}

impl NamesPass {
    /// The pass with the caller's known names.
    pub(crate) fn new(known_names: &[String]) -> NamesPass {
        NamesPass { known: Known::new(known_names) }
    }
}

/// What one part of a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Word,
    Initial,
    Particle,
}

/// One part of a candidate, judged.
#[derive(Clone, Copy, Debug)]
struct Part {
    #[allow(dead_code)]
    start: usize,
    end: usize,
    role: Role,
    case: Case,
    /// Given-name class (0–3); 0 for ordinary words.
    given: u8,
    /// Surname class (0–3), including endings and patronymics.
    surname: u8,
    /// A name and an ordinary word at once.
    ambig: bool,
    /// Ends in a genitive `-s` that was stripped to find it.
    genitive: bool,
    /// The word classes (stop, title, org, …) of the word itself.
    meta: u16,
    /// Known-names bits: first-name and last-name of.
    first_of: u64,
    last_of: u64,
}

impl Part {
    fn known(&self) -> bool {
        !self.ambig && (self.given > 0 || self.surname > 0)
    }
}

const SURNAME_ENDINGS: &[&str] = &[
    "sen", "son", "sson", "nen", "dóttir", "dottir", "dóttur", "dotter",
    "datter", "syni", "sonar",
];

const PATRONYMIC_ENDINGS: &[&str] = &[
    "sdóttir", "sdóttur", "dóttir", "dóttur", "ssyni", "ssonar", "sson",
    "syni", "sonar", "son",
];

/// Finnish case endings of a `-nen` surname's stem (`Virta|sen`).
const FI_CASES: &[&str] = &[
    "selle", "sella", "selta", "sessa", "sesta", "seen", "sena", "seksi",
    "sen", "sta",
];

/// Judges a folded word: `(given, surname, ambig, meta)`.
fn judge(key: &[u8]) -> (u8, u8, bool, u16) {
    let m = lookup(key);
    let amb = m & AMBIG != 0;
    (table::given(m), table::surname(m), amb, m)
}

fn ends(key: &[u8], suffix: &str) -> bool {
    key.len() > suffix.len() + 1 && key.ends_with(suffix.as_bytes())
}

/// The surname class a word earns by its form: a Nordic ending, an
/// Icelandic patronymic on a known given name, a Finnish case form.
fn surname_by_form(key: &[u8]) -> u8 {
    let mut buf = [0u8; word::MAX_KEY + 8];
    for e in PATRONYMIC_ENDINGS {
        if ends(key, e) {
            let stem = &key[..key.len() - e.len()];
            for add in ["", "ur", "i", "a"] {
                let n = stem.len() + add.len();
                if n <= buf.len() {
                    buf[..stem.len()].copy_from_slice(stem);
                    buf[stem.len()..n].copy_from_slice(add.as_bytes());
                    let m = lookup(&buf[..n]);
                    if table::given(m) > 0 && m & STOP == 0 {
                        return 2;
                    }
                }
            }
        }
    }
    for e in FI_CASES {
        if ends(key, e) {
            let stem = &key[..key.len() - e.len()];
            let n = stem.len() + 3;
            if n <= buf.len() {
                buf[..stem.len()].copy_from_slice(stem);
                buf[stem.len()..n].copy_from_slice(b"nen");
                if table::surname(lookup(&buf[..n])) > 0 {
                    return 2;
                }
            }
        }
    }
    if SURNAME_ENDINGS.iter().any(|e| ends(key, e)) {
        return 1;
    }
    0
}

/// Whether the byte before `i` ends a word (no letter, digit, hyphen or
/// dot glued to a letter right before it).
fn boundary(h: &[u8], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let b = h[i - 1];
    if b.is_ascii_alphanumeric() || b == b'_' {
        return false;
    }
    if b < 0x80 {
        if matches!(b, b'-' | b'.' | b'\'' | b'@' | b'/')
            && i >= 2
            && (h[i - 2].is_ascii_alphanumeric() || h[i - 2] >= 0x80)
        {
            return false;
        }
        return true;
    }
    !word::decode_back(h, i).is_some_and(|(c, _)| {
        word::is_letter(c) || c.is_numeric() || word::is_mark(c)
    })
}

/// The bytes of one separator between name parts at `i`: a space, a
/// no-break space or a narrow no-break space.
fn space_at(h: &[u8], i: usize) -> usize {
    match h.get(i) {
        Some(b' ') => 1,
        Some(0xC2) if h.get(i + 1) == Some(&0xA0) => 2,
        Some(0xE2) if h.get(i + 1..i + 3) == Some(&[0x80, 0xAF]) => 3,
        _ => 0,
    }
}

/// An initial at `i`: `K.`, `K.O.`, `K-O.`, `K.-O.`: its end.
fn initial_at(h: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    let mut n = 0;
    loop {
        let (c, len) = word::letter_at(h, j)?;
        if !c.is_uppercase() {
            return None;
        }
        j += len;
        // Accents in NFD.
        while let Some((m, l)) =
            word::decode(h, j).filter(|(c, _)| word::is_mark(*c))
        {
            let _ = m;
            j += l;
        }
        if h.get(j) != Some(&b'.') {
            // `K-O.`: two initials joined by a hyphen, one dot.
            if n == 0
                && h.get(j) == Some(&b'-')
                && let Some((c2, l2)) = word::letter_at(h, j + 1)
                && c2.is_uppercase()
                && h.get(j + 1 + l2) == Some(&b'.')
            {
                return Some(j + 2 + l2);
            }
            return None;
        }
        j += 1;
        n += 1;
        if n == 3 {
            return Some(j);
        }
        let k = match h.get(j) {
            Some(b'-') => j + 1,
            _ => j,
        };
        match word::letter_at(h, k) {
            Some((c, _)) if c.is_uppercase() => {
                // `K.O.` or `K-O.` continues only if a dot follows.
                let (_, l) = word::letter_at(h, k)?;
                if h.get(k + l) == Some(&b'.') {
                    j = k;
                    continue;
                }
                return Some(j);
            }
            _ => return Some(j),
        }
    }
}

/// Reads and judges the word (hyphenated parts included) at `i`.
fn read_part(h: &[u8], i: usize, known: Option<&Known>) -> Option<Part> {
    if let Some(end) = initial_at(h, i) {
        return Some(Part {
            start: i,
            end,
            role: Role::Initial,
            case: Case::Single,
            given: 0,
            surname: 0,
            ambig: false,
            genitive: false,
            meta: 0,
            first_of: 0,
            last_of: 0,
        });
    }
    let w = word::read(h, i)?;
    let mut p = judge_word(&w, known);
    // Hyphenated: `Anna-Lena`, `Berg-Hansen`.
    let mut end = w.end;
    let mut n = 1;
    while h.get(end) == Some(&b'-') && n < 3 {
        let Some(w2) = word::read(h, end + 1) else { break };
        if w2.case != w.case
            && !(w.case == Case::Title && w2.case == Case::Title)
        {
            break;
        }
        let q = judge_word(&w2, known);
        if q.meta & (STOP | INST | STREET | ORG | TITLE) != 0 {
            // `Munch-museet`: the word after the hyphen is not a name.
            p.meta |= q.meta & (INST | STREET | ORG);
            break;
        }
        p.given =
            if p.given > 0 && q.given > 0 { p.given.min(q.given) } else { 0 };
        p.surname = p.surname.max(q.surname);
        p.ambig = p.ambig && q.ambig;
        p.genitive = q.genitive;
        p.first_of |= q.first_of;
        p.last_of |= q.last_of;
        end = w2.end;
        n += 1;
    }
    p.end = end;
    Some(p)
}

/// The organisation class counts only for a capitalised suffix (`AS`,
/// `Oy`), or the lower-case Icelandic `ehf.`, `hf.` (`sa`, `da`, `as` are
/// ordinary words in lower case).
fn org_fits(meta: u16, w: &Word) -> u16 {
    if meta & ORG != 0
        && matches!(w.case, Case::Lower)
        && !matches!(w.key(), b"ehf" | b"hf" | b"aps")
    {
        meta & !ORG
    } else {
        meta
    }
}

fn judge_word(w: &Word, known: Option<&Known>) -> Part {
    let key = w.key();
    let (mut given, mut surname, mut ambig, meta) = judge(key);
    let meta = org_fits(meta, w);
    let mut genitive = false;
    let (mut first_of, mut last_of) =
        known.map(|k| k.part(key)).unwrap_or((0, 0));
    if given == 0 && surname == 0 && meta & (STOP | TITLE) == 0 {
        // A genitive: `Karis`, `Nordmanns`, `Nordmann's`.
        let stem = if key.ends_with(b"'s") {
            Some(&key[..key.len() - 2])
        } else if key.ends_with(b"s") || key.ends_with(b"'") {
            Some(&key[..key.len() - 1])
        } else {
            None
        };
        if let Some(stem) = stem.filter(|s| s.len() >= 2) {
            let (g, s, a, m) = judge(stem);
            if (g > 0 || s > 0) && m & STOP == 0 {
                given = g;
                surname = s;
                ambig = a;
                genitive = true;
            }
            if let Some(k) = known {
                let (f, l) = k.part(stem);
                if f | l != 0 {
                    first_of = f;
                    last_of = l;
                    genitive = true;
                }
            }
        }
        if given == 0 && surname == 0 {
            surname = surname_by_form(key);
        }
    }
    if meta & STOP != 0 {
        given = 0;
        surname = 0;
    }
    Part {
        start: w.start,
        end: w.end,
        role: Role::Word,
        case: w.case,
        given,
        surname,
        ambig,
        genitive,
        meta,
        first_of,
        last_of,
    }
}

/// Whether a word is an institution or street word by its ending
/// (`Universitetssykehus`, `Storgata`, `Kongsvegen`) while not a name.
fn ends_like_place(h: &[u8], at: usize) -> u16 {
    let Some(w) = word::read(h, at) else { return 0 };
    let key = w.key();
    let m = org_fits(lookup(key), &w);
    if m & (INST | STREET | ORG) != 0 {
        return m & (INST | STREET | ORG);
    }
    if table::given(m) > 0 || table::surname(m) > 0 {
        return 0;
    }
    // Suffixes of at least four bytes, at a character boundary.
    let mut k = 1;
    while k + 4 <= key.len() {
        if key[k] & 0xC0 != 0x80 {
            let s = lookup(&key[k..]);
            if s & (INST | STREET) != 0 {
                return s & (INST | STREET);
            }
        }
        k += 1;
    }
    0
}

/// Where the word a cue would be ends, before a name at `at`: back over
/// spaces, `:` and `(`.
fn cue_end(h: &[u8], at: usize) -> usize {
    let mut j = at;
    let mut skipped = 0;
    while j > 0 && skipped < 4 {
        match h[j - 1] {
            b' ' | b':' | b'(' | b'\t' => {
                j -= 1;
                skipped += 1;
            }
            0xA0 if j >= 2 && h[j - 2] == 0xC2 => {
                j -= 2;
                skipped += 1;
            }
            _ => break,
        }
    }
    j
}

/// Whether a strong cue may end at `j` (the filter of cue endings, on the
/// three bytes before `j` in ASCII lower case).
fn maybe_cue_at(h: &[u8], j: usize) -> bool {
    let t = &h[j.saturating_sub(3)..j];
    let mut b = [b' '; 3];
    b[3 - t.len()..].copy_from_slice(t);
    table::maybe_cue(&lower::<3>(&b))
}

/// The particles, for the quick look.
const PARTICLES: &[&[u8]] = &[
    b"af", b"av", b"von", b"van", b"de", b"der", b"den", b"du", b"la", b"le",
    b"da", b"dos", b"das", b"del", b"della", b"di", b"zu", b"ter", b"ten",
];

/// The quick look: a word at `p` followed by a lower-case word that is no
/// particle, with no strong cue before it, is no name (most capitalised
/// words of prose start a sentence). Decided from the bytes alone, without
/// folding or looking up the word.
fn quick_reject(h: &[u8], p: usize) -> bool {
    let mut j = p;
    while j < h.len() {
        let b = h[j];
        if b.is_ascii_alphabetic()
            || (0x80..=0xBF).contains(&b)
            || (0xC3..=0xCD).contains(&b)
        {
            j += 1;
        } else {
            break;
        }
    }
    match h.get(j) {
        Some(b' ') => {
            let k = j + 1;
            let n = h[k..]
                .iter()
                .take(8)
                .take_while(|b| b.is_ascii_lowercase())
                .count();
            let digit = h.get(k).is_some_and(u8::is_ascii_digit);
            if !digit
                && (n == 0 || (n <= 5 && PARTICLES.contains(&&h[k..k + n])))
            {
                return false;
            }
        }
        // An initial (`K.`), `Surname, Given`.
        Some(b'.') if j - p == 1 => return false,
        Some(b',')
            if h.get(j + 1) == Some(&b' ')
                && !h.get(j + 2).is_some_and(u8::is_ascii_lowercase) =>
        {
            return false;
        }
        Some(
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'(' | b')' | b'"'
            | b'\n' | b'\r',
        ) => {}
        _ => return false,
    }
    !maybe_cue_at(h, cue_end(h, p))
}

/// `b` in ASCII lower case, in a fixed buffer.
fn lower<const N: usize>(b: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    for (o, c) in out.iter_mut().zip(b) {
        *o = c.to_ascii_lowercase();
    }
    out
}

/// The cue before `at`: `(strong, weak)`; `weak` is looked for only if
/// `need_weak` (the weak cues are short ASCII words: `fra`, `til`, `med`).
fn cue_before(h: &[u8], at: usize, need_weak: bool) -> (bool, bool) {
    let j = cue_end(h, at);
    // `v/`, `c/o`.
    let tail = &h[j.saturating_sub(3)..j];
    if tail.ends_with(b"v/")
        || tail.ends_with(b"V/")
        || tail.eq_ignore_ascii_case(b"c/o")
    {
        return (true, false);
    }
    // Most words before a name are no cue: the filter of cue endings
    // answers without reading the word.
    if !maybe_cue_at(h, j) {
        let weak = need_weak
            && j >= 2
            && h[j - 2..j].iter().all(u8::is_ascii_alphabetic)
            && {
                let mut s = j;
                while s > 0 && h[s - 1].is_ascii_alphabetic() {
                    s -= 1;
                }
                (s == 0 || !h[s - 1].is_ascii_alphanumeric())
                    && j - s <= 6
                    && lookup(&lower::<6>(&h[s..j])[..j - s]) & WEAKCUE != 0
            };
        return (false, weak);
    }
    let j = if tail.ends_with(b".") { j - 1 } else { j };
    // The word before.
    let mut s = j;
    while s > 0 {
        match word::decode_back(h, s) {
            Some((c, n)) if word::is_letter(c) || word::is_mark(c) => s -= n,
            _ => break,
        }
        if j - s > 24 {
            return (false, false);
        }
    }
    if s == j {
        return (false, false);
    }
    let Some(w) = word::read(h, s) else { return (false, false) };
    let m = lookup(w.key());
    (m & (CUE | TITLE) != 0, m & WEAKCUE != 0)
}

/// A cue after a name ending at `at`: `, f. 010180`, `født`, `(f. 1980)`,
/// a number (an ID or a date) right after it.
fn cue_after(h: &[u8], at: usize) -> bool {
    let mut j = at;
    let mut skipped = 0;
    while skipped < 3 && matches!(h.get(j), Some(b' ' | b',' | b'(' | b':')) {
        j += 1;
        skipped += 1;
    }
    if j == at {
        return false;
    }
    if h.get(j).is_some_and(u8::is_ascii_digit) {
        let d =
            h[j..].iter().take(12).take_while(|b| b.is_ascii_digit()).count();
        return d >= 6;
    }
    if matches!(h.get(j..j + 2), Some(b"f." | b"F.")) {
        return true;
    }
    let Some(w) = word::read(h, j) else { return false };
    matches!(
        w.key(),
        b"f\xc3\xb8dt"
            | b"f\xc3\xb8dd"
            | b"f\xc3\xb6dd"
            | b"syntynyt"
            | b"f\xc3\xa6dd"
            | b"f\xc3\xa6ddur"
    )
}

/// Whether `at` starts a sentence: nothing but spaces and quotes since
/// the line start or since a `.`, `!`, `?`, `:`.
fn sentence_start(h: &[u8], at: usize) -> bool {
    let mut j = at;
    while j > 0 {
        match h[j - 1] {
            b' ' | b'"' | b'\t' | b'(' | b'-' => j -= 1,
            b'.' | b'!' | b'?' | b'\n' | b'\r' | b':' | b'*' => return true,
            0x9D | 0xBB if j >= 2 => j -= 2, // ” »
            _ => return false,
        }
    }
    true
}

/// Whether another name part may follow a word ending at `end`: a space
/// and a letter that fits `mode` (upper case, or a particle), or `, ` and
/// an upper-case letter.
fn more_follows(h: &[u8], end: usize, mode: Case) -> bool {
    let mut j = end;
    if h.get(j) == Some(&b',') {
        j += 1;
        if space_at(h, j) == 0 {
            return false;
        }
    }
    let sp = space_at(h, j);
    if sp == 0 {
        return false;
    }
    j += sp;
    let Some((c, _)) = word::letter_at(h, j) else { return false };
    if c.is_uppercase() || mode == Case::Lower {
        return true;
    }
    // A particle: a short lower-case word before another word.
    let n =
        h[j..].iter().take(6).take_while(|b| b.is_ascii_lowercase()).count();
    n <= 5 && h.get(j + n) == Some(&b' ')
}

/// The word before `p`, separated from it by one space or no-break space,
/// and where it starts.
fn word_before(h: &[u8], p: usize) -> Option<usize> {
    let mut j = p;
    if j >= 1 && h[j - 1] == b' ' {
        j -= 1;
    } else if j >= 2 && h[j - 2..j] == [0xC2, 0xA0] {
        j -= 2;
    } else if j >= 3 && h[j - 3..j] == [0xE2, 0x80, 0xAF] {
        j -= 3;
    } else {
        return None;
    }
    let end = j;
    // An initial `K.` / `K.O.` ends in a dot.
    let mut s = end;
    if s > 0 && h[s - 1] == b'.' {
        s -= 1;
    }
    while s > 0 {
        match word::decode_back(h, s) {
            Some((c, n)) if word::is_letter(c) || word::is_mark(c) => s -= n,
            Some(('.' | '-', 1))
                if s >= 2 && h[s - 2].is_ascii_uppercase() =>
            {
                s -= 1
            }
            _ => break,
        }
        if end - s > 64 {
            return None;
        }
    }
    (s < end && boundary(h, s)).then_some(s)
}

/// Whether the name word at `p` continues a run of name words begun
/// before it, so that the candidate at the run's start covers it: then no
/// finding starts at `p`. This keeps findings from overlapping, so that a
/// finding below the threshold never hides a later one (the merge walks on
/// from a finding's end).
///
/// A candidate covers at most [`MAX_PARTS`] words, so in a longer run the
/// word after every `MAX_PARTS`-th starts a candidate of its own: no name
/// word of a run is left to no candidate, and masking one finding never
/// uncovers a name behind it.
fn continues(h: &[u8], p: usize, me: &Part, known: Option<&Known>) -> bool {
    if !follows(h, p, me, known) {
        return false;
    }
    // Count the run's words before `p`, back to its start (bounded: a run
    // this long is not prose).
    let (mut q, mut before) = (p, 1usize);
    while before < 8 * MAX_PARTS {
        let Some(s) = word_before(h, q) else { break };
        let Some(prev) = read_part(h, s, known) else { break };
        if !follows(h, s, &prev, known) {
            break;
        }
        (q, before) = (s, before + 1);
    }
    before % MAX_PARTS != 0
}

/// Whether the name word at `p` follows a name word that a candidate
/// would take it with (one step of [`continues`]).
fn follows(h: &[u8], p: usize, me: &Part, known: Option<&Known>) -> bool {
    let Some(s) = word_before(h, p) else {
        // `Nordmann, Kari`: the comma form covers a known given name after a
        // known surname.
        if p >= 2
            && h[p - 2..p] == *b", "
            && me.given > 0
            && !me.ambig
            && let Some(s) = word_before(h, p - 1).or_else(|| {
                let mut s = p - 2;
                while s > 0 && h[s - 1].is_ascii_alphabetic() {
                    s -= 1;
                }
                (s < p - 2).then_some(s)
            })
            && let Some(prev) = read_part(h, s, known)
        {
            return prev.role == Role::Word
                && prev.surname > 0
                && !prev.ambig
                && word_before(h, s).is_none()
                && prev.case == me.case;
        }
        return false;
    };
    if h[s].is_ascii_lowercase() && me.case != Case::Lower && p - s > 6 {
        // A lower-case word longer than a particle.
        return false;
    }
    let Some(prev) = read_part(h, s, known) else { return false };
    if prev.end + space_at(h, prev.end) != p {
        return false;
    }
    match prev.role {
        Role::Initial => me.case != Case::Lower,
        // `Anders af Ekström`: a particle continues a name only after a
        // capitalised word (`fram av Kari` starts one).
        _ if prev.meta & PARTICLE != 0 && prev.case == Case::Lower => {
            word_before(h, s).is_some_and(|b| {
                word::letter_at(h, b).is_some_and(|(c, _)| c.is_uppercase())
            })
        }
        _ => {
            let same = match me.case {
                Case::Title | Case::Mixed => {
                    matches!(prev.case, Case::Title | Case::Mixed)
                }
                c => prev.case == c,
            };
            same && !prev.genitive
                && (prev.first_of | prev.last_of != 0
                    || prev.meta & (STOP | TITLE | CUE | ORG | INST | STREET)
                        == 0)
                && !lead_only(h, s, &prev)
        }
    }
}

/// Whether the word `w` at `p` is an unknown capitalised word at a
/// sentence start (`Igår`, `Nylig`): grammar, not a name. It starts no
/// finding when a known name word follows, and does not hold that word.
fn lead_only(h: &[u8], p: usize, w: &Part) -> bool {
    w.role == Role::Word
        && w.given == 0
        && w.surname == 0
        && !w.ambig
        && w.first_of | w.last_of == 0
        && sentence_start(h, p)
}

impl NamesPass {
    /// The finding that starts at `p`, a word start, if any.
    fn candidate(&self, h: &[u8], p: usize) -> Option<Match> {
        let known = self.known.as_ref();
        // The quick look: a single word (most capitalised words in prose
        // start a sentence) is a name only after a cue.
        if known.is_none() && quick_reject(h, p) {
            return None;
        }
        let w = word::read(h, p)?;
        let caller = |key: &[u8]| {
            known.is_some_and(|k| {
                let (f, l) = k.part(key);
                f | l != 0 || k.genitive_part(key)
            })
        };
        if w.case == Case::Lower
            && !caller(w.key())
            && !cue_before(h, p, false).0
        {
            // Lower case: only after a strong cue, or a caller's name.
            return None;
        }
        if !matches!(h.get(w.end), Some(b'-' | b'.'))
            && !more_follows(h, w.end, w.case)
            && !caller(w.key())
            && !cue_before(h, p, false).0
        {
            return None;
        }
        let mut parts = [None::<Part>; MAX_PARTS];
        let mut n = 0;
        let first = read_part(h, p, known)?;
        let mode = match first.role {
            Role::Initial => Case::Title,
            _ => match first.case {
                Case::Title | Case::Mixed => Case::Title,
                Case::Upper => Case::Upper,
                Case::Lower => Case::Lower,
                Case::Single => return None,
            },
        };
        if first.role == Role::Word
            && first.first_of | first.last_of == 0
            && (first.meta & (STOP | TITLE | ORG | INST | STREET | PARTICLE)
                != 0
                || first.meta & CUE != 0)
        {
            return None;
        }
        if first.role == Role::Word
            && first.first_of | first.last_of == 0
            && !more_follows(h, first.end, mode)
        {
            // One word: a name only after a cue, and an unknown
            // capitalised word at a sentence start is grammar.
            if !(first.known() || first.ambig) && sentence_start(h, p) {
                return None;
            }
            if !cue_before(h, p, false).0 {
                return None;
            }
        }
        if continues(h, p, &first, known) {
            return None;
        }
        if lead_only(h, p, &first) {
            let j = first.end + space_at(h, first.end);
            if j > first.end
                && read_part(h, j, known).is_some_and(|q| {
                    q.role == Role::Word
                        && (q.known() || q.first_of | q.last_of != 0)
                        && q.meta & (STOP | TITLE | CUE) == 0
                })
            {
                return None;
            }
        }
        let mut stopper: u16 = first.meta & (INST | STREET | ORG);
        // The word after the span, checked for a place ending only if the
        // words would be reported.
        let mut place_at: Option<usize> = None;
        let mut cur = first;
        let mut comma = false;
        loop {
            parts[n] = Some(cur);
            n += 1;
            if stopper != 0 {
                break;
            }
            if cur.genitive || n == MAX_PARTS {
                // `Henrik Ibsens gate`: what follows a genitive may still
                // say the words name a place.
                let j = cur.end + space_at(h, cur.end);
                if j > cur.end {
                    place_at = Some(j);
                }
                break;
            }
            let mut j = cur.end;
            let mut sep = space_at(h, j);
            if sep == 0
                && n == 1
                && cur.role == Role::Word
                && h.get(j) == Some(&b',')
                && space_at(h, j + 1) > 0
            {
                // `Nordmann, Kari`.
                sep = 1 + space_at(h, j + 1);
                comma = true;
            }
            if sep == 0 {
                break;
            }
            j += sep;
            let Some(next) = read_part(h, j, known) else {
                comma &= n > 1;
                break;
            };
            let fits = match next.role {
                Role::Initial => mode == Case::Title,
                _ => match mode {
                    Case::Title => {
                        matches!(next.case, Case::Title | Case::Mixed)
                    }
                    Case::Upper => next.case == Case::Upper,
                    _ => next.case == Case::Lower,
                },
            };
            if next.role == Role::Word
                && next.meta & PARTICLE != 0
                && next.case == Case::Lower
                && mode == Case::Title
                && !comma
            {
                // `af`, `von`: a particle between capitalised words.
                let k = next.end + space_at(h, next.end);
                if k > next.end
                    && read_part(h, k, known).is_some_and(|q| {
                        q.case == Case::Title && q.role == Role::Word
                    })
                {
                    cur = Part { role: Role::Particle, ..next };
                    continue;
                }
            }
            let is_other = next.first_of | next.last_of == 0
                && (next.meta & (STOP | TITLE) != 0 || next.meta & CUE != 0);
            if !fits || is_other {
                comma &= n > 1;
                stopper = next.meta & (INST | STREET | ORG);
                if stopper == 0
                    && next.role == Role::Word
                    && matches!(next.case, Case::Lower | Case::Title)
                {
                    place_at = Some(j);
                }
                break;
            }
            if next.role == Role::Word
                && next.first_of | next.last_of == 0
                && next.given == 0
                && next.surname == 0
                && next.meta & (INST | STREET | ORG) == 0
                && ends_like_place(h, j) != 0
            {
                stopper = ends_like_place(h, j);
                break;
            }
            if next.meta & (INST | STREET | ORG) != 0 {
                stopper = next.meta & (INST | STREET | ORG);
                break;
            }
            cur = next;
        }
        if stopper != 0 {
            return None;
        }
        // Drop trailing particles and initials.
        while n > 1 && parts[n - 1].is_some_and(|q| q.role != Role::Word) {
            n -= 1;
        }
        if comma && n < 2 {
            comma = false;
        }
        let parts = &parts[..n];
        let last = parts[n - 1]?;
        if last.role != Role::Word {
            return None;
        }
        let end = last.end;
        let (before, weak) = cue_before(h, p, true);
        let strong = before || cue_after(h, end);
        let words = parts.iter().flatten().filter(|q| q.role == Role::Word);
        let n_words = words.clone().count();
        let initials = parts.iter().flatten().any(|q| q.role == Role::Initial);
        let n_known = words.clone().filter(|q| q.known()).count();
        let n_ambig = words.clone().filter(|q| q.ambig).count();
        let first_w = words.clone().next()?;
        // Known names of the caller.
        if let Some(k) = known {
            let firsts = words.clone().fold(0, |a, q| a | q.first_of);
            let lasts = words.clone().fold(0, |a, q| a | q.last_of);
            let whole = if comma {
                firsts & last.first_of & first_w.last_of
            } else {
                firsts & lasts
            };
            if whole != 0 && n_words >= 2 {
                return Some(self.found(
                    p,
                    end,
                    Confidence::High,
                    Flags::CONTEXT,
                    mode,
                ));
            }
            // The first or last name alone: the caller's word at `p`,
            // once the full name was seen before it.
            let one = first_w.first_of | first_w.last_of;
            let alone = n_words == 1
                || words.clone().nth(1).is_some_and(|q| {
                    q.first_of | q.last_of == 0
                        && !(q.known() && mode != Case::Lower)
                });
            if one != 0 && alone && k.seen_before(h, p, one) {
                return Some(self.found(
                    p,
                    first_w.end,
                    Confidence::High,
                    Flags::CONTEXT,
                    mode,
                ));
            }
        }
        let cue_flag =
            if strong || weak { Flags::CONTEXT } else { Flags::empty() };
        let conf = if comma {
            // `Surname, Given`: the surname known and the given name known.
            let g =
                parts.iter().flatten().skip(1).any(|q| {
                    q.role == Role::Initial || (q.given > 0 && !q.ambig)
                });
            if first_w.surname > 0 && !first_w.ambig && g {
                Confidence::High
            } else if first_w.surname > 0 || g {
                Confidence::Low
            } else {
                return None;
            }
        } else if n_words == 1 && !initials {
            let w = first_w;
            // One word needs a cue before it (`KID: 1234…` has a number
            // after it and is no name).
            if !before {
                return None;
            }
            if mode == Case::Upper && w.given < 2 && w.surname < 2 {
                return None;
            }
            if w.known()
                && (w.given >= 2 || w.surname >= 1)
                && mode != Case::Lower
            {
                Confidence::High
            } else if mode == Case::Title && (w.known() || w.ambig) {
                Confidence::Medium
            } else if mode == Case::Title {
                Confidence::Low
            } else {
                return None;
            }
        } else if initials {
            if mode != Case::Title {
                return None;
            }
            if last.surname > 0 && !last.ambig {
                if strong || weak {
                    Confidence::High
                } else {
                    Confidence::Medium
                }
            } else if last.given > 0 || last.ambig {
                if strong { Confidence::Medium } else { Confidence::Low }
            } else if strong || weak {
                Confidence::Medium
            } else {
                Confidence::Low
            }
        } else {
            let g = first_w.given > 0 && !first_w.ambig;
            let s = last.surname > 0 && !last.ambig;
            let middle_ok = parts[1..n - 1]
                .iter()
                .flatten()
                .all(|q| q.role != Role::Word || q.known() || q.ambig);
            let base = if g && s && middle_ok {
                Confidence::High
            } else if g && s {
                Confidence::Medium
            } else if n_known >= 1
                && (g || s || last.given > 0 || n_known + n_ambig == n_words)
            {
                // One side known; the other a capitalised word, or an
                // ordinary word backed by the known one.
                Confidence::Medium
            } else {
                Confidence::Low
            };
            let base = match mode {
                // Capitals and lower case: every word must be known.
                Case::Upper | Case::Lower if n_known + n_ambig < n_words => {
                    return None;
                }
                Case::Lower if !(g && s && before) => return None,
                _ => base,
            };
            let base = if (g || n_known > 0)
                && base == Confidence::Medium
                && mode == Case::Title
                && sentence_start(h, p)
                && !first_w.known()
                && !first_w.ambig
            {
                Confidence::Low
            } else {
                base
            };
            if strong || (weak && n_known > 0) {
                base.max(Confidence::Medium).max(if n_known > 0 {
                    Confidence::High
                } else {
                    Confidence::Medium
                })
            } else {
                base
            }
        };
        if place_at.is_some_and(|j| ends_like_place(h, j) != 0) {
            return None;
        }
        Some(self.found(p, end, conf, cue_flag, mode))
    }

    fn found(
        &self,
        p: usize,
        end: usize,
        conf: Confidence,
        flags: Flags,
        mode: Case,
    ) -> Match {
        let flags =
            if mode == Case::Lower { flags | Flags::LOWERCASE } else { flags };
        Match::new(Kind::PersonName, conf, flags, p, end)
    }
}

/// Byte classes of the scan: 1 = ASCII upper case, 2 = a lead byte of a
/// possibly upper-case letter, 3 = a space (a lower-case word may follow).
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = b'A';
    while b <= b'Z' {
        t[b as usize] = 1;
        b += 1;
    }
    t[0xC3] = 2;
    t[0xC4] = 2;
    t[0xC5] = 2;
    t[0xC6] = 2;
    t[0xD0] = 2;
    t[b' ' as usize] = 3;
    t
};

impl NamesPass {
    /// The next byte at or after `i` where a name may start.
    #[inline]
    fn next_start(&self, h: &[u8], mut i: usize) -> Option<usize> {
        while i < h.len() {
            let c = CLASS[h[i] as usize];
            if c == 0 {
                i += 1;
                continue;
            }
            match c {
                1 => {
                    if boundary(h, i) {
                        return Some(i);
                    }
                }
                2 => {
                    if word::letter_at(h, i)
                        .is_some_and(|(c, _)| c.is_uppercase())
                        && boundary(h, i)
                    {
                        return Some(i);
                    }
                }
                _ => {
                    // A lower-case word after a space: only after a strong
                    // cue (the filter of cue-word endings: `søker`, `v/`,
                    // `vedr.`) or where a caller's name may start.
                    let j = i + 1;
                    if h.get(j)
                        .is_some_and(|b| b.is_ascii_lowercase() || *b >= 0xC3)
                        && ((i >= 3 && table::maybe_lower_cue(&h[i - 3..i]))
                            || self.known.as_ref().is_some_and(|k| {
                                h.get(j..j + 3)
                                    .is_some_and(|t| k.maybe_start(t))
                            }))
                    {
                        return Some(j);
                    }
                }
            }
            i += 1;
        }
        None
    }
}

impl TextPass for NamesPass {
    fn kinds(&self) -> KindSet {
        KindSet::of(&[Kind::PersonName])
    }

    fn reach(&self) -> usize {
        // Six words of at most 48 bytes with their separators, the word
        // after them and a cue after them.
        MAX_PARTS * 56 + 96
    }

    fn find_at(&self, sc: &Scanner, h: &[u8], from: usize) -> Option<Match> {
        if !sc.kinds.contains(Kind::PersonName) {
            return None;
        }
        let mut i = from;
        while let Some(p) = self.next_start(h, i) {
            if p >= from
                && boundary(h, p)
                && let Some(m) = self.candidate(h, p)
            {
                return Some(m);
            }
            i = p + 1;
        }
        None
    }
}
