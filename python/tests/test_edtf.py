"""Dates as sources give them (EDTF level 1) through the Python binding: PartialDate's forms,
their earliest and latest days, query answers and pandas frames, on the core's EDTF dataset
(the TISA signed 28 or 29 December 2014 depending on the time zone, GSOMIA talks resumed in
autumn 2016, a missile defence exercise held before RIMPAC began on 30 June 2016)."""

from __future__ import annotations

import datetime

import pytest

import diplograph
from diplograph import PartialDate

from conftest import ROOT

EDTF = ROOT / "crates" / "diplograph" / "tests" / "data" / "edtf-dates.json"


@pytest.fixture(scope="module")
def edtf() -> diplograph.Graph:
    return diplograph.load(EDTF)


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


@pytest.mark.parametrize(
    "text, precision, earliest, latest",
    [
        ("2009", "year", "2009-01-01", "2009-12-31"),
        ("2016-01", "month", "2016-01-01", "2016-01-31"),
        ("2016-06-04", "day", "2016-06-04", "2016-06-04"),
        ("2016-06-04?", "day", "2016-06-03", "2016-06-05"),
        ("2007~", "year", "2006-01-01", "2008-12-31"),
        ("2007%", "year", "2005-01-01", "2009-12-31"),
        ("201X", "decade", "2010-01-01", "2019-12-31"),
        ("20XX", "century", "2000-01-01", "2099-12-31"),
        ("2016-XX", "year", "2016-01-01", "2016-12-31"),
        ("2016-23", "season", "2016-09-01", "2016-11-30"),
        ("2016-24", "season", "2016-12-01", "2017-02-28"),
        ("2014-12-28/2014-12-29", "day", "2014-12-28", "2014-12-29"),
        ("../2016-06-30", "day", None, "2016-06-30"),
        ("2016-06-30/..", "day", "2016-06-30", None),
    ],
)
def test_every_form_keeps_its_text_and_bounds(text, precision, earliest, latest):
    d = PartialDate(text)
    assert (d.text, str(d), d.precision) == (text, text, precision)
    assert d.earliest() == (day(earliest) if earliest else None)
    assert d.latest() == (day(latest) if latest else None)
    assert d == text and hash(d) == hash(text)


def test_parts_qualifiers_and_single_days():
    autumn = PartialDate("2016-23")
    assert (autumn.year, autumn.month, autumn.day, autumn.season) == (2016, None, None, "autumn")
    assert PartialDate("2016-06-04?").qualifier == "uncertain"
    assert PartialDate("2007~").qualifier == "approximate"
    assert PartialDate("2007%").qualifier == "uncertain_approximate"
    assert PartialDate("2016").qualifier is None
    signed = PartialDate("2014-12-28/2014-12-29")
    assert signed.is_bounded and (signed.year, signed.month, signed.day) == (None, None, None)
    assert PartialDate("201X").year is None
    assert PartialDate("2016-06-04").to_date() == datetime.date(2016, 6, 4)
    for not_one_day in ("2016-06-04?", "2016-23", "2014-12-28/2014-12-29", "../2016-06-30"):
        with pytest.raises(ValueError, match="not one known day"):
            PartialDate(not_one_day).to_date()
    for bad in ("2016-25", "2016-23-01", "201X-06", "2016-06-30/2016-06-01", "../..", "2016??"):
        with pytest.raises(diplograph.InvalidDate):
            PartialDate(bad)


def test_order_is_by_earliest_then_precision_then_latest():
    dates = ["../2016-06-30", "2016-06-04?", "2016-22", "2016-06", "2016", "201X", "2016-06-01"]
    assert [str(d) for d in sorted(PartialDate(t) for t in dates)] == [
        "201X", "2016", "2016-22", "2016-06", "2016-06-01", "2016-06-04?", "../2016-06-30",
    ]


def test_as_of_and_timeline_answers(edtf):
    def state(on):
        (link,) = [a for a in edtf.as_of(on).agreements() if a.agreement.id == "tisa-2014"] or [None]
        return None if link is None else (link.state.state, link.state.containment)

    assert state("2014-12-27") is None
    assert state("2014-12-28") == ("in_force", "partly")
    assert state("2014-12-29") == ("in_force", "inside")
    assert [(p.party.id, p.validity.containment) for p in edtf.parties("tisa-2014", as_of="2014-12-28")] == [
        ("JPN", "partly"), ("KOR", "partly"), ("USA", "partly"),
    ]
    rows = edtf.timeline(start="2016-06", end="2016-12")
    assert [(str(r.date), r.subject.id, r.within) for r in rows] == [
        ("../2016-06-29", "trilateral-bmd-exercise-2016", "partly"),
        ("2016-06-30", "rimpac-2016", "inside"),
        ("2016-23", "gsomia-talks-2016", "inside"),
        ("2016-11-23", "gsomia-jpn-kor", "inside"),
        ("2016-11-23", "gsomia-jpn-kor", "inside"),
    ]
    first = rows[0]
    assert isinstance(first.date, PartialDate)
    assert (first.date.earliest(), first.date.latest()) == (None, datetime.date(2016, 6, 29))
    # As plain data (the shape --json prints) each date is followed by its days, as ISO text;
    # pandas gets the same columns.
    first, autumn = rows.to_dicts()[0], rows.to_dicts()[2]
    assert (first["date"], first["date_earliest"], first["date_latest"]) == ("../2016-06-29", None, "2016-06-29")
    assert (autumn["date"], autumn["date_earliest"], autumn["date_latest"]) == ("2016-23", "2016-09-01", "2016-11-30")
    frame = rows.to_pandas()
    assert list(frame["date"]) == ["../2016-06-29", "2016-06-30", "2016-23", "2016-11-23", "2016-11-23"]
    assert list(frame["date_earliest"])[1:3] == ["2016-06-30", "2016-09-01"]


def test_pandas_frames_carry_each_date_with_its_days(edtf):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    nodes, edges = edtf.to_pandas()
    cols = list(nodes.columns)
    assert cols[cols.index("date"):cols.index("date") + 3] == ["date", "date_earliest", "date_latest"]
    # The days are datetimes (seconds: any year fits), to sort and filter by directly.
    assert str(nodes["date_earliest"].dtype) == "datetime64[s]"
    stamp = pd.Timestamp
    talks = nodes.set_index("id").loc["gsomia-talks-2016"]
    assert (talks["date"], talks["date_earliest"], talks["date_latest"]) == (
        "2016-23", stamp("2016-09-01"), stamp("2016-11-30"),
    )
    exercise = nodes.set_index("id").loc["trilateral-bmd-exercise-2016"]
    assert pd.isna(exercise["date_earliest"]) and exercise["date_latest"] == stamp("2016-06-29")
    tisa = edges[(edges["target"] == "tisa-2014") & (edges["source"] == "JPN")].iloc[0]
    assert (tisa["start"], tisa["start_earliest"], tisa["start_latest"]) == (
        "2014-12-28/2014-12-29", stamp("2014-12-28"), stamp("2014-12-29"),
    )
    # Sorting by the earliest day never invents one: a year stays a year.
    assert str(nodes.set_index("id").loc["rimpac-2016", "end"]) == "2016-08-04"


def test_exporters_carry_text_and_days(edtf):
    gexf = edtf.dumps("gexf")
    assert 'start="2014-12-28" end="2014-12-29"' in gexf
    csv = edtf.dumps("csv")
    nodes_csv = next(v for k, v in csv.items() if "node" in k)
    header = nodes_csv.splitlines()[0].split(",")
    assert header[header.index("date"):header.index("date") + 3] == ["date", "date_earliest", "date_latest"]
    assert ",2016-23,2016-09-01,2016-11-30," in nodes_csv
