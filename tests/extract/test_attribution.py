"""The attribution stage: who says what, on news-like Arabic sentences written for these tests.

One test per speaker position the stage reads: a pronoun subject, a word between the verb and its subject, a name
in apposition, a relative clause, relays («بحسب ما نقل بيان عن», «نقلت X عن Y», «الذي نقلت عنه X»), «ويدعى»,
a person rather than the agency they spoke to; and the layer itself (computed once, read by quotes and events).
"""
from __future__ import annotations

import pytest

from rasd.document import Article, Document, QuoteMark
from rasd.extract import attribution, speakers
from rasd.extract.cues import match_at, phrase, read_tsv, speech_cues
from rasd.extract.marks import MarkIndex
from rasd.pipeline import STAGES, extract
from rasd.text import prepare
from rasd.text.normalize import normalize_for_match


def run(text: str) -> Document:
    return extract(Article(id="t", text=text, published="2025-03-01"))


def norm(s: str | None) -> str:
    return normalize_for_match(s or "")


def speaker_of(doc: Document, words: str) -> str:
    """The speaker text of the direct quote containing `words`."""
    q = next(q for q in doc.quotes if words in q.text)
    return norm(q.speaker.text) if q.speaker else ""


# --- speaker positions ----------------------------------------------------------------------------------------

def test_pronoun_subject_takes_the_last_speaker_of_its_gender():
    doc = run("وقالت هيئة الدفاع المدني في بيان إن فرقها انتشلت جثث ستة أشخاص من تحت الأنقاض. "
              "ووصفت القصف بأنه «الأعنف منذ بداية الشهر».")
    assert speaker_of(doc, "الأعنف") == norm("هيئة الدفاع المدني")


def test_time_word_and_comma_between_verb_and_subject():
    doc = run("وقال حينها، المتحدث باسم وزارة الصحة، إن «المستشفيات لم تعد قادرة على استقبال مزيد من الجرحى».")
    assert norm("المتحدث باسم وزارة الصحة") in speaker_of(doc, "المستشفيات")


def test_name_in_apposition_after_a_description():
    doc = run("وقال الناطق باسم قوات الأمن الداخلي، العميد سامر الخطيب، إن «الدوريات ستنتشر في كل الأحياء».")
    assert "سامر الخطيب" in speaker_of(doc, "الدوريات")


def test_name_in_apposition_after_a_two_word_rank():
    doc = run("وأكد رئيس هيئة الأركان، الفريق أول عبد الفتاح البرهان، خلال زيارته لمدينة سنار، أن «القوات المسلحة "
              "ماضية في القتال حتى النهاية».")
    assert "عبد الفتاح البرهان" in speaker_of(doc, "القوات المسلحة")


@pytest.mark.parametrize("text,quoted,group", [
    ("وذكرت وكالة الأنباء أن المتظاهرين الذين تجمعوا في ساحة الحبوبي رددوا شعارات من قبيل «لا للفساد ولا للمحاصصة».",
     "لا للفساد", "المتظاهرين"),
    ("وتوجه المحتجون في مدينة الناصرية إلى مبنى المحافظة حيث رددوا شعارات ضد الحكومة، وهتفوا «الشعب يريد إسقاط "
     "النظام».", "الشعب يريد", "المحتجون"),
])
def test_a_plural_verb_speaks_for_the_group_before_it_not_its_object(text, quoted, group):
    # «رددوا شعارات»: the plural verb's subject is a pronoun; «شعارات» is its object, never the speaker
    speaker = speaker_of(run(text), quoted)
    assert speaker.startswith(norm(group)) and norm("شعارات") not in speaker


def test_a_verb_with_a_pronoun_subject_takes_the_subject_of_the_verb_before_it_in_its_sentence():
    # «وأكد الوزير على ...، وأعرب عن «...»»: the minister, not the last speaker of another sentence
    doc = run("وقالت الخارجية العراقية إن «الوزير استقبل السفير». وأكد الوزير على أهمية التنسيق بين البلدين، وأعرب "
              "عن «تطلعه للعمل على تعزيز العلاقات الثنائية».")
    assert speaker_of(doc, "تطلعه") == norm("الوزير")


def test_the_object_of_a_speech_verb_is_never_its_speaker():
    doc = run("وقال وزير الخارجية إن «الزيارة ناجحة». كما أكد أهمية «الاستمرار في العمل على تحقيق المصالح المشتركة».")
    assert norm("أهمية") not in speaker_of(doc, "الاستمرار")


def test_relative_clause_after_the_speaker_is_skipped_and_the_next_verb_continues():
    doc = run("وقال المسؤول الذي طلب عدم كشف هويته إن «المهاجمين استخدموا أسلحة متوسطة وثقيلة». "
              "ورجح أن يكون المسلحون «قد تسللوا عبر الوديان».")
    assert speaker_of(doc, "المهاجمين") == norm("المسؤول")
    assert speaker_of(doc, "تسللوا") == norm("المسؤول")
    assert not any(a.cue.text == "كشف" for a in doc.attributions.items)


def test_relay_after_the_speaker_is_a_channel_not_a_speaker():
    doc = run("وقال رئيس الوزراء أحمد سالم في اتصال مع المحافظين بحسب ما نقل بيان عن مكتبه الإعلامي "
              "«لن نترك أحدا دون مأوى».")
    q = next(q for q in doc.quotes if "مأوى" in q.text)
    assert "احمد سالم" in norm(q.speaker.text)
    assert q.channel is not None and "بيان" in q.channel.text


def test_relayed_through_an_agency_with_naqalat_an():
    doc = run("ونقلت وكالة الأنباء الرسمية عن مصدر في الشرطة قوله إن «الموقوفين اعترفوا بالتخطيط للهجوم».")
    q = next(q for q in doc.quotes if "الموقوفين" in q.text)
    assert norm(q.speaker.text) == norm("مصدر في الشرطة")
    assert q.channel is not None and "وكاله الانباء الرسميه" in norm(q.channel.text)


def test_relative_naqalat_anhu_names_the_antecedent():
    doc = run("ووفقا للمتحدث باسم الشرطة العقيد خالد النعيمي، الذي نقلت عنه وكالة الأنباء الأردنية (بترا)، "
              "قوله: «القوات أحبطت محاولة تهريب كبيرة».")
    q = next(q for q in doc.quotes if "تهريب" in q.text)
    assert "خالد النعيمي" in norm(q.speaker.text)
    assert q.channel is not None and "الاردنيه" in norm(q.channel.text)


def test_yudaa_names_the_speaker():
    doc = run("وقال أحد السكان ويدعى حسن العلي : «لم ننم طوال الليل من شدة القصف». وأضاف: «الأطفال في حالة رعب».")
    assert "حسن العلي" in speaker_of(doc, "لم ننم")
    assert "حسن العلي" in speaker_of(doc, "الأطفال")


def test_person_is_the_speaker_and_the_agency_the_channel():
    doc = run("وقال ضابط في الجيش لوكالة رويترز إن «الطائرات قصفت مخازن الذخيرة ليلا».")
    q = next(q for q in doc.quotes if "الطائرات" in q.text)
    assert norm(q.speaker.text) == norm("ضابط في الجيش")
    assert q.channel is not None and q.channel.name_en == "Reuters"
    assert "Reuters" in q.reported_by


def test_affiliated_outlet_keeps_its_lam():
    doc = run("وقال موقع تابع للتلفزيون الرسمي إن «المحكمة أصدرت أحكامها بحق المتهمين».")
    assert speaker_of(doc, "المحكمة") == norm("موقع تابع للتلفزيون الرسمي")


def test_quoted_name_right_after_the_verb_is_its_subject():
    doc = run('وأعلن "الحرس الشعبي" التابع للشيخ سالم العبدالله، إن قوات الجيش أقدمت على خرق الهدنة، '
              '"بما في ذلك منازل المدنيين الآمنين".')
    assert "الحرس الشعبي" in speaker_of(doc, "منازل المدنيين")
    assert not any(q.text == "الحرس الشعبي" for q in doc.quotes)


def test_quote_joined_by_wa_to_a_quote_continues_it():
    doc = run('وأكدت اللجنة الشعبية وقوع "قصف عنيف" استهدف السوق و"دمر عشرات المحلات التجارية".')
    assert any("دمر عشرات" in q.text for q in doc.quotes)


def test_participle_takes_the_subject_of_its_sentence_speech_verb():
    doc = run("وشدد الوزير سمير الحلبي في تصريحاته على رفض التهديدات، قائلا: «لن نخضع للابتزاز».")
    assert "سمير الحلبي" in speaker_of(doc, "نخضع")


def test_object_before_bianna_is_not_the_speaker():
    doc = run("وقالت المنظمة إن الهجوم استهدف مدرسة. ووصفت الهجوم بأنه «جريمة حرب مكتملة الأركان».")
    assert speaker_of(doc, "جريمة حرب") == norm("المنظمة")


def test_bare_definite_noun_names_the_force_said_before():
    doc = run("وأعلنت قوات سوريا الديمقراطية بدء حملة عسكرية في ريف دير الزور. "
              "وقالت القوات إن «مقاتليها سيطروا على ثلاث قرى».")
    q = next(q for q in doc.quotes if "مقاتليها" in q.text)
    assert norm(q.speaker.text) == norm("القوات")
    assert "قوات سوريا الديمقراطيه" in norm(q.speaker.canonical)


# --- the layer ------------------------------------------------------------------------------------------------

def test_attribution_runs_after_dates_and_before_events():
    assert STAGES.index("dates") < STAGES.index("attribution") < STAGES.index("events") < STAGES.index("quotes")


def test_layer_holds_speakers_content_and_citations_and_is_not_exported():
    doc = run("وقال وزير الداخلية إن الأمن مستتب في العاصمة، بحسب وكالة الأنباء الرسمية. "
              "وأفادت وكالة فرانس برس بسقوط قذائف على حي سكني.")
    layer = doc.attributions
    assert layer is not None
    att = next(a for a in layer.items if a.cue.text == "وقال")
    assert norm(att.speaker.text) == norm("وزير الداخلية")
    assert att.content_end is not None and doc.text[att.content_start:att.content_end].strip().startswith("الأمن")
    assert any(c.kind == "agency" and c.name == "AFP" and c.sentence == 1 for c in layer.citations)
    assert any(c.kind == "according" for c in layer.citations)
    assert "attributions" not in doc.to_record()


def test_reported_by_is_served_from_the_layer(monkeypatch):
    doc = run("وقتل ثلاثة مدنيين في قصف على بلدة معرة النعمان، وفق المرصد السوري لحقوق الإنسان. "
              "واندلعت اشتباكات في ريف حلب.")
    doc.source.agencies = ["AFP"]

    def recompute(*_a, **_k):
        raise AssertionError("attributions recomputed")

    monkeypatch.setattr(speakers, "find_attributions", recompute)
    monkeypatch.setattr(attribution, "find_attributions", recompute)
    first = doc.text.index("قتل")
    assert attribution.reported_by_for_span(doc, first, first + 3) == ["SOHR"]
    second = doc.text.index("اشتباكات")
    assert attribution.reported_by_for_span(doc, second, second + 8) == ["AFP"]


def test_quotes_read_the_layer_without_recomputing(monkeypatch):
    from rasd.extract import quotes
    doc = prepare(Article(id="t", text="وقال المتحدث «سنواصل العمل حتى النهاية»."))
    attribution.run(doc)

    def recompute(*_a, **_k):
        raise AssertionError("attributions recomputed")

    monkeypatch.setattr(attribution, "find_attributions", recompute)
    quotes.run(doc)
    assert [q.text for q in doc.quotes] == ["سنواصل العمل حتى النهاية"]


# --- helpers --------------------------------------------------------------------------------------------------

def test_match_at_takes_the_longest_phrase_and_a_clitic():
    doc = prepare(Article(id="t", text="وبحسب ما أعلن المتحدث"))
    cues = speech_cues("according")
    assert match_at(doc.tokens, 0, cues) == 2                   # «بحسب ما», not «بحسب»
    assert match_at(doc.tokens, 0, cues, clitic=False) == 0     # «وبحسب» is not a cue without its clitic
    assert match_at(doc.tokens, 3, cues) == 0
    assert match_at(doc.tokens, 99, cues) == 0


def test_mark_index_tells_inside_from_outside():
    marks = [QuoteMark(open=5, close=20), QuoteMark(open=30, close=35)]
    index = MarkIndex(marks)
    assert [index.inside(k) for k in (4, 5, 6, 19, 20, 25, 31, 40)] == [False, False, True, True, False, False,
                                                                         True, False]


@pytest.mark.parametrize("kind", ["verb_adjunct", "affiliation", "naming", "relative", "clause_word",
                                  "preposed_cue", "object_verb", "nominalizer", "according_fused", "preposition",
                                  "perfect_particle", "auxiliary", "according_link", "comitative", "statement_in",
                                  "pronoun_suffix", "object_possessive", "relay_lemma", "relay_prep", "issued_by", "quoting",
                                  "name_link"])
def test_every_cue_kind_has_rows_of_normalisable_words(kind):
    rows = [r for r in read_tsv("speech_cues.tsv") if r["kind"] == kind]
    assert rows, kind
    assert all(phrase(r["cue"]) for r in rows)


def test_quoted_name_then_apposition_then_quote():
    doc = run('وفي هذا السياق، تقول "سلمى الراشد"، وهي ناشطة حقوقية: "لم يعد الناس يثقون بالوعود".')
    assert speaker_of(doc, "يثقون") == norm("سلمى الراشد")
    assert not any(q.text == "سلمى الراشد" for q in doc.quotes)


def test_preposition_with_pronoun_is_never_the_subject():
    doc = run("وأصدرت الهيئة بيانا أكدت فيه أن «الانتخابات ستجري في موعدها».")
    q = next(q for q in doc.quotes if "الانتخابات" in q.text)
    assert q.speaker is None or norm(q.speaker.text) not in (norm("فيه"), norm("بيانا"))


def test_pronoun_verb_inside_a_sentence_takes_its_named_subject():
    doc = run('وقال المتحدث باسم الحركة إن المفاوضات متوقفة. في الوقت نفسه، أدلت وزيرة الخارجية '
              '"سارة جونز" بتصريح قالت فيه: "ندعو بقوة إلى الحوار".')
    assert "ساره جونز" in speaker_of(doc, "ندعو")


def test_statement_issued_by_names_the_speaker():
    doc = run("وجاء في بيان صادر عن “رابطة أهالي المعتقلين في درعا”، أن الاعتقالات طالت عشرة شبان، "
              "“بعد خروج مظاهرات سلمية في البلدة”.")
    assert speaker_of(doc, "مظاهرات سلمية") == norm("رابطة أهالي المعتقلين في درعا")


def test_a_name_after_a_preposition_is_not_the_sentence_subject():
    doc = run("والتقى الوزير مع السفير جون سميث، مؤكدا أن «العلاقات بين البلدين متينة».")
    q = next(q for q in doc.quotes if "متينة" in q.text)
    assert q.speaker is None or "سميث" not in norm(q.speaker.text)


def test_naqlan_an_makes_the_source_the_speaker_and_the_subject_the_channel():
    doc = run('وأفادت وكالة الأنباء الرسمية نقلا عن مصدر عسكري بأن "الطائرات دمرت عددا من الآليات".')
    q = next(q for q in doc.quotes if "الطائرات" in q.text)
    assert norm(q.speaker.text) == norm("مصدر عسكري")
    assert q.channel is not None and "وكاله الانباء الرسميه" in norm(q.channel.text)


def test_quote_before_its_verb():
    doc = run('"لن نسمح بتكرار ما حدث"، قال المتحدث باسم الوزارة.')
    assert speaker_of(doc, "نسمح") == norm("المتحدث باسم الوزارة")


def test_according_to_then_fa_inna():
    doc = run('وبحسب المتحدث باسم الوزارة، فإن "التحقيقات ما زالت جارية".')
    assert speaker_of(doc, "التحقيقات") == norm("المتحدث باسم الوزارة")


def test_conjunction_with_a_pronoun_continues_the_speaker():
    doc = run("وقال المبعوث الأممي سامي العلي إن البعثة ستبقى. لكنه قال إن «المهمة ستكون معقدة للغاية».")
    assert "سامي العلي" in speaker_of(doc, "معقدة")


def test_object_after_the_named_subject_is_cut_off():
    doc = run("ودعا رئيس المجلس سمير الحلبي الشعب السوري الى «خوض معركة التحرير حتى النهاية».")
    s = speaker_of(doc, "معركة التحرير")
    assert "سمير الحلبي" in s and "الشعب" not in s


def test_kana_opens_the_clause_with_its_subject():
    doc = run('وكان الرئيس الفلسطيني أكد استعداده للقاء رئيس الوزراء لاجراء "حوار من دون مفاوضات مسبقة".')
    assert speaker_of(doc, "حوار من دون") == norm("الرئيس الفلسطيني")
