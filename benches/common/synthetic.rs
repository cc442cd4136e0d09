//! Synthetic studies for the benchmarks: deterministic, varied drugs,
//! conditions, designs and years, list lines of about 150 bytes.

use studyterm::model::Study;

const DRUGS: &[&str] = &[
    "tofacitinib",
    "baricitinib",
    "upadacitinib",
    "ruxolitinib",
    "abrocitinib",
    "deucravacitinib",
    "ritlecitinib",
    "filgotinib",
    "methotrexate",
    "cyclosporine",
    "dupilumab",
    "adalimumab",
    "secukinumab",
    "apremilast",
    "glucocorticoids",
    "rituximab",
];
const CONDITIONS: &[&str] = &[
    "psoriasis",
    "atopic dermatitis",
    "alopecia areata",
    "vitiligo",
    "dermatomyositis",
    "palmoplantar pustulosis",
    "hidradenitis suppurativa",
    "lichen planus",
    "granuloma annulare",
    "sarcoidosis",
    "erythema multiforme",
    "pyoderma gangrenosum",
    "chronic urticaria",
    "bullous pemphigoid",
    "morphea",
    "prurigo nodularis",
    "lupus erythematosus",
    "rheumatoid arthritis",
];
const DESIGNS: &[&str] = &[
    "case report",
    "case series",
    "retrospective case series",
    "cohort study",
    "randomized controlled trial",
    "review",
    "systematic review",
];
const JOURNALS: &[&str] = &[
    "J Dermatolog Treat",
    "JAMA Dermatol",
    "Br J Dermatol",
    "J Am Acad Dermatol",
    "Front Immunol",
    "Dermatol Ther",
    "Clin Exp Dermatol",
    "Infect Drug Resist",
];
const WORDS: &[&str] = &[
    "refractory",
    "efficacy",
    "safety",
    "treatment",
    "successful",
    "real-world",
    "pediatric",
    "severe",
    "recalcitrant",
    "long-term",
    "outcomes",
    "experience",
];

/// Deterministic studies with list lines of about 150 bytes.
pub fn corpus(n: usize) -> Vec<Study> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    (0..n)
        .map(|i| {
            let drug = DRUGS[next(DRUGS.len())];
            let second = DRUGS[next(DRUGS.len())];
            let condition = CONDITIONS[next(CONDITIONS.len())];
            let design = DESIGNS[next(DESIGNS.len())];
            let title = format!(
                "{} {} of {} for {} {}: a {}",
                WORDS[next(WORDS.len())],
                WORDS[next(WORDS.len())],
                drug,
                WORDS[next(WORDS.len())],
                condition,
                design
            );
            Study {
                id: format!("s{i}").into(),
                title: title.into(),
                drugs: vec![drug.into(), second.into()],
                conditions: vec![condition.into()],
                keywords: vec![condition.into(), drug.into()],
                design: Some(design.into()),
                journal: Some(JOURNALS[next(JOURNALS.len())].into()),
                year: Some(2000 + next(26) as i32),
                n_patients: Some(1 + next(300) as u32),
                english: vec!["An abstract.".into()],
                chinese: if next(4) == 0 {
                    vec!["摘要。".into()]
                } else {
                    Vec::new()
                },
                ..Study::default()
            }
        })
        .collect()
}
