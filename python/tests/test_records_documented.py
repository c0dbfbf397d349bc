"""docs/python.md documents every field of every answer record, and nothing that is not one.

The records are made at run time from the core's answer types (``answers.rs``: one
``diplograph.Record`` per struct, named by its type), so the fields are found the way a user
meets them: by asking every question the package has, of the example and of small graphs made
to reach what the example lacks (notices, ratifications, suspensions, unnamed speakers,
alliances), and walking the answers. The docs' tables ("Answer records, field by field") must
then list exactly the records and fields seen, so neither can fall behind the other. A new
query method must be asked here too: ``test_every_question_is_asked`` fails until it is.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Iterator

import diplograph
from diplograph import Citation, Record

#: The Graph methods that answer with records, and the AsOf ones; every other public method of
#: Graph and AsOf is in NOT_QUESTIONS (building, reading nodes and edges, saving, converting,
#: pictures).
QUESTIONS = {
    "Graph": {
        "agreements", "as_of", "attendees", "office_holders", "parties", "path", "profile",
        "signatories", "statement", "statements", "stats", "timeline",
    },
    "AsOf": {"agreements", "edges", "memberships", "offices"},
}
NOT_QUESTIONS = {
    "Graph": {
        "add_agreement", "add_country", "add_event", "add_organization", "add_person",
        "add_place", "add_source", "add_statement", "country_of", "description", "dumps",
        "degree", "edge_count", "edges", "in_edges", "neighbors", "neighbourhood", "node",
        "nodes", "out_edges", "predecessors", "relate", "save", "search", "successors", "title",
        "timeline_svg", "to_arrow", "to_networkx", "to_pandas", "to_polars", "validate", "view",
        "warnings",
    },
    "AsOf": {"date"},
}


def public(cls: type) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_")}


def test_every_question_is_asked():
    for cls in (diplograph.Graph, diplograph.AsOf):
        name = cls.__name__
        unknown = public(cls) - QUESTIONS[name] - NOT_QUESTIONS[name]
        assert not unknown, (
            f"{name} has methods this test neither asks nor knows to leave out: {sorted(unknown)}; "
            "add each to QUESTIONS (and ask it in answers()) or to NOT_QUESTIONS"
        )


def history() -> diplograph.Graph:
    """A treaty with a ratification, a suspension, notices and a term, signed at a place; an
    unnamed speaker with a dated statement reported through two chains; an alliance."""
    h = diplograph.Graph(title="records")
    for iso, name in [("CAN", "Canada"), ("RUS", "Russia"), ("USA", "United States"), ("GBR", "United Kingdom")]:
        h.add_country(iso, name)
    h.add_place("ottawa", "Ottawa", "city")
    h.relate("ottawa", "located_in", "CAN")
    text = "The pact binds. It is renewed yearly. 10 for, 2 against, 3 abstaining."
    h.add_source("src", "A report", date="2020-06-01", text=text)
    cite = [diplograph.Citation("src", text="The pact binds.")]
    step = diplograph.LifecycleStep
    h.add_agreement("pact", "A pact", kind="treaty", citations=cite,
        binding={"value": True, "citations": [{"source": "src", "text": "The pact binds."}]},
        renewal={"terms": "yearly", "citations": [{"source": "src", "text": "It is renewed yearly."}]},
        lifecycle=[
        step("negotiating", attested="1991", note="talks", citations=cite),
        step("signed", date="1992-03-24", place="ottawa"),
        step("ratified", date="1993", party="RUS", status="planned"),
        step("ratified", date="1993-01-01", party="CAN"),
        step("in_force", date="2002-01-01", until="2030-01-01"),
        step("suspended", date="2007-12-12", party="RUS", condition="until the others ratify"),
        step("notice_given", date="2020-05-22", party="USA", effective="2020-11-22"),
        step("notice_given", date="2021-01-05", effective="2021-07-05"),
        step("notice_suspended", date="2021-02-01", condition="while talks go on"),
    ])
    for iso in ("CAN", "RUS", "USA"):
        h.relate(iso, "party_to", "pact")
    h.add_agreement("resolution", "A resolution", kind="resolution",
        vote={"for": 10, "against": 2, "abstain": 3, "date": "1992-03-01",
              "citations": [{"source": "src", "text": "10 for, 2 against, 3 abstaining."}]})
    h.relate("USA", "allied_with", "GBR", start="1949-04-04")
    h.relate("USA", "trades_with", "CAN", share=0.2, amount="$1bn")
    h.relate("CAN", "other", "USA", relation="neighbours")
    h.add_organization("can-dnd", "National Defence", "ministry")
    h.relate("can-dnd", "party_to", "pact", acting_for="CAN", role="hub")
    h.add_person("signer", "A signer")
    h.relate("signer", "signed", "pact", start="1992-03-24", on_behalf_of="CAN", place="ottawa")
    h.add_person("official", "US official", unnamed="a senior US official")
    h.add_organization("wire", "A wire service", "news_outlet")
    h.add_statement("regret", "regret", paraphrase="The US regrets it.", date="2020-05-22", cue="said")
    h.relate("official", "said", "regret")
    h.relate("regret", "about", "pact")
    h.relate("regret", "reported_by", "wire", position=1)
    h.relate("regret", "reported_by", "wire", position=1, chain=2)
    return h


def answers(g: diplograph.Graph) -> Iterator[Any]:
    """Every question of QUESTIONS, asked of every node it takes."""
    agreements = [n.id for n in g.nodes(kind="agreement")]
    events = [n.id for n in g.nodes(kind="event")]
    countries = [n.id for n in g.nodes(kind="country")]
    dates = [None, "2016-06-04", "2016", "2020-06-01", "2021-03"]
    yield g.stats()
    for a in agreements:
        yield g.parties(a)
        yield g.signatories(a)
    for e in events:
        yield g.attendees(e)
    for n in g.nodes(kind="statement"):
        yield g.statement(n.id)
    yield g.statements()
    yield g.timeline(statements=True, all_statuses=True)
    yield g.office_holders("minister")
    for d in dates:
        yield g.agreements(between=tuple(countries[:2]), as_of=d) if len(countries) >= 2 else []
        for via in ("any", "intelligence", "defence"):
            if len(countries) >= 2:
                yield g.path(countries[0], countries[-1], via=via, as_of=d, k=3)
        if d is not None:
            view = g.as_of(d)
            yield view.agreements(), view.edges(), view.memberships(), view.offices()
            for a in agreements:
                yield g.parties(a, as_of=d)
    for n in list(g.nodes):
        yield g.profile(n)
        yield g.profile(n, as_of="2016-06-04")


def records(value: Any, seen: dict[str, set[str]]) -> None:
    if isinstance(value, Record):
        seen.setdefault(value.kind_name, set()).update(value.keys())
        for k in value.keys():
            records(value[k], seen)
    elif isinstance(value, (list, tuple)):
        for item in value:
            records(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            records(item, seen)
    elif isinstance(value, Citation):
        seen.setdefault("Citation", set()).update(public(Citation) - {"to_dict"})


@functools.lru_cache(maxsize=None)
def seen_records() -> dict[str, frozenset[str]]:
    seen: dict[str, set[str]] = {}
    for g in (diplograph.example(), history()):
        for answer in answers(g):
            records(answer, seen)
    return {k: frozenset(v) for k, v in seen.items()}


def documented(root) -> dict[str, set[str]]:
    """The docs' tables: each `#### `Name`` under "## Answer records, field by field", its
    rows' first cells (`field`, or `from` (`hop.from_`))."""
    text = (root / "docs" / "python.md").read_text(encoding="utf-8")
    start = text.index("\n## Answer records, field by field\n")
    end = text.index("\n## ", start + 1)
    tables: dict[str, set[str]] = {}
    current = None
    for line in text[start:end].splitlines():
        heading = re.match(r"#### `(\w+)`", line)
        if heading:
            current = tables.setdefault(heading.group(1), set())
        row = re.match(r"\| `(\w+)`", line)
        if row and current is not None:
            current.add(row.group(1))
    return tables


def test_every_record_field_is_documented(root):
    seen = seen_records()
    docs = documented(root)
    missing = {k: sorted(fields - docs.get(k, set())) for k, fields in seen.items() if fields - docs.get(k, set())}
    assert not missing, f"answer record fields missing from docs/python.md's tables: {missing}"
    stale = {k: sorted(fields - seen.get(k, set())) for k, fields in docs.items() if fields - seen.get(k, set())}
    assert not stale, f"docs/python.md documents fields no answer has (or this test does not reach): {stale}"


def test_the_records_seen_are_the_ones_expected():
    # A record the questions stop reaching would silently drop out of the check above.
    assert set(seen_records()) >= {
        "AgreementLink", "AgreementState", "Attestation", "Attribution", "AttributionChain",
        "AttributionStep", "Chain", "Citation", "Cue", "GraphStats", "Hop", "Interval", "Link",
        "Membership", "NodeRef", "Notice", "Office", "Party", "PartyStep", "Signatory", "Site",
        "SourceUse", "StatementInfo", "TimelineEntry", "TimelineKind", "ValidEdge", "Validity",
        "NodeProfile", "Relation", "LifecycleStep", "AgreementTerms", "Binding", "Renewal", "Vote",
    }


def test_office_validity_rests_on_unknown_is_documented(root):
    # The field that had to be found with dir(): now in the table of Validity, which Office
    # points to.
    office = diplograph.example().office_holders("Defence Minister", as_of="2016-06-04")[0]
    assert office.validity.rests_on_unknown is True  # the office's interval is open
    assert "rests_on_unknown" in documented(root)["Validity"]
