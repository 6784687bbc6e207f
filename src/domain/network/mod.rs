//! The cooperation network (`kin network`): assessed Kommunen are nodes; a
//! partner named for an item is a link to the Kommune it matches, or to an
//! external partner (a Landkreis, a Verein, a Kommune without a file in the
//! set, a partner abroad) when it matches none. A link between Kommunen is
//! confirmed when the partner names the Kommune back (see [`confirms`]).
//!
//! Findings are what needs a person: links named on one side only, names
//! that match several Kommunen, a Kommune naming itself, a Kommune given
//! twice. External partners are never findings.

pub mod aliases;
mod build;
pub mod connections;
pub mod member;
pub mod name_key;
#[cfg(test)]
mod tests;

pub use aliases::{Alias, Aliases};
pub use member::{LinkItem, Member, MemberCollector, Mention};

use crate::domain::finding::{Finding, Position, Severity};
use crate::domain::status::Status;

/// The network of a set of assessed Kommunen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    /// The assessed Kommunen, in the order of their files.
    pub kommunen: Vec<Node>,
    /// Partners without a file in the set, sorted by their name key.
    pub externals: Vec<External>,
    /// Every partner named, per Kommune in the order of its file: items in
    /// field order, partners in list order. A partner named twice for the
    /// same item counts once.
    pub links: Vec<Link>,
    /// In the order of the files, then by position.
    pub findings: Vec<NetworkFinding>,
}

/// An assessed Kommune.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub name: String,
    pub ags: Option<String>,
    pub file: String,
}

/// A partner that matches no assessed Kommune.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct External {
    /// The alias target when an alias led here, else the first spelling met.
    pub name: String,
}

/// Whom a link points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Partner {
    /// Index into [`Network::kommunen`].
    Kommune(usize),
    /// Index into [`Network::externals`].
    External(usize),
}

/// One partner named by a Kommune for one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Index into [`Network::kommunen`]: who names the partner.
    pub from: usize,
    pub to: Partner,
    /// The partner as written in the file.
    pub written: String,
    pub item: LinkItem,
    pub status: Status,
    /// Where the item stands in the file of `from`.
    pub position: Option<Position>,
    /// Indices into [`Network::links`]: the partner's links back to `from`
    /// that confirm this one. Empty for a one-sided link and for an
    /// external partner.
    pub confirmed_by: Vec<usize>,
}

/// Whether a link is named on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confirmation {
    /// The partner names the Kommune back.
    Confirmed,
    /// The partner, an assessed Kommune, does not name it back.
    OneSided,
    /// The partner has no file in the set: nobody can confirm.
    External,
}

impl Link {
    pub fn confirmation(&self) -> Confirmation {
        match self.to {
            Partner::External(_) => Confirmation::External,
            Partner::Kommune(_) if self.confirmed_by.is_empty() => Confirmation::OneSided,
            Partner::Kommune(_) => Confirmation::Confirmed,
        }
    }
}

/// Whether `back`, an item for which the partner names the Kommune,
/// confirms the Kommune naming the partner for `item`: for a suggestion, the
/// same suggestion or an own measure of the same category; for an own
/// measure, anything of the same category.
pub fn confirms(back: &LinkItem, item: &LinkItem) -> bool {
    let same_category = back.category == item.category;
    if item.own {
        same_category
    } else {
        (!back.own && back.id == item.id) || (back.own && same_category)
    }
}

/// A finding about the network, in the file it points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkFinding {
    pub file: String,
    pub finding: Finding,
}

/// The finding codes of `kin network` (documented in docs/network-json.md).
pub mod codes {
    pub const ONE_SIDED: &str = "one-sided";
    pub const AMBIGUOUS: &str = "ambiguous-partner";
    pub const SELF: &str = "self-reference";
    pub const DUPLICATE: &str = "duplicate-kommune";
}

/// Counts over a network.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub kommunen: usize,
    pub externals: usize,
    /// Links to assessed Kommunen.
    pub links: usize,
    pub confirmed: usize,
    pub one_sided: usize,
    /// Links to external partners.
    pub external_links: usize,
    pub ambiguous: usize,
    pub self_references: usize,
    pub duplicates: usize,
}

impl Network {
    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            kommunen: self.kommunen.len(),
            externals: self.externals.len(),
            ..Summary::default()
        };
        for link in &self.links {
            match link.confirmation() {
                Confirmation::Confirmed => summary.confirmed += 1,
                Confirmation::OneSided => summary.one_sided += 1,
                Confirmation::External => summary.external_links += 1,
            }
        }
        summary.links = summary.confirmed + summary.one_sided;
        for finding in &self.findings {
            match finding.finding.code {
                codes::AMBIGUOUS => summary.ambiguous += 1,
                codes::SELF => summary.self_references += 1,
                codes::DUPLICATE => summary.duplicates += 1,
                _ => {}
            }
        }
        summary
    }

    /// The links a Kommune names, in order.
    pub fn links_from(&self, kommune: usize) -> impl Iterator<Item = (usize, &Link)> {
        // Links are grouped by `from`, in order.
        let start = self.links.partition_point(|l| l.from < kommune);
        self.links[start..]
            .iter()
            .take_while(move |l| l.from == kommune)
            .enumerate()
            .map(move |(i, l)| (start + i, l))
    }

    /// Whether any link is for an item of `category` (for legends).
    pub fn has_category(&self, category: &str) -> bool {
        self.links.iter().any(|l| &*l.item.category == category)
    }

    /// Whether any finding is an error (as opposed to a one-sided link or a
    /// Kommune naming itself).
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.finding.severity == Severity::Error)
    }
}
