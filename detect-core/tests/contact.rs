//! Table-driven tests of the contact, financial and organisation kinds:
//! per kind, the written forms and groupings that must be found, the
//! look-alikes that must stay silent, and how each kind meets the ID kinds
//! in one text. Every number is synthetic (built from the rules) or a
//! published example (docs/rules-contact.md).

mod common;

use common::as_of;
use detect_core::{Confidence, Kind, Scanner};

/// `(text, [(kind, confidence, matched text)])`, scanned at `low` with
/// every kind.
type Case =
    (&'static str, &'static [(&'static str, &'static str, &'static str)]);

fn scanner() -> Scanner {
    Scanner::builder()
        .kind_names(["all"])
        .reference_date(as_of())
        .min_confidence(Confidence::Low)
        .build()
        .unwrap()
}

fn check(group: &str, cases: &[Case]) {
    let sc = scanner();
    let mut failures = Vec::new();
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
        if got != want {
            failures
                .push(format!("{text:?}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{group}:\n{}", failures.join("\n"));
}

#[test]
fn email() {
    check(
        "email",
        &[
            (
                "Send til kari.nordmann@example.no.",
                &[("email", "medium", "kari.nordmann@example.no")],
            ),
            (
                "e-post: ola+klage@post.example.com",
                &[("email", "high", "ola+klage@post.example.com")],
            ),
            (
                "E-post: per-ivar_o@bø.kommune.no, takk",
                &[("email", "high", "per-ivar_o@bø.kommune.no")],
            ),
            ("(anna@example.se)", &[("email", "medium", "anna@example.se")]),
            (
                "<jussi@example.fi>;",
                &[("email", "medium", "jussi@example.fi")],
            ),
            (
                "mailto:sigga@example.is?subject=x",
                &[("email", "high", "sigga@example.is")],
            ),
            (
                "«åse.ærø@eksempel.dk»",
                &[("email", "medium", "åse.ærø@eksempel.dk")],
            ),
            (
                "skriv til post@xn--b-5ga.no i dag",
                &[("email", "medium", "post@xn--b-5ga.no")],
            ),
            // Look-alikes.
            ("https://kari:hemmelig@example.no/sti", &[]),
            ("https://bruker@example.no", &[]),
            ("følg @kari_nordmann og @bø", &[]),
            ("kari@localhost og kari@", &[]),
            ("a@b.c", &[]),
            ("kari..n@example.no", &[]),
            ("versjon 1.2@3.4", &[]),
        ],
    );
}

#[test]
fn phone() {
    check(
        "phone",
        &[
            // Norway.
            ("Tlf. 22 33 44 55", &[("phone", "high", "22 33 44 55")]),
            ("ring 915 12 345 i dag", &[("phone", "high", "915 12 345")]),
            ("mobil: 91512345", &[("phone", "high", "91512345")]),
            (
                "Kontakt 22 33 44 55 for mer",
                &[("phone", "medium", "22 33 44 55")],
            ),
            ("nås på +47 915 12 345.", &[("phone", "high", "+47 915 12 345")]),
            ("+4791512345", &[("phone", "medium", "+4791512345")]),
            ("0047 22 33 44 55", &[("phone", "medium", "0047 22 33 44 55")]),
            ("(+47) 22 33 44 55", &[("phone", "medium", "(+47) 22 33 44 55")]),
            // Denmark.
            ("tlf. +45 32 12 34 56", &[("phone", "high", "+45 32 12 34 56")]),
            // Sweden.
            ("Ring 070-123 45 67", &[("phone", "high", "070-123 45 67")]),
            ("växel 08-123 456 78", &[("phone", "medium", "08-123 456 78")]),
            ("+46 70 123 45 67", &[("phone", "medium", "+46 70 123 45 67")]),
            (
                "+46 (0)70 123 45 67",
                &[("phone", "medium", "+46 (0)70 123 45 67")],
            ),
            (
                "(+46) 70 123 45 67",
                &[("phone", "medium", "(+46) 70 123 45 67")],
            ),
            ("031-12 34 56", &[("phone", "medium", "031-12 34 56")]),
            // Finland.
            ("puh. 040 123 4567", &[("phone", "high", "040 123 4567")]),
            ("09 1234 567", &[("phone", "medium", "09 1234 567")]),
            ("+358 40 1234567", &[("phone", "medium", "+358 40 1234567")]),
            // Iceland.
            ("sími 555 1234", &[("phone", "high", "555 1234")]),
            ("555 1234", &[("phone", "medium", "555 1234")]),
            ("+354 555 1234", &[("phone", "medium", "+354 555 1234")]),
            // Elsewhere, E.164.
            ("+44 20 7946 0958", &[("phone", "medium", "+44 20 7946 0958")]),
            // Bare eight digits: low without a label.
            ("22334455", &[("phone", "low", "22334455")]),
            // Look-alikes.
            ("dato 12.03.2024", &[]),
            ("20240312", &[]),
            ("01-02-2024", &[]),
            ("kr 22 334 455", &[]),
            ("1 234 567 kroner", &[]),
            ("saksnr. 2024/540", &[]),
            ("KID: 22334455", &[]),
            ("+47", &[]),
            ("22.5 og 33,5", &[]),
            ("sak 23/01234-5", &[]),
            ("versjon 1.2.3.4", &[]),
        ],
    );
}

#[test]
fn address() {
    check(
        "address",
        &[
            (
                "Storgata 12B, 0150 Oslo.",
                &[("address", "high", "Storgata 12B, 0150 Oslo")],
            ),
            ("bor i Kirkeveien 3", &[("address", "high", "Kirkeveien 3")]),
            (
                "Kong Oscars gate 12 er",
                &[("address", "medium", "Kong Oscars gate 12")],
            ),
            (
                "adresse: Vesterbrogade 4, 2. tv., 1620 København V",
                &[(
                    "address",
                    "high",
                    "Vesterbrogade 4, 2. tv., 1620 København V",
                )],
            ),
            (
                "Hovedvejen 7, DK-4320 Lejre",
                &[("address", "high", "Hovedvejen 7, DK-4320 Lejre")],
            ),
            (
                "Drottninggatan 5, 3 tr, SE-114 55 Stockholm",
                &[(
                    "address",
                    "high",
                    "Drottninggatan 5, 3 tr, SE-114 55 Stockholm",
                )],
            ),
            (
                "Sveavägen 44 11134 Stockholm",
                &[("address", "high", "Sveavägen 44 11134 Stockholm")],
            ),
            (
                "Mannerheimintie 12 C 34, 00100 Helsinki",
                &[(
                    "address",
                    "high",
                    "Mannerheimintie 12 C 34, 00100 Helsinki",
                )],
            ),
            (
                "Laugavegur 22, 101 Reykjavík",
                &[("address", "high", "Laugavegur 22, 101 Reykjavík")],
            ),
            (
                "Øvre Slottsgate 3 i sentrum",
                &[("address", "medium", "Øvre Slottsgate 3")],
            ),
            (
                "Carl Berners plass 1",
                &[("address", "medium", "Carl Berners plass 1")],
            ),
            // Look-alikes.
            ("gå til gate 3", &[]),
            ("Storgata ble stengt i 2019", &[]),
            ("delegate 5 members", &[]),
            ("Storgata 1920-tallet", &[]),
        ],
    );
}

#[test]
fn iban() {
    check(
        "iban",
        &[
            (
                "IBAN: NO93 8601 1117 947",
                &[("iban", "high", "NO93 8601 1117 947")],
            ),
            ("til NO9386011117947.", &[("iban", "medium", "NO9386011117947")]),
            (
                "DK50 0040 0440 1162 43",
                &[("iban", "medium", "DK50 0040 0440 1162 43")],
            ),
            (
                "SE45 5000 0000 0583 9825 7466",
                &[("iban", "medium", "SE45 5000 0000 0583 9825 7466")],
            ),
            (
                "FI94 2142 1000 0005 12",
                &[("iban", "medium", "FI94 2142 1000 0005 12")],
            ),
            (
                "IS14 0159 2600 7654 5510 7303 39",
                &[("iban", "medium", "IS14 0159 2600 7654 5510 7303 39")],
            ),
            (
                "GB82 WEST 1234 5698 7654 32",
                &[("iban", "medium", "GB82 WEST 1234 5698 7654 32")],
            ),
            (
                "DE89370400440532013000",
                &[("iban", "medium", "DE89370400440532013000")],
            ),
            // Look-alikes: a wrong check, a wrong length, an unknown
            // country, glued letters.
            ("NO92 8601 1117 947", &[]),
            ("NO93 8601 1117 9471", &[]),
            ("XX93 8601 1117 947", &[]),
            ("ANO93 8601 1117 947", &[]),
        ],
    );
}

#[test]
fn bank_account() {
    check(
        "bank_account",
        &[
            (
                "Kontonr. 8601.11.17947",
                &[("bank_account", "high", "8601.11.17947")],
            ),
            (
                "betal til 8601.11.17947",
                &[("bank_account", "medium", "8601.11.17947")],
            ),
            ("8601 11 17947", &[("bank_account", "medium", "8601 11 17947")]),
            ("konto 86011117947", &[("bank_account", "high", "86011117947")]),
            ("86011117947", &[("bank_account", "low", "86011117947")]),
            // Denmark: reg.nr. + konto.
            (
                "1234-0001234567",
                &[("bank_account", "medium", "1234-0001234567")],
            ),
            (
                "kontonummer 5678 0001234567",
                &[("bank_account", "high", "5678 0001234567")],
            ),
            // Sweden: SEB (type 1), Handelsbanken (type 2).
            ("5000-1000004", &[("bank_account", "medium", "5000-1000004")]),
            (
                "kontonr 6000 123456789",
                &[("bank_account", "high", "6000 123456789")],
            ),
            // Look-alikes: a bad check, a KID, a valid fødselsnummer.
            ("8601.11.17949", &[]),
            ("KID 86011117947", &[]),
            ("5000-1000005", &[]),
            ("01018000055", &[("no_fnr", "medium", "01018000055")]),
            ("Kontonr. 01018000055", &[("no_fnr", "low", "01018000055")]),
        ],
    );
}

#[test]
fn payment_card() {
    check(
        "payment_card",
        &[
            (
                "kort 4111 1111 1111 1111",
                &[("payment_card", "high", "4111 1111 1111 1111")],
            ),
            (
                "4111-1111-1111-1111",
                &[("payment_card", "medium", "4111-1111-1111-1111")],
            ),
            (
                "4111111111111111",
                &[("payment_card", "medium", "4111111111111111")],
            ),
            (
                "5555 5555 5555 4444",
                &[("payment_card", "medium", "5555 5555 5555 4444")],
            ),
            (
                "2223 0000 4840 0011",
                &[("payment_card", "medium", "2223 0000 4840 0011")],
            ),
            (
                "3782 822463 10005",
                &[("payment_card", "medium", "3782 822463 10005")],
            ),
            (
                "5019 7170 1010 3742",
                &[("payment_card", "medium", "5019 7170 1010 3742")],
            ),
            (
                "6759 6498 2643 8453",
                &[("payment_card", "medium", "6759 6498 2643 8453")],
            ),
            (
                "4111 1111 1111 1111 2024",
                &[("payment_card", "medium", "4111 1111 1111 1111")],
            ),
            // Look-alikes: Luhn fails, no issuer, a KID, an amount.
            ("4111 1111 1111 1112", &[]),
            ("1234 5678 9012 3452", &[]),
            ("KID: 4111111111111111", &[]),
        ],
    );
}

#[test]
fn organisations() {
    check(
        "organisations",
        &[
            ("Org.nr. 988 077 917", &[("no_orgnr", "high", "988 077 917")]),
            (
                "NO 995 525 828 MVA",
                &[("no_orgnr", "medium", "NO 995 525 828 MVA")],
            ),
            ("988077917", &[("no_orgnr", "low", "988077917")]),
            ("CVR-nr. 13585628", &[("dk_cvr", "high", "13585628")]),
            ("DK-13 58 56 28", &[("dk_cvr", "medium", "DK-13 58 56 28")]),
            ("Saab 556036-0793", &[("se_orgnr", "medium", "556036-0793")]),
            (
                "organisationsnummer 212000-0142",
                &[("se_orgnr", "high", "212000-0142")],
            ),
            ("Y-tunnus 2077474-0", &[("fi_ytunnus", "high", "2077474-0")]),
            ("FI 20774740", &[("fi_ytunnus", "medium", "FI 20774740")]),
            // Look-alikes: bad checks, a personnummer.
            ("Org.nr. 988 077 918", &[]),
            ("2077474-1", &[]),
            ("811218-9876", &[("se_pnr", "medium", "811218-9876")]),
        ],
    );
}

/// The kinds meet the ID kinds in one text: each number is reported once,
/// as what its shape and label make it.
#[test]
fn with_ids_in_one_text() {
    check(
        "mixed",
        &[(
            "Kari Nordmann, fnr 010180 00055, tlf 915 12 345, e-post \
             kari@example.no, konto 8601.11.17947, bor i Storgata 12, \
             0150 Oslo; CPR 010180-1004, kort 4111 1111 1111 1111.",
            &[
                ("person_name", "high", "Kari Nordmann"),
                ("no_fnr", "high", "010180 00055"),
                ("phone", "high", "915 12 345"),
                ("email", "high", "kari@example.no"),
                ("bank_account", "high", "8601.11.17947"),
                ("address", "high", "Storgata 12, 0150 Oslo"),
                ("dk_cpr", "high", "010180-1004"),
                ("payment_card", "high", "4111 1111 1111 1111"),
            ],
        )],
    );
}

/// The default scanner does not report organisation numbers; asked for,
/// it does.
#[test]
fn organisations_are_off_by_default() {
    let text = "Org.nr. 988 077 917";
    assert_eq!(Scanner::new().find_iter(text).count(), 0);
    let sc = Scanner::builder().kind_names(["organisations"]).build().unwrap();
    let m: Vec<_> = sc.find_iter(text).collect();
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].kind(), Kind::NoOrgnr);
}

/// `validate` checks one value of a text kind.
#[test]
fn validate_text_kinds() {
    let sc = Scanner::new();
    assert!(sc.validate(Kind::Iban, "NO93 8601 1117 947"));
    assert!(!sc.validate(Kind::Iban, "NO92 8601 1117 947"));
    assert!(sc.validate(Kind::PaymentCard, "4111 1111 1111 1111"));
    assert!(sc.validate(Kind::Email, "kari@bø.kommune.no"));
    assert!(!sc.validate(Kind::Email, "@kari"));
    assert!(sc.validate(Kind::NoOrgnr, "988 077 917"));
    assert!(sc.validate(Kind::SeOrgnr, "556036-0793"));
    assert!(sc.validate(Kind::BankAccount, "8601.11.17947"));
    assert!(!sc.validate(Kind::BankAccount, "01018000055"));
}
