"""Stage actor_codes: analysts' actors in ACLED's conventions (issue 14)."""
from __future__ import annotations

import datetime as dt

import pytest

from rasd.document import Actor, Article, Event, EventPlace, Span
from rasd.extract import actor_codes
from rasd.kb import load_kb
from rasd.pipeline import STAGES, extract

MONDAY = dt.date(2024, 12, 2)


@pytest.fixture(scope="module")
def doc():
    return extract(Article(id="t", text="وقع الحادث في مدينة إدلب شمال غرب سوريا.", published=MONDAY),
                   stages=("sources", "entities", "places"))


def place_id(name: str, country: str) -> str:
    return next(c.id for c in load_kb().gazetteer.candidates(name) if c.country == country)


def event(type_: str, actor1: Actor | None = None, actor2: Actor | None = None, country: str | None = "SY",
          **extra) -> Event:
    span = Span(start=0, end=5, text="وقع ا")
    place = EventPlace(text="إدلب", country=country) if country else None
    return Event(type=type_, trigger=span, evidence=span, actor1=actor1, actor2=actor2, place=place, **extra)


def coded(doc, ev: Event, fallback: str | None = None) -> Event:
    actor_codes.code_event(doc, ev, fallback)
    return ev


def test_stage_runs_right_after_events():
    assert STAGES[STAGES.index("events") + 1] == "actor_codes"


# ---------------------------------------------------------------- metonymy

def test_a_capital_that_attacks_is_its_military_and_one_that_speaks_its_government(doc):
    damascus = lambda: Actor(text="دمشق", kb_id=place_id("دمشق", "SY"), country="SY")   # noqa: E731
    attack = coded(doc, event("ASSAULT", damascus()))
    assert (attack.actor1.acled_name, attack.actor1.inter) == ("Military Forces of Syria", 1)
    assert attack.actor1.text == "دمشق"                         # the Arabic mention stays
    statement = coded(doc, event("ACCUSE", damascus()))
    assert statement.actor1.acled_name == "Government of Syria"
    arrest = coded(doc, event("COERCE", damascus()))
    assert arrest.actor1.acled_name == "Police Forces of Syria"


def test_a_country_striking_abroad_is_an_external_force(doc):
    ev = coded(doc, event("ASSAULT", Actor(text="إسرائيل", kb_id="cc:IL", country="IL"), country="LB"))
    assert (ev.actor1.acled_name, ev.actor1.inter) == ("Military Forces of Israel", 8)
    home = coded(doc, event("ASSAULT", Actor(text="إسرائيل", kb_id="cc:IL", country="IL"), country="IL"))
    assert home.actor1.inter == 1


def test_a_town_is_never_an_actor(doc):
    aleppo = Actor(text="حلب", kb_id=place_id("حلب", "SY"), country="SY")
    ev = coded(doc, event("ASSAULT", aleppo))
    assert ev.actor1 is None and ev.actor2 is None


# ---------------------------------------------------------------- never actor1

def test_victims_move_to_actor2(doc):
    ev = coded(doc, event("ASSAULT", Actor(text="أطفال", kb_id="agent.child", sector="civilian")))
    assert ev.actor2.text == "أطفال" and ev.actor2.acled_name == "Civilians (Syria)" and ev.actor2.inter == 7
    assert ev.actor2.assoc == ["Children (Syria)"]
    assert ev.actor1 is None               # no attacker named: the export writes ACLED's unidentified group


def test_a_hospital_is_never_actor1(doc):
    hospital = Actor(text="مستشفى الشفاء")
    army = Actor(text="الجيش", kb_id="agent.army", sector="military", country="IL")
    ev = coded(doc, event("ASSAULT", hospital, army, country="PS"))
    assert ev.actor1 is None or "مستشفى" not in ev.actor1.text
    assert "al-Shafa Hospital" in ev.actor2.assoc          # actor2 was taken: the hospital joins its associates


def test_rescuers_never_strike_but_may_give_aid(doc):
    rescuers = lambda: Actor(text="الدفاع المدني", kb_id="org.sy.civil_defence", sector="civilian",   # noqa: E731
                             country="SY", name_en="Syrian Civil Defence")
    strike = coded(doc, event("ASSAULT", rescuers()))
    assert strike.actor2.text == "الدفاع المدني" and strike.actor2.inter == 7 and strike.actor1 is None
    aid = coded(doc, event("AID", rescuers()))
    assert (aid.actor1.acled_name, aid.actor1.inter) == ("Syrian Civil Defence", 8)


# ---------------------------------------------------------------- generic agents: country and id

def test_generic_agents_take_the_country_of_the_text(doc):
    iraqi = coded(doc, event("COERCE", Actor(text="قوات الأمن العراقية", kb_id="agent.security_forces",
                                              sector="police")))
    egyptian = coded(doc, event("COERCE", Actor(text="الشرطة المصرية", kb_id="agent.police", sector="police")))
    assert iraqi.actor1.acled_name == "Police Forces of Iraq" and iraqi.actor1.country == "IQ"
    assert egyptian.actor1.acled_name == "Police Forces of Egypt"
    assert iraqi.actor1.actor_id != egyptian.actor1.actor_id


def test_without_a_nisba_the_event_place_then_the_article_gives_the_country(doc):
    placed = coded(doc, event("ASSAULT", Actor(text="الجيش", kb_id="agent.army", sector="military"), country="SD"))
    assert placed.actor1.acled_name == "Military Forces of Sudan"
    unplaced = coded(doc, event("ASSAULT", Actor(text="الجيش", kb_id="agent.army", sector="military"),
                                country=None), fallback="LY")
    assert unplaced.actor1.acled_name == "Military Forces of Libya"


def test_one_id_per_concept_and_country_not_per_word_form(doc):
    dual_obl = coded(doc, event("ASSAULT", None, Actor(text="ضابطي", sector="military", name_en="officers")))
    dual_acc = coded(doc, event("ASSAULT", None, Actor(text="ضابطين", sector="military", name_en="officers")))
    assert dual_obl.actor2.actor_id == dual_acc.actor2.actor_id == "acled:military_forces_of_syria"


def test_known_actors_keep_their_identity_and_name_their_state(doc):
    minister = Actor(text="عباس عراقجي", kb_id="per.abbas_araghchi", sector="government", country="IR",
                     name_en="Abbas Araghchi")
    ev = coded(doc, event("CONSULT", minister))
    assert (ev.actor1.acled_name, ev.actor1.inter) == ("Government of Iran", 1)
    assert ev.actor1.assoc == ["Abbas Araghchi"] and ev.actor1.actor_id == "per.abbas_araghchi"
    rsf = coded(doc, event("ASSAULT", Actor(text="قوات الدعم السريع", kb_id="org.rsf", sector="armed_group",
                                            country="SD", name_en="Rapid Support Forces")))
    assert (rsf.actor1.acled_name, rsf.actor1.inter) == ("Rapid Support Forces", 2)


def test_civilians_protesting_are_protesters_and_rioters_riot(doc):
    lawyers = coded(doc, event("PROTEST", Actor(text="المحامون", kb_id="agent.lawyer", sector="civilian"),
                               country="TN"))
    assert (lawyers.actor1.acled_name, lawyers.actor1.inter) == ("Protesters (Tunisia)", 6)
    assert lawyers.actor1.assoc == ["Lawyers (Tunisia)"]
    riot = coded(doc, event("PROTEST", Actor(text="مثيري الشغب", kb_id="agent.protester", sector="civilian"),
                            country="IQ", mode="riot"))
    assert (riot.actor1.acled_name, riot.actor1.inter) == ("Rioters (Iraq)", 5)


def test_a_crowd_protesting_is_named_protesters_in_the_plural(doc):
    # a role protesting: protesters of that role («protesters (young men)»), as ACLED codes it; protesters
    # named as such stay «protesters», in the plural whatever the Arabic word's number
    youths = coded(doc, event("PROTEST", Actor(text="الشبان", kb_id="agent.youth", sector="civilian",
                                               name_en="young man"), country="LB"))
    assert youths.actor1.name_en == "protesters (young men)"
    iraqis = coded(doc, event("PROTEST", Actor(text="متظاهرون عراقيون", kb_id="agent.protester", sector="civilian",
                                               name_en="Iraqi protester"), country="IQ"))
    assert iraqis.actor1.name_en == "Iraqi protesters"
    union = coded(doc, event("PROTEST", Actor(text="الاتحاد", kb_id="org.ngo.ugtt", sector="civilian",
                                              name_en="Tunisian General Labour Union"), country="TN"))
    assert union.actor1.name_en == "Tunisian General Labour Union"


# ---------------------------------------------------------------- the whole pipeline

def test_pipeline_codes_a_foreign_air_strike_on_civilians():
    d = extract(Article(id="p", text="قُتل خمسة مدنيين جراء غارات روسية على مدينة إدلب مساء الأحد.",
                        published=MONDAY))
    strike = next(e for e in d.events if e.type == "ASSAULT")
    assert (strike.actor1.acled_name, strike.actor1.inter) == ("Military Forces of Russia", 8)
    assert (strike.actor2.acled_name, strike.actor2.inter) == ("Civilians (Syria)", 7)


# ---------------------------------------------------------------- the data file

def test_acled_actor_table_rows_are_valid():
    rules = actor_codes.rules()
    kb = load_kb()
    for key, rule in rules.items():
        assert 1 <= rule.inter <= 8 and rule.role in actor_codes.ROLES
        if key.startswith("agent."):
            assert key in kb.actors.agents, key
        elif key.startswith(("org.", "per.")):
            assert key in kb.actors.actors, key
        template = rule.acled_name.replace("{country}", "").replace("{name}", "")
        assert template.isascii() and rule.assoc.isascii()
    inter_of = {r.role: r.inter for r in rules.values()}
    assert inter_of["protester"] == 6 and inter_of["victim"] == 7
    assert {f"sector:{s}" for s in ("military", "police", "government", "armed_group", "civilian")} <= set(rules)


def test_a_bad_row_names_file_and_line(tmp_path):
    bad = tmp_path / "acled_actors.tsv"
    bad.write_text("# c\nkey\tacled_name\tinter\trole\tassoc\nagent.army\tArmy\t9\tforce\t\n", encoding="utf-8")
    with pytest.raises(actor_codes.ActorCodeDataError, match="acled_actors.tsv:3"):
        actor_codes.rules.__wrapped__(bad)


def test_a_un_office_reporting_an_attack_is_not_its_attacker(doc):
    ohchr = Actor(text="مكتب حقوق الإنسان التابع للأمم المتحدة", kb_id="org.un.ohchr", sector="igo",
                  name_en="Office of the UN High Commissioner for Human Rights")
    ev = coded(doc, event("ASSAULT", ohchr, country="SS"))
    assert ev.actor1 is None
    statement = coded(doc, event("ACCUSE", Actor(text="مكتب حقوق الإنسان", kb_id="org.un.ohchr", sector="igo",
                                                 name_en="OHCHR")))
    assert (statement.actor1.acled_name, statement.actor1.inter) == ("OHCHR", 8)


def test_a_background_events_actors_are_coded_like_a_news_events(doc):
    # a historical non-event may join a stored event as a mention (store.dedup_store.background_events): its
    # actors carry the same analyst fields as a news event's, and the other non-events are left alone
    police = Actor(text="الشرطة", kb_id="agent.police", canonical="شرطة", sector="police")
    background = {**event("ASSAULT", actor1=police).model_dump(mode="json"), "modality": "historical",
                  "reason": "dated 2019-01-01, before the publication year"}
    hypothetical = {**event("ASSAULT", actor1=police).model_dump(mode="json"), "modality": "hypothetical"}
    doc2 = doc.model_copy(update={"non_events": [background, hypothetical], "events": []})
    actor_codes.run(doc2)
    coded_actor = doc2.non_events[0]["actor1"]
    assert coded_actor["acled_name"] and coded_actor["acled_name"].isascii() and coded_actor["inter"] == 1
    assert doc2.non_events[1]["actor1"]["acled_name"] is None
