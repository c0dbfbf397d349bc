//! `docs/cli.md` shows real output: every ```` ```console ```` block starting with
//! `$ diplograph ARGS` holds what the command prints on standard output (or, when it fails, on
//! standard error). This test runs each one and compares; with `DIPLOGRAPH_UPDATE_DOCS=1` it
//! rewrites the blocks instead.
#![expect(
    clippy::unwrap_used,
    reason = "the test fails on an unexpected error, with its message"
)]

use std::path::Path;

use assert_cmd::Command;

/// Splits a command line the way a shell would for the plain words and "double-quoted" words
/// used in the doc.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

fn run(args: &[String]) -> String {
    let out = Command::cargo_bin("diplograph")
        .unwrap()
        .args(args)
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = if out.status.success() {
        out.stdout
    } else {
        out.stderr
    };
    String::from_utf8(text).unwrap()
}

#[test]
fn doc_outputs_are_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/cli.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let mut rebuilt = String::new();
    let mut stale = Vec::new();
    let mut rest = doc.as_str();
    let mut blocks = 0;
    while let Some(start) = rest.find("```console\n$ diplograph ") {
        let (before, block) = rest.split_at(start);
        rebuilt.push_str(before);
        let body = &block["```console\n".len()..];
        let line_end = body.find('\n').unwrap();
        let command = &body[..line_end];
        let end = body.find("\n```").map_or(body.len(), |e| e + 1);
        let shown = &body[line_end + 1..end];
        let args = words(&command["$ diplograph ".len()..]);
        let actual = run(&args);
        if actual != shown {
            stale.push(command.to_owned());
        }
        rebuilt.push_str("```console\n");
        rebuilt.push_str(command);
        rebuilt.push('\n');
        rebuilt.push_str(&actual);
        rest = &body[end..];
        blocks += 1;
    }
    rebuilt.push_str(rest);
    assert!(blocks >= 8, "only {blocks} console blocks found");
    if std::env::var_os("DIPLOGRAPH_UPDATE_DOCS").is_some() {
        std::fs::write(&path, rebuilt).unwrap();
        return;
    }
    assert!(
        stale.is_empty(),
        "docs/cli.md is out of date for: {stale:?}\n\
         run `DIPLOGRAPH_UPDATE_DOCS=1 cargo test -p diplograph-cli --test doc`"
    );
}

#[test]
fn words_split_like_a_shell() {
    assert_eq!(
        words(r#"path "South Korea" Japan --via x"#),
        ["path", "South Korea", "Japan", "--via", "x"]
    );
}
