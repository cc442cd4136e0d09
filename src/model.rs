//! Plain data: the study record every other module reads and writes.
//!
//! No I/O and no terminal here. The JSON field names of [`Study`] are a contract
//! other tools read, so renaming a field is a breaking change.

mod shared;

use serde::{Deserialize, Serialize};

pub use shared::SharedStr;

/// A paragraph pair: indices into `english` and `chinese` (a study has far
/// fewer than 2^32 paragraphs, and a corpus holds one pair list per study).
pub type Aligned = (Option<u32>, Option<u32>);

/// A design whose numbers are other studies' patients (a review, a
/// meta-analysis, a guideline): such a study has no patient count of its own.
pub fn is_secondary_design(design: &str) -> bool {
    matches!(
        design,
        "review" | "systematic review" | "meta-analysis" | "guideline"
    )
}

/// The short form of a design that the list's badges show and the query's
/// `design:` field accepts (`rct`, `meta`, `series`).
pub fn design_abbreviation(design: &str) -> &'static str {
    match design {
        d if d.contains("meta-analysis") => "meta",
        d if d.contains("systematic review") => "SR",
        d if d.contains("non-randomized") => "non-RCT",
        d if d.contains("randomized") => "RCT",
        d if d.contains("cohort") => "cohort",
        d if d.contains("case-control") => "c-ctrl",
        d if d.contains("cross-sectional") => "x-sect",
        d if d.contains("genetic") => "genetic",
        d if d.contains("guideline") => "guide",
        d if d.contains("case series") => "series",
        d if d.contains("case report") => "report",
        d if d.contains("review") => "review",
        _ => "study",
    }
}

/// One study, as far as its text tells. A value the text does not state is
/// `None` or empty, never guessed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Study {
    /// Unique within a corpus: the file stem (plus a record index for
    /// multi-record files).
    pub id: SharedStr,
    /// Where the text came from (a path, or `seeds/NAME` for bundled files).
    pub source: SharedStr,
    /// Which reader made the record and the page shape it recognised.
    pub format: SharedStr,
    pub title: SharedStr,
    /// The title in the article's own language when the record gives one
    /// (MEDLINE `TT`, PubMed XML `VernacularTitle`), e.g. Chinese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_original: Option<SharedStr>,
    /// True when the text has no title and `title` was composed from the
    /// extracted drug, condition and design.
    pub title_derived: bool,
    pub authors: Vec<String>,
    pub affiliations: Vec<String>,
    pub journal: Option<SharedStr>,
    pub year: Option<i32>,
    pub volume: Option<SharedStr>,
    pub issue: Option<SharedStr>,
    pub pages: Option<SharedStr>,
    /// Bare DOI, e.g. `10.2147/IDR.S421299`.
    pub doi: Option<SharedStr>,
    pub pmid: Option<SharedStr>,
    /// With the `PMC` prefix.
    pub pmcid: Option<SharedStr>,
    pub publisher: Option<SharedStr>,
    pub keywords: Vec<SharedStr>,
    pub design: Option<SharedStr>,
    pub n_patients: Option<u32>,
    /// Canonical generic names, in order of first mention.
    pub drugs: Vec<SharedStr>,
    pub doses: Vec<Dose>,
    pub conditions: Vec<SharedStr>,
    pub adverse_events: Vec<SharedStr>,
    /// Sentences that state a result.
    pub outcomes: Vec<SharedStr>,
    pub sections: Vec<Section>,
    /// A short unlabelled summary that some aggregator pages put before a
    /// structured abstract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<SharedStr>,
    pub english: Vec<SharedStr>,
    pub chinese: Vec<SharedStr>,
    /// Pairs of indices into `english` and `chinese`; either side may be
    /// `None` when a paragraph has no counterpart.
    pub alignment: Vec<Aligned>,
    pub warnings: Vec<String>,
    /// Every file (or record) this study was read from, when it arrived
    /// more than once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// For a merged study: which source each field's value came from.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub provenance: std::collections::BTreeMap<String, String>,
    /// Fields whose sources disagree, with every value and its source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

/// Sources that give a field different values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub field: String,
    /// (value, source) pairs, the kept value first.
    pub values: Vec<(String, String)>,
}

/// A dose as the text states it, attributed to one drug.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dose {
    pub drug: SharedStr,
    pub text: SharedStr,
}

/// One labelled part of an abstract. `label` is `None` for a paragraph the
/// text does not label.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub label: Option<SharedStr>,
    pub text: SharedStr,
}

impl Study {
    /// True when the study carries Chinese paragraphs.
    pub fn has_chinese(&self) -> bool {
        !self.chinese.is_empty()
    }

    /// Lays the study out for keeping: the spare capacity the parser's
    /// vectors grew with goes back, and the study's own short strings (id,
    /// source, title, identifiers, dose texts...) move into one buffer. A
    /// large folder keeps every study in memory, so per-string allocations
    /// and slack add up.
    pub fn compact(&mut self) {
        self.authors.shrink_to_fit();
        self.affiliations.shrink_to_fit();
        self.keywords.shrink_to_fit();
        self.drugs.shrink_to_fit();
        self.doses.shrink_to_fit();
        self.conditions.shrink_to_fit();
        self.adverse_events.shrink_to_fit();
        self.outcomes.shrink_to_fit();
        self.sections.shrink_to_fit();
        self.english.shrink_to_fit();
        self.chinese.shrink_to_fit();
        self.alignment.shrink_to_fit();
        self.warnings.shrink_to_fit();
        let mut own: Vec<&mut SharedStr> = vec![&mut self.id, &mut self.source, &mut self.title];
        own.extend(
            [
                &mut self.title_original,
                &mut self.volume,
                &mut self.issue,
                &mut self.pages,
                &mut self.doi,
                &mut self.pmid,
                &mut self.pmcid,
                &mut self.publisher,
                &mut self.summary,
            ]
            .into_iter()
            .flatten(),
        );
        own.extend(self.doses.iter_mut().map(|d| &mut d.text));
        SharedStr::pack(&mut own);
    }

    /// The abstract as one block of English text (sections joined).
    pub fn abstract_text(&self) -> String {
        self.sections
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Why a file could not be turned into studies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub source: String,
    pub reason: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.source, self.reason)
    }
}

/// Everything loaded: the studies and the files that failed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corpus {
    pub studies: Vec<Study>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Corpus {
    pub fn len(&self) -> usize {
        self.studies.len()
    }

    pub fn is_empty(&self) -> bool {
        self.studies.is_empty()
    }
}
