//! The network as a Mermaid flowchart in a Markdown code block, which
//! GitHub and GitLab draw where the Markdown is shown; a legend follows
//! the block as Markdown text.

use super::{category_colour, category_index, category_title, item_labels, node_id};
use crate::domain::field::Field;
use crate::domain::network::connections::connections;
use crate::domain::network::{Confirmation, Network};
use crate::messages as msg;
use crate::render::escape::mermaid_label;
use std::io::{self, Write};

/// Characters of an item title on a line label.
const LABEL_TITLE: usize = 40;

pub fn render(network: &Network, field: &Field, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "```mermaid")?;
    writeln!(out, "---")?;
    writeln!(
        out,
        "title: \"{}\"",
        mermaid_label(&msg::network_title(network.kommunen.len()))
    )?;
    writeln!(out, "---")?;
    writeln!(out, "flowchart LR")?;
    for (index, node) in network.kommunen.iter().enumerate() {
        writeln!(out, "  k{}[\"{}\"]", index + 1, mermaid_label(&node.name))?;
    }
    if !network.externals.is_empty() {
        writeln!(
            out,
            "  subgraph extern[\"{}\"]",
            mermaid_label(msg::NETWORK_EXTERNAL_LEGEND)
        )?;
        for (index, external) in network.externals.iter().enumerate() {
            writeln!(
                out,
                "    e{}([\"{}\"])",
                index + 1,
                mermaid_label(&external.name)
            )?;
        }
        writeln!(out, "  end")?;
    }
    let mut styles = Vec::new();
    for (index, connection) in connections(network).iter().enumerate() {
        let label: Vec<String> = item_labels(network, connection, Some(LABEL_TITLE))
            .iter()
            .map(|l| mermaid_label(l))
            .collect();
        let (arrow, dashes, width) = match connection.confirmation {
            Confirmation::Confirmed => ("---", None, 2),
            Confirmation::OneSided => ("-.->", Some("6 4"), 2),
            Confirmation::External => ("-.-", Some("2 4"), 1),
        };
        let to = node_id(connection.to);
        writeln!(
            out,
            "  k{} {arrow}|\"{}\"| {to}",
            connection.from + 1,
            label.join("<br>")
        )?;
        let colour = category_colour(category_index(field, &connection.category));
        let mut style = format!("  linkStyle {index} stroke:{colour},stroke-width:{width}px");
        if let Some(dashes) = dashes {
            style.push_str(&format!(",stroke-dasharray:{dashes}"));
        }
        styles.push(style);
    }
    for style in styles {
        writeln!(out, "{style}")?;
    }
    if !network.externals.is_empty() {
        writeln!(
            out,
            "  classDef extern fill:#f2f2f2,stroke:#777777,stroke-dasharray:4 3,color:#444444"
        )?;
        let ids: Vec<String> = (1..=network.externals.len())
            .map(|i| format!("e{i}"))
            .collect();
        writeln!(out, "  class {} extern", ids.join(","))?;
    }
    writeln!(out, "```")?;
    write_legend(out, network, field)
}

/// The legend under the code block, as Markdown.
fn write_legend(out: &mut dyn Write, network: &Network, field: &Field) -> io::Result<()> {
    writeln!(out)?;
    let categories: Vec<String> = field
        .categories
        .iter()
        .filter(|c| network.has_category(&c.id))
        .map(|c| {
            format!(
                "{} {}",
                msg::colour_name(category_index(field, &c.id)),
                category_title(field, &c.id)
            )
        })
        .collect();
    writeln!(
        out,
        "{}",
        msg::network_markdown_legend(&categories.join(" · "))
    )
}
