//! The core's answers as Python objects, with the types the core gives them.
//!
//! A serde serializer that builds Python values straight from an answer's `Serialize` impl,
//! keeping what a plain JSON-like conversion loses: each struct becomes a
//! `diplograph._results` record named by its Rust type (`Chain`, `Hop`, `Office` …; `NodeRef`
//! and `Citation` as their own classes), each date (serialized by the core as the newtype
//! `PartialDate`) a `PartialDate`, each map (`nodes_by_kind`, attributes) a plain `dict`. So the
//! Python side needs no table of which field holds a date or a mapping: the types travel with
//! the values.

use diplograph::time::PartialDate;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3::IntoPyObjectExt;
use pythonize::PythonizeError;
use serde::ser::{self, Serialize};

use crate::date::PyPartialDate;

type Result<T> = std::result::Result<T, PythonizeError>;

/// Builds the Python value of an answer.
pub(crate) fn to_python<'py>(
    py: Python<'py>,
    value: &impl Serialize,
) -> PyResult<Bound<'py, PyAny>> {
    let typed = py.import("diplograph._results")?.getattr("typed")?;
    Ok(value.serialize(ToPython { py, typed: &typed })?)
}

/// The serializer: `typed` is `diplograph._results.typed(kind_name, fields)`, which makes the
/// record for a struct.
#[derive(Clone, Copy)]
struct ToPython<'a, 'py> {
    py: Python<'py>,
    typed: &'a Bound<'py, PyAny>,
}

impl<'py> ToPython<'_, 'py> {
    fn value(self, v: impl IntoPyObject<'py>) -> Result<Bound<'py, PyAny>> {
        Ok(v.into_bound_py_any(self.py)?)
    }

    /// `{variant: value}`, serde's external tagging of an enum variant with data.
    fn tagged(self, variant: &'static str, value: Bound<'py, PyAny>) -> Result<Bound<'py, PyAny>> {
        let dict = PyDict::new(self.py);
        dict.set_item(variant, value)?;
        Ok(dict.into_any())
    }
}

impl<'a, 'py> ser::Serializer for ToPython<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = PythonizeError;
    type SerializeSeq = Items<'a, 'py>;
    type SerializeTuple = Items<'a, 'py>;
    type SerializeTupleStruct = Items<'a, 'py>;
    type SerializeTupleVariant = Items<'a, 'py>;
    type SerializeMap = Mapping<'a, 'py>;
    type SerializeStruct = Fields<'a, 'py>;
    type SerializeStructVariant = Fields<'a, 'py>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok> {
        self.value(v)
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok> {
        self.value(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok> {
        self.value(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok> {
        self.value(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok> {
        self.value(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok> {
        self.value(v)
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok> {
        self.value(v)
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok> {
        self.value(v)
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok> {
        self.value(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok> {
        self.value(v)
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok> {
        self.value(v)
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok> {
        self.value(v)
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok> {
        self.value(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok> {
        self.value(v)
    }
    fn serialize_none(self) -> Result<Self::Ok> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok> {
        self.value(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let inner = value.serialize(self)?;
        if name == PartialDate::SERDE_NAME {
            let text: String = inner.extract()?;
            let date: PartialDate = text
                .parse()
                .map_err(<PythonizeError as ser::Error>::custom)?;
            return self.value(PyPartialDate(date));
        }
        Ok(inner)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let inner = value.serialize(self)?;
        self.tagged(variant, inner)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq> {
        Ok(Items {
            to: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Ok(Items {
            to: self,
            items: Vec::with_capacity(len),
            variant: Some(variant),
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Ok(Mapping {
            to: self,
            dict: PyDict::new(self.py),
            key: None,
        })
    }
    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Ok(Fields {
            to: self,
            name,
            fields: PyDict::new(self.py),
            variant: None,
        })
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Ok(Fields {
            to: self,
            name,
            fields: PyDict::new(self.py),
            variant: Some(variant),
        })
    }
}

/// A list being built (sequences, tuples, tuple structs and tuple variants).
struct Items<'a, 'py> {
    to: ToPython<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Items<'_, 'py> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.items.push(value.serialize(self.to)?);
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>> {
        let list = PyList::new(self.to.py, self.items)?.into_any();
        match self.variant {
            Some(variant) => self.to.tagged(variant, list),
            None => Ok(list),
        }
    }
}

/// serde's four list-like traits, each pushing onto an [`Items`].
macro_rules! items_impl {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<'py> ser::$trait for Items<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = PythonizeError;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
                self.push(value)
            }
            fn end(self) -> Result<Self::Ok> {
                self.finish()
            }
        }
    )*};
}

items_impl!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// A `dict` being built from a map.
struct Mapping<'a, 'py> {
    to: ToPython<'a, 'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeMap for Mapping<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = PythonizeError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<()> {
        self.key = Some(key.serialize(self.to)?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <PythonizeError as ser::Error>::custom("a map value before its key"))?;
        self.dict.set_item(key, value.serialize(self.to)?)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}

/// A record being built from a struct (or a struct variant, tagged by its variant).
struct Fields<'a, 'py> {
    to: ToPython<'a, 'py>,
    name: &'static str,
    fields: Bound<'py, PyDict>,
    variant: Option<&'static str>,
}

impl<'py> Fields<'_, 'py> {
    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<()> {
        self.fields.set_item(key, value.serialize(self.to)?)?;
        Ok(())
    }

    fn finish(self) -> Result<Bound<'py, PyAny>> {
        let record = self.to.typed.call1((self.name, self.fields))?;
        match self.variant {
            Some(variant) => self.to.tagged(variant, record),
            None => Ok(record),
        }
    }
}

/// serde's two struct-like traits, each adding a field to a [`Fields`].
macro_rules! fields_impl {
    ($($trait:ident),*) => {$(
        impl<'py> ser::$trait for Fields<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = PythonizeError;
            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<()> {
                self.field(key, value)
            }
            fn end(self) -> Result<Self::Ok> {
                self.finish()
            }
        }
    )*};
}

fields_impl!(SerializeStruct, SerializeStructVariant);
