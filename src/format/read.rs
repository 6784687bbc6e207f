//! Reading an assessment file: from its bytes to an [`Assessment`], collecting
//! every problem on the way as a [`Finding`] with its position.
//!
//! The file is parsed into a spanned TOML tree and walked by hand rather than
//! deserialised with serde, so that one pass reports all problems, each with
//! a German message, its line and column, and the allowed values. The checks
//! before parsing live in [`lexical`](super::lexical), the reading of tables
//! and values in [`toml_reader`](super::toml_reader); this is the schema walk.

use crate::domain::assessment::{
    Assessment, ItemState, Kommune, OwnMeasure, SCHEMA_VERSION, is_kebab_case, is_valid_ags,
    unify_line_breaks,
};
use crate::domain::field::{Field, compare_versions};
use crate::domain::finding::{Finding, Position};
use crate::domain::status::Status;
use crate::format::keys::{ItemKey, KommuneKey, OwnKey, TableKey, TopKey};
use crate::format::lexical::decode;
use crate::format::toml_reader::{DeTable, DeValue, TableReader, TomlReader, TomlValue};
use crate::messages as msg;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

/// The outcome of loading one file: the assessment when it has no errors,
/// and every finding (errors and warnings) sorted by position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub assessment: Option<Assessment>,
    pub findings: Vec<Finding>,
    /// Where things stand in the file, for findings about the whole
    /// assessment (gates): `kommune.date`, `answers.<id>`, `suggestions.<id>`,
    /// `own.<id>`.
    pub places: BTreeMap<String, Position>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }

    /// The outcome for a file that could not be read as text at all: one
    /// finding, nothing else.
    pub fn only(finding: Finding) -> Loaded {
        Loaded {
            assessment: None,
            findings: vec![finding],
            places: BTreeMap::new(),
        }
    }
}

/// What loading keeps besides the findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadScope {
    /// The assessment and the places of its parts (for gates).
    Full,
    /// The assessment without places (for reports).
    Assessment,
    /// Only the findings: the same checks with less work.
    FindingsOnly,
}

/// Loads an assessment of `field` from the bytes of a file.
pub fn load(bytes: &[u8], field: &Field) -> Loaded {
    load_with(bytes, field, LoadScope::Full)
}

/// Like [`load`], but only the findings: no assessment and no places. The
/// same checks with less work, for `kin check` over thousands of files.
pub fn load_findings(bytes: &[u8], field: &Field) -> Loaded {
    load_with(bytes, field, LoadScope::FindingsOnly)
}

/// Loads the bytes of a file, keeping what `scope` asks for; the findings
/// are the same whatever it asks for.
pub fn load_with(bytes: &[u8], field: &Field, scope: LoadScope) -> Loaded {
    match decode(bytes) {
        Ok(text) => check_text(text, field, scope),
        Err(finding) => Loaded::only(finding),
    }
}

/// Loads an assessment of `field` from the text of a file.
pub fn load_str(text: &str, field: &Field) -> Loaded {
    check_text(text, field, LoadScope::Full)
}

fn check_text(text: &str, field: &Field, scope: LoadScope) -> Loaded {
    let build = scope != LoadScope::FindingsOnly;
    let mut checker = Checker {
        reader: TomlReader::new(text),
        field,
        places: (scope == LoadScope::Full).then(BTreeMap::new),
        build,
    };
    let assessment = checker.check_document(text);
    let findings = checker.reader.finish();
    let has_errors = findings.iter().any(Finding::is_error);
    Loaded {
        assessment: if has_errors || !build {
            None
        } else {
            assessment
        },
        findings,
        places: checker.places.unwrap_or_default(),
    }
}

struct Checker<'a> {
    reader: TomlReader<'a>,
    field: &'a Field,
    /// `None` when the caller does not want them.
    places: Option<BTreeMap<String, Position>>,
    /// Whether to collect what only the assessment needs (texts, lists,
    /// recorded items); without, the same problems are found with less work.
    build: bool,
}

impl<'a> Checker<'a> {
    /// Records where a part of the file stands, named `prefix` + `id`.
    fn mark(&mut self, prefix: &str, id: &str, span: Range<usize>) {
        if self.places.is_some() {
            let position = self.reader.position(span.start);
            if let Some(places) = &mut self.places {
                places.insert(format!("{prefix}{id}"), position);
            }
        }
    }

    /// Checks the whole text; returns the assessment it describes, which is
    /// only meaningful when no error was found.
    fn check_document(&mut self, text: &str) -> Option<Assessment> {
        if text.trim().is_empty() {
            self.reader.error("empty-file", msg::empty_file(), 0..0);
            return None;
        }
        let root = self.reader.parse()?;
        self.check_root(root.get_ref())
    }

    fn check_root(&mut self, root: &DeTable<'_>) -> Option<Assessment> {
        let top = TableReader::<TopKey>::new(root, 0..0);
        // The format version and the field decide how to read everything else,
        // so a mismatch there is reported alone.
        let schema = match top.required(TopKey::Schema, msg::TABLE_TOP, &mut self.reader) {
            Some(value) => self.schema(value)?,
            None => SCHEMA_VERSION,
        };
        let field_id = match top.required(TopKey::Field, msg::TABLE_TOP, &mut self.reader) {
            Some(value) => {
                let id = self.string(TopKey::Field.as_str(), value);
                if let Some(id) = id.as_deref().filter(|id| *id != self.field.id) {
                    let message = msg::wrong_field(id, &self.field.id);
                    self.reader.error("wrong-field", message, value.span());
                    return None;
                }
                id
            }
            None => None,
        };

        let field_version = top.optional(TopKey::FieldVersion).and_then(|value| {
            let version = self.string(TopKey::FieldVersion.as_str(), value)?;
            self.check_field_version(&version, value.span());
            Some(version)
        });
        let kommune = top
            .optional(TopKey::Kommune)
            .and_then(|value| self.kommune(value));
        let answers = top
            .optional(TopKey::Answers)
            .map(|value| self.answers(value))
            .unwrap_or_default();
        let suggestions = top
            .optional(TopKey::Suggestions)
            .map(|value| self.suggestions(value))
            .unwrap_or_default();
        let own = top
            .optional(TopKey::Own)
            .map(|value| self.own_measures(value))
            .unwrap_or_default();
        top.finish(&mut self.reader);
        // Missing here, after the rest: both point at the file's start.
        top.required(TopKey::FieldVersion, msg::TABLE_TOP, &mut self.reader);
        top.required(TopKey::Kommune, msg::TABLE_TOP, &mut self.reader);
        Some(Assessment {
            schema,
            field: field_id?,
            field_version: field_version?,
            kommune: kommune?,
            answers,
            suggestions,
            own,
        })
    }

    /// The format version; `None` when it is newer than this kin (reported alone).
    fn schema(&mut self, value: &TomlValue<'_>) -> Option<u32> {
        let DeValue::Integer(number) = value.get_ref() else {
            self.reader
                .wrong_type(TopKey::Schema.as_str(), value, msg::A_NUMBER);
            return Some(SCHEMA_VERSION);
        };
        let parsed = i64::from_str_radix(number.as_str(), number.radix()).ok();
        match parsed {
            Some(n) if n > i64::from(SCHEMA_VERSION) => {
                self.reader.clear();
                self.reader.error(
                    "schema-too-new",
                    msg::schema_too_new(n, SCHEMA_VERSION),
                    value.span(),
                );
                None
            }
            Some(n) if n >= 1 => Some(n as u32),
            _ => {
                self.reader.error(
                    "schema-invalid",
                    msg::schema_invalid(number.as_str(), SCHEMA_VERSION),
                    value.span(),
                );
                Some(SCHEMA_VERSION)
            }
        }
    }

    fn check_field_version(&mut self, version: &str, span: Range<usize>) {
        let current = &self.field.version;
        let (code, message) = match compare_versions(version, current) {
            Some(std::cmp::Ordering::Equal) => return,
            Some(std::cmp::Ordering::Less) => (
                "field-version-old",
                msg::field_version_older(version, current),
            ),
            Some(std::cmp::Ordering::Greater) => (
                "field-version-new",
                msg::field_version_newer(version, current),
            ),
            None => (
                "field-version-unknown",
                msg::field_version_unreadable(version, current),
            ),
        };
        self.reader.warning(code, message, span);
    }

    fn kommune(&mut self, value: &TomlValue<'_>) -> Option<Kommune> {
        let table = self.reader.table(TopKey::Kommune.as_str(), value)?;
        let errors_before = self.reader.error_count();
        let kommune = TableReader::<KommuneKey>::new(table, value.span());
        let name = kommune.optional(KommuneKey::Name).and_then(|value| {
            let name = self.string(KommuneKey::Name.as_str(), value)?;
            if name.trim().is_empty() {
                let message = msg::empty_value(KommuneKey::Name.as_str());
                self.reader.error("empty-value", message, value.span());
            } else if name.trim() == msg::PLACEHOLDER_KOMMUNE {
                let message = msg::placeholder_kommune();
                self.reader
                    .warning("placeholder-kommune", message, value.span());
            }
            Some(name)
        });
        let ags = kommune.optional(KommuneKey::Ags).and_then(|value| {
            let ags = self.string(KommuneKey::Ags.as_str(), value)?;
            if !is_valid_ags(&ags) {
                self.reader
                    .error("invalid-ags", msg::invalid_ags(&ags), value.span());
            }
            Some(ags)
        });
        let assessor = kommune
            .optional(KommuneKey::Assessor)
            .and_then(|value| self.kept_text(KommuneKey::Assessor.as_str(), value));
        let date = kommune.optional(KommuneKey::Date).and_then(|value| {
            self.mark("kommune.date", "", value.span());
            self.reader.date(KommuneKey::Date.as_str(), value)
        });
        kommune.finish(&mut self.reader);
        for required in [KommuneKey::Name, KommuneKey::Date] {
            kommune.required(required, msg::TABLE_KOMMUNE, &mut self.reader);
        }
        if self.reader.error_count() > errors_before {
            return None;
        }
        Some(Kommune {
            name: name?,
            ags,
            assessor,
            date: date?,
        })
    }

    fn answers(&mut self, value: &TomlValue<'_>) -> BTreeMap<String, String> {
        let mut answers = BTreeMap::new();
        let Some(table) = self.reader.table(TopKey::Answers.as_str(), value) else {
            return answers;
        };
        for (key, value) in table.iter() {
            let id: &str = key.get_ref();
            if self.field.question(id).is_none() {
                let message = msg::unknown_question(id, &self.field.question_ids());
                self.reader.error("unknown-id", message, key.span());
            } else if let Some(answer) = self.reader.text(id, value).filter(|a| !a.is_empty()) {
                self.mark("answers.", id, key.span());
                if self.build {
                    answers.insert(id.to_owned(), unify_line_breaks(answer));
                }
            }
        }
        answers
    }

    fn suggestions(&mut self, value: &TomlValue<'_>) -> BTreeMap<String, ItemState> {
        let mut suggestions = BTreeMap::new();
        let Some(table) = self.reader.table(TopKey::Suggestions.as_str(), value) else {
            return suggestions;
        };
        for (key, value) in table.iter() {
            let id: &str = key.get_ref();
            if self.field.suggestion(id).is_none() {
                let message = msg::unknown_suggestion(id, &self.field.suggestion_ids());
                self.reader.error("unknown-id", message, key.span());
                continue;
            }
            let Some(item) = self.reader.table(id, value) else {
                continue;
            };
            self.mark("suggestions.", id, value.span());
            let item = TableReader::<ItemKey>::new(item, value.span());
            let state = self.item_state(&item, |key| key);
            item.finish(&mut self.reader);
            self.check_item(
                id,
                &item,
                ItemKey::Status,
                &msg::table_suggestion(id),
                &state,
            );
            if self.build && state != ItemState::default() {
                suggestions.insert(id.to_owned(), state);
            }
        }
        suggestions
    }

    fn own_measures(&mut self, value: &TomlValue<'_>) -> Vec<OwnMeasure> {
        let mut measures = Vec::new();
        let key = TopKey::Own.as_str();
        let DeValue::Array(array) = value.get_ref() else {
            self.reader.wrong_type(key, value, msg::A_TABLE_LIST);
            return measures;
        };
        let mut seen = HashSet::new();
        for element in array.iter() {
            let DeValue::Table(table) = element.get_ref() else {
                self.reader.wrong_type(key, element, msg::A_TABLE_LIST);
                continue;
            };
            let own = TableReader::<OwnKey>::new(table, element.span());
            let id = own
                .optional(OwnKey::Id)
                .and_then(|value| self.own_id(value, &mut seen));
            let category = own.optional(OwnKey::Category).and_then(|value| {
                let category = self.string(OwnKey::Category.as_str(), value)?;
                if self.field.category(&category).is_none() {
                    let message = msg::unknown_category(&category, &self.field.category_ids());
                    self.reader.error("unknown-category", message, value.span());
                }
                Some(category)
            });
            let title = own.optional(OwnKey::Title).and_then(|value| {
                let title = self.string(OwnKey::Title.as_str(), value)?;
                if title.trim().is_empty() {
                    let message = msg::empty_value(OwnKey::Title.as_str());
                    self.reader.error("empty-value", message, value.span());
                }
                Some(title)
            });
            let measure = OwnMeasure {
                id: id.unwrap_or_default(),
                category: category.unwrap_or_default(),
                title: title.unwrap_or_default(),
                state: self.item_state(&own, OwnKey::Item),
            };
            own.finish(&mut self.reader);
            for required in [OwnKey::Id, OwnKey::Category, OwnKey::Title] {
                own.required(required, msg::TABLE_OWN, &mut self.reader);
            }
            self.mark("own.", &measure.id, element.span());
            let label = if measure.id.is_empty() {
                "own"
            } else {
                measure.id.as_str()
            };
            let status = OwnKey::Item(ItemKey::Status);
            self.check_item(label, &own, status, msg::TABLE_OWN, &measure.state);
            if self.build {
                measures.push(measure);
            }
        }
        measures
    }

    /// An own measure's id: kebab-case, and neither a suggestion's id nor
    /// one already `seen`.
    fn own_id(&mut self, value: &TomlValue<'_>, seen: &mut HashSet<String>) -> Option<String> {
        let id = self.string(OwnKey::Id.as_str(), value)?;
        if !is_kebab_case(&id) {
            self.reader
                .error("invalid-id", msg::invalid_own_id(&id), value.span());
        } else if self.field.suggestion(&id).is_some() {
            self.reader
                .error("duplicate-id", msg::own_id_is_suggestion(&id), value.span());
        } else if !seen.insert(id.clone()) {
            self.reader
                .error("duplicate-id", msg::duplicate_own_id(&id), value.span());
        }
        Some(id)
    }

    /// What is recorded for a suggestion or own measure; `key` names an
    /// item key in the table's own keys.
    fn item_state<K: TableKey>(
        &mut self,
        item: &TableReader<'_, '_, K>,
        key: impl Fn(ItemKey) -> K,
    ) -> ItemState {
        let mut state = ItemState::default();
        for &item_key in ItemKey::ALL {
            let Some(value) = item.optional(key(item_key)) else {
                continue;
            };
            let name = item_key.as_str();
            match item_key {
                ItemKey::Status => {
                    if let Some(text) = self.reader.text(name, value) {
                        match Status::from_file_value(text) {
                            Some(status) => state.status = status,
                            None => self.reader.error(
                                "unknown-status",
                                msg::unknown_status(text),
                                value.span(),
                            ),
                        }
                    }
                }
                ItemKey::Note => state.note = self.string(name, value),
                ItemKey::Partners => state.partners = self.string_list(name, value),
                ItemKey::Evidence => state.evidence = self.string_list(name, value),
                ItemKey::Responsible => state.responsible = self.kept_text(name, value),
                ItemKey::Due => state.due = self.reader.date(name, value),
            }
        }
        state
    }

    /// Checks that apply to a whole suggestion or own measure: it has a
    /// status, and „nicht relevant“ comes with a reason.
    fn check_item<K: TableKey>(
        &mut self,
        id: &str,
        item: &TableReader<'_, '_, K>,
        status: K,
        table: &str,
        state: &ItemState,
    ) {
        item.required(status, table, &mut self.reader);
        let has_note = state.note.as_deref().is_some_and(|n| !n.trim().is_empty());
        if state.status == Status::NotApplicable && !has_note {
            self.reader.warning(
                "not-applicable-without-note",
                msg::not_applicable_without_note(id),
                item.span(),
            );
        }
    }

    /// A text value. Line breaks inside it are read as `\n` whether the file
    /// has LF or CRLF line ends, so the same content compares equal on every
    /// platform (and with git's autocrlf).
    fn string(&mut self, key: &str, value: &TomlValue<'_>) -> Option<String> {
        self.reader.text(key, value).map(unify_line_breaks)
    }

    /// A text the assessment keeps, when it is being built; the same
    /// checks either way.
    fn kept_text(&mut self, key: &str, value: &TomlValue<'_>) -> Option<String> {
        let text = self.reader.text(key, value)?;
        self.build.then(|| unify_line_breaks(text))
    }

    fn string_list(&mut self, key: &str, value: &TomlValue<'_>) -> Vec<String> {
        let DeValue::Array(array) = value.get_ref() else {
            self.reader.wrong_type(key, value, msg::A_TEXT_LIST);
            return Vec::new();
        };
        let mut list = Vec::new();
        for element in array.iter() {
            match element.get_ref() {
                DeValue::String(s) if s.trim().is_empty() => {
                    self.reader
                        .error("empty-value", msg::empty_value(key), element.span());
                }
                DeValue::String(s) if self.build => list.push(unify_line_breaks(s)),
                DeValue::String(_) => {}
                _ => self.reader.wrong_type(key, element, msg::A_TEXT_LIST),
            }
        }
        list
    }
}
