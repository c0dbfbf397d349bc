//! The one place where core errors become Python exceptions.
//!
//! The exception classes live in `diplograph/_errors.py` (so that they carry attributes such as
//! `.problems` and `.candidates`, pickle like any Python exception and are documented where
//! Python users read); this module only builds instances of them.

use diplograph::error::{Candidate, Problem, Problems};
use diplograph::Error;
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::limits;

/// The Python module that defines the exception classes.
const ERRORS_MODULE: &str = "diplograph._errors";

/// Turns a core error into the matching `diplograph` exception:
///
/// | core | Python |
/// |---|---|
/// | `Invalid` (only `json-syntax` problems) | `ParseError` (a `ValidationError`) |
/// | `Invalid` | `ValidationError` with `.problems` |
/// | `NodeNotFound` | `NodeNotFound` with `.suggestions` (also a `KeyError`) |
/// | `AmbiguousName` | `AmbiguousName` with `.candidates` and `.total` (also a `LookupError`) |
/// | `UnknownName` | `UnknownName` (also a `ValueError`) |
/// | `Date` | `InvalidDate` (also a `ValueError`) |
/// | `Io`, `Write` | `FileError` (also an `OSError`) |
///
/// A `limit-…` problem's message names the `limits=` keyword that raises the limit, where the
/// core names its Rust loaders.
pub(crate) fn to_py_err(e: Error) -> PyErr {
    let e = for_python(e);
    Python::attach(|py| build(py, &e).unwrap_or_else(|failed| failed))
}

/// The error as Python users should read it: each `limit-…` problem says how to raise the
/// limit from Python.
fn for_python(e: Error) -> Error {
    match e {
        Error::Invalid { problems } => Error::Invalid {
            problems: Problems(
                problems
                    .0
                    .into_iter()
                    .map(|mut p| {
                        if let Some(limit) = limits::name_of(p.code) {
                            p.message = limits::python_message(&p.message, limit);
                        }
                        p
                    })
                    .collect(),
            ),
        },
        other => other,
    }
}

/// `ConcurrentModificationError`: this thread asked to `what` ("change") a graph that one of
/// its own Graph methods, further up the stack, is `doing` ("reading") (see `shared.rs`).
pub(crate) fn concurrent_modification(what: &str, doing: &str) -> PyErr {
    let message = format!(
        "cannot {what} this Graph from inside one of its own methods that is {doing} it on \
         the same thread (Python code, such as a `__del__` or a hook, ran meanwhile); do it \
         once that method has returned"
    );
    Python::attach(|py| {
        let class = py
            .import(ERRORS_MODULE)?
            .getattr("ConcurrentModificationError")?;
        Ok::<_, PyErr>(PyErr::from_value(class.call1((message.as_str(),))?))
    })
    .unwrap_or_else(|err| {
        PyRuntimeError::new_err(format!(
            "{message} (and {ERRORS_MODULE} could not be imported: {err})"
        ))
    })
}

/// Builds the exception; an `Err` holds the exception to raise when even that failed (the
/// error classes could not be imported), which then explains itself.
fn build(py: Python<'_>, e: &Error) -> Result<PyErr, PyErr> {
    let module = py.import(ERRORS_MODULE).map_err(|err| {
        PyRuntimeError::new_err(format!(
            "{e} (and {ERRORS_MODULE} could not be imported: {err})"
        ))
    })?;
    let kwargs = PyDict::new(py);
    let class = match e {
        Error::Invalid { problems } => {
            kwargs.set_item("problems", problems_to_py(py, &problems.0)?)?;
            let all_syntax = !problems.0.is_empty()
                && problems
                    .0
                    .iter()
                    .all(|p| p.code == diplograph::ProblemCode::JsonSyntax);
            if all_syntax {
                "ParseError"
            } else {
                "ValidationError"
            }
        }
        Error::NodeNotFound {
            name, suggestions, ..
        } => {
            kwargs.set_item("name", name)?;
            let list = PyList::empty(py);
            for s in suggestions {
                let fields = PyDict::new(py);
                fields.set_item("name", &s.name)?;
                fields.set_item("node", candidate_to_py(py, &module, &s.node)?)?;
                list.append(module.getattr("Suggestion")?.call((), Some(&fields))?)?;
            }
            kwargs.set_item("suggestions", list)?;
            "NodeNotFound"
        }
        Error::AmbiguousName {
            name,
            candidates,
            total,
        } => {
            kwargs.set_item("name", name)?;
            kwargs.set_item("total", total)?;
            let list = PyList::empty(py);
            for c in candidates {
                list.append(candidate_to_py(py, &module, c)?)?;
            }
            kwargs.set_item("candidates", list)?;
            "AmbiguousName"
        }
        Error::UnknownName(u) => {
            kwargs.set_item("what", u.what)?;
            kwargs.set_item("name", &u.name)?;
            kwargs.set_item("expected", u.expected.clone())?;
            "UnknownName"
        }
        Error::Date(d) => {
            kwargs.set_item("text", &d.text)?;
            "InvalidDate"
        }
        Error::Io { path, source, .. } => {
            kwargs.set_item("errno", source.raw_os_error())?;
            kwargs.set_item("filename", path.to_string_lossy())?;
            "FileError"
        }
        Error::Write(source) => {
            kwargs.set_item("errno", source.raw_os_error())?;
            "FileError"
        }
        Error::ReversedWindow { .. } => "InvalidQuery",
        _ => "DiplographError",
    };
    let instance = module
        .getattr(class)?
        .call((e.to_string(),), Some(&kwargs))?;
    Ok(PyErr::from_value(instance))
}

/// A core problem as a `diplograph.Problem`.
/// Problems as a Python list of ``Problem`` (validation, warnings, merge conflicts).
pub(crate) fn problems_to_py<'py>(
    py: Python<'py>,
    problems: &[Problem],
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for p in problems {
        list.append(problem_to_py(py, p)?)?;
    }
    Ok(list)
}

pub(crate) fn problem_to_py<'py>(py: Python<'py>, p: &Problem) -> PyResult<Bound<'py, PyAny>> {
    let module = py.import(ERRORS_MODULE)?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("code", p.code.as_str())?;
    kwargs.set_item("message", &p.message)?;
    kwargs.set_item("id", &p.id)?;
    kwargs.set_item(
        "file",
        p.location
            .file
            .as_ref()
            .map(|f| f.to_string_lossy().into_owned()),
    )?;
    kwargs.set_item("line", p.location.line)?;
    kwargs.set_item("column", p.location.column)?;
    kwargs.set_item("path", &p.location.path)?;
    module.getattr("Problem")?.call((), Some(&kwargs))
}

fn candidate_to_py<'py>(
    py: Python<'py>,
    module: &Bound<'py, PyModule>,
    c: &Candidate,
) -> PyResult<Bound<'py, PyAny>> {
    let kwargs = PyDict::new(py);
    kwargs.set_item("id", &c.id)?;
    kwargs.set_item("kind", c.kind.as_str())?;
    kwargs.set_item("name", &c.name)?;
    module.getattr("Candidate")?.call((), Some(&kwargs))
}

/// Issues `warning`, if any, as a `diplograph.LayoutWarning`, its text saying how to export a
/// part of the graph from Python.
pub(crate) fn warn_layout(
    py: Python<'_>,
    warning: Option<diplograph::export::LayoutWarning>,
) -> PyResult<()> {
    let Some(warning) = warning else {
        return Ok(());
    };
    let message = format!("{warning} (Graph.neighbourhood(node, depth=..., kinds=..., as_of=...))");
    py.import(ERRORS_MODULE)?
        .getattr("warn_layout")?
        .call1((message,))?;
    Ok(())
}

/// Shorthand: a core result as a Python result.
pub(crate) trait IntoPyResult<T> {
    /// Maps the error with [`to_py_err`].
    fn py(self) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for diplograph::Result<T> {
    fn py(self) -> PyResult<T> {
        self.map_err(to_py_err)
    }
}
