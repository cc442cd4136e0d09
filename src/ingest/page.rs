//! The reader for pasted pages: PubMed abstract pastes and web pages,
//! publisher and aggregator pages, conference abstracts, with or without a
//! Chinese translation, English-first or Chinese-first.
//!
//! Each paragraph is classified (furniture, metadata, heading, prose in
//! English or Chinese, header candidate); the header candidates then yield
//! title, authors and affiliations, the English prose yields sections, and
//! the entity and count steps read the prose.

use foldhash::HashMap;

use super::lines::{self, MAX_LABEL_LINE};
use super::{affiliations, bilingual, metadata, paragraphs, sections, textutil, title};
use crate::model::{SharedStr, Study};
use crate::vocab::{LineCues, Vocab, normalize_label};

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
    header_index: HashMap<&'a str, usize>,
    affiliations: Vec<String>,
    english: Vec<(Option<SharedStr>, &'a str)>,
    chinese: Vec<&'a str>,
    pending_block: Option<String>,
    pending_label: Option<SharedStr>,
    /// A back-matter heading (`Fund program:`, `引用本文：`) was the last
    /// line: the next paragraph is not abstract.
    skip_next: bool,
    /// A conclusion has been read: a background heading after it opens the
    /// full text, not more abstract.
    concluded: bool,
    english_started: bool,
    chinese_started: bool,
    in_trailer: bool,
    /// Before the page's `Abstract` heading: English prose here is site text
    /// (banners, notices, a summary card), not the abstract.
    before_abstract: bool,
    /// The paragraph before this one, furniture included.
    previous: Option<&'a str>,
    /// The line before was "Next Article in Journal": this one is that
    /// article's title.
    other_article: bool,
    /// Publication types a PubMed page lists (`Review`, `Randomized
    /// Controlled Trial`) above the title or under `Publication types`.
    publication_types: Vec<String>,
}

impl Reading<'_> {
    fn body_started(&self) -> bool {
        self.english_started || self.chinese_started
    }
}

pub fn parse(text: &str) -> Option<Study> {
    let vocab = Vocab::builtin();
    let paragraphs = paragraphs::paragraphs(text);
    let mut r = Reading::default();
    let anchor = abstract_heading(&paragraphs);
    for (i, paragraph) in paragraphs.iter().enumerate() {
        r.before_abstract = anchor.is_some_and(|a| i < a);
        read_line(&mut r, paragraph, vocab);
        r.previous = Some(paragraph);
    }
    let study = assemble(r, vocab);
    study.has_content().then_some(study)
}

/// Where a page's abstract is headed: the first `Abstract` (or `Summary`)
/// line with English prose within the next few paragraphs. A page copied
/// whole puts banners, notices and the citation before it; an abstract
/// pasted alone has no such line.
fn abstract_heading(paragraphs: &[std::borrow::Cow<'_, str>]) -> Option<usize> {
    paragraphs.iter().enumerate().position(|(i, p)| {
        p.len() <= 12
            && matches!(normalize_label(p).as_str(), "abstract" | "summary")
            && paragraphs[i + 1..]
                .iter()
                .take(4)
                .any(|next| lines::is_english_prose(next))
    })
}

/// A PubMed publication type that tells a design (the names are compared
/// lower-cased, as `records::apply_indexed_design` does).
fn is_publication_type(lower: &str) -> bool {
    matches!(
        lower,
        "meta-analysis"
            | "systematic review"
            | "practice guideline"
            | "guideline"
            | "randomized controlled trial"
            | "observational study"
            | "review"
            | "case reports"
            | "clinical trial"
            | "controlled clinical trial"
            | "comparative study"
            | "multicenter study"
            | "letter"
            | "editorial"
            | "comment"
    )
}

/// A line written twice over, as a logo's text and the name beside it
/// (`Indian Journal of PsychiatryIndian Journal of Psychiatry`): once.
fn once(line: &str) -> &str {
    let half = line.len() / 2;
    if line.len() >= 8
        && line.len().is_multiple_of(2)
        && line.is_char_boundary(half)
        && line[..half] == line[half..]
    {
        &line[..half]
    } else {
        line
    }
}

fn read_line<'a>(r: &mut Reading<'a>, line: &'a str, vocab: &Vocab) {
    let line = once(line);
    // Labels, headings and furniture are short; long lines are prose.
    let lower = if line.len() <= MAX_LABEL_LINE {
        normalize_label(line)
    } else {
        String::new()
    };
    // "Next Article in Journal" / its title: another article's.
    if std::mem::take(&mut r.other_article) {
        return;
    }
    if lower.starts_with("next article in ") || lower.starts_with("previous article in ") {
        r.other_article = true;
        return;
    }
    // A citation shown as BibTeX: `title={Pemphigus: a treatment update.},`.
    if line.trim_start().starts_with("title")
        && let Some(caps) = regex!(r#"^\s*title\s*=\s*[{"]+(.+?)[}"]+,?\s*$"#).captures(line)
        && let Some(title) = caps.get(1)
    {
        add_header(r, &line[title.range()]);
        return;
    }
    let cues = LineCues::new(line, vocab);
    // A value is short: a label with none ("Published online" and the
    // abstract after it) leaves the next paragraph alone.
    let value_fits = |field: &str| matches!(field, "authors" | "keywords") || line.len() <= 150;
    if let Some(field) = r.pending_block.take()
        && value_fits(&field)
        && !lines::is_furniture(line, &lower, &cues, vocab)
        && !vocab.block_labels.contains_key(&lower)
        && (field != "authors" || title::is_author_list(line))
    {
        r.meta.set_block(&field, line, vocab);
        return;
    }
    let scripts = bilingual::scripts(line);
    let (chinese, han) = (scripts.is_chinese(), scripts.han);
    // PubMed lists them as bullets under `Publication types`.
    let bare = lower.trim_start_matches(['•', '-', '*', '·', ' ']);
    if is_publication_type(bare) && (!r.body_started() || r.in_trailer) {
        r.publication_types.push(bare.to_owned());
        return;
    }
    if r.in_trailer {
        // After the trailer only a translation of the English survives.
        if chinese && lines::is_chinese_prose(line, han) && r.chinese.len() < r.english.len() {
            r.chinese.push(line);
        } else if !metadata::absorb_ids(line, &mut r.meta) && line.len() <= 100 {
            // A date line is short (`Posted May 15, 2023.`); reference
            // entries and prose are not tried.
            metadata::absorb_date(line, &mut r.meta);
        }
        return;
    }
    if r.body_started() && vocab.trailer_headings.contains(&lower) {
        r.in_trailer = true;
        return;
    }
    if lines::is_furniture(line, &lower, &cues, vocab) {
        return;
    }
    if let Some(field) = vocab.block_labels.get(&lower) {
        r.pending_block = Some(field.clone());
        return;
    }
    // PubMed pages break the citation after the journal: "J Dermatol" /
    // ". 2023 Jun;50(6):812-815."
    if line.starts_with('.')
        && let Some(last) = r.header.last()
        && r.previous == Some(last.text)
        && let joined = format!("{}{line}", last.text)
        && metadata::absorb(&joined, &LineCues::new(&joined, vocab), &mut r.meta, vocab)
    {
        if let Some(last) = r.header.pop() {
            r.header_index.remove(last.text);
        }
        return;
    }
    if metadata::absorb(line, &cues, &mut r.meta, vocab) || r.meta.absorb_logo(line) {
        return;
    }
    if let Some(heading) = lines::heading(line, &lower, vocab) {
        let group = heading.group;
        // After a conclusion, or numbered (`1. Introduction`: abstracts are
        // not numbered), a background heading opens the full text.
        if (r.concluded || heading.numbered && r.body_started())
            && !chinese
            && group == Some("Background")
        {
            r.in_trailer = true;
        }
        r.skip_next = heading.label.is_none();
        // A page's outline lists the headings before the abstract: only a
        // conclusion inside the text concludes it.
        r.concluded |= !chinese && group == Some("Conclusion") && r.body_started();
        r.pending_label = heading.label;
        return;
    }
    if std::mem::take(&mut r.skip_next) {
        return;
    }
    // `Objective To evaluate ...`: the label read, the rest is the text.
    let mut line = line;
    let mut labelled = false;
    if !chinese && let Some((label, group, rest)) = lines::colonless_label(line, vocab) {
        r.concluded |= group == "Conclusion";
        r.pending_label = Some(label);
        line = rest;
        labelled = true;
    }
    if !chinese
        && vocab
            .label_spans(line)
            .any(|span| span.group == Some("Conclusion"))
    {
        r.concluded = true;
    }
    // The text right under a section heading is abstract, never a title
    // (a page's outline lists headings too, far above the text).
    let labelled = labelled
        || r.pending_label.is_some()
            && r.previous.is_some_and(|p| {
                p.len() <= MAX_LABEL_LINE && lines::heading(p, &normalize_label(p), vocab).is_some()
            });
    if chinese {
        read_chinese(r, line, han);
    } else {
        read_english(r, line, &cues, vocab, labelled);
    }
}

fn read_chinese<'a>(r: &mut Reading<'a>, line: &'a str, han: usize) {
    if lines::is_chinese_prose(line, han) {
        r.chinese_started = true;
        r.chinese.push(line);
    } else if !r.chinese_started && lines::is_chinese_title(line, han) {
        add_header(r, line);
    }
}

/// `labelled`: the line opened with its own section label, so it is
/// abstract text, never a title or an affiliation.
fn read_english<'a>(
    r: &mut Reading<'a>,
    line: &'a str,
    cues: &LineCues<'_>,
    vocab: &Vocab,
    labelled: bool,
) {
    if !r.english_started && !labelled {
        if affiliations::is_affiliation(line, cues, vocab)
            || affiliations::is_numbered_affiliation(line)
        {
            r.affiliations
                .extend(affiliations::split_affiliations(line));
            return;
        }
        if metadata::is_journal_name(line) {
            r.meta.set_journal(line, vocab);
            return;
        }
        if title::is_title_like(line) || title::is_author_list(line) {
            add_header(r, line);
            return;
        }
    }
    // A section's text cut off mid-sentence (a page copied in part) is
    // still text: it opens with its label, or sits under its heading.
    let cut_short = || {
        (labelled
            || vocab
                .label_spans(line)
                .next()
                .is_some_and(|span| span.start == 0))
            && textutil::more_words_than(line, 5)
    };
    if lines::is_english_prose(line) || cut_short() {
        if !r.english_started && r.before_abstract {
            // Prose above the page's abstract heading is site text.
            return;
        }
        if r.english_started || r.pending_label.is_some() || lines::is_substantive(line) {
            r.english_started = true;
            r.english.push((r.pending_label.take(), line));
        }
    } else if !r.english_started {
        add_header(r, line);
    }
}

fn add_header<'a>(r: &mut Reading<'a>, line: &'a str) {
    match r.header_index.get(line) {
        Some(&i) => r.header[i].repeats += 1,
        None => {
            r.header_index.insert(line, r.header.len());
            r.header.push(HeaderLine {
                text: line,
                repeats: 1,
            });
        }
    }
}

fn assemble(r: Reading<'_>, vocab: &Vocab) -> Study {
    let mut study = Study {
        format: SharedStr::interned(r.meta.shape()),
        ..Study::default()
    };
    let header = title::resolve_header(&r.header, r.meta.journal(), vocab);
    study.authors = header.authors;
    study.title_original = header.title_original.map(Into::into);
    study.affiliations = r.affiliations;
    study.affiliations.extend(header.affiliations);
    dedupe(&mut study.affiliations);
    r.meta.fill(&mut study);

    let english: Vec<(Option<SharedStr>, &str)> = r
        .english
        .iter()
        .map(|(heading, t)| (heading.clone(), sections::strip_backmatter(t, vocab)))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let chinese: Vec<&str> = r
        .chinese
        .iter()
        .map(|t| sections::strip_backmatter(t, vocab))
        .filter(|t| !t.is_empty())
        .collect();
    // One buffer holds the text; sections are cut from the same paragraphs.
    let texts: Vec<&str> = english.iter().map(|(_, t)| *t).chain(chinese).collect();
    let mut paragraphs = SharedStr::many(&texts);
    study.chinese = paragraphs.split_off(english.len());
    study.english = paragraphs;
    let headed: Vec<(Option<SharedStr>, SharedStr)> = english
        .into_iter()
        .map(|(heading, _)| heading)
        .zip(study.english.iter().cloned())
        .collect();
    let built = sections::build(&headed, vocab);
    study.sections = built.sections;
    study.summary = built.summary.map(Into::into);
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

    super::enrich(&mut study, header.title, vocab);
    super::records::apply_indexed_design(&mut study, &r.publication_types);
    study
}

impl Study {
    /// Something worth keeping: abstract text, a title read from the text,
    /// or an identifier.
    pub(super) fn has_content(&self) -> bool {
        !self.sections.is_empty()
            || !self.chinese.is_empty()
            || !self.title_derived
            || self.doi.is_some()
            || self.pmid.is_some()
    }
}

fn dedupe(items: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    items.retain(|i| seen.insert(i.to_lowercase()));
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_line_written_twice_is_read_once() {
        assert_eq!(
            super::once("Indian Journal of PsychiatryIndian Journal of Psychiatry"),
            "Indian Journal of Psychiatry"
        );
        assert_eq!(super::once("abcabc"), "abcabc");
        assert_eq!(super::once("Tofacitinib"), "Tofacitinib");
    }
}
