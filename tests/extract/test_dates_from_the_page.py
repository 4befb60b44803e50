"""A page with no publication date: its relative days and yearless dates resolve against the first full date
its text gives (dates.find_dates, `_report_date`), and an event the text dates nowhere else takes the day a
retelling beside it gives («ووقعت الحادثة مساء الأحد الماضي»; events `_dates_from_retellings`)."""
import datetime as dt

from rasd.document import Article
from rasd.extract.dates import find_dates
from rasd.extract.events import choose_date
from rasd.extract.triggers import LemmaMatch, LemmaRule
from rasd.pipeline import extract
from rasd.text.numbers import find_numbers
from rasd.text.tokens import tokenize

_A_RULE = LemmaRule(lemma="-", pos="verb", row=())     # choose_date reads only the match's words


def _values(text: str, published: dt.date | None = None) -> dict[str, str]:
    tokens = tokenize(text)
    mentions, _warnings = find_dates(text, tokens, find_numbers(text, tokens), published)
    return {m.span.text: m.value for m in mentions}


def test_relative_days_of_an_undated_page_rest_on_the_date_its_text_gives():
    values = _values("وذكرت الوكالة في بيان الخميس 4 يناير 2024، أن الاشتباكات اندلعت مساء الثلاثاء الماضي.")
    assert values["مساء الثلاثاء الماضي"] == "2024-01-02"


def test_a_yearless_date_of_an_undated_page_takes_the_year_of_the_date_its_text_gives():
    values = _values("وقال المكتب في بيانه الصادر الأحد 12 أكتوبر 2025 إن القصف وقع يوم الجمعة 10 أكتوبر.")
    assert values["10 أكتوبر"] == "2025-10-10"


def test_with_no_full_date_in_the_text_relative_days_stay_unresolved():
    assert "مساء الثلاثاء" not in _values("اندلعت الاشتباكات مساء الثلاثاء في المدينة.")


def test_a_publication_date_still_rules():
    values = _values("وذكرت الوكالة في بيان الخميس 4 يناير 2024، أن الاشتباكات اندلعت أمس.", dt.date(2024, 1, 10))
    assert values["أمس"] == "2024-01-09"


def test_an_event_takes_the_day_its_retelling_gives():
    text = ("خطف مسلحون 12 مسافرا على طريق سريع في نيجيريا.\n"
            "وبحسب وكالة الأنباء، الأربعاء 10 يناير 2024، وقعت الحادثة مساء الاثنين الماضي قرب مدينة كادونا.")
    doc = extract(Article(id="t", text=text, published=None))
    kidnap = next(e for e in doc.events if e.type == "ASSAULT")
    assert (kidnap.date, kidnap.date_source) == ("2024-01-08", "text")


def test_an_act_told_as_made_recently_is_not_of_the_publication_day():
    # «مؤخرا»: before the day of publication — at the nearest, the day before
    text = "انتقد الوزير التصريحات التي أدلى بها الرئيس مؤخرا وهدد فيها بقصف العاصمة."
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 1, 10)))
    threat = next(e for e in doc.events if e.type == "THREATEN")
    assert (threat.date, threat.date_source) == ("2024-01-09", "recent")


def test_an_act_named_after_ghadat_was_the_day_before_its_clause():
    text = "أصدرت المحكمة أمس الأحد مذكرة توقيف بحق الصحفي، وذلك غداة توقيف طال ناشطا في العاصمة."
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 5, 13)))
    k = next(i for i, t in enumerate(doc.tokens) if t.text == "توقيف" and doc.tokens[i - 1].text == "غداة")
    value, _precision, _source = choose_date(doc, LemmaMatch(_A_RULE, k, k))
    assert value == "2024-05-11"
