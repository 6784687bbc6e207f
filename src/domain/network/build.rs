//! Building the network: matching every partner name to an assessed
//! Kommune or an external partner, then finding which links are confirmed.

use super::name_key::name_key;
use super::{
    Aliases, External, Link, Member, Mention, Network, NetworkFinding, Node, Partner, codes,
    confirms,
};
use crate::domain::assessment::is_valid_ags;
use crate::domain::field::Field;
use crate::domain::finding::{Finding, Severity};
use crate::messages as msg;
use std::collections::{HashMap, HashSet};

/// What a partner name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Resolution {
    Kommune(usize),
    /// Several assessed Kommunen have this name (or AGS).
    Ambiguous(Vec<usize>),
    /// No assessed Kommune: an external partner under this key and name.
    External {
        key: String,
        name: String,
    },
}

/// The assessed Kommunen by name key and by AGS, and the aliases.
struct Directory<'a> {
    by_key: HashMap<String, Vec<usize>>,
    by_ags: HashMap<&'a str, Vec<usize>>,
    aliases: &'a Aliases,
}

impl<'a> Directory<'a> {
    fn new(kommunen: &'a [Node], aliases: &'a Aliases) -> Directory<'a> {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_ags: HashMap<&str, Vec<usize>> = HashMap::new();
        for (index, node) in kommunen.iter().enumerate() {
            by_key.entry(name_key(&node.name)).or_default().push(index);
            if let Some(ags) = &node.ags {
                by_ags.entry(ags.as_str()).or_default().push(index);
            }
        }
        Directory {
            by_key,
            by_ags,
            aliases,
        }
    }

    /// An alias first (once), then an 8-digit AGS, then the name key.
    fn resolve(&self, written: &str) -> Resolution {
        let aliased = self.aliases.target(written);
        let target = aliased.unwrap_or(written).trim();
        let (key, found) = if is_valid_ags(target) {
            (target.to_owned(), self.by_ags.get(target))
        } else {
            let key = name_key(target);
            let found = self.by_key.get(&key);
            (key, found)
        };
        match found.map(Vec::as_slice) {
            Some([one]) => Resolution::Kommune(*one),
            Some(many) if !many.is_empty() => Resolution::Ambiguous(many.to_vec()),
            _ => Resolution::External {
                key,
                name: aliased.unwrap_or(written).trim().to_owned(),
            },
        }
    }
}

impl Network {
    /// The network of `members` (in file order), with `aliases` for
    /// spellings kin cannot match by itself.
    pub fn build(members: Vec<Member>, aliases: &Aliases, field: &Field) -> Network {
        let kommunen: Vec<Node> = members
            .iter()
            .map(|m| Node {
                name: m.name.clone(),
                ags: m.ags.clone(),
                file: m.file.clone(),
            })
            .collect();
        let mut findings: Vec<(usize, NetworkFinding)> = duplicates(&kommunen);
        let directory = Directory::new(&kommunen, aliases);

        let mut links = Vec::with_capacity(members.iter().map(|m| m.mentions.len()).sum());
        let mut external_index: HashMap<String, usize> = HashMap::new();
        let mut externals: Vec<(String, External)> = Vec::new();
        for (from, member) in members.into_iter().enumerate() {
            let mut seen = HashSet::new();
            for mention in member.mentions {
                let to = match directory.resolve(&mention.partner) {
                    Resolution::Kommune(to) if to == from => {
                        findings.push((from, self_reference(&kommunen[from], &mention)));
                        continue;
                    }
                    Resolution::Kommune(to) => Partner::Kommune(to),
                    Resolution::Ambiguous(candidates) => {
                        let finding = ambiguous(&kommunen, from, &candidates, &mention);
                        findings.push((from, finding));
                        continue;
                    }
                    Resolution::External { key, name } => {
                        let index = *external_index.entry(key.clone()).or_insert_with(|| {
                            externals.push((key, External { name }));
                            externals.len() - 1
                        });
                        Partner::External(index)
                    }
                };
                if !seen.insert((to, mention.item.own, mention.item.id.clone())) {
                    continue;
                }
                links.push(Link {
                    from,
                    to,
                    written: mention.partner,
                    item: mention.item,
                    status: mention.status,
                    position: mention.position,
                    confirmed_by: Vec::new(),
                });
            }
        }

        let externals = sort_externals(externals, &mut links);
        confirm(&mut links);
        for link in &links {
            if let Partner::Kommune(to) = link.to
                && link.confirmed_by.is_empty()
            {
                let finding = one_sided(&kommunen[link.from], &kommunen[to], link, field);
                findings.push((link.from, finding));
            }
        }
        // In file order, then by position; findings without one first.
        findings.sort_by_key(|(file, f)| (*file, f.finding.position));
        Network {
            kommunen,
            externals,
            links,
            findings: findings.into_iter().map(|(_, f)| f).collect(),
        }
    }
}

/// Sorts external partners by their key and points the links at the new
/// places.
fn sort_externals(mut externals: Vec<(String, External)>, links: &mut [Link]) -> Vec<External> {
    let mut order: Vec<usize> = (0..externals.len()).collect();
    order.sort_by(|&a, &b| externals[a].0.cmp(&externals[b].0));
    let mut new_place = vec![0; externals.len()];
    for (place, &old) in order.iter().enumerate() {
        new_place[old] = place;
    }
    for link in links {
        if let Partner::External(old) = link.to {
            link.to = Partner::External(new_place[old]);
        }
    }
    let mut slots: Vec<Option<External>> = externals.drain(..).map(|(_, e)| Some(e)).collect();
    order
        .iter()
        .map(|&old| slots[old].take().expect("each external once"))
        .collect()
}

/// Fills in `confirmed_by`: for each link from A to Kommune B, B's links to
/// A that confirm it.
fn confirm(links: &mut [Link]) {
    let mut between: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (index, link) in links.iter().enumerate() {
        if let Partner::Kommune(to) = link.to {
            between.entry((link.from, to)).or_default().push(index);
        }
    }
    for index in 0..links.len() {
        let Partner::Kommune(to) = links[index].to else {
            continue;
        };
        let Some(back) = between.get(&(to, links[index].from)) else {
            continue;
        };
        let confirmed_by: Vec<usize> = back
            .iter()
            .copied()
            .filter(|&b| confirms(&links[b].item, &links[index].item))
            .collect();
        links[index].confirmed_by = confirmed_by;
    }
}

/// Two files of the same Kommune: the same AGS, or the same name where not
/// both have an AGS (two Kommunen may share a name; their AGS differ).
fn duplicates(kommunen: &[Node]) -> Vec<(usize, NetworkFinding)> {
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_ags: HashMap<&str, usize> = HashMap::new();
    let mut findings = Vec::new();
    for (index, node) in kommunen.iter().enumerate() {
        let same_name = by_key.entry(name_key(&node.name)).or_default();
        let earlier = same_name
            .iter()
            .copied()
            .find(|&e| match (&kommunen[e].ags, &node.ags) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            })
            .or_else(|| by_ags.get(node.ags.as_deref()?).copied());
        same_name.push(index);
        if let Some(ags) = &node.ags {
            by_ags.entry(ags).or_insert(index);
        }
        if let Some(earlier) = earlier {
            findings.push((
                index,
                NetworkFinding {
                    file: node.file.clone(),
                    finding: Finding {
                        severity: Severity::Error,
                        code: codes::DUPLICATE,
                        message: msg::network_duplicate(&node.name, &kommunen[earlier].file),
                        position: None,
                    },
                },
            ));
        }
    }
    findings
}

fn self_reference(node: &Node, mention: &Mention) -> NetworkFinding {
    NetworkFinding {
        file: node.file.clone(),
        finding: Finding {
            severity: Severity::Warning,
            code: codes::SELF,
            message: msg::network_self_reference(
                &node.name,
                &mention.partner,
                &mention.item.title,
                &mention.item.id,
            ),
            position: mention.position,
        },
    }
}

fn ambiguous(
    kommunen: &[Node],
    from: usize,
    candidates: &[usize],
    mention: &Mention,
) -> NetworkFinding {
    let candidates: Vec<msg::NetworkCandidate<'_>> = candidates
        .iter()
        .map(|&c| msg::NetworkCandidate {
            name: &kommunen[c].name,
            ags: kommunen[c].ags.as_deref(),
            file: &kommunen[c].file,
        })
        .collect();
    NetworkFinding {
        file: kommunen[from].file.clone(),
        finding: Finding {
            severity: Severity::Error,
            code: codes::AMBIGUOUS,
            message: msg::network_ambiguous(
                &mention.partner,
                &mention.item.title,
                &mention.item.id,
                &candidates,
            ),
            position: mention.position,
        },
    }
}

fn one_sided(from: &Node, to: &Node, link: &Link, field: &Field) -> NetworkFinding {
    let category = field
        .category(&link.item.category)
        .map_or(&*link.item.category, |c| c.title.as_str());
    NetworkFinding {
        file: from.file.clone(),
        finding: Finding {
            severity: Severity::Warning,
            code: codes::ONE_SIDED,
            message: msg::network_one_sided(&msg::OneSided {
                from: &from.name,
                to: &to.name,
                to_file: &to.file,
                item_title: &link.item.title,
                item_id: &link.item.id,
                own: link.item.own,
                category,
            }),
            position: link.position,
        },
    }
}
