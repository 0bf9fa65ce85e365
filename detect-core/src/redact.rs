//! Redaction (docs/contract.md §4): the input with every reported finding masked.

use core::fmt;
use core::str::FromStr;

use crate::kind::{Flags, Kind, ParseNameError};
use crate::scanner::{Match, Scanner};
use crate::shape;

/// How a finding is masked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum RedactStyle {
    /// Every digit and letter becomes `*`; separators stay, so the length
    /// in bytes and in characters is unchanged: `010180 12345` →
    /// `****** *****`. A fullwidth digit becomes a fullwidth `＊`.
    #[default]
    Mask = 0,
    /// The finding becomes its kind in brackets: `[no_fnr]`.
    Label = 1,
    /// The date part stays and the rest is masked: `010180 *****`.
    /// Numbers without a date (FH, DUF, a personnummer written apart from
    /// its date) are masked whole.
    KeepBirthdate = 2,
}

impl RedactStyle {
    /// `"mask"`, `"label"` or `"keep_birthdate"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RedactStyle::Mask => "mask",
            RedactStyle::Label => "label",
            RedactStyle::KeepBirthdate => "keep_birthdate",
        }
    }

    /// The style with the given C ABI code (0, 1 or 2).
    pub const fn from_code(code: u32) -> Option<RedactStyle> {
        match code {
            0 => Some(RedactStyle::Mask),
            1 => Some(RedactStyle::Label),
            2 => Some(RedactStyle::KeepBirthdate),
            _ => None,
        }
    }
}

impl fmt::Display for RedactStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RedactStyle {
    type Err = ParseNameError;

    fn from_str(s: &str) -> Result<RedactStyle, ParseNameError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "mask" => Ok(RedactStyle::Mask),
            "label" => Ok(RedactStyle::Label),
            "keep_birthdate" => Ok(RedactStyle::KeepBirthdate),
            _ => Err(ParseNameError::new("redaction style", s)),
        }
    }
}

/// The fullwidth asterisk, U+FF0A, as UTF-8.
const FULLWIDTH_STAR: [u8; 3] = [0xEF, 0xBC, 0x8A];

/// The number of digits of a finding's date part, kept by
/// [`RedactStyle::KeepBirthdate`]; `digits` are the finding's first digits.
fn date_digits(m: &Match, digits: &[u8]) -> usize {
    let f = m.flags();
    if f.contains(Flags::SPLIT) {
        return 0;
    }
    if f.contains(Flags::FULL_YEAR) {
        return 8;
    }
    match m.kind() {
        Kind::NoFhnr | Kind::NoDuf => 0,
        Kind::IsKt if digits.first().is_some_and(|&d| d >= 8) => 0,
        Kind::SePnr | Kind::SeSnr if digits.len() == 12 => 8,
        _ => 6,
    }
}

/// Masks a finding of a text kind per character (docs/contract.md §4):
/// each letter or digit becomes one `*`, everything else stays, so the
/// length in characters is kept and no UTF-8 sequence is split. A byte
/// that is not UTF-8 is masked too.
fn mask_chars(span: &[u8], out: &mut Vec<u8>) {
    for chunk in span.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_alphanumeric() {
                out.push(b'*');
            } else {
                let mut b = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
            }
        }
        out.extend(chunk.invalid().iter().map(|_| b'*'));
    }
}

/// The length in bytes of [`mask_chars`]'s output.
fn masked_chars_len(span: &[u8]) -> usize {
    span.utf8_chunks()
        .map(|chunk| {
            let valid: usize = chunk
                .valid()
                .chars()
                .map(|c| if c.is_alphanumeric() { 1 } else { c.len_utf8() })
                .sum();
            valid + chunk.invalid().len()
        })
        .sum()
}

/// The length in bytes of the redacted form of `m`, whose bytes are
/// `span`.
fn redacted_span_len(span: &[u8], m: &Match, style: RedactStyle) -> usize {
    match style {
        RedactStyle::Label => m.kind().as_str().len() + 2,
        // An ID is masked byte for byte (a fullwidth digit by a fullwidth
        // asterisk).
        _ if m.kind().is_national_id() => span.len(),
        _ => masked_chars_len(span),
    }
}

/// Appends the redacted form of the finding `m`, whose bytes are `span`,
/// to `out`.
fn redact_span(span: &[u8], m: &Match, style: RedactStyle, out: &mut Vec<u8>) {
    if style == RedactStyle::Label {
        out.push(b'[');
        out.extend_from_slice(m.kind().as_str().as_bytes());
        out.push(b']');
        return;
    }
    if !m.kind().is_national_id() {
        // keep_birthdate applies to national IDs; the rest is masked whole.
        mask_chars(span, out);
        return;
    }
    let keep = if style == RedactStyle::KeepBirthdate {
        let mut first = [0u8; 13];
        let mut n = 0;
        let mut i = 0;
        while i < span.len() {
            match shape::digit_at(span, i) {
                Some((v, l)) => {
                    if n < first.len() {
                        first[n] = v;
                    }
                    n += 1;
                    i += l;
                }
                None => i += 1,
            }
        }
        date_digits(m, &first[..n.min(13)])
    } else {
        0
    };
    let mut seen = 0;
    let mut i = 0;
    while i < span.len() {
        if let Some((_, l)) = shape::digit_at(span, i) {
            if seen < keep {
                out.extend_from_slice(&span[i..i + l]);
            } else if l == 3 {
                out.extend_from_slice(&FULLWIDTH_STAR);
            } else {
                out.push(b'*');
            }
            seen += 1;
            i += l;
        } else {
            let b = span[i];
            // Letters of a Finnish sign or check character; with
            // keep_birthdate the sign after the date is masked too.
            out.push(if b.is_ascii_alphanumeric() { b'*' } else { b });
            i += 1;
        }
    }
}

impl Match {
    /// This finding's text as `style` masks it, for reports and logs that
    /// must not hold the full value.
    ///
    /// # Panics
    ///
    /// If the match's span lies outside `haystack` (it must be the input
    /// the match was found in).
    ///
    /// ```
    /// use detect_core::{RedactStyle, Scanner};
    ///
    /// let text = "fnr 010180 00055";
    /// let m = Scanner::new().find_iter(text).next().unwrap();
    /// let shown = m.redacted(text.as_bytes(), RedactStyle::KeepBirthdate);
    /// assert_eq!(shown, b"010180 *****");
    /// ```
    pub fn redacted(&self, haystack: &[u8], style: RedactStyle) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len());
        redact_span(&haystack[self.range()], self, style, &mut out);
        out
    }

    /// Appends this finding masked in `style` to `out`, given only its
    /// bytes `span` (for streams, where the input is no longer whole).
    ///
    /// ```
    /// use detect_core::{RedactStyle, Scanner};
    ///
    /// let text = b"CPR 010180-1004";
    /// let m = Scanner::new().find_iter(text).next().unwrap();
    /// let mut out = Vec::new();
    /// m.redact_span(&text[m.range()], RedactStyle::Mask, &mut out);
    /// assert_eq!(out, b"******-****");
    /// ```
    pub fn redact_span(
        &self,
        span: &[u8],
        style: RedactStyle,
        out: &mut Vec<u8>,
    ) {
        redact_span(span, self, style, out);
    }
}

impl Scanner {
    /// The input with every reported finding masked in `style`.
    ///
    /// ```
    /// use detect_core::{RedactStyle, Scanner};
    ///
    /// let sc = Scanner::new();
    /// let out = sc.redact_str("fnr 010180 00055.", RedactStyle::Mask);
    /// assert_eq!(out, "fnr ****** *****.");
    /// let out = sc.redact_str("fnr 010180 00055.", RedactStyle::Label);
    /// assert_eq!(out, "fnr [no_fnr].");
    /// let out = sc.redact_str("fnr 010180 00055.", RedactStyle::KeepBirthdate);
    /// assert_eq!(out, "fnr 010180 *****.");
    /// ```
    pub fn redact<H: AsRef<[u8]> + ?Sized>(
        &self,
        haystack: &H,
        style: RedactStyle,
    ) -> Vec<u8> {
        let h = haystack.as_ref();
        let mut out = Vec::with_capacity(h.len());
        self.redact_into(h, style, &mut out);
        out
    }

    /// Like [`redact`](Self::redact), for text: the result is valid UTF-8
    /// whenever the input is.
    pub fn redact_str(&self, text: &str, style: RedactStyle) -> String {
        let out = self.redact(text, style);
        // Whole characters are replaced: letters and digits by `*`,
        // fullwidth digits by the fullwidth asterisk; labels are ASCII.
        String::from_utf8(out).expect("redaction keeps UTF-8 valid")
    }

    /// Appends the redacted input to `out`, returning the number of
    /// findings masked. Reuses `out`'s allocation.
    pub fn redact_into<H: AsRef<[u8]> + ?Sized>(
        &self,
        haystack: &H,
        style: RedactStyle,
        out: &mut Vec<u8>,
    ) -> usize {
        let h = haystack.as_ref();
        let mut last = 0;
        let mut n = 0;
        for m in self.find_iter(h) {
            out.extend_from_slice(&h[last..m.start()]);
            redact_span(&h[m.range()], &m, style, out);
            last = m.end();
            n += 1;
        }
        out.extend_from_slice(&h[last..]);
        n
    }

    /// The length in bytes of the redacted input, without building it.
    pub fn redacted_len<H: AsRef<[u8]> + ?Sized>(
        &self,
        haystack: &H,
        style: RedactStyle,
    ) -> usize {
        let h = haystack.as_ref();
        self.find_iter(h).fold(h.len(), |len, m| {
            len - m.len() + redacted_span_len(&h[m.range()], &m, style)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::kind::{Confidence, Flags, Kind};

    #[test]
    fn text_kinds_are_masked_per_character() {
        let text = "til Ørjan Ås, 5.";
        let m = Match::new(
            Kind::PersonName,
            Confidence::High,
            Flags::empty(),
            4,
            text.find(',').unwrap(),
        );
        let mut out = Vec::new();
        redact_span(
            &text.as_bytes()[m.range()],
            &m,
            RedactStyle::Mask,
            &mut out,
        );
        assert_eq!(String::from_utf8(out.clone()).unwrap(), "***** **");
        assert_eq!(
            redacted_span_len(
                &text.as_bytes()[m.range()],
                &m,
                RedactStyle::Mask
            ),
            out.len()
        );
        // keep_birthdate masks a name whole.
        out.clear();
        let span = &text.as_bytes()[m.range()];
        redact_span(span, &m, RedactStyle::KeepBirthdate, &mut out);
        assert_eq!(out, "***** **".as_bytes());
        // Bytes that are not UTF-8 are masked, one `*` each.
        out.clear();
        mask_chars(b"ab\xFF-1", &mut out);
        assert_eq!(out, b"***-*");
        assert_eq!(masked_chars_len(b"ab\xFF-1"), 5);
        // Non-letters outside the ASCII range stay as they are.
        out.clear();
        mask_chars("é–1".as_bytes(), &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), "*–*");
    }

    #[test]
    fn style_names_round_trip_and_errors_list_the_styles() {
        for s in
            [RedactStyle::Mask, RedactStyle::Label, RedactStyle::KeepBirthdate]
        {
            assert_eq!(s.as_str().parse::<RedactStyle>(), Ok(s));
        }
        let e = "blur".parse::<RedactStyle>().unwrap_err().to_string();
        assert!(e.contains("\"blur\"") && e.contains("keep_birthdate"), "{e}");
        assert!(!e.contains("medium"), "{e}");
    }
}
