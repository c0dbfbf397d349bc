#!/usr/bin/env python3
"""Check (and optionally repair) the citation spans of a diplograph JSON file.

Every citation that writes out its `text` must point, with `span`, at the UTF-8 byte range of
its source's `text` that holds exactly those words. This tool recomputes each span from the
written text:

  * the text must occur in the source text at least once (otherwise: error);
  * if it occurs exactly once, that occurrence is the span;
  * if it occurs more than once, the citation must give an explicit `span` that points at one
    of the occurrences (otherwise: error, listing the candidates).

Usage:
    python3 tools/example_spans.py FILE.json [FILE.json ...]          # check, exit 1 on error
    python3 tools/example_spans.py --write FILE.json [FILE.json ...]  # fill in / fix spans

With --write the file is rewritten (two-space indentation, key order kept, `span` placed right
after `source`) only if every citation could be resolved.

The functions `locate` and `occurrences` are also used by tools/build_example.py.
"""
import json
import sys

CITATION_KEYS = ["source", "span", "text", "via", "confidence"]


def occurrences(haystack: bytes, needle: bytes):
    """Every byte offset at which `needle` starts in `haystack` (overlaps included)."""
    found, start = [], 0
    while needle:
        i = haystack.find(needle, start)
        if i < 0:
            break
        found.append(i)
        start = i + 1
    return found


def locate(source_text: str, text: str, span=None):
    """The [start, end] byte span of `text` in `source_text`.

    Raises ValueError if the text does not occur, or occurs more than once and `span` does not
    pick one of the occurrences.
    """
    hay, needle = source_text.encode("utf-8"), text.encode("utf-8")
    if not needle:
        raise ValueError("empty citation text")
    hits = occurrences(hay, needle)
    if not hits:
        raise ValueError(f"text not found in source: {text!r}")
    if span is not None:
        start, end = span
        if start in hits and end == start + len(needle):
            return [start, end]
        if len(hits) > 1:
            raise ValueError(
                f"explicit span {span} is not one of the occurrences "
                f"{[[h, h + len(needle)] for h in hits]} of {text!r}"
            )
    if len(hits) > 1:
        raise ValueError(
            f"text occurs {len(hits)} times; give an explicit span, one of "
            f"{[[h, h + len(needle)] for h in hits]}: {text!r}"
        )
    return [hits[0], hits[0] + len(needle)]


def iter_citations(doc):
    """Yield (json-pointer, citation dict) for every citation in the document."""
    for i, node in enumerate(doc.get("nodes", [])):
        for j, c in enumerate(node.get("citations", [])):
            yield f"/nodes/{i}/citations/{j} ({node.get('id')})", c
        for j, c in enumerate((node.get("cue") or {}).get("citations", [])):
            yield f"/nodes/{i}/cue/citations/{j} ({node.get('id')})", c
        for k, step in enumerate(node.get("lifecycle", [])):
            for j, c in enumerate(step.get("citations", [])):
                yield f"/nodes/{i}/lifecycle/{k}/citations/{j} ({node.get('id')})", c
    for i, edge in enumerate(doc.get("edges", [])):
        label = f"{edge.get('kind')} {edge.get('from')}->{edge.get('to')}"
        for j, c in enumerate(edge.get("citations", [])):
            yield f"/edges/{i}/citations/{j} ({label})", c


def check(doc, write=False):
    """Check every citation span; with write=True, set the recomputed spans in place.

    Returns (errors, checked, changed).
    """
    texts = {
        n["id"]: n.get("text")
        for n in doc.get("nodes", [])
        if n.get("kind") == "source"
    }
    errors, checked, changed = [], 0, 0
    for where, c in iter_citations(doc):
        src = c.get("source")
        if src not in texts:
            errors.append(f"{where}: missing source {src!r}")
            continue
        source_text = texts[src]
        span = c.get("span")
        if "text" not in c:
            if span is not None and source_text is not None:
                hay = source_text.encode("utf-8")
                if not (0 <= span[0] <= span[1] <= len(hay)):
                    errors.append(f"{where}: span {span} outside the source text")
            continue
        if source_text is None:
            errors.append(f"{where}: source {src!r} holds no text to check against")
            continue
        checked += 1
        try:
            want = locate(source_text, c["text"], span)
        except ValueError as e:
            errors.append(f"{where}: {e}")
            continue
        if span != want:
            if write:
                c["span"] = want
                changed += 1
            else:
                errors.append(f"{where}: span {span} should be {want} for {c['text']!r}")
        # The slice itself, as the library checks it.
        got = source_text.encode("utf-8")[want[0]:want[1]].decode("utf-8")
        if got != c["text"]:
            errors.append(f"{where}: span slice {got!r} != text {c['text']!r}")
    return errors, checked, changed


def reorder_citations(doc):
    """Put citation keys in the canonical order (needed after --write added a span)."""
    for _, c in list(iter_citations(doc)):
        ordered = {k: c[k] for k in CITATION_KEYS if k in c}
        extra = [k for k in c if k not in CITATION_KEYS]
        ordered.update({k: c[k] for k in extra})
        c.clear()
        c.update(ordered)


def main(argv):
    write = "--write" in argv
    paths = [a for a in argv if a != "--write"]
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    status = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors, checked, changed = check(doc, write=write)
        for e in errors:
            print(f"{path}: ERROR {e}")
        if errors:
            status = 1
            print(f"{path}: {len(errors)} error(s) in {checked} written-out citation(s)")
            continue
        if write and changed:
            reorder_citations(doc)
            with open(path, "w", encoding="utf-8") as f:
                f.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
            print(f"{path}: fixed {changed} span(s)")
        print(f"{path}: OK, {checked} citation span(s) verified")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
