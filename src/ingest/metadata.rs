//! Bibliographic metadata from the lines around an abstract: citation lines,
//! ID bullets, labelled blocks, keyword and copyright lines, journal names
//! (affiliations: `super::affiliations`).

use std::sync::LazyLock;

use regex::Regex;

mod citations;

use citations::{
    absorb_article_number, absorb_breadcrumb, absorb_chinese_citation, absorb_citation,
    absorb_journal_date, absorb_locator, absorb_short_citation,
};

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
        const LINK: &str = " logoLink to ";
        // Checked on every header line: the SIMD search, not `str::find`.
        let Some(at) = memchr::memmem::find(line.as_bytes(), LINK.as_bytes()) else {
            return false;
        };
        let (name, link) = (&line[..at], &line[at + LINK.len()..]);
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
        || absorb_chinese_citation(line, meta, vocab)
        || absorb_journal_date(line, meta, vocab)
        || absorb_article_number(line, meta)
        || absorb_locator(line, meta, vocab)
}

/// A dated line (`Published: 12 May 2023`, `Posted May 15, 2023.`): its
/// year, if no better one is known. Preprint servers put it below the
/// abstract's back matter, so it is read there too.
pub fn absorb_date(line: &str, meta: &mut Meta) -> bool {
    if absorb_dated_part(line, meta) {
        return true;
    }
    // A bare date line (`2013-08-29`, `10 October 2024`, `May 15, 2023`):
    // an aggregator's publication date, or the value under `Posted:`.
    if let Some(caps) = captures(
        regex!(
            r"(?i)^(?:((?:19|20)\d{2})[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s+((?:19|20)\d{2})|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s+\d{1,2},\s+((?:19|20)\d{2}))\.?$"
        ),
        line.trim(),
    ) && let Some(year) = caps.iter().skip(1).flatten().next()
    {
        meta.fallback_year = meta.fallback_year.or_else(|| year.as_str().parse().ok());
        return true;
    }
    // Dates in a strip: `Article: 2230685 | Received 23 Mar 2023, Accepted 09
    // May 2023, Published online: 03 Jul 2023`.
    line.len() <= 200
        && line.contains(['|', ','])
        && line
            .split(['|', ','])
            // Every part is read, not only up to the first date.
            .filter(|part| absorb_dated_part(part.trim(), meta))
            .count()
            > 0
}

/// A labelled date (`Published: 12 May 2023`): its year, the submission
/// dates' apart.
fn absorb_dated_part(text: &str, meta: &mut Meta) -> bool {
    let Some(caps) = captures(
        regex!(
            r"(?i)^(published(?: online)?|publication date|date published|received|accepted(?: for publication)?|first published|posted|date of publication|issue date)\s*[:：]?\s*(.{4,80})$"
        ),
        text,
    ) else {
        return false;
    };
    let Some(year) = find_year(&caps[2]) else {
        return false;
    };
    let slot = if regex!(r"(?i)^(?:received|accepted)").is_match(&caps[1]) {
        &mut meta.submitted_year
    } else {
        &mut meta.fallback_year
    };
    *slot = slot.or(Some(year));
    true
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

/// Identifier lines (`- PMID: 38444845`, `DOI: 10...`, a bare doi.org link).
/// These are read even in a page's trailer.
pub fn absorb_ids(line: &str, meta: &mut Meta) -> bool {
    // Both patterns open with an id or a link (a bullet and spaces may come
    // first): a line opening with another letter holds neither.
    let first = line.bytes().next().map(|b| b.to_ascii_lowercase());
    if first.is_some_and(|b| b.is_ascii_alphabetic() && !matches!(b, b'p' | b'd' | b'h')) {
        return false;
    }
    // `PMCID: PMC3510419  PMID: 23205339`: every id of the line is read; the
    // colon may be missing (`DOI https://doi.org/...`, `DOI 10.6039/...`).
    if regex!(r"(?i)^[-•*·]?\s*(?:PMID|PMCID|DOI)(?:\s*[:：]|\s+(?:10\.|https?://|PMC\d|\d))")
        .is_match(line)
    {
        for caps in
            regex!(r"(?i)(?:^|\s)(PMID|PMCID|DOI)(?:\s*[:：]\s*|\s+)(\S+)").captures_iter(line)
        {
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

    pub(super) fn absorbed(line: &str) -> Meta {
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
