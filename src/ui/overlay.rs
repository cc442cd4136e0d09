//! Popups over the screen: the help generated from the keymap, and the
//! files that failed to load.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{theme, wrap};
use crate::app::keymap::BINDINGS;
use crate::app::{App, ExportStep};
use crate::export::Format;

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [_, row, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height.min(area.height)),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, cell, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width.min(area.width)),
        Constraint::Fill(1),
    ])
    .areas(row);
    cell
}

fn popup(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'static>>) {
    let width = area.width.saturating_sub(4).min(100);
    let inner_width = width.saturating_sub(2) as usize;
    let wrapped: Vec<Line<'static>> = lines
        .into_iter()
        .flat_map(|line| {
            let spans: Vec<(String, Style)> = line
                .spans
                .iter()
                .map(|s| (s.content.to_string(), s.style))
                .collect();
            if spans.is_empty() {
                vec![Line::default()]
            } else {
                wrap::wrap(&spans, inner_width)
            }
        })
        .collect();
    let height = (wrapped.len() as u16 + 2).min(area.height.saturating_sub(2));
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(true))
        .title(format!(" {title} "))
        .title_bottom(" Esc close ");
    frame.render_widget(Paragraph::new(wrapped).block(block), rect);
}

pub fn help(frame: &mut Frame, area: Rect) {
    let mut lines: Vec<Line<'static>> = BINDINGS
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:<7}", b.label), theme::key()),
                Span::raw(b.description),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled(format!("{:<7}", "mouse"), theme::key()),
        Span::raw("click a row to select it; the wheel scrolls the pane under the pointer"),
    ]));
    lines.push(Line::default());
    lines.push(Line::styled("Filter examples", theme::label()));
    for (example, meaning) in [
        (
            "tofa",
            "a drug by any name, prefix or typo: Xeljanz, 托法替布, CP-690550, tofacitnib",
        ),
        ("jak psoriasis", "every JAK inhibitor, and psoriasis"),
        ("upa | deucra", "either drug"),
        (
            "design:series n:>=5",
            "case series of five patients or more",
        ),
        (
            "year:2021..2024 lang:zh",
            "years, and a Chinese translation",
        ),
        (
            "!design:review text:PASI",
            "not a review; PASI in the abstract",
        ),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!("  {example:<26}"), theme::key()),
            Span::raw(meaning),
        ]));
    }
    popup(frame, area, "Keys", lines);
}

pub fn diagnostics(frame: &mut Frame, app: &App, area: Rect) {
    let lines: Vec<Line<'static>> = if app.corpus.diagnostics.is_empty() {
        vec![Line::raw("Every file loaded.")]
    } else {
        app.corpus
            .diagnostics
            .iter()
            .map(|d| {
                Line::from(vec![
                    Span::styled(d.source.clone(), theme::warning()),
                    Span::raw(format!("  {}", d.reason)),
                ])
            })
            .collect()
    };
    let title = format!("{} file(s) not loaded", app.corpus.diagnostics.len());
    popup(frame, area, &title, lines);
}

pub fn export(frame: &mut Frame, app: &App, step: &ExportStep, area: Rect) {
    let count = app.hits.len();
    let mut lines: Vec<Line<'static>> = vec![Line::raw(format!(
        "Export the {count} listed stud{} (the current filter{}).",
        if count == 1 { "y" } else { "ies" },
        app.sort
            .map(|(c, _)| format!(", sorted by {}", c.title()))
            .unwrap_or_default()
    ))];
    lines.push(Line::default());
    match step {
        ExportStep::Format(selected) => {
            for (i, format) in Format::ALL.iter().enumerate() {
                let (mark, style) = if i == *selected {
                    (theme::ROW_MARK, theme::selected_row())
                } else {
                    (" ", Style::new())
                };
                lines.push(Line::styled(format!("{mark} {}", format.name()), style));
            }
            lines.push(Line::default());
            lines.push(Line::styled(
                "↑↓ choose · Enter next · Esc cancel",
                theme::dim(),
            ));
        }
        ExportStep::Path { format, path } => {
            lines.push(Line::raw(format!("Format: {}", format.name())));
            lines.push(Line::from(vec![
                Span::styled("File: ", theme::label()),
                Span::raw(format!("{path}▏")),
            ]));
            lines.push(Line::default());
            lines.push(Line::styled(
                "type to edit · Enter write · Esc cancel",
                theme::dim(),
            ));
        }
        ExportStep::Overwrite { path, .. } => {
            lines.push(Line::styled(
                format!("{path} exists. Overwrite it? (y/n)"),
                theme::warning(),
            ));
        }
    }
    popup(frame, area, "Export", lines);
}
