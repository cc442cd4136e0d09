//! Studies out of the terminal: JSON, CSV, BibTeX, RIS and CSL-JSON, a
//! one-line citation, and a file write that never leaves half a file.

mod bibtex;
mod csl;
mod csv;
mod ris;

use std::io::Write;
use std::path::Path;

use crate::model::Study;

pub use csl::CslItem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Bibtex,
    Ris,
    #[value(name = "csl-json")]
    CslJson,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Csv,
        Format::Bibtex,
        Format::Ris,
        Format::CslJson,
        Format::Json,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "JSON (studyterm records)",
            Format::Csv => "CSV (evidence table + IDs)",
            Format::Bibtex => "BibTeX",
            Format::Ris => "RIS",
            Format::CslJson => "CSL-JSON",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Bibtex => "bib",
            Format::Ris => "ris",
            Format::CslJson => "csl.json",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("CSV: {0}")]
    Csv(#[from] ::csv::Error),
}

/// The studies in `format`.
pub fn render(studies: &[&Study], format: Format) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Json => {
            let mut out = serde_json::to_vec_pretty(studies)?;
            out.push(b'\n');
            out
        }
        Format::Csv => csv::render(studies)?,
        Format::Bibtex => bibtex::render(studies).into_bytes(),
        Format::Ris => ris::render(studies).into_bytes(),
        Format::CslJson => {
            let items: Vec<CslItem> = studies.iter().map(|s| csl::item(s)).collect();
            let mut out = serde_json::to_vec_pretty(&items)?;
            out.push(b'\n');
            out
        }
    })
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over
/// `path`: a crash leaves the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("export");
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    Ok(result?)
}

/// `Title. Journal. Year;Vol(Issue):Pages. doi:...`, the parts the study has.
pub fn citation(study: &Study) -> String {
    let mut out = study.title.trim_end_matches('.').to_string();
    out.push('.');
    if let Some(journal) = &study.journal {
        out.push_str(&format!(" {journal}."));
    }
    let mut locator = study.year.map(|y| y.to_string()).unwrap_or_default();
    if let Some(volume) = &study.volume {
        locator.push_str(&format!(";{volume}"));
        if let Some(issue) = &study.issue {
            locator.push_str(&format!("({issue})"));
        }
        if let Some(pages) = &study.pages {
            locator.push_str(&format!(":{pages}"));
        }
    }
    if !locator.is_empty() {
        out.push_str(&format!(" {locator}."));
    }
    if let Some(doi) = &study.doi {
        out.push_str(&format!(" doi:{doi}"));
    } else if let Some(pmid) = &study.pmid {
        out.push_str(&format!(" PMID: {pmid}"));
    }
    out
}

/// The study's link: its DOI, else its PubMed page.
pub fn link(study: &Study) -> Option<String> {
    study
        .doi
        .as_ref()
        .map(|d| format!("https://doi.org/{d}"))
        .or_else(|| {
            study
                .pmid
                .as_ref()
                .map(|p| format!("https://pubmed.ncbi.nlm.nih.gov/{p}/"))
        })
}

/// The abstract as plain text, for formats that carry one.
fn abstract_text(study: &Study) -> String {
    study
        .sections
        .iter()
        .map(|s| match &s.label {
            Some(label) => format!("{label}: {}", s.text),
            None => s.text.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::load_seeds;

    #[test]
    fn citations_have_the_parts_the_study_has() {
        let corpus = load_seeds();
        let s = corpus
            .studies
            .iter()
            .find(|s| s.id.starts_with("001"))
            .unwrap();
        let c = citation(s);
        assert!(
            c.ends_with(
                "JAMA Dermatol. 2021;157(12):1477-1482. doi:10.1001/jamadermatol.2021.4084"
            ),
            "{c}"
        );
        assert_eq!(
            link(s).as_deref(),
            Some("https://doi.org/10.1001/jamadermatol.2021.4084")
        );
    }

    #[test]
    fn atomic_writes_replace_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
