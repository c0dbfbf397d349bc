//! `diplograph draft`: a small article drafted end to end, several files, a directory,
//! `--review`, `--into` and bad input.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test on an unexpected error, with its message"
)]

mod common;

use common::cmd;
use predicates::prelude::*;
use serde_json::Value;

const ARTICLE: &str = "Allies agree on hotline\n\n\
Japan and South Korea agreed to add a hotline, Reuters reported.\n\n\
\u{201c}We will not wait,\u{201d} Defence Minister Han Min Koo said.\n\n\
He said the drills would go ahead next month.\n";

fn write_article(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, ARTICLE).unwrap();
    p
}

#[test]
fn drafts_an_article_into_a_valid_cited_graph() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path(), "hotline.txt");
    let out = dir.path().join("draft.json");
    cmd()
        .args([
            "draft",
            "--date",
            "2016-06-04",
            "--publisher",
            "The Straits Times",
            "-o",
        ])
        .arg(&out)
        .arg(&article)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "drafted 1 article(s): 3 statements",
        ));
    cmd().arg("validate").arg(&out).assert().success();
    let g: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let statements: Vec<(&str, &str)> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "statement")
        .map(|n| {
            (
                n["cue"]["words"].as_str().unwrap(),
                n["quote"].as_str().or(n["paraphrase"].as_str()).unwrap(),
            )
        })
        .collect();
    assert_eq!(
        statements,
        vec![
            ("reported", "Japan and South Korea agreed to add a hotline"),
            ("said", "We will not wait"),
            ("said", "the drills would go ahead next month"),
        ]
    );
    // "He" is Han Min Koo: the said edge cites "He", the node is Han's.
    let said: Vec<(&str, &str)> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "said")
        .map(|e| {
            (
                e["from"].as_str().unwrap(),
                e["citations"][0]["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        said,
        vec![
            ("han-min-koo", "Defence Minister Han Min Koo"),
            ("han-min-koo", "He"),
            ("reuters", "Reuters"),
        ]
    );
}

#[test]
fn review_lists_the_most_doubtful_first() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path(), "hotline.txt");
    let out = dir.path().join("draft.json");
    let assert = cmd()
        .args(["draft", "--date", "2016-06-04", "--review", "-q", "-o"])
        .arg(&out)
        .arg(&article)
        .assert()
        .success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let first = stdout.lines().next().unwrap();
    assert!(
        first.ends_with("speaker named by a pronoun (hotline-2016-06-04-stmt-3): \"He\""),
        "{stdout}"
    );
    assert!(
        first.contains("hotline.txt:7:1: confidence 0.75"),
        "{stdout}"
    );
}

#[test]
fn a_directory_drafts_every_text_into_one_graph() {
    let dir = tempfile::tempdir().unwrap();
    write_article(dir.path(), "a.txt");
    write_article(dir.path(), "b.txt");
    let out = dir.path().join("out.json");
    cmd()
        .args(["draft", "--date", "2016-06-04", "-o"])
        .arg(&out)
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "drafted 2 article(s): 6 statements",
        ));
    let g: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let sources: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "source")
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(sources, vec!["source-a-2016-06-04", "source-b-2016-06-04"]);
}

#[test]
fn into_reuses_the_curated_ids() {
    let dir = tempfile::tempdir().unwrap();
    let article = write_article(dir.path(), "hotline.txt");
    let curated = dir.path().join("curated.json");
    std::fs::write(
        &curated,
        r#"{"diplograph": "1", "nodes": [
  {"id": "han", "kind": "person", "name": "Han Min-koo", "aliases": ["Han Min Koo"]}]}"#,
    )
    .unwrap();
    let out = dir.path().join("draft.json");
    cmd()
        .args(["draft", "--into"])
        .arg(&curated)
        .arg("-o")
        .arg(&out)
        .arg(&article)
        .assert()
        .success();
    let g: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let han: Vec<&str> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "said" && e["to"].as_str().unwrap().ends_with("stmt-2"))
        .map(|e| e["from"].as_str().unwrap())
        .collect();
    assert_eq!(han, vec!["han"]);
}

#[test]
fn a_missing_article_is_an_io_error() {
    cmd()
        .args(["draft", "no-such-article.txt", "-o", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-article.txt"));
}
