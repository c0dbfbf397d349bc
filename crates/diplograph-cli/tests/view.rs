//! `diplograph view`, `path --view` and `timeline --svg`: the files they write, and their
//! errors.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test on an unexpected error, with its message"
)]

mod common;

use common::cmd;
use predicates::prelude::*;
use serde_json::Value;

/// The data document inside a page.
fn data_of(page: &str) -> Value {
    let open = r#"<script type="application/json" id="dg-data">"#;
    let start = page.find(open).unwrap() + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}

#[test]
fn view_writes_one_self_contained_page_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("view.html");
    cmd()
        .args(["view", "-o", out.to_str().unwrap()])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "note: wrote the view to {} (",
            out.display()
        )));
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("<script src"));
    let data = data_of(&page);
    assert_eq!(data["nodes"].as_array().unwrap().len(), 76);
    assert_eq!(data["edges"].as_array().unwrap().len(), 230);
    assert_eq!(data["date"], "2016-06-04");
}

#[test]
fn view_around_a_node_draws_its_neighbourhood_from_the_date_given() {
    let page = cmd()
        .args([
            "-q", "view", "--around", "Seoul", "--as-of", "2016-01", "-o", "-",
        ])
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let data = data_of(&String::from_utf8(page).unwrap());
    assert_eq!(data["date"], "2016-01-01");
    let n = data["nodes"].as_array().unwrap().len();
    assert_eq!(
        data["note"],
        format!("the neighbourhood of South Korea within 1 edge: {n} of 76 nodes")
    );
}

#[test]
fn view_needs_an_output_and_a_known_node() {
    cmd()
        .args(["view"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--output <OUT>"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("view.html");
    cmd()
        .args(["view", "--around", "Atlantis", "-o", out.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no node is called `Atlantis`"));
    assert!(!out.exists());
    cmd()
        .args(["view", "-o", dir.path().to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("it is a directory"));
}

#[test]
fn path_view_highlights_the_chains_hops_and_still_prints_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("path.html");
    cmd()
        .args([
            "-q",
            "path",
            "KOR",
            "JPN",
            "--via",
            "intelligence",
            "--as-of",
            "2016-06-04",
        ])
        .args(["--view", out.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("gsomia-kor-usa"));
    let data = data_of(&std::fs::read_to_string(&out).unwrap());
    let lit: Vec<String> = data["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["hl"] == true)
        .map(|e| {
            format!(
                "{} {}",
                e["source"].as_str().unwrap(),
                e["target"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        lit,
        [
            "JPN gsomia-jpn-usa",
            "KOR gsomia-kor-usa",
            "USA gsomia-jpn-usa",
            "USA gsomia-kor-usa"
        ]
    );
    assert_eq!(
        data["highlight_text"],
        serde_json::json!([
            "chain 1: South Korea → US–South Korea GSOMIA → United States; \
                            United States → US–Japan GSOMIA → Japan"
        ])
    );
}

#[test]
fn timeline_svg_writes_the_picture_beside_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("timeline.svg");
    cmd()
        .args([
            "-q",
            "timeline",
            "--statements",
            "--svg",
            out.to_str().unwrap(),
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("entries"));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\""));
    assert!(svg.contains(">24 statements</text>"));
    // `--svg -`: the picture alone on standard output.
    cmd()
        .args(["-q", "timeline", "--kind", "lifecycle", "--svg", "-"])
        .assert()
        .success()
        .stdout(
            predicate::str::starts_with("<svg ").and(predicate::str::contains("Six-Party Talks")),
        )
        .stdout(predicate::str::contains("statements</text>").not());
}
