//! The `diplograph` command: validate, inspect, query and export diplograph graphs.
//!
//! A thin layer over the `diplograph` crate: it parses the command line ([`cli`]), reads the
//! inputs ([`input`]), asks the core, prints the answer ([`render`]), and maps failures to
//! exit statuses in one place ([`failure`]).

mod cli;
mod commands;
mod failure;
mod input;
mod render;
mod vocab;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// Writes a note on standard error, neutralised for the terminal ([`render::clean`]); a failure
/// to write it cannot be reported, and is ignored.
pub(crate) fn note(message: &str) {
    let _ = writeln!(anstream::stderr(), "note: {}", render::clean(message));
}

/// Writes a warning on standard error, neutralised for the terminal ([`render::clean`]), even
/// with `--quiet` (which silences notes only).
pub(crate) fn warn(message: &str) {
    let _ = writeln!(anstream::stderr(), "warning: {}", render::clean(message));
}

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to standard output; a closed pipe there is not an error.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    cli.color.apply();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = commands::run(cli, &mut out).and_then(|()| Ok(out.flush()?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            // Print what was answered before the failure (a partial table is still useful),
            // then the failure.
            let _ = out.flush();
            failure::report(f)
        }
    }
}
