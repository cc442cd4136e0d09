//! BibTeX: one `@article` per study, with a stable unique key
//! (first author or first title word, year, and a suffix on clashes) and
//! LaTeX special characters escaped.

use std::collections::HashMap;

use crate::model::Study;

pub fn render(studies: &[&Study]) -> String {
    let mut keys: HashMap<String, usize> = HashMap::new();
    let mut out = String::new();
    for study in studies {
        let base = key_base(study);
        let n = keys.entry(base.clone()).or_insert(0);
        *n += 1;
        let key = if *n == 1 {
            base
        } else {
            format!("{base}{}", suffix(*n - 1))
        };
        out.push_str(&format!("@article{{{key},\n"));
        let mut fields: Vec<(&str, String)> =
            vec![("title", format!("{{{}}}", escape(&study.title)))];
        if !study.authors.is_empty() {
            fields.push(("author", escape(&study.authors.join(" and "))));
        }
        for (name, value) in [
            ("journal", study.journal.as_deref()),
            ("volume", study.volume.as_deref()),
            ("number", study.issue.as_deref()),
            ("pages", study.pages.as_deref()),
            ("publisher", study.publisher.as_deref()),
        ] {
            if let Some(v) = value {
                fields.push((name, escape(v)));
            }
        }
        if let Some(year) = study.year {
            fields.push(("year", year.to_string()));
        }
        if let Some(doi) = &study.doi {
            fields.push(("doi", doi.to_string()));
        }
        if let Some(pmid) = &study.pmid {
            fields.push(("pmid", pmid.to_string()));
        }
        if !study.keywords.is_empty() {
            fields.push(("keywords", escape(&study.keywords.join(", "))));
        }
        let abstract_text = super::abstract_text(study);
        if !abstract_text.is_empty() {
            fields.push(("abstract", escape(&abstract_text)));
        }
        for (name, value) in fields {
            out.push_str(&format!("  {name} = {{{value}}},\n"));
        }
        out.push_str("}\n\n");
    }
    out
}

/// `smith2021` (the first author's family name: before the comma of
/// `Smith, Jane`, else the longest word), or the first title word when there
/// are no authors.
fn key_base(study: &Study) -> String {
    let word = study
        .authors
        .first()
        .and_then(|a| match a.split_once(',') {
            Some((family, _)) => family.split_whitespace().max_by_key(|w| w.len()),
            None => a.split_whitespace().max_by_key(|w| w.len()),
        })
        .or_else(|| study.title.split_whitespace().find(|w| w.len() > 3))
        .unwrap_or("study");
    let word: String = word
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase();
    let word = if word.is_empty() {
        "study".to_string()
    } else {
        word
    };
    match study.year {
        Some(y) => format!("{word}{y}"),
        None => word,
    }
}

/// a, b, ..., z, aa, ab, ...
fn suffix(mut n: usize) -> String {
    let mut out = String::new();
    loop {
        out.insert(0, (b'a' + (n % 26) as u8) as char);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out
}

/// Escapes the characters LaTeX treats specially.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}
