//! Dates as sources give them (EDTF): `diplograph.PartialDate`, and the argument type that accepts
//! `datetime.date`, EDTF strings and `PartialDate` wherever a date is expected.

use chrono::{Datelike, NaiveDate};
use diplograph::time::PartialDate;
use pyo3::basic::CompareOp;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use crate::errors::to_py_err;

/// A date as a source gives it, in EDTF level 1: ``2009``, ``2016-01``, ``2016-06-04``,
/// ``2016-06-04?`` (uncertain), ``2007~`` (approximate), ``2007%`` (both), ``201X``,
/// ``2016-XX``, ``2016-23`` (autumn), ``2014-12-28/2014-12-29`` (one day between two),
/// ``../2016-06-30`` (on or before 30 June).
///
/// It keeps the precision its source gives ("in January" is never "1 January"): its text is
/// as written, and ``earliest()`` and ``latest()`` give the first and last day it may mean
/// (``None`` where it has no such bound). It compares with other dates, EDTF strings and
/// ``datetime.date`` (ordered by earliest day, coarser first, then latest day), and converts
/// to ``datetime.date`` when it names one day.
///
/// >>> d = PartialDate("2016-01")
/// >>> d.precision, d.year, d.month, d.day
/// ('month', 2016, 1, None)
/// >>> d.earliest(), d.latest()
/// (datetime.date(2016, 1, 1), datetime.date(2016, 1, 31))
/// >>> d == "2016-01", d < "2016-01-01"
/// (True, True)
/// >>> PartialDate(datetime.date(2016, 6, 4)).to_date()
/// datetime.date(2016, 6, 4)
/// >>> autumn = PartialDate("2016-23")
/// >>> autumn.precision, autumn.season, autumn.earliest(), autumn.latest()
/// ('season', 'autumn', datetime.date(2016, 9, 1), datetime.date(2016, 11, 30))
/// >>> signed = PartialDate("2014-12-28/2014-12-29")
/// >>> signed.text, signed.is_bounded, signed.earliest(), signed.latest()
/// ('2014-12-28/2014-12-29', True, datetime.date(2014, 12, 28), datetime.date(2014, 12, 29))
/// >>> PartialDate("../2016-06-30").earliest() is None
/// True
/// >>> PartialDate("2007~").qualifier
/// 'approximate'
#[pyclass(module = "diplograph", name = "PartialDate", frozen)]
#[derive(Clone, Copy)]
pub(crate) struct PyPartialDate(pub(crate) PartialDate);

/// An argument that may be a `PartialDate`, an EDTF string or a `datetime.date`.
#[derive(Clone, Copy)]
pub(crate) struct DateArg(pub(crate) PartialDate);

impl<'a, 'py> FromPyObject<'a, 'py> for DateArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(d) = obj.cast::<PyPartialDate>() {
            return Ok(DateArg(d.get().0));
        }
        if let Ok(s) = obj.cast::<PyString>() {
            let text = s.to_cow()?;
            return text
                .parse::<PartialDate>()
                .map(DateArg)
                .map_err(|e| to_py_err(e.into()));
        }
        let py = obj.py();
        let date_type = py.import("datetime")?.getattr("date")?;
        if obj.is_instance(&date_type)? {
            let year: i32 = obj.getattr("year")?.extract()?;
            let month: u8 = obj.getattr("month")?.extract()?;
            let day: u8 = obj.getattr("day")?.extract()?;
            return PartialDate::from_ymd(year, month, day)
                .map(DateArg)
                .map_err(|e| to_py_err(e.into()));
        }
        Err(PyTypeError::new_err(format!(
            "expected a date: a datetime.date, a diplograph.PartialDate or an EDTF string \
             (\"2016\", \"2016-01\", \"2016-06-04\", \"2016-06-04?\", \"2016-23\", \
             \"2014-12-28/2014-12-29\"), not {}",
            obj.get_type().name()?
        )))
    }
}

/// An argument that may be one date (as [`DateArg`] takes it) or a list or tuple of dates.
pub(crate) struct DatesArg(pub(crate) Vec<PartialDate>);

impl<'a, 'py> FromPyObject<'a, 'py> for DatesArg {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
            let mut out = Vec::new();
            for item in obj.try_iter()? {
                out.push(item?.extract::<DateArg>()?.0);
            }
            return Ok(DatesArg(out));
        }
        Ok(DatesArg(vec![obj.extract::<DateArg>()?.0]))
    }
}

/// A `datetime.date` for a calendar day.
fn py_date(py: Python<'_>, d: NaiveDate) -> PyResult<Bound<'_, PyAny>> {
    py.import("datetime")?
        .getattr("date")?
        .call1((d.year(), d.month(), d.day()))
}

/// A `datetime.date` for a calendar day, or `None`.
fn py_opt_date(py: Python<'_>, d: Option<NaiveDate>) -> PyResult<Option<Bound<'_, PyAny>>> {
    d.map(|d| py_date(py, d)).transpose()
}

#[pymethods]
impl PyPartialDate {
    #[new]
    fn new(value: DateArg) -> Self {
        PyPartialDate(value.0)
    }

    /// How much of the date is known: ``"century"``, ``"decade"``, ``"year"``,
    /// ``"season"``, ``"month"`` or ``"day"`` (for a bounded date, that of its first known
    /// end).
    #[getter]
    fn precision(&self) -> &'static str {
        self.0.precision().as_str()
    }

    /// The date as written (EDTF), the same as ``str(date)``.
    #[getter]
    fn text(&self) -> String {
        self.0.to_string()
    }

    /// The year as written, or ``None`` for ``201X``-style years and bounded dates.
    #[getter]
    fn year(&self) -> Option<i32> {
        self.0.year()
    }

    /// The month (1–12), or ``None`` for a year, a season, ``XX`` or a bounded date.
    #[getter]
    fn month(&self) -> Option<u8> {
        self.0.month()
    }

    /// The day of the month, or ``None`` when no day is written.
    #[getter]
    fn day(&self) -> Option<u8> {
        self.0.day()
    }

    /// The season written in the month's place (``"spring"``, ``"summer"``, ``"autumn"``,
    /// ``"winter"``), or ``None``.
    #[getter]
    fn season(&self) -> Option<&'static str> {
        self.0.season().map(|s| s.as_str())
    }

    /// ``"uncertain"`` (``?``), ``"approximate"`` (``~``), ``"uncertain_approximate"``
    /// (``%``), or ``None``.
    #[getter]
    fn qualifier(&self) -> Option<&'static str> {
        self.0.qualifier().map(|q| q.as_str())
    }

    /// Whether this is a day known only to lie between two bounds
    /// (``2014-12-28/2014-12-29``, ``../2016-06-30``).
    #[getter]
    fn is_bounded(&self) -> bool {
        self.0.is_bounded()
    }

    /// The first day this date may mean, as a ``datetime.date``; ``None`` when it has none
    /// (``../2016-06-30``).
    fn earliest<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        py_opt_date(py, self.0.earliest())
    }

    /// The last day this date may mean, as a ``datetime.date``; ``None`` when it has none
    /// (``2016-06-30/..``).
    fn latest<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        py_opt_date(py, self.0.latest())
    }

    /// The ``datetime.date`` for a date that means one day.
    ///
    /// Raises ``ValueError`` for a year, a month, a season, a qualified or a bounded date,
    /// which name no single day: use ``earliest()`` or ``latest()`` and say which you mean.
    #[pyo3(name = "to_date")]
    fn as_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.0.earliest() {
            Some(day) if self.0.is_one_day() => py_date(py, day),
            _ => Err(pyo3::exceptions::PyValueError::new_err(format!(
                "`{}` is not one known day; use earliest() or latest()",
                self.0,
            ))),
        }
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("PartialDate('{}')", self.0)
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        // Equal to the hash of its EDTF text, since a date equals its text.
        PyString::new(py, &self.0.to_string()).hash()
    }

    fn __richcmp__(
        &self,
        other: &Bound<'_, PyAny>,
        op: CompareOp,
        py: Python<'_>,
    ) -> PyResult<Py<PyAny>> {
        let Ok(DateArg(other)) = other.extract::<DateArg>() else {
            return Ok(py.NotImplemented());
        };
        let result = match op {
            CompareOp::Lt => self.0 < other,
            CompareOp::Le => self.0 <= other,
            CompareOp::Eq => self.0 == other,
            CompareOp::Ne => self.0 != other,
            CompareOp::Gt => self.0 > other,
            CompareOp::Ge => self.0 >= other,
        };
        Ok(pyo3::types::PyBool::new(py, result)
            .to_owned()
            .into_any()
            .unbind())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let args = PyTuple::new(py, [slf.get().0.to_string()])?;
        PyTuple::new(py, [slf.get_type().into_any(), args.into_any()])
    }
}

/// An optional date as a Python value (`PartialDate` or `None`).
pub(crate) fn opt_date(d: Option<PartialDate>) -> Option<PyPartialDate> {
    d.map(PyPartialDate)
}
