//! Pages the parser was not written against (tests/fixtures/pages, with
//! hand-checked values in EXPECTED.md there): one row per page, the fields a
//! reader would check first.

use std::path::PathBuf;

use studyterm::ingest::load_paths;
use studyterm::model::Study;

struct Expected {
    file: &'static str,
    title_starts: &'static str,
    journal: Option<&'static str>,
    year: Option<i32>,
    doi: Option<&'static str>,
    design: Option<&'static str>,
    n: Option<u32>,
    drugs: &'static [&'static str],
    condition: &'static str,
    events: &'static [&'static str],
    not_events: &'static [&'static str],
    authors: usize,
    sections: usize,
    chinese: usize,
}

const PAGES: &[Expected] = &[
    Expected {
        file: "01_pubmed_case_report.txt",
        title_starts: "Generalized granuloma annulare refractory",
        journal: Some("J Dermatol"),
        year: Some(2023),
        doi: Some("10.1111/1346-8138.16789"),
        design: Some("case report"),
        n: Some(1),
        drugs: &["methotrexate", "abrocitinib"],
        condition: "granuloma annulare",
        events: &["nausea"],
        not_events: &[],
        authors: 3,
        sections: 1,
        chinese: 0,
    },
    Expected {
        file: "02_pubmed_abstract_text.txt",
        title_starts: "Abrocitinib in adolescents and adults",
        journal: Some("Br J Dermatol"),
        year: Some(2023),
        doi: Some("10.1093/bjd/ljac100"),
        design: Some("cohort study"),
        n: Some(112),
        drugs: &["abrocitinib", "dupilumab"],
        condition: "atopic dermatitis",
        events: &["nausea", "acne", "headache", "herpes zoster"],
        not_events: &[
            "venous thromboembolism",
            "major adverse cardiovascular events",
        ],
        authors: 5,
        sections: 5,
        chinese: 0,
    },
    Expected {
        file: "03_chinese_bilingual.txt",
        title_starts: "Clinical efficacy of baricitinib",
        journal: Some("中华皮肤科杂志"),
        year: Some(2023),
        doi: Some("10.35541/cjd.20220512"),
        design: Some("retrospective case series"),
        n: Some(20),
        drugs: &["baricitinib"],
        condition: "alopecia areata",
        events: &["acne"],
        not_events: &["herpes zoster", "venous thromboembolism"],
        authors: 3,
        sections: 4,
        chinese: 4,
    },
    Expected {
        file: "04_frontiers_publisher.txt",
        title_starts: "Tofacitinib added to conventional therapy",
        journal: Some("Frontiers in Immunology"),
        year: Some(2023),
        doi: Some("10.3389/fimmu.2023.1134567"),
        design: Some("retrospective cohort study"),
        n: Some(58),
        drugs: &["tofacitinib"],
        condition: "interstitial lung disease",
        events: &["herpes zoster", "pneumonia"],
        not_events: &["melanoma"],
        authors: 4,
        sections: 4,
        chinese: 0,
    },
    Expected {
        file: "05_eular_conference.txt",
        title_starts: "Baricitinib in Refractory Adult-onset Still's Disease",
        journal: Some("Annals of the Rheumatic Diseases"),
        year: Some(2023),
        doi: Some("10.1136/annrheumdis-2023-eular.1234"),
        design: Some("retrospective case series"),
        n: Some(12),
        drugs: &["baricitinib", "prednisone"],
        condition: "adult-onset still's disease",
        events: &["herpes zoster"],
        not_events: &["venous thromboembolism", "infection"],
        authors: 4,
        sections: 5,
        chinese: 0,
    },
    Expected {
        file: "06_sciencedirect_upadacitinib_hs.txt",
        title_starts: "Upadacitinib for moderate-to-severe hidradenitis",
        journal: Some("Journal of the American Academy of Dermatology"),
        year: Some(2023),
        doi: Some("10.1016/j.jaad.2023.06.045"),
        design: Some("retrospective cohort study"),
        n: Some(31),
        drugs: &["upadacitinib", "adalimumab", "secukinumab"],
        condition: "hidradenitis suppurativa",
        events: &["acne", "herpes zoster", "elevated creatine phosphokinase"],
        not_events: &["venous thromboembolism", "malignancy"],
        authors: 4,
        sections: 6,
        chinese: 0,
    },
    Expected {
        file: "07_aggregator_vitiligo_cohort.txt",
        title_starts: "Ruxolitinib cream 1.5% for non-segmental vitiligo",
        journal: Some("Journal of Dermatological Treatment"),
        year: Some(2024),
        doi: Some("10.1080/09546634.2024.2351234"),
        design: Some("retrospective cohort study"),
        n: Some(45),
        drugs: &["ruxolitinib"],
        condition: "vitiligo",
        events: &["acne"],
        not_events: &[],
        authors: 4,
        sections: 5,
        chinese: 0,
    },
    Expected {
        file: "08_review_deucravacitinib.txt",
        title_starts: "Deucravacitinib and selective TYK2 inhibition",
        journal: None,
        year: Some(2024),
        doi: None,
        design: Some("review"),
        n: None,
        drugs: &["deucravacitinib"],
        condition: "psoriasis",
        events: &["herpes zoster"],
        not_events: &[],
        authors: 3,
        sections: 3,
        chinese: 0,
    },
    Expected {
        file: "09_sciencedirect_outline_fulltext.txt",
        title_starts: "Baricitinib for severe alopecia areata in Chinese adults",
        journal: Some("Journal of Dermatological Science"),
        year: Some(2023),
        doi: Some("10.1016/j.jdermsci.2023.03.004"),
        design: Some("cohort study"),
        n: Some(56),
        drugs: &["baricitinib"],
        condition: "alopecia areata",
        events: &["acne", "upper respiratory tract infection", "herpes zoster"],
        // Named in the full text's exclusion criteria, after the abstract.
        not_events: &["infection", "malignancy"],
        authors: 3,
        sections: 5,
        chinese: 0,
    },
    Expected {
        file: "10_medrxiv_preprint.txt",
        title_starts: "Real-world effectiveness of upadacitinib in adults",
        journal: None,
        year: Some(2023),
        doi: Some("10.1101/2023.05.12.23289876"),
        design: Some("retrospective cohort study"),
        n: Some(318),
        drugs: &["upadacitinib", "dupilumab"],
        condition: "atopic dermatitis",
        events: &["acne", "herpes simplex"],
        not_events: &[],
        authors: 5,
        sections: 4,
        chinese: 0,
    },
    Expected {
        file: "11_chinese_first_colonless_labels.txt",
        title_starts: "Tofacitinib for refractory cutaneous dermatomyositis",
        journal: Some("中华皮肤科杂志"),
        year: Some(2023),
        doi: Some("10.35541/cjd.20220845"),
        design: Some("retrospective case series"),
        n: Some(12),
        drugs: &["tofacitinib"],
        condition: "dermatomyositis",
        events: &["upper respiratory tract infection", "herpes zoster"],
        not_events: &[],
        authors: 3,
        sections: 4,
        chinese: 4,
    },
    Expected {
        file: "12_letter_no_headings.txt",
        title_starts: "Baricitinib for lichen planopilaris refractory to hydroxychloroquine",
        journal: Some("Journal of the American Academy of Dermatology"),
        year: Some(2023),
        doi: Some("10.1016/j.jaad.2023.06.021"),
        design: Some("case series"),
        n: Some(4),
        drugs: &["baricitinib", "hydroxychloroquine"],
        condition: "lichen planopilaris",
        events: &["hyperlipidaemia"],
        not_events: &[],
        authors: 3,
        sections: 3,
        chinese: 0,
    },
    Expected {
        file: "13_pubmed_whole_page_banner.txt",
        title_starts: "Omalizumab versus placebo for chronic spontaneous urticaria",
        journal: Some("Pediatr Clin Dermatol"),
        year: Some(2022),
        doi: Some("10.9999/pcd.2022.0311"),
        design: Some("randomized controlled trial"),
        n: Some(84),
        drugs: &["omalizumab", "antihistamines"],
        condition: "chronic spontaneous urticaria",
        events: &["headache"],
        not_events: &[],
        authors: 0,
        sections: 4,
        chinese: 0,
    },
    Expected {
        file: "14_pmc_logo_page.txt",
        title_starts: "Rituximab for refractory granulomatosis with polyangiitis",
        journal: Some("Clinical Rheumatology Reports"),
        year: Some(2021),
        doi: Some("10.9999/crr.2021.0145"),
        design: Some("non-randomized trial"),
        n: Some(58),
        drugs: &["rituximab", "cyclophosphamide"],
        condition: "granulomatosis with polyangiitis",
        events: &[],
        not_events: &[],
        authors: 3,
        sections: 4,
        chinese: 0,
    },
];

#[test]
fn a_page_cut_mid_sentence_keeps_its_last_section() {
    let page = "Abstract\n\nBackground: Adjuvant trastuzumab is used outside trials.\n\n\
                Methods\n\nWe included all patients with early breast cancer in five hospitals.\n\n\
                Results\n\nOf 2,684 patients included, 476 (17.7%) had a HER2-pos";
    let study = parse(page);
    assert_eq!(study.sections.len(), 3, "{:?}", study.sections);
    assert_eq!(study.n_patients, Some(2684));
}

fn parse(page: &str) -> Study {
    studyterm::ingest::ingest_bytes("page", "page", page.as_bytes())
        .expect("a study")
        .remove(0)
}

#[test]
fn another_articles_title_and_widgets_are_not_the_title() {
    // The shape of a publisher's page: links to the next article with its
    // title, a posted date under its label, a widget credit line.
    let s = parse(
        "Next Article in Journal\nNeuroimaging Studies of Consciousness: A Meta-Analytic Evaluation\n\
         Statistics from Altmetric.com\n\
         Methotrexate in Early Rheumatoid Arthritis: A Treat-to-Target Cohort\n\
         Posted:\n\n10 October 2024\n\nAbstract\n\n\
         Background: We followed 120 patients with early rheumatoid arthritis given methotrexate for two years.",
    );
    assert_eq!(
        s.title.as_str(),
        "Methotrexate in Early Rheumatoid Arthritis: A Treat-to-Target Cohort"
    );
    assert_eq!(s.year, Some(2024));
    // A citation shown as BibTeX gives the title.
    let s = parse(
        "@article{Smith2019,\n  title={Pemphigus: a treatment update.},\n  author={Smith, J},\n}\n\n\
         Pemphigus is a rare autoimmune blistering disease treated with rituximab and glucocorticoids.",
    );
    assert_eq!(s.title.as_str(), "Pemphigus: a treatment update");
}

#[test]
fn a_label_without_a_value_leaves_the_abstract() {
    // "Published online" with its date missing: the next paragraph is the
    // abstract, not a date.
    let s = parse(
        "Vesicular Eczema After Intravenous Immunoglobulin for Stevens-Johnson Syndrome\n\
         Published online\n\n\
         Stevens-Johnson syndrome is one of the most severe eruptions in children. \
         We report a case of a vesicular eruption after intravenous immunoglobulin in a 6-year-old boy.",
    );
    assert_eq!(s.sections.len(), 1);
    assert_eq!(s.design.as_deref(), Some("case report"));
}

#[test]
fn whole_pages_keep_their_ids_and_drug_order() {
    let s = load("14_pmc_logo_page.txt");
    assert_eq!(
        (s.pmid.as_deref(), s.pmcid.as_deref()),
        (Some("39990001"), Some("PMC9999001"))
    );
    // The studied drug first, the one it was refractory to after.
    assert_eq!(s.drugs.first().map(|d| d.as_str()), Some("rituximab"));
    // The government banner above the abstract is no abstract text.
    let s = load("13_pubmed_whole_page_banner.txt");
    assert!(s.english.iter().all(|p| !p.contains(".gov")));
}

fn load(file: &str) -> Study {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(file);
    let corpus = load_paths(&[path]);
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    corpus.studies.into_iter().next().expect("one study")
}

#[test]
fn unseen_pages_parse_field_by_field() {
    let mut failures = Vec::new();
    for e in PAGES {
        let s = load(e.file);
        let mut check = |field: &str, ok: bool, got: String| {
            if !ok {
                failures.push(format!("{}: {field}: got {got}", e.file));
            }
        };
        check(
            "title",
            s.title.starts_with(e.title_starts) && !s.title_derived,
            s.title.to_string(),
        );
        check(
            "journal",
            s.journal.as_deref() == e.journal,
            format!("{:?}", s.journal),
        );
        check("year", s.year == e.year, format!("{:?}", s.year));
        check("doi", s.doi.as_deref() == e.doi, format!("{:?}", s.doi));
        check(
            "design",
            s.design.as_deref() == e.design,
            format!("{:?}", s.design),
        );
        check("n", s.n_patients == e.n, format!("{:?}", s.n_patients));
        for d in e.drugs {
            check(
                "drug",
                s.drugs.iter().any(|x| x == d),
                format!("{:?} lacks {d}", s.drugs),
            );
        }
        check(
            "condition",
            s.conditions.iter().any(|c| c == e.condition),
            format!("{:?}", s.conditions),
        );
        for a in e.events {
            check(
                "event",
                s.adverse_events.iter().any(|x| x == a),
                format!("{:?} lacks {a}", s.adverse_events),
            );
        }
        for a in e.not_events {
            check(
                "negated event",
                !s.adverse_events.iter().any(|x| x == a),
                format!("{:?} has {a}", s.adverse_events),
            );
        }
        check(
            "authors",
            s.authors.len() == e.authors,
            format!("{:?}", s.authors),
        );
        check(
            "sections",
            s.sections.len() == e.sections,
            format!(
                "{:?}",
                s.sections.iter().map(|x| &x.label).collect::<Vec<_>>()
            ),
        );
        check(
            "chinese",
            s.chinese.len() == e.chinese,
            format!("{}", s.chinese.len()),
        );
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn no_site_text_reaches_any_field() {
    let furniture = [
        "JavaScript",
        "cookie",
        "Similar articles",
        "Cited by",
        "Download",
        "Share on",
        "Powered by",
        "Copyright ©",
        "All rights reserved",
        "Fund program",
        "基金项目",
        "引用本文",
        "参考文献",
        "Disclaimer",
        "Citation:",
        "Section snippets",
        "Recommended articles",
        "NIH NLM Logo",
    ];
    for e in PAGES {
        let s = load(e.file);
        let mut text = vec![s.title.to_string()];
        text.extend(s.sections.iter().map(|x| x.text.to_string()));
        text.extend(s.english.iter().map(|p| p.to_string()));
        text.extend(s.chinese.iter().map(|p| p.to_string()));
        text.extend(s.summary.iter().map(|x| x.to_string()));
        let text = text.join("\n");
        for f in furniture {
            assert!(
                !text.contains(f),
                "{}: {f:?} leaked into a text field",
                e.file
            );
        }
    }
}
