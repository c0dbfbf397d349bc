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
pub fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
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
    // A temporary file is created private (0600); the result should look like any other file
    // the user writes: keep the permissions of the file it replaces, or the usual 0644.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(tmp.as_file()).map_err(io("cannot write"))?,
    };
    tmp.as_file()
        .set_permissions(permissions)
        .map_err(io("cannot write"))?;
    tmp.as_file().sync_all().map_err(io("cannot write"))?;
    tmp.persist(path)
        .map_err(|e| io("cannot replace")(e.error))?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions(_file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
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
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let fresh = dir.path().join("fresh.json");
            assert!(write_atomically(&fresh, |w| Ok(w.write_all(b"x")?)).is_ok());
            let mode = std::fs::metadata(&fresh)
                .map(|m| m.permissions().mode() & 0o777)
                .ok();
            assert_eq!(mode, Some(0o644));
        }
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"new"[..]));
    }
}
