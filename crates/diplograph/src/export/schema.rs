//! The one schema of a flattened node and edge: every field's name, type and meaning, in
//! column order. GraphML, GEXF, CSV, node-link and Cypher write these fields (see
//! [`super::flat`]), and the Python bindings' `to_arrow()`, `to_pandas()`, `to_polars()` and
//! `to_networkx()` take their columns from [`super::node_table`] and [`super::edge_table`],
//! which follow it too. `docs/export.md` holds the table [`markdown_table`] makes (a test
//! checks it).
//!
//! ```
//! use diplograph::export::{FieldType, NODE_FIELDS};
//! let subkind = NODE_FIELDS.iter().find(|f| f.name == "subkind").unwrap();
//! assert_eq!(subkind.ty, FieldType::Category);
//! assert!(subkind.categories().unwrap().contains(&"treaty"));
//! ```

use crate::model::{
    AgreementKind, EdgeKind, EventKind, LifecycleState, NodeKind, OrganizationKind, PartyRole,
    PlaceKind, Status,
};

/// The type of a field's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FieldType {
    /// Text.
    Text,
    /// A name from a closed vocabulary ([`Field::categories`]), written as text.
    Category,
    /// A whole number.
    Integer,
    /// A number (a double).
    Number,
    /// A truth value.
    Boolean,
    /// A date as written, EDTF text with its precision (`2016`, `2016-06`, `2016-06-04`,
    /// `2014-12-28/2014-12-29`).
    Date,
    /// A calendar day (a date's earliest or latest day), `YYYY-MM-DD` where written as text.
    Day,
    /// Structured data (lists, objects), written as JSON text (node-link keeps it JSON).
    Json,
}

impl FieldType {
    /// How the type is named in `docs/export.md`.
    pub fn as_str(self) -> &'static str {
        match self {
            Text => "string",
            Category => "category",
            Integer => "integer",
            Number => "double",
            Boolean => "boolean",
            Date => "date text",
            Day => "day",
            Json => "JSON text",
        }
    }
}

/// One field of a flattened node or edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The field's name, the same in every format and frame.
    pub name: &'static str,
    /// The type of its values.
    pub ty: FieldType,
    /// What it holds, in a sentence (Markdown).
    pub doc: &'static str,
    /// The vocabulary of a [`FieldType::Category`] field.
    vocabulary: Vocabulary,
}

/// The closed vocabulary a category field takes its names from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Vocabulary {
    None,
    NodeKind,
    EdgeKind,
    Subkind,
    Status,
    State,
    Role,
}

impl Field {
    /// The names a [`FieldType::Category`] field may hold, in the model's order: every node or
    /// edge kind, every subkind, event status, lifecycle state or party role. `None` for other
    /// fields.
    pub fn categories(&self) -> Option<Vec<&'static str>> {
        fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
            all.iter().map(|v| name(*v)).collect()
        }
        let mut out = match self.vocabulary {
            Vocabulary::None => return None,
            Vocabulary::EdgeKind => names(EdgeKind::ALL, EdgeKind::as_str),
            Vocabulary::NodeKind => names(NodeKind::ALL, NodeKind::as_str),
            Vocabulary::Subkind => {
                let mut all = names(OrganizationKind::ALL, OrganizationKind::as_str);
                all.extend(names(AgreementKind::ALL, AgreementKind::as_str));
                all.extend(names(EventKind::ALL, EventKind::as_str));
                all.extend(names(PlaceKind::ALL, PlaceKind::as_str));
                all
            }
            Vocabulary::Status => names(Status::ALL, Status::as_str),
            Vocabulary::State => names(LifecycleState::ALL, LifecycleState::as_str),
            Vocabulary::Role => names(PartyRole::ALL, PartyRole::as_str),
        };
        // One name each (`other` is a kind of several).
        let mut seen = std::collections::HashSet::new();
        out.retain(|n| seen.insert(*n));
        Some(out)
    }
}

const fn field(name: &'static str, ty: FieldType, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        doc,
        vocabulary: Vocabulary::None,
    }
}

/// A category field taking its names from `vocabulary`.
const fn category(name: &'static str, vocabulary: Vocabulary, doc: &'static str) -> Field {
    Field {
        name,
        ty: Category,
        doc,
        vocabulary,
    }
}

use FieldType::{Boolean, Category, Date, Day, Integer, Json, Number, Text};

/// The fields of a node, in column order. Free attributes follow as `attr.<key>` columns,
/// sorted, each typed by the values it holds (see `docs/export.md`).
pub const NODE_FIELDS: &[Field] = &[
    field("id", Text, "the node's id (GraphML: also `node_id`; CSV: also `:ID`)"),
    category("kind", Vocabulary::NodeKind, "`country`, `person`, `organization`, `agreement`, `event`, `statement`, `source`, `place`"),
    field("name", Text, "the name"),
    field("aliases", Json, "other names, `[\"ROK\", \"the South\"]`"),
    field("external_ids", Json, "identifiers elsewhere by scheme, `{\"wikidata\": \"Q884\"}`"),
    field("unnamed", Boolean, "`true` for a person or organization the sources do not name (absent otherwise)"),
    field("description", Text, "what the sources call an unnamed one (\"a Pentagon spokesman\")"),
    category("subkind", Vocabulary::Subkind, "an organization's, agreement's, event's or place's kind (`alliance`, `treaty`, `summit`, `city` …)"),
    field("date", Date, "an event's start, a statement's or a source's date, as written in EDTF"),
    field("date_earliest", Day, "the first day `date` may mean (absent when it has none: `../2016-06-29`)"),
    field("date_latest", Day, "the last day `date` may mean"),
    field("end", Date, "an event's last date, when it differs from `date`"),
    field("end_earliest", Day, "the first day `end` may mean"),
    field("end_latest", Day, "the last day `end` may mean"),
    field("place", Text, "an event's place in words (place nodes are joined by `held_in` and `located_in` edges)"),
    category("status", Vocabulary::Status, "an event's status when it is not `occurred` (`planned`, `cancelled` …); absent means it occurred"),
    field("quote", Text, "a statement's words, quoted"),
    field("paraphrase", Text, "a statement's words, paraphrased"),
    field("cue", Text, "a statement's reporting words (\"told reporters\")"),
    field("url", Text, "a source's address"),
    field("text", Text, "a source's full text (not in DOT or Mermaid)"),
    field("lifecycle", Json, "an agreement's steps, as in the native format"),
    category("state", Vocabulary::State, "an agreement's state as things finally stand (docs/queries.md, \"Treaty histories\")"),
    field("binding", Boolean, "whether an agreement binds its parties, when the data says"),
    field("renewal", Text, "an agreement's renewal terms"),
    field("vote_for", Integer, "an agreement's vote: how many were in favour"),
    field("vote_against", Integer, "how many were against"),
    field("vote_abstain", Integer, "how many abstained"),
    field("citation_count", Integer, "how many citations the node has"),
    field("citations", Json, "the citations, as in the native format"),
];

/// The fields of an edge, in column order. Free attributes follow as `attr.<key>` columns.
pub const EDGE_FIELDS: &[Field] = &[
    field("source", Text, "the id of the node the edge goes from (CSV: also `:START_ID`)"),
    field("target", Text, "the id of the node the edge goes to (CSV: also `:END_ID`)"),
    category("kind", Vocabulary::EdgeKind, "the edge's kind (`party_to`, `signed`, `holds_office` …)"),
    field("start", Date, "when it began to hold, as written in EDTF"),
    field("start_earliest", Day, "the first day `start` may mean"),
    field("start_latest", Day, "the last day `start` may mean"),
    field("end", Date, "when it stopped holding, as written"),
    field("end_earliest", Day, "the first day `end` may mean"),
    field("end_latest", Day, "the last day `end` may mean"),
    field("attested", Json, "the dates the data states it held on, `[\"2016-06-04\"]` (absent when none)"),
    field("title", Text, "an office's title (`holds_office`)"),
    field("on_behalf_of", Text, "whom an office is held for"),
    field("position", Integer, "a report's place in its chain (`reported_by`)"),
    field("chain", Integer, "a parallel report's chain, when not 1"),
    field("share", Number, "a part owned or held"),
    field("amount", Text, "an amount in words"),
    field("relation", Text, "a relation's name (`related_to`)"),
    category("role", Vocabulary::Role, "a `party_to` edge's role when it is not `member` (`hub`, `spoke`, `observer`, `guarantor`)"),
    field("acting_for", Text, "the country a `party_to` edge from an organization states it acts for"),
    field("place", Text, "the id of the place where a `signed` edge's signing took place"),
    field("citation_count", Integer, "how many citations the edge has"),
    field("citations", Json, "the citations, as in the native format"),
];

/// The prefix of the columns of free attributes (`attr.population`).
pub const ATTRIBUTE_PREFIX: &str = "attr.";

/// How many leading fields name a node or edge rather than describe it (`id`; `source` and
/// `target`): every format writes them apart from the other cells.
pub(crate) const NODE_ENDS: usize = 1;
/// See [`NODE_ENDS`].
pub(crate) const EDGE_ENDS: usize = 2;

/// The names of `fields` from `skip` on, as an array (for the flat view's fixed columns).
pub(crate) const fn names<const N: usize>(fields: &[Field], skip: usize) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = fields[skip + i].name;
        i += 1;
    }
    out
}

/// The schema as the Markdown tables of `docs/export.md`: one for nodes, one for edges.
pub fn markdown_table() -> String {
    let mut out = String::new();
    for (title, fields) in [("Node fields", NODE_FIELDS), ("Edge fields", EDGE_FIELDS)] {
        out.push_str(title);
        out.push_str(", in this order:\n\n| field | type | holds |\n|---|---|---|\n");
        for f in fields {
            out.push_str(&format!(
                "| `{}` | {} | {} |\n",
                f.name,
                f.ty.as_str(),
                f.doc
            ));
        }
        out.push_str(&format!(
            "| `{ATTRIBUTE_PREFIX}<key>` | typed | each free attribute (Cypher: one `attributes` JSON text instead) |\n\n"
        ));
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_categories_known() {
        for fields in [NODE_FIELDS, EDGE_FIELDS] {
            let mut seen = std::collections::HashSet::new();
            for f in fields {
                assert!(seen.insert(f.name), "{} twice", f.name);
                assert_eq!(f.categories().is_some(), f.ty == Category);
                if let Some(c) = f.categories() {
                    assert!(!c.is_empty(), "{} has no categories", f.name);
                }
            }
        }
        let edge_kind = EDGE_FIELDS.iter().find(|f| f.name == "kind").unwrap();
        assert_eq!(edge_kind.categories().unwrap().first(), Some(&"party_to"));
        let node_kind = NODE_FIELDS.iter().find(|f| f.name == "kind").unwrap();
        assert_eq!(node_kind.categories().unwrap().first(), Some(&"country"));
    }

    /// `DIPLOGRAPH_UPDATE_DOCS=1` rewrites the tables between the markers instead.
    #[test]
    fn docs_export_md_holds_the_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/export.md");
        let doc = std::fs::read_to_string(path).unwrap();
        let (start, end) = ("<!-- schema: start -->\n", "<!-- schema: end -->");
        let (a, b) = (
            doc.find(start).unwrap() + start.len(),
            doc.find(end).unwrap(),
        );
        let table = markdown_table();
        if std::env::var_os("DIPLOGRAPH_UPDATE_DOCS").is_some() {
            let updated = format!("{}{table}\n{}", &doc[..a], &doc[b..]);
            std::fs::write(path, updated).unwrap();
            return;
        }
        assert_eq!(
            &doc[a..b],
            format!("{table}\n"),
            "docs/export.md must hold the schema's tables (DIPLOGRAPH_UPDATE_DOCS=1 rewrites them)"
        );
    }
}
