//! The terminal session: raw mode, alternate screen and mouse on; the event
//! loop; and the terminal restored on quit, on error and on panic.

use std::io::{IsTerminal, stdout};

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;

use crate::app::{self, Action, App, keymap};
use crate::ui;

/// Lines one wheel notch scrolls.
const WHEEL_LINES: i32 = 3;

pub fn run(mut app: App) -> anyhow::Result<()> {
    if !stdout().is_terminal() {
        anyhow::bail!(
            "stdout is not a terminal; use `studyterm parse` or `studyterm list` for output to a pipe"
        );
    }
    let mut terminal = ratatui::try_init()?;
    install_mouse_restore_hook();
    let result = execute!(stdout(), EnableMouseCapture)
        .map_err(anyhow::Error::from)
        .and_then(|()| event_loop(&mut terminal, &mut app));
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// ratatui's hook restores the screen on panic; mouse capture must go too.
fn install_mouse_restore_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app::update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    while !app.should_quit {
        terminal.draw(|frame| ui::render(frame, app))?;
        let action = match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => keymap::action_for(app, key),
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                    column: mouse.column,
                    row: mouse.row,
                }),
                MouseEventKind::ScrollDown => Some(Action::Scroll {
                    column: mouse.column,
                    row: mouse.row,
                    lines: WHEEL_LINES,
                }),
                MouseEventKind::ScrollUp => Some(Action::Scroll {
                    column: mouse.column,
                    row: mouse.row,
                    lines: -WHEEL_LINES,
                }),
                _ => None,
            },
            Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        };
        if let Some(action) = action {
            app::update(app, action);
        }
    }
    Ok(())
}
