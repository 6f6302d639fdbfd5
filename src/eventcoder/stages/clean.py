"""Stage ``clean``: web boilerplate out, language checked, text ready for parsing.

Reads ``Article.text``; writes a cleaned ``Article.text`` (before any span exists, so every later
span points into the cleaned text). Drops comment forms, share bars and newsletter boxes
(``data/boilerplate.tsv``); a text written in capitals is true-cased (``casing.py``). Fails with :class:`~eventcoder.errors.EmptyDocument` when too little
text is left and :class:`~eventcoder.errors.UnsupportedFormat` for an article in a language the
configuration does not code.
"""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from importlib import resources

from ..config import Config
from ..errors import ConfigError, EmptyDocument, UnsupportedFormat
from ..model import Work
from ..registry import stage
from .casing import Truecaser

# Below this many characters language identification guesses; short texts pass unchecked.
MIN_CHARS_FOR_LANGUAGE = 80
# py3langid's normalised probability above which a non-English verdict is trusted.
LANGUAGE_CONFIDENCE = 0.9


def _load_patterns() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    text = resources.files("eventcoder").joinpath("data/boilerplate.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    footer, line = [], []
    for row in csv.DictReader(lines, delimiter="\t"):
        try:
            pattern = re.compile(rf"^(?:{row['pattern']})$", re.IGNORECASE)
        except re.error as exc:
            raise ConfigError(f"bad pattern in data/boilerplate.tsv: {exc}") from exc
        (footer if row["kind"] == "footer" else line).append(pattern)
    return footer, line


@stage("clean", requires=("article",), provides=("article.clean",), version=1)
class CleanStage:
    """Remove web boilerplate; true-case text in capitals; reject empty and non-English articles."""

    def __init__(self, config: Config) -> None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        self.footer, self.line = _load_patterns()
        self.languages = {str(x) for x in config.get("input", "languages")}
        self.min_chars = int(config.get("input", "min_chars"))
        self.identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        self.truecase = Truecaser()

    def __call__(self, work: Work) -> Work:
        article = work.article
        text = self.strip_boilerplate(article.text)
        if len(text) < self.min_chars:
            raise EmptyDocument("no article text left after removing web boilerplate")
        if len(text) >= MIN_CHARS_FOR_LANGUAGE:
            lang, prob = self.identifier.classify(text[:5000])
            if lang not in self.languages and prob >= LANGUAGE_CONFIDENCE:
                raise UnsupportedFormat(
                    f"article is in language {lang!r}, not {'/'.join(sorted(self.languages))}; "
                    "skipped (set input.languages to code it)"
                )
        # Text in capitals (wire transcripts) is parsed as news is written: see casing.py.
        return replace(work, article=replace(article, text=self.truecase(text)))

    def strip_boilerplate(self, text: str) -> str:
        kept: list[str] = []
        for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            line = raw.strip()
            if line and any(p.match(line) for p in self.footer):
                break
            if line and any(p.match(line) for p in self.line):
                continue
            kept.append(raw.rstrip())
        out = "\n".join(kept).strip()
        return re.sub(r"\n{3,}", "\n\n", out)
