//! studyterm: a terminal browser for clinical study abstracts.
//!
//! Dependencies point one way: `model` <- `ingest`, `search` <- `cli`. The domain
//! modules never touch the terminal.

pub mod app;
pub mod cli;
pub mod evidence;
pub mod export;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod search;
pub mod seeds;
pub mod tui;
pub mod ui;
pub mod vocab;
