"""Agreement terms (binding, renewal, vote) through the bindings: fields with citations."""
import pickle

import pytest

import diplograph


def test_the_example_gsomia_is_binding_with_its_sentence():
    g = diplograph.example()
    b = g.node("gsomia-kor-usa").binding
    assert b["value"] is True
    (c,) = b["citations"]
    assert "already has a legally-binding pact" in c["text"]
    assert "legally_binding" not in g.node("gsomia-kor-usa").attributes


def graph_with_a_vote():
    g = diplograph.Graph()
    g.add_source("un", "UN press release", text="adopted by 15 votes to none; not legally binding")
    g.add_agreement(
        "res-2270",
        "Resolution 2270",
        "resolution",
        vote={"for": 15, "against": 0, "abstain": 0, "date": "2016-03-02",
              "citations": [diplograph.Citation("un", text="15 votes to none")]},
        binding={"value": False, "citations": [{"source": "un", "text": "not legally binding"}]},
    )
    return g


def test_terms_are_built_cited_and_kept_through_save_and_pickle():
    g = graph_with_a_vote()
    n = g.node("res-2270")
    assert (n.vote["for"], n.vote["against"], n.vote["abstain"], n.vote["date"]) == (15, 0, 0, "2016-03-02")
    assert n.vote["citations"][0]["span"] == (11, 27)
    assert n.binding == {"value": False, "citations": [{"source": "un", "span": (29, 48), "text": "not legally binding"}]}
    again = diplograph.loads(g.dumps())
    assert again.node("res-2270").vote == n.vote
    assert pickle.loads(pickle.dumps(n)).vote == n.vote


def test_a_term_without_a_citation_is_refused():
    g = diplograph.Graph()
    with pytest.raises(diplograph.ValidationError) as err:
        g.add_agreement("pact", "A pact", "treaty", binding={"value": True})
    assert [p.code for p in err.value.problems] == ["uncited-term"]
    with pytest.raises(TypeError, match="`vote` must be a dict"):
        g.add_agreement("pact", "A pact", "resolution", vote=[15, 0, 0])
