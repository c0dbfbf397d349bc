//! The command line: every command, argument and option, with its help text.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use diplograph::export::ExportFormat;
use diplograph::format::Limits;
use diplograph::model::{AgreementKind, EdgeKind};
use diplograph::query::Family;
use diplograph::time::PartialDate;
use diplograph::ProblemCode;

use crate::render::Form;
use crate::vocab::{AgreementKindArg, EntryKindArg, LifecycleStateArg};

/// Validate, inspect, query and export diplograph graphs: who is bound to whom by what, as of
/// when, and says who.
///
/// Every command that reads a graph takes FILE... (several files are merged as `diplograph
/// merge` merges them; `-` reads standard input). With no file it uses the built-in example,
/// the Straits Times report of 4 June 2016 on the Shangri-La Dialogue.
///
/// Names on the command line are looked up by id, name or alias ("Seoul", "ROK", "Pentagon");
/// an ambiguous name lists the candidates.
///
/// Exit status: 0 success; 1 invalid input, a name not found or ambiguous, no chain found;
/// 2 a usage or I/O error.
/// When diagnostics on standard error are coloured (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Only when standard error is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always, even in a pipe or with `NO_COLOR` set.
    Always,
    /// Never.
    Never,
}

impl ColorWhen {
    /// Makes this the choice of every coloured stream of the process.
    pub fn apply(self) {
        let choice = match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
    }
}

#[derive(Debug, Parser)]
#[command(name = "diplograph", version, about, long_about, max_term_width = 100)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
    /// Print no notes on standard error (errors are still printed).
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// When to colour diagnostics: auto (only on a terminal, and not when NO_COLOR is set),
    /// always (even in a pipe or with NO_COLOR), never.
    #[arg(long, value_name = "WHEN", global = true, default_value = "auto")]
    pub color: ColorWhen,
    /// Raise (or lower) a limit on what an input file may hold; repeatable. NAME is one of
    /// file-size (bytes; default 1G), depth (nesting levels; 64, at most 127), string-length
    /// (bytes of any string or key; 1M), source-text-length (bytes of a source's text; 64M),
    /// id-length (bytes; 256), aliases (per node; 1000), citations (per node, edge or
    /// lifecycle step; 10000). VALUE is a whole number, optionally followed by K, M or G
    /// (times 1024, 1024², 1024³): `--limit file-size=4G --limit aliases=5000`.
    ///
    /// A bare whole number, `--limit N`, prints at most N entries of a list answer (timeline,
    /// statements, agreements, parties, signatories, holders) and says how many were left out.
    #[arg(long = "limit", value_name = "NAME=VALUE|N", global = true, value_parser = parse_limit_arg)]
    pub limits: Vec<LimitArg>,
}

impl Cli {
    /// The limits the inputs are loaded with: the defaults, changed by every `--limit` in turn.
    pub fn limits(&self) -> Limits {
        let mut limits = Limits::default();
        for arg in &self.limits {
            if let LimitArg::Load(setting) = arg {
                setting.name.set(&mut limits, setting.value);
            }
        }
        limits
    }

    /// How many entries of a list answer to print (`--limit N`; the last one given counts).
    pub fn entries(&self) -> Option<usize> {
        self.limits.iter().rev().find_map(|arg| match arg {
            LimitArg::Entries(n) => Some(*n),
            LimitArg::Load(_) => None,
        })
    }
}

/// One `--limit`: a limit on what an input may hold (`NAME=VALUE`), or how many entries of a
/// list answer to print (`N`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitArg {
    /// `NAME=VALUE`.
    Load(LimitSetting),
    /// `N`.
    Entries(usize),
}

/// Parses `--limit`: a bare whole number is a count of entries, anything else `NAME=VALUE`
/// ([`parse_limit`]).
///
/// # Errors
/// [`parse_limit`]'s message.
pub fn parse_limit_arg(arg: &str) -> Result<LimitArg, String> {
    let trimmed = arg.trim();
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return trimmed
            .parse::<usize>()
            .map(LimitArg::Entries)
            .map_err(|_| format!("`{trimmed}` is too large a number of entries"));
    }
    parse_limit(arg).map(LimitArg::Load)
}

/// A limit on what an input may hold, by the name `--limit` gives it: its problem code
/// without the `limit-` prefix (`limit-file-size` is `file-size`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitName {
    /// [`Limits::max_file_size`].
    FileSize,
    /// [`Limits::max_depth`].
    Depth,
    /// [`Limits::max_string_len`].
    StringLength,
    /// [`Limits::max_source_text_len`].
    SourceTextLength,
    /// [`Limits::max_id_len`].
    IdLength,
    /// [`Limits::max_aliases`].
    Aliases,
    /// [`Limits::max_citations`].
    Citations,
}

impl LimitName {
    /// Every limit, in the order `--help` lists them.
    pub const ALL: [LimitName; 7] = [
        LimitName::FileSize,
        LimitName::Depth,
        LimitName::StringLength,
        LimitName::SourceTextLength,
        LimitName::IdLength,
        LimitName::Aliases,
        LimitName::Citations,
    ];

    /// The code of the problem reported when the limit is exceeded.
    pub fn code(self) -> ProblemCode {
        match self {
            LimitName::FileSize => ProblemCode::LimitFileSize,
            LimitName::Depth => ProblemCode::LimitDepth,
            LimitName::StringLength => ProblemCode::LimitStringLength,
            LimitName::SourceTextLength => ProblemCode::LimitSourceTextLength,
            LimitName::IdLength => ProblemCode::LimitIdLength,
            LimitName::Aliases => ProblemCode::LimitAliases,
            LimitName::Citations => ProblemCode::LimitCitations,
        }
    }

    /// The limit whose problem code is `code`, if it is one.
    pub fn of(code: ProblemCode) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The name `--limit` knows it by (`file-size`).
    pub fn name(self) -> &'static str {
        let code = self.code().as_str();
        code.strip_prefix("limit-").unwrap_or(code)
    }

    /// Sets this limit in `limits` to `value` (already checked by [`parse_limit`] to fit).
    fn set(self, limits: &mut Limits, value: u64) {
        let size = usize::try_from(value).unwrap_or(usize::MAX);
        match self {
            LimitName::FileSize => limits.max_file_size = value,
            LimitName::Depth => limits.max_depth = size,
            LimitName::StringLength => limits.max_string_len = size,
            LimitName::SourceTextLength => limits.max_source_text_len = size,
            LimitName::IdLength => limits.max_id_len = size,
            LimitName::Aliases => limits.max_aliases = size,
            LimitName::Citations => limits.max_citations = size,
        }
    }

    /// Every name, joined by ", ".
    pub fn names() -> String {
        Self::ALL.map(LimitName::name).join(", ")
    }
}

/// One `--limit NAME=VALUE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LimitSetting {
    /// Which limit.
    pub name: LimitName,
    /// Its new value.
    pub value: u64,
}

/// The deepest nesting the JSON parser accepts, whatever `--limit depth` says.
const PARSER_MAX_DEPTH: u64 = 127;

/// Parses `NAME=VALUE` (VALUE a whole number, optionally followed by K, M or G).
///
/// # Errors
/// A message naming the problem, and every limit when the name is unknown.
pub fn parse_limit(arg: &str) -> Result<LimitSetting, String> {
    let Some((name, value)) = arg.split_once('=') else {
        return Err(format!(
            "expected NAME=VALUE, such as `file-size=4G`, or a number of entries N; the limits \
             are: {}",
            LimitName::names()
        ));
    };
    let name = name.trim();
    let Some(limit) = LimitName::ALL.into_iter().find(|l| l.name() == name) else {
        return Err(format!(
            "unknown limit `{name}`; the limits are: {}",
            LimitName::names()
        ));
    };
    let value = value.trim();
    let (digits, unit) = match value.char_indices().last() {
        Some((i, 'K' | 'k')) => (&value[..i], 1u64 << 10),
        Some((i, 'M')) => (&value[..i], 1 << 20),
        Some((i, 'G')) => (&value[..i], 1 << 30),
        _ => (value, 1),
    };
    let bad = || {
        format!(
            "{name}: `{value}` is not a whole number (optionally followed by K, M or G), \
             such as `{name}=5000` or `{name}=64M`"
        )
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let value = digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .ok_or_else(|| format!("{name}: `{value}` is too large"))?;
    if limit != LimitName::FileSize && usize::try_from(value).is_err() {
        return Err(format!("{name}: `{value}` is too large for this machine"));
    }
    if limit == LimitName::Depth && value > PARSER_MAX_DEPTH {
        return Err(format!(
            "depth: at most {PARSER_MAX_DEPTH} levels can be read (the JSON parser's own \
             limit), not {value}"
        ));
    }
    Ok(LimitSetting { name: limit, value })
}

/// One value of a closed vocabulary as clap offers it: the core's name, with its hyphenated
/// spelling (`party-to` for `party_to`) and `others` as aliases that neither `--help` nor
/// completion shows.
fn value(name: &'static str, others: &'static [&'static str]) -> PossibleValue {
    let hyphenated = name.contains('_').then(|| name.replace('_', "-"));
    PossibleValue::new(name)
        .aliases(others.iter().copied())
        .aliases(hyphenated)
}

/// A parser for a value of one of the core's closed vocabularies: clap knows the values (so
/// `--help` lists them, shell completion offers them and a typo gets clap's "a similar value
/// exists"), and the core's own parser makes the value, so the core's list stays the one
/// definition.
fn vocabulary<T>(
    values: impl IntoIterator<Item = PossibleValue>,
) -> impl TypedValueParser<Value = T>
where
    T: std::str::FromStr + Clone + Send + Sync + 'static,
    T::Err: std::fmt::Display,
{
    PossibleValuesParser::new(values).try_map(|s| s.parse::<T>().map_err(|e| e.to_string()))
}

/// The values of `--format`: the core's export formats.
pub fn export_formats() -> impl TypedValueParser<Value = ExportFormat> {
    vocabulary(
        ExportFormat::ALL
            .iter()
            .map(|f| value(f.as_str(), f.aliases())),
    )
}

/// The values of `--kinds`: the core's edge kinds.
pub fn edge_kinds() -> impl TypedValueParser<Value = EdgeKind> {
    vocabulary(EdgeKind::ALL.iter().map(|k| value(k.as_str(), &[])))
}

/// The values of `path --via`: the named families, then the agreement kinds (the core's
/// lists); each is read into a [`Family`] by [`family`].
pub fn via_values() -> PossibleValuesParser {
    PossibleValuesParser::new(
        Family::NAMED
            .iter()
            .map(|&(name, others)| value(name, others))
            .chain(AgreementKind::ALL.iter().map(|k| value(k.as_str(), &[]))),
    )
}

/// The graph files a command reads.
#[derive(Debug, Args, Clone, Default)]
pub struct Inputs {
    /// Graph files in the native JSON format, or directories of Parquet tables written by
    /// `dump --format parquet`; `-` reads standard input; several are merged. With none, the
    /// built-in Shangri-La 2016 example is used.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// How a query command prints its answer: tables by default.
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct Output {
    /// Print the answer as one JSON document (a list; `[]` when empty).
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    /// Print the answer as JSON lines: one record a line, each written as soon as it is made.
    #[arg(long)]
    pub jsonl: bool,
}

impl Output {
    /// The form asked for.
    pub fn form(self) -> Form {
        Form::new(self.json, self.jsonl)
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check graph files and report every problem with its code, place and the line it is on.
    ///
    /// Each file is checked on its own; when all are valid and there are several, their merge
    /// is checked too. Exit status 0 when valid, 1 when not, 2 on a usage or I/O error.
    Validate {
        /// The files to check.
        #[command(flatten)]
        inputs: Inputs,
        /// Print the problems as JSON on standard output.
        #[arg(long)]
        json: bool,
    },
    /// Count nodes and edges by kind, and show the span of dates and the sources.
    Stats {
        /// The graph.
        #[command(flatten)]
        inputs: Inputs,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
    },
    /// Everything about one node: kind, names, aliases, relations, lifecycle, statements by
    /// and about it, and the citations behind each.
    ///
    /// Each cited sentence is printed once, as a numbered note below the tables; the rows
    /// name their citations by number ([1], [2]).
    Show {
        /// The node: an id, name or alias ("Seoul", "ROK", "gsomia-kor-usa").
        node: String,
        /// The graph.
        #[command(flatten)]
        inputs: Inputs,
        /// Show the node as it stood on this date: relations that held then, the agreement
        /// state and parties then (an EDTF date: 2016, 2016-06, 2016-06-04, 2016-06-04?, 2016-23, …).
        #[arg(long, value_name = "DATE")]
        as_of: Option<PartialDate>,
        /// Only what certainly held on the --as-of date: leave out parties, offices and
        /// relations that only possibly held (undated facts not attested that day).
        #[arg(long, requires = "as_of")]
        certain: bool,
        /// Show at most N rows of each list (relations, lifecycle, parties, offices,
        /// statements …), saying how many were left out; --json always gives every row.
        #[arg(short = 'n', long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        max_rows: Option<u32>,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
    },
    /// The citation of words in a source's held text: its source id, byte span and words,
    /// ready to paste into a graph file. Exit status 1 when the words are not there, or are
    /// there several times (each is listed; pick one with --occurrence).
    Cite {
        /// The source: its id, name or alias.
        source: String,
        /// The words, exactly as the source writes them (case and spacing count).
        words: String,
        /// The graph.
        #[command(flatten)]
        inputs: Inputs,
        /// Which occurrence of the words, counted from 1 in text order.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=i64::from(diplograph::provenance::MAX_OCCURRENCE)))]
        occurrence: Option<u32>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Chains of agreements linking two parties, with each hop's agreement, state and
    /// citations. Exit status 1 when there is none.
    Path {
        /// Where the chain starts (a country, organization …).
        from: String,
        /// Where it ends.
        to: String,
        /// The graph.
        #[command(flatten)]
        inputs: Inputs,
        /// Which agreements may carry the chain: one family (intelligence: GSOMIAs and
        /// arrangements; defence: treaties, memoranda, GSOMIAs and alliances; communication:
        /// communication lines; any: every agreement and alliances), or agreement kinds,
        /// repeated or comma-separated. Default: any.
        #[arg(long, value_name = "FAMILY|KIND", value_delimiter = ',', value_parser = via_values(),
              ignore_case = true)]
        via: Vec<String>,
        /// The date the chain must hold on (an EDTF date: 2016, 2016-06, 2016-06-04, 2016-06-04?, 2016-23, …); without it, each
        /// agreement's last recorded state counts.
        #[arg(long, value_name = "DATE")]
        as_of: Option<PartialDate>,
        /// How many chains to show at most, shortest first; more than 100 shows 100.
        #[arg(short = 'k', long = "max-chains", value_name = "N", default_value_t = 1,
              value_parser = clap::value_parser!(u16).range(1..))]
        k: u16,
        /// The longest chain considered, in hops.
        #[arg(long, value_name = "N", default_value_t = 6)]
        max_hops: u16,
        /// Only chains whose every hop certainly held on the date (undated facts count only on
        /// the dates sources attest them).
        #[arg(long)]
        certain: bool,
        /// Print JSON instead of text.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Print JSON lines: one chain a line.
        #[arg(long)]
        jsonl: bool,
        /// Also write the interactive view (see `diplograph view`) with the chains' hops
        /// highlighted, to this HTML file: the neighbourhood of the chains' stops, or the
        /// whole graph when it is small.
        #[arg(long, value_name = "OUT")]
        view: Option<PathBuf>,
    },
    /// Statements: who said what, about whom, and through whom we know it.
    Statements {
        /// The graph.
        #[command(flatten)]
        inputs: Inputs,
        /// Only statements said by this speaker.
        #[arg(long, value_name = "SPEAKER")]
        by: Option<String>,
        /// Only statements about this node.
        #[arg(long, value_name = "NODE")]
        about: Option<String>,
        /// Only statements known through this outlet or intermediary.
        #[arg(long, value_name = "OUTLET")]
        via: Option<String>,
        /// Only statements that dispute another or are disputed.
        #[arg(long)]
        disputed: bool,
        /// Print JSON instead of a table.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Print JSON lines: one statement a line.
        #[arg(long)]
        jsonl: bool,
    },
    /// Dated events and agreement lifecycle changes (and, with --statements, statements), in
    /// order.
    Timeline {
        /// The graph.
        #[command(flatten)]
        inputs: Inputs,
        /// The first date of the window (an EDTF date: 2016, 2016-06, 2016-06-04, 2016-06-04?, 2016-23, …).
        #[arg(long, value_name = "DATE")]
        from: Option<PartialDate>,
        /// The last date of the window, inclusive (not before --from: a reversed window is an
        /// error).
        #[arg(long, value_name = "DATE")]
        to: Option<PartialDate>,
        /// Only entries about this node or its direct neighbours.
        #[arg(long, value_name = "NODE")]
        around: Option<String>,
        /// Only entries this party takes part in, itself or through its bodies (ministries …)
        /// and the people holding office in them; repeated: all of them take part.
        #[arg(long = "with", value_name = "PARTY")]
        with: Vec<String>,
        /// Only entries of these kinds: event (every event), an event kind (meeting, summit,
        /// …), lifecycle, statement; repeated or comma-separated.
        #[arg(long, value_name = "KIND", value_delimiter = ',')]
        kind: Vec<EntryKindArg>,
        /// Statements too, at the date they were said (or, with none, at the date of the
        /// source reporting them, marked).
        #[arg(long)]
        statements: bool,
        /// Also events and lifecycle steps that were cancelled, postponed or did not happen
        /// (left out by default; planned and scheduled ones are always shown, marked).
        #[arg(long)]
        all_statuses: bool,
        /// Print JSON instead of a table.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Print JSON lines: one entry a line.
        #[arg(long)]
        jsonl: bool,
        /// Also draw the timeline as an SVG picture into this file: agreement lifecycles as
        /// bars coloured by state, events as marks, statements (with --statements) as ticks.
        #[arg(long, value_name = "OUT")]
        svg: Option<PathBuf>,
    },
    /// Agreements binding two parties, with each one's state and parties (on a date with
    /// --as-of), and the citations behind it.
    Agreements {
        /// One party: a country, organization … (a capital stands for its country).
        a: String,
        /// The other party.
        b: String,
        /// The graph.
        #[command(flatten)]
        inputs: Inputs,
        /// Only agreements of these kinds (repeated or comma-separated).
        #[arg(long, value_name = "KIND", value_delimiter = ',')]
        kind: Vec<AgreementKindArg>,
        /// Only agreements in these states on the date (repeated or comma-separated).
        #[arg(long, value_name = "STATE", value_delimiter = ',')]
        state: Vec<LifecycleStateArg>,
        /// The date (an EDTF date: 2016, 2016-06, 2016-06-04, 2016-06-04?, 2016-23, …): both
        /// must be parties then, and the state is the one then; without it, every agreement
        /// either was ever party to, in its last recorded state.
        #[arg(long, value_name = "DATE")]
        as_of: Option<PartialDate>,
        /// Only agreements that certainly bound both, in that state, on the date.
        #[arg(long)]
        certain: bool,
        /// How to print the answer.
        #[command(flatten)]
        output: Output,
    },
    /// The parties to an agreement (on a date with --as-of), each with its participation and
    /// citations.
    Parties {
        /// The agreement: its id, name or alias.
        agreement: String,
        /// The graph.
        #[command(flatten)]
        inputs: Inputs,
        /// The date (an EDTF date): the parties then (a party that withdrew by then is left
        /// out); without it, every party ever, with its withdrawal if any.
        #[arg(long, value_name = "DATE")]
        as_of: Option<PartialDate>,
        /// Only parties that certainly took part on the date.
        #[arg(long)]
        certain: bool,
        /// How to print the answer.
        #[command(flatten)]
        output: Output,
    },
    /// The people who signed an agreement, for whom, when, and the citations.
    Signatories {
        /// The agreement: its id, name or alias.
        agreement: String,
        /// The graph.
        #[command(flatten)]
        inputs: Inputs,
        /// How to print the answer.
        #[command(flatten)]
        output: Output,
    },
    /// Who held an office: by its title ("Defence Minister", in any word order, "Defense"
    /// or "Defence"), or every office in a body ("Ministry of National Defense", "South
    /// Korea": the bodies part of it too).
    Holders {
        /// A title, or the body (organization or country) whose offices to list.
        office: String,
        /// Only offices in this body (and the bodies part of it); OFFICE is then a title.
        #[arg(long = "in", value_name = "BODY")]
        body: Option<String>,
        /// The graph.
        #[command(flatten)]
        inputs: Inputs,
        /// Who held it on this date (an EDTF date); without it, everyone who ever did.
        #[arg(long, value_name = "DATE")]
        as_of: Option<PartialDate>,
        /// Only holders who certainly held it on the date.
        #[arg(long)]
        certain: bool,
        /// How to print the answer.
        #[command(flatten)]
        output: Output,
    },
    /// The state of the world on a date: agreements by state, offices held, memberships.
    AsOf {
        /// The date (an EDTF date: 2016, 2016-06, 2016-06-04, 2016-06-04?, 2016-23, …).
        #[arg(value_name = "DATE")]
        date: PartialDate,
        /// The graph.
        #[command(flatten)]
        inputs: Inputs,
        /// Only what certainly held on the date.
        #[arg(long)]
        certain: bool,
        /// How to print the answer (with --jsonl, one record a line with a `section` field:
        /// agreement, office, membership).
        #[command(flatten)]
        output: Output,
    },
    /// Draft a cited graph from news reports: speakers, statements with their reporting words
    /// and attribution chains, each citing the words it comes from with a confidence.
    ///
    /// Each ARTICLE is a UTF-8 text file (a directory drafts every `.txt` file in it); several
    /// are drafted in parallel and merged into one graph, one source node per article. The
    /// draft is for a person to review (`--review` lists what to check, most doubtful first)
    /// and then merge into a curated graph (`diplograph merge`).
    Draft {
        /// The report texts, or directories of `.txt` files.
        #[arg(value_name = "ARTICLE", required = true)]
        files: Vec<PathBuf>,
        /// The reports' date (EDTF: 2016-06-04): the sources' date and the date of statements
        /// the text does not date.
        #[arg(long, value_name = "DATE")]
        date: Option<PartialDate>,
        /// The report's title (default: its first line). With several articles, each keeps
        /// its first line.
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// Where the report can be found.
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        /// Who published the reports ("The Straits Times"): the last link of every chain.
        #[arg(long, value_name = "NAME")]
        publisher: Option<String>,
        /// A curated graph to resolve mentions against: speakers and outlets it knows (by id,
        /// name, alias or ISO code) keep its ids, so the draft merges into it.
        #[arg(long, value_name = "GRAPH")]
        into: Option<PathBuf>,
        /// Where to write the draft (`-` for standard output).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Print what a person should check, most doubtful first (on standard output; on
        /// standard error when the draft goes to standard output).
        #[arg(long)]
        review: bool,
        /// Replace OUT even if it is read-only.
        #[arg(long)]
        force: bool,
    },
    /// Merge graph files into one, reporting every conflict; OUT is written atomically.
    Merge {
        /// The files to merge (`-` reads standard input).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Where to write the merged graph (`-` for standard output).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Fail (exit 1, OUT untouched) on any conflict (refinements are only noted).
        #[arg(long)]
        strict: bool,
        /// The merged graph's title (default: "merge of N graphs", the inputs' titles listed
        /// in its description; the inputs' own title when they all share one).
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// Replace OUT even if it is read-only.
        #[arg(long)]
        force: bool,
    },
    /// Rewrite graph files in canonical form, in place: the deterministic save (keys, nodes
    /// and edges in their fixed order), citations given by their words resolved into spans.
    ///
    /// Every file is checked first (an invalid one stops the command, nothing written); the
    /// files that change are replaced atomically, as a set. Each file is formatted on its own.
    Fmt {
        /// The graph files.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Write nothing: list the files that would change, and exit 1 if there is any.
        #[arg(long)]
        check: bool,
        /// Replace files even if read-only.
        #[arg(long)]
        force: bool,
    },
    /// Write the graph, or the part selected, in an export format.
    ///
    /// `csv` writes two tables, nodes.csv and edges.csv, into the directory given by -o
    /// (created if missing), and `parquet` the graph's tables (nodes.parquet, edges.parquet,
    /// citations.parquet …, which load back as a graph); the other formats write one stream,
    /// to OUT or standard output.
    Dump {
        /// The graph.
        #[command(flatten)]
        inputs: Inputs,
        /// The export format. Default: the one OUT's extension says (.json, .nodelink.json,
        /// .graphml, .gexf, .dot, .gv, .csv, .cypher, .mmd, .parquet), json on standard output.
        #[arg(short, long, value_name = "FORMAT", value_parser = export_formats(), ignore_case = true)]
        format: Option<ExportFormat>,
        /// Only what holds on this date: edges valid then, and no event, statement or
        /// agreement that came later.
        #[arg(long, value_name = "DATE")]
        as_of: Option<PartialDate>,
        /// Only the neighbourhood of this node.
        #[arg(long, value_name = "NODE")]
        around: Option<String>,
        /// How many edges away from --around to go.
        #[arg(long, value_name = "N", default_value_t = 1, requires = "around")]
        depth: usize,
        /// Only edges of these kinds (repeated or comma-separated).
        #[arg(long, value_name = "KIND", value_delimiter = ',', value_parser = edge_kinds(),
              ignore_case = true)]
        kinds: Vec<EdgeKind>,
        /// Where to write (a file, or a directory for csv and parquet); standard output when
        /// absent.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace OUT (or the csv tables) even if read-only.
        #[arg(long)]
        force: bool,
    },
    /// Write an interactive view of the graph: one self-contained HTML file that works
    /// offline (open it in a browser).
    ///
    /// The graph laid out (pan, zoom, filter by node and edge kind, search by name), a date
    /// slider showing what holds on the day (agreements by state, offices, memberships; what
    /// only possibly held dashed), the timeline under it, and on a click a node's or edge's
    /// profile with each citation and the source text around it. A graph of more than 400
    /// nodes is drawn as its most connected part unless --around picks a neighbourhood.
    View {
        /// The graph.
        #[command(flatten)]
        inputs: Inputs,
        /// Draw only the neighbourhood of this node.
        #[arg(long, value_name = "NODE")]
        around: Option<String>,
        /// How many edges away from --around to go.
        #[arg(long, value_name = "N", default_value_t = 1, requires = "around")]
        depth: usize,
        /// The day the date slider starts on (an EDTF date; default: the latest source's date).
        #[arg(long, value_name = "DATE")]
        as_of: Option<PartialDate>,
        /// The page's title (default: the graph's).
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// Where to write the page (`-` for standard output).
        #[arg(short, long, value_name = "OUT", required = true)]
        output: PathBuf,
        /// Replace OUT even if it is read-only.
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print a manual page (roff) on standard output, `diplograph man | man -l -`, or write
    /// them all into a directory with --out.
    ///
    /// There is a page for the command, diplograph(1), and one for each of its commands,
    /// such as diplograph-validate(1).
    Man {
        /// The command whose page to print (`path` for diplograph-path(1)); without one, the
        /// main page.
        command: Option<String>,
        /// Write every page into this directory (created if missing), as `diplograph.1`,
        /// `diplograph-validate.1`, …, replacing them as a set.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

impl Command {
    /// Whether the command prints a list answer that `--limit N` shortens.
    pub fn lists(&self) -> bool {
        matches!(
            self,
            Command::Timeline { .. }
                | Command::Show { .. }
                | Command::Statements { .. }
                | Command::Agreements { .. }
                | Command::Parties { .. }
                | Command::Signatories { .. }
                | Command::Holders { .. }
        )
    }
}

/// The `--via` arguments of `path` as one family.
///
/// # Errors
/// A message when a name is neither a family nor an agreement kind, or when a named family
/// is combined with anything else.
pub fn family(via: &[String]) -> Result<Family, String> {
    match via {
        [] => Ok(Family::Any),
        [one] => one
            .parse()
            .map_err(|e: diplograph::error::UnknownName| e.to_string()),
        several => {
            let mut kinds = Vec::new();
            for name in several {
                match name.parse::<Family>().map_err(|e| e.to_string())? {
                    Family::Kinds(k) => kinds.extend(k),
                    other => {
                        return Err(format!(
                            "--via {}: a family cannot be combined with other families or kinds; \
                             give either one family or a list of agreement kinds",
                            other.name()
                        ))
                    }
                }
            }
            Ok(Family::Kinds(kinds))
        }
    }
}
