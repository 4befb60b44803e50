"""English names that read like English: one convention for every Arabic name rasd writes in English.

- The generic head of a name is translated from a table (data/english/name_translations.tsv):
  «مستشفى الشفاء» → "al-Shafa Hospital", «وزارة الدفاع» → "Ministry of Defence", «قوات الأمن العراقية» →
  "Iraqi security forces" (nisba adjectives from the KB's nisba table go in front).
- Everything else is romanised by one rule (`romanize`): the readable transliteration of
  rasd.extract.transliterate, with no diacritics and «ال» written "al-".
- Latin names from the gazetteer and the actor files keep their spelling but lose their diacritics
  (`plain`: "Khān Yūnis" → "Khan Yunis").

The same functions name entities (rasd.extract.transliterate), analyst actors (rasd.extract.actor_codes) and
export rows, so the record, the map, the CSV and the API agree.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.kb.keys import name_key
from rasd.kb.tsv import numbered_rows

DATA = Path(__file__).parent / "data" / "english"
ORDERS = ("before", "after", "word")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_WORD = re.compile(r"[\u0621-\u064a\u0671\u0640\u064b-\u0652\w]+")
# letters NFKD leaves alone: ayn/hamza marks go, dotless and stroked letters become plain ones
_LATIN_FOLD = str.maketrans({"ʿ": "", "ʾ": "", "‘": "'", "’": "'", "ʼ": "'", "ı": "i", "ł": "l", "Ł": "L",
                             "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE"})


@dataclass(frozen=True)
class Head:
    english: str
    order: str          # before | after | word


def plain(name: str | None) -> str:
    """A Latin name without diacritics: "Khān Yūnis" → "Khan Yunis", "Ḩalab" → "Halab"."""
    if not name:
        return ""
    folded = unicodedata.normalize("NFKD", name.translate(_LATIN_FOLD))
    return " ".join("".join(ch for ch in folded if not unicodedata.combining(ch)).split())


def romanize(arabic: str) -> str:
    """The one romanisation convention: readable letters, no diacritics, «ال» → "al-"."""
    from rasd.extract.transliterate import romanize_letters
    return plain(romanize_letters(arabic))


@lru_cache(maxsize=1)
def translations(path: Path = DATA / "name_translations.tsv") -> dict[tuple[str, ...], Head]:
    """Normalised word tuple → Head; each head is indexed with and without the article of its first word."""
    table: dict[tuple[str, ...], Head] = {}
    for lineno, cells in numbered_rows(path):
        if len(cells) != 3 or cells[2] not in ORDERS or not _ARABIC.search(cells[0]) or not cells[1].strip():
            raise ValueError(f"{path.name}:{lineno}: expected arabic, english, order ({'|'.join(ORDERS)})")
        words = tuple(name_key(cells[0]).split())
        head = Head(cells[1].strip(), cells[2])
        for key in _article_forms(words):
            table.setdefault(key, head)
    return table


def _article_forms(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    first = words[0]
    if first.startswith("ال") and len(first) > 3:
        return [words, (first[2:],) + words[1:]]
    return [words, ("ال" + first,) + words[1:]]


@lru_cache(maxsize=1)
def nisba_adjectives() -> dict[str, str]:
    """Every nisba form (with and without «ال», normalised) → English adjective ("Iraqi")."""
    from rasd.kb.actors import default_actors
    out: dict[str, str] = {}
    for n in default_actors().nisba:
        for form in n.forms:
            key = name_key(form)
            out.setdefault(key, n.name_en_adj)
            if " " not in key:
                out.setdefault("ال" + key, n.name_en_adj)
    return out


@lru_cache(maxsize=20_000)
def _place_name(key: str) -> str:
    """The gazetteer's English name of a country, province or city named `key` ("" if none, or no KB)."""
    try:
        from rasd.kb import load_kb
        cands = load_kb().gazetteer.candidates(key)
    except Exception:       # no built gazetteer (unit tests of the table): romanise instead
        return ""
    best = cands[0] if cands else None
    if best is None or "common-word" in best.flags or best.feature not in ("country", "admin1", "city"):
        return ""
    return plain(best.name_en)


def _longest(words: list[str], i: int, table: dict) -> tuple[int, Head | None]:
    for n in range(min(4, len(words) - i), 0, -1):
        head = table.get(tuple(words[i:i + n]))
        if head is not None:
            return n, head
    return 0, None


@lru_cache(maxsize=20_000)
def english_name(text: str) -> str:
    """An Arabic name in English (see the module doc); a Latin name only loses its diacritics."""
    if not text or not _ARABIC.search(text):
        return plain(text)
    surface = [w for w in _WORD.findall(text) if _ARABIC.search(w) or w.isalnum()]
    keys = [name_key(w) for w in surface]
    table, nisba = translations(), nisba_adjectives()
    head: Head | None = None
    adjectives: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(keys):
        n, found = _longest(keys, i, table)
        if found is not None and found.order != "word" and head is None:
            head, i = found, i + n
            continue
        if head is not None and keys[i] in nisba:
            adjectives.append(nisba[keys[i]])
        elif found is not None:
            rest.append(found.english)
            i += n
            continue
        elif head is not None and (place := _place_name(keys[i])):
            rest.append(place)      # «جامعة دمشق» → "Damascus University"
        else:
            rest.append(romanize(surface[i]))
        i += 1
    if head is None:
        return " ".join(p for p in rest if p)
    parts = adjectives + ([head.english] + rest if head.order == "before" else rest + [head.english])
    return " ".join(p for p in parts if p)


@lru_cache(maxsize=1)
def acled_country_names() -> dict[str, str]:
    """ISO2 → the name ACLED uses where it differs from CLDR's English name (data/english/acled_country_names.tsv)."""
    rows: dict[str, str] = {}
    lines = [ln for ln in (DATA / "acled_country_names.tsv").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    for line in lines[1:]:   # first non-comment line is the header
        key, value = line.split("\t")
        rows[key] = value
    return rows


@lru_cache(maxsize=512)
def country_name(iso2: str | None) -> str:
    """The English country name analysts filter by: ACLED's spelling, else CLDR's ("" for none)."""
    if not iso2:
        return ""
    iso2 = iso2.upper()
    if iso2 in acled_country_names():
        return acled_country_names()[iso2]
    from babel import Locale
    return plain(Locale("en").territories.get(iso2, iso2))


def place_english(arabic: str) -> str:
    """A place's English name: the gazetteer's best candidate (plain), else `english_name`."""
    return _place_name(name_key(arabic)) or english_name(arabic)


def _fold(name: str) -> str:
    return " ".join(plain(name).casefold().replace("-", " ").split())


def actors_named(actors, name: str) -> list[str]:
    """Ids of the KB actors and generic agents whose English name or English alias is `name` (case,
    diacritics and hyphens ignored): "Hayat Tahrir al-Sham", "HTS", "security forces"."""
    wanted = _fold(name)
    hits = [a.id for a in actors.actors.values()
            if wanted in {_fold(a.name_en)} | {_fold(x) for x in a.aliases_en}]
    hits += [g.id for g in actors.agents.values() if wanted in (_fold(g.name_en), _fold(g.name_en) + "s")]
    return hits


def acled_actor_named(name: str) -> tuple[str, str, int] | None:
    """An ACLED-style actor name read back: "Military Forces of Syria" → (its actor id as stage actor_codes
    writes it, "acled:military_forces_of_syria"; ISO2 "SY"; inter 1), from the actor_codes table's templates
    and ACLED country names; None when no template fits."""
    from rasd.extract.actor_codes import rules
    wanted = _fold(name)
    by_country = {_fold(country_name(cc)): cc for cc in _all_countries()}
    for key, rule in rules().items():
        if "{country}" not in rule.acled_name:
            continue
        head, _, tail = rule.acled_name.partition("{country}")
        h, t = _fold(head), _fold(tail)
        if wanted.startswith(h) and wanted.endswith(t):
            cc = by_country.get(wanted[len(h):len(wanted) - len(t)].strip(" ()"))
            if cc:
                full = rule.acled_name.format(country=country_name(cc), name="")
                return "acled:" + re.sub(r"[^a-z0-9]+", "_", full.lower()).strip("_"), cc, rule.inter
    return None


@lru_cache(maxsize=1)
def _all_countries() -> tuple[str, ...]:
    from babel import Locale
    return tuple(k for k in Locale("en").territories if isinstance(k, str) and len(k) == 2 and k.isalpha())
