//! Styles and the strings the screens show, in one place.

use ratatui::style::{Color, Modifier, Style};

pub const ACCENT: Color = Color::Cyan;

pub fn header() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(ACCENT)
        .add_modifier(Modifier::BOLD)
}

pub fn warning() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn error() -> Style {
    Style::new().fg(Color::Red)
}

pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(ACCENT)
    } else {
        Style::new().fg(Color::DarkGray)
    }
}

pub fn selected_row() -> Style {
    Style::new()
        .bg(Color::DarkGray)
        .add_modifier(Modifier::BOLD)
}

pub fn matched() -> Style {
    Style::new()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn derived_title() -> Style {
    Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn badge() -> Style {
    Style::new().fg(Color::Magenta)
}

pub fn label() -> Style {
    Style::new().fg(ACCENT).add_modifier(Modifier::BOLD)
}

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn key() -> Style {
    Style::new().fg(ACCENT).add_modifier(Modifier::BOLD)
}

pub fn cursor_mark() -> Style {
    Style::new().fg(ACCENT).add_modifier(Modifier::BOLD)
}

pub const CURSOR_MARK: &str = "▌";
pub const ROW_MARK: &str = "▶";
pub const NO_CHINESE: &str = "No Chinese translation in this study.";
pub const NO_STUDIES: &str = "No study matches the filter.";
pub const LOADING: &str = "Loading…";
pub const NOTHING_LOADED: &str = "No studies loaded. Press ! to see why.";
pub const TOO_SMALL: &str = "studyterm: the window is too small (40×10 at least)";
