//! Table-driven tests: per kind, the written forms and variants that must
//! be found, and the look-alikes of docs/rules.md §6 that must stay silent. Every
//! number is synthetic (built from the rules) or a published example.

mod common;

use common::as_of;
use detect_core::{Confidence, Flags, Kind, Scanner};

/// `(text, [(kind, confidence, matched text)])`, scanned at `low`.
type Case =
    (&'static str, &'static [(&'static str, &'static str, &'static str)]);

fn check(group: &str, cases: &[Case]) {
    // The ID kinds: the contact, financial and organisation kinds have
    // their own tables (`tests/contact.rs`).
    let sc = Scanner::builder()
        .kind_names(["ids"])
        .reference_date(as_of())
        .kind_names(["ids"])
        .min_confidence(Confidence::Low)
        .build()
        .unwrap();
    for (text, want) in cases {
        let got: Vec<(String, String, String)> = sc
            .find_iter(text)
            .map(|m| {
                (
                    m.kind().to_string(),
                    m.confidence().to_string(),
                    text[m.range()].to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(k, c, t)| (k.to_string(), c.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want, "{group}: {text:?}");
    }
}

#[test]
fn norway() {
    check(
        "NO",
        &[
            ("01018000055", &[("no_fnr", "medium", "01018000055")]),
            ("fnr. 010180 00055", &[("no_fnr", "high", "010180 00055")]),
            (
                "Fødselsnummeret er 010180-00055.",
                &[("no_fnr", "high", "010180-00055")],
            ),
            (
                "fnr 010180\u{a0}00055",
                &[("no_fnr", "high", "010180\u{a0}00055")],
            ),
            (
                "fnr 010180\u{2011}00055",
                &[("no_fnr", "high", "010180\u{2011}00055")],
            ),
            ("fnr 010180 000 55", &[("no_fnr", "high", "010180 000 55")]),
            // D-, H-nummer, Tenor synthetic, FH-nummer.
            ("D-nummer 41019000077", &[("no_dnr", "high", "41019000077")]),
            ("41019000077", &[("no_dnr", "medium", "41019000077")]),
            ("01418000038", &[("no_hnr", "medium", "01418000038")]),
            ("01818500005", &[("no_fnr", "medium", "01818500005")]),
            ("81234560077", &[("no_fhnr", "low", "81234560077")]),
            ("FH-nummer 81234560077", &[("no_fhnr", "high", "81234560077")]),
            ("pasient 81234560077", &[("no_fhnr", "high", "81234560077")]),
            // The 2032 rule before 2032: weak.
            ("30108299939", &[("no_fnr", "low", "30108299939")]),
            ("fnr 30108299939", &[("no_fnr", "medium", "30108299939")]),
            ("30108299920", &[("no_fnr", "medium", "30108299920")]),
            // DUF-nummer: only with context above low.
            (
                "DUF-nummer 2019 123456 06",
                &[("no_duf", "high", "2019 123456 06")],
            ),
            ("DUF 201912345606", &[("no_duf", "high", "201912345606")]),
            ("ref 2019 123456 06", &[("no_duf", "low", "2019 123456 06")]),
            // Written with a four-digit year, or apart from its date.
            ("01011980 00055", &[("no_fnr", "medium", "01011980 00055")]),
            (
                "født 01.01.1980 00055",
                &[("no_fnr", "high", "01.01.1980 00055")],
            ),
            (
                "født 01.01.1980, personnummer 00055",
                &[("no_fnr", "high", "00055")],
            ),
            ("født 01.01.1980, saksnr 00055", &[]),
            // A typo right after a label: low; elsewhere nothing.
            ("fnr: 01018000056", &[("no_fnr", "low", "01018000056")]),
            ("01018000056", &[]),
            // Bad date, bad month marker.
            ("31048000048", &[]),
            ("01218000041", &[]),
            // Negative context lowers; a glued country code or letters block.
            ("kontonr. 15038010015", &[("no_fnr", "low", "15038010015")]),
            ("+4701018000055", &[]),
            ("x01018000055", &[]),
            ("NO0101800005512", &[]),
            ("https://example.org/sak/01018000055", &[]),
            ("1,01018000055", &[("no_fnr", "medium", "01018000055")]),
            ("0.01018000055", &[]),
            ("01018000055.5", &[]),
            ("23/01234-5 01018000055", &[("no_fnr", "medium", "01018000055")]),
            // Fullwidth digits.
            (
                "fnr ０１０１８００００５５",
                &[("no_fnr", "high", "０１０１８００００５５")],
            ),
        ],
    );
}

#[test]
fn denmark() {
    check(
        "DK",
        &[
            ("CPR-nr. 010180-1004", &[("dk_cpr", "high", "010180-1004")]),
            ("cpr.nr.: 0101801004", &[("dk_cpr", "high", "0101801004")]),
            ("CPR-nummeret 010180 1004", &[("dk_cpr", "high", "010180 1004")]),
            // No modulus 11: on a listed 1 January, strong; elsewhere weak.
            ("010165-3000", &[("dk_cpr", "medium", "010165-3000")]),
            ("1703831000", &[("dk_cpr", "low", "1703831000")]),
            ("CPR 1703831000", &[("dk_cpr", "medium", "1703831000")]),
            ("290200-0006", &[]),
            ("CPR 1506364007", &[]),
            ("CPR 6701801006", &[]),
            ("P-nr. 0101801004", &[("dk_cpr", "low", "0101801004")]),
        ],
    );
}

#[test]
fn sweden() {
    check(
        "SE",
        &[
            ("personnummer 811218-9876", &[("se_pnr", "high", "811218-9876")]),
            ("811218-9876", &[("se_pnr", "medium", "811218-9876")]),
            ("19811218-9876", &[("se_pnr", "medium", "19811218-9876")]),
            ("198112189876", &[("se_pnr", "medium", "198112189876")]),
            ("121212+1212", &[("se_pnr", "medium", "121212+1212")]),
            (
                "samordningsnummer 701063-2391",
                &[("se_snr", "high", "701063-2391")],
            ),
            ("960065-2433", &[("se_snr", "medium", "960065-2433")]),
            ("0707767612", &[("se_snr", "low", "0707767612")]),
            ("850709-0002", &[]),
            ("880320-0018", &[]),
            ("171212121212", &[]),
            // Organisationsnummer: third digit >= 2, never a date.
            ("Org.nr 556036-0793", &[]),
            ("212000-0142", &[]),
            // `clearing` labels 3300, not the personnummer after it
            // (docs/rules.md §7.3), which a Nordea personkonto is (§3.4).
            (
                "clearing 3300 811218-9876",
                &[("se_pnr", "medium", "811218-9876")],
            ),
            ("clearing 811218-9876", &[("se_pnr", "low", "811218-9876")]),
        ],
    );
}

#[test]
fn finland() {
    check(
        "FI",
        &[
            (
                "henkilötunnus 131052-308T",
                &[("fi_hetu", "high", "131052-308T")],
            ),
            ("131052-308T", &[("fi_hetu", "medium", "131052-308T")]),
            ("hetu: 010190Y123M", &[("fi_hetu", "high", "010190Y123M")]),
            ("311299+0029", &[("fi_hetu", "medium", "311299+0029")]),
            ("290200A899A", &[("fi_hetu", "medium", "290200A899A")]),
            ("150623B010S", &[("fi_hetu", "medium", "150623B010S")]),
            ("010594Y9032", &[("fi_hetu", "low", "010594Y9032")]),
            ("HETU 010594Y9032", &[("fi_hetu", "medium", "010594Y9032")]),
            ("131052-308t", &[("fi_hetu", "low", "131052-308t")]),
            (
                "131052\u{2010}308T",
                &[("fi_hetu", "medium", "131052\u{2010}308T")],
            ),
            ("131052-308U", &[]),
            ("010190G1234", &[]),
            ("131052 308T", &[]),
            ("Y-tunnus 2077474-0", &[]),
        ],
    );
}

#[test]
fn iceland() {
    check(
        "IS",
        &[
            ("kt. 120160-3389", &[("is_kt", "high", "120160-3389")]),
            ("(kt. 120160-3389)", &[("is_kt", "high", "120160-3389")]),
            ("kennitölu 1201743399", &[("is_kt", "high", "1201743399")]),
            ("kt. 1505852029", &[("is_kt", "medium", "1505852029")]),
            ("kt. 8923501739", &[("is_kt", "medium", "8923501739")]),
            ("8923501739", &[]),
            // Companies (day + 40) are not personal.
            ("kt. 450401-3150", &[]),
            ("kt. 3201743399", &[]),
            // Not a kennitala (century digit 7); a Danish reading is weakened
            // by the Icelandic label.
            ("kt. 0101802017", &[("dk_cpr", "low", "0101802017")]),
        ],
    );
}

#[test]
fn look_alikes_stay_silent() {
    check(
        "look-alikes",
        &[
            ("Kontonummer 1503.80.10015", &[]),
            ("Konto 1503 80 10015", &[]),
            ("Betales til 8601.11.17947, KID 00000000124", &[]),
            ("IBAN NO93 8601 1117 947", &[]),
            ("NO9386011117947", &[]),
            ("IS14 0159 2600 7654 5510 7303 39", &[]),
            ("Org.nr. 988 077 917", &[]),
            ("NO 995 525 828 MVA", &[]),
            ("CVR-nr. 13585628", &[]),
            ("tlf +47 912 34 567", &[]),
            ("+46 70 123 45 67", &[]),
            ("Saksnr. 23/01234-5, journalpost 2023/1234", &[]),
            ("Dato 01.02.2023, beløp kr 12 500,-", &[]),
            ("SE 556036-0793 01", &[]),
        ],
    );
}

#[test]
fn flags_explain_the_finding() {
    let sc = Scanner::builder()
        .reference_date(as_of())
        .min_confidence(Confidence::Low)
        .build()
        .unwrap();
    let one = |t: &str| sc.find_iter(t).next().unwrap();
    let f = one("fnr 010180 00055").flags();
    for want in
        [Flags::CHECKSUM, Flags::DATE_VALID, Flags::CONTEXT, Flags::SEPARATOR]
    {
        assert!(f.contains(want), "{f:?}");
    }
    assert!(one("01818500005").flags().contains(Flags::SYNTHETIC));
    assert!(one("010594Y9032").flags().contains(Flags::TEMPORARY));
    assert!(one("30108299939").flags().contains(Flags::NEW_RULE));
    assert!(one("131052-308t").flags().contains(Flags::LOWERCASE));
    assert!(one("fnr: 01018000056").flags().contains(Flags::CHECKSUM_FAILED));
    assert!(!one("fnr: 01018000056").flags().contains(Flags::CHECKSUM));
    assert!(
        one("konto 01018000055").flags().contains(Flags::NEGATIVE_CONTEXT)
    );
    assert!(!one("01018000055").flags().contains(Flags::SEPARATOR));
}

#[test]
fn the_2032_rule_is_strong_from_2032() {
    let later = detect_core::Date::new(2032, 6, 1).unwrap();
    let sc = Scanner::builder().reference_date(later).build().unwrap();
    let m = sc.find_iter("30108299939").next().unwrap();
    assert_eq!(m.kind(), Kind::NoFnr);
    assert_eq!(m.confidence(), Confidence::Medium);
    assert!(m.flags().contains(Flags::NEW_RULE));
}

#[test]
fn kinds_and_countries_filter() {
    let only_se = Scanner::builder().country_names(["se"]).build().unwrap();
    assert_eq!(only_se.find_iter("fnr 01018000055, 811218-9876").count(), 1);
    let only_no = Scanner::builder().kinds([Kind::NoFnr]).build().unwrap();
    assert_eq!(only_no.find_iter("41019000077 01018000055").count(), 1);
}

#[test]
fn builder_errors_name_the_value() {
    let e = Scanner::builder().kind_names(["no_fnr", "se_xx"]).build();
    assert!(e.unwrap_err().to_string().contains("\"se_xx\""));
    let e = Scanner::builder().country_names(["de"]).build();
    assert!(e.unwrap_err().to_string().contains("\"de\""));
    let e = Scanner::builder().context_window(0, 20).build();
    assert!(e.unwrap_err().to_string().contains("0 characters before"));
    let e = Scanner::builder().context_window(40, 5000).build();
    assert!(e.is_err());
    let e =
        Scanner::builder().kinds([Kind::NoFnr]).country_names(["dk"]).build();
    assert!(e.unwrap_err().to_string().contains("nothing"));
}

/// `validate` is one rule for every kind: the scanner's choice of kinds
/// and countries plays no part, so a scanner that detects only Norwegian
/// numbers still validates a Danish, Swedish, Finnish or Icelandic one.
#[test]
fn validate_ignores_the_scanners_kinds_for_every_kind() {
    let valid: &[(Kind, &str)] = &[
        (Kind::NoFnr, "01018000055"),
        (Kind::NoDnr, "41019000077"),
        (Kind::NoHnr, "01418000038"),
        (Kind::NoFhnr, "81234560077"),
        (Kind::NoDuf, "201912345606"),
        (Kind::DkCpr, "010180-1004"),
        (Kind::SePnr, "811218-9876"),
        (Kind::SeSnr, "701063-2391"),
        (Kind::FiHetu, "131052-308T"),
        (Kind::IsKt, "120160-3389"),
    ];
    let all = Scanner::builder().reference_date(as_of()).build().unwrap();
    let mut filtered = vec![all.clone()];
    for c in ["no", "dk", "se", "fi", "is"] {
        let sc = Scanner::builder()
            .reference_date(as_of())
            .country_names([c])
            .build()
            .unwrap();
        filtered.push(sc);
    }
    for g in ["names", "contact", "sensitive", "organisations"] {
        let sc = Scanner::builder()
            .reference_date(as_of())
            .kind_names([g])
            .build()
            .unwrap();
        filtered.push(sc);
    }
    for &(kind, value) in valid {
        assert!(all.validate(kind, value), "{kind} {value}");
        for sc in &filtered {
            assert!(sc.validate(kind, value), "{kind} {value} with {sc:?}");
            // And still nothing else: the rules of other kinds hold as
            // they do for the unfiltered scanner.
            for &other in Kind::ALL {
                assert_eq!(
                    sc.validate(other, value),
                    all.validate(other, value),
                    "{other} {value} with {sc:?}"
                );
            }
        }
    }
}
