"""Issue 12, sections 1 and 2, through Python: parties with their roles and the bodies acting
for them, hops with each end's role, and `role` / `acting_for` on edges (the core's
crates/diplograph/tests/parties.rs, with the same exact answers)."""

from __future__ import annotations

import pytest

import diplograph

DATA = "crates/diplograph/tests/data"


def test_the_trilateral_framework_has_the_us_as_hub(g):
    rows = [(p.party.id, p.role, p.acting_bodies) for p in g.parties("trilateral-info-sharing", as_of="2016-06-04")]
    assert rows == [("JPN", "spoke", []), ("KOR", "spoke", []), ("USA", "hub", [])]
    roles = sorted((e.from_id, e.role) for e in g.edges(kind="party_to") if e.to_id == "trilateral-info-sharing")
    assert roles == [("JPN", "spoke"), ("KOR", "spoke"), ("USA", "hub")]
    assert [e.role for e in g.edges(kind="part_of")][:1] == [None]


def test_recaap_spokes_reach_each_other_through_the_centre(root):
    recaap = diplograph.load(root / DATA / "recaap-hub.json")
    (chain,) = recaap.path("Japan", "Philippines", via="treaty", as_of="2016-06-04", k=5)
    assert [(h.from_.id, h.from_role, h.to.id, h.to_role) for h in chain.hops] == [
        ("JPN", "spoke", "recaap-isc", "hub"),
        ("recaap-isc", "hub", "PHL", "spoke"),
    ]
    assert recaap.path("Japan", "Philippines", via="treaty", as_of="2006-10-01") == []


def test_a_ministry_acting_for_its_state_answers_as_the_state(root):
    ministries = diplograph.load(root / DATA / "defence-mou-ministries.json")
    merged = diplograph.merge(diplograph.example(), ministries)
    rows = [
        (p.party.id, [b.id for b in p.acting_bodies])
        for p in merged.parties("mou-usa-jpn-defence-procurement", as_of="2016-06-04")
    ]
    assert rows == [("JPN", ["jpn-mod"]), ("USA", ["us-dod"])]
    (link,) = [
        a for a in merged.agreements(between=("USA", "JPN"), as_of="2016-06-04")
        if a.agreement.id == "mou-usa-jpn-defence-procurement"
    ]
    assert [p.id for p in link.parties] == ["JPN", "USA"]
    stated = [e for e in ministries.edges(kind="party_to") if e.acting_for]
    assert [(e.from_id, e.acting_for, e.to_dict()["acting_for"]) for e in stated] == [("jpn-mod", "JPN", "JPN")]


def test_relate_takes_role_and_acting_for():
    g = diplograph.Graph()
    for iso, name in [("USA", "United States"), ("KOR", "South Korea"), ("JPN", "Japan")]:
        g.add_country(iso, name)
    g.add_agreement("net", "Net", "arrangement", lifecycle=[{"state": "in_force"}])
    g.add_organization("mnd", "MND", "ministry")
    hub = g.relate("USA", "party_to", "net", role="hub")
    g.relate("mnd", "party_to", "net", role="spoke", acting_for="KOR")
    g.relate("JPN", "party_to", "net", role="spoke")
    assert (hub.role, hub.acting_for) == ("hub", None)
    assert [(h.from_.id, h.to.id) for h in g.path("KOR", "JPN", as_of="2016")[0].hops] == [("KOR", "USA"), ("USA", "JPN")]
    with pytest.raises(diplograph.ValidationError):
        g.relate("KOR", "party_to", "net", acting_for="JPN")
    with pytest.raises(ValueError):
        g.relate("KOR", "party_to", "net", role="boss")
