//! RIS files from reference managers: `TY  - ` to `ER  - ` records.

use super::records::{Fields, year_of};

pub fn records(text: &str) -> Vec<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut current: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        let tagged = line.len() >= 5
            && line.is_char_boundary(2)
            && line.is_char_boundary(5)
            && &line[2..5] == "  -";
        if tagged {
            let tag = line[..2].to_string();
            let value = line[5..].trim().to_string();
            if tag == "ER" {
                out.push(std::mem::take(&mut current));
                continue;
            }
            current.push((tag, value));
        } else if let Some((_, value)) = current.last_mut().filter(|_| !line.trim().is_empty()) {
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
    let (mut start, mut end) = (None, None);
    for (tag, value) in record {
        let value = value.clone();
        match tag.as_str() {
            "TI" | "T1" if f.title.is_none() => f.title = Some(value),
            "TT" => f.title_original = Some(value),
            "AU" | "A1" => f.authors.push(value),
            "AB" | "N2" if f.abstract_parts.is_empty() => f.abstract_parts.push((None, value)),
            "JO" | "JF" | "T2" | "JA" if f.journal.is_none() => f.journal = Some(value),
            "PY" | "Y1" | "DA" if f.year.is_none() => f.year = year_of(&value),
            "VL" => f.volume = Some(value),
            "IS" => f.issue = Some(value),
            "SP" => start = Some(value),
            "EP" => end = Some(value),
            "DO" => f.doi = Some(value),
            "AN" if value.chars().all(|c| c.is_ascii_digit()) => f.pmid = Some(value),
            "KW" => f.keywords.push(value),
            "PB" => f.publisher = Some(value),
            "AD" => f.affiliations.push(value),
            "UR" if f.doi.is_none() && value.contains("doi.org/") => f.doi = Some(value),
            _ => {}
        }
    }
    f.pages = match (start, end) {
        (Some(s), Some(e)) => Some(format!("{s}-{e}")),
        (s, _) => s,
    };
    f
}
