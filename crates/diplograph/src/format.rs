//! The native JSON format (version 1): loading with every problem located, and deterministic
//! saving. The format is documented in `docs/format.md`.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Location, Problem, ProblemCode, Result};

mod direct;
mod limits;
mod locate;
mod model_serde;
mod records;
mod write;
use crate::graph::{EdgeIndex, Graph};
use crate::model::{
    AgreementKind, AgreementTerms, Edge, EventKind, Node, NodeDetails, NodeKind, OrganizationKind,
    PlaceKind, Qualifiers, StatementText,
};
use crate::time::Interval;
use crate::validate::{self, Rejected, Subject};
pub(crate) use limits::built as built_limits;
pub use limits::Limits;
use locate::{offset_in, Locator};
use records::{DocumentIn, EdgeRecord, NodeRecord};
pub(crate) use write::edge_record_json;
pub use write::{save, to_string, write};

/// The format version this library reads and writes.
pub const FORMAT_VERSION: &str = "1";

/// Reads a graph from the native JSON format and validates it, reporting every problem with
/// its line and column. Uses the default [`Limits`].
///
/// ```
/// let text = r#"{"diplograph": "1", "nodes": [
///     {"id": "KOR", "kind": "country", "name": "South Korea"},
///     {"id": "KOR", "kind": "country", "name": "Korea"}]}"#;
/// let err = diplograph::format::from_str(text).unwrap_err();
/// let p = &err.problems().unwrap()[0];
/// assert_eq!(p.code.as_str(), "duplicate-id");
/// assert_eq!((p.location.line, p.location.column), (Some(3), Some(12))); // at the repeated id
/// ```
///
/// # Errors
/// [`Error::Invalid`] with every problem found.
pub fn from_str(text: &str) -> Result<Graph> {
    from_str_with(text, &Limits::default())
}

/// Like [`from_str`], with the given [`Limits`]. Cost: O(length of text) plus building the graph.
///
/// # Errors
/// [`Error::Invalid`] with every problem found; a `limit-…` problem when the text exceeds a limit.
pub fn from_str_with(text: &str, limits: &Limits) -> Result<Graph> {
    parse(text, None, limits)
}

/// Reads a graph from bytes (checked to be UTF-8), naming `file` in problem locations. Uses
/// the default [`Limits`].
///
/// # Errors
/// [`Error::Invalid`] with every problem found (`json-syntax` for bytes that are not UTF-8).
pub fn from_slice(bytes: &[u8], file: Option<&Path>) -> Result<Graph> {
    from_slice_with(bytes, file, &Limits::default())
}

/// Like [`from_slice`], with the given [`Limits`].
///
/// # Errors
/// As [`from_slice`]; a `limit-…` problem when the bytes exceed a limit.
pub fn from_slice_with(bytes: &[u8], file: Option<&Path>, limits: &Limits) -> Result<Graph> {
    if bytes.len() as u64 > limits.max_file_size {
        return Err(too_big(bytes.len() as u64, file, limits));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text, file, limits),
        Err(e) => {
            let good = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let text = String::from_utf8_lossy(good);
            let loc = Locator::new(&text, file).at_offset(text.len(), String::new());
            Err(Error::invalid(vec![Problem {
                code: ProblemCode::JsonSyntax,
                message: format!(
                    "the input is not valid UTF-8 (bad byte at offset {}); save it as UTF-8",
                    e.valid_up_to()
                ),
                id: None,
                location: loc,
            }]))
        }
    }
}

/// Reads and validates a graph from a file, or from a directory of Parquet tables
/// ([`crate::columnar::load_dir`]). Uses the default [`Limits`].
///
/// # Errors
/// [`Error::Io`] when the file cannot be read; [`Error::Invalid`] with every problem found.
pub fn load(path: impl AsRef<Path>) -> Result<Graph> {
    load_with(path, &Limits::default())
}

/// Like [`load`], with the given [`Limits`]. A file larger than `max_file_size` is refused
/// before it is read. (A directory of Parquet tables is read as by [`crate::columnar::load_dir`],
/// which applies no size limits.)
///
/// # Errors
/// As [`load`]; a `limit-…` problem when the file exceeds a limit.
pub fn load_with(path: impl AsRef<Path>, limits: &Limits) -> Result<Graph> {
    use std::io::Read;
    let path = path.as_ref();
    if crate::columnar::is_columnar_dir(path) {
        return crate::columnar::load_dir(path);
    }
    let io = |source| Error::Io {
        action: "cannot read",
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > limits.max_file_size {
        return Err(too_big(size, Some(path), limits));
    }
    // The size may be unknown (a pipe) or grow while we read: never read past the limit + 1.
    let mut bytes = Vec::new();
    file.take(limits.max_file_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    from_slice_with(&bytes, Some(path), limits)
}

fn too_big(size: u64, file: Option<&Path>, limits: &Limits) -> Error {
    Error::invalid(vec![Problem {
        code: ProblemCode::LimitFileSize,
        message: limits::exceeded(
            "the input",
            format!("{size} bytes"),
            "max_file_size",
            format!("{} bytes", limits.max_file_size),
        ),
        id: None,
        location: Location {
            file: file.map(Path::to_path_buf),
            ..Location::default()
        },
    }])
}

fn parse(text: &str, file: Option<&Path>, limits: &Limits) -> Result<Graph> {
    if text.len() as u64 > limits.max_file_size {
        return Err(too_big(text.len() as u64, file, limits));
    }
    // Most inputs are valid: read those in one pass. Any problem at all, and the located path
    // reads the input again to say what and where.
    if let Some(graph) = direct::load(text, limits) {
        return Ok(graph);
    }
    parse_located(text, file, limits)
}

/// The loader that finds and places every problem: a scan for limits and repeated keys, then
/// each element parsed on its own with its JSON path tracked and its offset kept.
fn parse_located(text: &str, file: Option<&Path>, limits: &Limits) -> Result<Graph> {
    let loc = Locator::new(text, file);
    if text.starts_with('\u{feff}') {
        return Err(Error::invalid(vec![Problem {
            code: ProblemCode::JsonSyntax,
            message: "the input starts with a byte-order mark; save it as UTF-8 without one".into(),
            id: None,
            location: loc.at_line_col(1, 1, String::new()),
        }]));
    }
    // Limits and repeated keys first, before anything is built.
    let found = limits::scan(text, limits);
    if !found.is_empty() {
        let problems = found
            .into_iter()
            .map(|f| Problem {
                code: f.code,
                message: f.message,
                id: None,
                location: loc.at_offset(f.offset, f.path),
            })
            .collect();
        return Err(Error::invalid(problems));
    }
    let doc: DocumentIn<'_> = deserialize_located(text).map_err(|(pointer, e)| {
        let (code, message) = if e.is_eof() {
            let m = format!(
                "the JSON ends too soon (truncated file?): {}",
                bare_message(&e)
            );
            (ProblemCode::JsonSyntax, m)
        } else if e.is_syntax() {
            (
                ProblemCode::JsonSyntax,
                format!("malformed JSON: {}", bare_message(&e)),
            )
        } else {
            (ProblemCode::InvalidValue, bare_message(&e))
        };
        let location = if pointer.is_empty() || !e.is_data() {
            loc.at_line_col(e.line(), e.column(), String::new())
        } else {
            loc.at_pointer(0, "", &pointer)
        };
        Error::invalid(vec![Problem {
            code,
            message,
            id: None,
            location,
        }])
    })?;

    let mut problems: Vec<Problem> = Vec::new();
    let version_ok =
        matches!(&doc.diplograph, Some(serde_json::Value::String(v)) if v == FORMAT_VERSION);
    if !version_ok {
        let found = doc
            .diplograph
            .as_ref()
            .map_or_else(|| "none".to_owned(), ToString::to_string);
        problems.push(Problem {
            code: ProblemCode::UnknownVersion,
            message: format!(
                "this file declares format version {found}; this library reads version \"{FORMAT_VERSION}\" (set \"diplograph\": \"{FORMAT_VERSION}\")"
            ),
            id: None,
            location: loc.at_pointer(0, "", "/diplograph"),
        });
    }

    let mut graph = Graph::new();
    graph.title = doc.title;
    graph.description = doc.description;
    // Where each node (by id) and each edge (by index) starts in the text.
    let mut node_at: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    // The nodes rejected before they could join the graph, with the index in `problems` of
    // the first problem each one has: references to them are counted there, not reported.
    let mut broken_ids: HashMap<String, usize> = HashMap::new();
    for (i, raw) in doc.nodes.iter().enumerate() {
        let base = offset_in(text, raw.get());
        let path = format!("/nodes/{i}");
        let record: NodeRecord<'_> = match deserialize_located(raw.get()) {
            Ok(r) => r,
            Err(e) => {
                if let Some(id) = serde_json::from_str::<serde_json::Value>(raw.get())
                    .ok()
                    .and_then(|v| v.get("id").and_then(|v| v.as_str()).map(str::to_owned))
                {
                    broken_ids.entry(id).or_insert(problems.len());
                }
                problems.push(element_error(&loc, base, raw.get(), &path, &e));
                continue;
            }
        };
        let id = record.id.to_string();
        let node = match node_from_record(record) {
            Ok(n) => n,
            Err(ps) => {
                broken_ids.entry(id.clone()).or_insert(problems.len());
                problems.extend(ps.into_iter().map(|p| relocate(&loc, base, &path, p)));
                continue;
            }
        };
        let local = validate::check_node(&node);
        if let Some(&(first, _)) = node_at.get(&id) {
            problems.push(relocate(
                &loc,
                base,
                &path,
                Problem::new(
                    ProblemCode::DuplicateId,
                    format!(
                        "the id `{id}` is already used by node {first} (at {})",
                        loc.at_offset(node_at.get(&id).map_or(0, |v| v.1), String::new())
                    ),
                    "/id",
                )
                .with_id(&id),
            ));
            continue;
        }
        problems.extend(
            local
                .iter()
                .cloned()
                .map(|p| relocate(&loc, base, &path, p)),
        );
        node_at.insert(id, (i, base));
        graph.insert_node_unchecked(node);
    }

    let mut rejected = Rejected::default();
    for id in broken_ids.keys() {
        rejected.insert(id.clone());
    }
    rejected.keep_absent(&graph);
    // Where each inserted edge was written (its number and offset), by edge index.
    let mut edge_at: HashMap<EdgeIndex, (usize, usize)> = HashMap::new();
    for (i, raw) in doc.edges.iter().enumerate() {
        let base = offset_in(text, raw.get());
        let path = format!("/edges/{i}");
        let record: EdgeRecord<'_> = match deserialize_located(raw.get()) {
            Ok(r) => r,
            Err(e) => {
                problems.push(element_error(&loc, base, raw.get(), &path, &e));
                continue;
            }
        };
        let from_gone = rejected.hides(&record.from, validate::Hides::Edge);
        let to_gone = rejected.hides(&record.to, validate::Hides::Edge);
        if from_gone || to_gone {
            // The node itself was reported; do not pile dangling references on top. The other
            // end lost an edge: its rules that count edges are not checked either.
            if from_gone && !to_gone {
                rejected.lose_edge(&record.from, &record.to);
            } else if to_gone && !from_gone {
                rejected.lose_edge(&record.to, &record.from);
            }
            continue;
        }
        // Borrowed ids: no copy of either end.
        let (from, to) = (record.from.clone(), record.to.clone());
        let edge = edge_from_record(record);
        let mut local = validate::check_relation(&graph, &from, &to, &edge);
        if let Some(party) = edge.on_behalf_of() {
            if graph.index_of(party).is_none() && rejected.hides(party, validate::Hides::Reference)
            {
                local.retain(|p| p.location.path != "/on_behalf_of");
            }
        }
        if let Some(state) = edge.acting_for() {
            if graph.index_of(state).is_none() && rejected.hides(state, validate::Hides::Reference)
            {
                local.retain(|p| p.location.path != "/acting_for");
            }
        }
        if let Some(place) = edge.place() {
            if graph.index_of(place).is_none() && rejected.hides(place, validate::Hides::Reference)
            {
                local.retain(|p| p.location.path != "/place");
            }
        }
        if !local.is_empty() {
            problems.extend(local.into_iter().map(|p| relocate(&loc, base, &path, p)));
            continue;
        }
        // Checked just above: insert without checking the edge a second time.
        if let (Some(f), Some(t)) = (graph.index_of(&from), graph.index_of(&to)) {
            edge_at.insert(graph.insert_edge_unchecked(f, t, edge), (i, base));
        }
    }

    // Words cited without a span find it before the rules check it.
    validate::resolve_spans(&mut graph);
    for (subject, p) in validate::check_graph_with(&graph, &mut rejected) {
        let (path, base) = match &subject {
            Subject::Node(id) => match node_at.get(id) {
                Some(&(i, base)) => (format!("/nodes/{i}"), base),
                None => (String::new(), 0),
            },
            Subject::Edge(ix) => match edge_at.get(ix) {
                Some(&(i, base)) => (format!("/edges/{i}"), base),
                None => (String::new(), 0),
            },
        };
        problems.push(relocate(&loc, base, &path, p));
    }

    // One cause, one problem: each rejected node's first problem says what it hides.
    for (id, &at) in &broken_ids {
        if let (Some(note), Some(p)) = (rejected.note(id), problems.get_mut(at)) {
            p.message.push_str(&note);
        }
    }
    if problems.is_empty() {
        Ok(graph)
    } else {
        problems.sort_by(|a, b| {
            (a.location.line, a.location.column, a.code).cmp(&(
                b.location.line,
                b.location.column,
                b.code,
            ))
        });
        Err(Error::invalid(problems))
    }
}

fn relocate(loc: &Locator<'_>, base: usize, element_path: &str, mut p: Problem) -> Problem {
    let pointer = std::mem::take(&mut p.location.path);
    p.location = loc.at_pointer(base, element_path, &pointer);
    p
}

/// Deserializes `raw`; on failure also says which value failed, as a JSON pointer within
/// `raw` (empty when no single value is to blame, as for malformed JSON).
fn deserialize_located<'a, T: Deserialize<'a>>(
    raw: &'a str,
) -> std::result::Result<T, (String, serde_json::Error)> {
    let mut de = serde_json::Deserializer::from_str(raw);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let mut pointer = String::new();
        for segment in e.path().iter() {
            match segment {
                serde_path_to_error::Segment::Seq { index } => {
                    pointer.push_str(&format!("/{index}"));
                }
                serde_path_to_error::Segment::Map { key } => {
                    pointer.push('/');
                    pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                }
                _ => {}
            }
        }
        (pointer, e.into_inner())
    })?;
    de.end().map_err(|e| (String::new(), e))?;
    Ok(value)
}

/// serde_json's message without its " at line L column C" (the location is reported apart).
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    full.rsplit_once(" at line ")
        .map_or(full.clone(), |(m, _)| m.to_owned())
}

fn element_error(
    loc: &Locator<'_>,
    base: usize,
    raw: &str,
    path: &str,
    (pointer, e): &(String, serde_json::Error),
) -> Problem {
    let message = bare_message(e);
    let code = if message.contains(" is not a date: ") {
        ProblemCode::InvalidDate
    } else {
        ProblemCode::InvalidValue
    };
    let id = serde_json::from_str::<serde_json::Value>(raw)
        .ok()
        .and_then(|v| v.get("id").and_then(|v| v.as_str()).map(str::to_owned));
    let location = if pointer.is_empty() {
        // No value to blame (a missing or unknown field): use serde_json's position within the
        // element, turned into a file offset.
        let before: usize = raw
            .split_inclusive('\n')
            .take(e.line().saturating_sub(1))
            .map(str::len)
            .sum();
        let line = raw.get(before..).unwrap_or_default();
        let column: usize = line
            .chars()
            .take(e.column().saturating_sub(1))
            .map(char::len_utf8)
            .sum();
        loc.at_offset(base + before + column, path.to_owned())
    } else {
        loc.at_pointer(base, path, pointer)
    };
    Problem {
        code,
        message,
        id,
        location,
    }
}

fn node_from_record(r: NodeRecord<'_>) -> std::result::Result<Node, Vec<Problem>> {
    let id = r.id.to_string();
    let mut problems = Vec::new();
    let kind = r.kind;
    {
        let mut field = |present: bool, name: &str, wanted: &[NodeKind]| {
            if present && !wanted.contains(&kind) {
                let kinds: Vec<&str> = wanted.iter().map(|k| k.as_str()).collect();
                problems.push(
                    Problem::new(
                        ProblemCode::KindField,
                        format!(
                            "node `{id}`: `{name}` belongs on {} nodes, not on a {kind}",
                            kinds.join("/")
                        ),
                        format!("/{name}"),
                    )
                    .with_id(&id),
                );
            }
        };
        field(r.org_kind.is_some(), "org_kind", &[NodeKind::Organization]);
        field(
            r.agreement_kind.is_some(),
            "agreement_kind",
            &[NodeKind::Agreement],
        );
        field(r.lifecycle.is_some(), "lifecycle", &[NodeKind::Agreement]);
        field(r.binding.is_some(), "binding", &[NodeKind::Agreement]);
        field(r.renewal.is_some(), "renewal", &[NodeKind::Agreement]);
        field(r.vote.is_some(), "vote", &[NodeKind::Agreement]);
        field(r.event_kind.is_some(), "event_kind", &[NodeKind::Event]);
        field(r.place_kind.is_some(), "place_kind", &[NodeKind::Place]);
        field(
            r.date.is_some(),
            "date",
            &[NodeKind::Event, NodeKind::Statement, NodeKind::Source],
        );
        field(r.end.is_some(), "end", &[NodeKind::Event]);
        field(r.place.is_some(), "place", &[NodeKind::Event]);
        field(r.status.is_some(), "status", &[NodeKind::Event]);
        field(r.quote.is_some(), "quote", &[NodeKind::Statement]);
        field(r.paraphrase.is_some(), "paraphrase", &[NodeKind::Statement]);
        field(r.cue.is_some(), "cue", &[NodeKind::Statement]);
        let speakers = [NodeKind::Person, NodeKind::Organization];
        field(r.unnamed.is_some(), "unnamed", &speakers);
        field(r.description.is_some(), "description", &speakers);
        field(r.url.is_some(), "url", &[NodeKind::Source]);
        field(r.text.is_some(), "text", &[NodeKind::Source]);
    }
    let unnamed = match (r.unnamed, r.description) {
        (Some(true), Some(d)) => Some(d.into_owned()),
        (Some(true), None) => {
            problems.push(
                Problem::new(
                    ProblemCode::KindField,
                    format!("node `{id}`: an unnamed {kind} needs `description`, the words the sources use (\"a senior US official\")"),
                    "",
                )
                .with_id(&id),
            );
            None
        }
        (Some(false), _) => {
            problems.push(
                Problem::new(
                    ProblemCode::KindField,
                    format!(
                        "node `{id}`: `unnamed` is only ever `true`; leave it out for a named {kind}"
                    ),
                    "/unnamed",
                )
                .with_id(&id),
            );
            None
        }
        (None, Some(_)) => {
            problems.push(
                Problem::new(
                    ProblemCode::KindField,
                    format!(
                        "node `{id}`: `description` describes an unnamed {kind}: add `\"unnamed\": true`, or drop it"
                    ),
                    "/description",
                )
                .with_id(&id),
            );
            None
        }
        (None, None) => None,
    };
    let mut require = |present: bool, name: &str| {
        if !present {
            problems.push(
                Problem::new(
                    ProblemCode::KindField,
                    format!("node `{id}`: a {kind} needs `{name}`"),
                    "",
                )
                .with_id(&id),
            );
        }
    };
    let details = match kind {
        NodeKind::Country => NodeDetails::Country,
        NodeKind::Person => NodeDetails::Person,
        NodeKind::Organization => {
            require(r.org_kind.is_some(), "org_kind");
            NodeDetails::Organization {
                kind: r.org_kind.unwrap_or(OrganizationKind::Other),
            }
        }
        NodeKind::Agreement => {
            require(r.agreement_kind.is_some(), "agreement_kind");
            let terms = AgreementTerms {
                binding: r.binding.map(Cow::into_owned),
                renewal: r.renewal.map(Cow::into_owned),
                vote: r.vote.map(Cow::into_owned),
            };
            NodeDetails::Agreement {
                kind: r.agreement_kind.unwrap_or(AgreementKind::Other),
                lifecycle: r.lifecycle.map(Cow::into_owned).unwrap_or_default(),
                terms: (!terms.is_empty()).then(|| Box::new(terms)),
            }
        }
        NodeKind::Event => {
            require(r.event_kind.is_some(), "event_kind");
            NodeDetails::Event {
                kind: r.event_kind.unwrap_or(EventKind::Other),
                when: Interval::new(r.date, r.end.unwrap_or(r.date)),
                place: r.place.map(Cow::into_owned),
                status: r.status.unwrap_or_default(),
            }
        }
        NodeKind::Statement => {
            let text = StatementText::from_fields(
                &id,
                r.quote.map(Cow::into_owned),
                r.paraphrase.map(Cow::into_owned),
            )
            .unwrap_or_else(|e| {
                problems.extend(e.problems().unwrap_or_default().iter().cloned());
                StatementText::Paraphrase(String::new())
            });
            NodeDetails::Statement {
                text,
                date: r.date,
                cue: r.cue.map(Cow::into_owned),
            }
        }
        NodeKind::Place => {
            require(r.place_kind.is_some(), "place_kind");
            NodeDetails::Place {
                kind: r.place_kind.unwrap_or(PlaceKind::Other),
            }
        }
        NodeKind::Source => NodeDetails::Source {
            date: r.date,
            url: r.url.map(Cow::into_owned),
            text: r.text.map(Cow::into_owned),
        },
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Node {
        id,
        name: r.name.into_owned(),
        aliases: r.aliases.into_iter().map(Cow::into_owned).collect(),
        external_ids: r.external_ids.into_owned(),
        details,
        unnamed,
        attributes: r.attributes.into_owned(),
        citations: r.citations.into_owned(),
    })
}

fn edge_from_record(r: EdgeRecord<'_>) -> Edge {
    let q = Qualifiers {
        title: r.title.map(Cow::into_owned),
        on_behalf_of: r.on_behalf_of.map(Cow::into_owned),
        position: r.position,
        // Chain 1 is the default: kept as none, so `"chain": 1` and no chain are one fact.
        chain: r.chain.filter(|c| *c != 1),
        share: r.share,
        amount: r.amount.map(Cow::into_owned),
        relation: r.relation.map(Cow::into_owned),
        // `member` is the default: written or not, it means the same.
        role: r.role.filter(|role| !role.is_default()),
        acting_for: r.acting_for.map(Cow::into_owned),
        place: r.place.map(Cow::into_owned),
    };
    Edge {
        kind: r.kind,
        valid: Interval::new(r.start, r.end),
        attested: {
            let mut dates = r.attested.into_owned();
            crate::model::normalize_attested(&mut dates);
            dates
        },
        qualifiers: (q != Qualifiers::default()).then(|| Box::new(q)),
        attributes: r.attributes.into_owned(),
        citations: r.citations.into_owned(),
    }
}
