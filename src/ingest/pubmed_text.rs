//! PubMed's "Abstract" text export (Save → Format: Abstract): numbered
//! records, each a citation line, title, authors, affiliations, abstract and
//! identifiers, ending with a `PMID: N` line. Each record is read as a
//! pasted page.

/// Whether `text` is such an export of more than one record: it opens with
/// a record number (`1. `), and at least two lines start `PMID: ` and a
/// number. One record is just a page.
pub fn is_export(text: &str) -> bool {
    let head = text.trim_start();
    let digits = head.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || !head[digits..].starts_with(". ") {
        return false;
    }
    ends(text).nth(1).is_some()
}

/// The records: the text up to and including each `PMID: N` line, the
/// record number taken off the first line. Text after the last one (no
/// footer) is a record too if it holds anything.
pub fn records(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for end in ends(text).chain(std::iter::once(text.len())) {
        let record = text[start..end].trim();
        start = end;
        if !record.is_empty() {
            out.push(strip_number(record));
        }
    }
    out
}

/// Byte offsets just past each footer line (`PMID: 36111222 [Indexed for
/// MEDLINE]`).
fn ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut offset = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        offset += line.len();
        let rest = line.strip_prefix("PMID:")?.trim_start();
        rest.starts_with(|c: char| c.is_ascii_digit())
            .then_some(offset)
    })
}

/// `12. J Dermatol. 2023...` is `J Dermatol. 2023...`.
fn strip_number(record: &str) -> &str {
    let digits = record.bytes().take_while(u8::is_ascii_digit).count();
    match record[digits..].strip_prefix(". ") {
        Some(rest) if digits > 0 => rest,
        _ => record,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_records_split_after_their_pmid_line() {
        let text = "1. J A. 2020;1:1.\n\nTitle one.\n\nPMID: 11 [Indexed for MEDLINE]\n\n\n\
                    2. J B. 2021;2:2.\n\nTitle two.\n\nDOI: 10.1/x\nPMID: 22\n";
        assert!(is_export(text));
        let records = records(text);
        assert_eq!(records.len(), 2);
        assert!(records[0].starts_with("J A. 2020"));
        assert!(records[0].ends_with("PMID: 11 [Indexed for MEDLINE]"));
        assert!(records[1].starts_with("J B. 2021"));
        assert!(records[1].ends_with("PMID: 22"));
    }

    #[test]
    fn one_record_or_an_unnumbered_text_is_a_page() {
        assert!(!is_export("1. J A. 2020.\n\nTitle.\n\nPMID: 11\n"));
        assert!(!is_export("Title.\n\nPMID: 11\nPMID: 12\n"));
        // "PMID:" inside a line is not a footer.
        assert!(!is_export("1. J A.\nSee PMID: 11\nand PMID: 12\n"));
    }
}
