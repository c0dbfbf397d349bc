//! `diplograph dump`: exports a graph (or a part of it) in one of the export formats.

use std::io::Write;
use std::path::Path;

use diplograph::export::{self, ExportFormat};
use diplograph::Graph;
use diplograph::WriteOptions;

use crate::failure::Failure;
use crate::input::progress;
use crate::{note, warn};

/// The format `dump` writes in: the one asked for, else the one OUT's name says
/// ([`ExportFormat::for_path`]), else JSON on standard output. A name that contradicts the
/// format asked for, or says none when none is asked, is a usage error (checked before any
/// input is read).
pub(super) fn format_for(
    asked: Option<ExportFormat>,
    output: Option<&Path>,
) -> Result<ExportFormat, Failure> {
    match output.filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            ExportFormat::for_path(path, asked).map_err(|e| Failure::Usage(e.to_string()))
        }
        None => Ok(asked.unwrap_or(ExportFormat::Json)),
    }
}

/// Runs `diplograph dump`.
pub(super) fn dump(
    g: &Graph,
    format: ExportFormat,
    output: Option<&Path>,
    options: WriteOptions,
    quiet: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let target = output.filter(|p| p.as_os_str() != "-");
    // Said before writing: the reader may be about to wait on a layout that never ends.
    if let Some(warning) = export::layout_warning(g, format) {
        warn(&format!(
            "{warning} (--around NODE --depth N, --kinds KIND, --as-of DATE)"
        ));
    }
    match target {
        None if format == ExportFormat::Csv => Err(Failure::Usage(
            "the csv format writes two tables (nodes.csv and edges.csv): give a directory \
             with -o DIR"
                .to_owned(),
        )),
        None if format == ExportFormat::Parquet => Err(Failure::Usage(
            "the parquet format writes tables (nodes.parquet, edges.parquet …): give a \
             directory with -o DIR"
                .to_owned(),
        )),
        None => Ok(export::export(g, format, out)?),
        Some(path) => {
            let bar = progress(None, format!("writing {}", path.display()));
            let written = export::export_to_path_with(g, format, path, &options);
            bar.finish_and_clear();
            written?;
            if !quiet {
                let what = if format == ExportFormat::Csv {
                    format!(
                        "{} and {} in {}",
                        export::CSV_NODES_FILE,
                        export::CSV_EDGES_FILE,
                        path.display()
                    )
                } else if format == ExportFormat::Parquet {
                    format!("tables in {}", path.display())
                } else {
                    path.display().to_string()
                };
                note(&format!(
                    "wrote {} nodes and {} edges as {format} to {what}",
                    g.node_count(),
                    g.edge_count()
                ));
            }
            Ok(())
        }
    }
}
