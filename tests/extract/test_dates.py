"""Date expressions on real Arabic news sentences, resolved against the publication date."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.document import Article
from rasd.extract import dates
from rasd.extract.dates import data_rows, date_for_span, phrases, resolve_relative_date
from rasd.text import prepare

MONDAY = dt.date(2024, 12, 2)      # the founding article's publication day
SUNDAY = dt.date(2024, 12, 1)


def doc_of(text: str, published: dt.date | None = MONDAY):
    doc = prepare(Article(id="t", text=text, published=published))
    dates.run(doc)
    return doc


def found(text: str, published: dt.date | None = MONDAY) -> list[tuple[str, str, str]]:
    return [(d.span.text, d.value, d.precision) for d in doc_of(text, published).dates]


# ------------------------------------------------------------------ data

def test_date_words_file_invariants():
    rows = data_rows("date_words.tsv")
    roles = {"day_offset", "day_part", "week_offset", "weekend", "month_offset", "year_offset", "past", "future",
             "day_cue", "month_cue", "year_cue", "ago", "unit", "month", "ambiguous_month", "hijri_month",
             "hijri_marker", "era_marker", "this_month", "name_head", "other_day"}
    assert rows and all(r["role"] in roles for r in rows)
    for r in rows:
        if r["role"] in ("day_offset", "week_offset", "month_offset", "year_offset"):
            assert -2 <= int(r["value"]) <= 1
        if r["role"] in ("month", "ambiguous_month", "hijri_month"):
            assert 1 <= int(r["value"]) <= 12
        if r["role"] == "unit":
            assert r["value"].split(":")[0] in ("hour", "day", "week", "month", "year")
    hijri = {int(r["value"]) for r in rows if r["role"] == "hijri_month"}
    assert hijri == set(range(1, 13))


def test_cldr_month_and_weekday_names_are_loaded():
    table = phrases().table
    assert ("month", "12") in table[("ديسمبر",)] and ("month", "12") in table[("كانون", "الاول")]
    assert ("month", "1") in table[("جانفي",)]            # Algeria/Tunisia
    assert ("weekday", "6") in table[("الاحد",)]           # Sunday; 0 = Monday as in datetime
    assert ("unit", "day:2") in table[("يومين",)]          # from CLDR's «قبل يومين»
    assert ("month", "3") not in table.get(("مارس",), [])  # ambiguous: the verb «practised»


# ------------------------------------------------------------------ relative days and weekdays

def test_evening_of_sunday_in_a_monday_article():
    assert found("قُتل خمسة مدنيين جراء غارات روسية على إدلب مساء الأحد") == [
        ("مساء الأحد", "2024-12-01", "day")]


def test_sunday_in_a_sunday_article_is_the_same_day():
    assert found("قصفت الطائرات المدينة مساء الأحد", SUNDAY) == [("مساء الأحد", "2024-12-01", "day")]


def test_weekday_equal_to_publication_weekday_is_the_publication_day():
    assert found("التقى الوزير نظيره الاثنين في طهران") == [("الاثنين", "2024-12-02", "day")]


def test_weekday_with_past_is_a_week_before():
    assert found("التقى الوزير نظيره الاثنين الماضي") == [("الاثنين الماضي", "2024-11-25", "day")]
    assert found("وقع الهجوم الأحد الماضي") == [("الأحد الماضي", "2024-12-01", "day")]


def test_day_cue_and_next_weekday():
    assert found("تظاهر المئات يوم الجمعة في بغداد") == [("يوم الجمعة", "2024-11-29", "day")]
    assert found("تعقد القمة الخميس المقبل") == [("الخميس المقبل", "2024-12-05", "day")]


@pytest.mark.parametrize("sentence,span,value", [
    ("أعلنت الوزارة اليوم حصيلة جديدة", "اليوم", "2024-12-02"),
    ("قال المتحدث أمس إن القوات انسحبت", "أمس", "2024-12-01"),
    ("قال المتحدث بالأمس إن القوات انسحبت", "بالأمس", "2024-12-01"),
    ("وقعت الاشتباكات أول أمس في الريف الشمالي", "أول أمس", "2024-11-30"),
    ("استهدفت غارة المدينة الليلة الماضية", "الليلة الماضية", "2024-12-01"),
    ("شنت الطائرات غارات فجر اليوم على البلدة", "فجر اليوم", "2024-12-02"),
    ("قالت الوزارة في بيان مساء أمس الأحد إن", "مساء أمس الأحد", "2024-12-01"),
    ("التقى الرئيس السفير صباح الاثنين", "صباح الاثنين", "2024-12-02"),
    ("عبرت ميليشيات عراقية إلى شرق سوريا خلال الليل", "خلال الليل", "2024-12-01"),
])
def test_relative_days(sentence, span, value):
    assert found(sentence) == [(span, value, "day")]


def test_following_day_is_not_today():
    assert found("وفي اليوم التالي عادت القوات") == []


@pytest.mark.parametrize("sentence", [
    "بينما أُطلق سراح الزوج في نفس اليوم، وغادر الأطفال بعد يوم واحد",
    "وكانت القوات قد انسحبت من البلدة في ذلك اليوم بعد اشتباكات عنيفة",
    "ولم يعد الصيادون إلى منازلهم تلك الليلة",
    "وفي ذات اليوم أعلنت الشرطة اعتقال مشتبه به",
])
def test_the_same_day_or_that_day_is_not_today(sentence):
    assert found(sentence) == []


def test_today_closing_a_byline_outlet_name_is_not_a_date():
    assert found("قتل 8 أشخاص بغارات مساء أمس.\nصنعاء (السبعين) – تعز اليوم:\nوقال نشطاء إن القصف أدى إلى إصابة "
                 "أربعة أشخاص") == [("مساء أمس", "2024-12-01", "day")]
    assert found("أمن / بالفيديو\n\nبغداد اليوم- بغداد\n\nأفاد مصدر أمني") == []
    # a day in a sentence or a headline is still a day
    assert found("قتل ثلاثة أشخاص في بغداد اليوم.") == [("اليوم", "2024-12-02", "day")]
    assert found("الرئيس يزور بغداد اليوم\nوقال المتحدث") == [("اليوم", "2024-12-02", "day")]


# ------------------------------------------------------------------ weeks, weekends, months, years, «منذ»

def test_last_week_and_weekend():
    assert found("زار الوفد دمشق الأسبوع الماضي") == [("الأسبوع الماضي", "2024-11-25", "week")]
    # the most recent Saturday on or before publication: in both the Fri-Sat and the Sat-Sun weekend
    assert found("انسحبت القوات من حلب خلال عطلة نهاية الأسبوع") == [
        ("عطلة نهاية الأسبوع", "2024-11-30", "week")]
    assert found("انسحبت القوات خلال عطلة نهاية الأسبوع", dt.date(2024, 11, 29)) == [
        ("عطلة نهاية الأسبوع", "2024-11-23", "week")]


def test_last_month_and_last_year():
    assert found("ارتفعت الأسعار الشهر الماضي") == [("الشهر الماضي", "2024-11", "month")]
    assert found("أجريت الانتخابات العام الماضي") == [("العام الماضي", "2023", "year")]
    assert found("أجريت الانتخابات العام الماضي", dt.date(2025, 1, 3)) == [("العام الماضي", "2024", "year")]


@pytest.mark.parametrize("sentence, span, value, precision", [
    # Tunisian and Gulf papers write «الفارط» and «المنقضي» for «الماضي»; MONDAY is 2024-12-02
    ("نفذ المحامون إضرابا عاما الأسبوع الفارط", "الأسبوع الفارط", "2024-11-25", "week"),
    ("أوقفت الشرطة المدونة في شهر سبتمبر الفارط", "شهر سبتمبر الفارط", "2024-09", "month"),
    ("انطلقت الاحتجاجات في الجهة خلال الشهر الفارط", "الشهر الفارط", "2024-11", "month"),
    ("شهدت البلاد احتجاجات واسعة السنة الفارطة", "السنة الفارطة", "2023", "year"),
    ("اعتقلت السلطات عشرات الناشطين خلال العام المنقضي", "العام المنقضي", "2023", "year"),
])
def test_past_in_maghreb_and_gulf_wording(sentence, span, value, precision):
    assert found(sentence) == [(span, value, precision)]


def test_a_weekday_with_farit_in_an_article_of_that_weekday_is_a_week_before():
    assert found("وكانت الوحدات الأمنية قد أوقفته يوم الأحد الفارط بمنزله في صفاقس", SUNDAY) == [
        ("يوم الأحد الفارط", "2024-11-24", "day")]


def test_ago_with_number_words_and_duals():
    assert found("اختفى الصحفي منذ ثلاثة أيام") == [("منذ ثلاثة أيام", "2024-11-29", "day")]
    assert found("اعتقل قبل يومين في حمص") == [("قبل يومين", "2024-11-30", "day")]
    assert found("بدأ الحصار منذ 10 أيام") == [("منذ 10 أيام", "2024-11-22", "day")]
    assert found("وصل الوفد قبل أسبوعين") == [("قبل أسبوعين", "2024-11-18", "week")]


def test_years():
    assert found("لسحق انتفاضة شعبية ضده في عام 2011 ، والتي تحولت إلى حرب") == [("عام 2011", "2011", "year")]
    assert found("خلال معركة مطولة لاستعادة حلب والتي انتهت في عام 2016") == [("عام 2016", "2016", "year")]
    assert found("يحكم البلاد منذ 2011") == [("منذ 2011", "2011", "year")]


# ------------------------------------------------------------------ absolute dates

@pytest.mark.parametrize("sentence,span,value,precision", [
    ("وقع الهجوم في 3 ديسمبر 2024 في حماة", "3 ديسمبر 2024", "2024-12-03", "day"),
    ("وقع الهجوم في ٣ ديسمبر ٢٠٢٣ في حماة", "٣ ديسمبر ٢٠٢٣", "2023-12-03", "day"),
    ("اجتمع الطرفان في 2 كانون الأول", "2 كانون الأول", "2024-12-02", "day"),
    ("وصلت التعزيزات في 28 تشرين الثاني", "28 تشرين الثاني", "2024-11-28", "day"),
    ("تظاهر الآلاف في 10 أيار/مايو 2023", "10 أيار/مايو 2023", "2023-05-10", "day"),
    ("بدأ الهجوم في الأول من ديسمبر", "الأول من ديسمبر", "2024-12-01", "day"),
    ("أُعلن الاتفاق في كانون الأول/ديسمبر 2023", "كانون الأول/ديسمبر 2023", "2023-12", "month"),
    ("جرت الانتخابات في جانفي 2024 في تونس", "جانفي 2024", "2024-01", "month"),
    ("تأجلت المحادثات إلى أيلول/سبتمبر", "أيلول/سبتمبر", "2024-09", "month"),
    ("انسحب الوفد في يناير الماضي", "يناير الماضي", "2024-01", "month"),
    ("انسحب الوفد في ديسمبر الماضي", "ديسمبر الماضي", "2023-12", "month"),
    ("صدر القرار بتاريخ 12/3/2024 عن المحكمة", "12/3/2024", "2024-03-12", "day"),
    ("صدر القرار بتاريخ 2024-03-12 عن المحكمة", "2024-03-12", "2024-03-12", "day"),
    ("نفّذت بتاريخ ٣ /١ /٢٠٢٦ وحدات من الجيش تدابير أمنية", "٣ /١ /٢٠٢٦", "2026-01-03", "day"),
    ("السيمر / الخميس 13 . 09 . 2018 –أفاد مصدر أمني", "13 . 09 . 2018", "2018-09-13", "day"),
])
def test_absolute_dates(sentence, span, value, precision):
    assert found(sentence) == [(span, value, precision)]


@pytest.mark.parametrize("sentence,span,value", [
    ("أشار المرصد السوري في الثاني من الشهر الجاري إلى اشتباكات عنيفة", "الثاني من الشهر الجاري", "2024-12-02"),
    ("وقعت الحادثة في الخامس من الشهر الماضي قرب الحدود", "الخامس من الشهر الماضي", "2024-11-05"),
    ("أفرج عنه يوم 15 من الشهر الماضي", "يوم 15 من الشهر الماضي", "2024-11-15"),
    ("وصل الوفد يوم 1 الجاري إلى بغداد", "يوم 1 الجاري", "2024-12-01"),
])
def test_day_of_this_or_last_month(sentence, span, value):
    assert found(sentence) == [(span, value, "day")]


def test_a_count_before_a_month_phrase_is_no_day():
    assert found("قتل 30 مدنيا الشهر الماضي وقتل 30 الشهر الماضي") == [
        ("الشهر الماضي", "2024-11", "month"), ("الشهر الماضي", "2024-11", "month")]


def test_day_month_later_than_publication_is_last_year():
    assert found("وقع الانفجار في 25 ديسمبر") == [("25 ديسمبر", "2023-12-25", "day")]


def test_ambiguous_month_word_needs_context():
    assert found("مارس الجيش ضغوطا على الحكومة") == []
    assert found("بدأت الاحتجاجات في مارس 2011") == [("مارس 2011", "2011-03", "month")]


def test_hijri_dates():
    assert found("أعلنت الهدنة في 15 رمضان 1445 هـ") == [("15 رمضان 1445 هـ", "2024-03-25", "day")]
    assert found("عيد الفطر في 1 شوال 1445هـ") == [("1 شوال 1445هـ", "2024-04-10", "day")]
    # without a year: the Hijri year that puts it on or before publication (15 Ramadan 1446 is March 2025)
    assert found("وقع الهجوم في 15 رمضان") == [("15 رمضان", "2024-03-25", "day")]
    assert found("هاجم رجب المدينة") == []                 # a Hijri month only after a day


# ------------------------------------------------------------------ no publication date

def test_without_publication_relative_dates_stay_unresolved():
    doc = doc_of("قالت الوزارة أمس إن الهجوم وقع في 3 ديسمبر 2024", published=None)
    assert [(d.span.text, d.value) for d in doc.dates] == [("3 ديسمبر 2024", "2024-12-03")]
    assert any("أمس" in w and "no publication date" in w for w in doc.warnings)


def test_mention_flags():
    doc = doc_of("قال أمس إن الهجوم وقع في 3 ديسمبر 2024")
    yesterday, absolute = doc.dates
    assert yesterday.relative and not absolute.relative and absolute.confidence == 1.0


# ------------------------------------------------------------------ API for the events stage

def test_resolve_relative_date():
    assert resolve_relative_date("مساء الأحد", MONDAY) == ("2024-12-01", "day")
    assert resolve_relative_date("في عام 2011", MONDAY) == ("2011", "year")
    assert resolve_relative_date("الأسبوع الماضي", MONDAY) == ("2024-11-25", "week")
    assert resolve_relative_date("أمس", None) is None
    assert resolve_relative_date("3 ديسمبر 2024", None) == ("2024-12-03", "day")
    assert resolve_relative_date("قال المتحدث", MONDAY) is None


def test_resolve_relative_date_from_tokens():
    doc = prepare(Article(id="t", text="قتل خمسة مدنيين مساء الأحد", published=MONDAY))
    assert resolve_relative_date(doc.tokens[3:], MONDAY) == ("2024-12-01", "day")


def test_date_for_span_same_sentence_previous_sentence_default():
    text = ("قُتل خمسة مدنيين في غارات على إدلب مساء الأحد. وأصيب 30 آخرون. "
            "واندلعت انتفاضة في عام 2011 ضد الحكومة. وقال الوزير إن الوضع خطير.")
    doc = doc_of(text)
    at = text.index
    assert date_for_span(doc, at("غارات"), at("غارات") + 5).value == "2024-12-01"
    assert date_for_span(doc, at("وأصيب"), at("وأصيب") + 5).value == "2024-12-01"     # previous sentence
    assert date_for_span(doc, at("انتفاضة"), at("انتفاضة") + 7).value == "2011"
    assert date_for_span(doc, at("وقال"), at("وقال") + 4).value == "2011"             # previous sentence
    far = prepare(Article(id="t", text="اجتمع الطرفان في الدوحة. وقال الوزير إن الوضع خطير.", published=MONDAY))
    dates.run(far)
    chosen = date_for_span(far, 0, 6)
    assert chosen.default and chosen.value == "2024-12-02"
    far.article.published = None
    assert date_for_span(far, 0, 6) is None


def test_nearest_date_in_sentence_wins():
    text = "عاد الوفد أمس بعد أن وقع الاتفاق في 11 أيار/مايو"
    doc = doc_of(text)
    assert date_for_span(doc, text.index("الاتفاق"), text.index("الاتفاق") + 7).value == "2024-05-11"
    assert date_for_span(doc, text.index("عاد"), text.index("عاد") + 3).value == "2024-12-01"


def test_a_conjunction_and_a_preposition_before_a_day_word():
    # «وبالأمس», «وبيوم الأحد»: و/ف and ب/ل stacked before the date word
    assert resolve_relative_date("وبالأمس أعلنت الوزارة", MONDAY) == ("2024-12-01", "day")
    assert resolve_relative_date("فبالأمس", MONDAY) == ("2024-12-01", "day")
