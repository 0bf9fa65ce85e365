//! Table-driven tests of the sensitive-terms pass (docs/contract.md §1.1)
//! and of record risk (docs/contract.md §9): per language and category,
//! lemmas, inflected and compound forms, exceptions, weak terms alone and
//! with a second cue. Every text here is made up.

mod common;

use common::as_of;
use detect_core::{
    Assessment, Confidence, Flags, Kind, LEXICON_VERSION, Match, Risk,
    Scanner, risk_of,
};

/// `(text, [(category, confidence, matched text)])`; the category is the
/// kind without its `sensitive_` prefix.
type Case =
    (&'static str, &'static [(&'static str, &'static str, &'static str)]);

fn terms_scanner() -> Scanner {
    Scanner::builder()
        .reference_date(as_of())
        .kind_names(["sensitive"])
        .min_confidence(Confidence::Low)
        .build()
        .unwrap()
}

fn check(lang: &str, cases: &[Case]) {
    let sc = terms_scanner();
    for (text, want) in cases {
        let got: Vec<(String, String, String)> = sc
            .find_iter(text)
            .map(|m| {
                (
                    m.kind().as_str().trim_start_matches("sensitive_").into(),
                    m.confidence().to_string(),
                    text[m.range()].to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(k, c, t)| (k.to_string(), c.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want, "{lang}: {text:?}");
        // Every finding stands on its own: position-determined, and the
        // word alone validates as its kind.
        for m in sc.find_iter(text) {
            assert_eq!(sc.find_at(text, m.start()), Some(m), "{text:?}");
            assert!(sc.validate(m.kind(), &text[m.range()]), "{text:?}");
        }
    }
}

#[test]
fn norwegian_bokmal() {
    check(
        "nb",
        &[
            // Child welfare: lemma, definite, compounds, genitive.
            (
                "Vedtak om omsorgsovertakelse",
                &[("child_welfare", "high", "omsorgsovertakelse")],
            ),
            (
                "Melding til barnevernet. Barnevernstjenesten og barnevernssaken.",
                &[
                    ("child_welfare", "high", "barnevernet"),
                    ("child_welfare", "high", "Barnevernstjenesten"),
                    ("child_welfare", "high", "barnevernssaken"),
                ],
            ),
            (
                "Akuttplasseringen i beredskapshjemmet",
                &[
                    ("child_welfare", "high", "Akuttplasseringen"),
                    ("child_welfare", "high", "beredskapshjemmet"),
                ],
            ),
            (
                "BEKYMRINGSMELDING",
                &[("child_welfare", "high", "BEKYMRINGSMELDING")],
            ),
            // Health: strong terms, compounds, hyphenated compounds.
            (
                "Tvangsinnleggelse etter psykisk helsevernloven",
                &[
                    ("health", "high", "Tvangsinnleggelse"),
                    ("health", "high", "psykisk helsevernloven"),
                ],
            ),
            ("HIV-positiv", &[("health", "high", "HIV-positiv")]),
            (
                "voksenpsykiatrien og brystkreften",
                &[
                    ("health", "high", "voksenpsykiatrien"),
                    ("health", "high", "brystkreften"),
                ],
            ),
            ("sykmeldingen", &[("health", "high", "sykmeldingen")]),
            // Social: multi-word terms and compounds.
            (
                "Søknad om økonomisk sosialhjelp",
                &[("social", "high", "økonomisk sosialhjelp")],
            ),
            (
                "sosialtjenesteloven",
                &[("social", "high", "sosialtjenesteloven")],
            ),
            // Criminal.
            (
                "Straffedom og varetektsfengsling",
                &[
                    ("criminal", "high", "Straffedom"),
                    ("criminal", "high", "varetektsfengsling"),
                ],
            ),
            ("Han ble dømt", &[("criminal", "high", "dømt")]),
            ("drapet", &[("criminal", "high", "drapet")]),
            // Ethnicity, belief, sexuality, union.
            ("asylsøkeren", &[("ethnicity", "high", "asylsøkeren")]),
            ("trossamfunnet", &[("belief", "high", "trossamfunnet")]),
            ("homofile", &[("sexuality", "high", "homofile")]),
            (
                "hovedtillitsvalgt i fagforeningen",
                &[
                    ("union", "high", "hovedtillitsvalgt"),
                    ("union", "high", "fagforeningen"),
                ],
            ),
            // Exceptions and look-alikes.
            ("Bruk av sosiale medier i skolen", &[]),
            ("Rusk på veien, russefeiring", &[]),
            ("Drapert rom", &[]),
            ("drivkreftene bak", &[]),
            ("Saken gjelder eiendommen", &[]),
            ("Jeg tror det", &[]),
            ("Samlet inntekt", &[]),
            // Weak terms: low alone, medium with another term of their
            // category on the line, never cued by themselves.
            ("Tro og håp", &[("belief", "low", "Tro")]),
            ("Dom avsagt", &[("criminal", "low", "Dom")]),
            (
                "dom og dom",
                &[("criminal", "low", "dom"), ("criminal", "low", "dom")],
            ),
            (
                "Dom i straffesaken",
                &[
                    ("criminal", "medium", "Dom"),
                    ("criminal", "high", "straffesaken"),
                ],
            ),
            (
                "rus og psykiatri",
                &[
                    ("health", "medium", "rus"),
                    ("health", "high", "psykiatri"),
                ],
            ),
            (
                "rus\npsykiatri",
                &[("health", "low", "rus"), ("health", "high", "psykiatri")],
            ),
            ("Helse Bergen", &[("health", "low", "Helse")]),
            // A case-exact acronym: the union, not the word.
            ("LO-forbundet", &[("union", "high", "LO-forbundet")]),
            ("et lo-forbund", &[]),
        ],
    );
}

#[test]
fn norwegian_nynorsk() {
    check(
        "nn",
        &[
            (
                "omsorgsovertakinga",
                &[("child_welfare", "high", "omsorgsovertakinga")],
            ),
            ("fosterheimen", &[("child_welfare", "high", "fosterheimen")]),
            ("sjukmeldinga", &[("health", "high", "sjukmeldinga")]),
            ("valdtekta", &[("criminal", "high", "valdtekta")]),
            ("asylsøkjaren", &[("ethnicity", "high", "asylsøkjaren")]),
            ("trussamfunnet", &[("belief", "high", "trussamfunnet")]),
            ("fagforeininga", &[("union", "high", "fagforeininga")]),
            ("heimlause", &[("social", "high", "heimlause")]),
            ("Tru og von", &[("belief", "low", "Tru")]),
        ],
    );
}

#[test]
fn swedish() {
    check(
        "sv",
        &[
            (
                "Beslut om försörjningsstöd från socialförvaltningen",
                &[
                    ("social", "high", "försörjningsstöd"),
                    ("social", "high", "socialförvaltningen"),
                ],
            ),
            (
                "Omedelbart omhändertagande enligt LVU",
                &[
                    ("child_welfare", "high", "Omedelbart omhändertagande"),
                    ("child_welfare", "high", "LVU"),
                ],
            ),
            ("orosanmälan", &[("child_welfare", "high", "orosanmälan")]),
            (
                "familjehemsplaceringen",
                &[("child_welfare", "high", "familjehemsplaceringen")],
            ),
            ("sjukskrivningen", &[("health", "high", "sjukskrivningen")]),
            ("Tvångsvård", &[("health", "high", "Tvångsvård")]),
            ("alkoholmissbruket", &[("health", "high", "alkoholmissbruket")]),
            (
                "belastningsregistret",
                &[("criminal", "high", "belastningsregistret")],
            ),
            ("häktad", &[("criminal", "high", "häktad")]),
            ("asylsökande", &[("ethnicity", "high", "asylsökande")]),
            ("trossamfundet", &[("belief", "high", "trossamfundet")]),
            ("homosexuella", &[("sexuality", "high", "homosexuella")]),
            ("fackförbundet", &[("union", "high", "fackförbundet")]),
            ("Inlägg i sociala medier", &[]),
            ("Samma som förra året", &[]),
        ],
    );
}

#[test]
fn danish() {
    check(
        "da",
        &[
            (
                "Anbringelse uden samtykke",
                &[("child_welfare", "high", "Anbringelse uden samtykke")],
            ),
            (
                "anbringelsessagen",
                &[("child_welfare", "high", "anbringelsessagen")],
            ),
            ("plejefamilien", &[("child_welfare", "high", "plejefamilien")]),
            (
                "socialforvaltningens",
                &[("social", "high", "socialforvaltningens")],
            ),
            (
                "kontanthjælpsmodtageren",
                &[("social", "high", "kontanthjælpsmodtageren")],
            ),
            (
                "tvangsindlæggelsen",
                &[("health", "high", "tvangsindlæggelsen")],
            ),
            ("sindslidende", &[("health", "high", "sindslidende")]),
            ("voldtægten", &[("criminal", "high", "voldtægten")]),
            ("flygtningen", &[("ethnicity", "high", "flygtningen")]),
            ("trossamfundet", &[("belief", "high", "trossamfundet")]),
            ("biseksuelle", &[("sexuality", "high", "biseksuelle")]),
            (
                "tillidsrepræsentanten",
                &[("union", "high", "tillidsrepræsentanten")],
            ),
            ("Racerbilen", &[]),
        ],
    );
}

#[test]
fn finnish() {
    check(
        "fi",
        &[
            ("huostaanotto", &[("child_welfare", "high", "huostaanotto")]),
            ("huostaanoton", &[("child_welfare", "high", "huostaanoton")]),
            ("lastensuojelun", &[("child_welfare", "high", "lastensuojelun")]),
            (
                "lastensuojeluilmoitus",
                &[("child_welfare", "high", "lastensuojeluilmoitus")],
            ),
            ("toimeentulotukea", &[("social", "high", "toimeentulotukea")]),
            (
                "perustoimeentulotuen",
                &[("social", "high", "perustoimeentulotuen")],
            ),
            (
                "mielenterveyspalvelut",
                &[("health", "high", "mielenterveyspalvelut")],
            ),
            ("päihdeongelma", &[("health", "high", "päihdeongelma")]),
            ("syövän", &[("health", "high", "syövän")]),
            (
                "rikosrekisteriote",
                &[("criminal", "high", "rikosrekisteriote")],
            ),
            (
                "turvapaikanhakijat",
                &[("ethnicity", "high", "turvapaikanhakijat")],
            ),
            ("uskonnollinen", &[("belief", "high", "uskonnollinen")]),
            ("homoseksuaalit", &[("sexuality", "high", "homoseksuaalit")]),
            ("ammattiliiton", &[("union", "high", "ammattiliiton")]),
            ("luottamusmiehen", &[("union", "high", "luottamusmiehen")]),
            ("sosiaalisessa mediassa", &[]),
            (
                "Suomen Ammattiliittojen Keskusjärjestön",
                &[(
                    "union",
                    "high",
                    "Suomen Ammattiliittojen Keskusjärjestön",
                )],
            ),
            ("saken", &[]),
        ],
    );
}

#[test]
fn icelandic() {
    check(
        "is",
        &[
            (
                "barnaverndarnefnd",
                &[("child_welfare", "high", "barnaverndarnefnd")],
            ),
            (
                "barnaverndarnefndar",
                &[("child_welfare", "high", "barnaverndarnefndar")],
            ),
            (
                "fósturforeldrar",
                &[("child_welfare", "high", "fósturforeldrar")],
            ),
            ("fjárhagsaðstoð", &[("social", "high", "fjárhagsaðstoð")]),
            ("nauðungarvistun", &[("health", "high", "nauðungarvistun")]),
            ("geðdeildar", &[("health", "high", "geðdeildar")]),
            ("heimilisofbeldi", &[("criminal", "high", "heimilisofbeldi")]),
            ("hælisleitendur", &[("ethnicity", "high", "hælisleitendur")]),
            ("trúfélag", &[("belief", "high", "trúfélag")]),
            ("samkynhneigður", &[("sexuality", "high", "samkynhneigður")]),
            ("stéttarfélagsins", &[("union", "high", "stéttarfélagsins")]),
            ("trúnaðar", &[]),
        ],
    );
}

#[test]
fn caller_terms_join_the_automaton() {
    let sc = Scanner::builder()
        .reference_date(as_of())
        .kind_names(["sensitive"])
        .sensitive_terms(
            Kind::SensitiveSocial,
            ["husbankgaranti", "bydelsstøtte*"],
        )
        .sensitive_terms(Kind::SensitiveHealth, ["*kneoperasjon"])
        .build()
        .unwrap();
    let t = "Husbankgarantien, bydelsstøttesaken og en hofte-kneoperasjon";
    let got: Vec<(Kind, &str)> =
        sc.find_iter(t).map(|m| (m.kind(), &t[m.range()])).collect();
    assert_eq!(
        got,
        [
            (Kind::SensitiveSocial, "Husbankgarantien"),
            (Kind::SensitiveSocial, "bydelsstøttesaken"),
            (Kind::SensitiveHealth, "hofte-kneoperasjon"),
        ]
    );
    // The built-in terms stay, and a scanner without the list lacks them.
    assert_eq!(sc.find_iter("barnevernet").count(), 1);
    assert_eq!(terms_scanner().find_iter("husbankgaranti").count(), 0);
}

#[test]
fn masking_hides_the_word() {
    let sc = Scanner::new();
    let out = sc.redact_str(
        "Vedtak om omsorgsovertakelse",
        detect_core::RedactStyle::Mask,
    );
    assert_eq!(out, "Vedtak om ******************");
}

#[test]
fn the_threshold_hides_weak_terms_alone() {
    let sc = Scanner::builder().kind_names(["sensitive"]).build().unwrap();
    assert_eq!(sc.find_iter("Tro og håp").count(), 0);
    let m = sc.find_iter("dom i straffesak").next().unwrap();
    assert_eq!(m.confidence(), Confidence::Medium);
    assert!(m.flags().contains(Flags::CONTEXT));
}

#[test]
fn lexicon_version_is_reported() {
    assert!(LEXICON_VERSION.starts_with("sladd-terms-"));
}

fn m(kind: Kind) -> Match {
    Match::new(kind, Confidence::High, Flags::empty(), 0, 1)
}

#[test]
fn risk_levels() {
    use Kind::*;
    let cases: &[(&[Kind], Risk)] = &[
        (&[], Risk::Clean),
        (&[SensitiveChildWelfare], Risk::Clean),
        (&[NoOrgnr, SensitiveHealth], Risk::Clean),
        (&[PersonName], Risk::Personal),
        (&[Email], Risk::Personal),
        (&[Iban], Risk::Personal),
        (&[Email, SensitiveHealth], Risk::Personal),
        (&[PersonName, SensitiveChildWelfare], Risk::Special),
        (&[SensitiveSocial, PersonName, Phone], Risk::Special),
        (&[NoFnr], Risk::Identifying),
        (&[NoFnr, SensitiveChildWelfare], Risk::Identifying),
        (&[PersonName, DkCpr], Risk::Identifying),
    ];
    for (kinds, want) in cases {
        let f: Vec<Match> = kinds.iter().map(|&k| m(k)).collect();
        assert_eq!(risk_of(&f), *want, "{kinds:?}");
    }
    assert!(Risk::Clean < Risk::Personal);
    assert!(Risk::Personal < Risk::Special);
    assert!(Risk::Special < Risk::Identifying);
    for r in Risk::ALL {
        assert_eq!(r.as_str().parse::<Risk>(), Ok(r));
        assert_eq!(Risk::from_code(r.code()), Some(r));
    }
    assert_eq!(Risk::Identifying.code(), 3);
    assert!("secret".parse::<Risk>().is_err());
}

#[test]
fn assess_records() {
    let sc = Scanner::builder().reference_date(as_of()).build().unwrap();
    let a = sc.assess("Vedtak om omsorgsovertakelse");
    assert_eq!(a.risk, Risk::Clean);
    assert_eq!(a.categories, [Kind::SensitiveChildWelfare]);
    assert_eq!(a.findings.len(), 1);

    let a = sc.assess("Søknad om barnehageplass, fnr 01018000055");
    assert_eq!(a.risk, Risk::Identifying);
    assert_eq!(a.categories, [Kind::NoFnr]);

    let a = sc.assess("Vedtak om omsorgsovertakelse - 01018000055");
    assert_eq!(a.risk, Risk::Identifying);
    assert_eq!(a.categories, [Kind::NoFnr, Kind::SensitiveChildWelfare]);
    assert_eq!(
        a.sensitive().collect::<Vec<_>>(),
        [Kind::SensitiveChildWelfare]
    );

    assert_eq!(sc.assess("Referat fra møte i styret").risk, Risk::Clean);
    assert_eq!(
        sc.assess(b"\xff\xfe omsorgssvikt".as_slice()).risk,
        Risk::Clean
    );

    // A person with a sensitive term is special; built from findings, as
    // a names pass would give them.
    let t = "Vedtak om omsorgsovertakelse - Kari Nordmann";
    let mut f: Vec<Match> = sc.find_iter(t).collect();
    f.push(Match::new(
        Kind::PersonName,
        Confidence::High,
        Flags::empty(),
        32,
        45,
    ));
    let a = Assessment::of(f);
    assert_eq!(a.risk, Risk::Special);
    assert_eq!(a.categories, [Kind::PersonName, Kind::SensitiveChildWelfare]);
    // …and a name alone is personal.
    let f = [Match::new(
        Kind::PersonName,
        Confidence::High,
        Flags::empty(),
        29,
        42,
    )];
    assert_eq!(risk_of(&f), Risk::Personal);
}

/// Random texts of terms, look-alikes, Nordic letters, hyphens and broken
/// bytes: every finding lies on character boundaries, and `find_at(p)` is
/// the first finding starting at or after `p`, for every `p`
/// (position-determined, docs/contract.md §5).
#[test]
fn position_determined_on_random_text() {
    const PIECES: &[&str] = &[
        "barnevernet",
        "Suomen Ammattiliittojen Keskusjärjestön",
        "sosiale medier",
        "rus",
        "rusk",
        "dom",
        "straffesaken",
        "ØKONOMISK SOSIALHJELP",
        "psykisk helsevern",
        "huostaanoton",
        "-",
        " ",
        "\n",
        "ø",
        "Å",
        "þjóð",
        "tro",
        "HIV-",
        "trúnaðar",
        "omsorgs",
        "overtakelse",
        "kreftene",
        "\u{a0}",
        "«",
        "»",
        ".",
        "lo",
        "LO-",
    ];
    let sc = terms_scanner();
    let mut state = 7u64;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    for round in 0..1500 {
        let mut t: Vec<u8> = Vec::new();
        for _ in 0..(next() % 12) {
            t.extend_from_slice(PIECES[next() % PIECES.len()].as_bytes());
        }
        if round % 5 == 0 {
            let at = next() % (t.len() + 1);
            t.insert(at, 0xC3);
        }
        let all: Vec<Match> = sc.find_iter(&t).collect();
        let valid = std::str::from_utf8(&t).ok();
        for m in &all {
            if let Some(s) = valid {
                assert!(
                    s.is_char_boundary(m.start())
                        && s.is_char_boundary(m.end()),
                    "{s:?} {m:?}"
                );
            }
        }
        // find_at(p) is the first finding starting at or after p: so the
        // same one for every q in p..=its start, and none after p if none.
        for p in 0..=t.len() {
            let got = sc.find_at(&t, p);
            let upto = got.map_or(t.len(), |g| g.start());
            for q in p..=upto {
                assert_eq!(
                    sc.find_at(&t, q),
                    got,
                    "{:?}: from {p} and from {q}",
                    String::from_utf8_lossy(&t)
                );
            }
        }
        assert!(all.iter().all(|m| sc.find_at(&t, m.start()) == Some(*m)));
    }
}

/// A stream gives the findings of the whole text, however it is cut, cues
/// and compound words across chunk boundaries included.
#[test]
fn streams_match_whole_text() {
    let mut text = String::new();
    for i in 0..40 {
        text.push_str(match i % 5 {
            0 => "Vedtak om omsorgsovertakelse for barnet. ",
            1 => "rus og psykiatri i samme linje, dom\n",
            2 => "Bruk av sosiale medier og rusk. huostaanoton ",
            3 => "Tro alene. Dom i straffesaken, fnr 01018000055.\n",
            _ => "barnaverndarnefndar og ØKONOMISK SOSIALHJELP ",
        });
        text.push_str(&"x ".repeat(i * 7 % 90));
    }
    for min in [Confidence::Low, Confidence::Medium, Confidence::High] {
        let sc = Scanner::builder()
            .reference_date(as_of())
            .min_confidence(min)
            .build()
            .unwrap();
        let whole: Vec<Match> = sc.find_iter(&text).collect();
        assert!(
            whole.iter().any(|m| m.group() == detect_core::Group::Sensitive)
        );
        for chunk in [1, 3, 7, 64, 333] {
            let mut st = sc.stream();
            let mut got = Vec::new();
            for c in text.as_bytes().chunks(chunk) {
                st.feed(c, |m| got.push(m));
            }
            st.finish(|m| got.push(m));
            assert_eq!(got, whole, "{min:?} in chunks of {chunk}");
        }
    }
}
