//! Dates in answers: a serde serializer that builds JSON and writes each date field `x` beside
//! `x_earliest` and `x_latest`, its first and last possible day.
//!
//! Answers keep their plain derived `Serialize` (so every serializer sees the same structs);
//! dates serialize as the newtype [`PartialDate::SERDE_NAME`] around their text, which is how
//! this serializer tells a date from any other string.

use serde::ser::{self, Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use super::PartialDate;

/// An answer in its JSON shape (see [`answer_json`]): serialize it (`serde_json::to_writer`,
/// `to_value`, or any other serializer) to get the JSON. Fields keep the answer's order.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerJson(Tree);

/// A JSON value whose objects keep their fields in the order they were written.
#[derive(Debug, Clone, PartialEq)]
enum Tree {
    Leaf(Value),
    List(Vec<Tree>),
    Object(Vec<(String, Tree)>),
}

impl Serialize for Tree {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Tree::Leaf(v) => v.serialize(serializer),
            Tree::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Tree::Object(fields) => {
                let mut map = serializer.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl Serialize for AnswerJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// An answer as JSON, every date field `x` (a date in a struct field or a map entry) followed
/// by `x_earliest` and `x_latest`: its first and last possible day, `YYYY-MM-DD`, or `null`
/// on a side with none. An absent date (`null`) gets no companions; a date in a list stays its
/// text. This is the shape of every JSON answer (CLI `--json`, Python results).
///
/// ```
/// use diplograph::time::{answer_json, Interval, PartialDate};
/// let valid = Interval::new(Some("2016-23".parse()?), None);
/// assert_eq!(
///     serde_json::to_value(answer_json(&valid))?,
///     serde_json::json!({
///         "start": "2016-23", "start_earliest": "2016-09-01", "start_latest": "2016-11-30",
///         "end": null,
///     })
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Cost: O(size of the answer).
pub fn answer_json<T: Serialize + ?Sized>(value: &T) -> AnswerJson {
    AnswerJson(
        value
            .serialize(Json)
            .map_or(Tree::Leaf(Value::Null), |b| b.value),
    )
}

/// A value built, and the date it is, when it is one.
struct Built {
    value: Tree,
    date: Option<PartialDate>,
}

impl Built {
    fn plain(value: Value) -> Self {
        Built {
            value: Tree::Leaf(value),
            date: None,
        }
    }

    fn tree(value: Tree) -> Self {
        Built { value, date: None }
    }
}

/// Adds `key` and, for a date, `key_earliest` and `key_latest` right after it.
fn insert(fields: &mut Vec<(String, Tree)>, key: String, built: Built) {
    let day = |d: Option<chrono::NaiveDate>| {
        Tree::Leaf(d.map_or(Value::Null, |d| Value::from(d.to_string())))
    };
    let date = built.date;
    fields.push((key, built.value));
    if let Some(date) = date {
        let key = fields.last().map(|(k, _)| k.clone()).unwrap_or_default();
        fields.push((format!("{key}_earliest"), day(date.earliest())));
        fields.push((format!("{key}_latest"), day(date.latest())));
    }
}

/// The serializer.
#[derive(Clone, Copy)]
struct Json;

type Error = serde_json::Error;

fn primitive<T: Serialize>(v: T) -> Result<Built, Error> {
    serde_json::to_value(v).map(Built::plain)
}

impl Serializer for Json {
    type Ok = Built;
    type Error = Error;
    type SerializeSeq = Seq;
    type SerializeTuple = Seq;
    type SerializeTupleStruct = Seq;
    type SerializeTupleVariant = Seq;
    type SerializeMap = Object;
    type SerializeStruct = Object;
    type SerializeStructVariant = Object;

    fn serialize_bool(self, v: bool) -> Result<Built, Error> {
        primitive(v)
    }
    fn serialize_i8(self, v: i8) -> Result<Built, Error> {
        primitive(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Built, Error> {
        primitive(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Built, Error> {
        primitive(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Built, Error> {
        primitive(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Built, Error> {
        primitive(v)
    }
    fn serialize_u16(self, v: u16) -> Result<Built, Error> {
        primitive(v)
    }
    fn serialize_u32(self, v: u32) -> Result<Built, Error> {
        primitive(v)
    }
    fn serialize_u64(self, v: u64) -> Result<Built, Error> {
        primitive(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Built, Error> {
        primitive(v)
    }
    fn serialize_f64(self, v: f64) -> Result<Built, Error> {
        primitive(v)
    }
    fn serialize_char(self, v: char) -> Result<Built, Error> {
        primitive(v)
    }
    fn serialize_str(self, v: &str) -> Result<Built, Error> {
        Ok(Built::plain(Value::from(v)))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Built, Error> {
        primitive(v)
    }
    fn serialize_none(self) -> Result<Built, Error> {
        Ok(Built::plain(Value::Null))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Built, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Built, Error> {
        Ok(Built::plain(Value::Null))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Built, Error> {
        Ok(Built::plain(Value::Null))
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Built, Error> {
        Ok(Built::plain(Value::from(variant)))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<Built, Error> {
        let mut built = value.serialize(self)?;
        if name == PartialDate::SERDE_NAME {
            if let Tree::Leaf(Value::String(text)) = &built.value {
                built.date = text.parse().ok();
            }
        }
        Ok(built)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Built, Error> {
        let mut fields = Vec::with_capacity(3);
        insert(&mut fields, variant.to_owned(), value.serialize(self)?);
        Ok(Built::tree(Tree::Object(fields)))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq, Error> {
        Ok(Seq {
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq, Error> {
        Ok(Seq {
            items: Vec::with_capacity(len),
            variant: Some(variant),
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Object, Error> {
        Ok(Object {
            fields: Vec::new(),
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Object, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Object, Error> {
        Ok(Object {
            fields: Vec::new(),
            key: None,
            variant: Some(variant),
        })
    }
}

/// A list being built (its dates stay their text: a list has no key to put days beside).
struct Seq {
    items: Vec<Tree>,
    variant: Option<&'static str>,
}

impl Seq {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.items.push(value.serialize(Json)?.value);
        Ok(())
    }

    fn finish(self) -> Built {
        let list = Tree::List(self.items);
        Built::tree(match self.variant {
            Some(v) => Tree::Object(vec![(v.to_owned(), list)]),
            None => list,
        })
    }
}

macro_rules! seq_impl {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Seq {
            type Ok = Built;
            type Error = Error;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
                self.push(value)
            }
            fn end(self) -> Result<Built, Error> {
                Ok(self.finish())
            }
        }
    )*};
}

seq_impl!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// An object being built from a struct or a map: a date field gets its two days beside it.
struct Object {
    fields: Vec<(String, Tree)>,
    key: Option<String>,
    variant: Option<&'static str>,
}

impl Object {
    fn field<T: ?Sized + Serialize>(&mut self, key: String, value: &T) -> Result<(), Error> {
        insert(&mut self.fields, key, value.serialize(Json)?);
        Ok(())
    }

    fn finish(self) -> Built {
        let object = Tree::Object(self.fields);
        Built::tree(match self.variant {
            Some(v) => Tree::Object(vec![(v.to_owned(), object)]),
            None => object,
        })
    }
}

impl SerializeMap for Object {
    type Ok = Built;
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(match key.serialize(Json)?.value {
            Tree::Leaf(Value::String(s)) => s,
            Tree::Leaf(other) => other.to_string(),
            _ => return Err(ser::Error::custom("a map key must be a string or a number")),
        });
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let key = self.key.take().unwrap_or_default();
        self.field(key, value)
    }
    fn end(self) -> Result<Built, Error> {
        Ok(self.finish())
    }
}

macro_rules! struct_impl {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Object {
            type Ok = Built;
            type Error = Error;
            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(key.to_owned(), value)
            }
            fn end(self) -> Result<Built, Error> {
                Ok(self.finish())
            }
        }
    )*};
}

struct_impl!(SerializeStruct, SerializeStructVariant);
