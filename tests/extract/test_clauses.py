"""Events read from the clause: each construction named in the events issue, on news-style Arabic sentences
written for these tests (no dev-set text)."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.document import Article
from rasd.extract.clauses import clause_words, cumulative_word, light_verb_before, other_reading, prospective_governor
from rasd.extract.cues import read_tsv
from rasd.pipeline import extract

PUBLISHED = dt.date(2025, 6, 4)


def _doc(text: str):
    return extract(Article(id="t", text=text, published=PUBLISHED))


def _events(text: str, event_type: str | None = None):
    return [e for e in _doc(text).events if event_type is None or e.type == event_type]


def _a1(event) -> str | None:
    return event.actor1.text if event.actor1 else None


# ---------------------------------------------------------------- data

def test_clause_words_rows_are_well_formed():
    rows = read_tsv("clause_words.tsv")
    roles = {r["role"] for r in rows}
    assert roles == {"prospective", "violation", "light_verb", "light_noun", "announce", "responsibility",
                     "accident", "attack_word", "refusal", "name_link", "ability", "negation", "cumulative", "goal",
                     "overall"}
    assert all(int(r["window"]) > 0 for r in rows if r["role"] in ("prospective", "goal"))
    words = clause_words()
    assert {"شنت", "نفذوا", "يشن", "بدات"} <= words.light_verbs      # forms generated from lemmas
    assert "اعلنت" in words.announce
    assert {"منذ", "اجمالي"} <= words.cumulative
    assert words.overall <= words.cumulative


def test_homograph_rows_are_well_formed():
    rows = read_tsv("trigger_homographs.tsv")
    assert rows and all(r["bare"] in ("yes", "no") and r["reading"] and r["prefix"] and r["preceded_by"] for r in rows)


# ---------------------------------------------------------------- whether it happened

@pytest.mark.parametrize("text", [
    "قال الوزير إن بلاده لن تسمح بدخول المفتشين قبل التوصل إلى اتفاق مع الوكالة.",
    "يسعى الوسطاء للتوصل إلى وقف لإطلاق النار في قطاع غزة.",
    "ناقش الوزيران مقترح هدنة جديدة في السودان.",
    "بحث الجانبان سبل تعزيز التعاون الأمني بين البلدين.",
    "وأعرب الرئيس خلال لقائه بالسفير عن رغبة بلاده في تطوير العلاقات وتأطيرها في اتفاقيات ومذكرات تفاهم ثنائية.",
])
def test_a_sought_or_proposed_act_is_no_event(text):
    doc = _doc(text)
    assert not [e for e in doc.events if e.type in ("AGREE", "RETREAT", "COOPERATE")]
    assert any(n.get("modality") in ("prospective", "hypothetical", "generic") for n in doc.non_events)


def test_a_concluded_agreement_is_an_event():
    assert _events("وقع الطرفان اتفاقا لوقف إطلاق النار في مدينة جدة أمس.", "AGREE")


def test_prospective_governor_is_only_for_non_violent_types():
    doc = _doc("قتل ثلاثة جنود قبل الهجوم على مدينة الفاشر أمس.")
    k = next(k for k, t in enumerate(doc.tokens) if t.stem == "هجوم")
    assert prospective_governor(doc, k, "ASSAULT") is None
    assert prospective_governor(doc, k, "AGREE") is not None


@pytest.mark.parametrize("text, reading", [
    ("صدر بيان صادر عن وزارة الخارجية يدين الهجوم.", "issued"),
    ("وهرب المسلحون الأسلحة عبر الحدود إلى سوريا أمس.", "across"),
    ("ونقل جثمان القتيل بمساعدة الدفاع المدني إلى المستشفى في مدينة صور أمس.", "with the help of"),
])
def test_homographs_read_their_other_sense(text, reading):
    doc = _doc(text)
    assert not [e for e in doc.events if e.type in ("COERCE", "MOBILIZE", "AID")]
    assert any(reading in (n.get("reason") or "") for n in doc.non_events)


def test_the_verb_reading_of_a_homograph_stays_an_event():
    assert _events("صادرت السلطات الأسلحة في مدينة حلب أمس.", "COERCE")
    assert _events("وصلت مساعدة إنسانية إلى مدينة الفاشر أمس.", "AID")     # aid without «ب» stays aid


def test_a_cue_inside_a_name_is_no_cue():
    from rasd.document import Entity
    from rasd.extract.event_modality import classify_modality
    from rasd.extract.triggers import find_triggers
    text = "وقال جان إيف لو دريان إن معركة الموصل بدأت أمس."
    doc = extract(Article(id="t", text=text, published=PUBLISHED), stages=["sources", "entities"])
    (match,) = [m for m in find_triggers(doc.tokens) if m.rule.get("type") == "ASSAULT"]
    doc.entities = []
    assert classify_modality(doc, match, "ASSAULT")[0] == "hypothetical"      # «لو» read as "if"
    start = text.index("جان")
    end = text.index(" إن")
    doc.entities.append(Entity(span=doc.span(start, end), type="PERSON", text=text[start:end]))
    assert classify_modality(doc, match, "ASSAULT")[0] == "asserted"          # part of a name


# ---------------------------------------------------------------- light verbs

def test_a_light_verb_carries_its_nouns_subject():
    (ev,) = _events("بدأت القوات العراقية هجوماً على مدينة القائم يوم الخميس.", "ASSAULT")
    assert _a1(ev) == "القوات العراقية"
    (ev,) = _events("شنت مقاتلات إسرائيلية ضربات جوية على مدينة صور جنوب لبنان أمس.", "ASSAULT")
    assert _a1(ev) == "مقاتلات إسرائيلية"     # the craft with its nisba (event_actors._join_nisba_heads)


def test_light_verb_before_stops_at_a_full_stop():
    doc = _doc("شنت القوات حملة. هجوم على القرية")
    k = next(k for k, t in enumerate(doc.tokens) if t.stem == "هجوم")
    assert light_verb_before(doc, k) is None


# ---------------------------------------------------------------- who did it

def test_passive_agents_are_the_attackers():
    (ev,) = _events("قتل ثلاثة مدنيين على يد مسلحين مجهولين في مدينة سبها.", "ASSAULT")
    assert _a1(ev) == "مسلحين مجهولين"
    (ev,) = _events("قتل 11 جندياً عراقياً في هجوم استهدف مقراً للجيش العراقي ونسب لتنظيم داعش فجر الجمعة "
                    "في محافظة ديالى.", "ASSAULT")
    assert "داعش" in _a1(ev)


def test_the_announcer_of_a_toll_is_not_the_attacker():
    (ev,) = _events("أعلن الجيش الباكستاني مقتل 12 جنديا في هجوم على قافلة عسكرية أمس.", "ASSAULT")
    # no attacker is named: none read from the text (actor_codes infers ACLED's unidentified group, spanless)
    assert ev.actor1 is None or (ev.actor1.span is None and "الجيش" not in ev.actor1.text)
    (ev,) = _events("أعلن الجيش الباكستاني مقتل 12 جنديا بكمين مسلح نصبته حركة طالبان باكستان.", "ASSAULT")
    assert _a1(ev) == "حركة طالبان باكستان"


def test_whoever_undergoes_an_attack_is_its_target():
    doc = _doc("وكان الجنود على متن مركبات عندما تعرضوا لإطلاق نار في منطقة بدر أمس. "
               "وأعلنت حركة طالبان الباكستانية المسؤولية عن الهجوم.")
    (ev,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert ev.actor2 is not None and ev.actor2.text == "الجنود"
    assert _a1(ev) == "حركة طالبان الباكستانية"       # the claim of responsibility names the attacker


def test_the_two_sides_after_between():
    (ev,) = _events("رحبت المملكة العربية السعودية باستئناف المحادثات بين ممثلي الجيش السوداني وممثلي الدعم "
                    "السريع في جدة اليوم الخميس.", "CONSULT")
    assert _a1(ev) == "الجيش السوداني" and ev.actor2.text == "الدعم السريع"


# ---------------------------------------------------------------- one event, one record

def test_a_definite_noun_restates_the_event_told_before():
    events = _events("التقى وزير الخارجية التركي حقان فيدان نظيره الإيراني في أنقرة أمس. "
                     "وقال فيدان بعد اللقاء إن المحادثات كانت مثمرة.", "CONSULT")
    assert len(events) == 1 and "فيدان" in _a1(events[0])


def test_a_protests_demand_is_part_of_the_protest():
    doc = _doc("تظاهر مئات المحتجين في ساحة التحرير وسط بغداد أمس وطالبوا بالإفراج عن المعتقلين.")
    assert [e.type for e in doc.events] == ["PROTEST"]
    assert any(n.get("modality") == "part_of_protest" for n in doc.non_events)


def test_other_reading_is_none_for_the_verb():
    doc = _doc("وعبر مسلحون الحدود إلى العراق أمس.")
    k = next(k for k, t in enumerate(doc.tokens) if t.stem == "عبر")
    assert other_reading(doc, k) is None


def test_a_habitual_act_is_no_event():
    doc = _doc("وعادة ما يفرض حظر تجول قبل دخول القوافل العسكرية إلى المنطقة.")
    assert not [e for e in doc.events if e.type == "COERCE"]
    assert any(n.get("modality") == "generic" for n in doc.non_events)


def test_in_cooperation_with_is_the_manner_of_another_act():
    doc = _doc("وزعت المنظمة 500 طرد غذائي على النازحين في مدينة الدبة بالتعاون مع الهلال الأحمر السوداني أمس.")
    assert not [e for e in doc.events if e.type == "COOPERATE"]


def test_an_event_placed_only_in_its_country_restates_the_finer_one():
    doc = _doc("قتلت قوات الدعم السريع 30 مدنيا في السودان. وقالت المجموعة إن قوات الدعم السريع قتلت 30 مدنيا "
               "في هجوم على مدينة الفاشر أمس.")
    assault = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(assault) == 1 and assault[0].place.text == "الفاشر" and assault[0].fatalities == 30


def test_an_announced_start_of_battle_is_the_announcers_attack():
    (ev,) = _events("أعلنت «قوات سورية الديموقراطية» المدعومة من التحالف الدولي اليوم بدء معركة تحرير الرقة، "
                    "معقل تنظيم «الدولة الاسلامية» في سورية.".replace("اليوم", "اليوم (الأحد)"), "ASSAULT")
    assert "قوات سورية الديموقراطية" in _a1(ev)


def test_a_noun_of_threat_or_cooperation_needs_a_verb_or_date():
    doc = _doc("وقال الوزير إن التعاون غير ممكن في ظل التهديد المستمر لأمن المنطقة.")
    assert not [e for e in doc.events if e.type in ("COOPERATE", "THREATEN")]
    assert _events("هدد الرئيس بفرض عقوبات على الشركات في مدينة دمشق أمس.", "THREATEN")


def test_a_force_noun_before_a_named_body_is_one_actor():
    (ev,) = _events("قالت الشبكات إن هجوماً بالطائرات المسيّرة من قبل قوات الحكومة السورية استهدف بلدة عتيل "
                    "في ريف السويداء أمس.", "ASSAULT")
    assert _a1(ev) == "قوات الحكومة السورية" and ev.actor2 is None


def test_no_subject_after_a_verb_inside_a_prepositional_phrase():
    doc = _doc("انتقد وزير الخارجية اليوناني نيكوس ديندياس التصريحات التي أدلى بها الرئيس التركي رجب طيب "
               "أردوغان مؤخرا وهدد خلالها بقصف أثينا.")
    threats = [e for e in doc.events if e.type == "THREATEN"]
    assert threats and all("أثينا" not in (_a1(e) or "") for e in threats)


@pytest.mark.parametrize("text, attacker, fatalities, injuries", [
    ("أسفر الهجوم عن مقتل ثلاثة جنود وإصابة سبعة آخرين بجروح في مدينة مقديشو أمس.", None, 3, 7),
    ("استشهد فلسطيني وأصيب اثنان برصاص الجيش الإسرائيلي في مدينة جنين أمس.", "الجيش الإسرائيلي", 1, 2),
    # «عشرات» tells injured people but no number to record (ANNOTATION.md records numbers only)
    ("خلف الهجوم 8 قتلى وعشرات المصابين في مدينة كابل أمس.", None, 8, None),
    ("أصيب 20 متظاهرا بجروح خلال مواجهات مع قوات الأمن في ساحة التحرير ببغداد أمس.", "قوات الأمن", None, 20),
])
def test_victims_counted_and_attackers_by_their_fire(text, attacker, fatalities, injuries):
    (ev,) = _events(text, "ASSAULT")
    assert (ev.fatalities, ev.injuries) == (fatalities, injuries)
    if attacker is None:       # the counted victims are never the attacker
        assert ev.actor1 is None or ev.actor1.span is None
    else:
        assert _a1(ev) == attacker


@pytest.mark.parametrize("text, attacker", [
    ("واستهدف الحوثيون يوم الأحد الماضي ناقلة النفط الإسرائيلية قرب مدينة ينبع أمس.", "الحوثيون"),
    ("قتل ما لا يقل عن 13 عنصراً من الشرطة الصومالية في هجوم انتحاري في مدينة مقديشو أمس.", "انتحاري"),
    ("وأكد المتحدث أن القوات الإسرائيلية استهدفت بنى تحتية للحزب في بلدة صديقين أمس.", "القوات الإسرائيلية"),
])
def test_subjects_targets_and_victims_by_position(text, attacker):
    (ev,) = _events(text, "ASSAULT")
    if attacker is None:
        assert ev.actor1 is None or ev.actor1.span is None, ev.actor1
    else:
        assert _a1(ev) == attacker


def test_an_attack_verb_after_an_attack_noun_tells_its_target():
    (ev,) = _events("أصيب عشرة في قصف بطائرة مسيّرة استهدف مستشفى المدينة في الفاشر أمس.", "ASSAULT")
    assert ev.actor1 is None or ev.actor1.span is None


def test_a_title_stands_for_the_person_named_after_it():
    (ev,) = _events("أجرى وزير الدولة، وزير الشؤون الخارجية والجالية الوطنية بالخارج، أحمد عطاف، اليوم الأربعاء، "
                    "ببروكسل، محادثات ثنائية مع وزير الخارجية الألماني.", "CONSULT")
    assert _a1(ev) == "أحمد عطاف"


def test_active_injury_verb_and_weekday_after_today():
    doc = extract(Article(id="t", published=dt.date(2021, 2, 4), text=(
        "أعلن متحدث باسم الجيش في مالي أن مسلحين قتلوا تسعة جنود وأصابوا ستة آخرين بكمين نصبوه قرب مدينة "
        "موبتي وسط البلاد اليوم الأربعاء.")))
    (ev,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert (ev.fatalities, ev.injuries) == (9, 6)
    assert ev.date == "2021-02-03"      # «اليوم الأربعاء» published on a Thursday: that Wednesday


def test_a_coarse_restatement_does_not_raise_a_finer_events_toll():
    doc = _doc("قتل مسلحون تسعة جنود في كمين قرب مدينة موبتي أمس. وقال المتحدث إن الهجوم وقع في مالي وإن نحو 20 "
               "مهاجما قتلوا في الاشتباك.")
    tolls = sorted(e.fatalities for e in doc.events if e.type == "ASSAULT" and e.fatalities)
    assert 9 in tolls and tolls != [20]


def test_the_dateline_city_is_no_actor():
    doc = extract(Article(id="t", published=dt.date(2017, 12, 14), text=(
        "مقديشو 14 ديسمبر 2017 (وال)- قتل ما لا يقل عن 13 عنصراً من الشرطة الصومالية اليوم الخميس في هجوم "
        "انتحاري داخل معسكر لتدريب الشرطة.")))
    (ev,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert _a1(ev) != "مقديشو"


def test_a_broken_ceasefire_is_no_new_ceasefire():
    doc = _doc("وقال المصدر إن المجموعات المسلحة تخرق اتفاق وقف النار في السويداء وتهاجم قوات الأمن.")
    assert not [e for e in doc.events if e.type == "RETREAT"]


def test_background_a_month_before_publication_is_no_news():
    doc = extract(Article(id="t", published=dt.date(2022, 9, 26), text=(
        "وكانت الحركة قد فرضت حصارا على فندق في مقديشو في يوليو الماضي قتل فيه 21 شخصا.")))
    assert not doc.events
    assert any(n.get("modality") == "historical" for n in doc.non_events)


def test_a_court_that_condemns_convicts():
    (ev,) = _events("أدانت محكمة جنايات الإسماعيلية 14 متهما في قضية الهجوم على قسم شرطة العريش أمس.", "SANCTION")
    assert ev.mode == "convict"


def test_the_speaker_is_not_the_subject_of_what_the_quote_tells():
    doc = _doc('وأوضح الناطق باسم الدفاع المدني محمود بصل "نقل شهيدان إلى المستشفى جراء قصف على مخيم جباليا أمس".')
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    assert assaults and all("بصل" not in (_a1(e) or "") for e in assaults)


# ---------------------------------------------------------------- session 3: who cannot be the doer

def test_the_announcer_of_an_explosion_did_not_set_it_off():
    # an exploding device is agentless like a casualty word: the police announcing it is not the bomber
    event = _events("أعلنت الشرطة الكينية انفجار سيارة مفخخة صباح السبت في نيروبي.", "ASSAULT")[0]
    assert _a1(event) is None


def test_the_name_after_a_camp_is_a_place_not_an_actor():
    # «أبو ...» reads as a person's kunya, but after «مخيم» it names the camp that was hit
    event = _events('قُتل 12 شخصًا في قصف استهدف مخيم "أبو زيد" للنازحين قرب مدينة الفاشر.', "ASSAULT")[0]
    assert _a1(event) != "أبو زيد"


def test_a_prosecutor_ordering_arrests_does_not_protest():
    protest = _events("أوقفت الشرطة، بتعليمات من النيابة العامة، مساء الأحد، 30 شابًا شاركوا في احتجاجات "
                      "على الطريق السريع في مدينة الرباط.", "PROTEST")
    assert protest and all(e.actor1 is None or e.actor1.sector not in ("police", "judiciary") for e in protest)


def test_the_subject_inside_a_phrase_trigger_is_its_actor():
    # «أطلق X النار»: the subject stands between the verb and its noun, inside the trigger's span
    event = _events("وأطلق مجهولون النار على حافلة تقل مدنيين في ريف درعا مساء الأحد.", "ASSAULT")[0]
    assert _a1(event) == "مجهولون"


def test_outlaws_are_an_armed_actor_not_victims():
    event = _events('قُتل عنصر أمن سوري في اشتباكات مع "خارجين عن القانون" بريف درعا مساء الأحد.', "ASSAULT")[0]
    assert _a1(event) == "خارجين عن القانون"


def test_the_group_claiming_an_attack_stands_for_its_bomber():
    text = ("بيداوة - قُتل 11 جنديا اليوم الخميس في هجوم انتحاري شنه انتحاري داخل معسكر للجيش.\n"
            "وقال ضابط إن المهاجم فجر نفسه قرب البوابة.\n"
            "في المقابل، تبنت حركة الشباب الصومالية هذا الهجوم.")
    attacks = _events(text, "ASSAULT")
    assert attacks and all(_a1(e) == "حركة الشباب الصومالية" for e in attacks)


def test_a_speaker_is_not_the_claimant_of_the_attack_he_reports():
    text = "قال الجيش الكيني إن هجوما انتحاريا تبنته حركة الشباب أدى إلى مقتل 7 أشخاص في مومباسا أمس الأحد."
    attacks = _events(text, "ASSAULT")
    assert attacks and _a1(attacks[0]) != "الجيش الكيني"


def test_a_facility_named_with_its_place_word_is_the_event_place():
    # «فوق مطار أربيل في شمال العراق»: the airport (its name carries «مطار»), not the region after it
    event = _events("أسقطت الدفاعات الجوية طائرة مسيرة مسلحة، مساء الأحد، فوق مطار أربيل في شمال العراق "
                    "دون وقوع إصابات.", "ASSAULT")[0]
    assert event.place is not None and event.place.text == "مطار أربيل"


def test_forces_in_a_relative_clause_about_the_place_are_not_the_attackers():
    events = _events("أعلن جهاز مكافحة الإرهاب في بيان أن أنظمة الدفاع أسقطت طائرة مسيرة مسلحة، الأحد، فوق مطار "
                     "أربيل في شمال العراق حيث تتمركز قوات أميركية.", "ASSAULT")
    assert events and all(_a1(e) != "قوات أميركية" for e in events)


def test_firing_tear_gas_at_a_crowd_is_a_coercive_act():
    events = _events("وأطلقت الشرطة الغاز المسيل للدموع لتفريق المحتجين قرب القصر الرئاسي في الخرطوم مساء الأحد.",
                     "COERCE")
    assert events and events[0].place is not None


def test_the_issued_statement_is_no_confiscation():
    text = "ورحب مجلس الوزراء بالبيان المشترك الصادر عقب اجتماع وزراء الخارجية في الرياض أمس."
    assert not _events(text, "COERCE")
    assert _events("وصادرت الشرطة أسلحة وذخائر في حي الملز بالرياض أمس.", "COERCE")


def test_the_top_of_a_mountain_is_no_summit():
    assert not _events("وقال إن القصف استهدف مواقع المسلحين في أعلى قمة جبل صبر بتعز أمس.", "CONSULT")
    assert _events("وعقدت قمة عربية طارئة في القاهرة أمس بمشاركة الرئيس المصري.", "CONSULT")


def test_deaths_in_an_accident_are_no_attack():
    assert not _events("وقتل 17 شخصا أمس في تحطم مروحية عسكرية في جنوب أفغانستان بسبب عطل تقني.", "ASSAULT")
    # a weapon in the clause keeps the attack reading, whatever burns or falls
    assert _events("وقتل 5 أشخاص أمس برصاص مسلحين أضرموا حريقا في مبنى بمدينة إدلب.", "ASSAULT")


def test_deaths_in_separate_accidents_are_no_attack_but_a_terrorist_incident_is():
    assert not _events("لقي ثلاثة أشخاص مصرعهم وأصيب 3 آخرون في حادثين منفصلين مساء أمس في محافظة ينبع.", "ASSAULT")
    assert _events("أدى الحادث الإرهابي الذي وقع في مسجد بمدينة أبها إلى استشهاد 12 من رجال الأمن.", "ASSAULT")


def test_accident_words_are_data():
    words = clause_words()
    assert {"تحطم", "غرق"} <= words.accident and "رصاص" in words.attack and "هجوم" in words.attack


def test_a_total_over_a_period_is_found_by_its_word():
    doc = extract(Article(id="t", text="وقتل أكثر من 500 مدني في المحافظة منذ بداية العام.", published="2025-01-05"))
    word = cumulative_word(doc, 0, len(doc.tokens))
    assert word is not None and word.text == "منذ"
    doc = extract(Article(id="t", text="وقال شاهد عيان إنه أحصى ست جثث.", published="2025-01-05"))
    assert cumulative_word(doc, 0, len(doc.tokens)) is None


def test_the_pronoun_after_a_named_attack_is_the_attack_not_the_speaker():
    events = _events("وأكد محافظ كركوك راكان الجبوري في حديث للصحفيين الهجوم، موضحا أنه استهدف أفراداً من "
                     "الجيش في قضاء الحويجة أمس.", "ASSAULT")
    assert events and all("الجبوري" not in (_a1(e) or "") for e in events)


def test_the_city_visited_is_not_the_visitor():
    events = _events("وأعلن رئيس الوزراء بدء العملية ببيان صدر بينما يزور أنقرة حيث التقى الرئيس التركي.", "CONSULT")
    assert events and all(_a1(e) != "أنقرة" for e in events)


def test_the_armed_group_protested_against_is_not_the_crowd():
    events = _events("وشهد ريف دير الزور الشرقي مظاهرات حاشدة أمس تحت شعار الكرامة، ردًا على ممارسات قوات سوريا "
                     "الديمقراطية.", "PROTEST")
    assert events and all(e.actor1 is None or e.actor1.sector not in ("armed_group", "military") for e in events)


def test_a_refused_withdrawal_did_not_happen():
    text = "ورغم انتشار الجيش في الجنوب، رفضت القوات الإسرائيلية الانسحاب من خمس تلال داخل الأراضي اللبنانية."
    assert not _events(text, "RETREAT")
    assert _events(text, "REJECT")


def test_a_release_hoped_for_or_demanded_is_not_done():
    assert not _events("ودعا الخطيب الحكومة إلى سرعة الإفراج عن المعتقلين في صنعاء أمس.", "RETREAT")
    assert not _events("وتحدث الوزير عن احتمال استقالته من منصبه بعد مؤتمر باريس أمس.", "RETREAT")
    assert _events("وأفرجت السلطات عن 27 معتقلا من سجن صنعاء المركزي أمس.", "RETREAT")


def test_an_act_governed_by_a_future_verb_is_not_done():
    assert not _events("وقال الوزير إن الجيش سيشن هجوما واسعا على مواقع المسلحين في الرقة.", "ASSAULT")
    assert not _events("وقال المصدر إن المبعوث سيقدم استقالته بعد مؤتمر باريس.", "RETREAT")
    assert _events("وشن الجيش هجوما واسعا على مواقع المسلحين في الرقة أمس.", "ASSAULT")


def test_an_agreement_applied_is_not_a_new_one():
    assert not _events("وأرسلت الولايات المتحدة مقاتلات إلى القاعدة بموجب اتفاق مع تركيا أمس.", "AGREE")
    assert not _events("وقال الوزير إنه في إطار اتفاقنا مع واشنطن حققنا تقدما كبيرا أمس.", "AGREE")
    assert _events("ووقعت الحكومة والمعارضة اتفاقا لتقاسم السلطة في جوبا أمس.", "AGREE")


def test_what_someone_could_or_is_ready_to_do_is_not_done():
    assert not _events("وقال نائب الرئيس إن الحكومة يمكن أن تجمد أصول قادة المتمردين في الخرطوم.", "SANCTION")
    assert not _events("وقال الرئيس إن بلاده مستعدة لإرسال مساعدات إنسانية إلى غزة.", "AID")


def test_a_trigger_word_inside_a_kin_name_is_no_event():
    assert not _events("وقال الخطيب إن علي بن أبي طالب حمل الراية يوم بدر وهو ابن عشرين سنة.", "REQUEST")
    assert _events("وطالب وزير الخارجية مجلس الأمن بوقف الحرب على غزة أمس.", "REQUEST")


def test_places_listed_with_and_share_the_first_ones_context():
    doc = _doc("وتركزت الاقتحامات في محافظات نابلس ورام الله والخليل وجنين فجر اليوم.")
    assert {p.text for p in doc.places} >= {"نابلس", "رام الله", "الخليل", "جنين"}


def test_one_event_per_place_listed_in_one_clause():
    events = _events("وشنت قوات الاحتلال فجر اليوم حملة اعتقالات واسعة في مدن نابلس ورام الله والخليل.", "COERCE")
    assert {e.place.text for e in events if e.place} == {"نابلس", "رام الله", "الخليل"}


def test_a_comma_list_closed_by_and_gives_one_event_per_place():
    events = _events("وشنت قوات الأمن فجر اليوم حملة اعتقالات واسعة في مدن حلب، حمص، حماة، واللاذقية.", "COERCE")
    assert {e.place.text for e in events if e.place} == {"حلب", "حمص", "حماة", "اللاذقية"}
    # a comma list no «و» closes may be an apposition: the first place only
    events = _events("وشنت قوات الأمن فجر اليوم حملة اعتقالات واسعة في مدينة حلب، حمص.", "COERCE")
    assert {e.place.text for e in events if e.place} == {"حلب"}


def test_a_raid_is_coercion_as_plover_codes_it():
    events = _events("واقتحمت قوات الاحتلال مدينة جنين فجر اليوم وفتشت عددا من المنازل.")
    assert events and events[0].type == "COERCE"


def test_a_village_the_gazetteer_writes_without_its_article():
    doc = _doc("وقتل خمسة مدنيين بقصف مروحي على قرية إبديتا في ريف إدلب أمس، فيما قتل أربعة آخرون بقصف على بلدة "
               "البارة.")
    assert any(p.text == "البارة" and p.country == "SY" for p in doc.places)
    # two villages 3 km apart are two places: two events
    assert len({e.place.text for e in _events(doc.text, "ASSAULT") if e.place}) >= 2


def test_a_continent_written_without_hamza_is_a_place():
    # (the places stage's reading: the final list keeps a continent only where an event took place, place_list)
    doc = extract(Article(id="t", text="وقال الوزير إن الاتحاد يعمل في افريقيا وأوروبا.", published=PUBLISHED),
                  ("sources", "entities", "places"))
    assert any(p.text == "افريقيا" for p in doc.places)


def test_claimed_the_lives_of_is_a_death_toll():
    events = _events("أودى القصف بحياة 6 أشخاص في مخيم النصيرات وسط قطاع غزة أمس.", "ASSAULT")
    assert events and events[0].fatalities == 6


def test_a_village_name_many_villages_bear_is_not_placed_on_one_of_them():
    doc = _doc("وقتل عنصر في الحرس الثوري الإيراني برصاص أطلق من سلاح صيد في كهريز سانغ أمس.")
    assert not any(p.text == "كهريز" and p.feature == "village" for p in doc.places)


@pytest.mark.parametrize("text", [
    "وتم اختيار رئيس الحكومة بالتوافق بين الكتل النيابية أمس في بغداد.",
    "وانتخب البرلمان العراقي رئيسه اليوم في بغداد بعد التوافق بين الكتل السياسية.",
])
def test_consensus_is_no_agreement_told(text):
    doc = _doc(text)
    assert not [e for e in doc.events if e.type == "AGREE"]
    assert any("consensus" in (n.get("reason") or "") for n in doc.non_events)


def test_the_imperfect_of_agreeing_is_still_read_as_a_verb():
    assert _events("وقالت الوزارة إن الحكومة توافق على مطالب المحتجين في بغداد.", "AGREE")


def test_a_prayer_for_a_ruler_is_no_support():
    doc = _doc("رافق خادم الحرمين الشريفين -أيده الله- خلال الجولة التفقدية وزير الداخلية في الرياض أمس.")
    assert not [e for e in doc.events if e.type == "SUPPORT"]
    assert any("prayer" in (n.get("reason") or "") for n in doc.non_events)


def test_support_given_is_still_support():
    assert _events("وأيد الرئيس الأمريكي قرار الحكومة العراقية أمس في بغداد.", "SUPPORT")


@pytest.mark.parametrize("text, event_type", [
    ("وسيوقع الجانبان اتفاقية للتعاون الاقتصادي في الرياض.", "AGREE"),
    ("وسيوقع وزيرا خارجية البلدين اتفاقا في القاهرة الأسبوع المقبل.", "AGREE"),
])
def test_a_future_verb_before_its_subject_puts_the_noun_ahead(text, event_type):
    doc = _doc(text)
    assert not [e for e in doc.events if e.type == event_type]
    assert any("future" in (n.get("reason") or "") for n in doc.non_events if n.get("type") == event_type)


def test_a_past_verb_before_its_subject_tells_the_noun_done():
    assert _events("ووقع الجانبان اتفاقية للتعاون الاقتصادي في الرياض أمس.", "AGREE")
