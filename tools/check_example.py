#!/usr/bin/env python3
"""Independent check of hand-built diplograph datasets (docs/format.md), without cargo.

Usage:
    python3 tools/check_example.py [FILE.json ...]

With no arguments it checks crates/diplograph/data/shangri-la-2016.json and the test data in
crates/diplograph/tests/data/. It checks what the library's validator checks (shape, unknown
keys, kind fields, ids, ISO codes, endpoints, dates, intervals, lifecycles, GSOMIA parties,
citations and spans, aliases) and, on top, the conventions of the built-in example:

  * every node and edge carries at least one citation;
  * every statement has exactly one of quote/paraphrase, a quote occurs verbatim in a cited
    sentence, it has at least one `said` edge and a `reported_by` chain 1..n that ends with
    the publisher of its source (a parallel `chain` numbers its own positions 1..n);
  * a statement that `reports` another is said by the first link of the other's chain;
  * the file is in canonical form, as the library saves it: nodes sorted by kind then id,
    edges by from, kind (declaration order), to, dates, position, title, on_behalf_of,
    relation; keys in the documented order, attribute keys sorted; two-space indentation;
  * coverage: which bytes of each source text no citation covers (reported, not an error).

Exits 1 if any error was found.
"""
import datetime
import json
import pathlib
import re
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "crates/diplograph/data/shangri-la-2016.json",
           *sorted((ROOT / "crates/diplograph/tests/data").glob("*.json"))]

NODE_KINDS = ["country", "person", "organization", "agreement", "event", "statement", "source",
              "place"]
EDGE_KINDS = [
    "party_to", "signed", "holds_office", "member_of", "part_of", "based_in", "said",
    "reported_by", "about", "reports", "supports", "disputes", "attended", "held_in",
    "organised_by", "withdrew_from", "sanctions", "threatens", "trades_with", "allied_with",
    "published_by", "made_at", "made_in", "continues", "agreed_at", "signed_at", "responds_to",
    "located_in", "other",
]
ORG_KINDS = ["ministry", "military", "news_outlet", "international_organization", "think_tank",
             "university", "company", "government", "legislature", "political_party",
             "intelligence_agency", "court", "ngo", "other"]
AGREEMENT_KINDS = ["gsomia", "memorandum_of_understanding", "treaty", "arrangement",
                   "communication_line", "resolution", "joint_understanding", "talks_format",
                   "other"]
EVENT_KINDS = ["meeting", "summit", "exercise", "nuclear_test", "missile_launch",
               "sanctions_decision", "talks_round", "panel", "signing", "other"]
PLACE_KINDS = ["city", "military_base", "venue", "region", "sea", "island", "other"]
STATES = ["proposed", "negotiating", "agreed", "signed", "in_force", "suspended", "withdrawn",
          "terminated"]
RANK = {"proposed": 0, "negotiating": 1, "agreed": 2, "signed": 3, "in_force": 4,
        "suspended": 4, "withdrawn": 4, "terminated": 5}

TOP_KEYS = ["diplograph", "title", "description", "nodes", "edges"]
NODE_KEYS = [
    "id", "kind", "name", "aliases", "external_ids", "unnamed", "description", "org_kind",
    "agreement_kind", "event_kind", "place_kind", "lifecycle", "binding", "renewal", "vote", "date", "end",
    "place", "quote", "paraphrase", "cue", "url", "text", "attributes", "citations",
]
COMMON_NODE_KEYS = {"id", "kind", "name", "aliases", "external_ids", "attributes", "citations"}
KIND_NODE_KEYS = {
    "country": set(),
    "person": {"unnamed", "description"},
    "organization": {"org_kind", "unnamed", "description"},
    "agreement": {"agreement_kind", "lifecycle", "binding", "renewal", "vote"},
    "event": {"event_kind", "date", "end", "place"},
    "statement": {"quote", "paraphrase", "date", "cue"},
    "source": {"date", "url", "text"},
    "place": {"place_kind"},
}
EDGE_KEYS = [
    "kind", "from", "to", "start", "end", "attested", "title", "on_behalf_of", "position", "chain",
    "share", "amount", "relation", "role", "acting_for", "place", "attributes", "citations",
]
STEP_KEYS = ["state", "date", "attested", "party", "place", "citations"]
WHERE = {"place", "country"}
CITATION_KEYS = ["source", "span", "text", "via", "confidence"]

ACTORS = {"country", "organization", "person"}
PARTIES = {"country", "organization"}
ANY_BUT_SOURCE = set(NODE_KINDS) - {"source"}
ENDPOINTS = {
    "party_to": (PARTIES, {"agreement"}),
    "withdrew_from": (PARTIES, {"agreement"}),
    "signed": ({"person"}, {"agreement"}),
    "holds_office": ({"person"}, {"organization", "country"}),
    "member_of": (ACTORS, {"organization", "agreement"}),
    "part_of": ({"organization", "event"}, {"organization", "country", "event"}),
    "based_in": ({"organization", "person"}, {"country"}),
    "said": (ACTORS, {"statement"}),
    "reported_by": ({"statement"}, {"organization", "person"}),
    "about": ({"statement"}, ANY_BUT_SOURCE),
    "reports": ({"statement"}, {"statement"}),
    "supports": ({"statement"}, {"statement"}),
    "disputes": ({"statement"}, {"statement"}),
    "attended": (ACTORS, {"event"}),
    "held_in": ({"event"}, WHERE),
    "located_in": ({"place"}, WHERE),
    "organised_by": ({"event"}, ACTORS),
    "sanctions": ({"country", "organization", "agreement"}, {"country", "organization", "person"}),
    "threatens": (ACTORS, PARTIES),
    "trades_with": ({"country"}, {"country"}),
    "allied_with": ({"country"}, {"country"}),
    "published_by": ({"source"}, {"organization", "person"}),
    "made_at": ({"statement"}, {"event"}),
    "made_in": ({"statement"}, WHERE),
    "continues": ({"statement"}, {"statement"}),
    "agreed_at": ({"agreement"}, {"event"}),
    "signed_at": ({"agreement"}, {"event"}),
    "responds_to": ({"statement", "event", "agreement"}, {"statement", "event", "agreement"}),
    "other": (set(NODE_KINDS), set(NODE_KINDS)),
}
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def iso_codes():
    table = ROOT / "crates/diplograph/data/countries.tsv"
    codes, names = set(), {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        f = line.split("\t")
        codes.add(f[0])
        for n in [f[2], *(f[3].split("|") if len(f) > 3 else []), *(f[4:5] or [])]:
            if n:
                names.setdefault(normalize(n), f[0])
    return codes, names


def normalize(name):
    out = unicodedata.normalize("NFKD", name)
    out = "".join(c for c in out if not unicodedata.combining(c))
    out = out.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(out.split()).lower()


def parse_date(s):
    """(earliest, latest) datetime.date of a partial date, or None if invalid."""
    if not isinstance(s, str):
        return None
    m = DATE_RE.match(s)
    if not m:
        return None
    y, mo, d = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    try:
        if d:
            x = datetime.date(y, mo, d)
            return x, x
        if mo:
            first = datetime.date(y, mo, 1)
            nxt = datetime.date(y + (mo == 12), mo % 12 + 1, 1)
            return first, nxt - datetime.timedelta(days=1)
        return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    except ValueError:
        return None


class Checker:
    def __init__(self, path):
        self.path = path
        self.errors = []
        self.notes = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def check_date(self, where, value):
        if parse_date(value) is None:
            self.err(where, f"invalid-date {value!r}")
            return None
        return parse_date(value)

    def check_keys(self, where, obj, allowed, order):
        if not isinstance(obj, dict):
            self.err(where, "invalid-value: not an object")
            return False
        unknown = [k for k in obj if k not in allowed]
        if unknown:
            self.err(where, f"invalid-value: unknown key(s) {unknown}")
        keys = [k for k in obj if k in order]
        if keys != sorted(keys, key=order.index):
            self.err(where, f"key order {keys} is not canonical")
        for k in ["attributes", "external_ids"]:
            if isinstance(obj.get(k), dict) and list(obj[k]) != sorted(obj[k]):
                self.err(where, f"{k} keys are not sorted (the library saves them in key order)")
        for k, v in obj.items():
            if v in ([], {}, None, ""):
                self.err(where, f"empty value for {k!r} (omit it)")
        return True

    def run(self):
        raw = self.path.read_text(encoding="utf-8")
        try:
            doc = json.loads(raw)
        except json.JSONDecodeError as e:
            self.err(self.path.name, f"json-syntax: {e}")
            return None
        if raw != json.dumps(doc, indent=2, ensure_ascii=False) + "\n":
            self.err("/", "not in canonical two-space JSON form")
        self.check_keys("/", doc, TOP_KEYS, TOP_KEYS)
        if doc.get("diplograph") != "1":
            self.err("/diplograph", "unknown-version")
        nodes, edges = doc.get("nodes", []), doc.get("edges", [])
        iso, builtin_names = iso_codes()

        # ---- nodes -----------------------------------------------------------------------
        by_id = {}
        for i, n in enumerate(nodes):
            w = f"/nodes/{i} ({n.get('id')})"
            if not self.check_keys(w, n, NODE_KEYS, NODE_KEYS):
                continue
            for k in ["id", "kind", "name"]:
                if not isinstance(n.get(k), str) or not n.get(k):
                    self.err(w, f"invalid-value: missing {k}")
            kind = n.get("kind")
            if kind not in NODE_KINDS:
                self.err(w, f"invalid-value: unknown kind {kind!r}")
                continue
            if n["id"] in by_id:
                self.err(w, "duplicate-id")
            by_id[n["id"]] = n
            extra = set(n) - COMMON_NODE_KEYS - KIND_NODE_KEYS[kind]
            if extra:
                self.err(w, f"kind-field: {kind} does not take {sorted(extra)}")
            if kind == "country" and n["id"] not in iso:
                self.err(w, "unknown-iso-code")
            if kind == "organization" and n.get("org_kind") not in ORG_KINDS:
                self.err(w, f"kind-field: org_kind {n.get('org_kind')!r}")
            if kind == "agreement" and n.get("agreement_kind") not in AGREEMENT_KINDS:
                self.err(w, f"kind-field: agreement_kind {n.get('agreement_kind')!r}")
            if kind == "event" and n.get("event_kind") not in EVENT_KINDS:
                self.err(w, f"kind-field: event_kind {n.get('event_kind')!r}")
            if kind == "place" and n.get("place_kind") not in PLACE_KINDS:
                self.err(w, f"kind-field: place_kind {n.get('place_kind')!r}")
            if kind == "statement" and (("quote" in n) == ("paraphrase" in n)):
                self.err(w, "kind-field: a statement needs exactly one of quote/paraphrase")
            for k in ["date", "end"]:
                if k in n:
                    self.check_date(f"{w}/{k}", n[k])
            if "date" in n and "end" in n and parse_date(n["date"]) and parse_date(n["end"]):
                if parse_date(n["end"])[1] < parse_date(n["date"])[0]:
                    self.err(w, "interval-reversed")
            if "end" in n and "date" not in n:
                self.err(w, "an event with an end but no date")
            if not n.get("citations"):
                self.err(w, "no citation")

        sources = {i: n for i, n in by_id.items() if n["kind"] == "source"}

        # ---- aliases -----------------------------------------------------------------------
        claimed = {}
        for n in nodes:
            own = {normalize(n.get("name", ""))}
            for a in n.get("aliases", []):
                na = normalize(a)
                if na in own:
                    self.err(n["id"], f"alias {a!r} repeats the node's own name")
                own.add(na)
                if na in claimed and claimed[na] != n["id"]:
                    self.err(n["id"], f"alias-conflict: {a!r} also claimed by {claimed[na]}")
                claimed.setdefault(na, n["id"])
                if na in builtin_names and builtin_names[na] != n["id"]:
                    self.err(n["id"], f"alias {a!r} is a built-in name of {builtin_names[na]}")
        for n in nodes:
            nn = normalize(n.get("name", ""))
            if nn in claimed and claimed[nn] != n["id"]:
                self.err(n["id"], f"its name is an alias of {claimed[nn]}")

        # ---- edges -------------------------------------------------------------------------
        out = {}
        for i, e in enumerate(edges):
            w = f"/edges/{i} ({e.get('kind')} {e.get('from')}->{e.get('to')})"
            if not self.check_keys(w, e, EDGE_KEYS, EDGE_KEYS):
                continue
            kind = e.get("kind")
            if kind not in ENDPOINTS:
                self.err(w, f"invalid-value: unknown kind {kind!r}")
                continue
            f, t = by_id.get(e.get("from")), by_id.get(e.get("to"))
            if f is None or t is None:
                self.err(w, "dangling-reference")
                continue
            fk, tk = ENDPOINTS[kind]
            if f["kind"] not in fk or t["kind"] not in tk:
                self.err(w, f"edge-endpoint-kind: {f['kind']} -> {t['kind']}")
            if kind == "holds_office" and not e.get("title"):
                self.err(w, "kind-field: holds_office needs a title")
            if "title" in e and kind != "holds_office":
                self.err(w, "title on an edge that is not holds_office")
            if kind == "other" and not e.get("relation"):
                self.err(w, "kind-field: other needs a relation")
            if "relation" in e and kind != "other":
                self.err(w, "relation on an edge that is not other")
            if kind == "reported_by":
                if not isinstance(e.get("position"), int) or e["position"] < 1:
                    self.err(w, "out-of-range: reported_by needs a position >= 1")
            elif "position" in e:
                self.err(w, "position on an edge that is not reported_by")
            if "chain" in e and (kind != "reported_by" or not isinstance(e["chain"], int)
                                 or e["chain"] < 2):
                self.err(w, "chain: only on reported_by, 2 or more (chain 1 is left out)")
            if "on_behalf_of" in e:
                if kind != "signed":
                    self.err(w, "on_behalf_of on an edge that is not signed")
                if e["on_behalf_of"] not in by_id:
                    self.err(w, "dangling-reference: on_behalf_of")
                elif not any(x.get("kind") == "party_to" and x.get("from") == e["on_behalf_of"]
                             and x.get("to") == e["to"] for x in edges):
                    self.err(w, "signed on behalf of a non-party")
            if "place" in e:
                if kind != "signed":
                    self.err(w, "place on an edge that is not signed")
                if by_id.get(e["place"], {}).get("kind") not in WHERE:
                    self.err(w, "place-not-a-place: place names no place or country node")
            if "role" in e:
                if kind != "party_to":
                    self.err(w, "role on an edge that is not party_to")
                if e["role"] not in ("member", "hub", "spoke", "observer", "guarantor"):
                    self.err(w, f"invalid-value: role {e['role']!r}")
            if "acting_for" in e:
                if kind != "party_to":
                    self.err(w, "acting_for on an edge that is not party_to")
                if by_id.get(e["acting_for"], {}).get("kind") != "country":
                    self.err(w, "acting-for-not-country")
            if "share" in e:
                if kind != "trades_with":
                    self.err(w, "share on an edge that is not trades_with")
                if not isinstance(e["share"], (int, float)) or not 0 <= e["share"] <= 1:
                    self.err(w, "out-of-range: share")
            for k in ["start", "end"]:
                if k in e:
                    self.check_date(f"{w}/{k}", e[k])
            if parse_date(e.get("start")) and parse_date(e.get("end")):
                if parse_date(e["end"])[1] < parse_date(e["start"])[0]:
                    self.err(w, "interval-reversed")
            if "attested" in e:
                att = e["attested"]
                dates = att if isinstance(att, list) else [att]
                for j, a in enumerate(dates):
                    self.check_date(f"{w}/attested" + (f"/{j}" if isinstance(att, list) else ""), a)
                    got, lo, hi = parse_date(a), parse_date(e.get("start")), parse_date(e.get("end"))
                    if got and ((lo and got[1] < lo[0]) or (hi and got[0] > hi[1])):
                        self.err(w, f"attested-outside-interval: {a}")
                if isinstance(att, list) and (len(att) < 2 or att != sorted(set(att), key=lambda a: (parse_date(a) or (datetime.date.min,))[0])):
                    self.err(w, "attested: a list is written for two dates or more, sorted, each once")
            if not e.get("citations"):
                self.err(w, "no citation")
            out.setdefault((e["from"], kind), []).append(e)

        # ---- citations ---------------------------------------------------------------------
        covered = {s: set() for s in sources}
        n_cit = 0

        def check_citations(w, cits):
            nonlocal n_cit
            for j, c in enumerate(cits):
                cw = f"{w}/citations/{j}"
                if not self.check_keys(cw, c, CITATION_KEYS, CITATION_KEYS):
                    continue
                n_cit += 1
                src = sources.get(c.get("source"))
                if src is None:
                    self.err(cw, f"missing-source {c.get('source')!r}")
                    continue
                for v in c.get("via", []):
                    if v not in by_id:
                        self.err(cw, f"dangling-reference: via {v!r}")
                if "confidence" in c and not 0 <= c["confidence"] <= 1:
                    self.err(cw, "out-of-range: confidence")
                if "span" in c:
                    text = src.get("text")
                    if text is None:
                        continue
                    b = text.encode("utf-8")
                    s, t = c["span"]
                    if not (0 <= s <= t <= len(b)):
                        self.err(cw, "span-out-of-range")
                        continue
                    try:
                        got = b[s:t].decode("utf-8")
                    except UnicodeDecodeError:
                        self.err(cw, "span-out-of-range: not on character boundaries")
                        continue
                    if "text" in c and got != c["text"]:
                        self.err(cw, f"span-text-mismatch: {got!r} != {c['text']!r}")
                    covered[c["source"]].update(range(s, t))
                elif "text" in c:
                    self.err(cw, "a citation text without a span")

        for i, n in enumerate(nodes):
            w = f"/nodes/{i} ({n.get('id')})"
            check_citations(w, n.get("citations", []))
            cue = n.get("cue")
            if cue is not None:
                if self.check_keys(f"{w}/cue", cue, ["words", "citations"], ["words", "citations"]):
                    check_citations(f"{w}/cue", cue.get("citations", []))
            for k, st in enumerate(n.get("lifecycle", [])):
                sw = f"{w}/lifecycle/{k}"
                if self.check_keys(sw, st, STEP_KEYS, STEP_KEYS):
                    check_citations(sw, st.get("citations", []))
                    if not st.get("citations"):
                        self.err(sw, "no citation")
            for term in ["binding", "renewal", "vote"]:
                if term in n:
                    check_citations(f"{w}/{term}", n[term].get("citations", []))
                    if not n[term].get("citations"):
                        self.err(f"{w}/{term}", "uncited-term")
        for i, e in enumerate(edges):
            check_citations(f"/edges/{i} ({e.get('kind')} {e.get('from')}->{e.get('to')})",
                            e.get("citations", []))

        # ---- lifecycles and GSOMIAs --------------------------------------------------------
        for n in nodes:
            if n.get("kind") != "agreement":
                continue
            parties = {e["from"] for e in edges if e.get("kind") == "party_to" and e.get("to") == n["id"]}
            if not parties:
                self.err(n["id"], "agreement without parties")
            if n.get("agreement_kind") == "gsomia" and len(parties) != 2:
                self.err(n["id"], f"bilateral-party-count: {sorted(parties)}")
            roles = {e["from"]: e.get("role", "member") for e in edges
                     if e.get("kind") == "party_to" and e.get("to") == n["id"]}
            hubs = [p for p, r in roles.items() if r == "hub"]
            if len(hubs) > 1:
                self.err(n["id"], f"hub-count: {sorted(hubs)}")
            if not hubs and "spoke" in roles.values():
                self.err(n["id"], "spoke-without-hub")
            if hubs and "member" in roles.values():
                self.err(n["id"], "member-with-hub")
            prev_rank, prev_state, prev_date = -1, None, None
            for k, st in enumerate(n.get("lifecycle", [])):
                w = f"{n['id']}/lifecycle/{k}"
                state = st.get("state")
                if state not in STATES:
                    self.err(w, f"invalid-value: state {state!r}")
                    continue
                r = RANK[state]
                if r < prev_rank:
                    self.err(w, f"lifecycle-order: {state} after {prev_state}")
                if prev_state == "in_force" and state == "signed":
                    self.err(w, "lifecycle-order")
                d = st.get("date") or st.get("attested")
                for key in ["date", "attested"]:
                    if key in st:
                        self.check_date(f"{w}/{key}", st[key])
                if d and parse_date(d) and prev_date and parse_date(prev_date):
                    if parse_date(d)[1] < parse_date(prev_date)[0]:
                        self.err(w, "lifecycle-order: dates run backwards")
                if state == "withdrawn":
                    if "party" not in st:
                        self.err(w, "kind-field: withdrawn needs a party")
                    elif st["party"] not in by_id:
                        self.err(w, "dangling-reference: party")
                    elif st["party"] not in parties:
                        self.err(w, "withdrawn party is not a party")
                elif "party" in st:
                    self.err(w, "party on a step that is not withdrawn")
                prev_rank, prev_state, prev_date = r, state, d or prev_date

        # ---- statements --------------------------------------------------------------------
        publishers = {e["from"]: e["to"] for e in edges if e.get("kind") == "published_by"}
        chains = {}
        for n in nodes:
            if n.get("kind") != "statement":
                continue
            sid = n["id"]
            if not out.get((sid, "about")) and True:
                self.err(sid, "statement about nothing")
            if not any(e.get("kind") == "said" and e.get("to") == sid for e in edges):
                self.err(sid, "statement without a said edge")
            reported = out.get((sid, "reported_by"), [])
            numbers = sorted({e.get("chain", 1) for e in reported})
            for number in numbers:
                ps = sorted(e["position"] for e in reported if e.get("chain", 1) == number)
                if ps != list(range(1, len(ps) + 1)):
                    self.err(sid, f"reported_by positions {ps} of chain {number} are not 1..n")
            # The conventions below follow chain 1, the one through the source's publisher.
            chain = sorted((e for e in reported if e.get("chain", 1) == 1),
                           key=lambda e: e["position"])
            srcs = {c["source"] for c in n.get("citations", [])}
            want_last = {publishers.get(s) for s in srcs}
            if not chain or chain[-1]["to"] not in want_last:
                self.err(sid, f"reported_by chain does not end with the publisher {want_last}")
            chains[sid] = [e["to"] for e in chain]
            if "quote" in n and not any(n["quote"] in c.get("text", "")
                                        for c in n.get("citations", [])):
                self.err(sid, "quote is not verbatim in any cited sentence")
            for c in n.get("citations", []):
                if c.get("via", []) != chains[sid][:-1]:
                    self.err(sid, f"citation via {c.get('via')} != chain {chains[sid][:-1]}")
        for e in edges:
            if e.get("kind") == "reports":
                speakers = {x["from"] for x in edges if x.get("kind") == "said" and x["to"] == e["from"]}
                first = chains.get(e["to"], [None])[0]
                if first not in speakers:
                    self.err(f"reports {e['from']}->{e['to']}",
                             f"the reported statement's first reporter {first} is not a speaker "
                             f"of the reporting statement {sorted(speakers)}")

        # ---- canonical order ---------------------------------------------------------------
        nk = [(NODE_KINDS.index(n["kind"]), n["id"]) for n in nodes if n.get("kind") in NODE_KINDS]
        if nk != sorted(nk):
            self.err("/nodes", "not sorted by kind then id")

        def ekey(e):
            return (e["from"], EDGE_KINDS.index(e["kind"]), e["to"], e.get("start", ""),
                    e.get("end", ""), e.get("position", 0), e.get("chain", 1), e.get("title", ""),
                    e.get("on_behalf_of", ""), e.get("relation", ""))
        ek = [ekey(e) for e in edges if e.get("kind") in EDGE_KINDS]
        if ek != sorted(ek):
            self.err("/edges", "not sorted by from, kind, to, dates")

        # ---- coverage (information) --------------------------------------------------------
        for sid, src in sources.items():
            text = src.get("text")
            if text is None:
                continue
            b = text.encode("utf-8")
            gaps, start = [], None
            for i in range(len(b) + 1):
                uncovered = i < len(b) and i not in covered[sid] and not chr(b[i]).isspace()
                if uncovered and start is None:
                    start = i
                elif not uncovered and start is not None:
                    gaps.append(b[start:i].decode("utf-8", "replace"))
                    start = None
            self.notes.append(f"source {sid}: {len(b)} bytes, "
                              f"{len(gaps)} uncited stretch(es){': ' + repr(gaps) if gaps else ''}")

        self.notes.append(f"{len(nodes)} nodes, {len(edges)} edges, {n_cit} citations")
        self.notes.append("nodes by kind: " + ", ".join(
            f"{k} {sum(n.get('kind') == k for n in nodes)}" for k in NODE_KINDS
            if any(n.get('kind') == k for n in nodes)))
        self.notes.append("edges by kind: " + ", ".join(
            f"{k} {sum(e.get('kind') == k for e in edges)}" for k in EDGE_KINDS
            if any(e.get('kind') == k for e in edges)))
        return doc


def main(argv):
    paths = [pathlib.Path(a) for a in argv] or DEFAULT
    status = 0
    for p in paths:
        c = Checker(p)
        c.run()
        rel = p.resolve().relative_to(ROOT) if p.resolve().is_relative_to(ROOT) else p
        for e in c.errors:
            print(f"{rel}: ERROR {e}")
        for note in c.notes:
            print(f"{rel}: {note}")
        print(f"{rel}: {'OK' if not c.errors else f'{len(c.errors)} error(s)'}")
        status |= bool(c.errors)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
