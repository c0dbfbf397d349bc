//! The loader's direct path: one pass from text to graph, for input with no problem at all.
//!
//! Most files are valid, and for them the located path in [`super::parse`] does a great deal of
//! work that is never used: a scan of the raw text for limits and repeated keys, a `RawValue`
//! per element parsed a second time with its JSON path tracked, and byte offsets kept for every
//! node and edge. This path reads the text once with plain serde, turns each node and edge into
//! its model type and inserts it as soon as it is read (nothing is held but the graph), and
//! applies the same rules on the typed values: the same limits (lengths of ids and strings as
//! read, counts of aliases and citations, nesting depth), no key twice in one object, the same
//! node, edge and whole-graph validation.
//!
//! It never says what went wrong or where: at the first sign of any problem it gives up, and the
//! located path reads the input again and reports every problem with its line and column. So the
//! two paths must agree on what is valid; the tests in `format.rs` check the direct path against
//! the located one on valid and invalid inputs alike.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use super::limits::PARSER_MAX_DEPTH;
use super::{edge_from_record, node_from_record, EdgeRecord, Limits, NodeRecord, FORMAT_VERSION};
use crate::graph::{Graph, NodeIndex};
use crate::model::{Attributes, LifecycleStep, Node, NodeDetails};
use crate::provenance::Citation;
use crate::validate;

/// The deepest container in a node or edge written in the format: root (1) › `nodes` (2) ›
/// node (3) › `lifecycle` (4) › step (5) › `citations` (6) › citation (7) › `span`/`via` (8).
/// Free-form values (attributes) may go deeper and are measured.
const DEEPEST_FIXED: usize = 8;
/// The depth of a node's or edge's `attributes` and `external_ids` objects.
const FREE_FORM_DEPTH: usize = 4;
/// Longer than any key or vocabulary word the format itself writes (`memorandum_of_understanding`
/// …): below this `max_string_len`, only the located path can tell a problem from a keyword.
const LONGEST_KEYWORD: usize = 64;

/// Reads `text` into a graph in one pass, or `None` when the input has any problem at all (or
/// `limits` are too tight for this path to apply them exactly).
pub(super) fn load(text: &str, limits: &Limits) -> Option<Graph> {
    if limits.max_depth < DEEPEST_FIXED || limits.max_string_len < LONGEST_KEYWORD {
        return None;
    }
    // serde_json would read an integer past 64 bits as a rounded double: with any 19-digit
    // run (which may be such an integer), the located path decides and says where.
    if super::limits::has_long_digit_run(text.as_bytes()) {
        return None;
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let by_words = Cell::new(false);
    let mut graph = Document {
        limits,
        by_words: &by_words,
    }
    .deserialize(&mut de)
    .ok()?;
    de.end().ok()?;
    // Words cited without a span find it, as on the located path (a pass over every
    // citation, skipped when none was given by its words alone).
    if by_words.get() {
        validate::resolve_spans(&mut graph);
    }
    validate::graph_is_clean(&graph).then_some(graph)
}

/// The marker error: this path gives up, the located path will say why.
fn give_up<E: de::Error>() -> E {
    E::custom("the direct path gives up")
}

/// The top-level object: its members in any order, except that edges need their nodes first.
struct Document<'l> {
    limits: &'l Limits,
    /// Set when a citation gives its words without a span.
    by_words: &'l Cell<bool>,
}

impl<'de> DeserializeSeed<'de> for Document<'_> {
    type Value = Graph;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Graph, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Document<'_> {
    type Value = Graph;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a diplograph document")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Graph, A::Error> {
        let mut build = Build {
            graph: Graph::new(),
            check: Check {
                limits: self.limits,
                by_words: self.by_words,
            },
            last_from: (String::new(), None),
        };
        let mut seen = [false; 5];
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let slot = match key.as_ref() {
                "diplograph" => 0,
                "title" => 1,
                "description" => 2,
                "nodes" => 3,
                "edges" => 4,
                _ => return Err(give_up()),
            };
            if std::mem::replace(&mut seen[slot], true) {
                return Err(give_up());
            }
            match slot {
                0 => {
                    let version: Cow<'de, str> = map.next_value()?;
                    if version != FORMAT_VERSION {
                        return Err(give_up());
                    }
                }
                1 | 2 => {
                    let text: Option<String> = map.next_value()?;
                    if text.as_deref().is_some_and(|t| !build.check.string(t)) {
                        return Err(give_up());
                    }
                    if slot == 1 {
                        build.graph.title = text;
                    } else {
                        build.graph.description = text;
                    }
                }
                3 => map.next_value_seed(Elements {
                    build: &mut build,
                    nodes: true,
                })?,
                // Edges name their ends by id: with the nodes still to come, no edge can be
                // checked as it is read.
                _ if !seen[3] => return Err(give_up()),
                _ => map.next_value_seed(Elements {
                    build: &mut build,
                    nodes: false,
                })?,
            }
        }
        if !seen[0] {
            return Err(give_up());
        }
        Ok(build.graph)
    }
}

/// The `nodes` or the `edges` array, each element built and inserted as it is read.
struct Elements<'b, 'l> {
    build: &'b mut Build<'l>,
    nodes: bool,
}

impl<'de> DeserializeSeed<'de> for Elements<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Elements<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of nodes or edges")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.nodes {
            while let Some(record) = seq.next_element::<NodeRecord<'de>>()? {
                if !self.build.node(record) {
                    return Err(give_up());
                }
            }
        } else {
            while let Some(record) = seq.next_element::<EdgeRecord<'de>>()? {
                if !self.build.edge(record) {
                    return Err(give_up());
                }
            }
        }
        Ok(())
    }
}

struct Build<'l> {
    graph: Graph,
    check: Check<'l>,
    /// The last edge's start, with its index: a saved file lists edges by their start, so
    /// runs of edges share it and skip the id lookup (a random access into a large table).
    last_from: (String, Option<NodeIndex>),
}

impl Build<'_> {
    /// Inserts a node that breaks no rule of its own; `false` at any problem.
    fn node(&mut self, r: NodeRecord<'_>) -> bool {
        if !self.check.node(&r) || self.graph.index_of(&r.id).is_some() {
            return false;
        }
        let Ok(node) = node_from_record(r) else {
            return false;
        };
        if !validate::check_node(&node).is_empty() {
            return false;
        }
        if let NodeDetails::Agreement { lifecycle, .. } = &node.details {
            if !self.check.lifecycle(lifecycle) {
                return false;
            }
        }
        self.graph.insert_node_unchecked(node);
        true
    }

    /// Inserts an edge whose ends exist and allow its kind and that breaks no rule of its
    /// own; `false` at any problem.
    fn edge(&mut self, r: EdgeRecord<'_>) -> bool {
        if !self.check.edge(&r) {
            return false;
        }
        let from = match &self.last_from {
            (id, Some(ix)) if *id == r.from => Some(*ix),
            _ => {
                let ix = self.graph.index_of(&r.from);
                self.last_from.0.clear();
                self.last_from.0.push_str(&r.from);
                self.last_from.1 = ix;
                ix
            }
        };
        let (Some(from), Some(to)) = (from, self.graph.index_of(&r.to)) else {
            return false;
        };
        let edge = edge_from_record(r);
        // The same rules the located path runs (`validate::check_relation`), building no text
        // (so the ids, which only messages use, are not needed).
        let kind_at = |ix| self.graph.node_at(ix).map(Node::kind);
        let sound =
            validate::relation_is_sound(&self.graph, ("", kind_at(from)), ("", kind_at(to)), &edge);
        if !sound {
            return false;
        }
        self.graph.insert_edge_unchecked(from, to, edge);
        true
    }
}

/// The [`Limits`], applied to values as read (the located path's scan applies the same ones to
/// the raw text, where it can say where).
struct Check<'l> {
    limits: &'l Limits,
    /// Set when a citation gives its words without a span.
    by_words: &'l Cell<bool>,
}

impl Check<'_> {
    fn id(&self, s: &str) -> bool {
        s.len() <= self.limits.max_id_len
    }

    fn string(&self, s: &str) -> bool {
        s.len() <= self.limits.max_string_len
    }

    fn node(&self, r: &NodeRecord<'_>) -> bool {
        let text_ok = r
            .text
            .as_deref()
            .is_none_or(|t| t.len() <= self.limits.max_source_text_len);
        self.id(&r.id)
            && self.string(&r.name)
            && r.aliases.len() <= self.limits.max_aliases
            && r.aliases.iter().all(|a| self.string(a))
            && r.external_ids
                .iter()
                .all(|(k, v)| self.string(k) && self.string(v))
            && [&r.place, &r.quote, &r.paraphrase, &r.url, &r.description]
                .into_iter()
                .all(|s| s.as_deref().is_none_or(|s| self.string(s)))
            && r.cue
                .as_deref()
                .is_none_or(|c| self.string(&c.words) && self.citations(&c.citations))
            && text_ok
            && self.attributes(&r.attributes)
            && self.citations(&r.citations)
            && r.binding
                .as_deref()
                .is_none_or(|t| self.citations(&t.citations))
            && r.renewal
                .as_deref()
                .is_none_or(|t| self.string(&t.terms) && self.citations(&t.citations))
            && r.vote
                .as_deref()
                .is_none_or(|t| self.citations(&t.citations))
    }

    fn edge(&self, r: &EdgeRecord<'_>) -> bool {
        self.id(&r.from)
            && self.id(&r.to)
            && r.on_behalf_of.as_deref().is_none_or(|s| self.id(s))
            && r.acting_for.as_deref().is_none_or(|s| self.id(s))
            && r.place.as_deref().is_none_or(|s| self.id(s))
            && [&r.title, &r.amount, &r.relation]
                .into_iter()
                .all(|s| s.as_deref().is_none_or(|s| self.string(s)))
            && self.attributes(&r.attributes)
            && self.citations(&r.citations)
    }

    fn lifecycle(&self, steps: &[LifecycleStep]) -> bool {
        steps.iter().all(|s| {
            s.party.as_deref().is_none_or(|p| self.id(p))
                && [&s.condition, &s.note]
                    .into_iter()
                    .all(|t| t.as_deref().is_none_or(|t| self.string(t)))
                && self.citations(&s.citations)
        })
    }

    fn citations(&self, cs: &[Citation]) -> bool {
        cs.len() <= self.limits.max_citations
            && cs.iter().all(|c| {
                if c.span.is_none() && c.text.is_some() {
                    self.by_words.set(true);
                }
                self.id(&c.source)
                    && c.via.iter().all(|v| self.id(v))
                    && c.text.as_deref().is_none_or(|t| self.string(t))
            })
    }

    fn attributes(&self, a: &Attributes) -> bool {
        a.iter()
            .all(|(k, v)| self.string(k) && self.free_form(v, FREE_FORM_DEPTH + 1))
    }

    /// A free-form value whose containers (if it is one) sit at nesting level `depth`.
    fn free_form(&self, v: &Value, depth: usize) -> bool {
        let deep_ok = || depth <= self.limits.max_depth.min(PARSER_MAX_DEPTH);
        match v {
            Value::String(s) => self.string(s),
            Value::Array(items) => deep_ok() && items.iter().all(|x| self.free_form(x, depth + 1)),
            Value::Object(members) => {
                deep_ok()
                    && members
                        .iter()
                        .all(|(k, x)| self.string(k) && self.free_form(x, depth + 1))
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => true,
        }
    }
}

/// Reads a free-form object (`attributes`) refusing a key written twice, at any depth: serde's
/// own maps keep the last value silently, which would lose data without a word.
pub(super) fn attributes<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Cow<'static, Attributes>, D::Error> {
    d.deserialize_map(UniqueKeys::new(|v: UniqueValue| v.0))
        .map(Cow::Owned)
}

/// Reads `external_ids`, refusing a scheme written twice.
pub(super) fn external_ids<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Cow<'static, BTreeMap<String, String>>, D::Error> {
    d.deserialize_map(UniqueKeys::new(|v: String| v))
        .map(Cow::Owned)
}

/// A map visitor that refuses repeated keys; `F` turns each value read (an `R`) into the
/// stored one (a `V`).
struct UniqueKeys<R, V, F>(F, PhantomData<fn(R) -> V>);

impl<R, V, F: Fn(R) -> V> UniqueKeys<R, V, F> {
    fn new(f: F) -> Self {
        UniqueKeys(f, PhantomData)
    }
}

impl<'de, R, V, F> Visitor<'de> for UniqueKeys<R, V, F>
where
    R: Deserialize<'de>,
    F: Fn(R) -> V,
{
    type Value = BTreeMap<String, V>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object with each key once")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = (self.0)(map.next_value::<R>()?);
            if let Some(_earlier) = out.insert(key, value) {
                return Err(de::Error::custom("a key appears twice in this object"));
            }
        }
        Ok(out)
    }
}

/// A JSON value whose objects, at any depth, have each key once.
struct UniqueValue(Value);

impl<'de> Deserialize<'de> for UniqueValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(UniqueValueVisitor)
    }
}

struct UniqueValueVisitor;

impl<'de> Visitor<'de> for UniqueValueVisitor {
    type Value = UniqueValue;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<UniqueValue, E> {
        Ok(UniqueValue(Value::Null))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<UniqueValue, E> {
        Ok(UniqueValue(Value::Bool(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<UniqueValue, E> {
        Ok(UniqueValue(Value::from(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<UniqueValue, E> {
        Ok(UniqueValue(Value::from(v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<UniqueValue, E> {
        serde_json::Number::from_f64(v)
            .map(|n| UniqueValue(Value::Number(n)))
            .ok_or_else(|| E::custom("not a finite number"))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<UniqueValue, E> {
        Ok(UniqueValue(Value::String(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<UniqueValue, E> {
        Ok(UniqueValue(Value::String(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<UniqueValue, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(UniqueValue(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(UniqueValue(Value::Array(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<UniqueValue, A::Error> {
        let members = UniqueKeys::new(|v: UniqueValue| v.0).visit_map(map)?;
        Ok(UniqueValue(Value::Object(members.into_iter().collect())))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::{parse_located, to_string};
    use super::*;

    const SECOND: &str = include_str!("../../tests/data/jpn-kor-gsomia-2016-11.json");

    /// Both paths on one input: the direct one's graph (if any) and the located one's answer.
    fn both(text: &str, limits: &Limits) -> (Option<Graph>, crate::Result<Graph>) {
        (load(text, limits), parse_located(text, None, limits))
    }

    /// A small valid document with the given extra members spliced into its parts.
    fn doc(root: &str, node: &str, edge: &str, step: &str) -> String {
        format!(
            r#"{{"diplograph": "1"{root}, "nodes": [
  {{"id": "src", "kind": "source", "name": "A paper", "text": "Seoul and Tokyo agree."}},
  {{"id": "KOR", "kind": "country", "name": "South Korea"{node}}},
  {{"id": "JPN", "kind": "country", "name": "Japan"}},
  {{"id": "pact", "kind": "agreement", "name": "The pact", "agreement_kind": "gsomia",
    "lifecycle": [{{"state": "signed", "date": "2016-11-23"{step}}}]}}],
 "edges": [
  {{"kind": "party_to", "from": "KOR", "to": "pact",
    "citations": [{{"source": "src", "span": [0, 22]}}]{edge}}},
  {{"kind": "party_to", "from": "JPN", "to": "pact"}}]}}"#
        )
    }

    #[test]
    fn valid_inputs_take_the_direct_path_to_the_same_graph() {
        let plain = doc("", "", "", "");
        let attested = doc(
            "",
            "",
            r#", "attested": ["2021-05", "2016-06-04", "2021-05"]"#,
            "",
        );
        for text in [
            crate::EXAMPLE_JSON,
            SECOND,
            plain.as_str(),
            attested.as_str(),
        ] {
            let (direct, located) = both(text, &Limits::default());
            let located = located.map_err(|e| e.to_string());
            let direct = direct.map(|g| to_string(&g));
            assert_eq!(direct, located.as_ref().ok().map(to_string));
        }
        // Citations given by their words alone find the same span on both paths.
        let words = plain.replacen(r#""span": [0, 22]"#, r#""text": "Tokyo agree""#, 1);
        let second = plain.replacen(r#""span": [0, 22]"#, r#""text": "o", "occurrence": 3"#, 1);
        for (text, span) in [(&words, [10, 21]), (&second, [14, 15])] {
            let (direct, located) = both(text, &Limits::default());
            let direct = direct.map(|g| to_string(&g));
            let located = located.map(|g| to_string(&g)).ok();
            assert_eq!(direct, located);
            let saved = direct.unwrap_or_default();
            let want = format!(
                "\"span\": [\n            {},\n            {}\n          ]",
                span[0], span[1]
            );
            assert!(saved.contains(&want), "{saved}");
        }
        // The example is saved by this library: loading it directly gives back its bytes.
        let example = load(crate::EXAMPLE_JSON, &Limits::default()).map(|g| to_string(&g));
        assert_eq!(example.as_deref(), Some(crate::EXAMPLE_JSON));
    }

    #[test]
    fn lengths_count_bytes_as_read_on_both_paths() {
        // `K\u004fR` is written in 8 bytes and read as the 3 of `KOR`.
        let text = doc("", "", "", "").replace(r#""from": "KOR""#, r#""from": "K\u004fR""#);
        let limits = Limits {
            max_id_len: 4,
            ..Limits::default()
        };
        let (direct, located) = both(&text, &limits);
        assert!(direct.is_some());
        assert!(located.is_ok());
        let tight = Limits {
            max_id_len: 2,
            ..Limits::default()
        };
        let (direct, located) = both(&text, &tight);
        assert!(direct.is_none());
        let codes: Vec<&str> = located
            .unwrap_err()
            .problems()
            .unwrap_or_default()
            .iter()
            .map(|p| p.code.as_str())
            .collect();
        assert_eq!(codes.first(), Some(&"limit-id-length"));
    }

    /// Each input has one problem: the direct path gives up, the located path names it.
    #[test]
    fn any_problem_sends_the_input_to_the_located_path() {
        let deep = |levels: usize| {
            format!(
                r#", "attributes": {{"a": {}1{}}}"#,
                "[".repeat(levels),
                "]".repeat(levels)
            )
        };
        let cases: Vec<(&str, String, Limits, &str)> = vec![
            (
                "a node field twice",
                doc("", r#", "name": "Korea""#, "", ""),
                Limits::default(),
                "invalid-value",
            ),
            (
                "an attribute twice",
                doc("", r#", "attributes": {"a": 1, "a": 2}"#, "", ""),
                Limits::default(),
                "invalid-value",
            ),
            (
                "a key twice inside an attribute",
                doc("", r#", "attributes": {"a": [{"x": 1, "x": 2}]}"#, "", ""),
                Limits::default(),
                "invalid-value",
            ),
            (
                "an external id scheme twice",
                doc(
                    "",
                    r#", "external_ids": {"wikidata": "Q884", "wikidata": "Q17"}"#,
                    "",
                    "",
                ),
                Limits::default(),
                "invalid-value",
            ),
            (
                "a document member twice",
                doc(r#", "title": "a", "title": "b""#, "", "", ""),
                Limits::default(),
                "invalid-value",
            ),
            (
                "an unknown document member",
                doc(r#", "nodez": []"#, "", "", ""),
                Limits::default(),
                "invalid-value",
            ),
            (
                "another format version",
                doc("", "", "", "").replacen(r#""diplograph": "1""#, r#""diplograph": "2""#, 1),
                Limits::default(),
                "unknown-version",
            ),
            (
                "no format version",
                doc("", "", "", "").replacen(r#""diplograph": "1", "#, "", 1),
                Limits::default(),
                "unknown-version",
            ),
            (
                "an id over the limit",
                doc("", "", "", ""),
                Limits {
                    max_id_len: 3,
                    ..Limits::default()
                },
                "limit-id-length",
            ),
            (
                "a name over the limit",
                doc(
                    "",
                    &format!(r#", "aliases": ["{}"]"#, "x".repeat(65)),
                    "",
                    "",
                ),
                Limits {
                    max_string_len: 64,
                    ..Limits::default()
                },
                "limit-string-length",
            ),
            (
                "a source text over the limit",
                doc("", "", "", ""),
                Limits {
                    max_source_text_len: 10,
                    ..Limits::default()
                },
                "limit-source-text-length",
            ),
            (
                "too many aliases",
                doc("", r#", "aliases": ["ROK", "Seoul"]"#, "", ""),
                Limits {
                    max_aliases: 1,
                    ..Limits::default()
                },
                "limit-aliases",
            ),
            (
                "too many citations on a lifecycle step",
                doc(
                    "",
                    "",
                    "",
                    r#", "citations": [{"source": "src"}, {"source": "src"}]"#,
                ),
                Limits {
                    max_citations: 1,
                    ..Limits::default()
                },
                "limit-citations",
            ),
            (
                "an attribute nested too deep",
                doc("", &deep(5), "", ""),
                Limits {
                    max_depth: 8,
                    ..Limits::default()
                },
                "limit-depth",
            ),
            (
                "a dangling edge",
                doc("", "", "", "").replacen(r#""from": "JPN""#, r#""from": "CHN""#, 1),
                Limits::default(),
                "dangling-reference",
            ),
            (
                "an edge between the wrong kinds",
                doc("", "", "", "").replacen(r#""to": "pact"}"#, r#""to": "KOR"}"#, 1),
                Limits::default(),
                "edge-endpoint-kind",
            ),
            (
                "an edge signed on behalf of no node",
                doc("", "", r#", "on_behalf_of": "CHN""#, ""),
                Limits::default(),
                "dangling-reference",
            ),
            (
                "an attested date outside the edge's interval",
                doc(
                    "",
                    "",
                    r#", "end": "2019", "attested": ["2016-11-23", "2021"]"#,
                    "",
                ),
                Limits::default(),
                "attested-outside-interval",
            ),
            (
                "an attested date that is not a date",
                doc("", "", r#", "attested": "2016-02-30""#, ""),
                Limits::default(),
                "invalid-date",
            ),
            (
                "a node id twice",
                doc("", "", "", "").replacen(r#""id": "JPN""#, r#""id": "KOR""#, 1),
                Limits::default(),
                "duplicate-id",
            ),
            (
                "a citation of a span past the source's text",
                doc("", "", "", "").replacen("[0, 22]", "[0, 99]", 1),
                Limits::default(),
                "span-out-of-range",
            ),
            (
                "a citation whose words are not in the source's text",
                doc("", "", "", "").replacen(r#""span": [0, 22]"#, r#""text": "Beijing""#, 1),
                Limits::default(),
                "citation-text-not-found",
            ),
            (
                "a citation whose words are in the source's text twice",
                doc("", "", "", "").replacen(r#""span": [0, 22]"#, r#""text": "o""#, 1),
                Limits::default(),
                "citation-text-ambiguous",
            ),
            (
                "a citation's occurrence past the last match",
                doc("", "", "", "").replacen(
                    r#""span": [0, 22]"#,
                    r#""text": "Tokyo", "occurrence": 2"#,
                    1,
                ),
                Limits::default(),
                "citation-text-not-found",
            ),
            (
                "a citation with both a span and an occurrence",
                doc("", "", "", "").replacen("[0, 22]", r#"[0, 22], "occurrence": 1"#, 1),
                Limits::default(),
                "kind-field",
            ),
            (
                "a lifecycle citation whose words are not found",
                doc(
                    "",
                    "",
                    "",
                    r#", "citations": [{"source": "src", "text": "Beijing"}]"#,
                ),
                Limits::default(),
                "citation-text-not-found",
            ),
            (
                "text after the document",
                format!("{} []", doc("", "", "", "")),
                Limits::default(),
                "json-syntax",
            ),
        ];
        // The base document itself is valid, on both paths, at the same limits.
        let depth_8 = Limits {
            max_depth: 8,
            ..Limits::default()
        };
        assert!(load(&doc("", &deep(4), "", ""), &depth_8).is_some());
        for (what, text, limits, code) in cases {
            let (direct, located) = both(&text, &limits);
            assert!(direct.is_none(), "{what}: the direct path accepted it");
            let problems = located.map(|_| ()).unwrap_err();
            let codes: Vec<&str> = problems
                .problems()
                .unwrap_or_default()
                .iter()
                .map(|p| p.code.as_str())
                .collect();
            assert!(codes.contains(&code), "{what}: {codes:?}");
        }
    }

    /// A valid input the direct path cannot take in one pass (edges before the nodes they
    /// name): it leaves it, without a problem, to the located path.
    #[test]
    fn unusual_valid_inputs_are_left_to_the_located_path() {
        let base = doc("", "", "", "");
        let (nodes_at, edges_at) = (base.find(r#""nodes""#), base.find(r#""edges""#));
        let (Some(nodes_at), Some(edges_at)) = (nodes_at, edges_at) else {
            unreachable!("the base document has both arrays")
        };
        let edges_first = format!(
            r#"{{"diplograph": "1", {}, {}}}"#,
            &base[edges_at..base.len() - 1],
            base[nodes_at..edges_at].trim().trim_end_matches(',')
        );
        let (direct, located) = both(&edges_first, &Limits::default());
        assert!(direct.is_none());
        assert_eq!(located.map(|g| g.edge_count()).ok(), Some(2));
    }

    /// A byte edit at a random place: a character that breaks or changes the JSON.
    fn mangled() -> impl Strategy<Value = String> {
        let text = SECOND;
        (
            0..text.len(),
            prop::sample::select(vec!["", "\"", "1", "{", "}", ",", "\\", "é", "aa", "[]"]),
            0usize..4,
        )
            .prop_map(move |(at, with, cut)| {
                let at = (0..=at)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                let end = (at + cut..=text.len())
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(text.len());
                format!("{}{with}{}", &text[..at], &text[end..])
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Whatever the input, the direct path never accepts what the located path refuses,
        /// and when it accepts, the graphs are the same.
        #[test]
        fn the_direct_path_agrees_with_the_located_one(text in mangled()) {
            let (direct, located) = both(&text, &Limits::default());
            if let Some(g) = direct {
                let located = located.map_err(|e| e.to_string());
                prop_assert_eq!(Some(to_string(&g)), located.ok().map(|g| to_string(&g)));
            }
        }
    }
}
