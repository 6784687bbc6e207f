//! `kin network`: findings about the cooperation network, the alias file,
//! and the words of its outputs.

use super::{quoted, status_label};
use crate::domain::status::Status;

/// An item as findings name it: „Titel“ [id], for an own measure with
/// "der eigenen Maßnahme" in front.
fn item_phrase(title: &str, id: &str, own: bool) -> String {
    let title = quoted(title);
    if own {
        format!("der eigenen Maßnahme {title} [{id}]")
    } else {
        format!("{title} [{id}]")
    }
}

/// What a one-sided link finding says.
pub struct OneSided<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub to_file: &'a str,
    pub item_title: &'a str,
    pub item_id: &'a str,
    pub own: bool,
    /// The category's title.
    pub category: &'a str,
}

pub fn network_one_sided(link: &OneSided<'_>) -> String {
    let OneSided {
        from,
        to,
        to_file,
        item_title,
        item_id,
        own,
        category,
    } = link;
    let item = item_phrase(item_title, item_id, *own);
    let category = quoted(category);
    let back = if *own {
        format!("{to} nennt {from} bei keinem Punkt der Kategorie {category}")
    } else {
        format!(
            "{to} nennt {from} weder dort noch bei einer eigenen Maßnahme der Kategorie {category}"
        )
    };
    format!("einseitig genannt: {from} nennt {to} ({to_file}) bei {item}; {back}")
}

/// A Kommune an ambiguous partner name could mean.
pub struct NetworkCandidate<'a> {
    pub name: &'a str,
    pub ags: Option<&'a str>,
    pub file: &'a str,
}

pub fn network_ambiguous(
    written: &str,
    item_title: &str,
    item_id: &str,
    candidates: &[NetworkCandidate<'_>],
) -> String {
    let candidates: Vec<String> = candidates
        .iter()
        .map(|c| match c.ags {
            Some(ags) => format!("{} (AGS {ags}, {})", c.name, c.file),
            None => format!("{} ({})", c.name, c.file),
        })
        .collect();
    format!(
        "mehrdeutiger Partner {} bei {}: passt zu {}; bitte den Amtlichen Gemeindeschlüssel als Partner eintragen oder eine Alias-Datei angeben (--aliases)",
        quoted(written),
        item_phrase(item_title, item_id, false),
        join_und(&candidates)
    )
}

pub fn network_self_reference(
    name: &str,
    written: &str,
    item_title: &str,
    item_id: &str,
) -> String {
    format!(
        "{name} nennt sich selbst als Partner ({}) bei {}; diese Nennung zählt nicht",
        quoted(written),
        item_phrase(item_title, item_id, false)
    )
}

pub fn network_duplicate(name: &str, earlier_file: &str) -> String {
    format!(
        "{name} ist auch in {earlier_file} bewertet; Nennungen von {name} sind deshalb mehrdeutig. Bitte nur eine Datei je Kommune angeben"
    )
}

/// "a, b und c".
fn join_und(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} und {last}", rest.join(", ")),
    }
}

// ---- the alias file -------------------------------------------------------

pub fn alias_invalid_ags(target: &str) -> String {
    format!(
        "ungültiger Amtlicher Gemeindeschlüssel {} als Ziel: genau 8 Ziffern, z. B. 08115999",
        quoted(target)
    )
}

pub fn alias_conflict(
    variant: &str,
    target: &str,
    earlier_variant: &str,
    earlier_target: &str,
    earlier_line: Option<usize>,
) -> String {
    let place = earlier_line.map_or(String::new(), |line| format!(" (Zeile {line})"));
    format!(
        "{} steht für {}, aber die gleiche Schreibweise {}{place} steht schon für {}",
        quoted(variant),
        quoted(target),
        quoted(earlier_variant),
        quoted(earlier_target)
    )
}

pub fn alias_chain(variant: &str, target: &str, further: &str) -> String {
    format!(
        "{} verweist auf {}, das selbst für {} steht; bitte direkt auf {} verweisen",
        quoted(variant),
        quoted(target),
        quoted(further),
        quoted(further)
    )
}

pub const ALIAS_TABLE: &str = "der Alias-Datei";
pub const ALIAS_KEYS: [&str; 1] = ["aliases"];
pub const ALIASES_INVALID: &str = "die Alias-Datei ist fehlerhaft";

// ---- outputs ----------------------------------------------------------------

/// The label of a status on a link, e.g. "umgesetzt".
pub fn network_status(status: Status) -> &'static str {
    status_label(status)
}
