//! `kin network` as a user runs it: every format of the example Landkreis
//! Ostertal (snapshots), `--check` with its exit codes, aliases, the
//! hand-made edge cases in tests/fixtures/network, hostile names in every
//! format, Graphviz reading the DOT, and `--output`.

use assert_cmd::Command;
use std::path::Path;
use std::process::Output;

const LANDKREIS: &str = "examples/landkreis-ostertal";
const ALIASES: &str = "examples/landkreis-ostertal/schreibweisen.toml";
const CASES: &str = "tests/fixtures/network";
/// Two files of one Kommune.
const DUPLICATE: &str = "tests/fixtures/network/duplicate";

/// `kin network ARGS` in the crate folder.
fn kin(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kin"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .arg("network")
        .args(args);
    cmd
}

fn run(args: &[&str]) -> Output {
    kin(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    portable(String::from_utf8(output.stdout.clone()).expect("output is UTF-8"))
}

fn stderr(output: &Output) -> String {
    portable(String::from_utf8(output.stderr.clone()).expect("messages are UTF-8"))
}

/// kin names a file it found in a folder by the folder's name as given and
/// the platform's separator: on Windows `examples/landkreis-ostertal\x.kin.toml`
/// (in JSON and DOT strings with the backslash doubled). The expected
/// outputs are written with `/`.
fn portable(text: String) -> String {
    if !cfg!(windows) {
        return text;
    }
    [LANDKREIS, DUPLICATE].iter().fold(text, |text, folder| {
        text.replace(&format!("{folder}\\\\"), &format!("{folder}/"))
            .replace(&format!("{folder}\\"), &format!("{folder}/"))
    })
}

/// Runs `kin network` that must succeed quietly and returns its stdout.
fn network(args: &[&str]) -> String {
    let output = run(args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
    stdout(&output)
}

/// The hand-made cases: every Kommune file in tests/fixtures/network.
fn cases() -> Vec<String> {
    let mut files: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(CASES))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".kin.toml"))
            .map(|name| format!("{CASES}/{name}"))
            .collect();
    files.sort();
    files
}

fn with<'a>(args: &[&'a str], files: &'a [String]) -> Vec<&'a str> {
    let mut all = args.to_vec();
    all.extend(files.iter().map(String::as_str));
    all
}

// ---- the example Landkreis: every format --------------------------------------

/// The example Landkreis is made of valid assessments, warnings included.
#[test]
fn the_example_landkreis_passes_check() {
    Command::new(env!("CARGO_BIN_EXE_kin"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--strict", LANDKREIS, CASES])
        .assert()
        .code(0);
}

#[test]
fn landkreis_as_text() {
    insta::assert_snapshot!(network(&[LANDKREIS]));
}

#[test]
fn landkreis_as_text_with_aliases() {
    insta::assert_snapshot!(network(&[LANDKREIS, "--aliases", ALIASES]));
}

#[test]
fn landkreis_as_json() {
    let json = network(&[LANDKREIS, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["summary"]["one_sided"], 4);
    insta::assert_snapshot!(json);
}

#[test]
fn landkreis_as_dot() {
    insta::assert_snapshot!(network(&[
        LANDKREIS,
        "--format",
        "dot",
        "--aliases",
        ALIASES
    ]));
}

#[test]
fn landkreis_as_mermaid() {
    insta::assert_snapshot!(network(&[
        LANDKREIS,
        "--format",
        "mermaid",
        "--aliases",
        ALIASES
    ]));
}

#[test]
fn landkreis_as_svg() {
    let svg = network(&[LANDKREIS, "--format", "svg", "--aliases", ALIASES]);
    insta::assert_snapshot!(svg);
}

/// The picture's lines say what the network says: one solid line per
/// confirmed pair and category, a dashed one with an arrow per one-sided
/// pair and category, a dotted one per external partner and category;
/// Kommunen and external partners as boxes with their names.
#[test]
fn svg_draws_what_the_network_holds() {
    let svg = network(&[LANDKREIS, "--format", "svg", "--aliases", ALIASES]);
    let document = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let paths: Vec<roxmltree::Node> = root
        .descendants()
        .filter(|n| n.has_tag_name("path") && n.children().any(|c| c.has_tag_name("title")))
        .collect();
    fn dashed<'a>(n: &roxmltree::Node<'a, '_>) -> Option<&'a str> {
        n.attribute("stroke-dasharray")
    }
    let arrows = root
        .descendants()
        .filter(|n| n.attribute("class") == Some("kin-netz-pfeil"))
        .count();
    // With the aliases three links are one-sided, each its own pair and
    // category, each with an arrow head; and one in the legend.
    assert_eq!(arrows, 3 + 1);
    assert_eq!(paths.iter().filter(|p| dashed(p) == Some("7 5")).count(), 3);
    let external = paths.iter().filter(|p| dashed(p) == Some("1 4")).count();
    let solid = paths.iter().filter(|p| dashed(p).is_none()).count();
    assert_eq!(external, 13);
    assert!(solid >= 20, "{solid}");
    let texts: Vec<String> = root
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect();
    for name in [
        "Großbühlach",
        "Mühlbronn",
        "St. Veitsberg",
        "Landkreis Ostertal",
        "Unterbühlach",
    ] {
        assert!(texts.iter().any(|t| t == name), "{name} in {texts:?}");
    }
    // "Weiler a. E." is Weiler am Eck by the aliases: no box of its own.
    assert!(!texts.iter().any(|t| t.contains("a. E.")), "{texts:?}");
}

#[test]
fn every_format_is_deterministic() {
    for format in ["text", "json", "dot", "mermaid", "svg"] {
        let first = network(&[LANDKREIS, "--format", format]);
        assert_eq!(first, network(&[LANDKREIS, "--format", format]), "{format}");
    }
}

/// Graphviz reads the DOT and draws it (Debian package graphviz; `.ci/run`
/// installs it).
#[test]
#[cfg_attr(
    windows,
    ignore = "runs Graphviz's dot, which a Windows test host lacks"
)]
fn graphviz_draws_the_dot() {
    let dot_installed = std::process::Command::new("dot").arg("-V").output().is_ok();
    if !dot_installed {
        assert!(
            std::env::var_os("KIN_SKIP_GRAPHVIZ").is_some(),
            "Graphviz (`dot`) is needed for this test: apt-get install graphviz, or set KIN_SKIP_GRAPHVIZ=1"
        );
        return;
    }
    for args in [
        vec![LANDKREIS, "--format", "dot"],
        with(&["--format", "dot"], &cases()),
    ] {
        let dot = network_allowing_warnings(&args);
        let mut graphviz = std::process::Command::new("dot")
            .arg("-Tsvg")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        graphviz
            .stdin
            .take()
            .unwrap()
            .write_all(dot.as_bytes())
            .unwrap();
        let drawn = graphviz.wait_with_output().unwrap();
        let messages = String::from_utf8_lossy(&drawn.stderr);
        assert!(drawn.status.success(), "{messages}");
        assert!(messages.trim().is_empty(), "Graphviz warns: {messages}");
        let svg = String::from_utf8(drawn.stdout).unwrap();
        assert!(svg.contains("Mühlbronn") || svg.contains("Beispielstadt"));
    }
}

fn network_allowing_warnings(args: &[&str]) -> String {
    let output = run(args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

// ---- --check ------------------------------------------------------------------

#[test]
fn check_lists_one_sided_links_and_exits_1() {
    let output = run(&[LANDKREIS, "--check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn check_with_aliases_finds_one_less() {
    let output = run(&[LANDKREIS, "--check", "--aliases", ALIASES]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(!out.contains("weiler-am-eck.kin.toml"), "{out}");
    assert_eq!(
        out.lines().last(),
        Some("7 Kommunen geprüft, 58 Nennungen zwischen ihnen: 3 einseitig")
    );
}

#[test]
fn check_names_both_kommunen_their_files_and_the_item() {
    let out = stdout(&run(&[LANDKREIS, "--check"]));
    let line = out
        .lines()
        .find(|l| l.starts_with("examples/landkreis-ostertal/muehlbronn.kin.toml:"))
        .expect("Mühlbronn's one-sided Bürgerbus");
    for part in [
        "muehlbronn.kin.toml:46:1: warning: einseitig genannt:",
        "Mühlbronn nennt Haldenburg (examples/landkreis-ostertal/haldenburg.kin.toml)",
        "„Gemeinsame Mobilitätskonzepte",
        "[konzepte-mobilitaet]",
        "Haldenburg nennt Mühlbronn weder dort noch",
    ] {
        assert!(line.contains(part), "{part:?} in {line}");
    }
}

#[test]
fn check_exits_0_when_every_partnership_is_named_on_both_sides() {
    let output = run(&[
        "--check",
        "examples/landkreis-ostertal/ebersried.kin.toml",
        "examples/landkreis-ostertal/kirchhalden.kin.toml",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        stdout(&output),
        "2 Kommunen geprüft, 2 Nennungen zwischen ihnen: alle beidseitig\n"
    );
}

#[test]
fn check_as_github_annotations() {
    let output = run(&[LANDKREIS, "--check", "--format", "github"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn github_without_check_and_check_with_a_picture_are_usage_errors() {
    let output = run(&[LANDKREIS, "--format", "github"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("nur zusammen mit --check"),
        "{}",
        stderr(&output)
    );
    let output = run(&[LANDKREIS, "--check", "--format", "svg"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--check gibt nur Befunde aus"),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());
}

// ---- hand-made edge cases -----------------------------------------------------

/// Two Kommunen named Altdorf (one named by AGS), a Kommune naming itself
/// twice, a spelling only an alias resolves, an external partner, empty
/// partner lists and a Kommune without partners.
#[test]
fn edge_cases_checked() {
    let files = cases();
    let output = run(&with(&["--check"], &files));
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn edge_cases_with_aliases_as_json() {
    let files = cases();
    let output = run(&with(
        &[
            "--format",
            "json",
            "--aliases",
            "tests/fixtures/network/aliases.toml",
        ],
        &files,
    ));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // What the picture cannot show goes to stderr: the ambiguous name and
    // the Kommune naming itself.
    let messages = stderr(&output);
    assert!(
        messages.contains("error: mehrdeutiger Partner „Altdorf“"),
        "{messages}"
    );
    assert_eq!(
        messages.matches("nennt sich selbst als Partner").count(),
        2,
        "{messages}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let summary = &json["summary"];
    assert_eq!(summary["ambiguous"], 1);
    assert_eq!(summary["self_references"], 2);
    // "Nachbarort a. B." is Nachbarort by the aliases: both sides confirmed.
    let nachbarort = json["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["written"] == "Nachbarort a. B.")
        .unwrap();
    assert_eq!(nachbarort["confirmation"], "confirmed");
    // The external partner is named as the alias says.
    assert!(
        json["externals"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["name"] == "VVB")
    );
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn the_same_kommune_twice_is_a_finding() {
    let output = run(&["--check", DUPLICATE]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains("beispielstadt-2026.kin.toml: error: Beispielstadt ist auch in tests/fixtures/network/duplicate/beispielstadt-2025.kin.toml bewertet"),
        "{out}"
    );
}

#[test]
fn a_kommune_without_partners_is_a_node_without_lines() {
    let text = network(&["tests/fixtures/network/stillweiler.kin.toml"]);
    assert!(
        text.contains(
            "Stillweiler · tests/fixtures/network/stillweiler.kin.toml\n  keine Partner genannt"
        ),
        "{text}"
    );
    let svg = network(&[
        "tests/fixtures/network/stillweiler.kin.toml",
        "--format",
        "svg",
    ]);
    roxmltree::Document::parse(&svg).unwrap();
    assert!(svg.contains(">Stillweiler</text>"));
}

// ---- hostile names ----------------------------------------------------------------

/// Names with quotes, markup, backslashes, DOT and Mermaid syntax, an
/// escape sequence and a bidi override cannot break out of any format.
#[test]
fn hostile_names_stay_text_in_every_format() {
    let file = "tests/fixtures/network/hostile.kin.toml";
    let text = network(&[file]);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text}"
    );
    assert!(text.contains("\\u{1b}[31m"), "{text}");

    let svg = network(&[file, "--format", "svg"]);
    let document = roxmltree::Document::parse(&svg).expect("well-formed despite the names");
    assert!(!document.descendants().any(|n| n.has_tag_name("script")));
    assert!(
        document
            .descendants()
            .any(|n| n.text() == Some("</text><script>alert(1)</script>"))
    );

    let dot = network(&[file, "--format", "dot"]);
    assert!(
        dot.contains(r#"label="Bad \"Quote\" <b>&amp; \\N ]] %% #1;\\u{1b}[31m""#),
        "{dot}"
    );
    assert!(
        !dot.contains('\u{1b}') && !dot.contains('\u{202e}'),
        "{dot}"
    );

    let mermaid = network(&[file, "--format", "mermaid"]);
    assert!(
        mermaid.contains(
            r#"k1["Bad #quot;Quote#quot; #lt;b#gt;#38;amp; #92;N ]] #37;#37; #35;1;#92;u{1b}[31m"]"#
        ),
        "{mermaid}"
    );
    assert!(
        mermaid.contains(r#"a#quot;] --#gt; x[#quot;y"#),
        "{mermaid}"
    );
    for line in mermaid.lines().filter(|l| l.contains("([\"")) {
        assert_eq!(line.matches('"').count(), 2, "{line}");
    }

    let json = network(&[file, "--format", "json"]);
    assert!(json.contains(r"\u001b[31m"), "{json}");
}

// ---- invalid input ------------------------------------------------------------------

#[test]
fn an_invalid_assessment_stops_with_exit_2_and_its_findings() {
    for args in [
        vec![LANDKREIS, "tests/fixtures/check/bad.kin.toml"],
        vec!["--check", LANDKREIS, "tests/fixtures/check/bad.kin.toml"],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty());
        let messages = stderr(&output);
        assert!(messages.contains("tests/fixtures/check/bad.kin.toml:8:7: error: ungültiger Amtlicher Gemeindeschlüssel"), "{messages}");
        assert!(messages.contains("1 Datei enthält Fehler"), "{messages}");
    }
}

#[test]
fn an_invalid_alias_file_stops_with_exit_2_and_positions() {
    let output = run(&[
        LANDKREIS,
        "--check",
        "--aliases",
        "tests/fixtures/network/aliases-bad.toml",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    insta::assert_snapshot!(stderr(&output));
}

#[test]
fn a_missing_alias_file_is_exit_2() {
    let output = run(&[LANDKREIS, "--aliases", "fehlt.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("fehlt.toml: error: Datei nicht gefunden"),
        "{}",
        stderr(&output)
    );
}

// ---- --output -------------------------------------------------------------------------

#[test]
fn output_writes_a_file_and_never_replaces_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("netz.svg");
    let output = run(&[
        LANDKREIS,
        "--format",
        "svg",
        "--output",
        target.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let written = portable(std::fs::read_to_string(&target).unwrap());
    assert_eq!(written, network(&[LANDKREIS, "--format", "svg"]));

    let assessment = dir.path().join("talbach.kin.toml");
    let renamed = dir.path().join("talbach.toml");
    std::fs::copy("examples/talbach.kin.toml", &assessment).unwrap();
    std::fs::copy("examples/talbach.kin.toml", &renamed).unwrap();
    let before = std::fs::read(&assessment).unwrap();
    let aliases_before = std::fs::read(ALIASES).unwrap();
    for (target, why) in [
        (assessment.to_str().unwrap(), "endet auf .kin.toml"),
        (renamed.to_str().unwrap(), "ist eine Bewertungsdatei"),
        (ALIASES, "ist die Alias-Datei"),
    ] {
        let output = run(&[LANDKREIS, "--aliases", ALIASES, "--output", target]);
        assert_eq!(output.status.code(), Some(2), "{target}");
        assert!(stderr(&output).contains(why), "{}", stderr(&output));
    }
    assert_eq!(std::fs::read(&renamed).unwrap(), before);
    assert_eq!(std::fs::read(ALIASES).unwrap(), aliases_before);
    assert_eq!(std::fs::read(&assessment).unwrap(), before);
}

// ---- the district report -------------------------------------------------------------

/// `kin report --format html` of several Kommunen draws their network, the
/// same picture as `kin network --format svg`; one Kommune gets none.
#[test]
fn the_district_report_draws_the_network() {
    let report = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_kin"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["report", "--format", "html", "--today", "2026-12-01"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output)
    };
    let page = report(&[LANDKREIS]);
    let svg = network(&[LANDKREIS, "--format", "svg"]);
    assert!(page.contains(&format!("<figure class=\"picture\">\n{svg}<figcaption>")));
    assert!(
        page.contains("Einseitig genannt: Großbühlach → Haldenburg"),
        "{page}"
    );
    let one = report(&["examples/landkreis-ostertal/haldenburg.kin.toml"]);
    assert!(!one.contains("<figure class=\"picture\">"));
}
