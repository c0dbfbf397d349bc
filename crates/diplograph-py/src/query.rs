//! Query answers as Python objects.
//!
//! The core's answers are plain data that implement `serde::Serialize`; they cross into Python
//! with `pythonize` (dicts, lists, strings) and are then wrapped by `diplograph._results` into
//! small read-only records with attribute access (`chain.hops[0].link.agreement.id`), dates as
//! `PartialDate`, citations as `Citation`, and a notebook table (`_repr_html_`). Nothing is
//! computed on the way: the fields are the core's.

use diplograph::graph::NodeIndex;
use diplograph::Graph;
use pyo3::prelude::*;

use crate::errors::IntoPyResult;
use crate::objects::NameArg;

/// Wraps a serializable answer as `diplograph._results.<kind>` records.
pub(crate) fn wrap<'py>(
    py: Python<'py>,
    kind: &str,
    answer: &impl serde::Serialize,
) -> PyResult<Bound<'py, PyAny>> {
    let data = pythonize::pythonize(py, answer)?;
    py.import("diplograph._results")?
        .getattr("wrap")?
        .call1((kind, data))
}

/// Resolves a name (id, name or alias) to a node index, raising `NodeNotFound` or
/// `AmbiguousName`.
pub(crate) fn resolve(py: Python<'_>, g: &Graph, name: NameArg) -> PyResult<NodeIndex> {
    let NameArg(name) = name;
    py.detach(move || g.resolve(&name)).py()
}

/// Resolves an optional name.
pub(crate) fn resolve_opt(
    py: Python<'_>,
    g: &Graph,
    name: Option<NameArg>,
) -> PyResult<Option<NodeIndex>> {
    name.map(|n| resolve(py, g, n)).transpose()
}
