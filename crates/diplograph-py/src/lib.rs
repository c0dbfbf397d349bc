//! Python bindings for diplograph: the native module `diplograph._native`, wrapped by the
//! pure-Python package in `python/diplograph` (exceptions, notebook display, networkx and
//! pandas conversion).
//!
//! The bindings stay thin: conversions, error mapping (one place: [`errors::to_py_err`]) and
//! Python protocols; every rule and query is the core's. The GIL is released while the core
//! loads, validates, merges or searches; a `Graph` guards its core graph with a lock of its
//! own ([`shared`]) so that threads may share it.

mod answers;
mod columns;
mod date;
mod draft;
mod errors;
mod graph;
mod limits;
mod objects;
mod query;
mod records;
mod shared;

use diplograph::export::ExportFormat;
use diplograph::model::{
    AgreementKind, EdgeKind, EventKind, LifecycleState, NodeKind, OrganizationKind, PlaceKind,
    Status,
};
use pyo3::prelude::*;

/// The names of a closed vocabulary, in the core's order, as a tuple for Python.
fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|&v| name(v)).collect()
}

/// The native half of the `diplograph` package.
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("NODE_KINDS", names(NodeKind::ALL, |k| k.as_str()))?;
    m.add("EDGE_KINDS", names(EdgeKind::ALL, |k| k.as_str()))?;
    m.add(
        "ORGANIZATION_KINDS",
        names(OrganizationKind::ALL, |k| k.as_str()),
    )?;
    m.add("AGREEMENT_KINDS", names(AgreementKind::ALL, |k| k.as_str()))?;
    m.add("EVENT_KINDS", names(EventKind::ALL, |k| k.as_str()))?;
    m.add("PLACE_KINDS", names(PlaceKind::ALL, |k| k.as_str()))?;
    m.add(
        "LIFECYCLE_STATES",
        names(LifecycleState::ALL, |k| k.as_str()),
    )?;
    m.add("STATUSES", names(Status::ALL, |k| k.as_str()))?;
    m.add("EXPORT_FORMATS", names(ExportFormat::ALL, |k| k.as_str()))?;
    m.add("_NODE_FIELDS", records::node_field_table())?;
    m.add("_EDGE_FIELDS", records::edge_field_table())?;
    m.add("_DEFAULT_LIMITS", limits::defaults())?;
    m.add_class::<graph::PyGraph>()?;
    m.add_class::<objects::PyNode>()?;
    m.add_class::<objects::PyEdge>()?;
    m.add_class::<objects::PyCitation>()?;
    m.add_class::<objects::PyLifecycleStep>()?;
    m.add_class::<date::PyPartialDate>()?;
    m.add_class::<graph::AsOfView>()?;
    m.add_function(wrap_pyfunction!(graph::example, m)?)?;
    m.add_function(wrap_pyfunction!(graph::load, m)?)?;
    m.add_function(wrap_pyfunction!(graph::loads, m)?)?;
    m.add_function(wrap_pyfunction!(graph::merge, m)?)?;
    m.add_function(wrap_pyfunction!(draft::draft, m)?)?;
    m.add_function(wrap_pyfunction!(draft::draft_many, m)?)?;
    Ok(())
}
