"""The actors `_actor_from_entity` makes without validation are the validated actors (issue 16)."""
from __future__ import annotations

from rasd.document import Actor, Entity, Span
from rasd.extract.event_actors import _actor_from_entity


def _parts(model) -> tuple:
    return (type(model), model.__dict__, model.__pydantic_fields_set__, model.__pydantic_extra__,
            model.__pydantic_private__)


def test_an_actor_from_an_entity_is_the_validated_actor():
    span = Span(start=3, end=8, text="الجيش")
    for entity in (Entity(span=span, type="ORG", text="الجيش", name_en="army", kb_id="a:1", canonical="الجيش",
                          sector="military", country="SY"),
                   Entity(span=span, type="PERSON", text="الجيش")):
        actor = _actor_from_entity(entity)
        reference = Actor(text=entity.text, name_en=entity.name_en, kb_id=entity.kb_id, canonical=entity.canonical,
                          sector=entity.sector, country=entity.country, span=entity.span)
        assert _parts(actor) == _parts(reference) and actor == reference
        assert actor.span is entity.span and actor.model_dump_json() == reference.model_dump_json()
        assert actor.assoc == [] and actor.assoc is not _actor_from_entity(entity).assoc
        actor.acled_name = "Military Forces"        # an assignment marks the field set, as pydantic's
        reference.acled_name = "Military Forces"
        assert _parts(actor) == _parts(reference)


def test_an_entity_with_other_field_types_is_still_validated():
    entity = Entity(span=Span(start=0, end=5, text="الجيش"), type="ORG", text="الجيش")
    entity.span = {"start": 0, "end": 5, "text": "الجيش"}       # (no validation on assignment)
    actor = _actor_from_entity(entity)
    assert type(actor.span) is Span and actor.span == Span(start=0, end=5, text="الجيش")


def test_a_place_entity_is_the_validated_entity():
    from types import SimpleNamespace

    from rasd.document import Article, Document
    from rasd.extract.entities import _place_entity
    from rasd.kb import KBMatch

    doc = Document(article=Article(id="t", text="قصف في دمشق وريفها"))
    for feature, kind in (("city", "GPE"), ("region", "LOC")):
        place = SimpleNamespace(feature=feature, name_en="Damascus", id="g:1", name_ar="دمشق", country="SY")
        kb = SimpleNamespace(gazetteer=SimpleNamespace(place=lambda _id, place=place: place))
        m = KBMatch(7, 11, "دمشق", 2, 3, "place", ["g:1", "g:2"], name_start=7)
        entity = _place_entity(doc, m, kb)
        reference = Entity(span=doc.span(7, 11), type=kind, text="دمشق", name_en="Damascus", kb_id="g:1",
                           canonical="دمشق", country="SY", candidates=["g:1", "g:2"], source="kb")
        assert _parts(entity) == _parts(reference) and entity == reference
        assert entity.model_dump_json() == reference.model_dump_json() and entity.candidates is not m.ids


def test_an_event_place_from_a_place_is_the_validated_event_place():
    from rasd.document import EventPlace, Place
    from rasd.extract.event_place import _event_place

    span = Span(start=7, end=11, text="دمشق")
    for place in (Place(span=span, text="دمشق", name_en="Damascus", lat=33.5, lon=36.3, country="SY",
                        admin1="Damascus", feature="city", within=(33.0, 36.0)),
                  Place(span=span, text="دمشق"),
                  Place(span=span, text="دمشق", lat=33, lon=36, within=(33, 36))):   # ints: validated to floats
        event_place = _event_place(place)
        reference = EventPlace(text=place.text, name_en=place.name_en, lat=place.lat, lon=place.lon,
                               country=place.country, admin1=place.admin1, feature=place.feature, span=place.span,
                               within=place.within)
        assert _parts(event_place) == _parts(reference) and event_place == reference
        assert event_place.model_dump_json() == reference.model_dump_json()
        assert [type(x) for x in (event_place.lat, event_place.within)] == [type(x) for x in (reference.lat, reference.within)]
