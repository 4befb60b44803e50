"""In-article merging, session 15 second round (dedup25, issue 13): one real event, one record — written sentences
in the manner of the read sets' duplicates, each fixed by a general rule of rasd.extract.event_merge."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract

MONDAY = dt.date(2021, 6, 7)


def events_of(text: str, kind: str, published: dt.date | None = MONDAY):
    doc = extract(Article(id="t", text=text, published=published))
    return [e for e in doc.events if e.type == kind]


BALKH = ("أفغانستان: مقتل 30 من القوات الأفغانية و150 من طالبان خلال يوم\n\n"
         "أعلن مسؤولون محليون، الأحد، أن ما لا يقل عن 30 من قوات الأمن الأفغانية قتلوا في تفجير سيارة مفخخة وهجمات "
         "مسلحة متعددة، بينما قتلت القوات الحكومية 150 مسلحًا من حركة طالبان خلال الـ 24 ساعة الماضية."
         "ووقعت أكثر الحوادث دموية في ولاية فارياب الشمالية حيث قتل ما لا يقل عن 12 من قوات الأمن في هجوم شنته "
         "طالبان خلال الليل.وحسب عضو مجلس الولاية، استولى المتمردون على مقر شرطة المنطقة."
         "وأكد المسؤول المحلي مقتل 12 من قوات الأمن، فيما بقي آخرون محاصرين."
         "وفي ولاية بلخ المجاورة، شن المتمردون تفجيرًا مميتًا بسيارة مفخخة أعقبه هجوم مسلح على قوات الأمن في "
         "المنطقة التي تحمل نفس اسم الولاية."
         "وقال المتحدث باسم الشرطة محمد كريمي، في تصريح للصحفيين، إن الهجوم وقع ظهرًا، وأسفر عن مقتل عنصرين على "
         "الأقل من قوات الأمن وإصابة عدد آخر.")


def test_the_dead_told_beside_a_restating_noun_are_the_toll_of_the_attack_it_joined():
    events = [e for e in events_of(BALKH, "ASSAULT") if e.place is not None and "بلخ" in e.place.text]
    assert len(events) == 1
    assert events[0].fatalities == 2


FASHER = ("كشفت غرفة طوارئ معسكر أبوشوك للنازحين بمدينة الفاشر عن مقتل 12 شخصاً جراء قصف مدفعي شنته قوات الدعم "
          "السريع على المعسكر.\n"
          "وأفادت الغرفة في بيانها، أن القصف وقع يوم الجمعة 9 مايو، وأسفر عن مقتل 12 شخصاً وإصابة آخرين.\n"
          "ومن بين ضحايا قصف الدعم السريع، لقي 7 أفراد من أسرة المواطن محمد أحمد حتفهم، بما في ذلك زوجته وأطفاله.")


def test_a_part_of_the_victims_is_no_second_attack_and_leaves_the_toll_whole():
    events = events_of(FASHER, "ASSAULT", published=dt.date(2025, 5, 10))
    assert len(events) == 1
    assert events[0].fatalities == 12


def test_a_count_of_victims_without_among_is_another_attack():
    events = events_of(FASHER.replace("ومن بين ضحايا قصف الدعم السريع، لقي 7 أفراد",
                                      "وفي قصف آخر للدعم السريع، لقي 7 أفراد"), "ASSAULT",
                       published=dt.date(2025, 5, 10))
    assert len(events) == 2


def test_a_government_named_by_its_country_in_the_lead_is_the_state_the_headline_names():
    events = events_of("عقوبات أمريكية على 5 وزراء سوريين ومصرفيين روس\n"
                       "فرضت حكومة الولايات المتحدة عقوبات على شخصيات روسية وسورية ردا على أعمال العنف في سوريا.\n"
                       "وأشار البيان الصادر عن وزارة الخزانة إلى 8 شخصيات روسية من مصرف خاص.\n"
                       "فرضت الخزانة الأمريكية أيضا عقوبات على 6 أشخاص من الحكومة السورية.", "SANCTION",
                       published=dt.date(2016, 12, 23))
    assert len(events) == 1


def test_the_country_a_state_body_names_after_it():
    from rasd.document import Actor
    from rasd.extract.event_merge import _country_it_names
    assert _country_it_names(Actor(text="حكومة الولايات المتحدة", kb_id="agent.government")) == "US"
    assert _country_it_names(Actor(text="الحكومة", kb_id="agent.government")) is None


def test_a_headline_and_lead_counting_the_wounded_alike_tell_one_bombing_with_the_lower_toll():
    events = events_of("8 قتلى و19 جريحا بتفجير سيارة مفخخة شرق بغداد\n"
                       "قتل 19 شخصا على الأقل وأصيب 19 آخرون بجروح بتفجير سيارة مفخخة في منطقة بغداد الجديدة شرق "
                       "العاصمة العراقية بغداد الاثنين 21 سبتمبر.\n"
                       "وقال المصدر إن السيارة المفخخة كانت مركونة وسط سوق شعبية.", "ASSAULT",
                       published=dt.date(2015, 9, 21))
    assert len(events) == 1
    assert (events[0].fatalities, events[0].injuries) == (8, 19)


def test_a_headline_and_lead_with_other_wounded_and_other_dead_stay_two_bombings():
    events = events_of("8 قتلى و11 جريحا بتفجير سيارة مفخخة شرق بغداد\n"
                       "قتل 19 شخصا على الأقل وأصيب 19 آخرون بجروح بتفجير سيارة مفخخة في منطقة بغداد الجديدة شرق "
                       "العاصمة العراقية بغداد الاثنين 21 سبتمبر.", "ASSAULT", published=dt.date(2015, 9, 21))
    assert len(events) == 2


CHECKPOINT = ("جنود بين 8 قتلى في هجوم شنه مسلحون على نقطة عسكرية باكستانية\n\n"
              "أعلن مسؤولون اليوم الإثنين، أن مسلحين إسلاميين هاجموا نقطة عسكرية باكستانية بالقرب من الحدود "
              "الأفغانية، مما أسفر عن مقتل أربعة جنود على الأقل في تبادل لإطلاق النار نتج عن الهجوم.\n\n"
              "وقال المسؤول المحلي لوكالة الأنباء إن أربعة مسلحين على الأقل قتلوا أيضا في تبادل إطلاق النار "
              "الذي استمر لساعات.\n\n"
              "ووقع هذا الهجوم في منطقة خيبر بختوانخا الجبلية.")


def test_more_dead_told_also_of_the_same_clash_are_no_second_attack():
    events = events_of(CHECKPOINT, "ASSAULT", published=dt.date(2020, 5, 4))
    assert len(events) == 1
    assert events[0].fatalities == 8


def test_more_dead_of_it_needs_also_after_a_verb_of_death():
    from rasd.extract.event_merge import _more_dead_of_it
    also, other = (next(e for e in events_of(text, "ASSAULT", published=dt.date(2020, 5, 4))
                        if e.fatalities == 4 and "مسلحين" in e.evidence.text)
                   for text in ("إن أربعة مسلحين على الأقل قتلوا أيضا في تبادل إطلاق النار في بيشاور.",
                                "إن أربعة مسلحين على الأقل قتلوا في تبادل إطلاق النار في بيشاور."))
    assert _more_dead_of_it(also)
    assert not _more_dead_of_it(other)
