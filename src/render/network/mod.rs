//! `kin network` output: one module per format, each a [`NetworkRenderer`]
//! that writes the whole network to a writer (chosen by `Format::renderer`
//! in `cli/commands/network.rs`). Text from files passes through
//! [`crate::render::escape`] (text), JSON escaping (json) or the format's
//! own quoting (dot, mermaid, svg).

pub mod check;
pub mod dot;
pub mod json;
pub mod mermaid;
pub mod svg;
pub mod text;

use crate::domain::field::Field;
use crate::domain::network::connections::Connection;
use crate::domain::network::{Network, Partner};
use crate::messages as msg;
use crate::render::OutputKind;
use std::io::{self, Write};

/// One output format of `kin network`: the whole network at once, because
/// every format needs all links to tell confirmed from one-sided.
pub trait NetworkRenderer {
    fn kind(&self) -> OutputKind {
        OutputKind::Text
    }

    fn render(&self, network: &Network, field: &Field, out: &mut dyn Write) -> io::Result<()>;
}

/// Per Kommune its partners and items, confirmed or one-sided.
pub struct NetworkText;
/// JSON for scripts (docs/network-json.md).
pub struct NetworkJson;
/// Graphviz DOT.
pub struct NetworkDot;
/// A Mermaid flowchart in Markdown.
pub struct NetworkMermaid;
/// A picture, drawn by kin.
pub struct NetworkSvg;
/// `--check`: one line per finding, then a summary.
pub struct NetworkCheckText;
/// `--check --format github`: GitHub Actions annotations.
pub struct NetworkCheckGithub;

impl NetworkRenderer for NetworkText {
    fn render(&self, network: &Network, _field: &Field, out: &mut dyn Write) -> io::Result<()> {
        text::render(network, out)
    }
}

impl NetworkRenderer for NetworkJson {
    fn kind(&self) -> OutputKind {
        OutputKind::Data
    }

    fn render(&self, network: &Network, _field: &Field, out: &mut dyn Write) -> io::Result<()> {
        json::render(network, out)
    }
}

impl NetworkRenderer for NetworkDot {
    fn kind(&self) -> OutputKind {
        OutputKind::Data
    }

    fn render(&self, network: &Network, field: &Field, out: &mut dyn Write) -> io::Result<()> {
        dot::render(network, field, out)
    }
}

impl NetworkRenderer for NetworkMermaid {
    fn render(&self, network: &Network, field: &Field, out: &mut dyn Write) -> io::Result<()> {
        mermaid::render(network, field, out)
    }
}

impl NetworkRenderer for NetworkSvg {
    fn kind(&self) -> OutputKind {
        OutputKind::Data
    }

    fn render(&self, network: &Network, field: &Field, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(svg::network_svg(network, field).as_bytes())
    }
}

impl NetworkRenderer for NetworkCheckText {
    fn render(&self, network: &Network, _field: &Field, out: &mut dyn Write) -> io::Result<()> {
        check::text(network, out)
    }
}

impl NetworkRenderer for NetworkCheckGithub {
    fn render(&self, network: &Network, _field: &Field, out: &mut dyn Write) -> io::Result<()> {
        check::github(network, out)
    }
}

/// The id of a node in JSON, DOT and Mermaid: "k1", "k2", … for the
/// Kommunen in file order, "e1", "e2", … for the external partners.
pub fn node_id(partner: Partner) -> String {
    match partner {
        Partner::Kommune(k) => format!("k{}", k + 1),
        Partner::External(e) => format!("e{}", e + 1),
    }
}

/// The items of a connection as labels, "Titel (umgesetzt / geplant)": each
/// with the statuses its Kommunen gave it; titles cut to `max` characters
/// when given.
pub fn item_labels(network: &Network, connection: &Connection, max: Option<usize>) -> Vec<String> {
    connection
        .items(network)
        .iter()
        .map(|i| {
            let statuses: Vec<&str> = i.statuses.iter().map(|s| msg::status_label(*s)).collect();
            let title = match max {
                Some(max) => short_title(&i.item.title, max),
                None => i.item.title.to_string(),
            };
            format!("{title} ({})", statuses.join(" / "))
        })
        .collect()
}

/// The position of a category in the field (for its colour), or past the
/// end for an unknown one.
pub fn category_index(field: &Field, category: &str) -> usize {
    field
        .categories
        .iter()
        .position(|c| c.id == category)
        .unwrap_or(field.categories.len())
}

/// The title of a category, or its id when the field does not know it.
pub fn category_title<'a>(field: &'a Field, category: &'a str) -> &'a str {
    field
        .category(category)
        .map_or(category, |c| c.title.as_str())
}

/// A short label for an item title: without examples in parentheses
/// ("(z. B. …)"), before the first comma of a long sentence, and cut to at
/// most `max` characters at a word boundary, with "…" when something was
/// cut.
pub fn short_title(title: &str, max: usize) -> String {
    let mut title = title.trim();
    for examples in [" (z.B.", " (z. B.", " (z.\u{a0}B."] {
        if let Some(at) = title.find(examples) {
            title = &title[..at];
        }
    }
    if title.chars().count() > max
        && let Some(at) = title.find(", ")
    {
        title = &title[..at];
    }
    if title.chars().count() <= max {
        return title.to_owned();
    }
    let mut cut = String::new();
    for word in title.split_whitespace() {
        let next = if cut.is_empty() {
            word.to_owned()
        } else {
            format!("{cut} {word}")
        };
        if next.chars().count() + 1 > max {
            break;
        }
        cut = next;
    }
    if cut.is_empty() {
        cut = title.chars().take(max.saturating_sub(1)).collect();
    }
    let cut = cut.trim_end_matches([',', ';', ':', '/', '(', '-', ' ']);
    format!("{cut}…")
}

/// Colours for the categories, in field order: the Okabe–Ito palette,
/// told apart with every common form of colour blindness. Categories past
/// its end repeat it.
pub const CATEGORY_COLOURS: [&str; 7] = [
    "#0072B2", // blue
    "#E69F00", // orange
    "#009E73", // bluish green
    "#CC79A7", // reddish purple
    "#D55E00", // vermillion
    "#56B4E9", // sky blue
    "#000000", // black
];

pub fn category_colour(index: usize) -> &'static str {
    CATEGORY_COLOURS[index % CATEGORY_COLOURS.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_leave_out_examples_and_end_at_a_word() {
        let field = Field::embedded();
        let labels: Vec<String> = field
            .suggestions()
            .map(|(_, s)| short_title(&s.text, 44))
            .collect();
        assert_eq!(
            labels,
            [
                "Zusammenlegung von Infrastruktureinheiten…",
                "Gemeinsame Wirtschaftsförderung bzw.…",
                "Interkommunales Gründerzentrum",
                "Zusammenarbeit bei Bildung und Betreuung",
                "Zusammenschluss von mehreren Kommunen zu…",
                "Gemeinsame Energie- und Klimaschutzkonzepte",
                "Gemeinsame Mobilitätskonzepte bzw. -angebote",
                "Unterstützung von Eine-Welt-Projekten oder…",
            ]
        );
        assert_eq!(
            short_title(&field.suggestions().nth(4).unwrap().1.text, 72),
            "Zusammenschluss von mehreren Kommunen zu einer Nachhaltigkeitsregion"
        );
        assert_eq!(
            short_title("Donaudampfschifffahrtsgesellschaft", 10),
            "Donaudamp…"
        );
        assert_eq!(short_title("  kurz ", 10), "kurz");
    }
}
