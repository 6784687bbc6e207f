//! Whole `kin assess` sessions in-process: the walk-through driven by
//! scripted answers, saving through the real assessment file.

use jiff::civil::date;
use kin::assess::Interrupted;
use kin::assess::{Options, ScriptedAnswer, ScriptedPrompter, walk};
use kin::domain::assessment::Assessment;
use kin::domain::field::Field;
use kin::domain::status::Status;
use kin::format::read::load;
use kin::store::edit_session::EditSession;
use std::fs;
use std::path::{Path, PathBuf};

const FIXTURE: &str = "tests/fixtures/assess/musterhausen.kin.toml";

fn field() -> &'static Field {
    Field::embedded()
}

fn text(s: &str) -> ScriptedAnswer {
    ScriptedAnswer::text(s)
}

fn choose(s: &str) -> ScriptedAnswer {
    ScriptedAnswer::choose(s)
}

/// A temporary folder holding a copy of the fixture (or nothing).
struct Workspace {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Workspace {
    fn empty() -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bewertung.kin.toml");
        Workspace { _dir: dir, path }
    }

    fn with_fixture() -> Workspace {
        let ws = Workspace::empty();
        fs::copy(FIXTURE, &ws.path).unwrap();
        ws
    }

    fn text(&self) -> String {
        fs::read_to_string(&self.path).unwrap()
    }

    fn assessment(&self) -> Assessment {
        let loaded = load(self.text().as_bytes(), field());
        assert!(!loaded.has_errors(), "{:?}", loaded.findings);
        loaded.assessment.unwrap()
    }
}

/// Runs one session on `path`; returns the result and how often the file
/// was written.
fn session(
    path: &Path,
    options: Options,
    prompter: &mut ScriptedPrompter,
) -> (anyhow::Result<Assessment>, usize) {
    let opened = EditSession::open(path, field()).unwrap();
    let mut file = opened.file;
    let mut writes = 0;
    let mut save = |a: &Assessment| {
        if file.save(a, field())? {
            writes += 1;
        }
        Ok(())
    };
    let result = walk(
        field(),
        opened.assessment,
        &options,
        date(2026, 11, 25),
        prompter,
        &mut save,
    );
    (result, writes)
}

fn all() -> Options {
    Options::default()
}

#[test]
fn a_new_assessment_from_start_to_end() {
    let ws = Workspace::empty();
    let mut p = ScriptedPrompter::new([
        // Kommune
        text("Musterhausen"),
        text("0811599"), // seven digits: asked again
        text("08115999"),
        text("Frau Muster, Nachhaltigkeitsbüro"),
        ScriptedAnswer::Enter, // today
        // entry questions
        text("Gemeinsamer Bauhof\nFeuerwehr"),
        ScriptedAnswer::Enter,
        // 1 infrastruktur-zusammenlegung
        choose("umgesetzt"),
        text("seit 2019"),
        text("Nachbarort, Landkreis"),
        text("Beschluss 2019; https://example.org/vertrag"),
        // own measures of Infrastruktur: add one
        choose("Ja"),
        text("Gemeinsame Klärschlammverwertung"),
        choose("geplant"),
        ScriptedAnswer::Enter,
        text("Zweckverband"),
        ScriptedAnswer::Enter,
        text("Bauamt"),
        text("30.06.2027"),
        choose("Nein, weiter"),
        // 2, 3 Wirtschaft
        choose("offen"),
        text("Gespräch mit Nachbarort im Frühjahr"),
        choose("nicht relevant"),
        text("zu klein für ein Gründerzentrum"),
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter, // no own measures
        // 4 Bildung
        choose("in Umsetzung"),
    ])
    .then_enter();
    let (result, writes) = session(&ws.path, all(), &mut p);
    let a = result.unwrap();
    assert!(writes > 10, "saved after the answers, {writes} writes");
    assert_eq!(
        ws.assessment(),
        a,
        "the file holds what the session ended with"
    );

    assert_eq!(a.kommune.name, "Musterhausen");
    assert_eq!(a.kommune.ags.as_deref(), Some("08115999"));
    assert_eq!(a.kommune.date, date(2026, 11, 25));
    assert_eq!(
        a.answer("kooperationen-bestehend"),
        "Gemeinsamer Bauhof\nFeuerwehr"
    );
    assert_eq!(a.answer("synergien-potenzial"), "");
    let s1 = a.suggestion("infrastruktur-zusammenlegung");
    assert_eq!(s1.status, Status::Done);
    assert_eq!(s1.partners, ["Nachbarort", "Landkreis"]);
    assert_eq!(
        s1.evidence,
        ["Beschluss 2019", "https://example.org/vertrag"]
    );
    assert_eq!(a.suggestion_status("wirtschaft-foerderung"), Status::Open);
    assert_eq!(
        a.suggestion("wirtschaft-foerderung").note.as_deref(),
        Some("Gespräch mit Nachbarort im Frühjahr"),
        "„offen“ takes a note too"
    );
    assert_eq!(
        a.suggestion("wirtschaft-gruenderzentrum").note.as_deref(),
        Some("zu klein für ein Gründerzentrum")
    );
    assert_eq!(
        a.suggestion_status("bildung-zusammenarbeit"),
        Status::InProgress
    );
    assert_eq!(a.suggestion_status("konzepte-mobilitaet"), Status::Unknown);
    let own = &a.own[0];
    assert_eq!(own.id, "gemeinsame-klaerschlammverwertung");
    assert_eq!(own.category, "infrastruktur");
    assert_eq!(own.state.status, Status::Planned);
    assert_eq!(own.state.responsible.as_deref(), Some("Bauamt"));
    assert_eq!(own.state.due, Some(date(2027, 6, 30)));

    let findings = load(ws.text().as_bytes(), field()).findings;
    assert_eq!(findings, vec![], "a clean file, no warnings");
    insta::assert_snapshot!("new_assessment_transcript", p.transcript());
}

#[test]
fn pressing_enter_through_a_whole_session_changes_no_byte() {
    for resume in [ScriptedAnswer::Enter, choose("Von vorn")] {
        let ws = Workspace::with_fixture();
        let before = fs::read(&ws.path).unwrap();
        let mut p = ScriptedPrompter::new([resume.clone()]).then_enter();
        let (result, writes) = session(&ws.path, all(), &mut p);
        result.unwrap();
        assert_eq!(writes, 0, "{resume:?}");
        assert_eq!(fs::read(&ws.path).unwrap(), before, "{resume:?}");
    }
}

#[test]
fn resuming_offers_the_first_unanswered_point() {
    let ws = Workspace::with_fixture();
    let mut p = ScriptedPrompter::new([ScriptedAnswer::Enter]).then_enter();
    session(&ws.path, all(), &mut p).0.unwrap();
    let prompts = p.prompts();
    assert!(
        prompts[0].starts_with(
            "? Wo möchten Sie weitermachen? [Beim ersten unbeantworteten Punkt: Einstiegsfrage 2]"
        ),
        "{prompts:#?}"
    );
    assert!(prompts[1].starts_with("? Frage 2/2"), "{prompts:#?}");
    let from_start = ScriptedPrompter::new([choose("Von vorn")]).then_enter();
    let mut p = from_start;
    session(&ws.path, all(), &mut p).0.unwrap();
    assert!(p.prompts()[1].starts_with("? Name der Kommune [Musterhausen]"));
}

/// Everything answered but one own measure: resuming goes there, as the
/// summary and `--unanswered` count it too.
#[test]
fn resuming_counts_an_unbewertet_own_measure() {
    let ws = Workspace::empty();
    let mut text = String::from(
        "schema = 1\nfield = \"interkommunale-zusammenarbeit\"\nfield_version = \"1.0\"\n\n\
         [kommune]\nname = \"Musterhausen\"\ndate = 2026-11-25\n\n[answers]\n\
         kooperationen-bestehend = \"Bauhof\"\nsynergien-potenzial = \"Schulen\"\n",
    );
    for id in field().suggestion_ids() {
        text.push_str(&format!("\n[suggestions.{id}]\nstatus = \"open\"\n"));
    }
    text.push_str(
        "\n[[own]]\nid = \"atemschutz\"\ncategory = \"bildung\"\n\
         title = \"Gemeinsame Atemschutzwerkstatt\"\nstatus = \"unknown\"\n",
    );
    fs::write(&ws.path, text).unwrap();

    let mut p = ScriptedPrompter::new([ScriptedAnswer::Enter]).then_enter();
    session(&ws.path, all(), &mut p).0.unwrap();
    let shown = p.transcript();
    assert!(!shown.contains("Alles ist schon beantwortet"), "{shown}");
    let prompts = p.prompts();
    assert!(
        prompts[0].starts_with(
            "? Wo möchten Sie weitermachen? [Beim ersten unbeantworteten Punkt: eigene Maßnahme \
             „Gemeinsame Atemschutzwerkstatt“ (Bildung)]"
        ),
        "{prompts:#?}"
    );
    assert!(prompts[1].starts_with("? Eigene Maßnahme"), "{prompts:#?}");
    assert!(
        shown.contains("Gemeinsame Atemschutzwerkstatt – unbewertet"),
        "{shown}"
    );
}

#[test]
fn edits_of_every_kind_keep_comments_and_values_kin_does_not_ask_about() {
    let ws = Workspace::with_fixture();
    let mut p = ScriptedPrompter::new([
        choose("Von vorn"),
        // Kommune: keep name, remove AGS, new assessor, German date
        ScriptedAnswer::Enter,
        text(""),
        text("Frau Muster"),
        text("1.12.2026"),
        // questions
        text("Gemeinsamer Bauhof\nFeuerwehr"),
        text("Schulen"),
        // 1 done: clear the note, keep partners (one has a comma), new evidence
        ScriptedAnswer::Enter,
        text(""),
        ScriptedAnswer::Enter,
        text("Beschluss 2019; Vertrag 2020"),
        ScriptedAnswer::Enter, // own measures: no change
        // 2 planned → in progress, new partner and due date
        choose("in Umsetzung"),
        ScriptedAnswer::Enter,
        text("Nachbarstadt"),
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        text("2027-12-31"),
        // 3 stays unbewertet
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        // 4 unknown with a note → open (the note stays)
        choose("offen"),
    ])
    .then_enter();
    let (result, _) = session(&ws.path, all(), &mut p);
    let a = result.unwrap();
    assert_eq!(ws.assessment(), a);
    assert_eq!(a.kommune.ags, None);
    assert_eq!(a.kommune.assessor.as_deref(), Some("Frau Muster"));
    assert_eq!(a.kommune.date, date(2026, 12, 1));
    assert_eq!(a.answer("synergien-potenzial"), "Schulen");
    let s1 = a.suggestion("infrastruktur-zusammenlegung");
    assert_eq!(s1.note, None);
    assert_eq!(s1.partners, ["Nachbarort", "GVV Raum Nord, Süd"]);
    assert_eq!(s1.evidence, ["Beschluss 2019", "Vertrag 2020"]);
    assert_eq!(
        s1.responsible.as_deref(),
        Some("Bauamt"),
        "not asked for done, kept"
    );
    let s2 = a.suggestion("wirtschaft-foerderung");
    assert_eq!(s2.status, Status::InProgress);
    assert_eq!(s2.partners, ["Nachbarstadt"]);
    assert_eq!(s2.responsible.as_deref(), Some("Wirtschaftsförderung"));
    assert_eq!(s2.due, Some(date(2027, 12, 31)));
    let s4 = a.suggestion("bildung-zusammenarbeit");
    assert_eq!(s4.status, Status::Open);
    assert_eq!(s4.note.as_deref(), Some("klären mit Schulamt"));

    let text = ws.text();
    for kept in [
        "# Bewertung Musterhausen – von Hand gepflegt",
        "name = \"Musterhausen\"   # amtlicher Name",
        "# Stand nach der Klausur im Oktober",
        "partners = [\"Nachbarort\", \"GVV Raum Nord, Süd\"]   # Verband mit Komma im Namen",
        "responsible = \"Bauamt\"   # fragt kin bei \"done\" nicht, bleibt trotzdem",
    ] {
        assert!(text.contains(kept), "lost {kept:?}:\n{text}");
    }
}

#[test]
fn own_measures_are_added_edited_and_removed() {
    let ws = Workspace::with_fixture();
    let options = Options {
        category: Some("infrastruktur".into()),
        unanswered: false,
    };
    let mut p = ScriptedPrompter::new([
        // the suggestion: keep everything
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        // edit the existing own measure
        choose("„Gemeinsame Klärschlammverwertung“ bearbeiten"),
        text("Klärschlammverwertung mit Nachbarn"),
        choose("umgesetzt"),
        text("seit 2026"),
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        // add one
        choose("Ja"),
        text("Wärmenetz"),
        choose("geplant"),
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        // remove the edited one: first say no, then yes
        choose("„Klärschlammverwertung mit Nachbarn“ entfernen"),
        ScriptedAnswer::No,
        choose("„Klärschlammverwertung mit Nachbarn“ entfernen"),
        ScriptedAnswer::Yes,
        choose("Nein, weiter"),
    ]);
    let (result, _) = session(&ws.path, options, &mut p);
    let a = result.unwrap();
    assert_eq!(p.unused(), 0);
    assert_eq!(ws.assessment(), a);
    assert_eq!(a.own.len(), 1);
    assert_eq!(a.own[0].id, "waermenetz");
    assert_eq!(a.own[0].title, "Wärmenetz");
    assert_eq!(a.own[0].state.status, Status::Planned);
    assert!(
        p.prompts()
            .iter()
            .all(|p| !p.contains("Name der Kommune") && !p.contains("Frage")),
        "only the category is walked: {:#?}",
        p.prompts()
    );
}

#[test]
fn editing_an_own_measure_keeps_its_id() {
    let ws = Workspace::with_fixture();
    let options = Options {
        category: Some("infrastruktur".into()),
        unanswered: false,
    };
    let mut p = ScriptedPrompter::new([
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        choose("„Gemeinsame Klärschlammverwertung“ bearbeiten"),
        text("Neuer Titel"),
        ScriptedAnswer::Esc, // back to the list at the status: title is saved, status kept
        ScriptedAnswer::Enter,
    ]);
    let a = session(&ws.path, options, &mut p).0.unwrap();
    assert_eq!(a.own[0].id, "gemeinsamer-klaerschlamm");
    assert_eq!(a.own[0].title, "Neuer Titel");
    assert_eq!(a.own[0].state.status, Status::InProgress);
}

#[test]
fn category_walks_only_that_category() {
    let ws = Workspace::with_fixture();
    let options = Options {
        category: Some("wirtschaft".into()),
        unanswered: false,
    };
    let mut p = ScriptedPrompter::new([]).then_enter();
    session(&ws.path, options, &mut p).0.unwrap();
    let shown = p.transcript();
    assert!(shown.contains("Vorschlag 2/8"), "{shown}");
    assert!(shown.contains("Vorschlag 3/8"), "{shown}");
    for absent in [
        "Vorschlag 1/8",
        "Vorschlag 4/8",
        "Name der Kommune",
        "Frage 1/2",
    ] {
        assert!(!shown.contains(absent), "{absent}: {shown}");
    }
}

#[test]
fn unanswered_walks_only_what_is_open() {
    let ws = Workspace::with_fixture();
    let options = Options {
        category: None,
        unanswered: true,
    };
    let mut p = ScriptedPrompter::new([]).then_enter();
    let (result, writes) = session(&ws.path, options, &mut p);
    result.unwrap();
    assert_eq!(writes, 0);
    let prompts = p.prompts();
    let asked: Vec<&str> = prompts
        .iter()
        .map(|p| p.split(" [").next().unwrap())
        .collect();
    assert_eq!(
        asked,
        [
            "? Frage 2/2: In welchen Bereichen können/könnten durch interkommunale Kooperation bei wesentlichen kommunalen Aufgaben deutliche Synergieeffekte erzielt werden?",
            "? Status in Ihrer Kommune",
            "? Status in Ihrer Kommune",
            "? Status in Ihrer Kommune",
            "? Status in Ihrer Kommune",
            "? Status in Ihrer Kommune",
        ]
    );
    let shown = p.transcript();
    for number in [3, 4, 5, 6, 8] {
        assert!(
            shown.contains(&format!("Vorschlag {number}/8")),
            "{number}: {shown}"
        );
    }
}

#[test]
fn esc_goes_back_one_step() {
    let ws = Workspace::with_fixture();
    let options = Options {
        category: Some("wirtschaft".into()),
        unanswered: false,
    };
    let mut p = ScriptedPrompter::new([
        ScriptedAnswer::Esc, // at the first step: nowhere to go back to
        choose("offen"),
        ScriptedAnswer::Enter, // its note
        ScriptedAnswer::Esc,   // at suggestion 3: back to suggestion 2
        choose("umgesetzt"),
        text("doch schon fertig"),
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter, // suggestion 3 stays
        ScriptedAnswer::Esc,   // own measures: back to suggestion 3
        choose("offen"),
        ScriptedAnswer::Enter, // its note
        ScriptedAnswer::Enter,
    ]);
    let a = session(&ws.path, options, &mut p).0.unwrap();
    assert_eq!(p.unused(), 0);
    let s2 = a.suggestion("wirtschaft-foerderung");
    assert_eq!(s2.status, Status::Done);
    assert_eq!(s2.note.as_deref(), Some("doch schon fertig"));
    assert_eq!(
        a.suggestion_status("wirtschaft-gruenderzentrum"),
        Status::Open
    );
    let shown = p.transcript();
    assert!(shown.contains("weiter zurück geht es nicht"), "{shown}");
    assert_eq!(shown.matches("Vorschlag 2/8").count(), 3, "{shown}");
}

#[test]
fn ctrl_c_keeps_every_answer_given_before() {
    let ws = Workspace::empty();
    let mut p = ScriptedPrompter::new([
        text("Neustadt"),
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        text("Bauhof"),
        ScriptedAnswer::Interrupt,
    ]);
    let (result, _) = session(&ws.path, all(), &mut p);
    let error = result.unwrap_err();
    assert!(error.downcast_ref::<Interrupted>().is_some(), "{error:#}");
    let a = ws.assessment();
    assert_eq!(a.kommune.name, "Neustadt");
    assert_eq!(a.answer("kooperationen-bestehend"), "Bauhof");

    // The next session continues at the question where the first one stopped.
    let mut p = ScriptedPrompter::new([ScriptedAnswer::Enter, text("Schulen")]).then_enter();
    let a = session(&ws.path, all(), &mut p).0.unwrap();
    assert!(
        p.prompts()[1].starts_with("? Frage 2/2"),
        "{:#?}",
        p.prompts()
    );
    assert_eq!(a.answer("kooperationen-bestehend"), "Bauhof");
    assert_eq!(a.answer("synergien-potenzial"), "Schulen");
}

/// Ctrl-C in the second line of a long answer keeps the first (#10 item 4).
#[test]
fn ctrl_c_in_a_long_answer_keeps_its_finished_lines() {
    let ws = Workspace::empty();
    let mut p = ScriptedPrompter::new([
        text("Neustadt"),
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::CutOff("Gemeinsamer Bauhof seit 2019".into()),
    ]);
    let error = session(&ws.path, all(), &mut p).0.unwrap_err();
    assert!(error.downcast_ref::<Interrupted>().is_some(), "{error:#}");
    assert_eq!(
        ws.assessment().answer("kooperationen-bestehend"),
        "Gemeinsamer Bauhof seit 2019"
    );

    // Editing an answer of three lines: the first line changed, then Ctrl-C.
    fs::copy(FIXTURE, &ws.path).unwrap();
    let options = Options {
        category: None,
        unanswered: false,
    };
    let mut p = ScriptedPrompter::new([
        choose("Von vorn"),
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::CutOff("Gemeinsamer Bauhof mit Nachbarort und Oberdorf".into()),
    ]);
    session(&ws.path, options, &mut p).0.unwrap_err();
    assert_eq!(
        ws.assessment().answer("kooperationen-bestehend"),
        "Gemeinsamer Bauhof mit Nachbarort und Oberdorf\nFeuerwehr-Ausbildung im Verband",
        "the lines not reached yet stay"
    );
}

#[test]
fn the_name_placeholder_of_kin_init_is_not_taken_as_an_answer() {
    let ws = Workspace::empty();
    let template = kin::format::write::to_toml(
        &Assessment::new(
            field(),
            kin::domain::assessment::Kommune {
                name: kin::messages::PLACEHOLDER_KOMMUNE.into(),
                ags: None,
                assessor: None,
                date: date(2026, 11, 20),
            },
        ),
        field(),
    );
    fs::write(&ws.path, &template).unwrap();
    let mut p = ScriptedPrompter::new([ScriptedAnswer::Enter, text("Echtstadt")]).then_enter();
    let a = session(&ws.path, all(), &mut p).0.unwrap();
    assert_eq!(a.kommune.name, "Echtstadt");
    assert!(
        p.transcript().contains("✘ Bitte etwas eingeben"),
        "{}",
        p.transcript()
    );
    // Only the name changed; the template's comments are all still there.
    let text = ws.text();
    assert_eq!(
        text.replace("name = \"Echtstadt\"", "name = \"Name der Kommune\""),
        template
    );
}

#[test]
fn a_new_file_with_category_asks_for_the_kommune_first() {
    let ws = Workspace::empty();
    let options = Options {
        category: Some("bildung".into()),
        unanswered: false,
    };
    let mut p = ScriptedPrompter::new([
        text("Neustadt"),
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        ScriptedAnswer::Enter,
        choose("geplant"),
    ])
    .then_enter();
    let a = session(&ws.path, options, &mut p).0.unwrap();
    assert_eq!(a.kommune.name, "Neustadt");
    assert_eq!(
        a.suggestion_status("bildung-zusammenarbeit"),
        Status::Planned
    );
    assert!(!p.transcript().contains("Frage 1/2"));
}

#[test]
fn a_complete_walk_brings_an_older_field_version_up_to_date() {
    let ws = Workspace::with_fixture();
    let old = ws
        .text()
        .replace("field_version = \"1.0\"", "field_version = \"0.9\"");
    fs::write(&ws.path, &old).unwrap();
    let mut p = ScriptedPrompter::new([]).then_enter();
    let a = session(&ws.path, all(), &mut p).0.unwrap();
    assert_eq!(a.field_version, "1.0");
    assert_eq!(
        ws.text(),
        old.replace("\"0.9\"", "\"1.0\""),
        "only the version changed"
    );

    // A walk through part of the assessment is no review: the version stays.
    fs::write(&ws.path, &old).unwrap();
    let options = Options {
        category: Some("bildung".into()),
        unanswered: false,
    };
    let mut p = ScriptedPrompter::new([]).then_enter();
    session(&ws.path, options, &mut p).0.unwrap();
    assert_eq!(ws.text(), old);
}

#[test]
fn windows_line_endings_survive_an_unchanged_session() {
    let ws = Workspace::with_fixture();
    let crlf = ws.text().replace('\n', "\r\n");
    fs::write(&ws.path, &crlf).unwrap();
    let mut p = ScriptedPrompter::new([choose("Von vorn")]).then_enter();
    let (result, writes) = session(&ws.path, all(), &mut p);
    result.unwrap();
    assert_eq!(ws.text(), crlf);
    assert_eq!(writes, 0);

    // Edits keep CRLF everywhere, also inside a new answer over two lines.
    let mut p = ScriptedPrompter::new([
        ScriptedAnswer::Enter,
        text("Schulen\nSportstätten"),
        choose("offen"),
    ])
    .then_enter();
    let a = session(&ws.path, all(), &mut p).0.unwrap();
    let text = ws.text();
    assert!(!text.replace("\r\n", "").contains('\n'), "{text:?}");
    assert_eq!(a.answer("synergien-potenzial"), "Schulen\nSportstätten");
    // The file holds CRLF; read back, a line break is "\n" on every platform.
    assert!(text.contains("Schulen\r\nSportstätten"), "{text:?}");
    assert_eq!(
        ws.assessment().answer("synergien-potenzial"),
        "Schulen\nSportstätten"
    );
    assert_eq!(
        ws.assessment()
            .suggestion_status("infrastruktur-zusammenlegung"),
        Status::Open
    );
    assert!(
        text.contains("# Verband mit Komma im Namen\r\n"),
        "{text:?}"
    );
}
