//! Lock files that keep two kin sessions from writing one file.

use crate::render::escape::{file_name, one_line};
use crate::store::lock::Holder;

/// The comment at the top of a lock file, for people who find one.
pub fn lock_file_comment() -> String {
    "# kin: Diese Datei zeigt, wer die Bewertungsdatei daneben gerade bearbeitet.\n\
     # kin entfernt sie am Ende der Sitzung; liegt sie danach noch hier (nach einem\n\
     # Absturz), stört sie nicht und darf gelöscht werden.\n"
        .into()
}

pub fn lock_held(file: &str, holder: Option<&Holder>) -> String {
    let who = match holder {
        Some(holder) => format!(
            " (kin {command}, Prozess {pid} auf {host}, seit {since})",
            command = one_line(&holder.command),
            pid = holder.pid,
            host = one_line(&holder.host),
            since = one_line(&since_german(&holder.since)),
        ),
        None => String::new(),
    };
    format!(
        "{file} wird gerade in einer anderen kin-Sitzung bearbeitet{who} und bleibt unverändert. \
         Bitte warten, bis diese Sitzung beendet ist, und dann noch einmal versuchen."
    )
}

/// `2026-11-25T09:41:07+01:00` (as lock files record it) as `25.11.2026,
/// 09:41 Uhr`; anything else as it is.
fn since_german(since: &str) -> String {
    let b = since.as_bytes();
    let shaped = b.len() >= 16
        && since.is_char_boundary(16)
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':';
    if !shaped {
        return since.to_owned();
    }
    format!(
        "{}.{}.{}, {} Uhr",
        &since[8..10],
        &since[5..7],
        &since[0..4],
        &since[11..16]
    )
}

pub fn lock_failed(file: &str, lock_path: &str, cause: &str) -> String {
    let (lock_path, cause) = (file_name(lock_path), one_line(cause));
    format!(
        "{file} kann nicht gesperrt werden: die Sperrdatei {lock_path} lässt sich nicht anlegen \
         oder öffnen ({cause}); die Datei bleibt unverändert"
    )
}

/// Why taking a lock gave up (it would take twenty sessions ending one
/// after another in the same instant).
pub const LOCK_FILE_KEEPS_VANISHING: &str =
    "die Sperrdatei wurde immer wieder entfernt, während kin sie sperren wollte";

/// A warning when the drive cannot lock files at all.
pub fn lock_unsupported(file: &str) -> String {
    format!(
        "Hinweis: Das Laufwerk von {file} kann Dateien nicht sperren. kin bearbeitet die Datei \
         trotzdem und prüft vor jedem Speichern, ob sie inzwischen jemand anders geändert hat; \
         bitte nicht gleichzeitig mit anderen daran arbeiten."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_of_a_session_is_told_as_a_german_date() {
        assert_eq!(
            since_german("2026-11-25T09:41:07+01:00"),
            "25.11.2026, 09:41 Uhr"
        );
        assert_eq!(since_german("gestern"), "gestern");
        assert_eq!(since_german("2026-11-25Täää"), "2026-11-25Täää");
    }
}
