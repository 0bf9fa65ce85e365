//! Property tests of the contact, financial and organisation kinds: a
//! value generated from the rules (`examples/contact_gen`, written apart
//! from the crate's validators), planted in random filler with its label
//! or without, is found with its exact span and kind; the redacted output,
//! re-scanned at `low`, holds nothing; and every pass is
//! position-determined (`find_at(h, m.start())` gives `m` back).

#[path = "../examples/contact_gen/mod.rs"]
mod contact_gen;

use contact_gen::{Rng, filler, label, look_alike, value};
use detect_core::{Confidence, Kind, RedactStyle, Scanner};
use proptest::prelude::*;

/// Every kind with a number or an address to plant: the filler's words
/// hold names and terms, which their own tests cover.
fn all(min: Confidence) -> Scanner {
    Scanner::builder()
        .kind_names(["ids", "contact", "financial", "organisations"])
        .min_confidence(min)
        .build()
        .unwrap()
}

const KINDS: &[Kind] = &[
    Kind::Email,
    Kind::Phone,
    Kind::Address,
    Kind::Iban,
    Kind::BankAccount,
    Kind::PaymentCard,
    Kind::NoOrgnr,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn planted_values_are_found(seed in any::<u64>(), k in 0usize..7, labelled in any::<bool>()) {
        let mut r = Rng(seed);
        let kind = KINDS[k];
        let v = value(&mut r, kind);
        let mut text = String::new();
        let n = r.range(1, 6) as usize;
        filler(&mut r, n, &mut text);
        text.push(' ');
        if labelled || v.needs_label {
            text.push_str(label(&mut r, kind));
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&v.text);
        let end = text.len();
        text.push_str(", ");
        let n = r.range(1, 6) as usize;
        filler(&mut r, n, &mut text);
        let sc = all(Confidence::Medium);
        // A value that is also a national ID is the ID's (an Icelandic
        // company number can read as a Swedish personnummer).
        prop_assume!(!Kind::ALL
            .iter()
            .any(|&k| k.is_national_id() && sc.validate(k, v.text.as_str())));
        let found: Vec<_> = sc.find_iter(&text).collect();
        prop_assert_eq!(found.len(), 1, "{:?} in {:?}", found, text);
        let m = found[0];
        prop_assert_eq!((m.kind(), m.start(), m.end()), (v.kind, start, end), "{}", text);
    }

    #[test]
    fn look_alikes_stay_silent(seed in any::<u64>()) {
        let mut r = Rng(seed);
        let mut text = String::new();
        filler(&mut r, 3, &mut text);
        text.push(' ');
        text.push_str(&look_alike(&mut r));
        text.push(' ');
        filler(&mut r, 3, &mut text);
        let found: Vec<_> = all(Confidence::Medium).find_iter(&text).collect();
        prop_assert!(found.is_empty(), "{:?} in {:?}", found, text);
    }

    #[test]
    fn redacted_output_holds_nothing(seed in any::<u64>(), items in 1usize..8) {
        let mut r = Rng(seed);
        let mut text = String::new();
        for _ in 0..items {
            filler(&mut r, 3, &mut text);
            text.push(' ');
            let kind = *r.pick(KINDS);
            if r.chance(1, 2) {
                text.push_str(label(&mut r, kind));
                text.push(' ');
            }
            text.push_str(&value(&mut r, kind).text);
            text.push(' ');
            if r.chance(1, 2) {
                text.push_str(&look_alike(&mut r));
            }
            text.push_str(". ");
        }
        let low = all(Confidence::Low);
        for style in [RedactStyle::Mask, RedactStyle::KeepBirthdate] {
            let out = low.redact(text.as_bytes(), style);
            let again: Vec<_> = low.find_iter(&out).collect();
            prop_assert!(again.is_empty(), "{:?} in {:?}", again, String::from_utf8_lossy(&out));
        }
    }

    #[test]
    fn findings_are_position_determined(seed in any::<u64>(), items in 1usize..8) {
        let mut r = Rng(seed);
        let mut text = String::new();
        for _ in 0..items {
            filler(&mut r, 2, &mut text);
            text.push(' ');
            let kind = *r.pick(KINDS);
            text.push_str(label(&mut r, kind));
            text.push(' ');
            text.push_str(&value(&mut r, kind).text);
            text.push(' ');
            text.push_str(&look_alike(&mut r));
            text.push(' ');
        }
        let low = all(Confidence::Low);
        let h = text.as_bytes();
        for m in low.find_iter(h) {
            prop_assert_eq!(low.find_at(h, m.start()), Some(m));
            // A search from inside a finding finds nothing that starts
            // before its end, and the next finding after it.
            let next = low.find_at(h, m.end());
            prop_assert!(next.is_none_or(|n| n.start() >= m.end()));
        }
    }
}
