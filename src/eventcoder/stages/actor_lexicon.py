"""Helpers of the ``actors`` stage: the actor dictionary and the scan of one sentence for the
actors it names.

The dictionary is ``data/actors.tsv`` (ACLED's actor names with their inter codes and aliases, and
the periods of each state's forces: "Military Forces of Kenya (2013-)"), an optional user file
(config ``actors.extra``) and ``data/actor_aliases.tsv`` (generic words such as "police",
"gunmen", "protesters" that become ACLED's generic names for the event's country, and the
nations that name a state's forces: "Turkish troops"). A ``Lexicon`` is built once by the stage
(instance attributes, nothing cached at module level) and scans a sentence for named groups,
acronyms, a nation's forces and generic words, each with its role from the parse
(``actor_parse``).

Read by ``stages/actors.py`` only; fails with ``ConfigError`` when ``actors.extra`` cannot be read.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..config import Config
from ..errors import ConfigError
from ..model import Annotations, Span
from . import actor_parse as parse
from . import actor_refer as refer
from . import actor_roles as roles
from .actor_mentions import (
    ActorMention,
    Entry,
    any_space,
    mark_victim_peoples,
    merge_named_with_generic,
)

__all__ = ["COMMUNAL_FROM", "GANG_COUNTRIES", "Lexicon"]

# In an all-capitals report (wire and radio transcripts: "IT IS BELIEVED ...") a word the parse
# reads as one of these parts of speech is a word of the sentence, not an acronym ("IS", "AL").
_NOT_ACRONYM_POS = {"AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "VERB", "ADV", "NUM"}
# ACLED codes organised crime as "Unidentified Gang" in Latin America and the Caribbean (ACLED
# Codebook, "Gangs"); elsewhere a gang that attacks is an unidentified armed group.
GANG_COUNTRIES = {
    "Mexico", "Guatemala", "Honduras", "El Salvador", "Nicaragua", "Costa Rica", "Panama", "Belize",
    "Colombia", "Venezuela", "Ecuador", "Peru", "Bolivia", "Brazil", "Paraguay", "Uruguay",
    "Argentina", "Chile", "Guyana", "Suriname", "Haiti", "Dominican Republic", "Jamaica", "Cuba",
    "Trinidad and Tobago", "Puerto Rico", "Bahamas",
}  # fmt: skip
# Capitalised words before "PDF" that are not the name of a local branch ("The PDF").
_NOT_A_BRANCH = {
    "the", "a", "local", "myanmar", "national", "several", "two", "three", "joint", "combined",
}  # fmt: skip
# ACLED names identity militias after a locality ("communal") from 2018 on, after a people
# ("ethnic") before: the unnamed one follows the same change (its Kenya coding, 2004-2019).
COMMUNAL_FROM = 2018
# A people's name followed by a word for a place is that place ("Kisii town").
_PLACE_AFTER = re.compile(
    r"\s+(?:town|city|county|district|sub-?county|village|constituency|market|estate|ward|road|"
    r"division|location|province|region|state)\b",
    re.I,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)


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


class Lexicon:
    """The actor dictionary of the ``actors`` stage, and the scan of a sentence against it."""

    def __init__(self, config: Config) -> None:
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

    def scan(self, ann: Annotations, sent: int, country: str, year: int | None,
             last_named: Entry | None) -> list[ActorMention]:
        """The actors named in sentence ``sent``, with their roles; generic words that refer back
        ("the militants") are ``last_named``."""
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
                add(m.start(), m.end(), self.localise(found_entry, country, year), False)
        for regex in (self.dictionary, self.acronyms):
            for m in regex.finditer(text):
                # "Mayi-Mayi militiamen": a hyphen between a name's words is its space.
                said = " ".join(m.group(0).lower().split())
                entries = self.names.get(said) or self.names.get(re.sub(r"[\s-]+", " ", said), [])
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
            add(m.start(), m.end(), self.localise(military, nation, year), True)
        for pattern, entry in self.roles:
            for m in pattern.finditer(text):
                if last_named is not None and refer.ANAPHORA.match(m.group(0)) and entry.inter == 3:
                    add(m.start(), m.end(), last_named, False)
                # With no country known, only a force its text gives one ("Sri Lankan police").
                elif nation := self._nation(text, m, entry, country):
                    add(m.start(), m.end(), self.localise(entry, nation, year), True)
                    pair = self.second_nation.match(text[m.end() :])
                    if pair is not None and entry.name.endswith("Forces of {country}"):
                        other = self.nation_names.get(pair.group(1).lower(), country)
                        at = m.end() + pair.start(1)
                        add(at, at + len(pair.group(1)), self.localise(entry, other, year), True)
        found = mark_victim_peoples(sorted(found, key=lambda a: a.span.start), text, base)
        found = self._nationals(found, text, base, country, year)
        return merge_named_with_generic(found, text, base)

    def _nationals(self, found: list[ActorMention], text: str, base: int, country: str,
                   year: int | None) -> list[ActorMention]:
        """ "Somali gunmen" in Kenya: a people's name that is also another state's nationality,
        before an unnamed armed word, tells where the gunmen come from, not a people's militia:
        ACLED codes them as an unidentified armed group, mostly "(Somalia)" (7 of 7 such gunmen,
        bandits, assailants, pirates and fighters in Kenya's training notes, 5 of them Somalia's;
        "Somali militia" and "Somali militants" stay the people's militia, 4 of 4)."""
        out: list[ActorMention] = []
        for a in found:
            prev = out[-1] if out else None
            nation = self.nation_names.get(prev.span.text.lower(), "") if prev is not None else ""
            if prev is not None and nation and nation != country and not prev.generic and (
                prev.entry.inter == 4 and a.generic and a.entry.inter == 3
                and 0 <= a.span.start - prev.span.end <= 1 and _NATIONALS.fullmatch(a.span.text)
            ):  # fmt: skip
                unnamed = self.localise(
                    Entry("Unidentified Armed Group ({country})", 3, ""), nation, year
                )
                said = text[prev.span.start - base : a.span.end - base]
                span = Span(prev.span.start, a.span.end, said)
                out[-1] = ActorMention(span, unnamed, True, a.role, a.sent)
                continue
            out.append(a)
        return out

    def _nation(self, text: str, m: re.Match[str], entry: Entry, country: str) -> str:
        """The country a state force belongs to: "Turkish troops" -> Turkey; else the event's."""
        if not entry.name.endswith("Forces of {country}"):
            return country
        before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 40]
        found = self.nation_before.search(before) or self.nation_after.match(after)
        if found is None:
            return country
        return self.nation_names.get(found.group(1).replace("\\", "").lower(), country)

    def localise(self, entry: Entry, country: str, year: int | None) -> Entry:
        name = entry.name
        if "{country}" in name:
            name = name.replace("{country}", country or "International")
        if name.startswith("Unidentified Gang") and country not in GANG_COUNTRIES:
            name = name.replace("Unidentified Gang", "Unidentified Armed Group")
        communal = year is not None and year >= COMMUNAL_FROM
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


# The unnamed armed words a nationality may qualify ("Somali gunmen"), from the role words of
# ``data/actor_aliases.tsv`` for unidentified armed groups.
_NATIONALS = re.compile(
    r"(?:gunmen|bandits|assailants|attackers|fighters|pirates|robbers|kidnappers)", re.I
)


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
            # stays itself); a space matches any run of white space or hyphens ("Mayi-Mayi").
            lower = char.lower()
            key = lower if not case_sensitive and len(lower) == 1 else char
            node = node.setdefault(key, {})
        node[""] = {}  # the name ends here
    body = _trie_body(root) if root else "(?!)"
    return re.compile(rf"\b(?:{body})\b", 0 if case_sensitive else re.IGNORECASE)


def _trie_body(node: dict[str, dict]) -> str:
    """The regex of one trie node: its branches, then the name that ends at it (if one does)."""
    alternatives = [
        (r"[\s-]+" if key == " " else re.escape(key)) + _trie_body(child)
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
