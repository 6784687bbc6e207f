//! An assessed Kommune as the network needs it: who it is, which file says
//! so, and whom it names as partner for what. Only names and item labels
//! are kept, so a network of a thousand Kommunen stays small whatever the
//! files hold besides.

use crate::domain::assessment::Assessment;
use crate::domain::field::Field;
use crate::domain::finding::Position;
use crate::domain::status::Status;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// An assessed Kommune: a node of the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub ags: Option<String>,
    /// The file, as given on the command line.
    pub file: String,
    /// Every partner named, in field order of the items and list order of
    /// the partners.
    pub mentions: Vec<Mention>,
}

/// One partner named for one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The partner as written in the file.
    pub partner: String,
    pub item: LinkItem,
    pub status: Status,
    /// Where the item stands in the file, for findings.
    pub position: Option<Position>,
}

/// A suggestion or an own measure, as far as the network tells about it.
/// The texts are shared: a suggestion named ten thousand times is held once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LinkItem {
    /// The suggestion id, or the own measure's id.
    pub id: Arc<str>,
    pub own: bool,
    /// The category id.
    pub category: Arc<str>,
    /// The suggestion's text or the own measure's title.
    pub title: Arc<str>,
}

/// Makes [`Member`]s of assessments, sharing the texts of the field's
/// suggestions and categories between them.
#[derive(Debug, Clone)]
pub struct MemberCollector<'f> {
    field: &'f Field,
    suggestions: HashMap<&'f str, LinkItem>,
    categories: HashMap<&'f str, Arc<str>>,
}

impl<'f> MemberCollector<'f> {
    pub fn new(field: &'f Field) -> MemberCollector<'f> {
        let categories: HashMap<&str, Arc<str>> = field
            .categories
            .iter()
            .map(|c| (c.id.as_str(), Arc::from(c.id.as_str())))
            .collect();
        let suggestions = field
            .suggestions()
            .map(|(category, suggestion)| {
                let item = LinkItem {
                    id: Arc::from(suggestion.id.as_str()),
                    own: false,
                    category: categories[category.id.as_str()].clone(),
                    title: Arc::from(suggestion.text.as_str()),
                };
                (suggestion.id.as_str(), item)
            })
            .collect();
        MemberCollector {
            field,
            suggestions,
            categories,
        }
    }

    /// The Kommune of `assessment` from `file`, with every partner it names.
    /// `places` are the positions the loader found (`suggestions.<id>`,
    /// `own.<id>`); without them findings have no line and column.
    pub fn member(
        &self,
        file: &str,
        assessment: &Assessment,
        places: &BTreeMap<String, Position>,
    ) -> Member {
        let mut mentions = Vec::new();
        for item in assessment.items(self.field) {
            let Some(state) = item.recorded() else {
                continue;
            };
            if state.partners.is_empty() {
                continue;
            }
            let place = if item.own { "own." } else { "suggestions." };
            let position = places.get(&format!("{place}{}", item.id)).copied();
            let item_ref = match self.suggestions.get(item.id) {
                Some(suggestion) if !item.own => suggestion.clone(),
                _ => LinkItem {
                    id: Arc::from(item.id),
                    own: item.own,
                    category: self
                        .categories
                        .get(item.category)
                        .cloned()
                        .unwrap_or_else(|| Arc::from(item.category)),
                    title: Arc::from(item.title),
                },
            };
            mentions.extend(state.partners.iter().map(|partner| Mention {
                partner: partner.clone(),
                item: item_ref.clone(),
                status: state.status,
                position,
            }));
        }
        mentions.shrink_to_fit();
        Member {
            name: assessment.kommune.name.clone(),
            ags: assessment.kommune.ags.clone(),
            file: file.to_owned(),
            mentions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::read::load_str;

    #[test]
    fn keeps_every_partner_in_field_order_with_the_item_position() {
        let text = r#"schema = 1
field = "interkommunale-zusammenarbeit"
field_version = "1.0"

[kommune]
name = "Talbach"
ags = "08136999"
date = 2026-06-02

[suggestions.konzepte-mobilitaet]
status = "done"
partners = ["Rebstetten"]

[suggestions.infrastruktur-zusammenlegung]
status = "planned"
partners = ["Rebstetten", "Weiler ob Tal"]

[suggestions.bildung-zusammenarbeit]
status = "open"

[[own]]
id = "beschaffung"
category = "wirtschaft"
title = "Gemeinsame Beschaffung"
status = "in-progress"
partners = ["Weiler ob Tal"]
"#;
        let field = Field::embedded();
        let loaded = load_str(text, field);
        let member = MemberCollector::new(field).member(
            "talbach.kin.toml",
            loaded.assessment.as_ref().unwrap(),
            &loaded.places,
        );
        assert_eq!(member.name, "Talbach");
        assert_eq!(member.ags.as_deref(), Some("08136999"));
        let seen: Vec<(&str, &str, Status, usize)> = member
            .mentions
            .iter()
            .map(|m| {
                (
                    &*m.item.id,
                    m.partner.as_str(),
                    m.status,
                    m.position.unwrap().line,
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (
                    "infrastruktur-zusammenlegung",
                    "Rebstetten",
                    Status::Planned,
                    14
                ),
                (
                    "infrastruktur-zusammenlegung",
                    "Weiler ob Tal",
                    Status::Planned,
                    14
                ),
                ("beschaffung", "Weiler ob Tal", Status::InProgress, 21),
                ("konzepte-mobilitaet", "Rebstetten", Status::Done, 10),
            ]
        );
        let own = &member.mentions[2].item;
        assert!(own.own);
        assert_eq!(&*own.category, "wirtschaft");
        assert_eq!(&*own.title, "Gemeinsame Beschaffung");
        // Suggestions share their texts.
        assert!(Arc::ptr_eq(
            &member.mentions[0].item.title,
            &member.mentions[1].item.title
        ));
    }
}
