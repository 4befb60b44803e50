"""An aircraft shot down is an attack (PLOVER ASSAULT; two armed sides: ACLED Battles/Armed clash) by the side that
downed it: the craft's nisba names the victim, not the attacker; the pilot's death told beside it is its toll («الطيار»
is a counted noun); and a downing is never one act with a strike on a place told beside it
(docs/DEDUP.md, session 11: the Su-25 over Idlib)."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article, Event
from rasd.pipeline import extract

SATURDAY = dt.date(2019, 5, 4)


def _assaults(text: str) -> list[Event]:
    return [e for e in extract(Article(id="t", text=text, published=SATURDAY)).events if e.type == "ASSAULT"]


def _downings(text: str) -> list[Event]:
    return [e for e in _assaults(text) if "طائرة" in e.trigger.text or "مروحية" in e.trigger.text]


def test_a_downing_is_an_assault_by_who_downed_it_with_the_pilot_as_its_toll():
    found = _downings("وأعلنت فصائل المعارضة إسقاط طائرة حربية روسية في ريف حماة الشمالي، "
                      "كما أعلنت عن مقتل الطيار في مدينة حماة.")
    assert len(found) == 1
    downing = found[0]
    assert downing.actor1 is not None and "المعارضة" in downing.actor1.text     # not «روسية», the craft's nisba
    assert downing.fatalities == 1      # «مقتل الطيار», told where he came down, is the crew's death
    assert downing.mode is None         # the craft was hit; «طائرة» is not the means of the attack
    assert downing.acled_type == "Battles"


def test_a_fall_claimed_as_a_downing_is_one():
    found = _downings("وسقطت طائرة مروحية للنظام قرب قرية كفرزيتا بريف حماة اليوم ومقتل الطيار، "
                      "وتبنى جيش العزة إسقاطها.")
    assert len(found) == 1 and found[0].fatalities == 1
    assert not _downings("ولقي ثلاثة أشخاص حتفهم إثر سقوط طائرة مروحية قرب قرية كفرزيتا بسبب عطل فني.")


def test_a_downing_and_a_strike_on_a_village_are_two_attacks():
    events = _assaults("قتل ستة مدنيين اليوم جراء قصف مدفعي على بلدة كفرنبل بريف إدلب الجنوبي. "
                       "وأسقطت فصائل المعارضة طائرة حربية في ريف إدلب اليوم.")
    downing = [e for e in events if "طائرة" in e.trigger.text]
    assert len(downing) == 1 and downing[0].fatalities is None     # not the strike's summary at «ريف إدلب»
    assert downing[0].actor1 is not None and downing[0].actor1.sector == "rebel"
    strike = [e for e in events if e is not downing[0]]
    assert len(strike) == 1 and strike[0].fatalities == 6 and strike[0].actor1 is None


def test_an_acknowledged_death_is_the_downing_s_toll_not_an_act_of_who_acknowledges_it():
    events = _assaults("وأعلنت فصائل المعارضة إسقاط طائرة حربية روسية في ريف حماة الشمالي اليوم.\n\n"
                       "واعترفت روسيا مساء اليوم بسقوط الطائرة ومقتل الطيار.")
    assert len(events) == 1 and events[0].fatalities == 1
    assert events[0].actor1 is not None and events[0].actor1.sector == "rebel"


def test_an_act_told_whole_inside_a_time_reference_is_an_event_with_its_own_toll():
    events = _assaults("استشهد خمسة مدنيين مساء أمس جراء قصف صاروخي على بلدة كفرنبل بريف إدلب، "
                       "بعد وقت قصير من إسقاط قوات المعارضة طائرة حربية ومقتل الطيار.")
    downing = [e for e in events if "طائرة" in e.trigger.text]
    assert len(downing) == 1 and downing[0].actor1 is not None and downing[0].actor1.sector == "rebel"
    assert downing[0].fatalities == 1           # the pilot, not the five civilians of the strike
    assert [e.fatalities for e in events if e is not downing[0]] == [5]


def test_the_armed_opposition_is_no_state_force():
    doc = extract(Article(id="t", text="قالت قوات المعارضة إنها صدت هجوما على مواقعها في ريف حماة.",
                          published=SATURDAY))
    found = [a for a in doc.agents if a.text == "قوات المعارضة"]
    assert found and found[0].kb_id == "agent.opposition_fighters" and found[0].sector == "rebel"
    assert not any(e.text == "قوات المعارضة" and e.sector == "military" for e in doc.entities)


def test_a_death_told_with_its_own_attack_is_no_crew_of_the_craft():
    events = _assaults("الفصائل تسقط طائرة روسية في ريف إدلب\n\n"
                       "استشهد عشرة مدنيين مساء اليوم جراء قصف مدينة سراقب بريف إدلب الشرقي.")
    assert sorted((e.fatalities or 0) for e in events) == [0, 10]
