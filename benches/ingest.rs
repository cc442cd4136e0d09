//! Parse throughput on a corpus generated from the seeds: each seed with its
//! drug names, numbers and order of paragraphs varied so the corpus is not
//! five files over and over.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use studyterm::ingest::ingest_bytes;
use studyterm::seeds::SEEDS;

const DRUGS: [&str; 6] = [
    "tofacitinib",
    "baricitinib",
    "upadacitinib",
    "ruxolitinib",
    "abrocitinib",
    "Olumiant",
];

fn corpus(copies: usize) -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    for i in 0..copies {
        for (_, bytes) in SEEDS {
            let text = String::from_utf8_lossy(bytes);
            let varied = text
                .replace("tofacitinib", DRUGS[i % DRUGS.len()])
                .replace(" 4 ", &format!(" {} ", 2 + i % 40))
                .replace("2024", &format!("{}", 2000 + i % 26));
            files.push(varied.into_bytes());
        }
    }
    files
}

fn parse_throughput(c: &mut Criterion) {
    let files = corpus(40);
    let bytes: usize = files.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(format!("{} files, {} KB", files.len(), bytes / 1024), |b| {
        b.iter(|| {
            for (i, file) in files.iter().enumerate() {
                let studies = ingest_bytes("bench", "bench", file);
                std::hint::black_box((i, studies.ok()));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, parse_throughput);
criterion_main!(benches);
