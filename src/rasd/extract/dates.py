"""Stage `dates`: date expressions in the article, resolved against its publication date.

`run(doc)` fills `doc.dates` with one `DateMention` per expression, its value `YYYY-MM-DD`, `YYYY-MM` or
`YYYY` and its precision (ACLED's time precision: day, week, month, year):

- relative days: «اليوم», «أمس», «أول أمس», «الليلة الماضية», a part of the day before them or before a
  weekday («مساء الأحد», «فجر اليوم»), «يوم الجمعة», «الأحد الماضي». A weekday is the most recent such day
  on or before publication: «الاثنين» in a Monday article is the publication day itself; with «الماضي»
  it is the week before; with «المقبل» the next one.
- relative weeks, months, years: «الأسبوع الماضي» (publication − 7 days, precision week: the middle of
  last week whichever day a week starts on), «الشهر الماضي», «العام الماضي», «منذ ثلاثة أيام», «قبل أسبوعين».
- the weekend: «خلال عطلة نهاية الأسبوع» is the most recent Saturday on or before publication, precision week.
  Saturday is in both the Friday-Saturday weekend of most Arab states and the Saturday-Sunday one of the
  Levant's and Maghreb's offices and of the foreign wires that Arabic outlets translate.
- absolute dates: «3 ديسمبر 2024», «2 كانون الأول», «كانون الأول/ديسمبر 2024», «الأول من أيلول»,
  «جانفي 2024» (the month names of every Arabic CLDR locale, from babel), numeric «12/3/2024» (day first)
  and «2024-03-12», years «في عام 2011» (precision year), Hijri «15 رمضان 1445 هـ» (via hijridate).
  A day and month without a year take the year that puts them on or before publication.

With no publication date, relative expressions stay unresolved: they are left out of `doc.dates` and
named in `doc.warnings`; absolute ones still resolve.

`resolve_relative_date(expression, published)` reads one expression on its own, and
`date_for_span(doc, start, end)` picks the date that governs a stretch of text (for the events stage).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from rasd.document import DateMention, Document, NumberMention, Span, Token
from rasd.text.normalize import normalize_for_match
from rasd.text.numbers import clitic_readings, find_numbers, word_readings

DATA_DIR = Path(__file__).parent / "data"
_CLDR_LOCALES = ("ar", "ar_SY", "ar_IQ", "ar_LB", "ar_EG", "ar_MA", "ar_DZ", "ar_TN")
_FIRST_WORD_CLITICS = ("", "و", "ف", "ب", "ل", "وب", "فب", "ول", "فل")   # «وبالأمس»: a conjunction before the preposition
_D = "0-9٠-٩۰-۹"
# a space may pad the separators («٣ /١ /٢٠٢٦», «13 . 09 . 2018»), the same padding on both
# (each begins with its first digit, the lookbehind then reading the character before it: a pattern that begins
# with a class is searched for by it, not tried at every character of the text; issue 16. The same matches)
_NUMERIC_DMY = re.compile(rf"([{_D}](?<![{_D}/.\-][{_D}])[{_D}]?)( ?[/.\-] ?)([{_D}]{{1,2}})\2([{_D}]{{4}})(?![{_D}])")
_NUMERIC_YMD = re.compile(rf"([{_D}](?<![{_D}/.\-][{_D}])[{_D}]{{3}})([/.\-])([{_D}]{{1,2}})\2([{_D}]{{1,2}})(?![{_D}/.\-])")
_AFTER_TODAY = frozenset({"التالي", "نفسه", "ذاته", "الاول", "الثاني", "الثالث", "الاخير"})
_CONTEXT_BEFORE_MONTH = frozenset({"في", "منذ", "حتى", "خلال", "مطلع", "اواخر", "اوائل", "منتصف", "بدايه", "نهايه"})
MIN_YEAR, MAX_YEAR = 1900, 2100

# How sure a reading is, by what it rests on: an absolute date is what the text says; a weekday or a
# relative day rests on the publication date; «خلال الليل» and a weekend are conventions.
CONFIDENCE = {"absolute": 1.0, "year": 1.0, "day_offset": 0.9, "weekday": 0.9, "ago": 0.8,
              "week_offset": 0.8, "weekend": 0.7, "month_offset": 0.9, "year_offset": 0.9, "month": 0.9,
              "month_day": 0.9}


# ---------------------------------------------------------------- the phrase table (babel + data file)

@dataclass(frozen=True)
class Phrases:
    table: dict[tuple[str, ...], list[tuple[str, str]]]   # words -> [(role, value)]
    by_first: dict[str, list[tuple[tuple[str, ...], str, str]]]   # first word -> [(other words, role, value)]


def data_rows(name: str) -> list[dict[str, str]]:
    """Rows of a TSV in extract/data as dicts keyed by its header (the first line not starting with «#»)."""
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        lines = [ln.rstrip("\n") for ln in fh if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t") + [""] * (len(header) - len(ln.split("\t"))))) for ln in lines[1:]]


def _cldr_rows() -> Iterator[tuple[str, str, str]]:
    """(phrase, role, value) from babel's CLDR data: month names, weekday names, «منذ/قبل» time units."""
    from babel import Locale
    from babel.dates import get_day_names, get_month_names
    for loc in _CLDR_LOCALES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=loc).items():
                yield name, "month", str(number)
    for weekday, name in get_day_names("wide", locale="ar").items():
        yield name, "weekday", str(weekday)           # 0 = Monday, as datetime.weekday()
    fields = Locale.parse("ar")._data["date_fields"]
    for unit in ("hour", "day", "week", "month", "year"):
        for plural, pattern in fields[unit]["past"].items():
            words = [w for w in pattern.split() if w not in ("قبل", "{0}", "واحد", "واحدة")]
            if len(words) == 1:
                yield words[0], "unit", f"{unit}:2" if plural == "two" else unit


@lru_cache(maxsize=1)
def phrases() -> Phrases:
    table: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    rows = list(_cldr_rows()) + [(r["phrase"], r["role"], r["value"]) for r in data_rows("date_words.tsv")]
    ambiguous = {normalize_for_match(p) for p, role, _v in rows if role == "ambiguous_month"}
    for phrase, role, value in rows:
        key = tuple(normalize_for_match(phrase).split())
        if role == "month" and " ".join(key) in ambiguous:
            continue                                     # the data file says: only with context
        entry = (role, value)
        if entry not in table.setdefault(key, []):
            table[key].append(entry)
    by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for key, entries in sorted(table.items(), key=lambda kv: -len(kv[0])):
        for role, value in entries:
            by_first.setdefault(key[0], []).append((key[1:], role, value))
    return Phrases(table, by_first)


# ---------------------------------------------------------------- reading expressions over tokens

@dataclass
class _Expr:
    first: int                     # token indices [first, last]
    last: int
    kind: str                      # absolute | year | month | day_offset | weekday | week_offset | ...
    year: int | None = None
    month: int | None = None
    day: int | None = None
    offset: int = 0
    weekday: int | None = None
    direction: str | None = None   # past | future
    unit: str | None = None
    hijri: bool = False


_CAN_START: dict[str, bool] = {}
_CAN_START_OWNER: list = [None]


def _can_start(word: str, p: Phrases) -> bool:
    """Whether an expression may begin at a token with this normalised form: a phrase of the table begins
    with it (after a clitic), or it is digits (`int_at`), or a number word (`day_at`'s ordinals). Every
    pattern of `_Reader.expression_at` needs one of these at its first token. Cached per word form."""
    if _CAN_START_OWNER[0] is not p:
        _CAN_START.clear()
        _CAN_START_OWNER[0] = p
    hit = _CAN_START.get(word)
    if hit is None:
        hit = False
        for pre, rest in clitic_readings(word):
            if pre in _FIRST_WORD_CLITICS:
                if rest in p.by_first:
                    hit = True
                    break
                digits = rest[:-1] if rest[-1:] in ("م", "ه") else rest
                if digits.isdigit():
                    hit = True
                    break
        hit = hit or bool(word_readings(word))
        if len(_CAN_START) > 50_000:
            _CAN_START.clear()
        _CAN_START[word] = hit
    return hit


class _Reader:
    """Date expressions over a token list; `numbers` gives word numbers («منذ ثلاثة أيام»)."""

    def __init__(self, tokens: list[Token], numbers: list[NumberMention]):
        self.tokens = tokens
        self.words = [t.norm for t in tokens]
        self.numbers_at = {n.span.start: n for n in numbers}
        self.p = phrases()
        self._roles: dict[int, list[tuple[str, str, int]]] = {}

    # ---- small lookups
    def roles_at(self, i: int) -> list[tuple[str, str, int]]:
        """(role, value, number of tokens) of every phrase starting at token i, longest first (memoised)."""
        if i in self._roles:
            return self._roles[i]
        out: list[tuple[str, str, int]] = []
        for pre, first in clitic_readings(self.words[i]):
            if pre not in _FIRST_WORD_CLITICS or first not in self.p.by_first:
                continue
            for rest, role, value in self.p.by_first[first]:
                n = len(rest) + 1
                if i + n <= len(self.words) and all(self.words[i + 1 + k] == w for k, w in enumerate(rest)):
                    out.append((role, value, n))
            if out:
                break
        self._roles[i] = out
        return out

    def role_at(self, i: int, *roles: str) -> tuple[str, int] | None:
        """(value, length) of the longest phrase at token i having one of `roles`."""
        if i >= len(self.words):
            return None
        for role, value, n in self.roles_at(i):
            if role in roles:
                return value, n
        return None

    def int_at(self, i: int) -> int | None:
        """The integer written in digits at token i («3», «٢٠٢٤», «و15», «2024م»)."""
        if i >= len(self.words):
            return None
        for pre, rest in clitic_readings(self.words[i]):
            if pre in _FIRST_WORD_CLITICS:
                rest = rest[:-1] if rest[-1:] in ("م", "ه") else rest
                if rest.isdigit():
                    return int(rest)
        return None

    def era_glued(self, i: int, marker: str) -> bool:
        return self.words[i].endswith(marker) and self.words[i][:-1].isdigit()

    def day_at(self, i: int) -> int | None:
        """A day of the month: digits 1-31 or an ordinal word («الأول من أيلول»)."""
        value = self.int_at(i)
        if value is not None:
            return value if 1 <= value <= 31 else None
        for _pre, entry in word_readings(self.words[i]):
            if entry.role == "ordinal" and entry.value <= 10:
                return int(entry.value)
        return None

    def count_at(self, i: int) -> tuple[int, int] | None:
        """(count, last token) of a number at token i: digits or the number layer's words."""
        number = self.numbers_at.get(self.tokens[i].start)
        if number is not None and not number.is_year and float(number.value).is_integer():
            last = i
            while last + 1 < len(self.tokens) and self.tokens[last + 1].start < number.span.end:
                last += 1
            return int(number.value), last
        value = self.int_at(i)
        return (value, i) if value is not None else None

    # ---- expressions
    def months_at(self, i: int) -> tuple[int, int, bool] | None:
        """(month, last token, hijri) at token i: «ديسمبر», «كانون الأول/ديسمبر», «رمضان»."""
        hit = self.role_at(i, "month", "hijri_month")
        if hit is None:
            return None
        month, n = int(hit[0]), hit[1]
        hijri = any(r == "hijri_month" for r, _v, m in self.roles_at(i) if m == n) and \
            not any(r == "month" for r, _v, m in self.roles_at(i) if m == n)
        last = i + n - 1
        # «كانون الأول/ديسمبر», «أيلول (سبتمبر)»: a second name of the same month
        nxt = self.role_at(last + 1, "month")
        if nxt and int(nxt[0]) == month:
            last += nxt[1]
        return month, last, hijri

    def ambiguous_month_at(self, i: int) -> tuple[int, int] | None:
        hit = self.role_at(i, "ambiguous_month")
        return (int(hit[0]), i + hit[1] - 1) if hit else None

    def year_after(self, j: int, hijri: bool) -> tuple[int | None, int, bool]:
        """(year, last token, hijri) of a year right after token j-1, if any."""
        year = self.int_at(j)
        if year is None:
            return None, j - 1, hijri
        last = j
        if self.role_at(j + 1, "hijri_marker") or self.era_glued(j, "ه"):
            hijri = True
            last = j + 1 if self.role_at(j + 1, "hijri_marker") else j
        elif self.role_at(j + 1, "era_marker"):
            last = j + 1
        ok = (1300 <= year <= 1500) if hijri else (MIN_YEAR <= year <= MAX_YEAR)
        return (year, last, hijri) if ok else (None, j - 1, hijri)

    def absolute_at(self, i: int) -> _Expr | None:
        start = i
        named = self.role_at(i, "weekday")             # «الخميس 10 أكتوبر»: the day's weekday, named before it
        if named:
            i += 1
        if self.role_at(i, "day_cue"):
            i += 1
        day = self.day_at(i) if i < len(self.words) else None
        if day is not None:
            j = i + 1
            if self.words[j:j + 1] == ["من"]:
                j += 1
            month = self.months_at(j) if j < len(self.words) else None
            if month is None and j < len(self.words):
                amb = self.ambiguous_month_at(j)
                month = (amb[0], amb[1], False) if amb else None
            if month is None:
                return self.day_of_relative_month(start, j, day)
            m, last, hijri = month
            year, last, hijri = self.year_after(last + 1, hijri)
            return _Expr(start, last, "absolute", year=year, month=m, day=day, hijri=hijri,
                         weekday=int(named[0]) if named else None)
        return self.month_at(start if start == i else i)

    def day_of_relative_month(self, start: int, j: int, day: int) -> _Expr | None:
        """«في الخامس من الشهر الجاري», «يوم 15 من الشهر الماضي», «يوم 6 الجاري»: a day of this month or
        of the one before, by the publication date."""
        if j >= len(self.words):
            return None
        with_min = self.words[j - 1] == "من"
        cued = with_min or self.role_at(start, "day_cue") is not None or \
            (start > 0 and self.words[start - 1] == "في")
        # «قتل 30 الشهر الماضي» counts the month's dead: a number right before «الشهر ...» is no day
        hit = (self.role_at(j, "month_offset") if with_min else None) or \
            (self.role_at(j, "this_month") if cued else None)
        if hit is None:
            return None
        return _Expr(start, j + hit[1] - 1, "month_day", day=day, offset=int(hit[0]))

    def month_at(self, i: int) -> _Expr | None:
        """A month without a day: «ديسمبر 2024», «كانون الأول/ديسمبر», «شهر مارس», «يناير الماضي»."""
        start = i
        cue = self.role_at(i, "month_cue")
        if cue:
            i += cue[1]
        month = self.months_at(i) if i < len(self.words) else None
        context = bool(cue) or (start > 0 and self.words[start - 1] in _CONTEXT_BEFORE_MONTH)
        if month is None:
            amb = self.ambiguous_month_at(i) if i < len(self.words) else None
            if amb is None:
                return None
            month = (amb[0], amb[1], False)
            context = context or self.int_at(amb[1] + 1) is not None
            if not context:
                return None
        m, last, hijri = month
        if hijri:
            return None                                  # «رمضان» alone: a season, not a date we place
        year, last2, _h = self.year_after(last + 1, False)
        direction = None
        if year is None:
            d = self.role_at(last + 1, "past", "future")
            if d:
                direction = "past" if self.role_at(last + 1, "past") else "future"
                last2 = last + d[1]
        return _Expr(start, last2, "month", year=year, month=m, direction=direction)

    def year_at(self, i: int) -> _Expr | None:
        """«عام 2011», «في العام 2016», «منذ 2011», «2024م»."""
        cue = self.role_at(i, "year_cue", "ago")
        j = i + cue[1] if cue else i
        year = self.int_at(j)
        if year is None or not MIN_YEAR <= year <= MAX_YEAR:
            return None
        if cue is None and not (self.era_glued(j, "م") or self.role_at(j + 1, "era_marker")):
            return None
        last = j + 1 if self.role_at(j + 1, "era_marker") else j
        return _Expr(i, last, "year", year=year)

    def weekday_at(self, i: int, start: int) -> _Expr | None:
        """«الأحد», «يوم الجمعة», «الأحد الماضي», «الخميس المقبل»."""
        if self.role_at(i, "day_cue") and self.role_at(i + 1, "weekday"):
            i += 1
        hit = self.role_at(i, "weekday")
        if hit is None:
            return None
        last = i
        direction = None
        d = self.role_at(i + 1, "past", "future")
        if d:
            direction = "past" if self.role_at(i + 1, "past") else "future"
            last = i + d[1]
        return _Expr(start, last, "weekday", weekday=int(hit[0]), direction=direction)

    def names_another_day(self, start: int, after: int) -> bool:
        """«اليوم» or «الليلة» (offset 0) that is a day the story tells, not the publication day: «في اليوم التالي»,
        «اليوم نفسه», and after a demonstrative or «نفس» (data: other_day): «في نفس اليوم», «تلك الليلة»."""
        if self.words[after:after + 1] and self.words[after] in _AFTER_TODAY:
            return True
        return start > 0 and self.role_at(start - 1, "other_day") is not None

    def relative_at(self, i: int) -> _Expr | None:
        start = i
        part = self.role_at(i, "day_part")
        if part:
            i += part[1]
        offset = self.role_at(i, "day_offset")
        if offset and offset[0] == "0" and self.names_another_day(start, i + offset[1]):
            return None
        if offset:
            last = i + offset[1] - 1
            wd = self.weekday_at(last + 1, start)          # «أمس الأحد», «اليوم الاثنين»: the same day
            if wd is not None and int(offset[0]) <= 0:
                # the weekday named is the surer word: «اليوم الأربعاء» in a report published on Thursday
                # (written the day before) is that Wednesday, as «أمس الأحد» is that Sunday
                return _Expr(start, wd.last, "weekday", weekday=wd.weekday, direction=wd.direction)
            return _Expr(start, wd.last if wd else last, "day_offset", offset=int(offset[0]))
        wd = self.weekday_at(i, start)
        if wd:
            return wd
        if part:
            return None
        for role in ("week_offset", "month_offset", "year_offset"):
            hit = self.role_at(i, role)
            if hit:
                return _Expr(start, i + hit[1] - 1, role, offset=int(hit[0]))
        hit = self.role_at(i, "weekend")
        if hit:
            last = i + hit[1] - 1
            d = self.role_at(last + 1, "past")
            return _Expr(start, last + (d[1] if d else 0), "weekend", direction="past" if d else None)
        return self.ago_at(i)

    def ago_at(self, i: int) -> _Expr | None:
        """«منذ ثلاثة أيام», «قبل يومين», «منذ أسبوع»."""
        cue = self.role_at(i, "ago")
        if cue is None:
            return None
        j = i + cue[1]
        if j >= len(self.words):
            return None
        unit = self.role_at(j, "unit")
        if unit:                                         # «قبل يومين» (2) or «منذ أسبوع» (1)
            name, _, two = unit[0].partition(":")
            return _Expr(i, j + unit[1] - 1, "ago", offset=2 if two else 1, unit=name)
        count = self.count_at(j)
        if count is None:
            return None
        value, last = count
        unit = self.role_at(last + 1, "unit")
        if unit is None or unit[0].endswith(":2"):
            return None
        return _Expr(i, last + unit[1], "ago", offset=value, unit=unit[0])

    def expression_at(self, i: int) -> _Expr | None:
        return self.absolute_at(i) or self.year_at(i) or self.relative_at(i)

    def expressions(self) -> Iterator[_Expr]:
        i = 0
        can_start = [_can_start(w, self.p) for w in self.words]
        while i < len(self.words):
            # a word no phrase, digit or ordinal begins cannot begin an expression (most words): skip the
            # pattern functions, which would each find nothing there
            expr = self.expression_at(i) if can_start[i] else None
            if expr is None:
                i += 1
                continue
            yield expr
            i = expr.last + 1


# ---------------------------------------------------------------- resolution against publication

def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _weekday_date(published: dt.date, weekday: int, direction: str | None) -> dt.date:
    back = (published.weekday() - weekday) % 7
    if direction == "future":
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if direction == "past" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def _last_saturday(published: dt.date, direction: str | None) -> dt.date:
    back = (published.weekday() - 5) % 7
    if direction == "past" and back <= 1:                # «نهاية الأسبوع الماضي» said on Sat/Sun
        back += 7
    return published - dt.timedelta(days=back)


def _hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    from hijridate import Hijri
    try:
        return dt.date.fromisoformat(Hijri(year, month, day).to_gregorian().isoformat())
    except (ValueError, OverflowError):                  # day 30 of a 29-day month, a year out of range
        return None


def _hijri_year_of(day: dt.date) -> int:
    from hijridate import Gregorian
    return Gregorian.fromdate(day).to_hijri().year


def _absolute(expr: _Expr, published: dt.date | None) -> tuple[str, str] | None:
    if expr.hijri:
        year = expr.year
        if year is None:
            if published is None:
                return None
            year = _hijri_year_of(published)
            day = _hijri_to_gregorian(year, expr.month, expr.day)
            if day is not None and day > published:
                year -= 1
        day = _hijri_to_gregorian(year, expr.month, expr.day)
        return (day.isoformat(), "day") if day else None
    year = expr.year
    if year is None:
        if published is None:
            return None
        year = published.year
        if (expr.month, expr.day) > (published.month, published.day):
            year -= 1                                    # a day-month later than publication: last year's
    if expr.day > calendar.monthrange(year, expr.month)[1]:
        return None
    return dt.date(year, expr.month, expr.day).isoformat(), "day"


def _month(expr: _Expr, published: dt.date | None) -> tuple[str, str] | None:
    if expr.year is not None:
        return f"{expr.year:04d}-{expr.month:02d}", "month"
    if published is None:
        return None
    year = published.year
    if expr.direction == "future":
        year += expr.month <= published.month
    elif expr.month > published.month or (expr.direction == "past" and expr.month == published.month):
        year -= 1
    return f"{year:04d}-{expr.month:02d}", "month"


def _ago(expr: _Expr, published: dt.date) -> tuple[str, str]:
    if expr.unit == "hour":
        return (published - dt.timedelta(hours=expr.offset)).isoformat(), "day"
    if expr.unit == "day":
        return (published - dt.timedelta(days=expr.offset)).isoformat(), "day"
    if expr.unit == "week":
        return (published - dt.timedelta(weeks=expr.offset)).isoformat(), "week"
    if expr.unit == "month":
        y, m = _shift_month(published.year, published.month, -expr.offset)
        return f"{y:04d}-{m:02d}", "month"
    return f"{published.year - expr.offset:04d}", "year"


def resolve(expr: _Expr, published: dt.date | None) -> tuple[str, str] | None:
    """(value, precision) of an expression, or None when it needs a publication date that is missing."""
    if expr.kind == "absolute":
        return _absolute(expr, published)
    if expr.kind == "year":
        return f"{expr.year:04d}", "year"
    if expr.kind == "month":
        return _month(expr, published)
    if published is None:
        return None
    if expr.kind == "day_offset":
        return (published + dt.timedelta(days=expr.offset)).isoformat(), "day"
    if expr.kind == "weekday":
        return _weekday_date(published, expr.weekday, expr.direction).isoformat(), "day"
    if expr.kind == "month_day":
        y, m = _shift_month(published.year, published.month, expr.offset)
        value = _valid(y, m, expr.day)
        return (value, "day") if value else None
    if expr.kind == "week_offset":
        return (published + dt.timedelta(weeks=expr.offset)).isoformat(), "week"
    if expr.kind == "weekend":
        return _last_saturday(published, expr.direction).isoformat(), "week"
    if expr.kind == "month_offset":
        y, m = _shift_month(published.year, published.month, expr.offset)
        return f"{y:04d}-{m:02d}", "month"
    if expr.kind == "year_offset":
        return f"{published.year + expr.offset:04d}", "year"
    return _ago(expr, published)


def _is_relative(expr: _Expr) -> bool:
    """True when the value rests on the publication date (a missing year counts: «2 كانون الأول»)."""
    return expr.kind not in ("absolute", "year", "month") or expr.year is None


# ---------------------------------------------------------------- numeric dates (read from the text)

def _numeric_dates(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, YYYY-MM-DD) for «12/3/2024» (day first, as Arabic papers write it) and «2024-03-12»."""
    for m in _NUMERIC_DMY.finditer(text):
        a, b, year = (int(normalize_for_match(g)) for g in (m.group(1), m.group(3), m.group(4)))
        day, month = (a, b) if b <= 12 else (b, a)     # «3/25/2024»: the 25 cannot be a month
        value = _valid(year, month, day)
        if value:
            yield m.start(), m.end(), value
    for m in _NUMERIC_YMD.finditer(text):
        year, month, day = (int(normalize_for_match(g)) for g in (m.group(1), m.group(3), m.group(4)))
        value = _valid(year, month, day)
        if value:
            yield m.start(), m.end(), value


def _names_the_day_of(expr: _Expr, text: str, end: int, numeric: list[tuple[int, int, str]]) -> bool:
    """«الخميس 13/09/2018»: a bare weekday right before a numeric date is that date's weekday, not a day of its
    own to resolve against publication."""
    return expr.kind == "weekday" and expr.direction is None and any(
        a >= end and not text[end:a].strip(" ,،-–") for a, _b, _v in numeric)


def _part_of_a_name(expr: _Expr, tokens: list[Token]) -> bool:
    """«حركة 6 أبريل», «ثورة 25 يناير»: a day and month with no year right after a name head (date_words.tsv
    name_head) name a movement, a revolution or an anniversary, not the day of what the sentence tells."""
    if expr.kind != "absolute" or expr.year is not None or expr.first == 0:
        return False
    return any(role == "name_head" for role, _v in phrases().table.get((tokens[expr.first - 1].stem,), ()))


_SEGMENT_OPENERS = "\n-–—"
_SEGMENT_CLOSERS = "\n:-–—"


def _ends_an_outlet_name(text: str, start: int, end: int) -> bool:
    """«صنعاء – تعز اليوم:», «بغداد اليوم- بغداد»: «اليوم» after one word, in a byline segment set off by a
    line break or a dash on the left and a colon, a dash or a line break on the right, is the second word of
    an outlet's name, not today."""
    left = text[:start]
    segment = left[max(left.rfind(c) for c in _SEGMENT_OPENERS) + 1:]
    right = text[end:].lstrip(" ")
    return len(segment.split()) == 1 and (not right or right[0] in _SEGMENT_CLOSERS)


def _valid(year: int, month: int, day: int) -> str | None:
    if MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
        return dt.date(year, month, day).isoformat()
    return None


# ---------------------------------------------------------------- public API

def _report_date(numeric: list[tuple[int, int, str]],
                 expressions: list[tuple[_Expr, int, int]]) -> tuple[int, dt.date] | None:
    """(where, day): the day a page with no publication date was written, as the text itself gives it — its
    first full date («وأفادت الغرفة في بيانها الصادر السبت 10 مايو 2025، أن القصف وقع يوم الجمعة 9 مايو»,
    «وبحسب صحيفة لوموند، الثلاثاء 23 ديسمبر 2025، وقعت الحادثة مساء الأحد الماضي»). Readers resolve the
    relative days and yearless dates told after it against it; events already fall back to it (events.run)."""
    full = [(a, value) for a, _b, value in numeric]
    for expr, start, _end in expressions:
        if expr.kind == "absolute" and expr.year is not None and not expr.hijri:
            resolved = resolve(expr, None)
            if resolved is not None and resolved[1] == "day":
                full.append((start, resolved[0]))
    if not full:
        return None
    where, value = min(full)
    return where, dt.date.fromisoformat(value)


def _years_told(numeric: list[tuple[int, int, str]], expressions: list[tuple[_Expr, int, int]]) -> list[int]:
    """The Gregorian years the text itself writes out (numeric dates, «2024», «3 ديسمبر 2024»)."""
    years = [int(value[:4]) for _a, _b, value in numeric]
    return years + [e.year for e, _s, _e in expressions if e.year is not None and not e.hijri]


def _by_its_weekday(expr: _Expr, years: list[int]) -> tuple[str, str] | None:
    """«يومه الخميس 10 أكتوبر الجاري» on a page with no date: a day and month with their weekday and no year
    fall in the year in which that day of that month was that weekday — the one nearest to the years the
    text writes out, else the latest on or before today (a day the text calls «الجاري» is recent news)."""
    if expr.kind != "absolute" or expr.year is not None or expr.weekday is None or expr.hijri:
        return None
    today = dt.date.today()
    fits = [y for y in range(today.year - 28, today.year + 1)
            if _valid(y, expr.month, expr.day) and dt.date(y, expr.month, expr.day).weekday() == expr.weekday
            and dt.date(y, expr.month, expr.day) <= today]
    if not fits:
        return None
    if years:
        best = min(fits, key=lambda y: (min(abs(y - t) for t in years), -y))
    else:
        best = max(fits)
    return dt.date(best, expr.month, expr.day).isoformat(), "day"


def find_dates(text: str, tokens: list[Token], numbers: list[NumberMention],
               published: dt.date | None) -> tuple[list[DateMention], list[str]]:
    """Date mentions of a text and warnings for the expressions that could not be resolved."""
    mentions: list[DateMention] = []
    warnings: list[str] = []
    unresolved: list[str] = []
    numeric = list(_numeric_dates(text))
    for start, end, value in numeric:
        mentions.append(DateMention(span=Span(start=start, end=end, text=text[start:end]), value=value,
                                    precision="day", confidence=CONFIDENCE["absolute"]))
    expressions = []
    for expr in _Reader(tokens, numbers).expressions():
        start, end = tokens[expr.first].start, tokens[expr.last].end
        if any(a < end and start < b for a, b, _v in numeric) or _names_the_day_of(expr, text, end, numeric) \
                or _part_of_a_name(expr, tokens) \
                or (expr.kind == "day_offset" and expr.offset == 0 and _ends_an_outlet_name(text, start, end)):
            continue
        expressions.append((expr, start, end))
    report = None if published else _report_date(numeric, expressions)
    for expr, start, end in expressions:
        # a page with no date: a relative day after the text's first full date rests on it (not one before it:
        # «قالت الوزارة أمس إن الهجوم وقع في 3 ديسمبر 2024» dates the attack, not the statement)
        reference = published or (report[1] if report is not None and report[0] < start else None)
        resolved = resolve(expr, reference)
        if resolved is None and reference is None:
            resolved = _by_its_weekday(expr, _years_told(numeric, expressions))
        if resolved is None:
            unresolved.append(f"«{text[start:end]}»@{start}")
            continue
        value, precision = resolved
        mentions.append(DateMention(span=Span(start=start, end=end, text=text[start:end]), value=value,
                                    precision=precision, relative=_is_relative(expr),
                                    confidence=CONFIDENCE.get(expr.kind, 0.9)))
    mentions.sort(key=lambda d: d.span.start)
    if unresolved:
        reason = "the article has no publication date" if published is None else "not a valid date"
        warnings.append(f"dates: {len(unresolved)} expression(s) not resolved ({reason}): {', '.join(unresolved)}")
    return mentions, warnings



# stage contract (rasd.pipeline): the layers this stage reads and the ones it writes
NEEDS = ("tokens", "numbers")
ADDS = ("dates",)

def run(doc: Document) -> None:
    mentions, warnings = find_dates(doc.text, doc.tokens, doc.numbers, doc.article.published)
    doc.dates = mentions
    doc.warnings.extend(warnings)


def resolve_relative_date(expression: str | list[Token], published: dt.date | None) -> tuple[str, str] | None:
    """(value, precision) of the first date expression in `expression` («مساء الأحد», «3 ديسمبر»), or None.

    `expression` is a text or the tokens of one; relative expressions need `published`.
    """
    if isinstance(expression, str):
        from rasd.text.tokens import tokenize
        text, tokens = expression, tokenize(expression)
        numbers = find_numbers(text, tokens)
    else:
        tokens = expression
        numbers = []
        text = None
    if text is not None:
        for _start, _end, value in _numeric_dates(text):
            return value, "day"
    for expr in _Reader(tokens, numbers).expressions():
        return resolve(expr, published)
    return None


def date_for_span(doc: Document, start: int, end: int) -> DateMention | None:
    """The date governing text [start, end): the nearest date in its sentence, else the last one of the
    sentence before, else the publication date (marked `default`), else None."""
    sentence = doc.sentence_at(start)
    here = [d for d in doc.dates if doc.sentence_at(d.span.start) == sentence]
    if here:
        return min(here, key=lambda d: _distance(d.span, start, end))
    before = [d for d in doc.dates if doc.sentence_at(d.span.start) == sentence - 1]
    if before:
        return max(before, key=lambda d: d.span.start)
    published = doc.article.published
    if published is None:
        return None
    return DateMention(span=Span(start=start, end=start, text=""), value=published.isoformat(),
                       precision="day", relative=False, default=True, confidence=0.5)


def _distance(span: Span, start: int, end: int) -> int:
    if span.end <= start:
        return start - span.end
    if span.start >= end:
        return span.start - end
    return 0
