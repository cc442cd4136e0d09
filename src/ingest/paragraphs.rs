//! Paragraphs from lines. Browser pastes put one paragraph on a line; text
//! exports (PubMed's "Abstract (text)" format, e-mail) wrap lines at a fixed
//! width, and then the lines of a block must be joined back.

use std::borrow::Cow;

/// Lines at least this long count when measuring how a text is wrapped.
const MEASURED: usize = 40;
/// Hard-wrapped texts keep every line at or under this width.
const WRAP_WIDTH: usize = 100;
/// A wrapped line is filled to near the width; a shorter one ends its
/// paragraph.
const FILLED: usize = 60;

/// The text's paragraphs, trimmed, without blank ones.
pub fn paragraphs(text: &str) -> Vec<Cow<'_, str>> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    if !is_hard_wrapped(&lines) {
        return lines
            .into_iter()
            .filter(|l| !l.is_empty())
            .map(Cow::Borrowed)
            .collect();
    }
    let mut out: Vec<Cow<'_, str>> = Vec::new();
    let mut open = false;
    let mut last_len = 0;
    for line in lines {
        if line.is_empty() {
            open = false;
            continue;
        }
        let len = line.chars().count();
        if open && last_len >= FILLED && !starts_new_item(line) {
            if let Some(current) = out.last_mut() {
                let current = current.to_mut();
                if !current.ends_with('-') {
                    current.push(' ');
                }
                current.push_str(line);
            }
        } else {
            out.push(Cow::Borrowed(line));
        }
        open = true;
        last_len = len;
    }
    out
}

/// Most lines of some length sit at or under a fixed width.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n >= MEASURED)
        .collect();
    let within = lengths.iter().filter(|&&n| n <= WRAP_WIDTH).count();
    lengths.len() >= 4 && within * 10 >= lengths.len() * 9
}

/// Lines that open an item even inside a block: numbered affiliations,
/// list bullets, labelled fields.
fn starts_new_item(line: &str) -> bool {
    regex!(r"^(?:\(\d+\)|\d+\.\s|[-•*]\s|[A-Z][A-Za-z ,]{1,40}:\s|[A-Z]{2,}[A-Z ,]*:)")
        .is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_paragraph_per_line_is_kept() {
        let text = "A first paragraph that is long enough to be measured here.\nA second one, also long enough to be measured by the rule.\n";
        assert_eq!(paragraphs(text).len(), 2);
    }

    #[test]
    fn wrapped_blocks_are_joined() {
        let text = "\
Abrocitinib in adolescents and adults with moderate-to-severe atopic dermatitis
after failure of dupilumab: a multicentre study.

Smith J(1), Li W(2).

Author information:
(1)Department of Dermatology, Royal Victoria Infirmary, Newcastle upon Tyne, UK.
(2)Department of Dermatology, Erasmus University Medical Center, Rotterdam, NL.

BACKGROUND: Abrocitinib, an oral selective Janus kinase 1 inhibitor, is approved
for moderate-to-severe atopic dermatitis (AD), but data on patients who have
previously failed dupilumab are limited.
";
        let got = paragraphs(text);
        assert_eq!(got.len(), 6, "{got:#?}");
        assert!(got[0].ends_with("a multicentre study."));
        assert!(got[3].starts_with("(1)Department"));
        assert!(got[5].ends_with("are limited."));
    }
}
