//! Rendering as a function of state: one file per pane, styles in
//! `theme`, the layout in `layout`.

pub mod bilingual;
mod chrome;
pub mod detail;
pub mod layout;
mod list;
mod overlay;
pub mod table;
pub mod theme;
pub mod wrap;

use std::ops::Range;

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, Overlay, Screen};

pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let Some(areas) = layout::areas((area.width, area.height), app.screen) else {
        frame.render_widget(
            Paragraph::new(theme::TOO_SMALL).wrap(Wrap { trim: true }),
            area,
        );
        return;
    };
    chrome::header(frame, app, areas.header);
    chrome::filter(frame, app, areas.filter);
    match app.screen {
        Screen::Browse => {
            list::render(frame, app, areas.list);
            detail::render(frame, app, areas.detail);
        }
        Screen::Bilingual => bilingual::render(frame, app, areas.list, areas.detail),
        Screen::Table => table::render(frame, app, areas.list),
    }
    chrome::status(frame, app, areas.status);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help => overlay::help(frame, area),
        Overlay::Diagnostics => overlay::diagnostics(frame, app, area),
        Overlay::Export(step) => overlay::export(frame, app, step, area),
    }
}

/// `text` cut into runs, those inside `ranges` (character ranges) in the
/// match style.
pub fn highlighted(text: &str, ranges: &[Range<usize>], base: Style) -> Vec<(String, Style)> {
    let mut out: Vec<(String, Style)> = Vec::new();
    let mut current = String::new();
    let mut current_hit = false;
    for (i, c) in text.chars().enumerate() {
        let hit = ranges.iter().any(|r| r.contains(&i));
        if hit != current_hit && !current.is_empty() {
            let style = if current_hit {
                base.patch(theme::matched())
            } else {
                base
            };
            out.push((std::mem::take(&mut current), style));
        }
        current_hit = hit;
        current.push(c);
    }
    if !current.is_empty() {
        let style = if current_hit {
            base.patch(theme::matched())
        } else {
            base
        };
        out.push((current, style));
    }
    out
}
