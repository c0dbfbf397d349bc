//! `diplograph merge`: merges graph files into one and writes it.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::common::{single_stdin, split};
use crate::failure::{render_problems, Failure};
use crate::input::{self, progress};
use crate::note;
use diplograph::format::Limits;
use diplograph::merge::MergeOptions;
use diplograph::{write_atomically_with, WriteOptions};

/// Runs `diplograph merge`.
pub(super) fn merge(
    files: &[PathBuf],
    output: &Path,
    merging: MergeOptions,
    options: WriteOptions,
    quiet: bool,
    limits: &Limits,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    single_stdin(files)?;
    let mut graphs = Vec::new();
    let mut problems = Vec::new();
    let mut texts = Vec::new();
    for f in files {
        let i = input::read(f, limits)?;
        let label = i.label.clone();
        match split(input::parse(i, limits))? {
            Ok(g) => graphs.push((label, g)),
            Err((p, t)) => {
                problems.extend(p);
                texts.extend(t);
            }
        }
    }
    if !problems.is_empty() {
        return Err(Failure::Invalid { problems, texts });
    }
    let merged = input::merge_all(&graphs, merging)?;
    if !merged.conflicts.is_empty() {
        let _ = render_problems(&mut anstream::stderr(), &merged.conflicts, &[], true);
    }
    if !quiet {
        for p in &merged.refinements {
            note(&format!("{}: {}", p.code, p.message));
        }
    }
    let summary = format!(
        "merged {} file(s): {} nodes, {} edges, {} conflict(s), {} refinement(s)",
        graphs.len(),
        merged.graph.node_count(),
        merged.graph.edge_count(),
        merged.conflicts.len(),
        merged.refinements.len()
    );
    if output.as_os_str() == "-" {
        diplograph::format::write(&merged.graph, &mut *out)?;
    } else {
        let bar = progress(None, format!("writing {}", output.display()));
        let saved = write_atomically_with(output, &options, |w| {
            diplograph::format::write(&merged.graph, w)
        });
        bar.finish_and_clear();
        saved?;
    }
    if !quiet {
        note(&format!("{summary}; written to {}", shown(output)));
    }
    Ok(())
}

fn shown(p: &Path) -> String {
    if p.as_os_str() == "-" {
        "standard output".to_owned()
    } else {
        p.display().to_string()
    }
}
