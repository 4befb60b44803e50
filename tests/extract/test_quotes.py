"""Quotes, speakers, channels and reported speech on news-like Arabic sentences (written for these tests)."""
from __future__ import annotations

import pytest

from rasd.document import Article, Document
from rasd.extract import entities, quotes
from rasd.extract.cues import read_tsv
from rasd.extract.attribution import reported_by_for_span
from rasd.extract.marks import find_quote_marks
from rasd.extract.speech import speech_verb_forms
from rasd.text import prepare
from rasd.text.normalize import normalize_for_match


def run(text: str, published: str | None = "2025-03-01", with_entities: bool = True) -> Document:
    doc = prepare(Article(id="t", text=text, published=published))
    if with_entities:
        entities.run(doc)          # may add nothing yet: every assertion holds on text spans either way
    quotes.run(doc)
    return doc


def speaker_text(q) -> str:
    return normalize_for_match(q.speaker.text) if q.speaker else ""


def names(actor) -> str:
    return " ".join(normalize_for_match(x) for x in (actor.text, actor.canonical or "", actor.name_en or "") if x)


# --- quote marks --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("opener,closer", [("«", "»"), ("“", "”"), ('"', '"')])
def test_direct_quote_in_each_kind_of_marks(opener, closer):
    doc = run(f"وقال وزير الداخلية {opener}لن نسمح بعودة الفوضى إلى شوارع المدينة{closer}.")
    assert [q.text for q in doc.quotes] == ["لن نسمح بعودة الفوضى إلى شوارع المدينة"]
    assert doc.quotes[0].span.text == doc.quotes[0].text
    assert "وزير الداخليه" in speaker_text(doc.quotes[0])


def test_single_straight_quotes_only_around_arabic_words():
    doc = run("وقال المتحدث 'نحن مستعدون للحوار مع الجميع' في ختام اللقاء. وزار الوفد مقر Reuters' office.")
    assert [q.text for q in doc.quotes] == ["نحن مستعدون للحوار مع الجميع"]


def test_quote_spanning_two_sentences_stays_one_quote():
    doc = run('وقال الطبيب "وصلنا عشرات الجرحى. معظمهم من الأطفال والنساء".')
    assert len(doc.quotes) == 1
    assert doc.quotes[0].text == "وصلنا عشرات الجرحى. معظمهم من الأطفال والنساء"
    assert not doc.quotes[0].unclosed


def test_quote_running_over_a_line_break():
    doc = run("وقال رئيس البلدية «المياه مقطوعة منذ أسبوع\nوالناس يشربون من الآبار» بحسب ما نقلت الإذاعة.")
    assert len(doc.quotes) == 1
    assert doc.quotes[0].text.endswith("من الآبار")
    assert not doc.quotes[0].unclosed


def test_missing_closing_mark_closes_at_paragraph_end():
    doc = run("وقال قائد الشرطة «سنلاحق المتورطين أينما كانوا ولن يفلت أحد من العقاب\n\nوفي سياق آخر، افتتح الوزير مدرسة جديدة.")
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.unclosed
    assert q.text == "سنلاحق المتورطين أينما كانوا ولن يفلت أحد من العقاب"
    assert normalize_for_match("قائد الشرطة") in speaker_text(q)


def test_mirrored_guillemets_are_read_as_quotes():
    doc = run("ورفع المحتجون لافتات كتب عليها «لا للفساد »ارحلوا جميعا« أمام البرلمان. وقال أحدهم «لن نعود إلى بيوتنا قبل تحقيق مطالبنا».")
    texts = [q.text for q in doc.quotes]
    assert "لن نعود إلى بيوتنا قبل تحقيق مطالبنا" in texts
    assert not any("أمام البرلمان" in t for t in texts)


def test_quoted_names_are_not_speech():
    doc = run("وشارك أنصار «حركة النهضة» في وقفة أمام مقر «دار المحامي»، ونظمت مجموعة \"أطباء بلا قيود\" "
              "حملة تبرع. وقال مصدر لـ\"الشرق الأوسط\" إن الحملة جمعت مبالغ كبيرة.")
    assert doc.quotes == []


def test_short_quote_framed_as_speech_is_kept():
    doc = run("ووصف الوزير المفاوضات بأنها «صعبة لكنها مثمرة».")
    assert [q.text for q in doc.quotes] == ["صعبة لكنها مثمرة"]


# --- speakers -----------------------------------------------------------------------------------------------

def test_unnamed_speaker_keeps_its_description_and_channel():
    doc = run('وقال ضابط بالجيش اللبناني لرويترز إن الدورية "تعرضت لإطلاق نار من جهة مجهولة".')
    q = doc.quotes[0]
    assert speaker_text(q) == normalize_for_match("ضابط بالجيش اللبناني")
    assert q.speaker.sector == "military"
    assert q.channel is not None and q.channel.name_en == "Reuters"
    assert q.reported_by[0] == "Reuters"


def test_title_and_name_speaker():
    doc = run("وقال وزير الخارجية المصري سامح شكري في مؤتمر صحفي «نرفض أي تهجير للفلسطينيين».")
    q = doc.quotes[0]
    assert speaker_text(q) == normalize_for_match("وزير الخارجية المصري سامح شكري")
    assert "شكري" in names(q.speaker)


def test_channel_versus_speaker_with_naqalat_an():
    doc = run("ونقلت وكالة الأناضول عن مصدر عسكري قوله إن «القوات تقدمت نحو أطراف المدينة».")
    q = doc.quotes[0]
    assert speaker_text(q) == normalize_for_match("مصدر عسكري")
    assert q.channel is not None and "الاناضول" in normalize_for_match(q.channel.text)
    assert "Anadolu" in q.reported_by


def test_pronoun_continuation_goes_to_last_speaker():
    doc = run("وقال محافظ البصرة أسعد العيداني إن الأمطار أغرقت عدة أحياء. "
              "وأضاف «فرقنا تعمل على مدار الساعة لسحب المياه». "
              "وتابع أن «الوضع تحت السيطرة».")
    assert [speaker_text(q) for q in doc.quotes] == [normalize_for_match("محافظ البصرة أسعد العيداني")] * 2


def test_feminine_continuation_skips_a_masculine_speaker():
    doc = run("وقالت وزارة الصحة إن المستشفيات استقبلت 40 مصابا. "
              "وقال مدير أحد المستشفيات إن «الأسرّة لم تعد تكفي». "
              "وأضافت في بيانها أن «الإمدادات الطبية تنفد بسرعة». "
              "وقالت إنها «ستطلب مساعدة دولية عاجلة».")
    assert speaker_text(doc.quotes[0]) == normalize_for_match("مدير أحد المستشفيات")
    assert speaker_text(doc.quotes[1]) == normalize_for_match("وزارة الصحة")
    assert speaker_text(doc.quotes[2]) == normalize_for_match("وزارة الصحة")


def test_adverbial_participle_continues_the_speaker():
    doc = run("وقال الناطق باسم الحكومة «لا نية لرفع الأسعار هذا العام»، مضيفا «الدعم سيستمر حتى إشعار آخر».")
    assert len(doc.quotes) == 2
    assert speaker_text(doc.quotes[1]) == normalize_for_match("الناطق باسم الحكومة")


def test_subject_before_verb():
    doc = run("لكن قائد الشرطة المحلية العقيد سالم الراشدي أعلن «لن نسمح بتكرار هذه الأحداث».")
    assert speaker_text(doc.quotes[0]) == normalize_for_match("قائد الشرطة المحلية العقيد سالم الراشدي")


def test_colon_speaker_without_verb():
    doc = run("رئيس الوزراء: «الانتخابات ستجري في موعدها».")
    assert speaker_text(doc.quotes[0]) == normalize_for_match("رئيس الوزراء")


def test_according_to_stands_as_speaker_when_no_verb():
    doc = run("وأصيب ثلاثة أشخاص بجروح «خطيرة جدا نقلوا على إثرها إلى العناية المركزة»، بحسب المرصد السوري لحقوق الإنسان.")
    q = doc.quotes[0]
    assert "المرصد السوري" in speaker_text(q)
    assert "SOHR" in q.reported_by


def test_reporting_verb_inside_a_quote_is_not_an_attribution():
    doc = run("وقال المسؤول «قال لنا الجنود إن الطريق مغلق». وأضاف أن «المفاوضات مستمرة».")
    assert [speaker_text(q) for q in doc.quotes] == [normalize_for_match("المسؤول")] * 2


def test_crossing_the_border_is_not_expressing():
    """«تعبر الحدود» (crosses) is not «عبّر عن» (expressed): the speaker stays the officer."""
    doc = run('وقال ضابط إن القوافل التي تعبر الحدود "تحمل مساعدات فقط".')
    assert speaker_text(doc.quotes[0]) == normalize_for_match("ضابط")


# --- reported speech ----------------------------------------------------------------------------------------

def test_indirect_speech_goes_apart_from_direct_quotes():
    doc = run("وأكد وزير المالية أن الحكومة ستدفع الرواتب المتأخرة خلال أسبوع. "
              "وأشار إلى أن الموازنة الجديدة ستقر قريبا.")
    assert doc.quotes == []
    texts = [q.text for q in doc.reported_speech]
    assert texts == ["الحكومة ستدفع الرواتب المتأخرة خلال أسبوع", "الموازنة الجديدة ستقر قريبا"]
    assert all(q.kind == "indirect" for q in doc.reported_speech)
    assert all(speaker_text(q) == normalize_for_match("وزير المالية") for q in doc.reported_speech)
    record = doc.to_record()
    assert record["quotes"] == [] and len(record["reported_speech"]) == 2


def test_reported_by_for_span_for_events():
    doc = run("وقتل خمسة مدنيين في قصف على بلدة سراقب، وفق المرصد السوري لحقوق الإنسان. "
              "واندلعت اشتباكات في ريف حلب.")
    doc.source.agencies = ["AFP"]
    first = doc.text.index("قتل")
    assert reported_by_for_span(doc, first, first + 3) == ["SOHR"]
    second = doc.text.index("اشتباكات")
    assert reported_by_for_span(doc, second, second + 8) == ["AFP"]    # the sentence cites none


def test_speech_verb_forms_are_generated_by_rule():
    forms = speech_verb_forms()
    for form, gender in [("قالت", "f"), ("قالوا", "pl"), ("اضافت", "f"), ("دعت", "f"), ("نفت", "f"),
                         ("تقول", "f"), ("يقولون", "pl"), ("مضيفا", "m"), ("مشيره", "f")]:
        assert forms[form].gender == gender, form


def test_speech_verbs_data_invariants():
    rows = read_tsv("speech_verbs.tsv")
    assert len(rows) >= 30
    for row in rows:
        assert row["past"] and " " not in row["past"]
        assert row["continues"] in ("0", "1")
        assert row["needs_prep"] in ("0", "1")
        assert row["needs_prep"] == "0" or row["object_prep"], row
        if row["imperfect"]:
            assert normalize_for_match(row["imperfect"])[0] == "ي", row


def test_speech_cues_data_invariants():
    kinds = {"complementizer", "according", "statement_noun", "channel_noun", "name_noun", "speaker_stop",
             "conjunction", "speech_noun", "preposition", "perfect_particle", "auxiliary", "according_link",
             "verb_adjunct", "affiliation", "naming", "relative", "clause_word", "preposed_cue", "object_verb",
             "nominalizer", "according_fused", "comitative", "statement_in", "pronoun_suffix", "object_possessive",
             "relay_lemma", "relay_prep", "issued_by", "quoting", "name_link"}
    rows = read_tsv("speech_cues.tsv")
    assert {r["kind"] for r in rows} == kinds
    assert all(r["cue"].strip() for r in rows)


def test_speaker_sectors_data_invariants():
    sectors = {"government", "military", "police", "intelligence", "armed_group", "rebel", "political_party",
               "civilian", "media", "igo", "ngo", "business", "religious", "judiciary", "legislature"}
    rows = read_tsv("speaker_sectors.tsv")
    assert rows and all(r["sector"] in sectors for r in rows)


def test_find_quote_marks_offsets_point_at_marks():
    doc = prepare(Article(id="t", text="قال «نعم» ثم قال “لا”"))
    marks = find_quote_marks(doc)
    assert [(doc.text[m.open], doc.text[m.close]) for m in marks] == [("«", "»"), ("“", "”")]


def test_names_in_quotation_marks_are_not_quotes():
    from rasd.document import Article
    from rasd.pipeline import extract
    doc = extract(Article(id="t", text="وقال المتحدث في بيان نشره على «فيسبوك» إن «حزب الله» أطلق صواريخ على مدينة صفد."))
    assert not [q for q in doc.quotes if q.text in ("فيسبوك", "حزب الله")]


def test_quote_after_a_participle_takes_the_sentence_subject():
    from rasd.document import Article
    from rasd.pipeline import extract
    doc = extract(Article(id="t", text="وندد رئيس الوزراء الصومالي حمزة عبدي بري بالهجوم، واصفاً إياه بـ«العمل الجبان الذي يستهدف الأبرياء»."))
    (quote,) = doc.quotes
    assert quote.speaker is not None and "حمزة عبدي بري" in quote.speaker.text


def test_quoted_name_after_the_verb_is_the_speaker_not_a_quote():
    doc = run("وقال وزير الصحة إن الغارة قتلت أربعة. في المقابل، أعلن «حزب الله» في بيان أن مقاتليه "
              "استهدفوا «موقعا عسكريا قرب الحدود بصلية من الصواريخ» ردا على الغارة.")
    q = next(q for q in doc.quotes if "موقعا عسكريا" in q.text)
    assert speaker_text(q) == normalize_for_match("حزب الله")
    assert not any(q.text == "حزب الله" for q in doc.quotes)


def test_subject_before_kana_qad_verb_is_the_speaker():
    doc = run("وقالت القيادة المركزية إن قواتها دمرت صاروخين. وكان المتحدث العسكري باسم الجماعة يحيى سريع قد "
              "أعلن في بيان مساء الأربعاء أن قواته استهدفت سفينة «بعدد من الصواريخ البحرية المناسبة».")
    q = next(q for q in doc.quotes if "الصواريخ البحرية" in q.text)
    assert "سريع" in speaker_text(q)


def test_narrated_account_names_its_witness_not_the_newspaper():
    doc = run("وروى محمد عبدي، وهو صاحب متجر قريب، لـ«الشرق الأوسط»: «سمعنا دويا هائلا واهتزت الأرض تحت أقدامنا».")
    q = next(q for q in doc.quotes if "سمعنا" in q.text)
    assert "عبدي" in speaker_text(q)


def test_abar_meaning_via_does_not_hide_the_speech_verb():
    doc = run("وقال المركز في بيان عبر صفحته على «فيسبوك» إن «فرق الإسعاف نقلت جثماني شخصين إلى المستشفى».")
    q = next(q for q in doc.quotes if "فرق الإسعاف" in q.text)
    assert speaker_text(q) == normalize_for_match("المركز")


@pytest.mark.parametrize("opener,closer", [("“", "“"), ("”", "”"), ("”", "“"), ("‹", "›")])
def test_quote_marks_written_the_wrong_way_round(opener, closer):
    doc = run(f"وقال وزير الداخلية {opener}لن نسمح بعودة الفوضى إلى الشوارع{closer} في كلمته أمام البرلمان.")
    assert [q.text for q in doc.quotes] == ["لن نسمح بعودة الفوضى إلى الشوارع"]
    assert "وزير الداخليه" in speaker_text(doc.quotes[0])


# --- speakers of participles and of body statements (speaker13) ---------------------------------------------

def test_participles_take_the_named_subject_of_their_sentence():
    doc = run("وردد المتظاهرون هتافات \"ارحلوا\"، مطالبين بـ\"محاسبة الفاسدين\"، معلنين \"الاستمرار في الاعتصام "
              "حتى تحقيق المطالب\"، داعين الحكومة إلى \"الاستجابة الفورية\".")
    said = {q.text: speaker_text(q) for q in doc.quotes}
    assert "المتظاهرون" in said["الاستمرار في الاعتصام حتى تحقيق المطالب"]


def test_a_named_subject_of_a_speech_verb_that_frames_nothing_is_continued_by_the_next_verb():
    doc = run("ندد وزير الخارجية الفرنسي جان نويل بارو بالقصف الذي طال المدينة ليلة أمس. وكتب في منشور على منصة إكس: "
              "\"ما جرى الليلة جريمة لا يمكن السكوت عنها\".")
    assert len(doc.quotes) == 1
    assert "بارو" in names(doc.quotes[0].speaker)


def test_a_speech_verb_inside_a_name_is_part_of_the_speaker():
    # «أدان» (condemned) is also a Somali name: inside a person's name it neither ends the speaker nor speaks
    doc = run("وقال الشاهد محمد أدان الذي كان يقف قرب السوق إن الانفجار \"أحدث دمارا كبيرا في المحلات المجاورة\".")
    assert len(doc.quotes) == 1
    assert "محمد ادان" in speaker_text(doc.quotes[0])


def test_a_name_in_apposition_after_a_long_title_is_kept_whole():
    # the title runs past the speaker words' limit; the name after its comma still belongs to the speaker
    doc = run("وقال قائد قوات حرس الحدود في محافظة الأنبار غرب العراق، اللواء محمد عبد الرحمن: إن \"القوات أحبطت "
              "محاولة تسلل عبر الحدود\".")
    assert len(doc.quotes) == 1
    assert "محمد عبد الرحمن" in speaker_text(doc.quotes[0])


def test_bare_words_after_the_tagged_part_of_a_name_in_apposition_finish_it():
    doc = run("وقال قائد شرطة محافظة كرمان جنوب إيران، كريم بخش زاده: إن \"الشرطة اعتقلت عشرين شخصا في المدينة\".")
    assert len(doc.quotes) == 1
    assert "كريم بخش زاده" in speaker_text(doc.quotes[0])


def test_a_day_name_after_abd_is_part_of_the_speaker_name():
    # «الأحد» (Sunday) ends a speaker description as a time word, but after «عبد» it is a name («عبد الأحد»)
    doc = run("وصرح المتحدث باسم شرطة قندهار عبد الأحد رحيمي أن الانفجار \"وقع قرب سوق المدينة المزدحم مساء\".")
    assert len(doc.quotes) == 1
    assert "عبد الاحد رحيمي" in speaker_text(doc.quotes[0])


def test_a_relative_ma_after_a_speech_verb_is_not_its_subject():
    # «تندد بما وصفوه بـ"..."»: «بما» opens the object clause; the speakers are the protesters named before
    doc = run("ورفع المعتصمون أمام مبنى البلدية لافتات تندد بما وصفوه بـ\"سياسة التجويع التي تنتهجها الحكومة ضد "
              "العمال\".")
    assert len(doc.quotes) == 1
    assert "المعتصمون" in speaker_text(doc.quotes[0])


@pytest.mark.parametrize("text", [
    "وقال علي رضا كريمي، مساعد محافظ طهران، للصحفيين إن عشرات الأشخاص اعتقلوا خلال الليل في وسط العاصمة.",
])
def test_the_name_ali_opening_a_speaker_is_not_the_preposition(text):
    # «علي» and «على» fold to one form; the name is the subject, the preposition never is
    doc = run(text)
    assert len(doc.reported_speech) == 1
    assert "علي رضا كريمي" in speaker_text(doc.reported_speech[0])


def test_a_manner_word_after_the_verb_is_not_the_speaker():
    # «ساخراً» (mockingly) is a ḥāl in the accusative: the verb's subject is the governor said before
    doc = run("وقال محافظ المدينة أحمد الزعبي إن \"القصف استهدف حيا سكنيا\". ولفت ساخراً إلى أن \"الجيش الذي يتباهى "
              "بقوته لا يقاتل إلا المدنيين\".")
    said = {q.text: speaker_text(q) for q in doc.quotes}
    assert "الزعبي" in said["الجيش الذي يتباهى بقوته لا يقاتل إلا المدنيين"]


def test_a_name_after_an_attached_preposition_is_not_the_subject_of_a_verb_inside_the_sentence():
    # «ذكرت فيه» has no subject of its own: the sentence's subject is the media office, not «لحركة حماس» it belongs to
    doc = run("ونشر الإعلام الحربي، التابع لحركة حماس، تسجيلا مصورا على مواقع التواصل، ذكر فيه أن \"المقاتلين استهدفوا "
              "آلية عسكرية قرب الحدود\".")
    assert len(doc.quotes) == 1
    assert "الاعلام الحربي" in speaker_text(doc.quotes[0])


def test_bare_words_in_apposition_after_a_title_before_the_complementizer_are_a_name():
    doc = run("وأفاد قائد شرطة مدينة زاهدان، شهرام كاوه زند، بأن \"قوات الأمن اعتقلت عشرة أشخاص في المدينة\".")
    assert len(doc.quotes) == 1
    assert "شهرام كاوه زند" in speaker_text(doc.quotes[0])


def test_a_closing_mark_used_to_open_after_a_clitic_or_before_a_space():
    doc = run("وخرج المئات في مسيرة احتجاجا على ما وصفوه بـ” سياسة التجويع التي تمارسها الحكومة”. وهتف المتظاهرون بأن "
              "” صبر الناس نفد بعد سنوات من الوعود”، مهددين بـ”خطوات تصعيدية جديدة”.")
    said = {q.text: speaker_text(q) for q in doc.quotes}
    assert "المتظاهرون" in said["صبر الناس نفد بعد سنوات من الوعود"]
    assert "المتظاهرون" in said["خطوات تصعيدية جديدة"]


def test_a_quote_with_no_frame_of_its_own_continues_the_last_speaker():
    doc = run("وقال قائد الشرطة سامي الحسن إن \"الوضع الأمني تحت السيطرة الكاملة\". وفي وقت لاحق من المساء، "
              "\"تم توقيف خمسة مشتبه بهم في الحادث ويجري التحقيق معهم\".")
    said = {q.text: q for q in doc.quotes}
    late = said["تم توقيف خمسة مشتبه بهم في الحادث ويجري التحقيق معهم"]
    assert "سامي الحسن" in speaker_text(late)
    assert late.confidence < 0.6               # carried over, not framed
