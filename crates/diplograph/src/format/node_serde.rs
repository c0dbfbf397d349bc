//! serde for [`Node`]: a node serializes as its record in a native file (the shape
//! [`super::save`] writes), and deserializes from one, with the file loader's rules for which
//! fields each kind takes.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::records::NodeRecord;
use super::write::node_record;
use crate::model::Node;

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

#[cfg(test)]
mod tests {
    use crate::model::Node;

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
        assert_eq!(seen, 75);
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
}
