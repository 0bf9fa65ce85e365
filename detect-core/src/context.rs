//! Context keywords (docs/rules.md §7): one Aho-Corasick automaton over every
//! positive and negative keyword, searched only in the short window around
//! a candidate that already passed its rules.
//!
//! Matching is ASCII-case-insensitive through the automaton, and
//! insensitive to Nordic diacritics and their case because every keyword is
//! expanded into its spellings (`fødselsnummer`, `FØDSELSNUMMER`,
//! `fodselsnummer`, `foedselsnummer` …) when the automaton is built. Most
//! keywords match as prefixes of a word, so compounds and inflected forms
//! (`fødselsnummeret`, `personnumret`, `henkilötunnuksen`) are caught;
//! short ones must stand as whole words, so `kt` does not fire inside
//! `kontrakt`.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::kind::{Kind, KindSet};

const NO_ALL: KindSet =
    KindSet::of(&[Kind::NoFnr, Kind::NoDnr, Kind::NoHnr, Kind::NoFhnr]);
const NO_FH: KindSet = KindSet::of(&[Kind::NoFhnr, Kind::NoHnr]);
const NO_D: KindSet = KindSet::of(&[Kind::NoDnr]);
const DUF: KindSet = KindSet::of(&[Kind::NoDuf]);
const DK: KindSet = KindSet::of(&[Kind::DkCpr]);
const SE: KindSet = KindSet::of(&[Kind::SePnr, Kind::SeSnr]);
const FI: KindSet = KindSet::of(&[Kind::FiHetu]);
const IS: KindSet = KindSet::of(&[Kind::IsKt]);
/// Negative keywords speak against every national ID kind.
const ALL: KindSet = KindSet::IDS;
const NONE: KindSet = KindSet::NONE;

/// How a keyword must sit in its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fit {
    /// Starts a word; anything may follow (compounds, inflections).
    Prefix,
    /// A whole word: no letter before or after it.
    Word,
}

/// One keyword: the kinds it speaks for and against.
#[derive(Clone, Copy, Debug)]
struct Keyword {
    text: &'static str,
    pos: KindSet,
    neg: KindSet,
    fit: Fit,
}

const fn p(text: &'static str, pos: KindSet) -> Keyword {
    Keyword { text, pos, neg: NONE, fit: Fit::Prefix }
}

const fn pw(text: &'static str, pos: KindSet) -> Keyword {
    Keyword { text, pos, neg: NONE, fit: Fit::Word }
}

const fn n(text: &'static str) -> Keyword {
    Keyword { text, pos: NONE, neg: ALL, fit: Fit::Prefix }
}

const fn nw(text: &'static str) -> Keyword {
    Keyword { text, pos: NONE, neg: ALL, fit: Fit::Word }
}

/// The keyword list. Lower case, with diacritics; spellings without them
/// are generated.
const KEYWORDS: &[Keyword] = &[
    // Norwegian (bokmål and nynorsk).
    p("fødselsnummer", NO_ALL),
    p("fødselsnr", NO_ALL),
    pw("f.nr", NO_ALL),
    pw("fnr", NO_ALL),
    pw("f-nr", NO_ALL),
    p("personnummer", NO_ALL.union(DK).union(SE)),
    p("personnumret", SE),
    p("personnr", NO_ALL.union(DK).union(SE)),
    pw("pers.nr", NO_ALL.union(DK).union(SE)),
    pw("pnr", NO_ALL.union(SE)),
    pw("p.nr", NO_ALL),
    p("identitetsnummer", NO_ALL),
    pw("id-nummer", NO_ALL.union(SE)),
    pw("id-nr", NO_ALL),
    p("personidentifikator", NO_ALL),
    p("folkeregisteridentifikator", NO_ALL),
    pw("født", NO_ALL.union(DK)),
    pw("fødd", NO_ALL),
    p("d-nummer", NO_D),
    // "dnr" is a D-nummer in Norway but a diarienummer in Sweden.
    Keyword { text: "dnr", pos: NO_D, neg: SE, fit: Fit::Word },
    p("fnr/dnr", NO_ALL),
    p("h-nummer", NO_FH),
    p("hjelpenummer", NO_FH),
    p("fh-nummer", NO_FH),
    pw("fh-nr", NO_FH),
    p("pasient", NO_FH),
    p("duf", DUF),
    pw("udi", DUF),
    // Danish.
    Keyword { text: "cpr", pos: DK, neg: IS, fit: Fit::Prefix },
    p("det centrale personregister", DK),
    p("sygesikring", DK),
    p("sundhedskort", DK),
    p("erstatningspersonnummer", DK),
    p("ecpr", DK),
    // Swedish. Danish "P-nr" is a production unit, Swedish "p-nr" a
    // personnummer.
    Keyword { text: "p-nr", pos: SE, neg: DK, fit: Fit::Word },
    p("födelsenummer", SE),
    p("samordningsn", SE),
    p("identitetsbeteckning", SE),
    p("reservnummer", SE),
    pw("född", SE),
    // Finnish and Finland-Swedish.
    p("henkilötunnu", FI),
    pw("hetu", FI),
    pw("hetun", FI),
    pw("sotu", FI),
    p("sosiaaliturvatunnu", FI),
    p("syntymäaika", FI),
    p("personbeteckning", FI),
    // Icelandic.
    // Icelandic words speak against a Danish reading of the same digits,
    // and Danish ones against an Icelandic reading (docs/rules.md §8.1).
    Keyword { text: "kennital", pos: IS, neg: DK, fit: Fit::Prefix },
    Keyword { text: "kennitöl", pos: IS, neg: DK, fit: Fit::Prefix },
    Keyword { text: "kerfiskennital", pos: IS, neg: DK, fit: Fit::Prefix },
    Keyword { text: "kt", pos: IS, neg: DK, fit: Fit::Word },
    p("fæðingardag", IS),
    pw("fæddur", IS),
    pw("fædd", IS),
    // English.
    p("national identity number", ALL),
    p("national id", ALL),
    p("personal identity number", ALL),
    p("personal identification number", ALL),
    p("personal number", ALL),
    p("personal identity code", FI),
    p("birth number", NO_ALL),
    p("civil registration number", DK),
    p("social security number", ALL),
    pw("ssn", ALL),
    p("coordination number", SE),
    p("d number", NO_D),
    pw("id no", ALL),
    p("date of birth", ALL),
    pw("dob", ALL),
    // Organisation numbers.
    n("org.nr"),
    n("org. nr"),
    n("orgnr"),
    n("org nr"),
    n("organisasjonsn"),
    n("organisationsn"),
    n("foretaksn"),
    n("foretaksregister"),
    nw("mva"),
    n("cvr"),
    nw("se-nr"),
    Keyword { text: "p-nummer", pos: NONE, neg: DK, fit: Fit::Prefix },
    n("produktionsenhed"),
    n("momsreg"),
    nw("vat"),
    n("y-tunnus"),
    n("yritystunnus"),
    n("fo-nummer"),
    nw("alv"),
    n("vsk"),
    // Bank and payment.
    n("konto"),
    n("bankkonto"),
    n("reg.nr"),
    n("reg. nr"),
    nw("regnr"),
    n("clearing"),
    n("bankgiro"),
    n("plusgiro"),
    n("iban"),
    nw("bic"),
    n("swift"),
    nw("kid"),
    n("kid-nr"),
    nw("ocr"),
    n("ocr-nummer"),
    n("viitenumero"),
    n("tilinumero"),
    n("reikningsnúmer"),
    n("faktura"),
    n("invoice"),
    n("account"),
    // Phones.
    nw("tlf"),
    n("telefon"),
    nw("tel"),
    nw("mob"),
    n("mobil"),
    nw("puh"),
    n("puhelin"),
    nw("sími"),
    n("phone"),
    nw("fax"),
    // Case and document numbers.
    n("saksnr"),
    n("saksnummer"),
    n("arkivsak"),
    n("dok.nr"),
    n("dokumentnr"),
    nw("j.nr"),
    n("journalnummer"),
    n("diarienummer"),
    n("ordrenr"),
    n("ordrenummer"),
    n("kundenr"),
    n("kundenummer"),
    nw("sak"),
    // Amounts.
    nw("kr"),
    nw("nok"),
    nw("dkk"),
    nw("sek"),
    nw("isk"),
    nw("eur"),
    n("beløp"),
    n("belopp"),
    n("beløb"),
];

/// The spellings of one keyword: each Nordic letter also as its ASCII
/// transliterations and in upper case.
fn spellings(word: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for c in word.chars() {
        let alts: &[&str] = match c {
            'ø' => &["ø", "Ø", "o", "oe"],
            'ö' => &["ö", "Ö", "o", "oe"],
            'ó' => &["ó", "Ó", "o"],
            'å' => &["å", "Å", "a", "aa"],
            'ä' => &["ä", "Ä", "a", "ae"],
            'á' => &["á", "Á", "a"],
            'æ' => &["æ", "Æ", "ae"],
            'ð' => &["ð", "Ð", "d"],
            'þ' => &["þ", "Þ", "th"],
            'í' => &["í", "Í", "i"],
            'ú' => &["ú", "Ú", "u"],
            'é' => &["é", "É", "e"],
            'ý' => &["ý", "Ý", "y"],
            _ => {
                for s in &mut out {
                    s.push(c);
                }
                continue;
            }
        };
        out = out
            .iter()
            .flat_map(|s| alts.iter().map(move |a| format!("{s}{a}")))
            .collect();
    }
    out
}

/// The built automaton with, per pattern, the keyword it spells.
#[derive(Debug)]
pub(crate) struct Keywords {
    ac: AhoCorasick,
    of_pattern: Vec<u16>,
}

impl Keywords {
    /// Builds the automaton (about a millisecond); a scanner's data holds
    /// it.
    pub(crate) fn build() -> Keywords {
        let mut pats = Vec::new();
        let mut of_pattern = Vec::new();
        for (i, k) in KEYWORDS.iter().enumerate() {
            for s in spellings(k.text) {
                pats.push(s);
                of_pattern.push(i as u16);
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // A full DFA (about 0.6 MB, built in about a millisecond)
            // searches the short windows faster than the default NFA; a
            // prefilter does not pay for itself on a few dozen bytes.
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .prefilter(false)
            .build(&pats)
            .expect("the keyword automaton is small and always builds");
        Keywords { ac, of_pattern }
    }
}

/// What the window around one candidate says, per kind.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    /// Distance in bytes from the nearest positive keyword for each kind.
    pos: [u32; Kind::COUNT],
    /// Distance in bytes from the nearest negative keyword for each kind.
    neg: [u32; Kind::COUNT],
    /// Kinds with a positive keyword standing right before the candidate,
    /// with nothing but punctuation and spaces between (`fnr: …`).
    label: KindSet,
}

const FAR: u32 = u32::MAX;

impl Context {
    /// Whether a positive keyword for `k` lies in the window.
    pub(crate) fn positive(&self, k: Kind) -> bool {
        self.pos[k as usize - 1] != FAR
    }

    /// Whether a negative keyword for `k` lies nearer than every positive
    /// one for it.
    pub(crate) fn negative(&self, k: Kind) -> bool {
        let i = k as usize - 1;
        self.neg[i] != FAR && self.neg[i] < self.pos[i]
    }

    /// Whether a positive keyword for `k` is the label right before it.
    pub(crate) fn labelled(&self, k: Kind) -> bool {
        self.label.contains(k)
    }
}

/// Whether the character ending at `i` (exclusive) is a letter.
fn letter_before(h: &[u8], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let b = h[i - 1];
    if b.is_ascii() {
        return b.is_ascii_alphanumeric();
    }
    // Walk back to the lead byte of a multi-byte character.
    let lo = i.saturating_sub(4);
    let mut s = i - 1;
    while s > lo && h[s] & 0xC0 == 0x80 {
        s -= 1;
    }
    decode(&h[s..i]).is_some_and(char::is_alphanumeric)
}

/// Whether the character starting at `i` is a letter.
fn letter_at(h: &[u8], i: usize) -> bool {
    let Some(&b) = h.get(i) else { return false };
    if b.is_ascii() {
        return b.is_ascii_alphanumeric();
    }
    let end = (i + 4).min(h.len());
    (i + 1..=end)
        .find_map(|e| decode(&h[i..e]))
        .is_some_and(char::is_alphanumeric)
}

fn decode(b: &[u8]) -> Option<char> {
    core::str::from_utf8(b).ok()?.chars().next()
}

/// The start of the window `chars` characters before `at`, not crossing a
/// line break.
pub(crate) fn window_back(h: &[u8], at: usize, chars: u32) -> usize {
    let mut i = at;
    let mut left = chars;
    while i > 0 && left > 0 {
        let b = h[i - 1];
        if b == b'\n' || b == b'\r' {
            break;
        }
        i -= 1;
        if b & 0xC0 != 0x80 {
            left -= 1;
        }
    }
    // Do not start inside a character.
    while i < at && h[i] & 0xC0 == 0x80 {
        i += 1;
    }
    i
}

/// The end of the window `chars` characters after `at`, not crossing a
/// line break.
pub(crate) fn window_fwd(h: &[u8], at: usize, chars: u32) -> usize {
    let mut i = at;
    let mut left = chars;
    while i < h.len() && left > 0 {
        let b = h[i];
        if b == b'\n' || b == b'\r' {
            break;
        }
        i += 1;
        while i < h.len() && h[i] & 0xC0 == 0x80 {
            i += 1;
        }
        left -= 1;
    }
    i
}

/// Whether a keyword ending at `ke` is the label of what starts at
/// `start`: the rest of its word (`kennital|a`, `personnummer|et`), then at
/// most four bytes of spaces and punctuation.
fn is_label(h: &[u8], ke: usize, start: usize) -> bool {
    let mut i = ke;
    // Letters, ASCII or not (the bytes of `ö`, `ð`…).
    while i < start
        && i < ke + 12
        && (h[i].is_ascii_alphabetic() || h[i] >= 0x80)
    {
        i += 1;
    }
    start - i <= 4
        && h[i..start].iter().all(|&b| b.is_ascii_punctuation() || b == b' ')
}

/// The kinds whose label (a positive keyword) ends right before `at`, with
/// at most four bytes of spaces and punctuation between. Searches only the
/// few dozen bytes a label can occupy.
pub(crate) fn label_before(kw: &Keywords, h: &[u8], at: usize) -> KindSet {
    read(kw, h, at, at, 48, 0).label
}

/// Keywords that say a birth date or a setting follows, not the number
/// itself: no label for a leniently read number.
const WEAK: &[&str] = &[
    "født",
    "fødd",
    "född",
    "fæddur",
    "fædd",
    "fæðingardag",
    "syntymäaika",
    "date of birth",
    "dob",
    "pasient",
    "duf",
    "udi",
];

/// [`label_before`] with only the labels that name the number itself
/// (`Personnr:`, `CPR:`, `Kennitala:`, `Henkilötunnus:`, `F.nr.:`, not
/// `født`): what a leniently read number needs (docs/rules.md §8.2).
pub(crate) fn strong_label_before(
    kw: &Keywords,
    h: &[u8],
    at: usize,
) -> KindSet {
    let ws = window_back(h, at, 48);
    let mut out = NONE;
    let mut last_start = 0;
    let mut kept = [(0usize, 0u16); KEPT];
    let mut n = 0;
    for_each_keyword(kw, h, ws, at, &mut |ks, ke, i| {
        if is_label(h, ke, at) {
            kept[n % KEPT] = (ke, i);
            n += 1;
        }
        last_start = last_start.max(ks);
    });
    for &(ke, i) in &kept[..n.min(KEPT)] {
        let k = &KEYWORDS[i as usize];
        if last_start < ke && !WEAK.contains(&k.text) {
            out = out.union(k.pos);
        }
    }
    out
}

/// At most this many keyword matches before a candidate are weighed; a
/// longer list keeps the nearest (the others are cut off by them anyway,
/// docs/rules.md §7.3).
const KEPT: usize = 16;

/// Whether `b` is part of a number for keyword scoping: a digit, or the
/// `*` of a number already masked, so that redacting one number never
/// hands its label to another (a re-scan of redacted text stays silent).
fn number_byte(b: u8) -> bool {
    b.is_ascii_digit() || b == b'*'
}

/// Whether the keyword ending at `ke` labels a number after it
/// (docs/rules.md §7.3): within `limit`, past spaces, punctuation (`:`,
/// `=`, quotes, `+`) and at most one short word (`nr`, `til`), a digit
/// stands. A keyword closed by `)` is a parenthetical label of what came
/// before it, not of what follows.
fn labels_number_after(h: &[u8], ke: usize) -> bool {
    let lim = h.len().min(ke + 16);
    let mut i = ke;
    let mut word = false;
    while i < lim {
        let b = h[i];
        if number_byte(b) {
            return true;
        }
        if b == b' ' || b == b'\t' || (b.is_ascii_punctuation() && b != b')') {
            i += 1;
        } else if b.is_ascii_alphabetic() && !word {
            let w = i;
            while i < lim && h[i].is_ascii_alphabetic() {
                i += 1;
            }
            if i - w > 3 {
                return false;
            }
            word = true;
        } else {
            // A line break, `)`, another letter: the label ends here.
            return false;
        }
    }
    false
}

fn add(ctx: &mut Context, pos: KindSet, neg: KindSet, dist: u32) {
    for kind in pos.iter() {
        let i = kind as usize - 1;
        ctx.pos[i] = ctx.pos[i].min(dist);
    }
    for kind in neg.iter() {
        let i = kind as usize - 1;
        ctx.neg[i] = ctx.neg[i].min(dist);
    }
}

/// Reads the keywords in the window around `[start, end)`: `before`
/// characters before it and `after` characters after it, on its line.
/// Allocates nothing.
///
/// Only the keywords that label this candidate count (docs/rules.md
/// §7.3): before it, a keyword with no other keyword after it and, for a
/// negative one, no digit between (a positive one carries across a list of
/// numbers); after it, a keyword with no digit between that does not
/// itself label a number following it.
pub(crate) fn read(
    kw: &Keywords,
    h: &[u8],
    start: usize,
    end: usize,
    before: u32,
    after: u32,
) -> Context {
    let mut ctx = Context {
        pos: [FAR; Kind::COUNT],
        neg: [FAR; Kind::COUNT],
        label: NONE,
    };
    let ws = window_back(h, start, before);
    let we = window_fwd(h, end, after);
    // Before the candidate: collect the fitting matches, then keep those
    // nothing cuts off from the candidate.
    let mut kept = [(0usize, 0usize, 0u16); KEPT];
    let mut n = 0usize;
    let mut last_start = 0usize;
    for_each_keyword(kw, h, ws, start, &mut |ks, ke, i| {
        kept[n % KEPT] = (ks, ke, i);
        n += 1;
        last_start = last_start.max(ks);
    });
    if n > 0 {
        // The last digit between the window's start and the candidate.
        let last_digit =
            h[ws..start].iter().rposition(|&b| number_byte(b)).map(|i| ws + i);
        for &(_, ke, i) in &kept[..n.min(KEPT)] {
            if last_start >= ke {
                // Another label stands between: the nearest wins.
                continue;
            }
            let k = &KEYWORDS[i as usize];
            let number_between = last_digit.is_some_and(|d| d >= ke);
            let dist = (start - ke) as u32;
            if number_between {
                // Labels another number: only a positive keyword carries
                // over it (a list of IDs of its kind).
                add(&mut ctx, k.pos, NONE, dist);
                continue;
            }
            add(&mut ctx, k.pos, k.neg, dist);
            if is_label(h, ke, start) {
                ctx.label = ctx.label.union(k.pos);
            }
        }
    }
    // After the candidate: a parenthetical label of it, or words that say
    // nothing about a number.
    let first_digit =
        h[end..we].iter().position(|&b| number_byte(b)).map(|i| end + i);
    for_each_keyword(kw, h, end, we, &mut |ks, ke, i| {
        if first_digit.is_some_and(|d| d < ks) || labels_number_after(h, ke) {
            return;
        }
        let k = &KEYWORDS[i as usize];
        add(&mut ctx, k.pos, k.neg, (ks - end) as u32);
    });
    ctx
}

/// Calls `f` with the start, end and keyword index of every keyword that
/// fits its place (a whole word where it must be) in `h[lo..hi]`.
fn for_each_keyword(
    kw: &Keywords,
    h: &[u8],
    lo: usize,
    hi: usize,
    f: &mut impl FnMut(usize, usize, u16),
) {
    // Every keyword has a letter: a window of digits and punctuation (a
    // table) needs no search.
    if !h[lo..hi].iter().any(|&b| b.is_ascii_alphabetic() || b >= 0x80) {
        return;
    }
    let input = aho_corasick::Input::new(h).span(lo..hi);
    let mut state = aho_corasick::automaton::OverlappingState::start();
    loop {
        kw.ac.find_overlapping(input.clone(), &mut state);
        let Some(m) = state.get_match() else { break };
        let i = kw.of_pattern[m.pattern().as_usize()];
        let k = &KEYWORDS[i as usize];
        let (ks, ke) = (m.start(), m.end());
        if letter_before(h, ks) {
            continue;
        }
        let ends_in_punct = h[ke - 1] == b'.';
        if k.fit == Fit::Word && !ends_in_punct && letter_at(h, ke) {
            continue;
        }
        f(ks, ke, i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keyword DFA stays small enough to build at start-up and to keep
    /// in cache.
    #[test]
    fn keyword_automaton_is_small() {
        let kw = Keywords::build();
        let bytes = kw.ac.memory_usage();
        assert!(bytes < 1 << 20, "{bytes} bytes");
    }

    fn ctx(text: &str, id: &str) -> Context {
        let s = text.find(id).unwrap();
        read(&Keywords::build(), text.as_bytes(), s, s + id.len(), 40, 20)
    }

    #[test]
    fn spellings_cover_transliterations() {
        let s = spellings("fødselsnummer");
        for want in [
            "fødselsnummer",
            "fØdselsnummer",
            "fodselsnummer",
            "foedselsnummer",
        ] {
            assert!(s.iter().any(|x| x == want), "{want}");
        }
    }

    #[test]
    fn positive_inflected_and_cased() {
        for (t, k) in [
            ("Fødselsnummeret: 01018000055", Kind::NoFnr),
            ("FØDSELSNUMMER 01018000055", Kind::NoFnr),
            ("foedselsnummer 01018000055", Kind::NoFnr),
            ("personnumret 811218-9876", Kind::SePnr),
            ("CPR-nummeret 010180-1004", Kind::DkCpr),
            ("henkilötunnuksen 131052-308T", Kind::FiHetu),
            ("HENKILÖTUNNUS 131052-308T", Kind::FiHetu),
            ("(kt. 120160-3389)", Kind::IsKt),
        ] {
            let id = t.split(' ').next_back().unwrap().trim_end_matches(')');
            let c = ctx(t, id);
            assert!(c.positive(k), "{t}");
            assert!(!c.negative(k), "{t}");
        }
    }

    #[test]
    fn whole_words_only_for_short_keywords() {
        let c = ctx("kontrakt 120160-3389", "120160-3389");
        assert!(!c.positive(Kind::IsKt));
        // but "kontrakt" still starts with the negative "konto"? No: it
        // starts with "kont", not "konto".
        assert!(!c.negative(Kind::IsKt));
        let c = ctx("Saksbehandler 01018000055", "01018000055");
        assert!(!c.negative(Kind::NoFnr), "sak must be a whole word");
    }

    #[test]
    fn nearest_keyword_decides_negative() {
        let c = ctx("tlf 22 33 44 55, fnr 01018000055", "01018000055");
        assert!(c.positive(Kind::NoFnr));
        assert!(!c.negative(Kind::NoFnr));
        let c = ctx("fnr-feltet er tomt; kontonr. 15038010015", "15038010015");
        assert!(c.negative(Kind::NoFnr));
    }

    #[test]
    fn window_stops_at_line_break_and_counts_characters() {
        let c = ctx("fødselsnummer\n01018000055", "01018000055");
        assert!(!c.positive(Kind::NoFnr));
        // 40 characters of "ø" are 80 bytes and still inside the window.
        let t = format!("fnr {} 01018000055", "ø".repeat(35));
        assert!(ctx(&t, "01018000055").positive(Kind::NoFnr));
        let t = format!("fnr {} 01018000055", "ø".repeat(40));
        assert!(!ctx(&t, "01018000055").positive(Kind::NoFnr));
    }

    #[test]
    fn label_right_before() {
        let c = ctx("fnr: 01018000056", "01018000056");
        assert!(c.labelled(Kind::NoFnr));
        let c = ctx("fnr er oppgitt som 01018000056", "01018000056");
        assert!(!c.labelled(Kind::NoFnr));
        assert!(c.positive(Kind::NoFnr));
    }

    #[test]
    fn ambiguous_keywords() {
        let c = ctx("dnr 41019000077", "41019000077");
        assert!(c.positive(Kind::NoDnr));
        let c = ctx("dnr 811218-9876", "811218-9876");
        assert!(c.negative(Kind::SePnr));
        let c = ctx("P-nr. 0101801004", "0101801004");
        assert!(c.negative(Kind::DkCpr));
        assert!(c.positive(Kind::SePnr));
    }

    /// docs/rules.md §7.3: a keyword counts only for the number it labels.
    #[test]
    fn keywords_label_the_right_number() {
        // (text, candidate, kind, positive, negative)
        let table: &[(&str, &str, Kind, bool, bool)] = &[
            // A negative label of a following number says nothing.
            (
                "Utbetaling - 461098 24933 - til konto 2701 16 16866",
                "461098 24933",
                Kind::NoDnr,
                false,
                false,
            ),
            // A negative label of a number before it says nothing.
            (
                "sak=MBN 2024/540 bruker=19780610-7368",
                "19780610-7368",
                Kind::SePnr,
                false,
                false,
            ),
            (
                r#"{"personalIdentityNumber": "020912-9440","phone": "+354 803 8617"}"#,
                "020912-9440",
                Kind::IsKt,
                false,
                false,
            ),
            // The label of the number itself still counts.
            ("til konto 15038010015", "15038010015", Kind::NoFnr, false, true),
            (
                "kontonr. 1234 56 78903",
                "1234 56 78903",
                Kind::NoFnr,
                false,
                true,
            ),
            ("saksnr: 01018000055", "01018000055", Kind::NoFnr, false, true),
            // Nearest label wins.
            (
                "fnr-feltet er tomt; kontonr. 15038010015",
                "15038010015",
                Kind::NoFnr,
                false,
                true,
            ),
            (
                "tlf 22 33 44 55, fnr 01018000055",
                "01018000055",
                Kind::NoFnr,
                true,
                false,
            ),
            // A positive keyword carries over a list.
            (
                "fnr: 01018000055, 01018000136",
                "01018000136",
                Kind::NoFnr,
                true,
                false,
            ),
            // A parenthetical label after the number.
            (
                "01018000055 (fnr), 01018000136",
                "01018000055",
                Kind::NoFnr,
                true,
                false,
            ),
            ("01018000055 (konto)", "01018000055", Kind::NoFnr, false, true),
            // A label after, followed by its own number.
            (
                "01018000055 tlf 22334455",
                "01018000055",
                Kind::NoFnr,
                false,
                false,
            ),
            ("01018000055 kr 500", "01018000055", Kind::NoFnr, false, false),
            (
                "01018000055 - fnr 01018000136",
                "01018000055",
                Kind::NoFnr,
                false,
                false,
            ),
        ];
        for &(t, id, k, pos, neg) in table {
            let c = ctx(t, id);
            assert_eq!(c.positive(k), pos, "positive: {t}");
            assert_eq!(c.negative(k), neg, "negative: {t}");
        }
    }
}
