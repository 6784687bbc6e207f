//! Charts drawn by kin as SVG: one horizontal bar per row (a category, a
//! suggestion), split into the statuses of its items or Kommunen, each
//! part in its status colour with the mark and the count written on it.
//! The HTML page embeds the SVG as it is; the Word document gets it as a
//! picture.

use super::palette::{RULE, status_colour};
use crate::domain::figures::StatusCounts;
use crate::messages as msg;
use crate::render::escape::html;
use std::fmt::Write as _;

/// One bar: its label (written above it) and what it is made of.
#[derive(Debug, Clone, Copy)]
pub struct Bar<'a> {
    pub label: &'a str,
    pub counts: StatusCounts,
}

/// A chart as SVG, with its size in CSS pixels and a description for
/// people who cannot see it (the alternative text).
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub svg: String,
    pub width: u32,
    pub height: u32,
    pub description: String,
}

/// Fonts of the charts and pages: Arial where it exists (Windows, Word),
/// its metric twin Liberation Sans or DejaVu Sans elsewhere.
pub const FONT: &str = "Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif";
/// Fonts of the status marks, which Arial lacks in part (◐).
const MARK_FONT: &str = "'DejaVu Sans', 'Segoe UI Symbol', Arial, sans-serif";

/// As wide as the page's text on a screen, so that the chart's text is
/// about as large as the page's; print and Word scale it down to fit.
const WIDTH: u32 = 900;
const MARGIN: f64 = 2.0;
const LABEL_SIZE: f64 = 15.0;
const LABEL_LINE: f64 = 20.0;
/// Characters of a label line; longer labels wrap.
const LABEL_CHARS: usize = 105;
const BAR_HEIGHT: f64 = 28.0;
const VALUE_SIZE: f64 = 14.0;
const GAP: f64 = 16.0;
/// Width of one character of a value label, generously estimated.
const VALUE_CHAR: f64 = 9.0;

/// A chart of `bars`, each split into its statuses in the order reports
/// list them (umgesetzt first), as shares of the bar's total. `title` names
/// the chart for screen readers and tooltips.
pub fn status_bars(title: &str, bars: &[Bar<'_>]) -> Chart {
    let bar_width = f64::from(WIDTH) - 2.0 * MARGIN;
    let mut body = String::new();
    let mut descriptions = Vec::new();
    let mut y = MARGIN;
    for bar in bars {
        let lines = if bar.label.is_empty() {
            Vec::new()
        } else {
            textwrap::wrap(bar.label, LABEL_CHARS)
        };
        for line in lines {
            y += LABEL_LINE;
            let _ = writeln!(
                body,
                r##"<text x="{}" y="{}" font-size="{LABEL_SIZE}" fill="#222222">{}</text>"##,
                num(MARGIN),
                num(y - 4.0),
                html(&line)
            );
        }
        y += 2.0;
        descriptions.push(format!("{}: {}", bar.label, counts_text(bar.counts)));
        segments(&mut body, bar.counts, MARGIN, y, bar_width);
        y += BAR_HEIGHT + GAP;
    }
    let height = (y - GAP + MARGIN).ceil() as u32;
    let description = format!("{title}. {}", descriptions.join("; "));
    let mut svg = String::with_capacity(body.len() + 400);
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{}" font-family="{FONT}">"#,
        html(&description)
    );
    let _ = writeln!(svg, "<title>{}</title>", html(title));
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    Chart {
        svg,
        width: WIDTH,
        height,
        description,
    }
}

/// The parts of one bar, left to right, with an outline around the whole.
fn segments(svg: &mut String, counts: StatusCounts, x0: f64, y: f64, width: f64) {
    let total = counts.total();
    let mut x = x0;
    for status in msg::REPORT_STATUS_ORDER {
        let count = counts.get(status);
        if count == 0 || total == 0 {
            continue;
        }
        let w = width * count as f64 / total as f64;
        let colour = status_colour(status);
        let label = msg::status_label(status);
        let _ = writeln!(
            svg,
            r#"<rect x="{}" y="{}" width="{}" height="{BAR_HEIGHT}" fill="{}" stroke="{RULE}" stroke-width="0.75"><title>{label}: {count}</title></rect>"#,
            num(x),
            num(y),
            num(w),
            colour.fill,
        );
        let value = format!("{} {count}", msg::status_mark(status));
        if w >= value.chars().count() as f64 * VALUE_CHAR + 6.0 {
            let _ = writeln!(
                svg,
                r#"<text x="{}" y="{}" font-family="{MARK_FONT}" font-size="{VALUE_SIZE}" text-anchor="middle" fill="{}">{value}</text>"#,
                num(x + w / 2.0),
                num(y + BAR_HEIGHT / 2.0 + VALUE_SIZE * 0.36),
                colour.ink
            );
        }
        x += w;
    }
    if total == 0 {
        let _ = writeln!(
            svg,
            r#"<rect x="{}" y="{}" width="{}" height="{BAR_HEIGHT}" fill="none" stroke="{RULE}" stroke-width="0.75"/>"#,
            num(x0),
            num(y),
            num(width)
        );
    }
}

/// "2 umgesetzt, 1 geplant" (statuses with a count only).
pub fn counts_text(counts: StatusCounts) -> String {
    let parts: Vec<String> = msg::REPORT_STATUS_ORDER
        .iter()
        .filter(|s| counts.get(**s) > 0)
        .map(|s| format!("{} {}", counts.get(*s), msg::status_label(*s)))
        .collect();
    parts.join(", ")
}

/// A coordinate with at most one decimal, without a trailing ".0".
fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::status::Status::*;

    #[test]
    fn bars_are_split_by_status_with_marks_and_counts() {
        let counts = StatusCounts::of([Done, Done, Planned, Open]);
        let chart = status_bars(
            "Stand je Kategorie",
            &[Bar {
                label: "Wirtschaft <&>",
                counts,
            }],
        );
        assert!(chart.svg.starts_with("<svg xmlns="));
        assert!(chart.svg.contains("Wirtschaft &lt;&amp;&gt;"));
        assert!(chart.svg.contains(">● 2</text>"));
        assert!(chart.svg.contains(">○ 1</text>"));
        assert!(
            chart
                .svg
                .contains(r##"width="448" height="28" fill="#009E73""##)
        );
        assert_eq!(
            chart.description,
            "Stand je Kategorie. Wirtschaft <&>: 2 umgesetzt, 1 geplant, 1 offen"
        );
        assert_eq!(chart.height, 2 + 20 + 2 + 28 + 2);
    }

    #[test]
    fn long_labels_wrap_and_narrow_parts_go_without_text() {
        let mut many = vec![Done; 60];
        many.push(Open);
        let label = "Nutzen der Chancen der internationalen Verflechtung von Städten und Gemeinden \
                     (2 Maßnahmen, Umsetzungsgrad 0 %) und noch mehr Text";
        let chart = status_bars(
            "T",
            &[Bar {
                label,
                counts: StatusCounts::of(many),
            }],
        );
        assert_eq!(chart.svg.matches("font-size=\"15\"").count(), 2);
        assert!(chart.svg.contains(">● 60</text>"));
        assert!(!chart.svg.contains(">× 1</text>"), "15 px are too narrow");
        assert!(chart.svg.contains("<title>offen: 1</title>"));
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(2.0), "2");
        assert_eq!(num(2.25), "2.3");
        assert_eq!(num(338.0), "338");
    }
}
