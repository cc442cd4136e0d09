//! Small text helpers shared by the ingest steps: scripts, words, sentences,
//! recasing.

use crate::swar;
use crate::vocab::{Vocab, is_ascii_space, single_spaced};

/// A Han ideograph (CJK Unified Ideographs and extension A, compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Han characters and Latin letters in `text`.
///
/// Read byte by byte without branches, so that the loop vectorizes: a Han
/// character (`is_han`) is a three-byte UTF-8 sequence, told by its first
/// two bytes, and continuation bytes never look like a first byte.
pub fn script_counts(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let Some((&last, _)) = bytes.split_last() else {
        return (0, 0);
    };
    let letter = |b: u8| u8::from((b | 0x20).wrapping_sub(b'a') < 26);
    let han_start = |b0: u8, b1: u8| {
        // U+3400..=U+3FFF, U+4000..=U+4DBF and U+4E00..=U+4FFF (not the
        // hexagrams U+4DC0..=U+4DFF), U+5000..=U+9FFF, U+F900..=U+FAFF.
        u8::from(
            (b0 == 0xE3 && b1 >= 0x90)
                | (b0 == 0xE4 && b1 != 0xB7)
                | (b0.wrapping_sub(0xE5) < 5)
                | (b0 == 0xEF && b1.wrapping_sub(0xA4) < 8),
        )
    };
    let (mut han, mut latin) = (0, usize::from(letter(last)));
    // Tallied in bytes per block (at most 255 each), summed per block.
    const BLOCK: usize = 255;
    for (firsts, seconds) in bytes.chunks(BLOCK).zip(bytes[1..].chunks(BLOCK)) {
        let (mut h, mut l) = (0u8, 0u8);
        for (&b0, &b1) in firsts.iter().zip(seconds) {
            h += han_start(b0, b1);
            l += letter(b0);
        }
        han += usize::from(h);
        latin += usize::from(l);
    }
    (han, latin)
}

/// Whether `text` has more than `n` whitespace-separated words; reads only
/// as far as word `n + 1`.
pub fn more_words_than(text: &str, n: usize) -> bool {
    word_count_upto(text, n + 1) > n
}

/// Whitespace-separated words, counted up to `cap` (the result is at most
/// `cap`): a check such as "at most 10 words" reads a long paragraph only
/// as far as its eleventh word.
pub fn word_count_upto(text: &str, cap: usize) -> usize {
    // A word starts at a byte that is not a space after one that is (or at
    // the start); the cap is checked once per block of 64 bytes.
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return 0;
    };
    let mut count = usize::from(!first.is_ascii_whitespace());
    let starts = |a: u8, b: u8| a.is_ascii_whitespace() & !b.is_ascii_whitespace();
    for found in swar::pair_counts(bytes, 64, starts) {
        count += found;
        if count >= cap {
            return cap;
        }
    }
    count.min(cap)
}

/// Byte ranges of the sentences of `text`.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    // About one sentence per 100 bytes of abstract prose.
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    let mut start = 0;
    // Only `.`, `?`, `!` and the lead bytes of the wide stops can end a
    // sentence: jump from one to the next (the two searches are redone only
    // once passed).
    let ascii_from = |i: usize| memchr::memchr3(b'.', b'?', b'!', &bytes[i..]).map(|at| at + i);
    let wide_from = |i: usize| memchr::memchr2(0xE3, 0xEF, &bytes[i..]).map(|at| at + i);
    let mut ascii = ascii_from(0);
    let mut wide = wide_from(0);
    let mut i = 0;
    while i < bytes.len() {
        if ascii.is_some_and(|at| at < i) {
            ascii = ascii_from(i);
        }
        if wide.is_some_and(|at| at < i) {
            wide = wide_from(i);
        }
        i = match (ascii, wide) {
            (Some(a), Some(w)) => a.min(w),
            (Some(at), None) | (None, Some(at)) => at,
            (None, None) => break,
        };
        let (split, end) = match bytes[i] {
            b'.' | b'?' | b'!' => (ends_sentence(text, start, i) || glued(bytes, i), i + 1),
            // 。！？； (E3 80 82, EF BC 81, EF BC 9F, EF BC 9B)
            0xE3 if bytes[i + 1..].starts_with(&[0x80, 0x82]) => (true, i + 3),
            0xEF if matches!(bytes.get(i + 1..i + 3), Some([0xBC, 0x81 | 0x9F | 0x9B])) => {
                (true, i + 3)
            }
            _ => (false, i + 1),
        };
        if split {
            if text[start..end].trim().len() > 1 {
                out.push((start, end));
            }
            start = end;
        }
        i = end;
    }
    if text[start..].trim().len() > 1 {
        out.push((start, text.len()));
    }
    out
}

/// A sentence glued to the next one, as conference abstracts print section
/// labels: `...in 2021.Results:` (lower-case or digit, stop, capitalised
/// word).
fn glued(bytes: &[u8], at: usize) -> bool {
    at > 0
        && (bytes[at - 1].is_ascii_lowercase() || bytes[at - 1].is_ascii_digit())
        && bytes.get(at + 1).is_some_and(u8::is_ascii_uppercase)
        && bytes.get(at + 2).is_some_and(u8::is_ascii_lowercase)
}

/// Whether the `.`, `?` or `!` at byte `at` ends a sentence: space and then
/// a capital, digit, Han character or parenthesis, and no abbreviation.
fn ends_sentence(text: &str, start: usize, at: usize) -> bool {
    let rest = &text[at + 1..];
    let after = rest.trim_start();
    match after.chars().next() {
        None => true,
        Some(n) => {
            after.len() < rest.len()
                && (n.is_uppercase() || n.is_ascii_digit() || is_han(n) || n == '(')
                && !ends_with_abbreviation(&text[start..at])
        }
    }
}

/// Where the sentence holding byte `at` starts: after the last `.`, `?` or
/// `!` followed by a space, or `;`, `。`, `；` before `at` (at most 300 bytes
/// back).
pub fn sentence_start(text: &str, at: usize) -> usize {
    let mut floor = at.saturating_sub(300);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let bytes = &text.as_bytes()[floor..at];
    // The last sentence end in the window, scanning back from `at`.
    let best = (0..bytes.len())
        .rev()
        .find_map(|i| {
            let ends = match bytes[i] {
                b';' => true,
                b'.' | b'?' | b'!' => bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace),
                // The last byte of 。 (E3 80 82) and ；！？ (EF BC 9B/81/9F).
                0x82 => bytes[..i].ends_with(&[0xE3, 0x80]),
                0x9B | 0x81 | 0x9F => bytes[..i].ends_with(&[0xEF, 0xBC]),
                _ => false,
            };
            ends.then_some(i + 1)
        })
        .unwrap_or(0);
    if best == 0 && floor > 0 {
        floor
    } else {
        floor + best
    }
}

/// For each range, whether one of `positions` falls in it.
pub fn flag_ranges(
    ranges: &[(usize, usize)],
    positions: impl IntoIterator<Item = usize>,
) -> Vec<bool> {
    let mut flags = vec![false; ranges.len()];
    for p in positions {
        let i = ranges.partition_point(|&(_, end)| end <= p);
        if ranges.get(i).is_some_and(|&(start, _)| start <= p) {
            flags[i] = true;
        }
    }
    flags
}

/// Text split into sentences once, with an ASCII-lower-cased copy whose byte
/// offsets match the original.
pub struct Prose {
    pub text: String,
    pub lower: String,
    pub sentences: Vec<(usize, usize)>,
}

impl Prose {
    pub fn new(text: String) -> Self {
        let lower = text.to_ascii_lowercase();
        let sentences = sentences(&text);
        Self {
            text,
            lower,
            sentences,
        }
    }

    /// For each sentence, whether one of `positions` (byte offsets) falls
    /// in it: one scan of the whole text instead of one per sentence.
    pub fn flag_sentences(&self, positions: impl IntoIterator<Item = usize>) -> Vec<bool> {
        flag_ranges(&self.sentences, positions)
    }

    /// Each sentence as (original, lower case).
    pub fn sentences(&self) -> impl Iterator<Item = (&str, &str)> {
        self.sentences
            .iter()
            .map(|&(s, e)| (&self.text[s..e], &self.lower[s..e]))
    }
}

fn ends_with_abbreviation(before: &str) -> bool {
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    [
        "e.g", "i.e", "vs", "al", "dr", "fig", "no", "approx", "ca", "resp", "st",
    ]
    .iter()
    .any(|a| a.eq_ignore_ascii_case(last))
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

/// Whether `squeeze` would give `text` back unchanged: no whitespace but
/// single spaces between words.
pub fn is_squeezed(text: &str) -> bool {
    let bytes = text.as_bytes();
    let ascii_spacing = !bytes.first().is_some_and(|&b| is_ascii_space(b))
        && !bytes.last().is_some_and(|&b| is_ascii_space(b))
        && single_spaced(bytes);
    // Other Unicode spaces (no-break, ideographic) are rare: check them the
    // slow way.
    ascii_spacing && (text.is_ascii() || squeeze(text) == text)
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

    #[test]
    fn word_counts_stop_at_the_cap() {
        // Words across the 64-byte blocks are counted once.
        let text = "tofacitinib ".repeat(40);
        assert_eq!(word_count_upto(&text, usize::MAX), 40);
        assert_eq!(word_count_upto(&text, 7), 7);
        assert_eq!(word_count_upto(" a\tb\n\nc  ", 10), 3);
        assert_eq!(word_count_upto("", 10), 0);
        assert!(more_words_than(&text, 39));
        assert!(!more_words_than(&text, 40));
        // Against the standard library, every length around the blocks.
        let pieces = ["ab", " ", "\t", "\n", "\x0C", "\x0B", "一", "c"];
        for len in 0..200 {
            let text: String = (0..len)
                .map(|i| pieces[(i * 7 + len) % pieces.len()])
                .collect();
            let words = text.split_ascii_whitespace().count();
            assert_eq!(word_count_upto(&text, usize::MAX), words, "{text:?}");
            assert_eq!(word_count_upto(&text, 3), words.min(3), "{text:?}");
        }
    }

    #[test]
    fn script_counts_agree_with_the_characters() {
        let text = "Tofacitinib 托法替布 㐀䶿䷀䷿一鿿豈\u{FAFF}\u{FB00}〇。é𠀀 alopecia 斑秃";
        let by_char = (
            text.chars().filter(|&c| is_han(c)).count(),
            text.chars().filter(char::is_ascii_alphabetic).count(),
        );
        assert_eq!(script_counts(text), by_char);
        assert_eq!(by_char.0, 12);
        // Every character of the ranges around the Han blocks, alone and
        // after ASCII and Han text (so that blocks of bytes end anywhere).
        let around = ('\u{2F00}'..='\u{A100}').chain('\u{F800}'..='\u{FB10}');
        for c in around {
            for before in ["", "a", "一b", &"x".repeat(253), &"一".repeat(85)] {
                let text = format!("{before}{c}Z");
                let by_char = (
                    text.chars().filter(|&c| is_han(c)).count(),
                    text.chars().filter(char::is_ascii_alphabetic).count(),
                );
                assert_eq!(script_counts(&text), by_char, "{c:?} after {before:?}");
            }
        }
        assert_eq!(script_counts(""), (0, 0));
        assert_eq!(script_counts("A"), (0, 1));
    }

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
    fn wide_stops_split_among_other_wide_characters() {
        assert_eq!(
            split("疗效（PASI 75）好！是否复发？随访中；〇例失访. Done. 完"),
            [
                "疗效（PASI 75）好！",
                "是否复发？",
                "随访中；",
                "〇例失访.",
                "Done.",
                "完"
            ]
        );
    }

    #[test]
    fn glued_sentences_split() {
        assert_eq!(
            split("We searched up to 2021.Results:Twelve reports."),
            ["We searched up to 2021.", "Results:Twelve reports."]
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
