//! Scores `diplograph draft` against the hand-annotated reports in `benches/draft/reports/`
//! (reports on international security and diplomacy, each a native file holding the report's
//! text in its source node and the annotator's entities, statements and chains).
//!
//! ```text
//! cargo run --release -p diplograph-benches --bin draft_reports -- [FILE|DIR…] [--markdown] [--show] [--speed]
//! ```
//!
//! Files and directories of annotated reports may be given (the built-in example,
//! `examples/shangri-la-2016.json`, too); `--show` lists what each draft got, missed and added;
//! `--speed` times the finders and the whole draft over the texts instead of scoring.
//!
//! Each report's text is drafted with the source's date, title, URL and publisher (the source
//! node's `publisher` attribute), then compared with the annotation:
//! - **entity recall**: of the annotated countries, people and organizations (the publisher
//!   left out), the share the draft has as a node of the same kind: a country by its ISO code,
//!   a person or organization by a citation overlapping one of the annotation's (the node's own
//!   or its `said` edges'), or by the same name or alias (case and spacing ignored);
//! - **names finder**: of the annotated countries and organizations, the share
//!   `draft::names::find_names` finds on its own (a country by code anywhere in the text, an
//!   organization by a mention overlapping the annotation's words), whether or not the draft
//!   uses it;
//! - **statement F1**: a drafted statement matches an annotated one when its content covers at
//!   least half of the annotated content's words (whitespace-separated); pairs are made one to
//!   one, greedily by overlap; precision = matched drafted / drafted, recall = matched
//!   annotated / annotated;
//! - **speaker**: of the matched statements, the share whose drafted speaker is an annotated
//!   speaker: the node the entity match gives, a node with the speaker's name, alias or last
//!   name, or a `said` citation overlapping the annotation's (when that cites a mention, not a
//!   whole sentence);
//! - **chain accuracy**: of the matched statements, the share whose speaker is right *and*
//!   whose intermediaries (the `reported_by` chain without the publisher) are the annotated
//!   ones, in order.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use diplograph::draft::agreements::{find_agreements, find_events};
use diplograph::draft::dates::find_dates;
use diplograph::draft::names::{find_names, Name};
use diplograph::draft::{draft, DraftOptions};
use diplograph::{EdgeKind, Graph, Node, NodeDetails, NodeKind};

/// An annotated statement.
struct GoldStatement {
    content: Range<usize>,
    speakers: Vec<String>,
    speaker_words: Vec<Range<usize>>,
    chain: Vec<String>,
}

#[derive(Default, Clone, Copy)]
struct Score {
    entities: usize,
    entities_found: usize,
    gold_statements: usize,
    drafted_statements: usize,
    matched: usize,
    speaker_correct: usize,
    chain_correct: usize,
    /// Annotated countries and organizations, and those `find_names` finds.
    named: usize,
    named_found: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.entities += o.entities;
        self.entities_found += o.entities_found;
        self.gold_statements += o.gold_statements;
        self.drafted_statements += o.drafted_statements;
        self.matched += o.matched;
        self.speaker_correct += o.speaker_correct;
        self.chain_correct += o.chain_correct;
        self.named += o.named;
        self.named_found += o.named_found;
    }

    fn recall(&self) -> f64 {
        ratio(self.entities_found, self.entities)
    }

    fn f1(&self) -> f64 {
        let p = ratio(self.matched, self.drafted_statements);
        let r = ratio(self.matched, self.gold_statements);
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let markdown = args.iter().any(|a| a == "--markdown");
    let show = args.iter().any(|a| a == "--show");
    let mut paths: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        paths.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("draft/reports"));
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path);
            continue;
        }
        match std::fs::read_dir(&path) {
            Ok(entries) => files.extend(
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "json")),
            ),
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", path.display());
                std::process::exit(2);
            }
        }
    }
    files.sort();
    if args.iter().any(|a| a == "--speed") {
        speed(&files);
        return;
    }
    let mut total = Score::default();
    let mut rows = Vec::new();
    for file in &files {
        let gold = match diplograph::format::load(file) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("error: {}: {e}", file.display());
                std::process::exit(1);
            }
        };
        let name = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if show {
            println!("{name}");
        }
        let Some(score) = score_report(&gold, show) else {
            eprintln!("error: {}: no source node with text", file.display());
            std::process::exit(1);
        };
        total.add(&score);
        rows.push((name, score));
    }
    rows.push(("all".to_owned(), total));
    if markdown {
        println!("| report | entities found | names finder | statements (gold / drafted / matched) | statement F1 | speaker right | chain right |");
        println!("|---|---|---|---|---|---|---|");
        for (name, s) in &rows {
            println!(
                "| {name} | {}/{} ({:.2}) | {}/{} ({:.2}) | {} / {} / {} | {:.2} | {}/{} | {}/{} ({:.2}) |",
                s.entities_found,
                s.entities,
                s.recall(),
                s.named_found,
                s.named,
                ratio(s.named_found, s.named),
                s.gold_statements,
                s.drafted_statements,
                s.matched,
                s.f1(),
                s.speaker_correct,
                s.matched,
                s.chain_correct,
                s.matched,
                ratio(s.chain_correct, s.matched)
            );
        }
    } else {
        println!(
            "{:<34} {:>9} {:>6} {:>7} {:>14} {:>6} {:>8} {:>8}",
            "report", "entities", "recall", "names", "gold/dr/match", "F1", "speaker", "chain"
        );
        for (name, s) in &rows {
            println!(
                "{:<34} {:>4}/{:<4} {:>6.2} {:>7.2} {:>4}/{:>3}/{:>5} {:>6.2} {:>8.2} {:>8.2}",
                name,
                s.entities_found,
                s.entities,
                s.recall(),
                ratio(s.named_found, s.named),
                s.gold_statements,
                s.drafted_statements,
                s.matched,
                s.f1(),
                ratio(s.speaker_correct, s.matched),
                ratio(s.chain_correct, s.matched)
            );
        }
    }
}

fn source_of(gold: &Graph) -> Option<&Node> {
    gold.nodes_of_kind(NodeKind::Source).next()
}

fn score_report(gold: &Graph, show: bool) -> Option<Score> {
    let source = source_of(gold)?;
    let NodeDetails::Source {
        date, url, text, ..
    } = &source.details
    else {
        return None;
    };
    let text = text.as_deref()?;
    let publisher = source
        .attributes
        .get("publisher")
        .and_then(|p| p.as_str())
        .map(str::to_owned)
        .or_else(|| last_link(gold));
    let options = DraftOptions {
        date: *date,
        title: Some(source.name.clone()),
        url: url.clone(),
        publisher: publisher.clone(),
        source_id: Some(source.id.clone()),
        into: None,
    };
    let drafted = draft(text, &options);
    let graph = &drafted.graph;
    let publisher_ids: BTreeSet<String> = publisher
        .iter()
        .flat_map(|p| {
            gold.nodes()
                .chain(graph.nodes())
                .filter(move |(_, n)| n.name == *p)
                .map(|(_, n)| n.id.clone())
        })
        .collect();

    let mut score = Score::default();
    // Entities: gold id → drafted id.
    let mut mapped: BTreeMap<String, String> = BTreeMap::new();
    for kind in [NodeKind::Country, NodeKind::Person, NodeKind::Organization] {
        for node in gold.nodes_of_kind(kind) {
            if publisher_ids.contains(&node.id) {
                continue;
            }
            score.entities += 1;
            let found = find_entity(gold, node, graph);
            if let Some(id) = found {
                score.entities_found += 1;
                mapped.insert(node.id.clone(), id);
            } else if show {
                println!("  missed entity {} ({})", node.id, node.name);
            }
        }
    }
    if show {
        let found: BTreeSet<&String> = mapped.values().collect();
        for kind in [NodeKind::Country, NodeKind::Person, NodeKind::Organization] {
            for n in graph.nodes_of_kind(kind) {
                if !found.contains(&n.id) && !publisher_ids.contains(&n.id) {
                    println!("  added entity {} ({})", n.id, n.name);
                }
            }
        }
        for kind in [NodeKind::Agreement, NodeKind::Event] {
            let ours: Vec<&Node> = graph.nodes_of_kind(kind).collect();
            for n in gold.nodes_of_kind(kind) {
                let words = fact_words(gold, n);
                let hit = ours.iter().find(|o| {
                    o.details.subkind() == n.details.subkind()
                        && fact_words(graph, o)
                            .iter()
                            .any(|t| words.iter().any(|w| overlaps(t, w)))
                });
                match hit {
                    Some(o) => println!("  got {} {} as {}", kind.as_str(), n.id, o.id),
                    None => println!("  missed {} {} ({})", kind.as_str(), n.id, n.name),
                }
            }
            for o in &ours {
                println!("  drafted {} {} ({})", kind.as_str(), o.id, o.name);
            }
        }
    }
    // The names finder on its own.
    let mentions = find_names(text);
    for kind in [NodeKind::Country, NodeKind::Organization] {
        for node in gold.nodes_of_kind(kind) {
            if publisher_ids.contains(&node.id) {
                continue;
            }
            score.named += 1;
            let words = entity_words(gold, node);
            let found = mentions.iter().any(|m| match &m.name {
                Name::Country { id, .. } => kind == NodeKind::Country && *id == node.id,
                Name::Organization(_) => {
                    kind == NodeKind::Organization
                        && words
                            .iter()
                            .any(|w| overlaps(w, &(m.span.start..m.span.end)))
                }
                _ => false,
            });
            if found {
                score.named_found += 1;
            } else if show {
                println!("  names finder missed {} ({})", node.id, node.name);
            }
        }
    }
    // Statements.
    let gold_statements: Vec<GoldStatement> = gold
        .nodes_of_kind(NodeKind::Statement)
        .filter_map(|n| gold_statement(gold, n, &publisher_ids))
        .collect();
    score.gold_statements = gold_statements.len();
    score.drafted_statements = drafted.statements.len();
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (g, gs) in gold_statements.iter().enumerate() {
        for (d, ds) in drafted.statements.iter().enumerate() {
            let covered = words_covered(text, &gs.content, &ds.content);
            let words = text[gs.content.clone()].split_whitespace().count();
            if words > 0 && covered * 2 >= words {
                pairs.push((covered, g, d));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_used = vec![false; gold_statements.len()];
    let mut drafted_used = vec![false; drafted.statements.len()];
    for (_, g, d) in pairs {
        if gold_used[g] || drafted_used[d] {
            continue;
        }
        gold_used[g] = true;
        drafted_used[d] = true;
        score.matched += 1;
        let (Some(gs), Some(ds)) = (gold_statements.get(g), drafted.statements.get(d)) else {
            continue;
        };
        let speaker_right = ds.speaker_id.as_ref().is_some_and(|sid| {
            gs.speakers.iter().any(|s| {
                mapped.get(s) == Some(sid)
                    || gold
                        .node(s)
                        .zip(graph.node(sid))
                        .is_some_and(|(g, d)| same_name(g, d))
            }) || ds.speaker.as_ref().is_some_and(|w| {
                gs.speaker_words
                    .iter()
                    .any(|g| g.len() <= MENTION && overlaps(g, w))
            })
        });
        if speaker_right {
            score.speaker_correct += 1;
        }
        let drafted_chain = chain_of(graph, &ds.id, &publisher_ids);
        let gold_chain: Vec<Option<&String>> = gs.chain.iter().map(|c| mapped.get(c)).collect();
        let chain_right = speaker_right
            && gold_chain.len() == drafted_chain.len()
            && gold_chain
                .iter()
                .zip(&drafted_chain)
                .all(|(g, d)| *g == Some(d));
        if chain_right {
            score.chain_correct += 1;
        }
        if show && !(speaker_right && chain_right) {
            println!(
                "  statement {:?}: speaker {:?} (gold {:?}), chain {:?} (gold {:?})",
                excerpt(text, &gs.content),
                ds.speaker_id,
                gs.speakers,
                drafted_chain,
                gs.chain
            );
        }
    }
    if show {
        for (g, gs) in gold_statements.iter().enumerate() {
            if !gold_used[g] {
                println!("  missed statement {:?}", excerpt(text, &gs.content));
            }
        }
        for (d, ds) in drafted.statements.iter().enumerate() {
            if !drafted_used[d] {
                let first = ds.content.first().cloned().unwrap_or(0..0);
                println!("  added statement {:?}", excerpt(text, &first));
            }
        }
    }
    Some(score)
}

/// Times the finders (names, dates, agreements, events) and the whole draft over the reports'
/// texts, repeated to at least 5 MB, on one thread.
fn speed(files: &[PathBuf]) {
    let mut texts = Vec::new();
    for file in files {
        let Ok(gold) = diplograph::format::load(file) else {
            continue;
        };
        if let Some(NodeDetails::Source {
            text: Some(text), ..
        }) = source_of(&gold).map(|n| &n.details)
        {
            texts.push(text.clone());
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    if bytes == 0 {
        eprintln!("error: no report text to time");
        std::process::exit(1);
    }
    let rounds = (5_000_000 / bytes).max(1);
    let report = chrono_date();
    let mut found = 0usize;
    let mut took = [0.0f64; 3];
    for _ in 0..rounds {
        for text in &texts {
            let t = std::time::Instant::now();
            let names = find_names(text);
            took[0] += t.elapsed().as_secs_f64();
            let t = std::time::Instant::now();
            let dates = find_dates(text, report);
            took[1] += t.elapsed().as_secs_f64();
            let t = std::time::Instant::now();
            found += names.len()
                + dates.len()
                + find_agreements(text, &names, &dates, report).len()
                + find_events(text, &names, &dates).len();
            took[2] += t.elapsed().as_secs_f64();
        }
    }
    let finders: f64 = took.iter().sum();
    let options = DraftOptions::default();
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        for text in &texts {
            found += draft(text, &options).statements.len();
        }
    }
    let whole = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{mb:.1} MB of report text ({} reports x {rounds}): finders {:.1} MB/s (names {:.1}, dates {:.1}, agreements and events {:.1}), whole draft {:.1} MB/s ({found} things found)",
        texts.len(),
        mb / finders,
        mb / took[0],
        mb / took[1],
        mb / took[2],
        mb / whole
    );
}

fn chrono_date() -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(2016, 6, 4)
}

/// The outlet most often last in the annotation's chains: the publisher, when the source
/// does not name it.
fn last_link(gold: &Graph) -> Option<String> {
    let mut last: BTreeMap<&str, (u32, &str)> = BTreeMap::new();
    for e in gold.edges().filter(|e| e.edge.kind == EdgeKind::ReportedBy) {
        let position = e
            .edge
            .qualifiers
            .as_ref()
            .and_then(|q| q.position)
            .unwrap_or(0);
        let entry = last.entry(e.from.id.as_str()).or_insert((0, ""));
        if position >= entry.0 {
            *entry = (position, e.to.name.as_str());
        }
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, name) in last.values() {
        *counts.entry(name).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(name, n)| (*n, std::cmp::Reverse(*name)))
        .map(|(name, _)| name.to_owned())
}

fn excerpt(text: &str, r: &Range<usize>) -> String {
    text.get(r.clone()).unwrap_or("").chars().take(70).collect()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// How many of the whitespace-separated words of `gold` the `drafted` ranges touch.
fn words_covered(text: &str, gold: &Range<usize>, drafted: &[Range<usize>]) -> usize {
    let mut count = 0;
    let mut offset = gold.start;
    for word in text[gold.clone()].split_whitespace() {
        let Some(at) = text[offset..gold.end].find(word) else {
            break;
        };
        let w = offset + at..offset + at + word.len();
        offset = w.end;
        if drafted.iter().any(|d| overlaps(d, &w)) {
            count += 1;
        }
    }
    count
}

fn spans_of(citations: &[diplograph::Citation]) -> Vec<Range<usize>> {
    citations
        .iter()
        .filter_map(|c| c.span.map(|s| s.start..s.end))
        .collect()
}

/// The words citing an entity: its own citations and its `said` edges'.
fn entity_words(graph: &Graph, node: &Node) -> Vec<Range<usize>> {
    let mut out = spans_of(&node.citations);
    for e in graph.edges() {
        if e.from.id == node.id && e.edge.kind == EdgeKind::Said {
            out.extend(spans_of(&e.edge.citations));
        }
    }
    out
}

/// The words citing an agreement or event: its own citations, its lifecycle steps' and those
/// of the edges that touch it.
fn fact_words(graph: &Graph, node: &Node) -> Vec<Range<usize>> {
    let mut out = spans_of(&node.citations);
    if let NodeDetails::Agreement { lifecycle, .. } = &node.details {
        for step in lifecycle {
            out.extend(spans_of(&step.citations));
        }
    }
    for e in graph.edges() {
        if e.from.id == node.id || e.to.id == node.id {
            out.extend(spans_of(&e.edge.citations));
        }
    }
    out
}

/// The longest `said` citation read as the words naming a speaker; longer ones cite a whole
/// sentence (as the built-in example's do), which says nothing of who the draft named.
const MENTION: usize = 80;

/// Whether a drafted node bears an annotated node's name or alias, or its last word ("Carter"
/// for "Ashton Carter").
fn same_name(gold: &Node, drafted: &Node) -> bool {
    let theirs: Vec<String> = std::iter::once(&drafted.name)
        .chain(&drafted.aliases)
        .map(|n| normal(n))
        .collect();
    std::iter::once(&gold.name).chain(&gold.aliases).any(|g| {
        let g = normal(g);
        theirs
            .iter()
            .any(|t| *t == g || (t.len() >= 3 && g.ends_with(&format!(" {t}"))))
    })
}

fn normal(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn find_entity(gold: &Graph, node: &Node, drafted: &Graph) -> Option<String> {
    if node.kind() == NodeKind::Country {
        return drafted.node(&node.id).map(|n| n.id.clone());
    }
    let words = entity_words(gold, node);
    let names: BTreeSet<String> = std::iter::once(&node.name)
        .chain(&node.aliases)
        .map(|n| normal(n))
        .collect();
    let candidates = drafted.nodes_of_kind(node.kind());
    let mut by_name = None;
    for c in candidates {
        let theirs = entity_words(drafted, c);
        if theirs.iter().any(|t| words.iter().any(|w| overlaps(t, w))) {
            return Some(c.id.clone());
        }
        if by_name.is_none()
            && std::iter::once(&c.name)
                .chain(&c.aliases)
                .any(|n| names.contains(&normal(n)))
        {
            by_name = Some(c.id.clone());
        }
    }
    by_name
}

fn gold_statement(
    gold: &Graph,
    node: &Node,
    publishers: &BTreeSet<String>,
) -> Option<GoldStatement> {
    let content = spans_of(&node.citations).into_iter().next()?;
    let mut speakers = Vec::new();
    let mut speaker_words = Vec::new();
    for e in gold.edges() {
        if e.to.id == node.id && e.edge.kind == EdgeKind::Said {
            speakers.push(e.from.id.clone());
            speaker_words.extend(spans_of(&e.edge.citations));
        }
    }
    Some(GoldStatement {
        content,
        speakers,
        speaker_words,
        chain: chain_of(gold, &node.id, publishers),
    })
}

/// The first chain of a statement's `reported_by` edges, nearest the speaker first, without
/// the publisher.
fn chain_of(graph: &Graph, statement: &str, publishers: &BTreeSet<String>) -> Vec<String> {
    let mut links: Vec<(u32, String)> = graph
        .edges()
        .filter(|e| e.from.id == statement && e.edge.kind == EdgeKind::ReportedBy)
        .filter(|e| {
            e.edge
                .qualifiers
                .as_ref()
                .and_then(|q| q.chain)
                .unwrap_or(1)
                == 1
        })
        .filter(|e| !publishers.contains(&e.to.id))
        .map(|e| {
            let position = e.edge.qualifiers.as_ref().and_then(|q| q.position);
            (position.unwrap_or(0), e.to.id.clone())
        })
        .collect();
    links.sort();
    links.into_iter().map(|(_, id)| id).collect()
}
