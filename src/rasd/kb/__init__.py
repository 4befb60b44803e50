"""Knowledge base: gazetteer and actor dictionary, loaded once per process.

    from rasd.kb import load_kb
    kb = load_kb()
    kb.gazetteer.candidates("حلب")        # PlaceCandidate list, best first
    kb.actors.actors["per.bashar_al_assad"]
    kb.match(doc)                          # KBMatch list over doc.tokens (places, actors, titles, agents, nisba)

The gazetteer is built by `rasd kb build` into kb/built/ (gitignored); if it is missing or older than our
place data files, `load_kb()` builds it first (from installed packages only, with the same --extra folder
as last time when that folder still exists).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rasd.kb.actors import ActorDictionary, default_actors, load_actors
from rasd.kb.build import BUILT, DATA, FORMAT_VERSION, PICKLE_NAME, SQLITE_NAME, built_format
from rasd.kb.gazetteer import Gazetteer, KBNotBuilt, PlaceCandidate, prefer_region

if TYPE_CHECKING:
    from rasd.kb.matcher import KBMatch, Matcher

__all__ = ["KB", "KBMatch", "PlaceCandidate", "Gazetteer", "KBNotBuilt", "load_kb", "prefer_region",
           "build_matcher"]


@dataclass
class KB:
    gazetteer: Gazetteer
    actors: ActorDictionary
    matcher: Matcher

    def match(self, doc) -> list[KBMatch]:
        """Matches over a Document's tokens (offsets into doc.text)."""
        return self.matcher.match_tokens(doc.tokens, doc.text)

    def nisba_country(self, word: str) -> str | None:
        """ISO2 country of a nisba adjective in any form: «الإيرانية», «والسوري», «عراقيين» → IR, SY, IQ."""
        from rasd.kb.keys import name_key
        from rasd.kb.matcher import first_word_readings
        for reading in first_word_readings(name_key(word)):
            for kind, ids in self.matcher.entries.get(reading.form, ()):
                if kind == "nisba":
                    return ids[0].removeprefix("cc:")
        return None


def __getattr__(name: str) -> Any:
    # the matcher (and its stem lexicon, ~0.1 s CPU) is imported when first used, not by every command that
    # registers `rasd kb` (issue 16)
    if name in ("KBMatch", "Matcher"):
        from rasd.kb import matcher
        return getattr(matcher, name)
    raise AttributeError(f"module 'rasd.kb' has no attribute {name!r}")


def build_matcher(gazetteer: Gazetteer, actors: ActorDictionary) -> Matcher:
    from rasd.kb.matcher import Matcher
    m = Matcher()
    m.add_places(gazetteer.names, gazetteer.prefixes, gazetteer.weak)
    for actor in actors.actors.values():
        for alias in actor.aliases_ar:
            m.add(alias, "actor", actor.id)
        for title in actor.titles_ar:
            m.add(title, "title", actor.id)
    for agent in actors.agents.values():
        for alias in agent.aliases_ar + tuple(p for p in agent.plural.split("|") if p.strip()):
            m.add(alias, "agent", agent.id)
    for nisba in actors.nisba:
        for form in nisba.forms:
            m.add(form, "nisba", f"cc:{nisba.country}")
    return m


def is_stale(directory: Path) -> bool:
    """Missing, built by an older format, or older than one of our place data files."""
    built = directory / PICKLE_NAME
    if not built.exists() or not (directory / SQLITE_NAME).exists():
        return True
    if built_format(directory) != FORMAT_VERSION:
        return True
    return any(p.stat().st_mtime > built.stat().st_mtime for p in DATA.glob("*.tsv"))


def ensure_built(directory: Path = BUILT) -> None:
    """Build the gazetteer when it is missing or older than data/places/*.tsv."""
    if not is_stale(directory):
        return
    import fcntl
    from rasd.kb.build import build, previous_extra
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)      # several processes may find it stale at once: one builds
        if not is_stale(directory):
            return
        extra = previous_extra(directory)
        print(f"rasd: building the gazetteer into {directory} (rasd kb build)", file=sys.stderr, flush=True)
        build(directory, extra=extra, log=lambda m: print(m, file=sys.stderr, flush=True))


@lru_cache(maxsize=4)
def load_kb(directory: str | Path | None = None, actors_dir: str | Path | None = None) -> KB:
    directory = Path(directory) if directory else BUILT
    if directory == BUILT:
        ensure_built(directory)
    gazetteer = Gazetteer(directory)
    actors = load_actors(Path(actors_dir)) if actors_dir else default_actors()
    return KB(gazetteer=gazetteer, actors=actors, matcher=build_matcher(gazetteer, actors))
