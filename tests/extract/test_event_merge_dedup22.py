"""Issue 13, in-article duplicates: «آخر» heading the noun after it is "the last of", not "another"
(events._governs_a_noun), and a headline and its lead naming one actor in both sentences tell one act whatever
other party one of them reads as actor1 (event_merge._one_actor_told_in_both)."""
from __future__ import annotations

import datetime as dt

from rasd.document import Actor, Article, Event, EventPlace, Span
from rasd.extract.event_merge import _compatible
from rasd.pipeline import extract

SATURDAY = dt.date(2026, 1, 10)


def _events(kind: str, text: str) -> list[Event]:
    return [e for e in extract(Article(id="t", text=text, published=SATURDAY)).events if e.type == kind]


def test_the_last_fighters_withdrawal_is_the_headlines_withdrawal():
    # «انسحاب آخر مقاتلي ...»: the withdrawal of the last fighters, told again under the headline
    events = _events("RETREAT", "انسحاب مقاتلي قوات سوريا الديمقراطية من حلب\n\n"
                                "أعلنت السلطات المحلية في حلب اليوم عن انسحاب آخر مقاتلي قوات سوريا الديمقراطية من المدينة.")
    assert len(events) == 1


def test_the_last_soldiers_definite_noun_is_the_same_withdrawal():
    events = _events("RETREAT", "انسحاب الجيش التركي من بلدة تل رفعت\n\n"
                                "أعلنت السلطات في تل رفعت اليوم عن انسحاب آخر الجنود الأتراك من البلدة.")
    assert len(events) == 1


def test_another_call_still_tells_another_consultation():
    text = ("تلقى وزير الخارجية المصري سامح شكري اليوم اتصالا هاتفيا من نظيره البريطاني جيمس كليفرلي للتباحث حول "
            "التصعيد في غزة. كما تلقى شكري اتصالا آخر من نظيرته الفنلندية إلينا فالتونين بشأن غزة.")
    assert len(_events("CONSULT", text)) == 2


def _strike(sentence: str, actor: Actor, start: int) -> Event:
    place = EventPlace(text="البيضاء", name_en="Al Bayda", lat=13.98, lon=45.57, country="YE", feature="admin1")
    return Event(type="ASSAULT", trigger=Span(start=start, end=start + 4, text="غارة"),
                 evidence=Span(start=start, end=start + len(sentence), text=sentence), actor1=actor, place=place,
                 date="2017-10-04", date_precision="day", date_source="publication", confidence=0.9)


US = Actor(text="أمريكية", kb_id="cc:US", country="US")
AQAP = Actor(text="تنظيم القاعدة", kb_id="org.aqap", sector="armed_group")
HEADLINE = "غارة أمريكية تقتل قياديا بالبيضاء"
LEAD = "وقالت مصادر محلية إن غارة لطائرة بدون طيار يرجح أنها أمريكية استهدفت القيادي في تنظيم القاعدة"


def test_a_headline_and_lead_naming_the_attacker_in_both_are_one_strike():
    # the lead's actor1 is its target's group («القيادي في تنظيم القاعدة»); both sentences name «أمريكية»
    a, b = _strike(HEADLINE, US, 0), _strike(LEAD, AQAP, 60)
    assert _compatible(a, b, False, lead=True, both_lead=True)
    assert not _compatible(a, b, False, lead=True, both_lead=False)     # below the lead: as before


def test_the_attacker_named_in_one_sentence_only_still_tells_two_strikes():
    lead = "وقالت مصادر محلية إن غارة لطائرة بدون طيار استهدفت القيادي في تنظيم القاعدة"
    a, b = _strike(HEADLINE, US, 0), _strike(lead, AQAP, 60)
    assert not _compatible(a, b, False, lead=True, both_lead=True)


def test_a_nisba_read_as_a_country_is_not_named_inside_a_definite_word():
    # «مالية» ("financial", read as Mali) is not named by «وزير المالية»
    mali = Actor(text="مالية", kb_id="cc:ML", country="ML")
    eu = Actor(text="الاتحاد الأوروبي", kb_id="org.eu", country=None)
    a = _strike("عقوبات مالية جديدة على وزراء في سورية", mali, 0)
    b = _strike("فرض الاتحاد الأوروبي عقوبات على 7 وزراء بينهم وزير المالية", eu, 60)
    assert not _compatible(a, b, False, lead=True, both_lead=True)


def _arrest(sentence: str, actor: Actor, start: int) -> Event:
    place = EventPlace(text="جنين", name_en="Jenin", lat=32.46, lon=35.30, country="PS", feature="city")
    return Event(type="COERCE", trigger=Span(start=start, end=start + 5, text="اعتقل"),
                 evidence=Span(start=start, end=start + len(sentence), text=sentence), actor1=actor, place=place,
                 date="2024-05-20", date_precision="day", date_source="publication", confidence=0.9)


ARMY = Actor(text="جيش الاحتلال الإسرائيلي", kb_id="org.il.army", sector="military", country="IL")


def test_an_arrested_man_read_as_actor1_tells_no_second_arrest():
    # the name of one arrested («معتصم جعايصة»: no knowledge-base id, no sector) read as who arrested
    a = _arrest("اعتقل جيش الاحتلال الإسرائيلي صباح اليوم ثلاثة شبان خلال اقتحامه مدينة جنين", ARMY, 0)
    b = _arrest("وقال مكتب إعلام الأسرى إن الاحتلال اعتقل الشابين ورد شريم ومعتصم جعايصة خلال اقتحام مدينة جنين",
                Actor(text="معتصم جعايصة"), 200)
    assert _compatible(a, b, False)


def test_two_known_arresting_forces_still_tell_two_arrests():
    a = _arrest("اعتقل جيش الاحتلال الإسرائيلي صباح اليوم ثلاثة شبان في مدينة جنين", ARMY, 0)
    b = _arrest("واعتقلت الأجهزة الأمنية الفلسطينية شابين في مدينة جنين",
                Actor(text="الأجهزة الأمنية الفلسطينية", kb_id="org.ps.security", sector="police", country="PS"), 200)
    assert not _compatible(a, b, False)


def test_an_officer_killed_read_as_actor1_tells_no_second_attack():
    # «مقتل ضابط عراقي كبير في هجوم عنيف لداعش» (headline) and «هجوم شنّه تنظيم الدولة» (lead): one attack
    isis = Actor(text="تنظيم الدولة", kb_id="org.isis", sector="armed_group")
    officer = Actor(text="ضابط عراقي", kb_id="agent.officer", sector="military", country="IQ")
    a = _strike("مقتل ضابط عراقي كبير في هجوم عنيف لداعش شمالي البلاد", officer, 0)
    b = _strike("قتل عدد من العسكريين العراقيين بينهم ضابط برتبة عقيد إثر هجوم شنه تنظيم الدولة", isis, 60)
    assert _compatible(a, b, False)
    army = Actor(text="الجيش العراقي", kb_id="org.iq.army", sector="military", country="IQ")
    assert not _compatible(_strike("قصف الجيش العراقي مواقع في البلدة", army, 0), b, False)


def test_gunmen_and_the_armed_group_they_belong_to_are_one_attacker():
    # «مالي: مقتل 15 جنديا في هجوم مسلح» (headline) and «في هجوم نسب إلى مسلحين ينتمون لجماعة نصرة الإسلام» (lead)
    gunmen = Actor(text="مسلح", kb_id="agent.militant", sector="armed_group")
    jnim = Actor(text="جماعة نصرة الإسلام والمسلمين", kb_id="org.jnim", sector="armed_group")
    a = _strike("مالي: مقتل 15 جنديا في هجوم مسلح", gunmen, 0)
    b = _strike("قتل ما لا يقل عن 15 جنديا ماليا في هجوم نسب إلى مسلحين ينتمون لجماعة نصرة الإسلام والمسلمين", jnim, 40)
    assert _compatible(a, b, False)
    army = Actor(text="الجيش المالي", kb_id="org.ml.army", sector="military", country="ML")
    assert not _compatible(_strike("هجوم للجيش المالي على مواقع في المنطقة", army, 0), b, False)


def _coerce(sentence: str, mode: str, place: EventPlace, start: int) -> Event:
    return Event(type="COERCE", trigger=Span(start=start, end=start + 5, text="اقتحام"), mode=mode,
                 evidence=Span(start=start, end=start + len(sentence), text=sentence), actor1=ARMY, place=place,
                 date="2024-05-20", date_precision="day", date_source="publication", confidence=0.9)


NABLUS = EventPlace(text="نابلس", name_en="Nablus", lat=32.22, lon=35.26, country="PS", feature="city")


def test_an_arrest_made_in_a_raid_on_the_town_is_the_raid():
    raid = _coerce("أصيب مواطنون اليوم خلال اقتحام قوات الاحتلال لمدينة نابلس", "seize", NABLUS, 0)
    arrest = _coerce("واعتقلت قوات الاحتلال الإسرائيلي شابا خلال اقتحامها مدينة نابلس", "arrest", NABLUS, 300)
    assert _compatible(raid, arrest, False)


def test_an_arrest_in_a_village_near_the_raided_town_stays_apart():
    village = EventPlace(text="بيت فوريك", name_en="Beit Furik", lat=32.17, lon=35.34, country="PS", feature="village")
    raid = _coerce("اقتحمت قوات الاحتلال مدينة نابلس فجر اليوم", "seize", NABLUS, 0)
    arrest = _coerce("واعتقلت قوات الاحتلال شابين من بلدة بيت فوريك", "arrest", village, 300)
    assert not _compatible(raid, arrest, False, lead=True)
