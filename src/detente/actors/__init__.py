"""Stage 3: mentions of political actors in an article, resolved to canonical Actors.

The stage's interface is `ActorResolver.resolve(parsed) -> tuple[Mention, ...]`.
"""

from detente.actors.dictionary import ActorDictionary, load_dictionary
from detente.actors.recognizer import DictionaryResolver, ResolverConfig
from detente.actors.resolver import ActorResolver, NoActors
from detente.actors.user import add_user_dictionary, load_user_dictionary, user_dictionary_dir

__all__ = [
    "ActorDictionary",
    "ActorResolver",
    "DictionaryResolver",
    "NoActors",
    "ResolverConfig",
    "add_user_dictionary",
    "load_dictionary",
    "load_user_dictionary",
    "user_dictionary_dir",
]
