"""Sanity checks for the held-out gold (not a pytest module: run it by hand after editing the set).

    python3 tests/data/heldout/check_heldout.py            # structural checks
    python3 tests/data/heldout/check_heldout.py --perfect > /tmp/perfect.jsonl
    python3 ../shared/eval/score.py tests/data/heldout/gold.jsonl /tmp/perfect.jsonl

score.py reads gold and system output in different shapes (gold: alias lists, event place by
name; system: one text per item, place as an object), so `score.py gold gold` scores entities
and events at 0 for the dev gold and this gold alike. --perfect renders gold in the system
contract instead: a well-formed gold then scores 1.0 against it.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC"}


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def problems_of(article, gold):
    text = article["text"]
    places = {p["name"] for p in gold["places"]}
    if gold["published"] != article["published"]:
        yield "published differs between articles and gold"
    for e in gold["entities"]:
        if e["type"] not in ENTITY_TYPES or not e["aliases"]:
            yield f"bad entity {e}"
    for q in gold["quotes"]:
        if q["text"] not in text:
            yield f"quote not verbatim in text: {q['text'][:60]}"
    for ev in gold["events"]:
        if not set(ev["type"]) <= PLOVER:
            yield f"not a PLOVER type: {ev['type']}"
        if ev["place"] is not None and (ev["place"] not in places or ev.get("lat") is None):
            yield f"event place without a gold place or coordinates: {ev['place']}"
        for d in ev["date"]:
            if not DATE.fullmatch(d):
                yield f"bad date {d}"


def as_system(gold):
    """The gold document in the system output contract, first alias of everything."""
    first = lambda xs: xs[0] if xs else None
    named = {p["name"]: p for p in gold["places"]}

    def event(e):
        place = None
        if e.get("place"):
            p = named[e["place"]]
            place = {"text": p["aliases"][0], "lat": e["lat"], "lon": e["lon"], "country": p["country"]}
        return {"type": e["type"][0], "date": first(e["date"]), "place": place,
                "actor1": {"text": e["actor1"][0]} if e.get("actor1") else None,
                "actor2": {"text": e["actor2"][0]} if e.get("actor2") else None,
                "fatalities": e.get("fatalities"), "injuries": e.get("injuries")}

    return {
        "id": gold["id"],
        "source": {"outlet": first(gold["source"].get("outlet", [])), "author": first(gold["source"].get("author", []))},
        "entities": [{"type": e["type"], "text": e["aliases"][0]} for e in gold["entities"]],
        "places": [{"text": p["aliases"][0], "name_en": p["name"], "lat": p["lat"], "lon": p["lon"],
                    "country": p["country"], "feature": p["kind"]} for p in gold["places"]],
        "events": [event(e) for e in gold["events"]],
        "quotes": [{"text": q["text"], "speaker": {"text": first(q["speaker"])} if q["speaker"] else None}
                   for q in gold["quotes"]],
    }


def main():
    articles = read_jsonl(HERE / "articles.jsonl")
    golds = read_jsonl(HERE / "gold.jsonl")
    if "--perfect" in sys.argv:
        for g in golds:
            print(json.dumps(as_system(g), ensure_ascii=False))
        return
    ids_a, ids_g = [a["id"] for a in articles], [g["id"] for g in golds]
    failed = ids_a != ids_g
    if failed:
        print("ids differ:", ids_a, ids_g)
    for a, g in zip(articles, golds):
        for problem in problems_of(a, g):
            failed = True
            print(a["id"], problem)
        print(a["id"], len(a["text"].split()), "words;", len(g["entities"]), "entities,", len(g["places"]), "places,",
              len(g["events"]), "events,", len(g["quotes"]), "quotes")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
