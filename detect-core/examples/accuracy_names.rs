//! Precision and recall of the `person_name` pass on a labelled corpus
//! generated here, per language and per shape, with institution, street,
//! organisation and ordinary-word look-alikes.
//!
//! `cargo run --release -p detect-core --example accuracy_names [sentences]`
//!
//! The names do not come from the dictionary files: they are invented from
//! syllables (Nordic-shaped given names and rare surnames with Nordic
//! endings), taken from hand-written lists of names of people born abroad,
//! or a short hand-written list of common Nordic names (which the
//! dictionaries do hold, as real text does). No real person is meant.
//! Scoring is strict: a finding counts only if its span equals a labelled
//! name; a look-alike reported (any span inside it) counts against it.

use std::collections::BTreeMap;

use detect_core::{Confidence, Kind, Scanner};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const LANGS: [&str; 6] = ["nb", "nn", "sv", "da", "fi", "is"];

const COMMON_GIVEN: &[&str] = &[
    "Kari", "Ola", "Anne", "Lars", "Ingrid", "Per", "Anna", "Erik", "Maria",
    "Mette", "Jens", "Sofie", "Matti", "Liisa", "Jón", "Guðrún", "Sigrid",
    "Magnus", "Eva", "Henrik",
];
const COMMON_SUR: &[&str] = &[
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersson",
    "Johansson",
    "Nielsen",
    "Jensen",
    "Virtanen",
    "Korhonen",
    "Berg",
    "Lindqvist",
    "Haugen",
    "Pedersen",
    "Nieminen",
];
const ABROAD_GIVEN: &[&str] = &[
    "Mohammed",
    "Fatima",
    "Ahmed",
    "Amina",
    "Abdirahman",
    "Hodan",
    "Piotr",
    "Agnieszka",
    "Nguyen",
    "Thi",
    "Oksana",
    "Dmytro",
    "Yusuf",
    "Leyla",
    "Tomasz",
    "Aziz",
    "Samira",
    "Mehmet",
    "Ayşe",
    "Tesfaye",
];
const ABROAD_SUR: &[&str] = &[
    "Al-Hassan",
    "Abdullahi",
    "Kowalski",
    "Nowak",
    "Tran",
    "Hussein",
    "Yilmaz",
    "Kaya",
    "Shevchenko",
    "Mohamud",
    "Haile",
    "Rahimi",
    "Wiśniewski",
    "Osman",
    "Demir",
];
const SYL1: &[&str] = &[
    "Tor", "Sig", "Ing", "Alv", "Hal", "Ey", "Ben", "Mar", "Sol", "Ran",
    "Vil", "Ås",
];
const SYL2: &[&str] = &[
    "vald", "ny", "hild", "mund", "vor", "dis", "frid", "run", "bjørg", "leif",
];
const SUR_STEM: &[&str] = &[
    "Kvæst", "Brekk", "Holt", "Ramst", "Fjær", "Skog", "Lidd", "Vastr",
    "Heggel", "Tønn", "Urh", "Ålv", "Mykl", "Sæv", "Kallv",
];
const SUR_END: &[&str] = &[
    "sen", "son", "sson", "nen", "stad", "rud", "heim", "berg", "vik", "dal",
];

/// A generated name and its shape.
fn name(r: &mut Rng) -> (String, String, &'static str) {
    let src = r.below(3);
    let given = |r: &mut Rng| -> String {
        match src {
            0 => r.pick(COMMON_GIVEN).to_string(),
            1 => r.pick(ABROAD_GIVEN).to_string(),
            _ => format!("{}{}", r.pick(SYL1), r.pick(SYL2)),
        }
    };
    let sur = |r: &mut Rng| -> String {
        match src {
            0 => r.pick(COMMON_SUR).to_string(),
            1 => r.pick(ABROAD_SUR).to_string(),
            _ => format!("{}{}", r.pick(SUR_STEM), r.pick(SUR_END)),
        }
    };
    let g = given(r);
    let s = sur(r);
    match r.below(9) {
        0 => (format!("{g} {}", given(r)) + " " + &s, g, "double_given"),
        1 => (format!("{s}, {g}"), g, "surname_comma"),
        2 => {
            let i = g.chars().next().unwrap_or('K');
            (format!("{i}. {s}"), g, "initial")
        }
        3 => (format!("{g}-{} {s}", given(r)), g, "hyphenated"),
        4 => {
            (format!("{} {s}", g.to_uppercase()).to_uppercase(), g, "all_caps")
        }
        _ => (format!("{g} {s}"), g, "given_surname"),
    }
}

fn templates(
    lang: &str,
) -> (&'static [&'static str], &'static [&'static str]) {
    // Sentences with a name; sentences with a look-alike ({X} is a
    // capitalised two-word name-like phrase that belongs to something else).
    match lang {
        "nb" => (
            &[
                "Klagen fra {N} ble behandlet i møtet.",
                "Saken gjelder søknad fra {N} om dispensasjon.",
                "I går sa {N} at vedtaket var feil.",
                "Brevet er sendt til {N} med kopi til arkivet.",
            ],
            &[
                "Elevene ved {X} skole fikk fri.",
                "Kontoret ligger i {X}s gate 12.",
                "Avtalen med {X} AS ble signert.",
                "Tilskuddet går til {X} stiftelse.",
            ],
        ),
        "nn" => (
            &[
                "Klaga frå {N} vart handsama i møtet.",
                "Det var {N} som skreiv brevet.",
                "Søknaden frå {N} er motteken.",
            ],
            &[
                "Elevane ved {X} skule fekk fri.",
                "Kontoret ligg i {X}s veg 3.",
                "Avtalen med {X} AS vart signert.",
            ],
        ),
        "sv" => (
            &[
                "Ansökan från {N} har kommit in.",
                "Beslutet meddelades {N} i går.",
                "Enligt {N} är uppgifterna felaktiga.",
            ],
            &[
                "Hon arbetar på {X} sjukhus.",
                "Kontoret ligger på {X}s gata 4.",
                "Beställningen gick till {X} AB.",
            ],
        ),
        "da" => (
            &[
                "Klagen fra {N} er modtaget.",
                "Sagen er behandlet af {N} i forvaltningen.",
                "Ifølge {N} er oplysningerne forkerte.",
            ],
            &[
                "Børnene på {X} skole fik fri.",
                "Butikken ligger på {X}s vej 8.",
                "Fakturaen er sendt til {X} ApS.",
            ],
        ),
        "fi" => (
            &[
                "Hakija {N} on toimittanut liitteet.",
                "Päätöksen allekirjoitti {N} eilen.",
                "Asian esitteli {N} kokouksessa.",
            ],
            &[
                "Tilaus lähti yritykselle {X} Oy.",
                "Toimisto on osoitteessa {X}n katu 5.",
                "Kokous pidettiin {X} koulu tiloissa.",
            ],
        ),
        _ => (
            &[
                "Umsækjandi {N} hefur fengið svar.",
                "Bréfið var sent til {N} í gær.",
                "Að sögn {N} er málið leyst.",
            ],
            &[
                "Samningur við {X} ehf. var undirritaður.",
                "Skrifstofan er við {X}s vegur 4.",
                "Nemendur í {X} skóli fengu frí.",
            ],
        ),
    }
}

const ORDINARY: &[&str] = &[
    "Berg og Strand var stengt i helgen.",
    "Per person koster det 200 kroner.",
    "Liv og helse går foran.",
    "Juni var varm i år, og Mai var kald.",
    "Tor Berg ligger langt mot nord.",
    "Det Norske Teatret satte opp stykket.",
    "Statens Vegvesen stengte veien.",
];

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn line(&self) -> String {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        format!(
            "{:>6} {:>6} {:>6} | P {:.3} R {:.3} F1 {:.3}",
            self.tp, self.fp, self.fn_, p, r, f
        )
    }
}

fn main() {
    let n: usize =
        std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(6000);
    let sc = Scanner::builder()
        .kinds([Kind::PersonName])
        .min_confidence(Confidence::Medium)
        .build()
        .expect("scanner");
    let mut r = Rng(0x5EED);
    let mut by_lang: BTreeMap<String, Score> = BTreeMap::new();
    let mut by_shape: BTreeMap<String, Score> = BTreeMap::new();
    let mut lookalike = (0usize, 0usize);
    let mut ordinary = (0usize, 0usize);
    let mut examples_missed: Vec<String> = Vec::new();
    let mut examples_fp: Vec<String> = Vec::new();
    for i in 0..n {
        let lang = LANGS[i % LANGS.len()];
        let (pos, neg) = templates(lang);
        if r.below(4) == 0 {
            // A look-alike: a name-like phrase that names a place or body.
            let tpl = r.pick(neg);
            let (nm, _, _) = name(&mut r);
            let x = nm.replace(", ", " ");
            let text = tpl.replace("{X}", &x);
            lookalike.0 += 1;
            let got: Vec<_> = sc.find_iter(&text).collect();
            if !got.is_empty() {
                lookalike.1 += 1;
                if examples_fp.len() < 8 {
                    examples_fp.push(format!(
                        "{text} -> {:?}",
                        got.iter()
                            .map(|m| &text[m.range()])
                            .collect::<Vec<_>>()
                    ));
                }
            }
            continue;
        }
        if r.below(12) == 0 {
            let text = r.pick(ORDINARY);
            ordinary.0 += 1;
            if sc.find_iter(text).next().is_some() {
                ordinary.1 += 1;
            }
            continue;
        }
        let tpl = r.pick(pos);
        let (nm, _, shape) = name(&mut r);
        let at = tpl.find("{N}").unwrap_or(0);
        let text = tpl.replace("{N}", &nm);
        let want = (at, at + nm.len());
        let got: Vec<(usize, usize)> =
            sc.find_iter(&text).map(|m| (m.start(), m.end())).collect();
        let hit = got.contains(&want);
        let fps = got.iter().filter(|g| **g != want).count();
        for s in [
            by_lang.entry(lang.to_string()).or_default(),
            by_shape.entry(shape.to_string()).or_default(),
        ] {
            if hit {
                s.tp += 1;
            } else {
                s.fn_ += 1;
            }
            s.fp += fps;
        }
        if !hit && examples_missed.len() < 12 {
            examples_missed.push(format!(
                "[{lang}/{shape}] {text} -> {:?}",
                got.iter().map(|g| &text[g.0..g.1]).collect::<Vec<_>>()
            ));
        }
    }
    println!(
        "person_name, threshold medium, strict spans, {n} generated sentences"
    );
    println!("{:<16} {:>6} {:>6} {:>6}", "", "tp", "fp", "fn");
    for (k, s) in &by_lang {
        println!("{:<16} {}", format!("lang {k}"), s.line());
    }
    for (k, s) in &by_shape {
        println!("{:<16} {}", format!("shape {k}"), s.line());
    }
    let mut all = Score::default();
    for s in by_lang.values() {
        all.tp += s.tp;
        all.fp += s.fp;
        all.fn_ += s.fn_;
    }
    println!("{:<16} {}", "all", all.line());
    println!(
        "look-alikes (institution, street, organisation) reported as people: {}/{} = {:.1} %",
        lookalike.1,
        lookalike.0,
        100.0 * lookalike.1 as f64 / lookalike.0.max(1) as f64
    );
    println!(
        "ordinary-word sentences with a finding: {}/{} = {:.1} %",
        ordinary.1,
        ordinary.0,
        100.0 * ordinary.1 as f64 / ordinary.0.max(1) as f64
    );
    if std::env::var_os("SHOW").is_some() {
        println!("\nmissed:");
        for e in &examples_missed {
            println!("  {e}");
        }
        println!("look-alikes reported:");
        for e in &examples_fp {
            println!("  {e}");
        }
    }
}
