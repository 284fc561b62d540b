"""Stage 2: the spaCy parse of an article, and its sentences with character offsets."""

from detente.nlp.pipeline import chunk_text, load_pipeline, parse_articles

__all__ = ["chunk_text", "load_pipeline", "parse_articles"]
