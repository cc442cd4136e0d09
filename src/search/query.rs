//! The query language: fzf-style operators and field filters.
//!
//! Terms separated by spaces are ANDed; `a | b` ORs neighbours. Each term is
//! a bare word (fuzzy over title, drugs, conditions, keywords, design and
//! journal), with `'exact`, `^prefix`, `suffix$` and `!negation`, or a
//! field filter (`drug:upa`, `year:2021..2024`, `n:>=5`, `lang:zh`).

use std::ops::RangeInclusive;

/// A parsed query: every group must match; a group matches when any of its
/// terms does.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub groups: Vec<Vec<Term>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub negated: bool,
    pub kind: TermKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TermKind {
    /// A word matched over the list fields; drug names by any synonym.
    Word {
        text: String,
        mode: Mode,
    },
    /// A word matched in one field.
    Field {
        field: Field,
        text: String,
        mode: Mode,
    },
    Year(RangeInclusive<i32>),
    Patients(RangeInclusive<u32>),
    Lang(Lang),
}

/// How a word matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Word prefixes, lexicon synonyms, close typos of drug names.
    Fuzzy,
    /// `'word`: the exact text anywhere.
    Exact,
    /// `^word`: a field starts with it.
    Prefix,
    /// `word$`: a field ends with it.
    Suffix,
    /// `^word$`: a field is exactly it.
    Whole,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Drug,
    Condition,
    Design,
    Journal,
    AdverseEvent,
    Title,
    Keyword,
    Text,
    /// DOI, PMID, PMCID.
    Id,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Chinese,
    English,
}

/// A query that cannot be read: which term, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid query term {term:?}: {reason}")]
pub struct QueryError {
    pub term: String,
    pub reason: String,
}

const FIELDS: &str = "drug, cond, design, journal, year, n, lang, ae, title, kw, text, id";

impl Query {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every term, for highlighting.
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten()
    }
}

pub fn parse(input: &str) -> Result<Query, QueryError> {
    let mut groups: Vec<Vec<Term>> = Vec::new();
    let mut join_next = false;
    for token in input.split_whitespace() {
        if token == "|" {
            if groups.is_empty() || join_next {
                return Err(error(token, "`|` needs a term on each side"));
            }
            join_next = true;
            continue;
        }
        let term = parse_term(token)?;
        match groups.last_mut() {
            Some(group) if join_next => group.push(term),
            _ => groups.push(vec![term]),
        }
        join_next = false;
    }
    if join_next {
        return Err(error("|", "`|` needs a term on each side"));
    }
    Ok(Query { groups })
}

fn error(term: &str, reason: impl Into<String>) -> QueryError {
    QueryError {
        term: term.to_string(),
        reason: reason.into(),
    }
}

fn parse_term(token: &str) -> Result<Term, QueryError> {
    let (negated, body) = match token.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    if body.is_empty() {
        return Err(error(token, "`!` needs a term after it"));
    }
    if let Some((name, value)) = body.split_once(':')
        && !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphabetic())
    {
        let kind = parse_field(token, name, value)?;
        return Ok(Term { negated, kind });
    }
    let (text, mode) = parse_word(token, body)?;
    Ok(Term {
        negated,
        kind: TermKind::Word { text, mode },
    })
}

fn parse_word(token: &str, body: &str) -> Result<(String, Mode), QueryError> {
    let (body, mode) = if let Some(rest) = body.strip_prefix('\'') {
        (rest, Mode::Exact)
    } else {
        match (body.strip_prefix('^'), body.strip_suffix('$')) {
            (Some(rest), _) if rest.ends_with('$') => (&rest[..rest.len() - 1], Mode::Whole),
            (Some(rest), _) => (rest, Mode::Prefix),
            (None, Some(rest)) => (rest, Mode::Suffix),
            (None, None) => (body, Mode::Fuzzy),
        }
    };
    if body.is_empty() {
        return Err(error(token, "the operator needs a word"));
    }
    Ok((body.to_lowercase(), mode))
}

fn parse_field(token: &str, name: &str, value: &str) -> Result<TermKind, QueryError> {
    let field = match name.to_ascii_lowercase().as_str() {
        "drug" | "drugs" => Field::Drug,
        "cond" | "condition" | "dx" => Field::Condition,
        "design" => Field::Design,
        "journal" | "j" => Field::Journal,
        "ae" | "aes" | "adverse" => Field::AdverseEvent,
        "title" => Field::Title,
        "kw" | "keyword" | "keywords" => Field::Keyword,
        "text" | "abstract" => Field::Text,
        "id" | "doi" | "pmid" | "pmcid" => Field::Id,
        "year" | "y" => return parse_range(token, value, "year").map(TermKind::Year),
        "n" | "patients" => return parse_range(token, value, "n").map(TermKind::Patients),
        "lang" => return parse_lang(token, value).map(TermKind::Lang),
        other => {
            return Err(error(
                token,
                format!("unknown field `{other}:` (fields: {FIELDS})"),
            ));
        }
    };
    if value.is_empty() {
        return Err(error(token, format!("`{name}:` needs a value")));
    }
    let (text, mode) = parse_word(token, value)?;
    Ok(TermKind::Field { field, text, mode })
}

fn parse_lang(token: &str, value: &str) -> Result<Lang, QueryError> {
    match value.to_lowercase().as_str() {
        "zh" | "cn" | "chinese" | "中" | "中文" => Ok(Lang::Chinese),
        "en" | "english" => Ok(Lang::English),
        _ => Err(error(token, "lang is zh or en")),
    }
}

/// `2021`, `2021..2024`, `..2020`, `2020..`, `>=5`, `>5`, `<=5`, `<5`, `=5`.
fn parse_range<T>(token: &str, value: &str, name: &str) -> Result<RangeInclusive<T>, QueryError>
where
    T: std::str::FromStr + Bounded + Copy + std::ops::Add<Output = T> + std::ops::Sub<Output = T>,
{
    let bad = || {
        error(
            token,
            format!("{name} takes a number, a range like 2021..2024, or a comparison like >=5"),
        )
    };
    let number = |s: &str| s.trim().parse::<T>().map_err(|_| bad());
    if let Some((lo, hi)) = value.split_once("..") {
        let lo = if lo.is_empty() { T::MIN } else { number(lo)? };
        let hi = if hi.is_empty() { T::MAX } else { number(hi)? };
        return Ok(lo..=hi);
    }
    type Comparison<T> = (&'static str, fn(T) -> RangeInclusive<T>);
    let ops: [Comparison<T>; 5] = [
        (">=", |v| v..=T::MAX),
        ("<=", |v| T::MIN..=v),
        (">", |v| v + T::ONE..=T::MAX),
        ("<", |v| T::MIN..=v - T::ONE),
        ("=", |v| v..=v),
    ];
    for (op, range) in ops {
        if let Some(rest) = value.strip_prefix(op) {
            return Ok(range(number(rest)?));
        }
    }
    let v = number(value)?;
    Ok(v..=v)
}

/// The bounds the range parser needs, for years (`i32`) and counts (`u32`).
pub trait Bounded {
    const MIN: Self;
    const MAX: Self;
    const ONE: Self;
}

impl Bounded for i32 {
    const MIN: Self = i32::MIN + 1;
    const MAX: Self = i32::MAX - 1;
    const ONE: Self = 1;
}

impl Bounded for u32 {
    const MIN: Self = 1;
    const MAX: Self = u32::MAX - 1;
    const ONE: Self = 1;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, mode: Mode) -> TermKind {
        TermKind::Word {
            text: text.into(),
            mode,
        }
    }

    #[test]
    fn operators_and_groups() {
        let q = parse("'exact ^pre suf$ ^whole$ !not a | b").unwrap();
        assert_eq!(q.groups.len(), 6);
        assert_eq!(q.groups[0][0].kind, word("exact", Mode::Exact));
        assert_eq!(q.groups[1][0].kind, word("pre", Mode::Prefix));
        assert_eq!(q.groups[2][0].kind, word("suf", Mode::Suffix));
        assert_eq!(q.groups[3][0].kind, word("whole", Mode::Whole));
        assert!(q.groups[4][0].negated);
        assert_eq!(q.groups[5].len(), 2);
    }

    #[test]
    fn fields_and_ranges() {
        let q = parse("drug:upa year:2021..2024 n:>=5 lang:zh !design:review year:..2020 n:<3")
            .unwrap();
        assert_eq!(
            q.groups[0][0].kind,
            TermKind::Field {
                field: Field::Drug,
                text: "upa".into(),
                mode: Mode::Fuzzy
            }
        );
        assert_eq!(q.groups[1][0].kind, TermKind::Year(2021..=2024));
        assert_eq!(q.groups[2][0].kind, TermKind::Patients(5..=u32::MAX - 1));
        assert_eq!(q.groups[3][0].kind, TermKind::Lang(Lang::Chinese));
        assert!(q.groups[4][0].negated);
        assert_eq!(q.groups[5][0].kind, TermKind::Year(i32::MIN + 1..=2020));
        assert_eq!(q.groups[6][0].kind, TermKind::Patients(1..=2));
    }

    #[test]
    fn bad_terms_are_named() {
        for (query, term) in [
            ("year:abc", "year:abc"),
            ("n:>>5", "n:>>5"),
            ("tofa '", "'"),
            ("foo:bar", "foo:bar"),
            ("| a", "|"),
            ("a |", "|"),
            ("lang:fr", "lang:fr"),
            ("!", "!"),
        ] {
            let e = parse(query).unwrap_err();
            assert_eq!(e.term, term, "{query}");
        }
    }
}
