//! The state machine, driven with actions.

use super::*;
use crate::ingest::load_seeds;
use crate::model::Corpus;

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
fn the_table_sorts_and_keeps_the_selected_study() {
    let mut app = app();
    update(&mut app, Action::ToggleTable);
    assert_eq!(app.screen, Screen::Table);
    update(&mut app, Action::MoveDown);
    let id = app.selected_study().map(|s| s.id.clone());
    for _ in 0..6 {
        update(&mut app, Action::CycleSort);
    }
    assert_eq!(app.sort, Some((Column::Patients, false)));
    assert_eq!(app.selected_study().map(|s| s.id.clone()), id);
    let n: Vec<Option<u32>> = app.listed().iter().map(|s| s.n_patients).collect();
    assert_eq!(n, [Some(3), Some(4), Some(6), Some(6), None]);
    update(&mut app, Action::ReverseSort);
    assert_eq!(app.listed()[0].n_patients, Some(6));
    // The sort follows the filter.
    update(&mut app, Action::FocusFilter);
    update(&mut app, Action::FilterInput('j'));
    update(&mut app, Action::FilterInput('a'));
    update(&mut app, Action::FilterInput('k'));
    assert_eq!(app.listed()[0].n_patients, Some(6));
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::OpenDetail);
    assert_eq!((app.screen, app.focus), (Screen::Browse, Focus::Detail));
}

#[test]
fn export_dialog_picks_a_format_edits_the_path_and_asks_before_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("out.bib");
    std::fs::write(&existing, "old").unwrap();
    let mut app = app();
    update(&mut app, Action::Export);
    update(&mut app, Action::MoveDown);
    update(&mut app, Action::Confirm);
    let Overlay::Export(ExportStep::Path { format, path }) = &app.overlay else {
        panic!("{:?}", app.overlay)
    };
    assert_eq!(
        (*format, path.as_str()),
        (Format::Bibtex, "studyterm-export.bib")
    );
    for _ in 0.."studyterm-export.bib".len() {
        update(&mut app, Action::DialogBackspace);
    }
    for c in existing.display().to_string().chars() {
        update(&mut app, Action::DialogInput(c));
    }
    update(&mut app, Action::Confirm);
    assert!(matches!(
        app.overlay,
        Overlay::Export(ExportStep::Overwrite { .. })
    ));
    assert!(app.effects.is_empty());
    update(&mut app, Action::DialogInput('y'));
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(
        app.effects,
        [Effect::Export {
            format: Format::Bibtex,
            path: existing.display().to_string()
        }]
    );
}

#[test]
fn copy_and_open_ask_for_effects_or_say_why_not() {
    let mut app = app();
    update(&mut app, Action::Copy);
    assert!(matches!(&app.effects[..], [Effect::Copy(c)] if c.contains("doi:")));
    app.effects.clear();
    update(&mut app, Action::Open);
    assert!(matches!(&app.effects[..], [Effect::Open(l)] if l.starts_with("https://doi.org/")));
    app.effects.clear();
    let mut app = App::new(
        crate::model::Corpus {
            studies: vec![crate::model::Study {
                title: "No identifiers".into(),
                ..Default::default()
            }],
            diagnostics: Vec::new(),
        },
        "x",
    );
    update(&mut app, Action::Open);
    assert!(app.effects.is_empty());
    assert!(app.status.as_deref().is_some_and(|s| s.contains("no DOI")));
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

#[test]
fn studies_stream_in_and_duplicates_merge_when_loading_ends() {
    let mut app = App::new(Corpus::default(), "folder/");
    update(&mut app, Action::LoadStarted(3));
    assert_eq!(app.loading, Some((0, 3)));
    let seeds = load_seeds();
    let page = seeds
        .studies
        .iter()
        .find(|s| s.id.starts_with("002"))
        .unwrap()
        .clone();
    let mut copy = page.clone();
    copy.id = "copy".into();
    copy.source = "elsewhere/002.txt".into();
    update(
        &mut app,
        Action::Loaded {
            batch: Corpus {
                studies: vec![page],
                diagnostics: Vec::new(),
            },
            files: 1,
        },
    );
    assert_eq!((app.hits.len(), app.loading), (1, Some((1, 3))));
    update(
        &mut app,
        Action::Loaded {
            batch: Corpus {
                studies: vec![copy],
                diagnostics: Vec::new(),
            },
            files: 2,
        },
    );
    assert_eq!(app.hits.len(), 2);
    update(&mut app, Action::LoadFinished);
    assert_eq!(app.loading, None);
    assert_eq!(app.hits.len(), 1);
    assert_eq!(app.corpus.studies[0].sources.len(), 2);
}

#[test]
fn a_filter_that_matches_nothing_suggests_a_term() {
    let mut app = app();
    type_filter(&mut app, "tfcitnb");
    assert!(app.hits.is_empty());
    assert_eq!(app.suggestion.as_deref(), Some("tofacitinib"));
    update(&mut app, Action::FilterClear);
    assert_eq!(app.suggestion, None);
}
