"""Stage ``events``: find the sentences that report events and group them into ACLED events.

Reads ``work.annotations`` (sentences) and ``Article.text``; writes ``work.mentions`` and
``work.events`` (type fields, confidence and mentions; the other fields are filled downstream).

1. **Mentions.** A sentence is a candidate when an event cue (``data/cues.tsv``) matches and no
   non-event cue (plans, threats, denials) governs it. Sentences with casualty words only attach to
   the nearest event instead of founding one.
2. **Classification.** The sub-event classifier (:mod:`eventcoder.classify`) scores each candidate;
   words that name a sub-type outright ("air strike", "shelling") add that label, so one sentence can
   report two events ("crushed with air assaults and artillery").
3. **Grouping.** Mentions of one sub-type form one event; a demonstration's sub-types (a protest, the
   tear gas, the arrests) are one event, typed by the whole article, as ACLED codes it.
4. **Confidence** mixes the best mention's score with the article-level classification, so the event
   the whole text is about comes first.

``pipeline.scope = "acled"`` drops events that read as ordinary crime (crime words, no political or
armed-conflict context); ``"all"`` keeps them, tagged ``crime``.
"""

from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass, replace
from importlib import resources

from ..classify import SubEventModel, Taxonomy, load_model, load_taxonomy
from ..config import Config
from ..errors import ConfigError
from ..model import Evidence, EventRecord, Mention, Span, Work
from ..registry import stage

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
# Readings a sentence with only general event words may get at any confidence; others need
# CONFIDENT (the classifier's probability) or a cue word naming them.
GENERIC_READINGS = frozenset(
    {"Attack", "Armed clash", "Change to group/activity", "Other", "Looting/property destruction",
     "Mob violence", "Remote explosive/landmine/IED", "Arrests"}
)  # fmt: skip
CONFIDENT = 0.6
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

    def __call__(self, work: Work) -> Work:
        ann = work.annotations
        assert ann is not None  # guaranteed by Pipeline.check(): nlp runs first
        text = work.article.text
        year = work.article.published.year if work.article.published else None
        found = [
            None if _is_history(s.span.text, year) else self._cues_of(s.span.text, s.span.start)
            for s in ann.sentences
        ]
        chosen = [i for i, f in enumerate(found) if f is not None]
        if not chosen:
            return replace(work, mentions=(), events=())
        probs = self.model.predict_proba([ann.sentences[i].span.text for i in chosen])
        doc_text = " ".join(
            [work.article.title] + [ann.sentences[i].span.text for i in chosen]
        ).strip()
        doc_probs = self.model.predict_proba([doc_text])[0]
        doc_top = max(doc_probs, key=doc_probs.__getitem__)
        candidates = []
        for i, p in zip(chosen, probs, strict=True):
            strong, casualty_only, trigger = found[i]  # type: ignore[misc]
            p = dict(p)
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
            labels = list(dict.fromkeys(labels))
            candidates.append(
                _Candidate(i, ann.sentences[i].span, p, tuple(labels), casualty_only, trigger)
            )
        groups = self._group(candidates, doc_probs)
        crime = self._reads_as_crime(text)
        events = []
        # The best reading held back by min_confidence: an article whose every event sentence the
        # classifier finds unclear still reports its one clearest event (see ARTICLE_FLOOR).
        held_back: tuple[float, EventRecord] | None = None
        for sub_type, members in groups.items():
            entry = self.taxonomy.entry(sub_type)
            mentions = tuple(
                Mention(c.sent, c.span, sub_type, round(c.probs.get(sub_type, 0.0), 4), c.trigger)
                for c in members
            )
            best = max(m.confidence for m in mentions)
            confidence = (1 - DOC_WEIGHT) * best + DOC_WEIGHT * doc_probs.get(sub_type, 0.0)
            is_crime = crime and sub_type not in DEMONSTRATION and entry.event_type not in (
                "Explosions/Remote violence",
            )
            if is_crime and self.scope == "acled":
                continue
            lead = mentions[0]
            evidence_span = lead.trigger or lead.span
            ev = Evidence("sub_event_type", evidence_span, self.info.name, self.info.version)  # type: ignore[attr-defined]
            record = EventRecord(
                article_ids=(work.article.id,),
                event_type=entry.event_type,
                sub_event_type=entry.sub_event_type,
                disorder_type=entry.disorder_type,
                confidence=round(confidence, 4),
                mentions=mentions,
                tags="crime" if is_crime else "",
                evidence=(ev, replace(ev, field="event_type")),
            )
            if best >= self.min_confidence:
                events.append(record)
            elif best >= ARTICLE_FLOOR and (held_back is None or best > held_back[0]):
                held_back = (best, record)
        if not events and held_back is not None:
            events.append(held_back[1])
        events.sort(key=lambda e: (-e.confidence, e.mentions[0].sent))
        events = _drop_rival_readings(events, {i: found[i][0] for i in chosen})  # type: ignore[index]
        events = events[: self.max_events]
        mentions_all = tuple(m for e in events for m in e.mentions)
        return replace(work, mentions=mentions_all, events=tuple(events))

    def _cues_of(self, sentence: str, offset: int) -> tuple[tuple[str, ...], bool, Span | None] | None:
        """(named sub-types, casualty-only?, trigger span) if the sentence may report an event."""
        strong: list[str] = []
        trigger: Span | None = None
        strong_hits: list[re.Match[str]] = []
        for cue in self.strong:
            m = cue.pattern.search(sentence)
            if m:
                strong.append(cue.sub_event_type)
                strong_hits.append(m)
                if trigger is None:
                    trigger = Span(offset + m.start(), offset + m.end(), m.group(0))
        event_hit = None
        for pattern in self.event_cues:
            event_hit = pattern.search(sentence)
            if event_hit:
                break
        if not strong and event_hit is None:
            return None
        if self._hypothetical(sentence, strong_hits + ([event_hit] if event_hit else [])):
            return None
        if "Disrupted weapons use" in strong and _ATTEMPT.search(sentence):
            # "tried to carry out four suicide assaults but the SDF seized an arms dump": the
            # attack did not happen; what happened is its disruption.
            strong = [s for s in strong if s == "Disrupted weapons use" or s not in _ATTACKS]
        if trigger is None and event_hit is not None:
            trigger = Span(offset + event_hit.start(), offset + event_hit.end(), event_hit.group(0))
        casualty_only = not strong and self._only_casualty(sentence)
        return tuple(dict.fromkeys(strong)), casualty_only, trigger

    def _hypothetical(self, sentence: str, hits: list[re.Match[str]]) -> bool:
        """Every cue is governed by a plan, threat, denial or modal just before it."""
        if not hits:
            return False
        for hit in hits:
            window = sentence[max(0, hit.start() - MODAL_WINDOW) : hit.start()]
            if not any(p.search(window) for p in self.nonevent):
                return False
        return not _has_past_event_verb(sentence)

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
        self, candidates: list[_Candidate], doc_probs: dict[str, float]
    ) -> dict[str, list[_Candidate]]:
        groups: dict[str, list[_Candidate]] = {}
        labels = {label for c in candidates if not c.casualty_only for label in c.labels}
        demo = labels & DEMONSTRATION
        # One demonstration per article: its sub-type is the one the whole article reads as.
        demo_type = max(demo, key=lambda s: doc_probs.get(s, 0.0)) if demo else ""
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
                if demo_type and (label in DEMONSTRATION or label in FOLDS_INTO_DEMONSTRATION):
                    label = demo_type
                members = groups.setdefault(label, [])
                if c not in members:
                    members.append(c)
        return groups

    def _reads_as_crime(self, text: str) -> bool:
        """Crime reporting: two or more kinds of crime words, no word of politics or conflict.

        One crime word is not enough: ACLED codes gang killings and police raids ("a drug suspect
        was killed during a police raid") that a single "suspect" would drop.
        """
        crime = len({m.group(0).lower() for p in self.crime for m in p.finditer(text)})
        political = sum(1 for p in self.political if p.search(text))
        return crime >= MIN_CRIME_CUES and political == 0


# "the attack", "the offensive": a definite reference back to an event already reported.
_BACK_REFERENCE = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?:attacks?|assaults?|offensive|fighting|raids?)\b", re.I
)
_ATTEMPT = re.compile(r"\b(?:tried|attempted|failed|sought|plotted)\s+to\b|\bfoiled\b|\bthwarted\b", re.I)
_ATTACKS = frozenset(
    {"Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Attack", "Armed clash"}
)
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
    ("air assaults and artillery"); otherwise they are rival readings of one event.
    """
    kept: list[EventRecord] = []
    for event in events:
        sents = frozenset(m.sent for m in event.mentions)
        rival = any(
            frozenset(m.sent for m in k.mentions) == sents
            and not all(
                event.sub_event_type in strong.get(s, ()) and k.sub_event_type in strong.get(s, ())
                for s in sents
            )
            for k in kept
        )
        if not rival:
            kept.append(event)
    return kept


_PAST_EVENT = re.compile(
    r"\b(?:killed|attacked|clashed|exploded|fired|shelled|protested|struck|abducted|"
    r"kidnapped|stormed|died|wounded|injured|arrested|detonated)\b",
    re.I,
)


def _has_past_event_verb(sentence: str) -> bool:
    return _PAST_EVENT.search(sentence) is not None
