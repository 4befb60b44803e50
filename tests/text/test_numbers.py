"""Numbers on real Arabic news sentences: digits in three scripts, words, duals, singulars, vague, ranges."""
from __future__ import annotations

import pytest

from rasd.text.normalize import normalize_for_match
from rasd.text.numbers import (
    data_rows, dual_noun, find_numbers, lexicons, singular_count_at, singular_noun,
)
from rasd.text.tokens import tokenize


def read(text: str) -> list[tuple[str, float]]:
    return [(n.span.text, n.value) for n in find_numbers(text, tokenize(text))]


def only(text: str):
    numbers = find_numbers(text, tokenize(text))
    assert len(numbers) == 1, [(n.span.text, n.value) for n in numbers]
    return numbers[0]


# ------------------------------------------------------------------ data files

def test_number_words_file_invariants():
    rows = data_rows("number_words.tsv")
    roles = {"unit", "ten", "teen_head", "tens", "hundreds", "scale", "scale_plural", "ordinal"}
    assert rows and all(r["role"] in roles and r["article"] in ("yes", "no") for r in rows)
    for r in rows:
        value = float(r["value"])
        assert value > 0
        if r["role"] == "unit":
            assert 1 <= value <= 9
        if r["role"] == "tens":
            assert value % 10 == 0 and 20 <= value <= 90
        if r["role"] == "hundreds":
            assert value % 100 == 0 and value <= 900
    # the same written form never means two different counts
    counts: dict[str, set[float]] = {}
    for r in rows:
        if r["role"] != "ordinal":
            counts.setdefault(normalize_for_match(r["form"]), set()).add(float(r["value"]))
    assert all(len(v) == 1 for v in counts.values()), {k: v for k, v in counts.items() if len(v) > 1}


def test_counted_nouns_file_invariants():
    rows = data_rows("counted_nouns.tsv")
    assert len(rows) >= 20
    for r in rows:
        duals = [d.strip() for d in r["duals"].split(",")]
        assert duals and all(d for d in duals)
        for d in duals:
            # a dual is the singular + ان/ين (ة becoming ت); an -ين dual of a nisba noun would be a plural
            assert d.endswith(("ان", "ين")), d
            if d.endswith("ين"):
                assert not r["singular"].endswith("ي") or r["singular"] in ("جندي", "صبي", "شرطي"), d


def test_vague_and_cue_files_invariants():
    for r in data_rows("vague_quantities.tsv"):
        value = float(r["value"])
        assert value > 0
        if r["low"]:
            assert float(r["low"]) <= value
        if r["high"]:
            assert float(r["high"]) >= value
    roles = {r["role"] for r in data_rows("number_cues.tsv")}
    assert {"about", "at_least", "between", "range_to", "percent_after", "year_before", "casualty"} <= roles
    assert lexicons().cue_lengths[0] >= 4          # «ما لا يقل عن»


# ------------------------------------------------------------------ digits

def test_western_digits():
    assert read("قُتل خمسة مدنيين وأصيب 30 آخرون جراء غارات روسية على إدلب") == [("خمسة", 5), ("30", 30)]


def test_eastern_arabic_digits():
    assert read("قتل ٣ أشخاص وأصيب ١٢ آخرون في القصف") == [("٣", 3), ("١٢", 12)]


def test_persian_digits():
    assert read("کشته شدن ۱۵ نفر") == [("۱۵", 15)]


def test_arabic_decimal_and_thousands_separators():
    assert read("نزح ١٬٥٠٠ شخص وبلغت النسبة ٣٫٥") == [("١٬٥٠٠", 1500), ("٣٫٥", 3.5)]


def test_comma_thousands_and_decimal_point():
    assert read("قتل 1,200 شخص وأصيب 2.5 ألف") == [("1,200", 1200), ("2.5 ألف", 2500)]


def test_digits_with_scale_words():
    assert read("نزح 3 آلاف مدني و1.5 مليون لاجئ") == [("3 آلاف", 3000), ("1.5 مليون", 1_500_000)]


def test_numeric_dates_times_and_model_names_are_not_counts():
    assert read("في 12/3/2024 عند الساعة 10:30 أطلقت طائرات F16") == []
    assert read("صدر البيان بتاريخ 2024-03-12") == []


def test_day_of_month_is_not_a_count():
    numbers = find_numbers("قتل 5 أشخاص في 3 ديسمبر 2024")
    assert [(n.span.text, n.is_year) for n in numbers] == [("5", False), ("2024", True)]


# ------------------------------------------------------------------ words

@pytest.mark.parametrize("text,value", [
    ("قتل ثلاثة جنود في الهجوم", 3),
    ("أصيبت ثلاث نساء بجروح", 3),
    ("قتل عشرون مسلحا", 20),
    ("اعتقلت القوات عشرين شخصا", 20),
    ("قتل اثنا عشر جنديا", 12),
    ("اعتقلت الشرطة اثني عشر متظاهرا", 12),
    ("قتلت إحدى عشرة امرأة", 11),
    ("أصيب ثلاثة عشر طفلا", 13),
    ("قضت ثماني عشرة سيدة", 18),
    ("قتل خمسة وعشرين شخصا", 25),
    ("وصل ثلاثمائة وخمسة وعشرون لاجئا", 325),
    ("دمرت الغارات مئتين وخمسين منزلا", 250),
    ("نزح ألف ومئتين من السكان", 1200),
    ("وصل ثلاث مئة جندي", 300),
    ("عبر خمسة آلاف لاجئ الحدود", 5000),
    ("تضرر ألفا منزل", 1000),
    ("فر عشرون ألفا من المدنيين", 20000),
    ("خسر ألفين وخمسمائة عامل وظائفهم", 2500),
    ("يعيش مليونان في المخيمات", 2_000_000),
])
def test_number_words(text, value):
    n = only(text)
    assert n.value == value and n.kind == "words"


def test_clitics_on_number_words():
    assert read("استهدف بثلاثة صواريخ ولعشرين يوما وخمسة") == [("بثلاثة", 3), ("ولعشرين", 20), ("وخمسة", 5)]


def test_two_numbers_joined_by_wa_are_not_added():
    assert read("قتل ثلاثة جنود وأربعة مدنيين") == [("ثلاثة", 3), ("وأربعة", 4)]


def test_ordinals_are_not_counts():
    assert read("انسحبت القوات من ثاني أكبر مدينة في سوريا") == []
    assert read("وقع الانفجار في الطابق الثالث في الحادي عشر من الشهر") == []
    assert read("للمرة الثانية خلال الأسبوع") == []


def test_weekday_names_are_not_numbers():
    assert read("وقع الهجوم يوم الاثنين وتجدد الأحد") == []


def test_one_of_is_one_but_nobody_is_not():
    assert read("قتل أحد الجنود") == [("أحد", 1)]
    assert read("لم يصب أحد بأذى") == [("أحد", 1)]   # «لم ... أحد» is negation the events stage reads
    assert read("لا أحد يعرف مصيرهم") == []


# ------------------------------------------------------------------ duals and singulars

def test_duals_of_counted_nouns():
    numbers = find_numbers("أسفر الهجوم عن مقتل شخصين وإصابة طفلين")
    assert [(n.span.text, n.value, n.kind, n.unit) for n in numbers] == [
        ("شخصين", 2, "dual", "شخص"), ("طفلين", 2, "dual", "طفل")]


def test_nominative_dual_and_number_word_after_plural():
    assert read("قتل مدنيين اثنين وجرح جنديان") == [("اثنين", 2), ("جنديان", 2)]
    assert read("قتلت امرأتان في القصف") == [("امرأتان", 2)]


def test_sound_plural_is_not_a_dual():
    assert read("قتل مدنيين في القصف وأصيب مقاتلين وصحفيين") == []


def test_dual_followed_by_two_is_one_mention():
    assert read("قتل شخصين اثنين") == [("شخصين اثنين", 2)]


def test_singular_after_casualty_word():
    n = only("قُتل عنصر من الشرطة في الهجوم")
    assert (n.span.text, n.value, n.kind, n.unit) == ("عنصر", 1, "singular", "عنصر")
    assert read("أعلنت وزارة الصحة مقتل شخص وإصابة طفل") == [("شخص", 1), ("طفل", 1)]
    assert read("التقى الوزير شخصا من المعارضة") == []   # no casualty word: not a count


def test_singular_count_at_helper():
    tokens = tokenize("أصيب عنصر من الشرطة")
    n = singular_count_at(tokens, 1)
    assert n is not None and n.value == 1 and n.kind == "singular" and n.span.text == "عنصر"
    assert singular_count_at(tokens, 2) is None
    assert singular_noun("وطفلا") == "طفل" and dual_noun("لشخصين") == "شخص" and dual_noun("مدنيين") is None
    tokens = tokenize("مقتل شخص واحد")
    assert singular_count_at(tokens, 1) is None        # «واحد» is the mention
    assert read("مقتل شخص واحد") == [("واحد", 1)]


# ------------------------------------------------------------------ vague, qualifiers, ranges

def test_vague_quantities():
    numbers = find_numbers("قتل العشرات وأصيب المئات وشرد آلاف ونزح عشرات الآلاف")
    assert [(n.span.text, n.value, n.kind, n.approximate) for n in numbers] == [
        ("العشرات", 10, "vague", True), ("المئات", 100, "vague", True), ("آلاف", 1000, "vague", True),
        ("عشرات الآلاف", 10000, "vague", True)]


def test_few_and_several():
    few, several = find_numbers("قتل بضعة أشخاص في عدة قرى")
    assert (few.value, few.low, few.high, few.approximate) == (3, 3, 9, True)
    assert (several.value, several.low, several.approximate) == (3, 3, True)


def test_about_and_at_least():
    n = only("قتل نحو 20 شخصا")
    assert (n.span.text, n.value, n.approximate, n.qualifier) == ("نحو 20", 20, True, "about")
    n = only("قتل حوالي عشرين شخصا")
    assert (n.value, n.qualifier) == (20, "about")
    n = only("قتل ما لا يقل عن 20 مدنيا")
    assert (n.span.text, n.value, n.low, n.qualifier) == ("ما لا يقل عن 20", 20, 20, "at_least")
    n = only("قتل 15 شخصا على الأقل")
    assert (n.value, n.low, n.qualifier) == (15, 15, "at_least")
    n = only("قتل أكثر من مئة شخص")
    assert (n.value, n.low, n.qualifier) == (100, 100, "more_than")


def test_ranges():
    n = only("قتل بين 10 و15 شخصا")
    assert (n.span.text, n.value, n.low, n.high, n.approximate, n.qualifier) == \
        ("بين 10 و15", 10, 10, 15, True, "range")
    n = only("قتل 10 إلى 15 شخصا")
    assert (n.low, n.high) == (10, 15)


def test_running_total_is_not_a_range():
    numbers = find_numbers("ارتفع عدد القتلى من 10 إلى 15")
    assert [(n.value, n.qualifier) for n in numbers] == [(10, None), (15, None)]


# ------------------------------------------------------------------ years and percentages

def test_years_are_flagged():
    numbers = find_numbers("اندلعت الانتفاضة في عام 2011 وانتهت المعركة في ديسمبر 2016 منذ 2019")
    assert [(n.value, n.is_year) for n in numbers] == [(2011, True), (2016, True), (2019, True)]
    numbers = find_numbers("عامي 2011 و2012 و1445 هـ")
    assert all(n.is_year for n in numbers) and len(numbers) == 3


def test_a_count_in_the_year_range_is_not_a_year():
    n = only("نزح 2000 شخص من المدينة")
    assert not n.is_year and n.value == 2000


def test_percentages_are_flagged():
    numbers = find_numbers("ارتفعت الأسعار 20% وبلغت نسبة المشاركة ٣٫٥ في المئة و٤٠ ٪")
    assert [(n.span.text, n.value, n.is_percent) for n in numbers] == [
        ("20%", 20, True), ("٣٫٥ في المئة", 3.5, True), ("٤٠ ٪", 40, True)]


def test_without_tokens_argument():
    assert [(n.value) for n in find_numbers("قتل خمسة وعشرون شخصا")] == [25]


def test_day_of_month_in_words_is_a_date_not_a_count():
    # «في العشرين من أيلول»: the twentieth of a month, not twenty people; the bare «العشرين من الجنود» still counts
    assert read("وفي العشرين من أيلول/سبتمبر الماضي، قُتل شخص بغارة على طريق إدلب") == [("شخص", 1.0)]
    assert read("وفي الخامس والعشرين من أكتوبر قتل ثلاثة أشخاص") == [("ثلاثة", 3.0)]
    assert read("قتل العشرين من الجنود في الكمين") == [("العشرين", 20.0)]


def test_couples_kin_and_women_by_trade_are_counted_nouns():
    # counted_nouns.tsv rows: «مهندس» one engineer after a casualty word, «زوجان» and «ممرضتين» two people
    assert read("أصيب مهندس بطلق ناري في الكتف") == [("مهندس", 1.0)]
    assert read("قتل زوجان في القصف") == [("زوجان", 2.0)]
    assert read("أصيبت ممرضتين في الغارة") == [("ممرضتين", 2.0)]
