//! The lenient reading of the scanner's `lenient` option: a national ID
//! whose digits OCR or a hurried typist broke apart (`F.nr.: 1650 53
//! 49060` with a doubled space, `Kennitala: 0810887 569`, `Henkilötunnus:
//! 210788 -114K`, `Personnr: 197 906 06-2554`, `CPR: 0508471 599`).
//!
//! Such a number has no grouping to go by, so only a label of the kind
//! right before it, on its line, makes it a candidate (docs/rules.md §7.3,
//! §8.2): the digits are read across gaps of at most two spaces and one
//! hyphen or plus, and each prefix that ends a digit group and has the
//! length of a labelled scheme is validated by every rule of the scheme.

use crate::context;
use crate::ids::read::{Candidate, Shape};
use crate::kind::{Confidence, Flags, Kind, KindSet};
use crate::scanner::{Match, Scanner};
use crate::shape::{self, Run, Sep};

const NO: KindSet =
    KindSet::of(&[Kind::NoFnr, Kind::NoDnr, Kind::NoHnr, Kind::NoFhnr]);
const TEN: KindSet =
    KindSet::of(&[Kind::DkCpr, Kind::SePnr, Kind::SeSnr, Kind::IsKt]);
const SE: KindSet = KindSet::of(&[Kind::SePnr, Kind::SeSnr]);
const FI: KindSet = KindSet::of(&[Kind::FiHetu]);

/// At most this many digit groups are read.
const GROUPS: usize = 8;

/// The digits read from a damaged number: their values, and after each
/// group the number of digits so far and where the group ends.
struct Reading {
    d: [u8; 13],
    n: usize,
    ends: [(usize, usize); GROUPS],
    groups: usize,
    /// A sign (`-`, `+` or a Finnish century letter) and the number of
    /// digits before it.
    sign: Option<(u8, usize)>,
    /// A Finnish check letter and where it ends.
    check: Option<(u8, usize)>,
}

/// Reads digit groups from `p` across gaps of at most two spaces and one
/// hyphen or plus (or a Finnish century letter after six digits), and a
/// Finnish check letter after nine.
fn read(h: &[u8], p: usize) -> Option<Reading> {
    let mut r = Reading {
        d: [0; 13],
        n: 0,
        ends: [(0, 0); GROUPS],
        groups: 0,
        sign: None,
        check: None,
    };
    let mut i = p;
    loop {
        let run = Run::read(h, i);
        if run.n == 0 || r.n + run.n > 13 || r.groups == GROUPS {
            break;
        }
        r.d[r.n..r.n + run.n].copy_from_slice(&run.d[..run.n]);
        r.n += run.n;
        r.ends[r.groups] = (r.n, run.end);
        r.groups += 1;
        i = run.end;
        // The gap after the group.
        let (mut spaces, mut sign) = (0, None);
        let mut j = i;
        while let Some((s, l)) = shape::sep_at(h, j) {
            match s {
                Sep::Space => spaces += 1,
                Sep::Hyphen | Sep::Plus if sign.is_none() => {
                    sign = Some(if s == Sep::Plus { b'+' } else { b'-' })
                }
                _ => break,
            }
            j += l;
        }
        if spaces > 2 {
            break;
        }
        let b = h.get(j).copied().unwrap_or(0);
        if b.is_ascii_alphabetic() && sign.is_none() {
            let up = b.to_ascii_uppercase();
            let digit_next = shape::digit_at(h, j + 1).is_some()
                || (h.get(j + 1) == Some(&b' ')
                    && shape::digit_at(h, j + 2).is_some());
            if r.n == 6 && crate::ids::fi::century(up).is_some() && digit_next
            {
                // A Finnish century letter.
                r.sign = Some((up, 6));
                i = j + 1;
                if h.get(i) == Some(&b' ') {
                    i += 1;
                }
                continue;
            }
            if r.n == 9 && r.sign.is_some_and(|s| s.1 == 6) && spaces == 0 {
                // The check character, right after the last digit.
                let letter_after = h
                    .get(j + 1)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80);
                if !letter_after {
                    r.check = Some((b, j + 1));
                }
            }
            break;
        }
        if shape::digit_at(h, j).is_none() || j == i {
            break;
        }
        if let Some(s) = sign {
            if r.sign.is_some() {
                break;
            }
            r.sign = Some((s, r.n));
        }
        i = j;
    }
    (r.n >= 9).then_some(r)
}

impl Scanner {
    /// The number at `p`, read leniently after a label of its kind, if
    /// every rule of the kind holds for it: its finding, flagged
    /// [`Flags::OCR`].
    #[cold]
    #[inline(never)]
    pub(crate) fn ocr(&self, h: &[u8], p: usize) -> Option<Match> {
        if !shape::left_ok(h, p) || !shape::word_right_before(h, p) {
            return None;
        }
        let r = read(h, p)?;
        let labelled = context::strong_label_before(&self.data.keywords, h, p);
        let kinds = KindSet::of_iter(
            labelled.iter().filter(|&k| self.kinds.contains(k)),
        );
        if kinds.is_empty() {
            return None;
        }
        // The Finnish form, sign and check character as written.
        if kinds.intersects(FI)
            && let Some((sign, 6)) = r.sign
        {
            let fi = match (r.n, r.check) {
                (9, Some((c, end))) => Some((c, end)),
                (10, _) => Some((b'0' + r.d[9], r.ends[r.groups - 1].1)),
                _ => None,
            };
            if let Some((check, end)) = fi {
                let mut date = [0; 6];
                date.copy_from_slice(&r.d[..6]);
                let shape = Shape::Fi {
                    date,
                    sign,
                    zzz: [r.d[6], r.d[7], r.d[8]],
                    check: check.to_ascii_uppercase(),
                    lower: check.is_ascii_lowercase(),
                };
                if let Some(m) = self.judge_ocr(h, p, end, shape, kinds) {
                    return Some(m);
                }
            }
        }
        // The longest prefix ending a group that reads as a labelled kind.
        for &(n, end) in r.ends[..r.groups].iter().rev() {
            let shape = match n {
                11 if kinds.intersects(NO) => {
                    Shape::No { d: take(&r.d), year: None }
                }
                10 if kinds.intersects(TEN) => {
                    let plus = r.sign.is_some_and(|s| s.0 == b'+' && s.1 == 6);
                    Shape::Ten { d: take(&r.d), plus, bare: false }
                }
                12 if kinds.intersects(SE) => {
                    Shape::Twelve { d: take(&r.d), se: true, duf: false }
                }
                _ => continue,
            };
            if let Some(m) = self.judge_ocr(h, p, end, shape, kinds) {
                return Some(m);
            }
        }
        None
    }

    /// The finding for one lenient reading `p..end`, if valid as one of
    /// `kinds` and not lowered by a negative keyword.
    fn judge_ocr(
        &self,
        h: &[u8],
        p: usize,
        end: usize,
        shape: Shape,
        kinds: KindSet,
    ) -> Option<Match> {
        if !shape::right_ok(h, end) {
            return None;
        }
        let c = Candidate::one(end, shape, Flags::SEPARATOR);
        let mut best: Option<crate::ids::Valid> = None;
        self.readings(&c, false, &mut |v| {
            if kinds.contains(v.kind)
                && best.is_none_or(|b| {
                    super::pass::preference(b.kind)
                        < super::pass::preference(v.kind)
                })
            {
                best = Some(v);
            }
        });
        let v = best?;
        let cx = self.context(h, p, end);
        let level = super::pass::level(v.strength, &cx, v.kind)?;
        if cx.negative(v.kind) {
            return None;
        }
        // The grouping is damaged: never more than `medium`.
        let level = level.min(Confidence::Medium);
        let mut flags = v.flags | c.flags | Flags::OCR;
        flags.set(Flags::CONTEXT, cx.positive(v.kind));
        Some(Match::new(v.kind, level, flags, p, end))
    }
}

fn take<const N: usize>(d: &[u8; 13]) -> [u8; N] {
    let mut out = [0; N];
    out.copy_from_slice(&d[..N]);
    out
}
