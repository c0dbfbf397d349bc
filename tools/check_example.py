#!/usr/bin/env python3
"""Independent check of hand-built diplograph datasets (docs/format.md), without cargo.

Usage:
    python3 tools/check_example.py [FILE.json ...]

With no arguments it checks crates/diplograph/data/shangri-la-2016.json and the test data in
crates/diplograph/tests/data/. It checks what the library's validator checks (shape, unknown
keys, kind fields, ids, ISO codes, endpoints, dates, intervals, lifecycles, GSOMIA parties,
citations and spans, citations by their words alone, EDTF dates, lifecycle states and the step
order rules) and, on top, the conventions of the built-in example (errors there; in other files,
which are written by hand for tests, departures are counted and the first one shown):

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
STATES = ["proposed", "negotiating", "agreed", "initialled", "signed", "ratified",
          "provisionally_applied", "in_force", "suspended", "withdrawn", "notice_given",
          "notice_suspended", "notice_withdrawn", "renewed", "expired", "terminated", "abandoned"]
# The main order of docs/format.md ("Step order"); steps about one party, notices and renewals
# may come at any point of the in-force period and are checked apart.
RANK = {"proposed": 0, "negotiating": 1, "agreed": 2, "initialled": 3, "signed": 4,
        "ratified": 5, "provisionally_applied": 5, "in_force": 6, "suspended": 6,
        "expired": 7, "terminated": 7}
PARTY_STATES = {"withdrawn", "ratified", "suspended", "notice_given", "notice_suspended",
                "notice_withdrawn"}
STEP_STATUSES = ["occurred", "planned", "scheduled", "cancelled", "postponed", "did_not_happen"]

TOP_KEYS = ["diplograph", "title", "description", "nodes", "edges"]
NODE_KEYS = [
    "id", "kind", "name", "aliases", "external_ids", "unnamed", "description", "org_kind",
    "agreement_kind", "event_kind", "place_kind", "lifecycle", "binding", "renewal", "vote", "date", "end",
    "place", "status", "quote", "paraphrase", "cue", "url", "text", "attributes", "citations",
]
COMMON_NODE_KEYS = {"id", "kind", "name", "aliases", "external_ids", "attributes", "citations"}
KIND_NODE_KEYS = {
    "country": set(),
    "person": {"unnamed", "description"},
    "organization": {"org_kind", "unnamed", "description"},
    "agreement": {"agreement_kind", "lifecycle", "binding", "renewal", "vote"},
    "event": {"event_kind", "date", "end", "place", "status"},
    "statement": {"quote", "paraphrase", "date", "cue"},
    "source": {"date", "url", "text"},
    "place": {"place_kind"},
}
EDGE_KEYS = [
    "kind", "from", "to", "start", "end", "attested", "title", "on_behalf_of", "position", "chain",
    "share", "amount", "relation", "role", "acting_for", "place", "attributes", "citations",
]
STEP_KEYS = ["state", "date", "attested", "party", "place", "effective", "until", "condition",
             "note", "status", "citations"]
WHERE = {"place", "country"}
CITATION_KEYS = ["source", "span", "text", "occurrence", "via", "confidence"]

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


SIMPLE_RE = re.compile(r"^(\d{2})(\d|X)(\d|X)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?$")


def _month_end(y, m):
    nxt = datetime.date(y + (m == 12), m % 12 + 1, 1)
    return nxt - datetime.timedelta(days=1)


def _shift_months(d, months, last):
    """d moved by whole months; `last` keeps the month's last day."""
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    y = min(max(y, 1), 9999)
    return _month_end(y, m + 1) if last else datetime.date(y, m + 1, 1)


def _simple(text):
    """(earliest, latest) of one EDTF level-1 date without `/`, or None (docs/format.md, Dates)."""
    q = 0
    if text and text[-1] in "?~%":
        q = 2 if text[-1] == "%" else 1
        text = text[:-1]
    m = SIMPLE_RE.match(text)
    if not m:
        return None
    cent, d3, d4, mo, day = m.groups()
    if d3 == "X" and d4 != "X":
        return None
    if "X" in d3 + d4:
        if mo is not None:
            return None
        if d3 == "X":
            lo, hi, unit = int(cent + "00"), int(cent + "99"), ("year", 100)
        else:
            lo, hi, unit = int(cent + d3 + "0"), int(cent + d3 + "9"), ("year", 10)
        first, last = datetime.date(max(lo, 1), 1, 1), datetime.date(hi, 12, 31)
    else:
        y = int(cent + d3 + d4)
        if y < 1:
            return None
        try:
            if mo is None:
                first, last, unit = datetime.date(y, 1, 1), datetime.date(y, 12, 31), ("year", 1)
            elif mo == "XX":
                if day not in (None, "XX"):
                    return None
                first, last, unit = datetime.date(y, 1, 1), datetime.date(y, 12, 31), ("year", 1)
            elif 21 <= int(mo) <= 24:
                if day is not None:
                    return None
                start = {21: 3, 22: 6, 23: 9, 24: 12}[int(mo)]
                first = datetime.date(y, start, 1)
                last = _shift_months(first, 2, True)
                unit = ("month", 3)
            elif 1 <= int(mo) <= 12:
                if day is None:
                    first, last, unit = (datetime.date(y, int(mo), 1), _month_end(y, int(mo)),
                                         ("month", 1))
                elif day == "XX":
                    first, last, unit = (datetime.date(y, int(mo), 1), _month_end(y, int(mo)),
                                         ("month", 1))
                else:
                    first = last = datetime.date(y, int(mo), int(day))
                    unit = ("day", 1)
            else:
                return None
        except ValueError:
            return None
    if q:
        kind, n = unit
        n *= q
        try:
            if kind == "day":
                first -= datetime.timedelta(days=n)
                last += datetime.timedelta(days=n)
            elif kind == "month":
                first, last = _shift_months(first, -n, False), _shift_months(last, n, True)
            else:
                first = datetime.date(max(first.year - n, 1), 1, 1)
                last = datetime.date(min(last.year + n, 9999), 12, 31)
        except (ValueError, OverflowError):
            pass
    return first, last


def parse_date(s):
    """(earliest, latest) of an EDTF date; None for a missing end, or None if invalid.

    A bounded date `A/B` is one day between its bounds; `..` or an empty side is open, and the
    open side is returned as date.min / date.max."""
    if not isinstance(s, str):
        return None
    if "/" not in s:
        return _simple(s)
    a, _, b = s.partition("/")
    if "/" in b or (a in ("", "..") and b in ("", "..")):
        return None
    lo = (datetime.date.min, datetime.date.min) if a in ("", "..") else _simple(a)
    hi = (datetime.date.max, datetime.date.max) if b in ("", "..") else _simple(b)
    if lo is None or hi is None or hi[1] < lo[0]:
        return None
    return lo[0], hi[1]


class Checker:
    def __init__(self, path, strict):
        self.path = path
        self.strict = strict
        self.errors = []
        self.notes = []
        self.conventions = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def conv(self, where, msg):
        """A convention of the built-in example: an error there, a note in other files."""
        if self.strict:
            self.err(where, msg)
        else:
            self.conventions.append(f"{where}: {msg}")

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
            self.conv(where, f"key order {keys} is not canonical")
        for k in ["attributes", "external_ids"]:
            if isinstance(obj.get(k), dict) and list(obj[k]) != sorted(obj[k]):
                self.conv(where, f"{k} keys are not sorted (the library saves them in key order)")
        for k, v in obj.items():
            if v in ([], {}, None, ""):
                self.err(where, f"empty value for {k!r} (omit it)")
        return True

    def check_lifecycle(self, n, parties, by_id):
        """The step rules of docs/format.md ("Lifecycle steps", "Step order")."""
        rank, prev_state, prev_date = -1, None, None
        signed = ended = abandoned = in_force_seen = False
        notice_open = False
        for k, st in enumerate(n.get("lifecycle", [])):
            w = f"{n['id']}/lifecycle/{k}"
            state = st.get("state")
            if state not in STATES:
                self.err(w, f"invalid-value: state {state!r}")
                continue
            for key in ["date", "attested", "effective", "until"]:
                if key in st:
                    self.check_date(f"{w}/{key}", st[key])
            status = st.get("status", "occurred")
            if status not in STEP_STATUSES or st.get("status") == "occurred":
                self.err(w, f"invalid-value: status {st.get('status')!r} (occurred is not written)")
            if "party" in st:
                if state not in PARTY_STATES:
                    self.err(w, f"kind-field: {state} takes no party")
                elif st["party"] not in by_id:
                    self.err(w, "dangling-reference: party")
                elif st["party"] not in parties:
                    self.err(w, "the step's party is not party_to the agreement")
            elif state == "withdrawn":
                self.err(w, "kind-field: withdrawn needs a party")
            if "effective" in st and state != "notice_given":
                self.err(w, f"kind-field: {state} takes no effective date")
            if "until" in st and state not in ("in_force", "renewed"):
                self.err(w, f"kind-field: {state} takes no until")
            if state == "notice_given" and "effective" in st and "date" in st:
                got, eff = parse_date(st["date"]), parse_date(st["effective"])
                if got and eff and eff[1] < got[0]:
                    self.err(w, "notice-effective-before-given")
            if status != "occurred":
                continue
            d = st.get("date") or st.get("attested")
            if d and parse_date(d) and prev_date and parse_date(prev_date):
                if parse_date(d)[1] < parse_date(prev_date)[0]:
                    self.err(w, "lifecycle-order: dates run backwards")
            if ended:
                self.err(w, f"step-after-end: {state} after {prev_state}")
            if abandoned and state not in ("proposed", "negotiating"):
                self.err(w, f"step-after-end: {state} after abandoned")
            if state == "abandoned":
                if signed:
                    self.err(w, "abandoned-after-signed")
                abandoned, rank = True, -1
            elif state == "ratified" and not signed:
                self.err(w, "ratified-before-signed")
            elif state == "notice_given":
                if not in_force_seen:
                    self.err(w, "notice-not-in-force")
                notice_open = True
            elif state in ("notice_suspended", "notice_withdrawn"):
                if not notice_open:
                    self.err(w, "notice-missing")
                if state == "notice_withdrawn":
                    notice_open = False
            party_step = state == "withdrawn" or (state in ("ratified", "suspended")
                                                  and "party" in st)
            if state in RANK and not party_step:
                r = RANK[state]
                if state == "ratified" and rank >= RANK["in_force"]:
                    r = rank
                if r < rank:
                    self.err(w, f"lifecycle-order: {state} after {prev_state}")
                rank = max(rank, r)
            if state in ("proposed", "negotiating") and abandoned:
                abandoned = False
            signed = signed or state == "signed"
            in_force_seen = in_force_seen or state in ("in_force", "provisionally_applied",
                                                       "renewed")
            ended = state in ("terminated", "expired")
            prev_state, prev_date = state, d or prev_date

    def run(self):
        raw = self.path.read_text(encoding="utf-8")
        try:
            doc = json.loads(raw)
        except json.JSONDecodeError as e:
            self.err(self.path.name, f"json-syntax: {e}")
            return None
        if raw != json.dumps(doc, indent=2, ensure_ascii=False) + "\n":
            self.conv("/", "not in canonical two-space JSON form")
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
                self.conv(w, "no citation")

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
                self.conv(w, "no citation")
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
                elif "text" in c and src.get("text") is not None:
                    # Citing by the words alone: the words find the span (docs/format.md).
                    b, words = src["text"].encode("utf-8"), c["text"].encode("utf-8")
                    found, at = [], b.find(words) if words else -1
                    while at >= 0:
                        found.append(at)
                        at = b.find(words, at + 1)
                    which = c.get("occurrence")
                    if not found:
                        self.err(cw, f"citation-text-not-found: {c['text']!r}")
                    elif which is None and len(found) > 1:
                        self.err(cw, f"citation-text-ambiguous: {c['text']!r} occurs "
                                     f"{len(found)} times (give an occurrence)")
                    elif which is not None and not 1 <= which <= len(found):
                        self.err(cw, f"citation-text-not-found: occurrence {which} of "
                                     f"{len(found)}")
                    else:
                        at = found[(which or 1) - 1]
                        covered[c["source"]].update(range(at, at + len(words)))
                if "occurrence" in c and ("span" in c or "text" not in c):
                    self.err(cw, "occurrence is only for a citation by its words alone")

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
                        self.conv(sw, "no citation")
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
            self.check_lifecycle(n, parties, by_id)

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
                self.conv(sid, f"reported_by chain does not end with the publisher {want_last}")
            chains[sid] = [e["to"] for e in chain]
            if "quote" in n and not any(n["quote"] in c.get("text", "")
                                        for c in n.get("citations", [])):
                self.err(sid, "quote is not verbatim in any cited sentence")
            for c in n.get("citations", []):
                if c.get("via", []) != chains[sid][:-1]:
                    self.conv(sid, f"citation via {c.get('via')} != chain {chains[sid][:-1]}")
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
            self.conv("/nodes", "not sorted by kind then id")

        def ekey(e):
            return (e["from"], EDGE_KINDS.index(e["kind"]), e["to"], e.get("start", ""),
                    e.get("end", ""), e.get("position", 0), e.get("chain", 1), e.get("title", ""),
                    e.get("on_behalf_of", ""), e.get("relation", ""))
        ek = [ekey(e) for e in edges if e.get("kind") in EDGE_KINDS]
        if ek != sorted(ek):
            self.conv("/edges", "not sorted by from, kind, to, dates")

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
        c = Checker(p, strict=p.resolve() == DEFAULT[0].resolve())
        c.run()
        rel = p.resolve().relative_to(ROOT) if p.resolve().is_relative_to(ROOT) else p
        for e in c.errors:
            print(f"{rel}: ERROR {e}")
        if c.conventions:
            print(f"{rel}: {len(c.conventions)} departure(s) from the example's conventions "
                  f"(canonical form, a citation on everything, chains ending at the publisher)"
                  f"; first: {c.conventions[0]}")
        for note in c.notes:
            print(f"{rel}: {note}")
        print(f"{rel}: {'OK' if not c.errors else f'{len(c.errors)} error(s)'}")
        status |= bool(c.errors)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
