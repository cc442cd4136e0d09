//! The search index over a corpus: one lower-cased haystack per study (its
//! list fields), and inverted indices from lexicon entries to studies.
//!
//! A query word is resolved against the lexicon vocabulary once, then looked
//! up in the inverted index; only words that name nothing in the lexicon
//! scan the haystacks, with a SIMD substring search.

use std::collections::HashMap;
use std::ops::Range;

use memchr::memmem;

use super::query::{Field, Lang, Mode, Query, Term, TermKind};
use super::resolve::{Resolved, Vocabulary};
use crate::lexicon::Lexicon;
use crate::model::Study;

/// Fields of a haystack, in order; each is separated by `\n`.
const LIST_FIELDS: [Field; 6] = [
    Field::Title,
    Field::Drug,
    Field::Condition,
    Field::Keyword,
    Field::Design,
    Field::Journal,
];

struct Entry {
    /// Lower-cased list fields, each on its own line.
    haystack: String,
    /// Where each of `LIST_FIELDS` sits in `haystack`.
    spans: [Range<usize>; 6],
    year: Option<i32>,
    patients: Option<u32>,
    chinese: bool,
    english: bool,
}

/// One study that matched, with its rank score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub score: u32,
}

pub struct SearchIndex {
    entries: Vec<Entry>,
    drug_postings: HashMap<usize, Vec<u32>>,
    condition_postings: HashMap<usize, Vec<u32>>,
    event_postings: HashMap<usize, Vec<u32>>,
    vocabulary: Vocabulary,
}

/// Rank weights: drug and title hits above the rest, abstract text last.
const DRUG_HIT: u32 = 100;
const TITLE_HIT: u32 = 60;
const LIST_HIT: u32 = 30;
const TEXT_HIT: u32 = 5;

impl SearchIndex {
    pub fn new(studies: &[Study]) -> Self {
        let lexicon = Lexicon::builtin();
        let mut index = Self {
            entries: Vec::with_capacity(studies.len()),
            drug_postings: HashMap::new(),
            condition_postings: HashMap::new(),
            event_postings: HashMap::new(),
            vocabulary: Vocabulary::new(lexicon),
        };
        for study in studies {
            index.push(study, lexicon);
        }
        index
    }

    /// Adds one more study (studies stream in while a folder loads).
    pub fn push(&mut self, study: &Study, lexicon: &Lexicon) {
        let id = self.entries.len() as u32;
        for drug in &study.drugs {
            if let Some(d) = lexicon.drug_index(drug) {
                self.drug_postings.entry(d).or_default().push(id);
            }
        }
        for (names, postings, terms) in [
            (
                &study.conditions,
                &mut self.condition_postings,
                &lexicon.conditions,
            ),
            (
                &study.adverse_events,
                &mut self.event_postings,
                &lexicon.adverse_events,
            ),
        ] {
            for name in names {
                if let Some(e) = terms.iter().position(|t| &t.name == name) {
                    postings.entry(e).or_default().push(id);
                }
            }
        }
        let fields: [String; 6] = [
            study.title.clone(),
            study.drugs.join(", "),
            study.conditions.join(", "),
            study.keywords.join(", "),
            study.design.clone().unwrap_or_default(),
            study.journal.clone().unwrap_or_default(),
        ];
        let mut haystack = String::new();
        let spans = fields.map(|f| {
            let start = haystack.len();
            haystack.push_str(&f.to_lowercase());
            let span = start..haystack.len();
            haystack.push('\n');
            span
        });
        self.entries.push(Entry {
            haystack,
            spans,
            year: study.year,
            patients: study.n_patients,
            chinese: !study.chinese.is_empty(),
            english: !study.english.is_empty(),
        });
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The studies matching `query`, best first (ties: newest first). An
    /// empty query matches every study in year order.
    pub fn search(&self, studies: &[Study], query: &Query) -> Vec<Hit> {
        self.search_within(studies, query, None)
    }

    /// As [`search`](Self::search), looking only at `candidates` (the
    /// previous result, when the query only grew).
    pub fn search_within(
        &self,
        studies: &[Study],
        query: &Query,
        candidates: Option<&[Hit]>,
    ) -> Vec<Hit> {
        let lexicon = Lexicon::builtin();
        let plans: Vec<Vec<Plan>> = query
            .groups
            .iter()
            .map(|group| group.iter().map(|term| self.plan(term, lexicon)).collect())
            .collect();
        let mut scores: Vec<u32> = Vec::new();
        let mut hits: Vec<Hit> = Vec::new();
        let mut evaluate = |i: usize| {
            scores.clear();
            for group in &plans {
                let best = group
                    .iter()
                    .filter_map(|p| self.matches(p, i, studies))
                    .max();
                match best {
                    Some(score) => scores.push(score),
                    None => return,
                }
            }
            hits.push(Hit {
                index: i,
                score: scores.iter().sum(),
            });
        };
        match candidates {
            Some(previous) => previous.iter().for_each(|h| evaluate(h.index)),
            None => (0..self.entries.len().min(studies.len())).for_each(&mut evaluate),
        }
        let key = |h: &Hit| {
            let year = self.entries[h.index].year.unwrap_or(0).clamp(0, 9999) as u64;
            (u64::from(h.score) << 40) | (year << 24) | (0xFF_FFFF - (h.index as u64 & 0xFF_FFFF))
        };
        hits.sort_unstable_by_key(|h| std::cmp::Reverse(key(h)));
        hits
    }

    fn plan(&self, term: &Term, lexicon: &Lexicon) -> Plan {
        let kind = match &term.kind {
            TermKind::Word { text, mode } => {
                let resolved = match mode {
                    Mode::Fuzzy => self.vocabulary.resolve(lexicon, text, true),
                    Mode::Exact | Mode::Whole => self.vocabulary.resolve(lexicon, text, false),
                    Mode::Prefix | Mode::Suffix => Resolved::default(),
                };
                PlanKind::Word(Box::new(WordPlan {
                    finder: memmem::Finder::new(text.as_bytes()).into_owned(),
                    text: text.clone(),
                    mode: *mode,
                    resolved,
                    fields: &LIST_FIELDS,
                }))
            }
            TermKind::Field { field, text, mode } => {
                let resolved = match (field, mode) {
                    (Field::Drug | Field::Condition | Field::AdverseEvent, Mode::Fuzzy) => {
                        let mut r = self.vocabulary.resolve(lexicon, text, true);
                        match field {
                            Field::Drug => (r.conditions.clear(), r.adverse_events.clear()),
                            Field::Condition => (r.drugs.clear(), r.adverse_events.clear()),
                            _ => (r.drugs.clear(), r.conditions.clear()),
                        };
                        r
                    }
                    _ => Resolved::default(),
                };
                let fields: &'static [Field] = match field {
                    Field::Title => &LIST_FIELDS[0..1],
                    Field::Drug => &LIST_FIELDS[1..2],
                    Field::Condition => &LIST_FIELDS[2..3],
                    Field::Keyword => &LIST_FIELDS[3..4],
                    Field::Design => &LIST_FIELDS[4..5],
                    Field::Journal => &LIST_FIELDS[5..6],
                    Field::AdverseEvent | Field::Text => &[],
                };
                if *field == Field::Text {
                    PlanKind::Text(text.clone())
                } else if *field == Field::AdverseEvent {
                    PlanKind::Event(text.clone(), resolved)
                } else {
                    PlanKind::Word(Box::new(WordPlan {
                        finder: memmem::Finder::new(text.as_bytes()).into_owned(),
                        text: text.clone(),
                        mode: *mode,
                        resolved,
                        fields,
                    }))
                }
            }
            TermKind::Year(range) => PlanKind::Year(range.clone()),
            TermKind::Patients(range) => PlanKind::Patients(range.clone()),
            TermKind::Lang(lang) => PlanKind::Lang(*lang),
        };
        let members = match &kind {
            PlanKind::Word(word) => self.members(&word.resolved),
            PlanKind::Event(_, resolved) => self.members(resolved),
            _ => Vec::new(),
        };
        Plan {
            negated: term.negated,
            kind,
            members,
        }
    }

    /// Studies of the resolved entries, as a sorted list.
    fn members(&self, resolved: &Resolved) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for (ids, postings) in [
            (&resolved.drugs, &self.drug_postings),
            (&resolved.conditions, &self.condition_postings),
            (&resolved.adverse_events, &self.event_postings),
        ] {
            for id in ids {
                if let Some(list) = postings.get(id) {
                    out.extend_from_slice(list);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The score a term gives study `i`, or `None` when it does not match.
    fn matches(&self, plan: &Plan, i: usize, studies: &[Study]) -> Option<u32> {
        let score = self.score(plan, i, studies);
        match (plan.negated, score) {
            (false, s) => s,
            (true, Some(_)) => None,
            (true, None) => Some(0),
        }
    }

    fn score(&self, plan: &Plan, i: usize, studies: &[Study]) -> Option<u32> {
        let entry = &self.entries[i];
        let member = || plan.members.binary_search(&(i as u32)).is_ok();
        match &plan.kind {
            PlanKind::Word(word) => {
                let drug = member().then_some(DRUG_HIT);
                let field = word
                    .fields
                    .iter()
                    .filter(|f| field_matches(entry, f, &word.finder, &word.text, word.mode))
                    .map(|f| match f {
                        Field::Title => TITLE_HIT,
                        Field::Drug => DRUG_HIT,
                        _ => LIST_HIT,
                    })
                    .max();
                drug.max(field)
            }
            PlanKind::Event(text, _) => {
                let named = studies[i]
                    .adverse_events
                    .iter()
                    .any(|e| e.contains(text.as_str()));
                (member() || named).then_some(LIST_HIT)
            }
            PlanKind::Text(text) => {
                let study = &studies[i];
                let found = study
                    .english
                    .iter()
                    .chain(&study.chinese)
                    .chain(study.summary.iter())
                    .any(|p| contains_ignore_case(p, text));
                found.then_some(TEXT_HIT)
            }
            PlanKind::Year(range) => entry.year.filter(|y| range.contains(y)).map(|_| 0),
            PlanKind::Patients(range) => entry.patients.filter(|n| range.contains(n)).map(|_| 0),
            PlanKind::Lang(Lang::Chinese) => entry.chinese.then_some(0),
            PlanKind::Lang(Lang::English) => entry.english.then_some(0),
        }
    }

    /// Character ranges of `text` (a title) that the query's words match,
    /// for highlighting.
    pub fn highlight(&self, text: &str, query: &Query) -> Vec<Range<usize>> {
        highlight(text, &self.highlight_words(query))
    }

    /// The words to highlight for a query: its positive words, and every
    /// synonym of the drugs they name.
    pub fn highlight_words(&self, query: &Query) -> Vec<String> {
        let lexicon = Lexicon::builtin();
        let mut words = Vec::new();
        for term in query.terms().filter(|t| !t.negated) {
            let (text, mode, drug_field) = match &term.kind {
                TermKind::Word { text, mode } => (text, *mode, true),
                TermKind::Field {
                    field:
                        Field::Title
                        | Field::Condition
                        | Field::Keyword
                        | Field::Journal
                        | Field::Design
                        | Field::Text
                        | Field::AdverseEvent,
                    text,
                    mode,
                } => (text, *mode, false),
                TermKind::Field {
                    field: Field::Drug,
                    text,
                    mode,
                } => (text, *mode, true),
                _ => continue,
            };
            words.push(text.clone());
            if drug_field && mode == Mode::Fuzzy {
                let resolved = self.vocabulary.resolve(lexicon, text, true);
                for (term, kind, entry) in lexicon.terms() {
                    if kind == crate::lexicon::Kind::Drug && resolved.drugs.contains(&entry) {
                        words.push(term.to_lowercase());
                    }
                }
            }
        }
        words.sort();
        words.dedup();
        words
    }
}

struct WordPlan {
    finder: memmem::Finder<'static>,
    text: String,
    mode: Mode,
    resolved: Resolved,
    fields: &'static [Field],
}

struct Plan {
    negated: bool,
    kind: PlanKind,
    /// Studies of the lexicon entries the term names, sorted.
    members: Vec<u32>,
}

enum PlanKind {
    Word(Box<WordPlan>),
    Event(String, Resolved),
    Text(String),
    Year(std::ops::RangeInclusive<i32>),
    Patients(std::ops::RangeInclusive<u32>),
    Lang(Lang),
}

fn field_matches(
    entry: &Entry,
    field: &Field,
    finder: &memmem::Finder<'_>,
    text: &str,
    mode: Mode,
) -> bool {
    let Some(slot) = LIST_FIELDS.iter().position(|f| f == field) else {
        return false;
    };
    let value = &entry.haystack[entry.spans[slot].clone()];
    // List fields hold several values ("tofacitinib, upadacitinib").
    let values = || value.split(", ");
    match mode {
        Mode::Exact => finder.find(value.as_bytes()).is_some(),
        Mode::Fuzzy => finder
            .find_iter(value.as_bytes())
            .any(|at| at == 0 || !value.as_bytes()[at - 1].is_ascii_alphanumeric()),
        Mode::Prefix => {
            value.starts_with(text) || (slot != 0 && values().any(|v| v.starts_with(text)))
        }
        Mode::Suffix => value.ends_with(text) || (slot != 0 && values().any(|v| v.ends_with(text))),
        Mode::Whole => value == text || (slot != 0 && values().any(|v| v == text)),
    }
}

fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if haystack.is_ascii() && needle.is_ascii() {
        haystack
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    } else {
        haystack.to_lowercase().contains(needle)
    }
}

/// Character ranges where any of `words` occurs in `text`, case-insensitive,
/// merged.
pub fn highlight(text: &str, words: &[String]) -> Vec<Range<usize>> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return Vec::new();
    }
    let mut byte_ranges: Vec<Range<usize>> = Vec::new();
    for word in words.iter().filter(|w| !w.is_empty()) {
        for (at, _) in lower.match_indices(word.as_str()) {
            byte_ranges.push(at..at + word.len());
        }
    }
    byte_ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in byte_ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let char_at = |byte: usize| text[..byte].chars().count();
    merged
        .into_iter()
        .map(|r| char_at(r.start)..char_at(r.end))
        .collect()
}
