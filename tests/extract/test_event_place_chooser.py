"""The event's place chooser (rasd.extract.event_place.choose_place) on real Arabic sentences."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.document import Article
from rasd.pipeline import extract


def _events(text: str, kind: str):
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 12, 2)))
    return [e for e in doc.events if e.type == kind]


def test_a_destination_after_a_participle_phrase_is_the_main_clause():
    # «تابعة للقوات المسلحة» closes before «إلى»: the city is where the reinforcements arrived (the
    # prepositions are read as token stems read them, «إلى» → «الي»), not inside the participle's clause
    text = "وصلت اليوم تعزيزات عسكرية ضخمة تابعة للقوات المسلحة الجنوبية إلى مدينة المكلا، عاصمة محافظة حضرموت."
    moves = _events(text, "MOBILIZE")
    assert moves and moves[0].place is not None and "المكلا" in moves[0].place.text


def test_a_country_event_takes_the_town_its_retelling_names():
    text = ("قتل 4 جنود، اليوم الأحد، وأصيب آخرون في انفجار استهدف دورية عسكرية في الصومال.\n"
            "وتعرض جنود الدورية لانفجار عبوة ناسفة على مشارف مدينة بلدوين، عاصمة إقليم هيران.")
    attacks = _events(text, "ASSAULT")
    assert attacks and "بلدوين" in attacks[0].place.text


def test_a_country_event_takes_the_province_where_it_happened():
    text = ("أقدم مسلحون على خطف 15 شخصًا في نيجيريا أثناء توجههم إلى سوق القرية.\n"
            "ووقعت الحادثة مساء الأحد الماضي في ولاية كادونا، حيث اعترض المسلحون الحافلة.")
    attacks = _events(text, "ASSAULT")
    assert attacks and "كادونا" in attacks[0].place.text



def test_a_region_event_takes_the_town_named_before_its_retelling():
    # the retelling noun closes its sentence («ما أدى إلى اندلاع الاشتباك»): the town before it, no other act between
    text = ("قتل مسلحان خلال اشتباك مع القوات الأمنية في القسم الهندي من كشمير الأحد.\n"
            "وحاصرت القوات الأمنية منطقة زراعية قرب بلدة سوبور، ما أدى إلى اندلاع الاشتباك.")
    attacks = _events(text, "ASSAULT")
    assert attacks and "سوبور" in attacks[0].place.text


def test_the_state_a_claim_is_made_for_is_no_place_of_the_event():
    # «تبعية جزيرتي تيران وصنافير إلى السعودية» names what the protest is about: the dispersal is where the
    # sentence before places the protest
    text = ("تظاهر المئات في وسط القاهرة، الجمعة. وفرقت قوات الأمن تظاهرات خرجت للتنديد بإعلان تبعية جزيرتي تيران "
            "وصنافير إلى السعودية.")
    dispersals = _events(text, "COERCE")
    assert dispersals and dispersals[0].place is not None and dispersals[0].place.country == "EG"


def test_a_place_after_a_motive_noun_is_the_cause_not_the_site():
    # «احتجاجا على قصف غزة»: what the students protested; they stood in Irbid
    text = "وفي مدينة إربد، نظم مئات الطلاب، اليوم الأحد، وقفة احتجاجا على قصف غزة."
    protests = _events(text, "PROTEST")
    assert protests and protests[0].place is not None and protests[0].place.country == "JO"


def test_the_motive_nouns_file_loads():
    from rasd.extract.event_place import motive_nouns
    from rasd.text.normalize import normalize_for_match
    nouns = motive_nouns()
    assert "احتجاجا" in nouns and "تضامنا" in nouns
    assert all(n == normalize_for_match(n) and " " not in n for n in nouns)


def test_the_happen_verbs_file_loads():
    from rasd.extract.event_place import happen_verbs
    from rasd.text.normalize import normalize_for_match
    verbs = happen_verbs()
    assert "وقعت" in verbs and "جري" in verbs
    assert all(v == normalize_for_match(v) and " " not in v for v in verbs)


@pytest.mark.parametrize("sentence, landing", [
    ("قال المتحدث إن الحوثيين أطلقوا مساء الاثنين صاروخا باليستيا من محافظة الحديدة / مديرية الدريهمي، "
     "وسقط بعد إطلاقه في محافظة حجة.", "حجة"),
    ("قال المتحدث إن الحوثيين أطلقوا مساء الاثنين صاروخا باليستيا من محافظة ذمار / مديرية عنس، "
     "وسقط بعد إطلاقه في محافظة البيضاء.", "البيضاء"),
])
def test_a_district_written_after_the_launch_province_is_the_launch_site_too(sentence, landing):
    # «من محافظة X / مديرية Y»: the district is part of the launch site, not where the missile fell
    (attack,) = _events(sentence, "ASSAULT")[:1]
    assert attack.place is not None and landing in attack.place.text


def test_a_country_stands_for_the_one_town_the_article_names_in_it():
    doc = extract(Article(id="t", published=dt.date(2024, 5, 2), text=(
        "اعتقلت قوات الأمن في إيران ثلاثة صحفيين بتهمة التجسس لصالح جهات أجنبية. "
        "وكان الصحفيون يعملون في صحيفة محلية تصدر في مدينة مشهد منذ سنوات.")))
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert arrests and arrests[0].place is not None and arrests[0].place.text == "مشهد"


def test_a_country_stays_when_the_article_names_two_towns_in_it():
    doc = extract(Article(id="t", published=dt.date(2024, 5, 2), text=(
        "اعتقلت قوات الأمن في إيران ثلاثة صحفيين بتهمة التجسس لصالح جهات أجنبية. "
        "وكان الصحفيون يعملون في صحف محلية تصدر في مدينتي مشهد وأصفهان منذ سنوات.")))
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert arrests and arrests[0].place is not None and arrests[0].place.feature == "country"


def test_a_sentence_naming_no_place_takes_the_place_named_last_before_it():
    """Of the previous sentence's places the score cannot tell apart, the one named last is the one the next
    sentence goes on about: the arrest is in Yatta, not in Jenin raided first."""
    arrests = _events("اقتحمت قوات الاحتلال مدينة جنين صباح اليوم ثم بلدة يطا جنوبي الضفة. واعتقلت مواطنا من منزله.",
                      "COERCE")
    arrest = next(e for e in arrests if e.trigger.text == "واعتقلت")
    assert arrest.place is not None and arrest.place.text == "يطا"


def test_the_place_a_later_sentence_goes_on_about_is_not_the_town_locating_it():
    """«ثم بلدة يطا في الخليل»: Hebron only says where Yatta lies; the arrest told next is in Yatta."""
    arrests = _events("اقتحمت قوات الاحتلال مدينة جنين صباح اليوم ثم بلدة يطا في الخليل. واعتقلت خمسة شبان من "
                      "منازلهم.", "COERCE")
    arrest = next(e for e in arrests if e.trigger.text == "واعتقلت")
    assert arrest.place is not None and arrest.place.text == "يطا"


def test_a_province_frames_the_one_town_named_in_the_next_sentence():
    from rasd_testkit.extraction import events_of
    doc = events_of("قتل خمسة أشخاص في هجوم بعبوة ناسفة في محافظة ديالى شرقي العراق. وأفاد مصدر أمني بأن "
                    "العبوة وضعت على طريق رئيسي قرب مدينة بعقوبة.")
    assert [e.place.text for e in doc.events if e.type == "ASSAULT"] == ["بعقوبة"]


def test_a_town_of_another_act_told_beside_is_not_the_provinces_event_place():
    from rasd_testkit.extraction import events_of
    doc = events_of("قتل خمسة أشخاص في هجوم بعبوة ناسفة في محافظة ديالى شرقي العراق. وقتل شخصان في هجوم آخر "
                    "في مدينة بعقوبة.")
    assert sorted(e.place.text for e in doc.events if e.type == "ASSAULT") == ["بعقوبة", "محافظة ديالى"]


@pytest.mark.parametrize("text, place", [
    ("قتل ثلاثة جنود في هجوم مسلح على الطريق الرابط بين حمص وحماة قرب بلدة الرستن مساء الأحد.", "الرستن"),
    ("انفجرت عبوة ناسفة بدورية للجيش على الطريق الواصل بين دمشق ودرعا قرب بلدة الصنمين.", "الصنمين"),
])
def test_the_ends_of_a_road_are_not_where_the_act_happened(text, place):
    # «على الطريق الرابط بين X وY قرب Z»: X and Y name the road; Z says where on it the attack was (one act)
    attacks = _events(text, "ASSAULT")
    assert len(attacks) == 1 and attacks[0].place is not None and attacks[0].place.text == place


@pytest.mark.parametrize("text, place", [
    # a relative clause describing the spot the act hit (villages, a school) places the act, not another noun
    ("وقصفت المدفعية التركية قرى وبلدات تابعة لناحية تل تمر في الريف الشمالي الغربي لمحافظة الحسكة.", "تل تمر"),
    ("واستهدفت طائرة مسيرة مدرسة \"النور\" التي كانت أحد مواقع النزوح جنوبي مديرية حيس في الريف الجنوبي من الحديدة.",
     "حيس"),
])
def test_a_clause_describing_the_spot_hit_places_the_act(text, place):
    attacks = _events(text, "ASSAULT")
    assert attacks and attacks[0].place is not None and place in attacks[0].place.text


def test_a_region_of_a_whole_country_takes_the_province_its_retelling_names():
    # «شمال نيجيريا» names no province: the province the next sentence's retelling names is finer
    text = ("أعلنت السلطات النيجيرية اليوم أن مسلحين يركبون دراجات نارية هاجموا مدرسة ثانوية للبنين شمال نيجيريا مساء "
            "أمس.\nووقعت الحادثة في ولاية كاتسينا، بحسب ما أفاد مفوض التعليم في الولاية.")
    attacks = _events(text, "ASSAULT")
    assert attacks and attacks[0].place is not None and "كاتسينا" in attacks[0].place.text



@pytest.mark.parametrize("text, name, in_clause", [
    # «تابعة للجيش» closes with its complement: the place its own «بـ» brings in is the main clause's
    ("انفجرت عبوة ناسفة استهدفت دورية تابعة للجيش بمدينة بعقوبة في ديالى، ما أدى إلى إصابة جنديين.", "بعقوبة", False),
    ("انفجرت عبوة ناسفة استهدفت دورية تابعة للجيش ببعقوبة، ما أدى إلى إصابة جنديين.", "بعقوبة", False),
    # a place as the complement is located by the phrase after it: still the clause's
    ("استهدف مسلحون عنصرا في قرية حريزة التابعة لبلدة الصبحة بريف دير الزور الشرقي.", "ريف دير الزور", True),
    # «بـ» right after the participle is its own complement
    ("قتل جندي في هجوم على قرية الشعير الواقعة بريف دير الزور الشرقي.", "ريف دير الزور", True),
])
def test_a_place_after_a_participle_and_its_complement_is_the_main_clause(text, name, in_clause):
    from rasd.extract.event_place import _place_candidates, _relative_word_before
    doc = extract(Article(id="t", text=text, published=dt.date(2024, 12, 2)))
    at = next(at for p, at in _place_candidates(doc, 0) if name in p.text)
    assert (_relative_word_before(doc, at) is not None) == in_clause


@pytest.mark.parametrize("text, place", [
    # the victim's home town after «من» is where he came from; the act was where the clause's other place says
    ("استشهد طفل من بلدة بيت أمر برصاص قوات الاحتلال قرب مدخل مدينة الخليل.", "الخليل"),
    ("أصيب مدنيان من سكان بلدة كفرنبل بقصف مدفعي على مدينة أريحا في ريف إدلب.", "أريحا"),
])
def test_the_home_of_the_victims_is_not_where_the_act_was(text, place):
    attacks = _events(text, "ASSAULT")
    assert attacks and attacks[0].place is not None and place in attacks[0].place.text


def test_an_arrest_is_made_at_the_home_of_the_one_arrested():
    text = "اعتقلت قوات الاحتلال الشاب محمد أحمد من قرية عانين غرب جنين."
    arrests = _events(text, "COERCE")
    assert arrests and arrests[0].place is not None and "عانين" in arrests[0].place.text


def test_a_spot_said_to_lie_in_a_direction_from_a_city_is_not_in_that_city():
    # «المسجد الواقع شرق مدينة بئر العبد»: the clause tells where the mosque lies from the city (outside it); the
    # act is not placed at the city of the clause
    attacks = _events("قتل 20 شخصا في تفجير استهدف مسجد قرية الروضة بمحافظة شمال سيناء. وقالت مصادر أمنية إن مسلحين "
                      "فجروا عبوة ناسفة بجوار المسجد الواقع شرق مدينة بئر العبد في محافظة شمال سيناء يوم الجمعة.",
                      "ASSAULT")
    assert attacks and all(a.place is None or a.place.text != "بئر العبد" for a in attacks)
