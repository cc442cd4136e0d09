//! The command line: `studyterm [PATH...]` and its subcommands.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use std::io::IsTerminal;

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use crate::ingest;
use crate::model::{Corpus, Study};
use crate::search::{self, SearchIndex};

/// Exit code for a query that cannot be read.
const BAD_QUERY: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "studyterm",
    version,
    about = "A terminal browser for clinical study abstracts",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders to browse; none means the bundled seeds.
    pub paths: Vec<PathBuf>,
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
    /// List the studies matching a query, best first.
    List {
        /// Files or folders; none means the bundled seeds.
        paths: Vec<PathBuf>,
        /// A query: words, 'exact, ^prefix, suffix$, !not, a | b, and fields
        /// drug: cond: design: journal: year: n: lang: ae: title: kw: text:
        #[arg(long, short = 'f', default_value = "")]
        filter: String,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Print load, parse and query times to stderr.
        #[arg(long)]
        timings: bool,
    },
    /// Export the studies matching a query.
    Export {
        /// Files or folders; none means the bundled seeds.
        paths: Vec<PathBuf>,
        /// A query, as for `list`.
        #[arg(long, short = 'f', default_value = "")]
        filter: String,
        #[arg(long, value_enum)]
        format: crate::export::Format,
        /// Write here (atomically) instead of stdout.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns: id, year, design, n, title.
    Table,
    /// The matching records as a JSON array.
    Json,
    /// One id per line.
    Ids,
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
        Some(Command::List {
            paths,
            filter,
            format,
            timings,
        }) => list(&paths, &filter, format, timings),
        Some(Command::Export {
            paths,
            filter,
            format,
            output,
        }) => export(&paths, &filter, format, output.as_deref()),
        None => {
            let source = source_label(&cli.paths);
            if cli.paths.is_empty() {
                crate::tui::run(crate::app::App::new(ingest::load_seeds(), source), None)?;
            } else {
                // The window comes up at once; studies stream in.
                let loader = crate::tui::spawn_loader(cli.paths);
                let mut app = crate::app::App::new(Corpus::default(), source);
                app.loading = Some((0, 0));
                crate::tui::run(app, Some(loader))?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// How the header names what was loaded.
fn source_label(paths: &[PathBuf]) -> String {
    match paths {
        [] => "seeds/".to_string(),
        [one] => one.display().to_string(),
        [first, rest @ ..] => format!("{} +{}", first.display(), rest.len()),
    }
}

/// Loads the paths, or the bundled seeds when there are none, with a
/// progress bar on stderr (hidden when stderr is not a terminal).
pub fn load(paths: &[PathBuf]) -> Corpus {
    if paths.is_empty() {
        return ingest::load_seeds();
    }
    let (files, walk_problems) = ingest::collect_paths(paths);
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new(files.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} files · {per_sec} · {eta} left")
    {
        bar.set_style(style);
    }
    let mut corpus = ingest::parse_files(&files, &|n| bar.inc(n as u64));
    bar.finish_and_clear();
    corpus.diagnostics.splice(0..0, walk_problems);
    ingest::finish(corpus)
}

/// Prints each diagnostic on stderr; the exit code says whether anything
/// loaded at all. The corpus is not freed: the process ends next, and
/// freeing 100k studies one allocation at a time takes a quarter second.
fn report(corpus: Corpus) -> ExitCode {
    for d in &corpus.diagnostics {
        eprintln!("studyterm: {d}");
    }
    if !corpus.diagnostics.is_empty() {
        eprintln!(
            "studyterm: {} studies loaded; {} file(s) or record(s) could not be read (listed above)",
            corpus.studies.len(),
            corpus.diagnostics.len()
        );
    }
    let code = if corpus.is_empty() && !corpus.diagnostics.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    };
    std::mem::forget(corpus);
    code
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
    Ok(report(corpus))
}

/// The query, or the one-line error for a bad one.
fn parse_filter(filter: &str) -> Result<search::Query, ExitCode> {
    search::parse(filter).map_err(|e| {
        eprintln!("studyterm: {e}");
        ExitCode::from(BAD_QUERY)
    })
}

fn export(
    paths: &[PathBuf],
    filter: &str,
    format: crate::export::Format,
    output: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    let query = match parse_filter(filter) {
        Ok(query) => query,
        Err(code) => return Ok(code),
    };
    let corpus = load(paths);
    let index = SearchIndex::new(&corpus.studies);
    let studies: Vec<&Study> = index
        .search(&corpus.studies, &query)
        .iter()
        .map(|h| &corpus.studies[h.index])
        .collect();
    let bytes = crate::export::render(&studies, format)?;
    match output {
        Some(path) => {
            crate::export::write_atomic(path, &bytes)
                .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
            eprintln!(
                "studyterm: {} studies written to {}",
                studies.len(),
                path.display()
            );
        }
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    Ok(report(corpus))
}

fn list(
    paths: &[PathBuf],
    filter: &str,
    format: ListFormat,
    timings: bool,
) -> anyhow::Result<ExitCode> {
    let query = match parse_filter(filter) {
        Ok(query) => query,
        Err(code) => return Ok(code),
    };
    let started = std::time::Instant::now();
    let corpus = load(paths);
    let loaded = started.elapsed();
    let index = SearchIndex::new(&corpus.studies);
    let indexed = started.elapsed();
    let hits = index.search(&corpus.studies, &query);
    let searched = started.elapsed();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let studies = hits.iter().map(|h| &corpus.studies[h.index]);
    match format {
        ListFormat::Ids => {
            for study in studies {
                writeln!(out, "{}", study.id)?;
            }
        }
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &studies.collect::<Vec<_>>())?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            for study in studies {
                writeln!(out, "{}", table_row(study))?;
            }
        }
    }
    out.flush()?;
    if timings {
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        eprintln!(
            "studyterm: {} studies ({} unreadable); load+parse {:.1} ms, index {:.1} ms, query {:.2} ms, {} matches",
            corpus.studies.len(),
            corpus.diagnostics.len(),
            ms(loaded),
            ms(indexed - loaded),
            ms(searched - indexed),
            hits.len()
        );
    }
    Ok(report(corpus))
}

/// `id  year  design  n  title` for the table format.
fn table_row(study: &Study) -> String {
    let year = study.year.map_or("-".to_string(), |y| y.to_string());
    let n = study.n_patients.map_or("-".to_string(), |n| n.to_string());
    format!(
        "{:<24} {:>4}  {:<26} {:>5}  {}",
        study.id,
        year,
        study.design.as_deref().unwrap_or("-"),
        n,
        study.title
    )
}
