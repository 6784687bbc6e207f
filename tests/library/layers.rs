//! The folders of `src/` are layers (docs/architecture.md): each imports
//! only from itself and the layers below it, so the domain stays free of
//! files, terminals and clocks, and no two folders need each other. This
//! reads every source file and fails on an import that goes upwards.

use std::path::Path;

/// Modules with no imports from kin, which every layer may use.
const LEAVES: [&str; 2] = ["format::keys", "render::escape"];

/// What each folder may import besides itself and the leaves.
const ALLOWED: [(&str, &[&str]); 8] = [
    ("domain", &["messages"]),
    // The text catalogue: German words for the values of the layers it
    // describes; every layer uses it.
    ("messages", &["domain", "store"]),
    ("format", &["domain", "messages"]),
    ("store", &["format", "domain", "messages"]),
    ("assess", &["domain", "messages"]),
    ("render", &["store", "format", "domain", "messages"]),
    ("terminal", &["assess", "render", "domain", "messages"]),
    (
        "cli",
        &[
            "terminal", "render", "assess", "store", "format", "domain", "messages",
        ],
    ),
];

/// The code of `text` without comments and without its test module.
fn code(text: &str) -> String {
    let mut code = String::new();
    for line in text.lines() {
        let line = line.trim_start();
        if line.starts_with("#[cfg(test)]") {
            break;
        }
        if !line.starts_with("//") {
            code.push_str(line);
            code.push('\n');
        }
    }
    code
}

/// Every `crate::module` (or `crate::module::leaf`) named in `code`.
fn imports(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_' || *c == ':')
            .collect();
        let mut parts = path.split("::").filter(|p| !p.is_empty());
        let Some(module) = parts.next() else { continue };
        let with_leaf = match parts.next() {
            Some(sub) if LEAVES.contains(&format!("{module}::{sub}").as_str()) => {
                format!("{module}::{sub}")
            }
            _ => module.to_owned(),
        };
        found.push(with_leaf);
    }
    found
}

fn source_files(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn every_folder_imports_only_from_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    files.sort();
    let mut upward = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        if relative.components().count() == 1 || relative.ends_with("tests.rs") {
            continue; // lib.rs, main.rs, test_support.rs; test modules
        }
        let folder = relative.iter().next().unwrap().to_string_lossy();
        let folder = folder.as_ref();
        let module = relative
            .with_extension("")
            .to_string_lossy()
            .replace('/', "::");
        let code = code(&std::fs::read_to_string(file).unwrap());
        let is_leaf = LEAVES.contains(&module.as_str());
        let allowed = ALLOWED
            .iter()
            .find(|(name, _)| *name == folder)
            .unwrap_or_else(|| panic!("{folder}/ is no known layer: add it to ALLOWED"))
            .1;
        for import in imports(&code) {
            let ok = if is_leaf {
                false
            } else {
                import.starts_with(folder)
                    || LEAVES.contains(&import.as_str())
                    || allowed.contains(&import.as_str())
            };
            if !ok {
                upward.push(format!("{} imports crate::{import}", relative.display()));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports against the layers:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_check_sees_imports_and_skips_comments_and_tests() {
    let text = "use crate::domain::field::Field;\n// crate::cli in a comment\n\
                fn f() { crate::render::escape::one_line(\"\"); }\n\
                #[cfg(test)]\nmod tests { use crate::cli::exit::Outcome; }\n";
    assert_eq!(imports(&code(text)), ["domain", "render::escape"]);
}
