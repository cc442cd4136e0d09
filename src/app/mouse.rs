//! Mouse actions: a click selects a row, focuses a pane or sorts the
//! table; the wheel scrolls the pane under the pointer. Hit-testing uses the
//! same pure layout as rendering.

use ratatui::layout::Rect;

use super::{App, Focus, Screen};

pub(super) fn click(app: &mut App, column: u16, row: u16) {
    let Some(areas) = app.areas() else { return };
    if areas.screen == Screen::Table && inside(areas.list, column, row) {
        let first = areas.list.y + 2;
        if row == areas.list.y + 1 {
            if let Some(column) =
                crate::ui::table::column_at(app, column.saturating_sub(areas.list.x + 1))
            {
                let descending = app.sort.is_some_and(|(c, d)| c == column && !d);
                app.sort_by(column, descending);
            }
        } else if row >= first {
            let target = app.list_offset + (row - first) as usize;
            if target < app.hits.len() {
                app.select(target);
            }
        }
        return;
    }
    if areas.screen == Screen::Browse && inside(areas.list, column, row) {
        app.focus = Focus::List;
        let first = areas.list.y + 1;
        if row >= first {
            let target = app.list_offset + (row - first) as usize;
            if target < app.hits.len() {
                app.select(target);
            }
        }
    } else if areas.screen == Screen::Browse && inside(areas.detail, column, row) {
        app.focus = Focus::Detail;
    } else if inside(areas.filter, column, row) {
        app.focus = Focus::Filter;
    }
}

pub(super) fn scroll(app: &mut App, column: u16, row: u16, lines: i32) {
    let Some(areas) = app.areas() else { return };
    let before = app.focus;
    if areas.screen == Screen::Browse && inside(areas.detail, column, row) {
        app.focus = Focus::Detail;
    } else if areas.screen == Screen::Browse && inside(areas.list, column, row) {
        app.focus = Focus::List;
    }
    app.step(i64::from(lines));
    if before == Focus::Filter {
        app.focus = before;
    }
}

fn inside(rect: Rect, column: u16, row: u16) -> bool {
    column >= rect.x && column < rect.x + rect.width && row >= rect.y && row < rect.y + rect.height
}
