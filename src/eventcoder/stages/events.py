"""Stage ``events``: find the sentences that report events and group them into ACLED events.

Reads ``work.annotations`` (sentences) and ``Article.text``; writes ``work.mentions`` and
``work.events`` (type fields, confidence and mentions; the other fields are filled downstream).

1. **Mentions.** A sentence is a candidate when an event cue (``data/cues.tsv``) matches and no
   non-event cue (plans, threats, denials) governs it, or, with no event word, when it names an
   armed or political actor and the classifier is sure of one sub-type (strategic developments are
   told in words too varied for a list). Sports, markets and weather sentences with only general
   words ("attack", "strike") found nothing. Sentences with casualty words only attach to the
   nearest event instead of founding one.
2. **Classification.** The sub-event classifier (:mod:`eventcoder.classify`) scores each candidate;
   words that name a sub-type outright ("air strike", "shelling") add that label, so one sentence can
   report two events ("crushed with air assaults and artillery"). ACLED's precedence rules then
   decide between named readings (:mod:`.event_rules`: a battle that moves territory is the
   territory change; a suicide bomber's blast a suicide bomb; chlorine shells a chemical weapon;
   a defused or intercepted weapon a disrupted one; lethal force on a peaceful crowd excessive
   force), and for the sub-types in ``DECISIVE`` a named reading beats the classifier's rival one.
3. **Grouping.** Mentions of one sub-type form one event; a demonstration's sub-types (a protest, the
   tear gas, the arrests) are one event, typed by the whole article and by what the crowd did, as
   ACLED codes it. ACLED's actor rules (:mod:`.precedence`) then retype what the words alone get
   wrong: an "attack" between state forces and raiders is an armed clash; a note's tag
   ("Movement of forces:", "Arrests:") names its sub-type and puts that event first.
4. **Confidence** mixes the best mention's score with the article-level classification, so the event
   the whole text is about comes first.

``pipeline.scope = "acled"`` drops events that read as ordinary crime (crime words, no political or
armed-conflict context); ``"all"`` keeps them, tagged ``crime``. Under ``"all"`` an article that
still has no event but tells a person shot (``shooting`` cues: an accidental discharge, a gunshot
wound, a court story's "a gun ... discharged into his chest", a headline stub) reports that
shooting as an Attack tagged ``crime``, as the stage codes other shootings of people there;
ACLED's scope leaves accidents out (no political violence).
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources

from ..classify import SubEventModel, Taxonomy, load_model, load_taxonomy
from ..config import Config
from ..errors import ConfigError
from ..model import EventRecord, Evidence, Mention, Sentence, Span, Token, Work
from ..registry import stage
from .event_groups import arrests_after, retype, taken_without_fight, with_neighbours
from .event_rules import (
    CROWD,
    CROWD_DISRUPTION,
    CROWD_VIOLENCE,
    NON_STATE_ACTOR,
    ORGANISED,
    RIOT_UNITS,
    STATE_ACTOR,
    UNREST,
    crowd_rioted,
    excessive_force,
    military_strike,
    named_readings,
)
from .precedence import (
    arrests_at_protest,
    codebook_drops,
    crowd_reading,
    demonstration_reading,
    names_no_protest,
    note_tag,
    reads_as_attack,
    reads_as_clash,
    reads_as_exchange,
    reads_as_shelling,
    riot_not_mob,
)

log = logging.getLogger(__name__)

# Sub-types that are facets of one crowd event when they occur in the same article: a protest,
# its dispersal, the riot it became, the mob it turned into.
DEMONSTRATION = frozenset(
    {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Violent demonstration",
        "Mob violence",
    }
)
# Sub-types that, next to a demonstration in one article, are usually part of it (ACLED codes the
# arrests at a protest as "Protest with intervention", not as a separate "Arrests" event).
FOLDS_INTO_DEMONSTRATION = frozenset({"Arrests", "Looting/property destruction"})
# Where a sentence's words name a sub-type outright, the classifier's probability for it is raised
# to at least this: the cue is evidence the bag-of-words model may weigh too lightly.
CUE_FLOOR = 0.5
# A sentence also gets the article's top sub-type when its score for it is at least this share
# of its own top score (0.5 gave the best main-event accuracy on non-holdout notes).
CLOSE_SECOND = 0.5
# A sentence with no event word founds an event when the classifier gives one sub-type at least
# this probability (and the sentence names an armed or political actor; see _may_report). Measured
# on dev corpora the model was not trained on: held-out pre-2019 ACLED notes of territory changes
# and strategic developments coded right 53/76 without this path, 56/76 at 0.6, 60/76 at 0.45;
# GLOCON articles with no protest (South African wire news) coded with an event 123/250, 128/250
# and 139/250. 0.6 takes the recall that costs few false events.
CLASSIFIER_FOUNDS = 0.6
# Readings a sentence with only general event words may get at any confidence; others need
# CONFIDENT (the classifier's probability) or a cue word naming them.
GENERIC_READINGS = frozenset(
    {"Attack", "Armed clash", "Change to group/activity", "Other", "Looting/property destruction",
     "Mob violence", "Remote explosive/landmine/IED", "Arrests"}
)  # fmt: skip
CONFIDENT = 0.6
# Sub-types whose cue words name the act the codebook defines them by ("arrested", "recaptured",
# "blew himself up", "chlorine"): a sentence's words win over the classifier's rival reading.
# Not the general words ("clashed", "protested"), which ACLED codes as several sub-types by who
# took part: two villages that "clashed" are mob violence, not an armed clash. On 1,500
# training-side notes (bench/errors.py) letting every named reading win gave sub-type accuracy
# 0.865; these alone 0.959 (the same rules otherwise).
DECISIVE = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory",
     "Non-violent transfer of territory", "Headquarters or base established", "Agreement",
     "Arrests", "Chemical weapon", "Suicide bomb", "Disrupted weapons use", "Sexual violence",
     "Abduction/forced disappearance", "Excessive force against protesters",
     "Change to group/activity", "Other"}
)  # fmt: skip
# Sub-types named by the weapon used ("artillery", "air strike", "tanks firing at"), and the
# classifier's rival readings they win over in one sentence: ACLED codes remote violence by the
# weapon, also on civilians ("shelled a market" is no "Attack"), and a bag of words cannot tell a
# rocket fired from the ground from one fired from the air.
WEAPONS = frozenset({"Shelling/artillery/missile attack", "Air/drone strike"})
WEAPON_RIVALS = frozenset(
    {"Attack", "Mob violence", "Peaceful protest", "Violent demonstration",
     "Remote explosive/landmine/IED", *WEAPONS}
)  # fmt: skip
# A modal or "threatened to" this many characters or fewer before an event word governs it
# ("vowed to attack", "would not rule out strikes"); further away it is usually another clause.
MODAL_WINDOW = 40
# Distinct crime cues (data/cues.tsv) that, with no political cue, make an article crime news.
MIN_CRIME_CUES = 2
# An article with event words but no reading above min_confidence keeps its best one when that is
# at least this probable: on training-side ACLED notes (every one an event) 0.30 alone left 2.7%
# of notes with no event, most of them clear to a reader ("confronted the police", "blocked the
# highway") but split by the classifier between two or three close sub-types.
ARTICLE_FLOOR = 0.15
# The sub-types a military "strike" of unnamed weapon may be (see event_rules.military_strike).
STRIKES = ("Air/drone strike", "Shelling/artillery/missile attack")
# Weight of the article-level classification in an event's confidence (rest: its best mention).
DOC_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    sub_event_type: str
    pattern: re.Pattern[str]


def load_cues() -> tuple[Cue, ...]:
    text = resources.files("eventcoder").joinpath("data/cues.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    cues = []
    for row in csv.DictReader(lines, delimiter="\t"):
        kind = row["kind"]
        flags = 0 if kind.endswith("!") else re.IGNORECASE
        try:
            pattern = re.compile(rf"\b(?:{row['pattern']})\b", flags)
        except re.error as exc:
            raise ConfigError(f"bad pattern in data/cues.tsv: {row['pattern']!r}: {exc}") from exc
        cues.append(Cue(kind.rstrip("!"), row["sub_event_type"] or "", pattern))
    return tuple(cues)


@dataclass(frozen=True, slots=True)
class _Candidate:
    sent: int
    span: Span
    probs: dict[str, float]
    labels: tuple[str, ...]
    casualty_only: bool
    trigger: Span | None
    named: tuple[str, ...] = ()  # the sub-types its words name (cues.tsv "strong")


@stage("events", requires=("annotations",), provides=("mentions", "events"), version=1)
class EventsStage:
    """Find event mentions, classify them in ACLED's taxonomy, group them into events."""

    def __init__(self, config: Config) -> None:
        section = config.section("events")
        self.model: SubEventModel = load_model(section.get("model") or None)
        self.taxonomy: Taxonomy = load_taxonomy()
        self.min_confidence = float(section.get("min_confidence", 0.3))
        self.max_events = int(section.get("max_events", 8))
        self.scope = str(config.get("pipeline", "scope"))
        if self.scope not in ("acled", "all"):
            raise ConfigError(f"pipeline.scope must be 'acled' or 'all', not {self.scope!r}")
        cues = load_cues()
        self.strong = [c for c in cues if c.kind == "strong"]
        self.event_cues = [c.pattern for c in cues if c.kind == "event"]
        self.casualty = [c.pattern for c in cues if c.kind == "casualty"]
        self.nonevent = [c.pattern for c in cues if c.kind == "nonevent"]
        self.political = [c.pattern for c in cues if c.kind == "political"]
        self.crime = [c.pattern for c in cues if c.kind == "crime"]
        self.offtopic = [c.pattern for c in cues if c.kind == "offtopic"]
        self.shooting = [c.pattern for c in cues if c.kind == "shooting"]

    def __call__(self, work: Work) -> Work:
        coded = self._code(work)
        if coded.events or self.scope != "all":
            return coded
        return self._shooting_told(coded)

    def _shooting_told(self, work: Work) -> Work:
        """The article's shooting, when no event was coded but a sentence tells a person shot.

        Accidents ("the rifle fell over and went off"), court stories that tell the shooting in a
        clause ("charged after a gun he was showing discharged into his chest") and headline
        stubs name no attacker the classifier reads. Under scope "all" (every shooting, as GVA
        covers them) the first such sentence founds an Attack, tagged ``crime`` (outside ACLED's
        scope), as a shooting of a person is coded there; its date and fatalities come later.
        """
        ann = work.annotations
        assert ann is not None  # guaranteed by Pipeline.check(): nlp runs first
        for i, sentence in enumerate(ann.sentences):
            hit = next((m for p in self.shooting if (m := p.search(sentence.span.text))), None)
            if hit is None:
                continue
            start = sentence.span.start + hit.start()
            trigger = Span(start, start + len(hit.group(0)), hit.group(0))
            # The classifier's own reading of the sentence as an attack: low where it read none,
            # which is what this event's confidence should say.
            confidence = round(self.model.predict_proba([sentence.span.text])[0].get("Attack", 0.0), 4)
            mention = Mention(i, sentence.span, "Attack", confidence, trigger)
            record = self._record(work, "Attack", (mention,), confidence, "crime")
            return replace(work, mentions=(mention,), events=(record,))
        return work

    def _code(self, work: Work) -> Work:
        ann = work.annotations
        assert ann is not None  # guaranteed by Pipeline.check(): nlp runs first
        text = work.article.text
        year = work.article.published.year if work.article.published else None
        found = [
            None if _is_history(s.span.text, year) else self._cues_of(s.span.text, s.span.start)
            for s in ann.sentences
        ]
        for i, f in enumerate(found):
            text_i = ann.sentences[i].span.text
            if (
                f is not None and f[0] and set(f[0]) <= WEAPONS and _MOVED.search(text_i)
                and not _FIRED.search(text_i) and not _CAUSE.search(text_i)
                and not any(p.search(text_i) for p in self.event_cues)
                and _is_sighting(text_i, ann.tokens_in(i))
            ):  # fmt: skip
                found[i] = None  # "MLRS systems moving west": a weapon moved, not fired
        chosen = [i for i, f in enumerate(found) if f is not None]
        # Sentences with no event word but an armed or political actor: the classifier alone may
        # found an event there when it is sure ("the rebels announced a parallel administration",
        # "peacekeepers handed their camp to the army"): strategic developments are told in
        # words too varied for a list.
        unnamed = [
            i for i, s in enumerate(ann.sentences)
            if found[i] is None and self._may_report(s.span.text, year)
            and not _is_sighting(s.span.text, ann.tokens_in(i))
        ]  # fmt: skip
        if not chosen and not unnamed:
            return replace(work, mentions=(), events=())
        scored = chosen + unnamed
        all_probs = self.model.predict_proba([ann.sentences[i].span.text for i in scored])
        for i, p in zip(unnamed, all_probs[len(chosen) :], strict=True):
            if max(p.values()) >= CLASSIFIER_FOUNDS:
                found[i] = ((), False, None)
        keep = [k for k, i in enumerate(scored) if found[i] is not None]
        chosen = [scored[k] for k in keep]
        if not chosen:
            return replace(work, mentions=(), events=())
        probs = [all_probs[k] for k in keep]
        doc_text = " ".join(
            [work.article.title] + [ann.sentences[i].span.text for i in chosen]
        ).strip()
        doc_probs = self.model.predict_proba([doc_text])[0]
        doc_top = max(doc_probs, key=doc_probs.__getitem__)
        candidates = []
        for i, p in zip(chosen, probs, strict=True):
            strong, casualty_only, trigger = found[i]  # type: ignore[misc]
            p = dict(p)
            sent_text = ann.sentences[i].span.text
            crowd_text = sent_text
            if military_strike(sent_text):
                # "Damaged by strike", "casualties after a strike on the market": a strike from
                # the air or from afar (ACLED's Explosions/Remote violence), whichever of the two
                # the classifier finds likelier where no weapon is named; no labour strike, so no
                # crowd to demonstrate.
                crowd_text = _STRIKE_WORD.sub(" ", sent_text)
                if not strong:
                    strong = (max(STRIKES, key=lambda k: p.get(k, 0.0)),)
                    casualty_only = False
                    found[i] = (strong, casualty_only, trigger)
            for label in strong:
                p[label] = max(p.get(label, 0.0), CUE_FLOOR)
            top = max(p, key=p.__getitem__)
            if not strong and top not in GENERIC_READINGS and p[top] < CONFIDENT:
                # Only general words ("gathered", "attack"): a specific sub-type needs the
                # classifier's confidence, else the sentence reads as its general kind.
                top = max(GENERIC_READINGS, key=lambda k: p.get(k, 0.0))
            # Where words name the event, the classifier's own reading is added only when it is
            # confident: "Fires erupted ... as it was aimed with rockets" is shelling, not the
            # riot that "fires" suggests to a bag of words.
            labels = [*strong, top] if not strong or p[top] >= CONFIDENT else list(strong)
            # A close second that the whole article reads as: the sentence alone is too short
            # to tell "Attack" from "Armed clash", the article often is not.
            if p.get(doc_top, 0.0) >= CLOSE_SECOND * p[top]:
                labels.append(doc_top)
            if not CROWD.search(crowd_text) or ("Looting/property destruction" in strong and names_no_protest(sent_text)):
                # A demonstration needs people demonstrating: "Fires erupted in the enclave" or
                # "air assaults demolished stores" read as a riot to a bag of words, not to ACLED.
                labels = [
                    lb for lb in labels if lb in strong or self.taxonomy.entry(lb).event_type
                    not in ("Protests", "Riots") or lb == "Mob violence"
                ]  # fmt: skip
            # Nor a reading the codebook gives to a named one ("a drone dropped a grenade"); a
            # refused sole reading ("murder-suicide": no suicide bomb) leaves the general kind.
            dropped = codebook_drops(sent_text, set(strong))
            kept = [lb for lb in dict.fromkeys(labels) if lb not in dropped]
            labels = kept or ([max(GENERIC_READINGS - dropped, key=lambda k: p.get(k, 0.0))] if labels else [])
            if not labels:
                continue
            candidates.append(
                _Candidate(i, ann.sentences[i].span, p, tuple(labels), casualty_only, trigger, strong)
            )
        groups, sources = self._group(candidates, doc_probs, ann.sentences)
        sents = ann.sentences
        shelling = "Shelling/artillery/missile attack"
        if shelling in groups and reads_as_exchange(with_neighbours(sents, groups[shelling])):
            # Heavy weapons fired both ways ("mortar explosions in both directions of the
            # frontline", "exchanged artillery fire"): both sides engage, an armed clash (ACLED
            # codebook), whatever the weapons. With the next rule, on 1,500 training-side global
            # notes with a model not trained on them: fixed 46, broke 0.
            retype(groups, sources, shelling, "Armed clash")
        else:
            for sub_type in ("Armed clash", "Grenade"):
                if sub_type in groups and reads_as_shelling(
                    with_neighbours(sents, groups[sub_type]),
                    grenade_launchers_only=sub_type == "Grenade",
                ):
                    # Mortars or grenade launchers fired at the other side's positions and nothing
                    # fired back: shelling, however battle-like the classifier finds the words.
                    retype(groups, sources, sub_type, shelling)
        if "Attack" in groups and reads_as_clash(with_neighbours(sents, groups["Attack"])):
            # Armed, organised sides on both ends (state forces and raiders, two militias): ACLED
            # codes an armed clash, however one-sided the report's words ("raiders attacked the
            # police post") read to the classifier.
            retype(groups, sources, "Attack", "Armed clash")
        elif "Armed clash" in groups and reads_as_attack(with_neighbours(sents, groups["Armed clash"])):
            # The other way round: an armed side, people hurt and no fight between sides ("gunmen
            # ambushed a bus, killing two passengers") is an attack on civilians.
            retype(groups, sources, "Armed clash", "Attack")
        # Who did the violence decides between a riot and an attack (ACLED codebook): a mob that
        # lynches a suspect riots; police or a militia beating a man attack a civilian.
        for sub_type in ("Attack", "Violent demonstration", "Mob violence"):
            if sub_type in groups:
                reading = crowd_reading(with_neighbours(sents, groups[sub_type]))
                if reading and reading != sub_type and (reading, sub_type) != ("Attack", "Violent demonstration"):
                    retype(groups, sources, sub_type, reading)
        taken_without_fight(groups, sources, sents)
        crime = self._reads_as_crime(text)
        events = []
        # The best reading held back by min_confidence: an article whose every event sentence the
        # classifier finds unclear still reports its one clearest event (see ARTICLE_FLOOR).
        held_back: tuple[float, EventRecord] | None = None
        for sub_type, members in groups.items():
            entry = self.taxonomy.entry(sub_type)
            # A group retyped by ACLED's rules (a demonstration's sub-type, an attack that was a
            # clash) is as probable as the readings it was made of.
            read_as = sources.get(sub_type, {sub_type}) | {sub_type}
            mentions = tuple(
                Mention(
                    c.sent, c.span, sub_type,
                    round(max(c.probs.get(k, 0.0) for k in read_as), 4), c.trigger,
                )
                for c in members
            )  # fmt: skip
            best = max(m.confidence for m in mentions)
            doc_p = max(doc_probs.get(k, 0.0) for k in read_as)
            confidence = (1 - DOC_WEIGHT) * best + DOC_WEIGHT * doc_p
            is_crime = crime and sub_type not in DEMONSTRATION and entry.event_type not in (
                "Explosions/Remote violence",
            )
            if is_crime and self.scope == "acled":
                continue
            record = self._record(
                work, sub_type, mentions, round(confidence, 4), "crime" if is_crime else ""
            )
            if best >= self.min_confidence:
                events.append(record)
            elif best >= ARTICLE_FLOOR and (held_back is None or best > held_back[0]):
                held_back = (best, record)
        if not events and held_back is not None:
            events.append(held_back[1])
        # An event the note's own tag names comes first ("Arrests: ... at a rally").
        tags = {note_tag(ann.sentences[i].span.text) for i in chosen} - {""}
        events = events if "Arrests" in tags else arrests_after(events)
        events.sort(key=lambda e: (e.sub_event_type not in tags, -e.confidence, e.mentions[0].sent))
        events = _drop_rival_readings(events, {i: found[i][0] for i in chosen})  # type: ignore[index]
        events = events[: self.max_events]
        mentions_all = tuple(m for e in events for m in e.mentions)
        return replace(work, mentions=mentions_all, events=tuple(events))

    def _record(
        self, work: Work, sub_type: str, mentions: tuple[Mention, ...], confidence: float, tags: str
    ) -> EventRecord:
        """An event of ``sub_type`` told by ``mentions``; its type's evidence is the first one's
        trigger (or sentence)."""
        entry = self.taxonomy.entry(sub_type)
        lead = mentions[0]
        ev = Evidence("sub_event_type", lead.trigger or lead.span, self.info.name, self.info.version)  # type: ignore[attr-defined]
        return EventRecord(
            article_ids=(work.article.id,),
            event_type=entry.event_type,
            sub_event_type=entry.sub_event_type,
            disorder_type=entry.disorder_type,
            confidence=confidence,
            mentions=mentions,
            tags=tags,
            evidence=(ev, replace(ev, field="event_type")),
        )

    def _cues_of(self, sentence: str, offset: int) -> tuple[tuple[str, ...], bool, Span | None] | None:
        """(named sub-types, casualty-only?, trigger span) if the sentence may report an event."""
        tag = note_tag(sentence)
        if tag:
            # An ACLED note tag ("Arrests: police detained ...") names the sub-type outright.
            return (tag,), False, Span(offset, offset + sentence.index(":"), sentence[: sentence.index(":")])
        hits: dict[str, re.Match[str]] = {}
        for cue in self.strong:
            m = cue.pattern.search(sentence)
            if m and cue.sub_event_type not in hits:
                hits[cue.sub_event_type] = m
        event_hit = None
        for pattern in self.event_cues:
            event_hit = pattern.search(sentence)
            if event_hit:
                break
        if not hits and event_hit is None:
            return None
        bare = _BARE_DAMAGE.match(sentence)
        if (
            bare
            and not _CAUSE.search(sentence)
            and not any(p.search(sentence[bare.end() :]) for p in self.event_cues)
        ):
            # A caption of damage or losses with no one who did it and no cause told ("Damaged
            # residential buildings", "Destroyed Russian MLRS"): no event ACLED codes; the weapon
            # named is what was destroyed, not what fired.
            return None
        if self._hypothetical(sentence, [*hits.values(), *([event_hit] if event_hit else [])]):
            return None
        strong = named_readings(sentence, list(hits))
        if not strong and (
            event_hit is None
            or (any(p.search(sentence) for p in self.offtopic)
                and not any(p.search(sentence) for p in self.casualty))
        ):  # fmt: skip
            # No event named, or only a general word ("attack", "strike") in sports, markets or
            # weather news with nobody hurt: "the home side's attack broke through".
            return None
        first = next((hits[label] for label in strong if label in hits), event_hit)
        trigger = Span(offset + first.start(), offset + first.end(), first.group(0)) if first else None
        casualty_only = not strong and (
            self._only_casualty(sentence) or self._only_back_reference(sentence)
        )
        return tuple(dict.fromkeys(strong)), casualty_only, trigger

    def _may_report(self, sentence: str, year: int | None) -> bool:
        """A sentence without event words that names an armed or political actor doing something
        now: no plan or modal, no sports or markets, no background."""
        return bool(
            (STATE_ACTOR.search(sentence) or NON_STATE_ACTOR.search(sentence)
             or ORGANISED.search(sentence))
            and not any(p.search(sentence) for p in self.nonevent)
            and not any(p.search(sentence) for p in self.offtopic)
            and not _is_history(sentence, year)
        )  # fmt: skip

    def _hypothetical(self, sentence: str, hits: list[re.Match[str]]) -> bool:
        """Every cue is governed by a plan, threat, denial or modal just before it."""
        if not hits:
            return False
        for hit in hits:
            window = sentence[max(0, hit.start() - MODAL_WINDOW) : hit.start()]
            if not any(p.search(window) for p in self.nonevent):
                return False
        return not _has_past_event_verb(sentence)

    def _only_back_reference(self, sentence: str) -> bool:
        """Every event word is a reference back ("claimed responsibility for the attack").

        Such a sentence tells more about an event already reported; it founds none of its own.
        """
        if not _BACK_REFERENCE.search(sentence):
            return False
        stripped = _BACK_REFERENCE.sub(" ", sentence)
        return not any(p.search(stripped) for p in self.event_cues)

    def _only_casualty(self, sentence: str) -> bool:
        """Deaths or injuries reported without a new event: no cause named, or only "the attack".

        "One SDF fighter was killed" and "... killed since the attack began" tell more about an
        event already reported; they must not found a second one.
        """
        if not any(p.search(sentence) for p in self.casualty):
            return False
        words = {m.group(0).lower() for p in self.event_cues for m in p.finditer(sentence)}
        words -= {"killed", "kill", "kills", "killing"}
        stripped = _BACK_REFERENCE.sub(" ", sentence)
        rest = {m.group(0).lower() for p in self.event_cues for m in p.finditer(stripped)}
        return not words or not (rest - {"killed", "kill", "kills", "killing"})

    def _group(
        self, candidates: list[_Candidate], doc_probs: dict[str, float], sentences: Sequence[Sentence]
    ) -> tuple[dict[str, list[_Candidate]], dict[str, set[str]]]:
        """Candidates by sub-type, and for each sub-type the readings folded into it."""
        groups: dict[str, list[_Candidate]] = {}
        sources: dict[str, set[str]] = {}
        labels = {label for c in candidates if not c.casualty_only for label in c.labels}
        named = {label for c in candidates for label in c.named}
        demo = labels & DEMONSTRATION
        # One demonstration per article: its sub-type is the one the whole article reads as,
        # unless its words name lethal force on a peaceful crowd (see named_readings).
        demo_type = max(demo, key=lambda s: doc_probs.get(s, 0.0)) if demo else ""
        crowd_violence = any(CROWD_VIOLENCE.search(RIOT_UNITS.sub("", c.span.text)) for c in candidates)
        if "Excessive force against protesters" in named and not crowd_violence:
            demo_type = "Excessive force against protesters"
        elif demo_type == "Peaceful protest" and "Protest with intervention" in named:
            # Dispersed, tear-gassed or baton-charged, a peaceful protest is one "with
            # intervention" (ACLED codebook), whatever the rest of the article reads as. (Not
            # "arrest": protests are as often against an arrest as met with one.)
            demo_type = "Protest with intervention"
        elif demo_type == "Peaceful protest" and "Arrests" in named and arrests_at_protest(
            " ".join(c.span.text for c in candidates if "Arrests" in c.named)
        ):  # police arresting the demonstrators: the protest met intervention (ACLED codebook)
            demo_type = "Protest with intervention"
        demo_text = with_neighbours(
            sentences, [c for c in candidates if set(c.labels) & DEMONSTRATION]
        )
        if demo_type in ("Peaceful protest", "Protest with intervention") and excessive_force(demo_text):
            # Lethal force told in the next sentence ("Police responded with live fire"), not
            # beside the protest's own words: still excessive force on a peaceful crowd.
            demo_type = "Excessive force against protesters"
        elif demo_type == "Mob violence" and (riot_not_mob(demo_text) or crowd_rioted(demo_text)):
            # Rioters who are demonstrating ("students went on strike and vandalised the
            # school", "voters rioted"): ACLED's violent demonstration, not a mob turning on
            # someone.
            demo_type = "Violent demonstration"
        # The whole text: disorder is often told in a sentence no cue picked ("after violent unrest").
        article = " ".join(s.span.text for s in sentences)
        if demo_type in ("Peaceful protest", "Protest with intervention", "Violent demonstration"):
            # What the crowd did, as the codebook defines each: barricades, stones and arson make
            # the demonstration violent; one the report calls peaceful is a protest, with
            # intervention when police dispersed it.
            reading = demonstration_reading(demo_text)
            if reading == "Violent demonstration":
                demo_type = reading
            elif reading == "Peaceful protest" and demo_type == "Violent demonstration":
                demo_type = "Protest with intervention" if "Protest with intervention" in named else reading
            elif (
                not reading
                and demo_type == "Violent demonstration"
                and "Protest with intervention" in named
                and not CROWD_VIOLENCE.search(RIOT_UNITS.sub("", demo_text))
                and not CROWD_DISRUPTION.search(demo_text)
            ):
                # Dispersed or tear-gassed, with nothing the crowd did told: the classifier reads
                # the police's force as the crowd's riot; ACLED codes the intervention. ("Anti-riot
                # police" name the unit, not a riot: on 1,500 training-side Kenyan notes, with a
                # model not trained on them, fixed 1, broke 0.)
                demo_type = "Protest with intervention"
            elif (
                not reading
                and demo_type == "Violent demonstration"
                and not named & {"Violent demonstration", "Mob violence"}
                and not any(rx.search(article) for rx in (CROWD_VIOLENCE, CROWD_DISRUPTION, UNREST))
            ):
                # Nothing the crowd did is told, and no words name a riot: only the classifier's
                # bag of words reads one ("took to the streets", "demanding ... the killing").
                # ACLED codes a demonstration with no violence reported a peaceful protest. On
                # 1,500 training-side notes each, with a model not trained on them: global fixed 5,
                # broke 0; Kenya fixed 3, broke 0.
                demo_type = (
                    "Protest with intervention" if "Protest with intervention" in named else "Peaceful protest"
                )
        # Arrests and looting fold into a demonstration the words name, not into one the
        # classifier alone reads ("armed men looted the market" is no riot).
        fold = bool(named & DEMONSTRATION)
        for c in candidates:
            if c.casualty_only and groups:
                # Attach to the event it reads most like, the nearer one on a tie.
                best = max(
                    groups,
                    key=lambda k: (round(c.probs.get(k, 0.0), 2), max(m.sent for m in groups[k])),
                )
                groups[best].append(c)
                continue
            for label in c.labels:
                source = label
                if demo_type and (label in DEMONSTRATION or (fold and label in FOLDS_INTO_DEMONSTRATION)):
                    label = demo_type
                sources.setdefault(label, {label}).add(source)
                members = groups.setdefault(label, [])
                if c not in members:
                    members.append(c)
        return groups, sources

    def _reads_as_crime(self, text: str) -> bool:
        """Crime reporting: two or more kinds of crime words, no word of politics or conflict.

        One crime word is not enough: ACLED codes gang killings and police raids ("a drug suspect
        was killed during a police raid") that a single "suspect" would drop.
        """
        # Kinds of crime words (a row of data/cues.tsv each), not their inflections: "murdered"
        # and "murders" are one word.
        crime = sum(1 for p in self.crime if p.search(text))
        political = sum(1 for p in self.political if p.search(text))
        return crime >= MIN_CRIME_CUES and political == 0


# "the attack", "the offensive": a definite reference back to an event already reported.
_BACK_REFERENCE = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?:attacks?|assaults?|offensive|fighting|raids?)\b", re.I
)
# A sentence that opens with the damage it shows, a caption's way ("Damaged school no. 5").
_BARE_DAMAGE = re.compile(
    r"\W*(?:[\d:()-]+\s+)*(?:damag(?:ed|ing)|destroy(?:ed|ing)|abandoned|burn(?:ed|t)(?:-out)?|wrecked)\b",
    re.I,
)
# What caused the damage, when a caption tells it: "damaged by shelling", "destroyed in strikes".
_CAUSE = re.compile(
    r"\b(?:by|after|following|from|result|due|caus\w*|during|amid|under|in (?:an? |the )?(?:\w+ )?"
    r"(?:strikes?|attacks?|shelling|fighting|explosions?|bombing|blasts?|raids?))\b",
    re.I,
)
_STRIKE_WORD = re.compile(r"\bstrikes?\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# Background told as a trend or a span of time, not as one event: "have pressed an offensive ...
# in recent months", "has fought for more than 15 years", "has increasingly relied on air strikes".
_TREND = re.compile(
    r"\b(?:in recent (?:days|weeks|months|years)|over the (?:past|last) (?:few )?(?:weeks|months|years)|"
    r"for (?:more than |over |nearly |almost |about )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"a few|several|many) (?:years|decades)|(?:has|have) increasingly|(?:has|have) long)\b",
    re.I,
)


def _is_history(sentence: str, year: int | None) -> bool:
    """Background: a sentence dated to an earlier year than the article's ("in October 2017"), or
    one that tells a trend over months or years rather than an event."""
    if _TREND.search(sentence):
        return True
    if year is None:
        return False
    years = [int(y) for y in _YEAR.findall(sentence)]
    return bool(years) and max(years) < year


def _drop_rival_readings(
    events: list[EventRecord], strong: dict[int, tuple[str, ...]]
) -> list[EventRecord]:
    """Of events resting on the very same sentences, keep the most confident reading.

    Two labels of one sentence are two events only when its words name both outright
    ("air assaults and artillery"); otherwise they are rival readings of one event, and a reading
    the words name wins over one the classifier alone gives.
    """
    kept: list[EventRecord] = []

    def named(event: EventRecord, sents: frozenset[int]) -> bool:
        return all(event.sub_event_type in strong.get(s, ()) for s in sents)

    for event in events:
        sents = frozenset(m.sent for m in event.mentions)
        rivals = [
            i for i, k in enumerate(kept)
            if frozenset(m.sent for m in k.mentions) == sents
            and not (named(event, sents) and named(k, sents))
        ]  # fmt: skip
        if not rivals:
            kept.append(event)
        elif (
            (event.sub_event_type in DECISIVE
             or (event.sub_event_type in WEAPONS and all(kept[i].sub_event_type in WEAPON_RIVALS for i in rivals)))
            and named(event, sents)
            and not any(named(kept[i], sents) for i in rivals)
        ):  # fmt: skip
            # The words name this reading, the more confident rival is the classifier's alone:
            # "soldiers arrested the commander" is an arrest however battle-like its words.
            kept[rivals[0]] = event
    return kept


_PAST_EVENT = re.compile(
    r"\b(?:killed|attacked|clashed|exploded|fired|shelled|protested|struck|abducted|"
    r"kidnapped|stormed|died|wounded|injured|arrested|detonated)\b",
    re.I,
)


def _is_sighting(sentence: str, tokens: Sequence[Token]) -> bool:
    """A caption of forces or equipment seen moving or standing ("Convoy of tanks", "Train
    transporting military equipment", "Russian military movements"): no tensed verb tells anything
    done, and ACLED does not code a sighting on its own. (Headlines such as "Police battle
    gangsters" name no sighting and stay.)"""
    return bool(_SIGHTING.search(sentence)) and not any(t.tag in _FINITE for t in tokens)


_SIGHTING = re.compile(
    r"\b(?:movements?|moving|on the move|transport\w*|convoys?|columns?|trains?|stationed|amass\w*|"
    r"heading|spotted|seen|footage|video|images?|imagery|load(?:ed|ing)|unload\w*|arrival|presence|"
    r"set up|parked|build-?up|logistic\w*|equipment|vehicles|patrol\w*|drills?|exercises?)\b",
    re.I,
)
# Weapons moved or carried, not fired ("rockets on a truck headed north"), unless shelled, bombarded.
_MOVED = re.compile(
    r"\b(?:moving|moved|on the move|transport\w*|convoys?|columns?|trains?|cargo|head(?:ing|ed)|hidden|"
    r"stationed|parked|load(?:ed|ing)|unload\w*|deliver\w*)\b",
    re.I,
)
_FIRED = re.compile(r"\b(?:shell\w*|bombard\w*|launch\w*|fir(?:e|ed|es|ing)|barrages?)\b", re.I)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _has_past_event_verb(sentence: str) -> bool:
    return _PAST_EVENT.search(sentence) is not None
