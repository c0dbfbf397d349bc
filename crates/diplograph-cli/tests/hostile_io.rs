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
