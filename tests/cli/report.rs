//! `kin report` as a user runs it: every format for one file and for a
//! district of three, hostile texts, percentages, and invalid input.

use crate::support::{KIN, ROOT, kin, kin_in};
use assert_cmd::Command;
use unicode_width::UnicodeWidthStr;

const MUSTERHAUSEN: &str = "tests/fixtures/report/musterhausen.kin.toml";
const BEISPIELHEIM: &str = "tests/fixtures/report/beispielheim.kin.toml";
const BERGTAL: &str = "tests/fixtures/report/bergtal.kin.toml";
const NICHT_RELEVANT: &str = "tests/fixtures/report/nicht-relevant.kin.toml";
const INJECTION: &str = "tests/fixtures/report/injection.kin.toml";
const INVALID: &str = "tests/fixtures/report/invalid.kin.toml";
const DISTRICT: [&str; 3] = [MUSTERHAUSEN, BEISPIELHEIM, BERGTAL];

/// `kin report` in the crate folder, as in a pipe of a 100-column shell
/// with no colour preferences.
fn report_command(args: &[&str]) -> Command {
    let mut cmd = kin_in(ROOT);
    cmd.env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .env_remove("TERM")
        .arg("report")
        .args(["--today", TODAY])
        .args(args);
    cmd
}

/// The day every report here is made on (the date of the newest fixture),
/// so that ages and overdue marks do not change with the clock.
const TODAY: &str = "2026-11-25";

/// Runs a report that must succeed and returns its stdout.
fn report(args: &[&str]) -> String {
    let output = report_command(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty(), "{output:?}");
    String::from_utf8(output.stdout).expect("report output is UTF-8")
}

fn with_format<'a>(format: &'a str, files: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["--format", format];
    args.extend(files);
    args
}

// ---- one file --------------------------------------------------------------

#[test]
fn one_file_as_table() {
    insta::assert_snapshot!(report(&[MUSTERHAUSEN]));
}

#[test]
fn one_file_as_markdown() {
    insta::assert_snapshot!(report(&with_format("markdown", &[MUSTERHAUSEN])));
}

#[test]
fn one_file_as_json() {
    insta::assert_snapshot!(report(&with_format("json", &[MUSTERHAUSEN])));
}

#[test]
fn one_file_as_csv() {
    insta::assert_snapshot!(report(&with_format("csv", &[MUSTERHAUSEN])));
}

#[test]
fn table_is_the_default_and_equals_format_table() {
    assert_eq!(
        report(&[MUSTERHAUSEN]),
        report(&with_format("table", &[MUSTERHAUSEN]))
    );
}

// ---- a district of three -----------------------------------------------------

#[test]
fn district_as_table() {
    insta::assert_snapshot!(report(&DISTRICT));
}

#[test]
fn district_as_markdown() {
    insta::assert_snapshot!(report(&with_format("markdown", &DISTRICT)));
}

#[test]
fn district_as_json() {
    insta::assert_snapshot!(report(&with_format("json", &DISTRICT)));
}

#[test]
fn district_as_csv() {
    insta::assert_snapshot!(report(&with_format("csv", &DISTRICT)));
}

// ---- percentages -------------------------------------------------------------

#[test]
fn all_not_applicable_has_no_umsetzungsgrad_anywhere() {
    let table = report(&[NICHT_RELEVANT]);
    assert!(table.contains("Umsetzungsgrad – · Vollständigkeit 100 %"));
    assert!(!table.contains("NaN"), "{table}");
    let markdown = report(&with_format("markdown", &[NICHT_RELEVANT]));
    assert!(markdown.contains("- **Umsetzungsgrad:** –"));
    let json: serde_json::Value =
        serde_json::from_str(&report(&with_format("json", &[NICHT_RELEVANT]))).unwrap();
    let a = &json["assessments"][0];
    assert!(a["done_percent"].is_null());
    assert_eq!(a["assessed_percent"], 100.0);
    assert!(a["categories"][0]["done_percent"].is_null());
    assert!(json["totals"]["done_percent"].is_null());
}

#[test]
fn percentages_are_computed_over_suggestions_and_own_measures() {
    // Musterhausen: 10 items, 2 done, 1 not applicable, 1 unknown.
    let json: serde_json::Value =
        serde_json::from_str(&report(&with_format("json", &[MUSTERHAUSEN]))).unwrap();
    let a = &json["assessments"][0];
    assert_eq!(a["done_percent"], 22.2); // 2 / 9
    assert_eq!(a["assessed_percent"], 90.0); // 9 / 10
    let table = report(&[MUSTERHAUSEN]);
    assert!(table.contains("Umsetzungsgrad 22 % · Vollständigkeit 90 %"));
}

#[test]
fn a_district_with_a_not_applicable_kommune_shows_a_dash_for_it() {
    let table = report(&[MUSTERHAUSEN, NICHT_RELEVANT]);
    let row = table
        .lines()
        .find(|l| l.starts_with(" Einödhof"))
        .expect("a matrix row for Einödhof");
    assert!(row.contains("–          100 %"), "{row}");
}

// ---- JSON --------------------------------------------------------------------

#[test]
fn json_has_the_documented_shape() {
    let text = report(&with_format("json", &DISTRICT));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let top: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(top, ["assessments", "skipped", "totals"]);
    let statuses = [
        "unknown",
        "open",
        "planned",
        "in-progress",
        "done",
        "not-applicable",
    ];
    for a in json["assessments"].as_array().unwrap() {
        for key in [
            "file",
            "kommune",
            "date",
            "field",
            "field_version",
            "counts",
            "done_percent",
            "assessed_percent",
            "categories",
            "items",
        ] {
            assert!(a.get(key).is_some(), "missing {key}");
        }
        assert!(a["kommune"]["name"].is_string());
        assert!(a["kommune"].get("ags").is_some());
        for status in statuses {
            assert!(a["counts"][status].is_u64(), "counts.{status}");
        }
        for c in a["categories"].as_array().unwrap() {
            for key in ["id", "title", "counts"] {
                assert!(c.get(key).is_some(), "category without {key}");
            }
        }
        for i in a["items"].as_array().unwrap() {
            for key in [
                "id", "category", "title", "status", "own", "partners", "note",
            ] {
                assert!(i.get(key).is_some(), "item without {key}");
            }
        }
    }
    assert_eq!(json["totals"]["kommunen"], 3);
    assert_eq!(json["totals"]["suggestions"].as_array().unwrap().len(), 8);
    // Bergtal has no AGS: null, not missing.
    assert!(json["assessments"][2]["kommune"]["ags"].is_null());
}

#[test]
fn json_is_the_same_bytes_every_time() {
    let args = with_format("json", &DISTRICT);
    assert_eq!(report(&args), report(&args));
}

// ---- CSV ---------------------------------------------------------------------

#[test]
fn csv_opens_in_german_excel() {
    let output = report_command(&with_format("csv", &DISTRICT))
        .output()
        .unwrap();
    let bytes = output.stdout;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 byte order mark");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.starts_with("Kommune;AGS;Datum;"));
    assert!(text.ends_with("\r\n"));
    assert!(text.contains("Maßnahme"), "umlauts stay UTF-8");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Musterhausen 8 + 2 own, Beispielheim 8 + 1 own, Bergtal 8.
    assert_eq!(rows.len(), 27);
    assert!(rows.iter().all(|r| r.len() == 19));
    assert_eq!(&rows[0][0], "Musterhausen");
    assert_eq!(&rows[0][1], "08115999");
    assert_eq!(&rows[0][9], "umgesetzt");
    assert_eq!(&rows[0][10], "done");
}

#[test]
fn csv_neutralises_formulas() {
    let text = report(&with_format("csv", &[INJECTION]));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let cells: Vec<String> = reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    for cell in &cells {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "unsafe cell {cell:?}"
        );
    }
    assert!(cells.contains(&"'=1+2".to_owned()));
    // One partner per line: entries with commas stay apart.
    assert!(cells.contains(&"'+49 711 123\n-Landkreis\n@Verband".to_owned()));
    assert!(cells.contains(&"'\tTabulator".to_owned()));
    assert!(cells.contains(&"a | b | c\nzweite Zeile\ndritte Zeile".to_owned()));
    insta::assert_snapshot!(text);
}

// ---- hostile text --------------------------------------------------------------

/// No control character from a file reaches the output: no ESC (CSI, OSC),
/// no BEL, no 8-bit CSI, and CR only as part of CSV line ends.
fn assert_no_control_characters(output: &str) {
    for (i, c) in output.char_indices() {
        let allowed = c == '\n' || c == '\t' || (c == '\r' && output[i + 1..].starts_with('\n'));
        assert!(
            allowed || !c.is_control(),
            "control character {c:?} at byte {i} in:\n{output}"
        );
    }
}

#[test]
fn control_characters_never_reach_the_terminal() {
    for format in ["table", "markdown", "json", "csv"] {
        let output = report(&with_format(format, &[INJECTION]));
        assert_no_control_characters(&output);
        let district = report(&with_format(format, &[INJECTION, MUSTERHAUSEN]));
        assert_no_control_characters(&district);
    }
    let table = report(&[INJECTION]);
    assert!(table.contains(r"Bildschirm löschen:\u{1b}[2J\u{1b}[H fertig\u{7}"));
    assert!(table.contains(r"\u{9b}31m"));
}

#[test]
fn table_of_hostile_text() {
    insta::assert_snapshot!(report(&[INJECTION]));
}

#[test]
fn markdown_escapes_pipes_line_breaks_and_markup() {
    let markdown = report(&with_format("markdown", &[INJECTION]));
    // Details below the table, line breaks as Markdown hard breaks: no raw
    // HTML such as <br> that GitHub, GitLab or Word would show as text.
    assert!(markdown.contains("- Notiz: a \\| b \\| c\\\n  zweite Zeile\\\n  dritte Zeile"));
    assert!(!markdown.contains("<br>"));
    assert!(markdown.contains(r"\<script\>alert(1)\</script\> und \*\*fett\*\*"));
    assert!(markdown.contains("\\# Überschrift?\\\n\\- Liste?\\\n1\\. Aufzählung?"));
    // Every table row still has exactly its columns: no cell broke out.
    for line in markdown.lines().filter(|l| l.starts_with("| ")) {
        let unescaped_pipes = line.matches('|').count() - line.matches(r"\|").count();
        assert!(
            [3, 5].contains(&unescaped_pipes),
            "a row with a stray column: {line}"
        );
    }
    insta::assert_snapshot!(markdown);
}

// ---- width -------------------------------------------------------------------

fn widest_line(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

#[test]
fn tables_fit_the_width() {
    for columns in ["80", "100", "60"] {
        for files in [&[MUSTERHAUSEN][..], &DISTRICT[..], &[INJECTION][..]] {
            let output = report_command(files)
                .env("COLUMNS", columns)
                .output()
                .unwrap();
            let text = String::from_utf8(output.stdout).unwrap();
            let width: usize = columns.parse().unwrap();
            assert!(widest_line(&text) <= width, "wider than {width}:\n{text}");
        }
    }
}

#[test]
fn a_pipe_without_width_gets_100_columns_and_wide_screens_at_most_120() {
    let unknown = report_command(&[MUSTERHAUSEN])
        .env("COLUMNS", "0")
        .output()
        .unwrap();
    let text = String::from_utf8(unknown.stdout).unwrap();
    assert_eq!(widest_line(&text), 100);
    let wide = report_command(&[MUSTERHAUSEN])
        .env("COLUMNS", "300")
        .output()
        .unwrap();
    assert_eq!(widest_line(&String::from_utf8(wide.stdout).unwrap()), 120);
}

#[test]
fn a_pipe_gets_no_colour_codes() {
    let text = report(&DISTRICT);
    assert!(!text.contains('\u{1b}'));
}

// ---- bad input -----------------------------------------------------------------

#[test]
fn an_invalid_file_gives_the_check_findings_and_exit_2_without_a_report() {
    let check = kin()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", INVALID])
        .output()
        .unwrap();
    let finding = String::from_utf8(check.stdout)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_owned();
    assert!(finding.starts_with(INVALID), "{finding}");

    for format in ["table", "markdown", "json", "csv"] {
        let output = report_command(&with_format(format, &[MUSTERHAUSEN, INVALID, BERGTAL]))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty(), "no partial report");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(&finding), "{stderr}");
        assert!(stderr.contains("1 Datei enthält Fehler"), "{stderr}");
    }
}

#[test]
fn a_missing_file_is_exit_2() {
    let output = report_command(&["tests/fixtures/report/gibt-es-nicht.kin.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("gibt-es-nicht.kin.toml: error: Datei nicht gefunden"));
}

#[test]
fn no_file_or_an_unknown_format_is_a_usage_error() {
    assert_eq!(report_command(&[]).output().unwrap().status.code(), Some(2));
    let output = report_command(&["--format", "pdf", MUSTERHAUSEN])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("table, markdown, json, csv"), "{stderr}");
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    use std::io::Read;
    use std::process::{Command as Process, Stdio};
    // 60 copies give about 450 kB of JSON, far more than a pipe buffers, so
    // kin is still writing when the reader goes away.
    let mut child = Process::new(KIN)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["report", "--format", "json"])
        .args([MUSTERHAUSEN; 60])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut start = [0u8; 16];
    stdout.read_exact(&mut start).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    // Only the warning that the 60 copies are one Kommune, no error.
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("Warnung: „Musterhausen“"), "{stderr}");
}

/// JSON and CSV are streamed a chunk of files at a time: over more files
/// than one chunk they give the same bytes as rendering the whole report at
/// once, and an invalid file late in the list still gives no report at all.
#[test]
fn streamed_formats_over_many_files_equal_the_whole_report() {
    use kin::domain::field::Field;
    use kin::domain::report::Report;
    use kin::render::report::csv::{CsvRows, ReportCsv};
    use kin::render::report::json::ReportJson;
    use kin::render::report::{ReportRenderer, render};

    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for i in 0..(kin::store::batch::CHUNK * 2 + 7) {
        let source = root.join(DISTRICT[i % 3]);
        let path = dir.path().join(format!("k{i:04}.kin.toml"));
        std::fs::copy(source, &path).unwrap();
        paths.push(path);
    }
    let field = Field::embedded();
    let assessments: Vec<_> =
        kin::store::batch::read_valid(&paths, field, kin::store::batch::Pipes::Refuse)
            .unwrap()
            .into_iter()
            .filter_map(kin::store::batch::CheckedFile::into_assessment)
            .collect();
    let today = jiff::civil::date(2026, 11, 25);
    let whole = Report::build(&assessments, field, today);
    let csv = ReportCsv {
        rows: CsvRows::Item,
    };
    let formats: [(&str, &dyn ReportRenderer); 2] = [("json", &ReportJson), ("csv", &csv)];
    for (format, renderer) in formats {
        let mut cmd = report_command(&["--format", format]);
        let out = cmd.args(&paths).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(out.stdout, render(renderer, &whole), "{format}");
    }

    std::fs::write(paths.last().unwrap(), "schema = 1\nfield = 3\n").unwrap();
    let out = report_command(&["--format", "json"])
        .args(&paths)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no partial report");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("k0518.kin.toml:2:9: error:"), "{stderr}");
}

#[test]
fn today_takes_iso_and_german_dates_and_refuses_others() {
    let run = |today: &str| {
        kin()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["report", "--format", "json", "--today", today, MUSTERHAUSEN])
            .output()
            .unwrap()
    };
    let (iso, german) = (run("2026-11-25"), run("25.11.2026"));
    assert_eq!(iso.status.code(), Some(0));
    assert_eq!(iso.stdout, german.stdout);
    let out = run("31.02.2026");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("„31.02.2026“ ist kein gültiges Datum"),
        "{stderr}"
    );
}

/// On 15.07.2027 Musterhausen's „in Umsetzung“ item with Termin 30.06.2027
/// is überfällig: every format says so.
#[test]
fn overdue_items_are_marked_in_every_format() {
    let run = |format: &str| {
        let out = Command::cargo_bin("kin")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("COLUMNS", "100")
            .args([
                "report",
                "--today",
                "15.07.2027",
                "--format",
                format,
                MUSTERHAUSEN,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let table = run("table");
    assert!(table.contains("┆ überfällig"), "{table}");
    assert!(table.contains("Termin: 30.06.2027"), "{table}");
    assert!(table.contains("(überfällig)"), "{table}");
    let markdown = run("markdown");
    assert!(
        markdown.contains("| ◐ in Umsetzung · **überfällig** |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- Termin: 30.06.2027 (überfällig)"),
        "{markdown}"
    );
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let overdue: Vec<&str> = json["assessments"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["overdue"] == true)
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(overdue, ["wirtschaft-foerderung"]);
    assert_eq!(json["assessments"][0]["overdue"], 1);
    let csv = run("csv");
    // The partners cell spans two lines: the row ends on the second.
    assert!(
        csv.contains(
            "Herr Kaya;2027-06-30;;tests/fixtures/report/musterhausen.kin.toml;ja;1 überfällig\r\n"
        ),
        "{csv}"
    );
}
