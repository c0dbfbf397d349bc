//! Safe writes: output goes to a temporary file beside the target and replaces it only when
//! complete, so a failure never leaves a half-written file in place of a good one.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes a file by calling `fill` with a writer to a temporary file in the same directory,
/// then renaming it over `path` once `fill` succeeded and the data is flushed to disk.
///
/// If `fill` fails, or anything else does, the temporary file is removed and an existing file
/// at `path` is left byte-for-byte as it was.
///
/// # Errors
/// [`Error::Io`] when the directory is not writable or the rename fails; any error `fill`
/// returns.
pub fn write_atomically(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let io = |action: &'static str| {
        move |source: std::io::Error| Error::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".diplograph-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io("cannot create a temporary file beside"))?;
    {
        let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut buffered)?;
        buffered.flush().map_err(io("cannot write"))?;
    }
    tmp.as_file().sync_all().map_err(io("cannot write"))?;
    tmp.persist(path).map_err(|e| io("cannot replace")(e.error))?;
    Ok(())
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
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"old contents"[..]));
        let leftovers = std::fs::read_dir(dir.path()).map(|d| d.count()).unwrap_or(0);
        assert_eq!(leftovers, 1);
        assert!(write_atomically(&path, |w| Ok(w.write_all(b"new")?)).is_ok());
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"new"[..]));
    }
}
