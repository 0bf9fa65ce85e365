//! What the contact, financial and organisation passes share: reading
//! grouped digits as written (`22 33 44 55`, `1234.56.78903`,
//! `4111 1111 1111 1111`), the labels written before a candidate (`tlf`,
//! `kontonr.`, `org.nr`, `KID`), the check-digit rules of the number kinds
//! (docs/rules-contact.md) and the test of whether a number is read as a
//! national ID by the ID pass, which then owns it (docs/rules-contact.md
//! §1: a number that is an ID is never also a phone or an account).
//!
//! Everything here reads a few dozen bytes around a position and never
//! allocates.

use crate::checksum;
use crate::context::window_back;
use crate::ids::Strength;
use crate::kind::{Confidence, KindSet};
use crate::prefilter::Runs;
use crate::scanner::Scanner;
use crate::shape::{self, Run, Sep};

/// The most digits a grouped number keeps.
pub(crate) const MAX_DIGITS: usize = 34;
/// The most groups a grouped number keeps.
pub(crate) const MAX_GROUPS: usize = 8;

/// A number written as digit groups joined by one separator each.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Groups {
    /// Byte offset of the first digit.
    pub(crate) start: usize,
    /// Byte offset just past the last digit.
    pub(crate) end: usize,
    /// Digit values, `n` of them.
    pub(crate) d: [u8; MAX_DIGITS],
    /// The number of digits.
    pub(crate) n: usize,
    /// The length of each group, `ng` of them.
    pub(crate) lens: [u8; MAX_GROUPS],
    /// Where each group starts.
    pub(crate) starts: [usize; MAX_GROUPS],
    /// The number of groups.
    pub(crate) ng: usize,
    /// The separators used: bit 0 space, 1 hyphen, 2 dot.
    pub(crate) seps: u8,
}

/// Separator bits of [`Groups::seps`].
pub(crate) const SPACE: u8 = 1;
/// A hyphen (or a Unicode hyphen or dash).
pub(crate) const HYPHEN: u8 = 2;
/// A dot.
pub(crate) const DOT: u8 = 4;

impl Groups {
    /// Reads the digit groups starting at `p` (a digit), joined by one
    /// separator of the kinds in `allow` each; stops at `max_groups` groups
    /// or before the digits would exceed [`MAX_DIGITS`].
    pub(crate) fn read(
        h: &[u8],
        p: usize,
        allow: u8,
        max_groups: usize,
    ) -> Groups {
        let mut g = Groups {
            start: p,
            end: p,
            d: [0; MAX_DIGITS],
            n: 0,
            lens: [0; MAX_GROUPS],
            starts: [0; MAX_GROUPS],
            ng: 0,
            seps: 0,
        };
        let mut i = p;
        loop {
            let gs = i;
            let mut len = 0usize;
            while let Some((v, l)) = shape::digit_at(h, i) {
                if g.n + len < MAX_DIGITS {
                    g.d[g.n + len] = v;
                }
                len += 1;
                i += l;
            }
            if len == 0 || g.n + len > MAX_DIGITS || g.ng == MAX_GROUPS {
                break;
            }
            g.n += len;
            g.lens[g.ng] = len.min(255) as u8;
            g.starts[g.ng] = gs;
            g.ng += 1;
            g.end = i;
            if g.ng >= max_groups {
                break;
            }
            let Some((s, l)) = shape::sep_at(h, i) else { break };
            let bit = match s {
                Sep::Space => SPACE,
                Sep::Hyphen => HYPHEN,
                Sep::Dot => DOT,
                Sep::Plus => 0,
            };
            if bit & allow == 0 || shape::digit_at(h, i + l).is_none() {
                break;
            }
            g.seps |= bit;
            i += l;
        }
        g
    }

    /// The digits.
    pub(crate) fn digits(&self) -> &[u8] {
        &self.d[..self.n]
    }

    /// The group lengths.
    pub(crate) fn lens(&self) -> &[u8] {
        &self.lens[..self.ng]
    }

    /// Whether exactly one kind of separator is used (or none).
    pub(crate) fn one_sep(&self) -> bool {
        self.seps.count_ones() <= 1
    }
}

/// Whether the number at digit `p` has at least `min` digits, counting
/// the groups joined to it by one space, hyphen or dot: a cheap test
/// before reading it.
#[inline]
pub(crate) fn at_least(h: &[u8], p: usize, min: usize) -> bool {
    let mut n = 0;
    let mut i = p;
    loop {
        while let Some(&b) = h.get(i) {
            if !b.is_ascii_digit() {
                break;
            }
            n += 1;
            i += 1;
        }
        if n >= min {
            return true;
        }
        if shape::digit_at(h, i).is_some() {
            // Fullwidth digits: the full reader decides.
            return true;
        }
        match shape::sep_at(h, i) {
            Some((Sep::Plus, _)) | None => return false,
            Some((_, l)) if h.get(i + l).is_some_and(u8::is_ascii_digit) => {
                i += l
            }
            Some((_, l)) if shape::digit_at(h, i + l).is_some() => {
                return true;
            }
            Some(_) => return false,
        }
    }
}

/// Whether a number may start at digit `p`: not inside a word or another
/// number (`a12`, `1.12`, `12,5`, `2024/540`, `12 34` read from `34`), and
/// no glued `+` (the caller reads those itself).
pub(crate) fn left_ok(h: &[u8], p: usize) -> bool {
    if p == 0 {
        return true;
    }
    let b = h[p - 1];
    if b.is_ascii_alphanumeric()
        || b == b'+'
        || b == b'*'
        || shape::digit_before(h, p)
    {
        return false;
    }
    if matches!(b, b'/' | b'.' | b',' | b'-' | b'_' | b'=' | b'#')
        && (p < 2 || !h[p - 2].is_ascii_whitespace())
    {
        // `/540`, `1.5`, `1,5`, `12-34`: glued to something before.
        return false;
    }
    if b > 0x7F && letter_before(h, p) {
        return false;
    }
    // A digit group before, joined by one separator: the middle of a
    // grouped number.
    // (A masked group, `**** 2013`, counts as one.)
    if let Some(l) = sep_len_before(h, p)
        && (shape::digit_before(h, p - l) || h[..p - l].ends_with(b"*"))
    {
        return false;
    }
    true
}

/// The length of a separator (space, no-break space, hyphen, dot) ending
/// right before `p`.
fn sep_len_before(h: &[u8], p: usize) -> Option<usize> {
    for l in [1, 2, 3] {
        if p >= l
            && let Some((_, sl)) = shape::sep_at(h, p - l)
            && sl == l
            && h[p - l] != b'+'
        {
            return Some(l);
        }
    }
    None
}

/// Whether a number may end at `e`: no letter or digit right after it, no
/// decimal or further group joined by `.`, `,` or `/` (`12.5`, `12,50`,
/// `2024/540`), no `%`.
pub(crate) fn right_ok(h: &[u8], e: usize) -> bool {
    let Some(&b) = h.get(e) else { return true };
    if b.is_ascii_alphanumeric() || shape::digit_at(h, e).is_some() {
        return false;
    }
    if matches!(b, b'.' | b',' | b'/' | b'-' | b':')
        && shape::digit_at(h, e + 1).is_some()
    {
        return false;
    }
    if b == b'%' || b == b'*' || (b > 0x7F && letter_at(h, e)) {
        return false;
    }
    // Glued by a hyphen to more (`20120490-****`, `1234-AB`).
    if b == b'-'
        && h.get(e + 1)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'*')
    {
        return false;
    }
    true
}

/// Whether eight digits read as a date: `YYYYMMDD` or `DDMMYYYY` with a
/// year 1900–2099.
pub(crate) fn date8(d: &[u8]) -> bool {
    if d.len() != 8 {
        return false;
    }
    let n = |a: usize, b: usize| {
        d[a..b].iter().fold(0u32, |x, &y| x * 10 + u32::from(y))
    };
    let ok = |y: u32, m: u32, day: u32| {
        (1900..=2099).contains(&y)
            && m <= 12
            && day <= 31
            && crate::date::is_real(y, m as u8, day as u8)
    };
    ok(n(0, 4), n(4, 6), n(6, 8)) || ok(n(4, 8), n(2, 4), n(0, 2))
}

/// The character that ends right before `i`, and its length.
pub(crate) fn char_before(h: &[u8], i: usize) -> Option<(char, usize)> {
    let lo = i.saturating_sub(4);
    for s in (lo..i).rev() {
        if h[s] & 0xC0 != 0x80 {
            return core::str::from_utf8(&h[s..i])
                .ok()
                .and_then(|t| t.chars().next())
                .map(|c| (c, i - s));
        }
    }
    None
}

/// The character that starts at `i`, and its length.
pub(crate) fn char_at(h: &[u8], i: usize) -> Option<(char, usize)> {
    let b = *h.get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    if (0xC2..=0xDF).contains(&b)
        && let Some(&c) = h.get(i + 1)
        && c & 0xC0 == 0x80
    {
        let v = u32::from(b & 0x1F) << 6 | u32::from(c & 0x3F);
        return char::from_u32(v).map(|c| (c, 2));
    }
    let l = match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => return None,
    };
    let s = core::str::from_utf8(h.get(i..i + l)?).ok()?;
    s.chars().next().map(|c| (c, l))
}

/// Whether the character ending right before `i` is a letter.
pub(crate) fn letter_before(h: &[u8], i: usize) -> bool {
    char_before(h, i).is_some_and(|(c, _)| c.is_alphabetic())
}

/// Whether the character starting at `i` is a letter.
pub(crate) fn letter_at(h: &[u8], i: usize) -> bool {
    char_at(h, i).is_some_and(|(c, _)| c.is_alphabetic())
}

/// What the nearest label before a candidate says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Label {
    /// No label.
    None,
    /// `tlf`, `telefon`, `mobil`, `puhelin`, `sími`…
    Phone,
    /// `e-post`, `epost`, `mail`, `sähköposti`…
    Email,
    /// `konto`, `kontonr`, `reg.nr`, `clearingnummer`, `tilinumero`…
    Account,
    /// `IBAN`.
    Iban,
    /// `kortnummer`, `kredittkort`, `Visa`…
    Card,
    /// `org.nr`, `CVR`, `Y-tunnus`, `MVA`…
    Org,
    /// `adresse`, `bor (i)`, `bosatt`, `osoite`…
    Address,
    /// A national ID's label (`fnr`, `personnummer`, `CPR`…): the ID
    /// pass's number.
    Id,
    /// A label of something that is none of these kinds: `KID`, `OCR`,
    /// `faktura`, `saksnr`, `kr`, `dato`…
    Other,
}

#[derive(Clone, Copy)]
pub(crate) enum Fit {
    /// The word starts with it.
    Prefix,
    /// The word is it.
    Word,
    /// The word contains it (compounds: `jobbtelefon`, `bankkonto`).
    Contains,
}

use Fit::{Contains, Prefix, Word};

/// The label words, lower case; the first entry that fits a word wins.
/// Words that fit no entry are passed over.
pub(crate) const LABELS: &[(&str, Fit, Label)] = &[
    // Not labels although they start like one.
    ("kontor", Prefix, Label::None),
    ("kontakt", Prefix, Label::None),
    ("organ", Word, Label::None),
    ("kortere", Prefix, Label::None),
    ("kortsiktig", Prefix, Label::None),
    // National IDs.
    ("fnr", Word, Label::Id),
    ("f.nr", Word, Label::Id),
    ("fødselsn", Prefix, Label::Id),
    ("fodselsn", Prefix, Label::Id),
    ("personn", Prefix, Label::Id),
    ("pers.nr", Prefix, Label::Id),
    ("pnr", Word, Label::Id),
    ("cpr", Prefix, Label::Id),
    ("hetu", Word, Label::Id),
    ("henkilötunnus", Prefix, Label::Id),
    ("kennitala", Prefix, Label::Id),
    ("kt", Word, Label::Id),
    ("d-nummer", Prefix, Label::Id),
    ("dnr", Word, Label::Id),
    ("samordningsn", Prefix, Label::Id),
    // Phones.
    ("telefon", Contains, Label::Phone),
    ("telephone", Contains, Label::Phone),
    ("tlf", Prefix, Label::Phone),
    ("tel", Word, Label::Phone),
    ("tel.nr", Prefix, Label::Phone),
    ("mobil", Contains, Label::Phone),
    ("mob", Word, Label::Phone),
    ("phone", Contains, Label::Phone),
    ("puh", Prefix, Label::Phone),
    ("gsm", Word, Label::Phone),
    ("sími", Prefix, Label::Phone),
    ("simi", Word, Label::Phone),
    ("símanúmer", Prefix, Label::Phone),
    ("farsím", Prefix, Label::Phone),
    ("fax", Contains, Label::Phone),
    ("ring", Prefix, Label::Phone),
    ("sms", Word, Label::Phone),
    ("nås", Word, Label::Phone),
    ("treffes", Word, Label::Phone),
    // E-mail.
    ("e-post", Prefix, Label::Email),
    ("epost", Prefix, Label::Email),
    ("e-mail", Prefix, Label::Email),
    ("email", Prefix, Label::Email),
    ("mail", Prefix, Label::Email),
    ("mejl", Prefix, Label::Email),
    ("sähköposti", Prefix, Label::Email),
    ("netfang", Prefix, Label::Email),
    // Accounts.
    ("iban", Prefix, Label::Iban),
    ("konto", Contains, Label::Account),
    ("reg.nr", Prefix, Label::Account),
    ("regnr", Prefix, Label::Account),
    ("reg", Word, Label::Account),
    ("registreringsn", Prefix, Label::Account),
    ("clearing", Prefix, Label::Account),
    ("tilinumero", Prefix, Label::Account),
    ("tili", Prefix, Label::Account),
    ("reikning", Prefix, Label::Account),
    ("account", Prefix, Label::Account),
    ("betales", Word, Label::Account),
    ("utbetal", Prefix, Label::Account),
    // Cards.
    ("kort", Contains, Label::Card),
    ("kortti", Contains, Label::Card),
    ("visa", Word, Label::Card),
    ("mastercard", Word, Label::Card),
    ("maestro", Word, Label::Card),
    ("amex", Word, Label::Card),
    ("card", Contains, Label::Card),
    // Organisations.
    ("org", Prefix, Label::Org),
    ("foretaksn", Prefix, Label::Org),
    ("företag", Prefix, Label::Org),
    ("cvr", Prefix, Label::Org),
    ("se-nr", Word, Label::Org),
    ("y-tunnus", Prefix, Label::Org),
    ("ytunnus", Prefix, Label::Org),
    ("y-tunnukse", Prefix, Label::Org),
    ("fo-nummer", Prefix, Label::Org),
    ("mva", Word, Label::Org),
    ("moms", Prefix, Label::Org),
    ("vat", Word, Label::Org),
    ("virksomhed", Prefix, Label::Org),
    ("selskap", Prefix, Label::Org),
    // Addresses.
    ("adress", Contains, Label::Address),
    ("adresse", Contains, Label::Address),
    ("bor", Word, Label::Address),
    ("bosatt", Prefix, Label::Address),
    ("bosat", Prefix, Label::Address),
    ("bostad", Prefix, Label::Address),
    ("osoite", Contains, Label::Address),
    ("heimilisfang", Prefix, Label::Address),
    ("flyttet", Word, Label::Address),
    // Other numbers.
    ("kid", Prefix, Label::Other),
    ("ocr", Prefix, Label::Other),
    ("referanse", Prefix, Label::Other),
    ("referens", Prefix, Label::Other),
    ("viite", Prefix, Label::Other),
    ("ref", Word, Label::Other),
    ("faktura", Prefix, Label::Other),
    ("invoice", Prefix, Label::Other),
    ("lasku", Prefix, Label::Other),
    ("sak", Word, Label::Other),
    ("saks", Word, Label::Other),
    ("saksn", Prefix, Label::Other),
    ("saks.nr", Prefix, Label::Other),
    ("ärende", Prefix, Label::Other),
    ("journaln", Prefix, Label::Other),
    ("journalpost", Prefix, Label::Other),
    ("dok", Word, Label::Other),
    ("dok.nr", Prefix, Label::Other),
    ("dokumentn", Prefix, Label::Other),
    ("arkivsak", Prefix, Label::Other),
    ("arkivref", Prefix, Label::Other),
    ("ordren", Prefix, Label::Other),
    ("order", Word, Label::Other),
    ("kunde", Word, Label::Other),
    ("kunden", Prefix, Label::Other),
    ("kund", Word, Label::Other),
    ("bilag", Prefix, Label::Other),
    ("beløp", Prefix, Label::Other),
    ("belopp", Prefix, Label::Other),
    ("summa", Prefix, Label::Other),
    ("sum", Word, Label::Other),
    ("kr", Word, Label::Other),
    ("nok", Word, Label::Other),
    ("sek", Word, Label::Other),
    ("dkk", Word, Label::Other),
    ("eur", Word, Label::Other),
    ("isk", Word, Label::Other),
    ("kroner", Prefix, Label::Other),
    ("kronor", Prefix, Label::Other),
    ("euro", Prefix, Label::Other),
    ("dato", Prefix, Label::Other),
    ("datum", Prefix, Label::Other),
    ("postn", Prefix, Label::Other),
    ("lnr", Word, Label::Other),
    ("løpen", Prefix, Label::Other),
    ("bankgiro", Prefix, Label::Other),
    ("plusgiro", Prefix, Label::Other),
];

/// The class of one label word (lower case).
/// The first bytes of the label words that must start a word.
const FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < LABELS.len() {
        if !matches!(LABELS[i].1, Contains) {
            t[LABELS[i].0.as_bytes()[0] as usize] = true;
        }
        i += 1;
    }
    t
};

/// Whether `w` is a thousands grouping (`1 234 567`, `12.345`): an
/// amount's or a count's, never a phone's or an account's.
pub(crate) fn thousands(lens: &[u8]) -> bool {
    lens.len() >= 2
        && (1..=3).contains(&lens[0])
        && lens[1..].iter().all(|&l| l == 3)
}

pub(crate) fn classify(w: &[u8]) -> Label {
    let Some(&first) = w.first() else { return Label::None };
    if !FIRST[first as usize] {
        // Only a compound can still hold a label (`jobbtelefon`).
        for &(t, fit, label) in LABELS {
            let t = t.as_bytes();
            if matches!(fit, Contains)
                && w.len() >= t.len()
                && (0..=w.len() - t.len())
                    .any(|i| w[i] == t[0] && w[i..i + t.len()] == *t)
            {
                return label;
            }
        }
        return Label::None;
    }
    for &(t, fit, label) in LABELS {
        let t = t.as_bytes();
        // One byte decides for most entries.
        if w.len() < t.len() || (!matches!(fit, Contains) && t[0] != first) {
            continue;
        }
        let ok = match fit {
            Prefix => w.starts_with(t),
            Word => w == t,
            Contains => (0..=w.len() - t.len())
                .any(|i| w[i] == t[0] && w[i..i + t.len()] == *t),
        };
        if ok {
            return label;
        }
    }
    Label::None
}

/// The nearest label before `s` within `chars` characters on its line,
/// passing over words that are no label (at most six words). A digit
/// between the label and `s` ends the search: the label belongs to that
/// other number.
pub(crate) fn label_before(h: &[u8], s: usize, chars: u32) -> Label {
    label_within(h, s, chars, 6)
}

/// [`label_before`] looking at most `max_words` words back.
pub(crate) fn label_within(
    h: &[u8],
    s: usize,
    chars: u32,
    max_words: usize,
) -> Label {
    // The window's start, found as the search walks back (a label is
    // near, so most searches stop long before it).
    let lo = if max_words <= 2 {
        window_back(h, s, chars.min(24))
    } else {
        window_back(h, s, chars)
    };
    let mut i = s;
    let mut words = 0;
    while i > lo && words < max_words {
        let Some((c, l)) = char_before(h, i) else {
            i -= 1;
            continue;
        };
        if c.is_ascii_digit() || c == '*' {
            // Another number, or a masked value, between.
            return Label::None;
        }
        if !c.is_alphabetic() {
            i -= l;
            continue;
        }
        let we = i;
        while i > lo {
            match char_before(h, i) {
                Some((c, l)) if c.is_alphabetic() => i -= l,
                Some(('-' | '.', 1))
                    if i >= lo + 2
                        && letter_before(h, i - 1)
                        && letter_at(h, i) =>
                {
                    i -= 1
                }
                _ => break,
            }
        }
        if i == lo && letter_before(h, i) {
            // A word cut by the window's edge is no label (`ring` of
            // `vurdering`).
            break;
        }
        words += 1;
        let label = classify(lower(&h[i..we], &mut [0; 40]));
        // A label of another number counts only right before it; a label
        // of these kinds may stand a few words away (`ring meg gjerne på`).
        let near = words <= 2 || !matches!(label, Label::Other | Label::Id);
        if label != Label::None && near {
            return label;
        }
    }
    Label::None
}

/// `w` in lower case (ASCII and the Latin-1 letters), cut to the buffer.
pub(crate) fn lower<'b>(w: &[u8], buf: &'b mut [u8; 40]) -> &'b [u8] {
    let n = w.len().min(buf.len());
    buf[..n].copy_from_slice(&w[..n]);
    let mut i = 0;
    while i < n {
        let b = buf[i];
        if b.is_ascii_uppercase() {
            buf[i] = b + 32;
        } else if b == 0xC3 && i + 1 < n && (0x80..=0x9E).contains(&buf[i + 1])
        {
            // À–Þ (but ×) to à–þ.
            if buf[i + 1] != 0x97 {
                buf[i + 1] += 0x20;
            }
            i += 1;
        }
        i += 1;
    }
    &buf[..n]
}

/// Whether the ID pass reports a national ID at digit `p` (any kind, any
/// confidence, as written and in its context): such a number is the ID
/// pass's, never a phone, an account or an organisation number
/// (docs/rules-contact.md §1). A scanner without every ID kind asks the
/// validators instead (every reading with some structure counts).
pub(crate) fn id_at(sc: &Scanner, h: &[u8], p: usize) -> bool {
    if shape::digit_at(h, p).is_none() || !shape::left_ok(h, p) {
        return false;
    }
    let run = Run::read(h, p);
    if KindSet::IDS.is_subset(sc.kinds) {
        // Most numbers have no reading at all, not even one whose only
        // fault is a check digit: no need to ask the ID pass.
        if run.n != 5 {
            let Some(c) = sc.candidate(h, &run, KindSet::ALL) else {
                return false;
            };
            let mut any = false;
            sc.readings(&c, true, &mut |_| any = true);
            if !any {
                return false;
            }
        }
        // A decision at `p` reads the candidate (at most 40 bytes) and
        // its window after it: the rest of the haystack plays no part.
        let end = (p + 64 + 4 * sc.after as usize).min(h.len());
        return sc
            .find_ids(&h[..end], p, &mut Runs::default(), Confidence::Low)
            .is_some_and(|m| m.start() == p);
    }
    let Some(c) = sc.candidate(h, &run, KindSet::ALL) else {
        return false;
    };
    if !shape::right_ok(h, c.end) {
        return false;
    }
    let mut any = false;
    sc.readings(&c, false, &mut |v| {
        any |= v.strength != Strength::ContextOnly;
    });
    any
}

/// Whether eleven digits are a valid Norwegian national ID (fødselsnummer,
/// D-, H-, FH-nummer), whatever the grouping (IDS.md §6.2: every such
/// number is also a valid account number).
pub(crate) fn no_id(sc: &Scanner, d: &[u8]) -> bool {
    let Ok(d11) = <[u8; 11]>::try_from(d) else { return false };
    crate::ids::no::validate(&d11, sc.today, false).is_ok()
}

/// The Norwegian account check (weights 5 4 3 2 7 6 5 4 3 2, mod 11; a
/// check of 10 is never issued).
pub(crate) fn no_account_ok(d: &[u8]) -> bool {
    d.len() == 11
        && mod11_check(&checksum::NO_W2[..10], &d[..10]) == Some(d[10])
}

/// The mod 11 check digit `11 − (Σ w·d mod 11)`, 11 → 0, `None` for 10.
pub(crate) fn mod11_check(w: &[u32], d: &[u8]) -> Option<u8> {
    match 11 - checksum::mod11_rest(w, d) {
        11 => Some(0),
        10 => None,
        c => Some(c as u8),
    }
}

/// Whether a money amount sits right around `[s, e)`: a currency word or
/// sign before or after (`kr`, `NOK`, `€`), or `,-` after it.
pub(crate) fn amount_around(h: &[u8], s: usize, e: usize) -> bool {
    let after = &h[e..(e + 6).min(h.len())];
    if after.starts_with(b",-") || after.starts_with(b",\xe2\x80\x93") {
        return true;
    }
    let word_after = after.strip_prefix(b" ").unwrap_or(after);
    let mut buf = [0; 40];
    let w = lower(word_after, &mut buf);
    for cur in [&b"kr"[..], b"nok", b"sek", b"dkk", b"eur", b"isk", b"mill"] {
        if w.starts_with(cur)
            && w.get(cur.len()).is_none_or(|b| !b.is_ascii_alphabetic())
        {
            return true;
        }
    }
    let before = &h[s.saturating_sub(2)..s];
    before.ends_with(b"$") || before.ends_with(b"\xe2\x82\xac")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_read_as_written() {
        let g = Groups::read(b"1234.56.78903 x", 0, SPACE | DOT, 8);
        assert_eq!(g.lens(), &[4, 2, 5]);
        assert_eq!(g.end, 13);
        assert_eq!(g.seps, DOT);
        let g = Groups::read(b"22 33 44 55, 66", 0, SPACE, 8);
        assert_eq!(g.lens(), &[2, 2, 2, 2]);
        let g = Groups::read(b"22  33", 0, SPACE, 8);
        assert_eq!(g.lens(), &[2]);
        let g = Groups::read("070\u{2011}123 45 67".as_bytes(), 0, 3, 8);
        assert_eq!(g.lens(), &[3, 3, 2, 2]);
        assert_eq!(g.digits(), &[0, 7, 0, 1, 2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn labels() {
        let l = |t: &str| label_before(t.as_bytes(), t.len(), 40);
        assert_eq!(l("Tlf.: "), Label::Phone);
        assert_eq!(l("ring meg på "), Label::Phone);
        assert_eq!(l("Jobbtelefon "), Label::Phone);
        assert_eq!(l("Org.nr. "), Label::Org);
        assert_eq!(l("KID-nr: "), Label::Other);
        assert_eq!(l("Kontonummer til "), Label::Account);
        assert_eq!(l("kontoret i "), Label::None);
        assert_eq!(l("SÍMI "), Label::Phone);
        assert_eq!(l("fnr 12 og "), Label::None);
        assert_eq!(l("E-post: "), Label::Email);
        assert_eq!(l("bor i "), Label::Address);
        assert_eq!(l("søknad om støtte "), Label::None);
        assert_eq!(l("tlf\n"), Label::None);
        let cut = "vurdering 22";
        assert_eq!(label_before(cut.as_bytes(), 10, 5), Label::None);
    }

    #[test]
    fn boundaries() {
        assert!(left_ok(b"tlf 22", 4));
        assert!(!left_ok(b"12 34", 3));
        assert!(!left_ok(b"2024/540", 5));
        assert!(!left_ok(b"a22", 1));
        assert!(!left_ok("ø22".as_bytes(), 2));
        assert!(left_ok("« 22".as_bytes(), 3));
        assert!(right_ok(b"22. Neste", 2));
        assert!(!right_ok(b"22.5", 2));
        assert!(!right_ok(b"22%", 2));
        assert!(!right_ok(b"22,50", 2));
    }

    #[test]
    fn account_check() {
        assert!(no_account_ok(&[8, 6, 0, 1, 1, 1, 1, 7, 9, 4, 7]));
        assert!(!no_account_ok(&[8, 6, 0, 1, 1, 1, 1, 7, 9, 4, 8]));
    }
}
