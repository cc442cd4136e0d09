//! Bad input gets a clear diagnostic naming the file and the reason; the
//! rest still loads; nothing panics.

use std::path::PathBuf;
use std::process::Command;

use proptest::prelude::*;
use studyterm::ingest::{IngestError, ingest_bytes, load_paths};

const GOOD: &str = "Tofacitinib for alopecia areata: a case series\n\nWe report 5 patients with alopecia areata treated with tofacitinib 5 mg twice daily. All 5 patients showed regrowth.\n";

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn empty_and_binary_files_are_reported() {
    assert!(matches!(
        ingest_bytes("e", "e", b""),
        Err(IngestError::Empty)
    ));
    assert!(matches!(
        ingest_bytes("b", "b", &[0x7f, b'E', b'L', b'F', 0, 1, 2]),
        Err(IngestError::Binary)
    ));
}

#[test]
fn invalid_utf8_is_replaced_and_the_study_kept() {
    let mut bytes = GOOD.as_bytes().to_vec();
    bytes.splice(60..60, [0xff, 0xfe, 0xc3]);
    let studies = ingest_bytes("u", "u.txt", &bytes).unwrap();
    assert_eq!(studies[0].drugs, ["tofacitinib"]);
    assert!(
        studies[0]
            .warnings
            .iter()
            .any(|w| w.contains("invalid UTF-8")),
        "{:?}",
        studies[0].warnings
    );
}

#[test]
fn a_ten_megabyte_line_parses() {
    let line =
        "Tofacitinib 5 mg twice daily was given to 4 patients with psoriasis. ".repeat(150_000);
    assert!(line.len() > 10_000_000);
    let studies = ingest_bytes("huge", "huge.txt", line.as_bytes()).unwrap();
    assert_eq!(studies[0].drugs, ["tofacitinib"]);
    assert_eq!(studies[0].n_patients, Some(4));
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "takes over a minute unoptimised; .ci/run runs it with --release (about 5 s)"
)]
fn a_fifty_megabyte_file_loads_beside_a_small_one() {
    // Many paragraphs, English and Chinese in uneven numbers, as a pasted
    // collection of pages would be: no quadratic step may blow up on it.
    let mut text = String::from("Tofacitinib in dermatology: a collection\n\n");
    let mut i = 0;
    while text.len() < 50_000_000 {
        text.push_str(&format!(
            "In cohort {i}, 12 patients with psoriasis received tofacitinib 5 mg twice daily, and 9 responded by week 12.\n\n"
        ));
        if i % 3 != 0 {
            text.push_str(&format!(
                "第{i}组：12例银屑病患者接受托法替布治疗，9例在第12周应答。\n\n"
            ));
        }
        i += 1;
    }
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "big.txt", text.as_bytes());
    write(dir.path(), "good.txt", GOOD.as_bytes());
    let corpus = load_paths(&[dir.path().to_path_buf()]);
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    assert_eq!(corpus.studies.len(), 2);
    assert!(corpus.studies.iter().all(|s| s.drugs == ["tofacitinib"]));
}

#[test]
fn a_missing_path_is_a_diagnostic() {
    let corpus = load_paths(&[PathBuf::from("/no/such/studyterm/file.txt")]);
    assert!(corpus.is_empty());
    assert_eq!(corpus.diagnostics.len(), 1);
    assert!(
        corpus.diagnostics[0]
            .source
            .contains("/no/such/studyterm/file.txt")
    );
    assert!(corpus.diagnostics[0].reason.contains("no such file"));
}

#[test]
fn a_folder_of_good_and_bad_files_loads_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD.as_bytes());
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "binary.bin", &[0, 159, 146, 150, 0, 1]);
    let sub = dir.path().join("nested");
    std::fs::create_dir(&sub).unwrap();
    write(&sub, "also_good.txt", GOOD.as_bytes());
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();

    let corpus = load_paths(&[dir.path().to_path_buf()]);
    let ids: Vec<&str> = corpus.studies.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["good", "also_good"]);
    let reasons: Vec<String> = corpus.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("empty.txt") && r.contains("empty")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("binary.bin") && r.contains("binary")),
        "{reasons:?}"
    );
    #[cfg(unix)]
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("loop") && r.contains("symbolic-link loop")),
        "{reasons:?}"
    );
}

/// The folder walk tells files from the directory listing; links still
/// count as what they point to, and a broken one is reported.
#[cfg(unix)]
#[test]
fn linked_files_load_and_broken_links_are_reported() {
    let outside = tempfile::tempdir().unwrap();
    let target = write(outside.path(), "target.txt", GOOD.as_bytes());
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&target, dir.path().join("linked.txt")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("gone.txt"),
        dir.path().join("broken.txt"),
    )
    .unwrap();

    let corpus = load_paths(&[dir.path().to_path_buf()]);
    let ids: Vec<&str> = corpus.studies.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["linked"]);
    let reasons: Vec<String> = corpus.diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        reasons.len() == 1 && reasons[0].contains("broken.txt"),
        "{reasons:?}"
    );
}

#[test]
fn the_cli_names_bad_files_and_fails_only_when_nothing_loads() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let empty = write(dir.path(), "empty.txt", b"");
    let bin = env!("CARGO_BIN_EXE_studyterm");

    let out = Command::new(bin)
        .args(["parse", "--format", "jsonl"])
        .arg(&good)
        .arg(&empty)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("empty.txt") && stderr.contains("the file is empty"),
        "{stderr}"
    );

    let out = Command::new(bin)
        .arg("parse")
        .arg(&empty)
        .arg("/no/such/file")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/no/such/file"), "{stderr}");
}

#[test]
fn the_cli_parses_the_bundled_seeds_without_arguments() {
    let out = Command::new(env!("CARGO_BIN_EXE_studyterm"))
        .args(["parse"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let studies: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(studies.len(), 5);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn ingest_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = ingest_bytes("p", "p", &bytes);
    }

    #[test]
    fn ingest_never_panics_on_page_like_text(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("Abstract".to_string()),
                Just("Methods:".to_string()),
                Just("- PMID: 123".to_string()),
                Just("托法替布治疗 3 例患者。".to_string()),
                Just("Tofacitinib 5 mg bid.Results:All (3/3) improved.".to_string()),
                "[ -~]{0,120}",
                "\\PC{0,80}",
            ],
            0..40,
        )
    ) {
        let _ = ingest_bytes("p", "p", lines.join("\n").as_bytes());
    }
}

#[test]
fn the_browser_loader_reports_a_missing_path_and_finishes() {
    use studyterm::app::{App, update};
    let loader = studyterm::tui::spawn_loader(vec![PathBuf::from("/no/such/studyterm/folder")]);
    let mut app = App::new(studyterm::model::Corpus::default(), "missing");
    for action in loader.iter() {
        update(&mut app, action);
    }
    assert!(app.loading.is_none());
    assert!(app.corpus.is_empty());
    assert_eq!(app.corpus.diagnostics.len(), 1);
    assert!(app.corpus.diagnostics[0].reason.contains("no such file"));
}
