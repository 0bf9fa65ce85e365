//! Iceland: kennitala (docs/rules.md §5).

use super::{Reason, Reject, Strength, Valid, Verdict, num2};
use crate::checksum::{IS_W, mod11_rest};
use crate::date::Date;
use crate::kind::{Flags, Kind};

/// What a valid kennitala belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holder {
    /// A person in the national register.
    Person,
    /// A legal entity (day + 40): not personal, never reported.
    Company,
    /// A kerfiskennitala (first digit 8 or 9): a person outside the
    /// register, with no structure at all.
    System,
}

/// Validates ten digits under the recommended profile (§8.1), returning
/// the holder too. The check digit is evidence only: Þjóðskrá stopped
/// computing it on 18 Feb 2026 (§5.2).
pub(crate) fn validate_holder(
    d: &[u8; 10],
    today: Date,
) -> Result<(Holder, Valid), Reject> {
    let kind = Some(Kind::IsKt);
    if d[0] >= 8 {
        let v = Valid {
            kind: Kind::IsKt,
            strength: Strength::ContextOnly,
            flags: Flags::empty(),
        };
        return Ok((Holder::System, v));
    }
    let mut day = num2(&d[0..2]);
    let month = num2(&d[2..4]);
    let yy = num2(&d[4..6]);
    let holder = match day {
        1..=31 => Holder::Person,
        41..=71 => {
            day -= 40;
            Holder::Company
        }
        _ => return Err(Reject::new(Reason::Day, None)),
    };
    let base = match d[9] {
        8 => 1800,
        9 => 1900,
        0 => 2000,
        _ => return Err(Reject::new(Reason::Century, kind)),
    };
    let year = base + u32::from(yy);
    let check = mod11_rest(&IS_W, &d[..9]) == 0;
    // Company numbers 690269… and 700269… carry 29/30 Feb 1969 (§5.2).
    let exception = holder == Holder::Company
        && (d[..6] == [6, 9, 0, 2, 6, 9] || d[..6] == [7, 0, 0, 2, 6, 9]);
    let mut flags = Flags::empty();
    if !exception {
        if !crate::date::is_real(year, month, day) {
            return Err(Reject::new(Reason::Date, kind));
        }
        if !today.admits(year, month, day) {
            return Err(Reject::new(Reason::Future, kind));
        }
        flags.insert(Flags::DATE_VALID);
    }
    flags.set(Flags::CHECKSUM, check);
    // RR is assigned from 20 "as a rule" (§5.1): below 20, or without a
    // check digit, the number is weaker evidence.
    let strength = if check && num2(&d[6..8]) >= 20 {
        Strength::Strong
    } else {
        Strength::Weak
    };
    Ok((holder, Valid { kind: Kind::IsKt, strength, flags }))
}

/// Validates ten digits as a person's kennitala; a company number is
/// rejected as not personal.
pub(crate) fn validate(d: &[u8; 10], today: Date) -> Verdict {
    match validate_holder(d, today)? {
        (Holder::Company, _) => Err(Reject::new(Reason::NotPersonal, None)),
        (_, v) => Ok(v),
    }
}
