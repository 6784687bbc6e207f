//! An assessment file while a session (`kin assess`, `kin set`) edits it:
//! read and checked once, then saved after every change by updating its TOML
//! document, so that comments and values kin does not ask about survive.
//!
//! Every save is atomic, is skipped when nothing changed (the file keeps its
//! bytes and its modification time), is checked to load back to exactly the
//! assessment being saved, and refuses to overwrite a file that another
//! program changed since kin last read or wrote it. A file with Windows line
//! endings (CRLF) keeps them.

use crate::domain::assessment::{Assessment, ItemState, unify_line_breaks};
use crate::domain::field::Field;
use crate::domain::finding::Finding;
use crate::format::lexical::UTF8_BOM;
use crate::format::read::load;
use crate::format::write::{new_document, update_document};
use crate::messages as msg;
use crate::render::escape::file_name;
use crate::store::atomic_write::{ChangedMeanwhile, Overwrite, write_atomic};
use crate::store::batch::read_limited;
use anyhow::bail;
use std::io;
use std::path::{Path, PathBuf};
use toml_edit::DocumentMut;

/// An assessment file opened for editing by one session of `kin assess` or
/// `kin set`.
#[derive(Debug)]
pub struct EditSession {
    path: PathBuf,
    /// The document as last saved; `None` until a new file is first saved.
    doc: Option<DocumentMut>,
    /// Whether the file starts with a UTF-8 byte order mark (kept on save).
    bom: bool,
    /// Whether the file uses Windows line endings (kept on save).
    crlf: bool,
    /// The assessment the file holds; saving an equal one writes nothing.
    saved: Option<Assessment>,
    /// The bytes the file holds as far as this session knows; `None` while
    /// the file does not exist.
    on_disk: Option<Vec<u8>>,
}

/// A file as opened: the assessment it holds (`None` for a file that does
/// not exist yet) and the warnings found in it.
#[derive(Debug)]
pub struct Opened {
    pub file: EditSession,
    pub assessment: Option<Assessment>,
    pub warnings: Vec<Finding>,
}

/// Why a file cannot be edited.
#[derive(Debug)]
pub enum OpenError {
    /// The file has errors (as `kin check` reports them); kin leaves it alone.
    Invalid(Vec<Finding>),
    /// The file exists but cannot be read.
    Unreadable(io::Error),
}

impl EditSession {
    /// Opens `path` for editing. A missing file is fine (it is created on
    /// the first save); a file with errors is refused.
    pub fn open(path: &Path, field: &Field) -> Result<Opened, OpenError> {
        let bytes = match read_limited(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound && !is_dangling_dir(path) => {
                return Ok(Opened {
                    file: EditSession {
                        path: path.to_path_buf(),
                        doc: None,
                        bom: false,
                        crlf: false,
                        saved: None,
                        on_disk: None,
                    },
                    assessment: None,
                    warnings: Vec::new(),
                });
            }
            Err(e) => return Err(OpenError::Unreadable(e)),
        };
        let loaded = load(&bytes, field);
        if loaded.has_errors() {
            return Err(OpenError::Invalid(loaded.findings));
        }
        let bom = bytes.starts_with(UTF8_BOM);
        let text = std::str::from_utf8(&bytes[if bom { UTF8_BOM.len() } else { 0 }..])
            .map_err(|e| OpenError::Unreadable(io::Error::new(io::ErrorKind::InvalidData, e)))?;
        let doc: DocumentMut = text
            .parse()
            .map_err(|e| OpenError::Unreadable(io::Error::new(io::ErrorKind::InvalidData, e)))?;
        let crlf = text.find('\n').is_some_and(|i| text[..i].ends_with('\r'));
        Ok(Opened {
            file: EditSession {
                path: path.to_path_buf(),
                doc: Some(doc),
                bom,
                crlf,
                saved: loaded.assessment.clone(),
                on_disk: Some(bytes),
            },
            assessment: loaded.assessment,
            warnings: loaded.findings,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file exists (was read, or saved by this session).
    pub fn exists(&self) -> bool {
        self.on_disk.is_some()
    }

    /// Saves `assessment` if it differs from what the file holds; returns
    /// whether the file was written.
    pub fn save(&mut self, assessment: &Assessment, field: &Field) -> anyhow::Result<bool> {
        if self.saved.as_ref() == Some(assessment) {
            return Ok(false);
        }
        let shown = file_name(&self.path.display().to_string());
        // In a CRLF file, line breaks inside texts are CRLF too.
        let for_file = if self.crlf {
            &with_crlf_texts(assessment)
        } else {
            assessment
        };
        let doc = match &mut self.doc {
            Some(doc) => {
                update_document(doc, for_file, field);
                doc
            }
            None => self.doc.insert(new_document(for_file, field)),
        };
        let text = doc.to_string();
        let mut candidates = Vec::new();
        if self.crlf {
            candidates.push(to_crlf(&text));
        }
        candidates.push(text);
        let bom: &[u8] = if self.bom { UTF8_BOM } else { &[] };
        let candidates = candidates.into_iter().map(|t| [bom, t.as_bytes()].concat());
        // A safety net: never write what would not load back to the same
        // assessment. (The CRLF form can fail where a text holds a literal
        // backslash before a line break; the plain form is used then.)
        let expected = as_read(assessment);
        let Some(bytes) = candidates
            .into_iter()
            .find(|bytes| load(bytes, field).assessment.as_ref() == Some(&expected))
        else {
            bail!(msg::would_write_invalid(&shown));
        };
        if self.on_disk.as_deref() == Some(bytes.as_slice()) {
            self.saved = Some(assessment.clone());
            return Ok(false);
        }
        // Whether the file still holds what this session read or last wrote
        // is checked as late as possible, as part of replacing it.
        let overwrite = match &self.on_disk {
            Some(known) => Overwrite::IfUnchanged(known),
            None => Overwrite::Refuse,
        };
        match write_atomic(&self.path, &bytes, overwrite) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists || ChangedMeanwhile::is(&e) => {
                bail!(msg::changed_outside(&shown))
            }
            Err(e) => bail!(msg::save_failed(&shown, &e)),
            Ok(()) => {}
        }
        self.on_disk = Some(bytes);
        self.saved = Some(assessment.clone());
        Ok(true)
    }
}

/// `text` (as toml_edit writes it) with CRLF line breaks. toml_edit writes a
/// CR inside a multi-line string as the escape `\r` before the line break;
/// that becomes a plain CRLF, which reads back as the same text.
fn to_crlf(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace("\\r\n", "\n")
        .replace('\n', "\r\n")
}

/// `assessment` with every line break in its texts written as CRLF.
fn with_crlf_texts(assessment: &Assessment) -> Assessment {
    map_texts(assessment, |text| {
        if text.contains('\n') {
            *text = text.replace("\r\n", "\n").replace('\n', "\r\n");
        }
    })
}

/// `assessment` as kin reads it back from a file: CRLF inside texts is `\n`.
fn as_read(assessment: &Assessment) -> Assessment {
    map_texts(assessment, |text| *text = unify_line_breaks(text))
}

/// `assessment` with `fix` applied to every text.
fn map_texts(assessment: &Assessment, fix: fn(&mut String)) -> Assessment {
    let fix_state = |state: &mut ItemState| {
        state.note.iter_mut().for_each(fix);
        state.partners.iter_mut().for_each(fix);
        state.evidence.iter_mut().for_each(fix);
        state.responsible.iter_mut().for_each(fix);
    };
    let mut a = assessment.clone();
    fix(&mut a.kommune.name);
    a.kommune.assessor.iter_mut().for_each(fix);
    a.answers.values_mut().for_each(fix);
    a.suggestions.values_mut().for_each(fix_state);
    for measure in &mut a.own {
        fix(&mut measure.title);
        fix_state(&mut measure.state);
    }
    a
}

/// A path whose folder does not exist: reported as unreadable rather than
/// treated as a new file, so the mistake shows before any question is asked.
fn is_dangling_dir(path: &Path) -> bool {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => !parent.is_dir(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::status::Status;
    use crate::test_support::sample;

    fn field() -> &'static Field {
        Field::embedded()
    }

    fn musterhausen() -> Assessment {
        sample("Musterhausen").build()
    }

    #[test]
    fn a_new_file_is_created_on_first_save_and_skipped_when_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.kin.toml");
        let mut opened = EditSession::open(&path, field()).unwrap();
        assert!(opened.assessment.is_none());
        assert!(!opened.file.exists());
        let a = musterhausen();
        assert!(opened.file.save(&a, field()).unwrap());
        assert!(!opened.file.save(&a, field()).unwrap());
        let reopened = EditSession::open(&path, field()).unwrap();
        assert_eq!(reopened.assessment, Some(a));
    }

    #[test]
    fn keeps_comments_and_byte_order_mark() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.kin.toml");
        let text = "\u{feff}schema = 1\nfield = \"interkommunale-zusammenarbeit\"\nfield_version = \"1.0\"\n\
                    [kommune] # wir\nname = \"Musterhausen\"\ndate = 2026-11-25\n";
        std::fs::write(&path, text).unwrap();
        let mut opened = EditSession::open(&path, field()).unwrap();
        let mut a = opened.assessment.clone().unwrap();
        assert!(!opened.file.save(&a, field()).unwrap());
        a.suggestions.insert(
            "bildung-zusammenarbeit".into(),
            crate::domain::assessment::ItemState {
                status: Status::Done,
                ..Default::default()
            },
        );
        assert!(opened.file.save(&a, field()).unwrap());
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.starts_with("\u{feff}schema = 1\n"), "{written}");
        assert!(written.contains("[kommune] # wir\n"), "{written}");
        assert!(written.contains("status = \"done\""), "{written}");
    }

    #[test]
    fn refuses_invalid_files_and_files_changed_by_others() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.kin.toml");
        std::fs::write(&path, "schema = 1\nkaputt").unwrap();
        assert!(matches!(
            EditSession::open(&path, field()),
            Err(OpenError::Invalid(_))
        ));

        let mut a = musterhausen();
        std::fs::write(&path, crate::format::write::to_toml(&a, field())).unwrap();
        let mut opened = EditSession::open(&path, field()).unwrap();
        std::fs::write(&path, "# von Hand geändert\n").unwrap();
        a.kommune.name = "Neustadt".into();
        let error = opened.file.save(&a, field()).unwrap_err();
        assert!(error.to_string().contains("geändert"), "{error}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "# von Hand geändert\n"
        );
    }

    #[test]
    fn crlf_files_stay_crlf_and_odd_texts_still_save_correctly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.kin.toml");
        let a = musterhausen();
        let crlf = crate::format::write::to_toml(&a, field()).replace('\n', "\r\n");
        std::fs::write(&path, &crlf).unwrap();
        let mut opened = EditSession::open(&path, field()).unwrap();
        let mut a = opened.assessment.clone().unwrap();
        a.answers
            .insert("synergien-potenzial".into(), "Schulen\nBauhof".into());
        assert!(opened.file.save(&a, field()).unwrap());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.replace("\r\n", "").contains('\n'), "{text:?}");
        let reloaded = EditSession::open(&path, field()).unwrap();
        let answer = reloaded.assessment.unwrap().answers["synergien-potenzial"].clone();
        // Read back, a line break is "\n" whatever the file's line ends.
        assert_eq!(answer, "Schulen\nBauhof");

        // A backslash right before a line break defeats the CRLF form; the
        // text must still come back exactly.
        a.answers
            .insert("synergien-potenzial".into(), "Pfad C:\\r\nweiter".into());
        assert!(opened.file.save(&a, field()).unwrap());
        let reloaded = EditSession::open(&path, field()).unwrap();
        let answer = reloaded.assessment.unwrap().answers["synergien-potenzial"].clone();
        assert_eq!(answer.replace("\r\n", "\n"), "Pfad C:\\r\nweiter");
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fehlt").join("a.kin.toml");
        assert!(matches!(
            EditSession::open(&path, field()),
            Err(OpenError::Unreadable(_))
        ));
    }
}
