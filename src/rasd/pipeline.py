"""The stage list: the whole flow on one screen.

Each stage is a module of `rasd.extract` with `run(doc) -> None`, adding layers to the Document, and a
contract: `NEEDS`, the layers it reads, and `ADDS`, the layers it writes. `STAGES` is the order;
`extract(article, stages=...)` runs a subset of it for debugging (`rasd extract --stages ...`), and refuses
an order in which a stage would read a layer nothing before it has made (so «events» alone is an error, not
a list of events without actors or places).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable, Iterable

from rasd.document import Article, Document
from rasd.text import prepare

STAGES: tuple[str, ...] = ("sources", "entities", "places", "dates", "attribution", "events", "actor_codes", "quotes", "relations")

# what `rasd.text.prepare` gives every Document before any stage runs
TEXT_LAYERS: frozenset[str] = frozenset({"text", "paragraphs", "sentences", "tokens", "numbers"})

Stage = Callable[[Document], None]


@dataclass(frozen=True)
class StageSpec:
    name: str
    run: Stage
    needs: frozenset[str]
    adds: frozenset[str]


class StageOrderError(ValueError):
    """A stage list in which some stage reads a layer that no earlier stage adds."""


def load_stage(name: str) -> StageSpec:
    if name not in STAGES:
        raise ValueError(f"unknown stage {name!r}; stages are {', '.join(STAGES)}")
    module = importlib.import_module(f"rasd.extract.{name}")
    try:
        needs, adds = module.NEEDS, module.ADDS
    except AttributeError as exc:
        raise TypeError(f"stage {name!r} declares no NEEDS/ADDS contract") from exc
    return StageSpec(name, module.run, frozenset(needs), frozenset(adds))


def check_order(specs: list[StageSpec]) -> None:
    """Raise StageOrderError naming the first stage whose needs are not met by the stages before it."""
    available = set(TEXT_LAYERS)
    for spec in specs:
        missing = spec.needs - available
        if missing:
            raise StageOrderError(f"stage {spec.name!r} needs {', '.join(sorted(missing))}, "
                                  f"which no stage before it adds (order: {', '.join(s.name for s in specs)})")
        available |= spec.adds


def build_pipeline(stages: Iterable[str] | None = None) -> list[tuple[str, Stage]]:
    names = list(stages) if stages else list(STAGES)
    specs = [load_stage(name) for name in names]
    check_order(specs)
    return [(spec.name, spec.run) for spec in specs]


def extract(article: Article, stages: Iterable[str] | None = None) -> Document:
    doc = prepare(article)
    for _name, stage in build_pipeline(stages):
        stage(doc)
    return doc
