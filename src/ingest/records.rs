//! Exported records (MEDLINE, PubMed XML, RIS, PubMed's abstract text):
//! format detection by content,
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
    /// PubMed's "Abstract" text export of several records.
    PubmedText,
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
    } else if is_ris(start) {
        Kind::Ris
    } else if super::pubmed_text::is_export(text) {
        Kind::PubmedText
    } else {
        Kind::Page
    }
}

/// RIS opens with `TY  - `, after at most a header of `Name: value` lines
/// that some publishers put first (`Provider: Wiley`, `Database: ...`).
fn is_ris(head: &str) -> bool {
    for line in head.lines().take(12) {
        let line = line.trim();
        if line.starts_with("TY  -") {
            return true;
        }
        let header = line.split_once(": ").is_some_and(|(name, _)| {
            !name.is_empty() && name.len() <= 24 && name.bytes().all(|b| b.is_ascii_alphabetic())
        });
        if !line.is_empty() && !header {
            return false;
        }
    }
    false
}

/// An author as reference managers write one, `Family, Given`; either part
/// alone when the record has only that (a collective name).
pub fn author_name(family: &str, given: &str) -> Option<String> {
    match (family.trim(), given.trim()) {
        ("", "") => None,
        (family, "") => Some(family.to_string()),
        ("", given) => Some(given.to_string()),
        (family, given) => Some(format!("{family}, {given}")),
    }
}

/// Adds keywords not there yet (compared without case).
pub fn add_keywords(keywords: &mut Vec<String>, more: Vec<String>) {
    for keyword in more {
        let keyword = keyword.trim();
        if !keyword.is_empty() && !keywords.iter().any(|k| k.eq_ignore_ascii_case(keyword)) {
            keywords.push(keyword.to_string());
        }
    }
}

/// A MEDLINE `MH` value's heading: `*Alopecia Areata/drug therapy` is
/// `Alopecia Areata` (the star marks a major topic, the slash a subheading).
pub fn mesh_heading(value: &str) -> &str {
    let heading = value.split('/').next().unwrap_or(value);
    heading.trim().trim_start_matches('*').trim()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ris_is_told_after_a_header_but_not_inside_a_page() {
        assert_eq!(detect("TY  - JOUR\nTI  - A\nER  - \n"), Kind::Ris);
        let wiley =
            "Provider: Wiley\r\nDatabase: Wiley Online Library\r\n\r\nTY  - JOUR\r\nER  - \r\n";
        assert_eq!(detect(wiley), Kind::Ris);
        // A labelled page line, then prose: a page, whatever follows.
        let page = "Objective: To test.\nWe treated 5 patients.\nTY  - JOUR\n";
        assert_eq!(detect(page), Kind::Page);
        assert_eq!(detect("Provider: Wiley\n"), Kind::Page);
    }

    #[test]
    fn mesh_headings_lose_stars_and_subheadings() {
        assert_eq!(
            mesh_heading("*Alopecia Areata/drug therapy"),
            "Alopecia Areata"
        );
        assert_eq!(
            mesh_heading("Janus Kinase Inhibitors/*therapeutic use"),
            "Janus Kinase Inhibitors"
        );
        assert_eq!(mesh_heading("Humans"), "Humans");
    }
}
