//! The report renderers in-process: a district of 50 Kommunen at 80
//! columns, colour only when allowed, and every format for the same model.

use kin::domain::assessment::Assessment;
use kin::domain::field::Field;
use kin::domain::report::Report;
use kin::format::read::load;
use kin::render::report::csv::{CsvRows, ReportCsv};
use kin::render::report::json::ReportJson;
use kin::render::report::markdown::ReportMarkdown;
use kin::render::report::table::ReportTable;
use kin::render::report::{Layout, ReportRenderer, Screen, render};
use unicode_width::UnicodeWidthStr;

/// The day reports are made on in these tests.
const TODAY: jiff::civil::Date = jiff::civil::date(2026, 11, 25);

fn fixture(name: &str) -> Assessment {
    let path = format!(
        "{}/tests/fixtures/report/{name}.kin.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap();
    load(&bytes, Field::embedded())
        .assessment
        .expect("fixture is valid")
}

/// 50 Kommunen with realistic name lengths, cycling through three fixtures.
fn district_of_50() -> Report {
    let templates = [
        fixture("musterhausen"),
        fixture("beispielheim"),
        fixture("bergtal"),
    ];
    let names = [
        "Villingen-Schwenningen",
        "Au",
        "Bad Friedrichshall",
        "Oberstadion",
        "Schwäbisch Gmünd",
    ];
    let assessments: Vec<(String, Assessment)> = (0..50)
        .map(|i| {
            let mut a = templates[i % 3].clone();
            a.kommune.name = format!("{} {}", names[i % names.len()], i + 1);
            // 50 different Kommunen: none is marked as the same twice.
            a.kommune.ags = Some(format!("0811{:04}", i + 1));
            (format!("kommune-{i:02}.kin.toml"), a)
        })
        .collect();
    Report::build(&assessments, Field::embedded(), TODAY)
}

const PIPE_80: Screen = Screen {
    width: 80,
    colour: false,
};

fn text(renderer: &dyn ReportRenderer, report: &Report) -> String {
    String::from_utf8(render(renderer, report)).expect("text formats are UTF-8")
}

fn table_text(report: &Report, screen: &Screen) -> String {
    text(
        &ReportTable {
            layout: Layout {
                screen: *screen,
                show_files: false,
            },
        },
        report,
    )
}

#[test]
fn fifty_kommunen_fit_80_columns_one_line_each() {
    let report = district_of_50();
    let text = table_text(&report, &PIPE_80);
    let widest = text.lines().map(UnicodeWidthStr::width).max().unwrap();
    assert!(widest <= 80, "{widest} columns:\n{text}");
    for a in &report.assessments {
        let rows: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with(&format!(" {} ", a.kommune)))
            .collect();
        assert_eq!(rows.len(), 1, "{}:\n{text}", a.kommune);
        // Kommune, date, 8 marks, Umsetzungsgrad, Vollständigkeit.
        assert!(rows[0].ends_with('%'), "{}", rows[0]);
    }
    // The matrix is one line per Kommune plus a two-line header and a rule.
    let matrix_start = text
        .lines()
        .position(|l| l.starts_with(" Kommune"))
        .unwrap();
    let matrix_end = text
        .lines()
        .position(|l| l.starts_with("Alle Kommunen"))
        .unwrap();
    assert_eq!(matrix_end - matrix_start, 3 + 50);
}

#[test]
fn fifty_kommunen_render_in_every_format() {
    let report = district_of_50();
    let markdown = text(
        &ReportMarkdown {
            layout: Layout {
                screen: PIPE_80,
                show_files: false,
            },
        },
        &report,
    );
    assert_eq!(
        markdown
            .lines()
            .filter(|l| l.starts_with("| Villingen-Schwenningen") && l.ends_with(" % |"))
            .count(),
        10
    );
    let json: serde_json::Value = serde_json::from_str(&text(&ReportJson, &report)).unwrap();
    assert_eq!(json["assessments"].as_array().unwrap().len(), 50);
    assert_eq!(json["totals"]["kommunen"], 50);
    let csv = text(
        &ReportCsv {
            rows: CsvRows::Item,
        },
        &report,
    );
    // Header plus 50 Kommunen × their items (10, 9 and 8 in turn).
    let items: usize = report.assessments.iter().map(|a| a.items.len()).sum();
    assert_eq!(csv.matches("\r\n").count(), 1 + items);
}

#[test]
fn colour_only_when_the_screen_allows_it() {
    let report = Report::build(
        &[("a", fixture("musterhausen")), ("b", fixture("injection"))],
        Field::embedded(),
        TODAY,
    );
    let plain = table_text(&report, &PIPE_80);
    assert!(!plain.contains('\u{1b}'));
    let coloured = table_text(
        &report,
        &Screen {
            width: 100,
            colour: true,
        },
    );
    assert!(coloured.contains("\u{1b}["), "colour codes on a terminal");
    // Colour codes take no room: the matrix keeps all its columns.
    let header = coloured
        .lines()
        .find(|l| l.starts_with(" Kommune"))
        .unwrap();
    assert!(header.contains("Datum"), "{coloured}");
    // The ESC in the Kommune name from the file is still shown escaped.
    assert!(coloured.contains(r"Evil|Town\u{1b}[31m"));
    let one = table_text(
        &Report::build(&[("a", fixture("injection"))], Field::embedded(), TODAY),
        &Screen {
            width: 80,
            colour: true,
        },
    );
    assert!(one.contains(r"Bildschirm löschen:\u{1b}[2J"));
}

#[test]
fn narrow_screens_fold_partners_into_the_note() {
    let report = Report::build(&[("a", fixture("musterhausen"))], Field::embedded(), TODAY);
    let wide = table_text(
        &report,
        &Screen {
            width: 120,
            colour: false,
        },
    );
    assert!(wide.contains("┆ Partner "));
    assert!(!wide.contains("Partner: Beispielheim"));
    let narrow = table_text(&report, &PIPE_80);
    assert!(narrow.contains("Notiz und Partner"));
    assert!(narrow.contains("Partner: Beispielheim"));
}

#[test]
fn very_narrow_matrix_leaves_out_columns_and_says_so() {
    let report = district_of_50();
    let text = table_text(
        &report,
        &Screen {
            width: 60,
            colour: false,
        },
    );
    let header = text.lines().find(|l| l.starts_with(" Kommune")).unwrap();
    assert!(!header.contains("Datum"), "{header}");
    let words: Vec<&str> = text.split_whitespace().collect();
    assert!(
        words
            .join(" ")
            .contains("fehlen die Spalten Datum und Vollständigkeit"),
        "{text}"
    );
    let widest = text.lines().map(UnicodeWidthStr::width).max().unwrap();
    assert!(widest <= 60, "{text}");
}
