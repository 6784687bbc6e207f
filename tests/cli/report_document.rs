//! `kin report --format html|docx` as a user runs it: the page is one
//! self-contained file, hostile text stays text, overdue Termine and
//! district marks show, and the Word document is a package Word can open
//! (read back here; in a browser and in LibreOffice see `browser.rs`).

use crate::support::{fixture, kin_in};
use std::io::Read;
use std::path::Path;
pub const DISTRICT: [&str; 3] = [
    "musterhausen.kin.toml",
    "beispielheim.kin.toml",
    "bergtal.kin.toml",
];

/// `kin report` in the fixtures folder, on 01.12.2026 unless `args` name
/// another day.
fn kin(args: &[&str]) -> std::process::Output {
    let mut cmd = kin_in(fixture("report"));
    cmd.arg("report");
    if !args.contains(&"--today") {
        cmd.args(["--today", "2026-12-01"]);
    }
    cmd.args(args).output().unwrap()
}

/// The HTML page of `files`, which must succeed.
pub fn html(files: &[&str], extra: &[&str]) -> String {
    let mut args = vec!["--format", "html"];
    args.extend(extra);
    args.extend(files);
    let out = kin(&args);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The Word document of `files`, written with --output, and its
/// `word/document.xml`.
pub fn docx(files: &[&str], extra: &[&str], target: &Path) -> String {
    let mut args = vec!["--format", "docx", "--output"];
    let target_arg = target.to_str().unwrap();
    args.push(target_arg);
    args.extend(extra);
    args.extend(files);
    let out = kin(&args);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    part(target, "word/document.xml")
}

/// A part of a Word document (a zip file), as text.
pub fn part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("a zip container");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The text of a Word document's XML, one line per paragraph with text,
/// as a reader sees it (entities decoded).
pub fn docx_text(xml: &str) -> String {
    let mut text = String::new();
    for paragraph in xml.split("</w:p>") {
        let mut line = String::new();
        for run in paragraph.split("<w:t").skip(1) {
            // `<w:t>` or `<w:t xml:space=…>`, not `<w:tbl>` or `<w:tr>`.
            if !run.starts_with(['>', ' ']) {
                continue;
            }
            let Some(start) = run.find('>') else { continue };
            if run[..start].ends_with('/') {
                continue;
            }
            let end = run.find("</w:t>").unwrap_or(run.len());
            line.push_str(&run[start + 1..end]);
        }
        if !line.is_empty() {
            text.push_str(&line);
            text.push('\n');
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The page from `<body>` on: what the snapshots compare (the style sheet
/// before it is the same for every page).
fn body(page: &str) -> &str {
    &page[page.find("<body>").expect("a body")..]
}

// ---- HTML -----------------------------------------------------------------

#[test]
fn one_kommune_as_html() {
    insta::assert_snapshot!(body(&html(&["musterhausen.kin.toml"], &[])));
}

#[test]
fn district_as_html() {
    insta::assert_snapshot!(body(&html(&DISTRICT, &[])));
}

/// Everything is in the one file: style and charts inline, no script, no
/// image, font or style sheet from elsewhere; German, UTF-8.
#[test]
fn the_page_is_self_contained() {
    for page in [html(&["musterhausen.kin.toml"], &[]), html(&DISTRICT, &[])] {
        assert!(
            page.starts_with(
                "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">"
            )
        );
        assert!(page.ends_with("</body>\n</html>\n"));
        for outside in [
            "<script",
            "<link",
            "<img",
            "<iframe",
            "src=",
            "url(",
            "@import",
            "javascript:",
        ] {
            assert!(!page.contains(outside), "{outside}");
        }
        let links: Vec<&str> = page
            .split("href=\"")
            .skip(1)
            .map(|l| &l[..l.find('"').unwrap()])
            .collect();
        assert_eq!(
            links,
            [
                "https://nachhaltigkeitsstrategie.de/kommunen/kommunen-nachhaltigkeit/handlungsfelder-leitsaetze/interkommunale-zusammenarbeit"
            ],
            "only the source page is linked"
        );
        assert!(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(page.contains("@page"), "print style");
    }
}

/// Text from a file never becomes markup: tags, entities, quotes and
/// control characters arrive as text.
#[test]
fn hostile_text_stays_text_in_html() {
    let page = html(&["injection.kin.toml"], &[]);
    assert!(!page.contains("<script>alert"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; und **fett**"));
    assert!(page.contains("Evil|Town\\u{1b}[31m"));
    assert!(page.contains("=HYPERLINK(&quot;http://example.invalid&quot;;&quot;Klick&quot;)"));
    assert!(!page.contains('\u{1b}'));
    assert!(!page.contains('\u{7}'));
    assert!(!page.contains('\u{9b}'));
    assert!(page.contains("a | b | c<br>zweite Zeile<br>dritte Zeile"));
    let district = html(&["injection.kin.toml", "musterhausen.kin.toml"], &[]);
    assert!(district.contains("Evil|Town\\u{1b}[31m"));
    assert!(!district.contains('\u{1b}'));
}

/// An item in Umsetzung whose Termin has passed is marked „überfällig“
/// beside its Termin, and counted in the key figures.
#[test]
fn overdue_termine_are_marked() {
    let page = html(&["--today", "2027-07-01", "musterhausen.kin.toml"], &[]);
    assert!(page.contains(
        "<td class=\"num\">30.06.2027<br><span class=\"overdue\">überfällig</span></td>"
    ));
    assert!(page.contains(
        "<span class=\"value\">1</span><span class=\"label\">überfällige Maßnahmen</span>"
    ));
    let before = html(&["--today", "2027-06-30", "musterhausen.kin.toml"], &[]);
    assert!(
        !before.contains("class=\"overdue\""),
        "due today is not overdue"
    );
}

/// The district page has the coordinator's marks: the same Kommune twice
/// (counted once), stale assessments, the AGS, and with --show-files the
/// file of each row.
#[test]
fn district_page_shows_marks_and_files() {
    let dir = tempfile::tempdir().unwrap();
    for name in DISTRICT {
        std::fs::copy(fixture("report").join(name), dir.path().join(name)).unwrap();
    }
    std::fs::copy(
        fixture("report/musterhausen.kin.toml"),
        dir.path().join("musterhausen-kopie.kin.toml"),
    )
    .unwrap();
    let out = kin_in(dir.path())
        .args([
            "report",
            "--format",
            "html",
            "--today",
            "2026-12-01",
            "--max-age",
            "70",
            "--show-files",
        ])
        .args(DISTRICT)
        .arg("musterhausen-kopie.kin.toml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("<h1>Interkommunale Zusammenarbeit: Vergleich von 3 Kommunen</h1>"));
    assert!(page.contains("4 Bewertungen von 3 Kommunen"));
    assert!(page.contains("<th scope=\"col\" title=\"Amtlicher Gemeindeschlüssel\">AGS</th>"));
    assert!(page.contains("<td class=\"num\">08115999</td>"));
    assert!(page.contains("<td>musterhausen-kopie.kin.toml</td>"));
    assert!(page.contains("<th scope=\"col\">Hinweis</th>"));
    assert!(page.contains("<td>doppelt</td>"));
    assert!(page.contains("<td>veraltet</td>"), "Bergtal, 77 days old");
    assert!(page.contains("<h2>Hinweise</h2>"));
}

#[test]
fn skipped_files_are_named_in_the_page() {
    let out = kin(&[
        "--format",
        "html",
        "--skip-invalid",
        "musterhausen.kin.toml",
        "invalid.kin.toml",
    ]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.contains("nicht berücksichtigt: invalid.kin.toml:"),
        "{page}"
    );
    assert!(page.contains("2 Dateien · erstellt mit kin"));
}

// ---- Word -----------------------------------------------------------------

#[test]
fn one_kommune_as_word_document() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("bericht.docx");
    let xml = docx(
        &["musterhausen.kin.toml"],
        &["--today", "2027-07-01"],
        &target,
    );
    let text = docx_text(&xml);
    for expected in [
        "Interkommunale Zusammenarbeit: Musterhausen\n",
        "Bewertung vom 25.11.2026\n",
        "Die Kommune bündelt Kompetenzen und Ressourcen, kooperiert und schafft Synergien mit anderen Kommunen.\n",
        "22 %\nUmsetzungsgrad\n",
        "Gemeinsame Klärschlammverwertung\n(eigene Maßnahme)\n",
        "30.06.2027überfällig\n",
        "Gemeinsamer Bauhof mit Beispielheim seit 2019.Gemeindeverwaltungsverband",
        "• Gemeinderatsbeschluss 2019/14\n",
    ] {
        assert!(text.contains(expected), "{expected:?} in\n{text}");
    }
    assert!(
        xml.contains("<w:pStyle w:val=\"Heading1\" />"),
        "Word headings"
    );
    assert!(xml.contains("<w:tblHeader />"), "header rows repeat");
    assert!(xml.contains("<w:drawing>"), "the chart is a picture");
    let footer = part(&target, "word/footer1.xml");
    assert!(footer.contains("Datei: musterhausen.kin.toml · erstellt mit kin"));
    assert!(footer.contains("<w:instrText>PAGE</w:instrText>"));
    assert!(footer.contains("NUMPAGES"));
    let core = part(&target, "docProps/core.xml");
    assert!(
        core.contains("2027-07-01T00:00:00Z"),
        "dated by --today: {core}"
    );
}

#[test]
fn district_as_word_document() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("kreis.docx");
    let text = docx_text(&docx(&DISTRICT, &[], &target));
    for expected in [
        "Interkommunale Zusammenarbeit: Vergleich von 3 Kommunen\n",
        "Bewertungen vom 15.09.2026 bis 25.11.2026\n",
        "Musterhausen\n08115999\n25.11.2026\n●\n◐\n×\n○\n–\n●\n○\n?\n22 %\n90 %\n",
        "3 · Wirtschaft: Interkommunales Gründerzentrum\n1 offen, 1 nicht relevant, 1 unbewertet\n",
        "Städtepartnerschaft mit einer Gemeinde in Burkina Faso\n",
    ] {
        assert!(text.contains(expected), "{expected:?} in\n{text}");
    }
}

/// docx-rs escapes markup but not control characters, which would make
/// the XML invalid: kin shows them as visible escapes.
#[test]
fn hostile_text_stays_text_in_word() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("x.docx");
    let xml = docx(&["injection.kin.toml"], &[], &target);
    assert!(!xml.contains('\u{1b}') && !xml.contains('\u{7}') && !xml.contains('\u{9b}'));
    assert!(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let text = docx_text(&xml);
    assert!(text.contains("Evil|Town\\u{1b}[31m"), "{text}");
}

#[test]
fn word_output_replaces_a_report_but_never_an_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let assessment = dir.path().join("vorlage.docx");
    std::fs::copy(fixture("report/musterhausen.kin.toml"), &assessment).unwrap();
    let out = kin(&[
        "--format",
        "docx",
        "--output",
        assessment.to_str().unwrap(),
        "musterhausen.kin.toml",
    ]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        std::fs::read_to_string(&assessment)
            .unwrap()
            .contains("[kommune]")
    );
}

/// The network of a district too large for a page is named, not drawn (and
/// not laid out, which would take most of the report's time).
#[test]
fn a_network_too_large_for_a_page_is_left_to_kin_network() {
    let dir = tempfile::tempdir().unwrap();
    let template = std::fs::read_to_string(fixture("report/musterhausen.kin.toml")).unwrap();
    for i in 0..301 {
        let text = template
            .replace("\"Musterhausen\"", &format!("\"Kommune {i}\""))
            .replace("08115999", &format!("08{i:06}"));
        std::fs::write(dir.path().join(format!("k{i}.kin.toml")), text).unwrap();
    }
    let page = html_of_folder(dir.path());
    assert!(page.contains("<h2>Kooperationsnetz</h2>"));
    assert!(page.contains(
        "Das Kooperationsnetz von 301 Kommunen und ihren Partnern ist für eine Seite zu groß"
    ));
    assert!(!page.contains("kin-netz"), "no network picture");
    assert!(
        page.contains("<h2>Eigene Maßnahmen der Kommunen</h2>"),
        "the rest follows"
    );
}

/// So is a network of few Kommunen with hundreds of partners.
#[test]
fn a_network_with_too_many_partners_is_left_to_kin_network() {
    let dir = tempfile::tempdir().unwrap();
    let template = std::fs::read_to_string(fixture("report/musterhausen.kin.toml")).unwrap();
    let partners: Vec<String> = (0..300).map(|i| format!("\"Verein {i}\"")).collect();
    let many = template.replace(
        "partners = [\"Beispielheim\"]",
        &format!("partners = [{}]", partners.join(", ")),
    );
    std::fs::write(dir.path().join("a.kin.toml"), many).unwrap();
    std::fs::copy(
        fixture("report/bergtal.kin.toml"),
        dir.path().join("b.kin.toml"),
    )
    .unwrap();
    let out = kin_in(dir.path())
        .args(["report", "--format", "html", "--today", "2026-12-01", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(
        "Das Kooperationsnetz von 2 Kommunen und ihren Partnern ist für eine Seite zu groß"
    ));
    assert!(!page.contains("kin-netz"));
}

/// The HTML page of every assessment in `dir`, which must succeed.
fn html_of_folder(dir: &Path) -> String {
    let out = kin_in(dir)
        .args(["report", "--format", "html", "--today", "2026-12-01", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}
