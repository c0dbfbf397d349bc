

def bulk_load(module, files: Path, where: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Loads the bulk files into a new embedded database; gives the connection and seconds."""
    db = module.Database(str(where))
    conn = module.Connection(db)
    monkeypatch.chdir(files)
    started = time.perf_counter()
    conn.execute((files / "load.cypher").read_text(encoding="utf-8"))
    return conn, time.perf_counter() - started


def scalar(conn, query: str):  # type: ignore[no-untyped-def]
    result = conn.execute(query)
    return result.get_next()[0]


@pytest.mark.parametrize("module_name", ["kuzu", "real_ladybug"])
def test_the_bulk_files_load_s_in_seconds_and_answer_like_the_core(
    s_graph, tmp_path, monkeypatch, module_name: str
) -> None:  # type: ignore[no-untyped-def]
    module = pytest.importorskip(module_name)
    g, _, _ = s_graph
    files = tmp_path / "bulk"
    g.save(files, format="kuzu")
    conn, seconds = bulk_load(module, files, tmp_path / "db", monkeypatch)
    print(f"{module_name}: S bulk-loaded in {seconds:.1f} s")
    assert seconds < 60
    assert scalar(conn, "MATCH (n) RETURN count(n)") == 10000
    assert scalar(conn, "MATCH ()-[r]->() RETURN count(r)") == 58263
    result = conn.execute(
        "MATCH (c:Country {id: 'USA'})-[:SAID]->(s:Statement) RETURN s.id ORDER BY s.id"
    )
    said = []
    while result.has_next():
        said.append(result.get_next()[0])
    core = sorted(s["statement"]["id"] for s in g.statements(by="USA").to_dicts())
    assert said == core
    assert len(core) > 10
