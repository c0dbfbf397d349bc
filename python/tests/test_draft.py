"""diplograph.draft and draft_many: a cited draft graph from report texts."""

import diplograph

ARTICLE = (
    "Allies agree on hotline\n\n"
    "Japan and South Korea agreed to add a hotline, Reuters reported.\n\n"
    "\u201cWe will not wait,\u201d Defence Minister Han Min Koo said.\n"
)


def test_draft_finds_speakers_cues_and_chains():
    g = diplograph.draft(ARTICLE, date="2016-06-04", publisher="The Straits Times")
    assert g.validate() == []
    statements = sorted(
        (s.cue, s.quote, s.paraphrase) for s in g.nodes(kind="statement")
    )
    assert statements == [
        ("reported", None, "Japan and South Korea agreed to add a hotline"),
        ("said", "We will not wait", None),
    ]
    han = g.node("han-min-koo")
    assert han.name == "Han Min Koo"
    assert g.node("reuters").org_kind == "news_outlet"
    source = g.nodes(kind="source")[0]
    assert str(source.date) == "2016-06-04"
    assert source.name == "Allies agree on hotline"


def test_draft_is_deterministic_and_draft_many_keeps_one_source_per_text():
    a = diplograph.draft(ARTICLE, date="2016-06-04")
    b = diplograph.draft(ARTICLE, date="2016-06-04")
    assert a.dumps() == b.dumps()
    many = diplograph.draft_many([ARTICLE, ARTICLE], date="2016-06-04")
    assert sorted(n.id for n in many.nodes(kind="source")) == ["source-1", "source-2"]
    assert len(many.nodes(kind="statement")) == 4
