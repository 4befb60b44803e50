"""Stage `event_confidence`: how likely each event is one an analyst would record, from a learned model.

The rules of `events` decide what an event is; on news they were never written on, about four in ten of what
they keep is no event of the gold standard (a goal told as a fact, a restatement kept apart, a background act).
Which of their outputs hold up depends on many weak signals at once — where in the article the trigger stands,
whether it is a verb or a definite noun, whether the event found an actor, a place, a date of its own, how many
events of its kind the article already has — which a logistic model weighs better than a rule each.

Each event gets `confidence`, the model's probability that it is a recorded event; events under the model's
threshold leave `events` for `non_events` (reason «low confidence»), kept for inspection as other set-aside
events are. The model is `models/event_confidence.json` (feature weights, bias, threshold), trained by
`scripts/train_event_confidence.py` on our annotated tuning sets only; without the file the stage only scores.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from functools import lru_cache
from pathlib import Path

from rasd.document import Document, Event

MODEL = Path(__file__).with_name("models") / "event_confidence.json"

NEEDS = ("events", "quotes", "reported_speech")
ADDS = ("events", "non_events")
# The model learnt from whole articles (4 to 40 sentences): a text of a sentence or two (a headline, a wire
# flash, a user's test sentence) lies outside what it has seen, so there it only scores and drops nothing.
MIN_SENTENCES_TO_FILTER = 3


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL) -> dict | None:
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _bucket(value: float, edges: tuple[float, ...]) -> str:
    """The first edge `value` is under, as a label («<3»), or the last edge reached («>=10»)."""
    for edge in edges:
        if value < edge:
            return f"<{edge:g}"
    return f">={edges[-1]:g}"


def _date_distance(event: Event, doc: Document) -> str:
    published = doc.article.published
    if not event.date or published is None:
        return "none"
    try:
        day = dt.date.fromisoformat(event.date[:10]) if len(event.date) >= 10 else None
    except ValueError:
        return "bad"
    if day is None:
        return event.date_precision or "coarse"
    days = (published - day).days
    if days < 0:
        return "after"
    return _bucket(days, (1, 3, 8, 31))


def event_features(event: Event, doc: Document, events: list[Event]) -> list[str]:
    """The binary features of one event, as names («type=ASSAULT», «sentence=<1»)."""
    first = doc.token_range(event.trigger.start, event.trigger.end)
    tok = doc.tokens[first[0]] if first else None
    sentence = tok.sentence if tok else doc.sentence_at(event.trigger.start)
    sent = doc.sentences[sentence]
    kind = event.type
    in_sentence = doc.tokens_starting_in(sent.start, sent.end)
    position = sum(1 for t in in_sentence if t.start < event.trigger.start)
    same_type = [e for e in events if e.type == kind]
    earlier_same = [e for e in same_type if e.trigger.start < event.trigger.start]
    f = [
        f"type={kind}",
        f"mode={kind}:{event.mode}",
        f"strength={event.confidence:g}",
        f"sentence={_bucket(sentence, (1, 2, 3, 6, 11))}",
        f"type_sentence={kind}:{_bucket(sentence, (1, 3, 6))}",
        f"relative_position={_bucket(sentence / max(1, len(doc.sentences)), (0.25, 0.5, 0.75))}",
        f"sentence_length={_bucket(len(in_sentence), (10, 20, 40, 70))}",
        f"trigger_position={_bucket(position, (1, 3, 8, 16, 30))}",
        f"actor1={event.actor1.sector if event.actor1 else 'none'}",
        f"type_actor1={kind}:{event.actor1 is not None}",
        f"inter1={event.actor1.inter if event.actor1 else 'none'}",
        f"actor2={event.actor2 is not None}",
        f"place={event.place.feature if event.place else 'none'}",
        f"type_place={kind}:{event.place is not None}",
        f"date_source={event.date_source}",
        f"date_distance={_date_distance(event, doc)}",
        f"casualties={event.fatalities is not None}:{event.injuries is not None}",
        f"modality={event.modality}",
        f"reported={bool(event.reported_by)}",
        f"same_type_in_article={_bucket(len(same_type), (2, 3, 5))}",
        f"same_type_before={_bucket(len(earlier_same), (1, 2, 4))}",
        f"events_in_article={_bucket(len(events), (2, 4, 8, 15))}",
        f"article_sentences={_bucket(len(doc.sentences), (4, 8, 16, 32))}",
    ]
    if tok is not None:
        f.append(f"definite={'ال' in tok.prefixes}")
        f.append(f"possessed={bool(tok.suffix)}")
        f.append(f"conjunction={'و' in tok.prefixes or 'ف' in tok.prefixes}")
    if first and first[1] > first[0]:
        f.append("phrase_trigger")
    if event.place is not None and earlier_same and any(
            e.place is not None and e.place.lat == event.place.lat and e.place.lon == event.place.lon
            for e in earlier_same):
        f.append("same_type_same_place_before")
    if any(q.span.start <= event.trigger.start < q.span.end for q in doc.quotes):
        f.append("in_quote")
    if any(q.span.start <= event.trigger.start < q.span.end for q in doc.reported_speech):
        f.append("in_reported_speech")
    return f


def probability(features: list[str], model: dict) -> float:
    weights = model["weights"]
    z = model["bias"] + sum(weights.get(name, 0.0) for name in features)
    return 1.0 / (1.0 + math.exp(-z))


def run(doc: Document) -> None:
    model = load_model()
    if model is None or not doc.events:
        return
    kept: list[Event] = []
    for event in doc.events:
        p = probability(event_features(event, doc, doc.events), model)
        event.confidence = round(p, 3)
        if p >= model["threshold"] or len(doc.sentences) < MIN_SENTENCES_TO_FILTER or event.fatalities:
            kept.append(event)
        else:
            doc.non_events.append({**event.model_dump(mode="json"),
                                   "reason": f"low confidence {p:.2f} (model threshold {model['threshold']:.2f})"})
    doc.events = kept

