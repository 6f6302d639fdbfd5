"""Helpers of the ``actors`` stage: an actor mention's role in its event, read from the
dependency parse the ``nlp`` stage wrote (subjects and agents initiated an act; objects, passive
subjects and "against X" received it).

Read by ``stages/actors.py`` only: functions over ``Annotations`` tokens, nothing loaded.
Returns "agent", "target", "source" (a force that tells: "police said"), "modifier" (a force
that only qualifies a thing: "the military-owned bank") or "" (no role).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..model import Annotations, Token

__all__ = ["role"]

# Dependency labels whose token initiated the action, and those that received it.
_AGENT_DEPS = {"nsubj", "agent", "csubj"}
_TARGET_DEPS = {"nsubjpass", "dobj", "obj", "attr", "dative", "oprd"}
_TARGET_PREPS = {"against", "on", "at", "upon", "targeting", "with", "into", "toward", "towards"}

# Nouns for a body of fighters: "pro-Houthi forces" is the Houthis, "military-owned tower" no one.
_FORCE_NOUNS = {
    "force", "forces", "fighter", "troop", "soldier", "militant", "militia", "member", "supporter",
    "rebel", "unit", "group", "gunman", "man", "official", "officer", "personnel", "army", "police",
    # a unit's designation ("the Myanmar military IB 19", "LIB 408", "the 3rd battalion")
    "battalion", "regiment", "brigade", "column", "platoon", "squad", "ib", "lib", "lb", "moc",
    "suspect", "militiaman", "commander", "patrol",
}  # fmt: skip

# Words for a group's part or its people that name the group after "of" ("a front of the FARC",
# "guerrillas of the ELN", "a cell of the MRTA").
# Only these: "a group of five armed men" or "a unit of soldiers" keep their own role (ACLED
# codes a state force first where the text tells it fought them, issue 5's Kenya training notes).
_BODY_NOUNS = {
    "member", "front", "guerrilla", "commando", "cell", "faction", "wing", "detachment", "squad",
}  # fmt: skip

# Verbs of making a bomb safe: "a device deactivated by the police" names who defused it, not who
# planted it.
_DEFUSE_VERBS = {"deactivate", "defuse", "dismantle", "disarm", "neutralize", "neutralise"}

# A force's kit: "military munitions were seized", "men in police uniforms" name no force.
_FORCE_GOODS = {
    "munition", "munitions", "ammunition", "uniform", "weapon", "equipment", "hardware",
    "fatigue", "fatigues", "gear", "explosive", "grade", "issue", "style",
}  # fmt: skip

# A force's posts and vehicles: "a military convoy", "the police station" stand for the force, hit
# by what is done to them; "military vehicles hit landmines" were hit, not hitting.
_FORCE_ASSETS = {
    "base", "camp", "post", "outpost", "checkpoint", "convoy", "vehicle", "truck", "station",
    "barracks", "position", "headquarters", "aircraft", "helicopter", "plane", "tank", "factory",
    "office", "compound", "depot",
}  # fmt: skip

# Nouns of an attack or its weapon: the actor named with one owns it ("a Taliban attack", "Saudi
# rocket and artillery shelling was reported"), and a thing "X-planted" or "X-fired" is X's act.
_ATTACK_NOUNS = {
    "attack", "assault", "ambush", "raid", "offensive", "shelling", "airstrike", "strike",
    "bombardment", "bombing", "rocket", "missile", "artillery", "incursion", "plant", "lay", "fire",
    "launch",
}  # fmt: skip

# Verbs that lay an act at someone's door: "X accused of", "blamed on X", "attributed to X".
_BLAME_VERBS = {"accuse", "blame", "attribute", "suspect"}

# Verbs whose subject set off another's mine: "troops stepped on a landmine planted by the PDF".
_TRIGGER_VERBS = {"step", "tread", "trod"}
# Verbs whose subject fends an attack off: "soldiers repelled a Taliban attack" is the Taliban's.
_REPEL_VERBS = {"repel", "repulse", "foil", "thwart", "fend", "resist", "counter"}

# Verbs of going about one's duty: "a bomb exploded as soldiers were marching through the town",
# "while the military was conducting training": who was there when the blow fell was hit by it.
_PRESENCE_VERBS = {
    "march", "pass", "patrol", "travel", "conduct", "drive", "walk", "move", "head", "ride",
    "cross", "inspect", "escort", "return",
}  # fmt: skip

# Verbs of telling and finding: "police said", "police found the bodies", "police suspect that"
# make a state force the source of the report, not a party to the event (a group that "said" it
# struck is still the one that struck: only state forces are read as sources).
_REPORT_VERBS = {
    "say", "investigate", "suspect", "find", "confirm", "believe", "recover", "discover", "tell",
    "identify", "probe", "describe", "label", "report", "announce",
}  # fmt: skip


def role(ann: Annotations, start: int, end: int) -> str:
    """The role ("agent", "target", ...) from the dependency parse of the tokens in [start, end)."""
    # The tokens come in the order of the text: the span's are found by bisection, not by a
    # walk over the whole article's tokens for each mention.
    first = bisect_left(ann.tokens, start, key=lambda t: t.start)
    last = bisect_right(ann.tokens, end, lo=first, key=lambda t: t.start)
    tokens = [t for t in ann.tokens[first:last] if t.end <= end]
    if not tokens:
        return ""
    head = next((t for t in tokens if not (start <= ann.tokens[t.head].start < end)), tokens[-1])
    if head.lemma.lower() in _ATTACK_NOUNS and head.dep in ("dobj", "obj"):
        return ""  # "Turkish forces carried out airstrikes": the act carried out, not who it hit
    if len(tokens) > 1 and head.lemma.lower() in _ATTACK_NOUNS:
        return "agent"  # "Saudi rocket and artillery shelling was reported": the shelling's owner
    return _role_of(ann.tokens, head, depth=0)


def _role_of(tokens: tuple[Token, ...], tok: Token, depth: int) -> str:
    if depth > 4:
        return ""
    head = tokens[tok.head]
    if tok.dep in _AGENT_DEPS:
        if tok.dep == "nsubj" and head.lemma.lower() in _TRIGGER_VERBS:
            return "target"  # "soldiers stepped on a mine": the mine's layer struck them
        if tok.dep == "nsubj" and head.lemma.lower() in _REPEL_VERBS:
            return "target"  # "soldiers repelled the attack": the attack came at them
        if tok.dep == "nsubj" and head.lemma.lower() in _PRESENCE_VERBS and head.dep == "advcl":
            return "target"  # "a blast went off as troops were passing": they were its target
        if head.lemma.lower() in _DEFUSE_VERBS:
            return ""  # "police defused the bomb": no party to the blast
        if tok.dep == "nsubj" and head.lemma.lower() in _REPORT_VERBS and head.pos == "VERB":
            return "source"  # "police said", "police found the bodies": who tells, not who did
        return "agent"
    if tok.dep == "nsubjpass" and head.lemma.lower() in _BLAME_VERBS:
        return "agent"  # "the UPDF was accused of bombing", "militants are suspected of the attack"
    if tok.dep in _TARGET_DEPS:
        return "target"
    if tok.dep == "pobj":
        prep = tokens[tok.head]
        if prep.lemma.lower() == "by":
            return "" if tokens[prep.head].lemma.lower() in _DEFUSE_VERBS else "agent"
        if tokens[prep.head].lemma.lower() in _BLAME_VERBS and prep.lemma.lower() in ("on", "to"):
            return "agent"  # "an explosion blamed on Al Shabaab", "attributed to the PKK"
        owner = tokens[prep.head]
        if prep.lemma.lower() == "of" and owner.lemma.lower() in _BODY_NOUNS:
            # "members of the FARC", "guerrillas of the FMLN": the body of fighters' role.
            return _role_of(tokens, owner, depth + 1)
        if prep.lemma.lower() == "between":
            return "agent"  # "a firefight between the NPA and the police": both sides, in order
        if prep.lemma.lower() in _TARGET_PREPS:
            return "target"
        return ""
    owner_deps = ("compound", "amod", "npadvmod", "poss", "nmod")
    if tok.dep in owner_deps and head.lemma.lower() in _ATTACK_NOUNS:
        return "agent"  # "a Taliban attack", "a Taliban-planted landmine", "the militants' ambush"
    if tok.dep in ("amod", "npadvmod", "compound") and head.lemma.lower() in _FORCE_ASSETS:
        return "target"
    if tok.dep in ("amod", "npadvmod", "compound") and head.lemma.lower() in _FORCE_GOODS:
        return "modifier"  # "military munitions", "police uniforms": things, not the force
    if tok.dep in ("amod", "npadvmod") and tokens[tok.head].lemma.lower() not in _FORCE_NOUNS:
        return "modifier"  # "military-owned", "police-run": a property of a thing, not a party
    following = ("compound", "amod", "npadvmod", "poss", "appos", "conj", "nmod")
    if tok.dep in following and tok.head != tok.i:
        return _role_of(tokens, tokens[tok.head], depth + 1)
    return ""
