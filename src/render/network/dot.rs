//! The network in Graphviz's DOT language (`dot -Tsvg`, `dot -Tpdf`): one
//! line per pair, category and confirmation; confirmed lines solid without
//! arrows, one-sided lines dashed with an arrow to the partner named,
//! external partners in a dashed box of their own; a legend.

use super::{category_colour, category_index, category_title, item_labels, node_id};
use crate::domain::field::Field;
use crate::domain::network::connections::{Connection, connections};
use crate::domain::network::{Confirmation, Network};
use crate::messages as msg;
use crate::render::escape::{dot_string, picture_text};
use std::io::{self, Write};

const FONT: &str = "DejaVu Sans,Verdana,Arial,sans-serif";
/// Characters of an item title on a line label.
const LABEL_TITLE: usize = 40;

pub fn render(network: &Network, field: &Field, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "// {}", msg::network_title(network.kommunen.len()))?;
    writeln!(out, "digraph kooperationsnetz {{")?;
    writeln!(
        out,
        "  graph [fontname=\"{FONT}\", label={}, labelloc=t, fontsize=16, layout=fdp, overlap=false, splines=true];",
        quote(&msg::network_title(network.kommunen.len()))
    )?;
    writeln!(
        out,
        "  node [fontname=\"{FONT}\", shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#333333\", penwidth=1.5];"
    )?;
    writeln!(out, "  edge [fontname=\"{FONT}\", fontsize=8, penwidth=2];")?;
    for (index, node) in network.kommunen.iter().enumerate() {
        let tooltip = match &node.ags {
            Some(ags) => format!("{} (AGS {ags})", node.file),
            None => node.file.clone(),
        };
        writeln!(
            out,
            "  k{} [label={}, tooltip={}];",
            index + 1,
            quote(&node.name),
            quote(&tooltip)
        )?;
    }
    if !network.externals.is_empty() {
        writeln!(out, "  subgraph cluster_extern {{")?;
        writeln!(
            out,
            "    label={}; style=\"dashed,rounded\"; color=\"#999999\"; fontcolor=\"#555555\";",
            quote(msg::NETWORK_EXTERNAL_LEGEND)
        )?;
        writeln!(
            out,
            "    node [style=\"rounded,dashed,filled\", fillcolor=\"#f2f2f2\", color=\"#777777\", fontcolor=\"#444444\", penwidth=1];"
        )?;
        for (index, external) in network.externals.iter().enumerate() {
            writeln!(out, "    e{} [label={}];", index + 1, quote(&external.name))?;
        }
        writeln!(out, "  }}")?;
    }
    for connection in connections(network) {
        write_connection(out, network, field, &connection)?;
    }
    write_legend(out, network, field)?;
    writeln!(out, "}}")
}

fn write_connection(
    out: &mut dyn Write,
    network: &Network,
    field: &Field,
    connection: &Connection,
) -> io::Result<()> {
    let colour = category_colour(category_index(field, &connection.category));
    let style = match connection.confirmation {
        Confirmation::Confirmed => "solid\", dir=\"none",
        Confirmation::OneSided => "dashed",
        Confirmation::External => "dotted",
    };
    let label = item_labels(network, connection, Some(LABEL_TITLE));
    let tooltip = format!(
        "{}: {}",
        category_title(field, &connection.category),
        item_labels(network, connection, None).join("; ")
    );
    let to = node_id(connection.to);
    writeln!(
        out,
        "  k{} -> {to} [color=\"{colour}\", fontcolor=\"{colour}\", style=\"{style}\", label={}, tooltip={}];",
        connection.from + 1,
        quote_lines(&label),
        quote(&tooltip)
    )
}

/// A legend node: the colours of the categories that occur and the line
/// styles.
fn write_legend(out: &mut dyn Write, network: &Network, field: &Field) -> io::Result<()> {
    if network.links.is_empty() {
        return Ok(());
    }
    let mut rows = String::new();
    for (index, category) in field.categories.iter().enumerate() {
        if !network.has_category(&category.id) {
            continue;
        }
        rows.push_str(&format!(
            "<tr><td bgcolor=\"{}\" width=\"24\"></td><td align=\"left\">{}</td></tr>",
            category_colour(index),
            picture_text(&category.title)
        ));
    }
    for (line, text) in [
        ("━━━", msg::NETWORK_LEGEND_CONFIRMED),
        ("╍╍▶", msg::NETWORK_LEGEND_ONE_SIDED),
        ("┈┈▶", msg::NETWORK_LEGEND_EXTERNAL),
    ] {
        rows.push_str(&format!(
            "<tr><td>{line}</td><td align=\"left\">{}</td></tr>",
            picture_text(text)
        ));
    }
    writeln!(
        out,
        "  legende [shape=plaintext, style=\"\", fontsize=10, label=<<table border=\"0\" cellspacing=\"2\" cellborder=\"0\"><tr><td colspan=\"2\" align=\"left\"><b>{}</b></td></tr>{rows}</table>>];",
        picture_text(msg::LABEL_LEGEND)
    )
}

/// A DOT string in its quotes.
fn quote(text: &str) -> String {
    format!("\"{}\"", dot_string(text))
}

/// Several lines as one DOT label, each centred.
fn quote_lines(lines: &[String]) -> String {
    let quoted: Vec<String> = lines.iter().map(|l| dot_string(l)).collect();
    format!("\"{}\"", quoted.join("\\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_cannot_end_early_or_start_escapes() {
        assert_eq!(quote("Bad \"Ü\""), "\"Bad \\\"Ü\\\"\"");
        assert_eq!(quote_lines(&["a\"".into(), "b".into()]), "\"a\\\"\\nb\"");
    }
}
