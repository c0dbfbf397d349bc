//! Facts known only on a date: `attested` on edges, the derived rule (a dated citing source
//! attests its date), and answers that say `certain` or `possible`, with exact answers before,
//! on and after attested dates.
#![expect(clippy::expect_used, reason = "a test's helpers should fail loudly")]

use diplograph::merge::{merge, MergeOptions};
use diplograph::model::{Edge, EdgeKind, Node, NodeDetails, StatementText};
use diplograph::provenance::Citation;
use diplograph::query::{certain_only, Certainty, ChainQuery, Family, Office, StatementQuery};
use diplograph::time::PartialDate;
use diplograph::{Error, Graph};

fn d(s: &str) -> PartialDate {
    s.parse().expect("a valid date")
}

const OFFICES: &str = include_str!("data/offices-attested.json");

fn offices() -> Graph {
    diplograph::format::from_str(OFFICES).expect("valid")
}

/// The test file with the office edge of `person` changed by `f` (removed when it gives
/// `None`).
fn offices_with(person: &str, f: impl Fn(serde_json::Value) -> Option<serde_json::Value>) -> Graph {
    let mut doc: serde_json::Value = serde_json::from_str(OFFICES).expect("JSON");
    let edges = doc["edges"].as_array_mut().expect("edges");
    let old = std::mem::take(edges);
    for e in old {
        if e["from"] == person && e["kind"] == "holds_office" {
            edges.extend(f(e));
        } else {
            edges.push(e);
        }
    }
    diplograph::format::from_str(&doc.to_string()).expect("valid")
}

/// Each holder as `person certainty nearest-attested-date (reported|attested)`.
fn holders(g: &Graph, office: &str, on: &str) -> Vec<String> {
    let found = g.office_holders(office, Some(&d(on))).expect("resolves");
    show(&found)
}

fn show(found: &[Office]) -> Vec<String> {
    found
        .iter()
        .map(|o| {
            let near = o.validity.attested.as_ref().map_or_else(
                || "-".to_owned(),
                |a| {
                    let how = if a.is_reported() {
                        "reported"
                    } else {
                        "attested"
                    };
                    format!("{how} {}", a.date)
                },
            );
            format!("{} {} {near}", o.person.id, o.validity.certainty)
        })
        .collect()
}

fn problems_of(r: diplograph::Result<Graph>) -> Vec<diplograph::Problem> {
    match r {
        Err(e @ Error::Invalid { .. }) => e.problems().map(<[_]>::to_vec).unwrap_or_default(),
        other => unreachable!("expected problems, got {other:?}"),
    }
}

#[test]
fn the_file_loads_and_its_attestations_follow_the_derived_rule() {
    let g = offices();
    assert_eq!((g.node_count(), g.edge_count()), (9, 4));
    let att = |person: &str| -> Vec<(String, Option<String>)> {
        let ix = g.resolve(person).expect("a person");
        let e = g
            .edges_from(ix, Some(EdgeKind::HoldsOffice))
            .next()
            .expect("an office");
        g.attestations(e.edge)
            .into_iter()
            .map(|a| (a.date.to_string(), a.source))
            .collect()
    };
    // Han's edge states no date: the Straits Times of 4 June 2016 citing it attests that day.
    assert_eq!(
        att("han-min-koo"),
        [("2016-06-04".to_owned(), Some("st-2016-06-04".to_owned()))]
    );
    // Suh's edge states its date: that one, as the data's own.
    assert_eq!(att("suh-wook"), [("2021-03-17".to_owned(), None)]);
    // Jeong's term is dated, and its source is not: nothing attested.
    assert_eq!(att("jeong-kyeong-doo"), []);
}

#[test]
fn defence_ministers_before_on_between_and_after_attested_dates() {
    let g = offices();
    let mnd = "Ministry of National Defense (South Korea)";
    // Before any report: both undated holders are possible, neither certain.
    assert_eq!(
        holders(&g, mnd, "2015-03-01"),
        [
            "han-min-koo possible reported 2016-06-04",
            "suh-wook possible attested 2021-03-17"
        ]
    );
    // On the day of the report naming Han: Han certain.
    assert_eq!(
        holders(&g, mnd, "2016-06-04"),
        [
            "han-min-koo certain reported 2016-06-04",
            "suh-wook possible attested 2021-03-17"
        ]
    );
    // The day after: the report no longer makes him certain.
    assert_eq!(
        holders(&g, mnd, "2016-06-05"),
        [
            "han-min-koo possible reported 2016-06-04",
            "suh-wook possible attested 2021-03-17"
        ]
    );
    // During Jeong's dated term: Jeong certain; the undated holders remain possible.
    assert_eq!(
        holders(&g, mnd, "2019-01-01"),
        [
            "han-min-koo possible reported 2016-06-04",
            "jeong-kyeong-doo certain -",
            "suh-wook possible attested 2021-03-17"
        ]
    );
    // On the day Suh met Austin: Suh certain; Jeong's term is over.
    assert_eq!(
        holders(&g, mnd, "2021-03-17"),
        [
            "han-min-koo possible reported 2016-06-04",
            "suh-wook certain attested 2021-03-17"
        ]
    );
    // Who was South Korea's defence minister in 2024? No certain answer.
    assert_eq!(
        holders(&g, "Minister of National Defense", "2024"),
        [
            "han-min-koo possible reported 2016-06-04",
            "suh-wook possible attested 2021-03-17"
        ]
    );
    let in_2024 = g
        .office_holders("Minister of National Defense", Some(&d("2024")))
        .expect("resolves");
    assert!(certain_only(in_2024).is_empty());
    // A year is not a day: 2016 as a whole is not certain from one day's report.
    assert_eq!(
        holders(&g, mnd, "2016")[0],
        "han-min-koo possible reported 2016-06-04"
    );
    // With no date: every holder ever, each certain (it held at some time).
    let ever = g.office_holders(mnd, None).expect("resolves");
    assert_eq!(
        show(&ever),
        [
            "han-min-koo certain reported 2016-06-04",
            "jeong-kyeong-doo certain -",
            "suh-wook certain attested 2021-03-17"
        ]
    );
}

#[test]
fn an_undated_holder_is_not_certain_beside_a_dated_one() {
    let mut g = offices();
    // Song Young-moo's last day in office was the day Jeong Kyeong-doo's term began (21
    // September 2018): a report of that day attests Song, while the record dates Jeong's term
    // from it. Both are answered, Jeong as certain, Song only as possible.
    g.relate(
        "song-young-moo",
        "kor-mnd",
        Edge::new(EdgeKind::HoldsOffice)
            .with_title("Minister of National Defense")
            .with_attested(d("2018-09-21")),
    )
    .expect("relates");
    assert_eq!(
        holders(&g, "kor-mnd", "2018-09-21"),
        [
            "han-min-koo possible reported 2016-06-04",
            "jeong-kyeong-doo certain -",
            "song-young-moo possible attested 2018-09-21",
            "suh-wook possible attested 2021-03-17"
        ]
    );
    // Asked about Song alone, the same answer.
    let song = g.resolve("Song Young-moo").expect("a person");
    assert_eq!(
        show(&g.offices_of(song, Some(&d("2018-09-21")))),
        ["song-young-moo possible attested 2018-09-21"]
    );
    // And so does the ministry's profile, relation by relation.
    let mnd = g.resolve("kor-mnd").expect("the ministry");
    let profile = g.profile(mnd, Some(&d("2018-09-21"))).expect("a node");
    let holders: Vec<String> = profile
        .relations
        .iter()
        .filter(|r| r.kind == EdgeKind::HoldsOffice)
        .map(|r| format!("{} {:?}", r.other.id, r.certainty))
        .collect();
    assert_eq!(
        holders,
        [
            "han-min-koo Some(Possible)",
            "jeong-kyeong-doo Some(Certain)",
            "song-young-moo Some(Possible)",
            "suh-wook Some(Possible)"
        ]
    );
    // With no dated holder that day, the report makes Song certain.
    let mut g = offices_with("jeong-kyeong-doo", |_| None);
    g.relate(
        "song-young-moo",
        "kor-mnd",
        Edge::new(EdgeKind::HoldsOffice)
            .with_title("Minister of National Defense")
            .with_attested(d("2018-09-21")),
    )
    .expect("relates");
    let song = g.resolve("Song Young-moo").expect("a person");
    assert_eq!(
        show(&g.offices_of(song, Some(&d("2018-09-21")))),
        ["song-young-moo certain attested 2018-09-21"]
    );
}

#[test]
fn the_example_attests_what_the_article_says_on_4_june_2016() {
    let g = diplograph::example();
    let (kor, usa) = (
        g.resolve("KOR").expect("KOR"),
        g.resolve("USA").expect("USA"),
    );
    let links = |on: &str| -> Vec<String> {
        g.agreements_between(kor, usa, Some(&d(on)))
            .iter()
            .map(|l| format!("{} {} {}", l.agreement.id, l.state.certainty, l.certainty))
            .collect()
    };
    assert_eq!(
        links("2016-06-04"),
        [
            "gsomia-kor-usa certain certain",
            "six-party-talks certain certain",
            "trilateral-cooperation-2016 certain certain",
            "trilateral-info-sharing certain certain"
        ]
    );
    // A year later nothing in the article says the pacts still held, or who was party.
    assert_eq!(
        links("2017-06-04"),
        [
            "gsomia-kor-usa possible possible",
            "six-party-talks possible possible",
            "trilateral-cooperation-2016 possible possible",
            "trilateral-info-sharing possible possible"
        ]
    );
    let later = g.agreements_between(kor, usa, Some(&d("2017-06-04")));
    assert!(certain_only(later).is_empty());
    // The parties of the KOR–USA GSOMIA: certain on the day, possible before it.
    let gsomia = g.resolve("gsomia-kor-usa").expect("the pact");
    let parties = |on: &str| -> Vec<String> {
        g.parties(gsomia, Some(&d(on)))
            .iter()
            .map(|p| format!("{} {}", p.party.id, p.validity.certainty))
            .collect()
    };
    assert_eq!(parties("2016-06-04"), ["KOR certain", "USA certain"]);
    assert_eq!(parties("2012"), ["KOR possible", "USA possible"]);
    // Offices: all seven certain on the day, none a month later.
    let view = g.as_of(d("2016-06-04"));
    assert_eq!(view.offices().len(), 7);
    assert_eq!(certain_only(view.offices()).len(), 7);
    let month_later = g.as_of(d("2016-07-04"));
    assert_eq!(month_later.offices().len(), 7);
    assert!(certain_only(month_later.offices()).is_empty());
    // Memberships and part-of relations cite the dated article: certain that day only.
    assert_eq!(
        certain_only(view.memberships()).len(),
        view.memberships().len()
    );
    assert!(certain_only(month_later.memberships()).is_empty());
}

#[test]
fn chains_say_how_surely_each_hop_held() {
    let g = diplograph::example();
    let (kor, jpn) = (
        g.resolve("KOR").expect("KOR"),
        g.resolve("JPN").expect("JPN"),
    );
    let q = |on: &str| ChainQuery::new(Family::Intelligence).with_on(d(on));
    let on_day = g.chains(kor, jpn, &q("2016-06-04"));
    assert_eq!(on_day.len(), 1);
    assert_eq!(on_day[0].certainty, Certainty::Certain);
    assert!(on_day[0]
        .hops
        .iter()
        .all(|h| h.certainty == Certainty::Certain));
    let later = g.chains(kor, jpn, &q("2016-12-01"));
    assert_eq!(later[0].links(), ["gsomia-kor-usa", "gsomia-jpn-usa"]);
    assert_eq!(later[0].certainty, Certainty::Possible);
    assert!(g
        .chains(kor, jpn, &q("2016-12-01").with_certain(true))
        .is_empty());
    assert_eq!(
        g.chains(kor, jpn, &q("2016-06-04").with_certain(true))[0].stops(),
        ["KOR", "USA", "JPN"]
    );
}

#[test]
fn attested_dates_are_read_in_both_forms_and_written_back() {
    let doc = |attested: &str| {
        format!(
            r#"{{"diplograph": "1", "nodes": [
  {{"id": "p", "kind": "person", "name": "P"}},
  {{"id": "KOR", "kind": "country", "name": "South Korea"}}],
 "edges": [{{"kind": "holds_office", "from": "p", "to": "KOR", "title": "Minister", "attested": {attested}}}]}}"#
        )
    };
    let one = diplograph::format::from_str(&doc(r#""2016-06-04""#)).expect("valid");
    let text = diplograph::format::to_string(&one);
    assert!(text.contains(r#""attested": "2016-06-04","#), "{text}");
    // Several, unsorted and repeated: kept sorted, each once, written as a list.
    let many = diplograph::format::from_str(&doc(r#"["2021-05", "2016-06-04", "2021-05"]"#))
        .expect("valid");
    let e = many.edges().next().expect("an edge");
    let dates: Vec<String> = e.edge.attested.iter().map(ToString::to_string).collect();
    assert_eq!(dates, ["2016-06-04", "2021-05"]);
    let text = diplograph::format::to_string(&many);
    assert!(
        text.contains("\"attested\": [\n        \"2016-06-04\",\n        \"2021-05\"\n      ],"),
        "{text}"
    );
    let again = diplograph::format::from_str(&text).expect("valid");
    assert_eq!(diplograph::format::to_string(&again), text);
    // A bad date is an invalid-date problem located at the date.
    let bad = diplograph::format::from_str(&doc(r#"["2016-06-04", "2016-13"]"#));
    let problems = problems_of(bad);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code.as_str(), "invalid-date");
    assert_eq!(problems[0].location.path, "/edges/0/attested/1");
    // Neither a date nor a list: invalid-value, saying what is expected.
    let problems = problems_of(diplograph::format::from_str(&doc("12")));
    assert_eq!(problems[0].code.as_str(), "invalid-value");
    assert!(
        problems[0]
            .message
            .contains("a date string (YYYY, YYYY-MM or YYYY-MM-DD) or a list"),
        "{}",
        problems[0].message
    );
}

#[test]
fn an_attested_date_outside_the_interval_is_a_problem() {
    let doc = |attested: &str| {
        format!(
            r#"{{"diplograph": "1", "nodes": [
  {{"id": "p", "kind": "person", "name": "P"}},
  {{"id": "KOR", "kind": "country", "name": "South Korea"}}],
 "edges": [{{"kind": "holds_office", "from": "p", "to": "KOR", "title": "Minister", "start": "2018-09-21", "end": "2020-09-18", "attested": {attested}}}]}}"#
        )
    };
    assert!(diplograph::format::from_str(&doc(r#""2019-03""#)).is_ok());
    // Only partly inside (September 2020 runs past the 18th): not a problem.
    assert!(diplograph::format::from_str(&doc(r#""2020-09""#)).is_ok());
    let problems = problems_of(diplograph::format::from_str(&doc(
        r#"["2019", "2021-03-17"]"#,
    )));
    let shown: Vec<String> = problems
        .iter()
        .map(|p| format!("{} {} {}", p.code, p.location.path, p.message))
        .collect();
    assert_eq!(
        shown,
        ["attested-outside-interval /edges/0/attested/1 edge p -holds_office-> KOR is attested on \
          2021-03-17, outside its own interval 2018-09-21 .. 2020-09-18; correct the date or widen \
          `start`/`end`"]
    );
    // The builder runs the same rule.
    let mut g = Graph::new();
    g.add_node(Node::new("p", "P", NodeDetails::Person))
        .expect("adds");
    g.add_node(Node::new("KOR", "South Korea", NodeDetails::Country))
        .expect("adds");
    let err = g
        .relate(
            "p",
            "KOR",
            Edge::new(EdgeKind::HoldsOffice)
                .with_title("Minister")
                .valid(Some(d("2018")), Some(d("2020")))
                .with_attested(d("2016-06-04")),
        )
        .expect_err("outside its interval");
    assert!(
        err.to_string().contains("attested-outside-interval"),
        "{err}"
    );
}

#[test]
fn merging_unites_the_attested_dates() {
    let edge = |date: &str| {
        offices_with("han-min-koo", |mut e| {
            e["attested"] = serde_json::json!(date);
            Some(e)
        })
    };
    let (a, b) = (edge("2016-06-04"), edge("2016-11-23"));
    let merged = merge(&[("a", &a), ("b", &b)], MergeOptions::default())
        .expect("merges")
        .graph;
    let han = merged.resolve("han-min-koo").expect("Han");
    let offices: Vec<Vec<String>> = merged
        .edges_from(han, Some(EdgeKind::HoldsOffice))
        .map(|e| e.edge.attested.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(offices, [["2016-06-04", "2016-11-23"]]);
    // Certain on each attested day, not between them.
    let on = |day: &str| show(&merged.offices_of(han, Some(&d(day))));
    assert_eq!(
        on("2016-11-23"),
        ["han-min-koo certain attested 2016-11-23"]
    );
    assert_eq!(
        on("2016-08-01"),
        ["han-min-koo possible attested 2016-06-04"]
    );
}

#[test]
fn a_statement_with_no_date_shows_its_reporting_date() {
    let mut g = Graph::new();
    for n in [
        Node::new("p", "Han Min-koo", NodeDetails::Person),
        Node::new(
            "st",
            "Straits Times, 4 June 2016",
            NodeDetails::Source {
                date: Some(d("2016-06-04")),
                url: None,
                text: None,
            },
        ),
        Node::new(
            "s",
            "Han on the talks",
            NodeDetails::Statement {
                text: StatementText::Paraphrase("The talks will continue.".to_owned()),
                date: None,
                cue: None,
            },
        )
        .with_citation(Citation::new("st")),
    ] {
        g.add_node(n).expect("adds");
    }
    g.relate("p", "s", Edge::new(EdgeKind::Said))
        .expect("relates");
    let found = g.statements(&StatementQuery::default());
    let reported = found[0].reported.as_ref().expect("a reporting date");
    assert_eq!(
        (
            found[0].date,
            reported.date.to_string(),
            reported.source.as_deref()
        ),
        (None, "2016-06-04".to_owned(), Some("st"))
    );
    // A statement with its own date has no reporting date.
    let example = diplograph::example();
    let dated = example.statements(&StatementQuery::default());
    assert!(dated
        .iter()
        .all(|s| s.date.is_some() == s.reported.is_none()));
}

#[test]
fn a_file_from_before_attestation_loads_and_means_the_same() {
    // The example as it was before edges carried `attested`: its office edges state no date.
    let before = diplograph::EXAMPLE_JSON.replace("\n      \"attested\": \"2016-06-04\",", "");
    assert_ne!(before, diplograph::EXAMPLE_JSON);
    let old = diplograph::format::from_str(&before).expect("still valid");
    assert!(old.edges().all(|e| e.edge.attested.is_empty()));
    let now = diplograph::example();
    assert_eq!(
        (old.node_count(), old.edge_count()),
        (now.node_count(), now.edge_count())
    );
    // Its facts are attested by the article citing them: the same answers, certain that day
    // and possible after it.
    for g in [&old, &now] {
        let day = g.as_of(d("2016-06-04"));
        assert_eq!(certain_only(day.offices()).len(), 7);
        let later = g.as_of(d("2017"));
        assert_eq!(later.offices().len(), 7);
        assert!(certain_only(later.offices()).is_empty());
    }
}
