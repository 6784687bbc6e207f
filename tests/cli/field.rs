//! `kin field` in its three formats.

use crate::support::kin;
use kin::domain::field::{FIELD_TOML, Field};

#[test]
fn text_shows_title_leitsatz_questions_and_suggestions_with_ids() {
    let out = kin().arg("field").assert().code(0);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let field = Field::embedded();
    assert!(text.starts_with("Interkommunale Zusammenarbeit\nKommunale Rahmenbedingungen\n"));
    assert!(text.contains(&field.leitsatz));
    assert!(text.contains(&field.summary));
    for q in &field.questions {
        assert!(text.contains(&q.text) && text.contains(&format!("[{}]", q.id)));
    }
    for c in &field.categories {
        assert!(text.contains(&format!("{} [{}]", c.title, c.id)));
        for s in &c.suggestions {
            assert!(text.contains(&s.text) && text.contains(&format!("[{}]", s.id)));
        }
    }
}

#[test]
fn toml_is_the_embedded_definition_and_json_parses() {
    kin()
        .args(["field", "--format", "toml"])
        .assert()
        .code(0)
        .stdout(FIELD_TOML);
    let out = kin().args(["field", "--format", "json"]).assert().code(0);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["id"], "interkommunale-zusammenarbeit");
    assert_eq!(json["categories"].as_array().unwrap().len(), 5);
    assert_eq!(json["sdgs"], serde_json::json!([]));
}
