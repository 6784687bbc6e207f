//! The summary at the end of `kin assess`: counts per status, Umsetzungsgrad,
//! what is still unbewertet, and where it is saved.

use crate::domain::assessment::Assessment;
use crate::domain::field::Field;
use crate::domain::figures::{counts, format_percent};
use crate::messages as msg;
use crate::render::escape::one_line;

pub fn session_summary(assessment: &Assessment, field: &Field, path: &str) -> String {
    let counts = counts(assessment, field);
    let mut lines = vec![msg::summary_heading(&one_line(&assessment.kommune.name))];
    for (status, count) in counts.iter() {
        lines.push(format!("  {:<16}{count:>3}", msg::status_label(status)));
    }
    lines.push(msg::summary_umsetzungsgrad(&format_percent(
        counts.done_percent(),
    )));
    lines.push(msg::summary_unassessed(
        counts.unassessed(),
        counts.total(),
        path,
    ));
    lines.push(msg::summary_saved(path));
    lines.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::status::Status;
    use crate::test_support::sample;

    #[test]
    fn summary_counts_every_status() {
        let field = Field::embedded();
        let a = sample("Musterhausen")
            .status("wirtschaft-foerderung", Status::Done)
            .status("bildung-zusammenarbeit", Status::NotApplicable)
            .status("konzepte-mobilitaet", Status::Planned)
            .build();
        insta::assert_snapshot!(session_summary(&a, field, "musterhausen.kin.toml"));
    }
}
