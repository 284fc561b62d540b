"""Recognising actor mentions on the spaCy parse and resolving them with the actor dictionaries.

Three kinds of span are found first, each by a phrase matcher over data:
- names: every written form in the dictionaries (countries, demonyms, capitals, organisations, people);
- agents: generic words for kinds of actor ("officials", "security forces", "foreign minister");
- entities: spaCy's named entities, kept as `unknown` mentions when nothing else resolves them.

The parse then joins them into mentions: an agent takes its sector and the country or organisation
that modifies it ("Iranian officials" → Iran's government, "Egyptian security forces" → EGY COP,
"Iran's military" → IRN MIL, "Iranian and Syrian officials" → two mentions); a person's name takes
the title in front of it or the title it is in apposition to ("Iran's foreign minister, Mohammad
Javad Zarif" → one mention); a person the dictionaries do not know takes the actor of their title.
A capital or country named as the place of an act ("talks in Tehran") stays a mention of that
country: whether it is a participant or only the place is the event coder's call, made on the same
parse. Pronouns and descriptions are resolved afterwards (detente.nlp.coreference).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from detente.actors.dictionary import ActorDictionary, AgentTerm, PersonEntry, Surface
from detente.actors.user import load_user_dictionary
from detente.models import Actor, Mention, ResolvedBy
from detente.nlp.coreference import Coreference
from detente.nlp.pipeline import ParsedArticle
from detente.places import gazetteer


@dataclass(frozen=True, kw_only=True)
class ResolverConfig:
    """Which dependency relations attach a country or organisation to an agent word or a title, and
    which named entities are kept when no dictionary resolves them (cities go to the gazetteer)."""

    modifier_deps: frozenset[str] = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "nummod"})
    owner_preps: frozenset[str] = frozenset({"of", "from"})
    # Where a local agent word is: "protesters in Cairo" are Egypt's (see AgentTerm.local).
    located_preps: frozenset[str] = frozenset({"in", "inside", "across", "throughout"})
    # The body a role in apposition names a person a member of: "a member of the Syrian parliament,
    # X", "a spokesman for Hamas, X" (the agent spans' `owner_preps` do not take "for").
    role_preps: frozenset[str] = frozenset({"of", "for"})
    title_deps: frozenset[str] = frozenset({"compound", "amod", "poss", "case", "det", "prep", "pobj"})
    unknown_labels: frozenset[str] = frozenset({"PERSON", "ORG", "NORP", "GPE"})
    place_labels: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})


@dataclass(slots=True)
class _Name:
    span: Span
    surface: Surface
    used: bool = False


@dataclass(slots=True)
class _Agent:
    span: Span
    term: AgentTerm
    used: bool = False

    @property
    def sector(self) -> str:
        return self.term.sector


@dataclass(slots=True)
class _Found:
    """A mention under construction: tokens `start` to `end` (exclusive) of one doc."""

    start: int
    end: int
    actor: Actor | None
    resolved_by: ResolvedBy
    person: Actor | None = None


@dataclass
class DictionaryResolver:
    """The actor stage: dictionary matching plus the parse, then coreference-lite."""

    nlp: Language
    dictionary: ActorDictionary = field(default_factory=load_user_dictionary)
    config: ResolverConfig = field(default_factory=ResolverConfig)

    def __post_init__(self) -> None:
        self._coreference = Coreference(self.nlp.vocab)
        self._gazetteer = gazetteer()
        self._surfaces: dict[str, Surface] = {}
        self._names_exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._names_folded = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        exact: dict[str, list[str]] = {}
        folded: dict[str, list[str]] = {}
        for surface in self.dictionary.surfaces():
            key = f"{surface.id}\x1f{surface.form}"
            self._surfaces.setdefault(key, surface)
            (exact if _case_matters(surface) else folded).setdefault(key, []).append(surface.text)
        for table, matcher in ((exact, self._names_exact), (folded, self._names_folded)):
            for key, texts in table.items():
                matcher.add(key, list(self.nlp.tokenizer.pipe(texts)))
        self._agents = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for term in self.dictionary.agents.values():
            self._agents.add(term.term, list(self.nlp.tokenizer.pipe(term.forms)))

    # --- the stage interface ------------------------------------------------------------------

    def resolve(self, parsed: ParsedArticle) -> tuple[Mention, ...]:
        article = parsed.article
        starts = [s.start for s in parsed.sentences]
        out: list[Mention] = []
        for offset, doc in parsed.docs:
            found = self._mentions(doc, article.date)
            found.sort(key=lambda f: f.start)
            mentions = []
            for f in found:
                start, end = offset + doc[f.start].idx, offset + doc[f.end - 1].idx + len(doc[f.end - 1])
                mentions.append(
                    Mention(
                        article_id=article.id,
                        sentence_index=max(0, bisect.bisect_right(starts, start) - 1),
                        start=start,
                        end=end,
                        text=article.text[start:end],
                        actor=f.actor,
                        resolved_by=f.resolved_by,
                        person=f.person,
                    )
                )
            references = self._coreference.resolve(doc, offset, mentions, starts, article.id, article.text)
            # A reference over an `unknown` entity replaces it, and a description replaces the names
            # inside it that only narrow it ("the Palestinian resistance movements" is Hamas).
            out.extend(
                m
                for m in mentions
                if not any(
                    r.start <= m.start and m.end <= r.end
                    if m.actor is not None
                    else r.start < m.end and m.start < r.end
                    for r in references
                )
            )
            out.extend(references)
        out.sort(key=lambda m: m.start)
        return tuple(out)

    # --- finding spans ------------------------------------------------------------------------

    def _names(self, doc: Doc) -> list[_Name]:
        spans: list[Span] = []
        for matcher, folded in ((self._names_exact, False), (self._names_folded, True)):
            for key, start, end in matcher(doc):
                span = Span(doc, start, end, label=key)
                # A one-word name must be written with its capital ("Turkey", not "turkey").
                if folded and len(span) == 1 and not span[0].text[:1].isupper():
                    continue
                spans.append(span)
        return [_Name(span, self._surfaces[span.label_]) for span in filter_spans(spans) if not _names_a_feature(span)]

    def _agent_spans(self, doc: Doc, names: list[_Name]) -> list[_Agent]:
        taken = {i for n in names for i in range(n.span.start, n.span.end)}
        spans = [
            Span(doc, start, end, label=key)
            for key, start, end in self._agents(doc)
            if doc[end - 1].pos_ in ("NOUN", "PROPN") and not taken.intersection(range(start, end))
        ]
        return [_Agent(span, self.dictionary.agents[span.label_]) for span in filter_spans(spans)]

    # --- joining spans into mentions ----------------------------------------------------------

    def _mentions(self, doc: Doc, date: dt.date | None) -> list[_Found]:
        names = self._names(doc)
        agents = self._agent_spans(doc, names)
        by_token: dict[int, _Name] = {i: n for n in names for i in range(n.span.start, n.span.end)}
        agent_at: dict[int, _Agent] = {i: a for a in agents for i in range(a.span.start, a.span.end)}
        found: list[_Found] = []
        for name in names:
            if name.surface.form in ("name", "alias") and name.surface.id in self.dictionary.people:
                found.append(self._person(doc, name, by_token, agent_at, date))
        for agent in agents:
            if not agent.used:
                found.extend(self._agent_mentions(agent, by_token))
        for name in names:
            if not name.used and not self._part_of_name(name, by_token):
                found.append(self._plain(name, date))
        found.extend(self._entities(doc, found, agent_at))
        return found

    def _plain(self, name: _Name, date: dt.date | None) -> _Found:
        name.used = True
        surface = name.surface
        actor_id = f"{surface.id}-CVL" if surface.form == "people" else surface.id
        return _Found(name.span.start, name.span.end, self.dictionary.actor(actor_id, on=date), "dictionary")

    def _with_sector(self, name: _Name, sector: str) -> Actor:
        """The actor a name stands for when an agent word gives the sector ("Iranian" + "troops")."""
        surface_id = name.surface.id
        if surface_id in self.dictionary.countries:
            return self._country_actor(surface_id, sector)
        return self.dictionary.actor(surface_id)  # an organisation keeps its own sector ("Hamas leaders")

    def _country_actor(self, iso3: str, sector: str) -> Actor:
        """A country's actor in a sector: `IRN` for its government, `IRN-MIL` for its military."""
        return self.dictionary.actor(iso3 if sector == "GOV" else f"{iso3}-{sector}")

    def _attached_names(self, span: Span, by_token: dict[int, _Name]) -> list[_Name]:
        """Names that modify a span's words: "Iranian officials", "Iran's military", "officials of Egypt"."""
        attached: list[_Name] = []
        for token in span:
            for child in token.children:
                if child.i in range(span.start, span.end):
                    continue
                if child.dep_ in self.config.modifier_deps and child.i in by_token:
                    attached.append(by_token[child.i])
                    attached.extend(by_token[c.i] for c in child.conjuncts if c.i in by_token)
                elif child.dep_ == "prep" and child.lower_ in self.config.owner_preps:
                    owners = [g for g in child.children if g.dep_ == "pobj"]
                    owners += [c for g in owners for c in g.conjuncts]  # "troops from Iran and Syria"
                    attached.extend(by_token[g.i] for g in owners if g.i in by_token)
        unique = {id(n): n for n in attached}
        return sorted(unique.values(), key=lambda n: n.span.start)

    def _located_in(self, span: Span, by_token: dict[int, _Name]) -> list[_Name]:
        """Countries (or their cities) a span's words are "in": "protesters in Cairo"."""
        return [
            by_token[g.i]
            for token in span
            for child in token.children
            if child.dep_ == "prep" and child.lower_ in self.config.located_preps
            for g in child.children
            if g.dep_ == "pobj" and g.i in by_token and by_token[g.i].surface.id in self.dictionary.countries
        ]

    def _agent_mentions(self, agent: _Agent, by_token: dict[int, _Name]) -> Iterator[_Found]:
        owners = self._attached_names(agent.span, by_token)
        if not owners and agent.term.local:
            owners = self._located_in(agent.span, by_token)[:1]
        owners = [n for n in owners if not n.used]
        if not owners:
            return
        agent.used = True
        span = agent.span

        def gap(name: _Name) -> int:
            return span.start - name.span.end if name.span.end <= span.start else name.span.start - span.end

        # The owner nearest the agent word shares its mention; the others stand alone ("Iranian and",
        # "and Syria" in "troops from Iran and Syria").
        nearest = min(owners, key=gap)
        for name in owners:
            name.used = True
            actor = self._with_sector(name, agent.sector)
            first, stop = name.span.start, name.span.end
            if name is nearest and name.span.end <= span.start:  # "Iranian officials"
                stop = span.end
            elif name is nearest and name.span.start >= span.end:  # "officials of Egypt"
                first = span.start
            yield _Found(first, stop, actor, "title")

    def _person(
        self, doc: Doc, name: _Name, by_token: dict[int, _Name], agent_at: dict[int, _Agent], date: dt.date | None
    ) -> _Found:
        name.used = True
        entry = self.dictionary.people[name.surface.id]
        start, end = name.span.start, name.span.end
        root = name.span.root
        # A title in front of the name: "Iranian Foreign Minister Mohammad Javad Zarif".
        left = start
        while left > 0 and self._in_title(doc[left - 1], root):
            left -= 1
        # A title the name is in apposition to: "Iran's foreign minister, Mohammad Javad Zarif".
        if root.dep_ == "appos" and root.head.i in agent_at and root.head.i < start:
            head = root.head
            left = min(left, min(t.i for t in head.subtree if t.i < start and t.dep_ != "punct"))
        for i in range(left, start):
            if i in by_token:
                by_token[i].used = True
            if i in agent_at:
                agent_at[i].used = True
        person = self.dictionary.actor(entry.id, on=date)
        return _Found(left, end, self._acting_for(entry, date), "dictionary", person)

    def _in_title(self, token: Token, root: Token) -> bool:
        """A word in front of a name that belongs to its title: it hangs under the name, no comma between."""
        if token.is_punct and token.text != "'s":
            return False
        ancestor = token
        while ancestor.i != root.i:
            if ancestor.dep_ not in self.config.title_deps or ancestor.head.i == ancestor.i:
                return False
            ancestor = ancestor.head
        return True

    def _acting_for(self, entry: PersonEntry, date: dt.date | None) -> Actor:
        """The body a person acts for on a date: their office's, or their country's elite (ELI) after it."""
        standing = entry.standing_on(date)
        actor_ref = standing.actor
        if actor_ref in self.dictionary.organisations:
            return self.dictionary.actor(actor_ref)
        return self._country_actor(actor_ref, standing.sector)

    def _part_of_name(self, name: _Name, by_token: dict[int, _Name]) -> bool:
        """A demonym inside an organisation's or person's own name phrase: "the Iranian revolutionary
        guards" is one mention of the IRGC, not also one of Iran."""
        root = name.span.root
        owner = by_token.get(root.head.i)
        return (
            name.surface.form == "demonym"
            and root.dep_ in self.config.modifier_deps
            and owner is not None
            and owner is not name
            and owner.surface.id not in self.dictionary.countries
        )

    def _entities(self, doc: Doc, found: list[_Found], agent_at: dict[int, _Agent]) -> Iterable[_Found]:
        """Named entities that no name resolved: a titled person takes the actor of the title, a city
        stands for its country (the gazetteer), anything else is kept as `unknown` with its text,
        never silently dropped."""
        covered = [(f.start, f.end) for f in found]
        for ent in doc.ents:
            if ent.label_ not in self.config.unknown_labels:
                continue
            if any(s < ent.end and ent.start < e for s, e in covered):
                continue
            # A person's title just before a name makes it a person's, whatever label the parser
            # gave it ("Vice-President Moody Awori", which the parser takes for an organisation).
            title = agent_at.get(ent.start - 1) if ent.start else None
            person = ent.label_ == "PERSON" or (
                title is not None
                and title.term.kind == "person"
                and doc[ent.start - 1].head.i in range(ent.start, ent.end)
            )
            given = _given_names(ent) if ent.label_ in self.config.place_labels else 0
            if given and not any(s < ent.start and ent.start - given < e for s, e in covered):
                # "Kenzo Oshima": a surname the parser took for a town is a person's name.
                ent, person = doc[ent.start - given : ent.end], True
            titled = self._titled_person(ent, found, agent_at) if person else None
            if titled is not None:
                if not any(titled is f for f in found):
                    yield titled
                continue
            place = self._gazetteer.lookup(ent.text) if ent.label_ in self.config.place_labels and not person else None
            if place is not None and place.country in self.dictionary.countries:
                yield _Found(ent.start, ent.end, self.dictionary.actor(place.country), "dictionary")
            else:
                yield _Found(ent.start, ent.end, None, "unknown")

    def _titled_person(self, ent: Span, found: list[_Found], agent_at: dict[int, _Agent]) -> _Found | None:
        """A person the dictionaries do not know, named with a title: "Kenyan President X" (the title's
        mention grows to take the name), "X, Algeria's leading activist" or "a member of the Syrian
        parliament, X" (the apposition's actor), or
        "President X ... in Algiers" (no country in the title: the nearest country in the sentence)."""
        doc = ent.doc
        if ent.start and doc[ent.start - 1].head.i in range(ent.start, ent.end):
            before = next((f for f in found if f.end == ent.start and f.actor is not None), None)
            if before is not None:  # the title's own mention takes the name in
                before.end = ent.end
                return before
        # The phrase in apposition either way: "X, Algeria's leading activist" and "a member of the
        # Syrian parliament, X"; its own mention, else the body it names the person a member of.
        root = ent.root
        roles = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos" and root.head.i < ent.start:
            roles.append(root.head)
        for role in roles:
            # The role word, the body it names before it ("the United Nations Emergency Relief
            # Coordinator") and the one it names the person a member of ("a member of the parliament").
            words = [role] + [t for t in role.subtree if t.i < role.i and t.dep_ in self.config.modifier_deps]
            words += [
                pobj
                for prep in role.children
                if prep.dep_ == "prep" and prep.lower_ in self.config.role_preps
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ]
            for word in words:
                owner = next((f for f in found if f.actor and f.start <= word.i < f.end), None)
                if owner is not None:
                    return _Found(ent.start, ent.end, owner.actor, "title")
        title = agent_at.get(ent.start - 1) if ent.start else None
        if title is None or doc[ent.start - 1].head.i not in range(ent.start, ent.end):
            return None
        sentence = ent.sent
        nearby = [
            (abs(f.start - ent.start), f.actor.country)
            for f in found
            if f.actor is not None
            and f.actor.country in self.dictionary.countries
            and sentence.start <= f.start < sentence.end
        ]
        if not nearby:
            return None
        country = min(nearby)[1]
        title.used = True
        return _Found(title.span.start, ent.end, self._country_actor(country, title.sector), "title")


def _names_a_feature(span: Span) -> bool:
    """Whether a name only names a geographic feature after it, inside that feature's own name: "the
    Sea of Japan", "the Gulf of Oman" are waters, not Japan or Oman. ("northern Syria" is Syria.)"""
    root = span.root
    for ent in span.doc.ents:
        if (
            ent.label_ == "LOC"
            and ent.start <= span.start
            and span.end <= ent.end
            and ent.root.i not in range(span.start, span.end)
        ):
            return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i in range(ent.start, ent.end)
    return False


def _given_names(ent: Span) -> int:
    """How many proper nouns just before an entity modify it without being in any entity: the given
    names in front of a surname ("Kenzo" in "Kenzo Oshima"). A place's own name is in its entity
    ("New Delhi", "Kuala Lumpur")."""
    doc = ent.doc
    entity_tokens = {i for e in doc.ents for i in range(e.start, e.end)}
    count = 0
    i = ent.start - 1
    while i >= 0:
        word = doc[i]
        if word.pos_ != "PROPN" or word.dep_ != "compound" or word.i in entity_tokens:
            break
        if not ent.start <= word.head.i < ent.end and word.head.i != i + 1:
            break
        count += 1
        i -= 1
    return count


def _case_matters(surface: Surface) -> bool:
    """Acronyms ("US", "IS") and one-word forms with inner capitals ("LeT") must match as written:
    in other cases they are common words ("us", "is", "let")."""
    text = surface.text
    return surface.exact or (" " not in text and any(ch.isupper() for ch in text[1:]))
