//! Exported records, read by content (not file name): MEDLINE, PubMed XML
//! and RIS fixtures written from the format documentation.

use std::path::PathBuf;

use studyterm::ingest::load_paths;
use studyterm::model::{Corpus, Study};

fn load(name: &str) -> Corpus {
    load_paths(&[PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/records")
        .join(name)])
}

/// The section labels of a study, in order.
fn labels(s: &Study) -> Vec<&str> {
    s.sections
        .iter()
        .filter_map(|x| x.label.as_deref())
        .collect()
}

fn by_pmid<'a>(corpus: &'a Corpus, pmid: &str) -> &'a Study {
    corpus
        .studies
        .iter()
        .find(|s| s.pmid.as_deref() == Some(pmid))
        .expect("record")
}

#[test]
fn medline_records_with_continuation_lines() {
    let corpus = load("export.nbib");
    assert_eq!(corpus.studies.len(), 2);
    let review = by_pmid(&corpus, "38444845");
    assert_eq!(review.format, "medline");
    assert_eq!(
        review.title,
        "Application of JAK inhibitors in paradoxical reaction through immune-related dermatoses"
    );
    assert_eq!(review.doi.as_deref(), Some("10.3389/fimmu.2024.1341632"));
    assert_eq!(review.pmcid.as_deref(), Some("PMC10912518"));
    assert_eq!(review.journal.as_deref(), Some("Front Immunol"));
    assert_eq!(
        (
            review.year,
            review.volume.as_deref(),
            review.pages.as_deref()
        ),
        (Some(2024), Some("15"), Some("1341632"))
    );
    assert_eq!(review.authors, ["Zhang, Xiaoyu", "Jiang, Wei"]);
    assert_eq!(review.affiliations.len(), 1);
    // Author keywords, then the MeSH headings without stars and subheadings.
    assert_eq!(
        review.keywords,
        [
            "JAK inhibitors",
            "atopic dermatitis",
            "psoriasis",
            "Humans",
            "Janus Kinase Inhibitors"
        ]
    );
    assert_eq!(
        review.drugs,
        [
            "tofacitinib",
            "baricitinib",
            "ruxolitinib",
            "abrocitinib",
            "upadacitinib",
            "deucravacitinib"
        ]
    );
    assert_eq!(review.design.as_deref(), Some("review"));
    assert!(review.id.ends_with("-38444845"));
}

#[test]
fn medline_structured_abstract_and_chinese_title() {
    let corpus = load("export.nbib");
    let s = by_pmid(&corpus, "37000123");
    assert_eq!(
        s.title,
        "Clinical efficacy of baricitinib in moderate-to-severe alopecia areata: an analysis of 20 cases"
    );
    assert_eq!(
        s.title_original.as_deref(),
        Some("巴瑞替尼治疗中重度斑秃20例临床疗效观察")
    );
    assert_eq!(
        labels(s),
        ["Objective", "Methods", "Results", "Conclusions"]
    );
    assert_eq!(
        (
            s.year,
            s.volume.as_deref(),
            s.issue.as_deref(),
            s.pages.as_deref()
        ),
        (Some(2023), Some("56"), Some("4"), Some("321-325"))
    );
    assert_eq!(s.drugs, ["baricitinib"]);
    assert_eq!(s.conditions, ["alopecia areata"]);
    assert_eq!(s.n_patients, Some(20));
    assert_eq!(s.adverse_events, ["acne"]);
    // The Chinese other abstract (`OAB`), continuation line joined, is the
    // record's Chinese text, aligned with the English.
    assert_eq!(s.chinese.len(), 1);
    assert!(s.chinese[0].starts_with("目的：评价巴瑞替尼"));
    assert!(s.chinese[0].ends_with("连续24周。"));
    assert!(!s.english.iter().any(|p| p.contains("目的")));
}

#[test]
fn a_malformed_medline_record_is_a_diagnostic() {
    let corpus = load("export.nbib");
    assert_eq!(corpus.diagnostics.len(), 1);
    assert!(
        corpus.diagnostics[0]
            .source
            .contains("export.nbib (record 3)"),
        "{:?}",
        corpus.diagnostics
    );
}

#[test]
fn pubmed_xml_with_structured_abstract_and_vernacular_title() {
    let corpus = load("efetch.xml");
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    assert_eq!(corpus.studies.len(), 2);
    let review = by_pmid(&corpus, "38444845");
    assert_eq!(review.format, "pubmed-xml");
    assert_eq!(
        review.title,
        "Application of JAK inhibitors in paradoxical reaction through immune-related dermatoses"
    );
    assert_eq!(labels(review), ["Background", "Methods", "Conclusions"]);
    assert!(
        review.sections[0].text.contains("positive & effective"),
        "entities decoded"
    );
    assert_eq!(review.doi.as_deref(), Some("10.3389/fimmu.2024.1341632"));
    assert_eq!(review.pmcid.as_deref(), Some("PMC10912518"));
    assert_eq!(review.journal.as_deref(), Some("Frontiers in immunology"));
    // Named as the MEDLINE export names them, so the two merge cleanly.
    assert_eq!(review.authors, ["Zhang, Xiaoyu", "Jiang, Wei"]);
    assert_eq!(review.keywords, ["JAK inhibitors", "psoriasis"]);
    assert_eq!(review.drugs.len(), 6);
    let chinese = by_pmid(&corpus, "37000123");
    assert_eq!(
        chinese.title_original.as_deref(),
        Some("巴瑞替尼治疗中重度斑秃20例临床疗效观察")
    );
    assert_eq!(chinese.year, Some(2023));
    assert_eq!(
        chinese.title,
        "Clinical efficacy of baricitinib in alopecia areata"
    );
}

#[test]
fn pubmed_xml_inline_markup_reference_lists_and_other_abstracts() {
    let corpus = load("efetch_markup.xml");
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    let s = by_pmid(&corpus, "36111222");
    // `<i>`, `<sub>` and entities inside a title or an abstract keep the
    // text around them.
    assert_eq!(
        s.title,
        "Upadacitinib for refractory alopecia areata: a case series of 12 patients"
    );
    assert_eq!(
        s.sections[0].text,
        "Alopecia areata (AA) is mediated by IFN-γ and IL-15 through JAK1/3."
    );
    assert!(s.sections[1].text.ends_with("at week 24 (P < 0.05)."));
    assert!(
        s.sections[2]
            .text
            .starts_with("Eight of 12 patients reached SALT20.")
    );
    assert_eq!(s.drugs, ["upadacitinib"]);
    assert_eq!(s.n_patients, Some(12));
    // The identifiers of a cited work (`ReferenceList`) and of a comment
    // (`CommentsCorrections`) are not the article's.
    assert_eq!(s.doi, None);
    assert_eq!(s.pmid.as_deref(), Some("36111222"));
    assert_eq!(s.year, Some(2023));
    assert_eq!(s.authors, ["Rossi, Anna"]);
    assert_eq!(s.keywords, ["Alopecia Areata", "Humans"]);
    // The Chinese `OtherAbstract` is the Chinese text.
    assert_eq!(s.chinese.len(), 1);
    assert!(s.chinese[0].contains("乌帕替尼"));
}

#[test]
fn ris_after_a_publisher_header() {
    // Wiley and others put `Provider:` / `Database:` lines first, and write
    // CRLF line ends.
    let corpus = load("publisher_header.ris");
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    assert_eq!(corpus.studies.len(), 1);
    let s = &corpus.studies[0];
    assert_eq!(s.format, "ris");
    assert_eq!(
        s.title,
        "Upadacitinib for refractory alopecia areata: a case series of 12 patients"
    );
    assert_eq!(s.doi.as_deref(), Some("10.1111/jdv.18600"));
    assert_eq!(s.pages.as_deref(), Some("301-305"));
    assert_eq!(s.authors, ["Rossi, Anna"]);
}

#[test]
fn pubmed_abstract_text_export_is_one_study_per_record() {
    // PubMed's Save → Format: Abstract, two numbered records.
    let corpus = load("pubmed_abstracts.txt");
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    assert_eq!(corpus.studies.len(), 3);
    let upa = by_pmid(&corpus, "36111222");
    assert_eq!(upa.id, "pubmed_abstracts-36111222");
    assert_eq!(
        upa.title,
        "Upadacitinib for refractory alopecia areata: a case series of 12 patients"
    );
    assert_eq!(upa.journal.as_deref(), Some("J Eur Acad Dermatol Venereol"));
    assert_eq!((upa.year, upa.n_patients), (Some(2023), Some(12)));
    assert_eq!(upa.drugs, ["upadacitinib"]);
    assert_eq!(upa.sections.len(), 3);
    let tofa = by_pmid(&corpus, "33700000");
    assert_eq!(
        tofa.title,
        "Tofacitinib in vitiligo: a retrospective series"
    );
    assert_eq!(tofa.doi.as_deref(), Some("10.1001/jamadermatol.2020.5001"));
    assert_eq!((tofa.year, tofa.n_patients), (Some(2021), Some(5)));
    assert_eq!(tofa.drugs, ["tofacitinib"]);
    assert_eq!(tofa.adverse_events, ["herpes zoster"]);
    // A single author, `Lee J(1).`, is an author list too.
    assert_eq!(tofa.authors, ["Lee J"]);
    // "multicentre" holds an institution word, and the line has commas: still
    // the title (its last word names a design), not an affiliation.
    let trial = by_pmid(&corpus, "37087170");
    assert_eq!(
        trial.title,
        "Efficacy and safety of ritlecitinib in adults and adolescents with alopecia areata: \
         a randomised, double-blind, multicentre, phase 2b-3 trial"
    );
    assert_eq!(trial.affiliations.len(), 2, "{:?}", trial.affiliations);
}

#[test]
fn medline_group_authors_publication_types_and_shared_affiliations() {
    // CRLF line ends, as a Windows download has them.
    let corpus = load("crlf_groups.nbib");
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    let rct = by_pmid(&corpus, "33406282");
    // `CN` is a group author, after the people.
    assert_eq!(
        rct.authors,
        [
            "King, Brett",
            "Ko, Justin",
            "Forman, Seth",
            "BRAVE-AA Investigators"
        ]
    );
    // Three authors of one department: one affiliation.
    assert_eq!(rct.affiliations.len(), 1);
    // `PT  - Randomized Controlled Trial` says what the text does not.
    assert_eq!(rct.design.as_deref(), Some("randomized controlled trial"));
    let group = by_pmid(&corpus, "35000001");
    assert_eq!(group.authors, ["COVID-19 Global Rheumatology Alliance"]);
    // `Case Reports` does not undo a series of three counted in the text.
    let cases = by_pmid(&corpus, "31812345");
    assert_eq!(cases.design.as_deref(), Some("case series"));
}

#[test]
fn pubmed_xml_book_editors_investigators_cdata_and_publication_types() {
    let book = load("efetch_book.xml");
    let s = &book.studies[0];
    // A book's editors are not its authors; the publisher is read.
    assert_eq!(s.authors, ["Toubiana, Julie"]);
    assert_eq!(
        s.publisher.as_deref(),
        Some("University of Washington, Seattle")
    );
    let corpus = load("efetch_markup.xml");
    let trial = by_pmid(&corpus, "33000002");
    // An investigator's affiliation is not the authors'.
    assert_eq!(
        trial.affiliations,
        ["Department of Dermatology, Yale School of Medicine, New Haven, Connecticut."]
    );
    assert_eq!(trial.design.as_deref(), Some("randomized controlled trial"));
    // Sections labelled by `NlmCategory` alone.
    assert_eq!(
        labels(trial),
        ["Background", "Methods", "Results", "Conclusions"]
    );
    // A CDATA section is text too.
    assert!(
        trial
            .sections
            .iter()
            .any(|x| x.text == "Baricitinib 4 mg was effective & well tolerated.")
    );
}

#[test]
fn ris_from_endnote_ovid_and_cnki_and_a_record_without_er() {
    let endnote = load("endnote.ris");
    let s = &endnote.studies[0];
    // EndNote: `AN` from PubMed is the PMID, `C2` the PMCID; MeSH markup
    // in `KW` is taken off.
    assert_eq!(
        (s.pmid.as_deref(), s.pmcid.as_deref()),
        (Some("35334197"), Some("PMC8976427"))
    );
    assert!(s.keywords.iter().any(|k| k == "Alopecia Areata"));
    assert!(!s.keywords.iter().any(|k| k.contains('/')));
    // Embase's and CINAHL's accession numbers are no PMIDs.
    let ovid = load("ovid_embase.ris");
    assert_eq!(ovid.studies.len(), 2);
    assert!(ovid.studies.iter().all(|s| s.pmid.is_none()));
    // CNKI: keywords in one line split by semicolons.
    let cnki = load("cnki.ris");
    assert_eq!(
        cnki.studies[0].keywords,
        ["托法替布", "皮肌炎", "Janus激酶抑制剂"]
    );
    assert_eq!(cnki.studies[0].affiliations, ["北京大学第一医院皮肤性病科"]);
    // A record whose `ER` is missing ends where the next `TY` starts.
    let two = load("missing_er.ris");
    assert_eq!(two.studies.len(), 2);
    let first = two
        .studies
        .iter()
        .find(|s| s.title.starts_with("First"))
        .expect("first record");
    assert_eq!(first.doi.as_deref(), Some("10.1056/NEJMoa2118828"));
    assert_eq!(first.authors, ["Rosmarin, David"]);
}

#[test]
fn truncated_xml_is_a_diagnostic_not_a_panic() {
    let corpus = load("broken.xml");
    assert!(corpus.studies.is_empty());
    assert_eq!(corpus.diagnostics.len(), 1);
    assert!(
        corpus.diagnostics[0].reason.contains("XML"),
        "{:?}",
        corpus.diagnostics
    );
}

#[test]
fn ris_records_from_a_reference_manager() {
    let corpus = load("export.ris");
    assert_eq!(corpus.studies.len(), 2);
    let first = &corpus.studies[0];
    assert_eq!(first.format, "ris");
    assert_eq!(
        first.title,
        "Upadacitinib for refractory vitiligo: a case series"
    );
    assert_eq!(first.authors, ["Smith, Jane", "Li, Wei"]);
    assert_eq!(
        (first.year, first.volume.as_deref(), first.doi.as_deref()),
        (
            Some(2023),
            Some("34"),
            Some("10.1080/09546634.2023.2245678")
        )
    );
    assert_eq!(first.drugs, ["upadacitinib"]);
    assert_eq!(first.n_patients, Some(5));
    assert_eq!(first.doses[0].text, "15 mg once daily");
    let second = &corpus.studies[1];
    assert_eq!(
        (second.year, second.pmid.as_deref()),
        (Some(2021), Some("33000001"))
    );
    assert_eq!(
        second.journal.as_deref(),
        Some("Annals of the Rheumatic Diseases")
    );
}

#[test]
fn formats_are_told_by_content_not_extension() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records/export.nbib");
    let renamed = dir.path().join("download.txt");
    std::fs::copy(source, &renamed).unwrap();
    let corpus = load_paths(&[renamed]);
    assert_eq!(corpus.studies.len(), 2);
    assert!(corpus.studies.iter().all(|s| s.format == "medline"));
}

#[test]
fn the_same_study_from_three_files_is_one_study_with_three_sources() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = load_paths(&[
        root.join("seeds/002_3f78dbd009218f57.txt"),
        root.join("tests/fixtures/records/export.nbib"),
        root.join("tests/fixtures/records/efetch.xml"),
    ]);
    let same: Vec<&Study> = corpus
        .studies
        .iter()
        .filter(|s| s.pmid.as_deref() == Some("38444845"))
        .collect();
    assert_eq!(
        same.len(),
        1,
        "{:#?}",
        corpus
            .studies
            .iter()
            .map(|s| (&s.id, &s.pmid))
            .collect::<Vec<_>>()
    );
    let s = same[0];
    assert_eq!(s.sources.len(), 3, "{:?}", s.sources);
    assert!(
        s.sources
            .iter()
            .any(|x| x.ends_with("002_3f78dbd009218f57.txt"))
    );
    assert!(s.sources.iter().any(|x| x.ends_with("export.nbib")));
    assert!(s.sources.iter().any(|x| x.ends_with("efetch.xml")));
    // Metadata from the structured export, each field with its source.
    assert_eq!(s.journal.as_deref(), Some("Frontiers in immunology"));
    assert!(
        s.provenance
            .get("journal")
            .is_some_and(|src| src.ends_with("efetch.xml"))
    );
    assert!(s.provenance.contains_key("sections"));
    // Both exports name the authors alike: listed once, not once per form.
    assert_eq!(s.authors, ["Zhang, Xiaoyu", "Jiang, Wei"]);
    // Sources disagree on the journal's spelling: kept visible, not dropped.
    let journal = s
        .conflicts
        .iter()
        .find(|c| c.field == "journal")
        .expect("journal conflict");
    assert!(journal.values.iter().any(|(v, _)| v == "Front Immunol"));
    // The other studies are untouched: the Chinese record and the RIS-less rest.
    assert_eq!(
        corpus
            .studies
            .iter()
            .filter(|s| s.pmid.as_deref() == Some("37000123"))
            .count(),
        1
    );
}
