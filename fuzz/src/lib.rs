//! Shared pieces of sladd's fuzz targets.
//!
//! * [`Opts`]: scanner options decoded from a few fuzzer bytes, with a
//!   `Debug` that prints the Rust code building the same scanner.
//! * [`check_scan`]: the invariants every finding list must satisfy.
//! * [`reference`]: slow validators written from `docs/rules.md`, independent of
//!   detect-core, with a parser of the written forms.
//! * [`idform`]: structured identifier inputs that often pass the rules.
//!
//! Every input type is decoded with `arbitrary` from byte fields only, so
//! that an input file is simply "a fixed header, then the text": the seed
//! corpora in `seeds/` are written by `examples/make_seeds.rs` and can be
//! edited by hand.

use core::fmt;

use detect_core::{
    BuildError, Confidence, Country, Date, Group, Kind, MAX_WINDOW, Match,
    Scanner, ScannerBuilder,
};

pub mod idform;
pub mod reference;

/// The reference date of the test vectors (`as_of` in `testdata/id_vectors.json`).
pub const AS_OF: (u16, u8, u8) = (2026, 11, 22);

/// Inputs longer than this are rejected: the targets look for logic
/// errors, and the worst-case program measures speed on large inputs.
pub const MAX_INPUT: usize = 1 << 16;

/// `AS_OF` as a [`Date`].
pub fn as_of() -> Date {
    Date::new(AS_OF.0, AS_OF.1, AS_OF.2).expect("a real date")
}

/// Scanner options, one byte each. An all-zero header gives every kind,
/// threshold `low`, the default window and the reference date `AS_OF`.
#[derive(Clone, Copy, arbitrary::Arbitrary, Default, PartialEq, Eq)]
pub struct Opts {
    /// Kinds, bits 0–7 of the mask (bit i: `Kind::ALL[i]`, the ID kinds).
    pub kinds_lo: u8,
    /// Bits 0–1: kinds 8–9 (the last ID kinds). Bit 7: use the mask as it
    /// is (so an empty mask is possible); otherwise an empty mask means
    /// every ID kind. Bit 6: pass kinds and countries by name.
    pub kinds_hi: u8,
    /// Countries, bits 0–4 (`Country::ALL`); 0 means every country. Bit 7:
    /// use the mask as it is.
    pub countries: u8,
    /// `% 3`: low, medium, high.
    pub confidence: u8,
    /// Characters before: 0 default (40), 255 zero (an error), else
    /// `4 * n` (up to 1016, above `MAX_WINDOW`: an error).
    pub before: u8,
    /// Characters after, coded as `before`.
    pub after: u8,
    /// Reference date: all three zero means `AS_OF`; otherwise year
    /// `1900 + y`, month `m % 12 + 1`, day `d % 31 + 1`, or `AS_OF` if
    /// that is not a real date.
    pub year: u8,
    /// See `year`.
    pub month: u8,
    /// See `year`.
    pub day: u8,
}

/// The options decoded into plain values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The kinds asked for, `None` for the default (every kind).
    pub kinds: Option<Vec<Kind>>,
    /// The countries asked for, `None` for the default.
    pub countries: Option<Vec<Country>>,
    /// Whether to use `kind_names` / `country_names`.
    pub by_name: bool,
    /// The threshold.
    pub min: Confidence,
    /// Window before, after.
    pub window: (u32, u32),
    /// The reference date.
    pub today: Date,
}

fn window(code: u8, default: u32) -> u32 {
    match code {
        0 => default,
        255 => 0,
        n => 4 * u32::from(n),
    }
}

impl Opts {
    /// The plain values these bytes stand for.
    pub fn decode(&self) -> Decoded {
        // The ID kinds only: these targets hold the ID pass to its
        // invariants (spans start at a digit, masks keep the byte length);
        // the text passes have the `docs` target and detect-core's
        // property tests.
        let mask =
            u16::from(self.kinds_lo) | u16::from(self.kinds_hi & 3) << 8;
        let kinds = if self.kinds_hi & 0x80 != 0 || mask != 0 {
            let ids = Group::Ids.kinds().enumerate();
            Some(
                ids.filter(|(i, _)| mask >> i & 1 == 1)
                    .map(|(_, k)| k)
                    .collect(),
            )
        } else {
            None
        };
        let cmask = self.countries & 0x1F;
        let countries = if self.countries & 0x80 != 0 || cmask != 0 {
            Some(
                Country::ALL
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| cmask >> i & 1 == 1)
                    .map(|(_, &c)| c)
                    .collect(),
            )
        } else {
            None
        };
        let min = match self.confidence % 3 {
            0 => Confidence::Low,
            1 => Confidence::Medium,
            _ => Confidence::High,
        };
        let today = if (self.year, self.month, self.day) == (0, 0, 0) {
            as_of()
        } else {
            Date::new(
                1900 + u16::from(self.year),
                self.month % 12 + 1,
                self.day % 31 + 1,
            )
            .unwrap_or_else(as_of)
        };
        Decoded {
            kinds,
            countries,
            by_name: self.kinds_hi & 0x40 != 0,
            min,
            window: (window(self.before, 40), window(self.after, 20)),
            today,
        }
    }

    /// The builder these options describe.
    pub fn builder(&self) -> ScannerBuilder {
        let d = self.decode();
        let mut b = Scanner::builder().kind_names(["ids"]);
        if let Some(k) = &d.kinds {
            b = if d.by_name {
                b.kind_names(k.iter().map(|k| k.as_str()))
            } else {
                b.kinds(k.iter().copied())
            };
        }
        if let Some(c) = &d.countries {
            b = if d.by_name {
                b.country_names(c.iter().map(|c| c.as_str()))
            } else {
                b.countries(c.iter().copied())
            };
        }
        b.min_confidence(d.min)
            .context_window(d.window.0, d.window.1)
            .reference_date(d.today)
    }

    /// Builds the scanner, checking that a build error is exactly the one
    /// the options call for.
    ///
    /// # Panics
    ///
    /// When the build succeeds or fails against the documented rules.
    pub fn build(&self) -> Option<Scanner> {
        let d = self.decode();
        let r = self.builder().build();
        let (before, after) = d.window;
        let want = if before == 0 || after == 0 {
            Some(BuildError::ZeroWindow { before, after })
        } else if before > MAX_WINDOW || after > MAX_WINDOW {
            Some(BuildError::WindowTooLarge { before, after })
        } else if !Kind::ALL.iter().any(|&k| self.wants(&d, k)) {
            Some(BuildError::NoKinds)
        } else {
            None
        };
        match (r, want) {
            (Ok(sc), None) => {
                for &k in Kind::ALL {
                    assert_eq!(sc.detects(k), self.wants(&d, k), "{k}");
                }
                assert_eq!(sc.min_confidence(), d.min);
                assert_eq!(sc.context_window(), d.window);
                assert_eq!(sc.reference_date(), d.today);
                Some(sc)
            }
            (Err(e), Some(w)) => {
                assert_eq!(e, w, "build error");
                // Every error names what is wrong.
                assert!(!e.to_string().is_empty());
                None
            }
            (r, w) => panic!("build gave {r:?}, expected error {w:?}"),
        }
    }

    fn wants(&self, d: &Decoded, k: Kind) -> bool {
        d.kinds.as_ref().map_or(k.group() == Group::Ids, |v| v.contains(&k))
            && d.countries
                .as_ref()
                .is_none_or(|v| k.country().is_none_or(|c| v.contains(&c)))
    }
}

impl fmt::Debug for Opts {
    /// Rust code that builds the same scanner.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.decode();
        writeln!(f, "let sc = detect_core::Scanner::builder()")?;
        if let Some(k) = &d.kinds {
            if d.by_name {
                let names: Vec<&str> = k.iter().map(|k| k.as_str()).collect();
                writeln!(f, "    .kind_names({names:?})")?;
            } else {
                writeln!(f, "    .kinds({})", list("Kind", k))?;
            }
        }
        if let Some(c) = &d.countries {
            if d.by_name {
                let names: Vec<&str> = c.iter().map(|c| c.as_str()).collect();
                writeln!(f, "    .country_names({names:?})")?;
            } else {
                writeln!(f, "    .countries({})", list("Country", c))?;
            }
        }
        writeln!(f, "    .min_confidence(Confidence::{:?})", d.min)?;
        writeln!(f, "    .context_window({}, {})", d.window.0, d.window.1)?;
        let t = d.today;
        writeln!(
            f,
            "    .reference_date(Date::new({}, {}, {}).unwrap())",
            t.year(),
            t.month(),
            t.day()
        )?;
        write!(f, "    .build();")
    }
}

fn list<T: fmt::Debug>(ty: &str, v: &[T]) -> String {
    let items: Vec<String> =
        v.iter().map(|x| format!("{ty}::{x:?}")).collect();
    format!("[{}]", items.join(", "))
}

/// Bytes as a Rust byte-string literal.
pub struct Lit<'a>(pub &'a [u8]);

impl fmt::Debug for Lit<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("b\"")?;
        for &b in self.0 {
            write!(f, "{}", core::ascii::escape_default(b))?;
        }
        f.write_str("\"")
    }
}

/// Whether the byte at `i` starts a digit (ASCII or fullwidth).
pub fn digit_at(h: &[u8], i: usize) -> bool {
    match h.get(i) {
        Some(b) if b.is_ascii_digit() => true,
        Some(0xEF) => {
            h.get(i + 1) == Some(&0xBC)
                && h.get(i + 2).is_some_and(|c| (0x90..=0x99).contains(c))
        }
        _ => false,
    }
}

/// Whether a digit ends right before `i`.
pub fn digit_before(h: &[u8], i: usize) -> bool {
    (i >= 1 && h[i - 1].is_ascii_digit())
        || (i >= 3
            && h[i - 3] == 0xEF
            && h[i - 2] == 0xBC
            && (0x90..=0x99).contains(&h[i - 1]))
}

/// `DDMM.YY.NNNNN` (ASCII digits) written with spaces instead of dots.
pub fn dotted_425(span: &[u8]) -> Option<Vec<u8>> {
    let ok = span.len() == 13
        && span.iter().enumerate().all(|(i, &b)| match i {
            4 | 7 => b == b'.',
            _ => b.is_ascii_digit(),
        });
    ok.then(|| {
        span.iter().map(|&b| if b == b'.' { b' ' } else { b }).collect()
    })
}

/// The findings of `sc` in `h`, checked against every invariant a finding
/// list has on its own:
///
/// * left to right, never overlapping, non-empty, inside the input;
/// * at or above the threshold, of a kind the scanner detects;
/// * a span starts at a digit with no digit before it and ends with a
///   digit or a letter (a Finnish check character);
/// * a span is a valid identifier of its kind on its own
///   (`Scanner::validate`), except a split personnummer (five digits whose
///   date stands elsewhere), a labelled typo (`low` only) and a labelled
///   number in the account's dotted grouping (valid with spaces);
/// * `find_at(h, m.start())` finds `m` again.
pub fn check_scan(sc: &Scanner, h: &[u8]) -> Vec<Match> {
    use detect_core::Flags;
    let ms: Vec<Match> = sc.find_iter(h).collect();
    let mut last = 0;
    for m in &ms {
        assert!(m.start() >= last, "overlap or disorder: {ms:?}");
        assert!(m.start() < m.end() && m.end() <= h.len(), "{m:?}");
        assert!(m.confidence() >= sc.min_confidence(), "{m:?}");
        assert!(sc.detects(m.kind()), "{m:?}");
        assert!(digit_at(h, m.start()), "{m:?} starts at a non-digit");
        assert!(!digit_before(h, m.start()), "{m:?} starts mid-run");
        let lastb = h[m.end() - 1];
        assert!(
            lastb.is_ascii_alphanumeric() || (0x90..=0x99).contains(&lastb),
            "{m:?} ends with {lastb:#x}"
        );
        let f = m.flags();
        let span = &h[m.range()];
        if f.contains(Flags::SPLIT) {
            // Five digits, ASCII or fullwidth.
            let mut n = 0;
            let mut i = 0;
            while i < span.len() {
                assert!(
                    digit_at(span, i),
                    "{m:?}: split span {:?}",
                    Lit(span)
                );
                i += if span[i] == 0xEF { 3 } else { 1 };
                n += 1;
            }
            assert_eq!(n, 5, "{m:?}: split span {:?}", Lit(span));
        } else if f.contains(Flags::CHECKSUM_FAILED) {
            assert_eq!(m.confidence(), Confidence::Low, "{m:?}");
            assert!(!f.contains(Flags::CHECKSUM), "{m:?}");
        } else if let Some(spaced) = dotted_425(span) {
            // The account's dotted grouping: an ID only with the label
            // of one, and then its digits are one in the spaced grouping
            // (docs/rules.md §6.2).
            assert!(f.contains(Flags::CONTEXT), "{m:?}: unlabelled");
            assert!(
                sc.validate(m.kind(), &spaced),
                "{m:?}: {:?} is not a valid {}",
                Lit(span),
                m.kind()
            );
        } else {
            assert!(
                sc.validate(m.kind(), span),
                "{m:?}: {:?} is not a valid {} on its own",
                Lit(span),
                m.kind()
            );
        }
        assert_eq!(sc.find_at(h, m.start()), Some(*m), "find_at at start");
        last = m.end();
    }
    ms
}

/// The findings of `sc` at threshold `low`, filtered to `sc`'s threshold,
/// must be `sc`'s findings: a higher threshold only removes findings.
pub fn check_threshold(sc: &Scanner, h: &[u8], ms: &[Match]) {
    let low = sc.with_min_confidence(Confidence::Low);
    let all: Vec<Match> = low
        .find_iter(h)
        .filter(|m| m.confidence() >= sc.min_confidence())
        .collect();
    assert_eq!(all, ms, "low-threshold findings filtered != findings");
}

/// Line breaks before the input change nothing but the offsets (the
/// context window stops at a line break): this moves the input across the
/// prefilter's 64-byte blocks.
pub fn check_shift(sc: &Scanner, h: &[u8], ms: &[Match], k: usize) {
    let mut g = vec![b'\n'; k];
    g.extend_from_slice(h);
    let got: Vec<Match> = sc.find_iter(&g).collect();
    let want: Vec<Match> = ms.iter().map(|m| m.offset(k)).collect();
    assert_eq!(got, want, "{k} line breaks before the input");
}

#[cfg(test)]
mod tests {
    use super::*;
    use arbitrary::{Arbitrary, Unstructured};

    #[test]
    fn zero_header_is_the_default_low_scanner() {
        let o = Opts::arbitrary(&mut Unstructured::new(&[0; 9])).unwrap();
        assert_eq!(o, Opts::default());
        let sc = o.build().unwrap();
        assert_eq!(sc.min_confidence(), Confidence::Low);
        assert_eq!(sc.reference_date(), as_of());
        assert!(
            Kind::ALL.iter().all(|&k| sc.detects(k) == k.is_national_id())
        );
        // One byte per field, in order.
        let o =
            Opts::arbitrary(&mut Unstructured::new(&[1, 0, 0, 1])).unwrap();
        assert_eq!((o.kinds_lo, o.confidence), (1, 1));
    }
}
