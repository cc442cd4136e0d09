//! Bibliographic metadata from the lines around an abstract: citation lines,
//! ID bullets, labelled blocks, keyword and copyright lines, journal names
//! (affiliations: `super::affiliations`).

use std::sync::LazyLock;

use regex::Regex;

use super::textutil;
use crate::model::{SharedStr, Study};
use crate::vocab::{CueSet, LineCues, Vocab};

/// What the metadata lines said, before it is copied into a [`Study`].
#[derive(Debug, Default)]
pub struct Meta {
    journal: Option<String>,
    /// The journal a logo names; a citation's journal comes first.
    brand: Option<String>,
    year: Option<i32>,
    fallback_year: Option<i32>,
    /// From a `Received` or `Accepted` date: the year of publication may be
    /// the next one, so any other date line comes first.
    submitted_year: Option<i32>,
    volume: Option<String>,
    issue: Option<String>,
    pages: Option<String>,
    doi: Option<String>,
    pmid: Option<String>,
    pmcid: Option<String>,
    publisher: Option<String>,
    keywords: Vec<String>,
    authors: Vec<String>,
    citation_line: bool,
    id_bullets: bool,
    blocks: bool,
}

impl Meta {
    pub fn journal(&self) -> Option<&str> {
        self.journal.as_deref().or(self.brand.as_deref())
    }

    /// A journal's logo line, `Cureus logoLink to Cureus` (PMC's header):
    /// the journal when no citation names one.
    pub fn absorb_logo(&mut self, line: &str) -> bool {
        let Some((name, link)) = line.split_once(" logoLink to ") else {
            return false;
        };
        if name.trim() == link.trim() && !textutil::more_words_than(name, 15) {
            set_once(&mut self.brand, name.trim().to_owned());
        }
        true
    }

    /// A bare journal-name line (`Journal of Dermatological Treatment`).
    pub fn set_journal(&mut self, line: &str, vocab: &Vocab) {
        set_once(
            &mut self.journal,
            textutil::recase_if_shouting(line.trim(), vocab),
        );
    }

    /// The page shape these lines point to.
    pub fn shape(&self) -> &'static str {
        if self.id_bullets {
            "pubmed-page"
        } else if self.citation_line {
            "pubmed-paste"
        } else if self.blocks {
            "publisher-page"
        } else {
            "abstract"
        }
    }

    pub fn fill(self, study: &mut Study) {
        study.journal = self.journal().map(SharedStr::interned);
        study.year = self.year.or(self.fallback_year).or(self.submitted_year);
        study.volume = self.volume.map(Into::into);
        study.issue = self.issue.map(Into::into);
        study.pages = self.pages.map(Into::into);
        study.doi = self.doi.map(Into::into);
        study.pmid = self.pmid.map(Into::into);
        study.pmcid = self.pmcid.map(Into::into);
        study.publisher = self.publisher.map(Into::into);
        study.keywords = self
            .keywords
            .iter()
            .map(|k| SharedStr::interned(k))
            .collect();
        if study.authors.is_empty() {
            study.authors = self.authors;
        }
    }

    /// The value line after a block heading (`Journal`, `Publisher`, ...).
    pub fn set_block(&mut self, field: &str, value: &str, vocab: &Vocab) {
        self.blocks = true;
        let value = value.trim();
        match field {
            "journal" => {
                set_once(
                    &mut self.journal,
                    textutil::recase_if_shouting(value, vocab),
                );
            }
            "publisher" => {
                set_once(
                    &mut self.publisher,
                    textutil::recase_if_shouting(value, vocab),
                );
            }
            "keywords" => self.keywords = split_keywords(value),
            "authors" => {
                self.authors = value
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(String::from)
                    .collect();
            }
            "doi" => {
                if let Some(doi) = find_doi(value) {
                    set_once(&mut self.doi, doi);
                }
            }
            "pmid" => set_id(&mut self.pmid, value, |v| {
                v.chars().all(|c| c.is_ascii_digit())
            }),
            "pmcid" => set_id(&mut self.pmcid, value, |v| v.starts_with("PMC")),
            "date" => self.fallback_year = self.fallback_year.or(find_year(value)),
            _ => {}
        }
    }
}

fn set_once(slot: &mut Option<String>, value: String) {
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value);
    }
}

fn set_id(slot: &mut Option<String>, value: &str, valid: impl Fn(&str) -> bool) {
    let value = value.trim().trim_end_matches('.');
    if valid(value) && !value.is_empty() {
        set_once(slot, value.to_string());
    }
}

/// Reads a metadata line into `meta`; false when the line is no metadata.
/// `cues` are the line's cue sets.
pub fn absorb(line: &str, cues: &LineCues<'_>, meta: &mut Meta, vocab: &Vocab) -> bool {
    // One pass over the line decides whether any metadata rule can apply.
    // A long line can only be one of the self-describing kinds just below,
    // whose anchored regexes fail at once on prose, so it skips the scan.
    let long = line.len() > MAX_METADATA_LINE;
    if !long && !cues.has(CueSet::Metadata) && !has_year(line) {
        return false;
    }
    // Lines that say what they are, at any length.
    if regex!(r"(?i)^(?:copyright(?-u:\b)|©|\(c\)\s|licen[cs]e:|this (?:is an open[- ]access )?article is (?:licensed|distributed))").is_match(line) {
        meta.fallback_year = meta.fallback_year.or(find_year(line));
        return true;
    }
    static CITATION: LazyLock<LabelledLine> = LazyLock::new(|| {
        LabelledLine::new(
            r"^(?i:citation|cite this article|how to cite|cite as|published in final edited form as|引用本文)\s*[:：]\s*",
        )
    });
    static KEYWORDS: LazyLock<LabelledLine> = LazyLock::new(|| {
        LabelledLine::new(
            r"(?i)^[【\[]?(?:key\s*words?|mesh keywords|author keywords|关键词|关键字)[】\]]?\s*[:：]?\s*",
        )
    });
    if let Some(rest) = CITATION.rest(line) {
        let _ = absorb_citation(rest, meta, vocab) || absorb_locator(rest, meta, vocab);
        return true;
    }
    if let Some(rest) = KEYWORDS.rest(line)
        && (line.contains([':', '：', '】', ']']))
    {
        meta.keywords = split_keywords(rest);
        return true;
    }
    if line.len() > MAX_METADATA_LINE {
        return false;
    }
    if absorb_ids(line, meta) {
        return true;
    }
    if absorb_date(line, meta) {
        return true;
    }
    absorb_citation(line, meta, vocab)
        || absorb_short_citation(line, meta, vocab)
        || absorb_breadcrumb(line, meta, vocab)
        || absorb_locator(line, meta, vocab)
}

/// A link strip that leads to the article: `Back to Journals » Infection and
/// Drug Resistance » Volume 11`, `中华皮肤科杂志 ›› 2025, Vol. 41 ›› Issue (4)`.
/// The part before the first locator is the journal; the rest is read as a
/// locator.
fn absorb_breadcrumb(line: &str, meta: &mut Meta, vocab: &Vocab) -> bool {
    let parts: Vec<&str> = line
        .split(['»', '›'])
        .map(|p| p.trim().trim_matches(['›', '»']).trim())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 || parts.iter().any(|p| textutil::more_words_than(p, 12)) {
        return false;
    }
    let locates = |p: &str| {
        regex!(r"(?i)^(?:vol(?:ume)?\.?\s*\d|(?:19|20)\d{2}(?:[^\d]|$)|issue)").is_match(p)
    };
    let Some(at) = parts.iter().position(|p| locates(p)).filter(|&at| at > 0) else {
        return false;
    };
    let journal = parts[at - 1];
    if plausible_journal(journal) && !journal.eq_ignore_ascii_case("back to journals") {
        set_once(
            &mut meta.journal,
            textutil::recase_if_shouting(journal, vocab),
        );
    }
    let rest = parts[at..].join(", ");
    if absorb_locator(&rest, meta, vocab) {
        return true;
    }
    if let Some(caps) = regex!(r"(?i)^vol(?:ume)?\.?\s*(\d+)").captures(&rest) {
        meta.volume = meta.volume.take().or_else(|| Some(caps[1].to_string()));
    }
    true
}

/// PubMed's short citation under the title: `Colin M Kincaid et al. Expert
/// Rev Clin Immunol. 2023 Jun.` (the year may be missing: `BMJ. .`).
fn absorb_short_citation(line: &str, meta: &mut Meta, vocab: &Vocab) -> bool {
    if line.len() > 200 || !line.contains(" et al. ") {
        return false;
    }
    let Some(caps) = captures(
        regex!(
            r"^[\p{Lu}][\p{L}.' -]{1,60} et al\. (?P<journal>[A-Z][^.;:]{1,120}?)\.\s*(?:(?P<year>(?:1[89]|20)\d{2})(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?)?\s*\.?$"
        ),
        line,
    ) else {
        return false;
    };
    set_once(
        &mut meta.journal,
        textutil::recase_if_shouting(caps["journal"].trim(), vocab),
    );
    if let Some(year) = caps.name("year") {
        meta.year = meta.year.or(year.as_str().parse().ok());
    }
    true
}

/// A dated line (`Published: 12 May 2023`, `Posted May 15, 2023.`): its
/// year, if no better one is known. Preprint servers put it below the
/// abstract's back matter, so it is read there too.
pub fn absorb_date(line: &str, meta: &mut Meta) -> bool {
    if let Some(caps) = captures(
        regex!(
            r"(?i)^(published(?: online)?|publication date|date published|received|accepted(?: for publication)?|first published|posted|date of publication|issue date)\s*[:：]?\s*(.{4,80})$"
        ),
        line,
    ) && let Some(year) = find_year(&caps[2])
    {
        let slot = if regex!(r"(?i)^(?:received|accepted)").is_match(&caps[1]) {
            &mut meta.submitted_year
        } else {
            &mut meta.fallback_year
        };
        *slot = slot.or(Some(year));
        return true;
    }
    false
}

/// `re.captures(text)`, after a cheaper `is_match`: most lines match none
/// of the metadata patterns, and a failed capture search costs several
/// times a failed match.
fn captures<'t>(re: &Regex, text: &'t str) -> Option<regex::Captures<'t>> {
    re.is_match(text).then(|| re.captures(text)).flatten()
}

/// A line that opens with a label (`Keywords:`, `Cite this article:`): the
/// label's regex, and the same followed by `(.+)$` for the text after it.
struct LabelledLine {
    label: Regex,
    full: Regex,
}

impl LabelledLine {
    fn new(label: &str) -> Self {
        let compile = |re: &str| Regex::new(re).expect("static regex is valid"); // ok: literals, compiled by the tests
        Self {
            label: compile(label),
            full: compile(&format!("{label}(.+)$")),
        }
    }

    /// The text after the label: group 1 of `full`, found from where the
    /// label's match ends, which is the same place whenever some text
    /// without a line break follows it; otherwise (a rare case) `full`
    /// itself decides. A capture search costs many times a match on a long
    /// line.
    fn rest<'t>(&self, line: &'t str) -> Option<&'t str> {
        let end = self.label.find(line)?.end();
        let rest = &line[end..];
        if !rest.is_empty() && !rest.contains('\n') {
            return Some(rest);
        }
        self.full.captures(line)?.get(1).map(|m| m.as_str())
    }
}

/// A four-digit year (1800-2099) anywhere in the line.
fn has_year(line: &str) -> bool {
    line.as_bytes().windows(4).any(|w| {
        matches!(w[0], b'1' | b'2')
            && matches!(w[1], b'8' | b'9' | b'0')
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
    })
}

/// Metadata lines are short; longer ones are prose.
const MAX_METADATA_LINE: usize = 400;

/// A locator line: two or more of volume, issue, pages, year and DOI
/// (`Volume 89, Issue 5, November 2023, Pages 1015-1021`, `Volume 14 - 2023
/// | https://doi.org/...`, `中华皮肤科杂志 2023, Vol. 56 Issue (4): 321-325`).
/// Text before the first locator is the journal.
fn absorb_locator(line: &str, meta: &mut Meta, vocab: &Vocab) -> bool {
    if line.len() > MAX_METADATA_LINE
        || textutil::more_words_than(line, 40)
        || !line.bytes().any(|b| b.is_ascii_digit())
    {
        return false;
    }
    // Matched on the ASCII-lower-cased line (same byte offsets), which is
    // several times faster than `(?i)`; values are cut from the line itself.
    let lower = line.to_ascii_lowercase();
    let volume = regex!(r"(?-u:\b)(?:volume|vol\.?)\s*:?\s*(\d+[a-z]?)").captures(&lower);
    let issue =
        regex!(r"(?-u:\b)(?:issue|no\.|number|supplement|suppl\.?)\s*:?\s*\(?\s*([0-9a-z]+)\s*\)?")
            .captures(&lower);
    let pages = regex!(
        r"(?-u:\b)(?:pages?|pp?\.)\s*:?\s*([a-z]?\d+(?:\s*[-–]\s*[a-z]?\d+)?)|\)\s*:\s*(\d+(?:-\d+)?)"
    )
    .captures(&lower);
    // A year, but not a page number ("Pages 2021-2028").
    let page_span = pages.as_ref().and_then(|c| c.get(0)).map(|m| m.range());
    let year = regex!(r"(?:^|[^\d/.\-–])((?:19|20)\d{2})(?:[^\d/\-–]|$)")
        .captures_iter(line)
        .find(|c| {
            page_span
                .as_ref()
                .is_none_or(|p| !p.contains(&c.get(1).map_or(0, |m| m.start())))
        });
    let doi = find_doi(line);
    let found = [
        volume.is_some(),
        issue.is_some(),
        pages.is_some(),
        year.is_some(),
        doi.is_some(),
    ]
    .iter()
    .filter(|&&f| f)
    .count();
    if found < 2 || lines_like_prose(line) {
        return false;
    }
    let first = [volume.as_ref(), issue.as_ref(), year.as_ref()]
        .into_iter()
        .flatten()
        .filter_map(|c| c.get(0))
        .map(|m| m.start())
        .min()
        .unwrap_or(0);
    let journal = line[..first]
        .trim()
        .trim_end_matches([',', '.', '|', '-', ':', ' ', '\u{3000}'])
        .trim();
    if journal.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !textutil::more_words_than(journal, 12)
        && plausible_journal(journal)
    {
        set_once(
            &mut meta.journal,
            textutil::recase_if_shouting(journal, vocab),
        );
    }
    let text = |c: Option<regex::Captures<'_>>| {
        c.and_then(|c| c.get(1).or_else(|| c.get(2)))
            .map(|m| line[m.range()].replace(' ', ""))
    };
    meta.volume = meta.volume.take().or_else(|| text(volume));
    meta.issue = meta.issue.take().or_else(|| text(issue));
    meta.pages = meta.pages.take().or_else(|| text(pages));
    meta.year = meta.year.or_else(|| year.and_then(|c| c[1].parse().ok()));
    if let Some(doi) = doi {
        set_once(&mut meta.doi, doi);
    }
    meta.blocks = true;
    true
}

/// Text before a locator that may be a journal's name: not a date, a
/// locator label or a publication notice (`Open AccessPublished:September
/// 01`, `Pages 159-166 | Received 21 Nov`, `Year`).
fn plausible_journal(text: &str) -> bool {
    !regex!(r"(?i)(?:^|[^a-z])(?:published|received|accepted|pages?|year|volume|issue|open access|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)(?:[^a-z]|$)")
        .is_match(text)
}

/// Several sentences: prose, even if it mentions a volume and a year.
fn lines_like_prose(line: &str) -> bool {
    regex!(r"[a-z]{3,}\.\s+[A-Z][a-z]+\s[a-z]+")
        .find_iter(line)
        .count()
        >= 2
}

/// Identifier lines (`- PMID: 38444845`, `DOI: 10...`, a bare doi.org link).
/// These are read even in a page's trailer.
pub fn absorb_ids(line: &str, meta: &mut Meta) -> bool {
    // Both patterns open with an id or a link (a bullet and spaces may come
    // first): a line opening with another letter holds neither.
    let first = line.bytes().next().map(|b| b.to_ascii_lowercase());
    if first.is_some_and(|b| b.is_ascii_alphabetic() && !matches!(b, b'p' | b'd' | b'h')) {
        return false;
    }
    // `PMCID: PMC3510419  PMID: 23205339`: every id of the line is read.
    if regex!(r"(?i)^[-•*·]?\s*(?:PMID|PMCID|DOI)\s*[:：]").is_match(line) {
        for caps in regex!(r"(?i)(?:^|\s)(PMID|PMCID|DOI)\s*[:：]\s*(\S+)").captures_iter(line) {
            let value = &caps[2];
            match caps[1].to_ascii_uppercase().as_str() {
                "PMID" => set_id(&mut meta.pmid, value, |v| {
                    v.chars().all(|c| c.is_ascii_digit())
                }),
                "PMCID" => set_id(&mut meta.pmcid, value, |v| v.starts_with("PMC")),
                _ => {
                    if let Some(doi) = find_doi(value) {
                        set_once(&mut meta.doi, doi);
                    }
                }
            }
        }
        meta.id_bullets |= line.starts_with(['-', '•', '*', '·']);
        return true;
    }
    if regex!(r"(?i)^(?:https?://)?(?:dx\.)?doi\.org/\S+$").is_match(line) {
        if let Some(doi) = find_doi(line) {
            set_once(&mut meta.doi, doi);
        }
        return true;
    }
    false
}

/// A PubMed citation line: `J Dermatolog Treat. 2024 Dec;35(1):2338281. doi: ...`.
fn absorb_citation(line: &str, meta: &mut Meta, vocab: &Vocab) -> bool {
    // Every citation form separates volume and pages with `;` or `:`.
    if !line.contains([';', ':']) {
        return false;
    }
    let re = regex!(
        r"^(?:\d+\.\s+)?(?P<journal>[A-Z][^.;:]{1,150}?)\.\s+(?P<year>(?:1[89]|20)\d{2})(?:\s+[A-Z][a-z]{2}(?:-[A-Z][a-z]{2})?)?(?:\s+\d{1,2})?\s*(?:(?P<sep>[;:])\s*(?P<vol>[^():;.\s]+)?(?:\((?P<issue>[^)]*)\))?(?::\s*(?P<pages>[^.;\s]+))?)?\s*(?:\.|$)"
    );
    let vancouver = regex!(
        r"^(?P<journal>[A-Z][A-Za-z .&-]{2,120}?)\.?\s+(?P<year>(?:1[89]|20)\d{2})\s*;\s*(?P<vol>[^():;\s]+)(?:\((?P<issue>[^)]*)\))?\s*:\s*(?P<pages>[\w-]+)"
    );
    // PubMed pages link the journal, so a copied page can lose it: ". 2023
    // Jun;19(6):565-573."; its name is on the "Kincaid CM et al. Expert Rev
    // Clin Immunol. 2023 Jun." line below.
    let journal_less = regex!(
        r"^\.\s+(?P<year>(?:1[89]|20)\d{2})(?:\s+[A-Z][a-z]{2}(?:-[A-Z][a-z]{2})?)?(?:\s+\d{1,2})?\s*(?P<sep>[;:])\s*(?P<vol>[^():;.\s]+)?(?:\((?P<issue>[^)]*)\))?(?::\s*(?P<pages>[^.;\s]+))?\s*(?:\.|$)"
    );
    let Some(caps) = captures(re, line)
        .or_else(|| captures(vancouver, line))
        .or_else(|| captures(journal_less, line))
    else {
        return false;
    };
    let has_locator = caps.name("vol").is_some() || caps.name("pages").is_some();
    let has_doi = line.to_ascii_lowercase().contains("doi");
    if !has_locator && !has_doi {
        return false;
    }
    meta.citation_line = true;
    if let Some(journal) = caps.name("journal") {
        set_once(
            &mut meta.journal,
            textutil::recase_if_shouting(journal.as_str().trim(), vocab),
        );
    }
    if meta.year.is_none() {
        meta.year = caps["year"].parse().ok();
    }
    let text = |name: &str| {
        caps.name(name)
            .map(|m| m.as_str().trim().to_string())
            .filter(|s| !s.is_empty())
    };
    meta.volume = meta.volume.take().or_else(|| text("vol"));
    meta.issue = meta.issue.take().or_else(|| text("issue"));
    meta.pages = meta.pages.take().or_else(|| text("pages"));
    if let Some(doi) = find_doi(line) {
        set_once(&mut meta.doi, doi);
    }
    true
}

/// Keywords split on `;` (or `,` when the line has no `;`).
pub fn split_keywords(text: &str) -> Vec<String> {
    let sep: &[char] = if text.contains([';', '；']) {
        &[';', '；']
    } else {
        &[',', '，']
    };
    text.split(sep)
        .map(|k| k.trim().trim_end_matches(['.', '。']).trim())
        .filter(|k| !k.is_empty())
        .map(String::from)
        .collect()
}

/// A bare DOI (`10.NNNN/...`) with trailing punctuation removed.
pub fn find_doi(text: &str) -> Option<String> {
    let m = regex!(r"10\.\d{4,9}/[^\s\x22<>]+").find(text)?;
    let mut doi = m.as_str();
    loop {
        let trimmed = doi.trim_end_matches(['.', ',', ';', ':', ']', '\'', '"']);
        let trimmed = if trimmed.ends_with(')')
            && trimmed.matches('(').count() < trimmed.matches(')').count()
        {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed == doi {
            break;
        }
        doi = trimmed;
    }
    Some(doi.to_string())
}

pub fn find_year(text: &str) -> Option<i32> {
    regex!(r"(?-u:\b)((?:1[89]|20)\d{2})(?-u:\b)").captures(text)?[1]
        .parse()
        .ok()
}

/// A line that names a journal: `Journal of ...`, `Annals of ...`,
/// `Frontiers in ...`, `... Journal`, short and without a verb.
pub fn is_journal_name(line: &str) -> bool {
    !textutil::more_words_than(line, 10)
        && !line.ends_with(['.', '?', '!'])
        && regex!(r"^(?:The )?(?:(?:[A-Z][a-z]+ )?(?:International |American |British |European |Chinese |Indian |Japanese |Korean |Australasian |Canadian )?(?:Journal|Annals|Archives|Frontiers|Proceedings|Bulletin|Acta|Clinics|Reviews) (?:of|in|for) (?:the )?[A-Z]|[A-Z][A-Za-z&,\- ]+ Journal(?: of [A-Z][A-Za-z ]+)?$)").is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn absorbed(line: &str) -> Meta {
        let mut meta = Meta::default();
        assert!(
            absorb(
                line,
                &LineCues::new(line, Vocab::builtin()),
                &mut meta,
                Vocab::builtin()
            ),
            "not metadata: {line}"
        );
        meta
    }

    #[test]
    fn pubmed_citation_lines() {
        let m = absorbed(
            "JAMA Dermatol. 2021 Dec 1;157(12):1477-1482. doi: 10.1001/jamadermatol.2021.4084.",
        );
        assert_eq!(m.journal.as_deref(), Some("JAMA Dermatol"));
        assert_eq!(m.year, Some(2021));
        assert_eq!(
            (m.volume.as_deref(), m.issue.as_deref(), m.pages.as_deref()),
            (Some("157"), Some("12"), Some("1477-1482"))
        );
        assert_eq!(m.doi.as_deref(), Some("10.1001/jamadermatol.2021.4084"));
        let m = absorbed(
            "Front Immunol. 2024 Feb 20:15:1341632. doi: 10.3389/fimmu.2024.1341632. eCollection 2024.",
        );
        assert_eq!(
            (m.volume.as_deref(), m.pages.as_deref()),
            (Some("15"), Some("1341632"))
        );
        let m = absorbed(
            "Clin Exp Dermatol. 2023 Jun 5:llad195. doi: 10.1093/ced/llad195. Online ahead of print.",
        );
        assert_eq!(m.year, Some(2023));
        assert_eq!(m.doi.as_deref(), Some("10.1093/ced/llad195"));
    }

    #[test]
    fn pubmed_pages_with_the_journal_link_lost() {
        let m = absorbed(". 2023 Jun;19(6):565-573.");
        assert_eq!((m.journal.as_deref(), m.year), (None, Some(2023)));
        assert_eq!(
            (m.volume.as_deref(), m.issue.as_deref(), m.pages.as_deref()),
            (Some("19"), Some("6"), Some("565-573"))
        );
        let m = absorbed("Colin M Kincaid et al. Expert Rev Clin Immunol. 2023 Jun.");
        assert_eq!(
            (m.journal.as_deref(), m.year),
            (Some("Expert Rev Clin Immunol"), Some(2023))
        );
        let m = absorbed("R A Damoiseaux et al. BMJ. .");
        assert_eq!((m.journal.as_deref(), m.year), (Some("BMJ"), None));
    }

    #[test]
    fn vancouver_citations_and_volume_lines() {
        let m = absorbed("Infect Drug Resist 2023;16:5165-72.");
        assert_eq!(
            (
                m.journal.as_deref(),
                m.volume.as_deref(),
                m.pages.as_deref()
            ),
            (Some("Infect Drug Resist"), Some("16"), Some("5165-72"))
        );
        let m = absorbed("Volume 16, Issue -, Pages 5165-5172");
        assert_eq!(
            (m.volume.as_deref(), m.issue, m.pages.as_deref()),
            (Some("16"), None, Some("5165-5172"))
        );
    }

    #[test]
    fn locator_lines() {
        let m = absorbed("Volume 89, Issue 5, November 2023, Pages 1015-1021");
        assert_eq!(
            (
                m.volume.as_deref(),
                m.issue.as_deref(),
                m.pages.as_deref(),
                m.year
            ),
            (Some("89"), Some("5"), Some("1015-1021"), Some(2023))
        );
        let m = absorbed("Volume 14 - 2023 | https://doi.org/10.3389/fimmu.2023.1134567");
        assert_eq!(
            (m.volume.as_deref(), m.year, m.doi.as_deref()),
            (Some("14"), Some(2023), Some("10.3389/fimmu.2023.1134567"))
        );
        let m = absorbed(
            "中华皮肤科杂志  2023, Vol. 56 Issue (4): 321-325    DOI: 10.35541/cjd.20220512",
        );
        assert_eq!(
            (
                m.journal.as_deref(),
                m.volume.as_deref(),
                m.issue.as_deref(),
                m.pages.as_deref()
            ),
            (
                Some("中华皮肤科杂志"),
                Some("56"),
                Some("4"),
                Some("321-325")
            )
        );
        let m = absorbed(
            "Citation: Annals of the Rheumatic Diseases, volume 82, supplement 1, year 2023, page 456",
        );
        assert_eq!(
            (
                m.journal.as_deref(),
                m.volume.as_deref(),
                m.issue.as_deref(),
                m.pages.as_deref(),
                m.year
            ),
            (
                Some("Annals of the Rheumatic Diseases"),
                Some("82"),
                Some("1"),
                Some("456"),
                Some(2023)
            )
        );
    }

    #[test]
    fn labelled_locators_and_id_lines() {
        let m = absorbed("Year : 2018  |  Volume : 22  |  Issue : 1  |  Page : 28-33");
        assert_eq!(
            (
                m.year,
                m.volume.as_deref(),
                m.issue.as_deref(),
                m.pages.as_deref()
            ),
            (Some(2018), Some("22"), Some("1"), Some("28-33"))
        );
        let m = absorbed(
            "Published in final edited form as: J Am Acad Dermatol. 2011 Feb 25;64(5):903–908. doi: 10.1016/j.jaad.2010.04.039",
        );
        assert_eq!(
            (m.journal.as_deref(), m.year),
            (Some("J Am Acad Dermatol"), Some(2011))
        );
        let mut m = Meta::default();
        assert!(m.absorb_logo("Cureus logoLink to Cureus"));
        assert_eq!(m.journal(), Some("Cureus"));
        let m = absorbed("PMCID: PMC3510419  PMID: 23205339");
        assert_eq!(
            (m.pmcid.as_deref(), m.pmid.as_deref()),
            (Some("PMC3510419"), Some("23205339"))
        );
    }

    #[test]
    fn dates_and_notices_are_no_journals() {
        let m = absorbed("Open AccessPublished:September 01, 2023 DOI: 10.1016/j.xyz.2023.01.001");
        assert_eq!(m.journal, None);
        let m = absorbed("Pages 159-166 | Received 21 Nov 2023, Published online: 04 Mar 2024");
        assert_eq!(m.journal, None);
        let mut m = Meta::default();
        assert!(absorb_date("Received 29 April 2017", &mut m));
        assert!(absorb_date("Published 27 July 2018", &mut m));
        let mut study = Study::default();
        m.fill(&mut study);
        assert_eq!(study.year, Some(2018));
    }

    #[test]
    fn breadcrumbs_name_the_journal() {
        let m = absorbed("Back to Journals » Infection and Drug Resistance » Volume 11");
        assert_eq!(
            (m.journal.as_deref(), m.volume.as_deref()),
            (Some("Infection and Drug Resistance"), Some("11"))
        );
        let m = absorbed("中华皮肤科杂志 ›› 2025, Vol. 41 ›› Issue (4) : 321-325");
        assert_eq!(
            (m.journal.as_deref(), m.year, m.volume.as_deref()),
            (Some("中华皮肤科杂志"), Some(2025), Some("41"))
        );
        assert!(!absorb(
            "Home › Journals › Dermatology",
            &LineCues::new("Home › Journals › Dermatology", Vocab::builtin()),
            &mut Meta::default(),
            Vocab::builtin()
        ));
    }

    #[test]
    fn journal_names() {
        assert!(is_journal_name("Journal of Dermatological Treatment"));
        assert!(is_journal_name("Frontiers in Immunology"));
        assert!(is_journal_name("British Journal of Dermatology"));
        assert!(is_journal_name(
            "Journal of the American Academy of Dermatology"
        ));
        assert!(!is_journal_name("Tofacitinib for vitiligo: a case series"));
    }

    #[test]
    fn sentences_are_not_citations() {
        let mut meta = Meta::default();
        let line = "All 4 patients improved. 2021 was the last year of follow-up.";
        assert!(!absorb(
            line,
            &LineCues::new(line, Vocab::builtin()),
            &mut meta,
            Vocab::builtin()
        ));
    }

    #[test]
    fn dois_lose_trailing_punctuation_but_keep_balanced_parentheses() {
        assert_eq!(
            find_doi("doi: 10.1016/S0140-6736(20)30000-1)."),
            Some("10.1016/S0140-6736(20)30000-1".into())
        );
        assert_eq!(
            find_doi("https://doi.org/10.2147/IDR.S421299."),
            Some("10.2147/IDR.S421299".into())
        );
    }

    #[test]
    fn keywords_split_on_semicolons_first() {
        assert_eq!(
            split_keywords("JAK inhibitors; atopic dermatitis, eczema; psoriasis."),
            ["JAK inhibitors", "atopic dermatitis, eczema", "psoriasis"]
        );
        assert_eq!(split_keywords("a, b"), ["a", "b"]);
    }
}
