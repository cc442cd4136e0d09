//! The header, the filter bar and the status line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{theme, wrap};
use crate::app::keymap::{self, Context};
use crate::app::{App, Focus, Screen};

pub fn header(frame: &mut Frame, app: &App, area: Rect) {
    let mut left = format!(
        " studyterm · {} studies · {}",
        app.corpus.studies.len(),
        app.source
    );
    match app.loading {
        Some((_, 0)) => left.push_str(" · finding files…"),
        Some((read, total)) => {
            left.push_str(&format!(
                " · loading {} {read}/{total} files",
                gauge(read, total, 10)
            ));
        }
        None => {}
    }
    let failed = app.corpus.diagnostics.len();
    let right = " ? help  q quit ";
    let mut spans = vec![Span::styled(left.clone(), theme::header())];
    if failed > 0 {
        let warn = format!(" · ⚠ {failed} failed (!)");
        left.push_str(&warn);
        spans.push(Span::styled(
            warn,
            theme::header().fg(ratatui::style::Color::Red),
        ));
    }
    let pad = (area.width as usize).saturating_sub(wrap::width(&left) + right.len());
    spans.push(Span::styled(" ".repeat(pad), theme::header()));
    spans.push(Span::styled(right, theme::header()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// `▰▰▰▱▱▱▱▱▱▱` for `done` of `total`.
fn gauge(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width)
        .checked_div(total)
        .unwrap_or(width)
        .min(width);
    format!("{}{}", "▰".repeat(filled), "▱".repeat(width - filled))
}

pub fn filter(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Filter;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(focused))
        .title(" Filter ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let count = match &app.filter_error {
        Some(e) => Span::styled(format!("✗ {e}"), theme::error()),
        None => match &app.suggestion {
            Some(term) => Span::styled(
                format!("0 of {} · did you mean {term:?}?", app.corpus.studies.len()),
                theme::warning(),
            ),
            None => Span::styled(
                format!("{} of {}", app.hits.len(), app.corpus.studies.len()),
                theme::dim(),
            ),
        },
    };
    let cursor = if focused { "▏" } else { "" };
    let text = format!("/ {}{cursor}", app.filter);
    let width = inner.width as usize;
    let count_width = wrap::width(&count.content).min(width.saturating_sub(wrap::width(&text) + 1));
    let count = Span::styled(wrap::truncate(&count.content, count_width), count.style);
    let pad = width.saturating_sub(wrap::width(&text) + wrap::width(&count.content));
    let line = Line::from(vec![Span::raw(text), Span::raw(" ".repeat(pad)), count]);
    frame.render_widget(Paragraph::new(line), inner);
}

pub fn status(frame: &mut Frame, app: &App, area: Rect) {
    if let Some(message) = &app.status {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {message}"), theme::warning())),
            area,
        );
        return;
    }
    let context = match (app.screen, app.focus) {
        (_, Focus::Filter) => None,
        (Screen::Browse, _) => Some(Context::Browse),
        (Screen::Bilingual, _) => Some(Context::Bilingual),
        (Screen::Table, _) => Some(Context::Table),
    };
    let mut spans = Vec::new();
    match context {
        None => spans.push(Span::styled(
            " type to filter · Enter list · Esc clear · ↑↓ move",
            theme::dim(),
        )),
        Some(context) => {
            for (key, hint) in keymap::hints(context) {
                spans.push(Span::styled(format!(" {key}"), theme::key()));
                spans.push(Span::styled(format!(" {hint} "), theme::dim()));
            }
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
