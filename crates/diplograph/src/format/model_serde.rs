//! serde for [`Node`] and [`Edge`]: each serializes as its record in a native file (the shape
//! [`super::save`] writes) and deserializes from one, with the file loader's rules. An edge's
//! record here leaves out `from` and `to`: an [`Edge`] is what an edge says, and the graph holds
//! its two ends.

use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::records::{EdgeRecord, NodeRecord};
use super::write::{edge_record, node_record};
use crate::model::{Edge, Node};

/// The record members an [`Edge`] leaves to the graph.
const ENDS: [&str; 2] = ["from", "to"];

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        node_record(self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Node {
    /// # Errors
    /// A field the record does not allow, or one its kind does not take (`org_kind` on a
    /// person); the message lists every problem, as loading a file would.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let record = NodeRecord::deserialize(deserializer)?;
        super::node_from_record(record).map_err(|problems| {
            D::Error::custom(
                problems
                    .iter()
                    .map(|p| p.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })
    }
}

impl Serialize for Edge {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut record =
            serde_json::to_value(edge_record("", "", self)).map_err(S::Error::custom)?;
        if let Some(members) = record.as_object_mut() {
            for end in ENDS {
                members.remove(end);
            }
        }
        record.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Edge {
    /// # Errors
    /// A member an edge record does not have, a missing `kind`, or a value of the wrong type,
    /// with serde's message. `from` and `to` are refused: add the edge to a graph with
    /// [`crate::Graph::relate`] to give it its ends.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut members = serde_json::Map::deserialize(deserializer)?;
        for end in ENDS {
            if members.contains_key(end) {
                return Err(D::Error::custom(format!(
                    "an edge on its own has no `{end}`: the graph holds its ends (use `Graph::relate`)"
                )));
            }
            members.insert(end.to_owned(), serde_json::Value::String(String::new()));
        }
        let record = serde_json::Value::Object(members);
        EdgeRecord::deserialize(&record)
            .map(super::edge_from_record)
            .map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Edge, Node};

    #[test]
    fn every_example_node_round_trips_through_serde_json() {
        let g = crate::example();
        let mut seen = 0;
        for (_, node) in g.nodes() {
            let text = serde_json::to_string(node).unwrap_or_default();
            let back: Option<Node> = serde_json::from_str(&text).ok();
            assert_eq!(back.as_ref(), Some(node), "{text}");
            seen += 1;
        }
        assert_eq!(seen, 76);
    }

    #[test]
    fn a_node_serializes_as_its_file_record() {
        let g = crate::example();
        let file: serde_json::Value = serde_json::from_str(crate::EXAMPLE_JSON).unwrap_or_default();
        let record = file["nodes"]
            .as_array()
            .and_then(|nodes| nodes.iter().find(|n| n["id"] == "gsomia-kor-usa"))
            .cloned();
        let node = g.node("gsomia-kor-usa").map(serde_json::to_value);
        assert_eq!(node.and_then(Result::ok), record);
        assert!(record.is_some_and(|r| r["lifecycle"].is_array()));
    }

    #[test]
    fn a_field_the_kind_does_not_take_is_refused_with_the_loaders_message() {
        let err = serde_json::from_str::<Node>(
            r#"{"id": "x", "kind": "person", "name": "X", "org_kind": "military"}"#,
        )
        .err()
        .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("node `x`: `org_kind` belongs on organization nodes, not on a person")
        );
    }

    #[test]
    fn every_example_edge_round_trips_through_serde_json() {
        let g = crate::example();
        let mut seen = 0;
        for view in g.edges() {
            let text = serde_json::to_string(view.edge).unwrap_or_default();
            let back: Option<Edge> = serde_json::from_str(&text).ok();
            assert_eq!(back.as_ref(), Some(view.edge), "{text}");
            seen += 1;
        }
        assert_eq!(seen, 230);
    }

    #[test]
    fn an_edge_serializes_as_its_record_without_its_ends() {
        let edge = Edge::new(crate::model::EdgeKind::HoldsOffice)
            .valid(crate::time::PartialDate::from_year(2016).ok(), None)
            .with_title("Defence Minister");
        assert_eq!(
            serde_json::to_string(&edge).ok().as_deref(),
            Some(r#"{"kind":"holds_office","start":"2016","title":"Defence Minister"}"#)
        );
        let err = serde_json::from_str::<Edge>(r#"{"kind": "party_to", "from": "KOR"}"#)
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some(
                "an edge on its own has no `from`: the graph holds its ends (use `Graph::relate`)"
            )
        );
        let err = serde_json::from_str::<Edge>(r#"{"kind": "party_to", "colour": "red"}"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("unknown field `colour`"), "{err}");
    }
}
