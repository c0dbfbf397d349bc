//! Writing never damages a file: an export that fails part-way leaves the old file
//! byte-for-byte as it was, and no temporary file behind; a pair of tables stays old as a pair;
//! a target that is not a plain file (a FIFO, a symlink, a read-only file, a directory) is
//! written as its kind asks or refused.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test on an unexpected error, with its message"
)]

use std::io::Write;
use std::path::Path;

use diplograph::export::{export, ExportFormat, CSV_EDGES_FILE, CSV_NODES_FILE};
use diplograph::{write_atomically, write_atomically_with, write_files_atomically, WriteOptions};

/// A writer that passes bytes on until `budget` runs out, then fails.
struct FailsAfter<'w> {
    inner: &'w mut dyn Write,
    budget: usize,
}

impl Write for FailsAfter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.budget == 0 {
            return Err(std::io::Error::other("disk full"));
        }
        let n = buf.len().min(self.budget);
        self.budget -= n;
        self.inner.write(&buf[..n])
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[test]
fn a_failing_export_leaves_the_old_file_intact() {
    let graph = diplograph::example();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.out");
    let old = b"the previous export\n".to_vec();
    std::fs::write(&path, &old).unwrap();
    for &format in ExportFormat::ALL.iter().filter(|f| f.is_single_stream()) {
        let result = write_atomically(&path, |w| {
            export(
                &graph,
                format,
                &mut FailsAfter {
                    inner: w,
                    budget: 1000,
                },
            )
        });
        assert!(result.is_err(), "{format}: the failure was swallowed");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            old,
            "{format}: the old file changed"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names,
            ["graph.out"],
            "{format}: a temporary file was left behind"
        );
    }
    // With room to finish, the same export replaces the file whole.
    write_atomically(&path, |w| export(&graph, ExportFormat::Dot, w)).unwrap();
    let new = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        new,
        diplograph::export::export_to_string(&graph, ExportFormat::Dot).unwrap()
    );
}

#[test]
fn a_save_into_a_missing_directory_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-dir").join("graph.json");
    let err = diplograph::format::save(&diplograph::example(), &path)
        .err()
        .map(|e| e.to_string());
    assert!(
        err.as_deref().is_some_and(|e| e.contains("no-such-dir")),
        "{err:?}"
    );
    assert!(!path.exists());
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_csv_pair_stays_old_when_the_second_table_fails() {
    let dir = tempfile::tempdir().unwrap();
    let nodes = dir.path().join(CSV_NODES_FILE);
    let edges = dir.path().join(CSV_EDGES_FILE);
    std::fs::write(&nodes, b"old nodes\n").unwrap();
    std::fs::write(&edges, b"old edges\n").unwrap();
    // The second table runs out of room part-way, as on a full disk.
    let result = write_files_atomically(
        &mut [
            (&nodes, &mut |w: &mut dyn Write| {
                Ok(w.write_all(b"new nodes\n")?)
            }),
            (&edges, &mut |w: &mut dyn Write| {
                w.write_all(b"new ed")?;
                Err(diplograph::Error::Write(std::io::Error::other("disk full")))
            }),
        ],
        &WriteOptions::default(),
    );
    assert!(result.is_err());
    assert_eq!(std::fs::read(&nodes).unwrap(), b"old nodes\n");
    assert_eq!(std::fs::read(&edges).unwrap(), b"old edges\n");
    assert_eq!(names_in(dir.path()), [CSV_EDGES_FILE, CSV_NODES_FILE]);
    // With room for both, both are replaced.
    write_files_atomically(
        &mut [
            (&nodes, &mut |w: &mut dyn Write| {
                Ok(w.write_all(b"new nodes\n")?)
            }),
            (&edges, &mut |w: &mut dyn Write| {
                Ok(w.write_all(b"new edges\n")?)
            }),
        ],
        &WriteOptions::default(),
    )
    .unwrap();
    assert_eq!(std::fs::read(&nodes).unwrap(), b"new nodes\n");
    assert_eq!(std::fs::read(&edges).unwrap(), b"new edges\n");
}

#[test]
fn a_directory_target_is_refused_as_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let err = write_atomically(dir.path(), |w| Ok(w.write_all(b"x")?))
        .unwrap_err()
        .to_string();
    assert!(err.ends_with("it is a directory"), "{err}");
}

#[test]
fn the_temporary_file_is_named_for_its_target_and_this_tool() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.out");
    let mut seen = Vec::new();
    write_atomically(&path, |w| {
        seen = names_in(dir.path());
        Ok(w.write_all(b"x")?)
    })
    .unwrap();
    let prefix = format!(".graph.out.diplograph-tmp-{}-", std::process::id());
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert!(seen[0].starts_with(&prefix), "{seen:?}");
    assert_eq!(names_in(dir.path()), ["graph.out"]);
}

#[test]
fn stale_temporary_files_of_dead_writers_are_cleaned_at_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    // A writer killed with -9: its process (a PID above any pid_max) is gone.
    let stale = ".graph.out.diplograph-tmp-4294967295-Ab12Cd";
    // A write in progress in this very process: kept.
    let live = format!(".other.diplograph-tmp-{}-Xy34Zw", std::process::id());
    // Not this tool's: kept.
    let foreign = ".graph.out.tmp";
    for name in [stale, &live, foreign] {
        std::fs::write(dir.path().join(name), b"partial").unwrap();
    }
    write_atomically(&dir.path().join("graph.out"), |w| Ok(w.write_all(b"x")?)).unwrap();
    let mut expected = vec![foreign.to_owned(), live, "graph.out".to_owned()];
    expected.sort();
    assert_eq!(names_in(dir.path()), expected);
}

#[cfg(unix)]
mod unix {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};

    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn a_replaced_file_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.out");
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, |w| Ok(w.write_all(b"new")?)).unwrap();
        assert_eq!(mode(&path), 0o640);
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn a_read_only_target_is_refused_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.out");
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let err = write_atomically(&path, |w| Ok(w.write_all(b"new")?))
            .unwrap_err()
            .to_string();
        assert!(err.contains("it is read-only"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(names_in(dir.path()), ["graph.out"]);
        let forced = WriteOptions { force: true };
        write_atomically_with(&path, &forced, |w| Ok(w.write_all(b"new")?)).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(mode(&path), 0o444);
    }

    #[test]
    fn a_symlink_is_written_through_to_its_target() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        let target = dir.path().join("real").join("graph.out");
        std::fs::write(&target, b"old").unwrap();
        let link = dir.path().join("link.out");
        std::os::unix::fs::symlink("real/graph.out", &link).unwrap();
        write_atomically(&link, |w| Ok(w.write_all(b"new")?)).unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        // A dangling link: its target is created.
        std::fs::remove_file(&target).unwrap();
        write_atomically(&link, |w| Ok(w.write_all(b"again")?)).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"again");
        assert_eq!(names_in(&dir.path().join("real")), ["graph.out"]);
    }

    #[test]
    fn a_fifo_is_written_straight_to_its_reader() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        write_atomically(&fifo, |w| Ok(w.write_all(b"through the pipe")?)).unwrap();
        assert_eq!(reader.join().unwrap(), b"through the pipe");
        assert!(std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo());
        assert_eq!(names_in(dir.path()), ["pipe"]);
    }
}
