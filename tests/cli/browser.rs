//! The report as the council sees it: the HTML page printed to PDF by
//! headless Chromium, the Word document opened and printed by LibreOffice,
//! both read back with pdftotext; and the page checked by the Nu HTML
//! Checker (vnu). `.ci/run` installs the tools (docs/report.md); without
//! them these tests fail and say what is missing.
#![cfg(unix)]

use super::report_document::{DISTRICT, docx, html};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A program on PATH, the first of `names` found; `variable` may name it.
fn tool(variable: &str, names: &[&str]) -> PathBuf {
    if let Some(path) = std::env::var_os(variable) {
        return PathBuf::from(path);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in names {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return candidate;
            }
        }
    }
    panic!(
        "{} not found (or set {variable}); `bash .ci/run` installs it",
        names.join(" or ")
    );
}

fn run(command: &mut Command) {
    let out = command.output().expect("the tool starts");
    assert!(out.status.success(), "{command:?}: {out:?}");
}

/// Prints `page` to PDF with headless Chromium, as the council's browser
/// would, without the browser's own header and footer.
fn print_html(page: &str, dir: &Path) -> PathBuf {
    let source = dir.join("bericht.html");
    std::fs::write(&source, page).unwrap();
    let pdf = dir.join("bericht.pdf");
    run(Command::new(tool(
        "KIN_CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
    ))
    .args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-pdf-header-footer",
    ])
    .arg(format!("--user-data-dir={}", dir.join("profile").display()))
    .arg(format!("--print-to-pdf={}", pdf.display()))
    .arg(format!("file://{}", source.display())));
    pdf
}

/// Converts a Word document to PDF with LibreOffice, which proves that it
/// opens.
fn print_docx(document: &Path, dir: &Path) -> PathBuf {
    run(
        Command::new(tool("KIN_SOFFICE", &["soffice", "libreoffice"]))
            .arg(format!(
                "-env:UserInstallation=file://{}",
                dir.join("lo-profile").display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir)
            .arg(document),
    );
    let pdf = document.with_extension("pdf");
    assert!(pdf.is_file(), "LibreOffice wrote no PDF");
    pdf
}

/// The text of a PDF, words separated by single spaces, and its pages.
fn pdf_text(pdf: &Path) -> (String, usize) {
    // -raw: in the order it was drawn, cell by cell, not line by line
    // across the columns of a table.
    let out = Command::new(tool("KIN_PDFTOTEXT", &["pdftotext"]))
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    // A soft hyphen is invisible where no line was broken, but in the text,
    // and pdftotext puts a line break after it.
    let text = String::from_utf8(out.stdout)
        .unwrap()
        .replace("\u{ad}\n", "")
        .replace('\u{ad}', "");
    let pages = text.matches('\u{c}').count();
    (text.split_whitespace().collect::<Vec<_>>().join(" "), pages)
}

/// Whether each of `expected` is in `text`, compared [`loose`]ly: table
/// cells break words with a hyphen where they have to.
fn assert_contains(text: &str, expected: &[&str]) {
    let loose_text = loose(text);
    for e in expected {
        assert!(
            loose_text.contains(&loose(e)),
            "{e:?} is missing from:\n{text}"
        );
    }
}

/// The titles of the field's suggestions, as printed (one space between
/// words).
fn suggestions() -> Vec<String> {
    kin::domain::field::Field::embedded()
        .suggestions()
        .map(|(_, s)| s.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

const LEITSATZ: &str = "Die Kommune bündelt Kompetenzen und Ressourcen, kooperiert und schafft Synergien mit anderen Kommunen.";

/// What one Kommune's report must show on paper, whichever format.
fn check_one(text: &str) {
    assert_contains(
        text,
        &[
            "Interkommunale Zusammenarbeit: Musterhausen",
            "Bewertung vom 25.11.2026",
            "08115999",
            "Petra Schneider, Nachhaltigkeitsbeauftragte",
            LEITSATZ,
            "Kommunale Rahmenbedingungen",
            "22 %",
            "90 %",
            "Umsetzungsgrad",
            "Vollständigkeit",
            "Maßnahmen, davon 2 eigene",
            "Stand je Kategorie",
            "Gemeinsamer Bauhof mit Beispielheim seit 2019.",
            "Gemeinsame Klärschlammverwertung",
            "Städtepartnerschaft mit einer Gemeinde in Burkina Faso",
            "30.06.2027",
            "2019/14",
            "Datei: musterhausen.kin.toml · erstellt mit kin",
        ],
    );
    assert!(
        text.matches("überfällig").count() > text.matches("überfällige").count(),
        "the overdue Termin is marked: {text}"
    );
    let loose_text = loose(text);
    for suggestion in suggestions() {
        assert!(
            loose_text.contains(&loose(&suggestion)),
            "{suggestion:?} in {text}"
        );
    }
}

/// Text without spaces and hyphens: a long word in a narrow table cell is
/// broken with a hyphen (- or ‐), and pdftotext drops or keeps the hyphen
/// of a broken line.
fn loose(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}' | '\u{ad}'))
        .collect()
}

/// What the district report must show on paper.
fn check_district(text: &str) {
    assert_contains(
        text,
        &[
            "Interkommunale Zusammenarbeit: Vergleich von 3 Kommunen",
            "Bewertungen vom 15.09.2026 bis 25.11.2026",
            LEITSATZ,
            "Musterhausen",
            "08115999",
            "25.11.2026",
            "Beispielheim",
            "02.10.2026",
            "Bergtal",
            "24 %",
            "81 %",
            "Alle Kommunen zusammen: Umsetzungsgrad 24 % · Vollständigkeit 81 %",
            "2 umgesetzt, 1 offen",
            "Gemeinsame Klärschlammverwertung",
            "3 Dateien · erstellt mit kin",
        ],
    );
    for (number, suggestion) in suggestions().iter().enumerate() {
        let heading = format!("{} · ", number + 1);
        assert!(text.contains(&heading), "{heading:?} in {text}");
        assert!(
            loose(text).contains(&loose(suggestion)),
            "{suggestion:?} in {text}"
        );
    }
}

#[test]
fn one_kommune_printed_by_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let page = html(&["musterhausen.kin.toml"], &["--today", "2027-07-01"]);
    let (text, pages) = pdf_text(&print_html(&page, dir.path()));
    check_one(&text);
    assert_contains(&text, &["Seite 1 von", "Seite 2 von"]);
    assert!((2..=6).contains(&pages), "{pages} pages");
}

#[test]
fn district_printed_by_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let page = html(&DISTRICT, &[]);
    let (text, pages) = pdf_text(&print_html(&page, dir.path()));
    check_district(&text);
    assert!(pages >= 3, "sections start on new pages: {pages}");
}

/// The district page draws the cooperation network (kin network's SVG):
/// Chromium prints its boxes' names, its legend, and the caption with the
/// one-sided partnerships.
#[test]
fn network_of_a_district_printed_by_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let page = html(&["../../../examples/landkreis-ostertal"], &[]);
    let (text, _) = pdf_text(&print_html(&page, dir.path()));
    assert_contains(
        &text,
        &[
            "Kooperationsnetz: 7 bewertete Kommunen",
            "Unterbühlach",
            "Zweckverband Breitband Ostertal",
            "nur von einer Seite genannt (Pfeil zum genannten Partner)",
            "Einseitig genannt: Großbühlach → Haldenburg: Interkommunales Gründerzentrum",
        ],
    );
}

#[test]
fn word_documents_open_in_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("musterhausen.docx");
    docx(&["musterhausen.kin.toml"], &["--today", "2027-07-01"], &one);
    let (text, _) = pdf_text(&print_docx(&one, dir.path()));
    check_one(&text);
    assert_contains(&text, &["Seite 1 von"]);

    let district = dir.path().join("kreis.docx");
    docx(&DISTRICT, &[], &district);
    let (text, _) = pdf_text(&print_docx(&district, dir.path()));
    check_district(&text);
}

/// The Nu HTML Checker, the W3C's validator (`vnu.jar` from the npm
/// package vnu-jar, which `.ci/run` puts into target/vnu; or KIN_VNU_JAR).
fn vnu_jar() -> PathBuf {
    if let Some(path) = std::env::var_os("KIN_VNU_JAR") {
        return PathBuf::from(path);
    }
    let jar = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/vnu/node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.is_file(),
        "{} missing; `bash .ci/run` installs it",
        jar.display()
    );
    jar
}

#[test]
fn pages_are_valid_html5() {
    let dir = tempfile::tempdir().unwrap();
    let pages = [
        (
            "one.html",
            html(&["musterhausen.kin.toml"], &["--today", "2027-07-01"]),
        ),
        ("district.html", html(&DISTRICT, &["--show-files"])),
        ("hostile.html", html(&["injection.kin.toml"], &[])),
        (
            "hostile-district.html",
            html(&["injection.kin.toml", "musterhausen.kin.toml"], &[]),
        ),
    ];
    let mut command = Command::new(tool("KIN_JAVA", &["java"]));
    command.arg("-jar").arg(vnu_jar()).arg("--errors-only");
    for (name, page) in &pages {
        let path = dir.path().join(name);
        std::fs::write(&path, page).unwrap();
        command.arg(path);
    }
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
