//! End-to-end tests of the `diplograph` command: every command, exit statuses, standard input,
//! the built-in example, bad input, and a closed output pipe.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test on an unexpected error, with its message"
)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use common::cmd;

mod common;
use predicates::prelude::*;
use serde_json::Value;

fn stdout_of(args: &[&str]) -> String {
    let out = cmd().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json_of(args: &[&str]) -> Value {
    serde_json::from_str(&stdout_of(args)).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// Two people with one name: a valid graph in which the name "Mr Kim" is ambiguous.
const AMBIGUOUS: &str = r#"{"diplograph": "1", "nodes": [
  {"id": "kim-kwan-jin", "kind": "person", "name": "Mr Kim"},
  {"id": "kim-jong-un", "kind": "person", "name": "Mr Kim"}
]}"#;

const BROKEN: &str = r#"{"diplograph": "1", "nodes": [
  {"id": "KOR", "kind": "country", "name": "South Korea"},
  {"id": "KOR", "kind": "country", "name": "Korea"}
]}"#;

fn korea(name: &str) -> String {
    format!(
        r#"{{"diplograph": "1", "nodes": [{{"id": "KOR", "kind": "country", "name": "{name}"}}]}}"#
    )
}

// ---------------------------------------------------------------------------------------------
// inputs

#[test]
fn no_file_uses_the_example_and_says_so_in_one_line() {
    let out = cmd().args(["stats", "--json"]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("note: no input file: using the built-in example"));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["nodes"], 76);
    assert_eq!(v["edges"], 230);
    // --quiet silences the note.
    cmd().args(["-q", "stats"]).assert().success().stderr("");
}

#[test]
fn dash_reads_standard_input() {
    let out = cmd()
        .args(["stats", "--json", "-"])
        .write_stdin(diplograph::EXAMPLE_JSON)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(out.stderr, b"");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["nodes"], 76);
    assert_eq!(v["nodes_by_kind"]["statement"], 24);
    assert_eq!(v["first_date"], "2009");
    assert_eq!(v["last_date"], "2016-08-04");
    assert_eq!(v["sources"][0]["source"]["id"], "st-2016-06-04");
    assert_eq!(v["sources"][0]["citations"], 418);
}

#[test]
fn several_files_are_merged() {
    let dir = tempfile::tempdir().unwrap();
    let example = write(dir.path(), "example.json", diplograph::EXAMPLE_JSON);
    let later = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../diplograph/tests/data/jpn-kor-gsomia-2016-11.json");
    let v = json_of(&[
        "-q",
        "path",
        "KOR",
        "JPN",
        "--via",
        "gsomia",
        "--as-of",
        "2016-12",
        "--json",
        example.to_str().unwrap(),
        later.to_str().unwrap(),
    ]);
    // After the Japan–South Korea GSOMIA of November 2016 the chain is direct.
    assert_eq!(v[0]["hops"].as_array().unwrap().len(), 1);
    assert_eq!(v[0]["hops"][0]["link"]["agreement"]["id"], "gsomia-jpn-kor");
}

#[test]
fn missing_file_is_an_io_error() {
    cmd()
        .args(["stats", "/nonexistent/graph.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: cannot read `/nonexistent/graph.json`",
        ));
}

#[test]
fn names_resolve_by_alias_and_ambiguity_lists_candidates() {
    let v = json_of(&["-q", "show", "Pentagon", "--json"]);
    assert_eq!(v["node"]["kind"], "organization");
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "ambiguous.json", AMBIGUOUS);
    cmd()
        .args(["show", "mr kim", f.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "error: `mr kim` is ambiguous; it could be: Mr Kim (person `kim-kwan-jin`), \
             Mr Kim (person `kim-jong-un`); use an id instead\n",
        );
    // `path` takes parties: two people called Mr Kim are neither, and the error says what
    // the name does answer to.
    cmd()
        .args(["path", "Mr Kim", "KOR", f.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(
            "error: no node is called `Mr Kim` as a country or organization (it names person \
             `kim-kwan-jin`, person `kim-jong-un`)\n",
        );
    cmd()
        .args(["-q", "show", "Atlantis"])
        .assert()
        .code(1)
        .stderr("error: no node is called `Atlantis`\n");
}

#[test]
fn misspelt_names_get_suggestions_of_the_kinds_the_argument_takes() {
    cmd()
        .args(["-q", "path", "Seol", "Tokyo"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "error: no node is called `Seol`; did you mean Seoul (South Korea, country `KOR`)?\n",
        );
    cmd().args(["-q", "show", "korea"]).assert().code(1).stderr(
        "error: no node is called `korea`; did you mean South Korea (country `KOR`) or \
             North Korea (country `PRK`)?\n",
    );
    // Close to an id: the node is shown by its name and id.
    cmd()
        .args(["-q", "cite", "st-2016-06-4", "Seoul"])
        .assert()
        .code(1)
        .stderr(
            "error: no node is called `st-2016-06-4`; did you mean US, South Korea, Japan \
             defence chiefs agree to strengthen joint defence in face of North Korea threat \
             (source `st-2016-06-04`)?\n",
        );
    // Hyphen, space and case variants are one name.
    for name in ["Han Min-koo", "han min koo", "HAN MIN KOO"] {
        let shown = stdout_of(&["-q", "show", name, "--json"]);
        let v: Value = serde_json::from_str(&shown).unwrap();
        assert_eq!(v["node"]["id"], "han-min-koo", "{name}");
    }
}

// ---------------------------------------------------------------------------------------------
// validate

#[test]
fn validate_reports_code_place_and_snippet() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "broken.json", BROKEN);
    let out = cmd()
        .args(["validate", f.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let place = format!("{}:3:10", f.display());
    assert!(err.contains("error[duplicate-id]"), "{err}");
    assert!(err.contains(&place), "{err}");
    // The line, with the repeated id marked.
    assert!(
        err.contains(r#"3 |   {"id": "KOR", "kind": "country", "name": "Korea"}"#),
        "{err}"
    );
    assert!(err.contains("\n  |          ^^^^^\n"), "{err}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout, format!("{}: invalid (1 problem(s))\n", f.display()));

    let out = cmd()
        .args(["validate", "--json", f.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["valid"], false);
    let p = &v["files"][0]["problems"][0];
    assert_eq!(p["code"], "duplicate-id");
    assert_eq!(
        (p["line"].clone(), p["column"].clone()),
        (3.into(), 10.into())
    );
    assert_eq!(p["path"], "/nodes/1/id");
}

#[test]
fn validate_refuses_two_outlets_at_one_place_of_a_chain() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(notice_reports())
        .unwrap()
        .replace("\"chain\": 2,", "");
    let f = write(dir.path(), "reports.json", &text);
    let out = cmd()
        .args(["validate", f.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("error[duplicate-chain-position]"), "{err}");
    assert!(
        err.contains("statement `stmt-kim-end-gsomia` is reported by `yonhap` at position 1 of chain 1, which `reuters` already holds"),
        "{err}"
    );
}

#[test]
fn validate_valid_files_and_the_example() {
    cmd()
        .args(["-q", "validate"])
        .assert()
        .success()
        .stdout("<built-in example>: valid (76 nodes, 230 edges)\n");
    cmd()
        .args(["validate", "-"])
        .write_stdin(diplograph::EXAMPLE_JSON)
        .assert()
        .success()
        .stdout("<stdin>: valid (76 nodes, 230 edges)\n");
}

#[test]
fn validate_shows_warnings_apart_and_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "sun.json",
        r#"{"diplograph": "1", "nodes": [
 {"id": "SUN", "kind": "country", "name": "Soviet Union"},
 {"id": "pact", "kind": "agreement", "name": "A pact", "agreement_kind": "treaty"}],
 "edges": [{"from": "SUN", "to": "pact", "kind": "party_to", "start": "1995"}]}"#,
    );
    let f = f.to_str().unwrap();
    let message = "`SUN -party_to-> pact` names `SUN` (Soviet Union) from 1995, after the end of \
                   its period: ISO 3166-3 withdrew the code on 1992-08-30. If the source means a \
                   successor state, use its code.";
    cmd()
        .args(["validate", f])
        .env("NO_COLOR", "1")
        .assert()
        .success()
        .stdout(format!(
            "{f}: valid (2 nodes, 1 edges), with 1 warning(s)\n"
        ))
        .stderr(predicate::str::starts_with(format!(
            "warning[country-outside-period]: {message}\n"
        )));
    let doc = json_of(&["validate", "--json", f]);
    assert_eq!(doc["valid"], true);
    assert_eq!(
        doc["files"][0]["warnings"][0]["code"],
        "country-outside-period"
    );
    assert_eq!(doc["files"][0]["warnings"][0]["message"], message);
    assert_eq!(doc["files"][0]["warnings"][0]["id"], "SUN -party_to-> pact");
}

/// A source holding its text and a citation of it given by its words alone.
fn cited_by_words(citation: &str) -> String {
    format!(
        r#"{{"diplograph": "1", "nodes": [
  {{"id": "st", "kind": "source", "name": "A report",
   "text": "Seoul and Tokyo agreed. Seoul said so."}},
  {{"id": "KOR", "kind": "country", "name": "South Korea",
   "citations": [{citation}]}}]}}"#
    )
}

#[test]
fn validate_reports_words_not_found_or_ambiguous_and_dump_writes_the_span() {
    let dir = tempfile::tempdir().unwrap();
    let ambiguous = write(
        dir.path(),
        "ambiguous.json",
        &cited_by_words(r#"{"source": "st", "text": "Seoul"}"#),
    );
    let out = cmd()
        .args(["validate", ambiguous.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with(&format!(
            "error[citation-text-ambiguous]: a citation of `KOR` quotes \"Seoul\", which occurs 2 times in the text of source `st` (at bytes 0..5, 24..29); add \"occurrence\": 1 to 2 to pick one, or quote more words\n --> {}:5:43\n",
            ambiguous.display()
        )),
        "{err}"
    );
    let missing = write(
        dir.path(),
        "missing.json",
        &cited_by_words(r#"{"source": "st", "text": "Seoul", "occurrence": 3}"#),
    );
    let out = cmd()
        .args(["validate", "--json", missing.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let p = &v["files"][0]["problems"][0];
    assert_eq!(p["code"], "citation-text-not-found");
    assert_eq!(
        (p["line"].clone(), p["column"].clone()),
        (5.into(), 66.into())
    );
    assert_eq!(p["path"], "/nodes/1/citations/0/occurrence");

    // Picked by its occurrence, the words load; `dump -o` over the file writes their span.
    let good = write(
        dir.path(),
        "good.json",
        &cited_by_words(r#"{"source": "st", "text": "Seoul", "occurrence": 2}"#),
    );
    cmd()
        .args(["-q", "validate", good.to_str().unwrap()])
        .assert()
        .success();
    cmd()
        .args(["dump", good.to_str().unwrap(), "-o", good.to_str().unwrap()])
        .assert()
        .success();
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&good).unwrap()).unwrap();
    assert_eq!(
        saved["nodes"][0]["citations"][0],
        serde_json::json!({"source": "st", "span": [24, 29], "text": "Seoul"})
    );
}

#[test]
fn validate_reports_a_rejected_node_once() {
    let mut nodes = vec![
        r#"{"id": "st", "kind": "source", "name": "S", "text": "Seoul said so.", "attributes": null}"#
            .to_owned(),
    ];
    for i in 0..37 {
        nodes.push(format!(
            r#"{{"id": "p{i}", "kind": "person", "name": "P{i}", "citations": [{{"source": "st"}}]}}"#
        ));
    }
    let text = format!(
        "{{\"diplograph\": \"1\", \"nodes\": [\n{}\n]}}",
        nodes.join(",\n")
    );
    let out = cmd()
        .args(["validate", "--json", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems = v["files"][0]["problems"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(
        problems[0]["message"],
        "invalid type: null, expected an object with each key once (and 37 citations naming `st` are not checked until it loads)"
    );
}

#[test]
fn validate_shows_snippets_for_standard_input() {
    cmd()
        .args(["validate", "-"])
        .write_stdin(BROKEN)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--> <stdin>:3:10"));
}

#[test]
fn usage_errors_exit_2() {
    cmd().args(["path", "KOR"]).assert().code(2);
    cmd()
        .args(["path", "KOR", "JPN", "--as-of", "2016-13"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`2016-13` is not a date"));
    cmd()
        .args(["path", "KOR", "JPN", "--via", "carrier-pigeon"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: invalid value 'carrier-pigeon' for '--via <FAMILY|KIND>'\n  [possible \
             values: intelligence, defence, communication, any, gsomia, ",
        ));
    // Clap's messages name the argument and list the values, never a Rust type.
    cmd()
        .args(["dump", "--format", "grapml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "[possible values: json, dot, graphml, gexf, nodelink, csv, cypher, mermaid, parquet, kuzu]\n",
        ))
        .stderr(predicate::str::contains("ExportFormat").not());
    cmd()
        .args(["dump", "--kinds", "friend_of"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: invalid value 'friend_of' for '--kinds <KIND>'\n  [possible values: \
             party_to, ",
        ))
        .stderr(predicate::str::contains("EdgeKind").not());
    cmd().args(["frobnicate"]).assert().code(2);
    cmd()
        .args(["stats", "-", "-"])
        .write_stdin("{}")
        .assert()
        .code(2);
}

// ---------------------------------------------------------------------------------------------
// stats, show

#[test]
fn stats_prints_tables() {
    let out = stdout_of(&["-q", "stats"]);
    assert!(out.starts_with(
        "Shangri-La Dialogue 2016: US, South Korea, Japan defence chiefs\n\
         76 nodes, 230 edges; dates from 2009 to 2016-08-04\n"
    ));
    assert!(out.contains("│ statement    ┆ 24    │"), "{out}");
    assert!(out.contains("│ party_to      ┆ 23    │"), "{out}");
}

#[test]
fn show_an_agreement_as_of_a_date() {
    let v = json_of(&[
        "-q",
        "show",
        "gsomia-kor-usa",
        "--as-of",
        "2016-06-04",
        "--json",
    ]);
    assert_eq!(v["node"]["name"], "US–South Korea GSOMIA");
    assert_eq!(v["subkind"], "gsomia");
    assert_eq!(v["state"]["state"], "in_force");
    let parties: Vec<&str> = v["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["party"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(parties, ["KOR", "USA"]);
    let text = stdout_of(&["-q", "show", "gsomia-kor-usa"]);
    assert!(text.starts_with("US–South Korea GSOMIA — agreement (gsomia), id `gsomia-kor-usa`\n"));
    assert!(text.contains("\nParties\n"), "{text}");
    assert!(text.contains("state: in_force"), "{text}");
}

#[test]
fn show_a_person_with_offices_and_statements() {
    let v = json_of(&["-q", "show", "Ashton Carter", "--json"]);
    assert_eq!(v["node"]["id"], "ashton-carter");
    assert_eq!(v["offices"][0]["title"], "Secretary of Defense");
    assert!(!v["statements_by"].as_array().unwrap().is_empty());
    let text = stdout_of(&["-q", "show", "Ashton Carter"]);
    assert!(text.contains("\nOffices\n"), "{text}");
    assert!(text.contains("\nStatements by it\n"), "{text}");
}

#[test]
fn show_prints_each_cited_sentence_once_as_a_numbered_note() {
    let text = stdout_of(&["-q", "show", "Han Min Koo"]);
    assert!(
        text.starts_with(
            "Han Min Koo — person, id `han-min-koo`\naliases: Mr Han\ncited in: [1] [2]\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("┆ attested 2016-06-04 ┆ [1] [2]   │"),
        "{text}"
    );
    let (_, notes) = text.split_once("\nNotes\n").unwrap();
    let numbers: Vec<&str> = notes
        .lines()
        .map(|l| l.split_once(' ').unwrap().0)
        .collect();
    assert_eq!(numbers, ["[1]", "[2]", "[3]", "[4]", "[5]"]);
    assert_eq!(
        notes.lines().nth(3),
        Some(
            "[4] “Mr Carter also held separate bilateral meetings with Mr Han and Mr Nakatani \
             on Saturday.” — st-2016-06-04"
        )
    );
    // Each sentence once: the one cited by the office, the relation and the node itself.
    assert_eq!(text.matches("shakes hands with").count(), 1, "{text}");
    assert_eq!(text.lines().count(), 56);
}

#[test]
fn show_max_rows_cuts_long_lists_and_says_how_many_were_left_out() {
    let text = stdout_of(&["-q", "show", "KOR", "--max-rows", "1"]);
    let left_out: Vec<&str> = text.lines().filter(|l| l.starts_with("… and")).collect();
    assert_eq!(
        left_out,
        [
            "… and 20 more (raise --max-rows to see them)",
            "… and 3 more (raise --max-rows to see them)",
            "… and 8 more (raise --max-rows to see them)",
        ]
    );
    // Only the rows shown cite notes.
    let (_, notes) = text.split_once("\nNotes\n").unwrap();
    assert_eq!(notes.lines().count(), 3);
    // -n is --max-rows; --json gives every row.
    assert_eq!(stdout_of(&["-q", "show", "KOR", "-n", "1"]), text);
    let v = json_of(&["-q", "show", "KOR", "-n", "1", "--json"]);
    assert_eq!(v["relations"].as_array().map(Vec::len), Some(21));
    cmd().args(["show", "KOR", "-n", "0"]).assert().code(2);
}

// ---------------------------------------------------------------------------------------------
// path

#[test]
fn path_seoul_to_tokyo_through_intelligence_agreements() {
    let v = json_of(&[
        "-q",
        "path",
        "Seoul",
        "Tokyo",
        "--via",
        "intelligence",
        "--as-of",
        "2016-06-04",
        "--json",
    ]);
    let chains = v.as_array().unwrap();
    assert_eq!(chains.len(), 1);
    let hops: Vec<(&str, &str, &str, &str)> = chains[0]["hops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["from"]["id"].as_str().unwrap(),
                h["to"]["id"].as_str().unwrap(),
                h["link"]["agreement"]["id"].as_str().unwrap(),
                h["link"]["state"]["state"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        hops,
        [
            ("KOR", "USA", "gsomia-kor-usa", "in_force"),
            ("USA", "JPN", "gsomia-jpn-usa", "in_force"),
        ]
    );
    assert_eq!(
        chains[0]["hops"][1]["citations"][0]["text"],
        "It would work similarly the other way around since the United States has also signed \
         a GSOMIA with Japan, reported Reuters."
    );
}

#[test]
fn path_text_shows_hops_states_and_cited_words() {
    let out = stdout_of(&[
        "-q",
        "path",
        "South Korea",
        "Japan",
        "--via",
        "intelligence",
        "--as-of",
        "2016-06-04",
    ]);
    assert!(out.starts_with(
        "South Korea (KOR) → United States (USA) → Japan (JPN) — 2 hop(s) through intelligence \
         agreements, as of 2016-06-04\n"
    ));
    for needle in [
        "1. KOR → USA",
        "2. USA → JPN",
        "gsomia-kor-usa",
        "gsomia-jpn-usa",
        "in_force",
        "via Reuters",
        "“It would work similarly",
    ] {
        assert!(out.contains(needle), "{needle} missing in\n{out}");
    }
}

#[test]
fn path_with_no_chain_exits_1_with_a_plain_message() {
    cmd()
        .args(["-q", "path", "KOR", "PRK", "--via", "communication"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "no chain of communication agreements links South Korea (KOR) to North Korea (PRK) \
             by their last recorded state (within 6 hops)\n",
        );
}

#[test]
fn every_json_answer_is_json_even_when_empty() {
    // `path` with no chain: `[]` on standard output, the note on standard error, exit 1.
    cmd()
        .args([
            "-q",
            "path",
            "KOR",
            "PRK",
            "--via",
            "communication",
            "--json",
        ])
        .assert()
        .code(1)
        .stdout("[]\n")
        .stderr(
            "no chain of communication agreements links South Korea (KOR) to North Korea (PRK) \
             by their last recorded state (within 6 hops)\n",
        );
    for args in [
        &["-q", "statements", "--by", "PRK", "--json"][..],
        &["-q", "timeline", "--from", "1900", "--to", "1901", "--json"][..],
    ] {
        cmd().args(args).assert().success().stdout("[]\n");
    }
}

#[test]
fn cite_finds_the_words_of_a_source() {
    cmd()
        .args(["-q", "cite", "st-2016-06-04", "GSOMIA with Japan"])
        .assert()
        .success()
        .stdout("{\"source\": \"st-2016-06-04\", \"span\": [2990, 3007], \"text\": \"GSOMIA with Japan\"}\n");
    let cited = json_of(&[
        "-q",
        "cite",
        "st-2016-06-04",
        "GSOMIA",
        "--occurrence",
        "2",
        "--json",
    ]);
    assert_eq!(
        cited,
        serde_json::json!({"source": "st-2016-06-04", "span": [2990, 2996], "text": "GSOMIA"})
    );
    // Several places: each listed (stdout), exit 1 with what to do (stderr).
    cmd()
        .args(["-q", "cite", "st-2016-06-04", "GSOMIA"])
        .assert()
        .code(1)
        .stdout(
            "\"GSOMIA\" occurs 2 times in the text of source `st-2016-06-04`:\n  \
             --occurrence 1: bytes 2830..2836: …litary Information Agreement ([GSOMIA]). The \
             United States would the…\n  \
             --occurrence 2: bytes 2990..2996: …ited States has also signed a [GSOMIA] with \
             Japan, reported Reuters.…\n",
        )
        .stderr(
            "\"GSOMIA\" occurs 2 times in the text of source `st-2016-06-04`; pick one with \
             --occurrence N, or quote more words\n",
        );
    let listed: Value = serde_json::from_slice(
        &cmd()
            .args(["-q", "cite", "st-2016-06-04", "GSOMIA", "--json"])
            .assert()
            .code(1)
            .get_output()
            .stdout,
    )
    .unwrap();
    assert_eq!(
        listed,
        serde_json::json!({"source": "st-2016-06-04", "text": "GSOMIA", "count": 2,
            "occurrences": [{"occurrence": 1, "span": [2830, 2836]},
                            {"occurrence": 2, "span": [2990, 2996]}]})
    );
    for (args, err) in [
        (
            &["cite", "st-2016-06-04", "gsomia with japan"][..],
            "\"gsomia with japan\" is not in the text of source `st-2016-06-04` (5939 bytes); \
             bytes 2990..3007 say \"GSOMIA with Japan\", which differs only in case or spacing; \
             copy the words exactly as the source writes them (case and spacing count)\n",
        ),
        (
            &["cite", "st-2016-06-04", "GSOMIA", "--occurrence", "3"][..],
            "\"GSOMIA\" occurs 2 times in the text of source `st-2016-06-04`: there is no \
             occurrence 3; use --occurrence 1 to 2\n",
        ),
        (
            &["cite", "Seoul", "GSOMIA"][..],
            "South Korea (KOR) is not a source; name a source (its id, name or alias)\n",
        ),
    ] {
        cmd()
            .arg("-q")
            .args(args)
            .assert()
            .code(1)
            .stdout("")
            .stderr(err);
    }
    cmd()
        .args(["-q", "cite", "st-2016-06-04", "GSOMIA", "--occurrence", "0"])
        .assert()
        .code(2);
}

const BY_WORDS: &str = r#"{"diplograph": "1", "nodes": [
 {"id": "st", "kind": "source", "name": "ST", "text": "Seoul and Tokyo; then Seoul again."},
 {"id": "KOR", "kind": "country", "name": "South Korea",
  "citations": [{"source": "st", "text": "Seoul", "occurrence": 2}]}
]}"#;

#[test]
fn fmt_rewrites_in_canonical_form_and_check_lists_what_would_change() {
    let dir = tempfile::tempdir().unwrap();
    let words = write(dir.path(), "words.json", BY_WORDS);
    let canon = dir.path().join("canon.json");
    cmd()
        .args(["-q", "dump", "-o"])
        .arg(&canon)
        .assert()
        .success();
    let canon_text = std::fs::read_to_string(&canon).unwrap();
    // --check writes nothing, lists the file that would change, exits 1.
    cmd()
        .current_dir(dir.path())
        .args(["fmt", "--check", "canon.json", "words.json"])
        .assert()
        .code(1)
        .stdout("words.json\n")
        .stderr("1 of 2 file(s) not in canonical form; `diplograph fmt` rewrites them\n");
    assert_eq!(std::fs::read_to_string(&words).unwrap(), BY_WORDS);
    cmd()
        .current_dir(dir.path())
        .args(["fmt", "canon.json", "words.json"])
        .assert()
        .success()
        .stdout("")
        .stderr("note: formatted 2 file(s), 1 rewritten\n");
    assert_eq!(std::fs::read_to_string(&canon).unwrap(), canon_text);
    let expected = r#"{
  "diplograph": "1",
  "nodes": [
    {
      "id": "KOR",
      "kind": "country",
      "name": "South Korea",
      "citations": [
        {
          "source": "st",
          "span": [
            22,
            27
          ],
          "text": "Seoul"
        }
      ]
    },
    {
      "id": "st",
      "kind": "source",
      "name": "ST",
      "text": "Seoul and Tokyo; then Seoul again."
    }
  ],
  "edges": []
}
"#;
    assert_eq!(std::fs::read_to_string(&words).unwrap(), expected);
    cmd()
        .current_dir(dir.path())
        .args(["fmt", "--check", "canon.json", "words.json"])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn fmt_writes_nothing_when_a_file_is_invalid_or_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let words = write(dir.path(), "words.json", BY_WORDS);
    let broken = write(dir.path(), "broken.json", BROKEN);
    cmd()
        .args(["-q", "fmt"])
        .arg(&words)
        .arg(&broken)
        .assert()
        .code(1)
        .stdout("");
    assert_eq!(std::fs::read_to_string(&words).unwrap(), BY_WORDS);
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), BROKEN);
    cmd().args(["fmt", "-"]).assert().code(2).stderr(
        "error: fmt rewrites files in place and cannot rewrite standard input; \
             `diplograph dump -` prints its canonical form\n",
    );
    cmd().args(["fmt"]).assert().code(2);
}

#[test]
fn path_via_several_kinds() {
    let v = json_of(&[
        "-q", "path", "KOR", "JPN", "--via", "gsomia", "--via", "treaty", "--json",
    ]);
    assert_eq!(v[0]["hops"].as_array().unwrap().len(), 2);
    cmd()
        .args(["-q", "path", "KOR", "JPN", "--via", "intelligence,defence"])
        .assert()
        .code(2);
}

// ---------------------------------------------------------------------------------------------
// statements, timeline

#[test]
fn statements_disputed_by_and_via() {
    let v = json_of(&["-q", "statements", "--by", "Lu Yin", "--disputed", "--json"]);
    let found = v.as_array().unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["disputes"][0]["id"], "stmt-china-should-pressure");
    assert_eq!(
        found[0]["attribution"]["text"],
        "Lu Yin, reported by The Straits Times"
    );
    let v = json_of(&["-q", "statements", "--via", "Yonhap", "--json"]);
    let all_via_yonhap = v.as_array().unwrap().iter().all(|s| {
        s["attribution"]["text"]
            .as_str()
            .unwrap()
            .contains("Yonhap")
    });
    assert!(all_via_yonhap && !v.as_array().unwrap().is_empty());
    let out = stdout_of(&["-q", "statements", "--disputed"]);
    assert!(out.ends_with("4 statement(s)\n"), "{out}");
    assert!(out.contains("stmt-lu-yin-not-the-truth"), "{out}");
}

fn notice_reports() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../diplograph/tests/data/gsomia-notice-reports-2019-08.json")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn statements_show_parallel_chains_apart_with_the_cue_and_an_unnamed_speaker() {
    let file = notice_reports();
    let v = json_of(&["-q", "statements", &file, "--via", "Reuters", "--json"]);
    let chains: Vec<(u64, &str)> = v[0]["attribution"]["chains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["chain"].as_u64().unwrap(), c["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        chains,
        [
            (1, "Kim You-geun, reported by Yonhap News Agency"),
            (2, "Kim You-geun, reported by Reuters")
        ]
    );
    assert_eq!(v[0]["cue"]["words"], "announced the decision at a briefing");
    assert_eq!(
        v[0]["cue"]["citations"][0]["span"],
        serde_json::json!([185, 221])
    );
    let out = stdout_of(&["-q", "statements", &file, "--by", "pentagon-spokesman"]);
    assert!(out.contains("cue: “said”"), "{out}");
    let v = json_of(&[
        "-q",
        "statements",
        &file,
        "--by",
        "pentagon-spokesman",
        "--json",
    ]);
    assert_eq!(v[0]["speakers"][0]["unnamed"], "a Pentagon spokesman");
    assert_eq!(v[0]["attribution"]["text"], "a Pentagon spokesman");
    let out = stdout_of(&["-q", "show", "stmt-kim-end-gsomia", &file]);
    let lines: Vec<&str> = out.lines().skip(3).take(6).collect();
    assert_eq!(
        lines,
        [
            "attribution, chain 1: Kim You-geun, reported by Yonhap News Agency",
            "attribution, chain 2: Kim You-geun, reported by Reuters",
            "cue: “announced the decision at a briefing”",
            "about: Japan–South Korea GSOMIA (gsomia-jpn-kor)",
            "made at: National Security Office briefing on the GSOMIA (nso-briefing-2019-08-22)",
            "made in: South Korea (KOR)",
        ]
    );
    // Found by its id only: its description and name are not names to look it up by.
    cmd()
        .args(["-q", "show", "a Pentagon spokesman", &file])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a Pentagon spokesman"));
    let out = stdout_of(&["-q", "show", "pentagon-spokesman", &file]);
    assert!(
        out.starts_with(
            "Pentagon spokesman (unnamed) — person, id `pentagon-spokesman`\n\
             unnamed: “a Pentagon spokesman” (found by its id only)\n"
        ),
        "{out}"
    );
}

#[test]
fn timeline_keeps_precision() {
    let v = json_of(&[
        "-q", "timeline", "--from", "2016-01", "--to", "2016-03", "--json",
    ]);
    let got: Vec<(String, String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap().to_owned(),
                e["subject"]["id"].as_str().unwrap().to_owned(),
                e["within"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want = [
        ("2016", "prk-missile-tests-2016", "partly"),
        ("2016-01", "prk-nuclear-test-2016-01", "inside"),
        ("2016-03", "un-sanctions-2016-03", "inside"),
        ("2016-03", "un-sanctions-decision-2016-03", "inside"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect();
    assert_eq!(got, want);
    let out = stdout_of(&["-q", "timeline", "--from", "2016-01", "--to", "2016-03"]);
    assert!(out.ends_with("4 entries\n"), "{out}");
    let around = json_of(&[
        "-q", "timeline", "--around", "PRK", "--from", "2016-01", "--to", "2016-01", "--json",
    ]);
    let ids: Vec<&str> = around
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["subject"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["prk-missile-tests-2016", "prk-nuclear-test-2016-01"]);
}

// ---------------------------------------------------------------------------------------------
// merge

#[test]
fn merge_writes_out_and_reports_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.json", &korea("South Korea"));
    let b = write(dir.path(), "b.json", &korea("Republic of Korea"));
    let out = dir.path().join("merged.json");
    let assert = cmd()
        .args(["merge", a.to_str().unwrap(), b.to_str().unwrap(), "-o"])
        .arg(&out)
        .assert()
        .success();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("warning[merge-conflict]"), "{err}");
    assert!(err.contains("1 conflict(s)"), "{err}");
    let merged = diplograph::format::load(&out).unwrap();
    assert_eq!(merged.node_count(), 1);
}

/// Issue 13: the merge does not depend on the files' names; `--title` names the result; the
/// conflict names every file holding each value.
#[test]
fn merge_is_the_same_whatever_the_file_names_and_takes_a_title() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.json", &korea("South Korea"));
    let z = write(dir.path(), "z.json", &korea("South Korea"));
    let b = write(dir.path(), "b.json", &korea("Republic of Korea"));
    let mut texts = Vec::new();
    for first in [&a, &z] {
        let out = dir.path().join("merged.json");
        let assert = cmd()
            .args(["merge", first.to_str().unwrap(), b.to_str().unwrap(), "-o"])
            .arg(&out)
            .args(["--force", "--title", "Korea"])
            .assert()
            .success();
        let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        let name = first.file_name().unwrap().to_str().unwrap();
        // Labels are the paths given: each value names the file that holds it.
        let b_then = format!("b.json) or \"South Korea\" (in {}", dir.path().display());
        assert!(err.contains(&b_then), "{err}");
        assert!(err.contains(&format!("/{name}); kept")), "{err}");
        let text = std::fs::read_to_string(&out).unwrap();
        let merged = diplograph::format::from_str(&text).unwrap();
        assert_eq!(merged.title.as_deref(), Some("Korea"));
        texts.push(text);
    }
    assert_eq!(texts[0], texts[1]);
}

#[test]
fn strict_merge_fails_and_leaves_out_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.json", &korea("South Korea"));
    let b = write(dir.path(), "b.json", &korea("Republic of Korea"));
    let out = write(dir.path(), "merged.json", "precious old contents");
    cmd()
        .args([
            "merge",
            "--strict",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("merge-conflict"));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "precious old contents"
    );
    // Nothing else was left in the directory.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
}

#[test]
fn merge_with_standard_input_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.json", &korea("South Korea"));
    let out = cmd()
        .args(["-q", "merge", "-", a.to_str().unwrap(), "-o", "-"])
        .write_stdin(diplograph::EXAMPLE_JSON)
        .output()
        .unwrap();
    assert!(out.status.success());
    let g = diplograph::format::from_slice(&out.stdout, None).unwrap();
    assert_eq!(g.node_count(), 76);
}

// ---------------------------------------------------------------------------------------------
// dump

#[test]
fn dump_formats_round_trip_and_select() {
    let json = stdout_of(&["-q", "dump"]);
    let g = diplograph::format::from_str(&json).unwrap();
    assert_eq!((g.node_count(), g.edge_count()), (76, 230));
    assert!(stdout_of(&["-q", "dump", "--format", "dot"]).starts_with("digraph "));
    assert!(stdout_of(&["-q", "dump", "--format", "mermaid"]).starts_with("flowchart"));
    let sub = stdout_of(&[
        "-q",
        "dump",
        "--around",
        "gsomia-kor-usa",
        "--depth",
        "1",
        "--kinds",
        "party_to",
    ]);
    let sub = diplograph::format::from_str(&sub).unwrap();
    assert!(sub.node("KOR").is_some() && sub.node("USA").is_some());
    assert!(sub.node("kim-jong-un").is_none());
    assert!(sub.validate().is_empty());
    // The whole graph as it stood before the meetings of 2016-06-04: no MoU yet.
    let before = stdout_of(&["-q", "dump", "--as-of", "2016-05"]);
    let before = diplograph::format::from_str(&before).unwrap();
    assert!(before.node("mou-usa-jpn-defence-procurement").is_none());
    assert!(before.node("gsomia-kor-usa").is_some());
    let only = stdout_of(&["-q", "dump", "--kinds", "party_to,signed"]);
    let only = diplograph::format::from_str(&only).unwrap();
    let kinds: std::collections::BTreeSet<&str> =
        only.edges().map(|e| e.edge.kind.as_str()).collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["party_to", "signed"]
    );
}

#[test]
fn dump_to_a_file_and_csv_to_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let gexf = dir.path().join("g.gexf");
    cmd()
        .args(["-q", "dump", "--format", "gexf", "-o"])
        .arg(&gexf)
        .assert()
        .success()
        .stdout("");
    assert!(std::fs::read_to_string(&gexf).unwrap().contains("<gexf"));
    let csv = dir.path().join("tables");
    cmd()
        .args(["dump", "--format", "csv", "-o"])
        .arg(&csv)
        .assert()
        .success()
        .stderr(predicate::str::contains("nodes.csv and edges.csv"));
    let nodes = std::fs::read_to_string(csv.join("nodes.csv")).unwrap();
    let edges = std::fs::read_to_string(csv.join("edges.csv")).unwrap();
    assert!(nodes.starts_with(":ID,:LABEL,id,kind,name,"), "{nodes}");
    assert!(
        nodes.contains("\nKOR,Country,KOR,country,South Korea,"),
        "{nodes}"
    );
    assert!(
        edges.starts_with(":START_ID,:END_ID,:TYPE,source,target,kind,"),
        "{edges}"
    );
    cmd()
        .args(["-q", "dump", "--format", "csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o DIR"));
}

#[test]
fn parquet_tables_load_back_wherever_a_file_does() {
    let dir = tempfile::tempdir().unwrap();
    let tables = dir.path().join("example.parquet");
    cmd()
        .args(["dump", "--format", "parquet", "-o"])
        .arg(&tables)
        .assert()
        .success()
        .stderr(predicate::str::contains("as parquet to tables in"));
    assert!(tables.join("nodes.parquet").is_file());
    let native = cmd().args(["-q", "dump"]).output().unwrap().stdout;
    cmd()
        .args(["-q", "dump"])
        .arg(&tables)
        .assert()
        .success()
        .stdout(native);
    cmd()
        .arg("validate")
        .arg(&tables)
        .assert()
        .success()
        .stdout(predicate::str::contains("valid (76 nodes, 230 edges)"));
    // A directory without the tables is refused as a directory, with exit status 2.
    cmd()
        .args(["-q", "validate"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("without the tables of a graph"));
    cmd()
        .args(["-q", "dump", "--format", "parquet"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o DIR"));
}

#[test]
fn dump_follows_the_extension_of_its_output() {
    let dir = tempfile::tempdir().unwrap();
    let starts = [
        (
            "g.graphml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml ",
        ),
        (
            "g.gexf",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf ",
        ),
        ("g.DOT", "digraph "),
        ("g.gv", "digraph "),
        ("g.mmd", "flowchart LR\n"),
        (
            "g.nodelink.json",
            "{\"directed\": true, \"multigraph\": true,",
        ),
        ("g.json", "{"),
    ];
    for (name, start) in starts {
        let path = dir.path().join(name);
        cmd()
            .args(["-q", "dump", "-o"])
            .arg(&path)
            .assert()
            .success();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(start), "{name}: {}", &text[..60]);
    }
    let native = std::fs::read_to_string(dir.path().join("g.json")).unwrap();
    assert_eq!(native, stdout_of(&["-q", "dump"]));
    let cypher = dir.path().join("g.cypher");
    cmd()
        .args(["-q", "dump", "-o"])
        .arg(&cypher)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&cypher).unwrap(),
        stdout_of(&["-q", "dump", "--format", "cypher"])
    );
    let tables = dir.path().join("t.csv");
    cmd()
        .args(["-q", "dump", "-o"])
        .arg(&tables)
        .assert()
        .success();
    assert!(tables.join("nodes.csv").is_file() && tables.join("edges.csv").is_file());
    // --format wins when the name agrees or says nothing; node-link JSON may go to `.json`.
    let linked = dir.path().join("x.json");
    cmd()
        .args(["-q", "dump", "--format", "nodelink", "-o"])
        .arg(&linked)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&linked)
        .unwrap()
        .starts_with("{\"directed\": true"));
    let txt = dir.path().join("x.txt");
    cmd()
        .args(["-q", "dump", "--format", "dot", "-o"])
        .arg(&txt)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&txt)
        .unwrap()
        .starts_with("digraph "));
}

#[test]
fn dump_refuses_a_name_that_contradicts_the_format_or_says_none() {
    let dir = tempfile::tempdir().unwrap();
    cmd()
        .current_dir(dir.path())
        .args(["dump", "--format", "gexf", "-o", "g.dot"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: the name `g.dot` says dot but the format asked for is gexf; rename the \
             file or drop the format to follow the name\n",
        );
    cmd()
        .current_dir(dir.path())
        .args(["dump", "-o", "g.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: cannot tell the export format from the name `g.txt`; name it with one of \
             the extensions .nodelink.json, .json, .graphml, .gexf, .dot, .gv, .csv, .cypher, \
             .mmd, .parquet (.csv, .parquet: a directory of tables), or give the format\n",
        );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

// ---------------------------------------------------------------------------------------------
// completions, man

#[test]
fn completions_and_man_page() {
    let bash = stdout_of(&["completions", "bash"]);
    assert!(bash.contains("_diplograph()"), "{bash}");
    assert!(bash.contains("statements"));
    let man = stdout_of(&["man"]);
    assert!(man.starts_with(".ie \\n(.g .ds Aq"), "{}", &man[..80]);
    assert!(man.contains(".TH diplograph 1"));
    // The main page names the pages of the commands, which exist.
    assert!(man.contains("diplograph\\-validate(1)"), "{man}");
    let path = stdout_of(&["man", "path"]);
    assert!(path.starts_with(".ie \\n(.g .ds Aq"), "{}", &path[..80]);
    assert!(path.contains(".TH diplograph-path 1"), "{path}");
    // The preamble is written once.
    assert_eq!(path.matches(".ds Aq").count(), 2, "{path}");
    cmd()
        .args(["man", "frobnicate"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: no manual page for `frobnicate`; the commands are: validate, stats, ",
        ));
}

#[test]
fn man_out_writes_one_page_per_command_with_examples_and_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    cmd()
        .args(["man", "--out", out.to_str().unwrap()])
        .assert()
        .success()
        .stdout("")
        .stderr(format!(
            "note: wrote 20 manual pages to {}\n",
            out.display()
        ));
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "diplograph-agreements.1",
            "diplograph-as-of.1",
            "diplograph-cite.1",
            "diplograph-completions.1",
            "diplograph-draft.1",
            "diplograph-dump.1",
            "diplograph-fmt.1",
            "diplograph-holders.1",
            "diplograph-man.1",
            "diplograph-merge.1",
            "diplograph-parties.1",
            "diplograph-path.1",
            "diplograph-show.1",
            "diplograph-signatories.1",
            "diplograph-statements.1",
            "diplograph-stats.1",
            "diplograph-timeline.1",
            "diplograph-validate.1",
            "diplograph-view.1",
            "diplograph.1",
        ]
    );
    for file in &files {
        let page = std::fs::read_to_string(out.join(file)).unwrap();
        // Every page has its exit statuses and at least one example.
        assert!(
            page.contains(".SH \"EXIT STATUS\"\n.TP\n\\fB0\\fR\n"),
            "{file}:\n{page}"
        );
        assert!(
            page.contains(".SH EXAMPLES\n.PP\n"),
            "{file} has no example:\n{page}"
        );
        let name = file.trim_end_matches(".1");
        assert!(page.contains(&format!(".TH {name} 1 ")), "{file}:\n{page}");
    }
    // The page printed is the page written.
    let printed = stdout_of(&["man", "dump"]);
    assert_eq!(
        std::fs::read_to_string(out.join("diplograph-dump.1")).unwrap(),
        printed
    );
    cmd()
        .args(["man", "dump", "--out", out.to_str().unwrap()])
        .assert()
        .code(2);
}

/// A graph file of `organizations` ministries and `agreements` treaties, each joining two of
/// them in turn (two `party_to` edges per treaty).
fn ring_file(dir: &Path, organizations: usize, agreements: usize) -> PathBuf {
    let mut nodes: Vec<String> = (0..organizations)
        .map(|i| {
            format!(
                r#"{{"id":"o{i}","kind":"organization","name":"Org {i}","org_kind":"ministry"}}"#
            )
        })
        .collect();
    let mut edges = Vec::new();
    for j in 0..agreements {
        nodes.push(format!(
            r#"{{"id":"a{j}","kind":"agreement","name":"Treaty {j}","agreement_kind":"treaty"}}"#
        ));
        for o in [j % organizations, (j + 1) % organizations] {
            edges.push(format!(
                r#"{{"kind":"party_to","from":"o{o}","to":"a{j}"}}"#
            ));
        }
    }
    let text = format!(
        r#"{{"diplograph":"1","nodes":[{}],"edges":[{}]}}"#,
        nodes.join(","),
        edges.join(",")
    );
    write(
        dir,
        &format!("ring-{organizations}-{agreements}.json"),
        &text,
    )
}

#[test]
fn large_exports_for_layout_tools_warn_and_still_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let hint = " (--around NODE --depth N, --kinds KIND, --as-of DATE)\n";
    let at_limit = ring_file(dir.path(), 10, 250);
    cmd()
        .args([
            "-q",
            "dump",
            "--format",
            "mermaid",
            at_limit.to_str().unwrap(),
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("flowchart LR\n"))
        .stderr("");
    let over = ring_file(dir.path(), 10, 251);
    cmd()
        .args(["-q", "dump", "--format", "mermaid", over.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "%%{init: {\"maxEdges\": 502}}%%\nflowchart LR\n",
        ))
        .stderr(predicate::str::starts_with(
            "warning: the Mermaid export has 502 edges: Mermaid draws at most 500 by default",
        ))
        .stderr(predicate::str::ends_with(hint));
    let big = ring_file(dir.path(), 1000, 1001);
    let out = dir.path().join("big.dot");
    cmd()
        .args([
            "-q",
            "dump",
            big.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .success()
        .stderr(predicate::str::starts_with(
            "warning: the DOT export has 2001 nodes: Graphviz's dot lays out more than 2000 \
             slowly",
        ))
        .stderr(predicate::str::ends_with(hint));
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("digraph "));
    // Other formats of the same graph: no warning.
    cmd()
        .args(["-q", "dump", "--format", "graphml", big.to_str().unwrap()])
        .assert()
        .success()
        .stderr("");
}

/// The export formats, as `--format` takes them.
const FORMATS: [&str; 10] = [
    "json", "dot", "graphml", "gexf", "nodelink", "csv", "cypher", "mermaid", "parquet", "kuzu",
];

#[test]
fn shell_completions_offer_the_values_of_a_closed_vocabulary() {
    let words = FORMATS.join(" ");
    let bash = stdout_of(&["completions", "bash"]);
    assert!(
        bash.contains(&format!(
            "COMPREPLY=($(compgen -W \"{words}\" -- \"${{cur}}\"))"
        )),
        "{bash}"
    );
    let zsh = stdout_of(&["completions", "zsh"]);
    let format_line = zsh.lines().find(|l| l.starts_with("'--format=[")).unwrap();
    assert!(
        format_line.ends_with(&format!(":FORMAT:({words})' \\")),
        "{format_line}"
    );
    let fish = stdout_of(&["completions", "fish"]);
    let from = fish.find("-l format").unwrap();
    let offered = fish[from..].split_once("-a \"").unwrap().1;
    let offered: Vec<&str> = offered
        .split_once('"')
        .unwrap()
        .0
        .lines()
        .map(|l| l.trim_end_matches("\\t''"))
        .collect();
    assert_eq!(offered, FORMATS);
}

#[test]
fn closed_vocabularies_are_listed_in_help_and_typos_get_a_suggestion() {
    let help = stdout_of(&["dump", "--help"]);
    assert!(
        help.contains(
            "[possible values: json, dot, graphml, gexf, nodelink, csv, cypher, mermaid, parquet, kuzu]"
        ),
        "{help}"
    );
    cmd()
        .args(["dump", "--format", "grapml"])
        .assert()
        .code(2)
        .stderr(
            "error: invalid value 'grapml' for '--format <FORMAT>'\n  [possible values: json, \
             dot, graphml, gexf, nodelink, csv, cypher, mermaid, parquet, kuzu]\n\n  tip: a similar value \
             exists: 'graphml'\n\nFor more information, try '--help'.\n",
        );
    cmd()
        .args(["path", "KOR", "JPN", "--via", "treatyy"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "tip: a similar value exists: 'treaty'",
        ));
    // Other spellings the core accepts are still accepted: case, hyphens, aliases.
    for args in [
        &["-q", "dump", "--format", "MMD"][..],
        &["-q", "dump", "--format", "node-link"][..],
        &["-q", "dump", "--kinds", "party-to,Said"][..],
        &["-q", "path", "KOR", "JPN", "--via", "defense"][..],
        &["-q", "path", "KOR", "JPN", "--via", "GSOMIA,treaty"][..],
    ] {
        cmd().args(args).assert().success();
    }
}

// ---------------------------------------------------------------------------------------------
// bad input and closed pipes

#[test]
fn garbage_on_stdin_never_panics() {
    let garbage: &[&[u8]] = &[
        b"garbage{",
        b"",
        b"\xff\xfe\x00\x01 not utf-8",
        b"{\"diplograph\": \"1\", \"nodes\": [{\"id\": 7}]}",
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    ];
    let commands: &[&[&str]] = &[
        &["validate", "-"],
        &["stats", "-"],
        &["show", "KOR", "-"],
        &["path", "KOR", "JPN", "-"],
        &["statements", "-"],
        &["timeline", "-"],
        &["merge", "-", "-o", "-"],
        &["dump", "-"],
        &["dump", "--format", "dot", "-"],
    ];
    for input in garbage {
        for args in commands {
            let out = cmd().args(*args).write_stdin(*input).output().unwrap();
            let code = out.status.code();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                matches!(code, Some(1 | 2)),
                "{args:?} on {input:?}: exit {code:?}\n{err}"
            );
            assert!(!err.contains("panicked"), "{args:?}: {err}");
            assert!(err.contains("error"), "{args:?} on {input:?}: {err}");
        }
    }
    // Commands that read no graph ignore standard input.
    cmd()
        .args(["completions", "zsh"])
        .write_stdin("garbage")
        .assert()
        .success();
}

#[test]
fn closed_pipe_is_a_normal_end() {
    for args in [
        &["-q", "dump", "--format", "json"][..],
        &["-q", "dump", "--format", "graphml"][..],
        &["-q", "statements"][..],
        &["man"][..],
        &["completions", "fish"][..],
    ] {
        let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("diplograph"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut buf = [0u8; 16];
        stdout.read_exact(&mut buf).unwrap();
        drop(stdout);
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}");
    }
}

#[test]
fn no_colour_when_not_a_terminal_or_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "broken.json", BROKEN);
    for no_color in [false, true] {
        let mut c = cmd();
        if no_color {
            c.env("NO_COLOR", "1");
        }
        let out = c.args(["validate", f.to_str().unwrap()]).output().unwrap();
        assert!(!out.stderr.contains(&0x1b), "escape codes in a pipe");
    }
}

#[test]
fn color_flag_forces_or_removes_colour_beside_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "broken.json", BROKEN);
    let stderr = |color: &str, no_color: bool| {
        let mut c = cmd();
        if no_color {
            c.env("NO_COLOR", "1");
        }
        let out = c
            .args(["validate", "--color", color, f.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stderr).unwrap()
    };
    let plain = stderr("never", false);
    assert!(!plain.contains('\x1b'), "{plain}");
    assert_eq!(stderr("auto", false), plain, "a pipe is not coloured");
    assert_eq!(stderr("auto", true), plain);
    assert_eq!(stderr("never", true), plain);
    for no_color in [false, true] {
        let coloured = stderr("always", no_color);
        assert!(coloured.contains("\x1b["), "{coloured}");
        // The same words, only coloured.
        let mut stripped = String::new();
        let mut rest = coloured.as_str();
        while let Some(i) = rest.find("\x1b[") {
            stripped.push_str(&rest[..i]);
            let after = &rest[i + 2..];
            let end = after.find('m').unwrap();
            rest = &after[end + 1..];
        }
        stripped.push_str(rest);
        assert_eq!(stripped, plain);
    }
    cmd()
        .args(["--color", "sometimes", "stats"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid value 'sometimes' for '--color <WHEN>'",
        ));
}

/// The EDTF dataset of the core's tests: a bounded signing, a season, a "before".
const EDTF_DATES: &str = include_str!("../../diplograph/tests/data/edtf-dates.json");

#[test]
fn edtf_dates_in_timeline_show_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "edtf.json", EDTF_DATES);
    let file = file.to_str().unwrap();
    // The timeline keeps each date as written; the autumn is only partly in September.
    let entries = json_of(&[
        "timeline", file, "--from", "2016-09", "--to", "2016-09", "--json",
    ]);
    let rows: Vec<(&str, &str, &str, &str)> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap(),
                e["date_earliest"].as_str().unwrap(),
                e["date_latest"].as_str().unwrap(),
                e["within"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(rows, [("2016-23", "2016-09-01", "2016-11-30", "partly")]);
    let human = stdout_of(&[
        "timeline",
        file,
        "--from",
        "2014-12-29",
        "--to",
        "2014-12-31",
    ]);
    assert!(human.contains("2014-12-28/2014-12-29"), "{human}");
    assert!(human.contains("partly"), "{human}");
    // As of the first possible day of the signing, the arrangement is only partly in force.
    let show = stdout_of(&["show", "TISA", file, "--as-of", "2014-12-28"]);
    assert!(
        show.contains(
            "state: in_force since 2014-12-28/2014-12-29 [only partly known to hold on the date]"
        ),
        "{show}"
    );
    let show = stdout_of(&["show", "TISA", file, "--as-of", "2014-12-29"]);
    assert!(
        show.contains("state: in_force since 2014-12-28/2014-12-29\n"),
        "{show}"
    );
    let profile = json_of(&["show", "TISA", file, "--as-of", "2014-12-28", "--json"]);
    assert_eq!(profile["as_of"], "2014-12-28");
    assert_eq!(profile["lifecycle"][0]["date_earliest"], "2014-12-28");
    assert_eq!(profile["lifecycle"][0]["date_latest"], "2014-12-29");
    // --as-of takes any EDTF date.
    let autumn = json_of(&["show", "TISA", file, "--as-of", "2016-23", "--json"]);
    assert_eq!(
        (
            &autumn["as_of"],
            &autumn["as_of_earliest"],
            &autumn["as_of_latest"]
        ),
        (
            &Value::from("2016-23"),
            &Value::from("2016-09-01"),
            &Value::from("2016-11-30")
        )
    );
    // A window may end on an open-ended date without being taken as reversed.
    cmd()
        .args(["timeline", file, "--from", "2016", "--to", "2014/.."])
        .assert()
        .success();
    cmd()
        .args(["timeline", file, "--from", "2016", "--to", "2015"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the timeline window is reversed"));
}

#[test]
fn a_bad_edtf_date_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad.json",
        "{\"diplograph\": \"1\",\n \"nodes\": [\n  {\"id\": \"e\", \"kind\": \"event\", \"name\": \"E\", \"event_kind\": \"summit\", \"date\": \"2016-23-01\"}\n ]}\n",
    );
    cmd()
        .args(["validate", bad.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error[invalid-date]: `2016-23-01` is not a date: a season takes no day",
        ))
        .stderr(predicate::str::contains("bad.json:3:77"));
    cmd()
        .args(["timeline", "--from", "2016-06-31"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`2016-06-31` is not a date: that day does not exist in that month",
        ));
}

/// Standard output of a run on a terminal wide enough that no table cell wraps.
fn wide_stdout_of(args: &[&str]) -> String {
    let out = cmd().env("COLUMNS", "400").args(args).output().unwrap();
    assert!(out.status.success(), "{args:?} failed");
    String::from_utf8(out.stdout).unwrap()
}

fn offices_attested() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../diplograph/tests/data/offices-attested.json")
        .to_str()
        .unwrap()
        .to_owned()
}

#[test]
fn show_marks_offices_that_only_possibly_held_and_certain_leaves_them_out() {
    let file = offices_attested();
    // Who was South Korea's defence minister in 2024? Han only possibly: marked, with the
    // date of the report that names him.
    let text = wide_stdout_of(&["show", "han-min-koo", "--as-of", "2024", &file]);
    assert!(
        text.contains("reported 2016-06-04 [rests on an unknown date] [possible]"),
        "{text}"
    );
    let v = json_of(&["show", "han-min-koo", "--as-of", "2024", "--json", &file]);
    let office = &v["offices"][0];
    assert_eq!(office["validity"]["certainty"], "possible");
    assert_eq!(office["validity"]["attested"]["date"], "2016-06-04");
    assert_eq!(office["validity"]["attested"]["source"], "st-2016-06-04");
    // On the day of the report: certain, unmarked.
    let text = wide_stdout_of(&["show", "han-min-koo", "--as-of", "2016-06-04", &file]);
    assert!(!text.contains("possible"), "{text}");
    // --certain: no office in 2024; the relations left are those certain then (none).
    let v = json_of(&[
        "show",
        "han-min-koo",
        "--as-of",
        "2024",
        "--certain",
        "--json",
        &file,
    ]);
    assert_eq!(v["offices"], Value::Null);
    assert_eq!(v["relations"].as_array().map(Vec::len), Some(0));
    // The ministry's relations show each holder's attested or reported dates.
    let text = wide_stdout_of(&["show", "kor-mnd", "--as-of", "2021-03-17", &file]);
    assert!(text.contains("attested 2021-03-17"), "{text}");
    assert!(text.contains("reported 2016-06-04 ┆"), "{text}");
    assert!(text.contains("[possible]"), "{text}");
    // --certain needs a date.
    cmd()
        .args(["show", "han-min-koo", "--certain", &file])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--as-of"));
}

#[test]
fn path_certain_keeps_chains_whose_every_hop_certainly_held() {
    let args = |date: &'static str, certain: bool| {
        let mut v = vec![
            "path",
            "KOR",
            "JPN",
            "--via",
            "intelligence",
            "--as-of",
            date,
        ];
        if certain {
            v.push("--certain");
        }
        v
    };
    let text = stdout_of(&args("2016-12-01", false));
    assert!(
        text.contains("[possible: some hop is not known to hold on the date]"),
        "{text}"
    );
    let v = json_of(&[&args("2016-12-01", false)[..], &["--json"]].concat());
    assert_eq!(v[0]["certainty"], "possible");
    assert_eq!(
        v[0]["hops"][0]["link"]["state"]["attested"]["date"],
        "2016-06-04"
    );
    cmd()
        .args(args("2016-12-01", true))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no chain of intelligence agreements certainly links South Korea (KOR) to Japan (JPN) as of 2016-12-01",
        ));
    let v = json_of(&[&args("2016-06-04", true)[..], &["--json"]].concat());
    assert_eq!(v[0]["certainty"], "certain");
}

#[test]
fn an_undated_statement_shows_the_date_it_was_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "undated.json",
        r#"{"diplograph": "1", "nodes": [
  {"id": "han", "kind": "person", "name": "Han Min-koo"},
  {"id": "st", "kind": "source", "name": "Straits Times", "date": "2016-06-04"},
  {"id": "s", "kind": "statement", "name": "Han on the talks", "paraphrase": "The talks will continue.",
   "citations": [{"source": "st"}]}],
 "edges": [{"kind": "said", "from": "han", "to": "s"}]}"#,
    );
    let file = file.to_str().unwrap();
    let text = stdout_of(&["statements", file]);
    assert!(text.contains("reported 2016-06-04"), "{text}");
    assert!(!text.contains(" ? "), "{text}");
    let text = stdout_of(&["show", "s", file]);
    assert!(text.contains("date: reported 2016-06-04\n"), "{text}");
    let v = json_of(&["statements", "--json", file]);
    assert_eq!(v[0]["date"], Value::Null);
    assert_eq!(v[0]["reported"]["date"], "2016-06-04");
    assert_eq!(v[0]["reported"]["source"], "st");
}

// ---------------------------------------------------------------------------------------------
// places

fn new_start() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../diplograph/tests/data/new-start-prague-2010.json")
}

#[test]
fn places_show_where_a_signing_took_place_and_names_resolve_by_kind() {
    let file = new_start();
    let file = file.to_str().unwrap();
    // `show` is open to every kind: the city and the country's capital are both candidates.
    cmd()
        .args(["show", "Prague", file])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "error: `Prague` is ambiguous; it could be: Prague (place `prague`), Czech Republic \
             (country `CZE`); use an id instead\n",
        );
    // `agreements` takes parties: Prague is the Czech Republic, party to nothing here.
    cmd()
        .args(["-q", "agreements", "Prague", "USA", file, "--json"])
        .assert()
        .success()
        .stdout("[]\n");
    let v = json_of(&["-q", "show", "new-start", file, "--json"]);
    assert_eq!(v["lifecycle"][0]["place"], "prague-castle");
    assert_eq!(v["signatories"][0]["place"]["place"]["id"], "prague-castle");
    assert_eq!(v["signatories"][0]["place"]["country"]["id"], "CZE");
    let castle = json_of(&["-q", "show", "prague-castle", file, "--json"]);
    assert_eq!(castle["country"]["id"], "CZE");
    assert_eq!(castle["subkind"], "venue");
    let text = stdout_of(&["-q", "show", "new-start-signing", file]);
    assert!(
        text.contains("held in: Prague Castle (Czech Republic)\n"),
        "{text}"
    );
    let timeline = json_of(&["-q", "timeline", file, "--json"]);
    assert_eq!(
        timeline[0]["description"],
        "signed, in Prague Castle (Czech Republic)"
    );
}

/// Issue 12: a chain between two spokes goes through the hub, each end saying its role; an
/// agreement's parties show their roles and the bodies acting for them.
#[test]
fn path_and_show_name_roles_and_acting_bodies() {
    let recaap =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../diplograph/tests/data/recaap-hub.json");
    let recaap = recaap.to_str().unwrap();
    let out = stdout_of(&[
        "-q",
        "path",
        "Japan",
        "Philippines",
        "--via",
        "treaty",
        "--as-of",
        "2016-06-04",
        recaap,
    ]);
    assert!(out.starts_with(
        "Japan (JPN) → ReCAAP Information Sharing Centre (recaap-isc) → Philippines (PHL) — 2 \
         hop(s) through treaty agreements, as of 2016-06-04"
    ));
    for needle in [
        "1. JPN (spoke) ",
        "→ recaap-isc (hub)",
        "2. recaap-isc (hub)",
        "→ PHL (spoke)",
    ] {
        assert!(out.contains(needle), "{needle} missing in\n{out}");
    }
    let json: Value = serde_json::from_str(&stdout_of(&[
        "-q",
        "path",
        "JPN",
        "PHL",
        "--as-of",
        "2016-06-04",
        "--json",
        recaap,
    ]))
    .unwrap();
    let roles: Vec<(&str, &str)> = json[0]["hops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["from_role"].as_str().unwrap(),
                h["to_role"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(roles, [("spoke", "hub"), ("hub", "spoke")]);

    let show = stdout_of(&["-q", "show", "kor-jpn-defence-hotline"]);
    assert!(show.contains("┆ acting bodies "), "{show}");
    assert!(
        show.contains("Japan (JPN)       ┆ Japan Ministry of"),
        "{show}"
    );
    let show = stdout_of(&["-q", "show", "trilateral-info-sharing"]);
    assert!(show.contains("United States (USA) ┆ hub "), "{show}");
    assert!(show.contains("South Korea (KOR)   ┆ spoke "), "{show}");
}
