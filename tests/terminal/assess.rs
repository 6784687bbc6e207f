//! End-to-end tests of `kin assess` in a pseudo-terminal: the real binary,
//! real keys, real Ctrl-C. Every wait has a generous timeout (a slow machine
//! must not fail them, a hang must not block CI), and keys are sent only
//! after the prompt they answer has appeared.
#![cfg(unix)]

use crate::support::{KIN, kin};
use kin::domain::field::Field;
use kin::domain::status::Status;
use kin::format::read::load;
use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_with_options};
use std::fs;
use std::path::Path;

/// How long to wait for any one piece of output.
const TIMEOUT_MS: u64 = 120_000;
const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";

/// A `kin` process in a pseudo-terminal.
struct Pty {
    session: PtySession,
    /// Everything read so far, for failure messages and checks.
    seen: String,
}

impl Pty {
    fn spawn(dir: &Path, args: &[&str]) -> Pty {
        Pty::spawn_with(dir, args, &[])
    }

    fn spawn_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Pty {
        Pty::spawn_sized(dir, args, env, 80)
    }

    /// kin in a terminal `columns` wide and 24 lines high (set with stty
    /// before kin starts, so that kin sees the size from its first line).
    fn spawn_sized(dir: &Path, args: &[&str], env: &[(&str, &str)], columns: u16) -> Pty {
        let mut cmd = std::process::Command::new("sh");
        cmd.current_dir(dir)
            .arg("-c")
            .arg(format!("stty cols {columns} rows 24 && exec \"$@\""))
            .arg("sh")
            .arg(KIN)
            .args(args)
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env_remove("EDITOR")
            .env_remove("CARGO")
            .env_remove("VISUAL");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let options = rexpect::reader::Options::new().timeout_ms(Some(TIMEOUT_MS));
        Pty {
            session: spawn_with_options(cmd, options).expect("kin starts in a pty"),
            seen: String::new(),
        }
    }

    /// Waits until `text` appears.
    fn expect(&mut self, text: &str) {
        match self.session.exp_string(&as_read(text)) {
            Ok(before) => {
                self.seen.push_str(&decode(&before));
                self.seen.push_str(text);
            }
            Err(e) => panic!(
                "waiting for {text:?}: {e}\n--- output so far ---\n{}",
                self.seen
            ),
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
        self.session.flush().unwrap();
    }

    /// Waits for `prompt`, then types `keys`.
    fn answer(&mut self, prompt: &str, keys: &str) {
        self.expect(prompt);
        self.send(keys);
    }

    /// Picks the item `downs` steps below the preselected one.
    fn choose(&mut self, prompt: &str, downs: usize) {
        self.expect(prompt);
        self.send(&(DOWN.repeat(downs) + ENTER));
    }

    /// Waits for the end; returns the exit code.
    fn exit_code(mut self) -> i32 {
        match self.session.exp_eof() {
            Ok(rest) => self.seen.push_str(&decode(&rest)),
            Err(e) => panic!("waiting for the end: {e}\n--- output ---\n{}", self.seen),
        }
        match self.session.process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("kin did not exit normally: {other:?}\n{}", self.seen),
        }
    }
}

impl Pty {
    /// A new file: the Kommune's name, Enter for AGS, assessor and date.
    fn new_kommune(&mut self, name: &str) {
        self.answer("Name der Kommune", &format!("{name}\r"));
        self.answer("Amtlicher Gemeindeschlüssel", ENTER);
        self.answer("Wer bewertet?", ENTER);
        self.answer("Datum der Bewertung", ENTER);
    }

    /// The screen as a terminal `columns` wide (and 24 high) shows what kin
    /// wrote so far, one string per row, trailing spaces removed.
    fn screen(&self, columns: u16) -> Vec<String> {
        let size = |n: u16| std::num::NonZero::new(n).unwrap();
        let mut terminal = vt100::Parser::new(size(24), size(columns), 0);
        terminal.process(self.seen.as_bytes());
        terminal
            .screen()
            .rows(0, columns)
            .map(|row| row.trim_end().to_owned())
            .collect()
    }
}

/// rexpect turns every byte it reads into one `char`, so UTF-8 text is
/// searched for in that form ...
fn as_read(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// ... and turned back into text for messages and checks.
fn decode(read: &str) -> String {
    let bytes: Vec<u8> = read.chars().map(|c| c as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn assessment(path: &Path) -> kin::domain::assessment::Assessment {
    let loaded = load(&fs::read(path).unwrap(), Field::embedded());
    assert!(!loaded.has_errors(), "{:?}", loaded.findings);
    loaded.assessment.unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Status prompt, then the details asked for "umgesetzt" with Enter.
const STATUS: &str = "Status in Ihrer Kommune";
const OWN: &str = "Eigene Maßnahme hinzufügen?";

#[test]
fn a_complete_new_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let today_before = jiff::ZonedDateTime::now().date();
    let mut kin = Pty::spawn(dir.path(), &["assess", "neu.kin.toml"]);
    kin.expect("Die Kommune bündelt Kompetenzen");
    kin.answer("Name der Kommune", "Musterhausen\r");
    kin.answer("Amtlicher Gemeindeschlüssel", "1234\r");
    kin.answer("kein Amtlicher Gemeindeschlüssel", "08115999\r");
    kin.answer("Wer bewertet?", ENTER);
    kin.answer("Datum der Bewertung", ENTER); // today
    kin.expect("Frage 1/2");
    kin.answer("Zeile 1", "Gemeinsamer Bauhof\r");
    kin.answer("Zeile 2", "Feuerwehr\r");
    kin.answer("Zeile 3", ENTER);
    kin.expect("Frage 2/2");
    kin.answer("Zeile 1", ENTER);

    kin.expect("Vorschlag 1/8");
    kin.choose(STATUS, 4);
    kin.expect("umgesetzt");
    kin.answer("Notiz", "seit 2019\r");
    kin.answer("Partner", "Nachbarort, Landkreis\r");
    kin.answer("Belege", ENTER);
    kin.choose(OWN, 0);

    kin.expect("Vorschlag 2/8");
    kin.choose(STATUS, 1);
    kin.answer("Notiz", "Gespräch im Frühjahr\r");
    kin.expect("Vorschlag 3/8");
    kin.choose(STATUS, 0);
    kin.choose(OWN, 0);

    kin.expect("Vorschlag 4/8");
    kin.choose(STATUS, 2);
    kin.answer("Notiz", ENTER);
    kin.answer("Partner", ENTER);
    kin.answer("Belege", ENTER);
    kin.answer("Verantwortlich", "Schulamt\r");
    kin.answer("Termin", "30.06.2027\r");
    kin.choose(OWN, 0);

    for number in 5..=7 {
        kin.expect(&format!("Vorschlag {number}/8"));
        kin.choose(STATUS, 0);
    }
    kin.choose(OWN, 0);
    kin.expect("Vorschlag 8/8");
    kin.choose(STATUS, 0);
    kin.choose(OWN, 0);

    kin.expect("Zusammenfassung: Musterhausen");
    kin.expect("Umsetzungsgrad: 13 %");
    kin.expect("Noch unbewertet: 5 von 8");
    assert_eq!(kin.exit_code(), 0);
    let today_after = jiff::ZonedDateTime::now().date();

    let path = dir.path().join("neu.kin.toml");
    let a = assessment(&path);
    assert_eq!(a.kommune.name, "Musterhausen");
    assert_eq!(a.kommune.ags.as_deref(), Some("08115999"));
    assert!([today_before, today_after].contains(&a.kommune.date));
    assert_eq!(
        a.answer("kooperationen-bestehend"),
        "Gemeinsamer Bauhof\nFeuerwehr"
    );
    let s1 = a.suggestion("infrastruktur-zusammenlegung");
    assert_eq!(s1.status, Status::Done);
    assert_eq!(s1.note.as_deref(), Some("seit 2019"));
    assert_eq!(s1.partners, ["Nachbarort", "Landkreis"]);
    assert_eq!(a.suggestion_status("wirtschaft-foerderung"), Status::Open);
    assert_eq!(
        a.suggestion("wirtschaft-foerderung").note.as_deref(),
        Some("Gespräch im Frühjahr"),
        "„offen“ takes a note too"
    );
    let s4 = a.suggestion("bildung-zusammenarbeit");
    assert_eq!(s4.status, Status::Planned);
    assert_eq!(s4.responsible.as_deref(), Some("Schulamt"));
    assert_eq!(s4.due, Some(jiff::civil::date(2027, 6, 30)));
    assert_eq!(
        names(dir.path()),
        ["neu.kin.toml"],
        "no lock or temporary file left"
    );
}

#[test]
fn ctrl_c_keeps_everything_and_the_next_session_resumes_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("neu.kin.toml");

    let mut kin = Pty::spawn(dir.path(), &["assess", "neu.kin.toml"]);
    kin.new_kommune("Neustadt");
    kin.expect("Frage 1/2");
    kin.answer("Zeile 1", "Bauhof\r");
    kin.answer("Zeile 2", ENTER);
    kin.expect("Frage 2/2");
    kin.answer("Zeile 1", "Schulen\r");
    kin.answer("Zeile 2", ENTER);
    kin.expect("Vorschlag 1/8");
    kin.choose(STATUS, 4);
    kin.answer("Notiz", ENTER);
    kin.answer("Partner", "Nachbarort\r");
    kin.answer("Belege", ENTER);
    kin.choose(OWN, 0);
    kin.expect("Vorschlag 2/8");
    kin.expect(STATUS);
    kin.expect("nicht relevant"); // the whole list is drawn: kin waits for a key
    kin.send("\x03");
    kin.expect("Abgebrochen. Alle Antworten bis zur letzten Eingabe mit Enter sind in");
    kin.expect("neu.kin.toml gespeichert.");
    kin.expect("Weitermachen mit: kin assess neu.kin.toml");
    let seen_before_end = kin.seen.clone();
    assert_eq!(kin.exit_code(), 130);
    let after_prompt = seen_before_end
        .rsplit_once("nicht relevant")
        .map_or("", |(_, rest)| rest);
    assert!(
        after_prompt.contains("\x1b[?25h"),
        "the cursor is shown again: {after_prompt:?}"
    );
    assert_eq!(names(dir.path()), ["neu.kin.toml"], "the lock file is gone");
    let a = assessment(&path);
    assert_eq!(a.kommune.name, "Neustadt");
    assert_eq!(a.answer("kooperationen-bestehend"), "Bauhof");
    assert_eq!(a.answer("synergien-potenzial"), "Schulen");
    assert_eq!(
        a.suggestion("infrastruktur-zusammenlegung").partners,
        ["Nachbarort"]
    );

    // The second session offers to go on where the first stopped.
    let mut kin = Pty::spawn(dir.path(), &["assess", "neu.kin.toml"]);
    kin.expect("Wo möchten Sie weitermachen?");
    kin.expect("Beim ersten unbeantworteten Punkt: Vorschlag 2 (Wirtschaft)");
    kin.send(ENTER);
    kin.expect("Vorschlag 2/8");
    kin.choose(STATUS, 1);
    kin.answer("Notiz", ENTER);
    kin.expect("Vorschlag 3/8");
    kin.choose(STATUS, 0);
    kin.choose(OWN, 0);
    for number in 4..=8 {
        kin.expect(&format!("Vorschlag {number}/8"));
        kin.choose(STATUS, 0);
        if number != 5 && number != 6 {
            kin.choose(OWN, 0);
        }
    }
    kin.expect("Zusammenfassung: Neustadt");
    let output = kin.seen.clone();
    assert_eq!(kin.exit_code(), 0);
    assert!(
        !output.contains("Vorschlag 1/8"),
        "resumed after the first suggestion"
    );

    let b = assessment(&path);
    assert_eq!(b.kommune, a.kommune);
    assert_eq!(b.answers, a.answers);
    assert_eq!(
        b.suggestion("infrastruktur-zusammenlegung"),
        a.suggestion("infrastruktur-zusammenlegung")
    );
    assert_eq!(b.suggestion_status("wirtschaft-foerderung"), Status::Open);
}

#[test]
fn a_second_session_on_the_same_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "tests/fixtures/assess/musterhausen.kin.toml",
        dir.path().join("assessment.kin.toml"),
    )
    .unwrap();
    let before = fs::read(dir.path().join("assessment.kin.toml")).unwrap();
    let mut first = Pty::spawn(dir.path(), &["assess"]);
    first.expect("Wo möchten Sie weitermachen?");

    let mut second = Pty::spawn(dir.path(), &["assess"]);
    second.expect("wird gerade in einer anderen kin-Sitzung bearbeitet (kin assess");
    assert_eq!(second.exit_code(), 2);

    kin()
        .current_dir(dir.path())
        .args([
            "set",
            "assessment.kin.toml",
            "wirtschaft-foerderung",
            "--status",
            "done",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "wird gerade in einer anderen kin-Sitzung bearbeitet",
        ));

    first.send("\x03");
    first.expect("Abgebrochen.");
    assert_eq!(first.exit_code(), 130);
    assert_eq!(
        fs::read(dir.path().join("assessment.kin.toml")).unwrap(),
        before
    );
    assert_eq!(names(dir.path()), ["assessment.kin.toml"]);
}

#[test]
fn esc_goes_back_to_the_previous_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "tests/fixtures/assess/musterhausen.kin.toml",
        dir.path().join("assessment.kin.toml"),
    )
    .unwrap();
    let mut kin = Pty::spawn(dir.path(), &["assess", "--category", "wirtschaft"]);
    kin.expect("Vorschlag 2/8");
    kin.choose(STATUS, 2); // planned → done
    kin.answer("Notiz", ENTER);
    kin.answer("Partner", ENTER);
    kin.answer("Belege", ENTER);
    kin.expect("Vorschlag 3/8");
    kin.expect(STATUS);
    kin.expect("nicht relevant");
    kin.send("\x1b");
    kin.expect("Vorschlag 2/8");
    kin.choose(STATUS, 1); // done → not applicable
    kin.answer("Begründung", "Landkreis macht das\r");
    kin.answer("Partner", ENTER);
    kin.answer("Belege", ENTER);
    kin.expect("Vorschlag 3/8");
    kin.choose(STATUS, 0);
    kin.choose(OWN, 0);
    kin.expect("Zusammenfassung");
    assert_eq!(kin.exit_code(), 0);
    let a = assessment(&dir.path().join("assessment.kin.toml"));
    let s2 = a.suggestion("wirtschaft-foerderung");
    assert_eq!(s2.status, Status::NotApplicable);
    assert_eq!(s2.note.as_deref(), Some("Landkreis macht das"));
}

#[test]
fn long_answers_go_through_the_editor_when_one_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let editor = dir.path().join("editor.sh");
    fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Aus dem Editor\\nzweite Zeile\\n' > \"$1\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&editor, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let editor = editor.display().to_string();
    let mut kin = Pty::spawn_with(
        dir.path(),
        &["assess", "neu.kin.toml", "--unanswered"],
        &[("EDITOR", editor.as_str())],
    );
    kin.new_kommune("Neustadt");
    kin.expect("Frage 1/2");
    kin.expect("Der Editor");
    kin.expect("Frage 2/2");
    kin.expect("Vorschlag 1/8");
    kin.send("\x03");
    kin.expect("Abgebrochen.");
    assert_eq!(kin.exit_code(), 130);
    let a = assessment(&dir.path().join("neu.kin.toml"));
    assert_eq!(
        a.answer("kooperationen-bestehend"),
        "Aus dem Editor\nzweite Zeile"
    );
    assert_eq!(
        a.answer("synergien-potenzial"),
        "Aus dem Editor\nzweite Zeile"
    );
}

#[test]
fn refusals_at_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // stdin redirected, stderr still the terminal: refuse at once.
    let kin_bin = KIN.to_owned();
    let mut cmd = std::process::Command::new("sh");
    cmd.current_dir(dir.path())
        .arg("-c")
        .arg(format!("exec '{kin_bin}' assess neu.kin.toml < /dev/null"))
        .env("NO_COLOR", "1");
    let mut kin = Pty {
        session: spawn_with_options(
            cmd,
            rexpect::reader::Options::new().timeout_ms(Some(TIMEOUT_MS)),
        )
        .unwrap(),
        seen: String::new(),
    };
    kin.expect("braucht ein Terminal");
    assert_eq!(kin.exit_code(), 2);
    assert!(names(dir.path()).is_empty());

    // An invalid file: its errors are shown and it stays untouched.
    let path = dir.path().join("kaputt.kin.toml");
    fs::write(
        &path,
        "schema = 1\nfield = \"interkommunale-zusammenarbeit\"\nstatus = ",
    )
    .unwrap();
    let mut kin = Pty::spawn(dir.path(), &["assess", "kaputt.kin.toml"]);
    kin.expect("kaputt.kin.toml:3:");
    kin.expect("bleibt unverändert");
    assert_eq!(kin.exit_code(), 2);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "schema = 1\nfield = \"interkommunale-zusammenarbeit\"\nstatus = "
    );
    assert_eq!(names(dir.path()), ["kaputt.kin.toml"]);
}

/// Ctrl-C in the second line of a long answer keeps the first line, so the
/// Ctrl-C message is true (#10 item 4).
#[test]
fn ctrl_c_in_a_long_answer_keeps_the_finished_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut kin = Pty::spawn(dir.path(), &["assess", "neu.kin.toml"]);
    kin.new_kommune("Neustadt");
    kin.expect("Frage 1/2");
    kin.answer("Zeile 1", "Gemeinsamer Bauhof seit 2019\r");
    kin.answer("Zeile 2", "Feuerwehr-Ausbil");
    kin.expect("Feuerwehr-Ausbil");
    kin.send("\x03");
    kin.expect("Abgebrochen. Alle Antworten bis zur letzten Eingabe mit Enter sind in");
    kin.expect("neu.kin.toml gespeichert.");
    assert_eq!(kin.exit_code(), 130);
    let a = assessment(&dir.path().join("neu.kin.toml"));
    assert_eq!(
        a.answer("kooperationen-bestehend"),
        "Gemeinsamer Bauhof seit 2019"
    );
    assert_eq!(names(dir.path()), ["neu.kin.toml"]);
}

/// Input wider than the terminal is drawn again as a whole: after editing
/// in the middle and Enter, the screen holds the answer once, with no stale
/// or cut-off copy of the prompt (#13 item 4, dialoguer#295).
#[test]
fn long_input_leaves_no_stale_copy_at_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let name =
        "Gemeindeverwaltungsverband Oberes Haslachtal mit den Gemeinden Oberhaslach, Unterhaslach";
    let mut kin = Pty::spawn(dir.path(), &["assess", "neu.kin.toml"]);
    kin.expect("Name der Kommune");
    kin.send(name);
    kin.expect("Unterhaslach");
    // Eleven to the left, before „Unterhaslach“: delete the comma, type „und“.
    kin.send(&"\x1b[D".repeat(13));
    kin.send("\x7f und");
    kin.send(ENTER);
    kin.expect("Amtlicher Gemeindeschlüssel");
    let screen = kin.screen(80);
    let typed = "Gemeindeverwaltungsverband Oberes Haslachtal mit den Gemeinden Oberhaslach und Unterhaslach";
    let text = screen.join("\n");
    assert_eq!(text.matches("Name der Kommune").count(), 1, "{text}");
    assert!(!text.contains("? Name der Kommune"), "{text}");
    assert!(
        !text.contains("Oberhaslach,"),
        "no copy from before the edit: {text}"
    );
    let done: String = screen
        .iter()
        .skip_while(|row| !row.starts_with("✔ Name der Kommune"))
        .take_while(|row| !row.starts_with("? "))
        .map(|row| row.trim_start())
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(done, format!("✔ Name der Kommune · {typed}"), "{text}");
    kin.send("\x03");
    assert_eq!(kin.exit_code(), 130);
    assert_eq!(
        assessment(&dir.path().join("neu.kin.toml")).kommune.name,
        typed
    );
}

/// After Ctrl-C the hint repeats the flags given, quotes a file name with a
/// space, and names the command as it was run (#13 item 7).
#[test]
fn the_hint_after_ctrl_c_is_the_command_to_type() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "tests/fixtures/assess/musterhausen.kin.toml",
        dir.path().join("Meine Bewertung.kin.toml"),
    )
    .unwrap();
    let args = [
        "assess",
        "Meine Bewertung.kin.toml",
        "--unanswered",
        "--category",
        "bildung",
    ];
    let mut kin = Pty::spawn(dir.path(), &args);
    kin.expect(STATUS);
    kin.expect("nicht relevant");
    kin.send("\x03");
    kin.expect(
        "Weitermachen mit: kin assess 'Meine Bewertung.kin.toml' --category bildung --unanswered",
    );
    assert_eq!(kin.exit_code(), 130);

    let mut kin = Pty::spawn_with(dir.path(), &args, &[("CARGO", "cargo")]);
    kin.expect(STATUS);
    kin.expect("nicht relevant");
    kin.send("\x03");
    kin.expect("Weitermachen mit: cargo run -- assess 'Meine Bewertung.kin.toml' --category");
    assert_eq!(kin.exit_code(), 130);
}

/// An editor that cannot be started is told in German, and the answer is
/// typed in the terminal instead (#13 item 6).
#[test]
fn an_editor_that_cannot_start_is_told_in_german() {
    let dir = tempfile::tempdir().unwrap();
    let mut kin = Pty::spawn_with(
        dir.path(),
        &["assess", "neu.kin.toml"],
        &[("EDITOR", "/gibt/es/nicht-editor")],
    );
    kin.new_kommune("Neustadt");
    kin.expect("ließ sich nicht starten (dieses Programm gibt");
    kin.expect("Fehlercode 2); bitte die Antwort hier eingeben.");
    kin.answer("Zeile 1", "Bauhof\r");
    kin.answer("Zeile 2", "\x03");
    kin.expect("Abgebrochen.");
    assert!(!kin.seen.contains("IO error"), "{}", kin.seen);
    assert_eq!(kin.exit_code(), 130);
    let a = assessment(&dir.path().join("neu.kin.toml"));
    assert_eq!(a.answer("kooperationen-bestehend"), "Bauhof");
}

/// SIGKILL at random moments around a save: the file always loads without
/// errors (with or without the new line), only kin's temporary file may be left, and
/// the lock the killed session held never blocks the next one.
#[test]
fn killing_assess_while_it_saves_never_breaks_the_file_or_blocks_the_next_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("assessment.kin.toml");
    fs::copy("tests/fixtures/assess/musterhausen.kin.toml", &path).unwrap();
    let mut seed: u64 = 5;
    let mut saved = 0;
    for round in 0..10 {
        // The second entry question is the first unanswered point.
        let emptied = std::process::Command::new(KIN)
            .current_dir(dir.path())
            .args([
                "set",
                "assessment.kin.toml",
                "--answer",
                "synergien-potenzial",
                "",
            ])
            .output()
            .unwrap();
        assert!(emptied.status.success(), "round {round}: {emptied:?}");
        let mut kin = Pty::spawn(dir.path(), &["assess"]);
        kin.expect("Wo möchten Sie weitermachen?");
        kin.send(ENTER);
        kin.expect("Frage 2/2");
        // A finished line is saved at once: kill around that save.
        kin.answer("Zeile 1", &format!("Runde {round}\r"));
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        std::thread::sleep(std::time::Duration::from_micros((seed >> 33) % 4000));
        kin.session
            .process_mut()
            .kill(rexpect::process::Signal::SIGKILL)
            .unwrap();
        let loaded = load(&fs::read(&path).unwrap(), Field::embedded());
        assert!(!loaded.has_errors(), "round {round}: {:?}", loaded.findings);
        let answer = loaded
            .assessment
            .unwrap()
            .answer("synergien-potenzial")
            .to_owned();
        assert!(
            answer.is_empty() || answer == format!("Runde {round}"),
            "round {round}: {answer:?}"
        );
        saved += usize::from(!answer.is_empty());
        for name in names(dir.path()) {
            assert!(
                name == "assessment.kin.toml"
                    || name == ".assessment.kin.toml.lock"
                    || (name.starts_with(".assessment.kin.toml.") && name.ends_with(".tmp")),
                "round {round}: {name}"
            );
        }
    }
    eprintln!("10 kills around a save: {saved} × the answer was saved, else not yet");
}

/// Everything answered but one own measure: kin offers to go on there, as
/// the summary and `--unanswered` count it (#13 item 1).
#[test]
fn resuming_goes_to_an_unbewertet_own_measure() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from(
        "schema = 1\nfield = \"interkommunale-zusammenarbeit\"\nfield_version = \"1.0\"\n\n\
         [kommune]\nname = \"Musterhausen\"\ndate = 2026-11-25\n\n[answers]\n\
         kooperationen-bestehend = \"Bauhof\"\nsynergien-potenzial = \"Schulen\"\n",
    );
    for id in Field::embedded().suggestion_ids() {
        text.push_str(&format!("\n[suggestions.{id}]\nstatus = \"open\"\n"));
    }
    text.push_str(
        "\n[[own]]\nid = \"atemschutz\"\ncategory = \"bildung\"\n\
         title = \"Atemschutzwerkstatt\"\nstatus = \"unknown\"\n",
    );
    fs::write(dir.path().join("assessment.kin.toml"), text).unwrap();
    let mut kin = Pty::spawn(dir.path(), &["assess"]);
    kin.expect("Wo möchten Sie weitermachen?");
    kin.expect("Beim ersten unbeantworteten Punkt: eigene Maßnahme „Atemschutzwerkstatt“");
    kin.send(ENTER);
    kin.expect("Atemschutzwerkstatt – unbewertet");
    kin.expect("Eigene Maßnahmen: hinzufügen, bearbeiten oder entfernen?");
    kin.expect("„Atemschutzwerkstatt“ entfernen");
    assert!(
        !kin.seen.contains("Alles ist schon beantwortet"),
        "{}",
        kin.seen
    );
    kin.send("\x03");
    kin.expect("Abgebrochen.");
    assert_eq!(kin.exit_code(), 130);
}
