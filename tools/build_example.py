#!/usr/bin/env python3
"""Build the built-in example dataset and the small GSOMIA test dataset.

Writes
  * crates/diplograph/data/shangri-la-2016.json -- everything the Straits Times article of
    4 June 2016 (crates/diplograph/data/straits-times-2016-06-04.txt) says, each fact citing
    the sentence that states it;
  * crates/diplograph/tests/data/jpn-kor-gsomia-2016-11.json -- the Japan–South Korea GSOMIA
    of 23 November 2016, from a short summary written for the test suite.

The JSON files are the artefacts (reviewed and committed); this script is how they were made
and how they can be regenerated:

    python3 tools/build_example.py
    python3 tools/example_spans.py crates/diplograph/data/shangri-la-2016.json   # spans
    python3 tools/check_example.py                                  # everything else

Sentences are found by a unique fragment (`S("The moves are seen")`); the citation then
carries the whole sentence, exactly as the article prints it, and its byte span. Nothing of the
article is retyped here except those look-up fragments.
"""
import json
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from example_spans import locate  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "crates/diplograph/data/straits-times-2016-06-04.txt"
OUT_MAIN = ROOT / "crates/diplograph/data/shangri-la-2016.json"
OUT_GSOMIA = ROOT / "crates/diplograph/tests/data/jpn-kor-gsomia-2016-11.json"

NODE_KINDS = ["country", "person", "organization", "agreement", "event", "statement", "source",
              "place"]
EDGE_KINDS = [
    "party_to", "signed", "holds_office", "member_of", "part_of", "based_in", "said",
    "reported_by", "about", "reports", "supports", "disputes", "attended", "held_in",
    "organised_by", "withdrew_from", "sanctions", "threatens", "trades_with", "allied_with",
    "published_by", "made_at", "made_in", "continues", "agreed_at", "signed_at", "responds_to",
    "located_in", "other",
]
NODE_KEYS = [
    "id", "kind", "name", "aliases", "external_ids", "unnamed", "description", "org_kind",
    "agreement_kind", "event_kind", "place_kind", "lifecycle", "binding", "renewal", "vote", "date", "end",
    "place", "quote", "paraphrase", "cue", "url", "text", "attributes", "citations",
]
EDGE_KEYS = [
    "kind", "from", "to", "start", "end", "attested", "title", "on_behalf_of", "position", "chain",
    "share", "amount", "relation", "role", "acting_for", "place", "attributes", "citations",
]
STEP_KEYS = ["state", "date", "attested", "party", "citations"]
CITATION_KEYS = ["source", "span", "text", "via", "confidence"]

WIKIDATA = {
    "USA": "Q30", "KOR": "Q884", "JPN": "Q17", "PRK": "Q423", "CHN": "Q148", "RUS": "Q159",
    "SGP": "Q334", "GBR": "Q145",
}
COUNTRY_NAMES = {
    "USA": "United States", "KOR": "South Korea", "JPN": "Japan", "PRK": "North Korea",
    "CHN": "China", "RUS": "Russia", "SGP": "Singapore", "GBR": "United Kingdom",
}


def ordered(d, keys):
    """`d` with its keys in the canonical order; empty values dropped; unknown keys refused."""
    unknown = set(d) - set(keys)
    if unknown:
        raise KeyError(f"unknown keys {sorted(unknown)} in {d}")
    out = {k: d[k] for k in keys if k in d and d[k] not in (None, [], {}, "")}
    for k in ["attributes", "external_ids"]:  # BTreeMaps in the library: saved in key order
        if k in out:
            out[k] = dict(sorted(out[k].items()))
    return out


def split_sentences(text):
    """Sentences of `text`: each paragraph (line) is split after . ? ! (and a closing quote)
    when followed by a space, but never inside a quotation."""
    out = []
    for para in text.split("\n"):
        if not para.strip():
            continue
        start, inq, i = 0, False, 0
        while i < len(para):
            ch = para[i]
            if ch == '"':
                inq = not inq
            elif ch in ".?!" and not inq:
                end = i + 1
                if end == len(para) or para[end] == " ":
                    out.append(para[start:end].strip())
                    start = end
            elif ch in ".?!" and inq and i + 1 < len(para) and para[i + 1] == '"':
                # A quotation that ends a sentence: ." followed by a space or the line's end.
                end = i + 2
                if end == len(para) or para[end] == " ":
                    inq = False
                    out.append(para[start:end].strip())
                    start = end
                    i = end
                    continue
            i += 1
        if para[start:].strip():
            out.append(para[start:].strip())
    return out


class Builder:
    def __init__(self, source_id, text, attest=None):
        """`attest`: the date the source attests its offices and parties on (its own date),
        written as `attested` on every undated `holds_office` and `party_to` edge."""
        self.source_id = source_id
        self.attest = attest
        self.text = text
        self.sentences = split_sentences(text)
        self.used = set()
        self.nodes = {}
        self.edges = []
        self.cues = {}  # statement id -> its reporting words, as printed

    # ---- citations -------------------------------------------------------------------------
    def sentence(self, fragment):
        hits = [s for s in self.sentences if fragment in s]
        if len(hits) != 1:
            raise ValueError(f"fragment {fragment!r} matches {len(hits)} sentences: {hits}")
        return hits[0]

    def cite(self, fragment, via=()):
        s = self.sentence(fragment)
        self.used.add(s)
        c = {"source": self.source_id, "span": locate(self.text, s), "text": s}
        if via:
            c["via"] = list(via)
        return ordered(c, CITATION_KEYS)

    def cites(self, *specs):
        """Each spec is a fragment, or (fragment, via-list)."""
        out = []
        for spec in specs:
            if isinstance(spec, tuple):
                out.append(self.cite(spec[0], spec[1]))
            else:
                out.append(self.cite(spec))
        return out

    # ---- nodes and edges ------------------------------------------------------------------
    def node(self, **kw):
        kw = {k.rstrip("_"): v for k, v in kw.items()}
        if kw["id"] in self.nodes:
            raise ValueError(f"duplicate id {kw['id']}")
        self.nodes[kw["id"]] = ordered(kw, NODE_KEYS)
        return kw["id"]

    def edge(self, kind, frm, to, cites, **kw):
        kw = {k.rstrip("_"): v for k, v in kw.items()}
        if self.attest and kind in ("holds_office", "party_to") and not {"start", "end"} & set(kw):
            kw["attested"] = self.attest
        e = dict(kind=kind, **{"from": frm}, to=to, citations=cites, **kw)
        self.edges.append(ordered(e, EDGE_KEYS))

    def country(self, iso, cites, aliases=()):
        self.node(id=iso, kind="country", name=COUNTRY_NAMES[iso], aliases=list(aliases),
                  external_ids={"wikidata": WIKIDATA[iso]}, citations=cites)

    def step(self, state, cites, date=None, attested=None, party=None):
        return ordered(dict(state=state, date=date, attested=attested, party=party,
                            citations=cites), STEP_KEYS)

    def cue(self, words, fragment):
        """A statement's reporting words (`cue`), cited at their first place in the sentence
        that `fragment` finds."""
        s = self.sentence(fragment)
        start = locate(self.text, s)[0] + len(s[:s.index(words)].encode("utf-8"))
        span = [start, start + len(words.encode("utf-8"))]
        assert self.text.encode("utf-8")[span[0]:span[1]].decode("utf-8") == words
        return {"words": words,
                "citations": [ordered({"source": self.source_id, "span": span, "text": words},
                                      CITATION_KEYS)]}

    def statement(self, id, name, *, speakers, about, cites, chain=(), quote=None,
                  paraphrase=None, date=None, attributes=None, cue=None):
        """A statement with its speakers, topics and attribution chain.

        `chain` lists the reporters between the speakers and the Straits Times, nearest the
        speakers first; the Straits Times is appended as the last link. `cites` are sentence
        fragments; every citation of the statement carries the chain (without the Straits
        Times, which is the source itself) as `via`. `cue` gives the reporting words ("told
        reporters"), found in the first cited sentence.
        """
        assert (quote is None) != (paraphrase is None)
        via = list(chain)
        full_chain = via + ["straits-times"]
        cs = [self.cite(f, via) for f in cites]
        for q in [quote] if quote else []:
            assert any(q in c["text"] for c in cs), f"quote not verbatim in its sentence: {q!r}"
        cue = cue or self.cues.get(id)
        self.node(id=id, kind="statement", name=name, quote=quote, paraphrase=paraphrase,
                  cue=self.cue(cue, cites[0]) if cue else None, date=date,
                  attributes=attributes or {}, citations=cs)
        for sp in speakers:
            self.edge("said", sp, id, cs)
        for a in about:
            self.edge("about", id, a, cs)
        for pos, reporter in enumerate(full_chain, start=1):
            rest = full_chain[pos:-1]  # the links between this reporter and the source
            self.edge("reported_by", id, reporter,
                      [self.cite(f, rest) for f in cites], position=pos)
        return id

    def document(self, title, description):
        nodes = sorted(self.nodes.values(),
                       key=lambda n: (NODE_KINDS.index(n["kind"]), n["id"]))

        def ekey(e):
            # As the library saves: from, kind (declaration order), to, start, end, position,
            # chain (1 when absent), title, on_behalf_of, relation (absent values first).
            return (e["from"], EDGE_KINDS.index(e["kind"]), e["to"], e.get("start", ""),
                    e.get("end", ""), e.get("position", 0), e.get("chain", 1), e.get("title", ""),
                    e.get("on_behalf_of", ""), e.get("relation", ""))

        edges = sorted(self.edges, key=ekey)
        keys = [ekey(e) for e in edges]
        dup = {k for k in keys if keys.count(k) > 1}
        if dup:
            raise ValueError(f"duplicate edges: {dup}")
        return {"diplograph": "1", "title": title, "description": description,
                "nodes": nodes, "edges": edges}


def write(path, doc):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# =============================================================================================
# The Straits Times, 4 June 2016
# =============================================================================================
def build_main():
    text = ARTICLE.read_text(encoding="utf-8")
    b = Builder("st-2016-06-04", text, attest="2016-06-04")
    C, Cs = b.cite, b.cites
    D = "2016-06-04"
    MND_YON = ["kor-mnd", "yonhap"]
    NAK_REU = ["gen-nakatani", "reuters"]
    REU = ["reuters"]

    # ---- the source ---------------------------------------------------------------------------
    b.node(id="st-2016-06-04", kind="source", name=b.sentences[0], date=D,
           url="https://www.straitstimes.com/asia/east-asia/"
               "us-south-korea-japan-defence-chiefs-agree-to-strengthen-joint-defence-in-face-of-north",
           text=text, citations=Cs("US, South Korea, Japan defence chiefs agree"))
    b.edge("published_by", "st-2016-06-04", "straits-times", Cs("Join ST's Telegram"))
    b.edge("other", "st-2016-06-04", "epa", Cs("PHOTO: EPA"), relation="photo_credit")

    # ---- countries ----------------------------------------------------------------------------
    b.country("USA", Cs("US, South Korea, Japan defence chiefs agree", "SINGAPORE - "))
    b.country("KOR", Cs("SINGAPORE - ", "the South's defence ministry"), aliases=["the South"])
    b.country("JPN", Cs("SINGAPORE - "))
    b.country("PRK", Cs("SINGAPORE - ", "harsher sanctions against the North",
                         "Referring to North Korea by its official name"),
              aliases=["the North"])
    b.country("CHN", Cs("which accounts for 90 per cent", "Beijing wants the talks revived"))
    b.country("RUS", Cs("She called for a multilateral solution"))
    b.country("SGP", Cs("SINGAPORE - "))
    b.country("GBR", Cs("London-based International Institute"))

    # ---- persons ------------------------------------------------------------------------------
    b.node(id="ashton-carter", kind="person", name="Ashton Carter",
           aliases=["Mr Carter", "Carter", "Pentagon chief"],
           citations=Cs("US Secretary of Defence Ashton Carter (centre)",
                        "came to an understanding", "the Pentagon chief was cited"))
    b.node(id="han-min-koo", kind="person", name="Han Min Koo", aliases=["Mr Han"],
           citations=Cs("US Secretary of Defence Ashton Carter (centre)",
                        "came to an understanding"))
    b.node(id="gen-nakatani", kind="person", name="Gen Nakatani", aliases=["Mr Nakatani"],
           citations=Cs("US Secretary of Defence Ashton Carter (centre)",
                        "came to an understanding"))
    b.node(id="kim-jong-un", kind="person", name="Kim Jong Un",
           citations=Cs("The isolated country led by Kim Jong Un",
                        "unpredictability of the Kim Jong Un regime",
                        "more pressure on Kim Jong Un's regime"))
    b.node(id="yoon-soon-gu", kind="person", name="Yoon Soon Gu", aliases=["Mr Yoon"],
           citations=Cs("Mr Yoon Soon Gu, director-general"))
    b.node(id="shinsuke-sugiyama", kind="person", name="Shinsuke Sugiyama",
           citations=Cs("Mr Shinsuke Sugiyama, Japan's deputy"))
    b.node(id="lu-yin", kind="person", name="Lu Yin", aliases=["Colonel Lu Yin", "Colonel Lu"],
           attributes={"rank": "Colonel"},
           citations=Cs("Colonel Lu Yin, however", "Colonel Lu said:"))

    # offices (the article gives no dates for them: intervals left open, each attested on the
    # article's date)
    b.edge("holds_office", "ashton-carter", "us-dod",
           Cs("US Secretary of Defence Ashton Carter (centre)", "came to an understanding",
              "the Pentagon chief was cited", ("Secretary of Defense Carter stressed", ["yonhap"])),
           title="Secretary of Defense")
    b.edge("holds_office", "han-min-koo", "kor-mnd",
           Cs("US Secretary of Defence Ashton Carter (centre)", "came to an understanding"),
           title="Defence Minister")
    b.edge("holds_office", "gen-nakatani", "jpn-mod",
           Cs("US Secretary of Defence Ashton Carter (centre)", "came to an understanding"),
           title="Defence Minister")
    b.edge("holds_office", "yoon-soon-gu", "kor-mnd-ipb", Cs("Mr Yoon Soon Gu, director-general"),
           title="Director-General, International Policy Bureau")
    b.edge("holds_office", "shinsuke-sugiyama", "jpn-mofa",
           Cs("Mr Shinsuke Sugiyama, Japan's deputy"), title="Deputy Foreign Affairs Minister")
    b.edge("holds_office", "lu-yin", "cn-ndu", Cs("Colonel Lu Yin, however"),
           title="Associate Researcher")
    b.edge("holds_office", "kim-jong-un", "PRK", Cs("The isolated country led by Kim Jong Un"),
           title="Leader")

    # ---- organizations ------------------------------------------------------------------------
    b.node(id="us-dod", kind="organization", name="US Department of Defense",
           aliases=["Pentagon", "the Pentagon"], org_kind="ministry",
           citations=Cs("the Pentagon chief was cited"))
    b.node(id="kor-mnd", kind="organization", name="Ministry of National Defense (South Korea)",
           aliases=["Seoul's defence ministry", "the South Korean ministry",
                    "the South's defence ministry"],
           org_kind="ministry",
           citations=Cs("SINGAPORE - ", "the South Korean ministry said according to Yonhap",
                        "the South's defence ministry"))
    b.node(id="kor-mnd-ipb", kind="organization",
           name="International Policy Bureau (South Korean Ministry of National Defense)",
           org_kind="ministry", citations=Cs("the South's defence ministry"))
    b.node(id="jpn-mod", kind="organization", name="Japan Ministry of Defense",
           aliases=["Ministry of Defense (Japan)"], org_kind="ministry",
           citations=Cs(("expand an emergency communication system", REU)))
    b.node(id="jpn-mofa", kind="organization", name="Japan Ministry of Foreign Affairs",
           aliases=["Ministry of Foreign Affairs (Japan)"], org_kind="ministry", citations=Cs("Mr Shinsuke Sugiyama, Japan's deputy"))
    b.node(id="yonhap", kind="organization", name="Yonhap News Agency", aliases=["Yonhap"],
           org_kind="news_outlet", citations=Cs("SINGAPORE - "))
    b.node(id="reuters", kind="organization", name="Reuters", org_kind="news_outlet",
           citations=Cs("expand an emergency communication system"))
    b.node(id="straits-times", kind="organization", name="The Straits Times", aliases=["ST"],
           org_kind="news_outlet", citations=Cs("Join ST's Telegram"))
    b.node(id="epa", kind="organization", name="EPA", org_kind="news_outlet",
           attributes={"role": "photo agency (credited for the article's photo)"},
           citations=Cs("PHOTO: EPA"))
    b.node(id="iiss", kind="organization", name="International Institute for Strategic Studies",
           aliases=["IISS"], org_kind="think_tank", attributes={"city": "London"},
           citations=Cs("London-based International Institute",
                        "US Secretary of Defence Ashton Carter (centre)"))
    b.node(id="un", kind="organization", name="United Nations", aliases=["UN"],
           external_ids={"wikidata": "Q1065"}, org_kind="international_organization",
           citations=Cs("imposed by the UN in March", "in line with UN resolutions"))
    b.node(id="cn-ndu", kind="organization", name="National Defence University (China)",
           aliases=["China's National Defence University"], org_kind="university",
           citations=Cs("Colonel Lu Yin, however"))
    b.node(id="japanese-defence-firms", kind="organization",
           name="Japanese firms (suppliers of military components)", org_kind="company",
           attributes={"collective": True}, citations=Cs(("Memorandum of Understanding", REU)))
    b.node(id="us-arms-contractors", kind="organization", name="US arms contractors",
           org_kind="company", attributes={"collective": True},
           citations=Cs(("Memorandum of Understanding", REU)))

    b.edge("part_of", "us-dod", "USA", Cs("the Pentagon chief was cited"))
    b.edge("part_of", "kor-mnd", "KOR", Cs("SINGAPORE - ", "the South's defence ministry"))
    b.edge("part_of", "jpn-mod", "JPN", Cs(("expand an emergency communication system", REU)))
    b.edge("part_of", "jpn-mofa", "JPN", Cs("Mr Shinsuke Sugiyama, Japan's deputy"))
    b.edge("part_of", "kor-mnd-ipb", "kor-mnd", Cs("the South's defence ministry"))
    b.edge("based_in", "iiss", "GBR", Cs("London-based International Institute"))
    b.edge("based_in", "cn-ndu", "CHN", Cs("Colonel Lu Yin, however"))
    b.edge("based_in", "japanese-defence-firms", "JPN", Cs(("Memorandum of Understanding", REU)))
    b.edge("based_in", "us-arms-contractors", "USA", Cs(("Memorandum of Understanding", REU)))
    b.edge("other", "japanese-defence-firms", "us-arms-contractors",
           Cs(("Memorandum of Understanding", REU)), relation="may_supply",
           attributes={"made_easier_by": "mou-usa-jpn-defence-procurement"})

    # ---- agreements ---------------------------------------------------------------------------
    # The trilateral understanding of 4 June 2016.
    b.node(id="trilateral-cooperation-2016", kind="agreement",
           name="US–South Korea–Japan understanding on trilateral cooperation (June 2016)",
           agreement_kind="joint_understanding",
           lifecycle=[b.step("agreed", Cs(("SINGAPORE - ", MND_YON),
                                          ("came to an understanding", MND_YON)), date=D)],
           attributes={
               "aim": "step up trilateral cooperation to deal with North Korea's nuclear and "
                      "missile threats",
               "finding": "the partners face common challenges including North Korea's nuclear "
                          "and missile threats",
           },
           citations=Cs("US, South Korea, Japan defence chiefs agree", ("SINGAPORE - ", MND_YON),
                        ("came to an understanding", MND_YON)))
    for p in ["USA", "KOR", "JPN"]:
        b.edge("party_to", p, "trilateral-cooperation-2016",
               Cs("US, South Korea, Japan defence chiefs agree", ("SINGAPORE - ", MND_YON)))
    b.edge("agreed_at", "trilateral-cooperation-2016", "trilateral-meeting-2016-06-04",
           Cs(("came to an understanding", MND_YON)))

    # The Japan–South Korea emergency communication system, and its new ministers' line.
    b.node(id="kor-jpn-defence-hotline", kind="agreement",
           name="Japan–South Korea defence emergency communication system",
           agreement_kind="communication_line",
           lifecycle=[b.step("in_force", Cs(("expand an emergency communication system", REU)),
                             attested=D)],
           attributes={
               "between": "the Japanese and South Korean defence ministries",
               "expansion_agreed": D,
               "expansion": "adding a new direct line between defence ministers",
               "use": "security-related emergencies such as a missile launch",
               "means": "phones",
           },
           citations=Cs(("expand an emergency communication system", REU),
                        ("Mr Nakatani told reporters", ["gen-nakatani"]),
                        ("What it means is that", NAK_REU),
                        ("He said such emergency phone lines", NAK_REU)))
    b.node(id="kor-jpn-ministers-direct-line", kind="agreement",
           name="Japan–South Korea direct line between defence ministers",
           agreement_kind="communication_line",
           lifecycle=[b.step("agreed", Cs(("expand an emergency communication system", REU),
                                          ("He said such emergency phone lines", NAK_REU)),
                             date=D)],
           citations=Cs(("expand an emergency communication system", REU),
                        ("He said such emergency phone lines", NAK_REU)))
    for agr in ["kor-jpn-defence-hotline", "kor-jpn-ministers-direct-line"]:
        for p in ["kor-mnd", "jpn-mod"]:
            b.edge("party_to", p, agr, Cs(("expand an emergency communication system", REU),
                                          ("He said such emergency phone lines", NAK_REU)))
    b.edge("other", "kor-jpn-ministers-direct-line", "kor-jpn-defence-hotline",
           Cs(("expand an emergency communication system", REU),
              ("He said such emergency phone lines", NAK_REU)), relation="expands")

    # Intelligence sharing: the two GSOMIAs with the US, and the trilateral framework.
    b.node(id="gsomia-kor-usa", kind="agreement", name="US–South Korea GSOMIA",
           aliases=["General Security of Military Information Agreement (US–ROK)"],
           agreement_kind="gsomia",
           lifecycle=[b.step("in_force", Cs(("Under the framework", REU)), attested=D)],
           binding={"value": True, "citations": Cs(("Under the framework", REU))},
           attributes={"purpose": "share and safeguard intelligence"},
           citations=Cs(("Under the framework", REU)))
    for p in ["KOR", "USA"]:
        b.edge("party_to", p, "gsomia-kor-usa", Cs(("Under the framework", REU)))
    b.node(id="gsomia-jpn-usa", kind="agreement", name="US–Japan GSOMIA",
           aliases=["General Security of Military Information Agreement (US–Japan)"],
           agreement_kind="gsomia",
           lifecycle=[b.step("in_force", Cs(("It would work similarly", REU)), attested=D)],
           citations=Cs(("It would work similarly", REU)))
    for p in ["USA", "JPN"]:
        b.edge("party_to", p, "gsomia-jpn-usa", Cs(("It would work similarly", REU)))
    b.node(id="trilateral-info-sharing", kind="agreement",
           name="Trilateral information-sharing framework",
           agreement_kind="arrangement",
           lifecycle=[b.step("negotiating", Cs(("Talks would continue on sharing", NAK_REU)),
                             attested=D)],
           attributes={
               "subject": "sharing and safeguarding sensitive information on Pyongyang's "
                          "missile and nuclear programmes",
               "route": "KOR→USA→JPN and back; no direct KOR–JPN exchange",
           },
           citations=Cs(("Talks would continue on sharing", NAK_REU), ("Under the framework", REU),
                        ("would then pass the information on to Japan", REU),
                        ("It would work similarly", REU)))
    # The US is the hub: "South Korea would pass relevant information to the United States
    # ... The United States would then pass the information on to Japan. It would work
    # similarly the other way around": Seoul and Tokyo do not exchange directly.
    for p, role in [("USA", "hub"), ("KOR", "spoke"), ("JPN", "spoke")]:
        b.edge("party_to", p, "trilateral-info-sharing",
               Cs(("Under the framework", REU), ("would then pass the information on to Japan", REU),
                  ("It would work similarly", REU)),
               role=role)
    b.edge("other", "trilateral-info-sharing", "gsomia-kor-usa", Cs(("Under the framework", REU)),
           relation="relies_on")
    b.edge("other", "trilateral-info-sharing", "gsomia-jpn-usa",
           Cs(("It would work similarly", REU)), relation="relies_on")

    # The US–Japan MOU signed on 4 June 2016.
    b.node(id="mou-usa-jpn-defence-procurement", kind="agreement",
           name="US–Japan Memorandum of Understanding on components for military equipment",
           agreement_kind="memorandum_of_understanding",
           lifecycle=[b.step("signed", Cs(("Memorandum of Understanding", REU),
                                          "held separate bilateral meetings"), date=D)],
           attributes={
               "purpose": "waive restrictions on Japanese components used in military equipment",
               "effect": "making it easier for Japanese firms to supply US arms contractors "
                         "and tap the US military market",
               "market": "US$600 billion (S$814 billion) US military market",
           },
           citations=Cs(("Memorandum of Understanding", REU)))
    for p in ["USA", "JPN"]:
        b.edge("party_to", p, "mou-usa-jpn-defence-procurement",
               Cs(("Memorandum of Understanding", REU)))
    b.edge("signed", "ashton-carter", "mou-usa-jpn-defence-procurement",
           Cs(("Memorandum of Understanding", REU)), on_behalf_of="USA")
    b.edge("signed", "gen-nakatani", "mou-usa-jpn-defence-procurement",
           Cs(("Memorandum of Understanding", REU)), on_behalf_of="JPN")
    b.edge("signed_at", "mou-usa-jpn-defence-procurement", "carter-nakatani-meeting-2016-06-04",
           Cs(("Memorandum of Understanding", REU)))

    # UN sanctions of March 2016.
    b.node(id="un-sanctions-2016-03", kind="agreement",
           name="UN sanctions on North Korea (March 2016)", agreement_kind="resolution",
           lifecycle=[b.step("in_force", Cs("imposed by the UN in March"), date="2016-03")],
           attributes={"described_as": "fresh international sanctions"},
           citations=Cs("imposed by the UN in March"))
    b.edge("party_to", "un", "un-sanctions-2016-03", Cs("imposed by the UN in March"))
    b.edge("sanctions", "un-sanctions-2016-03", "PRK", Cs("imposed by the UN in March"),
           start="2016-03")

    # The Six-Party Talks.
    b.node(id="six-party-talks", kind="agreement", name="Six-Party Talks",
           aliases=["Six-Party negotiations"], agreement_kind="talks_format",
           lifecycle=[
               b.step("withdrawn", Cs("formally withdrew in 2009"), date="2009", party="PRK"),
               b.step("suspended", Cs("She called for a multilateral solution",
                                      "Beijing wants the talks revived"), attested=D),
           ],
           citations=Cs("She called for a multilateral solution", "formally withdrew in 2009",
                        "Beijing wants the talks revived"))
    for p in ["USA", "CHN", "JPN", "RUS", "KOR"]:
        b.edge("party_to", p, "six-party-talks", Cs("She called for a multilateral solution"))
    b.edge("party_to", "PRK", "six-party-talks",
           Cs("She called for a multilateral solution", "formally withdrew in 2009"), end="2009")
    b.edge("withdrew_from", "PRK", "six-party-talks", Cs("formally withdrew in 2009"),
           start="2009")

    # The US–South Korea alliance (no agreement node: the article names no treaty).
    b.edge("allied_with", "USA", "KOR",
           Cs(("Alliance between the US and the Republic of Korea", ["ashton-carter", "yonhap"]),
              ("The US commitment to the defence", ["ashton-carter", "yonhap"])))

    # ---- events -------------------------------------------------------------------------------
    b.node(id="shangri-la-dialogue-2016", kind="event",
           name="15th Shangri-La Dialogue (IISS Asia Security Summit)",
           aliases=["IISS 15th Asia Security Summit", "Shangri-La Dialogue"],
           event_kind="summit", date=D, place="Singapore",
           attributes={
               "edition": 15,
               "recurrence": "annual",
               "attendance": "600 defence ministers, scholars and business executives from "
                             "Asia Pacific",
               "date_note": "the article dates only the meetings on its sidelines (4 June "
                            "2016), not the Dialogue's first and last days",
           },
           citations=Cs("US Secretary of Defence Ashton Carter (centre)", "SINGAPORE - ",
                        ("came to an understanding", MND_YON),
                        "London-based International Institute"))
    b.edge("held_in", "shangri-la-dialogue-2016", "SGP", Cs("SINGAPORE - "))
    b.edge("organised_by", "shangri-la-dialogue-2016", "iiss",
           Cs("London-based International Institute",
              "US Secretary of Defence Ashton Carter (centre)"))

    b.node(id="trilateral-meeting-2016-06-04", kind="event",
           name="Trilateral meeting of the US, South Korean and Japanese defence chiefs",
           event_kind="meeting", date=D,
           citations=Cs("US Secretary of Defence Ashton Carter (centre)",
                        ("came to an understanding", MND_YON),
                        "The defence chiefs also discussed"))
    b.edge("part_of", "trilateral-meeting-2016-06-04", "shangri-la-dialogue-2016",
           Cs("US Secretary of Defence Ashton Carter (centre)",
              ("came to an understanding", MND_YON)))
    for p in ["ashton-carter", "han-min-koo", "gen-nakatani"]:
        b.edge("attended", p, "trilateral-meeting-2016-06-04",
               Cs("US Secretary of Defence Ashton Carter (centre)",
                  ("came to an understanding", MND_YON)))
    b.edge("other", "trilateral-meeting-2016-06-04", "trilateral-bmd-exercise-2016",
           Cs("The defence chiefs also discussed"), relation="discussed")

    b.node(id="carter-han-meeting-2016-06-04", kind="event",
           name="Carter–Han bilateral meeting", event_kind="meeting", date=D,
           citations=Cs("held separate bilateral meetings", "In the meeting with Mr Han",
                        ("Carter said at the beginning of the talks", ["yonhap"])))
    b.node(id="carter-nakatani-meeting-2016-06-04", kind="event",
           name="Carter–Nakatani bilateral meeting", event_kind="meeting", date=D,
           citations=Cs("held separate bilateral meetings",
                        ("In the latter meeting", REU)))
    for m, people in [("carter-han-meeting-2016-06-04", ["ashton-carter", "han-min-koo"]),
                      ("carter-nakatani-meeting-2016-06-04", ["ashton-carter", "gen-nakatani"])]:
        b.edge("part_of", m, "shangri-la-dialogue-2016", Cs("held separate bilateral meetings"),
               attributes={"basis": "held on the same day alongside the trilateral meeting "
                                    "on the Dialogue's sidelines"})
        for p in people:
            b.edge("attended", p, m, Cs("held separate bilateral meetings"))

    b.node(id="nakatani-han-meeting-2016-06-04", kind="event",
           name="Nakatani–Han meeting", event_kind="meeting", date=D,
           attributes={"date_basis": "the Japan–South Korea agreements reported for 4 June "
                                     "2016 and Nakatani's remarks after the meeting"},
           citations=Cs("Mr Nakatani told reporters",
                        ("expand an emergency communication system", REU)))
    b.edge("part_of", "nakatani-han-meeting-2016-06-04", "shangri-la-dialogue-2016",
           Cs("Mr Nakatani told reporters"),
           attributes={"basis": "held by the two ministers during the Dialogue"})
    for p in ["gen-nakatani", "han-min-koo"]:
        b.edge("attended", p, "nakatani-han-meeting-2016-06-04", Cs("Mr Nakatani told reporters"))
    b.edge("agreed_at", "kor-jpn-ministers-direct-line", "nakatani-han-meeting-2016-06-04",
           Cs(("expand an emergency communication system", REU), "Mr Nakatani told reporters"))

    b.node(id="shangri-la-panel-2016", kind="event",
           name="Shangri-La Dialogue panel discussion (2016)", event_kind="panel",
           citations=Cs("Mr Yoon Soon Gu, director-general"))
    b.edge("part_of", "shangri-la-panel-2016", "shangri-la-dialogue-2016",
           Cs("Mr Yoon Soon Gu, director-general"))
    b.edge("attended", "yoon-soon-gu", "shangri-la-panel-2016",
           Cs("Mr Yoon Soon Gu, director-general"))

    # North Korea's tests, the UN's answer.
    b.node(id="prk-nuclear-test-2016-01", kind="event", name="North Korea's fourth nuclear test",
           event_kind="nuclear_test", date="2016-01", attributes={"ordinal": 4},
           citations=Cs("The isolated country led by Kim Jong Un"))
    b.edge("organised_by", "prk-nuclear-test-2016-01", "PRK",
           Cs("The isolated country led by Kim Jong Un"))
    b.node(id="prk-missile-tests-2016", kind="event",
           name="North Korean missile tests after the January 2016 nuclear test",
           event_kind="missile_launch", date="2016",
           attributes={"after": "2016-01", "plural": True},
           citations=Cs("The isolated country led by Kim Jong Un"))
    b.edge("organised_by", "prk-missile-tests-2016", "PRK",
           Cs("The isolated country led by Kim Jong Un"))
    b.edge("other", "prk-missile-tests-2016", "un-sanctions-2016-03",
           Cs("The isolated country led by Kim Jong Un"), relation="defies")
    b.node(id="prk-failed-missile-launch-2016-05-31", kind="event",
           name="Failed North Korean missile launch (31 May 2016)", event_kind="missile_launch",
           date="2016-05-31",
           attributes={"outcome": "failed",
                       "date_basis": "\"on Tuesday\" in an article of Saturday 4 June 2016",
                       "most_recent_provocation": True},
           citations=Cs("a failed missile launch on Tuesday"))
    b.edge("organised_by", "prk-failed-missile-launch-2016-05-31", "PRK",
           Cs("a failed missile launch on Tuesday"))
    b.node(id="un-sanctions-decision-2016-03", kind="event",
           name="UN decision imposing sanctions on North Korea (March 2016)",
           event_kind="sanctions_decision", date="2016-03",
           citations=Cs("imposed by the UN in March"))
    b.edge("organised_by", "un-sanctions-decision-2016-03", "un", Cs("imposed by the UN in March"))
    b.edge("other", "un-sanctions-decision-2016-03", "un-sanctions-2016-03",
           Cs("imposed by the UN in March"), relation="imposed")

    # "The moves are seen as a response to recent provocations by North Korea."
    for move in ["trilateral-cooperation-2016", "kor-jpn-ministers-direct-line"]:
        for prov in ["prk-nuclear-test-2016-01", "prk-missile-tests-2016"]:
            b.edge("responds_to", move, prov,
                   Cs("The moves are seen as a response", "The isolated country led by Kim Jong Un"),
                   attributes={"attribution": "unattributed (\"are seen as\")"})

    # Exercises.
    b.node(id="trilateral-bmd-exercise-2016", kind="event",
           name="US–South Korea–Japan anti-ballistic missile defence exercise (2016)",
           event_kind="exercise", place="Hawaii",
           attributes={"before": "2016-06-30", "status": "upcoming",
                       "timing": "ahead of RIMPAC"},
           citations=Cs("The defence chiefs also discussed"))
    # Hawaii is a place of its own; the country the exercise was held in is found up
    # `located_in` (Graph::country_of), not stated twice.
    b.node(id="hawaii", kind="place", name="Hawaii", place_kind="region",
           citations=Cs("The defence chiefs also discussed"))
    b.edge("located_in", "hawaii", "USA", Cs("The defence chiefs also discussed"),
           attributes={"basis": "Hawaii is a US state"})
    b.edge("held_in", "trilateral-bmd-exercise-2016", "hawaii", Cs("The defence chiefs also discussed"))
    for p in ["USA", "KOR", "JPN"]:
        b.edge("attended", p, "trilateral-bmd-exercise-2016", Cs("The defence chiefs also discussed"))
    b.edge("other", "trilateral-bmd-exercise-2016", "rimpac-2016",
           Cs("The defence chiefs also discussed"), relation="ahead_of")
    b.node(id="rimpac-2016", kind="event", name="Rim of the Pacific exercise (RIMPAC) 2016",
           aliases=["RIMPAC"], event_kind="exercise", date="2016-06-30", end="2016-08-04",
           attributes={"multilateral": True, "status": "scheduled"},
           citations=Cs("The defence chiefs also discussed"))

    # ---- North Korea: threat, trade -------------------------------------------------------
    for p in ["USA", "KOR", "JPN"]:
        b.edge("threatens", "PRK", p,
               Cs("US, South Korea, Japan defence chiefs agree", ("SINGAPORE - ", MND_YON),
                  ("came to an understanding", MND_YON)),
               attributes={"means": "nuclear and missile"})
    b.edge("trades_with", "PRK", "CHN", Cs("which accounts for 90 per cent"), share=0.9,
           attributes={"measure": "China's share of North Korea's foreign trade"})

    # ---- statements ---------------------------------------------------------------------------
    # The reporting words of each statement, as the article prints them (in its first cited
    # sentence). A statement the article prints with none (the "ironclad" quote, which
    # `continues` the one before it) has no cue.
    b.cues = {
        "stmt-kor-mnd-trilateral-cooperation": "said according to Yonhap news agency",
        "stmt-kor-mnd-common-challenges": "was cited by Yonhap as saying in a statement",
        "stmt-trilateral-common-challenges": "came to an understanding",
        "stmt-nakatani-emergency-use": "told reporters",
        "stmt-nakatani-phones": "said according to Reuters",
        "stmt-nakatani-direct-link": "said",
        "stmt-nakatani-talks-continue": "he added",
        "stmt-carter-full-range": "was cited by the ministry as saying",
        "stmt-kor-mnd-extended-deterrence": "said according to Yonhap",
        "stmt-carter-extended-deterrence": "stressed",
        "stmt-carter-alliance-linchpin": "said at the beginning of the talks",
        "stmt-kor-harsher-sanctions": "has called for",
        "stmt-kor-nuclear-blackmail": "characterising",
        "stmt-kor-slap-on-the-wrist": "calling",
        "stmt-yoon-catastrophic": "said at a Shangri-La Dialogue panel discussion",
        "stmt-china-should-pressure": "said",
        "stmt-lu-yin-un-resolutions": "pointed out",
        "stmt-lu-yin-not-the-truth": "pointed out",
        "stmt-lu-yin-multilateral-solution": "called for",
        "stmt-lu-yin-talk-to-them": "said",
        "stmt-china-talks-revived": "wants",
        "stmt-denuclearisation-first": "insist",
    }
    # 1. The ministry's account of the trilateral agreement (via Yonhap).
    b.statement("stmt-kor-mnd-trilateral-cooperation",
                "South Korean ministry: the three agreed to step up trilateral cooperation",
                paraphrase="The United States, South Korea and Japan agreed on Saturday 4 June "
                           "2016 to step up trilateral cooperation to deal with North Korea's "
                           "nuclear and missile threats.",
                date=D, speakers=["kor-mnd"], chain=["yonhap"],
                about=["trilateral-cooperation-2016", "USA", "KOR", "JPN", "PRK"],
                cites=["SINGAPORE - "])
    # 3. The understanding (Carter, Han, Nakatani) and the ministry's statement of it.
    b.statement("stmt-kor-mnd-common-challenges",
                "South Korean ministry's statement: the partners face common challenges",
                quote="the partners face common challenges including North Korea's nuclear and "
                      "missile threats",
                date=D, speakers=["kor-mnd"], chain=["yonhap"],
                about=["trilateral-cooperation-2016", "PRK"],
                cites=["came to an understanding"], attributes={"form": "statement"})
    b.statement("stmt-trilateral-common-challenges",
                "Carter, Han and Nakatani: the partners face common challenges",
                paraphrase="The partners (the United States, South Korea and Japan) face common "
                           "challenges including North Korea's nuclear and missile threats.",
                date=D, speakers=["ashton-carter", "han-min-koo", "gen-nakatani"],
                chain=["kor-mnd", "yonhap"],
                about=["USA", "KOR", "JPN", "PRK", "trilateral-cooperation-2016"],
                cites=["came to an understanding"],
                attributes={"form": "an understanding reached in a trilateral meeting"})
    b.edge("reports", "stmt-kor-mnd-common-challenges", "stmt-trilateral-common-challenges",
           Cs(("came to an understanding", ["yonhap"])))
    b.edge("made_at", "stmt-trilateral-common-challenges", "trilateral-meeting-2016-06-04",
           Cs(("came to an understanding", MND_YON)))

    # 4. Nakatani on the emergency communication system (the quote via Reuters).
    b.statement("stmt-nakatani-emergency-use",
                "Nakatani: the system will come into play in security-related emergencies",
                paraphrase="The new emergency communication system between the Japanese and "
                           "South Korean defence ministries will come into play in the event of "
                           "security-related emergencies such as a missile launch.",
                date=D, speakers=["gen-nakatani"],
                about=["kor-jpn-defence-hotline", "JPN", "KOR"],
                cites=["Mr Nakatani told reporters"],
                attributes={"occasion": "told reporters after his meeting with Han Min Koo"})
    b.edge("other", "stmt-nakatani-emergency-use", "nakatani-han-meeting-2016-06-04",
           Cs("Mr Nakatani told reporters"), relation="made_after")
    b.statement("stmt-nakatani-phones",
                "Nakatani: phones for emergency communication between the defence authorities",
                quote="What it means is that we will make use of phones for emergency "
                      "communication, when...communication and coordination between the defence "
                      "authorities of the two countries are needed",
                date=D, speakers=["gen-nakatani"], chain=["reuters"],
                about=["kor-jpn-defence-hotline", "JPN", "KOR"],
                cites=["What it means is that"])
    b.statement("stmt-nakatani-direct-link",
                "Nakatani: the lines will include a direct link between defence ministers",
                paraphrase="Such emergency phone lines would be expanded to include a new direct "
                           "link between the two countries' defence ministers.",
                date=D, speakers=["gen-nakatani"], chain=["reuters"],
                about=["kor-jpn-defence-hotline", "kor-jpn-ministers-direct-line"],
                cites=["He said such emergency phone lines"])
    b.statement("stmt-nakatani-talks-continue",
                "Nakatani: talks on sharing sensitive information will continue",
                paraphrase="Talks would continue on sharing and safeguarding sensitive "
                           "information on Pyongyang's missile and nuclear programmes.",
                date=D, speakers=["gen-nakatani"], chain=["reuters"],
                about=["trilateral-info-sharing", "PRK"],
                cites=["Talks would continue on sharing"])

    # 5. Carter, as cited by the ministry: a full range of military capabilities.
    b.statement("stmt-kor-mnd-carter-full-range",
                "South Korean ministry: Carter said the US is committed to a full range of "
                "capabilities",
                paraphrase="In the meeting with Han Min Koo, Ashton Carter said that the US is "
                           "committed to implementing a full range of military capabilities to "
                           "deter any North Korean attack on South Korea.",
                date=D, speakers=["kor-mnd"],
                about=["ashton-carter", "carter-han-meeting-2016-06-04"],
                cites=["the Pentagon chief was cited"])
    b.statement("stmt-carter-full-range",
                "Carter: the US is committed to a full range of military capabilities",
                paraphrase="The US is committed to implementing a full range of military "
                           "capabilities to deter any North Korean attack on South Korea.",
                date=D, speakers=["ashton-carter"], chain=["kor-mnd"],
                about=["USA", "KOR", "PRK"], cites=["the Pentagon chief was cited"])
    b.edge("reports", "stmt-kor-mnd-carter-full-range", "stmt-carter-full-range",
           Cs("the Pentagon chief was cited"))
    b.edge("made_at", "stmt-carter-full-range", "carter-han-meeting-2016-06-04",
           Cs(("the Pentagon chief was cited", ["kor-mnd"])))

    # 6. The ministry's quote of what Carter stressed: extended deterrence.
    b.statement("stmt-kor-mnd-extended-deterrence",
                "South Korean ministry: Carter stressed extended deterrence",
                quote="Secretary of Defense Carter stressed that the US will continue to provide "
                      "extended deterrence to South Korea, utilising all categories of military "
                      "capabilities",
                date=D, speakers=["kor-mnd"], chain=["yonhap"],
                about=["ashton-carter", "USA", "KOR"],
                cites=["Secretary of Defense Carter stressed"])
    b.statement("stmt-carter-extended-deterrence",
                "Carter: the US will continue to provide extended deterrence to South Korea",
                paraphrase="The US will continue to provide extended deterrence to South Korea, "
                           "utilising all categories of military capabilities.",
                date=D, speakers=["ashton-carter"], chain=["kor-mnd", "yonhap"],
                about=["USA", "KOR"], cites=["Secretary of Defense Carter stressed"])
    b.edge("reports", "stmt-kor-mnd-extended-deterrence", "stmt-carter-extended-deterrence",
           Cs(("Secretary of Defense Carter stressed", ["yonhap"])))
    b.edge("made_at", "stmt-carter-extended-deterrence", "carter-han-meeting-2016-06-04",
           Cs(("Secretary of Defense Carter stressed", MND_YON)),
           attributes={"basis": "the ministry's account of the Carter–Han meeting"})

    # 7. Carter's own words at the start of the talks with Han (via Yonhap).
    b.statement("stmt-carter-alliance-linchpin",
                "Carter: the US–ROK alliance remains the linchpin of regional peace and security",
                quote="Alliance between the US and the Republic of Korea remains the linchpin of "
                      "the regional peace and security particularly in light of North Korea's "
                      "recent provocations",
                date=D, speakers=["ashton-carter"], chain=["yonhap"], about=["USA", "KOR", "PRK"],
                cites=["Alliance between the US and the Republic of Korea"])
    b.edge("made_at", "stmt-carter-alliance-linchpin", "carter-han-meeting-2016-06-04",
           Cs(("Alliance between the US and the Republic of Korea", ["yonhap"])),
           attributes={"moment": "at the beginning of the talks"})
    b.statement("stmt-carter-ironclad",
                "Carter: the US commitment to the defence of the Republic of Korea is ironclad",
                quote="The US commitment to the defence of the Republic of Korea is ironclad.",
                date=D, speakers=["ashton-carter"], chain=["yonhap"], about=["USA", "KOR"],
                cites=["The US commitment to the defence"])
    b.edge("made_at", "stmt-carter-ironclad", "carter-han-meeting-2016-06-04",
           Cs(("The US commitment to the defence", ["yonhap"])))
    # Printed on its own right after the linchpin quote: it carries on that attribution.
    b.edge("continues", "stmt-carter-ironclad", "stmt-carter-alliance-linchpin",
           Cs(("The US commitment to the defence", ["yonhap"])))

    # 8. South Korea: harsher sanctions; "nuclear blackmail"; "slap on the wrist".
    b.statement("stmt-kor-harsher-sanctions", "South Korea calls for harsher sanctions",
                paraphrase="South Korea has called for harsher sanctions against North Korea.",
                speakers=["KOR"], about=["PRK"], cites=["South Korea has called for harsher"])
    b.statement("stmt-kor-nuclear-blackmail",
                "South Korea: North Korea's provocations are \"nuclear blackmail\"",
                quote="nuclear blackmail", speakers=["KOR"],
                about=["PRK", "prk-failed-missile-launch-2016-05-31"],
                cites=["South Korea has called for harsher"],
                attributes={"characterises": "North Korea's recent provocations, most recently "
                                             "a failed missile launch on Tuesday"})
    b.statement("stmt-kor-slap-on-the-wrist",
                "South Korea: existing punishments are no more than a \"slap on the wrist\"",
                quote="slap on the wrist", speakers=["KOR"],
                about=["PRK", "un-sanctions-2016-03"],
                cites=["South Korea has called for harsher"],
                attributes={"characterises": "existing punishments (as no more than a "
                                             "\"slap on the wrist\")"})
    for s in ["stmt-kor-nuclear-blackmail", "stmt-kor-slap-on-the-wrist"]:
        b.edge("supports", s, "stmt-kor-harsher-sanctions", Cs("South Korea has called for harsher"))

    # 9. Yoon at the panel.
    b.statement("stmt-yoon-catastrophic",
                "Yoon: failure to contain the threat can lead to catastrophic consequences",
                quote="Considering the unpredictability of the Kim Jong Un regime, failure to "
                      "contain the threat can lead to catastrophic consequences.",
                speakers=["yoon-soon-gu"], about=["PRK", "kim-jong-un"],
                cites=["Mr Yoon Soon Gu, director-general"])
    b.edge("made_at", "stmt-yoon-catastrophic", "shangri-la-panel-2016",
           Cs("Mr Yoon Soon Gu, director-general"))

    # 10. Yoon and Sugiyama: China should exert more pressure.
    b.statement("stmt-china-should-pressure",
                "Yoon and Sugiyama: China should exert more pressure on Kim Jong Un's regime",
                paraphrase="China, which accounts for 90 per cent of North Korea's foreign "
                           "trade, should exert more pressure on Kim Jong Un's regime.",
                speakers=["yoon-soon-gu", "shinsuke-sugiyama"],
                about=["CHN", "PRK", "kim-jong-un"], cites=["which accounts for 90 per cent"])

    # 11-12. Lu Yin.
    b.statement("stmt-lu-yin-un-resolutions",
                "Lu Yin: China's actions are in line with UN resolutions",
                paraphrase="China's actions are in line with UN resolutions.",
                speakers=["lu-yin"], about=["CHN", "un"], cites=["Colonel Lu Yin, however"])
    b.statement("stmt-lu-yin-not-the-truth",
                "Lu Yin: \"not the truth\" that China's pressure would make the North give in",
                quote="not the truth", speakers=["lu-yin"], about=["PRK", "CHN"],
                cites=["Colonel Lu Yin, however"],
                attributes={
                    "claim_rejected": "that the North will \"give in and abandon nuclear "
                                      "weapons if China can exert enough pressure\"",
                })
    b.edge("disputes", "stmt-lu-yin-not-the-truth", "stmt-china-should-pressure",
           Cs("Colonel Lu Yin, however"))
    b.statement("stmt-lu-yin-multilateral-solution",
                "Lu Yin: a multilateral solution through resumed Six-Party negotiations",
                paraphrase="The problem calls for a multilateral solution, in the form of the "
                           "resumption of Six-Party negotiations among the US, China, Japan, "
                           "Russia and the two Koreas.",
                speakers=["lu-yin"], about=["six-party-talks", "PRK"],
                cites=["She called for a multilateral solution"])
    b.statement("stmt-lu-yin-talk-to-them",
                "Lu Yin: if we don't talk to them, they will continue with the nuclear programme",
                quote="If we don't talk to them, they will continue with the nuclear programme. "
                      "There have been historical instances of the DPRK being prepared to trade "
                      "its nuclear programme for economic benefits or survival.",
                speakers=["lu-yin"], about=["PRK"],
                cites=["Referring to North Korea by its official name"])
    b.edge("supports", "stmt-lu-yin-talk-to-them", "stmt-lu-yin-multilateral-solution",
           Cs("She called for a multilateral solution",
              "Referring to North Korea by its official name"))

    # 13. Beijing vs Washington, Seoul and Tokyo on reviving the talks.
    b.statement("stmt-china-talks-revived", "China wants the Six-Party talks revived",
                paraphrase="The Six-Party talks should be revived.",
                speakers=["CHN"], about=["six-party-talks"],
                cites=["Beijing wants the talks revived"])
    b.statement("stmt-denuclearisation-first",
                "US, South Korea and Japan: Pyongyang must first take steps towards "
                "denuclearisation",
                paraphrase="Pyongyang must first take tangible steps towards denuclearisation "
                           "(before the Six-Party talks are revived).",
                speakers=["USA", "KOR", "JPN"], about=["six-party-talks", "PRK"],
                cites=["Beijing wants the talks revived"])
    b.edge("disputes", "stmt-denuclearisation-first", "stmt-china-talks-revived",
           Cs("Beijing wants the talks revived"))

    unused = [s for s in b.sentences if s not in b.used]
    if unused:
        raise SystemExit(f"sentences not cited: {unused}")

    doc = b.document(
        "Shangri-La Dialogue 2016: US, South Korea, Japan defence chiefs",
        "Everything the Straits Times article of 4 June 2016 (\"US, South Korea, Japan "
        "defence chiefs agree to strengthen joint defence in face of North Korea threat\") "
        "says, as a diplograph graph: every node and edge cites the sentence that states it, "
        "with the chain of intermediaries (Yonhap, Reuters, the South Korean defence ministry) "
        "through which the article knows it. Built by tools/build_example.py.")
    return doc


# =============================================================================================
# The Japan–South Korea GSOMIA, 23 November 2016 (test data)
# =============================================================================================
GSOMIA_TEXT = (
    "Japan and South Korea signed a General Security of Military Information Agreement "
    "(GSOMIA) in Seoul on 23 November 2016. "
    "Japan's ambassador in Seoul, Yasumasa Nagamine, signed the agreement for Japan, and South "
    "Korean Defence Minister Han Min Koo signed it for South Korea. "
    "The agreement entered into force on the day it was signed. "
    "It lets the two countries share and safeguard classified military information directly, "
    "without passing it through the United States."
)


def build_gsomia():
    b = Builder("report-2016-11-23", GSOMIA_TEXT)
    Cs = b.cites
    D = "2016-11-23"
    b.node(id="report-2016-11-23", kind="source",
           name="Japan and South Korea sign intelligence-sharing pact", date=D,
           text=GSOMIA_TEXT,
           attributes={"note": "summary written for the diplograph test suite"},
           citations=Cs("Japan and South Korea signed"))
    b.edge("published_by", "report-2016-11-23", "yonhap", Cs("Japan and South Korea signed"),
           attributes={"basis": "publisher assigned by the test suite"})
    b.node(id="yonhap", kind="organization", name="Yonhap News Agency", aliases=["Yonhap"],
           org_kind="news_outlet", citations=Cs("Japan and South Korea signed"))

    b.country("JPN", Cs("Japan and South Korea signed", "Japan's ambassador in Seoul"))
    b.country("KOR", Cs("Japan and South Korea signed", "Japan's ambassador in Seoul"))

    b.node(id="han-min-koo", kind="person", name="Han Min Koo",
           citations=Cs("Japan's ambassador in Seoul"))
    b.node(id="yasumasa-nagamine", kind="person", name="Yasumasa Nagamine",
           citations=Cs("Japan's ambassador in Seoul"))
    b.node(id="kor-mnd", kind="organization", name="Ministry of National Defense (South Korea)",
           org_kind="ministry", citations=Cs("Japan's ambassador in Seoul"))
    b.edge("part_of", "kor-mnd", "KOR", Cs("Japan's ambassador in Seoul"))
    b.edge("holds_office", "han-min-koo", "kor-mnd", Cs("Japan's ambassador in Seoul"),
           title="Defence Minister")
    b.edge("holds_office", "yasumasa-nagamine", "JPN", Cs("Japan's ambassador in Seoul"),
           title="Ambassador of Japan to South Korea")

    b.node(id="gsomia-jpn-kor", kind="agreement", name="Japan–South Korea GSOMIA",
           aliases=["General Security of Military Information Agreement (Japan–ROK)"],
           agreement_kind="gsomia",
           lifecycle=[
               b.step("signed", Cs("Japan and South Korea signed"), date=D),
               b.step("in_force", Cs("entered into force on the day it was signed"), date=D),
           ],
           attributes={"signed_in": "Seoul",
                       "purpose": "share and safeguard classified military information "
                                  "directly, without passing it through the United States"},
           citations=Cs("Japan and South Korea signed", "It lets the two countries share"))
    for p in ["JPN", "KOR"]:
        b.edge("party_to", p, "gsomia-jpn-kor", Cs("Japan and South Korea signed"))
    b.edge("signed", "yasumasa-nagamine", "gsomia-jpn-kor", Cs("Japan's ambassador in Seoul"),
           on_behalf_of="JPN")
    b.edge("signed", "han-min-koo", "gsomia-jpn-kor", Cs("Japan's ambassador in Seoul"),
           on_behalf_of="KOR")

    unused = [s for s in b.sentences if s not in b.used]
    if unused:
        raise SystemExit(f"sentences not cited: {unused}")
    return b.document(
        "Japan–South Korea GSOMIA, 23 November 2016",
        "Test data: the Japan–South Korea General Security of Military Information Agreement, "
        "signed and in force on 23 November 2016. Shares ids (JPN, KOR, han-min-koo, kor-mnd, "
        "yonhap) and Wikidata QIDs with examples/shangri-la-2016.json so that merging the two "
        "unifies them. Built by tools/build_example.py.")


if __name__ == "__main__":
    write(OUT_MAIN, build_main())
    write(OUT_GSOMIA, build_gsomia())
    print(f"wrote {OUT_MAIN.relative_to(ROOT)} and {OUT_GSOMIA.relative_to(ROOT)}")
