//! Outcome statements: the sentences of an abstract that state a result.

use super::textutil::{self, sentences};
use crate::model::{Section, SharedStr};
use crate::vocab::Vocab;

/// Sentences that state a result: from Results and Conclusion sections when
/// the abstract is labelled, else from any paragraph; aims and methods left
/// out.
pub fn outcomes(sections: &[Section], paragraphs: &[SharedStr], vocab: &Vocab) -> Vec<SharedStr> {
    let labelled: Vec<&SharedStr> = sections
        .iter()
        .filter(|s| {
            s.label
                .as_deref()
                .and_then(|l| vocab.label(l).flatten())
                .is_some_and(|group| group == "Results" || group == "Conclusion")
        })
        .map(|s| &s.text)
        .collect();
    // Without a Results or Conclusion label: the sections not labelled as
    // background, aims or methods, or the paragraphs when there are none;
    // unlabelled abstracts open with their background, which is skipped.
    let texts: Vec<&SharedStr> = if !labelled.is_empty() {
        labelled
    } else if sections.is_empty() {
        let skip = usize::from(paragraphs.len() >= 3);
        paragraphs.iter().skip(skip).collect()
    } else {
        let skip = usize::from(sections.len() >= 3 && sections[0].label.is_none());
        sections
            .iter()
            .skip(skip)
            .filter(|s| {
                !s.label
                    .as_deref()
                    .and_then(|l| vocab.label(l).flatten())
                    .is_some_and(|group| matches!(group, "Background" | "Objectives" | "Methods"))
            })
            .map(|s| &s.text)
            .collect()
    };
    let mut out: Vec<SharedStr> = Vec::new();
    for text in texts {
        let ranges = sentences(text);
        let lower = text.to_ascii_lowercase();
        let stated = textutil::flag_ranges(&ranges, vocab.outcome_cues.starts(&lower));
        if !stated.contains(&true) {
            continue;
        }
        let methods = textutil::flag_ranges(&ranges, vocab.method_cues.starts(&lower));
        for (k, &(start, end)) in ranges.iter().enumerate() {
            if out.len() == MAX_OUTCOMES {
                return out;
            }
            // A sentence range starts after the previous stop, at a space.
            let sentence = text[start..end].trim();
            // A figure's or table's caption states no result of its own.
            let caption = ["Figure", "Fig.", "Table", "图", "表"]
                .iter()
                .any(|w| sentence.starts_with(w));
            if stated[k] && !methods[k] && !caption && !textutil::more_words_than(sentence, 80) {
                // Shared with the paragraph unless it needs squeezing.
                let sentence = match text.slice_of(sentence) {
                    Some(shared) if textutil::is_squeezed(sentence) => shared,
                    _ => SharedStr::from(textutil::squeeze(sentence)),
                };
                if !out.contains(&sentence) {
                    out.push(sentence);
                }
            }
        }
    }
    out
}

const MAX_OUTCOMES: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn background_aims_and_captions_are_no_outcomes() {
        let paragraphs = SharedStr::many(&[
            "The efficacy and safety of tofacitinib in vitiligo is unclear.",
            "Figure 1 shows the improvement of lesions. Repigmentation was achieved in 8 of 10 patients.",
            "Current guidelines recommend phototherapy, and its efficacy is significant.",
        ]);
        let found = outcomes(&[], &paragraphs, Vocab::builtin());
        let found: Vec<&str> = found.iter().map(|s| s.as_str()).collect();
        assert_eq!(found, ["Repigmentation was achieved in 8 of 10 patients."]);
    }

    #[test]
    fn outcome_sentences_are_cut_from_the_paragraph_not_copied() {
        let paragraphs = SharedStr::many(&[
            "Background of the disease.",
            "We treated 12 patients. After 12 weeks, 10 patients achieved clear skin. The drug was well tolerated.",
            "Tofacitinib was effective in these patients.",
        ]);
        let found = outcomes(&[], &paragraphs, Vocab::builtin());
        assert!(!found.is_empty());
        for sentence in &found {
            assert_eq!(sentence.as_str(), sentence.trim());
            assert!(
                sentence.same_buffer(&paragraphs[0]),
                "{sentence} was copied"
            );
        }
    }
}
