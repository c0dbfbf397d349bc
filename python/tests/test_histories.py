"""Treaty histories from Python: derived states and notices, statuses on steps and events,
timelines that leave out what did not happen unless asked (tests/data/treaty-histories.json of
the core crate)."""

from __future__ import annotations

import pickle

import pytest

import diplograph

HISTORIES = "crates/diplograph/tests/data/treaty-histories.json"


@pytest.fixture(scope="module")
def h(root) -> diplograph.Graph:
    return diplograph.load(root / HISTORIES)


def summary(h: diplograph.Graph, agreement: str, on: str) -> str:
    [found] = [a for a in h.as_of(on).agreements() if a.agreement.id == agreement]
    return found.state.summary


def test_a_notice_is_not_a_termination(h):
    assert summary(h, "open-skies", "2020-05-21") == "in_force since 2002-01-01"
    assert (
        summary(h, "open-skies", "2020-05-22")
        == "in_force since 2002-01-01; notice of withdrawal of USA given 2020-05-22, effective 2020-11-22"
    )
    [pact] = [a for a in h.as_of("2020-06-01").agreements() if a.agreement.id == "open-skies"]
    notice = pact.state.notices[0]
    assert (notice.of, notice.party, notice.outcome) == ("withdrawal", "USA", "pending")
    assert isinstance(notice.effective, diplograph.PartialDate)
    assert (str(notice.given), str(notice.effective)) == ("2020-05-22", "2020-11-22")
    assert pact.state.derived is False
    assert [p.party.id for p in h.parties("open-skies", as_of="2020-11-21")] == ["CAN", "DEU", "FRA", "GBR", "RUS", "USA"]
    assert [p.party.id for p in h.parties("open-skies", as_of="2020-11-22")] == ["CAN", "DEU", "FRA", "GBR", "RUS"]
    assert [p.party.id for p in h.parties("open-skies", as_of="2021-12-18")] == ["CAN", "DEU", "FRA", "GBR"]


def test_a_derived_state_is_marked(h):
    assert summary(h, "new-start", "2026-02-04") == (
        "in_force since 2011-02-05; term until 2026-02-05; ratified by RUS 2011-01-28, USA 2011-02-02; "
        "participation of RUS suspended since 2023-02-21"
    )
    [pact] = [a for a in h.as_of("2026-02-05").agreements() if a.agreement.id == "new-start"]
    assert (pact.state.state, str(pact.state.since), pact.state.derived) == ("expired", "2026-02-05", True)
    assert [r.party for r in pact.state.ratified_by] == ["RUS", "USA"]
    assert [s.party for s in pact.state.suspended_parties] == ["RUS"]


def test_a_suspended_notice_does_not_take_effect(h):
    assert summary(h, "gsomia-jpn-kor", "2019-11-23") == (
        "in_force since 2016-11-23; notice of termination given 2019-08-23, effective 2019-11-23 "
        "(suspended 2019-11-22, condition: South Korea may end the agreement at any time)"
    )
    [pact] = [a for a in h.as_of("2019-11-23").agreements() if a.agreement.id == "gsomia-jpn-kor"]
    assert pact.state.notices[0].outcome == "suspended"
    assert str(pact.state.notices[0].suspended_on) == "2019-11-22"


def test_steps_and_events_carry_their_status(h):
    steps = h.node("gsomia-jpn-kor").lifecycle
    assert [(s.state, s.status) for s in steps] == [
        ("signed", "cancelled"),
        ("signed", "occurred"),
        ("in_force", "occurred"),
        ("notice_given", "occurred"),
        ("notice_suspended", "occurred"),
        ("expired", "did_not_happen"),
        ("notice_withdrawn", "occurred"),
    ]
    assert str(steps[3].effective) == "2019-11-23"
    assert steps[4].condition == "South Korea may end the agreement at any time"
    assert steps[0].note == "the signing in Tokyo was called off less than an hour before the ceremony"
    assert h.node("gsomia-signing-2012-06-29").status == "cancelled"
    assert h.node("open-skies").status is None
    assert str(h.node("new-start").lifecycle[3].until) == "2021-02-05"


def test_timelines_leave_out_what_did_not_happen_unless_asked(h):
    default = h.timeline(start="2012", end="2019")
    assert [(str(e.date), e.description) for e in default] == [
        ("2016-11-23", "signed"),
        ("2016-11-23", "in_force"),
        ("2019-08-23", "notice_given, effective 2019-11-23"),
        ("2019-11-22", "notice_suspended"),
    ]
    everything = h.timeline(start="2012", end="2019", all_statuses=True)
    assert [(str(e.date), e.description, e.status) for e in everything] == [
        ("2012-06-29", "signed [cancelled]", "cancelled"),
        ("2012-06-29", "signing [cancelled]", "cancelled"),
        ("2016-11-23", "signed", "occurred"),
        ("2016-11-23", "in_force", "occurred"),
        ("2019-08-23", "notice_given, effective 2019-11-23", "occurred"),
        ("2019-11-22", "notice_suspended", "occurred"),
        ("2019-11-23", "expired [did_not_happen]", "did_not_happen"),
    ]
    assert everything[5].condition == "South Korea may end the agreement at any time"


def test_building_steps_with_the_new_fields():
    step = diplograph.LifecycleStep(
        "notice_given", date="2019-08-23", effective="2019-11-23", note="notice of termination", status="occurred"
    )
    assert repr(step) == (
        """LifecycleStep('notice_given', date='2019-08-23', effective='2019-11-23', note="notice of termination")"""
    )
    assert step.to_dict() == {
        "state": "notice_given",
        "date": "2019-08-23",
        "effective": "2019-11-23",
        "note": "notice of termination",
    }
    assert pickle.loads(pickle.dumps(step)) == step
    planned = diplograph.LifecycleStep("signed", date="2012-06-29", status="cancelled")
    assert pickle.loads(pickle.dumps(planned)).status == "cancelled"
    with pytest.raises(diplograph.UnknownName):
        diplograph.LifecycleStep("signed", status="maybe")
    g = diplograph.Graph()
    g.add_agreement(
        "pact",
        "Pact",
        kind="treaty",
        lifecycle=[
            {"state": "in_force", "date": "2016-11-23"},
            {"state": "notice_given", "date": "2019-08-23", "effective": "2019-11-23"},
        ],
    )
    [pact] = g.as_of("2019-11-23").agreements()
    assert (pact.state.state, pact.state.derived) == ("terminated", True)
    assert pact.state.summary.startswith("terminated since 2019-11-23; derived: a notice took effect")


def test_an_order_rule_broken_has_its_code():
    g = diplograph.Graph()
    with pytest.raises(diplograph.ValidationError) as e:
        g.add_agreement(
            "pact",
            "Pact",
            kind="treaty",
            lifecycle=[{"state": "signed"}, {"state": "notice_given"}],
        )
    assert [p.code for p in e.value.problems] == ["notice-not-in-force"]
