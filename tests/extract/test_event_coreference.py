"""In-article event coreference (rasd.extract.event_merge, issue 13): one bombing told at the city and at a square
inside it, or with an early and a final toll, is one event; distinct places and distinct tolls stay apart."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.document import Actor, Article, Event, EventPlace, Span
from rasd.extract.event_merge import _actors_agree, merge_events, revises_toll, toll_revision_cues
from rasd.pipeline import extract

THURSDAY = dt.date(2021, 1, 21)


def assaults(text: str):
    doc = extract(Article(id="t", text=text, published=THURSDAY))
    return [e for e in doc.events if e.type == "ASSAULT"]


def test_a_bombing_told_in_the_city_and_at_a_square_inside_it_in_one_sentence_is_one_event():
    events = assaults("شهدت بغداد اليوم تفجيرين انتحاريين في ساحة الطيران أسفرا عن مقتل 28 شخصا.")
    assert len(events) == 1
    assert events[0].place.text == "ساحة الطيران" and events[0].fatalities == 28
    assert events[0].place.feature != "city"


def test_an_early_toll_and_the_final_toll_of_one_bombing_are_one_event_with_the_final_figure():
    events = assaults("قتل 26 شخصا على الأقل اليوم في تفجير انتحاري مزدوج في بغداد. "
                      "وأفادت الشرطة في حصيلة أولية بمقتل 16 شخصا في تفجير ساحة الطيران وسط بغداد اليوم.")
    assert len(events) == 1
    assert events[0].fatalities == 26 and events[0].place.text == "ساحة الطيران"


def test_two_tolls_in_the_city_and_a_square_without_a_revision_word_stay_two_events():
    events = assaults("قتل 26 شخصا اليوم في تفجير انتحاري في بغداد. "
                      "وقتل أربعة أشخاص في انفجار عبوة ناسفة في ساحة الطيران وسط بغداد اليوم.")
    assert sorted(e.fatalities for e in events) == [4, 26]


def test_strikes_on_three_villages_in_one_article_stay_three_events():
    events = assaults("قتل أربعة مدنيين في غارة جوية على بلدة تلمنس بريف إدلب اليوم. "
                      "وقتل مدنيان في غارة جوية على قرية معصران بريف إدلب اليوم. "
                      "وقتل طفل في غارة جوية على بلدة خان السبل بريف إدلب اليوم.")
    assert len(events) == 3
    assert len({e.place.text for e in events}) == 3


def _event(text, place, sentence_text, fatalities=None, actor=None):
    span = Span(start=0, end=len(sentence_text), text=sentence_text)
    return Event(type="ASSAULT", trigger=span, evidence=span, place=place, date="2021-01-21",
                 date_precision="day", date_source="text", fatalities=fatalities,
                 actor1=Actor(text=actor) if actor else None)


BAGHDAD = EventPlace(text="بغداد", lat=33.3406, lon=44.4009, country="IQ", feature="city")
SQUARE = EventPlace(text="ساحة الطيران", lat=33.3280, lon=44.4150, country="IQ", feature="neighbourhood")
MARKET = EventPlace(text="سوق الوحيلات", lat=33.3890, lon=44.4580, country="IQ", feature="neighbourhood")


def test_two_named_districts_of_one_city_are_two_places_even_with_one_toll():
    a = _event("تفجير", SQUARE, "تفجير في ساحة الطيران أوقع 5 قتلى", 5)
    b = _event("تفجير", MARKET, "تفجير في سوق الوحيلات أوقع 5 قتلى", 5)
    assert len(merge_events([(3, a), (5, b)])) == 2


def test_a_running_total_joins_the_event_at_the_square_and_takes_the_higher_figure():
    a = _event("تفجير", SQUARE, "قتل 28 شخصا في تفجير في ساحة الطيران", 28)
    b = _event("الحصيلة", BAGHDAD, "وارتفعت الحصيلة إلى 32 قتيلا في بغداد", 32)
    merged = merge_events([(3, a), (5, b)])
    assert len(merged) == 1 and merged[0].fatalities == 32 and merged[0].place.text == "ساحة الطيران"


def test_a_surname_restates_the_full_name_but_another_name_does_not():
    assert _actors_agree(Actor(text="ميشال عون"), Actor(text="عون"))
    assert not _actors_agree(Actor(text="ميشال عون"), Actor(text="نبيه بري"))
    assert not _actors_agree(Actor(text="عون", kb_id="per.a"), Actor(text="ميشال عون", kb_id="per.b"))


def test_toll_revision_cues_are_read_from_their_data_file():
    cues = toll_revision_cues()
    assert cues and set(cues.values()) == {"early", "update", "previous", "period"}
    assert revises_toll(_event("x", None, "وأفاد في حصيلة أولية عن سقوط 16 قتيلا"))
    assert not revises_toll(_event("x", None, "ترتفع حصيلة الشهداء منذ بداية العام إلى 175"))   # a period total
    assert not revises_toll(_event("x", None, "وأفاد عن سقوط 16 قتيلا"))


@pytest.mark.parametrize("line", ["حصيلة أولية", "حصيلة أولية\tfinal"])
def test_a_bad_line_in_the_toll_cues_names_the_file_and_line(tmp_path, monkeypatch, line):
    import rasd.extract.event_merge as em
    bad = tmp_path / "data" / "toll_revision_cues.tsv"
    bad.parent.mkdir()
    bad.write_text("# c\nphrase\tkind\n" + line + "\n", encoding="utf-8")
    monkeypatch.setattr(em.resources, "files", lambda _pkg: tmp_path)
    em.toll_revision_cues.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"toll_revision_cues.tsv:3"):
            em.toll_revision_cues()
    finally:
        em.toll_revision_cues.cache_clear()


def test_killed_and_wounded_together_without_a_number_is_no_toll_of_one():
    events = assaults("وقال المتحدث إن إرهابيين اثنين فجرا نفسيهما في سوق ببغداد اليوم، "
                      "ما أسفر عن مقتل وإصابة عدد من المواطنين.")
    assert events and events[0].fatalities is None
    assert assaults("قتل عنصر من الشرطة وأصيب آخر في هجوم على حاجز في بغداد اليوم.")[0].fatalities == 1


def test_the_source_of_the_toll_read_as_the_attacker_does_not_split_one_bombing():
    events = assaults("وبحسب وزارة الداخلية العراقية، أوقع انفجار اليوم 28 قتيلا في منطقة الباب الشرقي وسط بغداد. "
                      "وقال المتحدث باسم الحكومة إن اعتداء إرهابيا مزدوجا نفذه انتحاريان وقع اليوم في منطقة الباب "
                      "الشرقي وسط بغداد.")
    assert len(events) == 1 and events[0].fatalities == 28


def test_a_suicide_bombing_and_the_explosion_in_one_district_with_a_place_read_as_actor_are_one_event():
    events = assaults("شهدت بغداد اليوم تفجيرين انتحاريين في منطقة الباب الشرقي أسفرا عن مقتل 28 شخصا. "
                      "وقال مسؤول إن انتحاريا فجر نفسه اليوم في منطقة الباب الشرقي وسط بغداد.")
    assert len(events) == 1 and events[0].fatalities == 28


def test_killed_and_wounded_counted_together_is_neither_toll():
    events = assaults("21 قتيلاً وجريحاً في تفجير سيارة ملغومة في بغداد")
    assert events and events[0].fatalities is None and events[0].injuries is None
    events = assaults("قتل أو أصيب 40 شخصا في تفجير سيارة ملغومة في بغداد أمس، بينهم 5 آلاف مدني أصيبوا أو قتلوا.")
    assert all(e.injuries != 5000 and e.fatalities != 5000 for e in events)
    events = assaults("قتل 5 أشخاص وأصيب 12 في تفجير سيارة ملغومة في بغداد اليوم.")
    assert (events[0].fatalities, events[0].injuries) == (5, 12)


def test_a_sentence_summing_up_attacks_on_several_areas_of_the_city_stays_a_summary():
    doc = extract(Article(id="t", published=dt.date(2017, 1, 1), text=(
        "قتل 33 شخصا على الأقل أمس في تفجيرات انتحارية استهدفت عدة مناطق في العاصمة العراقية بغداد. "
        "وقالت مصادر أمنية إن انفجارا هز صباح أمس سوق السنك التجاري وسط بغداد مما أدى إلى سقوط 28 قتيلا.")))
    events = [e for e in doc.events if e.type == "ASSAULT"]
    assert [(e.place.text, e.fatalities) for e in events] == [("سوق السنك التجاري", 28)]
    assert any(n.get("modality") == "summary" and "عدة مناطق" in n["reason"] for n in doc.non_events)


def test_the_announcer_of_a_toll_is_not_the_attacker_and_does_not_split_the_bombing():
    events = assaults("أعلنت الشرطة العراقية وقوع 28 قتيلا على الأقل في تفجير مزدوج استهدف أحد أسواق بغداد اليوم. "
                      "وأشار الناطق باسم العمليات إلى أن إرهابيين اثنين فجرا نفسيهما في السوق اليوم، ما أسفر عن "
                      "مقتل وإصابة عدد من المواطنين.")
    assert len(events) == 1
    assert events[0].fatalities == 28 and events[0].actor1.text == "إرهابيين"


def test_the_counted_noun_follows_the_whole_figure_more_than_65_wounded():
    events = assaults("استهدف هجوم انتحاري العاصمة بغداد اليوم وأدى إلى سقوط 26 قتيلا على الأقل، "
                      "إضافة إلى أزيد من 65 جريح.")
    assert (events[0].fatalities, events[0].injuries) == (26, 65)


IDLIB_SATURDAY = dt.date(2018, 2, 3)


def test_two_villages_a_few_km_apart_told_in_two_sentences_stay_two_events():
    # «خان السبل» and «معصران» are 6.8 km apart: within the 0.05° box that makes two points «the same place»
    doc = extract(Article(id="t", published=IDLIB_SATURDAY, text=(
        "قتل سبعة مدنيين السبت بقصف صاروخي على قرية خان السبل في ريف إدلب. "
        "وقتل مدنيون آخرون السبت بإلقاء براميل متفجرة على قرية معصران في ريف إدلب.")))
    events = [e for e in doc.events if e.type == "ASSAULT"]
    assert [(e.place.text, e.fatalities) for e in events] == [("خان السبل", 7), ("معصران", None)]


def test_a_headline_naming_the_city_takes_the_village_of_the_body_it_restates():
    doc = extract(Article(id="t", published=IDLIB_SATURDAY, text=(
        "قصف روسي بالصواريخ يوقع قتلى في إدلب\n"
        "وقتل سبعة مدنيين السبت بقصف صاروخي على بلدة خان السبل بريف إدلب في شمال غرب سوريا.")))
    events = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(events) == 1
    assert (events[0].place.text, events[0].place.feature, events[0].fatalities) == ("خان السبل", "village", 7)


def test_a_restating_noun_whose_date_is_only_carried_from_the_sentence_before_restates_the_earlier_act():
    # «عملية التوقيف» takes «اليوم الإثنين» from the strike's sentence: not a date of its own
    doc = extract(Article(id="t", published=dt.date(2024, 5, 13), text=(
        "أوقف الأمن التونسي أمس الأحد المحامية سنية الدهماني في العاصمة تونس. "
        "وأعلن المحامون الإضراب في محاكم العاصمة اعتبارا من اليوم الإثنين احتجاجا. "
        "وأظهرت مقاطع فيديو ملثمين يدفعون الموجودين من محامين وإعلاميين تم منعهم من تغطية عملية التوقيف.")))
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert [(e.trigger.text, e.date) for e in arrests] == [("أوقف", "2024-05-12")]


def test_a_place_named_past_a_quotation_does_not_keep_a_restating_noun_apart():
    # «بعد لقائهما "..."، داعيا النظام السوري في دمشق»: Damascus is the call's place, not the meeting's
    doc = extract(Article(id="t", published=dt.date(2024, 12, 2), text=(
        "وصل وزير الخارجية الإيراني عباس عراقجي إلى أنقرة لإجراء محادثات مع وزير الخارجية التركي هاكان فيدان "
        "صباح الاثنين. وقال فيدان بعد لقائهما \"نحن لا نريد أن نرى تصعيدا للحرب الأهلية في سوريا\"، داعيا "
        "النظام السوري في دمشق إلى المصالحة مع شعبه.")))
    meetings = [e for e in doc.events if e.type == "CONSULT"]
    # one meeting, at Ankara (told first by the arrival «وصل ... إلى أنقرة», then by «محادثات» and «لقائهما»)
    assert [e.place.text for e in meetings] == ["أنقرة"]


def test_a_crowd_named_by_nationality_and_the_protesters_are_one_protest_told_by_its_protesters():
    doc = extract(Article(id="t", published=dt.date(2021, 12, 19), text=(
        "ونزل عشرات آلاف السودانيين إلى الشوارع الأحد للمطالبة بحكم مدني ديموقراطي في الخرطوم. وعصرا، تجمعت "
        "حشود كبيرة من المتظاهرين في الخرطوم وحاولت قوات الأمن تفريقها بإطلاق كثيف لقنابل الغاز.")))
    protests = [e for e in doc.events if e.type == "PROTEST"]
    assert len(protests) == 1
    assert protests[0].actor1.kb_id == "agent.protester"


def test_two_named_groups_protesting_in_one_city_stay_two_protests():
    from rasd.extract.event_merge import _actors_agree
    party = Actor(text="جبهة الخلاص الوطني", kb_id="org.tn.salvation_front")
    union = Actor(text="الاتحاد العام التونسي للشغل", kb_id="org.tn.ugtt")
    crowd = Actor(text="المتظاهرين", kb_id="agent.protester")
    assert not _actors_agree(party, union, crowd=True)
    assert _actors_agree(party, crowd, crowd=True)
    assert not _actors_agree(party, crowd)      # other types keep the strict reading


def test_killed_then_others_wounded_gives_the_figure_to_the_killed():
    # «وجرح آخرون» opens a clause of its own: its cue is not the figure's, the cue before it is
    events = assaults("واستشهد صباح اليوم خمسة مدنيين وجرح آخرون جراء قصف الطيران الحربي على مدينة سراقب في سوريا.")
    assert (events[0].fatalities, events[0].injuries) == (5, None)


def test_a_coarser_strike_killing_fewer_than_a_village_strike_is_not_its_summary():
    doc = extract(Article(id="t", published=IDLIB_SATURDAY, text=(
        "مجزرة بريف إدلب\n"
        "استشهد مساء اليوم عشرة مدنيين من بينهم أطفال جراء قصف بلدة خان السبل بريف إدلب الجنوبي في سوريا. "
        "وتحدث ناشطون عن سقوط أربعة صواريخ على البلدة. "
        "واستشهد صباح اليوم خمسة مدنيين وجرح آخرون جراء قصف الطيران الحربي السوري بريف إدلب الشرقي.")))
    events = [e for e in doc.events if e.type == "ASSAULT"]
    assert sorted(e.fatalities for e in events) == [5, 10]


def test_a_mention_joins_the_event_told_in_its_own_sentence_before_an_earlier_one():
    # «واستهدف القصف مشفى» is the second strike's; the first strike (in the lead, within 25 km) would also
    # accept it, and took its attacker
    doc = extract(Article(id="t", published=IDLIB_SATURDAY, text=(
        "مجزرة بريف إدلب\n"
        "استشهد مساء اليوم عشرة مدنيين من بينهم أطفال جراء قصف بلدة خان السبل بريف إدلب الجنوبي في سوريا. "
        "وتحدث ناشطون عن سقوط أربعة صواريخ على البلدة. "
        "واستشهد صباح اليوم خمسة مدنيين وجرح آخرون جراء قصف الطيران الحربي السوري والروسي بريف إدلب الشرقي، "
        "كما واستهدف القصف مشفى الشفاء داخل المدينة ما ادى لخروجه عن الخدمة.")))
    events = {e.fatalities: e for e in doc.events if e.type == "ASSAULT"}
    assert sorted(events) == [5, 10]
    assert events[10].actor1 is None and events[5].actor1.text == "الطيران الحربي السوري"


def test_an_attack_told_with_no_place_date_or_toll_of_its_own_retells_the_one_before():
    # the claimed bomber's act: its place and date are the bombing's, told in the sentence before
    doc = extract(Article(id="t", published=dt.date(2021, 7, 19), text=(
        "تبنى تنظيم داعش مسؤولية التفجير الانتحاري الذي استهدف سوقا مزدحما في حي مدينة الصدر في بغداد مساء "
        "الاثنين. ونشر التنظيم بياناً قال فيه إن أحد عناصره واسمه أبو حمزة العراقي فجّر نفسه بحزام ناسف.")))
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert [(e.trigger.text, e.actor1.text) for e in attacks] == [("التفجير", "تنظيم داعش")]


def test_an_attack_naming_its_own_place_is_not_a_retelling():
    doc = extract(Article(id="t", published=dt.date(2021, 7, 19), text=(
        "تبنى تنظيم داعش مسؤولية التفجير الانتحاري الذي استهدف سوقا مزدحما في حي مدينة الصدر في بغداد مساء "
        "الاثنين. وفجّر انتحاري آخر نفسه بحزام ناسف في مدينة الموصل.")))
    assert len([e for e in doc.events if e.type == "ASSAULT"]) == 2


def test_an_early_count_told_by_other_generic_words_for_the_attackers_is_the_same_bombing():
    doc = extract(Article(id="t", published=dt.date(2018, 1, 15), text=(
        "هجوم انتحاري مزدوج نفذه انتحاريان يرتديان حزامين ناسفين، استهدف صباح الاثنين العاصمة بغداد وأدى "
        "إلى سقوط 26 قتيلا على الأقل. "
        "وكان المتحدث باسم قيادة عمليات بغداد أشار إلى أن الاعتداء المزدوج في ساحة الطيران وسط بغداد كان "
        "بواسطة إرهابيين انتحاريين اثنين، وأفاد في حصيلة أولى عن سقوط 16 قتيلا.")))
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert [(e.place.text, e.fatalities) for e in attacks] == [("ساحة الطيران", 26)]


def test_a_meeting_told_from_each_side_is_one_meeting():
    # «يستقبل وزير الخارجية الإيراني» (his actor2) and «بزيارة وزير الخارجية الإيراني» (its actor1)
    doc = extract(Article(id="t", published=dt.date(2025, 1, 15), text=(
        "عبدالله بن زايد يستقبل وزير الخارجية الإيراني\n\n"
        "استقبل الشيخ عبدالله بن زايد آل نهيان اليوم في أبوظبي عباس عراقجي، الذي يقوم بزيارة عمل إلى الدولة.\n\n"
        "ورحّب سموه بزيارة وزير الخارجية الإيراني، وبحث الجانبان علاقات التعاون بين البلدين.")))
    meetings = [e for e in doc.events if e.type == "CONSULT"]
    assert [e.trigger.text for e in meetings] == ["يستقبل"]


def test_an_attack_placed_in_its_country_with_the_toll_is_the_one_placed_finer_by_the_same_attackers():
    events = assaults("قتل مسلحون 16 جنديا وجرحوا ستة آخرين في هجوم على دورية أمنية في النيجر. "
                      "وقال مسؤول إن المسلحين هاجموا دورية الحرس الوطني في منطقة تاهوا مساء السبت.")
    assert len(events) == 1 and events[0].fatalities == 16


def test_a_headline_naming_the_country_and_the_body_naming_its_minister_tell_one_statement():
    doc = extract(Article(id="t", published=dt.date(2024, 7, 28), text=(
        "ألمانيا تندد بالهجوم على مجدل شمس\n"
        "نددت وزيرة الخارجية الألمانية أنالينا بيربوك، بالهجوم على قرية مجدل شمس في الجولان المحتل.")))
    accuse = [e for e in doc.events if e.type == "ACCUSE"]
    assert len(accuse) == 1 and accuse[0].actor1 is not None and "بيربوك" in accuse[0].actor1.text


def test_a_count_of_places_or_attacks_tells_several():
    from rasd.extract.event_merge import tells_several
    def told(text):
        return Event(type="ASSAULT", trigger=Span(start=0, end=1, text=text[:1]), evidence=Span(start=0, end=len(text), text=text))
    assert tells_several(told("شهداء وجرحى في قصف إسرائيلي على 5 بلدات جنوب لبنان"))
    assert tells_several(told("قتل 15 شخصا في ثلاث هجمات منفصلة"))
    assert not tells_several(told("قتل 5 أشخاص في غارة على بلدة سراقب"))
    assert tells_several(told("25 قتيلا وجريحا بقصف جوي وصاروخي على قريتين بريف حماة"))


def test_an_attack_told_without_attacker_in_a_story_of_raids_takes_the_raiding_force():
    doc = extract(Article(id="t", published=dt.date(2025, 2, 10), text=(
        "اعتقلت القوات الإسرائيلية خمسة فلسطينيين خلال اقتحام بلدة المغير شمال شرق رام الله فجر اليوم. "
        "وأفادت مصادر طبية بأن شابين أصيبا بالرصاص الحي خلال مواجهات اندلعت في البلدة.")))
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert attacks and attacks[0].actor1 is not None and "الإسرائيلية" in attacks[0].actor1.text


def test_a_sentence_summing_up_strikes_on_two_villages_stays_a_summary_with_its_total():
    # the dual «قريتين» counts places like «على 5 بلدات»: its 12 is the two villages' toll together (the second
    # village's share untold, so no sum gives it away), no one event's
    events = assaults("قتل 12 مدنيا اليوم في قصف جوي على قريتين جنوب مدينة إدلب. "
                      "واستهدفت الغارات قرية خان السبل ما أسفر عن مقتل خمسة مدنيين. "
                      "كما قصفت المروحيات قرية معصران بالبراميل المتفجرة.")
    assert 12 not in [e.fatalities for e in events]
    assert all(e.place.text != "إدلب" for e in events)
    assert {"خان السبل", "معصران"} <= {e.place.text for e in events}


ARISH = EventPlace(text="العريش", lat=31.1313, lon=33.7984, country="EG", feature="city")


def test_a_mention_of_one_more_joins_the_event_its_own_sentence_already_told_again():
    # «والهجوم على كمين آخر بالعريش»: «والهجوم» restates the attack told at «العريش» before; «كمين آخر» is told
    # as one more (of ambushes), but it is the target of that same attack, not a second one
    earlier = _event("للهجوم", ARISH, "من أفراد النقطة الأمنية التي تعرضت للهجوم الإرهابي في العريش")
    restating = _event("والهجوم", ARISH, "أسفرت الهجمات عن مقتل 30 جنديا، والهجوم على كمين آخر بالعريش", 30)
    another = _event("كمين", ARISH, "أسفرت الهجمات عن مقتل 30 جنديا، والهجوم على كمين آخر بالعريش", 30)
    merged = merge_events([(2, earlier), (3, restating), (3, another)], one_more={id(another)})
    assert len(merged) == 1 and merged[0].fatalities == 30
    # one more of its kind in a sentence of its own stays apart (two arrests, two events)
    first = _event("اعتقلت", ARISH, "اعتقلت القوات شابا في العريش")
    second = _event("اعتقلت", ARISH, "كما اعتقلت شابا آخر في العريش")
    assert len(merge_events([(2, first), (3, second)], one_more={id(second)})) == 2


def test_an_earlier_count_told_with_kana_qala_is_one_attack_with_the_later_toll():
    # «وكان قال» (had said) and «الحصيلة السابقة» give a count the article's own figure superseded
    assert revises_toll(_event("x", None, "وكان قال وزير الصحة إن 12 شخصا قتلوا"))
    assert revises_toll(_event("x", None, "وكانت الحصيلة السابقة خمسين قتيلا"))
    events = assaults("أعلنت حركة الشباب مسؤوليتها عن هجوم استهدف فندقا في مقديشو اليوم الأحد، وأسفر عن مقتل 20 "
                      "شخصا على الأقل.\nوكان قال مسؤول في الشرطة إن سيارة مفخخة انفجرت أمام فندق في مقديشو اليوم "
                      "الأحد، مما أسفر عن مقتل 12 شخصا.")
    assert len(events) == 1 and events[0].fatalities == 20


def test_the_count_told_as_superseded_gives_no_toll_to_the_attack_before_it():
    # «وكانت الحصيلة السابقة 20 قتيلا»: the earlier count of the 40 told in the lead, not the raid's own toll
    # (read as one, it kept the raid apart from the lead's attack, and other outlets' reports apart in the store)
    events = assaults("قتل 40 شخصا على الأقل في هجوم شنه مسلحون على قرية قرب مدينة إدلب. وهاجم المسلحون بلدة "
                      "معرة النعمان مساء السبت وأحرقوا منازل. وكانت الحصيلة السابقة 20 قتيلا.")
    assert events and all(e.fatalities != 20 for e in events)
    assert max(e.fatalities or 0 for e in events) == 40


@pytest.mark.parametrize("text, toll", [
    # a running total over a whole period («منذ بداية العام») raises no toll of the event told before it
    ("استشهد شاب فلسطيني برصاص قوات الاحتلال خلال اقتحام مدينة جنين فجر الجمعة. وباستشهاد الشاب في جنين ترتفع "
     "حصيلة الشهداء منذ بداية العام الحالي إلى 175 شهيداً.", 1),
    # a running total of the event itself does
    ("قتل ثلاثة أشخاص في قصف على مدينة إدلب صباح اليوم. وارتفعت حصيلة القتلى في إدلب إلى خمسة.", 5),
])
def test_period_total_raises_no_toll(text, toll):
    assaults = [e for e in extract(Article(id="t", text=text)).events if e.type == "ASSAULT"]
    assert [e.fatalities for e in assaults] == [toll]
