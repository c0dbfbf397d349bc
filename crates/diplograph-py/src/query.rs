//! Query answers as Python objects.
//!
//! The core's answers are plain data that implement `serde::Serialize`; they cross into Python
//! through [`crate::answers`], which keeps their types: small read-only records named by the
//! core's type with attribute access (`chain.hops[0].link.agreement.id`), dates as
//! `PartialDate`, citations as `Citation`; `diplograph._results.wrap` makes the list a
//! `Results` with a notebook table (`_repr_html_`). Nothing is computed on the way: the fields
//! are the core's.

use diplograph::graph::NodeIndex;
use diplograph::model::NodeKind;
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
    let data = crate::answers::to_python(py, answer)?;
    py.import("diplograph._results")?
        .getattr("wrap")?
        .call1((kind, data))
}

/// Resolves a name (id, name or alias) to a node index, raising `NodeNotFound` or
/// `AmbiguousName`.
pub(crate) fn resolve(py: Python<'_>, g: &Graph, name: NameArg) -> PyResult<NodeIndex> {
    resolve_as(py, g, name, &[])
}

/// Resolves a name among nodes of `kinds` only (a capital names its country where the
/// argument takes a party), raising `NodeNotFound` (with suggestions of those kinds first) or
/// `AmbiguousName`.
pub(crate) fn resolve_as(
    py: Python<'_>,
    g: &Graph,
    name: NameArg,
    kinds: &[NodeKind],
) -> PyResult<NodeIndex> {
    let NameArg(name) = name;
    py.detach(move || g.resolve_as(&name, kinds)).py()
}

/// Resolves a name of any kind, the suggestions of `kinds` first on a miss, for an argument
/// that says itself when it gets another kind ([`Graph::resolve_preferring`]).
pub(crate) fn resolve_preferring(
    py: Python<'_>,
    g: &Graph,
    name: NameArg,
    kinds: &[NodeKind],
) -> PyResult<NodeIndex> {
    let NameArg(name) = name;
    py.detach(move || g.resolve_preferring(&name, kinds)).py()
}

/// The kinds a party takes: countries and organizations.
pub(crate) const PARTIES: &[NodeKind] = &[NodeKind::Country, NodeKind::Organization];

/// Resolves an optional name.
pub(crate) fn resolve_opt(
    py: Python<'_>,
    g: &Graph,
    name: Option<NameArg>,
) -> PyResult<Option<NodeIndex>> {
    name.map(|n| resolve(py, g, n)).transpose()
}
