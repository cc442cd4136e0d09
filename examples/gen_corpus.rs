//! Writes a corpus of synthetic study files shaped like the bundled seeds, for
//! benchmarks and soak tests of the parser.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --count 100000 --out /tmp/corpus
//! cargo run --release -- parse /tmp/corpus --format jsonl > /tmp/corpus.jsonl
//! ```
//!
//! Four page shapes: a PubMed abstract paste (affiliation, citation line,
//! unlabelled paragraphs, and for about a quarter of all files a
//! paragraph-by-paragraph Chinese translation), a PubMed web page, a
//! publisher/aggregator page and a conference abstract with its section
//! labels glued to the sentences. Drugs (mostly JAK inhibitors), doses,
//! conditions, designs, patient counts, outcomes and adverse events are drawn
//! from tables below. Output is deterministic for a given `--seed`: every
//! file has its own random stream, so files do not depend on thread timing.
//!
//! `--truth FILE` also writes, one JSON object per line, what each file states
//! (title, year, drugs, conditions, design, number of patients, ...) in the
//! record's vocabulary, to compare with `studyterm parse`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "\
usage: gen_corpus --count N --out DIR [--seed S] [--truth FILE]

Writes N synthetic clinical study files (PubMed pastes, PubMed pages,
publisher pages, conference abstracts; some with a Chinese translation) into
DIR, 1,000 per subfolder: DIR/0000/gen_000001.txt, DIR/0001/gen_001000.txt...
The same seed always gives the same files.

options:
  --count N     number of files, 1 to 9000000
  --out DIR     output folder, created if missing
  --seed S      random seed, an unsigned integer (default 42)
  --truth FILE  also write what each file states (title, year, drugs,
                conditions, design, n_patients...) as JSON lines to FILE
  -h, --help    print this help
";

/// DOIs and PMIDs stay unique up to this many files.
const MAX_COUNT: u64 = 9_000_000;
const PER_FOLDER: u64 = 1000;

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

struct Args {
    count: u64,
    out: PathBuf,
    seed: u64,
    truth: Option<PathBuf>,
}

/// `Ok(None)` means help was asked for.
fn parse_args(args: Vec<OsString>) -> Result<Option<Args>, String> {
    let mut count = None;
    let mut out = None;
    let mut seed = 42u64;
    let mut truth = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let Some(arg) = arg.to_str().map(str::to_string) else {
            return Err(format!(
                "argument `{}` is not valid UTF-8",
                arg.to_string_lossy()
            ));
        };
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_string(), Some(OsString::from(value)))
            }
            _ => (arg.clone(), None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        if !matches!(flag.as_str(), "--count" | "--out" | "--seed" | "--truth") {
            return Err(format!("unknown argument `{arg}`"));
        }
        let value = match inline {
            Some(value) => value,
            None => match args.next() {
                Some(value) if !value.to_string_lossy().starts_with("--") => value,
                _ => return Err(format!("{flag} needs a value")),
            },
        };
        let text = value.to_string_lossy().into_owned();
        if text.is_empty() {
            return Err(format!("{flag} needs a value"));
        }
        match flag.as_str() {
            "--count" => {
                let n: u64 = text
                    .parse()
                    .map_err(|_| format!("--count: `{text}` is not a whole number"))?;
                if n == 0 || n > MAX_COUNT {
                    return Err(format!("--count must be between 1 and {MAX_COUNT}"));
                }
                count = Some(n);
            }
            "--seed" => {
                seed = text
                    .parse()
                    .map_err(|_| format!("--seed: `{text}` is not an unsigned integer"))?;
            }
            "--out" => out = Some(PathBuf::from(value)),
            _ => truth = Some(PathBuf::from(value)),
        }
    }
    let count = count.ok_or("--count is required")?;
    let out = out.ok_or("--out is required")?;
    Ok(Some(Args {
        count,
        out,
        seed,
        truth,
    }))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1).collect()) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("gen_corpus: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gen_corpus: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let start = Instant::now();
    let folders = args.count / PER_FOLDER + 1;
    for folder in 0..folders {
        let dir = args.out.join(format!("{folder:04}"));
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 16) as u64;
    let chunk = args.count.div_ceil(threads);
    let want_truth = args.truth.is_some();
    let results: Vec<Result<Chunk, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let first = 1 + t * chunk;
                let last = ((t + 1) * chunk).min(args.count);
                let out = args.out.as_path();
                let seed = args.seed;
                scope.spawn(move || write_range(out, seed, first, last, want_truth))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a writer thread failed".into()))
            })
            .collect()
    });
    let mut files = 0u64;
    let mut bytes = 0u64;
    let mut truth = String::new();
    for result in results {
        let chunk = result?;
        files += chunk.files;
        bytes += chunk.bytes;
        truth.push_str(&chunk.truth);
    }
    if let Some(path) = &args.truth {
        std::fs::write(path, truth).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let elapsed = start.elapsed().as_secs_f64();
    eprintln!(
        "gen_corpus: {files} files, {bytes} bytes ({:.1} MB, {} bytes per file on average) in {elapsed:.2} s",
        bytes as f64 / 1e6,
        bytes / files.max(1)
    );
    Ok(())
}

#[derive(Default)]
struct Chunk {
    files: u64,
    bytes: u64,
    truth: String,
}

fn write_range(
    out: &Path,
    seed: u64,
    first: u64,
    last: u64,
    want_truth: bool,
) -> Result<Chunk, String> {
    let mut chunk = Chunk::default();
    let mut path = PathBuf::new();
    for index in first..=last {
        let generated = generate(seed, index);
        path.clear();
        path.push(out);
        path.push(format!("{:04}", index / PER_FOLDER));
        path.push(format!("gen_{index:06}.txt"));
        std::fs::write(&path, &generated.text)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        chunk.files += 1;
        chunk.bytes += generated.text.len() as u64;
        if want_truth {
            chunk.truth.push_str(&generated.truth_json(index));
            chunk.truth.push('\n');
        }
    }
    Ok(chunk)
}

// ---------------------------------------------------------------------------
// Random numbers: splitmix64, one stream per file
// ---------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn for_file(seed: u64, index: u64) -> Self {
        let mut rng = Rng(seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next_u64();
        rng
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (n below 2^32).
    fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// lo..=hi.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// An index into `weights`, drawn in proportion to them.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut roll = self.below(total as usize) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if roll < w {
                return i;
            }
            roll -= w;
        }
        weights.len() - 1
    }
}

// ---------------------------------------------------------------------------
// Vocabulary tables
// ---------------------------------------------------------------------------

struct Jak {
    name: &'static str,
    brand: &'static str,
    code: &'static str,
    zh: &'static str,
    what: &'static str,
    /// (English, Chinese)
    doses: &'static [(&'static str, &'static str)],
    since: u32,
    weight: u32,
}

const JAKS: &[Jak] = &[
    Jak {
        name: "tofacitinib",
        brand: "Xeljanz",
        code: "CP-690550",
        zh: "托法替布",
        what: "an oral inhibitor of JAK1 and JAK3",
        doses: &[
            ("5 mg twice daily", "5 mg，每日 2 次"),
            ("10 mg twice daily", "10 mg，每日 2 次"),
            ("11 mg once daily", "11 mg，每日 1 次"),
            ("10 mg/day", "每日 10 mg"),
            ("5 mg once daily", "5 mg，每日 1 次"),
        ],
        since: 2005,
        weight: 22,
    },
    Jak {
        name: "baricitinib",
        brand: "Olumiant",
        code: "LY3009104",
        zh: "巴瑞替尼",
        what: "an oral inhibitor of JAK1 and JAK2",
        doses: &[
            ("4 mg once daily", "4 mg，每日 1 次"),
            ("2 mg once daily", "2 mg，每日 1 次"),
            ("4 mg/day", "每日 4 mg"),
            ("4 mg daily", "每日 4 mg"),
        ],
        since: 2014,
        weight: 18,
    },
    Jak {
        name: "upadacitinib",
        brand: "Rinvoq",
        code: "ABT-494",
        zh: "乌帕替尼",
        what: "an oral selective JAK1 inhibitor",
        doses: &[
            ("15 mg once daily", "15 mg，每日 1 次"),
            ("30 mg once daily", "30 mg，每日 1 次"),
            ("15 mg/day", "每日 15 mg"),
        ],
        since: 2017,
        weight: 18,
    },
    Jak {
        name: "ruxolitinib",
        brand: "Opzelura",
        code: "INCB018424",
        zh: "芦可替尼",
        what: "an inhibitor of JAK1 and JAK2 available as an oral tablet and a topical cream",
        doses: &[
            ("1.5% cream twice daily", "1.5% 乳膏，每日 2 次"),
            ("10 mg twice daily", "10 mg，每日 2 次"),
            ("20 mg twice daily", "20 mg，每日 2 次"),
        ],
        since: 2010,
        weight: 10,
    },
    Jak {
        name: "abrocitinib",
        brand: "Cibinqo",
        code: "PF-04965842",
        zh: "阿布昔替尼",
        what: "an oral selective JAK1 inhibitor",
        doses: &[
            ("100 mg once daily", "100 mg，每日 1 次"),
            ("200 mg once daily", "200 mg，每日 1 次"),
        ],
        since: 2018,
        weight: 10,
    },
    Jak {
        name: "deucravacitinib",
        brand: "Sotyktu",
        code: "BMS-986165",
        zh: "氘可来昔替尼",
        what: "an oral, selective, allosteric TYK2 inhibitor",
        doses: &[
            ("6 mg once daily", "6 mg，每日 1 次"),
            ("6 mg twice daily", "6 mg，每日 2 次"),
            ("12 mg once daily", "12 mg，每日 1 次"),
        ],
        since: 2019,
        weight: 6,
    },
    Jak {
        name: "ritlecitinib",
        brand: "Litfulo",
        code: "PF-06651600",
        zh: "利特昔替尼",
        what: "an oral inhibitor of JAK3 and the TEC kinase family",
        doses: &[
            ("50 mg once daily", "50 mg，每日 1 次"),
            ("30 mg once daily", "30 mg，每日 1 次"),
        ],
        since: 2019,
        weight: 5,
    },
    Jak {
        name: "filgotinib",
        brand: "Jyseleca",
        code: "GLPG0634",
        zh: "非戈替尼",
        what: "an oral preferential JAK1 inhibitor",
        doses: &[
            ("200 mg once daily", "200 mg，每日 1 次"),
            ("100 mg once daily", "100 mg，每日 1 次"),
        ],
        since: 2016,
        weight: 4,
    },
    Jak {
        name: "delgocitinib",
        brand: "Corectim",
        code: "JTE-052",
        zh: "德戈替尼",
        what: "a topical pan-JAK inhibitor",
        doses: &[
            ("20 mg/g cream twice daily", "20 mg/g 乳膏，每日 2 次"),
            ("0.5% ointment twice daily", "0.5% 软膏，每日 2 次"),
        ],
        since: 2018,
        weight: 4,
    },
    Jak {
        name: "ivarmacitinib",
        brand: "",
        code: "SHR0302",
        zh: "艾玛昔替尼",
        what: "an oral selective JAK1 inhibitor",
        doses: &[
            ("4 mg once daily", "4 mg，每日 1 次"),
            ("8 mg once daily", "8 mg，每日 1 次"),
        ],
        since: 2020,
        weight: 3,
    },
];

/// A drug that is not the JAK inhibitor under study: a prior treatment or a
/// combination partner.
struct Other {
    name: &'static str,
    text: &'static str,
    zh: &'static str,
    dose: &'static str,
    /// Year of approval, so older studies do not name newer drugs.
    since: u32,
}

const OTHERS: &[Other] = &[
    Other {
        name: "methotrexate",
        text: "methotrexate",
        zh: "甲氨蝶呤",
        dose: "15 mg once weekly",
        since: 2000,
    },
    Other {
        name: "cyclosporine",
        text: "cyclosporine",
        zh: "环孢素",
        dose: "3 mg/kg/day",
        since: 2000,
    },
    Other {
        name: "dupilumab",
        text: "dupilumab",
        zh: "度普利尤单抗",
        dose: "300 mg every 2 weeks",
        since: 2017,
    },
    Other {
        name: "adalimumab",
        text: "adalimumab",
        zh: "阿达木单抗",
        dose: "40 mg every week",
        since: 2000,
    },
    Other {
        name: "secukinumab",
        text: "secukinumab",
        zh: "司库奇尤单抗",
        dose: "300 mg every 4 weeks",
        since: 2015,
    },
    Other {
        name: "hydroxychloroquine",
        text: "hydroxychloroquine",
        zh: "羟氯喹",
        dose: "200 mg twice daily",
        since: 2000,
    },
    Other {
        name: "minoxidil",
        text: "oral minoxidil",
        zh: "米诺地尔",
        dose: "2.5 mg daily",
        since: 2000,
    },
    Other {
        name: "tacrolimus",
        text: "tacrolimus ointment",
        zh: "他克莫司",
        dose: "0.1% twice daily",
        since: 2000,
    },
    Other {
        name: "apremilast",
        text: "apremilast",
        zh: "阿普斯特",
        dose: "30 mg twice daily",
        since: 2014,
    },
    Other {
        name: "mycophenolate mofetil",
        text: "mycophenolate mofetil",
        zh: "吗替麦考酚酯",
        dose: "1 g twice daily",
        since: 2000,
    },
    Other {
        name: "acitretin",
        text: "acitretin",
        zh: "阿维A",
        dose: "25 mg daily",
        since: 2000,
    },
    Other {
        name: "ustekinumab",
        text: "ustekinumab",
        zh: "乌司奴单抗",
        dose: "45 mg every 12 weeks",
        since: 2009,
    },
    Other {
        name: "intravenous immunoglobulin",
        text: "intravenous immunoglobulin",
        zh: "静脉注射免疫球蛋白",
        dose: "2 g/kg every 4 weeks",
        since: 2000,
    },
    Other {
        name: "dapsone",
        text: "dapsone",
        zh: "氨苯砜",
        dose: "100 mg daily",
        since: 2000,
    },
    Other {
        name: "alitretinoin",
        text: "alitretinoin",
        zh: "阿利维A酸",
        dose: "30 mg daily",
        since: 2008,
    },
    Other {
        name: "omalizumab",
        text: "omalizumab",
        zh: "奥马珠单抗",
        dose: "300 mg every 4 weeks",
        since: 2006,
    },
    Other {
        name: "colchicine",
        text: "colchicine",
        zh: "秋水仙碱",
        dose: "0.5 mg twice daily",
        since: 2000,
    },
];

struct Condition {
    /// The lexicon's canonical name.
    name: &'static str,
    /// How the text writes it.
    text: &'static str,
    abbr: &'static str,
    zh: &'static str,
    what: &'static str,
    score: &'static str,
    /// Baseline range of the score in tenths, and whether it is printed
    /// with a decimal.
    scale: (u32, u32, bool),
    goal: &'static str,
    zh_goal: &'static str,
    /// Generic names of usual prior treatments (keys into `OTHERS`).
    prior: &'static [&'static str],
    rheum: bool,
    weight: u32,
}

const CONDITIONS: &[Condition] = &[
    Condition {
        name: "psoriasis",
        text: "plaque psoriasis",
        abbr: "",
        zh: "银屑病",
        what: "a chronic immune-mediated inflammatory skin disease",
        score: "PASI",
        scale: (80, 400, true),
        goal: "a 75% improvement in the Psoriasis Area and Severity Index (PASI 75)",
        zh_goal: "PASI 75",
        prior: &[
            "methotrexate",
            "cyclosporine",
            "acitretin",
            "secukinumab",
            "ustekinumab",
            "apremilast",
            "adalimumab",
        ],
        rheum: false,
        weight: 10,
    },
    Condition {
        name: "atopic dermatitis",
        text: "atopic dermatitis",
        abbr: "AD",
        zh: "特应性皮炎",
        what: "a chronic, relapsing, pruritic inflammatory skin disease",
        score: "EASI",
        scale: (160, 500, true),
        goal: "a 75% improvement in the Eczema Area and Severity Index (EASI-75)",
        zh_goal: "EASI-75",
        prior: &["cyclosporine", "dupilumab", "methotrexate"],
        rheum: false,
        weight: 10,
    },
    Condition {
        name: "alopecia areata",
        text: "alopecia areata",
        abbr: "AA",
        zh: "斑秃",
        what: "an autoimmune disease of the hair follicle that causes non-scarring hair loss",
        score: "SALT score",
        scale: (500, 1000, false),
        goal: "a Severity of Alopecia Tool (SALT) score of 20 or less",
        zh_goal: "SALT 评分≤20",
        prior: &["methotrexate", "cyclosporine", "minoxidil"],
        rheum: false,
        weight: 10,
    },
    Condition {
        name: "vitiligo",
        text: "vitiligo",
        abbr: "",
        zh: "白癜风",
        what: "an acquired autoimmune disorder of skin depigmentation",
        score: "F-VASI",
        scale: (10, 30, true),
        goal: "at least 50% improvement in the facial Vitiligo Area Scoring Index (F-VASI50)",
        zh_goal: "F-VASI50",
        prior: &["tacrolimus"],
        rheum: false,
        weight: 7,
    },
    Condition {
        name: "dermatomyositis",
        text: "dermatomyositis",
        abbr: "DM",
        zh: "皮肌炎",
        what: "an autoimmune disease that affects the skin and the muscles",
        score: "CDASI activity score",
        scale: (150, 450, false),
        goal: "a reduction of at least 40% in the Cutaneous Dermatomyositis Disease Area and Severity Index (CDASI) activity score",
        zh_goal: "CDASI 活动评分下降≥40%",
        prior: &[
            "methotrexate",
            "hydroxychloroquine",
            "mycophenolate mofetil",
            "intravenous immunoglobulin",
        ],
        rheum: true,
        weight: 5,
    },
    Condition {
        name: "juvenile dermatomyositis",
        text: "juvenile dermatomyositis",
        abbr: "JDM",
        zh: "幼年皮肌炎",
        what: "a rare systemic autoimmune vasculopathy of childhood",
        score: "CDASI activity score",
        scale: (150, 450, false),
        goal: "clinically inactive disease",
        zh_goal: "临床疾病无活动",
        prior: &[
            "methotrexate",
            "intravenous immunoglobulin",
            "hydroxychloroquine",
        ],
        rheum: true,
        weight: 3,
    },
    Condition {
        name: "palmoplantar pustulosis",
        text: "palmoplantar pustulosis",
        abbr: "PPP",
        zh: "掌跖脓疱病",
        what: "a chronic, recurrent pustular eruption of the palms and soles",
        score: "PPPASI",
        scale: (100, 400, true),
        goal: "a 75% reduction in the Palmoplantar Pustulosis Area and Severity Index (PPPASI-75)",
        zh_goal: "PPPASI-75",
        prior: &["acitretin", "methotrexate", "apremilast", "cyclosporine"],
        rheum: false,
        weight: 4,
    },
    Condition {
        name: "hidradenitis suppurativa",
        text: "hidradenitis suppurativa",
        abbr: "HS",
        zh: "化脓性汗腺炎",
        what: "a chronic inflammatory disease of the hair follicle that affects intertriginous skin",
        score: "IHS4",
        scale: (110, 400, false),
        goal: "a Hidradenitis Suppurativa Clinical Response (HiSCR)",
        zh_goal: "HiSCR 应答",
        prior: &["adalimumab", "secukinumab"],
        rheum: false,
        weight: 4,
    },
    Condition {
        name: "lichen planus",
        text: "lichen planus",
        abbr: "",
        zh: "扁平苔藓",
        what: "a chronic T-cell-mediated inflammatory disease of the skin and mucous membranes",
        score: "Physician Global Assessment score",
        scale: (30, 40, false),
        goal: "complete or near-complete clearance",
        zh_goal: "完全或接近完全清除",
        prior: &["methotrexate", "acitretin", "hydroxychloroquine"],
        rheum: false,
        weight: 3,
    },
    Condition {
        name: "granuloma annulare",
        text: "granuloma annulare",
        abbr: "GA",
        zh: "环状肉芽肿",
        what: "a benign granulomatous skin disorder of unknown cause",
        score: "Physician Global Assessment score",
        scale: (30, 40, false),
        goal: "complete clearance of the lesions",
        zh_goal: "皮损完全消退",
        prior: &["hydroxychloroquine", "dapsone", "methotrexate"],
        rheum: false,
        weight: 3,
    },
    Condition {
        name: "sarcoidosis",
        text: "cutaneous sarcoidosis",
        abbr: "",
        zh: "皮肤结节病",
        what: "a multisystem granulomatous disease that frequently involves the skin",
        score: "CSAMI activity score",
        scale: (150, 600, false),
        goal: "a reduction of at least 50% in the Cutaneous Sarcoidosis Activity and Morphology Instrument (CSAMI) activity score",
        zh_goal: "CSAMI 活动评分下降≥50%",
        prior: &["hydroxychloroquine", "methotrexate"],
        rheum: false,
        weight: 3,
    },
    Condition {
        name: "generalized pustular psoriasis",
        text: "generalized pustular psoriasis",
        abbr: "GPP",
        zh: "泛发性脓疱型银屑病",
        what: "a rare, severe and potentially life-threatening neutrophilic skin disease",
        score: "GPPASI",
        scale: (150, 450, true),
        goal: "a Generalized Pustular Psoriasis Physician Global Assessment (GPPGA) pustulation subscore of 0",
        zh_goal: "GPPGA 脓疱亚评分为 0",
        prior: &["acitretin", "cyclosporine", "secukinumab"],
        rheum: false,
        weight: 2,
    },
    Condition {
        name: "psoriatic arthritis",
        text: "psoriatic arthritis",
        abbr: "PsA",
        zh: "银屑病关节炎",
        what: "a chronic inflammatory arthritis of the spondyloarthritis family",
        score: "DAPSA",
        scale: (250, 600, true),
        goal: "an American College of Rheumatology 20% improvement (ACR20) response",
        zh_goal: "ACR20 应答",
        prior: &["methotrexate", "adalimumab", "secukinumab"],
        rheum: true,
        weight: 4,
    },
    Condition {
        name: "chronic hand eczema",
        text: "chronic hand eczema",
        abbr: "CHE",
        zh: "慢性手部湿疹",
        what: "a common and disabling inflammatory skin disease of the hands",
        score: "HECSI",
        scale: (400, 1500, false),
        goal: "treatment success on the Investigator's Global Assessment for chronic hand eczema (IGA-CHE)",
        zh_goal: "IGA-CHE 治疗成功",
        prior: &["alitretinoin", "cyclosporine", "dupilumab"],
        rheum: false,
        weight: 3,
    },
    Condition {
        name: "prurigo nodularis",
        text: "prurigo nodularis",
        abbr: "PN",
        zh: "结节性痒疹",
        what: "a chronic skin disease with intensely pruritic, hyperkeratotic nodules",
        score: "WI-NRS",
        scale: (70, 100, true),
        goal: "an improvement of at least 4 points in the Worst Itch Numeric Rating Scale (WI-NRS)",
        zh_goal: "WI-NRS 改善≥4 分",
        prior: &["dupilumab", "methotrexate", "cyclosporine"],
        rheum: false,
        weight: 3,
    },
    Condition {
        name: "lichen planopilaris",
        text: "lichen planopilaris",
        abbr: "LPP",
        zh: "毛发扁平苔藓",
        what: "a primary lymphocytic scarring alopecia",
        score: "LPPAI",
        scale: (40, 90, true),
        goal: "a reduction of at least 50% in the Lichen Planopilaris Activity Index (LPPAI)",
        zh_goal: "LPPAI 下降≥50%",
        prior: &["hydroxychloroquine", "methotrexate"],
        rheum: false,
        weight: 2,
    },
    Condition {
        name: "necrobiosis lipoidica",
        text: "necrobiosis lipoidica",
        abbr: "",
        zh: "类脂质渐进性坏死",
        what: "a chronic granulomatous skin disorder often associated with diabetes mellitus",
        score: "Physician Global Assessment score",
        scale: (30, 40, false),
        goal: "complete or partial healing of the lesions",
        zh_goal: "皮损完全或部分愈合",
        prior: &["hydroxychloroquine", "dapsone"],
        rheum: false,
        weight: 2,
    },
    Condition {
        name: "pyoderma gangrenosum",
        text: "pyoderma gangrenosum",
        abbr: "",
        zh: "坏疽性脓皮病",
        what: "a rare, ulcerating neutrophilic dermatosis",
        score: "Physician Global Assessment score",
        scale: (30, 40, false),
        goal: "complete healing of the ulcers",
        zh_goal: "溃疡完全愈合",
        prior: &["cyclosporine", "adalimumab", "dapsone"],
        rheum: false,
        weight: 2,
    },
    Condition {
        name: "cutaneous lupus erythematosus",
        text: "cutaneous lupus erythematosus",
        abbr: "CLE",
        zh: "皮肤红斑狼疮",
        what: "an autoimmune disease that can be limited to the skin",
        score: "CLASI-A",
        scale: (100, 300, false),
        goal: "a reduction of at least 50% in the activity score of the Cutaneous Lupus Erythematosus Disease Area and Severity Index (CLASI-A)",
        zh_goal: "CLASI-A 下降≥50%",
        prior: &["hydroxychloroquine", "methotrexate"],
        rheum: true,
        weight: 3,
    },
    Condition {
        name: "morphea",
        text: "morphea",
        abbr: "",
        zh: "硬斑病",
        what: "a fibrosing disorder of the skin and subcutaneous tissue",
        score: "Physician Global Assessment score",
        scale: (30, 40, false),
        goal: "clinically inactive disease",
        zh_goal: "疾病无活动",
        prior: &["methotrexate", "mycophenolate mofetil"],
        rheum: false,
        weight: 2,
    },
    Condition {
        name: "chronic spontaneous urticaria",
        text: "chronic spontaneous urticaria",
        abbr: "CSU",
        zh: "慢性自发性荨麻疹",
        what: "a mast cell-driven disease with recurrent wheals, angioedema or both",
        score: "UAS7",
        scale: (280, 420, false),
        goal: "well-controlled disease (a weekly Urticaria Activity Score [UAS7] of 6 or less)",
        zh_goal: "UAS7≤6",
        prior: &["omalizumab", "cyclosporine"],
        rheum: false,
        weight: 2,
    },
    Condition {
        name: "pityriasis rubra pilaris",
        text: "pityriasis rubra pilaris",
        abbr: "PRP",
        zh: "毛发红糠疹",
        what: "a rare papulosquamous disorder of unknown cause",
        score: "Physician Global Assessment score",
        scale: (30, 40, false),
        goal: "complete or near-complete clearance",
        zh_goal: "完全或接近完全清除",
        prior: &["acitretin", "methotrexate"],
        rheum: false,
        weight: 2,
    },
    Condition {
        name: "erythema multiforme",
        text: "recurrent erythema multiforme",
        abbr: "",
        zh: "多形红斑",
        what: "an immune-mediated mucocutaneous reaction with typical target lesions",
        score: "number of attacks per year",
        scale: (40, 120, false),
        goal: "complete remission",
        zh_goal: "完全缓解",
        prior: &["hydroxychloroquine", "dapsone", "apremilast"],
        rheum: false,
        weight: 2,
    },
    Condition {
        name: "graft-versus-host disease",
        text: "chronic graft-versus-host disease",
        abbr: "cGVHD",
        zh: "慢性移植物抗宿主病",
        what: "a major cause of late morbidity after allogeneic hematopoietic stem cell transplantation",
        score: "NIH skin score",
        scale: (20, 30, false),
        goal: "an overall response according to the NIH consensus criteria",
        zh_goal: "总体缓解",
        prior: &["mycophenolate mofetil", "methotrexate"],
        rheum: false,
        weight: 2,
    },
    Condition {
        name: "lichen sclerosus",
        text: "lichen sclerosus",
        abbr: "",
        zh: "硬化性苔藓",
        what: "a chronic inflammatory mucocutaneous disease that mainly affects the anogenital skin",
        score: "symptom score",
        scale: (60, 100, false),
        goal: "marked improvement of symptoms",
        zh_goal: "症状明显改善",
        prior: &["methotrexate", "hydroxychloroquine"],
        rheum: false,
        weight: 2,
    },
    Condition {
        name: "rheumatoid arthritis",
        text: "rheumatoid arthritis",
        abbr: "RA",
        zh: "类风湿关节炎",
        what: "a chronic systemic autoimmune disease that primarily affects the joints",
        score: "DAS28-CRP",
        scale: (45, 70, true),
        goal: "an American College of Rheumatology 20% improvement (ACR20) response",
        zh_goal: "ACR20 应答",
        prior: &["methotrexate", "adalimumab"],
        rheum: true,
        weight: 4,
    },
    Condition {
        name: "systemic sclerosis",
        text: "systemic sclerosis",
        abbr: "SSc",
        zh: "系统性硬化症",
        what: "an autoimmune disease characterized by fibrosis of the skin and internal organs",
        score: "mRSS",
        scale: (150, 400, false),
        goal: "a reduction of at least 25% in the modified Rodnan skin score (mRSS)",
        zh_goal: "mRSS 下降≥25%",
        prior: &["methotrexate", "mycophenolate mofetil"],
        rheum: true,
        weight: 2,
    },
    Condition {
        name: "behçet disease",
        text: "Behçet's disease",
        abbr: "BD",
        zh: "白塞病",
        what: "a variable vessel vasculitis with recurrent oral and genital ulcers",
        score: "number of oral ulcers",
        scale: (30, 80, false),
        goal: "a complete response of mucocutaneous lesions",
        zh_goal: "皮肤黏膜病变完全缓解",
        prior: &["colchicine", "apremilast", "adalimumab"],
        rheum: true,
        weight: 2,
    },
    Condition {
        name: "frontal fibrosing alopecia",
        text: "frontal fibrosing alopecia",
        abbr: "FFA",
        zh: "前额纤维化性脱发",
        what: "a primary lymphocytic scarring alopecia of the frontotemporal hairline",
        score: "FFASI",
        scale: (200, 600, false),
        goal: "stabilization of hairline recession",
        zh_goal: "发际线后退停止",
        prior: &["hydroxychloroquine", "minoxidil"],
        rheum: false,
        weight: 2,
    },
    Condition {
        name: "eosinophilic fasciitis",
        text: "eosinophilic fasciitis",
        abbr: "EF",
        zh: "嗜酸性筋膜炎",
        what: "a rare fibrosing disorder of the fascia",
        score: "mRSS",
        scale: (150, 400, false),
        goal: "complete or partial remission",
        zh_goal: "完全或部分缓解",
        prior: &["methotrexate", "mycophenolate mofetil"],
        rheum: true,
        weight: 1,
    },
];

struct Ae {
    name: &'static str,
    text: &'static str,
    zh: &'static str,
}

const AES: &[Ae] = &[
    Ae {
        name: "herpes zoster",
        text: "herpes zoster",
        zh: "带状疱疹",
    },
    Ae {
        name: "acne",
        text: "acne",
        zh: "痤疮",
    },
    Ae {
        name: "neutropenia",
        text: "neutropenia",
        zh: "中性粒细胞减少",
    },
    Ae {
        name: "upper respiratory tract infection",
        text: "upper respiratory tract infection",
        zh: "上呼吸道感染",
    },
    Ae {
        name: "headache",
        text: "headache",
        zh: "头痛",
    },
    Ae {
        name: "nausea",
        text: "nausea",
        zh: "恶心",
    },
    Ae {
        name: "elevated creatine phosphokinase",
        text: "elevated creatine phosphokinase",
        zh: "肌酸激酶升高",
    },
    Ae {
        name: "hyperlipidaemia",
        text: "hyperlipidemia",
        zh: "血脂升高",
    },
    Ae {
        name: "elevated liver enzymes",
        text: "elevated liver enzymes",
        zh: "转氨酶升高",
    },
    Ae {
        name: "folliculitis",
        text: "folliculitis",
        zh: "毛囊炎",
    },
    Ae {
        name: "nasopharyngitis",
        text: "nasopharyngitis",
        zh: "鼻咽炎",
    },
    Ae {
        name: "lymphopenia",
        text: "lymphopenia",
        zh: "淋巴细胞减少",
    },
    Ae {
        name: "herpes simplex",
        text: "herpes simplex infection",
        zh: "单纯疱疹",
    },
];

/// Events a study reports as absent ("no cases of ... were observed").
const SERIOUS_AES: &[Ae] = &[
    Ae {
        name: "venous thromboembolism",
        text: "venous thromboembolism",
        zh: "静脉血栓栓塞",
    },
    Ae {
        name: "major adverse cardiovascular events",
        text: "major adverse cardiovascular events",
        zh: "主要不良心血管事件",
    },
    Ae {
        name: "malignancy",
        text: "malignancy",
        zh: "恶性肿瘤",
    },
    Ae {
        name: "herpes zoster",
        text: "herpes zoster",
        zh: "带状疱疹",
    },
    Ae {
        name: "tuberculosis",
        text: "tuberculosis",
        zh: "结核病",
    },
];

struct Journal {
    abbr: &'static str,
    caps: &'static str,
    publisher: &'static str,
    /// `{Y}` year, `{M}` month, `{U}` unique number, `{V}` volume.
    doi: &'static str,
    volume_2024: u32,
    /// 0 page range, 1 seven-digit article number, 2 `e12345`.
    pages: u8,
}

const JOURNALS: &[Journal] = &[
    Journal {
        abbr: "J Dermatolog Treat",
        caps: "JOURNAL OF DERMATOLOGICAL TREATMENT",
        publisher: "TAYLOR & FRANCIS LTD",
        doi: "10.1080/09546634.{Y}.{U}",
        volume_2024: 35,
        pages: 1,
    },
    Journal {
        abbr: "JAMA Dermatol",
        caps: "JAMA DERMATOLOGY",
        publisher: "AMER MEDICAL ASSOC",
        doi: "10.1001/jamadermatol.{Y}.{U}",
        volume_2024: 160,
        pages: 0,
    },
    Journal {
        abbr: "Br J Dermatol",
        caps: "BRITISH JOURNAL OF DERMATOLOGY",
        publisher: "OXFORD UNIV PRESS",
        doi: "10.1093/bjd/ljad{U}",
        volume_2024: 190,
        pages: 0,
    },
    Journal {
        abbr: "J Am Acad Dermatol",
        caps: "JOURNAL OF THE AMERICAN ACADEMY OF DERMATOLOGY",
        publisher: "MOSBY-ELSEVIER",
        doi: "10.1016/j.jaad.{Y}.{M}.{U}",
        volume_2024: 90,
        pages: 0,
    },
    Journal {
        abbr: "J Eur Acad Dermatol Venereol",
        caps: "JOURNAL OF THE EUROPEAN ACADEMY OF DERMATOLOGY AND VENEREOLOGY",
        publisher: "WILEY",
        doi: "10.1111/jdv.{U}",
        volume_2024: 38,
        pages: 0,
    },
    Journal {
        abbr: "J Dermatol",
        caps: "JOURNAL OF DERMATOLOGY",
        publisher: "WILEY",
        doi: "10.1111/1346-8138.{U}",
        volume_2024: 51,
        pages: 0,
    },
    Journal {
        abbr: "Dermatol Ther",
        caps: "DERMATOLOGIC THERAPY",
        publisher: "WILEY-HINDAWI",
        doi: "10.1111/dth.{U}",
        volume_2024: 37,
        pages: 2,
    },
    Journal {
        abbr: "Clin Cosmet Investig Dermatol",
        caps: "CLINICAL COSMETIC AND INVESTIGATIONAL DERMATOLOGY",
        publisher: "DOVE MEDICAL PRESS LTD",
        doi: "10.2147/CCID.S{U}",
        volume_2024: 17,
        pages: 0,
    },
    Journal {
        abbr: "Front Immunol",
        caps: "FRONTIERS IN IMMUNOLOGY",
        publisher: "FRONTIERS MEDIA SA",
        doi: "10.3389/fimmu.{Y}.{U}",
        volume_2024: 15,
        pages: 1,
    },
    Journal {
        abbr: "Rheumatology (Oxford)",
        caps: "RHEUMATOLOGY",
        publisher: "OXFORD UNIV PRESS",
        doi: "10.1093/rheumatology/kead{U}",
        volume_2024: 63,
        pages: 0,
    },
    Journal {
        abbr: "Ann Rheum Dis",
        caps: "ANNALS OF THE RHEUMATIC DISEASES",
        publisher: "BMJ PUBLISHING GROUP",
        doi: "10.1136/annrheumdis-{Y}-{U}",
        volume_2024: 83,
        pages: 0,
    },
    Journal {
        abbr: "Arthritis Res Ther",
        caps: "ARTHRITIS RESEARCH & THERAPY",
        publisher: "BMC",
        doi: "10.1186/s13075-{Y}-{U}",
        volume_2024: 26,
        pages: 0,
    },
    Journal {
        abbr: "Am J Clin Dermatol",
        caps: "AMERICAN JOURNAL OF CLINICAL DERMATOLOGY",
        publisher: "ADIS INT LTD",
        doi: "10.1007/s40257-{Y}-{U}",
        volume_2024: 25,
        pages: 0,
    },
    Journal {
        abbr: "Exp Dermatol",
        caps: "EXPERIMENTAL DERMATOLOGY",
        publisher: "WILEY",
        doi: "10.1111/exd.{U}",
        volume_2024: 33,
        pages: 2,
    },
    Journal {
        abbr: "JAAD Case Rep",
        caps: "JAAD CASE REPORTS",
        publisher: "ELSEVIER",
        doi: "10.1016/j.jdcr.{Y}.{M}.{U}",
        volume_2024: 44,
        pages: 0,
    },
    Journal {
        abbr: "Infect Drug Resist",
        caps: "INFECTION AND DRUG RESISTANCE",
        publisher: "DOVE MEDICAL PRESS LTD",
        doi: "10.2147/IDR.S{U}",
        volume_2024: 17,
        pages: 0,
    },
    Journal {
        abbr: "Int J Dermatol",
        caps: "INTERNATIONAL JOURNAL OF DERMATOLOGY",
        publisher: "WILEY",
        doi: "10.1111/ijd.{U}",
        volume_2024: 63,
        pages: 0,
    },
    Journal {
        abbr: "Clin Rheumatol",
        caps: "CLINICAL RHEUMATOLOGY",
        publisher: "SPRINGER LONDON LTD",
        doi: "10.1007/s10067-{Y}-{U}",
        volume_2024: 43,
        pages: 0,
    },
    Journal {
        abbr: "Acta Derm Venereol",
        caps: "ACTA DERMATO-VENEREOLOGICA",
        publisher: "MEDICAL JOURNALS SWEDEN",
        doi: "10.2340/actadv.v{V}.{U}",
        volume_2024: 104,
        pages: 0,
    },
    Journal {
        abbr: "Dermatol Ther (Heidelb)",
        caps: "DERMATOLOGY AND THERAPY",
        publisher: "SPRINGER",
        doi: "10.1007/s13555-{Y}-{U}",
        volume_2024: 14,
        pages: 0,
    },
];

/// Journals that print meeting abstracts: (name, supplement, volume in 2024).
const MEETINGS: &[(&str, &str, u32)] = &[
    ("Annals of the Rheumatic Diseases", "supplement 1", 83),
    ("Journal of Investigative Dermatology", "supplement 5", 144),
    ("British Journal of Dermatology", "supplement 1", 190),
    ("Arthritis & Rheumatology", "supplement 10", 76),
    (
        "Journal of the European Academy of Dermatology and Venereology",
        "supplement 2",
        38,
    ),
];

const INSTITUTIONS: &[(&str, &str)] = &[
    ("Peking University First Hospital", "Beijing, China"),
    ("Huashan Hospital, Fudan University", "Shanghai, China"),
    ("West China Hospital, Sichuan University", "Chengdu, China"),
    (
        "Xiangya Hospital, Central South University",
        "Changsha, China",
    ),
    (
        "Sun Yat-sen Memorial Hospital, Sun Yat-sen University",
        "Guangzhou, China",
    ),
    (
        "Skin Research Institute of Peking University Shenzhen Hospital, Peking University Shenzhen Hospital",
        "Shenzhen, China",
    ),
    (
        "The First Affiliated Hospital of Zhejiang University School of Medicine",
        "Hangzhou, China",
    ),
    (
        "Yale School of Medicine, Yale University",
        "New Haven, Connecticut",
    ),
    (
        "Icahn School of Medicine at Mount Sinai",
        "New York, New York",
    ),
    ("Mayo Clinic", "Rochester, Minnesota"),
    (
        "Perelman School of Medicine, University of Pennsylvania",
        "Philadelphia, Pennsylvania",
    ),
    ("Charité - Universitätsmedizin Berlin", "Berlin, Germany"),
    ("University Hospital Münster", "Münster, Germany"),
    (
        "IRCCS Azienda Ospedaliero-Universitaria di Bologna",
        "Bologna, Italy",
    ),
    (
        "Hospital Clínic de Barcelona, University of Barcelona",
        "Barcelona, Spain",
    ),
    (
        "Hôpital Saint-Louis, AP-HP, Université Paris Cité",
        "Paris, France",
    ),
    (
        "St John's Institute of Dermatology, Guy's and St Thomas' NHS Foundation Trust",
        "London, UK",
    ),
    (
        "Radboud University Medical Center",
        "Nijmegen, the Netherlands",
    ),
    ("Karolinska University Hospital", "Stockholm, Sweden"),
    (
        "Bispebjerg and Frederiksberg Hospital, University of Copenhagen",
        "Copenhagen, Denmark",
    ),
    ("Seoul National University Hospital", "Seoul, Korea"),
    ("Keio University School of Medicine", "Tokyo, Japan"),
    ("National Taiwan University Hospital", "Taipei, Taiwan"),
    ("Hacettepe University Faculty of Medicine", "Ankara, Turkey"),
    (
        "All India Institute of Medical Sciences",
        "New Delhi, India",
    ),
    (
        "Hospital das Clínicas, University of São Paulo",
        "São Paulo, Brazil",
    ),
    (
        "Sunnybrook Health Sciences Centre, University of Toronto",
        "Toronto, Ontario, Canada",
    ),
    (
        "The Royal Melbourne Hospital",
        "Melbourne, Victoria, Australia",
    ),
];

const SURNAMES: &[&str] = &[
    "Zhang",
    "Wang",
    "Li",
    "Liu",
    "Chen",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Xu",
    "Sun",
    "Smith",
    "Johnson",
    "Brown",
    "Miller",
    "Garcia",
    "Rossi",
    "Bianchi",
    "Müller",
    "Schmidt",
    "Dubois",
    "Martin",
    "Kim",
    "Park",
    "Lee",
    "Tanaka",
    "Suzuki",
    "Yilmaz",
    "Kaya",
    "Sharma",
    "Patel",
    "Silva",
    "Santos",
    "Nielsen",
    "Andersson",
    "de Vries",
    "O'Connor",
    "Cohen",
    "Novak",
];

const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTH_NAMES: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

// ---------------------------------------------------------------------------
// One study
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Paste,
    Page,
    Publisher,
    Conference,
}

impl Shape {
    fn name(self) -> &'static str {
        match self {
            Shape::Paste => "pubmed-paste",
            Shape::Page => "pubmed-page",
            Shape::Publisher => "publisher-page",
            Shape::Conference => "abstract",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Design {
    CaseReport,
    CaseSeries,
    Cohort,
    Rct,
    Review,
}

#[derive(Clone, Copy)]
enum Second {
    None,
    /// Failed before the JAK inhibitor.
    Prior(&'static Other),
    /// Given together with it.
    Combo(&'static Other),
    /// Another JAK inhibitor used in some patients.
    Jak(&'static Jak, (&'static str, &'static str)),
}

/// One paragraph's worth of text in both languages.
#[derive(Default)]
struct Part {
    en: Vec<String>,
    zh: String,
}

impl Part {
    fn say(&mut self, en: String, zh: &str) {
        self.en.push(en);
        self.zh.push_str(zh);
    }

    fn text(&self) -> String {
        self.en.join(" ")
    }
}

struct Generated {
    text: String,
    shape: Shape,
    title: Option<String>,
    year: Option<u32>,
    journal: Option<String>,
    doi: Option<String>,
    pmid: Option<String>,
    design: Option<&'static str>,
    n_patients: Option<u32>,
    /// The JAK inhibitor the study is about.
    main_drug: &'static str,
    drugs: Vec<&'static str>,
    conditions: Vec<&'static str>,
    adverse_events: Vec<&'static str>,
    chinese: bool,
}

struct Study {
    rng: Rng,
    shape: Shape,
    design: Design,
    drug: &'static Jak,
    dose: (&'static str, &'static str),
    /// The drug as first named in the body, and afterwards.
    drug_first: String,
    drug_later: String,
    drug_named: bool,
    /// The drug as a title names it.
    drug_title: String,
    second: Second,
    cond: &'static Condition,
    cond_named: bool,
    severity: &'static str,
    n: u32,
    age: u32,
    female: bool,
    week: u32,
    year: u32,
    review_drugs: Vec<&'static Jak>,
    aes: Vec<&'static Ae>,
    absent: Vec<&'static Ae>,
    retrospective: bool,
    /// Shifts DOIs and PMIDs with the seed.
    id_offset: u64,
    /// Other drugs named (canonical names), for the truth.
    named: Vec<&'static str>,
}

fn generate(seed: u64, index: u64) -> Generated {
    let mut rng = Rng::for_file(seed, index);
    let shape = [
        Shape::Paste,
        Shape::Page,
        Shape::Publisher,
        Shape::Conference,
    ][rng.weighted(&[40, 22, 20, 18])];
    let design = [
        Design::CaseReport,
        Design::CaseSeries,
        Design::Cohort,
        Design::Rct,
        Design::Review,
    ][rng.weighted(&[20, 30, 20, 15, 15])];
    let jak_weights: Vec<u32> = JAKS.iter().map(|d| d.weight).collect();
    let cond = &CONDITIONS[rng.weighted(&CONDITIONS.iter().map(|c| c.weight).collect::<Vec<_>>())];
    // Systemic diseases get oral doses: a creams-only drug is drawn again.
    let oral = |d: &(&str, &str)| !d.0.contains("cream") && !d.0.contains("ointment");
    let mut drug = &JAKS[rng.weighted(&jak_weights)];
    while cond.rheum && !drug.doses.iter().any(oral) {
        drug = &JAKS[rng.weighted(&jak_weights)];
    }
    let year = rng.range(drug.since.max(2005), 2025);
    let dose = if cond.rheum {
        let doses: Vec<(&str, &str)> = drug.doses.iter().copied().filter(oral).collect();
        rng.pick(&doses)
    } else {
        rng.pick(drug.doses)
    };

    // How the drug is written: generic; generic with brand or code at first
    // mention; the development code only (early trials).
    let code_era = drug.name == "tofacitinib" && year < 2012;
    let form = if code_era && rng.chance(60) {
        3
    } else {
        rng.weighted(&[70, 12, 12, 0])
    };
    let (drug_first, drug_later, drug_title) = match form {
        1 if !drug.brand.is_empty() => (
            format!("{} ({})", drug.name, drug.brand),
            drug.name.to_string(),
            drug.name.to_string(),
        ),
        2 => (
            format!("{} ({})", drug.name, drug.code),
            drug.name.to_string(),
            drug.name.to_string(),
        ),
        3 => (
            drug.code.to_string(),
            drug.code.to_string(),
            drug.code.to_string(),
        ),
        _ => (
            drug.name.to_string(),
            drug.name.to_string(),
            drug.name.to_string(),
        ),
    };

    let n = match design {
        Design::CaseReport => 1,
        Design::CaseSeries => [rng.range(2, 8), rng.range(5, 30)][rng.weighted(&[65, 35])],
        Design::Cohort => [rng.range(20, 120), rng.range(100, 500)][rng.weighted(&[70, 30])],
        Design::Rct => rng.range(40, 500),
        Design::Review => 0,
    };
    let partner = other(rng.pick(cond.prior));
    let partner = (partner.since <= year).then_some(partner);
    let second = match (rng.weighted(&[45, 40, 8, 7]), partner) {
        (1, Some(o)) => Second::Prior(o),
        (2, Some(o)) if design != Design::Review => Second::Combo(o),
        (3, _) if matches!(design, Design::CaseSeries | Design::Cohort) => {
            let other = &JAKS[rng.below(JAKS.len())];
            if other.name == drug.name || other.since > year {
                Second::None
            } else {
                Second::Jak(other, rng.pick(other.doses))
            }
        }
        _ => Second::None,
    };
    let mut review_drugs = vec![drug];
    if design == Design::Review {
        let extra = rng.range(2, 4) as usize;
        while review_drugs.len() < 1 + extra {
            let d = &JAKS[rng.weighted(&jak_weights)];
            if !review_drugs.iter().any(|r| r.name == d.name) {
                review_drugs.push(d);
            }
        }
    }
    let severity = rng.pick(&[
        "refractory",
        "refractory",
        "recalcitrant",
        "moderate-to-severe",
        "severe",
        "treatment-resistant",
        "",
    ]);
    let juvenile = cond.name == "juvenile dermatomyositis";
    let age = if juvenile {
        rng.range(4, 16)
    } else {
        rng.range(19, 78)
    };
    let female = rng.chance(60);
    let week = rng.pick(&[12, 12, 16, 24, 24, 52]);

    // Adverse events: none, or one to three that occurred; sometimes serious
    // ones reported as absent.
    let mut aes = Vec::new();
    let wanted = [0, 1, 2, 3][rng.weighted(&[40, 30, 20, 10])];
    while aes.len() < wanted {
        let ae = &AES[rng.below(AES.len())];
        if !aes.iter().any(|a: &&Ae| a.name == ae.name) {
            aes.push(ae);
        }
    }
    if design == Design::CaseReport {
        aes.truncate(1);
    }
    let mut absent = Vec::new();
    if design != Design::Review && rng.chance(25) {
        let count = rng.range(1, 2) as usize;
        while absent.len() < count {
            let ae = &SERIOUS_AES[rng.below(SERIOUS_AES.len())];
            if !absent.iter().any(|a: &&Ae| a.name == ae.name)
                && !aes.iter().any(|a| a.name == ae.name)
            {
                absent.push(ae);
            }
        }
    }
    let mut study = Study {
        rng,
        shape,
        design,
        drug,
        dose,
        drug_first,
        drug_later,
        drug_named: false,
        drug_title,
        second,
        cond,
        cond_named: false,
        severity,
        n,
        age,
        female,
        week,
        year,
        review_drugs,
        aes,
        absent,
        retrospective: false,
        id_offset: seed % 9_000_000,
        named: Vec::new(),
    };
    study.write(index)
}

fn other(name: &str) -> &'static Other {
    OTHERS.iter().find(|o| o.name == name).unwrap_or(&OTHERS[0])
}

/// First letter upper case.
fn cap(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Title Case" as publisher pages print titles; small words stay lower
/// case, words with capitals or digits are kept.
fn title_case(s: &str) -> String {
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to",
        "with", "versus", "vs",
    ];
    let mut out = String::with_capacity(s.len());
    let mut opens = true;
    for word in s.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        let keep = word.chars().any(|c| c.is_uppercase() || c.is_ascii_digit());
        if keep || (!opens && SMALL.contains(&word)) {
            out.push_str(word);
        } else {
            // Capitalise each hyphen-separated piece: "Moderate-to-Severe".
            let pieces: Vec<String> = word
                .split('-')
                .enumerate()
                .map(|(k, p)| {
                    if k > 0 && SMALL.contains(&p) {
                        p.to_string()
                    } else {
                        cap(p)
                    }
                })
                .collect();
            out.push_str(&pieces.join("-"));
        }
        opens = word.ends_with(':');
    }
    out
}

fn pct(k: u32, n: u32) -> String {
    let tenths = (k as u64 * 1000 + n as u64 / 2) / n.max(1) as u64;
    if tenths.is_multiple_of(10) {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

fn number_word(n: u32) -> Option<&'static str> {
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    WORDS.get((n as usize).wrapping_sub(1)).copied()
}

impl Study {
    /// The JAK inhibitor, named in the body (the first time with its brand
    /// or code when the file writes one).
    fn d(&mut self) -> String {
        if self.drug_named {
            self.drug_later.clone()
        } else {
            self.drug_named = true;
            self.drug_first.clone()
        }
    }

    fn dcap(&mut self) -> String {
        cap(&self.d())
    }

    /// The condition, with its abbreviation at first mention.
    fn c(&mut self) -> String {
        if !self.cond_named && !self.cond.abbr.is_empty() {
            self.cond_named = true;
            format!("{} ({})", self.cond.text, self.cond.abbr)
        } else {
            self.cond_named = true;
            self.cond.text.to_string()
        }
    }

    fn sev(&self) -> String {
        if self.severity.is_empty() {
            String::new()
        } else {
            format!("{} ", self.severity)
        }
    }

    fn other_named(&mut self, o: &'static Other) -> &'static str {
        if !self.named.contains(&o.name) {
            self.named.push(o.name);
        }
        o.text
    }

    fn patient_noun(&self) -> &'static str {
        if self.cond.name == "juvenile dermatomyositis" {
            "children"
        } else {
            "patients"
        }
    }

    fn person(&self) -> &'static str {
        match (self.age < 18, self.female) {
            (true, true) => "girl",
            (true, false) => "boy",
            (false, true) => "woman",
            (false, false) => "man",
        }
    }

    fn pronoun(&self) -> (&'static str, &'static str) {
        if self.female {
            ("She", "Her")
        } else {
            ("He", "His")
        }
    }

    /// A baseline and a follow-up value of the condition's score, printed.
    fn score_values(&mut self) -> (String, String) {
        let (lo, hi, decimal) = self.cond.scale;
        let before = self.rng.range(lo, hi);
        let after = self.rng.range(0, before / 3);
        let show = |v: u32| {
            if decimal {
                format!("{}.{}", v / 10, v % 10)
            } else {
                (v / 10).to_string()
            }
        };
        (show(before), show(after))
    }

    fn responders(&mut self, lo: u32, hi: u32) -> u32 {
        let rate = self.rng.range(lo, hi);
        ((self.n * rate + 50) / 100).clamp(1, self.n)
    }

    // -- title --------------------------------------------------------------

    fn title(&mut self) -> String {
        let d = self.drug_title.clone();
        let cond = self.cond.text;
        let sev = self.sev();
        let n = self.n;
        let second = match self.second {
            Second::Combo(o) | Second::Prior(o) => Some(o),
            _ => None,
        };
        let t = match self.design {
            Design::CaseReport => match self.rng.below(4) {
                0 => format!("{} for {sev}{cond}: a case report", cap(&d)),
                1 => format!("Successful treatment of {sev}{cond} with {d}: a case report"),
                2 if matches!(self.second, Second::Prior(_)) => {
                    let o = second.map(|o| self.other_named(o)).unwrap_or_default();
                    format!(
                        "{} refractory to {o} successfully treated with {d}",
                        cap(cond)
                    )
                }
                _ => format!(
                    "Rapid response of {sev}{cond} to {d} in a {}-year-old {}",
                    self.age,
                    self.person()
                ),
            },
            Design::CaseSeries => match self.rng.below(4) {
                0 => format!("{} for {sev}{cond}: a case series of {n} patients", cap(&d)),
                1 => format!(
                    "{} successfully treated with {d}: a case series",
                    cap(&format!("{sev}{cond}"))
                ),
                2 => format!("Efficacy and safety of {d} in {sev}{cond}: a case series"),
                _ => format!("{} in {cond}: experience with {n} patients", cap(&d)),
            },
            Design::Cohort => match self.rng.below(3) {
                0 => format!(
                    "Real-world effectiveness and safety of {d} in {cond}: a retrospective cohort study"
                ),
                1 => format!(
                    "{} for {sev}{cond}: a multicentre retrospective cohort study of {n} patients",
                    cap(&d)
                ),
                _ => format!(
                    "Long-term outcomes of {d} treatment in {cond}: a retrospective cohort study"
                ),
            },
            Design::Rct => match self.rng.below(3) {
                0 => format!(
                    "Efficacy and safety of {d} in moderate-to-severe {cond}: a randomized, double-blind, placebo-controlled trial"
                ),
                1 => format!(
                    "{} versus placebo for {cond}: a randomised controlled trial",
                    cap(&d)
                ),
                _ => format!("Oral {d} in adults with {cond}: a phase 2 randomized clinical trial"),
            },
            Design::Review => match self.rng.below(3) {
                0 => format!("JAK inhibitors in {cond}: a narrative review"),
                1 => format!(
                    "Janus kinase inhibitors for {cond}: current evidence and future directions"
                ),
                _ => format!(
                    "The role of {d} and other JAK inhibitors in the treatment of {cond}: a review"
                ),
            },
        };
        if let (Second::Combo(o), true) = (self.second, self.rng.chance(50)) {
            let o = self.other_named(o);
            if let Some((head, tail)) = t.split_once(':') {
                return format!("{head} combined with {o}:{tail}");
            }
        }
        t
    }

    // -- abstract parts ------------------------------------------------------

    fn background(&mut self) -> Part {
        let mut p = Part::default();
        let cond = self.c();
        let zc = self.cond.zh;
        p.say(
            format!("{} is {}.", cap(&cond), self.cond.what),
            &format!("{zc}是一种慢性免疫介导性疾病，严重影响患者的生活质量。"),
        );
        match self.rng.below(4) {
            0 => p.say(
                "The disease has a substantial impact on quality of life and work productivity.".into(),
                "该病严重影响患者的生活质量和工作能力。",
            ),
            1 => p.say(
                "It often runs a chronic, relapsing course and carries a considerable psychosocial burden.".into(),
                "该病常呈慢性复发性病程，给患者带来沉重的心理社会负担。",
            ),
            2 => p.say(
                "Its cause is incompletely understood, but genetic susceptibility and environmental triggers are thought to contribute.".into(),
                "其病因尚未完全阐明，可能与遗传易感性和环境诱因有关。",
            ),
            _ => p.say(
                "Patients frequently report sleep disturbance and reduced social functioning.".into(),
                "患者常伴有睡眠障碍和社会功能下降。",
            ),
        }
        match self.rng.below(3) {
            0 => p.say(
                "Treatment of refractory disease remains challenging, and many patients do not respond to conventional therapies.".into(),
                "难治性病例的治疗仍具挑战性，许多患者对常规治疗反应不佳。",
            ),
            1 => p.say(
                format!("Its management is often difficult, and treatment options for {}disease are limited.", self.sev()),
                "其治疗往往十分困难，可选择的治疗方案有限。",
            ),
            _ => p.say(
                "No standard treatment has been established, and therapy resistance and frequent relapses discourage patients.".into(),
                "目前尚无标准治疗方案，治疗抵抗和频繁复发使患者倍感困扰。",
            ),
        }
        if self.rng.chance(65) {
            p.say(
                "The Janus kinase-signal transducer and activator of transcription (JAK-STAT) pathway mediates the signalling of several cytokines implicated in its pathogenesis, including interferon-γ.".into(),
                &format!("JAK-STAT 信号通路介导了多种参与{zc}发病的细胞因子信号，包括干扰素-γ。"),
            );
        }
        if self.design != Design::Review && self.rng.chance(60) {
            let d = self.dcap();
            let zd = self.drug.zh;
            p.say(
                format!(
                    "{d}, {}, has shown promise in several immune-mediated skin diseases.",
                    self.drug.what
                ),
                &format!("{zd}是一种 JAK 抑制剂，在多种免疫介导性皮肤病中显示出良好前景。"),
            );
        }
        p
    }

    fn objective(&mut self) -> Part {
        let mut p = Part::default();
        let zc = self.cond.zh;
        if self.design == Design::Review {
            p.say(
                format!(
                    "In this review, we summarize the current evidence on JAK inhibitors for {}.",
                    self.cond.text
                ),
                &format!("本文综述了 JAK 抑制剂治疗{zc}的现有证据。"),
            );
            return p;
        }
        let d = self.d();
        let zd = self.drug.zh;
        let sev = self.sev();
        let cond = self.c();
        let en = match (self.shape, self.rng.below(3)) {
            (Shape::Conference, _) if self.design == Design::CaseReport => format!(
                "In this report, we describe a {} with {sev}{cond} treated with {d}.",
                self.person()
            ),
            (Shape::Conference, _) => format!(
                "In this study, we evaluated our {} with {sev}{cond} who received {d} treatment.",
                self.patient_noun()
            ),
            (_, 0) => format!(
                "The aim was to evaluate the efficacy and safety of {d} in patients with {sev}{cond}."
            ),
            (_, 1) => {
                format!("To assess the effectiveness and tolerability of {d} for {sev}{cond}.")
            }
            _ => format!("We sought to describe the clinical response of {sev}{cond} to {d}."),
        };
        p.say(en, &format!("评估{zd}治疗{zc}的疗效和安全性。"));
        p
    }

    fn topical(&self) -> bool {
        ["cream", "ointment"]
            .iter()
            .any(|w| self.dose.0.contains(w))
    }

    fn dose_phrase(&mut self) -> String {
        let d = self.d();
        let dose = self.dose.0;
        if self.topical() {
            // "ruxolitinib 1.5% cream twice daily" or "ruxolitinib cream
            // 1.5% twice daily".
            let form = ["cream", "ointment"]
                .into_iter()
                .find_map(|form| dose.split_once(&format!(" {form} ")).map(|s| (form, s)));
            if let Some((form, (strength, rest))) = form
                && self.rng.chance(50)
            {
                return format!("{d} {form} {strength} {rest}");
            }
            return format!("{d} {dose}");
        }
        match (self.shape == Shape::Conference, self.rng.below(3)) {
            (true, 0) if dose.ends_with("/day") => {
                format!(
                    "{d} ({}/gün)",
                    dose.trim_end_matches("/day").replace(' ', "")
                )
            }
            (_, 1) => format!("{d} at a dose of {dose}"),
            _ => format!("{d} {dose}"),
        }
    }

    /// " after failure of X" / " in combination with X" / "", and its Chinese.
    fn second_clause(&mut self) -> (String, String) {
        match self.second {
            Second::Prior(o) => {
                let t = self.other_named(o);
                (
                    format!(" after failure of {t}"),
                    format!("（既往{}治疗无效）", o.zh),
                )
            }
            Second::Combo(o) => {
                let t = self.other_named(o);
                (
                    format!(" in combination with {t} {}", o.dose),
                    format!("，联合{}", o.zh),
                )
            }
            _ => (String::new(), String::new()),
        }
    }

    /// "X 5 mg twice daily" or "X 5 mg twice daily or Y 4 mg once daily"
    /// when some patients had a second JAK inhibitor; and the Chinese "或Y".
    fn treated(&mut self, dose_phrase: String) -> (String, String) {
        match self.second {
            Second::Jak(j, dose) => {
                if !self.named.contains(&j.name) {
                    self.named.push(j.name);
                }
                (
                    format!("{dose_phrase} or {} {}", j.name, dose.0),
                    format!("或{}", j.zh),
                )
            }
            _ => (dose_phrase, String::new()),
        }
    }

    fn methods(&mut self) -> Part {
        let mut p = Part::default();
        let zc = self.cond.zh;
        let zd = self.drug.zh;
        let zdose = self.dose.1;
        let n = self.n;
        let noun = self.patient_noun();
        // A study period that ends before publication and, mostly, starts
        // once the drug was available.
        let y2 = self.year - 1;
        let y1 = (y2 - self.rng.range(1, 5))
            .max(self.drug.since.saturating_sub(2))
            .min(y2 - 1);
        match self.design {
            Design::CaseReport => {
                let person = self.person();
                let age = self.age;
                let cond = self.c();
                let years = self.rng.range(1, 12);
                let history = match self.second {
                    Second::Prior(o) => format!("refractory to {}", self.other_named(o)),
                    _ => "refractory to multiple topical and systemic therapies".to_string(),
                };
                let (he, _) = self.pronoun();
                if self.rng.chance(50) {
                    p.say(
                        format!("A {age}-year-old {person} presented with a {years}-year history of {cond} {history}."),
                        &format!("本文报告 1 例{age}岁{}{zc}患者，病程{years}年，既往多种治疗无效。", if self.female { "女性" } else { "男性" }),
                    );
                } else {
                    p.say(
                        format!("We report the case of a {age}-year-old {person} with {}{cond} {history}.", self.sev()),
                        &format!("本文报告 1 例{age}岁{}{zc}患者，既往多种治疗无效。", if self.female { "女性" } else { "男性" }),
                    );
                }
                let dp = self.dose_phrase();
                let (extra, zextra) = match self.second {
                    Second::Combo(_) => self.second_clause(),
                    _ => (String::new(), String::new()),
                };
                let route = if self.topical() { "" } else { "oral " };
                p.say(
                    format!("{he} was started on {route}{dp}{extra}."),
                    &format!("给予{zd} {zdose}治疗{zextra}。"),
                );
            }
            Design::CaseSeries => {
                let cond = self.c();
                let sev = self.sev();
                let dp = self.dose_phrase();
                let (extra, zextra) = self.second_clause();
                let (treated, zjak) = self.treated(dp);
                match self.rng.below(4) {
                    0 => p.say(
                        format!("We report {n} {noun} with {sev}{cond} treated with {treated}{extra} at our department between {y1} and {y2}."),
                        &format!("本研究纳入 {y1} 年至 {y2} 年在我科接受{zd}{zjak}治疗的 {n} 例{zc}患者{zextra}。"),
                    ),
                    1 => p.say(
                        format!("This case series included {n} {noun} with {cond} who received {treated}{extra}."),
                        &format!("本病例系列纳入 {n} 例接受{zd}{zjak}治疗的{zc}患者{zextra}。"),
                    ),
                    2 => {
                        self.retrospective = true;
                        let count = match number_word(n) {
                            Some(w) if self.rng.chance(60) => cap(w),
                            _ => n.to_string(),
                        };
                        p.say(
                            format!("{count} {noun} who received {treated}{extra} because of {sev}{cond} were included in the study. The data were obtained retrospectively from the hospital records."),
                            &format!("本研究纳入 {n} 例因{zc}接受{zd}{zjak}治疗的患者{zextra}，数据回顾性收集自医院病历。"),
                        );
                    }
                    _ => {
                        self.retrospective = true;
                        p.say(
                            format!("We retrospectively reviewed the records of {n} consecutive {noun} with {sev}{cond} treated with {treated}{extra}."),
                            &format!("回顾性分析 {n} 例连续接受{zd}{zjak}治疗的{zc}患者的病历资料{zextra}。"),
                        );
                    }
                }
                if self.rng.chance(70) {
                    let weeks: Vec<String> = [4, 8, 12, 24, 52]
                        .iter()
                        .filter(|&&v| v < self.week)
                        .chain(std::iter::once(&self.week))
                        .map(u32::to_string)
                        .collect();
                    let (last, rest) = weeks.split_last().unwrap_or((&weeks[0], &[]));
                    p.say(
                        format!("Disease activity was assessed with the {} at baseline and at weeks {} and {last}.", self.cond.score, rest.join(", ")),
                        &format!("于基线及第 {} 周评估疾病活动度。", weeks.join("、")),
                    );
                }
            }
            Design::Cohort => {
                self.retrospective = true;
                let cond = self.c();
                let sev = self.sev();
                let dp = self.dose_phrase();
                let (extra, zextra) = self.second_clause();
                let (dp, zjak) = self.treated(dp);
                let centres = self.rng.range(2, 9);
                match self.rng.below(2) {
                    0 => p.say(
                        format!("In this retrospective cohort study of {n} patients with {sev}{cond} treated with {dp}{extra} at {centres} centres between {y1} and {y2}, we assessed effectiveness and safety."),
                        &format!("本回顾性队列研究纳入 {y1} 年至 {y2} 年在 {centres} 家中心接受{zd}{zjak}治疗的 {n} 例{zc}患者{zextra}。"),
                    ),
                    _ => p.say(
                        format!("We conducted a multicentre retrospective cohort study and included {n} patients with {cond} who started {dp}{extra} between {y1} and {y2}."),
                        &format!("我们开展了一项多中心回顾性队列研究，纳入 {n} 例接受{zd}{zjak}治疗的{zc}患者{zextra}。"),
                    ),
                }
                let months = self.rng.range(6, 36);
                p.say(
                    format!("The median follow-up was {months} months."),
                    &format!("中位随访时间为 {months} 个月。"),
                );
            }
            Design::Rct => {
                let cond = self.c();
                let dp = self.dose_phrase();
                let w = self.week;
                let (ratio, zratio) = if self.rng.chance(50) {
                    ("2:1", "2:1")
                } else {
                    ("1:1", "1:1")
                };
                let spelling = if self.rng.chance(60) {
                    "randomized"
                } else {
                    "randomised"
                };
                p.say(
                    format!("In this {spelling}, double-blind, placebo-controlled trial, {n} patients with moderate-to-severe {cond} were enrolled and {spelling} {ratio} to {dp} or placebo for {w} weeks."),
                    &format!("在这项随机、双盲、安慰剂对照试验中，{n} 例中重度{zc}患者按 {zratio} 随机接受{zd} {zdose}或安慰剂治疗 {w} 周。"),
                );
                p.say(
                    format!("The primary end point was the proportion of patients achieving {} at week {w}.", self.cond.goal),
                    &format!("主要终点为第 {w} 周达到{}的患者比例。", self.cond.zh_goal),
                );
            }
            Design::Review => {
                let names: Vec<&str> = self.review_drugs.iter().map(|d| d.name).collect();
                let list = match names.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("{} and {last}", rest.join(", "))
                    }
                    _ => names.join(""),
                };
                let zlist: Vec<&str> = self.review_drugs.iter().map(|d| d.zh).collect();
                self.drug_named = true;
                p.say(
                    format!(
                        "We searched PubMed and Embase for publications on {list} in {} up to {}.",
                        self.cond.text, self.year
                    ),
                    &format!(
                        "检索 PubMed 和 Embase 数据库中截至 {} 年关于{}治疗{zc}的文献。",
                        self.year,
                        zlist.join("、")
                    ),
                );
                if let Second::Prior(o) = self.second {
                    let t = self.other_named(o);
                    p.say(
                        format!(
                            "Their place after conventional agents such as {t} is also considered."
                        ),
                        &format!("同时讨论了其在{}等传统药物之后的地位。", o.zh),
                    );
                }
            }
        }
        if let Some((en, zh)) = self.method_detail() {
            p.say(en, &zh);
        }
        if let Some((en, zh)) = self.baseline() {
            p.say(en, &zh);
        }
        p
    }

    /// One more sentence of methods, as the design calls for.
    fn method_detail(&mut self) -> Option<(String, String)> {
        if self.rng.chance(30) {
            return None;
        }
        let w = self.week;
        Some(match self.design {
            Design::CaseReport if self.rng.chance(50) && !self.cond.rheum => (
                "Histopathological examination of a skin biopsy specimen confirmed the diagnosis.".into(),
                "皮肤活检组织病理学检查证实了诊断。".into(),
            ),
            Design::CaseReport => (
                "Baseline laboratory tests, including a complete blood count and liver function tests, were within normal limits.".into(),
                "基线实验室检查（包括血常规和肝功能）均在正常范围内。".into(),
            ),
            Design::CaseSeries => (
                "Patient characteristics, previous treatments, concomitant medications and adverse events were recorded.".into(),
                "记录患者的基本特征、既往治疗、合并用药及不良事件。".into(),
            ),
            Design::Cohort => (
                format!("The primary outcome was the proportion of patients achieving {} at week {w}.", self.cond.goal),
                format!("主要结局为第 {w} 周达到{}的患者比例。", self.cond.zh_goal),
            ),
            Design::Rct => (
                "Randomization was stratified by baseline disease severity and geographic region.".into(),
                "随机化按基线疾病严重程度和地区分层。".into(),
            ),
            Design::Review => (
                "Randomized trials, observational data and published case reports were considered.".into(),
                "纳入随机试验、观察性数据及已发表的病例报告。".into(),
            ),
        })
    }

    /// Age, sex and disease duration of a group of patients.
    fn baseline(&mut self) -> Option<(String, String)> {
        let group = match self.design {
            Design::CaseSeries => self.n >= 4,
            Design::Cohort | Design::Rct => true,
            _ => false,
        };
        if !group || self.rng.chance(30) {
            return None;
        }
        let juvenile = self.cond.name == "juvenile dermatomyositis";
        let (lo, hi) = if juvenile { (3, 17) } else { (18, 80) };
        let youngest = self.rng.range(lo, lo + 10);
        let oldest = self.rng.range(youngest + 5, hi);
        let centre = (youngest + oldest) / 2;
        let middle = self.rng.range(
            centre - (oldest - youngest) / 6,
            centre + (oldest - youngest) / 6,
        );
        let female = self.rng.range(30, 75);
        let duration = self.rng.range(1, 15);
        let mean = if self.rng.chance(50) {
            "median"
        } else {
            "mean"
        };
        Some((
            format!(
                "The {mean} age was {middle} years (range, {youngest}-{oldest}), {female}% were female, and the {mean} disease duration was {duration} years."
            ),
            format!(
                "患者年龄 {youngest}～{oldest} 岁，女性占 {female}%，病程中位数为 {duration} 年。"
            ),
        ))
    }

    fn results(&mut self) -> Part {
        let mut p = self.main_results();
        let mut said = Vec::new();
        for _ in 0..2 {
            if let Some((en, zh)) = self.secondary()
                && !said.contains(&en)
            {
                p.say(en.clone(), &zh);
                said.push(en);
            }
        }
        p
    }

    fn main_results(&mut self) -> Part {
        let mut p = Part::default();
        let w = self.week;
        let n = self.n;
        let score = self.cond.score;
        let goal = self.cond.goal;
        let zgoal = self.cond.zh_goal;
        let noun = self.patient_noun();
        match self.design {
            Design::CaseReport => {
                let (_, his) = self.pronoun();
                let (before, after) = self.score_values();
                p.say(
                    format!("After {w} weeks of treatment, marked improvement was observed, and {} {score} decreased from {before} to {after}.", his.to_lowercase()),
                    &format!("治疗 {w} 周后病情明显改善，评分由 {before} 降至 {after}。"),
                );
                let months = self.rng.range(3, 18);
                p.say(
                    format!("The response was sustained at {months}-month follow-up."),
                    &format!("随访 {months} 个月疗效持续。"),
                );
            }
            Design::CaseSeries | Design::Cohort => {
                let k = self.responders(35, 100);
                let pk = pct(k, n);
                if self.design == Design::Cohort && self.rng.chance(50) {
                    let m = (w / 4).max(3);
                    p.say(
                        format!(
                            "At month {m}, {goal} was achieved by {k} of {n} patients ({pk}%)."
                        ),
                        &format!("第 {m} 个月时，{k}/{n} 例患者（{pk}%）达到{zgoal}。"),
                    );
                } else {
                    p.say(
                        format!("At week {w}, {k} of {n} {noun} ({pk}%) achieved {goal}."),
                        &format!("治疗第 {w} 周时，{k}/{n} 例患者（{pk}%）达到{zgoal}。"),
                    );
                }
                let (before, after) = self.score_values();
                let d = self.d();
                let average = if self.rng.chance(50) {
                    "mean"
                } else {
                    "median"
                };
                p.say(
                    format!("The {average} {score} decreased from {before} at baseline to {after} after {d} treatment."),
                    &format!("平均评分由基线时的 {before} 降至 {after}。"),
                );
                if k < n && self.rng.chance(50) {
                    let partial = self.rng.range(1, n - k);
                    let zp = partial;
                    p.say(
                        format!(
                            "A partial response was seen in {partial} further {}.",
                            if partial == 1 { "patient" } else { "patients" }
                        ),
                        &format!("另有 {zp} 例患者部分缓解。"),
                    );
                }
            }
            Design::Rct => {
                let n1 = if self.rng.chance(50) {
                    n * 2 / 3
                } else {
                    n / 2
                };
                let n2 = n - n1;
                let k1 = (n1 * self.rng.range(35, 75) + 50) / 100;
                let k2 = (n2 * self.rng.range(4, 25) + 50) / 100;
                let d = self.d();
                p.say(
                    format!(
                        "At week {w}, {k1} of {n1} patients ({}%) receiving {d} achieved {goal}, compared with {k2} of {n2} ({}%) receiving placebo (P < .001).",
                        pct(k1, n1),
                        pct(k2, n2)
                    ),
                    &format!("第 {w} 周时，{zd}组 {k1}/{n1} 例（{}%）达到{zgoal}，安慰剂组为 {k2}/{n2} 例（{}%）（P < 0.001）。", pct(k1, n1), pct(k2, n2), zd = self.drug.zh),
                );
                p.say(
                    format!("Improvements in itch and quality of life were significantly greater with {d} than with placebo."),
                    "瘙痒和生活质量的改善亦显著优于安慰剂组。",
                );
            }
            Design::Review => {
                let first = self.review_drugs[0].name;
                let last = self.review_drugs[self.review_drugs.len() - 1].name;
                p.say(
                    format!("{} has shown efficacy in clinical trials, whereas the evidence for {last} is limited to case reports and small observational cohorts.", cap(first)),
                    &format!("{}已在临床试验中显示疗效，而{}的证据仅限于病例报告和小型观察性研究。", self.review_drugs[0].zh, self.review_drugs[self.review_drugs.len() - 1].zh),
                );
                p.say(
                    format!("Topical and oral formulations are compared, and the response of {} to selective and non-selective inhibition is discussed.", self.cond.text),
                    "比较了外用和口服剂型的差异，并讨论了选择性与非选择性抑制的疗效。",
                );
            }
        }
        p
    }

    /// Quality of life, itch or time to response.
    fn secondary(&mut self) -> Option<(String, String)> {
        if self.design == Design::Review || self.rng.chance(40) {
            return None;
        }
        let own = self.design == Design::CaseReport;
        let (_, his) = self.pronoun();
        let whose = if own {
            his.to_lowercase()
        } else {
            "the mean".to_string()
        };
        Some(match self.rng.below(3) {
            0 => {
                let before = self.rng.range(12, 26);
                let after = self.rng.range(0, before / 3);
                (
                    format!(
                        "{} Dermatology Life Quality Index (DLQI) improved from {before} to {after}.",
                        cap(&whose)
                    ),
                    format!("皮肤病生活质量指数（DLQI）由 {before} 改善至 {after}。"),
                )
            }
            1 => {
                let before = self.rng.range(6, 10);
                let after = self.rng.range(0, before / 2);
                (
                    format!(
                        "Pruritus, rated on a 0-10 numeric rating scale, decreased from {before} to {after}."
                    ),
                    format!("瘙痒数字评分（0-10 分）由 {before} 分降至 {after} 分。"),
                )
            }
            _ if own => {
                let weeks = self.rng.range(2, 8);
                (
                    format!("Improvement was first noted after {weeks} weeks."),
                    format!("治疗 {weeks} 周后开始出现改善。"),
                )
            }
            _ => {
                let weeks = self.rng.range(2, 12);
                (
                    format!("The median time to response was {weeks} weeks."),
                    format!("中位起效时间为 {weeks} 周。"),
                )
            }
        })
    }

    fn safety(&mut self) -> Part {
        let mut p = Part::default();
        let aes = self.aes.clone();
        if self.design == Design::Review {
            if aes.is_empty() {
                p.say(
                    "The safety profile of JAK inhibitors, including class warnings, is discussed."
                        .into(),
                    "讨论了 JAK 抑制剂的安全性，包括类别警示。",
                );
            } else {
                let names: Vec<&str> = aes.iter().map(|a| a.text).collect();
                let zh: Vec<&str> = aes.iter().map(|a| a.zh).collect();
                p.say(
                    format!("Reported adverse events include {}, and long-term safety data are still needed.", names.join(", ")),
                    &format!("已报道的不良事件包括{}，仍需长期安全性数据。", zh.join("、")),
                );
            }
            return p;
        }
        if aes.is_empty() {
            match self.rng.below(3) {
                0 => p.say(
                    "No serious adverse events were reported.".into(),
                    "未报告严重不良事件。",
                ),
                1 => p.say(
                    "The treatment was well tolerated, and no adverse events were observed.".into(),
                    "治疗耐受性良好，未观察到不良事件。",
                ),
                _ => p.say(
                    "No patient discontinued treatment because of adverse events.".into(),
                    "无患者因不良事件停药。",
                ),
            }
        } else if self.design == Design::CaseReport {
            let (he, _) = self.pronoun();
            let month = self.rng.range(1, 6);
            p.say(
                format!("{he} developed mild {} at month {month}, which resolved without interrupting treatment.", aes[0].text),
                &format!("治疗第 {month} 个月出现轻度{}，未中断治疗即缓解。", aes[0].zh),
            );
        } else if self.design == Design::Rct
            || (self.design == Design::Cohort && self.rng.chance(50))
        {
            let parts: Vec<String> = aes
                .iter()
                .map(|a| format!("{} ({}%)", a.text, pct(self.rng.range(2, 15), 100)))
                .collect();
            let zh: Vec<&str> = aes.iter().map(|a| a.zh).collect();
            let list = match parts.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                _ => parts.join(""),
            };
            p.say(
                format!(
                    "The most common adverse {} {list}.",
                    if parts.len() == 1 {
                        "event was"
                    } else {
                        "events were"
                    }
                ),
                &format!("最常见的不良事件为{}。", zh.join("、")),
            );
        } else {
            let max = (self.n / 3).max(1);
            let parts: Vec<String> = aes
                .iter()
                .map(|a| {
                    let c = self.rng.range(1, max);
                    format!(
                        "{} in {c} {}",
                        a.text,
                        if c == 1 { "patient" } else { "patients" }
                    )
                })
                .collect();
            let zh: Vec<&str> = aes.iter().map(|a| a.zh).collect();
            let list = match parts.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                _ => parts.join(""),
            };
            p.say(
                format!("Adverse events included {list}; no serious adverse events occurred."),
                &format!("不良事件包括{}，未发生严重不良事件。", zh.join("、")),
            );
        }
        if !self.absent.is_empty() {
            let names: Vec<&str> = self.absent.iter().map(|a| a.text).collect();
            let zh: Vec<&str> = self.absent.iter().map(|a| a.zh).collect();
            p.say(
                format!("No cases of {} were observed.", names.join(" or ")),
                &format!("未观察到{}病例。", zh.join("或")),
            );
        }
        p
    }

    fn conclusion(&mut self) -> Part {
        let mut p = Part::default();
        let zc = self.cond.zh;
        let zd = self.drug.zh;
        let cond = self.cond.text;
        if self.design == Design::Review {
            p.say(
                format!("JAK inhibitors are a promising therapeutic option for {cond}, but further controlled studies are needed to define their long-term safety."),
                &format!("JAK 抑制剂是治疗{zc}的有前景的选择，但仍需进一步对照研究明确其长期安全性。"),
            );
            return p;
        }
        let d = self.d();
        let sev = self.sev();
        let en = match (self.design, self.rng.below(3)) {
            (Design::Rct, _) => format!(
                "{} was superior to placebo in moderate-to-severe {cond}, with an acceptable safety profile.",
                cap(&d)
            ),
            (_, 0) => format!(
                "{} may be an effective and safe treatment option for {sev}{cond}.",
                cap(&d)
            ),
            (_, 1) => format!(
                "These findings suggest that {d} is a promising therapy for {cond} resistant to conventional treatments; larger controlled studies are needed."
            ),
            _ => format!(
                "JAK inhibition with {d} appears effective and well tolerated in {sev}{cond}."
            ),
        };
        p.say(en, &format!("{zd}可能是治疗难治性{zc}的有效且安全的选择。"));
        match self.rng.below(4) {
            0 => p.say(
                "Further prospective studies with longer follow-up are warranted.".into(),
                "仍需开展随访时间更长的前瞻性研究。",
            ),
            1 => p.say(
                "Larger controlled trials are needed to confirm these results and to define the optimal dose and duration of treatment.".into(),
                "仍需更大规模的对照试验证实上述结果，并确定最佳剂量和疗程。",
            ),
            _ => {}
        }
        p
    }

    /// A one-paragraph summary that aggregator pages put before the abstract.
    fn summary(&mut self, headline: Option<&str>) -> String {
        let cond = self.cond.text;
        if self.design == Design::Review {
            return format!(
                "This review summarizes the evidence for JAK inhibitors in {cond} and discusses their efficacy and safety."
            );
        }
        let d = self.d();
        let aim = format!(
            "This study investigates the efficacy of {d} in {}{cond}.",
            self.sev()
        );
        let close = format!(
            "Therefore, {d} shows promise as a treatment for {cond}, but further clinical research is needed."
        );
        match headline {
            Some(h) => format!("{aim} {h} {close}"),
            None => format!("{aim} {close}"),
        }
    }

    // -- page shapes ---------------------------------------------------------

    fn write(&mut self, index: u64) -> Generated {
        let journal = &JOURNALS[self.rng.below(JOURNALS.len())];
        let year = self.year;
        let month = self.rng.range(1, 12);
        let volume = (journal.volume_2024 as i64 - (2024 - year as i64)).max(1);
        let issue = self.rng.range(1, 12);
        // Bijections of the file index (the multipliers are prime to the
        // moduli), so every file has its own DOI and PMID.
        let unique = 1_000_000 + (index.wrapping_mul(104_729) + self.id_offset) % 9_000_000;
        let doi = journal
            .doi
            .replace("{Y}", &year.to_string())
            .replace("{M}", &format!("{month:02}"))
            .replace("{U}", &unique.to_string())
            .replace("{V}", &volume.to_string());
        let pmid = 30_000_000 + (index.wrapping_mul(7_919) + self.id_offset) % 60_000_000;
        let pages = match journal.pages {
            1 => format!("{}", 2_000_000 + unique % 1_000_000),
            2 => format!("e{}", 10_000 + unique % 90_000),
            _ => {
                let first = self.rng.range(100, 3000);
                format!("{first}-{}", first + self.rng.range(3, 12))
            }
        };

        let has_title = match self.shape {
            Shape::Paste => false,
            Shape::Conference => self.rng.chance(50),
            _ => true,
        };
        let mut title = if has_title { Some(self.title()) } else { None };
        if self.shape == Shape::Publisher {
            title = title.map(|t| title_case(&t));
        }
        let caps_title = self.shape == Shape::Conference && self.rng.chance(50);
        let bg = self.background();
        let obj = self.objective();
        let methods = self.methods();
        let results = self.results();
        let safety = self.safety();
        let concl = self.conclusion();
        // Printed before the abstract, written from its first result.
        let summary = if self.shape == Shape::Publisher && self.rng.chance(80) {
            let headline = results.en.first().cloned();
            Some(self.summary(headline.as_deref()))
        } else {
            None
        };

        let chinese = self.shape == Shape::Paste && self.rng.chance(62);
        let mut out = String::with_capacity(4096);
        let mut stated_year = Some(year);
        let mut stated_journal = None;
        let mut stated_pmid = None;
        match self.shape {
            Shape::Paste => {
                let affiliations = if self.rng.chance(75) { 1 } else { 2 };
                for _ in 0..affiliations {
                    let (inst, place) = self.rng.pick(INSTITUTIONS);
                    let dept = if self.cond.rheum && self.rng.chance(60) {
                        "Rheumatology"
                    } else {
                        self.rng.pick(&[
                            "Dermatology",
                            "Dermatology",
                            "Dermatology and Venereology",
                        ])
                    };
                    out.push_str(&format!("Department of {dept}, {inst}, {place}.\n"));
                }
                let m = MONTHS[month as usize - 1];
                let date = match self.rng.below(3) {
                    0 => format!("{year} {m}"),
                    1 => format!("{year} {m} {}", self.rng.range(1, 28)),
                    _ => format!("{year}"),
                };
                out.push_str(&format!(
                    "{}. {date};{volume}({issue}):{pages}. doi: {doi}.",
                    journal.abbr
                ));
                if self.rng.chance(50) {
                    let em = MONTHS[self.rng.below(12)];
                    let ey = if month <= 3 { year - 1 } else { year };
                    out.push_str(&format!(" Epub {ey} {em} {}.", self.rng.range(1, 28)));
                }
                out.push('\n');
                stated_journal = Some(journal.abbr.to_string());

                // 4 to 6 paragraphs: the aim and the safety findings have a
                // paragraph of their own or join their neighbour.
                let mut paragraphs: Vec<(String, String)> = Vec::new();
                let join_aim = self.rng.chance(50);
                let join_safety = self.rng.chance(50);
                if join_aim {
                    paragraphs.push((
                        format!("{} {}", bg.text(), obj.text()),
                        format!("{}{}", bg.zh, obj.zh),
                    ));
                } else {
                    paragraphs.push((bg.text(), bg.zh.clone()));
                    paragraphs.push((obj.text(), obj.zh.clone()));
                }
                paragraphs.push((methods.text(), methods.zh.clone()));
                if join_safety {
                    paragraphs.push((
                        format!("{} {}", results.text(), safety.text()),
                        format!("{}{}", results.zh, safety.zh),
                    ));
                } else {
                    paragraphs.push((results.text(), results.zh.clone()));
                    paragraphs.push((safety.text(), safety.zh.clone()));
                }
                paragraphs.push((concl.text(), concl.zh.clone()));
                for (en, _) in &paragraphs {
                    out.push_str(en);
                    out.push('\n');
                }
                if chinese {
                    for (_, zh) in &paragraphs {
                        out.push_str(zh);
                        out.push('\n');
                    }
                }
            }
            Shape::Page => {
                let t = title.clone().unwrap_or_default();
                out.push_str(&format!("{t}\n- PMID: {pmid}\n"));
                if self.rng.chance(40) {
                    out.push_str(&format!("- PMCID: PMC{}\n", unique + 3_000_000));
                }
                out.push_str(&format!("- DOI: {doi}\n{t}\nAbstract\n"));
                let body = [&bg, &obj, &methods, &results, &safety, &concl]
                    .iter()
                    .map(|p| p.text())
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push_str(&body);
                out.push('\n');
                out.push_str(&format!("Keywords: {}.\n", self.keywords(true).join("; ")));
                let author = self.rng.pick(SURNAMES);
                if self.rng.chance(70) {
                    out.push_str(&format!("Copyright © {year} {author} et al.\n"));
                } else {
                    let other = self.rng.pick(SURNAMES);
                    out.push_str(&format!("Copyright © {year} {author} and {other}.\n"));
                }
                if self.rng.chance(50) {
                    out.push_str("Conflict of interest statement\nThe authors declare that the research was conducted in the absence of any commercial or financial relationships that could be construed as a potential conflict of interest.\n");
                }
                for (line, percent) in [
                    ("Figures", 60),
                    ("References", 100),
                    ("Publication types", 50),
                    ("MeSH terms", 80),
                    ("Substances", 50),
                    ("LinkOut - more resources", 100),
                    ("Full Text Sources", 60),
                    ("Medical", 40),
                ] {
                    if self.rng.chance(percent) {
                        out.push_str(line);
                        out.push('\n');
                    }
                }
                stated_pmid = Some(pmid.to_string());
            }
            Shape::Publisher => {
                let rating = format!("{}.{}", self.rng.range(3, 4), self.rng.below(10));
                let t = title.clone().unwrap_or_default();
                let issue_text = if self.rng.chance(20) {
                    "-".to_string()
                } else {
                    issue.to_string()
                };
                let locator_pages = if pages.contains('-') {
                    pages.clone()
                } else {
                    format!("{pages}-{pages}")
                };
                out.push_str(&format!(
                    "{rating} Article\n\n{t}\n\nJournal\n\n{}\nVolume {volume}, Issue {issue_text}, Pages {locator_pages}\n\n",
                    journal.caps
                ));
                stated_journal = Some(journal.caps.to_string());
                if self.rng.chance(60) {
                    out.push_str(&format!(
                        "Published\n\n{} {} {year}\n\n",
                        self.rng.range(1, 28),
                        MONTH_NAMES[month as usize - 1]
                    ));
                } else {
                    stated_year = None;
                }
                out.push_str(&format!(
                    "Publisher\n\n{}\nDOI: {doi}\n\n",
                    journal.publisher
                ));
                out.push_str(&format!(
                    "Keywords\n\n{}\n\n",
                    self.keywords(false).join("; ")
                ));
                out.push_str("Ask authors/readers for more resources\n\n");
                let conclusion_label = self.rng.pick(&["Conclusion", "Conclusions"]);
                let mut body = String::new();
                if let Some(s) = &summary {
                    body.push_str(s);
                    body.push('\n');
                }
                body.push_str(&format!(
                    "Background: {} {} Methods: {} Results: {} {} {conclusion_label}: {}",
                    bg.text(),
                    obj.text(),
                    methods.text(),
                    results.text(),
                    safety.text(),
                    concl.text()
                ));
                out.push_str(&body);
                out.push_str(&format!(
                    "\n\nAuthors\n\nI am an author on this paper\nClick your name to claim this paper and add it to your profile.\n\nReviews\n\nPrimary Rating\n\n{rating}\nNot enough ratings\n\nSecondary Ratings\n\nNovelty\n-\nSignificance\n-\nScientific rigor\n-\nRate this paper\n\nRecommended\n\nNo Data Available\nNo Data Available\n"
                ));
            }
            Shape::Conference => {
                if let Some(t) = &title {
                    if caps_title {
                        out.push_str(&t.to_uppercase());
                    } else {
                        out.push_str(t);
                    }
                    out.push_str("\n\n");
                }
                out.push_str("Abstract\n\n");
                let objective = self.rng.pick(&["Objectives", "Objective"]);
                let conclusion = self.rng.pick(&["Conclusion", "Conclusions"]);
                out.push_str(&format!(
                    "Background:{}{objective}:{}Methods:{}Results:{} {}{conclusion}:{}",
                    bg.text(),
                    obj.text(),
                    methods.text(),
                    results.text(),
                    safety.text(),
                    concl.text()
                ));
                if self.rng.chance(30) {
                    out.push_str("Acknowledgements:NIL.");
                }
                out.push_str("Disclosure of Interests:None declared\n\n");
                if self.rng.chance(50) {
                    let (name, supplement, volume_2024) = self.rng.pick(MEETINGS);
                    let volume = (volume_2024 + year).saturating_sub(2024).max(1);
                    out.push_str(&format!(
                        "Citation: {name}, volume {volume}, {supplement}, year {year}, page {}\n",
                        self.rng.range(100, 2000)
                    ));
                    stated_journal = Some(name.to_string());
                } else {
                    stated_year = None;
                }
                out.push_str("Full Text\nPublished version (Free)\n\nTalk to us\n\nJoin us for a 30 min session where you can share your feedback and ask us any queries you have\n\nSchedule a call\n");
            }
        }

        let design = match self.design {
            Design::CaseReport => "case report",
            Design::CaseSeries if self.retrospective => "retrospective case series",
            Design::CaseSeries => "case series",
            Design::Cohort => "retrospective cohort study",
            Design::Rct => "randomized controlled trial",
            Design::Review => "review",
        };
        let drugs = self.drug_order(&out);
        let mut adverse_events: Vec<&'static str> = self.aes.iter().map(|a| a.name).collect();
        adverse_events.sort_unstable();
        Generated {
            shape: self.shape,
            title,
            year: stated_year,
            journal: stated_journal,
            // Conference abstracts print none.
            doi: (self.shape != Shape::Conference).then_some(doi),
            pmid: stated_pmid,
            design: Some(design),
            n_patients: (self.design != Design::Review).then_some(self.n),
            main_drug: self.drug.name,
            drugs,
            conditions: vec![self.cond.name],
            adverse_events,
            chinese,
            text: out,
        }
    }

    /// Keywords: PubMed sorts them (capitals first), aggregators do not.
    fn keywords(&mut self, sorted: bool) -> Vec<String> {
        let mut k = vec![
            self.drug.name.to_string(),
            self.cond.text.to_string(),
            self.rng
                .pick(&["JAK inhibitor", "Janus kinase inhibitors", "JAK-STAT"])
                .to_string(),
        ];
        if self.design == Design::Review {
            for d in self.review_drugs.iter().skip(1) {
                k.push(d.name.to_string());
            }
        }
        k.push(
            match self.design {
                Design::CaseReport => "case report",
                Design::CaseSeries => "case series",
                Design::Cohort => "real-world evidence",
                Design::Rct => "clinical trial",
                Design::Review => "targeted therapy",
            }
            .to_string(),
        );
        if sorted {
            k.sort();
        }
        k
    }

    /// The drugs the text names, canonical, in order of first appearance.
    fn drug_order(&self, text: &str) -> Vec<&'static str> {
        let lower = text.to_lowercase();
        let mut found: Vec<(usize, &'static str)> = Vec::new();
        let mut jaks: Vec<&'static Jak> = self.review_drugs.clone();
        if let Second::Jak(j, _) = self.second {
            jaks.push(j);
        }
        for j in jaks {
            let at = [j.name, j.brand, j.code]
                .iter()
                .filter(|s| !s.is_empty())
                .filter_map(|s| lower.find(&s.to_lowercase()))
                .min();
            if let Some(at) = at {
                found.push((at, j.name));
            }
        }
        for &name in &self.named {
            // Every other drug's text contains its canonical name.
            if let Some(at) = lower.find(name) {
                found.push((at, name));
            }
        }
        found.sort();
        found.dedup_by(|a, b| a.1 == b.1);
        found.into_iter().map(|(_, n)| n).collect()
    }
}

// ---------------------------------------------------------------------------
// Truth output
// ---------------------------------------------------------------------------

fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_opt(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.push_str("null"),
    }
}

fn json_list(out: &mut String, items: &[&str]) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_str(out, item);
    }
    out.push(']');
}

impl Generated {
    fn truth_json(&self, index: u64) -> String {
        let mut o = String::with_capacity(512);
        o.push_str(&format!(
            "{{\"id\":\"gen_{index:06}\",\"file\":\"{:04}/gen_{index:06}.txt\",\"shape\":",
            index / PER_FOLDER
        ));
        json_str(&mut o, self.shape.name());
        o.push_str(",\"title\":");
        json_opt(&mut o, self.title.as_deref());
        o.push_str(",\"year\":");
        match self.year {
            Some(y) => o.push_str(&y.to_string()),
            None => o.push_str("null"),
        }
        o.push_str(",\"journal\":");
        json_opt(&mut o, self.journal.as_deref());
        o.push_str(",\"doi\":");
        json_opt(&mut o, self.doi.as_deref());
        o.push_str(",\"pmid\":");
        json_opt(&mut o, self.pmid.as_deref());
        o.push_str(",\"design\":");
        json_opt(&mut o, self.design);
        o.push_str(",\"n_patients\":");
        match self.n_patients {
            Some(n) => o.push_str(&n.to_string()),
            None => o.push_str("null"),
        }
        o.push_str(",\"main_drug\":");
        json_str(&mut o, self.main_drug);
        o.push_str(",\"drugs\":");
        json_list(&mut o, &self.drugs);
        o.push_str(",\"conditions\":");
        json_list(&mut o, &self.conditions);
        o.push_str(",\"adverse_events\":");
        json_list(&mut o, &self.adverse_events);
        o.push_str(&format!(",\"chinese\":{}}}", self.chinese));
        o
    }
}
