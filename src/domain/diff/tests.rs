use super::*;
use crate::test_support::{sample, state};
use Status::*;

fn date(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).unwrap()
}

fn base() -> Assessment {
    let foerderung = ItemState {
        status: Planned,
        note: Some("Gewerbegebiet Nord".into()),
        partners: vec!["Nachbarstadt".into(), "Landkreis".into()],
        evidence: vec!["Beschluss 2024/17".into()],
        responsible: Some("Wirtschaftsförderung".into()),
        due: Some(date(2027, 6, 30)),
    };
    let klaerschlamm = "Gemeinsame Klärschlammverwertung";
    sample("Musterhausen")
        .ags("08115999")
        .assessor("Frau Beispiel")
        .dated(date(2025, 3, 1))
        .answer("kooperationen-bestehend", "Bauhof")
        .suggestion("wirtschaft-foerderung", foerderung)
        .own(
            "klaerschlamm",
            "infrastruktur",
            klaerschlamm,
            state(InProgress),
        )
        .build()
}

fn diff_of(old: &Assessment, new: &Assessment) -> AssessmentDiff {
    diff(old, new, Field::embedded())
}

/// The only change between `old` and `new`.
fn only_change(old: &Assessment, new: &Assessment) -> Change {
    let d = diff_of(old, new);
    assert_eq!(d.changes.len(), 1, "{:#?}", d.changes);
    d.changes.into_iter().next().unwrap()
}

fn with_foerderung(edit: impl FnOnce(&mut ItemState)) -> Assessment {
    let mut a = base();
    edit(a.suggestions.get_mut("wirtschaft-foerderung").unwrap());
    a
}

#[test]
fn an_assessment_has_no_changes_with_itself() {
    let a = base();
    let d = diff_of(&a, &a);
    assert!(d.is_empty());
    assert!(!d.has_regression());
    assert!(d.same_kommune);
    assert!(d.same_field_version());
    assert_eq!(d.old_counts, d.new_counts);
    assert!(d.groups().is_empty());
}

#[test]
fn status_directions_follow_the_progress_order() {
    use Direction::*;
    let cases = [
        (Unknown, Open, Improvement),
        (Open, Planned, Improvement),
        (Planned, InProgress, Improvement),
        (InProgress, Done, Improvement),
        (Unknown, Done, Improvement),
        (Done, InProgress, Regression),
        (Planned, Open, Regression),
        (Open, Unknown, Regression),
        (Done, NotApplicable, Neutral),
        (NotApplicable, Open, Neutral),
        (Unknown, NotApplicable, Neutral),
    ];
    for (from, to, direction) in cases {
        assert_eq!(Direction::of(from, to), direction, "{from} → {to}");
    }
}

#[test]
fn a_status_change_names_its_direction() {
    let old = base();
    let new = with_foerderung(|s| s.status = Done);
    let change = only_change(&old, &new);
    assert_eq!(change.id(), "wirtschaft-foerderung");
    assert_eq!(change.kind.as_str(), "status");
    assert_eq!(
        change.kind,
        ChangeKind::Status(Edit {
            from: Planned,
            to: Done
        })
    );
    assert_eq!(change.direction(), Some(Direction::Improvement));
    assert_eq!(change.target.category(), Some("wirtschaft"));
    assert!(!diff_of(&old, &new).has_regression());
    assert!(diff_of(&new, &old).has_regression());
}

#[test]
fn a_suggestion_missing_from_a_file_counts_as_unknown() {
    let old = base();
    let mut new = base();
    new.suggestions.insert(
        "bildung-zusammenarbeit".into(),
        ItemState {
            status: Open,
            ..ItemState::default()
        },
    );
    let change = only_change(&old, &new);
    assert_eq!(
        change.kind,
        ChangeKind::Status(Edit {
            from: Unknown,
            to: Open
        })
    );
    assert_eq!(diff_of(&old, &new).count(Direction::Improvement), 1);
}

#[test]
fn not_applicable_is_neutral_but_shown() {
    let old = base();
    let new = with_foerderung(|s| s.status = NotApplicable);
    let d = diff_of(&old, &new);
    assert_eq!(d.count(Direction::Neutral), 1);
    assert!(!d.has_regression());
    assert!(!diff_of(&new, &old).has_regression());
}

#[test]
fn note_responsible_and_due_changes() {
    let old = base();
    let new = with_foerderung(|s| s.note = Some("Gewerbegebiet Süd".into()));
    let change = only_change(&old, &new);
    assert_eq!(
        change.kind,
        ChangeKind::Note(Edit {
            from: Some("Gewerbegebiet Nord".into()),
            to: Some("Gewerbegebiet Süd".into())
        })
    );

    let new = with_foerderung(|s| s.responsible = None);
    assert_eq!(only_change(&old, &new).kind.as_str(), "responsible");

    let new = with_foerderung(|s| s.due = Some(date(2028, 1, 31)));
    assert_eq!(
        only_change(&old, &new).kind,
        ChangeKind::Due(Edit {
            from: Some(date(2027, 6, 30)),
            to: Some(date(2028, 1, 31))
        })
    );
}

#[test]
fn partners_and_evidence_are_compared_as_sets() {
    let old = base();
    let new = with_foerderung(|s| {
        s.partners = vec!["Landkreis".into(), "Zweckverband".into()];
    });
    let change = only_change(&old, &new);
    let ChangeKind::Partners(edit) = &change.kind else {
        panic!("{change:?}");
    };
    assert_eq!(edit.added(), ["Zweckverband"]);
    assert_eq!(edit.removed(), ["Nachbarstadt"]);

    let reordered = with_foerderung(|s| s.partners.reverse());
    assert!(diff_of(&old, &reordered).is_empty());

    let new = with_foerderung(|s| s.evidence.push("https://example.org/protokoll".into()));
    let change = only_change(&old, &new);
    let ChangeKind::Evidence(edit) = &change.kind else {
        panic!("{change:?}");
    };
    assert_eq!(edit.added(), ["https://example.org/protokoll"]);
    assert!(edit.removed().is_empty());
}

#[test]
fn answers_added_changed_and_removed() {
    let old = base();
    let mut new = base();
    new.answers
        .insert("kooperationen-bestehend".into(), "Bauhof, Feuerwehr".into());
    new.answers
        .insert("synergien-potenzial".into(), "Verwaltung".into());
    let d = diff_of(&old, &new);
    let ids: Vec<_> = d
        .changes
        .iter()
        .map(|c| (c.id(), c.kind.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            ("kooperationen-bestehend", "answer"),
            ("synergien-potenzial", "answer")
        ]
    );
    assert_eq!(
        d.changes[1].kind,
        ChangeKind::Answer(Edit {
            from: None,
            to: Some("Verwaltung".into())
        })
    );
    new.answers.clear();
    let change = only_change(&old, &new);
    assert_eq!(
        change.kind,
        ChangeKind::Answer(Edit {
            from: Some("Bauhof".into()),
            to: None
        })
    );
}

#[test]
fn own_measures_added_removed_and_changed() {
    let old = base();
    let mut new = base();
    new.own.clear();
    let removed = only_change(&old, &new);
    assert_eq!(removed.kind.as_str(), "own-removed");
    assert_eq!(removed.id(), "klaerschlamm");
    let added = only_change(&new, &old);
    assert_eq!(added.kind, ChangeKind::OwnAdded(old.own[0].clone()));

    let mut new = base();
    new.own[0].title = "Klärschlamm mit dem Zweckverband".into();
    new.own[0].category = "konzepte".into();
    new.own[0].state.status = Done;
    let d = diff_of(&old, &new);
    let kinds: Vec<_> = d.changes.iter().map(|c| c.kind.as_str()).collect();
    assert_eq!(kinds, ["title", "category", "status"]);
    assert_eq!(
        d.changes[0].target,
        ChangeTarget::Own {
            id: "klaerschlamm".into(),
            category: "konzepte".into(),
            title: "Klärschlamm mit dem Zweckverband".into()
        }
    );
    assert_eq!(d.groups().len(), 1);
    assert_eq!(d.groups()[0].direction(), Some(Direction::Improvement));
}

#[test]
fn kommune_changes_name_their_key() {
    let old = base();
    let mut new = base();
    new.kommune.assessor = None;
    new.kommune.date = date(2026, 11, 25);
    let d = diff_of(&old, &new);
    let got: Vec<_> = d
        .changes
        .iter()
        .map(|c| (c.id(), c.kind.as_str(), c.target.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("assessor", "kommune", "kommune"),
            ("date", "kommune", "kommune")
        ]
    );
    assert_eq!(
        d.changes[1].kind,
        ChangeKind::Kommune(
            KommuneKey::Date,
            Edit {
                from: Some("2025-03-01".into()),
                to: Some("2026-11-25".into())
            }
        )
    );
    assert!(d.same_kommune);
}

#[test]
fn different_kommunen_are_recognised_by_ags_then_name() {
    let a = base().kommune;
    let renamed = Kommune {
        name: "Musterhausen am See".into(),
        ..a.clone()
    };
    assert!(same_kommune(&a, &renamed), "same AGS");
    let peer = Kommune {
        ags: Some("08115998".into()),
        ..a.clone()
    };
    assert!(!same_kommune(&a, &peer), "different AGS");
    let no_ags = Kommune {
        ags: None,
        name: " musterhausen ".into(),
        ..a.clone()
    };
    assert!(same_kommune(&a, &no_ags), "name, ignoring case and spaces");
    let other = Kommune {
        ags: None,
        name: "Beispielstadt".into(),
        ..a.clone()
    };
    assert!(!same_kommune(&a, &other));
}

#[test]
fn field_versions_are_reported() {
    let old = base();
    let mut new = base();
    new.field_version = "1.1".into();
    let d = diff_of(&old, &new);
    assert!(d.is_empty(), "the version is not a content change");
    assert!(!d.same_field_version());
    assert_eq!(d.field_versions.to, "1.1");
}

#[test]
fn changes_follow_field_order_and_group_by_item() {
    let old = base();
    let mut new = base();
    new.kommune.date = date(2026, 11, 25);
    new.suggestions.insert(
        "international-eine-welt".into(),
        ItemState {
            status: Open,
            ..ItemState::default()
        },
    );
    new.suggestions.insert(
        "infrastruktur-zusammenlegung".into(),
        ItemState {
            status: Done,
            partners: vec!["Nachbarstadt".into()],
            ..ItemState::default()
        },
    );
    new.own.push(OwnMeasure {
        id: "buergerbus".into(),
        category: "infrastruktur".into(),
        title: "Bürgerbus".into(),
        state: ItemState::default(),
    });
    {
        let f = new.suggestions.get_mut("wirtschaft-foerderung").unwrap();
        f.status = Open;
        f.note = None;
    }
    let d = diff_of(&old, &new);
    let got: Vec<_> = d
        .changes
        .iter()
        .map(|c| (c.id(), c.kind.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("date", "kommune"),
            ("infrastruktur-zusammenlegung", "status"),
            ("infrastruktur-zusammenlegung", "partners"),
            ("buergerbus", "own-added"),
            ("wirtschaft-foerderung", "status"),
            ("wirtschaft-foerderung", "note"),
            ("international-eine-welt", "status"),
        ]
    );
    let directions: Vec<_> = d.groups().iter().map(ChangeGroup::direction).collect();
    assert_eq!(
        directions,
        [
            None,
            Some(Direction::Improvement),
            None,
            Some(Direction::Regression),
            Some(Direction::Improvement),
        ]
    );
    assert_eq!(d.count(Direction::Improvement), 2);
    assert_eq!(d.count(Direction::Regression), 1);
    assert!(d.has_regression());
    assert_eq!(d.new_counts.get(Done), 1);
}

#[test]
fn an_absent_side_shows_everything_as_added() {
    let new = base();
    let old = nothing_recorded_like(&new);
    let d = diff_of(&old, &new);
    let got: Vec<_> = d
        .changes
        .iter()
        .map(|c| (c.id(), c.kind.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("kooperationen-bestehend", "answer"),
            ("klaerschlamm", "own-added"),
            ("wirtschaft-foerderung", "status"),
            ("wirtschaft-foerderung", "note"),
            ("wirtschaft-foerderung", "partners"),
            ("wirtschaft-foerderung", "evidence"),
            ("wirtschaft-foerderung", "responsible"),
            ("wirtschaft-foerderung", "due"),
        ]
    );
    let d = diff_of(&new, &old);
    assert_eq!(d.changes[1].kind.as_str(), "own-removed");
    assert!(d.has_regression(), "planned → unknown went backwards");
}
