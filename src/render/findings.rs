//! `kin check` output: compiler-style lines for people and editors, JSON for
//! scripts (documented in docs/check-json.md).

use crate::domain::finding::{Finding, Severity};
use crate::messages as msg;
use crate::render::escape::{file_name, github_message, github_property, one_line};
use crate::store::batch::CheckedFile;
use serde::Serialize;

/// `FILE:LINE:COL: error: message`, or `FILE: error: message` without a
/// position; the file name and the message made harmless on one line.
pub fn finding_line(file: &str, finding: &Finding) -> String {
    let file = file_name(file);
    let message = one_line(&finding.message);
    let severity = finding.severity.as_str();
    match finding.position {
        Some(p) => format!("{file}:{}:{}: {severity}: {message}", p.line, p.column),
        None => format!("{file}: {severity}: {message}"),
    }
}

/// Counts of findings over many files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FindingCounts {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl FindingCounts {
    pub fn of(files: &[CheckedFile]) -> FindingCounts {
        let all = || files.iter().flat_map(|f| &f.loaded.findings);
        FindingCounts {
            files: files.len(),
            errors: all().filter(|f| f.severity == Severity::Error).count(),
            warnings: all().filter(|f| f.severity == Severity::Warning).count(),
        }
    }

    /// Adds the counts of more files, e.g. of the next chunk.
    pub fn add(&mut self, more: FindingCounts) {
        self.files += more.files;
        self.errors += more.errors;
        self.warnings += more.warnings;
    }
}

// The text and GitHub forms are written a chunk of files at a time (lines,
// then after the last chunk the summary line), so `kin check` prints as it
// goes and keeps no file in memory longer than needed.

/// Every finding of `files` as a line.
pub fn text_lines(files: &[CheckedFile]) -> String {
    let mut out = String::new();
    for file in files {
        let name = file.display();
        for finding in &file.loaded.findings {
            out.push_str(&finding_line(&name, finding));
            out.push('\n');
        }
    }
    out
}

/// The closing line of the text and GitHub forms.
pub fn summary_line(totals: FindingCounts) -> String {
    let mut line = msg::check_summary(totals.files, totals.errors, totals.warnings);
    line.push('\n');
    line
}

/// The JSON form: `{"files": [...], "findings": [...], "summary": {...}}`.
/// It is one document, so it is collected chunk by chunk ([`JsonReport::add`])
/// and written at the end; it keeps one small record per file and finding.
#[derive(Debug, Default, Serialize)]
pub struct JsonReport {
    files: Vec<JsonFile>,
    findings: Vec<JsonFinding>,
    summary: FindingCounts,
}

#[derive(Debug, Serialize)]
struct JsonFile {
    file: String,
    valid: bool,
    errors: usize,
    warnings: usize,
}

#[derive(Debug, Serialize)]
struct JsonFinding {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    severity: Severity,
    code: &'static str,
    message: String,
}

impl JsonReport {
    /// Adds the results of more files, in order.
    pub fn add(&mut self, files: &[CheckedFile]) {
        for f in files {
            let totals = FindingCounts::of(std::slice::from_ref(f));
            self.files.push(JsonFile {
                file: f.display(),
                valid: totals.errors == 0,
                errors: totals.errors,
                warnings: totals.warnings,
            });
            self.summary.add(totals);
            self.findings
                .extend(f.loaded.findings.iter().map(|finding| JsonFinding {
                    file: f.display(),
                    line: finding.position.map(|p| p.line),
                    column: finding.position.map(|p| p.column),
                    severity: finding.severity,
                    code: finding.code,
                    message: finding.message.clone(),
                }));
        }
    }

    /// The whole document, pretty-printed, with a final line break.
    pub fn render(&self) -> String {
        crate::render::json::to_json(self)
    }
}

/// GitHub Actions workflow commands, one per finding of `files`.
pub fn github_lines(files: &[CheckedFile]) -> String {
    let mut out = String::new();
    for file in files {
        let name = file.display();
        for finding in &file.loaded.findings {
            out.push_str(&github_line(&name, finding, "kin check"));
        }
    }
    out
}

/// One finding as a GitHub Actions workflow command (`::error file=…`),
/// titled `command: code`, ending in a line break.
/// See <https://docs.github.com/actions/reference/workflow-commands-for-github-actions>.
pub fn github_line(file: &str, finding: &Finding, command: &str) -> String {
    let kind = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = vec![format!("file={}", github_property(&file_name(file)))];
    if let Some(p) = finding.position {
        properties.push(format!("line={}", p.line));
        properties.push(format!("col={}", p.column));
    }
    properties.push(format!(
        "title={}",
        github_property(&format!("{command}: {}", finding.code))
    ));
    format!(
        "::{kind} {}::{}\n",
        properties.join(","),
        github_message(&finding.message)
    )
}
