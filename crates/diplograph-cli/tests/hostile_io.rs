//! Hostile inputs and outputs end to end: inputs too large to read, and `-o` targets that are
//! not plain files.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test on an unexpected error, with its message"
)]

use std::time::{Duration, Instant};

use assert_cmd::Command;

fn cmd() -> Command {
    let mut c = Command::cargo_bin("diplograph").unwrap();
    c.env("NO_COLOR", "1").env("COLUMNS", "100");
    c
}

#[test]
fn a_sparse_two_terabyte_file_is_refused_quickly_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(2 << 40)
        .unwrap();
    let started = Instant::now();
    let out = cmd()
        .args(["validate", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("limit-file-size"), "{err}");
    assert!(
        err.contains("the input is 2199023255552 bytes, over the limit of 1073741824 bytes"),
        "{err}"
    );
}

#[test]
fn dump_to_an_existing_directory_says_it_is_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let target = format!("{}/", dir.path().display());
    let out = cmd()
        .args(["dump", "-q", "-f", "dot", "-o", &target])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("it is a directory"), "{err}");
    assert!(!err.contains("Not a directory"), "{err}");
}

#[test]
fn dump_to_dev_stdout_writes_to_standard_output() {
    let expected = cmd()
        .args(["dump", "-q", "-f", "mermaid"])
        .output()
        .unwrap();
    assert!(expected.status.success());
    let out = cmd()
        .args(["dump", "-q", "-f", "mermaid", "-o", "/dev/stdout"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, expected.stdout);
}

#[cfg(unix)]
#[test]
fn dump_to_dev_null_leaves_the_device_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let out = cmd()
        .args(["dump", "-q", "-f", "dot", "-o", "/dev/null"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta = std::fs::symlink_metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device());
}

#[cfg(unix)]
#[test]
fn a_new_output_follows_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("diplograph");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"umask 027 && exec "$0" dump -q -f dot -o "$1/new.dot""#)
        .arg(&bin)
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let mode = std::fs::metadata(dir.path().join("new.dot"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[cfg(unix)]
#[test]
fn a_read_only_output_is_refused_without_force() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.dot");
    std::fs::write(&path, "keep me\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let target = path.to_str().unwrap();
    let out = cmd()
        .args(["dump", "-q", "-f", "dot", "-o", target])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("it is read-only"), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me\n");
    let forced = cmd()
        .args(["dump", "-q", "-f", "dot", "-o", target, "--force"])
        .output()
        .unwrap();
    assert!(forced.status.success());
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .starts_with("digraph "));
    let merged = cmd()
        .args(["merge", "-q", "-", "-o", target])
        .write_stdin(diplograph::EXAMPLE_JSON)
        .output()
        .unwrap();
    assert_eq!(merged.status.code(), Some(2), "merge too refuses it");
}
