//! A small proleptic Gregorian calendar date, enough for birth-date rules.

use core::fmt;
use core::str::FromStr;

/// A calendar date (proleptic Gregorian), used as the scanner's reference
/// date ("today") and for birth-date checks.
///
/// ```
/// use detect_core::Date;
///
/// let d: Date = "2026-11-22".parse()?;
/// assert_eq!((d.year(), d.month(), d.day()), (2026, 11, 22));
/// assert!(Date::new(2026, 2, 29).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order gives the derived `Ord` chronological order.
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, or `None` if it does not exist (e.g. 29 Feb 1900). Years
    /// run from 1 to 9999.
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year >= 1 && year <= 9999 && is_real(year as u32, month, day) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_unix_days((secs / 86_400) as i64)
    }

    /// The date `days` days after 1970-01-01.
    pub(crate) fn from_unix_days(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date { year: year.clamp(1, 9999) as u16, month, day }
    }

    /// The year.
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub const fn day(self) -> u8 {
        self.day
    }

    /// Whether `(year, month, day)` is this date or earlier; `false` when
    /// it is not a real date.
    pub(crate) const fn admits(self, year: u32, month: u8, day: u8) -> bool {
        if !is_real(year, month, day) {
            return false;
        }
        let y = self.year as u32;
        year < y
            || (year == y
                && (month < self.month
                    || (month == self.month && day <= self.day)))
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The error of parsing a [`Date`]; it names the text at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseDateError(String);

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid date {:?} (expected a real date as YYYY-MM-DD)",
            self.0
        )
    }
}

impl std::error::Error for ParseDateError {}

impl FromStr for Date {
    type Err = ParseDateError;

    /// Parses `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, ParseDateError> {
        let err = || ParseDateError(s.to_string());
        let b = s.trim().as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let num = |r: core::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let (y, m, d) = match (num(0..4), num(5..7), num(8..10)) {
            (Some(y), Some(m), Some(d)) => (y, m, d),
            _ => return Err(err()),
        };
        Date::new(y as u16, m as u8, d as u8).ok_or_else(err)
    }
}

/// Whether `year` is a Gregorian leap year.
pub(crate) const fn is_leap(year: u32) -> bool {
    year.is_multiple_of(4)
        && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

/// Whether `(year, month, day)` names a real date.
pub(crate) const fn is_real(year: u32, month: u8, day: u8) -> bool {
    if month < 1 || month > 12 || day < 1 {
        return false;
    }
    let dim = match month {
        2 => {
            if is_leap(year) {
                29
            } else {
                28
            }
        }
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    day <= dim
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years() {
        assert!(is_leap(2000));
        assert!(!is_leap(1900));
        assert!(is_leap(2024));
        assert!(!is_leap(2023));
        assert!(is_real(2000, 2, 29));
        assert!(!is_real(1900, 2, 29));
        assert!(!is_real(2023, 4, 31));
        assert!(!is_real(2023, 0, 1));
        assert!(!is_real(2023, 1, 0));
        assert!(!is_real(2023, 13, 1));
    }

    #[test]
    fn unix_days() {
        assert_eq!(Date::from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix_days(11_016).to_string(), "2000-02-29");
        assert_eq!(Date::from_unix_days(20_414).to_string(), "2025-11-22");
    }

    #[test]
    fn parse_and_order() {
        let a: Date = "2026-11-22".parse().unwrap();
        let b: Date = "2027-01-01".parse().unwrap();
        assert!(a < b);
        assert!("2026-02-29".parse::<Date>().is_err());
        assert!("2026-1-1".parse::<Date>().is_err());
        let e = "xx".parse::<Date>().unwrap_err().to_string();
        assert!(e.contains("\"xx\""), "{e}");
        assert!(a.admits(2026, 11, 22));
        assert!(!a.admits(2026, 11, 23));
        assert!(!a.admits(2026, 2, 30));
    }
}
