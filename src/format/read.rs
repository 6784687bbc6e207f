//! Reading an assessment file: from its bytes to an [`Assessment`], collecting
//! every problem on the way as a [`Finding`] with its position.
//!
//! The file is parsed into a spanned TOML tree and walked by hand rather than
//! deserialised with serde, so that one pass reports all problems, each with
//! a German message, its line and column, and the allowed values.

use crate::domain::assessment::keys::{ITEM_KEYS, KOMMUNE_KEYS, OWN_KEYS, TOP_KEYS};
use crate::domain::assessment::{
    Assessment, ItemState, Kommune, OwnMeasure, SCHEMA_VERSION, is_kebab_case, is_valid_ags,
    unify_line_breaks,
};
use crate::domain::field::{Field, compare_versions};
use crate::domain::finding::{Finding, LineIndex, Position, Severity};
use crate::domain::status::Status;
use crate::messages as msg;
use jiff::civil::Date;
use std::cell::OnceCell;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

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

/// The byte order mark some editors put at the start of a UTF-8 file.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

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
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    // The SIMD check is several times faster than std's on large inputs.
    let text = match simdutf8::compat::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let position = Position::of_offset(valid, valid.len());
            return Loaded::only(Finding {
                position: Some(position),
                ..Finding::file_error("not-utf8", msg::not_utf8())
            });
        }
    };
    check_text(text, field, scope)
}

/// Loads an assessment of `field` from the text of a file.
pub fn load_str(text: &str, field: &Field) -> Loaded {
    check_text(text, field, LoadScope::Full)
}

fn check_text(text: &str, field: &Field, scope: LoadScope) -> Loaded {
    let build = scope != LoadScope::FindingsOnly;
    let mut checker = Checker {
        text,
        lines: OnceCell::new(),
        field,
        findings: Vec::new(),
        places: (scope == LoadScope::Full).then(BTreeMap::new),
        build,
    };
    let assessment = checker.check_document();
    let mut findings = std::mem::take(&mut checker.findings);
    findings.sort_by_key(|f| f.position);
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

/// The first character TOML never allows unescaped: ASCII control
/// characters other than tab, line feed and carriage return, and DEL.
fn first_control_character(text: &str) -> Option<(usize, char)> {
    text.bytes()
        .position(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f)
        .map(|offset| (offset, char::from(text.as_bytes()[offset])))
}

type Key<'i> = Spanned<DeString<'i>>;
type Value<'i> = Spanned<DeValue<'i>>;

struct Checker<'a> {
    text: &'a str,
    /// Built on the first position asked for: a valid file checked without
    /// places needs none.
    lines: OnceCell<LineIndex<'a>>,
    field: &'a Field,
    findings: Vec<Finding>,
    /// `None` when the caller does not want them.
    places: Option<BTreeMap<String, Position>>,
    /// Whether to collect what only the assessment needs (texts, lists,
    /// recorded items); without, the same problems are found with less work.
    build: bool,
}

impl<'a> Checker<'a> {
    fn position(&self, offset: usize) -> Position {
        self.lines
            .get_or_init(|| LineIndex::new(self.text))
            .position(offset)
    }

    /// Records where a part of the file stands, named `prefix` + `id`.
    fn mark(&mut self, prefix: &str, id: &str, span: Range<usize>) {
        if self.places.is_some() {
            let position = self.position(span.start);
            if let Some(places) = &mut self.places {
                places.insert(format!("{prefix}{id}"), position);
            }
        }
    }

    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        message: String,
        span: Range<usize>,
    ) {
        let position = Some(self.position(span.start));
        self.findings.push(Finding {
            severity,
            code,
            message,
            position,
        });
    }

    fn error(&mut self, code: &'static str, message: String, span: Range<usize>) {
        self.push(Severity::Error, code, message, span);
    }

    fn warning(&mut self, code: &'static str, message: String, span: Range<usize>) {
        self.push(Severity::Warning, code, message, span);
    }

    fn error_count(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    /// Checks the whole text; returns the assessment it describes, which is
    /// only meaningful when no error was found.
    fn check_document(&mut self) -> Option<Assessment> {
        if self.text.trim().is_empty() {
            self.error("empty-file", msg::empty_file(), 0..0);
            return None;
        }
        if self.check_merge_markers() {
            return None;
        }
        let root = match DeTable::parse(self.text) {
            Ok(root) => root,
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                let detail = e.message().trim().replace('\n', " ");
                // TOML allows no raw control character but tab and line
                // breaks; they are invisible, so name the first one found.
                if let Some((offset, c)) = first_control_character(self.text) {
                    let message = msg::control_character(c);
                    self.error("control-character", message, offset..offset);
                } else if detail.contains("recursion") {
                    self.error("too-deep", msg::nested_too_deep(), span);
                } else if detail.starts_with("invalid date") || detail.starts_with("invalid time") {
                    self.error("invalid-date", msg::invalid_date_syntax(&detail), span);
                } else {
                    self.error("syntax", msg::syntax_error(&detail), span);
                }
                return None;
            }
        };
        self.check_root(root.get_ref())
    }

    /// Reports git conflict markers at the start of a line; true if any.
    fn check_merge_markers(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        let mut found = Vec::new();
        for marker in ["<<<<<<<", "=======", ">>>>>>>", "|||||||"] {
            let at_line_start = |&offset: &usize| offset == 0 || bytes[offset - 1] == b'\n';
            // The marker stands alone or is followed by a space (`<<<<<<< HEAD`).
            let ends_well = |&offset: &usize| {
                let rest = &bytes[offset + marker.len()..];
                let line_end = rest
                    .iter()
                    .position(|&b| b != b'\r')
                    .map_or(rest.len(), |i| i);
                rest.first() == Some(&b' ') || rest.get(line_end).is_none_or(|&b| b == b'\n')
            };
            found.extend(
                memchr::memmem::find_iter(bytes, marker)
                    .filter(at_line_start)
                    .filter(ends_well)
                    .map(|offset| (offset, marker)),
            );
        }
        found.sort_unstable();
        for &(offset, marker) in &found {
            self.error(
                "merge-conflict",
                msg::merge_conflict(marker),
                offset..offset,
            );
        }
        !found.is_empty()
    }

    fn check_root(&mut self, root: &DeTable<'_>) -> Option<Assessment> {
        let entry = |name: &str| root.iter().find(|(k, _)| k.get_ref() == name);

        // The format version and the field decide how to read everything else,
        // so a mismatch there is reported alone.
        let schema = match entry("schema") {
            Some((key, value)) => self.schema(key, value)?,
            None => {
                self.error(
                    "missing-key",
                    msg::missing_key("schema", msg::TABLE_TOP),
                    0..0,
                );
                SCHEMA_VERSION
            }
        };
        let field_id = match entry("field") {
            Some((key, value)) => {
                let id = self.string(key, value);
                if let Some(id) = id.as_deref().filter(|id| *id != self.field.id) {
                    let message = msg::wrong_field(id, &self.field.id);
                    self.error("wrong-field", message, value.span());
                    return None;
                }
                id
            }
            None => {
                self.error(
                    "missing-key",
                    msg::missing_key("field", msg::TABLE_TOP),
                    0..0,
                );
                None
            }
        };

        let mut field_version = None;
        let mut kommune = None;
        let mut answers = BTreeMap::new();
        let mut suggestions = BTreeMap::new();
        let mut own = Vec::new();
        for (key, value) in root.iter() {
            match key.get_ref().as_ref() {
                "schema" | "field" => {}
                "field_version" => {
                    field_version = self.string(key, value);
                    if let Some(version) = &field_version {
                        self.check_field_version(version, value.span());
                    }
                }
                "kommune" => kommune = self.kommune(key, value),
                "answers" => answers = self.answers(key, value),
                "suggestions" => suggestions = self.suggestions(key, value),
                "own" => own = self.own_measures(key, value),
                other => self.error(
                    "unknown-key",
                    msg::unknown_key(other, &TOP_KEYS),
                    key.span(),
                ),
            }
        }
        if field_version.is_none() && entry("field_version").is_none() {
            self.error(
                "missing-key",
                msg::missing_key("field_version", msg::TABLE_TOP),
                0..0,
            );
        }
        if kommune.is_none() && entry("kommune").is_none() {
            self.error(
                "missing-key",
                msg::missing_key("kommune", msg::TABLE_TOP),
                0..0,
            );
        }
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
    fn schema(&mut self, key: &Key<'_>, value: &Value<'_>) -> Option<u32> {
        let DeValue::Integer(number) = value.get_ref() else {
            self.wrong_type(key, value, msg::A_NUMBER);
            return Some(SCHEMA_VERSION);
        };
        let parsed = i64::from_str_radix(number.as_str(), number.radix()).ok();
        match parsed {
            Some(n) if n > i64::from(SCHEMA_VERSION) => {
                self.findings.clear();
                self.error(
                    "schema-too-new",
                    msg::schema_too_new(n, SCHEMA_VERSION),
                    value.span(),
                );
                None
            }
            Some(n) if n >= 1 => Some(n as u32),
            _ => {
                self.error(
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
        match compare_versions(version, current) {
            Some(std::cmp::Ordering::Less) => {
                self.warning(
                    "field-version-old",
                    msg::field_version_older(version, current),
                    span,
                );
            }
            Some(std::cmp::Ordering::Greater) => {
                self.warning(
                    "field-version-new",
                    msg::field_version_newer(version, current),
                    span,
                );
            }
            Some(std::cmp::Ordering::Equal) => {}
            None => self.warning(
                "field-version-unknown",
                msg::field_version_unreadable(version, current),
                span,
            ),
        }
    }

    fn kommune(&mut self, key: &Key<'_>, value: &Value<'_>) -> Option<Kommune> {
        let table = self.table(key, value)?;
        let errors_before = self.error_count();
        let mut name = None;
        let mut ags = None;
        let mut assessor = None;
        let mut date = None;
        for (key, value) in table.iter() {
            match key.get_ref().as_ref() {
                "name" => {
                    name = self.string(key, value);
                    if name.as_deref().is_some_and(|n| n.trim().is_empty()) {
                        self.error("empty-value", msg::empty_value("name"), value.span());
                    }
                }
                "ags" => {
                    ags = self.string(key, value);
                    if let Some(code) = ags.as_deref().filter(|a| !is_valid_ags(a)) {
                        self.error("invalid-ags", msg::invalid_ags(code), value.span());
                    }
                }
                "assessor" => assessor = self.text(key, value).and_then(|t| self.keep(t)),
                "date" => {
                    self.mark("kommune.date", "", value.span());
                    date = self.date(key, value);
                }
                other => self.error(
                    "unknown-key",
                    msg::unknown_key(other, &KOMMUNE_KEYS),
                    key.span(),
                ),
            }
        }
        let has = |name: &str| table.iter().any(|(k, _)| k.get_ref() == name);
        for required in ["name", "date"] {
            if !has(required) {
                self.error(
                    "missing-key",
                    msg::missing_key(required, msg::TABLE_KOMMUNE),
                    value.span(),
                );
            }
        }
        if self.error_count() > errors_before {
            return None;
        }
        Some(Kommune {
            name: name?,
            ags,
            assessor,
            date: date?,
        })
    }

    fn answers(&mut self, key: &Key<'_>, value: &Value<'_>) -> BTreeMap<String, String> {
        let mut answers = BTreeMap::new();
        let Some(table) = self.table(key, value) else {
            return answers;
        };
        for (key, value) in table.iter() {
            let id = key.get_ref().as_ref();
            if self.field.question(id).is_none() {
                let message = msg::unknown_question(id, &self.field.question_ids());
                self.error("unknown-id", message, key.span());
            } else if let Some(answer) = self.text(key, value).filter(|a| !a.is_empty()) {
                self.mark("answers.", id, key.span());
                if self.build {
                    answers.insert(id.to_owned(), unify_line_breaks(answer));
                }
            }
        }
        answers
    }

    fn suggestions(&mut self, key: &Key<'_>, value: &Value<'_>) -> BTreeMap<String, ItemState> {
        let mut suggestions = BTreeMap::new();
        let Some(table) = self.table(key, value) else {
            return suggestions;
        };
        for (key, value) in table.iter() {
            let id = key.get_ref().as_ref();
            if self.field.suggestion(id).is_none() {
                let message = msg::unknown_suggestion(id, &self.field.suggestion_ids());
                self.error("unknown-id", message, key.span());
                continue;
            }
            let Some(item) = self.table(key, value) else {
                continue;
            };
            self.mark("suggestions.", id, value.span());
            let mut state = ItemState::default();
            for (key, value) in item.iter() {
                if !self.item_entry(key, value, &mut state) {
                    let name = key.get_ref().as_ref();
                    self.error(
                        "unknown-key",
                        msg::unknown_key(name, &ITEM_KEYS),
                        key.span(),
                    );
                }
            }
            self.check_item(id, item, || msg::table_suggestion(id), &state, value.span());
            if self.build && state != ItemState::default() {
                suggestions.insert(id.to_owned(), state);
            }
        }
        suggestions
    }

    fn own_measures(&mut self, key: &Key<'_>, value: &Value<'_>) -> Vec<OwnMeasure> {
        let mut measures = Vec::new();
        let DeValue::Array(array) = value.get_ref() else {
            self.wrong_type(key, value, msg::A_TABLE_LIST);
            return measures;
        };
        let mut seen = HashSet::new();
        for element in array.iter() {
            let DeValue::Table(table) = element.get_ref() else {
                self.wrong_type(key, element, msg::A_TABLE_LIST);
                continue;
            };
            let mut measure = OwnMeasure {
                id: String::new(),
                category: String::new(),
                title: String::new(),
                state: ItemState::default(),
            };
            for (key, value) in table.iter() {
                match key.get_ref().as_ref() {
                    "id" => {
                        let Some(id) = self.string(key, value) else {
                            continue;
                        };
                        if !is_kebab_case(&id) {
                            self.error("invalid-id", msg::invalid_own_id(&id), value.span());
                        } else if self.field.suggestion(&id).is_some() {
                            self.error(
                                "duplicate-id",
                                msg::own_id_is_suggestion(&id),
                                value.span(),
                            );
                        } else if !seen.insert(id.clone()) {
                            self.error("duplicate-id", msg::duplicate_own_id(&id), value.span());
                        }
                        measure.id = id;
                    }
                    "category" => {
                        let Some(category) = self.string(key, value) else {
                            continue;
                        };
                        if self.field.category(&category).is_none() {
                            let message =
                                msg::unknown_category(&category, &self.field.category_ids());
                            self.error("unknown-category", message, value.span());
                        }
                        measure.category = category;
                    }
                    "title" => {
                        let Some(title) = self.string(key, value) else {
                            continue;
                        };
                        if title.trim().is_empty() {
                            self.error("empty-value", msg::empty_value("title"), value.span());
                        }
                        measure.title = title;
                    }
                    name => {
                        if !self.item_entry(key, value, &mut measure.state) {
                            self.error(
                                "unknown-key",
                                msg::unknown_key(name, &OWN_KEYS),
                                key.span(),
                            );
                        }
                    }
                }
            }
            for required in ["id", "category", "title"] {
                if !table.iter().any(|(k, _)| k.get_ref() == required) {
                    self.error(
                        "missing-key",
                        msg::missing_key(required, msg::TABLE_OWN),
                        element.span(),
                    );
                }
            }
            self.mark("own.", &measure.id, element.span());
            let label = if measure.id.is_empty() {
                "own"
            } else {
                measure.id.as_str()
            };
            self.check_item(
                label,
                table,
                || msg::TABLE_OWN.to_owned(),
                &measure.state,
                element.span(),
            );
            if self.build {
                measures.push(measure);
            }
        }
        measures
    }

    /// Reads one key of a suggestion or own measure into `state`; false when
    /// the key is not one of [`ITEM_KEYS`](crate::domain::assessment::keys::ITEM_KEYS).
    fn item_entry(&mut self, key: &Key<'_>, value: &Value<'_>, state: &mut ItemState) -> bool {
        match key.get_ref().as_ref() {
            "status" => {
                if let Some(text) = self.text(key, value) {
                    match Status::from_file_value(text) {
                        Some(status) => state.status = status,
                        None => {
                            self.error("unknown-status", msg::unknown_status(text), value.span())
                        }
                    }
                }
            }
            "note" => state.note = self.string(key, value),
            "partners" => state.partners = self.string_list(key, value),
            "evidence" => state.evidence = self.string_list(key, value),
            "responsible" => {
                state.responsible = self.text(key, value).and_then(|t| self.keep(t));
            }
            "due" => state.due = self.date(key, value),
            _ => return false,
        }
        true
    }

    /// Checks that apply to a whole suggestion or own measure.
    fn check_item(
        &mut self,
        id: &str,
        table: &DeTable<'_>,
        where_: impl FnOnce() -> String,
        state: &ItemState,
        span: Range<usize>,
    ) {
        if !table.iter().any(|(k, _)| k.get_ref() == "status") {
            self.error(
                "missing-key",
                msg::missing_key("status", &where_()),
                span.clone(),
            );
        }
        let has_note = state.note.as_deref().is_some_and(|n| !n.trim().is_empty());
        if state.status == Status::NotApplicable && !has_note {
            self.warning(
                "not-applicable-without-note",
                msg::not_applicable_without_note(id),
                span,
            );
        }
    }

    fn wrong_type(&mut self, key: &Key<'_>, value: &Value<'_>, expected: &str) {
        let found = msg::toml_type(value.get_ref().type_str());
        self.error(
            "wrong-type",
            msg::wrong_type(key.get_ref(), expected, found),
            value.span(),
        );
    }

    /// A text value. Line breaks inside it are read as `\n` whether the file
    /// has LF or CRLF line ends, so the same content compares equal on every
    /// platform (and with git's autocrlf).
    fn string(&mut self, key: &Key<'_>, value: &Value<'_>) -> Option<String> {
        self.text(key, value).map(unify_line_breaks)
    }

    /// The text of a string value, borrowed; a wrong-type error otherwise.
    fn text<'v>(&mut self, key: &Key<'_>, value: &'v Value<'_>) -> Option<&'v str> {
        match value.get_ref() {
            DeValue::String(s) => Some(s),
            _ => {
                self.wrong_type(key, value, msg::A_TEXT);
                None
            }
        }
    }

    /// A text the assessment keeps, when it is being built.
    fn keep(&self, text: &str) -> Option<String> {
        self.build.then(|| unify_line_breaks(text))
    }

    fn string_list(&mut self, key: &Key<'_>, value: &Value<'_>) -> Vec<String> {
        let DeValue::Array(array) = value.get_ref() else {
            self.wrong_type(key, value, msg::A_TEXT_LIST);
            return Vec::new();
        };
        let mut list = Vec::new();
        for element in array.iter() {
            match element.get_ref() {
                DeValue::String(s) if s.trim().is_empty() => {
                    self.error(
                        "empty-value",
                        msg::empty_value(key.get_ref()),
                        element.span(),
                    );
                }
                DeValue::String(s) => list.extend(self.keep(s)),
                _ => self.wrong_type(key, element, msg::A_TEXT_LIST),
            }
        }
        list
    }

    fn table<'v, 'i>(&mut self, key: &Key<'_>, value: &'v Value<'i>) -> Option<&'v DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            _ => {
                self.wrong_type(key, value, msg::A_TABLE);
                None
            }
        }
    }

    fn date(&mut self, key: &Key<'_>, value: &Value<'_>) -> Option<Date> {
        let name = key.get_ref().as_ref();
        match value.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
                let d = dt.date?;
                let date = Date::new(d.year as i16, d.month as i8, d.day as i8).ok();
                if date.is_none() {
                    self.error(
                        "invalid-date",
                        msg::invalid_date(&d.to_string()),
                        value.span(),
                    );
                }
                date
            }
            DeValue::String(s) => {
                let message = if s.parse::<Date>().is_ok() {
                    msg::date_expected(name, &format!("Text {}", msg::quoted(s)))
                } else {
                    msg::invalid_date(s)
                };
                self.error("invalid-date", message, value.span());
                None
            }
            other => {
                let found = msg::toml_type(other.type_str());
                self.error(
                    "invalid-date",
                    msg::date_expected(name, found),
                    value.span(),
                );
                None
            }
        }
    }
}
