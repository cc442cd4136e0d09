//! Small text helpers shared by the ingest steps: scripts, words, sentences,
//! recasing.

use crate::vocab::Vocab;

/// A Han ideograph (CJK Unified Ideographs and extension A, compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Han characters and Latin letters in `text`.
pub fn script_counts(text: &str) -> (usize, usize) {
    let mut han = 0;
    let mut latin = 0;
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_han(c) {
            han += 1;
        }
    }
    (han, latin)
}

/// Whitespace-separated words.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Byte ranges of the sentences of `text`.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let split = match c {
            '。' | '！' | '？' | '；' => true,
            '.' | '?' | '!' => {
                let rest = &text[end..];
                let after = rest.trim_start();
                let spaced = after.len() < rest.len();
                let next = after.chars().next();
                match next {
                    None => true,
                    Some(n) => {
                        spaced
                            && (n.is_uppercase() || n.is_ascii_digit() || is_han(n) || n == '(')
                            && !ends_with_abbreviation(&text[start..i])
                    }
                }
            }
            _ => false,
        };
        if split {
            if text[start..end].trim().len() > 1 {
                out.push((start, end));
            }
            start = end;
        }
    }
    if text[start..].trim().len() > 1 {
        out.push((start, text.len()));
    }
    out
}

fn ends_with_abbreviation(before: &str) -> bool {
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    matches!(
        last.to_ascii_lowercase().as_str(),
        "e.g" | "i.e" | "vs" | "al" | "dr" | "fig" | "no" | "approx" | "ca" | "resp" | "st"
    )
}

/// Recases an all-capitals name (`INFECTION AND DRUG RESISTANCE`) to title
/// case, keeping known acronyms and small words. Mixed-case text is kept.
pub fn recase_if_shouting(text: &str, vocab: &Vocab) -> String {
    let has_lower = text.chars().any(char::is_lowercase);
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if has_lower || letters < 4 {
        return text.to_string();
    }
    title_case(text, vocab)
}

/// Title case with small words kept lower (but the first).
pub fn title_case(text: &str, vocab: &Vocab) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = word.to_lowercase();
        if vocab.journal_acronyms.contains(bare) {
            out.push_str(word);
        } else if i > 0 && vocab.small_words.contains(bare.to_lowercase().as_str()) {
            out.push_str(&lower);
        } else {
            let mut chars = lower.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
    }
    out
}

/// Collapses runs of whitespace to one space and trims.
pub fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Previous `n` words before byte `at`, lower-cased, nearest last.
pub fn words_before(text: &str, at: usize, n: usize) -> Vec<String> {
    let mut words: Vec<String> = text[..at]
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect();
    words.reverse();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| text[s..e].trim())
            .collect()
    }

    #[test]
    fn sentences_split_on_ends_not_on_decimals_or_abbreviations() {
        assert_eq!(
            split("At week 12, 83.3% improved (P = .008). No AEs, e.g. zoster. 结果良好。好"),
            [
                "At week 12, 83.3% improved (P = .008).",
                "No AEs, e.g. zoster.",
                "结果良好。",
                "好"
            ]
        );
    }

    #[test]
    fn shouting_names_are_recased() {
        let v = Vocab::builtin();
        assert_eq!(
            recase_if_shouting("INFECTION AND DRUG RESISTANCE", v),
            "Infection and Drug Resistance"
        );
        assert_eq!(
            recase_if_shouting("JAMA DERMATOLOGY", v),
            "JAMA Dermatology"
        );
        assert_eq!(
            recase_if_shouting("J Dermatolog Treat", v),
            "J Dermatolog Treat"
        );
    }
}
