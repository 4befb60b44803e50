"""Stage `place_list`: the article's list of places, once its events are known.

The places stage resolves every mention; most stay in the list whatever happens at them (a country, a
province, a town named in passing are places the article is about). A direction over a whole country
(«شمال نيجيريا», «غرب ليبيا», «جنوب شرق الصومال») is different: a vague area with no point of its own, which
the direction stage sets at the mean of the country's provinces lying that way. It names where something
happened, or it is background («الجماعة التي تنشط في شمال مالي»): it stays in the list only as the place of an
event the article reports. So is a region over several countries («الشرق الأوسط», «منطقة الساحل», «أفريقيا»):
the setting of a story, not a place in it, unless something happened there. Directions of a province or a
countryside («جنوب محافظة كركوك», «ريف إدلب الجنوبي») and the regions of one country the gazetteer lists
(«جنوب لبنان», «قطاع غزة») are places of their own and stay.
"""
from __future__ import annotations

from rasd.document import Document, Place
from rasd.kb import load_kb

NEEDS = ("places", "events")
ADDS = ("places",)


def _country_direction(p: Place, kb) -> bool:
    """A region the direction stage made from a direction and a country («غرب ليبيا»)."""
    if p.feature != "region" or not p.qualifier or not p.gazetteer_id:
        return False
    whole = kb.gazetteer.place(p.gazetteer_id)
    return whole is not None and whole.feature == "country"


def _over_countries(p: Place) -> bool:
    """A region of no one country («الشرق الأوسط», «منطقة الساحل»); seas and rivers are not regions."""
    return p.feature == "region" and not p.country


def _only_where_something_happened(p: Place, kb) -> bool:
    return _country_direction(p, kb) or _over_countries(p)


def _event_points(doc: Document) -> set[tuple[float | None, float | None]]:
    return {(e.place.lat, e.place.lon) for e in doc.events if e.place is not None}


def run(doc: Document) -> None:
    if not doc.places:
        return
    kb = load_kb()
    at_events = _event_points(doc)
    doc.places = [p for p in doc.places if not _only_where_something_happened(p, kb) or (p.lat, p.lon) in at_events]
