//! How many patients, and what design: read from counts and cue phrases.
//!
//! A count is a number (digits or a word) before a patient noun, with up to
//! two words between ("four consecutive patients", "6 PPP patients"). Counts
//! that name a subgroup ("in 4 cases") do not vote; counts near words that
//! mark the whole population ("all", "included", "series of", "who
//! received") vote more. The count with the most votes wins, the larger one
//! on a tie (subgroups are smaller than the whole).

use std::sync::LazyLock;

use foldhash::HashMap;

use super::textutil::{Prose, word_count_upto, words_before};
use crate::model::SharedStr;
use crate::swar;
use crate::vocab::{Vocab, Words};

pub fn patients(prose: &Prose, chinese: &[SharedStr], vocab: &Vocab) -> Option<u32> {
    static POPULATION: LazyLock<Words> = LazyLock::new(|| {
        Words::whole(&[
            "included",
            "enrolled",
            "recruited",
            "case series",
            "retrospective",
            "prospective",
            "this study",
            "we report",
            "we describe",
            "we present",
        ])
    });
    let mut votes: HashMap<u32, i32> = HashMap::default();
    let counting = prose.flag_sentences(vocab.patient_noun_cues.starts(&prose.lower));
    for (k, (sentence, lower)) in prose.sentences().enumerate() {
        if !counting[k] {
            continue;
        }
        // Looked for in this sentence alone: no cue holds a sentence stop.
        let sentence_bonus = if POPULATION.any_in(lower) { 2 } else { 0 };
        let tokens = tokenize(sentence);
        for (i, &(at, word)) in tokens.iter().enumerate() {
            let Some(mut n) = vocab.number(word) else {
                continue;
            };
            // "Forty-two": the tens word, a hyphen, this unit.
            if (1..=9).contains(&n)
                && let Some(&(before, tens)) = i.checked_sub(1).and_then(|k| tokens.get(k))
                && before + tens.len() + 1 == at
                && sentence.as_bytes()[at - 1] == b'-'
                && let Some(tens) = vocab
                    .number(tens)
                    .filter(|t| (20..100).contains(t) && t % 10 == 0)
            {
                n += tens;
            }
            // "7,027 patients", "16 969 beneficiaries", "1 241例": groups of
            // three digits after a separator go on the number; a group is
            // read with the number it goes on.
            let group_of = |k: usize| {
                let &(prev_at, prev) = tokens.get(k.checked_sub(1)?)?;
                let &(at, group) = tokens.get(k)?;
                let joiner = &sentence[prev_at + prev.len()..at];
                (prev.bytes().all(|b| b.is_ascii_digit())
                    && group.len() == 3
                    && group.bytes().all(|b| b.is_ascii_digit())
                    && matches!(joiner, "," | " " | "\u{a0}" | "\u{2009}" | "\u{202f}"))
                .then(|| group.parse::<u32>().ok())
                .flatten()
            };
            if word.len() <= 3 && group_of(i).is_some() {
                continue;
            }
            let mut i = i;
            if word.len() <= 3 {
                while let Some(group) = group_of(i + 1) {
                    n = n.saturating_mul(1000).saturating_add(group);
                    i += 1;
                }
            }
            if n == 0 || n > 100_000 {
                continue;
            }
            let Some(noun) = (1..=3)
                .filter_map(|k| tokens.get(i + k))
                .position(|&(_, w)| vocab.is_patient_noun(w))
            else {
                continue;
            };
            // "1990–2017. **Participants**": a stop between them, no count.
            let (end_at, end) = tokens[i];
            let noun_at = tokens[i + 1 + noun].0;
            if sentence[end_at + end.len()..noun_at].contains(['.', ':', ';', '(', ')', '*']) {
                continue;
            }
            let between = &tokens[i + 1..i + 1 + noun];
            if between
                .iter()
                .any(|&(_, w)| vocab.number(w).is_some() || w.starts_with(char::is_numeric))
            {
                continue;
            }
            let before = words_before(sentence, at, 2);
            let last = before.last().map(String::as_str).unwrap_or("");
            let last_two = before.join(" ");
            // "in 4 cases" is a subgroup, "Of the 12 patients included" is not.
            let enrolled = tokens
                .iter()
                .skip(i + 2 + noun)
                .take(3)
                .any(|&(_, w)| matches!(w, "included" | "enrolled" | "recruited" | "studied"));
            // "Of 96 adolescents screened, 84 were enrolled": screened is no
            // study population.
            let screened = tokens.iter().skip(i + 2 + noun).take(2).any(|&(_, w)| {
                matches!(
                    w,
                    "screened" | "assessed" | "approached" | "invited" | "eligible"
                )
            });
            if screened {
                continue;
            }
            // "Of 2,684 patients included, ...", "Among 254 subjects, ...",
            // "Out of 39 patients, ...": the whole, opening the sentence.
            let opens_as_whole = sentence[..at].split_whitespace().count() <= 2
                && matches!(
                    last_two.as_str(),
                    "of" | "among" | "out of" | "of the" | "among the"
                );
            if !enrolled
                && !opens_as_whole
                && vocab
                    .subgroup_cues
                    .iter()
                    .any(|c| c == last || *c == last_two)
            {
                continue;
            }
            let mut score = 1 + sentence_bonus + if opens_as_whole { 2 } else { 0 };
            let near: Vec<String> = before
                .iter()
                .cloned()
                .chain(
                    tokens
                        .iter()
                        .skip(i + 1)
                        .take(noun + 5)
                        .map(|&(_, w)| w.to_lowercase()),
                )
                .collect();
            if vocab
                .total_cues
                .iter()
                .any(|c| near.contains(c) || last_two.ends_with(c.as_str()))
            {
                score += 2;
            }
            *votes.entry(n).or_default() += score;
        }
        // "84 were enrolled": a count whose noun the sentence gave before,
        // opening a clause ("between 2018 and August 2023 were included" is a
        // date).
        let finds = |w: &[u8]| memchr::memmem::find(lower.as_bytes(), w).is_some();
        if sentence_bonus > 0 && (finds(b" were ") || finds(b" was ")) {
            let taken_in = regex!(
                r"(?:^|[,;:(]\s*)(\d{1,6}) (?:were|was) (?:enrolled|included|randomi[sz]ed|recruited)(?-u:\b)"
            );
            for caps in taken_in.captures_iter(lower) {
                if let Ok(n) = caps[1].parse::<u32>()
                    && n > 0
                {
                    *votes.entry(n).or_default() += 3 + sentence_bonus;
                }
            }
        }
        // "(n = 17)" after a group: a count of its own.
        let bytes = sentence.as_bytes();
        let n_equals = memchr::memchr_iter(b'(', bytes)
            .any(|at| bytes.get(at + 1).is_some_and(|&b| b == b'n' || b == b'N'));
        if n_equals {
            let group_size = regex!(r"\(\s*[nN]\s*=\s*(\d{1,6})\s*[),;]");
            for caps in group_size.captures_iter(sentence) {
                if let Ok(n) = caps[1].parse::<u32>()
                    && n > 0
                {
                    *votes.entry(n).or_default() += 1 + sentence_bonus;
                }
            }
        }
    }
    // A single patient described: "A 58-year-old woman presented with...".
    // Matched on the lower-cased text: ASCII-only case folding is what the
    // cue words need, and a case-sensitive automaton is several times faster.
    let single = regex!(
        r"(?-u:\b)(?:a|an|one)\s+(?:\d+[-‐‑– ](?:year|month|week)s?[-‐‑– ]old\s+)?(?:(?:male|female|caucasian|white|black|asian|chinese|japanese|korean|indian)\s+)?(?:woman|man|girl|boy|patient|child|infant|lady|gentleman|neonate|adolescent|toddler|male|female)(?-u:\b)"
    );
    // The regex is costly on long text; an age ("58-year-old") or a
    // "we report/present/describe" must be there for it to match anything
    // worth a vote.
    static WORTH_IT: LazyLock<Words> = LazyLock::new(|| {
        // Pages write the age with Unicode hyphens too (`72‐year‐old`).
        Words::anywhere(&[
            "-old",
            "‐old",
            "‑old",
            " old ",
            "we report",
            "we present",
            "we describe",
        ])
    });
    // Only a sentence that reports (a word below) can vote, so the regex
    // runs on those alone, from the sentence start: a match cannot cross a
    // sentence stop, so it finds what a scan of the whole text would.
    static REPORTING: LazyLock<Words> = LazyLock::new(|| {
        Words::whole(&[
            "present",
            "presented",
            "presenting",
            "report",
            "describe",
            "we",
            "case",
            "admitted",
            "referred",
        ])
    });
    if WORTH_IT.any_in(&prose.lower) {
        for &(start, end) in &prose.sentences {
            let lower = &prose.lower[..end];
            if REPORTING.any_in(&lower[start..]) && single.find_at(lower, start).is_some() {
                *votes.entry(1).or_default() += 2;
            }
        }
    }
    if votes.is_empty() {
        // `1 241例`: thousands may be set apart.
        let counted = regex!(r"(\d{1,3}(?:[ ,，]\d{3})+|\d+)\s*(?:例|名|位)");
        for p in chinese {
            for caps in counted.captures_iter(p) {
                let digits: String = caps[1].chars().filter(char::is_ascii_digit).collect();
                if let Ok(n) = digits.parse::<u32>() {
                    *votes.entry(n).or_default() += 1;
                }
            }
        }
    }
    votes
        .into_iter()
        .max_by_key(|&(n, v)| (v, n))
        .map(|(n, _)| n)
}

/// Words with their byte offsets; hyphens and parentheses split words.
/// A word is a run of alphanumeric characters and apostrophes; ASCII runs
/// are measured eight bytes at a time, other characters one by one.
fn tokenize(sentence: &str) -> Vec<(usize, &str)> {
    let bytes = sentence.as_bytes();
    let word_char = |c: char| c.is_alphanumeric() || c == '\'';
    // The character at `i`, if it belongs to a word, and its length.
    let char_at = |i: usize| {
        let c = sentence[i..].chars().next().unwrap_or(' ');
        (word_char(c), c.len_utf8())
    };
    let mut out = Vec::with_capacity(sentence.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let (starts, len) = char_at(i);
        if !starts {
            i += len;
            continue;
        }
        let start = i;
        loop {
            i += swar::ascii_token_len(&bytes[i..]);
            // Stopped at the end, at an ASCII separator, or at a non-ASCII
            // character, which may go on the word.
            match bytes.get(i) {
                Some(&b) if b >= 0x80 => match char_at(i) {
                    (true, len) => i += len,
                    (false, _) => break,
                },
                _ => break,
            }
        }
        out.push((start, &sentence[start..i]));
    }
    out
}

/// Where a Chinese text speaks of its own study: this study, this paper,
/// its aim and methods, our hospital. An English text has none and is not
/// searched.
fn chinese_self_reference(text: &str) -> Vec<usize> {
    static MARKS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
        ["本研究", "本文", "目的", "方法", "本院", "我院"]
            .iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
            .collect()
    });
    if text.is_ascii() {
        return Vec::new();
    }
    MARKS
        .iter()
        .flat_map(|m| m.find_iter(text.as_bytes()))
        .collect()
}

/// The design: a named design the text claims for itself (in the title, or
/// in a sentence about "this"/"we"/"our" work), a review when it calls
/// itself one, else a case report or series from the patient count.
pub fn design(
    title: Option<&str>,
    prose: &Prose,
    n_patients: Option<u32>,
    vocab: &Vocab,
) -> Option<String> {
    // Sentences that speak of this work: "this"/"we"/"our", its aim, or
    // what was done ("A meta-analysis was conducted", "were randomly
    // assigned"). Others may name designs of the work they cite.
    static SELF_REFERENCE: LazyLock<Words> = LazyLock::new(|| {
        Words::whole(&[
            "this",
            "we",
            "our",
            "present",
            "current",
            "here",
            "purpose",
            "aim",
            "aims",
            "objective",
            "was conducted",
            "were conducted",
            "was performed",
            "was undertaken",
            "were searched",
            "were randomly",
            "were randomized",
            "were randomised",
            "were enrolled",
            "were included",
        ])
    });
    // What the title claims comes first: "... in pemphigus: a case report
    // and review of the literature" is a case report.
    let in_title = vocab.design_cues_in(title.unwrap_or_default());
    let mut claimed = 0;
    let own = prose.flag_sentences(
        SELF_REFERENCE
            .starts(&prose.lower)
            .chain(chinese_self_reference(&prose.text)),
    );
    // A study that names itself a kind of work this vocabulary does not
    // tell apart ("this trial", "our analysis") is no case series for its
    // count alone.
    static KINDS_OF_WORK: LazyLock<Words> =
        LazyLock::new(|| Words::whole(&["trial", "trials", "survey", "registry", "guideline"]));
    let mut names_its_kind = KINDS_OF_WORK.any_in(&title.unwrap_or_default().to_lowercase());
    // "The present review provides evidence ... from nine randomized
    // controlled trials": a review names the designs of what it reviews.
    static REVIEW_ITSELF: LazyLock<Words> = LazyLock::new(|| {
        Words::whole(&[
            "this review",
            "present review",
            "current review",
            "our review",
            "this narrative review",
            "this article reviews",
            "this paper reviews",
        ])
    });
    let reviews: u64 = vocab
        .designs
        .iter()
        .enumerate()
        .filter(|(_, d)| crate::model::is_secondary_design(&d.name))
        .fold(0, |set, (i, _)| set | 1 << i.min(63));
    // A sentence under a Methods or Design label, or a short one that names
    // a design and says nothing of it ("Prospective observational cohort
    // study at 22 centres.", not "A previous trial showed benefit."), states
    // this study's design too.
    let states_design = |lower: &str| {
        let lower = lower.trim_start();
        [
            "methods",
            "design",
            "study design",
            "materials and methods",
            "patients and methods",
        ]
        .iter()
        .any(|label| {
            lower.starts_with(label)
                && !lower
                    .as_bytes()
                    .get(label.len())
                    .is_some_and(u8::is_ascii_alphabetic)
        }) || (word_count_upto(lower, 13) <= 12 && !super::title::VERBS.any_in(lower))
    };
    // The word sets are found in one scan of the whole text each; the
    // design automaton, slower per byte, reads only the sentences that
    // speak of this study.
    let kinds = prose.flag_sentences(KINDS_OF_WORK.starts(&prose.lower));
    let reviewing = prose.flag_sentences(REVIEW_ITSELF.starts(&prose.lower));
    for (k, (sentence, lower)) in prose.sentences().enumerate() {
        names_its_kind |= own[k] && kinds[k];
        if own[k] || states_design(lower) {
            let named = vocab.design_cues_in(sentence);
            claimed |= if reviewing[k] { named & reviews } else { named };
        }
    }
    let retrospective = vocab.retrospective_cues.any_in(&prose.lower);
    let pick = |claimed: u64, weak: bool| {
        vocab
            .designs
            .iter()
            .enumerate()
            .find(|&(i, d)| d.weak == weak && claimed & (1 << i.min(63)) != 0)
            .map(|(_, d)| d.name.clone())
    };
    let named = pick(in_title, false).or_else(|| pick(claimed | in_title, false));
    let from_count = || match n_patients.filter(|_| !names_its_kind) {
        Some(1) => Some("case report".to_string()),
        Some(n) if n >= 2 => Some("case series".to_string()),
        _ => None,
    };
    let weak = || pick(claimed | in_title, true);
    let design = named.or_else(from_count).or_else(weak)?;
    let takes_prefix = matches!(design.as_str(), "case series" | "cohort study");
    Some(
        if retrospective && takes_prefix && !design.starts_with("retrospective") {
            format!("retrospective {design}")
        } else {
            design
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> Option<u32> {
        patients(&Prose::new(text.into()), &[], Vocab::builtin())
    }

    fn design_of(text: &str, n: Option<u32>) -> Option<String> {
        design(None, &Prose::new(text.into()), n, Vocab::builtin())
    }

    #[test]
    fn counts_in_compound_words_and_n_equals() {
        assert_eq!(
            n("Forty-two patients with alopecia areata were included."),
            Some(42)
        );
        assert_eq!(
            n("Twenty-three patients were included (15 women and 8 men)."),
            Some(23)
        );
        assert_eq!(
            n("We reviewed pediatric patients (n = 17) treated with tofacitinib."),
            Some(17)
        );
    }

    #[test]
    fn reviewing_records_is_no_review() {
        // "We reviewed" the charts of a series; "we review" the literature.
        assert_eq!(
            design_of(
                "We reviewed the records of 17 children treated with tofacitinib.",
                Some(17)
            ),
            Some("case series".into())
        );
        assert_eq!(
            design_of(
                "In this article we review JAK inhibitors in alopecia.",
                None
            ),
            Some("review".into())
        );
    }

    #[test]
    fn the_population_beats_subgroups_and_samples() {
        assert_eq!(
            n(
                "This was a retrospective case series of 4 patients treated with tofacitinib. Biopsy specimens from a total of 12 patients with EM were studied. In 1 patient, skin was sampled. Marked improvement was noted in all 4 patients."
            ),
            Some(4)
        );
        assert_eq!(
            n(
                "Six patients who received tofacitinib were included in the study. Calcinosis in 5 cases, weakness in 3 cases. Pamidronate was used in 4 cases. IVIG in 4 cases. Five cases had been treated with it."
            ),
            Some(6)
        );
        assert_eq!(
            n(
                "This study focuses on three cases of patients who experienced granuloma. All three cases recovered."
            ),
            Some(3)
        );
    }

    #[test]
    fn tokens_are_words_with_their_offsets() {
        // The character-by-character reading the tokenizer must agree with.
        fn by_char(sentence: &str) -> Vec<(usize, &str)> {
            let mut out = Vec::new();
            let mut start = None;
            for (i, c) in sentence.char_indices() {
                match (c.is_alphanumeric() || c == '\'', start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        out.push((s, &sentence[s..i]));
                        start = None;
                    }
                    _ => {}
                }
            }
            if let Some(s) = start {
                out.push((s, &sentence[s..]));
            }
            out
        }
        let pieces = [
            "Twelve",
            " ",
            "patients'",
            "(n=4)",
            "-",
            "患者",
            "例",
            "é",
            "–",
            "Ⅻ",
            "12",
            "，",
            "abcdefghij",
            "x",
        ];
        for n in 0..400usize {
            let sentence: String = (0..n % 23)
                .map(|k| pieces[(k * 7 + n * 3) % pieces.len()])
                .collect();
            assert_eq!(tokenize(&sentence), by_char(&sentence), "{sentence:?}");
        }
    }

    #[test]
    fn single_patients_are_case_reports() {
        assert_eq!(
            n("A 58-year-old woman presented with generalized granuloma annulare."),
            Some(1)
        );
        assert_eq!(n("A 40-year-old man was admitted with a rash."), Some(1));
        // The reporting word must be in the sentence that describes the
        // patient.
        assert_eq!(
            n("We reviewed the records. A 40-year-old man had a rash."),
            None
        );
        assert_eq!(
            n("Of the 12 patients included, 9 were women. Responses were seen in 10 patients."),
            Some(12)
        );
    }

    #[test]
    fn no_count_is_no_count() {
        assert_eq!(
            n("JAK inhibitors were discussed for psoriasis in 2024."),
            None
        );
        assert_eq!(
            patients(
                &Prose::new(String::new()),
                &["本研究纳入 3 例患者。".into()],
                Vocab::builtin()
            ),
            Some(3)
        );
    }

    #[test]
    fn one_patient_by_age_and_sex() {
        assert_eq!(
            n("We describe a case of a 72‐year‐old man treated with steroids."),
            Some(1)
        );
        assert_eq!(n("An 8-year-old girl presented with fever."), Some(1));
        assert_eq!(n("A 70‐year‐old male presented with diarrhoea."), Some(1));
        assert_eq!(n("Patients aged 18 years or older were included."), None);
    }

    #[test]
    fn thousands_and_wholes() {
        assert_eq!(
            n("Advice was given to 7,027 patients who were followed."),
            Some(7027)
        );
        assert_eq!(
            n("A cohort of 16 969 beneficiaries was studied."),
            Some(16969)
        );
        assert_eq!(
            n("Of 2,684 patients included, 476 (17.7%) had HER2-positive disease."),
            Some(2684)
        );
        assert_eq!(
            n("Out of 39 patients, two patients discontinued treatment."),
            Some(39)
        );
        assert_eq!(
            n("England and Wales, 1990–2017. **Participants** Cohort aged 60."),
            None
        );
    }

    #[test]
    fn chinese_counts_with_thousands_set_apart() {
        assert_eq!(
            patients(
                &Prose::new(String::new()),
                &["回顾性分析1 241例非小细胞肺癌患者资料。".into()],
                Vocab::builtin()
            ),
            Some(1241)
        );
    }

    #[test]
    fn the_enrolled_are_counted_not_the_screened() {
        assert_eq!(n("Of 96 adolescents screened, 84 were enrolled."), Some(84));
        assert_eq!(
            n("25 patients were screened and 20 patients were enrolled."),
            Some(20)
        );
    }

    #[test]
    fn designs_read_as_written() {
        let titled = |title: &str, text: &str, n| {
            design(Some(title), &Prose::new(text.into()), n, Vocab::builtin())
        };
        assert_eq!(
            titled(
                "Abrocitinib in Alopecia: A Nonrandomized Controlled Trial",
                "",
                Some(40)
            )
            .as_deref(),
            Some("non-randomized trial")
        );
        assert_eq!(
            titled(
                "Genome-wide association study of psoriasis",
                "We studied 1796 people.",
                Some(1796)
            )
            .as_deref(),
            Some("genetic association study")
        );
        // The title's claim beats the sentences'.
        assert_eq!(
            titled(
                "Rituximab in pemphigus: a case report",
                "We searched PubMed for randomized controlled trials.",
                Some(1)
            )
            .as_deref(),
            Some("case report")
        );
        // What was done, said in the passive, is a claim of this study.
        assert_eq!(
            design_of("A systematic review and meta-analysis was conducted.", None).as_deref(),
            Some("meta-analysis")
        );
        assert_eq!(
            design_of(
                "Children were randomly assigned to amoxicillin or placebo.",
                Some(240)
            )
            .as_deref(),
            Some("randomized controlled trial")
        );
        // A review names the designs of the studies it reviews.
        assert_eq!(
            design_of(
                "The present review provides evidence on secukinumab from nine randomized controlled phase III trials.",
                None
            )
            .as_deref(),
            Some("review")
        );
        // The Chinese abstract's aim and methods say what the study is.
        assert_eq!(
            design_of("目的:系統評價利妥昔單抗與肺炎發生的相關性。", None).as_deref(),
            Some("systematic review")
        );
        assert_eq!(
            design_of(
                "方法:将82例患者采用随机数表法分为对照组与观察组。",
                Some(82)
            )
            .as_deref(),
            Some("randomized controlled trial")
        );
        // A review of records is no review.
        assert_eq!(
            design_of(
                "The present study was a retrospective one, wherein a review of the medical records of 39 patients was conducted.",
                Some(39)
            )
            .as_deref(),
            Some("retrospective case series")
        );
        // A design named in a sentence of its own is this study's.
        assert_eq!(
            design_of(
                "Prospective observational cohort study at 22 centres. 300 patients received vedolizumab.",
                Some(300)
            )
            .as_deref(),
            Some("cohort study")
        );
        // A count never makes a series of a study that says it is another
        // kind of work; a trial that says nothing of randomisation is not
        // randomised.
        assert_eq!(
            design_of("In this survey, 8 patients answered.", Some(8)).as_deref(),
            None
        );
        assert_eq!(
            design_of("In this trial, 8 patients received IVIG.", Some(8)).as_deref(),
            Some("non-randomized trial")
        );
    }

    #[test]
    fn designs_follow_claims_then_counts() {
        assert_eq!(
            design_of("This was a retrospective case series.", Some(4)).as_deref(),
            Some("retrospective case series")
        );
        assert_eq!(
            design_of("Three cases. A literature review was conducted.", Some(3)).as_deref(),
            Some("case series")
        );
        assert_eq!(
            design_of(
                "Here we report 5 patients and review the literature.",
                Some(5)
            )
            .as_deref(),
            Some("case series")
        );
        assert_eq!(
            design_of(
                "In this review, we summarize trials of 1686 patients.",
                Some(1686)
            )
            .as_deref(),
            Some("review")
        );
        assert_eq!(
            design_of("This article focuses on JAK inhibitors.", None).as_deref(),
            Some("review")
        );
        assert_eq!(
            design_of(
                "A previous randomized controlled trial showed benefit.",
                Some(2)
            )
            .as_deref(),
            Some("case series")
        );
        assert_eq!(
            design_of("We report a case of vitiligo.", Some(1)).as_deref(),
            Some("case report")
        );
    }
}
