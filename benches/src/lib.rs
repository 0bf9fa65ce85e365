/*!
Deterministic corpora and a naive baseline for sladd's benchmarks.

Everything here is shared by the criterion suite (`benches/scan.rs`), the
README table printer (`src/bin/perf_table.rs`), the profiling driver
(`src/bin/profile.rs`) and the streaming memory check
(`src/bin/stream_rss.rs`), so every figure is measured on the same bytes.

# Overview

* [`Rng`] is a seeded SplitMix64: the same seed gives the same corpus on
  every machine, with no dependency whose output could change.
* [`ids`] makes synthetic but valid identifiers from the published rules
  (docs/rules.md §1–§5); each one is checked with [`detect_core::validate`] as it
  is made.
* [`prose`], [`postliste`] and [`digit_dense`] build the three corpora.
  Each returns a [`Corpus`] with the spans of the planted identifiers, and
  [`Corpus::check`] asserts that sladd finds exactly those spans and the
  naive baseline finds as many.
* [`Naive`] is the baseline: one ASCII `regex` for the candidate shapes,
  then [`Scanner::validate`] for the kinds each candidate could be.

Noise numbers (dates, amounts, phones, accounts, org numbers, case
numbers, long invoice numbers) are drawn at random and kept only if sladd
finds nothing in them and no kind validates them alone, so the expected
count is known by construction.
*/

use std::ops::Range;

use detect_core::{Confidence, Kind, RedactStyle, Scanner};
use regex::bytes::Regex;

/// The seed of every corpus in the suite.
pub const SEED: u64 = 0x5_1add;
/// Size of the prose corpus in bytes (about).
pub const PROSE_LEN: usize = 2 << 20;
/// Number of postliste records.
pub const POSTLISTE_RECORDS: usize = 20_000;
/// Size of the digit-dense corpus in bytes (about).
pub const DENSE_LEN: usize = 1 << 20;

/// SplitMix64: small, fast, and the same everywhere.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator with this seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u32) -> u32 {
        (((self.next_u64() >> 32) * u64::from(n)) >> 32) as u32
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `num / den`.
    pub fn chance(&mut self, num: u32, den: u32) -> bool {
        self.below(den) < num
    }

    /// One element of `xs`.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u32) as usize]
    }

    /// One decimal digit.
    pub fn digit(&mut self) -> u32 {
        self.below(10)
    }
}

/// Synthetic identifiers made from the published rules. Every function
/// asserts that `detect_core::validate` accepts what it made.
pub mod ids {
    use super::Rng;
    use detect_core::Kind;

    fn days_in(month: u32, year: u32) -> u32 {
        match month {
            4 | 6 | 9 | 11 => 30,
            2 if year.is_multiple_of(4)
                && (!year.is_multiple_of(100) || year.is_multiple_of(400)) =>
            {
                29
            }
            2 => 28,
            _ => 31,
        }
    }

    /// A real date between 1930 and 2005: `(day, month, year)`.
    pub fn birth_date(rng: &mut Rng) -> (u32, u32, u32) {
        let year = rng.range(1930, 2005);
        let month = rng.range(1, 12);
        let day = rng.range(1, days_in(month, year));
        (day, month, year)
    }

    fn push2(s: &mut Vec<u32>, v: u32) {
        s.push(v / 10);
        s.push(v % 10);
    }

    fn text(d: &[u32]) -> String {
        d.iter().map(|&x| char::from(b'0' + x as u8)).collect()
    }

    /// `11 - (Σ w·d mod 11)`, 11 → 0; `None` for 10 (not issued).
    fn mod11(d: &[u32], w: &[u32]) -> Option<u32> {
        let s: u32 = d.iter().zip(w).map(|(a, b)| a * b).sum();
        match 11 - s % 11 {
            11 => Some(0),
            10 => None,
            c => Some(c),
        }
    }

    fn check(kind: Kind, s: &str) -> String {
        assert!(
            detect_core::validate(kind, s),
            "generated {s} is no {kind:?}"
        );
        s.to_string()
    }

    /// The eleven digits of a Norwegian fødselsnummer (legacy rule, century
    /// consistent with the individual number).
    pub fn no_digits(rng: &mut Rng) -> String {
        loop {
            let (day, month, year) = birth_date(rng);
            let iii = if year < 2000 {
                rng.range(0, 499)
            } else {
                rng.range(500, 999)
            };
            let mut d = Vec::with_capacity(11);
            push2(&mut d, day);
            push2(&mut d, month);
            push2(&mut d, year % 100);
            d.extend([iii / 100, iii / 10 % 10, iii % 10]);
            let Some(k1) = mod11(&d, &[3, 7, 6, 1, 8, 9, 4, 5, 2]) else {
                continue;
            };
            d.push(k1);
            let Some(k2) = mod11(&d, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) else {
                continue;
            };
            d.push(k2);
            return check(Kind::NoFnr, &text(&d));
        }
    }

    /// A Norwegian fødselsnummer in one of its written forms
    /// (docs/rules.md §1.8): bare, `6 5` or `6-5`.
    pub fn no_fnr(rng: &mut Rng) -> String {
        let d = no_digits(rng);
        let s = match rng.below(4) {
            0 | 1 => format!("{} {}", &d[..6], &d[6..]),
            2 => d,
            _ => format!("{}-{}", &d[..6], &d[6..]),
        };
        check(Kind::NoFnr, &s)
    }

    /// A Danish CPR-nummer `DDMMYY-SSSS` with a century digit that fits
    /// the year and a passing modulus 11.
    pub fn dk_cpr(rng: &mut Rng) -> String {
        loop {
            let (day, month, year) = birth_date(rng);
            let c = if year >= 2000 { 4 } else { rng.range(0, 3) };
            let mut d = Vec::with_capacity(10);
            push2(&mut d, day);
            push2(&mut d, month);
            push2(&mut d, year % 100);
            d.extend([c, rng.digit(), rng.digit()]);
            let s: u32 = d
                .iter()
                .zip([4, 3, 2, 7, 6, 5, 4, 3, 2])
                .map(|(a, b)| a * b)
                .sum();
            let g = (11 - s % 11) % 11;
            if g == 10 {
                continue;
            }
            d.push(g);
            let t = text(&d);
            let s = match rng.below(5) {
                0 => t,
                _ => format!("{}-{}", &t[..6], &t[6..]),
            };
            return check(Kind::DkCpr, &s);
        }
    }

    /// A Swedish personnummer: `YYMMDD-NNNC` or `YYYYMMDD-NNNC` or
    /// `YYYYMMDDNNNC` (docs/rules.md §3.3).
    pub fn se_pnr(rng: &mut Rng) -> String {
        let (day, month, year) = birth_date(rng);
        let nnn = rng.range(1, 999);
        let mut d = Vec::with_capacity(10);
        push2(&mut d, year % 100);
        push2(&mut d, month);
        push2(&mut d, day);
        d.extend([nnn / 100, nnn / 10 % 10, nnn % 10]);
        let luhn: u32 = d
            .iter()
            .enumerate()
            .map(|(i, &x)| {
                let v = if i % 2 == 0 { x * 2 } else { x };
                v / 10 + v % 10
            })
            .sum();
        d.push((10 - luhn % 10) % 10);
        let t = text(&d);
        let cc = year / 100;
        let s = match rng.below(4) {
            0 | 1 => format!("{}-{}", &t[..6], &t[6..]),
            2 => format!("{cc}{}-{}", &t[..6], &t[6..]),
            _ => format!("{cc}{t}"),
        };
        check(Kind::SePnr, &s)
    }

    /// A Finnish henkilötunnus `DDMMYYCZZZQ` (ZZZ 002–899, old and 2023
    /// century signs).
    pub fn fi_hetu(rng: &mut Rng) -> String {
        const TABLE: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";
        let (day, month, year) = birth_date(rng);
        let zzz = rng.range(2, 899);
        let n = ((day * 100 + month) * 100 + year % 100) * 1000 + zzz;
        let q = char::from(TABLE[(n % 31) as usize]);
        let sign = match (year >= 2000, rng.below(4)) {
            (true, 0) => 'B',
            (true, _) => 'A',
            (false, 0) => 'Y',
            (false, _) => '-',
        };
        let s =
            format!("{day:02}{month:02}{:02}{sign}{zzz:03}{q}", year % 100);
        check(Kind::FiHetu, &s)
    }

    /// An Icelandic kennitala `DDMMYY-RRCÖ` with RR ≥ 20 and a passing
    /// check digit.
    pub fn is_kt(rng: &mut Rng) -> String {
        loop {
            let (day, month, year) = birth_date(rng);
            let mut d = Vec::with_capacity(10);
            push2(&mut d, day);
            push2(&mut d, month);
            push2(&mut d, year % 100);
            push2(&mut d, rng.range(20, 99));
            let Some(c) = mod11(&d, &[3, 2, 7, 6, 5, 4, 3, 2]) else {
                continue;
            };
            d.push(c);
            d.push(if year >= 2000 { 0 } else { 9 });
            let t = text(&d);
            return check(Kind::IsKt, &format!("{}-{}", &t[..6], &t[6..]));
        }
    }
}

/// A generated haystack and what sladd must find in it.
#[derive(Clone, Debug)]
pub struct Corpus {
    /// `prose`, `postliste` or `digits`.
    pub name: &'static str,
    /// The bytes (valid UTF-8).
    pub text: Vec<u8>,
    /// The spans of the planted identifiers, in order.
    pub planted: Vec<Range<usize>>,
    /// For a corpus scanned one record at a time: each record's span
    /// (without its newline). Empty otherwise.
    pub records: Vec<Range<usize>>,
}

impl Corpus {
    /// The number of planted identifiers.
    pub fn expected(&self) -> usize {
        self.planted.len()
    }

    /// The input scanned as one haystack per record, or the whole text.
    pub fn pieces(&self) -> Vec<&[u8]> {
        if self.records.is_empty() {
            vec![&self.text[..]]
        } else {
            self.records.iter().map(|r| &self.text[r.clone()]).collect()
        }
    }

    /// Asserts that `sc` finds exactly the planted spans and that the
    /// naive baseline finds as many; returns the expected count.
    ///
    /// # Panics
    ///
    /// When either count or any span differs.
    pub fn check(&self, sc: &Scanner, naive: &Naive) -> usize {
        let mut found = Vec::new();
        let mut naive_n = 0;
        if self.records.is_empty() {
            found.extend(sc.find_iter(&self.text).map(|m| m.range()));
            naive_n = naive.count(&self.text);
        } else {
            for r in &self.records {
                let h = &self.text[r.clone()];
                found.extend(
                    sc.find_iter(h)
                        .map(|m| m.start() + r.start..m.end() + r.start),
                );
                naive_n += naive.count(h);
            }
        }
        if found != self.planted {
            let extra: Vec<_> = found
                .iter()
                .filter(|r| !self.planted.contains(r))
                .take(5)
                .map(|r| self.show(r))
                .collect();
            let missed: Vec<_> = self
                .planted
                .iter()
                .filter(|r| !found.contains(r))
                .take(5)
                .map(|r| self.show(r))
                .collect();
            panic!(
                "{}: sladd found {} spans, {} planted; extra {extra:?}, \
                 missed {missed:?}",
                self.name,
                found.len(),
                self.planted.len()
            );
        }
        assert_eq!(naive_n, self.planted.len(), "{}: naive count", self.name);
        self.planted.len()
    }

    fn show(&self, r: &Range<usize>) -> String {
        let lo = r.start.saturating_sub(50);
        let hi = (r.end + 20).min(self.text.len());
        String::from_utf8_lossy(&self.text[lo..hi]).into_owned()
    }
}

/// The number of findings of `sc` in each of `pieces`, added up. Never
/// inlined, so a profiler can collect exactly this (`--toggle-collect`).
#[inline(never)]
pub fn sladd_count(sc: &Scanner, pieces: &[&[u8]]) -> usize {
    pieces.iter().map(|h| sc.find_iter(h).count()).sum()
}

/// `text` masked by `sc` into `out` (cleared first); the number of
/// findings masked. Never inlined, as [`sladd_count`].
#[inline(never)]
pub fn sladd_redact(sc: &Scanner, text: &[u8], out: &mut Vec<u8>) -> usize {
    out.clear();
    sc.redact_into(text, RedactStyle::Mask, out)
}

/// [`Naive::count`] over each of `pieces`, added up. Never inlined.
#[inline(never)]
pub fn naive_count(naive: &Naive, pieces: &[&[u8]]) -> usize {
    pieces.iter().map(|h| naive.count(h)).sum()
}

/// The naive baseline: one ASCII regex for every candidate shape, then the
/// validation of [`Scanner::validate`] for each kind the candidate's
/// length allows; no keyword context.
#[derive(Clone, Debug)]
pub struct Naive {
    re: Regex,
    sc: Scanner,
}

/// The baseline's pattern: FI (a sign, three digits, a check character),
/// 8+4/8+5 (SE 12 digits, full-year NO), 6+4/6+5 with an optional
/// separator (NO, DK, SE, IS), ASCII word boundaries.
pub const NAIVE_PATTERN: &str = r"(?-u)\b(?:\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Ya-y]|\d{8}[- ]?\d{4,5}|\d{6}[- +]?\d{4,5})\b";

const TEN: &[Kind] = &[Kind::SePnr, Kind::SeSnr, Kind::DkCpr, Kind::IsKt];
const TEN_FI: &[Kind] =
    &[Kind::SePnr, Kind::SeSnr, Kind::DkCpr, Kind::IsKt, Kind::FiHetu];
const NO: &[Kind] = &[Kind::NoFnr, Kind::NoDnr, Kind::NoHnr, Kind::NoFhnr];
const TWELVE: &[Kind] = &[Kind::SePnr, Kind::SeSnr, Kind::NoDuf];

/// The scanner the ID benchmarks measure: every national ID kind, the
/// defaults otherwise. With only ID kinds the scanner runs its ID pass
/// directly, as sladd's ID users do.
pub fn id_scanner() -> Scanner {
    Scanner::builder().kind_names(["ids"]).build().expect("valid options")
}

impl Naive {
    /// The baseline, validating with `sc`.
    pub fn new(sc: Scanner) -> Naive {
        Naive { re: Regex::new(NAIVE_PATTERN).expect("valid pattern"), sc }
    }

    /// The kinds a candidate of this written form could be.
    pub fn kinds(cand: &[u8]) -> &'static [Kind] {
        let last = cand[cand.len() - 1];
        if last.is_ascii_alphabetic() || cand[6].is_ascii_alphabetic() {
            return &[Kind::FiHetu];
        }
        let digits = cand.iter().filter(|b| b.is_ascii_digit()).count();
        match digits {
            10 if cand.len() == 11 && matches!(cand[6], b'-' | b'+') => TEN_FI,
            10 => TEN,
            11 | 13 => NO,
            12 => TWELVE,
            _ => &[],
        }
    }

    /// Whether the candidate validates as any kind it could be.
    pub fn valid(&self, cand: &[u8]) -> bool {
        Naive::kinds(cand).iter().any(|&k| self.sc.validate(k, cand))
    }

    /// The number of candidates that validate.
    pub fn count(&self, h: &[u8]) -> usize {
        self.re.find_iter(h).filter(|m| self.valid(m.as_bytes())).count()
    }
}

/// Writes a corpus and remembers where the identifiers went.
struct Writer {
    rng: Rng,
    out: Vec<u8>,
    planted: Vec<Range<usize>>,
    /// Reports every candidate, to screen noise numbers.
    low: Scanner,
    naive: Naive,
}

impl Writer {
    fn new(seed: u64, cap: usize) -> Writer {
        let sc = id_scanner();
        Writer {
            rng: Rng::new(seed),
            out: Vec::with_capacity(cap + 1024),
            planted: Vec::new(),
            low: sc.with_min_confidence(Confidence::Low),
            naive: Naive::new(sc),
        }
    }

    fn s(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    /// Appends a noise number, redrawn until nothing in it is an ID.
    fn noise(&mut self, f: fn(&mut Rng) -> String) {
        loop {
            let t = f(&mut self.rng);
            let padded = format!(" {t} ");
            let clean = self.low.find_iter(&padded).next().is_none()
                && self.naive.count(padded.as_bytes()) == 0
                && !TEN_FI
                    .iter()
                    .chain(NO)
                    .chain(TWELVE)
                    .any(|&k| self.naive.sc.validate(k, t.as_str()));
            if clean {
                self.s(&t);
                return;
            }
        }
    }

    /// Appends an identifier and records its span.
    fn id(&mut self, f: fn(&mut Rng) -> String) {
        let t = f(&mut self.rng);
        let start = self.out.len();
        self.s(&t);
        self.planted.push(start..self.out.len());
    }

    /// Fills a template: `{name}` is a noise generator, `{ID:xx}` an
    /// identifier, anything else literal text.
    fn fill(&mut self, tpl: &str) {
        let mut rest = tpl;
        while let Some(i) = rest.find('{') {
            self.s(&rest[..i]);
            let j = rest[i..].find('}').expect("closed placeholder") + i;
            let name = &rest[i + 1..j];
            match name {
                "ID:no" => self.id(ids::no_fnr),
                "ID:dk" => self.id(ids::dk_cpr),
                "ID:se" => self.id(ids::se_pnr),
                "ID:fi" => self.id(ids::fi_hetu),
                "ID:is" => self.id(ids::is_kt),
                _ => self.noise(noise_fn(name)),
            }
            rest = &rest[j + 1..];
        }
        self.s(rest);
    }
}

/// Noise numbers as written in Nordic public-sector text (docs/rules.md §6).
pub mod noise {
    use super::Rng;

    /// `12.03.2024` or `3.3.2024`.
    pub fn date(r: &mut Rng) -> String {
        let (d, m, y) = (r.range(1, 28), r.range(1, 12), r.range(2015, 2025));
        if r.chance(1, 4) {
            format!("{d}.{m}.{y}")
        } else {
            format!("{d:02}.{m:02}.{y}")
        }
    }

    /// `2024-03-12`.
    pub fn iso_date(r: &mut Rng) -> String {
        format!(
            "{}-{:02}-{:02}",
            r.range(2015, 2025),
            r.range(1, 12),
            r.range(1, 28)
        )
    }

    /// A year.
    pub fn year(r: &mut Rng) -> String {
        r.range(1990, 2026).to_string()
    }

    /// A small count.
    pub fn small(r: &mut Rng) -> String {
        r.range(1, 120).to_string()
    }

    /// A money amount with thousands grouped by spaces.
    pub fn amount(r: &mut Rng) -> String {
        let n = r.range(100, 4_999_999);
        let mut s = group3(n);
        if r.chance(1, 3) {
            s.push_str(&format!(",{:02}", r.below(100)));
        }
        s
    }

    fn group3(n: u32) -> String {
        let t = n.to_string();
        let mut s = String::new();
        for (i, c) in t.chars().enumerate() {
            if i > 0 && (t.len() - i).is_multiple_of(3) {
                s.push(' ');
            }
            s.push(c);
        }
        s
    }

    /// A Norwegian phone number: `+47 912 34 567`, `22 33 44 55`.
    pub fn phone_no(r: &mut Rng) -> String {
        let a = r.range(40, 99);
        let (b, c, d) = (r.range(10, 99), r.range(10, 99), r.range(10, 99));
        match r.below(3) {
            0 => format!("+47 {a}{} {c} {b}{}", r.digit(), r.digit()),
            1 => format!("{a} {b} {c} {d}"),
            _ => format!("{a}{} {c} {b}{}", r.digit(), r.digit()),
        }
    }

    /// A Danish phone number: `+45 33 12 34 56`.
    pub fn phone_dk(r: &mut Rng) -> String {
        let p = format!(
            "{} {} {} {}",
            r.range(20, 99),
            r.range(10, 99),
            r.range(10, 99),
            r.range(10, 99)
        );
        if r.chance(1, 2) { format!("+45 {p}") } else { p }
    }

    /// A Swedish phone number: `08-123 456 78`, `070-123 45 67`.
    pub fn phone_se(r: &mut Rng) -> String {
        if r.chance(1, 2) {
            format!(
                "08-{} {} {}",
                r.range(100, 999),
                r.range(100, 999),
                r.range(10, 99)
            )
        } else {
            format!(
                "07{}-{} {} {}",
                r.pick(&[0, 2, 3, 6, 9]),
                r.range(100, 999),
                r.range(10, 99),
                r.range(10, 99)
            )
        }
    }

    /// A case number: `23/01234-5`, `2023/1234`.
    pub fn case(r: &mut Rng) -> String {
        match r.below(3) {
            0 => format!(
                "{}/{:05}-{}",
                r.range(15, 25),
                r.below(20000),
                r.range(1, 30)
            ),
            1 => format!("{}/{}", r.range(2015, 2025), r.range(1, 9999)),
            _ => format!("{}/{:04}", r.range(15, 25), r.below(10000)),
        }
    }

    /// A Norwegian organisation number written in groups: `988 077 917`.
    pub fn org(r: &mut Rng) -> String {
        format!(
            "{} {:03} {:03}",
            r.range(810, 999),
            r.below(1000),
            r.below(1000)
        )
    }

    /// A Norwegian account number in the 4.2.5 grouping.
    pub fn account(r: &mut Rng) -> String {
        let sep = if r.chance(1, 2) { '.' } else { ' ' };
        format!(
            "{}{sep}{:02}{sep}{:05}",
            r.range(1000, 9999),
            r.below(100),
            r.below(100_000)
        )
    }

    /// A postcode.
    pub fn postcode(r: &mut Rng) -> String {
        format!("{:04}", r.range(10, 9990))
    }

    /// A time of day, `10.30`.
    pub fn time(r: &mut Rng) -> String {
        format!("{:02}.{:02}", r.range(8, 16), r.pick(&[0, 15, 30, 45]))
    }

    /// A percentage, `12,5`.
    pub fn percent(r: &mut Rng) -> String {
        format!("{},{}", r.range(1, 99), r.digit())
    }

    /// An order, invoice or customer number of 8 to 13 digits.
    pub fn long(r: &mut Rng) -> String {
        let n = r.range(8, 13);
        (0..n).map(|_| char::from(b'0' + r.digit() as u8)).collect()
    }

    /// A bare 10–13 digit number: account, KID, phone with country code,
    /// order number. Shaped like an identifier, so it costs a validation.
    pub fn id_shaped(r: &mut Rng) -> String {
        let n = *r.pick(&[10, 10, 11, 11, 11, 12, 13]);
        // Half of them start with a plausible day, so validation gets past
        // the first digits.
        let mut s = String::new();
        if r.chance(1, 2) {
            s.push_str(&format!("{:02}{:02}", r.range(1, 28), r.range(1, 12)));
        }
        while s.len() < n {
            s.push(char::from(b'0' + r.digit() as u8));
        }
        s
    }

    /// An 8-digit number (Danish phone or CVR, bare).
    pub fn eight(r: &mut Rng) -> String {
        format!("{}", r.range(20_000_000, 99_999_999))
    }

    /// A 9-digit bare organisation number.
    pub fn nine(r: &mut Rng) -> String {
        format!("{}", r.range(800_000_000, 999_999_999))
    }

    /// A Norwegian IBAN in groups of four.
    pub fn iban(r: &mut Rng) -> String {
        format!(
            "NO{:02} {:04} {:04} {:03}",
            r.range(10, 99),
            r.range(1000, 9999),
            r.below(10000),
            r.below(1000)
        )
    }
}

fn noise_fn(name: &str) -> fn(&mut Rng) -> String {
    match name {
        "date" => noise::date,
        "iso" => noise::iso_date,
        "year" => noise::year,
        "n" => noise::small,
        "amount" => noise::amount,
        "tlf" => noise::phone_no,
        "dktlf" => noise::phone_dk,
        "setlf" => noise::phone_se,
        "case" => noise::case,
        "org" => noise::org,
        "account" => noise::account,
        "post" => noise::postcode,
        "time" => noise::time,
        "pct" => noise::percent,
        "long" => noise::long,
        "idshaped" => noise::id_shaped,
        "eight" => noise::eight,
        "nine" => noise::nine,
        "iban" => noise::iban,
        _ => panic!("unknown placeholder {{{name}}}"),
    }
}

/// Sentences with numbers but no identifier.
const NUMERIC: &[&str] = &[
    "Kommunen mottok søknaden {date}, og saken er registrert med saksnummer {case}. ",
    "Tilskuddet utgjør kr {amount} for perioden {year}–{year}. ",
    "Ta kontakt på telefon {tlf} dersom du har spørsmål til vedtaket. ",
    "Møtet holdes {date} kl. {time} i rom {n}, Rådhusgata {n}, {post} Oslo. ",
    "Fakturaen på kr {amount} forfaller {date}; beløpet betales til konto {account}. ",
    "Leverandøren, org.nr. {org}, har levert {n} av {n} enheter. ",
    "Ansøgningen blev modtaget den {date} og behandles under j.nr. {case}. ",
    "Udgiften på {amount} kr. afholdes af kommunen i {year}. ",
    "Ring på {dktlf} mellem kl. 9 og 15, eller skriv til os. ",
    "Ärendet har diarienummer {case} och beslutades {iso}. ",
    "Kostnaden beräknas till {amount} kronor för år {year}, en ökning med {pct} procent. ",
    "Kontakta handläggaren på {setlf} eller via e-post. ",
    "Bestillingen har ordrenummer {long} og leveres innen {n} dager. ",
    "Andelen steg fra {pct} prosent i {year} til {pct} prosent i {year}. ",
    "Eiendommen har gnr. {n}, bnr. {n} i {post} Bergen. ",
];

/// Sentences without digits.
const PLAIN: &[&str] = &[
    "Saken gjelder søknad om dispensasjon fra reguleringsplanen for området. ",
    "Administrasjonen anbefaler at søknaden innvilges med de vilkår som fremgår nedenfor. ",
    "Vedtaket kan påklages til Statsforvalteren innen tre uker fra det tidspunkt underretning om vedtaket er kommet frem. ",
    "Det vises til tidligere korrespondanse i saken og til møtet med tiltakshaver. ",
    "Klagen er vurdert, og det er ikke fremkommet nye opplysninger som tilsier at vedtaket bør endres. ",
    "Kommunen har vurdert saken etter plan- og bygningsloven og forvaltningsloven. ",
    "Naboene er varslet, og det er ikke kommet inn merknader innen fristen. ",
    "Forvaltningen har behandlet sagen og finder ikke grundlag for at ændre afgørelsen. ",
    "Der er lagt vægt på, at ansøgeren har dokumenteret behovet for støtte. ",
    "Nämnden beslutar att bevilja ansökan i enlighet med förvaltningens förslag. ",
    "Beslutet kan överklagas hos förvaltningsrätten inom tre veckor. ",
    "Hakemus on käsitelty ja päätös annetaan tiedoksi asianosaisille. ",
    "Umsóknin hefur verið tekin til afgreiðslu hjá sveitarfélaginu. ",
    "Søkeren har lagt fram dokumentasjon som viser at vilkårene for tildeling er oppfylt, og tiltaket er i tråd med formålet i kommuneplanens arealdel. ",
];

/// Closing sentences of a paragraph, each with a labelled identifier.
const WITH_ID: &[&str] = &[
    "Søker: Kari Nordmann, fødselsnummer {ID:no}.",
    "Parten (fnr. {ID:no}) har fått innsyn i sakens dokumenter.",
    "Vedtaket gjelder Ola Hansen, personnummer {ID:no}.",
    "Borgeren med CPR-nr. {ID:dk} er orienteret om afgørelsen.",
    "Ansøger: Mette Jensen, cpr {ID:dk}.",
    "Sökande: Anna Svensson, personnummer {ID:se}.",
    "Hakija: Matti Virtanen, henkilötunnus {ID:fi}.",
    "Umsækjandi, kt. {ID:is}, hefur fengið svar.",
];

/// Scandinavian case-handling prose, about `len` bytes: dates, amounts,
/// phone and case numbers in most sentences, and one labelled identifier
/// about every 5 KB.
pub fn prose(len: usize, seed: u64) -> Corpus {
    let mut w = Writer::new(seed, len);
    let mut since_id = 0usize;
    let mut next_id = 5000;
    while w.out.len() < len {
        let para = w.out.len();
        for _ in 0..w.rng.range(3, 7) {
            let tpl = if w.rng.chance(1, 2) {
                *w.rng.pick(NUMERIC)
            } else {
                *w.rng.pick(PLAIN)
            };
            w.fill(tpl);
        }
        since_id += w.out.len() - para;
        if since_id >= next_id {
            let tpl = *w.rng.pick(WITH_ID);
            w.fill(tpl);
            since_id = 0;
            next_id = w.rng.range(3500, 6500) as usize;
        }
        w.s("\n\n");
    }
    Corpus {
        name: "prose",
        text: w.out,
        planted: w.planted,
        records: Vec::new(),
    }
}

const TITLES: &[&str] = &[
    "Søknad om dispensasjon - {post} Storgata {n}",
    "Svar på henvendelse om barnehageplass",
    "Melding om vedtak - skoleskyss {year}",
    "Innsynsbegjæring i sak {case}",
    "Tilbud på rammeavtale renhold, org.nr. {org}",
    "Faktura kr {amount} - vedlikehold",
    "Referat fra møte {date}",
    "Klage på vedtak om byggetillatelse gnr. {n} bnr. {n}",
    "Oversendelse av dokumenter til Statsforvalteren",
    "Anmodning om uttalelse - reguleringsplan",
];

const SENDERS: &[&str] = &[
    "Statens vegvesen",
    "Ola Hansen",
    "Kari Nordmann",
    "Statsforvalteren i Vestland",
    "Plan- og bygningsetaten",
    "Advokatfirmaet Berg AS",
    "NAV Bergenhus",
    "Skatteetaten",
];

const TITLES_ID: &[&str] = &[
    "Klage fra Ola Hansen, fnr {ID:no}",
    "Søknad om sosialhjelp - fødselsnummer {ID:no}",
    "Henvendelse fra borger, CPR-nr. {ID:dk}",
    "Ansökan, personnummer {ID:se}",
];

/// Public-journal lines (postliste), about 106 bytes each: case and
/// document number, date, direction, title, sender. One record in 25
/// carries a labelled identifier.
pub fn postliste(records: usize, seed: u64) -> Corpus {
    let mut w = Writer::new(seed, records * 110);
    let mut spans = Vec::with_capacity(records);
    for _ in 0..records {
        let start = w.out.len();
        w.fill("{case} | {date} | ");
        let dir = *w.rng.pick(&["I", "U", "N", "X"]);
        w.s(dir);
        w.s(" | ");
        let tpl = if w.rng.chance(1, 25) {
            *w.rng.pick(TITLES_ID)
        } else {
            *w.rng.pick(TITLES)
        };
        w.fill(tpl);
        w.s(" | ");
        let sender = *w.rng.pick(SENDERS);
        w.s(sender);
        // Padding to the typical record length.
        let pad = [
            " | Unntatt offentlighet, offl. § 13",
            " | Offentlig",
            " | Ferdigstilt",
            " | Under behandling",
        ];
        let p = *w.rng.pick(&pad);
        w.s(p);
        spans.push(start..w.out.len());
        w.s("\n");
    }
    Corpus {
        name: "postliste",
        text: w.out,
        planted: w.planted,
        records: spans,
    }
}

/// Digit-dense tables: every cell a number, most of them 10–13 digits
/// (accounts, KIDs, phones with country code, order numbers), and one
/// identifier in about 40 rows. The adversarial case: nearly every
/// candidate reaches validation.
pub fn digit_dense(len: usize, seed: u64) -> Corpus {
    let mut w = Writer::new(seed, len);
    w.s("| Dato | Konto | KID | Org.nr | Telefon | Beløp | Ref | Fnr |\n");
    w.s("|---|---|---|---|---|---|---|---|\n");
    while w.out.len() < len {
        w.fill("| {iso} | {idshaped} | {idshaped} | ");
        let t = *w.rng.pick(&["{nine}", "{org}", "{eight}"]);
        w.fill(t);
        w.s(" | ");
        let t = *w.rng.pick(&["{tlf}", "{idshaped}", "{dktlf}", "{eight}"]);
        w.fill(t);
        w.s(" | ");
        w.fill("{amount} | ");
        let t = *w.rng.pick(&["{long}", "{idshaped}", "{account}", "{iban}"]);
        w.fill(t);
        w.s(" | ");
        if w.rng.chance(1, 40) {
            let tpl =
                *w.rng.pick(&["{ID:no}", "{ID:dk}", "{ID:se}", "{ID:is}"]);
            w.fill(tpl);
        } else {
            w.fill("{idshaped}");
        }
        w.s(" |\n");
    }
    Corpus {
        name: "digits",
        text: w.out,
        planted: w.planted,
        records: Vec::new(),
    }
}

/// The three corpora of the suite, with their default sizes and seed.
pub fn all() -> [Corpus; 3] {
    [
        prose(PROSE_LEN, SEED),
        postliste(POSTLISTE_RECORDS, SEED + 1),
        digit_dense(DENSE_LEN, SEED + 2),
    ]
}
