//! The network as JSON, a stable interface for scripts (described in
//! docs/network-json.md): Kommunen, external partners, every link with its
//! item, status and confirmation, the findings and the figures.

use super::node_id;
use crate::domain::network::{Confirmation, Network, Partner, Summary};
use crate::domain::status::Status;
use crate::render::json::write_json;
use serde::{Serialize, Serializer};
use std::io::{self, Write};

pub fn render(network: &Network, out: &mut dyn Write) -> io::Result<()> {
    write_json(&JsonNetwork::of(network), out)
}

#[derive(Serialize)]
struct JsonNetwork<'a> {
    kommunen: Vec<JsonKommune<'a>>,
    externals: Vec<JsonExternal<'a>>,
    links: JsonLinks<'a>,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonKommune<'a> {
    id: String,
    name: &'a str,
    ags: Option<&'a str>,
    file: &'a str,
}

#[derive(Serialize)]
struct JsonExternal<'a> {
    id: String,
    name: &'a str,
}

#[derive(Serialize)]
struct JsonLink<'a> {
    from: String,
    to: String,
    written: &'a str,
    item: JsonItem<'a>,
    status: Status,
    confirmation: &'static str,
    confirmed_by: Vec<JsonItemId<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    own: bool,
    category: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct JsonItemId<'a> {
    id: &'a str,
    own: bool,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    severity: &'static str,
    code: &'static str,
    message: &'a str,
}

impl<'a> JsonNetwork<'a> {
    fn of(network: &'a Network) -> JsonNetwork<'a> {
        JsonNetwork {
            kommunen: network
                .kommunen
                .iter()
                .enumerate()
                .map(|(i, k)| JsonKommune {
                    id: node_id(Partner::Kommune(i)),
                    name: &k.name,
                    ags: k.ags.as_deref(),
                    file: &k.file,
                })
                .collect(),
            externals: network
                .externals
                .iter()
                .enumerate()
                .map(|(i, e)| JsonExternal {
                    id: node_id(Partner::External(i)),
                    name: &e.name,
                })
                .collect(),
            links: JsonLinks(network),
            findings: network
                .findings
                .iter()
                .map(|f| JsonFinding {
                    file: &f.file,
                    line: f.finding.position.map(|p| p.line),
                    column: f.finding.position.map(|p| p.column),
                    severity: f.finding.severity.as_str(),
                    code: f.finding.code,
                    message: &f.finding.message,
                })
                .collect(),
            summary: network.summary(),
        }
    }
}

/// Every link, made one at a time while they are written: there may be
/// hundreds of thousands.
struct JsonLinks<'a>(&'a Network);

impl Serialize for JsonLinks<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let network = self.0;
        serializer.collect_seq(network.links.iter().map(|link| {
            JsonLink {
                from: node_id(Partner::Kommune(link.from)),
                to: node_id(link.to),
                written: &link.written,
                item: JsonItem {
                    id: &link.item.id,
                    own: link.item.own,
                    category: &link.item.category,
                    title: &link.item.title,
                },
                status: link.status,
                confirmation: confirmation_value(link.confirmation()),
                confirmed_by: link
                    .confirmed_by
                    .iter()
                    .map(|&b| JsonItemId {
                        id: &network.links[b].item.id,
                        own: network.links[b].item.own,
                    })
                    .collect(),
            }
        }))
    }
}

/// The JSON value of a confirmation.
pub fn confirmation_value(confirmation: Confirmation) -> &'static str {
    match confirmation {
        Confirmation::Confirmed => "confirmed",
        Confirmation::OneSided => "one-sided",
        Confirmation::External => "external",
    }
}
