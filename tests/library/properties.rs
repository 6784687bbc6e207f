//! Properties of the file format, checked on generated assessments: whatever
//! a person records, kin saves it so that it loads back the same, saves it
//! the same way every time, and leaves an unchanged file alone.

use jiff::civil::Date;
use kin::domain::assessment::{Assessment, ItemState, Kommune, OwnMeasure};
use kin::domain::field::Field;
use kin::domain::status::Status;
use kin::format::read::{LoadScope, load, load_str, load_with};
use kin::format::write::{to_toml, update_document};
use proptest::prelude::*;
use std::collections::BTreeMap;
use toml_edit::DocumentMut;

/// Few enough cases to keep `cargo test` fast, many enough to find trouble;
/// `PROPTEST_CASES=10000 cargo test --test library properties` for a longer run.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(96),
        ..ProptestConfig::default()
    }
}

/// Characters that break naive writers: quotes, backslashes, line breaks,
/// control characters, terminal escapes, a BOM, umlauts, other scripts.
fn nasty_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        2 => prop::sample::select(vec![
            '"', '\'', '\\', '\n', '\r', '\t', '\u{0}', '\u{1b}', '\u{7}', '\u{7f}', '\u{85}',
            '\u{feff}', '\u{2028}', '#', '=', '[', ']', '{', '}', ',', ' ',
        ]),
        5 => prop::sample::select(vec!['a', 'e', 'ä', 'ö', 'ü', 'ß', 'Ä', 'z', '„', '“', '€', '1']),
    ]
}

/// Pieces of text that mean something to TOML or git when they start a line
/// or sit in a multi-line string.
fn nasty_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        20 => nasty_char().prop_map(String::from),
        1 => prop::sample::select(vec![
            "\n=======\n", "\n<<<<<<< HEAD\n", "\n>>>>>>> main", "\n||||||| base\n",
            "\"\"\"", "'''", "\r\n", "\\u0041", "# ", "\n[kommune]\n",
        ])
        .prop_map(String::from),
    ]
}

/// Text as kin holds it (line breaks unified, see `unify_line_breaks`).
fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(nasty_piece(), 0..max)
        .prop_map(|pieces| kin::domain::assessment::unify_line_breaks(&pieces.concat()))
}

/// Text that is not blank (kin rejects blank names, titles and list entries).
fn non_blank(max: usize) -> impl Strategy<Value = String> {
    (text(max), "[A-Za-zÄÖÜäöüß0-9]").prop_map(|(mut t, c)| {
        t.push_str(&c);
        t
    })
}

fn date() -> impl Strategy<Value = Date> {
    // TOML dates have four-digit years.
    (0i16..=9999, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| {
        Date::new(y, m, d).unwrap_or_else(|_| Date::new(y, m, 28).expect("day 28 exists"))
    })
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn item_state() -> impl Strategy<Value = ItemState> {
    (
        status(),
        prop::option::of(text(40)),
        prop::collection::vec(non_blank(12), 0..4),
        prop::collection::vec(non_blank(20), 0..3),
        prop::option::of(text(15)),
        prop::option::of(date()),
    )
        .prop_map(
            |(status, note, partners, evidence, responsible, due)| ItemState {
                status,
                note,
                partners,
                evidence,
                responsible,
                due,
            },
        )
}

fn kommune() -> impl Strategy<Value = Kommune> {
    (
        non_blank(30),
        prop::option::of("[0-9]{8}"),
        prop::option::of(text(30)),
        date(),
    )
        .prop_map(|(name, ags, assessor, date)| Kommune {
            name,
            ags,
            assessor,
            date,
        })
}

fn own_measures(field: &'static Field) -> impl Strategy<Value = Vec<OwnMeasure>> {
    let categories: Vec<String> = field.categories.iter().map(|c| c.id.clone()).collect();
    prop::collection::vec(
        (
            "[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}",
            prop::sample::select(categories),
            non_blank(30),
            item_state(),
        ),
        0..5,
    )
    .prop_map(move |measures| {
        let mut seen = std::collections::HashSet::new();
        measures
            .into_iter()
            // Ids are unique and never a suggestion's id.
            .filter(|(id, ..)| field.suggestion(id).is_none() && seen.insert(id.clone()))
            .map(|(id, category, title, state)| OwnMeasure {
                id,
                category,
                title,
                state,
            })
            .collect()
    })
}

/// Any assessment kin accepts: what a loaded file can hold.
fn assessment() -> impl Strategy<Value = Assessment> {
    let field = Field::embedded();
    let question_ids: Vec<String> = field.questions.iter().map(|q| q.id.clone()).collect();
    let suggestion_ids: Vec<String> = field.suggestions().map(|(_, s)| s.id.clone()).collect();
    (
        kommune(),
        prop::collection::btree_map(prop::sample::select(question_ids), non_blank(60), 0..3),
        prop::collection::btree_map(prop::sample::select(suggestion_ids), item_state(), 0..9),
        own_measures(field),
    )
        .prop_map(move |(kommune, answers, suggestions, own)| {
            let mut a = Assessment::new(field, kommune);
            a.answers = answers;
            // A loaded file holds no suggestion with nothing recorded.
            a.suggestions = suggestions
                .into_iter()
                .filter(|(_, s)| *s != ItemState::default())
                .collect::<BTreeMap<_, _>>();
            a.own = own;
            a
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn saved_assessments_load_back_equal(a in assessment()) {
        let field = Field::embedded();
        let text = to_toml(&a, field);
        let loaded = load_str(&text, field);
        let errors: Vec<_> = loaded.findings.iter().filter(|f| f.is_error()).collect();
        prop_assert!(errors.is_empty(), "{errors:?}\n{text}");
        prop_assert_eq!(loaded.assessment.as_ref(), Some(&a), "{}", text);
        // The bytes as read from disk load the same as the text.
        prop_assert_eq!(&load(text.as_bytes(), field), &loaded);
        // kin report's lighter load: the same assessment, no places.
        let light = load_with(text.as_bytes(), field, LoadScope::Assessment);
        prop_assert_eq!(&light.assessment, &loaded.assessment);
        prop_assert_eq!(&light.findings, &loaded.findings);
        prop_assert!(light.places.is_empty());
    }

    #[test]
    fn saving_twice_gives_the_same_bytes(a in assessment()) {
        let field = Field::embedded();
        let first = to_toml(&a, field);
        prop_assert_eq!(&to_toml(&a, field), &first);
        let reloaded = load_str(&first, field).assessment.expect("valid");
        prop_assert_eq!(to_toml(&reloaded, field), first);
    }

    #[test]
    fn updating_an_unchanged_file_changes_nothing(a in assessment()) {
        let field = Field::embedded();
        let text = to_toml(&a, field);
        let mut doc: DocumentMut = text.parse().expect("kin writes valid TOML");
        update_document(&mut doc, &a, field);
        prop_assert_eq!(doc.to_string(), text);
    }

    #[test]
    fn kin_init_output_always_passes_check(
        name in text(40),
        ags in prop::option::of("[0-9]{8}"),
        assessor in prop::option::of(text(40)),
        date in date(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("neu.kin.toml");
        let args = kin::cli::commands::init::Args {
            file: file.clone(),
            kommune: Some(name.clone()),
            ags,
            assessor,
            date: Some(date),
            force: false,
        };
        let result = kin::cli::commands::init::run(&args);
        if name.trim().is_empty() {
            // A blank name is refused and nothing is written.
            prop_assert!(result.is_err());
            prop_assert!(!file.exists());
        } else {
            prop_assert!(result.is_ok(), "{result:?}");
            let checked = kin::store::batch::read_checked(&file, Field::embedded());
            prop_assert_eq!(&checked.loaded.findings, &vec![]);
            let a = checked.loaded.assessment.expect("valid");
            prop_assert_eq!(a.kommune.name, name);
            prop_assert_eq!(a.kommune.date, date);
        }
    }
}

/// Runs `kin set ARGS` in-process, as the command line would.
fn kin_set(args: &[&str]) -> anyhow::Result<kin::cli::exit::Outcome> {
    use clap::Parser;
    let cli = kin::cli::commands::Cli::try_parse_from(["kin", "set"].iter().chain(args))
        .expect("valid arguments");
    match cli.command {
        kin::cli::commands::Command::Set(args) => kin::cli::commands::set::run(&args),
        other => panic!("{other:?}"),
    }
}

proptest! {
    #![proptest_config(config())]

    /// Random texts through `kin set` into LF, CRLF and BOM files: they load
    /// back as given, the file keeps its byte order mark and line ends, and
    /// a hand-written comment inside the partner list stays.
    #[test]
    fn random_texts_through_kin_set_keep_the_files_form(
        note in non_blank(60),
        partner in non_blank(30),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let field = Field::embedded();
        let kommune = Kommune {
            name: "Altdorf".into(),
            ags: None,
            assessor: None,
            date: jiff::civil::date(2026, 1, 15),
        };
        let template = to_toml(&Assessment::new(field, kommune), field).replace(
            "[suggestions.wirtschaft-foerderung]\nstatus = \"unknown\"\n",
            "[suggestions.wirtschaft-foerderung]\nstatus = \"unknown\"\npartners = [ # seit 2019\n    \"A\", # Vertrag\n]\n",
        );
        prop_assert!(template.contains("# Vertrag"));
        let mut text = if crlf { template.replace('\n', "\r\n") } else { template };
        if bom {
            text.insert(0, '\u{feff}');
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.kin.toml");
        std::fs::write(&path, &text).unwrap();
        let file = path.to_str().unwrap();
        let result = kin_set(&[file, "wirtschaft-foerderung", "--note", &note, "--add-partner", &partner]);
        prop_assert!(result.is_ok(), "{result:?}");
        let bytes = std::fs::read(&path).unwrap();
        prop_assert_eq!(bytes.starts_with("\u{feff}".as_bytes()), bom);
        let written = String::from_utf8(bytes.clone()).unwrap();
        let first_line = written.split('\n').next().unwrap();
        prop_assert_eq!(first_line.ends_with('\r'), crlf, "{}", written);
        prop_assert!(written.contains("[ # seit 2019") && written.contains("\"A\", # Vertrag"), "{}", written);
        let loaded = load(&bytes, field);
        prop_assert!(!loaded.has_errors(), "{:?}", loaded.findings);
        let a = loaded.assessment.unwrap();
        let state = &a.suggestions["wirtschaft-foerderung"];
        let read = kin::domain::assessment::unify_line_breaks;
        let expected_note = read(&note);
        prop_assert_eq!(state.note.as_deref(), Some(expected_note.as_str()));
        let mut partners = vec!["A".to_owned()];
        if read(&partner) != "A" {
            partners.push(read(&partner));
        }
        prop_assert_eq!(&state.partners, &partners);
        prop_assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no lock or temporary file left");
    }
}

/// Two assessments that share some of their content: `b` takes each part
/// (Kommune data, every answer, every suggestion, the own measures) from
/// either `a` or another generated assessment.
fn related_pair() -> impl Strategy<Value = (Assessment, Assessment)> {
    (
        assessment(),
        assessment(),
        prop::collection::vec(any::<bool>(), 16),
    )
        .prop_map(|(a, other, take)| {
            let field = Field::embedded();
            let mut b = a.clone();
            let mut pick = take.into_iter().cycle();
            if pick.next().unwrap() {
                b.kommune = other.kommune.clone();
            }
            for q in &field.questions {
                if pick.next().unwrap() {
                    match other.answers.get(&q.id) {
                        Some(answer) => b.answers.insert(q.id.clone(), answer.clone()),
                        None => b.answers.remove(&q.id),
                    };
                }
            }
            for (_, s) in field.suggestions() {
                if pick.next().unwrap() {
                    match other.suggestions.get(&s.id) {
                        Some(state) => b.suggestions.insert(s.id.clone(), state.clone()),
                        None => b.suggestions.remove(&s.id),
                    };
                }
            }
            if pick.next().unwrap() {
                b.own = other.own.clone();
            }
            (a, b)
        })
}

/// The parts whose values differ, compared as people would: lists of
/// partners and evidence as sets.
fn differing_parts(a: &Assessment, b: &Assessment) -> std::collections::BTreeSet<String> {
    use std::collections::BTreeSet;
    let field = Field::embedded();
    let set = |list: &[String]| list.iter().cloned().collect::<BTreeSet<_>>();
    let same_state = |x: &ItemState, y: &ItemState| {
        x.status == y.status
            && x.note == y.note
            && set(&x.partners) == set(&y.partners)
            && set(&x.evidence) == set(&y.evidence)
            && x.responsible == y.responsible
            && x.due == y.due
    };
    let mut parts = BTreeSet::new();
    let (ka, kb) = (&a.kommune, &b.kommune);
    for (key, differs) in [
        ("name", ka.name != kb.name),
        ("ags", ka.ags != kb.ags),
        ("assessor", ka.assessor != kb.assessor),
        ("date", ka.date != kb.date),
    ] {
        if differs {
            parts.insert(format!("kommune.{key}"));
        }
    }
    for q in &field.questions {
        if a.answer(&q.id) != b.answer(&q.id) {
            parts.insert(format!("question.{}", q.id));
        }
    }
    for (_, s) in field.suggestions() {
        if !same_state(&a.suggestion(&s.id), &b.suggestion(&s.id)) {
            parts.insert(format!("suggestion.{}", s.id));
        }
    }
    let ids: BTreeSet<&str> = a.own.iter().chain(&b.own).map(|m| m.id.as_str()).collect();
    for id in ids {
        let same = match (a.own_measure(id), b.own_measure(id)) {
            (Some(x), Some(y)) => {
                x.title == y.title && x.category == y.category && same_state(&x.state, &y.state)
            }
            _ => false,
        };
        if !same {
            parts.insert(format!("own.{id}"));
        }
    }
    parts
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn an_assessment_does_not_differ_from_itself(a in assessment()) {
        let d = kin::domain::diff::diff(&a, &a, Field::embedded());
        prop_assert!(d.is_empty(), "{:?}", d.changes);
        prop_assert!(!d.has_regression());
    }

    #[test]
    fn diff_lists_exactly_the_parts_whose_values_differ((a, b) in related_pair()) {
        let d = kin::domain::diff::diff(&a, &b, Field::embedded());
        let listed: std::collections::BTreeSet<String> = d
            .changes
            .iter()
            .map(|c| match c.target.id() {
                Some(id) => format!("{}.{id}", c.target.as_str()),
                None => format!("kommune.{}", c.id()),
            })
            .collect();
        prop_assert_eq!(listed, differing_parts(&a, &b));
        // A regression is reported exactly when a status went down the order.
        let regressed = d.changes.iter().any(|c| matches!(&c.kind,
            kin::domain::diff::ChangeKind::Status(e) if e.to.progress_rank() < e.from.progress_rank()
                && e.to.progress_rank().is_some()));
        prop_assert_eq!(d.has_regression(), regressed);
    }
}
