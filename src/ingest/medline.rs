//! PubMed MEDLINE / `.nbib`: tagged lines (`PMID- `, `TI  - `, `AB  - `,
//! `FAU - `, ...), continuation lines indented by six spaces, records
//! separated by blank lines.

use super::bilingual::is_chinese;
use super::records::{Fields, add_keywords, mesh_heading, year_of};

/// A MEDLINE record whose line breaks were lost (a page's "download
/// citation" copied as one paragraph: `PT - JOURNAL ARTICLE AU - ... TI -
/// ... AB - ...`), laid out again one tag a line. None when the text is not
/// one: it must open with a tag and hold a title and three more tags.
pub fn unflatten(text: &str) -> Option<String> {
    let text = text.trim();
    let tag = regex!(
        r"(?:^|\s)(PMID|OWN|STAT|DCOM|LR|IS|VI|IP|DP|TI|PG|LID|AB|FAU|AU|AUID|AD|LA|PT|DEP|PL|TA|JT|JID|SB|MH|OT|OTO|EDAT|MHDA|CRDT|PHST|AID|PST|SO|CI|COIS|TT|OAB|OABL|GR|CN|4099|4100) {1,2}- "
    );
    // Checked on the first bytes alone: most files are no such record.
    let head = &text.as_bytes()[..text.len().min(8)];
    let letters = head
        .iter()
        .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        .count();
    let opens = (2..=4).contains(&letters)
        && (head[letters..].starts_with(b" - ") || head[letters..].starts_with(b"  - "));
    if !opens || memchr::memchr(b'\n', text.as_bytes()).is_some() {
        return None;
    }
    let tags: Vec<regex::Captures<'_>> = tag.captures_iter(text).collect();
    if tags.len() < 4 || !tags.iter().any(|c| &c[1] == "TI") {
        return None;
    }
    let mut out = String::with_capacity(text.len() + tags.len() * 8);
    for (i, caps) in tags.iter().enumerate() {
        let (Some(whole), Some(name)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let end = tags
            .get(i + 1)
            .and_then(|c| c.get(0))
            .map_or(text.len(), |m| m.start());
        out.push_str(&format!(
            "{:<4}- {}\n",
            name.as_str(),
            text[whole.end()..end].trim()
        ));
    }
    Some(out)
}

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
    fn a_record_without_its_line_breaks_is_laid_out_again() {
        let flat = "PT - JOURNAL ARTICLE AU - Lind, Marcus TI - Outcomes with SGLT2 Inhibitors: A Cohort Study AID - 10.1101/2022.07.28.22278158 DP - 2022 Jan 01 TA - medRxiv AB - Introduction We followed 57,264 patients.";
        let text = unflatten(flat).unwrap();
        let records = records(&text);
        assert_eq!(records.len(), 1);
        let f = fields(&records[0]);
        assert_eq!(
            f.title.as_deref(),
            Some("Outcomes with SGLT2 Inhibitors: A Cohort Study")
        );
        assert_eq!(f.journal.as_deref(), Some("medRxiv"));
        assert!(unflatten("Tofacitinib TI - is not a record").is_none());
    }

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
