//! RIS: one `TY  - JOUR` ... `ER  - ` record per study, standard tags.

use crate::model::Study;

pub fn render(studies: &[&Study]) -> String {
    let mut out = String::new();
    for study in studies {
        let mut tag = |tag: &str, value: &str| {
            let value = value.replace(['\r', '\n'], " ");
            if !value.trim().is_empty() {
                out.push_str(&format!("{tag}  - {}\r\n", value.trim()));
            }
        };
        tag("TY", "JOUR");
        tag("TI", &study.title);
        for author in &study.authors {
            tag("AU", author);
        }
        tag("JO", study.journal.as_deref().unwrap_or(""));
        tag("PY", &study.year.map(|y| y.to_string()).unwrap_or_default());
        tag("VL", study.volume.as_deref().unwrap_or(""));
        tag("IS", study.issue.as_deref().unwrap_or(""));
        if let Some(pages) = &study.pages {
            let (start, end) = pages.split_once('-').unwrap_or((pages, ""));
            tag("SP", start);
            tag("EP", end);
        }
        tag("DO", study.doi.as_deref().unwrap_or(""));
        tag("AN", study.pmid.as_deref().unwrap_or(""));
        tag("PB", study.publisher.as_deref().unwrap_or(""));
        for keyword in &study.keywords {
            tag("KW", keyword);
        }
        tag("AB", &super::abstract_text(study));
        if let Some(link) = super::link(study) {
            tag("UR", &link);
        }
        out.push_str("ER  - \r\n\r\n");
    }
    out
}
