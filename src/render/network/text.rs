//! The network for people: per Kommune the partners it names with their
//! items (short titles; JSON has everything), confirmed or one-sided, who names it without being named back,
//! and its external partners; then every external partner.

use super::short_title;
use crate::domain::network::{Confirmation, Link, LinkItem, Network, Partner};
use crate::messages as msg;
use crate::render::escape::{line_start, one_line};
use std::io::{self, Write};

pub fn render(network: &Network, out: &mut dyn Write) -> io::Result<()> {
    let summary = network.summary();
    writeln!(out, "{}", msg::network_title(summary.kommunen))?;
    writeln!(out, "{}", msg::network_summary(&summary))?;
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); network.kommunen.len()];
    for (index, link) in network.links.iter().enumerate() {
        if let Partner::Kommune(to) = link.to
            && link.confirmation() == Confirmation::OneSided
        {
            incoming[to].push(index);
        }
    }
    for (kommune, node) in network.kommunen.iter().enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            msg::network_kommune_heading(
                &line_start(&node.name),
                node.ags.as_deref().map(one_line).as_deref(),
                &one_line(&node.file)
            )
        )?;
        let links: Vec<&Link> = network.links_from(kommune).map(|(_, l)| l).collect();
        // Partners in the order they are first named, each with its items.
        let mut partners: Vec<Partner> = Vec::new();
        for link in &links {
            if !partners.contains(&link.to) {
                partners.push(link.to);
            }
        }
        let (kommunen, externals): (Vec<Partner>, Vec<Partner>) = partners
            .into_iter()
            .partition(|p| matches!(p, Partner::Kommune(_)));
        for partner in &kommunen {
            let Partner::Kommune(to) = *partner else {
                continue;
            };
            let name = line_start(&network.kommunen[to].name);
            writeln!(out, "  {}", msg::network_names(&name))?;
            for link in links.iter().filter(|l| l.to == *partner) {
                let mark = match link.confirmation() {
                    Confirmation::Confirmed => msg::NETWORK_CONFIRMED,
                    _ => msg::NETWORK_ONE_SIDED,
                };
                writeln!(out, "    {mark:<10}  {}", item_line(&link.item, link))?;
            }
        }
        if !incoming[kommune].is_empty() {
            writeln!(out, "  {}", msg::NETWORK_NAMED_BY_ONE_SIDED)?;
            for &index in &incoming[kommune] {
                let link = &network.links[index];
                let by = line_start(&network.kommunen[link.from].name);
                writeln!(out, "    {by} · {}", item_line(&link.item, link))?;
            }
        }
        if !externals.is_empty() {
            writeln!(out, "  {}", msg::NETWORK_EXTERNAL_PARTNERS)?;
            for partner in &externals {
                let Partner::External(e) = *partner else {
                    continue;
                };
                let name = line_start(&network.externals[e].name);
                for link in links.iter().filter(|l| l.to == *partner) {
                    writeln!(out, "    {name} · {}", item_line(&link.item, link))?;
                }
            }
        }
        if links.is_empty() {
            writeln!(out, "  {}", msg::NETWORK_NO_PARTNERS)?;
        }
    }
    if !network.externals.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", msg::NETWORK_EXTERNALS_HEADING)?;
        let mut named_by: Vec<Vec<usize>> = vec![Vec::new(); network.externals.len()];
        for link in &network.links {
            if let Partner::External(e) = link.to
                && !named_by[e].contains(&link.from)
            {
                named_by[e].push(link.from);
            }
        }
        for (external, by) in network.externals.iter().zip(named_by) {
            let names: Vec<String> = by
                .iter()
                .map(|&k| one_line(&network.kommunen[k].name))
                .collect();
            writeln!(
                out,
                "  {}",
                msg::network_external_named_by(&line_start(&external.name), &names)
            )?;
        }
    }
    Ok(())
}

/// Characters of an item title in a line.
const TITLE: usize = 72;

/// "Gemeinsame Wirtschaftsförderung bzw.… · umgesetzt", or for an own
/// measure "eigene Maßnahme „Titel“ · geplant".
fn item_line(item: &LinkItem, link: &Link) -> String {
    let title = one_line(&short_title(&item.title, TITLE));
    let status = msg::status_label(link.status);
    if item.own {
        format!(
            "{} {} · {status}",
            msg::LABEL_OWN_MEASURE,
            msg::quoted(&title)
        )
    } else {
        format!("{title} · {status}")
    }
}
