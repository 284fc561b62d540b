"""Tests for the actor dictionaries: the shipped data, the loader's lookups, and user files."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pycountry
import pytest
import yaml

from detente.actors.dictionary import SECTORS, ActorDictionary, load_dictionary
from detente.errors import DataError

# The 193 UN member states, written out here so the test does not trust the data's own `status` flags.
# fmt: off
UN_MEMBERS = frozenset({
    "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR", "BGD", "BRB", "BLR",
    "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR", "BFA", "BDI", "CPV", "KHM", "CMR", "CAN",
    "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG", "COD", "CRI", "CIV", "HRV", "CUB", "CYP", "CZE", "PRK", "DNK",
    "DJI", "DMA", "DOM", "ECU", "EGY", "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH", "FJI", "FIN", "FRA", "GAB", "GMB",
    "GEO", "DEU", "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND", "HUN", "ISL", "IND", "IDN", "IRN",
    "IRQ", "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KIR", "KWT", "KGZ", "LAO", "LVA", "LBN", "LSO",
    "LBR", "LBY", "LIE", "LTU", "LUX", "MDG", "MWI", "MYS", "MDV", "MLI", "MLT", "MHL", "MRT", "MUS", "MEX", "FSM",
    "MCO", "MNG", "MNE", "MAR", "MOZ", "MMR", "NAM", "NRU", "NPL", "NLD", "NZL", "NIC", "NER", "NGA", "MKD", "NOR",
    "OMN", "PAK", "PLW", "PAN", "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "KOR", "MDA", "ROU", "RUS", "RWA",
    "KNA", "LCA", "VCT", "WSM", "SMR", "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP", "SVK", "SVN", "SLB", "SOM",
    "ZAF", "SSD", "ESP", "LKA", "SDN", "SUR", "SWE", "CHE", "SYR", "TJK", "THA", "TLS", "TGO", "TON", "TTO", "TUN",
    "TUR", "TKM", "TUV", "UGA", "UKR", "ARE", "GBR", "TZA", "USA", "URY", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB",
    "ZWE",
})
# fmt: on
OTHER_STATES = frozenset({"PSE", "VAT", "XKX", "TWN"})

# Written forms that stand for two countries on purpose (both use the demonym); docs/actors.md lists them.
DOCUMENTED_CLASHES = {"congolese": ("COD", "COG"), "dominican": ("DMA", "DOM")}


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return load_dictionary()


def _package_yaml(name: str) -> dict:
    text = (resources.files("detente") / "data" / "actors" / name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ---- the shipped data ----------------------------------------------------------------------------


def test_package_files_meet_the_size_targets(dictionary: ActorDictionary) -> None:
    assert len(dictionary.organisations) >= 900
    assert len(dictionary.people) >= 1400
    assert len(dictionary.agents) >= 80
    assert sum(len(country.regions) for country in dictionary.countries.values()) >= 1000
    assert sum(len(country.groups) for country in dictionary.countries.values()) >= 150


def test_every_raw_entry_is_loaded_once() -> None:
    # A loader that silently merged two entries with one id would load fewer than the file holds.
    dictionary = load_dictionary()
    organisations = _package_yaml("organisations.yaml")["organisations"]
    people = _package_yaml("people.yaml")["people"]
    agents = _package_yaml("agents.yaml")["agents"]
    assert len({entry["id"] for entry in organisations}) == len(organisations) == len(dictionary.organisations)
    assert len({entry["id"] for entry in people}) == len(people) == len(dictionary.people)
    assert not {entry["id"] for entry in organisations} & {entry["id"] for entry in people}
    assert len(agents) == len(dictionary.agents)


def test_country_keys_are_real_iso3_codes() -> None:
    keys = set(_package_yaml("countries.yaml")["countries"])
    unknown = {key for key in keys if pycountry.countries.get(alpha_3=key) is None}
    # Kosovo has no ISO 3166 code; XKX is the user-assigned code the EU and others use.
    assert unknown == {"XKX"}


def test_every_pycountry_country_is_in_the_dictionary(dictionary: ActorDictionary) -> None:
    assert {country.alpha_3 for country in pycountry.countries} <= set(dictionary.countries)
    assert dictionary.countries["IRN"].iso2 == "IR"
    assert dictionary.countries["XKX"].name == "Kosovo"


@pytest.mark.parametrize("iso3", sorted(UN_MEMBERS | OTHER_STATES))
def test_every_state_has_a_demonym_and_a_capital(dictionary: ActorDictionary, iso3: str) -> None:
    country = dictionary.countries[iso3]
    assert country.demonyms, f"{iso3} has no demonym"
    assert country.capital, f"{iso3} has no capital"


def test_un_membership_flags_match_the_member_list(dictionary: ActorDictionary) -> None:
    members = {code for code, country in dictionary.countries.items() if country.status == "member"}
    assert members == UN_MEMBERS
    assert dictionary.countries["PSE"].status == "observer"
    assert dictionary.countries["TWN"].status == "partial"


def test_display_names_are_the_usual_short_names(dictionary: ActorDictionary) -> None:
    names = {code: dictionary.countries[code].name for code in ("IRN", "RUS", "TUR", "PSE", "SYR", "GBR", "USA")}
    assert names == {
        "IRN": "Iran",
        "RUS": "Russia",
        "TUR": "Turkey",
        "PSE": "Palestine",
        "SYR": "Syria",
        "GBR": "United Kingdom",
        "USA": "United States",
    }
    # pycountry's inverted forms are not written in prose and must not become surfaces
    assert "Iran, Islamic Republic of" not in dictionary.countries["IRN"].names


def test_only_documented_forms_stand_for_two_ids(dictionary: ActorDictionary) -> None:
    assert dictionary.clashes() == DOCUMENTED_CLASHES


def test_agent_forms_do_not_collide_with_actor_names_except_known_ones(dictionary: ActorDictionary) -> None:
    actor_forms = {text.casefold() for text, _ in dictionary.names()}
    agent_forms = {form.casefold() for form, _ in dictionary.agent_names()}
    # Capitalised, these name one body (the US Congress, the UK Foreign Office and Ministry of Defence);
    # in lower case they are generic words. docs/actors.md tells the matcher to prefer the actor.
    assert actor_forms & agent_forms == {"congress", "foreign office", "ministry of defence"}


def test_every_name_resolves_to_an_actor(dictionary: ActorDictionary) -> None:
    for text, actor_id in dictionary.names():
        assert text.strip() == text and text
        assert dictionary.actor(actor_id).id == actor_id


def test_organisations_use_known_codes(dictionary: ActorDictionary) -> None:
    for org in dictionary.organisations.values():
        assert org.sector in SECTORS
        assert org.country in dictionary.countries or org.country in {"IGO", "NGO", "IMG", "MNC"}
        assert org.kind in {"organisation", "group"}
        assert org.name not in org.aliases or org.aliases.count(org.name) == 1


def test_people_have_consistent_roles(dictionary: ActorDictionary) -> None:
    # Leaders in office in 1980 may have taken office decades earlier (Hoxha in 1941).
    earliest, latest = dt.date(1940, 1, 1), dt.date(2026, 12, 31)
    for person in dictionary.people.values():
        assert person.roles, person.id
        for role in person.roles:
            assert earliest <= role.start <= latest, (person.id, role)
            assert role.end is None or role.start <= role.end <= latest, (person.id, role)
            if person.died is not None:
                # nobody holds office after death
                assert role.end is not None and role.end <= person.died, (person.id, role)


@pytest.mark.parametrize(
    "person_id",
    [
        "ali-khamenei", "mahmoud-ahmadinejad", "hassan-rouhani", "ebrahim-raisi", "masoud-pezeshkian",
        "mohammad-javad-zarif", "hossein-amir-abdollahian", "abbas-araghchi", "qasem-soleimani", "esmail-qaani",
        "hossein-hamadani", "yahya-rahim-safavi", "hossein-salami", "ismail-haniyeh", "khaled-mashal",
        "yahya-sinwar", "mohammed-deif", "mousa-abu-marzouk", "hassan-nasrallah", "naim-qassem", "mahmoud-abbas",
        "yasser-arafat", "benjamin-netanyahu", "ehud-olmert", "ariel-sharon", "naftali-bennett", "yair-lapid",
        "yoav-gallant", "abdel-fattah-el-sisi", "mohamed-morsi", "hosni-mubarak", "sameh-shoukry",
        "bashar-al-assad", "recep-tayyip-erdogan", "mohammed-bin-salman", "king-salman", "king-abdullah-ii",
        "faisal-bin-farhan", "adel-al-jubeir", "barack-obama", "donald-trump", "joe-biden", "john-kerry",
        "mike-pompeo", "antony-blinken", "vladimir-putin", "sergei-lavrov", "xi-jinping", "wang-yi",
    ],
)  # fmt: skip
def test_required_people_are_present(dictionary: ActorDictionary, person_id: str) -> None:
    assert person_id in dictionary.people


# ---- lookups -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor_id", "sector"),
    [
        ("Tehran", "IRN", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Kremlin", "RUS", "GOV"),
        ("the White House", "USA", "GOV"),
        ("the Pentagon", "USA-MIL", "MIL"),
        ("Downing Street", "GBR", "GOV"),
        ("Ramallah", "PSE", "GOV"),
        ("Jerusalem", "ISR", "GOV"),
        ("Persia", "IRN", "GOV"),
        ("Burma", "MMR", "GOV"),
        ("Iranians", "IRN", "GOV"),
        ("Hamas", "hamas", "REB"),
        ("Hizbollah", "hezbollah", "REB"),
        ("IRGC", "irgc", "MIL"),
        ("Ansar Allah", "houthis", "REB"),
        ("Daesh", "isil", "REB"),
        ("Shin Bet", "shin-bet", "SPY"),
        ("Fars", "fars-news-agency", "MED"),
        ("Erdogan", "recep-tayyip-erdogan", "GOV"),
    ],
)
def test_known_written_forms(dictionary: ActorDictionary, text: str, actor_id: str, sector: str) -> None:
    assert dictionary.ids_for(text) == (actor_id,)
    assert dictionary.actor(actor_id, on=dt.date(2020, 6, 1)).sector == sector


def test_organisation_countries_and_parents(dictionary: ActorDictionary) -> None:
    orgs = dictionary.organisations
    assert {orgs[key].country for key in ("hamas", "fatah", "palestinian-islamic-jihad")} == {"PSE"}
    assert (orgs["hezbollah"].country, orgs["irgc"].country, orgs["houthis"].country) == ("LBN", "IRN", "YEM")
    assert (orgs["isil"].country, orgs["al-qaeda"].country) == ("IMG", "IMG")
    assert orgs["qassam-brigades"].parent == "hamas"
    assert orgs["quds-force"].parent == "irgc"
    assert orgs["al-quds-brigades"].parent == "palestinian-islamic-jihad"


def test_demonyms_are_marked_as_such(dictionary: ActorDictionary) -> None:
    forms = {(s.text, s.id): s.form for s in dictionary.surfaces()}
    assert forms[("Iranian", "IRN")] == "demonym"
    assert forms[("Iranians", "IRN")] == "people"
    assert forms[("Tehran", "IRN")] == "seat"
    assert forms[("Iran", "IRN")] == "name"


def test_capitalised_abbreviations_match_only_in_capitals(dictionary: ActorDictionary) -> None:
    assert dictionary.ids_for("US") == ("USA",)
    assert dictionary.ids_for("us") == ()
    assert dictionary.ids_for("IS") == ("isil",)
    assert dictionary.ids_for("is") == ()
    assert dictionary.ids_for("hamas") == ("hamas",)


def test_surfaces_add_bare_and_unaccented_forms(dictionary: ActorDictionary) -> None:
    names = set(dictionary.names())
    assert ("Pentagon", "USA-MIL") in names
    assert ("Kilicdaroglu", "kemal-kilicdaroglu") in names
    assert ("Elysee", "FRA") in names


@pytest.mark.parametrize(
    ("word", "sector"),
    [
        ("officials", "GOV"), ("diplomats", "GOV"), ("regime", "GOV"), ("troops", "MIL"), ("warplanes", "MIL"),
        ("jets", "MIL"), ("police", "COP"), ("border guards", "COP"), ("spies", "SPY"), ("militants", "REB"),
        ("gunmen", "REB"), ("militia", "REB"), ("lawmakers", "LEG"), ("MPs", "LEG"), ("judges", "JUD"),
        ("prosecutors", "JUD"), ("dissidents", "OPP"), ("protesters", "CVL"), ("residents", "CVL"),
        ("journalists", "JRN"), ("state TV", "MED"), ("party", "PTY"), ("firms", "BUS"), ("clerics", "REL"),
        ("refugees", "REF"), ("Spokeswoman", "GOV"),
    ],
)  # fmt: skip
def test_agent_words(dictionary: ActorDictionary, word: str, sector: str) -> None:
    term = dictionary.agent(word)
    assert term is not None and term.sector == sector
    assert dictionary.agent("Tehran") is None


def test_local_agent_words(dictionary: ActorDictionary) -> None:
    local = ("officials", "police", "rebels", "protesters", "residents", "workers")
    often_abroad = {"troops", "diplomats", "ambassador", "refugees", "journalists", "settlers", "peacekeepers"}
    assert all((term := dictionary.agent(word)) is not None and term.local for word in local)
    assert not any((term := dictionary.agent(word)) is None or term.local for word in often_abroad)


# ---- regions and groups --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Darfur", "SDN"), ("North Darfur", "SDN"), ("West Darfur", "SDN"), ("Gaza", "PSE"), ("Gaza Strip", "PSE"),
        ("West Bank", "PSE"), ("Sinai", "EGY"), ("Sinai Peninsula", "EGY"), ("Kurdistan Region", "IRQ"),
        ("Anbar", "IRQ"), ("Idlib", "SYR"), ("Golan Heights", "SYR"), ("Chechnya", "RUS"), ("Crimea", "UKR"),
        ("Donbas", "UKR"), ("Jaffna", "LKA"), ("Sindh", "PAK"), ("Balochistan", "PAK"), ("Khyber Pakhtunkhwa", "PAK"),
        ("Azad Kashmir", "PAK"), ("Jammu and Kashmir", "IND"), ("Punjab province", "PAK"), ("Punjab state", "IND"),
        ("Xinjiang", "CHN"), ("Tibet", "CHN"), ("Mindanao", "PHL"), ("Aceh", "IDN"), ("Borno", "NGA"),
        ("Niger Delta", "NGA"), ("North Kivu", "COD"), ("Tigray", "ETH"), ("Somaliland", "SOM"), ("Catalonia", "ESP"),
        ("Northern Ireland", "GBR"), ("Bavaria", "DEU"), ("Transnistria", "MDA"), ("Abkhazia", "GEO"),
        ("Nagorno-Karabakh", "AZE"), ("Northern Cyprus", "CYP"), ("Texas", "USA"), ("Quebec", "CAN"),
        ("Chiapas", "MEX"), ("Ayacucho", "PER"), ("Essequibo", "GUY"), ("KwaZulu-Natal", "ZAF"),
    ],
)  # fmt: skip
def test_regions_are_places_of_one_country(dictionary: ActorDictionary, text: str, iso3: str) -> None:
    assert dictionary.ids_for(text) == (iso3,)
    forms = {surface.form for surface in dictionary.surfaces() if surface.text == text}
    assert forms == {"region"}
    assert dictionary.actor(iso3).code == f"{iso3}GOV"


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Yoruba", "NGA"), ("Igbo", "NGA"), ("Ibo", "NGA"), ("Hausa", "NGA"), ("Fulani", "NGA"), ("Bosniaks", "BIH"),
        ("Bosnian Serbs", "BIH"), ("Bosnian Croats", "BIH"), ("Tamils", "LKA"), ("Sinhalese", "LKA"),
        ("Iraqi Kurds", "IRQ"), ("Syrian Kurds", "SYR"), ("Chechens", "RUS"), ("Hutus", "RWA"), ("Tutsis", "RWA"),
        ("Burundian Hutus", "BDI"), ("Uyghurs", "CHN"), ("Rohingya", "MMR"), ("Copts", "EGY"), ("Alawites", "SYR"),
        ("Kosovo Albanians", "XKX"), ("Greek Cypriots", "CYP"), ("Basques", "ESP"), ("Sahrawis", "ESH"),
    ],
)  # fmt: skip
def test_groups_stand_for_the_people_of_one_country(dictionary: ActorDictionary, text: str, iso3: str) -> None:
    assert dictionary.ids_for(text) == (iso3,)
    forms = {surface.form for surface in dictionary.surfaces() if surface.text == text}
    assert forms == {"people"}
    # the recogniser codes a "people" form as the country's civilians
    assert dictionary.actor(f"{iso3}-CVL").code == f"{iso3}CVL"


@pytest.mark.parametrize(
    "text",
    [
        # divided or disputed between states: only the qualified forms are listed (docs/actors.md)
        "Kashmir", "Punjab", "Abyei", "Shebaa Farms", "Kuril Islands", "Eastern Province",
        # groups spread over several countries
        "Kurds", "Arabs", "Pashtuns", "Baloch", "Tuareg", "Druze",
        # the US state would clash with the country
        "Georgia",
    ],
)  # fmt: skip
def test_places_and_groups_left_out_on_purpose(dictionary: ActorDictionary, text: str) -> None:
    surfaces = [surface for surface in dictionary.surfaces() if surface.text == text]
    assert all(surface.form not in {"region", "people"} for surface in surfaces)
    assert "USA" not in dictionary.ids_for("Georgia")


def test_region_and_group_entries(dictionary: ActorDictionary) -> None:
    sudan = dictionary.countries["SDN"]
    assert {"Darfur", "North Darfur", "South Darfur", "West Darfur"} <= set(sudan.regions)
    assert {"Yoruba", "Igbo", "Hausa"} <= set(dictionary.countries["NGA"].groups)
    assert dictionary.countries["ATA"].regions == ()


@pytest.mark.parametrize(
    ("text", "iso3", "form"),
    [
        ("Emirates", "ARE", "name"), ("the Emirates", "ARE", "name"), ("Croat", "HRV", "demonym"),
        ("Serb", "SRB", "demonym"), ("Soviet Union", "RUS", "name"), ("USSR", "RUS", "name"),
        ("Soviet", "RUS", "demonym"), ("Yugoslavia", "SRB", "name"), ("West Germany", "DEU", "name"),
        ("Bosnia-Herzegovina", "BIH", "name"),
        ("Zaire", "COD", "name"), ("Rhodesia", "ZWE", "name"), ("Macau", "MAC", "name"),
    ],
)  # fmt: skip
def test_country_variants_and_historical_names(dictionary: ActorDictionary, text: str, iso3: str, form: str) -> None:
    assert dictionary.ids_for(text) == (iso3,)
    assert {surface.form for surface in dictionary.surfaces() if surface.text == text} == {form}


# ---- worldwide coverage ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person_id", "day", "code"),
    [
        ("Gbagbo", "laurent-gbagbo", dt.date(2005, 6, 1), "CIVGOV"),
        ("Gbagbo", "laurent-gbagbo", dt.date(2012, 1, 1), "CIVELI"),
        ("Ouattara", "alassane-ouattara", dt.date(2012, 1, 1), "CIVGOV"),
        ("Mitterrand", "francois-mitterrand", dt.date(1990, 1, 1), "FRAGOV"),
        ("Kohl", "helmut-kohl", dt.date(1990, 1, 1), "DEUGOV"),
        ("Thatcher", "margaret-thatcher", dt.date(1985, 1, 1), "GBRGOV"),
        ("Gorbachev", "mikhail-gorbachev", dt.date(1988, 1, 1), "RUSGOV"),
        ("Yeltsin", "boris-yeltsin", dt.date(1995, 1, 1), "RUSGOV"),
        ("Mandela", "nelson-mandela", dt.date(1996, 1, 1), "ZAFGOV"),
        ("Mandela", "nelson-mandela", dt.date(2005, 1, 1), "ZAFELI"),
        ("de Klerk", "f-w-de-klerk", dt.date(1991, 1, 1), "ZAFGOV"),
        ("Mugabe", "robert-mugabe", dt.date(2008, 1, 1), "ZWEGOV"),
        ("Kabila", "joseph-kabila", dt.date(2010, 1, 1), "CODGOV"),
        ("Kagame", "paul-kagame", dt.date(2010, 1, 1), "RWAGOV"),
        ("Museveni", "yoweri-museveni", dt.date(2010, 1, 1), "UGAGOV"),
        ("Obasanjo", "olusegun-obasanjo", dt.date(2003, 1, 1), "NGAGOV"),
        ("Milosevic", "slobodan-milosevic", dt.date(1995, 1, 1), "SRBGOV"),
        ("Tudjman", "franjo-tudjman", dt.date(1995, 1, 1), "HRVGOV"),
        ("Nazarbayev", "nursultan-nazarbayev", dt.date(2000, 1, 1), "KAZGOV"),
        ("Chavez", "hugo-chavez", dt.date(2005, 1, 1), "VENGOV"),
        ("Castro", "fidel-castro", dt.date(2000, 1, 1), "CUBGOV"),
        ("Lula", "luiz-inacio-lula-da-silva", dt.date(2015, 1, 1), "BRAELI"),
        ("Lula", "luiz-inacio-lula-da-silva", dt.date(2024, 1, 1), "BRAGOV"),
        ("Fujimori", "alberto-fujimori", dt.date(1995, 1, 1), "PERGOV"),
        ("Suharto", "suharto", dt.date(1990, 1, 1), "IDNGOV"),
        ("Musharraf", "pervez-musharraf", dt.date(2005, 1, 1), "PAKGOV"),
        ("Vajpayee", "atal-bihari-vajpayee", dt.date(2000, 1, 1), "INDGOV"),
        ("Kim Jong-il", "kim-jong-il", dt.date(2000, 1, 1), "PRKGOV"),
        ("Koizumi", "junichiro-koizumi", dt.date(2005, 1, 1), "JPNGOV"),
        ("Mahendra Chaudhry", "mahendra-chaudhry", dt.date(2000, 1, 1), "FJIGOV"),
        ("Boutros-Ghali", "boutros-boutros-ghali", dt.date(1995, 1, 1), "IGOIGO"),
        ("Prabhakaran", "velupillai-prabhakaran", dt.date(2000, 1, 1), "LKAREB"),
    ],
)  # fmt: skip
def test_heads_of_state_and_government_worldwide(
    dictionary: ActorDictionary, text: str, person_id: str, day: dt.date, code: str
) -> None:
    assert dictionary.ids_for(text) == (person_id,)
    assert dictionary.actor(person_id, on=day).code == code


@pytest.mark.parametrize(
    "surname",
    # shared by people of one family or one country with no clearly dominant holder: never a bare alias
    ["Gandhi", "Sharif", "Kim", "Lee", "Park", "Roh", "Aquino", "Marcos", "Koirala", "Karamanlis", "Papandreou",
     "Kaczynski", "Mutharika", "Banda", "Koroma", "Premadasa", "Berdimuhamedow", "Chaudhry", "Albanese", "Lagos"],
)  # fmt: skip
def test_ambiguous_surnames_are_not_aliases(dictionary: ActorDictionary, surname: str) -> None:
    assert not any(surname in person.aliases for person in dictionary.people.values())


def test_a_single_word_alias_names_one_person(dictionary: ActorDictionary) -> None:
    owners: dict[str, set[str]] = {}
    for person in dictionary.people.values():
        for alias in person.aliases:
            if " " not in alias:
                owners.setdefault(alias.casefold(), set()).add(person.id)
    assert {alias: ids for alias, ids in owners.items() if len(ids) > 1} == {}


@pytest.mark.parametrize(
    ("text", "org_id", "code"),
    [
        ("European Community", "european-communities", "IGOIGO"), ("EEC", "european-communities", "IGOIGO"),
        ("OAU", "organisation-of-african-unity", "IGOIGO"), ("Warsaw Pact", "warsaw-pact", "IGOMIL"),
        ("ECOMOG", "ecomog", "IGOMIL"), ("G8", "g8", "IGOIGO"), ("CSCE", "osce", "IGOIGO"),
        ("LTTE", "ltte", "LKAREB"), ("Tamil Tigers", "ltte", "LKAREB"), ("UNITA", "unita", "AGOREB"),
        ("MPLA", "mpla", "AGOPTY"), ("ANC", "anc", "ZAFPTY"), ("FARC", "farc", "COLREB"), ("ELN", "eln", "COLREB"),
        ("Shining Path", "shining-path", "PERREB"), ("MILF", "moro-islamic-liberation-front", "PHLREB"),
        ("IRA", "irish-republican-army", "GBRREB"), ("Sinn Fein", "sinn-fein", "GBRPTY"), ("ETA", "eta", "ESPSEP"),
        ("RUF", "revolutionary-united-front", "SLEREB"), ("SPLA", "spla", "SSDMIL"),
        ("Lord's Resistance Army", "lords-resistance-army", "UGAREB"), ("Khmer Rouge", "khmer-rouge", "KHMREB"),
        ("KLA", "kosovo-liberation-army", "XKXREB"), ("Nepali Maoists", "cpn-maoist", "NPLREB"),
        ("Naxalites", "cpi-maoist", "INDREB"), ("Rwandan Patriotic Front", "rwandan-patriotic-front", "RWAPTY"),
        ("M23", "m23", "CODREB"), ("Chechen Republic of Ichkeria", "chechen-republic-of-ichkeria", "RUSSEP"),
    ],
)  # fmt: skip
def test_organisations_worldwide(dictionary: ActorDictionary, text: str, org_id: str, code: str) -> None:
    assert dictionary.ids_for(text) == (org_id,)
    assert dictionary.actor(org_id).code == code


def test_new_organisations_have_parents(dictionary: ActorDictionary) -> None:
    orgs = dictionary.organisations
    assert orgs["ecomog"].parent == "ecowas"
    assert orgs["kfor"].parent == "nato"
    assert orgs["spla"].parent == "splm"


# ---- people on a date ----------------------------------------------------------------------------


def test_zarif_is_government_in_office_and_elite_after(dictionary: ActorDictionary) -> None:
    zarif = dictionary.people["mohammad-javad-zarif"]
    assert (zarif.sector_on(dt.date(2015, 3, 1)), zarif.actor_on(dt.date(2015, 3, 1))) == ("GOV", "IRN")
    assert zarif.role_on(dt.date(2015, 3, 1)).office == "Foreign Minister"
    assert zarif.sector_on(dt.date(2022, 1, 1)) == "ELI"
    assert zarif.role_on(dt.date(2022, 1, 1)) is None
    assert zarif.standing_on(dt.date(2022, 1, 1)).role.office == "Foreign Minister"


def test_hamadani_was_military_until_killed_in_2015(dictionary: ActorDictionary) -> None:
    hamadani = dictionary.people["hossein-hamadani"]
    assert hamadani.died == dt.date(2015, 10, 7)
    assert hamadani.sector_on(dt.date(2015, 6, 1)) == "MIL"
    assert hamadani.sector_on(dt.date(2016, 1, 1)) == "ELI"


def test_before_the_first_role_a_person_is_an_elite_of_that_actor(dictionary: ActorDictionary) -> None:
    sinwar = dictionary.actor("yahya-sinwar", on=dt.date(2012, 1, 1))
    assert (sinwar.country, sinwar.sector) == ("PSE", "ELI")
    assert dictionary.people["yahya-sinwar"].actor_on(dt.date(2012, 1, 1)) == "hamas"


def test_overlapping_roles_take_the_first_listed(dictionary: ActorDictionary) -> None:
    # Sharaa led HTS until December 2024, then Syria: the government role is listed first.
    sharaa = dictionary.people["ahmed-al-sharaa"]
    assert sharaa.actor_on(dt.date(2020, 1, 1)) == "hayat-tahrir-al-sham"
    assert sharaa.actor_on(dt.date(2025, 6, 1)) == "SYR"
    assert dictionary.people["benjamin-netanyahu"].sector_on(dt.date(2022, 1, 1)) == "OPP"


def test_no_date_reads_the_data_as_it_stands(dictionary: ActorDictionary) -> None:
    assert dictionary.actor("ali-khamenei").sector == "GOV"
    assert dictionary.actor("hassan-rouhani").sector == "ELI"


# ---- actors --------------------------------------------------------------------------------------


def test_country_actors(dictionary: ActorDictionary) -> None:
    iran = dictionary.actor("IRN")
    assert (iran.id, iran.name, iran.kind, iran.code) == ("IRN", "Iran", "state", "IRNGOV")
    assert dictionary.actor("IRN-GOV") == iran
    troops = dictionary.actor("ISR-MIL")
    assert (troops.kind, troops.code) == ("state", "ISRMIL")
    protesters = dictionary.actor("IRN-CVL")
    assert (protesters.kind, protesters.code) == ("group", "IRNCVL")


def test_organisation_and_person_actors(dictionary: ActorDictionary) -> None:
    hamas = dictionary.actor("hamas")
    assert (hamas.kind, hamas.code) == ("group", "PSEREB")
    assert dictionary.actor("united-nations").wikidata == "Q1065"
    haniyeh = dictionary.actor("ismail-haniyeh", on=dt.date(2006, 6, 1))
    assert (haniyeh.kind, haniyeh.code) == ("person", "PSEGOV")
    assert dictionary.actor("ismail-haniyeh", on=dt.date(2020, 6, 1)).code == "PSEREB"


@pytest.mark.parametrize("bad_id", ["XYZ", "IRN-XYZ", "no-such-group", "irn", ""])
def test_unknown_actor_ids_raise(dictionary: ActorDictionary, bad_id: str) -> None:
    with pytest.raises(KeyError):
        dictionary.actor(bad_id)


def test_the_package_dictionary_is_loaded_once() -> None:
    assert load_dictionary() is load_dictionary()


# ---- user files ----------------------------------------------------------------------------------

USER_FILE = """
countries:
  IRN:
    aliases: [Iroon]
    regions: [Zagros Mountains]
  ABX:
    name: Absurdistan
    demonyms: [Absurdistani]
    capital: Absurd City
    regions: [Upper Absurdia]
    groups: [Absurdians]
organisations:
  - id: hamas
    aliases: [Hamas movement of Gaza]
  - id: lions-of-zagros
    name: Lions of Zagros
    kind: group
    country: IRN
    sector: REB
    parent: irgc
    aliases: [LoZ]
people:
  - id: jane-analyst
    name: Jane Analyst
    roles:
      - {office: Envoy, actor: lions-of-zagros, sector: REB, start: 2013, end: 2014}
  - id: mohammad-javad-zarif
    roles:
      - {office: Adviser, actor: IRN, sector: GOV, start: 2030-01-01, end: null}
agents:
  - {term: sharpshooter, plural: sharpshooters, sector: MIL, kind: person}
"""


def test_user_files_add_and_extend_entries(tmp_path: Path) -> None:
    merged = load_dictionary(extra=[_write(tmp_path / "mine.yaml", USER_FILE)])
    assert merged.ids_for("Iroon") == ("IRN",)
    assert merged.ids_for("Iran") == ("IRN",)
    assert merged.ids_for("Absurdistani") == ("ABX",)
    assert merged.ids_for("Zagros Mountains") == ("IRN",)
    assert "Khuzestan" in merged.countries["IRN"].regions  # the list is extended, not replaced
    assert (merged.countries["ABX"].regions, merged.countries["ABX"].groups) == (("Upper Absurdia",), ("Absurdians",))
    assert merged.ids_for("Hamas movement of Gaza") == ("hamas",)
    assert "Islamic Resistance Movement" in merged.organisations["hamas"].aliases
    assert merged.actor("lions-of-zagros").code == "IRNREB"
    jane = merged.people["jane-analyst"]
    assert (jane.roles[0].start, jane.roles[0].end) == (dt.date(2013, 1, 1), dt.date(2014, 12, 31))
    assert merged.actor("jane-analyst", on=dt.date(2014, 6, 1)).code == "IRNREB"
    zarif_roles = merged.people["mohammad-javad-zarif"].roles
    assert zarif_roles[:-1] == load_dictionary().people["mohammad-javad-zarif"].roles
    assert zarif_roles[-1].office == "Adviser"
    assert merged.agent("sharpshooters").sector == "MIL"
    assert merged.organisations["lions-of-zagros"].source.endswith("mine.yaml")


def test_user_files_leave_the_package_dictionary_alone(tmp_path: Path) -> None:
    load_dictionary(extra=[_write(tmp_path / "mine.yaml", USER_FILE)])
    package = load_dictionary()
    assert "lions-of-zagros" not in package.organisations
    assert "ABX" not in package.countries
    assert package.ids_for("Iroon") == ()


def test_replace_swaps_the_whole_entry(tmp_path: Path) -> None:
    text = """
organisations:
  - {id: hamas, replace: true, name: Hamas, kind: organisation, country: PSE, sector: PTY}
"""
    merged = load_dictionary(extra=[_write(tmp_path / "replace.yaml", text)])
    assert merged.organisations["hamas"].aliases == ()
    assert merged.actor("hamas").code == "PSEPTY"


def test_later_user_files_win(tmp_path: Path) -> None:
    first = _write(tmp_path / "first.yaml", "organisations:\n  - {id: hamas, sector: PTY}\n")
    second = _write(tmp_path / "second.yaml", "organisations:\n  - {id: hamas, sector: OPP}\n")
    assert load_dictionary(extra=[first, second]).organisations["hamas"].sector == "OPP"


GOOD_ORG = "{id: new-group, name: New Group, kind: group, country: IRN, sector: REB}"
INVALID_USER_FILES = {
    "bad sector": ("organisations:\n  - {id: new-group, name: New Group, kind: group, country: IRN, sector: XXX}\n",
                   "new-group", "unknown sector"),
    "bad iso3": ("organisations:\n  - {id: new-group, name: New Group, kind: group, country: XYZ, sector: REB}\n",
                 "new-group", "XYZ"),
    "lower-case iso3": ("organisations:\n  - {id: new-group, name: New Group, kind: group, country: irn, "
                        "sector: REB}\n", "new-group", "ISO3"),
    "end before start": ("people:\n  - id: someone\n    name: Someone\n    roles:\n"
                         "      - {office: Minister, actor: IRN, sector: GOV, start: 2015-01-01, end: 2014-01-01}\n",
                         "someone", "before start"),
    "missing name": ("organisations:\n  - {id: new-group, kind: group, country: IRN, sector: REB}\n",
                     "new-group", "missing `name`"),
    "missing id": ("organisations:\n  - {name: Nameless Group, kind: group, country: IRN, sector: REB}\n",
                   "Nameless Group", "missing `id`"),
    "unknown parent": ("organisations:\n  - {id: new-group, name: New Group, kind: group, country: IRN, sector: REB, "
                       "parent: nobody}\n", "new-group", "parent"),
    "parent loop": ("organisations:\n  - {id: hamas, parent: qassam-brigades}\n", "hamas", "loop"),
    "unknown field": ("organisations:\n  - {id: new-group, name: New Group, kind: group, country: IRN, sector: REB, "
                      "secter: REB}\n", "new-group", "secter"),
    "duplicate id": (f"organisations:\n  - {GOOD_ORG}\n  - {GOOD_ORG}\n", "new-group", "twice"),
    "id of a person": ("organisations:\n  - {id: ali-khamenei, name: A, kind: group, country: IRN, sector: REB}\n",
                       "ali-khamenei", "already used"),
    "bad role actor": ("people:\n  - id: someone\n    name: Someone\n    roles:\n"
                       "      - {office: Minister, actor: Nowhere, sector: GOV, start: 2015}\n", "someone", "Nowhere"),
    "bad date": ("people:\n  - id: someone\n    name: Someone\n    roles:\n"
                 "      - {office: Minister, actor: IRN, sector: GOV, start: 2015-13-01}\n", "someone", "not a date"),
    "no roles": ("people:\n  - id: someone\n    name: Someone\n", "someone", "roles"),
    "boolean alias": ("organisations:\n  - {id: hamas, aliases: [yes]}\n", "hamas", "quote"),
    "new country without name": ("countries:\n  ABX: {demonyms: [Absurdistani]}\n", "ABX", "pycountry"),
    "bad seat sector": ("countries:\n  IRN: {seats: [{name: Sa'dabad, sector: XXX}]}\n", "IRN", "unknown sector"),
    "agent form clash": ("agents:\n  - {term: trooper, sector: MIL, variants: [troops]}\n", "trooper", "troops"),
    "local not a flag": ("agents:\n  - {term: vigilante, sector: CVL, local: often}\n", "vigilante",
                         "true or false"),
    "bad kind": ("organisations:\n  - {id: new-group, name: New Group, kind: gang, country: IRN, sector: REB}\n",
                 "new-group", "kind"),
    "bad slug": ("organisations:\n  - {id: New_Group, name: New Group, kind: group, country: IRN, sector: REB}\n",
                 "New_Group", "lower-case"),
    "region of two countries": ("countries:\n  IND: {regions: [Sindh]}\n", "IND", "'Sindh' is already a form of PAK"),
    "region named like a country": ("countries:\n  USA: {regions: [Georgia]}\n", "USA", "already a form of GEO"),
    "group of two countries": ("countries:\n  BDI: {groups: [Hutus]}\n", "BDI", "group 'Hutus' is already"),
    "boolean region": ("countries:\n  IRN: {regions: [yes]}\n", "IRN", "quote"),
    "region typo": ("countries:\n  IRN: {region: [Gilan]}\n", "IRN", "regions"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(INVALID_USER_FILES))
def test_invalid_user_files_name_the_file_and_entry(tmp_path: Path, case: str) -> None:
    text, entry, detail = INVALID_USER_FILES[case]
    path = _write(tmp_path / "analyst-actors.yaml", text)
    with pytest.raises(DataError) as caught:
        load_dictionary(extra=[path])
    message = str(caught.value)
    assert caught.value.code == "D302"
    assert str(path) in message
    assert repr(entry) in message
    assert detail in message


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("organisations: [unclosed\n", "not valid YAML"),
        ("countries:\n  IRN: {aliases: [A]}\n  IRN: {aliases: [B]}\n", "appears twice"),
        ("actors: []\n", "unknown top-level key"),
        ("- just a list\n", "must be a mapping"),
        ("organisations: {hamas: {}}\n", "must be a list"),
    ],
)
def test_malformed_user_files(tmp_path: Path, text: str, detail: str) -> None:
    path = _write(tmp_path / "broken.yaml", text)
    with pytest.raises(DataError, match=detail) as caught:
        load_dictionary(extra=[path])
    assert str(path) in str(caught.value)


def test_missing_user_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    with pytest.raises(DataError, match="cannot read") as caught:
        load_dictionary(extra=[missing])
    assert str(missing) in str(caught.value)


def test_an_empty_user_file_changes_nothing(tmp_path: Path) -> None:
    merged = load_dictionary(extra=[_write(tmp_path / "empty.yaml", "")])
    assert set(merged.organisations) == set(load_dictionary().organisations)
