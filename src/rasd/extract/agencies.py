"""Agencies, monitors and broadcasters cited in a text (`data/agencies.tsv`), and the KB's actor table.

Shared by the `sources` stage (the article's agencies), the `attribution` stage (the source of each claim) and
the speaker helpers (a «لرويترز» channel). Not a stage: it imports no stage module.

All aliases are matched by ONE combined pattern over the normalised text (a look-ahead at each word start, so
matches may overlap); then, as before, the longest alias wins and a shorter one that overlaps it is dropped,
and short names («سانا», «واس», «أ ف ب») count only in an agency context («(سانا)», «- واس», «وكالة سانا»).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasd.extract.cues import phrase, read_tsv
from rasd.text.normalize import normalize_with_offsets


@dataclass(frozen=True)
class AgencyMention:
    start: int
    end: int
    name_en: str
    kind: str          # agency | monitor | broadcaster


@dataclass(frozen=True)
class _Alias:
    letters: int       # letters of the alias: the longest alias wins an overlap
    name_en: str
    kind: str
    needs_context: bool


def _alias_body(words: tuple[str, ...]) -> str:
    if all(len(w) == 1 for w in words):
        body = r"[\s.]*".join(map(re.escape, words))       # «أ ف ب», «أ.ف.ب»
    else:
        body = r"\s+".join(map(re.escape, words))
    if words[0].startswith("ال"):                          # «الأناضول» / «للأناضول»
        body = rf"(?:{body}|{re.escape('لل' + words[0][2:])}{body[len(re.escape(words[0])):]})"
    return body


@lru_cache(maxsize=1)
def _alias_rows() -> tuple[tuple[str, str, str | None, _Alias], ...]:
    """(group name, pattern body, literal, alias) per alias, longest first. The literal is a string every match
    of the alias contains (its longest word; a first word «الX» counts as «X», which its «للX» form also
    holds); None for the aliases of single letters («أ ف ب»), which have no such word."""
    rows: list[tuple[int, str, str | None, _Alias]] = []
    for row in read_tsv("agencies.tsv"):
        for alias in row["aliases_ar"].split("|"):
            words = phrase(alias)
            if not words:
                continue
            letters = len("".join(words))
            literal = None
            if not all(len(w) == 1 for w in words):
                first = words[0][2:] if words[0].startswith("ال") else words[0]
                literal = max([first, *words[1:]], key=len)
            # short names are ordinary words or letters too: only in agency context
            rows.append((letters, _alias_body(words), literal,
                         _Alias(letters, row["name_en"], row["kind"], letters <= 4)))
    rows.sort(key=lambda r: -r[0])
    return tuple((f"a{k}", body, literal, alias) for k, (_n, body, literal, alias) in enumerate(rows))


@lru_cache(maxsize=512)
def _pattern_of(names: tuple[str, ...]) -> re.Pattern[str]:
    """The combined pattern over the aliases `names` (group names of `_alias_rows`, in its order)."""
    bodies = {name: body for name, body, _lit, _alias in _alias_rows()}
    alternation = "|".join(f"(?P<{name}>{bodies[name]})" for name in names)
    return re.compile(rf"(?<!\w)(?=(?:[وفبلك]{{1,2}}(?=\w))?(?:{alternation})(?!\w))")


@lru_cache(maxsize=1)
def _agency_matcher() -> tuple[re.Pattern[str], dict[str, _Alias]]:
    """One pattern with a named group per alias (longest first), and what each group stands for."""
    rows = _alias_rows()
    return _pattern_of(tuple(name for name, _b, _l, _a in rows)), {name: alias for name, _b, _l, alias in rows}


def _in_agency_context(norm: str, start: int, end: int) -> bool:
    before = norm[max(0, start - 12):start].rstrip()
    after = norm[end:end + 2].lstrip()
    return (before.endswith(("(", "-", "–", "—", "وكاله", ":")) or after.startswith(")")
            or (end >= len(norm.rstrip()) - 1 and bool(re.search(r"[-–—]\s*$", before))))


def find_agencies(text: str) -> list[AgencyMention]:
    """Agency and monitor names in `text`, in order, without overlaps."""
    return list(_find_agencies(text))


@lru_cache(maxsize=1)
def _prefilter() -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    """What every match of the agency pattern contains: one literal per alias (`_alias_rows`), and for the
    aliases of single letters («أ ف ب»), their own part of the pattern. A text with none of them has no
    match: the big pattern is not run."""
    literals = {literal for _name, _body, literal, _alias in _alias_rows() if literal is not None}
    letters = [body for _name, body, literal, _alias in _alias_rows() if literal is None]
    pattern = re.compile(rf"(?<!\w)(?:[وفبلك]{{1,2}}(?=\w))?(?:{'|'.join(letters)})(?!\w)") if letters else None
    return tuple(sorted(literals)), pattern


def _may_hold_agency(norm: str) -> bool:
    return bool(_aliases_present(norm))


def _aliases_present(norm: str) -> tuple[str, ...]:
    """The group names of the aliases that can match in `norm`: those whose literal it holds, and the aliases
    of single letters when their pattern matches. Any other alias fails at every position, so the pattern
    over these alone finds the same matches, each with the same group, as the pattern over all (issue 16:
    the combined pattern tried all 77 aliases at each word start)."""
    literals, letters = _prefilter()
    held = {lit for lit in literals if lit in norm}
    has_letters = letters is not None and letters.search(norm) is not None
    if not held and not has_letters:
        return ()
    return tuple(name for name, _body, literal, _alias in _alias_rows()
                 if (literal in held if literal is not None else has_letters))


@lru_cache(maxsize=256)      # (the same text is asked again within an article: a few hits in a hundred)
def _find_agencies(text: str) -> tuple[AgencyMention, ...]:
    norm, index = normalize_with_offsets(text)
    present = _aliases_present(norm)
    if not present:
        return ()
    pattern, groups = _pattern_of(present), _agency_matcher()[1]
    candidates: list[tuple[int, int, int, _Alias]] = []      # (clitic start, alias start, alias end, alias)
    for m in pattern.finditer(norm):
        name = m.lastgroup
        if name is None:
            continue
        candidates.append((m.start(), m.start(name), m.end(name), groups[name]))
    candidates.sort(key=lambda c: (-c[3].letters, c[1]))
    taken: list[tuple[int, int]] = []
    found: list[AgencyMention] = []
    for lead, s, e, alias in candidates:
        if any(s < te and ts < e for ts, te in taken):
            continue
        if alias.needs_context and not _in_agency_context(norm, lead, e):
            continue
        taken.append((s, e))
        found.append(AgencyMention(index[s], index[e - 1] + 1, alias.name_en, alias.kind))
    return tuple(sorted(found, key=lambda a: a.start))


def agency_at_start(text: str) -> AgencyMention | None:
    """The agency named at the very beginning of `text` («رويترز ...», «وكالة أسوشيتد برس ...»), if any."""
    lead = re.match(r"\s*(?:[وفبل]?ال)?(?:وكالة|وكالات)?\s*(?:الأنباء\s+)?[\"«“]?", text)
    offset = lead.end() if lead else 0
    for mention in find_agencies(text[:offset + 40]):
        if mention.start <= offset + 2:
            return mention
    return None


@lru_cache(maxsize=1)
def kb_actors():
    """The KB's actor dictionary (actors only: no gazetteer build), or None when it cannot be read."""
    try:
        from rasd.kb.actors import default_actors
        return default_actors()
    except Exception:            # the KB is optional for these stages: no KB, no match
        return None
