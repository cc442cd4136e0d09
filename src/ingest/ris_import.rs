//! RIS files from reference managers: `TY  - ` to `ER  - ` records.

use super::records::{Fields, add_keywords, mesh_heading, year_of};

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
            // A record whose `ER` line is missing ends where the next opens.
            if tag == "TY" && !current.is_empty() {
                out.push(std::mem::take(&mut current));
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
    let mut accession = None;
    let mut keywords = Vec::new();
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
            "AN" => accession = Some(value),
            // EndNote keeps the PMCID in `C2`.
            "C2" if value.starts_with("PMC") => f.pmcid = Some(value),
            // One keyword a line, or several split by semicolons (CNKI);
            // MeSH markup (`*Alopecia Areata/drug therapy`) is taken off.
            "KW" => keywords.extend(
                value
                    .split([';', '；'])
                    .map(|k| mesh_heading(k).to_string()),
            ),
            "PB" => f.publisher = Some(value),
            "AD" => f
                .affiliations
                .push(value.trim_end_matches([';', '；']).trim().to_string()),
            "UR" if f.doi.is_none() && value.contains("doi.org/") => f.doi = Some(value),
            _ => {}
        }
    }
    // An accession number is a PMID only from PubMed or MEDLINE (Embase's
    // and CINAHL's are also digits, and longer).
    let database = record
        .iter()
        .find(|(tag, _)| tag == "DB" || tag == "DP")
        .map(|(_, v)| v.to_ascii_lowercase());
    let from_pubmed = database
        .is_none_or(|db| db.contains("pubmed") || db.contains("medline") || db.contains("nlm"));
    f.pmid = f.pmid.or(accession.filter(|a| {
        from_pubmed && (1..=8).contains(&a.len()) && a.bytes().all(|b| b.is_ascii_digit())
    }));
    add_keywords(&mut f.keywords, keywords);
    f.pages = match (start, end) {
        (Some(s), Some(e)) => Some(format!("{s}-{e}")),
        (s, _) => s,
    };
    f
}
