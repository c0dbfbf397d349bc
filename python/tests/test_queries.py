"""The core's query tests (crates/diplograph/tests/queries.rs), asked through Python with the
same exact answers, on the built-in example and the merged example."""

from __future__ import annotations

import pytest

import diplograph


def chains(graph, a, b, via, as_of, k):
    return [
        ([c.hops[0].from_.id] + [h.to.id for h in c.hops], [_link(h.link) for h in c.hops])
        for c in graph.path(a, b, via=via, as_of=as_of, k=k)
    ]


def _link(link):
    return link.agreement.id if link.type == "agreement" else link.kind


def test_headline_chain_seoul_to_tokyo_goes_through_washington(g):
    found = g.path("South Korea", "Japan", via="intelligence", as_of="2016-06-04", k=3)
    assert len(found) == 1
    chain = found[0]
    assert [h.from_.id for h in chain.hops] + [chain.hops[-1].to.id] == ["KOR", "USA", "JPN"]
    assert chain.rests_on_unknown is False
    assert chain.containment == "inside"
    first = chain.hops[0].link
    assert (first.agreement.id, first.kind, first.state.state) == ("gsomia-kor-usa", "gsomia", "in_force")
    # Each hop cites the sentences it rests on.
    assert all(isinstance(c, diplograph.Citation) for h in chain.hops for c in h.citations)
    assert all(h.citations for h in chain.hops)
    assert all(c.source == "st-2016-06-04" for h in chain.hops for c in h.citations)


def test_no_chain_is_an_empty_answer(g):
    assert chains(g, "South Korea", "China", "intelligence", "2016-06-04", 3) == []
    assert chains(g, "South Korea", "North Korea", "any", "2016-06-04", 3) == []
    assert chains(g, "KOR", "JPN", "arrangement", "2016-06-04", 3) == []


def test_families_choose_the_agreements(g):
    assert chains(g, "KOR", "JPN", "communication", "2016-06-04", 5) == [
        (["KOR", "JPN"], ["kor-jpn-defence-hotline"]),
        (["KOR", "JPN"], ["kor-jpn-ministers-direct-line"]),
    ]
    assert chains(g, "KOR", "JPN", "defence", "2016-06-04", 2) == [
        (["KOR", "USA", "JPN"], ["allied_with", "gsomia-jpn-usa"]),
        (["KOR", "USA", "JPN"], ["allied_with", "mou-usa-jpn-defence-procurement"]),
    ]
    with pytest.raises(diplograph.UnknownName) as err:
        g.path("KOR", "JPN", via="friendship")
    assert str(err.value).startswith(
        "unknown relation family or agreement kind `friendship`; expected one of: intelligence, defence, communication, any, gsomia"
    )
    assert isinstance(err.value, ValueError)


def test_merged_example_is_direct_after_november_2016(merged):
    assert chains(merged, "South Korea", "Japan", "intelligence", "2016-06-04", 1) == [
        (["KOR", "USA", "JPN"], ["gsomia-kor-usa", "gsomia-jpn-usa"])
    ]
    assert chains(merged, "South Korea", "Japan", "intelligence", "2016-12-01", 1) == [
        (["KOR", "JPN"], ["gsomia-jpn-kor"])
    ]
    november = merged.path("KOR", "JPN", via="intelligence", as_of="2016-11")[0]
    assert [h.link.agreement.id for h in november.hops] == ["gsomia-jpn-kor"]
    assert november.containment == "partly"
    signers = [(s.person.id, s.on_behalf_of.id) for s in merged.signatories("gsomia-jpn-kor")]
    assert signers == [("han-min-koo", "KOR"), ("yasumasa-nagamine", "JPN")]


def test_as_of_states_and_unknown_bounds(g):
    view = g.as_of("2016-06-04")
    assert view.date == "2016-06-04"
    on_day = [(a.agreement.id, a.state.state, a.state.rests_on_unknown) for a in view.agreements()]
    assert on_day == [
        ("gsomia-jpn-usa", "in_force", False),
        ("gsomia-kor-usa", "in_force", False),
        ("kor-jpn-defence-hotline", "in_force", False),
        ("kor-jpn-ministers-direct-line", "agreed", False),
        ("mou-usa-jpn-defence-procurement", "signed", False),
        ("six-party-talks", "suspended", False),
        ("trilateral-cooperation-2016", "agreed", False),
        ("trilateral-info-sharing", "negotiating", False),
        ("un-sanctions-2016-03", "in_force", False),
    ]
    earlier = [(a.agreement.id, a.state.rests_on_unknown) for a in g.agreements(as_of="2012")]
    assert earlier == [
        ("gsomia-jpn-usa", True),
        ("gsomia-kor-usa", True),
        ("kor-jpn-defence-hotline", True),
        ("six-party-talks", True),
        ("trilateral-info-sharing", True),
    ]
    # The month of the UN sanctions: in force "2016-03" is only partly known mid-March.
    def un_on(day):
        found = [a for a in g.agreements(as_of=day) if a.agreement.id == "un-sanctions-2016-03"]
        return (found[0].state.state, found[0].state.containment) if found else None

    assert un_on("2016-03-15") == ("in_force", "partly")
    assert un_on("2016-04-01") == ("in_force", "inside")
    assert un_on("2016-02") is None


def test_parties_and_withdrawals(g):
    ids = lambda on: [p.party.id for p in g.parties("Six-Party Talks", as_of=on)]  # noqa: E731
    assert ids("2008") == ["CHN", "JPN", "KOR", "PRK", "RUS", "USA"]
    assert ids("2016-06-04") == ["CHN", "JPN", "KOR", "RUS", "USA"]
    prk = [p for p in g.parties("Six-Party Talks") if p.party.id == "PRK"][0]
    assert prk.withdrew == diplograph.PartialDate("2009")
    between = [a.agreement.id for a in g.agreements(between=("USA", "Japan"), as_of="2016-06-04")]
    assert between == [
        "gsomia-jpn-usa",
        "mou-usa-jpn-defence-procurement",
        "six-party-talks",
        "trilateral-cooperation-2016",
        "trilateral-info-sharing",
    ]


def test_office_holders_on_a_date(g):
    holders = [(o.person.id, o.organization.id) for o in g.office_holders("Defence Minister", as_of="2016-06-04")]
    assert holders == [("gen-nakatani", "jpn-mod"), ("han-min-koo", "kor-mnd")]
    pentagon = g.office_holders("Pentagon")
    assert [(o.person.id, o.title) for o in pentagon] == [("ashton-carter", "Secretary of Defense")]
    assert pentagon[0].validity.rests_on_unknown is False
    assert g.office_holders("Pentagon", as_of="2016-06-04")[0].validity.rests_on_unknown is True


def test_office_holders_by_title_words_and_within_a_body(g):
    by_words = g.office_holders("Minister of Defense", as_of="2016-06-04")
    assert [o.person.id for o in by_words] == ["gen-nakatani", "han-min-koo"]
    # A country's offices are those of its bodies, at any depth.
    assert [o.person.id for o in g.office_holders("South Korea")] == ["han-min-koo", "yoon-soon-gu"]
    assert [o.person.id for o in g.office_holders("minister", within="Seoul")] == ["han-min-koo"]
    assert g.office_holders("Secretary", within="KOR") == []


def test_timeline_statements_kinds_and_parties(g):
    assert len(g.timeline()) == 15
    assert len(g.timeline(statements=True)) == 15 + 24
    china = g.timeline(kinds=["statement"], involving=["China"])
    assert [e.subject.id for e in china] == [
        "stmt-china-should-pressure",
        "stmt-china-talks-revived",
        "stmt-lu-yin-not-the-truth",
        "stmt-lu-yin-un-resolutions",
    ]
    assert all(e.what["reported"] for e in china)
    shared = g.timeline(start="2016-06", kinds=["meeting"], involving=["KOR", "JPN"])
    assert [e.subject.id for e in shared] == ["nakatani-han-meeting-2016-06-04", "trilateral-meeting-2016-06-04"]
    with pytest.raises(diplograph.UnknownName):
        g.timeline(kinds=["lifecycles"])


def test_a_reversed_timeline_window_is_an_error(g):
    with pytest.raises(diplograph.InvalidQuery, match="reversed"):
        g.timeline(start="2016-02", end="2016-01")
    with pytest.raises(ValueError):
        g.timeline(start="2016-02", end="2016-01")


def test_statements_by_about_via_and_disputed(g):
    ids = lambda **q: [s.statement.id for s in g.statements(**q)]  # noqa: E731
    assert ids(by="Ashton Carter") == [
        "stmt-carter-alliance-linchpin",
        "stmt-carter-extended-deterrence",
        "stmt-carter-full-range",
        "stmt-carter-ironclad",
        "stmt-trilateral-common-challenges",
    ]
    assert ids(by="Ashton Carter", via="Seoul's defence ministry") == [
        "stmt-carter-extended-deterrence",
        "stmt-carter-full-range",
        "stmt-trilateral-common-challenges",
    ]
    assert ids(disputed=True) == [
        "stmt-china-should-pressure",
        "stmt-china-talks-revived",
        "stmt-denuclearisation-first",
        "stmt-lu-yin-not-the-truth",
    ]
    lu = g.statement("stmt-lu-yin-not-the-truth")
    assert lu.is_quote is True and lu.text == "not the truth"
    assert [s.id for s in lu.disputes] == ["stmt-china-should-pressure"]
    pressure = g.statement("stmt-china-should-pressure")
    assert [s.id for s in pressure.speakers] == ["shinsuke-sugiyama", "yoon-soon-gu"]
    assert [s.id for s in pressure.disputed_by] == ["stmt-lu-yin-not-the-truth"]
    account = g.statement("stmt-kor-mnd-extended-deterrence")
    assert [s.id for s in account.reports] == ["stmt-carter-extended-deterrence"]
    assert account.attribution.text == (
        "Ministry of National Defense (South Korea), according to Yonhap News Agency, reported by The Straits Times"
    )
    assert ids(about="Pyongyang", by="Lu Yin") == [
        "stmt-lu-yin-multilateral-solution",
        "stmt-lu-yin-not-the-truth",
        "stmt-lu-yin-talk-to-them",
    ]


REPORTS = (
    __import__("pathlib").Path(__file__).resolve().parents[2]
    / "crates" / "diplograph" / "tests" / "data" / "gsomia-notice-reports-2019-08.json"
)


def test_a_statement_reported_in_parallel_shows_each_chain_apart():
    # As crates/diplograph/tests/queries.rs asks it.
    r = diplograph.load(REPORTS)
    kim = r.statement("stmt-kim-end-gsomia")
    assert kim.attribution.text == "Kim You-geun, reported by Yonhap News Agency; in parallel, reported by Reuters"
    assert [(c.chain, c.text) for c in kim.attribution.chains] == [
        (1, "Kim You-geun, reported by Yonhap News Agency"),
        (2, "Kim You-geun, reported by Reuters"),
    ]
    assert kim.cue.words == "announced the decision at a briefing"
    assert [(c.source, c.span) for c in kim.cue.citations] == [("digest-2019-08-22", (185, 221))]
    assert [n.id for n in kim.made_at] == ["nso-briefing-2019-08-22"]
    assert [n.id for n in kim.made_in] == ["KOR"]
    assert [s.statement.id for s in r.statements(via="Reuters")] == ["stmt-kim-end-gsomia"]
    reuters = [e for e in r.edges("reported_by") if e.to_id == "reuters"]
    assert [(e.position, e.chain, e.to_dict()["chain"]) for e in reuters] == [(1, 2, 2)]
    node = r.node("stmt-kim-end-gsomia")
    assert node.cue == "announced the decision at a briefing"
    assert [c.span for c in node.cue_citations] == [(185, 221)]


def test_an_unnamed_speaker_is_found_by_its_id_only():
    r = diplograph.load(REPORTS)
    with pytest.raises(diplograph.NodeNotFound):
        r.node("a Pentagon spokesman")
    spokesman = r.node("pentagon-spokesman")
    assert spokesman.unnamed == "a Pentagon spokesman"
    assert spokesman.to_dict()["unnamed"] is True and spokesman.to_dict()["description"] == "a Pentagon spokesman"
    (said,) = r.statements(by="pentagon-spokesman")
    assert said.attribution.text == "a Pentagon spokesman"
    assert said.speakers[0].unnamed == "a Pentagon spokesman"
    assert str(said.speakers[0]) == 'Pentagon spokesman (unnamed) (pentagon-spokesman, unnamed: "a Pentagon spokesman")'
    assert said.cue.words == "said"
    # Built in Python: the same rules.
    g = diplograph.Graph()
    g.add_person("us-official", "a senior US official", unnamed="a senior US official")
    g.add_organization("kor-mnd-officials", "officials of the South Korean Defence Ministry", "ministry",
                       unnamed="officials of the South Korean Defence Ministry")
    g.add_statement("s", "S", paraphrase="P", cue="told reporters")
    assert g.node("us-official").unnamed == "a senior US official"
    with pytest.raises(diplograph.NodeNotFound):
        g.node("a senior US official")
    assert g.node("s").cue == "told reporters"


def test_timeline_keeps_precision_and_window_edges(g):
    def entries(start=None, end=None, around=None):
        return [f"{e.date} {e.subject.id} {e.within}" for e in g.timeline(start=start, end=end, around=around)]

    assert entries("2016-01-15", "2016-02-15") == [
        "2016 prk-missile-tests-2016 partly",
        "2016-01 prk-nuclear-test-2016-01 partly",
    ]
    assert entries("2016-05-31", "2016-05-31") == [
        "2016 prk-missile-tests-2016 partly",
        "2016-05-31 prk-failed-missile-launch-2016-05-31 inside",
    ]
    assert entries(end="2010") == ["2009 six-party-talks inside"]
    assert entries(start="2016-06-05") == ["2016 prk-missile-tests-2016 partly", "2016-06-30 rimpac-2016 inside"]
    assert entries(around="Gen Nakatani") == [
        "2016-06-04 carter-nakatani-meeting-2016-06-04 inside",
        "2016-06-04 mou-usa-jpn-defence-procurement inside",
        "2016-06-04 nakatani-han-meeting-2016-06-04 inside",
        "2016-06-04 trilateral-meeting-2016-06-04 inside",
    ]
    # Dates keep their precision: a month stays a month.
    january = g.timeline(start="2016-01", end="2016-01")[1].date
    assert (january.precision, str(january)) == ("month", "2016-01")


def test_neighbourhood_is_a_valid_graph_of_its_own(g):
    sub = g.neighbourhood("Japan", depth=1, kinds=["party_to"], as_of="2016-06-04")
    assert isinstance(sub, diplograph.Graph)
    assert sorted(n.id for n in sub.nodes(kind="agreement")) == [
        "gsomia-jpn-usa",
        "mou-usa-jpn-defence-procurement",
        "six-party-talks",
        "trilateral-cooperation-2016",
        "trilateral-info-sharing",
    ]
    assert sub.validate() == []
    saved = sub.dumps()
    assert diplograph.loads(saved).dumps() == saved
    assert sorted(g.neighbourhood("Japan", depth=0)) == ["JPN", "st-2016-06-04"]


def test_lookup_and_search(g):
    for name, id_ in [
        ("Seoul", "KOR"),
        ("ROK", "KOR"),
        ("the South", "KOR"),
        ("Pentagon", "us-dod"),
        ("DPRK", "PRK"),
        ("Washington", "USA"),
        ("RIMPAC", "rimpac-2016"),
    ]:
        assert g.node(name).id == id_, name
        assert g[name].id == id_
        assert name in g
    assert [n.id for n in g.search("ministry", kind="organization")] == ["jpn-mod", "jpn-mofa", "kor-mnd", "kor-mnd-ipb"]
    with pytest.raises(diplograph.NodeNotFound) as err:
        g.node("Atlantis")
    assert err.value.name == "Atlantis"
    assert "Atlantis" not in g


def test_edges_as_of_keeps_what_holds_then(g):
    # The Six-Party Talks: North Korea's party_to edge ends with its withdrawal in 2009.
    def parties_of_talks(on):
        return sorted(e.from_id for e in g.edges(kind="party_to", as_of=on) if e.to_id == "six-party-talks")

    assert parties_of_talks(None) == sorted(p.party.id for p in g.parties("six-party-talks"))
    assert len(g.edges()) == g.edge_count
    assert all(e.kind == "holds_office" for e in g.edges(kind="holds_office"))


def test_results_show_as_tables_and_convert(g):
    found = g.office_holders("Defence Minister", as_of="2016-06-04")
    html = found._repr_html_()
    assert html.startswith("<table class='diplograph-results'><caption>2 Office</caption>")
    assert "Gen Nakatani (gen-nakatani)" in html
    assert found[0].to_dict()["person"] == {"id": "gen-nakatani", "kind": "person", "name": "Gen Nakatani"}
    assert "<p>No Chain found.</p>" == g.path("KOR", "CHN", via="intelligence", as_of="2016-06-04")._repr_html_()


def test_answers_carry_the_cores_types(g):
    # Each struct is a record named by the core's type, each date a PartialDate, each map a dict:
    # the types come from the core's answer, not from a table of field names in Python.
    chain = g.path("South Korea", "Japan", via="intelligence", as_of="2016-06-04", k=1)[0]
    assert [chain.kind_name, chain.hops[0].kind_name, chain.hops[0].link.kind_name] == ["Chain", "Hop", "Link"]
    assert chain.hops[0].link.state.kind_name == "AgreementState"
    assert isinstance(chain.hops[0].from_, diplograph.NodeRef)
    office = g.office_holders("Defence Minister", as_of="2016-06-04")[0]
    assert office.kind_name == "Office"
    assert office.valid.kind_name == "Interval"
    assert office.validity.kind_name == "Validity"
    stats = g.stats()
    assert type(stats.nodes_by_kind) is dict and type(stats.edges_by_kind) is dict
    assert isinstance(stats.first_date, diplograph.PartialDate)
    entry = g.timeline()[0]
    assert entry.kind_name == "TimelineEntry"
    assert isinstance(entry.date, diplograph.PartialDate)


def test_unnamed_nodes_cues_and_chains_pickle_and_are_checked():
    import pickle

    r = diplograph.load(REPORTS)
    for node in [r.node("pentagon-spokesman"), r.node("stmt-kim-end-gsomia")]:
        assert pickle.loads(pickle.dumps(node)) == node
    (reuters,) = [e for e in r.edges("reported_by") if e.to_id == "reuters"]
    back = pickle.loads(pickle.dumps(reuters))
    assert back == reuters and back.chain == 2
    g = diplograph.Graph()
    g.add_statement("s", "S", paraphrase="P")
    g.add_organization("yonhap", "Yonhap", "news_outlet")
    with pytest.raises(diplograph.ValidationError) as err:
        g.relate("s", "reported_by", "yonhap", position=1, chain=0)
    assert [p.code for p in err.value.problems] == ["out-of-range"]
    with pytest.raises(diplograph.ValidationError) as err:
        g.add_person("p", "P", unnamed=" ")
    assert [p.code for p in err.value.problems] == ["invalid-value"]
