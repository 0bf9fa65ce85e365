//! The ID pass: the search loop over the digit runs the prefilter hands
//! out, the validation of each candidate's readings, and the ranking of
//! the readings of one span.
//!
//! A search is a loop of three steps, and only the first touches every
//! byte:
//!
//! 1. `prefilter::Runs::next` jumps to the next digit run whose length and
//!    surroundings may start an identifier (one vector pass, keeping its
//!    place between calls);
//! 2. `Scanner::at` reads the written shape at that digit run (a few bytes,
//!    `ids::read`), cuts out every interpretation the shape allows and
//!    validates each against its scheme's rules;
//! 3. only for a candidate that survives, `context::read` searches the
//!    short window around it for keywords, and the confidence is scored.

use crate::context::{self, Context};
use crate::ids::no_split::full_year_ok;
use crate::ids::read::{Candidate, Grouping, Shape};
use crate::ids::{self, Strength, Valid, Verdict};
use crate::kind::{Confidence, Flags, Kind};
use crate::prefilter::{Runs, STARTS};
use crate::scanner::{Match, Scanner};
use crate::shape::{self, Run};

/// The valid readings of one candidate: at most one per shape and scheme.
#[derive(Default)]
struct Readings {
    items: [Option<Valid>; 4],
    n: usize,
}

impl Readings {
    fn push(&mut self, v: Valid) {
        if self.n < self.items.len() {
            self.items[self.n] = Some(v);
            self.n += 1;
        }
    }

    fn is_empty(&self) -> bool {
        self.n == 0
    }

    fn iter(&self) -> impl Iterator<Item = &Valid> {
        self.items[..self.n].iter().flatten()
    }
}

/// The rank of a kind among equally sure readings of one span: the fixed,
/// documented preference of docs/contract.md §2 (a check character or Luhn digit
/// that passes is rarer by chance than a date alone).
pub(crate) fn preference(k: Kind) -> u8 {
    match k {
        Kind::FiHetu => 6,
        Kind::SePnr | Kind::SeSnr => 5,
        Kind::DkCpr => 4,
        Kind::IsKt => 3,
        Kind::NoFnr | Kind::NoDnr | Kind::NoHnr | Kind::NoFhnr => 2,
        Kind::NoDuf => 1,
        // Only ID kinds have readings.
        _ => 0,
    }
}

fn strength_rank(s: Strength) -> u8 {
    match s {
        Strength::Strong => 3,
        Strength::Weak => 2,
        Strength::Gated => 1,
        Strength::ContextOnly => 0,
    }
}

impl Scanner {
    /// The ID pass: the first ID finding at `min` or above that starts at
    /// or after `from`, keeping the prefilter's place in `runs` between
    /// calls on the same haystack, so a dense stretch is classified once.
    #[inline]
    pub(crate) fn find_ids(
        &self,
        h: &[u8],
        from: usize,
        runs: &mut Runs,
        min: Confidence,
    ) -> Option<Match> {
        let lenient = self.lenient;
        self.find_with(h, from, min, &mut |h, i| {
            if lenient {
                // A damaged number may start with a digit run of any
                // length: visit every one.
                crate::prefilter::find(h, i)
            } else {
                runs.next(h, i)
            }
        })
    }

    /// The search loop of the ID pass, with `next` finding the next digit
    /// run worth a look (the prefilter, or in tests the plain byte loop it
    /// must agree with).
    #[inline(always)]
    fn find_with(
        &self,
        h: &[u8],
        from: usize,
        min: Confidence,
        next: &mut impl FnMut(&[u8], usize) -> Option<usize>,
    ) -> Option<Match> {
        let mut i = from;
        loop {
            let p = next(h, i)?;
            if shape::digit_at(h, p).is_none() {
                // 0xEF that does not start a fullwidth digit.
                i = p + 1;
                continue;
            }
            let run = Run::read(h, p);
            if shape::digit_before(h, p) {
                // The middle of a run (a search resumed inside one).
                i = run.end;
                continue;
            }
            match self.at(h, p, &run) {
                Some(m) if m.confidence() >= min => {
                    return Some(m);
                }
                // A finding below the threshold still owns its span, so a
                // higher threshold only ever removes findings.
                Some(m) => i = m.end(),
                None => i = run.end,
            }
        }
    }

    /// Reads and judges the candidate at `p`, whatever its confidence;
    /// with the `lenient` option, as a damaged number when it is none as
    /// written.
    #[inline(always)]
    fn at(&self, h: &[u8], p: usize, run: &Run) -> Option<Match> {
        let m = self.as_written(h, p, run);
        if m.is_none() && self.lenient {
            return self.ocr(h, p);
        }
        m
    }

    /// Reads and judges the candidate at `p` as written.
    fn as_written(&self, h: &[u8], p: usize, run: &Run) -> Option<Match> {
        // Most digit runs in prose (days, years, amounts) cannot start an
        // identifier: one bit test rejects them.
        if run.n >= 14 || STARTS >> run.n & 1 == 0 || !shape::left_ok(h, p) {
            return None;
        }
        if run.n == 5 {
            return self.split(h, p, run);
        }
        let c = self.candidate(h, run, self.kinds)?;
        if !shape::right_ok(h, c.end) {
            return None;
        }
        let mut readings = Readings::default();
        self.readings(&c, false, &mut |r| {
            if self.kinds.contains(r.kind) {
                readings.push(r);
            }
        });
        let mut typo: Option<Valid> = None;
        if c.grouping != Grouping::Id
            && (readings.is_empty()
                || (c.grouping == Grouping::Dotted425
                    && !shape::word_right_before(h, p)))
        {
            // An account's grouping (docs/rules.md §6.2): no typo of an
            // ID, and the dotted one only with a label right before it.
            return None;
        }
        if readings.is_empty() {
            // Nothing valid: a number whose only fault is a check digit,
            // right after a label for its kind, is likely a typo of a real
            // one (docs/contract.md §3, `low`).
            if !shape::word_right_before(h, p) {
                return None;
            }
            self.readings(&c, true, &mut |r| {
                if self.kinds.contains(r.kind)
                    && !r.flags.contains(Flags::CHECKSUM)
                    && typo.is_none_or(|t| {
                        preference(t.kind) < preference(r.kind)
                    })
                {
                    typo = Some(r);
                }
            });
            typo?;
        }
        if shape::in_url(h, p) {
            return None;
        }
        let cx = self.context(h, p, c.end);
        if let Some(t) = typo {
            if !cx.labelled(t.kind) || cx.negative(t.kind) {
                return None;
            }
            let flags =
                t.flags | c.flags | Flags::CONTEXT | Flags::CHECKSUM_FAILED;
            return Some(Match::new(t.kind, Confidence::Low, flags, p, c.end));
        }
        // Among the readings of one span: the kind the context supports,
        // then the most confident, then the one resting on check digits,
        // then the fixed preference (docs/contract.md §2).
        let mut best: Option<((bool, Confidence, u8, u8), Valid)> = None;
        for &r in readings.iter() {
            let Some(level) = level(r.strength, &cx, r.kind) else {
                continue;
            };
            let key = (
                cx.positive(r.kind),
                level,
                strength_rank(r.strength),
                preference(r.kind),
            );
            if best.is_none_or(|b| b.0 < key) {
                best = Some((key, r));
            }
        }
        let ((_, level, _, _), r) = best?;
        // An account's grouping (docs/rules.md §6.2): spaced, an ID unless
        // an account (or other negative) keyword labels it; dotted, an
        // account unless an ID keyword labels it, right before it (not one
        // carried over a list).
        match c.grouping {
            Grouping::Spaced425 if cx.negative(r.kind) => return None,
            Grouping::Dotted425 if !cx.labelled(r.kind) => return None,
            _ => {}
        }
        let mut flags = r.flags | c.flags;
        flags.set(Flags::CONTEXT, cx.positive(r.kind));
        flags.set(Flags::NEGATIVE_CONTEXT, cx.negative(r.kind));
        Some(Match::new(r.kind, level, flags, p, c.end))
    }

    pub(crate) fn context(
        &self,
        h: &[u8],
        start: usize,
        end: usize,
    ) -> Context {
        context::read(
            &self.data.keywords,
            h,
            start,
            end,
            self.before,
            self.after,
        )
    }

    /// Calls `f` with every valid reading of `c` (with `lenient`, also the
    /// readings whose only fault is a check digit).
    pub(crate) fn readings(
        &self,
        c: &Candidate,
        lenient: bool,
        f: &mut impl FnMut(Valid),
    ) {
        self.verdicts(c, lenient, &mut |v| {
            if let Ok(v) = v {
                f(v)
            }
        });
    }

    /// Calls `f` with the verdict of every reading of `c`: the valid ones
    /// and the reasons the others fail.
    pub(crate) fn verdicts(
        &self,
        c: &Candidate,
        lenient: bool,
        emit: &mut impl FnMut(Verdict),
    ) {
        let today = self.today;
        for shape in c.shapes.iter().flatten() {
            match *shape {
                Shape::No { d, year } => {
                    let v = ids::no::validate(&d, today, lenient);
                    emit(v.and_then(|v| full_year_ok(v, &d, year, today)));
                }
                Shape::Ten { d, plus, bare } => {
                    let se = ids::se::validate(&d, None, today, lenient);
                    // A bare 10-digit number starting 07 is likely a
                    // Swedish mobile number (§8.1).
                    emit(se.map(|mut v| {
                        if bare && d[0] == 0 && d[1] == 7 {
                            v.strength = weaker(v.strength);
                        }
                        v
                    }));
                    if !plus && !lenient {
                        emit(ids::dk::validate(&d, today));
                        emit(ids::is::validate(&d, today));
                    }
                }
                Shape::Twelve { d, se, duf } => {
                    if se {
                        let mut ten = [0; 10];
                        ten.copy_from_slice(&d[2..]);
                        let cc = d[0] * 10 + d[1];
                        emit(ids::se::validate(
                            &ten,
                            Some(cc),
                            today,
                            lenient,
                        ));
                    }
                    if duf {
                        emit(ids::no::validate_duf(&d, today, lenient));
                    }
                }
                Shape::Fi { date, sign, zzz, check, lower } => {
                    emit(ids::fi::validate(
                        today, &date, sign, &zzz, check, lower, lenient,
                    ));
                }
            }
        }
    }
}

/// One step weaker.
fn weaker(s: Strength) -> Strength {
    match s {
        Strength::Strong => Strength::Weak,
        Strength::Weak | Strength::Gated => Strength::Gated,
        Strength::ContextOnly => Strength::ContextOnly,
    }
}

/// The confidence of a valid reading in its context (docs/contract.md §3), or
/// `None` if it is not to be reported at all.
pub(crate) fn level(s: Strength, cx: &Context, k: Kind) -> Option<Confidence> {
    let pos = cx.positive(k);
    let base = match s {
        Strength::Strong if pos => Confidence::High,
        Strength::Strong => Confidence::Medium,
        Strength::Weak if pos => Confidence::Medium,
        Strength::Weak => Confidence::Low,
        Strength::Gated if pos => Confidence::High,
        Strength::Gated => Confidence::Low,
        Strength::ContextOnly if pos => Confidence::Medium,
        Strength::ContextOnly => return None,
    };
    if cx.negative(k) { base.lower() } else { Some(base) }
}

#[cfg(test)]
mod vectors {
    //! Every vector of `testdata/id_vectors.json` gives the verdict of the
    //! profile docs/rules.md §8.1 recommends.

    use super::*;
    use crate::date::Date;
    use crate::ids::is::{Holder, validate_holder};
    use crate::kind::KindSet;

    const JSON: &str = include_str!("../../../testdata/id_vectors.json");

    fn readings(sc: &Scanner, input: &str) -> Vec<Valid> {
        let v = input.as_bytes();
        let mut out = Vec::new();
        if shape::digit_at(v, 0).is_none() {
            return out;
        }
        let run = Run::read(v, 0);
        // The dotted 4.2.5 grouping is an account's: as a value on its
        // own (no label), never an ID (docs/rules.md §6.2).
        if let Some(c) = sc.candidate(v, &run, KindSet::ALL)
            && c.end == v.len()
            && c.grouping != Grouping::Dotted425
        {
            sc.readings(&c, false, &mut |r| out.push(r));
        }
        out
    }

    /// Our kind and whether the synthetic flag is expected, for a
    /// reference sub-kind.
    fn expected(typ: &str, sub: &str) -> Option<(Kind, bool)> {
        Some(match (typ, sub) {
            ("no_fnr", "fnr") => (Kind::NoFnr, false),
            ("no_fnr", "synthetic") => (Kind::NoFnr, true),
            ("no_fnr", "dnr") | ("no_fnr", "dnr+hnr") => (Kind::NoDnr, false),
            ("no_fnr", "dnr+synthetic") => (Kind::NoDnr, true),
            ("no_fnr", "hnr") => (Kind::NoHnr, false),
            ("no_fnr", "fhnr") => (Kind::NoFhnr, false),
            ("dk_cpr", "cpr") => (Kind::DkCpr, false),
            ("se_pnr", "personnummer") => (Kind::SePnr, false),
            ("se_pnr", "samordningsnummer") => (Kind::SeSnr, false),
            ("fi_hetu", "hetu" | "temporary") => (Kind::FiHetu, false),
            ("is_kt", "person" | "system") => (Kind::IsKt, false),
            _ => return None,
        })
    }

    #[test]
    fn every_vector_gets_the_recommended_verdict() {
        let doc: serde_json::Value = serde_json::from_str(JSON).unwrap();
        let as_of: Date = doc["as_of"].as_str().unwrap().parse().unwrap();
        let sc = Scanner::builder().reference_date(as_of).build().unwrap();
        let mut checked = 0;
        for v in doc["vectors"].as_array().unwrap() {
            let typ = v["type"].as_str().unwrap();
            let input = v["input"].as_str().unwrap();
            let profile = match typ {
                "no_fnr" => "2032",
                "dk_cpr" | "se_pnr" | "is_kt" => "recommended",
                "fi_hetu" => "with_temporary",
                _ => continue,
            };
            let r = &v["results"][profile];
            let mut valid = r["valid"].as_bool().unwrap();
            let mut sub = r["kind"].as_str().unwrap_or("");
            if input == "131052-308t" {
                // docs/rules.md §8.1 ships `with_temporary` *case-insensitive*
                // (lower case is weak, not invalid); the JSON column is the
                // case-sensitive reference.
                valid = true;
                sub = "hetu";
            }
            let country = typ.parse::<Kind>().map(Kind::country).ok();
            let got: Vec<Valid> = readings(&sc, input)
                .into_iter()
                .filter(|x| Some(x.kind.country()) == country)
                .collect();
            checked += 1;
            if typ == "is_kt" && sub == "company" {
                let mut d = [0u8; 10];
                let digits: Vec<u8> = input
                    .bytes()
                    .filter(u8::is_ascii_digit)
                    .map(|b| b - b'0')
                    .collect();
                d.copy_from_slice(&digits);
                let h = validate_holder(&d, as_of).map(|x| x.0);
                assert_eq!(
                    h.ok(),
                    valid.then_some(Holder::Company),
                    "{input}"
                );
                assert!(got.is_empty(), "{input}: a company is not personal");
                continue;
            }
            if !valid {
                assert!(
                    got.is_empty(),
                    "{input} ({typ}) must be invalid: {got:?}"
                );
                continue;
            }
            let (kind, synthetic) = expected(typ, sub)
                .unwrap_or_else(|| panic!("unmapped sub-kind {sub}"));
            assert_eq!(got.len(), 1, "{input}: {got:?}");
            assert_eq!(got[0].kind, kind, "{input}");
            assert_eq!(
                got[0].flags.contains(Flags::SYNTHETIC),
                synthetic,
                "{input}"
            );
            assert_eq!(
                got[0].flags.contains(Flags::TEMPORARY),
                sub == "temporary",
                "{input}"
            );
            // The 2032 profile is ours; the legacy column says whether the
            // number needs the new rule.
            if typ == "no_fnr" {
                let legacy =
                    v["results"]["legacy"]["valid"].as_bool().unwrap();
                assert_eq!(
                    got[0].flags.contains(Flags::NEW_RULE),
                    !legacy && kind != Kind::NoFhnr,
                    "{input}"
                );
            }
        }
        assert_eq!(checked, 112, "personal vectors checked");
    }

    #[test]
    fn look_alike_vectors_stay_silent() {
        let doc: serde_json::Value = serde_json::from_str(JSON).unwrap();
        let as_of: Date = doc["as_of"].as_str().unwrap().parse().unwrap();
        let sc = Scanner::builder().reference_date(as_of).build().unwrap();
        let low = sc.with_min_confidence(Confidence::Low);
        let all = Scanner::builder()
            .kind_names(["all"])
            .reference_date(as_of)
            .build()
            .unwrap();
        let mut checked = 0;
        for v in doc["vectors"].as_array().unwrap() {
            let typ = v["type"].as_str().unwrap();
            let (label, own) = match typ {
                "no_orgnr" => ("Org.nr.", Some(Kind::NoOrgnr)),
                "no_kontonr" => ("Kontonr.", Some(Kind::BankAccount)),
                "no_kid" => ("KID:", None),
                "dk_cvr" => ("CVR-nr.", Some(Kind::DkCvr)),
                "se_orgnr" => ("Organisationsnummer", Some(Kind::SeOrgnr)),
                "fi_ytunnus" => ("Y-tunnus", Some(Kind::FiYtunnus)),
                "iban" => ("IBAN", Some(Kind::Iban)),
                _ => continue,
            };
            if !v["results"]["default"]["valid"].as_bool().unwrap() {
                continue;
            }
            let input = v["input"].as_str().unwrap();
            let text = format!("{label} {input} betales");
            // Never an ID; with its label, its own kind (IDS.md §6) when
            // it is not itself a valid fødselsnummer.
            let found: Vec<_> = sc.find_iter(&text).collect();
            assert!(
                found.iter().all(|m| !m.kind().is_national_id()),
                "{text}: {found:?}"
            );
            let own_found: Vec<_> = all.find_iter(&text).collect();
            if input == "01018000055" {
                assert!(own_found.is_empty(), "{text}: {own_found:?}");
            } else {
                let want: Vec<_> = own
                    .map(|k| (k, text.find(input).unwrap()))
                    .into_iter()
                    .collect();
                let got: Vec<_> =
                    own_found.iter().map(|m| (m.kind(), m.start())).collect();
                assert_eq!(got, want, "{text}");
                if let Some(m) = own_found.first() {
                    assert_eq!(m.confidence(), Confidence::High, "{text}");
                }
            }
            // Bare, only a number that is itself a valid fødselsnummer
            // (every one is a valid account number too, docs/rules.md §6.2) may
            // be reported as an ID; with its label it drops below the
            // threshold.
            let bare: Vec<_> = low
                .find_iter(input)
                .filter(|m| m.kind().is_national_id())
                .collect();
            if input == "01018000055" {
                assert_eq!(bare.len(), 1);
                assert_eq!(bare[0].kind(), Kind::NoFnr);
                let l: Vec<_> = low.find_iter(&text).collect();
                assert_eq!(l[0].confidence(), Confidence::Low);
                assert!(l[0].flags().contains(Flags::NEGATIVE_CONTEXT));
            } else {
                assert!(bare.is_empty(), "{input}: {bare:?}");
            }
            checked += 1;
        }
        assert_eq!(checked, 24, "valid look-alike vectors checked");
    }
}

#[cfg(test)]
mod skipping {
    //! The prefilter only saves work: a search that visits every digit
    //! finds exactly what the fast search finds.

    use super::*;
    use crate::date::Date;
    use crate::prefilter::{find_scalar, soup};

    fn slow(sc: &Scanner, h: &[u8]) -> Vec<Match> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(m) =
            sc.find_with(h, pos, sc.min_confidence, &mut find_scalar)
        {
            out.push(m);
            pos = m.end();
        }
        out
    }

    #[test]
    fn fast_search_finds_what_visiting_every_digit_finds() {
        let today = Date::new(2026, 6, 1).unwrap();
        // The ID pass alone: the other passes have their own tests.
        let scanners = [
            Scanner::builder()
                .kind_names(["ids"])
                .reference_date(today)
                .build()
                .unwrap(),
            Scanner::builder()
                .kind_names(["ids"])
                .reference_date(today)
                .min_confidence(Confidence::Low)
                .build()
                .unwrap(),
        ];
        let mut found = 0;
        for seed in 0..3000u64 {
            let h = soup(seed, 1 + (seed as usize * 13) % 400);
            for sc in &scanners {
                let fast: Vec<Match> = sc.find_iter(&h).collect();
                assert_eq!(fast, slow(sc, &h), "seed {seed}");
                found += fast.len();
            }
        }
        // The soups hold findings, so the comparison has something to
        // compare.
        assert!(found > 1000, "{found}");
    }
}
