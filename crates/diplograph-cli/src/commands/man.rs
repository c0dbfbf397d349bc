//! `diplograph man`: the manual page, in roff.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::failure::Failure;

/// Runs `diplograph man`.
pub(super) fn man(out: &mut dyn Write) -> Result<(), Failure> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    Ok(out.write_all(&page)?)
}
