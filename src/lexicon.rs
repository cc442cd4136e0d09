//! The drug, condition and adverse-event lexicon, kept as data in
//! `assets/lexicon.toml` and compiled once into a byte trie of its terms.
//!
//! Every synonym (brand, development code, Chinese name, spelling variant)
//! maps to one canonical lower-case name, so the rest of the program speaks of
//! `tofacitinib` whether the text said Xeljanz, CP-690,550 or 托法替布.

use std::sync::OnceLock;

use memchr::memmem::Finder;
use serde::Deserialize;

use crate::trie::{HeadSet, Trie, word_head};

const LEXICON_TOML: &str = include_str!("../assets/lexicon.toml");

#[derive(Debug, Clone, Deserialize)]
pub struct DrugClass {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub synonyms: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Drug {
    pub name: String,
    #[serde(default)]
    pub class: Option<String>,
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// Names a group of drugs (`statins`): listed for a study only when its
    /// text names no drug of its own.
    #[serde(default)]
    pub group: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Term {
    pub name: String,
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// Word pairs that name the term when both occur in one sentence.
    #[serde(default)]
    pub cooccur: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
struct LexiconFile {
    #[serde(default)]
    class: Vec<DrugClass>,
    #[serde(default)]
    drug: Vec<Drug>,
    #[serde(default)]
    condition: Vec<Term>,
    #[serde(default)]
    adverse_event: Vec<Term>,
}

/// What a lexicon entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Drug,
    Class,
    Condition,
    AdverseEvent,
}

/// One place in a text where a lexicon term occurs. Offsets are byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub kind: Kind,
    /// Index into the list of that kind (`drugs`, `classes`, ...).
    pub entry: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy)]
struct Pattern {
    kind: Kind,
    entry: usize,
    /// Acronyms such as `PPP` or `CsA` must match with their exact case.
    exact_case: bool,
}

/// The shortest word [`Lexicon::mentions_and_words`] reports.
pub const LONG_WORD: usize = 7;

pub struct Lexicon {
    pub classes: Vec<DrugClass>,
    pub drugs: Vec<Drug>,
    pub conditions: Vec<Term>,
    pub adverse_events: Vec<Term>,
    trie: Trie,
    /// The first word (or non-ASCII character) of every term. A term that
    /// stands as a word begins with a whole word of the text, so most words
    /// are passed over with one hash and one bit test.
    heads: HeadSet,
    patterns: Vec<Pattern>,
    /// The text of each pattern, for the search vocabulary.
    pattern_texts: Vec<String>,
    /// The conditions with word pairs (`Term::cooccur`), each word with its
    /// substring finder (ASCII lower case) built once.
    pub(crate) cooccur_finders: Vec<(usize, Vec<(Finder<'static>, Finder<'static>)>)>,
    /// Entry index by canonical name (the first, if two share one), per
    /// kind (`Kind as usize`).
    by_name: [foldhash::HashMap<String, usize>; 4],
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("drugs", &self.drugs.len())
            .field("conditions", &self.conditions.len())
            .field("adverse_events", &self.adverse_events.len())
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("lexicon is not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
}

impl Lexicon {
    /// The lexicon bundled in the binary, compiled on first use.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            Lexicon::from_toml(LEXICON_TOML).expect("assets/lexicon.toml is valid") // ok: embedded asset, checked by the tests
        })
    }

    pub fn from_toml(text: &str) -> Result<Self, LexiconError> {
        let file: LexiconFile = toml::from_str(text)?;
        let mut texts = Vec::new();
        let mut patterns = Vec::new();
        let mut add = |text: &str, kind: Kind, entry: usize, plural: bool| {
            let text = text.trim();
            if text.is_empty() {
                return;
            }
            let pattern = Pattern {
                kind,
                entry,
                exact_case: is_acronym(text),
            };
            if plural && text.is_ascii() && !text.ends_with('s') && !pattern.exact_case {
                texts.push(format!("{text}s"));
                patterns.push(pattern);
            }
            texts.push(text.to_string());
            patterns.push(pattern);
        };
        for (i, class) in file.class.iter().enumerate() {
            class
                .synonyms
                .iter()
                .for_each(|s| add(s, Kind::Class, i, true));
        }
        for (i, drug) in file.drug.iter().enumerate() {
            add(&drug.name, Kind::Drug, i, is_word(&drug.name));
            drug.synonyms
                .iter()
                .for_each(|s| add(s, Kind::Drug, i, is_word(s)));
        }
        for (kind, terms) in [
            (Kind::Condition, &file.condition),
            (Kind::AdverseEvent, &file.adverse_event),
        ] {
            for (i, term) in terms.iter().enumerate() {
                add(&term.name, kind, i, true);
                term.synonyms.iter().for_each(|s| add(s, kind, i, true));
            }
        }
        // Matched on the ASCII-lower-cased text, so that a word opening a
        // sentence ("Granulomas ...") counts.
        let finder = |word: &str| Finder::new(&word.to_ascii_lowercase()).into_owned();
        let cooccur_finders = file
            .condition
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.cooccur.is_empty())
            .map(|(i, c)| {
                let words = c.cooccur.iter().map(|(a, b)| (finder(a), finder(b)));
                (i, words.collect())
            })
            .collect();
        let names = [
            (
                Kind::Class,
                file.class.iter().map(|c| &c.name).collect::<Vec<_>>(),
            ),
            (Kind::Drug, file.drug.iter().map(|d| &d.name).collect()),
            (
                Kind::Condition,
                file.condition.iter().map(|t| &t.name).collect(),
            ),
            (
                Kind::AdverseEvent,
                file.adverse_event.iter().map(|t| &t.name).collect(),
            ),
        ];
        let mut by_name: [foldhash::HashMap<String, usize>; 4] = Default::default();
        for (kind, names) in names {
            for (i, name) in names.into_iter().enumerate() {
                by_name[kind as usize].entry(name.clone()).or_insert(i);
            }
        }
        Ok(Self {
            by_name,
            cooccur_finders,
            trie: Trie::new(&texts),
            heads: HeadSet::new(
                texts
                    .iter()
                    .map(|t| &t.as_bytes()[..word_head(t.as_bytes())]),
            ),
            classes: file.class,
            drugs: file.drug,
            conditions: file.condition,
            adverse_events: file.adverse_event,
            patterns,
            pattern_texts: texts,
        })
    }

    /// Every lexicon term in `text`, leftmost-longest, at word boundaries,
    /// in text order.
    ///
    /// Terms are looked up from each word start (and from each non-ASCII
    /// character, since CJK terms need no boundary): the longest term there
    /// that stands as a word wins ("cyclosporine atopic dermatitis" yields
    /// "cyclosporine" though "cyclosporine A" is spelled there), and the
    /// scan goes on after it, or after the word when no term stands.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        self.mentions_and_words(text, |_, _| {})
    }

    /// [`mentions`](Self::mentions), and `long_word(start, end)` for each
    /// ASCII word of at least [`LONG_WORD`] bytes that no term covers: the
    /// words that may name a drug the lexicon lacks, found in the same walk.
    pub fn mentions_and_words(
        &self,
        text: &str,
        mut long_word: impl FnMut(usize, usize),
    ) -> Vec<Mention> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut ends = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            // Terms start at a word or at a non-ASCII character.
            let b = bytes[at];
            if !b.is_ascii_alphanumeric() && b < 0xC0 {
                at += 1;
                continue;
            }
            let head = word_head(&bytes[at..]);
            let mut found = None;
            if self.heads.contains(&bytes[at..], head) {
                ends.clear();
                self.trie.prefixes(&bytes[at..], &mut ends);
                found = ends
                    .iter()
                    .rev()
                    .find_map(|&(len, index)| self.accept(text, index as usize, at, at + len));
            }
            match found {
                Some(m) => {
                    at = m.end;
                    out.push(m);
                }
                None => {
                    if head >= LONG_WORD && b.is_ascii_alphanumeric() {
                        long_word(at, at + head);
                    }
                    at += head;
                }
            }
        }
        out
    }

    /// A match of pattern `index` at `start..end`, if it stands as a term
    /// there (case, word boundaries).
    fn accept(&self, text: &str, index: usize, start: usize, end: usize) -> Option<Mention> {
        let bytes = text.as_bytes();
        let pattern = self.patterns[index];
        let exact = !pattern.exact_case || text[start..end] == self.pattern_texts[index];
        // "melanoma" in "anti-melanoma differentiation..." is part of another
        // word; a drug before a hyphen ("tofacitinib-treated") is still the drug.
        let compound = pattern.kind != Kind::Drug && hyphen_joined(bytes, start);
        (exact && !compound && at_word_boundary(bytes, start, end)).then_some(Mention {
            kind: pattern.kind,
            entry: pattern.entry,
            start,
            end,
        })
    }

    /// Canonical name of an entry.
    pub fn name(&self, kind: Kind, entry: usize) -> &str {
        match kind {
            Kind::Drug => &self.drugs[entry].name,
            Kind::Class => &self.classes[entry].name,
            Kind::Condition => &self.conditions[entry].name,
            Kind::AdverseEvent => &self.adverse_events[entry].name,
        }
    }

    /// Every (term text, kind, entry) the lexicon knows, for search
    /// vocabularies.
    pub fn terms(&self) -> impl Iterator<Item = (&str, Kind, usize)> {
        self.pattern_texts
            .iter()
            .zip(&self.patterns)
            .map(|(t, p)| (t.as_str(), p.kind, p.entry))
    }

    pub fn drug_index(&self, name: &str) -> Option<usize> {
        self.index_of(Kind::Drug, name)
    }

    /// The entry of `kind` whose canonical name is `name`.
    pub fn index_of(&self, kind: Kind, name: &str) -> Option<usize> {
        self.by_name[kind as usize].get(name).copied()
    }

    /// Drugs of a class, by class id.
    pub fn drugs_of_class(&self, class_id: &str) -> impl Iterator<Item = usize> + '_ {
        let class_id = class_id.to_string();
        self.drugs
            .iter()
            .enumerate()
            .filter(move |(_, d)| d.class.as_deref() == Some(class_id.as_str()))
            .map(|(i, _)| i)
    }
}

/// Plain words take a plural; development codes (`ABT-494`) do not.
fn is_word(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-')
}

/// An acronym is short and carries capitals after its first letter (`PPP`,
/// `CsA`, `IVIG`); it must match with its exact case to avoid hitting words.
fn is_acronym(text: &str) -> bool {
    text.len() <= 6
        && text.is_ascii()
        && text.chars().skip(1).any(|c| c.is_ascii_uppercase())
        && !text.contains(['-', ' '])
}

/// The term is glued by a hyphen to the word before it.
fn hyphen_joined(bytes: &[u8], start: usize) -> bool {
    start >= 2 && bytes[start - 1] == b'-' && bytes[start - 2].is_ascii_alphanumeric()
}

/// ASCII terms must stand as whole words; CJK terms need no boundary.
fn at_word_boundary(bytes: &[u8], start: usize, end: usize) -> bool {
    let is_word = |b: u8| b.is_ascii_alphanumeric();
    let first = bytes[start];
    let last = bytes[end - 1];
    let left_ok = !first.is_ascii_alphanumeric() || start == 0 || !is_word(bytes[start - 1]);
    let right_ok = !last.is_ascii_alphanumeric() || end == bytes.len() || !is_word(bytes[end]);
    left_ok && right_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
[[class]]
id = "jak"
name = "JAK inhibitor"
synonyms = ["JAK inhibitor", "JAK抑制剂"]

[[drug]]
name = "tofacitinib"
class = "jak"
synonyms = ["Xeljanz", "CP-690,550", "托法替布"]

[[condition]]
name = "psoriasis"
synonyms = ["银屑病"]

[[condition]]
name = "palmoplantar pustulosis"
synonyms = ["PPP"]

[[condition]]
name = "granuloma"
"#;

    fn names(lex: &Lexicon, text: &str) -> Vec<String> {
        lex.mentions(text)
            .iter()
            .map(|m| lex.name(m.kind, m.entry).to_string())
            .collect()
    }

    #[test]
    fn synonyms_map_to_canonical_names() {
        let lex = Lexicon::from_toml(SMALL).unwrap();
        assert_eq!(
            names(&lex, "XELJANZ (CP-690,550) and 托法替布 for 银屑病"),
            ["tofacitinib", "tofacitinib", "tofacitinib", "psoriasis"]
        );
    }

    #[test]
    fn words_must_stand_alone_and_acronyms_keep_case() {
        let lex = Lexicon::from_toml(SMALL).unwrap();
        assert!(names(&lex, "antipsoriasisform ppp").is_empty());
        assert_eq!(names(&lex, "PPP"), ["palmoplantar pustulosis"]);
        assert_eq!(names(&lex, "JAK inhibitors"), ["JAK inhibitor"]);
    }

    fn builtin_names(text: &str) -> Vec<&'static str> {
        let lex = Lexicon::builtin();
        lex.mentions(text)
            .iter()
            .map(|m| lex.name(m.kind, m.entry))
            .collect()
    }

    #[test]
    fn a_failed_long_term_leaves_room_for_a_shorter_one() {
        assert_eq!(
            builtin_names("after failure of cyclosporine at 6 centres"),
            ["cyclosporine"]
        );
    }

    #[test]
    fn terms_are_found_inside_chinese_text_and_across_words() {
        let lex = Lexicon::from_toml(SMALL).unwrap();
        assert_eq!(
            names(&lex, "患者使用托法替布和Xeljanz治疗银屑病"),
            ["tofacitinib", "tofacitinib", "psoriasis"]
        );
        assert_eq!(
            names(&lex, "Palmoplantar  pustulosis; palmoplantar pustulosis"),
            ["palmoplantar pustulosis"]
        );
        assert_eq!(
            names(&lex, "a JAK抑制剂, cp-690,550."),
            ["JAK inhibitor", "tofacitinib"]
        );
    }

    #[test]
    fn a_term_spelled_past_a_shorter_one_does_not_hide_the_next_word() {
        assert_eq!(
            builtin_names("cyclosporine atopic dermatitis"),
            ["cyclosporine", "atopic dermatitis"]
        );
    }

    #[test]
    fn plurals_of_conditions_match() {
        let lex = Lexicon::from_toml(SMALL).unwrap();
        assert_eq!(names(&lex, "two granulomas"), ["granuloma"]);
        assert!(names(&lex, "granulomatous").is_empty());
    }

    #[test]
    fn the_bundled_lexicon_loads() {
        let lex = Lexicon::builtin();
        assert!(lex.drug_index("tofacitinib").is_some());
        assert!(lex.drugs_of_class("jak").count() >= 10);
    }
}
