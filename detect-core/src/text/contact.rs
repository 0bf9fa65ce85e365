//! The contact pass: e-mail addresses, phone numbers and street addresses
//! (docs/rules-contact.md §2–§4).
//!
//! E-mail addresses are found from their `@` (one `memchr` jump); phone
//! numbers and addresses from digit runs (the prefilter's jump to the next
//! digit): a phone starts at the digits or at the `+`/`(` before them, an
//! address at the street name before its house number. Every decision
//! depends only on the bytes around the finding, so the pass is
//! position-determined.

use crate::kind::{Confidence, Flags, Kind, KindSet};
use crate::scanner::{Match, Scanner};
use crate::shape;
use crate::text::TextPass;
use crate::text::num::{
    self, Cx, DOT, Groups, HYPHEN, Label, SPACE, char_at, char_before,
    label_before, letter_at, letter_before,
};

/// The kinds of the phone and address detector.
pub(crate) const KINDS: KindSet = KindSet::of(&[Kind::Phone, Kind::Address]);

/// The longest local part read back from `@`.
const MAX_LOCAL: usize = 64;
/// The longest domain read after `@`.
const MAX_DOMAIN: usize = 253;
/// How far before its house number a street name may start.
pub(crate) const MAX_STREET: usize = 80;

/// The bytes a phone or address decision may look at after its start: a
/// street name before its number, the number, floor, postcode and town.
pub(crate) const REACH: usize = MAX_STREET + 160;

/// The e-mail pass: a pass of its own, so that the merge keeps its place
/// (the next `@`) while the digit kinds report between two addresses.
#[derive(Debug, Default)]
pub(crate) struct EmailPass;

impl TextPass for EmailPass {
    fn kinds(&self) -> KindSet {
        KindSet::of(&[Kind::Email])
    }

    fn reach(&self) -> usize {
        MAX_LOCAL + 1 + MAX_DOMAIN + 8
    }

    fn find_at(&self, sc: &Scanner, h: &[u8], from: usize) -> Option<Match> {
        next_email(sc, h, from)
    }
}

// ---------------------------------------------------------------- e-mail

/// The first e-mail address starting at or after `from`.
fn next_email(sc: &Scanner, h: &[u8], from: usize) -> Option<Match> {
    let mut i = from;
    while i < h.len() {
        let a = i + memchr::memchr(b'@', &h[i..])?;
        if let Some(m) = email_at(sc, h, a)
            && m.start() >= from
        {
            return Some(m);
        }
        i = a + 1;
    }
    None
}

/// Whether `c` may stand in a local part as people write it.
fn local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-' | '\'')
}

/// Whether `c` may stand in a domain label (IDN letters included).
fn domain_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The e-mail address around the `@` at `a` (docs/rules-contact.md §2).
fn email_at(sc: &Scanner, h: &[u8], a: usize) -> Option<Match> {
    // Local part, read back.
    let lo = a.saturating_sub(MAX_LOCAL);
    let mut s = a;
    while s > lo {
        match char_before(h, s) {
            Some((c, l)) if local_char(c) && s - l >= lo => s -= l,
            _ => break,
        }
    }
    // A local part longer than the limit, or glued to more text.
    if s == lo
        && lo > 0
        && char_before(h, s).is_some_and(|(c, _)| local_char(c))
    {
        return None;
    }
    // Quotes and dots around it are punctuation, not part of it.
    while s < a && matches!(h[s], b'.' | b'\'' | b'-' | b'+') {
        s += 1;
    }
    if s == a || h[a - 1] == b'.' || h[s..a].windows(2).any(|w| w == b"..") {
        return None;
    }
    if s > 0 && matches!(h[s - 1], b'@' | b'/' | b':' | b'=' | b'&' | b'?') {
        // Inside a URL: `https://user@host` (user-info) or a path.
        if url_userinfo(h, s) {
            return None;
        }
    }
    // Domain.
    let hi = (a + 1 + MAX_DOMAIN).min(h.len());
    let mut i = a + 1;
    let mut labels = 0;
    let mut end = a + 1;
    let mut tld_ok = false;
    loop {
        let ls = i;
        while i < hi {
            match char_at(h, i) {
                Some((c, l)) if domain_char(c) && i + l <= hi => i += l,
                _ => break,
            }
        }
        if i == ls || h[ls] == b'-' || h[i - 1] == b'-' {
            break;
        }
        labels += 1;
        end = i;
        let label = &h[ls..i];
        tld_ok = (label.len() >= 2
            && core::str::from_utf8(label)
                .is_ok_and(|t| t.chars().all(char::is_alphabetic)))
            || (label.len() > 4 && label[..4].eq_ignore_ascii_case(b"xn--"));
        if i < hi
            && h[i] == b'.'
            && char_at(h, i + 1).is_some_and(|(c, _)| domain_char(c))
        {
            i += 1;
            continue;
        }
        break;
    }
    if labels < 2 || !tld_ok {
        return None;
    }
    if h.get(end) == Some(&b'@') {
        return None;
    }
    let mut flags = Flags::empty();
    let mut level = Confidence::Medium;
    if label_before(h, s, sc.before) == Label::Email {
        flags.insert(Flags::CONTEXT);
        level = Confidence::High;
    }
    Some(Match::new(Kind::Email, level, flags, s, end))
}

/// Whether the text before `s` is a URL's scheme and user-info
/// (`https://user:pw@`), or a path or query the address sits in.
fn url_userinfo(h: &[u8], s: usize) -> bool {
    let lo = s.saturating_sub(256);
    let mut t = s;
    while t > lo && !h[t - 1].is_ascii_whitespace() {
        t -= 1;
    }
    let tok = &h[t..s];
    match tok.windows(3).position(|w| w == b"://") {
        // After `scheme://` with no `/` yet: user-info.
        Some(k) => !tok[k + 3..].contains(&b'/'),
        None => h[s - 1] == b'@' || h[s - 1] == b'/',
    }
}

// ------------------------------------------------------ phones, addresses

/// The phone number or address found at the digit run `p..run_end` (no
/// digit before it), starting at or after `from`: the address whose house
/// number it is, else the phone number starting at it or at the `+`/`(`
/// before it.
pub(crate) fn at_run(
    sc: &Scanner,
    h: &[u8],
    from: usize,
    p: usize,
    run_end: usize,
    cx: &mut Cx,
) -> Option<Match> {
    let phone = sc.kinds.contains(Kind::Phone);
    let address = sc.kinds.contains(Kind::Address);
    // A house number follows a word and a space.
    if address
        && p >= 3
        && h[p - 1] == b' '
        && run_end - p <= 4
        && (h[p - 2].is_ascii_alphabetic()
            || h[p - 2] >= 0x80
            || h[p - 2] == b'.')
        && let Some(m) = address_at(sc, h, p, cx)
        && m.start() >= from
    {
        return Some(m);
    }
    if phone
        && (cx.at_least7(h, p) || (p >= 1 && matches!(h[p - 1], b'+' | b'(')))
    {
        // A prefix before the digits: `+47`, `(+46)`, `(08)`.
        for back in [2, 1, 0] {
            if p >= back
                && p - back >= from
                && let Some(m) = phone_at(sc, h, p - back, cx)
            {
                return Some(m);
            }
        }
    }
    None
}

pub(crate) fn skip_run(h: &[u8], mut i: usize) -> usize {
    while let Some((_, l)) = shape::digit_at(h, i) {
        i += l;
    }
    i
}

/// Country codes read after `+` or `00`, and the digits of the national
/// number they take (docs/rules-contact.md §3).
const CODES: &[(&[u8], u8, u8)] = &[
    (&[4, 7], 8, 8),
    (&[4, 5], 8, 8),
    (&[4, 6], 7, 9),
    (&[3, 5, 8], 5, 10),
    (&[3, 5, 4], 7, 7),
    (&[2, 9, 8], 6, 6),
    (&[2, 9, 9], 6, 6),
];

/// How much a phone number's form says on its own.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A country code or a grouping only phones use: `medium`.
    Strong,
    /// A plan's length, bare: `low`.
    Weak,
    /// A plan's length in a grouping other numbers use too: only with a
    /// label.
    LabelOnly,
}

/// The phone number starting at `s` (a digit, `+` or `(`): its form is
/// read first, the label before it only for a form that holds.
fn phone_at(sc: &Scanner, h: &[u8], s: usize, cx: &mut Cx) -> Option<Match> {
    let (end, form, sep) = phone_form(sc, h, s, cx)?;
    let label = cx.label_before(h, s, sc.before);
    let level = match label {
        Label::Phone => Confidence::High,
        Label::None | Label::Email | Label::Address => match form {
            Form::Strong => Confidence::Medium,
            Form::Weak => Confidence::Low,
            Form::LabelOnly => return None,
        },
        _ => return None,
    };
    let mut flags = Flags::empty();
    flags.set(Flags::CONTEXT, label == Label::Phone);
    flags.set(Flags::SEPARATOR, sep);
    Some(Match::new(Kind::Phone, level, flags, s, end))
}

/// The form of a phone number at `s`: its end, how strong the form is,
/// and whether it is grouped.
fn phone_form(
    sc: &Scanner,
    h: &[u8],
    s: usize,
    cx: &mut Cx,
) -> Option<(usize, Form, bool)> {
    let b = h[s];
    let mut i = s;
    let paren = b == b'(';
    if paren {
        i += 1;
    }
    let plus = h.get(i) == Some(&b'+');
    if plus {
        i += 1;
    }
    if (paren || plus) && shape::digit_at(h, i).is_none() {
        return None;
    }
    if !b.is_ascii_digit() && !paren && !plus {
        return None;
    }
    // Left of the whole number.
    if s > 0 {
        let c = h[s - 1];
        if c.is_ascii_alphanumeric()
            || shape::digit_before(h, s)
            || matches!(c, b'+' | b'(' | b'/' | b'=' | b'-' | b'.' | b',')
            || (!plus && !paren && !num::left_ok(h, s))
            || letter_before(h, s)
        {
            return None;
        }
    }
    // International: `+CC`, `(+CC)`, `00CC`.
    let intl = if plus {
        true
    } else if !paren && h.get(i..i + 2) == Some(b"00") {
        i += 2;
        true
    } else {
        false
    };
    if intl {
        let g = Groups::read(h, i, SPACE | HYPHEN | DOT, 8);
        let cd = &g.d[..g.n];
        let (code, min, max) = CODES
            .iter()
            .copied()
            .find(|(c, _, _)| cd.starts_with(c))
            .unwrap_or((&[], 8, 15));
        if code.is_empty() {
            // Another country: E.164 as written, 8–15 digits.
            if !plus || !(8..=15).contains(&g.n) || g.d[0] == 0 {
                return None;
            }
            return num::right_ok(h, g.end).then_some((
                g.end,
                Form::Strong,
                true,
            ));
        }
        if g.ng == 1 && g.n == code.len() {
            // The code apart: `+46 70…`, `(+46) 70…`, `+46 (0)70…`.
            let mut at = g.end;
            if paren {
                if h.get(at) != Some(&b')') {
                    return None;
                }
                at += 1;
            }
            at = skip_spaces(h, at)?;
            if !paren && h.get(at..at + 3) == Some(b"(0)") {
                at = skip_spaces(h, at + 3)?;
            }
            let g2 = Groups::read(h, at, SPACE | HYPHEN | DOT, 8);
            if g2.n == 0 {
                return None;
            }
            return plan(h, g2.end, g2.digits(), min, max);
        }
        if paren {
            return None;
        }
        return plan(h, g.end, &cd[code.len()..], min, max);
    }
    if paren {
        // An area code in brackets: `(08) 123 45 67`.
        let g = Groups::read(h, i, 0, 1);
        if g.n < 2 || g.n > 4 || g.d[0] != 0 || h.get(g.end) != Some(&b')') {
            return None;
        }
        let rest = skip_spaces(h, g.end + 1)?;
        let g2 = Groups::read(h, rest, SPACE | HYPHEN, 6);
        let n = g.n + g2.n;
        if !(7..=10).contains(&n) || g2.n < 5 || !num::right_ok(h, g2.end) {
            return None;
        }
        return Some((g2.end, Form::Strong, true));
    }
    national(sc, h, s, cx)
}

fn skip_spaces(h: &[u8], mut i: usize) -> Option<usize> {
    let mut k = 0;
    while let Some((shape::Sep::Space, l)) = shape::sep_at(h, i) {
        i += l;
        k += 1;
        if k > 2 {
            return None;
        }
    }
    Some(i)
}

/// A number after a known country code: its national significant number
/// must have the plan's length (a written trunk `0` dropped).
fn plan(
    h: &[u8],
    end: usize,
    nsn: &[u8],
    min: u8,
    max: u8,
) -> Option<(usize, Form, bool)> {
    let nsn = match nsn.first() {
        Some(0) => &nsn[1..],
        _ => nsn,
    };
    let n = nsn.len();
    if n < usize::from(min) || n > usize::from(max) || nsn[0] == 0 {
        return None;
    }
    num::right_ok(h, end).then_some((end, Form::Strong, true))
}

/// Whether group lengths are a date (`01 02 2024`, `2024-02-01`).
fn date_like(l: &[u8]) -> bool {
    matches!(l, [2, 2, 4] | [4, 2, 2] | [1, 2, 4] | [2, 1, 4] | [1, 1, 4])
}

/// A national number without a country code at digit `s`.
fn national(
    sc: &Scanner,
    h: &[u8],
    s: usize,
    cx: &mut Cx,
) -> Option<(usize, Form, bool)> {
    let g = cx.groups6(h, s);
    let d = g.digits();
    let lens = g.lens();
    if !(7..=10).contains(&d.len())
        || date_like(lens)
        || (d[0] != 0 && num::thousands(lens) && lens != [3, 3])
    {
        return None;
    }
    // Dots only in pairs: `22.33.44.55`.
    if g.seps & DOT != 0 && lens != [2, 2, 2, 2] {
        return None;
    }
    if !g.one_sep() && g.seps & DOT != 0 {
        return None;
    }
    let form = if d[0] == 0 {
        // Sweden and Finland, trunk 0: `070-123 45 67`, `08-123 456 78`,
        // `040 123 4567`, `09 1234 567`.
        if d.len() < 8 || d[1] == 0 {
            return None;
        }
        if (2..=4).contains(&lens[0]) && g.ng >= 2 {
            Form::Strong
        } else if g.ng == 1 && d.len() == 10 && d[1] == 7 {
            // Bare ten digits starting 07: a Swedish mobile, maybe.
            Form::Weak
        } else {
            Form::LabelOnly
        }
    } else {
        match d.len() {
            // Norway and Denmark.
            8 if d[0] >= 2 => {
                if matches!(lens, [2, 2, 2, 2] | [3, 2, 3]) {
                    Form::Strong
                } else if matches!(lens, [8] | [4, 4]) && !num::date8(d) {
                    Form::Weak
                } else {
                    Form::LabelOnly
                }
            }
            // Iceland.
            7 if (4..=8).contains(&d[0]) => {
                if lens == [3, 4] {
                    Form::Strong
                } else {
                    Form::LabelOnly
                }
            }
            _ => return None,
        }
    };
    if !num::right_ok(h, g.end) || num::amount_around(h, s, g.end) {
        return None;
    }
    if cx.id_at(sc, h, s) {
        return None;
    }
    Some((g.end, form, g.ng > 1))
}

/// Street words written as the end of the street name
/// (docs/rules-contact.md §4).
const SUFFIXES: &[&str] = &[
    // Norwegian.
    "gata",
    "gate",
    "gaten",
    "veien",
    "vegen",
    "vei",
    "veg",
    "plass",
    "plassen",
    "torg",
    "torget",
    "allé",
    "alle",
    "bakken",
    "svingen",
    "stien",
    "brygge",
    "bryggen",
    "kaia",
    "løkka",
    "tunet",
    // Danish.
    "gade",
    "vej",
    "vejen",
    "stræde",
    "plads",
    "torv",
    "vænget",
    "boulevard",
    // Swedish.
    "gatan",
    "vägen",
    "väg",
    "gränd",
    "gränden",
    "stigen",
    "backe",
    "backen",
    "leden",
    "esplanaden",
    // Finnish.
    "katu",
    "tie",
    "kuja",
    "polku",
    "tori",
    "kaari",
    "väylä",
    "raitti",
    "rinne",
    "puisto",
    // Icelandic.
    "vegur",
    "stígur",
    "braut",
    "stræti",
    "gata",
    "tröð",
    "sund",
];

/// Street words written as a word of their own after the name
/// (`Kong Oscars gate`, `Carl Berners plass`, `H.C. Andersens Boulevard`).
const WORDS: &[&str] = &[
    "gate",
    "gata",
    "gt",
    "vei",
    "veg",
    "vn",
    "allé",
    "alle",
    "plass",
    "torg",
    "vej",
    "gade",
    "plads",
    "torv",
    "väg",
    "gatan",
    "vägen",
    "tie",
    "katu",
    "boulevard",
    "stræde",
    "brygge",
];

/// The longest of [`WORDS`], in bytes: a longer word is none of them.
const MAX_WORD: usize = 9;

const _: () = {
    let mut i = 0;
    while i < WORDS.len() {
        assert!(WORDS[i].len() <= MAX_WORD, "MAX_WORD is the longest word");
        i += 1;
    }
};

/// Street words that follow a name not in the genitive
/// (`Frederiksberg Allé`).
const FREE_WORDS: &[&str] = &["allé", "alle", "boulevard"];

/// Words that may stand before a one-word street name (`Øvre Slottsgate`).
const PREFIXES: &[&str] = &[
    "øvre", "nedre", "store", "lille", "gamle", "nye", "søndre", "nordre",
    "østre", "vestre", "sankt", "st", "stora", "lilla", "norra", "södra",
    "östra", "västra", "gamla", "nya", "gammel", "ny", "gl",
];

/// What stands before a house number.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Street {
    /// A street word ends the name: `Storgata`, `Mannerheimintie`.
    Suffix,
    /// A street word of its own after a capitalised name.
    Word,
    /// No street word, but an address label: `adresse: Holmen 3`.
    Labelled,
}

/// The word ending at `e` (letters, with inner `-` and `.`): its start.
fn word_start(h: &[u8], e: usize, lo: usize) -> usize {
    let mut i = e;
    while i > lo {
        match char_before(h, i) {
            Some((c, l)) if c.is_alphabetic() && i - l >= lo => i -= l,
            Some(('-' | '.', 1))
                if letter_before(h, i - 1) && letter_at(h, i) =>
            {
                i -= 1
            }
            _ => break,
        }
    }
    i
}

fn starts_upper(w: &[u8]) -> bool {
    char_at(w, 0).is_some_and(|(c, _)| c.is_uppercase())
}

fn in_list(w: &[u8], list: &[&str]) -> bool {
    let mut buf = [0; 40];
    let l = num::lower(w, &mut buf);
    list.iter().any(|x| x.as_bytes() == l)
}

fn ends_with_suffix(w: &[u8]) -> bool {
    let mut buf = [0; 40];
    let l = num::lower(w, &mut buf);
    // Only the suffixes with the word's last byte can fit.
    let Some(&last) = l.last() else { return false };
    if !SUFFIX_LAST[usize::from(last)] {
        return false;
    }
    SUFFIXES.iter().any(|x| {
        let x = x.as_bytes();
        l.len() > x.len() + 1 && l.ends_with(x)
    })
}

/// The last bytes of [`SUFFIXES`].
const SUFFIX_LAST: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < SUFFIXES.len() {
        let x = SUFFIXES[i].as_bytes();
        t[x[x.len() - 1] as usize] = true;
        i += 1;
    }
    t
};

/// The street address whose house number starts at digit `p`.
fn address_at(sc: &Scanner, h: &[u8], p: usize, cx: &mut Cx) -> Option<Match> {
    // House number: 1–4 digits, not starting with 0, after one space.
    if p < 3 || h[p - 1] != b' ' {
        return None;
    }
    let lo = p.saturating_sub(MAX_STREET);
    let mut we = p - 1;
    // `Storgt. 5`, `Kirkevn. 3`.
    let abbrev = h[we - 1] == b'.';
    if abbrev {
        we -= 1;
    }
    let ws = word_start(h, we, lo);
    if ws == we {
        return None;
    }
    let word = &h[ws..we];
    // The case tests first: most words before a number are lower case,
    // and only the street words of their own may be.
    let upper = starts_upper(word);
    let (street, start) = if !abbrev
        && (upper || word.iter().all(|b| !b.is_ascii_lowercase()))
        && ends_with_suffix(word)
    {
        // One-word name; a prefix word before it belongs to it.
        let mut start = ws;
        if ws >= 2 && h[ws - 1] == b' ' {
            let ps = word_start(h, ws - 1, lo);
            if ps < ws - 1 && in_list(trim_dot(&h[ps..ws - 1]), PREFIXES) {
                start = ps;
            }
        }
        (Street::Suffix, start)
    } else if (word.len() <= MAX_WORD && in_list(word, WORDS))
        || (abbrev && word.len() <= 2 && in_list(word, &["gt", "vn", "v"]))
    {
        // The capitalised words before it are the name (at most two:
        // `Olav Tryggvasons gate`).
        let mut start = ws;
        let mut k = 0;
        while k < 2 && start >= 2 && h[start - 1] == b' ' {
            let ps = word_start(h, start - 1, lo);
            if ps == start - 1 || !starts_upper(&h[ps..start - 1]) {
                break;
            }
            start = ps;
            k += 1;
        }
        if k == 0 {
            return None;
        }
        // `Kong Oscars gate`, `Carl Berners plass`: the name is a
        // genitive, except before `Allé` and `Boulevard`.
        let name_end = ws - 1;
        let genitive = h[..name_end].ends_with(b"s")
            || h[..name_end].ends_with(b"s'")
            || in_list(word, FREE_WORDS);
        if !genitive {
            return None;
        }
        (Street::Word, start)
    } else if abbrev && upper && ends_with_any(word, &["gt", "vn"]) {
        (Street::Suffix, ws)
    } else if upper && !abbrev {
        (Street::Labelled, ws)
    } else {
        return None;
    };
    if start > 0 && (letter_before(h, start) || h[start - 1].is_ascii_digit())
    {
        return None;
    }
    // Without a street word, only an address label right before makes
    // it one (`adresse: Holmen 3`, `bor i Holmen 3`).
    let label = if street == Street::Labelled {
        num::label_within(h, start, sc.before, 2)
    } else {
        cx.label_before(h, start, sc.before)
    };
    if street == Street::Labelled && label != Label::Address {
        return None;
    }
    // The house number.
    let r = Groups::read(h, p, 0, 1);
    if r.n > 4 || r.d[0] == 0 {
        return None;
    }
    let mut end = r.end;
    // A letter: `12B`, `12 B`.
    if h.get(end).is_some_and(u8::is_ascii_alphabetic)
        && !h.get(end + 1).is_some_and(|b| b.is_ascii_alphanumeric())
        && !letter_at(h, end + 1)
    {
        end += 1;
    } else if h.get(end) == Some(&b' ')
        && h.get(end + 1).is_some_and(|b| (b'A'..=b'H').contains(b))
        && !h.get(end + 2).is_some_and(|b| b.is_ascii_alphanumeric())
        && !letter_at(h, end + 2)
    {
        end += 2;
        // A flat after the staircase: `C 12` (Finland).
        if h.get(end) == Some(&b' ') {
            let f = Groups::read(h, end + 1, 0, 1);
            if (1..=3).contains(&f.n)
                && postcode_town(h, end + 1).is_none()
                && num::right_ok(h, f.end)
            {
                end = f.end;
            }
        }
    } else if h.get(end) == Some(&b'-')
        && shape::digit_at(h, end + 1).is_some()
    {
        // A range: `12-14`.
        let g = Groups::read(h, end + 1, 0, 1);
        if g.n <= 4 {
            end = g.end;
        }
    }
    if !num::right_ok(h, end) && h.get(end) != Some(&b',') {
        return None;
    }
    if h.get(end) == Some(&b'-') && letter_at(h, end + 1) {
        // `1920-tallet`.
        return None;
    }
    // Floor and door: `4 tv.`, `2. th`, `st. tv.`, `3. sal`, `3 tr`,
    // `lgh 1102`, `H0201`.
    end = floor(h, end).unwrap_or(end);
    // Postcode and town on the same line.
    let mut with_town = false;
    let mut after = end;
    if h.get(after) == Some(&b',') {
        after += 1;
    }
    // A comma or a space between: `Storgata 1, 0150 Oslo`,
    // `Storgata 1,0150 Oslo`, `Sveavägen 44 11134 Stockholm`.
    if let Some(at) = skip_spaces(h, after)
        && at > end
        && let Some(e) = postcode_town(h, at)
    {
        end = e;
        with_town = true;
    }
    let mut flags = Flags::empty();
    let labelled = label == Label::Address;
    flags.set(Flags::CONTEXT, labelled);
    let level = if labelled || (with_town && street != Street::Labelled) {
        Confidence::High
    } else {
        Confidence::Medium
    };
    Some(Match::new(Kind::Address, level, flags, start, end))
}

fn trim_dot(w: &[u8]) -> &[u8] {
    w.strip_suffix(b".").unwrap_or(w)
}

fn ends_with_any(w: &[u8], list: &[&str]) -> bool {
    let mut buf = [0; 40];
    let l = num::lower(w, &mut buf);
    list.iter().any(|x| l.len() > x.len() + 1 && l.ends_with(x.as_bytes()))
}

/// A floor and door after a house number: the end of it.
fn floor(h: &[u8], end: usize) -> Option<usize> {
    let mut i = end;
    if h.get(i) == Some(&b',') {
        i += 1;
    }
    if h.get(i) != Some(&b' ') {
        return None;
    }
    i += 1;
    let word_is = |i: usize, w: &[u8]| -> bool {
        h.get(i..i + w.len()).is_some_and(|x| x.eq_ignore_ascii_case(w))
            && !h.get(i + w.len()).is_some_and(|b| b.is_ascii_alphanumeric())
    };
    // `H0201` (Norwegian flat number).
    if h.get(i) == Some(&b'H') {
        let g = Groups::read(h, i + 1, 0, 1);
        if g.n == 4 && num::right_ok(h, g.end) {
            return Some(g.end);
        }
    }
    // `lgh 1102` (Swedish flat number).
    if word_is(i, b"lgh") {
        let g = Groups::read(h, i + 4, 0, 1);
        if g.n == 4 {
            return Some(g.end);
        }
    }
    // The floor: `st.`, `kl.`, `2.`, `2`.
    let mut j = i;
    if word_is(j, b"st") || word_is(j, b"kl") {
        j += 2;
    } else {
        let g = Groups::read(h, j, 0, 1);
        if g.n == 0 || g.n > 2 {
            return None;
        }
        j = g.end;
    }
    let dotted = h.get(j) == Some(&b'.');
    if dotted {
        j += 1;
    }
    if h.get(j) == Some(&b',') {
        j += 1;
    }
    if h.get(j) != Some(&b' ') {
        return dotted
            .then_some(j)
            .filter(|_| word_is(i, b"st") || word_is(i, b"kl"));
    }
    j += 1;
    // Sides abbreviated with a dot (`tv.`, `th.`), and words without.
    for side in [&b"tv"[..], b"th", b"mf"] {
        if word_is(j, side) {
            let mut e = j + side.len();
            if h.get(e) == Some(&b'.') {
                e += 1;
            }
            return Some(e);
        }
    }
    for word in [&b"sal"[..], b"tr", "vån".as_bytes()] {
        if word_is(j, word) {
            return Some(j + word.len());
        }
    }
    if (word_is(i, b"st") || word_is(i, b"kl")) && dotted {
        return Some(j - 1);
    }
    None
}

/// A postcode and town at `i`: `0150 Oslo`, `DK-4320 Lejre`,
/// `SE-114 55 Stockholm`, `00100 Helsinki`, `101 Reykjavík`. The end of
/// the town.
fn postcode_town(h: &[u8], mut i: usize) -> Option<usize> {
    // A country prefix.
    for p in
        [&b"DK-"[..], b"SE-", b"S-", b"FI-", b"FIN-", b"N-", b"NO-", b"IS-"]
    {
        if h.get(i..i + p.len()) == Some(p) {
            i += p.len();
            break;
        }
    }
    shape::digit_at(h, i)?;
    let g = Groups::read(h, i, SPACE, 2);
    let e = if g.lens() == [3, 2] {
        g.end
    } else if matches!(g.lens[0], 3..=5) {
        g.starts[0] + usize::from(g.lens[0])
    } else {
        return None;
    };
    if h.get(e) != Some(&b' ') {
        return None;
    }
    // The town: a capitalised word (with `-`), and a district letter.
    let ts = e + 1;
    if !char_at(h, ts).is_some_and(|(c, _)| c.is_uppercase()) {
        return None;
    }
    let mut t = ts;
    loop {
        match char_at(h, t) {
            Some((c, l)) if c.is_alphabetic() => t += l,
            Some(('-', 1)) if letter_at(h, t + 1) => t += 1,
            _ => break,
        }
    }
    if t - ts < 2 {
        return None;
    }
    // `København K`, `Aarhus C`, `Frederiksberg C`.
    if h.get(t) == Some(&b' ') {
        let k = t + 1;
        let mut n = 0;
        while h.get(k + n).is_some_and(u8::is_ascii_uppercase) && n < 3 {
            n += 1;
        }
        if (1..=2).contains(&n)
            && !h.get(k + n).is_some_and(|b| b.is_ascii_alphanumeric())
            && !letter_at(h, k + n)
        {
            t = k + n;
        }
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, kind: Kind) -> Vec<(String, Confidence)> {
        let sc = Scanner::builder()
            .kinds([kind])
            .min_confidence(Confidence::Low)
            .build()
            .unwrap();
        sc.find_iter(text)
            .map(|m| (text[m.range()].to_string(), m.confidence()))
            .collect()
    }

    #[test]
    fn postcodes() {
        fn pt(t: &str) -> Option<&str> {
            postcode_town(t.as_bytes(), 0).map(|e| &t[..e])
        }
        assert_eq!(pt("0150 Oslo."), Some("0150 Oslo"));
        assert_eq!(pt("DK-4320 Lejre"), Some("DK-4320 Lejre"));
        assert_eq!(pt("SE-114 55 Stockholm"), Some("SE-114 55 Stockholm"));
        assert_eq!(pt("00100 Helsinki"), Some("00100 Helsinki"));
        assert_eq!(pt("101 Reykjavík"), Some("101 Reykjavík"));
        assert_eq!(pt("1050 København K, Danmark"), Some("1050 København K"));
        assert_eq!(pt("0150 oslo"), None);
    }

    #[test]
    fn email_basics() {
        assert_eq!(
            find("skriv til kari@bø.kommune.no.", Kind::Email)[0].0,
            "kari@bø.kommune.no"
        );
    }

    #[test]
    fn phone_basics() {
        assert_eq!(find("tlf 22 33 44 55", Kind::Phone)[0].0, "22 33 44 55");
    }
}
