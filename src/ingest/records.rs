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
    if (start.starts_with("<?xml") || start.starts_with("<!DOCTYPE"))
        && (start.contains("<PubmedArticle") || start.contains("PubmedArticleSet"))
        || start.starts_with("<PubmedArticleSet")
        || start.starts_with("<PubmedArticle")
    {
        Kind::PubmedXml
    } else if start.starts_with("PMID-")
        || (start.contains("\nPMID- ") && start.contains("\nTI  - "))
        || (opens_with_tag(start) && start.contains("\nTI  - ") && !is_ris(start))
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

/// A MEDLINE tag line opens the text (`PT  - `, `OWN - `).
fn opens_with_tag(start: &str) -> bool {
    let bytes = start.as_bytes();
    bytes.len() > 6
        && bytes[4..6] == *b"- "
        && bytes[..4]
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b' ')
        && bytes[0].is_ascii_uppercase()
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

/// Adds keywords not there yet (compared without case), blanks left out.
pub fn add_keywords(keywords: &mut Vec<String>, more: Vec<String>) {
    let more: Vec<String> = more
        .iter()
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
        .collect();
    super::dedupe::union(keywords, &more);
}

/// A MeSH term's heading: `*Alopecia Areata/drug therapy` is `Alopecia
/// Areata` (the star marks a major topic, a slash and lower-case words a
/// subheading). Other slashes stay: `JAK1/JAK2 inhibitors`.
pub fn mesh_heading(value: &str) -> &str {
    let value = value.trim().trim_start_matches('*');
    let heading = match value.split_once('/') {
        Some((heading, sub)) if sub.starts_with(|c: char| c.is_lowercase() || c == '*') => heading,
        _ => value,
    };
    heading.trim()
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
    /// PubMed's publication types (`PT`, `PublicationType`), as indexed.
    pub publication_types: Vec<String>,
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
        let text = strip_copyright(&text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
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
    let title = fields.title.map(|t| {
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        t.trim_end_matches('.').to_string()
    });
    let title = title.filter(|t| !t.is_empty() && !t.eq_ignore_ascii_case("not available"));
    super::enrich(&mut study, title, vocab);
    apply_indexed_design(&mut study, &fields.publication_types);
    study
}

/// Sets the design PubMed's indexers gave (`indexed_design`), when it says
/// more than the text's.
pub(super) fn apply_indexed_design(study: &mut Study, publication_types: &[String]) {
    if let Some(design) = indexed_design(publication_types, study.design.as_deref()) {
        study.design = Some(SharedStr::interned(design));
        if crate::model::is_secondary_design(design) {
            // A review's numbers are the trials it cites.
            study.n_patients = None;
        }
    }
}

/// The abstract without the copyright line databases append to it
/// (Scopus, Embase: `... were well tolerated. © 2023 The Author(s).`): cut
/// at a `©`, `(c) 2...` or `Copyright` that opens a sentence in the last
/// 300 bytes.
fn strip_copyright(text: &str) -> &str {
    let text = text.trim_end();
    let from = text.len().saturating_sub(300);
    let notice = regex!(r"(?:^|[.!?]\s+)(©|\([cC]\)\s*(?:19|20)\d\d|Copyright(?-u:\b))");
    let mut cut = None;
    for caps in notice.captures_iter(text) {
        if let Some(m) = caps.get(1)
            && m.start() >= from
        {
            cut = Some(m.start());
            break;
        }
    }
    cut.map_or(text, |at| text[..at].trim_end())
}

/// The design PubMed's indexers gave the article (its publication types),
/// when it says more than the design read from the text: indexers read
/// the whole article. Strongest first; a text's own design not listed here
/// (a cohort study, say) is weaker than a review.
fn indexed_design(types: &[String], from_text: Option<&str>) -> Option<&'static str> {
    const RANKED: [(&str, &str); 8] = [
        ("Meta-Analysis", "meta-analysis"),
        ("Systematic Review", "systematic review"),
        ("Practice Guideline", "guideline"),
        ("Randomized Controlled Trial", "randomized controlled trial"),
        ("Observational Study", "cohort study"),
        ("Review", "review"),
        // No publication type names a series; it is ranked for the text's.
        ("", "case series"),
        ("Case Reports", "case report"),
    ];
    let rank = |design: &str| RANKED.iter().position(|&(_, d)| d == design);
    let (at, design) = RANKED.iter().enumerate().find_map(|(i, &(kind, design))| {
        let indexed = !kind.is_empty() && types.iter().any(|t| t.eq_ignore_ascii_case(kind));
        indexed.then_some((i, design))
    })?;
    match from_text.map(|d| rank(d).unwrap_or(RANKED.len())) {
        // Listed, and as strong or stronger: the text's stays.
        Some(text) if text <= at => None,
        // A case report indexed, and the text names a design it does not
        // rank: the text's stays.
        Some(_) if design == "case report" => None,
        _ => Some(design),
    }
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
    fn an_indexed_design_says_more_than_a_count() {
        let types = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let rct = types(&["Journal Article", "Randomized Controlled Trial"]);
        assert_eq!(
            indexed_design(&rct, Some("case series")),
            Some("randomized controlled trial")
        );
        assert_eq!(
            indexed_design(&rct, None),
            Some("randomized controlled trial")
        );
        assert_eq!(indexed_design(&rct, Some("meta-analysis")), None);
        let review = types(&["Review", "Systematic Review"]);
        assert_eq!(
            indexed_design(&review, Some("case series")),
            Some("systematic review")
        );
        let report = types(&["Case Reports"]);
        assert_eq!(indexed_design(&report, Some("case series")), None);
        assert_eq!(indexed_design(&report, Some("cohort study")), None);
        assert_eq!(indexed_design(&report, None), Some("case report"));
        assert_eq!(indexed_design(&types(&["Journal Article"]), None), None);
    }

    #[test]
    fn a_trailing_copyright_notice_is_cut() {
        assert_eq!(
            strip_copyright("Acne occurred in 3. © 2023 The Author(s)."),
            "Acne occurred in 3."
        );
        assert_eq!(
            strip_copyright("Done. Copyright 2021 Elsevier Inc. All rights reserved."),
            "Done."
        );
        assert_eq!(strip_copyright("Done. (c) 2020 Wiley"), "Done.");
        // Not a notice: inside a sentence, or a trial arm "(c)".
        let kept = "The © symbol appears here. Arm (c) received placebo.";
        assert_eq!(strip_copyright(kept), kept);
    }

    #[test]
    fn medline_is_told_by_any_opening_tag() {
        assert_eq!(
            detect("OWN - ERIC\nTI  - Tofacitinib in alopecia\nAB  - Twelve patients."),
            Kind::Medline
        );
        assert_eq!(
            detect("TY  - JOUR\nTI  - Tofacitinib in alopecia\nER  - "),
            Kind::Ris
        );
    }

    #[test]
    fn pubmed_xml_is_told_without_a_declaration() {
        let xml = "<!DOCTYPE PubmedArticleSet PUBLIC \"x\" \"y\">\n<PubmedArticleSet>";
        assert_eq!(detect(xml), Kind::PubmedXml);
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
        assert_eq!(
            mesh_heading("*tofacitinib/dt [Drug Therapy]"),
            "tofacitinib"
        );
        assert_eq!(mesh_heading("JAK1/JAK2 inhibitors"), "JAK1/JAK2 inhibitors");
    }
}
