//! The contact, financial and organisation passes as they were before the
//! speed work of issue 14, kept for the tests only: the reference the
//! current passes must agree with, finding for finding, on generated text
//! (`equivalence` below).

#![allow(dead_code)]

pub(crate) mod contact;
pub(crate) mod financial;
pub(crate) mod num;
pub(crate) mod orgs;

use super::TextPass;

/// The reference passes, in the order the scanner ran them.
pub(crate) fn passes() -> Vec<Box<dyn TextPass>> {
    vec![
        Box::new(contact::EmailPass),
        Box::new(contact::ContactPass),
        Box::new(financial::FinancialPass),
        Box::new(orgs::OrgPass),
    ]
}

#[cfg(test)]
#[path = "../../../examples/contact_gen/mod.rs"]
mod contact_gen;

#[cfg(test)]
mod equivalence {
    //! The current passes against the reference: the same findings (kind,
    //! confidence, flags, span) for every choice of kinds, from every
    //! start position on short texts, and the same `explain` verdicts, on
    //! the labelled corpus of `examples/contact_gen`, on splices of it and
    //! on a token soup built to reach the corners (separators, prefixes,
    //! labels, street words, non-ASCII letters, fullwidth digits).

    use super::contact_gen::{self, Rng};

    use crate::kind::{Confidence, Group, Kind, KindSet};
    use crate::scanner::{Match, Scanner};

    fn scanners(kinds: KindSet) -> (Scanner, Scanner) {
        let base = Scanner::builder()
            .kinds(kinds.iter())
            .min_confidence(Confidence::Low)
            .build()
            .unwrap();
        (
            base.with_passes(super::passes()),
            base.with_passes(crate::text::digit_passes()),
        )
    }

    /// The kind sets compared: every group and kind alone, with the ID
    /// kinds and without, and the usual combinations.
    fn kind_sets() -> Vec<KindSet> {
        let text_kinds: Vec<Kind> = KindSet::ALL
            .iter()
            .filter(|k| {
                matches!(
                    k.group(),
                    Group::Contact | Group::Financial | Group::Organisations
                )
            })
            .collect();
        let mut sets = vec![
            KindSet::ALL,
            KindSet::of_iter(
                KindSet::ALL
                    .iter()
                    .filter(|k| k.group() != Group::Organisations),
            ),
            KindSet::of_iter(KindSet::ALL.iter().filter(|k| {
                matches!(k.group(), Group::Ids | Group::Contact)
                    || k.group() == Group::Financial
            })),
        ];
        for g in [Group::Contact, Group::Financial, Group::Organisations] {
            let of = KindSet::of_iter(
                text_kinds.iter().copied().filter(|k| k.group() == g),
            );
            sets.push(of);
            sets.push(KindSet::of_iter(of.iter().chain(KindSet::IDS.iter())));
        }
        for &k in &text_kinds {
            sets.push(KindSet::of(&[k]));
            sets.push(KindSet::of_iter(
                core::iter::once(k).chain(KindSet::IDS.iter()),
            ));
        }
        // Kinds of two passes, without every ID kind (the other `id_at`).
        sets.push(KindSet::of(&[
            Kind::Phone,
            Kind::BankAccount,
            Kind::NoOrgnr,
            Kind::NoFnr,
        ]));
        sets
    }

    fn all(sc: &Scanner, h: &[u8]) -> Vec<Match> {
        sc.find_iter(h).collect()
    }

    /// Pieces the soup is made of.
    const PIECES: &[&str] = &[
        " ",
        " ",
        " ",
        " ",
        ", ",
        ". ",
        ": ",
        "; ",
        "\n",
        "-",
        ".",
        "/",
        "+",
        "(",
        ")",
        "(+46) ",
        "+47 ",
        "0047 ",
        "+358 ",
        "(0)",
        "(08) ",
        "*",
        "@",
        ",-",
        "%",
        "kr ",
        " kr",
        "NOK ",
        "€",
        "$",
        "0",
        "1",
        "4",
        "7",
        "9",
        "12",
        "22",
        "47",
        "070",
        "040",
        "09",
        "2024",
        "0150",
        "4320",
        "114 55",
        "8601",
        "1234",
        "56",
        "78903",
        "1117947",
        "22 33 44 55",
        "4111 1111 1111 1111",
        "4111111111111111",
        "378282246310005",
        "5019",
        "6759",
        "8327-9",
        "1234.56.78903",
        "8601.11.17947",
        "86011117947",
        "01018000055",
        "010180 00055",
        "988077917",
        "988 077 917",
        "556036-0793",
        "16556036-0793",
        "1234567-1",
        "25/6798",
        "02.07.2016",
        "3 952 959,92",
        "1 565 105",
        "14,0",
        "NO93 8601 1117 947",
        "NO9386011117947",
        "GB82WEST12345698765432",
        "DK50 0040 0440 1162 43",
        "NO",
        "DK",
        "DK-",
        "SE",
        "FI",
        "MVA",
        "IBAN",
        "tlf",
        "Tlf.",
        "telefon",
        "mobil",
        "ring",
        "e-post",
        "konto",
        "kontonr.",
        "Kontonummer",
        "reg.nr.",
        "kort",
        "Visa",
        "org.nr.",
        "CVR",
        "Y-tunnus",
        "KID",
        "fnr",
        "saksnr.",
        "adresse",
        "bor i",
        "gnr.",
        "nr.",
        "Storgata",
        "Kirkevn.",
        "Storgt.",
        "gate",
        "Kong Oscars gate",
        "Frederiksberg Allé",
        "Øvre Slottsgate",
        "Mannerheimintie",
        "Sveavägen",
        "Holmen",
        "gt.",
        "12B",
        "4 tv.",
        "3. sal",
        "st. th.",
        "C 12",
        "H0201",
        "lgh 1102",
        "Oslo",
        "Bergen",
        "København K",
        "Reykjavík",
        "SE-",
        "øst",
        "søknad",
        "år",
        "og",
        "kari@bø.kommune.no",
        "ola.nordmann+sak@example.com",
        "https://",
        "x@y",
        "ÅSE",
        "é",
        "\u{a0}",
        "\u{2011}",
        "\u{2009}",
        "\u{ff11}",
        "\u{ff10}",
        "a",
        "B",
        "x",
    ];

    fn soup(r: &mut Rng, len: usize) -> String {
        let mut s = String::new();
        while s.len() < len {
            s.push_str(r.pick::<&str>(PIECES));
        }
        s
    }

    /// Random slices of the labelled corpus, glued together: values cut
    /// in the middle, labels before the wrong number.
    fn splices(r: &mut Rng, src: &str, len: usize) -> String {
        let mut s = String::new();
        while s.len() < len {
            let a = r.below(src.len() as u64) as usize;
            let b = (a + r.range(1, 60) as usize).min(src.len());
            if let Some(piece) = src.get(a..b) {
                s.push_str(piece);
                if r.chance(1, 3) {
                    s.push_str(r.pick::<&str>(PIECES));
                }
            }
        }
        s
    }

    fn texts() -> Vec<String> {
        let mut r = Rng(0x005e_ed14);
        let (corpus, _) = contact_gen::corpus(14, 3000);
        let mut out = vec![contact_gen::prose(15, 400_000)];
        out.push(splices(&mut r, &corpus, 400_000));
        for _ in 0..80 {
            out.push(soup(&mut r, 5_000));
        }
        out.push(corpus);
        out
    }

    #[test]
    fn the_same_findings_as_the_reference() {
        let texts = texts();
        let mut found = 0;
        for kinds in kind_sets() {
            let (old, new) = scanners(kinds);
            for t in &texts {
                let a = all(&old, t.as_bytes());
                found += a.len();
                assert_eq!(a, all(&new, t.as_bytes()), "kinds {kinds:?}");
            }
        }
        // The texts reach the passes: a comparison of nothing proves
        // nothing.
        assert!(found > 40_000, "{found} findings compared");
    }

    #[test]
    fn the_same_first_finding_from_every_position() {
        let mut r = Rng(0x14_14);
        let mut texts: Vec<String> =
            (0..60).map(|_| soup(&mut r, 400)).collect();
        let (corpus, _) = contact_gen::corpus(16, 200);
        texts.extend((0..20).map(|_| splices(&mut r, &corpus, 400)));
        let mut some = 0;
        for kinds in [KindSet::ALL, kind_sets()[2]] {
            let (old, new) = scanners(kinds);
            for t in &texts {
                for from in 0..=t.len() {
                    let a = old.find_at(t.as_bytes(), from);
                    some += usize::from(a.is_some());
                    assert_eq!(
                        a,
                        new.find_at(t.as_bytes(), from),
                        "{t:?} from {from}"
                    );
                }
            }
        }
        assert!(some > 10_000, "{some}");
    }

    #[test]
    fn the_same_label_classes_as_the_reference() {
        // Every label word, cut, extended and inside compounds, and the
        // words of the generated texts.
        let mut words: Vec<Vec<u8>> = Vec::new();
        for (t, _, _) in super::num::LABELS {
            let t = t.as_bytes();
            for cut in 0..=t.len() {
                words.push(t[..cut].to_vec());
                words.push(t[cut..].to_vec());
            }
            for pre in [&b""[..], b"jobb", b"k", b"xx"] {
                for post in [&b""[..], b"s", b"nummer", b"et"] {
                    words.push([pre, t, post].concat());
                }
            }
        }
        for t in texts() {
            for w in
                t.split(|c: char| !c.is_alphabetic() && c != '.' && c != '-')
            {
                let mut buf = [0; 40];
                words.push(super::num::lower(w.as_bytes(), &mut buf).to_vec());
            }
        }
        let mut labels = 0;
        for w in &words {
            let a = super::num::classify(w);
            labels += usize::from(a != super::num::Label::None);
            assert_eq!(
                format!("{a:?}"),
                format!("{:?}", crate::text::num::classify(w)),
                "{:?}",
                String::from_utf8_lossy(w)
            );
        }
        assert!(labels > 1000, "{labels}");
    }

    #[test]
    fn the_same_verdicts_as_the_reference() {
        let (old, new) = scanners(KindSet::ALL);
        let mut r = Rng(0x14_15);
        let (corpus, truth) = contact_gen::corpus(17, 2000);
        let kinds: Vec<Kind> = KindSet::ALL
            .iter()
            .filter(|k| {
                matches!(
                    k.group(),
                    Group::Contact | Group::Financial | Group::Organisations
                )
            })
            .collect();
        let mut values: Vec<&str> =
            truth.iter().map(|t| &corpus[t.start..t.end]).collect();
        let soup: Vec<String> = (0..2000).map(|_| soup(&mut r, 20)).collect();
        values.extend(soup.iter().map(String::as_str));
        let mut ok = 0;
        for v in values {
            for &k in &kinds {
                let a = old.explain(k, v);
                ok += usize::from(a.is_ok());
                assert_eq!(a, new.explain(k, v), "{k:?} {v:?}");
            }
        }
        assert!(ok > 1000, "{ok}");
    }
}
