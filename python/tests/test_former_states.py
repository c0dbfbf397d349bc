"""Former states (ISO 3166-3) and the warnings they raise, through the bindings."""
import pathlib

import diplograph

INF = pathlib.Path(__file__).resolve().parents[2] / "crates/diplograph/tests/data/inf-treaty-1987.json"


def test_the_inf_treaty_with_the_soviet_union_loads():
    g = diplograph.load(INF)
    assert g.validate() == []
    assert g.warnings() == []
    assert [p.party.id for p in g.parties("INF Treaty", as_of="1989-01-01")] == ["SUN", "USA"]
    assert g.node("USSR").id == "SUN"


def test_a_former_state_after_its_period_is_a_warning():
    g = diplograph.load(INF)
    g.add_agreement("pact", "A pact", "treaty")
    g.relate("SUN", "party_to", "pact", start="1993")
    assert g.validate() == []
    (w,) = g.warnings()
    assert (w.code, w.id) == ("country-outside-period", "SUN -party_to-> pact")
    assert w.message == (
        "`SUN -party_to-> pact` names `SUN` (Soviet Union) from 1993, after the end of its "
        "period: ISO 3166-3 withdrew the code on 1992-08-30. If the source means a successor "
        "state, use its code."
    )


def test_kosovo_and_the_new_organization_kinds():
    g = diplograph.Graph()
    g.add_country("XKX", "Kosovo")
    g.add_organization("kor-nis", "National Intelligence Service", "intelligence_agency")
    assert g.node("kor-nis").org_kind == "intelligence_agency"
