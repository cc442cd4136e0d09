//! The evidence table: the listed studies side by side, one row each,
//! sortable by any column, scrollable both ways. Only visible rows are
//! built.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Row, Table};

use super::{theme, wrap};
use crate::app::App;
use crate::evidence::Column;

/// Preferred column widths, in the order of `Column::ALL`.
const WIDTHS: [u16; 9] = [4, 18, 16, 20, 14, 4, 38, 30, 30];

/// The narrowest a last, partly visible column is shown.
const MIN_LAST: u16 = 8;

/// The columns that fit in `width` after horizontal scrolling (the year
/// always stays), with their widths; the last one takes what is left.
fn visible(app: &App, width: u16) -> Vec<(Column, u16)> {
    let candidates = std::iter::once((Column::ALL[0], WIDTHS[0])).chain(
        Column::ALL
            .iter()
            .zip(WIDTHS)
            .skip(1 + app.column_offset)
            .map(|(c, w)| (*c, w)),
    );
    let mut out: Vec<(Column, u16)> = Vec::new();
    let mut used = 0u16;
    for (column, preferred) in candidates {
        let gap = u16::from(!out.is_empty());
        let left = width.saturating_sub(used + gap);
        if left < MIN_LAST.min(preferred) {
            break;
        }
        let w = preferred.min(left);
        out.push((column, w));
        used += gap + w;
    }
    if let Some(last) = out.last_mut() {
        last.1 += width.saturating_sub(used);
    }
    out
}

/// The column under screen column `x` (relative to the table's inside).
pub fn column_at(app: &App, x: u16) -> Option<Column> {
    let width = app.areas().map_or(0, |a| a.list.width.saturating_sub(2));
    let mut start = 0;
    for (column, w) in visible(app, width) {
        if x >= start && x <= start + w {
            return Some(column);
        }
        start += w + 1;
    }
    None
}

pub fn render(frame: &mut Frame, app: &App, area: Rect) {
    let sort = app
        .sort
        .map(|(c, d)| format!(" · sorted by {} {}", c.title(), if d { "▼" } else { "▲" }));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(true))
        .title(format!(
            " Evidence · {} studies{} ",
            app.hits.len(),
            sort.unwrap_or_default()
        ));
    let columns = visible(app, area.width.saturating_sub(2));
    let header = Row::new(columns.iter().map(|(c, _)| {
        let mark = match app.sort {
            Some((s, true)) if s == *c => " ▼",
            Some((s, false)) if s == *c => " ▲",
            _ => "",
        };
        Cell::from(format!("{}{mark}", c.title()))
    }))
    .style(theme::label());
    let inner_height = area.height.saturating_sub(3) as usize;
    let rows: Vec<Row> = app
        .hits
        .iter()
        .enumerate()
        .skip(app.list_offset)
        .take(inner_height)
        .map(|(row, hit)| {
            let study = &app.corpus.studies[hit.index];
            let cells = columns.iter().map(|(column, width)| {
                let text = wrap::truncate(&column.cell(study), *width as usize);
                let style = if text == crate::evidence::EMPTY {
                    theme::dim()
                } else {
                    ratatui::style::Style::new()
                };
                Cell::from(Line::from(Span::styled(text, style)))
            });
            let row_style = if row == app.selected {
                theme::selected_row()
            } else {
                ratatui::style::Style::new()
            };
            Row::new(cells).style(row_style)
        })
        .collect();
    let widths: Vec<Constraint> = columns
        .iter()
        .map(|(_, w)| Constraint::Length(*w))
        .collect();
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .column_spacing(1);
    frame.render_widget(table, area);
}
