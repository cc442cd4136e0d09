//! PubMed XML (`PubmedArticleSet`, as efetch returns it), read with a real
//! XML parser: titles, structured abstracts (`AbstractText Label=...`),
//! authors, affiliations, journal, dates, identifiers, keywords.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::records::{Fields, year_of};

/// The records of a `PubmedArticleSet`, or why the XML cannot be read.
pub fn records(text: &str) -> Result<Vec<Fields>, String> {
    let mut reader = Reader::from_str(text);
    // No trimming: "positive &amp; effective" arrives as three events.
    reader.config_mut().trim_text(false);
    let mut out = Vec::new();
    let mut current: Option<Article> = None;
    let mut path: Vec<String> = Vec::new();
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
                if let Some(article) = current.as_mut() {
                    article.open(&name, &start);
                }
                path.push(name);
            }
            Event::Empty(start) => {
                if let Some(article) = current.as_mut() {
                    article.open(&local_name(&start), &start);
                }
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                if let Some(article) = current.as_mut() {
                    article.close(&name, &path);
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
        return Err(format!("XML ends inside <{}>", path.join("><")));
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

/// The article being read: its fields so far, and the text of the element
/// being read.
#[derive(Default)]
struct Article {
    fields: Fields,
    text: String,
    label: Option<String>,
    id_type: Option<String>,
    author: (String, String, String),
}

impl Article {
    fn open(&mut self, name: &str, start: &BytesStart<'_>) {
        self.text.clear();
        match name {
            "AbstractText" => self.label = attribute(start, "Label"),
            "ELocationID" => self.id_type = attribute(start, "EIdType"),
            "ArticleId" => self.id_type = attribute(start, "IdType"),
            "Author" => self.author = Default::default(),
            _ => {}
        }
    }

    fn close(&mut self, name: &str, parents: &[String]) {
        let text = std::mem::take(&mut self.text).trim().to_string();
        let parent = parents.last().map(String::as_str).unwrap_or("");
        let f = &mut self.fields;
        match name {
            "PMID" if parent == "MedlineCitation" && f.pmid.is_none() => f.pmid = Some(text),
            "ArticleTitle" => f.title = Some(text),
            "VernacularTitle" => f.title_original = Some(text),
            "AbstractText" if parent == "Abstract" => {
                f.abstract_parts.push((self.label.take(), text))
            }
            "LastName" => self.author.0 = text,
            "ForeName" => self.author.1 = text,
            "CollectiveName" => self.author.0 = text,
            "Author" => {
                let (last, fore, _) = std::mem::take(&mut self.author);
                let name = [fore, last]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                if !name.is_empty() {
                    f.authors.push(name);
                }
            }
            "Affiliation" if !text.is_empty() && !f.affiliations.contains(&text) => {
                f.affiliations.push(text)
            }
            "Title" if parent == "Journal" => f.journal = Some(text),
            "ISOAbbreviation" if f.journal.is_none() => f.journal = Some(text),
            "Volume" => f.volume = Some(text),
            "Issue" => f.issue = Some(text),
            "Year" | "MedlineDate" if parent == "PubDate" || name == "MedlineDate" => {
                f.year = f.year.or_else(|| year_of(&text));
            }
            "MedlinePgn" => f.pages = Some(text),
            "ELocationID" | "ArticleId" => match self.id_type.take().as_deref() {
                Some("doi") if f.doi.is_none() => f.doi = Some(text),
                Some("pmc") if f.pmcid.is_none() => f.pmcid = Some(text),
                Some("pubmed") if f.pmid.is_none() => f.pmid = Some(text),
                _ => {}
            },
            "Keyword" => f.keywords.push(text),
            _ => {}
        }
    }
}
