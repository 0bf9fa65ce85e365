//! Finland: henkilötunnus (docs/rules.md §4).

use super::{Reason, Reject, Strength, Valid, Verdict, num, num2};
use crate::checksum::fi_check_char;
use crate::date::Date;
use crate::kind::{Flags, Kind};

/// The century of a sign (already upper-cased), or `None` if the byte is
/// not one of the 13 signs: `+` 1800s; `-` and `Y X W V U` 1900s; `A` and
/// `B C D E F` 2000s (§4.1).
pub(crate) fn century(sign: u8) -> Option<u32> {
    match sign {
        b'+' => Some(1800),
        b'-' | b'U'..=b'Y' => Some(1900),
        b'A'..=b'F' => Some(2000),
        _ => None,
    }
}

/// Validates `DDMMYY` + sign + `ZZZ` + check character. `sign` and `check`
/// are upper-cased ASCII; `lowercase` says the text had lower case, which
/// makes the number weak (§4.2). Temporary numbers (900–999) are accepted,
/// weak and flagged (§8.1 `with_temporary`). The century is written in
/// the code, so a birth date after `today` is invalid (§4.1; python-stdnum
/// has no such rule). With `lenient`, a wrong check character is
/// tolerated.
pub(crate) fn validate(
    today: Date,
    date: &[u8; 6],
    sign: u8,
    zzz: &[u8; 3],
    check: u8,
    lowercase: bool,
    lenient: bool,
) -> Verdict {
    let Some(base) = century(sign) else {
        return Err(Reject::new(Reason::Century, None));
    };
    let year = base + u32::from(num2(&date[4..6]));
    let ind = num(zzz);
    let kind = Some(Kind::FiHetu);
    let (month, day) = (num2(&date[2..4]), num2(&date[0..2]));
    if !crate::date::is_real(year, month, day) {
        return Err(Reject::new(Reason::Date, kind));
    }
    if !today.admits(year, month, day) {
        return Err(Reject::new(Reason::Future, kind));
    }
    if ind < 2 {
        return Err(Reject::new(Reason::Individual, kind));
    }
    let mut nine = [0u8; 9];
    nine[..6].copy_from_slice(date);
    nine[6..].copy_from_slice(zzz);
    let check_ok = fi_check_char(&nine) == check;
    if !check_ok && !lenient {
        return Err(Reject::new(Reason::Checksum, kind));
    }
    let mut flags = Flags::DATE_VALID;
    flags.set(Flags::CHECKSUM, check_ok);
    let temporary = ind >= 900;
    flags.set(Flags::TEMPORARY, temporary);
    flags.set(Flags::LOWERCASE, lowercase);
    let strength =
        if temporary || lowercase { Strength::Weak } else { Strength::Strong };
    Ok(Valid { kind: Kind::FiHetu, strength, flags })
}
