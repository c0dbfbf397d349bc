//! Validation rules. Every rule reports a [`Problem`] with a stable code; none stops at the
//! first problem, and none panics.
//!
//! Rules about one node or edge run when it is added ([`check_node`], [`edge_rules`]); rules
//! about the whole graph run in [`crate::Graph::validate`] and when a file is loaded.
//!
//! Each rule has one body here, written against a sink: the reporting paths collect
//! problems with messages and locations, the fast paths (the one-pass loader,
//! [`crate::Graph::relate`] on a sound edge) run the same bodies through a sink that only
//! notes whether anything was found and builds no text.

use std::collections::{BTreeSet, HashMap};

mod periods;
pub(crate) use periods::check_periods;

use crate::error::{Problem, ProblemCode};
use crate::graph::{EdgeIndex, Graph, NodeIndex};
use crate::identity::{self, normalize};
use crate::model::{AgreementKind, AgreementTerms, Edge, Qualifiers, StatementText};
use crate::model::{EdgeKind, LifecycleState, LifecycleStep, Node, NodeDetails, NodeKind};
use crate::provenance::{locate_text, Citation, Located, Span, MAX_OCCURRENCE};

mod parties;
mod places;

/// What a whole-graph problem is about, so a loader can say where in the file it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    Node(String),
    Edge(EdgeIndex),
}

/// Where a rule reports what it finds. A rule passes its path and message as closures, so a
/// sink that keeps only whether anything was found ([`Found`], the loaders' fast path) builds
/// no text: every rule has one body, run by both the fast and the reporting paths.
pub(crate) trait Sink {
    /// Reports one problem.
    fn push(
        &mut self,
        code: ProblemCode,
        path: impl FnOnce() -> String,
        message: impl FnOnce() -> String,
    );
}

/// A sink that only notes whether any rule found a problem.
#[derive(Debug, Default)]
pub(crate) struct Found(pub(crate) bool);

impl Sink for Found {
    fn push(&mut self, _: ProblemCode, _: impl FnOnce() -> String, _: impl FnOnce() -> String) {
        self.0 = true;
    }
}

/// A sink collecting problems about the thing named `id`.
struct Collect<'a> {
    id: &'a str,
    out: &'a mut Vec<Problem>,
}

impl Sink for Collect<'_> {
    fn push(
        &mut self,
        code: ProblemCode,
        path: impl FnOnce() -> String,
        message: impl FnOnce() -> String,
    ) {
        self.out
            .push(Problem::new(code, message(), path()).with_id(self.id));
    }
}

/// Checks one node on its own.
pub(crate) fn check_node(node: &Node) -> Vec<Problem> {
    let mut out = Vec::new();
    let id = node.id.as_str();
    let mut push =
        |code, msg: String, path: &str| out.push(Problem::new(code, msg, path).with_id(id));
    // Something a person can read: not empty, not only blanks and control characters.
    let blank = |s: &str| s.chars().all(|c| c.is_whitespace() || c.is_control());
    if blank(id) {
        push(
            ProblemCode::InvalidValue,
            "a node's `id` must not be empty (or only blanks and control characters)".into(),
            "/id",
        );
    }
    if blank(&node.name) {
        push(
            ProblemCode::InvalidValue,
            format!(
                "node `{}` has an empty `name` (or only blanks and control characters)",
                id.escape_debug()
            ),
            "/name",
        );
    }
    for (i, c) in node.citations.iter().enumerate() {
        check_citation_fields(c, || format!("/citations/{i}"), id, &mut out);
    }
    for (i, c) in node
        .cue()
        .map_or(&[][..], |c| &c.citations)
        .iter()
        .enumerate()
    {
        check_citation_fields(c, || format!("/cue/citations/{i}"), id, &mut out);
    }
    let mut push =
        |code, msg: String, path: &str| out.push(Problem::new(code, msg, path).with_id(id));
    if let Some(description) = &node.unnamed {
        if !matches!(node.kind(), NodeKind::Person | NodeKind::Organization) {
            push(
                ProblemCode::KindField,
                format!(
                    "node `{id}`: only a person or an organization can be unnamed, not a {}",
                    node.kind()
                ),
                "/unnamed",
            );
        } else if blank(description) {
            push(
                ProblemCode::InvalidValue,
                format!("unnamed node `{id}` has an empty `description`: give the words the sources use"),
                "/description",
            );
        }
    }
    match &node.details {
        NodeDetails::Country => {
            if identity::country(id).is_none() {
                let hint = identity::countries()
                    .iter()
                    .find(|r| {
                        r.alpha3.eq_ignore_ascii_case(id) || r.alpha2.eq_ignore_ascii_case(id)
                    })
                    .map(|r| format!(" (did you mean `{}`, {}?)", r.alpha3, r.name))
                    .unwrap_or_default();
                push(
                    ProblemCode::UnknownIsoCode,
                    format!(
                        "country id `{id}` is not a known country code (an ISO 3166-1 alpha-3 \
                         code, an ISO 3166-3 code of a former state, or `XKX`){hint}"
                    ),
                    "/id",
                );
            }
        }
        NodeDetails::Event { when, .. } => {
            if when.is_reversed() {
                push(
                    ProblemCode::IntervalReversed,
                    format!(
                        "event `{id}` ends ({}) before it starts ({})",
                        fmt_opt(when.end),
                        fmt_opt(when.start)
                    ),
                    "/end",
                );
            }
        }
        NodeDetails::Statement { text, cue, .. } => {
            if cue.as_ref().is_some_and(|c| blank(&c.words)) {
                push(
                    ProblemCode::InvalidValue,
                    format!("statement `{id}` has a `cue` with empty `words`"),
                    "/cue/words",
                );
            }
            if text.text().trim().is_empty() {
                let field = if matches!(text, StatementText::Quote(_)) {
                    "quote"
                } else {
                    "paraphrase"
                };
                push(
                    ProblemCode::InvalidValue,
                    format!("statement `{id}` has an empty `{field}`"),
                    &format!("/{field}"),
                );
            }
        }
        NodeDetails::Agreement {
            kind,
            lifecycle,
            terms,
        } => {
            check_lifecycle(id, lifecycle, &mut out);
            if let Some(terms) = terms {
                check_terms(id, *kind, terms, &mut out);
            }
        }
        NodeDetails::Person
        | NodeDetails::Organization { .. }
        | NodeDetails::Source { .. }
        | NodeDetails::Place { .. } => {}
    }
    out
}

/// An agreement's terms: each is a fact a source states, so it cites one; only a resolution
/// is voted on.
fn check_terms(id: &str, kind: AgreementKind, terms: &AgreementTerms, out: &mut Vec<Problem>) {
    for (name, citations) in terms.cited() {
        if citations.is_empty() {
            out.push(
                Problem::new(
                    ProblemCode::UncitedTerm,
                    format!(
                        "agreement `{id}`: `{name}` cites nothing; a term of an agreement is a \
                         fact a source states: give the `citations` that state it"
                    ),
                    format!("/{name}"),
                )
                .with_id(id),
            );
        }
        for (i, c) in citations.iter().enumerate() {
            check_citation_fields(c, || format!("/{name}/citations/{i}"), id, out);
        }
    }
    if terms.vote.is_some() && kind != AgreementKind::Resolution {
        out.push(
            Problem::new(
                ProblemCode::KindField,
                format!("agreement `{id}`: `vote` belongs on a `resolution`, not on a `{kind}`"),
                "/vote",
            )
            .with_id(id),
        );
    }
}

fn fmt_opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "?".to_owned(), |v| v.to_string())
}

/// The rules about a citation on its own: its confidence lies in 0..=1, and an `occurrence`
/// counts from 1, picks among the matches of `text` and is not given beside a `span`. `path`
/// names the citation; it is built only when there is a problem to report.
fn citation_field_rules(c: &Citation, path: impl Fn() -> String, sink: &mut impl Sink) {
    if let Some(conf) = c.confidence {
        if !(0.0..=1.0).contains(&conf) {
            sink.push(
                ProblemCode::OutOfRange,
                || format!("{}/confidence", path()),
                || format!("a citation's confidence must be between 0 and 1, not {conf}"),
            );
        }
    }
    let Some(n) = c.occurrence else {
        return;
    };
    let at = || format!("{}/occurrence", path());
    if n == 0 {
        sink.push(ProblemCode::OutOfRange, at, || {
            "a citation's `occurrence` counts from 1 (the first match of its `text`), not 0".into()
        });
    } else if n > MAX_OCCURRENCE {
        sink.push(ProblemCode::OutOfRange, at, || {
            format!("a citation's `occurrence` is at most {MAX_OCCURRENCE}, not {n}; quote more words, or give a `span`")
        });
    }
    if c.text.is_none() {
        sink.push(ProblemCode::KindField, at, || {
            format!("a citation's `occurrence` ({n}) picks among the matches of its `text`, but it has no `text`; add the words cited or drop `occurrence`")
        });
    } else if let Some(span) = c.span {
        sink.push(ProblemCode::KindField, at, || {
            format!("a citation with a `span` ({span}) takes no `occurrence` ({n}): the span already says where; drop one of them")
        });
    }
}

/// [`citation_field_rules`], collecting into `out` with `id`.
fn check_citation_fields(
    c: &Citation,
    path: impl Fn() -> String,
    id: &str,
    out: &mut Vec<Problem>,
) {
    citation_field_rules(c, path, &mut Collect { id, out });
}

/// The step order rules, each with its own problem code (docs/format.md, "Lifecycle"). Only
/// steps that occurred take part in the order; a planned, cancelled or postponed step, or one
/// that did not happen, may stand anywhere. Field rules (`party`, `effective`, `until`) apply
/// to every step.
pub(crate) fn check_lifecycle(id: &str, steps: &[LifecycleStep], out: &mut Vec<Problem>) {
    use LifecycleState as S;
    let push = |out: &mut Vec<Problem>, code, path: String, msg: String| {
        out.push(Problem::new(code, msg, path).with_id(id));
    };
    // The last occurred step about the whole agreement, and facts about the history so far.
    let mut prev: Option<(usize, &LifecycleStep)> = None;
    let mut last_date = None;
    let mut in_force = false;
    let mut signed = false;
    let mut ended: Option<(usize, S)> = None;
    let mut open_notices = 0usize;
    for (i, step) in steps.iter().enumerate() {
        let s = step.state;
        // Fields.
        let (may, must) = s.takes_party();
        match (&step.party, may, must) {
            (None, _, true) => push(
                out,
                ProblemCode::KindField,
                format!("/lifecycle/{i}"),
                format!("agreement `{id}`: a `{s}` step must name the `party` it concerns"),
            ),
            (Some(_), false, _) => push(
                out,
                ProblemCode::KindField,
                format!("/lifecycle/{i}/party"),
                format!(
                    "agreement `{id}`: a `{s}` step takes no `party` (only `withdrawn`, `ratified`, \
                     `suspended`, `notice_given`, `notice_suspended` and `notice_withdrawn` do)"
                ),
            ),
            _ => {}
        }
        if step.effective.is_some() && s != S::NoticeGiven {
            push(
                out,
                ProblemCode::KindField,
                format!("/lifecycle/{i}/effective"),
                format!("agreement `{id}`: only a `notice_given` step takes an `effective` date (this one is `{s}`)"),
            );
        }
        if step.until.is_some() && !matches!(s, S::InForce | S::Renewed) {
            push(
                out,
                ProblemCode::KindField,
                format!("/lifecycle/{i}/until"),
                format!("agreement `{id}`: only an `in_force` or `renewed` step takes `until` (this one is `{s}`)"),
            );
        }
        if let (Some(given), Some(eff)) = (step.date, step.effective) {
            if eff.last_day() < given.first_day() {
                push(
                out,
                    ProblemCode::NoticeEffectiveBeforeGiven,
                    format!("/lifecycle/{i}/effective"),
                    format!("agreement `{id}`: lifecycle step {i}'s notice takes effect {eff}, before it was given ({given}); `effective` must be on or after `date`"),
                );
            }
        }
        for (j, c) in step.citations.iter().enumerate() {
            check_citation_fields(c, || format!("/lifecycle/{i}/citations/{j}"), id, out);
        }
        if !step.status.occurred() {
            continue;
        }
        // Dates run forward among the steps that occurred.
        if let Some(d) = step.date {
            if let Some(prev_d) = last_date {
                if d < prev_d && d.last_day() < prev_d.first_day() {
                    push(
                out,
                        ProblemCode::LifecycleOrder,
                        format!("/lifecycle/{i}/date"),
                        format!("agreement `{id}`: lifecycle step {i} is dated {d}, before the step before it ({prev_d}); steps are listed in the order they happened"),
                    );
                }
            }
            last_date = Some(d);
        }
        // Nothing after the end, except negotiations starting again after `abandoned`.
        if let Some((e, end)) = ended {
            let restart = end == S::Abandoned && matches!(s, S::Proposed | S::Negotiating);
            // The same end recorded again (two sources, two dates) was allowed before the
            // end states had rules of their own, and still is.
            let again = s == end;
            if restart {
                ended = None;
                prev = None;
                signed = false;
            } else if !again {
                push(
                out,
                    ProblemCode::StepAfterEnd,
                    format!("/lifecycle/{i}/state"),
                    format!("agreement `{id}`: lifecycle step {i} (`{s}`) comes after the agreement ended (`{end}`, step {e}); nothing follows `terminated` or `expired`, and only `proposed` or `negotiating` (talks starting again) follow `abandoned`"),
                );
                continue;
            }
        }
        match s {
            S::Abandoned if signed => push(
                out,
                ProblemCode::AbandonedAfterSigned,
                format!("/lifecycle/{i}/state"),
                format!("agreement `{id}`: lifecycle step {i} is `abandoned`, but the agreement was signed before it; `abandoned` ends negotiations before any signature (a signed agreement ends by `terminated` or `expired`)"),
            ),
            S::NoticeGiven if !in_force => push(
                out,
                ProblemCode::NoticeNotInForce,
                format!("/lifecycle/{i}/state"),
                format!("agreement `{id}`: lifecycle step {i} gives notice, but the agreement is not in force then; a `notice_given` step follows an `in_force`, `provisionally_applied` or `renewed` step"),
            ),
            S::NoticeGiven => open_notices += 1,
            S::NoticeSuspended | S::NoticeWithdrawn if open_notices == 0 => push(
                out,
                ProblemCode::NoticeMissing,
                format!("/lifecycle/{i}/state"),
                format!("agreement `{id}`: lifecycle step {i} (`{s}`) has no notice to act on; it follows a `notice_given` step (not yet withdrawn)"),
            ),
            S::NoticeWithdrawn => open_notices -= 1,
            S::Ratified if steps[i + 1..].iter().any(|t| t.state == S::Signed && t.status.occurred()) => push(
                out,
                ProblemCode::RatifiedBeforeSigned,
                format!("/lifecycle/{i}/state"),
                format!("agreement `{id}`: lifecycle step {i} is `ratified`, but the agreement is signed only later; ratification follows signature (list `signed` first)"),
            ),
            _ => {}
        }
        if step.changes_state() {
            if let Some((p, before)) = prev {
                let back = s.rank() < before.state.rank();
                // `signed` after `ratified` is reported once, as ratified-before-signed.
                let reported = s == S::Signed && before.state == S::Ratified;
                if back && s != S::Abandoned && !reported {
                    push(
                out,
                        ProblemCode::LifecycleOrder,
                        format!("/lifecycle/{i}/state"),
                        format!("agreement `{id}`: lifecycle step {i} (`{s}`) comes after `{}` (step {p}), which is a later state; steps go proposed, negotiating, agreed, initialled, signed, ratified or provisionally applied, in force (or suspended, and back), then terminated or expired", before.state),
                    );
                }
            }
            prev = Some((i, step));
        }
        signed |= matches!(
            s,
            S::Signed | S::Ratified | S::ProvisionallyApplied | S::InForce
        );
        match s {
            S::InForce | S::ProvisionallyApplied | S::Renewed => in_force = true,
            S::Terminated | S::Expired | S::Abandoned => {
                in_force = false;
                ended = Some((i, s));
            }
            _ => {}
        }
    }
}

/// The rules about one edge on its own (not its ends): kind-specific fields, interval, ranges.
/// `label` names the edge in messages (`KOR -party_to-> gsomia`).
fn edge_rules(edge: &Edge, label: &str, sink: &mut impl Sink) {
    if edge.valid.is_reversed() {
        sink.push(
            ProblemCode::IntervalReversed,
            || "/end".to_owned(),
            || {
                format!(
                    "edge {label} ends ({}) before it starts ({})",
                    fmt_opt(edge.valid.end),
                    fmt_opt(edge.valid.start)
                )
            },
        );
    }
    for (i, date) in edge.attested.iter().enumerate() {
        if edge.valid.contains(date) == crate::time::Containment::Outside {
            sink.push(
                ProblemCode::AttestedOutsideInterval,
                || {
                    if edge.attested.len() == 1 {
                        "/attested".to_owned()
                    } else {
                        format!("/attested/{i}")
                    }
                },
                || {
                    format!(
                        "edge {label} is attested on {date}, outside its own interval {}; \
                         correct the date or widen `start`/`end`",
                        edge.valid
                    )
                },
            );
        }
    }
    let none = Qualifiers::default();
    let q = edge.qualifiers.as_deref().unwrap_or(&none);
    qualifier_rules(q, edge.kind, label, sink);
    for (i, c) in edge.citations.iter().enumerate() {
        citation_field_rules(c, || format!("/citations/{i}"), sink);
    }
}

/// The rules about an edge's qualifiers: each belongs on certain kinds (some required there),
/// and `share` and `position` have ranges.
fn qualifier_rules(q: &Qualifiers, kind: EdgeKind, label: &str, sink: &mut impl Sink) {
    let mut field = |present: bool, name: &str, wanted: &[EdgeKind], required: bool| {
        let belongs = wanted.contains(&kind);
        if present && !belongs {
            sink.push(
                ProblemCode::KindField,
                || format!("/{name}"),
                || {
                    let kinds: Vec<&str> = wanted.iter().map(|k| k.as_str()).collect();
                    format!(
                        "edge {label}: `{name}` belongs on {} edges, not `{kind}`",
                        kinds.join("/")
                    )
                },
            );
        } else if !present && belongs && required {
            sink.push(
                ProblemCode::KindField,
                || format!("/{name}"),
                || format!("edge {label}: a `{kind}` edge needs `{name}`"),
            );
        }
    };
    field(q.title.is_some(), "title", &[EdgeKind::HoldsOffice], true);
    field(
        q.on_behalf_of.is_some(),
        "on_behalf_of",
        &[EdgeKind::Signed],
        false,
    );
    field(
        q.position.is_some(),
        "position",
        &[EdgeKind::ReportedBy],
        true,
    );
    field(q.chain.is_some(), "chain", &[EdgeKind::ReportedBy], false);
    field(q.share.is_some(), "share", &[EdgeKind::TradesWith], false);
    field(q.relation.is_some(), "relation", &[EdgeKind::Other], true);
    field(q.role.is_some(), "role", &[EdgeKind::PartyTo], false);
    field(
        q.acting_for.is_some(),
        "acting_for",
        &[EdgeKind::PartyTo],
        false,
    );
    field(q.place.is_some(), "place", &[EdgeKind::Signed], false);
    if let Some(share) = q.share {
        if !(0.0..=1.0).contains(&share) {
            sink.push(
                ProblemCode::OutOfRange,
                || "/share".to_owned(),
                || format!("edge {label}: `share` must be between 0 and 1, not {share}"),
            );
        }
    }
    if q.position == Some(0) {
        sink.push(
            ProblemCode::OutOfRange,
            || "/position".to_owned(),
            || format!("edge {label}: `position` counts from 1 (nearest the speaker)"),
        );
    }
    if q.chain == Some(0) {
        sink.push(
            ProblemCode::OutOfRange,
            || "/chain".to_owned(),
            || format!("edge {label}: `chain` counts from 1 (no `chain` is chain 1)"),
        );
    }
}

/// One end of an edge about to be added: its id and, when a node has that id, its kind.
pub(crate) type End<'a> = (&'a str, Option<NodeKind>);

/// Whether an edge between these ends passes [`check_relation`]; builds no text.
pub(crate) fn relation_is_sound(graph: &Graph, from: End<'_>, to: End<'_>, edge: &Edge) -> bool {
    let mut found = Found::default();
    relation_rules(graph, from, to, edge, "", &mut found);
    !found.0
}

/// Checks an edge about to be added between the nodes with ids `from` and `to`: the edge's
/// own rules ([`edge_rules`]), that both ends and the party it was signed for exist, and that
/// its kind allows the kinds of its ends.
pub(crate) fn check_relation(graph: &Graph, from: &str, to: &str, edge: &Edge) -> Vec<Problem> {
    let kind_of = |id: &str| graph.node(id).map(Node::kind);
    let (from, to) = ((from, kind_of(from)), (to, kind_of(to)));
    if relation_is_sound(graph, from, to, edge) {
        return Vec::new();
    }
    let label = format!("{} -{}-> {}", from.0, edge.kind, to.0);
    let mut out = Vec::new();
    let mut sink = Collect {
        id: &label,
        out: &mut out,
    };
    relation_rules(graph, from, to, edge, &label, &mut sink);
    out
}

/// The rules about an edge and its ends (see [`check_relation`]).
fn relation_rules(
    graph: &Graph,
    from: End<'_>,
    to: End<'_>,
    edge: &Edge,
    label: &str,
    sink: &mut impl Sink,
) {
    edge_rules(edge, label, sink);
    for (field, (id, found)) in [("from", from), ("to", to)] {
        if found.is_none() {
            sink.push(
                ProblemCode::DanglingReference,
                || format!("/{field}"),
                || format!("the edge's `{field}` names `{id}`, but no node has that id"),
            );
        }
    }
    if let ((from, Some(f)), (to, Some(t))) = (from, to) {
        if !edge.kind.allows(f, t) {
            sink.push(
                ProblemCode::EdgeEndpointKind,
                || "/kind".to_owned(),
                || {
                    let (ff, tt) = edge.kind.endpoints();
                    let names = |ks: &[NodeKind]| {
                        ks.iter()
                            .map(|k| k.as_str())
                            .collect::<Vec<_>>()
                            .join(" or ")
                    };
                    format!(
                        "a `{}` edge goes from {} to {}, but this one goes from {f} `{from}` to {t} `{to}`",
                        edge.kind,
                        names(ff),
                        names(tt)
                    )
                },
            );
        }
    }
    if let Some(party) = edge.on_behalf_of() {
        if graph.index_of(party).is_none() {
            sink.push(
                ProblemCode::DanglingReference,
                || "/on_behalf_of".to_owned(),
                || format!("`on_behalf_of` names `{party}`, but no node has that id"),
            );
        }
    }
    if let Some(state) = edge.acting_for() {
        parties::acting_for_rules(graph, from, state, sink);
    }
    if let Some(place) = edge.place() {
        places::place_rules(graph, place, || "/place".to_owned(), sink);
    }
}

/// Checks the rules that need the whole graph.
pub(crate) fn check_graph(graph: &Graph) -> Vec<(Subject, Problem)> {
    check_graph_with(graph, &mut Rejected::default())
}

/// Checks the rules that need the whole graph, of a graph loaded without the `rejected`
/// nodes: a reference to one of them is counted in `rejected`, not reported.
pub(crate) fn check_graph_with(graph: &Graph, rejected: &mut Rejected) -> Vec<(Subject, Problem)> {
    let mut out = Vec::new();
    check_graph_into(graph, &mut out, true, rejected);
    out
}

/// The nodes written in a file but rejected before they could join the graph (a record that
/// does not parse, a kind's fields wrong), each with what its absence hides. One cause, one
/// problem: the edges, citations and other references that name a rejected node are not
/// reported again as dangling, only counted, and the node's own problem says how many.
#[derive(Debug, Default)]
pub(crate) struct Rejected {
    ids: HashMap<String, Hidden>,
    /// Nodes that lost an edge to a rejected node, with that node: their rules that count
    /// edges (a bilateral agreement's two parties) are not checked either.
    lost_edges: HashMap<String, String>,
}

/// What one rejected node hides: the references to it that are not checked.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hidden {
    /// Edges to or from it, not loaded.
    pub(crate) edges: usize,
    /// Citations naming it as source or intermediary.
    pub(crate) citations: usize,
    /// Other references: lifecycle parties, `on_behalf_of`, rules that count its edges.
    pub(crate) references: usize,
}

/// What kind of reference a rejected node hides.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Hides {
    /// An edge.
    Edge,
    /// A citation.
    Citation,
    /// Another reference.
    Reference,
}

impl Rejected {
    /// Notes that the node with this id was rejected.
    pub(crate) fn insert(&mut self, id: String) {
        self.ids.entry(id).or_default();
    }

    /// Forgets the ids that name a node of `graph` after all (a rejected duplicate of a good
    /// node): references to them are checked as usual.
    pub(crate) fn keep_absent(&mut self, graph: &Graph) {
        self.ids.retain(|id, _| graph.index_of(id).is_none());
    }

    /// Whether `id` names a rejected node; if so, counts one more reference of this kind.
    pub(crate) fn hides(&mut self, id: &str, what: Hides) -> bool {
        let Some(h) = self.ids.get_mut(id) else {
            return false;
        };
        match what {
            Hides::Edge => h.edges += 1,
            Hides::Citation => h.citations += 1,
            Hides::Reference => h.references += 1,
        }
        true
    }

    /// Notes that `other` lost an edge to the rejected node `id` (counted by [`Self::hides`]).
    pub(crate) fn lose_edge(&mut self, id: &str, other: &str) {
        self.lost_edges
            .entry(other.to_owned())
            .or_insert_with(|| id.to_owned());
    }

    /// The rejected node an edge of `id` went to, if `id` lost one.
    fn lost_edge_of(&self, id: &str) -> Option<&str> {
        self.lost_edges.get(id).map(String::as_str)
    }

    /// What the rejection of `id` hides, as the end of its problem's message
    /// (`" (and 37 citations naming `src` are not checked until it loads)"`), or `None`
    /// when it hides nothing.
    pub(crate) fn note(&self, id: &str) -> Option<String> {
        let h = self.ids.get(id)?;
        let plural = |n: usize, one: &str, many: &str| {
            (n > 0).then(|| format!("{n} {}", if n == 1 { one } else { many }))
        };
        let parts: Vec<String> = [
            plural(h.edges, "edge", "edges"),
            plural(h.citations, "citation", "citations"),
            plural(h.references, "other reference", "other references"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let list = match parts.as_slice() {
            [] => return None,
            [one] => one.clone(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        };
        let verb = if h.edges + h.citations + h.references == 1 {
            "is"
        } else {
            "are"
        };
        Some(format!(
            " (and {list} naming `{id}` {verb} not checked until it loads)"
        ))
    }
}

/// Where a citation sits in the graph, for [`resolve_spans`].
enum CitedBy {
    Node(NodeIndex, usize),
    Cue(NodeIndex, usize),
    Step(NodeIndex, usize, usize),
    /// A term of an agreement: the node, the term's place among its stated terms, the citation.
    Term(NodeIndex, usize, usize),
    Edge(EdgeIndex, usize),
}

/// The span that citation `c`'s words (`text`) find in its source's text, when it has words,
/// no span, and a source in `graph` that holds its text, and the words are found once (or
/// at their `occurrence`). Any other case is left to [`citation_rules`], which reports it.
pub(crate) fn found_span(graph: &Graph, c: &Citation) -> Option<Span> {
    let (None, Some(words)) = (c.span, &c.text) else {
        return None;
    };
    let Some(NodeDetails::Source {
        text: Some(text), ..
    }) = graph.node(&c.source).map(|n| &n.details)
    else {
        return None;
    };
    match locate_text(text, words, c.occurrence) {
        Located::Found(span) => Some(span),
        _ => None,
    }
}

/// Gives `c` the span its words find in `graph` (see [`found_span`]), dropping its
/// `occurrence`, which the span replaces. Returns whether the citation still has words to
/// resolve against a source the graph does not hold yet.
pub(crate) fn resolve_span(graph: &Graph, c: &mut Citation) -> bool {
    if let Some(span) = found_span(graph, c) {
        c.span = Some(span);
        c.occurrence = None;
        return false;
    }
    c.span.is_none() && c.text.is_some() && graph.index_of(&c.source).is_none()
}

/// Gives every citation of the graph the span its words find (see [`found_span`]): the
/// loaders run this once every node and edge is in, before the whole-graph rules, so a
/// citation written by its words alone is saved with its span. Returns whether a citation
/// still waits for a source the graph does not hold. Cost: O(citations), plus a search of
/// its source's text for each citation given by its words alone.
pub(crate) fn resolve_spans(graph: &mut Graph) -> bool {
    let mut found: Vec<(CitedBy, Span)> = Vec::new();
    let mut waiting = false;
    let mut look = |c: &Citation, at: CitedBy, found: &mut Vec<(CitedBy, Span)>| {
        if c.span.is_some() || c.text.is_none() {
            return;
        }
        match found_span(graph, c) {
            Some(span) => found.push((at, span)),
            None => waiting |= graph.index_of(&c.source).is_none(),
        }
    };
    for (ix, node) in graph.nodes() {
        for (i, c) in node.citations.iter().enumerate() {
            look(c, CitedBy::Node(ix, i), &mut found);
        }
        for (i, c) in node
            .cue()
            .map_or(&[][..], |c| &c.citations)
            .iter()
            .enumerate()
        {
            look(c, CitedBy::Cue(ix, i), &mut found);
        }
        if let NodeDetails::Agreement {
            lifecycle, terms, ..
        } = &node.details
        {
            for (s, step) in lifecycle.iter().enumerate() {
                for (i, c) in step.citations.iter().enumerate() {
                    look(c, CitedBy::Step(ix, s, i), &mut found);
                }
            }
            for (t, (_, cs)) in terms.iter().flat_map(|t| t.cited()).enumerate() {
                for (i, c) in cs.iter().enumerate() {
                    look(c, CitedBy::Term(ix, t, i), &mut found);
                }
            }
        }
    }
    for view in graph.edges() {
        for (i, c) in view.edge.citations.iter().enumerate() {
            look(c, CitedBy::Edge(view.index, i), &mut found);
        }
    }
    for (at, span) in found {
        let c = match at {
            CitedBy::Node(ix, i) => graph
                .node_weight_mut(ix)
                .and_then(|n| n.citations.get_mut(i)),
            CitedBy::Cue(ix, i) => graph
                .node_weight_mut(ix)
                .and_then(|n| match &mut n.details {
                    NodeDetails::Statement { cue: Some(cue), .. } => cue.citations.get_mut(i),
                    _ => None,
                }),
            CitedBy::Step(ix, s, i) => {
                graph
                    .node_weight_mut(ix)
                    .and_then(|n| match &mut n.details {
                        NodeDetails::Agreement { lifecycle, .. } => {
                            lifecycle.get_mut(s).and_then(|st| st.citations.get_mut(i))
                        }
                        _ => None,
                    })
            }
            CitedBy::Term(ix, t, i) => {
                graph
                    .node_weight_mut(ix)
                    .and_then(|n| match &mut n.details {
                        NodeDetails::Agreement {
                            terms: Some(terms), ..
                        } => terms.cited_mut().nth(t).and_then(|(_, cs)| cs.get_mut(i)),
                        _ => None,
                    })
            }
            CitedBy::Edge(ix, i) => graph
                .edge_weight_mut(ix)
                .and_then(|e| e.citations.get_mut(i)),
        };
        if let Some(c) = c {
            c.span = Some(span);
            c.occurrence = None;
        }
    }
    waiting
}

/// Whether the rules that need the whole graph find nothing: for the one-pass loader, which
/// only needs yes or no. The alias rule stops at the first shared alias and words nothing:
/// the located path, which reports, builds the report once.
pub(crate) fn graph_is_clean(graph: &Graph) -> bool {
    let mut out = Vec::new();
    check_graph_into(graph, &mut out, false, &mut Rejected::default()) && out.is_empty()
}

/// The whole-graph rules, their problems pushed to `out`; with `report_aliases` false, the
/// alias rule reports nothing and its answer is only the return value (false: a shared alias).
fn check_graph_into(
    graph: &Graph,
    out: &mut Vec<(Subject, Problem)>,
    report_aliases: bool,
    rejected: &mut Rejected,
) -> bool {
    // Citations on nodes, lifecycle steps and edges.
    for (_, node) in graph.nodes() {
        // Messages, paths and subjects are built only for a citation with a problem.
        let subject = || Subject::Node(node.id.clone());
        for (i, c) in node.citations.iter().enumerate() {
            if !citation_is_sound(graph, c) {
                check_citation(
                    graph,
                    c,
                    &format!("/citations/{i}"),
                    &node.id,
                    &subject(),
                    out,
                    rejected,
                );
            }
        }
        if let NodeDetails::Agreement {
            terms: Some(terms), ..
        } = &node.details
        {
            for (name, cs) in terms.cited() {
                for (j, c) in cs.iter().enumerate() {
                    if !citation_is_sound(graph, c) {
                        check_citation(
                            graph,
                            c,
                            &format!("/{name}/citations/{j}"),
                            &node.id,
                            &subject(),
                            out,
                            rejected,
                        );
                    }
                }
            }
        }
        for (i, c) in node
            .cue()
            .map_or(&[][..], |c| &c.citations)
            .iter()
            .enumerate()
        {
            if !citation_is_sound(graph, c) {
                check_citation(
                    graph,
                    c,
                    &format!("/cue/citations/{i}"),
                    &node.id,
                    &subject(),
                    out,
                    rejected,
                );
            }
        }
        if matches!(node.details, NodeDetails::Statement { .. }) {
            check_chain_positions(graph, &node.id, out);
        }
        if let NodeDetails::Agreement { lifecycle, .. } = &node.details {
            for (i, step) in lifecycle.iter().enumerate() {
                for (j, c) in step.citations.iter().enumerate() {
                    if !citation_is_sound(graph, c) {
                        check_citation(
                            graph,
                            c,
                            &format!("/lifecycle/{i}/citations/{j}"),
                            &node.id,
                            &subject(),
                            out,
                            rejected,
                        );
                    }
                }
                if let Some(place) = &step.place {
                    if graph.node(place).is_some() || !rejected.hides(place, Hides::Reference) {
                        let mut found = Vec::new();
                        let mut sink = Collect {
                            id: &node.id,
                            out: &mut found,
                        };
                        places::place_rules(
                            graph,
                            place,
                            || format!("/lifecycle/{i}/place"),
                            &mut sink,
                        );
                        out.extend(found.into_iter().map(|p| (subject(), p)));
                    }
                }
                if let Some(party) = &step.party {
                    let is_party = graph.index_of(&node.id).is_some_and(|ix| {
                        graph.edges_to(ix, None).any(|e| {
                            matches!(e.edge.kind, EdgeKind::PartyTo | EdgeKind::WithdrewFrom)
                                && &e.from.id == party
                        })
                    });
                    if graph.node(party).is_none() {
                        if rejected.hides(party, Hides::Reference) {
                            continue;
                        }
                        out.push((
                            subject(),
                            Problem::new(
                                ProblemCode::DanglingReference,
                                format!("agreement `{}`: lifecycle step {i} names party `{party}`, but no node has that id", node.id),
                                format!("/lifecycle/{i}/party"),
                            )
                            .with_id(&node.id),
                        ));
                    } else if !is_party {
                        out.push((
                            subject(),
                            Problem::new(
                                ProblemCode::DanglingReference,
                                format!(
                                    "agreement `{}`: lifecycle step {i} (`{}`) names `{party}`, which is not `party_to` it; add a `party_to` edge from `{party}`",
                                    node.id, step.state
                                ),
                                format!("/lifecycle/{i}/party"),
                            )
                            .with_id(&node.id),
                        ));
                    }
                }
            }
            // Bilateral kinds have exactly two parties.
            if let (Some(kind), Some(ix)) = (node.agreement_kind(), graph.index_of(&node.id)) {
                if kind.is_bilateral() {
                    // Untyped, so that loading does not build the per-kind index: an
                    // agreement has few edges.
                    let parties: BTreeSet<&str> = graph
                        .edges_to(ix, None)
                        .filter(|e| e.edge.kind == EdgeKind::PartyTo)
                        .map(|e| e.from.id.as_str())
                        .collect();
                    let hidden = parties.len() < 2
                        && rejected
                            .lost_edge_of(&node.id)
                            .map(str::to_owned)
                            .is_some_and(|r| rejected.hides(&r, Hides::Reference));
                    if parties.len() != 2 && !hidden {
                        let list: Vec<&str> = parties.into_iter().collect();
                        out.push((
                            subject(),
                            Problem::new(
                                ProblemCode::BilateralPartyCount,
                                format!(
                                    "agreement `{}` is a {kind}, which binds exactly two parties, but has {} ({})",
                                    node.id,
                                    list.len(),
                                    if list.is_empty() { "none".to_owned() } else { list.join(", ") }
                                ),
                                "/agreement_kind",
                            )
                            .with_id(&node.id),
                        ));
                    }
                }
            }
        }
    }
    for view in graph.edges() {
        for (i, c) in view.edge.citations.iter().enumerate() {
            if !citation_is_sound(graph, c) {
                let label = format!("{} -{}-> {}", view.from.id, view.edge.kind, view.to.id);
                check_citation(
                    graph,
                    c,
                    &format!("/citations/{i}"),
                    &label,
                    &Subject::Edge(view.index),
                    out,
                    rejected,
                );
            }
        }
    }
    parties::check_roles(graph, out);
    parties::check_acting_for(graph, out);
    places::check_located_in(graph, out);
    let aliases_clean = check_aliases(graph, report_aliases.then_some(&mut *out));
    check_external_ids(graph, out);
    aliases_clean
}

/// A statement's `reported_by` edges hold one place each: two outlets at the same `position`
/// of the same `chain` would print as one false chain. Each edge that takes a place already
/// held is reported (`duplicate-chain-position`), naming the outlet that holds it. Cost:
/// O(degree of the statement).
fn check_chain_positions(graph: &Graph, id: &str, out: &mut Vec<(Subject, Problem)>) {
    let Some(ix) = graph.index_of(id) else {
        return;
    };
    // Untyped, so that loading does not build the per-kind index: a statement has few edges.
    let mut reports: Vec<(u32, u32, EdgeIndex, &str)> = graph
        .edges_from(ix, None)
        .filter(|e| e.edge.kind == EdgeKind::ReportedBy)
        .filter_map(|e| {
            Some((
                e.edge.chain(),
                e.edge.position()?,
                e.index,
                e.to.id.as_str(),
            ))
        })
        .collect();
    if reports.len() < 2 {
        return;
    }
    reports.sort_unstable();
    for pair in reports.windows(2) {
        if let [(chain, position, _, held_by), (c2, p2, edge, outlet)] = *pair {
            if (chain, position) == (c2, p2) {
                out.push((
                    Subject::Edge(edge),
                    Problem::new(
                        ProblemCode::DuplicateChainPosition,
                        format!(
                            "statement `{id}` is reported by `{outlet}` at position {position} of chain {chain}, \
                             which `{held_by}` already holds; give a different `position`, or, for a report \
                             that did not pass through the other, a `chain` of its own (2, 3 …)"
                        ),
                        "/position",
                    )
                    .with_id(format!("{id} -reported_by-> {outlet}")),
                ));
            }
        }
    }
}

/// Whether [`check_citation`] would find nothing: the same rules, building no text, so the
/// millions of sound citations of a large file cost a few lookups each.
fn citation_is_sound(graph: &Graph, c: &Citation) -> bool {
    let mut found = Found::default();
    citation_rules(graph, c, "", &mut found, &mut Rejected::default());
    !found.0
}

/// Reports the problems of citation `c` at `path` of the thing named `id` about `subject`.
fn check_citation(
    graph: &Graph,
    c: &Citation,
    path: &str,
    id: &str,
    subject: &Subject,
    out: &mut Vec<(Subject, Problem)>,
    rejected: &mut Rejected,
) {
    /// Problems about `subject`, at paths below `path`.
    struct Below<'a> {
        path: &'a str,
        id: &'a str,
        subject: &'a Subject,
        out: &'a mut Vec<(Subject, Problem)>,
    }
    impl Sink for Below<'_> {
        fn push(
            &mut self,
            code: ProblemCode,
            path: impl FnOnce() -> String,
            message: impl FnOnce() -> String,
        ) {
            let at = format!("{}{}", self.path, path());
            self.out.push((
                self.subject.clone(),
                Problem::new(code, message(), at).with_id(self.id),
            ));
        }
    }
    let mut sink = Below {
        path,
        id,
        subject,
        out,
    };
    citation_rules(graph, c, id, &mut sink, rejected);
}

/// The rules about a citation of the thing named `id`: every intermediary and the source
/// exist, the source is a source, the span (if any) lies in its text and matches the
/// quoted words, and words given without a span are found in the text once (or at their
/// `occurrence`). A reference to a `rejected` node is counted there, not reported. Paths are
/// relative to the citation.
fn citation_rules(
    graph: &Graph,
    c: &Citation,
    id: &str,
    sink: &mut impl Sink,
    rejected: &mut Rejected,
) {
    // The rejected nodes this citation was counted for: once each, however often it names one.
    let mut counted: Vec<String> = Vec::new();
    let mut hide = |who: &str, rejected: &mut Rejected| {
        if counted.iter().any(|c| c == who) {
            return true;
        }
        let hidden = rejected.hides(who, Hides::Citation);
        if hidden {
            counted.push(who.to_owned());
        }
        hidden
    };
    for (k, who) in c.via.iter().enumerate() {
        if graph.index_of(who).is_none() && !hide(who, rejected) {
            sink.push(
                ProblemCode::DanglingReference,
                || format!("/via/{k}"),
                || format!("a citation of `{id}` names `{who}` as an intermediary, but no node has that id"),
            );
        }
    }
    let Some(source) = graph.node(&c.source) else {
        if hide(&c.source, rejected) {
            return;
        }
        sink.push(
            ProblemCode::MissingSource,
            || "/source".to_owned(),
            || {
                format!(
                    "a citation of `{id}` names source `{}`, which is not in the graph",
                    c.source
                )
            },
        );
        return;
    };
    let NodeDetails::Source { text, .. } = &source.details else {
        sink.push(
            ProblemCode::MissingSource,
            || "/source".to_owned(),
            || {
                format!(
                    "a citation of `{id}` names `{}`, which is a {}, not a source",
                    c.source,
                    source.kind()
                )
            },
        );
        return;
    };
    let Some(text) = text else {
        return; // a source that holds no text: spans and words are taken on trust
    };
    let Some(span) = c.span else {
        if let Some(words) = &c.text {
            words_rule(c, words, text, id, sink);
        }
        return;
    };
    match span.slice(text) {
        None => sink.push(
            ProblemCode::SpanOutOfRange,
            || "/span".to_owned(),
            || format!(
                "a citation of `{id}` points at bytes {span} of `{}`, outside its text ({} bytes) or inside a character",
                c.source,
                text.len()
            ),
        ),
        Some(covered) => {
            if let Some(quoted) = &c.text {
                if covered != quoted {
                    sink.push(
                        ProblemCode::SpanTextMismatch,
                        || "/text".to_owned(),
                        || {
                            let shown: String = covered.chars().take(60).collect();
                            format!("a citation of `{id}` quotes text that differs from what bytes {span} of `{}` say: \"{shown}…\"", c.source)
                        },
                    );
                }
            }
        }
    }
}

/// Cited words shown in a message: the first 60 characters, then `…`.
fn shown(words: &str) -> String {
    let mut out: String = words.chars().take(60).collect();
    if out.len() < words.len() {
        out.push('…');
    }
    out
}

/// A citation given by its words alone (`text`, no `span`): the words are found in the
/// source's `text` once, or at the `occurrence` it names.
fn words_rule(c: &Citation, words: &str, text: &str, id: &str, sink: &mut impl Sink) {
    if c.occurrence.is_some_and(|n| n == 0 || n > MAX_OCCURRENCE) {
        return; // reported by `citation_field_rules`: one cause, one problem
    }
    let source = &c.source;
    match locate_text(text, words, c.occurrence) {
        Located::Found(_) => {}
        Located::NotFound { near } => sink.push(
            ProblemCode::CitationTextNotFound,
            || "/text".to_owned(),
            || {
                let hint = match near.and_then(|s| s.slice(text).map(|t| (s, t))) {
                    Some((span, t)) => format!(
                        "; bytes {span} say \"{}\", which differs only in case or spacing",
                        shown(t)
                    ),
                    None => String::new(),
                };
                format!(
                    "a citation of `{id}` quotes \"{}\", which is not in the text of source `{source}` ({} bytes){hint}; copy the words exactly as the source writes them (case and spacing count) or give a `span`",
                    shown(words),
                    text.len()
                )
            },
        ),
        Located::Ambiguous { first, count } => sink.push(
            ProblemCode::CitationTextAmbiguous,
            || "/text".to_owned(),
            || {
                let listed: Vec<String> = first.iter().map(Span::to_string).collect();
                let more = if count > first.len() { ", …" } else { "" };
                let (times, last) = if count > MAX_OCCURRENCE as usize {
                    (format!("more than {MAX_OCCURRENCE}"), MAX_OCCURRENCE as usize)
                } else {
                    (count.to_string(), count)
                };
                format!(
                    "a citation of `{id}` quotes \"{}\", which occurs {times} times in the text of source `{source}` (at bytes {}{more}); add \"occurrence\": 1 to {last} to pick one, or quote more words",
                    shown(words),
                    listed.join(", "),
                )
            },
        ),
        Located::PastLast { count } => sink.push(
            ProblemCode::CitationTextNotFound,
            || "/occurrence".to_owned(),
            || {
                let n = c.occurrence.unwrap_or_default();
                let times = if count == 1 { "once" } else { "times" };
                let count_text = if count == 1 { String::new() } else { format!("{count} ") };
                format!(
                    "a citation of `{id}` asks for occurrence {n} of \"{}\", but the text of source `{source}` has it only {count_text}{times}; use an `occurrence` from 1 to {count}",
                    shown(words)
                )
            },
        ),
    }
}

/// An external identifier names one entity: two nodes claiming it are one node written twice
/// (and merging would unite them).
fn check_external_ids(graph: &Graph, out: &mut Vec<(Subject, Problem)>) {
    let mut first: HashMap<(&str, &str), &str> = HashMap::new();
    for (_, node) in graph.nodes() {
        for (scheme, value) in &node.external_ids {
            if value.trim().is_empty() {
                continue;
            }
            match first.get(&(scheme.as_str(), value.as_str())) {
                Some(other) if *other != node.id => out.push((
                    Subject::Node(node.id.clone()),
                    Problem::new(
                        ProblemCode::ExternalIdConflict,
                        format!(
                            "`{}` has {scheme} id {value}, which `{other}` already has; one entity should be one node",
                            node.id
                        ),
                        format!("/external_ids/{scheme}"),
                    )
                    .with_id(&node.id),
                )),
                Some(_) => {}
                None => {
                    first.insert((scheme.as_str(), value.as_str()), node.id.as_str());
                }
            }
        }
    }
}

/// The alias rule: with `out`, pushes one problem per shared alias; without, stops at the
/// first. Returns whether no alias is shared.
fn check_aliases(graph: &Graph, mut out: Option<&mut Vec<(Subject, Problem)>>) -> bool {
    // Only an alias can be ambiguous: gather the aliases first (most graphs have few), then
    // every name that claims one of them — declared names and aliases, plus the built-in names
    // of countries present — so the names of the many nodes without aliases are only looked up.
    // Unnamed nodes claim no name (lookup finds them by id only): they share none.
    let named = || graph.nodes().filter(|(_, n)| n.unnamed.is_none());
    let mut claims: HashMap<String, Vec<&str>> = HashMap::new();
    for (_, node) in named() {
        for alias in &node.aliases {
            claims.entry(normalize(alias)).or_default();
        }
    }
    if claims.is_empty() {
        return true;
    }
    for (_, node) in named() {
        let builtin = match node.kind() {
            NodeKind::Country => identity::country(&node.id),
            _ => None,
        };
        let mut claim = |name: &str| {
            if let Some(owners) = claims.get_mut(&normalize(name)) {
                // A node claims a name once, however many of its names normalize to it.
                if owners.last() != Some(&node.id.as_str()) {
                    owners.push(node.id.as_str());
                }
            }
        };
        claim(&node.name);
        node.aliases.iter().for_each(|a| claim(a));
        builtin
            .into_iter()
            .flat_map(|rec| rec.all_names())
            .for_each(&mut claim);
    }
    let mut clean = true;
    // One problem per shared alias, at the first node (in file order) that declares it as an
    // alias, with the count and the first claimants: linear in the claims, however many
    // nodes share it.
    for (_, node) in named() {
        for (i, alias) in node.aliases.iter().enumerate() {
            let Some(owners) = claims.get_mut(&normalize(alias)) else {
                continue;
            };
            if owners.len() > 1 {
                clean = false;
                let Some(out) = out.as_deref_mut() else {
                    return false; // only yes or no was asked: no message
                };
                let listed: Vec<&str> = owners.iter().copied().take(ALIAS_CLAIMANTS).collect();
                let more = match owners.len() - listed.len() {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                };
                out.push((
                    Subject::Node(node.id.clone()),
                    Problem::new(
                        ProblemCode::AliasConflict,
                        format!(
                            "alias \"{alias}\" is a name of {} nodes: `{}`{more}; lookups by it would be ambiguous — drop it or make it more specific",
                            owners.len(),
                            listed.join("`, `")
                        ),
                        format!("/aliases/{i}"),
                    )
                    .with_id(&node.id),
                ));
            }
            // Reported (or not shared): later claimants of the same alias say nothing more.
            owners.clear();
        }
    }
    clean
}

/// How many of the nodes sharing an alias an `alias-conflict` problem names.
const ALIAS_CLAIMANTS: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Node;

    /// The one-pass loader's yes-or-no check agrees with the report, which it does not build.
    #[test]
    fn the_quick_check_agrees_with_the_alias_report() {
        let mut g = Graph::new();
        assert!(graph_is_clean(&g));
        for id in ["a", "b", "c"] {
            g.add_node(Node::new(id, id.to_uppercase(), NodeDetails::Person).with_alias("Mr X"))
                .unwrap();
        }
        assert!(!graph_is_clean(&g));
        assert!(!check_aliases(&g, None));
        let mut out = Vec::new();
        assert!(!check_aliases(&g, Some(&mut out)));
        let codes: Vec<&str> = out.iter().map(|(_, p)| p.code.as_str()).collect();
        assert_eq!(codes, ["alias-conflict"]);
    }
}
