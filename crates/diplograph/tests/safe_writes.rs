//! Writing never damages a file: an export that fails part-way leaves the old file
//! byte-for-byte as it was, and no temporary file behind.

use std::io::Write;

use diplograph::export::{export, ExportFormat};
use diplograph::output::write_atomically;

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
