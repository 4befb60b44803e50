"""Quotes and their speakers in shapes of news the rules had missed (session 11): a statement noun that an entity
also names, «بيان لـX قوله:», «ونقل عن X», «وأعلن الاتحاد ... وقال إن», a bare title for an earlier speaker, a name
in apposition with the article, a stray full stop before «إنّ», straight quotes read by their shape, and a speech
verb carrying its object pronoun («ما وصفوه بـ”...”»). Sentences written for these tests.
"""
from __future__ import annotations

from rasd.document import Article, Document, Quote
from rasd.extract.speech import verb_with_object
from rasd.pipeline import extract
from rasd.text import prepare
from rasd.text.normalize import normalize_for_match


def run(text: str) -> Document:
    return extract(Article(id="t", text=text, published="2025-03-01"))


def norm(s: str | None) -> str:
    return normalize_for_match(s or "")


def quote_with(doc: Document, words: str) -> Quote:
    return next(q for q in doc.quotes if words in q.text)


def names(q: Quote) -> str:
    """Every name the quote's speaker offers (its words, canonical and English names), normalised."""
    sp = q.speaker
    return " | ".join(norm(x) for x in ((sp.text, sp.canonical, sp.name_en) if sp else ()) if x)


# --- a statement as the speaker --------------------------------------------------------------------------

def test_statement_noun_named_by_an_entity_still_gets_who_spoke_before():
    # «البيان» is also a place and a newspaper: the entity naming the bare noun must not stand as the speaker
    doc = run("وأفادت الخارجية السعودية بأن «الأمير فيصل بن فرحان تلقى اتصالاً هاتفياً من وزير خارجية إيران». "
              "وبحث الجانبان خلال الاتصال عدداً من الموضوعات المشتركة. "
              "ووفق البيان «اتفق الوزيران على عقد لقاء ثنائي بينهما خلال شهر رمضان الحالي».")
    assert norm("الخارجية السعودية") in names(quote_with(doc, "اتفق الوزيران"))


def test_statement_of_an_issuer_named_with_lam_and_qawluhu():
    doc = run("وجاء في بيان لمكتب القائد العام للقوات المسلحة قوله: “يواصل الأبطال في جهاز مكافحة الإرهاب "
              "عملياتهم النوعية في قضاء الحويجة جنوب غربي محافظة كركوك”.")
    assert norm("مكتب القائد العام للقوات المسلحة") in names(quote_with(doc, "يواصل الأبطال"))


def test_statement_told_after_lam_issuer_resolves_the_later_bare_statement():
    doc = run("وجاء في بيان لمكتب القائد العام للقوات المسلحة قوله: “يواصل الأبطال في جهاز مكافحة الإرهاب "
              "عملياتهم النوعية في كركوك”. وأضاف البيان: “وصل عدد العناصر الإرهابية التي ألقي القبض عليها "
              "إلى ستة عشر عنصرا”.")
    assert norm("مكتب القائد العام") in names(quote_with(doc, "وصل عدد العناصر"))


# --- relays and pronoun subjects ---------------------------------------------------------------------------

def test_relay_with_no_relayer_named_gives_the_words_to_the_source():
    doc = run("وذكر مراسل القناة في خان يونس أن إحدى الغارات أصابت منزلاً لعائلة المدهون. "
              "ونقل عن شهود عيان أنهم سمعوا “صوت صاروخ هز المكان بشكل غير طبيعي”، ثم فوجئوا بتدمير المنزل.")
    assert norm("شهود عيان") in names(quote_with(doc, "صوت صاروخ"))


def test_bare_union_after_a_speech_verb_that_frames_nothing_is_the_union_named_before():
    doc = run("فرض الاتحاد الأوروبي عقوبات على سبعة وزراء سوريين جدد.\n\n"
              "وأعلن الاتحاد تجميد الأصول وحظر سفر الوزراء السبعة. وقال إن معظم الوزراء متهمون بالمشاركة في "
              "\"المسؤولية عن القمع العنيف الذي يمارسه النظام ضد السكان المدنيين\".")
    assert norm("الاتحاد الأوروبي") in names(quote_with(doc, "القمع العنيف"))


def test_bare_title_speaker_stands_for_the_earlier_speaker_it_heads():
    doc = run("قال وزير الخارجية الأردني أيمن الصفدي إن الوضع خطير جدا في المنطقة. "
              "وأكد الوزير أن \"الحرب يجب أن تتوقف فورا ودون أي شروط\".")
    assert norm("أيمن الصفدي") in names(quote_with(doc, "الحرب يجب"))


def test_untagged_name_in_apposition_may_carry_the_article():
    doc = run("وقال المتحدث باسم وزارة الصحة، أشرف القدرة، إن \"الوضع في المستشفيات كارثي بكل المقاييس\".")
    assert norm("أشرف القدرة") in names(quote_with(doc, "المستشفيات"))


def test_stray_full_stop_before_inna_keeps_the_speaker():
    doc = run("وقال مصدر عسكري لوكالة فرانس برس طالباً عدم الكشف عن اسمه. إنّ “الصاروخ سقط بجوار المنطقة "
              "العسكرية الثالثة في مأرب”.")
    assert norm("مصدر عسكري") in names(quote_with(doc, "الصاروخ سقط"))


# --- straight quotes read by their shape ------------------------------------------------------------------

def test_name_in_straight_quotes_nested_in_a_straight_quote():
    doc = run("وكانت مديرية الإعلام في محافظة حلب أوردت في بيان أنه \"سيتم خلال الساعات نقل عناصر قوات سوريا "
              "الديمقراطية \"قسد\" بالسلاح الفردي الخفيف إلى شرق الفرات\"، بعيد إعلان وقف إطلاق النار.")
    q = quote_with(doc, "سيتم خلال الساعات")
    assert "شرق الفرات" in q.text
    assert norm("مديرية الإعلام") in names(q)          # «أورد» is a speech verb


def test_straight_quote_that_never_closes_ends_where_the_next_opens():
    # the first quote's closing mark never comes: pairing mark by mark would pair every mark after it wrongly
    doc = run("وقال البيان إن التحريات رصدت \"اتخاذ مجموعة من العناصر الإرهابية إحدى المزارع مقرا للتدريب والتخطيط، "
              "\"وتبين أن هذه المجموعة دفعت عناصرها إلى أحد المنازل للقيام بعمليات إرهابية\".وأشار البيان إلى أن "
              "قوات الأمن \"استهدفت وكرين وتبادلت إطلاق النار مع العناصر، ما أسفر عن مقتل 14 منهم\".")
    texts = [q.text for q in doc.quotes]
    assert any(t.startswith("استهدفت وكرين") and t.endswith("مقتل 14 منهم") for t in texts)
    assert not any("وأشار البيان" in t for t in texts)


# --- a speech verb with its object pronoun ----------------------------------------------------------------

def test_speech_verb_with_object_pronoun_is_read():
    doc = prepare(Article(id="t", text="وصفوه وصفته قوله نقله"))
    found = [verb_with_object(t) for t in doc.tokens]
    assert [f.lemma if f else None for f in found] == [norm("وصف"), norm("وصف"), None, None]


def test_short_quote_after_a_verb_with_its_object_pronoun_is_speech():
    doc = run("وخرج العشرات بتظاهرة غاضبة احتجاجا على ما وصفوه بـ” تسويف مطالبهم بعد موجة الاحتجاجات الأخيرة”.")
    assert any("تسويف مطالبهم" in q.text for q in doc.quotes)


def test_kana_subject_then_comma_before_qad():
    doc = run("وكان إعلام الحشد الشعبي، قد ذكر الخميس، أن “قوة من الفوج الثالث في الحشد الشعبي أحبطت تعرضاً "
              "لفلول داعش الإرهابي جنوب غرب محافظة كركوك”.")
    assert norm("إعلام الحشد الشعبي") in names(quote_with(doc, "قوة من الفوج"))


def test_short_quote_after_the_speakers_own_quote_in_its_sentence_is_speech():
    doc = run("وعبرت بعثة الأمم المتحدة للدعم في ليبيا عن ”قلقها العميق“ من معارك ”بأسلحة ثقيلة“ أدت إلى "
              "”تعريض حياة مدنيين للخطر“.")
    assert norm("بعثة الأمم المتحدة") in names(quote_with(doc, "تعريض حياة"))
