"""The learned event-confidence stage: its model file, how it scores, and what it may drop."""
from __future__ import annotations

import json

import pytest
from rasd_testkit.extraction import events_of

from rasd.extract import event_confidence

ARTICLE = ("قصفت طائرات حربية روسية بلدة سراقب في ريف إدلب صباح أمس الأحد، ما أسفر عن مقتل خمسة مدنيين.\n"
           "وقال مسؤول محلي إن الطائرات استهدفت سوقا شعبيا في البلدة.\n"
           "وأضاف أن فرق الدفاع المدني عملت على انتشال الجثث.\n"
           "وأدانت الخارجية التركية القصف وطالبت بوقف الهجمات.\n"
           "وكان الجانبان قد اتفقا في وقت سابق على التهدئة، فيما هددت المعارضة بالرد.")


def test_the_model_is_shipped_and_never_trained_on_a_check_set():
    model = event_confidence.load_model()
    assert model is not None and model["weights"] and 0 < model["threshold"] < 1
    never = {"dev-check", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19", "heldout20", "heldout21", "heldout22", "heldout23", "tune8", "tune9", "tune10", "tune11", "tune12", "tune13", "tune14"}
    assert not never & set(model["trained_on"])


def test_a_clear_strike_scores_higher_than_a_placeless_background_agreement():
    doc = events_of(ARTICLE)
    by_type = {e.type: e.confidence for e in doc.events}
    assert by_type["ASSAULT"] > 0.8
    assert by_type["ASSAULT"] > by_type.get("AGREE", 0.0)


@pytest.fixture
def strict_model(monkeypatch):
    """A model under which every event but one with an actor falls under the threshold."""
    model = {"bias": -5.0, "weights": {"type_actor1=ASSAULT:True": 10.0}, "threshold": 0.5, "trained_on": []}
    monkeypatch.setattr(event_confidence, "load_model", lambda: model)
    return model


def test_an_event_under_the_threshold_moves_to_non_events_with_its_reason(strict_model):
    doc = events_of("وقال مسؤول إن الوضع هادئ.\nوأضاف أن السكان عادوا.\n"
                    "وكان الجانبان قد اتفقا على التهدئة في وقت سابق في سراقب.")
    assert not any(e.type == "AGREE" for e in doc.events)
    dropped = [n for n in doc.non_events if n["type"] == "AGREE"]
    assert dropped and dropped[0]["reason"].startswith("low confidence")
    assert json.dumps(dropped[0], ensure_ascii=False)     # kept as plain data, for inspection and export


def test_a_text_of_one_or_two_sentences_is_only_scored(strict_model):
    doc = events_of("وكان الجانبان قد اتفقا على التهدئة في وقت سابق في سراقب.")
    assert [e.type for e in doc.events] == ["AGREE"] and doc.events[0].confidence < 0.5


def test_an_event_with_a_death_toll_is_never_dropped(strict_model):
    doc = events_of("قال مسؤول إن الوضع متوتر.\nوأضاف أن السكان نزحوا.\n"
                    "وقتل خمسة مدنيين في سراقب صباح أمس.")
    kept = [e for e in doc.events if e.type == "ASSAULT"]
    assert kept and kept[0].fatalities == 5 and kept[0].confidence < 0.5


def test_features_name_the_evidence_they_read():
    doc = events_of(ARTICLE)
    strike = next(e for e in doc.events if e.type == "ASSAULT")
    features = event_confidence.event_features(strike, doc, doc.events)
    assert {"type=ASSAULT", "place=city", "casualties=True:False", "sentence=<1"} <= set(features)
