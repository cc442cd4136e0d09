//! Each export fed to a real consumer: the `csv` reader, the `biblatex`
//! parser, a RIS record reader, typed CSL-JSON structs.

use studyterm::export::{CslItem, Format, render};
use studyterm::ingest::load_seeds;
use studyterm::model::Study;

/// The seeds, plus a study whose title has a comma, a quote and LaTeX
/// specials, and Chinese text.
fn studies() -> Vec<Study> {
    let mut studies = load_seeds().studies;
    studies.push(Study {
        id: "tricky".into(),
        title: r#"Tofacitinib, "off-label", for 100% of cases & more_{x}"#.into(),
        authors: vec!["Li, Xiaoyu".into(), "WHO Study Group".into()],
        journal: Some("中华皮肤科杂志".into()),
        year: Some(2023),
        doi: Some("10.1000/xyz_1".into()),
        conditions: vec!["斑秃".into()],
        ..Study::default()
    });
    studies
}

fn export(format: Format) -> String {
    let studies = studies();
    let refs: Vec<&Study> = studies.iter().collect();
    String::from_utf8(render(&refs, format).expect("render")).expect("UTF-8")
}

#[test]
fn csv_reads_back_with_the_csv_crate() {
    let text = export(Format::Csv);
    let text = text.strip_prefix('\u{FEFF}').expect("BOM for spreadsheets");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    for column in [
        "Year",
        "Drug(s)",
        "Dose/regimen",
        "Condition",
        "Design",
        "n",
        "Outcome",
        "AEs",
        "Source",
        "doi",
        "pmid",
    ] {
        assert!(
            headers.iter().any(|h| h == column),
            "missing column {column}"
        );
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let tricky = rows.iter().find(|r| &r[0] == "tricky").unwrap();
    assert_eq!(
        &tricky[col("title")],
        r#"Tofacitinib, "off-label", for 100% of cases & more_{x}"#
    );
    assert_eq!(&tricky[col("journal")], "中华皮肤科杂志");
    assert_eq!(&tricky[col("Condition")], "斑秃");
    let pustulosis = rows.iter().find(|r| r[0].starts_with("003")).unwrap();
    assert_eq!(
        &pustulosis[col("Outcome")],
        "5/6 (83.3%) PPPASI-80 at week 12"
    );
    assert_eq!(&pustulosis[col("AEs")], "no serious AEs");
    assert_eq!(&pustulosis[col("doi")], "10.2147/IDR.S421299");
}

#[test]
fn bibtex_parses_with_biblatex() {
    let text = export(Format::Bibtex);
    let bibliography = biblatex::Bibliography::parse(&text).expect("valid BibTeX");
    assert_eq!(bibliography.len(), 6);
    let keys: Vec<&str> = bibliography.iter().map(|e| e.key.as_str()).collect();
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), keys.len(), "keys are unique: {keys:?}");
    let studies = studies();
    for study in &studies {
        let Some(doi) = &study.doi else { continue };
        let entry = bibliography
            .iter()
            .find(|e| e.doi().ok().as_deref() == Some(doi.as_str()))
            .unwrap_or_else(|| panic!("no entry with DOI {doi}"));
        assert!(entry.title().is_ok());
    }
}

#[test]
fn bibtex_keys_take_the_family_name() {
    let text = export(Format::Bibtex);
    assert!(text.contains("@article{li2023,"), "{text}");
    assert!(text.contains("author = {Li, Xiaoyu and WHO Study Group}"));
}

#[test]
fn bibtex_keys_are_stable() {
    assert_eq!(export(Format::Bibtex), export(Format::Bibtex));
}

#[test]
fn ris_records_have_the_standard_tags() {
    let text = export(Format::Ris);
    let records: Vec<&str> = text
        .split("ER  - ")
        .filter(|r| !r.trim().is_empty())
        .collect();
    assert_eq!(records.len(), 6);
    for record in &records {
        let tags: Vec<&str> = record
            .lines()
            .filter(|l| l.len() > 6)
            .map(|l| &l[..2])
            .collect();
        assert_eq!(tags.first(), Some(&"TY"), "{record}");
        assert!(tags.contains(&"TI"));
        for line in record.lines().filter(|l| !l.is_empty()) {
            assert!(
                line.len() >= 6 && &line[2..6] == "  - ",
                "bad RIS line {line:?}"
            );
        }
    }
    assert!(text.contains("DO  - 10.1001/jamadermatol.2021.4084"));
    assert!(text.contains("JO  - JAMA Dermatol"));
    assert!(text.contains("SP  - 1477\r\nEP  - 1482"));
    assert!(text.contains("AN  - 38444845"));
}

#[test]
fn csl_json_deserialises_into_typed_items() {
    let items: Vec<CslItem> = serde_json::from_str(&export(Format::CslJson)).expect("CSL-JSON");
    assert_eq!(items.len(), 6);
    let jama = items.iter().find(|i| i.id.starts_with("001")).unwrap();
    assert_eq!(jama.kind, "article-journal");
    assert_eq!(jama.container_title.as_deref(), Some("JAMA Dermatol"));
    assert_eq!(jama.issued.as_ref().unwrap().date_parts, vec![vec![2021]]);
    assert_eq!(jama.doi.as_deref(), Some("10.1001/jamadermatol.2021.4084"));
    assert_eq!(
        (
            jama.volume.as_deref(),
            jama.issue.as_deref(),
            jama.page.as_deref()
        ),
        (Some("157"), Some("12"), Some("1477-1482"))
    );
    // `Family, Given` splits; a group's name stays literal.
    let tricky = items.iter().find(|i| i.id == "tricky").unwrap();
    let names: Vec<(Option<&str>, Option<&str>, Option<&str>)> = tricky
        .author
        .iter()
        .map(|a| {
            (
                a.family.as_deref(),
                a.given.as_deref(),
                a.literal.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            (Some("Li"), Some("Xiaoyu"), None),
            (None, None, Some("WHO Study Group"))
        ]
    );
    let page = items.iter().find(|i| i.id.starts_with("002")).unwrap();
    assert_eq!(
        (page.pmid.as_deref(), page.pmcid.as_deref()),
        (Some("38444845"), Some("PMC10912518"))
    );
    assert!(
        page.abstract_text
            .as_deref()
            .is_some_and(|a| a.starts_with("Biologics"))
    );
}

#[test]
fn the_cli_exports_filtered_studies_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("upa.ris");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_studyterm"))
        .args(["export", "--filter", "drug:upa", "--format", "ris", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("TY  - JOUR").count(), 2);
}
