"""The actor dictionaries: countries, organisations, people and agent words, read from YAML files.

Four files ship in `detente/data/actors/` and analysts may add their own in the same format
(see docs/actors.md). Country codes and official names are not typed into the YAML: they come from
pycountry when the dictionary loads, so they follow ISO 3166 as pycountry ships it. The YAML adds
what pycountry lacks: name variants, demonyms, capitals, the seats of government that stand for a
government in news text ("the Kremlin said"), the regions that are places of a country ("Darfur") and
the ethnic or religious groups tied to one country ("Yoruba").

Every entry is validated as it loads; a bad entry raises `DataError` (D302) naming the file and the
entry, so an analyst can find the line to fix.

Ids form one namespace that `ActorDictionary.actor()` resolves to a `detente.models.Actor`:

    IRN             the government of a country (ISO 3166 alpha-3)
    USA-MIL         a country with another sector (the Pentagon, "Iranian troops")
    hamas           an organisation (lower-case slug)
    ali-khamenei    a person (lower-case slug; the sector depends on the date)
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Literal, cast

import pycountry
import yaml

from detente.errors import DataError, Messages
from detente.models import Actor

__all__ = [
    "SECTORS",
    "STATELESS",
    "ActorDictionary",
    "AgentTerm",
    "CountryEntry",
    "OrganisationEntry",
    "PersonEntry",
    "Role",
    "Seat",
    "Standing",
    "Surface",
    "load_dictionary",
]

# The sector codes an entry may use (PLOVER/CAMEO actor types), with what each means.
SECTORS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "GOV": "government",
        "MIL": "military",
        "COP": "police and internal security",
        "SPY": "intelligence",
        "JUD": "judiciary",
        "LEG": "legislature",
        "PTY": "political party",
        "OPP": "opposition",
        "REB": "rebels and armed groups",
        "INS": "insurgents",
        "SEP": "separatists",
        "UAF": "unidentified armed forces",
        "CRM": "criminals",
        "CVL": "civilians",
        "BUS": "business",
        "MED": "media",
        "JRN": "journalists",
        "REL": "religion",
        "EDU": "education and research",
        "HLH": "health",
        "REF": "refugees and displaced people",
        "LAB": "labour",
        "AGR": "agriculture",
        "ENV": "environment",
        "HRI": "human rights",
        "DEV": "development",
        "ELI": "former office holders",
        "IGO": "intergovernmental",
        "NGO": "non-governmental",
    }
)

# Codes that stand in the country slot for actors that belong to no one country.
STATELESS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "IGO": "intergovernmental organisation",
        "NGO": "non-governmental organisation",
        "IMG": "international militant group",
        "MNC": "multinational company",
    }
)

# Sectors that are parts of a state; a country id with any other sector is a group within it.
_STATE_SECTORS: Final = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})

_PACKAGE_FILES: Final = ("countries.yaml", "organisations.yaml", "people.yaml", "agents.yaml")
_SECTIONS: Final = ("countries", "organisations", "people", "agents")

# The keys each kind of entry may have; anything else is a typo, and silently ignoring it would
# hide data the analyst thinks is loaded.
_FIELDS: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {
        "countries": frozenset(
            {
                "name",
                "iso2",
                "status",
                "aliases",
                "demonyms",
                "people",
                "capital",
                "seats",
                "regions",
                "groups",
                "replace",
            }
        ),
        "organisations": frozenset(
            {"id", "name", "kind", "country", "sector", "cameo", "aliases", "parent", "wikidata", "replace"}
        ),
        "people": frozenset({"id", "name", "aliases", "wikidata", "died", "roles", "replace"}),
        "agents": frozenset({"term", "sector", "plural", "variants", "kind", "local", "replace"}),
        "role": frozenset({"office", "actor", "sector", "start", "end"}),
        "seat": frozenset({"name", "sector"}),
    }
)
# In a user file these fields add to what the entry already has; every other field replaces.
_LIST_FIELDS: Final = frozenset(
    {"aliases", "demonyms", "people", "seats", "regions", "groups", "roles", "plural", "variants"}
)

_SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO3: Final = re.compile(r"[A-Z]{3}")
_CAMEO: Final = re.compile(r"[A-Z]{3}")
_WIKIDATA: Final = re.compile(r"Q[1-9][0-9]*")
_DATE: Final = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# Letters that Unicode does not decompose but English news writes without the mark (Kılıçdaroğlu).
_ASCII_EXTRA: Final = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss"})

CountryStatus = Literal["member", "observer", "partial"]
OrganisationKind = Literal["organisation", "group"]
AgentKind = Literal["person", "group", "organisation"]
SurfaceForm = Literal["name", "alias", "demonym", "people", "seat", "region"]
_COUNTRY_STATUSES: Final = frozenset({"member", "observer", "partial"})
_ORGANISATION_KINDS: Final = frozenset({"organisation", "group"})
_AGENT_KINDS: Final = frozenset({"person", "group", "organisation"})


@dataclass(frozen=True, slots=True)
class Seat:
    """A place or building whose name stands for part of a state ("the Pentagon" for the US military)."""

    name: str
    sector: str = "GOV"


@dataclass(frozen=True, slots=True)
class CountryEntry:
    """A country: codes and official names from pycountry, everything else from countries.yaml.

    `status` is "member" for UN members, "observer" for UN observer states, "partial" for states with
    limited recognition, and None for territories that are not states. `regions` are places inside the
    country (provinces, states, areas: "Darfur"); `groups` are ethnic or religious groups tied to it
    ("Yoruba"), which stand for its people like `people` does.
    """

    iso3: str
    iso2: str | None
    name: str
    official_name: str | None
    names: tuple[str, ...]
    demonyms: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    capital: str | None = None
    seats: tuple[Seat, ...] = ()
    regions: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    status: CountryStatus | None = None
    source: str = "pycountry"

    @property
    def id(self) -> str:
        return self.iso3


@dataclass(frozen=True, slots=True)
class OrganisationEntry:
    """An organisation or group; `country` is ISO3 or one of STATELESS, `parent` another entry's id."""

    id: str
    name: str
    kind: OrganisationKind
    country: str
    sector: str
    aliases: tuple[str, ...] = ()
    cameo: str | None = None
    parent: str | None = None
    wikidata: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class Role:
    """An office held from `start` to `end`, both days included; `end` None means still in office.

    `actor` is a country (ISO3) or an organisation id. A date given as a year or a month in the YAML
    starts on its first day and ends on its last.
    """

    office: str
    actor: str
    sector: str
    start: dt.date
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a person stands on a day: the actor they belong to, their sector, and the role it rests on.

    `in_office` is False when no role covers the day; the sector is then ELI (former elite).
    """

    actor: str
    sector: str
    role: Role
    in_office: bool


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """A person and the offices they held. Roles are listed in order of precedence where they overlap."""

    id: str
    name: str
    roles: tuple[Role, ...]
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    died: dt.date | None = None
    source: str = ""

    def standing_on(self, day: dt.date | None = None) -> Standing:
        """The person's actor and sector on `day` (None: as the data stands now, with no end date).

        In office: the first listed role that covers the day. Between or after roles: the most recently
        ended role's actor, sector ELI. Before the first role: the earliest role's actor, sector ELI,
        because a person in the news before their first listed office is already a notable of that
        polity, and the role's country is the best guess at where they belong.
        """
        when = dt.date.max if day is None else day
        for role in self.roles:
            if role.covers(when):
                return Standing(role.actor, role.sector, role, in_office=True)
        ended = [role for role in self.roles if role.end is not None and role.end < when]
        if ended:
            last = max(ended, key=lambda role: (role.end or dt.date.max, role.start))
            return Standing(last.actor, "ELI", last, in_office=False)
        first = min(self.roles, key=lambda role: role.start)
        return Standing(first.actor, "ELI", first, in_office=False)

    def role_on(self, day: dt.date) -> Role | None:
        """The first listed role that covers `day`, or None when the person held none that day."""
        return next((role for role in self.roles if role.covers(day)), None)

    def sector_on(self, day: dt.date | None = None) -> str:
        return self.standing_on(day).sector

    def actor_on(self, day: dt.date | None = None) -> str:
        """The id (ISO3 or organisation id) of the actor the person belongs to on `day`."""
        return self.standing_on(day).actor


@dataclass(frozen=True, slots=True)
class AgentTerm:
    """A generic word for a kind of actor ("troops", "officials") and the sector it implies.

    `forms` holds the term, its plurals and variants. `kind` says what one use of the singular names:
    a person ("minister"), a group of people ("police") or an organisation ("ministry").
    `local` says that "in" a country or city, with no owner of its own, the word names that country's
    people of its sector ("protesters in Cairo", "rebels in the Ivory Coast"); words for people who
    are as often abroad as at home (troops, diplomats, refugees) are not local.
    """

    term: str
    sector: str
    forms: tuple[str, ...]
    kind: AgentKind | None = None
    local: bool = False
    source: str = ""


@dataclass(frozen=True, slots=True)
class Surface:
    """One way of writing an actor's name in text, and the id it stands for.

    `exact` marks forms with no lower-case letters ("US", "IS", "PA"): they must be matched with their
    case, because lower-cased they are common words.

    `form` says what kind of form it is: "name" and "alias" (an entry's names), "demonym" (an adjective,
    "Iranian"), "people" (a noun for the nationals or for a group tied to the country, "Iranians",
    "Yoruba"), "seat" (the capital or a seat of government, "the Kremlin") and "region" (a place inside
    a country, "Darfur"). Every form of a country resolves to the country's id, except a seat with
    another sector (`USA-MIL` for "the Pentagon").
    """

    text: str
    id: str
    form: SurfaceForm
    exact: bool


Entry = CountryEntry | OrganisationEntry | PersonEntry


@dataclass(frozen=True, slots=True)
class _Record:
    """One entry's raw YAML mapping and the file it was last written in (for error messages)."""

    source: str
    data: Mapping[str, Any]


@dataclass(frozen=True, eq=False)
class ActorDictionary:
    """Every actor entry and agent term, with lookups by id and by written form."""

    countries: Mapping[str, CountryEntry]
    organisations: Mapping[str, OrganisationEntry]
    people: Mapping[str, PersonEntry]
    agents: Mapping[str, AgentTerm]

    def get(self, entry_id: str) -> Entry:
        """The entry with this id (a country's ISO3, an organisation's or a person's slug)."""
        for table in (self.countries, self.organisations, self.people):
            if entry_id in table:
                return table[entry_id]
        raise KeyError(f"no actor entry with id {entry_id!r}")

    def surfaces(self) -> Iterator[Surface]:
        """Every written form of every actor, countries first, each (text, id) pair once.

        Besides the forms as written in the data, this yields each form without a leading "the"
        ("Kremlin" for "the Kremlin") and without accents ("Erdogan" for "Erdoğan").
        """
        seen: set[tuple[str, str]] = set()
        for surface in self._raw_surfaces():
            for text in _spellings(surface.text):
                if (text, surface.id) not in seen:
                    seen.add((text, surface.id))
                    yield Surface(text, surface.id, surface.form, _is_exact(text))

    def names(self) -> Iterator[tuple[str, str]]:
        """(written form, id) pairs for building a phrase matcher; see `surfaces()` for more detail."""
        for surface in self.surfaces():
            yield surface.text, surface.id

    def ids_for(self, text: str) -> tuple[str, ...]:
        """The ids a written form stands for, each once: case-insensitive, except for `exact` forms."""
        return tuple(
            dict.fromkeys(
                surface.id
                for surface in self._surface_index.get(text.casefold(), ())
                if not surface.exact or surface.text == text
            )
        )

    def clashes(self) -> dict[str, tuple[str, ...]]:
        """Written forms (case-folded) that stand for more than one id: the matcher must disambiguate them."""
        return {
            text: ids
            for text, surfaces in self._surface_index.items()
            if len(ids := tuple(dict.fromkeys(surface.id for surface in surfaces))) > 1
        }

    def agent(self, text: str) -> AgentTerm | None:
        """The agent term one of whose forms is `text` (case-insensitive), or None."""
        return self._agent_index.get(text.casefold())

    def agent_names(self) -> Iterator[tuple[str, str]]:
        """(written form, term) pairs for every agent word."""
        for term in self.agents.values():
            for form in term.forms:
                yield form, term.term

    def actor(self, actor_id: str, *, on: dt.date | None = None) -> Actor:
        """The canonical `Actor` for an id: `IRN`, `USA-MIL`, an organisation id, or a person id.

        `on` only matters for people: their sector is their office's on that day, or ELI outside
        office (see `PersonEntry.standing_on`); None reads the data as it stands now.

        Example: `load_dictionary().actor("IRN").code == "IRNGOV"`.
        """
        if actor_id in self.organisations:
            org = self.organisations[actor_id]
            return Actor(
                org.id, org.name, org.kind, org.country, org.sector, org.aliases, org.wikidata, org.cameo, org.parent
            )
        if actor_id in self.people:
            person = self.people[actor_id]
            standing = person.standing_on(on)
            return Actor(
                person.id,
                person.name,
                "person",
                self._country_of(standing.actor),
                standing.sector,
                person.aliases,
                person.wikidata,
            )
        iso3, _, sector = actor_id.partition("-")
        if iso3 not in self.countries or (sector and sector not in SECTORS):
            raise KeyError(f"no actor with id {actor_id!r}")
        country = self.countries[iso3]
        if not sector or sector == "GOV":
            return Actor(iso3, country.name, "state", iso3, "GOV", country.names)
        kind: Literal["state", "group"] = "state" if sector in _STATE_SECTORS else "group"
        return Actor(f"{iso3}-{sector}", f"{country.name} ({SECTORS[sector]})", kind, iso3, sector)

    def _country_of(self, actor_ref: str) -> str:
        org = self.organisations.get(actor_ref)
        return org.country if org is not None else actor_ref

    def _raw_surfaces(self) -> Iterator[Surface]:
        for country in self.countries.values():
            yield from (Surface(text, country.iso3, "name", False) for text in country.names)
            yield from (Surface(text, country.iso3, "demonym", False) for text in country.demonyms)
            yield from (Surface(text, country.iso3, "people", False) for text in country.people)
            if country.capital:
                yield Surface(country.capital, country.iso3, "seat", False)
            for seat in country.seats:
                seat_id = country.iso3 if seat.sector == "GOV" else f"{country.iso3}-{seat.sector}"
                yield Surface(seat.name, seat_id, "seat", False)
            yield from (Surface(text, country.iso3, "region", False) for text in country.regions)
            yield from (Surface(text, country.iso3, "people", False) for text in country.groups)
        for entry in (*self.organisations.values(), *self.people.values()):
            yield Surface(entry.name, entry.id, "name", False)
            yield from (Surface(text, entry.id, "alias", False) for text in entry.aliases)

    # Built on first use: most callers only need one of the lookups. cached_property writes to the
    # instance __dict__ directly, which a frozen dataclass allows.
    @functools.cached_property
    def _surface_index(self) -> dict[str, tuple[Surface, ...]]:
        index: dict[str, list[Surface]] = {}
        for surface in self.surfaces():
            index.setdefault(surface.text.casefold(), []).append(surface)
        return {text: tuple(surfaces) for text, surfaces in index.items()}

    @functools.cached_property
    def _agent_index(self) -> dict[str, AgentTerm]:
        return {form.casefold(): term for term in self.agents.values() for form in term.forms}


def load_dictionary(*, extra: Sequence[Path | str] = ()) -> ActorDictionary:
    """Load the packaged actor dictionaries, then merge the analyst's own files in `extra`, in order.

    A user file may hold any of the top-level keys `countries`, `organisations`, `people` and
    `agents`. An entry whose id (or ISO3 code, or agent term) already exists extends it: list fields
    (aliases, demonyms, roles, ...) are added to, other fields replace, and `replace: true` replaces
    the whole entry. Raises DataError (D301, D302) for a missing or invalid file or entry.

    Example: `load_dictionary(extra=[Path("my_actors.yaml")]).actor("hamas").sector`.
    Docs: docs/actors.md
    """
    if not extra:
        return _package_dictionary()
    records = {section: dict(table) for section, table in _package_records().items()}
    for path in extra:
        _collect(records, _read_user_file(Path(path)), str(path))
    return _build(records)


@functools.lru_cache(maxsize=1)
def _package_dictionary() -> ActorDictionary:
    return _build({section: dict(table) for section, table in _package_records().items()})


@functools.lru_cache(maxsize=1)
def _package_records() -> dict[str, dict[str, _Record]]:
    records: dict[str, dict[str, _Record]] = {section: {} for section in _SECTIONS}
    folder = resources.files("detente") / "data" / "actors"
    for name in _PACKAGE_FILES:
        resource = folder / name
        if not resource.is_file():
            raise DataError(Messages.D301.format(name=f"actors/{name}"), code="D301")
        _collect(records, _parse_yaml(resource.read_text(encoding="utf-8"), name), name)
    return records


def _read_user_file(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(str(path), None, f"cannot read the file ({exc})") from exc
    return _parse_yaml(text, str(path))


# The C parser, where PyYAML was built with libyaml, reads the data files several times faster.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_SafeLoader):  # type: ignore[valid-type,misc]  # chosen at import time
    """A safe loader that rejects a key given twice in one mapping; PyYAML keeps the last one silently,
    which would let a second `IRN:` block hide the first."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if isinstance(key, str | int) and key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} appears twice in one mapping", key_node.start_mark
            )
        seen.add(key)
    return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay text so that `_Checker.date` reads them: PyYAML's own timestamp reader raises a bare
# ValueError on 2015-13-01, which would lose the file and entry from the message.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


def _parse_yaml(text: str, source: str) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.YAMLError as exc:
        raise _error(source, None, f"not valid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise _error(source, None, "the file must be a mapping with keys " + ", ".join(_SECTIONS))
    unknown = sorted(str(key) for key in data if key not in _SECTIONS)
    if unknown:
        raise _error(source, None, f"unknown top-level key(s) {unknown}; use " + ", ".join(_SECTIONS))
    return data


def _collect(records: dict[str, dict[str, _Record]], data: Mapping[str, Any], source: str) -> None:
    """Add one file's entries to `records`, merging into entries that already exist."""
    countries = data.get("countries") or {}
    if not isinstance(countries, dict):
        raise _error(source, None, "`countries` must be a mapping from ISO3 code to entry")
    for code, fields in countries.items():
        key = str(code)
        if not isinstance(fields, dict):
            raise _error(source, key, "a country entry must be a mapping")
        _put(records["countries"], key, fields, source)

    seen_here: set[str] = set()
    for section, key_field in (("organisations", "id"), ("people", "id"), ("agents", "term")):
        entries = data.get(section) or []
        if not isinstance(entries, list):
            raise _error(source, None, f"`{section}` must be a list of entries")
        for position, fields in enumerate(entries, start=1):
            if not isinstance(fields, dict):
                raise _error(source, f"#{position} in {section}", "an entry must be a mapping")
            key = fields.get(key_field)
            if not isinstance(key, str) or not key.strip():
                label = str(fields.get("name") or f"#{position} in {section}")
                raise _error(source, label, f"missing `{key_field}`")
            scoped = f"{section}:{key}" if section == "agents" else key
            if scoped in seen_here:
                raise _error(source, key, f"the {key_field} appears twice in this file")
            seen_here.add(scoped)
            other = "people" if section == "organisations" else "organisations"
            if section != "agents" and key in records[other]:
                raise _error(source, key, f"the id is already used in {other}")
            _put(records[section], key, fields, source)


def _put(table: dict[str, _Record], key: str, fields: Mapping[str, Any], source: str) -> None:
    old = table.get(key)
    if old is None or fields.get("replace"):
        table[key] = _Record(source, {name: value for name, value in fields.items() if name != "replace"})
        return
    merged = dict(old.data)
    for name, value in fields.items():
        if name in _LIST_FIELDS and name in merged:
            merged[name] = [*_as_list(merged[name]), *_as_list(value)]
        else:
            merged[name] = value
    table[key] = _Record(source, merged)


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _build(records: Mapping[str, Mapping[str, _Record]]) -> ActorDictionary:
    countries = _build_countries(records["countries"])
    _check_places(countries)
    organisations = {key: _organisation(key, record) for key, record in records["organisations"].items()}
    known_countries = set(countries) | set(STATELESS)
    for org in organisations.values():
        if org.country not in known_countries:
            raise _error(org.source, org.id, f"country {org.country!r} is not an ISO3 code or one of {_stateless()}")
        _check_parents(org, organisations)
    people = {key: _person(key, record) for key, record in records["people"].items()}
    for person in people.values():
        for role in person.roles:
            if role.actor not in countries and role.actor not in organisations:
                raise _error(
                    person.source,
                    person.id,
                    f"role {role.office!r}: actor {role.actor!r} is neither an ISO3 code nor an organisation id",
                )
    agents = {key: _agent(key, record) for key, record in records["agents"].items()}
    forms: dict[str, str] = {}
    for agent in agents.values():
        for form in agent.forms:
            other = forms.setdefault(form.casefold(), agent.term)
            if other != agent.term:
                raise _error(agent.source, agent.term, f"form {form!r} is also a form of agent {other!r}")
    return ActorDictionary(
        MappingProxyType(countries),
        MappingProxyType(organisations),
        MappingProxyType(people),
        MappingProxyType(agents),
    )


def _build_countries(records: Mapping[str, _Record]) -> dict[str, CountryEntry]:
    countries: dict[str, CountryEntry] = {}
    for country in pycountry.countries:
        record = records.get(country.alpha_3)
        countries[country.alpha_3] = _country(country.alpha_3, record, country)
    for code, record in records.items():
        if code in countries:
            continue
        # A code pycountry lacks (Kosovo's XKX) may be defined here, but it must say what it is called,
        # or it is most likely a typo for a real code.
        if not _ISO3.fullmatch(code) or code in STATELESS:
            raise _error(record.source, code, "a country key must be a three-letter ISO 3166 alpha-3 code")
        if "name" not in record.data:
            raise _error(
                record.source, code, "not an ISO 3166 alpha-3 code known to pycountry (a new code needs a `name`)"
            )
        countries[code] = _country(code, record, None)
    return countries


def _check_places(countries: Mapping[str, CountryEntry]) -> None:
    """A region or group belongs to one country, and must not be another country's name or demonym:
    "Punjab" under both India and Pakistan, or "Georgia" under the United States, is a data error."""
    owners: dict[str, str] = {}
    for country in countries.values():
        own = [*country.names, *country.demonyms, *country.people, *(seat.name for seat in country.seats)]
        for text in [*own, *([country.capital] if country.capital else [])]:
            owners.setdefault(_place_key(text), country.iso3)
    # Package entries claim their places first, so a clash with a user file is reported against the user file.
    for country in sorted(countries.values(), key=lambda entry: entry.source not in (*_PACKAGE_FILES, "pycountry")):
        for what, texts in (("region", country.regions), ("group", country.groups)):
            for text in texts:
                other = owners.setdefault(_place_key(text), country.iso3)
                if other != country.iso3:
                    raise _error(country.source, country.iso3, f"{what} {text!r} is already a form of {other}")


def _place_key(text: str) -> str:
    return _fold(text.removeprefix("the ")).casefold()


def _country(code: str, record: _Record | None, iso: Any | None) -> CountryEntry:
    data: Mapping[str, Any] = record.data if record else {}
    source = record.source if record else "pycountry"
    check = _Checker(source, code, data, "countries")
    iso_names = [getattr(iso, attr, None) for attr in ("name", "common_name", "official_name")] if iso else []
    display = check.text("name", required=False) or (
        getattr(iso, "common_name", None) or getattr(iso, "name", None) if iso else None
    )
    if display is None:
        raise _error(source, code, "missing `name`")
    # pycountry's sorted forms ("Iran, Islamic Republic of") never appear in prose; skip them.
    written = [name for name in iso_names if name and "," not in name and "(" not in name]
    names = _unique([display, *written, *check.texts("aliases")])
    seats = tuple(_seat(check, item) for item in _as_list(data.get("seats") or []))
    status = check.choice("status", _COUNTRY_STATUSES)
    return CountryEntry(
        iso3=code,
        iso2=getattr(iso, "alpha_2", None) if iso else check.text("iso2", required=False),
        name=display,
        official_name=getattr(iso, "official_name", None) if iso else None,
        names=names,
        demonyms=_unique(check.texts("demonyms")),
        people=_unique(check.texts("people")),
        capital=check.text("capital", required=False),
        seats=seats,
        regions=_unique(check.texts("regions")),
        groups=_unique(check.texts("groups")),
        status=cast(CountryStatus | None, status),
        source=source,
    )


def _seat(check: _Checker, item: Any) -> Seat:
    if isinstance(item, str) and item.strip():
        return Seat(item.strip())
    if isinstance(item, dict):
        sub = check.nested(item, "seat")
        return Seat(sub.text("name") or "", sub.sector("sector", default="GOV"))
    raise check.fail(f"`seats` items must be names or {{name, sector}} mappings, not {item!r}")


def _organisation(key: str, record: _Record) -> OrganisationEntry:
    check = _Checker(record.source, key, record.data, "organisations")
    check.slug()
    cameo = check.text("cameo", required=False)
    if cameo is not None and not _CAMEO.fullmatch(cameo):
        raise check.fail(f"`cameo` must be three capital letters, not {cameo!r}")
    parent = check.text("parent", required=False)
    if parent == key:
        raise check.fail("an organisation cannot be its own parent")
    return OrganisationEntry(
        id=key,
        name=check.text("name") or "",
        kind=cast(OrganisationKind, check.choice("kind", _ORGANISATION_KINDS, required=True)),
        country=check.country("country"),
        sector=check.sector("sector"),
        aliases=_unique(check.texts("aliases")),
        cameo=cameo,
        parent=parent,
        wikidata=check.wikidata(),
        source=record.source,
    )


def _check_parents(org: OrganisationEntry, organisations: Mapping[str, OrganisationEntry]) -> None:
    seen = {org.id}
    current = org
    while current.parent is not None:
        if current.parent not in organisations:
            raise _error(org.source, org.id, f"parent {current.parent!r} is not an organisation id")
        if current.parent in seen:
            raise _error(org.source, org.id, f"parents form a loop through {current.parent!r}")
        seen.add(current.parent)
        current = organisations[current.parent]


def _person(key: str, record: _Record) -> PersonEntry:
    check = _Checker(record.source, key, record.data, "people")
    check.slug()
    raw_roles = record.data.get("roles")
    if not isinstance(raw_roles, list) or not raw_roles:
        raise check.fail("`roles` must be a non-empty list (a person's sector comes from their roles)")
    roles = tuple(_role(check, item) for item in raw_roles)
    died = record.data.get("died")
    return PersonEntry(
        id=key,
        name=check.text("name") or "",
        roles=roles,
        aliases=_unique(check.texts("aliases")),
        wikidata=check.wikidata(),
        died=None if died is None else check.date(died, "died", last_day=False),
        source=record.source,
    )


def _role(check: _Checker, item: Any) -> Role:
    if not isinstance(item, dict):
        raise check.fail(f"each role must be a mapping, not {item!r}")
    sub = check.nested(item, "role")
    office = sub.text("office") or ""
    actor = sub.text("actor") or ""
    if "start" not in item or item["start"] is None:
        raise check.fail(f"role {office!r}: missing `start`")
    start = check.date(item["start"], f"role {office!r} start", last_day=False)
    end = None if item.get("end") is None else check.date(item["end"], f"role {office!r} end", last_day=True)
    if end is not None and end < start:
        raise check.fail(f"role {office!r}: end {end} is before start {start}")
    return Role(office, actor, sub.sector("sector"), start, end)


def _agent(key: str, record: _Record) -> AgentTerm:
    check = _Checker(record.source, key, record.data, "agents")
    term = check.text("term") or ""
    forms = _unique([term, *check.texts("plural"), *check.texts("variants")])
    return AgentTerm(
        term=term,
        sector=check.sector("sector"),
        forms=forms,
        kind=cast(AgentKind | None, check.choice("kind", _AGENT_KINDS)),
        local=check.flag("local"),
        source=record.source,
    )


class _Checker:
    """Reads typed fields out of one raw entry, raising D302 with the file and entry on a bad value."""

    def __init__(self, source: str, key: str, data: Mapping[str, Any], kind: str) -> None:
        self.source = source
        self.key = key
        self.data = data
        unknown = sorted(str(name) for name in data if name not in _FIELDS[kind])
        if unknown:
            allowed = ", ".join(sorted(_FIELDS[kind]))
            raise self.fail(f"unknown field(s) {unknown}; allowed: {allowed}")

    def nested(self, data: Mapping[str, Any], kind: str) -> _Checker:
        return _Checker(self.source, self.key, data, kind)

    def fail(self, detail: str) -> DataError:
        return _error(self.source, self.key, detail)

    def text(self, name: str, *, required: bool = True) -> str | None:
        value = self.data.get(name)
        if value is None:
            if required:
                raise self.fail(f"missing `{name}`")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"`{name}` must be non-empty text, not {value!r}")
        return value.strip()

    def texts(self, name: str) -> list[str]:
        value = self.data.get(name)
        if value is None:
            return []
        items = _as_list(value)
        bad = [item for item in items if not isinstance(item, str) or not item.strip()]
        if bad:
            # YAML reads unquoted yes/no/on/off as booleans and digits as numbers; say so.
            raise self.fail(f"`{name}` must hold non-empty text only, not {bad!r} (quote such values)")
        return [item.strip() for item in items]

    def choice(self, name: str, allowed: frozenset[str], *, required: bool = False) -> str | None:
        value = self.text(name, required=required)
        if value is not None and value not in allowed:
            raise self.fail(f"`{name}` must be one of {sorted(allowed)}, not {value!r}")
        return value

    def flag(self, name: str) -> bool:
        value = self.data.get(name, False)
        if not isinstance(value, bool):
            raise self.fail(f"{name} must be true or false, not {value!r}")
        return value

    def sector(self, name: str, *, default: str | None = None) -> str:
        value = self.text(name, required=default is None) or default or ""
        if value not in SECTORS:
            raise self.fail(f"unknown sector {value!r}; use one of {', '.join(SECTORS)}")
        return value

    def country(self, name: str) -> str:
        # Whether the code exists is checked once every country is known (user files may add one).
        value = self.text(name) or ""
        if not _ISO3.fullmatch(value):
            raise self.fail(f"`{name}` must be an ISO3 code or one of {_stateless()}, not {value!r}")
        return value

    def slug(self) -> None:
        if not _SLUG.fullmatch(self.key):
            raise self.fail("an id must be lower-case letters, digits and single hyphens (like `quds-force`)")

    def wikidata(self) -> str | None:
        value = self.text("wikidata", required=False)
        if value is not None and not _WIKIDATA.fullmatch(value):
            raise self.fail(f"`wikidata` must be a Q-id like Q1065, not {value!r}")
        return value

    def date(self, value: Any, what: str, *, last_day: bool) -> dt.date:
        """A date from YAML: a date, a year (2013) or text (2013, 2013-08, 2013-08-15).

        A year or month alone stands for its first day as a start and its last day as an end.
        """
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        match = _DATE.fullmatch(str(value).strip()) if isinstance(value, int | str) else None
        if match is None or isinstance(value, bool):
            raise self.fail(f"{what}: {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
        year = int(match[1])
        try:
            if match[3]:
                return dt.date(year, int(match[2]), int(match[3]))
            month = int(match[2]) if match[2] else (12 if last_day else 1)
            day = calendar.monthrange(year, month)[1] if last_day else 1
            return dt.date(year, month, day)
        except ValueError as exc:
            raise self.fail(f"{what}: {value!r} is not a date ({exc})") from exc


def _error(source: str, key: str | None, detail: str) -> DataError:
    where = detail if key is None else f"entry {key!r}: {detail}"
    return DataError(Messages.D302.format(name=source, detail=where), code="D302")


def _stateless() -> str:
    return "/".join(STATELESS)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _spellings(text: str) -> list[str]:
    """The form as written, without a leading lower-case "the", and each without accents."""
    bare = [text, text[4:]] if text.startswith("the ") and len(text) > 4 else [text]
    folded = [_fold(form) for form in bare]
    return list(dict.fromkeys([*bare, *folded]))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_EXTRA))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _is_exact(text: str) -> bool:
    return not any(char.islower() for char in text)
