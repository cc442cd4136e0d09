//! Scores the parser on real pages: the facts checked by hand in
//! `eval/pages/facts.jsonl` against what studyterm reads from each page's text.
//!
//! ```sh
//! cargo run --release --example score_pages -- DIR            # the tables
//! cargo run --release --example score_pages -- DIR --misses   # and every wrong field
//! ```
//!
//! `DIR` holds the page texts as `<id>.txt` (rebuilt from `eval/pages/manifest.tsv`;
//! the texts are third-party and not in the repository). `--facts FILE` reads
//! another facts file; `--family NAME` scores one site family.
//!
//! How a field counts as right (`eval/pages/README.md` says why):
//! - title, journal: equal after folding case, punctuation and spaces (a journal may
//!   list several accepted forms); a page with no title is right when the record
//!   marks its title as composed;
//! - year, doi, pmid, pmcid, n_patients, has_chinese: equal (null is a value);
//! - design: equal, or one of `design_ok`, after dropping a "retrospective" or
//!   "prospective" prefix;
//! - drugs: every studied drug found, the first drug listed is a studied one, and no
//!   drug listed that the text does not name;
//! - drugs are compared by the lexicon's name (`ciclosporin` is `cyclosporine`);
//! - conditions: the main one found (one name may hold the other), and the first
//!   listed is one the page is about.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Parser;
use serde::Deserialize;
use studyterm::ingest::ingest_bytes;
use studyterm::lexicon::{Kind, Lexicon};
use studyterm::model::Study;

#[derive(Parser)]
#[command(about = "Score studyterm's page reader against hand-checked facts")]
struct Args {
    /// Folder of page texts, `<id>.txt`.
    dir: PathBuf,
    /// The hand-checked facts, one JSON object per line.
    #[arg(long, default_value = "eval/pages/facts.jsonl")]
    facts: PathBuf,
    /// Print every wrong field with the expected and the read value.
    #[arg(long)]
    misses: bool,
    /// Score only this site family.
    #[arg(long)]
    family: Option<String>,
}

/// One page's hand-checked facts (see `eval/pages/README.md`).
#[derive(Debug, Deserialize)]
struct Facts {
    id: String,
    family: String,
    title: Option<String>,
    journal: Option<Vec<String>>,
    year: Option<i32>,
    doi: Option<String>,
    pmid: Option<String>,
    pmcid: Option<String>,
    design: Option<String>,
    #[serde(default)]
    design_ok: Vec<Option<String>>,
    n_patients: Option<u32>,
    drugs: Vec<String>,
    #[serde(default)]
    drugs_other: Vec<String>,
    conditions: Vec<String>,
    has_chinese: bool,
}

const FIELDS: [&str; 11] = [
    "title",
    "journal",
    "year",
    "doi",
    "pmid",
    "pmcid",
    "design",
    "n_patients",
    "drugs",
    "conditions",
    "has_chinese",
];

/// Right and checked counts.
#[derive(Default, Clone, Copy)]
struct Tally {
    right: usize,
    checked: usize,
}

impl Tally {
    fn add(&mut self, right: bool) {
        self.checked += 1;
        self.right += usize::from(right);
    }

    fn percent(self) -> f64 {
        if self.checked == 0 {
            return 100.0;
        }
        100.0 * self.right as f64 / self.checked as f64
    }
}

fn main() -> Result<()> {
    let args = Args::parse();
    let facts = read_facts(&args.facts)?;
    let mut by_field: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut by_family: BTreeMap<String, (usize, Tally)> = BTreeMap::new();
    let mut total = Tally::default();
    let mut missing = Vec::new();
    for page in facts
        .iter()
        .filter(|f| args.family.as_ref().is_none_or(|fam| &f.family == fam))
    {
        let path = args.dir.join(format!("{}.txt", page.id));
        let Ok(bytes) = std::fs::read(&path) else {
            missing.push(page.id.clone());
            continue;
        };
        let study = ingest_bytes(&page.id, &path.to_string_lossy(), &bytes)
            .ok()
            .and_then(|studies| studies.into_iter().next());
        let family = by_family.entry(page.family.clone()).or_default();
        family.0 += 1;
        for field in FIELDS {
            let (right, expected, got) = match &study {
                Some(study) => check(field, page, study),
                None => (false, String::from("a study"), String::from("no study")),
            };
            by_field.entry(field).or_default().add(right);
            family.1.add(right);
            total.add(right);
            if !right && args.misses {
                println!(
                    "{:<16} {:<12} want {expected}\n{:<29} got  {got}",
                    page.id, field, ""
                );
            }
        }
    }
    if !missing.is_empty() {
        eprintln!(
            "{} pages have no text in {}: {}",
            missing.len(),
            args.dir.display(),
            missing.join(", ")
        );
    }
    if total.checked == 0 {
        bail!("no page scored");
    }
    println!("\n{:<14} {:>7} {:>9}", "field", "right", "checked");
    for (field, tally) in &by_field {
        println!("{field:<14} {:>6.1}% {:>9}", tally.percent(), tally.checked);
    }
    println!(
        "\n{:<14} {:>6} {:>7} {:>9}",
        "family", "pages", "right", "checked"
    );
    for (family, (pages, tally)) in &by_family {
        println!(
            "{family:<14} {pages:>6} {:>6.1}% {:>9}",
            tally.percent(),
            tally.checked
        );
    }
    println!(
        "\noverall: {:.1}% of {} fields on {} pages",
        total.percent(),
        total.checked,
        by_family.values().map(|(pages, _)| pages).sum::<usize>()
    );
    Ok(())
}

fn read_facts(path: &Path) -> Result<Vec<Facts>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), i + 1))
        })
        .collect()
}

/// Whether the record's field is right, with both values for the report.
fn check(field: &str, want: &Facts, got: &Study) -> (bool, String, String) {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "null".into());
    let shown = |v: Option<&str>| v.map_or_else(|| "null".into(), str::to_owned);
    match field {
        "title" => {
            let right = match &want.title {
                Some(title) => !got.title_derived && fold(title) == fold(&got.title),
                None => got.title_derived || got.title.is_empty(),
            };
            let got_title = if got.title_derived {
                format!("(composed) {}", got.title)
            } else {
                got.title.to_string()
            };
            (right, opt(&want.title), got_title)
        }
        "journal" => {
            let got_journal = got.journal.as_deref();
            let right = match (&want.journal, got_journal) {
                (None, None) => true,
                (Some(forms), Some(journal)) => forms.iter().any(|f| fold(f) == fold(journal)),
                _ => false,
            };
            let want_journal = want
                .journal
                .as_ref()
                .map_or("null".into(), |f| f.join(" | "));
            (right, want_journal, shown(got_journal))
        }
        "year" => (
            want.year == got.year,
            format!("{:?}", want.year),
            format!("{:?}", got.year),
        ),
        "doi" => {
            let fold_doi = |d: &str| d.trim().to_lowercase();
            let right = want.doi.as_deref().map(fold_doi) == got.doi.as_deref().map(fold_doi);
            (right, opt(&want.doi), shown(got.doi.as_deref()))
        }
        "pmid" => (
            want.pmid.as_deref() == got.pmid.as_deref(),
            opt(&want.pmid),
            shown(got.pmid.as_deref()),
        ),
        "pmcid" => (
            want.pmcid.as_deref() == got.pmcid.as_deref(),
            opt(&want.pmcid),
            shown(got.pmcid.as_deref()),
        ),
        "design" => {
            let base = |d: Option<&str>| d.map(|d| strip_timing(d).to_owned());
            let got_design = base(got.design.as_deref());
            let right = std::iter::once(&want.design)
                .chain(&want.design_ok)
                .any(|d| base(d.as_deref()) == got_design);
            (right, opt(&want.design), shown(got.design.as_deref()))
        }
        "n_patients" => (
            want.n_patients == got.n_patients,
            format!("{:?}", want.n_patients),
            format!("{:?}", got.n_patients),
        ),
        "drugs" => {
            let listed: Vec<&str> = got.drugs.iter().map(|d| &**d).collect();
            let studied: Vec<String> = want.drugs.iter().map(|d| canonical(d)).collect();
            let others: Vec<String> = want.drugs_other.iter().map(|d| canonical(d)).collect();
            let named = |d: &str| studied.iter().chain(&others).any(|w| w == d);
            let right = studied.iter().all(|d| listed.contains(&d.as_str()))
                && listed.iter().all(|d| named(d))
                && listed
                    .first()
                    .is_none_or(|first| studied.iter().any(|d| d == first) || studied.is_empty());
            let want_drugs = format!("{:?} (also named: {:?})", want.drugs, want.drugs_other);
            (right, want_drugs, format!("{listed:?}"))
        }
        "conditions" => {
            let listed: Vec<String> = got.conditions.iter().map(|c| fold(c)).collect();
            let wanted: Vec<String> = want.conditions.iter().map(|c| fold(c)).collect();
            let same = |a: &str, b: &str| a.contains(b) || b.contains(a);
            // The main condition is found, and the first one listed (the
            // evidence table's cell) is one the page is about.
            let right = match (wanted.first(), listed.first()) {
                (Some(main), Some(first)) => {
                    listed.iter().any(|l| same(main, l)) && wanted.iter().any(|w| same(w, first))
                }
                (None, None) => true,
                _ => false,
            };
            (
                right,
                format!("{:?}", want.conditions),
                format!("{:?}", got.conditions),
            )
        }
        "has_chinese" => {
            let has = !got.chinese.is_empty();
            (
                has == want.has_chinese,
                want.has_chinese.to_string(),
                has.to_string(),
            )
        }
        _ => unreachable!("a field of FIELDS"),
    }
}

/// The lexicon's name for a drug written by another of its names
/// (`ciclosporin` is `cyclosporine`); a name it does not know, as written.
fn canonical(name: &str) -> String {
    let lexicon = Lexicon::builtin();
    let name = name.to_lowercase();
    lexicon
        .mentions(&name)
        .iter()
        .find(|m| m.kind == Kind::Drug && m.start == 0 && m.end == name.len())
        .map_or(name.clone(), |m| lexicon.drugs[m.entry].name.clone())
}

/// A design without the timing prefix the record may add ("retrospective case
/// series" is a case series for scoring).
fn strip_timing(design: &str) -> &str {
    design
        .strip_prefix("retrospective ")
        .or_else(|| design.strip_prefix("prospective "))
        .unwrap_or(design)
}

/// Lower case, letters and digits only, single spaces: titles and journal names
/// compare equal whatever their punctuation, dashes, quotes and case.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}
