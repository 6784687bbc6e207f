//! `kin network`: the cooperation network of many assessments, as text,
//! JSON, DOT, Mermaid or SVG; with `--check` only what needs a phone call.

use crate::cli::exit::Outcome;
use crate::cli::output::print_findings;
use crate::domain::field::Field;
use crate::domain::network::{Aliases, Member, MemberCollector, Network, codes};
use crate::format::aliases::load_aliases;
use crate::messages as msg;
use crate::render::network::{self, Renderer};
use crate::store::atomic_write::{Overwrite, write_atomic_with};
use crate::store::batch::{LoadScope, Pipes, for_each_checked, read_bytes};
use anyhow::Context;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Zeigt das Kooperationsnetz: wer mit wem zusammenarbeitet.
///
/// Je Kommune die Partner und die Maßnahmen, bei denen sie zusammenarbeiten,
/// und ob beide Seiten die Partnerschaft nennen; als Text, JSON, Graphviz,
/// Mermaid oder Bild (SVG).
#[derive(Debug, clap::Args)]
#[command(after_help = msg::NETWORK_EXAMPLES)]
pub struct Args {
    /// Bewertungsdateien der Kommunen, Ordner (alle *.kin.toml darin und darunter) oder
    /// Muster wie kreis/*.kin.toml (** für Unterordner)
    #[arg(value_name = "DATEIEN", required = true)]
    pub files: Vec<PathBuf>,
    /// Ausgabeformat
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Nur Befunde: einseitig genannte Partnerschaften, mehrdeutige Namen,
    /// Selbstnennungen, doppelte Kommunen; Exit-Code 1, wenn es welche gibt
    #[arg(long)]
    pub check: bool,
    /// Alias-Datei (TOML): weitere Schreibweisen von Partnern → Name oder AGS
    #[arg(long, value_name = "DATEI")]
    pub aliases: Option<PathBuf>,
    /// Ausgabe in diese Datei statt auf den Bildschirm
    #[arg(long, short = 'o', value_name = "DATEI")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// je Kommune ihre Partner mit den Maßnahmen
    Text,
    /// JSON für Skripte (docs/network-json.md)
    Json,
    /// Graphviz DOT (dot -Tsvg)
    Dot,
    /// Mermaid in Markdown (GitHub, GitLab)
    Mermaid,
    /// Bild (SVG), ohne weitere Programme
    Svg,
    /// GitHub-Actions-Anmerkungen, nur mit --check
    Github,
}

impl Format {
    /// The renderer of a picture or listing; `None` for `github`, which is
    /// only a form of `--check`.
    pub fn renderer(self) -> Option<Renderer> {
        match self {
            Format::Text => Some(network::text::render),
            Format::Json => Some(network::json::render),
            Format::Dot => Some(network::dot::render),
            Format::Mermaid => Some(network::mermaid::render),
            Format::Svg => Some(network::svg::render),
            Format::Github => None,
        }
    }
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    match (args.check, args.format) {
        (false, Format::Github) => anyhow::bail!(msg::NETWORK_GITHUB_NEEDS_CHECK),
        (true, Format::Json | Format::Dot | Format::Mermaid | Format::Svg) => {
            anyhow::bail!(msg::network_check_format(
                &format!("{:?}", args.format).to_lowercase()
            ))
        }
        _ => {}
    }
    let files = crate::cli::input::files(&args.files)?;
    if let Some(target) = &args.output {
        refuse_to_overwrite_input(target, &files, args.aliases.as_deref())?;
    }
    let field = Field::embedded();
    let aliases = match &args.aliases {
        Some(path) => read_aliases(path)?,
        None => Aliases::default(),
    };
    let members = read_members(&files, field)?;
    let network = Network::build(members, &aliases, field);

    if !args.check {
        // The picture shows one-sided links; what it cannot show goes to
        // stderr, as `kin report` does with warnings.
        for f in &network.findings {
            if f.finding.code != codes::ONE_SIDED {
                print_findings(&f.file, std::slice::from_ref(&f.finding));
            }
        }
    }
    write_output(args.output.as_deref(), |out| match args.format {
        Format::Github => network::check::github(&network, out),
        _ if args.check => network::check::text(&network, out),
        format => format
            .renderer()
            .expect("github is refused without --check")(&network, field, out),
    })?;
    let found = args.check && !network.findings.is_empty();
    Ok(if found {
        Outcome::Problems
    } else {
        Outcome::Success
    })
}

/// Runs `write` with stdout (a reader that went away is no error), or with
/// a temporary file that replaces `path` once everything is written.
fn write_output(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    match path {
        Some(path) => write_atomic_with(path, Overwrite::Allow, |file| {
            let mut out = BufWriter::new(file);
            write(&mut out)?;
            out.flush()
        })
        .with_context(|| msg::network_cannot_write(&path.display().to_string())),
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            match write(&mut out).and_then(|()| out.flush()) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                result => result.context(msg::CANNOT_WRITE_OUTPUT),
            }
        }
    }
}

/// The aliases of `path`; its findings go to stderr, and an error stops
/// the command (exit 2).
fn read_aliases(path: &Path) -> anyhow::Result<Aliases> {
    let name = path.display().to_string();
    let (aliases, findings) = match read_bytes(path, Pipes::Refuse) {
        Ok(bytes) => load_aliases(&bytes),
        Err(finding) => (Aliases::default(), vec![finding]),
    };
    print_findings(&name, &findings);
    if findings.iter().any(|f| f.is_error()) {
        anyhow::bail!(msg::ALIASES_INVALID);
    }
    Ok(aliases)
}

/// Reads the assessments a chunk at a time and keeps only names and
/// partners. Findings go to stderr as `kin check` prints them; any file with
/// errors stops the command (exit 2) after all were read.
fn read_members(paths: &[PathBuf], field: &Field) -> anyhow::Result<Vec<Member>> {
    let collector = MemberCollector::new(field);
    let mut members = Vec::with_capacity(paths.len());
    let mut invalid = 0;
    for_each_checked(
        paths,
        field,
        LoadScope::Full,
        |file| {
            let name = file.display();
            let loaded = file.loaded;
            let member = loaded
                .assessment
                .as_ref()
                .map(|a| collector.member(&name, a, &loaded.places));
            (name, loaded.findings, member)
        },
        |chunk| -> Result<(), std::convert::Infallible> {
            for (name, findings, member) in chunk {
                print_findings(&name, &findings);
                match member {
                    Some(member) => members.push(member),
                    None => invalid += 1,
                }
            }
            Ok(())
        },
    )
    .unwrap_or_else(|never| match never {});
    if invalid > 0 {
        anyhow::bail!(msg::invalid_input(invalid));
    }
    Ok(members)
}

/// An output file must not replace an assessment or the alias file.
fn refuse_to_overwrite_input(
    target: &Path,
    files: &[PathBuf],
    aliases: Option<&Path>,
) -> anyhow::Result<()> {
    let name = target.display().to_string();
    let same = |other: &Path| {
        other == target
            || matches!(
                (std::fs::canonicalize(other), std::fs::canonicalize(target)),
                (Ok(a), Ok(b)) if a == b
            )
    };
    if name.ends_with(".kin.toml") || files.iter().any(|f| same(f)) || aliases.is_some_and(same) {
        anyhow::bail!(msg::network_output_is_input(&name));
    }
    Ok(())
}
