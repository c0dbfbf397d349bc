//! Hostile text through the `diplograph` command (issue #19, items 5, 15 and 21): names that
//! try to drive the terminal, many problems on one long line, huge keys echoed in messages,
//! limits raised from the command line, and a reversed timeline window.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test on an unexpected error, with its message"
)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{json, Value};

/// Sets the window title to "pwned" (OSC 0, ended by BEL), then clears the screen (CSI 2J).
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J";
/// [`HOSTILE`] as the command shows it to a human.
const SHOWN: &str = "[U+001B]]0;pwned[U+0007][U+001B][2J";

fn cmd() -> Command {
    let mut c = Command::cargo_bin("diplograph").unwrap();
    // Wide tables, so that no cell is broken across lines; colours forced on, as on a
    // terminal, so that nothing is stripped on the way.
    c.env_remove("NO_COLOR")
        .env("COLUMNS", "250")
        .env("CLICOLOR_FORCE", "1");
    c
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// A valid graph whose title and every name (a country, an agreement, a source, an event, a
/// statement's words) is [`HOSTILE`].
fn hostile_graph() -> String {
    json!({
        "diplograph": "1",
        "title": HOSTILE,
        "nodes": [
            {"id": "KOR", "kind": "country", "name": HOSTILE},
            {"id": "JPN", "kind": "country", "name": "Japan"},
            {"id": "gsomia-x", "kind": "agreement", "name": HOSTILE, "agreement_kind": "gsomia",
             "lifecycle": [{"state": "in_force", "date": "2016-11-23"}]},
            {"id": "src", "kind": "source", "name": HOSTILE, "date": "2016-06-04"},
            {"id": "ev", "kind": "event", "name": HOSTILE, "event_kind": "meeting",
             "date": "2016-06-04"},
            {"id": "stmt", "kind": "statement", "name": HOSTILE, "date": "2016-06-04",
             "quote": HOSTILE}
        ],
        "edges": [
            {"kind": "party_to", "from": "KOR", "to": "gsomia-x"},
            {"kind": "party_to", "from": "JPN", "to": "gsomia-x"},
            {"kind": "said", "from": "KOR", "to": "stmt"},
            {"kind": "attended", "from": "KOR", "to": "ev"}
        ]
    })
    .to_string()
}

/// Whether `text` holds a control character a terminal obeys (the styling of diagnostics
/// aside, which is `ESC [ … m`).
fn obeyable(text: &str) -> Option<String> {
    let mut rest = text;
    let hostile = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    while let Some(i) = rest.find(hostile) {
        let tail = &rest[i..];
        let styling = tail.strip_prefix("\u{1b}[").and_then(|t| {
            let end = t.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
            t[end..].starts_with('m').then_some(end)
        });
        match styling {
            Some(end) => rest = &tail[2 + end + 1..],
            None => return Some(tail.chars().take(12).collect()),
        }
    }
    None
}

#[test]
fn names_that_drive_the_terminal_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "h.json", &hostile_graph());
    let f = f.to_str().unwrap();
    for args in [
        vec!["show", "KOR", f],
        vec!["show", "gsomia-x", f],
        vec!["stats", f],
        vec!["path", "KOR", "JPN", f],
        vec!["statements", f],
        vec!["timeline", f],
        vec!["validate", f],
    ] {
        let out = cmd().args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(obeyable(&stdout), None, "{args:?}: {stdout}");
        assert_eq!(obeyable(&stderr), None, "{args:?}: {stderr}");
        if args[0] != "validate" {
            assert!(stdout.contains(SHOWN), "{args:?}: {stdout}");
        }
    }
    // Exactly where the name is, in its visible form.
    let out = cmd().args(["show", "KOR", f]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with(&format!("{SHOWN} — country, id `KOR`\n")),
        "{stdout}"
    );
    let out = cmd().args(["path", "KOR", "JPN", f]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with(&format!("{SHOWN} (KOR) → Japan (JPN) — 1 hop(s)")),
        "{stdout}"
    );
}

#[test]
fn json_output_keeps_the_names_exact() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "h.json", &hostile_graph());
    let out = cmd()
        .args(["show", "KOR", "--json", f.to_str().unwrap()])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["node"]["name"], HOSTILE);
    let out = cmd()
        .args(["stats", "--json", f.to_str().unwrap()])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], HOSTILE);
}

#[test]
fn a_problem_quoting_a_hostile_name_shows_it_visibly() {
    // Both an alias and a name of another node: the alias-conflict message quotes it.
    let text = json!({"diplograph": "1", "nodes": [
        {"id": "KOR", "kind": "country", "name": HOSTILE},
        {"id": "JPN", "kind": "country", "name": "Japan", "aliases": [HOSTILE]}
    ]})
    .to_string();
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "conflict.json", &text);
    let out = cmd()
        .args(["validate", f.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(obeyable(&stderr), None, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "alias \"{SHOWN}\" is a name of 2 nodes: `KOR`, `JPN`"
        )),
        "{stderr}"
    );
    // The snippet shows the alias as the file writes it, escaped.
    assert!(
        stderr.contains(r#""aliases":["\u001b]0;pwned\u0007\u001b[2J"]"#),
        "{stderr}"
    );
    // C1 and bidirectional controls need no escape in JSON: in the file as they are, they are
    // neutralised in the message and in the snippet alike.
    let raw = "\u{9b}2J\u{202e}evil";
    let text = json!({"diplograph": "1", "nodes": [
        {"id": "KOR", "kind": "country", "name": raw},
        {"id": "JPN", "kind": "country", "name": "Japan", "aliases": [raw]}
    ]})
    .to_string();
    assert!(text.contains(raw));
    let g = write(dir.path(), "raw.json", &text);
    let out = cmd()
        .args(["validate", g.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(obeyable(&stderr), None, "{stderr}");
    assert!(
        stderr.contains("alias \"[U+009B]2J[U+202E]evil\" is a name of 2 nodes: `KOR`, `JPN`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("\"aliases\":[\"[U+009B]2J[U+202E]evil\"]"),
        "{stderr}"
    );
    // A raw ESC in a string is malformed JSON: the snippet shows it, neutralised.
    let text = "{\"diplograph\": \"1\", \"nodes\": [{\"id\": \"KOR\", \"kind\": \"country\", \
                \"name\": \"a\u{1b}]0;pwned\u{7}\"}]}";
    let h = write(dir.path(), "esc.json", text);
    let out = cmd()
        .args(["validate", h.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(obeyable(&stderr), None, "{stderr}");
    assert!(stderr.contains("error[json-syntax]"), "{stderr}");
    assert!(stderr.contains("\"a[U+001B]]0;pwned"), "{stderr}");
    // A name given on the command line and echoed in an error.
    let valid = write(dir.path(), "h.json", &hostile_graph());
    let out = cmd()
        .args(["show", &format!("x{HOSTILE}"), valid.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(obeyable(&stderr), None, "{stderr}");
    // The suggestions echo the graph's hostile names, neutralised too.
    let h = "[U+001B]]0;pwned[U+0007][U+001B][2J";
    assert_eq!(
        stderr,
        format!(
            "error: no node is called `x{h}`; did you mean {h} (country `KOR`), {h} (agreement \
             `gsomia-x`), {h} (source `src`), {h} (event `ev`) or {h} (statement `stmt`)?\n"
        )
    );
}

#[test]
fn many_problems_on_one_long_line_are_rendered_in_time() {
    // 10 000 nodes on one 670 KB line, each with an unknown key: 10 000 problems, each on
    // line 1. Found by rescanning the text for each, this took minutes.
    let nodes: Vec<String> = (0..10_000)
        .map(|i| {
            format!(r#"{{"id": "N{i:05}", "kind": "country", "name": "K{i:05}", "bogus": 1}}"#)
        })
        .collect();
    let text = format!(r#"{{"diplograph": "1", "nodes": [{}]}}"#, nodes.join(", "));
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "wide.json", &text);
    let started = Instant::now();
    let out = cmd()
        .env_remove("CLICOLOR_FORCE")
        .args(["validate", f.to_str().unwrap()])
        .output()
        .unwrap();
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(1));
    assert!(took < Duration::from_secs(60), "took {took:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("error[invalid-value]").count(), 10_000);
    // The last problem (the core places it at the value of the unknown key): its true column, and
    // a window of the line around it, of 40 characters before the column.
    let column = text.len() - 3;
    let expected = format!(
        " --> {}:1:{column}\n  |\n1 | …: \"country\", \"name\": \"K09999\", \"bogus\": 1}}]}}\n  |{}^\n",
        f.display(),
        " ".repeat(42)
    );
    assert!(
        stderr.contains(&expected),
        "{}",
        &stderr[stderr.len() - 600..]
    );
    // No line of the report is longer than a window of the file and a message.
    let longest = stderr.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest < 400, "a line of {longest} characters");
}

#[test]
fn a_huge_repeated_key_is_cut_in_the_message_the_pointer_and_the_snippet() {
    // A 500 000-byte key, twice in one object: the message and the pointer quote it.
    let key = format!("{}END", "k".repeat(500_000));
    let text = format!(
        r#"{{"diplograph": "1", "nodes": [{{"id": "KOR", "kind": "country", "name": "K", "attributes": {{"{key}": 1, "{key}": 2}}}}]}}"#
    );
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "key.json", &text);
    let out = cmd()
        .env_remove("CLICOLOR_FORCE")
        .args(["validate", f.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.len() < 3000, "{} bytes of report", stderr.len());
    assert!(stderr.contains("error[invalid-value]"), "{stderr}");
    // The core cuts the key it echoes at 200 characters (`error::MAX_ECHO`) before the CLI
    // sees it; the CLI's own cut (head and tail) applies to what is still longer.
    assert!(
        stderr.contains(&format!(
            "error[invalid-value]: the key `{}…` appears twice in this object (first at \
             1:92); keep one\n",
            "k".repeat(199)
        )),
        "{stderr}"
    );
    // The pointer too.
    assert!(
        stderr.contains(&format!(
            "= note: at /nodes/0/attributes/{}…\n",
            "k".repeat(179)
        )),
        "{stderr}"
    );
    // The snippet: the key marked up to the window's end, then "…".
    assert!(
        stderr.contains(&format!(
            "…{}END\": 1, \"{}…\n",
            "k".repeat(31),
            "k".repeat(79)
        )),
        "{stderr}"
    );
}

#[test]
fn limits_are_raised_from_the_command_line() {
    let text = json!({"diplograph": "1", "nodes": [
        {"id": "KOR", "kind": "country", "name": "South Korea", "aliases": ["ROK", "the South"]}
    ]})
    .to_string();
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "aliases.json", &text);
    let f = f.to_str().unwrap();
    // Lowered, the limit is exceeded, and the message says how to raise it.
    cmd()
        .env_remove("CLICOLOR_FORCE")
        .args(["validate", "--limit", "aliases=1", f])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error[limit-aliases]: this node's number of aliases is 2, over the limit of 1; \
             to accept it, raise the limit with `--limit aliases=N`",
        ));
    // Given twice, the last one counts; the option goes anywhere.
    cmd()
        .args([
            "--limit",
            "aliases=1",
            "validate",
            f,
            "--limit",
            "aliases=2",
        ])
        .assert()
        .success();
    // The file size: read no further than the limit, and say how to raise it.
    cmd()
        .env_remove("CLICOLOR_FORCE")
        .args(["stats", "--limit", "file-size=100", f])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "error[limit-file-size]: the input is {} bytes, over the limit of 100 bytes; to \
             accept it, raise the limit with `--limit file-size=N`",
            text.len()
        )));
    cmd()
        .args(["stats", "--limit", "file-size=1K", f])
        .assert()
        .success();
    // A string over the default limit of 1 MiB loads with a larger one.
    let long = json!({"diplograph": "1", "nodes": [
        {"id": "KOR", "kind": "country", "name": "n".repeat((1 << 20) + 1)}
    ]})
    .to_string();
    let g = write(dir.path(), "long.json", &long);
    cmd()
        .env_remove("CLICOLOR_FORCE")
        .args(["validate", g.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "over the limit of 1048576; to accept it, raise the limit with \
             `--limit string-length=N`",
        ));
    cmd()
        .args([
            "validate",
            "--limit",
            "string-length=2M",
            g.to_str().unwrap(),
        ])
        .assert()
        .success();
}

#[test]
fn a_bad_limit_is_a_usage_error_listing_the_limits() {
    let names = "file-size, depth, string-length, source-text-length, id-length, aliases, \
                 citations";
    for (arg, says) in [
        (
            "speed=3",
            format!("unknown limit `speed`; the limits are: {names}"),
        ),
        (
            "aliases",
            format!(
                "expected NAME=VALUE, such as `file-size=4G`, or a number of entries N; the \
                 limits are: {names}"
            ),
        ),
        (
            "aliases=lots",
            "aliases: `lots` is not a whole number".to_owned(),
        ),
        (
            "aliases=-1",
            "aliases: `-1` is not a whole number".to_owned(),
        ),
        (
            "file-size=99999999999G",
            "file-size: `99999999999G` is too large".to_owned(),
        ),
        (
            "depth=200",
            "depth: at most 127 levels can be read".to_owned(),
        ),
    ] {
        cmd()
            .args(["stats", "--limit", arg])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
    // `--help` lists every limit.
    let help = cmd().args(["stats", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    for name in names.split(", ") {
        assert!(help.contains(name), "{name} missing from --help");
    }
}

#[test]
fn a_reversed_timeline_window_is_a_usage_error() {
    cmd()
        .args(["timeline", "--from", "2016-02", "--to", "2016-01"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: the timeline window is reversed: its end, 2016-01, comes before its start, \
             2016-02; give the earlier date as the start\n",
        );
    // A window inside one month, given at two precisions, is not reversed.
    cmd()
        .args(["-q", "timeline", "--from", "2016-06-04", "--to", "2016-06"])
        .assert()
        .success();
    cmd()
        .args(["-q", "timeline", "--from", "2016", "--to", "2016-01"])
        .assert()
        .success();
}
