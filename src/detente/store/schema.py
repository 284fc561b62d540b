"""The store's tables, its schema version and the migrations between versions.

Tables hold flat rows (fast to append, scan and aggregate); the `*_records` views give the nested
public shape of events and motives, the one `detente events --format jsonl` prints and exports write.
"""

from __future__ import annotations

SCHEMA_VERSION = 3

_V1 = [
    """CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE ingest_runs (
        run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, status VARCHAR,
        paths VARCHAR, n_new INTEGER DEFAULT 0, n_duplicate INTEGER DEFAULT 0,
        n_near_duplicate INTEGER DEFAULT 0, n_failed INTEGER DEFAULT 0, n_events INTEGER DEFAULT 0)""",
    """CREATE TABLE ingest_errors (
        error_id VARCHAR PRIMARY KEY, run_id VARCHAR, path VARCHAR, line INTEGER, code VARCHAR,
        reason VARCHAR, seen_at TIMESTAMP)""",
    # duplicate_of: for a near-duplicate, the article it re-publishes (not coded again).
    """CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY, ref VARCHAR, title VARCHAR, text VARCHAR, date DATE,
        source VARCHAR, url VARCHAR, lang VARCHAR, origin VARCHAR, duplicate_of VARCHAR,
        similarity DOUBLE, minhash UBIGINT[], run_id VARCHAR, ingested_at TIMESTAMP)""",
    """CREATE TABLE article_bands (article_id VARCHAR, band SMALLINT, bucket BIGINT)""",
    """CREATE TABLE sentences (
        article_id VARCHAR, sentence_index INTEGER, start INTEGER, "end" INTEGER, text VARCHAR)""",
    """CREATE TABLE actors (
        actor_id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR,
        aliases VARCHAR[], wikidata VARCHAR)""",
    """CREATE TABLE mentions (
        mention_id VARCHAR, article_id VARCHAR, sentence_index INTEGER, start INTEGER, "end" INTEGER,
        text VARCHAR, actor_id VARCHAR, resolved_by VARCHAR)""",
    """CREATE TABLE events (
        event_id VARCHAR, article_id VARCHAR, sentence_index INTEGER, start INTEGER, "end" INTEGER,
        date DATE, type VARCHAR, mode VARCHAR, cameo VARCHAR, quad_class TINYINT, intensity DOUBLE,
        negated BOOLEAN, modality VARCHAR,
        source_id VARCHAR, source_name VARCHAR, source_country VARCHAR, source_sector VARCHAR,
        source_text VARCHAR, source_start INTEGER, source_end INTEGER,
        target_id VARCHAR, target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR,
        target_text VARCHAR, target_start INTEGER, target_end INTEGER,
        place_name VARCHAR, place_geonameid BIGINT, place_country VARCHAR, place_lat DOUBLE, place_lon DOUBLE,
        evidence VARCHAR, confidence DOUBLE, rule_id VARCHAR)""",
    """CREATE TABLE motives (
        motive_id VARCHAR, article_id VARCHAR, sentence_index INTEGER, start INTEGER, "end" INTEGER,
        date DATE, goal VARCHAR, category VARCHAR, polarity TINYINT, modality VARCHAR,
        actor_id VARCHAR, actor_name VARCHAR, actor_country VARCHAR, actor_sector VARCHAR,
        actor_text VARCHAR, actor_start INTEGER, actor_end INTEGER,
        concerns_id VARCHAR, concerns_name VARCHAR, concerns_country VARCHAR, concerns_sector VARCHAR,
        concerns_text VARCHAR, concerns_start INTEGER, concerns_end INTEGER,
        evidence VARCHAR, rule_id VARCHAR)""",
]


def _party(prefix: str) -> str:
    """A nested actor object built from the flat `<prefix>_*` columns (NULL when there is none)."""
    return f"""CASE WHEN {prefix}_start IS NULL THEN NULL ELSE struct_pack(
        id := {prefix}_id, name := {prefix}_name, country := {prefix}_country,
        sector := {prefix}_sector, text := {prefix}_text, start := {prefix}_start, "end" := {prefix}_end) END"""


VIEWS = [
    f"""CREATE OR REPLACE VIEW event_records AS SELECT
        event_id, article_id, sentence_index, start, "end", date, type, mode, cameo, quad_class,
        intensity, negated, modality, {_party("source")} AS source, {_party("target")} AS target,
        CASE WHEN place_name IS NULL THEN NULL ELSE struct_pack(
            name := place_name, geonameid := place_geonameid, country := place_country,
            lat := place_lat, lon := place_lon) END AS place,
        evidence, confidence, rule_id
        FROM events""",
    f"""CREATE OR REPLACE VIEW motive_records AS SELECT
        motive_id, article_id, sentence_index, start, "end", date, {_party("actor")} AS actor, goal,
        category, {_party("concerns")} AS concerns, polarity, modality, evidence, rule_id
        FROM motives""",
    """CREATE OR REPLACE VIEW actor_records AS SELECT
        a.actor_id, a.name, a.kind, a.country, a.sector, a.cameo, a.parent, a.aliases, a.wikidata,
        count(m.mention_id) AS mentions
        FROM actors a LEFT JOIN mentions m ON m.actor_id = a.actor_id OR m.person_id = a.actor_id
        GROUP BY ALL""",
]

# MIGRATIONS[n] takes a store from version n-1 to n. Views are recreated after every migration.
MIGRATIONS: dict[int, list[str]] = {
    1: _V1,
    # 2: a mention that names a person links the person as well as the body they act for.
    # and actors carry their CAMEO group code (HMS for Hamas).
    2: ["ALTER TABLE mentions ADD COLUMN person_id VARCHAR", "ALTER TABLE actors ADD COLUMN cameo VARCHAR"],
    # 3: an organisation's parent, so that "Hamas" in an analysis takes in its political bureau.
    3: ["ALTER TABLE actors ADD COLUMN parent VARCHAR"],
}

TABLES = (
    "articles",
    "sentences",
    "actors",
    "mentions",
    "events",
    "motives",
    "ingest_runs",
    "ingest_errors",
)
