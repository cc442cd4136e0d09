//! The same study from several files (a pasted page, a MEDLINE record, a
//! PubMed XML record): merged into one study that lists every source,
//! remembers where each field came from, and keeps disagreements visible.
//!
//! Studies are the same when they share a DOI or a PMID, or the same
//! normalised title and year while their identifiers do not disagree.

use std::collections::HashMap;

use crate::model::{Conflict, Study};

pub fn merge_duplicates(studies: Vec<Study>) -> Vec<Study> {
    let groups = group(&studies);
    if groups.iter().all(|g| g.len() == 1) {
        return studies;
    }
    let mut slots: Vec<Option<Study>> = studies.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(groups.len());
    for members in groups {
        let mut members: Vec<Study> = members
            .into_iter()
            .filter_map(|i| slots[i].take())
            .collect();
        if members.len() == 1 {
            out.extend(members.pop());
        } else {
            out.push(merge(members));
        }
    }
    out
}

/// Groups of indices of the same study, in order of first appearance.
fn group(studies: &[Study]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..studies.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, study) in studies.iter().enumerate() {
        for key in keys(study) {
            match seen.get(&key) {
                // A shared title is not enough when the identifiers differ.
                Some(&j) if key.starts_with("title:") && !compatible(study, &studies[j]) => {}
                Some(&j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
                None => {
                    seen.insert(key, i);
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<usize, usize> = HashMap::new();
    for i in 0..studies.len() {
        let r = root(&mut parent, i);
        match index.get(&r) {
            Some(&g) => groups[g].push(i),
            None => {
                index.insert(r, groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
}

/// Two records that give different DOIs or PMIDs are different studies.
fn compatible(a: &Study, b: &Study) -> bool {
    let differ = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => !x.eq_ignore_ascii_case(y),
        _ => false,
    };
    !differ(&a.doi, &b.doi) && !differ(&a.pmid, &b.pmid)
}

fn keys(study: &Study) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(doi) = &study.doi {
        keys.push(format!("doi:{}", doi.to_lowercase()));
    }
    if let Some(pmid) = &study.pmid {
        keys.push(format!("pmid:{pmid}"));
    }
    if !study.title_derived && study.year.is_some() {
        let title: String = study
            .title
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        if title.chars().count() >= 20 {
            keys.push(format!("title:{title}:{}", study.year.unwrap_or(0)));
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
    let sources: Vec<String> = members.iter().map(|m| m.source.clone()).collect();
    // The text comes from the fullest abstract.
    let fullest = members
        .iter()
        .enumerate()
        .max_by_key(|(_, m)| {
            m.english.iter().map(String::len).sum::<usize>()
                + m.chinese.iter().map(String::len).sum::<usize>()
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
                .filter_map(|m| m.$field.as_ref().map(|v| ($show(v), m.source.clone())))
                .collect();
            let first = members.iter().find_map(|m| m.$field.clone());
            merged.$field = first;
            record(&mut merged, stringify!($field), values);
        }};
    }
    let text = |v: &String| v.clone();
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
        .map(|m| (m.title.clone(), m.source.clone()))
        .collect();
    if let Some((title, _)) = titles.first() {
        merged.title = title.clone();
        merged.title_derived = false;
    }
    record(&mut merged, "title", titles);
    for m in &members {
        union(&mut merged.drugs, &m.drugs);
        union(&mut merged.conditions, &m.conditions);
        union(&mut merged.adverse_events, &m.adverse_events);
        union(&mut merged.keywords, &m.keywords);
        union(&mut merged.authors, &m.authors);
        union(&mut merged.affiliations, &m.affiliations);
        for dose in &m.doses {
            if !merged.doses.contains(dose) {
                merged.doses.push(dose.clone());
            }
        }
    }
    merged.id = members[0].id.clone();
    merged.source = sources[0].clone();
    merged.format = members
        .iter()
        .map(|m| m.format.as_str())
        .collect::<Vec<_>>()
        .join("+");
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

fn union(into: &mut Vec<String>, from: &[String]) {
    for item in from {
        if !into.iter().any(|x| x.eq_ignore_ascii_case(item)) {
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
            doi: doi.map(String::from),
            source: title.into(),
            ..Study::default()
        }
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
        let merged = merge_duplicates(vec![a, b, c]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].sources.len(), 2);
    }
}
