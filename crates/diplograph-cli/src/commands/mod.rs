//! The commands, one module each: each reads its graph, asks the core, and prints the answer.
//! [`run`] maps the parsed command line to its command; what several share is in [`common`].

mod cite;
mod common;
mod completions;
mod dump;
mod fmt;
mod man;
mod merge;
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

use crate::cli::{family, Cli, Command};
use crate::failure::Failure;
use crate::input;

/// Runs the command line.
///
/// # Errors
/// The command's [`Failure`].
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    let quiet = cli.quiet;
    let limits = cli.limits();
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
            let max_rows = max_rows.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
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
        } => {
            let family = family(&via).map_err(Failure::Usage)?;
            let g = input::load(&inputs.files, quiet, &limits)?;
            let query = ChainQuery::new(family)
                .with_on_opt(as_of)
                .with_k(usize::from(k))
                .with_max_hops(usize::from(max_hops))
                .with_certain(certain);
            path::path(&g, &from, &to, &query, json, out)
        }
        Command::Statements {
            inputs,
            by,
            about,
            via,
            disputed,
            json,
        } => {
            let g = input::load(&inputs.files, quiet, &limits)?;
            let resolve = |n: Option<String>, kinds: &[NodeKind]| {
                n.map(|n| g.resolve_as(&n, kinds)).transpose()
            };
            let speakers = [NodeKind::Person, NodeKind::Organization, NodeKind::Country];
            let query = StatementQuery {
                by: resolve(by, &speakers)?,
                about: resolve(about, &[])?,
                via: resolve(via, &[NodeKind::Organization, NodeKind::Person])?,
                disputed,
            };
            statements::statements(&g, &query, json, out)
        }
        Command::Timeline {
            inputs,
            from,
            to,
            around,
            all_statuses,
            json,
        } => {
            if let (Some(from), Some(to)) = (from, to) {
                if to.ends_before(&from) {
                    return Err(Failure::Usage(format!(
                        "the timeline window is reversed: --to {to} ends before --from {from} \
                         starts; give the earlier date to --from"
                    )));
                }
            }
            let g = input::load(&inputs.files, quiet, &limits)?;
            let around = around.map(|n| g.resolve(&n)).transpose()?;
            let query = TimelineQuery {
                from,
                to,
                around,
                all_statuses,
            };
            timeline::timeline(&g, &query, json, out)
        }
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
