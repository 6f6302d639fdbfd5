"""Stage ``places``: where each event happened — country, admin areas, location, coordinates.

Reads ``work.annotations`` (GPE/LOC/FAC entities, NORP adjectives) and each event's mentions;
writes country, iso, region, admin1, admin2, location, latitude, longitude and geo_precision,
with evidence for ``location`` (and ``country`` when a separate span names it).

Toponyms come from the parser's place entities and from ACLED-notes patterns ("in X (Y, Z)",
"in Boda upazila (Panchagarh, Rangpur)", "in X, Y"), never from a scan of all words against all
names ("March", "Adnan Afrin"). Names that are people ("President Kibaki", "Samburu raiders")
are passed over or kept as a last resort. Each is looked up in the
:class:`~eventcoder.gazetteer.Gazetteer` (a kind word the writer added, "Zahle City", "Nyamira
County", is dropped when the whole is unknown), then in other readings (:mod:`.place_names`:
"Mount Elgon", "in Tijuana Baja California", look-alike spellings). Finding them is
:mod:`.place_toponyms`; this module chooses among their readings.

The country comes first: a vote of the countries named where something happened, of the
bracketed admin areas, of towns by the prominence of their readings (a city of millions outweighs
a namesake hamlet), of nationality adjectives, and of the text-to-country model (the words
"upazila", "matatu", "township" say where a note is even when its places are unknown). Then
candidates in that country are scored by level, population, the admin areas named beside them,
the kind word after them, and whether they stand (first) in the event's own sentences; bracketed
admin areas stand in only when the place itself is unknown (the first, most specific, first:
each lies in the ones after it); readings outside the areas named beside a place are namesakes,
passed over when those areas lie in another country. Precision follows ACLED: 1 the named
town, 2 "near X" or a town elsewhere in the article, 3 only an admin area or country known (its
most populous town stands in). Where the text names no place finer than the country, the
text-to-admin1 model (``data/models/area.joblib``, see the model card) picks the admin1 area that
its words point to ("Al Shabaab ambushed police": Kenya's north-east), at precision 3.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..classify import CountryModel, load_model
from ..config import Config
from ..gazetteer import Gazetteer, Place, name_key
from ..model import Annotations, EventRecord, Evidence, Work
from ..registry import stage
from .place_names import country_shares, hint_resolves, population_of
from .place_toponyms import SMALL_TOWN, Toponym, find_toponyms, hint_keys, hint_matches

# Scoring weights; tuned by hand on non-holdout ACLED notes
# (bench/errors.py country, admin1 and within_25km).
W_FOCUS = 10.0  # share of the article's country focus
W_HINT = 6.0  # an admin area named beside the toponym contains the candidate
W_MENTION = 3.0  # the toponym stands in one of the event's own sentences
W_LEVEL = {3: 3.0, 2: 2.0, 1: 1.5, 0: 0.0}  # more specific places first
W_POPULATION = 0.4  # per order of magnitude
W_FUZZY = 4.0  # found by consonant skeleton only ("Baghouz" for "Baghuz"): a weaker match
W_KIND = 2.0  # "Baringo county" is the county, "Baragoi town" the town
W_FIRST = 1.0  # the first place named in the event's sentences: where notes and leads put it
W_CONTEXT = 5.0  # a bracketed admin area: the place's surroundings, not the place
# A name outside place patterns and entities: only when nothing else resolves, unless a kind word
# follows it ("Tirioko Tiaty Sub-county", "Hemayetpur union" say they are places).
W_LOOSE = 6.0
W_PEOPLE = 8.0  # a people's home county ("Pokot raiders"): only when no place is named
W_HINT_MISS = 6.0  # a namesake outside the admin areas named in the toponym's brackets
W_CODED = 8.0  # ACLED's "(coded as X)": the note's coder named the location outright
# The text-to-country fallback votes at this probability or more. Trained on several corpora
# (scripts/build_country_model.py) it is less sure of Kenya-style notes than the notes-only model
# was; on a validation fifth of the training side it is right on 0.984 of ACLED notes at 0.3
# (99% answered; 0.996 at 0.7, 93%), and through the places stage 0.35 kept Kenya's country
# (0.981, against 0.958 at 0.7) while CIR went 0.15 -> 0.43 and GVA's US news 0.63 -> 0.90.
COUNTRY_MODEL_FLOOR = 0.35
# The model's vote, times its probability: below a country named after "in" (3.0) plus a town
# there, above a lone namesake village abroad; measured on non-holdout notes with a model
# trained without them (1.0 to 5.0 tried; 5.0 overrode named places in the global notes).
W_MODEL = 3.0
# A hamlet-only name not said to be where anything happened votes a quarter: "Kibaki named the
# cabinet" (a Ukrainian village's alternate name); measured on non-holdout notes.
WEAK_VOTE = 0.25
W_HINT_COUNTRY = 4.0  # an event sentence's toponym whose admin hints match puts its country first
W_MENTION_COUNTRY = 2.0  # an unambiguous toponym in the event's own sentences


@dataclass(frozen=True, slots=True)
class Choice:
    place: Place
    toponym: Toponym
    score: float


@stage("places", requires=("annotations", "events"), provides=("events.place",), version=1)
class PlacesStage:
    """Geocode each event: country, admin1/admin2, location, coordinates, geo_precision."""

    def __init__(self, config: Config) -> None:
        self.gazetteer = Gazetteer(config.section("places").get("cache_dir") or None)
        self.country_model: CountryModel = load_model(kind="country")
        self.area_model: CountryModel = load_model(kind="area")
        self.iso2_of_country = {p.country: iso2 for iso2, p in self.gazetteer.countries.items()}

    def __call__(self, work: Work) -> Work:
        ann = work.annotations
        assert ann is not None  # Pipeline.check(): nlp runs first
        toponyms = find_toponyms(self.gazetteer, work.article.text, ann)
        focus = self.country_focus(ann, toponyms)
        if work.events:
            # The article's words ("upazila", "matatu", "township") say where it is too: a vote
            # beside the places named, and the only one when the gazetteer knows none of them.
            country, confidence = self.country_model.predict(work.article.text)
            if confidence >= COUNTRY_MODEL_FLOOR and country in self.iso2_of_country:
                focus[self.iso2_of_country[country]] += W_MODEL * confidence
        guessed: list[dict[str, float]] = []

        def area() -> dict[str, float]:
            # Asked only for events whose places say no more than the country; once an article.
            if not guessed:
                guessed.append(self.area_model.probabilities(work.article.text))
            return guessed[0]

        return work.with_events(
            [self.place_event(e, toponyms, focus, area) for e in work.events]
        )

    def country_focus(self, ann: Annotations, toponyms: list[Toponym]) -> Counter[str]:
        """How strongly the article is about each country (ISO alpha-2 -> weight)."""
        focus: Counter[str] = Counter()
        for t in toponyms:
            if t.fuzzy or t.people or t.loose:
                continue
            if any(c.level == 0 for c in t.candidates):
                for c in t.candidates:
                    if c.level == 0:
                        focus[c.iso2] += 3.0 if t.after_preposition else 1.5
                continue
            hinted = {c.iso2 for c in t.candidates if hint_matches(c, t.hints)}
            for iso2 in hinted:
                focus[iso2] += W_HINT_COUNTRY
            if t.coded:
                # ACLED's coder named this location: its country, as surely as matching hints.
                for iso2, share in country_shares(t.candidates).items():
                    focus[iso2] += W_HINT_COUNTRY * share
            weight = (2.0 if t.after_preposition else 1.0) * _vote(t)
            for iso2, share in country_shares(t.candidates).items():
                focus[iso2] += weight * share
        for e in ann.entities:
            if e.label == "NORP":
                iso2 = self.gazetteer.country_of_adjective(e.span.text)
                if iso2:
                    focus[iso2] += 0.5
        return focus

    # -- choosing the place of one event ---------------------------------------------------

    def place_event(
        self,
        event: EventRecord,
        toponyms: list[Toponym],
        focus: Counter[str],
        area: Callable[[], dict[str, float]] | None = None,
    ) -> EventRecord:
        mention_sents = {m.sent for m in event.mentions}
        country = self._event_country(toponyms, focus, mention_sents)
        best: Choice | None = None
        areas = self._hint_areas(toponyms, country)
        # The admin areas bracketed in the event's own sentences bound where it is: a namesake
        # or a spelling match outside them ("the Sin Yay Twin bus stop" read as a Rakhine
        # village, in a note bracketed "(Yangon-West District, Yangon Region)") is another place.
        event_areas = self._hint_areas([t for t in toponyms if t.sent in mention_sents], country)
        first = next(
            (t for t in toponyms if t.sent in mention_sents and not t.context
             and any(c.iso2 == country for c in t.candidates)),
            None,
        )  # fmt: skip
        for t in toponyms:
            in_mention = t.sent in mention_sents
            for place in t.candidates:
                if place.iso2 != country:
                    continue
                hinted = hint_matches(place, t.hints) or hint_resolves(self.gazetteer, place, t.hints)
                # "Samburu villagers": the county, not a namesake hamlet in another county.
                elsewhere = (
                    place.level == 3
                    and place.population < SMALL_TOWN
                    and t.kind != "town"
                    and any(
                        c.level == 1 and c.iso2 == country and c.admin1_code != place.admin1_code
                        for c in t.candidates
                    )
                )
                # A namesake outside the areas its brackets name is another place.
                missed = not hinted and any(hint_keys(h) & areas for h in t.hints)
                outside = (
                    not missed
                    and not t.context
                    and bool(event_areas)
                    and not {name_key(place.admin1), name_key(place.admin2)} & event_areas
                )
                score = (
                    W_LEVEL[place.level]
                    + W_POPULATION * math.log10(population_of(place) + 1)
                    + (W_MENTION if in_mention else 0.0)
                    + (W_HINT if hinted else 0.0)
                    - (W_HINT_MISS if missed or outside else 0.0)
                    - (W_CONTEXT if t.context else 0.0)
                    - (W_PEOPLE if t.people else 0.0)
                    - (W_KIND if elsewhere else 0.0)
                    - (W_LOOSE if t.loose and not t.kind else 0.0)
                    - (W_FUZZY if t.fuzzy else 0.0)
                    + (W_KIND if _kind_fits(t.kind, place) else 0.0)
                    + (W_FIRST if t is first else 0.0)
                    + (W_CODED if t.coded else 0.0)
                )
                if best is None or score > best.score:
                    best = Choice(place, t, score)
        if best is None:
            return self._country_only(event, country, area)
        place, toponym = best.place, best.toponym
        precision = 2 if toponym.near or toponym.township else 1
        if place.level < 3:
            finer = self._finer_town(place, toponyms, mention_sents, focus)
            if finer is not None:
                place, toponym = finer.place, finer.toponym
                named_here = toponym.sent in mention_sents or _sole_town(toponyms, place)
                precision = 1 if named_here and not toponym.near else 2
            else:
                precision = 3
                guessed = self._area_guess(area, place) if place.level == 0 else None
                if guessed is not None:
                    place = guessed
        if toponym.sent not in mention_sents and precision == 1 and not _sole_town(toponyms, place):
            # The town is named elsewhere in an article that names other towns too: the event is
            # near it, not surely in it. Where it is the only town named ("the enclave at
            # Baghouz ... air assaults demolished IS stores"), the article places the event there.
            precision = 2
        point = place if place.level == 3 else self.gazetteer.seat_of(place)
        ev = Evidence("location", toponym.span, self.info.name, self.info.version)  # type: ignore[attr-defined]
        return event.with_evidence(
            ev,
            country=place.country,
            iso=place.iso,
            region=place.region,
            admin1=place.admin1 if place.level >= 1 else point.admin1,
            admin2=place.admin2 if place.level >= 2 else (point.admin2 if place.level == 0 else ""),
            admin3="",
            location=point.name if place.level < 3 else place.name,
            latitude=round(point.latitude, 4),
            longitude=round(point.longitude, 4),
            geo_precision=precision,
        )

    def _hint_areas(self, toponyms: list[Toponym], country: str) -> set[str]:
        """Name keys of the bracketed admin areas that the gazetteer places in ``country``, with
        and without their kind word ("Kachin State" is Kachin)."""
        return {
            key
            for t in toponyms
            if t.context and any(c.iso2 == country and c.level in (1, 2) for c in t.candidates)
            for key in hint_keys(t.span.text)
        }

    def _event_country(
        self, toponyms: list[Toponym], focus: Counter[str], mention_sents: set[int]
    ) -> str:
        """The article's focus, sharpened by what the event's own sentences name."""
        scores: Counter[str] = Counter(focus)
        for t in toponyms:
            if t.sent not in mention_sents or t.people or t.loose:
                continue
            hinted = {c.iso2 for c in t.candidates if hint_matches(c, t.hints)}
            for iso2 in hinted:
                scores[iso2] += W_HINT_COUNTRY
            if hinted or t.fuzzy:
                continue
            # An ambiguous name votes by the prominence of its readings ("Dhaka": the capital,
            # not a village in India); an unambiguous name votes for its own country.
            for iso2, share in country_shares(t.candidates).items():
                scores[iso2] += W_MENTION_COUNTRY * share * _vote(t)
        return scores.most_common(1)[0][0] if scores else ""

    def _finer_town(
        self, area: Place, toponyms: list[Toponym], mention_sents: set[int], focus: Counter[str]
    ) -> Choice | None:
        """A town elsewhere in the article inside the admin area or country the event names."""
        best: Choice | None = None
        for t in toponyms:
            if t.context:
                continue  # "(Rangpur)" names the division, not its city
            for place in t.candidates:
                if place.level != 3 or place.iso2 != area.iso2:
                    continue
                if area.level >= 1 and place.admin1_code != area.admin1_code:
                    continue
                score = (2.0 if t.sent in mention_sents else 0.0) + W_POPULATION * math.log10(
                    place.population + 1
                ) + (W_HINT if hint_matches(place, t.hints) else 0.0) + (
                    W_KIND if area.level == 2 and place.admin2 == area.admin2 else 0.0
                )
                if best is None or score > best.score:
                    best = Choice(place, t, score)
        return best

    def _area_guess(self, area: Callable[[], dict[str, float]] | None, country: Place) -> Place | None:
        """The admin1 area of ``country`` that the text-to-admin1 model finds most probable.

        Only for texts whose places say no more than the country ("Ethnic clashes over cattle",
        "Al Shabaab attack police"): the words say where such events happen better than the
        capital does (147 of 389 right against 76, on validation notes naming no place). No
        probability floor: in a 3-fold check on the 1,735 non-holdout Kenya notes whose gold
        place is not written in them, the model's county beat the capital at every probability,
        below 0.1 too (19 of 146 right against 12); picking within the country adds one more.
        """
        if area is None:
            return None
        # The most probable admin1 area of the country the places decided on: a note that the
        # model reads as Bangladeshi ("nomination results") is still placed within Kenya.
        inside = {
            label.partition("|")[2]: p
            for label, p in area().items()
            if label.startswith(f"{country.country}|")
        }
        admin1 = max(inside, key=inside.__getitem__, default="")
        if not admin1:
            return None
        for place in self.gazetteer.lookup(admin1, fuzzy=False):
            if place.level == 1 and place.iso2 == country.iso2:
                return place
        return None

    def _country_only(
        self, event: EventRecord, iso2: str, area: Callable[[], dict[str, float]] | None = None
    ) -> EventRecord:
        """No town or area resolved: the event's country, if any, at precision 3; the admin1
        area the text's words point to stands in for the capital."""
        country = self.gazetteer.countries.get(iso2)
        if country is None:
            return event
        guessed = self._area_guess(area, country)
        seat = self.gazetteer.seat_of(guessed or country)
        return event.with_evidence(
            country=country.country,
            iso=country.iso,
            region=country.region,
            admin1=guessed.admin1 if guessed else seat.admin1,
            location=seat.name,
            latitude=round(seat.latitude, 4),
            longitude=round(seat.longitude, 4),
            geo_precision=3,
        )


def _vote(t: Toponym) -> float:
    """How much a toponym says about the country: little for a name that is not said to be
    where something happened and that only hamlets bear ("Kibaki named ...", "aggression on
    Gaza")."""
    if t.after_preposition or t.coded or any(hint_matches(c, t.hints) for c in t.candidates):
        return 1.0
    if all(c.level == 0 for c in t.candidates):
        return 0.5
    if all(c.level == 3 and c.population < SMALL_TOWN for c in t.candidates):
        return WEAK_VOTE
    return 1.0


def _kind_fits(kind: str, place: Place) -> bool:
    return (kind == "area" and place.level in (1, 2)) or (kind == "town" and place.level == 3)


def _sole_town(toponyms: list[Toponym], place: Place) -> bool:
    """True when every name in the article that can only be a town is this place's name.

    Names that may be a country or an admin area ("Iraq", also a hamlet's name) do not count.
    """
    towns = {
        name_key(t.span.text)
        for t in toponyms
        if t.candidates and all(c.level == 3 for c in t.candidates)
    }
    return towns <= {name_key(t.span.text) for t in toponyms if place in t.candidates}
