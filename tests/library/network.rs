//! The cooperation network in-process: the example Landkreis built from its
//! files, the picture as an embeddable SVG element, and properties of
//! networks of generated Kommunen with arbitrary partner names.

use kin::domain::field::Field;
use kin::domain::finding::Position;
use kin::domain::network::{
    Aliases, Confirmation, LinkItem, Member, MemberCollector, Mention, Network, Partner, confirms,
};
use kin::domain::status::Status;
use kin::format::read::load_str;
use kin::render::network::svg::network_svg;
use proptest::prelude::*;
use std::path::Path;

fn landkreis() -> Network {
    let field = Field::embedded();
    let collector = MemberCollector::new(field);
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/landkreis-ostertal");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".kin.toml"))
        .collect();
    files.sort();
    let members = files
        .iter()
        .map(|path| {
            let loaded = load_str(&std::fs::read_to_string(path).unwrap(), field);
            let name = path.file_name().unwrap().to_string_lossy();
            collector.member(&name, loaded.assessment.as_ref().unwrap(), &loaded.places)
        })
        .collect();
    Network::build(members, &Aliases::default(), field)
}

/// What the district HTML report embeds: an `<svg>` element, no XML
/// declaration, every id prefixed so that it cannot clash with the page.
#[test]
fn the_picture_is_an_element_to_embed() {
    let svg = network_svg(&landkreis(), Field::embedded());
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" "),
        "{}",
        &svg[..80]
    );
    assert!(svg.ends_with("</svg>\n"));
    let document = roxmltree::Document::parse(&svg).unwrap();
    let ids: Vec<&str> = document
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    assert!(!ids.is_empty());
    assert!(ids.iter().all(|id| id.starts_with("kin-netz-")), "{ids:?}");
    let root = document.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    assert!(root.attribute("viewBox").is_some());
}

#[test]
fn the_example_landkreis_has_its_known_one_sided_partnerships() {
    let network = landkreis();
    let one_sided: Vec<String> = network
        .links
        .iter()
        .filter(|l| l.confirmation() == Confirmation::OneSided)
        .map(|l| {
            let Partner::Kommune(to) = l.to else {
                unreachable!()
            };
            format!(
                "{} → {}: {}",
                network.kommunen[l.from].name, network.kommunen[to].name, l.item.id
            )
        })
        .collect();
    assert_eq!(
        one_sided,
        [
            "Großbühlach → Haldenburg: wirtschaft-gruenderzentrum",
            "Haldenburg → St. Veitsberg: hallenbad-verbund",
            "Mühlbronn → Haldenburg: konzepte-mobilitaet",
            "Weiler am Eck → Ebersried: konzepte-nachhaltigkeitsregion",
        ]
    );
}

// ---- properties ---------------------------------------------------------------

const NAMES: [&str; 5] = [
    "Talbach",
    "Großbühlach",
    "Weiler am Eck",
    "St. Veitsberg",
    "Talbach",
];

/// How a partner may be written: a Kommune's name in some spelling, an AGS,
/// or anything at all.
fn partner() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0..NAMES.len(), 0..4usize).prop_map(|(i, spelling)| match spelling {
            0 => NAMES[i].to_owned(),
            1 => format!("Gemeinde {}", NAMES[i]),
            2 => NAMES[i].to_uppercase().replace('ß', "SS"),
            _ => NAMES[i].replace(' ', "-"),
        }),
        1 => (0..NAMES.len()).prop_map(|i| format!("0811100{i}")),
        1 => "\\PC{0,12}",
    ]
}

/// A Kommune of `NAMES` (two share a name, told apart by AGS) naming
/// partners for random suggestions and own measures.
fn member(index: usize) -> impl Strategy<Value = Member> {
    let field = Field::embedded();
    let items: Vec<(String, bool, String)> = field
        .suggestions()
        .map(|(c, s)| (s.id.clone(), false, c.id.clone()))
        .chain(
            field
                .categories
                .iter()
                .map(|c| (format!("eigen-{}", c.id), true, c.id.clone())),
        )
        .collect();
    prop::collection::vec((prop::sample::select(items), partner()), 0..8).prop_map(move |named| {
        Member {
            name: NAMES[index].to_owned(),
            ags: index.is_multiple_of(2).then(|| format!("0811100{index}")),
            file: format!("k{index}.kin.toml"),
            mentions: named
                .into_iter()
                .enumerate()
                .map(|(line, ((id, own, category), partner))| Mention {
                    partner,
                    item: LinkItem {
                        title: id.as_str().into(),
                        id: id.as_str().into(),
                        own,
                        category: category.as_str().into(),
                    },
                    status: Status::Done,
                    position: Some(Position {
                        line: line + 1,
                        column: 1,
                    }),
                })
                .collect(),
        }
    })
}

fn members() -> impl Strategy<Value = Vec<Member>> {
    (1..=NAMES.len()).prop_flat_map(|count| (0..count).map(member).collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever the names: links are confirmed exactly when the rules say,
    /// the figures add up, and the picture is well-formed and the same
    /// every time.
    #[test]
    fn networks_keep_their_rules(members in members()) {
        let field = Field::embedded();
        let network = Network::build(members, &Aliases::default(), field);
        for (index, link) in network.links.iter().enumerate() {
            prop_assert!(link.to != Partner::Kommune(link.from), "no link to itself");
            match link.to {
                Partner::Kommune(to) => {
                    let expected: Vec<usize> = network
                        .links
                        .iter()
                        .enumerate()
                        .filter(|(_, back)| back.from == to && back.to == Partner::Kommune(link.from))
                        .filter(|(_, back)| confirms(&back.item, &link.item))
                        .map(|(i, _)| i)
                        .collect();
                    prop_assert_eq!(&link.confirmed_by, &expected, "link {}", index);
                }
                Partner::External(_) => prop_assert!(link.confirmed_by.is_empty()),
            }
        }
        let summary = network.summary();
        prop_assert_eq!(summary.links + summary.external_links, network.links.len());
        prop_assert_eq!(
            summary.one_sided,
            network.findings.iter().filter(|f| f.finding.code == "one-sided").count()
        );
        let svg = network_svg(&network, field);
        prop_assert!(roxmltree::Document::parse(&svg).is_ok(), "{}", svg);
        prop_assert_eq!(svg, network_svg(&network, field));
    }
}
