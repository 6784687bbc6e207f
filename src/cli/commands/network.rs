//! `kin network`: the cooperation network of many assessments, as text,
//! JSON, DOT, Mermaid or SVG; with `--check` only what needs a phone call.

use crate::cli::exit::Outcome;
use crate::cli::output::Destination;
use crate::cli::output::print_findings;
use crate::domain::field::Field;
use crate::domain::network::{Aliases, Member, MemberCollector, Network, codes};
use crate::format::aliases::load_aliases;
use crate::messages as msg;
use crate::render::escape::one_line;
use crate::render::network::{
    NetworkCheckGithub, NetworkCheckText, NetworkDot, NetworkJson, NetworkMermaid, NetworkRenderer,
    NetworkSvg, NetworkText,
};
use crate::store::batch::{LoadScope, Pipes, for_each_checked, read_bytes};
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
    /// In diese Datei schreiben statt in die Standardausgabe (UTF-8; eine vorhandene Datei wird ersetzt)
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
    /// The renderer of this format, with `--check` or without; `None` for
    /// what does not go together (a picture of findings, annotations of a
    /// network).
    pub fn renderer(self, check: bool) -> Option<Box<dyn NetworkRenderer>> {
        Some(match (check, self) {
            (false, Format::Text) => Box::new(NetworkText),
            (false, Format::Json) => Box::new(NetworkJson),
            (false, Format::Dot) => Box::new(NetworkDot),
            (false, Format::Mermaid) => Box::new(NetworkMermaid),
            (false, Format::Svg) => Box::new(NetworkSvg),
            (true, Format::Text) => Box::new(NetworkCheckText),
            (true, Format::Github) => Box::new(NetworkCheckGithub),
            _ => return None,
        })
    }
}

pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let Some(renderer) = args.format.renderer(args.check) else {
        if args.check {
            let format = format!("{:?}", args.format).to_lowercase();
            anyhow::bail!(msg::network_check_format(&format));
        }
        anyhow::bail!(msg::NETWORK_GITHUB_NEEDS_CHECK);
    };
    let destination = Destination::choose(args.output.as_deref())?;
    destination.accept(renderer.kind())?;
    if let (Some(output), Some(aliases)) = (&args.output, &args.aliases)
        && same_file(output, aliases)
    {
        anyhow::bail!(msg::network_output_is_aliases(&one_line(
            &output.display().to_string()
        )));
    }
    let files = crate::cli::input::files(&args.files)?;
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
    destination.write(|out| renderer.render(&network, field, out))?;
    let found = args.check && !network.findings.is_empty();
    Ok(if found {
        Outcome::Problems
    } else {
        Outcome::Success
    })
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

/// Whether two paths name the same file.
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(a), Ok(b)) if a == b
        )
}
