//! The layout as a pure function of the terminal size: named areas for
//! rendering and for mouse hit-testing.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::Screen;

/// Below this the app says the window is too small.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub screen: Screen,
    pub header: Rect,
    pub filter: Rect,
    /// The study list (browse) or the English column (bilingual).
    pub list: Rect,
    /// The detail pane (browse) or the Chinese column (bilingual).
    pub detail: Rect,
    pub status: Rect,
}

pub fn areas((width, height): (u16, u16), screen: Screen) -> Option<Areas> {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return None;
    }
    let full = Rect::new(0, 0, width, height);
    let [header, filter, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(full);
    let split = match screen {
        Screen::Browse => [Constraint::Percentage(42), Constraint::Percentage(58)],
        Screen::Bilingual => [Constraint::Percentage(50), Constraint::Percentage(50)],
        // The evidence table takes the whole body.
        Screen::Table => [Constraint::Percentage(100), Constraint::Length(0)],
    };
    let [list, detail] = Layout::horizontal(split).areas(body);
    Some(Areas {
        screen,
        header,
        filter,
        list,
        detail,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_tile_the_screen() {
        for (w, h) in [(40, 10), (80, 24), (120, 40), (200, 50)] {
            let a = areas((w, h), Screen::Browse).unwrap();
            assert_eq!(a.header.y, 0);
            assert_eq!(a.status.y, h - 1);
            assert_eq!(a.list.width + a.detail.width, w);
            assert_eq!(a.list.height, h - 5);
        }
    }

    #[test]
    fn too_small_is_none() {
        assert!(areas((39, 24), Screen::Browse).is_none());
        assert!(areas((80, 9), Screen::Browse).is_none());
        assert!(areas((1, 1), Screen::Bilingual).is_none());
    }
}
