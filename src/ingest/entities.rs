//! Drugs, doses, conditions and adverse events, found with the lexicon in
//! the title, abstract and keywords (dose amounts: `super::doses`; outcome
//! sentences: `super::outcomes`).

use std::sync::LazyLock;

use foldhash::HashMap;
use memchr::memmem::Finder;

use super::doses::{dedupe_doses, find_doses};
use super::textutil::{self, Prose};
use crate::lexicon::{Kind, Lexicon};
use crate::model::{Dose, SharedStr, Study};
use crate::vocab::{Vocab, Words};

pub struct Found {
    pub drugs: Vec<SharedStr>,
    /// Mentions per drug, same order as `drugs`.
    pub drug_counts: Vec<usize>,
    pub doses: Vec<Dose>,
    pub conditions: Vec<SharedStr>,
    pub adverse_events: Vec<SharedStr>,
    pub outcomes: Vec<SharedStr>,
}

/// Where a text sits: title and keywords weigh more for conditions.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Title,
    Keywords,
    Body,
}

/// The title and the English paragraphs, or the Chinese ones when the study
/// has no English: the text the entity and count steps read.
pub fn body_prose(study: &Study, title: Option<&str>) -> Prose {
    let paragraphs = if study.english.is_empty() {
        &study.chinese
    } else {
        &study.english
    };
    let title = title.unwrap_or_default();
    let len = title.len() + paragraphs.iter().map(|p| p.len() + 1).sum::<usize>();
    let mut text = String::with_capacity(len);
    text.push_str(title);
    for p in paragraphs {
        text.push('\n');
        text.push_str(p);
    }
    Prose::new(text)
}

pub fn extract(study: &Study, title: Option<&str>, prose: &Prose, vocab: &Vocab) -> Found {
    let lexicon = Lexicon::builtin();
    let paragraphs = if study.english.is_empty() {
        &study.chinese
    } else {
        &study.english
    };
    let keywords = study.keywords.join("; ");
    let mut texts: Vec<(Place, &str)> = Vec::new();
    if let Some(t) = title {
        texts.push((Place::Title, t));
    }
    texts.extend(paragraphs.iter().map(|p| (Place::Body, p.as_str())));
    texts.push((Place::Keywords, keywords.as_str()));

    let mut drugs = Tally::default();
    // Drugs the lexicon does not list, named by their INN ending.
    let mut unlisted: Vec<(String, usize, bool)> = Vec::new();
    let mut conditions = Tally::default();
    let mut events = Tally::default();
    let mut doses = Vec::new();
    let mut abbreviations: Vec<(String, usize)> = Vec::new();
    for &(place, text) in &texts {
        let mut long_words = Vec::new();
        let mentions = lexicon.mentions_and_words(text, |start, end| {
            if place != Place::Keywords {
                long_words.push((start, end));
            }
        });
        for name in unlisted_drugs(text, &long_words, vocab) {
            match unlisted.iter_mut().find(|(n, ..)| *n == name) {
                Some(hit) => hit.1 += 1,
                None => unlisted.push((name, 1, place == Place::Title)),
            }
        }
        for m in &mentions {
            match m.kind {
                Kind::Drug if !names_an_organism(text, m.end) => {
                    drugs.add(m.entry, 1);
                    drugs.mark(m.entry, place);
                }
                Kind::Condition => {
                    conditions.add(m.entry, weight(place));
                    conditions.mark(m.entry, place);
                    if let Some(abbr) = abbreviation_after(text, m.end) {
                        abbreviations.push((abbr, m.entry));
                    }
                }
                Kind::AdverseEvent if !negated(text, m.start, vocab) => {
                    events.add(m.entry, 1);
                    events.mark(m.entry, place);
                }
                _ => {}
            }
        }
        if place == Place::Body && mentions.iter().any(|m| m.kind == Kind::Drug) {
            doses.extend(find_doses(text, &mentions, lexicon, vocab));
        }
    }
    count_cooccurrences(prose, lexicon, &mut conditions);
    for (abbr, entry) in &abbreviations {
        let abbr = Finder::new(abbr.as_bytes());
        let uses: usize = paragraphs.iter().map(|p| count_word(p, &abbr)).sum();
        conditions.add(*entry, uses.saturating_sub(1));
    }
    dedupe_doses(&mut doses);

    let (drugs, drug_counts) = rank_drugs(&drugs, unlisted, lexicon);
    Found {
        drug_counts,
        drugs,
        doses,
        conditions: {
            let mut found = salient_conditions(&conditions, lexicon);
            // A study of an event ("Rituximab and the risk of pneumonia",
            // "Apixaban for venous thromboembolism") names it where others
            // name a disease.
            if found.is_empty() {
                found = events
                    .headline
                    .iter()
                    .map(|&e| SharedStr::interned(&lexicon.adverse_events[e].name))
                    .collect();
            }
            found
        },
        adverse_events: events
            .order
            .iter()
            .map(|&e| SharedStr::interned(&lexicon.adverse_events[e].name))
            .collect(),
        outcomes: super::outcomes::outcomes(&study.sections, paragraphs, vocab),
    }
}

/// The drugs a study names, what it studies first: those named in its title
/// (or keywords), then the most mentioned, then in order of mention. A group
/// (`statins`) is listed only when the title names it or no drug of its own is
/// named.
fn rank_drugs(
    tally: &Tally,
    unlisted: Vec<(String, usize, bool)>,
    lexicon: &Lexicon,
) -> (Vec<SharedStr>, Vec<usize>) {
    // (name, mentions, headline, group), in order of first mention.
    let mut hits: Vec<(&str, usize, bool, bool)> = tally
        .order
        .iter()
        .map(|&e| {
            let drug = &lexicon.drugs[e];
            (
                drug.name.as_str(),
                tally.score[&e],
                tally.headline.contains(&e),
                drug.group,
            )
        })
        .collect();
    hits.extend(unlisted.iter().map(|(n, c, t)| (n.as_str(), *c, *t, false)));
    if hits.iter().any(|h| !h.3) {
        // A group the title names is what the study is about.
        hits.retain(|h| !h.3 || h.2);
    }
    // A stable sort keeps the order of mention among equals.
    hits.sort_by_key(|&(_, count, headline, _)| {
        (std::cmp::Reverse(headline), std::cmp::Reverse(count))
    });
    hits.iter()
        .map(|&(name, count, ..)| (SharedStr::interned(name), count))
        .unzip()
}

/// A drug name that is part of an organism's (`methicillin-resistant
/// Staphylococcus aureus`, `vancomycin-resistant enterococci`): no drug
/// given. `end` is where the name ends in `text`.
fn names_an_organism(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(['-', ' ', '‐']);
    ["resistant", "susceptible", "sensitive", "resistance"]
        .iter()
        .any(|w| {
            rest.get(..w.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(w))
        })
}

/// The long words (`start..end`, no lexicon term) that name a drug by an INN
/// ending (`vedolizumab`, `empagliflozin`): lower case, ASCII letters only,
/// not joined to accented text.
fn unlisted_drugs(text: &str, long_words: &[(usize, usize)], vocab: &Vocab) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for &(start, end) in long_words {
        let ends_like_a_stem = crate::vocab::tail_bit(&bytes[start..end])
            .is_some_and(|bit| vocab.drug_stem_tails[bit / 64] & (1 << (bit % 64)) != 0);
        if !ends_like_a_stem
            || bytes.get(end).is_some_and(|&b| b >= 0x80)
            || start.checked_sub(1).is_some_and(|j| bytes[j] >= 0x80)
        {
            continue;
        }
        let word = text[start..end].to_ascii_lowercase();
        if word.bytes().all(|b| b.is_ascii_alphabetic())
            && !names_an_organism(text, end)
            && vocab
                .drug_stems
                .iter()
                .any(|stem| word.ends_with(stem.as_str()))
            && !vocab.drug_stem_exceptions.contains(&word)
        {
            out.push(word);
        }
    }
    out
}

fn weight(place: Place) -> usize {
    match place {
        Place::Title => 3,
        Place::Keywords => 2,
        Place::Body => 1,
    }
}

/// Entries in order of first mention, with a score each.
#[derive(Default)]
struct Tally {
    order: Vec<usize>,
    score: HashMap<usize, usize>,
    /// Entries named in the title or keywords.
    headline: Vec<usize>,
}

impl Tally {
    fn add(&mut self, entry: usize, by: usize) {
        let score = self.score.entry(entry).or_insert_with(|| {
            self.order.push(entry);
            0
        });
        *score += by;
    }

    fn mark(&mut self, entry: usize, place: Place) {
        if place != Place::Body && !self.headline.contains(&entry) {
            self.headline.push(entry);
        }
    }
}

/// `(PPP)` right after a term: the text's own abbreviation for it.
fn abbreviation_after(text: &str, end: usize) -> Option<String> {
    let rest = &text[end..];
    if !rest.trim_start().starts_with('(') {
        return None;
    }
    let caps = regex!(r"^\s*\(([A-Z][A-Za-z]{1,6})\)").captures(rest)?;
    Some(caps[1].to_string())
}

/// Uses of `word` (its finder) standing as a word in `text`; an empty word
/// has none.
fn count_word(text: &str, word: &Finder<'_>) -> usize {
    let bytes = text.as_bytes();
    let len = word.needle().len();
    if len == 0 {
        return 0;
    }
    word.find_iter(bytes)
        .filter(|&i| {
            let before = i.checked_sub(1).map(|j| bytes[j]);
            let after = bytes.get(i + len).copied();
            !before.is_some_and(|b| b.is_ascii_alphanumeric())
                && !after.is_some_and(|b| b.is_ascii_alphanumeric())
        })
        .count()
}

/// Compound conditions named in paraphrase: both words of a pair in one
/// sentence ("granulomas secondary to filler injection").
fn count_cooccurrences(prose: &Prose, lexicon: &Lexicon, conditions: &mut Tally) {
    // One substring scan of the whole text per word, not one per sentence.
    let in_sentences =
        |word: &Finder<'_>| prose.flag_sentences(word.find_iter(prose.lower.as_bytes()));
    for (entry, pairs) in &lexicon.cooccur_finders {
        let mut both = vec![false; prose.sentences.len()];
        for (a, b) in pairs {
            let a = in_sentences(a);
            if !a.contains(&true) {
                continue;
            }
            let b = in_sentences(b);
            for (k, flag) in both.iter_mut().enumerate() {
                *flag |= a[k] && b[k];
            }
        }
        let count = both.iter().filter(|&&f| f).count();
        if count > 0 {
            conditions.add(*entry, count);
        }
    }
}

/// Conditions the study is about: named in the title or keywords, or
/// mentioned at least a third as often as the most mentioned one. A
/// condition whose name is inside a more specific one found in the same text
/// ("dermatomyositis" inside "juvenile dermatomyositis") is left out.
fn salient_conditions(tally: &Tally, lexicon: &Lexicon) -> Vec<SharedStr> {
    let name = |e: usize| lexicon.conditions[e].name.as_str();
    let specific: Vec<usize> = tally
        .order
        .iter()
        .copied()
        .filter(|&e| {
            !tally
                .order
                .iter()
                .any(|&other| other != e && contains_words(name(other), name(e)))
        })
        .collect();
    let top = specific.iter().map(|e| tally.score[e]).max().unwrap_or(0);
    let threshold = ((top as f64) * 0.34).max(1.0);
    let mut kept: Vec<(usize, usize)> = specific
        .iter()
        .enumerate()
        .filter(|&(_, e)| tally.headline.contains(e) || tally.score[e] as f64 >= threshold)
        .map(|(i, &e)| (i, e))
        .collect();
    kept.sort_by_key(|&(i, e)| (std::cmp::Reverse(tally.score[&e]), i));
    kept.into_iter()
        .map(|(_, e)| SharedStr::interned(name(e)))
        .collect()
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    haystack.len() > needle.len() && count_word(haystack, &Finder::new(needle)) > 0
}

/// Whether the clause before `at` negates it: "no X", "without X", and lists
/// after a negation ("no cases of VTE, MACE or malignancy") up to a clause
/// break ("but", "although", ";").
fn negated(text: &str, at: usize, vocab: &Vocab) -> bool {
    static BREAKS: LazyLock<Words> = LazyLock::new(|| {
        Words::anywhere(&[
            "but",
            "although",
            "whereas",
            "while",
            "however",
            "except",
            "apart from",
        ])
    });
    let start = textutil::sentence_start(text, at);
    let clause = &text[start..at];
    // ASCII lower-casing keeps byte offsets: `lower` is cut where `clause` is.
    let lower = clause.to_ascii_lowercase();
    // Most clauses have no break word: the regex that finds the last one
    // runs only when one of them occurs.
    let cut = if BREAKS.any_in(&lower) {
        regex!(r"(?i).*(?-u:\b)(?:but|although|whereas|while|however|except|apart from)(?-u:\b)")
            .find(clause)
            .map_or(0, |m| m.end())
    } else {
        0
    };
    let (clause, lower) = (&clause[cut..], &lower[cut..]);
    vocab.negations.iter().any(|n| {
        if n.is_ascii() {
            lower
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w == n)
                || (n.contains(' ') && lower.contains(n.as_str()))
        } else {
            clause.contains(n.as_str())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drugs_of(title: &str, body: &str) -> Vec<String> {
        let study = Study {
            english: vec![body.into()],
            ..Study::default()
        };
        let prose = body_prose(&study, Some(title));
        extract(&study, Some(title), &prose, Vocab::builtin())
            .drugs
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn drugs_the_lexicon_lacks_are_named_by_their_inn_ending() {
        let drugs = drugs_of(
            "Obinutuzumab in membranous nephropathy",
            "Twelve patients received obinutuzumab. The concept was tested in methicillin-resistant \
             Staphylococcus aureus carriers; cholesterol fell.",
        );
        assert_eq!(drugs, ["obinutuzumab"]);
    }

    #[test]
    fn a_study_of_an_event_is_about_it() {
        let study = Study {
            english: vec!["We compared apixaban with enoxaparin in 5395 patients.".into()],
            ..Study::default()
        };
        let title = "Oral apixaban for the treatment of acute venous thromboembolism";
        let prose = body_prose(&study, Some(title));
        let found = extract(&study, Some(title), &prose, Vocab::builtin());
        assert_eq!(found.conditions, ["venous thromboembolism"]);
    }

    #[test]
    fn the_studied_drug_comes_first() {
        // Glucocorticoids are named first, as the background; the title and
        // the mentions say what was studied.
        let drugs = drugs_of(
            "Tofacitinib for persistent erythema multiforme",
            "PEM lacks therapies other than glucocorticoids. Four patients received tofacitinib. \
             Tofacitinib was well tolerated.",
        );
        assert_eq!(drugs, ["tofacitinib", "glucocorticoids"]);
        // A group is listed when the title names it, or nothing else is named.
        let drugs = drugs_of(
            "SGLT2 inhibitors added to metformin",
            "Patients on metformin started SGLT2 inhibitors.",
        );
        assert_eq!(drugs, ["sglt2 inhibitors", "metformin"]);
        let drugs = drugs_of(
            "Outcomes of heart failure",
            "Statins and aspirin were continued.",
        );
        assert_eq!(drugs, ["aspirin"]);
    }

    #[test]
    fn words_are_counted_whole() {
        let word = |w: &str| Finder::new(w.as_bytes()).into_owned();
        assert_eq!(
            count_word("PPP, palmoplantar pustulosis (PPP); PPPx", &word("PPP")),
            2
        );
        assert_eq!(count_word("aéb", &word("")), 0);
        assert!(contains_words(
            "juvenile dermatomyositis",
            "dermatomyositis"
        ));
        assert!(!contains_words("dermatomyositis", "myositis"));
    }

    #[test]
    fn word_pairs_count_in_any_case() {
        let lexicon = Lexicon::builtin();
        let entry = lexicon
            .conditions
            .iter()
            .position(|c| c.name == "filler-induced granuloma")
            .unwrap();
        let prose = Prose::new(
            "Granulomas appeared after a hyaluronic acid Filler. The filler was removed. \
             A granuloma after FILLER injection resolved."
                .to_string(),
        );
        let mut conditions = Tally::default();
        count_cooccurrences(&prose, lexicon, &mut conditions);
        assert_eq!(conditions.score.get(&entry), Some(&2));
    }

    #[test]
    fn negated_events_are_skipped() {
        let v = Vocab::builtin();
        let text = "No herpes zoster occurred. One had neutropenia.";
        assert!(negated(text, text.find("herpes").unwrap(), v));
        assert!(!negated(text, text.find("neutropenia").unwrap(), v));
        let text = "There were no cases of venous thromboembolism, MACE or malignancy.";
        assert!(negated(text, text.find("malignancy").unwrap(), v));
        let text = "No serious events occurred, but two had herpes zoster.";
        assert!(!negated(text, text.find("herpes").unwrap(), v));
        let text = "无带状疱疹发生。";
        assert!(negated(text, text.find("带状疱疹").unwrap(), v));
    }
}
