"""Canonical ids: how an entity, place or actor seen in many articles becomes one registry row.

The knowledge-base id (or gazetteer id for places) when the extractor found one; otherwise a readable id
from the matching-normalised name and type, so «الجيشُ السوري» and «الجيش السوري» are one row.
"""
from __future__ import annotations

from rasd.document import Actor, Entity, EventPlace, Place
from rasd.text.normalize import normalize_for_match


def _norm(name: str) -> str:
    return " ".join(normalize_for_match(name).split())


def entity_id(entity: Entity) -> str:
    if entity.kb_id:
        return entity.kb_id
    return f"name:{entity.type}:{_norm(entity.canonical or entity.text)}"


def place_id(place: Place | EventPlace) -> str:
    gazetteer_id = getattr(place, "gazetteer_id", None)
    if gazetteer_id:
        return gazetteer_id
    return f"place:{place.country or '-'}:{_norm(place.text)}"


def actor_id(actor: Actor) -> str:
    if actor.actor_id:          # the analysts' actor (actor_codes): one id per concept and country
        return actor.actor_id
    if actor.kb_id:
        return actor.kb_id
    return f"actor:{_norm(actor.text)}"


def normalised_name(text: str | None) -> str | None:
    return _norm(text) if text else None
