//! studyterm: a terminal browser for clinical study abstracts.
//!
//! Dependencies point one way: `model` <- `ingest`, `search` <- `cli`. The domain
//! modules never touch the terminal.

/// A regex compiled once, on first use.
macro_rules! regex {
    ($re:literal $(,)?) => {{
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        // Compiled once however often it runs, so loops are fine.
        #[allow(clippy::regex_creation_in_loops)]
        let re = RE.get_or_init(|| regex::Regex::new($re).expect("static regex is valid")); // ok: a literal, compiled by the tests

        re
    }};
}

pub mod app;
pub mod cli;
pub mod evidence;
pub mod export;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod search;
pub mod seeds;
mod swar;
pub mod trie;
pub mod tui;
pub mod ui;
pub mod vocab;
