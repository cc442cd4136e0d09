//! The reader for pasted pages: PubMed abstract pastes and web pages,
//! publisher and aggregator pages, conference abstracts, with or without a
//! Chinese translation.
//!
//! Each line is classified (furniture, metadata, heading, prose in English or
//! Chinese, header candidate); the header candidates then yield title,
//! authors and affiliations, the English prose yields sections, and the
//! entity and count steps read the prose.

use std::collections::HashMap;

use super::{bilingual, counts, entities, metadata, sections, textutil, title};
use crate::model::Study;
use crate::vocab::{Vocab, normalize_label};

/// A line before the abstract that is neither metadata nor furniture: a
/// title, an author list or an affiliation.
pub(super) struct HeaderLine<'a> {
    pub text: &'a str,
    pub repeats: usize,
}

#[derive(Default)]
struct Reading<'a> {
    meta: metadata::Meta,
    header: Vec<HeaderLine<'a>>,
    affiliations: Vec<String>,
    english: Vec<(Option<String>, &'a str)>,
    chinese: Vec<&'a str>,
    pending_block: Option<String>,
    pending_label: Option<String>,
    body_started: bool,
    in_trailer: bool,
}

pub fn parse(text: &str) -> Option<Study> {
    let vocab = Vocab::builtin();
    let mut r = Reading::default();
    for line in text.lines() {
        let line = line.trim();
        if !line.is_empty() {
            read_line(&mut r, line, vocab);
        }
    }
    if r.english.is_empty() && r.chinese.is_empty() && r.header.is_empty() && !r.meta.any() {
        return None;
    }
    Some(assemble(r, vocab))
}

fn read_line<'a>(r: &mut Reading<'a>, line: &'a str, vocab: &Vocab) {
    let lower = normalize_label(line);
    if let Some(field) = r.pending_block.take()
        && !is_furniture(line, &lower, vocab)
        && !vocab.block_labels.contains_key(&lower)
    {
        r.meta.set_block(&field, line, vocab);
        return;
    }
    let chinese = bilingual::is_chinese(line);
    if r.in_trailer {
        if chinese && is_chinese_prose(line) {
            r.chinese.push(line);
        } else {
            metadata::absorb_ids(line, &mut r.meta);
        }
        return;
    }
    if r.body_started && vocab.trailer_headings.contains(&lower) {
        r.in_trailer = true;
        return;
    }
    if is_furniture(line, &lower, vocab) {
        return;
    }
    if let Some(field) = vocab.block_labels.get(&lower) {
        r.pending_block = Some(field.clone());
        return;
    }
    if metadata::absorb(line, &mut r.meta, vocab) {
        return;
    }
    if let Some(label) = heading_label(line, vocab) {
        r.pending_label = label;
        return;
    }
    if chinese {
        if is_chinese_prose(line) {
            r.body_started = true;
            r.chinese.push(line);
        } else if !r.body_started {
            add_header(r, line);
        }
        return;
    }
    if !r.body_started && metadata::is_affiliation(line, vocab) {
        r.affiliations.push(metadata::clean_affiliation(line));
        return;
    }
    if !r.body_started && title::is_title_like(line) {
        add_header(r, line);
        return;
    }
    if is_english_prose(line) {
        r.body_started = true;
        r.english.push((r.pending_label.take(), line));
    } else if !r.body_started {
        add_header(r, line);
    }
}

fn add_header<'a>(r: &mut Reading<'a>, line: &'a str) {
    match r.header.iter_mut().find(|h| h.text == line) {
        Some(h) => h.repeats += 1,
        None => r.header.push(HeaderLine {
            text: line,
            repeats: 1,
        }),
    }
}

/// A heading line that is a section label on its own (`Methods`, `RESULTS:`).
/// `Some(None)` is a back-matter heading.
fn heading_label(line: &str, vocab: &Vocab) -> Option<Option<String>> {
    if line.len() > 80
        || !(line.ends_with(':')
            || line.ends_with('：')
            || !line.contains(' ')
            || textutil::word_count(line) <= 6)
    {
        return None;
    }
    vocab.label(line).map(|shown| {
        shown.map(|_| sections::shown_label(line.trim_end_matches([':', '：']), vocab))
    })
}

/// Page furniture: navigation, widgets, ratings, calls to action.
fn is_furniture(line: &str, lower: &str, vocab: &Vocab) -> bool {
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
    line.len() < 400
        && vocab
            .furniture_phrases
            .iter()
            .any(|p| lower.contains(p.as_str()))
}

/// English prose: a sentence-ending line of some length, or a long run-on.
fn is_english_prose(line: &str) -> bool {
    let words = textutil::word_count(line);
    let ends = line
        .trim_end_matches(['"', '\'', '”', '’'])
        .ends_with(['.', '?', '!', ')', ']']);
    (ends && words >= 6) || words >= 30
}

fn is_chinese_prose(line: &str) -> bool {
    let (han, _) = textutil::script_counts(line);
    let ends = line.ends_with(['。', '．', '.', '！', '？', '）', ')']);
    (ends && han >= 8) || han >= 40
}

fn assemble(r: Reading<'_>, vocab: &Vocab) -> Study {
    let mut study = Study {
        format: r.meta.shape().to_string(),
        ..Study::default()
    };
    let header = title::resolve_header(&r.header, vocab);
    study.authors = header.authors;
    study.affiliations = r.affiliations;
    study.affiliations.extend(header.affiliations);
    dedupe(&mut study.affiliations);
    r.meta.fill(&mut study);

    let built = sections::build(&r.english, vocab);
    study.sections = built.sections;
    study.summary = built.summary;
    study.english = r.english.iter().map(|(_, t)| t.to_string()).collect();
    study.chinese = r.chinese.iter().map(|t| t.to_string()).collect();
    study.alignment = bilingual::align(&study.english, &study.chinese);
    if !study.english.is_empty()
        && !study.chinese.is_empty()
        && study.english.len() != study.chinese.len()
    {
        study.warnings.push(format!(
            "{} English and {} Chinese paragraphs: aligned by length",
            study.english.len(),
            study.chinese.len()
        ));
    }

    let found = entities::extract(&study, header.title.as_deref(), vocab);
    study.drugs = found.drugs;
    study.doses = found.doses;
    study.conditions = found.conditions;
    study.adverse_events = found.adverse_events;
    study.outcomes = found.outcomes;
    let text = entities::body_text(&study, header.title.as_deref());
    study.n_patients = counts::patients(&text, &study.chinese, vocab);
    study.design = counts::design(header.title.as_deref(), &text, study.n_patients, vocab);

    match header.title {
        Some(t) => study.title = t,
        None => {
            study.title = title::derive(&study, &found.drug_counts);
            study.title_derived = true;
        }
    }
    if study.sections.is_empty() && study.chinese.is_empty() {
        study.warnings.push("no abstract text found".into());
    }
    study
}

fn dedupe(items: &mut Vec<String>) {
    let mut seen: HashMap<String, ()> = HashMap::new();
    items.retain(|i| seen.insert(i.to_lowercase(), ()).is_none());
}
