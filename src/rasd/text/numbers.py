"""Numbers in Arabic news text: digits in three scripts, number words, duals, vague quantities, ranges.

`find_numbers(text, tokens)` reads every quantity of an article into a `NumberMention` whose span points
into the original text:

- digits: Western, Eastern Arabic (٠-٩) and Persian (۰-۹); «٫» and a single «.» are decimal points,
  «٬» and «,» before three digits are thousands separators («1,200», «١٬٢٠٠»), «,» before one or two digits
  is a Maghreb decimal comma («2,5 مليون»). Numeric dates and clock times (12/3/2024, 10:30) are not counts.
  A scale word after digits multiplies them («3 آلاف» = 3000, «1.5 مليون»).
- words (number_words.tsv), with clitics («وخمسة», «بثلاثة», «لعشرين») and both genders and cases,
  composed by Arabic's order: unit and tens joined by و («خمسة وعشرين» = 25), teens juxtaposed
  («اثنا عشر»), hundreds («ثلاثمائة», «ثلاث مئة»), scales multiplying («عشرين ألفا») and adding («ألف ومئتين»).
  Ordinals («الثالث», «الحادي عشر») are read so that they are not mistaken for counts, and never emitted.
- duals of counted nouns (counted_nouns.tsv): «شخصين» = 2 (kind "dual"); «مدنيين» is a plural and is not.
- a singular counted noun right after a casualty word: «قُتل عنصر» = 1 (kind "singular"); the casualties
  code can ask the same question of any token with `singular_count_at`.
- vague quantities (vague_quantities.tsv): «عشرات» 10, «مئات» 100, «آلاف» 1000, «بضعة» 3..9, approximate.
- cues (number_cues.tsv): «نحو/حوالي» approximate, «ما لا يقل عن» low bound, «أكثر من», «أقل من»,
  ranges «بين 10 و15» and «10 إلى 15» (value = the lower figure, as ACLED records), percentages
  («%», «٪», «في المئة»), and years (1900-2100 after «عام/سنة/منذ» or a month name, or before «م/هـ»).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Literal

from pathlib import Path

from rasd.document import NumberMention, Span, Token
from rasd.text.normalize import normalize_for_match

DATA_DIR = Path(__file__).parent / "data"

_D = "0-9٠-٩۰-۹"
# A digit run with its separators; not glued to Latin letters or hyphenated to a word (F16, S-300, كوفيد-19).
# (written to begin with the digit class, the lookbehinds then reading the character before it: a pattern that
# begins with a class is searched for by that class, not tried at every character — 0.5 ms of each 5,000-character
# text; issue 16. The same matches: every span compared on the 2,976 news articles and every test set)
_DIGITS = re.compile(rf"[{_D}](?<![A-Za-z{_D}][{_D}])(?<![^\W\d_]-[{_D}])[{_D}]*(?:[.,٫٬][{_D}]+)*(?![{_D}]|[A-Za-z])")
# Numeric dates, day-month pairs, fractions and clock times: their digits are not counts.
# (the first digit outside the alternatives, as `_DIGITS` begins with its class)
_NOT_COUNT = re.compile(
    rf"[{_D}](?:[{_D}]{{0,3}}/[{_D}]{{1,2}}(?:/[{_D}]{{1,4}})?(?![{_D}])"   # 12/3/2024, 12/3, 3/4
    rf"|[{_D}]{{0,3}}-[{_D}]{{1,2}}-[{_D}]{{1,4}}(?![{_D}])"                # 2024-03-12, 12-3-2024
    rf"|[{_D}]?\.[{_D}]{{1,2}}\.[{_D}]{{2,4}}(?![{_D}])"                    # 12.3.2024
    rf"|[{_D}]?:[{_D}]{{2}})")                                               # 10:30
_PERCENT_SIGN = re.compile(r"\s?[%٪]")
_GLUED_ERA = re.compile(r"(?:م|هـ|ه)(?![\w])")

MIN_YEAR, MAX_YEAR = 1900, 2100
MIN_HIJRI_YEAR, MAX_HIJRI_YEAR = 1300, 1500
_WORD_ROLES = ("unit", "ten", "teen_head", "tens", "hundreds", "scale", "scale_plural", "ordinal")
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")


# ---------------------------------------------------------------- lexicons (data files, loaded once)

@dataclass(frozen=True)
class WordEntry:
    value: float
    role: str
    article: bool


@dataclass(frozen=True)
class VagueEntry:
    value: float
    low: float | None
    high: float | None


@dataclass(frozen=True)
class Lexicons:
    words: dict[str, list[WordEntry]]
    vague: dict[str, VagueEntry]
    duals: dict[str, str]            # dual form -> singular
    unpossessed: frozenset[str]      # singulars whose dual with a pronoun is not read («رجليه»: his legs)
    singulars: dict[str, str]        # singular form (and its accusative) -> singular
    cues: dict[tuple[str, ...], str]  # phrase words -> role
    cue_lengths: tuple[int, ...]
    cues_by_first: dict[str, list[tuple[tuple[str, ...], str]]]   # first word -> [(other words, role)], longest first


def data_rows(name: str) -> list[dict[str, str]]:
    """Rows of a TSV in text/data as dicts keyed by its header (the first line not starting with «#»)."""
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        lines = [ln.rstrip("\n") for ln in fh if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t") + [""] * (len(header) - len(ln.split("\t"))))) for ln in lines[1:]]


def _optional_float(cell: str) -> float | None:
    return float(cell) if cell.strip() else None


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    words: dict[str, list[WordEntry]] = {}
    for row in data_rows("number_words.tsv"):
        entry = WordEntry(float(row["value"]), row["role"], row["article"] == "yes")
        words.setdefault(normalize_for_match(row["form"]), []).append(entry)
    vague = {normalize_for_match(r["form"]): VagueEntry(float(r["value"]), _optional_float(r["low"]),
                                                         _optional_float(r["high"]))
             for r in data_rows("vague_quantities.tsv")}
    duals: dict[str, str] = {}
    singulars: dict[str, str] = {}
    unpossessed: set[str] = set()
    for row in data_rows("counted_nouns.tsv"):
        singular = normalize_for_match(row["singular"])
        if row["possessed"].strip() == "no":
            unpossessed.add(singular)
        singulars[singular] = singular
        if not singular.endswith("ه"):          # accusative with tanween: «شخصا», «عنصرا»
            singulars[singular + "ا"] = singular
        for dual in row["duals"].split(","):
            duals[normalize_for_match(dual.strip())] = singular
    cues = {tuple(normalize_for_match(row["phrase"]).split()): row["role"] for row in data_rows("number_cues.tsv")}
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words_, role in sorted(cues.items(), key=lambda kv: -len(kv[0])):
        by_first.setdefault(words_[0], []).append((words_[1:], role))
    return Lexicons(words, vague, duals, frozenset(unpossessed), singulars, cues,
                    tuple(sorted({len(k) for k in cues}, reverse=True)),
                    by_first)


@lru_cache(maxsize=2)
def _month_words(position: int) -> frozenset[str]:
    """First (0) or last (-1) words of Gregorian month names in the Arabic CLDR locales.

    A year follows the last word («ديسمبر 2024», «كانون الأول 2024»); a day of the month precedes the first
    («3 ديسمبر», «2 كانون الأول»). Both are dates, not counts.
    """
    from babel.dates import get_month_names
    out = set()
    for loc in ("ar", "ar_SY", "ar_MA", "ar_DZ"):
        for name in get_month_names("wide", locale=loc).values():
            out.add(normalize_for_match(name).split()[position])
    return frozenset(out)


# ---------------------------------------------------------------- clitics

@lru_cache(maxsize=1 << 14)
def clitic_readings(norm: str) -> tuple[tuple[str, str], ...]:
    """Ways to read a normalised word as proclitics + rest: («وبثلاثه» → ("وب", "ثلاثه"), ...); whole word first.

    Number words and counted nouns are a closed list, so trying every split is safe: only a rest found in
    that list is kept by the caller. Cached: news text repeats its words (16,384 entries: `_inert` answers
    for most words first, so these are asked far less than once per token).
    """
    return tuple(_clitic_splits(norm))


def _clitic_splits(norm: str) -> Iterator[tuple[str, str]]:
    yield "", norm
    for conj in _CONJ:
        for prep in _PREP:
            pre = conj + prep
            if pre and norm.startswith(pre):
                yield pre, norm[len(pre):]
            if norm.startswith(pre + "ال"):
                yield pre + "ال", norm[len(pre) + 2:]
        if norm.startswith(conj + "لل"):         # ل + ال is written لل
            yield conj + "لال", norm[len(conj) + 2:]


def _rest_long_enough(pre: str, rest: str) -> bool:
    # «لست» (I am not) is not ل + ست; a two-letter number word only takes «و»: «وست».
    return len(rest) >= 3 or (len(rest) == 2 and pre in ("", "و"))


@lru_cache(maxsize=1 << 14)
def word_readings(norm: str) -> tuple[tuple[str, WordEntry], ...]:
    """(proclitics, entry) for each way `norm` is a number word."""
    words = lexicons().words
    out = []
    for pre, rest in clitic_readings(norm):
        if rest in words and _rest_long_enough(pre, rest):
            out += [(pre, entry) for entry in words[rest] if entry.article or "ال" not in pre]
    return tuple(out)


@lru_cache(maxsize=1 << 14)
def _lookup(norm: str, table_name: str):
    """(proclitics, entry) of `norm` in one of the noun/vague tables («vague», «duals», «singulars»)."""
    table = getattr(lexicons(), table_name)
    for pre, rest in clitic_readings(norm):
        if rest in table and len(rest) >= 3:
            return pre, table[rest]
    return None


def singular_noun(norm: str) -> str | None:
    """The counted noun a normalised word is the singular of («وعنصر» → «عنصر»), else None."""
    hit = _lookup(norm, "singulars")
    return hit[1] if hit else None


def dual_noun(norm: str) -> str | None:
    """The counted noun a normalised word is the dual of («لشخصين» → «شخص»), else None."""
    hit = _lookup(norm, "duals") or _possessed_dual(norm)
    return hit[1] if hit else None


# a dual with a possessive pronoun loses its «ن»: «طفلاها» (her two children), «نجليه» (his two sons)
_POSSESSED_DUAL_ENDINGS = tuple(case + pronoun for pronoun in ("هما", "هم", "ها", "ه") for case in ("ا", "ي"))


@lru_cache(maxsize=1 << 14)
def _possessed_dual(norm: str) -> tuple[str, str] | None:
    """(proclitics, singular) when `norm` is a counted noun's dual with a possessive pronoun («وطفلاها»),
    else None. The singular must be a counted noun that ends in no «ه» (a «ة» would have stayed before the
    pronoun as «ت»: «طفلتاها»); «فتاه» (فتاة) is then no «فت» + «اه»."""
    lex = lexicons()
    for pre, rest in clitic_readings(norm):
        if "ال" in pre:
            continue
        for ending in _POSSESSED_DUAL_ENDINGS:
            if not rest.endswith(ending):
                continue
            stem = rest[: len(rest) - len(ending)]
            if stem.endswith("ه"):
                continue
            base = stem[:-1] + "ه" if stem.endswith("ت") else stem   # «طفلتاها»: «ة» is «ت» before a pronoun
            # «-ي-» before the pronoun is also a sound plural's («موظفيها»): only for a noun whose «-ين» dual is
            # listed (counted_nouns.tsv lists it only where no plural reads so)
            if len(base) >= 3 and lex.singulars.get(base) == base and base not in lex.unpossessed and \
                    (ending[0] == "ا" or lex.duals.get(stem + "ين") == base):
                return pre, base
    return None


# ---------------------------------------------------------------- the item stream: words and digit runs

@dataclass
class _Item:
    start: int
    end: int
    norm: str
    value: float | None = None        # set for a digit run
    wa: bool = False                  # a digit run glued to a preceding و («و15»)
    not_count: bool = False           # digits of a date or a clock time
    taa: bool = False                 # a word written with a final «ة» (folded to «ه» in `norm`)

    @property
    def is_digits(self) -> bool:
        return self.value is not None


def _parse_digits(raw: str) -> list[tuple[int, int, float]]:
    """(start, end, value) within `raw` for one digit run; a run that is a list («1,2,3») gives several."""
    s = normalize_for_match(raw).replace("٬", ",").replace("٫", ".")
    if "," in s:
        groups = s.split(",")
        if all(len(g) == 3 for g in groups[1:]) and "." not in "".join(groups[:-1]):
            return [(0, len(raw), float("".join(groups)))]
        if len(groups) == 2 and 1 <= len(groups[1]) <= 2 and "." not in s:
            return [(0, len(raw), float(groups[0] + "." + groups[1]))]
        out, pos = [], 0
        for g in groups:
            if g.replace(".", "", 1).isdigit():
                out.append((pos, pos + len(g), float(g)))
            pos += len(g) + 1
        return out
    if s.count(".") > 1:
        groups = s.split(".")
        if all(len(g) == 3 for g in groups[1:]):   # «1.200.000»: dots as thousands separators
            return [(0, len(raw), float("".join(groups)))]
        return []
    return [(0, len(raw), float(s))]


def _items(text: str, tokens: list[Token]) -> list[_Item]:
    not_count = [(m.start(), m.end()) for m in _NOT_COUNT.finditer(text)]
    # the matches do not overlap and come in order: the one that may hold an offset is the last starting
    # at or before it (by bisection; a scan of all of them per digit run was quadratic, issue 16)
    nc_starts = [a for a, _b in not_count]
    digit_items: list[_Item] = []
    for m in _DIGITS.finditer(text):
        k = bisect_right(nc_starts, m.start()) - 1
        masked = k >= 0 and m.start() < not_count[k][1]
        for a, b, value in _parse_digits(m.group()):
            digit_items.append(_Item(m.start() + a, m.start() + b, normalize_for_match(m.group()[a:b]), value,
                                     not_count=masked))
    items: list[_Item] = []
    d = 0
    in_order = all(a.start <= b.start for a, b in zip(digit_items, digit_items[1:]))
    for tok in tokens:
        if items and items[-1].is_digits and tok.start < items[-1].end:
            continue                                    # «1.5» split by a tokenizer into «1» and «5»
        while d < len(digit_items) and digit_items[d].end <= tok.start:
            items.append(digit_items[d])
            d += 1
        if in_order:                                    # those starting before the token ends: a prefix
            k = d
            while k < len(digit_items) and digit_items[k].start < tok.end:
                k += 1
            inside = digit_items[d:k]
        else:
            inside = [it for it in digit_items[d:] if it.start < tok.end]
        if inside:
            before = normalize_for_match(text[tok.start:inside[0].start])
            inside[0].wa = before == "و"
            items.extend(inside)
            d += len(inside)
            continue
        items.append(_Item(tok.start, tok.end, tok.norm, taa=text[tok.end - 1:tok.end] == "ة"))
    items.extend(digit_items[d:])
    return items


# ---------------------------------------------------------------- reading one quantity

@dataclass
class _Quantity:
    first: int                     # item indices [first, last]
    last: int
    value: float
    kind: Literal["digits", "words", "dual", "singular", "vague"] = "words"
    approximate: bool = False
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    ordinal: bool = False
    wa: bool = False               # opened by «و»: the second half of «بين 10 و15»
    qualifier: str | None = None
    is_year: bool = False
    is_percent: bool = False
    extra_end: int = 0             # text offset past a glued sign («20%»)


@dataclass
class _Chain:
    """State while composing number words: `total` holds completed scale groups, `group` the part below 1000."""
    total: float = 0.0
    group: float = 0.0
    last_role: str = ""
    last_value: float = 0.0
    scale: float = float("inf")    # the last scale used: a later one must be smaller
    has_tens: bool = False
    has_hundreds: bool = False


def _joined(chain: _Chain, entry: WordEntry) -> bool:
    """Add a number word that follows «و»; False if Arabic does not compose that way (a new number starts)."""
    role, value = entry.role, entry.value
    if role in ("ordinal", "scale_plural"):
        return False
    if chain.last_role == "unit" and role == "tens" and not chain.has_tens:
        chain.group += value                           # «خمسة وعشرين»
        chain.has_tens = True
    elif chain.last_role == "hundreds" and role in ("unit", "ten", "teen_head", "tens"):
        chain.group += value                           # «ثلاثمائة وخمسة»
        chain.has_tens = role == "tens"
    elif chain.last_role == "scale" and chain.group == 0 and (role != "scale" or value < chain.scale):
        chain.group = value if role != "scale" else 0.0   # «ألف ومئتين», «مليون وخمسمائة ألف»
        if role == "scale":
            chain.total += value
            chain.scale = value
        chain.has_tens = role == "tens"
        chain.has_hundreds = role == "hundreds"
    else:
        return False
    chain.last_role, chain.last_value = role, value
    return True


def _juxtaposed(chain: _Chain, entry: WordEntry) -> bool:
    """Add a number word that follows with no «و» (teens, «ثلاث مئة», a scale); False if none applies."""
    role, value = entry.role, entry.value
    if role == "ten" and chain.last_role in ("unit", "teen_head") and chain.last_value < 10 \
            and value == 10 and not chain.has_tens:
        chain.group += 10                              # «ثلاثة عشر», «اثنا عشر»
        chain.last_role, chain.last_value, chain.has_tens = "tens", chain.group, True
        return True
    if role == "hundreds" and value == 100 and chain.last_role == "unit" and 3 <= chain.last_value <= 9 \
            and chain.group == chain.last_value:
        chain.group = chain.last_value * 100           # «ثلاث مئة»
        chain.last_role, chain.last_value, chain.has_hundreds = "hundreds", chain.group, True
        return True
    is_base_scale = role == "scale" and value in (1e3, 1e6, 1e9)
    if (is_base_scale or role == "scale_plural") and chain.group > 0 and value < chain.scale:
        if role == "scale_plural" and not 3 <= chain.group <= 10:
            return False                               # «ثلاثة آلاف» but not «عشرين آلاف»
        chain.total += chain.group * value
        chain.group, chain.scale = 0.0, value
        chain.last_role, chain.last_value, chain.has_tens, chain.has_hundreds = "scale", value, False, False
        return True
    return False


def _start_chain(entry: WordEntry) -> _Chain:
    chain = _Chain(last_role=entry.role, last_value=entry.value)
    if entry.role == "scale":
        chain.total, chain.scale = entry.value, {2e3: 1e3, 2e6: 1e6, 2e9: 1e9}.get(entry.value, entry.value)
    else:
        chain.group = entry.value
        chain.has_tens = entry.role in ("tens", "ten")
        chain.has_hundreds = entry.role == "hundreds"
    return chain


def _next_word(items: list[_Item], j: int) -> tuple[int, bool] | None:
    """Index of the next word after item j and whether «و» joins it (glued «وخمسة» or a lone «و»)."""
    if j + 1 >= len(items):
        return None
    if items[j + 1].norm == "و" and j + 2 < len(items):
        return j + 2, True
    return j + 1, False


def _word_quantity(items: list[_Item], i: int) -> _Quantity | None:
    item = items[i]
    if item.is_digits:
        return None
    readings = list(word_readings(item.norm))
    if not readings:
        return None
    pre, entry = readings[0]
    wa = pre.startswith("و")
    if entry.role == "ordinal":
        last = i
        nxt = _next_word(items, i)
        if nxt and not nxt[1] and any(e.role == "ten" and p == "" for p, e in word_readings(items[nxt[0]].norm)):
            last = nxt[0]                               # «الحادي عشر»
        return _Quantity(i, last, entry.value, ordinal=True)
    if entry.role == "scale_plural":
        return None                                     # alone, «آلاف» is vague
    chain = _start_chain(entry)
    last = i
    while (nxt := _next_word(items, last)) is not None:
        j, lone_wa = nxt
        if items[j].is_digits:
            break
        added = False
        for p, e in word_readings(items[j].norm):
            glued_wa = p == "و"
            if (lone_wa and p == "") or glued_wa:
                added = _joined(chain, e)
            elif p == "" and not lone_wa:
                added = _juxtaposed(chain, e)
            if added:
                break
        if not added:
            break
        last = j
    value = chain.total + chain.group
    if "ال" in pre and _is_day_of_month(items, last, value):
        return _Quantity(i, last, value, ordinal=True)  # «في العشرين من أيلول»: the twentieth, a date
    return _Quantity(i, last, value, wa=wa)


def _is_day_of_month(items: list[_Item], i: int, value: float | None = None) -> bool:
    """«3 ديسمبر», «15 من كانون الأول», «العشرين من أيلول» (ending at item i): a day of a date, not a count."""
    value = items[i].value if value is None else value
    if value is None or not (1 <= value <= 31 and float(value).is_integer()):
        return False
    j = i + 1
    if j < len(items) and items[j].norm == "من":
        j += 1
    return j < len(items) and _lookup_month_word(items[j].norm)


def _lookup_month_word(norm: str) -> bool:
    months = _month_words(0)
    return any(rest in months for pre, rest in clitic_readings(norm) if pre in ("", "و"))


def _digit_quantity(items: list[_Item], i: int) -> _Quantity | None:
    item = items[i]
    if item.value is None or item.not_count:
        return None
    if _is_day_of_month(items, i):
        return None
    q = _Quantity(i, i, item.value, kind="digits", wa=item.wa or (i > 0 and items[i - 1].norm == "و"))
    if i + 1 < len(items) and not items[i + 1].is_digits:
        for pre, entry in word_readings(items[i + 1].norm):
            if pre == "" and entry.role in ("scale", "scale_plural") and entry.value in (1e3, 1e6, 1e9):
                q.value, q.last = item.value * entry.value, i + 1     # «3 آلاف», «1.5 مليون»
                break
    return q


def _vague_quantity(items: list[_Item], i: int) -> _Quantity | None:
    hit = _lookup(items[i].norm, "vague")
    if hit is None:
        return None
    pre, entry = hit
    q = _Quantity(i, i, entry.value, kind="vague", approximate=True, low=entry.low, high=entry.high,
                  wa=pre.startswith("و"))
    if i + 1 < len(items):
        nxt = _lookup(items[i + 1].norm, "vague")
        if nxt and nxt[0] in ("", "ال") and nxt[1].value in (1e3, 1e6) and nxt[1].value > entry.value:
            q.value, q.last = entry.value * nxt[1].value, i + 1      # «عشرات الآلاف»
    return q


def _dual_quantity(items: list[_Item], i: int) -> _Quantity | None:
    if items[i].is_digits:
        return None
    hit = _lookup(items[i].norm, "duals")
    if hit is None and not (items[i].taa and items[i].norm.endswith("ه")):
        hit = _possessed_dual(items[i].norm)    # («شرطية», «شخصية» end in «ة», not in the pronoun «ه»)
    if hit is None:
        return None
    q = _Quantity(i, i, 2.0, kind="dual", unit=hit[1], wa=hit[0].startswith("و"))
    if i + 1 < len(items) and any(e.value == 2 and e.role == "unit" for _p, e in word_readings(items[i + 1].norm)):
        q.last = i + 1                                 # «شخصين اثنين»
    return q


def _quantity(items: list[_Item], i: int) -> _Quantity | None:
    for reader in (_digit_quantity, _dual_quantity, _word_quantity, _vague_quantity):
        q = reader(items, i)
        if q is not None:
            return q
    return None


# ---------------------------------------------------------------- cues around a quantity

_CUE_FIRSTS: dict[str, tuple[str, ...]] = {}
_CUE_FIRSTS_OWNER: list = [None]


def _cue_firsts(norm: str, by_first: dict) -> tuple[str, ...]:
    """The readings of a word (after «و»/«ف» or none) that begin a cue phrase, in `clitic_readings` order;
    cached per word form (most words begin none, and were split at every call)."""
    if _CUE_FIRSTS_OWNER[0] is not by_first:
        _CUE_FIRSTS.clear()
        _CUE_FIRSTS_OWNER[0] = by_first
    hit = _CUE_FIRSTS.get(norm)
    if hit is None:
        hit = tuple(first for pre, first in clitic_readings(norm) if pre in ("", "و", "ف") and first in by_first)
        if len(_CUE_FIRSTS) > 50_000:
            _CUE_FIRSTS.clear()
        _CUE_FIRSTS[norm] = hit
    return hit


def _cue_at(items: list[_Item], i: int) -> tuple[str, int] | None:
    """(role, number of items) of the longest cue phrase starting at item i."""
    by_first = lexicons().cues_by_first
    if items[i].is_digits:
        return None
    for first in _cue_firsts(items[i].norm, by_first):
        for rest, role in by_first[first]:
            n = len(rest) + 1
            if i + n <= len(items) and all(items[i + 1 + k].norm == w for k, w in enumerate(rest)):
                return role, n
    return None


def _cue_before(items: list[_Item], i: int) -> tuple[str, int] | None:
    """(role, first item) of a cue phrase that ends right before item i."""
    for n in lexicons().cue_lengths:
        if i - n >= 0:
            hit = _cue_at(items, i - n)
            if hit and hit[1] == n:
                return hit[0], i - n
    return None


_BEFORE_QUALIFIERS = {"about": "about", "at_least": "at_least", "more_than": "more_than",
                      "at_most": "at_most", "less_than": "less_than"}
_AFTER_QUALIFIERS = {"about_after": "about", "at_least_after": "at_least", "at_most_after": "at_most"}


def _qualify(q: _Quantity, qualifier: str) -> None:
    q.qualifier = qualifier
    q.approximate = True
    if qualifier in ("at_least", "more_than"):
        q.low = q.value
    elif qualifier in ("at_most", "less_than"):
        q.high = q.value


def _mark_year(q: _Quantity, items: list[_Item], text: str) -> None:
    if q.kind != "digits" or q.first != q.last or not float(q.value).is_integer():
        return
    raw = text[items[q.first].start:items[q.first].end]
    if not raw.isdigit() and not normalize_for_match(raw).isdigit():
        return
    before = _cue_before(items, q.first)
    after = _cue_at(items, q.last + 1) if q.last + 1 < len(items) else None
    glued = _GLUED_ERA.match(text, items[q.last].end)
    era = (after and after[0] == "year_after") or glued
    prev_norm = items[q.first - 1].norm if q.first > 0 else ""
    gregorian = MIN_YEAR <= q.value <= MAX_YEAR and (
        (before and before[0] == "year_before") or era or prev_norm in _month_words(-1))
    hijri = MIN_HIJRI_YEAR <= q.value <= MAX_HIJRI_YEAR and era
    if gregorian or hijri:
        q.is_year = True
        q.unit = "year"


def _mark_after(q: _Quantity, items: list[_Item], text: str) -> None:
    """Percent signs and words, and qualifiers that follow the number («20 على الأقل»)."""
    end = items[q.last].end
    sign = _PERCENT_SIGN.match(text, end)
    if sign:
        q.is_percent, q.unit, q.extra_end = True, "percent", sign.end()
        return
    if q.last + 1 >= len(items):
        return
    after = _cue_at(items, q.last + 1)
    if after and after[0] == "percent_after":
        q.is_percent, q.unit, q.last = True, "percent", q.last + after[1]
        return
    if after and after[0] in _AFTER_QUALIFIERS and q.qualifier is None:
        _qualify(q, _AFTER_QUALIFIERS[after[0]])
        q.last += after[1]
        return
    # «قتل 15 شخصا على الأقل»: the qualifier follows the counted noun; the span stays on the number
    if q.last + 2 < len(items) and not items[q.last + 1].is_digits and q.qualifier is None:
        after = _cue_at(items, q.last + 2)
        if after and after[0] in _AFTER_QUALIFIERS:
            _qualify(q, _AFTER_QUALIFIERS[after[0]])


def _range_end(items: list[_Item], q1: _Quantity, need_wa: bool) -> _Quantity | None:
    """The second figure of a range after q1: «و15» (need_wa) or «إلى 15»."""
    j = q1.last + 1
    if j >= len(items):
        return None
    if not need_wa:
        cue = _cue_at(items, j)
        if not cue or cue[0] != "range_to":
            return None
        j += cue[1]
    elif items[j].norm == "و":
        j += 1
    if j >= len(items):
        return None
    q2 = _quantity(items, j)
    if q2 is None or q2.ordinal or q2.kind == "dual" or q2.value <= q1.value:
        return None
    if need_wa and not (q2.wa or items[j - 1].norm == "و"):
        return None
    return q2


def _after_from(items: list[_Item], i: int) -> bool:
    """«من 10 إلى 15» after «ارتفع» is a running total, not a range: a «من» right before the number."""
    return i > 0 and items[i - 1].norm in ("من", "ومن")


def _read_at(items: list[_Item], i: int, text: str) -> _Quantity | None:
    """The quantity expression starting at item i, with its cues, or None."""
    cue = _cue_at(items, i)
    start = i
    qualifier = None
    between = False
    if cue and (cue[0] in _BEFORE_QUALIFIERS or cue[0] == "between"):
        j = i + cue[1]
        if j < len(items) and _quantity(items, j) is not None:
            between = cue[0] == "between"
            qualifier = None if between else _BEFORE_QUALIFIERS[cue[0]]
            i = j
    if cue and cue[0] == "not_count" and i + 1 < len(items):
        q = _quantity(items, i + 1)
        if q and q.value == 1 and not q.ordinal:        # «لا أحد»: nobody
            return _Quantity(start, q.last, 0.0, ordinal=True)
    q = _quantity(items, i)
    if q is None:
        return None
    if q.ordinal:
        return q
    q.first = start
    if between:
        q2 = _range_end(items, q, need_wa=True)
        if q2 is None:
            q.first = i                                  # «بين 10 مدنيين»: just a number
    else:
        q2 = None if _after_from(items, i) else _range_end(items, q, need_wa=False)
    if q2 is not None:
        q.low, q.high, q.last = q.value, q2.value, q2.last
        q.approximate, q.qualifier = True, "range"
    elif qualifier:
        _qualify(q, qualifier)
    _mark_year(q, items, text)
    _mark_after(q, items, text)
    return q


def _singular_at(items: list[_Item], i: int) -> _Quantity | None:
    """A singular counted noun right after a casualty word: «قُتل عنصر», «مقتل شخص» = 1."""
    if i == 0 or items[i].is_digits:
        return None
    noun = singular_noun(items[i].norm)               # (cached per word, and most words are none: asked first)
    if noun is None:
        return None
    cue = _cue_before(items, i)
    if not cue or cue[0] != "casualty":
        return None
    if i + 1 < len(items) and _quantity(items, i + 1) is not None:
        return None                                    # «مقتل شخص واحد»: the number word speaks
    return _Quantity(i, i, 1.0, kind="singular", unit=noun)


def _mention(q: _Quantity, items: list[_Item], text: str) -> NumberMention:
    start = items[q.first].start
    end = max(items[q.last].end, q.extra_end)
    if q.kind == "singular" or q.kind == "dual":
        q.approximate = q.approximate or False
    return NumberMention(span=Span(start=start, end=end, text=text[start:end]), value=q.value, low=q.low,
                         high=q.high, approximate=q.approximate, kind=q.kind, qualifier=q.qualifier,
                         unit=q.unit, is_year=q.is_year, is_percent=q.is_percent)


_INERT: dict[str, bool] = {}


def _inert(norm: str) -> bool:
    """A word at which no quantity can be read: it begins no cue phrase, is no number word, dual, vague
    quantity or counted noun (so `_read_at` and `_singular_at` both give None there). Cached per word form:
    most words of a text are such, and asking every reader per word was most of `find_numbers`."""
    hit = _INERT.get(norm)
    if hit is None:
        hit = not _cue_firsts(norm, lexicons().cues_by_first) and not word_readings(norm) \
            and _lookup(norm, "duals") is None and _lookup(norm, "vague") is None and singular_noun(norm) is None \
            and _possessed_dual(norm) is None
        if len(_INERT) >= 50_000:
            _INERT.clear()
        _INERT[norm] = hit
    return hit


def find_numbers(text: str, tokens: list[Token] | None = None) -> list[NumberMention]:
    """Every quantity in `text`, in order; `tokens` are the text layer's tokens of the same text."""
    if tokens is None:
        from rasd.text.tokens import tokenize
        tokens = tokenize(text)
    items = _items(text, tokens)
    out: list[NumberMention] = []
    i = 0
    n = len(items)
    while i < n:
        item = items[i]
        if item.value is None and _inert(item.norm):
            i += 1                                      # (most words: nothing can start there)
            continue
        q = _read_at(items, i, text) or _singular_at(items, i)
        if q is None:
            i += 1
            continue
        if not q.ordinal:
            if out and out[-1].is_year and q.wa and q.kind == "digits" and MIN_YEAR <= q.value <= MAX_YEAR:
                q.is_year, q.unit = True, "year"         # «عامي 2011 و2012»
            out.append(_mention(q, items, text))
        i = q.last + 1
    return out


def singular_count_at(tokens: list[Token], i: int) -> NumberMention | None:
    """1, if token i is a singular counted noun («عنصر», «وشخص», «طفلا»); the caller decides the context.

    The casualties code asks this after its own casualty cue («أصيب عنصر من الشرطة»). A noun followed by
    a number word is not a singular count («مقتل شخص واحد»: the number word is the mention).
    """
    tok = tokens[i]
    noun = singular_noun(tok.norm)
    if noun is None:
        return None
    if i + 1 < len(tokens) and any(e.role != "ordinal" for _p, e in word_readings(tokens[i + 1].norm)):
        return None
    return NumberMention(span=Span(start=tok.start, end=tok.end, text=tok.text), value=1, kind="singular",
                         unit=noun)

