//! Every query answer reads back from the JSON it serializes to, as the same value: an answer
//! saved by one program (or printed by `diplograph … --json`) is a typed value to another.
#![expect(clippy::expect_used, reason = "a test's helpers should fail loudly")]

use std::fmt::Debug;

use diplograph::query::{ChainQuery, Family, StatementQuery, TimelineQuery};
use diplograph::time::PartialDate;
use diplograph::Graph;
use serde::de::DeserializeOwned;
use serde::Serialize;

fn d(s: &str) -> PartialDate {
    s.parse().expect("a valid date")
}

/// Serializes each answer to JSON and reads it back; returns how many there were.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(answers: &[T]) -> usize {
    for answer in answers {
        let text = serde_json::to_string(answer).expect("serializes");
        let back: T = serde_json::from_str(&text).expect("reads back");
        assert_eq!(&back, answer, "{text}");
    }
    answers.len()
}

fn ix(g: &Graph, id: &str) -> diplograph::NodeIndex {
    g.index_of(id).expect("in the example")
}

#[test]
fn as_of_answers_read_back() {
    let g = diplograph::example();
    let on = d("2016-06-04");
    let view = g.as_of(on);
    assert_eq!(round_trip(&view.agreements()), 9);
    assert_eq!(round_trip(&view.offices()), 7);
    assert_eq!(round_trip(&view.memberships()), 10);
    let gsomia = ix(&g, "gsomia-kor-usa");
    assert_eq!(round_trip(&g.parties(gsomia, Some(&on))), 2);
    assert_eq!(round_trip(&g.signatories(gsomia)), 0);
    let state = g.agreement_state(gsomia, Some(&on)).expect("an agreement");
    assert_eq!(round_trip(&[state]), 1);
    let (kor, jpn) = (ix(&g, "KOR"), ix(&g, "JPN"));
    // Three with the states as parties, two (the hotlines) through their defence ministries.
    assert_eq!(round_trip(&g.agreements_between(kor, jpn, Some(&on))), 5);
}

#[test]
fn statements_timelines_profiles_and_chains_read_back() {
    let g = diplograph::example();
    let statements = g.statements(&StatementQuery::default());
    assert_eq!(round_trip(&statements), 24);
    let timeline = g.timeline(&TimelineQuery::default());
    assert_eq!(round_trip(&timeline), 15);
    let kor = ix(&g, "KOR");
    let profile = g.profile(kor, None).expect("a profile");
    assert_eq!(round_trip(&[profile]), 1);
    assert_eq!(round_trip(&[g.stats()]), 1);
    let chains = g.chains(
        ix(&g, "JPN"),
        kor,
        &ChainQuery::new(Family::Intelligence).with_on(d("2016-06-04")),
    );
    assert_eq!(round_trip(&chains), 1);
}
