"""Stage `places`: every place mention resolved to one gazetteer entry, or kept unresolved with a reason.

Disambiguation, in order: the words around the mention (a place cue «مدينة/بلدة/محافظة» or a preposition
is needed before a name that is also a common word or a tiny village); the article's country context
(countries named, nisba adjectives, the dateline); then the gazetteer's own rank (feature, population).
Relative expressions: «ريف إدلب الجنوبي» keeps the qualifier «south»; «شرقي سوريا» is a region of Syria;
a square or neighbourhood the gazetteer lacks («ساحة التحرير وسط العاصمة بغداد») takes its city's point.
"""
from __future__ import annotations

import csv
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from rasd.document import Document, Entity, Place, shallow_copy
from rasd.extract.cues import read_tsv
from rasd.extract.entities import is_given_name, restore_withheld
from rasd.extract.spanindex import GrowingIndex, document_memo, starting_in
from rasd.kb import load_kb
from rasd.kb.gazetteer import PlaceCandidate, is_mena
from rasd.kb.keys import name_key
from rasd.kb.latin import load_latin
from rasd.text.normalize import normalize_for_match
from rasd.text.tokens import lexicon_key, stem_zipf

_SETTLEMENT = frozenset({"city", "village", "town", "neighbourhood"})


_NUMBERED_SETTLEMENT_CUES = frozenset({"city", "village", "admin1", "admin2", "area", "neighbourhood", "island"})


@lru_cache(maxsize=1)
def _place_words() -> dict[str, tuple[str, str]]:
    """Normalised word → (role, value): cue words («مدينة» → cue:city), prepositions, directions."""
    text = resources.files("rasd.extract").joinpath("data/place_words.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t")
    out: dict[str, tuple[str, str]] = {}
    duals: dict[str, tuple[str, str]] = {}
    for r in rows:
        for form in r["words"].split("|"):
            out[normalize_for_match(form)] = (r["role"], r["value"])
            if r["role"] == "cue" and r["value"] in _NUMBERED_SETTLEMENT_CUES:
                duals.update(dict.fromkeys(_duals(form), (r["role"], r["value"])))
    return {**duals, **out}     # (a form the file lists keeps its own role)


def _duals(form: str) -> list[str]:
    """«منطقة» → «منطقتي», «منطقتا»: the dual in construct (genitive and nominative) of a bare place word in «ة»
    names the two places after it («منطقتي القطرون وتجرهي»), as the singular names one. (Not «عاصمة», «دولة»:
    «عاصمتي», «دولتي» are as often «my capital», «my state»; not the plural in «ات»: «محافظات نابلس ورام الله»
    made governorates of the cities a story lists, measured worse.)"""
    if not form.endswith("ة") or form.startswith("ال") or len(form) < 4:
        return []
    stem = normalize_for_match(form[:-1])
    return [stem + "تي", stem + "تا"]


@lru_cache(maxsize=16_384)
def _word_role(word: str) -> tuple[str, str] | None:
    # (cached: the stages ask ~2,800 times an article, twice per word of some loops; issue 16)
    words = _place_words()
    return words.get(word) or (words.get(word[2:]) if word.startswith("ال") else None)


def _token_range(doc: Document, e: Entity) -> tuple[int, int]:
    return doc.token_range(e.span.start, e.span.end) or (0, 0)


def _preposition_clitic(e: Entity, tok) -> bool:
    """«بالرياض», «لسوريا»: a «ب» or «ل» clitic (last or last but one: «بال») before the name is a preposition.
    Not when the mention itself begins with that letter: «تابعة لعصابة القاعدة» read whole as Assaba (Mauritania),
    «لعصابة», has no preposition before it, the letter is the name's own."""
    for i in (len(tok.prefixes) - 1, len(tok.prefixes) - 2):
        if i >= 0 and tok.prefixes[i] in ("ب", "ل"):
            letter_at = tok.start + sum(len(p) for p in tok.prefixes[:i])
            return e.span.start > letter_at
    return False


def _context(doc: Document, e: Entity) -> dict[str, str]:
    """What the words just before and after the mention say: cue (city/village/admin1 ...), preposition,
    direction qualifier («الجنوبي»), direction prefix («شرقي»), capital («العاصمة»)."""
    first, last = _token_range(doc, e)
    ctx: dict[str, str] = {}
    tok = doc.tokens[first]
    if _preposition_clitic(e, tok):
        ctx["preposition"] = "ل" if "ل" in tok.prefixes[-2:] and "ب" not in tok.prefixes else "ب"
    for back in (1, 2):    # «ريف إدلب», «ريف مدينة إدلب»: the countryside around the place
        k = first - back
        if k >= 0 and doc.tokens[k].sentence == tok.sentence and doc.tokens[k].stem == "ريف":
            ctx["countryside"] = str(k)
    k = first - 1          # only the word just before counts: «مدينة في سوريا» says nothing of سوريا
    if k >= 0 and doc.tokens[k].sentence == tok.sentence:
        role = _word_role(doc.tokens[k].stem) or _word_role(doc.tokens[k].norm)
        if role and role[0] == "cue" and role[1] != "capital" and "ال" in doc.tokens[k].prefixes:
            role = None     # «بالولاية بحضور قائد»: a definite place word heads no name (construct has no «ال»)
        if role:
            ctx[role[0]] = role[1]
        if role and role[0] == "direction_prefix":
            ctx["direction_start"] = str(k)
            # «جنوب شرق ليبيا», «شمالي غربي سوريا»: two direction words make one compass direction
            outer = _word_role(doc.tokens[k - 1].stem) or _word_role(doc.tokens[k - 1].norm) if k >= 1 else None
            if outer and outer[0] == "direction_prefix" and doc.tokens[k - 1].sentence == tok.sentence \
                    and outer[1] in ("north", "south") and role[1] in ("east", "west"):
                ctx["direction_prefix"] = outer[1] + role[1]
                ctx["direction_start"] = str(k - 1)
                k -= 1
        if role and role[0] in ("cue", "direction_prefix") and k >= 1:
            if "ب" in doc.tokens[k].prefixes:
                ctx["preposition"] = "ب"        # «بغرب السودان», «بمنطقة»
            before = _word_role(doc.tokens[k - 1].stem) or _word_role(doc.tokens[k - 1].norm)
            if before and before[0] == "preposition":
                ctx["preposition"] = before[1]
    if last + 1 < len(doc.tokens) and doc.tokens[last + 1].sentence == tok.sentence:
        role = _word_role(doc.tokens[last + 1].norm)
        if role and role[0] == "direction":
            ctx["qualifier"] = role[1]
    return ctx


_QUOTE_MARKS = "«»\"“”'"


def _names_a_ship(doc: Document, e: Entity) -> bool:
    """«استهدفت سفينة الشحن «سي ليبرتي»»: a quoted name after a ship word is the ship, not the town it echoes."""
    if not any(ch in _QUOTE_MARKS for ch in doc.text[max(0, e.span.start - 12):e.span.start]):
        return False        # (before the token range: most mentions have no quote mark before them)
    first, _ = _token_range(doc, e)
    for back in (1, 2, 3):
        k = first - back
        if k < 0 or doc.tokens[k].sentence != doc.tokens[first].sentence:
            return False
        role = _word_role(doc.tokens[k].norm) or _word_role(doc.tokens[k].stem)
        if role and role[0] == "vessel":
            return any(ch in _QUOTE_MARKS for ch in doc.text[doc.tokens[k].end:e.span.start])
    return False


def _is_dateline_mention(doc: Document, e: Entity) -> bool:
    line = doc.source.dateline
    return bool(line) and e.span.start < 400 and normalize_for_match(e.text) == normalize_for_match(line or "") \
        and doc.text.find(e.text) == e.span.start


_COUNTRY_AFTER_CHARS = 16    # «X شمال لبنان», «X، سوريا», «X في العراق»


def _entities_after(doc: Document, end: int, reach: int) -> list[Entity]:
    """The entities starting in (end, end + reach], in the order of the entities layer (by the per-document
    span index, not a scan of every entity per place: issue 16)."""
    return starting_in(doc.entities, "places:entities", end + 1, end + reach + 1)


def _country_named_after(doc: Document, e: Entity, kb) -> str | None:
    """The country named right after a place («طرابلس شمال لبنان»), which says where the place is."""
    for other in _entities_after(doc, e.span.end, _COUNTRY_AFTER_CHARS):
        gap = other.span.start - e.span.end
        if not (0 < gap <= _COUNTRY_AFTER_CHARS and other.candidates):
            continue
        top = kb.gazetteer.place(other.candidates[0])
        between = doc.text[e.span.end:other.span.start]
        if top is not None and top.feature in ("country", "region", "admin1") and not set(between) & set(".؛:") \
                and _only_locating_words(between):
            return top.country
    return None


_LOCATING_ROLES = frozenset({"preposition", "direction_prefix", "direction", "cue"})


def _only_locating_words(text: str) -> bool:
    """Nothing but a preposition, a direction or a place word (with its clitic) between a place and the country
    after it («طرابلس شمال لبنان», «بلدة X بمحافظة Y»): «تستهدف إيران وحزب الله فرضت الولايات المتحدة» does
    not place Iran in the United States."""
    for word in text.replace("،", " ").replace(",", " ").replace("(", " ").replace(")", " ").split():
        w = normalize_for_match(word)
        role = _word_role(w) or (_word_role(w[1:]) if w[:1] in "وفبل" else None)
        if role is None or role[0] not in _LOCATING_ROLES:
            return False
    return True


_PARENT_AFTER_CHARS = 30     # «قرية الجرنية بريف محافظة الرقة», «مطار الضبعة العسكري الواقع في ريف حمص»
_PARENT_KM = 250.0          # a village «بريف محافظة X» lies within this of the province's or its seat's point
_TOWN_KM = 100.0            # ... and «جنوب شرقي مدينة X» within this of the town


def _parent_named_after(doc: Document, e: Entity, kb, reach: int = _PARENT_AFTER_CHARS) -> PlaceCandidate | None:
    """The larger place named right after a place (a country, region, province or big city), in the same
    clause: it says where the smaller place lies."""
    for other in _entities_after(doc, e.span.end, reach):
        gap = other.span.start - e.span.end
        if not (0 < gap <= reach and other.candidates) or other.type not in ("GPE", "LOC") \
                or (_word_role(normalize_for_match(other.text.strip())) or ("",))[0] == "cue":
            continue    # («شمالي المدينة»: «the city» refers back to a place, it is not Medina)
        top = _reading_in_the_country_named_after(doc, other, kb)
        between = doc.text[e.span.end:other.span.start]
        if top is not None and (top.feature in ("country", "region", "admin1", "admin2") or top.is_capital
                                or top.population >= _BIG_CITY) and not set(between) & set(".؛:،,"):
            return top
    return None


def _reading_in_the_country_named_after(doc: Document, e: Entity, kb) -> PlaceCandidate | None:
    """A place's first reading, or its reading in the country named right after it («مدينة طرابلس شمال لبنان»:
    Lebanon's Tripoli, not Libya's capital, is the larger place a quarter named before it lies in)."""
    top = kb.gazetteer.place(e.candidates[0])
    country = _country_named_after(doc, e, kb)
    if top is None or country is None or top.country == country:
        return top
    there = (kb.gazetteer.place(i) for i in e.candidates[1:])
    return next((c for c in there if c is not None and c.country == country and c.feature != "country"), top)


def _km_to_parent(c: PlaceCandidate, ctx: dict[str, str]) -> float:
    points = [tuple(float(x) for x in pt.split(",")) for pt in ctx["near"].split(";")]
    return min(_km(c.lat, c.lon, lat, lon) for lat, lon in points)


def _near_context(doc: Document, e: Entity, parent: PlaceCandidate, kb) -> dict[str, str]:
    """«near»: the points of the larger place named after a place; «near_km»: how far its villages lie;
    «near_locating»: only locating words join the two («القبة في مدينة طرابلس»)."""
    radius = _PARENT_KM if parent.feature in ("admin1", "admin2", "region") else _TOWN_KM
    out = {"near": ";".join(f"{c.lat},{c.lon}" for c in _parent_points(parent, kb)), "near_km": str(radius),
           "near_country": parent.country}
    if _parent_by_locating_words(doc, e, parent):
        out["near_locating"] = "yes"
    if parent.admin1 and parent.feature in ("admin1", "region"):
        out["near_admin1"] = parent.admin1      # «قرية المنصورة بريف حماة»: a village of Hama province
    return out


def _parent_points(parent: PlaceCandidate, kb) -> list[PlaceCandidate]:
    """The parent and, for a province or countryside, the town it is named after («ريف حمص»: Homs itself),
    since a province's point may lie far from where most of its villages are."""
    out = [parent]
    if parent.feature not in ("admin1", "region"):
        return out          # («شرقي مدينة تعز»: the city, not a village called Taiz 300 km north of it)
    bare = parent.name_ar.split(" ", 1)[1] if " " in parent.name_ar else parent.name_ar
    out += [c for c in kb.gazetteer.candidates(bare)[:4] if c.country == parent.country and c.feature in _SETTLEMENT
            and (c.admin1 == parent.admin1 or c.population >= _MEDIUM_CITY)]
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def article_countries(doc: Document, kb) -> list[str]:
    """Countries the article is about, most mentioned first: country names, capitals, provinces and nisba
    adjectives. Other cities do not vote: a big foreign city read off a common word («يومياً» as Umeå)
    would otherwise make its own country look like the article's."""
    return [cc for cc, _ in country_votes(doc, kb).most_common()]


def country_votes(doc: Document, kb) -> Counter[str]:
    """The votes behind article_countries, country by country."""
    counts: Counter[str] = Counter()
    deferred: list[tuple[str, str]] = []    # (the capital's country, its big namesake's country)
    for e in doc.entities:
        if e.type not in ("GPE", "LOC") or not e.candidates:
            continue
        top = kb.gazetteer.place(e.candidates[0])
        if top is None:
            continue
        if top.feature == "country" and any(c is not None and c.is_capital and c.country != top.country
                                             for c in (kb.gazetteer.place(i) for i in e.candidates[1:3])):
            continue        # «عمان»: Oman or Amman is what the other mentions decide, not a vote of its own
        if top.is_capital and (namesake := _big_namesake_abroad(e, top, kb)) is not None:
            deferred.append((top.country, namesake))
            continue
        if top.feature == "country":
            counts[top.country] += 2
        elif top.feature in ("admin1", "region") and _generic_area_name(e.text):
            continue        # «المنطقة الشرقية»: any country's eastern area, no vote for Saudi Arabia
        elif top.feature in ("admin1", "region") or top.is_capital:
            counts[top.country] += 1
    named = set(counts)
    for a in doc.agents:
        if a.country and (a.country in named or not _nisba_also_a_common_word(a, kb)):
            counts[a.country] += 1
    for e in doc.entities:      # «وزير الخارجية الأردني»: a nisba inside an office-holder's title
        if e.type == "PERSON" and e.source == "title" and e.country:
            counts[e.country] += 1
    for capital_country, namesake_country in deferred:
        # «طرابلس» in a story that names Lebanon: its Tripoli, no vote for Libya; in any other story, Libya's
        if not counts.get(namesake_country):
            counts[capital_country] += 1
    return counts


def _nisba_also_a_common_word(a: Entity, kb) -> bool:
    """A nisba whose word is also a common one the gazetteer's stoplist holds for context («مالية»: Malian or
    financial, «فدية مالية» a ransom in money): it votes for its country only where a place names that country."""
    return a.source == "nisba" and kb.gazetteer.stoplist.get(name_key(a.canonical or a.text)) == "context"


def _big_namesake_abroad(e: Entity, capital: PlaceCandidate, kb) -> str | None:
    """The country of a town of the capital's name in another country, big enough to be what a story means by the
    name («طرابلس»: Libya's capital or Lebanon's second city), else None."""
    for i in e.candidates[1:4]:
        c = kb.gazetteer.place(i)
        if c is not None and c.country != capital.country and c.feature in _SETTLEMENT \
                and c.population >= _BIG_CITY:
            return c.country
    return None


def _only_its_own_vote(doc: Document, e: Entity, votes: Counter[str], kb) -> str | None:
    """The country of the mention's first reading, a province, when the mentions of that province are all the
    votes for the country and other countries have votes: the article is about somewhere else."""
    top = kb.gazetteer.place(e.candidates[0]) if e.candidates else None
    if top is None or not (top.feature == "admin1" or top.is_capital) or len(votes) < 2:
        return None
    own = _first_readings(doc)[top.id]
    return top.country if votes.get(top.country, 0) <= own else None


def _first_readings(doc: Document) -> Counter[str]:
    """How many GPE / LOC mentions have each place id as their first reading: counted once per entities list
    (the resolving loop changes no mention's type or readings), not once per mention (quadratic in long
    articles: 23% of a 40k-word one; issue 16)."""
    memo = document_memo("places:first_readings", (doc,), (doc.entities,))
    if "counts" not in memo:
        memo["counts"] = Counter(x.candidates[0] for x in doc.entities if x.type in ("GPE", "LOC") and x.candidates)
    return memo["counts"]


_BIG_FEATURES = frozenset({"country", "admin1", "region", "water"})
_BIG_CITY = 100_000
_MEDIUM_CITY = 10_000
_COMMON_WORD_ZIPF = 4.5     # a one-word name this frequent as an ordinary word needs context to be a place
_VERY_COMMON_ZIPF = 5.3     # ... and this frequent, even when it is a big city («دولة»), not «حلب» (4.9)


def _is_common_word(name: str, threshold: float = _COMMON_WORD_ZIPF) -> bool:
    if " " in name.strip():
        return False
    key = lexicon_key(name.strip())
    bare = key[2:] if key.startswith("ال") and len(key) > 4 else key
    zipf = max(stem_zipf(key) or 0, stem_zipf(bare) or 0)
    return zipf >= threshold


def _generic_area_name(name: str) -> bool:
    """«المنطقة الشرقية», «الولاية الشمالية»: a place word and direction adjectives, a name any country's
    area may bear («المنطقة الشرقية من بلدة عوريف»), not only the province the gazetteer holds by it."""
    words = [normalize_for_match(w) for w in name.split()]
    roles = [_word_role(w) for w in words]
    first = roles[0]
    return len(words) > 1 and first is not None and first[0] == "cue" \
        and all(r is not None and r[0] == "direction" for r in roles[1:])


_CONJUNCTIONS = ("و", "ف")     # «وأدان»: «and» + a verb, not Waddan (Libya)


def _acceptable(c: PlaceCandidate, ctx: dict[str, str], countries: list[str], name: str) -> str | None:
    """None when the candidate may stand on its own or with the context it has; else why not."""
    cue, prep = "cue" in ctx, "preposition" in ctx
    if "direction_prefix" in ctx and c.feature == "country":
        cue = True          # «شمال مالي»: a direction names a country's part
    ner_agrees = "ner-place" in ctx
    at_home = c.country in countries[:3] or ctx.get("in_country") == c.country
    if "common-word" in c.flags and not (cue or prep):
        return "a common word that is also a place name, with no place cue or preposition"
    if c.feature == "country":
        return None
    if ctx.get("cue") == "admin2" and countries and not at_home:
        # «محلية الثورة» in a Sudanese story: a district word names a district of the story's own country
        return "a district word before a place outside the article's countries"
    if c.feature == "facility" and (at_home or not countries):
        return None         # «فوق مطار أربيل»: a facility's name carries its own place word («مطار»)
    if c.feature == "admin1":
        if ctx.get("own_vote_only") == c.country and not (cue or prep):
            # «تابعة لعصابة القاعدة» in an Iraqi story: Assaba (Mauritania), whose one vote is its own mention
            return "a province whose country nothing else in the article names, with no place cue or preposition"
        if countries and c.country != countries[0] and ctx.get("in_country") != c.country and _generic_area_name(name):
            # (not the article's first country: the province's own mention votes for its country)
            return "a province abroad named only by a place word and a direction («المنطقة الشرقية»), in a story elsewhere"
        if not cue and countries and c.country != countries[0] and ctx.get("in_country") != c.country \
                and ctx.get("preposition") == "ل":
            # «تابعة لعصابة القاعدة»: «ل» is «for» as often as «to»; a province abroad needs more than it (not
            # the article's first country: the province's own mention votes for its country)
            return "a province outside the article's first country, with only «ل» before it"
        if cue or prep or at_home or not countries:
            return None if (cue or not _is_common_word(name)) else "a common word that is also a province's name"
        return "a province outside the article's countries, with no place cue or preposition"
    if c.feature in _BIG_FEATURES or c.is_capital or c.population >= _BIG_CITY:
        if not (cue or prep or at_home) and is_given_name(name):
            return "a given name that is also a city abroad («رشيد» Rosetta), with no place cue or preposition"
        if countries and not (cue or prep or at_home or ner_agrees or c.is_capital or c.feature in _BIG_FEATURES):
            return "a city abroad named with no place cue or preposition, which the NER model does not read as a place"
        if _is_common_word(name, _VERY_COMMON_ZIPF) and not cue and not c.is_capital and c.country:
            return "a very common word that is also a big place's name («المدينة»), with no place cue"
        return None
        return "a very common word that is also a big place's name, with no place cue or preposition"
    if c.population >= _MEDIUM_CITY and c.feature in _SETTLEMENT:
        if cue or (prep or ner_agrees) and at_home and not _is_common_word(name):
            return None
        if at_home and c.country in countries[:1] and not _is_common_word(name) and not is_given_name(name):
            return None     # «بلدة دار الواسعة – بعلبك» in a Lebanese story: a town of the story's own country
        if not countries and not _is_common_word(name) and not is_given_name(name) \
                and not (name[:1] in _CONJUNCTIONS and _is_common_word(name[1:], _LATIN_WORD_ZIPF)):
            return None     # ... and in a story that names no country at all (only «الجيش اللبناني»); not «وأدان»
        return "a town outside the article's countries, or a common word, with no place cue"
    if countries and not at_home:
        return "a village outside the article's countries"
    if cue or (prep and ner_agrees and at_home and not _is_common_word(name)):
        return None
    return "a village or small area with no place cue (مدينة/بلدة/قرية ...) or preposition in the article's countries"


def _rank(c: PlaceCandidate, ctx: dict[str, str], countries: list[str]) -> float:
    score = c.score
    if ctx.get("in_country") == c.country:
        score += 6.0        # «طرابلس شمال لبنان», «تلمنس في سوريا»: the text says which country
    if "near" in ctx and c.feature not in _BIG_FEATURES:
        # «قرية الجرنية بريف محافظة الرقة»: the village of that name in that province, the nearer the better
        score += 6.0 * max(0.0, 1.0 - _km_to_parent(c, ctx) / float(ctx.get("near_km", _PARENT_KM)))
        if ctx.get("near_admin1") == c.admin1 and c.feature in _SETTLEMENT:
            score += 3.0    # (inside the province named, before a nearer homonym across its border)
    if "list_point" in ctx and c.feature in _SETTLEMENT:
        # «بلدتي عيتا الشعب ورامية»: of two villages of one name, the one beside the place listed before it
        lat, lon = (float(x) for x in ctx["list_point"].split(","))
        score += _LIST_NEIGHBOUR_BONUS * max(0.0, 1.0 - _km(c.lat, c.lon, lat, lon) / _TOWN_KM)
    if c.country in countries[:1]:
        score += 3.0
    elif c.country in countries:
        score += 1.0
    cue = ctx.get("cue")
    if cue == "neighbourhood" and c.feature == "neighbourhood":
        score += 12.0       # «حي الأعظمية»: the neighbourhood, not the district of that name
    elif cue in ("city", "village", "neighbourhood") and c.feature in _SETTLEMENT:
        score += 3.0
    elif cue in ("city", "village") and c.feature in ("admin1", "admin2"):
        score -= 3.0        # «بلدة معرة النعمان»: the town, not the district named after it
    elif cue == "capital" and c.is_capital:
        score += 12.0
    elif cue in ("admin1", "country") and c.feature == cue:
        score += 12.0       # (a district word «قضاء طولكرم» gets none: the town it is named after is the place)
    return score


_HOMONYM_VILLAGES = 3
_LIST_NEIGHBOUR_BONUS = 1.5     # at most: it breaks ties between homonyms, it does not outrank a bigger place
_IN_A_PROVINCE_NAMED = " (the one in a province the article names)"


def _nearer_the_story(capital: PlaceCandidate, country: PlaceCandidate, countries: list[str]) -> bool:
    """Neither country named in the article: the reading nearer the country the article is about («عمان» in a
    story of Israel and Gaza is Amman, not Oman)."""
    if not countries or capital.country in countries or country.country in countries:
        return False
    main = load_kb().gazetteer.country(countries[0])
    if main is None or main.lat is None or capital.lat is None or country.lat is None:
        return False
    # decisively nearer (half the distance): a story of Iran and the United States says nothing of either
    return 2 * _km(main.lat, main.lon, capital.lat, capital.lon) < _km(main.lat, main.lon, country.lat, country.lon)


def _settlement_at_home(best: PlaceCandidate, cands: list[PlaceCandidate], ctx: dict[str, str],
                        countries: list[str]) -> PlaceCandidate:
    """«بلدتي المنصورة وهنيدة» in a Syrian story: a town or village named with its place word is the one of that
    name in the article's country, not a bigger homonym in a country the article never names (Egypt's Mansoura)."""
    if not countries or best.country in countries or best.is_capital or best.feature not in _SETTLEMENT \
            or ctx.get("cue") not in ("city", "village") or "near" in ctx:
        return best
    home = [c for c in cands if c.country == countries[0] and c.feature in _SETTLEMENT] \
        or [c for c in cands if c.country in countries[:3] and c.feature in _SETTLEMENT]
    # («بلدة "صيدا"» in a story of Israel and the West Bank: the Palestinian village, not Lebanon's Sidon)
    return max(home, key=lambda c: _rank(c, ctx, countries)) if home else best


_NAMESAKE_RATIO = 10


def _two_capitals(e: Entity, parent: PlaceCandidate, kb) -> bool:
    """The mention's first reading and the place after it are two countries' capitals: the second does not locate
    the first («اتهمت موسكو واشنطن»: two governments, not a Moscow near Washington)."""
    top = kb.gazetteer.place(e.candidates[0]) if e.candidates else None
    return top is not None and top.is_capital and parent.is_capital and parent.country != top.country


def _capital_over_its_namesake(best: PlaceCandidate, cands: list[PlaceCandidate], ctx: dict[str, str]) -> PlaceCandidate:
    """«اتهمت موسكو واشنطن», «في أثينا» in a story of the United States: a national capital, not a town abroad named
    after it (Athens, Georgia; Mesquite, Texas, which GeoNames also calls «موسكو») that the article's countries
    favoured, or the country named right after it («اتهمت موسكو الولايات المتحدة»: two governments) — unless the
    text calls it a town or puts it beside a larger place, or the capital is not ten times its size («طرابلس شمال
    لبنان»: Tripoli of Lebanon is a fifth of Libya's)."""
    if best.is_capital or best.feature not in _SETTLEMENT or "near" in ctx or ctx.get("cue") in ("city", "village"):
        return best
    capital = next((c for c in cands if c.is_capital and c.country != best.country
                    and c.population >= _NAMESAKE_RATIO * max(best.population, 1)), None)
    return capital if capital is not None else best


def choose_candidate(cands: list[PlaceCandidate], ctx: dict[str, str], countries: list[str],
                     name: str = "") -> tuple[PlaceCandidate | None, str]:
    if not cands:
        return None, "not in the gazetteer"
    best = max(cands, key=lambda c: _rank(c, ctx, countries))
    if best.feature == "country":
        # «عمان»: Amman, the capital, where the text says a city or the article is about Jordan; else Oman
        order = {cc: i for i, cc in enumerate(countries)}
        capital = next((c for c in cands if c.is_capital and c.country != best.country), None)
        if capital is not None and (ctx.get("cue") in ("city", "capital") or
                                    order.get(capital.country, 99) < order.get(best.country, 99)
                                    or _nearer_the_story(capital, best, countries)):
            best = capital
    best = _settlement_at_home(best, cands, ctx, countries)
    best = _capital_over_its_namesake(best, cands, ctx)
    if best.is_capital and ctx.get("own_vote_only") == best.country:
        # «أقضية عكار، طرابلس، البترون» in a Lebanese story: Tripoli of Lebanon, not the capital of a Libya that
        # nothing but this name brings into the article
        # (but not a town named after a capital ten times its size: «اتهمت موسكو واشنطن» is no Mesquite, Texas)
        home = [c for c in cands if c.country in countries and c.country != best.country
                and c.feature in _SETTLEMENT and c.population >= _MEDIUM_CITY
                and best.population < _NAMESAKE_RATIO * c.population]
        best = max(home, key=lambda c: _rank(c, ctx, countries)) if home else best
    if "adjective_of" in ctx and best.feature != "country" and not best.is_capital and "cue" not in ctx \
            and "preposition" not in ctx:
        return None, "an adjective agreeing with the noun before it («التنمية العمرانية»), not a place's name"
    reason = _acceptable(best, ctx, countries, name)
    if reason:
        return None, reason
    if best.feature == "village" and "near" not in ctx and sum(
            1 for c in cands if c.feature == "village" and c.country == best.country) >= _HOMONYM_VILLAGES:
        # «كهريز»: a name three villages or more of the country bear, with no larger place named beside it —
        # unless just one of them lies in a province the article has placed something in («منطقة صرواح» in a
        # story of Marib: the Sirwah of Marib province)
        provinces = set(ctx.get("article_admin1", "").split(";")) - {""}
        inside = [c for c in cands if c.feature == "village" and c.country == best.country and c.admin1 in provinces]
        if len(inside) != 1 or _acceptable(inside[0], ctx, countries, name):
            return None, "a village name several villages of the country bear, with no larger place named beside it"
        return inside[0], "gazetteer" + _IN_A_PROVINCE_NAMED
    moved = " (article context)" if best is not cands[0] else ""
    return best, "gazetteer" + moved


def _place(e: Entity, c: PlaceCandidate, ctx: dict[str, str], reason: str) -> Place:
    return Place(span=e.span, text=e.text, name_en=c.name_en, lat=c.lat, lon=c.lon, country=c.country,
                 admin1=c.admin1_en or c.admin1 or None, feature=c.feature, gazetteer_id=c.id,
                 qualifier=ctx.get("qualifier"), reason=reason)


_DIRECTION_EN = {"north": "northern", "south": "southern", "east": "eastern", "west": "western",
                 "northeast": "north-eastern", "northwest": "north-western", "southeast": "south-eastern",
                 "southwest": "south-western", "central": "central"}


def _direction_region(doc: Document, e: Entity, c: PlaceCandidate, direction: str, start_token: int,
                      point: tuple[float, float], reason: str, admin1: str | None = None) -> Place:
    """The region a direction phrase names («غرب مالي», «شرق محافظة صلاح الدين»): the whole phrase, at `point`."""
    start = doc.tokens[start_token].stem_start
    return Place(span=doc.span(start, e.span.end), text=doc.text[start:e.span.end],
                 name_en=f"{_DIRECTION_EN.get(direction, direction)} {c.name_en}", lat=round(point[0], 4),
                 lon=round(point[1], 4), country=c.country, admin1=admin1, feature="region", gazetteer_id=c.id,
                 qualifier=direction, reason=reason)


def _region_of_country(doc: Document, e: Entity, c: PlaceCandidate, direction: str, start_token: int,
                       kb) -> Place:
    """«غرب مالي», «جنوب شرق ليبيا»: a region of the country, named by the whole phrase, at the point of the
    country's admin-1 areas lying that way (the country's own point when the gazetteer cannot tell)."""
    point = kb.gazetteer.direction_point(c.country, direction) or (c.lat, c.lon)
    return _direction_region(doc, e, c, direction, start_token, point, "direction of a country")


def _region_of_province(doc: Document, e: Entity, c: PlaceCandidate, direction: str, start_token: int,
                        kb) -> Place | None:
    """«شرق محافظة صلاح الدين», «جنوب ولاية بورنو»: the part of the province that way, at the point of its
    settlements lying furthest in that direction (none when the gazetteer cannot tell)."""
    point = kb.gazetteer.admin1_direction_point(c.admin1, direction)
    if point is None:
        return None
    return _direction_region(doc, e, c, direction, start_token, point, "direction of a province",
                             admin1=c.admin1_en or c.name_en)


def _part_of_province(doc: Document, e: Entity, c: PlaceCandidate, direction: str, kb) -> Place | None:
    """«ريف حماة الشمالي», «محافظة درعا الشرقية»: a direction adjective after a province or its countryside names
    that part of it, at the point of the province's settlements lying furthest that way (as «شرق محافظة X»).
    The phrase, adjective included, is the place's text. None for other places, or when the gazetteer cannot
    tell (too few settlements of the province)."""
    if c.feature not in ("admin1", "region") or not c.admin1 or (c.feature == "region" and not _is_countryside(c)):
        return None
    point = kb.gazetteer.admin1_direction_point(c.admin1, direction)
    _, last = _token_range(doc, e)
    if point is None or last + 1 >= len(doc.tokens):
        return None
    adjective = doc.tokens[last + 1]
    start = e.span.start
    return Place(span=doc.span(start, adjective.end), text=doc.text[start:adjective.end],
                 name_en=f"{_DIRECTION_EN.get(direction, direction)} {c.name_en}", lat=round(point[0], 4),
                 lon=round(point[1], 4), country=c.country, admin1=c.admin1_en or c.name_en, feature="region",
                 gazetteer_id=c.id, qualifier=direction, reason="direction adjective after a province",
                 within=(c.lat, c.lon))


def _is_countryside(c: PlaceCandidate) -> bool:
    """A province's countryside the knowledge base holds as a region of its own («ريف حماة»)."""
    return c.id.startswith("rasd:rif.")


def _countryside(doc: Document, e: Entity, c: PlaceCandidate, k: int, ctx: dict[str, str]) -> Place:
    """«ريف مدينة إدلب»: the rural area around a town, a region at the town's point."""
    start = doc.tokens[k].stem_start
    return Place(span=doc.span(start, e.span.end), text=doc.text[start:e.span.end], name_en=f"{c.name_en} countryside",
                 lat=c.lat, lon=c.lon, country=c.country, admin1=c.admin1_en or c.admin1 or None, feature="region",
                 gazetteer_id=c.id, qualifier=ctx.get("qualifier") or "countryside", reason="countryside of a town")


def _leading_role(doc: Document, e: Entity) -> tuple[tuple[str, str] | None, int, int]:
    """The place_words role of the mention's first word («مدينة», «وسط», «مطار»), with its first and last token."""
    first, last = _token_range(doc, e)
    return _word_role(doc.tokens[first].stem) or _word_role(doc.tokens[first].norm), first, last


def _heads_a_longer_name(doc: Document, first: int, last: int) -> bool:
    """«مناطق جبل جرة ووادي القاضي»: a bare landform noun («جبل», «وادي», no article) read alone, with a word
    right after it that is no place word: the first word of a name the gazetteer lacks, not the village or town
    the gazetteer holds under the bare noun (a «Dzhebel» of Bulgaria, El Oued of Algeria)."""
    tok = doc.tokens[first]
    if last != first or "ال" in tok.prefixes or _place_words().get(tok.stem, ("",))[0] != "landform":
        return False
    nxt = last + 1
    return nxt < len(doc.tokens) and doc.tokens[nxt].sentence == tok.sentence and not _text_gap(doc, nxt) \
        and _word_role(doc.tokens[nxt].stem) is None and _word_role(doc.tokens[nxt].norm) is None


def _opens_an_idiom(doc: Document, first: int, last: int) -> bool:
    """«عاد إلى مسقط رأسه»: a one-word name that, with the noun right after it (any pronoun on it), makes a common
    phrase (place_words.tsv «idiom»: his birthplace), not the place of that name (Muscat)."""
    tok = doc.tokens[first]
    role = _word_role(tok.stem) if last == first and not set(tok.prefixes) - _PROCLITIC_LETTERS else None
    nxt = last + 1
    return role is not None and role[0] == "idiom" and nxt < len(doc.tokens) \
        and doc.tokens[nxt].sentence == tok.sentence and not _text_gap(doc, nxt) \
        and doc.tokens[nxt].stem == normalize_for_match(role[1]) and not doc.tokens[nxt].prefixes


_PROCLITIC_LETTERS = frozenset({"و", "ف", "ب", "ل", "ك"})


def _adjective_after_a_place_word(doc: Document, e: Entity, first: int, last: int, kb) -> bool:
    """«يسيطر على مناطق واسعة», «في منطقة آمنة», «مدن عديدة»: a bare common word in «ة» right after a bare place
    word agrees with it as its adjective; it is no village of that spelling (Wasi'ah). A village's name after a
    place word is a rare word («بلدة قباطية») or carries the article («بلدة الطيبة»); a town's or a province's may
    be a common word («محافظتي حجة وصعدة»), and stays."""
    places = [kb.gazetteer.place(i) for i in e.candidates]
    if any(c is None or c.feature not in _SETTLEMENT or c.population >= _MEDIUM_CITY for c in places):
        return False
    tok = doc.tokens[first]
    if first != last or first == 0 or tok.prefixes or tok.suffix or _text_gap(doc, first) \
            or not doc.text[tok.stem_start:tok.stem_end].endswith("ة"):
        return False
    prev = doc.tokens[first - 1]
    role = _word_role(prev.stem) if not prev.prefixes and not prev.suffix else None
    return role is not None and role[0] == "cue" and prev.sentence == tok.sentence \
        and _is_common_word(doc.text[tok.stem_start:tok.stem_end])


def _ends_a_longer_name(doc: Document, first: int) -> bool:
    """«بلدة تل بيدر», «قرية عين X»: the mention starts right after a bare landform noun (no article, nothing
    between them) — it is the rest of a name the gazetteer lacks whole, not the place the gazetteer holds under
    that rest (Bidar in India); the whole name was never found, so the mention names no place we know."""
    if first == 0:
        return False
    tok, prev = doc.tokens[first], doc.tokens[first - 1]
    return prev.sentence == tok.sentence and not _text_gap(doc, first) and "ال" not in prev.prefixes \
        and not prev.suffix and tok.prefixes in ([], ["ال"]) and _place_words().get(prev.stem, ("",))[0] == "landform"


def _country_in_region_name(doc: Document, e: Entity, region: PlaceCandidate, kb) -> Place | None:
    """«شمال غربي سورية», a region the gazetteer holds whole, names its country too."""
    if region.feature != "region":
        return None
    head, first, last = _leading_role(doc, e)
    if not head or head[0] != "direction_prefix" or last <= first:
        return None
    tok = doc.tokens[last]
    top = next(iter(kb.gazetteer.candidates(doc.text[tok.stem_start:tok.end])), None)
    if top is None or top.feature != "country" or top.country != region.country:
        return None
    named = Entity(span=doc.span(tok.stem_start, tok.end), text=doc.text[tok.stem_start:tok.end], type="GPE")
    return _place(named, top, {}, "gazetteer; the country of a direction phrase")


def _city_after_direction(doc: Document, e: Entity, kb) -> Place | None:
    """«وسط بيروت», «شمال حلب» refused as a name of its own (a district without population): a direction word
    before a capital or a big city names a part of that city — its point, with the direction as qualifier."""
    head, first, last = _leading_role(doc, e)
    if not head or head[0] != "direction_prefix" or last <= first:
        return None
    start = doc.tokens[first + 1].stem_start
    name = doc.text[start:e.span.end]
    city = next((c for c in kb.gazetteer.candidates(name) if c.is_capital or c.population >= _BIG_CITY), None)
    if city is None:
        return None
    return Place(span=e.span, text=e.text, name_en=f"{head[1]} {city.name_en}", lat=city.lat, lon=city.lon,
                 country=city.country, admin1=city.admin1_en or city.admin1 or None, feature="city",
                 gazetteer_id=city.id, qualifier=head[1], reason=f"a part of {city.name_en} named by its direction")


def _after_the_particle_ka(doc: Document, e: Entity) -> bool:
    """The mention begins after a «ك» read as the particle «like» inside its word («كمينا» → «مينا», «كفردان» →
    «فردان»): in news a place is almost never compared («كبغداد»), while a word or a village name beginning
    with «ك» («كمين», «كفر ...») often leaves a place name when the letter is split off."""
    tok = doc.tokens[_token_range(doc, e)[0]]
    return "ك" in tok.prefixes and e.span.start > tok.start and e.span.start >= tok.stem_start - 2 \
        and doc.text[tok.start:e.span.start].replace("و", "").replace("ف", "") == "ك"


def _clitic_after_construct_cue(doc: Document, e: Entity) -> bool:
    """«مدينة والام», «مدينة كالوقي»: right after an indefinite place word (a noun in construct: «مدينة», «قرية»,
    «مقاطعة») its name follows with nothing between. A one-word mention read after «و», «ك» or «ل» split off its word
    there is a wrong reading of one name («والام» is not «و» + «الام», «كالوقي» not «ك» + «الوقي», «منطقة ليجي» not
    «ل» + Yegyi of Ghana: a construct noun takes no «ل» before its name)."""
    first, last = _token_range(doc, e)
    tok = doc.tokens[first]
    if first == 0 or first != last or not tok.prefixes or tok.prefixes[0] not in ("و", "ك", "ل") \
            or e.span.start <= tok.start:
        return False        # («قرية بريف حلب», «مدينة وريف دمشق»: a preposition, or two nouns sharing one name)
    prev = doc.tokens[first - 1]
    role = _word_role(prev.stem) or _word_role(prev.norm)
    return bool(role and role[0] == "cue") and "ال" not in prev.prefixes and not prev.suffix \
        and prev.sentence == tok.sentence and not _text_gap(doc, first)


def _part_of_the_place_after(doc: Document, e: Entity, kb) -> bool:
    """«البلدة القديمة في جنين», «المدينة القديمة بالخليل»: a place word and a common adjective describe a part of
    whatever town is named right after them, joined by a preposition; the gazetteer's one place of that description
    (Jerusalem's Old City) is not meant."""
    words = [normalize_for_match(w) for w in e.text.split()]
    if len(words) != 2 or not words[0].startswith("ال") or (_word_role(words[0]) or ("",))[0] != "cue" \
            or kb.gazetteer.stoplist.get(name_key(words[1])) is None:
        return False
    for other in _entities_after(doc, e.span.end, _PARENT_AFTER_CHARS):
        between = doc.text[e.span.end:other.span.start]
        if other.candidates and between.strip() and _only_locating_words(between) and not set(between) & set(".؛:،,"):
            top = kb.gazetteer.place(other.candidates[0])
            return top is not None and top.feature in _SETTLEMENT | {"admin1", "admin2"}
    return False


def _dual_of_seas(doc: Document, e: Entity) -> bool:
    """«البحرين الأحمر والمتوسط», «مجمع البحرين العذب والمالح»: the dual of «بحر» followed by the seas'
    adjectives is two seas, not Bahrain."""
    _, last = _token_range(doc, e)
    if last + 1 >= len(doc.tokens) or doc.tokens[last + 1].sentence != doc.tokens[last].sentence:
        return False
    role = _word_role(doc.tokens[last + 1].norm)
    return bool(role and role[0] == "dual_of" and normalize_for_match(e.text).endswith(normalize_for_match(role[1])))


_INNER_MAX_WORDS = 3


def _in_the_story(c: PlaceCandidate, countries: list[str]) -> bool:
    """A candidate for a name after a place word: in one of the article's first three countries, or a big city of
    any country the article names («مطار العريش» in a story of aid to Gaza whose donors' nisbas, «كويتية»,
    «باكستانية», outvote Egypt)."""
    return c.country in countries[:3] or c.population >= _BIG_CITY and c.country in countries


def _inner_place(doc: Document, e: Entity, kb, countries: list[str]) -> tuple[list[PlaceCandidate], str, int] | None:
    """For a name headed by a place word the gazetteer lacks whole («منطقة العظيم», «مطار الضبعة العسكري
    الواقع»): the gazetteer's candidates in the article's countries for the longest run of words after the head
    that is no common word, the head's role
    (a cue's feature, or "fac") and where the place's name ends."""
    head, first, last = _leading_role(doc, e)
    if last <= first:
        return None
    if not head or head[0] not in ("cue", "facility"):
        return None
    kind = "fac" if head[0] == "facility" else head[1]
    if last - 1 > first and (country := country_of_adjective(doc.tokens[last].norm)) is not None:
        # «قرب منطقة الباب السورية»: the country's adjective closes the phrase; the name ends before it, in that
        # country
        last, countries = last - 1, [country]
    elif (longer := _name_running_on(doc, first, last, kb, countries)) is not None:
        return longer[0], kind, longer[1]
    for n in range(min(last, first + _INNER_MAX_WORDS), first, -1):
        start, end = doc.tokens[first + 1].start, doc.tokens[n].end
        name = doc.text[start:end]
        cands = [c for c in kb.gazetteer.candidates(name) if _in_the_story(c, countries)]
        if cands and (n == last or not _is_common_word(name)):
            return cands, kind, end     # a common word only as the whole rest of the name («منطقة العظيم»)
    return None


def _name_running_on(doc: Document, first: int, last: int, kb,
                     countries: list[str]) -> tuple[list[PlaceCandidate], int] | None:
    """«قرب منطقة أسكل آباد»: the mention stopped a word short of the name the gazetteer holds in the story's
    countries (the words after the place word and the next one, in the same sentence with nothing between); its
    candidates and where the name ends."""
    nxt = last + 1
    if nxt >= len(doc.tokens) or doc.tokens[nxt].sentence != doc.tokens[last].sentence or _text_gap(doc, nxt) \
            or doc.tokens[nxt].prefixes or nxt - first > _INNER_MAX_WORDS:
        return None
    start, end = doc.tokens[first + 1].start, doc.tokens[nxt].end
    cands = [c for c in kb.gazetteer.candidates(doc.text[start:end]) if _in_the_story(c, countries)]
    return (cands, end) if cands else None


@lru_cache(maxsize=1)
def _adjective_countries() -> dict[str, str]:
    """A country's adjective with the article, each gender and number («السورية», «العراقي») → its country."""
    out: dict[str, str] = {}
    for nisba in load_kb().actors.nisba:
        for form in nisba.forms:
            if " " not in form:
                out.setdefault("ال" + normalize_for_match(form), nisba.country)
    return out


def country_of_adjective(word: str) -> str | None:
    """The country a definite country adjective names («السورية» → SY), given a normalised word."""
    return _adjective_countries().get(word)


def _own_place_word(doc: Document, e: Entity, ctx: dict[str, str]) -> None:
    """«مخيم النصيرات», «مدينة الصدر» matched whole: the name's own first word is its place cue."""
    head, first, last = _leading_role(doc, e)
    if "cue" in ctx or last <= first:
        return
    if head and head[0] in ("cue", "facility"):
        ctx["cue"] = head[1] if head[0] == "cue" else "city"


def _share_list_context(doc: Document, e: Entity, ctx: dict[str, str],
                        list_ends: dict[int, tuple[dict[str, str], str]]) -> None:
    """A name joined by «و» right after a resolved place is the next item of one list: it takes the list's
    place word or preposition, and its country first («مدن نابلس ورام الله والخليل»)."""
    first, _ = _token_range(doc, e)
    if doc.tokens[first].prefixes[:1] != ["و"] or (first - 1) not in list_ends:
        return
    prev_ctx, country = list_ends[first - 1]
    if "cue" in prev_ctx and "cue" not in ctx:
        ctx["cue"] = prev_ctx["cue"]
    ctx.setdefault("preposition", prev_ctx.get("preposition", "list"))
    ctx.setdefault("in_country", country)
    if "resolved_at" in prev_ctx:
        ctx["list_point"] = prev_ctx["resolved_at"]


def _note_list_end(doc: Document, e: Entity, ctx: dict[str, str], country: str,
                   list_ends: dict[int, tuple[dict[str, str], str]], at: PlaceCandidate | Place | None = None) -> None:
    if at is not None and at.lat is not None and at.lon is not None:
        ctx["resolved_at"] = f"{at.lat},{at.lon}"      # (where the next item of the list should lie near)
    list_ends[_token_range(doc, e)[1]] = (ctx, country)


def _after_cue_words(doc: Document, kb, countries: list[str], refused: Sequence[Place] = ()) -> list[Place]:
    """Places the entity layer missed or read as something else, found by their cue: «مدينة عين عيسى»,
    «قرية أبو حمام», «بمنطقة الشيخ زويد» — the longest gazetteer name (up to three words) right after a
    place word, in one of the article's countries, not overlapping a place already found, nor one `refused`
    (a lone place abroad, which the same gazetteer reading would bring back)."""
    # (an index the loop adds to: a scan of every place per word read made long articles quadratic; issue 16)
    taken = GrowingIndex([(p.span.start, p.span.end) for p in [*doc.places, *refused]], _itself)
    out: list[Place] = []
    tokens = doc.tokens
    for k, tok in enumerate(tokens[:-1]):
        role = _word_role(tok.stem) or _word_role(tok.norm)
        if not role or not (role[0] == "cue" and role[1] in ("city", "village", "admin1", "area", "admin2", "neighbourhood")
                            or role[0] == "facility"):
            continue
        for n in range(min(len(tokens) - 1, k + _INNER_MAX_WORDS), k, -1):
            if tokens[n].sentence != tok.sentence:
                continue
            start, end = tokens[k + 1].start, tokens[n].end
            if _overlapping(taken, start, end):
                continue        # (a shorter name may end before the place found there)
            name = doc.text[start:end]
            if n == k + 1 and _heads_a_longer_name(doc, n, n):
                continue
            cands = [c for c in kb.gazetteer.candidates(name)
                     if _in_the_story(c, countries) and c.feature in _SETTLEMENT | {"admin1", "admin2"}
                     or c.feature == "region" and c.id.startswith("rasd:") and role[1] in ("admin1", "area")]
            # («منطقة جرود عرسال»: our regions, after an area word; «بلدة برقة» is a town, not Cyrenaica)
            frequent = _common_word_zipf_for(cands) if role[0] == "facility" else _COMMON_WORD_ZIPF
            if not cands or _is_common_word(name, frequent) or is_given_name(name):
                continue
            ctx = {"cue": role[1] if role[0] == "cue" else "city"}
            e = Entity(span=doc.span(start, end), text=name, type="GPE", source="cue")
            parent = _parent_named_after(doc, e, kb)
            if parent is not None and parent.feature != "country":
                ctx.update(_near_context(doc, e, parent, kb))
            best, reason = choose_candidate(cands, ctx, countries, name)
            if best is not None and _namesake_abroad_of_its_parent(best, ctx):
                best = None         # «بلدة الكرك في البقاع»: not Jordan's Karak
            if best is not None and "near" in ctx and best.population < _MEDIUM_CITY \
                    and _km_to_parent(best, ctx) > float(ctx["near_km"]):
                best = None         # «منطقة سوق الجمعة شرق العاصمة طرابلس»: not the village of that name 120 km off
            if best is not None and role[1] == "neighbourhood" and best.feature != "neighbourhood" \
                    and best.population < _MEDIUM_CITY and "near" not in ctx:
                best = None         # «حي الوعر»: a village of that name somewhere in the country is another place
            if best is not None and role[0] == "facility":
                # «في قصر قرطاج»: the facility, at the point of the place it is named after
                out.append(Place(span=doc.span(tok.stem_start, end), text=doc.text[tok.stem_start:end],
                                 name_en=best.name_en, lat=best.lat, lon=best.lon, country=best.country,
                                 admin1=best.admin1_en or best.admin1 or None, feature="fac", gazetteer_id=best.id,
                                 reason=f"a facility named after {best.name_en}"))
                taken.add((tok.stem_start, end))
            elif best is not None:
                out.append(_place(e, best, ctx, reason + " (after a place word)"))
                taken.add((start, end))
            break
        else:
            if role[0] == "cue" and (latin := _latin_after_cue(doc, kb, k, role[1], countries, taken)) is not None:
                out.append(latin)       # «مدينة والام» in a story of Niger: Ouallam, named only in Latin
                taken.add((latin.span.start, latin.span.end))
    return out


def _common_word_zipf_for(cands: list[PlaceCandidate]) -> float:
    """How frequent a name after a facility word may be before it is taken for a common word: a capital, a province
    or a big city is frequent in news because it is a place («مطار عدن», «ميناء عدن»: «عدن» is as frequent as a
    common word), so only a very common word is refused then. (Not after a cue word: «جماعة ولاية سيناء» names a
    group, and the province was then listed.)"""
    big = any(c.is_capital or c.feature == "admin1" or c.population >= _BIG_CITY for c in cands)
    return _VERY_COMMON_ZIPF if big else _COMMON_WORD_ZIPF


def _latin_after_cue(doc: Document, kb, k: int, cue: str, countries: list[str],
                     taken: GrowingIndex) -> Place | None:
    """The word or two right after the place word at token k, which no layer read as a name and the gazetteer
    does not hold in Arabic: the place of the article's country whose Latin name it transliterates
    (_latin_place's strict test), the one-word reading first."""
    if not countries or not any(p.country == countries[0] for p in doc.places):
        return None         # (a story whose first country no place of it names: too weak a ground to look in)
    tokens = doc.tokens
    if "ال" in tokens[k].prefixes and k + 1 < len(tokens) and tokens[k + 1].prefixes[:1] == ["و"]:
        return None         # «تواجهها المنطقة وعلى وجه الخصوص»: after «the region», «و» is «and», no name's letter
    for n in (k + 1, k + 2):
        # (a clitic on the word right after the place word is part of the name: «مدينة والام»; so is a «و» opening
        # its second word when the first alone names nothing: «منطقة تزي وزو» is Tizi Ouzou, not «تزي» and «زو»)
        if n >= len(tokens) or tokens[n].sentence != tokens[k].sentence \
                or n > k + 1 and tokens[n].prefixes not in ([], ["و"]) \
                or _text_gap(doc, n) or _overlapping(taken, tokens[k + 1].start, tokens[n].end):
            return None
        e = Entity(span=doc.span(tokens[k].stem_start, tokens[n].end), text=doc.text[tokens[k].stem_start:tokens[n].end],
                   type="GPE", source="cue")
        if (place := _latin_place(doc, e, {"cue": cue}, [], countries, kb)) is not None:
            return place
    return None


# prepositions after which an unknown word may be a place: the locating ones («في ماستونغ», «ضواحي لشكركاه», «بين
# أدوينزا وهيذاري»), not those of motion or relation («من», «إلى», «على», «نحو», «حول», «تجاه»), after which it is as
# often a person
_NOT_LOCATING = frozenset(normalize_for_match(w) for w in ("من", "إلى", "الى", "على", "نحو", "حول", "تجاه"))
_ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B))


def _unknown_word(doc: Document, n: int) -> bool:
    """Token n is one bare word no lexicon knows (no clitic, no suffix, Arabic letters only): a name written in
    Arabic letters, likely a foreign one («لشكركاه», «ماستونغ»), not an inflected common word («باعتبارها»)."""
    tok = doc.tokens[n]
    raw = doc.text[tok.start:tok.end]
    return not tok.prefixes and not tok.suffix and len(raw) >= 3 and set(raw) <= _ARABIC_LETTERS \
        and stem_zipf(lexicon_key(raw)) is None and not is_given_name(raw) and not _word_role(tok.norm)


def _longer_latin_name(doc: Document, e: Entity, cands: list[PlaceCandidate], kb) -> Place | None:
    """A name the gazetteer holds only abroad, followed by a bare word (no clitic, no place word), may be the first
    word of a longer name of the story's country that the gazetteer holds only in Latin: «مقاطعة ساري بل شمالي
    أفغانستان» is Sar-e Pul, not Sari (Iran) and «بل» («but»). The two words read whole by rasd.kb.latin's strict
    test, in the country named right after them, which holds no place of the first word's name."""
    first, last = _token_range(doc, e)
    n = last + 1
    if last - first > 1 or n >= len(doc.tokens) or doc.tokens[n].sentence != doc.tokens[last].sentence \
            or _text_gap(doc, n) or doc.tokens[n].prefixes or doc.tokens[n].suffix or _word_role(doc.tokens[n].norm) \
            or not set(doc.tokens[n].text) <= _ARABIC_LETTERS:
        return None
    start = doc.tokens[first + 1].start if _leading_role(doc, e)[0] and last > first else e.span.start
    end = doc.tokens[n].end
    longer = Entity(span=doc.span(start, end), text=doc.text[start:end], type=e.type, source="cue")
    home = _country_named_after(doc, longer, kb)
    if not home or any(c.country == home for c in cands):
        return None
    index = load_latin(str(kb.gazetteer.directory))
    hit = index.lookup(longer.text, (home,)) if index is not None else None
    if hit is None:
        return None
    return _transliterated_place(doc, longer.span.start, longer.span.end, hit, "transliteration of a longer name")


def _latin_after_locative(doc: Document, kb, countries: list[str], taken: GrowingIndex) -> list[Place]:
    """Unknown words right after a locating preposition («في», «قرب», «ضواحي»), which no layer read as a name:
    the place of the article's country whose Latin name they transliterate («وقعت في ماستونغ، وهي منطقة
    بإقليم بلوشستان»: Mastung), by the strict test of rasd.kb.latin. Two unknown words in a row are one name
    («في كهريز سانغ»), never its first word alone; only where the article places something in that country."""
    if not countries or not any(p.country == countries[0] for p in doc.places):
        return []
    index = load_latin(str(kb.gazetteer.directory))
    if index is None:
        return []
    tokens = doc.tokens
    out: list[Place] = []
    for k in range(len(tokens) - 1):
        prep = tokens[k]
        role = _word_role(prep.norm)
        if not role or role[0] != "preposition" or prep.norm in _NOT_LOCATING or prep.suffix \
                or tokens[k + 1].sentence != prep.sentence or _text_gap(doc, k + 1) or not _unknown_word(doc, k + 1):
            continue
        last = k + 1
        if last + 1 < len(tokens) and tokens[last + 1].sentence == prep.sentence and not _text_gap(doc, last + 1) \
                and _unknown_word(doc, last + 1):
            last += 1
        start, end = tokens[k + 1].start, tokens[last].end
        if _overlapping(taken, start, end) or last + 1 < len(tokens) and not _text_gap(doc, last + 1) \
                and _unknown_word(doc, last + 1):
            continue        # (three unknown words: no name this reads whole)
        name = doc.text[start:end]
        if kb.gazetteer.stoplist.get(name_key(name)) or kb.gazetteer.candidates(name):
            continue        # (a name the gazetteer holds in Arabic is the other rules' to read)
        hit = index.lookup(name, (countries[0],))
        if hit is None:
            continue
        out.append(_transliterated_place(doc, start, end, hit, "transliteration after a preposition"))
        taken.add((start, end))
    return out


def _last_place_before(doc: Document, by_start: list[Place], starts: list[int], tok, kinds: frozenset[str]) -> Place | None:
    """The last place of `kinds` (by start) ending before `tok`, within _ANAPHOR_SENTENCES sentences of it:
    looked for back from the token, stopping at the first place too far back (not a scan of every place per
    word; issue 16)."""
    for k in range(bisect_right(starts, tok.start) - 1, -1, -1):
        p = by_start[k]
        if tok.sentence - doc.sentence_at(p.span.start) >= _ANAPHOR_SENTENCES:
            return None     # (every place before it is as far or farther)
        if p.span.end <= tok.start and p.feature in kinds and p.lat is not None:
            return p
    return None


def _itself(bounds: tuple[int, int]) -> tuple[int, int]:
    return bounds


def _overlapping(taken: GrowingIndex, start: int, end: int) -> bool:
    """Whether a span of `taken` overlaps [start, end)."""
    return any(a < end and start < b for a, b in taken.overlapping(start, end))


def _text_gap(doc: Document, n: int) -> bool:
    """Punctuation between token n and the one before it (a name does not run over it)."""
    return bool(doc.text[doc.tokens[n - 1].end:doc.tokens[n].start].strip(" «»\"“”"))


_CAPITAL_WORD = "عاصمه"
_NOT_THE_CAPITAL = frozenset({"اداريه", "الاداريه", "جديده", "الجديده"})    # «العاصمة الإدارية الجديدة» (Egypt)


def _bare_capitals(doc: Document, kb, countries: list[str]) -> list[Place]:
    """«تظاهر المئات، الأحد، بالعاصمة»: «العاصمة» with no name after it is the capital of the country the
    article is about (its most mentioned one). With a name after it («العاصمة بغداد»), the name is the place."""
    if not countries:
        return []
    main_capital = kb.gazetteer.capital(countries[0])
    if main_capital is None:
        return []
    starts = {p.span.start for p in doc.places} | {p.span.start for p in doc.unresolved_places} \
        | {e.span.start for e in doc.entities}
    named_capitals = sorted((p.span.start, p.gazetteer_id) for p in doc.places
                            if p.feature == "city" and p.gazetteer_id and (cand := kb.gazetteer.place(p.gazetteer_id))
                            is not None and cand.is_capital)
    out: list[Place] = []
    tokens = doc.tokens
    for k, tok in enumerate(tokens):
        if tok.stem != _CAPITAL_WORD or "ال" not in tok.prefixes or tok.suffix:
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].sentence == tok.sentence else None
        if nxt is not None and (nxt.start in starts or nxt.stem in _NOT_THE_CAPITAL
                                or any(s in starts for s in (nxt.stem_start, nxt.start + 1))):
            continue        # «العاصمة بغداد», «العاصمة الإدارية»
        if nxt is not None and nxt.stem.endswith(("يه", "ي")) and "ال" in nxt.prefixes \
                and nxt.stem not in ("سوريه", "تركيه"):
            continue        # «العاصمة الليبية»: a nisba names the country, which may be another one
        start = tok.stem_start - 2      # «بالعاصمة» → «العاصمة»
        # the capital the article last named before it («في عمان ... الأجهزة الأمنية في العاصمة»), else the
        # capital of the country the article is about
        before = [gid for at, gid in named_capitals if at < start]
        capital = (kb.gazetteer.place(before[-1]) if before else None) or main_capital
        out.append(Place(span=doc.span(start, tok.end), text=doc.text[start:tok.end], name_en=capital.name_en,
                         lat=capital.lat, lon=capital.lon, country=capital.country,
                         admin1=capital.admin1_en or capital.admin1 or None, feature="city",
                         gazetteer_id=capital.id, reason="«العاصمة» alone: the capital the article named, or its country's"))
    return out


# «في قصف روسي على منطقة سكنية في المدينة»: a definite place word alone refers back to the last place of its
# kind told in the sentences just before
_ANAPHOR_SENTENCES = 3


@lru_cache(maxsize=1)
def place_anaphors() -> dict[str, frozenset[str]]:
    """data/place_anaphors.tsv: normalised place word → the features of the place it may refer back to."""
    return {normalize_for_match(r["word"]): frozenset(r["features"].split("|")) for r in read_tsv("place_anaphors.tsv")}


def _places_referred_back(doc: Document) -> list[Place]:
    """«المدينة», «البلدة», «القرية», «المخيم» with no name or adjective after it: the last place of that kind
    named in the same sentence or the two before it (its point, named by the word itself)."""
    starts = {p.span.start for p in doc.places} | {e.span.start for e in doc.entities}
    by_start = sorted(doc.places, key=lambda p: p.span.start)
    place_starts = [p.span.start for p in by_start]
    out: list[Place] = []
    tokens = doc.tokens
    for k, tok in enumerate(tokens):
        kinds = place_anaphors().get(tok.stem)
        if kinds is None or "ال" not in tok.prefixes or tok.suffix:
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].sentence == tok.sentence else None
        if nxt is not None and (nxt.start in starts or nxt.stem_start in starts or "ال" in nxt.prefixes):
            continue        # «المدينة القديمة», «المدينة المنورة», «البلدة حلب»: not a word referring back
        prev = tokens[k - 1] if k >= 1 and tokens[k - 1].sentence == tok.sentence else None
        role = (_word_role(prev.stem) or _word_role(prev.norm)) if prev is not None else None
        if role and role[0] in ("direction_prefix", "direction"):
            continue        # «شمال المدينة»: a part of the town, another place than the town's point
        antecedent = _last_place_before(doc, by_start, place_starts, tok, kinds)
        if antecedent is None:
            continue
        start = tok.stem_start - 2      # «بالمدينة» → «المدينة»
        out.append(antecedent.model_copy(update={
            "span": doc.span(start, tok.end), "text": doc.text[start:tok.end],
            "reason": f"«{doc.text[start:tok.end]}» refers back to «{antecedent.text}»"}))
    return out


_AFTER_ITS_PLACE_WORD = " (the name after its place word)"
_AGAIN_ZIPF = 3.5       # a word this frequent in use is read as a place only where the text says so
_AGAIN_FEATURES = frozenset({"city", "village", "town", "neighbourhood", "admin1", "admin2", "fac"})
_AGAIN_PREFIXES = frozenset({"و", "ف", "ب", "ل", "ال"})


def _places_named_again(doc: Document) -> list[Place]:
    """«في الطريق ما بين أبوزبد والفولة» where the article resolves «الفولة» elsewhere («في طريقها إلى الفولة»): a
    name resolved once is the same place wherever else the article writes it (one sense per story), though the
    entity stages missed the other mention or found no cue beside it. Only names no common word spells, and only
    the words no entity, place or unresolved place already covers."""
    names: dict[str, list[tuple[list[str], Place]]] = {}
    gazetteer = load_kb().gazetteer
    for p in doc.places:
        if p.lat is None or not p.gazetteer_id or p.feature not in _AGAIN_FEATURES \
                or not (p.reason or "").startswith("gazetteer"):
            continue
        rng = doc.token_range(p.span.start, p.span.end)
        if rng is None or doc.tokens[rng[0]].start != p.span.start and doc.tokens[rng[0]].stem_start != p.span.start \
                and doc.tokens[rng[0]].stem_start - 2 != p.span.start:
            continue        # a place read inside a word
        words = _name_words(doc, rng[0], rng[1] + 1)
        if words is None or words in (w for w, _ in names.get(words[0], [])):
            continue
        name = " ".join(words)
        if _is_common_word(name, _AGAIN_ZIPF) or _is_common_word(doc.tokens[rng[0]].stem, _AGAIN_ZIPF) \
                or p.gazetteer_id not in {c.id for c in gazetteer.candidates(name)}:
            # «على» read as a town, «المدينة» referring back to one, «منطقة إسقاط» (a word in use, read as a village
            # after its place word): names that may be something else where nothing beside them says place
            continue
        names.setdefault(words[0], []).append((words, p))
    if not names:
        return []
    # (a place mention the resolving loop refused — no cue beside it — is read as the place resolved elsewhere;
    # a longer name holding the words is another name)
    taken = GrowingIndex([(x.span.start, x.span.end) for x in doc.entities if x.type not in ("GPE", "LOC", "FAC")]
                         + [(x.span.start, x.span.end) for x in doc.places], _itself)
    refused = GrowingIndex([(x.span.start, x.span.end) for x in doc.unresolved_places], _itself)
    out: list[Place] = []
    tokens = doc.tokens
    for k, tok in enumerate(tokens):
        if tok.suffix or set(tok.prefixes) - _AGAIN_PREFIXES:
            continue
        for words, p in names.get(_first_word(tok), []):
            end = k + len(words)
            if end > len(tokens) or any(tokens[j].sentence != tok.sentence for j in range(k, end)) \
                    or any(_text_gap(doc, j) for j in range(k + 1, end)) or _name_words(doc, k, end) != words:
                continue
            start = tok.stem_start - (2 if "ال" in tok.prefixes else 0)
            if _overlapping(taken, start, tokens[end - 1].end) or any(
                    (a, b) != (start, tokens[end - 1].end) and a < tokens[end - 1].end and start < b
                    for a, b in refused.overlapping(start, tokens[end - 1].end)):
                continue
            taken.add((start, tokens[end - 1].end))
            out.append(p.model_copy(update={"span": doc.span(start, tokens[end - 1].end),
                                             "text": doc.text[start:tokens[end - 1].end],
                                             "reason": f"named again: «{p.text}» is resolved elsewhere in the article"}))
            break
    return out


def _overlapping_place(index: GrowingIndex, p: Place) -> bool:
    return any(q.span.start < p.span.end and p.span.start < q.span.end
               for q in index.overlapping(p.span.start, p.span.end))


def _first_word(tok) -> str:
    return ("ال" if "ال" in tok.prefixes else "") + tok.stem


def _name_words(doc: Document, first: int, end: int) -> list[str] | None:
    """The words of a name over tokens [first, end): the first without its clitics (its article kept), the
    rest as written; None when a word carries a pronoun."""
    toks = doc.tokens[first:end]
    if any(t.suffix for t in toks):
        return None
    return [_first_word(toks[0])] + [t.norm for t in toks[1:]]


_ADJECTIVE_ZIPF = 3.5


def _adjective_after_a_noun(doc: Document, e: Entity) -> bool:
    """«التنمية العمرانية», «المنطقة الصناعية»: one definite word in «ـية» right after a definite noun in «ـة» of the
    same sentence agrees with it as its adjective (El-Omraneyah, a district of Giza, is not named there)."""
    rng = doc.token_range(e.span.start, e.span.end)
    if rng is None or rng[0] != rng[1] or rng[0] == 0:
        return False
    tok, before = doc.tokens[rng[0]], doc.tokens[rng[0] - 1]
    return tok.prefixes == ["ال"] and tok.norm.endswith("يه") and before.sentence == tok.sentence \
        and "ال" in before.prefixes and before.norm.endswith("ه") and not before.suffix \
        and doc.text[before.end:tok.start].strip() == ""


def _kind_with_an_adjective(doc: Document, e: Entity) -> bool:
    """«حي سكني», «سوق شعبي»: a place word and an indefinite nisba adjective, a kind of place, not a name
    (names after «حي» carry the article or are rare words: «حي الأمل», «حي رفيديا»)."""
    rng = doc.token_range(e.span.start, e.span.end)
    if rng is None or rng[1] - rng[0] != 1:
        return False
    last = doc.tokens[rng[1]]
    return not last.prefixes and last.stem.endswith("ي") and (stem_zipf(lexicon_key(last.text)) or 0) >= _ADJECTIVE_ZIPF


_FAR_KM_FACTOR = 1.0


def _far_from_its_parent(best: PlaceCandidate, ctx: dict[str, str]) -> bool:
    """A village or small town of the country of the larger place named right after it, farther from that place than
    its villages lie (a namesake in another country says only that the place after it is no parent: «"يتما" و"بيتا"»
    lists two villages, whatever Malta's «بيتا» is)."""
    return "near" in ctx and ctx.get("near_country") == best.country and best.feature in _SETTLEMENT \
        and best.population < _MEDIUM_CITY \
        and _km_to_parent(best, ctx) > _FAR_KM_FACTOR * float(ctx["near_km"])


def _parent_by_locating_words(doc: Document, e: Entity, parent: PlaceCandidate) -> bool:
    """The larger place after a place is joined to it by nothing but a preposition, a place word or a direction
    («القبة في مدينة طرابلس», «الكرك في البقاع»): the text says the place lies in it."""
    for other in _entities_after(doc, e.span.end, _PARENT_AFTER_CHARS):
        if parent.id in other.candidates:
            return _only_locating_words(doc.text[e.span.end:other.span.start])
    return False


def _namesake_abroad_of_its_parent(best: PlaceCandidate, ctx: dict[str, str]) -> bool:
    """«منطقة القبة في مدينة طرابلس» (Lebanon), «بلدة الكرك في البقاع»: the text puts the place inside a larger place
    of another country than the reading the gazetteer offers (Libya's Qubba, Jordan's Karak), far from it; the
    place is another one of that name, which the gazetteer lacks, inside the larger place (`_locate_by_parent`)."""
    return "near" in ctx and "near_locating" in ctx and ctx.get("near_country") not in (None, best.country) \
        and not best.is_capital and best.feature not in ("country", "region", "water") \
        and best.population < _BIG_CITY and _km_to_parent(best, ctx) > float(ctx["near_km"])


def _locate_by_parent(e: Entity, resolved: list[Place]) -> Place | None:
    """A place refused for lying far from the larger place named right after it takes that place's point (its
    countryside's too: «بريف دير الزور الشرقي»), flagged approximate."""
    for p in sorted(resolved, key=lambda x: x.span.start):
        if p.feature in _SETTLEMENT | {"admin1", "admin2", "region"} and p.lat is not None \
                and 0 <= p.span.start - e.span.end <= _PARENT_AFTER_CHARS:
            return Place(span=e.span, text=e.text, name_en=e.name_en, lat=p.lat, lon=p.lon, country=p.country,
                         admin1=p.admin1, feature="approximate",
                         reason=f"not the namesake far off; placed at {p.text}, named right after it")
    return None


def _locate_by_city(doc: Document, e: Entity, resolved: list[Place]) -> Place | None:
    """A square/neighbourhood the gazetteer lacks takes the point of a city named right after it."""
    if e.source not in ("ner", "pattern") and not (e.source == "kb" and " " in e.text.strip()
                                                   and not _is_common_word(e.text)):
        return None         # a one-word KB name rejected as a common word is no place at all
    if _kind_with_an_adjective(doc, e):
        return None
    # the nearest place named after it is the finest: «قرية شرياف بمديرية القريشية بمحافظة البيضاء» lies at the
    # district's point, not the province's
    for p in sorted(resolved, key=lambda x: x.span.start):
        if p.feature in _SETTLEMENT | {"admin1", "admin2"} and 0 <= p.span.start - e.span.end <= 30:
            return Place(span=e.span, text=e.text, name_en=e.name_en, lat=p.lat, lon=p.lon, country=p.country,
                         admin1=p.admin1, feature="fac" if e.type == "FAC" else "neighbourhood",
                         reason=f"located by the city named after it ({p.text})")
    return None



_LATIN_WORD_ZIPF = 3.6     # a word Arabic text uses this often is that word before it is a foreign village
_LATIN_NEXT_ZIPF = 2.5     # an unknown word right after the name may be the rest of it («خيبر بختونخواه»)


def _latin_place(doc: Document, e: Entity, ctx: dict[str, str], cands: list[PlaceCandidate], countries: list[str],
                 kb) -> Place | None:
    """A name read as a place (after a place word, or a place the NER model is sure of) that the gazetteer
    does not know in the country the text gives (the country named with it, else the article's first): the
    place of that country whose Latin name it transliterates, when exactly one reads like it (rasd.kb.latin).
    Never a word Arabic text often uses, a given name or a stoplisted word, nor a name that may go on."""
    if e.type not in ("GPE", "LOC") or not ("cue" in ctx or e.source == "ner" and "ner-place" in ctx) \
            or ctx.get("cue") == "neighbourhood":
        return None         # «حي الدمينة»: a town's quarter is no village of that name somewhere in the country
    home = ctx.get("in_country") or (countries[0] if countries else "")
    if not home or any(c.country == home for c in cands):
        return None         # the gazetteer knows the name there: its own rules have decided
    head, first, last = _leading_role(doc, e)
    start = doc.tokens[first + 1].start if head and head[0] == "cue" and last > first else e.span.start
    name = doc.text[start:e.span.end]
    if len(name) < 3 or len(name.split()) > 3 or is_given_name(name) or kb.gazetteer.stoplist.get(name_key(name)) \
            or any(_is_common_word(w, _LATIN_WORD_ZIPF) for w in name.split()):
        return None
    nxt = doc.tokens[last + 1] if last + 1 < len(doc.tokens) else None
    if nxt is not None and nxt.sentence == doc.tokens[last].sentence and not nxt.prefixes and nxt.start == \
            doc.tokens[last].end + 1 and not _word_role(nxt.stem) and (stem_zipf(lexicon_key(nxt.stem)) or 0) < _LATIN_NEXT_ZIPF:
        return None
    index = load_latin(str(kb.gazetteer.directory))
    hit = index.lookup(name, (home,), ctx.get("cue", "")) if index is not None else None
    if hit is None or "near" in ctx and _km_to_parent(hit, ctx) > float(ctx["near_km"]):   # type: ignore[arg-type]
        return None
    return _transliterated_place(doc, start, e.span.end, hit, "transliteration", ctx.get("qualifier"))


def _transliterated_place(doc: Document, start: int, end: int, hit, why: str, qualifier: str | None = None) -> Place:
    """The place of text [start, end) read by its Latin name (a rasd.kb.latin hit), with how it was read."""
    return Place(span=doc.span(start, end), text=doc.text[start:end], name_en=hit.name_en, lat=hit.lat,
                 lon=hit.lon, country=hit.country, admin1=hit.admin1 or None, feature=hit.feature,
                 gazetteer_id=hit.id, qualifier=qualifier, reason=f"{why}: read as {hit.latin!r}", confidence=0.7)


# stage contract (rasd.pipeline): the layers this stage reads and the ones it writes
NEEDS = ("entities", "agents", "source")
ADDS = ("places", "unresolved_places")

_NEXT_DOOR_KM = 150.0


def _next_to_the_story(p: Place, main: str, kb) -> bool:
    """A place abroad within reach of a province of the country the article is about (Gaza beside Israel's
    Southern District): a border story, not a homonym from far away («الخمس» read in a story of Niger)."""
    if not main or p.lat is None or p.lon is None:
        return False
    return any(_km(p.lat, p.lon, lat, lon) <= _NEXT_DOOR_KM for lat, lon in kb.gazetteer.admin1_points(main))


def _provinces_named(doc: Document, kb, countries: list[str]) -> set[str]:
    """The admin-1 codes of the provinces and towns (10,000+) the article's place mentions read as first, in
    its three first countries."""
    out = set()
    for e in doc.entities:
        top = kb.gazetteer.place(e.candidates[0]) if e.type in ("GPE", "LOC") and e.candidates else None
        if top is not None and top.admin1 and top.country in countries[:3] \
                and (top.feature == "admin1" or top.feature in _SETTLEMENT and top.population >= _MEDIUM_CITY):
            out.add(top.admin1)
    return out


_SETTLEMENT_CUES = frozenset({"city", "village", "area", "neighbourhood"})


def _settlement_word_only(ctx: dict[str, str], best: PlaceCandidate) -> bool:
    """«قرية بيتا» in a Nigerian story (Pieta, Malta), «بلدة باما» (Pama, Burkina Faso): a settlement word says the
    name is a town or village, not which one; a small one abroad that only such a word anchors (no country, no
    larger place beside it) is as likely a homonym as a place the article names no country for."""
    return ctx.get("cue") in _SETTLEMENT_CUES and ctx.get("in_country") != best.country and "near" not in ctx \
        and best.feature in _SETTLEMENT and best.population < _BIG_CITY and not best.is_capital


_KNOWN_CAPITAL_POPULATION = 200_000


def _known_capital(c: PlaceCandidate | None) -> bool:
    """A capital news name bare («واشنطن», «المنامة»): of the Middle East, or a city of some size. The capital of a
    small country far away is more often a word of the same letters («عشت يا وطني أبيّا» is no Apia, Samoa;
    «صحيفة ذي ديلي نيشن» no Dili)."""
    return c is not None and c.is_capital and (is_mena(c.country) or c.population >= _KNOWN_CAPITAL_POPULATION)


def _drop_lone_foreign_places(doc: Document, kb, anchored: set[int], main: str,
                              word_only: dict[int, str] | None = None) -> list[Place]:
    """«اقتتال قبلي» in a Sudanese story (Kebili, Tunisia), «خبر» (Khobar), «المنصورة» in a Syrian one: a town
    or province abroad that is the only place of its country, in a country the article never names (no country
    name, no nisba, no forces of it), with no place word, country or parent place beside it, is far more often a
    common word or a homonym than the one foreign place of the story. Capitals and regions stay («واشنطن»).
    A small settlement only its place word anchors (`word_only`, start → cue) is such a homonym when the article's
    own country has a place its Latin name reads like («بلدة باما» in a Nigerian story: Bama, not Pama of Burkina
    Faso; it takes that place), and after a village word even without one («قرية بيتا»: not Pieta, Malta): a city
    word may introduce a town abroad («مدينة X»), a village word hardly one in a country the story never names.
    Returns the places dropped."""
    named = {p.country for p in doc.places if p.feature == "country"} \
        | {a.country for a in doc.agents if a.country} \
        | {e.country for e in doc.entities if e.type == "PERSON" and e.country}
    counts = Counter(p.country for p in doc.places if p.country)
    few = len(counts) < 2       # (one country's places only: no place abroad is lone, unless only a word anchors it)
    if few and not word_only:
        return []
    lone: list[Place] = []
    at_home: dict[int, Place] = {}     # id of a place dropped → the place at home its Latin name reads like
    for p in doc.places:
        if p.country and _next_to_the_story(p, main, kb):
            continue        # «على حدود غزة» in a story of Israel: a place next door to the country the story is about
        if not (p.country and p.country not in named and counts[p.country] == 1
                and p.feature not in ("country", "region", "water") and p.gazetteer_id
                and not _known_capital(kb.gazetteer.place(p.gazetteer_id))):
            continue
        if p.span.start not in anchored:
            if not few:
                lone.append(p)
        elif p.span.start in (word_only or {}):
            cue = (word_only or {})[p.span.start]
            name = Entity(span=p.span, text=p.text, type="GPE", source="cue")
            home = _latin_place(doc, name, {"cue": cue}, [], [main], kb) if main else None
            if home is not None:
                at_home[id(p)] = home
            if home is not None or cue == "village":
                lone.append(p)
    if not lone:
        return []
    gone = {id(p) for p in lone}
    doc.places = [p for p in doc.places if id(p) not in gone] + list(at_home.values())
    for p in lone:
        home = at_home.get(id(p))
        if home is None:
            doc.unresolved_places.append(p.model_copy(update={
                "lat": None, "lon": None, "country": None, "gazetteer_id": None, "confidence": 0.3,
                "reason": f"a lone place abroad ({p.name_en}, {p.country}) in a country the article never names"}))
        for e in doc.entities:
            if e.span.start == p.span.start and e.country == p.country:
                e.kb_id, e.country = (home.gazetteer_id, home.country) if home is not None else (None, None)
    return lone


def run(doc: Document) -> None:
    if not doc.entities:
        return
    kb = load_kb()
    _add_court_seats(doc, kb)
    votes = country_votes(doc, kb)
    before = (list(doc.places), list(doc.unresolved_places), [shallow_copy(e) for e in doc.entities])
    located = _resolve(doc, kb, votes)
    top = {cc for cc, _ in votes.most_common(3)}
    unnamed = Counter(cc for cc in located if cc not in top)
    if unnamed:
        # «في مدينة الخليل ... بلدة يطا» in a story that names no country, or only Kuwait by a nisba: the
        # countries of the places the text itself locates (a place word, a country or a larger place beside
        # them) are countries the article is about; resolve again with them among its countries
        doc.places, doc.unresolved_places, doc.entities = before
        _resolve(doc, kb, votes + unnamed)


_SEAT_POPULATION = 50_000     # a court is named after a town of some size or a province, not a hamlet


def _add_court_seats(doc: Document, kb) -> None:
    """«قضت محكمة جنايات الإسماعيلية»: the organisations stage reads the court's whole name as one ORG, and the
    town at its end is then no place mention at all; a court sits in the town it is named after, so that town
    is added as a place mention inside the name (seat_head words of data/place_words.tsv)."""
    added = []
    for e in doc.entities:
        if e.type != "ORG":
            continue
        first, last = _token_range(doc, e)
        end = last + 1
        if end - first < 2 or (_word_role(doc.tokens[first].stem) or ("",))[0] != "seat_head":
            continue
        seat = _seat_in_name(doc, kb, first + 1, end)
        if seat is not None:
            added.append(seat)
    if added:
        doc.entities.extend(added)
        doc.entities.sort(key=lambda x: x.span.start)


def _seat_in_name(doc: Document, kb, first: int, end: int) -> Entity | None:
    """The longest run of words after the court word that the gazetteer holds as a province, a capital or a town
    of some size."""
    tokens = doc.tokens
    for s in range(first, end):
        if set(tokens[s].prefixes) - {"ال"}:
            continue
        for t in range(end, s, -1):
            start = tokens[s].start
            text = doc.text[start:tokens[t - 1].end]
            cands = [c for c in kb.gazetteer.candidates(text)
                     if c.feature in ("admin1", "admin2") or c.is_capital or c.population >= _SEAT_POPULATION]
            if cands:
                return Entity(span=doc.span(start, tokens[t - 1].end), type="GPE", text=text, name_en=cands[0].name_en,
                              kb_id=cands[0].id, canonical=cands[0].name_ar, country=cands[0].country,
                              candidates=[c.id for c in cands], source="kb")
    return None


def _resolve(doc: Document, kb, votes: Counter[str]) -> list[str]:
    """Resolve every place mention with the article's country votes; the countries of the places resolved
    with an anchor of their own (a place word, a country or a larger place beside them), one per place."""
    countries = [cc for cc, _ in votes.most_common()]
    unresolved: list[Entity] = []
    # «في محافظات نابلس ورام الله والخليل»: the end token of each place resolved, with its context and country,
    # so that a place listed after it with «و» shares its cue, preposition and country
    list_ends: dict[int, tuple[dict[str, str], str]] = {}
    ships: list[Entity] = []
    anchored: set[int] = set()      # starts of the mentions a place word, a country or a parent place anchors
    word_only: dict[int, str] = {}  # ... of those, the small settlements only a settlement word anchors: its cue
    split_off: set[int] = set()     # mentions read after a clitic that cannot stand where it was split off
    far: set[int] = set()           # mentions whose namesakes all lie far from the larger place named after them
    provinces_placed = _provinces_named(doc, kb, countries)
    for e in doc.entities:
        if e.type not in ("GPE", "LOC", "FAC"):
            continue
        if _names_a_ship(doc, e):
            ships.append(e)
            continue
        ctx = _context(doc, e)
        if _is_dateline_mention(doc, e):
            ctx["cue"] = "city"     # «تونس- (أ ف ب)»: a dateline names the city the report is filed from
        country_after = _country_named_after(doc, e, kb)
        if country_after:
            ctx["in_country"] = country_after
        parent = _parent_named_after(doc, e, kb)
        if parent is not None and parent.feature != "country" and not _two_capitals(e, parent, kb):
            ctx.update(_near_context(doc, e, parent, kb))
        if e.confidence >= 1.0:
            ctx["ner-place"] = "yes"
        if _adjective_after_a_noun(doc, e):
            ctx["adjective_of"] = "yes"
        if (alone := _only_its_own_vote(doc, e, votes, kb)) is not None:
            ctx["own_vote_only"] = alone
        if _dual_of_seas(doc, e):
            continue            # «البحرين الأحمر والمتوسط»: two seas, not Bahrain
        first, last = _token_range(doc, e)
        if _heads_a_longer_name(doc, first, last) or _ends_a_longer_name(doc, first) \
                or _opens_an_idiom(doc, first, last) or _adjective_after_a_place_word(doc, e, first, last, kb):
            unresolved.append(e)
            continue
        if _part_of_the_place_after(doc, e, kb):
            unresolved.append(e)    # («بالبلدة القديمة في جنين»: the old town of Jenin; `_locate_by_city` below)
            continue
        if _after_the_particle_ka(doc, e) or _clitic_after_construct_cue(doc, e):
            # «كمينا» (an ambush) is not «ك» + «مينا» (Minna), nor «كفردان» Verdun; «مدينة والام» is Ouallam,
            # not «و» + Ilam
            unresolved.append(e)
            split_off.add(id(e))
            continue
        _share_list_context(doc, e, ctx, list_ends)
        _own_place_word(doc, e, ctx)
        if (_word_role(normalize_for_match(e.text.strip())) or ("",))[0] == "cue":
            ctx.pop("cue", None)    # «ضمن أحياء المدينة»: «the city» after a place word is no name (Medina, SA)
        cands = [c for c in (kb.gazetteer.place(i) for i in e.candidates) if c is not None]
        if kb.gazetteer.stoplist.get(name_key(e.text)) == "context":
            # the stoplist's «context» words («مالي» financial, «كيف» how) need a place cue or a preposition
            cands = [replace(c, flags=c.flags | {"common-word"}) for c in cands]
        if not cands and e.source != "kb":
            cands = kb.gazetteer.candidates(e.text)     # «صعده»: a name the NER model found, spelt as the gazetteer has it
        if countries and not any(c.country in countries[:3] for c in cands) and e.text.startswith("ال") \
                and "cue" in ctx:
            # «البارة» in a Syrian story: the gazetteer writes the village «بارة», without the article
            cands = [c for c in kb.gazetteer.candidates(e.text[2:]) if c.country in countries[:3]] or cands
        inner = None
        if not cands or (countries and not any(c.country in countries[:3] for c in cands)):
            # «منطقة العظيم», «مطار الضبعة العسكري»: a place word heads a name the gazetteer holds without it;
            # «مدينة زنجبار» in a Yemeni story: the gazetteer holds the whole name only for Zanzibar
            inner = _inner_place(doc, e, kb, countries)
            if inner is not None:
                cands, head = inner[0], inner[1]
                ctx["cue"] = "city" if head == "fac" else head
        if provinces_placed:
            ctx["article_admin1"] = ";".join(sorted(provinces_placed))
        if (longer := _longer_latin_name(doc, e, cands, kb)) is not None:
            doc.places.append(longer)
            e.kb_id, e.country = longer.gazetteer_id, longer.country
            _note_list_end(doc, e, ctx, longer.country or "", list_ends, longer)
            continue
        best, reason = choose_candidate(cands, ctx, countries, e.text)
        if best is not None and (_far_from_its_parent(best, ctx) or _namesake_abroad_of_its_parent(best, ctx)):
            # «بلدة الصبحة بريف دير الزور الشرقي» with only a Sabha 260 km off in the gazetteer: another village of the
            # name; it lies where the larger place named with it is (`_locate_by_parent` below)
            best, reason = None, "a small place of that name far from the larger place named right after it"
            far.add(id(e))
        unique_at_home = bool(countries) and [c.country for c in cands].count(countries[0]) == 1 \
            and best is not None and best.country == countries[0] or reason.endswith(_IN_A_PROVINCE_NAMED)
        if best is not None and inner is not None and best.population < _MEDIUM_CITY and best.feature in _SETTLEMENT \
                and ("near" in ctx and _km_to_parent(best, ctx) > float(ctx["near_km"])
                     or "near" not in ctx and not unique_at_home):
            # «منطقة سوق الجمعة شرق العاصمة طرابلس»: a village of that name 120 km away is another one
            best, reason = None, "a village's name inside a longer name, not beside the larger place named with it"
        if best is not None and inner is not None and inner[1] == "neighbourhood" and best.feature != "neighbourhood" \
                and best.population < _MEDIUM_CITY and "near" not in ctx:
            # «حي المنصور وسط العاصمة»: a town's quarter, not a village of that name elsewhere in the country
            best, reason = None, "a quarter's name that the gazetteer holds only as a village"
        if best is not None and inner is not None:
            end = inner[2]
            if inner[1] == "fac":
                doc.places.append(Place(span=doc.span(e.span.start, end), text=doc.text[e.span.start:end],
                                        name_en=best.name_en,
                                        lat=best.lat, lon=best.lon, country=best.country,
                                        admin1=best.admin1_en or best.admin1 or None, feature="fac",
                                        gazetteer_id=best.id, reason=f"a facility named after {best.name_en}"))
            else:
                name_start = doc.tokens[_token_range(doc, e)[0] + 1].start    # «منطقة سوق الجمعة» → «سوق الجمعة»
                named = Entity(span=doc.span(name_start, end), text=doc.text[name_start:end], type=e.type)
                doc.places.append(_place(named, best, ctx, reason + _AFTER_ITS_PLACE_WORD))
            e.kb_id, e.name_en, e.country = best.id, best.name_en, best.country
            _note_list_end(doc, e, ctx, best.country, list_ends, best)
            continue
        if best is None and (latin := _latin_place(doc, e, ctx, cands, countries, kb)) is not None:
            doc.places.append(latin)     # «قرية كارو» in a Malian story: a place GeoNames names only in Latin
            e.kb_id, e.country = latin.gazetteer_id, latin.country
            _note_list_end(doc, e, ctx, latin.country or "", list_ends, latin)
            continue
        if best is None and (inside := _city_after_direction(doc, e, kb)) is not None:
            doc.places.append(inside)   # «طريق وسط بيروت»: the district the gazetteer holds is refused, its city is not
            e.kb_id, e.country = inside.gazetteer_id, inside.country
            _note_list_end(doc, e, ctx, inside.country or "", list_ends, inside)
            continue
        if best is None:
            unresolved.append(e)
            if e.source != "kb" or "cue" in ctx or "ner-place" in ctx:
                # a likely place we cannot put on the map; a common word the gazetteer also holds is dropped
                doc.unresolved_places.append(Place(span=e.span, text=e.text, name_en=e.name_en, reason=reason,
                                                   confidence=0.3))
            continue
        if "cue" in ctx or ctx.get("in_country") == best.country \
                or "near" in ctx and _km_to_parent(best, ctx) <= 2 * float(ctx["near_km"]):
            anchored.add(e.span.start)
            if _settlement_word_only(ctx, best):
                word_only[e.span.start] = ctx["cue"]
        direction = ctx.get("direction_prefix")
        if "countryside" in ctx and best.feature not in ("admin1", "region", "country"):
            doc.places.append(_countryside(doc, e, best, int(ctx["countryside"]), ctx))
        elif direction and best.feature == "admin1" and "direction_start" in ctx \
                and (region := _region_of_province(doc, e, best, direction, int(ctx["direction_start"]), kb)):
            doc.places.append(region)
            doc.places.append(_place(e, best, {}, reason + "; the province of a direction phrase"))
        elif direction and best.feature == "country" and "direction_start" in ctx:
            doc.places.append(_region_of_country(doc, e, best, direction, int(ctx["direction_start"]), kb))
            doc.places.append(_place(e, best, {}, reason + "; the country of a direction phrase"))
        elif "qualifier" in ctx and (part := _part_of_province(doc, e, best, ctx["qualifier"], kb)) is not None:
            doc.places.append(part)
        else:
            doc.places.append(_place(e, best, ctx, reason))
            country = _country_in_region_name(doc, e, best, kb)
            if country is not None:
                doc.places.append(country)
        e.kb_id, e.name_en, e.country = best.id, best.name_en, best.country
        _note_list_end(doc, e, ctx, best.country, list_ends, best)
    lone = _drop_lone_foreign_places(doc, kb, anchored, countries[0] if countries else "", word_only)
    # (a small settlement only its place word anchors makes no country the article's when it names others)
    sure = anchored - set(word_only) if countries else anchored
    anchored_in = [p.country for p in doc.places if p.span.start in sure and p.country]
    after_cue = _after_cue_words(doc, kb, countries, lone)
    anchored_in += [p.country for p in after_cue if p.country]
    doc.places.extend(after_cue)
    taken_spans = GrowingIndex([(p.span.start, p.span.end) for p in [*doc.places, *lone]]
                               + [(x.span.start, x.span.end) for x in doc.entities], _itself)
    doc.places.extend(_latin_after_locative(doc, kb, countries, taken_spans))
    doc.places.extend(_bare_capitals(doc, kb, countries))
    doc.places.extend(_places_referred_back(doc))
    # (added after the loop below: a name read again is no city for `_locate_by_city` to place the words before it
    # by — «مراسل درعا 24»)
    again = {(p.span.start, p.span.end): p for p in _places_named_again(doc)}
    placed: set[int] = set()
    # the places near e by an index that grows with the places added here, not all places per name, and the
    # unresolved places taken off in one pass at the end (issue 16)
    index = GrowingIndex(doc.places, lambda x: (x.span.start, x.span.end))
    taken: set[tuple[int, int, str]] = set()
    for e in unresolved:
        if id(e) in split_off:
            continue
        if (e.span.start, e.span.end) in again:
            taken.add((e.span.start, e.span.end, e.span.text))
            placed.add(id(e))       # (the mention is the place named again: it stays an entity)
            continue
        near = index.overlapping(e.span.start, max(e.span.end, e.span.start + 1))
        if any(p.span.start < e.span.end and e.span.start < p.span.end for p in near):
            taken.add((e.span.start, e.span.end, e.span.text))
            continue
        after = index.overlapping(e.span.end, e.span.end + 31)
        located = _locate_by_parent(e, after) if id(e) in far else _locate_by_city(doc, e, after)
        if located is not None:
            index.add(located)
            taken.add((e.span.start, e.span.end, e.span.text))
            placed.add(id(e))
    doc.places.extend(p for p in again.values() if not _overlapping_place(index, p))
    if taken:
        doc.unresolved_places = [p for p in doc.unresolved_places
                                 if (p.span.start, p.span.end, p.span.text) not in taken]
    # a mention the gazetteer could only read as a common word is not a named place at all
    dropped = {id(e) for e in unresolved if e.source == "kb" and id(e) not in placed} | {id(e) for e in ships}
    doc.entities = [e for e in doc.entities if id(e) not in dropped]
    restore_withheld(doc, [e for e in unresolved if id(e) in dropped])     # (entities stage: names held back)
    doc.places.sort(key=lambda p: p.span.start)
    return anchored_in
