//! The drug, condition and adverse-event lexicon, kept as data in
//! `assets/lexicon.toml` and compiled once into a byte trie of its terms.
//!
//! Every synonym (brand, development code, Chinese name, spelling variant)
//! maps to one canonical lower-case name, so the rest of the program speaks of
//! `tofacitinib` whether the text said Xeljanz, CP-690,550 or 托法替布.

use std::sync::OnceLock;

use serde::Deserialize;

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

pub struct Lexicon {
    pub classes: Vec<DrugClass>,
    pub drugs: Vec<Drug>,
    pub conditions: Vec<Term>,
    pub adverse_events: Vec<Term>,
    trie: Trie,
    patterns: Vec<Pattern>,
    /// The text of each pattern, for the search vocabulary.
    pattern_texts: Vec<String>,
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
        Ok(Self {
            trie: Trie::new(&texts),
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
    /// that stands as a word wins, and the scan goes on after the longest
    /// term spelled there ("cyclosporine at" yields "cyclosporine" when
    /// "cyclosporine A" fails its boundary).
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
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
            let head = Trie::head(&bytes[at..]);
            if !self.trie.may_start(&bytes[at..], head) {
                at += head;
                continue;
            }
            ends.clear();
            self.trie.prefixes(&bytes[at..], &mut ends);
            let Some(&(longest, _)) = ends.last() else {
                at += head;
                continue;
            };
            let found = ends
                .iter()
                .rev()
                .find_map(|&(len, index)| self.accept(text, index as usize, at, at + len));
            out.extend(found);
            at += longest;
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
        self.drugs.iter().position(|d| d.name == name)
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

/// The lexicon terms as a byte trie, ASCII case folded. Node `n`'s edges
/// are `edge_bytes[first[n]..first[n + 1]]`, sorted; the root's are also
/// kept in a table by byte, since every lookup starts there.
struct Trie {
    root: [u32; 256],
    first: Vec<u32>,
    edge_bytes: Vec<u8>,
    edge_targets: Vec<u32>,
    /// The pattern spelled by the path to each node, if any (the first
    /// added, when several patterns fold to the same bytes).
    terminal: Vec<Option<u32>>,
    /// A hash set (as bits) of the heads terms begin with: the first word
    /// of an ASCII term, the first character of any other. A term that
    /// stands as a word must begin with a whole word of the text, so most
    /// words are passed over with one hash and one bit test.
    heads: Vec<u64>,
}

impl Trie {
    const NONE: u32 = u32::MAX;
    const HEAD_BITS: u32 = 16;

    /// The length of the head of a term or a text position: its leading
    /// ASCII word, or its first character when that is not ASCII.
    fn head(text: &[u8]) -> usize {
        let len = match text.first() {
            Some(b) if b.is_ascii_alphanumeric() => text
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(text.len()),
            Some(&b) if b >= 0xF0 => 4,
            Some(&b) if b >= 0xE0 => 3,
            Some(&b) if b >= 0xC0 => 2,
            _ => 1,
        };
        len.min(text.len())
    }

    /// A cheap hash of the head of `text` (`head` bytes long): its length
    /// and first eight bytes, ASCII letters folded (`| 0x20` lower-cases
    /// letters and keeps digits; other bytes only need to hash alike here
    /// and in `new`).
    fn head_hash(text: &[u8], head: usize) -> usize {
        let n = head.min(8);
        let word = match text.first_chunk::<8>() {
            // One unaligned load, the bytes past the head masked off.
            Some(chunk) => u64::from_le_bytes(*chunk) & (u64::MAX >> (8 * (8 - n))),
            None => text[..n]
                .iter()
                .enumerate()
                .fold(0, |w, (i, &b)| w | u64::from(b) << (8 * i)),
        };
        let key = (word | (0x2020_2020_2020_2020 >> (8 * (8 - n)))) ^ (head as u64).rotate_right(8);
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::HEAD_BITS)) as usize
    }

    fn may_start(&self, text: &[u8], head: usize) -> bool {
        let h = Self::head_hash(text, head);
        self.heads[h / 64] & (1 << (h % 64)) != 0
    }

    fn new(texts: &[String]) -> Self {
        let mut children: Vec<std::collections::BTreeMap<u8, u32>> = vec![Default::default()];
        let mut terminal: Vec<Option<u32>> = vec![None];
        for (index, text) in texts.iter().enumerate() {
            let mut node = 0;
            for b in text.bytes().map(|b| b.to_ascii_lowercase()) {
                let next = children.len() as u32;
                let child = *children[node].entry(b).or_insert(next);
                if child == next {
                    children.push(Default::default());
                    terminal.push(None);
                }
                node = child as usize;
            }
            terminal[node].get_or_insert(index as u32);
        }
        let mut trie = Trie {
            root: [Self::NONE; 256],
            first: Vec::with_capacity(children.len() + 1),
            edge_bytes: Vec::new(),
            edge_targets: Vec::new(),
            terminal,
            heads: vec![0; 1 << (Self::HEAD_BITS - 6)],
        };
        for text in texts {
            let h = Self::head_hash(text.as_bytes(), Self::head(text.as_bytes()));
            trie.heads[h / 64] |= 1 << (h % 64);
        }
        for edges in &children {
            trie.first.push(trie.edge_bytes.len() as u32);
            trie.edge_bytes.extend(edges.keys());
            trie.edge_targets.extend(edges.values());
        }
        trie.first.push(trie.edge_bytes.len() as u32);
        for (&b, &child) in &children[0] {
            trie.root[b as usize] = child;
        }
        trie
    }

    fn child(&self, node: usize, byte: u8) -> Option<usize> {
        let (from, to) = (self.first[node] as usize, self.first[node + 1] as usize);
        let k = self.edge_bytes[from..to].iter().position(|&e| e == byte)?;
        Some(self.edge_targets[from + k] as usize)
    }

    /// Every term that `text` starts with, as (length, pattern index),
    /// shortest first.
    fn prefixes(&self, text: &[u8], out: &mut Vec<(usize, u32)>) {
        let Some((&first, rest)) = text.split_first() else {
            return;
        };
        let mut node = match self.root[first.to_ascii_lowercase() as usize] {
            Self::NONE => return,
            n => n as usize,
        };
        let mut len = 1;
        loop {
            if let Some(index) = self.terminal[node] {
                out.push((len, index));
            }
            let Some(&b) = rest.get(len - 1) else {
                return;
            };
            match self.child(node, b.to_ascii_lowercase()) {
                Some(next) => node = next,
                None => return,
            }
            len += 1;
        }
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

    #[test]
    fn a_failed_long_term_leaves_room_for_a_shorter_one() {
        let lex = Lexicon::builtin();
        let names: Vec<&str> = lex
            .mentions("after failure of cyclosporine at 6 centres")
            .iter()
            .map(|m| lex.name(m.kind, m.entry))
            .collect();
        assert_eq!(names, ["cyclosporine"]);
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
