"""networkx and pandas habits: the views g.nodes, g.edges and g.degree, the one-hop questions,
g.profile(x), and one keyword per concept (as_of=, via= as a list)."""

from __future__ import annotations

import pickle
import warnings

import pytest

import diplograph


def test_iterating_a_graph_gives_ids_as_networkx_does(g):
    ids = list(g)
    assert ids[:4] == ["CHN", "GBR", "JPN", "KOR"]
    assert len(ids) == len(g) == 76
    assert "KOR" in g and "Seoul" in g  # `in g` resolves names, as g[name] does


def test_nodes_is_a_mapping_of_ids(g):
    assert isinstance(g.nodes, diplograph.NodeView)
    assert g.nodes["KOR"] == g.node("KOR")
    assert "KOR" in g.nodes and "Seoul" not in g.nodes and 3 not in g.nodes
    with pytest.raises(KeyError):
        g.nodes["Seoul"]  # a name, not an id: g.node("Seoul") resolves names
    assert len(g.nodes) == 76
    assert list(g.nodes) == list(g)
    (first,) = list(g.nodes.items())[:1]
    assert first == ("CHN", g.node("CHN"))
    assert g.nodes.get("nope") is None


def test_calling_nodes_lists_node_objects_as_before(g):
    assert [n.id for n in g.nodes(kind="agreement")][:3] == ["gsomia-jpn-usa", "gsomia-kor-usa", "kor-jpn-defence-hotline"]
    assert len(g.nodes()) == 76
    assert g.nodes(kind="agreement", data="agreement_kind")[:3] == [
        ("gsomia-jpn-usa", "gsomia"),
        ("gsomia-kor-usa", "gsomia"),
        ("kor-jpn-defence-hotline", "communication_line"),
    ]
    assert g.nodes(kind="country", data=True)[0] == ("CHN", g.node("CHN"))
    with pytest.raises(diplograph.UnknownName):
        g.nodes(kind="planet")


def test_edges_iterate_as_pairs_and_list_with_data(g):
    assert isinstance(g.edges, diplograph.EdgeView)
    assert list(g.edges)[:3] == [("CHN", "six-party-talks"), ("CHN", "stmt-china-talks-revived"), ("JPN", "gsomia-jpn-usa")]
    assert len(g.edges) == g.edge_count == 230
    assert ("KOR", "gsomia-kor-usa") in g.edges
    assert ("gsomia-kor-usa", "KOR") not in g.edges and ("KOR", "nope") not in g.edges and "KOR" not in g.edges
    offices = [(u, v, e.title) for u, v, e in g.edges(kind="holds_office", data=True)]
    assert offices[:3] == [
        ("ashton-carter", "us-dod", "Secretary of Defense"),
        ("gen-nakatani", "jpn-mod", "Defence Minister"),
        ("han-min-koo", "kor-mnd", "Defence Minister"),
    ]
    assert [e.to_id for e in g.edges(as_of="1999") if e.from_id == "PRK" and e.kind == "party_to"] == ["six-party-talks"]


def test_one_hop_questions(g):
    assert g.successors("KOR", kind="party_to") == ["gsomia-kor-usa", "six-party-talks", "trilateral-cooperation-2016", "trilateral-info-sharing"]
    assert g.successors("Han Min Koo") == [
        "kor-mnd",
        "stmt-trilateral-common-challenges",
        "carter-han-meeting-2016-06-04",
        "nakatani-han-meeting-2016-06-04",
        "trilateral-meeting-2016-06-04",
    ]
    assert g.predecessors("gsomia-kor-usa", kind="party_to") == ["KOR", "USA"]
    assert g.predecessors("han-min-koo") == []
    # Both ways, unlike networkx's DiGraph.neighbors: an agreement's parties are its neighbours.
    assert g.neighbors("gsomia-kor-usa") == ["KOR", "USA", "trilateral-info-sharing"]
    assert [e.to_id for e in g.out_edges("han-min-koo", kind="holds_office")] == ["kor-mnd"]
    assert [e.from_id for e in g.in_edges("gsomia-kor-usa", kind="party_to")] == ["KOR", "USA"]
    # North Korea left the Six-Party Talks in 2009.
    assert g.successors("PRK", kind="party_to") == ["six-party-talks"]
    assert g.successors("PRK", kind="party_to", as_of="2016") == []
    with pytest.raises(diplograph.NodeNotFound):
        g.successors("Atlantis")


def test_degree_as_networkx_counts_it(g):
    assert isinstance(g.degree, diplograph.DegreeView)
    assert g.degree["KOR"] == 21
    assert g.degree("KOR", kind="party_to") == 4
    assert g.degree["South Korea"] == 21
    degrees = dict(g.degree)
    assert len(degrees) == len(g.degree) == 76
    assert sum(degrees.values()) == 2 * len(g.edges)
    by_treaties = dict(g.degree(kind="party_to"))
    assert max(by_treaties.items(), key=lambda pair: pair[1]) == ("USA", 6)
    assert dict(g.degree(kind="party_to", as_of="2016"))["PRK"] == 0


def test_views_follow_the_graph_as_it_changes():
    g = diplograph.Graph()
    nodes, edges = g.nodes, g.edges
    g.add_country("KOR", "South Korea")
    g.add_country("USA", "United States")
    g.add_agreement("gsomia", "GSOMIA", "gsomia")
    g.relate("KOR", "party_to", "gsomia")
    assert list(nodes) == ["KOR", "USA", "gsomia"] and list(edges) == [("KOR", "gsomia")]
    assert g.degree["gsomia"] == 1


def test_profile_is_what_show_prints(g):
    p = g.profile("gsomia-kor-usa", as_of="2016-06-04")
    assert isinstance(p, diplograph.NodeProfile)
    assert p.node.id == "gsomia-kor-usa" and p.subkind == "gsomia"
    assert p.state.state == "in_force"
    assert [x.party.id for x in p.parties] == ["KOR", "USA"]
    assert [(r.direction, r.kind, r.other.id) for r in p.relations] == [
        ("in", "party_to", "KOR"),
        ("in", "party_to", "USA"),
        ("in", "other", "trilateral-info-sharing"),
    ]
    assert p.offices == [] and p.statement is None
    assert p.citations[0].source == "st-2016-06-04"
    han = g.profile("Han Min Koo", as_of="2016-06-04")
    assert [(o.title, o.organization.id) for o in han.offices] == [("Defence Minister", "kor-mnd")]
    assert [s.statement.id for s in han.statements_by] == ["stmt-trilateral-common-challenges"]
    # Nothing says when he left: in 2024 the office only possibly held.
    assert [o.validity.certainty for o in g.profile("han-min-koo", as_of="2024").offices] == ["possible"]
    assert g.profile("han-min-koo", as_of="2024", certain=True).offices == []
    assert pickle.loads(pickle.dumps(p)) == p


def test_profile_reads_as_show_prints_it(g):
    text = repr(g.profile("gsomia-kor-usa", as_of="2016-06-04"))
    assert text.splitlines()[:2] == [
        "US–South Korea GSOMIA — agreement (gsomia), id gsomia-kor-usa",
        "as of: 2016-06-04",
    ]
    assert "Parties (2)\n  South Korea (KOR) | member | attested 2016-06-04\n  United States (USA) | member | attested 2016-06-04" in text
    assert "binding: legally binding  “Under the framework" in text
    html = g.profile("gsomia-kor-usa")._repr_html_()
    assert "<caption>Relations (3)</caption>" in html
    assert "<td>← party_to</td><td>South Korea (KOR)</td>" in html
    # Each row shows the sentence it is cited from.
    assert "“Under the framework, South Korea would pass relevant information" in html


def test_office_holders_takes_as_of_and_warns_on_the_old_on(g):
    new = g.office_holders("Defence Minister", as_of="2016-06-04")
    assert [o.person.id for o in new] == ["gen-nakatani", "han-min-koo"]
    with pytest.warns(DeprecationWarning, match=r"office_holders\(on=...\) is deprecated: pass as_of=... instead"):
        old = g.office_holders("Defence Minister", on="2016-06-04")
    assert old == new
    with pytest.raises(TypeError, match="got both as_of= and on="):
        g.office_holders("Defence Minister", on="2016", as_of="2016")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g.office_holders("Defence Minister", as_of="2016-06-04")


def test_via_takes_a_list_as_kinds_does(g):
    def hops(via):
        return [[h.link.agreement.id for h in c.hops] for c in g.path("KOR", "JPN", via=via, as_of="2016-06-04", k=3)]

    assert hops(["gsomia"]) == hops("gsomia") == [["gsomia-kor-usa", "gsomia-jpn-usa"]]
    assert hops(["gsomia", "treaty"]) == hops("gsomia,treaty")
    with pytest.raises(diplograph.UnknownName):
        hops(["gsomia", "friendship"])
    with pytest.raises(TypeError, match="via= takes"):
        hops(3)
