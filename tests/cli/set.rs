//! `kin set` as scripts use it: exit codes, messages, and the file.

use crate::support::kin;
use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::PathBuf;
use std::time::Duration;

const FIXTURE: &str = "tests/fixtures/assess/musterhausen.kin.toml";

struct Workspace {
    dir: tempfile::TempDir,
    path: PathBuf,
}

impl Workspace {
    fn new() -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bewertung.kin.toml");
        fs::copy(FIXTURE, &path).unwrap();
        Workspace { dir, path }
    }

    fn text(&self) -> String {
        fs::read_to_string(&self.path).unwrap()
    }

    fn set(&self) -> Command {
        let mut cmd = kin();
        cmd.current_dir(self.dir.path())
            .arg("set")
            .arg("bewertung.kin.toml")
            .timeout(Duration::from_secs(60));
        cmd
    }

    /// Only the file itself: no lock file or temporary file left behind.
    fn assert_alone(&self) {
        let names: Vec<String> = fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["bewertung.kin.toml"]);
    }
}

#[test]
fn sets_status_and_details_and_keeps_comments() {
    let ws = Workspace::new();
    ws.set()
        .args(["wirtschaft-foerderung", "--status", "in-progress"])
        .args(["--partner", "Nachbarstadt", "--partner", "Landkreis"])
        .args(["--due", "31.12.2027", "--note", "Gewerbegebiet Süd"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(
            "bewertung.kin.toml: wirtschaft-foerderung (in Umsetzung) gespeichert",
        ));
    let text = ws.text();
    assert!(
        text.contains(
            "[suggestions.wirtschaft-foerderung]\nstatus = \"in-progress\"\n\
             note = \"Gewerbegebiet Süd\"\npartners = [\"Nachbarstadt\", \"Landkreis\"]\n\
             responsible = \"Wirtschaftsförderung\"\ndue = 2027-12-31\n"
        ),
        "{text}"
    );
    assert!(text.contains("name = \"Musterhausen\"   # amtlicher Name"));
    ws.assert_alone();

    kin().arg("check").arg(&ws.path).assert().success();
}

#[test]
fn own_measures_adding_partners_and_clearing() {
    let ws = Workspace::new();
    ws.set()
        .args(["gemeinsamer-klaerschlamm", "--add-partner", "Landkreis"])
        .args([
            "--add-partner",
            "Zweckverband",
            "--add-evidence",
            "Vertrag 2026",
        ])
        .assert()
        .success();
    assert!(
        ws.text().contains(
            "partners = [\"Zweckverband\", \"Landkreis\"]\nevidence = [\"Vertrag 2026\"]"
        ),
        "{}",
        ws.text()
    );
    ws.set()
        .args([
            "infrastruktur-zusammenlegung",
            "--clear",
            "note",
            "--clear",
            "responsible",
        ])
        .assert()
        .success();
    let text = ws.text();
    assert!(!text.contains("Bauhof seit 2019"), "{text}");
    assert!(!text.contains("responsible = \"Bauamt\""), "{text}");
    assert!(text.contains("# Verband mit Komma im Namen"), "{text}");
}

#[test]
fn answers_to_entry_questions() {
    let ws = Workspace::new();
    ws.set()
        .args(["--answer", "synergien-potenzial", "Schulen\nBauhof"])
        .assert()
        .success();
    assert!(
        ws.text()
            .contains("synergien-potenzial = \"\"\"\nSchulen\nBauhof\"\"\"")
            || ws
                .text()
                .contains("synergien-potenzial = \"Schulen\\nBauhof\""),
        "{}",
        ws.text()
    );
    ws.set()
        .args(["--answer", "synergien-potenzial", ""])
        .assert()
        .success();
    assert!(
        ws.text().contains("synergien-potenzial = \"\"\n"),
        "{}",
        ws.text()
    );
}

#[test]
fn setting_what_is_already_there_leaves_the_file_alone() {
    let ws = Workspace::new();
    let before = fs::read(&ws.path).unwrap();
    ws.set()
        .args(["wirtschaft-foerderung", "--status", "planned"])
        .assert()
        .success()
        .stderr(predicate::str::contains("Datei unverändert"));
    assert_eq!(fs::read(&ws.path).unwrap(), before);
}

#[test]
fn not_applicable_without_a_reason_gets_a_hint() {
    let ws = Workspace::new();
    ws.set()
        .args(["international-eine-welt", "--status", "not-applicable"])
        .assert()
        .success()
        .stderr(predicate::str::contains("ohne Begründung"));
}

/// Every bad call exits 2 with a message naming the allowed values and
/// leaves the file exactly as it was.
#[test]
fn bad_input_exits_2_and_leaves_the_file_untouched() {
    let ws = Workspace::new();
    let before = fs::read(&ws.path).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["gibts-nicht", "--status", "done"],
            "erlaubt: infrastruktur-zusammenlegung, wirtschaft-foerderung",
        ),
        (
            &["gibts-nicht", "--status", "done"],
            "gemeinsamer-klaerschlamm",
        ),
        (
            &["wirtschaft-foerderung", "--status", "erledigt"],
            "erlaubt: unknown, open, planned, in-progress, done, not-applicable",
        ),
        (
            &["--answer", "gibts-nicht", "x"],
            "erlaubt: kooperationen-bestehend, synergien-potenzial",
        ),
        (&["wirtschaft-foerderung"], "nichts zu ändern"),
        (
            &["wirtschaft-foerderung", "--note", " "],
            "--note darf nicht leer sein",
        ),
        (
            &["wirtschaft-foerderung", "--due", "31.2.2027"],
            "kein gültiges Datum",
        ),
        (
            &["wirtschaft-foerderung", "--note", "x", "--clear", "note"],
            "--clear note widerspricht",
        ),
        (
            &["wirtschaft-foerderung", "--clear", "alles"],
            "ungültiger Wert „alles“ für --clear <ANGABE>; erlaubt: note, partners, evidence, responsible, due",
        ),
        (
            &[
                "wirtschaft-foerderung",
                "--partner",
                "A",
                "--add-partner",
                "B",
            ],
            "lässt sich nicht zusammen mit",
        ),
        (&[], "es fehlt:"),
    ];
    for (args, expected) in cases {
        ws.set()
            .args(*args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(*expected));
        assert_eq!(fs::read(&ws.path).unwrap(), before, "{args:?}");
        ws.assert_alone();
    }
}

#[test]
fn missing_and_invalid_files_are_refused() {
    let ws = Workspace::new();
    kin()
        .current_dir(ws.dir.path())
        .env_remove("CARGO")
        .args([
            "set",
            "fehlt.kin.toml",
            "wirtschaft-foerderung",
            "--status",
            "done",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("kin init fehlt.kin.toml"));
    assert!(!ws.dir.path().join("fehlt.kin.toml").exists());

    let broken = ws
        .text()
        .replace("status = \"planned\"", "status = \"geplant\"");
    fs::write(&ws.path, &broken).unwrap();
    ws.set()
        .args(["bildung-zusammenarbeit", "--status", "done"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bewertung.kin.toml:27:10: error: unbekannter Status „geplant“",
        ))
        .stderr(predicate::str::contains("bleibt unverändert"));
    assert_eq!(ws.text(), broken);
    ws.assert_alone();
}

#[test]
fn a_held_lock_is_respected_and_a_leftover_lock_file_taken() {
    let ws = Workspace::new();
    let before = fs::read(&ws.path).unwrap();
    // Another session (this test process) holds the lock.
    let held = kin::store::lock::FileLock::acquire(&ws.path, "assess").unwrap();
    ws.set()
        .args(["wirtschaft-foerderung", "--status", "done"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "wird gerade in einer anderen kin-Sitzung bearbeitet (kin assess, Prozess",
        ))
        .stderr(predicate::str::contains("bleibt unverändert"));
    assert_eq!(fs::read(&ws.path).unwrap(), before);
    let lock = held.path().to_path_buf();
    assert!(lock.exists(), "someone else's lock stays");
    drop(held);

    // What a killed session leaves behind: a lock file nobody holds.
    fs::write(
        &lock,
        "pid = 4711\nhost = \"rathaus-pc\"\nsince = \"2026-11-25T09:00:00+01:00\"\ncommand = \"assess\"\n",
    )
    .unwrap();
    ws.set()
        .args(["wirtschaft-foerderung", "--status", "done"])
        .assert()
        .success();
    assert!(
        ws.text()
            .contains("status = \"done\"\nresponsible = \"Wirtschaftsförderung\"")
    );
    ws.assert_alone();
}

#[test]
fn values_may_start_with_a_dash() {
    let ws = Workspace::new();
    ws.set()
        .args(["bildung-zusammenarbeit", "--status", "open"])
        .args(["--note", "-2 Schulen", "--partner", "-Verband Süd"])
        .assert()
        .success();
    let text = ws.text();
    assert!(
        text.contains("note = \"-2 Schulen\"\npartners = [\"-Verband Süd\"]"),
        "{text}"
    );
}

#[test]
fn comments_inside_a_list_survive_adding_and_replacing_partners() {
    let ws = Workspace::new();
    let text = ws.text().replace(
        "responsible = \"Wirtschaftsförderung\"\n",
        "responsible = \"Wirtschaftsförderung\"\npartners = [ # seit 2019\n    \"A\", # Vertrag im Hauptamt\n]\n",
    );
    fs::write(&ws.path, &text).unwrap();
    ws.set()
        .args(["wirtschaft-foerderung", "--add-partner", "B"])
        .assert()
        .success();
    let list = "partners = [ # seit 2019\n    \"A\", # Vertrag im Hauptamt\n    \"B\",\n]\n";
    assert!(ws.text().contains(list), "{}", ws.text());
    ws.set()
        .args(["wirtschaft-foerderung", "--partner", "C", "--partner", "A"])
        .assert()
        .success();
    let list = "partners = [ # seit 2019\n    \"C\",\n    \"A\", # Vertrag im Hauptamt\n]\n";
    assert!(ws.text().contains(list), "{}", ws.text());
    // Everything else is as it was.
    assert_eq!(
        ws.text().replace(list, ""),
        text.replace(
            "partners = [ # seit 2019\n    \"A\", # Vertrag im Hauptamt\n]\n",
            ""
        )
    );
}

/// `kin set FILE --kommune … --ags … --assessor … --date …`: the Kommune's
/// data, checked as in `kin assess`, saved keeping comments (#13 item 11).
#[test]
fn sets_the_kommunes_data_without_an_item() {
    let ws = Workspace::new();
    ws.set()
        .args(["--date", "01.12.2026", "--assessor", "S. Kächele"])
        .assert()
        .success()
        .stderr("bewertung.kin.toml: Angaben zur Kommune gespeichert\n");
    let text = ws.text();
    assert!(text.contains("date = 2026-12-01"), "{text}");
    assert!(text.contains("assessor = \"S. Kächele\""), "{text}");
    assert!(
        text.contains("name = \"Musterhausen\"   # amtlicher Name"),
        "{text}"
    );

    ws.set()
        .args(["--kommune", "Musterhausen am See", "--ags", "08115998"])
        .args(["wirtschaft-foerderung", "--status", "done"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Angaben zur Kommune und wirtschaft-foerderung (umgesetzt) gespeichert",
        ));
    let text = ws.text();
    assert!(text.contains("name = \"Musterhausen am See\""), "{text}");
    assert!(text.contains("ags = \"08115998\""), "{text}");

    let before = ws.text();
    for (args, message) in [
        (vec!["--ags", "0811599"], "kein Amtlicher Gemeindeschlüssel"),
        (vec!["--kommune", " "], "--kommune darf nicht leer sein"),
        (vec!["--date", "31.02.2027"], "31.02.2027"),
        (vec!["--status", "done"], "es fehlt: <KENNUNG"),
        (
            vec!["--kommune", "Seedorf", "--status", "done"],
            "bitte ihre KENNUNG angeben",
        ),
    ] {
        ws.set()
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
        assert_eq!(ws.text(), before, "{args:?}");
    }
    ws.assert_alone();
}
