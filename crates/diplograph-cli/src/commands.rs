//! The commands: each reads its graph, asks the core, and prints the answer.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use diplograph::export::{self, ExportFormat};
use diplograph::model::NodeKind;
use diplograph::output::{write_atomically_with, WriteOptions};
use diplograph::query::{
    Chain, ChainQuery, Direction, Link, NeighbourhoodQuery, NodeProfile, NodeRef, StatementInfo,
    StatementQuery, TimelineEntry, TimelineKind, TimelineQuery,
};
use diplograph::time::PartialDate;
use diplograph::{Graph, Problem};
use serde_json::json;

use crate::cli::{family, Cli, Command, Inputs};
use crate::failure::{render_problems, Failure, Text};
use crate::input::{self, progress};
use crate::note;
use crate::render::{
    caveats, citation, citations, date, keep_whole, node_ref, node_refs, print_json, print_table,
    state, table,
};

/// Runs the command line.
///
/// # Errors
/// The command's [`Failure`].
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Validate { inputs, json } => validate(&inputs, json, quiet, out),
        Command::Stats { inputs, json } => {
            let g = input::load(&inputs.files, quiet)?;
            stats(&g, json, out)
        }
        Command::Show {
            node,
            inputs,
            as_of,
            json,
        } => {
            let g = input::load(&inputs.files, quiet)?;
            show(&g, &node, as_of.as_ref(), json, out)
        }
        Command::Path {
            from,
            to,
            inputs,
            via,
            as_of,
            k,
            max_hops,
            json,
        } => {
            let family = family(&via).map_err(Failure::Usage)?;
            let g = input::load(&inputs.files, quiet)?;
            let query = ChainQuery {
                family,
                on: as_of,
                k: usize::from(k),
                max_hops: usize::from(max_hops),
            };
            path(&g, &from, &to, &query, json, out)
        }
        Command::Statements {
            inputs,
            by,
            about,
            via,
            disputed,
            json,
        } => {
            let g = input::load(&inputs.files, quiet)?;
            let resolve = |n: Option<String>| n.map(|n| g.resolve(&n)).transpose();
            let query = StatementQuery {
                by: resolve(by)?,
                about: resolve(about)?,
                via: resolve(via)?,
                disputed,
            };
            statements(&g, &query, json, out)
        }
        Command::Timeline {
            inputs,
            from,
            to,
            around,
            json,
        } => {
            let g = input::load(&inputs.files, quiet)?;
            let around = around.map(|n| g.resolve(&n)).transpose()?;
            timeline(&g, &TimelineQuery { from, to, around }, json, out)
        }
        Command::Merge {
            files,
            output,
            strict,
            force,
        } => merge(&files, &output, strict, WriteOptions { force }, quiet, out),
        Command::Dump {
            inputs,
            format,
            as_of,
            around,
            depth,
            kinds,
            output,
            force,
        } => {
            let g = input::load(&inputs.files, quiet)?;
            let g = match around {
                Some(name) => {
                    let center = g.resolve(&name)?;
                    let q = NeighbourhoodQuery {
                        depth,
                        kinds,
                        on: as_of,
                    };
                    g.neighbourhood(center, &q)
                }
                None if kinds.is_empty() && as_of.is_none() => g,
                None => g.filtered(&kinds, as_of.as_ref()),
            };
            dump(
                &g,
                format,
                output.as_deref(),
                WriteOptions { force },
                quiet,
                out,
            )
        }
        Command::Completions { shell } => {
            // Generated in memory: clap_complete panics when its writer fails (a closed pipe).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "diplograph", &mut script);
            Ok(out.write_all(&script)?)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            Ok(out.write_all(&page)?)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// validate

fn validate(inputs: &Inputs, json: bool, quiet: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let files: Vec<PathBuf> = inputs.files.clone();
    let mut results: Vec<(String, Checked)> = Vec::new();
    if files.is_empty() {
        if !quiet {
            note("no input file: checking the built-in example");
        }
        let r = input::parse(input::Input {
            label: input::EXAMPLE_LABEL.to_owned(),
            bytes: diplograph::EXAMPLE_JSON.as_bytes().to_vec(),
        });
        results.push((input::EXAMPLE_LABEL.to_owned(), split(r)?));
    } else {
        if files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
            return Err(Failure::Usage(
                "standard input (`-`) can be given only once".to_owned(),
            ));
        }
        for f in &files {
            let i = input::read(f)?;
            let label = i.label.clone();
            results.push((label, split(input::parse(i))?));
        }
    }
    // When every file is valid on its own, their merge must be too.
    let mut merge_problems = Vec::new();
    let mut merge_conflicts = Vec::new();
    if results.len() > 1 && results.iter().all(|(_, r)| r.is_ok()) {
        let graphs: Vec<(String, Graph)> = results
            .iter_mut()
            .filter_map(|(l, r)| r.as_mut().ok().map(|g| (l.clone(), std::mem::take(g))))
            .collect();
        match input::merge_all(&graphs, false) {
            Ok(m) => merge_conflicts = m.conflicts,
            Err(Failure::Invalid { problems, .. }) => merge_problems = problems,
            Err(other) => return Err(other),
        }
        for ((_, r), (_, g)) in results.iter_mut().zip(graphs) {
            *r = Ok(g);
        }
    }
    let invalid = results.iter().any(|(_, r)| r.is_err()) || !merge_problems.is_empty();
    if json {
        let files: Vec<serde_json::Value> = results
            .iter()
            .map(|(label, r)| match r {
                Ok(g) => json!({"file": label, "valid": true, "nodes": g.node_count(),
                                "edges": g.edge_count(), "problems": []}),
                Err((ps, _)) => json!({"file": label, "valid": false,
                                      "problems": ps.iter().map(problem_json).collect::<Vec<_>>()}),
            })
            .collect();
        let mut doc = json!({"valid": !invalid, "files": files});
        if results.len() > 1 {
            doc["merge"] = json!({
                "problems": merge_problems.iter().map(problem_json).collect::<Vec<_>>(),
                "conflicts": merge_conflicts.iter().map(problem_json).collect::<Vec<_>>(),
            });
        }
        print_json(out, &doc)?;
        return if invalid {
            Err(Failure::Reported)
        } else {
            Ok(())
        };
    }
    let mut err = anstream::stderr();
    for (label, r) in &results {
        match r {
            Ok(g) => writeln!(
                out,
                "{label}: valid ({} nodes, {} edges)",
                g.node_count(),
                g.edge_count()
            )?,
            Err((ps, texts)) => {
                // A failure to write to standard error cannot be reported.
                let _ = render_problems(&mut err, ps, texts, false);
                writeln!(out, "{label}: invalid ({} problem(s))", ps.len())?;
            }
        }
    }
    if !merge_problems.is_empty() {
        let _ = render_problems(&mut err, &merge_problems, &[], false);
        writeln!(
            out,
            "merged: invalid ({} problem(s) in the merge of the files)",
            merge_problems.len()
        )?;
    }
    if !merge_conflicts.is_empty() {
        let _ = render_problems(&mut err, &merge_conflicts, &[], true);
        writeln!(
            out,
            "merged: valid, with {} conflict(s) between the files",
            merge_conflicts.len()
        )?;
    }
    if invalid {
        Err(Failure::Reported)
    } else {
        Ok(())
    }
}

type Checked = Result<Graph, (Vec<Problem>, Vec<Text>)>;

/// Separates a file's problems (to report) from failures that stop the command (I/O).
fn split(r: Result<Graph, Failure>) -> Result<Checked, Failure> {
    match r {
        Ok(g) => Ok(Ok(g)),
        Err(Failure::Invalid { problems, texts }) => Ok(Err((problems, texts))),
        Err(other) => Err(other),
    }
}

fn problem_json(p: &Problem) -> serde_json::Value {
    serde_json::to_value(p).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// stats

fn stats(g: &Graph, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let s = g.stats();
    if json {
        return Ok(print_json(out, &s)?);
    }
    if let Some(t) = &s.title {
        writeln!(out, "{t}")?;
    }
    writeln!(
        out,
        "{} nodes, {} edges; dates from {} to {}",
        s.nodes,
        s.edges,
        date(s.first_date.as_ref()),
        date(s.last_date.as_ref())
    )?;
    let mut t = table(["node kind", "count"]);
    for (k, n) in &s.nodes_by_kind {
        t.add_row(vec![k.to_string(), n.to_string()]);
    }
    print_table(out, &t)?;
    let mut t = table(["edge kind", "count"]);
    for (k, n) in &s.edges_by_kind {
        t.add_row(vec![k.to_string(), n.to_string()]);
    }
    print_table(out, &t)?;
    let mut t = table(["source", "name", "date", "citations", "url"]);
    for src in &s.sources {
        t.add_row(vec![
            src.source.id.clone(),
            src.source.name.clone(),
            date(src.date.as_ref()),
            src.citations.to_string(),
            src.url.clone().unwrap_or_default(),
        ]);
    }
    print_table(out, &t)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// show

fn show(
    g: &Graph,
    name: &str,
    on: Option<&PartialDate>,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let ix = g.resolve(name)?;
    let profile = g
        .profile(ix, on)
        .ok_or_else(|| diplograph::Error::NodeNotFound {
            name: name.to_owned(),
            hint: String::new(),
        })?;
    if json {
        return Ok(print_json(out, &profile)?);
    }
    print_profile(g, &profile, out)
}

fn print_profile(g: &Graph, p: &NodeProfile, out: &mut dyn Write) -> Result<(), Failure> {
    let kind = match &p.subkind {
        Some(s) => format!("{} ({s})", p.node.kind),
        None => p.node.kind.to_string(),
    };
    writeln!(out, "{} — {kind}, id `{}`", p.node.name, p.node.id)?;
    if let Some(d) = &p.as_of {
        writeln!(out, "as of {d}")?;
    }
    if !p.aliases.is_empty() {
        writeln!(out, "aliases: {}", p.aliases.join(", "))?;
    }
    for (scheme, id) in &p.external_ids {
        writeln!(out, "{scheme}: {id}")?;
    }
    for (k, v) in &p.attributes {
        writeln!(out, "{k}: {v}")?;
    }
    if let Some(place) = &p.place {
        writeln!(out, "place: {place}")?;
    }
    if let Some(when) = &p.when {
        let shown = match (when.start, when.end) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (None, None) => "?".to_owned(),
            _ => when.to_string(),
        };
        writeln!(out, "when: {shown}")?;
    }
    if p.node.kind == NodeKind::Source {
        if let Some(d) = &p.date {
            writeln!(out, "date: {d}")?;
        }
        if let Some(len) = p.text_length {
            writeln!(out, "text length: {len}")?;
        }
        if let Some(url) = &p.url {
            writeln!(out, "url: {url}")?;
        }
    }
    if let Some(s) = &p.state {
        writeln!(out, "state: {}", state(s))?;
        if !s.citations.is_empty() {
            writeln!(
                out,
                "  {}",
                citations(g, &s.citations).replace('\n', "\n  ")
            )?;
        }
    }
    if let Some(s) = &p.statement {
        let words = if s.is_quote {
            format!("“{}”", s.text)
        } else {
            s.text.clone()
        };
        writeln!(out, "words: {words}")?;
        writeln!(out, "date: {}", date(s.date.as_ref()))?;
        writeln!(out, "attribution: {}", s.attribution.text)?;
        for (label, refs) in [
            ("about", &s.about),
            ("reports", &s.reports),
            ("reported in", &s.reported_in),
            ("supports", &s.supports),
            ("supported by", &s.supported_by),
            ("disputes", &s.disputes),
            ("disputed by", &s.disputed_by),
        ] {
            if !refs.is_empty() {
                writeln!(out, "{label}: {}", node_refs(refs))?;
            }
        }
    }
    if !p.citations.is_empty() {
        writeln!(out, "\nCited in")?;
        let mut t = table(["citation"]);
        for c in &p.citations {
            t.add_row(vec![citation(g, c)]);
        }
        print_table(out, &t)?;
    }
    if !p.lifecycle.is_empty() {
        writeln!(out, "\nLifecycle")?;
        let mut t = table(["state", "date", "party", "citations"]);
        for s in &p.lifecycle {
            let when = match (s.date, s.attested) {
                (Some(d), _) => d.to_string(),
                (None, Some(a)) => format!("? (attested by {a})"),
                (None, None) => "?".to_owned(),
            };
            t.add_row(vec![
                s.state.to_string(),
                when,
                s.party.clone().unwrap_or_default(),
                citations(g, &s.citations),
            ]);
        }
        print_table(out, &t)?;
    }
    if !p.parties.is_empty() {
        writeln!(out, "\nParties")?;
        let mut t = table(["party", "valid", "withdrew", "citations"]);
        for party in &p.parties {
            t.add_row(vec![
                format!(
                    "{}{}",
                    node_ref(&party.party),
                    caveats(party.validity.containment, party.validity.rests_on_unknown)
                ),
                if party.valid.is_unbounded() {
                    String::new()
                } else {
                    party.valid.to_string()
                },
                party.withdrew.map(|d| d.to_string()).unwrap_or_default(),
                citations(g, &party.citations),
            ]);
        }
        print_table(out, &t)?;
    }
    if !p.signatories.is_empty() {
        writeln!(out, "\nSignatories")?;
        let mut t = table(["person", "on behalf of", "date", "citations"]);
        for s in &p.signatories {
            t.add_row(vec![
                node_ref(&s.person),
                s.on_behalf_of.as_ref().map(node_ref).unwrap_or_default(),
                date(s.date.as_ref()),
                citations(g, &s.citations),
            ]);
        }
        print_table(out, &t)?;
    }
    if !p.offices.is_empty() {
        writeln!(out, "\nOffices")?;
        let mut t = table(["title", "in", "valid", "citations"]);
        for o in &p.offices {
            t.add_row(vec![
                o.title.clone(),
                node_ref(&o.organization),
                format!(
                    "{}{}",
                    o.valid,
                    caveats(o.validity.containment, o.validity.rests_on_unknown)
                ),
                citations(g, &o.citations),
            ]);
        }
        print_table(out, &t)?;
    }
    if !p.attendees.is_empty() {
        writeln!(out, "\nAttended by: {}", node_refs(&p.attendees))?;
    }
    if !p.relations.is_empty() {
        writeln!(out, "\nRelations")?;
        let mut t = table(["relation", "with", "valid", "citations"]);
        for r in &p.relations {
            let mut what = if r.direction == Direction::Out {
                format!("{} →", r.kind)
            } else {
                format!("← {}", r.kind)
            };
            let quals = [
                r.title.clone(),
                r.on_behalf_of.as_ref().map(|b| format!("for {b}")),
                r.position.map(|p| format!("position {p}")),
                r.share.map(|s| format!("share {s}")),
                r.amount.clone(),
                r.relation.clone(),
            ];
            for q in quals.into_iter().flatten() {
                what.push_str(&format!("\n({q})"));
            }
            let valid = if r.valid.is_unbounded() {
                String::new()
            } else {
                r.valid.to_string()
            };
            t.add_row(vec![
                what,
                node_ref(&r.other),
                valid,
                citations(g, &r.citations),
            ]);
        }
        print_table(out, &t)?;
    }
    for (label, list) in [
        ("Statements by it", &p.statements_by),
        ("Statements about it", &p.statements_about),
    ] {
        if !list.is_empty() {
            writeln!(out, "\n{label}")?;
            print_table(out, &statements_table(g, list))?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// path

fn path(
    g: &Graph,
    from: &str,
    to: &str,
    query: &ChainQuery,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let (a, b) = (g.resolve(from)?, g.resolve(to)?);
    let name = |ix| {
        g.node_at(ix)
            .map(|n| NodeRef::from(n).to_string())
            .unwrap_or_default()
    };
    if a == b {
        return Err(Failure::Usage(format!(
            "`{from}` and `{to}` are the same node, {}",
            name(a)
        )));
    }
    let chains = g.chains(a, b, query);
    let when = query.on.map_or_else(
        || "by their last recorded state".to_owned(),
        |d| format!("as of {d}"),
    );
    if chains.is_empty() {
        return Err(Failure::NoAnswer(format!(
            "no chain of {} agreements links {} to {} {when} (within {} hops)",
            query.family.name(),
            name(a),
            name(b),
            query.max_hops
        )));
    }
    if json {
        return Ok(print_json(out, &chains)?);
    }
    for (i, c) in chains.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        print_chain(g, c, query, &when, out)?;
    }
    Ok(())
}

fn print_chain(
    g: &Graph,
    c: &Chain,
    query: &ChainQuery,
    when: &str,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let stops: Vec<String> = c
        .hops
        .first()
        .map(|h| h.from.to_string())
        .into_iter()
        .chain(c.hops.iter().map(|h| h.to.to_string()))
        .collect();
    writeln!(
        out,
        "{} — {} hop(s) through {} agreements, {when}{}",
        stops.join(" → "),
        c.hops.len(),
        query.family.name(),
        caveats(c.containment, c.rests_on_unknown)
    )?;
    let mut t = table(["hop", "agreement", "state", "citations"]);
    keep_whole(&mut t, &[0]);
    for (i, h) in c.hops.iter().enumerate() {
        let end = |n: &NodeRef, acting: Option<&NodeRef>| match acting {
            Some(p) => format!("{} (as {})", n.id, p.name),
            None => n.id.clone(),
        };
        let hop = format!(
            "{}. {} → {}",
            i + 1,
            end(&h.from, h.from_party.as_ref()),
            end(&h.to, h.to_party.as_ref())
        );
        let (link, st) = match &h.link {
            Link::Agreement {
                agreement,
                kind,
                state: s,
            } => (
                format!("{} ({kind})\n{}", agreement.name, agreement.id),
                state(s),
            ),
            Link::Relation { kind } => (kind.to_string(), String::new()),
        };
        t.add_row(vec![
            hop,
            link,
            format!("{st}{}", caveats(h.containment, h.rests_on_unknown)),
            citations(g, &h.citations),
        ]);
    }
    print_table(out, &t)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// statements

fn statements_table(g: &Graph, list: &[StatementInfo]) -> comfy_table::Table {
    let _ = g;
    let mut t = table(["statement", "date", "words", "how we know it", "disputes"]);
    keep_whole(&mut t, &[0, 1]);
    for s in list {
        let words = if s.is_quote {
            format!("“{}”", s.text)
        } else {
            s.text.clone()
        };
        let mut rel = Vec::new();
        if !s.disputes.is_empty() {
            rel.push(format!("disputes {}", ids(&s.disputes)));
        }
        if !s.disputed_by.is_empty() {
            rel.push(format!("disputed by {}", ids(&s.disputed_by)));
        }
        t.add_row(vec![
            s.statement.id.clone(),
            date(s.date.as_ref()),
            words,
            s.attribution.text.clone(),
            rel.join("\n"),
        ]);
    }
    t
}

fn ids(refs: &[NodeRef]) -> String {
    refs.iter()
        .map(|r| r.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn statements(
    g: &Graph,
    query: &StatementQuery,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let found = g.statements(query);
    if json {
        return Ok(print_json(out, &found)?);
    }
    if found.is_empty() {
        writeln!(out, "no statement matches")?;
        return Ok(());
    }
    print_table(out, &statements_table(g, &found))?;
    writeln!(out, "{} statement(s)", found.len())?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// timeline

fn timeline(
    g: &Graph,
    query: &TimelineQuery,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let entries: Vec<TimelineEntry> = g.timeline(query);
    if json {
        return Ok(print_json(out, &entries)?);
    }
    if entries.is_empty() {
        writeln!(out, "nothing dated in this window")?;
        return Ok(());
    }
    let mut t = table(["date", "what", "subject", "in window"]);
    keep_whole(&mut t, &[0, 1, 3]);
    for e in &entries {
        let when = match e.end {
            Some(end) if end != e.date => format!("{} – {end}", e.date),
            _ => e.date.to_string(),
        };
        let what = match &e.what {
            TimelineKind::Event { event_kind } => event_kind.to_string(),
            TimelineKind::Lifecycle { state, party } => match party {
                Some(p) => format!("{state} ({})", p.name),
                None => state.to_string(),
            },
        };
        t.add_row(vec![
            when,
            what,
            node_ref(&e.subject),
            e.within.as_str().to_owned(),
        ]);
    }
    print_table(out, &t)?;
    writeln!(
        out,
        "{} entr{}",
        entries.len(),
        if entries.len() == 1 { "y" } else { "ies" }
    )?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// merge

fn merge(
    files: &[PathBuf],
    output: &Path,
    strict: bool,
    options: WriteOptions,
    quiet: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    if files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(Failure::Usage(
            "standard input (`-`) can be given only once".to_owned(),
        ));
    }
    let mut graphs = Vec::new();
    let mut problems = Vec::new();
    let mut texts = Vec::new();
    for f in files {
        let i = input::read(f)?;
        let label = i.label.clone();
        match split(input::parse(i))? {
            Ok(g) => graphs.push((label, g)),
            Err((p, t)) => {
                problems.extend(p);
                texts.extend(t);
            }
        }
    }
    if !problems.is_empty() {
        return Err(Failure::Invalid { problems, texts });
    }
    let merged = input::merge_all(&graphs, strict)?;
    if !merged.conflicts.is_empty() {
        let _ = render_problems(&mut anstream::stderr(), &merged.conflicts, &[], true);
    }
    let summary = format!(
        "merged {} file(s): {} nodes, {} edges, {} conflict(s)",
        graphs.len(),
        merged.graph.node_count(),
        merged.graph.edge_count(),
        merged.conflicts.len()
    );
    if output.as_os_str() == "-" {
        diplograph::format::write(&merged.graph, &mut *out)?;
    } else {
        let bar = progress(None, format!("writing {}", output.display()));
        let saved = write_atomically_with(output, &options, |w| {
            diplograph::format::write(&merged.graph, w)
        });
        bar.finish_and_clear();
        saved?;
    }
    if !quiet {
        note(&format!("{summary}; written to {}", shown(output)));
    }
    Ok(())
}

fn shown(p: &Path) -> String {
    if p.as_os_str() == "-" {
        "standard output".to_owned()
    } else {
        p.display().to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// dump

fn dump(
    g: &Graph,
    format: ExportFormat,
    output: Option<&Path>,
    options: WriteOptions,
    quiet: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let target = output.filter(|p| p.as_os_str() != "-");
    match target {
        None if format == ExportFormat::Csv => Err(Failure::Usage(
            "the csv format writes two tables (nodes.csv and edges.csv): give a directory \
             with -o DIR"
                .to_owned(),
        )),
        None => Ok(export::export(g, format, out)?),
        Some(path) => {
            let bar = progress(None, format!("writing {}", path.display()));
            let written = export::export_to_path_with(g, format, path, &options);
            bar.finish_and_clear();
            written?;
            if !quiet {
                let what = if format == ExportFormat::Csv {
                    format!(
                        "{} and {} in {}",
                        export::CSV_NODES_FILE,
                        export::CSV_EDGES_FILE,
                        path.display()
                    )
                } else {
                    path.display().to_string()
                };
                note(&format!(
                    "wrote {} nodes and {} edges as {format} to {what}",
                    g.node_count(),
                    g.edge_count()
                ));
            }
            Ok(())
        }
    }
}
