//! A workbook or a Word document is never written onto a terminal: kin
//! refuses with a hint to use --output, and exits 2.
#![cfg(unix)]

use rexpect::process::WaitStatus;
use rexpect::session::spawn_with_options;

#[test]
fn xlsx_on_a_terminal_is_refused_with_a_hint() {
    refused_on_a_terminal("xlsx");
}

#[test]
fn docx_on_a_terminal_is_refused_with_a_hint() {
    refused_on_a_terminal("docx");
}

fn refused_on_a_terminal(format: &str) {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/report/musterhausen.kin.toml"
    );
    let mut cmd = std::process::Command::new(crate::support::KIN);
    cmd.args(["report", "--format", format, fixture])
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let options = rexpect::reader::Options::new().timeout_ms(Some(60_000));
    let mut session = spawn_with_options(cmd, options).expect("kin starts in a pty");
    let before = session
        .exp_string("--output bericht.docx")
        .expect("the hint names --output");
    // rexpect reads bytes as Latin-1: compare ASCII only.
    assert!(
        before.contains("sich im Terminal nicht anzeigen"),
        "{before}"
    );
    assert!(
        !before.contains("PK"),
        "no zip bytes on the screen: {before}"
    );
    session.exp_eof().expect("kin ends");
    match session.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 2),
        other => panic!("{other:?}"),
    }
}
