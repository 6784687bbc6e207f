//! Saving files: why a save failed, in words for people. Every save is
//! atomic, so a failed one never changes the file; the messages say so.

use std::io;

/// Why kin leaves a write-protected file alone.
pub const READ_ONLY_FILE: &str = "die Datei ist schreibgeschützt (kin ändert sie deshalb nicht; \
     zum Bearbeiten erst den Schreibschutz aufheben)";

/// Why kin leaves a file alone that the user may not write.
pub const NOT_WRITABLE: &str = "Sie haben keine Schreibrechte für die Datei (kin ersetzt sie \
     deshalb nicht, auch wenn der Ordner es erlauben würde)";

/// Why a save was not made: someone else saved the file since kin read it.
pub const CHANGED_MEANWHILE: &str =
    "die Datei wurde inzwischen von einem anderen Programm geändert, ersetzt oder gelöscht";

/// Why kin does not replace a file whose group it cannot keep.
pub fn group_not_kept(group: &str) -> String {
    format!(
        "die Datei gehört der Gruppe „{group}“, der Sie nicht angehören; gespeichert würde sie \
         einer Ihrer Gruppen gehören, und wer sie bisher über die Gruppe „{group}“ ändern durfte, \
         dürfte es nicht mehr. Bitte die Datei von einem Mitglied der Gruppe bearbeiten lassen \
         oder ihre Gruppe ändern lassen"
    )
}

/// Why a file that another program holds open was not replaced (after
/// about two seconds of retries).
pub fn held_open(certain: bool) -> String {
    let cause = if certain {
        "ein anderes Programm hat die Datei geöffnet"
    } else {
        "ein anderes Programm hat die Datei geöffnet, oder es fehlt das Recht, sie zu ersetzen"
    };
    format!(
        "{cause} (z. B. Excel, ein Editor, ein Virenscanner oder OneDrive), deshalb hat kin \
         sie nicht ersetzt; bitte das Programm schließen und noch einmal versuchen"
    )
}

/// Why a path cannot be followed to a file.
pub const SYMLINK_LOOP: &str = "zu viele symbolische Links hintereinander (eine Schleife?)";

/// `PATH kann nicht geschrieben werden: REASON; es wurde nichts geändert`.
pub fn write_failed(path: &str, error: &io::Error) -> String {
    let reason = write_error_reason(error);
    format!("{path} kann nicht geschrieben werden: {reason}; es wurde nichts geändert")
}

/// A failed save in a session: what was saved before is still there.
pub fn save_failed(path: &str, error: &io::Error) -> String {
    let reason = write_error_reason(error);
    format!(
        "{path} kann nicht gespeichert werden: {reason}; alle früheren Antworten sind darin gespeichert"
    )
}

/// Why a write failed, in words for people.
fn write_error_reason(error: &io::Error) -> String {
    let own = error
        .get_ref()
        .is_some_and(|inner| inner.is::<crate::store::atomic_write::ReadOnlyFile>());
    let group = error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<crate::store::keep_access::GroupNotKept>());
    if let Some(group) = group {
        return group.to_string();
    }
    if error
        .get_ref()
        .is_some_and(|inner| inner.is::<crate::store::keep_access::NotWritable>())
    {
        return NOT_WRITABLE.to_owned();
    }
    let system = system_message(error);
    if let Some(special) = crate::store::regular_file::NotRegular::in_error(error) {
        return super::not_a_regular_file(special);
    }
    if let Some(held) = error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<crate::store::held_open::HeldOpen>())
    {
        return held.to_string();
    }
    match error.kind() {
        _ if own => READ_ONLY_FILE.to_owned(),
        io::ErrorKind::PermissionDenied => {
            format!("keine Schreibrechte für die Datei oder ihren Ordner ({system})")
        }
        io::ErrorKind::ReadOnlyFilesystem => {
            format!("das Laufwerk ist schreibgeschützt ({system})")
        }
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            format!("kein Platz mehr auf dem Laufwerk ({system})")
        }
        io::ErrorKind::NotFound => format!("den Ordner gibt es nicht ({system})"),
        _ => system,
    }
}

/// The operating system's own words, without the name of the temporary
/// file that the tempfile crate appends (` at path "…"`): it would only confuse.
fn system_message(error: &io::Error) -> String {
    let text = error.to_string();
    match text.split_once(" at path \"") {
        Some((message, _)) => message.to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_why_and_that_nothing_changed() {
        let full = io::Error::new(io::ErrorKind::StorageFull, "No space left on device");
        assert_eq!(
            write_failed("a.kin.toml", &full),
            "a.kin.toml kann nicht geschrieben werden: kein Platz mehr auf dem Laufwerk \
             (No space left on device); es wurde nichts geändert"
        );
        let read_only = io::Error::new(
            io::ErrorKind::PermissionDenied,
            crate::store::atomic_write::ReadOnlyFile,
        );
        assert!(write_failed("a", &read_only).contains("die Datei ist schreibgeschützt"));
        let temp = io::Error::new(
            io::ErrorKind::PermissionDenied,
            "Operation not permitted (os error 1) at path \"/x/.a.kin.toml.Ab12.tmp\"",
        );
        let message = write_failed("a", &temp);
        assert!(!message.contains(".tmp"), "{message}");
        assert!(message.contains("keine Schreibrechte"), "{message}");
        let held = io::Error::new(
            io::ErrorKind::ResourceBusy,
            crate::store::held_open::HeldOpen { certain: true },
        );
        assert_eq!(
            write_failed("a.kin.toml", &held),
            "a.kin.toml kann nicht geschrieben werden: ein anderes Programm hat die Datei \
             geöffnet (z. B. Excel, ein Editor, ein Virenscanner oder OneDrive), deshalb hat \
             kin sie nicht ersetzt; bitte das Programm schließen und noch einmal versuchen; \
             es wurde nichts geändert"
        );
    }
}
