//! The terms pass: words of the special categories (docs/contract.md §1.1,
//! the eight `sensitive_*` kinds) in Norwegian (bokmål and nynorsk),
//! Swedish, Danish, Finnish and Icelandic.
//!
//! The vocabulary is data: one lexicon per language under
//! `detect-core/data/terms/<lang>.tsv`, written for this project (see
//! `detect-core/data/terms/README.md` for the format). Every entry of every
//! lexicon, in its case variants, and the caller's own terms go into ONE
//! Aho-Corasick automaton (leftmost-longest, ASCII case-insensitive) built
//! with the scanner's data; a search runs it forward once from its start.
//!
//! # Rules
//!
//! * A word is a run of letters and digits, with single hyphens between
//!   letters joining compound elements (`HIV-smittet`). Words longer than
//!   [`MAX_WORD`] bytes are not words (base64, hashes) and are skipped.
//! * At each byte the longest listed form decides. An exception (`sosiale
//!   medier`, `rusk`) is a listed form too: where it is the longest, it
//!   hides every term that starts inside it.
//! * A term qualifies by its mode: `w` starts an element and ends it, with
//!   at most an inflectional ending of its language after it; `p` starts
//!   an element, anything may follow (compounds, endings); `s` ends an
//!   element, preceded by anything, with at most an ending after it; `i`
//!   may sit anywhere in a word.
//! * The finding spans the whole word holding the term (through the last
//!   word of a term of several words), so masking hides the word.
//! * Confidence (docs/contract.md §3): a strong term is `high`; a weak one
//!   is `low`, or `medium` with the `context` flag when another word of the
//!   same category lies on the same line (within [`CUE_WINDOW`] bytes).
//!   Among several terms in one word, a strong one beats a weak one, then
//!   the first.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input,
    MatchKind, StartKind,
};

use crate::kind::{Confidence, Flags, Group, Kind, KindSet};
use crate::scanner::{Match, Scanner};
use crate::text::TextPass;
use crate::text::skip::{self, Skip};

/// The version of the built-in lexicons. Every lexicon file names it in its
/// `#version` header (checked by a test); reports should carry it.
pub const LEXICON_VERSION: &str = "sladd-terms-2026.12-1";

/// The built-in lexicons: language code and text.
pub(crate) const LEXICONS: [(&str, &str); 6] = [
    ("nb", include_str!("../../data/terms/nb.tsv")),
    ("nn", include_str!("../../data/terms/nn.tsv")),
    ("sv", include_str!("../../data/terms/sv.tsv")),
    ("da", include_str!("../../data/terms/da.tsv")),
    ("fi", include_str!("../../data/terms/fi.tsv")),
    ("is", include_str!("../../data/terms/is.tsv")),
];

/// The longest word the pass looks at, in bytes.
pub(crate) const MAX_WORD: usize = 96;

/// How far a weak term looks for a second cue on its line, in bytes on
/// either side.
pub(crate) const CUE_WINDOW: usize = 200;

/// How a term sits in a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A whole element, with at most an inflectional ending.
    Word,
    /// Starts an element; anything may follow.
    Prefix,
    /// Ends an element (alone or as the last part of a compound), with at
    /// most an inflectional ending.
    Suffix,
    /// Anywhere in a word.
    Inside,
}

/// Whose inflectional endings a term takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    /// Norwegian, Swedish, Danish.
    Scandinavian,
    /// Finnish.
    Finnish,
    /// Icelandic.
    Icelandic,
    /// Any of them (the caller's terms).
    Any,
}

impl Lang {
    fn of(code: &str) -> Lang {
        match code {
            "fi" => Lang::Finnish,
            "is" => Lang::Icelandic,
            _ => Lang::Scandinavian,
        }
    }
}

/// One row of a lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    /// The category.
    pub(crate) kind: Kind,
    /// The lemma or stem, lower case.
    pub(crate) term: String,
    /// How it sits in a word.
    pub(crate) mode: Mode,
    /// Strong (reported `high`) or weak.
    pub(crate) strong: bool,
    /// Phrases holding the term that are not the category.
    pub(crate) exceptions: Vec<String>,
    /// The term as written when it holds a capital (`LO`, `Unio`): then it
    /// matches only as written or in capitals.
    pub(crate) exact: Option<String>,
}

/// The category names of the lexicons' first column, with their kinds.
pub(crate) const CATEGORIES: [(&str, Kind); 8] = [
    ("health", Kind::SensitiveHealth),
    ("child_welfare", Kind::SensitiveChildWelfare),
    ("social", Kind::SensitiveSocial),
    ("criminal", Kind::SensitiveCriminal),
    ("ethnicity", Kind::SensitiveEthnicity),
    ("belief", Kind::SensitiveBelief),
    ("sexuality", Kind::SensitiveSexuality),
    ("union", Kind::SensitiveUnion),
];

/// The version named by a lexicon's `#version` header line.
#[cfg(test)]
pub(crate) fn header_version(text: &str) -> Option<&str> {
    text.lines().find_map(|l| l.strip_prefix("#version\t")).map(str::trim)
}

/// Parses a lexicon: `category TAB term TAB mode TAB strength [TAB
/// exceptions]`, exceptions separated by `;`. Lines starting with `#` and
/// blank lines are skipped.
pub(crate) fn parse(text: &str) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |what: &str| format!("line {}: {what}: {line:?}", n + 1);
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 || cols.len() > 5 {
            return Err(err("expected 4 or 5 tab-separated columns"));
        }
        let kind = CATEGORIES
            .iter()
            .find(|(c, _)| *c == cols[0])
            .map(|(_, k)| *k)
            .ok_or_else(|| err("unknown category"))?;
        let written = cols[1].trim();
        let term = written.to_lowercase();
        let exact = written
            .chars()
            .any(char::is_uppercase)
            .then(|| written.to_string());
        if term.is_empty() || term.starts_with(' ') || term.ends_with(' ') {
            return Err(err("empty term"));
        }
        let mode = match cols[2] {
            "w" => Mode::Word,
            "p" => Mode::Prefix,
            "s" => Mode::Suffix,
            "i" => Mode::Inside,
            _ => return Err(err("mode must be w, p, s or i")),
        };
        let strong = match cols[3] {
            "strong" => true,
            "weak" => false,
            _ => return Err(err("strength must be strong or weak")),
        };
        let exceptions = cols
            .get(4)
            .map(|e| {
                e.split(';')
                    .map(|x| x.trim().to_lowercase())
                    .filter(|x| !x.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        rows.push(Row { kind, term, mode, strong, exceptions, exact });
    }
    Ok(rows)
}

/// What a pattern of the automaton stands for.
#[derive(Clone, Copy, Debug)]
struct Entry {
    kind: Kind,
    mode: Mode,
    strong: bool,
    lang: Lang,
    /// An exception: hides the terms starting inside it.
    exception: bool,
    /// The term ends in `e` (takes the endings after `e`).
    ends_e: bool,
    /// The term ends in another vowel.
    ends_vowel: bool,
    /// The term's last byte, lower case (a consonant may be doubled
    /// before an ending: `sykdom` → `sykdommen`).
    last: u8,
    /// Index into [`Terms::exact`] for a term matched only as written.
    exact: Option<u32>,
    /// Which lexicon row (or caller's term) this is: a second cue must be
    /// another term.
    id: u32,
    /// The pattern may be reported after an ASCII letter or digit: it may
    /// sit anywhere, or one that may sit anywhere is a prefix of it (in
    /// ASCII case), so a pattern started there.
    inside: bool,
}

/// A case-exact term as written and in capitals.
type ExactForms = (Box<[u8]>, Box<[u8]>);

/// The automaton of every term and exception, with what each pattern
/// stands for.
#[derive(Debug)]
pub(crate) struct Terms {
    ac: AhoCorasick,
    entries: Vec<Entry>,
    /// The forms of the case-exact terms: as written and in capitals.
    exact: Vec<ExactForms>,
    max_len: usize,
    /// The first look of the search: where a pattern may start.
    skip: Skip,
}

#[cfg(test)]
thread_local! {
    /// Tests: search with [`Terms::next_hit_ref`] instead.
    static REFERENCE: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

/// A pattern's occurrence: start, end and what it stands for.
#[derive(Clone, Copy, Debug)]
struct Hit {
    start: usize,
    end: usize,
    pattern: usize,
}

/// The case variants of `term` (lower case): every combination of lower
/// and upper case for up to five non-ASCII letters, else all lower, all
/// upper and a capital first letter. ASCII letters are left to the
/// automaton's ASCII case folding.
fn variants(term: &str) -> Vec<String> {
    let wide: Vec<usize> = term
        .char_indices()
        .filter(|(_, c)| !c.is_ascii() && c.is_alphabetic())
        .map(|(i, _)| i)
        .collect();
    if wide.is_empty() {
        return vec![term.to_string()];
    }
    let upper = |c: char| {
        let mut u = c.to_uppercase();
        match (u.next(), u.next()) {
            (Some(x), None) => x,
            _ => c,
        }
    };
    let mut out = Vec::new();
    if wide.len() <= 5 {
        for bits in 0u32..1 << wide.len() {
            let s: String = term
                .char_indices()
                .map(|(i, c)| match wide.iter().position(|&w| w == i) {
                    Some(k) if bits >> k & 1 == 1 => upper(c),
                    _ => c,
                })
                .collect();
            out.push(s);
        }
    } else {
        out.push(term.to_string());
        out.push(term.chars().map(upper).collect());
        let mut cs = term.chars();
        if let Some(f) = cs.next() {
            out.push(core::iter::once(upper(f)).chain(cs).collect());
        }
    }
    out.dedup();
    out
}

impl Terms {
    /// The automaton of the built-in lexicons and `extra` (the caller's
    /// terms: `term` is a whole word with endings, `term*` a prefix,
    /// `*term` may sit anywhere in a word).
    pub(crate) fn build(extra: &[(Kind, String)]) -> Terms {
        let mut pats: Vec<String> = Vec::new();
        let mut entries: Vec<Entry> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut exact: Vec<ExactForms> = Vec::new();
        let mut rows = 0u32;
        let mut add = |text: &str, mut e: Entry| {
            e.id = rows;
            rows += 1;
            for v in variants(text) {
                if !seen.contains_key(&v) {
                    seen.insert(v.clone(), pats.len());
                    pats.push(v);
                    entries.push(e);
                }
            }
        };
        let mut entry = |r: &Row, lang: Lang, exception: bool| {
            let last = r.term.chars().next_back().unwrap_or(' ');
            let ex = match (&r.exact, exception) {
                (Some(w), false) => {
                    exact.push((
                        w.as_bytes().into(),
                        w.to_uppercase().into_bytes().into(),
                    ));
                    Some(exact.len() as u32 - 1)
                }
                _ => None,
            };
            Entry {
                kind: r.kind,
                mode: r.mode,
                strong: r.strong,
                lang,
                exception,
                ends_e: last == 'e',
                ends_vowel: "aiouyæøåäöáéíóúý".contains(last),
                exact: ex,
                id: 0,
                inside: false,
                last: r.term.bytes().next_back().unwrap_or(0),
            }
        };
        // The caller's terms first: on the same text they win.
        for (kind, written) in extra {
            let t = written.trim().to_lowercase();
            let (mode, t) = match (t.strip_prefix('*'), t.strip_suffix('*')) {
                (Some(a), _) => (Mode::Inside, a.trim_end_matches('*')),
                (None, Some(b)) => (Mode::Prefix, b),
                (None, None) => (Mode::Word, t.as_str()),
            };
            // One byte is no term (and the prefilter keys two bytes or
            // more).
            if t.len() < 2 {
                continue;
            }
            let exact = written
                .chars()
                .any(char::is_uppercase)
                .then(|| written.trim().trim_matches('*').to_string());
            let r = Row {
                kind: *kind,
                term: t.to_string(),
                mode,
                strong: true,
                exceptions: Vec::new(),
                exact,
            };
            add(&r.term, entry(&r, Lang::Any, false));
        }
        let mut all = Vec::new();
        for (code, text) in LEXICONS {
            let rows = parse(text).unwrap_or_else(|e| {
                panic!("built-in lexicon {code} is valid (tested): {e}")
            });
            all.push((Lang::of(code), rows));
        }
        for (lang, rows) in &all {
            for r in rows {
                add(&r.term, entry(r, *lang, false));
            }
        }
        for (lang, rows) in &all {
            for r in rows {
                for x in &r.exceptions {
                    add(x, entry(r, *lang, true));
                }
            }
        }
        let max_len = pats.iter().map(String::len).max().unwrap_or(0);
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(StartKind::Anchored)
            .build(&pats)
            .expect("the term automaton builds");
        let anywhere = |e: &Entry| {
            e.exception || matches!(e.mode, Mode::Suffix | Mode::Inside)
        };
        let mut skip = Skip::new();
        let mut prefixes = std::collections::HashSet::new();
        for (p, e) in pats.iter().zip(&entries) {
            if anywhere(e) {
                skip.add(p.as_bytes(), skip::ANYWHERE);
                prefixes.insert(p.to_ascii_lowercase());
            } else {
                skip.add(p.as_bytes(), skip::ELEMENT);
            }
        }
        for (p, e) in pats.iter().zip(entries.iter_mut()) {
            let lower = p.to_ascii_lowercase();
            e.inside = anywhere(e)
                || (1..=lower.len()).any(|l| {
                    lower.is_char_boundary(l) && prefixes.contains(&lower[..l])
                });
        }
        Terms { ac, entries, exact, max_len, skip }
    }

    /// The automaton of the built-in lexicons alone, built once.
    pub(crate) fn builtin() -> Arc<Terms> {
        static BUILTIN: OnceLock<Arc<Terms>> = OnceLock::new();
        BUILTIN.get_or_init(|| Arc::new(Terms::build(&[]))).clone()
    }

    /// The number of patterns (terms and exceptions in their case
    /// variants).
    #[cfg(test)]
    pub(crate) fn patterns(&self) -> usize {
        self.entries.len()
    }
}

/// The terms pass.
#[derive(Debug)]
pub(crate) struct TermsPass {
    terms: Arc<Terms>,
}

impl TermsPass {
    /// The pass over the built-in lexicons and the caller's `extra` terms.
    pub(crate) fn new(extra: &[(Kind, String)]) -> TermsPass {
        let terms = if extra.is_empty() {
            Terms::builtin()
        } else {
            Arc::new(Terms::build(extra))
        };
        TermsPass { terms }
    }
}

/// The decision about one word.
#[derive(Clone, Copy, Debug)]
struct Best {
    kind: Kind,
    id: u32,
    strong: bool,
    /// Where the finding ends (the word's end, or the end of the last word
    /// of a term of several words).
    end: usize,
}

impl TextPass for TermsPass {
    fn kinds(&self) -> KindSet {
        KindSet::of_group(Group::Sensitive)
    }

    fn reach(&self) -> usize {
        2 * MAX_WORD + self.terms.max_len + CUE_WINDOW
    }

    fn find_at(&self, sc: &Scanner, h: &[u8], from: usize) -> Option<Match> {
        let kinds = KindSet(sc.kinds.0 & self.kinds().0);
        if kinds.is_empty() || from >= h.len() {
            return None;
        }
        // Start at a word boundary: a word that began before `from` is
        // not ours to report.
        let mut at = from;
        // Off a character's continuation bytes first.
        while at < h.len() && h[at] & 0xC0 == 0x80 {
            at += 1;
        }
        if at > 0 && in_word(h, at) && run_before(h, at) {
            at = run_end(h, at);
        }
        let t = &*self.terms;
        while at < h.len() {
            let m = t.next_hit(h, at, h.len(), h.len())?;
            let s = m.start;
            let e = &t.entries[m.pattern];
            let next = s + char_len(h, s);
            let Some((ws, we)) = word_around(h, s) else {
                at = if in_word(h, s) { run_end(h, s) } else { next };
                continue;
            };
            if ws < from {
                // A word that began before `from` (after broken UTF-8).
                at = we;
                continue;
            }
            if e.exception
                || !kinds.contains(e.kind)
                || !qualifies(t, h, e, s, m.end, ws)
            {
                at = next;
                continue;
            }
            if let Some(b) = t.word(h, ws, we, kinds) {
                return Some(t.finding(sc, h, ws, b, kinds));
            }
            at = we;
        }
        None
    }
}

impl Terms {
    /// The first pattern occurrence starting in `from..to` (the longest
    /// there), within `h[..end]`, that may start there: after an ASCII
    /// letter or digit only a pattern that may sit anywhere (or holds one
    /// at its start) counts.
    ///
    /// Decides as [`Terms::next_hit_ref`] (tested), which asks the
    /// automaton at every byte; this one asks it only where the filter
    /// ([`Skip`]) lets a pattern start.
    #[inline]
    fn next_hit(
        &self,
        h: &[u8],
        from: usize,
        to: usize,
        end: usize,
    ) -> Option<Hit> {
        #[cfg(test)]
        if REFERENCE.get() {
            return self.next_hit_ref(h, from, to, end);
        }
        let to = to.min(end);
        let mut i = from;
        // Through the filter while its bytes remain, then straight to the
        // automaton.
        let fast = to.min((h.len() + 1).saturating_sub(skip::NEED));
        while i < fast {
            let Some(p) = self.skip.next(h, i, fast) else {
                i = fast;
                break;
            };
            if let Some(m) = self.hit_at(h, p, end) {
                return Some(m);
            }
            i = p + 1;
        }
        while i < to {
            if let Some(m) = self.hit_at(h, i, end) {
                return Some(m);
            }
            i += 1;
        }
        None
    }

    /// The longest pattern at `i`, if it may start there.
    #[inline]
    fn hit_at(&self, h: &[u8], i: usize, end: usize) -> Option<Hit> {
        let m = self.anchored(h, i, end)?;
        let start = i == 0 || !h[i - 1].is_ascii_alphanumeric();
        (start || self.entries[m.pattern].inside).then_some(m)
    }

    /// [`Terms::next_hit`] without the filter: the automaton at every byte.
    #[cfg(test)]
    fn next_hit_ref(
        &self,
        h: &[u8],
        from: usize,
        to: usize,
        end: usize,
    ) -> Option<Hit> {
        (from..to.min(end)).find_map(|i| self.hit_at(h, i, end))
    }

    /// The longest pattern starting at `i` within `h[..end]`.
    #[inline]
    fn anchored(&self, h: &[u8], i: usize, end: usize) -> Option<Hit> {
        let m = self
            .ac
            .find(Input::new(h).range(i..end).anchored(Anchored::Yes))?;
        Some(Hit {
            start: m.start(),
            end: m.end(),
            pattern: m.pattern().as_usize(),
        })
    }

    /// The best qualifying term of the word `ws..we` of one of `kinds`,
    /// exceptions applied.
    fn word(
        &self,
        h: &[u8],
        ws: usize,
        we: usize,
        kinds: KindSet,
    ) -> Option<Best> {
        let mut best: Option<Best> = None;
        let mut hidden_to = ws;
        let mut p = ws;
        let limit = (we + self.max_len).min(h.len());
        while p < we {
            let Some(m) = self.next_hit(h, p, we, limit) else {
                break;
            };
            let s = m.start;
            let e = &self.entries[m.pattern];
            p = s + char_len(h, s);
            if e.exception {
                hidden_to = hidden_to.max(m.end);
                continue;
            }
            if s < hidden_to
                || !kinds.contains(e.kind)
                || !qualifies(self, h, e, s, m.end, ws)
            {
                continue;
            }
            if best.is_none_or(|b| e.strong && !b.strong) {
                let end = if m.end > we { run_end(h, m.end) } else { we };
                best = Some(Best {
                    kind: e.kind,
                    id: e.id,
                    strong: e.strong,
                    end,
                });
            }
        }
        best
    }

    /// The finding for the word at `ws` decided as `b`.
    fn finding(
        &self,
        sc: &Scanner,
        h: &[u8],
        ws: usize,
        b: Best,
        kinds: KindSet,
    ) -> Match {
        if b.strong {
            return Match::new(
                b.kind,
                Confidence::High,
                Flags::empty(),
                ws,
                b.end,
            );
        }
        if sc.min_confidence <= Confidence::Medium && self.cue(h, ws, b, kinds)
        {
            return Match::new(
                b.kind,
                Confidence::Medium,
                Flags::CONTEXT,
                ws,
                b.end,
            );
        }
        Match::new(b.kind, Confidence::Low, Flags::empty(), ws, b.end)
    }

    /// Whether another word of `b`'s category lies on the line of the word
    /// `ws..b.end`, within [`CUE_WINDOW`] bytes.
    fn cue(&self, h: &[u8], ws: usize, b: Best, kinds: KindSet) -> bool {
        let lo = ws.saturating_sub(CUE_WINDOW);
        let lo = h[lo..ws]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let hi = (b.end + CUE_WINDOW).min(h.len());
        let hi = h[b.end..hi]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(hi, |i| b.end + i);
        let mut at = lo;
        while at < hi {
            let Some(m) = self.next_hit(h, at, hi, hi) else {
                return false;
            };
            let s = m.start;
            let e = &self.entries[m.pattern];
            let next = s + char_len(h, s);
            at = next;
            if e.exception || e.kind != b.kind || (s >= ws && s < b.end) {
                continue;
            }
            let Some((vs, ve)) = word_around(h, s) else { continue };
            if vs < b.end && ve > ws {
                continue;
            }
            if qualifies(self, h, e, s, m.end, vs)
                && self
                    .word(h, vs, ve, kinds)
                    .is_some_and(|v| v.kind == b.kind && v.id != b.id)
            {
                return true;
            }
            at = at.max(ve);
        }
        false
    }
}

/// Whether the term `e` at `s..end` in the word starting at `ws` sits where
/// its mode allows.
fn qualifies(
    t: &Terms,
    h: &[u8],
    e: &Entry,
    s: usize,
    end: usize,
    ws: usize,
) -> bool {
    if let Some(i) = e.exact {
        let (w, u) = &t.exact[i as usize];
        let got = &h[s..end];
        if got != &w[..] && got != &u[..] {
            return false;
        }
    }
    let starts = s == ws || h.get(s.wrapping_sub(1)) == Some(&b'-');
    match e.mode {
        Mode::Word => starts && ending_ok(h, e, end),
        Mode::Prefix => starts,
        Mode::Suffix => ending_ok(h, e, end),
        Mode::Inside => true,
    }
}

/// Whether the letters from `end` to the end of their element form an
/// inflectional ending for the term `e`.
fn ending_ok(h: &[u8], e: &Entry, end: usize) -> bool {
    let mut buf = [0u8; 8];
    let mut n = 0;
    let mut i = end;
    while let Some((c, l)) = char_at(h, i) {
        if !c.is_alphanumeric() {
            break;
        }
        for lc in c.to_lowercase() {
            let mut tmp = [0u8; 4];
            let enc = lc.encode_utf8(&mut tmp).as_bytes();
            if n + enc.len() > buf.len() {
                return false;
            }
            buf[n..n + enc.len()].copy_from_slice(enc);
            n += enc.len();
        }
        i += l;
    }
    let Ok(rest) = core::str::from_utf8(&buf[..n]) else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    // A doubled final consonant before an ending (`dommen`, `sykdommer`).
    let rest = match rest.as_bytes() {
        [c, more @ ..]
            if *c == e.last
                && !more.is_empty()
                && e.last.is_ascii_alphabetic()
                && !b"aeiouy".contains(&e.last) =>
        {
            &rest[1..]
        }
        _ => rest,
    };
    let lists: &[&[&str]] = match e.lang {
        Lang::Scandinavian => &[scandinavian(e)],
        Lang::Finnish => &[FINNISH],
        Lang::Icelandic => &[ICELANDIC],
        Lang::Any => &[scandinavian(e), FINNISH, ICELANDIC],
    };
    lists.iter().any(|l| l.contains(&rest))
}

fn scandinavian(e: &Entry) -> &'static [&'static str] {
    if e.ends_e {
        AFTER_E
    } else if e.ends_vowel {
        AFTER_VOWEL
    } else {
        AFTER_CONSONANT
    }
}

/// Norwegian, Swedish and Danish endings after a consonant: definite and
/// plural forms, genitives, adjective endings.
const AFTER_CONSONANT: &[&str] = &[
    "e", "en", "et", "a", "er", "ene", "ens", "ets", "es", "s", "ers", "enes",
    "erne", "ernes", "ar", "ane", "ars", "anes", "arna", "erna", "or", "orna",
    "na", "t", "ts", "ens", "ade", "ad", "ede", "te",
];

/// Endings after a final `e` (`diagnose` → `diagnosen`, `diagnoser`).
const AFTER_E: &[&str] = &[
    "n", "r", "t", "ne", "rne", "ns", "rs", "s", "na", "rna", "nes", "ts",
    "nas", "rnes", "rnas", "de",
];

/// Endings after another vowel (`tro` → `troen`, never `tror`).
const AFTER_VOWEL: &[&str] =
    &["en", "et", "ens", "ets", "s", "n", "ns", "na", "t", "ene", "ar"];

/// Finnish case and possessive endings, for the few whole-word entries
/// (most Finnish entries are stems in mode `p`).
const FINNISH: &[&str] = &[
    "n", "a", "ä", "ta", "tä", "ssa", "ssä", "sta", "stä", "lla", "llä",
    "lta", "ltä", "lle", "ksi", "na", "nä", "t", "en", "in", "an", "än", "on",
    "un", "yn", "ön", "ihin", "issa", "issä", "ista", "istä", "illa", "illä",
    "ille", "ien", "jen", "ja", "jä", "ineen", "tta", "ttä", "kin", "nsa",
    "nsä", "ni", "si", "iin", "seen", "hin", "han", "hän", "hon",
];

/// Icelandic case endings and the suffixed article.
const ICELANDIC: &[&str] = &[
    "s", "i", "a", "u", "ar", "ir", "ur", "um", "inn", "in", "ið", "ins",
    "inni", "ina", "inu", "unni", "num", "nar", "anna", "unum", "ana", "una",
    "nir", "na", "nu", "nni", "ið", "sins", "ann", "arinnar", "arnir", "anna",
    "ari",
];

/// The length of the UTF-8 character at `i` (1 for a broken byte).
fn char_len(h: &[u8], i: usize) -> usize {
    char_at(h, i).map_or(1, |(_, l)| l)
}

/// The character at `i` and its length; `None` at the end or on broken
/// UTF-8.
fn char_at(h: &[u8], i: usize) -> Option<(char, usize)> {
    let b = *h.get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let l = match b {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let s = core::str::from_utf8(h.get(i..i + l)?).ok()?;
    s.chars().next().map(|c| (c, l))
}

/// The character ending at `i` and its length.
fn char_before(h: &[u8], i: usize) -> Option<(char, usize)> {
    if i == 0 {
        return None;
    }
    let b = h[i - 1];
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let mut s = i - 1;
    while s > 0 && i - s < 4 && h[s] & 0xC0 == 0x80 {
        s -= 1;
    }
    let c = char_at(h, s)?;
    (s + c.1 == i).then_some(c)
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether the character at `i` belongs to a word run: a letter or digit,
/// or a hyphen between two of them.
fn in_word(h: &[u8], i: usize) -> bool {
    match char_at(h, i) {
        Some((c, _)) if is_word(c) => true,
        Some(('-', _)) => {
            char_before(h, i).is_some_and(|(c, _)| is_word(c))
                && char_at(h, i + 1).is_some_and(|(c, _)| is_word(c))
        }
        _ => false,
    }
}

/// Whether the character before `i` belongs to a word run.
fn run_before(h: &[u8], i: usize) -> bool {
    match char_before(h, i) {
        Some((c, _)) if is_word(c) => true,
        Some(('-', _)) => in_word(h, i - 1),
        _ => false,
    }
}

/// The end of the word run that holds `i`.
fn run_end(h: &[u8], mut i: usize) -> usize {
    while in_word(h, i) {
        i += char_len(h, i);
    }
    i
}

/// The word around `s` (a term's start): `None` if `s` is in no word or
/// the word is longer than [`MAX_WORD`].
fn word_around(h: &[u8], s: usize) -> Option<(usize, usize)> {
    if !in_word(h, s) {
        return None;
    }
    let mut ws = s;
    while run_before(h, ws) {
        ws -= char_before(h, ws).map_or(1, |(_, l)| l);
        if s - ws > MAX_WORD {
            return None;
        }
    }
    let mut we = s;
    while in_word(h, we) {
        we += char_len(h, we);
        if we - ws > MAX_WORD {
            return None;
        }
    }
    Some((ws, we))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_parses_with_the_version() {
        for (code, text) in LEXICONS {
            assert_eq!(header_version(text), Some(LEXICON_VERSION), "{code}");
            let rows = parse(text).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert!(rows.len() >= 250, "{code}: {} terms", rows.len());
            for (_, kind) in CATEGORIES {
                let n = rows.iter().filter(|r| r.kind == kind).count();
                assert!(n >= 8, "{code}: {n} terms of {kind}");
                assert!(
                    rows.iter().any(|r| r.kind == kind && r.strong),
                    "{code}: no strong term of {kind}"
                );
            }
            for r in &rows {
                // The prefilter keys need three bytes of a built-in term.
                assert!(r.term.len() >= 3, "{code}: {:?}", r.term);
                for x in &r.exceptions {
                    assert!(
                        x.contains(&r.term),
                        "{code}: {x:?} lacks {:?}",
                        r.term
                    );
                }
            }
        }
    }

    #[test]
    fn no_term_is_two_categories() {
        let mut seen: HashMap<String, (Kind, &str)> = HashMap::new();
        for (code, text) in LEXICONS {
            for r in parse(text).unwrap() {
                if let Some((k, other)) = seen.get(&r.term) {
                    assert_eq!(
                        *k, r.kind,
                        "{:?} is {k} in {other} and {} in {code}",
                        r.term, r.kind
                    );
                }
                seen.insert(r.term.clone(), (r.kind, code));
            }
        }
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        for bad in [
            "health\tx\tw",
            "wealth\tpsykiatri\ti\tstrong",
            "health\tpsykiatri\tq\tstrong",
            "health\tpsykiatri\ti\tsure",
            "health\t \ti\tstrong",
        ] {
            let e = parse(&format!("# c\n{bad}\n")).unwrap_err();
            assert!(e.starts_with("line 2:"), "{e}");
        }
        let rows = parse("#version\tv\nsocial\tSosial\tw\tweak\tsosiale medier; sosial dumping\n")
            .unwrap();
        assert_eq!(rows[0].term, "sosial");
        assert_eq!(rows[0].exact.as_deref(), Some("Sosial"));
        assert_eq!(rows[0].exceptions, ["sosiale medier", "sosial dumping"]);
    }

    #[test]
    fn variants_cover_nordic_capitals() {
        let v = variants("føflyktning");
        assert!(v.contains(&"føflyktning".to_string()));
        assert!(v.contains(&"fØflyktning".to_string()));
        let v = variants("þjóðkirkjunnar");
        assert_eq!(v.len(), 8);
        assert!(v.contains(&"ÞjÓÐkirkjunnar".to_string()));
    }

    /// Text from the lexicons' terms and exceptions, in every case, whole,
    /// cut and glued into other words, between separators, digits and
    /// broken UTF-8.
    fn generated(seed: u64, words: usize) -> Vec<u8> {
        let mut forms: Vec<String> = Vec::new();
        for (_, text) in LEXICONS {
            for r in parse(text).unwrap() {
                forms.push(r.term.clone());
                forms.extend(r.exceptions.iter().cloned());
            }
        }
        let mut x = seed | 1;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        let glue = [
            "",
            "",
            "",
            "s",
            "en",
            "et",
            "ene",
            "ar",
            "tjenesten",
            "x",
            "ssaken",
            "ssa",
            "n",
            "-",
            "ø",
            "Å",
        ];
        let seps: [&[u8]; 14] = [
            b" ",
            b" ",
            b" ",
            b"  ",
            b"\n",
            b", ",
            b". ",
            b"-",
            b" 12 ",
            b"\xc2\xa0",
            b"\xff",
            b"\xc3",
            b"/",
            b"7",
        ];
        let mut h = Vec::new();
        for _ in 0..words {
            let f = &forms[next(forms.len())];
            let mut w = match next(6) {
                0 => f.to_uppercase(),
                1 => {
                    let mut c = f.chars();
                    let first: String = c
                        .next()
                        .into_iter()
                        .flat_map(char::to_uppercase)
                        .collect();
                    first + c.as_str()
                }
                2 => {
                    f.chars()
                        .map(|c| {
                            if next(2) == 0 {
                                c.to_ascii_uppercase()
                            } else {
                                c
                            }
                        })
                        .collect()
                }
                _ => f.clone(),
            };
            if next(4) == 0 {
                // Part of the word only.
                let cut: Vec<usize> =
                    w.char_indices().map(|(i, _)| i).collect();
                let a = cut[next(cut.len())];
                w = w[a..].to_string();
            }
            if next(3) == 0 {
                w = format!("{}{w}", glue[next(glue.len())]);
            }
            h.extend_from_slice(w.as_bytes());
            h.extend_from_slice(glue[next(glue.len())].as_bytes());
            h.extend_from_slice(seps[next(seps.len())]);
        }
        h
    }

    #[test]
    fn the_filtered_search_finds_what_the_automaton_finds_at_every_byte() {
        let t = Terms::builtin();
        let mut checked = 0;
        for seed in 1..40u64 {
            let h = generated(seed, 60);
            let n = h.len();
            let mut x = seed;
            for from in 0..n {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
                let to = if x >> 60 == 0 {
                    from + (x >> 32) as usize % 40
                } else {
                    n
                };
                let end = if x >> 61 == 1 {
                    to + (x >> 40) as usize % 20
                } else {
                    n
                };
                let end = end.min(n);
                let got = t
                    .next_hit(&h, from, to, end)
                    .map(|m| (m.start, m.end, m.pattern));
                let want = t
                    .next_hit_ref(&h, from, to, end)
                    .map(|m| (m.start, m.end, m.pattern));
                assert_eq!(
                    got, want,
                    "seed {seed} from {from} to {to} end {end}"
                );
                checked += usize::from(want.is_some());
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn the_pass_finds_what_it_finds_without_the_filter() {
        let sc = Scanner::builder().kind_names(["sensitive"]).build().unwrap();
        let own = Scanner::builder()
            .kind_names(["sensitive"])
            .sensitive_terms(Kind::SensitiveSocial, ["husbank*", "*ut", "Nav"])
            .build()
            .unwrap();
        let mut found = 0;
        for seed in 100..160u64 {
            let h = generated(seed, 200);
            for s in [&sc, &own] {
                let fast: Vec<Match> = s.find_iter(&h).collect();
                REFERENCE.set(true);
                let slow: Vec<Match> = s.find_iter(&h).collect();
                REFERENCE.set(false);
                assert_eq!(fast, slow, "seed {seed}");
                found += fast.len();
            }
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn the_prefilter_drops_no_pattern() {
        let t = Terms::builtin();
        // Every term in every case variant, in a sentence, is found by the
        // filtered search at its place.
        let mut n = 0;
        for (_, text) in LEXICONS {
            for r in parse(text).unwrap() {
                for v in variants(&r.term) {
                    let h = format!("x {v} x");
                    let hit = t.next_hit(h.as_bytes(), 0, h.len(), h.len());
                    assert_eq!(hit.map(|m| m.start), Some(2), "{v:?}");
                    n += 1;
                }
            }
        }
        assert!(n > 2000);
        assert!(t.patterns() >= n / 2);
    }

    #[test]
    fn words_and_boundaries() {
        let h = "a barne-vernet, ørn".as_bytes();
        assert_eq!(word_around(h, 4), Some((2, 14)));
        assert_eq!(word_around(h, 16), Some((16, 20)));
        assert_eq!(word_around(h, 1), None);
        let long = "x".repeat(MAX_WORD + 1);
        assert_eq!(word_around(long.as_bytes(), 5), None);
        // Broken UTF-8 is no letter and never panics.
        let b = b"\xc3 barnevern \xff\xfe";
        assert_eq!(word_around(b, 2), Some((2, 11)));
        assert!(!in_word(b, 0));
        assert!(!in_word(b, 12));
    }
}
