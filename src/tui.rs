//! The terminal session: raw mode, alternate screen and mouse on; the event
//! loop; and the terminal restored on quit, on error and on panic.

use std::io::{IsTerminal, stdout};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;

use std::io::Write;

use base64::Engine;

use crate::app::{self, Action, App, Effect, keymap};
use crate::export;
use crate::ui;

/// Lines one wheel notch scrolls.
const WHEEL_LINES: i32 = 3;

pub fn run(mut app: App, loader: Option<Receiver<Action>>) -> anyhow::Result<()> {
    if !stdout().is_terminal() {
        anyhow::bail!(
            "stdout is not a terminal; use `studyterm parse` or `studyterm list` for output to a pipe"
        );
    }
    let mut terminal = ratatui::try_init()?;
    install_mouse_restore_hook();
    let result = execute!(stdout(), EnableMouseCapture)
        .map_err(anyhow::Error::from)
        .and_then(|()| event_loop(&mut terminal, &mut app, loader));
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

/// Files parsed per batch sent to the window while a folder loads.
const BATCH: usize = 2000;

/// Loads `paths` on a thread of its own, sending the studies as they are
/// parsed, so the window is up at once.
pub fn spawn_loader(paths: Vec<std::path::PathBuf>) -> Receiver<Action> {
    let (sender, receiver) = channel();
    std::thread::spawn(move || {
        let (files, problems) = crate::ingest::collect_paths(&paths);
        if sender.send(Action::LoadStarted(files.len())).is_err() {
            return;
        }
        // Paths that could not be walked are shown at once, files or not.
        let walked = crate::model::Corpus {
            studies: Vec::new(),
            diagnostics: problems,
        };
        if sender
            .send(Action::Loaded {
                batch: walked,
                files: 0,
            })
            .is_err()
        {
            return;
        }
        for chunk in files.chunks(BATCH) {
            let batch = crate::ingest::parse_files(chunk, &|_| {});
            let files = chunk.len();
            if sender.send(Action::Loaded { batch, files }).is_err() {
                return;
            }
        }
        let _ = sender.send(Action::LoadFinished);
    });
    receiver
}

/// How long the loop waits for a key while studies stream in.
const LOADING_POLL: Duration = Duration::from_millis(40);

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    loader: Option<Receiver<Action>>,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app::update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    while !app.should_quit {
        if let Some(loader) = &loader {
            while let Ok(action) = loader.try_recv() {
                app::update(app, action);
            }
        }
        terminal.draw(|frame| ui::render(frame, app))?;
        if app.loading.is_some() && !event::poll(LOADING_POLL)? {
            continue;
        }
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
        for effect in std::mem::take(&mut app.effects) {
            let message = carry_out(app, effect);
            app::update(app, Action::Status(message));
        }
    }
    Ok(())
}

/// Does an effect the state asked for; the message says how it went.
fn carry_out(app: &App, effect: Effect) -> String {
    match effect {
        Effect::Copy(text) => {
            let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
            let mut out = stdout();
            match write!(out, "\x1b]52;c;{encoded}\x07").and_then(|()| out.flush()) {
                Ok(()) => format!("Copied: {text}"),
                Err(e) => format!("Could not copy: {e}"),
            }
        }
        Effect::Open(link) => match open_link(&link) {
            Ok(()) => format!("Opening {link}"),
            Err(e) => format!("Could not open {link}: {e}"),
        },
        Effect::Export { format, path } => {
            let studies = app.listed();
            match export::render(&studies, format)
                .and_then(|bytes| export::write_atomic(std::path::Path::new(&path), &bytes))
            {
                Ok(()) => format!("{} studies written to {path}", studies.len()),
                Err(e) => format!("Export failed: {path}: {e}"),
            }
        }
    }
}

/// The platform's opener, detached, its output discarded.
fn open_link(link: &str) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(link)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}
