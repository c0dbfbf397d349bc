//! `diplograph completions`: the shell completion script.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::failure::Failure;

/// Runs `diplograph completions`.
pub(super) fn completions(shell: Shell, out: &mut dyn Write) -> Result<(), Failure> {
    // Generated in memory: clap_complete panics when its writer fails (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "diplograph", &mut script);
    Ok(out.write_all(&script)?)
}
