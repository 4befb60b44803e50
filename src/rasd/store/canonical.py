"""Canonical ids: how an entity, place or actor seen in many articles becomes one registry row.

The knowledge-base id (or gazetteer id for places) when the extractor found one; otherwise a readable id
from the matching-normalised name and type, so «الجيشُ السوري» and «الجيش السوري» are one row.
"""
from __future__ import annotations

import hashlib

from rasd.document import Actor, Entity, EventPlace, Place
from rasd.text.normalize import normalize_for_match

MAX_ID = 500   # the id columns' size (entities.id, events.actor1_id ...)


def _bounded(value: str) -> str:
    """An id that fits its column: a name-based id longer than MAX_ID keeps its start and a hash of the whole."""
    if len(value) <= MAX_ID:
        return value
    return value[:MAX_ID - 17] + "#" + hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()[:16]


def _norm(name: str) -> str:
    return " ".join(normalize_for_match(name).split())


def entity_id(entity: Entity) -> str:
    if entity.kb_id:
        return _bounded(entity.kb_id)
    return _bounded(f"name:{entity.type}:{_norm(entity.canonical or entity.text)}")


def place_id(place: Place | EventPlace) -> str:
    gazetteer_id = getattr(place, "gazetteer_id", None)
    if gazetteer_id:
        return _bounded(gazetteer_id)
    return _bounded(f"place:{place.country or '-'}:{_norm(place.text)}")


def actor_id(actor: Actor) -> str:
    if actor.actor_id:          # the analysts' actor (actor_codes): one id per concept and country
        return actor.actor_id
    if actor.kb_id:
        return _bounded(actor.kb_id)
    return _bounded(f"actor:{_norm(actor.text)}")


def normalised_name(text: str | None) -> str | None:
    return _norm(text) if text else None
