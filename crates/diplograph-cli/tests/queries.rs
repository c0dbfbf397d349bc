//! End-to-end tests of the query commands of issue 16 — `agreements`, `parties`,
//! `signatories`, `holders`, `as-of`, the `timeline` filters, `path -k` routes, `--jsonl` and
//! `--limit N` — on the built-in example: exit statuses, tables and JSON.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test on an unexpected error, with its message"
)]

mod common;

use common::cmd;
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

/// Each line of `--jsonl` output, parsed.
fn jsonl_of(args: &[&str]) -> Vec<Value> {
    stdout_of(args)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The strings at `pointer` in each element of a JSON list.
fn field(list: &Value, pointer: &str) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| match v.pointer(pointer).unwrap() {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

#[test]
fn agreements_between_two_parties_with_kind_state_date_and_certainty() {
    let ever = json_of(&["-q", "agreements", "United States", "Tokyo", "--json"]);
    assert_eq!(
        field(&ever, "/agreement/id"),
        [
            "gsomia-jpn-usa",
            "mou-usa-jpn-defence-procurement",
            "six-party-talks",
            "trilateral-cooperation-2016",
            "trilateral-info-sharing"
        ]
    );
    let gsomia = json_of(&[
        "-q",
        "agreements",
        "USA",
        "JPN",
        "--kind",
        "gsomia",
        "--state",
        "in_force,signed",
        "--as-of",
        "2016-06-04",
        "--json",
    ]);
    assert_eq!(field(&gsomia, "/agreement/id"), ["gsomia-jpn-usa"]);
    assert_eq!(field(&gsomia, "/certainty"), ["certain"]);
    // Dates carry their first and last day.
    assert_eq!(
        gsomia[0]["state"]["attested"]["date_earliest"],
        "2016-06-04"
    );
    // In 2017 nothing says the pacts still bound them: possible, and none certain.
    let later = json_of(&[
        "-q",
        "agreements",
        "USA",
        "JPN",
        "--as-of",
        "2017",
        "--json",
    ]);
    assert_eq!(field(&later, "/certainty"), ["possible"; 5]);
    let certain = json_of(&[
        "-q",
        "agreements",
        "USA",
        "JPN",
        "--as-of",
        "2017",
        "--certain",
        "--json",
    ]);
    assert_eq!(certain, Value::Array(vec![]));
    // The table names both parties and marks nothing as possible on the day.
    let table = stdout_of(&[
        "-q",
        "agreements",
        "Seoul",
        "Washington",
        "--kind",
        "gsomia",
    ]);
    assert!(table.starts_with("Agreements of South Korea (KOR) and United States (USA), ever\n"));
    assert!(table.contains("gsomia-kor-usa"));
    assert!(table.ends_with("1 agreement(s)\n"));
    let none = stdout_of(&["-q", "agreements", "KOR", "PRK", "--kind", "gsomia"]);
    assert_eq!(
        none,
        "no agreement binds South Korea (KOR) and North Korea (PRK) ever\n"
    );
}

#[test]
fn query_commands_exit_1_on_names_and_2_on_usage() {
    cmd()
        .args(["-q", "agreements", "KOR", "Atlantis"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no node is called `Atlantis`"));
    cmd()
        .args(["-q", "agreements", "KOR", "JPN", "--state", "in_forc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a similar value exists: 'in_force'",
        ));
    cmd()
        .args(["-q", "agreements", "KOR", "JPN", "--kind", "pact"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("treaty, arrangement"));
    cmd()
        .args(["-q", "parties", "KOR"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no node is called `KOR` among agreements (it is a country)",
        ));
    cmd()
        .args(["-q", "signatories", "Han Min Koo"])
        .assert()
        .code(1);
    cmd()
        .args(["-q", "holders", "Minister", "--in", "Han Min Koo"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "among organizations and countries, where offices are (it is a person)",
        ));
    cmd().args(["-q", "as-of", "2016-13"]).assert().code(2);
    cmd().args(["-q", "as-of"]).assert().code(2);
    cmd()
        .args(["-q", "parties", "six-party-talks", "--json", "--jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
    // A number of entries is for list answers only.
    cmd()
        .args(["-q", "stats", "--limit", "3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--limit 3: a number of entries limits the list answers",
        ));
}

#[test]
fn parties_and_signatories() {
    let ever = json_of(&["-q", "parties", "Six-Party Talks", "--json"]);
    assert_eq!(
        field(&ever, "/party/id"),
        ["CHN", "JPN", "KOR", "PRK", "RUS", "USA"]
    );
    assert_eq!(
        field(&ever, "/withdrew"),
        ["null", "null", "null", "2009", "null", "null"]
    );
    let then = json_of(&[
        "-q",
        "parties",
        "six-party-talks",
        "--as-of",
        "2016-06-04",
        "--certain",
        "--json",
    ]);
    assert_eq!(
        field(&then, "/party/id"),
        ["CHN", "JPN", "KOR", "RUS", "USA"]
    );
    assert_eq!(field(&then, "/validity/certainty"), ["certain"; 5]);
    let table = stdout_of(&["-q", "parties", "six-party-talks"]);
    assert!(table.starts_with("Parties to Six-Party Talks (six-party-talks), ever\n"));
    assert!(table.ends_with("6 parties\n"));

    let signed = json_of(&[
        "-q",
        "signatories",
        "mou-usa-jpn-defence-procurement",
        "--json",
    ]);
    assert_eq!(
        field(&signed, "/person/id"),
        ["ashton-carter", "gen-nakatani"]
    );
    assert_eq!(field(&signed, "/on_behalf_of/id"), ["USA", "JPN"]);
    let none = json_of(&["-q", "signatories", "gsomia-kor-usa", "--json"]);
    assert_eq!(none, Value::Array(vec![]));
    assert_eq!(
        stdout_of(&["-q", "signatories", "gsomia-kor-usa"]),
        "no signatory of US–South Korea GSOMIA (gsomia-kor-usa) is recorded\n"
    );
}

#[test]
fn holders_by_title_body_or_both() {
    let by_title = json_of(&[
        "-q",
        "holders",
        "Minister of Defense",
        "--as-of",
        "2016-06-04",
        "--json",
    ]);
    assert_eq!(
        field(&by_title, "/person/id"),
        ["gen-nakatani", "han-min-koo"]
    );
    assert_eq!(
        field(&by_title, "/validity/certainty"),
        ["certain", "certain"]
    );
    let by_body = json_of(&["-q", "holders", "Ministry of National Defense", "--json"]);
    assert_eq!(
        field(&by_body, "/person/id"),
        ["han-min-koo", "yoon-soon-gu"]
    );
    let both = json_of(&["-q", "holders", "minister", "--in", "Seoul", "--json"]);
    assert_eq!(field(&both, "/person/id"), ["han-min-koo"]);
    // Nobody is known to hold an office in 2017 for certain.
    let certain = json_of(&[
        "-q",
        "holders",
        "Defence Minister",
        "--as-of",
        "2017",
        "--certain",
        "--json",
    ]);
    assert_eq!(certain, Value::Array(vec![]));
    assert_eq!(
        stdout_of(&["-q", "holders", "Admiral", "--as-of", "2016"]),
        "no one is known to have held `Admiral` as of 2016\n"
    );
}

#[test]
fn as_of_gives_agreements_offices_and_memberships() {
    let world = json_of(&["-q", "as-of", "2016-06-04", "--json"]);
    assert_eq!(world["date"], "2016-06-04");
    assert_eq!(world["date_earliest"], "2016-06-04");
    let count = |k: &str| world[k].as_array().unwrap().len();
    assert_eq!(
        (count("agreements"), count("offices"), count("memberships")),
        (9, 7, 10)
    );
    // By state, then id.
    assert_eq!(
        field(&world["agreements"], "/state/state")[..2],
        ["negotiating", "agreed"]
    );
    let lines = jsonl_of(&["-q", "as-of", "2016-06-04", "--jsonl"]);
    let sections: Vec<&str> = lines
        .iter()
        .map(|l| l["section"].as_str().unwrap())
        .collect();
    assert_eq!(sections.len(), 26);
    assert_eq!(sections[0], "agreement");
    assert_eq!(sections[9], "office");
    assert_eq!(sections[16], "membership");
    assert_eq!(lines[9]["person"]["id"], "kim-jong-un");
    // Nothing certainly held in 2017: empty, but valid.
    let later = json_of(&["-q", "as-of", "2017", "--certain", "--json"]);
    assert_eq!(later["agreements"], Value::Array(vec![]));
    assert_eq!(
        stdout_of(&["-q", "as-of", "2017", "--certain", "--jsonl"]),
        ""
    );
    let table = stdout_of(&["-q", "as-of", "2016-06-04"]);
    assert!(table.starts_with(
        "As of 2016-06-04: 9 agreement(s), 7 office(s), 10 membership(s)\n\nAgreements, by state\n"
    ));
    assert!(table.contains("\nOffices\n") && table.contains("\nMemberships\n"));
}

#[test]
fn timeline_kinds_parties_statements_and_limit() {
    let meetings = json_of(&[
        "-q", "timeline", "--kind", "meeting", "--with", "KOR", "--with", "Tokyo", "--from",
        "2016-06", "--json",
    ]);
    assert_eq!(
        field(&meetings, "/subject/id"),
        [
            "nakatani-han-meeting-2016-06-04",
            "trilateral-meeting-2016-06-04"
        ]
    );
    let said = json_of(&[
        "-q",
        "timeline",
        "--kind",
        "statement",
        "--with",
        "Lu Yin",
        "--json",
    ]);
    assert_eq!(
        field(&said, "/description"),
        [
            "statement by Lu Yin [reporting date]",
            "statement by Lu Yin [reporting date]",
            "statement by Lu Yin [reporting date]",
            "statement by Lu Yin [reporting date]"
        ]
    );
    assert_eq!(said[0]["what"]["type"], "statement");
    assert_eq!(said[0]["what"]["reported"], true);
    let all = jsonl_of(&["-q", "timeline", "--statements", "--jsonl"]);
    assert_eq!(all.len(), 15 + 24);
    // --limit keeps the first entries and says how many were left out.
    cmd()
        .args(["timeline", "--statements", "--limit", "2", "--json"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "note: showing the first 2 of 39 entries (--limit 2); 37 left out",
        ))
        .stdout(predicate::function(|out: &str| {
            serde_json::from_str::<Value>(out)
                .is_ok_and(|v| v.as_array().is_some_and(|a| a.len() == 2))
        }));
    cmd()
        .args(["-q", "timeline", "--from", "2016-02", "--to", "2016-01"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: the timeline window is reversed: its end, 2016-01, comes before its start, \
             2016-02; give the earlier date as the start\n",
        );
    cmd()
        .args(["-q", "timeline", "--kind", "lifecycles"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a similar value exists: 'lifecycle'",
        ));
    cmd()
        .args(["-q", "timeline", "--with", "Atlantis"])
        .assert()
        .code(1);
}

/// A state and its ministry both party to one agreement: one route, not one per acting body.
const ACTING: &str = r#"{"diplograph": "1", "nodes": [
  {"id": "KOR", "kind": "country", "name": "South Korea"},
  {"id": "JPN", "kind": "country", "name": "Japan"},
  {"id": "kor-mnd", "kind": "organization", "name": "Ministry of National Defense", "org_kind": "ministry"},
  {"id": "jpn-mod", "kind": "organization", "name": "Ministry of Defense", "org_kind": "ministry"},
  {"id": "pact", "kind": "agreement", "name": "Pact", "agreement_kind": "arrangement",
   "lifecycle": [{"state": "in_force", "date": "2010"}]},
  {"id": "line", "kind": "agreement", "name": "Line", "agreement_kind": "arrangement",
   "lifecycle": [{"state": "in_force", "date": "2012"}]}
], "edges": [
  {"kind": "part_of", "from": "kor-mnd", "to": "KOR"},
  {"kind": "part_of", "from": "jpn-mod", "to": "JPN"},
  {"kind": "party_to", "from": "KOR", "to": "pact"},
  {"kind": "party_to", "from": "kor-mnd", "to": "pact"},
  {"kind": "party_to", "from": "JPN", "to": "pact"},
  {"kind": "party_to", "from": "jpn-mod", "to": "pact"},
  {"kind": "party_to", "from": "kor-mnd", "to": "line"},
  {"kind": "party_to", "from": "jpn-mod", "to": "line"}
]}"#;

#[test]
fn path_alternatives_are_different_routes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("acting.json");
    std::fs::write(&file, ACTING).unwrap();
    let file = file.to_str().unwrap();
    let chains = jsonl_of(&["-q", "path", "KOR", "JPN", file, "-k", "5", "--jsonl"]);
    let links: Vec<&str> = chains
        .iter()
        .map(|c| c["hops"][0]["link"]["agreement"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(links, ["line", "pact"]);
    assert_eq!(chains[0]["hops"][0]["from_party"]["id"], "kor-mnd");
    assert_eq!(chains[1]["hops"][0]["from_party"], Value::Null);
    cmd()
        .args(["-q", "path", "KOR", "PRK", "--jsonl"])
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn the_new_vocabularies_are_in_help_and_completions() {
    let help = stdout_of(&["timeline", "--help"]);
    assert!(help.contains("[possible values: event, meeting, summit, exercise, nuclear_test,"));
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout_of(&["completions", shell]);
        for value in [
            "nuclear_test",
            "lifecycle",
            "in_force",
            "memorandum_of_understanding",
        ] {
            assert!(script.contains(value), "{shell} completion lacks {value}");
        }
    }
}
