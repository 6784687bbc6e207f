//! The network as a picture (SVG), drawn by kin itself: assessed Kommunen as
//! white boxes, external partners as grey dashed boxes around them; one
//! line per pair, category and confirmation, coloured by category: solid
//! when named on both sides, dashed with an arrow to the partner when named
//! on one side only, dotted to an external partner; a legend below.
//! Details (items and statuses, files) are in tooltips.
//!
//! [`network_svg`] gives the picture for embedding, e.g. in an HTML report.

mod layout;
mod text_width;

use super::{category_colour, category_index, category_title, item_labels};
use crate::domain::field::Field;
use crate::domain::network::connections::{Connection, connections};
use crate::domain::network::{Confirmation, Network, Partner};
use crate::messages as msg;
use crate::render::escape::{one_line, picture_text};
use layout::{LayoutEdge, LayoutNode, Point};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use text_width::text_width;

const FONT: &str = "DejaVu Sans, Verdana, Arial, sans-serif";
const KOMMUNE_SIZE: f64 = 13.0;
const EXTERNAL_SIZE: f64 = 11.5;
const LINE_HEIGHT: f64 = 1.25;
const PADDING_X: f64 = 10.0;
const PADDING_Y: f64 = 6.0;
/// Labels longer than this (in pixels) are broken into lines.
const LABEL_WIDTH: f64 = 150.0;
const MARGIN: f64 = 24.0;
/// Distance between parallel lines of one pair.
const PARALLEL: f64 = 9.0;
/// The prefix of every id in the picture, so that it can sit in a page
/// with other pictures.
const ID: &str = "kin-netz";

/// The picture of `network` as a complete SVG document (starting with
/// `<svg`, without an XML declaration, so that it can be embedded in HTML
/// as it is).
pub fn network_svg(network: &Network, field: &Field) -> String {
    let boxes = node_boxes(network);
    let all = connections(network);
    let centres = layout::layout(
        &boxes.iter().map(|b| b.layout).collect::<Vec<_>>(),
        &layout_edges(network, &all),
    );
    let title = msg::network_title(network.kommunen.len());
    let summary = msg::network_summary(&network.summary());

    // The drawing's extent, then everything moved right and down so that it
    // starts at the margin below the heading.
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for (i, (b, p)) in boxes.iter().zip(&centres).enumerate() {
        let (left, top) = (p.x - b.layout.width / 2.0, p.y - b.layout.height / 2.0);
        let (right, bottom) = (p.x + b.layout.width / 2.0, p.y + b.layout.height / 2.0);
        if i == 0 {
            (min_x, min_y, max_x, max_y) = (left, top, right, bottom);
        }
        (min_x, min_y) = (min_x.min(left), min_y.min(top));
        (max_x, max_y) = (max_x.max(right), max_y.max(bottom));
    }
    let heading_height = 58.0;
    let graph_width = max_x - min_x;
    let legend = legend(network, field);
    let width = (graph_width + 2.0 * MARGIN)
        .max(legend.width + 2.0 * MARGIN)
        .max(text_width(&title, 18.0, true) + 2.0 * MARGIN)
        .max(text_width(&summary, 12.0, false) + 2.0 * MARGIN)
        .ceil();
    // Centre the graph when the legend or heading is wider.
    let shift_x = MARGIN - min_x + (width - 2.0 * MARGIN - graph_width) / 2.0;
    let shift_y = MARGIN + heading_height - min_y;
    let centres: Vec<Point> = centres
        .iter()
        .map(|p| Point {
            x: p.x + shift_x,
            y: p.y + shift_y,
        })
        .collect();
    let graph_bottom = max_y + shift_y;
    let height = (graph_bottom + 28.0 + legend.height + MARGIN).ceil();

    let mut svg = String::with_capacity(4096 + 600 * boxes.len());
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{ID}-titel\" font-family=\"{FONT}\">",
        num(width),
        num(height),
        num(width),
        num(height)
    );
    let _ = writeln!(
        svg,
        "<title id=\"{ID}-titel\">{}. {}</title>",
        picture_text(&title),
        picture_text(&summary)
    );
    let _ = writeln!(
        svg,
        "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
    );
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"{}\" font-size=\"18\" font-weight=\"bold\" fill=\"#222222\">{}</text>",
        num(MARGIN),
        num(MARGIN + 16.0),
        picture_text(&title)
    );
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#444444\">{}</text>",
        num(MARGIN),
        num(MARGIN + 36.0),
        picture_text(&summary)
    );
    write_lines(&mut svg, network, field, &all, &boxes, &centres);
    write_nodes(&mut svg, network, &boxes, &centres);
    write_legend(&mut svg, &legend, MARGIN, graph_bottom + 28.0);
    svg.push_str("</svg>\n");
    svg
}

/// A node as drawn: its label lines and box.
struct NodeBox {
    lines: Vec<String>,
    layout: LayoutNode,
    tooltip: String,
}

/// Node `i` of the picture: Kommunen first, then external partners.
fn node_index(network: &Network, partner: Partner) -> usize {
    match partner {
        Partner::Kommune(k) => k,
        Partner::External(e) => network.kommunen.len() + e,
    }
}

fn node_boxes(network: &Network) -> Vec<NodeBox> {
    let kommunen = network.kommunen.iter().map(|k| {
        let tooltip = match &k.ags {
            Some(ags) => format!("{} (AGS {ags}) · {}", k.name, k.file),
            None => format!("{} · {}", k.name, k.file),
        };
        node_box(&k.name, tooltip, false)
    });
    let externals = network.externals.iter().map(|e| {
        let tooltip = format!("{} · {}", e.name, msg::NETWORK_EXTERNAL_LEGEND);
        node_box(&e.name, tooltip, true)
    });
    kommunen.chain(externals).collect()
}

fn node_box(name: &str, tooltip: String, external: bool) -> NodeBox {
    let (size, bold) = font(external);
    let lines = wrap(&one_line(name), size, bold);
    let text = lines
        .iter()
        .map(|l| text_width(l, size, bold))
        .fold(0.0, f64::max);
    NodeBox {
        layout: LayoutNode {
            width: (text + 2.0 * PADDING_X).ceil(),
            height: (lines.len() as f64 * size * LINE_HEIGHT + 2.0 * PADDING_Y).ceil(),
            external,
        },
        lines,
        tooltip,
    }
}

fn font(external: bool) -> (f64, bool) {
    if external {
        (EXTERNAL_SIZE, false)
    } else {
        (KOMMUNE_SIZE, true)
    }
}

/// Breaks a label into lines of at most [`LABEL_WIDTH`], at spaces and
/// after hyphens, as evenly long as the number of lines allows; a single
/// longer word keeps its line.
fn wrap(text: &str, size: f64, bold: bool) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        // "Bietigheim-Bissingen" may break after its hyphen.
        let mut rest = word;
        while let Some(at) = rest.find('-').filter(|&at| at > 0 && at + 1 < rest.len()) {
            words.push(rest[..=at].to_owned());
            rest = &rest[at + 1..];
        }
        words.push(rest.to_owned());
    }
    let lines = fill(&words, LABEL_WIDTH, size, bold);
    if lines.len() < 2 {
        return lines;
    }
    // The narrowest width (to a pixel) that needs no more lines gives even
    // lines: found by halving the range.
    let (mut low, mut high) = (0.0f64, LABEL_WIDTH);
    while high - low > 1.0 {
        let middle = (low + high) / 2.0;
        if fill(&words, middle, size, bold).len() > lines.len() {
            low = middle;
        } else {
            high = middle;
        }
    }
    fill(&words, high, size, bold)
}

/// Fills lines up to `limit` pixels with `words`.
fn fill(words: &[String], limit: f64, size: f64, bold: bool) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in words {
        match lines.last_mut() {
            Some(line) => {
                let joined = if line.ends_with('-') {
                    format!("{line}{word}")
                } else {
                    format!("{line} {word}")
                };
                // A short word ("e. V.", "a. E.") never starts a line.
                let short = word.chars().count() <= 2;
                if short || text_width(&joined, size, bold) <= limit {
                    *line = joined;
                } else {
                    lines.push(word.clone());
                }
            }
            None => lines.push(word.clone()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// One attraction per pair of nodes, stronger with more lines between them.
fn layout_edges(network: &Network, all: &[Connection]) -> Vec<LayoutEdge> {
    let mut pairs: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for connection in all {
        let a = connection.from;
        let b = node_index(network, connection.to);
        *pairs.entry((a.min(b), a.max(b))).or_default() += 1.0;
    }
    pairs
        .into_iter()
        .map(|((a, b), count)| LayoutEdge {
            a,
            b,
            weight: 1.0 + 0.25 * (count - 1.0),
        })
        .collect()
}

/// Draws every connection: straight when it is the only line between its
/// nodes, else as one of several curves side by side.
fn write_lines(
    svg: &mut String,
    network: &Network,
    field: &Field,
    all: &[Connection],
    boxes: &[NodeBox],
    centres: &[Point],
) {
    let mut by_pair: BTreeMap<(usize, usize), Vec<&Connection>> = BTreeMap::new();
    for connection in all {
        let a = connection.from;
        let b = node_index(network, connection.to);
        by_pair
            .entry((a.min(b), a.max(b)))
            .or_default()
            .push(connection);
    }
    svg.push_str("<g fill=\"none\" stroke-linecap=\"round\">\n");
    for ((low, high), lines) in &by_pair {
        let (p, q) = (centres[*low], centres[*high]);
        let (dx, dy) = (q.x - p.x, q.y - p.y);
        let length = (dx * dx + dy * dy).sqrt().max(0.01);
        // The normal of the pair, the same whichever way a line runs.
        let (nx, ny) = (-dy / length, dx / length);
        let count = lines.len() as f64;
        for (place, connection) in lines.iter().enumerate() {
            let offset = (place as f64 - (count - 1.0) / 2.0) * PARALLEL;
            let from = connection.from;
            let to = node_index(network, connection.to);
            let (start, end) = (centres[from], centres[to]);
            // The curve's middle lies half way to its control point.
            let control = Point {
                x: (start.x + end.x) / 2.0 + nx * offset * 2.0,
                y: (start.y + end.y) / 2.0 + ny * offset * 2.0,
            };
            let a = clip(start, &boxes[from].layout, control, 1.0);
            let arrow = connection.confirmation == Confirmation::OneSided;
            let tip = clip(end, &boxes[to].layout, control, 2.0);
            // A one-sided line stops short of its arrow head.
            let toward = if offset == 0.0 { a } else { control };
            let b = if arrow {
                step_back(tip, toward, ARROW * 0.8)
            } else {
                tip
            };
            let category = category_index(field, &connection.category);
            let colour = category_colour(category);
            let (width, style) = match connection.confirmation {
                Confirmation::Confirmed => ("2.5", String::new()),
                Confirmation::OneSided => ("2", " stroke-dasharray=\"7 5\"".to_owned()),
                Confirmation::External => ("1.5", " stroke-dasharray=\"1 4\"".to_owned()),
            };
            let path = if offset == 0.0 {
                format!("M{},{} L{},{}", num(a.x), num(a.y), num(b.x), num(b.y))
            } else {
                format!(
                    "M{},{} Q{},{} {},{}",
                    num(a.x),
                    num(a.y),
                    num(control.x),
                    num(control.y),
                    num(b.x),
                    num(b.y)
                )
            };
            let _ = writeln!(
                svg,
                "<path d=\"{path}\" stroke=\"{colour}\" stroke-width=\"{width}\"{style}><title>{}</title></path>",
                picture_text(&line_tooltip(network, field, connection))
            );
            if arrow {
                svg.push_str(&arrow_head(tip, toward, colour));
            }
        }
    }
    svg.push_str("</g>\n");
}

/// The length of an arrow head.
const ARROW: f64 = 10.0;

/// An arrow head drawn as a triangle whose tip is `tip`, pointing away from
/// `from` (no SVG marker: documents that embed the picture allow no
/// `url(…)` references, and Word's renderer draws a path alike).
fn arrow_head(tip: Point, from: Point, colour: &str) -> String {
    let base = step_back(tip, from, ARROW);
    let (dx, dy) = (tip.x - base.x, tip.y - base.y);
    // Half as wide as long, to either side of the base.
    let (nx, ny) = (-dy / 2.0, dx / 2.0);
    format!(
        "<path class=\"{ID}-pfeil\" d=\"M{},{} L{},{} L{},{} Z\" fill=\"{colour}\" stroke=\"none\"/>\n",
        num(tip.x),
        num(tip.y),
        num(base.x + nx),
        num(base.y + ny),
        num(base.x - nx),
        num(base.y - ny)
    )
}

/// The point `distance` back from `point` toward `toward`.
fn step_back(point: Point, toward: Point, distance: f64) -> Point {
    let (dx, dy) = (toward.x - point.x, toward.y - point.y);
    let length = (dx * dx + dy * dy).sqrt();
    if length < 0.01 {
        return point;
    }
    Point {
        x: point.x + dx / length * distance.min(length),
        y: point.y + dy / length * distance.min(length),
    }
}

/// "Talbach – Rebstetten, beidseitig · Wirtschaft: Titel (umgesetzt); …".
fn line_tooltip(network: &Network, field: &Field, connection: &Connection) -> String {
    let name = |p: Partner| match p {
        Partner::Kommune(k) => network.kommunen[k].name.as_str(),
        Partner::External(e) => network.externals[e].name.as_str(),
    };
    let from = name(Partner::Kommune(connection.from));
    let to = name(connection.to);
    let how = match connection.confirmation {
        Confirmation::Confirmed => format!("{from} – {to}: {}", msg::NETWORK_LEGEND_CONFIRMED),
        Confirmation::OneSided => format!("{from} → {to}: {}", msg::NETWORK_ONE_SIDED),
        Confirmation::External => format!("{from} → {to}"),
    };
    format!(
        "{how} · {}: {}",
        category_title(field, &connection.category),
        item_labels(network, connection, None).join("; ")
    )
}

/// Where the line from `centre` towards `toward` leaves the box, `gap`
/// pixels further out.
fn clip(centre: Point, node: &LayoutNode, toward: Point, gap: f64) -> Point {
    let (dx, dy) = (toward.x - centre.x, toward.y - centre.y);
    let (half_w, half_h) = (node.width / 2.0 + gap, node.height / 2.0 + gap);
    let scale_x = if dx.abs() > 1e-9 {
        half_w / dx.abs()
    } else {
        f64::MAX
    };
    let scale_y = if dy.abs() > 1e-9 {
        half_h / dy.abs()
    } else {
        f64::MAX
    };
    let scale = scale_x.min(scale_y);
    if scale >= 1.0 || scale == f64::MAX {
        return centre;
    }
    Point {
        x: centre.x + dx * scale,
        y: centre.y + dy * scale,
    }
}

fn write_nodes(svg: &mut String, network: &Network, boxes: &[NodeBox], centres: &[Point]) {
    for (index, (node, centre)) in boxes.iter().zip(centres).enumerate() {
        let external = index >= network.kommunen.len();
        let LayoutNode { width, height, .. } = node.layout;
        let (size, bold) = font(external);
        let (fill, stroke, dash, text_colour) = if external {
            ("#f2f2f2", "#808080", " stroke-dasharray=\"4 3\"", "#3a3a3a")
        } else {
            ("#ffffff", "#333333", "", "#111111")
        };
        let _ = writeln!(
            svg,
            "<g><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"{dash}/>",
            picture_text(&node.tooltip),
            num(centre.x - width / 2.0),
            num(centre.y - height / 2.0),
            num(width),
            num(height)
        );
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        let first_baseline = centre.y - height / 2.0 + PADDING_Y + size * 0.95;
        for (line_index, line) in node.lines.iter().enumerate() {
            let _ = writeln!(
                svg,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight} fill=\"{text_colour}\" text-anchor=\"middle\">{}</text>",
                num(centre.x),
                num(first_baseline + line_index as f64 * size * LINE_HEIGHT),
                num(size),
                picture_text(line)
            );
        }
        svg.push_str("</g>\n");
    }
}

/// The legend's entries, laid out in rows.
struct Legend {
    entries: Vec<(LegendSample, String, f64, f64)>,
    width: f64,
    height: f64,
}

enum LegendSample {
    Line {
        colour: &'static str,
        dashes: Option<&'static str>,
        arrow: bool,
        width: f64,
    },
    ExternalBox,
}

const LEGEND_SIZE: f64 = 12.0;
const LEGEND_ROW: f64 = 22.0;
const SAMPLE_WIDTH: f64 = 34.0;

/// The line styles, then the colour of each category that occurs, each
/// flowed into rows no wider than about 760 pixels.
fn legend(network: &Network, field: &Field) -> Legend {
    let mut samples: Vec<(LegendSample, String)> = vec![
        (
            LegendSample::Line {
                colour: "#333333",
                dashes: None,
                arrow: false,
                width: 2.5,
            },
            msg::NETWORK_LEGEND_CONFIRMED.to_owned(),
        ),
        (
            LegendSample::Line {
                colour: "#333333",
                dashes: Some("7 5"),
                arrow: true,
                width: 2.0,
            },
            msg::NETWORK_LEGEND_ONE_SIDED.to_owned(),
        ),
        (
            LegendSample::ExternalBox,
            msg::NETWORK_LEGEND_EXTERNAL_BOX.to_owned(),
        ),
    ];
    let styles = samples.len();
    for (index, category) in field.categories.iter().enumerate() {
        if network.has_category(&category.id) {
            samples.push((
                LegendSample::Line {
                    colour: category_colour(index),
                    dashes: None,
                    arrow: false,
                    width: 4.0,
                },
                category.title.clone(),
            ));
        }
    }
    let max_row = 760.0;
    let (mut x, mut y, mut width) = (0.0f64, 0.0f64, 0.0f64);
    let mut entries = Vec::new();
    for (index, (sample, text)) in samples.into_iter().enumerate() {
        let entry_width = SAMPLE_WIDTH + 8.0 + text_width(&text, LEGEND_SIZE, false);
        // The categories start a row of their own.
        if x > 0.0 && (x + entry_width > max_row || index == styles) {
            x = 0.0;
            y += LEGEND_ROW;
        }
        entries.push((sample, text, x, y));
        x += entry_width + 22.0;
        width = width.max(x - 22.0);
    }
    Legend {
        entries,
        width,
        height: y + LEGEND_ROW,
    }
}

fn write_legend(svg: &mut String, legend: &Legend, left: f64, top: f64) {
    let _ = writeln!(
        svg,
        "<g font-size=\"{}\" fill=\"#333333\">",
        num(LEGEND_SIZE)
    );
    for (sample, text, x, y) in &legend.entries {
        let (x, middle) = (left + x, top + y + LEGEND_ROW / 2.0);
        match sample {
            LegendSample::Line {
                colour,
                dashes,
                arrow,
                width,
            } => {
                let dashes = dashes.map_or(String::new(), |d| format!(" stroke-dasharray=\"{d}\""));
                let end = x + SAMPLE_WIDTH - 4.0;
                let line_end = if *arrow { end - ARROW * 0.8 } else { end };
                let _ = writeln!(
                    svg,
                    "<path d=\"M{},{} L{},{}\" stroke=\"{colour}\" stroke-width=\"{}\" fill=\"none\"{dashes}/>",
                    num(x),
                    num(middle),
                    num(line_end),
                    num(middle),
                    num(*width)
                );
                if *arrow {
                    let tip = Point { x: end, y: middle };
                    svg.push_str(&arrow_head(tip, Point { x, y: middle }, colour));
                }
            }
            LegendSample::ExternalBox => {
                let _ = writeln!(
                    svg,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" rx=\"3\" fill=\"#f2f2f2\" stroke=\"#808080\" stroke-dasharray=\"4 3\"/><path d=\"M{},{} L{},{}\" stroke=\"#333333\" stroke-width=\"1.5\" stroke-dasharray=\"1 4\" stroke-linecap=\"round\" fill=\"none\"/>",
                    num(x + 14.0),
                    num(middle - 7.0),
                    num(SAMPLE_WIDTH - 14.0),
                    num(x),
                    num(middle),
                    num(x + 13.0),
                    num(middle)
                );
            }
        }
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            num(x + SAMPLE_WIDTH + 8.0),
            num(middle + LEGEND_SIZE * 0.35),
            picture_text(text)
        );
    }
    svg.push_str("</g>\n");
}

/// A coordinate with one decimal, without "-0".
fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 {
        return "0".to_owned();
    }
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_break_at_spaces_and_after_hyphens() {
        assert_eq!(wrap("Talbach", 13.0, true), ["Talbach"]);
        assert_eq!(
            wrap("Gemeindeverwaltungsverband Oberes Haslachtal", 11.5, false),
            ["Gemeindeverwaltungsverband", "Oberes Haslachtal"]
        );
        assert_eq!(
            wrap("Bietigheim-Bissingen am Enzufer", 13.0, true),
            ["Bietigheim-", "Bissingen am", "Enzufer"]
        );
        assert_eq!(wrap("Weiler-am-Eck", 13.0, true), ["Weiler-am-Eck"]);
        // Even lines, and "e. V." stays together.
        assert_eq!(
            wrap("Partnergemeinde Nová Ves (Tschechien)", 11.5, false),
            ["Partnergemeinde", "Nová Ves (Tschechien)"]
        );
        assert_eq!(
            wrap("Bürgerbus im Oberen Eckental e. V.", 11.5, false),
            ["Bürgerbus im", "Oberen Eckental e. V."]
        );
        assert_eq!(wrap("", 13.0, true), [""]);
    }

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-3.96), "-4");
    }

    #[test]
    fn lines_leave_boxes_at_their_border() {
        let node = LayoutNode {
            width: 100.0,
            height: 20.0,
            external: false,
        };
        let centre = Point { x: 0.0, y: 0.0 };
        assert_eq!(
            clip(centre, &node, Point { x: 200.0, y: 0.0 }, 0.0),
            Point { x: 50.0, y: 0.0 }
        );
        assert_eq!(
            clip(centre, &node, Point { x: 0.0, y: -100.0 }, 2.0),
            Point { x: 0.0, y: -12.0 }
        );
        // A point inside the box: the line starts at the centre.
        assert_eq!(clip(centre, &node, Point { x: 1.0, y: 1.0 }, 0.0), centre);
    }
}
