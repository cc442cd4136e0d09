//! The detail pane: metadata first, then the abstract by section, wrapped
//! to the pane and scrolled; the query's words are highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{theme, wrap};
use crate::app::{App, Focus};
use crate::model::Study;

type Styled = Vec<(String, Style)>;

pub fn render(frame: &mut Frame, app: &App, area: Rect) {
    let title = app
        .selected_study()
        .map(|s| format!(" {} of {} · {} ", app.selected + 1, app.hits.len(), s.id))
        .map(|t| wrap::truncate(&t, area.width.saturating_sub(4) as usize))
        .unwrap_or_default();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(app.focus == Focus::Detail))
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = lines(app, inner.width as usize)
        .into_iter()
        .skip(app.detail_scroll)
        .take(inner.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Lines of the selected study wrapped to `width`.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let Some(study) = app.selected_study() else {
        return Vec::new();
    };
    let words = &app.highlight_words;
    logical_lines(study)
        .iter()
        .flat_map(|line| {
            if line.is_empty() {
                return vec![Line::default()];
            }
            let highlight = |(text, style): &(String, Style)| {
                let ranges = crate::search::highlight(text, words);
                super::highlighted(text, &ranges, *style)
            };
            // A field ("Drugs     ...") wraps its value under itself.
            let is_field =
                line.len() == 2 && line[0].1 == theme::label() && width > 2 * LABEL_WIDTH;
            if !is_field {
                let spans: Styled = line.iter().flat_map(highlight).collect();
                return wrap::wrap(&spans, width);
            }
            let value: Styled = line[1..].iter().flat_map(highlight).collect();
            wrap::wrap(&value, width - LABEL_WIDTH)
                .into_iter()
                .enumerate()
                .map(|(i, l)| {
                    let head = if i == 0 {
                        line[0].0.clone()
                    } else {
                        " ".repeat(LABEL_WIDTH)
                    };
                    let mut spans = vec![ratatui::text::Span::styled(head, theme::label())];
                    spans.extend(l.spans);
                    Line::from(spans)
                })
                .collect()
        })
        .collect()
}

/// How many lines the detail pane holds at its current width.
pub fn line_count(app: &App) -> usize {
    let width = app.areas().map_or(40, |a| a.detail.width.saturating_sub(2)) as usize;
    lines(app, width).len()
}

/// The file name of a source path.
fn short_source(source: &str) -> &str {
    source.rsplit(['/', '\\']).next().unwrap_or(source)
}

/// Columns of a field label ("Condition ").
const LABEL_WIDTH: usize = 10;

fn field(label: &str, value: String) -> Styled {
    vec![
        (format!("{label:<LABEL_WIDTH$}"), theme::label()),
        (value, Style::new()),
    ]
}

/// The study as unwrapped lines; an empty line is a blank.
fn logical_lines(s: &Study) -> Vec<Styled> {
    let mut out: Vec<Styled> = Vec::new();
    let title_style = if s.title_derived {
        theme::derived_title()
    } else {
        theme::title()
    };
    out.push(vec![(s.title.to_string(), title_style)]);
    if s.title_derived {
        out.push(vec![(
            "(title composed from the abstract: the text has none)".into(),
            theme::dim(),
        )]);
    }
    let mut citation = Vec::new();
    if let Some(j) = &s.journal {
        citation.push(j.to_string());
    }
    if let Some(y) = s.year {
        citation.push(y.to_string());
    }
    let locator = format!(
        "{}{}{}",
        s.volume.clone().unwrap_or_default(),
        s.issue
            .as_ref()
            .map(|i| format!("({i})"))
            .unwrap_or_default(),
        s.pages
            .as_ref()
            .map(|p| format!(":{p}"))
            .unwrap_or_default()
    );
    if !locator.is_empty() {
        citation.push(locator);
    }
    if !citation.is_empty() {
        out.push(vec![(citation.join(" · "), theme::dim())]);
    }
    let ids: Vec<String> = [("DOI", &s.doi), ("PMID", &s.pmid), ("PMCID", &s.pmcid)]
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k} {v}")))
        .collect();
    if !ids.is_empty() {
        out.push(vec![(ids.join("  "), theme::dim())]);
    }
    let badges: Vec<String> = [
        s.design.as_deref().map(str::to_string),
        s.n_patients.map(|n| format!("n={n}")),
        Some(if s.chinese.is_empty() {
            "EN".into()
        } else {
            "EN · 中文".into()
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    out.push(vec![(badges.join(" · "), theme::badge())]);
    out.push(Vec::new());
    if !s.drugs.is_empty() {
        let drugs: Vec<String> = s
            .drugs
            .iter()
            .map(|d| {
                let doses: Vec<&str> = s
                    .doses
                    .iter()
                    .filter(|x| &x.drug == d)
                    .map(|x| x.text.as_str())
                    .collect();
                if doses.is_empty() {
                    d.to_string()
                } else {
                    format!("{d} ({})", doses.join("; "))
                }
            })
            .collect();
        out.push(field("Drugs", drugs.join(", ")));
    }
    if !s.conditions.is_empty() {
        out.push(field("Condition", s.conditions.join(", ")));
    }
    if let Some(outcome) = s.outcomes.first() {
        out.push(field("Outcome", outcome.to_string()));
    }
    if !s.adverse_events.is_empty() {
        out.push(field("AEs", s.adverse_events.join(", ")));
    }
    if !s.keywords.is_empty() {
        out.push(field("Keywords", s.keywords.join("; ")));
    }
    if !s.authors.is_empty() {
        // Semicolons: a name may hold a comma (`Zhang, Xiaoyu`).
        out.push(field("Authors", s.authors.join("; ")));
    }
    if let Some(summary) = &s.summary {
        out.push(Vec::new());
        out.push(vec![("Summary".into(), theme::label())]);
        out.push(vec![(summary.to_string(), Style::new())]);
    }
    for section in &s.sections {
        out.push(Vec::new());
        if let Some(label) = &section.label {
            out.push(vec![(label.to_string(), theme::label())]);
        }
        out.push(vec![(section.text.to_string(), Style::new())]);
    }
    if s.sections.is_empty() {
        for p in &s.chinese {
            out.push(Vec::new());
            out.push(vec![(p.to_string(), Style::new())]);
        }
    }
    out.push(Vec::new());
    if s.sources.is_empty() {
        out.push(vec![(format!("{} · {}", s.source, s.format), theme::dim())]);
    } else {
        out.push(field(
            "Sources",
            format!("{} ({})", s.sources.join("; "), s.format),
        ));
    }
    for conflict in &s.conflicts {
        let values: Vec<String> = conflict
            .values
            .iter()
            .map(|(value, source)| format!("{value:?} ({})", short_source(source)))
            .collect();
        out.push(vec![(
            format!("≠ {}: {}", conflict.field, values.join(" vs ")),
            theme::warning(),
        )]);
    }
    for warning in &s.warnings {
        out.push(vec![(format!("⚠ {warning}"), theme::warning())]);
    }
    out
}
