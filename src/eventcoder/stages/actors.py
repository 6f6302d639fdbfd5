"""Stage ``actors``: who did what to whom, named the way ACLED names them, with inter codes.

Reads the parse of each event's mention sentences (tokens with dependency labels), the event's
type and country; writes actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2 and
civilian_targeting, with evidence for ``actor1`` and ``actor2``.

1. **Mentions of actors** (``actor_lexicon``): named groups from the actor dictionary
   (``data/actors.tsv``, built from the dev data's actor names, plus ``data/actor_aliases.tsv``:
   "IS", "Daesh" -> "Islamic State (Syria)"; "SDF" -> "QSD: Syrian Democratic Forces"), and
   generic words ("police", "soldiers", "protesters", "gunmen") that become ACLED's generic names
   for the event's country ("Police Forces of Kenya (2013-)", "Protesters (Kenya)",
   "Unidentified Armed Group (Kenya)").
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
   In Kenya from 2013 Kenya's forces are actor1 of their battles with Al Shabaab (ACLED's Kenya
   coding); a force that "responded" to an attack was attacked, like one that "fired back";
   "armed fighters from the Pokot tribe" are the Pokot militia; private security guards are
   "Private Security Forces (X)", other forces (8).
"""

from __future__ import annotations

import re

from ..config import Config
from ..model import Annotations, EventRecord, Evidence, Work
from ..registry import stage
from . import actor_refer as refer
from . import actor_roles as roles
from .actor_lexicon import COMMUNAL_FROM, GANG_COUNTRIES, Lexicon
from .actor_mentions import ActorMention, Entry, counts_victims, qualifies_victims

INTER_CIVILIANS = 7
_AFFILIATION = re.compile(
    r"\b(?:linked to|affiliated (?:to|with)|an? affiliate of|allied (?:to|with)|loyal to|"
    r"an? offshoot of|a branch of|inspired by)\s+(?:the\s+)?$",
    re.I,
)
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
    r"land (?:dispute|row|conflict)|over (?:land|pasture|grazing|water|a watering hole|boreholes?)|"
    r"cattle|tribes|raiders?|"
    r"livestock|goats|camels|cows|pasture|grazing|pastoralist|ethnically|communities)\b",
    re.I,
)
# Monitoring reports of the Donbas war (OSCE SMM, 2014-2022) tell of fire with no side named: it
# is one of the war's two sides, coded to Ukraine's military when neither is named (the side ACLED
# gives more often, 34 of 60 such shelling notes and 31 of 55 exchanges in the training notes).
_DONBAS_MONITORS = re.compile(r"\b(?:OSCE|SMM)\b|\bcontact line\b|\bfront ?line\b")
# ACLED's Kenya coding lists Kenya's forces first in their battles with Al Shabaab from 2013 (after
# the KDF's entry into Somalia), whoever struck: 95 of 123 such battles in the training notes
# (before 2013, 13 of 30; in Somalia the attacker comes first, 7 of 7). A report without a year is
# taken as recent, as a state force's name is (its latest period).
_KENYA_SHABAAB_FROM = 2013
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


@stage("actors", requires=("annotations", "events.place"), provides=("events.actors",), version=2)
class ActorsStage:
    """Find each event's actors and roles; name them as ACLED does, with inter codes."""

    def __init__(self, config: Config) -> None:
        # The sentence scans of the article being coded (see ``__call__``).
        self._scanned: dict[tuple[int, str, int | None, Entry | None], list[ActorMention]] = {}
        self._scanned_ann: Annotations | None = None
        # The actor dictionary (``data/actors.tsv``, ``actors.extra``, ``data/actor_aliases.tsv``).
        self.lexicon = Lexicon(config)

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
            return self.lexicon.scan(ann, sent, country, year, last_named)
        key = (sent, country, year, last_named)
        if key not in self._scanned:
            self._scanned[key] = self.lexicon.scan(ann, sent, country, year, last_named)
        return list(self._scanned[key])

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
        # Organised crime's killings in Latin America are gangs' (see ``GANG_COUNTRIES``), not
        # feuds; a landmine or a shell is no weapon of a feud.
        feud = (
            etype in ("Battles", "Violence against civilians") and country not in GANG_COUNTRIES
            and _IDENTITY_CONFLICT.search(text) is not None
        )  # fmt: skip
        if roles.electoral(text):
            feud = False
            unnamed = self.lexicon.localise(
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
        # A people's "ethnic group" that fights or attacks ("Orma ethnic group attacks Pokomo
        # villages") is its militia (ACLED Codebook, "Identity militias"); the group as such is
        # only an associated actor of demonstrations.
        if etype in ("Battles", "Violence against civilians"):
            mentions = [self._as_militia(a) for a in mentions]
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
            generic = self.lexicon.localise(Entry(f"{crowd} ({{country}})", 6 if etype == "Protests" else 5, ""), country, year)
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
            rioters = self.lexicon.localise(Entry("Rioters ({country})", 5, ""), country, year)
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
                        self.lexicon.localise(police, country, year), event
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
            generic = self.lexicon.localise(Entry("Rioters ({country})", 5, ""), country, year)
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
            a1 = _synthetic(self.lexicon.localise(Entry("Military Forces of {country}", 1, ""), country, year), event)
            if etype == "Battles":
                a2 = _synthetic(Entry(_DONBAS_SEPARATISTS, 2, country), event)
        elif etype == "Violence against civilians":
            # Civilians are the target of this event type, so a named non-state armed group the
            # parse left in another role ("Pokot raiders attack village", a headline) is the
            # perpetrator.
            # A people's name that qualifies the victims ("two Turkana children were shot") or is
            # their target ("1 Somali killed", ``mark_victim_peoples``) tells who was hit, not who
            # struck.
            named = [
                a for a in armed
                if not a.generic and a.entry.inter in (2, 3, 4)
                and not (a.entry.inter == 4 and a.role == "target" and (
                    counts_victims(text, a.span.start, a.span.end)
                    or qualifies_victims(text, a.span.end)
                )) and not any(
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
                event, country, year, gang=country in GANG_COUNTRIES, feud=feud
            )
            a2 = _first(civilians) or _synthetic(self._civilians(country, year), event)
            if a1.generic and country in GANG_COUNTRIES and roles.organised_crime(text) and (
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
            gang = country in GANG_COUNTRIES
            a2 = self._unidentified(event, country, year, gang=gang, feud=feud)
        if (
            a2 is None and a1 is not None and a1.entry.inter == 1 and roles.seizure(text)
            and sub in ("Looting/property destruction", "Disrupted weapons use")
        ):  # fmt: skip
            a2 = self._unidentified(event, country, year, gang=country in GANG_COUNTRIES)
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
        if (
            etype == "Battles" and a1 is not None and a2 is not None
            and a1.entry.inter in (1, 8) and a2.entry.inter not in (1, 8)
            and roles.state_fought_back(text, (
                (a.span.start, a.span.end) for a in self._article_armed(ann, country, year)
                if a.entry.inter not in (1, 8)
            ))
        ):  # fmt: skip
            # The state force fought back: the other side struck first (see ``actor_roles``).
            a1, a2 = a2, a1
        if (
            etype == "Battles" and a1 is not None and a2 is not None and country == "Kenya"
            and (year is None or year >= _KENYA_SHABAAB_FROM)
            and a1.entry.name == "Al Shabaab" and _inter_here(a2.entry, country) == 1
            and not _between(text, a1, a2)  # "a firefight between X and Y": in that order
        ):  # fmt: skip
            a1, a2 = a2, a1
        # An unnamed communal militia is named after the place its people come from (from 2018).
        homes = roles.communal_places(text) if year is not None and year >= COMMUNAL_FROM else []
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
        return self.lexicon.localise(Entry("Civilians ({country})", INTER_CIVILIANS, ""), country, year)

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
                    hit = self.lexicon.localise(military, country, year)
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

    def _as_militia(self, mention: ActorMention) -> ActorMention:
        """A people's ethnic group ("Orma Ethnic Group (Kenya)") as its militia, if the dictionary
        names one; any other mention as it is."""
        name = mention.entry.name
        if mention.entry.inter != 0 or " Ethnic Group (" not in name:
            return mention
        militia = name.replace(" Ethnic Group (", " Ethnic Militia (")
        entry = next((e for e in self.lexicon.names.get(militia.lower(), []) if e.name == militia), None)
        if entry is None:
            return mention
        return ActorMention(mention.span, entry, mention.generic, mention.role, mention.sent)

    def _identity_militia(self, country: str, year: int | None) -> Entry:
        kind = "Communal" if year is not None and year >= COMMUNAL_FROM else "Ethnic"
        return Entry(f"Unidentified {kind} Militia ({country or 'International'})", 4, country)

    def _unidentified(self, event: EventRecord, country: str, year: int | None,
                      gang: bool = False, feud: bool = False) -> ActorMention:
        if feud:
            return _synthetic(self._identity_militia(country, year), event)
        kind = "Unidentified Gang" if gang else "Unidentified Armed Group"
        entry = self.lexicon.localise(Entry(f"{kind} ({{country}})", 3, ""), country, year)
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


def _between(text: str, a1: ActorMention, a2: ActorMention) -> bool:
    """Whether the text names the two sides as "between ``a1`` and ``a2``"."""
    before = text[max(0, a1.span.start - 12) : a1.span.start]
    return re.search(r"\bbetween\s+(?:the\s+)?$", before) is not None and (
        re.fullmatch(r"\s+and\s+(?:the\s+)?", text[a1.span.end : a2.span.start]) is not None
    )


def _first(items: list[ActorMention]) -> ActorMention | None:
    return items[0] if items else None


def _synthetic(entry: Entry, event: EventRecord) -> ActorMention:
    """An actor ACLED's conventions imply, evidenced by the event's first mention sentence."""
    m = event.mentions[0]
    return ActorMention(m.span, entry, True, "", m.sent)
