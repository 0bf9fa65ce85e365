//! Denmark: CPR-nummer (docs/rules.md §2).

use super::{Reason, Reject, Strength, Valid, Verdict, num2};
use crate::checksum::{DK_W, mod11_rest};
use crate::date::Date;
use crate::kind::{Flags, Kind};

/// 1 January birth years for which CPR numbers without modulus 11 have
/// been issued (cpr.dk, page dated 10 May 2023; not exhaustive, §2.2).
const NON_MOD11_JAN1_YEARS: [u16; 26] = [
    1960, 1962, 1964, 1965, 1966, 1967, 1969, 1970, 1974, 1975, 1978, 1980,
    1981, 1982, 1983, 1984, 1985, 1986, 1987, 1988, 1989, 1990, 1991, 1992,
    1994, 1995,
];

/// The birth century from digit 7 and the two-digit year (§2.1).
pub(crate) fn century(d7: u8, yy: u8) -> u32 {
    match d7 {
        0..=3 => 1900,
        4 | 9 => {
            if yy <= 36 {
                2000
            } else {
                1900
            }
        }
        _ => {
            if yy <= 57 {
                2000
            } else {
                1800
            }
        }
    }
}

/// Validates a 10-digit CPR under the recommended profile (§8.1): a real,
/// past date in the century of digit 7. Modulus 11 is evidence only: a
/// number failing it is weak unless its date is a 1 January on cpr.dk's
/// list (§2.2).
pub(crate) fn validate(d: &[u8; 10], today: Date) -> Verdict {
    let day = num2(&d[0..2]);
    let month = num2(&d[2..4]);
    let yy = num2(&d[4..6]);
    if day >= 61 {
        // Erstatningspersonnummer (day + 60): not a CPR (§2.3).
        return Err(Reject::new(Reason::NotPersonal, None));
    }
    let year = century(d[6], yy) + u32::from(yy);
    if !crate::date::is_real(year, month, day) {
        return Err(Reject::new(Reason::Date, Some(Kind::DkCpr)));
    }
    if !today.admits(year, month, day) {
        return Err(Reject::new(Reason::Future, Some(Kind::DkCpr)));
    }
    let mut flags = Flags::DATE_VALID;
    let mod11 = mod11_rest(&DK_W, d) == 0;
    flags.set(Flags::CHECKSUM, mod11);
    let listed = day == 1
        && month == 1
        && NON_MOD11_JAN1_YEARS.contains(&(year as u16));
    let strength =
        if mod11 || listed { Strength::Strong } else { Strength::Weak };
    Ok(Valid { kind: Kind::DkCpr, strength, flags })
}
