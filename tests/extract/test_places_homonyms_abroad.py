"""Places a name shares with a place abroad: which one the article means (rasd.extract.places, rasd.kb.build).

The sentences are written for these tests in the style of news reports; none is copied from an evaluation set.
"""
from __future__ import annotations

import pytest

from rasd_testkit.extraction import km, places_of


def test_the_kurdistan_region_with_its_place_word_is_iraqs():
    doc = places_of("أعلنت وزارة الدفاع التركية، اليوم الاثنين، تحييد عنصرين من حزب العمال الكردستاني في اقليم كردستان.")
    assert [(p.text, p.country) for p in doc.places if "كردستان" in p.text] == [("اقليم كردستان", "IQ")]


@pytest.mark.parametrize("text, adjective", [
    ("قالت مصادر محلية إن طائرة مسيرة تركية استهدفت موقعا عسكريا في قرية قرب مدينة الحسكة.", "تركية"),
    ("ترى التنسيقيات أن كثافة القصف تمهد لعملية عسكرية تركية في ريف الحسكة.", "تركية"),
    ("أفادت قناة تلفزيونية سورية بمقتل مدنيين اثنين في قصف على مدينة إدلب.", "سورية"),
])
def test_a_country_spelt_as_its_feminine_nisba_after_a_feminine_noun_is_the_adjective(text, adjective):
    doc = places_of(text)
    assert adjective not in [p.text for p in doc.places]
    assert any(p.feature != "country" for p in doc.places)     # the real place stays


@pytest.mark.parametrize("text, country", [
    ("عاد الوفد الحكومي إلى تركية بعد زيارة قصيرة.", "TR"),
    ("زار وزير الخارجية الإيراني مدينة حلب في سورية أمس.", "SY"),
])
def test_the_country_spelt_so_after_a_preposition_stays_a_place(text, country):
    assert country in [p.country for p in places_of(text).places if p.feature == "country"]


@pytest.mark.parametrize("text, rest", [
    ("قصفت المدفعية قرية تل مالطا في ريف حماة الشمالي.", "مالطا"),
    ("قتل راع بانفجار لغم قرب قرية بئر القاهرة في ريف درعا الشرقي.", "القاهرة"),
    ("انفجرت عبوة ناسفة على الطريق المؤدي إلى قرية عين دمشق في ريف حلب الشرقي.", "دمشق"),
])
def test_the_rest_of_a_name_after_a_bare_landform_noun_is_no_place_of_its_own(text, rest):
    doc = places_of(text)
    assert rest not in [p.text for p in doc.places]
    assert all(p.country == "SY" for p in doc.places)


def test_a_name_the_gazetteer_holds_whole_with_its_landform_noun_stays():
    doc = places_of("قصفت المدفعية التركية أطراف مدينة تل أبيض في ريف الرقة الشمالي.")
    assert "تل أبيض" in [p.text for p in doc.places]


def test_a_quarter_east_of_a_city_is_the_homonym_beside_that_city_not_beside_a_village_of_the_citys_name():
    # («تعز» is also a village of Hajjah, 300 km north: the city named is the city, not its homonyms)
    doc = places_of("أصيب طفلان برصاص قناص في حي الدمينة شرقي مدينة تعز.")
    quarter = next(p for p in doc.places if p.text == "الدمينة")
    assert km(quarter, 13.58, 44.02) < 30


def test_of_two_villages_of_one_name_the_one_beside_the_place_listed_before_it():
    # («رامية» names a village of Mount Lebanon and one of Nabatieh beside Aita al-Shaab)
    doc = places_of("قصفت القوات الإسرائيلية أطراف بلدات في جنوب لبنان، إضافة إلى استهداف بلدتي عيتا الشعب ورامية خلال الليل.")
    village = next(p for p in doc.places if p.text == "رامية")
    assert km(village, 33.10, 35.33) < 10


def test_a_latin_name_whose_second_word_opens_with_waw_is_read_whole_after_its_place_word():
    doc = places_of("دمر الجيش الجزائري ستة عشر مخبأ بمنطقة تزي وزو شمال البلاد، "
                    "وتم القبض على أربعة أشخاص في ولاية قسنطينة شمال شرق الجزائر.")
    town = next(p for p in doc.places if p.text == "تزي وزو")
    assert town.country == "DZ" and km(town, 36.71, 4.05) < 30


def test_a_country_named_further_on_after_other_words_does_not_place_the_name_before_it():
    doc = places_of("أمريكا تفرض عقوبات جديدة تستهدف إيران وحزب الله فرضت الولايات المتحدة اليوم الثلاثاء عقوبات.")
    assert ("إيران", "IR", "country") in [(p.text, p.country, p.feature) for p in doc.places]


def test_a_country_named_right_after_a_place_with_a_direction_still_places_it():
    doc = places_of("انفجرت سيارة مفخخة في طرابلس شمال لبنان.")
    assert [p.country for p in doc.places if p.text == "طرابلس"] == ["LB"]


def test_a_village_word_does_not_anchor_a_homonym_in_a_country_never_named():
    doc = places_of("وقال الجيش النيجيري إنه صد هجوما لمسلحي بوكو حرام حول قرية بيتا عند الطرف الجنوبي لغابة "
                    "سامبيسا في ولاية بورنو.")
    assert not [p for p in doc.places if p.country == "MT"], [(p.text, p.name_en, p.country) for p in doc.places]


def test_a_town_word_takes_the_town_at_home_its_latin_name_reads_like():
    doc = places_of("وقال الجيش النيجيري إنه طهر معسكرات للمتشددين حول بلدة باما وقتل عشرة مسلحين.")
    bama = [p for p in doc.places if p.text == "باما"]
    assert bama and bama[0].country == "NG" and km(bama[0], 11.52, 13.69) < 30, \
        [(p.text, p.name_en, p.country) for p in doc.places]


def test_a_lam_after_an_area_word_is_the_names_own_letter():
    doc = places_of("قتل جنديان تركيان في هجوم على طريق في منطقة ليجي بولاية ديار بكر جنوب شرقي تركيا.")
    assert not [p for p in doc.places if p.country == "GH"], [(p.text, p.name_en, p.country) for p in doc.places]


def test_the_bare_capital_of_a_small_far_country_is_a_word_of_its_letters():
    doc = places_of("حماك الله يا وطني من شر كل من أراد لك الشر، وعشت يا وطني أبيّا كريما قويا. وقد اعتقلت الأجهزة "
                    "الأمنية في الرياض خلية إرهابية.")
    assert not [p for p in doc.places if p.country == "WS"], [(p.text, p.name_en, p.country) for p in doc.places]


def test_a_gulf_capital_named_bare_stays():
    doc = places_of("وقد اعتقلت الأجهزة الأمنية في الرياض خلية إرهابية كان أحد أفرادها قد وصل من المنامة قبل أيام.")
    assert [p for p in doc.places if p.country == "BH"], [(p.text, p.name_en, p.country) for p in doc.places]


def test_moscow_next_to_washington_is_the_capital_not_a_texan_town():
    doc = places_of("اتهمت موسكو واشنطن بدعم الإرهاب في سوريا.")
    moscow = [p for p in doc.places if p.text == "موسكو"]
    assert moscow and moscow[0].country == "RU", [(p.text, p.name_en, p.country) for p in doc.places]


def test_tripoli_in_a_lebanese_list_stays_lebanese():
    doc = places_of("وقعت اشتباكات في أقضية عكار وطرابلس والبترون في لبنان.")
    assert [p.country for p in doc.places if p.text == "طرابلس"] == ["LB"], \
        [(p.text, p.name_en, p.country) for p in doc.places]


def test_moscow_in_a_story_of_the_united_states_is_the_capital():
    doc = places_of("اتهمت موسكو الولايات المتحدة بدعم الإرهاب.")
    assert [p.country for p in doc.places if p.text == "موسكو"] == ["RU"], \
        [(p.text, p.name_en, p.country) for p in doc.places]


def test_jerusalem_listed_before_bethlehem_stays_jerusalem():
    doc = places_of("واشتبك فلسطينيون مع الجيش ومستوطنين في نابلس ورام الله والخليل والقدس وبيت لحم.")
    assert [p for p in doc.places if p.text == "القدس" and km(p, 31.77, 35.22) < 30], \
        [(p.text, p.name_en, p.country) for p in doc.places]
