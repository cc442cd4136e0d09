//! The keymap: the single source of truth for keys. Each binding carries its
//! description; the help overlay and the status-bar hints are generated from
//! this table.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Action, App, ExportStep, Focus, Overlay, Screen};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere but the filter input.
    Global,
    /// The study list and detail pane.
    Browse,
    /// The bilingual view.
    Bilingual,
    /// The evidence table.
    Table,
}

pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the keys are shown ("j/↓").
    pub label: &'static str,
    pub action: Action,
    pub description: &'static str,
    /// Shown in the status bar when set (a short verb).
    pub hint: Option<&'static str>,
    /// Where the binding applies (`Global` means everywhere).
    pub contexts: &'static [Context],
}

impl Binding {
    fn applies(&self, context: Context) -> bool {
        self.contexts
            .iter()
            .any(|c| *c == Context::Global || *c == context)
    }
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn ch(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), NONE)
}

pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[ch('j'), (KeyCode::Down, NONE)],
        label: "j/↓",
        action: Action::MoveDown,
        description: "next study (or scroll down in the detail pane)",
        hint: Some("move"),
        contexts: &[Context::Global],
    },
    Binding {
        keys: &[ch('k'), (KeyCode::Up, NONE)],
        label: "k/↑",
        action: Action::MoveUp,
        description: "previous study (or scroll up)",
        hint: None,
        contexts: &[Context::Global],
    },
    Binding {
        keys: &[(KeyCode::PageDown, NONE), (KeyCode::Char('d'), CTRL)],
        label: "PgDn",
        action: Action::PageDown,
        description: "one page down",
        hint: None,
        contexts: &[Context::Global],
    },
    Binding {
        keys: &[(KeyCode::PageUp, NONE), (KeyCode::Char('u'), CTRL)],
        label: "PgUp",
        action: Action::PageUp,
        description: "one page up",
        hint: None,
        contexts: &[Context::Global],
    },
    Binding {
        keys: &[ch('g'), (KeyCode::Home, NONE)],
        label: "g",
        action: Action::Top,
        description: "first study (or top of the pane)",
        hint: None,
        contexts: &[Context::Global],
    },
    Binding {
        keys: &[
            (KeyCode::Char('G'), KeyModifiers::SHIFT),
            ch('G'),
            (KeyCode::End, NONE),
        ],
        label: "G",
        action: Action::Bottom,
        description: "last study (or bottom of the pane)",
        hint: None,
        contexts: &[Context::Global],
    },
    Binding {
        keys: &[ch('/')],
        label: "/",
        action: Action::FocusFilter,
        description: "filter: words, 'exact ^prefix suffix$ !not a|b, drug: cond: design: year: n: lang: ae: text:",
        hint: Some("filter"),
        contexts: &[Context::Browse],
    },
    Binding {
        keys: &[
            (KeyCode::Tab, NONE),
            (KeyCode::BackTab, KeyModifiers::SHIFT),
        ],
        label: "Tab",
        action: Action::FocusNext,
        description: "switch focus between the list and the detail pane",
        hint: Some("pane"),
        contexts: &[Context::Browse],
    },
    Binding {
        keys: &[(KeyCode::Enter, NONE), ch('l'), (KeyCode::Right, NONE)],
        label: "Enter",
        action: Action::OpenDetail,
        description: "focus the detail pane",
        hint: None,
        contexts: &[Context::Browse],
    },
    Binding {
        keys: &[(KeyCode::Enter, NONE)],
        label: "Enter",
        action: Action::OpenDetail,
        description: "open the study's detail",
        hint: Some("detail"),
        contexts: &[Context::Table],
    },
    Binding {
        keys: &[ch('t')],
        label: "t",
        action: Action::ToggleTable,
        description: "evidence table: the listed studies side by side",
        hint: Some("table"),
        contexts: &[Context::Global],
    },
    Binding {
        keys: &[ch('s')],
        label: "s",
        action: Action::CycleSort,
        description: "sort the table by the next column (or click a header)",
        hint: Some("sort"),
        contexts: &[Context::Table],
    },
    Binding {
        keys: &[ch('S')],
        label: "S",
        action: Action::ReverseSort,
        description: "reverse the sort",
        hint: None,
        contexts: &[Context::Table],
    },
    Binding {
        keys: &[ch('l'), (KeyCode::Right, NONE)],
        label: "l/→",
        action: Action::ScrollColumns(1),
        description: "scroll the table right",
        hint: Some("columns"),
        contexts: &[Context::Table],
    },
    Binding {
        keys: &[ch('h'), (KeyCode::Left, NONE)],
        label: "h/←",
        action: Action::ScrollColumns(-1),
        description: "scroll the table left",
        hint: None,
        contexts: &[Context::Table],
    },
    Binding {
        keys: &[ch('e')],
        label: "e",
        action: Action::Export,
        description: "export the listed studies (CSV, BibTeX, RIS, CSL-JSON, JSON)",
        hint: Some("export"),
        contexts: &[Context::Global],
    },
    Binding {
        keys: &[ch('y')],
        label: "y",
        action: Action::Copy,
        description: "copy the citation to the clipboard (OSC 52, works over SSH)",
        hint: Some("copy"),
        contexts: &[Context::Global],
    },
    Binding {
        keys: &[ch('o')],
        label: "o",
        action: Action::Open,
        description: "open the DOI (or PubMed) link in the browser",
        hint: Some("open"),
        contexts: &[Context::Global],
    },
    Binding {
        keys: &[ch('b')],
        label: "b",
        action: Action::ToggleBilingual,
        description: "aligned English / Chinese view",
        hint: Some("中/EN"),
        contexts: &[Context::Global],
    },
    Binding {
        keys: &[(KeyCode::Esc, NONE)],
        label: "Esc",
        action: Action::Back,
        description: "back: close a popup, leave a view, clear the filter",
        hint: None,
        contexts: &[Context::Global],
    },
    Binding {
        keys: &[ch('h'), (KeyCode::Left, NONE)],
        label: "h/←",
        action: Action::Back,
        description: "back to the list",
        hint: None,
        contexts: &[Context::Browse, Context::Bilingual],
    },
    Binding {
        keys: &[ch('!')],
        label: "!",
        action: Action::ToggleDiagnostics,
        description: "files that failed to load, and why",
        hint: None,
        contexts: &[Context::Global],
    },
    Binding {
        keys: &[ch('?')],
        label: "?",
        action: Action::ToggleHelp,
        description: "this help",
        hint: Some("help"),
        contexts: &[Context::Global],
    },
    Binding {
        keys: &[ch('q'), (KeyCode::Char('c'), CTRL)],
        label: "q",
        action: Action::Quit,
        description: "quit",
        hint: Some("quit"),
        contexts: &[Context::Global],
    },
];

/// The action a key means in the app's current state.
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(CTRL);
    if ctrl_c {
        return Some(Action::Quit);
    }
    if let Overlay::Export(step) = &app.overlay {
        return match (step, key.code) {
            (_, KeyCode::Esc) => Some(Action::Back),
            (_, KeyCode::Enter) => Some(Action::Confirm),
            (ExportStep::Format(_), KeyCode::Down | KeyCode::Char('j')) => Some(Action::MoveDown),
            (ExportStep::Format(_), KeyCode::Up | KeyCode::Char('k')) => Some(Action::MoveUp),
            (ExportStep::Format(_), _) => None,
            (_, KeyCode::Backspace) => Some(Action::DialogBackspace),
            (_, KeyCode::Char(c)) if !key.modifiers.intersects(CTRL | KeyModifiers::ALT) => {
                Some(Action::DialogInput(c))
            }
            _ => None,
        };
    }
    if app.focus == Focus::Filter && app.overlay == Overlay::None {
        return match key.code {
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Enter | KeyCode::Tab => Some(Action::FocusNext),
            KeyCode::Backspace => Some(Action::FilterBackspace),
            KeyCode::Up => Some(Action::MoveUp),
            KeyCode::Down => Some(Action::MoveDown),
            KeyCode::Char('u') if key.modifiers.contains(CTRL) => Some(Action::FilterClear),
            KeyCode::Char(c) if !key.modifiers.intersects(CTRL | KeyModifiers::ALT) => {
                Some(Action::FilterInput(c))
            }
            _ => None,
        };
    }
    let context = match app.screen {
        Screen::Browse => Context::Browse,
        Screen::Bilingual => Context::Bilingual,
        Screen::Table => Context::Table,
    };
    let modifiers = key.modifiers - KeyModifiers::SHIFT;
    BINDINGS
        .iter()
        .filter(|b| b.applies(context))
        .find(|b| {
            b.keys
                .iter()
                .any(|&(code, mods)| code == key.code && (mods - KeyModifiers::SHIFT) == modifiers)
        })
        .map(|b| b.action.clone())
}

/// Status-bar hints for a context, generated from the table.
pub fn hints(context: Context) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.applies(context))
        .filter_map(|b| b.hint.map(|h| (b.label, h)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_binding_is_described_and_keys_are_unique_per_context() {
        let mut seen = Vec::new();
        for b in BINDINGS {
            assert!(!b.description.is_empty() && !b.label.is_empty());
            for key in b.keys {
                for context in [Context::Browse, Context::Bilingual, Context::Table] {
                    if b.applies(context) {
                        assert!(
                            !seen.contains(&(key, context)),
                            "{key:?} bound twice in {context:?}"
                        );
                        seen.push((key, context));
                    }
                }
            }
        }
    }
}
