"""Stage 3: mentions of political actors in an article, resolved to canonical Actors.

The stage's interface is `ActorResolver.resolve(parsed) -> tuple[Mention, ...]`.
"""

from detente.actors.resolver import ActorResolver, NoActors

__all__ = ["ActorResolver", "NoActors"]
