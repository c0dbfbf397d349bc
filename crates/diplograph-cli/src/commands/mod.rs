//! The commands, one module each: each reads its graph, asks the core, and prints the answer.
//! [`run`] maps the parsed command line to its command; what several share is in [`common`].

mod agreements;
mod as_of;
mod cite;
mod common;
mod completions;
mod draft;
mod dump;
mod fmt;
mod holders;
mod man;
mod merge;
mod parties;
mod path;
mod show;
mod statements;
mod stats;
mod timeline;
mod validate;

use diplograph::model::NodeKind;
use diplograph::WriteOptions;
use std::io::Write;

use diplograph::query::{ChainQuery, NeighbourhoodQuery, StatementQuery, TimelineQuery};

use crate::cli::{family, Cli, Command, Output};
use crate::failure::Failure;
use crate::input;
use crate::render::Listing;

/// Runs the command line.
///
/// # Errors
/// The command's [`Failure`].
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    let quiet = cli.quiet;
    let limits = cli.limits();
    let entries = cli.entries();
    if let (Some(n), false) = (entries, cli.command.lists()) {
        return Err(Failure::Usage(format!(
            "--limit {n}: a number of entries limits the list answers of show (each of its \
             lists), timeline, statements, agreements, parties, signatories and holders; to \
             limit what an input may hold, give NAME=VALUE"
        )));
    }
    let listing = |output: Output| Listing {
        form: output.form(),
        limit: entries,
        quiet,
    };
    match cli.command {
        Command::Validate { inputs, json } => {
            validate::validate(&inputs, json, quiet, &limits, out)
        }
        Command::Stats { inputs, json } => {
            let g = input::load(&inputs.files, quiet, &limits)?;
            stats::stats(&g, json, out)
        }
        Command::Show {
            node,
            inputs,
            as_of,
            certain,
            max_rows,
            json,
        } => {
            let g = input::load(&inputs.files, quiet, &limits)?;
            // `--max-rows N` or the global `--limit N`: the rows of each list.
            let max_rows = max_rows
                .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
                .or(entries);
            show::show(&g, &node, as_of.as_ref(), certain, max_rows, json, out)
        }
        Command::Cite {
            source,
            words,
            inputs,
            occurrence,
            json,
        } => {
            let g = input::load(&inputs.files, quiet, &limits)?;
            cite::cite(&g, &source, &words, occurrence, json, out)
        }
        Command::Path {
            from,
            to,
            inputs,
            via,
            as_of,
            k,
            max_hops,
            certain,
            json,
            jsonl,
        } => {
            let family = family(&via).map_err(Failure::Usage)?;
            let g = input::load(&inputs.files, quiet, &limits)?;
            let query = ChainQuery::new(family)
                .with_on_opt(as_of)
                .with_k(usize::from(k))
                .with_max_hops(usize::from(max_hops))
                .with_certain(certain);
            path::path(&g, &from, &to, &query, Output { json, jsonl }.form(), out)
        }
        Command::Statements {
            inputs,
            by,
            about,
            via,
            disputed,
            json,
            jsonl,
        } => {
            let g = input::load(&inputs.files, quiet, &limits)?;
            let resolve = |n: Option<String>, kinds: &[NodeKind]| {
                n.map(|n| g.resolve_preferring(&n, kinds)).transpose()
            };
            let speakers = [NodeKind::Person, NodeKind::Organization, NodeKind::Country];
            let query = StatementQuery {
                by: resolve(by, &speakers)?,
                about: resolve(about, &[])?,
                via: resolve(via, &[NodeKind::Organization, NodeKind::Person])?,
                disputed,
            };
            statements::statements(&g, &query, listing(Output { json, jsonl }), out)
        }
        Command::Timeline {
            inputs,
            from,
            to,
            around,
            with,
            kind,
            statements,
            all_statuses,
            json,
            jsonl,
        } => {
            let mut query = TimelineQuery {
                from,
                to,
                all_statuses,
                kinds: kind.into_iter().map(|k| k.0).collect(),
                statements,
                ..TimelineQuery::default()
            };
            query.check()?;
            let g = input::load(&inputs.files, quiet, &limits)?;
            query.around = around.map(|n| g.resolve(&n)).transpose()?;
            query.with = with
                .iter()
                .map(|n| g.resolve_as(n, NodeKind::ACTORS))
                .collect::<Result<_, _>>()?;
            timeline::timeline(&g, &query, listing(Output { json, jsonl }), out)
        }
        Command::Agreements {
            a,
            b,
            inputs,
            kind,
            state,
            as_of,
            certain,
            output,
        } => {
            let g = input::load(&inputs.files, quiet, &limits)?;
            let question = agreements::Question {
                a: &a,
                b: &b,
                kinds: kind.into_iter().map(|k| k.0).collect(),
                states: state.into_iter().map(|s| s.0).collect(),
                on: as_of,
                certain,
            };
            agreements::agreements(&g, &question, listing(output), out)
        }
        Command::Parties {
            agreement,
            inputs,
            as_of,
            certain,
            output,
        } => {
            let g = input::load(&inputs.files, quiet, &limits)?;
            parties::parties(
                &g,
                &agreement,
                as_of.as_ref(),
                certain,
                listing(output),
                out,
            )
        }
        Command::Signatories {
            agreement,
            inputs,
            output,
        } => {
            let g = input::load(&inputs.files, quiet, &limits)?;
            parties::signatories(&g, &agreement, listing(output), out)
        }
        Command::Holders {
            office,
            body,
            inputs,
            as_of,
            certain,
            output,
        } => {
            let g = input::load(&inputs.files, quiet, &limits)?;
            holders::holders(
                &g,
                &office,
                body.as_deref(),
                as_of.as_ref(),
                certain,
                listing(output),
                out,
            )
        }
        Command::AsOf {
            date,
            inputs,
            certain,
            output,
        } => {
            let g = input::load(&inputs.files, quiet, &limits)?;
            as_of::as_of(&g, date, certain, output.form(), out)
        }
        Command::Draft {
            files,
            date,
            title,
            url,
            publisher,
            into,
            output,
            review,
            force,
        } => draft::draft(
            &draft::Request {
                files: &files,
                date,
                title,
                url,
                publisher,
                into: into.as_deref(),
                output: &output,
                review,
                write: WriteOptions { force },
            },
            quiet,
            &limits,
            out,
        ),
        Command::Merge {
            files,
            output,
            strict,
            title,
            force,
        } => merge::merge(
            &files,
            &output,
            diplograph::merge::MergeOptions { strict, title },
            WriteOptions { force },
            quiet,
            &limits,
            out,
        ),
        Command::Fmt {
            files,
            check,
            force,
        } => fmt::fmt(&files, check, WriteOptions { force }, quiet, &limits, out),
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
            let format = dump::format_for(format, output.as_deref())?;
            let g = input::load(&inputs.files, quiet, &limits)?;
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
            dump::dump(
                &g,
                format,
                output.as_deref(),
                WriteOptions { force },
                quiet,
                out,
            )
        }
        Command::Completions { shell } => completions::completions(shell, out),
        Command::Man { command, out: dir } => {
            man::man(command.as_deref(), dir.as_deref(), quiet, out)
        }
    }
}
