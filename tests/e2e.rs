//! End to end: the real binary in a pseudo-terminal, read back through a
//! terminal emulator (vt100), driven with keys as a user would.

#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 110;

struct Session {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
}

impl Session {
    fn pump(&mut self) {
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
        }
    }

    fn screen(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    /// Waits until the screen satisfies `ok`, or fails with the screen.
    fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            let mut buf = [0u8; 4];
            self.writer
                .write_all(c.encode_utf8(&mut buf).as_bytes())
                .expect("write key");
            self.writer.flush().expect("flush");
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

#[test]
fn filter_open_bilingual_and_quit_in_a_real_terminal() {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_studyterm"));
    command.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(command).expect("spawn studyterm");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let (sender, output) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || sender.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut session = Session {
        parser: vt100::Parser::new(
            std::num::NonZero::new(ROWS).expect("rows"),
            std::num::NonZero::new(COLS).expect("cols"),
            0,
        ),
        output,
        writer: pair.master.take_writer().expect("writer"),
    };

    session.wait_for("the browse screen", |s| s.contains("5 of 5"));
    assert!(
        session.parser.screen().alternate_screen(),
        "the app runs on the alternate screen"
    );

    session.keys("/upa");
    let screen = session.wait_for("the filtered list", |s| s.contains("2 of 5"));
    // List rows open the line: "│▶2024 Title…" or "│ 2021 Title…".
    let list: Vec<&str> = screen
        .lines()
        .filter(|l| {
            ["│▶", "│ 1", "│ 2", "│  —"]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .collect();
    assert_eq!(
        list.len(),
        2,
        "exactly the two studies naming upadacitinib:\n{screen}"
    );
    assert!(screen.contains("Application of JAK"), "{screen}");
    assert!(screen.contains("Tofacitinib and upadacit"), "{screen}");
    assert!(!screen.contains("Refractory"), "{screen}");

    // Back to the list, down to 001 (the 2021 case series), bilingual view.
    session.keys("\r");
    session.keys("j");
    session.wait_for("001 selected", |s| s.contains("001_f4f05d9eac50316b"));
    session.keys("b");
    let screen = session.wait_for("the Chinese column", |s| {
        s.contains("中文") && s.contains("患者")
    });
    assert!(screen.contains("English"), "{screen}");

    session.keys("q");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "studyterm did not quit");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status {status:?}");
    session.pump();
    assert!(
        !session.parser.screen().alternate_screen(),
        "the terminal is back on the main screen"
    );
}
