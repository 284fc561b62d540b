"""The `detente` command line: thin commands over the library."""

from detente.cli.app import app, main

__all__ = ["app", "main"]
