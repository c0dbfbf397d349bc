//! The columnar form: a graph as a directory of Apache Parquet tables, for engines that read
//! tables (DuckDB, Spark, pandas, Polars) and for loading large graphs fast.
//!
//! [`write_dir`] writes one file per table (`graph`, `nodes`, `edges`, `lifecycle`, `terms`,
//! `citations`, `source_texts`, and the derived `reporting_chains`); [`load_dir`] reads such a
//! directory back into the same graph: saving it in the native format gives the same bytes as
//! saving the original. The schema is documented in `docs/export.md` (*Parquet*).
//!
//! ```
//! let graph = diplograph::example();
//! let dir = tempfile::tempdir()?;
//! diplograph::columnar::write_dir(&graph, dir.path())?;
//! assert!(diplograph::columnar::is_columnar_dir(dir.path()));
//! let back = diplograph::columnar::load_dir(dir.path())?;
//! assert_eq!(diplograph::format::to_string(&back), diplograph::format::to_string(&graph));
//! # Ok::<(), diplograph::Error>(())
//! ```

use std::path::Path;

mod read;
mod write;

pub use read::load_dir;
pub use write::write_dir;

/// The tables a columnar directory holds, in the order they are written: each is
/// `<name>.parquet` in the directory.
pub const TABLES: &[&str] = &[
    "graph",
    "nodes",
    "edges",
    "lifecycle",
    "terms",
    "citations",
    "source_texts",
    "reporting_chains",
];

/// The table whose presence makes a directory a columnar graph.
const MARKER: &str = "nodes.parquet";

/// Whether `path` is a directory holding a graph's tables (it has `nodes.parquet`): what the
/// CLI and Python check to load a directory where they load a file.
pub fn is_columnar_dir(path: &Path) -> bool {
    path.is_dir() && path.join(MARKER).is_file()
}

/// The file of one table in a directory.
fn table_path(dir: &Path, table: &str) -> std::path::PathBuf {
    dir.join(format!("{table}.parquet"))
}

#[cfg(test)]
mod tests;
