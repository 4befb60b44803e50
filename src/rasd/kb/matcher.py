"""One clitic-aware matcher over place names, actor aliases, titles, generic agents and nisba adjectives.

All names are stored as match keys (`keys.name_key`: normalised words joined by spaces) in one dict; a set
of word-prefixes of multi-word keys says when to keep extending. At each token the matcher tries the
token's readings — as written, without a proclitic (و ف ب ل ك and their pairs, «لل» = ل + ال), and, for
nisba adjectives and agents only, without the article («السورية» → «سوريه») — then extends over the
following tokens (as written) while the words so far begin some key. Places and actors must match with the
article as the text has it: «السورية» is an adjective, not the country «سورية».

Overlaps are settled greedily: more tokens first («كتائب حزب الله» is one actor, not a place «الله»), then the
reading with the fewest letters stripped (so «لبنان» is Lebanon, not ل + «بنان»), then kind priority
actor > title > place > agent > nisba > a place name only villages bear. Other kinds that matched exactly the same tokens are kept in `also`
(«السوداني»: the Iraqi prime minister or the adjective Sudanese).
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import AbstractSet

from rasd.document import Token
from rasd.kb.keys import name_key
from rasd.text.normalize import normalize_with_offsets

KIND_PRIORITY = {"actor": 0, "title": 1, "place": 2, "agent": 3, "nisba": 4, "place~weak": 5}
WEAK_PLACE = "place~weak"   # internal: a place name only villages bear; reported as kind "place"
ARTICLE_FREE_KINDS = frozenset({"agent", "nisba"})   # kinds matched after removing the article

# Proclitic sequences that may precede a name, longest first. «لل» is ل + the article with its alef elided.
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_LAM_ARTICLE = ("ولل", "فلل", "لل")
_MIN_STEM = 3   # a stripped reading must keep at least this many letters («بان» is not ب + «ان»)
_TRANSPARENT = " \t«»\"“”#_"   # between the words of a name: spaces, quotation marks, a hashtag («#الأمم_المتحدة»)


@dataclass(slots=True)
class KBMatch:
    start: int                 # offset of the name in the original text: after proclitics and article
    end: int
    text: str                  # original text[start:end]
    token_start: int           # token indices [token_start, token_end)
    token_end: int
    kind: str                  # place | actor | agent | nisba | title
    ids: list[str]             # place ids best first / actor ids / agent ids / country ids («cc:SY»)
    name_start: int = 0        # offset after proclitics only: includes a written article («القاهرة»)
    key: str = ""              # the normalised key that matched
    also: list[tuple[str, list[str]]] = field(default_factory=list)   # other kinds on the same tokens


@dataclass(frozen=True, slots=True)
class Reading:
    form: str          # the first word as looked up
    strip: int         # normalised characters before the span start (proclitics and article)
    name_strip: int    # normalised characters of proclitics only (before a written article: name_start)
    article_free: bool  # the article was removed: only agent / nisba keys may match
    opens_only: bool = False    # a two-letter stem after a proclitic («وتل» → «تل»): it may only open a longer name


def first_word_readings(norm: str) -> tuple[Reading, ...]:
    """The ways a token can begin a name: «وبالحسكه» → وبالحسكه, بالحسكه, الحسكه (strip 2), حسكه (strip 4) ..."""
    out: list[Reading] = []

    def add(form: str, strip: int) -> None:
        if form.startswith("ال") and len(form) >= _MIN_STEM + 2:   # the span starts after a written article
            out.append(Reading(form, strip + 2, strip, False))
            out.append(Reading(form[2:], strip + 2, strip, True))
        else:
            out.append(Reading(form, strip, strip, False))

    add(norm, 0)
    for p in _LAM_ARTICLE:
        if norm.startswith(p) and len(norm) - len(p) >= _MIN_STEM:
            rest = norm[len(p):]
            out.append(Reading("ال" + rest, len(p), len(p), False))
            out.append(Reading(rest, len(p), len(p), True))
            break
    for p in _PROCLITICS:
        if norm.startswith(p) and len(norm) - len(p) >= _MIN_STEM:
            add(norm[len(p):], len(p))
        elif norm.startswith(p) and len(norm) - len(p) == _MIN_STEM - 1 and not norm[len(p):].startswith("ا"):
            # «وتل أبيب», «بتل أبيض»: a short first word is read without its clitic only inside a longer name
            out.append(Reading(norm[len(p):], len(p), len(p), False, opens_only=True))
    return tuple(dict.fromkeys(out))


_READINGS_SIZE = 32_768


class Matcher:
    def __init__(self) -> None:
        self.places: dict[str, tuple[str, ...]] = {}        # the gazetteer's names index, shared not copied
        self.weak_places: AbstractSet[str] = set()
        self.entries: dict[str, list[tuple[str, tuple[str, ...]]]] = {}   # actors, titles, agents, nisba
        self.prefixes: set[str] = set()
        # per surface form, least recently used out (memory ceiling, issue 16: was emptied at 200,000)
        self._readings: OrderedDict[str, tuple[Reading, ...]] = OrderedDict()

    # -- building

    def add(self, name: str, kind: str, ident: str) -> None:
        """Register one name (as written) of the KB entry `ident`."""
        key = name_key(name)
        if key:
            self.add_key(key, kind, (ident,))

    def add_key(self, key: str, kind: str, ids: tuple[str, ...]) -> None:
        self._readings.clear()       # (the readings kept are those some key can start with)
        slot = self.entries.setdefault(key, [])
        for i, (k, old) in enumerate(slot):
            if k == kind:
                slot[i] = (k, old + tuple(x for x in ids if x not in old))
                break
        else:
            slot.append((kind, ids))
        words = key.split(" ")
        for i in range(1, len(words)):
            self.prefixes.add(" ".join(words[:i]))

    def add_places(self, names: dict[str, tuple[str, ...]], prefixes: set[str],
                   weak: AbstractSet[str] = frozenset()) -> None:
        """Use the gazetteer's names index (built and ranked by `rasd kb build`) for places.

        `weak` names (borne only by villages / neighbourhoods) yield to agent and nisba readings.
        """
        self._readings.clear()
        self.places = names
        self.weak_places = weak
        self.prefixes |= prefixes

    def lookup(self, key: str) -> list[tuple[str, tuple[str, ...]]]:
        """Every (kind, ids) registered under a normalised key."""
        slot = list(self.entries.get(key, ()))
        if key in self.places:
            slot.append(("place", self.places[key]))
        return slot

    # -- matching

    def readings(self, token: Token) -> tuple[Reading, ...]:
        """The readings of a token that can begin a name: those no key is, or begins with, are left out (they
        find nothing, and most words have none left: issue 16)."""
        r = self._readings.get(token.text)
        if r is not None:
            self._readings.move_to_end(token.text)
        else:
            if len(self._readings) >= _READINGS_SIZE:
                self._readings.popitem(last=False)
            r = first_word_readings(token.norm)
            if not token.prefixes and _is_known_word(token.text):
                # «وكالة» is a word (agency), not و + «كالة» (Calais): keep only readings that keep the proclitics
                r = tuple(x for x in r if x.name_strip == 0)
            entries, places, prefixes = self.entries, self.places, self.prefixes
            r = tuple(x for x in r if x.form in entries or x.form in prefixes
                      or (not x.article_free and x.form in places))
            self._readings[token.text] = r
        return r

    def match_tokens(self, tokens: list[Token], text: str) -> list[KBMatch]:
        found = self._candidates(tokens, text)
        return self._select(found, tokens, text)

    def _candidates(self, tokens: list[Token], text: str):
        """(token_start, token_end, reading, key, [(kind, ids)...]) for every key found."""
        entries, places, prefixes, weak = self.entries, self.places, self.prefixes, self.weak_places
        n = len(tokens)
        out = []
        cache, readings = self._readings, self.readings
        for i in range(n):
            if i > 0 and text[tokens[i - 1].end:tokens[i].start] == "_":
                continue    # a name does not start inside a hashtag («#إنسان_رايتس_ووتش» is no «رايتس ووتش»)
            # (`readings`' cache read here, the method only on a miss: most words have no reading; issue 16)
            rds = cache.get(tokens[i].text)
            if rds is None:
                rds = readings(tokens[i])
            else:
                cache.move_to_end(tokens[i].text)
            for rd in rds:
                key = rd.form
                j = i
                while True:
                    slot = entries.get(key)
                    if rd.opens_only and j == i:
                        pass        # a two-letter reading alone names nothing («وتل» is no place «تل»)
                    elif slot is not None:
                        hits = [(k, ids) for k, ids in slot if not rd.article_free or k in ARTICLE_FREE_KINDS]
                        if not rd.article_free and key in places:
                            hits.append((WEAK_PLACE if key in weak else "place", places[key]))
                        if hits:
                            out.append((i, j + 1, rd, key, hits))
                    elif not rd.article_free:
                        ids = places.get(key)
                        if ids is not None:
                            out.append((i, j + 1, rd, key, [(WEAK_PLACE if key in weak else "place", ids)]))
                    if key not in prefixes or j + 1 >= n:
                        break
                    nxt = tokens[j + 1]
                    if text[tokens[j].end:nxt.start].strip(_TRANSPARENT):   # punctuation ends a name ...
                        break                                            # ... but quote marks do not: «حركة «الشباب»»
                    j += 1
                    key = key + " " + nxt.norm
        return out

    def _select(self, found, tokens: list[Token], text: str) -> list[KBMatch]:
        ranked = sorted(found, key=lambda f: (f[0] - f[1], f[2].name_strip, min(KIND_PRIORITY[k] for k, _ in f[4]), f[0]))
        same_span: dict[tuple[int, int], list] = {}
        for f in ranked:
            same_span.setdefault((f[0], f[1]), []).append(f)
        taken = [False] * len(tokens)
        chosen = []
        for ts, te, rd, key, hits in ranked:
            if any(taken[ts:te]):
                continue
            for t in range(ts, te):
                taken[t] = True
            hits = sorted(hits, key=lambda h: KIND_PRIORITY[h[0]])
            kinds = {k for k, _ in hits}
            for other in same_span[(ts, te)]:          # other readings of the same tokens
                for k, ids in other[4]:
                    if k not in kinds:
                        kinds.add(k)
                        hits.append((k, ids))
            chosen.append(self._make(tokens, text, ts, te, rd, key, hits))
        chosen.sort(key=lambda m: m.start)
        return chosen

    @staticmethod
    def _make(tokens, text, ts, te, rd: Reading, key, hits) -> KBMatch:
        first = tokens[ts]
        start = first.start + _surface_offset(first.text, rd.strip)
        name_start = first.start + _surface_offset(first.text, rd.name_strip)
        end = tokens[te - 1].end
        kind, ids = hits[0]
        return KBMatch(start=start, end=end, text=text[start:end], token_start=ts, token_end=te,
                       kind=_public(kind), ids=list(ids), name_start=name_start, key=key,
                       also=[(_public(k), list(v)) for k, v in hits[1:]])


def _public(kind: str) -> str:
    return "place" if kind == WEAK_PLACE else kind


def _known_word_check():
    """The tokenizer's word lexicon, when it has one: is this whole surface form a known Arabic word?"""
    try:
        from rasd.text.tokens import lexicon_key, stem_zipf
    except ImportError:
        return lambda surface: False
    return lambda surface: stem_zipf(lexicon_key(surface)) is not None


_is_known_word = _known_word_check()


@lru_cache(maxsize=65_536)
def _surface_offset(surface: str, norm_chars: int) -> int:
    """Offset in `surface` of its `norm_chars`-th normalised character (diacritics do not count)."""
    if norm_chars == 0:
        return 0
    _norm, index = normalize_with_offsets(surface)
    if norm_chars >= len(index):
        return len(surface)
    return index[norm_chars]
