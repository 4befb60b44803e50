#!/usr/bin/env python3
"""Validate a held-out set (a folder with articles.jsonl and gold.jsonl in /work/shared/eval/dev's format):

    python3 tests/data/check_set.py tests/data/heldout2                 # 20 articles, 0 problems
    python3 tests/data/check_set.py tests/data/heldout3 --min-words 40
    python3 tests/data/check_set.py tests/data/heldout --structure-only --stats

Checks: ids and `published` agree between the two files; entity types are known; every Arabic alias,
speaker, actor and evidence fragment occurs in the article text (a leading clitic or the لل form allowed);
quotes are verbatim; event places are named gold places with coordinates; types are PLOVER; dates are well
formed; every event can be paired (a place or an actor); the text has --min-words..--max-words words.
--structure-only skips the occurrence checks of aliases, actors, speakers and evidence (the first set,
tests/data/heldout, lists base forms not in the text and elides evidence with «...»).
Prints one line per problem (--stats: one summary line per article too); exit 1 if any."""
import argparse
import json
import os
import re
import sys

AR = re.compile(r"[\u0600-\u06ff]")
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
DATE = re.compile(r"\d{4}(-\d\d){0,2}")


def occurs(alias, text):
    if alias in text:
        return True
    return alias.startswith("ال") and ("ل" + alias[2:]) in text  # للنازحين -> النازحين


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def problems_of(art, g, min_words, max_words, verbatim=True):
    t = art["text"]
    if art["published"] != g["published"]:
        yield "published differs between article and gold"
    for e in g["entities"]:
        if e["type"] not in ENTITY_TYPES or not e["aliases"]:
            yield f"bad entity {e}"
    names = [("entity", a) for e in g["entities"] for a in e["aliases"]]
    names += [("place", a) for p in g["places"] for a in p["aliases"]]
    names += [("actor", a) for e in g["events"] for a in e.get("actor1", []) + e.get("actor2", [])]
    names += [("speaker", a) for q in g["quotes"] for a in q["speaker"]]
    for kind, a in names:
        if verbatim and AR.search(a) and not occurs(a, t):
            yield f"{kind} alias not in text: {a}"
    for q in g["quotes"]:
        if q["text"] not in t:
            yield f"quote not verbatim: {q['text'][:40]}"
    pnames = {p["name"] for p in g["places"]}
    for e in g["events"]:
        for frag in e["evidence"].split(" / ") if verbatim else []:
            if frag not in t:
                yield f"evidence not verbatim: {frag[:50]}"
        if e.get("place") and (e["place"] not in pnames or e.get("lat") is None):
            yield f"event place not a gold place or without coordinates: {e['place']}"
        if not set(e["type"]) <= PLOVER:
            yield f"bad type {e['type']}"
        if any(not DATE.fullmatch(d) for d in e["date"]):
            yield f"bad date {e['date']}"
        if not e.get("place") and not (e.get("actor1") or e.get("actor2")):
            yield "event with neither place nor actor cannot be paired"
    words = len(t.split())
    if not min_words <= words <= max_words:
        yield f"text has {words} words"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", help="the set's folder, e.g. tests/data/heldout2")
    ap.add_argument("--min-words", type=int, default=60)
    ap.add_argument("--max-words", type=int, default=400)
    ap.add_argument("--structure-only", action="store_true",
                    help="do not check that aliases, actors, speakers and evidence occur in the text")
    ap.add_argument("--stats", action="store_true", help="print one summary line per article")
    args = ap.parse_args()
    arts = read_jsonl(os.path.join(args.folder, "articles.jsonl"))
    golds = read_jsonl(os.path.join(args.folder, "gold.jsonl"))
    bad = 0
    ids_a, ids_g = [a["id"] for a in arts], [g["id"] for g in golds]
    if ids_a != ids_g:
        bad += 1
        print(f"{args.folder}: ids differ between articles.jsonl and gold.jsonl: {ids_a} {ids_g}")
    byid = {a["id"]: a for a in arts}
    for g in golds:
        if g["id"] not in byid:
            continue  # reported above
        art = byid[g["id"]]
        for msg in problems_of(art, g, args.min_words, args.max_words, not args.structure_only):
            bad += 1
            print(f"{g['id']}: {msg}")
        if args.stats:
            print(g["id"], len(art["text"].split()), "words;", len(g["entities"]), "entities,", len(g["places"]),
                  "places,", len(g["events"]), "events,", len(g["quotes"]), "quotes")
    print(f"{len(arts)} articles, {bad} problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
