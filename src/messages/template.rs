//! Comments in assessment files written by kin.

use super::status_label;
use crate::domain::status::Status;

/// Marks a category heading in comments of a new file.
pub const CATEGORY_MARK: &str = "==";

/// The comment block at the top of a new assessment file.
pub fn template_header(field: &crate::domain::field::Field) -> String {
    let mut statuses = String::new();
    for status in Status::ALL {
        statuses.push_str(&format!(
            "#   {:<16} {}\n",
            status.as_str(),
            status_label(status)
        ));
    }
    format!(
        "# Bewertung des Handlungsfelds „{title}“ ({area})\n\
         # Kommunale Initiative Nachhaltigkeit Baden-Württemberg, {source}\n\
         #\n\
         # Leitsatz: {leitsatz}\n\
         #\n\
         # Ausfüllen mit `kin assess` oder hier im Editor; prüfen mit `kin check`.\n\
         # Erlaubte Werte für status:\n\
         {statuses}\
         # Zu jedem Vorschlag und jeder eigenen Maßnahme sind außerdem möglich:\n\
         #   note = \"…\", partners = [\"…\"], evidence = [\"…\"], responsible = \"…\", due = 2027-06-30\n\
         # „nicht relevant“ (not-applicable) bitte in note begründen.\n\n",
        title = field.title,
        area = field.area,
        source = field.source,
        leitsatz = field.leitsatz,
    )
}

/// The commented-out example of an own measure at the end of a new file.
pub fn template_own_example() -> String {
    "\n# Eigene Maßnahmen (die Liste der Vorschläge ist nicht vollständig), z. B.:\n\
     # [[own]]\n\
     # id = \"gemeinsamer-klaerschlamm\"   # eindeutig, Kleinbuchstaben und Bindestriche\n\
     # category = \"infrastruktur\"        # infrastruktur, wirtschaft, bildung, konzepte, international\n\
     # title = \"Gemeinsame Klärschlammverwertung\"\n\
     # status = \"planned\"\n"
        .into()
}
