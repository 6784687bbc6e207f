//! Commands kin suggests to type next („Weitermachen mit: …“), written the
//! way the person can type them: with the program as they started it
//! (`kin`, or `cargo run --release --` when run through cargo), the flags
//! they gave, and paths quoted for their shell where needed.

use crate::render::escape::printable;
use std::borrow::Cow;
use std::path::Path;

/// How to write a kin command for the person at the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// What starts kin: `kin`, or `cargo run --release --`.
    program: String,
}

impl Hint {
    /// Looks at how this process was started: cargo sets `CARGO` for the
    /// programs it runs, and they live under `target/<profile>/`.
    pub fn detect() -> Hint {
        let exe = std::env::current_exe().ok();
        Hint::for_start(std::env::var_os("CARGO").is_some(), exe.as_deref())
    }

    /// The rule behind [`Hint::detect`], testable.
    pub fn for_start(under_cargo: bool, exe: Option<&Path>) -> Hint {
        let profile = exe
            .and_then(Path::parent)
            .filter(|dir| dir.parent().and_then(Path::file_name) == Some("target".as_ref()))
            .and_then(Path::file_name)
            .and_then(|name| name.to_str());
        let program = match profile {
            Some("release") if under_cargo => "cargo run --release --".to_owned(),
            Some("debug") if under_cargo => "cargo run --".to_owned(),
            Some(other) if under_cargo => format!("cargo run --profile {other} --"),
            _ => "kin".to_owned(),
        };
        Hint { program }
    }

    /// Plain `kin` (for tests and documentation).
    pub fn kin() -> Hint {
        Hint {
            program: "kin".to_owned(),
        }
    }

    /// The command line `program subcommand args…`, each argument quoted
    /// where the shell needs it (and made printable first: a file name
    /// never brings control characters onto the terminal).
    pub fn command(&self, args: &[&str]) -> String {
        let mut line = self.program.clone();
        for arg in args {
            line.push(' ');
            line.push_str(&quote(&printable(arg)));
        }
        line
    }
}

/// `arg` as the person's shell needs it typed: unchanged when it holds only
/// characters no shell treats specially; else quoted for PowerShell and cmd
/// on Windows, for POSIX shells elsewhere. The one place kin quotes.
pub fn quote(arg: &str) -> Cow<'_, str> {
    quote_for(arg, cfg!(windows))
}

/// [`quote`] for a chosen platform, testable on every one.
pub fn quote_for(arg: &str, windows: bool) -> Cow<'_, str> {
    let plain = |c: char| c.is_alphanumeric() || "_-./:@%+=,~".contains(c);
    let plain = !arg.is_empty()
        && arg.chars().all(|c| plain(c) || (windows && c == '\\'))
        && !arg.starts_with('~');
    if plain {
        return Cow::Borrowed(arg);
    }
    if windows {
        // Double quotes work in PowerShell and cmd alike, as long as nothing
        // inside is expanded by PowerShell; otherwise PowerShell's literal
        // single quotes (a quote doubled).
        if !arg.contains(['"', '$', '`']) {
            Cow::Owned(format!("\"{arg}\""))
        } else {
            Cow::Owned(format!("'{}'", arg.replace('\'', "''")))
        }
    } else {
        Cow::Owned(format!("'{}'", arg.replace('\'', r"'\''")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_stay_as_they_are() {
        for windows in [false, true] {
            assert_eq!(
                quote_for("oberhaslach.kin.toml", windows),
                "oberhaslach.kin.toml"
            );
            assert_eq!(
                quote_for("kreis/Überlingen.kin.toml", windows),
                "kreis/Überlingen.kin.toml"
            );
        }
        assert_eq!(
            quote_for(r"H:\Bewertung\kin.toml", true),
            r"H:\Bewertung\kin.toml"
        );
    }

    #[test]
    fn posix_shells_get_single_quotes() {
        assert_eq!(
            quote_for("Meine Bewertung.kin.toml", false),
            "'Meine Bewertung.kin.toml'"
        );
        assert_eq!(quote_for("it's.kin.toml", false), r"'it'\''s.kin.toml'");
        assert_eq!(quote_for("a$b", false), "'a$b'");
        assert_eq!(quote_for("", false), "''");
        assert_eq!(quote_for(r"C:\x", false), r"'C:\x'");
    }

    #[test]
    fn windows_shells_get_double_quotes_or_powershell_literals() {
        assert_eq!(
            quote_for(r"H:\Nachhaltigkeit\Bewertung 2026.kin.toml", true),
            r#""H:\Nachhaltigkeit\Bewertung 2026.kin.toml""#
        );
        assert_eq!(
            quote_for("Kosten$2026.kin.toml", true),
            "'Kosten$2026.kin.toml'"
        );
        assert_eq!(quote_for("it's $x.kin.toml", true), "'it''s $x.kin.toml'");
    }

    #[test]
    fn the_program_is_what_the_person_started() {
        let exe = |path: &str| Some(Path::new(path).to_path_buf());
        let release = exe("/home/s/kin/target/release/kin");
        assert_eq!(
            Hint::for_start(true, release.as_deref()).command(&["assess", "a b.kin.toml"]),
            format!("cargo run --release -- assess {}", quote("a b.kin.toml"))
        );
        let debug = exe("/home/s/kin/target/debug/kin");
        assert_eq!(
            Hint::for_start(true, debug.as_deref()).program,
            "cargo run --"
        );
        assert_eq!(Hint::for_start(false, release.as_deref()).program, "kin");
        let installed = exe("/home/s/.cargo/bin/kin");
        assert_eq!(Hint::for_start(true, installed.as_deref()).program, "kin");
    }
}
