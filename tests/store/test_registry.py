"""Entities, places and actors registered across articles by canonical id."""
from rasd.document import Entity, Place, Span
from rasd.store import Repository
from rasd_testkit.store import constructed_article


def with_entities(article_id, text, names, places=()):
    article, record = constructed_article(article_id, text, [])
    for name, kb_id, name_en in names:
        start = text.index(name)
        record.entities.append(Entity(span=Span(start=start, end=start + len(name), text=name), type="PERSON",
                                      text=name, kb_id=kb_id, name_en=name_en))
    for name, gid in places:
        start = text.index(name)
        record.places.append(Place(span=Span(start=start, end=start + len(name), text=name), text=name,
                                   gazetteer_id=gid, lat=35.93, lon=36.63, country="SY"))
    return article, record


def test_same_kb_id_is_one_entity_with_every_alias(tmp_path):
    with Repository.open(str(tmp_path / "rasd.db")) as repo:
        for article, record in [
            with_entities("e1", "قال الرئيس بشار الأسد في خطاب إن الحرب مستمرة.",
                          [("بشار الأسد", "per.bashar_al_assad", "Bashar al-Assad")], [("", None)][:0]),
            with_entities("e2", "وأكد الأسد أن إدلب ستعود.", [("الأسد", "per.bashar_al_assad", None)],
                          [("إدلب", "gn:170063")]),
            with_entities("e3", "التقى الاسد بوفد روسي في دمشق.", [("الاسد", None, None)]),
        ]:
            repo.add_record(record, article)
        assad = repo.get_entity("per.bashar_al_assad")
        assert assad.aliases == ["بشار الأسد", "الأسد"] and assad.name_en == "Bashar al-Assad"
        assert assad.mention_count == 2 and assad.article_count == 2
        # without a kb id the id is the normalised name: «الاسد» and a later «الأسد» share it
        assert repo.get_entity("name:PERSON:الاسد").aliases == ["الاسد"]
        assert repo.get_entity("gn:170063").type == "PLACE"
        items, total = repo.list_entities(query="الأسد")
        assert [e.id for e in items][:1] == ["per.bashar_al_assad"] and total == 2
        assert [e.id for e in repo.list_entities(query="bashar")[0]] == ["per.bashar_al_assad"]
        assert repo.list_entities(type="PLACE")[1] == 1
