//! The state machine: one [`Action`] enum and one [`update`]. Keys become
//! actions in [`keymap`]; rendering (in `ui`) reads the state and never
//! changes it.

pub mod keymap;

use crate::model::Corpus;
use crate::search::{self, Hit, Query, SearchIndex};
use crate::ui::layout::{self, Areas};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
    Filter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Browse,
    Bilingual,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Diagnostics,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    MoveUp,
    MoveDown,
    PageUp,
    PageDown,
    Top,
    Bottom,
    FocusNext,
    FocusFilter,
    OpenDetail,
    FilterInput(char),
    FilterBackspace,
    FilterClear,
    ToggleBilingual,
    ToggleHelp,
    ToggleDiagnostics,
    Back,
    /// A left click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    /// The wheel over a screen cell; positive scrolls down.
    Scroll {
        column: u16,
        row: u16,
        lines: i32,
    },
    Resize {
        width: u16,
        height: u16,
    },
}

pub struct App {
    pub corpus: Corpus,
    pub index: SearchIndex,
    /// Where the studies came from, for the header.
    pub source: String,
    pub filter: String,
    /// Why the filter text does not parse; the list keeps the last good
    /// result meanwhile.
    pub filter_error: Option<String>,
    pub query: Query,
    /// Words the list and detail pane highlight for the current query.
    pub highlight_words: Vec<String>,
    pub hits: Vec<Hit>,
    /// Index into `hits`.
    pub selected: usize,
    /// First visible row of the list.
    pub list_offset: usize,
    pub detail_scroll: usize,
    /// Paragraph pair under the cursor in the bilingual view.
    pub pair: usize,
    pub bilingual_scroll: usize,
    pub focus: Focus,
    pub screen: Screen,
    pub overlay: Overlay,
    pub size: (u16, u16),
    pub should_quit: bool,
}

impl App {
    pub fn new(corpus: Corpus, source: impl Into<String>) -> Self {
        let index = SearchIndex::new(&corpus.studies);
        let mut app = Self {
            corpus,
            index,
            source: source.into(),
            filter: String::new(),
            filter_error: None,
            query: Query::default(),
            highlight_words: Vec::new(),
            hits: Vec::new(),
            selected: 0,
            list_offset: 0,
            detail_scroll: 0,
            pair: 0,
            bilingual_scroll: 0,
            focus: Focus::List,
            screen: Screen::Browse,
            overlay: Overlay::None,
            size: (80, 24),
            should_quit: false,
        };
        app.run_query();
        app
    }

    /// The study under the cursor.
    pub fn selected_study(&self) -> Option<&crate::model::Study> {
        self.hits
            .get(self.selected)
            .map(|h| &self.corpus.studies[h.index])
    }

    pub fn areas(&self) -> Option<Areas> {
        layout::areas(self.size, self.screen)
    }

    fn list_height(&self) -> usize {
        self.areas()
            .map_or(1, |a| a.list.height.saturating_sub(2).max(1) as usize)
    }

    fn pane_height(&self) -> usize {
        self.areas()
            .map_or(1, |a| a.detail.height.saturating_sub(2).max(1) as usize)
    }

    /// Re-runs the filter; a query that does not parse leaves the last good
    /// result in place and says why.
    fn run_query(&mut self) {
        match search::parse(&self.filter) {
            Ok(query) => {
                let current = self.selected_study().map(|s| s.id.clone());
                self.hits = self.index.search(&self.corpus.studies, &query);
                self.highlight_words = self.index.highlight_words(&query);
                self.query = query;
                self.filter_error = None;
                // Keep the same study selected when it is still listed.
                self.selected = current
                    .and_then(|id| {
                        self.hits
                            .iter()
                            .position(|h| self.corpus.studies[h.index].id == id)
                    })
                    .unwrap_or(0);
                self.detail_scroll = 0;
                self.clamp_list();
            }
            Err(e) => self.filter_error = Some(e.to_string()),
        }
    }

    /// Keeps the selection inside the list and the list scrolled to it.
    fn clamp_list(&mut self) {
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
        let height = self.list_height();
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + height {
            self.list_offset = self.selected + 1 - height;
        }
        self.list_offset = self.list_offset.min(self.hits.len().saturating_sub(height));
    }

    fn select(&mut self, row: usize) {
        if row != self.selected {
            self.selected = row;
            self.detail_scroll = 0;
            self.pair = 0;
            self.bilingual_scroll = 0;
        }
        self.clamp_list();
    }

    /// Moves by `delta` in whatever has focus: the list, the detail pane, or
    /// the bilingual pairs.
    fn step(&mut self, delta: i64) {
        match (self.screen, self.focus) {
            (Screen::Bilingual, _) => {
                let pairs = crate::ui::bilingual::block_count(self);
                self.pair = offset(self.pair, delta, pairs.saturating_sub(1));
            }
            (Screen::Browse, Focus::Detail) => {
                let max = crate::ui::detail::line_count(self).saturating_sub(self.pane_height());
                self.detail_scroll = offset(self.detail_scroll, delta, max);
            }
            _ => {
                let row = offset(self.selected, delta, self.hits.len().saturating_sub(1));
                self.select(row);
            }
        }
    }

    fn page(&self) -> i64 {
        match self.focus {
            Focus::Detail => self.pane_height() as i64,
            _ => self.list_height() as i64,
        }
    }
}

/// `value + delta`, held to `0..=max`.
fn offset(value: usize, delta: i64, max: usize) -> usize {
    (value as i64 + delta).clamp(0, max as i64) as usize
}

pub fn update(app: &mut App, action: Action) {
    match action {
        Action::Quit => app.should_quit = true,
        _ if app.overlay != Overlay::None => match action {
            Action::Back
            | Action::ToggleHelp
            | Action::ToggleDiagnostics
            | Action::Click { .. } => {
                app.overlay = Overlay::None;
            }
            _ => {}
        },
        Action::MoveDown => app.step(1),
        Action::MoveUp => app.step(-1),
        Action::PageDown => app.step(app.page()),
        Action::PageUp => app.step(-app.page()),
        Action::Top => app.step(i64::MIN / 2),
        Action::Bottom => app.step(i64::MAX / 2),
        Action::FocusNext => {
            app.focus = match app.focus {
                Focus::List => Focus::Detail,
                Focus::Detail | Focus::Filter => Focus::List,
            }
        }
        Action::FocusFilter => {
            app.screen = Screen::Browse;
            app.focus = Focus::Filter;
        }
        Action::OpenDetail => {
            if app.screen == Screen::Browse {
                app.focus = Focus::Detail;
            }
        }
        Action::FilterInput(c) => {
            app.filter.push(c);
            app.run_query();
        }
        Action::FilterBackspace => {
            app.filter.pop();
            app.run_query();
        }
        Action::FilterClear => {
            app.filter.clear();
            app.run_query();
        }
        Action::ToggleBilingual => {
            app.screen = match app.screen {
                Screen::Browse => Screen::Bilingual,
                Screen::Bilingual => Screen::Browse,
            };
            app.focus = Focus::List;
        }
        Action::ToggleHelp => app.overlay = Overlay::Help,
        Action::ToggleDiagnostics => app.overlay = Overlay::Diagnostics,
        Action::Back => back(app),
        Action::Click { column, row } => click(app, column, row),
        Action::Scroll { column, row, lines } => scroll(app, column, row, lines),
        Action::Resize { width, height } => {
            app.size = (width, height);
            app.clamp_list();
        }
    }
}

fn back(app: &mut App) {
    if app.screen == Screen::Bilingual {
        app.screen = Screen::Browse;
    } else if app.focus == Focus::Filter {
        if app.filter.is_empty() {
            app.focus = Focus::List;
        } else {
            app.filter.clear();
            app.run_query();
        }
    } else if app.focus == Focus::Detail {
        app.focus = Focus::List;
    } else if !app.filter.is_empty() {
        app.filter.clear();
        app.run_query();
    }
}

fn click(app: &mut App, column: u16, row: u16) {
    let Some(areas) = app.areas() else { return };
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

fn scroll(app: &mut App, column: u16, row: u16, lines: i32) {
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

fn inside(rect: ratatui::layout::Rect, column: u16, row: u16) -> bool {
    column >= rect.x && column < rect.x + rect.width && row >= rect.y && row < rect.y + rect.height
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::load_seeds;

    fn app() -> App {
        let mut app = App::new(load_seeds(), "seeds/");
        update(
            &mut app,
            Action::Resize {
                width: 120,
                height: 40,
            },
        );
        app
    }

    fn type_filter(app: &mut App, text: &str) {
        update(app, Action::FocusFilter);
        for c in text.chars() {
            update(app, Action::FilterInput(c));
        }
    }

    #[test]
    fn selection_stays_valid_when_the_filter_shrinks_the_list() {
        let mut app = app();
        update(&mut app, Action::Bottom);
        assert_eq!(app.selected, 4);
        type_filter(&mut app, "deucra");
        assert_eq!(app.hits.len(), 1);
        assert_eq!(app.selected, 0);
        type_filter(&mut app, "zzzz");
        assert!(app.hits.is_empty());
        assert!(app.selected_study().is_none());
        update(&mut app, Action::MoveDown);
        assert_eq!(app.selected, 0);
    }

    #[test]
    fn the_selected_study_is_kept_when_still_listed() {
        let mut app = app();
        let id = |app: &App| app.selected_study().map(|s| s.id[..3].to_string());
        while id(&app).as_deref() != Some("003") {
            update(&mut app, Action::MoveDown);
        }
        type_filter(&mut app, "tofa");
        assert_eq!(id(&app).as_deref(), Some("003"));
    }

    #[test]
    fn a_bad_query_keeps_the_last_good_result() {
        let mut app = app();
        type_filter(&mut app, "drug:upa");
        assert_eq!(app.hits.len(), 2);
        type_filter(&mut app, " '");
        assert!(
            app.filter_error
                .as_deref()
                .is_some_and(|e| e.contains("\"'\""))
        );
        assert_eq!(app.hits.len(), 2);
        update(&mut app, Action::FilterClear);
        assert!(app.filter_error.is_none());
        assert_eq!(app.hits.len(), 5);
    }

    #[test]
    fn scrolling_clamps_and_focus_cycles() {
        let mut app = app();
        update(&mut app, Action::MoveUp);
        assert_eq!(app.selected, 0);
        update(&mut app, Action::FocusNext);
        assert_eq!(app.focus, Focus::Detail);
        update(&mut app, Action::PageDown);
        update(&mut app, Action::PageDown);
        let max = crate::ui::detail::line_count(&app).saturating_sub(app.pane_height());
        assert!(app.detail_scroll <= max);
        update(&mut app, Action::Top);
        assert_eq!(app.detail_scroll, 0);
        update(&mut app, Action::FocusNext);
        assert_eq!(app.focus, Focus::List);
        update(&mut app, Action::FocusFilter);
        update(&mut app, Action::Back);
        assert_eq!(app.focus, Focus::List);
    }

    #[test]
    fn overlays_swallow_keys_until_closed() {
        let mut app = app();
        update(&mut app, Action::ToggleHelp);
        update(&mut app, Action::MoveDown);
        assert_eq!(app.selected, 0);
        update(&mut app, Action::Back);
        assert_eq!(app.overlay, Overlay::None);
        update(&mut app, Action::Quit);
        assert!(app.should_quit);
    }

    #[test]
    fn bilingual_pairs_move_and_clamp() {
        let mut app = app();
        while app
            .selected_study()
            .is_some_and(|s| !s.id.starts_with("001"))
        {
            update(&mut app, Action::MoveDown);
        }
        update(&mut app, Action::ToggleBilingual);
        update(&mut app, Action::Bottom);
        assert_eq!(app.pair, 6);
        update(&mut app, Action::MoveDown);
        assert_eq!(app.pair, 6);
        update(&mut app, Action::Back);
        assert_eq!(app.screen, Screen::Browse);
    }

    #[test]
    fn clicks_select_rows_and_the_wheel_scrolls_the_pane_under_it() {
        let mut app = app();
        let areas = app.areas().unwrap();
        update(
            &mut app,
            Action::Click {
                column: areas.list.x + 2,
                row: areas.list.y + 3,
            },
        );
        assert_eq!(app.selected, 2);
        update(
            &mut app,
            Action::Scroll {
                column: areas.detail.x + 2,
                row: areas.detail.y + 2,
                lines: 3,
            },
        );
        assert_eq!(app.focus, Focus::Detail);
        assert_eq!(app.selected, 2);
    }
}
