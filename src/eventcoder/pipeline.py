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

# Articles handed to batch-capable stages at once: spaCy's pipe() gains little beyond this.
BATCH_SIZE = 16


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
            work = self._apply(stage, info, work)
        return work

    def _apply(self, stage: Stage, info: StageInfo, work: Work) -> Work:
        """One stage on one article; any failure becomes an EventcoderError naming both."""
        article = work.article
        try:
            return stage(work)
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

    def run_many(
        self, articles: Iterable[Article | Rejection], batch_size: int = BATCH_SIZE
    ) -> Iterator[Outcome]:
        """Code each article; readers' rejections pass through; failures become rejections.

        Articles go through in small batches so that a stage with a ``batch`` method (the parser)
        can work on several at once; a batch that fails is re-run one article at a time, so the
        failure lands on the article that caused it.
        """
        chunk: list[Article | Rejection] = []
        for item in articles:
            chunk.append(item)
            if len(chunk) >= batch_size:
                yield from self._run_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._run_chunk(chunk)

    def _run_chunk(self, chunk: list[Article | Rejection]) -> Iterator[Outcome]:
        failed: dict[int, EventcoderError] = {}
        works: dict[int, Work] = {
            i: Work(article=a) for i, a in enumerate(chunk) if isinstance(a, Article)
        }
        for stage, info in zip(self.stages, self.infos, strict=True):
            batch = getattr(stage, "batch", None)
            if batch is not None and len(works) > 1:
                try:
                    keys = list(works)
                    works = dict(zip(keys, batch([works[k] for k in keys]), strict=True))
                    continue
                except Exception:  # noqa: BLE001 — redone one by one below, failures recorded
                    log.debug("stage %s failed on a batch; running it article by article", info.name)
            for key in list(works):
                try:
                    works[key] = self._apply(stage, info, works[key])
                except EventcoderError as exc:
                    failed[key] = exc
                    del works[key]
        for key, item in enumerate(chunk):
            if isinstance(item, Rejection):
                yield Outcome(source=item.source, rejection=item)
                continue
            source = item.origin or item.id
            if key in works:
                yield Outcome(source=source, work=works[key])
                continue
            exc = failed[key]
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
