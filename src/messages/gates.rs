//! Findings of the policy gates of `kin check`.

use super::quoted;

pub fn gate_incomplete(unassessed: &[&str], unanswered: &[&str]) -> String {
    let mut parts = Vec::new();
    if !unassessed.is_empty() {
        let word = if unassessed.len() == 1 {
            "Punkt"
        } else {
            "Punkte"
        };
        parts.push(format!(
            "{} {word} unbewertet ({})",
            unassessed.len(),
            unassessed.join(", ")
        ));
    }
    if !unanswered.is_empty() {
        let word = if unanswered.len() == 1 {
            "Einstiegsfrage"
        } else {
            "Einstiegsfragen"
        };
        parts.push(format!(
            "{} {word} unbeantwortet ({})",
            unanswered.len(),
            unanswered.join(", ")
        ));
    }
    format!(
        "Vorgabe --require-complete nicht erfüllt: {}",
        parts.join(", ")
    )
}

pub fn gate_min_done(done: &str, min: &str) -> String {
    format!("Vorgabe --min-done nicht erfüllt: Umsetzungsgrad {done} < {min}")
}

pub fn gate_max_age(date: &str, age_days: i64, max_days: u32) -> String {
    format!(
        "Vorgabe --max-age nicht erfüllt: Bewertung vom {} ist {age_days} Tage alt, erlaubt sind {max_days}",
        quoted(date)
    )
}

pub fn gate_date_in_future(date: &str, today: &str) -> String {
    format!(
        "Vorgabe --max-age nicht erfüllt: das Datum der Bewertung {} liegt nach dem Stichtag {today}",
        quoted(date)
    )
}

pub fn gate_overdue(id: &str, status: &str, due: &str, today: &str) -> String {
    format!(
        "Vorgabe --fail-overdue nicht erfüllt: {} ist überfällig ({status}, Termin {due}, Stichtag {today})",
        quoted(id)
    )
}

pub const TODAY_WITHOUT_GATE: &str = "--today ist der Stichtag für --max-age und --fail-overdue; bitte eine der beiden Vorgaben angeben";

pub fn invalid_percent(value: &str) -> String {
    format!("{} ist keine Prozentzahl von 0 bis 100", quoted(value))
}
