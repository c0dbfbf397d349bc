//! One failing input per validation rule, with its exact code, id and line:column; and every
//! problem of a file reported at once.

mod common;
use common::problems;

fn doc(nodes: &str, edges: &str) -> String {
    format!("{{\"diplograph\": \"1\",\n\"nodes\": [\n{nodes}\n],\n\"edges\": [\n{edges}\n]}}")
}

const SRC: &str = r#"{"id": "src", "kind": "source", "name": "S", "text": "Seoul said so."}"#;
const KOR: &str = r#"{"id": "KOR", "kind": "country", "name": "South Korea"}"#;
const USA: &str = r#"{"id": "USA", "kind": "country", "name": "United States"}"#;
const JPN: &str = r#"{"id": "JPN", "kind": "country", "name": "Japan"}"#;
const PACT: &str =
    r#"{"id": "pact", "kind": "agreement", "name": "Pact", "agreement_kind": "gsomia"}"#;

const ST: &str = r#"{"id": "st", "kind": "statement", "name": "S", "paraphrase": "P"}"#;
const YON: &str =
    r#"{"id": "yon", "kind": "organization", "name": "Yonhap", "org_kind": "news_outlet"}"#;
const REU: &str =
    r#"{"id": "reu", "kind": "organization", "name": "Reuters", "org_kind": "news_outlet"}"#;

#[test]
fn each_rule_has_its_code_and_place() {
    let cases = [
        ("json-syntax", vec!["json-syntax 2:12 - "], "{\"diplograph\": \"1\",\n \"nodes\": [}".to_owned()),
        ("truncated", vec!["json-syntax 1:30 - "], "{\"diplograph\": \"1\", \"nodes\": [".to_owned()),
        ("unknown-version", vec!["unknown-version 1:16 - /diplograph"], "{\"diplograph\": \"2\"}".to_owned()),
        ("missing-version", vec!["unknown-version 1:1 - /diplograph"], "{\"nodes\": []}".to_owned()),
        ("duplicate-id", vec!["duplicate-id 4:8 KOR /nodes/1/id"], doc(&format!("{KOR},\n{KOR}"), "")),
        ("dangling", vec!["dangling-reference 6:43 KOR -party_to-> nowhere /edges/0/to"], doc(KOR, r#"{"kind": "party_to", "from": "KOR", "to": "nowhere"}"#)),
        ("endpoint", vec!["edge-endpoint-kind 7:10 KOR -party_to-> USA /edges/0/kind"], doc(&format!("{KOR},\n{USA}"), r#"{"kind": "party_to", "from": "KOR", "to": "USA"}"#)),
        ("kind-field", vec!["kind-field 3:56 p /nodes/0/org_kind"], doc(r#"{"id": "p", "kind": "person", "name": "P", "org_kind": "ministry"}"#, "")),
        ("kind-field-missing", vec!["kind-field 3:1 o /nodes/0"], doc(r#"{"id": "o", "kind": "organization", "name": "O"}"#, "")),
        ("invalid-date", vec!["invalid-date 3:75 e /nodes/0/date"], doc(r#"{"id": "e", "kind": "event", "name": "E", "event_kind": "summit", "date": "2016-02-30"}"#, "")),
        ("interval", vec!["interval-reversed 7:77 KOR -allied_with-> USA /edges/0/end"], doc(&format!("{KOR},\n{USA}"), r#"{"kind": "allied_with", "from": "KOR", "to": "USA", "start": "2016", "end": "2015-12"}"#)),
        ("lifecycle", vec!["lifecycle-order 3:138 t /nodes/0/lifecycle/1/state", "lifecycle-order 3:156 t /nodes/0/lifecycle/1/date"], doc(r#"{"id": "t", "kind": "agreement", "name": "T", "agreement_kind": "treaty", "lifecycle": [{"state": "in_force", "date": "2016"}, {"state": "signed", "date": "2015"}]}"#, "")),
        ("bilateral", vec!["bilateral-party-count 6:71 pact /nodes/3/agreement_kind"], doc(&format!("{KOR},\n{USA},\n{JPN},\n{PACT}"), "{\"kind\": \"party_to\", \"from\": \"KOR\", \"to\": \"pact\"},\n{\"kind\": \"party_to\", \"from\": \"USA\", \"to\": \"pact\"},\n{\"kind\": \"party_to\", \"from\": \"JPN\", \"to\": \"pact\"}")),
        ("missing-source", vec!["missing-source 3:82 KOR /nodes/0/citations/0/source"], doc(r#"{"id": "KOR", "kind": "country", "name": "South Korea", "citations": [{"source": "nope"}]}"#, "")),
        ("span-out", vec!["span-out-of-range 4:97 KOR /nodes/1/citations/0/span"], doc(&format!("{SRC},\n{}", r#"{"id": "KOR", "kind": "country", "name": "South Korea", "citations": [{"source": "src", "span": [0, 99]}]}"#), "")),
        ("span-text", vec!["span-text-mismatch 4:113 KOR /nodes/1/citations/0/text"], doc(&format!("{SRC},\n{}", r#"{"id": "KOR", "kind": "country", "name": "South Korea", "citations": [{"source": "src", "span": [0, 5], "text": "Tokyo"}]}"#), "")),
        ("alias", vec!["alias-conflict 4:56 x /nodes/1/aliases/0"], doc(&format!("{KOR},\n{}", r#"{"id": "x", "kind": "person", "name": "X", "aliases": ["Seoul"]}"#), "")),
        ("external-id", vec!["external-id-conflict 4:88 USA /nodes/1/external_ids/wikidata"], doc(r#"{"id": "KOR", "kind": "country", "name": "South Korea", "external_ids": {"wikidata": "Q884"}},
{"id": "USA", "kind": "country", "name": "United States", "external_ids": {"wikidata": "Q884"}}"#, "")),
        ("iso", vec!["unknown-iso-code 3:8 KR /nodes/0/id"], doc(r#"{"id": "KR", "kind": "country", "name": "Korea"}"#, "")),
        ("range", vec!["out-of-range 7:62 KOR -trades_with-> USA /edges/0/share"], doc(&format!("{KOR},\n{USA}"), r#"{"kind": "trades_with", "from": "KOR", "to": "USA", "share": 1.5}"#)),
        ("control-name", vec!["invalid-value 3:39 p /nodes/0/name"], doc(r#"{"id": "p", "kind": "person", "name": "\u0000\t"}"#, "")),
        ("statement-both", vec!["kind-field 3:1 s /nodes/0"], doc(r#"{"id": "s", "kind": "statement", "name": "S", "quote": "a", "paraphrase": "b"}"#, "")),
        ("invalid-value", vec!["invalid-value 3:42 KOR /nodes/0/name"], doc(r#"{"id": "KOR", "kind": "country", "name": 7}"#, "")),
        ("unknown-kind", vec!["invalid-value 3:23 KOR /nodes/0/kind"], doc(r#"{"id": "KOR", "kind": "nation", "name": "K"}"#, "")),
        ("chain-position", vec!["duplicate-chain-position 9:64 st -reported_by-> yon /edges/1/position"], doc(&format!("{ST},\n{YON},\n{REU}"), "{\"kind\": \"reported_by\", \"from\": \"st\", \"to\": \"reu\", \"position\": 1},\n{\"kind\": \"reported_by\", \"from\": \"st\", \"to\": \"yon\", \"position\": 1, \"chain\": 1}")),
        ("chain-zero", vec!["out-of-range 7:76 st -reported_by-> yon /edges/0/chain"], doc(&format!("{ST},\n{YON}"), r#"{"kind": "reported_by", "from": "st", "to": "yon", "position": 1, "chain": 0}"#)),
        ("chain-kind", vec!["kind-field 7:55 st -about-> yon /edges/0/chain"], doc(&format!("{ST},\n{YON}"), r#"{"kind": "about", "from": "st", "to": "yon", "chain": 2}"#)),
        ("unnamed-no-description", vec!["kind-field 3:1 p /nodes/0"], doc(r#"{"id": "p", "kind": "person", "name": "P", "unnamed": true}"#, "")),
        ("unnamed-false", vec!["kind-field 3:55 p /nodes/0/unnamed"], doc(r#"{"id": "p", "kind": "person", "name": "P", "unnamed": false}"#, "")),
        ("description-alone", vec!["kind-field 3:59 p /nodes/0/description"], doc(r#"{"id": "p", "kind": "person", "name": "P", "description": "an official"}"#, "")),
        ("unnamed-country", vec!["kind-field 3:58 KOR /nodes/0/unnamed", "kind-field 3:79 KOR /nodes/0/description"], doc(r#"{"id": "KOR", "kind": "country", "name": "K", "unnamed": true, "description": "a state"}"#, "")),
        ("cue-on-person", vec!["kind-field 3:51 p /nodes/0/cue"], doc(r#"{"id": "p", "kind": "person", "name": "P", "cue": {"words": "said"}}"#, "")),
        ("cue-blank", vec!["invalid-value 3:84 st /nodes/0/cue/words"], doc(r#"{"id": "st", "kind": "statement", "name": "S", "paraphrase": "P", "cue": {"words": " "}}"#, "")),
        ("cue-missing-source", vec!["missing-source 3:117 st /nodes/0/cue/citations/0/source"], doc(r#"{"id": "st", "kind": "statement", "name": "S", "paraphrase": "P", "cue": {"words": "said", "citations": [{"source": "nope"}]}}"#, "")),
        ("made-at-endpoint", vec!["edge-endpoint-kind 7:10 st -made_at-> KOR /edges/0/kind"], doc(&format!("{ST},\n{KOR}"), r#"{"kind": "made_at", "from": "st", "to": "KOR"}"#)),
    ];
    for (name, want, text) in cases {
        assert_eq!(problems(&text), want, "case {name}");
    }
}

#[test]
fn messages_say_what_to_do() {
    let message = |text: &str| {
        diplograph::format::from_str(text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        message(&doc(r#"{"id": "KR", "kind": "country", "name": "Korea"}"#, "")),
        "1 problem(s) found:\n<input>:3:8 (/nodes/0/id): error[unknown-iso-code]: country id `KR` is not a known country code (an ISO 3166-1 alpha-3 code, an ISO 3166-3 code of a former state, or `XKX`) (did you mean `KOR`, South Korea?)"
    );
    assert_eq!(
        message(&doc(&format!("{KOR},\n{USA}"), r#"{"kind": "party_to", "from": "KOR", "to": "USA"}"#)),
        "1 problem(s) found:\n<input>:7:10 (/edges/0/kind): error[edge-endpoint-kind]: a `party_to` edge goes from country or organization to agreement, but this one goes from country `KOR` to country `USA`"
    );
}

#[test]
fn a_chain_position_held_twice_says_how_to_tell_the_reports_apart() {
    let text = include_str!("data/gsomia-notice-reports-2019-08.json").replace("\"chain\": 2,", "");
    let found = common::load_problems(&text);
    let messages: Vec<(&str, &str)> = found
        .iter()
        .map(|p| (p.code.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [(
            "duplicate-chain-position",
            "statement `stmt-kim-end-gsomia` is reported by `yonhap` at position 1 of chain 1, \
             which `reuters` already holds; give a different `position`, or, for a report that \
             did not pass through the other, a `chain` of its own (2, 3 …)"
        )]
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = doc(
        &format!("{KOR},\n{KOR},\n{}", r#"{"id": "XX", "kind": "country", "name": "Nowhere"}"#),
        "{\"kind\": \"party_to\", \"from\": \"KOR\", \"to\": \"ghost\"},\n{\"kind\": \"said\", \"from\": \"KOR\", \"to\": \"KOR\"}",
    );
    assert_eq!(
        problems(&text),
        [
            "duplicate-id 4:8 KOR /nodes/1/id",
            "unknown-iso-code 5:8 XX /nodes/2/id",
            "dangling-reference 8:43 KOR -party_to-> ghost /edges/0/to",
            "edge-endpoint-kind 9:10 KOR -said-> KOR /edges/1/kind",
        ]
    );
}

#[test]
fn builder_checks_each_addition() {
    use diplograph::model::{Edge, EdgeKind, Node, NodeDetails};
    let mut g = diplograph::Graph::new();
    let err = g
        .add_node(Node::new("ROK", "Korea", NodeDetails::Country))
        .err();
    assert_eq!(
        err.and_then(|e| e.problems().map(|p| p[0].code.as_str())),
        Some("unknown-iso-code")
    );
    g.add_node(Node::new("KOR", "South Korea", NodeDetails::Country))
        .unwrap();
    let err = g
        .add_node(Node::new("KOR", "Korea", NodeDetails::Country))
        .err();
    assert_eq!(
        err.and_then(|e| e.problems().map(|p| p[0].code.as_str())),
        Some("duplicate-id")
    );
    let err = g
        .relate("KOR", "KOR", Edge::new(EdgeKind::HoldsOffice))
        .err();
    let codes: Vec<&str> = err
        .as_ref()
        .and_then(|e| e.problems())
        .map(|ps| ps.iter().map(|p| p.code.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(codes, ["kind-field", "edge-endpoint-kind"]);
    assert_eq!(g.edge_count(), 0);
}

/// Issue #19 item 3: an alias shared by many nodes is one problem, at its first claimant's
/// alias, with the count and the first claimants — not one per node listing all the others.
#[test]
fn a_shared_alias_is_one_problem_with_a_count() {
    let nodes: Vec<String> = (0..50)
        .map(|i| {
            format!(
                r#"{{"id": "p{i:02}", "kind": "person", "name": "P {i}", "aliases": ["Mr X"]}}"#
            )
        })
        .collect();
    let text = doc(&nodes.join(",\n"), "");
    assert_eq!(
        problems(&text),
        ["alias-conflict 3:60 p00 /nodes/0/aliases/0"]
    );
    let err = diplograph::format::from_str(&text).err();
    let messages: Vec<String> = err
        .as_ref()
        .and_then(|e| e.problems())
        .unwrap_or_default()
        .iter()
        .map(|p| p.message.clone())
        .collect();
    assert_eq!(
        messages,
        [
            "alias \"Mr X\" is a name of 50 nodes: `p00`, `p01`, `p02`, `p03`, `p04` and 45 more; \
          lookups by it would be ambiguous — drop it or make it more specific"
        ]
    );
}

/// Issue 12, sections 1 and 2: the rules about roles in an agreement and the country an
/// organization acts for, each with its code and place.
#[test]
fn party_roles_and_acting_for_have_their_codes() {
    const NET: &str =
        r#"{"id": "net", "kind": "agreement", "name": "Net", "agreement_kind": "arrangement"}"#;
    const MOD: &str =
        r#"{"id": "kor-mnd", "kind": "organization", "name": "MND", "org_kind": "ministry"}"#;
    let party = |from: &str, extra: &str| {
        format!(r#"{{"kind": "party_to", "from": "{from}", "to": "net"{extra}}}"#)
    };
    let countries = format!("{KOR},\n{USA},\n{JPN},\n{NET}");
    let cases = [
        (
            "spoke-without-hub",
            vec!["spoke-without-hub 9:58 net /edges/0/role"],
            doc(
                &countries,
                &[party("KOR", r#", "role": "spoke""#), party("USA", "")].join(",\n"),
            ),
        ),
        (
            "hub-count",
            vec![
                "hub-count 10:58 net /edges/1/role",
                "member-with-hub 11:1 net /edges/2",
            ],
            doc(
                &countries,
                &[
                    party("USA", r#", "role": "hub""#),
                    party("KOR", r#", "role": "hub""#),
                    party("JPN", ""),
                ]
                .join(",\n"),
            ),
        ),
        (
            "role-conflict",
            vec!["party-role-conflict 11:1 net /edges/2/role"],
            doc(
                &countries,
                &[
                    party("USA", r#", "role": "hub""#),
                    party("KOR", r#", "role": "spoke", "end": "2015""#),
                    party("KOR", r#", "start": "2016""#),
                ]
                .join(",\n"),
            ),
        ),
        (
            "role-kind-field",
            vec!["kind-field 9:61 KOR -allied_with-> USA /edges/0/role"],
            doc(
                &countries,
                r#"{"kind": "allied_with", "from": "KOR", "to": "USA", "role": "hub"}"#,
            ),
        ),
        (
            "acting-for-not-country",
            vec!["acting-for-not-country 10:68 kor-mnd -party_to-> net /edges/0/acting_for"],
            doc(
                &format!("{countries},\n{MOD}"),
                &party("kor-mnd", r#", "acting_for": "net""#),
            ),
        ),
        (
            "acting-for-from-country",
            vec!["kind-field 9:64 USA -party_to-> net /edges/0/acting_for"],
            doc(&countries, &party("USA", r#", "acting_for": "KOR""#)),
        ),
        (
            "acting-for-dangling",
            vec!["dangling-reference 10:68 kor-mnd -party_to-> net /edges/0/acting_for"],
            doc(
                &format!("{countries},\n{MOD}"),
                &party("kor-mnd", r#", "acting_for": "ROK""#),
            ),
        ),
        (
            "acting-for-conflict",
            vec!["acting-for-conflict 10:68 kor-mnd /edges/0/acting_for"],
            doc(
                &format!("{countries},\n{MOD}"),
                &[
                    party("kor-mnd", r#", "acting_for": "JPN""#),
                    r#"{"kind": "part_of", "from": "kor-mnd", "to": "KOR"}"#.to_owned(),
                ]
                .join(",\n"),
            ),
        ),
    ];
    for (name, want, text) in cases {
        assert_eq!(problems(&text), want, "case {name}");
    }
    // Stated or not, `member` is the default, and an acting body that agrees is fine.
    let fine = doc(
        &format!("{countries},\n{MOD}"),
        &[
            party("USA", r#", "role": "member""#),
            party("KOR", ""),
            party("JPN", r#", "role": "observer""#),
            party("kor-mnd", r#", "acting_for": "KOR""#),
            r#"{"kind": "part_of", "from": "kor-mnd", "to": "KOR"}"#.to_owned(),
        ]
        .join(",\n"),
    );
    assert_eq!(problems(&fine), Vec::<String>::new());
}

#[test]
fn role_and_acting_for_messages_say_what_to_do() {
    let message = |text: &str| {
        diplograph::format::from_str(text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    let net =
        r#"{"id": "net", "kind": "agreement", "name": "Net", "agreement_kind": "arrangement"}"#;
    assert_eq!(
        message(&doc(
            &format!("{KOR},\n{USA},\n{net}"),
            "{\"kind\": \"party_to\", \"from\": \"KOR\", \"to\": \"net\", \"role\": \"spoke\"},\n{\"kind\": \"party_to\", \"from\": \"USA\", \"to\": \"net\"}"
        )),
        "1 problem(s) found:\n<input>:8:58 (/edges/0/role): error[spoke-without-hub]: `KOR` is a spoke of agreement `net`, which has no hub; give its hub `\"role\": \"hub\"` or drop the spoke's role"
    );
    let mnd = r#"{"id": "mnd", "kind": "organization", "name": "MND", "org_kind": "ministry"}"#;
    assert_eq!(
        message(&doc(
            &format!("{KOR},\n{JPN},\n{net},\n{mnd}"),
            "{\"kind\": \"part_of\", \"from\": \"mnd\", \"to\": \"KOR\"},\n{\"kind\": \"party_to\", \"from\": \"mnd\", \"to\": \"net\", \"acting_for\": \"JPN\"}"
        )),
        "1 problem(s) found:\n<input>:10:64 (/edges/1/acting_for): error[acting-for-conflict]: `mnd` acts for `JPN` on its `party_to` edge to `net`, but is part of `KOR`; correct `acting_for` or the `part_of` edge"
    );
}
