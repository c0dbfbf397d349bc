//! The questions of docs/queries.md, with exact answers on the built-in example, the merged
//! example, and small graphs built for one rule each.
#![expect(clippy::expect_used, reason = "a test's helpers should fail loudly")]

use diplograph::merge::{merge, MergeOptions};
use diplograph::model::{
    AgreementKind, Edge, EdgeKind, LifecycleState, LifecycleStep, Node, NodeDetails, NodeKind,
    OrganizationKind,
};
use diplograph::query::{
    ChainQuery, Family, Link, NeighbourhoodQuery, StatementQuery, TimelineQuery,
};
use diplograph::time::{Containment, PartialDate};
use diplograph::{Error, Graph};

fn d(s: &str) -> PartialDate {
    s.parse().expect("a valid date")
}

fn later() -> Graph {
    diplograph::format::from_str(include_str!("data/jpn-kor-gsomia-2016-11.json")).expect("valid")
}

fn merged() -> Graph {
    let (example, later) = (diplograph::example(), later());
    merge(
        &[("example", &example), ("later", &later)],
        MergeOptions::default(),
    )
    .expect("merges")
    .graph
}

fn chains(
    g: &Graph,
    from: &str,
    to: &str,
    family: &str,
    on: Option<&str>,
    k: usize,
) -> Vec<(Vec<String>, Vec<String>)> {
    let q = ChainQuery::new(family.parse().expect("family"))
        .with_on_opt(on.map(d))
        .with_k(k);
    g.chains(
        g.resolve(from).expect("from"),
        g.resolve(to).expect("to"),
        &q,
    )
    .into_iter()
    .map(|c| {
        (
            c.stops().into_iter().map(str::to_owned).collect(),
            c.links().into_iter().map(str::to_owned).collect(),
        )
    })
    .collect()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn headline_chain_seoul_to_tokyo_goes_through_washington() {
    let g = diplograph::example();
    assert_eq!(
        chains(&g, "Seoul", "Tokyo", "intelligence", Some("2016-06-04"), 5),
        vec![(
            strings(&["KOR", "USA", "JPN"]),
            strings(&["gsomia-kor-usa", "gsomia-jpn-usa"])
        )]
    );
    let q = ChainQuery::new(Family::Intelligence).with_on(d("2016-06-04"));
    let chain = &g.chains(g.resolve("KOR").unwrap(), g.resolve("JPN").unwrap(), &q)[0];
    assert!(!chain.rests_on_unknown);
    assert_eq!(chain.containment, Containment::Inside);
    let first = &chain.hops[0];
    match &first.link {
        Link::Agreement {
            agreement,
            kind,
            state,
        } => {
            assert_eq!(agreement.id, "gsomia-kor-usa");
            assert_eq!(*kind, AgreementKind::Gsomia);
            assert_eq!(state.state, Some(LifecycleState::InForce));
        }
        Link::Relation { .. } => panic!("expected an agreement"),
    }
    // Each hop carries the sentence that states it.
    let texts: Vec<&str> = first
        .citations
        .iter()
        .filter_map(|c| c.text.as_deref())
        .collect();
    assert!(texts
        .iter()
        .any(|t| t.contains("with which Seoul already has a legally-binding pact")));
    let second: Vec<&str> = chain.hops[1]
        .citations
        .iter()
        .filter_map(|c| c.text.as_deref())
        .collect();
    assert!(second
        .iter()
        .any(|t| t.contains("the United States has also signed a GSOMIA with Japan")));
}

#[test]
fn no_chain_is_an_empty_answer() {
    let g = diplograph::example();
    assert_eq!(
        chains(
            &g,
            "South Korea",
            "China",
            "intelligence",
            Some("2016-06-04"),
            3
        ),
        vec![]
    );
    assert_eq!(
        chains(
            &g,
            "South Korea",
            "North Korea",
            "any",
            Some("2016-06-04"),
            3
        ),
        vec![]
    );
    // The trilateral framework was still being negotiated: not a link.
    assert_eq!(
        chains(&g, "KOR", "JPN", "arrangement", Some("2016-06-04"), 3),
        vec![]
    );
}

#[test]
fn families_choose_the_agreements() {
    let g = diplograph::example();
    assert_eq!(
        chains(&g, "KOR", "JPN", "communication", Some("2016-06-04"), 5),
        vec![
            (
                strings(&["KOR", "JPN"]),
                strings(&["kor-jpn-defence-hotline"])
            ),
            (
                strings(&["KOR", "JPN"]),
                strings(&["kor-jpn-ministers-direct-line"])
            ),
        ]
    );
    assert_eq!(
        chains(&g, "KOR", "JPN", "defence", Some("2016-06-04"), 2),
        vec![
            (
                strings(&["KOR", "USA", "JPN"]),
                strings(&["allied_with", "gsomia-jpn-usa"])
            ),
            (
                strings(&["KOR", "USA", "JPN"]),
                strings(&["allied_with", "mou-usa-jpn-defence-procurement"])
            ),
        ]
    );
    let err = "friendship".parse::<Family>().err().map(|e| e.to_string());
    assert!(err.is_some_and(|e| e.starts_with(
        "unknown relation family or agreement kind `friendship`; expected one of: intelligence, defence, communication, any, gsomia"
    )));
}

#[test]
fn merged_example_is_direct_after_november_2016() {
    let g = merged();
    assert_eq!(
        chains(
            &g,
            "South Korea",
            "Japan",
            "intelligence",
            Some("2016-06-04"),
            1
        ),
        vec![(
            strings(&["KOR", "USA", "JPN"]),
            strings(&["gsomia-kor-usa", "gsomia-jpn-usa"])
        )]
    );
    assert_eq!(
        chains(
            &g,
            "South Korea",
            "Japan",
            "intelligence",
            Some("2016-12-01"),
            1
        ),
        vec![(strings(&["KOR", "JPN"]), strings(&["gsomia-jpn-kor"]))]
    );
    // "2016-11" may be before or after the 23rd: the direct hop is only partly known to hold.
    let q = ChainQuery::new(Family::Intelligence).with_on(d("2016-11"));
    let c = &g.chains(g.resolve("KOR").unwrap(), g.resolve("JPN").unwrap(), &q)[0];
    assert_eq!(c.links(), ["gsomia-jpn-kor"]);
    assert_eq!(c.containment, Containment::Partly);
    let signers: Vec<(String, Option<String>)> = g
        .signatories(g.resolve("gsomia-jpn-kor").unwrap())
        .into_iter()
        .map(|s| (s.person.id, s.on_behalf_of.map(|p| p.id)))
        .collect();
    assert_eq!(
        signers,
        vec![
            ("han-min-koo".to_owned(), Some("KOR".to_owned())),
            ("yasumasa-nagamine".to_owned(), Some("JPN".to_owned()))
        ]
    );
}

#[test]
fn as_of_states_and_unknown_bounds() {
    let g = diplograph::example();
    let on_day: Vec<(String, Option<LifecycleState>, bool)> = g
        .as_of(d("2016-06-04"))
        .agreements()
        .into_iter()
        .map(|a| (a.agreement.id, a.state.state, a.state.rests_on_unknown))
        .collect();
    use LifecycleState::*;
    assert_eq!(
        on_day,
        vec![
            ("gsomia-jpn-usa".into(), Some(InForce), false),
            ("gsomia-kor-usa".into(), Some(InForce), false),
            ("kor-jpn-defence-hotline".into(), Some(InForce), false),
            ("kor-jpn-ministers-direct-line".into(), Some(Agreed), false),
            (
                "mou-usa-jpn-defence-procurement".into(),
                Some(Signed),
                false
            ),
            ("six-party-talks".into(), Some(Suspended), false),
            ("trilateral-cooperation-2016".into(), Some(Agreed), false),
            ("trilateral-info-sharing".into(), Some(Negotiating), false),
            ("un-sanctions-2016-03".into(), Some(InForce), false),
        ]
    );
    // In 2012 the GSOMIAs' start is unknown: counted as in force, and said to rest on that.
    let earlier: Vec<(String, bool)> = g
        .as_of(d("2012"))
        .agreements()
        .into_iter()
        .map(|a| (a.agreement.id, a.state.rests_on_unknown))
        .collect();
    assert_eq!(
        earlier,
        vec![
            ("gsomia-jpn-usa".into(), true),
            ("gsomia-kor-usa".into(), true),
            ("kor-jpn-defence-hotline".into(), true),
            ("six-party-talks".into(), true),
            ("trilateral-info-sharing".into(), true),
        ]
    );
    // The month of the UN sanctions: in force "2016-03" is only partly known on 2016-03-15.
    let un = g.resolve("un-sanctions-2016-03").unwrap();
    let mid_march = g.agreement_state(un, Some(&d("2016-03-15"))).unwrap();
    assert_eq!(
        (mid_march.state, mid_march.containment),
        (Some(InForce), Containment::Partly)
    );
    let april = g.agreement_state(un, Some(&d("2016-04-01"))).unwrap();
    assert_eq!(
        (april.state, april.containment),
        (Some(InForce), Containment::Inside)
    );
    let february = g.agreement_state(un, Some(&d("2016-02"))).unwrap();
    assert_eq!(february.state, None);
}

#[test]
fn parties_and_withdrawals() {
    let g = diplograph::example();
    let spt = g.resolve("Six-Party Talks").unwrap();
    let ids = |on: Option<&str>| -> Vec<String> {
        g.parties(spt, on.map(d).as_ref())
            .into_iter()
            .map(|p| p.party.id)
            .collect()
    };
    assert_eq!(
        ids(Some("2008")),
        strings(&["CHN", "JPN", "KOR", "PRK", "RUS", "USA"])
    );
    assert_eq!(
        ids(Some("2016-06-04")),
        strings(&["CHN", "JPN", "KOR", "RUS", "USA"])
    );
    let ever = g.parties(spt, None);
    let prk = ever.iter().find(|p| p.party.id == "PRK").unwrap();
    assert_eq!(prk.withdrew, Some(d("2009")));
    let between: Vec<String> = g
        .agreements_between(
            g.resolve("USA").unwrap(),
            g.resolve("Japan").unwrap(),
            Some(&d("2016-06-04")),
        )
        .into_iter()
        .map(|l| l.agreement.id)
        .collect();
    assert_eq!(
        between,
        strings(&[
            "gsomia-jpn-usa",
            "mou-usa-jpn-defence-procurement",
            "six-party-talks",
            "trilateral-cooperation-2016",
            "trilateral-info-sharing"
        ])
    );
}

#[test]
fn office_holders_on_a_date() {
    let g = diplograph::example();
    let holders: Vec<(String, String)> = g
        .office_holders("Defence Minister", Some(&d("2016-06-04")))
        .unwrap()
        .into_iter()
        .map(|o| (o.person.id, o.organization.id))
        .collect();
    assert_eq!(
        holders,
        vec![
            ("gen-nakatani".into(), "jpn-mod".into()),
            ("han-min-koo".into(), "kor-mnd".into())
        ]
    );
    let in_pentagon = g.office_holders("Pentagon", None).unwrap();
    assert_eq!(in_pentagon.len(), 1);
    assert_eq!(
        (
            in_pentagon[0].person.id.as_str(),
            in_pentagon[0].title.as_str()
        ),
        ("ashton-carter", "Secretary of Defense")
    );
    // The article gives no term of office: on a date, the answer rests on open bounds.
    assert!(!in_pentagon[0].validity.rests_on_unknown);
    let on_day = g
        .office_holders("Pentagon", Some(&d("2016-06-04")))
        .unwrap();
    assert!(on_day[0].validity.rests_on_unknown);
}

#[test]
fn one_person_holding_one_office_twice() {
    let mut g = Graph::new();
    g.add_node(Node::new("JPN", "Japan", NodeDetails::Country))
        .unwrap();
    g.add_node(Node::new("abe", "Shinzo Abe", NodeDetails::Person))
        .unwrap();
    g.add_node(Node::new("noda", "Yoshihiko Noda", NodeDetails::Person))
        .unwrap();
    let pm = |start: &str, end: Option<&str>| {
        Edge::new(EdgeKind::HoldsOffice)
            .with_title("Prime Minister")
            .valid(Some(d(start)), end.map(d))
    };
    g.relate("abe", "JPN", pm("2006-09-26", Some("2007-09-26")))
        .unwrap();
    g.relate("noda", "JPN", pm("2011-09-02", Some("2012-12-26")))
        .unwrap();
    g.relate("abe", "JPN", pm("2012-12-26", Some("2020-09-16")))
        .unwrap();
    let who = |on: &str| -> Vec<(String, String)> {
        g.office_holders("prime minister", Some(&d(on)))
            .unwrap()
            .into_iter()
            .map(|o| (o.person.id, o.validity.containment.as_str().to_owned()))
            .collect()
    };
    assert_eq!(who("2007-01-01"), vec![("abe".into(), "inside".into())]);
    assert_eq!(who("2010"), vec![]);
    assert_eq!(who("2012-06"), vec![("noda".into(), "inside".into())]);
    // The handover day: both on the 26th (the record says so), the month is only partly each.
    assert_eq!(
        who("2012-12-26"),
        vec![
            ("abe".into(), "inside".into()),
            ("noda".into(), "inside".into())
        ]
    );
    assert_eq!(
        who("2012-12"),
        vec![
            ("abe".into(), "partly".into()),
            ("noda".into(), "partly".into())
        ]
    );
    assert_eq!(g.offices_of(g.resolve("Abe").unwrap(), None).len(), 2);
}

#[test]
fn statements_by_about_via_and_disputed() {
    let g = diplograph::example();
    let ids = |q: StatementQuery| -> Vec<String> {
        g.statements(&q)
            .into_iter()
            .map(|s| s.statement.id)
            .collect()
    };
    let carter = g.resolve("Ashton Carter").unwrap();
    assert_eq!(
        ids(StatementQuery {
            by: Some(carter),
            ..Default::default()
        }),
        strings(&[
            "stmt-carter-alliance-linchpin",
            "stmt-carter-extended-deterrence",
            "stmt-carter-full-range",
            "stmt-carter-ironclad",
            "stmt-trilateral-common-challenges",
        ])
    );
    let ministry = g.resolve("Seoul's defence ministry").unwrap();
    assert_eq!(
        ids(StatementQuery {
            by: Some(carter),
            via: Some(ministry),
            ..Default::default()
        }),
        strings(&[
            "stmt-carter-extended-deterrence",
            "stmt-carter-full-range",
            "stmt-trilateral-common-challenges"
        ])
    );
    assert_eq!(
        ids(StatementQuery {
            disputed: true,
            ..Default::default()
        }),
        strings(&[
            "stmt-china-should-pressure",
            "stmt-china-talks-revived",
            "stmt-denuclearisation-first",
            "stmt-lu-yin-not-the-truth"
        ])
    );
    let lu = g
        .statement(g.resolve("stmt-lu-yin-not-the-truth").unwrap())
        .unwrap();
    assert!(lu.is_quote);
    assert_eq!(lu.text, "not the truth");
    assert_eq!(
        lu.disputes
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        ["stmt-china-should-pressure"]
    );
    let pressure = g
        .statement(g.resolve("stmt-china-should-pressure").unwrap())
        .unwrap();
    assert_eq!(
        pressure
            .speakers
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        ["shinsuke-sugiyama", "yoon-soon-gu"]
    );
    assert_eq!(
        pressure
            .disputed_by
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        ["stmt-lu-yin-not-the-truth"]
    );
    // Nested reports: the ministry's account of what Carter stressed.
    let account = g
        .statement(g.resolve("stmt-kor-mnd-extended-deterrence").unwrap())
        .unwrap();
    assert_eq!(
        account
            .reports
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        ["stmt-carter-extended-deterrence"]
    );
    assert_eq!(
        account.attribution.text,
        "Ministry of National Defense (South Korea), according to Yonhap News Agency, reported by The Straits Times"
    );
    let about_pyongyang = ids(StatementQuery {
        about: Some(g.resolve("Pyongyang").unwrap()),
        by: Some(g.resolve("Lu Yin").unwrap()),
        ..Default::default()
    });
    assert_eq!(
        about_pyongyang,
        strings(&[
            "stmt-lu-yin-multilateral-solution",
            "stmt-lu-yin-not-the-truth",
            "stmt-lu-yin-talk-to-them"
        ])
    );
}

#[test]
fn timeline_keeps_precision_and_window_edges() {
    let g = diplograph::example();
    let entries = |from: Option<&str>, to: Option<&str>, around: Option<&str>| -> Vec<String> {
        let q = TimelineQuery {
            from: from.map(d),
            to: to.map(d),
            around: around.map(|a| g.resolve(a).unwrap()),
            all_statuses: false,
            ..TimelineQuery::default()
        };
        g.timeline(&q)
            .into_iter()
            .map(|e| format!("{} {} {}", e.date, e.subject.id, e.within.as_str()))
            .collect()
    };
    // A window that cuts January in half: the January test is only partly inside.
    assert_eq!(
        entries(Some("2016-01-15"), Some("2016-02-15"), None),
        strings(&[
            "2016 prk-missile-tests-2016 partly",
            "2016-01 prk-nuclear-test-2016-01 partly"
        ])
    );
    assert_eq!(
        entries(Some("2016-05-31"), Some("2016-05-31"), None),
        strings(&[
            "2016 prk-missile-tests-2016 partly",
            "2016-05-31 prk-failed-missile-launch-2016-05-31 inside"
        ])
    );
    assert_eq!(
        entries(None, Some("2010"), None),
        strings(&["2009 six-party-talks inside"])
    );
    assert_eq!(
        entries(Some("2016-06-05"), None, None),
        strings(&[
            "2016 prk-missile-tests-2016 partly",
            "2016-06-30 rimpac-2016 inside"
        ])
    );
    assert_eq!(
        entries(None, None, Some("Gen Nakatani")),
        strings(&[
            "2016-06-04 carter-nakatani-meeting-2016-06-04 inside",
            "2016-06-04 mou-usa-jpn-defence-procurement inside",
            "2016-06-04 nakatani-han-meeting-2016-06-04 inside",
            "2016-06-04 trilateral-meeting-2016-06-04 inside",
        ])
    );
}

#[test]
fn neighbourhood_is_a_valid_graph_of_its_own() {
    let g = diplograph::example();
    let q = NeighbourhoodQuery {
        depth: 1,
        kinds: vec![EdgeKind::PartyTo],
        on: Some(d("2016-06-04")),
    };
    let sub = g.neighbourhood(g.resolve("Japan").unwrap(), &q);
    let mut agreements: Vec<String> = sub
        .nodes_of_kind(NodeKind::Agreement)
        .map(|n| n.id.clone())
        .collect();
    agreements.sort();
    assert_eq!(
        agreements,
        strings(&[
            "gsomia-jpn-usa",
            "mou-usa-jpn-defence-procurement",
            "six-party-talks",
            "trilateral-cooperation-2016",
            "trilateral-info-sharing"
        ])
    );
    assert!(sub.validate().is_empty(), "{:?}", sub.validate());
    let saved = diplograph::format::to_string(&sub);
    let back = diplograph::format::from_str(&saved).expect("the neighbourhood loads back");
    assert_eq!(diplograph::format::to_string(&back), saved);
    // Depth 0 is the node itself and what its citations need.
    let alone = g.neighbourhood(g.resolve("Japan").unwrap(), &NeighbourhoodQuery::default());
    let mut ids: Vec<String> = alone.nodes().map(|(_, n)| n.id.clone()).collect();
    ids.sort();
    assert_eq!(ids, strings(&["JPN", "st-2016-06-04"]));
}

#[test]
fn lookup_and_search() {
    let g = diplograph::example();
    for (name, id) in [
        ("Seoul", "KOR"),
        ("ROK", "KOR"),
        ("the South", "KOR"),
        ("Pentagon", "us-dod"),
        ("DPRK", "PRK"),
        ("Washington", "USA"),
        ("RIMPAC", "rimpac-2016"),
    ] {
        assert_eq!(
            g.lookup(name).map(|n| n.id.as_str()).ok(),
            Some(id),
            "{name}"
        );
    }
    let found: Vec<String> = g
        .search("ministry", Some(NodeKind::Organization))
        .into_iter()
        .map(|n| n.id.clone())
        .collect();
    assert_eq!(
        found,
        strings(&["jpn-mod", "jpn-mofa", "kor-mnd", "kor-mnd-ipb"])
    );
    match g.lookup("Atlantis") {
        Err(Error::NodeNotFound { name, .. }) => assert_eq!(name, "Atlantis"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn ambiguous_names_are_errors_listing_candidates() {
    let mut g = Graph::new();
    g.add_node(
        Node::new(
            "kor-mnd",
            "Ministry of National Defense",
            NodeDetails::Organization {
                kind: OrganizationKind::Ministry,
            },
        )
        .with_alias("the defence ministry"),
    )
    .unwrap();
    g.add_node(
        Node::new(
            "jpn-mod",
            "Ministry of Defense",
            NodeDetails::Organization {
                kind: OrganizationKind::Ministry,
            },
        )
        .with_alias("the defence ministry"),
    )
    .unwrap();
    match g.lookup("The Defence Ministry") {
        Err(Error::AmbiguousName { candidates, .. }) => {
            let ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
            assert_eq!(ids, ["kor-mnd", "jpn-mod"]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        g.validate()
            .iter()
            .map(|p| p.code.as_str())
            .collect::<Vec<_>>(),
        ["alias-conflict"]
    );
}

#[test]
fn lifecycle_with_undated_then_dated_steps() {
    let mut g = Graph::new();
    let lifecycle = vec![
        LifecycleStep::new(LifecycleState::Negotiating, None),
        LifecycleStep::new(LifecycleState::Signed, Some(d("2016-11"))),
    ];
    g.add_node(Node::new(
        "a",
        "A",
        NodeDetails::Agreement {
            kind: AgreementKind::Treaty,
            lifecycle,
            terms: None,
        },
    ))
    .unwrap();
    let a = g.resolve("a").unwrap();
    let s = |on: &str| {
        let st = g.agreement_state(a, Some(&d(on))).unwrap();
        (
            st.state.map(|s| s.as_str()),
            st.containment.as_str(),
            st.rests_on_unknown,
        )
    };
    assert_eq!(s("2016-06"), (Some("negotiating"), "inside", true));
    assert_eq!(s("2016-11-10"), (Some("signed"), "partly", false));
    assert_eq!(s("2016-12-01"), (Some("signed"), "inside", false));
}

/// Issue #19 item 6: a name shared by many nodes resolves through a linear index, and the
/// ambiguity error carries the total and only the first candidates, not all of them.
#[test]
fn ambiguity_lists_a_count_and_the_first_candidates() {
    let mut g = Graph::new();
    for i in 0..25 {
        g.add_node(Node::new(format!("kim-{i:02}"), "Kim", NodeDetails::Person))
            .unwrap();
    }
    match g.lookup("KIM") {
        Err(e @ Error::AmbiguousName { .. }) => {
            let message = e.to_string();
            let Error::AmbiguousName {
                candidates, total, ..
            } = e
            else {
                unreachable!()
            };
            assert_eq!(total, 25);
            assert_eq!(candidates.len(), diplograph::error::AMBIGUITY_CANDIDATES);
            assert_eq!(candidates[0].id, "kim-00");
            assert_eq!(candidates[9].id, "kim-09");
            assert!(
                message.ends_with("Kim (person `kim-09`) … and 15 more; use an id instead"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
}

fn notice_reports() -> Graph {
    diplograph::format::from_str(include_str!("data/gsomia-notice-reports-2019-08.json"))
        .expect("valid")
}

#[test]
fn a_statement_reported_in_parallel_shows_each_chain_apart() {
    let g = notice_reports();
    let s = g
        .statement(g.resolve("stmt-kim-end-gsomia").expect("found"))
        .expect("a statement");
    assert_eq!(
        s.attribution.text,
        "Kim You-geun, reported by Yonhap News Agency; in parallel, reported by Reuters"
    );
    let chains: Vec<(u32, &str)> = s
        .attribution
        .chains
        .iter()
        .map(|c| (c.chain, c.text.as_str()))
        .collect();
    assert_eq!(
        chains,
        [
            (1, "Kim You-geun, reported by Yonhap News Agency"),
            (2, "Kim You-geun, reported by Reuters")
        ]
    );
    // The first chain stays where answers of one chain have it.
    assert_eq!(s.attribution.steps, s.attribution.chains[0].steps);
    let cue = s.cue.as_ref().expect("a cue");
    assert_eq!(cue.words, "announced the decision at a briefing");
    let span = cue.citations[0].span.expect("resolved");
    assert_eq!((span.start, span.end), (185, 221));
    let ids = |refs: &[diplograph::query::NodeRef]| -> Vec<String> {
        refs.iter().map(|r| r.id.clone()).collect()
    };
    assert_eq!(ids(&s.made_at), ["nso-briefing-2019-08-22"]);
    assert_eq!(ids(&s.made_in), ["KOR"]);
    // Known through Reuters: found by `via` through either chain.
    for outlet in ["Reuters", "Yonhap"] {
        let q = StatementQuery {
            via: Some(g.resolve(outlet).expect("found")),
            ..Default::default()
        };
        let found: Vec<String> = g
            .statements(&q)
            .iter()
            .map(|s| s.statement.id.clone())
            .collect();
        assert_eq!(found, ["stmt-kim-end-gsomia"], "via {outlet}");
    }
}

#[test]
fn an_unnamed_speaker_is_found_by_its_id_only_and_answers_carry_its_description() {
    let g = notice_reports();
    for name in [
        "a Pentagon spokesman",
        "Pentagon spokesman (unnamed)",
        "PENTAGON-SPOKESMAN",
    ] {
        assert!(
            matches!(g.lookup(name), Err(Error::NodeNotFound { .. })),
            "{name}"
        );
    }
    let ix = g.resolve("pentagon-spokesman").expect("by id");
    let found: Vec<&str> = g
        .search("pentagon", Some(NodeKind::Person))
        .iter()
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(found, ["pentagon-spokesman"]);
    let q = StatementQuery {
        by: Some(ix),
        ..Default::default()
    };
    let said = g.statements(&q);
    assert_eq!(said.len(), 1);
    let speaker = &said[0].speakers[0];
    assert_eq!(speaker.unnamed.as_deref(), Some("a Pentagon spokesman"));
    assert_eq!(
        speaker.to_string(),
        "Pentagon spokesman (unnamed) (pentagon-spokesman, unnamed: \"a Pentagon spokesman\")"
    );
    assert_eq!(said[0].cue.as_ref().map(|c| c.words.as_str()), Some("said"));
    // The chain in words gives an unnamed speaker as the reports do.
    assert_eq!(said[0].attribution.text, "a Pentagon spokesman");
    let responds: Vec<(String, String)> = g
        .edges()
        .filter(|e| e.edge.kind == EdgeKind::RespondsTo)
        .map(|e| (e.from.id.clone(), e.to.id.clone()))
        .collect();
    assert_eq!(
        responds,
        [(
            "stmt-pentagon-disappointed".to_owned(),
            "stmt-kim-end-gsomia".to_owned()
        )]
    );
}
