//! Exported records (MEDLINE, PubMed XML, RIS): format detection by content,
//! and one builder that turns a record's fields into a [`Study`] with the
//! same extraction as a pasted page.

use super::{metadata, sections};
use crate::model::{Section, SharedStr, Study};
use crate::vocab::Vocab;

/// What a file holds, told from its first bytes, not its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Page,
    Medline,
    PubmedXml,
    Ris,
}

pub fn detect(text: &str) -> Kind {
    let head = text.trim_start();
    let mut cut = head.len().min(4000);
    while !head.is_char_boundary(cut) {
        cut -= 1;
    }
    let start = &head[..cut];
    if start.starts_with("<?xml")
        && (start.contains("<PubmedArticle") || start.contains("PubmedArticleSet"))
        || start.starts_with("<PubmedArticleSet")
        || start.starts_with("<PubmedArticle")
    {
        Kind::PubmedXml
    } else if start.starts_with("PMID-")
        || (start.contains("\nPMID- ") && start.contains("\nTI  - "))
    {
        Kind::Medline
    } else if start.starts_with("TY  -") {
        Kind::Ris
    } else {
        Kind::Page
    }
}

/// A record's fields, as its reader found them.
#[derive(Debug, Default)]
pub struct Fields {
    pub title: Option<String>,
    pub title_original: Option<String>,
    /// Abstract parts with their labels (structured abstracts), or one
    /// unlabelled part.
    pub abstract_parts: Vec<(Option<String>, String)>,
    pub authors: Vec<String>,
    pub affiliations: Vec<String>,
    pub journal: Option<String>,
    pub year: Option<i32>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub pages: Option<String>,
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub pmcid: Option<String>,
    pub publisher: Option<String>,
    pub keywords: Vec<String>,
}

impl Fields {
    /// A record needs at least a title, an abstract or an identifier.
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.abstract_parts.is_empty()
            && self.doi.is_none()
            && self.pmid.is_none()
    }
}

pub fn build(fields: Fields, format: &str, vocab: &Vocab) -> Study {
    let mut study = Study {
        format: SharedStr::interned(format),
        title_original: fields.title_original.map(Into::into),
        authors: fields.authors,
        affiliations: fields.affiliations,
        journal: fields.journal.as_deref().map(SharedStr::interned),
        year: fields.year,
        volume: fields.volume.map(Into::into),
        issue: fields.issue.map(Into::into),
        pages: fields.pages.map(Into::into),
        doi: fields
            .doi
            .and_then(|d| metadata::find_doi(&d))
            .map(Into::into),
        pmid: fields.pmid.map(Into::into),
        pmcid: fields.pmcid.map(Into::into),
        publisher: fields.publisher.map(Into::into),
        keywords: fields
            .keywords
            .iter()
            .map(|k| SharedStr::interned(k))
            .collect(),
        ..Study::default()
    };
    for (label, text) in fields.abstract_parts {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            continue;
        }
        let text = SharedStr::from(text);
        if super::bilingual::is_chinese(&text) {
            study.chinese.push(text);
            continue;
        }
        match label {
            Some(label) => study.sections.push(Section {
                label: Some(sections::shown_label(&label, vocab)),
                text: text.clone(),
            }),
            None => study.sections.extend(sections::split_labels(&text, vocab)),
        }
        study.english.push(text);
    }
    study.alignment = super::bilingual::align(&study.english, &study.chinese);
    // PubMed brackets titles translated into English: "[Tofacitinib in ...]."
    let title = fields.title.map(|t| {
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        let t = t.trim_end_matches('.');
        t.strip_prefix('[')
            .and_then(|x| x.strip_suffix(']'))
            .unwrap_or(t)
            .to_string()
    });
    let title = title.filter(|t| !t.is_empty() && !t.eq_ignore_ascii_case("not available"));
    super::enrich(&mut study, title, vocab);
    study
}

/// A four-digit year at the start of a date (`2023 Mar 5`, `2021-12`).
pub fn year_of(date: &str) -> Option<i32> {
    metadata::find_year(date)
}
