"""The stage list: the whole flow on one screen.

Each stage is a module of `rasd.extract` with `run(doc) -> None`, adding layers to the Document, and a
contract: `NEEDS`, the layers it reads, and `ADDS`, the layers it writes. `STAGES` is the order;
`extract(article, stages=...)` runs a subset of it for debugging (`rasd extract --stages ...`), and refuses
an order in which a stage would read a layer nothing before it has made (so «events» alone is an error, not
a list of events without actors or places).
"""
from __future__ import annotations

import ctypes
import gc
import importlib
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Callable, Iterable

from rasd.document import Article, Document
from rasd.text import prepare

STAGES: tuple[str, ...] = ("sources", "entities", "places", "dates", "attribution", "events", "actor_codes", "quotes", "event_confidence", "place_list", "relations")

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
    # each stage's `run` read at every call (a test or a bench may replace one), its module and the order's
    # check only once per stage list: importing and checking per article was ~2 ms of ~40 (issue 16)
    return [(name, module.run) for name, module in _checked_stages(tuple(stages) if stages else STAGES)]


@lru_cache(maxsize=16)
def _checked_stages(names: tuple[str, ...]) -> tuple[tuple[str, ModuleType], ...]:
    specs = [load_stage(name) for name in names]
    check_order(specs)
    return tuple((name, importlib.import_module(f"rasd.extract.{name}")) for name in names)


def extract(article: Article, stages: Iterable[str] | None = None) -> Document:
    doc = prepare(article)
    long = len(doc.tokens) >= LONG_DOCUMENT_TOKENS
    for _name, stage in build_pipeline(stages):
        stage(doc)
        if long:
            _give_back_free_memory()
    if not _gc_settled:
        settle_gc()
    return doc


# Memory of long articles (issue 16: an 80,000-word article under 300 MB). A stage's large temporary arrays and
# lists (the tagger's, the indexes') are freed when it ends, but the C allocator keeps most of the freed heap
# pages for later, and the next stages' small objects, which Python allocates elsewhere, cannot use them: after
# each stage of an article of LONG_DOCUMENT_TOKENS tokens or more, glibc's `malloc_trim` returns them to the
# system (a few ms; peak RSS of an 80,000-word article 298 -> ~292 MB). Short articles are left alone, as are
# other C libraries (no `malloc_trim`: nothing is done).
LONG_DOCUMENT_TOKENS = 20_000


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


def _give_back_free_memory() -> None:
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


# Garbage collection (issue 16). The knowledge base, the NER model and the lexicons, loaded while the first
# article is read, are a few hundred thousand long-lived objects that every full collection walked again, and
# the default first-generation threshold (700 allocations) ran a collection every ~100 tokens: collections
# were ~12% of the CPU of 150 news articles (gc.callbacks), ~2% after this. Collections free the same cyclic
# garbage, only in fewer, larger batches; what is frozen stays for the life of the process, as it would anyway.
# Session 6: 50,000 rather than 5,000 (the older generations, which hold the growing word caches, are walked
# a tenth as often): collector time over 150 news articles 0.30-0.40 s -> 0.12 s CPU, peak RSS unchanged
# (260 MB); the young objects waiting for a collection are a few MB.
GC_FIRST_THRESHOLD = 50_000
_gc_settled = False


def settle_gc() -> None:
    """Once per process, after the first article: move everything loaded so far out of the collector's sight
    (`gc.freeze`) and collect the first generation every GC_FIRST_THRESHOLD allocations, not 700."""
    global _gc_settled
    _gc_settled = True
    gc.collect()
    gc.freeze()
    first, second, third = gc.get_threshold()
    gc.set_threshold(max(first, GC_FIRST_THRESHOLD), second, third)
