//! PubMed XML (`PubmedArticleSet`, as efetch returns it), read with a real
//! XML parser: titles, structured abstracts (`AbstractText Label=...`),
//! authors, affiliations, journal, dates, identifiers, keywords and MeSH
//! headings, and a Chinese `OtherAbstract`.
//!
//! An element's text includes its children's: PubMed keeps inline markup
//! (`<i>`, `<sup>`, `<sub>`, `<b>`, MathML) in titles and abstracts.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::bilingual::is_chinese;
use super::records::{Fields, add_keywords, author_name, year_of};

/// The records of a `PubmedArticleSet`, or why the XML cannot be read.
pub fn records(text: &str) -> Result<Vec<Fields>, String> {
    let mut reader = Reader::from_str(text);
    // No trimming: "positive &amp; effective" arrives as three events.
    reader.config_mut().trim_text(false);
    let mut out = Vec::new();
    let mut current: Option<Article> = None;
    // Open elements, with where each one's text starts in the article's.
    let mut path: Vec<(String, usize)> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("XML error at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Start(start) => {
                let name = local_name(&start);
                if name == "PubmedArticle" || name == "PubmedBookArticle" {
                    current = Some(Article::default());
                }
                let from = current.as_mut().map_or(0, |article| {
                    article.open(&name, &start);
                    article.text.len()
                });
                path.push((name, from));
            }
            Event::Empty(start) => {
                if let Some(article) = current.as_mut() {
                    article.open(&local_name(&start), &start);
                }
            }
            Event::End(_) => {
                let (name, from) = path.pop().unwrap_or_default();
                if let Some(article) = current.as_mut() {
                    let parents: Vec<&str> = path.iter().map(|(n, _)| n.as_str()).collect();
                    article.close(&name, from, &parents);
                }
                if name == "PubmedArticle" || name == "PubmedBookArticle" {
                    out.extend(current.take().map(|a| a.fields));
                }
            }
            Event::Text(text) => {
                if let Some(article) = current.as_mut() {
                    article
                        .text
                        .push_str(&text.xml_content(XmlVersion::Implicit1_0));
                }
            }
            Event::CData(data) => {
                if let Some(article) = current.as_mut() {
                    article.text.push_str(&data.into_inner());
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(article) = current.as_mut() {
                    let resolved = reference.resolve_char_ref().ok().flatten().or_else(|| {
                        match AsRef::<str>::as_ref(&reference) {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            _ => None,
                        }
                    });
                    article.text.extend(resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !path.is_empty() {
        let open: Vec<&str> = path.iter().map(|(n, _)| n.as_str()).collect();
        return Err(format!("XML ends inside <{}>", open.join("><")));
    }
    Ok(out)
}

fn local_name(start: &BytesStart<'_>) -> String {
    AsRef::<str>::as_ref(&start.local_name()).to_string()
}

fn attribute(start: &BytesStart<'_>, name: &str) -> Option<String> {
    start.try_get_attribute(name).ok().flatten().and_then(|a| {
        a.normalized_value(XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}

/// The article being read: its fields so far, and the text read since it
/// opened (each open element knows where its own part starts).
#[derive(Default)]
struct Article {
    fields: Fields,
    text: String,
    label: Option<String>,
    id_type: Option<String>,
    /// Family name, given names, initials.
    author: (String, String, String),
    mesh: Vec<String>,
    /// Inside `<AuthorList Type="editors">`.
    editors: bool,
}

impl Article {
    fn open(&mut self, name: &str, start: &BytesStart<'_>) {
        match name {
            // Older records carry only the category.
            "AbstractText" => {
                self.label = attribute(start, "Label")
                    .or_else(|| attribute(start, "NlmCategory").filter(|c| c != "UNASSIGNED"))
            }
            "ELocationID" => self.id_type = attribute(start, "EIdType"),
            "ArticleId" => self.id_type = attribute(start, "IdType"),
            "Author" => self.author = Default::default(),
            // A book's editors are not its authors.
            "AuthorList" => self.editors = attribute(start, "Type").is_some_and(|t| t == "editors"),
            _ => {}
        }
    }

    fn close(&mut self, name: &str, from: usize, parents: &[&str]) {
        let text = self.text.get(from..).unwrap_or_default().trim().to_string();
        let parent = parents.last().copied().unwrap_or_default();
        // The article's own identifiers, not those of the works it cites.
        let own_ids = parent == "ArticleIdList"
            && parents
                .iter()
                .rev()
                .nth(1)
                .is_some_and(|&p| p == "PubmedData" || p == "PubmedBookData");
        let f = &mut self.fields;
        match name {
            "PMID"
                if (parent == "MedlineCitation" || parent == "BookDocument")
                    && f.pmid.is_none() =>
            {
                f.pmid = Some(text)
            }
            "ArticleTitle" => f.title = Some(text),
            "VernacularTitle" => f.title_original = Some(text),
            "AbstractText" if parent == "Abstract" => {
                f.abstract_parts.push((self.label.take(), text))
            }
            // A translation the publisher gave; only a Chinese one is kept,
            // as the record's Chinese paragraphs.
            "AbstractText" if parent == "OtherAbstract" && is_chinese(&text) => {
                f.abstract_parts.push((None, text))
            }
            "LastName" | "CollectiveName" => self.author.0 = text,
            "ForeName" => self.author.1 = text,
            "Initials" => self.author.2 = text,
            "Author" if parent == "AuthorList" && !self.editors => {
                let (family, given, initials) = std::mem::take(&mut self.author);
                let given = if given.is_empty() { initials } else { given };
                if let Some(name) = author_name(&family, &given) {
                    f.authors.push(name);
                }
            }
            // An author's, not a trial investigator's.
            "Affiliation"
                if parents.iter().rev().nth(1) == Some(&"Author")
                    && !self.editors
                    && !text.is_empty()
                    && !f.affiliations.contains(&text) =>
            {
                f.affiliations.push(text)
            }
            "AuthorList" => self.editors = false,
            "PublisherName" => f.publisher = Some(text),
            "PublicationType" => f.publication_types.push(text),
            "Title" if parent == "Journal" => f.journal = Some(text),
            "ISOAbbreviation" if f.journal.is_none() => f.journal = Some(text),
            "Volume" => f.volume = Some(text),
            "Issue" => f.issue = Some(text),
            "Year" | "MedlineDate" if parent == "PubDate" || name == "MedlineDate" => {
                f.year = f.year.or_else(|| year_of(&text));
            }
            "MedlinePgn" => f.pages = Some(text),
            "ELocationID" | "ArticleId" if name == "ELocationID" || own_ids => {
                match self.id_type.take().as_deref() {
                    Some("doi") if f.doi.is_none() => f.doi = Some(text),
                    Some("pmc") if f.pmcid.is_none() => f.pmcid = Some(text),
                    Some("pubmed") if f.pmid.is_none() => f.pmid = Some(text),
                    _ => {}
                }
            }
            "Keyword" => f.keywords.push(text),
            "DescriptorName" if parent == "MeshHeading" => self.mesh.push(text),
            "PubmedArticle" | "PubmedBookArticle" => {
                // Author keywords first, then the MeSH headings, as
                // reference managers keep them.
                let mesh = std::mem::take(&mut self.mesh);
                add_keywords(&mut f.keywords, mesh);
            }
            _ => {}
        }
    }
}
