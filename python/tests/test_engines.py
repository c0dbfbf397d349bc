"""The same questions on other engines: DuckDB over the Parquet tables (sql/duckdb), checked
against the core's answers, row for row, on the S benchmark graph (10,000 nodes, made by the
`gen` binary)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

import diplograph

ROOT = Path(__file__).resolve().parents[2]
DATES = ["1999-03-28", "2010-01-01", "2016-06-04", "2024-12-31"]


@pytest.fixture(scope="session")
def s_graph(tmp_path_factory: pytest.TempPathFactory) -> tuple[diplograph.Graph, Path, dict]:
    """The S benchmark graph: loaded, written as Parquet tables, and its query plan."""
    data = tmp_path_factory.mktemp("bench")
    env = dict(os.environ, DIPLOGRAPH_BENCH_DATA=str(data))
    subprocess.run(
        ["cargo", "run", "-q", "--locked", "-p", "diplograph-benches", "--bin", "gen", "--", "S"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    g = diplograph.load(data / "S.json")
    tables = data / "S.parquet"
    g.save(tables, format="parquet")
    plan = json.loads((data / "S.queries.json").read_text())
    return g, tables, plan


@pytest.fixture(scope="session")
def duck(s_graph: tuple[diplograph.Graph, Path, dict]):  # type: ignore[no-untyped-def]
    duckdb = pytest.importorskip("duckdb")
    _, tables, _ = s_graph
    con = duckdb.connect()
    con.execute(f"SET VARIABLE diplograph_dir = '{tables}'")
    con.execute((ROOT / "sql" / "duckdb" / "diplograph.sql").read_text())
    return con


def test_the_tables_load_back_as_the_same_graph(s_graph) -> None:  # type: ignore[no-untyped-def]
    g, tables, _ = s_graph
    back = diplograph.load(tables)
    assert back.dumps() == g.dumps()
    assert len(back) == 10000


@pytest.mark.parametrize("day", DATES)
def test_agreement_states_on_a_day(s_graph, duck, day: str) -> None:  # type: ignore[no-untyped-def]
    g, _, _ = s_graph
    core = sorted(
        (a["agreement"]["id"], a["state"]["state"], a["state"]["since"])
        for a in g.as_of(day).agreements().to_dicts()
    )
    sql = sorted(
        duck.execute(
            "SELECT agreement, state, since FROM agreement_states(?::DATE)", [day]
        ).fetchall()
    )
    assert sql == core
    assert len(core) > 0
    in_force = sorted(
        r[0]
        for r in duck.execute(
            "SELECT agreement FROM agreements_in_force(?::DATE)", [day]
        ).fetchall()
    )
    assert in_force == [a for a, state, _ in core if state == "in_force"]


@pytest.mark.parametrize("day", DATES)
def test_office_holders_on_a_day(s_graph, duck, day: str) -> None:  # type: ignore[no-untyped-def]
    g, _, _ = s_graph
    core = sorted(
        (o["person"]["id"], o["title"], o["organization"]["id"])
        for o in g.as_of(day).offices().to_dicts()
    )
    sql = sorted(
        duck.execute(
            "SELECT person, title, organization FROM office_holders(?::DATE)", [day]
        ).fetchall()
    )
    assert sql == core
    assert len(core) > 1000


def test_statements_by_a_speaker_with_their_chains(s_graph, duck) -> None:  # type: ignore[no-untyped-def]
    g, tables, _ = s_graph
    # Statements another statement reports are attributed through that account, which the SQL
    # leaves to the core (sql/duckdb/diplograph.sql); they are compared by id only.
    accounts = {
        r[0]
        for r in duck.execute("SELECT \"to\" FROM edges WHERE kind = 'reports'").fetchall()
    }
    speakers = ["USA", "RUS", "person-0", "person-1", "org-0"]
    compared = 0
    for speaker in speakers:
        core: dict[str, list[tuple[int, list[str]]]] = {}
        for s in g.statements(by=speaker).to_dicts():
            chains = [
                (c["chain"], [w["id"] for step in c["steps"][1:] for w in step["who"]])
                for c in s["attribution"]["chains"]
            ]
            core[s["statement"]["id"]] = chains
        rows = duck.execute(
            "SELECT statement, chain, position, outlet FROM statements_by(?) "
            "ORDER BY statement, chain, position NULLS LAST, outlet",
            [speaker],
        ).fetchall()
        sql: dict[str, dict[int, list[str]]] = defaultdict(dict)
        for statement, chain, _, outlet in rows:
            sql[statement]
            if chain is not None:
                sql[statement].setdefault(chain, []).append(outlet)
        assert sorted(sql) == sorted(core), speaker
        for statement, chains in core.items():
            if statement in accounts:
                continue
            compared += 1
            assert sorted(sql[statement].items()) == sorted(chains), statement
    assert compared > 50


@pytest.mark.parametrize("via,kinds,alliances", [
    ("intelligence", ["gsomia", "arrangement"], False),
    ("defence", ["treaty", "memorandum_of_understanding", "gsomia"], True),
])
def test_chains_between_two_countries(s_graph, duck, via, kinds, alliances) -> None:  # type: ignore[no-untyped-def]
    g, _, plan = s_graph
    found = 0
    for a, b, day in plan["chains"][:12]:
        core = g.path(a, b, via=via, as_of=day).to_dicts()
        sql = {
            tuple(r[0])
            for r in duck.execute(
                "SELECT stops FROM chains(?, ?, ?, ?::DATE, ?)", [a, b, kinds, day, alliances]
            ).fetchall()
        }
        if not core:
            assert sql == set(), (a, b, day)
            continue
        found += 1
        hops = core[0]["hops"]
        stops = tuple([hops[0]["from"]["id"]] + [h["to"]["id"] for h in hops])
        # The core answers one shortest chain; the SQL lists them all.
        assert stops in sql, (a, b, day, stops, sql)
        assert {len(s) for s in sql} == {len(stops)}
    assert found > 0


@pytest.fixture(scope="session")
def spark_job():  # type: ignore[no-untyped-def]
    """The Spark job's module and one local-mode session for every Spark test."""
    pytest.importorskip("pyspark")
    import importlib.util

    spec = importlib.util.spec_from_file_location("diplograph_job", ROOT / "spark" / "diplograph_job.py")
    assert spec is not None and spec.loader is not None
    job = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(job)
    spark = job.session("local[2]")
    yield job, spark
    spark.stop()


def test_spark_agrees_with_the_core_on_states_and_chains(s_graph, spark_job) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    g, tables, plan = s_graph
    job, spark = spark_job
    for day in ["2010-01-01", "2016-06-04"]:
        core = sorted(
            (a["agreement"]["id"], a["state"]["state"], a["state"]["since"])
            for a in g.as_of(day).agreements().to_dicts()
        )
        rows = job.agreement_states(spark, str(tables), dt.date.fromisoformat(day)).collect()
        assert sorted((r.agreement, r.state, r.since) for r in rows) == core
    found = 0
    for a, b, day in plan["chains"][:4]:
        core = g.path(a, b, via="intelligence", as_of=day).to_dicts()
        chains = job.chains(
            spark, str(tables), a, b, ["gsomia", "arrangement"], dt.date.fromisoformat(day)
        )
        if not core:
            assert chains == [], (a, b, day)
            continue
        found += 1
        hops = core[0]["hops"]
        stops = [hops[0]["from"]["id"]] + [h["to"]["id"] for h in hops]
        assert stops in chains, (a, b, day, stops, chains)
        assert {len(c) for c in chains} == {len(stops)}
    assert found > 0


# kuzu and LadybugDB register the same native types: one process cannot import both, so each
# loads in a process of its own.
BULK_LOAD = """
import json, sys, time
import importlib
module = importlib.import_module(sys.argv[1])
conn = module.Connection(module.Database(sys.argv[2]))
started = time.perf_counter()
conn.execute(open("load.cypher", encoding="utf-8").read())
seconds = time.perf_counter() - started
def column(query):
    result, out = conn.execute(query), []
    while result.has_next():
        out.append(result.get_next()[0])
    return out
print(json.dumps({
    "seconds": seconds,
    "nodes": column("MATCH (n) RETURN count(n)")[0],
    "edges": column("MATCH ()-[r]->() RETURN count(r)")[0],
    "said": column("MATCH (c:Country {id: 'USA'})-[:SAID]->(s:Statement) RETURN s.id ORDER BY s.id"),
}))
"""


@pytest.mark.parametrize("module_name", ["kuzu", "ladybug"])
def test_the_bulk_files_load_s_in_seconds_and_answer_like_the_core(
    s_graph, tmp_path, module_name: str
) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip(module_name)
    g, _, _ = s_graph
    files = tmp_path / "bulk"
    g.save(files, format="kuzu")
    run = subprocess.run(
        [sys.executable, "-c", BULK_LOAD, module_name, str(tmp_path / "db")],
        cwd=files,
        check=True,
        capture_output=True,
        text=True,
    )
    got = json.loads(run.stdout)
    print(f"{module_name}: S bulk-loaded in {got['seconds']:.1f} s")
    assert got["seconds"] < 60
    assert (got["nodes"], got["edges"]) == (10000, 58263)
    core = sorted(s["statement"]["id"] for s in g.statements(by="USA").to_dicts())
    assert got["said"] == core
    assert len(core) > 10
