//! The command line: `studyterm [PATH...]` and its subcommands.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::ingest;
use crate::model::Corpus;

#[derive(Debug, Parser)]
#[command(
    name = "studyterm",
    version,
    about = "A terminal browser for clinical study abstracts"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse study files and print the records.
    Parse {
        /// Files or folders (walked recursively); none means the bundled seeds.
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = RecordFormat::Json)]
        format: RecordFormat,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RecordFormat {
    /// One pretty-printed JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("studyterm: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Parse { paths, format }) => parse(&paths, format),
        None => parse(&[], RecordFormat::Json),
    }
}

/// Loads the paths, or the bundled seeds when there are none.
pub fn load(paths: &[PathBuf]) -> Corpus {
    if paths.is_empty() {
        ingest::load_seeds()
    } else {
        ingest::load_paths(paths)
    }
}

/// Prints each diagnostic on stderr; the exit code says whether anything
/// loaded at all.
fn report(corpus: &Corpus) -> ExitCode {
    for d in &corpus.diagnostics {
        eprintln!("studyterm: {d}");
    }
    if corpus.is_empty() && !corpus.diagnostics.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn parse(paths: &[PathBuf], format: RecordFormat) -> anyhow::Result<ExitCode> {
    let corpus = load(paths);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        RecordFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &corpus.studies)?;
            writeln!(out)?;
        }
        RecordFormat::Jsonl => {
            for study in &corpus.studies {
                serde_json::to_writer(&mut out, study)?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(report(&corpus))
}
