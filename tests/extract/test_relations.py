"""Relations between actors on news-like Arabic sentences (written for these tests).

Each test runs the text layer, the entities stage (which may add nothing) and the relations stage; the
assertions hold on the words of the source and target, whether they came from entities or noun phrases.
"""
from __future__ import annotations

import datetime as dt

from rasd.document import Article, DateMention, Span
from rasd.extract import entities, relations
from rasd.extract.cues import read_tsv
from rasd.text import prepare
from rasd.text.normalize import normalize_for_match


def rels(text: str, with_entities: bool = True):
    doc = prepare(Article(id="t", text=text, published=dt.date(2025, 2, 10)))
    if with_entities:
        entities.run(doc)
    relations.run(doc)
    return doc


def has(doc, kind: str, source: str, target: str) -> bool:
    """A relation of `kind` whose source and target contain the given words (normalised)."""
    def contains(actor, words):
        hay = " ".join(normalize_for_match(x) for x in (actor.text, actor.canonical or "") if x)
        return normalize_for_match(words) in hay
    return any(r.type == kind and contains(r.source, source) and contains(r.target, target) for r in doc.relations)


def test_supported_by():
    doc = rels("وهاجمت فصائل مسلحة مدعومة من تركيا مواقع القوات الكردية قرب منبج.")
    assert has(doc, "supports", "تركيا", "فصائل مسلحة")


def test_loyal_to_with_attached_preposition():
    doc = rels("وانتشرت القوات الموالية للحكومة في أحياء المدينة القديمة.")
    assert has(doc, "supports", "القوات", "الحكومة")


def test_relative_clause_continues_the_actor_before_it():
    doc = rels("وتقدمت الفصائل الموالية لأنقرة، والتي تقاتل قوات سوريا الديمقراطية، نحو بلدة جديدة.",
               with_entities=False)
    assert has(doc, "supports", "الفصائل", "انقره")
    assert has(doc, "opposes", "الفصائل", "قوات سوريا الديمقراطية")


def test_opposes_with_against():
    doc = rels("وشن الجيش النيجيري عملية ضد جماعة بوكو حرام في ولاية بورنو.")
    assert has(doc, "opposes", "عملية", "جماعة بوكو حرام") or has(doc, "opposes", "الجيش", "بوكو حرام")


def test_allied_with():
    doc = rels("وتعرضت مواقع الحوثيين المتحالفين مع إيران لغارات جديدة.")
    assert has(doc, "allied_with", "الحوثيين", "ايران")


def test_ally_possessive():
    doc = rels("وحذرت واشنطن موسكو وحليفتها بيلاروس من أي تصعيد.")
    assert has(doc, "allied_with", "موسكو", "بيلاروس")


def test_member_of_fighters_from_group():
    doc = rels("ووصل مقاتلون من لواء فاطميون إلى دير الزور.")
    assert has(doc, "member_of", "مقاتلون", "لواء فاطميون")


def test_member_of_belonging_to():
    doc = rels("وسقطت طائرة مسيرة تابعة للجيش السوداني قرب الفاشر.")
    assert has(doc, "member_of", "طائره مسيره", "الجيش السوداني")


def test_led_by():
    doc = rels("وتقدمت قوات بقيادة خليفة حفتر نحو طرابلس.")
    assert has(doc, "leads", "خليفه حفتر", "قوات")


def test_leader_title_after_comma():
    doc = rels("ووصل أبو محمد الجولاني، زعيم هيئة تحرير الشام، إلى حلب.", with_entities=False)
    assert has(doc, "leads", "ابو محمد الجولاني", "هيئه تحرير الشام")


def test_met_with_subject_of_sentence():
    doc = rels("وصل لافروف إلى الرياض لإجراء محادثات مع وزير الخارجية السعودي فيصل بن فرحان.")
    assert has(doc, "met_with", "لافروف", "وزير الخارجيه السعودي")


def test_relation_has_evidence_and_date():
    doc = rels("وانتشرت القوات الموالية للحكومة في أحياء المدينة القديمة.")
    rel = next(r for r in doc.relations if r.type == "supports")
    assert rel.evidence.text.startswith("وانتشرت القوات")
    assert rel.date == "2025-02-10"            # no date in the sentence: the publication date


def test_date_from_the_sentence_wins():
    doc = prepare(Article(id="t", text="وهاجمت فصائل مدعومة من إيران القاعدة يوم 3 مارس 2024.",
                          published=dt.date(2025, 2, 10)))
    start = doc.text.index("3 مارس")
    doc.dates = [DateMention(span=Span(start=start, end=start + 11, text=doc.text[start:start + 11]),
                             value="2024-03-03")]
    relations.run(doc)
    assert doc.relations and doc.relations[0].date == "2024-03-03"


def test_no_cue_no_relation():
    doc = rels("وارتفعت درجات الحرارة في العاصمة إلى أربعين درجة.")
    assert doc.relations == []


def test_relation_cues_data_invariants():
    rows = read_tsv("relation_cues.tsv")
    types = {"supports", "opposes", "allied_with", "member_of", "leads", "met_with"}
    assert {r["type"] for r in rows} == types
    for r in rows:
        assert r["source"] in ("before", "after", "cue", "subject", "title"), r
        assert r["target"] in ("before", "after"), r
        assert r["source"] != r["target"] or r["source"] == "title", r
    cues = [(r["type"], r["cue"]) for r in rows]
    assert len(cues) == len(set(cues))
