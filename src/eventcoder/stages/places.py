"""Stage ``places``: where each event happened — country, admin areas, location, coordinates.

Reads ``work.annotations`` (GPE/LOC/FAC entities, NORP adjectives) and each event's mentions;
writes country, iso, region, admin1, admin2, location, latitude, longitude and geo_precision,
with evidence for ``location`` (and ``country`` when a separate span names it).

Toponyms come from the parser's place entities and from ACLED-notes patterns ("in X (Y, Z)",
"in X, Y"), never from a scan of all words against all names ("March", "Adnan Afrin"). Each is
looked up in the :class:`~eventcoder.gazetteer.Gazetteer`; candidates are scored by the
article's country focus (countries named as places, nationality adjectives, unambiguous towns),
admin areas named beside them, population, and whether the toponym stands in the event's own
sentences. Precision follows ACLED: 1 the named town, 2 "near X" or a town elsewhere in the
article, 3 only an admin area or country known (its most populous town stands in).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from ..classify import CountryModel, load_model
from ..config import Config
from ..gazetteer import Gazetteer, Place
from ..model import Annotations, Evidence, EventRecord, Span, Work
from ..registry import stage

# Words spaCy sometimes tags as places, and that are never the place of an event.
_NOT_PLACES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "east", "west", "north", "south", "state", "city", "capital", "town",
    "village", "province", "district", "region", "county", "border", "the border",
}  # fmt: skip
_CAP = r"[A-Z][\w'’.-]*(?:[ -](?:(?:al|el|ad|ar|as|az|de|del|la|le|of|ez|es|ash)[ -])?[A-Z][\w'’.-]*){0,4}"
# ACLED notes: "in Qaatabah (Qaatabah, Ad Dali)", "at Bab Ghaliq (Qaatabah, Ad Dali)".
_PAREN = re.compile(rf"\b({_CAP})\s*\(([^()]{{2,80}})\)")
# "in Tijuana, Baja California" / "near Serhiivka" / "in Ahwar".
_PREP = re.compile(rf"\b(in|at|near|outside|around|of|from|into|across)\s+(?:the\s+)?({_CAP})(?:,\s*({_CAP}))?")
_NEAR = re.compile(r"\b(?:near|outside|outskirts of|close to|around|km from|kilometres from|miles from)\s+(?:the\s+)?$", re.I)
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Country names that news uses as adjectives before a noun ("U.S. troops", "UK officials").
_ADJECTIVAL = re.compile(r"^(?:U\.?S\.?A?|U\.?K\.?|US|UK|EU|UN)$")

# Scoring weights; tuned by hand on non-holdout ACLED notes (bench/places_accuracy.py).
W_FOCUS = 10.0  # share of the article's country focus
W_HINT = 6.0  # an admin area named beside the toponym contains the candidate
W_MENTION = 3.0  # the toponym stands in one of the event's own sentences
W_LEVEL = {3: 3.0, 2: 2.0, 1: 1.5, 0: 0.0}  # more specific places first
W_POPULATION = 0.4  # per order of magnitude
W_FUZZY = 4.0  # found by consonant skeleton only ("Baghouz" for "Baghuz"): a weaker match
# The text-to-country fallback is trusted at this probability or more: 0.995 correct on
# validation notes at 0.7 (92% of them answered), see bench/places_accuracy.py.
COUNTRY_MODEL_FLOOR = 0.7
W_HINT_COUNTRY = 4.0  # an event sentence's toponym whose admin hints match puts its country first
W_MENTION_COUNTRY = 2.0  # an unambiguous toponym in the event's own sentences


@dataclass(frozen=True, slots=True)
class Toponym:
    span: Span
    sent: int
    candidates: tuple[Place, ...]
    hints: tuple[str, ...]
    near: bool
    after_preposition: bool
    fuzzy: bool = False


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
        self.iso2_of_country = {p.country: iso2 for iso2, p in self.gazetteer.countries.items()}

    def __call__(self, work: Work) -> Work:
        ann = work.annotations
        assert ann is not None  # Pipeline.check(): nlp runs first
        toponyms = self.toponyms(work.article.text, ann)
        focus = self.country_focus(ann, toponyms)
        if not focus and work.events:
            # No place the gazetteer knows: the article's words may still say where it is.
            country, confidence = self.country_model.predict(work.article.text)
            if confidence >= COUNTRY_MODEL_FLOOR and country in self.iso2_of_country:
                focus[self.iso2_of_country[country]] += 1.0
        return work.with_events([self.place_event(e, toponyms, focus) for e in work.events])

    # -- finding toponyms ------------------------------------------------------------------

    def toponyms(self, text: str, ann: Annotations) -> list[Toponym]:
        spans: dict[tuple[int, int], tuple[int, tuple[str, ...], bool]] = {}
        sent_of = _sentence_index(ann)
        for m in _PAREN.finditer(text):
            hints = tuple(h.strip() for h in m.group(2).split(",") if h.strip())
            spans[(m.start(1), m.end(1))] = (sent_of(m.start(1)), hints, True)
        for m in _PREP.finditer(text):
            if (m.start(2), m.end(2)) not in spans:
                hints = (m.group(3),) if m.group(3) else ()
                spans[(m.start(2), m.end(2))] = (sent_of(m.start(2)), hints, True)
            if m.group(3) and (m.start(3), m.end(3)) not in spans:
                spans[(m.start(3), m.end(3))] = (sent_of(m.start(3)), (), True)
        for e in ann.entities:
            if e.label in _PLACE_LABELS:
                key = (e.span.start, e.span.end)
                if not any(s <= key[0] and key[1] <= t for s, t in spans):
                    before = text[max(0, e.span.start - 12) : e.span.start].lower()
                    prep = bool(re.search(r"\b(in|at|near|of|from|outside)\s+(the\s+)?$", before))
                    spans[key] = (e.sent, (), prep)
        out = []
        for (start, end), (sent, hints, prep) in sorted(spans.items()):
            raw = text[start:end]
            name = re.sub(r"^(?:the|eastern|western|northern|southern|central)\s+", "", raw, flags=re.I)
            name = re.sub(r"(?:'s|’s)$", "", name).strip(" .,")
            if len(name) < 3 or name.lower() in _NOT_PLACES:
                continue
            if text[end : end + 1] == "-" and re.match(r"-[a-z]", text[end : end + 2]):
                continue  # "U.S.-backed", "Saudi-led": an adjective, not the place of the event
            if _ADJECTIVAL.match(name) and re.match(r"\.?\s+[a-z]", text[end : end + 3]):
                continue  # "a U.S. defense official": the country as an adjective
            acronym = name.isupper() and len(name.replace(".", "")) <= 4
            candidates = tuple(self.gazetteer.lookup(name, fuzzy=False))
            if acronym:
                # "SDF", "ODM": organisations far more often than places; only countries pass.
                candidates = tuple(c for c in candidates if c.level == 0)
            fuzzy = not candidates and not acronym
            if fuzzy:
                candidates = tuple(self.gazetteer.lookup(name))
            if not candidates:
                continue
            offset = start + raw.find(name) if name in raw else start
            near = bool(_NEAR.search(text[max(0, start - 25) : start]))
            out.append(
                Toponym(
                    Span(offset, offset + len(name), name), sent, candidates, hints, near, prep, fuzzy
                )
            )
        return out

    def country_focus(self, ann: Annotations, toponyms: list[Toponym]) -> Counter[str]:
        """How strongly the article is about each country (ISO alpha-2 -> weight)."""
        focus: Counter[str] = Counter()
        for t in toponyms:
            countries = {c.iso2 for c in t.candidates}
            if t.fuzzy:
                continue
            if any(c.level == 0 for c in t.candidates):
                for c in t.candidates:
                    if c.level == 0:
                        focus[c.iso2] += 3.0 if t.after_preposition else 1.5
            elif len(countries) == 1:
                focus[next(iter(countries))] += 2.0 if t.after_preposition else 1.0
            else:
                for iso2 in countries:
                    focus[iso2] += 0.5 / len(countries)
        for e in ann.entities:
            if e.label == "NORP":
                iso2 = self.gazetteer.country_of_adjective(e.span.text)
                if iso2:
                    focus[iso2] += 0.5
        return focus

    # -- choosing the place of one event ---------------------------------------------------

    def place_event(self, event: EventRecord, toponyms: list[Toponym], focus: Counter[str]) -> EventRecord:
        mention_sents = {m.sent for m in event.mentions}
        country = self._event_country(toponyms, focus, mention_sents)
        best: Choice | None = None
        for t in toponyms:
            in_mention = t.sent in mention_sents
            for place in t.candidates:
                if place.iso2 != country:
                    continue
                score = (
                    W_LEVEL[place.level]
                    + W_POPULATION * math.log10(place.population + 1)
                    + (W_MENTION if in_mention else 0.0)
                    + (W_HINT if _hint_matches(place, t.hints) else 0.0)
                    - (W_FUZZY if t.fuzzy else 0.0)
                )
                if best is None or score > best.score:
                    best = Choice(place, t, score)
        if best is None:
            return self._country_only(event, country)
        place, toponym = best.place, best.toponym
        precision = 2 if toponym.near else 1
        if place.level < 3:
            finer = self._finer_town(place, toponyms, mention_sents, focus)
            if finer is not None:
                place, toponym = finer.place, finer.toponym
                precision = 1 if toponym.sent in mention_sents and not toponym.near else 2
            else:
                precision = 3
        if toponym.sent not in mention_sents and precision == 1:
            precision = 2  # the town is named in the article, not in this event's sentences
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

    def _event_country(
        self, toponyms: list[Toponym], focus: Counter[str], mention_sents: set[int]
    ) -> str:
        """The article's focus, sharpened by what the event's own sentences name."""
        scores: Counter[str] = Counter(focus)
        for t in toponyms:
            if t.sent not in mention_sents:
                continue
            hinted = {c.iso2 for c in t.candidates if _hint_matches(c, t.hints)}
            for iso2 in hinted:
                scores[iso2] += W_HINT_COUNTRY
            if hinted or t.fuzzy:
                continue
            # The most populous reading of an ambiguous name ("Dhaka": the capital, not a village
            # in India) votes for its country; an unambiguous name votes for its own.
            top = max(t.candidates, key=lambda c: (c.level == 0, c.population))
            scores[top.iso2] += W_MENTION_COUNTRY
        return scores.most_common(1)[0][0] if scores else ""

    def _finer_town(
        self, area: Place, toponyms: list[Toponym], mention_sents: set[int], focus: Counter[str]
    ) -> Choice | None:
        """A town elsewhere in the article inside the admin area or country the event names."""
        best: Choice | None = None
        for t in toponyms:
            for place in t.candidates:
                if place.level != 3 or place.iso2 != area.iso2:
                    continue
                if area.level >= 1 and place.admin1_code != area.admin1_code:
                    continue
                score = (2.0 if t.sent in mention_sents else 0.0) + W_POPULATION * math.log10(
                    place.population + 1
                ) + (W_HINT if _hint_matches(place, t.hints) else 0.0)
                if best is None or score > best.score:
                    best = Choice(place, t, score)
        return best

    def _country_only(self, event: EventRecord, iso2: str) -> EventRecord:
        """No town or area resolved: the event's country, if any, at precision 3."""
        country = self.gazetteer.countries.get(iso2)
        if country is None:
            return event
        seat = self.gazetteer.seat_of(country)
        return event.with_evidence(
            country=country.country,
            iso=country.iso,
            region=country.region,
            admin1=seat.admin1,
            location=seat.name,
            latitude=round(seat.latitude, 4),
            longitude=round(seat.longitude, 4),
            geo_precision=3,
        )


def _hint_matches(place: Place, hints: tuple[str, ...]) -> bool:
    from ..gazetteer import name_key

    names = {name_key(place.admin1), name_key(place.admin2), name_key(place.country)} - {""}
    return any(name_key(h) in names for h in hints)


def _sentence_index(ann: Annotations):  # type: ignore[no-untyped-def]
    starts = [s.span.start for s in ann.sentences]

    def find(offset: int) -> int:
        import bisect

        return max(0, bisect.bisect_right(starts, offset) - 1)

    return find
