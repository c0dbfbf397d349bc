//! `show` and `timeline` on treaty histories (tests/data/treaty-histories.json of the core
//! crate): derived states and notices in words and in JSON, statuses marked, what did not
//! happen left out unless asked.
#![expect(
    clippy::unwrap_used,
    reason = "test helpers fail the test on an unexpected error, with its message"
)]

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn data() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../diplograph/tests/data/treaty-histories.json")
        .to_str()
        .unwrap()
        .to_owned()
}

fn stdout_of(args: &[&str]) -> String {
    let out = Command::cargo_bin("diplograph")
        .unwrap()
        .env("COLUMNS", "200")
        .env("NO_COLOR", "1")
        .args(args)
        .arg(data())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn state_line(args: &[&str]) -> String {
    stdout_of(args)
        .lines()
        .find(|l| l.starts_with("state: "))
        .unwrap()
        .to_owned()
}

#[test]
fn show_gives_the_derived_state_with_its_notices() {
    assert_eq!(
        state_line(&["show", "open-skies", "--as-of", "2020-06-01"]),
        "state: in_force since 2002-01-01; notice of withdrawal of USA given 2020-05-22, effective 2020-11-22"
    );
    // Certain up to the last notice (only a treaty in force takes notice); after it, nothing
    // recorded says it still held: only possible.
    assert_eq!(
        state_line(&["show", "open-skies", "--as-of", "2024-01-01"]),
        "state: in_force since 2002-01-01; notice of withdrawal of USA given 2020-05-22, effective 2020-11-22 (took effect); notice of withdrawal of RUS given 2021-06-18, effective 2021-12-18 (took effect) [possible]"
    );
    assert_eq!(
        state_line(&["show", "gsomia-jpn-kor", "--as-of", "2019-11-23"]),
        "state: in_force since 2016-11-23; notice of termination given 2019-08-23, effective 2019-11-23 (suspended 2019-11-22, condition: South Korea may end the agreement at any time)"
    );
    assert_eq!(
        state_line(&["show", "new-start", "--as-of", "2026-02-05"]),
        "state: expired since 2026-02-05; derived: its term ran out; ratified by RUS 2011-01-28, USA 2011-02-02; participation of RUS suspended since 2023-02-21"
    );
    // The parties on the day the US withdrawal took effect: the United States is gone.
    let v: Value = serde_json::from_str(&stdout_of(&[
        "show",
        "open-skies",
        "--as-of",
        "2020-11-22",
        "--json",
    ]))
    .unwrap();
    let parties: Vec<&str> = v["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["party"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(parties, ["CAN", "DEU", "FRA", "GBR", "RUS"]);
    assert_eq!(v["state"]["derived"], false);
    assert_eq!(v["state"]["notices"][0]["outcome"], "took_effect");
    assert_eq!(v["state"]["notices"][0]["effective"], "2020-11-22");
}

#[test]
fn show_json_marks_a_derived_state() {
    let v: Value = serde_json::from_str(&stdout_of(&[
        "show",
        "new-start",
        "--as-of",
        "2026-03",
        "--json",
    ]))
    .unwrap();
    assert_eq!(v["state"]["state"], "expired");
    assert_eq!(v["state"]["derived"], true);
    assert_eq!(v["state"]["since"], "2026-02-05");
    assert_eq!(v["state"]["suspended_parties"][0]["party"], "RUS");
}

#[test]
fn show_marks_each_step_status_and_an_event_status() {
    let out = stdout_of(&["show", "gsomia-jpn-kor"]);
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("│ signed") || l.starts_with("│ expired"))
        .collect();
    assert_eq!(rows.len(), 3, "{out}");
    assert!(
        rows[0].contains("2012-06-29") && rows[0].contains("cancelled"),
        "{out}"
    );
    assert!(
        rows[1].contains("2016-11-23") && rows[1].contains("occurred"),
        "{out}"
    );
    assert!(rows[2].contains("did_not_happen"), "{out}");
    let event = stdout_of(&["show", "gsomia-signing-2012-06-29"]);
    assert!(event.lines().any(|l| l == "status: cancelled"), "{event}");
}

/// The `what` column of each timeline row (the first line of each entry).
fn whats(args: &[&str]) -> Vec<String> {
    stdout_of(args)
        .lines()
        .filter(|l| l.starts_with("│ 2"))
        .map(|l| {
            let cells: Vec<&str> = l.split('┆').map(str::trim).collect();
            format!("{} {}", cells[0].trim_start_matches("│ "), cells[1])
        })
        .collect()
}

#[test]
fn timeline_leaves_out_what_did_not_happen_unless_asked() {
    assert_eq!(
        whats(&["timeline", "--from", "2012", "--to", "2019"]),
        [
            "2016-11-23 signed",
            "2016-11-23 in_force",
            "2019-08-23 notice_given, effective 2019-11-23",
            "2019-11-22 notice_suspended",
        ]
    );
    assert_eq!(
        whats(&[
            "timeline",
            "--from",
            "2012",
            "--to",
            "2019",
            "--all-statuses"
        ]),
        [
            "2012-06-29 signed [cancelled]",
            "2012-06-29 signing [cancelled]",
            "2016-11-23 signed",
            "2016-11-23 in_force",
            "2019-08-23 notice_given, effective 2019-11-23",
            "2019-11-22 notice_suspended",
            "2019-11-23 expired [did_not_happen]",
        ]
    );
    let v: Value = serde_json::from_str(&stdout_of(&[
        "timeline",
        "--from",
        "2019-11-23",
        "--to",
        "2019-11-23",
        "--all-statuses",
        "--json",
    ]))
    .unwrap();
    assert_eq!(v[0]["status"], "did_not_happen");
    assert_eq!(v[0]["description"], "expired [did_not_happen]");
    assert_eq!(v[0]["what"]["state"], "expired");
}
