"""Two date readings (date17): an act named after «بعد ساعات من» when its clause is dated to the small hours was the
day before, one after «بعد يوم من» the day before (events `_days_before`, event_words.tsv hours_after, one_day_after,
two_days_after, early_day_part); a weekday, day and month with no
year on a page with no date take the year that day fell on that weekday (dates `_by_its_weekday`)."""
import datetime as dt

from rasd.document import Article
from rasd.extract.dates import find_dates
from rasd.extract.event_lexicon import _WORDS
from rasd.extract.events import choose_date
from rasd.extract.triggers import LemmaMatch, LemmaRule
from rasd.pipeline import extract
from rasd.text.normalize import normalize_for_match
from rasd.text.numbers import find_numbers
from rasd.text.tokens import tokenize

THURSDAY = dt.date(2024, 2, 22)

_A_RULE = LemmaRule(lemma="-", pos="verb", row=())     # choose_date reads only the match's words


def _date_of_word(text: str, word: str, published: dt.date) -> str | None:
    doc = extract(Article(id="t", text=text, published=published))
    k = next(i for i, t in enumerate(doc.tokens) if t.text == word)
    return choose_date(doc, LemmaMatch(_A_RULE, k, k))[0]


def test_an_act_hours_before_a_dawn_strike_was_the_day_before():
    text = ("قتل ثلاثة أشخاص في غارات جوية استهدفت فجر الخميس مواقع في محافظة الحديدة، بعد ساعات من إعلان "
            "المتمردين استهداف سفينة تجارية في خليج عدن.")
    assert _date_of_word(text, "استهداف", THURSDAY) == "2024-02-21"
    assert _date_of_word(text, "استهدفت", THURSDAY) == "2024-02-22"
    # hours before an evening are the same day
    text = ("قتل ثلاثة أشخاص في غارات جوية استهدفت مساء الخميس مواقع في محافظة الحديدة، بعد ساعات من إعلان "
            "المتمردين استهداف سفينة تجارية في خليج عدن.")
    assert _date_of_word(text, "استهداف", THURSDAY) == "2024-02-22"


def test_an_act_a_day_or_two_before_the_clause():
    monday = dt.date(2024, 5, 13)
    text = "قتل ثلاثة جنود أمس الأحد في هجوم على حاجز للجيش، بعد يوم من مقتل شخصين في تفجير انتحاري."
    assert _date_of_word(text, "مقتل", monday) == "2024-05-11"
    text = "قتل ثلاثة جنود أمس الأحد في هجوم على حاجز للجيش، بعد يومين من مقتل شخصين في تفجير انتحاري."
    assert _date_of_word(text, "مقتل", monday) == "2024-05-10"
    # the clause's act dated by the sentence before it
    text = "قتل ثلاثة جنود أمس الأحد في هجوم على حاجز للجيش. ويأتي الهجوم بعد يوم من مقتل شخصين في تفجير انتحاري."
    assert _date_of_word(text, "مقتل", monday) == "2024-05-11"


def test_the_hours_lexicon_rows():
    assert normalize_for_match("ساعات") in _WORDS["hours_after"]
    assert normalize_for_match("فجر") in _WORDS["early_day_part"]
    assert normalize_for_match("مساء") not in _WORDS["early_day_part"]
    assert normalize_for_match("يومين") in _WORDS["two_days_after"] and "يوم" in _WORDS["one_day_after"]


def _values(text: str, published: dt.date | None = None) -> dict[str, str]:
    tokens = tokenize(text)
    mentions, _warnings = find_dates(text, tokens, find_numbers(text, tokens), published)
    return {m.span.text: m.value for m in mentions}


def test_a_weekday_gives_the_year_a_dateless_page_leaves_out():
    values = _values("استقبل وزير الخارجية يومه الخميس 10 أكتوبر الجاري بالرباط ممثل وزير الخارجية البريطانية.")
    value = next(v for k, v in values.items() if "10 أكتوبر" in k)
    day = dt.date.fromisoformat(value)
    assert (day.month, day.day, day.weekday()) == (10, 10, 3) and day <= dt.date.today()
    assert day.year == max(y for y in range(day.year, dt.date.today().year + 1)
                           if dt.date(y, 10, 10).weekday() == 3 and dt.date(y, 10, 10) <= dt.date.today())
    # a publication date still rules: the day and month on or before it
    values = _values("استقبل الوزير يوم الخميس 10 أكتوبر وفدا.", dt.date(2025, 10, 12))
    assert next(v for k, v in values.items() if "10 أكتوبر" in k) == "2025-10-10"


def test_the_weekday_year_nearest_the_years_the_text_writes():
    values = _values("استقبل وزير الخارجية يومه الخميس 10 أكتوبر بالرباط وفدا، في إطار اتفاق وقع عام 2012.")
    assert next(v for k, v in values.items() if "10 أكتوبر" in k) == "2013-10-10"

