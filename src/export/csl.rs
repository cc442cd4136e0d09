//! CSL-JSON: the fields reference managers (Zotero, Mendeley, pandoc) read.

use serde::{Deserialize, Serialize};

use crate::model::Study;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CslItem {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<CslName>,
    #[serde(
        rename = "container-title",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<CslDate>,
    #[serde(rename = "DOI", default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    #[serde(rename = "PMID", default, skip_serializing_if = "Option::is_none")]
    pub pmid: Option<String>,
    #[serde(rename = "PMCID", default, skip_serializing_if = "Option::is_none")]
    pub pmcid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(rename = "abstract", default, skip_serializing_if = "Option::is_none")]
    pub abstract_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    #[serde(rename = "URL", default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A person's name; `literal` when the text does not split family and
/// given names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CslName {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
}

impl CslName {
    /// `Family, Given` (how exported records name authors) splits; any
    /// other form stays literal.
    fn new(author: &str) -> Self {
        match author.split_once(", ") {
            Some((family, given)) if !family.is_empty() && !given.contains(',') => Self {
                family: Some(family.to_string()),
                given: Some(given.to_string()),
                literal: None,
            },
            _ => Self {
                family: None,
                given: None,
                literal: Some(author.to_string()),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CslDate {
    #[serde(rename = "date-parts")]
    pub date_parts: Vec<Vec<i32>>,
}

pub fn item(study: &Study) -> CslItem {
    let abstract_text = super::abstract_text(study);
    CslItem {
        id: study.id.to_string(),
        kind: "article-journal".into(),
        title: study.title.to_string(),
        author: study.authors.iter().map(|a| CslName::new(a)).collect(),
        container_title: study.journal.as_deref().map(str::to_string),
        issued: study.year.map(|y| CslDate {
            date_parts: vec![vec![y]],
        }),
        doi: study.doi.as_deref().map(str::to_string),
        pmid: study.pmid.as_deref().map(str::to_string),
        pmcid: study.pmcid.as_deref().map(str::to_string),
        volume: study.volume.as_deref().map(str::to_string),
        issue: study.issue.as_deref().map(str::to_string),
        page: study.pages.as_deref().map(str::to_string),
        publisher: study.publisher.as_deref().map(str::to_string),
        abstract_text: (!abstract_text.is_empty()).then_some(abstract_text),
        keyword: (!study.keywords.is_empty()).then(|| study.keywords.join(", ")),
        url: super::link(study),
    }
}
