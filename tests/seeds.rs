//! Golden tests: every bundled seed parsed and checked field by field
//! against values read off the text by hand.

use studyterm::ingest::load_seeds;
use studyterm::model::Study;

fn seed(prefix: &str) -> Study {
    let corpus = load_seeds();
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    corpus
        .studies
        .into_iter()
        .find(|s| s.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix} not loaded"))
}

fn labels(study: &Study) -> Vec<&str> {
    study
        .sections
        .iter()
        .filter_map(|s| s.label.as_deref())
        .collect()
}

/// Every text field of a study, to check that no page furniture leaked.
fn all_text(study: &Study) -> String {
    let mut text = vec![study.title.to_string()];
    text.extend(study.sections.iter().map(|s| s.text.to_string()));
    text.extend(study.english.iter().map(|p| p.to_string()));
    text.extend(study.chinese.iter().map(|p| p.to_string()));
    text.extend(study.summary.iter().map(|s| s.to_string()));
    text.extend(study.keywords.iter().map(|k| k.to_string()));
    text.extend(study.affiliations.iter().cloned());
    text.extend(study.authors.iter().cloned());
    text.extend(study.outcomes.iter().map(|p| p.to_string()));
    text.join("\n")
}

fn one_to_one(n: u32) -> Vec<(Option<u32>, Option<u32>)> {
    (0..n).map(|i| (Some(i), Some(i))).collect()
}

#[test]
fn seed_000_pubmed_paste_with_chinese() {
    let s = seed("000");
    assert_eq!(s.journal.as_deref(), Some("J Dermatolog Treat"));
    assert_eq!(s.year, Some(2024));
    assert_eq!(s.volume.as_deref(), Some("35"));
    assert_eq!(s.issue.as_deref(), Some("1"));
    assert_eq!(s.pages.as_deref(), Some("2338281"));
    assert_eq!(s.doi.as_deref(), Some("10.1080/09546634.2024.2338281"));
    assert_eq!(s.affiliations.len(), 1);
    assert!(s.affiliations[0].starts_with("Department of Dermatology"));
    assert_eq!(s.drugs, ["tofacitinib"]);
    assert_eq!(s.conditions, ["filler-induced granuloma"]);
    assert_eq!(s.design.as_deref(), Some("case series"));
    assert_eq!(s.n_patients, Some(3));
    assert_eq!(s.english.len(), 5);
    assert_eq!(s.chinese.len(), 5);
    assert_eq!(s.alignment, one_to_one(5));
    assert!(s.title_derived);
    assert!(
        s.title.contains("Tofacitinib") && s.title.contains("granuloma"),
        "{}",
        s.title
    );
    assert!(s.adverse_events.is_empty(), "{:?}", s.adverse_events);
    assert!(s.chinese[0].starts_with("肉芽肿形成"));
}

#[test]
fn seed_001_jama_paste_with_doses() {
    let s = seed("001");
    assert_eq!(s.journal.as_deref(), Some("JAMA Dermatol"));
    assert_eq!(s.year, Some(2021));
    assert_eq!(s.volume.as_deref(), Some("157"));
    assert_eq!(s.issue.as_deref(), Some("12"));
    assert_eq!(s.pages.as_deref(), Some("1477-1482"));
    assert_eq!(s.doi.as_deref(), Some("10.1001/jamadermatol.2021.4084"));
    assert_eq!(s.affiliations.len(), 2);
    assert!(s.drugs.iter().any(|d| d == "tofacitinib"));
    assert!(s.drugs.iter().any(|d| d == "upadacitinib"));
    let doses: Vec<(&str, &str)> = s
        .doses
        .iter()
        .map(|d| (d.drug.as_str(), d.text.as_str()))
        .collect();
    assert_eq!(
        doses,
        [
            ("tofacitinib", "5 to 10 mg twice daily"),
            ("upadacitinib", "15 mg once daily")
        ]
    );
    assert_eq!(s.conditions, ["persistent erythema multiforme"]);
    assert_eq!(s.design.as_deref(), Some("retrospective case series"));
    assert_eq!(
        s.n_patients,
        Some(4),
        "the 4 patients, not the 12 biopsy specimens"
    );
    assert_eq!(s.english.len(), 7);
    assert_eq!(s.chinese.len(), 7);
    assert_eq!(s.alignment, one_to_one(7));
    assert!(s.title_derived);
    assert_eq!(labels(&s), ["Design, Setting, and Participants"]);
}

#[test]
fn seed_002_pubmed_page_review() {
    let s = seed("002");
    assert_eq!(
        s.title,
        "Application of JAK inhibitors in paradoxical reaction through immune-related dermatoses"
    );
    assert!(!s.title_derived);
    assert_eq!(s.pmid.as_deref(), Some("38444845"));
    assert_eq!(s.pmcid.as_deref(), Some("PMC10912518"));
    assert_eq!(s.doi.as_deref(), Some("10.3389/fimmu.2024.1341632"));
    assert_eq!(s.year, Some(2024));
    assert_eq!(s.journal, None, "the page does not name its journal");
    assert_eq!(
        s.keywords,
        [
            "JAK inhibitors",
            "atopic dermatitis",
            "immune-related dermatoses",
            "paradoxical reaction",
            "psoriasis"
        ]
    );
    assert_eq!(s.design.as_deref(), Some("review"));
    assert_eq!(
        s.drugs,
        [
            "tofacitinib",
            "baricitinib",
            "ruxolitinib",
            "abrocitinib",
            "upadacitinib",
            "deucravacitinib"
        ]
    );
    assert!(s.conditions.iter().any(|d| d == "psoriasis"));
    assert!(s.conditions.iter().any(|d| d == "atopic dermatitis"));
    assert_eq!(s.n_patients, None);
    assert_eq!(s.english.len(), 1);
    assert!(s.chinese.is_empty());
    let text = all_text(&s);
    for furniture in [
        "Figures",
        "MeSH terms",
        "LinkOut",
        "Full Text Sources",
        "Conflict of interest",
        "Copyright",
        "Publication types",
        "Keywords:",
    ] {
        assert!(
            !text.contains(furniture),
            "furniture {furniture:?} in a text field"
        );
    }
}

#[test]
fn seed_003_aggregator_page() {
    let s = seed("003");
    assert_eq!(
        s.title,
        "Refractory Palmoplantar Pustulosis Successfully Treated with JAK Inhibitor Tofacitinib: A Case Series"
    );
    assert_eq!(s.journal.as_deref(), Some("Infection and Drug Resistance"));
    assert_eq!(s.volume.as_deref(), Some("16"));
    assert_eq!(s.issue, None);
    assert_eq!(s.pages.as_deref(), Some("5165-5172"));
    assert_eq!(s.publisher.as_deref(), Some("Dove Medical Press Ltd"));
    assert_eq!(s.doi.as_deref(), Some("10.2147/IDR.S421299"));
    assert_eq!(s.keywords.len(), 3);
    assert_eq!(s.drugs, ["tofacitinib"]);
    assert_eq!(s.conditions, ["palmoplantar pustulosis"]);
    assert_eq!(s.design.as_deref(), Some("case series"));
    assert_eq!(s.n_patients, Some(6));
    assert_eq!(
        labels(&s),
        ["Background", "Methods", "Results", "Conclusion"]
    );
    assert_eq!(s.year, None, "the page states no year");
    assert!(
        s.summary
            .as_deref()
            .is_some_and(|t| t.starts_with("This study aims"))
    );
    let text = all_text(&s);
    for furniture in [
        "Rate this paper",
        "Click your name",
        "claim this paper",
        "Not enough ratings",
        "No Data Available",
        "Ask authors",
        "4.6",
        "Scientific rigor",
    ] {
        assert!(
            !text.contains(furniture),
            "furniture {furniture:?} in a text field"
        );
    }
}

#[test]
fn seed_004_conference_abstract_with_glued_labels() {
    let s = seed("004");
    assert!(s.title_derived);
    assert!(s.title.contains("juvenile dermatomyositis"), "{}", s.title);
    assert_eq!(s.conditions, ["juvenile dermatomyositis"]);
    assert_eq!(s.n_patients, Some(6));
    assert_eq!(s.drugs[0], "tofacitinib");
    for prior in [
        "glucocorticoids",
        "methotrexate",
        "pamidronate",
        "intravenous immunoglobulin",
        "mycophenolate mofetil",
        "rituximab",
        "cyclophosphamide",
    ] {
        assert!(
            s.drugs.iter().any(|d| d == prior),
            "missing {prior}: {:?}",
            s.drugs
        );
    }
    assert_eq!(s.doses.len(), 1);
    assert_eq!(
        (s.doses[0].drug.as_str(), s.doses[0].text.as_str()),
        ("tofacitinib", "10 mg/day")
    );
    assert_eq!(
        labels(&s),
        [
            "Background",
            "Objectives",
            "Methods",
            "Results",
            "Conclusion"
        ]
    );
    assert!(
        s.sections[1]
            .text
            .starts_with("In this study, we evaluated")
    );
    let mut events = s.adverse_events.clone();
    events.sort();
    assert_eq!(events, ["allergic reaction", "neutropenia"]);
    assert_eq!(s.doi, None, "the abstract states no DOI");
    assert_eq!(s.year, None);
    let text = all_text(&s);
    for furniture in [
        "Talk to us",
        "Schedule a call",
        "Full Text",
        "Published version",
        "Join us",
    ] {
        assert!(
            !text.contains(furniture),
            "furniture {furniture:?} in a text field"
        );
    }
    assert!(
        !s.sections.iter().any(|x| x.text.contains("None declared")),
        "disclosure kept as abstract"
    );
}

#[test]
fn every_seed_round_trips_through_json() {
    for study in load_seeds().studies {
        let json = serde_json::to_string(&study).unwrap();
        let back: Study = serde_json::from_str(&json).unwrap();
        assert_eq!(back, study);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        for field in [
            "id",
            "source",
            "format",
            "title",
            "title_derived",
            "authors",
            "affiliations",
            "journal",
            "year",
            "volume",
            "issue",
            "pages",
            "doi",
            "pmid",
            "pmcid",
            "publisher",
            "keywords",
            "design",
            "n_patients",
            "drugs",
            "doses",
            "conditions",
            "adverse_events",
            "outcomes",
            "sections",
            "english",
            "chinese",
            "alignment",
            "warnings",
        ] {
            assert!(value.get(field).is_some(), "{} lacks {field}", study.id);
        }
    }
}
