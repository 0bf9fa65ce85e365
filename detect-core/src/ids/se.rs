//! Sweden: personnummer and samordningsnummer (docs/rules.md §3).

use super::{Reason, Reject, Strength, Valid, Verdict, num, num2};
use crate::checksum::luhn_ok;
use crate::date::Date;
use crate::kind::{Flags, Kind};

/// Validates the ten digits `YYMMDDNNNC` under the recommended profile
/// (§8.1). `century` is the `CC` of the 12-digit form, if written.
/// With `lenient`, a failing Luhn digit is tolerated.
pub(crate) fn validate(
    d: &[u8; 10],
    century: Option<u8>,
    today: Date,
    lenient: bool,
) -> Verdict {
    let yy = num2(&d[0..2]);
    let month = num2(&d[2..4]);
    let mut day = num2(&d[4..6]);
    let mut kind = Kind::SePnr;
    if day >= 60 {
        // Samordningsnummer: day + 60 (§3.2).
        kind = Kind::SeSnr;
        day -= 60;
    }
    let check = luhn_ok(d);
    if !check && !lenient {
        return Err(Reject::new(Reason::Checksum, Some(kind)));
    }
    if num(&d[6..9]) == 0 {
        return Err(Reject::new(Reason::Serial000, Some(kind)));
    }
    let cents: &[u32] = match century {
        Some(c @ 18..=20) => match c {
            18 => &[1800],
            19 => &[1900],
            _ => &[2000],
        },
        Some(_) => return Err(Reject::new(Reason::Century, Some(kind))),
        None => &[1800, 1900, 2000],
    };
    let mut flags = Flags::empty();
    flags.set(Flags::CHECKSUM, check);
    if kind == Kind::SeSnr && (month == 0 || day == 0) {
        // Unknown month and/or day (§3.2): structurally bounded only.
        if month > 12 || day > 31 {
            return Err(Reject::new(Reason::Date, Some(kind)));
        }
        return Ok(Valid { kind, strength: Strength::Strong, flags });
    }
    let mut real = false;
    let mut past = false;
    for &c in cents {
        let year = c + u32::from(yy);
        if crate::date::is_real(year, month, day) {
            real = true;
            past |= today.admits(year, month, day);
        }
    }
    if !real {
        return Err(Reject::new(Reason::Date, Some(kind)));
    }
    if !past {
        return Err(Reject::new(Reason::Future, Some(kind)));
    }
    flags.insert(Flags::DATE_VALID);
    Ok(Valid { kind, strength: Strength::Strong, flags })
}
