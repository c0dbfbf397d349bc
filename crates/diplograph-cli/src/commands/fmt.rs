//! `diplograph fmt`: rewrites graph files in canonical form (the deterministic save of
//! [`diplograph::format::write`]), citations given by their words resolved into spans.

use std::io::Write;
use std::path::{Path, PathBuf};

use diplograph::format::Limits;
use diplograph::{write_files_atomically, Fill, WriteOptions};

use crate::failure::Failure;
use crate::input;
use crate::note;

/// Runs `diplograph fmt`. Every file is read and checked first: an invalid one stops the
/// command before anything is written. The files that change are then written as a set (a
/// failure leaves every file as it was). With `check`, nothing is written: the files that would
/// change are listed on `out` and the command fails (exit 1) when there is any.
pub(super) fn fmt(
    files: &[PathBuf],
    check: bool,
    options: WriteOptions,
    quiet: bool,
    limits: &Limits,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    if files.iter().any(|f| f.as_os_str() == "-") {
        return Err(Failure::Usage(
            "fmt rewrites files in place and cannot rewrite standard input; `diplograph dump -` \
             prints its canonical form"
                .to_owned(),
        ));
    }
    let mut changed: Vec<(&Path, Vec<u8>)> = Vec::new();
    for path in files {
        let read = input::read(path, limits)?;
        let original = read.bytes.clone();
        let graph = input::parse(read, limits)?;
        let mut canonical = Vec::with_capacity(original.len());
        diplograph::format::write(&graph, &mut canonical)?;
        if canonical != original && !changed.iter().any(|(p, _)| *p == path.as_path()) {
            changed.push((path.as_path(), canonical));
        }
    }
    if check {
        for (path, _) in &changed {
            writeln!(out, "{}", crate::render::clean(&path.display().to_string()))?;
        }
        return if changed.is_empty() {
            Ok(())
        } else {
            Err(Failure::NoAnswer(format!(
                "{} of {} file(s) not in canonical form; `diplograph fmt` rewrites them",
                changed.len(),
                files.len()
            )))
        };
    }
    // One writer per changed file, each writing its canonical bytes.
    let mut fills: Vec<_> = changed
        .iter()
        .map(|(_, bytes)| {
            move |w: &mut dyn Write| -> diplograph::Result<()> { Ok(w.write_all(bytes)?) }
        })
        .collect();
    let mut set: Vec<(&Path, Fill<'_>)> = changed
        .iter()
        .zip(fills.iter_mut())
        .map(|((path, _), fill)| (*path, fill as Fill<'_>))
        .collect();
    write_files_atomically(&mut set, &options)?;
    if !quiet {
        note(&format!(
            "formatted {} file(s), {} rewritten",
            files.len(),
            changed.len()
        ));
    }
    Ok(())
}
