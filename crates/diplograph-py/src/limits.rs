//! The `limits=` keyword of the loaders: the core's [`Limits`] as a dict of names to numbers.

use diplograph::format::Limits;
use diplograph::ProblemCode;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyMapping};

/// Every field of [`Limits`], by the name Python passes, in the core's order.
pub(crate) const NAMES: [&str; 7] = [
    "max_file_size",
    "max_depth",
    "max_string_len",
    "max_source_text_len",
    "max_id_len",
    "max_aliases",
    "max_citations",
];

/// `(name, default)` for every limit, as `diplograph.DEFAULT_LIMITS` lists them.
pub(crate) fn defaults() -> Vec<(&'static str, u64)> {
    let d = Limits::default();
    NAMES
        .iter()
        .filter_map(|&n| Some((n, get(&d, n)?)))
        .collect()
}

/// The limit a `limit-…` problem code reports on, by its Python name.
pub(crate) fn name_of(code: ProblemCode) -> Option<&'static str> {
    Some(match code {
        ProblemCode::LimitFileSize => "max_file_size",
        ProblemCode::LimitDepth => "max_depth",
        ProblemCode::LimitStringLength => "max_string_len",
        ProblemCode::LimitSourceTextLength => "max_source_text_len",
        ProblemCode::LimitIdLength => "max_id_len",
        ProblemCode::LimitAliases => "max_aliases",
        ProblemCode::LimitCitations => "max_citations",
        _ => return None,
    })
}

/// The message of a `limit-…` problem as Python users read it: the core's account of what is
/// over which limit, with the way to raise it in Python (the `limits=` keyword) in place of the
/// Rust one the core names.
pub(crate) fn python_message(message: &str, limit: &str) -> String {
    // The core ends its message with how to raise the limit from Rust: "(`Limits::…`; …)".
    let what = message
        .find(" (`Limits::")
        .map_or(message, |at| message.get(..at).unwrap_or(message));
    format!(
        "{what} (to accept it, pass a larger limit: load(..., limits={{'{limit}': N}}) or \
         loads(..., limits={{'{limit}': N}}))"
    )
}

/// The `limits=` argument: `None` (the defaults) or a dict (any mapping) of limit names to
/// whole numbers, each replacing its default.
pub(crate) struct LimitsArg(pub(crate) Limits);

impl<'a, 'py> FromPyObject<'a, 'py> for LimitsArg {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let mut limits = Limits::default();
        if ob.is_none() {
            return Ok(LimitsArg(limits));
        }
        let mapping = ob.cast::<PyMapping>().map_err(|_| {
            PyTypeError::new_err(format!(
                "limits must be a dict of limit names to numbers (such as {{'max_depth': 128}}), \
                 not {}",
                type_name(&ob)
            ))
        })?;
        for item in mapping.items()?.iter() {
            let (key, value): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item.extract()?;
            let name: String = key.extract().map_err(|_| {
                PyTypeError::new_err(format!(
                    "limit names are strings, not {}",
                    type_name(&key.as_borrowed())
                ))
            })?;
            let value = whole_number(&name, &value)?;
            set(&mut limits, &name, value)?;
        }
        Ok(LimitsArg(limits))
    }
}

fn type_name(ob: &Borrowed<'_, '_, PyAny>) -> String {
    ob.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// A limit's value: an `int` (not a `bool`) from 0 up.
fn whole_number(name: &str, value: &Bound<'_, PyAny>) -> PyResult<u64> {
    if value.is_instance_of::<PyBool>() || !value.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "limit `{name}` must be an int, not {}",
            type_name(&value.as_borrowed())
        )));
    }
    value.extract::<u64>().map_err(|_| {
        PyValueError::new_err(format!(
            "limit `{name}` must be a whole number from 0 to {}, not {value}",
            u64::MAX
        ))
    })
}

fn get(limits: &Limits, name: &str) -> Option<u64> {
    let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
    Some(match name {
        "max_file_size" => limits.max_file_size,
        "max_depth" => count(limits.max_depth),
        "max_string_len" => count(limits.max_string_len),
        "max_source_text_len" => count(limits.max_source_text_len),
        "max_id_len" => count(limits.max_id_len),
        "max_aliases" => count(limits.max_aliases),
        "max_citations" => count(limits.max_citations),
        _ => return None,
    })
}

fn set(limits: &mut Limits, name: &str, value: u64) -> PyResult<()> {
    // The counts are `usize` in the core: a number past them is as good as no limit.
    let count = usize::try_from(value).unwrap_or(usize::MAX);
    match name {
        "max_file_size" => limits.max_file_size = value,
        "max_depth" => limits.max_depth = count,
        "max_string_len" => limits.max_string_len = count,
        "max_source_text_len" => limits.max_source_text_len = count,
        "max_id_len" => limits.max_id_len = count,
        "max_aliases" => limits.max_aliases = count,
        "max_citations" => limits.max_citations = count,
        _ => {
            return Err(PyValueError::new_err(format!(
                "unknown limit `{name}`; expected one of: {}",
                NAMES.join(", ")
            )))
        }
    }
    Ok(())
}
