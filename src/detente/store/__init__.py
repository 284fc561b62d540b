"""Stage 6: where coded articles live. DuckDB by default (`./detente.duckdb` or `DETENTE_DB`)."""

from detente.store.duckdb_store import (
    Filters,
    NearDuplicate,
    Store,
    WriteBatch,
    default_db_path,
)
from detente.store.exports import EXPORT_FORMATS, export_store
from detente.store.schema import SCHEMA_VERSION, TABLES

__all__ = [
    "EXPORT_FORMATS",
    "SCHEMA_VERSION",
    "TABLES",
    "Filters",
    "NearDuplicate",
    "Store",
    "WriteBatch",
    "default_db_path",
    "export_store",
]
