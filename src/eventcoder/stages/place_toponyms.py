"""Finding the toponyms of an article (stage ``places``, before any place is chosen).

Used by :mod:`eventcoder.stages.places`: :func:`find_toponyms` reads ``article.text`` and its
``Annotations`` (sentences, GPE/LOC/FAC and PERSON entities) and returns each place name with its
readings in the :class:`~eventcoder.gazetteer.Gazetteer`, the admin areas named beside it (its
hints) and what the words around it say (after "in", "near X", a kind word, a people, ACLED's
"(coded as X)"). Names come from ACLED-notes patterns ("in X (Y, Z)", "in Boda upazila
(Panchagarh, Rangpur)", "in X, Y", "Lokori in Turkana South") and the parser's place entities,
then, as a last resort, other capitalised names the gazetteer knows as an admin area or a conflict
location; never from a scan of all words against all names ("March", "Adnan Afrin"). Names that
are people ("President Kibaki") or institutions ("Court of Justice") are passed over; a kind word
the writer added ("Zahle City") is dropped when the whole is unknown, then other readings are
tried (:mod:`.place_names`). Choosing among the readings is the stage's work. Reads only the
gazetteer; never fails (a text that names no place gives an empty list).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..gazetteer import Gazetteer, Place, name_key
from ..model import Annotations, Span
from .place_names import (
    FUZZY_FLOOR,
    abroad,
    compass_part,
    conflict_location,
    mountain,
    similarity,
    town_and_area,
)

# Words spaCy sometimes tags as places, and that are never the place of an event.
_NOT_PLACES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "east", "west", "north", "south", "state", "city", "capital", "town",
    "village", "province", "district", "region", "county", "border", "the border",
}  # fmt: skip
# A capitalised name of up to five words; a full stop only inside a word ("U.S."), never at a
# sentence end ("in Wajir. The gunmen").
# Lower-case joiners of Arabic, Spanish and Portuguese names ("Mato Grosso do Sul": cut at "do",
# "Mato Grosso" is the neighbouring state).
_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*"
_CAP = rf"{_WORD}(?:[ -](?:(?:al|el|ad|ar|as|az|de|del|do|da|dos|das|la|le|of|ez|es|ash)[ -])?{_WORD}){{0,4}}"
# The kind of place written after its name ("Boda upazila", "Bahan township", "Baringo county").
_KIND = (
    r"(?i:city|town|township|upazila|upazila town|district town|municipality|village|village tract"
    r"|ward|district|sub-county|county|division|region|state|province|governorate|LGA|area"
    r"|sector area|constituency|estate|camp|market|locality|sub-district|subcounty|sadar"
    r"|neighbou?rhood|suburb)"
)
# ACLED notes: "in Qaatabah (Qaatabah, Ad Dali)", "in Boda upazila (Panchagarh, Rangpur)",
# "in Dhaka - Gulshan (Gulshan)".
_PAREN = re.compile(rf"\b({_CAP}(?:\s+-\s+{_CAP})?)(?:\s+{_KIND})?,?\s*\(([^()]{{2,80}})\)")
# A trailing kind word that is part of the phrase, not of the name: "Zahle City", "Nyamira County".
_KIND_SUFFIX = re.compile(rf"\s+{_KIND}$")
# Kind words that say the name is an admin area ("Baringo county") or a town ("Baragoi town").
_AREA_KIND = re.compile(
    r"^\s+(?i:county|district|sub-county|subcounty|division|region|province|state|governorate"
    r"|upazila|LGA|sadar)\b(?!\s+town)"
)
# A township is named after its seat town (Myanmar's "Gangaw township", "Sanchaung township"):
# ACLED codes the town, at precision 2 when no village in it is known.
_TOWN_KIND = re.compile(
    r"^\s+(?i:city|town|village|municipality|locality|township|(?:district|upazila) town)\b"
)
_TOWNSHIP = re.compile(r"^\s+(?i:township)\b")
# A title before a name makes it a person's ("President Kibaki", "Mr. Wakaba").
_TITLE_BEFORE = re.compile(
    r"\b(?:President|Mr|Mrs|Ms|Dr|MP|Senator|Governor|Minister|PM|Gen|General|Chief|Sheikh|Pastor"
    r"|Bishop|leader|chairman)\.?\s+$"
)
# Words before "of X" that make X a place: "residents of Eldama Ravine", "villagers of X".
_DWELLERS_OF = (
    r"(?:residents|inhabitants|people|villagers|natives|youths?|traders|farmers|locals"
    r"|parts|outskirts)\s+of"
)
# "in northern Aleppo", "across eastern Ukraine": the place is where the event is (ACLED codes
# "in southern Qalqiliyah" at precision 1, measured on non-holdout notes).
_COMPASS_OF = r"(?:(?:(?:north|south)-?(?:east|west)?|east|west)(?:ern)?|central)"
# Words before a name that put something there ("in", "at", "the town of"). "from", "of" and
# "on" alone name an origin or an object ("came from Syria", "aggression on Gaza"), which says
# less about where the event is.
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|around|across|inside|within|into|towards?|"
    r"(?:town|city|village|area|outskirts|district|province|county|region|state|suburbs?"
    r"|north|south|east|west|northeast|northwest|southeast|southwest)\s+of"
    rf"|{_DWELLERS_OF})\s+(?:the\s+)?(?:{_COMPASS_OF}\s+)?$",
    re.I,
)
# Trailing words of an institution, office or feature named after its place: "Bungoma High
# School", "Kirinyaga University College", "Siaya Senator", "Lamu Island", "North Horr Location",
# and an organisation's acronym after a place ("Webuye West ANC").
_NAMED_AFTER = re.compile(
    r"\s+(?:High|Secondary|Primary|Boys|Girls|Mixed|Academy|Schools?|University|College|Institute"
    r"|Polytechnic|Technical|Teachers|Training|Hospital|Referral|Police|Station|Post|Prisons?"
    r"|Market|Stadium|Islands?|Valley|Location|Ward|Constituency|Delta|Hills?|Escarpment"
    r"|Plateau|Conservancy|Reserve|Ranch|Farm|Dam|Polling|Tallying|Centre|Center|Offices?|Hall"
    r"|Senator|Governor|MP|MCA|Assembly|Estate|Camp|Refugee|Airport|Bridge|Forest|Church|Mosque"
    r"|Cathedral|Law|Courts?|Bus|Park|Club|Hotel|Mall|Square|Junction|Barracks|Slums?|Primaries"
    r"|[A-Z]{2,5})$"
)
# Words that name the kind of an institution, not its place ("Federal Police", "National Assembly").
_GENERIC_STEMS = {
    "federal", "national", "state", "central", "general", "royal", "republican", "presidential",
    "military", "special", "islamic", "international", "regional", "provincial", "municipal",
    "district", "county", "city", "community", "public", "private", "catholic", "christian",
    "muslim", "anglican", "methodist", "baptist", "main", "old", "new", "high", "supreme",
}  # fmt: skip
_DIRECTION = re.compile(
    r"^(?:North|South|East|West|Central)\s+(?=\w)|\s+(?:North|South|East|West|Central)$"
)
# ACLED's "(coded as X, Y)", "(location coded as X)": X is the location ACLED chose; its name
# ends where lower-case words begin ("coded as Mai Mahiu with GP2 for ...", "coded as Laiza town").
_CODED = re.compile(r"^(?:location\s+)?coded (?:as|to)\s+", re.I)
# The same outside a place's brackets: "in Mau forest (no exact location reported, location coded
# as Mau Narok with GP2)", "outside parliament [coded to Athens-Central Athens]". Actors are coded
# so too ("coded as Southern Resistance"): only names the gazetteer knows as written count.
_CODED_ANYWHERE = re.compile(rf"\bcoded (?:as|to)\s+({_CAP})")
# A second bracket right after the first: "X village (coded as Y) (Z township, W region)".
_NEXT_PAREN = re.compile(r"\s*\(([^()]{2,80})\)")
# "Lokori in Turkana South", "Karima ward in Nyeri", "Mau Narok division of Nakuru County":
# the area after "in" (or after "of", when a kind word says the first name is a place) holds
# the place before it.
_IN_AREA = re.compile(
    rf"\b({_CAP})(?:\s+({_KIND}))?\s+(?:in|of)\s+(?:the\s+)?({_CAP})(?:\s+{_KIND})?"
)
# A name followed by a group of people names a people, not a place: "Samburu raiders",
# "Turkana and Pokot herders", "Garre clan".
_PEOPLE_AFTER = re.compile(
    r"^(?:\s+(?:and|&)\s+[A-Z][\w'-]+)?\s+(?:raiders?|herders?|herdsmen|militias?|militiamen"
    r"|bandits?|clans?|clansmen|tribes?|tribesmen|warriors?|pastoralists?|morans?|elders?"
    r"|ethnic|community|communities|fighters?|gunmen)\b"
)
# "Court of Justice", "Ministry of Interior": a capitalised word and "of" make the name after
# them part of an institution's name, unless the word says a place follows ("Town of", "Gulf of",
# "Residents of").
_INSTITUTION_OF = re.compile(r"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?$")
_PLACE_OF = {
    "town", "city", "village", "district", "province", "state", "county", "region", "area",
    "governorate", "municipality", "republic", "kingdom", "emirate", "gulf", "sea", "strait",
    "bay", "island", "islands", "lake", "port", "outskirts", "suburbs", "parts", "centre",
    "center", "heart", "capital", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "residents", "inhabitants", "people", "villagers", "natives",
    "youths", "traders", "farmers", "locals", "streets",
}  # fmt: skip
_POSSESSIVE = re.compile(r"['’]s\s")
_SENTENCE_START = re.compile(r"[.!?:;\n]\s*[\"'“(]?$")
# "in Tijuana, Baja California" / "near Serhiivka" / "in Ahwar".
# "in Kohistan district, Badakhshan", "in Buenos Aires, Nuevo Chimbote, Ancash": group 3 holds
# the areas named after the place, each around the one before.
_PREP = re.compile(
    rf"\b(in|at|near|outside|around|of|from|into|across)\s+(?:the\s+)?(?:{_COMPASS_OF}\s+)?"
    rf"({_CAP})"
    rf"((?:\s+{_KIND}(?=,))?(?:,\s*{_CAP}(?:\s+{_KIND}(?=[,\s.;)]))?)*)"
)
_NEAR = re.compile(
    r"\b(?:near|outside|outskirts of|close to|around|km from|kilometres from|miles from)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Country names that news uses as adjectives before a noun ("U.S. troops", "UK officials").
_ADJECTIVAL = re.compile(r"^(?:U\.?S\.?A?|U\.?K\.?|US|UK|EU|UN)$")
# Below this population a town's name is more likely a person's or a word than the place meant.
SMALL_TOWN = 50_000


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name in the text, with its readings in the gazetteer and what its context says."""

    span: Span
    sent: int
    candidates: tuple[Place, ...]
    hints: tuple[str, ...]
    near: bool
    after_preposition: bool
    fuzzy: bool = False
    kind: str = ""  # "area" or "town" when a kind word follows the name ("Baringo county")
    context: bool = False  # an admin area in brackets after the place: "(Panchagarh, Rangpur)"
    people: bool = False  # a people named like its home area: "Turkana raiders"
    loose: bool = False  # a capitalised name found outside any place pattern or entity
    township: bool = False  # "Gangaw township": the township's seat town stands in (precision 2)
    coded: bool = False  # ACLED's "(coded as X)": the location the note's coder chose


def find_toponyms(gazetteer: Gazetteer, text: str, ann: Annotations) -> list[Toponym]:
    """Every place the text names, with its readings in the gazetteer, in order of position."""
    spans: dict[tuple[int, int], tuple[int, tuple[str, ...], bool]] = {}
    sent_of = _sentence_index(ann)
    context: set[tuple[int, int]] = set()
    coded: set[tuple[int, int]] = set()
    for m in _PAREN.finditer(text):
        # "X village (coded as Y) (Z township, W region)": both brackets describe X.
        brackets = [(m.start(2), m.group(2))]
        follow = _NEXT_PAREN.match(text, m.end())
        if follow:
            brackets.append((follow.start(1), follow.group(1)))
        parts: list[tuple[int, str, bool]] = []  # start, name, coded
        for offset, inner in brackets:
            for part in inner.split(","):
                stripped = part.strip()
                is_coded = bool(_CODED.match(stripped))
                name = _CODED.sub("", stripped)
                if is_coded:
                    # "coded as Mai Mahiu with GP2 for unfound Ngeya": the capitalised name.
                    head = re.match(_CAP, name)
                    name = head.group(0) if head else ""
                start = offset + part.find(name) if name else offset
                offset += len(part) + 1
                if name and name[0].isupper():
                    parts.append((start, name, is_coded))
        # "Taungoo district", "Bago-East region": the area's name without its kind word.
        hints = tuple(_KIND_SUFFIX.sub("", n) for _, n, _ in parts)
        spans[(m.start(1), m.end(1))] = (sent_of(m.start(1)), hints, True)
        # The admin areas in the brackets are toponyms too: they carry the country, and stand
        # in for the place when the gazetteer does not know it. ACLED's "(coded as X, Y)"
        # names the location itself.
        for i, (start, name, is_coded) in enumerate(parts):
            key = (start, start + len(name))
            if key not in spans:
                # Each area lies in the ones after it: "(Kyaukme Township, Kyaukme
                # District, Shan State)" holds Kyaukme town, not Shan's other towns.
                spans[key] = (sent_of(start), hints[i + 1 :], True)
                (coded if is_coded else context).add(key)
    coded_only: set[tuple[int, int]] = set()
    for m in _CODED_ANYWHERE.finditer(text):
        key = (m.start(1), m.end(1))
        if not any(s <= key[0] < t or key[0] <= s < key[1] for s, t in spans):
            spans[key] = (sent_of(key[0]), (), True)
            coded.add(key)
            coded_only.add(key)
    for m in _PREP.finditer(text):
        # "in Buenos Aires, Nuevo Chimbote, Ancash": each name lies in the ones after it.
        chain = [(m.start(2), m.group(2))] + [
            (m.start(3) + c.start(), c.group(0)) for c in re.finditer(_CAP, m.group(3) or "")
        ]
        names = [_KIND_SUFFIX.sub("", n) for _, n in chain]
        for i, (start, name) in enumerate(chain):
            if not any(s <= start < t for s, t in spans):
                spans[(start, start + len(name))] = (sent_of(start), tuple(names[i + 1 :]), True)
    for e in ann.entities:
        if e.label in _PLACE_LABELS:
            key = (e.span.start, e.span.end)
            if not any(s <= key[0] < t or key[0] <= s < key[1] for s, t in spans):
                before = text[max(0, e.span.start - 12) : e.span.start].lower()
                prep = bool(re.search(r"\b(in|at|near|of|from|outside)\s+(the\s+)?$", before))
                spans[key] = (e.sent, (), prep)
    # "Lokori in Turkana South", "Karima ward in Nyeri": the area holds the place before it.
    inside: dict[tuple[int, int], str] = {}
    inside_only: set[tuple[int, int]] = set()
    for m in _IN_AREA.finditer(text):
        if " of " in text[m.end(1) : m.start(3)] and not m.group(2):
            continue  # "University of Nairobi": "of" says nothing without a kind word
        if _SENTENCE_START.search(text[max(0, m.start() - 4) : m.start()]) or m.start() == 0:
            continue  # "Police in Nairobi": a sentence-initial capital is any word
        inside[(m.start(1), m.end(1))] = _KIND_SUFFIX.sub("", m.group(3))
    for key, area_name in inside.items():
        if key in spans:
            sent, hints, prep = spans[key]
            if area_name not in hints:
                spans[key] = (sent, (*hints, area_name), prep)
        elif not any(s <= key[0] < t or key[0] <= s < key[1] for s, t in spans):
            # Found by this pattern alone: kept only where the area holds it.
            spans[key] = (sent_of(key[0]), (area_name,), False)
            inside_only.add(key)
    # Last resort: other capitalised names inside a sentence ("Hulugho villagers were
    # attacked", "Eastleigh" tagged an organisation) when the gazetteer knows them as an admin
    # area or a conflict location; they never set the country and yield to any place above.
    loose: set[tuple[int, int]] = set()
    for m in re.finditer(_CAP, text):
        key = (m.start(), m.end())
        if m.start() == 0 or _SENTENCE_START.search(text[max(0, m.start() - 4) : m.start()]):
            # Sentence-initial capitals say nothing, but "The Siaya Senator" names Siaya.
            the = re.match(r"(?:The|A|An)\s+(?=[A-Z])", m.group(0))
            if not the:
                continue
            key = (m.start() + the.end(), m.end())
        if any(s <= key[0] < t or key[0] <= s < key[1] for s, t in spans):
            continue
        spans[key] = (sent_of(key[0]), (), False)
        loose.add(key)
    persons = {(e.span.start, e.span.end) for e in ann.entities if e.label == "PERSON"}
    out = []
    for (start, end), (sent, hints, prep) in sorted(spans.items()):
        # "coded as Mau Narok": the coder's location, though the parser saw a person.
        persons_here = set() if (start, end) in coded else persons
        toponym = _read_toponym(gazetteer, text, start, end, sent, hints, prep, persons_here)
        if toponym is not None:
            if (start, end) in context:
                toponym = replace(toponym, context=True)
            if (start, end) in coded:
                toponym = replace(toponym, coded=True)
            if (start, end) in inside_only:
                kept = tuple(c for c in toponym.candidates if hint_matches(c, toponym.hints))
                if not kept:
                    continue
                toponym = replace(toponym, candidates=kept)
            if (start, end) in coded_only and toponym.fuzzy:
                continue
            if abroad(gazetteer, toponym.candidates, toponym.hints, hint_matches):
                continue
            if (start, end) in loose:
                if toponym.fuzzy or toponym.people:
                    continue
                kept = tuple(
                    c for c in toponym.candidates if c.level in (1, 2) or conflict_location(c)
                )
                if not kept:
                    continue
                toponym = replace(toponym, candidates=kept, loose=True)
            out.append(toponym)
    return out


def _read_toponym(
    gazetteer: Gazetteer,
    text: str,
    start: int,
    end: int,
    sent: int,
    hints: tuple[str, ...],
    prep: bool,
    persons: set[tuple[int, int]],
) -> Toponym | None:
    """The gazetteer's reading of ``text[start:end]``, or None when it names no place."""
    raw = text[start:end]
    name = re.sub(r"^(?:the|eastern|western|northern|southern|central)\s+", "", raw, flags=re.I)
    name = re.sub(r"(?:'s|’s)$", "", name).strip(" .,")
    # Two letters only before a kind word: "Ye township".
    short = len(name) < 3 and not (len(name) == 2 and _TOWN_KIND.match(text[end : end + 20]))
    if short or name.lower() in _NOT_PLACES:
        return None
    if text[end : end + 1] == "-" and re.match(r"-[a-z]", text[end : end + 2]):
        return None  # "U.S.-backed", "Saudi-led": an adjective, not the place of the event
    if _ADJECTIVAL.match(name) and re.match(r"\.?\s+[a-z]", text[end : end + 3]):
        return None  # "a U.S. defense official": the country as an adjective
    # "Samburu raiders": a people, named like its county; the county is a last resort.
    people = bool(_PEOPLE_AFTER.match(text[end : end + 40]))
    before = text[max(0, start - 25) : start]
    if _TITLE_BEFORE.search(before):
        return None  # "President Kibaki": a person, though a village abroad too
    prep = bool(_LOCATIVE_BEFORE.search(before))
    after = text[end : end + 20]
    kind = "area" if _AREA_KIND.match(after) else "town" if _TOWN_KIND.match(after) else ""
    owner = _INSTITUTION_OF.search(before)
    part = _POSSESSIVE.split(name)[0] if _POSSESSIVE.search(name) else name
    if part != name or " of " in name:
        # "Beirut's Wadi Abu Jameel area": the owner is the town; "PD12 of Kandahar": the
        # last part is. The whole name is tried first.
        whole = gazetteer.lookup(name, fuzzy=False)
        if not whole:
            if part == name:
                owner = _INSTITUTION_OF.search(name.rsplit(" of ", 1)[0] + " of ")
            name = part if part != name else name.rsplit(" of ", 1)[1]
    acronym = name.isupper() and len(name.replace(".", "")) <= 4
    candidates = tuple(gazetteer.lookup(name, fuzzy=False))
    if not candidates and _KIND_SUFFIX.search(name):
        # "Zahle City", "Dadaab District": the kind word is the writer's, not the name's.
        suffix = _KIND_SUFFIX.search(name)
        kind = "area" if suffix and _AREA_KIND.match(suffix.group(0)) else "town"
        name = _KIND_SUFFIX.sub("", name)
        candidates = tuple(gazetteer.lookup(name, fuzzy=False)) if len(name) >= 3 else ()
    if not candidates:
        candidates = mountain(gazetteer, name)
    # "South Los Angeles": a part of Los Angeles, near the city rather than at its point.
    compass = not candidates
    if compass:
        candidates = compass_part(gazetteer, name)
        compass = bool(candidates)
    if not candidates and " " in name:
        # "in Tijuana Baja California": the area after the town is a hint, as after a comma.
        head, tail, candidates = town_and_area(gazetteer, name, hint_matches)
        name, hints = (head, (*hints, tail)) if candidates else (name, hints)
    if not candidates and _DIRECTION.search(name):
        # "Isiolo South", "Embu East": a constituency or sub-county named after its county.
        candidates = tuple(
            c for c in gazetteer.lookup(_DIRECTION.sub("", name), fuzzy=False) if c.level
        )
        kind = kind or "area"
    if not candidates and _NAMED_AFTER.search(name):
        # "Bungoma High School", "Siaya Senator", "Lamu Island", "Webuye West ANC primaries":
        # an institution, office or feature named after the town or county it is in.
        stem = name
        while _NAMED_AFTER.search(stem):
            stem = _NAMED_AFTER.sub("", stem)
        for form in (stem, _DIRECTION.sub("", stem)):
            if len(form) >= 3 and form.lower() not in _NOT_PLACES | _GENERIC_STEMS:
                candidates = tuple(gazetteer.lookup(form, fuzzy=False))
                if candidates:
                    name = form
                    break
    if acronym:
        # "SDF", "ODM": organisations far more often than places; only countries pass.
        candidates = tuple(c for c in candidates if c.level == 0)
    if people:
        candidates = tuple(c for c in candidates if c.level == 1)
    fuzzy = not candidates and not acronym and not people
    if fuzzy:
        # A skeleton match must also look like the name: "Qaser"/"Qasr", not "Nyongoro"/"Wanguru".
        candidates = tuple(
            c for c in gazetteer.lookup(name) if similarity(name, c.name) >= FUZZY_FLOOR
        )
    if not candidates:
        return None
    if (
        owner
        and owner.group(1).lower() not in _PLACE_OF
        and not any(hint_matches(c, hints) for c in candidates)
        and all(c.level == 3 and c.population < SMALL_TOWN for c in candidates)
    ):
        return None  # "the Court of Justice in Sofia": not the village of Justice, Illinois
    if (
        (start, end) in persons
        and not hints
        and not _LOCATIVE_BEFORE.search(before)
        and all(c.level == 3 and c.population < SMALL_TOWN for c in candidates)
    ):
        return None  # "Kibaki named ...": a person the parser saw, and only hamlets abroad
    offset = start + raw.find(name) if name in raw else start
    near = compass or bool(_NEAR.search(text[max(0, start - 25) : start]))
    return Toponym(
        Span(offset, offset + len(name), name), sent, candidates, hints, near, prep, fuzzy,
        kind=kind, people=people, township=bool(_TOWNSHIP.match(after)),
    )  # fmt: skip


def hint_keys(hint: str) -> set[str]:
    """The keys an admin area named beside a place may match: "Turkana South" is in Turkana,
    "Tana River County" is Tana River."""
    bare = _KIND_SUFFIX.sub("", hint)
    return {name_key(hint), name_key(bare), name_key(_DIRECTION.sub("", bare))} - {""}


def hint_matches(place: Place, hints: tuple[str, ...]) -> bool:
    """True when an admin area named beside a place (``hints``) holds it or is its country."""
    names = {name_key(place.admin1), name_key(place.admin2), name_key(place.country)} - {""}
    return any(hint_keys(h) & names for h in hints)


def _sentence_index(ann: Annotations) -> Callable[[int], int]:
    """A function from a character offset to the index of the sentence holding it."""
    starts = [s.span.start for s in ann.sentences]

    def find(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    return find
