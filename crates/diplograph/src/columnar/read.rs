//! Reading a graph's tables back: every row turned into its model value, every problem located
//! by table, row and column, then the same node, edge and whole-graph rules as the native
//! loader.
#![expect(
    clippy::result_large_err,
    reason = "each row reader returns its row's one located problem, on the error path only; \
              boxing it would cost an allocation per bad row for nothing"
)]

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use arrow::array::{
    new_null_array, Array, ArrayRef, AsArray, BooleanArray, Float64Array, ListArray, RecordBatch,
    RecordBatchReader, StringArray, UInt32Array, UInt64Array,
};
use arrow::datatypes::{DataType, Field, Float64Type, UInt32Type, UInt64Type};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::table_path;
use crate::error::{Error, Location, Problem, ProblemCode, Result};
use crate::format::FORMAT_VERSION;
use crate::graph::{EdgeIndex, Graph};
use crate::model::{
    AgreementKind, AgreementTerms, Attributes, Binding, Cue, Edge, EdgeKind, EventKind,
    LifecycleState, LifecycleStep, Node, NodeDetails, NodeKind, OrganizationKind, PartyRole,
    PlaceKind, Qualifiers, Renewal, StatementText, Status, Vote,
};
use crate::provenance::{Citation, Span};
use crate::time::{Interval, PartialDate};
use crate::validate::{self, Subject};

/// Reads a graph from a directory of Parquet tables written by [`super::write_dir`] (or by any
/// engine, to the schema of `docs/export.md`), and validates it as the native loader does.
///
/// Columns may be of any type that casts to the documented one (large or view strings, other
/// integer widths); a nullable column may be left out (all null); the derived columns
/// (`*_earliest`, `*_latest`) and the `reporting_chains` table are not read.
///
/// # Errors
/// [`Error::Io`] when a table cannot be read; [`Error::Invalid`] with every problem found,
/// each located by table file, row (counting from 1) and column.
pub fn load_dir(dir: &Path) -> Result<Graph> {
    let mut problems = Vec::new();
    let graph_t = Tab::read(dir, "graph")?;
    let mut graph = Graph::new();
    read_graph_row(&graph_t, &mut graph, &mut problems);

    let cites = read_citations(&Tab::read(dir, "citations")?, &mut problems);
    let mut owners = cites;
    let mut steps = read_steps(&Tab::read(dir, "lifecycle")?, &mut owners, &mut problems);
    let mut terms = read_terms(&Tab::read(dir, "terms")?, &mut owners, &mut problems);
    let mut texts = read_texts(&Tab::read(dir, "source_texts")?, &mut problems);

    let nodes_t = Tab::read(dir, "nodes")?;
    let mut node_row: HashMap<String, usize> = HashMap::new();
    {
        let cols = NodeCols::new(&nodes_t, &mut problems);
        if let Some(cols) = cols {
            for row in 0..nodes_t.rows() {
                let node = match cols.node(row, &mut owners, &mut steps, &mut terms, &mut texts) {
                    Ok(n) => n,
                    Err(p) => {
                        problems.push(p);
                        continue;
                    }
                };
                if let Some(first) = node_row.get(&node.id) {
                    problems.push(nodes_t.problem(
                        ProblemCode::DuplicateId,
                        format!("the id `{}` is already used by row {}", node.id, first + 1),
                        row,
                        "id",
                    ));
                    continue;
                }
                for p in validate::check_node(&node) {
                    problems.push(nodes_t.locate(p, row));
                }
                node_row.insert(node.id.clone(), row);
                graph.insert_node_unchecked(node);
            }
        }
    }
    for (agreement, rows) in steps {
        if let Some((_, row, _)) = rows.first() {
            problems.push(Tab::stray(dir, "lifecycle", *row, "agreement", &agreement));
        }
    }
    for (agreement, (row, _)) in terms {
        problems.push(Tab::stray(dir, "terms", row, "agreement", &agreement));
    }
    for (source, (row, _)) in texts {
        problems.push(Tab::stray(dir, "source_texts", row, "source", &source));
    }

    let edges_t = Tab::read(dir, "edges")?;
    let mut edge_row: HashMap<EdgeIndex, usize> = HashMap::new();
    if let Some(cols) = EdgeCols::new(&edges_t, &mut problems) {
        let mut seen: HashMap<u64, usize> = HashMap::new();
        for row in 0..edges_t.rows() {
            let (number, from, to, mut edge) = match cols.edge(row) {
                Ok(e) => e,
                Err(p) => {
                    problems.push(p);
                    continue;
                }
            };
            if let Some(first) = seen.insert(number, row) {
                problems.push(edges_t.problem(
                    ProblemCode::DuplicateId,
                    format!("edge number {number} is already used by row {}", first + 1),
                    row,
                    "edge",
                ));
                continue;
            }
            edge.citations = take_cited(&mut owners, &Owner::Edge(number));
            let local = validate::check_relation(&graph, &from, &to, &edge);
            if !local.is_empty() {
                problems.extend(local.into_iter().map(|p| edges_t.locate(p, row)));
                continue;
            }
            if let (Some(f), Some(t)) = (graph.index_of(&from), graph.index_of(&to)) {
                edge_row.insert(graph.insert_edge_unchecked(f, t, edge), row);
            }
        }
    }
    let citations_file = table_path(dir, "citations");
    for (owner, cited) in owners {
        if let Some(&(_, row, _)) = cited.first() {
            problems.push(stray_citation(&citations_file, row, &owner));
        }
    }

    validate::resolve_spans(&mut graph);
    for (subject, p) in validate::check_graph(&graph) {
        let located = match &subject {
            Subject::Node(id) => node_row.get(id).map(|&row| nodes_t.locate(p.clone(), row)),
            Subject::Edge(ix) => edge_row.get(ix).map(|&row| edges_t.locate(p.clone(), row)),
        };
        problems.push(located.unwrap_or(p));
    }
    if problems.is_empty() {
        Ok(graph)
    } else {
        Err(Error::invalid(problems))
    }
}

/// One table, read whole.
struct Tab {
    file: PathBuf,
    batch: RecordBatch,
}

impl Tab {
    fn read(dir: &Path, name: &str) -> Result<Tab> {
        let file = table_path(dir, name);
        let io = |source| Error::Io {
            action: "cannot read",
            path: file.clone(),
            source,
        };
        let bad = |e: parquet::errors::ParquetError| io(std::io::Error::other(e));
        let f = std::fs::File::open(&file).map_err(io)?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(f)
            .map_err(bad)?
            .with_batch_size(64 * 1024)
            .build()
            .map_err(bad)?;
        let schema = reader.schema();
        let batches = reader
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| bad(e.into()))?;
        let batch = arrow::compute::concat_batches(&schema, &batches).map_err(|e| bad(e.into()))?;
        Ok(Tab { file, batch })
    }

    fn rows(&self) -> usize {
        self.batch.num_rows()
    }

    fn at(&self, row: Option<usize>, column: &str) -> Location {
        Location {
            file: Some(self.file.clone()),
            path: match row {
                Some(r) => format!("row {}, column `{column}`", r + 1),
                None => format!("column `{column}`"),
            },
            line: None,
            column: None,
        }
    }

    fn problem(&self, code: ProblemCode, message: String, row: usize, column: &str) -> Problem {
        Problem {
            code,
            message,
            id: None,
            location: self.at(Some(row), column),
        }
    }

    /// A problem found by the model's rules (its path a JSON pointer into the record), placed
    /// at the row: the pointer's first key is the column.
    fn locate(&self, mut p: Problem, row: usize) -> Problem {
        let pointer = std::mem::take(&mut p.location.path);
        let mut keys = pointer.trim_start_matches('/').splitn(2, '/');
        let column = keys.next().filter(|c| !c.is_empty()).unwrap_or("id");
        let mut location = self.at(Some(row), column);
        if let Some(rest) = keys.next() {
            location.path.push_str(&format!(" at /{rest}"));
        }
        p.location = location;
        p
    }

    fn stray(dir: &Path, table: &str, row: usize, column: &str, id: &str) -> Problem {
        Problem {
            code: ProblemCode::DanglingReference,
            message: format!(
                "`{id}` is no node of its kind in nodes.parquet; add the node or drop the row"
            ),
            id: Some(id.to_owned()),
            location: Location {
                file: Some(table_path(dir, table)),
                path: format!("row {}, column `{column}`", row + 1),
                line: None,
                column: None,
            },
        }
    }

    /// A column cast to `ty`; a missing column is all null when `nullable`, else a problem.
    fn column(
        &self,
        name: &str,
        ty: &DataType,
        nullable: bool,
        problems: &mut Vec<Problem>,
    ) -> Option<ArrayRef> {
        let Some(col) = self.batch.column_by_name(name) else {
            if nullable {
                return Some(new_null_array(ty, self.rows()));
            }
            problems.push(Problem {
                code: ProblemCode::InvalidValue,
                message: format!("the table has no column `{name}`, which it needs"),
                id: None,
                location: self.at(None, name),
            });
            return None;
        };
        match arrow::compute::cast(col, ty) {
            Ok(c) => Some(c),
            Err(_) => {
                problems.push(Problem {
                    code: ProblemCode::InvalidValue,
                    message: format!(
                        "column `{name}` holds {}, not {ty} (see docs/export.md, Parquet)",
                        col.data_type()
                    ),
                    id: None,
                    location: self.at(None, name),
                });
                None
            }
        }
    }

    fn strings(&self, name: &str, nullable: bool, ps: &mut Vec<Problem>) -> Option<StringArray> {
        self.column(name, &DataType::Utf8, nullable, ps)
            .map(|c| c.as_string::<i32>().clone())
    }

    fn u32s(&self, name: &str, nullable: bool, ps: &mut Vec<Problem>) -> Option<UInt32Array> {
        self.column(name, &DataType::UInt32, nullable, ps)
            .map(|c| c.as_primitive::<UInt32Type>().clone())
    }

    fn u64s(&self, name: &str, nullable: bool, ps: &mut Vec<Problem>) -> Option<UInt64Array> {
        self.column(name, &DataType::UInt64, nullable, ps)
            .map(|c| c.as_primitive::<UInt64Type>().clone())
    }

    fn f64s(&self, name: &str, ps: &mut Vec<Problem>) -> Option<Float64Array> {
        self.column(name, &DataType::Float64, true, ps)
            .map(|c| c.as_primitive::<Float64Type>().clone())
    }

    fn bools(&self, name: &str, ps: &mut Vec<Problem>) -> Option<BooleanArray> {
        self.column(name, &DataType::Boolean, true, ps)
            .map(|c| c.as_boolean().clone())
    }

    fn lists(&self, name: &str, ps: &mut Vec<Problem>) -> Option<ListArray> {
        let ty = DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)));
        self.column(name, &ty, true, ps)
            .map(|c| c.as_list::<i32>().clone())
    }

    // Per-row readers: `Err` is the row's problem, located.

    fn req<'a>(&self, a: &'a StringArray, row: usize, col: &str) -> Result<&'a str, Problem> {
        opt(a, row).ok_or_else(|| {
            self.problem(
                ProblemCode::InvalidValue,
                format!("`{col}` is null; every row needs one"),
                row,
                col,
            )
        })
    }

    fn parse<T: FromStr>(
        &self,
        a: &StringArray,
        row: usize,
        col: &str,
    ) -> Result<Option<T>, Problem>
    where
        T::Err: std::fmt::Display,
    {
        opt(a, row)
            .map(|s| {
                s.parse::<T>().map_err(|e| {
                    let code = if e.to_string().contains(" is not a date: ") {
                        ProblemCode::InvalidDate
                    } else {
                        ProblemCode::InvalidValue
                    };
                    self.problem(code, e.to_string(), row, col)
                })
            })
            .transpose()
    }

    fn list(&self, a: &ListArray, row: usize, col: &str) -> Result<Vec<String>, Problem> {
        if a.is_null(row) {
            return Ok(Vec::new());
        }
        let values = a.value(row);
        let values = values.as_string::<i32>();
        values
            .iter()
            .map(|v| {
                v.map(str::to_owned).ok_or_else(|| {
                    self.problem(
                        ProblemCode::InvalidValue,
                        format!("`{col}` holds a null item; leave it out"),
                        row,
                        col,
                    )
                })
            })
            .collect()
    }

    fn json<T: serde::de::DeserializeOwned + Default>(
        &self,
        a: &StringArray,
        row: usize,
        col: &str,
    ) -> Result<T, Problem> {
        match opt(a, row) {
            None => Ok(T::default()),
            Some(text) => serde_json::from_str(text).map_err(|e| {
                self.problem(
                    ProblemCode::InvalidValue,
                    format!("`{col}` is not a JSON object of the documented shape: {e}"),
                    row,
                    col,
                )
            }),
        }
    }
}

fn opt(a: &StringArray, row: usize) -> Option<&str> {
    (!a.is_null(row)).then(|| a.value(row))
}

fn num<T: arrow::datatypes::ArrowPrimitiveType>(
    a: &arrow::array::PrimitiveArray<T>,
    row: usize,
) -> Option<T::Native> {
    (!a.is_null(row)).then(|| a.value(row))
}

fn read_graph_row(t: &Tab, graph: &mut Graph, problems: &mut Vec<Problem>) {
    let (Some(version), Some(title), Some(description)) = (
        t.strings("diplograph", false, problems),
        t.strings("title", true, problems),
        t.strings("description", true, problems),
    ) else {
        return;
    };
    if t.rows() != 1 {
        problems.push(Problem {
            code: ProblemCode::InvalidValue,
            message: format!("the graph table has {} rows; it has exactly one", t.rows()),
            id: None,
            location: t.at(None, "diplograph"),
        });
        return;
    }
    if opt(&version, 0) != Some(FORMAT_VERSION) {
        problems.push(t.problem(
            ProblemCode::UnknownVersion,
            format!(
                "these tables declare format version {}; this library reads version \"{FORMAT_VERSION}\"",
                opt(&version, 0).unwrap_or("none")
            ),
            0,
            "diplograph",
        ));
    }
    graph.title = opt(&title, 0).map(str::to_owned);
    graph.description = opt(&description, 0).map(str::to_owned);
}

/// What a citation belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Owner {
    Node(String),
    Edge(u64),
    Step(String, u32),
    Cue(String),
    Binding(String),
    Renewal(String),
    Vote(String),
}

/// Citations by owner, each with its number in the owner's list and its row.
type Cited = HashMap<Owner, Vec<(u32, usize, Citation)>>;

fn take_cited(owners: &mut Cited, owner: &Owner) -> Vec<Citation> {
    let mut cited = owners.remove(owner).unwrap_or_default();
    cited.sort_by_key(|c| c.0);
    cited.into_iter().map(|c| c.2).collect()
}

fn stray_citation(file: &Path, row: usize, owner: &Owner) -> Problem {
    let what = match owner {
        Owner::Node(id) => format!("node `{id}`"),
        Owner::Edge(n) => format!("edge number {n}"),
        Owner::Step(id, s) => format!("step {s} of agreement `{id}`"),
        Owner::Cue(id) => format!("the cue of statement `{id}`"),
        Owner::Binding(id) | Owner::Renewal(id) | Owner::Vote(id) => {
            format!("the terms of agreement `{id}`")
        }
    };
    let column = if matches!(owner, Owner::Edge(_)) {
        "edge"
    } else {
        "node"
    };
    Problem {
        code: ProblemCode::DanglingReference,
        message: format!("this citation belongs to {what}, which the tables do not hold"),
        id: None,
        location: Location {
            file: Some(file.to_path_buf()),
            path: format!("row {}, column `{column}`", row + 1),
            line: None,
            column: None,
        },
    }
}

fn read_citations(t: &Tab, problems: &mut Vec<Problem>) -> Cited {
    let mut out = Cited::new();
    let cols = (
        t.strings("owner", false, problems),
        t.strings("node", true, problems),
        t.u64s("edge", true, problems),
        t.u32s("step", true, problems),
        t.u32s("citation", false, problems),
        t.strings("source", false, problems),
        t.u64s("span_start", true, problems),
        t.u64s("span_end", true, problems),
        t.strings("text", true, problems),
        t.u32s("occurrence", true, problems),
        t.lists("via", problems),
        t.f64s("confidence", problems),
    );
    let (
        Some(owner),
        Some(node),
        Some(edge),
        Some(step),
        Some(number),
        Some(source),
        Some(span_start),
        Some(span_end),
        Some(text),
        Some(occurrence),
        Some(via),
        Some(confidence),
    ) = cols
    else {
        return out;
    };
    for row in 0..t.rows() {
        let one = || -> Result<(Owner, u32, Citation), Problem> {
            let kind = t.req(&owner, row, "owner")?;
            let node_id = || t.req(&node, row, "node").map(str::to_owned);
            let key = match kind {
                "node" => Owner::Node(node_id()?),
                "edge" => Owner::Edge(num(&edge, row).ok_or_else(|| {
                    t.problem(
                        ProblemCode::InvalidValue,
                        "`edge` is null; a citation of an edge names its number".into(),
                        row,
                        "edge",
                    )
                })?),
                "step" => Owner::Step(
                    node_id()?,
                    num(&step, row).ok_or_else(|| {
                        t.problem(
                            ProblemCode::InvalidValue,
                            "`step` is null; a citation of a lifecycle step names its number"
                                .into(),
                            row,
                            "step",
                        )
                    })?,
                ),
                "cue" => Owner::Cue(node_id()?),
                "binding" => Owner::Binding(node_id()?),
                "renewal" => Owner::Renewal(node_id()?),
                "vote" => Owner::Vote(node_id()?),
                other => {
                    return Err(t.problem(
                        ProblemCode::InvalidValue,
                        format!("unknown owner `{other}`; expected one of: node, edge, step, cue, binding, renewal, vote"),
                        row,
                        "owner",
                    ))
                }
            };
            let span = match (num(&span_start, row), num(&span_end, row)) {
                (Some(s), Some(e)) => Some(Span {
                    start: usize::try_from(s).unwrap_or(usize::MAX),
                    end: usize::try_from(e).unwrap_or(usize::MAX),
                }),
                (None, None) => None,
                (s, _) => {
                    return Err(t.problem(
                        ProblemCode::InvalidValue,
                        "a span has both ends or neither".into(),
                        row,
                        if s.is_some() {
                            "span_end"
                        } else {
                            "span_start"
                        },
                    ))
                }
            };
            let citation = Citation {
                source: t.req(&source, row, "source")?.to_owned(),
                span,
                text: opt(&text, row).map(str::to_owned),
                occurrence: num(&occurrence, row),
                via: t.list(&via, row, "via")?,
                confidence: num(&confidence, row),
            };
            let n = num(&number, row).ok_or_else(|| {
                t.problem(
                    ProblemCode::InvalidValue,
                    "`citation` is null; every row needs its number in its owner's list".into(),
                    row,
                    "citation",
                )
            })?;
            Ok((key, n, citation))
        };
        match one() {
            Ok((key, n, c)) => out.entry(key).or_default().push((n, row, c)),
            Err(p) => problems.push(p),
        }
    }
    out
}

/// Lifecycle steps by agreement, each with its number and row.
type Steps = HashMap<String, Vec<(u32, usize, LifecycleStep)>>;

fn read_steps(t: &Tab, owners: &mut Cited, problems: &mut Vec<Problem>) -> Steps {
    let mut out = Steps::new();
    let cols = (
        t.strings("agreement", false, problems),
        t.u32s("step", false, problems),
        t.strings("state", false, problems),
        t.strings("date", true, problems),
        t.strings("attested", true, problems),
        t.strings("party", true, problems),
        t.strings("effective", true, problems),
        t.strings("place", true, problems),
        t.strings("until", true, problems),
        t.strings("condition", true, problems),
        t.strings("note", true, problems),
        t.strings("status", true, problems),
    );
    let (
        Some(agreement),
        Some(step),
        Some(state),
        Some(date),
        Some(attested),
        Some(party),
        Some(effective),
        Some(place),
        Some(until),
        Some(condition),
        Some(note),
        Some(status),
    ) = cols
    else {
        return out;
    };
    for row in 0..t.rows() {
        let one = || -> Result<(String, u32, LifecycleStep), Problem> {
            let id = t.req(&agreement, row, "agreement")?.to_owned();
            let n = num(&step, row).ok_or_else(|| {
                t.problem(
                    ProblemCode::InvalidValue,
                    "`step` is null; every row needs its number in the lifecycle".into(),
                    row,
                    "step",
                )
            })?;
            let state: LifecycleState = t.parse(&state, row, "state")?.ok_or_else(|| {
                t.problem(
                    ProblemCode::InvalidValue,
                    "`state` is null; every step has one".into(),
                    row,
                    "state",
                )
            })?;
            let s = LifecycleStep {
                state,
                date: t.parse(&date, row, "date")?,
                attested: t.parse(&attested, row, "attested")?,
                party: opt(&party, row).map(str::to_owned),
                effective: t.parse(&effective, row, "effective")?,
                place: opt(&place, row).map(str::to_owned),
                until: t.parse(&until, row, "until")?,
                condition: opt(&condition, row).map(str::to_owned),
                note: opt(&note, row).map(str::to_owned),
                status: t
                    .parse::<Status>(&status, row, "status")?
                    .unwrap_or_default(),
                citations: Vec::new(),
            };
            Ok((id, n, s))
        };
        match one() {
            Ok((id, n, mut s)) => {
                s.citations = take_cited(owners, &Owner::Step(id.clone(), n));
                out.entry(id).or_default().push((n, row, s));
            }
            Err(p) => problems.push(p),
        }
    }
    out
}

/// Terms by agreement, with their row.
type Terms = HashMap<String, (usize, AgreementTerms)>;

fn read_terms(t: &Tab, owners: &mut Cited, problems: &mut Vec<Problem>) -> Terms {
    let mut out = Terms::new();
    let cols = (
        t.strings("agreement", false, problems),
        t.bools("binding", problems),
        t.strings("renewal", true, problems),
        t.u32s("vote_for", true, problems),
        t.u32s("vote_against", true, problems),
        t.u32s("vote_abstain", true, problems),
        t.strings("vote_date", true, problems),
    );
    let (
        Some(agreement),
        Some(binding),
        Some(renewal),
        Some(vote_for),
        Some(against),
        Some(abstain),
        Some(vote_date),
    ) = cols
    else {
        return out;
    };
    for row in 0..t.rows() {
        let mut one = || -> Result<(String, AgreementTerms), Problem> {
            let id = t.req(&agreement, row, "agreement")?.to_owned();
            let vote =
                match (num(&vote_for, row), num(&against, row), num(&abstain, row)) {
                    (Some(f), Some(a), Some(x)) => Some(Vote {
                        in_favour: f,
                        against: a,
                        abstaining: x,
                        date: t.parse(&vote_date, row, "vote_date")?,
                        citations: take_cited(owners, &Owner::Vote(id.clone())),
                    }),
                    (None, None, None) => None,
                    _ => return Err(t.problem(
                        ProblemCode::InvalidValue,
                        "a vote has all of `vote_for`, `vote_against` and `vote_abstain`, or none"
                            .into(),
                        row,
                        "vote_for",
                    )),
                };
            let terms = AgreementTerms {
                binding: (!binding.is_null(row)).then(|| Binding {
                    value: binding.value(row),
                    citations: take_cited(owners, &Owner::Binding(id.clone())),
                }),
                renewal: opt(&renewal, row).map(|r| Renewal {
                    terms: r.to_owned(),
                    citations: take_cited(owners, &Owner::Renewal(id.clone())),
                }),
                vote,
            };
            Ok((id, terms))
        };
        match one() {
            Ok((id, terms)) => {
                out.insert(id, (row, terms));
            }
            Err(p) => problems.push(p),
        }
    }
    out
}

/// Source texts by source id, with their row.
type Texts = HashMap<String, (usize, String)>;

fn read_texts(t: &Tab, problems: &mut Vec<Problem>) -> Texts {
    let mut out = Texts::new();
    let (Some(source), Some(text)) = (
        t.strings("source", false, problems),
        t.strings("text", false, problems),
    ) else {
        return out;
    };
    for row in 0..t.rows() {
        match (t.req(&source, row, "source"), t.req(&text, row, "text")) {
            (Ok(s), Ok(x)) => {
                out.insert(s.to_owned(), (row, x.to_owned()));
            }
            (Err(p), _) | (_, Err(p)) => problems.push(p),
        }
    }
    out
}

/// The columns of the nodes table.
struct NodeCols<'t> {
    t: &'t Tab,
    id: StringArray,
    kind: StringArray,
    name: StringArray,
    aliases: ListArray,
    external_ids: StringArray,
    subkind: StringArray,
    description: StringArray,
    date: StringArray,
    end: StringArray,
    place: StringArray,
    status: StringArray,
    quote: StringArray,
    paraphrase: StringArray,
    cue: StringArray,
    url: StringArray,
    attributes: StringArray,
}

impl<'t> NodeCols<'t> {
    fn new(t: &'t Tab, ps: &mut Vec<Problem>) -> Option<Self> {
        let cols = (
            t.strings("id", false, ps),
            t.strings("kind", false, ps),
            t.strings("name", false, ps),
            t.lists("aliases", ps),
            t.strings("external_ids", true, ps),
            t.strings("subkind", true, ps),
            t.strings("description", true, ps),
            t.strings("date", true, ps),
            t.strings("end", true, ps),
            t.strings("place", true, ps),
            t.strings("status", true, ps),
            t.strings("quote", true, ps),
            t.strings("paraphrase", true, ps),
            t.strings("cue", true, ps),
            t.strings("url", true, ps),
            t.strings("attributes", true, ps),
        );
        Some(NodeCols {
            t,
            id: cols.0?,
            kind: cols.1?,
            name: cols.2?,
            aliases: cols.3?,
            external_ids: cols.4?,
            subkind: cols.5?,
            description: cols.6?,
            date: cols.7?,
            end: cols.8?,
            place: cols.9?,
            status: cols.10?,
            quote: cols.11?,
            paraphrase: cols.12?,
            cue: cols.13?,
            url: cols.14?,
            attributes: cols.15?,
        })
    }

    /// The node of one row, with its citations, lifecycle, terms and text taken from the
    /// other tables.
    fn node(
        &self,
        row: usize,
        owners: &mut Cited,
        steps: &mut Steps,
        terms: &mut Terms,
        texts: &mut Texts,
    ) -> Result<Node, Problem> {
        let t = self.t;
        let id = t.req(&self.id, row, "id")?.to_owned();
        let kind: NodeKind = t.parse(&self.kind, row, "kind")?.ok_or_else(|| {
            t.problem(
                ProblemCode::InvalidValue,
                "`kind` is null".into(),
                row,
                "kind",
            )
        })?;
        let field = |present: bool, col: &str, wanted: &[NodeKind]| {
            if present && !wanted.contains(&kind) {
                Err(t.problem(
                    ProblemCode::KindField,
                    format!("node `{id}`: `{col}` belongs on other kinds of node, not on a {kind}; leave it null"),
                    row,
                    col,
                ))
            } else {
                Ok(())
            }
        };
        let has = |a: &StringArray| !a.is_null(row);
        field(has(&self.end), "end", &[NodeKind::Event])?;
        field(has(&self.place), "place", &[NodeKind::Event])?;
        field(has(&self.status), "status", &[NodeKind::Event])?;
        field(has(&self.quote), "quote", &[NodeKind::Statement])?;
        field(has(&self.paraphrase), "paraphrase", &[NodeKind::Statement])?;
        field(has(&self.cue), "cue", &[NodeKind::Statement])?;
        field(has(&self.url), "url", &[NodeKind::Source])?;
        let speakers = [NodeKind::Person, NodeKind::Organization];
        field(has(&self.description), "description", &speakers)?;
        field(
            has(&self.date),
            "date",
            &[NodeKind::Event, NodeKind::Statement, NodeKind::Source],
        )?;
        field(
            has(&self.subkind),
            "subkind",
            &[
                NodeKind::Organization,
                NodeKind::Agreement,
                NodeKind::Event,
                NodeKind::Place,
            ],
        )?;
        let needs_subkind = || {
            t.problem(
                ProblemCode::KindField,
                format!("node `{id}`: a {kind} needs `subkind`"),
                row,
                "subkind",
            )
        };
        let date: Option<PartialDate> = t.parse(&self.date, row, "date")?;
        let details = match kind {
            NodeKind::Country => NodeDetails::Country,
            NodeKind::Person => NodeDetails::Person,
            NodeKind::Organization => NodeDetails::Organization {
                kind: t
                    .parse::<OrganizationKind>(&self.subkind, row, "subkind")?
                    .ok_or_else(needs_subkind)?,
            },
            NodeKind::Place => NodeDetails::Place {
                kind: t
                    .parse::<PlaceKind>(&self.subkind, row, "subkind")?
                    .ok_or_else(needs_subkind)?,
            },
            NodeKind::Agreement => {
                let mut lifecycle = steps.remove(&id).unwrap_or_default();
                lifecycle.sort_by_key(|s| s.0);
                NodeDetails::Agreement {
                    kind: t
                        .parse::<AgreementKind>(&self.subkind, row, "subkind")?
                        .ok_or_else(needs_subkind)?,
                    lifecycle: lifecycle.into_iter().map(|s| s.2).collect(),
                    terms: terms.remove(&id).map(|(_, terms)| Box::new(terms)),
                }
            }
            NodeKind::Event => NodeDetails::Event {
                kind: t
                    .parse::<EventKind>(&self.subkind, row, "subkind")?
                    .ok_or_else(needs_subkind)?,
                when: Interval::new(date, t.parse(&self.end, row, "end")?),
                place: opt(&self.place, row).map(str::to_owned),
                status: t.parse(&self.status, row, "status")?.unwrap_or_default(),
            },
            NodeKind::Statement => {
                let text = StatementText::from_fields(
                    &id,
                    opt(&self.quote, row).map(str::to_owned),
                    opt(&self.paraphrase, row).map(str::to_owned),
                )
                .map_err(|e| {
                    let message = e
                        .problems()
                        .and_then(|ps| ps.first())
                        .map_or_else(|| e.to_string(), |p| p.message.clone());
                    t.problem(ProblemCode::KindField, message, row, "quote")
                })?;
                NodeDetails::Statement {
                    text,
                    date,
                    cue: opt(&self.cue, row).map(|w| Cue {
                        words: w.to_owned(),
                        citations: take_cited(owners, &Owner::Cue(id.clone())),
                    }),
                }
            }
            NodeKind::Source => NodeDetails::Source {
                date,
                url: opt(&self.url, row).map(str::to_owned),
                text: texts.remove(&id).map(|(_, text)| text),
            },
        };
        let external_ids: BTreeMap<String, String> =
            t.json(&self.external_ids, row, "external_ids")?;
        let attributes: Attributes = t.json(&self.attributes, row, "attributes")?;
        Ok(Node {
            name: t.req(&self.name, row, "name")?.to_owned(),
            aliases: t.list(&self.aliases, row, "aliases")?,
            external_ids,
            details,
            unnamed: opt(&self.description, row).map(str::to_owned),
            attributes,
            citations: take_cited(owners, &Owner::Node(id.clone())),
            id,
        })
    }
}

/// The columns of the edges table.
struct EdgeCols<'t> {
    t: &'t Tab,
    edge: UInt64Array,
    kind: StringArray,
    from: StringArray,
    to: StringArray,
    start: StringArray,
    end: StringArray,
    attested: ListArray,
    title: StringArray,
    on_behalf_of: StringArray,
    position: UInt32Array,
    chain: UInt32Array,
    share: Float64Array,
    amount: StringArray,
    relation: StringArray,
    role: StringArray,
    acting_for: StringArray,
    place: StringArray,
    attributes: StringArray,
}

impl<'t> EdgeCols<'t> {
    fn new(t: &'t Tab, ps: &mut Vec<Problem>) -> Option<Self> {
        let cols = (
            t.u64s("edge", false, ps),
            t.strings("kind", false, ps),
            t.strings("from", false, ps),
            t.strings("to", false, ps),
            t.strings("start", true, ps),
            t.strings("end", true, ps),
            t.lists("attested", ps),
            t.strings("title", true, ps),
            t.strings("on_behalf_of", true, ps),
            t.u32s("position", true, ps),
            t.u32s("chain", true, ps),
            t.f64s("share", ps),
            t.strings("amount", true, ps),
            t.strings("relation", true, ps),
            t.strings("role", true, ps),
            t.strings("acting_for", true, ps),
            t.strings("place", true, ps),
            t.strings("attributes", true, ps),
        );
        Some(EdgeCols {
            t,
            edge: cols.0?,
            kind: cols.1?,
            from: cols.2?,
            to: cols.3?,
            start: cols.4?,
            end: cols.5?,
            attested: cols.6?,
            title: cols.7?,
            on_behalf_of: cols.8?,
            position: cols.9?,
            chain: cols.10?,
            share: cols.11?,
            amount: cols.12?,
            relation: cols.13?,
            role: cols.14?,
            acting_for: cols.15?,
            place: cols.16?,
            attributes: cols.17?,
        })
    }

    /// One row's edge number, ends and edge (without its citations).
    fn edge(&self, row: usize) -> Result<(u64, String, String, Edge), Problem> {
        let t = self.t;
        let number = num(&self.edge, row).ok_or_else(|| {
            t.problem(
                ProblemCode::InvalidValue,
                "`edge` is null; every edge has a number".into(),
                row,
                "edge",
            )
        })?;
        let kind: EdgeKind = t.parse(&self.kind, row, "kind")?.ok_or_else(|| {
            t.problem(
                ProblemCode::InvalidValue,
                "`kind` is null".into(),
                row,
                "kind",
            )
        })?;
        let s = |a: &StringArray| opt(a, row).map(str::to_owned);
        let role: Option<PartyRole> = t.parse(&self.role, row, "role")?;
        let q = Qualifiers {
            title: s(&self.title),
            on_behalf_of: s(&self.on_behalf_of),
            position: num(&self.position, row),
            chain: num(&self.chain, row).filter(|c| *c != 1),
            share: num(&self.share, row),
            amount: s(&self.amount),
            relation: s(&self.relation),
            role: role.filter(|r| !r.is_default()),
            acting_for: s(&self.acting_for),
            place: s(&self.place),
        };
        let mut attested = Vec::new();
        for text in t.list(&self.attested, row, "attested")? {
            attested.push(text.parse::<PartialDate>().map_err(|e| {
                t.problem(ProblemCode::InvalidDate, e.to_string(), row, "attested")
            })?);
        }
        crate::model::normalize_attested(&mut attested);
        let edge = Edge {
            kind,
            valid: Interval::new(
                t.parse(&self.start, row, "start")?,
                t.parse(&self.end, row, "end")?,
            ),
            attested,
            qualifiers: (q != Qualifiers::default()).then(|| Box::new(q)),
            attributes: t.json(&self.attributes, row, "attributes")?,
            citations: Vec::new(),
        };
        Ok((
            number,
            t.req(&self.from, row, "from")?.to_owned(),
            t.req(&self.to, row, "to")?.to_owned(),
            edge,
        ))
    }
}
