"""Stage ``actors``: who did what to whom, named the way ACLED names them, with inter codes.

Reads the parse of each event's mention sentences (tokens with dependency labels), the event's
type and country; writes actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2 and
civilian_targeting, with evidence for ``actor1`` and ``actor2``.

1. **Mentions of actors**: named groups from the actor dictionary (``data/actors.tsv``, built from
   the dev data's actor names, plus ``data/actor_aliases.tsv``: "IS", "Daesh" -> "Islamic State
   (Syria)"; "SDF" -> "QSD: Syrian Democratic Forces"), and generic words ("police", "soldiers",
   "protesters", "gunmen") that become ACLED's generic names for the event's country
   ("Police Forces of Kenya (2013-)", "Protesters (Kenya)", "Unidentified Armed Group (Kenya)").
   "The militants", "the group" refer back to the last named armed group; "IS militants" is one
   mention of the Islamic State. A state force takes the country its text gives ("Turkish
   troops" in Iraq: "Military Forces of Turkey"); a local PDF is named after its place ("the
   Myaing PDF": "People's Defense Force - Myaing"). Single-word names match as written (proper
   nouns), so "a gang" is never "Gang Militia"; in an all-capitals report (old wire and radio
   transcripts) a word the parse reads as a verb or function word ("IT IS") is no acronym.
   "Ukrainian forces" are Ukraine's military; "guerrillas" refer back like "the militants".
2. **Roles** from the dependency parse: the subject of an active verb or the agent of a passive
   ("killed by X") initiated the event; objects, passive subjects and "against X" were its target;
   a force that only qualifies a thing ("the military-owned tower") is neither. A battle whose
   sentences name one side takes the other from the rest of the report.
3. **ACLED's conventions by event type**: demonstrations are coded "Protesters (X)" / "Rioters (X)"
   with identity groups associated; violence against civilians has "Civilians (X)" as actor2,
   and a state force named in no victim's role as actor1 ("residents accuse police of killing a
   man"); remote violence is coded only to a perpetrator the text names as such, otherwise to
   "Unidentified Armed Group (X)" (a bomb at a police station is not the police's). A clash
   that names neither side is between unidentified groups, the same name on both sides, and a
   state force's enemy the text cannot name ("police battled robbers") is one such group; in a
   feud between peoples or communities (clans, cattle raids, land) those are an identity militia
   ("Unidentified Ethnic Militia (Kenya)", "Communal" from 2018). A state's forces abroad are
   external forces (inter 8). A crowd's other side is whom it clashed with (the police only when
   the clash's clause names them, else rioters), the people a mob hurt, or rioters who broke up a
   protest (``actor_roles``, with infighting, seizures and post-election violence). A blast
   that hurt people hit civilians, or the force the casualty sentence names (a rank names a
   soldier); looting with no owner named is of civilians' goods, and by an unidentified group
   where no looter is named; people arrested with no group named are civilians; allies joined by
   "and" are no side against each other; excessive force against protesters has the forces as
   actor1; a state force that "fired back" was attacked (the attacker is actor1); from 2018 an
   unnamed communal militia is named after its people's home ("herders from Wajir").
4. **Roles beyond subject and object**: the owner of an attack or a weapon ("a Taliban attack",
   "a Taliban-planted mine", "Saudi shelling") struck; who "repelled" an attack was its target;
   "blamed on X", "X accused of" make X the perpetrator; "raiders, believed to be Pokots" are
   the Pokot militia and "Somali Al-Shabaab" is Al Shabaab (``actor_mentions``); police who "said", "found" or
   "suspect" are the report's source, not the killers (the parse's roles: ``actor_parse``).
   "A military convoy" is the military; "military munitions" and "the anti-Houthi forces" are not.
   A fight "between X and Y" names its sides in that order; troops who "were passing" when a mine
   went off were its target; "the Awami League government" a march was against is no mob's victim.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..config import Config
from ..errors import ConfigError
from ..model import Annotations, EventRecord, Evidence, Span, Work
from ..registry import stage
from . import actor_parse as parse
from . import actor_refer as refer
from . import actor_roles as roles
from .actor_mentions import ActorMention, Entry, any_space, merge_named_with_generic

INTER_CIVILIANS = 7
# In an all-capitals report (wire and radio transcripts: "IT IS BELIEVED ...") a word the parse
# reads as one of these parts of speech is a word of the sentence, not an acronym ("IS", "AL").
_NOT_ACRONYM_POS = {"AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "VERB", "ADV", "NUM"}
_AFFILIATION = re.compile(
    r"\b(?:linked to|affiliated (?:to|with)|an? affiliate of|allied (?:to|with)|loyal to|"
    r"an? offshoot of|a branch of|inspired by)\s+(?:the\s+)?$",
    re.I,
)
# ACLED codes organised crime as "Unidentified Gang" in Latin America and the Caribbean (ACLED
# Codebook, "Gangs"); elsewhere a gang that attacks is an unidentified armed group.
_GANG_COUNTRIES = {
    "Mexico", "Guatemala", "Honduras", "El Salvador", "Nicaragua", "Costa Rica", "Panama", "Belize",
    "Colombia", "Venezuela", "Ecuador", "Peru", "Bolivia", "Brazil", "Paraguay", "Uruguay",
    "Argentina", "Chile", "Guyana", "Suriname", "Haiti", "Dominican Republic", "Jamaica", "Cuba",
    "Trinidad and Tobago", "Puerto Rico", "Bahamas",
}  # fmt: skip
# Capitalised words before "PDF" that are not the name of a local branch ("The PDF").
_NOT_A_BRANCH = {
    "the", "a", "local", "myanmar", "national", "several", "two", "three", "joint", "combined",
}  # fmt: skip
# OSCE-style reports of fire "in both directions of the frontline" in Ukraine (2014-2022) are an
# exchange between the two sides of the Donbas war, which ACLED codes Ukraine's military against
# the Donbas separatists' forces (ACLED Codebook, "Ukraine" conflict coding).
_FRONTLINE = re.compile(r"\bboth directions of the front ?line\b", re.I)
_DONBAS_SEPARATISTS = "NAF: United Armed Forces of Novorossiya"
# Words of a conflict between peoples, clans or communities (raids for livestock, feuds over land or
# pasture): its unnamed fighters are an identity militia, inter 4 (ACLED Codebook, "Identity
# militias"), not an unidentified armed group.
_IDENTITY_CONFLICT = re.compile(
    r"\b(?:ethnic|tribal|(?:inter-?)?clan|clans|inter-?communal|inter-?ethnic|inter-?tribal|"
    r"communal (?:clash(?:es)?|violence|conflict|fighting|feud|militias?)|"
    r"(?:rival|neighbou?ring|two|warring) (?:communities|villages|clans|tribes)|"
    r"community clash(?:es)?|"
    r"land (?:dispute|row|conflict)|over (?:land|pasture|grazing|water|a watering hole)|cattle|"
    r"livestock|goats|camels|cows|pasture|grazing|pastoralist|ethnically|communities)\b",
    re.I,
)
# ACLED names identity militias after a locality ("communal") from 2018 on, after a people
# ("ethnic") before: the unnamed one follows the same change (its Kenya coding, 2004-2019).
_COMMUNAL_FROM = 2018
# Monitoring reports of the Donbas war (OSCE SMM, 2014-2022) tell of fire with no side named: it
# is one of the war's two sides, coded to Ukraine's military when neither is named (the side ACLED
# gives more often, 34 of 60 such shelling notes and 31 of 55 exchanges in the training notes).
_DONBAS_MONITORS = re.compile(r"\b(?:OSCE|SMM)\b|\bcontact line\b|\bfront ?line\b")
# A people's name followed by a word for a place is that place ("Kisii town").
_PLACE_AFTER = re.compile(
    r"\s+(?:town|city|county|district|sub-?county|village|constituency|market|estate|ward|road|"
    r"division|location|province|region|state)\b",
    re.I,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
# One-sided attacks, whose unnamed perpetrator a report may name elsewhere (``actor_refer``).
_ATTACKS = ("Explosions/Remote violence", "Violence against civilians")
# De facto states inside another country's borders: ACLED codes their forces as state forces (1)
# in that country, not as external ones (the Artsakh forces in Azerbaijan).
_DE_FACTO_STATES = {
    "Artsakh": "Azerbaijan", "Somaliland": "Somalia", "Abkhazia": "Georgia",
    "South Ossetia": "Georgia", "Transnistria": "Moldova", "Northern Cyprus": "Cyprus",
}  # fmt: skip
_STATE_FORCE = re.compile(r"^(?:Military|Police) Forces of (?:the )?(.+?)(?: \(|$)")
_BACKED_SDF = re.compile(
    r"\b(?:u\.?s\.?|american|coalition)\s*[-–—]+\s*(?:backed|supported)\s+(?:syrian democratic forces|sdf)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class StatePeriod:
    kind: str
    country: str
    start: int
    end: int | None


def _read_tsv(text: str) -> list[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    # Names may hold quotes ('"Military" Militia'): no field of our TSVs is quoted.
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@stage("actors", requires=("annotations", "events.place"), provides=("events.actors",), version=2)
class ActorsStage:
    """Find each event's actors and roles; name them as ACLED does, with inter codes."""

    def __init__(self, config: Config) -> None:
        # The sentence scans of the article being coded (see ``__call__``).
        self._scanned: dict[tuple[int, str, int | None, Entry | None], list[ActorMention]] = {}
        self._scanned_ann: Annotations | None = None
        data = resources.files("eventcoder").joinpath("data")
        rows = _read_tsv(data.joinpath("actors.tsv").read_text("utf-8"))
        extra = str(config.section("actors").get("extra", "") or "")
        if extra:
            try:
                rows += _read_tsv(Path(extra).read_text("utf-8"))
            except OSError as exc:
                raise ConfigError(f"cannot read actors.extra: {exc.strerror}", source=extra) from exc
        self.states: list[StatePeriod] = []
        names: dict[str, list[Entry]] = {}
        originals: set[str] = set()
        for r in rows:
            if r["kind"] == "state":
                start, _, end = r["aliases"].partition("-")
                kind = r["name"].split()[0]
                self.states.append(StatePeriod(kind, r["country"], int(start), int(end) if end else None))
                continue
            entry = Entry(r["name"], int(r["inter"] or 0), r["country"])
            aliases = [r["name"], *(a for a in r["aliases"].split("|") if a)]
            # A people's name in the plural ("the Pokots") is the people.
            if re.search(r"(?:Ethnic|Clan) Militia", r["name"]):
                aliases += [f"{a}s" for a in aliases if " " not in a and a[-1:].islower() and a[-1] != "s"]
            for alias in aliases:
                names.setdefault(alias.lower(), []).append(entry)
                originals.add(alias)
        self.names = names
        # Several words match in any case; one word ("Pokot", "KIA") only as written, a proper noun,
        # so that a common word in a name ("Gang Militia") never matches "a gang".
        self.dictionary = _alternation(
            [n for n in names if len(n) > 3 and " " in n], case_sensitive=False
        )
        self.acronyms = _alternation(
            [a for a in originals if " " not in a and len(a) >= 2 and a[0].isupper()],
            case_sensitive=True,
        )
        self.groups: list[tuple[re.Pattern[str], Entry]] = []
        self.roles: list[tuple[re.Pattern[str], Entry]] = []
        alias_rows = _read_tsv(data.joinpath("actor_aliases.tsv").read_text("utf-8"))
        # "Turkish forces", "the military forces of Artsakh": a state force's own country, which
        # need not be the event's (a Turkish air strike in Iraq).
        nations = [(r["pattern"], r["name"]) for r in alias_rows if r["kind"] == "nation"]
        self.nation_names = {
            re.sub(r"\\", "", a).lower(): name for p, name in nations for a in p.split("|")
        }
        body = "|".join(p for p, _ in nations) or "(?!)"
        # "Turkish Army forces": a capitalised arm between the nation and the force is still it.
        arm = r"(?:[a-z]+|Army|Armed|Air|Navy|Naval|Special|Security|Defen[cs]e)\s+"
        self.nation_before = re.compile(rf"\b({body})(?:\s+|-)(?:{arm}){{0,2}}$")
        self.nation_after = re.compile(rf"^\s+of\s+(?:the\s+)?({body})\b")
        # "military forces of India and Pakistan": two states' forces, the second named by its
        # nation alone.
        self.second_nation = re.compile(
            rf"^\s+of\s+(?:the\s+)?(?:{body})\s+and\s+(?:the\s+)?({body})\b"
        )
        # "the Ukrainian Forces", "Turkish armed forces": a state's army named by its nation alone.
        self.nation_forces = re.compile(rf"\b({body})\s+(?:armed\s+|government\s+)?[Ff]orces\b")
        for r in alias_rows:
            if r["kind"] == "nation":
                continue
            flags = 0 if r["kind"].endswith("!") else re.IGNORECASE
            pattern = re.compile(rf"\b(?:{any_space(r['pattern'])})\b", flags)
            entry = Entry(r["name"], int(r["inter"]), "")
            (self.groups if r["kind"].startswith("group") else self.roles).append((pattern, entry))

    def __call__(self, work: Work) -> Work:
        ann = work.annotations
        assert ann is not None  # Pipeline.check(): nlp runs first
        # One article's sentences are scanned for each of its events and for the article-wide
        # look-ups (armed parties, state forces): the scans are kept for this article only
        # (half the stage's time on GVA articles went to repeating them).
        self._scanned = {}
        self._scanned_ann = ann
        return work.with_events([self.code_event(e, ann, work.article.text) for e in work.events])

    # -- mentions ---------------------------------------------------------------------------

    def mentions_in(self, ann: Annotations, sent: int, country: str, year: int | None,
                    last_named: Entry | None) -> list[ActorMention]:
        """The actors named in sentence ``sent``, with their roles."""
        if self._scanned_ann is not ann:  # called from outside a run of the stage
            return self._scan(ann, sent, country, year, last_named)
        key = (sent, country, year, last_named)
        if key not in self._scanned:
            self._scanned[key] = self._scan(ann, sent, country, year, last_named)
        return list(self._scanned[key])

    def _scan(self, ann: Annotations, sent: int, country: str, year: int | None,
              last_named: Entry | None) -> list[ActorMention]:
        s = ann.sentences[sent]
        text, base = s.span.text, s.span.start
        found: list[ActorMention] = []
        taken: list[tuple[int, int]] = []
        capitals = not any(c.islower() for c in text)

        def add(start: int, end: int, entry: Entry, generic: bool) -> None:
            if any(a < end and start < b for a, b in taken) or roles.opposed(text, start):
                return
            word = " " not in text[start:end]
            if capitals and word and _word_pos(ann, base + start) in _NOT_ACRONYM_POS:
                return
            taken.append((start, end))
            role = parse.role(ann, base + start, base + end)
            found.append(ActorMention(Span(base + start, base + end, text[start:end]), entry, generic, role, sent))

        for pattern, entry in self.groups:
            for m in pattern.finditer(text):
                found_entry = entry
                if "{branch}" in entry.name:
                    # "the Myaing PDF": ACLED names a local branch after its place.
                    # "The Yesagyo PDF": the article is no part of the branch's name.
                    branch = re.sub(r"^(?:The|A|An)[ -]+", "", m.group("branch"))
                    if branch.lower() in _NOT_A_BRANCH:
                        continue
                    named = entry.name.replace("{branch}", branch)
                    found_entry = Entry(named, entry.inter, entry.country)
                add(m.start(), m.end(), self._localise(found_entry, country, year), False)
        for regex in (self.dictionary, self.acronyms):
            for m in regex.finditer(text):
                entries = self.names.get(" ".join(m.group(0).lower().split()), [])
                if not entries:
                    continue
                # A people's militia is named per country ("Garre Clan Militia (Somalia)", "Garre
                # Ethnic Militia (Kenya)"): the event's own country's name first.
                entry = next(
                    (e for e in entries if e.name.endswith(f"({country})")),
                    next((e for e in entries if e.country == country), entries[0]),
                )
                # A people's name that names a place ("in Kisii town") is no actor, unless the
                # actor comes from it ("armed men from Marakwet village": its communal militia).
                if entry.inter in (0, 4) and _PLACE_AFTER.match(text, m.end()) and not (
                    _FROM_BEFORE.search(text, 0, m.start())
                ):
                    continue
                # A short acronym of another country's actor is another group's acronym here
                # ("KDF" in Kenya is the Kenya Defence Forces, not a Myanmar militia).
                if regex is self.acronyms and m.group(0).isupper() and len(m.group(0)) <= 4 and (
                    country and entry.country not in (country, "")
                ):
                    continue
                add(m.start(), m.end(), entry, False)
        for m in self.nation_forces.finditer(text):
            nation = self.nation_names.get(m.group(1).replace("\\", "").lower(), country)
            military = Entry("Military Forces of {country}", 1, "")
            add(m.start(), m.end(), self._localise(military, nation, year), True)
        for pattern, entry in self.roles:
            for m in pattern.finditer(text):
                if last_named is not None and refer.ANAPHORA.match(m.group(0)) and entry.inter == 3:
                    add(m.start(), m.end(), last_named, False)
                # With no country known, only a force its text gives one ("Sri Lankan police").
                elif nation := self._nation(text, m, entry, country):
                    add(m.start(), m.end(), self._localise(entry, nation, year), True)
                    pair = self.second_nation.match(text[m.end() :])
                    if pair is not None and entry.name.endswith("Forces of {country}"):
                        other = self.nation_names.get(pair.group(1).lower(), country)
                        at = m.end() + pair.start(1)
                        add(at, at + len(pair.group(1)), self._localise(entry, other, year), True)
        return merge_named_with_generic(sorted(found, key=lambda a: a.span.start), text, base)

    def _nation(self, text: str, m: re.Match[str], entry: Entry, country: str) -> str:
        """The country a state force belongs to: "Turkish troops" -> Turkey; else the event's."""
        if not entry.name.endswith("Forces of {country}"):
            return country
        before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 40]
        found = self.nation_before.search(before) or self.nation_after.match(after)
        if found is None:
            return country
        return self.nation_names.get(found.group(1).replace("\\", "").lower(), country)

    def _localise(self, entry: Entry, country: str, year: int | None) -> Entry:
        name = entry.name
        if "{country}" in name:
            name = name.replace("{country}", country or "International")
        if name.startswith("Unidentified Gang") and country not in _GANG_COUNTRIES:
            name = name.replace("Unidentified Gang", "Unidentified Armed Group")
        communal = year is not None and year >= _COMMUNAL_FROM
        if name.startswith("Unidentified Ethnic Militia") and communal:
            name = name.replace("Ethnic", "Communal")
        m = re.match(r"^(Military|Police) Forces of (.+)$", name)
        if m and "(" not in name:
            name = self.state_name(m.group(1), m.group(2), year)
        return Entry(name, entry.inter, country)

    def state_name(self, kind: str, country: str, year: int | None) -> str:
        """ "Military Forces of Kenya (2013-)": the period ACLED uses for that year."""
        # ACLED writes "the Philippines"; an event's country may come without the article.
        bare = country.removeprefix("the ")
        periods = [
            p for p in self.states if p.kind == kind and p.country.removeprefix("the ") == bare
        ]
        if year is not None:
            fitting = [p for p in periods if p.start <= year and (p.end is None or year <= p.end)]
            if fitting:
                periods = fitting
        if not periods:
            return f"{kind} Forces of {country}"
        p = max(periods, key=lambda p: (p.end is None, p.start))
        return f"{kind} Forces of {country} ({p.start}-{p.end or ''})"

    # -- roles per event ---------------------------------------------------------------------

    def code_event(self, event: EventRecord, ann: Annotations, text: str) -> EventRecord:
        country = event.country
        year = event.event_date.year if event.event_date else None
        etype, sub = event.event_type, event.sub_event_type
        last_named = self._last_named(ann, min(m.sent for m in event.mentions), country, year)
        mentions: list[ActorMention] = []
        for m in sorted(event.mentions, key=lambda m: m.sent):
            found = self.mentions_in(ann, m.sent, country, year, last_named)
            mentions += found
            named = [a for a in found if not a.generic and a.entry.inter in (1, 2, 3, 4, 8)]
            if named:
                last_named = named[-1].entry
        # Only a state force is read as the report's source ("police said"); a group that "said" it
        # struck is still the one that struck.
        mentions = [
            a if a.role != "source" or a.entry.inter == 1
            else ActorMention(a.span, a.entry, a.generic, "", a.sent)
            for a in mentions
        ]  # fmt: skip
        # In a feud between peoples or communities the unnamed fighters ("bandits stole 300 goats",
        # "gunmen" in a clan clash) are an identity militia.
        # Organised crime's killings in Latin America are gangs' (see ``_GANG_COUNTRIES``), not
        # feuds; a landmine or a shell is no weapon of a feud.
        feud = (
            etype in ("Battles", "Violence against civilians") and country not in _GANG_COUNTRIES
            and _IDENTITY_CONFLICT.search(text) is not None
        )  # fmt: skip
        if roles.electoral(text):
            feud = False
            unnamed = self._localise(
                Entry("Unidentified Armed Group ({country})", 3, ""), country, year
            )
            mentions = [
                ActorMention(a.span, unnamed, True, a.role, a.sent)
                if a.generic and a.entry.inter == 4 else a
                for a in mentions
            ]  # fmt: skip
        if feud:
            militia = self._identity_militia(country, year)
            mentions = [
                ActorMention(a.span, militia, True, a.role, a.sent)
                if a.generic and a.entry.name.startswith("Unidentified Armed Group") else a
                for a in mentions
            ]  # fmt: skip
        # A group named as another's affiliate ("al-Shabaab, which is linked to al Qaeda") is
        # background about the actor, not a side of the event.
        mentions = [
            a for a in mentions
            if not _AFFILIATION.search(text[max(0, a.span.start - 30) : a.span.start])
        ]  # fmt: skip
        armed = [a for a in mentions if a.entry.inter in (1, 2, 3, 4, 8)]
        identity = [a for a in mentions if a.entry.inter == 0]
        civilians = [a for a in mentions if a.entry.inter == INTER_CIVILIANS]
        agents = [a for a in armed if a.role == "agent"] + [a for a in armed if a.role == ""]
        if event.event_type == "Explosions/Remote violence":
            # A blast names its perpetrator as an agent ("planted by", "X shelled"); a force merely
            # present ("a blast near the police station") is not it, but a named force in no
            # role ("in a US-backed attack") still names who struck.
            agents = [a for a in armed if a.role == "agent"]
            agents += [a for a in armed if a.role == "" and not a.generic]
        targets = [a for a in armed if a.role == "target"]
        a1: ActorMention | None = None
        a2: ActorMention | None = None
        assoc1: list[str] = []
        if etype in ("Protests", "Riots") and sub != "Mob violence":
            crowd = "Protesters" if etype == "Protests" else "Rioters"
            generic = self._localise(Entry(f"{crowd} ({{country}})", 6 if etype == "Protests" else 5, ""), country, year)
            a1 = _first([a for a in mentions if a.entry.inter in (5, 6)]) or _synthetic(generic, event)
            a1 = ActorMention(a1.span, generic, True, "agent", a1.sent)
            assoc1 = [a.entry.name for a in identity] + [
                a.entry.name for a in armed if not a.generic and a.entry.inter in (3, 4)
            ]
            # A riot's police are its actor2 wherever the report mentions them ("Police
            # intervened." after the riot's sentence); a riot between two crowds that "clashed"
            # is rioters on both sides.
            state = [a for a in armed if a.entry.inter == 1] or (
                self._article_state(ann, country, year) if etype == "Riots" else []
            )
            # Who the crowd clashed with is its other side (see ``actor_roles``).
            clash = roles.clash_clause(text, 0, len(text))
            if clash is not None and etype == "Riots":
                state = [a for a in state if roles.span_within(a.span.start, a.span.end, clash)]
            rioters = self._localise(Entry("Rioters ({country})", 5, ""), country, year)
            if etype == "Riots" and not state and clash is not None:
                a2 = _synthetic(generic, event)
            if sub in ("Protest with intervention", "Excessive force against protesters") or (
                etype == "Riots" and state
            ):
                a2 = _first(state)
                if a2 is None and sub == "Protest with intervention":
                    # A crowd or a party's members who broke the protest up intervened as rioters;
                    # else ACLED's intervention is by the authorities, in practice the police.
                    crowd_agents = [
                        a for a in mentions if a.role in ("agent", "") and (
                            a.entry.inter == 5 or (a.entry.inter in (0, 3) and not a.generic)
                        ) and roles.broke_up(text, a.span.end)
                    ]  # fmt: skip
                    police = Entry("Police Forces of {country}", 1, "")
                    a2 = _synthetic(rioters, event) if crowd_agents else _synthetic(
                        self._localise(police, country, year), event
                    )
            # Excessive force against protesters is the forces' act: they are actor1 (ACLED's
            # coding of the sub-event, as with violence against civilians).
            if sub == "Excessive force against protesters" and a2 and a2.entry.inter == 1:
                a1, a2 = a2, a1
            if a2 is None and sub == "Peaceful protest" and roles.counter_protest(text):
                a2 = _synthetic(generic, event)
            if a2 is None and etype == "Riots":
                hurt = [a for a in civilians if a.role == "target"] + [
                    a for a in mentions
                    if a.role == "target" and a.entry.inter in (0, 3)
                    and roles.is_members_of(text, a.span.start)
                ]  # fmt: skip
                if hurt:
                    a2 = _synthetic(self._civilians(country, year), event)
        elif sub == "Mob violence":
            generic = self._localise(Entry("Rioters ({country})", 5, ""), country, year)
            a1 = _first([a for a in mentions if a.entry.inter == 5]) or _synthetic(generic, event)
            a1 = ActorMention(a1.span, generic, True, "agent", a1.sent)
            # A mob's other side: the police where they fought it (in the clash's clause) or the mob
            # attacked them; where it clashed with no police, the other crowd (see ``actor_roles``);
            # then the people it attacked, civilians unless an armed target is named; police who
            # only broke up an attack on no one named come last.
            police = self._article_state(ann, country, year)
            clash = roles.clash_clause(text, 0, len(text))
            fought = [
                a for a in police
                if clash is not None and roles.span_within(a.span.start, a.span.end, clash)
            ]  # fmt: skip
            attacked = [a for a in police if a.role == "target"]
            forceful = [a for a in police if roles.used_force(text, a.span.start, a.span.end)]
            rival = _synthetic(generic, event) if clash is not None else None
            # Members of a party or a movement that a mob beat are civilians ("BCL members
            # assaulted two members of JCD").
            targets = [
                a for a in targets
                if not (a.entry.inter in (0, 3) and roles.is_members_of(text, a.span.start))
                and not roles.as_government(text, a.span.end)
            ]  # fmt: skip
            hurt = [a for a in civilians if a.role == "target"]
            a2 = (
                _first(fought) or rival or _first(attacked) or _first(hurt) or _first(forceful)
                or _first(civilians) or _first(targets)
                or _synthetic(self._civilians(country, year), event)
            )  # fmt: skip
        elif (
            etype in ("Battles", "Explosions/Remote violence") and country == "Ukraine"
            and (year is None or year <= 2022)
            and (_FRONTLINE.search(text) or _DONBAS_MONITORS.search(text))
            and not [a for a in armed if not a.generic]
        ):  # fmt: skip
            a1 = _synthetic(self._localise(Entry("Military Forces of {country}", 1, ""), country, year), event)
            if etype == "Battles":
                a2 = _synthetic(Entry(_DONBAS_SEPARATISTS, 2, country), event)
        elif etype == "Violence against civilians":
            # Civilians are the target of this event type, so a named non-state armed group the
            # parse left in another role ("Pokot raiders attack village", a headline) is the
            # perpetrator.
            # A people's name that qualifies the victims ("two Turkana children were shot") tells
            # who was hit, not who struck.
            named = [
                a for a in armed
                if not a.generic and a.entry.inter in (2, 3, 4) and not any(
                    c.role != "agent" and 0 <= c.span.start - a.span.end <= 1 for c in civilians
                )
            ]  # fmt: skip
            # Unattributed killings in Latin America and the Caribbean are organised crime's:
            # ACLED's "Unidentified Gang" there (ACLED Codebook, "Gangs").
            # A state force the report names in the killing's sentences but in no victim's role
            # ("residents accuse police of killing a man", "police are believed responsible")
            # is the perpetrator: civilians, not forces, are this event type's targets.
            state = [
                a for a in armed if a.entry.inter == 1 and a.role not in ("modifier", "source")
            ]  # fmt: skip
            a1 = _first(agents) or _first(named) or _first(state) or self._unidentified(
                event, country, year, gang=country in _GANG_COUNTRIES, feud=feud
            )
            a2 = _first(civilians) or _synthetic(self._civilians(country, year), event)
            if a1.generic and country in _GANG_COUNTRIES and roles.organised_crime(text) and (
                a1.entry.name.startswith("Unidentified Armed Group")
            ):  # "killed in a drive-by shooting by armed men": a gang's killing
                a1 = self._unidentified(event, country, year, gang=True)
        else:
            remote = etype == "Explosions/Remote violence"
            a1 = _first(agents) or (None if remote else _first(armed))
            # A force that only qualifies a thing ("the military-owned bank") is no side.
            # Allies who struck together ("the Taze PDF and Ye-U PDF jointly attacked") are no
            # side against each other.
            sides = targets or [
                a for a in armed
                if a.role != "modifier" and not (
                    a1 is not None and roles.allied(
                        text, (a1.span.start, a1.span.end), (a.span.start, a.span.end)
                    )
                )
            ]  # fmt: skip
            others = [a for a in sides if a1 is None or a.entry.name != a1.entry.name]
            a2 = _first(others)
            if a1 is None and (remote or etype == "Battles" or sub == "Looting/property destruction"):
                # A clash the text tells without naming either side ("three killed in clan
                # clashes"), property burnt by no one named, are unidentified groups' acts.
                a1 = self._unidentified(event, country, year, feud=feud)
            if a2 is None and civilians and remote:
                a2 = _first(civilians)
            if a2 is None and remote:
                a2 = self._victims_after(event, ann, country, year, a1) or self._hurt(
                    event, ann, country, year, a1
                )
        # A battle has two sides: when its sentences name one ("the police fired back"), the
        # other is the armed party the rest of the report names ("Gunmen stopped a police car.").
        if etype == "Battles" and a1 is not None and a2 is None:
            a2 = _first(
                [a for a in self._article_armed(ann, country, year) if a.entry.name != a1.entry.name]
            )
        # ...and when it names neither, both sides are unnamed groups of one kind (ACLED codes a
        # clash between two unidentified groups with the same name on both sides).
        if etype == "Battles" and a1 is not None and a2 is None and (
            a1.entry.name.startswith("Unidentified")
        ):
            a2 = ActorMention(a1.span, a1.entry, True, "", a1.sent)
        # Victims named as the target are actor2 when no armed party is (an event typed as a
        # clash whose text has people shot dead by police).
        victims = [a for a in civilians if a.role == "target"]
        if a2 is None and victims and etype not in ("Protests", "Riots"):
            a2 = victims[0]
        if a1 is not None and a2 is not None and a1.entry.name == a2.entry.name and etype == "Battles":
            # Two unnamed groups of one kind fight under one name ("Unidentified Armed Group
            # (Kenya)" on both sides); a named actor is not its own enemy.
            unnamed = a1.entry.name.startswith("Unidentified")
            a2 = None if len({a.entry.name for a in armed}) < 2 and not unnamed else a2
        # A group fighting itself is on both sides.
        if etype == "Battles" and a1 is not None and roles.infighting(text) and (
            a2 is None or a2.entry.inter == INTER_CIVILIANS
        ):
            a2 = ActorMention(a1.span, a1.entry, False, "", a1.sent)
        # A state force that fought someone the dictionary cannot name ("police battled armed
        # gangsters", "the navy shot pirates who attacked a patrol") fought an unidentified group.
        if etype == "Battles" and a2 is None and a1 is not None and a1.entry.inter in (1, 8):
            gang = country in _GANG_COUNTRIES
            a2 = self._unidentified(event, country, year, gang=gang, feud=feud)
        if (
            a2 is None and a1 is not None and a1.entry.inter == 1 and roles.seizure(text)
            and sub in ("Looting/property destruction", "Disrupted weapons use")
        ):  # fmt: skip
            a2 = self._unidentified(event, country, year, gang=country in _GANG_COUNTRIES)
        # Goods looted or property destroyed with no owner named are civilians' (ACLED Codebook,
        # "Looting/property destruction"), and so are people arrested with no group named (18 of 18
        # such arrests by a force in the global and Kenya training notes).
        if a2 is None and a1 is not None and sub in ("Looting/property destruction", "Arrests"):
            a2 = _synthetic(self._civilians(country, year), event)
        # Two states' forces told as one subject ("military forces of India and Pakistan exchanged
        # fire") are coded with the host country's forces first.
        if (
            etype == "Battles" and a1 is not None and a2 is not None and a1.role == a2.role
            and _inter_here(a1.entry, country) == 8 and _inter_here(a2.entry, country) == 1
        ):  # fmt: skip
            a1, a2 = a2, a1
        if etype == "Battles" and a1 is not None and a2 is not None and roles.state_fought_back(text) and (
            a1.entry.inter in (1, 8) and a2.entry.inter not in (1, 8)
        ):  # the state force fought back: the other side struck first (see ``actor_roles``)
            a1, a2 = a2, a1
        # An unnamed communal militia is named after the place its people come from (from 2018).
        homes = roles.communal_places(text) if year is not None and year >= _COMMUNAL_FROM else []
        sides = [a1, a2]
        for i, a in enumerate(sides):
            if homes and a is not None and a.entry.name.startswith("Unidentified Communal Militia"):
                home = Entry(f"{homes[min(i, len(homes) - 1)]} Communal Militia ({country})", 4, country)
                sides[i] = ActorMention(a.span, home, True, a.role, a.sent)
        a1, a2 = sides
        # "The guerrillas" of a report that names the group are that group (see ``actor_refer``).
        for i, a in enumerate(sides := [a1, a2]):
            named = None
            if a is not None and refer.refers_back(a):
                named = refer.named_referent(mentions, self._article_armed(ann, country, year))
            elif a is not None and i == 0 and refer.unnamed(a) and etype in _ATTACKS:
                named = refer.sole_agent(self._article_armed(ann, country, year))
            if named is not None:
                other = sides[1 - i]
                if other is None or other.entry.name != named.entry.name:
                    sides[i] = named
        a1, a2 = sides
        # A claim of responsibility names the perpetrator of an attack the text leaves agentless.
        if (a1 is None or a1.generic) and etype in ("Explosions/Remote violence", "Violence against civilians"):
            claimant = self._claimant(ann, country, year)
            if claimant is not None:
                a1 = claimant
        # A force the text names as backed by actor1 ("the U.S.-backed SDF") is associated with it.
        if a1 is not None and a1.entry.name == "Global Coalition Against Daesh" and _BACKED_SDF.search(text):
            assoc1.append("QSD: Syrian Democratic Forces")
        info = self.info  # type: ignore[attr-defined]
        evidence = []
        changes: dict[str, object] = {}
        if a1 is not None:
            changes.update(actor1=a1.entry.name, inter1=_inter_here(a1.entry, country))
            evidence.append(Evidence("actor1", a1.span, info.name, info.version))
        if a2 is not None:
            changes.update(actor2=a2.entry.name, inter2=_inter_here(a2.entry, country))
            evidence.append(Evidence("actor2", a2.span, info.name, info.version))
        assoc = [n for n in dict.fromkeys(assoc1) if a1 is None or n != a1.entry.name]
        changes["assoc_actor_1"] = "; ".join(assoc)
        targeted = a2 is not None and a2.entry.inter == INTER_CIVILIANS and etype in (
            "Violence against civilians", "Explosions/Remote violence"
        )
        changes["civilian_targeting"] = "Civilian targeting" if targeted else ""
        return event.with_evidence(*evidence, **changes)  # type: ignore[arg-type]

    def _civilians(self, country: str, year: int | None) -> Entry:
        return self._localise(Entry("Civilians ({country})", INTER_CIVILIANS, ""), country, year)

    def _victims_after(self, event: EventRecord, ann: Annotations, country: str, year: int | None,
                       a1: ActorMention | None) -> ActorMention | None:
        """Who a blast hit, told in the next sentences ("A woman was injured."), if anyone."""
        last = max(m.sent for m in event.mentions)
        for sent in range(last + 1, min(len(ann.sentences), last + 3)):
            for a in self.mentions_in(ann, sent, country, year, None):
                hit = a.role == "target" or (a.entry.inter == INTER_CIVILIANS and a.role != "agent")
                if hit and a.entry.inter in (1, 2, 3, 4, INTER_CIVILIANS) and (
                    a1 is None or a.entry.name != a1.entry.name
                ):
                    return a
        return None

    def _hurt(self, event: EventRecord, ann: Annotations, country: str, year: int | None,
              a1: ActorMention | None) -> ActorMention | None:
        """Who a blast hurt, where the report tells casualties: a force named in that sentence
        ("nine soldiers stepped on a landmine and were wounded"), else civilians."""
        for s in ann.sentences[min(m.sent for m in event.mentions) :]:
            if roles.tells_casualties(s.span.text):
                forces = [
                    a for a in self.mentions_in(ann, s.i, country, year, None)
                    if a.entry.inter in (1, 8) and a.role not in ("modifier", "source")
                    and (a1 is None or a.entry.name != a1.entry.name)
                ]  # fmt: skip
                if not forces and roles.names_a_soldier(s.span.text) and (
                    a1 is None or not a1.entry.name.startswith("Military Forces")
                ):
                    military = Entry("Military Forces of {country}", 1, "")
                    hit = self._localise(military, country, year)
                else:
                    hit = self._civilians(country, year)
                return _first(forces) or ActorMention(s.span, hit, True, "", s.i)
        return None

    def _article_armed(self, ann: Annotations, country: str, year: int | None) -> list[ActorMention]:
        """The armed parties the report mentions in any sentence, not as a modifier."""
        return [
            a for sent in range(len(ann.sentences))
            for a in self.mentions_in(ann, sent, country, year, None)
            if a.entry.inter in (1, 2, 3, 4, 8) and a.role != "modifier"
        ]  # fmt: skip

    def _article_state(self, ann: Annotations, country: str, year: int | None) -> list[ActorMention]:
        """The state forces the report mentions in any sentence."""
        return [
            a for sent in range(len(ann.sentences))
            for a in self.mentions_in(ann, sent, country, year, None)
            if a.entry.inter == 1 and a.role != "modifier"
        ]  # fmt: skip

    def _claimant(self, ann: Annotations, country: str, year: int | None) -> ActorMention | None:
        """The named group in a sentence that claims responsibility, if any."""
        for sent in ann.sentences:
            if refer.CLAIM.search(sent.span.text):
                named = [
                    a for a in self.mentions_in(ann, sent.i, country, year, None)
                    if not a.generic and a.entry.inter in (2, 3, 4)
                ]
                if named:
                    return named[0]
        return None

    def _identity_militia(self, country: str, year: int | None) -> Entry:
        kind = "Communal" if year is not None and year >= _COMMUNAL_FROM else "Ethnic"
        return Entry(f"Unidentified {kind} Militia ({country or 'International'})", 4, country)

    def _unidentified(self, event: EventRecord, country: str, year: int | None,
                      gang: bool = False, feud: bool = False) -> ActorMention:
        if feud:
            return _synthetic(self._identity_militia(country, year), event)
        kind = "Unidentified Gang" if gang else "Unidentified Armed Group"
        entry = self._localise(Entry(f"{kind} ({{country}})", 3, ""), country, year)
        return _synthetic(entry, event)

    def _last_named(self, ann: Annotations, before: int, country: str, year: int | None) -> Entry | None:
        """The last named armed group in the sentences before the event's first mention."""
        last = None
        for sent in range(max(0, before - 3), before):
            for a in self.mentions_in(ann, sent, country, year, last):
                if not a.generic and a.entry.inter in (2, 3, 4):
                    last = a.entry
        return last


def _inter_here(entry: Entry, country: str) -> int:
    """The inter code in the event's country: a state's forces abroad (Turkish troops in Iraq) are
    external forces, 8 (ACLED Codebook, "External/Other forces"; 91 of 110 such actors in the
    training notes)."""
    m = _STATE_FORCE.match(entry.name)
    here = country.removeprefix("the ")
    if entry.inter == 1 and m and country and m.group(1) != here and (
        _DE_FACTO_STATES.get(m.group(1)) != here
    ):
        return 8
    return entry.inter


def _first(items: list[ActorMention]) -> ActorMention | None:
    return items[0] if items else None


def _synthetic(entry: Entry, event: EventRecord) -> ActorMention:
    """An actor ACLED's conventions imply, evidenced by the event's first mention sentence."""
    m = event.mentions[0]
    return ActorMention(m.span, entry, True, "", m.sent)


def _alternation(names: list[str], *, case_sensitive: bool) -> re.Pattern[str]:
    """One regex over many names, longest first; acronyms are matched in capitals only.

    The names are laid out as a trie ("islamic\\s+(?:state|jihad)"), not a flat list of 1,700
    alternatives that the regex engine would try one by one at every character of a sentence
    (half the stage's time on news articles). It matches what the flat list matches:
    names that part at a character cannot both match there, and at each node the longer names
    come before the one that ends there, as they did in the list sorted longest first.
    """
    root: dict[str, dict] = {}
    for name in sorted(set(names), key=len, reverse=True):
        node = root
        for char in name:
            # In any case, "A" and "a" are one branch ("İ", whose lower case is two characters,
            # stays itself); a space matches any run of white space.
            lower = char.lower()
            key = lower if not case_sensitive and len(lower) == 1 else char
            node = node.setdefault(key, {})
        node[""] = {}  # the name ends here
    body = _trie_body(root) if root else "(?!)"
    return re.compile(rf"\b(?:{body})\b", 0 if case_sensitive else re.IGNORECASE)


def _trie_body(node: dict[str, dict]) -> str:
    """The regex of one trie node: its branches, then the name that ends at it (if one does)."""
    alternatives = [
        (r"\s+" if key == " " else re.escape(key)) + _trie_body(child)
        for key, child in node.items()
        if key
    ]
    if "" in node:
        alternatives.append("")
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def _word_pos(ann: Annotations, start: int) -> str:
    """The part of speech of the token that starts at ``start`` ("" if none does)."""
    return next((t.pos for t in ann.tokens if t.start == start), "")
