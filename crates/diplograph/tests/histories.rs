//! Treaty histories: exact as-of answers on dates before, between and after each step of real
//! histories (tests/data/treaty-histories.json: Open Skies, New START, the Japan–South Korea
//! GSOMIA), derived states, statuses, the step order rules and their problem codes.
#![expect(clippy::expect_used, reason = "a test's helpers should fail loudly")]

use diplograph::model::{AgreementKind, LifecycleState, LifecycleStep, Node, NodeDetails, Status};
use diplograph::query::{NoticeOf, NoticeOutcome, TimelineQuery};
use diplograph::time::{Containment, PartialDate};
use diplograph::{Graph, ProblemCode};

const HISTORIES: &str = include_str!("data/treaty-histories.json");

fn d(s: &str) -> PartialDate {
    s.parse().expect("a valid date")
}

fn histories() -> Graph {
    diplograph::format::from_str(HISTORIES).expect("the test data is valid")
}

/// The state summary of agreement `id` on `on`, with `[derived]` and `[partly]` marks.
fn state(g: &Graph, id: &str, on: &str) -> String {
    let ix = g.resolve(id).expect("the agreement");
    let s = g.agreement_state(ix, Some(&d(on))).expect("an agreement");
    let mut out = s.summary.clone();
    if s.derived {
        out.push_str(" [derived]");
    }
    if s.containment == Containment::Partly {
        out.push_str(" [partly]");
    }
    out
}

fn parties(g: &Graph, id: &str, on: Option<&str>) -> Vec<String> {
    let ix = g.resolve(id).expect("the agreement");
    let on = on.map(d);
    g.parties(ix, on.as_ref())
        .into_iter()
        .map(|p| match (p.withdrew, p.withdrawal_derived) {
            (Some(w), true) => format!("{} (withdrew {w}, derived)", p.party.id),
            (Some(w), false) => format!("{} (withdrew {w})", p.party.id),
            (None, _) => p.party.id,
        })
        .collect()
}

#[test]
fn open_skies_under_notices_of_withdrawal() {
    let g = histories();
    let all = ["CAN", "DEU", "FRA", "GBR", "RUS", "USA"];
    for (on, want, who) in [
        ("1992-03-23", "no recorded state yet", &all[..]),
        ("1992-03-24", "signed since 1992-03-24", &all[..]),
        ("2001-12-31", "signed since 1992-03-24", &all[..]),
        ("2002-01-01", "in_force since 2002-01-01", &all[..]),
        ("2020-05-21", "in_force since 2002-01-01", &all[..]),
        // A notice is not a termination: in force, the notice carried in the answer.
        (
            "2020-05-22",
            "in_force since 2002-01-01; notice of withdrawal of USA given 2020-05-22, effective 2020-11-22",
            &all[..],
        ),
        (
            "2020-11-21",
            "in_force since 2002-01-01; notice of withdrawal of USA given 2020-05-22, effective 2020-11-22",
            &all[..],
        ),
        // On the effective date the party is out; the treaty goes on for the others.
        (
            "2020-11-22",
            "in_force since 2002-01-01; notice of withdrawal of USA given 2020-05-22, effective 2020-11-22 (took effect)",
            &["CAN", "DEU", "FRA", "GBR", "RUS"][..],
        ),
        (
            "2021-06-18",
            "in_force since 2002-01-01; notice of withdrawal of USA given 2020-05-22, effective 2020-11-22 (took effect); notice of withdrawal of RUS given 2021-06-18, effective 2021-12-18",
            &["CAN", "DEU", "FRA", "GBR", "RUS"][..],
        ),
        (
            "2021-12-18",
            "in_force since 2002-01-01; notice of withdrawal of USA given 2020-05-22, effective 2020-11-22 (took effect); notice of withdrawal of RUS given 2021-06-18, effective 2021-12-18 (took effect)",
            &["CAN", "DEU", "FRA", "GBR"][..],
        ),
    ] {
        assert_eq!(state(&g, "open-skies", on), want, "on {on}");
        assert_eq!(parties(&g, "open-skies", Some(on)), who, "parties on {on}");
    }
    // "In 2020": the notice was given then, but whether it took effect depends on the day.
    assert_eq!(
        state(&g, "open-skies", "2020"),
        "in_force since 2002-01-01; notice of withdrawal of USA given 2020-05-22, effective 2020-11-22 (may have taken effect: dates too coarse to tell)"
    );
    // With no date: every party ever, each withdrawal dated by its notice's effective date.
    assert_eq!(
        parties(&g, "open-skies", None),
        [
            "CAN",
            "DEU",
            "FRA",
            "GBR",
            "RUS (withdrew 2021-12-18, derived)",
            "USA (withdrew 2020-11-22, derived)"
        ]
    );
    // The notices as data.
    let ix = g.resolve("open-skies").expect("found");
    let s = g
        .agreement_state(ix, Some(&d("2020-06")))
        .expect("an agreement");
    assert_eq!(s.notices.len(), 1);
    let n = &s.notices[0];
    assert_eq!(
        (n.of, n.party.as_deref(), n.outcome),
        (NoticeOf::Withdrawal, Some("USA"), NoticeOutcome::Pending)
    );
    assert_eq!(
        (n.given, n.effective),
        (Some(d("2020-05-22")), Some(d("2020-11-22")))
    );
    assert!(!s.derived);
}

#[test]
fn new_start_ratifications_term_extension_and_suspended_participation() {
    let g = histories();
    for (on, want) in [
        ("2010-04-07", "no recorded state yet"),
        ("2010-04-08", "signed since 2010-04-08"),
        ("2011-01-28", "signed since 2010-04-08; ratified by RUS 2011-01-28"),
        (
            "2011-02-02",
            "signed since 2010-04-08; ratified by RUS 2011-01-28, USA 2011-02-02",
        ),
        (
            "2011-02-05",
            "in_force since 2011-02-05; term until 2021-02-05; ratified by RUS 2011-01-28, USA 2011-02-02",
        ),
        (
            "2021-02-04",
            "in_force since 2011-02-05; term until 2026-02-05; ratified by RUS 2011-01-28, USA 2011-02-02",
        ),
        (
            "2023-02-21",
            "in_force since 2011-02-05; term until 2026-02-05; ratified by RUS 2011-01-28, USA 2011-02-02; participation of RUS suspended since 2023-02-21",
        ),
        (
            "2026-02-04",
            "in_force since 2011-02-05; term until 2026-02-05; ratified by RUS 2011-01-28, USA 2011-02-02; participation of RUS suspended since 2023-02-21",
        ),
        // The extended term runs out: expired, derived from the term, not recorded by a step.
        (
            "2026-02-05",
            "expired since 2026-02-05; derived: its term ran out; ratified by RUS 2011-01-28, USA 2011-02-02; participation of RUS suspended since 2023-02-21 [derived]",
        ),
    ] {
        assert_eq!(state(&g, "new-start", on), want, "on {on}");
    }
    // A suspended participation is not a withdrawal: both are still parties.
    assert_eq!(parties(&g, "new-start", Some("2024-01-01")), ["RUS", "USA"]);
    // Without the extension, the first term would have run out on 2021-02-05.
    let mut lifecycle = g
        .node("new-start")
        .and_then(Node::lifecycle)
        .expect("a lifecycle")
        .to_vec();
    lifecycle.retain(|s| s.state != LifecycleState::Renewed);
    let mut h = Graph::new();
    h.add_node(Node::new(
        "t",
        "T",
        NodeDetails::Agreement {
            kind: AgreementKind::Treaty,
            lifecycle,
            terms: None,
        },
    ))
    .expect("valid");
    assert_eq!(
        state(&h, "t", "2021-02-05"),
        "expired since 2021-02-05; derived: its term ran out; ratified by RUS 2011-01-28, USA 2011-02-02 [derived]"
    );
    // An expired agreement binds no one: no chain runs through it.
    let ix = h.resolve("t").expect("found");
    assert!(!h
        .agreement_state(ix, Some(&d("2022")))
        .expect("an agreement")
        .is_binding());
}

#[test]
fn gsomia_notice_suspended_so_the_expiry_did_not_happen() {
    let g = histories();
    for (on, want) in [
        // The signing called off in 2012 changed nothing.
        ("2012-06-29", "no recorded state yet"),
        ("2016-11-23", "in_force since 2016-11-23"),
        (
            "2019-08-23",
            "in_force since 2016-11-23; notice of termination given 2019-08-23, effective 2019-11-23",
        ),
        (
            "2019-11-22",
            "in_force since 2016-11-23; notice of termination given 2019-08-23, effective 2019-11-23 (suspended 2019-11-22, condition: South Korea may end the agreement at any time)",
        ),
        // The day the notice would have taken effect: still in force, the expiry did not happen.
        (
            "2019-11-23",
            "in_force since 2016-11-23; notice of termination given 2019-08-23, effective 2019-11-23 (suspended 2019-11-22, condition: South Korea may end the agreement at any time)",
        ),
        (
            "2023-03-21",
            "in_force since 2016-11-23; notice of termination given 2019-08-23, effective 2019-11-23 (suspended 2019-11-22, withdrawn 2023-03-21, condition: South Korea may end the agreement at any time)",
        ),
    ] {
        assert_eq!(state(&g, "gsomia-jpn-kor", on), want, "on {on}");
    }
    assert_eq!(parties(&g, "gsomia-jpn-kor", Some("2020")), ["JPN", "KOR"]);
}

#[test]
fn a_notice_of_termination_takes_effect_unless_suspended_before() {
    let step = |s, date: &str| LifecycleStep::new(s, Some(d(date)));
    let graph = |lifecycle: Vec<LifecycleStep>| {
        let mut g = Graph::new();
        g.add_node(Node::new(
            "pact",
            "Pact",
            NodeDetails::Agreement {
                kind: AgreementKind::Treaty,
                lifecycle,
                terms: None,
            },
        ))
        .expect("valid");
        g
    };
    let noticed = vec![
        step(LifecycleState::InForce, "2016-11-23"),
        step(LifecycleState::NoticeGiven, "2019-08-23").with_effective(d("2019-11-23")),
    ];
    let g = graph(noticed.clone());
    assert_eq!(
        state(&g, "pact", "2019-11-22"),
        "in_force since 2016-11-23; notice of termination given 2019-08-23, effective 2019-11-23"
    );
    assert_eq!(
        state(&g, "pact", "2019-11-23"),
        "terminated since 2019-11-23; derived: a notice took effect; notice of termination given 2019-08-23, effective 2019-11-23 (took effect) [derived]"
    );
    // The month of the effective date: it may or may not have taken effect.
    assert_eq!(
        state(&g, "pact", "2019-11"),
        "in_force since 2016-11-23; notice of termination given 2019-08-23, effective 2019-11-23 (may have taken effect: dates too coarse to tell) [partly]"
    );
    // Withdrawn after it took effect: too late, the agreement ended on the effective date.
    let mut late = noticed.clone();
    late.push(step(LifecycleState::NoticeWithdrawn, "2019-12-01"));
    assert_eq!(
        state(&graph(late), "pact", "2020"),
        "terminated since 2019-11-23; derived: a notice took effect; notice of termination given 2019-08-23, effective 2019-11-23 (took effect) [derived]"
    );
    // A planned notice changes nothing.
    let planned = vec![
        step(LifecycleState::InForce, "2016-11-23"),
        step(LifecycleState::NoticeGiven, "2019-08-23")
            .with_effective(d("2019-11-23"))
            .with_status(Status::Planned),
    ];
    assert_eq!(
        state(&graph(planned), "pact", "2020"),
        "in_force since 2016-11-23"
    );
    // With no date: as things finally stand.
    let g = graph(noticed);
    let ix = g.resolve("pact").expect("found");
    let s = g.agreement_state(ix, None).expect("an agreement");
    assert_eq!(
        (s.state, s.since, s.derived),
        (
            Some(LifecycleState::Terminated),
            Some(d("2019-11-23")),
            true
        )
    );
}

#[test]
fn timelines_leave_out_what_did_not_happen_unless_asked() {
    let g = histories();
    let entries = |all_statuses: bool| -> Vec<String> {
        let q = TimelineQuery {
            from: Some(d("2012")),
            to: Some(d("2019")),
            all_statuses,
            ..Default::default()
        };
        g.timeline(&q)
            .into_iter()
            .map(|e| format!("{} {} {}", e.date, e.subject.id, e.description))
            .collect()
    };
    assert_eq!(
        entries(false),
        [
            "2016-11-23 gsomia-jpn-kor signed",
            "2016-11-23 gsomia-jpn-kor in_force",
            "2019-08-23 gsomia-jpn-kor notice_given, effective 2019-11-23",
            "2019-11-22 gsomia-jpn-kor notice_suspended",
        ]
    );
    assert_eq!(
        entries(true),
        [
            "2012-06-29 gsomia-jpn-kor signed [cancelled]",
            "2012-06-29 gsomia-signing-2012-06-29 signing [cancelled]",
            "2016-11-23 gsomia-jpn-kor signed",
            "2016-11-23 gsomia-jpn-kor in_force",
            "2019-08-23 gsomia-jpn-kor notice_given, effective 2019-11-23",
            "2019-11-22 gsomia-jpn-kor notice_suspended",
            "2019-11-23 gsomia-jpn-kor expired [did_not_happen]",
        ]
    );
    let q = TimelineQuery {
        from: Some(d("2020")),
        to: Some(d("2021")),
        ..Default::default()
    };
    let open_skies: Vec<String> = g
        .timeline(&q)
        .into_iter()
        .filter(|e| e.subject.id == "open-skies")
        .map(|e| format!("{} {}", e.date, e.description))
        .collect();
    assert_eq!(
        open_skies,
        [
            "2020-05-22 notice_given (United States), effective 2020-11-22",
            "2020-11-22 withdrawn (United States) [derived]",
            "2021-06-18 notice_given (Russia), effective 2021-12-18",
            "2021-12-18 withdrawn (Russia) [derived]",
        ]
    );
    // The term that ran out is on the timeline too, derived.
    let q = TimelineQuery {
        from: Some(d("2026")),
        ..Default::default()
    };
    let entries: Vec<(String, bool)> = g
        .timeline(&q)
        .into_iter()
        .map(|e| {
            (
                format!("{} {} {}", e.date, e.subject.id, e.description),
                e.derived,
            )
        })
        .collect();
    assert_eq!(
        entries,
        [("2026-02-05 new-start expired [derived]".to_owned(), true)]
    );
}

#[test]
fn the_new_fields_round_trip_through_the_native_format() {
    let g = histories();
    let text = diplograph::format::to_string(&g);
    let again = diplograph::format::from_str(&text).expect("reads");
    assert_eq!(diplograph::format::to_string(&again), text);
    assert_eq!(again.node("gsomia-jpn-kor"), g.node("gsomia-jpn-kor"));
    assert!(text.contains(r#""effective": "2020-11-22""#));
    assert!(text.contains(r#""status": "did_not_happen""#));
    assert!(text.contains(r#""until": "2026-02-05""#));
    // `occurred` is the default and is not written.
    assert!(!text.contains(r#""status": "occurred""#));
}

/// A lifecycle in a file, checked; the codes of the problems found.
fn codes(lifecycle: &str) -> Vec<(ProblemCode, String)> {
    let text = format!(
        r#"{{"diplograph": "1", "nodes": [{{"id": "USA", "kind": "country", "name": "United States"}},
        {{"id": "t", "kind": "agreement", "name": "T", "agreement_kind": "treaty", "lifecycle": {lifecycle}}}],
        "edges": [{{"kind": "party_to", "from": "USA", "to": "t"}}]}}"#
    );
    match diplograph::format::from_str(&text) {
        Ok(_) => Vec::new(),
        Err(e) => e
            .problems()
            .expect("validation problems")
            .iter()
            .map(|p| (p.code, p.location.path.clone()))
            .collect(),
    }
}

#[test]
fn each_broken_order_rule_has_its_own_code() {
    let c = |code, path: &str| vec![(code, path.to_owned())];
    assert_eq!(
        codes(
            r#"[{"state": "ratified", "date": "2010-01-01"}, {"state": "signed", "date": "2010-02-01"}]"#
        ),
        c(
            ProblemCode::RatifiedBeforeSigned,
            "/nodes/1/lifecycle/0/state"
        )
    );
    assert_eq!(
        codes(r#"[{"state": "signed"}, {"state": "notice_given", "effective": "2020"}]"#),
        c(ProblemCode::NoticeNotInForce, "/nodes/1/lifecycle/1/state")
    );
    assert_eq!(
        codes(r#"[{"state": "in_force"}, {"state": "notice_suspended"}]"#),
        c(ProblemCode::NoticeMissing, "/nodes/1/lifecycle/1/state")
    );
    assert_eq!(
        codes(
            r#"[{"state": "in_force"}, {"state": "notice_given", "date": "2020-05-22", "effective": "2020-01-01"}]"#
        ),
        c(
            ProblemCode::NoticeEffectiveBeforeGiven,
            "/nodes/1/lifecycle/1/effective"
        )
    );
    assert_eq!(
        codes(r#"[{"state": "signed"}, {"state": "abandoned"}]"#),
        c(
            ProblemCode::AbandonedAfterSigned,
            "/nodes/1/lifecycle/1/state"
        )
    );
    assert_eq!(
        codes(r#"[{"state": "in_force"}, {"state": "terminated"}, {"state": "renewed"}]"#),
        c(ProblemCode::StepAfterEnd, "/nodes/1/lifecycle/2/state")
    );
    assert_eq!(
        codes(r#"[{"state": "in_force"}, {"state": "signed"}]"#),
        c(ProblemCode::LifecycleOrder, "/nodes/1/lifecycle/1/state")
    );
    // Field rules: `effective` only on a notice, `until` only on a term, a party where one
    // belongs.
    assert_eq!(
        codes(r#"[{"state": "signed", "effective": "2020", "until": "2021"}]"#),
        vec![
            (
                ProblemCode::KindField,
                "/nodes/1/lifecycle/0/effective".to_owned()
            ),
            (
                ProblemCode::KindField,
                "/nodes/1/lifecycle/0/until".to_owned()
            ),
        ]
    );
    assert_eq!(
        codes(r#"[{"state": "signed", "party": "USA"}]"#),
        c(ProblemCode::KindField, "/nodes/1/lifecycle/0/party")
    );
    // What is allowed: talks starting again after `abandoned`, a party ratifying after entry
    // into force, steps that did not occur anywhere, a notice suspended then withdrawn.
    for ok in [
        r#"[{"state": "negotiating"}, {"state": "abandoned"}, {"state": "negotiating"}, {"state": "signed"}]"#,
        r#"[{"state": "signed"}, {"state": "in_force"}, {"state": "ratified", "party": "USA"}]"#,
        r#"[{"state": "in_force", "date": "2010"}, {"state": "signed", "date": "2001", "status": "cancelled"}]"#,
        r#"[{"state": "in_force"}, {"state": "notice_given"}, {"state": "notice_suspended", "condition": "c"}, {"state": "notice_withdrawn"}]"#,
        // Valid before treaty histories: the same end recorded twice.
        r#"[{"state": "in_force"}, {"state": "terminated", "date": "2019"}, {"state": "terminated", "date": "2019-11"}]"#,
    ] {
        assert_eq!(codes(ok), Vec::new(), "{ok}");
    }
    // The message says which order is allowed.
    let text = r#"{"diplograph": "1", "nodes": [{"id": "t", "kind": "agreement", "name": "T", "agreement_kind": "treaty",
        "lifecycle": [{"state": "signed"}, {"state": "notice_given"}]}]}"#;
    let err = diplograph::format::from_str(text).expect_err("invalid");
    let message = &err.problems().expect("problems")[0].message;
    assert!(
        message.contains("follows an `in_force`, `provisionally_applied` or `renewed` step"),
        "{message}"
    );
}

#[test]
fn files_of_today_load_unchanged_and_mean_the_same() {
    // The file saved before treaty histories existed loads and writes back byte for byte.
    let before = include_str!("data/jpn-kor-gsomia-2016-11.json");
    let g = diplograph::format::from_str(before).expect("loads");
    assert_eq!(diplograph::format::to_string(&g), before);
    // The built-in example answers as before, now with the date the article attests the
    // pact on (its undated `in_force` step is attested 2016-06-04).
    let ex = diplograph::example();
    assert_eq!(
        state(&ex, "gsomia-kor-usa", "2016-06-04"),
        "in_force (attested 2016-06-04)"
    );
    let pact = g.resolve("gsomia-jpn-kor").expect("found");
    let s = g
        .agreement_state(pact, Some(&d("2017")))
        .expect("an agreement");
    assert_eq!(s.summary, "in_force since 2016-11-23");
    assert!(!s.derived && s.notices.is_empty());
}
