"""Places through the bindings: New START, signed at Prague Castle in Prague (Czech Republic)."""
import pickle
import pathlib

import pytest

import diplograph

NEW_START = pathlib.Path(__file__).resolve().parents[2] / "crates/diplograph/tests/data/new-start-prague-2010.json"


def test_where_new_start_was_signed():
    g = diplograph.load(NEW_START)
    assert g.validate() == []
    assert g.country_of("Prague Castle").id == "CZE"
    assert g.country_of("prague").id == "CZE"
    assert g.country_of("CZE").id == "CZE"
    (obama, medvedev) = g.signatories("new-start")
    assert (obama.person.id, obama.place.place.id, obama.place.country.id) == ("barack-obama", "prague-castle", "CZE")
    assert medvedev.place.country.name == "Czech Republic"
    step = g.node("new-start").lifecycle[0]
    assert (step.state, step.place) == ("signed", "prague-castle")
    assert g.node("prague-castle").place_kind == "venue"
    signed = [e for e in g.edges("signed")]
    assert [e.place for e in signed] == ["prague-castle", "prague-castle"]
    entries = g.timeline()
    assert entries[0].description == "signed, in Prague Castle (Czech Republic)"


def test_prague_names_the_city_or_the_country_by_the_kind_asked():
    g = diplograph.load(NEW_START)
    with pytest.raises(diplograph.AmbiguousName) as e:
        g.node("Prague")
    assert [c.id for c in e.value.candidates] == ["prague", "CZE"]
    # agreements take parties: Prague is the Czech Republic, a party to nothing here.
    assert list(g.agreements(between=("Prague", "USA"))) == []
    with pytest.raises(diplograph.NodeNotFound):
        g.path("Prague Castle", "USA")


def test_add_place_and_its_fields_round_trip():
    g = diplograph.Graph()
    g.add_country("USA", "United States")
    hawaii = g.add_place("hawaii", "Hawaii", "region")
    assert (hawaii.kind, hawaii.place_kind, hawaii.to_dict()["place_kind"]) == ("place", "region", "region")
    g.relate("hawaii", "located_in", "USA")
    assert g.country_of("Hawaii").id == "USA"
    assert pickle.loads(pickle.dumps(hawaii)) == hawaii
    step = diplograph.LifecycleStep("signed", date="2010-04-08", place="hawaii")
    assert step.place == "hawaii" and step.to_dict()["place"] == "hawaii"
    assert "place" in diplograph.NODE_KINDS and "located_in" in diplograph.EDGE_KINDS
    assert diplograph.PLACE_KINDS == ["city", "military_base", "venue", "region", "sea", "island", "other"]
    with pytest.raises(diplograph.UnknownName):
        g.add_place("x", "X", "planet")
    g.add_person("p", "P")
    g.add_agreement("pact", "Pact", "treaty")
    with pytest.raises(diplograph.ValidationError) as e:
        g.relate("p", "signed", "pact", place="p")
    assert [p.code for p in e.value.problems] == ["place-not-a-place"]


def test_the_example_holds_the_exercise_in_hawaii(g):
    assert g.country_of("Hawaii").id == "USA"
    assert g.node("Seoul").id == "KOR"
