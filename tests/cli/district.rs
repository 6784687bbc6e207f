//! The district overview a coordinator can trust (#15): the same Kommune
//! twice, AGS and file columns, sorting, partial reports over invalid files,
//! stale and overdue marks, and CSV per Kommune.

use crate::support::kin_in;
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/report");

/// A folder with the three district fixtures, plus whatever a test adds.
fn district() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["musterhausen", "beispielheim", "bergtal"] {
        copy(name, dir.path(), &format!("{name}.kin.toml"));
    }
    dir
}

fn copy(fixture: &str, dir: &Path, name: &str) -> PathBuf {
    let target = dir.join(name);
    std::fs::copy(
        Path::new(FIXTURES).join(format!("{fixture}.kin.toml")),
        &target,
    )
    .unwrap();
    target
}

fn report_in(dir: &Path, args: &[&str]) -> std::process::Output {
    kin_in(dir)
        .env("COLUMNS", "120")
        .env_remove("NO_COLOR")
        .arg("report")
        .args(["--today", "2026-11-25"])
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

const FILES: [&str; 3] = [
    "musterhausen.kin.toml",
    "beispielheim.kin.toml",
    "bergtal.kin.toml",
];

fn with(extra: &[&str], files: &[&str]) -> Vec<String> {
    extra.iter().chain(files).map(|s| (*s).to_owned()).collect()
}

fn run(dir: &Path, args: &[String]) -> std::process::Output {
    report_in(dir, &args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Two files with the same AGS: a warning naming both, a mark in every
/// format, and counts over distinct Kommunen.
#[test]
fn the_same_kommune_twice_is_named_marked_and_counted_once() {
    let dir = district();
    copy("musterhausen", dir.path(), "musterhausen-kopie.kin.toml");
    let mut files = FILES.to_vec();
    files.push("musterhausen-kopie.kin.toml");

    let table = run(dir.path(), &with(&[], &files));
    assert_eq!(table.status.code(), Some(0));
    let stderr = text(&table.stderr);
    assert!(
        stderr.starts_with("Warnung: „Musterhausen“ (AGS 08115999) steht 2-mal im Bericht"),
        "{stderr}"
    );
    assert!(
        stderr.contains("musterhausen-kopie.kin.toml, musterhausen.kin.toml"),
        "{stderr}"
    );
    let stdout = text(&table.stdout);
    assert!(stdout.starts_with("Interkommunale Zusammenarbeit: Vergleich von 3 Kommunen"));
    assert!(stdout.contains("4 Bewertungen von 3 Kommunen"), "{stdout}");
    let marked = stdout
        .lines()
        .filter(|l| l.starts_with(" Musterhausen") && l.trim_end().ends_with("doppelt"))
        .count();
    assert_eq!(marked, 2, "{stdout}");

    let markdown = text(&run(dir.path(), &with(&["--format", "markdown"], &files)).stdout);
    assert_eq!(markdown.matches("| doppelt |").count(), 2, "{markdown}");
    assert!(markdown.contains("## Hinweise"));

    let json = run(dir.path(), &with(&["--format", "json"], &files));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["totals"]["kommunen"], 3);
    assert_eq!(json["totals"]["assessments"], 4);
    assert_eq!(
        json["assessments"][3]["duplicate_of"],
        serde_json::json!(["musterhausen.kin.toml"])
    );
    // The same date: the file given last counts.
    assert_eq!(json["assessments"][0]["counted"], false);
    assert_eq!(json["assessments"][3]["counted"], true);
    assert_eq!(
        json["assessments"][1]["duplicate_of"],
        serde_json::json!([])
    );

    let csv = text(
        &run(
            dir.path(),
            &with(&["--format", "csv", "--per", "kommune"], &files),
        )
        .stdout,
    );
    assert_eq!(csv.matches(";doppelt;").count(), 2, "{csv}");
    let csv = text(&run(dir.path(), &with(&["--format", "csv"], &files)).stdout);
    assert_eq!(csv.matches(";doppelt\r\n").count(), 20, "10 items each");
}

/// The same name where one file has no AGS is the same Kommune too; the
/// same name with two different AGS is not.
#[test]
fn the_same_name_counts_only_without_an_ags() {
    let dir = district();
    let bergtal = std::fs::read_to_string(dir.path().join("bergtal.kin.toml")).unwrap();
    std::fs::write(
        dir.path().join("bergtal-2.kin.toml"),
        bergtal.replace("name = \"Bergtal\"", "name = \"BERGTAL\""),
    )
    .unwrap();
    let out = run(
        dir.path(),
        &with(
            &["--format", "json"],
            &["bergtal.kin.toml", "bergtal-2.kin.toml"],
        ),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["totals"]["kommunen"], 1);

    let muster = std::fs::read_to_string(dir.path().join("musterhausen.kin.toml")).unwrap();
    std::fs::write(
        dir.path().join("andere.kin.toml"),
        muster.replace("08115999", "08215999"),
    )
    .unwrap();
    let out = run(
        dir.path(),
        &with(
            &["--format", "json"],
            &["musterhausen.kin.toml", "andere.kin.toml"],
        ),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["totals"]["kommunen"], 2);
    assert!(out.stderr.is_empty());
}

#[test]
fn ags_column_and_files_on_request() {
    let dir = district();
    let plain = text(&run(dir.path(), &with(&[], &FILES)).stdout);
    let header = plain.lines().find(|l| l.starts_with(" Kommune")).unwrap();
    assert!(
        header.contains("AGS") && !header.contains("Datei"),
        "{header}"
    );
    assert!(plain.contains(" Beispielheim   08115998 "), "{plain}");
    let shown = text(&run(dir.path(), &with(&["--show-files"], &FILES)).stdout);
    assert!(shown.contains("beispielheim.kin.toml"), "{shown}");
    let markdown = text(
        &run(
            dir.path(),
            &with(&["--format", "markdown", "--show-files"], &FILES),
        )
        .stdout,
    );
    assert!(
        markdown.contains("| Kommune | AGS | Datei | Datum |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Bergtal |  | bergtal.kin.toml |"),
        "{markdown}"
    );
}

#[test]
fn sort_by_name_ags_progress_or_date() {
    let dir = district();
    let order = |sort: &str| -> Vec<String> {
        let out = run(
            dir.path(),
            &with(&["--format", "json", "--sort", sort], &FILES),
        );
        assert_eq!(out.status.code(), Some(0));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["assessments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["kommune"]["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(order("name"), ["Beispielheim", "Bergtal", "Musterhausen"]);
    assert_eq!(order("ags"), ["Beispielheim", "Musterhausen", "Bergtal"]);
    assert_eq!(
        order("progress"),
        ["Beispielheim", "Musterhausen", "Bergtal"]
    );
    assert_eq!(order("date"), ["Musterhausen", "Beispielheim", "Bergtal"]);
    // Every format follows the order, the item rows of CSV too.
    let csv = text(
        &run(
            dir.path(),
            &with(&["--format", "csv", "--sort", "name"], &FILES),
        )
        .stdout,
    );
    let kommunen: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(';').next())
        .collect();
    assert_eq!(kommunen.first(), Some(&"Beispielheim"));
    assert_eq!(kommunen.last(), Some(&"Musterhausen"));
    let table = text(&run(dir.path(), &with(&["--sort", "name"], &FILES)).stdout);
    let rows: Vec<&str> = table
        .lines()
        .filter(|l| {
            [" Beispielheim", " Bergtal", " Musterhausen"]
                .iter()
                .any(|k| l.starts_with(k))
        })
        .collect();
    assert!(rows[0].starts_with(" Beispielheim") && rows[2].starts_with(" Musterhausen"));
}

/// One invalid file among valid ones: without the flag no report (exit 2);
/// with it the valid ones, the skipped file named with its first error on
/// stderr and in the report, exit 1.
#[test]
fn skip_invalid_reports_the_valid_files_and_names_the_others() {
    let dir = district();
    copy("invalid", dir.path(), "kaputt.kin.toml");
    let mut files = FILES.to_vec();
    files.push("kaputt.kin.toml");

    let strict = run(dir.path(), &with(&[], &files));
    assert_eq!(strict.status.code(), Some(2));
    assert!(strict.stdout.is_empty());

    for format in ["table", "markdown", "json", "csv"] {
        let out = run(
            dir.path(),
            &with(&["--skip-invalid", "--format", format], &files),
        );
        assert_eq!(out.status.code(), Some(1), "{format}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("übersprungen: kaputt.kin.toml:10:10: error:"),
            "{format}: {stderr}"
        );
        assert!(
            stderr.contains("1 ungültige Datei ist nicht im Bericht"),
            "{stderr}"
        );
        let stdout = text(&out.stdout);
        assert!(
            stdout.contains("Musterhausen") && stdout.contains("Bergtal"),
            "{format}"
        );
        assert!(
            stdout.contains("kaputt.kin.toml"),
            "{format}: the report names it"
        );
    }
    let json = run(
        dir.path(),
        &with(&["--skip-invalid", "--format", "json"], &files),
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["skipped"][0]["file"], "kaputt.kin.toml");
    assert_eq!(json["skipped"][0]["line"], 10);
    assert_eq!(json["skipped"][0]["code"], "unknown-status");
    assert_eq!(json["totals"]["kommunen"], 3);
}

#[test]
fn stale_assessments_and_overdue_items_are_marked() {
    let dir = district();
    // On 15.07.2027 Musterhausen's Termin 30.06.2027 (in Umsetzung) has passed.
    let out = report_in(dir.path(), &["--today", "15.07.2027", "--max-age", "300"]);
    let out_args = out;
    assert_eq!(
        out_args.status.code(),
        Some(2),
        "--today given twice is a usage error"
    );

    let out = kin_in(dir.path())
        .env("COLUMNS", "120")
        .args(["report", "--today", "15.07.2027", "--max-age", "300"])
        .args(FILES)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let row = |name: &str| {
        stdout
            .lines()
            .find(|l| l.starts_with(&format!(" {name}")))
            .unwrap()
            .to_owned()
    };
    // Musterhausen (25.11.2026) is 232 days old, Beispielheim 286, Bergtal 303.
    assert!(
        row("Musterhausen").trim_end().ends_with("1 überfällig"),
        "{stdout}"
    );
    assert!(row("Beispielheim").trim_end().ends_with("78 %"), "{stdout}");
    assert!(row("Bergtal").trim_end().ends_with("veraltet"), "{stdout}");
    assert!(
        stdout.contains("ist 303 Tage alt (veraltet: älter als 300 Tage)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("„Musterhausen“ (AGS 08115999): 1 Maßnahme ist überfällig"),
        "{stdout}"
    );
}

/// Two files fresh from `kin init` still carry the placeholder name: each
/// is marked „ohne Namen“ in every format and explained under Hinweise,
/// and the two are not taken for one Kommune twice.
#[test]
fn a_kommune_without_a_name_is_marked_in_every_format() {
    let dir = district();
    for name in ["neu-1.kin.toml", "neu-2.kin.toml"] {
        let init = kin_in(dir.path()).args(["init", name]).output().unwrap();
        assert_eq!(init.status.code(), Some(0), "{init:?}");
    }
    let mut files = FILES.to_vec();
    files.extend(["neu-1.kin.toml", "neu-2.kin.toml"]);

    let table = run(dir.path(), &with(&[], &files));
    assert_eq!(table.status.code(), Some(0));
    let stdout = text(&table.stdout);
    assert!(stdout.starts_with("Interkommunale Zusammenarbeit: Vergleich von 5 Kommunen"));
    let marked = stdout
        .lines()
        .filter(|l| l.starts_with(" Name der Kommune") && l.trim_end().ends_with("ohne Namen"))
        .count();
    assert_eq!(marked, 2, "{stdout}");
    assert!(!stdout.contains("doppelt"), "{stdout}");
    assert!(
        stdout.contains(
            "- neu-1.kin.toml: als Kommune steht noch der Platzhalter „Name der Kommune“ aus kin init"
        ),
        "{stdout}"
    );

    let markdown = text(&run(dir.path(), &with(&["--format", "markdown"], &files)).stdout);
    assert_eq!(markdown.matches("| ohne Namen |").count(), 2, "{markdown}");

    let json = run(dir.path(), &with(&["--format", "json"], &files));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let placeholders: Vec<bool> = (0..5)
        .map(|i| {
            json["assessments"][i]["kommune"]["placeholder_name"]
                .as_bool()
                .unwrap()
        })
        .collect();
    assert_eq!(placeholders, [false, false, false, true, true]);
    assert_eq!(
        json["assessments"][3]["duplicate_of"],
        serde_json::json!([])
    );
    assert_eq!(json["totals"]["kommunen"], 5);

    let per_kommune = ["--format", "csv", "--per", "kommune"];
    let csv = text(&run(dir.path(), &with(&per_kommune, &files)).stdout);
    assert_eq!(csv.matches(";ohne Namen;").count(), 2, "{csv}");
    let csv = text(&run(dir.path(), &with(&["--format", "csv"], &files)).stdout);
    assert_eq!(
        csv.matches(";ohne Namen\r\n").count(),
        16,
        "8 suggestions each"
    );

    let html = text(&run(dir.path(), &with(&["--format", "html"], &files)).stdout);
    assert_eq!(html.matches("<td>ohne Namen</td>").count(), 2, "{html}");

    // One Kommune: the Hinweis beside its facts, in every format.
    let remark = "„Name der Kommune“ ist der Platzhalter aus kin init (ohne Namen)";
    for format in ["table", "markdown", "html"] {
        let one = text(
            &run(
                dir.path(),
                &with(&["--format", format], &["neu-1.kin.toml"]),
            )
            .stdout,
        );
        assert!(one.contains(remark), "{format}: {one}");
    }
    let one = text(&run(dir.path(), &with(&[], &["bergtal.kin.toml"])).stdout);
    assert!(!one.contains("Platzhalter"), "{one}");
}

#[test]
fn csv_per_kommune_has_figures_answers_and_marks() {
    let dir = district();
    let out = run(
        dir.path(),
        &with(&["--format", "csv", "--per", "kommune"], &FILES),
    );
    assert_eq!(out.status.code(), Some(0));
    let csv = text(&out.stdout);
    let csv = csv.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        &header[..5],
        [
            "Kommune",
            "AGS",
            "Datum",
            "Bewertet von",
            "Handlungsfeld-Version"
        ]
    );
    assert!(header.contains(&"Umsetzungsgrad (%)".to_owned()));
    assert!(
        header
            .iter()
            .any(|h| h.starts_with("Antwort: In welchen Bereichen"))
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let done = header
        .iter()
        .position(|h| h == "Umsetzungsgrad (%)")
        .unwrap();
    assert_eq!(&rows[0][0], "Musterhausen");
    assert_eq!(&rows[0][1], "08115999");
    assert_eq!(&rows[0][done], "22,2");

    let wrong = run(
        dir.path(),
        &with(&["--format", "json", "--per", "kommune"], &FILES),
    );
    assert_eq!(wrong.status.code(), Some(2));
    assert!(text(&wrong.stderr).contains("--per gilt nur für --format csv"));
}
