"""English names that read like English: the translation table, the romanisation convention, plain names."""
from __future__ import annotations

import pytest

from rasd.kb import english
from rasd.kb.english import country_name, english_name, plain, romanize


@pytest.mark.parametrize("arabic, expected", [
    ("مستشفى الشفاء", "al-Shafa Hospital"),                  # head after the name
    ("وزارة الدفاع", "Ministry of Defence"),                  # a whole phrase
    ("قوات الأمن", "security forces"),
    ("قوات الأمن العراقية", "Iraqi security forces"),         # nisba adjective in front
    ("وزارة الصحة الفلسطينية", "Palestinian Ministry of Health"),
    ("الدفاع المدني", "Civil Defence"),
    ("مدرسة الحناوي", "al-Hanawi School"),
    ("المستشفى الوطني", "National Hospital"),                 # the head with its article; a translated word
])
def test_generic_heads_are_translated(arabic, expected):
    assert english_name(arabic) == expected


def test_the_rest_is_romanised_by_one_convention():
    name = english_name("عبيدة علوان")
    assert name.isascii() and name == romanize("عبيدة علوان")
    assert romanize("الحسكة").startswith("al-")              # «ال» → al-
    assert romanize("سعيّد") == romanize("سعيد")              # no diacritics, vocalised or not
    assert english_name("Khān Yūnis") == "Khan Yunis"         # a Latin name only loses its diacritics


def test_plain_strips_latin_diacritics():
    assert plain("Khān Yūnis") == "Khan Yunis" and plain("Ḩalab") == "Halab" and plain("Ţarţūs") == "Tartus"
    assert plain("Al ‘Ayn") == "Al 'Ayn" and plain(None) == ""


def test_country_names_follow_acled():
    assert country_name("PS") == "Palestine" and country_name("SY") == "Syria" and country_name("EG") == "Egypt"
    assert country_name("") == ""


def test_translation_table_rows_are_valid():
    table = english.translations()
    assert len(table) > 100
    assert {h.order for h in table.values()} == set(english.ORDERS)
    assert all(h.english.isascii() for h in table.values())
    assert table[("مستشفي",)].english == "Hospital"          # keys are normalised (ى → ي)


def test_a_bad_translation_row_names_file_and_line(tmp_path):
    bad = tmp_path / "name_translations.tsv"
    bad.write_text("# c\narabic\tenglish\torder\nمستشفى\tHospital\tsideways\n", encoding="utf-8")
    with pytest.raises(ValueError, match="name_translations.tsv:3"):
        english.translations.__wrapped__(bad)
