"""The matcher finds places, actors, titles, agents and nisba in real sentences, clitics and all."""
from __future__ import annotations

import pytest

from rasd.kb.matcher import Matcher, first_word_readings
from rasd.text.tokens import tokenize


def match(kb, text):
    return kb.matcher.match_tokens(tokenize(text), text)


def by_text(matches):
    return {m.text: m for m in matches}


def test_clitics_are_outside_the_span(kb):
    text = "وسقطت قذائف وبدمشق وفي حلب"
    ms = by_text(match(kb, text))
    assert "دمشق" in ms and ms["دمشق"].kind == "place"
    m = ms["دمشق"]
    assert text[m.start:m.end] == "دمشق" and m.ids[0].startswith(("gn:", "wof:"))


def test_a_two_letter_first_word_after_a_clitic_opens_only_a_longer_name(kb):
    # «وتل أبيب»: «و» + «تل» inside the two-word name; «ومن» alone is no place «من»
    ms = by_text(match(kb, "وسقطت صواريخ على حيفا وتل أبيب مساء أمس ومن معه"))
    assert "تل أبيب" in ms and ms["تل أبيب"].kind == "place"
    assert not any(t in ms for t in ("من", "ومن"))


def test_article_after_preposition(kb):
    text = "وقعت اشتباكات بالحسكة وللحسكة"
    ms = [m for m in match(kb, text) if m.kind == "place"]
    assert [m.text for m in ms] == ["حسكة", "حسكة"]
    # name_start keeps a written article, after the preposition
    assert text[ms[0].name_start:ms[0].end] == "الحسكة"
    assert kb.gazetteer.place(ms[0].ids[0]).country == "SY"


def test_multiword_place_with_clitic(kb):
    text = "قصف مدفعي على ريف دير الزور الشرقي وفي البوكمال"
    ms = match(kb, text)
    places = [(text[m.name_start:m.end], m.ids[0]) for m in ms if m.kind == "place"]
    assert places[0][0] == "ريف دير الزور"
    assert places[1][0] == "البوكمال"
    assert kb.gazetteer.place(places[1][1]).name_en in ("Abu Kamal", "Albu Kamal")   # plain English, no diacritics


def test_lebanon_is_not_a_clitic_plus_village(kb):
    ms = match(kb, "زار الوزير لبنان أمس")
    leb = [m for m in ms if m.kind == "place"]
    assert leb and leb[0].text == "لبنان" and leb[0].ids[0] == "cc:LB"


def test_actor_name_beats_places_inside_it(kb):
    text = "تبنت كتائب حزب الله الهجوم"
    ms = [m for m in match(kb, text) if m.end > text.index("كتائب")]
    assert [(m.kind, m.ids, m.text) for m in ms] == [("actor", ["org.kataib_hezbollah"], "كتائب حزب الله")]


def test_white_helmets_is_an_org_not_al_bayda(kb):
    text = "وقال الدفاع المدني إن الخوذ البيضاء انتشلت الجثث"
    ms = [m for m in match(kb, text) if m.end > text.index("الخوذ")]
    assert ms[0].ids == ["org.white_helmets"] and ms[0].end == text.index("البيضاء") + len("البيضاء")
    assert all(m.kind != "place" for m in ms)


def test_nisba_with_conjunction_and_article(kb):
    text = "وصلت القوات السورية والإيرانية"
    ms = [m for m in match(kb, text) if m.kind == "nisba"]
    assert [m.ids for m in ms] == [["cc:SY"], ["cc:IR"]]
    assert [m.text for m in ms] == ["سورية", "إيرانية"]


def test_adjective_with_article_is_not_the_country(kb):
    """«السورية» is an adjective; «سورية» alone may be the country (and then nisba is kept in `also`)."""
    ms = match(kb, "الحكومة السورية")
    assert [m.kind for m in ms if m.text == "سورية"] == ["nisba"]


def test_person_name_and_short_form(kb):
    text = "التقى بشار الأسد وفدا ثم قال للأسد"
    ms = [m for m in match(kb, text) if m.kind == "actor"]
    assert [m.ids for m in ms] == [["per.bashar_al_assad"], ["per.bashar_al_assad"]]
    assert ms[0].text == "بشار الأسد"
    assert ms[1].start == text.index("للأسد") + 2


def test_same_tokens_other_kinds_kept_in_also(kb):
    ms = match(kb, "قال السوداني")
    m = [m for m in ms if m.ids == ["per.mohammed_shia_al_sudani"]][0]
    assert ("nisba", ["cc:SD"]) in m.also


def test_title_and_agent(kb):
    ms = match(kb, "أعلن الرئيس السوري أن الجيش والميليشيات")
    assert [(m.kind, m.ids[0]) for m in ms] == [
        ("title", "per.bashar_al_assad"), ("agent", "agent.army"), ("agent", "agent.militia")]


def test_punctuation_ends_a_name(kb):
    ms = match(kb, "دير، الزور")
    assert all(m.token_end - m.token_start == 1 for m in ms)


def test_diacritics_and_offsets(kb):
    text = "في دِمَشْقَ"
    m = [m for m in match(kb, text) if m.kind == "place"][0]
    assert m.text == "دِمَشْقَ" and (m.start, m.end) == (3, len(text))


def test_common_words_do_not_match_places(kb):
    ms = match(kb, "إن الله يعلم ما في الليل")
    assert [m for m in ms if m.kind == "place"] == []


def test_readings_of_a_token():
    forms = {r.form: r for r in first_word_readings("وبالحسكه")}
    assert forms["الحسكه"].strip == 4 and forms["الحسكه"].name_strip == 2
    assert forms["حسكه"].article_free
    lam = {r.form: r for r in first_word_readings("للاسد")}
    assert lam["الاسد"].strip == 2
    assert "ان" not in {r.form for r in first_word_readings("بان")}


def test_matcher_from_scratch():
    m = Matcher()
    m.add("جبل الزاوية", "place", "p1")
    m.add("جبل", "place", "p2")
    text = "معارك في جبل الزاوية وجبل"
    got = m.match_tokens(tokenize(text), text)
    assert [(x.text, x.ids) for x in got] == [("جبل الزاوية", ["p1"]), ("جبل", ["p2"])]


@pytest.mark.parametrize("word,country", [("الإيرانية", "IR"), ("والسوري", "SY"), ("سوريين", "SY"),
                                          ("إيراني", "IR"), ("بشار", None)])
def test_nisba_country(kb, word, country):
    assert kb.nisba_country(word) == country


def test_known_word_keeps_its_proclitic(kb):
    """«وكالة» (agency) is a word, not و + «كالة», a spelling of Calais."""
    text = "قالت وكالة الأنباء"
    assert [m for m in match(kb, text) if m.kind == "place"] == []


def test_village_only_name_yields_to_nisba():
    m = Matcher()
    m.add_places({"العراقيه": ("v1",)}, set(), weak={"العراقيه"})
    m.add("عراقية", "nisba", "cc:IQ")
    m.add_places({"العراقيه": ("v1",), "الموصل": ("c1",)}, set(), weak={"العراقيه"})
    text = "الفصائل العراقية في الموصل"
    got = m.match_tokens(tokenize(text), text)
    assert [(x.kind, x.ids) for x in got] == [("nisba", ["cc:IQ"]), ("place", ["c1"])]
    assert got[0].also == [("place", ["v1"])]
