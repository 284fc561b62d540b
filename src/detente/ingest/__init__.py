"""Stage 1: turn files, pages, corpora and feeds into Articles (or IngestErrors), and spot duplicates."""

from detente.ingest.article import Limits, make_article
from detente.ingest.dedup import Fingerprint, NearDuplicateConfig, fingerprint, similarity
from detente.ingest.formats import FieldMap, Item
from detente.ingest.normalize import article_id, clean_text
from detente.ingest.sources import INPUT_FORMATS, Fetcher, ReadOptions, UrllibFetcher, read_sources

__all__ = [
    "INPUT_FORMATS",
    "Fetcher",
    "FieldMap",
    "Fingerprint",
    "Item",
    "Limits",
    "NearDuplicateConfig",
    "ReadOptions",
    "UrllibFetcher",
    "article_id",
    "clean_text",
    "fingerprint",
    "make_article",
    "read_sources",
    "similarity",
]
