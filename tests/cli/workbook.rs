//! `kin report --format xlsx`: the workbook read back with calamine, as
//! Excel would read it.

use crate::support::kin_in;
use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use std::io::Cursor;
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/report");

fn workbook(files: &[&str], extra: &[&str]) -> Xlsx<Cursor<Vec<u8>>> {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("kreis.xlsx");
    let out = kin_in(FIXTURES)
        .args([
            "report",
            "--format",
            "xlsx",
            "--today",
            "2027-07-15",
            "--output",
        ])
        .arg(&target)
        .args(extra)
        .args(files)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stdout.is_empty());
    let bytes = std::fs::read(&target).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip container");
    open_workbook_from_rs(Cursor::new(bytes)).expect("Excel can open it")
}

fn text(cell: Option<&Data>) -> String {
    match cell {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        other => panic!("not a text cell: {other:?}"),
    }
}

const DISTRICT: [&str; 3] = [
    "musterhausen.kin.toml",
    "beispielheim.kin.toml",
    "bergtal.kin.toml",
];

#[test]
fn three_sheets_with_typed_cells() {
    let mut book = workbook(&DISTRICT, &[]);
    assert_eq!(book.sheet_names(), ["Kommunen", "Maßnahmen", "Matrix"]);

    let kommunen = book.worksheet_range("Kommunen").unwrap();
    let header: Vec<String> = (0..kommunen.width())
        .map(|c| text(kommunen.get((0, c))))
        .collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}: {header:?}"))
    };
    assert_eq!(kommunen.height(), 4);
    assert_eq!(text(kommunen.get((1, 0))), "Musterhausen");
    // The AGS stays text: its leading zero survives.
    assert_eq!(
        kommunen.get((1, column("AGS"))),
        Some(&Data::String("08115999".into()))
    );
    assert!(matches!(
        kommunen.get((1, column("Datum"))),
        Some(Data::DateTime(_))
    ));
    match kommunen.get((1, column("Umsetzungsgrad (%)"))) {
        Some(Data::Float(p)) => assert!((p - 2.0 / 9.0).abs() < 1e-9, "{p}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        kommunen.get((1, column("umgesetzt"))),
        Some(&Data::Float(2.0))
    );
    assert_eq!(
        kommunen.get((1, column("Überfällig"))),
        Some(&Data::Float(1.0))
    );
    assert_eq!(text(kommunen.get((1, column("Hinweis")))), "1 überfällig");
    assert!(header.iter().any(|h| h.starts_with("Antwort: ")));

    let items = book.worksheet_range("Maßnahmen").unwrap();
    // Header plus Musterhausen 8 + 2 own, Beispielheim 8 + 1, Bergtal 8.
    assert_eq!(items.height(), 28);
    assert_eq!(text(items.get((0, 16))), "Datei");
    assert_eq!(
        text(items.get((3, 11))),
        "Beispielheim\nBergtal",
        "one partner per line"
    );
    assert_eq!(text(items.get((3, 17))), "ja", "überfällig on 15.07.2027");
    assert!(
        matches!(items.get((3, 14)), Some(Data::DateTime(_))),
        "Termin is a date"
    );

    let matrix = book.worksheet_range("Matrix").unwrap();
    assert_eq!(text(matrix.get((1, 0))), "Musterhausen");
    assert_eq!(text(matrix.get((1, 2))), "umgesetzt");
    assert!(text(matrix.get((0, 2))).starts_with("1 Infrastruktur: "));
}

/// Text that Excel would run as a formula stays text: a string cell, and no
/// formula anywhere in the workbook.
#[test]
fn no_text_becomes_a_formula() {
    let mut book = workbook(&["injection.kin.toml"], &[]);
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name}"
        );
    }
    let items = book.worksheet_range("Maßnahmen").unwrap();
    let cells: Vec<String> = items
        .used_cells()
        .filter_map(|(_, _, c)| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert!(
        cells.iter().any(|c| c == "=1+2"),
        "kept as written, as text: {cells:?}"
    );
    assert!(cells.iter().all(|c| !c.contains('\u{1b}')), "no raw ESC");
}

#[test]
fn skipped_files_and_sorting_reach_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    for name in DISTRICT.iter().chain(["invalid.kin.toml"].iter()) {
        std::fs::copy(Path::new(FIXTURES).join(name), dir.path().join(name)).unwrap();
    }
    let target = dir.path().join("kreis.xlsx");
    let out = kin_in(dir.path())
        .args([
            "report",
            "--format",
            "xlsx",
            "--skip-invalid",
            "--sort",
            "name",
            "-o",
        ])
        .arg(&target)
        .args(DISTRICT)
        .arg("invalid.kin.toml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(std::fs::read(&target).unwrap())).unwrap();
    let kommunen = book.worksheet_range("Kommunen").unwrap();
    let names: Vec<String> = (1..kommunen.height())
        .map(|r| text(kommunen.get((r, 0))))
        .collect();
    assert_eq!(names, ["Beispielheim", "Bergtal", "Musterhausen", ""]);
    let last = kommunen.height() - 1;
    let row: Vec<String> = (0..kommunen.width())
        .map(|c| match kommunen.get((last, c)) {
            Some(Data::String(s)) => s.clone(),
            _ => String::new(),
        })
        .collect();
    assert!(
        row.iter()
            .any(|c| c.starts_with("nicht berücksichtigt: invalid.kin.toml:10:10")),
        "{row:?}"
    );
    assert!(row.contains(&"invalid.kin.toml".to_owned()));
}
