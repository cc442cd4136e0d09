//! What a single line (paragraph) of a page is: furniture, a heading, a
//! reference, English or Chinese prose.

use super::{sections, textutil};
use crate::lexicon::Lexicon;
use crate::model::SharedStr;
use crate::vocab::{CueSet, LineCues, Vocab};

/// Lines longer than this are never furniture or calls to action.
pub const MAX_SHORT_LINE: usize = 400;

/// Lines longer than this are never a label, heading or furniture word.
pub const MAX_LABEL_LINE: usize = 120;

/// Page furniture: navigation, widgets, ratings, calls to action, entries
/// of a reference list. `lower` is the normalised line (empty for long
/// lines), `cues` the line's cue sets.
pub fn is_furniture(line: &str, lower: &str, cues: &LineCues<'_>, vocab: &Vocab) -> bool {
    if vocab.furniture_lines.contains(lower) {
        return true;
    }
    // Lines with no letters at all: ratings, separators, counters.
    if !line.chars().any(char::is_alphabetic) {
        return true;
    }
    // A rating or counter before a furniture word ("4.6 Article", "12 Citations").
    if let Some((head, rest)) = lower.split_once(' ')
        && head
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && vocab.furniture_lines.contains(rest)
    {
        return true;
    }
    is_reference(line) || (line.len() <= MAX_SHORT_LINE && cues.has(CueSet::Furniture))
}

/// An entry of a reference list: `[1] Smith J, ...` or `12. Smith J, Li W.`
fn is_reference(line: &str) -> bool {
    if !line.starts_with(|c: char| c == '[' || c.is_ascii_digit()) {
        return false;
    }
    regex!(r"^(?:\[\d{1,3}\]|\d{1,3}\.\s+[A-Z][a-z'-]+ [A-Z]{1,3}(?:,| et al))").is_match(line)
}

/// A heading line: a section label on its own (`Methods`, `RESULTS:`,
/// `2.1 Patients`).
pub struct Heading<'v> {
    /// The label as shown; `None` for a back-matter heading.
    pub label: Option<SharedStr>,
    /// Its section group (`Background`, ...); `None` for back matter.
    pub group: Option<&'v str>,
    /// Opened by a section number: a full text's heading.
    pub numbered: bool,
}

/// The heading `line` is, if any. `lower` is the normalised line
/// (`normalize_label`).
pub fn heading<'v>(line: &str, lower: &str, vocab: &'v Vocab) -> Option<Heading<'v>> {
    if line.len() > 80 || textutil::more_words_than(line, 6) {
        return None;
    }
    debug_assert_eq!(lower, crate::vocab::normalize_label(line));
    // Some journals stop their headings: `Methods.`, `Results.`.
    let (line, lower) = match (line.strip_suffix('.'), lower.strip_suffix('.')) {
        (Some(bare), Some(bare_lower)) if vocab.normalized_label(bare_lower).is_some() => {
            (bare, bare_lower)
        }
        _ => (line, lower),
    };
    // Full-text headings are numbered: `1. Introduction`, `2 Methods`,
    // `3.1 Patients`; the number is read past when only that makes a label.
    let (line, key, numbered) = match vocab.normalized_label(lower) {
        Some(_) => (line, lower, false),
        None => (
            strip_section_number(line)?,
            strip_section_number(lower)?,
            true,
        ),
    };
    let group = vocab.normalized_label(key)?;
    Some(Heading {
        label: group.map(|_| sections::shown_label(line.trim_end_matches([':', '：']), vocab)),
        group,
        numbered,
    })
}

/// A section label that opens a paragraph without a colon, as JAMA pages and
/// Chinese journals' English abstracts print them: `Objective To evaluate
/// ...`, `Results Of the 12 patients ...`, `Conclusions and Relevance In
/// this ...`. A label of one word counts only if the vocabulary lists it
/// (`colonless_labels`: not `Patients`, which opens sentences too); a capital or a digit
/// must follow, and the rest must be prose. Returns the label as shown, its
/// group, and the text after it.
pub fn colonless_label<'a, 'v>(
    line: &'a str,
    vocab: &'v Vocab,
) -> Option<(SharedStr, &'v str, &'a str)> {
    if !line.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let first = line.split([' ', ',']).next().unwrap_or_default();
    if !crate::vocab::with_ascii_lower(first, |w| vocab.label_openers.contains(w)).unwrap_or(false)
    {
        return None;
    }
    // Word ends in the first few words: the longest label that fits wins.
    let ends: Vec<usize> = line.match_indices(' ').map(|(i, _)| i).take(6).collect();
    ends.iter().rev().find_map(|&end| {
        let written = line[..end].trim_end_matches(',');
        if written.ends_with([':', '：']) {
            // A label with its colon is read where the paragraph is split.
            return None;
        }
        let rest = line[end..].trim_start();
        let group = vocab.label(written)??;
        let words = written.split_whitespace().count();
        let unmistakable = words > 1
            || crate::vocab::with_ascii_lower(written, |w| vocab.colonless_labels.contains(w))
                .unwrap_or(false);
        (unmistakable
            && rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && is_english_prose(rest))
        .then(|| (sections::shown_label(written, vocab), group, rest))
    })
}

/// `2.1 Methods` is `Methods`; None when no section number opens the text.
fn strip_section_number(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let numbered = text
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let rest = &text[numbered..];
    (numbered > 0 && text.as_bytes()[0].is_ascii_digit() && rest.starts_with(char::is_whitespace))
        .then(|| rest.trim_start())
}

/// English prose: a sentence-ending line of some length, or a long run-on.
pub fn is_english_prose(line: &str) -> bool {
    // Thirty words make prose whatever the ending.
    let words = textutil::word_count_upto(line, 30);
    let ends = line
        .trim_end_matches(['"', '\'', '”', '’'])
        .ends_with(['.', '?', '!', ')', ']']);
    (ends && words >= 6) || words >= 30
}

/// Prose that may open an abstract: long, or naming something the lexicon
/// knows. A short sentence of site text ("Would you like email updates?")
/// must not.
pub fn is_substantive(line: &str) -> bool {
    textutil::more_words_than(line, 19) || !Lexicon::builtin().mentions(line).is_empty()
}

/// Chinese prose: a sentence-ending line of some Han characters (`han`, of
/// `textutil::script_counts`), or a long one.
pub fn is_chinese_prose(line: &str, han: usize) -> bool {
    debug_assert_eq!(han, textutil::script_counts(line).0);
    let ends = line.ends_with(['。', '．', '.', '！', '？', '）', ')']);
    (ends && han >= 8) || han >= 40
}

/// A Chinese title: a short line of Han characters (`han`) with no
/// sentence end.
pub fn is_chinese_title(line: &str, han: usize) -> bool {
    (8..=60).contains(&han) && !line.contains(['。', '；']) && !is_chinese_prose(line, han)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_with_a_stop() {
        let v = Vocab::builtin();
        let read = |line: &str| heading(line, &crate::vocab::normalize_label(line), v);
        assert_eq!(read("Results.").and_then(|h| h.group), Some("Results"));
        assert!(read("Results were good.").is_none());
    }

    #[test]
    fn references_are_furniture() {
        let v = Vocab::builtin();
        let furniture = |line: &str| is_furniture(line, "", &LineCues::new(line, v), v);
        assert!(furniture("[1] 中华医学会皮肤性病学分会. 斑秃诊疗指南[J]."));
        assert!(furniture(
            "12. Smith J, Li W. Tofacitinib in vitiligo. JAMA. 2020;1:1."
        ));
        assert!(!furniture(
            "12 patients were treated with tofacitinib for six months."
        ));
    }

    #[test]
    fn site_sentences_do_not_open_an_abstract() {
        assert!(!is_substantive(
            "Would you like email updates of new search results?"
        ));
        assert!(is_substantive(
            "Persistent erythema multiforme (PEM) is poorly understood."
        ));
    }
}
