//! The financial pass: IBANs, bank account numbers and payment card
//! numbers, each with its own validator (docs/rules-contact.md §5–§7).
//!
//! Every candidate starts at a digit run (an IBAN two letters before it),
//! found by the prefilter's jump to the next digit.

use super::num::{self, DOT, Groups, HYPHEN, Label, SPACE, label_before};
use crate::checksum::luhn_ok;
use crate::kind::{Confidence, Flags, Kind, KindSet};
use crate::prefilter;
use crate::scanner::{Match, Scanner};
use crate::shape;
use crate::text::TextPass;

/// The financial pass.
#[derive(Debug, Default)]
pub(crate) struct FinancialPass;

const KINDS: KindSet =
    KindSet::of(&[Kind::Iban, Kind::BankAccount, Kind::PaymentCard]);

impl TextPass for FinancialPass {
    fn kinds(&self) -> KindSet {
        KINDS
    }

    fn reach(&self) -> usize {
        // The longest IBAN (34 characters) in groups of four, and the
        // bytes read after it.
        64
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
            if !shape::digit_before(h, p) {
                if p >= 2
                    && p - 2 >= from
                    && h[p - 1].is_ascii_uppercase()
                    && sc.kinds.contains(Kind::Iban)
                    && let Some(m) = iban_at(sc, h, p - 2)
                {
                    return Some(m);
                }
                if num::at_least(h, p, 7)
                    && let Some(m) = number_at(sc, h, p)
                {
                    return Some(m);
                }
            }
            i = run_end;
        }
    }
}

/// IBAN lengths per country: every SEPA country and the Nordic
/// territories (docs/rules-contact.md §5; ISO 13616 registry).
const IBAN_LEN: &[(&[u8; 2], u8)] = &[
    (b"AD", 24),
    (b"AL", 28),
    (b"AT", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"CH", 21),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DK", 18),
    (b"EE", 20),
    (b"ES", 24),
    (b"FI", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GI", 23),
    (b"GL", 18),
    (b"GR", 27),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IS", 26),
    (b"IT", 27),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MK", 19),
    (b"MT", 31),
    (b"NL", 18),
    (b"NO", 15),
    (b"PL", 28),
    (b"PT", 25),
    (b"RO", 24),
    (b"RS", 22),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"VA", 22),
];

/// The IBAN length of a country, if it is one of [`IBAN_LEN`].
pub(crate) fn iban_len(cc: &[u8]) -> Option<usize> {
    IBAN_LEN.iter().find(|(c, _)| &c[..] == cc).map(|&(_, l)| usize::from(l))
}

/// The IBAN starting at `s` (two capital letters, then digits).
fn iban_at(sc: &Scanner, h: &[u8], s: usize) -> Option<Match> {
    let cc = h.get(s..s + 2)?;
    if !cc.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    if s > 0 && (h[s - 1].is_ascii_alphanumeric() || num::letter_before(h, s))
    {
        return None;
    }
    let len = iban_len(cc)?;
    // The characters, in order, without the spaces between groups.
    let mut chars = [0u8; 34];
    let mut n = 0;
    let mut i = s;
    let mut spaced = false;
    while n < len {
        let b = *h.get(i)?;
        if b.is_ascii_digit() || b.is_ascii_uppercase() {
            chars[n] = b;
            n += 1;
            i += 1;
        } else if b == b' ' && n >= 4 && n % 4 == 0 {
            // Groups of four.
            spaced = true;
            i += 1;
        } else {
            return None;
        }
    }
    if !chars[2..4].iter().all(u8::is_ascii_digit) || !num::right_ok(h, i) {
        return None;
    }
    if i < h.len() && h[i].is_ascii_uppercase() {
        return None;
    }
    if mod97(&chars[..len]) != 1 {
        return None;
    }
    // A Norwegian IBAN embeds a kontonummer with its own check.
    if cc == b"NO" {
        let mut d = [0u8; 11];
        for (k, &c) in chars[4..15].iter().enumerate() {
            if !c.is_ascii_digit() {
                return None;
            }
            d[k] = c - b'0';
        }
        if !num::no_account_ok(&d) {
            return None;
        }
    }
    let label = label_before(h, s, sc.before);
    let labelled = matches!(label, Label::Iban | Label::Account);
    let mut flags = Flags::CHECKSUM;
    flags.set(Flags::SEPARATOR, spaced);
    flags.set(Flags::CONTEXT, labelled);
    let level = if labelled { Confidence::High } else { Confidence::Medium };
    Some(Match::new(Kind::Iban, level, flags, s, i))
}

/// ISO 7064 mod 97-10 of an IBAN: the first four characters moved to the
/// end, letters as 10–35.
pub(crate) fn mod97(chars: &[u8]) -> u32 {
    let mut r = 0u32;
    for &c in chars[4..].iter().chain(&chars[..4]) {
        r = if c.is_ascii_digit() {
            (r * 10 + u32::from(c - b'0')) % 97
        } else {
            (r * 100 + u32::from(c - b'A') + 10) % 97
        };
    }
    r
}

/// A card or an account number at digit `p`.
fn number_at(sc: &Scanner, h: &[u8], p: usize) -> Option<Match> {
    if !num::left_ok(h, p) {
        return None;
    }
    let want_card = sc.kinds.contains(Kind::PaymentCard);
    let want_account = sc.kinds.contains(Kind::BankAccount);
    if !want_card && !want_account {
        return None;
    }
    let g = Groups::read(h, p, SPACE | HYPHEN | DOT, 6);
    if g.n < 7 {
        return None;
    }
    // The forms first: the label is read only for a number that may be
    // one of these kinds.
    let lens = g.lens();
    let plain = g.one_sep() && g.seps & DOT == 0;
    let card_form = want_card && plain && g.n >= 13;
    // Any other form only right after an account label.
    let account_form = want_account
        && (matches!(lens, [4, 2, 5] | [11])
            || (plain
                && lens[0] == 4
                && g.ng >= 2
                && (10..=15).contains(&g.n))
            || ((7..=18).contains(&g.n)
                && !num::thousands(lens)
                && shape::word_right_before(h, p)
                && matches!(
                    num::label_within(h, p, sc.before, 1),
                    Label::Account | Label::Iban
                )));
    if !card_form && !account_form {
        return None;
    }
    let label = label_before(h, p, sc.before);
    if matches!(label, Label::Other | Label::Phone | Label::Org | Label::Id) {
        return None;
    }
    if num::id_at(sc, h, p) {
        return None;
    }
    if want_card
        && label != Label::Account
        && let Some(m) = card(h, &g, label == Label::Card)
    {
        return Some(m);
    }
    if want_account && label != Label::Card {
        return account(sc, h, &g, label);
    }
    None
}

/// The issuer ranges and lengths of the card schemes
/// (docs/rules-contact.md §7). `Some(true)` for the schemes strong enough
/// to stand without grouping (Visa, Mastercard, Amex, Dankort),
/// `Some(false)` for Maestro.
fn issuer(d: &[u8]) -> Option<bool> {
    let n = d.len();
    let two = u32::from(d[0]) * 10 + u32::from(d[1]);
    let four = two * 100 + u32::from(d[2]) * 10 + u32::from(d[3]);
    if d[0] == 4 && matches!(n, 13 | 16 | 19) {
        return Some(true);
    }
    if n == 16 && ((51..=55).contains(&two) || (2221..=2720).contains(&four)) {
        return Some(true);
    }
    if n == 15 && matches!(two, 34 | 37) {
        return Some(true);
    }
    if n == 16 && four == 5019 {
        return Some(true);
    }
    if (13..=19).contains(&n) && (two == 50 || (56..=69).contains(&two)) {
        // The Maestro ranges in wide use stand alone; the rest of the
        // 50, 56–69 space needs grouping or a label.
        let known = matches!(
            four,
            5018 | 5020 | 5038 | 5893 | 6304 | 6759 | 6761 | 6762 | 6763
        );
        return Some(known);
    }
    None
}

/// A payment card number: the longest run of groups that has a card's
/// grouping, issuer range, length and Luhn digit.
fn card(h: &[u8], g: &Groups, labelled: bool) -> Option<Match> {
    if !g.one_sep() || g.seps & DOT != 0 {
        return None;
    }
    for k in (1..=g.ng).rev() {
        let lens = &g.lens()[..k];
        let n: usize = lens.iter().map(|&l| usize::from(l)).sum();
        if !(13..=19).contains(&n) {
            continue;
        }
        let fours = lens[..k - 1].iter().all(|&l| l == 4) && lens[k - 1] <= 4;
        let shape_ok = k == 1 || fours || lens == [4, 6, 5];
        if !shape_ok {
            continue;
        }
        let end = g.starts[k - 1] + usize::from(lens[k - 1]);
        let d = &g.d[..n];
        let Some(strong) = issuer(d) else { continue };
        if !luhn_ok(d) || !num::right_ok(h, end) {
            continue;
        }
        let mut flags = Flags::CHECKSUM;
        flags.set(Flags::SEPARATOR, k > 1);
        flags.set(Flags::CONTEXT, labelled);
        let level = if labelled {
            Confidence::High
        } else if strong || k > 1 {
            Confidence::Medium
        } else {
            Confidence::Low
        };
        return Some(Match::new(
            Kind::PaymentCard,
            level,
            flags,
            g.start,
            end,
        ));
    }
    None
}

/// How a Swedish bank checks its account numbers (docs/rules-contact.md
/// §6.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SeRule {
    /// Type 1, comment 1: mod 11 over the last three clearing digits and
    /// the seven account digits.
    T1C1,
    /// Type 1, comment 2: mod 11 over the four clearing digits and the
    /// seven account digits.
    T1C2,
    /// Type 2, comment 1: ten account digits, Luhn.
    T2C1,
    /// Type 2, comment 2 (Handelsbanken): nine account digits, mod 11.
    T2C2,
    /// Type 2, comment 3 (Swedbank 8xxx, Plusgirot): up to ten account
    /// digits, Luhn.
    T2C3,
}

const SE_CLEARING: &[(u16, u16, SeRule)] = &[
    (1100, 1199, SeRule::T1C1),
    (1200, 1399, SeRule::T1C1),
    (1400, 2099, SeRule::T1C2),
    (2300, 2399, SeRule::T1C2),
    (2400, 2499, SeRule::T1C1),
    (3000, 3299, SeRule::T1C1),
    (3300, 3300, SeRule::T2C1),
    (3301, 3399, SeRule::T1C1),
    (3400, 3781, SeRule::T1C1),
    (3782, 3782, SeRule::T2C1),
    (3783, 3999, SeRule::T1C1),
    (4000, 4999, SeRule::T1C2),
    (5000, 5999, SeRule::T1C1),
    (6000, 6999, SeRule::T2C2),
    (7000, 7999, SeRule::T1C1),
    (8000, 8999, SeRule::T2C3),
    (9020, 9029, SeRule::T1C2),
    (9060, 9069, SeRule::T1C1),
    (9150, 9169, SeRule::T1C2),
    (9170, 9179, SeRule::T1C1),
    (9180, 9189, SeRule::T2C1),
    (9230, 9239, SeRule::T1C1),
    (9250, 9259, SeRule::T1C1),
    (9270, 9279, SeRule::T1C1),
    (9280, 9289, SeRule::T1C1),
    (9300, 9349, SeRule::T2C1),
    (9390, 9399, SeRule::T1C2),
    (9400, 9449, SeRule::T1C1),
    (9460, 9469, SeRule::T1C1),
    (9470, 9479, SeRule::T1C2),
    (9500, 9549, SeRule::T2C3),
    (9550, 9569, SeRule::T1C2),
    (9570, 9579, SeRule::T2C1),
    (9590, 9599, SeRule::T1C2),
    (9630, 9639, SeRule::T1C1),
    (9640, 9649, SeRule::T1C2),
    (9660, 9669, SeRule::T1C2),
    (9670, 9679, SeRule::T1C2),
    (9680, 9689, SeRule::T1C1),
    (9700, 9709, SeRule::T1C2),
    (9750, 9759, SeRule::T1C2),
    (9780, 9789, SeRule::T1C2),
    (9960, 9969, SeRule::T2C3),
];

/// Σ w·d with weights 1, 2, … 10 repeating from the right, mod 11.
fn se_mod11(d: &[u8]) -> bool {
    let s: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| (i as u32 % 10 + 1) * u32::from(x))
        .sum();
    s.is_multiple_of(11)
}

/// Whether a Swedish clearing number and account pass the bank's check:
/// `None` when the clearing number is not one of a known bank.
pub(crate) fn se_account_ok(clearing: &[u8], account: &[u8]) -> Option<bool> {
    let c = clearing.iter().take(4).fold(0u16, |a, &x| a * 10 + u16::from(x));
    let rule = SE_CLEARING
        .iter()
        .find(|&&(lo, hi, _)| (lo..=hi).contains(&c))
        .map(|x| x.2)?;
    let n = account.len();
    Some(match rule {
        SeRule::T1C1 | SeRule::T1C2 => {
            if n != 7 {
                return Some(false);
            }
            let mut d = [0u8; 11];
            d[..4].copy_from_slice(&clearing[..4]);
            d[4..].copy_from_slice(account);
            if rule == SeRule::T1C1 { se_mod11(&d[1..]) } else { se_mod11(&d) }
        }
        SeRule::T2C1 => n == 10 && luhn_ok(account),
        SeRule::T2C2 => n == 9 && se_mod11(account),
        SeRule::T2C3 => (6..=10).contains(&n) && luhn_ok(account),
    })
}

/// A bank account number (docs/rules-contact.md §6).
fn account(sc: &Scanner, h: &[u8], g: &Groups, label: Label) -> Option<Match> {
    let labelled = matches!(label, Label::Account | Label::Iban);
    if !g.one_sep() {
        return None;
    }
    let d = g.digits();
    let lens = g.lens();
    let end = g.end;
    if !num::right_ok(h, end) || num::amount_around(h, g.start, end) {
        return None;
    }
    let mut flags = Flags::empty();
    flags.set(Flags::CONTEXT, labelled);
    flags.set(Flags::SEPARATOR, g.ng > 1);
    let done = |level: Confidence, flags: Flags| {
        Some(Match::new(Kind::BankAccount, level, flags, g.start, end))
    };
    let high_or = |c: Confidence| if labelled { Confidence::High } else { c };
    // Norway: 4.2.5 in any grouping, or eleven digits.
    if matches!(lens, [4, 2, 5] | [11]) {
        if !num::no_account_ok(d) {
            return None;
        }
        // A valid fødselsnummer written 4 2 5 or bare is the ID's
        // (IDS.md §6.2), unless a label makes it an account.
        if g.seps != DOT && !labelled && num::no_id(sc, d) {
            return None;
        }
        let level = if lens == [11] {
            high_or(Confidence::Low)
        } else {
            high_or(Confidence::Medium)
        };
        return done(level, flags | Flags::CHECKSUM);
    }
    if g.seps & DOT != 0 {
        return None;
    }
    // Sweden and Denmark: a four-digit clearing or registration number,
    // then the account (Swedbank: `8327-9` and the account).
    if lens[0] == 4 && g.ng >= 2 {
        let (clearing, account) = if d[0] == 8 && lens[1] == 1 {
            (&d[..5], &d[5..])
        } else {
            (&d[..4], &d[4..])
        };
        // The account part may be an ID (a Danish account number is
        // CPR-shaped; Nordea personkonto is the personnummer).
        if num::id_at(
            sc,
            h,
            g.starts[if clearing.len() == 5 { 2.min(g.ng - 1) } else { 1 }],
        ) {
            return None;
        }
        if (6..=10).contains(&account.len()) {
            match se_account_ok(clearing, account) {
                Some(true) => {
                    return done(
                        high_or(Confidence::Medium),
                        flags | Flags::CHECKSUM,
                    );
                }
                _ if g.seps == HYPHEN && lens == [4, 10] => {
                    // Danish reg.nr. + kontonr. (no published check).
                    return done(high_or(Confidence::Medium), flags);
                }
                _ if labelled => {
                    // Danish reg.nr. + konto after a label.
                    return done(Confidence::High, flags);
                }
                _ => return None,
            }
        }
    }
    // Any other account number, when a label says so.
    if labelled && (7..=18).contains(&d.len()) {
        if d.len() == 11 && num::no_id(sc, d) {
            return None;
        }
        return done(Confidence::Medium, flags);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iban_check() {
        assert_eq!(mod97(b"NO9386011117947"), 1);
        assert_eq!(mod97(b"GB82WEST12345698765432"), 1);
        assert_ne!(mod97(b"NO9386011117948"), 1);
    }

    #[test]
    fn issuers() {
        let d = |s: &str| s.bytes().map(|b| b - b'0').collect::<Vec<_>>();
        assert_eq!(issuer(&d("4111111111111111")), Some(true));
        assert_eq!(issuer(&d("2223000048400011")), Some(true));
        assert_eq!(issuer(&d("378282246310005")), Some(true));
        assert_eq!(issuer(&d("6759649826438453")), Some(true));
        assert_eq!(issuer(&d("5800000000000004")), Some(false));
        assert_eq!(issuer(&d("3111111111111111")), None);
    }
}
