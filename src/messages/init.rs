//! `kin init`.

use super::quoted;

/// The Kommune name written by `kin init` when none is given.
pub const PLACEHOLDER_KOMMUNE: &str = "Name der Kommune";

pub fn init_refuses_overwrite(path: &str) -> String {
    format!("{path} gibt es schon und bleibt unverändert; zum Überschreiben --force angeben")
}
/// `assess` and `check` are the next commands, ready to type.
pub fn init_written(path: &str, assess: &str, check: &str) -> String {
    format!(
        "Vorlage geschrieben: {path}\nWeiter mit: {assess}   (oder im Editor ausfüllen, dann: {check})"
    )
}
pub fn cannot_write(path: &str) -> String {
    format!("{path} kann nicht geschrieben werden")
}
pub fn invalid_ags_argument(value: &str) -> String {
    format!(
        "--ags {}: ein Amtlicher Gemeindeschlüssel hat genau 8 Ziffern, z. B. 08115999",
        quoted(value)
    )
}
pub fn empty_kommune_argument() -> String {
    "--kommune darf nicht leer sein".into()
}
