//! The native format's records: nodes, edges and documents as written in a file, read and
//! written by serde (conversion to and from the model is in `format.rs`).

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::direct;
use crate::model::{
    AgreementKind, Attributes, Binding, Cue, EdgeKind, EventKind, LifecycleStep, NodeKind,
    OrganizationKind, PartyRole, PlaceKind, Renewal, Status, Vote,
};
use crate::provenance::Citation;
use crate::time::PartialDate;

#[expect(
    clippy::ptr_arg,
    reason = "serde's skip_serializing_if passes the field's own type"
)]
fn is_empty_slice<T: Clone>(v: &Cow<'_, [T]>) -> bool {
    v.is_empty()
}
#[expect(
    clippy::ptr_arg,
    reason = "serde's skip_serializing_if passes the field's own type"
)]
fn is_empty_map<K: Clone + Ord, V: Clone>(v: &Cow<'_, BTreeMap<K, V>>) -> bool {
    v.is_empty()
}

/// A node as written in a file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NodeRecord<'a> {
    #[serde(borrow)]
    pub(super) id: Cow<'a, str>,
    pub(super) kind: NodeKind,
    #[serde(borrow)]
    pub(super) name: Cow<'a, str>,
    #[serde(default, borrow, skip_serializing_if = "Vec::is_empty")]
    pub(super) aliases: Vec<Cow<'a, str>>,
    #[serde(
        default,
        deserialize_with = "direct::external_ids",
        skip_serializing_if = "is_empty_map"
    )]
    pub(super) external_ids: Cow<'a, BTreeMap<String, String>>,
    /// `true` for a person or organization the sources do not name (absent: named).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) unnamed: Option<bool>,
    /// What the sources call an unnamed person or organization.
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) description: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) org_kind: Option<OrganizationKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) agreement_kind: Option<AgreementKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) lifecycle: Option<Cow<'a, [LifecycleStep]>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) binding: Option<Cow<'a, Binding>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) renewal: Option<Cow<'a, Renewal>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) vote: Option<Cow<'a, Vote>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) event_kind: Option<EventKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) place_kind: Option<PlaceKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) date: Option<PartialDate>,
    /// Absent: the event lasts its one `date`; `null`: it began on `date` and its end is
    /// unknown (ongoing, or not reported); a date: its last day.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub(super) end: Option<Option<PartialDate>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) place: Option<Cow<'a, str>>,
    /// An event's status; absent means `occurred`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) status: Option<Status>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) quote: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) paraphrase: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) cue: Option<Cow<'a, Cue>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) url: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) text: Option<Cow<'a, str>>,
    #[serde(
        default,
        deserialize_with = "direct::attributes",
        skip_serializing_if = "is_empty_map"
    )]
    pub(super) attributes: Cow<'a, Attributes>,
    #[serde(default, skip_serializing_if = "is_empty_slice")]
    pub(super) citations: Cow<'a, [Citation]>,
}

/// A member that is present, even as `null` (`Some(None)`), as against absent (`None`, by
/// `default`).
fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// An edge as written in a file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EdgeRecord<'a> {
    pub(super) kind: EdgeKind,
    #[serde(borrow)]
    pub(super) from: Cow<'a, str>,
    #[serde(borrow)]
    pub(super) to: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) start: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) end: Option<PartialDate>,
    /// One date (`"2016-06-04"`) or several (`["2016-06-04", "2021-05"]`).
    #[serde(
        default,
        deserialize_with = "one_or_many_dates",
        serialize_with = "write_dates",
        skip_serializing_if = "is_empty_slice"
    )]
    pub(super) attested: Cow<'a, [PartialDate]>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) title: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) on_behalf_of: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) position: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) chain: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) share: Option<f64>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) amount: Option<Cow<'a, str>>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) relation: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) role: Option<PartyRole>,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) acting_for: Option<Cow<'a, str>>,
    /// For `signed`: the id of the place or country where it was signed.
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub(super) place: Option<Cow<'a, str>>,
    #[serde(
        default,
        deserialize_with = "direct::attributes",
        skip_serializing_if = "is_empty_map"
    )]
    pub(super) attributes: Cow<'a, Attributes>,
    #[serde(default, skip_serializing_if = "is_empty_slice")]
    pub(super) citations: Cow<'a, [Citation]>,
}

/// An edge's `attested`: one date, or a list of dates (an empty list is none).
fn one_or_many_dates<'de, 'a, D>(d: D) -> Result<Cow<'a, [PartialDate]>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Dates;
    impl<'de> serde::de::Visitor<'de> for Dates {
        type Value = Vec<PartialDate>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a date string (YYYY, YYYY-MM or YYYY-MM-DD) or a list of them")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            v.parse::<PartialDate>().map(|d| vec![d]).map_err(E::custom)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(d) = seq.next_element::<PartialDate>()? {
                out.push(d);
            }
            Ok(out)
        }
    }
    d.deserialize_any(Dates).map(Cow::Owned)
}

/// Writes one attested date as a string, several as a list.
#[expect(
    clippy::ptr_arg,
    reason = "serde's serialize_with passes the field's own type"
)]
fn write_dates<S: serde::Serializer>(v: &Cow<'_, [PartialDate]>, s: S) -> Result<S::Ok, S::Error> {
    match &v[..] {
        [one] => one.serialize(s),
        many => many.serialize(s),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DocumentIn<'a> {
    #[serde(default)]
    pub(super) diplograph: Option<serde_json::Value>,
    #[serde(default)]
    pub(super) title: Option<String>,
    #[serde(default)]
    pub(super) description: Option<String>,
    #[serde(default, borrow)]
    pub(super) nodes: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    pub(super) edges: Vec<&'a RawValue>,
}

#[derive(Serialize)]
pub(super) struct DocumentOut<'a> {
    pub(super) diplograph: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) description: Option<&'a str>,
    pub(super) nodes: Vec<NodeRecord<'a>>,
    pub(super) edges: Vec<EdgeRecord<'a>>,
}
