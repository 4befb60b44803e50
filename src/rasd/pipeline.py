"""The stage list: the whole flow on one screen.

Each stage is `run(doc) -> None` and adds one layer to the Document. `STAGES` is the order;
`extract(article, stages=...)` runs a prefix of it for debugging (`rasd extract --stages ...`).
"""
from __future__ import annotations

import importlib
from typing import Callable, Iterable

from rasd.document import Article, Document
from rasd.text import prepare

STAGES: tuple[str, ...] = ("sources", "entities", "places", "dates", "attribution", "events", "quotes", "relations")

Stage = Callable[[Document], None]


def load_stage(name: str) -> Stage:
    if name not in STAGES:
        raise ValueError(f"unknown stage {name!r}; stages are {', '.join(STAGES)}")
    return importlib.import_module(f"rasd.extract.{name}").run


def build_pipeline(stages: Iterable[str] | None = None) -> list[tuple[str, Stage]]:
    names = list(stages) if stages else list(STAGES)
    return [(name, load_stage(name)) for name in names]


def extract(article: Article, stages: Iterable[str] | None = None) -> Document:
    doc = prepare(article)
    for _name, stage in build_pipeline(stages):
        stage(doc)
    return doc
