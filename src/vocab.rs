//! The page vocabulary (`assets/vocab.toml`): section labels, page furniture,
//! design cues and the words for counts and doses, loaded once.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use foldhash::{HashMap, HashSet};
use serde::Deserialize;

mod cues;

pub use cues::{CueSet, LineCues, Words};

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
    colonless_labels: Vec<String>,
    block_labels: BTreeMap<String, Vec<String>>,
    furniture_lines: Vec<String>,
    trailer_headings: Vec<String>,
    furniture_phrases: Vec<String>,
    metadata_cues: Vec<String>,
    design: Vec<DesignCue>,
    retrospective_cues: Vec<String>,
    drug_stems: Vec<String>,
    drug_stem_exceptions: Vec<String>,
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
    /// The first word of every section label (`design` of `design,
    /// setting, and participants`), lower case: a line opening with no such
    /// word opens with no label.
    pub label_openers: HashSet<String>,
    /// Labels of one word that may open a paragraph without a colon.
    pub colonless_labels: HashSet<String>,
    /// Block heading -> field (`journal`, `publisher`, ...).
    pub block_labels: HashMap<String, String>,
    pub furniture_lines: HashSet<String>,
    pub trailer_headings: HashSet<String>,
    /// Furniture phrases, metadata cues (words without which a line holds
    /// no metadata, besides a year) and affiliation cues, ASCII lower case,
    /// in one automaton: a line is read for all three in one pass
    /// (`LineCues`).
    line_cues: AhoCorasick,
    /// The set (`CueSet` bit) of each pattern of `line_cues`.
    line_cue_sets: Vec<u8>,
    pub designs: Vec<DesignCue>,
    /// Every design cue, each pattern naming its design's index.
    design_cues: AhoCorasick,
    design_of_cue: Vec<usize>,
    /// Words that make a study retrospective, anywhere in its text.
    pub retrospective_cues: Words,
    /// Endings of international nonproprietary names (`-mab`, `-gliflozin`):
    /// a word with one names a drug the lexicon may not list.
    pub drug_stems: Vec<String>,
    /// The last three letters of every stem, as a bit set over `aaa`-`zzz`:
    /// most words end in none of them and are passed at once.
    pub drug_stem_tails: Vec<u64>,
    /// Words with such an ending that are no drugs (`concept`).
    pub drug_stem_exceptions: HashSet<String>,
    /// Institution words at the start of a word: `center`, not the one in
    /// `multicenter` (the line cue set finds both, as a quick first test).
    pub affiliation_words: Words,
    pub patient_nouns: HashSet<String>,
    /// The same nouns, to find sentences that count anyone at all.
    pub patient_noun_cues: Words,
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
    /// Outcome words, matched at the start of a word ("improve" in
    /// "improvement").
    pub outcome_cues: Words,
    /// Phrases of aims and methods, matched anywhere.
    pub method_cues: Words,
    pub journal_acronyms: HashSet<String>,
    pub small_words: HashSet<String>,
}

impl Vocab {
    pub fn builtin() -> &'static Vocab {
        static VOCAB: OnceLock<Vocab> = OnceLock::new();
        VOCAB.get_or_init(|| {
            Vocab::from_toml(VOCAB_TOML).expect("assets/vocab.toml is valid") // ok: embedded asset, checked by the tests
        })
    }

    pub fn from_toml(text: &str) -> Result<Self, toml::de::Error> {
        let file: VocabFile = toml::from_str(text)?;
        let lower =
            |v: Vec<String>| -> Vec<String> { v.into_iter().map(|s| s.to_lowercase()).collect() };
        let mut labels = HashMap::default();
        for section in &file.section {
            for variant in &section.variants {
                labels.insert(variant.to_lowercase(), Some(section.name.clone()));
            }
        }
        for label in &file.backmatter_labels {
            labels.insert(label.to_lowercase(), None);
        }
        let (design_of_cue, cues): (Vec<usize>, Vec<&String>) = file
            .design
            .iter()
            .enumerate()
            .flat_map(|(i, d)| d.cues.iter().map(move |c| (i, c)))
            .unzip();
        // A full DFA: it is run on every sentence a study says of itself.
        let design_cues = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(cues)
            .map_err(serde::de::Error::custom)?;
        let (line_cue_sets, line_cue_words): (Vec<u8>, Vec<String>) = [
            (CueSet::Furniture, &file.furniture_phrases),
            (CueSet::Metadata, &file.metadata_cues),
            (CueSet::Affiliation, &file.affiliation_cues),
        ]
        .into_iter()
        .flat_map(|(set, words)| {
            words
                .iter()
                .map(move |w| (set as u8, w.to_ascii_lowercase()))
        })
        .filter(|(_, w)| !w.is_empty())
        .unzip();
        // Matched on the ASCII-lower-cased line; the cue sets are small, so
        // a full DFA stays small and scans fastest.
        let line_cues = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&line_cue_words)
            .map_err(serde::de::Error::custom)?;
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
        let patient_nouns = lower(file.patient_nouns);
        Ok(Self {
            colonless_labels: lower(file.colonless_labels).into_iter().collect(),
            label_openers: labels
                .iter()
                .filter(|(_, group)| group.is_some())
                .filter_map(|(label, _)| label.split([' ', ',']).next().map(str::to_string))
                .collect(),
            labels,
            longest_label,
            block_labels,
            furniture_lines: lower(file.furniture_lines).into_iter().collect(),
            trailer_headings: lower(file.trailer_headings).into_iter().collect(),
            line_cues,
            line_cue_sets,
            design_cues,
            design_of_cue,
            designs: file.design,
            retrospective_cues: Words::anywhere(&lower(file.retrospective_cues)),
            drug_stem_tails: stem_tails(&file.drug_stems),
            drug_stems: lower(file.drug_stems),
            drug_stem_exceptions: lower(file.drug_stem_exceptions).into_iter().collect(),
            affiliation_words: Words::starting(&lower(file.affiliation_cues.clone())),
            patient_noun_cues: Words::starting(&patient_nouns),
            patient_nouns: patient_nouns.into_iter().collect(),
            patient_nouns_zh: file.patient_nouns_zh,
            total_cues: lower(file.total_cues),
            subgroup_cues: lower(file.subgroup_cues),
            number_words: file.number_words,
            dose_units: file.dose_units,
            time_words,
            frequencies,
            negations: lower(file.negations),
            outcome_cues: Words::starting(&file.outcome_cues),
            method_cues: Words::anywhere(&file.method_cues),
            journal_acronyms: file.journal_acronyms.into_iter().collect(),
            small_words: lower(file.small_words).into_iter().collect(),
        })
    }

    /// The shown name of a section label, `Some(None)` for back matter,
    /// `None` when the text is no label at all.
    pub fn label(&self, text: &str) -> Option<Option<&str>> {
        self.normalized_label(&normalize_label(text))
    }

    /// `label` of a text already put through `normalize_label`.
    pub fn normalized_label(&self, key: &str) -> Option<Option<&str>> {
        self.labels.get(key).map(|v| v.as_deref())
    }

    /// The designs (indices into `designs`) whose cues occur in `text`, as
    /// a bit set.
    pub fn design_cues_in(&self, text: &str) -> u64 {
        self.design_cue_places(text)
            .fold(0, |set, (_, bit)| set | bit)
    }

    /// Where design cues start in `text`, in text order, each with its
    /// design's bit. A cue ends where a word ends ("we review" is not in "we
    /// reviewed") and starts where one starts ("randomized controlled" is
    /// not in "non-randomized controlled" nor "nonrandomized controlled").
    pub fn design_cue_places<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, u64)> + 't {
        let bytes = text.as_bytes();
        let word_end = move |end: usize| {
            !(bytes[end - 1].is_ascii_alphabetic()
                && bytes.get(end).is_some_and(u8::is_ascii_alphabetic))
        };
        let word_start = move |start: usize| {
            !(bytes[start].is_ascii_alphabetic()
                && start > 0
                && (bytes[start - 1].is_ascii_alphabetic() || bytes[start - 1] == b'-'))
        };
        // Leftmost-longest, not every overlapping place: one pass of the
        // automaton, and a longer cue holds the shorter ones of its design.
        self.design_cues
            .find_iter(text)
            .filter(move |m| word_end(m.end()) && word_start(m.start()))
            .map(|m| {
                (
                    m.start(),
                    1 << self.design_of_cue[m.pattern().as_usize()].min(63),
                )
            })
    }

    /// The section labels that open the sentences of `text`, glued or not
    /// (`...genes.Objectives:In this study...`).
    pub fn label_spans<'a>(&'a self, text: &'a str) -> impl Iterator<Item = LabelSpan<'a>> + 'a {
        // `:` or the first byte of `：` (EF BC 9A), found with memchr.
        memchr::memchr2_iter(b':', 0xEF, text.as_bytes())
            .filter_map(|at| match text.as_bytes()[at] {
                b':' => Some((at, ":")),
                _ => text[at..].starts_with('：').then_some((at, "：")),
            })
            .filter_map(move |(colon, c)| {
                let start = text[..colon]
                    .rfind(['.', '?', '!', '。', ';', '；'])
                    .map_or(0, |i| {
                        i + text[i..].chars().next().map_or(1, char::len_utf8)
                    });
                let written = text[start..colon].trim();
                if written.is_empty() || written.chars().count() > self.longest_label {
                    return None;
                }
                self.label(written).map(|group| LabelSpan {
                    start,
                    body: colon + c.len(),
                    written,
                    group,
                })
            })
    }

    /// A count written as digits or as an English number word.
    pub fn number(&self, word: &str) -> Option<u32> {
        let first = *word.as_bytes().first()?;
        if first.is_ascii_digit() {
            return (word.len() <= 6 && word.bytes().all(|b| b.is_ascii_digit()))
                .then(|| word.parse().ok())
                .flatten();
        }
        // Number words are 3 to 9 letters and start with one of these.
        if !(3..=9).contains(&word.len()) || !b"otfsentOTFSEN".contains(&first) {
            return None;
        }
        with_ascii_lower(word, |lower| self.number_words.get(lower).copied()).flatten()
    }

    /// Whether a word is a patient noun (`patients`, `Cases`).
    pub fn is_patient_noun(&self, word: &str) -> bool {
        with_ascii_lower(word, |lower| self.patient_nouns.contains(lower)).unwrap_or(false)
    }
}

/// Calls `f` with the word lower-cased in a stack buffer; `None` for words
/// too long to be vocabulary.
pub fn with_ascii_lower<T>(word: &str, f: impl FnOnce(&str) -> T) -> Option<T> {
    let mut buf = [0u8; 32];
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return None;
    }
    for (b, w) in buf.iter_mut().zip(bytes) {
        *b = w.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok().map(f)
}

/// A section label found in a text.
#[derive(Debug, Clone, Copy)]
pub struct LabelSpan<'a> {
    /// Byte offset where the label starts.
    pub start: usize,
    /// Byte offset just after its colon.
    pub body: usize,
    /// The label as written.
    pub written: &'a str,
    /// Its section group (`Methods`, ...), `None` for back matter.
    pub group: Option<&'a str>,
}

/// The ASCII characters `char::is_whitespace` (and so `split_whitespace`)
/// counts as space: one more than `u8::is_ascii_whitespace` (vertical tab).
pub fn is_ascii_space(b: u8) -> bool {
    // Tab, line feed, vertical tab, form feed and carriage return are 9..=13.
    (b == b' ') | (b.wrapping_sub(b'\t') < 5)
}

/// Whether the only ASCII whitespace in `text` is single spaces (read
/// without branches, so that the loop vectorizes).
pub fn single_spaced(text: &[u8]) -> bool {
    let Some(&first) = text.first() else {
        return true;
    };
    let odd = |b: u8| is_ascii_space(b) & (b != b' ');
    let doubled_or_odd = |a: u8, b: u8| (is_ascii_space(a) & is_ascii_space(b)) | odd(b);
    !odd(first) && crate::swar::pair_counts(text, 255, doubled_or_odd).sum::<usize>() == 0
}

/// Lower case, single spaces, no trailing colon: how labels are compared.
/// The bit of a word's last three ASCII letters (case-folded) in a set of
/// 26^3 bits; `None` when they are not three letters.
pub fn tail_bit(word: &[u8]) -> Option<usize> {
    let [a, b, c] = *word.last_chunk::<3>()?;
    let letter = |x: u8| {
        x.is_ascii_alphabetic()
            .then(|| usize::from(x.to_ascii_lowercase() - b'a'))
    };
    Some((letter(a)? * 26 + letter(b)?) * 26 + letter(c)?)
}

fn stem_tails(stems: &[String]) -> Vec<u64> {
    let mut bits = vec![0u64; 26 * 26 * 26 / 64 + 1];
    for bit in stems.iter().filter_map(|s| tail_bit(s.as_bytes())) {
        bits[bit / 64] |= 1 << (bit % 64);
    }
    bits
}

pub fn normalize_label(text: &str) -> String {
    let text = text.trim().trim_end_matches([':', '：']).trim();
    if text.is_ascii() {
        if single_spaced(text.as_bytes()) {
            return text.to_ascii_lowercase();
        }
        // One pass: lower case, whitespace runs to one space.
        let mut out = Vec::with_capacity(text.len());
        for &b in text.as_bytes() {
            if !is_ascii_space(b) {
                out.push(b.to_ascii_lowercase());
            } else if out.last() != Some(&b' ') {
                out.push(b' ');
            }
        }
        return String::from_utf8(out).unwrap_or_default();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.push_str(&word.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_spacing_is_told_apart() {
        for b in 0..=255u8 {
            assert_eq!(
                is_ascii_space(b),
                matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
            );
        }
        assert!(single_spaced(b""));
        assert!(single_spaced(b"Methods and results"));
        assert!(!single_spaced(b"Methods  and results"));
        assert!(!single_spaced(b"Methods\tand"));
        assert!(!single_spaced(b"\x0B"));
        let long = "word ".repeat(300);
        assert!(single_spaced(long.as_bytes()));
        // A double space past the first block of 255 bytes.
        assert!(!single_spaced(format!("{long} x").as_bytes()));
        assert_eq!(
            normalize_label("  Results  and\tDiscussion: "),
            "results and discussion"
        );
        assert_eq!(normalize_label("RESULTS:"), "results");
    }

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
