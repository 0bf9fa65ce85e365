//! Precision and recall of the national-ID kinds on a generated, labelled
//! corpus: synthetic numbers from the published rules (the generators of
//! `tests/common`), written in every form sladd knows and in OCR-damaged
//! ones, in seven genres (postliste titles, case letters, e-mails, logs,
//! CSV and JSON exports, scanned forms), among look-alikes (accounts in
//! both groupings, phone, organisation and case numbers, dates, amounts).
//!
//! ```text
//! cargo run --release -p detect-core --example accuracy_ids [SEED] [RECORDS]
//! ```
//!
//! Prints, per written form, per kind and per genre, the truth count,
//! recall and precision, strict (the finding's span and kind are the
//! planted number's), at the defaults and with the `lenient` option. Every
//! ID finding that is not a planted number is a false positive.
//! `scripts/accuracy_ids.sh BASE` prints the same for a base commit.

#![allow(missing_docs, unexpected_cfgs)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::BTreeMap;

use common::Rng;
use detect_core::{Kind, Scanner};

/// One planted number: where it is, its kind, how it is written and in
/// which genre.
struct Truth {
    start: usize,
    end: usize,
    kind: Kind,
    form: &'static str,
    genre: &'static str,
}

/// A number to plant: the text as written, its kind, its form, and the
/// label a text of its country puts before it.
struct Id {
    text: String,
    kind: Kind,
    form: &'static str,
    label: &'static str,
}

/// One of `xs`, at random.
fn pick(r: &mut Rng, xs: &[&'static str]) -> &'static str {
    xs[r.below(xs.len() as u64) as usize]
}

fn sep6(s: &str, sep: &str) -> String {
    format!("{}{sep}{}", &s[..6], &s[6..])
}

/// How OCR breaks a number: stray or doubled spaces, one misplaced hyphen.
fn damage(r: &mut Rng, digits: &str) -> String {
    let b: Vec<char> = digits.chars().collect();
    loop {
        let mut out = String::new();
        let (mut gaps, mut hyphen) = (0, false);
        for (i, c) in b.iter().enumerate() {
            if i > 0 && r.below(4) == 0 && gaps < 3 {
                let mut g: &str = pick(r, &[" ", "  ", " ", "-", " -"]);
                if g.contains('-') {
                    if hyphen {
                        g = " ";
                    }
                    hyphen = true;
                }
                out.push_str(g);
                gaps += 1;
            }
            out.push(*c);
        }
        if gaps > 0 {
            return out;
        }
    }
}

/// A random number in a random regular written form.
fn id(r: &mut Rng) -> Id {
    match r.below(10) {
        0..=3 => {
            let dnr = r.below(4) == 0;
            let add = *r.pick(&[0, 0, 0, 80, 65]);
            let d = common::no(r, dnr, add);
            let kind = if dnr { Kind::NoDnr } else { Kind::NoFnr };
            let (text, form) = match r.below(5) {
                0 => (d.clone(), "no 11"),
                1 => (sep6(&d, " "), "no 6 5"),
                2 => (sep6(&d, "-"), "no 6-5"),
                3 => (
                    format!("{} {} {}", &d[..4], &d[4..6], &d[6..]),
                    "no 4 2 5",
                ),
                _ => (
                    format!("{} {} {}", &d[..6], &d[6..9], &d[9..]),
                    "no 6 3 2",
                ),
            };
            Id {
                text,
                kind,
                form,
                label: pick(r, &["fnr.", "fødselsnummer", "f.nr.:", "pnr"]),
            }
        }
        4 => {
            let m11 = r.coin();
            let d = common::dk(r, m11);
            let (text, form) = if r.coin() {
                (sep6(&d, "-"), "dk 6-4")
            } else {
                (d, "dk 10")
            };
            Id {
                text,
                kind: Kind::DkCpr,
                form,
                label: pick(r, &["CPR-nr.", "cpr:"]),
            }
        }
        5 | 6 => {
            let (s, c) = common::se(r, false);
            let (text, form) = match r.below(3) {
                0 => (sep6(&s, "-"), "se 6-4"),
                1 => (format!("{c}{s}"), "se 12"),
                _ => (format!("{c}{}-{}", &s[..6], &s[6..]), "se 8-4"),
            };
            Id {
                text,
                kind: Kind::SePnr,
                form,
                label: pick(r, &["personnummer", "pnr:"]),
            }
        }
        7 | 8 => Id {
            text: {
                let t = r.below(5) == 0;
                common::fi(r, t)
            },
            kind: Kind::FiHetu,
            form: "fi hetu",
            label: pick(r, &["hetu", "henkilötunnus:"]),
        },
        _ => {
            let d = common::is(r);
            let (text, form) = if r.coin() {
                (sep6(&d, "-"), "is 6-4")
            } else {
                (d, "is 10")
            };
            Id {
                text,
                kind: Kind::IsKt,
                form,
                label: pick(r, &["kt.", "kennitala:"]),
            }
        }
    }
}

/// The same number damaged as in a scanned form, with its strong label.
fn ocr_id(r: &mut Rng) -> Id {
    let mut x = id(r);
    let digits: String =
        x.text.chars().filter(char::is_ascii_alphanumeric).collect();
    x.text = if x.kind == Kind::FiHetu {
        // Spaces before or after the century sign, which stays.
        let t = &x.text;
        match r.below(3) {
            0 => format!("{} {}", &t[..6], &t[6..]),
            1 => format!("{}  {}", &t[..6], &t[6..]),
            _ => format!("{} {}", &t[..7], &t[7..]),
        }
    } else {
        damage(r, &digits)
    };
    x.form = match x.kind {
        Kind::NoFnr | Kind::NoDnr => "ocr no",
        Kind::DkCpr => "ocr dk",
        Kind::SePnr => "ocr se",
        Kind::FiHetu => "ocr fi",
        _ => "ocr is",
    };
    x.label = match x.kind {
        Kind::NoFnr | Kind::NoDnr => {
            pick(r, &["F.nr.:", "Fødselsnummer:", "Personnr:"])
        }
        Kind::DkCpr => "CPR:",
        Kind::SePnr => "Personnr:",
        Kind::FiHetu => "Henkilötunnus:",
        _ => "Kennitala:",
    };
    x
}

/// A look-alike that is no personal ID (docs/rules.md §6).
fn look_alike(r: &mut Rng) -> String {
    let fnr = common::no(r, false, 0);
    match r.below(9) {
        // An account in the dotted grouping, even one whose digits are a
        // valid fødselsnummer.
        0 => format!("{}.{}.{}", &fnr[..4], &fnr[4..6], &fnr[6..]),
        // A labelled account in the spaced grouping.
        1 => format!("til konto {} {} {}", &fnr[..4], &fnr[4..6], &fnr[6..]),
        2 => format!(
            "tlf {:02} {:02} {:02} {:02}",
            r.range(40, 99),
            r.below(100),
            r.below(100),
            r.below(100)
        ),
        3 => format!(
            "+47 {:03} {:02} {:03}",
            r.range(400, 999),
            r.below(100),
            r.below(1000)
        ),
        4 => format!(
            "org.nr. 9{:02} {:03} {:03}",
            r.below(100),
            r.below(1000),
            r.below(1000)
        ),
        5 => format!(
            "saksnr. {}/{:05}-{}",
            r.range(2015, 2025),
            r.below(100_000),
            r.range(1, 9)
        ),
        6 => format!(
            "{:02}.{:02}.{}",
            r.range(1, 28),
            r.range(1, 12),
            r.range(1950, 2025)
        ),
        7 => format!("kr {} {:03},-", r.range(1, 999), r.below(1000)),
        _ => format!("KID {:010}", r.below(10_000_000_000)),
    }
}

const NAMES: &[&str] = &[
    "Kari Nordmann",
    "Ola Hansen",
    "Anna Svensson",
    "Jens Jensen",
    "Aino Virtanen",
    "Jón Jónsson",
];

/// One record of `genre` holding `x`: the text before it, and after it.
fn record(
    r: &mut Rng,
    genre: &str,
    x: &Id,
    labelled: bool,
) -> (String, String) {
    let name: &str = pick(r, NAMES);
    let lbl = if labelled { format!("{} ", x.label) } else { String::new() };
    let la = look_alike(r);
    match genre {
        "postliste" => (
            format!(
                "{}/{:05}-{} Søknad om sosialhjelp - {name} - {lbl}",
                r.range(2018, 2025),
                r.below(100_000),
                r.range(1, 9)
            ),
            format!(" - {la}"),
        ),
        "letter" => (
            format!("Vi viser til søknaden fra {name}, {lbl}"),
            format!(". Svar innen fristen.\nReferanse: {la}"),
        ),
        "email" => (
            format!(
                "Fra: saksbehandler@kommune.no\nEmne: Ang. {name}\n\nHei, gjelder {lbl}"
            ),
            format!(" – ring meg gjerne, {la}."),
        ),
        "log" => (
            format!(
                "2024-05-{:02}T12:00:03Z ERROR sak=MBN {}/{} {}bruker=",
                r.range(1, 28),
                r.range(2018, 2025),
                r.below(1000),
                if labelled {
                    format!("{}=x ", x.label.trim_end_matches([':', '.']))
                } else {
                    String::new()
                }
            ),
            format!(" status=500 {la}"),
        ),
        "csv" => (format!("{name};"), format!(";{la};Storgata 5")),
        "json" => (
            format!("{{\"navn\": \"{name}\", \"personalIdentityNumber\": \""),
            format!("\", \"note\": \"{la}\"}}"),
        ),
        _ => {
            (format!("SKJEMA\n{} ", x.label), format!("\nNavn: {name}\n{la}"))
        }
    }
}

const GENRES: &[&str] =
    &["postliste", "letter", "email", "log", "csv", "json", "ocr"];

fn corpus(seed: u64, records: usize) -> (String, Vec<Truth>) {
    let mut r = Rng(seed);
    let mut text = String::new();
    let mut truth = Vec::new();
    for i in 0..records {
        let genre = GENRES[i % GENRES.len()];
        let x = if genre == "ocr" { ocr_id(&mut r) } else { id(&mut r) };
        let labelled = genre != "ocr" && r.below(3) == 0;
        let (before, after) = record(&mut r, genre, &x, labelled);
        text.push_str(&before);
        let start = text.len();
        text.push_str(&x.text);
        truth.push(Truth {
            start,
            end: text.len(),
            kind: x.kind,
            form: x.form,
            genre,
        });
        text.push_str(&after);
        text.push_str("\n\n");
        // A record of look-alikes only, now and then.
        if r.below(4) == 0 {
            text.push_str(&format!("Notat: {}\n\n", look_alike(&mut r)));
        }
    }
    (text, truth)
}

#[derive(Default)]
struct Count {
    truth: usize,
    hit: usize,
    found: usize,
    good: usize,
}

fn row(name: &str, c: &Count) {
    let rec = c.hit as f64 / c.truth.max(1) as f64;
    let prec = if c.found == 0 { 1.0 } else { c.good as f64 / c.found as f64 };
    println!("  {name:<12} {:>6} {:>8.3} {:>9.3}", c.truth, rec, prec);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(12);
    let records = args.next().and_then(|s| s.parse().ok()).unwrap_or(7000);
    let (text, truth) = corpus(seed, records);
    let today = common::as_of();
    for lenient in [false, true] {
        let b = Scanner::builder().reference_date(today);
        #[cfg(not(sladd_base))]
        let b = b.lenient(lenient);
        #[cfg(sladd_base)]
        if lenient {
            continue;
        }
        let sc = b.build().expect("valid options");
        let found: Vec<_> = sc
            .find_iter(&text)
            .filter(|m| m.kind().is_national_id())
            .collect();
        let mut by: [BTreeMap<&str, Count>; 3] = Default::default();
        let keys = |t: &Truth| [t.form, t.kind.as_str(), t.genre];
        for t in &truth {
            for (k, map) in keys(t).into_iter().zip(by.iter_mut()) {
                map.entry(k).or_default().truth += 1;
            }
        }
        let at: BTreeMap<usize, &Truth> =
            truth.iter().map(|t| (t.start, t)).collect();
        let mut fp = 0;
        let mut fp_show = Vec::new();
        for m in &found {
            let t = at
                .get(&m.start())
                .filter(|t| t.end == m.end() && t.kind == m.kind());
            match t {
                Some(t) => {
                    for (k, map) in keys(t).into_iter().zip(by.iter_mut()) {
                        let c = map.entry(k).or_default();
                        c.hit += 1;
                        c.found += 1;
                        c.good += 1;
                    }
                }
                None => {
                    fp += 1;
                    if fp_show.len() < 5 {
                        fp_show.push(format!(
                            "{} {:?}",
                            m.kind(),
                            &text[m.range()]
                        ));
                    }
                    // A false positive counts against the form, kind and
                    // genre of the truth it overlaps, if any.
                    if let Some(t) = truth
                        .iter()
                        .find(|t| t.start < m.end() && m.start() < t.end)
                    {
                        for (k, map) in keys(t).into_iter().zip(by.iter_mut())
                        {
                            map.entry(k).or_default().found += 1;
                        }
                    }
                }
            }
        }
        if std::env::var_os("SHOW_MISSES").is_some() {
            let got: BTreeMap<usize, usize> =
                found.iter().map(|m| (m.start(), m.end())).collect();
            for t in &truth {
                if got.get(&t.start) != Some(&t.end) {
                    let lo = t.start.saturating_sub(30);
                    let lo = (lo..t.start)
                        .find(|&i| text.is_char_boundary(i))
                        .unwrap_or(t.start);
                    println!(
                        "  miss {} {}: {:?}",
                        t.form,
                        t.kind,
                        &text[lo..t.end]
                    );
                }
            }
        }
        let hits: usize = by[0].values().map(|c| c.hit).sum();
        let non_ocr: (usize, usize) = by[0]
            .iter()
            .filter(|(k, _)| !k.starts_with("ocr"))
            .fold((0, 0), |a, (_, c)| (a.0 + c.hit, a.1 + c.truth));
        let ocr: (usize, usize) = by[0]
            .iter()
            .filter(|(k, _)| k.starts_with("ocr"))
            .fold((0, 0), |a, (_, c)| (a.0 + c.hit, a.1 + c.truth));
        println!(
            "\n== {} (seed {seed}, {} numbers, {} findings, {} false positives)",
            if lenient { "lenient" } else { "defaults" },
            truth.len(),
            found.len(),
            fp
        );
        println!(
            "recall {:.3} (non-OCR forms {:.3}, OCR forms {:.3}), precision {:.3}",
            hits as f64 / truth.len() as f64,
            non_ocr.0 as f64 / non_ocr.1.max(1) as f64,
            ocr.0 as f64 / ocr.1.max(1) as f64,
            if found.is_empty() {
                1.0
            } else {
                hits as f64 / found.len() as f64
            }
        );
        for s in fp_show {
            println!("  false positive: {s}");
        }
        for (title, map) in ["written form", "kind", "genre"].iter().zip(&by) {
            println!(
                "  {title:<12} {:>6} {:>8} {:>9}",
                "truth", "recall", "precision"
            );
            for (k, c) in map {
                row(k, c);
            }
        }
    }
}
