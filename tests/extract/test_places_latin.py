"""Places the gazetteer knows only by Latin names, found by transliteration (rasd.kb.latin) in the places stage."""
from __future__ import annotations


from rasd_testkit.extraction import km, places_of


def test_a_town_known_only_in_latin_after_a_place_word():
    doc = places_of("قتل خمسة أشخاص في انفجار استهدف سوقا في مدينة مستونغ بإقليم بلوشستان الباكستاني.")
    town = next(p for p in doc.places if p.text == "مستونغ")
    assert town.country == "PK" and town.name_en == "Mastung" and km(town, 29.80, 66.85) < 10
    assert town.reason.startswith("transliteration")
    assert not any(p.text.endswith("مستونغ") for p in doc.unresolved_places)


def test_only_in_the_articles_countries():
    # the same name in a story about Mali names no Pakistani town
    doc = places_of("قتل خمسة أشخاص في انفجار استهدف سوقا في مدينة مستونغ شمالي مالي.")
    assert not any(p.country == "PK" for p in doc.places)


def test_a_word_that_reads_like_no_place_stays_unresolved():
    doc = places_of("قصفت طائرات مسيرة منطقة باجور في شمال غرب باكستان.")
    assert not any(p.name_en == "Peshawar" for p in doc.places)     # «باجور» is not «بيشاور»


def test_a_quarter_is_not_looked_up():
    # «حي»: a quarter of a town; a Latin-only village of that name elsewhere in the country is another place
    doc = places_of("قصفت المدفعية حي مستونغ في باكستان.")
    assert not any(p.name_en == "Mastung" for p in doc.places)


def test_an_unknown_word_after_a_locating_preposition():
    # no place word before it and no NER reading: the word after «في» / «ضواحي» that no lexicon knows
    doc = places_of("قتل ثلاثة جنود في هجمات وقعت في ماستونغ، وهي منطقة بإقليم بلوشستان في باكستان.")
    town = next(p for p in doc.places if p.text == "ماستونغ")
    assert town.name_en == "Mastung" and town.country == "PK" and km(town, 29.80, 66.85) < 10
    doc = places_of("فرت أكثر من ألف عائلة من منازلها في ضواحي لشكركاه في ولاية هلمند جنوب أفغانستان.")
    assert any(p.text == "لشكركاه" and p.country == "AF" and km(p, 31.59, 64.37) < 10 for p in doc.places)


def test_no_transliteration_after_a_preposition_of_motion_or_of_an_inflected_word():
    # «من» (a person may follow it) and a common word with a clitic («باعتبارها») name no place
    doc = places_of("وصل وفد من ماستونغ إلى العاصمة إسلام آباد في باكستان.")
    assert not any(p.text == "ماستونغ" for p in doc.places)
    doc = places_of("تسعى القوات للسيطرة على الفاشر باعتبارها آخر مدينة رئيسية في دارفور بالسودان.")
    assert not any(p.name_en == "Atbara" for p in doc.places)


def test_a_longer_name_of_the_country_named_after_it():
    # «ساري» alone is Sari (Iran); with the word after it and «شمالي أفغانستان» it is Sar-e Pul
    doc = places_of("قتل أربعة جنود بعد أن هاجم مسلحون نقطة تفتيش في مقاطعة ساري بل شمالي أفغانستان.")
    town = next(p for p in doc.places if p.text == "ساري بل")
    assert town.country == "AF" and km(town, 36.22, 65.93) < 10
    assert not any(p.country == "IR" for p in doc.places)


def test_no_longer_name_without_a_country_after_it():
    # «الرقة ما أدى»: a function word after a name makes no longer name
    doc = places_of("شنت القوات التركية عدوانا على قرى ريفي الحسكة والرقة ما أدى إلى استشهاد مدنيين في سوريا.")
    assert not any((p.reason or "").startswith("transliteration of a longer name") for p in doc.places)


def test_an_unknown_word_between_two_places():
    doc = places_of("نصب مسلحون كمينا لقوات حفظ السلام على الطريق الرابط بين أدوينزا وبوني في وسط مالي.")
    assert any(p.text == "أدوينزا" and p.country == "ML" and km(p, 15.00, -2.95) < 15 for p in doc.places)
