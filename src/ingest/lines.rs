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

/// A heading line that is a section label on its own (`Methods`,
/// `RESULTS:`). `Some(None)` is a back-matter heading. `lower` is the
/// normalised line (`normalize_label`).
pub fn heading_label(line: &str, lower: &str, vocab: &Vocab) -> Option<Option<SharedStr>> {
    if line.len() > 80 || textutil::more_words_than(line, 6) {
        return None;
    }
    debug_assert_eq!(lower, crate::vocab::normalize_label(line));
    vocab.normalized_label(lower).map(|shown| {
        shown.map(|_| sections::shown_label(line.trim_end_matches([':', '：']), vocab))
    })
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
