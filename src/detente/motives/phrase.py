"""Goal phrases: the words of a goal, cut from the parse and trimmed to what the actor is after.

"Turkey seeks to protect its stake in the Horn of Africa, which it sees as vital." has the goal
"protect its stake in the Horn of Africa": the infinitive's subtree, without its "to". What is
cut off (the lists are data, data/motives/cues.yaml):

- constructions that are motives of their own: a purpose clause inside the goal ("use X as leverage
  *in order to win Y*");
- coordinated goals, each its own phrase: "seek *to win recognition* and *to secure salaries*"; a
  finite verb coordinated with an infinitive is a misparse of the sentence's own coordination, and
  is dropped;
- clauses of reason, concession or circumstance ("*while* ...", "*because* ...", "*when* ...");
- whatever follows a dash, a semicolon, a colon or a bracket;
- opening subordinators and "to", closing punctuation and conjunctions.
Pronouns stay as written ("its standing").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.motives.patterns import MotiveCues

# Verb tags of infinitives and gerunds: the forms a goal verb and its coordinated goals share.
_NONFINITE = frozenset({"VB", "VBG"})
_LEADING = frozenset({"punct", "cc", "mark", "preconj"})
_TRAILING = frozenset({"punct", "cc", "mark", "preconj"})


@dataclass(frozen=True, slots=True)
class GoalPhrase:
    """The goal's head word and the words of its phrase, in sentence order."""

    head: Token
    tokens: tuple[Token, ...]

    @property
    def text(self) -> str:
        return "".join(t.text_with_ws for t in self.tokens).strip()

    def narrowed(self, kept: Iterable[Token]) -> GoalPhrase | None:
        """The phrase with only `kept` words, its edges trimmed again; None when nothing is left."""
        tokens = _trim(tuple(kept))
        return GoalPhrase(self.head, tokens) if tokens else None


def goal_phrase(head: Token, span: Span, *, detached: frozenset[int], cues: MotiveCues) -> list[GoalPhrase]:
    """The goal phrases at a goal word: its own, and one per goal coordinated with it."""
    heads, dropped = _coordinated(head)
    phrases = []
    # The conjunctions between goals that are split apart (not those inside one goal: "weapons and money").
    split = {w.head for w in (*heads, *dropped) if w != head}
    for goal in heads:
        cut: set[int] = set()
        for other in (*heads, *dropped):
            if other != goal and other.i > goal.i:
                cut.update(t.i for t in other.subtree)
        for word in goal.subtree:
            if word.i in cut:
                continue
            if word != goal and (word.i in detached or _is_aside(word)):
                cut.update(t.i for t in word.subtree)
            elif word != goal and _is_setting(word, cues):
                cut.update(t.i for t in _setting_phrase(word, goal))
            if word.dep_ in ("cc", "preconj") and word.head in split:
                cut.add(word.i)
        words = [t for t in goal.subtree if span.start <= t.i < span.end and t.i not in cut]
        stop = next((t.i for t in words if t.i > goal.i and t.text in cues.cut_at), None)
        if stop is not None:
            words = [t for t in words if t.i < stop]
        tokens = _trim(tuple(words))
        if tokens and tokens[0].lower_ == "that" and goal.pos_ in ("VERB", "AUX"):
            # "fears that renewed fighting ...": the parser may take "that" for a determiner.
            tokens = _trim(tokens[1:])
        if tokens:
            phrases.append(GoalPhrase(goal, tokens))
    return phrases


def _coordinated(head: Token) -> tuple[list[Token], list[Token]]:
    """Goals coordinated with a verb goal ("to win X and to secure Y"), and coordinated finite verbs
    that are not part of it."""
    if head.pos_ not in ("VERB", "AUX") or head.tag_ not in _NONFINITE:
        return [head], []
    heads, dropped = [head], []
    frontier = [head]
    while frontier:
        word = frontier.pop()
        for child in word.children:
            if child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX"):
                continue
            (heads if child.tag_ in _NONFINITE else dropped).append(child)
            frontier.append(child)
    return sorted(heads, key=lambda t: t.i), dropped


def _is_setting(word: Token, cues: MotiveCues) -> bool:
    """A clause that gives a reason or the circumstances: "while its rivals are busy", "at a time
    when ..."."""
    if word.dep_ not in ("advcl", "relcl"):
        return False
    openers = (c for c in word.children if c.i < word.i and c.dep_ in ("mark", "advmod"))
    return any(c.lower_ in cues.setting_marks for c in openers)


def _is_aside(word: Token) -> bool:
    """A non-restrictive relative clause (", which ..."): a comment on a noun of the goal, not the goal."""
    if word.dep_ != "relcl":
        return False
    first = min(t.i for t in word.subtree)
    return first > 0 and word.doc[first - 1].text == ","


def _setting_phrase(word: Token, goal: Token) -> Iterable[Token]:
    """What to cut for a clause: the clause, and for a "when" clause on a noun the phrase that holds
    the noun ("*at a time when* ...")."""
    noun = word.head
    if word.dep_ == "relcl" and noun.dep_ == "pobj" and noun.head != goal:
        return noun.head.subtree
    return word.subtree


def _trim(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    start, end = 0, len(tokens)
    while start < end and (tokens[start].dep_ in _LEADING or _is_to(tokens[start])):
        start += 1
    while end > start and tokens[end - 1].dep_ in _TRAILING:
        end -= 1
    return tokens[start:end]


def _is_to(token: Token) -> bool:
    return token.dep_ == "aux" and token.lower_ == "to"
