//! `kin check` output formats, each a [`CheckRenderer`]; the lines and the
//! JSON document themselves are made in [`crate::render::findings`].

use crate::render::findings::{self, FindingCounts, JsonReport};
use crate::store::batch::CheckedFile;
use std::io::{self, Write};

/// One output format of `kin check`. Files are checked a chunk at a time,
/// and each chunk is handed to [`CheckRenderer::files`] as soon as it is
/// done, so findings appear while kin works. Adding a format: a type that
/// implements this, and one arm in `Format::renderer` of
/// `cli/commands/check.rs`.
pub trait CheckRenderer {
    /// Writes (or collects) the findings of the next chunk of files.
    fn files(&mut self, files: &[CheckedFile], out: &mut dyn Write) -> io::Result<()>;

    /// Writes the end, after the last chunk.
    fn finish(&mut self, totals: FindingCounts, out: &mut dyn Write) -> io::Result<()>;
}

/// A line per finding, written as each chunk is checked, then the summary
/// line: compiler-style text ([`CheckLines::TEXT`]) or GitHub Actions
/// workflow commands ([`CheckLines::GITHUB`]).
pub struct CheckLines {
    lines: fn(&[CheckedFile]) -> String,
}

impl CheckLines {
    /// `FILE:LINE:COL: error: message`.
    pub const TEXT: CheckLines = CheckLines {
        lines: findings::text_lines,
    };
    /// `::error file=…,line=…::message`.
    pub const GITHUB: CheckLines = CheckLines {
        lines: findings::github_lines,
    };
}

impl CheckRenderer for CheckLines {
    fn files(&mut self, files: &[CheckedFile], out: &mut dyn Write) -> io::Result<()> {
        out.write_all((self.lines)(files).as_bytes())
    }

    fn finish(&mut self, totals: FindingCounts, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(findings::summary_line(totals).as_bytes())
    }
}

/// One JSON document (docs/check-json.md), collected and written at the end.
#[derive(Default)]
pub struct CheckJson(JsonReport);

impl CheckRenderer for CheckJson {
    fn files(&mut self, files: &[CheckedFile], _out: &mut dyn Write) -> io::Result<()> {
        self.0.add(files);
        Ok(())
    }

    fn finish(&mut self, _totals: FindingCounts, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.0.render().as_bytes())
    }
}
