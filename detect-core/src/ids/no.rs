//! Norway: fødselsnummer, D-, H-, FH-nummer, synthetic numbers (docs/rules.md §1)
//! and the DUF-nummer (§1.7).

use super::{Reason, Reject, Strength, Valid, Verdict, num, num2};
use crate::checksum::{DUF_W, NO_W1, NO_W2, mod11_rest, weighted};
use crate::date::Date;
use crate::kind::{Flags, Kind};

/// The first day on which the 2032 rule issues numbers (§1.2).
const NEW_RULE_START: Date = match Date::new(2032, 1, 1) {
    Some(d) => d,
    None => panic!(),
};

/// Centuries of the ordinary series (1964 scheme, §1.1) as a bit set:
/// bit 0 = 1800s, bit 1 = 1900s, bit 2 = 2000s.
fn centuries_fnr(ind: u32, yy: u8) -> u8 {
    let mut c = 0;
    if ind <= 499 {
        c |= 0b010;
    }
    if (500..=749).contains(&ind) && yy >= 54 {
        c |= 0b001;
    }
    if (500..=999).contains(&ind) && yy <= 39 {
        c |= 0b100;
    }
    if (900..=999).contains(&ind) && yy >= 40 {
        c |= 0b010;
    }
    c
}

/// Centuries of D-numbers: the ordinary table united with the series
/// extended on 16 Nov 2021 (§1.3).
fn centuries_dnr(ind: u32, yy: u8) -> u8 {
    let mut c = centuries_fnr(ind, yy);
    if (500..=599).contains(&ind) && yy >= 58 {
        c |= 0b001;
    }
    if ind <= 199 && yy <= 39 {
        c |= 0b010;
    }
    if (ind <= 499 || ind >= 600) && yy >= 40 {
        c |= 0b010;
    }
    if ind >= 200 && yy <= 39 {
        c |= 0b100;
    }
    c
}

/// The outcome of the date rules over the centuries in `cents`.
fn date_in(
    cents: u8,
    yy: u8,
    month: u8,
    day: u8,
    today: Date,
) -> Option<Reason> {
    let mut real = false;
    for (bit, base) in [(0b001, 1800), (0b010, 1900), (0b100, 2000)] {
        if cents & bit == 0 {
            continue;
        }
        let year = base + u32::from(yy);
        if crate::date::is_real(year, month, day) {
            real = true;
            if today.admits(year, month, day) {
                return None;
            }
        }
    }
    Some(if real { Reason::Future } else { Reason::Date })
}

/// Validates an 11-digit Norwegian number under the 2032 profile (§8.1):
/// K1 remainder 0–3, K2 remainder 0, a real date in some century. A number
/// that passes only thanks to the 2032 rule gets [`Flags::NEW_RULE`] and is
/// weak before 2032.
///
/// With `lenient`, a failing K1/K2 is tolerated (the result lacks
/// [`Flags::CHECKSUM`]); the scanner uses that to recognise a mistyped
/// number right after a label.
pub(crate) fn validate(d: &[u8; 11], today: Date, lenient: bool) -> Verdict {
    let r1 = mod11_rest(&NO_W1, &d[..10]);
    let r2 = mod11_rest(&NO_W2, d);
    let mut flags = Flags::empty();
    if d[0] >= 8 {
        // FH-nummer (§1.5): no date, only the two legacy control digits.
        if r1 != 0 || r2 != 0 {
            return Err(Reject::new(Reason::Checksum, Some(Kind::NoFhnr)));
        }
        flags.insert(Flags::CHECKSUM);
        return Ok(Valid {
            kind: Kind::NoFhnr,
            strength: Strength::Gated,
            flags,
        });
    }
    let mut day = num2(&d[0..2]);
    let mut month = num2(&d[2..4]);
    let dnr = d[0] >= 4;
    if dnr {
        day -= 40;
    }
    let mut hnr = false;
    match d[2] {
        0 | 1 => {}
        4 | 5 => {
            // H-nummer, or NAV/Dolly synthetic: the same shape (§1.4, §1.6).
            hnr = true;
            month -= 40;
        }
        6 | 7 => {
            // Norsk Helsenett test persons: month + 65, months 66–77
            // (§1.6); `month` is at least 60 here.
            flags.insert(Flags::SYNTHETIC);
            month = month.wrapping_sub(65);
        }
        8 | 9 => {
            // Skatteetaten Tenor synthetic numbers (§1.6).
            flags.insert(Flags::SYNTHETIC);
            month -= 80;
        }
        _ => return Err(Reject::new(Reason::MonthMarker, None)),
    }
    let kind = if dnr {
        Kind::NoDnr
    } else if hnr {
        Kind::NoHnr
    } else {
        Kind::NoFnr
    };
    if r1 <= 3 && r2 == 0 {
        flags.insert(Flags::CHECKSUM);
    } else if !lenient {
        return Err(Reject::new(Reason::Checksum, Some(kind)));
    }
    let yy = num2(&d[4..6]);
    let ind = num(&d[6..9]);
    if let Some(r) = date_in(0b111, yy, month, day, today) {
        return Err(Reject::new(r, Some(kind)));
    }
    flags.insert(Flags::DATE_VALID);
    // Would the number also pass under the pre-2032 rule (K1 remainder 0,
    // century from the individual number; synthetic numbers have no
    // series)?
    let cents = if flags.contains(Flags::SYNTHETIC) {
        0b111
    } else if dnr {
        centuries_dnr(ind, yy)
    } else {
        centuries_fnr(ind, yy)
    };
    let legacy =
        r1 == 0 && r2 == 0 && date_in(cents, yy, month, day, today).is_none();
    let mut strength = Strength::Strong;
    if !legacy && flags.contains(Flags::CHECKSUM) {
        flags.insert(Flags::NEW_RULE);
        if today < NEW_RULE_START {
            // Not issued before 2032: test data or a typo (§1.2).
            strength = Strength::Weak;
        }
    }
    Ok(Valid { kind, strength, flags })
}

/// Validates a 12-digit DUF-nummer (§1.7): the first four digits a year of
/// application no later than `today`, the last two the weighted sum of the
/// first ten mod 11.
pub(crate) fn validate_duf(
    d: &[u8; 12],
    today: Date,
    lenient: bool,
) -> Verdict {
    let year = num(&d[0..4]);
    if !(1950..=u32::from(today.year())).contains(&year) {
        return Err(Reject::new(Reason::Date, Some(Kind::NoDuf)));
    }
    let check = weighted(&DUF_W, &d[..10]) % 11 == num(&d[10..12]);
    if !check && !lenient {
        return Err(Reject::new(Reason::Checksum, Some(Kind::NoDuf)));
    }
    let mut flags = Flags::empty();
    flags.set(Flags::CHECKSUM, check);
    Ok(Valid { kind: Kind::NoDuf, strength: Strength::Gated, flags })
}
