//! Citation and locator lines: PubMed's citation (with or without its
//! journal), the `et al.` line under a PubMed title, locators (`Volume 89,
//! Issue 5, ...`, `Year : 2018 | Volume : 22`) and breadcrumbs.

use super::{MAX_METADATA_LINE, Meta, captures, find_doi, set_once};
use crate::ingest::textutil;
use crate::vocab::Vocab;

/// A link strip that leads to the article: `Back to Journals » Infection and
/// Drug Resistance » Volume 11`, `中华皮肤科杂志 ›› 2025, Vol. 41 ›› Issue (4)`.
/// The part before the first locator is the journal; the rest is read as a
/// locator.
pub(super) fn absorb_breadcrumb(line: &str, meta: &mut Meta, vocab: &Vocab) -> bool {
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
pub(super) fn absorb_short_citation(line: &str, meta: &mut Meta, vocab: &Vocab) -> bool {
    // The first author's name is short (up to 60 bytes before "et al.").
    if line.len() > 200
        || memchr::memmem::find(line.as_bytes(), b" et al. ").is_none_or(|at| at > 61)
    {
        return false;
    }
    let Some(caps) = captures(
        regex!(
            r"^[^\s0-9.,;:][^0-9,;:()]*? et al\. (?P<journal>[A-Z][^.;:]{1,120}?)\.\s*(?:(?P<year>(?:1[89]|20)\d{2})(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?)?\s*\.?$"
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

/// A locator line: two or more of volume, issue, pages, year and DOI
/// (`Volume 89, Issue 5, November 2023, Pages 1015-1021`, `Volume 14 - 2023
/// | https://doi.org/...`, `中华皮肤科杂志 2023, Vol. 56 Issue (4): 321-325`).
/// Text before the first locator is the journal.
pub(super) fn absorb_locator(line: &str, meta: &mut Meta, vocab: &Vocab) -> bool {
    if line.len() > MAX_METADATA_LINE
        || textutil::more_words_than(line, 80)
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
    // `Arthritis & Rheumatism, Volume 62,`: a journal and its volume alone.
    let volume_alone = found == 1
        && !textutil::more_words_than(line, 8)
        && volume.as_ref().and_then(|c| c.get(0)).is_some_and(|m| {
            line[m.end()..]
                .trim_matches([',', '.', ' ', ';'])
                .is_empty()
        });
    if (found < 2 && !volume_alone) || lines_like_prose(line) {
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
    // `The Pediatric Infectious Disease Journal: December 2018 - Volume 37`:
    // the month before the year is the date's.
    let journal = regex!(
        r"(?i)[\s,:;-]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?(?:\s+\d{1,2})?$"
    )
    .find(journal)
    .map_or(journal, |m| journal[..m.start()].trim());
    // A publisher's citation names authors and title first: `Cheng MP, ...,
    // Adjunctive Daptomycin ...: A Randomized Trial, Clinical Infectious
    // Diseases, Volume 72, ...`; the journal is the part before the locator.
    let journal = if textutil::more_words_than(journal, 12) {
        journal.rsplit(", ").next().unwrap_or(journal).trim()
    } else {
        journal
    };
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
    // Notices glued to other words too (`Open AccessPublished:`).
    !regex!(r"(?i)published|received|accepted|open access|(?:^|[^a-z])(?:pages?|year|volume|issue|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)(?:[^a-z]|$)")
        .is_match(text)
}

/// Several sentences: prose, even if it mentions a volume and a year.
fn lines_like_prose(line: &str) -> bool {
    regex!(r"[a-z]{3,}\.\s+[A-Z][a-z]+\s[a-z]+")
        .find_iter(line)
        .count()
        >= 2
}

/// A PubMed citation line: `J Dermatolog Treat. 2024 Dec;35(1):2338281. doi: ...`.
pub(super) fn absorb_citation(line: &str, meta: &mut Meta, vocab: &Vocab) -> bool {
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

/// Chinese citation forms: `本文刊于:中华心血管病杂志,2020,48 (04): 280-286`
/// (journal, year, volume (issue): pages) and `皮肤性病诊疗学杂志 2024年2期`
/// (journal, year, issue).
pub(super) fn absorb_chinese_citation(line: &str, meta: &mut Meta, vocab: &Vocab) -> bool {
    if !line.contains(['年', ',', '，']) {
        return false;
    }
    let comma_form = regex!(
        r"^(?:(?:本文刊于|刊于|引用本文|出处|来源|source|published in)\s*[:：]\s*)?(?P<journal>[^0-9,，:：]+?)\s*[,，]\s*(?P<year>(?:19|20)\d{2})\s*[,，]\s*(?P<vol>\d+)\s*\(\s*(?P<issue>[^)]{1,10}?)\s*\)\s*[:：]\s*(?P<pages>\d+(?:\s*[-–]\s*\d+)?)"
    );
    let year_form = regex!(
        r"^(?P<journal>[^0-9\s][^0-9]*?)\s*(?P<year>(?:19|20)\d{2})\s*年\s*(?:第?\s*(?P<vol>\d+)\s*卷\s*)?第?\s*(?P<issue>\d+)\s*期"
    );
    let Some(caps) = captures(comma_form, line).or_else(|| captures(year_form, line)) else {
        return false;
    };
    // Patterns without counted repeats compile small; the length is
    // checked here.
    if !take_journal(&caps, 2..=40, meta, vocab) {
        return false;
    }
    let text = |name: &str| caps.name(name).map(|m| m.as_str().replace(' ', ""));
    meta.volume = meta.volume.take().or_else(|| text("vol"));
    meta.issue = meta.issue.take().or_else(|| text("issue"));
    meta.pages = meta.pages.take().or_else(|| text("pages"));
    if let Some(doi) = find_doi(line) {
        set_once(&mut meta.doi, doi);
    }
    true
}

/// A journal and a date on one line, as Frontiers and aggregators print
/// them: `Front. Oncol., 27 March 2024`, `... Published in: JGH Open (2022)`.
pub(super) fn absorb_journal_date(line: &str, meta: &mut Meta, vocab: &Vocab) -> bool {
    let dated = regex!(
        r"^(?P<journal>[A-Z][A-Za-z.&' -]{1,60}?),\s+\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<year>(?:19|20)\d{2})$"
    );
    let published_in =
        regex!(r"Published in\s*:\s*(?P<journal>[^()|]+?)\s*(?:\((?P<year>(?:19|20)\d{2})\)|\||$)");
    let Some(caps) = captures(dated, line).or_else(|| captures(published_in, line)) else {
        return false;
    };
    take_journal(&caps, 3..=120, meta, vocab)
}

/// The `journal` and `year` groups of a citation's captures, when the name
/// is of a length in `chars` and plausible; false (nothing set) otherwise.
fn take_journal(
    caps: &regex::Captures<'_>,
    chars: std::ops::RangeInclusive<usize>,
    meta: &mut Meta,
    vocab: &Vocab,
) -> bool {
    let journal = caps["journal"].trim();
    if !chars.contains(&journal.chars().count()) || !plausible_journal(journal) {
        return false;
    }
    set_once(
        &mut meta.journal,
        textutil::recase_if_shouting(journal, vocab),
    );
    if let Some(year) = caps.name("year") {
        meta.year = meta.year.or_else(|| year.as_str().parse().ok());
    }
    true
}

/// A Chinese article number, `1001-0408(2018)04-0547-06` (ISSN, year, issue,
/// first page, pages): its year.
pub(super) fn absorb_article_number(line: &str, meta: &mut Meta) -> bool {
    let Some(caps) = captures(
        regex!(r"\d{4}-\d{3}[\dXx]\s*\(\s*((?:19|20)\d{2})\s*\)\s*\d{1,2}\s*-\s*\d{3,4}"),
        line,
    ) else {
        return false;
    };
    meta.year = meta.year.or_else(|| caps[1].parse().ok());
    true
}

#[cfg(test)]
mod tests {
    use super::super::tests::absorbed;
    use super::super::{Meta, absorb, absorb_date};
    use crate::model::Study;
    use crate::vocab::{LineCues, Vocab};

    #[test]
    fn journals_before_a_date_or_a_volume_alone() {
        let m = absorbed(
            "The Pediatric Infectious Disease Journal: December 2018 - Volume 37 - Issue 12 - p 1227–1234",
        );
        assert_eq!(
            (m.journal.as_deref(), m.year, m.volume.as_deref()),
            (
                Some("The Pediatric Infectious Disease Journal"),
                Some(2018),
                Some("37")
            )
        );
        let m = absorbed("Arthritis & Rheumatism, Volume 62,");
        assert_eq!(
            (m.journal.as_deref(), m.volume.as_deref()),
            (Some("Arthritis & Rheumatism"), Some("62"))
        );
    }

    #[test]
    fn chinese_citation_forms() {
        let m = absorbed("本文刊于:中华心血管病杂志,2020,48 (04): 280-286");
        assert_eq!(
            (
                m.journal.as_deref(),
                m.year,
                m.volume.as_deref(),
                m.issue.as_deref(),
                m.pages.as_deref()
            ),
            (
                Some("中华心血管病杂志"),
                Some(2020),
                Some("48"),
                Some("04"),
                Some("280-286")
            )
        );
        let m = absorbed(
            "中华内科杂志, 2020,59(07) : 511-518. DOI: 10.3760/cma.j.cn112138-20200505-00448",
        );
        assert_eq!(
            (m.journal.as_deref(), m.year, m.doi.as_deref()),
            (
                Some("中华内科杂志"),
                Some(2020),
                Some("10.3760/cma.j.cn112138-20200505-00448")
            )
        );
        let m = absorbed("DOI https://doi.org/10.2147/BTT.S195512");
        assert_eq!(m.doi.as_deref(), Some("10.2147/BTT.S195512"));
        let m = absorbed("医药导报 2024年3期");
        assert_eq!(
            (m.journal.as_deref(), m.year, m.issue.as_deref()),
            (Some("医药导报"), Some(2024), Some("3"))
        );
        let m = absorbed("中图分类号 R969.3 文献标志码 A 文章编号 1001-0408(2018)04-0547-06");
        assert_eq!(m.year, Some(2018));
    }

    #[test]
    fn journal_and_date_lines() {
        let m = absorbed("Front. Oncol., 27 March 2024");
        assert_eq!(
            (m.journal.as_deref(), m.year),
            (Some("Front. Oncol."), Some(2024))
        );
        let m = absorbed("Tamar BanonClara Weil Published in: JGH Open (2022)");
        assert_eq!(
            (m.journal.as_deref(), m.year),
            (Some("JGH Open"), Some(2022))
        );
        let m = absorbed(
            "Cheng MP, Lawandi A, Lee TC, Adjunctive Daptomycin in the Treatment of Bacteremia: A Randomized, Controlled Trial, Clinical Infectious Diseases, Volume 72, Issue 9, 1 May 2021, Pages e196–e203",
        );
        assert_eq!(
            (m.journal.as_deref(), m.year, m.volume.as_deref()),
            (Some("Clinical Infectious Diseases"), Some(2021), Some("72"))
        );
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
        assert!(absorb_date(
            "Article: 2230685 | Received 23 Mar 2022, Published online: 03 Jul 2023",
            &mut m
        ));
        let mut study = Study::default();
        m.fill(&mut study);
        assert_eq!(study.year, Some(2023));
        let mut m = Meta::default();
        assert!(absorb_date("2013-08-29", &mut m));
        let mut study = Study::default();
        m.fill(&mut study);
        assert_eq!(study.year, Some(2013));
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
}
