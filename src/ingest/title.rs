//! Title, authors and affiliations from the lines before an abstract, and a
//! readable title for a study whose text has none.

use std::sync::LazyLock;

use super::page::HeaderLine;
use super::textutil::{self, more_words_than, word_count_upto};
use super::{affiliations, bilingual};
use crate::lexicon::Lexicon;
use crate::model::Study;
use crate::vocab::{LineCues, Vocab, Words};

pub struct Header {
    pub title: Option<String>,
    /// The Chinese title of a page that gives the article's title in both
    /// languages (`title` is the English one, as PubMed's records have it).
    pub title_original: Option<String>,
    pub authors: Vec<String>,
    pub affiliations: Vec<String>,
}

/// Words that make a line say something of what it names (finite verbs,
/// modals, the authors speaking): a title or a design statement names
/// things and says nothing of them.
pub(super) static VERBS: LazyLock<Words> = LazyLock::new(|| {
    Words::whole(&[
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "been",
        "be",
        "we",
        "our",
        "you",
        "your",
        "showed",
        "shows",
        "suggest",
        "suggests",
        "found",
        "remains",
        "may",
        "can",
        "could",
        "should",
        "will",
        "would",
        "received",
        "occurred",
        "remain",
        "demonstrated",
        "achieved",
        "shown",
        "reported",
        "proved",
        "proven",
        "suggested",
    ])
});

/// Whether a line before the abstract reads as a title rather than the
/// abstract's first sentence: a title names things, a sentence says
/// something of them.
pub fn is_title_like(line: &str) -> bool {
    scored(line, 1, Some(TITLE_THRESHOLD)) >= TITLE_THRESHOLD
}

const TITLE_THRESHOLD: i32 = 3;

fn title_score(line: &str, repeats: usize) -> i32 {
    scored(line, repeats, None)
}

/// The title score of `line`; with a `floor`, the scoring stops as soon as
/// the score can no longer reach it (and the result is then below it).
fn scored(line: &str, repeats: usize, floor: Option<i32>) -> i32 {
    // Counted up to 41: more than 40 words is no title.
    let words = word_count_upto(line, 41);
    let labelled = || {
        Vocab::builtin()
            .label_spans(line)
            .next()
            .is_some_and(|span| span.start == 0)
    };
    // A bullet opens a list item or a menu entry (`- Split View`), never a
    // title.
    if !(3..=40).contains(&words)
        || line.starts_with(['-', '•', '*', '·'])
        || labelled()
        || has_sentence_break(line)
    {
        return -10;
    }
    let mut score = 0;
    if repeats > 1 {
        score += 2;
    }
    let long_words: Vec<&str> = line.split_whitespace().filter(|w| w.len() >= 4).collect();
    let capitalised = long_words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    if !long_words.is_empty() && capitalised * 10 >= long_words.len() * 6 {
        score += 1;
    }
    if line.contains(": ") || line.contains(" - ") || line.contains(" – ") {
        score += 1;
    }
    if (6..=30).contains(&words) {
        score += 1;
    }
    if !line.ends_with('.') {
        score += 1;
    }
    // The rest only adds up to two lexicon terms, then takes away.
    let below = |score: i32| floor.is_some_and(|f| score < f);
    const MAX_TERMS_BONUS: i32 = 4;
    if below(score + MAX_TERMS_BONUS) {
        return score;
    }
    score += Lexicon::builtin().mentions(line).len().min(2) as i32 * 2;
    if below(score) {
        return score;
    }
    // The cue words are ASCII: matched on the lower-cased line.
    const PROSE_OPENINGS: [&str; 12] = [
        "to",
        "we",
        "the aim",
        "this",
        "these",
        "in this",
        "our",
        "here",
        "however",
        "although",
        "objective",
        "background",
    ];
    static SITE_WORDS: LazyLock<Words> = LazyLock::new(|| {
        Words::whole(&[
            "journal",
            "annals",
            "archives",
            "frontiers in",
            "proceedings",
            "repository",
            "logo",
            "menu",
            "navigation",
            "library",
            "publishing",
            "press",
            "university",
            "website",
            "search",
            "login",
            "cookie",
        ])
    });
    let lower = line.to_ascii_lowercase();
    if VERBS.any_in(&lower) {
        score -= 3;
    }
    if below(score) {
        return score;
    }
    let opens_with = |word: &str| {
        lower.starts_with(word)
            && !lower
                .as_bytes()
                .get(word.len())
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
    };
    if PROSE_OPENINGS.iter().any(|w| opens_with(w)) {
        score -= 2;
    }
    if below(score) {
        return score;
    }
    if SITE_WORDS.any_in(&lower) {
        score -= 4;
    }
    score
}

/// A sentence ends inside the line: a lower-case letter or `)`, a full
/// stop, white space and a capital (`... remission. Tofacitinib ...`). A
/// subtitle that names the design (`... Type-2 Diabetes. A Systematic Review
/// and Meta-Analysis`) is no sentence.
fn has_sentence_break(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr_iter(b'.', bytes).any(|dot| {
        let after = &line[dot + 1..];
        let rest = after.trim_start();
        // `vs.`, `et al.`: abbreviations, not stops.
        let word = line[..dot].rsplit([' ', '(']).next().unwrap_or_default();
        dot > 0
            && matches!(bytes[dot - 1], b'a'..=b'z' | b')')
            && !matches!(word, "vs" | "al" | "e.g" | "i.e" | "approx" | "ca" | "cf")
            && rest.len() < after.len()
            && rest.starts_with(|c: char| c.is_ascii_uppercase())
            && !(word_count_upto(rest, 13) <= 12
                && Vocab::builtin().design_cues_in(rest.trim_end_matches('.')) != 0
                && !rest.trim_end_matches('.').contains(". "))
    })
}

/// A Chinese title has no spaces to count words by; it is scored on being a
/// short Han line naming a lexicon term.
fn chinese_title_score(line: &str) -> i32 {
    1 + Lexicon::builtin().mentions(line).len().min(2) as i32
}

/// An author list: comma-separated personal names, with affiliation marks
/// (`Smith J(1)`, `Jane A Smith 1`, `Min Zhao1*`, `MD, PhD a`) allowed.
pub fn is_author_list(line: &str) -> bool {
    // Chinese names, two to four characters each, set apart by spaces
    // (`黃曉碧 趙勝 鄭麗云`), a mark or number allowed after each.
    let chinese_names = || {
        let names: Vec<&str> = line.split_whitespace().collect();
        names.len() >= 2
            && names.iter().all(|name| {
                let name =
                    name.trim_end_matches(|c: char| c.is_ascii_digit() || "*,†‡".contains(c));
                let han = name.chars().filter(|&c| textutil::is_han(c)).count();
                (2..=4).contains(&han) && han == name.chars().count()
            })
    };
    if line.len() <= 120 && !line.is_ascii() && chinese_names() {
        return true;
    }
    if memchr::memchr2(b',', b';', line.as_bytes()).is_none() {
        // One author, marked as PubMed marks them: `Nguyen T(1).`
        return line.ends_with(").")
            && regex!(
                r"^\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){0,3} \p{Lu}{1,3}\(\d+(?:,\d+)*\)\.$"
            )
            .is_match(line);
    }
    if more_words_than(line, 120) {
        return false;
    }
    // A name has at most five words, and its marks few more: a longer run
    // between commas is prose. (Cheap, so it goes before the regexes.)
    let long_part = line
        .split([',', ';'])
        .any(|part| part.split_whitespace().nth(12).is_some());
    if long_part {
        return false;
    }
    // Dates and citations have commas and capitals too.
    if regex!(r"(?-u:\b)(?:19|20)\d{2}(?-u:\b)|(?-u:\b)(?:January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)").is_match(line) {
        return false;
    }
    let names = author_names(line);
    names.len() >= 2
        && names.iter().all(|name| {
            let parts: Vec<&str> = name.split_whitespace().collect();
            (1..=5).contains(&parts.len())
                && (is_group_name(name)
                    || parts.iter().all(|p| {
                        p.starts_with(char::is_uppercase)
                            || matches!(
                                *p,
                                "van"
                                    | "von"
                                    | "de"
                                    | "der"
                                    | "da"
                                    | "di"
                                    | "le"
                                    | "la"
                                    | "del"
                                    | "bin"
                                    | "dos"
                            )
                    }))
        })
}

/// A group author, which may name itself with digits: `ALLEGRO 2b/3
/// Investigators`.
fn is_group_name(name: &str) -> bool {
    name.rsplit(' ').next().is_some_and(|w| {
        matches!(
            w,
            "Investigators" | "Group" | "Consortium" | "Collaborators" | "Collaboration"
        )
    })
}

/// The names of an author line, marks and degrees removed.
fn author_names(line: &str) -> Vec<String> {
    let marks = regex!(r"\(\d+(?:,\d+)*\)|[\d*†‡§¶]+");
    let degrees = regex!(r"(?-u:\b)(?:MD|PhD|MSc|MBBS|MPH|BSc|DO|MS|RN|FRCP|FAAD)(?-u:\b)\.?");
    line.trim_end_matches('.')
        .split([',', ';'])
        .flat_map(|part| part.split(" and "))
        .map(|part| {
            let part = part.trim().strip_prefix("and ").unwrap_or(part.trim());
            // medRxiv and bioRxiv put a link before ORCID holders' names.
            let part = part.trim_start_matches("View ORCID Profile").trim();
            if is_group_name(part) {
                return part.to_string();
            }
            let part = marks.replace_all(part, " ");
            let part = degrees.replace_all(&part, "");
            // A lone lower-case letter is a mark too (`Smith a`); the `a` of
            // `María` is part of the name.
            let words: Vec<&str> = part
                .split_whitespace()
                .filter(|w| !(w.len() == 1 && w.as_bytes()[0].is_ascii_lowercase()))
                .collect();
            words.join(" ")
        })
        .filter(|n| !n.is_empty())
        .collect()
}

pub fn resolve_header(lines: &[HeaderLine<'_>], journal: Option<&str>, vocab: &Vocab) -> Header {
    let mut header = Header {
        title: None,
        title_original: None,
        authors: Vec::new(),
        affiliations: Vec::new(),
    };
    let mut best: Option<(i32, &str)> = None;
    let mut best_chinese: Option<(i32, &str)> = None;
    for line in lines {
        if journal.is_some_and(|j| j.eq_ignore_ascii_case(line.text)) {
            continue;
        }
        if affiliations::is_affiliation(line.text, &LineCues::new(line.text, vocab), vocab) {
            header
                .affiliations
                .extend(affiliations::split_affiliations(line.text));
            continue;
        }
        if header.authors.is_empty() && is_author_list(line.text) {
            header.authors = author_names(line.text);
            continue;
        }
        let score = if line.text.is_ascii() {
            title_score(line.text, line.repeats) + 1
        } else if bilingual::is_chinese(line.text) {
            let score = chinese_title_score(line.text);
            if best_chinese.is_none_or(|(s, _)| score > s) {
                best_chinese = Some((score, line.text));
            }
            score
        } else {
            title_score(line.text, line.repeats)
        };
        if score >= TITLE_THRESHOLD - 2 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, line.text));
        }
    }
    header.title = best.map(|(_, t)| {
        // An abstract's or a chapter's number is not the title's:
        // `1116. Comparison of ...`, `9. Intravenous Immunoglobulin ...`.
        let t = match t.split_once(". ") {
            Some((number, rest))
                if (1..=5).contains(&number.len())
                    && number.bytes().all(|b| b.is_ascii_digit())
                    && rest.starts_with(|c: char| c.is_uppercase()) =>
            {
                rest
            }
            _ => t,
        };
        let t = textutil::squeeze(t.trim_end_matches('.'));
        textutil::recase_if_shouting(&t, vocab)
    });
    if let (Some((_, title)), Some((_, chinese))) = (best, best_chinese)
        && title != chinese
    {
        // Without a site's tag before it (`【开放获取】`, open access).
        let chinese = regex!(r"^【[^】]{0,12}】").replace(chinese, "");
        header.title_original = Some(textutil::squeeze(chinese.trim_end_matches('。')));
    }
    header
}

/// "Tofacitinib and upadacitinib for persistent erythema multiforme:
/// retrospective case series". The main drugs are the most mentioned ones;
/// the patient count is a field of its own.
pub fn derive(study: &Study, drug_counts: &[usize]) -> String {
    let mut ranked: Vec<(usize, &str)> = drug_counts
        .iter()
        .zip(&study.drugs)
        .map(|(&c, d)| (c, d.as_str()))
        .collect();
    ranked.sort_by_key(|&(c, _)| std::cmp::Reverse(c));
    let top = ranked.first().map_or(0, |r| r.0);
    let drugs: Vec<&str> = ranked
        .iter()
        .take(2)
        .filter(|(c, _)| c * 3 >= top)
        .map(|&(_, d)| d)
        .collect();
    let mut title = match (drugs.as_slice(), study.conditions.first()) {
        ([], Some(c)) => capitalise(c),
        ([], None) => "Untitled study".to_string(),
        (d, Some(c)) => format!("{} for {c}", capitalise(&d.join(" and "))),
        (d, None) => capitalise(&d.join(" and ")),
    };
    if let Some(design) = &study.design {
        title.push_str(": ");
        title.push_str(design);
    }
    title
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_things_sentences_say_things() {
        assert!(is_title_like(
            "Refractory Palmoplantar Pustulosis Successfully Treated with JAK Inhibitor Tofacitinib: A Case Series"
        ));
        assert!(is_title_like(
            "Tofacitinib for filler-induced granulomas: a case series."
        ));
        assert!(!is_title_like(
            "Persistent erythema multiforme (PEM) is poorly understood and lacks effective therapies other than glucocorticoids."
        ));
        assert!(!is_title_like(
            "To report outcomes following treatment of PEM with Janus kinase (JAK) inhibition."
        ));
        assert!(!is_title_like(
            "Baricitinib, an oral Janus kinase 1/2 inhibitor, recently received approval for severe alopecia areata in adults."
        ));
    }

    #[test]
    fn author_lists() {
        assert!(is_author_list("Zhang Y1, Li X2, van der Berg J*"));
        assert!(is_author_list("Jane A Smith 1, Wei Li 2, Maria Garcia 1"));
        assert!(is_author_list(
            "Xiao Chen1, Ying Wang1, Hua Liu1 and Min Zhao1*"
        ));
        assert_eq!(
            author_names("Smith J(1), Li W(2), O'Connor P(3)."),
            ["Smith J", "Li W", "O'Connor P"]
        );
        assert_eq!(
            author_names("María García a, Lucía Navarro b, View ORCID ProfileMarco Rossi"),
            ["María García", "Lucía Navarro", "Marco Rossi"]
        );
        assert!(!is_author_list(
            "Psoriasis, eczema and other dermatoses are common."
        ));
        // One author, with PubMed's affiliation mark; a group with digits.
        assert!(is_author_list("Nguyen T(1)."));
        assert!(is_author_list("黃曉碧 趙勝 鄭麗云 祁曉慧"));
        assert!(is_author_list("王丽1  张伟2  李明1"));
        assert!(!is_author_list("托法替布治疗斑秃的短期疗效与安全性"));
        assert!(is_author_list("Van Der Berg JP(2)."));
        assert!(!is_author_list("Tofacitinib works(1)."));
        assert!(!is_author_list("Results (1)."));
        assert_eq!(
            author_names("King B(1), Li W(2); ALLEGRO 2b/3 Investigators."),
            ["King B", "Li W", "ALLEGRO 2b/3 Investigators"]
        );
        assert!(is_author_list(
            "King B(1), Li W(2); ALLEGRO 2b/3 Investigators."
        ));
    }

    #[test]
    fn titles_of_real_pages() {
        assert!(is_title_like(
            "SGLT2 Inhibitors vs. GLP-1 Receptor Agonists in Reducing Heart Failure Hospitalizations in Type-2 Diabetes. A Systematic Review and Meta-Analysis"
        ));
        assert!(!is_title_like("- Split View of the article"));
        let lines = [HeaderLine {
            text: "1116. Comparison of Short-Course Versus Prolonged-Course Antimicrobial Therapy",
            repeats: 1,
        }];
        let header = resolve_header(&lines, None, Vocab::builtin());
        assert_eq!(
            header.title.as_deref(),
            Some("Comparison of Short-Course Versus Prolonged-Course Antimicrobial Therapy")
        );
    }

    #[test]
    fn sentence_breaks_inside_a_line() {
        assert!(has_sentence_break("It worked. Tofacitinib was safe"));
        assert!(has_sentence_break("(n = 4).\u{a0}Results were good"));
        assert!(!has_sentence_break(
            "Treated with tofacitinib 5 mg b.i.d. in 2020"
        ));
        assert!(!has_sentence_break("A. Smith and B. Jones"));
        assert!(!has_sentence_break("It worked.Tofacitinib"));
        assert!(!has_sentence_break("It worked. tofacitinib"));
    }
}
