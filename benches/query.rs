//! Keystroke latency of the query layer at 10k and 100k studies.
//!
//! Each keystroke of `tofacitinib` and `jak psoriasis` runs a full search
//! (parse, resolve against the lexicon, match, rank), as the list filter
//! does. A table of per-keystroke times (median and worst) is printed, with
//! the ratio against one brute-force SkimMatcherV2 pass over the same list
//! lines; criterion then times the whole sequences.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use studyterm::model::Study;
use studyterm::search::{SearchIndex, parse};

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
fn corpus(n: usize) -> Vec<Study> {
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
                id: format!("s{i}"),
                title,
                drugs: vec![drug.to_string(), second.to_string()],
                conditions: vec![condition.to_string()],
                keywords: vec![condition.to_string(), drug.to_string()],
                design: Some(design.to_string()),
                journal: Some(JOURNALS[next(JOURNALS.len())].to_string()),
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

fn list_line(s: &Study) -> String {
    format!(
        "{} {} {} {} {} {}",
        s.year.unwrap_or(0),
        s.title,
        s.drugs.join(" "),
        s.conditions.join(" "),
        s.design.as_deref().unwrap_or(""),
        s.journal.as_deref().unwrap_or("")
    )
}

fn keystrokes(text: &str) -> Vec<String> {
    text.char_indices()
        .map(|(i, c)| text[..i + c.len_utf8()].to_string())
        .filter(|q| !q.ends_with(' '))
        .collect()
}

fn time_once(f: &mut dyn FnMut()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// Median of 7 runs of each keystroke.
fn keystroke_times(index: &SearchIndex, studies: &[Study], text: &str) -> Vec<(String, Duration)> {
    keystrokes(text)
        .into_iter()
        .map(|q| {
            let mut runs: Vec<Duration> = (0..7)
                .map(|_| {
                    time_once(&mut || {
                        let query = parse(&q).expect("valid query");
                        std::hint::black_box(index.search(studies, &query).len());
                    })
                })
                .collect();
            runs.sort();
            (q, runs[runs.len() / 2])
        })
        .collect()
}

fn report(c: &mut Criterion) {
    for n in [10_000, 100_000] {
        let studies = corpus(n);
        let index = SearchIndex::new(&studies);
        let lines: Vec<String> = studies.iter().map(list_line).collect();
        let matcher = SkimMatcherV2::default();
        let mut skim: Vec<Duration> = (0..5)
            .map(|_| {
                time_once(&mut || {
                    let hits = lines
                        .iter()
                        .filter(|l| matcher.fuzzy_match(l, "tofacitinib").is_some())
                        .count();
                    std::hint::black_box(hits);
                })
            })
            .collect();
        skim.sort();
        let skim = skim[skim.len() / 2];
        eprintln!(
            "\n{n} studies; one SkimMatcherV2 pass over the list lines: {:.2} ms",
            skim.as_secs_f64() * 1e3
        );
        for text in ["tofacitinib", "jak psoriasis"] {
            let times = keystroke_times(&index, &studies, text);
            let mut sorted: Vec<Duration> = times.iter().map(|t| t.1).collect();
            sorted.sort();
            let median = sorted[sorted.len() / 2];
            let worst = sorted[sorted.len() - 1];
            let row: Vec<String> = times
                .iter()
                .map(|(q, t)| format!("{q}={:.2}", t.as_secs_f64() * 1e3))
                .collect();
            eprintln!(
                "  {text:?}: median {:.2} ms, worst {:.2} ms per keystroke; SkimMatcherV2 / median = {:.0}x\n    {}",
                median.as_secs_f64() * 1e3,
                worst.as_secs_f64() * 1e3,
                skim.as_secs_f64() / median.as_secs_f64(),
                row.join("  ")
            );
        }
        let mut group = c.benchmark_group(format!("query_{n}"));
        group.sample_size(10);
        for text in ["tofacitinib", "jak psoriasis"] {
            let sequence = keystrokes(text);
            group.bench_function(format!("keystrokes {text:?}"), |b| {
                b.iter(|| {
                    for q in &sequence {
                        let query = parse(q).expect("valid query");
                        std::hint::black_box(index.search(&studies, &query).len());
                    }
                })
            });
        }
        group.bench_function("skim brute force tofacitinib", |b| {
            b.iter(|| {
                lines
                    .iter()
                    .filter(|l| matcher.fuzzy_match(l, "tofacitinib").is_some())
                    .count()
            })
        });
        group.finish();
    }
}

criterion_group!(benches, report);
criterion_main!(benches);
