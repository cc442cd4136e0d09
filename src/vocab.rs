//! The page vocabulary (`assets/vocab.toml`): section labels, page furniture,
//! design cues and the words for counts and doses, loaded once.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

const VOCAB_TOML: &str = include_str!("../assets/vocab.toml");

#[derive(Debug, Deserialize)]
pub struct SectionLabel {
    pub name: String,
    pub variants: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct DesignCue {
    pub name: String,
    pub cues: Vec<String>,
    #[serde(default)]
    pub weak: bool,
}

#[derive(Debug, Deserialize)]
struct VocabFile {
    section: Vec<SectionLabel>,
    backmatter_labels: Vec<String>,
    block_labels: BTreeMap<String, Vec<String>>,
    furniture_lines: Vec<String>,
    trailer_headings: Vec<String>,
    furniture_phrases: Vec<String>,
    design: Vec<DesignCue>,
    retrospective_cues: Vec<String>,
    patient_nouns: Vec<String>,
    patient_nouns_zh: Vec<String>,
    total_cues: Vec<String>,
    subgroup_cues: Vec<String>,
    number_words: HashMap<String, u32>,
    dose_units: Vec<String>,
    time_words: BTreeMap<String, Vec<String>>,
    frequencies: BTreeMap<String, Vec<String>>,
    negations: Vec<String>,
    outcome_cues: Vec<String>,
    method_cues: Vec<String>,
    affiliation_cues: Vec<String>,
    journal_acronyms: Vec<String>,
    small_words: Vec<String>,
}

/// The vocabulary, with look-up tables built for the parser. Keys of the
/// maps are lower case.
#[derive(Debug)]
pub struct Vocab {
    /// Label variant -> shown name; `None` marks a back-matter label.
    pub labels: HashMap<String, Option<String>>,
    /// Longest label variant, in characters, to bound label scans.
    pub longest_label: usize,
    /// Block heading -> field (`journal`, `publisher`, ...).
    pub block_labels: HashMap<String, String>,
    pub furniture_lines: HashSet<String>,
    pub trailer_headings: HashSet<String>,
    pub furniture_phrases: Vec<String>,
    pub designs: Vec<DesignCue>,
    pub retrospective_cues: Vec<String>,
    pub patient_nouns: HashSet<String>,
    pub patient_nouns_zh: Vec<String>,
    pub total_cues: Vec<String>,
    pub subgroup_cues: Vec<String>,
    pub number_words: HashMap<String, u32>,
    pub dose_units: Vec<String>,
    /// Time word (any language) -> English word.
    pub time_words: HashMap<String, String>,
    /// Frequency phrase as written -> shown form, longest phrase first.
    pub frequencies: Vec<(String, String)>,
    pub negations: Vec<String>,
    pub outcome_cues: Vec<String>,
    pub method_cues: Vec<String>,
    pub affiliation_cues: Vec<String>,
    pub journal_acronyms: HashSet<String>,
    pub small_words: HashSet<String>,
}

impl Vocab {
    pub fn builtin() -> &'static Vocab {
        static VOCAB: OnceLock<Vocab> = OnceLock::new();
        VOCAB.get_or_init(|| {
            // ok: the embedded asset is checked by the test suite.
            Vocab::from_toml(VOCAB_TOML).expect("assets/vocab.toml is valid")
        })
    }

    pub fn from_toml(text: &str) -> Result<Self, toml::de::Error> {
        let file: VocabFile = toml::from_str(text)?;
        let lower =
            |v: Vec<String>| -> Vec<String> { v.into_iter().map(|s| s.to_lowercase()).collect() };
        let mut labels = HashMap::new();
        for section in &file.section {
            for variant in &section.variants {
                labels.insert(variant.to_lowercase(), Some(section.name.clone()));
            }
        }
        for label in &file.backmatter_labels {
            labels.insert(label.to_lowercase(), None);
        }
        let longest_label = labels.keys().map(|k| k.chars().count()).max().unwrap_or(0);
        let block_labels = file
            .block_labels
            .into_iter()
            .flat_map(|(field, heads)| {
                heads
                    .into_iter()
                    .map(move |h| (h.to_lowercase(), field.clone()))
            })
            .collect();
        let time_words = file
            .time_words
            .into_iter()
            .flat_map(|(shown, words)| {
                words
                    .into_iter()
                    .map(move |w| (w.to_lowercase(), shown.clone()))
            })
            .collect();
        let mut frequencies: Vec<(String, String)> = file
            .frequencies
            .into_iter()
            .flat_map(|(shown, words)| {
                words
                    .into_iter()
                    .map(move |w| (w.to_lowercase(), shown.clone()))
            })
            .collect();
        frequencies.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        Ok(Self {
            labels,
            longest_label,
            block_labels,
            furniture_lines: lower(file.furniture_lines).into_iter().collect(),
            trailer_headings: lower(file.trailer_headings).into_iter().collect(),
            furniture_phrases: lower(file.furniture_phrases),
            designs: file.design,
            retrospective_cues: lower(file.retrospective_cues),
            patient_nouns: lower(file.patient_nouns).into_iter().collect(),
            patient_nouns_zh: file.patient_nouns_zh,
            total_cues: lower(file.total_cues),
            subgroup_cues: lower(file.subgroup_cues),
            number_words: file.number_words,
            dose_units: file.dose_units,
            time_words,
            frequencies,
            negations: lower(file.negations),
            outcome_cues: lower(file.outcome_cues),
            method_cues: lower(file.method_cues),
            affiliation_cues: lower(file.affiliation_cues),
            journal_acronyms: file.journal_acronyms.into_iter().collect(),
            small_words: lower(file.small_words).into_iter().collect(),
        })
    }

    /// The shown name of a section label, `Some(None)` for back matter,
    /// `None` when the text is no label at all.
    pub fn label(&self, text: &str) -> Option<Option<&str>> {
        let key = normalize_label(text);
        self.labels.get(&key).map(|v| v.as_deref())
    }

    /// A count written as digits or as an English number word.
    pub fn number(&self, word: &str) -> Option<u32> {
        if !word.is_empty() && word.len() <= 6 && word.bytes().all(|b| b.is_ascii_digit()) {
            return word.parse().ok();
        }
        self.number_words.get(&word.to_lowercase()).copied()
    }
}

/// Lower case, single spaces, no trailing colon: how labels are compared.
pub fn normalize_label(text: &str) -> String {
    let text = text.trim().trim_end_matches([':', '：']).trim();
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_vocabulary_loads() {
        let v = Vocab::builtin();
        assert_eq!(v.label("METHODS:"), Some(Some("Methods")));
        assert_eq!(
            v.label("Design, setting, and participants"),
            Some(Some("Methods"))
        );
        assert_eq!(v.label("Disclosure of Interests"), Some(None));
        assert_eq!(v.label("Tofacitinib"), None);
        assert_eq!(v.number("Six"), Some(6));
        assert_eq!(v.number("12"), Some(12));
        assert_eq!(v.time_words.get("gün").map(String::as_str), Some("day"));
    }
}
