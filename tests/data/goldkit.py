"""Shared helpers for the hand-annotated held-out sets (tests/data/heldout2, heldout3, ...).

A set's build_gold.py holds only its annotations, written as Python data so that an actor's aliases are
typed once, and calls these helpers:

    from goldkit import E, P, Q, V, GoldSet
    GOLD = GoldSet(HERE)            # site_stems=True: a site's bare domain name is an outlet alias too
    doc = GOLD.doc
    doc("id", url, published, outlet, text, entities, places, events, quotes, author=None)
    ...
    GOLD.write()                    # HERE/articles.jsonl and HERE/gold.jsonl

The JSONL files follow /work/shared/eval/dev (see /work/shared/eval/ANNOTATION.md).
"""
import json
import os


def E(typ, *aliases, opt=False):
    """A gold entity: its type and aliases (Arabic forms as written, English names)."""
    d = {"type": typ, "aliases": list(aliases)}
    if opt:
        d["optional"] = True
    return d


def P(name, aliases, lat, lon, kind, cc, opt=False):
    """A gold place: English name, aliases, coordinates, kind (city, village, admin1, region...) and country."""
    return {"name": name, "aliases": list(aliases), "lat": lat, "lon": lon, "kind": kind,
            "country": cc, "optional": opt}


def Q(text, speaker=None, opt=False):
    """A gold quote: its verbatim text and the speaker's aliases."""
    d = {"text": text, "speaker": list(speaker or [])}
    if opt:
        d["optional"] = True
    return d


def V(types, place, date, a1, a2=None, **extra):
    """One event: types, gold place name (or None), acceptable dates, actor1/actor2 aliases;
    extra: fatalities, injuries, opt, ev (evidence: verbatim fragments joined by ' / ')."""
    return (types, place, date, a1, a2 or [], extra)


def _event(ev, byname):
    types, place, date, a1, a2, extra = ev
    d = {"type": list(types)}
    if place is None:
        d["place"] = None
    else:
        p = byname[place]
        d.update(place=place, lat=p["lat"], lon=p["lon"])
    d["date"] = list(date)
    if a1:
        d["actor1"] = list(a1)
    if a2:
        d["actor2"] = list(a2)
    for k in ("fatalities", "injuries"):
        if extra.get(k) is not None:
            d[k] = extra[k]
    if extra.get("opt"):
        d["optional"] = True
    d["evidence"] = extra["ev"]
    return d


class GoldSet:
    """The documents of one set, in order; write() renders them as articles.jsonl and gold.jsonl."""

    def __init__(self, folder, site_stems=False):
        self.folder = folder
        self.site_stems = site_stems
        self.docs = []  # (article, gold)

    def doc(self, id_, url, published, outlet, text, entities, places, events, quotes, author=None):
        byname = {p["name"]: p for p in places}
        evs = [_event(ev, byname) for ev in events]
        # required events first (the scorer pairs optimally, but keep the documented order)
        evs = [e for e in evs if not e.get("optional")] + [e for e in evs if e.get("optional")]
        src = {"outlet": list(outlet)}
        if self.site_stems:
            # dev's convention (gulf365, akhbaralaan, almanartv...): a site's bare domain name is an alias too
            for a in outlet:
                if "." in a and " " not in a:
                    stem = a.split(".")[0]
                    if stem not in src["outlet"]:
                        src["outlet"].append(stem)
        src["author"] = list(author or [])
        art = {"id": id_, "text": text.strip(), "published": published, "lang": "ar", "url": url}
        gold = {"id": id_, "published": published, "source": src, "entities": entities, "places": places,
                "events": evs, "quotes": quotes}
        self.docs.append((art, gold))

    def write(self):
        with open(os.path.join(self.folder, "articles.jsonl"), "w", encoding="utf-8") as fa, \
                open(os.path.join(self.folder, "gold.jsonl"), "w", encoding="utf-8") as fg:
            for art, gold in self.docs:
                fa.write(json.dumps(art, ensure_ascii=False) + "\n")
                fg.write(json.dumps(gold, ensure_ascii=False) + "\n")
        print(f"{len(self.docs)} articles")
