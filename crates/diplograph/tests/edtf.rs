//! Dates as sources give them (EDTF level 1), end to end on a small dataset of real facts:
//! the TISA signing, dated 28 or 29 December 2014 depending on the time zone
//! (`2014-12-28/2014-12-29`); the Japan–South Korea GSOMIA talks, resumed in autumn 2016
//! (`2016-23`); the trilateral missile defence exercise, held before RIMPAC began on 30 June
//! 2016 (`../2016-06-29`). Exact as-of and timeline answers on dates before, between and after
//! each; saved files from before EDTF load and mean the same.
#![expect(clippy::expect_used, reason = "a test's helpers should fail loudly")]

use diplograph::format::{from_str, to_string};
use diplograph::model::{LifecycleState, NodeDetails};
use diplograph::query::{TimelineEntry, TimelineQuery};
use diplograph::time::{Containment, Interval, PartialDate};
use diplograph::Graph;

const EDTF: &str = include_str!("data/edtf-dates.json");
const BEFORE_EDTF: &str = include_str!("data/jpn-kor-gsomia-2016-11.json");

fn d(s: &str) -> PartialDate {
    s.parse().expect("a valid date")
}

fn graph() -> Graph {
    from_str(EDTF).expect("the EDTF dataset loads")
}

fn day(s: &str) -> Option<chrono::NaiveDate> {
    s.parse().ok()
}

/// The state of an agreement on a date, with how sure the answer is.
fn state(g: &Graph, id: &str, on: &str) -> (Option<LifecycleState>, Containment) {
    let ix = g.index_of(id).expect("the agreement");
    let s = g
        .agreement_state(ix, Some(&d(on)))
        .expect("an agreement's state");
    (s.state, s.containment)
}

/// A timeline as `(date, subject id, within)` rows.
fn timeline(g: &Graph, from: Option<&str>, to: Option<&str>) -> Vec<(String, String, Containment)> {
    let q = TimelineQuery {
        from: from.map(d),
        to: to.map(d),
        ..TimelineQuery::default()
    };
    g.timeline(&q)
        .iter()
        .map(|e: &TimelineEntry| (e.date.to_string(), e.subject.id.clone(), e.within))
        .collect()
}

fn row(date: &str, id: &str, within: Containment) -> (String, String, Containment) {
    (date.to_owned(), id.to_owned(), within)
}

#[test]
fn the_dataset_keeps_every_date_as_written() {
    let g = graph();
    assert_eq!(to_string(&g), EDTF, "the dataset is in canonical form");
    let signing = g.node("tisa-signing").expect("the signing");
    let NodeDetails::Event { when, .. } = &signing.details else {
        unreachable!("an event")
    };
    let signed = when.start.expect("dated");
    assert_eq!(signed.to_string(), "2014-12-28/2014-12-29");
    assert_eq!(
        (signed.earliest(), signed.latest()),
        (day("2014-12-28"), day("2014-12-29"))
    );
    let talks = g.node("gsomia-talks-2016").expect("the talks");
    let NodeDetails::Event { when, .. } = &talks.details else {
        unreachable!("an event")
    };
    let autumn = when.start.expect("dated");
    assert_eq!(
        (autumn.to_string(), autumn.earliest(), autumn.latest()),
        ("2016-23".to_owned(), day("2016-09-01"), day("2016-11-30"))
    );
    let exercise = g
        .node("trilateral-bmd-exercise-2016")
        .expect("the exercise");
    let NodeDetails::Event { when, .. } = &exercise.details else {
        unreachable!("an event")
    };
    let before = when.start.expect("dated");
    assert_eq!(
        (before.to_string(), before.earliest(), before.latest()),
        ("../2016-06-29".to_owned(), None, day("2016-06-29"))
    );
}

#[test]
fn a_signing_dated_across_time_zones_holds_partly_on_the_first_day() {
    let g = graph();
    assert_eq!(
        state(&g, "tisa-2014", "2014-12-27"),
        (None, Containment::Outside)
    );
    assert_eq!(
        state(&g, "tisa-2014", "2014-12-28"),
        (Some(LifecycleState::InForce), Containment::Partly)
    );
    assert_eq!(
        state(&g, "tisa-2014", "2014-12-29"),
        (Some(LifecycleState::InForce), Containment::Inside)
    );
    assert_eq!(
        state(&g, "tisa-2014", "2015"),
        (Some(LifecycleState::InForce), Containment::Inside)
    );
    // December 2014 holds the signing but not all of it after it: partly.
    assert_eq!(
        state(&g, "tisa-2014", "2014-12"),
        (Some(LifecycleState::InForce), Containment::Partly)
    );
    let tisa = g.index_of("tisa-2014").expect("the TISA");
    let parties = |on: &str| -> Vec<(String, Containment)> {
        g.parties(tisa, Some(&d(on)))
            .iter()
            .map(|p| (p.party.id.clone(), p.validity.containment))
            .collect()
    };
    assert_eq!(parties("2014-12-27"), vec![]);
    let all = |c| {
        vec![
            ("JPN".to_owned(), c),
            ("KOR".to_owned(), c),
            ("USA".to_owned(), c),
        ]
    };
    assert_eq!(parties("2014-12-28"), all(Containment::Partly));
    assert_eq!(parties("2014-12-29"), all(Containment::Inside));
    // As-of the whole graph: the agreement links of Japan on each day.
    let links = |on: &str| -> Vec<(String, Containment)> {
        g.as_of(d(on))
            .agreements()
            .iter()
            .map(|a| (a.agreement.id.clone(), a.state.containment))
            .collect()
    };
    assert_eq!(links("2014-12-27"), vec![]);
    assert_eq!(
        links("2014-12-28"),
        vec![("tisa-2014".to_owned(), Containment::Partly)]
    );
    assert_eq!(
        links("2016-11-23"),
        vec![
            ("gsomia-jpn-kor".to_owned(), Containment::Inside),
            ("tisa-2014".to_owned(), Containment::Inside),
        ]
    );
}

#[test]
fn timelines_place_each_date_by_its_possible_days() {
    let g = graph();
    use Containment::{Inside, Partly};
    // The whole record, in order: the bounded signing, the exercise "by 29 June" at its
    // latest day, RIMPAC, the autumn talks, the GSOMIA.
    assert_eq!(
        timeline(&g, None, None),
        vec![
            row("2014-12-28/2014-12-29", "tisa-2014", Inside),
            row("2014-12-28/2014-12-29", "tisa-2014", Inside),
            row("2014-12-28/2014-12-29", "tisa-signing", Inside),
            row("../2016-06-29", "trilateral-bmd-exercise-2016", Inside),
            row("2016-06-30", "rimpac-2016", Inside),
            row("2016-23", "gsomia-talks-2016", Inside),
            row("2016-11-23", "gsomia-jpn-kor", Inside),
            row("2016-11-23", "gsomia-jpn-kor", Inside),
        ]
    );
    // From June 2016: the exercise may have come earlier, so it is only partly inside.
    assert_eq!(
        timeline(&g, Some("2016-06"), Some("2016-12")),
        vec![
            row("../2016-06-29", "trilateral-bmd-exercise-2016", Partly),
            row("2016-06-30", "rimpac-2016", Inside),
            row("2016-23", "gsomia-talks-2016", Inside),
            row("2016-11-23", "gsomia-jpn-kor", Inside),
            row("2016-11-23", "gsomia-jpn-kor", Inside),
        ]
    );
    // From July: the exercise was certainly over; October is only part of the autumn.
    assert_eq!(
        timeline(&g, Some("2016-07"), Some("2016-10")),
        vec![
            row("2016-06-30", "rimpac-2016", Partly),
            row("2016-23", "gsomia-talks-2016", Partly),
        ]
    );
    // 28 December 2014 alone: the signing may have been that day, or the next; and an
    // exercise known only to come before 30 June 2016 may, for all the record says, too.
    assert_eq!(
        timeline(&g, Some("2014-12-28"), Some("2014-12-28")),
        vec![
            row("2014-12-28/2014-12-29", "tisa-2014", Partly),
            row("2014-12-28/2014-12-29", "tisa-2014", Partly),
            row("2014-12-28/2014-12-29", "tisa-signing", Partly),
            row("../2016-06-29", "trilateral-bmd-exercise-2016", Partly),
        ]
    );
    // The winter after: nothing.
    assert_eq!(timeline(&g, Some("2016-24"), Some("2017-01")), vec![]);
}

#[test]
fn answers_carry_each_date_with_its_earliest_and_latest_day() {
    let g = graph();
    let q = TimelineQuery {
        from: Some(d("2016-09")),
        to: Some(d("2016-09")),
        ..TimelineQuery::default()
    };
    let json = serde_json::to_value(g.timeline(&q)).expect("JSON");
    let entry = &json[0];
    assert_eq!(entry["date"], "2016-23");
    assert_eq!(entry["date_earliest"], "2016-09-01");
    assert_eq!(entry["date_latest"], "2016-11-30");
    assert_eq!(entry["end"], serde_json::Value::Null);
    assert_eq!(entry["within"], "partly");
    let tisa = g.index_of("tisa-2014").expect("the TISA");
    let parties = serde_json::to_value(g.parties(tisa, None)).expect("JSON");
    assert_eq!(
        parties[0]["valid"],
        serde_json::json!({
            "start": "2014-12-28/2014-12-29",
            "start_earliest": "2014-12-28",
            "start_latest": "2014-12-29",
            "end": null,
            "end_earliest": null,
            "end_latest": null,
        })
    );
    let profile = g
        .profile(g.index_of("tisa-2014").expect("the TISA"), None)
        .expect("a profile");
    let profile = serde_json::to_value(profile).expect("JSON");
    assert_eq!(profile["lifecycle"][0]["date"], "2014-12-28/2014-12-29");
    assert_eq!(profile["lifecycle"][0]["date_earliest"], "2014-12-28");
    assert_eq!(profile["lifecycle"][0]["date_latest"], "2014-12-29");
    let exercise = g
        .profile(
            g.index_of("trilateral-bmd-exercise-2016").expect("it"),
            None,
        )
        .expect("a profile");
    let exercise = serde_json::to_value(exercise).expect("JSON");
    assert_eq!(
        (
            &exercise["when"]["start"],
            &exercise["when"]["start_earliest"],
            &exercise["when"]["start_latest"]
        ),
        (
            &serde_json::json!("../2016-06-29"),
            &serde_json::Value::Null,
            &serde_json::json!("2016-06-29")
        )
    );
}

#[test]
fn exporters_carry_the_text_and_the_earliest_and_latest_day() {
    use diplograph::export::{export_to_string, ExportFormat};
    let g = graph();
    let gexf = export_to_string(&g, ExportFormat::Gexf).expect("GEXF");
    // Spells use the earliest and latest days; the EDTF text is an attribute.
    assert!(gexf.contains(r#"label="Signing of the TISA" start="2014-12-28" end="2014-12-29""#));
    assert!(gexf.contains(r#"value="2014-12-28/2014-12-29""#));
    assert!(gexf.contains(r#"label="US–South Korea–Japan anti-ballistic missile defence exercise (2016)" end="2016-06-29""#));
    let graphml = export_to_string(&g, ExportFormat::Graphml).expect("GraphML");
    assert!(graphml.contains(r#"attr.name="date_earliest""#));
    assert!(graphml.contains(">2016-23</data>"));
    assert!(graphml.contains(">2016-09-01</data>"));
    assert!(graphml.contains(">2016-11-30</data>"));
}

#[test]
fn files_from_before_edtf_load_unchanged_and_mean_the_same() {
    for text in [BEFORE_EDTF, diplograph::EXAMPLE_JSON] {
        let g = from_str(text).expect("a saved file of before loads");
        assert_eq!(to_string(&g), text, "and saves to the same bytes");
        // Every date in it is a plain ISO date: a year, a month or a day, as before.
        for (_, n) in g.nodes() {
            if let NodeDetails::Event { when, .. } = &n.details {
                for date in [when.start, when.end].into_iter().flatten() {
                    assert!(date.is_plain(), "{date}");
                }
            }
        }
    }
    let g = from_str(BEFORE_EDTF).expect("loads");
    let gsomia = g.index_of("gsomia-jpn-kor").expect("the GSOMIA");
    for (on, expected) in [
        ("2016-11-22", None),
        ("2016-11-23", Some(LifecycleState::InForce)),
        ("2016-11", Some(LifecycleState::InForce)),
        ("2017", Some(LifecycleState::InForce)),
    ] {
        let s = g.agreement_state(gsomia, Some(&d(on))).expect("a state");
        assert_eq!(s.state, expected, "{on}");
    }
    // A year is still the whole year, never its 1 January.
    let year = d("2016");
    assert_eq!(
        (year.earliest(), year.latest()),
        (day("2016-01-01"), day("2016-12-31"))
    );
    let window = Interval::new(Some(d("2016-06-01")), None);
    assert_eq!(window.contains(&year), Containment::Partly);
}
