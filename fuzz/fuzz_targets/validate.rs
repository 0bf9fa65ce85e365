//! `validate`: `Scanner::validate` agrees, for every kind, with the slow
//! reference validators of `sladd_fuzz::reference`, written from IDS.md.
//!
//! The input is a structured identifier (`IdInput`: a written form,
//! digits, separators, optional date shaping and check-digit repair),
//! followed by optional raw bytes that are validated too. A value the
//! reference finds valid (other than an Icelandic system number, which
//! needs context) must also be found, whole, by a `low` scanner.

#![no_main]

use core::fmt;

use detect_core::{Confidence, Group, Kind, Scanner};
use libfuzzer_sys::{Corpus, fuzz_target};
use sladd_fuzz::idform::IdInput;
use sladd_fuzz::{Lit, reference};

#[derive(arbitrary::Arbitrary)]
struct Input<'a> {
    id: IdInput,
    raw: &'a [u8],
}

impl fmt::Debug for Input<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:?}", self.id)?;
        write!(f, "let raw: &[u8] = {:?};", Lit(self.raw))
    }
}

fn check(sc: &Scanner, value: &[u8]) {
    let today = sc.reference_date();
    let want = reference::valid_kinds(value, today);
    for k in Group::Ids.kinds() {
        assert_eq!(
            sc.validate(k, value),
            want.contains(&k),
            "validate({k}, {:?}); reference: {want:?}; readings: {:?}",
            Lit(value),
            reference::readings(value)
        );
    }
    // Found by a scan too, as the whole trimmed value.
    // An Icelandic system number is reported only with a keyword.
    let system = reference::is_system(value);
    if want.iter().any(|&k| k != Kind::IsKt || !system) {
        let low = sc.with_min_confidence(Confidence::Low);
        let ms: Vec<_> = low.find_iter(value).collect();
        let start = value.len() - value.trim_ascii_start().len();
        let end = value.trim_ascii_end().len();
        assert_eq!(ms.len(), 1, "{:?}: {ms:?}", Lit(value));
        assert_eq!(ms[0].range(), start..end, "{:?}", Lit(value));
        assert!(want.contains(&ms[0].kind()), "{:?}: {ms:?}", Lit(value));
    }
}

fuzz_target!(|input: Input<'_>| -> Corpus {
    if input.raw.len() > 256 {
        return Corpus::Reject;
    }
    let sc = Scanner::builder()
        .reference_date(input.id.today())
        .build()
        .expect("valid options");
    check(&sc, &input.id.value());
    if !input.raw.is_empty() {
        check(&sc, input.raw);
    }
    Corpus::Keep
});
