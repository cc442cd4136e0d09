//! The study list. Only the visible rows are built: at 100k studies a frame
//! costs the same as at 10.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{theme, wrap};
use crate::app::{App, Focus};
use crate::model::Study;

pub fn render(frame: &mut Frame, app: &App, area: Rect) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(app.focus == Focus::List))
        .title(" Studies ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.hits.is_empty() {
        let message = match (app.corpus.studies.is_empty(), app.loading.is_some()) {
            (true, true) => theme::LOADING,
            (true, false) => theme::NOTHING_LOADED,
            _ => theme::NO_STUDIES,
        };
        frame.render_widget(Paragraph::new(message).style(theme::dim()), inner);
        return;
    }
    let words = &app.highlight_words;
    let rows: Vec<Line> = app
        .hits
        .iter()
        .enumerate()
        .skip(app.list_offset)
        .take(inner.height as usize)
        .map(|(row, hit)| {
            let study = &app.corpus.studies[hit.index];
            let line = row_line(study, words, inner.width as usize, row == app.selected);
            if row == app.selected {
                line.style(theme::selected_row())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(rows), inner);
}

/// `▶2023 Title with matches highlighted…   series n=6 EN·中`
fn row_line(study: &Study, words: &[String], width: usize, selected: bool) -> Line<'static> {
    let marker = if selected { theme::ROW_MARK } else { " " };
    let year = study.year.map_or(" —  ".to_string(), |y| y.to_string());
    // Badges give way to the title in a narrow list: design first, then n.
    let room = width.saturating_sub(1 + 4 + 1 + 1);
    let badges = (0..3)
        .map(|dropped| badges(study, dropped))
        .find(|b| room.saturating_sub(wrap::width(b)) >= MIN_TITLE)
        .unwrap_or_default();
    let badge_width = wrap::width(&badges);
    let title_width = room.saturating_sub(badge_width);
    let mut spans = vec![
        Span::raw(marker.to_string()),
        Span::styled(year, theme::dim()),
        Span::raw(" "),
    ];
    spans.extend(title_spans(study, words, title_width));
    let used: usize = spans.iter().map(|s| wrap::width(&s.content)).sum();
    let pad = width.saturating_sub(used + badge_width);
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(badges, theme::badge()));
    Line::from(spans)
}

/// The title cut to `width` columns, matched characters highlighted,
/// derived titles set apart.
fn title_spans(study: &Study, words: &[String], width: usize) -> Vec<Span<'static>> {
    let base = if study.title_derived {
        theme::derived_title()
    } else {
        Style::new()
    };
    let title = wrap::truncate(&study.title, width);
    let ranges = crate::search::highlight(&title, words);
    super::highlighted(&title, &ranges, base)
        .into_iter()
        .map(|(text, style)| Span::styled(text, style))
        .collect()
}

/// Columns a title keeps before badges are dropped.
const MIN_TITLE: usize = 24;

/// Design, patient count and languages, short; `dropped` leaves out the
/// first badges.
fn badges(study: &Study, dropped: usize) -> String {
    let design = study
        .design
        .as_deref()
        .map(short_design)
        .filter(|_| dropped < 1)
        .unwrap_or("");
    let n = study
        .n_patients
        .filter(|_| dropped < 2)
        .map(|n| format!("n={n}"))
        .unwrap_or_default();
    let lang = match (study.english.is_empty(), study.chinese.is_empty()) {
        (false, false) => "EN·中",
        (true, false) => "中",
        _ => "EN",
    };
    [design, n.as_str(), lang]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn short_design(design: &str) -> &'static str {
    crate::model::design_abbreviation(design)
}
