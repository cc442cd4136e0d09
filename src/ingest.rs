//! Text in, [`Study`] out.
//!
//! [`ingest_bytes`] turns one file's bytes into studies; [`load_paths`] walks
//! files and folders, and never lets one bad file stop the others: each
//! failure becomes a [`Diagnostic`] naming the file and the reason.

mod affiliations;
mod bilingual;
mod counts;
mod decode;
mod dedupe;
mod doses;
mod entities;
mod lines;
mod medline;
mod metadata;
mod outcomes;
mod page;
mod paragraphs;
mod pubmed_text;
mod pubmed_xml;
mod records;
mod ris_import;
mod sections;
mod textutil;
mod title;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use bilingual::{align, is_chinese};

use crate::model::{Corpus, Diagnostic, SharedStr, Study};

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Why a file gave no study.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is binary, not text")]
    Binary,
    #[error("the file is not text: {0}% of its characters are invalid UTF-8")]
    NotText(usize),
    #[error("no study text found (no title, metadata or abstract paragraph)")]
    NoStudy,
    #[error("{0}")]
    Malformed(String),
    #[error("the file is {0} bytes, over the {MAX_FILE_BYTES}-byte limit")]
    TooLarge(u64),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Parses one file's bytes. `id` is the record id (the file stem); `source`
/// is shown to the user and stored in the record.
pub fn ingest_bytes(id: &str, source: &str, bytes: &[u8]) -> Result<Vec<Study>, IngestError> {
    ingest_file(id, source, bytes).map(|file| file.studies)
}

/// A file's studies, and the records in it that could not be read.
#[derive(Debug, Default)]
pub struct Ingested {
    pub studies: Vec<Study>,
    /// (record number, reason) for records skipped.
    pub problems: Vec<(usize, String)>,
}

/// Parses one file's bytes with the reader its content calls for: a pasted
/// page, or a MEDLINE, PubMed XML or RIS export of several records.
pub fn ingest_file(id: &str, source: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    let mut decoded = decode::decode(bytes)?;
    let vocab = crate::vocab::Vocab::builtin();
    let mut out = Ingested::default();
    // A MEDLINE record copied without its line breaks is read as one.
    if let Some(text) = medline::unflatten(&decoded.text) {
        decoded.text = std::borrow::Cow::Owned(text);
    }
    let kind = records::detect(&decoded.text);
    let (format, fields) = match kind {
        records::Kind::Page => {
            let mut study = page::parse(&decoded.text).ok_or(IngestError::NoStudy)?;
            study.id = id.into();
            study.source = source.into();
            let mut warnings = decoded.warnings;
            warnings.append(&mut study.warnings);
            study.warnings = warnings;
            study.compact();
            out.studies.push(study);
            return Ok(out);
        }
        records::Kind::PubmedText => {
            for (i, record) in pubmed_text::records(&decoded.text).into_iter().enumerate() {
                let Some(study) = page::parse(record) else {
                    out.problems.push((i + 1, IngestError::NoStudy.to_string()));
                    continue;
                };
                push_record(&mut out, study, (id, source, i), &decoded.warnings);
            }
            return non_empty(out);
        }
        records::Kind::Medline => (
            "medline",
            medline::records(&decoded.text)
                .iter()
                .map(|r| medline::fields(r))
                .collect::<Vec<_>>(),
        ),
        records::Kind::Ris => (
            "ris",
            ris_import::records(&decoded.text)
                .iter()
                .map(|r| ris_import::fields(r))
                .collect(),
        ),
        records::Kind::PubmedXml => (
            "pubmed-xml",
            pubmed_xml::records(&decoded.text).map_err(IngestError::Malformed)?,
        ),
    };
    for (i, fields) in fields.into_iter().enumerate() {
        if fields.is_empty() {
            out.problems
                .push((i + 1, "record has no title, abstract or identifier".into()));
            continue;
        }
        let study = records::build(fields, format, vocab);
        push_record(&mut out, study, (id, source, i), &decoded.warnings);
    }
    non_empty(out)
}

/// Adds record `i` of a multi-record file, with an id made of the file's
/// and the record's PMID (or its number).
fn push_record(
    out: &mut Ingested,
    mut study: Study,
    (id, source, i): (&str, &str, usize),
    warnings: &[String],
) {
    study.id = match &study.pmid {
        Some(pmid) => format!("{id}-{pmid}").into(),
        None => format!("{id}-{}", i + 1).into(),
    };
    study.source = source.into();
    study.warnings.extend(warnings.iter().cloned());
    study.compact();
    out.studies.push(study);
}

fn non_empty(out: Ingested) -> Result<Ingested, IngestError> {
    if out.studies.is_empty() {
        return Err(IngestError::NoStudy);
    }
    Ok(out)
}

/// What every reader does once it has a study's text: entities, counts,
/// design, and a title composed from them when the text has none.
fn enrich(study: &mut Study, title_text: Option<String>, vocab: &crate::vocab::Vocab) {
    // PubMed brackets titles it translated into English: "[Tofacitinib in ...]".
    let title_text =
        title_text.map(
            |t| match t.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
                Some(inner) if !inner.contains(['[', ']']) => inner.to_string(),
                _ => t,
            },
        );
    let prose = entities::body_prose(study, title_text.as_deref());
    let found = entities::extract(study, title_text.as_deref(), &prose, vocab);
    study.drugs = found.drugs;
    study.doses = found.doses;
    study.conditions = found.conditions;
    study.adverse_events = found.adverse_events;
    study.outcomes = found.outcomes;
    study.n_patients = counts::patients(&prose, &study.chinese, vocab);
    study.design = counts::design(title_text.as_deref(), &prose, study.n_patients, vocab)
        .or_else(|| {
            // The translation may state what the English does not (or was
            // cut before): read only when the English names no design.
            (!study.english.is_empty() && !study.chinese.is_empty()).then(|| {
                let chinese = textutil::Prose::new(study.chinese.join("\n"));
                counts::design(None, &chinese, study.n_patients, vocab)
            })?
        })
        .as_deref()
        .map(SharedStr::interned);
    if study
        .design
        .as_deref()
        .is_some_and(crate::model::is_secondary_design)
    {
        // A review's numbers are the trials it cites, not its own patients.
        study.n_patients = None;
    }
    match title_text {
        Some(t) => study.title = t.into(),
        None => {
            study.title = title::derive(study, &found.drug_counts).into();
            study.title_derived = true;
        }
    }
    if study.sections.is_empty() && study.chinese.is_empty() {
        study.warnings.push("no abstract text found".into());
    }
}

/// The studies bundled in the binary (`seeds/`).
pub fn load_seeds() -> Corpus {
    let mut corpus = Corpus::default();
    for (name, bytes) in crate::seeds::SEEDS {
        let source = format!("seeds/{name}");
        add_result(
            &mut corpus,
            &source,
            ingest_file(stem(name), &source, bytes),
        );
    }
    corpus
}

/// Loads files and folders (walked recursively, hidden entries skipped).
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    let (files, diagnostics) = collect_paths(paths);
    let mut corpus = parse_files(&files, &|_| {});
    corpus.diagnostics.splice(0..0, diagnostics);
    finish(corpus)
}

/// The files under `paths`, and the paths that could not be walked.
pub fn collect_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    for path in paths {
        collect_files(path, &mut files, &mut diagnostics);
    }
    (files, diagnostics)
}

/// Files parsed together on every core before their studies join the
/// corpus: small enough that a batch's per-file results stay a fraction of
/// the corpus in memory, large enough to keep both cores busy.
const PARSE_BATCH: usize = 4096;

/// Reads and parses `files` on every core, in order; `progress` is told how
/// many files each finished batch held.
pub fn parse_files(files: &[PathBuf], progress: &(dyn Fn(usize) + Sync)) -> Corpus {
    let mut corpus = Corpus::default();
    corpus.studies.reserve_exact(files.len());
    for chunk in files.chunks(PARSE_BATCH) {
        let results: Vec<(String, Result<Ingested, IngestError>)> = chunk
            .par_iter()
            .map(|file| {
                let source = file.display().to_string();
                let result =
                    read_file(file).and_then(|bytes| ingest_file(stem(&source), &source, &bytes));
                progress(1);
                (source, result)
            })
            .collect();
        for (source, result) in results {
            add_result(&mut corpus, &source, result);
        }
    }
    corpus
}

/// The last step of a load: unique ids, duplicates merged.
pub fn finish(mut corpus: Corpus) -> Corpus {
    make_ids_unique(&mut corpus.studies);
    dedupe::merge_duplicates(&mut corpus.studies);
    corpus
}

/// Files of the same name in different folders get `-2`, `-3`, ... so that
/// every id in a corpus is unique.
fn make_ids_unique(studies: &mut [Study]) {
    let clashes: Vec<usize> = {
        let mut seen =
            foldhash::HashSet::with_capacity_and_hasher(studies.len(), Default::default());
        (0..studies.len())
            .filter(|&i| !seen.insert(studies[i].id.as_str()))
            .collect()
    };
    if clashes.is_empty() {
        return;
    }
    let mut count: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for i in clashes {
        let n = count.entry(studies[i].id.to_string()).or_insert(1);
        *n += 1;
        studies[i].id = format!("{}-{}", studies[i].id, n).into();
    }
}

fn add_result(corpus: &mut Corpus, source: &str, result: Result<Ingested, IngestError>) {
    match result {
        Ok(mut file) => {
            corpus.studies.append(&mut file.studies);
            for (record, reason) in file.problems {
                corpus.diagnostics.push(Diagnostic {
                    source: format!("{source} (record {record})"),
                    reason,
                });
            }
        }
        Err(e) => corpus.diagnostics.push(Diagnostic {
            source: source.to_string(),
            reason: e.to_string(),
        }),
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, IngestError> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // A file that grows while it is read stops at the limit.
    file.take(MAX_FILE_BYTES).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Files under `path`, sorted within each folder; unreadable entries and
/// symbolic-link loops become diagnostics.
fn collect_files(path: &Path, files: &mut Vec<PathBuf>, diagnostics: &mut Vec<Diagnostic>) {
    let mut visited = std::collections::HashSet::new();
    walk(path, files, diagnostics, &mut visited);
}

fn walk(
    path: &Path,
    files: &mut Vec<PathBuf>,
    diagnostics: &mut Vec<Diagnostic>,
    visited: &mut std::collections::HashSet<PathBuf>,
) {
    let mut report = |reason: String| {
        diagnostics.push(Diagnostic {
            source: path.display().to_string(),
            reason,
        })
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return report("no such file or directory".into());
        }
        Err(e) => return report(e.to_string()),
    };
    if meta.is_file() {
        files.push(path.to_path_buf());
        return;
    }
    if !meta.is_dir() {
        return report("not a regular file or directory".into());
    }
    let real = match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(e) => return report(e.to_string()),
    };
    if !visited.insert(real) {
        return report("symbolic-link loop: this folder was already visited".into());
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) => return report(e.to_string()),
    };
    // The directory listing tells regular files apart without a stat per
    // file (a folder of 100k files otherwise spends a second here, before
    // any parsing starts). Folders, links and the rest are looked at again.
    let mut children: Vec<(std::ffi::OsString, PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .map(|e| {
            (
                e.file_name(),
                e.path(),
                e.file_type().is_ok_and(|t| t.is_file()),
            )
        })
        // Hidden entries (any name starting with a dot) are skipped.
        .filter(|(name, _, _)| !name.as_encoded_bytes().starts_with(b"."))
        .collect();
    // By name: the folder part is the same for all, and comparing whole
    // paths component by component took half the walk of 100k files.
    children.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (_, child, is_file) in children {
        if is_file {
            files.push(child);
        } else {
            walk(&child, files, diagnostics, visited);
        }
    }
}

/// The file name without folders and extension.
fn stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clashing_ids_get_numbered_in_order() {
        let mut studies: Vec<Study> = ["a", "b", "a", "a"]
            .iter()
            .map(|id| Study {
                id: (*id).into(),
                ..Study::default()
            })
            .collect();
        make_ids_unique(&mut studies);
        let ids: Vec<&str> = studies.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "a-2", "a-3"]);
    }

    #[test]
    fn stems_drop_folders_and_extensions() {
        assert_eq!(stem("seeds/000_ab.txt"), "000_ab");
        assert_eq!(stem("a/b/.hidden"), ".hidden");
        assert_eq!(stem("plain"), "plain");
    }
}
