"""Hostile use (issue #19): one Graph used from several threads and from callbacks, text that
is not valid Unicode or arrives as bytes, and inputs over the loaders' limits."""

from __future__ import annotations

import json
import threading
import warnings

import pytest

import diplograph
from diplograph import Graph

# ---- one Graph, several threads ---------------------------------------------------------------

ROUNDS = 300


def run_together(*workers):
    """Runs each worker in its own thread, all started at once; returns the exceptions raised.
    A thread still running after a minute counts as a deadlock."""
    errors: list[BaseException] = []
    start = threading.Barrier(len(workers))

    def run(work):
        try:
            start.wait()
            work()
        except BaseException as e:  # noqa: BLE001 - every failure is reported by the test
            errors.append(e)

    # Daemons: a deadlocked thread fails the test instead of keeping the test run alive.
    threads = [threading.Thread(target=run, args=(w,), daemon=True) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a thread is still waiting: deadlock"
    return errors


def test_readers_and_a_writer_on_one_graph():
    g = diplograph.example()
    before, edges = len(g), g.edge_count
    seen: list[int] = []

    def write():
        for i in range(ROUNDS):
            g.add_person(f"person-{i}", f"Person {i}")

    def read_text():
        for _ in range(ROUNDS // 10):
            nodes = json.loads(g.dumps())["nodes"]
            seen.append(len(nodes))

    def read_objects():
        for _ in range(ROUNDS):
            s = g.stats()
            # One snapshot: the counts by kind add up to the total.
            assert sum(s.nodes_by_kind.values()) == s.nodes
            assert len(list(g)) >= before
            assert "South Korea" in g

    assert run_together(write, read_text, read_objects) == []
    assert len(g) == before + ROUNDS and g.edge_count == edges
    assert len(g.nodes("person")) == len(diplograph.example().nodes("person")) + ROUNDS
    assert all(before <= n <= before + ROUNDS for n in seen) and seen == sorted(seen)
    assert g.validate() == []


def test_two_writers_on_one_graph():
    g = Graph()

    def write(prefix):
        def work():
            for i in range(ROUNDS):
                g.add_person(f"{prefix}-{i}", f"{prefix} {i}")

        return work

    assert run_together(write("a"), write("b")) == []
    assert len(g) == 2 * ROUNDS
    assert [n.id for n in g.nodes() if n.id.startswith("a-")] == [f"a-{i}" for i in range(ROUNDS)]


def test_a_warning_hook_may_change_a_graph_being_merged():
    g = Graph()
    g.add_country("KOR", "South Korea")
    other = Graph()
    other.add_country("KOR", "Korea, Republic of")
    shown = []

    def hook(message, *args, **kwargs):
        # Runs while merge() reports its conflicts: the inputs are free to change by then.
        shown.append(message.problem.code)
        g.add_person("yoon", "Yoon")

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = hook
        merged = diplograph.merge(g, other)
    assert shown == ["merge-conflict"]
    assert list(g) == ["KOR", "yoon"] and list(merged) == ["KOR"]


def test_the_same_graph_twice_in_a_merge():
    g = diplograph.example()
    assert diplograph.merge(g, g).dumps() == g.dumps()


def test_changing_a_graph_from_inside_its_own_read_raises(monkeypatch):
    """Python code that runs while a Graph method reads the graph (here: the records wrapper,
    as a ``__del__`` or a debugger hook might) cannot change that graph: it gets
    ConcurrentModificationError (a RuntimeError), never a deadlock."""
    import diplograph._results as results

    g = diplograph.example()
    real = results.wrap
    caught: list[BaseException] = []

    def meddling_wrap(kind, data):
        try:
            g.add_person("meddler", "Meddler")
        except BaseException as e:  # noqa: BLE001
            caught.append(e)
        # Reading again from inside the read is fine.
        assert len(g) == 76
        return real(kind, data)

    monkeypatch.setattr(results, "wrap", meddling_wrap)
    errors = run_together(lambda: g.stats())
    assert errors == []
    (e,) = caught
    assert isinstance(e, diplograph.ConcurrentModificationError)
    assert isinstance(e, diplograph.DiplographError) and isinstance(e, RuntimeError)
    assert "inside" in str(e) and "meddler" not in g


# ---- text that is not valid Unicode, and bytes ------------------------------------------------

ONE = '{"diplograph": "1", "nodes": [{"id": "KOR", "kind": "country", "name": "South Korea"}]}'


def test_loads_takes_bytes():
    for data in (ONE.encode(), bytearray(ONE.encode()), memoryview(ONE.encode())):
        assert diplograph.loads(data).dumps() == diplograph.loads(ONE).dumps()
    accented = ONE.replace("South Korea", "Corée du Sud")
    assert diplograph.loads(accented.encode()).node("KOR").name == "Corée du Sud"


def test_loads_of_bytes_that_are_not_utf8_is_a_located_parse_error():
    data = b'{"diplograph": "1",\n "nodes": [{"id": "KOR", "kind": "country", "name": "S\xffouth"}]}'
    with pytest.raises(diplograph.ParseError) as err:
        diplograph.loads(data)
    (p,) = err.value.problems
    assert (p.code, p.line, p.column) == ("json-syntax", 2, 55)
    assert "not valid UTF-8" in p.message and "offset 74" in p.message


def test_loads_of_a_str_with_a_lone_surrogate_is_a_located_parse_error():
    text = '{"diplograph": "1",\n "nodes": [{"id": "KOR", "kind": "country", "name": "S\ud800outh"}]}'
    with pytest.raises(diplograph.ParseError) as err:
        diplograph.loads(text)
    (p,) = err.value.problems
    assert (p.code, p.line, p.column, p.path) == ("json-syntax", 2, 55, "")
    assert p.message == (
        "the text holds a lone surrogate (U+D800, at index 74 of the str), which no UTF-8 "
        "text can hold; decode the input with errors='replace' or fix it at its source"
    )
    assert str(p) in str(err.value) and text[74] == "\ud800"


def test_loads_of_something_else_is_a_type_error():
    with pytest.raises(TypeError, match="loads\\(\\) takes a str or bytes, not int"):
        diplograph.loads(42)  # type: ignore[arg-type]


# ---- limits ----------------------------------------------------------------------------------

ALIASES = (
    '{"diplograph": "1", "nodes": [\n'
    '  {"id": "KOR", "kind": "country", "name": "South Korea", "aliases": ["ROK", "the South"]}]}'
)


def test_loads_takes_limits_and_says_how_to_raise_them():
    with pytest.raises(diplograph.ValidationError) as err:
        diplograph.loads(ALIASES, limits={"max_aliases": 1})
    assert not isinstance(err.value, diplograph.ParseError)
    (p,) = err.value.problems
    assert (p.code, p.line, p.column) == ("limit-aliases", 2, 78)  # the second alias
    assert p.message == (
        "this node's number of aliases is 2, over the limit of 1 (to accept it, pass a larger "
        "limit: load(..., limits={'max_aliases': N}) or loads(..., limits={'max_aliases': N}))"
    )
    assert "from_str_with" not in p.message and "from_str_with" not in str(err.value)
    assert str(p) in str(err.value)
    assert len(diplograph.loads(ALIASES, limits={"max_aliases": 2})) == 1
    assert len(diplograph.loads(ALIASES.encode(), limits={"max_aliases": 2})) == 1


def test_the_default_limits_name_the_keyword_too():
    # 74 levels: the document, `nodes`, the node, its `attributes`, then 70 arrays.
    deep = (
        '{"diplograph": "1", "nodes": [{"id": "KOR", "kind": "country", "name": "K", '
        '"attributes": {"x": ' + "[" * 70 + "]" * 70 + "}}]}"
    )
    with pytest.raises(diplograph.ValidationError) as err:
        diplograph.loads(deep)
    assert err.value.problems[0].code == "limit-depth"
    assert "limits={'max_depth': N}" in str(err.value)
    assert diplograph.loads(deep, limits={"max_depth": 80}).dumps()


def test_load_takes_limits(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(ONE)
    with pytest.raises(diplograph.ValidationError) as err:
        diplograph.load(path, limits={"max_file_size": 10})
    (p,) = err.value.problems
    assert (p.code, p.file) == ("limit-file-size", str(path))
    assert "limits={'max_file_size': N}" in p.message
    assert len(diplograph.load(path, limits={"max_file_size": len(ONE)})) == 1


def test_default_limits_are_listed():
    assert dict(diplograph.DEFAULT_LIMITS) == {
        "max_file_size": 1 << 30,
        "max_depth": 64,
        "max_string_len": 1 << 20,
        "max_source_text_len": 64 << 20,
        "max_id_len": 256,
        "max_aliases": 1000,
        "max_citations": 10_000,
    }
    with pytest.raises(TypeError):
        diplograph.DEFAULT_LIMITS["max_depth"] = 1  # type: ignore[index]
    # Any mapping will do, the defaults themselves included.
    assert len(diplograph.loads(ONE, limits=diplograph.DEFAULT_LIMITS)) == 1
    assert len(diplograph.loads(ONE, limits={**diplograph.DEFAULT_LIMITS, "max_depth": 3})) == 1


def test_bad_limits_are_refused_before_loading():
    with pytest.raises(ValueError) as err:
        diplograph.loads(ONE, limits={"max_alias": 1})
    assert str(err.value) == (
        "unknown limit `max_alias`; expected one of: max_file_size, max_depth, max_string_len, "
        "max_source_text_len, max_id_len, max_aliases, max_citations"
    )
    for bad in (-1, 2**64):
        with pytest.raises(ValueError) as err:
            diplograph.loads(ONE, limits={"max_depth": bad})
        assert str(err.value) == f"limit `max_depth` must be a whole number from 0 to {2**64 - 1}, not {bad}"
    # The largest is as good as no limit.
    assert len(diplograph.loads(ONE, limits={"max_depth": 2**64 - 1, "max_file_size": 2**64 - 1})) == 1
    with pytest.raises(TypeError, match="limit `max_depth` must be an int, not str"):
        diplograph.loads(ONE, limits={"max_depth": "8"})
    with pytest.raises(TypeError, match="limit `max_depth` must be an int, not bool"):
        diplograph.loads(ONE, limits={"max_depth": True})
    with pytest.raises(TypeError, match="limits must be a dict of limit names to numbers .*, not list"):
        diplograph.loads(ONE, limits=[("max_depth", 8)])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="limit names are strings, not int"):
        diplograph.loads(ONE, limits={1: 8})  # type: ignore[dict-item]
