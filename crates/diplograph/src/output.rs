//! Safe writes: output goes to a temporary file beside the target and replaces it only when
//! complete, so a failure never leaves a half-written file in place of a good one.
//!
//! What a target is decides how it is written:
//!
//! - a regular file, or nothing yet: a temporary file in the same directory, renamed over the
//!   target once complete and synced. A new file gets the permissions any program's new file
//!   gets (`0666` less the umask); a replaced file keeps its mode. A read-only file (no write
//!   permission bit at all) is refused unless [`WriteOptions::force`] is set.
//! - a symbolic link: the file it points to, as above (the link stays a link).
//! - anything else that is not a directory (a character device such as `/dev/null`, a FIFO,
//!   a socket, `/dev/stdout` and the other `/dev/fd/N` names): written straight through, as
//!   a shell redirection would; there is nothing to replace atomically.
//! - a directory: refused ("it is a directory").
//!
//! Temporary files are named `.NAME.diplograph-tmp-PID-RANDOM` after their target and the
//! process writing them. One left behind by a writer that was killed (`kill -9`, a power cut)
//! is removed at the next write into the same directory, once its process is gone (on
//! systems without `/proc`, once it is an hour old); any of this tool's temporary files older
//! than a day is removed too.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::error::{Error, Result};

/// What marks a temporary file as this tool's: `.NAME` + this + `PID-RANDOM`.
pub(crate) const TEMP_MARKER: &str = ".diplograph-tmp-";

/// How many symbolic links are followed before giving up (as the kernel's `ELOOP`).
const MAX_LINKS: usize = 40;

/// How writes treat existing files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteOptions {
    /// Replace a read-only target (one with no write permission bit) instead of refusing it.
    /// Default: `false`.
    pub force: bool,
}

/// A writer-filling function, as [`write_files_atomically`] takes them.
pub type Fill<'f> = &'f mut dyn FnMut(&mut dyn Write) -> Result<()>;

/// Writes a file by calling `fill` with a writer to a temporary file in the same directory,
/// then renaming it over `path` once `fill` succeeded and the data is flushed to disk (see the
/// module documentation for symlinks, devices, FIFOs and read-only files). Uses the default
/// [`WriteOptions`].
///
/// If `fill` fails, or anything else does, the temporary file is removed and an existing file
/// at `path` is left byte-for-byte as it was.
///
/// # Errors
/// [`Error::Io`] when the target is a directory or read-only, the directory is not writable or
/// the rename fails; any error `fill` returns.
pub fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    write_atomically_with(path, &WriteOptions::default(), fill)
}

/// [`write_atomically`] with the given [`WriteOptions`].
///
/// # Errors
/// As [`write_atomically`].
pub fn write_atomically_with(
    path: &Path,
    options: &WriteOptions,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let mut fill = Some(fill);
    let mut once = |w: &mut dyn Write| match fill.take() {
        Some(f) => f(w),
        None => Ok(()),
    };
    write_files_atomically(&mut [(path, &mut once)], options)
}

/// Writes several files as a set: each `fill` writes its file's temporary copy, and only when
/// all of them succeeded are the copies renamed over their targets, one after the other. A
/// failure in any `fill` leaves every existing target as it was (this is how the CSV export
/// writes `nodes.csv` and `edges.csv`).
///
/// The renames themselves are the one step that is not atomic as a set: if the second rename
/// fails after the first succeeded (the copies are complete, in the same directories, so this
/// takes a fault of the file system itself), the first target is new and the second old.
/// Targets that are written straight through (devices, FIFOs) are written in turn, in order.
///
/// # Errors
/// As [`write_atomically`], for any of the files.
pub fn write_files_atomically(
    files: &mut [(&Path, Fill<'_>)],
    options: &WriteOptions,
) -> Result<()> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, fill) in files.iter_mut() {
        match plan(path, options)? {
            Plan::Through(target) => write_through(path, &target, fill)?,
            Plan::Replace { target, mode } => staged.push(stage(path, target, mode, fill)?),
        }
    }
    for s in staged {
        let Staged { tmp, target, path } = s;
        tmp.persist(&target)
            .map_err(|e| io_error("cannot replace", &path, e.error))?;
        sync_dir(&target);
    }
    Ok(())
}

fn io_error(action: &'static str, path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// How one target is written.
enum Plan {
    /// Opened and written in place: a device, a FIFO, a socket, a `/dev/fd/N` name.
    Through(PathBuf),
    /// Replaced by a complete temporary file: `target` is `path` with its links followed,
    /// `mode` the permissions of the file replaced (none for a new file).
    Replace {
        target: PathBuf,
        mode: Option<std::fs::Permissions>,
    },
}

fn plan(path: &Path, options: &WriteOptions) -> Result<Plan> {
    if is_descriptor_name(path) {
        return Ok(Plan::Through(path.to_path_buf()));
    }
    let target = follow_links(path).map_err(|e| io_error("cannot write", path, e))?;
    let meta = match std::fs::metadata(&target) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if path.as_os_str().to_string_lossy().ends_with('/') {
                return Err(io_error(
                    "cannot write",
                    path,
                    std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "no such directory (a file name cannot end with `/`)",
                    ),
                ));
            }
            return Ok(Plan::Replace { target, mode: None });
        }
        Err(e) => return Err(io_error("cannot write", path, e)),
    };
    if meta.is_dir() {
        return Err(io_error(
            "cannot write",
            path,
            std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a directory"),
        ));
    }
    if !meta.is_file() {
        return Ok(Plan::Through(target));
    }
    if read_only(&meta.permissions()) && !options.force {
        return Err(io_error(
            "cannot write",
            path,
            std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "it is read-only; to replace it anyway, force the write (`--force` on the \
                 command line, `WriteOptions { force: true }` in the library)",
            ),
        ));
    }
    Ok(Plan::Replace {
        target,
        mode: Some(meta.permissions()),
    })
}

/// No write permission for anyone: the user marked it so (root may write it all the same).
#[cfg(unix)]
fn read_only(p: &std::fs::Permissions) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.mode() & 0o222 == 0
}

#[cfg(not(unix))]
fn read_only(p: &std::fs::Permissions) -> bool {
    p.readonly()
}

/// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: names of descriptors this
/// process already holds, whose links point at pipes, terminals or files opened by the shell.
fn is_descriptor_name(path: &Path) -> bool {
    let p = path.as_os_str().to_string_lossy();
    matches!(p.as_ref(), "/dev/stdout" | "/dev/stderr")
        || p.starts_with("/dev/fd/")
        || p.starts_with("/proc/self/fd/")
        || p.starts_with("/proc/thread-self/fd/")
}

/// `path` with every symbolic link in its last component followed (the directories above are
/// left to the kernel). A dangling link gives the path it points to, to be created.
fn follow_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links in a row"
    )))
}

fn write_through(path: &Path, target: &Path, fill: &mut Fill<'_>) -> Result<()> {
    // Appending, not truncating: for a descriptor the shell opened (`>` or `>>`), this writes
    // where the shell would; for a device or FIFO it makes no difference.
    let file = OpenOptions::new()
        .append(true)
        .open(target)
        .map_err(|e| io_error("cannot write", path, e))?;
    let mut buffered = std::io::BufWriter::new(file);
    fill(&mut buffered)?;
    buffered
        .flush()
        .map_err(|e| io_error("cannot write", path, e))?;
    Ok(())
}

/// A complete, synced temporary file waiting to be renamed over `target`.
struct Staged {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
    /// The path as given, for messages.
    path: PathBuf,
}

fn stage(
    path: &Path,
    target: PathBuf,
    mode: Option<std::fs::Permissions>,
    fill: &mut Fill<'_>,
) -> Result<Staged> {
    let io = |action| move |e| io_error(action, path, e);
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    clean_stale(&dir);
    let mut builder = tempfile::Builder::new();
    let prefix = temp_prefix(&target);
    builder.prefix(&prefix).rand_bytes(6);
    // Created as any new file is (0666 less the umask), not private: it becomes the output.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(&dir)
        .map_err(io("cannot create a temporary file beside"))?;
    {
        let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut buffered)?;
        buffered.flush().map_err(io("cannot write"))?;
    }
    if let Some(mode) = mode {
        tmp.as_file()
            .set_permissions(mode)
            .map_err(io("cannot write"))?;
    }
    tmp.as_file().sync_all().map_err(io("cannot write"))?;
    Ok(Staged {
        tmp,
        target,
        path: path.to_path_buf(),
    })
}

/// `.NAME.diplograph-tmp-PID-`, with NAME cut so that the whole name stays under the usual
/// 255-byte limit.
fn temp_prefix(target: &Path) -> OsString {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut cut = name.len().min(160);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let name = name.get(..cut).unwrap_or_default();
    OsString::from(format!(".{name}{TEMP_MARKER}{}-", std::process::id()))
}

/// Removes this tool's temporary files in `dir` whose writer is gone. Best effort: a file that
/// cannot be examined or removed is left.
fn clean_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = temp_pid(&name.to_string_lossy()) else {
            continue;
        };
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let age = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .unwrap_or_default();
        if is_stale(pid, age) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The PID in a name `.NAME.diplograph-tmp-PID-RANDOM`, when it is one of ours.
fn temp_pid(name: &str) -> Option<u32> {
    if !name.starts_with('.') {
        return None;
    }
    let (_, rest) = name.rsplit_once(TEMP_MARKER)?;
    let (pid, random) = rest.split_once('-')?;
    if random.is_empty() || !random.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    pid.parse().ok()
}

fn is_stale(pid: u32, age: Duration) -> bool {
    const DAY: Duration = Duration::from_secs(24 * 3600);
    const HOUR: Duration = Duration::from_secs(3600);
    if age > DAY {
        return true;
    }
    if pid == std::process::id() {
        return false;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        !proc.join(pid.to_string()).exists()
    } else {
        age > HOUR
    }
}

/// Makes a rename durable by syncing the directory that holds it (best effort: not every
/// platform can open a directory).
fn sync_dir(target: &Path) {
    if let Some(dir) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failure_leaves_old_file_intact() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
        let path = dir.path().join("out.json");
        std::fs::write(&path, b"old contents").unwrap_or_else(|e| unreachable!("{e}"));
        let r = write_atomically(&path, |w| {
            w.write_all(b"half of the new")?;
            Err(Error::Write(std::io::Error::other("failed midway")))
        });
        assert!(r.is_err());
        assert_eq!(
            std::fs::read(&path).ok().as_deref(),
            Some(&b"old contents"[..])
        );
        let leftovers = std::fs::read_dir(dir.path())
            .map(|d| d.count())
            .unwrap_or(0);
        assert_eq!(leftovers, 1);
        assert!(write_atomically(&path, |w| Ok(w.write_all(b"new")?)).is_ok());
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"new"[..]));
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_mode_of_any_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap_or_else(|e| unreachable!("{e}"));
        let mode = |p: &Path| {
            std::fs::metadata(p)
                .map(|m| m.permissions().mode() & 0o777)
                .ok()
        };
        // What the umask makes of 0666, whatever it is.
        let reference = dir.path().join("reference");
        drop(File::create(&reference));
        let fresh = dir.path().join("fresh.json");
        assert!(write_atomically(&fresh, |w| Ok(w.write_all(b"x")?)).is_ok());
        assert!(mode(&reference).is_some());
        assert_eq!(mode(&fresh), mode(&reference));
    }

    #[test]
    fn temporary_names_are_recognised_and_nothing_else() {
        assert_eq!(temp_pid(".nodes.csv.diplograph-tmp-123-aB9xYz"), Some(123));
        assert_eq!(temp_pid(".a.diplograph-tmp-b.diplograph-tmp-7-q1"), Some(7));
        assert_eq!(temp_pid("nodes.csv.diplograph-tmp-123-aB9xYz"), None);
        assert_eq!(temp_pid(".nodes.csv.diplograph-tmp-x-aB9xYz"), None);
        assert_eq!(temp_pid(".nodes.csv.diplograph-tmp-123-"), None);
        assert_eq!(temp_pid(".nodes.csv.diplograph-tmp-123-a.b"), None);
        assert_eq!(temp_pid(".nodes.csv"), None);
        let long = "é".repeat(200);
        let prefix = temp_prefix(Path::new(&long));
        assert!(prefix.len() < 200, "{}", prefix.len());
        assert!(!is_stale(std::process::id(), Duration::from_secs(60)));
        assert!(is_stale(std::process::id(), Duration::from_secs(25 * 3600)));
    }
}
