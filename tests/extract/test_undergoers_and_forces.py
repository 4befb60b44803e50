"""Who is hit and who acts around casualty verbs and acts of force: the subject of «أصيب»/«استشهد» is wounded or
killed, never the attacker; an armed force in genitive after an act of force («خلال اقتحام قوات الاحتلال») or
after «شنه عناصر من ...» did it; a country and its own unnamed force tell one strike."""

import pytest

from rasd.document import Article
from rasd.pipeline import extract
from rasd_testkit.extraction import events_of


def _actor1(doc, trigger):
    event = next(e for e in doc.events if e.trigger.text == trigger)
    return event.actor1.text if event.actor1 else None


def test_the_subject_of_a_wounding_verb_is_wounded_and_the_raiding_force_attacked():
    doc = events_of("أصيب ثلاثة شبان فلسطينيين خلال اقتحام قوات الاحتلال بلدة يعبد جنوب غرب جنين صباح اليوم.")
    assault = next(e for e in doc.events if e.type == "ASSAULT")
    assert assault.actor1 is not None and assault.actor1.text == "قوات الاحتلال"
    assert "شبان" not in (assault.actor1.text or "")


def test_a_voweled_passive_casualty_verb_takes_no_attacker_from_its_subject():
    doc = events_of("قُتل قيادي في ميليشيا محلية خلال اشتباكات مع قوات الجيش في بلدة البصيرة شرقي دير الزور.")
    assault = next(e for e in doc.events if e.type == "ASSAULT")
    assert assault.actor1 is None or assault.actor1.text != "قيادي"


@pytest.mark.parametrize("text,subject", [
    ("قُتل جندي في هجوم على حاجز عسكري في محافظة البيضاء وسط اليمن.", "جندي"),           # voweled: the swap
    ("قتل جندي في هجوم على حاجز عسكري في محافظة البيضاء وسط اليمن.", "جندي"),            # unvoweled
    ("قتل ضابط بانفجار عبوة ناسفة في مدينة الرمادي غرب العراق.", "ضابط"),
])
def test_one_person_killed_then_where_or_how_is_the_victim_not_the_attacker(text, subject):
    assault = next(e for e in events_of(text).events if e.type == "ASSAULT")
    assert assault.actor1 is None or assault.actor1.text != subject


def test_a_casualty_verb_with_an_object_after_its_subject_keeps_the_subject_as_attacker():
    assault = next(e for e in events_of("قتل جندي إسرائيلي فلسطينيا في مدينة الخليل.").events if e.type == "ASSAULT")
    assert assault.actor1 is not None and assault.actor1.text.startswith("جندي")


def test_members_of_a_named_group_after_an_agent_marker_are_that_group():
    doc = events_of("وقتل، أمس الأربعاء، عنصران من الجيش وأصيب ثلاثة آخرون، في هجوم شنه عناصر من \"داعش\" "
                    "في محافظة كركوك.")
    assault = next(e for e in doc.events if e.type == "ASSAULT")
    assert assault.actor1 is not None and assault.actor1.kb_id == "org.isis"


def test_members_of_a_named_group_after_a_casualty_noun_are_hit_not_the_attacker():
    doc = events_of("أفادت مصادر أمنية بمقتل عناصر من الحشد الشعبي مساء أمس بانفجار عبوة ناسفة استهدفت "
                    "عجلتهم في قضاء طوز خورماتو.")
    assault = next(e for e in doc.events if e.type == "ASSAULT")
    assert assault.actor1 is None or assault.actor1.kb_id != "org.pmf"
    assert assault.actor2 is not None and assault.actor2.kb_id == "org.pmf"


def test_victims_listed_after_bainahum_are_no_side_of_the_attack():
    doc = events_of("استُشهد خمسة أشخاص، بينهم طفلان، جراء غارة شنتها مسيّرة إسرائيلية على بلدة عيتا الشعب.")
    assault = next(e for e in doc.events if e.type == "ASSAULT")
    assert assault.actor1 is not None and "إسرائيلي" in assault.actor1.text
    assert assault.fatalities == 5


def test_a_country_in_the_headline_and_its_drone_in_the_body_tell_one_strike():
    doc = extract(Article(id="t", published="2024-08-14", text=(
        "3 شهداء بغارة إسرائيلية على بنت جبيل\n\nاستُشهد ثلاثة أشخاص جراء غارة شنتها مسيّرة إسرائيلية أمس "
        "الثلاثاء على منزل في مدينة بنت جبيل جنوب لبنان.")))
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].fatalities == 3 and assaults[0].date == "2024-08-13"


def test_an_actor_after_lil_gets_its_article_back_in_its_name():
    doc = events_of("قتل خمسة مدنيين في بلدة كفرنبل بريف إدلب في قصف للقوات السورية.")
    assault = next(e for e in doc.events if e.type == "ASSAULT")
    assert assault.actor1.text == "القوات السورية"
    assert assault.actor1.span.text == "قوات السورية"     # the span stays verbatim, after the clitic


def test_the_force_behind_a_weapon_noun_after_an_agent_marker_fired_it():
    doc = events_of("يذكر أن الشاب محمد سالم (22 عاماً) استشهد صباح اليوم، جراء إصابته بشظايا قذيفة مدفعية أطلقتها "
                    "دبابات الاحتلال المتمركزة شرق بلدة خزاعة.")
    assault = next(e for e in doc.events if e.type == "ASSAULT")
    assert assault.actor1 is not None and "الاحتلال" in assault.actor1.text


def test_a_person_named_after_an_arrest_verb_is_arrested_not_arresting():
    doc = events_of("ومن الخليل اعتقلت المواطنين محمد سليم الجعبري (30 عاما) وشقيقه أحمد سليم الجعبري من منزلهما.")
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert arrest.actor1 is None or "الجعبري" not in arrest.actor1.text
    assert arrest.actor2 is not None and "الجعبري" in arrest.actor2.text


def test_a_nominative_plural_right_after_an_attack_verb_is_its_subject():
    doc = events_of("أحرق مستوطنون، فجر اليوم، مركبات فلسطينية في قرية دوما جنوب نابلس.")
    assault = next(e for e in doc.events if e.type == "ASSAULT")
    assert assault.actor1 is not None and assault.actor1.text == "مستوطنون"


def test_dispersing_gatherings_is_coercion():
    doc = events_of("فرقت قوات الأمن، يوم السبت، تجمعات لعدد من الشباب في مدينة طنجة.")
    assert [e.type for e in doc.events] == ["COERCE"]
    assert doc.events[0].actor1.text == "قوات الأمن"


def test_an_announcer_of_its_own_losses_is_hit_by_the_other_side_of_the_clash():
    doc = events_of('أعلنت قيادة "الحشد الشعبي"، اليوم الأحد، عن مقتل اثنين من عناصرها وإصابة ثلاثة آخرين، في '
                    'اشتباك مع عناصر من تنظيم "داعش" في قضاء خانقين.')
    assault = next(e for e in doc.events if e.type == "ASSAULT")
    assert assault.actor1 is not None and assault.actor1.kb_id == "org.isis"



def test_armed_men_storming_a_place_attack_it_and_forces_storming_a_town_raid_it():
    doc = events_of("اقتحم مسلحون مجهولون مسجدا في قرية كاتسينا خلال صلاة الفجر الجمعة، وقتلوا 12 مصليا على الأقل.")
    assert {e.type for e in doc.events} == {"ASSAULT"}
    doc = events_of("اقتحمت قوات الاحتلال بلدة يعبد جنوب غرب جنين فجر اليوم.")
    assert [e.type for e in doc.events] == ["COERCE"]


def test_forces_storming_a_building_and_killing_there_tell_one_attack():
    doc = events_of("اقتحمت قوة إسرائيلية مبنى البلدية في بلدة عيترون فجر اليوم وقتلت أحد الحراس داخله.")
    assert [e.type for e in doc.events] == ["ASSAULT"]
    assert any("part of the attack" in (n.get("reason") or "") for n in doc.non_events)
    # deaths told around a raid leave the raid its own event (gold codes both)
    doc = events_of("استشهد شاب فلسطيني خلال اقتحام قوات الاحتلال مدينة جنين فجر اليوم.")
    assert {"ASSAULT", "COERCE"} <= {e.type for e in doc.events}


def test_a_meeting_decided_or_expected_is_not_held_yet():
    doc = events_of("وزيرا خارجية السعودية وإيران يقرران عقد لقاء خلال شهر رمضان في الرياض.")
    assert not [e for e in doc.events if e.type == "CONSULT"]
    doc = events_of("وخلال تواجده بكمبالا، يُنتظر أن يُستقبَل وزير الدولة من قبل رئيس جمهورية أوغندا.")
    assert not [e for e in doc.events if e.type == "CONSULT"]


def test_two_injury_counts_in_one_sentence_are_two_strikes():
    doc = events_of("أصيب 12 مواطنا جراء قصف طائرة مسيرة إسرائيلية خيمة غرب مدينة خان يونس، كما أصيب 6 مواطنين "
                    "نتيجة استهداف خيمة نازحين شرق مدينة خان يونس.")
    assert sorted(e.injuries for e in doc.events if e.type == "ASSAULT") == [6, 12]


def test_an_official_arriving_somewhere_is_a_visit_and_a_toll_reaching_a_figure_is_not():
    doc = events_of("وصل وزير الخارجية الأردني، اليوم الأحد، إلى دمشق.")
    visit = next(e for e in doc.events if e.type == "CONSULT")
    assert visit.place is not None and visit.place.text == "دمشق"
    doc = events_of("وصل عدد النازحين إلى 50 ألفا في مدينة درعا.")
    assert not [e for e in doc.events if e.type == "CONSULT"]


def test_arrests_told_without_a_subject_take_the_arresting_force_told_just_before():
    doc = events_of("داهمت قوات الاحتلال بلدة عزون شرق قلقيلية فجر اليوم واعتقلت ثلاثة شبان. فيما اقتحمت مدينة الخليل "
                    "واعتقلت اثنين، كما اعتقلت شابا في بلدة بيت أمر.")
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert len(arrests) >= 2 and all(e.actor1 is not None and e.actor1.text == "قوات الاحتلال" for e in arrests)


def test_the_city_of_a_visit_is_where_it_went_not_who_visited():
    doc = events_of("وقع البلدان 5 اتفاقيات خلال زيارة رسمية لنواكشوط الأحد.")
    visit = next(e for e in doc.events if e.type == "CONSULT")
    assert visit.place is not None and visit.place.text == "نواكشوط"
    assert visit.actor1 is None or "نواكشوط" not in visit.actor1.text


def test_an_aid_convoy_is_aid():
    doc = events_of("دخلت يوم أمس الأحد قافلة إغاثية مؤلفة من 40 شاحنة إلى مدينة حلب.")
    assert [e.type for e in doc.events] == ["AID"]


def test_lqy_masraahum_holds_a_long_subject_between_its_words():
    doc = events_of("لقي ما لا يقل عن 13 ضابطا ممن ينتمون للشرطة الأفغانية مصرعهم في هجوم لطالبان في ولاية قندهار.")
    assault = next(e for e in doc.events if e.type == "ASSAULT")
    assert assault.fatalities == 13


def test_burning_tyres_is_a_protest_act():
    doc = events_of("وأشعل أهالي المخطوفين الدواليب عند مدخل السراي الحكومي في بيروت.")
    assert [e.type for e in doc.events] == ["PROTEST"]


def test_the_next_meeting_is_not_held_yet():
    doc = events_of("وأعلن الوزير أن اجتماع اللجنة المشتركة المقبل سيكون في الرباط.")
    assert not [e for e in doc.events if e.type == "CONSULT"]
    doc = events_of("عقد الوزيران اجتماعا في الرياض أمس.")
    assert [e.type for e in doc.events] == ["CONSULT"]


def test_the_supporters_of_a_named_body_protest_as_its_supporters():
    # «أنصار «حزب العمال»»: the crowd is the party's supporters (not the party, not an unnamed crowd)
    doc = events_of("تظاهر أمس الأحد المئات من أنصار «حزب العمال» في العاصمة تونس للمطالبة بإطلاق سراح الموقوفين.")
    protest = next(e for e in doc.events if e.type == "PROTEST")
    assert protest.actor1 is not None and protest.actor1.text.startswith("أنصار") and "العمال" in protest.actor1.text
    assert protest.actor1.kb_id == "agent.supporter"
