//! Answers as JSON, with every date beside its earliest and latest day.
//!
//! An answer serializes with serde as plain data, each date as its EDTF text. For readers
//! that sort and filter without parsing EDTF (pandas, jq, a spreadsheet), [`to_json`] writes
//! each date field `x` of a record as three members: `x` (the text as the sources give it),
//! `x_earliest` and `x_latest` (the first and last day it may mean, `YYYY-MM-DD`, or `null`
//! for an open bound). Dates inside lists (`attested: ["2016-06-04", "2021"]`) stay text. A
//! date field with no date is `null` alone. `diplograph … --json` prints this.
//!
//! ```
//! use diplograph::query::to_json;
//! let g = diplograph::example();
//! let line = g.resolve("kor-jpn-ministers-direct-line")?;
//! let state = g.agreement_state(line, Some(&"2016".parse()?))?;
//! let json = to_json(&state)?;
//! assert_eq!(json["state"], "agreed");
//! assert_eq!(json["since"], "2016-06-04");
//! assert_eq!(json["since_earliest"], "2016-06-04");
//! assert_eq!(json["since_latest"], "2016-06-04");
//! // Plain serde writes the text alone:
//! assert!(serde_json::to_value(&state)?.get("since_earliest").is_none());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::ser::{self, Serialize};
use serde_json::{Map, Value};

use crate::time::PartialDate;

/// An answer (or any serializable value) as JSON, each date field beside its earliest and
/// latest day (see the module docs).
///
/// # Errors
/// A value serde cannot write as JSON (a map whose keys are not strings or numbers).
pub fn to_json<T: ?Sized + Serialize>(answer: &T) -> Result<Value> {
    answer.serialize(Json).map(Out::into_value)
}

/// What one value became: JSON, or a date still to be spread over its record's members.
enum Out {
    Value(Value),
    Date(String),
}

impl Out {
    fn into_value(self) -> Value {
        match self {
            Out::Value(v) => v,
            Out::Date(text) => Value::String(text),
        }
    }

    /// Puts the value into a record under `key`: a date as `key`, `key_earliest`, `key_latest`.
    fn insert_into(self, record: &mut Map<String, Value>, key: &str) {
        match self {
            Out::Value(v) => {
                record.insert(key.to_owned(), v);
            }
            Out::Date(text) => {
                let date = text.parse::<PartialDate>().ok();
                let day = |d: Option<chrono::NaiveDate>| {
                    d.map_or(Value::Null, |d| Value::String(d.to_string()))
                };
                let (earliest, latest) = (
                    day(date.and_then(|d| d.earliest())),
                    day(date.and_then(|d| d.latest())),
                );
                record.insert(key.to_owned(), Value::String(text));
                record.insert(format!("{key}_earliest"), earliest);
                record.insert(format!("{key}_latest"), latest);
            }
        }
    }
}

type Result<T> = std::result::Result<T, serde_json::Error>;

/// The serializer behind [`to_json`].
#[derive(Clone, Copy)]
struct Json;

fn value(v: impl Into<Value>) -> Result<Out> {
    Ok(Out::Value(v.into()))
}

fn tagged(variant: &'static str, inner: Value) -> Out {
    let mut m = Map::new();
    m.insert(variant.to_owned(), inner);
    Out::Value(Value::Object(m))
}

impl ser::Serializer for Json {
    type Ok = Out;
    type Error = serde_json::Error;
    type SerializeSeq = Items;
    type SerializeTuple = Items;
    type SerializeTupleStruct = Items;
    type SerializeTupleVariant = Items;
    type SerializeMap = Members;
    type SerializeStruct = Members;
    type SerializeStructVariant = Members;

    fn serialize_bool(self, v: bool) -> Result<Out> {
        value(v)
    }
    fn serialize_i8(self, v: i8) -> Result<Out> {
        value(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Out> {
        value(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Out> {
        value(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Out> {
        value(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Out> {
        value(v)
    }
    fn serialize_u16(self, v: u16) -> Result<Out> {
        value(v)
    }
    fn serialize_u32(self, v: u32) -> Result<Out> {
        value(v)
    }
    fn serialize_u64(self, v: u64) -> Result<Out> {
        value(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Out> {
        value(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<Out> {
        value(v)
    }
    fn serialize_char(self, v: char) -> Result<Out> {
        value(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<Out> {
        value(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Out> {
        value(v.to_vec())
    }
    fn serialize_none(self) -> Result<Out> {
        value(Value::Null)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<Out> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<Out> {
        value(Value::Null)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Out> {
        value(Value::Null)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<Out> {
        value(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<Out> {
        let inner = v.serialize(self)?;
        match (name == PartialDate::SERDE_NAME, inner) {
            (true, Out::Value(Value::String(text))) => Ok(Out::Date(text)),
            (_, other) => Ok(other),
        }
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<Out> {
        Ok(tagged(variant, v.serialize(self)?.into_value()))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Items> {
        Ok(Items {
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Items> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Items> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Items> {
        Ok(Items {
            items: Vec::with_capacity(len),
            variant: Some(variant),
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Members> {
        Ok(Members::default())
    }
    fn serialize_struct(self, _: &'static str, _len: usize) -> Result<Members> {
        Ok(Members::default())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Members> {
        Ok(Members {
            variant: Some(variant),
            ..Members::default()
        })
    }
}

/// A JSON array being built (sequences, tuples, tuple structs and tuple variants).
struct Items {
    items: Vec<Value>,
    variant: Option<&'static str>,
}

impl Items {
    fn push<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<()> {
        self.items.push(v.serialize(Json)?.into_value());
        Ok(())
    }

    fn finish(self) -> Result<Out> {
        let list = Value::Array(self.items);
        Ok(match self.variant {
            Some(variant) => tagged(variant, list),
            None => Out::Value(list),
        })
    }
}

/// serde's four list-like traits, each pushing onto an [`Items`].
macro_rules! items_impl {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Items {
            type Ok = Out;
            type Error = serde_json::Error;
            fn $method<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<()> {
                self.push(v)
            }
            fn end(self) -> Result<Out> {
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

/// A JSON object being built, from a record (where dates spread) or a map (where they do not).
#[derive(Default)]
struct Members {
    members: Map<String, Value>,
    key: Option<String>,
    variant: Option<&'static str>,
}

impl Members {
    fn finish(self) -> Result<Out> {
        let object = Value::Object(self.members);
        Ok(match self.variant {
            Some(variant) => tagged(variant, object),
            None => Out::Value(object),
        })
    }

    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> Result<()> {
        v.serialize(Json)?.insert_into(&mut self.members, key);
        Ok(())
    }
}

impl ser::SerializeMap for Members {
    type Ok = Out;
    type Error = serde_json::Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<()> {
        self.key = Some(match key.serialize(Json)?.into_value() {
            Value::String(s) => s,
            other => other.to_string(),
        });
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result<()> {
        let key = self.key.take().ok_or_else(|| {
            <serde_json::Error as ser::Error>::custom("a map value before its key")
        })?;
        self.members.insert(key, v.serialize(Json)?.into_value());
        Ok(())
    }
    fn end(self) -> Result<Out> {
        self.finish()
    }
}

/// serde's two struct-like traits, each adding a field to a [`Members`].
macro_rules! fields_impl {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Members {
            type Ok = Out;
            type Error = serde_json::Error;
            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                v: &T,
            ) -> Result<()> {
                self.field(key, v)
            }
            fn end(self) -> Result<Out> {
                self.finish()
            }
        }
    )*};
}

fields_impl!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use serde::Serialize;
    use serde_json::json;

    use super::to_json;
    use crate::time::{Interval, PartialDate};

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap_or_else(|e| unreachable!("{e}"))
    }

    #[derive(Serialize)]
    struct Row {
        date: PartialDate,
        end: Option<PartialDate>,
        attested: Vec<PartialDate>,
        valid: Interval,
    }

    #[test]
    fn each_date_field_spreads_over_three_members() {
        let row = Row {
            date: d("2016~"),
            end: None,
            attested: vec![d("2016-06-04"), d("2021")],
            valid: Interval::new(Some(d("../2016-06-30")), Some(d("2016-21"))),
        };
        assert_eq!(
            to_json(&row).ok(),
            Some(json!({
                "date": "2016~",
                "date_earliest": "2015-01-01",
                "date_latest": "2017-12-31",
                "end": null,
                "attested": ["2016-06-04", "2021"],
                "valid": {
                    "start": "../2016-06-30",
                    "start_earliest": null,
                    "start_latest": "2016-06-30",
                    "end": "2016-21",
                    "end_earliest": "2016-03-01",
                    "end_latest": "2016-05-31",
                },
            }))
        );
    }

    #[test]
    fn a_date_alone_and_maps_stay_text() {
        assert_eq!(to_json(&d("2016-06")).ok(), Some(json!("2016-06")));
        let mut m = std::collections::BTreeMap::new();
        m.insert("since", d("2016"));
        assert_eq!(to_json(&m).ok(), Some(json!({"since": "2016"})));
    }
}
