//! Exporters: the graph as DOT, GraphML, GEXF, networkx node-link JSON, CSV tables, a Cypher
//! script, a Mermaid flowchart, or the native JSON format.
//!
//! Every exporter is deterministic (nodes by kind then id, edges by source, kind, target and
//! dates — the order of [`crate::format::write`]), streams what it writes (no document is built
//! in memory; the only extra memory is the sorted order of nodes and edges and, for the typed
//! formats, one entry per distinct attribute name), and escapes everything it writes: a name
//! holding quotes, brackets, `<`, `&`, newlines or a leading `=` neither breaks the file nor
//! injects into it. `docs/export.md` maps every field to every format.
//!
//! ```
//! use diplograph::export::{export, ExportFormat};
//! let g = diplograph::example();
//! let mut dot = Vec::new();
//! export(&g, "dot".parse()?, &mut dot)?;
//! assert!(String::from_utf8_lossy(&dot).starts_with("digraph "));
//! # Ok::<(), diplograph::Error>(())
//! ```

mod buffer;
mod csv;
mod cypher;
mod dot;
mod flat;
mod gexf;
mod graphml;
mod kuzu;
mod layout;
mod mermaid;
mod nodelink;
mod schema;
mod table;
pub(crate) mod xml;

use std::fmt;
use std::io::Write;
use std::path::Path;
use std::str::FromStr;

use crate::error::{Error, Result, UnknownName};
use crate::graph::Graph;

pub use self::csv::{
    export_csv, export_csv_dir, export_csv_dir_with, CSV_EDGES_FILE, CSV_NODES_FILE,
};
pub use self::kuzu::{export_kuzu_dir, KUZU_SCRIPT_FILE};
pub use self::layout::{layout_warning, LayoutWarning, DOT_MAX_NODES, MERMAID_MAX_EDGES};
pub use self::schema::{
    markdown_table, Field, FieldType, ATTRIBUTE_PREFIX, EDGE_FIELDS, NODE_FIELDS,
};
pub use self::table::{tables, Column, Table, Values};

/// A file format the graph can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ExportFormat {
    /// The native diplograph JSON format ([`crate::format::write`]).
    Json,
    /// Graphviz DOT: nodes styled by kind, edges labelled by kind.
    Dot,
    /// GraphML with typed `<key>` declarations for every attribute.
    Graphml,
    /// GEXF 1.3, dynamic, with node and edge time intervals for Gephi's timeline.
    Gexf,
    /// networkx node-link JSON (a directed multigraph with explicit edge keys).
    Nodelink,
    /// Two CSV tables, nodes and edges, with Neo4j import headers.
    Csv,
    /// A Cypher script (schema, then `CREATE` statements) for the embedded database kuzu.
    Cypher,
    /// A Mermaid flowchart for documentation and issues.
    Mermaid,
    /// Apache Parquet tables in a directory ([`crate::columnar`]), which load back losslessly.
    Parquet,
    /// CSV files and a `COPY FROM` script in a directory, to bulk-load kuzu or LadybugDB
    /// ([`export_kuzu_dir`]).
    Kuzu,
}

impl ExportFormat {
    /// Every format, in declaration order.
    pub const ALL: &'static [ExportFormat] = &[
        ExportFormat::Json,
        ExportFormat::Dot,
        ExportFormat::Graphml,
        ExportFormat::Gexf,
        ExportFormat::Nodelink,
        ExportFormat::Csv,
        ExportFormat::Cypher,
        ExportFormat::Mermaid,
        ExportFormat::Parquet,
        ExportFormat::Kuzu,
    ];

    /// The lowercase name used on the command line and in Python (`"graphml"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Dot => "dot",
            ExportFormat::Graphml => "graphml",
            ExportFormat::Gexf => "gexf",
            ExportFormat::Nodelink => "nodelink",
            ExportFormat::Csv => "csv",
            ExportFormat::Cypher => "cypher",
            ExportFormat::Mermaid => "mermaid",
            ExportFormat::Parquet => "parquet",
            ExportFormat::Kuzu => "kuzu",
        }
    }

    /// The other names this format is known by on the command line and in Python
    /// (`mmd` for `mermaid`, `gv` for `dot`, `node-link` for `nodelink`), beside case and
    /// separator variants, which [`str::parse`] also accepts.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            ExportFormat::Dot => &["gv"],
            ExportFormat::Nodelink => &["node-link", "node_link"],
            ExportFormat::Mermaid => &["mmd"],
            ExportFormat::Kuzu => &["ladybug"],
            _ => &[],
        }
    }

    /// The usual file extension, without the dot (`"graphml"`, `"mmd"`). For CSV, Parquet and
    /// kuzu, the extension of each table.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json | ExportFormat::Nodelink => "json",
            ExportFormat::Dot => "dot",
            ExportFormat::Graphml => "graphml",
            ExportFormat::Gexf => "gexf",
            ExportFormat::Csv => "csv",
            ExportFormat::Cypher => "cypher",
            ExportFormat::Mermaid => "mmd",
            ExportFormat::Parquet => "parquet",
            ExportFormat::Kuzu => "csv",
        }
    }

    /// Whether the format is one stream (all but CSV, Parquet and kuzu, which write tables into
    /// a directory).
    pub fn is_single_stream(self) -> bool {
        !matches!(
            self,
            ExportFormat::Csv | ExportFormat::Parquet | ExportFormat::Kuzu
        )
    }
}

/// Why the export format for a file cannot be told from its name and the format asked for
/// (see [`ExportFormat::for_path`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatForPathError {
    /// No format was asked for and the name's extension is not one of an export format.
    #[error(
        "cannot tell the export format from the name `{path}`; name it with one of the \
         extensions {} (.csv, .parquet: a directory of tables), or give the format",
        KNOWN_EXTENSIONS.iter().map(|(e, _)| format!(".{e}")).collect::<Vec<_>>().join(", ")
    )]
    UnknownExtension {
        /// The file's name as given.
        path: String,
    },
    /// The name's extension is that of another format than the one asked for.
    #[error(
        "the name `{path}` says {by_name} but the format asked for is {asked}; rename the \
         file or drop the format to follow the name"
    )]
    Contradiction {
        /// The file's name as given.
        path: String,
        /// The format its extension says.
        by_name: ExportFormat,
        /// The format asked for.
        asked: ExportFormat,
    },
}

/// Every file extension that names an export format (lowercase, no leading dot), longest
/// first so that `nodelink.json` is tried before `json`.
pub const KNOWN_EXTENSIONS: &[(&str, ExportFormat)] = &[
    ("nodelink.json", ExportFormat::Nodelink),
    ("json", ExportFormat::Json),
    ("graphml", ExportFormat::Graphml),
    ("gexf", ExportFormat::Gexf),
    ("dot", ExportFormat::Dot),
    ("gv", ExportFormat::Dot),
    ("csv", ExportFormat::Csv),
    ("cypher", ExportFormat::Cypher),
    ("mmd", ExportFormat::Mermaid),
    ("parquet", ExportFormat::Parquet),
];

impl ExportFormat {
    /// The format a file's name says: its extension (ignoring case) as listed in
    /// [`KNOWN_EXTENSIONS`] (`g.nodelink.json` is node-link JSON, `g.json` the native format),
    /// (`tables.csv` names a directory for the two CSV tables). `None` otherwise.
    ///
    /// ```
    /// use diplograph::export::ExportFormat;
    /// use std::path::Path;
    /// assert_eq!(ExportFormat::from_path(Path::new("g.GraphML")), Some(ExportFormat::Graphml));
    /// assert_eq!(ExportFormat::from_path(Path::new("g.nodelink.json")), Some(ExportFormat::Nodelink));
    /// assert_eq!(ExportFormat::from_path(Path::new("tables.csv")), Some(ExportFormat::Csv));
    /// assert_eq!(ExportFormat::from_path(Path::new("g.txt")), None);
    /// ```
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        KNOWN_EXTENSIONS
            .iter()
            .find(|(ext, _)| {
                name.len() > ext.len() + 1
                    && name.ends_with(ext)
                    && name[..name.len() - ext.len()].ends_with('.')
            })
            .map(|(_, f)| *f)
    }

    /// The format to write `path` in: `asked` when given, else the one its name says
    /// ([`ExportFormat::from_path`]). A name with another format's extension contradicts
    /// `asked` (node-link JSON may be written to a plain `.json` name); a name with no known
    /// extension takes any format asked for.
    ///
    /// ```
    /// use diplograph::export::ExportFormat;
    /// use std::path::Path;
    /// let p = Path::new("g.dot");
    /// assert_eq!(ExportFormat::for_path(p, None), Ok(ExportFormat::Dot));
    /// assert!(ExportFormat::for_path(p, Some(ExportFormat::Gexf)).is_err());
    /// assert_eq!(ExportFormat::for_path(Path::new("g.txt"), Some(ExportFormat::Dot)), Ok(ExportFormat::Dot));
    /// ```
    ///
    /// # Errors
    /// [`FormatForPathError::UnknownExtension`] when nothing is asked and the name says
    /// nothing; [`FormatForPathError::Contradiction`] when the name says another format.
    pub fn for_path(
        path: &Path,
        asked: Option<ExportFormat>,
    ) -> std::result::Result<ExportFormat, FormatForPathError> {
        let by_name = ExportFormat::from_path(path);
        match (asked, by_name) {
            (None, Some(f)) => Ok(f),
            (None, None) => Err(FormatForPathError::UnknownExtension {
                path: path.display().to_string(),
            }),
            (Some(a), None) => Ok(a),
            (Some(a), Some(b))
                if a == b || (a == ExportFormat::Nodelink && b == ExportFormat::Json) =>
            {
                Ok(a)
            }
            (Some(asked), Some(by_name)) => Err(FormatForPathError::Contradiction {
                path: path.display().to_string(),
                by_name,
                asked,
            }),
        }
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ExportFormat {
    type Err = UnknownName;

    /// Parses a format name, ignoring case and surrounding space; `node-link` and `node_link`
    /// are accepted for `nodelink`, `mmd` for `mermaid`, `gv` for `dot`.
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        let plain = |name: &str| name.to_ascii_lowercase().replace(['-', '_', ' '], "");
        let wanted = plain(s.trim());
        ExportFormat::ALL
            .iter()
            .copied()
            .find(|f| {
                std::iter::once(f.as_str())
                    .chain(f.aliases().iter().copied())
                    .any(|name| plain(name) == wanted)
            })
            .ok_or_else(|| UnknownName {
                what: "export format",
                name: s.to_owned(),
                expected: ExportFormat::ALL.iter().map(|f| f.as_str()).collect(),
            })
    }
}

/// Writes `graph` to `out` in `format`, streaming (output is buffered internally and flushed
/// at the end).
///
/// Cost: O((nodes + edges) · log(nodes + edges)) time for the sort, O(nodes + edges) extra
/// memory for the sorted order only.
///
/// # Errors
/// [`Error::Write`] when the writer fails, or when `format` is [`ExportFormat::Csv`] or
/// [`ExportFormat::Parquet`] or [`ExportFormat::Kuzu`], which write tables: use
/// [`export_csv`], [`export_csv_dir`] or [`export_to_path`] for them.
pub fn export(graph: &Graph, format: ExportFormat, out: &mut dyn Write) -> Result<()> {
    if format == ExportFormat::Json {
        return crate::format::write(graph, out);
    }
    let mut buffered = std::io::BufWriter::new(out);
    let w: &mut dyn Write = &mut buffered;
    match format {
        ExportFormat::Json => {}
        ExportFormat::Dot => dot::write(graph, w)?,
        ExportFormat::Graphml => graphml::write(graph, w)?,
        ExportFormat::Gexf => gexf::write(graph, w)?,
        ExportFormat::Nodelink => nodelink::write(graph, w)?,
        ExportFormat::Cypher => cypher::write(graph, w)?,
        ExportFormat::Mermaid => mermaid::write(graph, w)?,
        ExportFormat::Csv => {
            return Err(Error::Write(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the csv export writes two tables (nodes and edges): write it to a directory",
            )))
        }
        ExportFormat::Parquet | ExportFormat::Kuzu => {
            return Err(Error::Write(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("the {format} export writes several files: write it to a directory"),
            )))
        }
    }
    buffered.flush()?;
    Ok(())
}

/// The graph exported to a string (for the single-stream formats; see [`export`]).
///
/// # Errors
/// As [`export`].
pub fn export_to_string(graph: &Graph, format: ExportFormat) -> Result<String> {
    let mut buf = Vec::new();
    export(graph, format, &mut buf)?;
    String::from_utf8(buf).map_err(|e| Error::Write(std::io::Error::other(e)))
}

/// Writes `graph` to a file at `path` atomically (a failure leaves an existing file as it was).
/// For [`ExportFormat::Csv`], `path` is a directory (created if missing) that receives
/// [`CSV_NODES_FILE`] and [`CSV_EDGES_FILE`] (see [`export_csv_dir`]); for
/// [`ExportFormat::Parquet`], a directory that receives the tables of
/// [`crate::columnar::write_dir`]; for [`ExportFormat::Kuzu`], a directory that receives the
/// files of [`export_kuzu_dir`].
///
/// # Errors
/// [`Error::Io`] when the file or directory cannot be written.
pub fn export_to_path(graph: &Graph, format: ExportFormat, path: &Path) -> Result<()> {
    export_to_path_with(graph, format, path, &crate::output::WriteOptions::default())
}

/// [`export_to_path`] with the given [`crate::output::WriteOptions`] (`force` replaces a
/// read-only file).
///
/// # Errors
/// As [`export_to_path`].
pub fn export_to_path_with(
    graph: &Graph,
    format: ExportFormat,
    path: &Path,
    options: &crate::output::WriteOptions,
) -> Result<()> {
    if format == ExportFormat::Csv {
        return export_csv_dir_with(graph, path, options);
    }
    if format == ExportFormat::Parquet {
        return crate::columnar::write_dir(graph, path);
    }
    if format == ExportFormat::Kuzu {
        return export_kuzu_dir(graph, path, options);
    }
    crate::output::write_atomically_with(path, options, |w| export(graph, format, w))
}

#[cfg(test)]
pub(crate) mod tests;
