//! Words to lexicon entries: a drug by any synonym, a prefix of one as the
//! user types (`tofa`, `乌帕`), a close typo (`tofacitnib`), or a class word
//! (`jak`, `JAK抑制剂`) that stands for every drug of the class.
//!
//! The vocabulary is a few thousand terms, so matching the word against all
//! of it costs microseconds whatever the size of the corpus.

use crate::lexicon::{Kind, Lexicon};

/// Lexicon entries a word names, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolved {
    pub drugs: Vec<usize>,
    pub conditions: Vec<usize>,
    pub adverse_events: Vec<usize>,
}

impl Resolved {
    pub fn is_empty(&self) -> bool {
        self.drugs.is_empty() && self.conditions.is_empty() && self.adverse_events.is_empty()
    }
}

/// The lower-cased lexicon terms, kept for matching.
#[derive(Default)]
pub struct Vocabulary {
    terms: Vec<(String, Kind, usize)>,
}

impl Vocabulary {
    pub fn new(lexicon: &Lexicon) -> Self {
        let mut terms: Vec<(String, Kind, usize)> = lexicon
            .terms()
            .map(|(t, k, e)| (t.to_lowercase(), k, e))
            .collect();
        terms.sort();
        terms.dedup();
        Self { terms }
    }

    /// The entries `word` names. `prefix` allows the word to be the start
    /// of a term (as the user types); typos are allowed for longer words.
    pub fn resolve(&self, lexicon: &Lexicon, word: &str, prefix: bool) -> Resolved {
        let mut out = Resolved::default();
        let min_prefix = if word.is_ascii() { 3 } else { 2 };
        let chars = word.chars().count();
        let typos = match chars {
            0..=4 => 0,
            5..=8 => 1,
            _ => 2,
        };
        // Exact names and prefixes win; only when there are none do typos
        // count, and then only the closest terms.
        let direct: Vec<&(String, Kind, usize)> = self
            .terms
            .iter()
            .filter(|(term, _, _)| {
                term == word || (prefix && chars >= min_prefix && term.starts_with(word))
            })
            .collect();
        let chosen = if direct.is_empty() && typos > 0 {
            let near: Vec<(usize, &(String, Kind, usize))> = self
                .terms
                .iter()
                .filter_map(|t| edits_within(word, &t.0, typos).map(|d| (d, t)))
                .collect();
            let best = near.iter().map(|(d, _)| *d).min().unwrap_or(0);
            near.into_iter()
                .filter(|(d, _)| *d == best)
                .map(|(_, t)| t)
                .collect()
        } else {
            direct
        };
        for (_, kind, entry) in chosen {
            match kind {
                Kind::Drug => push_unique(&mut out.drugs, *entry),
                Kind::Class => {
                    let id = &lexicon.classes[*entry].id;
                    for drug in lexicon.drugs_of_class(id) {
                        push_unique(&mut out.drugs, drug);
                    }
                }
                Kind::Condition => push_unique(&mut out.conditions, *entry),
                Kind::AdverseEvent => push_unique(&mut out.adverse_events, *entry),
            }
        }
        out
    }
}

impl Vocabulary {
    /// The lexicon term closest to a word that matched nothing, by
    /// fuzzy-matcher's SkimMatcherV2 over the (small) vocabulary: "did you
    /// mean ...?". Only confident matches are offered.
    pub fn suggest(&self, word: &str) -> Option<&str> {
        use fuzzy_matcher::FuzzyMatcher;
        use fuzzy_matcher::skim::SkimMatcherV2;
        if word.chars().count() < 4 {
            return None;
        }
        let matcher = SkimMatcherV2::default();
        let floor = 14 * word.chars().count() as i64;
        self.terms
            .iter()
            .filter_map(|(term, _, _)| matcher.fuzzy_match(term, word).map(|score| (score, term)))
            .filter(|(score, _)| *score >= floor)
            .max_by_key(|(score, term)| (*score, std::cmp::Reverse(term.len())))
            .map(|(_, term)| term.as_str())
    }
}

fn push_unique(list: &mut Vec<usize>, item: usize) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// Whether `a` and `b` are at most `max` edits apart (insertions, deletions,
/// substitutions, adjacent swaps).
pub fn within_edits(a: &str, b: &str, max: usize) -> bool {
    edits_within(a, b, max).is_some()
}

/// The edit distance of `a` and `b` when it is at most `max`.
pub fn edits_within(a: &str, b: &str, max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max * 4 {
        return None;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; a.len() + 1];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i][0] = i;
        let mut best = rows[i][0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
            best = best.min(d);
        }
        if best > max {
            return None;
        }
    }
    Some(rows[a.len()][b.len()]).filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drug_names(word: &str, prefix: bool) -> Vec<String> {
        let lexicon = Lexicon::builtin();
        let vocab = Vocabulary::new(lexicon);
        let mut names: Vec<String> = vocab
            .resolve(lexicon, word, prefix)
            .drugs
            .iter()
            .map(|&d| lexicon.drugs[d].name.clone())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn synonyms_prefixes_and_typos_name_one_drug() {
        for word in [
            "tofa",
            "xeljanz",
            "托法替尼",
            "托法替布",
            "cp-690550",
            "tofacitnib",
            "tofacitinib",
        ] {
            assert_eq!(drug_names(word, true), ["tofacitinib"], "{word}");
        }
        assert_eq!(drug_names("upadacitnib", true), ["upadacitinib"]);
        assert_eq!(drug_names("baracitinib", true), ["baricitinib"]);
        assert_eq!(drug_names("乌帕", true), ["upadacitinib"]);
        assert!(drug_names("to", true).is_empty());
    }

    #[test]
    fn class_words_name_the_class() {
        let jak = drug_names("jak", true);
        assert!(
            jak.len() >= 10
                && jak.contains(&"tofacitinib".to_string())
                && jak.contains(&"deucravacitinib".to_string())
        );
        assert_eq!(drug_names("jak抑制剂", true), jak);
        assert!(!jak.contains(&"methotrexate".to_string()));
    }

    #[test]
    fn words_that_match_nothing_get_a_suggestion() {
        let vocab = Vocabulary::new(Lexicon::builtin());
        assert_eq!(vocab.suggest("tfcitnb"), Some("tofacitinib"));
        assert_eq!(vocab.suggest("zzzz"), None);
        assert_eq!(vocab.suggest("upa"), None);
    }

    #[test]
    fn edit_distance() {
        assert!(within_edits("tofacitnib", "tofacitinib", 1));
        assert!(within_edits("tofacitinbi", "tofacitinib", 1));
        assert!(!within_edits("ruxolitinib", "tofacitinib", 2));
    }
}
