"""True-casing for the ``clean`` stage: text that arrives in capitals, written as news is.

Wire and radio transcripts (MUC-4's "GUERRILLAS ATTACKED THE FARM NEAR SAN SALVADOR") defeat a
parser and tagger trained on mixed case: every word looks like a name. ``Truecaser`` rewrites such
a text with each word in its usual form (``data/casing.tsv``, counted over mixed-case news and
notes: "guerrillas", "Guatemala", "FMLN"), a word it has never seen as a name (most unknown words
in such reports are names: "CEREZO" -> "Cerezo"), and a capital after a sentence's end. Only case
changes, so the text keeps its length and every later span still points at the same characters.
``Truecaser.headline`` does the same for a headline in Title Case.
"""

from __future__ import annotations

import re
from importlib import resources

# A text is "in capitals" when this share of its letters or more are upper case (a headline or an
# acronym-heavy paragraph in mixed case stays well below it).
SHOUTING = 0.8
# A headline is in Title Case when this share of its words or more open with a capital (a
# sentence-case headline with a name or two stays well below it).
TITLE_CASE = 0.7
# Texts with fewer letters than this (a headline alone) are left as they are.
MIN_LETTERS = 40
# A word, as both the truecaser and scripts/build_casing.py (which counts its forms) read one.
WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")
# A sentence opens after its predecessor's end or a blank line; line breaks alone do not end one
# (transcripts wrap lines mid-sentence).
_OPENS = re.compile(r"(?:^|[.!?]['\"”’)]?\s+|\n\s*\n\s*|[\"“(]\s*)$")
# Full stops that end an abbreviation, not a sentence: "U.S. sponsors", "Gen. Bustillo".
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]\.|\b(?:Gen|Col|Lt|Sgt|Capt|Maj|Cmdr|Adm|Mr|Mrs|Ms|Dr|St|Rev|Gov|Sen|Rep|No|Jr)\.)"
    r"\s+$",
    re.IGNORECASE,
)


class Truecaser:
    """Usual forms of words, from ``data/casing.tsv``."""

    def __init__(self) -> None:
        text = resources.files("eventcoder").joinpath("data/casing.tsv").read_text("utf-8")
        lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
        self.forms = {form.lower(): form for form in lines[1:]}  # below the "form" header

    def __call__(self, text: str) -> str:
        """``text`` true-cased when it is written in capitals; otherwise unchanged."""
        letters = [c for c in text if c.isalpha()]
        if len(letters) < MIN_LETTERS or sum(c.isupper() for c in letters) < SHOUTING * len(letters):
            return text
        return WORD.sub(lambda m: self._word(m, text), text)

    def headline(self, title: str) -> str:
        """A headline in Title Case with its common words in lower case: "Five Killed In Attack
        On Village Near Kisumu" -> "Five killed in attack on village near Kisumu". The parser
        reads every capitalised word as a name. Names, acronyms ("US", "SDF") and words the
        table does not know keep their capital; a headline in sentence case stays as it is."""
        words = list(WORD.finditer(title))
        if len(words) < 4 or sum(m.group(0)[0].isupper() for m in words) < TITLE_CASE * len(words):
            return title
        out = list(title)
        for m in words[1:]:
            word = m.group(0)
            if word.isupper() or self.forms.get(word.lower()) != word.lower():
                continue
            out[m.start() : m.end()] = word.lower()
        return "".join(out)

    def _word(self, m: re.Match[str], text: str) -> str:
        word = m.group(0)
        lower = word.lower()
        form = self.forms.get(lower) or self.forms.get(lower.rstrip("."))
        if form is None:
            cased = lower[:1].upper() + lower[1:]
        elif len(form) < len(word):  # "U.S." known as "U.S": keep the full stop
            cased = form + word[len(form) :]
        else:
            cased = form
        before = text[max(0, m.start() - 8) : m.start()]
        if _OPENS.search(before) and not _ABBREVIATION.search(before):
            cased = cased[:1].upper() + cased[1:]
        # Case changes that change length (rare non-ASCII letters) would move every span.
        return cased if len(cased) == len(word) else word
