"""Coreference-lite: pronouns and definite descriptions pointing back to an actor named just before.

"It has also prevented any public criticism of Hamas" after a sentence about Iran: "It" is Iran.
"The group said ..." after "Hamas": "the group" is Hamas. The rules (which words, which antecedents
they may take) are data in `detente/data/actors/coreference.yaml`; the mechanism is one: the most
recent compatible actor mention in the same sentence or the `window` sentences before it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from detente.errors import DataError, Messages
from detente.events.ontology import parse_yaml
from detente.models import Mention

_KINDS = frozenset({"state", "organisation", "group", "person"})


@dataclass(frozen=True, slots=True)
class ReferenceRule:
    """Words that refer back, and what they may refer to."""

    id: str
    words: tuple[str, ...]
    kinds: frozenset[str]
    countries: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    # Head nouns of longer definite descriptions: "the Palestinian resistance movements" (see
    # Coreference._headed); the fixed `words` cover the short ones ("the group").
    heads: frozenset[str] = frozenset()

    def accepts(self, mention: Mention, person_nouns: frozenset[str] = frozenset()) -> bool:
        actor = mention.actor
        if actor is None:
            return False
        last_word = mention.text.rsplit(None, 1)[-1].lower() if mention.text else ""
        kind = "person" if mention.person is not None or last_word in person_nouns else actor.kind
        return (
            kind in self.kinds
            and (not self.countries or actor.country in self.countries)
            and (not self.sectors or actor.sector in self.sectors)
        )


@dataclass(frozen=True, kw_only=True)
class CoreferenceRules:
    pronouns: tuple[ReferenceRule, ...]
    descriptions: tuple[ReferenceRule, ...]
    window: int = 2  # previous sentences searched for an antecedent
    person_nouns: frozenset[str] = frozenset()  # "a Hamas official" is a person, for he/she
    # A name after these is where something happened ("talks in Tehran"), not someone to refer back to.
    locative_preps: frozenset[str] = frozenset(
        {"in", "at", "into", "inside", "outside", "near", "across", "throughout", "within"}
    )


@lru_cache(maxsize=1)
def load_coreference_rules() -> CoreferenceRules:
    name = "coreference.yaml"
    try:
        text = resources.files("detente").joinpath("data", "actors", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(Messages.D301.format(name=name), code="D301") from exc
    data = parse_yaml(text, name) or {}
    return CoreferenceRules(
        pronouns=tuple(_rule(item, name) for item in data.get("pronouns", ())),
        descriptions=tuple(_rule(item, name) for item in data.get("descriptions", ())),
        person_nouns=frozenset(str(word).lower() for word in data.get("person_nouns", ())),
    )


def _rule(item: Any, source: str) -> ReferenceRule:
    if not isinstance(item, dict) or not item.get("id") or not item.get("words"):
        raise DataError(Messages.D302.format(name=source, detail=f"rule {item!r} needs id and words"), code="D302")
    if not isinstance(item.get("heads", []), list):
        detail = f"rule {item['id']!r}: heads must be a list of nouns"
        raise DataError(Messages.D302.format(name=source, detail=detail), code="D302")
    kinds = frozenset(item.get("kinds") or ())
    if not kinds or not kinds <= _KINDS:
        detail = f"rule {item['id']!r}: kinds must be some of {sorted(_KINDS)}"
        raise DataError(Messages.D302.format(name=source, detail=detail), code="D302")
    return ReferenceRule(
        id=str(item["id"]),
        words=tuple(str(w) for w in item["words"]),
        kinds=kinds,
        countries=frozenset(item.get("countries") or ()),
        sectors=frozenset(item.get("sectors") or ()),
        heads=frozenset(str(w).lower() for w in item.get("heads") or ()),
    )


def is_pleonastic(token: Token) -> bool:
    """'It' that refers to nothing: "It is clear that ...", "It seems that ..."."""
    head = token.head
    if token.lower_ != "it" or head.lemma_ not in ("be", "seem", "appear", "become", "remain"):
        return False
    clauses = [c for c in head.children if c.dep_ in ("ccomp", "xcomp", "csubj")]
    clauses += [
        g for c in head.children if c.dep_ in ("acomp", "attr") for g in c.children if g.dep_ in ("ccomp", "xcomp")
    ]
    return bool(clauses)


class Coreference:
    """Resolves the pronouns and descriptions of parsed text with one set of rules."""

    def __init__(self, vocab: Vocab, rules: CoreferenceRules | None = None) -> None:
        self.rules = rules or load_coreference_rules()
        self._by_word = {word: rule for rule in self.rules.pronouns for word in rule.words}
        self._descriptions = PhraseMatcher(vocab, attr="LOWER")
        for number, rule in enumerate(self.rules.descriptions):
            self._descriptions.add(str(number), [Doc(vocab, words=words.split()) for words in rule.words])
        self._by_head = {head: rule for rule in self.rules.descriptions for head in rule.heads}

    def resolve(
        self,
        doc: Doc,
        offset: int,
        mentions: Sequence[Mention],
        sentence_starts: Sequence[int],
        article_id: str,
        text: str,
    ) -> list[Mention]:
        """Mentions for the pronouns and descriptions of `doc` (a chunk at `offset` in the article text)."""
        # Each reference with whether it is a description by its head noun (see _headed).
        references: list[tuple[Span, ReferenceRule, bool]] = []
        for token in doc:
            rule = self._by_word.get(token.lower_)
            if rule is not None and token.pos_ == "PRON" and not is_pleonastic(token):
                references.append((doc[token.i : token.i + 1], rule, False))
        for key, start, end in self._descriptions(doc):
            references.append((doc[start:end], self.rules.descriptions[int(doc.vocab.strings[key])], False))
        # A reference inside a resolved mention is part of it; one over an `unknown` entity replaces it.
        # The names inside a headed description only narrow it: it replaces them when it resolves.
        taken = [(m.start, m.end) for m in mentions if m.actor is not None]
        phrases = [span for span, _, _ in references]
        references += [(span, rule, True) for span, rule in self._headed(doc, offset, mentions, phrases)]
        # Places are never antecedents, whichever reference is being resolved: decide that once.
        # (Doc.text joins every token on each call: its length is read once, not per mention.)
        end_of_doc = offset + len(doc.text)
        agents = [m for m in mentions if not self._is_place(doc, m, offset, end_of_doc)]
        # A person the dictionaries do not know is still the one "he" or "she" points back to: "Nimr
        # led protests ... A court sentenced him" is about Nimr, not the last official named.
        unknown_people = {id(m) for m in agents if m.actor is None and self._is_person(doc, m, offset, end_of_doc)}
        resolved: list[Mention] = []
        chains: dict[str, Mention] = {}  # the last pronoun resolved by each rule, for _continued
        for span, rule, headed in sorted(references, key=lambda r: r[0].start):
            start, end = offset + span.start_char, offset + span.end_char
            if not headed and any(s < end and start < e for s, e in taken):
                continue
            sentence = max(0, bisect.bisect_right(sentence_starts, start) - 1)
            blocked = _own_subject(span[0])
            candidates = [m for m in (*agents, *resolved) if not any(s <= m.start - offset < e for s, e in blocked)]
            antecedent = self._clause_subject(doc, offset, span[0], candidates, rule) or self._antecedent(
                candidates, start, sentence, rule, unknown_people, plural=headed and span.root.tag_ == "NNS"
            )
            if antecedent is not None:
                antecedent = self._outermost(doc, offset, end_of_doc, antecedent, candidates, rule)
                earlier = chains.get(rule.id)
                if earlier is not None and earlier.sentence_index == sentence:
                    antecedent = self._continued(doc, offset, end_of_doc, antecedent, candidates, start, earlier)
                if antecedent.actor is None:
                    unknown_people.add(id(antecedent))
                    continue  # it stays unresolved, and no one else is taken for it
                mention = Mention(
                    article_id,
                    sentence,
                    start,
                    end,
                    text[start:end],
                    antecedent.actor,
                    "coreference",
                    antecedent.person,
                )
                resolved.append(mention)
                if span[0].pos_ == "PRON":
                    chains[rule.id] = mention
        return resolved

    def _continued(
        self,
        doc: Doc,
        offset: int,
        end_of_doc: int,
        found: Mention,
        candidates: list[Mention],
        start: int,
        earlier: Mention,
    ) -> Mention:
        """The earlier pronoun of the same sentence and rule, rather than `found`, when every name between
        them lies inside another noun phrase: a name embedded in a noun's modifier is less salient than
        the entity the sentence already carries by a pronoun ("a rift between its pronouncements of
        supporting the resistance against Israel and its support for the Syrian regime": its, twice,
        the same). A name that is a clause's subject or object, or stands alone, keeps the pronoun
        ("Iran said its forces attacked Israel and its allies": Israel's allies)."""
        if found.end <= earlier.end:
            return found
        between = [m for m in candidates if earlier.end <= m.start and m.end <= start and m is not earlier]
        for mention in between:
            span = _span(doc, mention, offset, end_of_doc)
            if span is None or not _embedded(span.root):
                return found
        return earlier

    def _is_place(self, doc: Doc, mention: Mention, offset: int, end_of_doc: int) -> bool:
        span = _span(doc, mention, offset, end_of_doc)
        if span is None:
            return False
        root = span.root
        return root.dep_ == "pobj" and root.head.lower_ in self.rules.locative_preps

    def _outermost(
        self, doc: Doc, offset: int, end_of_doc: int, found: Mention, candidates: list[Mention], rule: ReferenceRule
    ) -> Mention:
        """The subject whose own phrase `found` sits in, if there is one: in "Pakistan, a key U.S.
        ally, has urged its citizens" (or "Qatar, which hosts a US base, recalled its ambassador"),
        "its" is the subject; the US is named only to describe it."""
        span = _span(doc, found, offset, end_of_doc)
        if span is None:
            return found
        for word in span.root.ancestors:
            if word.dep_ in ("nsubj", "nsubjpass"):
                outer = next(
                    (
                        m
                        for m in candidates
                        if m is not found
                        and offset + word.idx >= m.start
                        and offset + word.idx < m.end
                        and rule.accepts(m, self.rules.person_nouns)
                    ),
                    None,
                )
                return outer or found
            if word.pos_ in ("VERB", "AUX") and word.dep_ not in ("relcl", "acl"):
                break  # a clause of its own, not a description of a noun
        return found

    def _antecedent(
        self,
        candidates: list[Mention],
        start: int,
        sentence: int,
        rule: ReferenceRule,
        unknown_people: set[int],
        *,
        plural: bool = False,
    ) -> Mention | None:
        """The most recent compatible mention before `start`, no more than `window` sentences back.
        A `plural` description names all its compatible actors: it resolves only when there is one
        ("the Palestinian factions" after Fatah and Hamas are both, and stay unresolved)."""
        earlier = (m for m in candidates if m.end <= start and m.sentence_index >= sentence - self.rules.window)
        person = "person" in rule.kinds
        compatible = [
            m for m in earlier if rule.accepts(m, self.rules.person_nouns) or (person and id(m) in unknown_people)
        ]
        if plural and len({m.actor.id if m.actor else m.text for m in compatible}) > 1:
            return None
        return max(compatible, key=lambda m: m.end, default=None)

    def _headed(
        self, doc: Doc, offset: int, mentions: Sequence[Mention], phrases: list[Span]
    ) -> list[tuple[Span, ReferenceRule]]:
        """Definite descriptions longer than a fixed phrase: "the" and words before a rule's head noun
        ("the Palestinian resistance movements", "the Lebanese Shia movement"). A country named among
        the words narrows the rule to actors of that country; a name the rule itself accepts makes the
        phrase a name, not a description ("the Hamas movement")."""
        found: list[tuple[Span, ReferenceRule]] = []
        for token in doc:
            rule = self._by_head.get(token.lemma_.lower())
            if rule is None or token.pos_ != "NOUN":
                continue
            the = next((c for c in token.lefts if c.dep_ == "det" and c.lower_ == "the"), None)
            if the is None or the.i + 1 == token.i:
                continue
            span = doc[the.i : token.i + 1]
            if any(p.start < span.end and span.start < p.end for p in phrases):
                continue  # a fixed phrase already ("the militant group")
            first, last = offset + span.start_char, offset + span.end_char
            named = [m for m in mentions if m.actor is not None and first <= m.start and m.end <= last]
            if any(rule.accepts(m, self.rules.person_nouns) for m in named):
                continue
            countries = frozenset(m.actor.country for m in named if m.actor is not None and m.actor.country)
            found.append((span, replace(rule, countries=countries) if countries else rule))
        return found

    def _clause_subject(
        self, doc: Doc, offset: int, pronoun: Token, candidates: list[Mention], rule: ReferenceRule
    ) -> Mention | None:
        """The subject of the clause an object pronoun sits in, when it is a compatible mention: the
        subject is what a clause is about ("Hamas views its contacts with Iran as a step towards
        loosening the blockade against it": Hamas, not Iran). Possessives keep the nearest name."""
        if pronoun.dep_ not in _OBJECTS or pronoun.tag_ == "PRP$":
            return None
        # Only inside a noun phrase: an object of a verb cannot be that verb's own (understood)
        # subject ("cut ties with Qatar, accusing it of ...": it is Qatar, not the accuser).
        between = []
        for word in pronoun.ancestors:
            if word.pos_ in ("VERB", "AUX"):
                break
            between.append(word)
        if not any(w.pos_ in ("NOUN", "PROPN") for w in between):
            return None
        for word in pronoun.ancestors:
            subjects = [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                continue
            subject = subjects[0]
            for mention in candidates:
                if mention.start - offset <= subject.idx < mention.end - offset and mention.end - offset <= pronoun.idx:
                    return mention if rule.accepts(mention, self.rules.person_nouns) else None
            return None
        return None

    def _is_person(self, doc: Doc, mention: Mention, offset: int, end_of_doc: int) -> bool:
        span = _span(doc, mention, offset, end_of_doc)
        return span is not None and span.root.ent_type_ == "PERSON"


def _span(doc: Doc, mention: Mention, offset: int, end_of_doc: int) -> Span | None:
    """The tokens of `mention` in `doc` (a chunk at `offset`), or None when it lies in another chunk."""
    if mention.start < offset or mention.end > end_of_doc:
        return None  # in an earlier chunk of a long article: no parse to look at
    span = doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
    return span if span is not None and len(span) else None


_OBJECTS = frozenset({"dobj", "pobj", "dative", "iobj"})


def _embedded(root: Token) -> bool:
    """Whether a name is the object of a preposition that modifies a noun ("the resistance against Israel")."""
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ in ("NOUN", "PROPN")


def _own_subject(token: Token) -> list[tuple[int, int]]:
    """Where the subject of a pronoun's own clause is, when the pronoun is a plain object: "Egypt
    arrested them" cannot mean Egypt arrested Egypt (that would be "themselves"); nor can "the
    Israeli blockade against it" be Israel's blockade of Israel (the noun's own modifiers)."""
    if token.dep_ not in _OBJECTS or token.lower_.endswith(("self", "selves")):
        return []
    clause = token.head.head if token.dep_ == "pobj" else token.head
    roles = ("poss", "amod", "compound") if clause.pos_ in ("NOUN", "PROPN") else ("nsubj", "nsubjpass")
    return [
        (child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
        for child in clause.children
        if child.dep_ in roles
    ]
