"""Places stage: names two places share, words read as places, spellings news use (place10).

The sentences are written for these tests in the style of news reports; none is copied from an evaluation set.
"""
from __future__ import annotations

from rasd.kb import load_kb
from rasd_testkit.extraction import events_of, km, places_of


def test_tiran_after_its_island_word_is_the_island_not_a_town_in_iran():
    doc = places_of("تظاهر المئات في القاهرة رفضا لنقل تبعية جزيرتي تيران وصنافير في البحر الأحمر إلى السعودية.")
    tiran = [p for p in doc.places if p.text == "تيران"]
    assert tiran and tiran[0].country != "IR" and km(tiran[0], 27.93, 34.56) < 30, \
        [(p.text, p.name_en, p.country) for p in doc.places]


def test_islands_claimed_are_not_where_the_protest_was():
    doc = events_of("وفرقت قوات الأمن المصرية اليوم الجمعة تظاهرات خرجت للتنديد بقرار الحكومة نقل تبعية جزيرتي تيران "
                    "وصنافير إلى السعودية.")
    places = {e.place.text for e in doc.events if e.place is not None}
    assert not places & {"تيران", "صنافير"}, [(e.type, e.place) for e in doc.events]


def test_a_gang_is_not_assaba_in_mauritania():
    doc = places_of("وقال مصدر أمني في محافظة ديالى العراقية إن الخلية التي اعتقلتها القوات العراقية في بعقوبة "
                    "تابعة لعصابة القاعدة الارهابية، وإنها أحبطت بعض مخططات العصابة داخل المحافظة.")
    assert not [p for p in doc.places if p.country == "MR"], [(p.text, p.name_en, p.country) for p in doc.places]


def test_assaba_named_as_a_province_stays():
    doc = places_of("وصل وزير الداخلية الموريتاني إلى ولاية لعصابة في جولة تفقدية.")
    assert [p for p in doc.places if p.country == "MR" and p.feature == "admin1"], \
        [(p.text, p.name_en, p.country) for p in doc.places]


def test_new_administrative_capital_is_a_place_in_egypt():
    doc = places_of("عقدت القمة العربية الطارئة في العاصمة الإدارية الجديدة شرق القاهرة بمشاركة عدد من القادة.")
    capital = [p for p in doc.places if p.text.startswith("العاصمة الإدارية")]
    assert capital and capital[0].country == "EG" and km(capital[0], 30.02, 31.70) < 20, \
        [(p.text, p.name_en) for p in doc.places]


def test_nahiya_names_the_town_after_it():
    doc = places_of("اغتال مسلحون ضابطا في الشرطة العراقية داخل مسجد في ناحية القيارة جنوب الموصل.")
    qayyarah = [p for p in doc.places if p.name_en == "Al Qayyarah"]
    assert qayyarah and qayyarah[0].country == "IQ" and km(qayyarah[0], 35.80, 43.29) < 30, \
        [(p.text, p.name_en, p.feature) for p in doc.places]


def test_news_spellings_of_places_the_gazetteer_has():
    gazetteer = load_kb().gazetteer
    for spelling, country in (("بوقرين", "LY"), ("موسى كالا", "AF"), ("سليمان بيك", "IQ")):
        assert any(c.country == country for c in gazetteer.candidates(spelling)), spelling


def test_an_adjective_after_its_noun_is_no_district():
    doc = places_of("وبحث وزير الإسكان المصري مع نظيره التونسي في القاهرة التعاون في مجالات الإسكان والتنمية العمرانية.")
    assert "العمرانية" not in [p.text for p in doc.places], [(p.text, p.name_en) for p in doc.places]


def test_a_district_after_its_place_word_stays():
    doc = places_of("اندلع حريق في منطقة العمرانية بمحافظة الجيزة.")
    assert [p for p in doc.places if p.name_en == "El-Omraneyah"], [(p.text, p.name_en) for p in doc.places]


def test_a_name_after_nahiya_that_the_gazetteer_holds_is_the_place_not_a_person():
    doc = places_of("تمكنت القوات الأمنية العراقية في ناحية سليمان بيك من إعادة سيطرتها على المدينة.")
    assert [p for p in doc.places if p.country == "IQ" and p.text == "سليمان بيك"], \
        [(e.text, e.type) for e in doc.entities]


def test_the_city_after_its_quarters_is_not_medina():
    doc = places_of("هاجم مسلحون مجهولون مساء السبت حواجز للجيش في مدينة الصنمين شمالي درعا ضمن أحياء المدينة.")
    assert not [p for p in doc.places if p.country == "SA"], [(p.text, p.name_en, p.country) for p in doc.places]


def test_tripoli_in_a_list_of_lebanese_districts_is_lebanons():
    doc = places_of("أوقفت قوى الأمن الداخلي اللبنانية تسعة مواطنين وخمسة سوريين في أقضية عكار، طرابلس، البترون، بعلبك.")
    tripoli = [p for p in doc.places if p.text == "طرابلس"]
    assert tripoli and tripoli[0].country == "LB", [(p.text, p.country) for p in doc.places]


def test_tripoli_alone_is_still_libyas_capital():
    doc = places_of("وصل المبعوث الأممي إلى طرابلس لإجراء محادثات مع حكومة الوحدة الوطنية.")
    tripoli = [p for p in doc.places if p.text == "طرابلس"]
    assert tripoli and tripoli[0].country == "LY", [(p.text, p.country) for p in doc.places]


def test_a_village_after_its_place_word_in_a_west_bank_story_is_not_sidon():
    doc = places_of('أعلن الجيش الإسرائيلي أن قواته اقتحمت مدينة نابلس في الضفة الغربية، ثم داهمت بلدة "صيدا" شمالي '
                    'المدينة واعتقلت شابا، فيما قالت إسرائيل إن العملية مستمرة.')
    saida = [p for p in doc.places if p.text == "صيدا"]
    assert saida and saida[0].country == "PS", [(p.text, p.name_en, p.country) for p in doc.places]


def test_birthplace_idiom_is_not_muscat():
    doc = places_of("وقال مسؤول أمني يمني إن منفذ الهجوم الانتحاري توارى عن الأنظار منذ شهرين في مسقط رأسه "
                    "بمحافظة الجوف قبل أن يظهر في عدن.")
    assert not [p for p in doc.places if p.country == "OM"], [(p.text, p.name_en, p.country) for p in doc.places]
    assert not [e for e in doc.entities if e.text == "مسقط"], [(e.text, e.type) for e in doc.entities]


def test_muscat_without_the_idiom_stays():
    doc = places_of("وصل وفد الحوثيين إلى مسقط رأسا من صنعاء للقاء المبعوث الأممي.")
    assert [p for p in doc.places if p.country == "OM" and p.text == "مسقط"], \
        [(p.text, p.name_en, p.country) for p in doc.places]


def test_an_airport_named_after_a_city_frequent_in_news_is_there():
    doc = places_of("وقصفت طائرات التحالف مطار عدن الدولي صباح اليوم في اليمن.")
    airport = [p for p in doc.places if p.text.startswith("مطار عدن")]
    assert airport and airport[0].country == "YE" and km(airport[0], 12.78, 45.04) < 30, \
        [(p.text, p.name_en, p.country) for p in doc.places]


def test_a_farm_word_heads_a_village_name_it_is_no_village_alone():
    doc = places_of("شنت طائرات التحالف غارات جوية على قريتي شنينة ومزرعة الحسين بريف الرقة الشمالي.")
    assert not [p for p in doc.places if p.text == "مزرعة"], [(p.text, p.name_en, p.country) for p in doc.places]


def test_an_adjective_after_a_bare_place_word_is_no_village():
    doc = places_of("قصفت طائرات التحالف مواقع التنظيم الذي يسيطر على مناطق واسعة في شمال سوريا.")
    assert not [p for p in doc.places if p.text == "واسعة"], [(p.text, p.name_en, p.country) for p in doc.places]


def test_a_rare_name_after_a_bare_place_word_stays():
    doc = places_of("اقتحمت قوات الاحتلال بلدة قباطية جنوب جنين واعتقلت شابين.")
    assert [p for p in doc.places if p.text == "قباطية" and p.country == "PS"], \
        [(p.text, p.name_en, p.country) for p in doc.places]


def test_a_province_whose_name_is_a_common_word_stays_after_its_place_word():
    doc = places_of("وتكثف طائرات التحالف قصفها العنيف للمناطق الحدودية في محافظتي حجة وصعدة شمال اليمن.")
    assert {p.text for p in doc.places if p.country == "YE"} >= {"حجة", "صعدة"}, \
        [(p.text, p.name_en, p.country) for p in doc.places]
