//! Opening and saving an assessment file in `kin assess` and `kin set`.

pub fn file_invalid_unchanged(path: &str) -> String {
    format!(
        "{path} enthält Fehler (siehe oben) und bleibt unverändert; bitte zuerst beheben \
         (`kin check {path}` zeigt alle Befunde)"
    )
}
pub fn file_unreadable(path: &str) -> String {
    format!("{path} kann nicht gelesen werden")
}
pub fn changed_outside(path: &str) -> String {
    format!(
        "{path} wurde während dieser Sitzung von einem anderen Programm geändert, ersetzt oder \
         gelöscht; kin überschreibt das nicht und hört hier auf. Die letzte Antwort ist nicht \
         gespeichert, alle früheren schon."
    )
}
pub fn would_write_invalid(path: &str) -> String {
    format!(
        "interner Fehler: kin hätte {path} ungültig gespeichert und hat deshalb nichts geschrieben; \
         bitte melden"
    )
}
pub fn file_warning(line: &str) -> String {
    format!("Hinweis: {line}")
}
