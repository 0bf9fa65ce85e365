//! The organisation pass: Norwegian organisasjonsnummer, Danish CVR,
//! Swedish organisationsnummer, Finnish Y-tunnus and Icelandic company
//! kennitala, each with its check digits (docs/rules-contact.md §8;
//! IDS.md §6.1, §6.4–§6.6, §5). Off by default: reported only when the
//! `organisations` group or one of its kinds is chosen.

use super::num::{self, Groups, HYPHEN, Label, SPACE, label_before};
use crate::checksum::{self, luhn_ok};
use crate::ids::is::{Holder, validate_holder};
use crate::kind::{Confidence, Flags, Kind, KindSet};
use crate::prefilter;
use crate::scanner::{Match, Scanner};
use crate::shape;
use crate::text::TextPass;

/// The organisation pass.
#[derive(Debug, Default)]
pub(crate) struct OrgPass;

const KINDS: KindSet = KindSet::of(&[
    Kind::NoOrgnr,
    Kind::DkCvr,
    Kind::SeOrgnr,
    Kind::FiYtunnus,
    Kind::IsCompanyKt,
]);

impl TextPass for OrgPass {
    fn kinds(&self) -> KindSet {
        KINDS
    }

    fn reach(&self) -> usize {
        48
    }

    fn find_at(&self, sc: &Scanner, h: &[u8], from: usize) -> Option<Match> {
        let mut i = from;
        loop {
            let p = prefilter::find(h, i)?;
            if shape::digit_at(h, p).is_none() {
                i = p + 1;
                continue;
            }
            let mut run_end = p;
            while let Some((_, l)) = shape::digit_at(h, run_end) {
                run_end += l;
            }
            if !shape::digit_before(h, p) && num::at_least(h, p, 8) {
                // A country prefix: `NO`, `DK`, `DK-`, `SE`, `FI`.
                for back in [3, 2] {
                    if p >= back
                        && p - back >= from
                        && let Some(m) = prefixed(sc, h, p - back, p)
                    {
                        return Some(m);
                    }
                }
                if let Some(m) = org_at(sc, h, p, p, None) {
                    return Some(m);
                }
            }
            i = run_end;
        }
    }
}

/// A number with a VAT or country prefix starting at `s`, its digits at
/// `p`.
fn prefixed(sc: &Scanner, h: &[u8], s: usize, p: usize) -> Option<Match> {
    let pre = &h[s..p];
    let cc = match pre {
        [a, b] | [a, b, b'-' | b' '] if a.is_ascii_uppercase() => [*a, *b],
        _ => return None,
    };
    if s > 0 && (h[s - 1].is_ascii_alphanumeric() || num::letter_before(h, s))
    {
        return None;
    }
    let want = match &cc {
        b"NO" => Kind::NoOrgnr,
        b"DK" => Kind::DkCvr,
        b"SE" => Kind::SeOrgnr,
        b"FI" => Kind::FiYtunnus,
        _ => return None,
    };
    org_at(sc, h, s, p, Some(want))
}

/// The Norwegian check: weights 3 2 7 6 5 4 3 2, mod 11 (IDS.md §6.1).
pub(crate) fn no_orgnr_ok(d: &[u8]) -> bool {
    d.len() == 9
        && matches!(d[0], 8 | 9)
        && num::mod11_check(&[3, 2, 7, 6, 5, 4, 3, 2], &d[..8]) == Some(d[8])
}

/// The Danish CVR check: weights 2 7 6 5 4 3 2 1, sum ≡ 0 mod 11
/// (IDS.md §6.4).
pub(crate) fn dk_cvr_ok(d: &[u8]) -> bool {
    d.len() == 8
        && d[0] != 0
        && checksum::mod11_rest(&[2, 7, 6, 5, 4, 3, 2, 1], d) == 0
}

/// The Swedish check: Luhn over ten digits, third digit ≥ 2 (IDS.md §6.5).
pub(crate) fn se_orgnr_ok(d: &[u8]) -> bool {
    d.len() == 10 && d[0] != 0 && d[2] >= 2 && luhn_ok(d)
}

/// The Finnish check: weights 7 9 10 5 8 4 2, `11 − r`, 0 for r = 0,
/// never r = 1 (IDS.md §6.6).
pub(crate) fn fi_ytunnus_ok(d: &[u8]) -> bool {
    if d.len() != 8 {
        return false;
    }
    let r = checksum::mod11_rest(&[7, 9, 10, 5, 8, 4, 2], &d[..7]);
    match r {
        0 => d[7] == 0,
        1 => false,
        r => u32::from(d[7]) == 11 - r,
    }
}

/// The organisation number whose digits start at `p` (with a prefix from
/// `s`), of kind `want` if a prefix named its country.
fn org_at(
    sc: &Scanner,
    h: &[u8],
    s: usize,
    p: usize,
    want: Option<Kind>,
) -> Option<Match> {
    if s == p && !num::left_ok(h, p) {
        return None;
    }
    let g = Groups::read(h, p, SPACE | HYPHEN, 4);
    if !g.one_sep() || !(8..=12).contains(&g.n) {
        return None;
    }
    let d = g.digits();
    let lens = g.lens();
    let mut end = g.end;
    let prefix = want.is_some();
    let is = |k: Kind| sc.kinds.contains(k) && want.is_none_or(|w| w == k);
    let mut flags = Flags::CHECKSUM;
    flags.set(Flags::SEPARATOR, g.ng > 1);
    // (kind, whether the form speaks for itself); each scheme in turn.
    let mut found: Option<(Kind, bool)> = None;
    if is(Kind::NoOrgnr) && matches!(lens, [9] | [3, 3, 3]) && no_orgnr_ok(d) {
        // `NO 988 077 917 MVA`.
        let mva = h
            .get(end..end + 4)
            .is_some_and(|x| x.eq_ignore_ascii_case(b" MVA"))
            || h.get(end..end + 3)
                .is_some_and(|x| x.eq_ignore_ascii_case(b"MVA"));
        if mva {
            end += if h[end] == b' ' { 4 } else { 3 };
        }
        found = Some((Kind::NoOrgnr, lens != [9] || mva || prefix));
    }
    if found.is_none()
        && is(Kind::DkCvr)
        && matches!(lens, [8] | [2, 2, 2, 2] | [4, 4])
        && dk_cvr_ok(d)
    {
        // Same shape as a Danish phone number: a prefix or label needed.
        found = Some((Kind::DkCvr, prefix));
    }
    if found.is_none() && is(Kind::SeOrgnr) && se_form(lens, d, prefix) {
        let ten = if d.len() == 12 && d[..2] == [1, 6] && !prefix {
            &d[2..]
        } else {
            &d[..10]
        };
        if se_orgnr_ok(ten) {
            found = Some((Kind::SeOrgnr, lens != [10] || prefix));
        }
    }
    if found.is_none()
        && is(Kind::FiYtunnus)
        && ((lens == [7, 1] && g.seps == HYPHEN) || (prefix && lens == [8]))
        && fi_ytunnus_ok(d)
    {
        found = Some((Kind::FiYtunnus, true));
    }
    if found.is_none()
        && is(Kind::IsCompanyKt)
        && (lens == [10] || lens == [6, 4])
        && (4..=7).contains(&d[0])
        && !prefix
    {
        let mut ten = [0u8; 10];
        ten.copy_from_slice(d);
        if let Ok((Holder::Company, v)) = validate_holder(&ten, sc.today) {
            if !v.flags.contains(Flags::CHECKSUM) {
                flags = without_checksum(flags);
            }
            found = Some((Kind::IsCompanyKt, lens == [6, 4]));
        }
    }
    let (kind, strong) = found?;
    // The label is read only for a number that holds.
    let label = label_before(h, s, sc.before);
    if matches!(
        label,
        Label::Other | Label::Phone | Label::Account | Label::Card | Label::Id
    ) {
        return None;
    }
    let labelled = label == Label::Org;
    flags.set(Flags::CONTEXT, labelled);
    if !num::right_ok(h, end) || num::amount_around(h, s, end) {
        return None;
    }
    if num::id_at(sc, h, p) {
        return None;
    }
    let level = if labelled {
        Confidence::High
    } else if strong {
        Confidence::Medium
    } else {
        Confidence::Low
    };
    Some(Match::new(kind, level, flags, s, end))
}

/// Whether the groups are a Swedish organisationsnummer's form:
/// `556036-0793`, `5560360793`, `16556036-0793`, VAT `SE556036079301`.
fn se_form(lens: &[u8], d: &[u8], prefix: bool) -> bool {
    match lens {
        [6, 4] | [10] => true,
        [8, 4] => d[..2] == [1, 6],
        [12] => prefix && d[10..] == [0, 1],
        _ => false,
    }
}

/// The same flags without `CHECKSUM`.
fn without_checksum(f: Flags) -> Flags {
    Flags::from_bits_truncate(f.bits() & !Flags::CHECKSUM.bits())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Vec<u8> {
        s.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect()
    }

    #[test]
    fn checks() {
        assert!(no_orgnr_ok(&d("988077917")));
        assert!(!no_orgnr_ok(&d("988077918")));
        assert!(se_orgnr_ok(&d("556036-0793")));
        assert!(se_orgnr_ok(&d("212000-0142")));
        assert!(!se_orgnr_ok(&d("811218-9876")));
    }
}
