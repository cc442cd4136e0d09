//! The same study from several files (a pasted page, a MEDLINE record, a
//! PubMed XML record): merged into one study that lists every source,
//! remembers where each field came from, and keeps disagreements visible.
//!
//! Studies are the same when they share a DOI or a PMID, or the same
//! normalised title and year while their identifiers do not disagree.

use std::collections::HashMap;
use std::hash::BuildHasher;

use rayon::prelude::*;

use crate::model::{Conflict, SharedStr, Study};

/// Merges every group of duplicates into the place of its first member;
/// the others leave the list, which keeps its order otherwise.
pub fn merge_duplicates(studies: &mut Vec<Study>) {
    let parent = group(studies);
    let mut later: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, &root) in parent.iter().enumerate() {
        if root != i {
            later.entry(root).or_default().push(i);
        }
    }
    if later.is_empty() {
        return;
    }
    let mut gone = vec![false; studies.len()];
    for (first, others) in later {
        let mut members = vec![std::mem::take(&mut studies[first])];
        for i in others {
            members.push(std::mem::take(&mut studies[i]));
            gone[i] = true;
        }
        studies[first] = merge(members);
    }
    let mut i = 0;
    studies.retain(|_| {
        i += 1;
        !gone[i - 1]
    });
}

/// For each study, the index of the first study it duplicates (itself when
/// it is the first).
fn group(studies: &[Study]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..studies.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Keys are kept as hashes, so that a large folder does not hold a second
    // copy of every title; a hash hit is confirmed on the keys themselves,
    // computed once for each study that has one (13k of 100k generated
    // files). Normalising titles is most of the work, so it runs on every
    // core.
    let hasher = foldhash::fast::RandomState::default();
    let hashes: Vec<Vec<u64>> = studies
        .par_iter()
        .map(|study| keys(study).iter().map(|k| hasher.hash_one(k)).collect())
        .collect();
    let mut seen: foldhash::HashMap<u64, usize> =
        foldhash::HashMap::with_capacity_and_hasher(studies.len() * 2, Default::default());
    // The keys of studies whose hashes met another's, computed once each.
    let mut known: foldhash::HashMap<usize, Vec<Key>> = foldhash::HashMap::default();
    for (i, study) in studies.iter().enumerate() {
        for (k, &hash) in hashes[i].iter().enumerate() {
            let Some(&j) = seen.get(&hash) else {
                seen.insert(hash, i);
                continue;
            };
            known.entry(i).or_insert_with(|| keys(study));
            known.entry(j).or_insert_with(|| keys(&studies[j]));
            let key = &known[&i][k];
            let same = known[&j].contains(key)
                // A shared title is not enough when the identifiers differ.
                && (!matches!(key, Key::Title(..)) || compatible(study, &studies[j]));
            if same {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    for i in 0..parent.len() {
        parent[i] = root(&mut parent, i);
    }
    parent
}

/// Two records that give different DOIs or PMIDs are different studies.
fn compatible(a: &Study, b: &Study) -> bool {
    let differ = |x: &Option<SharedStr>, y: &Option<SharedStr>| match (x, y) {
        (Some(x), Some(y)) => !x.eq_ignore_ascii_case(y),
        _ => false,
    };
    !differ(&a.doi, &b.doi) && !differ(&a.pmid, &b.pmid)
}

/// What makes two records the same study.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Key {
    Doi(String),
    Pmid(String),
    /// The title's letters and digits, lower-cased, and the year.
    Title(String, i32),
}

fn keys(study: &Study) -> Vec<Key> {
    let mut keys = Vec::new();
    if let Some(doi) = &study.doi {
        keys.push(Key::Doi(doi.to_lowercase()));
    }
    if let Some(pmid) = &study.pmid {
        keys.push(Key::Pmid(pmid.to_string()));
    }
    if let (false, Some(year)) = (study.title_derived, study.year) {
        let title: String = study
            .title
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        if title.chars().count() >= 20 {
            keys.push(Key::Title(title, year));
        }
    }
    keys
}

/// Structured exports are trusted before pasted pages for metadata.
fn rank(study: &Study) -> usize {
    match study.format.as_str() {
        "pubmed-xml" => 0,
        "medline" => 1,
        "ris" => 2,
        _ => 3,
    }
}

fn merge(mut members: Vec<Study>) -> Study {
    members.sort_by_key(rank);
    let sources: Vec<String> = members.iter().map(|m| m.source.to_string()).collect();
    // The text comes from the fullest abstract.
    let fullest = members
        .iter()
        .enumerate()
        .max_by_key(|(_, m)| {
            m.english.iter().map(|p| p.len()).sum::<usize>()
                + m.chinese.iter().map(|p| p.len()).sum::<usize>()
        })
        .map_or(0, |(i, _)| i);
    let mut merged = members[fullest].clone();
    merged.provenance.clear();
    merged.conflicts.clear();
    let text_source = sources[fullest].clone();
    for field in ["sections", "english", "chinese", "outcomes"] {
        merged.provenance.insert(field.into(), text_source.clone());
    }
    macro_rules! scalar {
        ($field:ident, $show:expr) => {{
            let values: Vec<(String, String)> = members
                .iter()
                .filter_map(|m| m.$field.as_ref().map(|v| ($show(v), m.source.to_string())))
                .collect();
            let first = members.iter().find_map(|m| m.$field.clone());
            merged.$field = first;
            record(&mut merged, stringify!($field), values);
        }};
    }
    let text = |v: &SharedStr| v.to_string();
    let number = |v: &i32| v.to_string();
    let count = |v: &u32| v.to_string();
    scalar!(journal, text);
    scalar!(year, number);
    scalar!(volume, text);
    scalar!(issue, text);
    scalar!(pages, text);
    scalar!(doi, text);
    scalar!(pmid, text);
    scalar!(pmcid, text);
    scalar!(publisher, text);
    scalar!(design, text);
    scalar!(n_patients, count);
    scalar!(title_original, text);
    // A title read from a text beats a composed one.
    let titles: Vec<(String, String)> = members
        .iter()
        .filter(|m| !m.title_derived)
        .map(|m| (m.title.to_string(), m.source.to_string()))
        .collect();
    if let Some((title, _)) = titles.first() {
        merged.title = title.as_str().into();
        merged.title_derived = false;
    }
    record(&mut merged, "title", titles);
    for m in &members {
        union(&mut merged.drugs, &m.drugs);
        union(&mut merged.conditions, &m.conditions);
        union(&mut merged.adverse_events, &m.adverse_events);
        union(&mut merged.keywords, &m.keywords);
        union_authors(&mut merged.authors, &m.authors);
        union(&mut merged.affiliations, &m.affiliations);
        for dose in &m.doses {
            if !merged.doses.contains(dose) {
                merged.doses.push(dose.clone());
            }
        }
    }
    merged.id = members[0].id.clone();
    merged.source = members[0].source.clone();
    merged.format = members
        .iter()
        .map(|m| m.format.as_str())
        .collect::<Vec<_>>()
        .join("+")
        .into();
    merged.sources = sources;
    merged
}

/// Notes where a field's value came from, and a conflict when sources
/// disagree (compared without case and spacing).
fn record(study: &mut Study, field: &str, values: Vec<(String, String)>) {
    let Some((_, source)) = values.first() else {
        return;
    };
    study.provenance.insert(field.to_string(), source.clone());
    let norm = |v: &str| v.to_lowercase().split_whitespace().collect::<String>();
    let first = norm(&values[0].0);
    if values.iter().any(|(v, _)| norm(v) != first) {
        study.conflicts.push(Conflict {
            field: field.to_string(),
            values,
        });
    }
}

/// Authors not listed yet. One person written two ways (`Rossi, Anna` in
/// an export, `Rossi A` on a PubMed page) is listed once, in the fuller
/// form.
fn union_authors(into: &mut Vec<String>, from: &[String]) {
    for author in from {
        let key = author_key(author);
        match into.iter_mut().find(|a| author_key(a) == key) {
            Some(known) if author.len() > known.len() => known.clone_from(author),
            Some(_) => {}
            None => into.push(author.clone()),
        }
    }
}

/// Family name (lower case) and first initial: `Rossi, Anna`, `Rossi A`
/// and `Anna Rossi` are all ("rossi", 'a'). A name of one word is itself.
fn author_key(name: &str) -> (String, Option<char>) {
    let initial = |given: &str| given.trim().chars().next().map(|c| c.to_ascii_lowercase());
    if let Some((family, given)) = name.split_once(',') {
        return (family.trim().to_lowercase(), initial(given));
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => (String::new(), None),
        [one] => (one.to_lowercase(), None),
        [rest @ .., last]
            if last.len() <= 3 && last.chars().all(|c| c.is_uppercase() || c == '.') =>
        {
            (rest.join(" ").to_lowercase(), initial(last))
        }
        [first, .., last] => (last.to_lowercase(), initial(first)),
    }
}

/// Adds the items not there yet (compared without ASCII case).
pub(super) fn union<T: Clone + AsRef<str>>(into: &mut Vec<T>, from: &[T]) {
    for item in from {
        if !into
            .iter()
            .any(|x| x.as_ref().eq_ignore_ascii_case(item.as_ref()))
        {
            into.push(item.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn study(title: &str, doi: Option<&str>) -> Study {
        Study {
            title: title.into(),
            year: Some(2023),
            doi: doi.map(SharedStr::from),
            source: title.into(),
            ..Study::default()
        }
    }

    #[test]
    fn one_author_written_two_ways_is_listed_once() {
        let mut authors = vec!["Rossi A".to_string(), "Bianchi M".to_string()];
        union_authors(
            &mut authors,
            &[
                "Rossi, Anna".into(),
                "Anna Rossi".into(),
                "Rossi, Marco".into(),
                "van der Berg JP".into(),
                "van der Berg, Jan".into(),
            ],
        );
        assert_eq!(
            authors,
            [
                "Rossi, Anna",
                "Bianchi M",
                "Rossi, Marco",
                "van der Berg, Jan"
            ]
        );
    }

    #[test]
    fn same_title_and_year_merge_unless_identifiers_differ() {
        let a = study(
            "Tofacitinib for alopecia areata: a case series",
            Some("10.1/a"),
        );
        let b = study("Tofacitinib for Alopecia Areata - a case series.", None);
        let c = study(
            "Tofacitinib for alopecia areata: a case series",
            Some("10.1/c"),
        );
        let d = study("An unrelated study of baricitinib in vitiligo", None);
        let mut merged = vec![a, d, b, c];
        merge_duplicates(&mut merged);
        // The merged study takes the place of its first member; the rest
        // keep their order.
        assert_eq!(merged.len(), 3);
        assert_eq!(merged[0].sources.len(), 2);
        assert_eq!(
            merged[1].title,
            "An unrelated study of baricitinib in vitiligo"
        );
        assert_eq!(merged[2].doi.as_deref(), Some("10.1/c"));
    }
}
