"""Places stage: district words and duals of place words as cues, a name read whole after a place word in
construct, Latin-only names after a place word, and places just across the border of the story's country.

The sentences are written for these tests in the style of news reports; none is copied from an evaluation set.
"""
from __future__ import annotations

import pytest

from rasd.kb import load_kb
from rasd_testkit.extraction import km, places_of

needs_villages = pytest.mark.skipif(not load_kb().gazetteer.meta().get("extra"),
                                    reason="villages come from Who's On First, absent from this build")


def test_dual_of_a_province_word_names_provinces():
    # «محافظتي»: the two provinces, the first of them Saladin (not a town of that name)
    doc = places_of("شنت القوات العراقية عملية أمنية واسعة في محافظتي صلاح الدين وكركوك أمس.")
    saladin = next(p for p in doc.places if p.text == "صلاح الدين")
    assert saladin.feature == "admin1" and saladin.country == "IQ"


def test_a_district_word_is_a_place_cue():
    # «مقاطعة»: a district; the name after it is a place even where the entity layer reads a person
    doc = places_of("قتل 12 مسلحا في غارة جوية بمقاطعة موسى كالا في ولاية هلمند جنوبي أفغانستان.")
    town = next(p for p in doc.places if p.text == "موسى كالا")
    assert town.country == "AF" and km(town, 32.45, 64.75) < 15


def test_a_district_word_names_no_place_abroad():
    # «محلية الثورة» in a Sudanese story: a district of Omdurman, not the Syrian town once called al-Thawra
    doc = places_of("سقطت قذائف على مدرسة في محلية الثورة بمدينة أم درمان غربي العاصمة السودانية الخرطوم.")
    assert not any(p.country == "SY" for p in doc.places)


def test_a_name_with_a_conjunction_letter_after_a_place_word_is_read_whole():
    # «مدينة والام»: right after «مدينة» no conjunction can stand; the name is Ouallam, not «و» + Ilam (Iran)
    doc = places_of("هاجم مسلحون نقطة أمنية في سجن مدينة والام غربي النيجر، وقتلوا ثلاثة حراس.")
    assert not any(p.country == "IR" for p in doc.places)
    town = next(p for p in doc.places if p.text == "والام")
    assert town.country == "NE" and km(town, 14.32, 2.09) < 10


def test_a_latin_name_after_a_place_word_before_a_province():
    # «مدينة كالوقي بولاية جنوب كردفان»: not «ك» + a quarter «الوقي»; a Latin-only village of South Kordofan
    doc = places_of("اندلعت اشتباكات قبلية قرب مدينة كالوقي بولاية جنوب كردفان في السودان.")
    assert not any(p.text == "الوقي" for p in doc.places)
    town = next(p for p in doc.places if p.text == "كالوقي")
    assert town.country == "SD" and town.reason.startswith("transliteration")


def test_a_town_word_does_not_name_a_historic_region():
    # «بلدة برقة غرب نابلس»: a West Bank village, not Cyrenaica (Libya)
    doc = places_of("واعتقلت قوات الاحتلال الشاب أحمد سالم من بلدة برقة غرب نابلس على حاجز عسكري.")
    assert not any(p.country == "LY" for p in doc.places)


def test_a_place_across_the_border_of_the_story_country_is_kept():
    # a story of Israel that never names Palestine: Gaza is no far-off homonym to drop
    doc = places_of("سلم الصليب الأحمر الرهينتين لمسؤولين إسرائيليين على حدود غزة، ثم نقلتا إلى قاعدة في "
                    "وسط إسرائيل.")
    gaza = next(p for p in doc.places if p.text == "غزة")
    assert gaza.country == "PS" and km(gaza, 31.50, 34.47) < 15


def test_a_lone_homonym_far_from_the_story_is_still_dropped():
    # «دول الساحل الخمس» in a story of Niger: «الخمس» (the five) is not Al Khums, Libya
    doc = places_of("أعلنت النيجر انضمامها إلى القوة المشتركة لدول الساحل الخمس، وقال الجيش النيجري إن "
                    "العملية في منطقة تيلابيري مستمرة.")
    assert not any(p.country == "LY" for p in doc.places)


def test_a_local_adjective_is_no_district_word():
    # «وسائل إعلام محلية بينها»: «محلية» is «local» here (not Sudan's «محلية» district), «بينها» no place
    doc = places_of("ونقلت وسائل إعلام محلية بينها صحيفة يومية أن الحادث وقع في مدرسة بمدينة كادونا شمالي نيجيريا.")
    assert {p.country for p in doc.places} == {"NG"}
    assert not any(p.text == "بينها" for p in doc.places)


def test_a_latin_name_is_looked_up_only_in_a_country_a_place_of_the_story_names():
    # the article's first country must be that of a place it names: a vote from a nisba alone is too weak
    from rasd.extract.places import GrowingIndex, _itself, _latin_after_cue
    doc = places_of("هاجم مسلحون سجن مدينة والام غربي النيجر، وقتلوا ثلاثة حراس.")
    k = next(i for i, t in enumerate(doc.tokens) if t.text == "مدينة")
    assert _latin_after_cue(doc, load_kb(), k, "city", ["NE"], GrowingIndex([], _itself)) is not None
    doc.places = [p for p in doc.places if p.country != "NE"]
    assert _latin_after_cue(doc, load_kb(), k, "city", ["NE"], GrowingIndex([], _itself)) is None


@needs_villages
def test_a_village_in_the_countryside_named_is_the_one_of_that_province():
    # «قرية المنصورة بريف حماة»: the al-Mansoura of Hama province (al-Ghab), not a nearer one across the
    # border of Tartus province
    doc = places_of("قتل ثلاثة مدنيين إثر قصف مدفعي لقوات النظام على محيط قرية المنصورة بريف حماة الغربي في سوريا.")
    village = next(p for p in doc.places if p.text == "المنصورة")
    assert village.country == "SY" and km(village, 35.65, 36.35) < 15


def test_the_countries_of_places_the_text_locates_count_as_the_articles():
    # a West Bank story that names no country: Hebron and Yatta, located by their place words, make Palestine
    # one of the article's countries, and then Ramallah and Jenin are its towns too
    doc = places_of("اعتقلت قوات الاحتلال فجر اليوم ثلاثة شبان من مدينة الخليل واثنين من بلدة يطا، كما داهمت "
                    "منازل في رام الله وجنين.")
    names = {p.text: p for p in doc.places}
    assert names["رام الله"].country == "PS" and km(names["رام الله"], 31.90, 35.20) < 10
    assert names["جنين"].country == "PS"


@needs_villages
def test_a_name_many_villages_bear_is_the_one_in_a_province_the_story_names():
    # «منطقة صرواح» in a story of Marib: several Yemeni villages are called Sirwah, one of them in Marib province
    doc = places_of("كان المتمردون يتمركزون في منطقة صرواح، على بعد 48 كيلومترا غربي مدينة مأرب. وقال مسؤولون في "
                    "مأرب إن القتال مستمر.")
    sirwah = next(p for p in doc.places if p.text == "صرواح")
    assert sirwah.country == "YE" and km(sirwah, 15.45, 45.02) < 25


def test_and_after_a_definite_place_word_opens_no_name():
    # «المنطقة وعلى وجه الخصوص»: after «the region», «و» is «and»; «وعلى» is no transliteration of a town
    doc = places_of("أكد الجانبان أهمية تخفيف حدة التوترات التي تواجهها المنطقة وعلى وجه الخصوص القضية الفلسطينية، "
                    "خلال لقاء في الرياض مع وزير الخارجية السعودي.")
    assert not [p for p in doc.places if p.text.startswith("وعل")], [(p.text, p.reason) for p in doc.places]



def test_a_facility_named_after_a_big_city_of_a_country_the_donors_outvote():
    # the donors' nisbas and names (Kuwait, Pakistan) outvote Egypt, named once by «شمال سيناء»; «مطار العريش» is
    # still El Arish's airport, not the province's middle 70 km off
    from rasd_testkit.extraction import km, places_of
    doc = places_of(
        "وصول طائرة كويتية تحمل مساعدات لأهل غزة وأخرى باكستانية إلى مطار العريش\n\n"
        "أكد مصدر مسؤول في شمال سيناء اليوم الأحد استمرار مطار العريش الدولي في استقبال طائرات تحمل المساعدات "
        "الإنسانية والإغاثية الموجهة إلى قطاع غزة.\n\nوجاء ذلك في إطار جهود الدعم والتضامن مع الأشقاء الفلسطينيين في "
        "قطاع غزة.\n\nأضاف المصدر أن الطائرة الاولي من دولة الكويت وحملت على متنها 9 أطنان من المواد الطبية،\n\n"
        "والطائرة الثانية من باكستان وحملت على متنها 73 طنا من المساعدات الاغاثية.")
    airports = [p for p in doc.places if "العريش" in p.text]
    assert airports and all(p.country == "EG" and km(p, 31.13, 33.80) < 15 for p in airports)
