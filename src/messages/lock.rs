//! Lock files that keep two kin sessions from writing one file.

use crate::store::lock::Holder;

/// The comment at the top of a lock file, for people who find one.
pub fn lock_file_comment() -> String {
    "# kin: Diese Datei zeigt, dass die Bewertungsdatei daneben gerade bearbeitet wird.\n\
     # Sie verschwindet am Ende der Sitzung von selbst.\n"
        .into()
}

pub fn lock_held(file: &str, lock_path: &str, holder: &Holder) -> String {
    format!(
        "{file} wird gerade bearbeitet (kin {command}, Prozess {pid} auf {host}, seit {since}) \
         und bleibt unverändert. Bitte warten, bis diese Sitzung beendet ist. \
         Läuft sicher keine andere kin-Sitzung mehr, kann die Sperrdatei {lock_path} gelöscht werden.",
        command = holder.command,
        pid = holder.pid,
        host = holder.host,
        since = holder.since,
    )
}

pub fn lock_unreadable(file: &str, lock_path: &str) -> String {
    format!(
        "{file} ist gesperrt (Sperrdatei {lock_path}), aber die Sperrdatei ist unlesbar; \
         die Datei bleibt unverändert. Wird gerade eine kin-Sitzung gestartet, in ein paar Sekunden \
         noch einmal versuchen; eine unlesbare Sperrdatei, die älter als eine halbe Minute ist, \
         übernimmt kin von selbst."
    )
}

pub fn lock_failed(file: &str, lock_path: &str, cause: &str) -> String {
    format!(
        "{file} kann nicht gesperrt werden: die Sperrdatei {lock_path} lässt sich nicht anlegen ({cause}); \
         die Datei bleibt unverändert"
    )
}
