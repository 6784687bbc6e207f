//! Assessments as TOML text: a complete new file in canonical form, or an
//! update of an existing file's document that touches only what changed, so
//! that comments and layout a person wrote by hand survive.

use crate::domain::assessment::{Assessment, ItemState, Kommune, OwnMeasure};
use crate::domain::field::Field;
use crate::domain::status::Status;
use crate::format::array_edit::update_array;
use crate::format::keys::{ItemKey, KommuneKey, OwnKey, TableKey, TopKey};
use crate::format::lexical::starts_like_merge_marker;
use crate::messages as msg;
use std::collections::HashMap;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};
use toml_writer::ToTomlValue as _;

/// The canonical text of an assessment: every question and suggestion in
/// field order, with short German comments. Same input, same bytes.
pub fn to_toml(assessment: &Assessment, field: &Field) -> String {
    new_document(assessment, field).to_string()
}

/// A new document for `assessment` with every question and suggestion of
/// `field` present, each with a comment naming its text.
pub fn new_document(assessment: &Assessment, field: &Field) -> DocumentMut {
    let mut doc = DocumentMut::new();
    doc.decor_mut().set_prefix(msg::template_header(field));
    doc.insert(TopKey::Kommune.as_str(), Item::Table(Table::new()));
    let mut answers = Table::new();
    for question in &field.questions {
        answers.insert(&question.id, Item::Value(text_value("")));
        if let Some(mut key) = answers.key_mut(&question.id) {
            key.leaf_decor_mut()
                .set_prefix(comment_lines(&question.text));
        }
    }
    doc.insert(TopKey::Answers.as_str(), Item::Table(answers));
    let mut suggestions = Table::new();
    suggestions.set_implicit(true);
    for category in &field.categories {
        for (index, suggestion) in category.suggestions.iter().enumerate() {
            let mut table = Table::new();
            let unknown = Value::from(Status::Unknown.as_str());
            table.insert(ItemKey::Status.as_str(), Item::Value(unknown));
            let mut comment = String::from("\n");
            if index == 0 {
                comment.push_str(&comment_lines(&format!(
                    "{} {}",
                    msg::CATEGORY_MARK,
                    category.title
                )));
            }
            comment.push_str(&comment_lines(&suggestion.text));
            table.decor_mut().set_prefix(comment);
            suggestions.insert(&suggestion.id, Item::Table(table));
        }
    }
    doc.insert(TopKey::Suggestions.as_str(), Item::Table(suggestions));
    update_document(&mut doc, assessment, field);
    doc.decor_mut().set_suffix(msg::template_own_example());
    doc
}

/// Brings `doc` in line with `assessment`, changing only values that differ.
/// Keys kin does not know stay untouched; suggestions the document lacks are
/// added only when something is recorded for them.
pub fn update_document(doc: &mut DocumentMut, assessment: &Assessment, field: &Field) {
    let root = doc.as_table_mut();
    let schema = Value::from(i64::from(assessment.schema));
    set_value(root, TopKey::Schema, Some(schema));
    set_value(root, TopKey::Field, Some(text_value(&assessment.field)));
    let field_version = text_value(&assessment.field_version);
    set_value(root, TopKey::FieldVersion, Some(field_version));
    update_kommune(table_mut(root, TopKey::Kommune), &assessment.kommune);

    // A missing answer and an empty one mean the same; keep whichever the file has.
    let has_answers = field
        .questions
        .iter()
        .any(|q| !assessment.answer(&q.id).is_empty());
    if has_answers || root.contains_key(TopKey::Answers.as_str()) {
        let answers = table_mut(root, TopKey::Answers);
        for question in &field.questions {
            let answer = assessment.answer(&question.id);
            let current = answers
                .get(&question.id)
                .and_then(Item::as_str)
                .unwrap_or("");
            if answer != current {
                set_entry(answers, &question.id, Some(text_value(answer)));
            }
        }
    }

    let suggestions = table_mut(root, TopKey::Suggestions);
    suggestions.set_implicit(true);
    for (_, suggestion) in field.suggestions() {
        let state = assessment.suggestions.get(&suggestion.id);
        if let Some(item) = suggestions.get_mut(&suggestion.id) {
            make_standard(item);
        }
        match (
            suggestions
                .get_mut(&suggestion.id)
                .and_then(Item::as_table_mut),
            state,
        ) {
            (Some(table), state) => update_item(table, &state.cloned().unwrap_or_default()),
            (None, Some(state)) if *state != ItemState::default() => {
                let mut table = Table::new();
                update_item(&mut table, state);
                suggestions.insert(&suggestion.id, Item::Table(table));
            }
            (None, _) => {}
        }
    }
    update_own(root, &assessment.own);
}

fn update_kommune(table: &mut Table, kommune: &Kommune) {
    keep_order::<KommuneKey>(table, |table| {
        let name = Some(text_value(&kommune.name));
        set_value(table, KommuneKey::Name, name);
        let ags = kommune.ags.as_deref().map(text_value);
        set_value(table, KommuneKey::Ags, ags);
        let assessor = kommune.assessor.as_deref().map(text_value);
        set_value(table, KommuneKey::Assessor, assessor);
        set_value(table, KommuneKey::Date, Some(date_value(kommune.date)));
    });
}

fn update_item(table: &mut Table, state: &ItemState) {
    keep_order::<OwnKey>(table, |table| update_item_values(table, state));
}

fn update_item_values(table: &mut Table, state: &ItemState) {
    let status = Some(Value::from(state.status.as_str()));
    set_value(table, ItemKey::Status, status);
    set_value(table, ItemKey::Note, state.note.as_deref().map(text_value));
    set_value(table, ItemKey::Partners, list_value(&state.partners));
    set_value(table, ItemKey::Evidence, list_value(&state.evidence));
    let responsible = state.responsible.as_deref().map(text_value);
    set_value(table, ItemKey::Responsible, responsible);
    set_value(table, ItemKey::Due, state.due.map(date_value));
}

/// Own measures are matched by id: kept ones are updated in place, new ones
/// appended, removed ones dropped, and the list follows the model's order.
fn update_own(root: &mut Table, own: &[OwnMeasure]) {
    // `own = [{ … }]` written by hand becomes `[[own]]` tables, entries kept.
    let own_key = TopKey::Own.as_str();
    let mut existing: Vec<Option<Table>> =
        match root.remove(own_key).map(Item::into_array_of_tables) {
            Some(Ok(array)) => array.into_iter().map(Some).collect(),
            _ => Vec::new(),
        };
    if own.is_empty() {
        return;
    }
    // Where each id stands, so that matching stays linear in the number of
    // measures (thousands of them are possible).
    let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, table) in existing.iter().enumerate().rev() {
        if let Some(id) = table
            .as_ref()
            .and_then(|t| t.get(OwnKey::Id.as_str()))
            .and_then(Item::as_str)
        {
            by_id.entry(id.to_owned()).or_default().push(index);
        }
    }
    let mut array = ArrayOfTables::new();
    for measure in own {
        let found = by_id.get_mut(measure.id.as_str()).and_then(Vec::pop);
        let mut table = found.and_then(|i| existing[i].take()).unwrap_or_default();
        keep_order::<OwnKey>(&mut table, |table| {
            set_value(table, OwnKey::Id, Some(text_value(&measure.id)));
            set_value(table, OwnKey::Category, Some(text_value(&measure.category)));
            set_value(table, OwnKey::Title, Some(text_value(&measure.title)));
            update_item_values(table, &measure.state);
        });
        array.push(table);
    }
    root.insert(own_key, Item::ArrayOfTables(array));
}

/// Runs `update` on `table`; keys it added move to their place in the order
/// of `K`, unless a person arranged the existing keys in another order.
fn keep_order<K: TableKey>(table: &mut Table, update: impl FnOnce(&mut Table)) {
    let order = K::ALL;
    let rank = |key: &str| {
        order
            .iter()
            .position(|k| k.as_str() == key)
            .unwrap_or(order.len())
    };
    let before: Vec<usize> = table.iter().map(|(key, _)| rank(key)).collect();
    update(table);
    let in_order = before.windows(2).all(|pair| pair[0] <= pair[1]);
    if table.len() > before.len() && in_order {
        table.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get())));
    }
}

/// Sets `key` to `value` (or removes it for `None`), leaving the item and its
/// comments alone when the value is already equal.
fn set_value(table: &mut Table, key: impl TableKey, value: Option<Value>) {
    set_entry(table, key.as_str(), value);
}

/// Like [`set_value`], for any key, e.g. an entry question's id.
fn set_entry(table: &mut Table, key: &str, value: Option<Value>) {
    let Some(mut value) = value else {
        table.remove(key);
        return;
    };
    match table.get_mut(key) {
        Some(Item::Value(old)) if same_value(old, &value) => {}
        Some(Item::Value(old)) => {
            // A list keeps the comments and layout between its entries.
            if let (Value::Array(old_list), Value::Array(new_list)) = (&mut *old, &value) {
                update_array(old_list, new_list.iter().cloned().collect());
                return;
            }
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        _ => {
            table.insert(key, Item::Value(value));
        }
    }
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(a), Value::String(b)) => a.value() == b.value(),
        (Value::Integer(a), Value::Integer(b)) => a.value() == b.value(),
        (Value::Datetime(a), Value::Datetime(b)) => a.value() == b.value(),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(a, b)| same_value(a, b))
        }
        _ => false,
    }
}

/// Turns an inline table (`key = { … }`, as people may write by hand) into
/// a standard table in place, entries kept, so it is edited like any other.
fn make_standard(item: &mut Item) {
    if item.is_inline_table() {
        let inline = std::mem::take(item);
        *item = inline.into_table().map_or(Item::None, Item::Table);
    }
}

/// The table under `key`, made a table if it is missing or something else.
fn table_mut(parent: &mut Table, key: TopKey) -> &mut Table {
    let key = key.as_str();
    if let Some(item) = parent.get_mut(key) {
        make_standard(item);
    }
    if !parent.get(key).is_some_and(Item::is_table) {
        parent.insert(key, Item::Table(Table::new()));
    }
    parent
        .get_mut(key)
        .and_then(Item::as_table_mut)
        .expect("inserted above")
}

/// A string value as toml_edit writes it, except that text with line breaks
/// is kept on one line (`"a\nb"`) when one of its lines would start like a
/// git conflict marker: written as a multi-line string, such a line would
/// make `kin check` report an unresolved merge in kin's own file.
fn text_value(text: &str) -> Value {
    let marker_line = text.contains('\n') && text.split('\n').any(starts_like_merge_marker);
    if !marker_line {
        return Value::from(text);
    }
    let one_line = toml_writer::TomlStringBuilder::new(text)
        .as_basic()
        .to_toml_value();
    let mut value: Value = one_line
        .parse()
        .expect("toml_writer writes a valid basic string");
    value.decor_mut().clear();
    value
}

fn list_value(items: &[String]) -> Option<Value> {
    (!items.is_empty()).then(|| Value::Array(items.iter().map(|i| text_value(i)).collect()))
}

fn date_value(date: jiff::civil::Date) -> Value {
    Value::from(toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: date.year() as u16,
            month: date.month() as u8,
            day: date.day() as u8,
        }),
        time: None,
        offset: None,
    })
}

fn comment_lines(text: &str) -> String {
    text.lines().map(|line| format!("# {line}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::read::load_str;
    use crate::test_support::{self, state};
    use jiff::civil::date;

    fn sample() -> Assessment {
        let foerderung = ItemState {
            status: Status::Planned,
            partners: vec!["Nachbarstadt".into()],
            due: Some(date(2027, 6, 30)),
            ..ItemState::default()
        };
        test_support::sample("Musterhausen")
            .ags("08115999")
            .answer("kooperationen-bestehend", "Bauhof\nmit \"Nachbarort\"")
            .suggestion("wirtschaft-foerderung", foerderung)
            .own(
                "klaerschlamm",
                "infrastruktur",
                "Klärschlamm",
                state(Status::Done),
            )
            .build()
    }

    #[test]
    fn canonical_text_loads_back_equal_and_is_stable() {
        let field = Field::embedded();
        let a = sample();
        let text = to_toml(&a, field);
        let loaded = load_str(&text, field);
        assert_eq!(loaded.findings, vec![], "{text}");
        assert_eq!(loaded.assessment, Some(a.clone()));
        assert_eq!(to_toml(&a, field), text);
    }

    #[test]
    fn text_with_conflict_marker_lines_stays_on_one_line() {
        let field = Field::embedded();
        let mut a = sample();
        let tricky = "Ergebnis\n=======\n<<<<<<< HEAD\nmehr";
        a.answers
            .insert("synergien-potenzial".into(), tricky.into());
        a.own[0].title = format!("Titel\n{tricky}");
        a.own[0].state.partners = vec![format!(">>>>>>> x\n{tricky}")];
        let text = to_toml(&a, field);
        assert!(
            text.contains(r#"synergien-potenzial = "Ergebnis\n=======\n<<<<<<< HEAD\nmehr""#),
            "{text}"
        );
        let loaded = load_str(&text, field);
        assert_eq!(loaded.findings, vec![], "{text}");
        assert_eq!(loaded.assessment, Some(a));
        // Other text with line breaks keeps the readable multi-line form.
        assert!(
            text.contains("kooperationen-bestehend = \"\"\"\nBauhof\n"),
            "{text}"
        );
    }

    #[test]
    fn update_keeps_comments_and_changes_only_what_differs() {
        let field = Field::embedded();
        let original = "schema = 1\nfield = \"interkommunale-zusammenarbeit\"\nfield_version = \"1.0\"\n\n\
            # wer wir sind\n[kommune]\nname = \"Musterhausen\" # so heißen wir\ndate = 2026-11-25\n\n\
            [suggestions.bildung-zusammenarbeit]\nstatus = \"open\"   # noch nichts\n";
        let mut a = load_str(original, field).assessment.unwrap();
        let mut doc: DocumentMut = original.parse().unwrap();
        update_document(&mut doc, &a, field);
        assert_eq!(doc.to_string(), original, "no change, same bytes");

        a.suggestions
            .get_mut("bildung-zusammenarbeit")
            .unwrap()
            .status = Status::Done;
        update_document(&mut doc, &a, field);
        let text = doc.to_string();
        assert!(text.contains("status = \"done\"   # noch nichts"), "{text}");
        assert!(text.contains("# wer wir sind\n[kommune]"), "{text}");
        assert!(
            !text.contains("[suggestions.wirtschaft-foerderung]"),
            "unknown stays absent: {text}"
        );

        // A key added later joins at its place; a hand-made order is kept.
        fn item(a: &mut Assessment) -> &mut ItemState {
            a.suggestions.get_mut("bildung-zusammenarbeit").unwrap()
        }
        a.kommune.ags = Some("08115999".into());
        item(&mut a).note = Some("Schulverbund".into());
        update_document(&mut doc, &a, field);
        let text = doc.to_string();
        let kommune = "name = \"Musterhausen\" # so heißen wir\nags = \"08115999\"\ndate";
        assert!(text.contains(kommune), "{text}");
        let status = "status = \"done\"   # noch nichts";
        let hand_made = text.replace(
            &format!("{status}\nnote = \"Schulverbund\""),
            &format!("note = \"Schulverbund\"\n{status}"),
        );
        let mut doc: DocumentMut = hand_made.parse().unwrap();
        item(&mut a).responsible = Some("Amt".into());
        update_document(&mut doc, &a, field);
        let expected = format!("note = \"Schulverbund\"\n{status}\nresponsible = \"Amt\"");
        assert!(doc.to_string().contains(&expected), "{doc}");
    }

    #[test]
    fn inline_tables_written_by_hand_are_updated_with_their_entries() {
        let field = Field::embedded();
        let original = "schema = 1\nfield = \"interkommunale-zusammenarbeit\"\nfield_version = \"1.0\"\n\
            kommune = { name = \"M\", date = 2026-11-25 }\n\
            own = [{ id = \"a\", category = \"bildung\", title = \"A\", status = \"open\" }]\n\
            [suggestions]\nwirtschaft-foerderung = { status = \"done\", note = \"n\" }\n";
        let mut a = load_str(original, field).assessment.unwrap();
        a.suggestions.remove("wirtschaft-foerderung");
        a.kommune.assessor = Some("B".into());
        a.own[0].state.status = Status::Done;
        let mut doc: DocumentMut = original.parse().unwrap();
        update_document(&mut doc, &a, field);
        let text = doc.to_string();
        assert_eq!(load_str(&text, field).assessment, Some(a), "{text}");
    }
}
