//! The network as a Mermaid flowchart in a Markdown code block, which
//! GitHub and GitLab draw where the Markdown is shown; a legend follows
//! the block as Markdown text.

use super::{category_colour, category_index, category_title, short_title};
use crate::domain::field::Field;
use crate::domain::network::connections::connections;
use crate::domain::network::{Confirmation, Network, Partner};
use crate::messages as msg;
use crate::render::escape::one_line;
use std::io::{self, Write};

/// Characters of an item title on a line label.
const LABEL_TITLE: usize = 40;

pub fn render(network: &Network, field: &Field, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "```mermaid")?;
    writeln!(out, "---")?;
    writeln!(
        out,
        "title: \"{}\"",
        mermaid_text(&msg::network_title(network.kommunen.len()))
    )?;
    writeln!(out, "---")?;
    writeln!(out, "flowchart LR")?;
    for (index, node) in network.kommunen.iter().enumerate() {
        writeln!(out, "  k{}[\"{}\"]", index + 1, mermaid_text(&node.name))?;
    }
    if !network.externals.is_empty() {
        writeln!(
            out,
            "  subgraph extern[\"{}\"]",
            mermaid_text(msg::NETWORK_EXTERNAL_LEGEND)
        )?;
        for (index, external) in network.externals.iter().enumerate() {
            writeln!(
                out,
                "    e{}([\"{}\"])",
                index + 1,
                mermaid_text(&external.name)
            )?;
        }
        writeln!(out, "  end")?;
    }
    let mut styles = Vec::new();
    for (index, connection) in connections(network).iter().enumerate() {
        let label: Vec<String> = connection
            .items(network)
            .iter()
            .map(|i| {
                let statuses: Vec<&str> =
                    i.statuses.iter().map(|s| msg::status_label(*s)).collect();
                format!(
                    "{} ({})",
                    mermaid_text(&short_title(&i.item.title, LABEL_TITLE)),
                    statuses.join(" / ")
                )
            })
            .collect();
        let (arrow, dashes, width) = match connection.confirmation {
            Confirmation::Confirmed => ("---", None, 2),
            Confirmation::OneSided => ("-.->", Some("6 4"), 2),
            Confirmation::External => ("-.-", Some("2 4"), 1),
        };
        let to = match connection.to {
            Partner::Kommune(k) => format!("k{}", k + 1),
            Partner::External(e) => format!("e{}", e + 1),
        };
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

/// Text inside a quoted Mermaid label: Mermaid's entity codes for the
/// characters that would end the label, start an entity or a comment, or be
/// read as HTML or Markdown; control characters made visible.
pub fn mermaid_text(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#38;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '%' => out.push_str("#37;"),
            '`' => out.push_str("#96;"),
            '|' => out.push_str("#124;"),
            '*' => out.push_str("#42;"),
            '_' => out.push_str("#95;"),
            '\\' => out.push_str("#92;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::mermaid_text;

    #[test]
    fn labels_cannot_end_early_or_become_markup() {
        assert_eq!(
            mermaid_text("\"Ü\" <b>#1 & 50% `x` |y| *z*"),
            "#quot;Ü#quot; #lt;b#gt;#35;1 #38; 50#37; #96;x#96; #124;y#124; #42;z#42;"
        );
        assert_eq!(mermaid_text("a\nb\u{1b}"), "a ⏎ b#92;u{1b}");
    }
}
