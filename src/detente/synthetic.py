"""Generated data for benchmarks and tests (clearly synthetic, never real news).

`wire_reports` yields wire-style reports to ingest: each strings together sentences drawn at
random from small vocabularies, so any two reports share almost no word sequences and are never
near-duplicates of each other. `generate_event_store` skips the coding and fills a store with
millions of coded events directly, for the store's own benchmarks (bench/store_scale.py).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from detente.errors import Messages, StoreError, UsageError

if TYPE_CHECKING:
    from detente.store import Store

_ACTORS = (
    "Iran",
    "Saudi Arabia",
    "Egypt",
    "Hamas",
    "Hezbollah",
    "Israel",
    "Turkey",
    "Qatar",
    "Jordan",
    "the United States",
    "Russia",
    "China",
    "the European Union",
    "the United Nations",
    "Iraq",
    "Syria",
    "Lebanon",
    "the Arab League",
    "France",
    "Britain",
    "Iranian officials",
    "Egyptian troops",
    "Saudi diplomats",
    "the Palestinian Authority",
    "Tehran",
    "Riyadh",
    "Cairo",
    "Washington",
)
_ACTS = (
    "met",
    "criticised",
    "accused",
    "praised",
    "called on",
    "warned",
    "sanctioned",
    "thanked",
    "threatened",
    "hosted",
    "rejected a proposal from",
    "signed an accord with",
    "sent aid to",
    "held talks with",
    "condemned",
    "expelled diplomats from",
    "agreed to cooperate with",
    "demanded concessions from",
    "deployed forces near",
    "opened a crossing for",
)
_CONTEXTS = (
    "on Monday",
    "on Tuesday",
    "late on Wednesday",
    "on Thursday",
    "at the weekend",
    "last week",
    "in Geneva",
    "in Doha",
    "in Baghdad",
    "in Beirut",
    "in Amman",
    "in Muscat",
    "in Vienna",
    "after a day of talks",
    "during a summit",
    "despite objections",
    "amid rising tension",
)
_REASONS = (
    "officials said",
    "a spokesman said",
    "state media reported",
    "according to diplomats",
    "a statement said",
    "witnesses said",
    "the ministry said",
    "sources told reporters",
)
_SOURCES = ("Synthetic Wire", "Generated Desk", "Bench News")


def wire_reports(count: int, *, seed: int = 7, sentences: int = 8) -> Iterator[dict[str, Any]]:
    """`count` synthetic reports as corpus records: id, title, text, date, source, url."""
    rng = random.Random(seed)
    start = dt.date(2012, 1, 1)
    for number in range(count):
        lines = []
        for _ in range(sentences):
            a, b = rng.sample(_ACTORS, 2)
            sentence = f"{a} {rng.choice(_ACTS)} {b} {rng.choice(_CONTEXTS)}, {rng.choice(_REASONS)}."
            lines.append(sentence[0].upper() + sentence[1:])
        # A serial number in the text keeps every report distinct even with a tiny vocabulary.
        lines.append(f"This is generated report number {number} of the detente synthetic set.")
        date = start + dt.timedelta(days=rng.randrange(0, 365 * 12))
        yield {
            "id": f"synthetic-{seed}-{number}",
            "title": lines[0][:60],
            "text": " ".join(lines[:4]) + "\n\n" + " ".join(lines[4:]),
            "date": date.isoformat(),
            "source": rng.choice(_SOURCES),
            "url": f"https://example.org/synthetic/{seed}/{number}",
        }


# --- a generated store ------------------------------------------------------------------------
#
# `generate_event_store` fills a real detente store with coded-looking events for benchmarks:
# the actors are the packaged dictionary's own records and the event types, modes, CAMEO codes,
# quad classes and intensities come from the packaged ontology, so every row is one the coder
# could have written. The rows themselves are drawn entirely in DuckDB SQL from hashes of the
# event number (the `_gen_*` macros below): no row depends on another, which keeps 10 million
# events to well under a minute on two cores and makes a seed reproducible.

# The most talked-about actors first: actor choice is skewed towards the head of this list.
_POOL = (
    "IRN",
    "USA",
    "ISR",
    "SAU",
    "hamas",
    "EGY",
    "hezbollah",
    "RUS",
    "TUR",
    "QAT",
    "united-nations",
    "IRN-MIL",
    "SYR",
    "IRQ",
    "PSE",
    "european-union",
    "USA-MIL",
    "ISR-MIL",
    "houthis",
    "JOR",
    "LBN",
    "CHN",
    "fatah",
    "irgc",
    "YEM",
    "GBR",
    "FRA",
    "ARE",
    "OMN",
    "palestinian-authority",
    "iaea",
    "arab-league",
    "gcc",
    "DEU",
    "quds-force",
    "EGY-MIL",
    "SAU-MIL",
    "palestinian-islamic-jihad",
    "KWT",
    "BHR",
)

# How a state's other sectors are named in a sentence, after the country's demonym ("Iranian forces").
_SECTOR_WORDS = {"MIL": "forces", "COP": "police", "SPY": "intelligence officials", "JUD": "judges"}

# Verb phrases that take the target as their object: (past tense, base form), per PLOVER type.
_VERBS = {
    "AGREE": (
        ("agreed to cooperate with", "agree to cooperate with"),
        ("promised to help", "promise to help"),
    ),
    "CONSULT": (("met", "meet"), ("held talks with", "hold talks with"), ("hosted envoys from", "host envoys from")),
    "SUPPORT": (
        ("praised", "praise"),
        ("defended", "defend"),
        ("endorsed the stance of", "endorse the stance of"),
        ("signed an accord with", "sign an accord with"),
        ("apologised to", "apologise to"),
    ),
    "CONCEDE": (("eased restrictions on", "ease restrictions on"), ("made concessions to", "make concessions to")),
    "COOPERATE": (("expanded trade with", "expand trade with"), ("held joint drills with", "hold joint drills with")),
    "AID": (("sent aid to", "send aid to"), ("supplied weapons to", "supply weapons to")),
    "RETREAT": (("lifted sanctions on", "lift sanctions on"), ("freed detainees held from", "free detainees from")),
    "REQUEST": (("urged", "urge"), ("demanded concessions from", "demand concessions from")),
    "ACCUSE": (("accused", "accuse"), ("criticised", "criticise"), ("condemned", "condemn")),
    "REJECT": (("rejected a proposal from", "reject a proposal from"), ("rebuffed", "rebuff")),
    "THREATEN": (("threatened", "threaten"), ("warned", "warn")),
    "PROTEST": (("protested against", "protest against"), ("rallied against", "rally against")),
    "SANCTION": (("imposed sanctions on", "impose sanctions on"), ("cut ties with", "cut ties with")),
    "MOBILIZE": (
        ("deployed troops near", "deploy troops near"),
        ("raised its alert against", "raise its alert against"),
    ),
    "COERCE": (("seized assets of", "seize assets of"), ("arrested members of", "arrest members of")),
    "ASSAULT": (("attacked", "attack"), ("shelled positions held by", "shell positions held by")),
}

# Rough shares of each type in wire news (consultations and accusations dominate).
_TYPE_WEIGHTS = {
    "AGREE": 8,
    "CONSULT": 20,
    "SUPPORT": 8,
    "CONCEDE": 2,
    "COOPERATE": 4,
    "AID": 4,
    "RETREAT": 2,
    "REQUEST": 10,
    "ACCUSE": 14,
    "REJECT": 6,
    "THREATEN": 6,
    "PROTEST": 3,
    "SANCTION": 4,
    "MOBILIZE": 2,
    "COERCE": 4,
    "ASSAULT": 8,
}

# Cities events take place in (resolved through the gazetteer for their GeoNames ids and coordinates).
_PLACES = (
    "Tehran",
    "Riyadh",
    "Jerusalem",
    "Gaza",
    "Cairo",
    "Beirut",
    "Damascus",
    "Baghdad",
    "Doha",
    "Muscat",
    "Amman",
    "Ankara",
    "Vienna",
    "Geneva",
    "Moscow",
    "Beijing",
    "Sanaa",
    "Washington",
    "Istanbul",
    "Dubai",
)

# What an actor wants (goal), needs, fears or gains (benefit), said of the party it concerns.
_MOTIVES = (
    ("goal", "wants to", "rebuild its ties with"),
    ("goal", "wants to", "limit the influence of"),
    ("goal", "wants to", "win guarantees from"),
    ("need", "needs", "the backing of"),
    ("need", "needs", "fuel and credit from"),
    ("fear", "fears", "a confrontation with"),
    ("fear", "fears", "losing ground to"),
    ("benefit", "stands to gain from", "closer links with"),
)

# Shares of the modalities, and of negated events.
_MODALITY_SHARES = (("asserted", 0.84), ("reported", 0.08), ("future", 0.04), ("hypothetical", 0.04))
_NEGATED_SHARE = 0.03
_UNDATED_SHARE = 0.005
_NO_TARGET_SHARE = 0.1
_PLACE_SHARE = 0.4
_MOTIVE_SHARE = 0.25
_NEAR_DUPLICATE_SHARE = 0.002
_MEAN_EVENTS_PER_ARTICLE = 5  # 1 to 9 per article, evenly


@dataclass(frozen=True, slots=True)
class GeneratedStore:
    """What `generate_event_store` wrote."""

    events: int
    articles: int
    near_duplicates: int
    motives: int
    actors: int


def generate_event_store(
    store: Store | str | Path,
    n_events: int,
    *,
    seed: int = 0,
    n_actors: int = 200,
    start: dt.date = dt.date(2005, 1, 1),
    end: dt.date = dt.date(2024, 12, 31),
) -> GeneratedStore:
    """Fill an empty detente store with `n_events` generated events, their articles, actors and motives.

    Arguments:
        store: an open `Store`, or the path of a store file (created if absent, closed afterwards).
        n_events: how many events to write (exactly).
        seed: the same seed writes the same rows.
        n_actors: actors to draw from: the Middle East pool first (Iran, the United States, Israel,
            Saudi Arabia, Hamas, ...), then other UN members from the actor dictionary, all with their
            dictionary name, country, sector and CAMEO code. The k-th actor is drawn with probability
            proportional to log((k + 2) / (k + 1)), so the head of the list dominates as it does in news.
        start, end: the span the article dates fall in (one article in 200 is undated).

    Articles hold 1 to 9 events (5 on average), one sentence each, and their text is those sentences;
    a quarter of them end with a motive sentence; one in 500 is re-published as a near-duplicate
    (linked by `duplicate_of`, no events). The `sentences` and `mentions` tables are left empty.
    Raises UsageError D161 for bad arguments and D162 when the store already holds articles or events.

    Example: `generate_event_store("bench.duckdb", 10_000_000)` writes a 10-million-event store.
    Docs: docs/formats.md (section "A generated store")
    """
    from detente.store import Store

    if n_events < 0 or n_actors < 2 or end < start:
        raise UsageError(Messages.D161.format(n_events=n_events, n_actors=n_actors), code="D161")
    if not isinstance(store, Store):
        with Store(store) as opened:
            return generate_event_store(opened, n_events, seed=seed, n_actors=n_actors, start=start, end=end)
    counts = store.stats()
    if counts["events"] or counts["articles"]:
        raise UsageError(Messages.D162.format(path=store.path), code="D162")
    inputs = _Inputs.build(n_actors)
    con = store.con
    con.begin()
    try:
        result = _generate(con, inputs, n_events, seed=int(seed), start=start, end=end)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        _drop_temporaries(con)
    return result


@dataclass(frozen=True, slots=True)
class _Inputs:
    """The small tables events are drawn from, as Python rows (they go into the SQL as list literals)."""

    actors: list[dict[str, Any]]
    kinds: list[dict[str, Any]]  # (type, mode, verb) combinations, grouped by type
    type_draws: list[int]  # type indexes, each repeated by its weight: a uniform pick follows _TYPE_WEIGHTS
    kind_offsets: list[int]  # per type, its first row in `kinds`
    kind_counts: list[int]  # per type, its number of rows in `kinds`
    places: list[dict[str, Any]]

    @classmethod
    def build(cls, n_actors: int) -> _Inputs:
        from detente.events.ontology import load_ontology

        kinds: list[dict[str, Any]] = []
        type_draws: list[int] = []
        offsets: list[int] = []
        counts: list[int] = []
        ontology = load_ontology()
        for index, event_type in enumerate(ontology.types):
            offsets.append(len(kinds))
            for mode in (None, *(m.name for m in event_type.modes)):
                for past, base in _VERBS[event_type.name]:
                    kinds.append(
                        {
                            "type": event_type.name,
                            "mode": mode,
                            "cameo": ontology.cameo_for(event_type.name, mode),
                            "quad_class": ontology.quad_class(event_type.name),
                            "intensity": ontology.intensity(event_type.name, mode),
                            "past": past,
                            "base": base,
                        }
                    )
            counts.append(len(kinds) - offsets[-1])
            type_draws.extend([index] * _TYPE_WEIGHTS[event_type.name])
        return cls(_actor_rows(n_actors), kinds, type_draws, offsets, counts, _place_rows())


def _actor_rows(n_actors: int) -> list[dict[str, Any]]:
    from detente.actors.dictionary import load_dictionary
    from detente.store.rows import actor_row

    dictionary = load_dictionary()
    members = sorted(code for code, country in dictionary.countries.items() if country.status == "member")
    ids = list(_POOL) + [code for code in members if code not in _POOL]
    rows = []
    for actor_id in ids[:n_actors]:
        actor = dictionary.actor(actor_id)
        country = dictionary.countries.get(actor.country or "")
        text = actor.name
        if actor.kind == "state" and actor.sector in _SECTOR_WORDS and country and country.demonyms:
            text = f"{country.demonyms[0]} {_SECTOR_WORDS[actor.sector]}"
        # News names a government by its capital now and then ("Tehran said").
        capital = country.capital if actor.kind == "state" and actor.sector == "GOV" and country else None
        # The store's own actor row (every column its actors table has), and the words for sentences.
        rows.append({**actor_row(actor), "text": text, "alternative": capital or text})
    return rows


def _place_rows() -> list[dict[str, Any]]:
    from detente.places import gazetteer

    places = [gazetteer().lookup(name) for name in _PLACES]
    return [
        {"name": p.name, "geonameid": p.geonameid, "country": p.country, "lat": p.lat, "lon": p.lon}
        for p in places
        if p is not None
    ]


def _literal(values: Sequence[Any], sql_type: str) -> str:
    """A DuckDB list literal. Indexing one inline is folded once per query; a join or macro is per row."""
    items = []
    for value in values:
        if value is None:
            items.append("NULL")
        elif isinstance(value, str):
            items.append("'" + value.replace("'", "''") + "'")
        else:
            items.append(repr(value))
    return f"[{', '.join(items)}]::{sql_type}[]"


def _at(rows: Sequence[dict[str, Any]], key: str, sql_type: str, index: str) -> str:
    """SQL for `rows[index][key]` where `index` is a 0-based SQL expression (NULL gives NULL)."""
    return f"({_literal([row[key] for row in rows], sql_type)})[({index})::BIGINT + 1]"


def _pick(values: Sequence[str], row: str, salt: str, seed: int) -> str:
    """SQL for one of `values`, drawn by the hash of `row`."""
    return f"({_literal(values, 'VARCHAR')})[1 + (hash({row}, '{salt}', {seed}) % {len(values)})::BIGINT]"


_MODALITIES = tuple(name for name, _ in _MODALITY_SHARES)


def _macros(inputs: _Inputs, seed: int) -> dict[str, str]:
    """Temporary SQL macros: every draw of event `i` as a function of `i` (and the seed) alone.

    Because nothing depends on other rows, an article's sentences can be built where the article
    is (no aggregation over events) and an event's fields where the event is (no joins).
    """
    actors, kinds, places = inputs.actors, inputs.kinds, inputs.places
    n = len(actors)
    modality = "CASE"
    threshold = 0.0
    for index, (_, share) in enumerate(_MODALITY_SHARES[:-1]):
        threshold += share
        modality += f" WHEN _gen_u(i, 'modality') < {threshold} THEN {index}"
    modality += f" ELSE {len(_MODALITY_SHARES) - 1} END"
    future, hypothetical, reported = (_MODALITIES.index(m) for m in ("future", "hypothetical", "reported"))
    type_draws = _literal(inputs.type_draws, "INTEGER")
    base = _at(kinds, "base", "VARCHAR", "kind")
    return {
        # uniform in [0, 1), fixed by the row number, a salt naming what is drawn, and the seed
        "_gen_u(i, salt)": f"(hash(i, salt, {seed}) >> 11) / 9007199254740992.0",
        # 24 hex digits, the length of detente's content ids
        "_gen_id(i, salt)": f"""lower(lpad(to_hex(hash(i, salt, {seed})), 16, '0')
            || lpad(to_hex(hash(i, salt || '+', {seed}) >> 32), 8, '0'))""",
        # log-uniform over the actor list: the k-th actor with probability log((k + 2) / (k + 1))
        "_gen_actor(i, salt)": f"least(floor(pow({n + 1}, _gen_u(i, salt))) - 1, {n - 1})::INTEGER",
        "_gen_src(i)": "_gen_actor(i, 'source')",
        # an actor does not act on itself: a draw equal to the source moves to the next actor
        "_gen_tgt(i)": f"""CASE WHEN _gen_u(i, 'no-target') < {_NO_TARGET_SHARE} THEN NULL
            WHEN _gen_actor(i, 'target') = _gen_src(i) THEN (_gen_actor(i, 'target') + 1) % {n}
            ELSE _gen_actor(i, 'target') END""",
        "_gen_type(i)": f"({type_draws})[1 + (hash(i, 'type', {seed}) % {len(inputs.type_draws)})::BIGINT]",
        "_gen_kind(i)": f"""(({_literal(inputs.kind_offsets, "INTEGER")})[_gen_type(i) + 1]
            + hash(i, 'kind', {seed}) % ({_literal(inputs.kind_counts, "UBIGINT")})[_gen_type(i) + 1])::INTEGER""",
        "_gen_modality(i)": f"({modality})::INTEGER",
        "_gen_negated(i)": f"_gen_u(i, 'negated') < {_NEGATED_SHARE}",
        # news names a government by its capital now and then ("Tehran said")
        "_gen_capital(i)": "_gen_u(i, 'capital') < 1 / 7",
        "_gen_place(i)": f"""CASE WHEN _gen_u(i, 'place') < {_PLACE_SHARE}
            THEN (hash(i, 'which-place', {seed}) % {len(places)})::INTEGER END""",
        "_gen_source_text(src, capital)": f"""CASE WHEN capital THEN {_at(actors, "alternative", "VARCHAR", "src")}
            ELSE {_at(actors, "text", "VARCHAR", "src")} END""",
        "_gen_verb(kind, modality, negated)": f"""CASE modality
            WHEN {future} THEN (CASE WHEN negated THEN ' will not ' ELSE ' will ' END) || {base}
            WHEN {hypothetical} THEN (CASE WHEN negated THEN ' could not ' ELSE ' could ' END) || {base}
            ELSE (CASE WHEN negated THEN ' did not ' || {base} ELSE ' ' || {_at(kinds, "past", "VARCHAR", "kind")} END)
            END || ' '""",
        "_gen_target_text(tgt)": _at(actors, "text", "VARCHAR", "tgt"),
        # without a target the verb still needs an object: "its rivals" names no actor
        "_gen_sentence_of(i, src, capital, kind, modality, negated, tgt)": f"""_gen_source_text(src, capital)
            || _gen_verb(kind, modality, negated) || coalesce(_gen_target_text(tgt), 'its rivals') || ' '
            || {_pick(_CONTEXTS, "i", "context", seed)}
            || CASE WHEN modality = {reported} THEN ', ' || {_pick(_REASONS, "i", "reason", seed)} ELSE '' END
            || '.'""",
        "_gen_sentence(i)": """_gen_sentence_of(i, _gen_src(i), _gen_capital(i), _gen_kind(i), _gen_modality(i),
            _gen_negated(i), _gen_tgt(i))""",
        # a quarter of the articles close with what their first event's source wants of its target
        "_gen_motive_index(a)": f"""CASE WHEN _gen_u(a, 'motive') < {_MOTIVE_SHARE}
            THEN (hash(a, 'motive-phrase', {seed}) % {len(_MOTIVES)})::INTEGER END""",
        "_gen_motive_sentence(m, first)": f"""_gen_source_text(_gen_src(first), _gen_capital(first)) || ' '
            || {_at(_MOTIVE_ROWS, "verb", "VARCHAR", "m")} || ' ' || {_at(_MOTIVE_ROWS, "phrase", "VARCHAR", "m")}
            || ' ' || coalesce(_gen_target_text(_gen_tgt(first)), 'its neighbours') || '.'""",
    }


_MOTIVE_ROWS = [{"category": c, "verb": v, "phrase": p} for c, v, p in _MOTIVES]


def _generate(
    con: duckdb.DuckDBPyConnection, inputs: _Inputs, n_events: int, *, seed: int, start: dt.date, end: dt.date
) -> GeneratedStore:
    for signature, body in _macros(inputs, seed).items():
        con.execute(f"CREATE OR REPLACE TEMP MACRO {signature} AS {body}")
    _create_articles(con, n_events, seed=seed, start=start, end=end)
    _insert_events(con, inputs)
    _insert_motives(con, inputs)
    _insert_articles(con, seed=seed)
    con.register("_gen_actors_arrow", pa.Table.from_pylist(inputs.actors))
    try:
        con.execute("INSERT INTO actors BY NAME SELECT * EXCLUDE (text, alternative) FROM _gen_actors_arrow")
    finally:
        con.unregister("_gen_actors_arrow")
    counts = GeneratedStore(
        events=_count(con, "SELECT count(*) FROM events"),
        articles=_count(con, "SELECT count(*) FROM articles WHERE duplicate_of IS NULL"),
        near_duplicates=_count(con, "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        motives=_count(con, "SELECT count(*) FROM motives"),
        actors=len(inputs.actors),
    )
    con.execute(
        """INSERT INTO ingest_runs (run_id, started_at, finished_at, status, paths, n_new, n_near_duplicate, n_events)
        VALUES (?, now(), now(), 'done', ?, ?, ?, ?)""",
        [f"generated-{seed}", f"generated:{n_events}", counts.articles, counts.near_duplicates, counts.events],
    )
    return counts


def _drop_temporaries(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("DROP TABLE IF EXISTS temp._gen_articles")
    for (name,) in con.execute(
        "SELECT DISTINCT function_name FROM duckdb_functions() WHERE schema_name = 'main' AND database_name = 'temp' "
        "AND function_name LIKE '\\_gen\\_%' ESCAPE '\\'"
    ).fetchall():
        con.execute(f"DROP MACRO IF EXISTS temp.{name}")


def _create_articles(con: duckdb.DuckDBPyConnection, n_events: int, *, seed: int, start: dt.date, end: dt.date) -> None:
    """One row per article: number `a`, id, date, events `c` from `first_event` on, their sentences and offsets."""
    span = (end - start).days + 1
    # Enough articles that their events (1 to 9 each) surely cover n_events; the surplus is cut off.
    n_drawn = n_events * 5 // (4 * _MEAN_EVENTS_PER_ARTICLE) + 64
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _gen_articles AS
        SELECT a, c, (sum(c) OVER (ORDER BY a ROWS UNBOUNDED PRECEDING) - c)::BIGINT AS first_event
        FROM (SELECT range AS a, (1 + hash(range, 'events', {seed}) % 9)::INTEGER AS c FROM range({n_drawn}))"""
    )
    covered = _count(con, "SELECT coalesce(max(first_event + c), 0) FROM _gen_articles")
    if covered < n_events:
        raise StoreError(Messages.D441.format(detail=f"drew {covered} events, needed {n_events}"), code="D441")
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _gen_articles AS
        WITH cut AS (
            SELECT a, least(c, {n_events} - first_event)::INTEGER AS c, first_event FROM _gen_articles
            WHERE first_event < {n_events}
        ), written AS (
            SELECT *, list_transform(range(c), lambda k: _gen_sentence(first_event + k)) AS sentences,
                _gen_motive_index(a) AS motive
            FROM cut
        ), measured AS (
            SELECT *, list_transform(sentences, lambda s: length(s)) AS lengths FROM written
        )
        SELECT a, _gen_id(a, 'article') AS article_id, c, first_event, sentences,
            -- each sentence starts after the ones before it, and a space after each of them
            list_transform(range(c), lambda k: (coalesce(list_sum(lengths[1:k]), 0) + k)::INTEGER) AS starts,
            motive, CASE WHEN motive IS NOT NULL THEN _gen_motive_sentence(motive, first_event) END AS motive_sentence,
            CASE WHEN _gen_u(a, 'undated') < {_UNDATED_SHARE} THEN NULL
                 ELSE DATE '{start.isoformat()}' + floor(_gen_u(a, 'date') * {span})::INTEGER END AS date
        FROM measured"""
    )


_KIND_COLUMNS = {
    "type": ("type", "VARCHAR"),
    "mode": ("mode", "VARCHAR"),
    "cameo": ("cameo", "VARCHAR"),
    "quad_class": ("quad_class", "TINYINT"),
    "intensity": ("intensity", "DOUBLE"),
}
_PLACE_COLUMNS = {
    "place_name": ("name", "VARCHAR"),
    "place_geonameid": ("geonameid", "BIGINT"),
    "place_country": ("country", "VARCHAR"),
    "place_lat": ("lat", "DOUBLE"),
    "place_lon": ("lon", "DOUBLE"),
}


def _lookups(rows: Sequence[dict[str, Any]], index: str, columns: dict[str, tuple[str, str]]) -> str:
    """SQL select items `rows[index][key] AS alias`, for each alias: (key, SQL type)."""
    return ", ".join(f"{_at(rows, key, sql_type, index)} AS {alias}" for alias, (key, sql_type) in columns.items())


def _party(actors: Sequence[dict[str, Any]], index: str, prefix: str) -> str:
    """The id, name, country and sector columns of an event's or motive's party (`source_id`, ...)."""
    keys = {"id": "actor_id", "name": "name", "country": "country", "sector": "sector"}
    return _lookups(actors, index, {f"{prefix}_{field}": (key, "VARCHAR") for field, key in keys.items()})


def _insert_events(con: duckdb.DuckDBPyConnection, inputs: _Inputs) -> None:
    actors, kinds, places = inputs.actors, inputs.kinds, inputs.places
    con.execute(
        f"""INSERT INTO events BY NAME
        WITH rows AS (
            SELECT a, article_id, date AS article_date, first_event + k AS i, k::INTEGER AS k, evidence, start
            FROM (SELECT a, article_id, date, first_event, unnest(range(c)) AS k, unnest(sentences) AS evidence,
                         unnest(starts) AS start FROM _gen_articles)
        ), draws AS (
            SELECT *, _gen_src(i) AS src, _gen_tgt(i) AS tgt, _gen_kind(i) AS kind, _gen_place(i) AS place,
                length(_gen_source_text(_gen_src(i), _gen_capital(i))) AS source_length,
                length(_gen_verb(_gen_kind(i), _gen_modality(i), _gen_negated(i))) AS verb_length
            FROM rows
        )
        SELECT _gen_id(i, 'event') AS event_id, article_id, k AS sentence_index, start,
            start + length(evidence) AS "end",
            article_date - floor(pow(_gen_u(i, 'days-before'), 3) * 7)::INTEGER AS date,
            {_lookups(kinds, "kind", _KIND_COLUMNS)}, _gen_negated(i) AS negated,
            ({_literal(_MODALITIES, "VARCHAR")})[_gen_modality(i) + 1] AS modality,
            {_party(actors, "src", "source")}, substr(evidence, 1, source_length) AS source_text,
            start AS source_start, start + source_length AS source_end,
            {_party(actors, "tgt", "target")}, _gen_target_text(tgt) AS target_text,
            CASE WHEN tgt IS NOT NULL THEN start + source_length + verb_length END AS target_start,
            CASE WHEN tgt IS NOT NULL THEN start + source_length + verb_length + length(_gen_target_text(tgt)) END
                AS target_end,
            {_lookups(places, "place", _PLACE_COLUMNS)},
            evidence, round(0.55 + 0.45 * _gen_u(i, 'confidence'), 2) AS confidence, 'generated.v1' AS rule_id
        FROM draws"""
    )


def _insert_motives(con: duckdb.DuckDBPyConnection, inputs: _Inputs) -> None:
    """The motive sentence that closes an article: its first event's source and target, and a phrase."""
    con.execute(
        f"""INSERT INTO motives BY NAME
        WITH chosen AS (
            SELECT a, article_id, date, c, motive AS m, motive_sentence AS evidence,
                length(array_to_string(sentences, ' ')) + 1 AS start,
                _gen_src(first_event) AS src, _gen_tgt(first_event) AS tgt,
                _gen_source_text(_gen_src(first_event), _gen_capital(first_event)) AS actor_text
            FROM _gen_articles WHERE motive IS NOT NULL
        ), placed AS (
            SELECT *, {_at(_MOTIVE_ROWS, "phrase", "VARCHAR", "m")} AS phrase,
                start + length(actor_text) + length({_at(_MOTIVE_ROWS, "verb", "VARCHAR", "m")})
                + length({_at(_MOTIVE_ROWS, "phrase", "VARCHAR", "m")}) + 3 AS concerns_start,
                _gen_target_text(tgt) AS concerns_text
            FROM chosen
        )
        SELECT _gen_id(a, 'motive') AS motive_id, article_id, c AS sentence_index, start,
            start + length(evidence) AS "end", date,
            phrase || ' ' || coalesce(concerns_text, 'its neighbours') AS goal,
            {_at(_MOTIVE_ROWS, "category", "VARCHAR", "m")} AS category, 1 AS polarity, 'asserted' AS modality,
            {_party(inputs.actors, "src", "actor")},
            actor_text, start AS actor_start, start + length(actor_text) AS actor_end,
            {_party(inputs.actors, "tgt", "concerns")},
            concerns_text,
            CASE WHEN tgt IS NOT NULL THEN concerns_start END AS concerns_start,
            CASE WHEN tgt IS NOT NULL THEN concerns_start + length(concerns_text) END AS concerns_end,
            evidence, 'generated.v1' AS rule_id
        FROM placed"""
    )


def _insert_articles(con: duckdb.DuckDBPyConnection, *, seed: int) -> None:
    run_id = f"generated-{seed}"
    con.execute(
        f"""INSERT INTO articles BY NAME
        SELECT article_id, 'generated-{seed}-' || a AS ref, rtrim(sentences[1], '.') AS title,
            array_to_string(sentences, ' ') || coalesce(' ' || motive_sentence, '') AS text, date,
            {_pick(_SOURCES, "a", "source", seed)} AS source,
            'https://example.org/generated/{seed}/' || a AS url, 'en' AS lang, 'generated' AS origin,
            '{run_id}' AS run_id, now()::TIMESTAMP AS ingested_at
        FROM _gen_articles"""
    )
    # A wire story re-published with a line added: stored linked to its original, not coded again.
    con.execute(
        f"""INSERT INTO articles BY NAME
        SELECT _gen_id(ga.a, 'near-duplicate') AS article_id, 'generated-{seed}-' || ga.a || '-republished' AS ref,
            a.title, a.text || ' The report was updated with more detail.' AS text, a.date,
            {_pick(_SOURCES, "ga.a", "republisher", seed)} AS source,
            a.url || '/republished' AS url, 'en' AS lang, 'generated' AS origin, a.article_id AS duplicate_of,
            round(0.85 + 0.15 * _gen_u(ga.a, 'similarity'), 3) AS similarity,
            '{run_id}' AS run_id, now()::TIMESTAMP AS ingested_at
        FROM _gen_articles ga JOIN articles a USING (article_id)
        WHERE _gen_u(ga.a, 'near-duplicate') < {_NEAR_DUPLICATE_SHARE}"""
    )


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0
