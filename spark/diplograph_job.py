"""diplograph's as-of agreement states and chains between parties, on Apache Spark.

Reads the Parquet tables of ``diplograph dump --format parquet -o DIR`` (schema:
docs/export.md, "Parquet") and answers with DataFrames, by the rules of the core
(docs/queries.md) that sql/duckdb/diplograph.sql states in SQL:

* an agreement's state on day D is that of its last occurred step about the whole agreement
  that may have begun by D (steps in order; the first step certainly after D stops the walk);
* a chain hop joins two parties of an agreement of the chosen kinds that binds on D (agreed,
  signed, in force), both parties then (their ``party_to`` edge may hold on D, they had not
  withdrawn), members with members, a hub with its spokes; with ``alliances``, ``allied_with``
  edges holding on D are hops too;
* the chains are the shortest (at most 6 hops), found breadth first with one join per level,
  then walked back from the target with one join per hop.

Run locally or on a cluster (docs/scale.md)::

    spark-submit spark/diplograph_job.py DIR --date 2016-06-04 \\
        --chain USA JPN --kinds gsomia,arrangement --out OUT

It writes ``OUT/agreement_states`` and ``OUT/chains`` as Parquet. Nothing is downloaded at run
time: it needs only pyspark and a Java runtime.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from typing import Sequence

from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F

MAX_HOPS = 6
NOT_WHOLE = ["withdrawn", "notice_given", "notice_suspended", "notice_withdrawn", "renewed"]
BINDING = ["agreed", "signed", "in_force"]


def table(spark: SparkSession, tables: str, name: str) -> DataFrame:
    return spark.read.parquet(f"{tables.rstrip('/')}/{name}.parquet")


def holds_on(start_earliest, end_latest, day):  # type: ignore[no-untyped-def]
    """Whether an interval may hold on ``day`` (an open side holds)."""
    return (start_earliest.isNull() | (start_earliest <= day)) & (
        end_latest.isNull() | (end_latest >= day)
    )


def agreement_states(spark: SparkSession, tables: str, day: dt.date) -> DataFrame:
    """Every agreement's state on ``day``: agreement, kind, state, since, step."""
    d = F.lit(day)
    steps = table(spark, tables, "lifecycle").where(
        (F.col("status") == "occurred")
        & ~F.col("state").isin(NOT_WHOLE)
        & ~(F.col("state").isin("ratified", "suspended") & F.col("party").isNotNull())
    )
    stop = (
        steps.where(F.col("date_earliest") > d)
        .groupBy("agreement")
        .agg(F.min("step").alias("first_after"))
    )
    begun = steps.join(stop, "agreement", "left").where(
        F.col("first_after").isNull() | (F.col("step") < F.col("first_after"))
    )
    last = Window.partitionBy("agreement").orderBy(F.col("step").desc())
    nodes = table(spark, tables, "nodes").select(F.col("id").alias("agreement"), "subkind")
    return (
        begun.withColumn("rn", F.row_number().over(last))
        .where(F.col("rn") == 1)
        .join(nodes, "agreement")
        .select(
            "agreement",
            F.col("subkind").alias("kind"),
            "state",
            F.col("date").alias("since"),
            "step",
        )
    )


def party_states(spark: SparkSession, tables: str) -> DataFrame:
    """The state each body counts for: the country (or top organization) an organization is
    ``part_of``, up to four levels; one join per level."""
    nodes = table(spark, tables, "nodes").select("id", "kind")
    part_of = (
        table(spark, tables, "edges")
        .where(F.col("kind") == "part_of")
        .groupBy("from")
        .agg(F.min("to").alias("up"))
    )
    cur = nodes.select(F.col("id").alias("body"), F.col("id").alias("cur"))
    for _ in range(4):
        step = (
            cur.join(nodes, cur.cur == nodes.id, "left")
            .join(part_of, F.col("cur") == F.col("from"), "left")
            .select(
                "body",
                F.when((F.col("kind") == "organization") & F.col("up").isNotNull(), F.col("up"))
                .otherwise(F.col("cur"))
                .alias("cur"),
            )
        )
        cur = step
    return cur.withColumnRenamed("cur", "state")


def participants(spark: SparkSession, tables: str, day: dt.date) -> DataFrame:
    """The parties of every agreement on ``day``, as the states they count for."""
    d = F.lit(day)
    edges = table(spark, tables, "edges")
    withdrawn = (
        table(spark, tables, "lifecycle")
        .where(
            (F.col("state") == "withdrawn")
            & (F.col("status") == "occurred")
            & (F.coalesce(F.col("date_latest"), F.col("attested_latest")) <= d)
        )
        .select(F.col("agreement").alias("w_agreement"), F.col("party").alias("w_party"))
    )
    withdrew_from = edges.where(
        (F.col("kind") == "withdrew_from") & (F.col("start_latest") <= d)
    ).select(F.col("from").alias("w_party"), F.col("to").alias("w_agreement"))
    gone = withdrawn.unionByName(withdrew_from).distinct()
    party_to = edges.where(
        (F.col("kind") == "party_to") & holds_on(F.col("start_earliest"), F.col("end_latest"), d)
    )
    states = party_states(spark, tables)
    return (
        party_to.join(
            gone,
            (party_to["to"] == gone.w_agreement) & (party_to["from"] == gone.w_party),
            "left_anti",
        )
        .join(states, party_to["from"] == states.body, "left")
        .select(
            F.col("to").alias("agreement"),
            F.coalesce(F.col("acting_for"), F.col("state"), F.col("from")).alias("party"),
            F.coalesce(F.col("role"), F.lit("member")).alias("role"),
        )
    )


def chain_links(
    spark: SparkSession, tables: str, kinds: Sequence[str], day: dt.date, alliances: bool
) -> DataFrame:
    """One-hop links (x, y) on ``day`` through agreements of ``kinds`` (and alliances)."""
    d = F.lit(day)
    binding = (
        agreement_states(spark, tables, day)
        .where(F.col("kind").isin(list(kinds)) & F.col("state").isin(BINDING))
        .select("agreement")
    )
    p = participants(spark, tables, day).join(binding, "agreement")
    a, b = p.alias("a"), p.alias("b")
    roles = (
        ((F.col("a.role") == "member") & (F.col("b.role") == "member"))
        | ((F.col("a.role") == "hub") & (F.col("b.role") == "spoke"))
        | ((F.col("a.role") == "spoke") & (F.col("b.role") == "hub"))
    )
    links = (
        a.join(b, (F.col("a.agreement") == F.col("b.agreement")) & (F.col("a.party") != F.col("b.party")))
        .where(roles)
        .select(F.col("a.party").alias("x"), F.col("b.party").alias("y"))
    )
    if alliances:
        allied = table(spark, tables, "edges").where(
            (F.col("kind") == "allied_with")
            & holds_on(F.col("start_earliest"), F.col("end_latest"), d)
        )
        links = links.unionByName(allied.select(F.col("from").alias("x"), F.col("to").alias("y")))
        links = links.unionByName(allied.select(F.col("to").alias("x"), F.col("from").alias("y")))
    return links.distinct()


def chains(
    spark: SparkSession,
    tables: str,
    a: str,
    b: str,
    kinds: Sequence[str],
    day: dt.date,
    alliances: bool = False,
) -> list[list[str]]:
    """Every shortest chain from ``a`` to ``b`` on ``day`` (its stops), shortest first;
    ``[]`` when there is none within six hops."""
    # Materialised once, so that each level's join does not replan the links.
    links = chain_links(spark, tables, kinds, day, alliances).localCheckpoint()
    # Breadth first: one join per level, keeping each party at the level it is first reached.
    dist = spark.createDataFrame([(a, 0)], "party string, hops int")
    frontier = dist
    found = None
    for level in range(1, MAX_HOPS + 1):
        nxt = (
            frontier.join(links, frontier.party == links.x)
            .select(F.col("y").alias("party"))
            .distinct()
            .join(dist, "party", "left_anti")
            .withColumn("hops", F.lit(level))
            .localCheckpoint()
        )
        if nxt.isEmpty():
            break
        dist = dist.unionByName(nxt).localCheckpoint()
        if not nxt.where(F.col("party") == b).isEmpty():
            found = level
            break
        frontier = nxt
    if found is None:
        return []
    # Back from b: one join per hop, onto the parties one level nearer a.
    paths = spark.createDataFrame([([b], found)], "stops array<string>, hops int")
    for _ in range(found):
        paths = (
            paths.join(links, F.element_at(paths.stops, 1) == links.y)
            .join(dist.withColumnRenamed("hops", "d"), F.col("x") == F.col("party"))
            .where(F.col("d") == F.col("hops") - 1)
            .select(F.concat(F.array(F.col("x")), F.col("stops")).alias("stops"), F.col("d").alias("hops"))
        )
    return sorted(list(r.stops) for r in paths.where(F.element_at("stops", 1) == a).collect())


def session(master: str | None = None) -> SparkSession:
    """A session for graphs of this size: few shuffle partitions (the default 200 costs more
    than the joins at S and M), no console progress bar."""
    builder = SparkSession.builder.appName("diplograph")
    if master:
        builder = builder.master(master)
    return (
        builder.config("spark.sql.shuffle.partitions", "8")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tables", help="directory written by diplograph dump --format parquet")
    parser.add_argument("--date", required=True, help="the day asked about, YYYY-MM-DD")
    parser.add_argument("--chain", nargs=2, metavar=("FROM", "TO"), action="append", default=[])
    parser.add_argument("--kinds", default="gsomia,arrangement", help="agreement kinds of a hop")
    parser.add_argument("--alliances", action="store_true", help="allied_with edges are hops")
    parser.add_argument("--out", help="write agreement_states and chains here, as Parquet")
    args = parser.parse_args(argv)
    day = dt.date.fromisoformat(args.date)
    spark = session()
    started = time.perf_counter()
    states = agreement_states(spark, args.tables, day).cache()
    print(f"{states.count()} agreements with a state on {day}; "
          f"{states.where(F.col('state') == 'in_force').count()} in force")
    found = []
    for a, b in args.chain:
        for stops in chains(spark, args.tables, a, b, args.kinds.split(","), day, args.alliances):
            found.append((a, b, stops))
            print(" -> ".join(stops))
    if args.out:
        states.write.mode("overwrite").parquet(f"{args.out}/agreement_states")
        schema = "from string, to string, stops array<string>"
        spark.createDataFrame(found, schema).write.mode("overwrite").parquet(f"{args.out}/chains")
    print(f"done in {time.perf_counter() - started:.1f} s")
    spark.stop()


if __name__ == "__main__":
    main()
