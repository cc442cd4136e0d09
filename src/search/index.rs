//! The search index over a corpus: one lower-cased haystack per study (its
//! list fields), and inverted indices from lexicon entries to studies.
//!
//! A query word is resolved against the lexicon vocabulary once, then looked
//! up in the inverted index; only words that name nothing in the lexicon
//! scan the haystacks, with a SIMD substring search.

use std::collections::HashMap;
use std::ops::Range;

use memchr::memmem;
use rayon::prelude::*;

use super::query::{Field, Lang, Mode, Query, Term, TermKind};
use super::resolve::{Resolved, Vocabulary};
use crate::lexicon::{Kind, Lexicon};
use crate::model::Study;

/// Fields of a haystack, in order; each is separated by `\n`.
const LIST_FIELDS: [Field; 7] = [
    Field::Title,
    Field::Drug,
    Field::Condition,
    Field::Keyword,
    Field::Design,
    Field::Journal,
    Field::Id,
];

#[derive(Clone, Default)]
struct Entry {
    /// The arena that holds this study's haystack.
    arena: u32,
    /// Where this study's lower-cased list fields sit in its arena, each on
    /// its own line.
    haystack: Range<usize>,
    /// Where each of `LIST_FIELDS` sits within the haystack.
    spans: [Range<u32>; 7],
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
    /// The studies' haystacks end to end, in arenas of consecutive studies:
    /// one per slice of a corpus indexed at once, and one that studies
    /// streamed in one by one go to.
    arenas: Vec<String>,
    drug_postings: HashMap<usize, Vec<u32>>,
    condition_postings: HashMap<usize, Vec<u32>>,
    event_postings: HashMap<usize, Vec<u32>>,
    vocabulary: Vocabulary,
}

/// Years further apart than this are sorted by comparison instead.
const MAX_YEAR_SPAN: usize = 1000;

/// Rank weights: drug and title hits above the rest, abstract text last.
const DRUG_HIT: u32 = 100;
const TITLE_HIT: u32 = 60;
const LIST_HIT: u32 = 30;
const TEXT_HIT: u32 = 5;

/// `parts` joined with ", ", lower-cased, onto `arena`. ASCII text (most
/// fields) is lower-cased byte by byte; other text the Unicode way, joined
/// first, as one string.
fn push_lower_joined(arena: &mut String, parts: &[&str]) {
    if parts.iter().all(|p| p.is_ascii()) {
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                arena.push_str(", ");
            }
            let from = arena.len();
            arena.push_str(part);
            arena[from..].make_ascii_lowercase();
        }
    } else {
        arena.push_str(&parts.join(", ").to_lowercase());
    }
}

/// Studies indexed per slice when a whole corpus is indexed at once: the
/// slices are built on every core and joined in order.
const INDEX_SLICE: usize = 8192;

impl SearchIndex {
    pub fn new(studies: &[Study]) -> Self {
        Self::in_slices(studies, INDEX_SLICE)
    }

    fn in_slices(studies: &[Study], slice_len: usize) -> Self {
        let lexicon = Lexicon::builtin();
        // Each slice writes its studies' entries in place and keeps its own
        // arena and postings: nothing is copied when the slices are joined,
        // so a large folder never holds its haystacks twice.
        let mut entries = vec![Entry::default(); studies.len()];
        let (vocabulary, slices) = rayon::join(
            || Vocabulary::new(lexicon),
            || {
                entries
                    .par_chunks_mut(slice_len)
                    .zip(studies.par_chunks(slice_len))
                    .enumerate()
                    .map(|(k, (entries, chunk))| {
                        let mut slice = Self::empty(Vocabulary::default());
                        for (i, (entry, study)) in entries.iter_mut().zip(chunk).enumerate() {
                            let id = (k * slice_len + i) as u32;
                            *entry = slice.index_study(study, id, lexicon);
                            // The slice's one arena is the index's arena `k`.
                            entry.arena = k as u32;
                        }
                        slice.arenas.iter_mut().for_each(String::shrink_to_fit);
                        slice
                    })
                    .collect::<Vec<_>>()
            },
        );
        let mut index = Self::empty(vocabulary);
        index.entries = entries;
        for slice in slices {
            index.arenas.extend(slice.arenas);
            for (into, from) in [
                (&mut index.drug_postings, slice.drug_postings),
                (&mut index.condition_postings, slice.condition_postings),
                (&mut index.event_postings, slice.event_postings),
            ] {
                for (entry, ids) in from {
                    into.entry(entry).or_default().extend(ids);
                }
            }
        }
        index
    }

    fn empty(vocabulary: Vocabulary) -> Self {
        Self {
            entries: Vec::new(),
            arenas: Vec::new(),
            drug_postings: HashMap::new(),
            condition_postings: HashMap::new(),
            event_postings: HashMap::new(),
            vocabulary,
        }
    }

    /// Adds one more study (studies stream in while a folder loads).
    pub fn push(&mut self, study: &Study, lexicon: &Lexicon) {
        let id = self.entries.len() as u32;
        let entry = self.index_study(study, id, lexicon);
        self.entries.push(entry);
    }

    /// Posts study `id` under its drugs, conditions and events, and writes
    /// its haystack onto the last arena (studies streamed in share it).
    fn index_study(&mut self, study: &Study, id: u32, lexicon: &Lexicon) -> Entry {
        for drug in &study.drugs {
            if let Some(d) = lexicon.drug_index(drug) {
                self.drug_postings.entry(d).or_default().push(id);
            }
        }
        for (names, postings, kind) in [
            (
                &study.conditions,
                &mut self.condition_postings,
                Kind::Condition,
            ),
            (
                &study.adverse_events,
                &mut self.event_postings,
                Kind::AdverseEvent,
            ),
        ] {
            for name in names {
                if let Some(e) = lexicon.index_of(kind, name) {
                    postings.entry(e).or_default().push(id);
                }
            }
        }
        let ids = [&study.doi, &study.pmid, &study.pmcid];
        let ids = ids.iter().filter_map(|id| id.as_deref());
        let fields: [Vec<&str>; 7] = [
            vec![study.title.as_str()],
            study.drugs.iter().map(|d| d.as_str()).collect(),
            study.conditions.iter().map(|c| c.as_str()).collect(),
            study.keywords.iter().map(|k| k.as_str()).collect(),
            // The badge's short form too: `design:rct`, `design:meta`.
            study
                .design
                .as_deref()
                .into_iter()
                .flat_map(|d| [d, crate::model::design_abbreviation(d)])
                .collect(),
            study.journal.as_deref().into_iter().collect(),
            ids.collect(),
        ];
        if self.arenas.is_empty() {
            self.arenas.push(String::new());
        }
        let last = self.arenas.len() - 1;
        let arena = &mut self.arenas[last];
        let base = arena.len();
        let spans = fields.map(|parts| {
            let start = (arena.len() - base) as u32;
            push_lower_joined(arena, &parts);
            let span = start..(arena.len() - base) as u32;
            arena.push('\n');
            span
        });
        Entry {
            arena: last as u32,
            haystack: base..arena.len(),
            spans,
            year: study.year,
            patients: study.n_patients,
            chinese: !study.chinese.is_empty(),
            english: !study.english.is_empty(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The studies matching `query`, best first (ties: newest first). An
    /// empty query matches every study, newest first.
    pub fn search(&self, studies: &[Study], query: &Query) -> Vec<Hit> {
        let lexicon = Lexicon::builtin();
        let plans: Vec<Vec<Plan>> = query
            .groups
            .iter()
            .map(|group| group.iter().map(|term| self.plan(term, lexicon)).collect())
            .collect();
        // Studies are visited in memory order; scores take few values, so
        // hits are bucketed by score and each bucket counting-sorted by year.
        let mut buckets: Vec<(u32, Vec<Hit>)> = Vec::new();
        for i in 0..self.entries.len().min(studies.len()) {
            let Some(score) = plans.iter().try_fold(0u32, |sum, group| {
                group
                    .iter()
                    .filter_map(|p| self.matches(p, i, studies))
                    .max()
                    .map(|s| sum + s)
            }) else {
                continue;
            };
            let hit = Hit { index: i, score };
            match buckets.iter_mut().find(|(s, _)| *s == score) {
                Some((_, bucket)) => bucket.push(hit),
                None => buckets.push((score, vec![hit])),
            }
        }
        buckets.sort_unstable_by_key(|(s, _)| std::cmp::Reverse(*s));
        let mut out = Vec::with_capacity(buckets.iter().map(|(_, b)| b.len()).sum());
        for (_, bucket) in buckets {
            self.newest_first(bucket, &mut out);
        }
        out
    }

    /// Appends `hits` newest first (undated last), keeping index order
    /// within a year: a counting sort over the years present.
    fn newest_first(&self, hits: Vec<Hit>, out: &mut Vec<Hit>) {
        let year = |h: &Hit| self.entries[h.index].year;
        let (lo, hi) = hits
            .iter()
            .filter_map(year)
            .fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        if lo > hi || (hi - lo) as usize > MAX_YEAR_SPAN {
            let mut hits = hits;
            hits.sort_by_key(|h| std::cmp::Reverse(year(h).unwrap_or(i32::MIN)));
            out.extend(hits);
            return;
        }
        // Slot 0 is the newest year; the last slot holds undated studies.
        let slots = (hi - lo) as usize + 2;
        let slot = |h: &Hit| year(h).map_or(slots - 1, |y| (hi - y) as usize);
        let mut counts = vec![0usize; slots + 1];
        for h in &hits {
            counts[slot(h) + 1] += 1;
        }
        for k in 1..counts.len() {
            counts[k] += counts[k - 1];
        }
        let start = out.len();
        out.resize(start + hits.len(), Hit { index: 0, score: 0 });
        for h in hits {
            let at = &mut counts[slot(&h)];
            out[start + *at] = h;
            *at += 1;
        }
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
                    Field::Id => &LIST_FIELDS[6..7],
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
            _ => Members::default(),
        };
        Plan {
            negated: term.negated,
            kind,
            members,
        }
    }

    /// Studies of the resolved entries, as a bit set.
    fn members(&self, resolved: &Resolved) -> Members {
        let mut out = Members(vec![0; self.entries.len().div_ceil(64)]);
        for (ids, postings) in [
            (&resolved.drugs, &self.drug_postings),
            (&resolved.conditions, &self.condition_postings),
            (&resolved.adverse_events, &self.event_postings),
        ] {
            for id in ids {
                for &study in postings.get(id).into_iter().flatten() {
                    out.insert(study as usize);
                }
            }
        }
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
        let member = || plan.members.contains(i);
        match &plan.kind {
            PlanKind::Word(word) => {
                if member() {
                    return Some(DRUG_HIT);
                }
                word_score(&self.arenas[entry.arena as usize], entry, word)
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
                    .map(|p| p.as_str())
                    .chain(study.summary.as_deref())
                    .any(|p| contains_ignore_case(p, text));
                found.then_some(TEXT_HIT)
            }
            PlanKind::Year(range) => entry.year.filter(|y| range.contains(y)).map(|_| 0),
            PlanKind::Patients(range) => entry.patients.filter(|n| range.contains(n)).map(|_| 0),
            PlanKind::Lang(Lang::Chinese) => entry.chinese.then_some(0),
            PlanKind::Lang(Lang::English) => entry.english.then_some(0),
        }
    }

    /// A lexicon term close to the first positive word of a query that
    /// matched nothing.
    pub fn suggest(&self, query: &Query) -> Option<String> {
        query
            .terms()
            .filter(|t| !t.negated)
            .find_map(|t| match &t.kind {
                TermKind::Word { text, .. } | TermKind::Field { text, .. } => {
                    self.vocabulary.suggest(text).map(String::from)
                }
                _ => None,
            })
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
    /// Studies of the lexicon entries the term names.
    members: Members,
}

enum PlanKind {
    Word(Box<WordPlan>),
    Event(String, Resolved),
    Text(String),
    Year(std::ops::RangeInclusive<i32>),
    Patients(std::ops::RangeInclusive<u32>),
    Lang(Lang),
}

/// The best field a word hits in a study's list fields.
fn word_score(arena: &str, entry: &Entry, word: &WordPlan) -> Option<u32> {
    let weight = |slot: usize| match LIST_FIELDS[slot] {
        Field::Title => TITLE_HIT,
        Field::Drug => DRUG_HIT,
        _ => LIST_HIT,
    };
    let allowed = |slot: usize| word.fields.contains(&LIST_FIELDS[slot]);
    let hay = &arena.as_bytes()[entry.haystack.clone()];
    match word.mode {
        Mode::Fuzzy | Mode::Exact => {
            // One scan, stopping at the first hit: fields sit in the order
            // title, drugs, then the rest, so only a title hit needs a look
            // at the drugs that follow it.
            let hit_at = |at: usize| {
                word.mode == Mode::Exact || at == 0 || !hay[at - 1].is_ascii_alphanumeric()
            };
            let slot_of = |at: usize| entry.spans.iter().position(|s| s.contains(&(at as u32)));
            for at in word.finder.find_iter(hay).filter(|&at| hit_at(at)) {
                let Some(slot) = slot_of(at).filter(|&s| allowed(s)) else {
                    continue;
                };
                if slot == 0 && allowed(1) {
                    let drugs = &entry.spans[1];
                    let (start, end) = (drugs.start as usize, drugs.end as usize);
                    let in_drugs = word
                        .finder
                        .find_iter(&hay[start..end])
                        .any(|at| hit_at(start + at));
                    return Some(if in_drugs { DRUG_HIT } else { TITLE_HIT });
                }
                return Some(weight(slot));
            }
            None
        }
        Mode::Prefix | Mode::Suffix | Mode::Whole => (0..LIST_FIELDS.len())
            .filter(|&slot| allowed(slot))
            .filter(|&slot| {
                let span = &entry.spans[slot];
                let value = &arena[entry.haystack.start..][span.start as usize..span.end as usize];
                // List fields hold several values ("tofacitinib, upadacitinib").
                let mut values =
                    std::iter::once(value).chain(value.split(", ").filter(|_| slot != 0));
                let text = word.text.as_str();
                match word.mode {
                    Mode::Prefix => values.any(|v| v.starts_with(text)),
                    Mode::Suffix => values.any(|v| v.ends_with(text)),
                    _ => values.any(|v| v == text),
                }
            })
            .map(weight)
            .max(),
    }
}

/// A set of study indices.
#[derive(Default)]
struct Members(Vec<u64>);

impl Members {
    fn insert(&mut self, i: usize) {
        if let Some(word) = self.0.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }

    fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::parse;

    #[test]
    fn slices_joined_index_what_one_pass_does() {
        // The seeds four times over, so that slices of 2 and 3 studies end
        // inside and between copies.
        let seeds = crate::ingest::load_seeds().studies;
        let studies: Vec<Study> = (0..4).flat_map(|_| seeds.iter().cloned()).collect();
        let mut one_by_one = SearchIndex::new(&[]);
        for study in &studies {
            one_by_one.push(study, Lexicon::builtin());
        }
        let queries = [
            "",
            "tofa",
            "drug:upa",
            "cond:JDM",
            "ae:neutropenia",
            "design:review",
            "n:>=5",
            "lang:zh",
            "year:2024",
            "text:PPPASI",
            "journal:jama",
            "jak",
        ];
        for slice_len in [1, 2, 3, 7, 100] {
            let index = SearchIndex::in_slices(&studies, slice_len);
            assert_eq!(index.len(), studies.len());
            assert_eq!(index.arenas.concat(), one_by_one.arenas.concat());
            for q in queries {
                let query = parse(q).unwrap();
                assert_eq!(
                    index.search(&studies, &query),
                    one_by_one.search(&studies, &query),
                    "slices of {slice_len}, query {q:?}"
                );
            }
        }
    }
}
