//! `kin report`: headings, labels, the legend of status marks and the CSV
//! header row.

use super::status_label;
use crate::domain::status::Status;
use jiff::civil::Date;

/// A short mark for a status, readable without colour (district matrix,
/// tables). Documented in `docs/report.md`.
pub fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Done => "●",
        Status::InProgress => "◐",
        Status::Planned => "○",
        Status::Open => "×",
        Status::NotApplicable => "–",
        Status::Unknown => "?",
    }
}

/// Statuses in the order reports list them: from done to not yet assessed.
pub const REPORT_STATUS_ORDER: [Status; 6] = [
    Status::Done,
    Status::InProgress,
    Status::Planned,
    Status::Open,
    Status::NotApplicable,
    Status::Unknown,
];

/// The mark and the German label, e.g. "● umgesetzt".
pub fn status_with_mark(status: Status) -> String {
    format!("{} {}", status_mark(status), status_label(status))
}

/// The legend of status marks: "● umgesetzt · ◐ in Umsetzung · …" with
/// the given separator.
pub fn status_legend(separator: &str) -> String {
    REPORT_STATUS_ORDER
        .iter()
        .map(|s| status_with_mark(*s))
        .collect::<Vec<_>>()
        .join(separator)
}

/// A date as German readers expect it: 25.11.2026.
pub fn german_date(date: Date) -> String {
    date.strftime("%d.%m.%Y").to_string()
}

/// The short code of the suggestion at `index` (0-based) in the district
/// matrix: "1", "2", …
pub fn suggestion_code(index: usize) -> String {
    (index + 1).to_string()
}

pub fn report_title_one(field_title: &str, kommune: &str) -> String {
    format!("{field_title}: {kommune}")
}
pub fn report_title_district(field_title: &str, kommunen: usize) -> String {
    if kommunen == 1 {
        format!("{field_title}: Übersicht über 1 Kommune")
    } else {
        format!("{field_title}: Vergleich von {kommunen} Kommunen")
    }
}
pub fn field_with_version(field_title: &str, versions: &str) -> String {
    format!("{field_title}, Version {versions}")
}

pub const LABEL_KOMMUNE: &str = "Kommune";
pub const LABEL_AGS: &str = "Amtlicher Gemeindeschlüssel";
pub const LABEL_DATE: &str = "Datum der Bewertung";
pub const LABEL_ASSESSOR: &str = "Bewertet von";
pub const LABEL_FIELD: &str = "Handlungsfeld";
pub const LABEL_DONE_PERCENT: &str = "Umsetzungsgrad";
pub const LABEL_ASSESSED_PERCENT: &str = "Vollständigkeit";
/// Column headers that have to fit narrow tables, broken after a hyphen.
pub const HEADER_DONE_PERCENT: &str = "Umsetzungs-\ngrad";
pub const HEADER_ASSESSED_PERCENT: &str = "Vollständig-\nkeit";
pub const LABEL_QUESTION: &str = "Einstiegsfrage";
pub const LABEL_ANSWER: &str = "Antwort";
pub const NO_ANSWER: &str = "(noch keine Antwort)";
pub const LABEL_MEASURE: &str = "Maßnahme";
pub const LABEL_STATUS: &str = "Status";
pub const LABEL_PARTNERS: &str = "Partner";
pub const LABEL_NOTE: &str = "Notiz";
pub const LABEL_PARTNERS_AND_NOTE: &str = "Notiz und Partner";
pub const LABEL_OWN_MEASURE: &str = "eigene Maßnahme";
pub const LABEL_COUNT: &str = "Anzahl";
pub const LABEL_TOTAL: &str = "gesamt";
pub const LABEL_CATEGORY: &str = "Kategorie";
pub const LABEL_SUGGESTION: &str = "Vorschlag";
pub const LABEL_NUMBER: &str = "Nr.";
/// The date of an assessment, as a column of the district table.
pub const LABEL_STAND: &str = "Datum";
pub const LABEL_LEGEND: &str = "Legende";

pub const HEADING_QUESTIONS: &str = "Einstiegsfragen";
pub const HEADING_STATUS_TOTALS: &str = "Anzahl je Status";
pub const HEADING_MATRIX: &str = "Vorschläge je Kommune";
pub const HEADING_SUGGESTION_TOTALS: &str = "Vorschläge: Anzahl der Kommunen je Status";
pub const HEADING_OWN_MEASURES: &str = "Eigene Maßnahmen der Kommunen";

/// Explains the numbered columns of the district matrix.
pub fn matrix_codes_hint(suggestions: usize) -> String {
    format!(
        "Spalten 1–{suggestions}: die Vorschläge des Handlungsfelds, mit Titel in der Tabelle „{HEADING_SUGGESTION_TOTALS}“."
    )
}

/// Under a district matrix that had to leave out columns to fit the screen.
pub fn matrix_columns_left_out(labels: &[&str]) -> String {
    let words = if labels.len() == 1 {
        "fehlt die Spalte"
    } else {
        "fehlen die Spalten"
    };
    format!(
        "Für diese Fensterbreite {words} {}; ein breiteres Fenster oder --format markdown zeigt alles.",
        labels.join(" und ")
    )
}

/// How the two percentages are computed, shown under the figures.
pub const PERCENT_EXPLANATION: &str = "Umsetzungsgrad = umgesetzt ÷ (alle − nicht relevant); \
     Vollständigkeit = bewertet ÷ alle; jeweils über Vorschläge und eigene Maßnahmen.";

/// The line with both percentages, e.g. "Umsetzungsgrad 38 % · Vollständigkeit 88 %".
pub fn percent_line(done: &str, assessed: &str) -> String {
    format!("{LABEL_DONE_PERCENT} {done} · {LABEL_ASSESSED_PERCENT} {assessed}")
}

/// The district figures over all Kommunen together.
pub fn district_percent_line(done: &str, assessed: &str) -> String {
    format!("Alle Kommunen zusammen: {}", percent_line(done, assessed))
}

/// A category heading with its figures, e.g. "Wirtschaft (3 Maßnahmen, Umsetzungsgrad 50 %)".
pub fn report_category_heading(title: &str, items: usize, done_percent: &str) -> String {
    let word = if items == 1 {
        "Maßnahme"
    } else {
        "Maßnahmen"
    };
    format!("{title} ({items} {word}, {LABEL_DONE_PERCENT} {done_percent})")
}

pub const LABEL_PARTNERS_DETAIL: &str = "Partner";
pub const LABEL_EVIDENCE_DETAIL: &str = "Belege";
/// A label with its entries, one per line when there are several:
/// "Partner: Bergtal", or "Nachweise:" and "• …" lines below it.
pub fn detail_list(label: &str, entries: &[String]) -> Vec<String> {
    match entries {
        [] => Vec::new(),
        [one] => vec![format!("{label}: {one}")],
        many => std::iter::once(format!("{label}:"))
            .chain(many.iter().map(|e| format!("• {e}")))
            .collect(),
    }
}
/// Marks an overdue item after its status, e.g. "○ geplant" + " · überfällig".
pub const STATUS_OVERDUE: &str = "überfällig";
pub fn detail_responsible(who: &str) -> String {
    format!("Verantwortlich: {who}")
}
pub fn detail_due(date: Date, overdue: bool) -> String {
    if overdue {
        format!("Termin: {} ({STATUS_OVERDUE})", german_date(date))
    } else {
        format!("Termin: {}", german_date(date))
    }
}

/// Shown under `kin report --help`.
pub const REPORT_EXAMPLES: &str = "Beispiele:
  kin report musterhausen.kin.toml
  kin report musterhausen.kin.toml --format markdown --output vorlage.md
  kin report kreis/*.kin.toml
  kin report kreis/*.kin.toml --format csv --output kreis.csv
  kin report kreis/*.kin.toml --format json

Farben: nur im Terminal; NO_COLOR=1 schaltet sie ab. Breite: die des Terminals
(höchstens 120 Zeichen), sonst COLUMNS, sonst 100.";

/// The CSV header row (documented in docs/report.md; stable).
pub const CSV_HEADER: [&str; 19] = [
    "Kommune",
    "AGS",
    "Datum",
    "Handlungsfeld-Version",
    "Kategorie",
    "Kategorie-Kennung",
    "Kennung",
    "Art",
    "Maßnahme",
    "Status",
    "Statuswert",
    "Partner",
    "Notiz",
    "Verantwortlich",
    "Termin",
    "Belege",
    "Datei",
    "Überfällig",
    "Hinweis",
];
pub const CSV_KIND_SUGGESTION: &str = "Vorschlag";
pub const CSV_KIND_OWN: &str = "eigene Maßnahme";

// ---- the district overview: marks, skipped files, sorting -------------------

pub const LABEL_FILE: &str = "Datei";
pub const LABEL_MARKS: &str = "Hinweis";
pub const HEADING_MARKS: &str = "Hinweise";
pub const HEADING_SKIPPED: &str = "Nicht berücksichtigte Dateien";
pub const MARK_DUPLICATE: &str = "doppelt";
pub const MARK_STALE: &str = "veraltet";
/// A Kommune whose name is still the placeholder of `kin init`.
pub const MARK_PLACEHOLDER: &str = "ohne Namen";
pub fn mark_overdue(items: usize) -> String {
    format!("{items} überfällig")
}
/// The marks of one Kommune for the Hinweis column, e.g. "doppelt, 2 überfällig".
pub fn kommune_marks(placeholder: bool, duplicate: bool, stale: bool, overdue: usize) -> String {
    let mut marks: Vec<String> = Vec::new();
    if placeholder {
        marks.push(MARK_PLACEHOLDER.into());
    }
    if duplicate {
        marks.push(MARK_DUPLICATE.into());
    }
    if stale {
        marks.push(MARK_STALE.into());
    }
    if overdue > 0 {
        marks.push(mark_overdue(overdue));
    }
    marks.join(", ")
}

/// A Kommune as named in a message: „Talbach“ (AGS 08136999).
pub fn kommune_label(name: &str, ags: Option<&str>) -> String {
    match ags {
        Some(ags) => format!("{} (AGS {ags})", super::quoted(name)),
        None => super::quoted(name),
    }
}

/// Under the title when the same Kommune appears more than once.
pub fn district_counts_line(assessments: usize, kommunen: usize) -> String {
    let kommunen = if kommunen == 1 {
        "1 Kommune".to_owned()
    } else {
        format!("{kommunen} Kommunen")
    };
    format!(
        "{assessments} Bewertungen von {kommunen}: wer mehrfach vorkommt, ist als „{MARK_DUPLICATE}“ markiert und nur mit der neuesten Bewertung gezählt."
    )
}

pub fn note_duplicate(kommune: &str, files: &[&str], counted: &str, date: Date) -> String {
    format!(
        "{kommune} steht {}-mal im Bericht ({}); gezählt wird die neueste Bewertung: {counted} vom {}.",
        files.len(),
        files.join(", "),
        german_date(date)
    )
}

/// A Hinweis (district) or fact (one Kommune) when the name is still the
/// placeholder of `kin init`; `file` as the report shows file names.
pub fn note_placeholder(file: &str) -> String {
    format!(
        "{file}: als Kommune steht noch der Platzhalter {} aus kin init ({MARK_PLACEHOLDER}); \
         bitte den Namen eintragen (kin set DATEI --kommune NAME).",
        super::quoted(super::PLACEHOLDER_KOMMUNE)
    )
}

/// The Hinweis beside the facts of one Kommune whose name is still the
/// placeholder of `kin init`.
pub fn fact_placeholder() -> String {
    format!(
        "{} ist der Platzhalter aus kin init ({MARK_PLACEHOLDER}); bitte den Namen eintragen \
         (kin set DATEI --kommune NAME).",
        super::quoted(super::PLACEHOLDER_KOMMUNE)
    )
}

pub fn note_stale(kommune: &str, date: Date, age_days: i64, max_age: u32) -> String {
    format!(
        "{kommune}: die Bewertung vom {} ist {age_days} Tage alt ({MARK_STALE}: älter als {max_age} Tage).",
        german_date(date)
    )
}

pub fn note_overdue(kommune: &str, items: usize, today: Date) -> String {
    let words = if items == 1 {
        "1 Maßnahme ist".to_owned()
    } else {
        format!("{items} Maßnahmen sind")
    };
    format!(
        "{kommune}: {words} überfällig (geplant oder in Umsetzung, Termin vor dem {}).",
        german_date(today)
    )
}

/// Prefix of a warning of `kin report` on stderr.
pub const REPORT_WARNING_PREFIX: &str = "Warnung: ";

/// On stderr, for a file that `--skip-invalid` leaves out.
pub fn skipped_file(finding_line: &str) -> String {
    format!("übersprungen: {finding_line}")
}

/// On stderr after the report, when files were left out.
pub fn skipped_summary(files: usize) -> String {
    if files == 1 {
        "1 ungültige Datei ist nicht im Bericht (siehe oben); `kin check` zeigt alle Befunde".into()
    } else {
        format!(
            "{files} ungültige Dateien sind nicht im Bericht (siehe oben); `kin check` zeigt alle Befunde"
        )
    }
}

/// `--per` was given with a format other than CSV.
pub const PER_ONLY_FOR_CSV: &str =
    "--per gilt nur für --format csv (eine Zeile je Kommune oder je Maßnahme)";

pub const HEADER_DONE_PERCENT_SHEET: &str = "Umsetzungsgrad (%)";
pub const HEADER_ASSESSED_PERCENT_SHEET: &str = "Vollständigkeit (%)";
pub const HEADER_OVERDUE: &str = "Überfällig";
/// The header of the column with the answers to one entry question.
pub fn header_answer(question: &str) -> String {
    format!("Antwort: {question}")
}
/// The Hinweis of a file left out of the report.
pub fn skipped_mark(finding_line: &str) -> String {
    format!("nicht berücksichtigt: {finding_line}")
}
/// A yes in a spreadsheet cell (e.g. column „Überfällig“).
pub const CELL_YES: &str = "ja";
