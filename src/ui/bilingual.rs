//! The aligned English / Chinese view: paragraph i of each column starts on
//! the same row (the shorter side padded), both columns scroll together,
//! and the pair under the cursor is marked on both sides.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{theme, wrap};
use crate::app::App;
use crate::model::{SharedStr, Study};

/// A group of paragraphs that translate each other: usually one of each;
/// two or more when the alignment merged paragraphs.
pub struct Pair {
    pub english: Vec<usize>,
    pub chinese: Vec<usize>,
}

/// The study's paragraph pairs, from its alignment.
pub fn pairs(study: &Study) -> Vec<Pair> {
    let mut out: Vec<Pair> = Vec::new();
    for &(en, zh) in &study.alignment {
        let (en, zh) = (en.map(|e| e as usize), zh.map(|z| z as usize));
        let joins = out.last().is_some_and(|p| {
            en.is_some_and(|e| p.english.contains(&e)) || zh.is_some_and(|z| p.chinese.contains(&z))
        });
        if !joins {
            out.push(Pair {
                english: Vec::new(),
                chinese: Vec::new(),
            });
        }
        if let Some(pair) = out.last_mut() {
            if let Some(e) = en.filter(|e| !pair.english.contains(e)) {
                pair.english.push(e);
            }
            if let Some(z) = zh.filter(|z| !pair.chinese.contains(z)) {
                pair.chinese.push(z);
            }
        }
    }
    out
}

pub fn block_count(app: &App) -> usize {
    app.selected_study().map_or(0, |s| pairs(s).len())
}

pub fn render(frame: &mut Frame, app: &App, left: Rect, right: Rect) {
    let title = |name: &str| format!(" {name} ");
    let left_block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(true))
        .title(title("English"));
    let right_block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::border(true))
        .title(title("中文"));
    let (left_inner, right_inner) = (left_block.inner(left), right_block.inner(right));
    frame.render_widget(left_block, left);
    frame.render_widget(right_block, right);
    let Some(study) = app.selected_study() else {
        return;
    };
    let (en_rows, zh_rows) = rows(
        study,
        app.pair,
        left_inner.width as usize,
        right_inner.width as usize,
    );
    let height = left_inner.height as usize;
    let start = cursor_row(
        study,
        app.pair,
        left_inner.width as usize,
        right_inner.width as usize,
    )
    .min(en_rows.len().saturating_sub(height));
    let view = |rows: Vec<Line<'static>>| -> Vec<Line<'static>> {
        rows.into_iter().skip(start).take(height).collect()
    };
    frame.render_widget(Paragraph::new(view(en_rows)), left_inner);
    if study.chinese.is_empty() {
        frame.render_widget(
            Paragraph::new(theme::NO_CHINESE).style(theme::dim()),
            right_inner,
        );
    } else {
        frame.render_widget(Paragraph::new(view(zh_rows)), right_inner);
    }
}

/// Both columns as rows of equal count: each pair's paragraphs wrapped to
/// their column (less a two-column gutter), the shorter side padded, a
/// blank row between pairs.
fn rows(
    study: &Study,
    cursor: usize,
    en_width: usize,
    zh_width: usize,
) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let mut left = Vec::new();
    let mut right = Vec::new();
    for (i, pair) in pairs(study).iter().enumerate() {
        let en = column(&study.english, &pair.english, en_width);
        let zh = column(&study.chinese, &pair.chinese, zh_width);
        let height = en.len().max(zh.len());
        let mark = |lines: Vec<Line<'static>>| -> Vec<Line<'static>> {
            let gutter = if i == cursor {
                Span::styled(theme::CURSOR_MARK, theme::cursor_mark())
            } else {
                Span::raw(" ")
            };
            let mut lines = lines;
            lines.resize(height, Line::default());
            lines
                .into_iter()
                .map(|line| {
                    let mut spans = vec![gutter.clone(), Span::raw(" ")];
                    spans.extend(line.spans);
                    Line::from(spans)
                })
                .collect()
        };
        left.extend(mark(en));
        right.extend(mark(zh));
        left.push(Line::default());
        right.push(Line::default());
    }
    (left, right)
}

fn column(paragraphs: &[SharedStr], indices: &[usize], width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (k, &i) in indices.iter().enumerate() {
        if k > 0 {
            lines.push(Line::default());
        }
        if let Some(text) = paragraphs.get(i) {
            lines.extend(wrap::wrap(
                &[(text.to_string(), Style::new())],
                width.saturating_sub(2),
            ));
        }
    }
    lines
}

/// The row where the cursor pair starts.
fn cursor_row(study: &Study, cursor: usize, en_width: usize, zh_width: usize) -> usize {
    pairs(study)
        .iter()
        .take(cursor)
        .map(|pair| {
            let en = column(&study.english, &pair.english, en_width).len();
            let zh = column(&study.chinese, &pair.chinese, zh_width).len();
            en.max(zh) + 1
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_paragraphs_make_one_pair() {
        let study = Study {
            alignment: vec![
                (Some(0), Some(0)),
                (Some(1), Some(0)),
                (Some(2), Some(1)),
                (Some(3), None),
            ],
            ..Study::default()
        };
        let p = pairs(&study);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].english, [0, 1]);
        assert_eq!(p[0].chinese, [0]);
        assert!(p[2].chinese.is_empty());
    }
}
