#!/usr/bin/env python3
"""Validate tests/data/heldout3: every Arabic alias, speaker, actor and evidence fragment occurs in the
article text (a leading clitic or the لل form allowed), quotes are verbatim, event places are named
gold places, dates are well formed, types are PLOVER.  Prints one line per problem; exit 1 if any."""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
AR = re.compile(r"[\u0600-\u06ff]")
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
DATE = re.compile(r"^\d{4}(-\d\d){0,2}$")


def occurs(alias, text):
    if alias in text:
        return True
    return alias.startswith("ال") and ("ل" + alias[2:]) in text  # للنازحين -> النازحين


def main():
    arts = {json.loads(l)["id"]: json.loads(l) for l in open(os.path.join(HERE, "articles.jsonl"), encoding="utf-8")}
    bad = 0

    def problem(doc, msg):
        nonlocal bad
        bad += 1
        print(f"{doc}: {msg}")

    for line in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8"):
        g = json.loads(line)
        t = arts[g["id"]]["text"]
        if arts[g["id"]]["published"] != g["published"]:
            problem(g["id"], "published differs between article and gold")
        names = [("entity", a) for e in g["entities"] for a in e["aliases"]]
        names += [("place", a) for p in g["places"] for a in p["aliases"]]
        names += [("actor", a) for e in g["events"] for a in e.get("actor1", []) + e.get("actor2", [])]
        names += [("speaker", a) for q in g["quotes"] for a in q["speaker"]]
        for kind, a in names:
            if AR.search(a) and not occurs(a, t):
                problem(g["id"], f"{kind} alias not in text: {a}")
        for q in g["quotes"]:
            if q["text"] not in t:
                problem(g["id"], f"quote not verbatim: {q['text'][:40]}")
        pnames = {p["name"] for p in g["places"]}
        for e in g["events"]:
            for frag in e["evidence"].split(" / "):
                if frag not in t:
                    problem(g["id"], f"evidence not verbatim: {frag[:50]}")
            if e.get("place") and e["place"] not in pnames:
                problem(g["id"], f"event place not a gold place: {e['place']}")
            if not set(e["type"]) <= PLOVER:
                problem(g["id"], f"bad type {e['type']}")
            if any(not DATE.match(d) for d in e["date"]):
                problem(g["id"], f"bad date {e['date']}")
            if not e.get("place") and not (e.get("actor1") or e.get("actor2")):
                problem(g["id"], "event with neither place nor actor cannot be paired")
        words = len(t.split())
        if not 40 <= words <= 400:
            problem(g["id"], f"text has {words} words")
    print(f"{len(arts)} articles, {bad} problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
