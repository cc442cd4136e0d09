//! PubMed MEDLINE / `.nbib`: tagged lines (`PMID- `, `TI  - `, `AB  - `,
//! `FAU - `, ...), continuation lines indented by six spaces, records
//! separated by blank lines.

use super::bilingual::is_chinese;
use super::records::{Fields, add_keywords, mesh_heading, year_of};

/// Records as (tag, value) lists, continuation lines joined.
pub fn records(text: &str) -> Vec<Vec<(String, String)>> {
    let mut out: Vec<Vec<(String, String)>> = Vec::new();
    let mut current: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let tagged = line.len() >= 6
            && line.is_char_boundary(4)
            && line.is_char_boundary(6)
            && &line[4..6] == "- ";
        if tagged
            && line[..4]
                .trim_end()
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            let tag = line[..4].trim_end().to_string();
            if tag == "PMID" && current.iter().any(|(t, _)| t == "PMID") {
                out.push(std::mem::take(&mut current));
            }
            current.push((tag, line[6..].trim().to_string()));
        } else if let Some((_, value)) = current.last_mut() {
            value.push(' ');
            value.push_str(line.trim());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

pub fn fields(record: &[(String, String)]) -> Fields {
    let mut f = Fields::default();
    let mut short_authors = Vec::new();
    let mut collective = Vec::new();
    let mut mesh = Vec::new();
    for (tag, value) in record {
        let value = value.clone();
        match tag.as_str() {
            "PMID" => f.pmid = Some(value),
            "TI" => f.title = Some(value),
            "TT" => f.title_original = Some(value),
            "AB" => f.abstract_parts.push((None, value)),
            // Another language's abstract: a Chinese one becomes the
            // record's Chinese paragraphs.
            "OAB" if is_chinese(&value) => f.abstract_parts.push((None, value)),
            "FAU" => f.authors.push(value),
            "AU" => short_authors.push(value),
            // Each author's affiliations repeat for the next author.
            "AD" if !f.affiliations.contains(&value) => f.affiliations.push(value),
            // A group author: `CN  - COVID-19 Global Rheumatology Alliance`.
            "CN" => collective.push(value),
            "PT" => f.publication_types.push(value),
            "TA" => f.journal = f.journal.or(Some(value)),
            "JT" if f.journal.is_none() => f.journal = Some(value),
            "DP" => f.year = year_of(&value),
            "VI" => f.volume = Some(value),
            "IP" => f.issue = Some(value),
            "PG" => f.pages = Some(value),
            "LID" | "AID" if value.ends_with("[doi]") && f.doi.is_none() => {
                f.doi = Some(value.trim_end_matches("[doi]").trim().to_string());
            }
            "PMC" => f.pmcid = Some(value),
            "OT" => f.keywords.push(value),
            "MH" => mesh.push(mesh_heading(&value).to_string()),
            "PB" => f.publisher = Some(value),
            _ => {}
        }
    }
    if f.authors.is_empty() {
        f.authors = short_authors;
    }
    f.authors.extend(collective);
    // Author keywords first, then the MeSH headings, as reference managers
    // keep them.
    add_keywords(&mut f.keywords, mesh);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_lines_join_and_records_split() {
        let text =
            "PMID- 1\nTI  - A long title\n      that wraps.\nAB  - Text.\n\nPMID- 2\nTI  - Two.\n";
        let recs = records(text);
        assert_eq!(recs.len(), 2);
        assert_eq!(
            fields(&recs[0]).title.as_deref(),
            Some("A long title that wraps.")
        );
    }
}
