//! `diplograph validate`: checks each file, then their merge, and reports every problem.

use std::io::Write;
use std::path::PathBuf;

use diplograph::format::Limits;
use diplograph::{Graph, Problem};
use serde_json::json;

use super::common::{single_stdin, split, Checked};
use crate::cli::Inputs;
use crate::failure::{render_problems, Failure};
use crate::input;
use crate::note;
use crate::render::{print_json, Human};

/// Runs `diplograph validate`.
pub(super) fn validate(
    inputs: &Inputs,
    json: bool,
    quiet: bool,
    limits: &Limits,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let files: Vec<PathBuf> = inputs.files.clone();
    let mut results: Vec<(String, Checked)> = Vec::new();
    if files.is_empty() {
        if !quiet {
            note("no input file: checking the built-in example");
        }
        let r = input::parse(
            input::Input {
                label: input::EXAMPLE_LABEL.to_owned(),
                bytes: diplograph::EXAMPLE_JSON.as_bytes().to_vec(),
                columnar: false,
            },
            limits,
        );
        results.push((input::EXAMPLE_LABEL.to_owned(), split(r)?));
    } else {
        single_stdin(&files)?;
        for f in &files {
            let i = input::read(f, limits)?;
            let label = i.label.clone();
            results.push((label, split(input::parse(i, limits))?));
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
        match input::merge_all(&graphs, diplograph::merge::MergeOptions::default()) {
            Ok(m) => merge_conflicts = m.conflicts,
            Err(Failure::Invalid { problems, .. }) => merge_problems = problems,
            Err(other) => return Err(other),
        }
        for ((_, r), (_, g)) in results.iter_mut().zip(graphs) {
            *r = Ok(g);
        }
    }
    let invalid = results.iter().any(|(_, r)| r.is_err()) || !merge_problems.is_empty();
    // What is worth a look in each valid file, though it does not make the file invalid.
    let warnings: Vec<Vec<Problem>> = results
        .iter()
        .map(|(label, r)| match r {
            Ok(g) => g
                .warnings()
                .into_iter()
                .map(|mut w| {
                    w.location.file = Some(PathBuf::from(label));
                    w
                })
                .collect(),
            Err(_) => Vec::new(),
        })
        .collect();
    if json {
        let files: Vec<serde_json::Value> = results
            .iter()
            .zip(&warnings)
            .map(|((label, r), warnings)| match r {
                Ok(g) => json!({"file": label, "valid": true, "nodes": g.node_count(),
                                "edges": g.edge_count(), "problems": [],
                                "warnings": warnings.iter().map(problem_json).collect::<Vec<_>>()}),
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
    let mut human = Human::new(out);
    let out: &mut dyn Write = &mut human;
    let mut err = anstream::stderr();
    for ((label, r), warnings) in results.iter().zip(&warnings) {
        match r {
            Ok(g) if warnings.is_empty() => writeln!(
                out,
                "{label}: valid ({} nodes, {} edges)",
                g.node_count(),
                g.edge_count()
            )?,
            Ok(g) => {
                // A failure to write to standard error cannot be reported.
                let _ = render_problems(&mut err, warnings, &[], true);
                writeln!(
                    out,
                    "{label}: valid ({} nodes, {} edges), with {} warning(s)",
                    g.node_count(),
                    g.edge_count(),
                    warnings.len()
                )?;
            }
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

fn problem_json(p: &Problem) -> serde_json::Value {
    serde_json::to_value(p).unwrap_or_default()
}
