"""Facts known only on a date, through Python: ``attested`` on edges, answers that say
``certain`` or ``possible`` with the nearest attested date, ``certain=True``, and the reporting
date of an undated statement (the core's tests: crates/diplograph/tests/attested.rs)."""

from __future__ import annotations

import pathlib
import pickle

import pytest

import diplograph
from diplograph import PartialDate

DATA = pathlib.Path(__file__).resolve().parents[2] / "crates/diplograph/tests/data/offices-attested.json"


@pytest.fixture
def offices():
    return diplograph.load(DATA)


def holders(g, office, on, **kw):
    out = []
    for o in g.office_holders(office, as_of=on, **kw):
        near = o.validity.attested
        shown = "-" if near is None else f"{'reported' if near.source else 'attested'} {near.date}"
        out.append(f"{o.person.id} {o.validity.certainty} {shown}")
    return out


def test_defence_ministers_before_on_and_after_attested_dates(offices):
    mnd = "kor-mnd"
    assert holders(offices, mnd, "2015-03-01") == [
        "han-min-koo possible reported 2016-06-04",
        "suh-wook possible attested 2021-03-17",
    ]
    assert holders(offices, mnd, "2016-06-04") == [
        "han-min-koo certain reported 2016-06-04",
        "suh-wook possible attested 2021-03-17",
    ]
    assert holders(offices, mnd, "2019-01-01") == [
        "han-min-koo possible reported 2016-06-04",
        "jeong-kyeong-doo certain -",
        "suh-wook possible attested 2021-03-17",
    ]
    assert holders(offices, mnd, "2021-03-17") == [
        "han-min-koo possible reported 2016-06-04",
        "suh-wook certain attested 2021-03-17",
    ]
    # Who was South Korea's defence minister in 2024? No certain answer.
    assert holders(offices, "Minister of National Defense", "2024") == [
        "han-min-koo possible reported 2016-06-04",
        "suh-wook possible attested 2021-03-17",
    ]
    assert holders(offices, "Minister of National Defense", "2024", certain=True) == []
    assert holders(offices, mnd, "2021-03-17", certain=True) == ["suh-wook certain attested 2021-03-17"]


def test_the_attestation_is_a_record_with_its_date_and_source(offices):
    (han,) = offices.office_holders("kor-mnd", as_of="2016-06-04", certain=True)
    att = han.validity.attested
    assert att.kind_name == "Attestation"
    assert (att.date, att.source) == (PartialDate("2016-06-04"), "st-2016-06-04")
    assert han.to_dict()["validity"] == {
        "containment": "inside",
        "rests_on_unknown": True,
        "certainty": "certain",
        "attested": {
            "date": "2016-06-04", "date_earliest": "2016-06-04", "date_latest": "2016-06-04",
            "source": "st-2016-06-04",
        },
    }


def test_edges_carry_attested_dates_through_relate_dicts_pickles_and_frames(offices):
    g = offices
    e = g.relate(
        "song-young-moo",
        "holds_office",
        "kor-mnd",
        title="Minister of National Defense",
        attested=["2018-09-21", "2017-11"],
    )
    assert [str(d) for d in e.attested] == ["2017-11", "2018-09-21"]
    assert e.to_dict()["attested"] == [PartialDate("2017-11"), PartialDate("2018-09-21")]
    assert pickle.loads(pickle.dumps(e)).attested == e.attested
    one = g.relate("han-min-koo", "member_of", "kor-mnd", attested="2016-06-04")
    assert one.attested == [PartialDate("2016-06-04")]
    # Beside Jeong's dated term that day, Song's report does not make him certain.
    assert holders(g, "kor-mnd", "2018-09-21") == [
        "han-min-koo possible reported 2016-06-04",
        "jeong-kyeong-doo certain -",
        "song-young-moo possible attested 2018-09-21",
        "suh-wook possible attested 2021-03-17",
    ]
    pytest.importorskip("pyarrow")
    _, edges = g.to_pandas()
    suh = edges[edges["source"] == "suh-wook"].iloc[0]
    assert suh["attested"] == '["2021-03-17"]'
    # Saved and loaded back, the dates are the same.
    again = diplograph.loads(g.dumps("json"))
    (song,) = [e for e in again.edges(kind="holds_office") if e.from_id == "song-young-moo"]
    assert [str(d) for d in song.attested] == ["2017-11", "2018-09-21"]


def test_an_attested_date_outside_the_interval_is_a_validation_error(offices):
    with pytest.raises(diplograph.ValidationError) as info:
        offices.relate(
            "song-young-moo",
            "holds_office",
            "kor-mnd",
            title="Minister of National Defense",
            start="2017-07-14",
            end="2018-09-21",
            attested="2021",
        )
    assert [p.code for p in info.value.problems] == ["attested-outside-interval"]


def test_the_example_parties_agreements_chains_and_views_say_how_sure_they_are(g):
    assert [(p.party.id, p.validity.certainty) for p in g.parties("gsomia-kor-usa", as_of="2016-06-04")] == [
        ("KOR", "certain"),
        ("USA", "certain"),
    ]
    assert g.parties("gsomia-kor-usa", as_of="2012", certain=True) == []
    assert [(l.agreement.id, l.certainty) for l in g.agreements(between=("KOR", "USA"), as_of="2017-06-04")] == [
        ("gsomia-kor-usa", "possible"),
        ("six-party-talks", "possible"),
        ("trilateral-cooperation-2016", "possible"),
        ("trilateral-info-sharing", "possible"),
    ]
    assert g.agreements(between=("KOR", "USA"), as_of="2017-06-04", certain=True) == []
    (chain,) = g.path("KOR", "JPN", via="intelligence", as_of="2016-06-04", certain=True)
    assert chain.certainty == "certain" and [h.certainty for h in chain.hops] == ["certain", "certain"]
    assert g.path("KOR", "JPN", via="intelligence", as_of="2016-12-01", certain=True) == []
    view = g.as_of("2016-07-04")
    assert (len(view.offices()), len(view.offices(certain=True))) == (7, 0)
    assert len(g.as_of("2016-06-04").memberships(certain=True)) == len(g.as_of("2016-06-04").memberships())


def test_an_undated_statement_shows_its_reporting_date():
    g = diplograph.Graph()
    g.add_person("han", "Han Min-koo")
    g.add_source("st", "Straits Times", date="2016-06-04")
    g.add_statement(
        "s",
        "Han on the talks",
        paraphrase="The talks will continue.",
        citations=[diplograph.Citation("st")],
    )
    g.relate("han", "said", "s")
    (info,) = g.statements()
    assert info.date is None
    assert (info.reported.date, info.reported.source) == (PartialDate("2016-06-04"), "st")
    assert info.to_dict()["reported"] == {
        "date": "2016-06-04", "date_earliest": "2016-06-04", "date_latest": "2016-06-04", "source": "st",
    }
