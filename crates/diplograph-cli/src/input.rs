//! Reading the graph a command works on: files, standard input or the built-in example, merged
//! when there are several.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use diplograph::merge::{merge, MergeOptions, Merged};
use diplograph::{Error, Graph, Problem};
use indicatif::{ProgressBar, ProgressStyle};

use crate::failure::{Failure, Text};
use crate::note;

/// The label problems name for standard input.
pub const STDIN_LABEL: &str = "<stdin>";
/// The label problems name for the built-in example.
pub const EXAMPLE_LABEL: &str = "<built-in example>";

/// One input read into memory: its label (the file name) and bytes.
pub struct Input {
    /// The file name as given, `<stdin>` for `-`.
    pub label: String,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// A progress bar on standard error, drawn only when standard error is a terminal.
pub fn progress(len: Option<u64>, message: String) -> ProgressBar {
    let bar = match len {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        ),
        None => ProgressBar::new_spinner(),
    };
    bar.set_message(message);
    if len.is_none() {
        bar.enable_steady_tick(Duration::from_millis(120));
    }
    bar
}

/// Reads one file (or standard input for `-`), showing a progress bar for large files.
///
/// # Errors
/// [`Failure::Core`] with [`Error::Io`] when it cannot be read.
pub fn read(path: &Path) -> Result<Input, Failure> {
    let io = |source: std::io::Error| {
        Failure::Core(Error::Io {
            action: "cannot read",
            path: path.to_path_buf(),
            source,
        })
    };
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(io)?;
        return Ok(Input {
            label: STDIN_LABEL.to_owned(),
            bytes,
        });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    let len = meta.len();
    if meta.is_dir() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "it is a directory",
        )));
    }
    let bar = progress(Some(len), format!("reading {}", path.display()));
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    let read = bar.wrap_read(file).read_to_end(&mut bytes);
    bar.finish_and_clear();
    read.map_err(io)?;
    Ok(Input {
        label: path.display().to_string(),
        bytes,
    })
}

/// Parses one input into a graph (with every problem located in it).
///
/// # Errors
/// [`Failure::Invalid`] with the problems and the input's text, for snippets.
pub fn parse(input: Input) -> Result<Graph, Failure> {
    let bar = progress(None, format!("loading {}", input.label));
    let parsed = diplograph::format::from_slice(&input.bytes, Some(Path::new(&input.label)));
    bar.finish_and_clear();
    parsed.map_err(|e| invalid(e, input))
}

/// Turns a load error into a failure that keeps the input's text for snippets.
pub fn invalid(error: Error, input: Input) -> Failure {
    match error {
        Error::Invalid { problems } => Failure::Invalid {
            problems: problems.0,
            texts: vec![Text::new(input.label, input.bytes)],
        },
        other => Failure::Core(other),
    }
}

/// Merges graphs labelled with their file names, with a spinner while it works.
///
/// # Errors
/// [`Failure::Invalid`] when the merged graph breaks a whole-graph rule, or, in strict mode,
/// when the inputs conflict.
pub fn merge_all(graphs: &[(String, Graph)], strict: bool) -> Result<Merged, Failure> {
    let bar = progress(None, format!("merging {} graphs", graphs.len()));
    let inputs: Vec<(&str, &Graph)> = graphs.iter().map(|(l, g)| (l.as_str(), g)).collect();
    let merged = merge(&inputs, MergeOptions { strict });
    bar.finish_and_clear();
    merged.map_err(|e| match e {
        Error::Invalid { problems } => Failure::Invalid {
            problems: problems.0,
            texts: Vec::new(),
        },
        other => Failure::Core(other),
    })
}

/// The graph a query command works on: the built-in example when `files` is empty, the one
/// file, or the merge of several (conflicts noted on standard error).
///
/// Every input is read and checked before failing, so that all problems of all files are
/// reported at once.
///
/// # Errors
/// [`Failure::Core`] for I/O errors and a repeated `-`; [`Failure::Invalid`] with every
/// problem of every file.
pub fn load(files: &[PathBuf], quiet: bool) -> Result<Graph, Failure> {
    if files.is_empty() {
        if !quiet {
            note(
                "no input file: using the built-in example (the Straits Times, 4 June 2016, \
                 on the Shangri-La Dialogue)",
            );
        }
        return parse(Input {
            label: EXAMPLE_LABEL.to_owned(),
            bytes: diplograph::EXAMPLE_JSON.as_bytes().to_vec(),
        });
    }
    if files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(Failure::Usage(
            "standard input (`-`) can be given only once".to_owned(),
        ));
    }
    let mut graphs = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    let mut texts = Vec::new();
    for file in files {
        let input = read(file)?;
        let label = input.label.clone();
        match parse(input) {
            Ok(g) => graphs.push((label, g)),
            Err(Failure::Invalid {
                problems: p,
                texts: t,
            }) => {
                problems.extend(p);
                texts.extend(t);
            }
            Err(other) => return Err(other),
        }
    }
    if !problems.is_empty() {
        return Err(Failure::Invalid { problems, texts });
    }
    if graphs.len() == 1 {
        return Ok(graphs.pop().map(|(_, g)| g).unwrap_or_default());
    }
    let merged = merge_all(&graphs, false)?;
    if !quiet && !merged.conflicts.is_empty() {
        note(&format!(
            "the {} inputs disagree on {} point(s); run `diplograph merge` to see them",
            graphs.len(),
            merged.conflicts.len()
        ));
    }
    Ok(merged.graph)
}
