#!/usr/bin/env python3
"""Build the treaty-histories test dataset.

Writes crates/diplograph/tests/data/treaty-histories.json: the Open Skies Treaty, New START and
the Japan–South Korea GSOMIA, each step from public facts, each citing the public pages that
state them (Wikipedia, the U.S. Department of State, the Arms Control Association). The JSON
file is the artefact (reviewed and committed); this script is how it was made, and it ends by
putting the file in canonical form with the CLI (`diplograph dump`), as the tests expect:

    python3 tools/build_histories.py
"""

import subprocess
from pathlib import Path

import json
W = "https://en.wikipedia.org/wiki/"
sources = {
    "wp-open-skies": ("Treaty on Open Skies (Wikipedia)", W + "Treaty_on_Open_Skies"),
    "aca-open-skies": ("The Open Skies Treaty at a Glance (Arms Control Association)", "https://www.armscontrol.org/factsheets/openskies"),
    "wp-new-start": ("New START (Wikipedia)", W + "New_START"),
    "state-new-start": ("New START Treaty (U.S. Department of State)", "https://www.state.gov/new-start/"),
    "aca-new-start": ("New START at a Glance (Arms Control Association)", "https://www.armscontrol.org/factsheets/NewSTART"),
    "wp-gsomia": ("General Security of Military Information Agreement (Wikipedia)", W + "General_Security_of_Military_Information_Agreement"),
}
def cite(*ids):
    return [{"source": s} for s in ids]
def step(state, date=None, cites=(), **kw):
    s = {"state": state}
    if date: s["date"] = date
    s.update(kw)
    if cites: s["citations"] = cite(*cites)
    return s
nodes = []
for cid, name in [("CAN","Canada"),("DEU","Germany"),("FRA","France"),("GBR","United Kingdom"),("JPN","Japan"),("KOR","South Korea"),("RUS","Russia"),("USA","United States")]:
    nodes.append({"id": cid, "kind": "country", "name": name})
OS = ("wp-open-skies", "aca-open-skies")
nodes.append({
    "id": "open-skies", "kind": "agreement", "name": "Treaty on Open Skies",
    "aliases": ["Open Skies Treaty"], "agreement_kind": "treaty",
    "lifecycle": [
        step("signed", "1992-03-24", OS, note="signed in Helsinki"),
        step("in_force", "2002-01-01", OS),
        step("notice_given", "2020-05-22", OS, party="USA", effective="2020-11-22",
             note="the United States' notice of withdrawal, announced on 21 May 2020"),
        step("notice_given", "2021-06-18", OS, party="RUS", effective="2021-12-18",
             note="Russia's notice of withdrawal"),
    ],
    "citations": cite(*OS),
})
NS = ("wp-new-start", "state-new-start", "aca-new-start")
nodes.append({
    "id": "new-start", "kind": "agreement", "name": "New START",
    "aliases": ["Treaty on Measures for the Further Reduction and Limitation of Strategic Offensive Arms"],
    "agreement_kind": "treaty",
    "lifecycle": [
        step("signed", "2010-04-08", NS, note="signed in Prague"),
        step("ratified", "2011-01-28", NS, party="RUS", note="the ratification law signed by President Medvedev"),
        step("ratified", "2011-02-02", NS, party="USA", note="the instrument of ratification signed by President Obama, after the Senate's consent of 22 December 2010"),
        step("in_force", "2011-02-05", NS, until="2021-02-05", note="instruments of ratification exchanged in Munich; a ten-year term"),
        step("renewed", "2021-02-03", NS, until="2026-02-05", note="extended by five years, the longest extension the treaty allows"),
        step("suspended", "2023-02-21", NS, party="RUS", note="Russia suspended its participation (not a withdrawal)"),
    ],
    "citations": cite(*NS),
})
GS = ("wp-gsomia",)
nodes.append({
    "id": "gsomia-jpn-kor", "kind": "agreement", "name": "Japan–South Korea GSOMIA",
    "agreement_kind": "gsomia",
    "lifecycle": [
        step("signed", "2012-06-29", GS, status="cancelled", note="the signing in Tokyo was called off less than an hour before the ceremony"),
        step("signed", "2016-11-23", GS),
        step("in_force", "2016-11-23", GS, note="renewed each year unless either party gives 90 days' notice"),
        step("notice_given", "2019-08-23", GS, effective="2019-11-23", note="South Korea's notice of termination, decided on 22 August 2019"),
        step("notice_suspended", "2019-11-22", GS, condition="South Korea may end the agreement at any time",
             note="South Korea suspended the effect of its notice hours before it was to take effect"),
        step("expired", "2019-11-23", GS, status="did_not_happen", note="the expiry the notice would have brought"),
        step("notice_withdrawn", "2023-03-21", GS, note="South Korea withdrew its 2019 notice, normalizing the agreement"),
    ],
    "citations": cite(*GS),
})
nodes.append({
    "id": "gsomia-signing-2012-06-29", "kind": "event", "name": "Japan–South Korea GSOMIA signing ceremony",
    "event_kind": "signing", "date": "2012-06-29", "place": "Tokyo", "status": "cancelled",
    "citations": cite(*GS),
})
for sid, (name, url) in sources.items():
    nodes.append({"id": sid, "kind": "source", "name": name, "url": url})
edges = []
for p in ["CAN", "DEU", "FRA", "GBR", "RUS", "USA"]:
    edges.append({"kind": "party_to", "from": p, "to": "open-skies", "citations": cite(*OS)})
for p in ["RUS", "USA"]:
    edges.append({"kind": "party_to", "from": p, "to": "new-start", "citations": cite(*NS)})
for p in ["JPN", "KOR"]:
    edges.append({"kind": "party_to", "from": p, "to": "gsomia-jpn-kor", "citations": cite(*GS)})
edges.append({"kind": "held_in", "from": "gsomia-signing-2012-06-29", "to": "JPN", "citations": cite(*GS)})
doc = {
    "diplograph": "1",
    "title": "Treaty histories: Open Skies, New START, the Japan–South Korea GSOMIA",
    "description": "Test data for treaty histories, from public facts with sources: notices of withdrawal and their effective dates (Open Skies), ratifications on different dates, a term and its extension and a suspended participation (New START), a notice of termination suspended on a condition so that the expiry did not happen and later withdrawn, and a signing called off at the last minute (Japan–South Korea GSOMIA). Only some of Open Skies' 34 parties are listed. Built by tools/build_histories.py.",
    "nodes": nodes,
    "edges": edges,
}
out = Path(__file__).resolve().parents[1] / "crates" / "diplograph" / "tests" / "data" / "treaty-histories.json"
out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
root = Path(__file__).resolve().parents[1]
subprocess.run(
    ["cargo", "run", "-q", "-p", "diplograph-cli", "--", "-q", "dump", str(out), "-o", str(out), "--force"],
    cwd=root,
    check=True,
)
