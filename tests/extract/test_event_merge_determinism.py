"""Extraction does not depend on PYTHONHASHSEED (issue 13): heldout3's ho3-001 gave 3 events under some hash
seeds and 4 under others, because two trigger rules of one word («قصف» verb and noun) came out of a set in
hash order and event_merge keeps the first of two mentions of one strike. Each run is a fresh interpreter."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "data" / "heldout3" / "articles.jsonl"

_SCRIPT = """
import json, sys
from rasd.document import Article
from rasd.pipeline import extract
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    if a["id"] == sys.argv[2]:
        record = extract(Article.model_validate(a)).to_record()
        print(json.dumps({"events": record["events"], "non_events": record["non_events"]},
                         ensure_ascii=False, sort_keys=True))
"""


def _events_under(seed: int, doc_id: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    out = subprocess.run([sys.executable, "-c", _SCRIPT, str(ARTICLES), doc_id], env=env, check=True,
                         capture_output=True, text=True, encoding="utf-8").stdout
    return json.loads(out)


def test_a_joint_strike_told_twice_gives_the_same_events_under_two_hash_seeds():
    # seeds 1 and 3 were a pair that differed (3 against 4 events) before the fix
    first, second = _events_under(1, "ho3-001"), _events_under(3, "ho3-001")
    assert first["events"], "the article reports strikes: the run extracted none"
    assert first == second
