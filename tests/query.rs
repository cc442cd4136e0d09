//! The query bar on the bundled seeds, table-driven: each query and the
//! exact set of seed ids (by their three-digit prefix) it must return.

use studyterm::ingest::load_seeds;
use studyterm::search::{SearchIndex, parse};

fn ids(query: &str) -> Vec<String> {
    let corpus = load_seeds();
    let index = SearchIndex::new(&corpus.studies);
    let query = parse(query).unwrap_or_else(|e| panic!("{e}"));
    let mut ids: Vec<String> = index
        .search(&corpus.studies, &query)
        .iter()
        .map(|h| corpus.studies[h.index].id[..3].to_string())
        .collect();
    ids.sort();
    ids
}

const ALL_TOFACITINIB: &[&str] = &["000", "001", "002", "003", "004"];

#[test]
fn queries_return_exactly_the_expected_studies() {
    let table: &[(&str, &[&str])] = &[
        ("tofa", ALL_TOFACITINIB),
        ("Xeljanz", ALL_TOFACITINIB),
        ("托法替尼", ALL_TOFACITINIB),
        ("托法替布", ALL_TOFACITINIB),
        ("CP-690550", ALL_TOFACITINIB),
        ("CP-690,550", ALL_TOFACITINIB),
        ("tofacitnib", ALL_TOFACITINIB),
        ("drug:upa", &["001", "002"]),
        ("upadacitnib", &["001", "002"]),
        ("乌帕", &["001", "002"]),
        ("deucra", &["002"]),
        ("baracitinib", &["002"]),
        ("design:review", &["002"]),
        // The badge's short form names the design too.
        ("design:series", &["000", "001", "003", "004"]),
        ("design:rct", &[]),
        ("!design:review", &["000", "001", "003", "004"]),
        ("n:>=5", &["003", "004"]),
        ("n:<5", &["000", "001"]),
        ("lang:zh", &["000", "001"]),
        ("lang:en", &["000", "001", "002", "003", "004"]),
        ("year:2021..2023", &["001"]),
        ("year:2024", &["000", "002"]),
        ("upa | deucra", &["001", "002"]),
        ("jak", &["000", "001", "002", "003", "004"]),
        ("JAK抑制剂", &["000", "001", "002", "003", "004"]),
        ("cond:pustulosis", &["003"]),
        ("cond:JDM", &["004"]),
        ("ae:neutropenia", &["004"]),
        ("journal:jama", &["001"]),
        ("text:PPPASI", &["003"]),
        ("text:肉芽肿", &["000"]),
        ("'palmoplantar", &["003"]),
        ("^refractory", &["003"]),
        ("dermatoses$", &["002"]),
        ("tofa !upa", &["000", "003", "004"]),
        ("tofa design:series n:>=4", &["001", "003", "004"]),
        ("PPPASI", &[]),
        ("38444845", &["002"]),
        ("doi:10.2147", &["003"]),
    ];
    let mut failures = Vec::new();
    for (query, expected) in table {
        let got = ids(query);
        if got != *expected {
            failures.push(format!("{query:?}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn invalid_queries_name_the_bad_term() {
    for (query, term) in [
        ("year:abc", "year:abc"),
        ("n:>>5", "n:>>5"),
        ("'", "'"),
        ("tofa | ", "|"),
    ] {
        assert_eq!(parse(query).unwrap_err().term, term);
    }
}

#[test]
fn drug_hits_rank_first_and_ties_go_newest_first() {
    let corpus = load_seeds();
    let index = SearchIndex::new(&corpus.studies);
    let hits = index.search(&corpus.studies, &parse("tofa").unwrap());
    let years: Vec<Option<i32>> = hits.iter().map(|h| corpus.studies[h.index].year).collect();
    let mut sorted = years.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(years, sorted);
    // A text-only hit ranks below a drug hit.
    let hits = index.search(&corpus.studies, &parse("tofa | text:PPPASI").unwrap());
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn titles_are_highlighted_at_every_synonym_of_the_drug() {
    let corpus = load_seeds();
    let index = SearchIndex::new(&corpus.studies);
    let query = parse("xeljanz").unwrap();
    let title = "Refractory Palmoplantar Pustulosis Successfully Treated with JAK Inhibitor Tofacitinib: A Case Series";
    let ranges = index.highlight(title, &query);
    let start = title.find("Tofacitinib").unwrap();
    assert_eq!(ranges, vec![start..start + "Tofacitinib".len()]);
}

#[test]
fn the_cli_lists_matches_and_rejects_bad_queries() {
    let bin = env!("CARGO_BIN_EXE_studyterm");
    let out = std::process::Command::new(bin)
        .args([
            "list",
            "--filter",
            "drug:upa",
            "--format",
            "ids",
            "--timings",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("query"));
    let out = std::process::Command::new(bin)
        .args(["list", "--filter", "year:abc"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1);
    assert!(stderr.contains("year:abc"));
}
