//! Python bindings for diplograph: the `diplograph` module.
#![expect(unsafe_code, reason = "PyO3's generated module glue needs unsafe code")]

use pyo3::prelude::*;

/// The diplograph module.
#[pymodule]
fn diplograph(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
