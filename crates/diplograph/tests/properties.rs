//! Properties that hold for every input, checked on generated graphs, JSON values, bytes and
//! dates: saving and loading lose nothing, saving is deterministic, loading is total (problems
//! or a graph, never a panic), dates print back to themselves, merging is order-free and keeps
//! every citation, and as-of views agree with validity intervals.

use std::collections::{BTreeMap, BTreeSet};

use diplograph::format;
use diplograph::merge::{merge, MergeOptions};
use diplograph::model::{
    AgreementKind, Edge, EdgeKind, EventKind, LifecycleState, LifecycleStep, Node, NodeDetails,
    NodeKind, OrganizationKind, StatementText,
};
use diplograph::provenance::{Citation, Span};
use diplograph::time::{Interval, PartialDate};
use diplograph::Graph;
use proptest::prelude::*;
use proptest::sample::{select, Index};

const COUNTRIES: &[&str] = &["KOR", "USA", "JPN", "CHN", "PRK", "GBR", "FRA", "RUS"];

fn date() -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        (1i32..=9999).prop_filter_map("year", |y| PartialDate::from_year(y).ok()),
        (1i32..=9999, 1u8..=12)
            .prop_filter_map("month", |(y, m)| PartialDate::from_year_month(y, m).ok()),
        (1i32..=9999, 1u8..=12, 1u8..=31)
            .prop_filter_map("day", |(y, m, d)| PartialDate::from_ymd(y, m, d).ok()),
    ]
}

/// Text that is not blank: names, quotes, titles.
fn words() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ가-힣0-9][\\PC]{0,16}"
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(serde_json::Value::Number)),
        "\\PC{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("\\PC{0,6}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A citation, before sources exist: which source, a span as two character positions,
/// whether to write out the words, intermediaries and a confidence.
#[derive(Debug, Clone)]
struct CiteSpec {
    source: Index,
    span: Option<(Index, Index)>,
    with_text: bool,
    /// Whether to give the words alone (no span), with the `occurrence` that picks them:
    /// the graph finds the span.
    by_words: bool,
    via: Vec<Index>,
    confidence: Option<f64>,
}

fn cite() -> impl Strategy<Value = CiteSpec> {
    (
        any::<Index>(),
        proptest::option::of((any::<Index>(), any::<Index>())),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(any::<Index>(), 0..2),
        proptest::option::of(0.0f64..=1.0),
    )
        .prop_map(
            |(source, span, with_text, by_words, via, confidence)| CiteSpec {
                source,
                span,
                with_text,
                by_words,
                via,
                confidence,
            },
        )
}

/// What every node has beyond its kind.
#[derive(Debug, Clone)]
struct Common {
    name: String,
    aliases: usize,
    external_ids: BTreeMap<String, String>,
    attributes: BTreeMap<String, serde_json::Value>,
    citations: Vec<CiteSpec>,
}

fn common() -> impl Strategy<Value = Common> {
    (
        words(),
        0usize..3,
        prop::collection::btree_map("[a-z]{1,8}", "Q[0-9]{1,6}", 0..2),
        prop::collection::btree_map("\\PC{1,8}", json_value(), 0..3),
        prop::collection::vec(cite(), 0..3),
    )
        .prop_map(
            |(name, aliases, external_ids, attributes, citations)| Common {
                name,
                aliases,
                external_ids,
                attributes,
                citations,
            },
        )
}

fn details() -> impl Strategy<Value = NodeDetails> {
    let interval = (
        proptest::option::of(date()),
        proptest::option::of(date()),
        any::<bool>(),
    )
        .prop_map(|(a, b, single)| match (a, b) {
            // An event with one date is written as that date alone.
            (Some(a), _) if single => Interval::new(Some(a), Some(a)),
            (Some(a), Some(b)) => Interval::new(Some(a.min(b)), Some(a.max(b))),
            // Begun, with no known end (written `"end": null`).
            (Some(a), None) => Interval::new(Some(a), None),
            (a, b) => Interval::new(a.or(b), a.or(b)),
        });
    let lifecycle = prop::collection::vec((any::<bool>(), proptest::option::of(date())), 6)
        .prop_map(|picks| {
            let states = [
                LifecycleState::Proposed,
                LifecycleState::Negotiating,
                LifecycleState::Agreed,
                LifecycleState::Signed,
                LifecycleState::InForce,
                LifecycleState::Terminated,
            ];
            let mut dates: Vec<PartialDate> = picks.iter().filter_map(|p| p.1).collect();
            dates.sort();
            let mut dates = dates.into_iter();
            states
                .iter()
                .zip(&picks)
                .filter(|(_, (keep, _))| *keep)
                .map(|(&state, (_, d))| LifecycleStep {
                    state,
                    date: d.and_then(|_| dates.next()),
                    attested: None,
                    party: None,
                    citations: Vec::new(),
                })
                .collect::<Vec<_>>()
        });
    prop_oneof![
        Just(NodeDetails::Person),
        select(OrganizationKind::ALL).prop_map(|kind| NodeDetails::Organization { kind }),
        (
            select(AgreementKind::ALL)
                .prop_filter("bilateral kinds need two parties", |k| !k.is_bilateral()),
            lifecycle
        )
            .prop_map(|(kind, lifecycle)| NodeDetails::Agreement { kind, lifecycle }),
        (
            select(EventKind::ALL),
            interval,
            proptest::option::of(words())
        )
            .prop_map(|(kind, when, place)| NodeDetails::Event { kind, when, place }),
        (any::<bool>(), words(), proptest::option::of(date())).prop_map(|(quote, t, date)| {
            let text = if quote {
                StatementText::Quote(t)
            } else {
                StatementText::Paraphrase(t)
            };
            NodeDetails::Statement { text, date }
        }),
        (
            proptest::option::of(date()),
            proptest::option::of("https://[a-z]{1,10}\\.example/[a-z0-9]{0,8}"),
            proptest::option::of("[\\PC\n]{0,60}")
        )
            .prop_map(|(date, url, text)| NodeDetails::Source { date, url, text }),
    ]
}

#[derive(Debug, Clone)]
struct EdgeSpec {
    kind: EdgeKind,
    from: Index,
    to: Index,
    start: Option<PartialDate>,
    end: Option<PartialDate>,
    text: String,
    position: u32,
    share: Option<f64>,
    amount: Option<String>,
    attributes: BTreeMap<String, serde_json::Value>,
    citations: Vec<CiteSpec>,
}

fn edge() -> impl Strategy<Value = EdgeSpec> {
    (
        (select(EdgeKind::ALL), any::<Index>(), any::<Index>()),
        (proptest::option::of(date()), proptest::option::of(date())),
        (
            words(),
            1u32..5,
            proptest::option::of(0.0f64..=1.0),
            proptest::option::of(words()),
        ),
        prop::collection::btree_map("[a-z]{1,6}", json_value(), 0..2),
        prop::collection::vec(cite(), 0..2),
    )
        .prop_map(
            |(
                (kind, from, to),
                (start, end),
                (text, position, share, amount),
                attributes,
                citations,
            )| {
                let (start, end) = match (start, end) {
                    (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
                    other => other,
                };
                EdgeSpec {
                    kind,
                    from,
                    to,
                    start,
                    end,
                    text,
                    position,
                    share,
                    amount,
                    attributes,
                    citations,
                }
            },
        )
}

fn citation(spec: &CiteSpec, sources: &[&Node], ids: &[String]) -> Option<Citation> {
    let source = sources.get(spec.source.index(sources.len().max(1)))?;
    let mut c = Citation::new(source.id.clone());
    if let Some((a, b)) = spec.span {
        let text = match &source.details {
            NodeDetails::Source { text, .. } => text.as_deref(),
            _ => None,
        };
        // Character boundaries of the source text (or any offsets when it holds none).
        let bounds: Vec<usize> = match text {
            Some(t) => t.char_indices().map(|(i, _)| i).chain([t.len()]).collect(),
            None => (0..40).collect(),
        };
        let (a, b) = (bounds[a.index(bounds.len())], bounds[b.index(bounds.len())]);
        let span = Span {
            start: a.min(b),
            end: a.max(b),
        };
        c.text = text
            .filter(|_| spec.with_text)
            .and_then(|t| span.slice(t))
            .map(str::to_owned);
        c.span = Some(span);
        // Given by its words alone: the occurrence counts the matches up to the span's start.
        if let (true, Some(t), Some(words)) = (spec.by_words, text, c.text.as_deref()) {
            if !words.is_empty() {
                let at = |i: &usize| t.get(*i..).is_some_and(|rest| rest.starts_with(words));
                let n = (0..=span.start).filter(at).count();
                let all = (0..t.len()).filter(at).count();
                c.span = None;
                // Words found once need no occurrence.
                c.occurrence = u32::try_from(n).ok().filter(|_| all > 1);
            }
        }
    }
    c.via = spec
        .via
        .iter()
        .map(|i| ids[i.index(ids.len())].clone())
        .collect();
    c.confidence = spec.confidence;
    Some(c)
}

/// A valid graph with nodes of every kind (as the generator picks), edges between kinds their
/// kind allows, dates of every precision and citations with spans into generated source texts.
fn graph() -> impl Strategy<Value = Graph> {
    (
        prop::sample::subsequence(COUNTRIES, 0..=COUNTRIES.len()),
        prop::collection::vec((details(), common()), 1..10),
        prop::collection::vec(common(), 0..3),
        prop::collection::vec(edge(), 0..14),
        proptest::option::of(words()),
    )
        .prop_map(|(countries, others, country_common, edges, title)| {
            let mut nodes: Vec<(Node, Common)> = Vec::new();
            for (i, iso) in countries.iter().enumerate() {
                let c = country_common.get(i).cloned().unwrap_or_else(|| Common {
                    name: format!("Country {iso}"),
                    aliases: 0,
                    external_ids: BTreeMap::new(),
                    attributes: BTreeMap::new(),
                    citations: Vec::new(),
                });
                nodes.push((Node::new(*iso, c.name.clone(), NodeDetails::Country), c));
            }
            for (i, (details, c)) in others.into_iter().enumerate() {
                let id = format!("{}-{i}", details.kind());
                nodes.push((Node::new(id, c.name.clone(), details), c));
            }
            let ids: Vec<String> = nodes.iter().map(|(n, _)| n.id.clone()).collect();
            let sources: Vec<Node> = nodes
                .iter()
                .filter(|(n, _)| n.kind() == NodeKind::Source)
                .map(|(n, _)| n.clone())
                .collect();
            let sources: Vec<&Node> = sources.iter().collect();
            let mut g = Graph::new();
            g.title = title;
            // An external id names one entity, so a valid graph gives each to one node only.
            let mut claimed: BTreeSet<(String, String)> = BTreeSet::new();
            for (mut node, c) in nodes {
                node.aliases = (0..c.aliases)
                    .map(|k| format!("{} alias {k}", node.id))
                    .collect();
                node.external_ids = c
                    .external_ids
                    .into_iter()
                    .filter(|(scheme, value)| claimed.insert((scheme.clone(), value.clone())))
                    .collect();
                node.attributes = c.attributes;
                node.citations = c
                    .citations
                    .iter()
                    .filter_map(|s| citation(s, &sources, &ids))
                    .collect();
                let _ = g.add_node(node);
            }
            for e in edges {
                let (from_kinds, to_kinds) = e.kind.endpoints();
                let pick = |kinds: &[NodeKind], at: Index| {
                    let fits: Vec<&Node> = g
                        .nodes()
                        .map(|(_, n)| n)
                        .filter(|n| kinds.contains(&n.kind()))
                        .collect();
                    (!fits.is_empty()).then(|| fits[at.index(fits.len())].id.clone())
                };
                let (Some(from), Some(to)) = (pick(from_kinds, e.from), pick(to_kinds, e.to))
                else {
                    continue;
                };
                let mut edge = Edge::new(e.kind).valid(e.start, e.end);
                edge.attributes = e.attributes;
                edge.citations = e
                    .citations
                    .iter()
                    .filter_map(|s| citation(s, &sources, &ids))
                    .collect();
                edge = edge.qualified(|q| {
                    q.amount = e.amount;
                    match e.kind {
                        EdgeKind::HoldsOffice => q.title = Some(e.text),
                        EdgeKind::ReportedBy => q.position = Some(e.position),
                        EdgeKind::TradesWith => q.share = e.share,
                        EdgeKind::Other => q.relation = Some(e.text),
                        _ => {}
                    }
                });
                // Edges with the same ends, kind and dates that differ in a qualifier (share,
                // amount, position…), in citations or in attributes are all generated: a merge
                // keeps each statement of one input apart.
                let _ = g.relate(&from, &to, edge);
            }
            g
        })
}

/// Every citation in a graph, as what identifies it whatever id a merge gives its source.
fn citations(g: &Graph) -> Vec<String> {
    let mut all = Vec::new();
    let show = |c: &Citation| {
        format!(
            "{:?} {:?} {:?} {:?}",
            c.span,
            c.text,
            c.via.len(),
            c.confidence
        )
    };
    for (_, n) in g.nodes() {
        all.extend(n.citations.iter().map(show));
        for step in n.lifecycle().unwrap_or_default() {
            all.extend(step.citations.iter().map(show));
        }
    }
    for e in g.edges() {
        all.extend(e.edge.citations.iter().map(show));
    }
    all.sort();
    all.dedup();
    all
}

/// 128 cases per property by default; `PROPTEST_CASES=20000` searches deeper.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(128);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_graphs_are_valid(g in graph()) {
        let problems = g.validate();
        prop_assert!(problems.is_empty(), "{problems:?}");
        // Every citation given by its words into a source holding its text found its span.
        let holds_text = |id: &str| {
            matches!(g.node(id).map(|n| &n.details), Some(NodeDetails::Source { text: Some(_), .. }))
        };
        let node_cites = g.nodes().flat_map(|(_, n)| n.citations.iter());
        let edge_cites = g.edges().flat_map(|e| e.edge.citations.iter());
        for c in node_cites.chain(edge_cites) {
            if c.text.is_some() && holds_text(&c.source) {
                prop_assert!(c.span.is_some() && c.occurrence.is_none(), "{c:?}");
            }
        }
    }

    #[test]
    fn save_then_load_gives_the_same_graph(g in graph()) {
        let saved = format::to_string(&g);
        let loaded = format::from_str(&saved);
        prop_assert!(loaded.is_ok(), "{:?}\n{saved}", loaded.err().map(|e| e.to_string()));
        let loaded = loaded.unwrap();
        prop_assert_eq!(loaded.node_count(), g.node_count());
        prop_assert_eq!(loaded.edge_count(), g.edge_count());
        prop_assert_eq!(&loaded.title, &g.title);
        for (_, n) in g.nodes() {
            prop_assert_eq!(loaded.node(&n.id), Some(n));
        }
        for e in g.edges() {
            let found = loaded.edges().any(|l| l.from.id == e.from.id && l.to.id == e.to.id && l.edge == e.edge);
            prop_assert!(found, "edge {} -{}-> {} lost", e.from.id, e.edge.kind, e.to.id);
        }
        prop_assert_eq!(format::to_string(&loaded), saved);
    }

    #[test]
    fn saving_twice_gives_identical_bytes(g in graph()) {
        let first = format::to_string(&g);
        prop_assert_eq!(format::to_string(&g), first);
    }

    #[test]
    fn loading_any_json_value_never_panics(v in json_value()) {
        let _ = format::from_str(&v.to_string());
        let doc = serde_json::json!({"diplograph": "1", "nodes": [&v], "edges": [&v]});
        let _ = format::from_str(&doc.to_string());
    }

    #[test]
    fn loading_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = format::from_slice(&bytes, None);
    }

    #[test]
    fn loading_a_mangled_save_never_panics(g in graph(), cut in any::<Index>(), byte in any::<u8>()) {
        let mut saved = format::to_string(&g).into_bytes();
        let at = cut.index(saved.len());
        let _ = format::from_slice(&saved[..at], None);
        saved[at] = byte;
        let _ = format::from_slice(&saved, None);
    }

    #[test]
    fn dates_print_back_to_themselves(d in date()) {
        prop_assert_eq!(d.to_string().parse::<PartialDate>(), Ok(d));
        prop_assert!(d.earliest() <= d.latest());
    }

    #[test]
    fn parsing_any_text_as_a_date_never_panics(s in "\\PC{0,12}") {
        if let Ok(d) = s.parse::<PartialDate>() {
            prop_assert_eq!(d.to_string(), s);
        }
    }

    #[test]
    fn merge_does_not_depend_on_order(a in graph(), b in graph()) {
        let ab = merge(&[("a", &a), ("b", &b)], MergeOptions::default());
        let ba = merge(&[("b", &b), ("a", &a)], MergeOptions::default());
        prop_assert_eq!(ab.is_ok(), ba.is_ok());
        if let (Ok(ab), Ok(ba)) = (ab, ba) {
            prop_assert_eq!(format::to_string(&ab.graph), format::to_string(&ba.graph));
        }
    }

    #[test]
    fn merging_a_graph_with_itself_changes_nothing(a in graph()) {
        let aa = merge(&[("a", &a), ("again", &a)], MergeOptions::default());
        prop_assert!(aa.is_ok(), "{:?}", aa.err().map(|e| e.to_string()));
        let aa = aa.unwrap();
        prop_assert!(aa.conflicts.is_empty(), "{:?}", aa.conflicts);
        prop_assert_eq!(format::to_string(&aa.graph), format::to_string(&a));
    }

    #[test]
    fn merging_again_adds_nothing(a in graph(), b in graph()) {
        let once = merge(&[("a", &a), ("b", &b)], MergeOptions::default());
        if let Ok(once) = once {
            let twice = merge(&[("merged", &once.graph), ("a", &a), ("b", &b)], MergeOptions::default());
            prop_assert!(twice.is_ok(), "{:?}", twice.err().map(|e| e.to_string()));
            // Titles are left out: the merge joins them ("a + b"), and joins them again.
            let mut twice = twice.unwrap().graph;
            let mut once = once.graph;
            (twice.title, once.title) = (None, None);
            prop_assert_eq!(format::to_string(&twice), format::to_string(&once));
        }
    }

    #[test]
    fn no_citation_is_lost_in_a_merge(a in graph(), b in graph()) {
        if let Ok(m) = merge(&[("a", &a), ("b", &b)], MergeOptions::default()) {
            let merged = citations(&m.graph);
            for c in citations(&a).iter().chain(citations(&b).iter()) {
                prop_assert!(merged.contains(c), "lost: {c}");
            }
        }
    }

    #[test]
    fn as_of_shows_exactly_the_facts_valid_on_the_day(g in graph(), d in date()) {
        let view = g.as_of(d);
        let shown: Vec<(String, EdgeKind, String)> =
            view.edges().map(|e| (e.from.id, e.kind, e.to.id)).collect();
        for e in g.edges() {
            let key = (e.from.id.clone(), e.edge.kind, e.to.id.clone());
            let (start, end) = (e.edge.valid.start, e.edge.valid.end);
            let certainly_in = start.is_none_or(|s| s.latest() <= d.earliest())
                && end.is_none_or(|x| x.earliest() >= d.latest());
            let certainly_out = start.is_some_and(|s| s.earliest() > d.latest())
                || end.is_some_and(|x| x.latest() < d.earliest());
            if certainly_in {
                prop_assert!(shown.contains(&key), "{key:?} ({start:?}..{end:?}) valid on {d} but not shown");
            }
            if certainly_out {
                let same: Vec<_> = g.edges().filter(|o| (o.from.id.clone(), o.edge.kind, o.to.id.clone()) == key).collect();
                if same.len() == 1 {
                    prop_assert!(!shown.contains(&key), "{key:?} ({start:?}..{end:?}) not valid on {d} but shown");
                }
            }
        }
    }
}
