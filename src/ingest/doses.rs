//! Doses: amounts with a unit, each given to the drug named beside it.

use super::textutil;
use crate::lexicon::{Kind, Lexicon, Mention};
use crate::model::{Dose, SharedStr};
use crate::swar;
use crate::vocab::{Vocab, is_ascii_space};

/// An amount with its unit, anchored at the start of the text: low value,
/// range separator, high value, unit, "per" word.
fn dose_pattern() -> &'static regex::Regex {
    regex!(
        r"^(?i)(\d+(?:\.\d+)?)(?:\s*(-|–|to)\s*(\d+(?:\.\d+)?))?\s*((?:mg/kg|mg/m2|mg|µg|μg|mcg|g|ml|iu)(?-u:\b)|%)(?:\s*/\s*(\p{L}+))?"
    )
}

/// Where `dose_pattern` matches in `text`: the leftmost, non-overlapping
/// matches an unanchored search finds, as (start, end).
///
/// A match starts with a digit, so only digits are tried, and only the
/// first of a run of ASCII digits: a later start in the run leaves the
/// number fewer digits and the same rest to match, so it matches only if
/// the first does. Most numbers are followed by something no amount can
/// go on with ("22 patients", "week 24,"): `may_go_on_as_amount` turns them
/// away without running the pattern.
fn amounts(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            at += swar::len_before_digit_or_lead(&bytes[at..]);
            let (start, &b) = (at, bytes.get(at)?);
            if b.is_ascii_digit() {
                at += swar::ascii_digits_len(&bytes[at..]);
                if !may_go_on_as_amount(&bytes[at..]) {
                    continue;
                }
            } else {
                // Other scripts' digits (`\d` is Unicode) are tried too.
                let c = text[at..].chars().next()?;
                at += c.len_utf8();
                if !c.is_numeric() {
                    continue;
                }
            }
            if let Some(m) = dose_pattern().find(&text[start..]) {
                at = start + m.end();
                return Some((start, at));
            }
        }
    })
}

/// Whether the text after a run of ASCII digits can go on as an amount:
/// decimals, then spaces, then a range separator or a unit. Anything
/// outside ASCII is let through for the pattern to decide.
fn may_go_on_as_amount(rest: &[u8]) -> bool {
    let mut i = 0;
    if rest.first() == Some(&b'.') {
        match rest.get(1) {
            Some(d) if d.is_ascii_digit() => i = 1 + swar::ascii_digits_len(&rest[1..]),
            Some(&d) if d >= 0x80 => return true,
            _ => return false,
        }
    }
    // `\s` outside ASCII starts with a byte of 0x80 or more.
    i += rest[i..].iter().take_while(|&&b| is_ascii_space(b)).count();
    // Separators `-`, `–`, `to`; units start m, µ, μ, g, i or are `%`.
    rest.get(i).is_some_and(|&b| {
        b >= 0x80
            || matches!(
                b.to_ascii_lowercase(),
                b'm' | b'g' | b'i' | b'%' | b'-' | b't'
            )
    })
}

/// Doses in a paragraph, each given to the nearest drug named before it in
/// the same sentence (or right after it: "10 mg tofacitinib").
pub(super) fn find_doses(
    text: &str,
    mentions: &[Mention],
    lexicon: &Lexicon,
    vocab: &Vocab,
) -> Vec<Dose> {
    let drugs: Vec<&Mention> = mentions.iter().filter(|m| m.kind == Kind::Drug).collect();
    let mut out = Vec::new();
    // Most amounts have no drug beside them ("22 of 22 patients (100%)"):
    // their groups are read only once a drug is found.
    for (start, end) in amounts(text) {
        let sentence_start = textutil::sentence_start(text, start);
        // Mentions are in text order: look only at the neighbours of the dose.
        let split = drugs.partition_point(|m| m.end <= start);
        let before = split
            .checked_sub(1)
            .map(|k| drugs[k])
            .filter(|m| m.start >= sentence_start && start - m.end <= 60);
        let after = || {
            drugs[split..]
                .iter()
                .copied()
                .find(|m| m.start >= end)
                .filter(|m| m.start - end <= 4)
        };
        let Some(drug) = before.or_else(after) else {
            continue;
        };
        // The same match again, with its groups (the two always take part).
        let Some(caps) = dose_pattern().captures(&text[start..]) else {
            continue;
        };
        let (Some(low), Some(unit)) = (caps.get(1), caps.get(4)) else {
            continue;
        };
        // A percentage is a strength only for a topical form ("cream 1.5%");
        // otherwise it is a rate ("tofacitinib (56.3%)").
        if unit.as_str() == "%" {
            let between = &text[drug.start.min(start)..start];
            if !regex!(r"(?i)(?-u:\b)(?:cream|ointment|gel|lotion|foam|solution|topical)(?-u:\b)")
                .is_match(between)
            {
                continue;
            }
        }
        let mut dose = low.as_str().to_string();
        if let (Some(sep), Some(high)) = (caps.get(2), caps.get(3)) {
            let sep = if sep.as_str().eq_ignore_ascii_case("to") {
                " to "
            } else {
                "-"
            };
            dose.push_str(sep);
            dose.push_str(high.as_str());
        }
        if unit.as_str() != "%" {
            dose.push(' ');
        }
        dose.push_str(&unit.as_str().to_lowercase().replace("iu", "IU"));
        if let Some(per) = caps.get(5) {
            let word = per.as_str().to_lowercase();
            dose.push('/');
            dose.push_str(
                vocab
                    .time_words
                    .get(&word)
                    .map_or(word.as_str(), String::as_str),
            );
        }
        if let Some(freq) = frequency_after(&text[end..], vocab) {
            dose.push(' ');
            dose.push_str(freq);
        }
        out.push(Dose {
            drug: SharedStr::interned(&lexicon.drugs[drug.entry].name),
            text: dose.into(),
        });
    }
    out
}

/// A frequency phrase right after a dose (", twice daily", " bid").
fn frequency_after<'v>(rest: &str, vocab: &'v Vocab) -> Option<&'v str> {
    let rest = rest.trim_start_matches([',', ' ', '(']);
    let head: String = rest.chars().take(24).collect::<String>().to_lowercase();
    vocab.frequencies.iter().find_map(|(phrase, shown)| {
        let next = head[..].strip_prefix(phrase.as_str())?;
        let boundary = next.chars().next().is_none_or(|c| !c.is_alphanumeric());
        boundary.then_some(shown.as_str())
    })
}

/// Drops repeats, and a dose that another of the same drug spells out more
/// fully ("1.5%" beside "1.5% twice daily").
pub(super) fn dedupe_doses(doses: &mut Vec<Dose>) {
    let mut seen = std::collections::HashSet::new();
    doses.retain(|d| seen.insert((d.drug.clone(), d.text.clone())));
    let fuller: Vec<bool> = doses
        .iter()
        .map(|d| {
            doses.iter().any(|o| {
                o.drug == d.drug
                    && o.text.len() > d.text.len()
                    && o.text.starts_with(&format!("{} ", d.text))
            })
        })
        .collect();
    let mut keep = fuller.iter().map(|f| !f);
    doses.retain(|_| keep.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doses(text: &str) -> Vec<(String, String)> {
        let lexicon = Lexicon::builtin();
        find_doses(text, &lexicon.mentions(text), lexicon, Vocab::builtin())
            .into_iter()
            .map(|d| (d.drug.to_string(), d.text.to_string()))
            .collect()
    }

    #[test]
    fn doses_go_to_the_nearest_drug_before_them() {
        assert_eq!(
            doses(
                "Treatment with tofacitinib, 5 to 10 mg, twice daily or upadacitinib, 15 mg, once daily."
            ),
            [
                ("tofacitinib".into(), "5 to 10 mg twice daily".into()),
                ("upadacitinib".into(), "15 mg once daily".into())
            ]
        );
    }

    #[test]
    fn amounts_are_where_an_unanchored_search_finds_them() {
        let unanchored =
            regex::Regex::new(dose_pattern().as_str().strip_prefix('^').unwrap()).unwrap();
        let pieces = [
            "1", "12", "2.5", ".", "..", " ", "\u{a0}", "\u{3000}", "\t", "-", "–", "to", "TO",
            "mg", "MG", "Mg/Kg", "mg/m2", "µg", "μg", "Μg", "mcg", "g", "ml", "iu", "IU", "%", "/",
            "d", "day", "gün", "x", "patients", "mgs", "٣", "１０", "½", "(", ")", ",", "a",
        ];
        // Sequences of up to four pieces (each grown while under nine
        // characters), and a longer text.
        let mut texts: Vec<String> = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|t| t.chars().count() < 9)
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
        }
        texts.push("1.2.5 mg, 10-20mg/day, 3 to 4 IU/kg; 22 of 22 (100%) 5 mg".into());
        for text in &texts {
            let expected: Vec<(usize, usize)> = unanchored
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(amounts(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn foreign_time_words_are_translated() {
        assert_eq!(
            doses("Tofacitinib treatment (10mg/gün) was started."),
            [("tofacitinib".into(), "10 mg/day".into())]
        );
        assert_eq!(
            doses("baricitinib 4 mg/d for 12 weeks"),
            [("baricitinib".into(), "4 mg/day".into())]
        );
    }

    #[test]
    fn numbers_without_a_drug_are_no_dose() {
        assert!(doses("Pamidronate was used in 4 cases; 12 g of sugar.").is_empty());
        assert_eq!(
            doses("ruxolitinib cream 1.5% twice daily"),
            [("ruxolitinib".into(), "1.5% twice daily".into())]
        );
        assert_eq!(
            doses("prednisone was tapered from 12.5 mg/day to 2.5 mg/day"),
            [
                ("prednisone".into(), "12.5 mg/day".into()),
                ("prednisone".into(), "2.5 mg/day".into())
            ]
        );
    }
}
