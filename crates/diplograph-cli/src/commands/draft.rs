//! `diplograph draft`: drafts a cited graph from report texts, in parallel, into one graph.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::failure::Failure;
use crate::input::{self, progress};
use crate::note;
use diplograph::draft::{draft as draft_text, DraftOptions, ReviewNote};
use diplograph::format::Limits;
use diplograph::merge::MergeOptions;
use diplograph::time::PartialDate;
use diplograph::{write_atomically_with, Error, Graph, WriteOptions};

/// What `diplograph draft` was asked.
pub(super) struct Request<'a> {
    pub(super) files: &'a [PathBuf],
    pub(super) date: Option<PartialDate>,
    pub(super) title: Option<String>,
    pub(super) url: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) into: Option<&'a Path>,
    pub(super) output: &'a Path,
    pub(super) review: bool,
    pub(super) write: WriteOptions,
}

/// The article files: each file given, and every `.txt` file of each directory given, sorted.
fn articles(files: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for f in files {
        if f.is_dir() {
            let io = |source| {
                Failure::Core(Error::Io {
                    action: "cannot read directory",
                    path: f.clone(),
                    source,
                })
            };
            let mut found: Vec<PathBuf> = std::fs::read_dir(f)
                .map_err(io)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"))
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(Failure::Usage(format!(
                    "{} holds no .txt file to draft",
                    f.display()
                )));
            }
            out.extend(found);
        } else {
            out.push(f.clone());
        }
    }
    Ok(out)
}

/// A source id for an article file: its file name, made an id, and the date.
fn source_id(path: &Path, date: Option<&PartialDate>, taken: &mut Vec<String>) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "report".to_owned());
    let mut id: String = stem
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    id = id.trim_matches('-').to_owned();
    if id.is_empty() {
        id = "report".to_owned();
    }
    let mut id = match date {
        Some(d) if !id.contains(&d.to_string()) => format!("source-{id}-{d}"),
        _ => format!("source-{id}"),
    };
    let base = id.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.push(id.clone());
    id
}

/// Runs `diplograph draft`.
pub(super) fn draft(
    request: &Request<'_>,
    quiet: bool,
    limits: &Limits,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let files = articles(request.files)?;
    let into: Option<Graph> = match request.into {
        Some(p) => Some(input::load(&[p.to_path_buf()], quiet, limits)?),
        None => None,
    };
    let mut texts = Vec::with_capacity(files.len());
    let mut taken = Vec::new();
    for f in &files {
        let i = input::read(f, limits)?;
        let text = String::from_utf8(i.bytes)
            .map_err(|_| Failure::Usage(format!("{} is not UTF-8 text", f.display())))?;
        texts.push((
            i.label,
            source_id(f, request.date.as_ref(), &mut taken),
            text,
        ));
    }
    let single = texts.len() == 1;
    let total: u64 = texts.iter().map(|(_, _, t)| t.len() as u64).sum();
    let bar = progress(Some(total), format!("drafting {} article(s)", texts.len()));
    let drafts: Vec<_> = texts
        .par_iter()
        .map(|(label, id, text)| {
            let options = DraftOptions {
                date: request.date,
                title: if single { request.title.clone() } else { None },
                url: request.url.clone(),
                publisher: request.publisher.clone(),
                source_id: Some(id.clone()),
                into: into.as_ref(),
            };
            let d = draft_text(text, &options);
            bar.inc(text.len() as u64);
            (label.clone(), d)
        })
        .collect();
    bar.finish_and_clear();
    let mut notes: Vec<(String, &str, ReviewNote)> = Vec::new();
    for ((label, d), (_, _, text)) in drafts.iter().zip(&texts) {
        for n in &d.notes {
            notes.push((label.clone(), text.as_str(), n.clone()));
        }
    }
    let statements: usize = drafts.iter().map(|(_, d)| d.statements.len()).sum();
    let graph = if single {
        drafts
            .into_iter()
            .next()
            .map(|(_, d)| d.graph)
            .unwrap_or_default()
    } else {
        let graphs: Vec<(String, Graph)> = drafts.into_iter().map(|(l, d)| (l, d.graph)).collect();
        let title = Some(format!("draft of {} reports", graphs.len()));
        input::merge_all(
            &graphs,
            MergeOptions {
                strict: false,
                title,
            },
        )?
        .graph
    };
    if request.output.as_os_str() == "-" {
        diplograph::format::write(&graph, &mut *out)?;
    } else {
        write_atomically_with(request.output, &request.write, |w| {
            diplograph::format::write(&graph, w)
        })?;
    }
    if request.review {
        notes.sort_by(|a, b| {
            a.2.confidence
                .total_cmp(&b.2.confidence)
                .then(a.0.cmp(&b.0))
                .then(a.2.span.start.cmp(&b.2.span.start))
        });
        let mut report = String::new();
        for (label, text, n) in &notes {
            let (line, column) = line_column(text, n.span.start);
            let words = text.get(n.span.clone()).unwrap_or("");
            report.push_str(&format!(
                "{label}:{line}:{column}: confidence {:.2}: {}{}: \"{}\"\n",
                n.confidence,
                n.reason,
                n.id.as_ref().map(|i| format!(" ({i})")).unwrap_or_default(),
                words
            ));
        }
        if report.is_empty() {
            report.push_str("nothing to review\n");
        }
        if request.output.as_os_str() == "-" {
            let _ = anstream::stderr().write_all(report.as_bytes());
        } else {
            out.write_all(report.as_bytes())?;
        }
    }
    if !quiet {
        note(&format!(
            "drafted {} article(s): {} statements, {} nodes, {} edges, {} note(s) to review; written to {}",
            texts.len(),
            statements,
            graph.node_count(),
            graph.edge_count(),
            notes.len(),
            if request.output.as_os_str() == "-" {
                "standard output".to_owned()
            } else {
                request.output.display().to_string()
            }
        ));
    }
    Ok(())
}

/// The 1-based line and column (in characters) of byte `at` in `text`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
