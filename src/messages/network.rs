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
pub const ALIASES_INVALID: &str = "die Alias-Datei ist fehlerhaft";

// ---- outputs ----------------------------------------------------------------

/// The label of a status on a link, e.g. "umgesetzt".
pub fn network_status(status: Status) -> &'static str {
    status_label(status)
}

pub fn alias_empty_variant() -> String {
    "eine Schreibweise darf nicht leer sein".into()
}

/// "1 Kommune" or "7 Kommunen".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub fn network_title(kommunen: usize) -> String {
    format!(
        "Kooperationsnetz: {}",
        count(kommunen, "bewertete Kommune", "bewertete Kommunen")
    )
}

/// The figures of a network in one line.
pub fn network_summary(summary: &crate::domain::network::Summary) -> String {
    format!(
        "{} zwischen bewerteten Kommunen: {} beidseitig, {} einseitig; {} von {}",
        count(summary.links, "Nennung", "Nennungen"),
        summary.confirmed,
        summary.one_sided,
        count(summary.external_links, "Nennung", "Nennungen"),
        count(summary.externals, "externen Partner", "externen Partnern"),
    )
}

pub fn network_kommune_heading(name: &str, ags: Option<&str>, file: &str) -> String {
    match ags {
        Some(ags) => format!("{name} (AGS {ags}) · {file}"),
        None => format!("{name} · {file}"),
    }
}

pub fn network_names(partner: &str) -> String {
    format!("nennt {partner}:")
}

pub const NETWORK_CONFIRMED: &str = "beidseitig";
pub const NETWORK_ONE_SIDED: &str = "einseitig";
pub const NETWORK_NAMED_BY_ONE_SIDED: &str = "wird einseitig genannt von:";
pub const NETWORK_EXTERNAL_PARTNERS: &str = "externe Partner:";
pub const NETWORK_NO_PARTNERS: &str = "keine Partner genannt";
pub const NETWORK_EXTERNALS_HEADING: &str = "Externe Partner (ohne Bewertungsdatei):";

pub fn network_external_named_by(name: &str, by: &[String]) -> String {
    format!("{name} – genannt von {}", by.join(", "))
}

/// The last line of `kin network --check`.
pub fn network_check_summary(summary: &crate::domain::network::Summary) -> String {
    let mut problems = Vec::new();
    if summary.one_sided > 0 {
        problems.push(format!("{} einseitig", summary.one_sided));
    }
    if summary.ambiguous > 0 {
        problems.push(format!("{} mehrdeutig", summary.ambiguous));
    }
    if summary.self_references > 0 {
        problems.push(count(
            summary.self_references,
            "Selbstnennung",
            "Selbstnennungen",
        ));
    }
    if summary.duplicates > 0 {
        problems.push(count(
            summary.duplicates,
            "doppelte Kommune",
            "doppelte Kommunen",
        ));
    }
    let links = count(summary.links, "Nennung", "Nennungen");
    let kommunen = count(summary.kommunen, "Kommune", "Kommunen");
    if problems.is_empty() {
        format!("{kommunen} geprüft, {links} zwischen ihnen: alle beidseitig")
    } else {
        format!(
            "{kommunen} geprüft, {links} zwischen ihnen: {}",
            problems.join(", ")
        )
    }
}

pub const NETWORK_EXTERNAL_LEGEND: &str = "Externe Partner (ohne Bewertungsdatei)";
pub const NETWORK_LEGEND_CONFIRMED: &str = "von beiden Seiten genannt";
pub const NETWORK_LEGEND_ONE_SIDED: &str =
    "nur von einer Seite genannt (Pfeil zum genannten Partner)";
pub const NETWORK_LEGEND_EXTERNAL: &str = "Nennung eines externen Partners";

/// The German name of a category colour (see `CATEGORY_COLOURS`).
pub fn colour_name(index: usize) -> &'static str {
    const NAMES: [&str; 7] = [
        "blau", "orange", "grün", "rosa", "rot", "hellblau", "schwarz",
    ];
    NAMES[index % NAMES.len()]
}

/// The legend under a Mermaid diagram, as Markdown.
pub fn network_markdown_legend(categories: &str) -> String {
    let mut legend = format!(
        "**{}:** durchgezogene Linie: {NETWORK_LEGEND_CONFIRMED} · gestrichelte Linie: {NETWORK_LEGEND_ONE_SIDED} · gepunktete Linie zu grauem Kasten: {NETWORK_LEGEND_EXTERNAL}",
        super::LABEL_LEGEND
    );
    if !categories.is_empty() {
        legend.push_str(&format!(" · Farben: {categories}"));
    }
    legend
}
pub const NETWORK_LEGEND_EXTERNAL_BOX: &str = "externer Partner (ohne Bewertungsdatei)";

// ---- the command line --------------------------------------------------------

pub const NETWORK_EXAMPLES: &str = "Beispiele:
  kin network kreis/*.kin.toml
  kin network kreis/*.kin.toml --check
  kin network kreis/*.kin.toml --check --format github
  kin network kreis/*.kin.toml --format svg --output netz.svg
  kin network kreis/*.kin.toml --format mermaid > netz.md
  kin network kreis/*.kin.toml --aliases schreibweisen.toml

Eine Partnerschaft gilt als beidseitig genannt, wenn die Partnerkommune die
Kommune beim selben Vorschlag nennt oder bei einer eigenen Maßnahme derselben
Kategorie (bei eigenen Maßnahmen: bei irgendetwas derselben Kategorie).
Exit-Code mit --check: 0 keine Befunde, 1 Befunde, 2 ungültige Eingabe.";

pub const NETWORK_GITHUB_NEEDS_CHECK: &str =
    "--format github gibt es nur zusammen mit --check (GitHub-Actions-Anmerkungen zu den Befunden)";

pub fn network_check_format(format: &str) -> String {
    format!(
        "--check gibt nur Befunde aus (als Text oder mit --format github), nicht als {format}; ohne --check zeigt --format {format} das ganze Netz"
    )
}

pub fn network_output_is_aliases(path: &str) -> String {
    format!(
        "{} ist die Alias-Datei; die Ausgabe bitte in eine andere Datei schreiben",
        quoted(path)
    )
}

// ---- the district report -------------------------------------------------------

pub const NETWORK_PICTURE_INTRO: &str = "Wer mit wem zusammenarbeitet, nach den Partnern, die die Bewertungen nennen. \
     Durchgezogene Linien: beide Seiten nennen die Partnerschaft; gestrichelte Linien mit Pfeil: nur eine Seite \
     (der Pfeil zeigt auf den genannten Partner); graue Kästen: Partner ohne Bewertungsdatei. \
     Alle Befunde mit Datei und Zeile zeigt der Befehl kin network --check.";

/// The caption under the network picture, also what a format that cannot
/// show the picture says instead: the figures, then the one-sided
/// partnerships ("Großbühlach → Haldenburg: Interkommunales Gründerzentrum"),
/// at most `shown` of them.
pub fn network_picture_caption(
    summary: &crate::domain::network::Summary,
    one_sided: &[String],
    shown: usize,
) -> String {
    let mut caption = format!("{}.", network_summary(summary));
    if !one_sided.is_empty() {
        caption.push_str(" Einseitig genannt: ");
        caption.push_str(&one_sided[..one_sided.len().min(shown)].join("; "));
        if one_sided.len() > shown {
            caption.push_str(&format!(" und {} weitere", one_sided.len() - shown));
        }
        if !caption.ends_with('…') {
            caption.push('.');
        }
    }
    caption
}

/// "Großbühlach → Haldenburg: Interkommunales Gründerzentrum".
pub fn network_one_sided_short(from: &str, to: &str, item: &str) -> String {
    format!("{from} → {to}: {item}")
}
