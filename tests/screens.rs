//! Screen tests: drive the app with actions, draw into a `TestBackend`, and
//! snapshot what a user would see, at 80x24 and 120x40.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use studyterm::app::{Action, App, update};
use studyterm::ingest::load_seeds;
use studyterm::model::Diagnostic;
use studyterm::ui;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn app(width: u16, height: u16) -> App {
    let mut app = App::new(load_seeds(), "seeds/");
    update(&mut app, Action::Resize { width, height });
    app
}

fn draw(app: &App) -> String {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|frame| ui::render(frame, app)).expect("draw");
    terminal.backend().to_string()
}

fn select(app: &mut App, prefix: &str) {
    update(app, Action::Top);
    while app
        .selected_study()
        .is_some_and(|s| !s.id.starts_with(prefix))
    {
        update(app, Action::MoveDown);
    }
}

fn type_filter(app: &mut App, text: &str) {
    update(app, Action::FocusFilter);
    for c in text.chars() {
        update(app, Action::FilterInput(c));
    }
}

#[test]
fn browse() {
    for (w, h) in SIZES {
        let screen = draw(&app(w, h));
        assert!(screen.contains("5 of 5"));
        insta::assert_snapshot!(format!("browse_{w}x{h}"), screen);
    }
}

#[test]
fn filtered_list() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        type_filter(&mut app, "upa");
        let screen = draw(&app);
        assert!(screen.contains("2 of 5"));
        insta::assert_snapshot!(format!("filtered_upa_{w}x{h}"), screen);
    }
}

#[test]
fn invalid_filter_keeps_the_list() {
    let mut app = app(120, 40);
    type_filter(&mut app, "year:abc");
    let screen = draw(&app);
    assert!(screen.contains("invalid query term"), "{screen}");
    insta::assert_snapshot!("invalid_filter_120x40", screen);
}

#[test]
fn detail_scrolled() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        select(&mut app, "003");
        update(&mut app, Action::FocusNext);
        update(&mut app, Action::PageDown);
        insta::assert_snapshot!(format!("detail_scrolled_{w}x{h}"), draw(&app));
    }
}

#[test]
fn bilingual_views() {
    for (w, h) in SIZES {
        for (seed, chinese) in [("000", "肉芽肿"), ("001", "患者")] {
            let mut app = app(w, h);
            select(&mut app, seed);
            update(&mut app, Action::ToggleBilingual);
            update(&mut app, Action::MoveDown);
            let screen = draw(&app);
            assert!(screen.contains(chinese), "{screen}");
            insta::assert_snapshot!(format!("bilingual_{seed}_{w}x{h}"), screen);
        }
    }
}

#[test]
fn bilingual_without_chinese_says_so() {
    let mut app = app(120, 40);
    select(&mut app, "003");
    update(&mut app, Action::ToggleBilingual);
    assert!(draw(&app).contains("No Chinese translation"));
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        update(&mut app, Action::ToggleHelp);
        insta::assert_snapshot!(format!("help_{w}x{h}"), draw(&app));
    }
}

#[test]
fn diagnostics_popup() {
    for (w, h) in SIZES {
        let mut corpus = load_seeds();
        corpus.diagnostics = vec![
            Diagnostic {
                source: "papers/empty.txt".into(),
                reason: "the file is empty".into(),
            },
            Diagnostic {
                source: "papers/scan.pdf".into(),
                reason: "the file is binary, not text".into(),
            },
        ];
        let mut app = App::new(corpus, "papers/");
        update(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        assert!(draw(&app).contains("2 failed"));
        update(&mut app, Action::ToggleDiagnostics);
        insta::assert_snapshot!(format!("diagnostics_{w}x{h}"), draw(&app));
    }
}

#[test]
fn too_small_and_tiny_windows() {
    let mut app = app(39, 9);
    insta::assert_snapshot!("too_small_39x9", draw(&app));
    for (w, h) in [(1, 1), (2, 1), (1, 5), (40, 10), (10, 40)] {
        update(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        for screen in [
            Action::ToggleBilingual,
            Action::ToggleHelp,
            Action::Back,
            Action::Back,
        ] {
            draw(&app);
            update(&mut app, screen);
        }
    }
}

#[test]
fn evidence_table_sorted_two_ways() {
    let mut app = app(120, 40);
    update(&mut app, Action::ToggleTable);
    let screen = draw(&app);
    assert!(
        screen.contains("5/6 (83.3%) PPPASI-80 at week 12"),
        "{screen}"
    );
    for _ in 0..6 {
        update(&mut app, Action::CycleSort);
    }
    insta::assert_snapshot!("table_by_n_120x40", draw(&app));
    update(&mut app, Action::CycleSort);
    update(&mut app, Action::ScrollColumns(3));
    insta::assert_snapshot!("table_by_outcome_scrolled_120x40", draw(&app));
    update(&mut app, Action::ToggleTable);
    update(&mut app, Action::ToggleTable);
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    insta::assert_snapshot!("table_80x24", draw(&app));
}

#[test]
fn export_dialog() {
    let mut app = app(120, 40);
    update(&mut app, Action::Export);
    update(&mut app, Action::MoveDown);
    insta::assert_snapshot!("export_formats_120x40", draw(&app));
    update(&mut app, Action::Confirm);
    insta::assert_snapshot!("export_path_120x40", draw(&app));
}
