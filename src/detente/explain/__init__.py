"""Stage 8: what is behind the relation between two actors, every statement linked to its sentence.

`explain(con, a, b)` builds an `Explanation`; `render(explanation, format)` writes it as text,
Markdown or JSON. Docs: docs/explain.md
"""

from detente.explain.motives import Evidence, MotiveGroup, group_motives
from detente.explain.render import EXPLAIN_FORMATS, render, to_dict
from detente.explain.report import Explanation, KeyEvent, SideMotives, ThirdParty, explain, significance

__all__ = [
    "EXPLAIN_FORMATS",
    "Evidence",
    "Explanation",
    "KeyEvent",
    "MotiveGroup",
    "SideMotives",
    "ThirdParty",
    "explain",
    "group_motives",
    "render",
    "significance",
    "to_dict",
]
