//! `kin network --check`: every finding as a compiler-style line (or a
//! GitHub Actions annotation), then a summary line.

use crate::domain::network::Network;
use crate::messages as msg;
use crate::render::findings::{finding_line, github_line};
use std::io::{self, Write};

/// One line per finding: `FILE:LINE:COL: warning: einseitig genannt: …`.
pub fn text(network: &Network, out: &mut dyn Write) -> io::Result<()> {
    for f in &network.findings {
        writeln!(out, "{}", finding_line(&f.file, &f.finding))?;
    }
    writeln!(out, "{}", msg::network_check_summary(&network.summary()))
}

/// One workflow command per finding (`::warning file=…`), then the summary.
pub fn github(network: &Network, out: &mut dyn Write) -> io::Result<()> {
    for f in &network.findings {
        out.write_all(github_line(&f.file, &f.finding, "kin network").as_bytes())?;
    }
    writeln!(out, "{}", msg::network_check_summary(&network.summary()))
}
