//! The state machine: one [`Action`] enum and one [`update`]. Keys become
//! actions in [`keymap`]; rendering (in `ui`) reads the state and never
//! changes it.

mod dialog;
pub mod keymap;
mod mouse;

use crate::evidence::Column;
use crate::export::Format;
use crate::model::{Corpus, SharedStr};
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
    Table,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Diagnostics,
    Export(ExportStep),
}

/// The export dialog: pick a format, edit the path, confirm an overwrite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportStep {
    Format(usize),
    Path { format: Format, path: String },
    Overwrite { format: Format, path: String },
}

/// Work with effects outside the state: done by the event loop, which
/// reports back with [`Action::Status`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the clipboard (OSC 52).
    Copy(String),
    /// Open a link in the browser.
    Open(String),
    /// Export the listed studies.
    Export { format: Format, path: String },
}

#[derive(Debug, Clone, PartialEq)]
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
    ToggleTable,
    /// Sort the table by the next column (or reverse when the same).
    CycleSort,
    ReverseSort,
    /// Scroll the table by whole columns.
    ScrollColumns(i32),
    Export,
    Copy,
    Open,
    DialogInput(char),
    DialogBackspace,
    Confirm,
    /// A message for the status line (results of effects).
    Status(String),
    /// A folder is being loaded: this many files in all.
    LoadStarted(usize),
    /// Studies from the next files of the folder being loaded.
    Loaded {
        batch: Corpus,
        files: usize,
    },
    /// The folder is loaded: duplicates are merged now.
    LoadFinished,
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
    /// A lexicon term close to a filter word when nothing matches.
    pub suggestion: Option<String>,
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
    /// The table's sort: column and descending.
    pub sort: Option<(Column, bool)>,
    /// First table column shown (horizontal scroll).
    pub column_offset: usize,
    /// A message for the status line, until the next key.
    pub status: Option<String>,
    /// Effects for the event loop to carry out.
    pub effects: Vec<Effect>,
    /// (files read, files in all) while a folder streams in.
    pub loading: Option<(usize, usize)>,
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
            suggestion: None,
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
            sort: None,
            column_offset: 0,
            status: None,
            effects: Vec::new(),
            loading: None,
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
        // The table spends a row on its header.
        let chrome = if self.screen == Screen::Table { 3 } else { 2 };
        self.areas()
            .map_or(1, |a| a.list.height.saturating_sub(chrome).max(1) as usize)
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
                self.apply_sort();
                self.highlight_words = self.index.highlight_words(&query);
                self.suggestion = if self.hits.is_empty() {
                    self.index.suggest(&query)
                } else {
                    None
                };
                self.query = query;
                self.filter_error = None;
                self.reselect(current);
                self.detail_scroll = 0;
            }
            Err(e) => self.filter_error = Some(e.to_string()),
        }
    }

    /// Orders the result by the table's sort column, when one is chosen.
    fn apply_sort(&mut self) {
        let Some((column, descending)) = self.sort else {
            return;
        };
        // Keys once per study, then a stable sort: ties keep their rank.
        let studies = &self.corpus.studies;
        let keys: Vec<_> = self
            .hits
            .iter()
            .map(|h| column.sort_key(&studies[h.index]))
            .collect();
        let mut order: Vec<usize> = (0..self.hits.len()).collect();
        order.sort_by(|&a, &b| keys[a].compare(&keys[b], descending));
        self.hits = order.into_iter().map(|i| self.hits[i]).collect();
    }

    fn sort_by(&mut self, column: Column, descending: bool) {
        let current = self.selected_study().map(|s| s.id.clone());
        self.sort = Some((column, descending));
        self.apply_sort();
        self.reselect(current);
    }

    /// Selects the study with this id again when it is still listed (the
    /// first row otherwise), and scrolls the list to it.
    fn reselect(&mut self, id: Option<SharedStr>) {
        self.selected = id
            .and_then(|id| {
                self.hits
                    .iter()
                    .position(|h| self.corpus.studies[h.index].id == id)
            })
            .unwrap_or(0);
        self.clamp_list();
    }

    /// The studies shown, in their order: what export writes.
    pub fn listed(&self) -> Vec<&crate::model::Study> {
        self.hits
            .iter()
            .map(|h| &self.corpus.studies[h.index])
            .collect()
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
    if !matches!(action, Action::Status(_) | Action::Resize { .. }) {
        app.status = None;
    }
    if let Overlay::Export(step) = &app.overlay {
        let step = step.clone();
        return dialog::dialog(app, step, action);
    }
    match action {
        Action::Quit => app.should_quit = true,
        Action::Status(message) => app.status = Some(message),
        Action::LoadStarted(total) => app.loading = Some((0, total)),
        Action::Loaded { batch, files } => {
            if let Some((read, _)) = app.loading.as_mut() {
                *read += files;
            }
            let lexicon = crate::lexicon::Lexicon::builtin();
            for study in &batch.studies {
                app.index.push(study, lexicon);
            }
            app.corpus.studies.extend(batch.studies);
            app.corpus.diagnostics.extend(batch.diagnostics);
            app.run_query();
        }
        Action::LoadFinished => {
            app.loading = None;
            let corpus = std::mem::take(&mut app.corpus);
            // The streamed index goes before the final one is built, so a
            // large folder never holds two.
            app.index = SearchIndex::new(&[]);
            app.corpus = crate::ingest::finish(corpus);
            app.index = SearchIndex::new(&app.corpus.studies);
            app.run_query();
        }
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
            if app.screen == Screen::Table {
                app.screen = Screen::Browse;
            }
            app.focus = Focus::Detail;
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
                Screen::Bilingual => Screen::Browse,
                _ => Screen::Bilingual,
            };
            app.focus = Focus::List;
        }
        Action::ToggleTable => {
            app.screen = match app.screen {
                Screen::Table => Screen::Browse,
                _ => Screen::Table,
            };
            app.focus = Focus::List;
            app.clamp_list();
        }
        Action::CycleSort => {
            let next = match app.sort {
                None => Column::ALL[0],
                Some((column, _)) => {
                    let i = Column::ALL.iter().position(|c| *c == column).unwrap_or(0);
                    Column::ALL[(i + 1) % Column::ALL.len()]
                }
            };
            app.sort_by(next, next == Column::Year);
        }
        Action::ReverseSort => {
            let (column, descending) = app.sort.unwrap_or((Column::Year, false));
            app.sort_by(column, !descending);
        }
        Action::ScrollColumns(delta) => {
            app.column_offset = offset(app.column_offset, i64::from(delta), Column::ALL.len() - 2);
        }
        Action::Export => {
            if app.hits.is_empty() {
                app.status = Some("Nothing to export: no study matches the filter.".into());
            } else {
                app.overlay = Overlay::Export(ExportStep::Format(0));
            }
        }
        Action::Copy => match app.selected_study() {
            Some(study) => app
                .effects
                .push(Effect::Copy(crate::export::citation(study))),
            None => app.status = Some("No study selected.".into()),
        },
        Action::Open => match app.selected_study().map(crate::export::link) {
            Some(Some(link)) => app.effects.push(Effect::Open(link)),
            Some(None) => app.status = Some("This study has no DOI or PMID to open.".into()),
            None => app.status = Some("No study selected.".into()),
        },
        Action::DialogInput(_) | Action::DialogBackspace | Action::Confirm => {}
        Action::ToggleHelp => app.overlay = Overlay::Help,
        Action::ToggleDiagnostics => app.overlay = Overlay::Diagnostics,
        Action::Back => back(app),
        Action::Click { column, row } => mouse::click(app, column, row),
        Action::Scroll { column, row, lines } => mouse::scroll(app, column, row, lines),
        Action::Resize { width, height } => {
            app.size = (width, height);
            app.clamp_list();
        }
    }
}

fn back(app: &mut App) {
    if app.screen != Screen::Browse {
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

#[cfg(test)]
mod tests;
