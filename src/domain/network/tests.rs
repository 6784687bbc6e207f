//! Building networks from hand-made Kommunen: matching, confirmation,
//! external partners and every kind of finding.

use super::connections::connections;
use super::*;
use crate::domain::field::Field;

/// A Kommune that names partners: `(partner, item id, own category)` where
/// an own measure is given by `Some(category)`.
fn member(name: &str, ags: Option<&str>, mentions: &[(&str, &str, Option<&str>)]) -> Member {
    let field = Field::embedded();
    Member {
        name: name.into(),
        ags: ags.map(Into::into),
        file: format!("{}.kin.toml", name.to_lowercase().replace(' ', "-")),
        mentions: mentions
            .iter()
            .enumerate()
            .map(|(i, (partner, id, own))| {
                let (category, title) = match own {
                    Some(category) => ((*category).to_owned(), format!("Eigene {id}")),
                    None => {
                        let (c, s) = field.suggestion(id).expect("a suggestion id");
                        (c.id.clone(), s.text.clone())
                    }
                };
                Mention {
                    partner: (*partner).into(),
                    item: LinkItem {
                        id: (*id).into(),
                        own: own.is_some(),
                        category: category.into(),
                        title: title.into(),
                    },
                    status: Status::Done,
                    position: Some(Position {
                        line: 10 + i,
                        column: 1,
                    }),
                }
            })
            .collect(),
    }
}

fn build(members: Vec<Member>) -> Network {
    Network::build(members, &Aliases::default(), Field::embedded())
}

fn build_with(members: Vec<Member>, aliases: &[(&str, &str)]) -> Network {
    let (aliases, findings) = Aliases::check(
        aliases
            .iter()
            .map(|(variant, target)| Alias {
                variant: (*variant).into(),
                target: (*target).into(),
                position: None,
            })
            .collect(),
    );
    assert!(findings.is_empty(), "{findings:?}");
    Network::build(members, &aliases, Field::embedded())
}

/// Each link as "from → to: item (confirmation)".
fn links(network: &Network) -> Vec<String> {
    network
        .links
        .iter()
        .map(|l| {
            let to = match l.to {
                Partner::Kommune(k) => network.kommunen[k].name.clone(),
                Partner::External(e) => format!("extern {}", network.externals[e].name),
            };
            format!(
                "{} → {to}: {} ({:?})",
                network.kommunen[l.from].name,
                l.item.id,
                l.confirmation()
            )
        })
        .collect()
}

fn codes(network: &Network) -> Vec<(&str, &str)> {
    network
        .findings
        .iter()
        .map(|f| (f.file.as_str(), f.finding.code))
        .collect()
}

const MOBILITY: &str = "konzepte-mobilitaet";
const ENERGY: &str = "konzepte-energie-klima";
const BUSINESS: &str = "wirtschaft-foerderung";

#[test]
fn the_same_suggestion_on_both_sides_confirms_both_links() {
    let network = build(vec![
        member("Talbach", None, &[("Rebstetten", MOBILITY, None)]),
        member("Rebstetten", None, &[("Talbach", MOBILITY, None)]),
    ]);
    assert_eq!(
        links(&network),
        [
            "Talbach → Rebstetten: konzepte-mobilitaet (Confirmed)",
            "Rebstetten → Talbach: konzepte-mobilitaet (Confirmed)",
        ]
    );
    assert_eq!(network.links[0].confirmed_by, [1]);
    assert!(network.findings.is_empty());
}

#[test]
fn another_suggestion_of_the_category_does_not_confirm_but_an_own_measure_does() {
    let network = build(vec![
        member(
            "Talbach",
            None,
            &[("Rebstetten", MOBILITY, None), ("Weiler", MOBILITY, None)],
        ),
        member("Rebstetten", None, &[("Talbach", ENERGY, None)]),
        member("Weiler", None, &[("Talbach", "ortsbus", Some("konzepte"))]),
    ]);
    assert_eq!(
        links(&network),
        [
            "Talbach → Rebstetten: konzepte-mobilitaet (OneSided)",
            "Talbach → Weiler: konzepte-mobilitaet (Confirmed)",
            "Rebstetten → Talbach: konzepte-energie-klima (OneSided)",
            // An own measure is confirmed by anything of its category.
            "Weiler → Talbach: ortsbus (Confirmed)",
        ]
    );
    assert_eq!(
        codes(&network),
        [
            ("talbach.kin.toml", codes::ONE_SIDED),
            ("rebstetten.kin.toml", codes::ONE_SIDED)
        ]
    );
    let message = &network.findings[0].finding.message;
    for part in [
        "Talbach nennt Rebstetten (rebstetten.kin.toml)",
        "„Gemeinsame Mobilitätskonzepte",
        "[konzepte-mobilitaet]",
        "Rebstetten nennt Talbach weder dort noch bei einer eigenen Maßnahme der Kategorie „Konzepte für mehr Nachhaltigkeit“",
    ] {
        assert!(message.contains(part), "{part:?} in {message}");
    }
    assert_eq!(
        network.findings[0].finding.position,
        Some(Position {
            line: 10,
            column: 1
        })
    );
}

#[test]
fn names_match_whatever_the_spelling_and_an_ags_matches_by_ags() {
    let network = build(vec![
        member(
            "Großbottwar",
            Some("08118019"),
            &[
                ("Stadt Weiler-ob-Tal", MOBILITY, None),
                ("08136999", BUSINESS, None),
            ],
        ),
        member("Weiler ob Tal", None, &[("GROSSBOTTWAR", MOBILITY, None)]),
        member("Talbach", Some("08136999"), &[("08118019", BUSINESS, None)]),
    ]);
    assert_eq!(
        links(&network),
        [
            "Großbottwar → Weiler ob Tal: konzepte-mobilitaet (Confirmed)",
            "Großbottwar → Talbach: wirtschaft-foerderung (Confirmed)",
            "Weiler ob Tal → Großbottwar: konzepte-mobilitaet (Confirmed)",
            "Talbach → Großbottwar: wirtschaft-foerderung (Confirmed)",
        ]
    );
    assert_eq!(network.links[0].written, "Stadt Weiler-ob-Tal");
}

#[test]
fn unmatched_partners_are_external_nodes_never_findings() {
    let network = build(vec![
        member(
            "Talbach",
            None,
            &[
                ("Landkreis Talbach", ENERGY, None),
                ("Kisumu (Kenia)", "international-eine-welt", None),
                ("Gemeinde Eschental", MOBILITY, None),
                ("08136010", BUSINESS, None),
            ],
        ),
        member(
            "Rebstetten",
            None,
            &[
                ("Landkreis-Talbach", ENERGY, None),
                ("Eschental", ENERGY, None),
            ],
        ),
    ]);
    let names: Vec<&str> = network.externals.iter().map(|e| e.name.as_str()).collect();
    // Sorted by key; one node per key, named as first written.
    assert_eq!(
        names,
        [
            "08136010",
            "Gemeinde Eschental",
            "Kisumu (Kenia)",
            "Landkreis Talbach"
        ]
    );
    assert!(network.findings.is_empty(), "{:?}", network.findings);
    assert_eq!(
        links(&network)[4..],
        [
            "Rebstetten → extern Landkreis Talbach: konzepte-energie-klima (External)",
            "Rebstetten → extern Gemeinde Eschental: konzepte-energie-klima (External)",
        ]
    );
    let summary = network.summary();
    assert_eq!(
        (summary.links, summary.external_links, summary.externals),
        (0, 6, 4)
    );
}

#[test]
fn aliases_lead_to_a_name_or_an_ags_and_merge_external_spellings() {
    let network = build_with(
        vec![
            member(
                "Talbach",
                Some("08136999"),
                &[
                    ("Rebstetten a. W.", MOBILITY, None),
                    ("LRA Talbach", ENERGY, None),
                ],
            ),
            member(
                "Rebstetten",
                None,
                &[
                    ("Kreisstadt", MOBILITY, None),
                    ("Landkreis Talbach", ENERGY, None),
                ],
            ),
        ],
        &[
            ("Rebstetten a. W.", "Rebstetten"),
            ("Kreisstadt", "08136999"),
            ("LRA Talbach", "Landkreis Talbach"),
        ],
    );
    assert_eq!(
        links(&network),
        [
            "Talbach → Rebstetten: konzepte-mobilitaet (Confirmed)",
            "Talbach → extern Landkreis Talbach: konzepte-energie-klima (External)",
            "Rebstetten → Talbach: konzepte-mobilitaet (Confirmed)",
            "Rebstetten → extern Landkreis Talbach: konzepte-energie-klima (External)",
        ]
    );
    assert_eq!(network.externals.len(), 1);
}

#[test]
fn a_name_of_two_kommunen_is_a_finding_never_a_guess() {
    let network = build(vec![
        member("Altdorf", Some("08115001"), &[]),
        member("Altdorf", Some("08426001"), &[]),
        member(
            "Talbach",
            None,
            &[("Altdorf", MOBILITY, None), ("08426001", BUSINESS, None)],
        ),
    ]);
    // Two Kommunen may share a name: their AGS tells them apart.
    assert_eq!(
        links(&network),
        ["Talbach → Altdorf: wirtschaft-foerderung (OneSided)"]
    );
    assert_eq!(
        network.links[0].to,
        Partner::Kommune(1),
        "the AGS picks the second Altdorf"
    );
    assert_eq!(
        codes(&network),
        [
            ("talbach.kin.toml", codes::AMBIGUOUS),
            ("talbach.kin.toml", codes::ONE_SIDED)
        ]
    );
    let message = &network.findings[0].finding.message;
    assert!(
        message.contains(
            "Altdorf (AGS 08115001, altdorf.kin.toml) und Altdorf (AGS 08426001, altdorf.kin.toml)"
        ),
        "{message}"
    );
    assert!(network.has_errors());
}

#[test]
fn the_same_kommune_twice_is_a_finding() {
    let network = build(vec![
        member(
            "Talbach",
            Some("08136999"),
            &[("Rebstetten", MOBILITY, None)],
        ),
        member("Rebstetten", None, &[("Talbach", MOBILITY, None)]),
        member("Stadt Talbach", None, &[]),
        member("Talbach neu", Some("08136999"), &[]),
    ]);
    assert_eq!(
        codes(&network),
        [
            ("talbach.kin.toml", codes::ONE_SIDED),
            ("rebstetten.kin.toml", codes::AMBIGUOUS),
            ("stadt-talbach.kin.toml", codes::DUPLICATE),
            ("talbach-neu.kin.toml", codes::DUPLICATE),
        ]
    );
    assert!(
        network.findings[2]
            .finding
            .message
            .contains("auch in talbach.kin.toml bewertet")
    );
    assert_eq!(network.summary().duplicates, 2);
}

#[test]
fn a_kommune_naming_itself_is_a_warning_and_no_link() {
    let network = build(vec![member(
        "Talbach",
        Some("08136999"),
        &[
            ("Stadt Talbach", MOBILITY, None),
            ("08136999", BUSINESS, None),
            ("Landkreis Talbach", MOBILITY, None),
        ],
    )]);
    assert_eq!(
        links(&network),
        ["Talbach → extern Landkreis Talbach: konzepte-mobilitaet (External)"]
    );
    assert_eq!(
        codes(&network),
        [
            ("talbach.kin.toml", codes::SELF),
            ("talbach.kin.toml", codes::SELF)
        ]
    );
    assert!(!network.has_errors());
    assert_eq!(network.summary().self_references, 2);
}

#[test]
fn empty_partner_lists_give_a_node_without_links() {
    let network = build(vec![
        member("Talbach", None, &[]),
        member("Rebstetten", None, &[]),
    ]);
    assert_eq!(network.kommunen.len(), 2);
    assert!(network.links.is_empty() && network.findings.is_empty());
    assert!(connections(&network).is_empty());
    assert_eq!(build(Vec::new()).summary(), Summary::default());
}

#[test]
fn a_partner_named_twice_for_the_same_item_counts_once() {
    let network = build(vec![
        member(
            "Talbach",
            None,
            &[
                ("Rebstetten", MOBILITY, None),
                ("Gemeinde Rebstetten", MOBILITY, None),
            ],
        ),
        member("Rebstetten", None, &[("Talbach", MOBILITY, None)]),
    ]);
    assert_eq!(network.links.len(), 2);
    assert_eq!(network.links[0].written, "Rebstetten");
}

#[test]
fn connections_group_links_by_pair_category_and_confirmation() {
    let network = build(vec![
        member(
            "Talbach",
            None,
            &[
                ("Rebstetten", MOBILITY, None),
                ("Rebstetten", ENERGY, None),
                ("Rebstetten", BUSINESS, None),
                ("Landkreis", ENERGY, None),
            ],
        ),
        member(
            "Rebstetten",
            None,
            &[
                ("Talbach", MOBILITY, None),
                ("Talbach", "ortsbus", Some("konzepte")),
            ],
        ),
    ]);
    let all = connections(&network);
    let seen: Vec<(usize, Partner, &str, Confirmation, usize)> = all
        .iter()
        .map(|c| (c.from, c.to, &*c.category, c.confirmation, c.links.len()))
        .collect();
    assert_eq!(
        seen,
        [
            // Mobility and energy are confirmed by the own measure "ortsbus".
            (
                0,
                Partner::Kommune(1),
                "konzepte",
                Confirmation::Confirmed,
                4
            ),
            (
                0,
                Partner::Kommune(1),
                "wirtschaft",
                Confirmation::OneSided,
                1
            ),
            (
                0,
                Partner::External(0),
                "konzepte",
                Confirmation::External,
                1
            ),
        ]
    );
    let items = connections(&network)[0].items(&network);
    let ids: Vec<&str> = items.iter().map(|i| &*i.item.id).collect();
    assert_eq!(ids, [MOBILITY, ENERGY, "ortsbus"]);
}

fn item(id: &str, own: bool, category: &str) -> LinkItem {
    LinkItem {
        id: id.into(),
        own,
        category: category.into(),
        title: id.into(),
    }
}

#[test]
fn a_suggestion_is_confirmed_by_the_same_suggestion_or_an_own_measure_of_its_category() {
    let mobility = item("konzepte-mobilitaet", false, "konzepte");
    assert!(confirms(&mobility, &mobility));
    assert!(confirms(&item("ortsbus", true, "konzepte"), &mobility));
    // Another suggestion of the same category does not confirm it.
    assert!(!confirms(
        &item("konzepte-energie-klima", false, "konzepte"),
        &mobility
    ));
    assert!(!confirms(&item("bauhof", true, "infrastruktur"), &mobility));
}

#[test]
fn an_own_measure_is_confirmed_by_anything_of_its_category() {
    let purchase = item("beschaffung", true, "wirtschaft");
    assert!(confirms(
        &item("wirtschaft-foerderung", false, "wirtschaft"),
        &purchase
    ));
    assert!(confirms(&item("einkauf", true, "wirtschaft"), &purchase));
    assert!(!confirms(
        &item("bildung-zusammenarbeit", false, "bildung"),
        &purchase
    ));
}
