import pytest

from rasd.text.datafiles import data_rows
from rasd.text.lemma import light_stem
from rasd.text.tokens import tokenize


@pytest.mark.parametrize("word", ["قصف", "يقصف", "قصفت", "القصف", "قصفوا", "يقصفون", "تقصف", "ستقصف", "وقصفت"])
def test_forms_of_a_trigger_share_a_key(word):
    [tok] = tokenize(word)
    assert light_stem(tok.stem) == "قصف"


def test_derived_verb_forms_match_past_and_imperfect():
    assert light_stem("اعتقل") == light_stem("يعتقل") == light_stem("اعتقلت") == light_stem("اعتقلوا")
    assert light_stem("استهدف") == light_stem("يستهدف") == light_stem("استهدفت")


def test_nouns_lose_plural_and_feminine_endings():
    assert light_stem("غارات") == light_stem("غارة")
    assert light_stem("ضربتين") == light_stem("ضربة") == "ضرب"


def test_short_words_are_left_alone():
    for word in ("قتل", "يوم", "بيت", "موت", "تم"):
        assert light_stem(word) == word


def test_affix_table_is_valid():
    rows = data_rows("light_affixes.tsv")
    assert {r["position"] for r in rows} == {"prefix", "suffix"}
    assert all(int(r["min_rest"]) >= 3 for r in rows)
