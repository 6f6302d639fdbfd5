"""Victims read from the dependency parse, for the ``fatalities`` stage: who died, and how many.

Helper of :mod:`eventcoder.stages.fatalities` (imports only the data model and
:mod:`eventcoder.stages.tolls`). Where a sentence writes no count of the dead, its parse names them:
"a man was shot to death" is one death, "killing and robbing him" one, "a chief and his assistant"
two, "the shooting death of a teen" one, "was pronounced dead", "committed suicide" one each.
``VictimReader.read`` returns a sentence's :class:`Count` (or None), ``VictimReader.hurt`` the
people it names as shot or wounded, dead or not; the stage decides which sentence's count is the
event's. Nothing here raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Span, Token
from .tolls import (
    ACCIDENT_AFTER,
    DEAD_STATE_VERBS,
    DEATH_NOUNS,
    DIE_VERBS,
    HURT_VERBS,
    KILL_VERBS,
    MANNER_VERBS,
    NOT_DONE,
    NOT_PEOPLE,
    PERSON_WORDS,
    TALLY_AFTER,
    YEAR,
    group_total,
)


@dataclass(frozen=True, slots=True)
class Count:
    """The deaths one sentence reports: how many, and the characters that say so."""

    value: int
    span: Span
    also: bool = False  # "were also killed": more deaths beside the toll, not the toll restated
    vague: bool = False  # "multiple people were found dead": a word for a number, not a number
    # The surnames of the dead named as the subject of their death ("Smith, 23, died at the scene")
    names: frozenset[str] = frozenset()
    several: bool = False  # a sentence that sums up several incidents ("a series of shootings left five dead")
    claim: bool = False  # a party's claim or an unconfirmed report ("Al Shabaab claims eight dead")


def _children(t: Token, tokens: tuple[Token, ...]) -> list[Token]:
    """The tokens of the sentence whose parse head is ``t``."""
    return [k for k in tokens if k.head == t.i and k.i != t.i]


def _is_death(t: Token, tokens: tuple[Token, ...]) -> bool:
    """A token that says someone died: "killed", "died", "shot ... dead", "hacked to death"."""
    lemma = t.lemma.lower()
    if t.pos not in ("VERB", "AUX"):
        return False
    if lemma in KILL_VERBS or lemma in DIE_VERBS:
        return True
    if lemma not in MANNER_VERBS:
        return False
    for k in _children(t, tokens):
        if k.lemma.lower() in ("dead", "fatally") or (k.lemma.lower() == "down" and lemma == "gun"):
            return True
        if k.text.lower() == "to" and any(
            g.lemma.lower() == "death" for g in _children(k, tokens)
        ):
            return True
        if k.dep == "dobj" and any(g.lemma.lower() == "dead" for g in _children(k, tokens)):
            return True  # "Police shoot suspect dead" parses "dead" under the object
    return False


def _nearest(verb: Token, candidates: list[Token]) -> Token | None:
    """The candidate closest to the verb: a misparse can make a date a second subject ("Around 8
    May 2020 (as reported), in Zapopan, a person was found dead": "8" and "person")."""
    return min(candidates, key=lambda k: abs(k.i - verb.i), default=None)


def _victim(t: Token, tokens: tuple[Token, ...], base: int) -> Token | None:
    """Who died: the passive or intransitive subject, else the object (shared along "and")."""
    kids = _children(t, tokens)
    subjects = ("nsubj", "nsubjpass") if t.lemma.lower() in DIE_VERBS else ("nsubjpass",)
    subject = _nearest(t, [k for k in kids if k.dep in subjects])
    # ("a man believed to be a rebel was shot dead": the parse hangs the man on "believed")
    subject = subject or next((g for k in kids if k.dep == "ccomp" and k.i < t.i and any(a.dep == "auxpass" for a in kids) for g in _children(k, tokens) if g.dep == "nsubj"), None)
    if subject is not None:
        return subject
    if t.tag == "VBN" and t.dep == "conj" and not any(k.dep == "dobj" for k in kids):
        # "four people were shot and one person killed": the second clause's "was" left out,
        # its own subject the dead, not the first verb's
        subject = _nearest(t, [k for k in kids if k.dep == "nsubj"])
        if subject is not None:
            return subject
    if t.lemma.lower() in DIE_VERBS or any(k.dep == "auxpass" for k in kids):
        if t.dep == "conj" and 0 <= t.head - base < len(tokens):
            # "A suspect was shot and died": the subject is the first verb's
            head = tokens[t.head - base]
            for k in _children(head, tokens):
                if k.dep in ("nsubj", "nsubjpass"):
                    return k
        return None
    for k in kids:
        if k.dep == "dobj":
            return k
    if t.dep == "conj" and 0 <= t.head - base < len(tokens):
        for k in _children(tokens[t.head - base], tokens):
            if k.dep == "dobj":
                return k  # "shot and killed his wife": the object hangs from the first verb
    for k in kids:  # "killing and robbing him"
        if k.dep == "conj":
            for g in _children(k, tokens):
                if g.dep == "dobj":
                    return g
    if t.dep in ("conj", "acl") and 0 <= t.head - base < len(tokens):
        head = tokens[t.head - base]
        if t.dep == "acl" and head.dep == "ROOT":
            return head  # a headline: "Police informant killed"
        for k in _children(head, tokens):
            if k.dep == "nsubjpass":
                return k  # "was shot and killed"
    return None


class VictimReader:
    """The victims a sentence's parse names where no count is written (ACLED counts each death).

    ``value`` reads a number word or figure ("two", "12") as the stage reads it.
    """

    def __init__(self, value: Callable[[str], int | None]) -> None:
        self.value = value

    def read(self, sentence: Span, tokens: tuple[Token, ...], cause: re.Pattern[str], accused: bool = False) -> Count | None:
        """Deaths read from the parse where no count was written: "a man was shot to death".

        ``cause`` is the stage's pattern of words that make deaths background ("after", "suspected
        of"); with ``accused``, deaths told in an accusation count ("was charged with killing a man").
        """
        if not tokens:
            return None
        base = tokens[0].i
        counted: dict[int, int] = {}
        named: set[str] = set()
        spans = []
        for t in tokens:
            if not _is_death(t, tokens):
                continue
            kids = _children(t, tokens)
            # "... before killing himself" is a death of the story; "suspected of killing" is not
            # (along "and" too: "lynched for allegedly shooting and killing a youth")
            first = t
            while first.dep == "conj" and 0 <= first.head - base < len(tokens) and first.head != first.i:
                first = tokens[first.head - base]
            before = first.dep == "pcomp" and tokens[first.head - base].text.lower() == "before"
            not_done = NOT_DONE - {"allegedly"} if accused else NOT_DONE  # "allegedly killed": an accusation
            if first.dep in ("pcomp", "pobj") and not (before or accused) or any(k.dep == "neg" or k.lemma in not_done and k.dep != "conj" for k in kids):
                continue  # "suspected of killing", "nearly killed"
            if any(k.dep == "aux" and k.text.lower() in ("could", "would", "might") for k in kids):
                continue  # "it could easily have killed her": what might have been
            if t.dep == "xcomp" and tokens[t.head - base].lemma in NOT_DONE:
                continue  # "attempted to kill"
            if any(k.dep == "mark" and k.text.lower() in ("if", "whether") for k in _children(first, tokens)):
                continue  # "it is not clear if the victim survived, or died": no death known
            victim = _victim(t, tokens, base)
            if victim is None or (t.dep == "relcl" and victim.dep not in ("nsubj", "nsubjpass")):
                continue  # "a man who killed his wife in 2009": a relative clause's object is background
            after = t.end - sentence.start
            if TALLY_AFTER.match(sentence.text, after) or ACCIDENT_AFTER.match(sentence.text, after):
                continue  # "14 people have been killed in the city so far this year"
            at = min(t.start, victim.start) - sentence.start
            if cause.search(sentence.text[max(0, at - 80) : at]):
                continue
            n = self.count_of(victim, tokens)
            if n > 1 and _one_person(t, victim, tokens):
                n = 1
            # "was killed along with his companion", "died together with his passenger": both died
            along = [w for w in tokens if w.text.lower() == "with" and w.i > base
                     and tokens[w.i - base - 1].text.lower() in ("along", "together")
                     and {w.head, tokens[w.i - base - 1].head} & {t.i, first.i}]  # fmt: skip
            n += sum(self.count_of(k, tokens) for w in along for k in _children(w, tokens) if k.dep == "pobj") if n else 0
            if n:
                counted[victim.i] = n  # "succumbed to injuries and died": one victim, two verbs
                named.update(_name(victim, tokens))
                spans.append((min(t.start, victim.start), max(t.end, victim.end)))
        for t in tokens:
            victim = self.stated_dead(t, tokens, base)
            if victim is None or victim.i in counted:
                continue
            at = min(t.start, victim.start) - sentence.start
            if cause.search(sentence.text[max(0, at - 80) : at]):
                continue
            n = self.count_of(victim, tokens)
            if n:
                counted[victim.i] = n
                named.update(_name(victim, tokens))
                spans.append((min(t.start, victim.start), max(t.end, victim.end)))
        if not counted:
            return None
        total = group_total(list(counted.values()))
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        span = Span(start, end, sentence.text[start - sentence.start : end - sentence.start])
        return Count(total, span, names=frozenset(named))

    def hurt(self, sentence: Span, tokens: tuple[Token, ...]) -> Count | None:
        """The people a sentence's parse says were shot or wounded, killed or not: "the girl was
        shot in the hand", "accidentally shot himself", "wounded his older brother" (the stage
        takes the killed from them for the wounded)."""
        if not tokens:
            return None
        base = tokens[0].i
        counted: dict[int, int] = {}
        spans = []
        for t in tokens:
            if t.pos != "VERB" or t.lemma.lower() not in HURT_VERBS or _is_death(t, tokens):
                continue
            kids = _children(t, tokens)
            if any(k.dep == "neg" or k.lemma.lower() in NOT_DONE or k.dep == "aux" and k.text.lower() in ("could", "would", "might") for k in kids):
                continue  # "was not hurt", "tried to shoot", "could have wounded"
            victim = _victim(t, tokens, base)
            if victim is None or victim.i in counted:
                continue
            n = self.count_of(victim, tokens)
            if n:
                counted[victim.i] = n
                spans.append((min(t.start, victim.start), max(t.end, victim.end)))
        if not counted:
            return None
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        return Count(max(counted.values()), Span(start, end, sentence.text[start - sentence.start : end - sentence.start]))

    def stated_dead(self, t: Token, tokens: tuple[Token, ...], base: int) -> Token | None:
        """Who a death stated without a killing verb names: "the boy was pronounced dead", "a girl
        is dead", "found a woman dead", "found fatally shot", "the shooting death of a teen"."""
        lemma = t.lemma.lower()

        def head_of(k: Token) -> Token | None:
            return tokens[k.head - base] if 0 <= k.head - base < len(tokens) and k.head != k.i else None

        if lemma == "dead" and t.dep in ("oprd", "acomp", "ccomp", "xcomp", "advcl"):
            verb = head_of(t)
            if verb is None or verb.lemma.lower() not in DEAD_STATE_VERBS:
                return None
            if any(k.dep == "neg" for k in _children(verb, tokens)):
                return None
            own = [k for k in _children(t, tokens) if k.dep in ("nsubj", "nsubjpass")]
            if own:
                return own[0]  # "found a woman dead": the parse makes her the subject of "dead"
            kids = _children(verb, tokens)
            for dep in ("nsubjpass", "dobj") if verb.lemma.lower() in ("find", "leave") else ("nsubjpass", "nsubj"):
                if (k := _nearest(verb, [k for k in kids if k.dep == dep])) is not None:
                    return k
            return None
        if t.pos == "VERB" and t.dep in ("ccomp", "xcomp", "oprd") and _is_death(t, tokens):
            verb = head_of(t)  # "were found fatally shot", "was found shot dead"
            if verb is not None and verb.lemma.lower() in ("find", "leave"):
                return next((k for k in _children(verb, tokens) if k.dep == "nsubjpass"), None)
            return None
        verb = head_of(t)
        # "took his own life", and "took his life", which counts one death whoever took it
        own_life = lemma == "life" and any(k.text.lower() in ("own", "his", "her") for k in _children(t, tokens))
        if verb is not None and t.dep == "dobj" and (
            lemma == "suicide" and verb.lemma.lower() == "commit"
            or own_life and verb.lemma.lower() in ("take", "end")
        ):
            # "then committed suicide", "took his own life": the subject, shared along "and"
            # and from the verb that "before committing suicide" follows
            while verb is not None and verb.dep == "pcomp" and (prep := head_of(verb)) is not None:
                verb = head_of(prep)
            while verb is not None:
                subject = next((k for k in _children(verb, tokens) if k.dep in ("nsubj", "nsubjpass")), None)
                if subject is not None or verb.dep != "conj":
                    return subject
                verb = head_of(verb)
            return None
        # "the fatal shooting of a teen" names a death as "the shooting death of" does
        fatal = lemma in ("shooting", "stabbing", "beating") and any(
            k.dep == "amod" and k.lemma.lower() in ("fatal", "deadly") for k in _children(t, tokens)
        )
        if (lemma in DEATH_NOUNS or fatal) and t.pos == "NOUN" and not own_life:
            if lemma in ("life", "lives") and not (
                (verb := head_of(t)) is not None and verb.lemma.lower() in ("take", "claim", "end")
            ):
                return None  # "took the life of", "claimed the lives of"; not "the life of a man"
            for prep in _children(t, tokens):
                if prep.dep == "prep" and prep.text.lower() == "of":
                    for k in _children(prep, tokens):
                        if k.dep == "pobj" and _is_person(k, tokens):
                            return k
        return None

    def count_of(self, victim: Token, tokens: tuple[Token, ...]) -> int:
        """1 for a singular person, its number for "two herders", 0 when unknown; conjuncts add."""
        kids = _children(victim, tokens)
        n = 0
        # "a 6-year-old is dead": the parse splits the age and makes "old" the person (a DATE to the tagger)
        age = victim.lemma.lower() == "old" and any(k.lemma.lower() in ("year", "month", "week", "day") for k in kids)
        if victim.lemma.lower() in NOT_PEOPLE or victim.ent_type == "DATE" and not age:
            return 0  # "killed two goats"
        nummod = [k for k in kids if k.dep == "nummod"]
        held = [k for k in kids if k.tag == "CD" and k.text.endswith("-")]
        if held:
            # "killed his 12- and 10-year-old sons": one son for each age
            n = len(held) + sum(1 for k in kids if k.dep == "amod" and k.lemma.lower() == "old")
        elif nummod:
            # "4 to 5 soldiers": the lower figure (its quantmod) is the conservative one
            figures = [nummod[0], *(q for q in _children(nummod[0], tokens) if q.tag == "CD")]
            n = min(self.value(q.text) or 0 for q in figures)
            after = nummod[0].i - tokens[0].i + 1
            if after < len(tokens) and tokens[after].tag == "HYPH" and tokens[after].head == victim.i:
                n = 1  # "the death of a 6-yo": an age joined to its noun, one person
        elif victim.tag == "CD":
            if re.fullmatch(r"\d+-[a-z/]+", victim.text.lower()):
                return 1  # "the death of a 6-yo": an age, one person
            if victim.text.endswith("-"):
                # "his 12- and 10-year-old sons": ages with their hyphen held over, one person each
                return 1 + sum(1 for k in kids if k.dep == "conj")
            # "Three are attacked and killed"; "Two of them, A and B, died" names the same two
            return self.value(victim.text) or 0
        elif victim.tag == "PRP":
            n = 1 if victim.text.lower() in ("he", "she", "him", "her", "himself", "herself") else 0
        elif victim.tag in ("NN", "NNP") and victim.lemma.lower() not in NOT_PEOPLE or victim.text.endswith("-old") or age:
            n = 1
        listed = _listed(victim, tokens)
        for k in kids:
            if k.dep == "conj" and listed:
                n += self.count_of(k, tokens)
            elif k.dep == "appos" and n == 1:
                # "killed his wife, two young children and his mother-in-law": a list written
                # with commas, which the parse hangs as an apposition; a count beside one
                # person is more people, not the same one renamed. "shot his fiancee, Jane
                # Doe, and their son": the name is the fiancee, the list goes on from it.
                grand = _children(k, tokens)
                if any(g.dep == "nummod" for g in grand):
                    n += self.count_of(k, tokens)
                elif k.tag == "NNP":
                    n += sum(self.count_of(g, tokens) for g in grand if g.dep == "conj")
        return n


def _listed(victim: Token, tokens: tuple[Token, ...]) -> bool:
    """Whether the victim's conjuncts are a list ("a chief and his assistant", "his wife, two
    children and his mother-in-law": "and" somewhere along it), not a title and a name the parse
    joined by their comma ("MP, John Doe of the ... Government was killed": one man)."""
    chain, seen = [victim], set()
    while chain:
        t = chain.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        kids = _children(t, tokens)
        if any(k.dep in ("cc", "preconj") for k in kids):
            return True
        chain.extend(k for k in kids if k.dep == "conj")
    return False


def _one_person(verb: Token, victim: Token, tokens: tuple[Token, ...]) -> bool:
    """Two roles of one person under a singular verb: "a cleric and critic was assassinated", "a
    religious leader and party leader was shot dead" (the second role has no article of its own;
    "a chief and his assistant were killed" is two)."""
    singular = any(k.dep in ("aux", "auxpass") and k.text.lower() in ("was", "is", "has") for k in _children(verb, tokens))
    if not singular or victim.tag != "NN" or any(k.dep == "nummod" for k in _children(victim, tokens)):
        return False
    conj = [k for k in _children(victim, tokens) if k.dep == "conj"]
    return bool(conj) and all(
        k.tag == "NN" and not any(g.dep in ("det", "poss", "nummod", "conj") for g in _children(k, tokens)) for k in conj
    )


def _is_person(t: Token, tokens: tuple[Token, ...]) -> bool:
    """A word that names people: a person's name, a number, an age, or a word for a person."""
    if t.tag == "CD":
        return YEAR.fullmatch(t.text) is None  # "the first murder of 2015" names a year
    if t.ent_type == "PERSON" or t.text.lower().endswith("-old"):
        return True
    if t.lemma.lower() in PERSON_WORDS or t.text.lower() in PERSON_WORDS:
        return True
    # "the deaths of two herders", "the death of a 14-year-old boy"
    return any(k.dep == "nummod" or k.dep == "amod" and k.text.lower().endswith("old") for k in _children(t, tokens))


def _name(victim: Token, tokens: tuple[Token, ...]) -> tuple[str, ...]:
    """A victim's surname where the victim is a person's name, the subject of the death: "Smith"
    for "John Smith, 23, died at the scene"; nothing for a pronoun, a group, or "killed Smith"."""
    alone = not any(k.dep in ("conj", "nummod") for k in _children(victim, tokens))
    if victim.ent_type == "PERSON" and victim.tag == "NNP" and victim.dep in ("nsubj", "nsubjpass") and alone:
        return (victim.text.lower(),)
    return ()
