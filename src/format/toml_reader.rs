//! Reading a TOML file by hand, so that one pass reports every problem, each
//! as a [`Finding`] with a German message, its line and column, and the
//! allowed values. Serves any kind of file kin reads: the assessment file
//! (`format::read`) and files a person writes beside it.
//!
//! [`TomlReader`] holds the text and the findings: it parses (after the
//! [lexical](super::lexical) checks) and reads values of the expected type.
//! [`TableReader`] reads one table whose keys are one [`TableKey`] enum:
//! `required` and `optional` keys, then `finish`, which reports every key
//! the table does not allow, with the allowed ones and its position.
//!
//! ```
//! use kin::format::keys::{KommuneKey, TableKey};
//! use kin::format::toml_reader::{TableReader, TomlReader};
//!
//! let mut reader = TomlReader::new("[kommune]\nnme = \"Musterhausen\"\n");
//! let root = reader.parse().unwrap();
//! let kommune = root.get_ref().get("kommune").unwrap();
//! let table = reader.table("kommune", kommune).unwrap();
//! let table = TableReader::<KommuneKey>::new(table, kommune.span());
//! assert!(table.optional(KommuneKey::Name).is_none());
//! table.finish(&mut reader);
//! table.required(KommuneKey::Name, "[kommune]", &mut reader);
//! let findings = reader.finish();
//! assert_eq!(findings[0].code, "missing-key");
//! assert_eq!(findings[1].code, "unknown-key");
//! assert_eq!(findings[1].position.map(|p| (p.line, p.column)), Some((2, 1)));
//! ```

use crate::domain::finding::{Finding, LineIndex, Position, Severity};
use crate::format::keys::TableKey;
use crate::format::lexical::{explain_parse_error, merge_markers};
use crate::messages as msg;
use jiff::civil::Date;
use std::cell::OnceCell;
use std::marker::PhantomData;
use std::ops::Range;
use toml::Spanned;
pub use toml::de::{DeString, DeTable, DeValue};

/// A key of a table as parsed, with where it stands.
pub type TomlKey<'i> = Spanned<DeString<'i>>;
/// A value as parsed, with where it stands.
pub type TomlValue<'i> = Spanned<DeValue<'i>>;

/// The text of one TOML file and the findings about it so far.
pub struct TomlReader<'a> {
    text: &'a str,
    /// Built on the first position asked for: a valid file needs none.
    lines: OnceCell<LineIndex<'a>>,
    findings: Vec<Finding>,
}

impl<'a> TomlReader<'a> {
    pub fn new(text: &'a str) -> TomlReader<'a> {
        TomlReader {
            text,
            lines: OnceCell::new(),
            findings: Vec::new(),
        }
    }

    /// The line and column of byte `offset` in the text.
    pub fn position(&self, offset: usize) -> Position {
        self.lines
            .get_or_init(|| LineIndex::new(self.text))
            .position(offset)
    }

    /// Records a finding pointing at the start of `span`.
    pub fn push(
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

    pub fn error(&mut self, code: &'static str, message: String, span: Range<usize>) {
        self.push(Severity::Error, code, message, span);
    }

    pub fn warning(&mut self, code: &'static str, message: String, span: Range<usize>) {
        self.push(Severity::Warning, code, message, span);
    }

    /// How many errors were found so far.
    pub fn error_count(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    /// Forgets the findings so far, for a problem that is reported alone.
    pub fn clear(&mut self) {
        self.findings.clear();
    }

    /// Every finding, sorted by position (findings at the same place keep
    /// the order they were found in).
    pub fn finish(self) -> Vec<Finding> {
        let mut findings = self.findings;
        findings.sort_by_key(|f| f.position);
        findings
    }

    /// Parses the text into its root table. Git conflict markers are
    /// reported before parsing (the parser would only see a syntax error),
    /// a parser error as what it means; either way the result is `None`.
    pub fn parse(&mut self) -> Option<Spanned<DeTable<'a>>> {
        let markers = merge_markers(self.text);
        for &(offset, marker) in &markers {
            self.error(
                "merge-conflict",
                msg::merge_conflict(marker),
                offset..offset,
            );
        }
        if !markers.is_empty() {
            return None;
        }
        match DeTable::parse(self.text) {
            Ok(root) => Some(root),
            Err(e) => {
                let (code, message, span) = explain_parse_error(self.text, &e);
                self.error(code, message, span);
                None
            }
        }
    }

    /// A `wrong-type` error: `key` holds something other than `expected`.
    pub fn wrong_type(&mut self, key: &str, value: &TomlValue<'_>, expected: &str) {
        let found = msg::toml_type(value.get_ref().type_str());
        self.error(
            "wrong-type",
            msg::wrong_type(key, expected, found),
            value.span(),
        );
    }

    /// The text of a string value, as written; a wrong-type error otherwise.
    pub fn text<'v>(&mut self, key: &str, value: &'v TomlValue<'_>) -> Option<&'v str> {
        match value.get_ref() {
            DeValue::String(s) => Some(s),
            _ => {
                self.wrong_type(key, value, msg::A_TEXT);
                None
            }
        }
    }

    /// A table value; a wrong-type error otherwise.
    pub fn table<'v, 'i>(
        &mut self,
        key: &str,
        value: &'v TomlValue<'i>,
    ) -> Option<&'v DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            _ => {
                self.wrong_type(key, value, msg::A_TABLE);
                None
            }
        }
    }

    /// A date without time (`2026-11-25`); an `invalid-date` error for an
    /// impossible date, a date in quotes or anything else.
    pub fn date(&mut self, key: &str, value: &TomlValue<'_>) -> Option<Date> {
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
                    msg::date_expected(key, &format!("Text {}", msg::quoted(s)))
                } else {
                    msg::invalid_date(s)
                };
                self.error("invalid-date", message, value.span());
                None
            }
            other => {
                let found = msg::toml_type(other.type_str());
                self.error("invalid-date", msg::date_expected(key, found), value.span());
                None
            }
        }
    }
}

/// One table whose keys are those of `K`, read key by key.
pub struct TableReader<'t, 'i, K: TableKey> {
    table: &'t DeTable<'i>,
    /// Where a finding about the whole table points (a missing key).
    span: Range<usize>,
    keys: PhantomData<K>,
}

impl<'t, 'i, K: TableKey> TableReader<'t, 'i, K> {
    /// Reads `table`; `span` is where the table stands in the file.
    pub fn new(table: &'t DeTable<'i>, span: Range<usize>) -> TableReader<'t, 'i, K> {
        TableReader {
            table,
            span,
            keys: PhantomData,
        }
    }

    /// Where the table stands in the file.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The value of `key`, when the table has it.
    pub fn optional(&self, key: K) -> Option<&'t TomlValue<'i>> {
        self.table.get(key.as_str())
    }

    /// The value of `key`; when the table lacks it, a `missing-key` error
    /// naming the table (`table`, e.g. `[kommune]`) and pointing at it.
    pub fn required(
        &self,
        key: K,
        table: &str,
        reader: &mut TomlReader<'_>,
    ) -> Option<&'t TomlValue<'i>> {
        let value = self.optional(key);
        if value.is_none() {
            reader.error(
                "missing-key",
                msg::missing_key(key.as_str(), table),
                self.span.clone(),
            );
        }
        value
    }

    /// Reports every key the table does not allow as an `unknown-key` error
    /// at the key, naming the allowed keys; in the table's order.
    pub fn finish(&self, reader: &mut TomlReader<'_>) {
        for (key, _) in self.table.iter() {
            let name: &str = key.get_ref();
            if K::find(name).is_none() {
                reader.error(
                    "unknown-key",
                    msg::unknown_key(name, &K::names()),
                    key.span(),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys of a small file of another kind, as another reader would
    /// declare them.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum AliasFileKey {
        Schema,
        Aliases,
    }

    impl TableKey for AliasFileKey {
        const ALL: &'static [AliasFileKey] = &[AliasFileKey::Schema, AliasFileKey::Aliases];

        fn as_str(self) -> &'static str {
            match self {
                AliasFileKey::Schema => "schema",
                AliasFileKey::Aliases => "aliases",
            }
        }
    }

    fn at(finding: &Finding) -> (usize, usize, &'static str) {
        let p = finding.position.unwrap();
        (p.line, p.column, finding.code)
    }

    #[test]
    fn serves_another_kind_of_file_with_positions() {
        let text =
            "alias = 1\n[aliases]\n\"Gem. Musterhausen\" = \"Musterhausen\"\n\"Talbach\" = 3\n";
        let mut reader = TomlReader::new(text);
        let root = reader.parse().unwrap();
        let top = TableReader::<AliasFileKey>::new(root.get_ref(), 0..0);
        let aliases = top.optional(AliasFileKey::Aliases).unwrap();
        let aliases = reader.table("aliases", aliases).unwrap();
        let mut names = Vec::new();
        for (variant, name) in aliases.iter() {
            let variant: &str = variant.get_ref();
            if let Some(name) = reader.text(variant, name) {
                names.push((variant.to_owned(), name.to_owned()));
            }
        }
        top.finish(&mut reader);
        top.required(AliasFileKey::Schema, "der Datei", &mut reader);
        assert_eq!(names, [("Gem. Musterhausen".into(), "Musterhausen".into())]);
        let findings = reader.finish();
        let places: Vec<_> = findings.iter().map(at).collect();
        assert_eq!(
            places,
            [
                (1, 1, "unknown-key"),
                (1, 1, "missing-key"),
                (4, 13, "wrong-type")
            ]
        );
        assert!(findings[0].message.contains("erlaubt: schema, aliases"));
    }

    #[test]
    fn conflict_markers_and_syntax_errors_stop_the_reading() {
        let mut reader = TomlReader::new("a = 1\n<<<<<<< HEAD\nb = 2\n");
        assert!(reader.parse().is_none());
        assert_eq!(
            reader.finish().iter().map(at).collect::<Vec<_>>(),
            [(2, 1, "merge-conflict")]
        );
        let mut reader = TomlReader::new("a = 1\nb = \n");
        assert!(reader.parse().is_none());
        assert_eq!(reader.finish()[0].code, "syntax");
        let mut reader = TomlReader::new("a = \"x\u{1b}\"\n");
        assert!(reader.parse().is_none());
        assert_eq!(
            reader.finish().iter().map(at).collect::<Vec<_>>(),
            [(1, 7, "control-character")]
        );
    }

    #[test]
    fn dates_are_dates_without_quotes_or_time() {
        let mut reader = TomlReader::new("a = 2026-11-25\nb = \"2026-11-25\"\nc = 2026-02-30\n");
        let root = reader.parse();
        assert!(root.is_none(), "2026-02-30 is no date to the parser");
        let mut reader =
            TomlReader::new("a = 2026-11-25\nb = \"2026-11-25\"\nd = 2026-11-25T10:00:00\n");
        let root = reader.parse().unwrap();
        let date = |reader: &mut TomlReader<'_>, key: &str| {
            reader.date(key, root.get_ref().get(key).unwrap())
        };
        assert_eq!(
            date(&mut reader, "a"),
            Some(jiff::civil::date(2026, 11, 25))
        );
        assert_eq!(date(&mut reader, "b"), None);
        assert_eq!(date(&mut reader, "d"), None);
        let codes: Vec<_> = reader.finish().iter().map(at).collect();
        assert_eq!(codes, [(2, 5, "invalid-date"), (3, 5, "invalid-date")]);
    }
}
