//! The lines of a picture of the network (DOT, Mermaid, SVG): one per pair
//! of nodes, category and confirmation, so that two Kommunen cooperating on
//! five items in one category get one line, not ten.

use super::{Confirmation, LinkItem, Network, Partner};
use crate::domain::status::Status;
use std::collections::HashMap;
use std::sync::Arc;

/// The links between two nodes in one category that share their
/// confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    /// Index into [`Network::kommunen`]: for a one-sided or external
    /// connection the Kommune that names the partner, for a confirmed one
    /// the one whose file comes first.
    pub from: usize,
    pub to: Partner,
    /// The category id.
    pub category: Arc<str>,
    pub confirmation: Confirmation,
    /// Indices into [`Network::links`], in order.
    pub links: Vec<usize>,
}

/// An item of a connection with the statuses its Kommunen gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionItem<'a> {
    pub item: &'a LinkItem,
    /// Distinct statuses, in the order of the links.
    pub statuses: Vec<Status>,
}

impl Connection {
    /// The distinct items of the connection (by own/id), in order of the
    /// links.
    pub fn items<'a>(&self, network: &'a Network) -> Vec<ConnectionItem<'a>> {
        let mut items: Vec<ConnectionItem<'a>> = Vec::new();
        for &index in &self.links {
            let link = &network.links[index];
            match items
                .iter_mut()
                .find(|i| i.item.own == link.item.own && i.item.id == link.item.id)
            {
                Some(item) if !item.statuses.contains(&link.status) => {
                    item.statuses.push(link.status);
                }
                Some(_) => {}
                None => items.push(ConnectionItem {
                    item: &link.item,
                    statuses: vec![link.status],
                }),
            }
        }
        items
    }
}

/// The connections of `network`, in the order their first link appears.
pub fn connections(network: &Network) -> Vec<Connection> {
    let mut index: HashMap<(usize, Partner, &str, Confirmation), usize> = HashMap::new();
    let mut connections: Vec<Connection> = Vec::new();
    for (link_index, link) in network.links.iter().enumerate() {
        let confirmation = link.confirmation();
        let (from, to) = match (confirmation, link.to) {
            // Both directions of a confirmed pair are one line.
            (Confirmation::Confirmed, Partner::Kommune(to)) if to < link.from => {
                (to, Partner::Kommune(link.from))
            }
            _ => (link.from, link.to),
        };
        let key = (from, to, &*link.item.category, confirmation);
        let place = *index.entry(key).or_insert_with(|| {
            connections.push(Connection {
                from,
                to,
                category: link.item.category.clone(),
                confirmation,
                links: Vec::new(),
            });
            connections.len() - 1
        });
        connections[place].links.push(link_index);
    }
    connections
}
