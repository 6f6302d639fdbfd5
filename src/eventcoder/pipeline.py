"""The pipeline: stages built from config, checked at start-up, run over articles.

``Pipeline.from_config(config)`` builds every stage named in ``pipeline.stages`` (heavy loads happen
in their constructors), ``check()`` fails at once if a stage needs what nothing upstream provides,
and ``run(article)`` returns the finished :class:`~eventcoder.model.Work`. ``run_many`` is the batch
boundary: an article that fails becomes a :class:`~eventcoder.model.Rejection` and the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .config import Config, load_config
from .errors import ConfigError, EventcoderError, StageError
from .model import Article, Rejection, Work
from .registry import Stage, StageInfo, get

__all__ = ["Outcome", "Pipeline"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one article: its finished work, or why it was rejected."""

    source: str
    work: Work | None = None
    rejection: Rejection | None = None


class Pipeline:
    def __init__(self, infos: list[StageInfo], config: Config) -> None:
        self.config = config
        self.infos = infos
        self.check()
        self.stages: list[Stage] = [info.factory(config) for info in infos]

    @classmethod
    def from_config(cls, config: Config | None = None) -> Pipeline:
        config = config or load_config()
        names = list(config.get("pipeline", "stages"))
        if not names:
            raise ConfigError("pipeline.stages is empty; name at least one stage")
        return cls([get(name) for name in names], config)

    def check(self) -> None:
        """Every stage's requirements are provided by an earlier stage (or are the article)."""
        available = {"article"}
        for info in self.infos:
            missing = [r for r in info.requires if r not in available]
            if missing:
                raise ConfigError(
                    f"stage {info.name!r} requires {', '.join(missing)}, which no earlier stage "
                    f"provides; reorder pipeline.stages or add the stage that provides it",
                    stage=info.name,
                )
            available.update(info.provides)
            # "events.actors" also makes "events" known to be present.
            available.update(p.split(".")[0] for p in info.provides)

    @property
    def scope(self) -> str:
        return str(self.config.get("pipeline", "scope"))

    def run(self, article: Article) -> Work:
        work = Work(article=article)
        for stage, info in zip(self.stages, self.infos, strict=True):
            try:
                work = stage(work)
            except EventcoderError as exc:
                if not exc.stage:
                    exc.stage = info.name
                if not exc.source:
                    exc.source = article.origin or article.id
                raise
            except Exception as exc:  # a bug or a library failure inside one stage
                raise StageError(
                    f"{type(exc).__name__}: {exc}; please report this with the article",
                    source=article.origin or article.id,
                    stage=info.name,
                ) from exc
        return work

    def run_many(self, articles: Iterable[Article | Rejection]) -> Iterator[Outcome]:
        """Code each article; readers' rejections pass through; failures become rejections."""
        for item in articles:
            if isinstance(item, Rejection):
                yield Outcome(source=item.source, rejection=item)
                continue
            source = item.origin or item.id
            try:
                yield Outcome(source=source, work=self.run(item))
            except EventcoderError as exc:
                log.warning("article %s rejected: %s", item.id, exc)
                yield Outcome(
                    source=source,
                    rejection=Rejection(
                        source=source,
                        code=exc.code,
                        reason=exc.message,
                        stage=exc.stage,
                        article_id=item.id,
                    ),
                )
