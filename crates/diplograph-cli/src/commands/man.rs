//! `diplograph man`: the manual pages, in roff: `diplograph(1)` and one page per command
//! (`diplograph-validate(1)`, …), each with EXIT STATUS and EXAMPLES sections.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use diplograph::{write_files_atomically, Fill, WriteOptions};
use roff::{bold, roman, Roff};

use crate::cli::Cli;
use crate::failure::Failure;
use crate::note;

/// The name of the main page's command.
const NAME: &str = "diplograph";

/// What each exit status means, for every command but those listed in [`exit_statuses`].
const EXIT_STATUSES: &[(&str, &str)] = &[
    ("0", "Success."),
    (
        "1",
        "Invalid input (a file that does not load or breaks a rule), or a name that no node \
         answers to or that several do.",
    ),
    (
        "2",
        "A usage error (a bad option or value) or an I/O error.",
    ),
];

/// What each exit status means for `command` (its name; `None` for the main page).
fn exit_statuses(command: Option<&str>) -> Vec<(&'static str, &'static str)> {
    let one = match command {
        Some("validate") => "A file, or the merge of several, is not valid.",
        Some("path") => {
            "Invalid input, a name not found or ambiguous, or no chain links the two parties."
        }
        Some("cite") => {
            "Invalid input, a source not found, or the words are not in its text, or are there \
             several times and --occurrence does not pick one."
        }
        Some("merge") => "Invalid input, or with --strict, any conflict (OUT is left untouched).",
        Some("fmt") => "Invalid input (nothing is written), or with --check, a file would change.",
        Some("completions" | "man") => {
            return vec![EXIT_STATUSES[0], EXIT_STATUSES[2]];
        }
        _ => return EXIT_STATUSES.to_vec(),
    };
    vec![EXIT_STATUSES[0], ("1", one), EXIT_STATUSES[2]]
}

/// Examples for `command` (its name; `None` for the main page): what each does, and the
/// command line. Every command has some (a test checks it).
fn examples(command: Option<&str>) -> &'static [(&'static str, &'static str)] {
    match command {
        None => &[
            ("Check a file.", "diplograph validate report.json"),
            (
                "Chains of intelligence-sharing agreements from Seoul to Tokyo on a date.",
                "diplograph path Seoul Tokyo --via intelligence --as-of 2016-06-04",
            ),
            (
                "Everything about a person, in the built-in example.",
                "diplograph show \"Han Min Koo\"",
            ),
            (
                "Install the manual pages.",
                "diplograph man --out /usr/local/share/man/man1",
            ),
        ],
        Some("validate") => &[
            (
                "Check two files, and their merge.",
                "diplograph validate report.json notes.json",
            ),
            (
                "Check standard input.",
                "diplograph validate - < report.json",
            ),
            (
                "The problems as JSON, for a script.",
                "diplograph validate --json report.json",
            ),
        ],
        Some("stats") => &[
            ("Count the built-in example.", "diplograph stats"),
            ("As JSON.", "diplograph stats --json report.json"),
        ],
        Some("show") => &[
            (
                "A person, by a name written with or without its hyphen.",
                "diplograph show \"Han Min-koo\"",
            ),
            (
                "An agreement as it stood on a date.",
                "diplograph show gsomia-jpn-usa --as-of 2016-06-04",
            ),
            ("A country, as JSON.", "diplograph show Seoul --json"),
            (
                "At most three rows of each list.",
                "diplograph show KOR --max-rows 3",
            ),
        ],
        Some("cite") => &[
            (
                "The citation of words in the example's source.",
                "diplograph cite st-2016-06-04 \"GSOMIA with Japan\"",
            ),
            (
                "The second place the words occur.",
                "diplograph cite st-2016-06-04 GSOMIA --occurrence 2",
            ),
        ],
        Some("path") => &[
            (
                "How South Korea and Japan share intelligence on a date.",
                "diplograph path \"South Korea\" Japan --via intelligence --as-of 2016-06-04",
            ),
            (
                "Up to three chains, through GSOMIAs only, as JSON.",
                "diplograph path Seoul Tokyo --via gsomia -k 3 --json",
            ),
        ],
        Some("statements") => &[
            (
                "Statements that dispute or are disputed.",
                "diplograph statements --disputed",
            ),
            (
                "What one person said.",
                "diplograph statements --by \"Lu Yin\"",
            ),
        ],
        Some("timeline") => &[
            (
                "What happened in the first quarter of 2016.",
                "diplograph timeline --from 2016-01 --to 2016-03",
            ),
            (
                "Around one agreement, as JSON.",
                "diplograph timeline --around gsomia-kor-usa --json",
            ),
            (
                "The timeline with statements as an SVG picture too.",
                "diplograph timeline --statements --svg timeline.svg",
            ),
        ],
        Some("draft") => &[
            (
                "Draft a report into a cited graph and list what to review, most doubtful first.",
                "diplograph draft report.txt --date 2016-06-04 --publisher \"The Straits Times\" -o draft.json --review",
            ),
            (
                "Draft a directory of reports against a curated graph, then merge.",
                "diplograph draft reports/ --date 2016-06-04 --into curated.json -o drafts.json && diplograph merge curated.json drafts.json -o curated.json",
            ),
        ],
        Some("merge") => &[
            (
                "Merge two files, conflicts reported.",
                "diplograph merge a.json b.json -o merged.json",
            ),
            (
                "Refuse any conflict.",
                "diplograph merge --strict a.json b.json -o merged.json",
            ),
        ],
        Some("fmt") => &[
            (
                "Rewrite files in canonical form.",
                "diplograph fmt report.json notes.json",
            ),
            (
                "In CI: fail if a file is not.",
                "diplograph fmt --check report.json",
            ),
        ],
        Some("view") => &[
            (
                "The built-in example, to open in a browser.",
                "diplograph view -o view.html",
            ),
            (
                "South Korea's neighbourhood, the slider on the day of the report.",
                "diplograph view --around KOR --depth 2 --as-of 2016-06-04 -o korea.html",
            ),
        ],
        Some("dump") => &[
            (
                "GraphML, the format following the name.",
                "diplograph dump report.json -o graph.graphml",
            ),
            (
                "A Mermaid chart of one agreement and its parties.",
                "diplograph dump --format mermaid --around gsomia-kor-usa --kinds party_to",
            ),
            (
                "The two CSV tables.",
                "diplograph dump --format csv -o tables/",
            ),
        ],
        Some("agreements") => &[
            (
                "What bound Seoul and Tokyo on a day, in the built-in example.",
                "diplograph agreements Seoul Tokyo --as-of 2016-06-04",
            ),
            (
                "Only the intelligence pacts in force, one JSON record a line.",
                "diplograph agreements KOR USA --kind gsomia --state in_force --jsonl",
            ),
        ],
        Some("parties") => &[(
            "Who was party to an agreement on a day, with the bodies acting for each state.",
            "diplograph parties \"US–South Korea GSOMIA\" --as-of 2016-06-04",
        )],
        Some("signatories") => &[(
            "Who signed an agreement, for whom, when and where.",
            "diplograph signatories new-start treaty-histories.json",
        )],
        Some("holders") => &[
            (
                "Who was defence minister (any country), by the words of the title.",
                "diplograph holders \"Defence Minister\" --as-of 2016-06-04",
            ),
            (
                "Every office in a ministry and the bodies part of it.",
                "diplograph holders \"Ministry of National Defense\"",
            ),
        ],
        Some("as-of") => &[(
            "The state of the world on a day: agreements by state, offices, memberships.",
            "diplograph as-of 2016-06-04 --json",
        )],
        Some("completions") => &[(
            "Completion for bash.",
            "diplograph completions bash > /etc/bash_completion.d/diplograph",
        )],
        Some("man") => &[
            ("Read the main page.", "diplograph man | man -l -"),
            (
                "Read the page of one command.",
                "diplograph man path | man -l -",
            ),
            (
                "Write every page into a directory.",
                "diplograph man --out /usr/local/share/man/man1",
            ),
        ],
        Some(_) => &[],
    }
}

/// One manual page: its file name (`diplograph-validate.1`) and its roff text.
pub(crate) struct Page {
    /// The file name.
    pub(crate) file: String,
    /// The page.
    pub(crate) text: Vec<u8>,
}

/// Every page: the main page, then one per command, in the order `--help` lists them.
///
/// # Errors
/// When rendering fails (it writes to memory, so it does not).
pub(crate) fn pages() -> std::io::Result<Vec<Page>> {
    // Every page says the version.
    let mut cmd = Cli::command()
        .disable_help_subcommand(true)
        .propagate_version(true);
    cmd.build();
    let mut out = vec![page(&cmd, None)?];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        out.push(page(sub, Some(sub.get_name()))?);
    }
    Ok(out)
}

/// The page of `cmd`, named `command` (`None` for the main page).
fn page(cmd: &clap::Command, command: Option<&str>) -> std::io::Result<Page> {
    let man = clap_mangen::Man::new(cmd.clone())
        .source(format!("{NAME} {}", cmd.get_version().unwrap_or_default()));
    // Each section renders with the same preamble; it is kept once, at the top.
    let preamble = Roff::new().render();
    let mut text = Vec::new();
    let mut part = |render: &dyn Fn(&mut dyn Write) -> std::io::Result<()>| {
        let mut buf = Vec::new();
        render(&mut buf)?;
        let body = match buf.strip_prefix(preamble.as_bytes()) {
            Some(rest) if !text.is_empty() => rest,
            _ => &buf[..],
        };
        text.extend_from_slice(body);
        std::io::Result::Ok(())
    };
    part(&|w| man.render_title(w))?;
    part(&|w| man.render_name_section(w))?;
    part(&|w| man.render_synopsis_section(w))?;
    part(&|w| man.render_description_section(w))?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        part(&|w| man.render_options_section(w))?;
    }
    if cmd.has_subcommands() {
        part(&|w| man.render_subcommands_section(w))?;
    }
    part(&|w| ours(cmd, command).to_writer(w))?;
    if cmd.get_version().is_some() {
        part(&|w| man.render_version_section(w))?;
    }
    Ok(Page {
        file: man.get_filename(),
        text,
    })
}

/// The sections clap does not write: EXIT STATUS, EXAMPLES and SEE ALSO.
fn ours(cmd: &clap::Command, command: Option<&str>) -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in exit_statuses(command) {
        roff.control("TP", [])
            .text([bold(code)])
            .text([roman(meaning)]);
    }
    roff.control("SH", ["EXAMPLES"]);
    for (what, line) in examples(command) {
        roff.control("PP", [])
            .text([roman(*what)])
            .control("RS", ["4"])
            .text([bold(*line)])
            .control("RE", []);
    }
    roff.control("SH", ["SEE ALSO"]);
    let see: Vec<String> = match command {
        None => cmd
            .get_subcommands()
            .filter(|s| !s.is_hide_set())
            .map(|s| format!("{NAME}-{}(1)", s.get_name()))
            .collect(),
        Some(_) => vec![format!("{NAME}(1)")],
    };
    roff.text([roman(see.join(", "))]);
    roff
}

/// Runs `diplograph man`: the page of `command` (the main page without one) on standard
/// output, or, with `out_dir`, every page written into that directory (created if missing),
/// atomically as a set.
pub(super) fn man(
    command: Option<&str>,
    out_dir: Option<&Path>,
    quiet: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let pages = pages()?;
    let Some(dir) = out_dir else {
        let wanted = match command {
            Some(c) => format!("{NAME}-{c}.1"),
            None => format!("{NAME}.1"),
        };
        let page = pages.iter().find(|p| p.file == wanted).ok_or_else(|| {
            let names: Vec<&str> = pages
                .iter()
                .filter_map(|p| p.file.strip_prefix("diplograph-")?.strip_suffix(".1"))
                .collect();
            Failure::Usage(format!(
                "no manual page for `{}`; the commands are: {}",
                command.unwrap_or_default(),
                names.join(", ")
            ))
        })?;
        return Ok(out.write_all(&page.text)?);
    };
    if command.is_some() {
        return Err(Failure::Usage(
            "--out writes every page; give either a command or --out".to_owned(),
        ));
    }
    std::fs::create_dir_all(dir).map_err(|source| diplograph::Error::Io {
        action: "cannot create",
        path: dir.to_path_buf(),
        source,
    })?;
    let paths: Vec<PathBuf> = pages.iter().map(|p| dir.join(&p.file)).collect();
    // One closure expression: one type, so the writers fit in one list.
    let mut fills: Vec<_> = pages
        .iter()
        .map(|p| move |w: &mut dyn Write| -> diplograph::Result<()> { Ok(w.write_all(&p.text)?) })
        .collect();
    let mut files: Vec<(&Path, Fill<'_>)> = paths
        .iter()
        .map(PathBuf::as_path)
        .zip(fills.iter_mut().map(|f| f as Fill<'_>))
        .collect();
    write_files_atomically(&mut files, &WriteOptions::default())?;
    if !quiet {
        note(&format!(
            "wrote {} manual pages to {}",
            pages.len(),
            dir.display()
        ));
    }
    Ok(())
}
