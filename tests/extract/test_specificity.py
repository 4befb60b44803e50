"""Specific events vs. general mentions of violence and protest, on Arabic news sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.document import Article
from rasd.extract import specificity
from rasd.extract.specificity import reports_specific_event, trigger_shape, word_cues
from rasd.extract.triggers import find_triggers
from rasd.pipeline import extract

PUBLISHED = dt.date(2024, 12, 2)


def verdict(text: str, event_type: str = "ASSAULT", published: dt.date | None = PUBLISHED) -> tuple[bool, str]:
    """The decision for the first trigger of `event_type` in a one-sentence article."""
    doc = extract(Article(id="t", text=text, published=published))
    match = next(m for m in find_triggers(doc.tokens) if m.rule.get("type") == event_type)
    return reports_specific_event(doc, doc.tokens[match.first].sentence, match.first, event_type)


# ------------------------------------------------------------------ data files

def test_feature_weights_cover_every_feature_the_code_uses():
    weights = specificity.feature_weights()
    used = {"threshold", "perfect_verb", "imperfect_verb", "definite_masdar", "definite_plural", "indefinite_noun",
            "casualties", "count", "place", "agent", "question", "past_year", "enumeration", "early_trigger",
            "late_trigger"}
    assert used <= weights.keys()
    assert weights["casualties"] > 0 > weights["question"]
    assert all(k in weights or k.startswith("threshold_") for k in weights)


@pytest.mark.parametrize("name, sign", [("specificity_realis.tsv", 1), ("specificity_irrealis.tsv", 1)])
def test_cue_files_rows_are_well_formed(name, sign):
    rows = specificity._rows(name)
    assert len(rows) > 20
    for r in rows:
        assert r["pos"] in ("word", "verb", "noun"), r
        assert r["scope"] in ("sentence", "near", "before", "opening", "subject", "object"), r
        assert (r["scope"] == "sentence") == (int(r["window"]) == 0), r
        assert float(r["weight"]) * sign > 0, r


def test_cue_index_has_realis_and_irrealis_forms():
    cues = word_cues()
    assert any(c.weight > 0 and c.kind == "time" for c in cues["امس"])
    assert any(c.weight < 0 and c.kind == "legal" for c in cues["بتهمه"])
    assert "يندد" in cues and "ادانت" in cues          # verb forms generated from the lemmas ندد, أدان


def test_means_words_load():
    means = specificity.means_words()
    assert set(means) == {"means", "weapon", "target"}
    assert "بواسطه" in means["means"] and {"مفخخه", "ملغومه"} <= means["weapon"]


def test_generic_nouns_and_clause_openers_load():
    generic = specificity.generic_nouns()
    assert {"عنف", "ارهاب"} <= generic.keys() and all(w >= 0 for w in generic.values())
    assert {"ان", "انه"} <= specificity.clause_openers()


# ------------------------------------------------------------------ specific events are kept

@pytest.mark.parametrize("text", [
    "قتل مسلحون مجهولون أمس ثلاثة جنود وأصيب خمسة آخرون في هجوم على حاجز للجيش قرب الموصل.",
    "وأسفر انفجار سيارة مفخخة صباح الأحد عن مقتل سبعة أشخاص وإصابة 20 آخرين في سوق شعبي ببغداد.",
    "وقالت الشرطة إن مسلحين اختطفوا مهندسين اثنين أمس من موقع عملهما جنوب البلاد.",
])
def test_realis_assault_reports_are_specific(text):
    ok, why = verdict(text)
    assert ok, why


def test_protest_with_perfect_verb_and_time_is_specific():
    ok, why = verdict("تظاهر آلاف الطلاب أمس أمام مبنى البرلمان في العاصمة احتجاجا على رفع الرسوم.", "PROTEST")
    assert ok, why


# ------------------------------------------------------------------ general mentions are not

@pytest.mark.parametrize("text, cue", [
    ("ويرى خبراء أن التفجيرات والاغتيالات لن تنتهي ما دامت الفوضى قائمة.", "definite_plural"),
    ("هل يمكن أن يوقف الحوار دوامة القتل في البلاد؟", "question"),
    ("وتنص الخطة على تعزيز التعاون الدولي في مجال مكافحة الإرهاب والهجمات المسلحة.", "frame"),
    ("ومثل المتهم أمام المحكمة بتهمة قتل زوجته في عام 2019.", "legal"),
    ("وإذا اندلعت الحرب فإن الجيش سيقصف المدن الحدودية.", "hypothetical"),
    ("إن استهداف المدنيين جريمة يدينها القانون الدولي.", "opinion"),
    # «قتلت هذه الغارات»: the demonstrative after the verb points back at the strikes already told (a total)
    ("كما قتلت هذه الغارات نحو ألفين من مسلحي التنظيم منذ العام الماضي.", "reference"),
])
def test_general_mentions_are_not_specific(text, cue):
    ok, why = verdict(text)
    assert not ok, why
    assert cue in why


def test_habitual_imperfect_trigger_counts_against():
    ok, why = verdict("وعادة ما تستهدف هذه الجماعات الطرق التجارية في المنطقة.")
    assert not ok and "imperfect_verb" in why and "habitual" in why


def test_enumeration_of_kinds_of_violence():
    ok, why = verdict("وتحدث التقرير عن القتل والخطف والتعذيب في السجون السرية.")
    assert not ok and "enumeration" in why


def test_past_year_is_background_only_when_before_publication():
    text = "وقتل عشرة أشخاص في هجوم على قرية في شمال البلاد عام 2024."
    assert "past_year" not in verdict(text)[1]
    assert "past_year" in verdict(text, published=dt.date(2026, 1, 1))[1]


# ------------------------------------------------------------------ trigger shape

@pytest.mark.parametrize("text, shape", [
    ("قصفت الطائرات المدينة.", "perfect_verb"),
    ("تقصف الطائرات المدينة كل يوم.", "imperfect_verb"),
    ("ويتواصل التفجير في المدينة.", "definite_masdar"),
    ("وتواصلت الهجمات على المدينة.", "definite_plural"),
    ("ووقع هجوم على المدينة.", "indefinite_noun"),
    ("وجاؤوا إلى العاصمة للاحتجاج على القرار.", None),
])
def test_trigger_shape(text, shape):
    doc = extract(Article(id="t", text=text, published=PUBLISHED))
    match = find_triggers(doc.tokens)[0]
    assert trigger_shape(doc.tokens[match.first], match) == shape


def test_anchored_definite_plural_is_not_general():
    doc = extract(Article(id="t", text="وتواصلت الغارات الروسية على إدلب أمس.", published=PUBLISHED))
    match = find_triggers(doc.tokens)[0]
    ok, why = reports_specific_event(doc, 0, match.first, "ASSAULT")
    assert "attributed" in why and "definite_plural" not in why
    general = extract(Article(id="t", text="وتحدث الوزير طويلا عن الغارات والتفجيرات.", published=PUBLISHED))
    match = find_triggers(general.tokens)[0]
    assert "definite_plural" in reports_specific_event(general, 0, match.first, "ASSAULT")[1]


# ------------------------------------------------------------------ protest gatherings, verbal protests, other senses

@pytest.mark.parametrize("text", [
    "وتجمع عشرات الشبان في ساحة وسط مدينة حمص أمس رافعين لافتات تطالب بإطلاق سراح المعتقلين.",
    "ونزل آلاف العمال إلى الشوارع في المدن الكبرى صباح الاثنين مطالبين برفع الأجور.",
    "وقالت مصادر محلية إن مئات المتظاهرين خرجوا للاحتجاج على إغلاق المصنع في المدينة.",
])
def test_crowd_gathering_reports_a_protest(text):
    doc = extract(Article(id="t", text=text, published=PUBLISHED))
    assert [e.type for e in doc.events].count("PROTEST") >= 1, doc.non_events


def test_chanting_alone_is_not_a_new_protest():
    doc = extract(Article(id="t", text="وردد المتظاهرون شعارات مناهضة للوزير.", published=PUBLISHED))
    assert not [e for e in doc.events if e.type == "PROTEST"]


@pytest.mark.parametrize("text, cue", [
    ("واحتجت الخارجية رسميا لدى السفير على التصريحات المسيئة.", "verbal"),
    ("وأعلنت النقابة احتجاجها على قرار الوزارة بتجميد الرواتب.", "possessed"),
    ("وتنطلق التظاهرة المسرحية في العاصمة بمشاركة عشر فرق عربية.", "sense"),
])
def test_verbal_protest_and_other_senses_are_not_demonstrations(text, cue):
    ok, why = verdict(text, "PROTEST")
    assert not ok, why
    assert cue in why


def test_riot_police_is_a_name_not_a_riot():
    ok, why = verdict("وانتشرت قوات مكافحة الشغب في محيط الجامعة.", "PROTEST")
    assert not ok and "frame" in why


def test_verbal_and_sense_cues_apply_to_protest_only():
    cues = word_cues()
    assert all(c.applies_to("PROTEST") and not c.applies_to("ASSAULT") for c in cues["لدي"] if c.kind == "verbal")
    ok, why = verdict("قتل مسلحون مجهولون الصحافي لدى خروجه من منزله مساء أمس في وسط المدينة.")
    assert ok and "verbal" not in why


# ------------------------------------------------------------------ anaphora and ambiguous readings

def test_demonstrative_points_back_at_an_event_told_before():
    ok, why = verdict("ويأتي هذا الهجوم في وقت تتصاعد فيه التوترات السياسية.")
    assert not ok and "reference" in why


def test_word_that_is_both_a_verb_and_a_masdar_reads_as_the_verb():
    ok, why = verdict("خطف مسلحون مهندسا أجنبيا أمس في جنوب البلاد.")
    assert ok and "perfect_verb" in why, why


def test_crowd_size_is_protest_evidence_only():
    ok, why = verdict("واندلعت احتجاجات شارك فيها آلاف الطلاب في العاصمة.", "PROTEST")
    assert ok and "crowd" in why, why
    crowd = [c for form in specificity.word_forms("آلاف", "word") for c in word_cues()[form] if c.kind == "crowd"]
    assert crowd and all(c.applies_to("PROTEST") and not c.applies_to("ASSAULT") for c in crowd)


def test_protest_noun_without_any_anchor_is_not_an_event():
    ok, why = verdict("ولم تعد الاحتجاجات تخيف أحدا في البلاد.", "PROTEST")
    assert not ok, why


def test_trigger_in_a_relative_clause_is_background():
    ok, why = verdict("وكانت الشرطة قد أوقفت رجلا يشتبه بصلته بالحادث الذي استهدف الحافلة.")
    assert not ok and "relative" in why, why


def test_ordinal_counts_the_attack_in_a_series():
    ok, why = verdict("وهو ثالث هجوم تشهده المدينة منذ بداية الشهر.")
    assert not ok and "series" in why, why


@pytest.mark.parametrize("text", [
    "وشن النائب هجوما لاذعا على وزير المالية خلال جلسة البرلمان أمس.",
    "وحذر المراقبون من انفجار الأوضاع في المخيمات بعد قطع المساعدات.",
])
def test_figurative_violence_is_not_an_assault(text):
    ok, why = verdict(text)
    assert not ok and "sense" in why, why


def test_unnumbered_victims_count_for_an_assault():
    ok, why = verdict("وخطف المسلحون عشرات العمال من موقع البناء قرب الحدود.")
    assert ok and "victims" in why, why


def test_protest_at_a_trial_is_a_protest_but_a_protest_charge_is_not():
    ok, why = verdict("وتجمع عشرات النشطاء وأنصار المتهمين أمام المحكمة رفضا لمحاكمة المدونين.", "PROTEST")
    assert ok, why
    ok, why = verdict("وحكم على الناشط بالسجن عامين بتهمة المشاركة في التظاهرات.", "PROTEST")
    assert not ok and "legal" in why


# ------------------------------------------------------------------ framing, condemnation, «أي», sport, passives

def test_framing_sentence_places_an_attack_as_background():
    ok, why = verdict("ويأتي ذلك بعد هجوم انتحاري استهدف حافلة للشرطة في العاصمة وأسفر عن مقتل عشرة أشخاص.")
    assert not ok and "framing" in why, why
    ok, why = verdict("وجاء في البيان أن مسلحين قتلوا أمس خمسة جنود في هجوم على حاجز قرب الحدود.")
    assert ok and "framing" not in why, why         # «جاء في البيان»: a source, not a frame


def test_framing_applies_to_attacks_only():
    cues = [c for form in specificity.word_forms("يأتي", "word") for c in word_cues()[form] if c.kind == "framing"]
    assert cues and all(c.applies_to("ASSAULT") and not c.applies_to("PROTEST") for c in cues)


def test_condemned_attack_is_an_act_already_known():
    ok, why = verdict("وتدين الحكومة الهجوم المسلح على قرية في جنوب البلاد.")
    assert not ok and why.count("opinion") == 2, why


def test_any_attack_is_no_attack():
    doc = extract(Article(id="t", text="وقال الوزير إن أي هجوم على القوات الدولية سيقابل برد حاسم.",
                          published=PUBLISHED))
    assert not [e for e in doc.events if e.type == "ASSAULT"]
    assert any(n.get("type") == "ASSAULT" and n.get("modality") == "generic" for n in doc.non_events)


def test_fans_in_the_streets_are_no_protest():
    ok, why = verdict("وخرج آلاف المشجعين إلى الشوارع بعد المباراة أمس احتفالا بالفوز.", "PROTEST")
    assert not ok and "sense" in why, why


def test_a_passive_written_apart_reads_as_a_perfect():
    doc = extract(Article(id="t", text="واغتيل القاضي أمس أمام منزله في العاصمة.", published=PUBLISHED))
    match = next(m for m in find_triggers(doc.tokens) if m.rule.get("type") == "ASSAULT")
    assert trigger_shape(doc.tokens[match.first], match) == "perfect_verb"
    assert [e.type for e in doc.events] == ["ASSAULT"]


def test_a_long_sentence_is_commentary_for_attacks_not_protests():
    filler = "وهو ما يراه المراقبون في العاصمة والمدن الأخرى جزءا من أزمة سياسية طويلة لم تجد حلا حتى الآن " * 3
    ok, why = verdict("وقال المحلل إن الهجوم على القافلة أمس " + filler + ".")
    assert "long_sentence" in why, why
    ok, why = verdict("وتظاهر آلاف الطلاب أمس في العاصمة " + filler + ".", "PROTEST")
    assert "long_sentence" not in why, why
    ok, why = verdict("وقتل مسلحون أمس ثلاثة جنود في هجوم على حاجز قرب الحدود.")
    assert ok and "long_sentence" not in why, why


def test_an_adjective_trigger_shares_its_nouns_verdict():
    text = "وهذا ثالث هجوم انتحاري تشهده المدينة خلال أسبوع."
    doc = extract(Article(id="t", text=text, published=PUBLISHED))
    adjective = next(m for m in find_triggers(doc.tokens) if doc.tokens[m.first].stem == "انتحاري")
    ok, why = reports_specific_event(doc, 0, adjective.first, "ASSAULT")
    assert not ok and "series" in why, why          # the ordinal before «هجوم» counts for «انتحاري» too
    assert not [e for e in doc.events if e.type == "ASSAULT"]


def test_an_option_weighed_is_no_attack():
    ok, why = verdict("أما الخيار الثاني فهو شن هجوم بري واسع على معاقل المسلحين في الجبال.")
    assert not ok and "hypothetical" in why, why


def test_a_perfect_in_a_relative_clause_earns_no_perfect_verb_evidence():
    ok, why = verdict("وظهر الصحافي الذي خطف في العاصمة الشهر الماضي في شريط مصور بثه موقع على الإنترنت.")
    assert "relative" in why and "perfect_verb" not in why, why
    ok, why = verdict("وقال مسؤولون إن مسلحين خطفوا أمس صحافيا في العاصمة.")
    assert ok and "perfect_verb" in why, why


def test_a_motive_noun_stands_or_falls_with_its_verb():
    text = "وهذه هي الساحة التي يتجمع فيها المتظاهرون كل أسبوع احتجاجا على تأخر الرواتب."
    doc = extract(Article(id="t", text=text, published=PUBLISHED))
    motive = next(m for m in find_triggers(doc.tokens) if doc.tokens[m.first].stem == "احتجاجا")
    ok, why = reports_specific_event(doc, 0, motive.first, "PROTEST")
    assert not ok and "imperfect_verb" in why, why     # the habitual «يتجمع» decides, not the noun
    assert not [e for e in doc.events if e.type == "PROTEST"]


def test_a_dispersed_protest_is_the_object_of_the_police_act():
    ok, why = verdict("وفرقت الشرطة أول من أمس بالقوة مظاهرة نظمها الطلاب أمام الجامعة.", "PROTEST")
    assert not ok and "dispersal" in why, why
    ok, why = verdict("وتظاهر آلاف الطلاب أمس أمام الجامعة قبل أن تفرقهم الشرطة.", "PROTEST")
    assert ok and "dispersal" not in why, why       # the dispersal after the protest verb does not count


def test_a_verb_describing_an_indefinite_attack_noun_shares_its_verdict():
    text = "وانتقدت الجماعة العنف في أعقاب هجوم انتحاري استهدف مدرسة للشرطة وخلف عشرات القتلى."
    doc = extract(Article(id="t", text=text, published=PUBLISHED))
    verb = next(m for m in find_triggers(doc.tokens) if doc.tokens[m.first].stem == "استهدف")
    ok, why = reports_specific_event(doc, 0, verb.first, "ASSAULT")
    assert "reference" in why and "perfect_verb" not in why, why    # judged as «هجوم» after «في أعقاب»


def test_an_entry_of_a_chronology_is_a_digest_item():
    ok, why = verdict("3 مارس: مقتل 12 شخصا في انفجار سيارة مفخخة في سوق المدينة 9 مارس: اغتيال قاض في العاصمة.")
    assert "chronology" in why, why
    ok, why = verdict("وقال المتحدث: قتل مسلحون أمس خمسة جنود في هجوم على حاجز.")
    assert ok and "chronology" not in why, why      # a colon after a speech verb opens a quote, not an entry


def test_taking_part_counts_for_a_protest_not_an_attack():
    ok, why = verdict("واعتقلت الشرطة عشرين شابا شاركوا في الهجوم على مركز الشرطة.")
    assert "occurrence «شاركوا»" not in why, why
    ok, why = verdict("واندلعت احتجاجات شارك فيها آلاف الطلاب في العاصمة.", "PROTEST")
    assert ok and "occurrence «شارك»" in why, why


def test_a_conjunction_opens_the_clause_the_trigger_is_measured_from():
    # «فيما», «كما», «إذ» open a new finite clause: the act told after them is told first in its clause,
    # however long the clause before them
    text = ("وشهدت أحياء المدينة الشرقية منذ ساعات الصباح الأولى حركة نزوح واسعة للعائلات نحو القرى المجاورة، "
            "فيما استهدفت القوات الحكومية بقذائف الهاون مقرا للمسلحين في بلدة الحصين أمس.")
    ok, why = verdict(text)
    assert ok and "early_trigger" in why and "late_trigger" not in why, why
    text = ("وأعلنت الحركة في بيان نشرته على موقعها الرسمي مساء أمس مسؤوليتها عن العملية الجديدة في المنطقة، "
            "كما استهدفت اليوم بقذائف الهاون مطار المدينة الدولي.")
    ok, why = verdict(text)
    assert "early_trigger" in why, why


def test_a_conjunction_after_a_demonstrative_goes_on_framing():
    # «ويأتي ذلك فيما ...»: the conjunction continues the framing of what was told before, no news clause
    text = "ويأتي ذلك فيما أعلن الجيش أمس مقتل ستة من المسلحين في اشتباكات قرب الحدود."
    ok, why = verdict(text)
    assert "early_trigger" not in why, why


def test_an_aircraft_as_the_doer_of_a_perfect_verb_tells_an_attack():
    # «طائرتين ... قصفتا»: a weapon or aircraft as the subject only acts in a report of one strike
    ok, why = verdict("وأفاد شهود بأن طائرتين حربيتين قصفتا أطراف القرية.")
    assert ok and "instrument «طائرتين»" in why, why
    ok, why = verdict("وأكد المصدر أن الجيش قصف بالطائرات أطراف القرية.")
    assert "instrument" not in why, why         # «بالطائرات»: the means, not the doer


def test_an_aircraft_as_the_doer_of_a_verb_phrase():
    # «مروحيتين أطلقتا صواريخ»: a phrase trigger opened by a perfect verb has a doer too
    ok, why = verdict("وقال سكان إن مروحيتين أطلقتا صواريخ على تجمع للمسلحين وإن القتلى مدنيون.")
    assert ok and "instrument «مروحيتين»" in why, why


def test_a_concrete_target_after_the_trigger_tells_an_attack():
    ok, why = verdict("وذكرت الوكالة أن الطيران استهدف مستودعا قرب البلدة.")
    assert ok and "target «مستودعا»" in why, why
    # a car bomb is the weapon, a noun after «بواسطة» the means: neither is the target
    ok, why = verdict("وذكرت الوكالة أن الطيران استهدف بواسطة صاروخ مستودعا قرب البلدة.")
    assert not ok and "target" not in why, why
    ok, why = verdict("وذكرت الوكالة أن مسلحين استهدفوا سيارة مفخخة قرب البلدة.")
    assert "target" not in why, why
    # the target after a means phrase: «على» closes «بطائرة مسيرة», whose words are not counted
    ok, why = verdict("وقال مصدر محلي إن غارة بطائرة مسيرة على مستودع في البلدة لم تسفر عن إصابات.")
    assert "target «مستودع»" in why, why


def test_verb_of_happening_after_the_clash_and_its_sides_counts():
    # «جرت» five words after the clash noun, past «عنيفة بين مجموعتين مسلحتين»: the clash took place, one event
    ok, why = verdict("بعد اشتباكات عنيفة بين مجموعتين مسلحتين جرت ليلا في طرابلس، عاد الهدوء إلى المدينة.")
    assert "occurrence «جرت»" in why


def test_battles_that_raged_count_as_happening():
    # «دارت» after the battle noun and its sides: the fighting took place («دارت» of a house, «دار», is another word)
    ok, why = verdict("وقالت مصادر محلية إن معارك عنيفة بين الجيش ومسلحين دارت في محيط البلدة.")
    assert "occurrence «دارت»" in why


def test_the_sound_of_an_explosion_heard_counts_as_happening():
    # «سُمع دوي انفجار»: a blast heard at a place is one that took place
    ok, why = verdict("وسمع دوي انفجار عنيف في حي الشيخ مقصود مساء اليوم.")
    assert "occurrence «دوي»" in why and "occurrence «وسمع»" in why
