//! `kin report --format html|docx`: the headings and labels of the report
//! as a document (the others are shared with the other formats, see
//! `report.rs`).

use super::german_date;
use jiff::civil::Date;

/// Under the title of one Kommune's report.
pub fn assessed_on(date: Date) -> String {
    format!("Bewertung vom {}", german_date(date))
}

/// Under the title of a district report: the span of the assessment dates.
pub fn assessed_between(first: Date, last: Date) -> String {
    if first == last {
        assessed_on(first)
    } else {
        format!(
            "Bewertungen vom {} bis {}",
            german_date(first),
            german_date(last)
        )
    }
}

/// The footer of one Kommune's report.
pub fn footer_one(file: &str, version: &str, today: Date) -> String {
    format!(
        "Datei: {file} · erstellt mit kin {version} am {}",
        german_date(today)
    )
}

/// The footer of a district report.
pub fn footer_district(files: usize, version: &str, today: Date) -> String {
    let files = if files == 1 {
        "1 Datei".to_owned()
    } else {
        format!("{files} Dateien")
    };
    format!(
        "{files} · erstellt mit kin {version} am {}",
        german_date(today)
    )
}

/// The label of the number of measures, with how many of them the
/// Kommune added itself.
pub fn measures_with_own(own: usize) -> String {
    match own {
        0 => LABEL_MEASURES.to_owned(),
        own => format!("{LABEL_MEASURES}, davon {own} eigene"),
    }
}

/// The label of a district's overdue items: in how many Kommunen they are.
pub fn overdue_in_kommunen(kommunen: usize) -> String {
    match kommunen {
        0 => LABEL_OVERDUE_ITEMS.to_owned(),
        1 => format!("{LABEL_OVERDUE_ITEMS} in 1 Kommune"),
        kommunen => format!("{LABEL_OVERDUE_ITEMS} in {kommunen} Kommunen"),
    }
}

/// The explanation of the numbered columns of the district matrix.
pub fn matrix_columns_hint(suggestions: usize) -> String {
    format!(
        "Spalten 1–{suggestions}: die Vorschläge des Handlungsfelds; ihre Titel stehen im Abschnitt „{}“.",
        super::HEADING_SUGGESTION_TOTALS
    )
}

/// The heading of one suggestion in the district report: "3 · Wirtschaft: Interkommunales Gründerzentrum".
pub fn district_suggestion_heading(code: &str, category: &str, title: &str) -> String {
    format!("{code} · {category}: {title}")
}

/// Instead of the network picture of a large district.
pub fn network_too_large(kommunen: usize) -> String {
    format!(
        "Das Kooperationsnetz von {kommunen} Kommunen und ihren Partnern ist für eine Seite zu groß. \
         kin network zeigt es als Liste, Bild oder für Graphviz; kin network --check nennt die einseitig genannten Partnerschaften."
    )
}

pub const LABEL_AREA: &str = "Bereich";
pub const LABEL_KOMMUNEN: &str = "Kommunen";
pub const LABEL_MEASURES: &str = "Maßnahmen";
pub const LABEL_RESPONSIBLE: &str = "Verantwortlich";
pub const LABEL_DUE: &str = "Termin";
pub const LABEL_OVERDUE_ITEMS: &str = "überfällige Maßnahmen";
/// Column headers of the district matrix, with soft hyphens where the
/// page may break them.
pub const HEADER_DONE_PERCENT_NARROW: &str = "Umset\u{ad}zungs\u{ad}grad";
pub const HEADER_ASSESSED_PERCENT_NARROW: &str = "Voll\u{ad}ständig\u{ad}keit";
pub const LABEL_AGS_SHORT: &str = "AGS";

pub const HEADING_FIELD: &str = "Das Handlungsfeld";
pub const HEADING_KEY_FIGURES: &str = "Kennzahlen";
pub const HEADING_CATEGORY_CHART: &str = "Stand je Kategorie";
pub const HEADING_MEASURES_BY_CATEGORY: &str = "Maßnahmen je Kategorie";
pub const HEADING_NETWORK: &str = "Kooperationsnetz";

/// Under the figures of a district.
pub const DISTRICT_PERCENT_EXPLANATION: &str = "Die Prozentwerte zählen alle Maßnahmen aller Kommunen zusammen \
     (nicht der Durchschnitt der Kommunen).";
