//! Wrapping styled text by display width: CJK characters are two columns
//! wide and may break anywhere, Latin words break at spaces, and no line
//! starts with closing punctuation (kinsoku shori).

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Punctuation that must not start a line.
const CLOSING: &str = "，。、；：？！）」』》〉】〕…’”,.;:?!)]}%";

/// One unbreakable piece: a Latin word, one CJK character, or a space.
struct Unit {
    text: String,
    style: Style,
    width: usize,
    space: bool,
}

fn is_wide(c: char) -> bool {
    c.width().unwrap_or(0) >= 2
}

fn units(spans: &[(String, Style)]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for (text, style) in spans {
        for c in text.chars() {
            let c = if c == '\t' || c == '\n' { ' ' } else { c };
            let width = c.width().unwrap_or(0);
            let space = c == ' ';
            // A narrow character continues the word before it; spaces and
            // wide (CJK) characters stand alone.
            let joins = out.last().is_some_and(|u: &Unit| {
                u.style == *style
                    && !u.space
                    && !space
                    && !is_wide(c)
                    && !u.text.chars().any(is_wide)
            });
            match out.last_mut() {
                Some(u) if joins => {
                    u.text.push(c);
                    u.width += width;
                }
                _ => out.push(Unit {
                    text: c.to_string(),
                    style: *style,
                    width,
                    space,
                }),
            }
        }
    }
    out
}

/// Wraps styled text to `width` columns.
pub fn wrap(spans: &[(String, Style)], width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut lines: Vec<Vec<Unit>> = vec![Vec::new()];
    let mut used = 0;
    for unit in units(spans) {
        if unit.width > width && !unit.space {
            // A word longer than the line: break it by characters.
            for c in unit.text.chars() {
                place(
                    &mut lines,
                    &mut used,
                    width,
                    Unit {
                        text: c.to_string(),
                        style: unit.style,
                        width: c.width().unwrap_or(0),
                        space: false,
                    },
                );
            }
        } else {
            place(&mut lines, &mut used, width, unit);
        }
    }
    lines
        .into_iter()
        .map(|units| {
            let mut units = units;
            while units.last().is_some_and(|u| u.space) {
                units.pop();
            }
            Line::from(
                units
                    .into_iter()
                    .map(|u| Span::styled(u.text, u.style))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

fn place(lines: &mut Vec<Vec<Unit>>, used: &mut usize, width: usize, unit: Unit) {
    if *used + unit.width <= width {
        if !(unit.space && *used == 0) {
            *used += unit.width;
            if let Some(line) = lines.last_mut() {
                line.push(unit);
            }
        }
        return;
    }
    if unit.space {
        return;
    }
    let starts_closing = unit
        .text
        .chars()
        .next()
        .is_some_and(|c| CLOSING.contains(c));
    let mut carried = Vec::new();
    if starts_closing {
        // Take the last character of the full line along, so the closing
        // mark does not open the next line.
        if let Some(prev) = lines.last_mut().and_then(|l| l.pop()) {
            carried.push(prev);
        }
    }
    let mut next: Vec<Unit> = carried;
    next.push(unit);
    *used = next.iter().map(|u| u.width).sum();
    lines.push(next);
}

/// Display width of a string.
pub fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Cuts `text` to `max` columns, with `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str, width: usize) -> Vec<String> {
        wrap(&[(text.to_string(), Style::new())], width)
            .into_iter()
            .map(|l| l.spans.iter().map(|s| s.content.to_string()).collect())
            .collect()
    }

    #[test]
    fn latin_breaks_at_spaces() {
        assert_eq!(
            plain("the aim was to evaluate", 10),
            ["the aim", "was to", "evaluate"]
        );
    }

    #[test]
    fn cjk_wraps_by_display_width() {
        let lines = plain("肉芽肿形成是一种罕见且持久的皮肤炎症", 10);
        assert!(lines.iter().all(|l| width(l) <= 10), "{lines:?}");
        assert_eq!(lines[0], "肉芽肿形成");
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        // Width 8 puts "，" at the start of line two without the rule.
        let lines = plain("评估托法替尼，治疗肉芽肿。并讨论机制。", 12);
        for line in &lines {
            let first = line.chars().next().unwrap();
            assert!(!CLOSING.contains(first), "{lines:?}");
            assert!(width(line) <= 12, "{lines:?}");
        }
        let lines = plain("一二三四五六，七八", 12);
        assert!(lines.iter().all(|l| !l.starts_with('，')), "{lines:?}");
    }

    #[test]
    fn truncation_counts_columns() {
        assert_eq!(truncate("托法替尼治疗", 7), "托法替…");
        assert_eq!(truncate("short", 10), "short");
    }
}
