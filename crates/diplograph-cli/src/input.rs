//! Reading the graph a command works on: files, standard input or the built-in example, merged
//! when there are several.

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use diplograph::error::Location;
use diplograph::format::Limits;
use diplograph::merge::{merge, MergeOptions, Merged};
use diplograph::{Error, Graph, Problem, ProblemCode};
use indicatif::{ProgressBar, ProgressStyle};

use crate::failure::{advise, Failure, Text};
use crate::note;
use crate::render::clean;

/// The label problems name for standard input.
pub const STDIN_LABEL: &str = "<stdin>";
/// The label problems name for the built-in example.
pub const EXAMPLE_LABEL: &str = "<built-in example>";

/// One input read into memory: its label (the file name) and bytes.
pub struct Input {
    /// The file name as given, `<stdin>` for `-`.
    pub label: String,
    /// Its contents (empty for a directory of Parquet tables, read by [`parse`]).
    pub bytes: Vec<u8>,
    /// Whether it is a directory of Parquet tables ([`diplograph::columnar`]).
    pub columnar: bool,
}

/// A progress bar on standard error, drawn only when standard error is a terminal; its message
/// (which names a file) is neutralised for the terminal ([`clean`]).
pub fn progress(len: Option<u64>, message: String) -> ProgressBar {
    let bar = match len {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        ),
        None => ProgressBar::new_spinner(),
    };
    let message = match clean(&message) {
        Cow::Borrowed(_) => message,
        Cow::Owned(cleaned) => cleaned,
    };
    bar.set_message(message);
    if len.is_none() {
        bar.enable_steady_tick(Duration::from_millis(120));
    }
    bar
}

/// Reads one file (or standard input for `-`), showing a progress bar for large files.
///
/// Never reads more than the loader accepts (`limits.max_file_size`): a regular file is
/// refused from its size before any of it is read, and a stream (standard input, a FIFO, a
/// device such as `/dev/zero`) is read at most one byte past the limit.
///
/// # Errors
/// [`Failure::Core`] with [`Error::Io`] when it cannot be read; [`Failure::Invalid`] with a
/// `limit-file-size` problem when it is larger than the limit.
pub fn read(path: &Path, limits: &Limits) -> Result<Input, Failure> {
    let max = limits.max_file_size;
    let io = |source: std::io::Error| {
        Failure::Core(Error::Io {
            action: "cannot read",
            path: path.to_path_buf(),
            source,
        })
    };
    if path.as_os_str() == "-" {
        return read_stream(std::io::stdin().lock(), STDIN_LABEL, max, io);
    }
    let label = path.display().to_string();
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        if diplograph::columnar::is_columnar_dir(path) {
            return Ok(Input {
                label,
                bytes: Vec::new(),
                columnar: true,
            });
        }
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "it is a directory without the tables of a graph (nodes.parquet …)",
        )));
    }
    if !meta.is_file() {
        // A FIFO, a device, a socket: its size says nothing, only reading does.
        return read_stream(file, &label, max, io);
    }
    let len = meta.len();
    if len > max {
        return Err(too_big(&label, &format!("{len} bytes"), max));
    }
    let bar = progress(Some(len), format!("reading {}", path.display()));
    // `len` is at most `max`; the file may still grow while it is read, hence the bound.
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    let read = bar
        .wrap_read(file)
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes);
    bar.finish_and_clear();
    read.map_err(io)?;
    if bytes.len() as u64 > max {
        return Err(too_big(&label, &format!("more than {max} bytes"), max));
    }
    Ok(Input {
        label,
        bytes,
        columnar: false,
    })
}

/// Reads a stream of unknown size to its end, or to one byte past `max`.
fn read_stream(
    stream: impl Read,
    label: &str,
    max: u64,
    io: impl Fn(std::io::Error) -> Failure,
) -> Result<Input, Failure> {
    let mut bytes = Vec::new();
    stream
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max {
        return Err(too_big(label, &format!("more than {max} bytes"), max));
    }
    Ok(Input {
        label: label.to_owned(),
        bytes,
        columnar: false,
    })
}

/// The `limit-file-size` problem for an input of `size` (already written out) over `max`.
fn too_big(label: &str, size: &str, max: u64) -> Failure {
    let mut problem = Problem {
        code: ProblemCode::LimitFileSize,
        message: format!("the input is {size}, over the limit of {max} bytes"),
        id: None,
        location: Location {
            file: Some(PathBuf::from(label)),
            ..Location::default()
        },
    };
    advise(&mut problem, &Limits::default());
    Failure::Invalid {
        problems: vec![problem],
        texts: Vec::new(),
    }
}
/// Parses one input into a graph (with every problem located in it).
///
/// # Errors
/// [`Failure::Invalid`] with the problems and the input's text, for snippets.
pub fn parse(input: Input, limits: &Limits) -> Result<Graph, Failure> {
    let bar = progress(None, format!("loading {}", input.label));
    let parsed = if input.columnar {
        diplograph::columnar::load_dir(Path::new(&input.label))
    } else {
        diplograph::format::from_slice_with(&input.bytes, Some(Path::new(&input.label)), limits)
    };
    bar.finish_and_clear();
    parsed.map_err(|e| invalid(e, input, limits))
}

/// Turns a load error into a failure that keeps the input's text for snippets, with each
/// exceeded limit's message saying how to raise it ([`advise`]).
fn invalid(error: Error, input: Input, limits: &Limits) -> Failure {
    match error {
        Error::Invalid { problems } => {
            let mut problems = problems.0;
            for p in &mut problems {
                advise(p, limits);
            }
            Failure::Invalid {
                problems,
                texts: vec![Text::new(input.label, input.bytes)],
            }
        }
        other => Failure::Core(other),
    }
}

/// Merges graphs labelled with their file names, with a spinner while it works.
///
/// # Errors
/// [`Failure::Invalid`] when the merged graph breaks a whole-graph rule, or, in strict mode,
/// when the inputs conflict.
pub fn merge_all(graphs: &[(String, Graph)], options: MergeOptions) -> Result<Merged, Failure> {
    let bar = progress(None, format!("merging {} graphs", graphs.len()));
    let inputs: Vec<(&str, &Graph)> = graphs.iter().map(|(l, g)| (l.as_str(), g)).collect();
    let merged = merge(&inputs, options);
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
pub fn load(files: &[PathBuf], quiet: bool, limits: &Limits) -> Result<Graph, Failure> {
    if files.is_empty() {
        if !quiet {
            note(
                "no input file: using the built-in example (the Straits Times, 4 June 2016, \
                 on the Shangri-La Dialogue)",
            );
        }
        return parse(
            Input {
                label: EXAMPLE_LABEL.to_owned(),
                bytes: diplograph::EXAMPLE_JSON.as_bytes().to_vec(),
                columnar: false,
            },
            limits,
        );
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
        let input = read(file, limits)?;
        let label = input.label.clone();
        match parse(input, limits) {
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
    let merged = merge_all(&graphs, MergeOptions::default())?;
    if !quiet && !merged.conflicts.is_empty() {
        note(&format!(
            "the {} inputs disagree on {} point(s); run `diplograph merge` to see them",
            graphs.len(),
            merged.conflicts.len()
        ));
    }
    Ok(merged.graph)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(r: Result<Input, Failure>) -> Option<(ProblemCode, String)> {
        match r {
            Err(Failure::Invalid { problems, .. }) => {
                problems.into_iter().next().map(|p| (p.code, p.message))
            }
            _ => None,
        }
    }

    #[test]
    fn an_endless_stream_is_refused_one_byte_past_the_limit() {
        // `yes ' ' | diplograph validate -`: std::io::repeat never ends.
        let io = |e| Failure::Core(Error::Write(e));
        let r = read_stream(std::io::repeat(b' '), STDIN_LABEL, 1000, io);
        let (code, message) = refusal(r).unwrap_or_else(|| unreachable!("not refused"));
        assert_eq!(code, ProblemCode::LimitFileSize);
        assert!(
            message.starts_with("the input is more than 1000 bytes, over the limit of 1000 bytes"),
            "{message}"
        );
        let fits = read_stream(&b"   "[..], STDIN_LABEL, 3, io);
        assert_eq!(fits.ok().map(|i| i.bytes), Some(b"   ".to_vec()));
    }

    #[cfg(unix)]
    #[test]
    fn dev_zero_is_read_only_up_to_the_limit() {
        let limits = Limits {
            max_file_size: 4096,
            ..Limits::default()
        };
        let r = read(Path::new("/dev/zero"), &limits);
        let (code, message) = refusal(r).unwrap_or_else(|| unreachable!("not refused"));
        assert_eq!(code, ProblemCode::LimitFileSize);
        assert!(message.contains("more than 4096 bytes"), "{message}");
    }

    #[test]
    fn a_sparse_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
        let path = dir.path().join("big.json");
        let file = std::fs::File::create(&path).unwrap_or_else(|e| unreachable!("{e}"));
        // Sparse: two terabytes that cost no disk and would take hours to read.
        file.set_len(2 << 40)
            .unwrap_or_else(|e| unreachable!("{e}"));
        let started = std::time::Instant::now();
        let (code, message) =
            refusal(read(&path, &Limits::default())).unwrap_or_else(|| unreachable!("not refused"));
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(code, ProblemCode::LimitFileSize);
        assert_eq!(
            message,
            "the input is 2199023255552 bytes, over the limit of 1073741824 bytes; to accept \
             it, raise the limit with `--limit file-size=N`"
        );
    }
}
