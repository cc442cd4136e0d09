//! Affiliation lines before an abstract: what makes a line one (institution
//! words, commas, capitalised names, no verb; or PubMed's `(2)` numbering),
//! and how one line splits into several.

use regex::Regex;

use super::textutil;
use crate::vocab::{CueSet, LineCues, Vocab};

/// An affiliation: institution words, commas, and no sentence verbs.
/// `cues` are the line's cue sets.
pub fn is_affiliation(line: &str, cues: &LineCues<'_>, vocab: &Vocab) -> bool {
    !textutil::more_words_than(line, 80)
        && (line.as_bytes().contains(&b',') || line.contains('，'))
        && cues.has(CueSet::Affiliation)
        && !says_something(line)
        && vocab.affiliation_words.any_in(&line.to_ascii_lowercase())
        && !is_design_tail(line)
        && names_things(line)
}

/// An institution's name capitalises its words (`Department of Dermatology,
/// Yale School of Medicine`); a sentence does not. Of the words of four or
/// more Latin letters, at least two in five are capitalised (or there are
/// fewer than three such words, as in a Chinese affiliation).
fn names_things(line: &str) -> bool {
    let (mut long, mut capitalised) = (0, 0);
    for word in line.split(|c: char| !c.is_alphabetic()) {
        if word.len() >= 4 && word.is_ascii() {
            long += 1;
            capitalised += usize::from(word.starts_with(|c: char| c.is_ascii_uppercase()));
        }
    }
    long < 3 || capitalised * 5 >= long * 2
}

/// An affiliation as PubMed numbers them under "Author information",
/// `(2)AbbVie Inc., North Chicago, IL, USA.`: the mark, then at once a
/// capital; a place after a comma; no verb. It need not name a department
/// or a university.
pub fn is_numbered_affiliation(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('(') else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && rest[digits..]
            .strip_prefix(')')
            .is_some_and(|name| name.starts_with(|c: char| c.is_uppercase()))
        && line.contains(',')
        && !textutil::more_words_than(line, 40)
        && !says_something(line)
}

/// A verb or a first person: a sentence, not a name or an address.
fn says_something(line: &str) -> bool {
    regex!(r"(?i)(?-u:\b)(?:is|are|was|were|has|have|had|been|we|our|this|these)(?-u:\b)")
        .is_match(line)
}

/// A title's closing words name a design in lower case ("...: a randomized,
/// multicenter, placebo-controlled trial."); an institution's name
/// capitalises them ("Center for Clinical Trials").
fn is_design_tail(line: &str) -> bool {
    let last = line
        .trim_end_matches(['.', '?', '!', ' '])
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or_default();
    matches!(
        last,
        "trial"
            | "trials"
            | "study"
            | "studies"
            | "series"
            | "report"
            | "reports"
            | "review"
            | "analysis"
            | "cases"
            | "patients"
            | "experience"
    )
}

/// One line may hold several numbered affiliations (`...Italy; 2University
/// of Florence...`).
pub fn split_affiliations(line: &str) -> Vec<String> {
    regex!(r"[;；]\s*(?:\(?\d+\)?|[a-z]\))\s*")
        .split(line)
        .map(clean_affiliation)
        .filter(|a| !a.is_empty())
        .collect()
}

/// Strips numbering (`1`, `(1)`, `1.`, `a)`) from the front of an
/// affiliation.
pub fn clean_affiliation(line: &str) -> String {
    let re: &Regex = regex!(r"^(?:\(\d+\)|\d+\.?|[a-z]\))\s*");
    re.replace(line.trim(), "").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_affiliations_need_no_institution_word() {
        assert!(is_numbered_affiliation(
            "(2)AbbVie Inc., North Chicago, IL, USA."
        ));
        assert!(is_numbered_affiliation(
            "(12)Private practice, Miami, FL, USA."
        ));
        assert!(!is_numbered_affiliation("(2) patients, then more"));
        assert!(!is_numbered_affiliation(
            "(1)Acne was seen in 3, nausea in 1."
        ));
        assert!(!is_numbered_affiliation(
            "AbbVie Inc., North Chicago, IL, USA."
        ));
    }

    #[test]
    fn affiliations_name_institutions_titles_name_designs() {
        let vocab = Vocab::builtin();
        let is = |line: &str| is_affiliation(line, &LineCues::new(line, vocab), vocab);
        assert!(is(
            "Center for Clinical Trials, Boston University, Boston, MA, USA."
        ));
        assert!(is(
            "Department of Dermatology, Yale School of Medicine, New Haven, CT."
        ));
        // A sentence: few capitals.
        assert!(!is(
            "To the Editor: Lichen planopilaris (LPP), a variant of lichen planus, showed clinical improvement with tofacitinib in a patient."
        ));
        // An institution word inside another word, or a design closing it.
        assert!(!is(
            "Abrocitinib in atopic dermatitis: a multicenter, randomized trial."
        ));
        assert!(!is(
            "Upadacitinib, a JAK1 inhibitor, at a university hospital: a case series."
        ));
    }

    #[test]
    fn numbered_affiliations_split() {
        assert_eq!(
            split_affiliations(
                "Pisana, Pisa, Italy; 2University of Florence, Italy; 3IRCCS, Milan"
            )
            .len(),
            3
        );
    }
}
