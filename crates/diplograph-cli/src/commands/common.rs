//! What several commands share: reading files one by one and telling their problems apart
//! from failures that stop the command.

use std::path::PathBuf;

use diplograph::{Graph, Problem};

use crate::failure::{Failure, Text};

/// One file's result: its graph, or its problems with the text they point into.
pub(super) type Checked = Result<Graph, (Vec<Problem>, Vec<Text>)>;

/// Separates a file's problems (to report) from failures that stop the command (I/O).
pub(super) fn split(r: Result<Graph, Failure>) -> Result<Checked, Failure> {
    match r {
        Ok(g) => Ok(Ok(g)),
        Err(Failure::Invalid { problems, texts }) => Ok(Err((problems, texts))),
        Err(other) => Err(other),
    }
}

/// Refuses standard input (`-`) given more than once: it can be read only once.
pub(super) fn single_stdin(files: &[PathBuf]) -> Result<(), Failure> {
    if files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(Failure::Usage(
            "standard input (`-`) can be given only once".to_owned(),
        ));
    }
    Ok(())
}
