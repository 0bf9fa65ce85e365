//! Check-digit arithmetic, written once. Every function takes digit values
//! (0–9), not ASCII.

/// Norwegian K1 weights over d1–d9, then K1 itself with weight 1.
pub(crate) const NO_W1: [u32; 10] = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1];
/// Norwegian K2 weights over d1–d10, then K2 itself with weight 1. These are
/// also the weights of a Norwegian bank account number.
pub(crate) const NO_W2: [u32; 11] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
/// Danish CPR modulus 11 weights.
pub(crate) const DK_W: [u32; 10] = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
/// Icelandic kennitala weights over d1–d8, then the check digit.
pub(crate) const IS_W: [u32; 9] = [3, 2, 7, 6, 5, 4, 3, 2, 1];
/// Norwegian DUF-nummer weights over the first ten digits.
pub(crate) const DUF_W: [u32; 10] = [4, 6, 3, 2, 4, 6, 3, 2, 7, 5];
/// The Finnish check character table, indexed by the remainder mod 31.
pub(crate) const FI_CHECK: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// `Σ w·d` over the shorter of the two slices.
#[inline]
pub(crate) fn weighted(weights: &[u32], digits: &[u8]) -> u32 {
    weights.iter().zip(digits).map(|(&w, &d)| w * u32::from(d)).sum()
}

/// `Σ w·d mod 11`.
#[inline]
pub(crate) fn mod11_rest(weights: &[u32], digits: &[u8]) -> u32 {
    weighted(weights, digits) % 11
}

/// Luhn (mod 10, weights 2,1,2,1… from the left for an even number of
/// digits): whether the digits, check digit included, sum to 0 mod 10.
#[inline]
pub(crate) fn luhn_ok(digits: &[u8]) -> bool {
    let n = digits.len();
    let mut sum = 0u32;
    for (i, &d) in digits.iter().enumerate() {
        let mut v = u32::from(d);
        // Double every second digit counted from the rightmost one.
        if (n - 1 - i) % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum.is_multiple_of(10)
}

/// The Finnish check character of `DDMMYY` + `ZZZ` (nine digits).
#[inline]
pub(crate) fn fi_check_char(nine: &[u8]) -> u8 {
    let n = nine.iter().fold(0u32, |acc, &d| acc * 10 + u32::from(d));
    FI_CHECK[(n % 31) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> Vec<u8> {
        s.bytes().map(|b| b - b'0').collect()
    }

    #[test]
    fn norwegian_control_digits() {
        // Skatteetaten's worked example: 02.01.2032, III 999 -> K1 9, K2 7.
        let d = digits("02013299997");
        assert_eq!(mod11_rest(&NO_W1, &d[..10]), 0);
        assert_eq!(mod11_rest(&NO_W2, &d), 0);
        let bad = digits("02013299996");
        assert_ne!(mod11_rest(&NO_W2, &bad), 0);
    }

    #[test]
    fn luhn() {
        assert!(luhn_ok(&digits("8112189876")));
        assert!(!luhn_ok(&digits("8112189875")));
        assert!(luhn_ok(&digits("1234567890123452")));
        assert!(luhn_ok(&digits("12345674")));
    }

    #[test]
    fn finnish_check_character() {
        assert_eq!(fi_check_char(&digits("131052308")), b'T');
        assert_eq!(fi_check_char(&digits("010594903")), b'2');
        assert_eq!(FI_CHECK.len(), 31);
        for absent in b"GIOQZ" {
            assert!(!FI_CHECK.contains(absent));
        }
    }

    #[test]
    fn icelandic_and_danish() {
        // Þjóðskrá worked example 120160-3389.
        assert_eq!(mod11_rest(&IS_W, &digits("120160338")), 0);
        assert_eq!(mod11_rest(&DK_W, &digits("0101801004")), 0);
        assert_ne!(mod11_rest(&DK_W, &digits("0101651000")), 0);
    }
}
