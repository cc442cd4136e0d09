//! Sections of an abstract: labels on their own line, at the start of a
//! paragraph, or glued to the previous sentence (`...genes.Objectives:In this
//! study...`).

use super::textutil;
use crate::model::{Section, SharedStr};
use crate::vocab::Vocab;

pub struct Built {
    pub sections: Vec<Section>,
    pub summary: Option<String>,
}

/// Sections from English paragraphs, each with the label of a heading line
/// that preceded it (if any).
///
/// When one paragraph is a whole structured abstract (it opens with a label
/// and holds three or more), the unlabelled paragraphs beside it are a page's
/// summary, not sections.
pub fn build(paragraphs: &[(Option<SharedStr>, SharedStr)], vocab: &Vocab) -> Built {
    let split: Vec<Vec<Section>> = paragraphs
        .iter()
        .map(|(heading, text)| {
            let mut pieces = split_labels(text, vocab);
            if let (Some(heading), Some(first)) = (heading, pieces.first_mut())
                && first.label.is_none()
            {
                first.label = Some(heading.clone());
            }
            pieces
        })
        .collect();
    // A structured abstract (three or more labels) with unlabelled
    // paragraphs only before its first label: those are a page's summary.
    let labelled = split.iter().flatten().filter(|s| s.label.is_some()).count();
    let first_labelled = split
        .iter()
        .position(|p| p.iter().any(|s| s.label.is_some()));
    let unlabelled_after = first_labelled.is_some_and(|first| {
        split[first..]
            .iter()
            .any(|p| p.iter().all(|s| s.label.is_none()))
    });
    let structured = labelled >= 3 && !unlabelled_after;
    let mut sections = Vec::new();
    let mut summary: Vec<SharedStr> = Vec::new();
    for pieces in split {
        let unlabelled = pieces.iter().all(|s| s.label.is_none());
        if structured && unlabelled {
            summary.extend(pieces.into_iter().map(|s| s.text));
        } else {
            sections.extend(pieces);
        }
    }
    Built {
        sections,
        summary: (!summary.is_empty()).then(|| summary.join("\n")),
    }
}

/// The paragraph without its back matter (from a `Disclosure:` label on).
pub fn strip_backmatter<'a>(text: &'a str, vocab: &Vocab) -> &'a str {
    label_positions(text, vocab)
        .into_iter()
        .find(|(_, _, label)| label.is_none())
        .map_or(text, |(start, _, _)| text[..start].trim_end())
}

/// Splits one paragraph at its section labels. Text after a back-matter
/// label (disclosures, funding) is dropped. The sections share the
/// paragraph's buffer.
pub fn split_labels(paragraph: &SharedStr, vocab: &Vocab) -> Vec<Section> {
    let text = paragraph.as_str();
    let labels = label_positions(text, vocab);
    let mut out = Vec::new();
    let head_end = labels.first().map_or(text.len(), |l| l.0);
    let mut push = |label: Option<SharedStr>, part: &str| {
        let part = part.trim();
        if !part.is_empty() || label.is_some() {
            out.push(Section {
                label,
                text: paragraph
                    .slice_of(part)
                    .unwrap_or_else(|| SharedStr::from(part)),
            });
        }
    };
    push(None, &text[..head_end]);
    for (i, (_, body_start, label)) in labels.iter().enumerate() {
        let Some(label) = label else { break };
        let end = labels.get(i + 1).map_or(text.len(), |next| next.0);
        push(Some(label.clone()), &text[*body_start..end]);
    }
    out
}

/// (label start, text start, shown label or `None` for back matter) of each
/// label in a paragraph.
fn label_positions(text: &str, vocab: &Vocab) -> Vec<(usize, usize, Option<SharedStr>)> {
    vocab
        .label_spans(text)
        .map(|span| {
            let label = span.group.map(|_| shown_label(span.written, vocab));
            (span.start, span.body, label)
        })
        .collect()
}

/// A label as shown: shouting labels recased, others as written.
pub fn shown_label(written: &str, vocab: &Vocab) -> SharedStr {
    let written = textutil::squeeze(written);
    let shown: String = if written.chars().any(char::is_lowercase) {
        let mut chars = written.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        textutil::title_case(&written, vocab)
    };
    SharedStr::interned(&shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<(Option<String>, String)> {
        split_labels(&SharedStr::from(text), Vocab::builtin())
            .into_iter()
            .map(|s| (s.label.map(String::from), s.text.to_string()))
            .collect()
    }

    #[test]
    fn glued_labels_split() {
        let got = labels(
            "Background:JDM is rare.Objectives:We evaluated.Methods: Six patients.Disclosure of Interests:None declared",
        );
        let names: Vec<_> = got
            .iter()
            .map(|(l, _)| l.clone().unwrap_or_default())
            .collect();
        assert_eq!(names, ["Background", "Objectives", "Methods"]);
        assert_eq!(got[0].1, "JDM is rare.");
        assert_eq!(got[2].1, "Six patients.");
    }

    #[test]
    fn shouting_labels_are_recased_and_plain_text_is_one_section() {
        let got = labels("DESIGN, SETTING, AND PARTICIPANTS: This was a case series.");
        assert_eq!(
            got[0].0.as_deref(),
            Some("Design, Setting, and Participants")
        );
        let got = labels("Ratio: 3 to 1. The result was good.");
        assert_eq!(
            got,
            [(None, "Ratio: 3 to 1. The result was good.".to_string())]
        );
    }
}
