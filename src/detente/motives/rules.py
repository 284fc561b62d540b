"""The rule-based motive extractor: patterns from the data file, actors and goals from the dependency parse.

For each sentence that names an actor:
1. Triggers: words whose part of speech and lemma a pattern lists ("wants", "fear", "keen",
   "opportunity"), or adverbial clauses whose opening words a clause pattern lists ("to protect",
   "so that"), with the pattern's conditions met (the preposition it sits under, the verb that
   carries it, the voice). For one word the patterns are tried in file order; the first that finds
   both an actor and a goal wins.
2. Actor and goal: each pattern's roles are paths on the parse (see patterns.yaml); the actor is the
   resolved mention at the first role that holds one (or inside it: "the junta in Bamako"), one
   motive per coordinated actor; the goal is the phrase at the first role that holds a word, one
   motive per coordinated infinitive ("seek to win X and to secure Y").
3. Goal phrase: the goal word's subtree, without what is not the goal: motives of their own (a
   purpose clause inside it), coordinated goals, clauses of reason or circumstance, what follows a
   dash, the opening "to"/"that" and the closing punctuation (phrase.py).
4. How it counts: polarity -1 when the trigger, or the word that carries it, is negated or denied
   ("does not want", "has no plans to", "denied any intention to"); modality hypothetical, future or
   reported from questions, conditions, modal auxiliaries and reporting verbs above the trigger.
5. Concerns: the first other resolved actor named in the goal (not in a place phrase, not a
   possessive that points back at the actor), else at the pattern's `concerns` roles.

Every word list is data (data/motives/*.yaml, and the event coder's cues for negation, modality and
reporting); this module holds only the grammar.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.events.lexicon import Cues, load_cues
from detente.models import Mention, Modality, Motive
from detente.motives.patterns import (
    MotiveCues,
    MotivePattern,
    MotivePatterns,
    Role,
    Step,
    load_motive_cues,
    load_patterns,
)
from detente.motives.phrase import GoalPhrase, goal_phrase
from detente.nlp.coreference import is_pleonastic
from detente.nlp.mentions import sentences_with_actors
from detente.nlp.pipeline import ParsedArticle

# Words inside these names are never triggers: "the Hope Party", "Operation Desert Shield".
_SKIP_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "LAW", "WORK_OF_ART", "PRODUCT", "EVENT"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
# Dependencies through which a verb without a subject shares the subject of the word it hangs on.
_SHARES_SUBJECT = frozenset({"xcomp", "conj", "advcl", "acomp"})
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
# Dependencies searched below a role word for the actor it stands for ("the head of Hamas").
_INSIDE = frozenset({"poss", "compound", "amod", "prep", "pobj", "appos", "nmod"})
# Dependencies by which a noun hangs from the verb that carries it.
_CARRIED = frozenset({"dobj", "attr", "nsubj", "nsubjpass", "oprd", "acomp", "dative", "csubj"})
# Dependencies that keep a word in the clause of the word above it: auxiliaries and conditions on
# that word also hold of it ("could have an interest", "if Iran wants").
_SAME_CLAUSE = frozenset(
    {"xcomp", "acomp", "dobj", "pobj", "pcomp", "prep", "attr", "oprd", "nsubj", "nsubjpass", "csubj", "agent"}
)
_RANK: dict[Modality, int] = {"asserted": 0, "reported": 1, "future": 2, "hypothetical": 3}
_NEGATING_DEPS = frozenset({"neg", "det", "advmod", "preconj"})


@dataclass(frozen=True, slots=True)
class _Sentence:
    span: Span
    offset: int
    index: int
    owner: dict[int, Mention]  # token index -> the mention that token is part of
    detached: frozenset[int]  # roots of constructions cut out of goal phrases (purpose clauses)
    cues: MotiveCues


@dataclass(frozen=True, slots=True)
class _Found:
    """A motive before it becomes a record: its trigger and goal words, for de-duplication."""

    motive: Motive
    trigger: int
    goal_head: int


class RuleExtractor:
    """Extracts motives from the dependency parse with the packaged patterns and cues."""

    def __init__(
        self,
        *,
        patterns: MotivePatterns | None = None,
        cues: MotiveCues | None = None,
        event_cues: Cues | None = None,
    ) -> None:
        self.patterns = patterns or load_patterns()
        self.cues = cues or load_motive_cues()
        self.event_cues = event_cues or load_cues()

    # --- the stage interface ------------------------------------------------------------------

    def extract(self, parsed: ParsedArticle, mentions: tuple[Mention, ...]) -> tuple[Motive, ...]:
        starts = [s.start for s in parsed.sentences]
        motives: list[Motive] = []
        for offset, _doc, span, owner in sentences_with_actors(parsed, mentions):
            first_char = offset + span.start_char + len(span.text) - len(span.text.lstrip())
            index = max(0, bisect.bisect_right(starts, first_char) - 1)
            detached = self._detached(span, owner)
            sentence = _Sentence(span, offset, index, owner, detached, self.cues)
            motives.extend(self._sentence_motives(parsed, sentence))
        return tuple(motives)

    def _sentence_motives(self, parsed: ParsedArticle, sentence: _Sentence) -> Iterator[Motive]:
        found: list[_Found] = []
        for token in sentence.span:
            for pattern in self._candidates(token, sentence):
                results = list(self._apply(parsed, sentence, token, pattern))
                if results:
                    found.extend(results)
                    break
        # "seeks to gain influence": the goal's own trigger ("gain") says nothing more for the same actor.
        goals = {(f.goal_head, _who(f.motive.actor)) for f in found if f.goal_head != f.trigger}
        seen: set[tuple[str, str]] = set()
        for item in found:
            key = (_who(item.motive.actor), item.motive.goal.casefold())
            if (item.trigger, _who(item.motive.actor)) in goals or key in seen:
                continue
            seen.add(key)
            yield item.motive

    # --- triggers -----------------------------------------------------------------------------

    def _candidates(self, token: Token, sentence: _Sentence) -> Iterator[MotivePattern]:
        if token.i in sentence.owner or token.ent_type_ in _SKIP_ENTITIES:
            return
        lemma, word = token.lemma_.lower(), token.lower_
        if token.pos_ == "ADJ" or (token.pos_ == "VERB" and token.dep_ in ("acomp", "amod")):
            yield from self._checked(token, "adj", (lemma, word))
        if token.pos_ == "VERB" or _verbal_noun(token):
            yield from self._checked(token, "verb", (lemma,))
        if token.pos_ == "NOUN":
            yield from self._checked(token, "noun", (lemma, word))
        if token.dep_ == "advcl" and token.pos_ in ("VERB", "AUX") and self._purpose_of_subject(token):
            markers = _markers(token)
            for pattern in self.patterns.clauses:
                if markers in pattern.markers and self._conditions(token, pattern):
                    yield pattern

    def _purpose_of_subject(self, clause: Token) -> bool:
        """Whether an adverbial clause can be the purpose of its verb's subject: not a passive
        infinitive ("supplies *to be distributed*"), not an infinitive the parser hung on the verb but
        that belongs to its object ("urged Iran *to stop*", "gave diplomats 48 hours *to leave*") or to
        the noun before it ("rejected calls *to take sides*"), not under a verb of refusal."""
        verb = clause.head
        # A bare indirect object ("gave the diplomats 48 hours") is who the infinitive is for.
        if _passive(clause) or any(c.dep_ == "dative" and c.pos_ != "ADP" for c in verb.children):
            return False
        if verb.lemma_.lower() in self.cues.object_control_verbs | self.cues.negating_verbs:
            return False
        first = min(t.i for t in clause.subtree)
        before = clause.doc[first - 1] if first > 0 else None
        return before is None or before.lemma_.lower() not in self.cues.request_nouns

    def _checked(self, token: Token, pos: str, words: tuple[str, ...]) -> Iterator[MotivePattern]:
        seen: set[str] = set()
        for word in words:
            for pattern in self.patterns.candidates(pos, word):
                if pattern.id not in seen and self._conditions(token, pattern):
                    seen.add(pattern.id)
                    yield pattern

    def _conditions(self, token: Token, pattern: MotivePattern) -> bool:
        if pattern.under and not _under(token, pattern.under):
            return False
        if pattern.carriers:
            carrier = _carrier(token, pattern)
            if carrier is None or carrier.lemma_.lower() not in pattern.carriers:
                return False
        if pattern.voice is not None and (pattern.voice == "passive") != _passive(token):
            return False
        return not (pattern.without and any({c.lower_, c.lemma_.lower()} & pattern.without for c in token.children))

    def _detached(self, span: Span, owner: dict[int, Mention]) -> frozenset[int]:
        """Roots of the detachable constructions of a sentence ("in order to Z", "to Z" clauses): a goal
        phrase that holds one stops short of it, as it is a motive of its own."""
        roots: set[int] = set()
        sentence = _Sentence(span, 0, 0, owner, frozenset(), self.cues)
        for token in span:
            for pattern in self._candidates(token, sentence):
                if pattern.detach:
                    roots.add(token.head.i if pattern.pos == "noun" else token.i)
                    break
        return frozenset(roots)

    # --- one pattern on one trigger -----------------------------------------------------------

    def _apply(
        self, parsed: ParsedArticle, sentence: _Sentence, token: Token, pattern: MotivePattern
    ) -> Iterator[_Found]:
        actors = self._first_actors(token, pattern, pattern.actor, sentence)
        if not actors:
            return
        actor_tokens = {i for i, m in sentence.owner.items() if m in actors}
        heads = [w for w in self._first_words(token, pattern, pattern.goal, sentence) if w.i not in actor_tokens]
        if not heads:
            return
        # A purpose clause is the goal of the act it modifies: the act says how it counts, and the
        # clause's own negation or modal is part of the goal ("so that Hamas could not smuggle arms").
        modality = self._modality(token.head if pattern.pos == "clause" else token, sentence)
        for head in heads:
            for goal in goal_phrase(head, sentence.span, detached=sentence.detached, cues=self.cues):
                for actor in actors:
                    negated = pattern.pos != "clause" and self._negated(token, pattern, actor, sentence)
                    polarity = -1 if negated else 1
                    phrase = _without_actor(goal, actor, sentence)
                    if phrase is None:
                        continue
                    concerns = self._concerns(phrase, actor, token, pattern, sentence)
                    first = min(token.idx, phrase.tokens[0].idx)
                    last = max(token.idx + len(token.text), phrase.tokens[-1].idx + len(phrase.tokens[-1].text))
                    motive = Motive(
                        article_id=parsed.article.id,
                        sentence_index=sentence.index,
                        start=sentence.offset + first,
                        end=sentence.offset + last,
                        actor=actor,
                        goal=phrase.text,
                        category=pattern.category,
                        evidence=sentence.span.text.strip(),
                        concerns=concerns,
                        polarity=polarity,
                        modality=modality,
                        date=parsed.article.date,
                        rule_id=pattern.id,
                    )
                    yield _Found(motive, token.i, goal.head.i)

    def _first_actors(
        self, token: Token, pattern: MotivePattern, roles: Iterable[Role], sentence: _Sentence
    ) -> list[Mention]:
        for role in roles:
            found: list[Mention] = []
            for word in _walk(token, role, pattern, sentence):
                for mention in _mentions_at(word, sentence):
                    if mention not in found:
                        found.append(mention)
            if found:
                return found
        return []

    @staticmethod
    def _first_words(token: Token, pattern: MotivePattern, roles: Iterable[Role], sentence: _Sentence) -> list[Token]:
        for role in roles:
            itself = role.steps[-1].name == "self"
            words = [w for w in _walk(token, role, pattern, sentence) if (itself or w.i != token.i) and not _empty(w)]
            if words:
                return words
        return []

    def _concerns(
        self, phrase: GoalPhrase, actor: Mention, token: Token, pattern: MotivePattern, sentence: _Sentence
    ) -> Mention | None:
        """The other actor the motive is about: named in the goal (names before pronouns, and both
        before places: "*Hamas* can work in Gaza"), else at the pattern's `concerns` roles ("ties with
        *Qatar* give Turkey a chance to ...")."""
        candidates: list[tuple[bool, bool, Mention]] = []
        for word in phrase.tokens:
            mention = sentence.owner.get(word.i)
            if mention is None or mention.actor is None or _who(mention) == _who(actor):
                continue
            if mention.text.lower() in self.cues.self_words or any(m is mention for *_, m in candidates):
                continue
            candidates.append((self._is_place(word), mention.resolved_by == "coreference", mention))
        if candidates:
            return min(candidates, key=lambda c: (c[0], c[1]))[2]
        for role in pattern.concerns:
            for word in _walk(token, role, pattern, sentence):
                for mention in _mentions_at(word, sentence, any_preposition=True):
                    if _who(mention) != _who(actor):
                        return mention
        return None

    def _is_place(self, word: Token) -> bool:
        """A name after "in", "near"... says where, not whom ("its influence in Latin America")."""
        while word.dep_ in ("compound", "conj", "appos") and word.head != word:
            word = word.head
        return (
            word.dep_ == "pobj" and word.head.dep_ == "prep" and word.head.lower_ in self.event_cues.place_prepositions
        )

    # --- how the motive counts ------------------------------------------------------------------

    def _negated(self, token: Token, pattern: MotivePattern, actor: Mention, sentence: _Sentence) -> bool:
        """A negation on the trigger or on the words that carry it ("does not want", "has no plans",
        "is not keen"), a verb by which the actor denies it ("denied any intention to"; not "Egypt
        rejected Hamas's demand for ...": the demand stands) or "a lack of"."""
        words = [token]
        word = token
        # Up to the word that carries the trigger ("has no plans", "is not keen"); a verb only through
        # the verb it complements ("does not seem to want"), not the verb it is coordinated with
        # ("does not want X but fears Y"); a purpose clause's carrier is another act.
        climbs = frozenset({"xcomp"}) if pattern.pos == "verb" else _SAME_CLAUSE | {"conj"}
        while pattern.pos != "clause" and word.dep_ in climbs and word.head != word:
            word = word.head
            words.append(word)
            if word.pos_ in ("VERB", "AUX"):
                break
        negation = self.event_cues.negation_words
        for word in words:
            if any(c.dep_ in _NEGATING_DEPS and c.lower_ in negation for c in word.children):
                return True
            if word == token:
                continue
            lemma = word.lemma_.lower()
            if word.pos_ == "NOUN" and lemma in self.cues.negating_nouns:
                return True
            if word.pos_ == "VERB" and lemma in self.cues.negating_verbs:
                deniers = [m for s in _subjects(word, sentence) for m in _mentions_at(s, sentence)]
                if all(_who(m) == _who(actor) for m in deniers):
                    return True
        return False

    def _modality(self, token: Token, sentence: _Sentence) -> Modality:
        cues = self.event_cues
        if sentence.span.text.rstrip().endswith("?"):
            return "hypothetical"
        modality: Modality = "asserted"
        own_clause = True
        word = token
        for _ in range(10):
            for child in word.children if own_clause else ():
                if child.dep_ == "mark" and child.lower_ in cues.conditional_markers:
                    return "hypothetical"
                if child.dep_ == "aux" and child.lower_ in cues.hypothetical_auxiliaries:
                    return "hypothetical"
                if child.dep_ == "aux" and child.lower_ in cues.future_auxiliaries:
                    modality = _stronger(modality, "future")
            if word != token and word.lemma_.lower() in cues.reporting_verbs:
                modality = _stronger(modality, "reported")
            # A relative clause's verb says nothing of the noun it describes.
            if word.head == word or word.dep_ in ("relcl", "acl"):
                break
            own_clause = own_clause and word.dep_ in _SAME_CLAUSE
            word = word.head
        if modality == "asserted" and "according to" in sentence.span.text.lower():
            modality = "reported"
        return modality


# --- steps of a role path -------------------------------------------------------------------------


def _walk(token: Token, role: Role, pattern: MotivePattern, sentence: _Sentence) -> list[Token]:
    """The words a role path reaches from the trigger, in sentence order."""
    words = [token]
    for step in role.steps:
        words = [found for word in words for found in _step(word, step, pattern, sentence, word == token)]
    return sorted({w.i: w for w in words}.values(), key=lambda w: w.i)


def _step(word: Token, step: Step, pattern: MotivePattern, sentence: _Sentence, at_trigger: bool) -> list[Token]:
    name = step.name
    if name == "self":
        return [word]
    if name == "subject":
        return _subjects(word, sentence)
    if name == "object":
        return [c for c in word.children if c.dep_ == "dobj"]
    if name == "dative":
        datives = [c for c in word.children if c.dep_ == "dative"]
        return [p for d in datives for p in ((*_objects_of(d),) if d.pos_ == "ADP" else (d,))]
    if name == "agent":
        return [p for c in word.children if c.dep_ == "agent" for p in _objects_of(c)]
    if name == "owner":
        return [c for c in word.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    if name == "xcomp":
        return _infinitives(word)
    if name == "ccomp":
        return _that_clauses(word)
    if name == "complement":
        return (
            _infinitives(word)
            or _that_clauses(word)
            or [c for c in word.children if c.dep_ in ("attr", "oprd", "acomp")]
        )
    if name == "carrier":
        carrier = _carrier(word, pattern) if at_trigger else _carrier_of_noun(word)
        return [] if carrier is None else [carrier]
    # prep:W, pobj:W, pcomp:W
    found = []
    for child in word.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == step.word:
            found += [
                c
                for c in child.children
                if (c.dep_ == "pobj" and name != "pcomp") or (c.dep_ == "pcomp" and name != "pobj")
            ]
    return found


def _empty(word: Token) -> bool:
    """A word that cannot be a goal by itself: "stands to gain *most*", "fears *it*"."""
    return word.pos_ in ("ADV", "ADJ", "DET", "NUM", "PRON", "PART") and not any(True for _ in word.children)


def _objects_of(preposition: Token) -> list[Token]:
    return [c for c in preposition.children if c.dep_ in ("pobj", "pcomp")]


def _subjects(verb: Token, sentence: _Sentence) -> list[Token]:
    """Who the verb (or adjective) is about: its subject, else the subject it shares with the word it
    depends on ("Iran is expected to seek", "wants X and fears Y", "is keen to"), else the noun a
    relative clause hangs on ("movements that seek")."""
    word = verb
    below: Token | None = None
    for _ in range(5):
        if below is not None and below.dep_ == "xcomp":
            # "persuaded Hamas to seek": the object of the verb above is who seeks (when it names an
            # actor: "used Afghan soil to plan" is the user's plan).
            objects = [c for c in word.children if c.dep_ == "dobj" and c.i in sentence.owner]
            if objects:
                return objects
        subjects = [c for c in word.children if c.dep_ in _SUBJECTS and c.dep_ != "expl" and not is_pleonastic(c)]
        if subjects:
            return [word.head if s.lower_ in _RELATIVE_PRONOUNS and word.dep_ == "relcl" else s for s in subjects]
        if word.dep_ == "relcl" or (word.dep_ == "acl" and word.tag_ in ("VBG", "VBN")):
            return [word.head]
        if word.dep_ not in _SHARES_SUBJECT or word.head == word:
            return []
        if word.dep_ == "conj" and word.head.pos_ not in ("VERB", "AUX", "ADJ"):
            return []
        below, word = word, word.head
    return []


def _infinitives(word: Token) -> list[Token]:
    """Infinitive (or gerund) complements: "wants to go", "a plan to go", "a chance for Iran to go"."""
    if _verbal_noun(word):
        return [c for c in word.children if c.dep_ in ("xcomp", "acl")]
    if word.pos_ in ("NOUN", "PROPN"):
        return [c for c in word.children if c.dep_ in ("acl", "advcl", "relcl") and any(_is_to(g) for g in c.children)]
    return [c for c in word.children if c.dep_ == "xcomp"]


def _that_clauses(word: Token) -> list[Token]:
    if word.pos_ in ("NOUN", "PROPN") and not _verbal_noun(word):
        return [c for c in word.children if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" for g in c.children)]
    # A clause before the verb is its object only across a comma ("Iran could strike, Israel fears"),
    # not across a colon or a dash ("the logic is simple: it needs ..."); a clause with no subject is
    # a misparse ("an officer wanted over X was extradited": "wanted" read as the main verb).
    return [
        c
        for c in word.children
        if c.dep_ == "ccomp"
        and (c.i > word.i or not _break_between(c, word))
        and any(g.dep_ in _SUBJECTS or g.dep_ == "expl" for g in c.children)
    ]


def _break_between(clause: Token, word: Token) -> bool:
    end = max(t.i for t in clause.subtree)
    return any(t.text in (":", ";", "–", "—") for t in word.doc[end : word.i])


def _verbal_noun(token: Token) -> bool:
    """A plural noun coordinated with a verb is a misread verb: "hopes to limit X, and fears losing Y"."""
    return token.pos_ == "NOUN" and token.tag_ == "NNS" and token.dep_ == "conj" and token.head.pos_ == "VERB"


def _carrier(token: Token, pattern: MotivePattern) -> Token | None:
    """The word that carries a trigger: the verb a noun is object, attribute or subject of (or in a
    phrase of), the copula of an adjective, the verb a verb trigger complements, the verb a clause
    modifies."""
    if pattern.pos == "clause":
        return None if token.head == token else token.head
    if pattern.pos == "verb":
        return token.head if token.dep_ == "xcomp" else None
    return _carrier_of_noun(token)


def _carrier_of_noun(token: Token) -> Token | None:
    word = token
    while word.dep_ == "conj" and word.head != word:
        word = word.head
    if word.dep_ in ("pobj", "pcomp") and word.head.dep_ in ("prep", "agent", "dative"):
        head = word.head.head
        if head.dep_ == "prep" and head.pos_ == "ADP":  # a two-word preposition: "out of concern"
            head = head.head
    elif word.dep_ in _CARRIED:
        head = word.head
    else:
        return None
    return head if head.pos_ in ("VERB", "AUX") and head != word else None


def _under(token: Token, prepositions: frozenset[str]) -> bool:
    """Whether a noun is the object of one of the prepositions ("in order", "out of concern")."""
    if token.dep_ not in ("pobj", "pcomp"):
        return False
    preposition = token.head
    two = f"{preposition.head.lower_} {preposition.lower_}"
    return preposition.lower_ in prepositions or two in prepositions


def _passive(token: Token) -> bool:
    """A passive verb, or a passive participle modifying a noun ("an officer wanted over the genocide")."""
    if token.tag_ == "VBN" and token.dep_ == "acl":
        return True
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def _is_to(token: Token) -> bool:
    return token.dep_ == "aux" and token.lower_ == "to"


def _markers(clause: Token) -> str:
    """The opening words of an adverbial clause: its subordinators and infinitive "to", in order."""
    words = [c for c in clause.children if c.i < clause.i and (c.dep_ == "mark" or _is_to(c))]
    return " ".join(w.lower_ for w in sorted(words, key=lambda w: w.i))


# --- mentions on tokens -------------------------------------------------------------------------


def _mentions_at(token: Token, sentence: _Sentence, *, any_preposition: bool = False) -> list[Mention]:
    """The resolved actors a role word stands for: itself and its conjuncts, or an actor inside it
    (through any preposition when `any_preposition`: "ties *with Qatar*" for the other actor)."""
    found: list[Mention] = []
    for word in (token, *token.conjuncts):
        mention = sentence.owner.get(word.i)
        if mention is None or mention.actor is None:
            mention = _inside(word, sentence, any_preposition=any_preposition)
        if mention is not None and mention.actor is not None and mention not in found:
            found.append(mention)
    return found


def _inside(token: Token, sentence: _Sentence, *, any_preposition: bool = False, depth: int = 3) -> Mention | None:
    """The nearest resolved mention below a role word: "the junta in Bamako", "Iran's decision" (not
    "Venezuela's neighbours")."""
    if token.lemma_.lower() in sentence.cues.other_party_nouns:
        return None
    frontier = [token]
    for _ in range(depth):
        frontier = [
            child
            for word in frontier
            for child in word.children
            if child.dep_ in _INSIDE
            and (child.dep_ != "prep" or any_preposition or child.lower_ in sentence.cues.member_prepositions)
        ]
        for word in frontier:
            mention = sentence.owner.get(word.i)
            if mention is not None and mention.actor is not None:
                return mention
    return None


def _without_actor(goal: GoalPhrase, actor: Mention, sentence: _Sentence) -> GoalPhrase | None:
    """The goal without the actor's own words ("an opportunity *for Iran* to rebuild"); None when
    nothing else is left."""
    kept = tuple(t for t in goal.tokens if sentence.owner.get(t.i) is not actor)
    if not kept:
        return None
    if len(kept) == len(goal.tokens):
        return goal
    return goal.narrowed(kept)


def _who(mention: Mention) -> str:
    actor = mention.actor
    return actor.id if actor is not None else mention.text.casefold()


def _stronger(current: Modality, new: Modality) -> Modality:
    return new if _RANK[new] > _RANK[current] else current
