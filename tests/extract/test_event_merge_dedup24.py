"""In-article merging, session 15 (dedup24, issue 13): one real event, one record — written sentences in the manner of
the read sets' duplicates, each fixed by a general rule of rasd.extract.event_merge."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract

SATURDAY = dt.date(2023, 3, 4)


def events_of(text: str, kind: str, published: dt.date | None = SATURDAY):
    doc = extract(Article(id="t", text=text, published=published))
    return [e for e in doc.events if e.type == kind]


def test_a_claimants_own_count_after_its_claim_joins_the_attack_told_before_and_keeps_its_toll():
    events = events_of("تبنت حركة الشباب هجوما استهدف صباح اليوم السبت قاعدة للقوات الحكومية في ضواحي مقديشو، "
                       "مما أسفر عن مقتل ستة من أفراد الأمن على الأقل، حسبما قال مسؤول أمني.\n"
                       "وأعلنت حركة الشباب مسؤوليتها عن الهجوم، مشيرة إلى أنها قتلت 49 جنديا.", "ASSAULT")
    assert len(events) == 1
    assert events[0].fatalities == 6


def test_two_tolls_without_a_claim_between_them_stay_two_attacks():
    events = events_of("قتل ستة من أفراد الأمن في هجوم على قاعدة للقوات الحكومية في ضواحي مقديشو اليوم السبت.\n"
                       "وقتل مسلحون 49 جنديا في هجوم على قاعدة في مقديشو اليوم السبت.", "ASSAULT")
    assert len(events) == 2


def test_one_unknown_force_named_more_fully_in_the_lead_is_one_mobilisation():
    events = events_of("قوات الوفاق الليبية ترسل تعزيزات عسكرية جديدة إلى سرت\n"
                       "تواصل قوات الوفاق الوطني الليبية المعترف بها دوليا حشد تعزيزاتها العسكرية إلى اتجاه "
                       "مدينة سرت.", "MOBILIZE")
    assert len(events) == 1


def test_words_of_a_name_in_order_inside_the_longer_one():
    from rasd.extract.event_merge import _words_in_order
    assert _words_in_order("قوات الوفاق الليبيه".split(), "قوات الوفاق الوطني الليبيه المعترف".split())
    assert not _words_in_order("قوات الوفاق".split(), "قوات حفتر".split())
    assert not _words_in_order(["قوات"], "قوات حفتر".split())     # one word names no force


def test_an_agreement_told_by_the_countries_and_again_by_an_office_in_the_body_is_one_agreement():
    events = events_of("العراق والمغرب.. التوقيع على مذكرتي تفاهم\n"
                       "وقعت المملكة المغربية وجمهورية العراق، اليوم السبت ببغداد، مذكرتي تفاهم بشأن إحداث آلية "
                       "للمشاورات السياسية.\n"
                       "ووقع المذكرتين، وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج، ووزير "
                       "الخارجية العراقي عقب مباحثات جمعت الوزيرين.", "AGREE", published=None)
    assert len(events) == 1


def test_a_meeting_told_by_an_office_in_the_headline_and_by_name_in_the_lead_is_one_meeting():
    events = events_of("لقاء بين وزير الخارجية الإيراني ونظيره التركي في الدوحة\n"
                       "التقى وزير الخارجية الإيراني عباس عراقجي، وزير خارجية تركيا هاكان فيدان، على هامش منتدى "
                       "الدوحة.", "CONSULT", published=None)
    assert len(events) == 1


def test_a_visiting_minister_and_his_hosts_minister_of_another_country_stay_apart():
    from rasd.document import Actor, Event, EventPlace, Span
    from rasd.extract.event_merge import _one_meeting_by_an_unnamed_side

    def meeting(actor: str, country: str) -> Event:
        span = Span(start=0, end=4, text="لقاء")
        return Event(type="CONSULT", trigger=span, evidence=span, actor1=Actor(text=actor, country=country),
                     place=EventPlace(text="بغداد", feature="city", lat=33.34, lon=44.4))
    assert _one_meeting_by_an_unnamed_side(meeting("وزير الخارجية السعودي", "SA"), meeting("الأمير", "SA"))
    assert not _one_meeting_by_an_unnamed_side(meeting("وزير الخارجية السعودي", "SA"),
                                               meeting("وزير الخارجية العراقي", "IQ"))


def test_a_headline_strike_and_the_body_strike_with_one_toll_at_one_village_are_one_despite_a_misread_actor():
    events = events_of("غارة إسرائيلية دامية على جنوب لبنان: قتيلان في شبعا.. وبيروت تغلي!\n"
                       "في هجوم جديد أثار غضب لبنان، شنت إسرائيل غارة جوية على بلدة شبعا جنوب البلاد، أسفرت عن "
                       "مقتل شخصين وإصابة آخر، حسبما أعلنت وزارة الصحة اللبنانية.", "ASSAULT", published=None)
    assert len(events) == 1
    assert events[0].fatalities == 2


def test_one_toll_in_one_city_told_of_two_acts_stays_two():
    from rasd.document import Actor, Event, EventPlace, Span
    from rasd.extract.event_merge import _one_toll_at_one_settlement

    def attack(feature: str, mode: str | None) -> Event:
        span = Span(start=0, end=4, text="هجوم")
        return Event(type="ASSAULT", trigger=span, evidence=span, actor1=Actor(text="مسلحون"), fatalities=15,
                     mode=mode, place=EventPlace(text="مقديشو", feature=feature, lat=2.04, lon=45.34))
    assert _one_toll_at_one_settlement(attack("village", "aerial"), attack("village", "aerial"))
    assert not _one_toll_at_one_settlement(attack("city", "aerial"), attack("city", "aerial"))
    assert not _one_toll_at_one_settlement(attack("village", None), attack("village", None))


def test_a_country_is_a_named_actor_only_when_countries_are_asked_for():
    from rasd.document import Actor
    from rasd.extract.event_merge import _named_group
    country, group, agent = (Actor(text=t, kb_id=k) for t, k in
                             (("روسيا", "cc:RU"), ("حركة الشباب", "org.al_shabaab"), ("مسلحون", "agent.gunman")))
    assert _named_group(group) and _named_group(group, countries=True)
    assert not _named_group(country) and _named_group(country, countries=True)
    assert not _named_group(agent, countries=True)
