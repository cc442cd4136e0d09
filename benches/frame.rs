//! One frame of the browse screen with 100k studies loaded: move the
//! selection and redraw into a 200x50 `TestBackend`. Only the visible rows
//! are built, so the cost does not grow with the corpus.

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use studyterm::app::{Action, App, update};
use studyterm::model::Corpus;
use studyterm::ui;

#[path = "common/synthetic.rs"]
mod synthetic;

fn frame(c: &mut Criterion) {
    let corpus = Corpus {
        studies: synthetic::corpus(100_000),
        diagnostics: Vec::new(),
    };
    let mut app = App::new(corpus, "synthetic");
    update(
        &mut app,
        Action::Resize {
            width: 200,
            height: 50,
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test terminal");
    let mut group = c.benchmark_group("frame_100k");
    group.bench_function("move selection and draw 200x50", |b| {
        b.iter(|| {
            update(&mut app, Action::MoveDown);
            terminal.draw(|f| ui::render(f, &app)).expect("draw");
        })
    });
    update(&mut app, Action::FocusFilter);
    for c in "tofa".chars() {
        update(&mut app, Action::FilterInput(c));
    }
    update(&mut app, Action::FocusNext);
    group.bench_function("move selection and draw 200x50, filter `tofa`", |b| {
        b.iter(|| {
            update(&mut app, Action::MoveDown);
            terminal.draw(|f| ui::render(f, &app)).expect("draw");
        })
    });
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
