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

#[path = "common/synthetic.rs"]
mod synthetic;
use synthetic::corpus;

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
