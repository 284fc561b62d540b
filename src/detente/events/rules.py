"""The rule-based event coder: triggers from the lexicon, arguments from the dependency parse.

For each sentence:
1. Triggers: tokens whose lemma and part of speech are in the lexicon (with the entry's `with`
   condition met), outside actor names.
2. Chains: a trigger inside the complement of another ("agreed to hold talks", "accused X of
   attacking Y", "condemned the attack") is part of that one event: the outer trigger gives the type,
   the inner one may give the target and the mode. One act, one event.
3. Arguments: source and target from the roles the entry lists (subject, object, prepositions,
   possessives...), through passives, light verbs ("held talks with"), control verbs ("plans to
   send"), relative clauses and coordination (one event per source-target pair); "between X and Y"
   and "X and Y met" pair the two sides of a symmetric relation.
4. How it counts: negation, modality (asserted, reported, future, hypothetical) from auxiliaries,
   intent verbs, conditions, questions and reporting verbs; a stated intent is coded as the commitment
   it makes (AGREE or THREATEN), as PLOVER does.
5. When and where: the date expression and the place named for the act.

Every word list is data (triggers.yaml, cues.yaml); this module holds only the grammar.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from detente.actors import ActorDictionary, load_user_dictionary
from detente.events.lexicon import DEFAULT_ROLES, Cues, Lexicon, Trigger, load_cues, load_lexicon
from detente.events.ontology import Ontology, load_ontology
from detente.events.when import event_date, parse_date
from detente.events.where import resolve_place
from detente.models import Event, Mention, Modality, Place
from detente.nlp.layout import headings
from detente.nlp.mentions import mention_owners, sentences_with_actors
from detente.nlp.pipeline import ParsedArticle

# Dependencies through which a trigger sits inside another trigger's complement, and so is part of
# that trigger's event (a passive subject is what the act is done to: "the curfew was lifted").
_ABSORBED = frozenset(
    {"xcomp", "ccomp", "dobj", "nsubjpass", "pobj", "prep", "pcomp", "acl", "attr", "oprd", "compound"}
)
# Dependencies searched below a role word for the actor it stands for ("the head of Hamas").
# ("job cuts planned by the government": whose act a noun is, through its participle and "by").
_INSIDE = frozenset({"poss", "compound", "amod", "prep", "pobj", "appos", "nmod", "npadvmod", "acl", "agent"})
# Words inside these names are never triggers: "the Coalition for Peace", "in March", "two strikes".
_SKIP_ENTITIES = frozenset(
    {"ORG", "PERSON", "GPE", "NORP", "FAC", "LAW", "WORK_OF_ART", "PRODUCT", "LANGUAGE", "DATE", "TIME"}
    | {"CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Subjects that name no doer of their own: relative pronouns ("which", "who") and "there".
_STAND_IN_TAGS = frozenset({"WDT", "WP", "EX"})
# Roles in which a symmetric act's sides, named together, name a further counterpart ("met with").
_COUNTERPART_ROLES = frozenset({"dobj", "dative", "prep:with", "prep:against", "prep:to"})
# Roles of whoever does an act: a phrase word never lends these.
_SUBJECT_ROLES = frozenset({"nsubj", "nsubjpass", "agent"})
# Present-tense verb tags: a time clause in them tells what has not happened yet.
_PRESENT = frozenset({"VB", "VBP", "VBZ"})
# Clauses of a verb's own, which keep the next coordinated verb's object from being shared.
_COMPLEMENTS = frozenset({"xcomp", "ccomp"})
# Dependents that are no words of a trigger's phrase: coordinated and relative clauses, punctuation.
_CLAUSES = frozenset({"conj", "relcl", "parataxis", "csubj", "mark", "cc", "punct"})
_DATE_ENTITIES = frozenset({"DATE"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_RANK: dict[Modality, int] = {"asserted": 0, "reported": 1, "future": 2, "hypothetical": 3}


# The source of an act before its participants are filled in (never leaves this module).
_NOBODY = Mention(article_id="", sentence_index=0, start=0, end=0, text="", actor=None, resolved_by="unknown")


@dataclass(slots=True)
class _Found:
    """A trigger in a sentence, with the entry that applies."""

    token: Token
    entry: Trigger
    inner: list[_Found] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Sentence:
    doc: Doc
    span: Span
    offset: int
    index: int
    owner: dict[int, Mention]  # token index -> the mention that token is part of
    places: frozenset[int]  # token indexes of mentions used as places ("talks in Tehran")
    dates: tuple[Span, ...] = ()  # the sentence's date expressions


class RuleCoder:
    """Codes PLOVER events from the dependency parse with the packaged lexicon and cues."""

    def __init__(
        self,
        *,
        lexicon: Lexicon | None = None,
        cues: Cues | None = None,
        ontology: Ontology | None = None,
        dictionary: ActorDictionary | None = None,
    ) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.cues = cues or load_cues()
        self.ontology = ontology or load_ontology()
        # The actors' dictionary, for the people of a country an act on its own ground is aimed at.
        self.dictionary = dictionary or load_user_dictionary()

    # --- the stage interface ------------------------------------------------------------------

    def code(self, parsed: ParsedArticle, mentions: tuple[Mention, ...]) -> tuple[Event, ...]:
        starts = [s.start for s in parsed.sentences]
        # A subheading restates what the story tells below it; a related link names another story.
        skipped = headings(parsed.article.text)
        events: list[Event] = []
        for offset, doc, span, owner in sentences_with_actors(parsed, mentions):
            first = offset + span.start_char
            if any(start <= first < end for start, end in skipped):
                continue
            sentence = self._sentence(starts, doc, offset, span, owner)
            events.extend(self._sentence_events(parsed, sentence))
        return tuple(events)

    def link(
        self, parsed: ParsedArticle, mentions: tuple[Mention, ...], source: Mention, target: Mention
    ) -> Event | None:
        """The event that links two given mentions of one sentence, or None where no trigger does.

        For linking tasks, where someone has already marked both sides (an analyst's question "what
        did X do to Y here?", or evaluation sets that give the arguments): the trigger is the lowest
        one that governs both mentions, else one that governs either, else the nearest; its chain
        gives the type, mode, negation and modality exactly as in `code`.
        """
        for offset, doc in parsed.docs:
            if not offset <= source.start < offset + len(doc.text):
                continue
            owner = mention_owners(doc, offset, mentions)
            first = doc.char_span(source.start - offset, source.end - offset, alignment_mode="expand")
            second = doc.char_span(target.start - offset, target.end - offset, alignment_mode="expand")
            if first is None or second is None or not len(first) or not len(second):
                return None
            starts = [s.start for s in parsed.sentences]
            sentence = self._sentence(starts, doc, offset, first[0].sent, owner)
            chains = self._chains(sentence)
            chain = _linking_chain(chains, first.root, second.root)
            return None if chain is None else self._event(self._act(parsed, sentence, chain, [source]), source, target)
        return None

    def _sentence(self, starts: list[int], doc: Doc, offset: int, span: Span, owner: dict[int, Mention]) -> _Sentence:
        """A spaCy sentence with what the rules read from it: its index among the article's
        sentences, the mentions on its tokens, the ones used as places, and its date expressions."""
        first_char = offset + span.start_char + len(span.text) - len(span.text.lstrip())
        index = max(0, bisect.bisect_right(starts, first_char) - 1)
        dates = tuple(e for e in doc.ents if e.label_ in _DATE_ENTITIES and span.start <= e.start < span.end)
        return _Sentence(doc, span, offset, index, owner, self._places(span, owner), dates)

    # --- mentions on tokens -------------------------------------------------------------------

    def _places(self, span: Span, owner: dict[int, Mention]) -> frozenset[int]:
        """Tokens of mentions that name where something happened: objects of "in", "near"... with the
        names beside them ("in Beirut, Lebanon")."""
        places = set()
        for token in span:
            if token.dep_ != "pobj" or token.head.lower_ not in self.cues.place_prepositions:
                continue
            for word in (token, *token.conjuncts, *(c for c in token.children if c.dep_ == "appos")):
                mention = owner.get(word.i)
                # A mention that takes the preposition in is someone where they are ("protesters in
                # Cairo"), not a place.
                if mention is not None and owner.get(token.head.i) is not mention:
                    places.update(i for i, m in owner.items() if m is mention)
        return frozenset(places)

    def _mention(self, token: Token, sentence: _Sentence) -> Mention | None:
        if token.i in sentence.places:
            return None
        return sentence.owner.get(token.i)

    def _mentions_at(
        self, token: Token, sentence: _Sentence, *, search: bool = True, places: bool = False
    ) -> list[Mention]:
        """The mentions a role word stands for: itself and its conjuncts, or an actor inside it."""
        found: list[Mention] = []
        for word in (token, *token.conjuncts):
            mention = self._mention(word, sentence)
            if search and (mention is None or mention.actor is None):
                # A name no dictionary knows stands for the actor or place inside it ("the Esfahan
                # conversion facility in central Iran"), when there is one.
                mention = self._inside(word, sentence, places=places) or mention
            if mention is not None and mention not in found:
                found.append(mention)
                found += self._co_owners(mention, sentence, found)
        return found

    def _co_owners(self, mention: Mention, sentence: _Sentence, found: list[Mention]) -> list[Mention]:
        """The sides coordinated inside a mention's own phrase: "Iranian and Syrian troops", "troops from
        Iran and Syria" name two forces, each its own side."""
        words = [w for w in sentence.span if sentence.owner.get(w.i) is mention]
        others = (sentence.owner.get(c.i) for w in words for c in w.conjuncts)
        return [
            m
            for m in dict.fromkeys(others)
            if m is not None and m is not mention and m.actor is not None and m not in found
        ]

    def _inside(self, token: Token, sentence: _Sentence, depth: int = 3, *, places: bool = False) -> Mention | None:
        """The nearest actor named below a role word: "the head of Hamas", "an Iranian base"; else,
        with `places`, the place it lies in, which stands for whom the act is aimed at ("the parties
        to the conflict in Iraq", "inspectors sent to a facility in central Iran"); else the nearest
        name no dictionary knows."""
        frontier = [token]
        located: Mention | None = None
        unknown: Mention | None = None
        own = sentence.owner.get(token.i)
        for _ in range(depth):
            frontier = [child for word in frontier for child in word.children if self._within(child)]
            # What a thing is named as comes before whose it is: "its European Community partners"
            # are the Community's members, whoever "its" is.
            for word in sorted(frontier, key=lambda w: w.dep_ == "poss"):
                mention = self._mention(word, sentence)
                if mention is not None and mention.actor is not None:
                    return mention
                if mention is not None and mention is not own:
                    unknown = unknown or mention
                place = sentence.owner.get(word.i) if places else None
                if place is not None and place.actor is not None:
                    located = located or place
        return located or unknown

    def _within(self, word: Token) -> bool:
        """Whether a dependent is part of the phrase it hangs from, for finding the actor inside it.
        A place is known by whom it holds: "bases that host US troops" are the troops' side."""
        if word.dep_ in _INSIDE:
            return True
        if word.dep_ == "relcl":
            return word.lemma_.lower() in self.cues.holding_verbs
        return word.dep_ == "dobj" and word.head.dep_ == "relcl" and word.head.lemma_.lower() in self.cues.holding_verbs

    # --- triggers -----------------------------------------------------------------------------

    def _trigger(self, token: Token, sentence: _Sentence) -> Trigger | None:
        pos = "verb" if token.pos_ == "VERB" else "noun" if token.pos_ in ("NOUN", "PROPN") else None
        if pos is None or token.i in sentence.owner or token.ent_type_ in _SKIP_ENTITIES:
            return None
        candidates = self.lexicon.candidates(token.lemma_.lower(), pos)
        if not candidates:
            return None
        # A preposition counts only with its object: "called on Iran", not "called Iran on Tuesday".
        # A clause of circumstance is another act, not a word of the trigger's phrase ("suspended
        # aid after a convoy was attacked" is no suspended attack); a purpose or content clause is
        # ("sent troops to help", "demanded that Iran release").
        children = [
            c
            for c in token.children
            if c.dep_ not in _CLAUSES and not _circumstance(c) and not (c.dep_ == "prep" and _dated(c))
        ]
        children += [p for c in children if c.dep_ in ("prep", "dative") for p in c.children if p.dep_ == "pobj"]
        # What the object or a prepositional object is named as ("eased curfew hours", "sent troops to
        # the UN peacekeeping force"), and what the object is made of ("handed over 700 kg of
        # medicine"); a span of time is not ("ending two decades of hostility" tells how long).
        objects_ = [c for c in children if c.dep_ == "dobj"]
        children += [
            w for c in children if c.dep_ in ("dobj", "pobj") for w in c.children if w.dep_ in ("compound", "amod")
        ]
        children += [
            p
            for c in objects_
            if c.ent_type_ not in _DATE_ENTITIES
            for prep in c.children
            if prep.lower_ == "of"
            for p in prep.children
            if p.dep_ == "pobj"
        ]
        words = _words(children)
        # What the act is done to, or done for, decides first: "suspended aid because of the
        # fighting" suspends aid; "sent troops to help restore order" sends help. Otherwise the
        # first entry that applies.
        objects = _words(c for c in children if c.dep_ in ("dobj", "nsubjpass", "xcomp", "ccomp", "advcl"))
        first: Trigger | None = None
        for entry in candidates:
            if (entry.with_ and not entry.with_ & words) or entry.without & words:
                continue
            if entry.clause_with and not entry.clause_with & self._clause_auxiliaries(token):
                continue
            if entry.with_ & objects:
                return entry
            first = first or entry
        return first

    def _clause_auxiliaries(self, token: Token) -> set[str]:
        """The auxiliaries of what a trigger says: its own complement's, or for a noun, its
        carrier's ("issued a reminder to Iraq that it must cooperate")."""
        found = _complement_auxiliaries(token)
        carrier = self._light_verb(token) if token.pos_ != "VERB" else None
        return found | _complement_auxiliaries(carrier) if carrier is not None else found

    def _chains(self, sentence: _Sentence) -> list[_Found]:
        """Triggers of a sentence, the ones inside another's complement attached to it."""
        found = {
            token.i: _Found(token, entry)
            for token in sentence.span
            if (entry := self._trigger(token, sentence)) is not None
        }
        outer: list[_Found] = []
        for index in sorted(found):
            trigger = found[index]
            host = self._host(trigger.token, found)
            if host is None:
                outer.append(trigger)
            else:
                host.inner.append(trigger)
        return outer

    def _host(self, token: Token, found: dict[int, _Found]) -> _Found | None:
        """The trigger whose complement holds `token`'s trigger, if any. A protest's purpose clause
        holds its demands ("blocked roads to press their demands"): they are the protest's, not acts
        of their own."""
        word = token
        purpose = False
        for _ in range(4):
            if word.head == word:
                return None
            if word.dep_ == "advcl" and not _circumstance(word):
                purpose = True
            elif word.dep_ not in _ABSORBED:
                return None
            word = word.head
            host = found.get(word.i)
            if host is None and purpose:
                # "staged a demonstration to demand ...": the purpose is the carried noun's.
                host = next(
                    (f for f in found.values() if f.entry.pos == "noun" and self._light_verb(f.token) == word), None
                )
            if host is not None:
                return host if not purpose or host.entry.type in self.cues.addressed_types else None
        return None

    # --- events -------------------------------------------------------------------------------

    def _sentence_events(self, parsed: ParsedArticle, sentence: _Sentence) -> list[Event]:
        seen: set[tuple[str, str, str | None]] = set()
        events: list[Event] = []
        for chain in self._chains(sentence):
            for event in self._events(parsed, sentence, chain):
                key = (event.type, _who(event.source), _who(event.target) if event.target else None)
                if key not in seen:
                    seen.add(key)
                    events.append(event)

        # One act, one event: "began a hunger strike to protest Assad's failure" names the protest
        # twice; the mention without a target is the same act as the one with it, told the same way.
        def act(e: Event) -> tuple[str, str, bool, str]:
            return e.type, _who(e.source), e.negated, e.modality

        aimed = {act(e) for e in events if e.target is not None}
        return [e for e in events if e.target is not None or act(e) not in aimed]

    def _events(self, parsed: ParsedArticle, sentence: _Sentence, chain: _Found) -> Iterator[Event]:
        token, entry = chain.token, chain.entry
        sources, inherited = self._sources(token, entry, sentence)
        if not sources:
            return
        own = _whos(sources)

        def others(mentions: list[Mention]) -> list[Mention]:
            return [m for m in mentions if _who(m) not in own]

        act_type, _ = self._type(chain)
        targets = self._targets(token, entry, sentence, exclude=sources)
        if not targets and entry.pos == "noun":
            # "US-Iranian talks", "the Iran-Hamas rapprochement": both sides modify the noun.
            targets = others(self._modifiers(token, sentence))
        if not targets and entry.pos == "verb" and not any(c.dep_ in _COMPLEMENTS for c in token.children):
            # "met and worked with Hamas leaders": coordinated verbs share what follows them, unless
            # the first has a clause of its own ("refused to deploy troops and urged its citizens").
            for verb in token.conjuncts:
                if verb.i > token.i and not any(c.dep_ in _SUBJECTS for c in verb.children):
                    targets = others(self._by_roles(verb, entry.target, sentence))
                    if targets:
                        break
        if not targets and entry.pos == "verb":
            targets = others(self._raised(token, sentence))
        # Sides of a symmetric act named together are each other's counterpart; nothing else is looked
        # for ("Palestinians and Israelis failed to reach agreement on the fate of the offices").
        paired = entry.symmetric and len(own) > 1
        if not targets and not paired:
            targets = others(self._said_subjects(token, entry, sentence))
            for inner in chain.inner:
                if targets:
                    break
                targets = self._targets(inner.token, inner.entry, sentence, exclude=sources)
            if not targets and not chain.inner and act_type == "REJECT":
                targets = others(self._refused_parties(token, sentence))
            targets = targets or others(self._condition_subjects(token, sentence))
        if act_type == "ACCUSE":
            # An accusation made of an act ("condemned the attack on Gaza by Israel", "called for an
            # end to Israeli attacks on Gaza") is aimed at whoever does it, not at whom it is done to.
            targets = self._doers(chain, sentence, sources, targets) or targets
        if not targets and entry.type in self.cues.addressed_types and not paired:
            # The demands of an act inside the chain are the chain's ("rioted following a
            # demonstration calling for X's removal").
            for act in (token, *(inner.token for inner in chain.inner)):
                targets = self._addressees(act, sentence, exclude=own)
                if targets:
                    break
        if not targets and entry.type not in self.cues.venue_types and not paired:
            # PLOVER's convention: an act with no other party is directed at the place it happens
            # in ("lifted the curfew in Montenegro", "deployed troops in Iraq"); but where a meeting,
            # a statement or a pledge is made is only its venue.
            # (A place standing for one source is still the other's target: "Ethiopia and Eritrea
            # massed troops along their border".)
            targets = [self._people_at(m, sources) for m in self._place_mentions(chain, sentence) if m not in sources]
        joint = not targets and act_type in self.cues.joint_types
        pairs = _pairs(sources, targets, symmetric=entry.symmetric or joint)
        if not pairs and targets:
            # Only the source's own side was found ("Egypt eased the curfew in North Sinai"): an
            # act complete by itself still stands, aimed at no one else.
            pairs = _pairs(sources, [], symmetric=entry.symmetric)
        if not pairs:
            return
        act = self._act(parsed, sentence, chain, sources)
        # Only an act that is complete by itself ("agreed to resign") is an event with no one it is
        # aimed at; praise, a visit or an attack at no one named says nothing about a relation.
        undirected = self.ontology.type(act.type).undirected
        for source, target in pairs:
            if target is not None or undirected:
                yield self._event(act, source, target, inherited=inherited)

    def _raised(self, token: Token, sentence: _Sentence) -> list[Mention]:
        """The object a stranded preposition shares with the verb coordinated after it: "established
        ties with and opened an embassy in Tehran" established ties with Tehran."""
        heads = [token, *(c for c in token.children if c.dep_ == "dobj")]
        if not any(c.dep_ == "prep" and not list(c.children) for h in heads for c in h.children):
            return []
        for verb in token.conjuncts:
            words = [w for w in verb.subtree if not w.is_punct]
            mention = sentence.owner.get(words[-1].i) if verb.i > token.i else None
            if mention is not None and mention.actor is not None:
                return [mention]
        return []

    def _people_at(self, place: Mention, sources: list[Mention]) -> Mention:
        """Whom a place stands for as the target of acts done there: its state, except for that state's
        own acts on its own ground, which are aimed at its people ("Sudan lifted the state of
        emergency in West Darfur": Sudan's citizens), as ICEWS codes domestic events. Only a named
        place: "its border" is the source itself."""
        held = place.actor
        if held is None or (held.kind, held.sector, place.resolved_by) != ("state", "GOV", "dictionary"):
            return place
        if all(s.actor is not None and (s.actor.kind, s.actor.country) == ("state", held.country) for s in sources):
            return replace(place, actor=self.dictionary.actor(f"{held.country}-CVL"))
        return place

    def _doers(
        self, chain: _Found, sentence: _Sentence, sources: list[Mention], targets: list[Mention]
    ) -> list[Mention]:
        """Who does an act inside a chain that the found targets only suffer (they lie in its
        phrase), by the act's own roles; none when the targets are named outside it ("accused
        Tehran of stirring up unrest")."""
        named = {w.i for w in sentence.span if sentence.owner.get(w.i) in targets}
        own = _whos(sources)
        for inner in chain.inner:
            if not named <= {t.i for t in inner.token.subtree}:
                continue
            found, inherited = self._sources(inner.token, inner.entry, sentence)
            doers = [m for m in found if _who(m) not in own] if not inherited else []
            if doers:
                return doers
        return []

    def _said_subjects(self, token: Token, entry: Trigger, sentence: _Sentence) -> list[Mention]:
        """Whom a statement is aimed at when it names no one: the subject of its complement
        ("Russia said Sudan must return the helicopter", "demanded that the government resign").
        Verbal acts only: what a material act's complement says is not whom the act is aimed at."""
        if not entry.clause_with and self.ontology.quad_class(entry.type) not in (1, 3):
            return []
        return self._clause_subjects([c for c in token.children if c.dep_ == "ccomp"], sentence)

    def _refused_parties(self, token: Token, sentence: _Sentence) -> list[Mention]:
        """Whom a refusal is aimed at when the act refused is no event of its own: whom that act would
        have been done to ("refused to allow UN planes to land", "declined to hand the men over to
        Britain"), by a verb's usual target roles or as the subject of its own complement."""
        for verb in (c for c in token.children if c.dep_ == "xcomp"):
            found = self._by_roles(verb, DEFAULT_ROLES["verb"]["target"], sentence) or self._clause_subjects(
                [c for c in verb.children if c.dep_ in _COMPLEMENTS], sentence
            )
            if found:
                return found
        return []

    def _condition_subjects(self, token: Token, sentence: _Sentence) -> list[Mention]:
        """Whom an act that names no one is aimed at, through the condition set on it: its subject
        ("threatened to launch an offensive unless Baghdad accepted")."""
        return self._clause_subjects(self._act_conditions(token), sentence)

    def _addressees(self, token: Token, sentence: _Sentence, *, exclude: set[str]) -> list[Mention]:
        """Whom an act that is a demand on someone is aimed at when it names no one: the first actor
        named in what it is for, its purpose or accompanying clause ("blocked roads to press their
        demands from President X", "a march calling for X's removal") or its phrase of grievance
        ("in protest at the army's crackdown"). Places and the act's own side do not count."""
        verb = None if token.pos_ == "VERB" else self._light_verb(token)
        for head in (token, verb):
            if head is None:
                continue
            for child in head.children:
                purpose = child.dep_ in ("advcl", "xcomp", "acl") and not _circumstance(child)
                grievance = child.dep_ == "prep" and (
                    child.lower_ in self.cues.grievance_preps
                    or any(p.dep_ == "pobj" and p.lemma_.lower() in self.cues.grievance_nouns for p in child.children)
                )
                if not (purpose or grievance):
                    continue
                for word in child.subtree:
                    mention = self._mention(word, sentence)
                    if mention is not None and mention.actor is not None and _who(mention) not in exclude:
                        return [mention]
        return []

    def _clause_subjects(self, clauses: list[Token], sentence: _Sentence) -> list[Mention]:
        """The written subjects of clauses, in order."""
        return [m for c in clauses for m in self._by_roles(c, ("nsubj", "nsubjpass"), sentence, surface=True)]

    def _act_verbs(self, token: Token) -> list[Token]:
        """The verbs of an act's own clause: its verb (a noun's carrying verb), the verbs it is the
        complement of ("plans to withdraw") and its own complements ("threatened to launch")."""
        verb = token if token.pos_ in ("VERB", "AUX") else self._light_verb(token) or token
        verbs = [verb]
        word = verb
        while word.dep_ in ("xcomp", "acomp") and word.head != word:
            word = word.head
            verbs.append(word)
        frontier = [verb]
        for _ in range(2):
            frontier = [c for w in frontier for c in w.children if c.dep_ == "xcomp"]
            verbs += frontier
        return verbs

    def _place_mentions(self, chain: _Found, sentence: _Sentence) -> list[Mention]:
        """Actors named as the place of the act: on the trigger's clause, its object, the verb it is
        carried out by ("threatened to institute a curfew in Algiers"), or the act inside it."""
        acts = [chain.token, *(inner.token for inner in chain.inner)]
        acts += [v for v in self._act_verbs(chain.token) if v not in acts]
        heads = [*self._clause_path(chain.token), *acts[1:]]
        heads += [c for head in acts for c in head.children if c.dep_ == "dobj"]
        for head in heads:
            for child in head.children:
                if child.dep_ != "prep" or child.lower_ not in self.cues.place_prepositions:
                    continue
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    found = [m for w in (pobj, *pobj.conjuncts) if (m := sentence.owner.get(w.i)) is not None]
                    if not found:
                        inside = self._inside(pobj, sentence)
                        found = [inside] if inside is not None and inside.actor is not None else []
                    if found:
                        return found
        return []

    def _act(self, parsed: ParsedArticle, sentence: _Sentence, chain: _Found, sources: list[Mention]) -> Event:
        """What a chain codes, before its target is known: an Event template with a placeholder
        source, filled per pair by `_event`. (The sources decide whether a condition is their threat.)"""
        token, entry = chain.token, chain.entry
        type_name, mode = self._type(chain)
        if (type_name, mode) == ("SUPPORT", "sign") and self._commits(token):
            type_name, mode = "AGREE", None
        modality = self._modality(token, sentence)
        negated = self._negated(token, sentence)
        conditions = self._act_conditions(token)
        if conditions and type_name != "THREATEN":
            if self._threatens(conditions, type_name, negated) and self._own_word(token, sentence, sources):
                # A harm promised on a condition is a threat, and the threat itself is made.
                type_name, mode, negated = "THREATEN", self._threat_mode(type_name), False
                modality = "reported" if self._reported(token, sentence) else "asserted"
            elif not self._offered(token):
                # "would visit if the talks stay on track" is not a commitment; "is willing to
                # withdraw if ..." is an offer, and its conditions do not undo it.
                modality = "hypothetical"
        if modality == "future" and type_name in self.cues.intent_types:
            type_name, mode = self.cues.intent_types[type_name]
        if negated and modality == "future" and type_name in self.cues.refusals:
            # "will not lift the embargo", "says it will not accept refugees": a refusal stated is
            # made now, and PLOVER codes it as the rejection it is.
            type_name, mode = "REJECT", self.cues.refusals[type_name].get(mode or "", None)
            negated, modality = False, "reported" if self._reported(token, sentence) else "asserted"
        cameo = (
            entry.cameo if (type_name, mode) == (entry.type, entry.mode) else self.ontology.cameo_for(type_name, mode)
        )
        start = sentence.offset + token.idx
        return Event(
            article_id=parsed.article.id,
            sentence_index=sentence.index,
            start=start,
            end=start + len(token.text),
            type=type_name,
            source=_NOBODY,
            target=None,
            evidence=sentence.span.text.strip(),
            mode=mode,
            cameo=cameo,
            quad_class=self.ontology.quad_class(type_name),
            intensity=self.ontology.intensity(type_name, mode),
            negated=negated,
            modality=modality,
            date=self._date(token, sentence, parsed),
            place=self._place(token, sentence),
            rule_id=entry.key,
        )

    def _commits(self, token: Token) -> bool:
        """Whether an agreement is reached to do something ("reached a deal to set up a hotline"):
        a verb of `commitment_verbs` whose object has an infinitive clause of its own."""
        if token.lemma_.lower() not in self.cues.commitment_verbs:
            return False
        return any(
            clause.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)
            for obj in token.children
            if obj.dep_ == "dobj"
            for clause in obj.children
        )

    def _date(self, token: Token, sentence: _Sentence, parsed: ParsedArticle) -> dt.date | None:
        """The sentence's date for the act, else the article's; but a past perfect ("Tehran had sent
        the group money") tells background from before the report, on no date the article gives."""
        expression = self._date_expression(token, sentence)
        if _past_perfect(token):
            return parse_date(expression, parsed.article.date) if expression else None
        return event_date(expression, parsed.article.date)

    @staticmethod
    def _event(act: Event, source: Mention, target: Mention | None, *, inherited: bool = False) -> Event:
        confidence = 0.9 - 0.2 * inherited - 0.1 * (source.actor is None)
        confidence -= 0.1 * bool(target is not None and target.actor is None)
        place = act.place
        if place is None and act.mode == "visit" and target is not None:
            # A visit happens where the visitor goes: "a visit to Tehran" took place in Tehran.
            place = resolve_place(target.text, target.actor)
        return replace(act, source=source, target=target, place=place, confidence=round(max(0.1, confidence), 2))

    def _type(self, chain: _Found) -> tuple[str, str | None]:
        """The event's type and mode: the outer trigger's, with the promised act deciding between
        AGREE and THREATEN for verbs of promising, and giving AGREE/THREATEN their mode."""
        entry = chain.entry
        type_name, mode = entry.type, entry.mode
        for inner in chain.inner:
            quad = self.ontology.quad_class(inner.entry.type)
            if entry.conflict_type and quad in (3, 4):
                type_name, mode = entry.conflict_type, None
            intent = self.cues.intent_types.get(inner.entry.type)
            if mode is None and intent is not None and intent[0] == type_name:
                mode = intent[1]
            break
        return type_name, mode

    # --- arguments ----------------------------------------------------------------------------

    def _sources(self, token: Token, entry: Trigger, sentence: _Sentence) -> tuple[list[Mention], bool]:
        """The source mentions, and whether they were inherited from another clause."""
        found = self._by_roles(token, entry.source, sentence, entry=entry)
        if found:
            return found, False
        if entry.pos == "noun":
            # "Qatar launched a mediation between X and Y": the carrier's subject acts on both sides;
            # "talks between X and Y" with no one else: the two sides.
            carrier = self._light_verb(token)
            if carrier is not None:
                subjects = self._subjects(carrier, sentence)
                if subjects:
                    return subjects, False
            between = self._between(token, sentence)
            return between[:1], False
        return self._subjects(token, sentence, own=False), True

    def _subjects(self, verb: Token, sentence: _Sentence, *, own: bool = True) -> list[Mention]:
        """Who does what `verb` says: its subject, else the subject it shares with the verb it depends on
        ("Iran plans to send": Iran; "Israel is expected to strike": Israel; "allowed Hamas to open": Hamas)."""
        word = verb
        below: Token | None = None
        for _ in range(4):
            if word == verb:
                found = self._by_roles(word, ("nsubj", "agent"), sentence) if own else []
            elif below is not None and below.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in word.children):
                found = self._by_roles(word, ("dobj",), sentence)
            else:
                found = self._by_roles(word, ("nsubj", "nsubjpass"), sentence, surface=True)
            if found:
                return found
            if word.dep_ != "relcl" and any(
                c.dep_ in _SUBJECTS and c.tag_ not in _STAND_IN_TAGS for c in word.children
            ):
                # The clause names its own doer, one no dictionary knows ("resigned as the opposition
                # threatened to storm his residence"): the act is not the outer clause's subject's.
                return []
            if word.dep_ == "relcl":
                mentions = self._mentions_at(word.head, sentence)
                return mentions
            if word.dep_ == "acl" and word.tag_ == "VBN":
                # "the demonstration staged by students to protest ...": the students protest.
                return self._by_roles(word, ("agent",), sentence, surface=True)
            if word.dep_ == "acl" and word.head.dep_ == "dobj":
                # "issued a statement demanding that ...": whoever issued the statement demands.
                return self._by_roles(word.head.head, ("nsubj", "agent"), sentence)
            if word.dep_ not in ("xcomp", "conj", "advcl", "acomp") or word.head == word:
                return []
            below, word = word, word.head
        return []

    def _targets(self, token: Token, entry: Trigger, sentence: _Sentence, *, exclude: list[Mention]) -> list[Mention]:
        roles = [r for r in entry.target if r not in entry.source]
        # Where the act is between the sources themselves ("Fatah and Hamas signed a declaration in
        # Algiers", "the two presidents met on the sidelines of the summit") only a counterpart named
        # as such is another party, and no place stands for one.
        paired = entry.symmetric and len(_whos(exclude)) > 1
        if paired:
            roles = [r for r in roles if r in _COUNTERPART_ROLES]
        places = not paired
        found = self._by_roles(token, tuple(roles), sentence, entry=entry, exclude=exclude, places=places)
        if found:
            return found
        if entry.pos == "noun":
            between = [m for m in self._between(token, sentence) if m not in exclude]
            if between:
                return between
            carrier = self._light_verb(token)
            if carrier is not None:
                carried = [r for r in ("dobj", "dative", *roles) if r.startswith("prep:") or r in ("dobj", "dative")]
                found = self._by_roles(carrier, tuple(carried), sentence, skip=token, exclude=exclude, places=places)
        return found

    def _by_roles(
        self,
        token: Token,
        roles: tuple[str, ...],
        sentence: _Sentence,
        *,
        skip: Token | None = None,
        surface: bool = False,
        entry: Trigger | None = None,
        exclude: list[Mention] | None = None,
        places: bool = False,
    ) -> list[Mention]:
        """The mentions in the first of `roles` that holds any. Roles are logical (a passive's subject
        is its object) unless `surface`. With `places`, a role word that holds no actor stands for
        the place inside it.

        `exclude` (the sources) hold no role, however named: nor does their side found inside a phrase
        word ("cut its support to Hamas"), so the search goes on to the next role."""
        passive = not surface and any(child.dep_ in ("nsubjpass", "auxpass") for child in token.children)
        # A word of the trigger phrase ("cut ties with Iran") lends its own prepositions to the trigger,
        # and is a participant only through the actor inside it ("froze Russian assets").
        # A clause with a subject of its own is not a phrase word: what it names is the business of
        # its subject, the one the act is aimed at ("demanded that Iran release a prisoner").
        phrase = [
            c
            for c in token.children
            if _in_phrase(c, entry, sentence)
            and not (c.dep_ in _COMPLEMENTS and any(g.dep_ in _SUBJECTS for g in c.children))
        ]
        sides = _whos(list(exclude or ()))
        for role in roles:
            # A phrase word lends what follows it, never its own subject ("demanded that Iran release
            # a prisoner": Iran is whom the demand is made of, not one who demands).
            heads = (token,) if role in _SUBJECT_ROLES else (token, *phrase)
            words = [word for head in heads for word in self._role_words(head, role, passive and head == token)]
            if role == "prep:with":
                # "with Albania's help" names a helper, not the counterpart of the act.
                words = [w for w in words if w.lemma_.lower() not in self.cues.helper_nouns]
            found: list[Mention] = []
            for word in words:
                if word == skip or (skip is not None and word.head == skip):
                    continue
                if word in phrase:
                    inside = self._inside(word, sentence)
                    mentions = [inside] if inside is not None else []
                else:
                    mentions = self._mentions_at(word, sentence, search=role not in ("compound", "amod"), places=places)
                for mention in mentions:
                    # The sources' own side, however named ("offered its troops to Lebanon's
                    # president": "its" is Syria again), holds no role of theirs.
                    if mention not in found and _who(mention) not in sides:
                        found.append(mention)
            if found:
                return found
        return []

    @staticmethod
    def _role_words(token: Token, role: str, passive: bool) -> Iterator[Token]:
        if passive and role == "nsubj":
            role = "agent"
        elif passive and role == "dobj":
            role = "nsubjpass"
        if role == "agent":
            for child in token.children:
                if child.dep_ == "agent":
                    yield from (c for c in child.children if c.dep_ == "pobj")
            return
        if role.startswith("prep:"):
            word = role[5:]
            for child in token.children:
                if child.dep_ in ("prep", "agent") and child.lower_ == word:
                    yield from (c for c in child.children if c.dep_ == "pobj")
            return
        for child in token.children:
            if child.dep_ == role:
                yield child

    def _modifiers(self, token: Token, sentence: _Sentence) -> list[Mention]:
        """Actors in a noun's modifiers and their compounds, in order ("US-Iranian": US, Iran)."""
        found: list[Mention] = []
        for child in token.children:
            if child.dep_ not in ("compound", "amod", "poss", "nmod"):
                continue
            # "US-Iranian talks": the parser hangs "US" on "Iranian" as a compound or npadvmod.
            for word in (*(c for c in child.children if c.dep_ in ("compound", "amod", "npadvmod")), child):
                mention = self._mention(word, sentence)
                if mention is not None and mention not in found:
                    found.append(mention)
        return sorted(found, key=lambda m: m.start)

    def _between(self, token: Token, sentence: _Sentence) -> list[Mention]:
        """The two sides of "talks between X and Y" (on the trigger or the verb it is subject of)."""
        # On the trigger, the verb it is subject of, or what it is of ("the thawing of relations between").
        holders = [
            token,
            token.head,
            *(
                p
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ),
        ]
        for word in holders:
            for child in word.children:
                if child.dep_ == "prep" and child.lower_ in ("between", "among"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self._mentions_at(pobj, sentence)
        return []

    def _light_verb(self, token: Token) -> Token | None:
        """The verb that carries a noun trigger: "held talks", "provided Hamas with support",
        "sanctions were imposed on Iran"."""
        head = token.head
        # Any verb whose object the noun is carries it ("increased its support"); a verb that denies
        # the act ("prevented any criticism") carries it too, and makes it negated.
        if token.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
            return head
        if token.dep_ == "pobj" and head.lower_ in ("with", "in") and head.head.lemma_.lower() in self.cues.light_verbs:
            return head.head
        if token.dep_ == "conj":
            return self._light_verb(head)
        if token.dep_ == "compound" and head.lemma_.lower() in self.cues.undertaking_nouns:
            # "undertook a mediation mission": the undertaking the trigger names the kind of is
            # what the verb carries.
            return self._light_verb(head)
        return None

    # --- how the event counts -----------------------------------------------------------------

    def _clause_path(self, token: Token) -> Iterator[Token]:
        """The trigger and the words it depends on up to its sentence's root."""
        word = token
        yield word
        for _ in range(12):
            if word.head == word:
                return
            word = word.head
            yield word

    def _negated(self, token: Token, sentence: _Sentence) -> bool:
        cues = self.cues
        word = token
        for _ in range(5):
            for child in word.children:
                if child.dep_ in ("neg", "det", "advmod", "preconj") and child.lower_ in cues.negation_words:
                    return True
                if child.dep_ in _SUBJECTS and (
                    child.lower_ in cues.negating_subjects
                    or any(g.dep_ in ("det", "preconj") and g.lower_ in cues.negating_subjects for g in child.children)
                ):
                    return True
            if word != token and word.lemma_.lower() in cues.negating_verbs and word.pos_ == "VERB":
                return True
            if word != token and any(c.dep_ == "advmod" and c.lower_ in cues.pending_adverbs for c in word.children):
                return True
            if word.dep_ == "pobj" and word.head.lower_ == "without":
                return True
            if not _climbs(word, self.cues.light_verbs):
                return False
            word = word.head
        return False

    def _modality(self, token: Token, sentence: _Sentence) -> Modality:
        cues = self.cues
        if sentence.span.text.rstrip().endswith("?"):
            return "hypothetical"
        modality: Modality = "asserted"
        if token.dep_ == "nsubj" and token.head.lemma_ == "be":
            # What is said of the act is how it stands: "a visit by Modi to Pakistan is unlikely".
            said = {c.lemma_.lower() for c in token.head.children if c.dep_ == "acomp"}
            if said & cues.hypothetical_intents:
                return "hypothetical"
            if said & cues.future_intents:
                modality = "future"
        word = token
        for _ in range(8):
            lemma = word.lemma_.lower()
            for child in word.children:
                if child.dep_ == "mark" and child.lower_ in cues.conditional_markers:
                    return "hypothetical"
                if child.dep_ == "mark" and child.lower_ in cues.pending_markers and word.tag_ in _PRESENT:
                    # "must agree to changes before they demobilize": not yet done, and maybe never.
                    return "hypothetical"
                if child.dep_ == "aux":
                    aux = child.lower_
                    if aux in cues.backshifted_future and self._in_past_report(word):
                        modality = _stronger(modality, "future")
                    elif aux in cues.hypothetical_auxiliaries:
                        return "hypothetical"
                    if aux in cues.future_auxiliaries:
                        modality = _stronger(modality, "future")
                if child.dep_ == "amod" and child.lemma_.lower() in cues.future_intents:
                    modality = _stronger(modality, "future")
            if word != token:
                if lemma in cues.hypothetical_intents:
                    return "hypothetical"
                if lemma in cues.future_intents:
                    modality = _stronger(modality, "future")
                if lemma in cues.reporting_verbs and modality == "asserted":
                    modality = "reported"
            if not _climbs(word, self.cues.light_verbs):
                break
            word = word.head
        if modality == "asserted" and "according to" in sentence.span.text.lower():
            modality = "reported"
        return modality

    def _in_past_report(self, verb: Token) -> bool:
        """Whether `verb` heads what a reporting verb in the past reports ("Iraq said it would ..."),
        with no condition set on it ("said he would visit if the talks stay on track" stays hypothetical)."""
        head = verb.head
        return (
            verb.dep_ == "ccomp"
            and head.lemma_.lower() in self.cues.reporting_verbs
            and head.tag_ in ("VBD", "VBN", "VBG")
            and not self._conditions(verb)
        )

    def _offered(self, token: Token) -> bool:
        """Whether the act is offered with a word of readiness ("is willing to", "is ready to")."""
        return any(verb.lemma_.lower() in self.cues.future_intents for verb in self._act_verbs(token)[1:])

    def _threatens(self, conditions: list[Token], type_name: str, negated: bool) -> bool:
        """Whether conditions set on an act make it a threat (cues: conditional_threats)."""
        markers = {m.lower_ for c in conditions for m in c.children if m.dep_ == "mark"}
        return bool(markers & self.cues.threat_markers) or negated or self.ontology.quad_class(type_name) in (3, 4)

    def _own_word(self, token: Token, sentence: _Sentence, sources: list[Mention]) -> bool:
        """Whether the act is promised by its own source: told by a reporting verb whose subject is
        the source ("Nigeria announced it will withdraw ... unless"), or, with no one reporting it,
        stated as what will happen ("Iran will close the strait unless ..."). Analysts saying that
        Israel would retaliate if attacked are making a prediction, not a threat."""
        reporter = self._reporting_verb(token)
        if reporter is not None:
            return bool(_whos(self._subjects(reporter, sentence)) & _whos(sources))
        return any(
            child.dep_ == "aux" and child.lower_ in self.cues.future_auxiliaries
            for verb in self._act_verbs(token)
            for child in verb.children
        )

    def _threat_mode(self, type_name: str) -> str | None:
        intent = self.cues.intent_types.get(type_name)
        if intent is not None and intent[0] == "THREATEN":
            return intent[1]
        return self.cues.threat_modes.get(type_name)

    def _reported(self, token: Token, sentence: _Sentence) -> bool:
        """Whether the act is told by a reporting verb it depends on, or "according to" someone."""
        return self._reporting_verb(token) is not None or "according to" in sentence.span.text.lower()

    def _reporting_verb(self, token: Token) -> Token | None:
        """The nearest reporting verb the act depends on, through the clause words that pass on
        what holds of them (`_climbs`): "said" in "Iraq said it would allow ..."."""
        word = token
        for _ in range(8):
            if word != token and word.lemma_.lower() in self.cues.reporting_verbs:
                return word
            if not _climbs(word, self.cues.light_verbs):
                return None
            word = word.head
        return None

    def _act_conditions(self, token: Token) -> list[Token]:
        """The conditional clauses on the verbs of the act's own clause."""
        return [c for verb in self._act_verbs(token) for c in self._conditions(verb)]

    def _conditions(self, verb: Token) -> list[Token]:
        """The conditional clauses on `verb` ("... if the talks stay on track", "unless Baghdad accepts",
        "only after it reached a deal")."""
        cues = self.cues
        return [
            child
            for child in verb.children
            if child.dep_ == "advcl"
            and any(
                (m.dep_ == "mark" and m.lower_ in cues.conditional_markers)
                or (m.dep_ == "advmod" and m.lower_ in cues.condition_focus)
                or (m.dep_ == "mark" and any(f.lower_ in cues.condition_focus for f in m.children))
                for m in child.children
            )
        ]

    # --- when and where -----------------------------------------------------------------------

    def _date_expression(self, token: Token, sentence: _Sentence) -> str | None:
        """The date expression of the trigger's own clause if it has one, else the sentence's first."""
        dates = sentence.dates
        if not dates:
            return None
        path = {word.i for word in self._clause_path(token)}
        for ent in dates:
            if ent.root.head.i in path or ent.root.i in path or ent.root.head.head.i in path:
                return ent.text
        # Else the sentence's first date that no other verb governs: in "Iran demands that Washington
        # lift the sanctions imposed since 2018", 2018 is when the sanctions were imposed.
        for ent in dates:
            verb = next((w for w in ent.root.ancestors if w.pos_ in ("VERB", "AUX")), None)
            if verb is None or verb.i in path:
                return ent.text
        return None

    def _place(self, token: Token, sentence: _Sentence) -> Place | None:
        """The place named for the act: "in Tehran", "in Beirut, Lebanon", on the trigger's clause
        first, else anywhere in the sentence (news sentences rarely name two places for two acts)."""
        depth = {word.i: n for n, word in enumerate(self._clause_path(token))}
        candidates = [
            word
            for word in sentence.span
            if word.dep_ == "pobj" and word.head.dep_ == "prep" and word.head.lower_ in self.cues.place_prepositions
        ]
        # Nearest to the trigger's own clause first; then in sentence order.
        candidates.sort(key=lambda word: depth.get(word.head.head.i, len(depth)))
        for word in candidates:
            place = self._place_of(word, sentence)
            if place is not None:
                return place
        return None

    def _place_of(self, token: Token, sentence: _Sentence) -> Place | None:
        mention = sentence.owner.get(token.i)
        if mention is None and token.ent_type_ not in _PLACE_ENTITIES:
            return None
        name = mention.text if mention is not None else _entity_text(token)
        within = None
        for child in token.children:
            if child.dep_ == "appos" and (beside := sentence.owner.get(child.i)) is not None and beside.actor:
                within = beside.actor.country
        return resolve_place(name, mention.actor if mention is not None else None, within=within)


# Dependencies through which a verb's negation, modal or intent reaches a trigger below it: the
# complements and coordinated verbs of its clause, not its adverbial clauses or relative clauses.
_CLAUSE = frozenset({"xcomp", "ccomp", "conj", "acomp", "dobj", "nsubjpass", "attr", "oprd", "pcomp", "acl"})


def _past_perfect(token: Token) -> bool:
    """ "had sent", "had been attacked": a past participle under the auxiliary "had"."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    return verb.tag_ == "VBN" and any(child.dep_ == "aux" and child.lower_ in ("had", "'d") for child in verb.children)


def _climbs(word: Token, carriers: frozenset[str]) -> bool:
    """Whether what holds of `word`'s head holds of `word`: a prepositional object only passes
    when a light verb carries it ("will provide Hamas with support"), not when the phrase only says
    how or where ("should be viewed in concert with the talks": "should" is not about the talks)."""
    if word.head == word:
        return False
    if word.dep_ in _CLAUSE:
        return True
    if word.dep_ == "pobj":
        return word.head.dep_ == "prep" and word.head.head.lemma_.lower() in carriers
    if word.dep_ == "prep":
        return word.head.lemma_.lower() in carriers
    return False


def _circumstance(clause: Token) -> bool:
    """An adverbial clause opened by a subordinator other than "to": "after ...", "because ...", "when ..."."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ != "to" for c in clause.children)


def _words(tokens: Iterable[Token]) -> set[str]:
    """Lemmas and forms of tokens, lower case."""
    return {w for token in tokens for w in (token.lemma_.lower(), token.lower_)}


def _in_phrase(word: Token, entry: Trigger | None, sentence: _Sentence) -> bool:
    """Whether `word` is one of the entry's `with` words (part of the trigger, not a participant)."""
    if entry is None or not entry.with_ or word.i in sentence.owner:
        return False
    return word.lemma_.lower() in entry.with_ or word.lower_ in entry.with_


def _linking_chain(chains: list[_Found], first: Token, second: Token) -> _Found | None:
    """The chain whose trigger links two words: the lowest trigger governing both, else one
    governing either (nearest to the other), else the nearest trigger in the sentence."""
    triggers = [(chain, found.token) for chain in chains for found in (chain, *chain.inner)]
    if not triggers:
        return None
    above_first = {word.i: depth for depth, word in enumerate((first, *first.ancestors))}
    above_second = {word.i: depth for depth, word in enumerate((second, *second.ancestors))}
    both = [
        (above_first[t.i] + above_second[t.i], c, t) for c, t in triggers if t.i in above_first and t.i in above_second
    ]
    if both:
        return min(both, key=lambda item: item[0])[1]
    either = [(c, t) for c, t in triggers if t.i in above_first or t.i in above_second]
    pool = either or triggers
    return min(pool, key=lambda item: min(abs(item[1].i - first.i), abs(item[1].i - second.i)))[0]


def _complement_auxiliaries(token: Token) -> set[str]:
    """The auxiliaries of a word's clausal complements ("said Sudan must return", "a reminder that
    Iraq must cooperate": must)."""
    return {aux.lower_ for c in token.children if c.dep_ in ("ccomp", "acl") for aux in c.children if aux.dep_ == "aux"}


def _dated(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _entity_text(token: Token) -> str:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


def _stronger(current: Modality, new: Modality) -> Modality:
    return new if _RANK[new] > _RANK[current] else current


def _whos(mentions: list[Mention]) -> set[str]:
    return {_who(m) for m in mentions}


def _who(mention: Mention) -> str:
    actor = mention.actor
    return actor.id if actor is not None else mention.text.casefold()


def _pairs(sources: list[Mention], targets: list[Mention], *, symmetric: bool) -> list[tuple[Mention, Mention | None]]:
    """One (source, target) per pair of participants; "X and Y met" pairs the sides of a symmetric act."""
    if not targets and symmetric and len(sources) > 1:
        sides = [m for i, m in enumerate(sources) if all(_who(m) != _who(o) for o in sources[:i])]
        return [(a, b) for i, a in enumerate(sides) for b in sides[i + 1 :]]
    if not targets:
        return [(source, None) for source in sources]
    return [(s, t) for s in sources for t in targets if _who(s) != _who(t)]
