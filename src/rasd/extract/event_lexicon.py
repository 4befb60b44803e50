"""The events stage's function-word lexicon (data/event_words.tsv), read once: roles → normalised words."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from rasd.extract.cues import read_tsv
from rasd.text.normalize import normalize_for_match


@lru_cache(maxsize=1)
def _event_words() -> dict[str, frozenset[str]]:
    """Role → normalised function words (data/event_words.tsv)."""
    text = resources.files("rasd.extract").joinpath("data/event_words.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t")
    out: dict[str, frozenset[str]] = {}
    for r in rows:
        forms = {normalize_for_match(w) for w in r["words"].split("|")}
        # tokens are compared by stem, which has lost its article: «العاصمة» is looked up as «عاصمه»
        out[r["role"]] = frozenset(forms | {f[2:] for f in forms if f.startswith("ال") and len(f) > 4})
    return out


@lru_cache(maxsize=1)
def _event_roles() -> dict[str, frozenset[str]]:
    """Role → the set it names (data/event_roles.tsv): KB ids, sectors, types and lemmas, as written."""
    return {r["role"]: frozenset(r["values"].split("|")) for r in read_tsv("event_roles.tsv")}


ROLES = _event_roles()
_WORDS = _event_words()


_CLAUSE_BREAKS = _WORDS["clause_break"]
# «تعرضت قافلته لهجوم»: «ل» after «to undergo» marks what happened to it, not a purpose
_UNDERGO_VERBS = _WORDS["undergo"]
_COMPLEMENTIZERS = _WORDS["complementizer"]

# Violence and protest words often mention what is generic, habitual or abstract («العنف», «الاحتجاجات»):
# for these types a trigger must read as a specific, reported occurrence (rasd.extract.specificity).
_SPECIFICITY_CHECKED = frozenset(ROLES["specificity_types"])


def _is_circumstantial(tok) -> bool:
    """«داعيا», «محذرا», «معتبرا»: an accusative participle whose agent is the sentence's subject."""
    stem = tok.stem
    if stem.endswith("وا"):
        return False        # «هاجموا», «قاتلوا»: a plural perfect verb, not a participle
    return len(stem) >= 4 and stem.endswith("ا") and (stem.startswith("م") or stem[1] == "ا")
