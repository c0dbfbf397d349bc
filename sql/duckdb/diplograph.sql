-- diplograph's core questions in DuckDB, over the Parquet tables of `diplograph dump --format
-- parquet -o DIR` (schema: docs/export.md, "Parquet"). Set the directory, then run this file:
--
--   SET VARIABLE diplograph_dir = 'DIR';
--   .read sql/duckdb/diplograph.sql          -- (duckdb CLI; from Python: con.execute(text))
--   SELECT * FROM agreements_in_force(DATE '2016-06-04');
--
-- Dates asked about are days (DATE). Each date in the tables has its EDTF text and its earliest
-- and latest possible days (`start_earliest`, `start_latest`, …; NULL on an open side), and the
-- rules below are the core's (docs/queries.md) read from those two days:
--   * an edge holds on D unless its start certainly comes after D or its end certainly before;
--   * an agreement's state on D is that of its last occurred step about the whole agreement
--     that may have begun by D (steps in order; the first step certainly after D stops the
--     walk; undated steps are taken as begun);
--   * a party that withdrew (a `withdrawn` step naming it, or a `withdrew_from` edge) certainly
--     before D is no longer a party.
-- What the SQL leaves to the core: notices of termination or withdrawal and `until` terms
-- (derived states), certainty and containment, and `reports` accounts in attribution chains.
-- The test python/tests/test_engines.py checks these answers against the core's, row for row.

CREATE OR REPLACE VIEW graph_info AS
    SELECT * FROM read_parquet(getvariable('diplograph_dir') || '/graph.parquet');
CREATE OR REPLACE VIEW nodes AS
    SELECT * FROM read_parquet(getvariable('diplograph_dir') || '/nodes.parquet');
CREATE OR REPLACE VIEW edges AS
    SELECT * FROM read_parquet(getvariable('diplograph_dir') || '/edges.parquet');
CREATE OR REPLACE VIEW lifecycle AS
    SELECT * FROM read_parquet(getvariable('diplograph_dir') || '/lifecycle.parquet');
CREATE OR REPLACE VIEW terms AS
    SELECT * FROM read_parquet(getvariable('diplograph_dir') || '/terms.parquet');
CREATE OR REPLACE VIEW citations AS
    SELECT * FROM read_parquet(getvariable('diplograph_dir') || '/citations.parquet');
CREATE OR REPLACE VIEW source_texts AS
    SELECT * FROM read_parquet(getvariable('diplograph_dir') || '/source_texts.parquet');
CREATE OR REPLACE VIEW reporting_chains AS
    SELECT * FROM read_parquet(getvariable('diplograph_dir') || '/reporting_chains.parquet');

-- Whether an interval [start, end] (earliest start day, latest end day) may hold on day d.
CREATE OR REPLACE MACRO holds_on(start_earliest, end_latest, d) AS
    coalesce(start_earliest <= d, true) AND coalesce(end_latest >= d, true);

-- The steps that change an agreement's state as a whole (not one party's, not notices).
CREATE OR REPLACE VIEW whole_agreement_steps AS
    SELECT *
    FROM lifecycle
    WHERE status = 'occurred'
      AND state NOT IN ('withdrawn', 'notice_given', 'notice_suspended', 'notice_withdrawn',
                        'renewed')
      AND NOT (state IN ('ratified', 'suspended') AND party IS NOT NULL);

-- Every agreement's state on day d (agreements with no step begun by d are left out).
CREATE OR REPLACE MACRO agreement_states(d) AS TABLE
    WITH stop AS (
        SELECT agreement, min(step) AS first_after
        FROM whole_agreement_steps
        WHERE date_earliest > d
        GROUP BY agreement
    )
    SELECT s.agreement, n.subkind AS kind, s.state, s.date AS since, s.step
    FROM whole_agreement_steps s
    JOIN nodes n ON n.id = s.agreement
    LEFT JOIN stop USING (agreement)
    WHERE stop.first_after IS NULL OR s.step < stop.first_after
    QUALIFY row_number() OVER (PARTITION BY s.agreement ORDER BY s.step DESC) = 1;

-- Agreements in force on day d.
CREATE OR REPLACE MACRO agreements_in_force(d) AS TABLE
    SELECT agreement, kind, since FROM agreement_states(d) WHERE state = 'in_force';

-- Every office held on day d: (person, title, organization or country), with the interval.
CREATE OR REPLACE MACRO office_holders(d) AS TABLE
    SELECT e."from" AS person, e.title, e."to" AS organization, e.start, e."end"
    FROM edges e
    WHERE e.kind = 'holds_office' AND holds_on(e.start_earliest, e.end_latest, d);

-- The statements a speaker made (`said` edges), each reporting chain's outlets in order:
-- one row per (statement, chain, position, outlet); a statement nobody reported has one row
-- with a NULL chain.
CREATE OR REPLACE MACRO statements_by(speaker) AS TABLE
    SELECT s."to" AS statement, n.date, r.chain, r.position, r.outlet
    FROM edges s
    JOIN nodes n ON n.id = s."to"
    LEFT JOIN reporting_chains r ON r.statement = s."to"
    WHERE s.kind = 'said' AND s."from" = speaker;

-- The body a `party_to` edge counts for: its `acting_for`, else the country (or top
-- organization) an organization is `part_of`, up to four levels, else the party itself.
CREATE OR REPLACE VIEW party_state AS
    WITH RECURSIVE up(body, cur, depth) AS (
        SELECT id, id, 0 FROM nodes
        UNION ALL
        SELECT up.body, p."to", up.depth + 1
        FROM up
        JOIN nodes n ON n.id = up.cur AND n.kind = 'organization'
        JOIN (SELECT "from", min("to") AS "to" FROM edges WHERE kind = 'part_of' GROUP BY "from")
             p ON p."from" = up.cur
        WHERE up.depth < 4
    )
    SELECT body, arg_max(cur, depth) AS state FROM up GROUP BY body;

-- The parties of every agreement on day d, as states, with their role.
CREATE OR REPLACE MACRO participants(d) AS TABLE
    SELECT e."to" AS agreement, e."from" AS body,
           coalesce(e.acting_for, ps.state, e."from") AS party,
           coalesce(e.role, 'member') AS role
    FROM edges e
    LEFT JOIN party_state ps ON ps.body = e."from"
    WHERE e.kind = 'party_to'
      AND holds_on(e.start_earliest, e.end_latest, d)
      AND NOT EXISTS (
          SELECT 1 FROM lifecycle w
          WHERE w.agreement = e."to" AND w.state = 'withdrawn' AND w.status = 'occurred'
            AND w.party = e."from" AND coalesce(w.date_latest, w.attested_latest) <= d)
      AND NOT EXISTS (
          SELECT 1 FROM edges x
          WHERE x.kind = 'withdrew_from' AND x."from" = e."from" AND x."to" = e."to"
            AND x.start_latest <= d);

-- One-hop links on day d through agreements of the given kinds that bind then (agreed,
-- signed, in force): members reach members, a hub its spokes and a spoke its hub; with
-- `alliances`, `allied_with` edges holding on d link too (agreement NULL).
CREATE OR REPLACE MACRO chain_links(kinds, d, alliances) AS TABLE
    WITH binding AS (
        SELECT agreement FROM agreement_states(d)
        WHERE list_contains(kinds, kind) AND state IN ('agreed', 'signed', 'in_force')
    ), p AS (
        SELECT * FROM participants(d) WHERE agreement IN (SELECT agreement FROM binding)
    )
    SELECT DISTINCT a.party AS x, b.party AS y, a.agreement
    FROM p a JOIN p b ON a.agreement = b.agreement AND a.party <> b.party
    WHERE (a.role = 'member' AND b.role = 'member')
       OR (a.role = 'hub' AND b.role = 'spoke')
       OR (a.role = 'spoke' AND b.role = 'hub')
    UNION
    SELECT x, y, NULL AS agreement FROM (
        SELECT "from" AS x, "to" AS y FROM edges
        WHERE alliances AND kind = 'allied_with' AND holds_on(start_earliest, end_latest, d)
        UNION
        SELECT "to", "from" FROM edges
        WHERE alliances AND kind = 'allied_with' AND holds_on(start_earliest, end_latest, d));

-- Every shortest chain (at most 6 hops) from party a to party b on day d through agreements
-- of the given kinds: one row per chain, its stops from a to b. A breadth-first search (a
-- recursive CTE over (party, hops)), then the shortest paths walked back from b.
CREATE OR REPLACE MACRO chains(a, b, kinds, d, alliances) AS TABLE
    WITH RECURSIVE links AS (
        SELECT DISTINCT x, y FROM chain_links(kinds, d, alliances)
    ), reach(party, hops) AS (
        SELECT a, 0
        UNION
        SELECT l.y, r.hops + 1
        FROM reach r JOIN links l ON l.x = r.party
        WHERE r.hops < 6 AND r.party <> b
    ), dist AS (
        SELECT party, min(hops) AS hops FROM reach GROUP BY party
    ), back(stops, hops) AS (
        SELECT [b], hops FROM dist WHERE party = b AND hops > 0
        UNION ALL
        SELECT list_prepend(l.x, back.stops), back.hops - 1
        FROM back
        JOIN links l ON l.y = back.stops[1]
        JOIN dist ON dist.party = l.x AND dist.hops = back.hops - 1
        WHERE back.hops > 0
    )
    SELECT stops, len(stops) - 1 AS hops FROM back WHERE hops = 0 AND stops[1] = a;
