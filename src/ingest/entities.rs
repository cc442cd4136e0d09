//! Drugs, doses, conditions and adverse events, found with the lexicon in
//! the title, abstract and keywords (outcome sentences: `super::outcomes`).

use std::sync::LazyLock;

use foldhash::HashMap;
use memchr::memmem::Finder;

use super::textutil::{self, Prose};
use crate::lexicon::{Kind, Lexicon, Mention};
use crate::model::{Dose, SharedStr, Study};
use crate::swar;
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
    let mut conditions = Tally::default();
    let mut events = Tally::default();
    let mut doses = Vec::new();
    let mut abbreviations: Vec<(String, usize)> = Vec::new();
    for &(place, text) in &texts {
        let mentions = lexicon.mentions(text);
        for m in &mentions {
            match m.kind {
                Kind::Drug => drugs.add(m.entry, 1),
                Kind::Condition => {
                    conditions.add(m.entry, weight(place));
                    conditions.mark(m.entry, place);
                    if let Some(abbr) = abbreviation_after(text, m.end) {
                        abbreviations.push((abbr, m.entry));
                    }
                }
                Kind::AdverseEvent if !negated(text, m.start, vocab) => events.add(m.entry, 1),
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

    Found {
        drug_counts: drugs.order.iter().map(|e| drugs.score[e]).collect(),
        drugs: drugs
            .order
            .iter()
            .map(|&e| SharedStr::interned(&lexicon.drugs[e].name))
            .collect(),
        doses,
        conditions: salient_conditions(&conditions, lexicon),
        adverse_events: events
            .order
            .iter()
            .map(|&e| SharedStr::interned(&lexicon.adverse_events[e].name))
            .collect(),
        outcomes: super::outcomes::outcomes(&study.sections, paragraphs, vocab),
    }
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

/// An amount with its unit, anchored at the start of the text: low value,
/// range separator, high value, unit, "per" word.
fn dose_pattern() -> &'static regex::Regex {
    regex!(
        r"^(?i)(\d+(?:\.\d+)?)(?:\s*(-|–|to)\s*(\d+(?:\.\d+)?))?\s*((?:mg/kg|mg/m2|mg|µg|μg|mcg|g|ml|iu)(?-u:(?-u:\b))|%)(?:\s*/\s*(\p{L}+))?"
    )
}

/// Where `dose_pattern` matches in `text`: the leftmost, non-overlapping
/// matches an unanchored search finds, as (start, end).
///
/// A match starts with a digit, so only digits are tried, and only the
/// first of a run of ASCII digits: a later start in the run leaves the
/// number fewer digits and the same rest to match, so it matches only if
/// the first does. Most numbers are followed by something no amount can
/// go on with ("22 patients", "week 24,"): `may_go_on_as_amount` turns them
/// away without running the pattern.
fn amounts(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            at += swar::len_before_digit_or_lead(&bytes[at..]);
            let (start, &b) = (at, bytes.get(at)?);
            if b.is_ascii_digit() {
                at += swar::ascii_digits_len(&bytes[at..]);
                if !may_go_on_as_amount(&bytes[at..]) {
                    continue;
                }
            } else {
                // Other scripts' digits (`\d` is Unicode) are tried too.
                let c = text[at..].chars().next()?;
                at += c.len_utf8();
                if !c.is_numeric() {
                    continue;
                }
            }
            if let Some(m) = dose_pattern().find(&text[start..]) {
                at = start + m.end();
                return Some((start, at));
            }
        }
    })
}

/// Whether the text after a run of ASCII digits can go on as an amount:
/// decimals, then spaces, then a range separator or a unit. Anything
/// outside ASCII is let through for the pattern to decide.
fn may_go_on_as_amount(rest: &[u8]) -> bool {
    let mut i = 0;
    if rest.first() == Some(&b'.') {
        match rest.get(1) {
            Some(d) if d.is_ascii_digit() => {
                i = 1 + rest[1..].iter().take_while(|b| b.is_ascii_digit()).count();
            }
            Some(&d) if d >= 0x80 => return true,
            _ => return false,
        }
    }
    // `\s` outside ASCII starts with a byte of 0x80 or more.
    i += rest[i..]
        .iter()
        .take_while(|&&b| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '))
        .count();
    // Separators `-`, `–`, `to`; units start m, µ, μ, g, i or are `%`.
    rest.get(i).is_some_and(|&b| {
        b >= 0x80
            || matches!(
                b.to_ascii_lowercase(),
                b'm' | b'g' | b'i' | b'%' | b'-' | b't'
            )
    })
}

/// Doses in a paragraph, each given to the nearest drug named before it in
/// the same sentence (or right after it: "10 mg tofacitinib").
fn find_doses(text: &str, mentions: &[Mention], lexicon: &Lexicon, vocab: &Vocab) -> Vec<Dose> {
    let drugs: Vec<&Mention> = mentions.iter().filter(|m| m.kind == Kind::Drug).collect();
    let mut out = Vec::new();
    // Most amounts have no drug beside them ("22 of 22 patients (100%)"):
    // their groups are read only once a drug is found.
    for (start, end) in amounts(text) {
        let sentence_start = textutil::sentence_start(text, start);
        // Mentions are in text order: look only at the neighbours of the dose.
        let split = drugs.partition_point(|m| m.end <= start);
        let before = split
            .checked_sub(1)
            .map(|k| drugs[k])
            .filter(|m| m.start >= sentence_start && start - m.end <= 60);
        let after = || {
            drugs[split..]
                .iter()
                .copied()
                .find(|m| m.start >= end)
                .filter(|m| m.start - end <= 4)
        };
        let Some(drug) = before.or_else(after) else {
            continue;
        };
        // The same match again, with its groups (the two always take part).
        let Some(caps) = dose_pattern().captures(&text[start..]) else {
            continue;
        };
        let (Some(low), Some(unit)) = (caps.get(1), caps.get(4)) else {
            continue;
        };
        // A percentage is a strength only for a topical form ("cream 1.5%");
        // otherwise it is a rate ("tofacitinib (56.3%)").
        if unit.as_str() == "%" {
            let between = &text[drug.start.min(start)..start];
            if !regex!(r"(?i)(?-u:\b)(?:cream|ointment|gel|lotion|foam|solution|topical)(?-u:\b)")
                .is_match(between)
            {
                continue;
            }
        }
        let mut dose = low.as_str().to_string();
        if let (Some(sep), Some(high)) = (caps.get(2), caps.get(3)) {
            let sep = if sep.as_str().eq_ignore_ascii_case("to") {
                " to "
            } else {
                "-"
            };
            dose.push_str(sep);
            dose.push_str(high.as_str());
        }
        if unit.as_str() != "%" {
            dose.push(' ');
        }
        dose.push_str(&unit.as_str().to_lowercase().replace("iu", "IU"));
        if let Some(per) = caps.get(5) {
            let word = per.as_str().to_lowercase();
            dose.push('/');
            dose.push_str(
                vocab
                    .time_words
                    .get(&word)
                    .map_or(word.as_str(), String::as_str),
            );
        }
        if let Some(freq) = frequency_after(&text[end..], vocab) {
            dose.push(' ');
            dose.push_str(freq);
        }
        out.push(Dose {
            drug: SharedStr::interned(&lexicon.drugs[drug.entry].name),
            text: dose.into(),
        });
    }
    out
}

/// A frequency phrase right after a dose (", twice daily", " bid").
fn frequency_after<'v>(rest: &str, vocab: &'v Vocab) -> Option<&'v str> {
    let rest = rest.trim_start_matches([',', ' ', '(']);
    let head: String = rest.chars().take(24).collect::<String>().to_lowercase();
    vocab.frequencies.iter().find_map(|(phrase, shown)| {
        let next = head[..].strip_prefix(phrase.as_str())?;
        let boundary = next.chars().next().is_none_or(|c| !c.is_alphanumeric());
        boundary.then_some(shown.as_str())
    })
}

/// Drops repeats, and a dose that another of the same drug spells out more
/// fully ("1.5%" beside "1.5% twice daily").
fn dedupe_doses(doses: &mut Vec<Dose>) {
    let mut seen = std::collections::HashSet::new();
    doses.retain(|d| seen.insert((d.drug.clone(), d.text.clone())));
    let fuller: Vec<bool> = doses
        .iter()
        .map(|d| {
            doses.iter().any(|o| {
                o.drug == d.drug
                    && o.text.len() > d.text.len()
                    && o.text.starts_with(&format!("{} ", d.text))
            })
        })
        .collect();
    let mut keep = fuller.iter().map(|f| !f);
    doses.retain(|_| keep.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn doses(text: &str) -> Vec<(String, String)> {
        let lexicon = Lexicon::builtin();
        find_doses(text, &lexicon.mentions(text), lexicon, Vocab::builtin())
            .into_iter()
            .map(|d| (d.drug.to_string(), d.text.to_string()))
            .collect()
    }

    #[test]
    fn doses_go_to_the_nearest_drug_before_them() {
        assert_eq!(
            doses(
                "Treatment with tofacitinib, 5 to 10 mg, twice daily or upadacitinib, 15 mg, once daily."
            ),
            [
                ("tofacitinib".into(), "5 to 10 mg twice daily".into()),
                ("upadacitinib".into(), "15 mg once daily".into())
            ]
        );
    }

    #[test]
    fn amounts_are_where_an_unanchored_search_finds_them() {
        let unanchored =
            regex::Regex::new(dose_pattern().as_str().strip_prefix('^').unwrap()).unwrap();
        let pieces = [
            "1", "12", "2.5", ".", "..", " ", "\u{a0}", "\u{3000}", "\t", "-", "–", "to", "TO",
            "mg", "MG", "Mg/Kg", "mg/m2", "µg", "μg", "Μg", "mcg", "g", "ml", "iu", "IU", "%", "/",
            "d", "day", "gün", "x", "patients", "mgs", "٣", "１０", "½", "(", ")", ",", "a",
        ];
        // Sequences of up to four pieces (each grown while under nine
        // characters), and a longer text.
        let mut texts: Vec<String> = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|t| t.chars().count() < 9)
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
        }
        texts.push("1.2.5 mg, 10-20mg/day, 3 to 4 IU/kg; 22 of 22 (100%) 5 mg".into());
        for text in &texts {
            let expected: Vec<(usize, usize)> = unanchored
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(amounts(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn foreign_time_words_are_translated() {
        assert_eq!(
            doses("Tofacitinib treatment (10mg/gün) was started."),
            [("tofacitinib".into(), "10 mg/day".into())]
        );
        assert_eq!(
            doses("baricitinib 4 mg/d for 12 weeks"),
            [("baricitinib".into(), "4 mg/day".into())]
        );
    }

    #[test]
    fn numbers_without_a_drug_are_no_dose() {
        assert!(doses("Pamidronate was used in 4 cases; 12 g of sugar.").is_empty());
        assert_eq!(
            doses("ruxolitinib cream 1.5% twice daily"),
            [("ruxolitinib".into(), "1.5% twice daily".into())]
        );
        assert_eq!(
            doses("prednisone was tapered from 12.5 mg/day to 2.5 mg/day"),
            [
                ("prednisone".into(), "12.5 mg/day".into()),
                ("prednisone".into(), "2.5 mg/day".into())
            ]
        );
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
