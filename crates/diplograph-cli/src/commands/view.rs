//! `diplograph view`, `path --view` and `timeline --svg`: the pictures the core draws,
//! written to a file.

use std::path::Path;

use diplograph::view::{self, ViewOptions};
use diplograph::{Graph, WriteOptions};

use crate::failure::Failure;
use crate::note;

/// Writes `text` to `path` atomically (`-`: standard output) and says so unless quiet.
pub(super) fn write_picture(
    text: &str,
    path: &Path,
    what: &str,
    force: bool,
    quiet: bool,
    out: &mut dyn std::io::Write,
) -> Result<(), Failure> {
    if path.as_os_str() == "-" {
        out.write_all(text.as_bytes())?;
        return Ok(());
    }
    diplograph::write_atomically_with(path, &WriteOptions { force }, |w| {
        w.write_all(text.as_bytes())?;
        Ok(())
    })?;
    if !quiet {
        note(&format!(
            "wrote {what} to {} ({} kB)",
            path.display(),
            text.len().div_ceil(1024)
        ));
    }
    Ok(())
}

/// Runs `diplograph view`.
pub(super) fn view(
    g: &Graph,
    options: &ViewOptions,
    output: &Path,
    force: bool,
    quiet: bool,
    out: &mut dyn std::io::Write,
) -> Result<(), Failure> {
    let page = view::html(g, options);
    write_picture(&page, output, "the view", force, quiet, out)
}
