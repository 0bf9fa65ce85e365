//! A labelled corpus generator for the contact, financial and
//! organisation kinds: synthetic values built from the published rules
//! (docs/rules-contact.md), written independently of the crate's
//! validators, planted in Nordic filler prose with their labels or
//! without, among look-alikes that must stay silent (dates, amounts, case
//! numbers, KIDs, wrong check digits, URLs, handles). No real data.
//!
//! Shared by `examples/accuracy_contact.rs`, `examples/perf_contact.rs`
//! and the property tests (`tests/contact_prop.rs`).

#![allow(dead_code)]

use detect_core::Kind;

/// SplitMix64: small, deterministic.
#[derive(Clone, Debug)]
pub(crate) struct Rng(pub u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub(crate) fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    pub(crate) fn chance(&mut self, num: u64, den: u64) -> bool {
        self.below(den) < num
    }
    pub(crate) fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    pub(crate) fn digits(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.below(10) as u8).collect()
    }
}

fn text(d: &[u8]) -> String {
    d.iter().map(|&x| char::from(b'0' + x)).collect()
}

/// Groups of `sizes`, joined by `sep`.
fn group(s: &str, sizes: &[usize], sep: &str) -> String {
    let mut out = String::new();
    let mut i = 0;
    for (k, &n) in sizes.iter().enumerate() {
        if k > 0 {
            out.push_str(sep);
        }
        out.push_str(&s[i..i + n]);
        i += n;
    }
    out
}

fn luhn_digit(d: &[u8]) -> u8 {
    // The digit that makes d + [c] pass Luhn.
    let mut sum = 0;
    for (i, &x) in d.iter().rev().enumerate() {
        let mut v = u32::from(x);
        if i % 2 == 0 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    ((10 - sum % 10) % 10) as u8
}

fn luhn_ok(d: &[u8]) -> bool {
    let mut sum = 0;
    for (i, &x) in d.iter().rev().enumerate() {
        let mut v = u32::from(x);
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum % 10 == 0
}

/// `11 − Σ w·d mod 11`, 11 → 0, `None` for 10.
fn mod11(d: &[u8], w: &[u32]) -> Option<u8> {
    let s: u32 = d.iter().zip(w).map(|(&x, &w)| u32::from(x) * w).sum();
    match 11 - s % 11 {
        11 => Some(0),
        10 => None,
        c => Some(c as u8),
    }
}

/// A planted value: its text, kind, and the label written before it.
#[derive(Clone, Debug)]
pub(crate) struct Value {
    pub(crate) kind: Kind,
    pub(crate) text: String,
    /// Whether the form needs its label to be found at `medium`.
    pub(crate) needs_label: bool,
}

fn v(kind: Kind, text: String) -> Value {
    Value { kind, text, needs_label: false }
}

const GIVEN: &[&str] = &[
    "kari", "ola", "anna", "per", "åse", "jussi", "sigga", "lars", "mette",
    "björn", "aino", "jón", "ingrid", "mikkel", "tove",
];
const FAMILY: &[&str] = &[
    "nordmann",
    "hansen",
    "johansson",
    "virtanen",
    "jensen",
    "berg",
    "lindqvist",
    "sigurðardóttir",
    "korhonen",
    "dahl",
    "ås",
];
const DOMAINS: &[&str] = &[
    "example.no",
    "bø.kommune.no",
    "post.example.se",
    "example.dk",
    "mail.example.fi",
    "example.is",
    "firma-as.no",
    "kommune.example.no",
    "example.com",
    "etat.example.org",
];

/// An e-mail address.
pub(crate) fn email(r: &mut Rng) -> Value {
    let g = *r.pick(GIVEN);
    let f = *r.pick(FAMILY);
    let local = match r.below(6) {
        0 => format!("{g}.{f}"),
        1 => format!("{g}{}", r.range(1, 99)),
        2 => format!("{g}_{f}"),
        3 => format!("{g}.{f}+sak"),
        4 => format!("{}-{f}", g.chars().next().unwrap_or('x')),
        _ => g.to_string(),
    };
    let mut t = format!("{local}@{}", r.pick(DOMAINS));
    if r.chance(1, 6) {
        t = t.to_uppercase();
    }
    v(Kind::Email, t)
}

/// A phone number in a Nordic plan, written as people do.
pub(crate) fn phone(r: &mut Rng) -> Value {
    let d = |r: &mut Rng, n| text(&r.digits(n));
    let (t, needs) = match r.below(14) {
        0 => (
            format!(
                "{}{} {} {}",
                r.pick(&["4", "9"]),
                d(r, 2),
                d(r, 2),
                d(r, 3)
            ),
            false,
        ),
        1 => (
            format!(
                "+47 {}{} {} {}",
                r.pick(&["4", "9"]),
                d(r, 2),
                d(r, 2),
                d(r, 3)
            ),
            false,
        ),
        2 => (
            format!(
                "{}{} {} {} {}",
                r.range(2, 7),
                d(r, 1),
                d(r, 2),
                d(r, 2),
                d(r, 2)
            ),
            false,
        ),
        3 => (format!("0047 {}{}", r.pick(&["4", "9"]), d(r, 7)), false),
        4 => (format!("{}{}", r.pick(&["4", "9"]), d(r, 7)), true),
        5 => (
            format!(
                "07{}-{} {} {}",
                r.pick(&["0", "2", "3", "6", "9"]),
                d(r, 3),
                d(r, 2),
                d(r, 2)
            ),
            false,
        ),
        6 => (format!("08-{} {} {}", d(r, 3), d(r, 3), d(r, 2)), false),
        7 => (
            format!(
                "+46 7{} {} {} {}",
                r.pick(&["0", "2", "3", "6", "9"]),
                d(r, 3),
                d(r, 2),
                d(r, 2)
            ),
            false,
        ),
        8 => (
            format!(
                "+45 {}{} {} {} {}",
                r.range(2, 9),
                d(r, 1),
                d(r, 2),
                d(r, 2),
                d(r, 2)
            ),
            false,
        ),
        9 => (format!("04{} {} {}", r.range(0, 6), d(r, 3), d(r, 4)), false),
        10 => (format!("+358 4{} {}", r.range(0, 6), d(r, 7)), false),
        11 => (format!("09 {} {}", d(r, 4), d(r, 3)), false),
        12 => (format!("{}{} {}", r.range(4, 8), d(r, 2), d(r, 4)), false),
        _ => (format!("+354 {}{} {}", r.range(4, 8), d(r, 2), d(r, 4)), false),
    };
    Value { kind: Kind::Phone, text: t, needs_label: needs }
}

const STREET_FIRST: &[&str] = &[
    "Stor",
    "Kirke",
    "Skole",
    "Havne",
    "Sjø",
    "Nygårds",
    "Drottning",
    "Vester",
    "Øster",
    "Lille",
    "Mannerheimin",
    "Hämeen",
    "Lauga",
    "Bjørnstjerne",
    "Park",
    "Torg",
    "Strand",
    "Bakke",
];
const STREET_SUFFIX: &[&str] = &[
    "gata", "gate", "veien", "vegen", "vej", "vägen", "gatan", "stræde",
    "tie", "katu", "vegur", "stígur", "gade", "alle",
];
const TOWNS: &[(&str, &str)] = &[
    ("0150", "Oslo"),
    ("5003", "Bergen"),
    ("DK-4320", "Lejre"),
    ("1620", "København V"),
    ("SE-114 55", "Stockholm"),
    ("411 05", "Göteborg"),
    ("00100", "Helsinki"),
    ("33100", "Tampere"),
    ("101", "Reykjavík"),
    ("9008", "Tromsø"),
];

/// A street address.
pub(crate) fn address(r: &mut Rng) -> Value {
    let street = if r.chance(1, 5) {
        format!(
            "{} {}s {}",
            r.pick(&["Kong", "Carl", "Dronning", "Olav"]),
            r.pick(&["Oscar", "Berner", "Eufemia", "Tryggvason"]),
            r.pick(&["gate", "plass", "vei", "Allé"])
        )
    } else {
        format!("{}{}", r.pick(STREET_FIRST), r.pick(STREET_SUFFIX))
    };
    let mut t = format!("{street} {}", r.range(1, 180));
    match r.below(6) {
        0 => t.push(*r.pick(&['A', 'B', 'C'])),
        1 => t.push_str(&format!(
            ", {}. {}",
            r.range(1, 5),
            r.pick(&["tv.", "th.", "sal"])
        )),
        2 => t.push_str(&format!(" C {}", r.range(1, 40))),
        _ => {}
    }
    if r.chance(2, 3) {
        let (pc, town) = *r.pick(TOWNS);
        t.push_str(&format!(", {pc} {town}"));
    }
    v(Kind::Address, t)
}

const IBANS: &[(&str, usize)] = &[
    ("NO", 15),
    ("DK", 18),
    ("SE", 24),
    ("FI", 18),
    ("IS", 26),
    ("DE", 22),
    ("FR", 27),
    ("NL", 18),
    ("ES", 24),
    ("IT", 27),
    ("PL", 28),
    ("EE", 20),
    ("AT", 20),
    ("BE", 16),
    ("CH", 21),
    ("MT", 31),
    ("PT", 25),
    ("SI", 19),
];

fn iban_check(cc: &str, bban: &str) -> u32 {
    let s = format!("{bban}{cc}00");
    let mut r = 0u32;
    for c in s.chars() {
        r = match c.to_digit(10) {
            Some(x) => (r * 10 + x) % 97,
            None => (r * 100 + (c as u32 - 'A' as u32 + 10)) % 97,
        };
    }
    98 - r
}

/// A Norwegian account number (eleven digits, mod 11).
pub(crate) fn no_account_digits(r: &mut Rng) -> Vec<u8> {
    loop {
        let mut d = r.digits(10);
        d[0] = r.range(1, 9) as u8;
        if let Some(c) = mod11(&d, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) {
            d.push(c);
            return d;
        }
    }
}

/// An IBAN of a SEPA country, grouped in fours or not.
pub(crate) fn iban(r: &mut Rng) -> Value {
    let &(cc, len) = r.pick(IBANS);
    let bban = if cc == "NO" {
        text(&no_account_digits(r))
    } else {
        text(&r.digits(len - 4))
    };
    let t = format!("{cc}{:02}{bban}", iban_check(cc, &bban));
    let t = if r.chance(2, 3) {
        t.as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        t
    };
    v(Kind::Iban, t)
}

/// A bank account: Norwegian (dotted, spaced, bare with a label), Danish
/// reg.nr.-konto, Swedish SEB clearing-account with its check.
pub(crate) fn bank_account(r: &mut Rng) -> Value {
    match r.below(5) {
        0 | 1 => {
            let s = text(&no_account_digits(r));
            v(Kind::BankAccount, group(&s, &[4, 2, 5], "."))
        }
        2 => {
            let s = text(&no_account_digits(r));
            Value { kind: Kind::BankAccount, text: s, needs_label: true }
        }
        3 => {
            // Danish: the account part must not read as a CPR date.
            let reg = r.range(1000, 9999);
            let acc = format!("00{}{}", r.range(2, 9), text(&r.digits(7)));
            v(Kind::BankAccount, format!("{reg}-{acc}"))
        }
        _ => loop {
            // SEB (5000–5999), type 1 comment 1: mod 11 over the last
            // three clearing digits and the account, weights 1–10 from
            // the right.
            let clearing = r.range(5000, 5999);
            let mut d: Vec<u8> =
                format!("{clearing}").bytes().map(|b| b - b'0').collect();
            d.extend(r.digits(6));
            let s: u32 = d[1..]
                .iter()
                .rev()
                .enumerate()
                .map(|(i, &x)| (i as u32 + 2) * u32::from(x))
                .sum();
            let c = (11 - s % 11) % 11;
            if c == 10 {
                continue;
            }
            d.push(c as u8);
            let acc = text(&d[4..]);
            break v(Kind::BankAccount, format!("{clearing}-{acc}"));
        },
    }
}

/// A payment card number of one of the schemes, grouped as printed.
pub(crate) fn payment_card(r: &mut Rng) -> Value {
    let (prefix, len): (String, usize) = match r.below(6) {
        0 | 1 => ("4".into(), 16),
        2 => (format!("{}", r.range(51, 55)), 16),
        3 => (format!("{}", r.range(2221, 2720)), 16),
        4 => (r.pick(&["34", "37"]).to_string(), 15),
        _ => (r.pick(&["5019", "6759", "6304"]).to_string(), 16),
    };
    let mut d: Vec<u8> = prefix.bytes().map(|b| b - b'0').collect();
    let rest = len - 1 - d.len();
    d.extend(r.digits(rest));
    d.push(luhn_digit(&d));
    let s = text(&d);
    let t = if len == 15 {
        group(&s, &[4, 6, 5], " ")
    } else if r.chance(1, 5) {
        s
    } else {
        group(&s, &[4, 4, 4, 4], if r.chance(1, 4) { "-" } else { " " })
    };
    v(Kind::PaymentCard, t)
}

/// An organisation number of one of the five countries.
pub(crate) fn org(r: &mut Rng) -> Value {
    loop {
        match r.below(5) {
            0 => {
                let mut d = r.digits(8);
                d[0] = r.range(8, 9) as u8;
                let Some(c) = mod11(&d, &[3, 2, 7, 6, 5, 4, 3, 2]) else {
                    continue;
                };
                d.push(c);
                return v(Kind::NoOrgnr, group(&text(&d), &[3, 3, 3], " "));
            }
            1 => {
                let mut d = r.digits(7);
                d[0] = r.range(1, 9) as u8;
                let s: u32 = d
                    .iter()
                    .zip([2, 7, 6, 5, 4, 3, 2])
                    .map(|(&x, w)| u32::from(x) * w)
                    .sum();
                let c = (11 - s % 11) % 11;
                if c == 10 {
                    continue;
                }
                d.push(c as u8);
                return v(Kind::DkCvr, format!("DK-{}", text(&d)));
            }
            2 => {
                let mut d = r.digits(9);
                d[0] = *r.pick(&[2, 5, 7, 8, 9]);
                d[2] = r.range(2, 9) as u8;
                d.push(luhn_digit(&d));
                return v(Kind::SeOrgnr, group(&text(&d), &[6, 4], "-"));
            }
            3 => {
                let d = r.digits(7);
                let s: u32 = d
                    .iter()
                    .zip([7, 9, 10, 5, 8, 4, 2])
                    .map(|(&x, w)| u32::from(x) * w)
                    .sum();
                let c = match s % 11 {
                    0 => 0,
                    1 => continue,
                    x => 11 - x,
                };
                return v(Kind::FiYtunnus, format!("{}-{c}", text(&d)));
            }
            _ => {
                // Icelandic company: day + 40, check digit, century 9/0.
                let day = r.range(41, 68);
                let month = r.range(1, 12);
                let yy = r.range(0, 99);
                let mut d: Vec<u8> =
                    format!("{day:02}{month:02}{yy:02}{:02}", r.range(20, 99))
                        .bytes()
                        .map(|b| b - b'0')
                        .collect();
                let s: u32 = d
                    .iter()
                    .zip([3, 2, 7, 6, 5, 4, 3, 2])
                    .map(|(&x, w)| u32::from(x) * w)
                    .sum();
                let c = match 11 - s % 11 {
                    11 => 0,
                    10 => continue,
                    c => c,
                };
                d.push(c as u8);
                d.push(if yy < 30 { 0 } else { 9 });
                if d[9] == 0 && yy >= 26 {
                    continue;
                }
                return v(Kind::IsCompanyKt, group(&text(&d), &[6, 4], "-"));
            }
        }
    }
}

/// A value of `kind`.
pub(crate) fn value(r: &mut Rng, kind: Kind) -> Value {
    match kind {
        Kind::Email => email(r),
        Kind::Phone => phone(r),
        Kind::Address => address(r),
        Kind::Iban => iban(r),
        Kind::BankAccount => bank_account(r),
        Kind::PaymentCard => payment_card(r),
        _ => org(r),
    }
}

/// The kinds the generator plants.
pub(crate) const KINDS: &[Kind] = &[
    Kind::Email,
    Kind::Phone,
    Kind::Address,
    Kind::Iban,
    Kind::BankAccount,
    Kind::PaymentCard,
    Kind::NoOrgnr,
];

/// One of `xs`.
fn one(r: &mut Rng, xs: &[&'static str]) -> &'static str {
    xs[r.below(xs.len() as u64) as usize]
}

/// A label for a kind, as written before a value.
pub(crate) fn label(r: &mut Rng, kind: Kind) -> &'static str {
    match kind {
        Kind::Email => {
            one(r, &["e-post:", "E-post", "epost", "mail:", "sähköposti:"])
        }
        Kind::Phone => one(
            r,
            &[
                "tlf.", "Tlf:", "telefon", "mobil", "ring", "puh.", "sími",
                "mob.",
            ],
        ),
        Kind::Address => one(r, &["adresse:", "bor i", "Adress:", "bosatt i"]),
        Kind::Iban => one(r, &["IBAN:", "IBAN", "iban"]),
        Kind::BankAccount => {
            one(r, &["kontonr.", "konto", "Kontonummer:", "bankkonto"])
        }
        Kind::PaymentCard => {
            one(r, &["kortnummer", "kort:", "Visa", "kredittkort"])
        }
        _ => one(
            r,
            &["org.nr.", "Org.nr:", "organisasjonsnummer", "CVR", "Y-tunnus"],
        ),
    }
}

/// Words with Nordic letters, no digits and no labels.
const FILLER: &[&str] = &[
    "søknad",
    "om",
    "barnehageplass",
    "for",
    "Kari",
    "Nordmann",
    "vedtak",
    "klage",
    "på",
    "tildeling",
    "bolig",
    "brev",
    "fra",
    "Åse",
    "og",
    "i",
    "til",
    "Göteborg",
    "Jyväskylä",
    "Þór",
    "kommunen",
    "saken",
    "gjelder",
    "møte",
    "med",
    "den",
    "ble",
    "sendt",
    "har",
    "mottatt",
    "svar",
    "etter",
    "vurdering",
    "ansökan",
    "hakemus",
    "päätös",
    "erindi",
    "beslutning",
    "oversendelse",
    "av",
    "dokumenter",
    "Statsforvalteren",
];

pub(crate) fn filler(r: &mut Rng, words: usize, out: &mut String) {
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(one(r, FILLER));
    }
}

/// A look-alike that none of the kinds may report.
pub(crate) fn look_alike(r: &mut Rng) -> String {
    let d = |r: &mut Rng, n| text(&r.digits(n));
    match r.below(22) {
        0 => format!(
            "{:02}.{:02}.{}",
            r.range(1, 28),
            r.range(1, 12),
            r.range(1990, 2026)
        ),
        1 => format!(
            "{}-{:02}-{:02}",
            r.range(1990, 2026),
            r.range(1, 12),
            r.range(1, 28)
        ),
        2 => format!(
            "{}{:02}{:02}",
            r.range(1990, 2026),
            r.range(1, 12),
            r.range(1, 28)
        ),
        3 => format!("kr {} {}", r.range(1, 999), d(r, 3)),
        4 => format!("{} {} {},-", r.range(1, 99), d(r, 3), d(r, 3)),
        5 => format!("saksnr. {}/{}", r.range(2015, 2026), r.range(1, 9999)),
        6 => format!(
            "{:02}/{:05}-{}",
            r.range(10, 26),
            r.below(100_000),
            r.range(1, 9)
        ),
        7 => {
            let n = r.range(8, 16) as usize;
            format!("KID: {}", d(r, n))
        }
        8 => {
            // A card number whose Luhn digit is wrong.
            let mut x = r.digits(15);
            x[0] = 4;
            let c = (luhn_digit(&x) + 1) % 10;
            x.push(c);
            group(&text(&x), &[4, 4, 4, 4], " ")
        }
        9 => {
            // An IBAN with a wrong check.
            let bban = text(&no_account_digits(r));
            let c = (iban_check("NO", &bban) + 1) % 97;
            format!("NO{c:02} {}", group(&bban, &[4, 4, 3], " "))
        }
        10 => {
            // A dotted account whose check fails.
            let mut x = no_account_digits(r);
            x[10] = (x[10] + 1) % 10;
            group(&text(&x), &[4, 2, 5], ".")
        }
        11 => format!(
            "https://{}:{}@example.no/side",
            r.pick(GIVEN),
            r.pick(FAMILY)
        ),
        12 => format!("@{}_{}", r.pick(GIVEN), r.pick(FAMILY)),
        13 => format!("gate {}", r.range(1, 40)),
        14 => format!("{} prosent", r.range(1, 99)),
        15 => format!(
            "versjon {}.{}.{}",
            r.range(1, 9),
            r.range(0, 20),
            r.range(0, 20)
        ),
        16 => format!("kl. {:02}.{:02}", r.range(7, 20), r.range(0, 59)),
        17 => format!("gnr. {} bnr. {}", r.range(1, 300), r.range(1, 999)),
        18 => format!("{} {}", r.range(1990, 2026), r.range(1990, 2026)),
        19 => format!("{} personer", r.range(1000, 999_999)),
        20 => format!("tabell {}.{}", r.range(1, 9), r.range(1, 9)),
        _ => format!("www.example.no/sak/{}", d(r, 8)),
    }
}

/// One labelled finding of a corpus.
#[derive(Clone, Debug)]
pub(crate) struct Truth {
    pub(crate) kind: Kind,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// A corpus of `lines` lines: each has filler, look-alikes and up to two
/// planted values (labelled or not), with their spans.
pub(crate) fn corpus(seed: u64, lines: usize) -> (String, Vec<Truth>) {
    let mut r = Rng(seed);
    let mut s = String::new();
    let mut truth = Vec::new();
    for _ in 0..lines {
        let items = r.below(3);
        let n = r.range(2, 8) as usize;
        filler(&mut r, n, &mut s);
        for _ in 0..items {
            s.push(' ');
            if r.chance(1, 3) {
                s.push_str(&look_alike(&mut r));
                s.push(' ');
                let n = r.range(1, 4) as usize;
                filler(&mut r, n, &mut s);
                s.push(' ');
            }
            let kind = *r.pick(KINDS);
            let v = value(&mut r, kind);
            if v.needs_label || r.chance(1, 2) {
                s.push_str(label(&mut r, kind));
                s.push(' ');
            }
            let start = s.len();
            s.push_str(&v.text);
            truth.push(Truth { kind: v.kind, start, end: s.len() });
            s.push_str(one(&mut r, &[" ", ", ", ". ", "; "]));
            let n = r.range(1, 6) as usize;
            filler(&mut r, n, &mut s);
        }
        if r.chance(1, 2) {
            s.push(' ');
            s.push_str(&look_alike(&mut r));
        }
        s.push_str(".\n");
    }
    (s, truth)
}

/// Prose for the speed measurement: filler paragraphs with the numbers of
/// ordinary text (dates, amounts, case numbers) and, now and then, a value
/// of one of the kinds.
pub(crate) fn prose(seed: u64, len: usize) -> String {
    let mut r = Rng(seed);
    let mut s = String::with_capacity(len + 256);
    while s.len() < len {
        let n = r.range(8, 20) as usize;
        filler(&mut r, n, &mut s);
        s.push(' ');
        if r.chance(1, 2) {
            s.push_str(&look_alike(&mut r));
            s.push(' ');
        }
        if r.chance(1, 12) {
            let kind = *r.pick(KINDS);
            s.push_str(label(&mut r, kind));
            s.push(' ');
            s.push_str(&value(&mut r, kind).text);
            s.push(' ');
        }
        let n = r.range(4, 12) as usize;
        filler(&mut r, n, &mut s);
        s.push_str(if r.chance(1, 5) { ".\n\n" } else { ". " });
    }
    s
}

/// Whether the Luhn check of `d` holds (for the tests).
pub(crate) fn luhn(d: &[u8]) -> bool {
    luhn_ok(d)
}
