import re

import pytest

from rasd.text.datafiles import data_rows
from rasd.text.furniture import furniture_label, furniture_rules

LABELS = {"read_also", "more", "share", "caption", "byline", "copyright"}


def test_data_file_rows_are_valid():
    rows = data_rows("furniture.tsv")
    assert rows
    for row in rows:
        assert row["label"] in LABELS
        assert row["max_words"].isdigit()
        re.compile(row["pattern"])
        assert not re.search(r"\\[SWD]", row["pattern"]), "patterns are lower-cased: no \\S \\W \\D"
    assert len(furniture_rules()) == len(rows)


@pytest.mark.parametrize("line, label", [
    ("اقرأ أيضا: الجيش السوري يستعيد السيطرة على بلدة في ريف حماة", "read_also"),
    ("اقرأ أيضاً:", "read_also"),
    ("شاهد أيضا: لحظة سقوط صاروخ على مبنى سكني", "read_also"),
    ("المزيد", "more"),
    ("شارك", "share"),
    ("تابعونا على تويتر", "share"),
    ("(صورة: رويترز)", "caption"),
    ("الصورة: عناصر من الدفاع المدني ينتشلون ضحايا من تحت الأنقاض", "caption"),
    ("الثوار السوريون يقتحمون حلب – فيديو", "caption"),
    ("فيديو: لحظة انفجار السيارة المفخخة", "caption"),
    ("بقلم محمد الأحمد", "byline"),
    ("كتب: أحمد علي", "byline"),
    ("© 2024 جميع الحقوق محفوظة", "copyright"),
    ("جميع الحقوق محفوظة لموقع الخبر", "copyright"),
])
def test_furniture_lines(line, label):
    assert furniture_label(line) == label


@pytest.mark.parametrize("line", [
    "قتل خمسة أشخاص في غارة جوية على ريف إدلب الجنوبي.",
    "كتب الرئيس الأمريكي على منصة إكس أن بلاده لن تتسامح مع الهجمات.",
    "وشاهد السكان أعمدة الدخان تتصاعد من المطار العسكري.",
    "وأظهر مقطع فيديو نشره ناشطون دبابات تدخل المدينة.",
    "شارك آلاف المتظاهرين في مسيرة وسط العاصمة للمطالبة بوقف الحرب وإطلاق سراح المعتقلين.",
])
def test_news_sentences_are_not_furniture(line):
    assert furniture_label(line) is None
