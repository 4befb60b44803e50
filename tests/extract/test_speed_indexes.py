"""Output unchanged by the speed work (issue 16): the indexes only skip work, they never change an answer.

The dev set (and a long article made of the founding one) is extracted twice: as shipped, and with every
index switched back to the full scan it replaced — span indexes return every item, token ranges and
sentence tokens are found by scanning, the date reader tries every token, claims are scanned, clause bounds
are stepped word by word, and each trigger finds its sentence's place candidates, actor mentions and casualty figures again. The two
outputs must be identical record for record. The test holds whatever the extraction rules say, so it does
not need updating when accuracy work changes the output; it fails when an index answers differently from
the scan. Skipped when ../shared is not beside the repository (the dev set is read from there).
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest

from rasd.document import Article, Document
from rasd.extract import casualties, clauses, dates, entities, event_actors, event_place, marks, places, spanindex, triggers
from rasd.extract.event_lexicon import _CLAUSE_BREAKS
from rasd.pipeline import extract

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"


def _articles() -> list[Article]:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    arts = [Article(id=r["id"], text=r["text"], published=r.get("published")) for r in rows]
    seed = next(a for a in arts if a.id == "seed-000")
    lines = [line for line in seed.text.split("\n") if line.strip()]
    arts.append(Article(id="long", text="\n".join(lines * 4), published=seed.published))   # ~3.5k words
    return arts


def _records(arts: list[Article]) -> list[str]:
    return [json.dumps(extract(a).to_record(), ensure_ascii=False, sort_keys=True) for a in arts]


def _scan_token_range(self: Document, start: int, end: int):
    hits = [k for k, t in enumerate(self.tokens) if t.start < end and start < t.end]
    return (hits[0], hits[-1]) if hits else None


def _scan_sentence_range(tokens: list, sentence: int) -> tuple[int, int]:
    inside = [k for k, t in enumerate(tokens) if t.sentence == sentence]
    return (inside[0], inside[-1] + 1) if inside else (0, 0)


def _scan_clause_bounds(doc: Document, i: int, lo: int, hi: int) -> tuple[int, int]:
    """clause_bounds as it was: word by word out from token i to a clause-break word or a semicolon."""
    def opens(k: int) -> bool:
        gap = doc.text[doc.tokens[k - 1].end:doc.tokens[k].start].strip()
        return doc.tokens[k].stem in _CLAUSE_BREAKS or gap in ("؛", ";")
    start = i
    while start > lo and not opens(start):
        start -= 1
    end = i + 1
    while end < hi and not opens(end):
        end += 1
    return start, end


def _switch_indexes_off(monkeypatch) -> None:
    monkeypatch.setattr(spanindex.SpanIndex, "overlapping", lambda self, start, end: list(self.items))
    monkeypatch.setattr(spanindex.GrowingIndex, "overlapping", lambda self, start, end: list(self.items))
    monkeypatch.setattr(Document, "token_range", _scan_token_range)
    monkeypatch.setattr(Document, "tokens_starting_in",
                        lambda self, start, end: [t for t in self.tokens if start <= t.start < end])
    scan_sentence = lambda tokens, sentence: [t for t in tokens if t.sentence == sentence]  # noqa: E731
    for module in _modules_using("sentence_tokens"):
        monkeypatch.setattr(module, "sentence_tokens", scan_sentence)
    for module in _modules_using("sentence_token_range"):
        monkeypatch.setattr(module, "sentence_token_range", _scan_sentence_range)
    for module in _modules_using("casualties_in_range"):
        monkeypatch.setattr(module, "casualties_in_range", casualties.find_casualties)
    for module in _modules_using("sentence_mentions"):
        monkeypatch.setattr(module, "sentence_mentions", event_actors.find_sentence_mentions)
    for module in _modules_using("_place_candidates"):
        monkeypatch.setattr(module, "_place_candidates", event_place._find_place_candidates)
    for module in _modules_using("clause_bounds"):
        monkeypatch.setattr(module, "clause_bounds", _scan_clause_bounds)
    monkeypatch.setattr(clauses, "_punctuated", lambda doc, j, i:
                        any(ch in ".؛;:" for ch in doc.text[doc.tokens[j].end:doc.tokens[i].start]))
    monkeypatch.setattr(dates, "_can_start", lambda word, p: True)
    monkeypatch.setattr(triggers.LemmaLexicon, "find_in", lambda self, tokens, lo, hi: self.find(tokens[lo:hi]))
    monkeypatch.setattr(entities, "_overlaps", lambda claims, start, end:
                        any(c.start < end and start < c.end for c in claims))
    # session 9: every per-document memo forgets (each question computed again), neighbours' «joined» is read
    # from the text each time, every token may begin a club name, and the quote-mark reader visits every character
    for module in _modules_using("document_memo"):
        monkeypatch.setattr(module, "document_memo", lambda name, objects, lists: {})
    monkeypatch.setattr(entities, "_joined", lambda doc, a, b: entities._tokens_joined(doc, doc.tokens[a], doc.tokens[b]))
    monkeypatch.setattr(entities, "_club_first_words", lambda: _Everything())
    monkeypatch.setattr(marks, "_MARK_CHARS", re.compile(r"(?s)."))
    # session 12: the place a word like «المدينة» refers back to, found by scanning every place before it
    monkeypatch.setattr(places, "_last_place_before", lambda doc, by_start, starts, tok, kinds: next(
        (p for p in reversed(by_start) if p.span.end <= tok.start and p.feature in kinds and p.lat is not None
         and tok.sentence - doc.sentence_at(p.span.start) < places._ANAPHOR_SENTENCES), None))


class _Everything:
    def __contains__(self, _item: object) -> bool:
        return True


def _modules_using(name: str) -> list:
    return [m for k, m in list(sys.modules.items()) if k.startswith("rasd.") and hasattr(m, name)]


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/dev not beside the repository")
@pytest.mark.pure_python     # swaps compiled functions and methods for their full scans
def test_indexes_give_the_output_of_full_scans(monkeypatch):
    arts = _articles()
    fast = _records(arts)
    _switch_indexes_off(monkeypatch)
    slow = _records(arts)
    for art, a, b in zip(arts, fast, slow):
        assert a == b, f"article {art.id}: output differs with the indexes switched off"


def test_growing_index_finds_what_a_scan_finds():
    rng = random.Random(7)
    items: list[tuple[int, int]] = [(s, s + rng.randint(0, 30)) for s in (rng.randint(0, 500) for _ in range(40))]
    index = spanindex.GrowingIndex(items, lambda x: x)
    for _ in range(200):
        if rng.random() < 0.3:
            s = rng.randint(0, 500)
            index.add((s, s + rng.randint(0, 60)))
        lo = rng.randint(0, 520)
        hi = lo + rng.randint(1, 40)
        want = [x for x in items if x[0] < hi and lo < x[1]]
        got = [x for x in index.overlapping(lo, hi) if x[0] < hi and lo < x[1]]
        assert got == want


def test_starting_in_and_token_bounds_match_scans():
    doc = extract(Article(id="t", text="قال الرئيس إن الجيش قصف مدينة حلب أمس. وفي دمشق، قتل 3 أشخاص يوم الأحد 5 مايو 2024."))
    starts, ends = spanindex.token_bounds(doc.tokens)
    assert starts == [t.start for t in doc.tokens] and ends == [t.end for t in doc.tokens]
    for lo in range(0, len(doc.text), 3):
        for hi in (lo + 1, lo + 10, lo + 40):
            assert spanindex.starting_in(doc.entities, "test:entities", lo, hi) == \
                [e for e in doc.entities if lo <= e.span.start < hi]
            assert doc.token_range(lo, hi) == _scan_token_range(doc, lo, hi)


def test_matches_of_whole_sentences_are_read_off_one_scan():
    text = ("قُتل أربعة مدنيين وأصيب عشرة آخرون في قصف جوي على إبديتا. وقال المرصد إن الطائرات قصفت البلدة. "
            "وتبنت الجماعة المسؤولية عن الهجوم الذي أسفر عن مقتل ثلاثة جنود، فيما اعتقلت الشرطة مشتبها به.")
    doc = extract(Article(id="t", text=text))
    n = len(doc.tokens)
    bounds = [k for k in range(1, n) if doc.tokens[k].sentence != doc.tokens[k - 1].sentence]
    assert len(bounds) == 2
    for name in ("event_triggers.tsv", "casualty_cues.tsv"):
        lex = triggers.lexicon(name)
        for lo in [0] + bounds + [5, 9]:           # whole sentences, and ranges that are not
            for hi in bounds + [n, 12, n - 3]:
                if lo < hi:
                    assert lex.find_in(doc.tokens, lo, hi) == lex.find(doc.tokens[lo:hi]), (name, lo, hi)
    assert triggers.lexicon("event_triggers.tsv").find_in(doc.tokens, 0, n)


def test_clause_bounds_match_the_word_by_word_scan():
    doc = extract(Article(id="t", text="قُتل أربعة مدنيين في إبديتا، فيما قتل أربعة آخرون في البارة؛ وأصيب عشرة. "
                                       "وقال المرصد إن الطائرات قصفت البلدة بينما فر السكان: لا أحد بقي."))
    n = len(doc.tokens)
    assert len(clauses.clause_breaks(doc)) >= 3          # «فيما», the semicolon, «بينما»
    for i in range(n):
        for lo in range(0, i + 2):
            for hi in range(i, n + 1):
                assert clauses.clause_bounds(doc, i, lo, hi) == _scan_clause_bounds(doc, i, lo, hi), (i, lo, hi)
    for j in range(n):
        for i in range(n):
            want = any(ch in ".؛;:" for ch in doc.text[doc.tokens[j].end:doc.tokens[i].start])
            assert clauses._punctuated(doc, j, i) == want


def test_a_document_memo_is_kept_while_its_layers_are_the_same():
    tokens, text = ["a", "b"], "a b"
    memo = spanindex.document_memo("test:memo", (text,), (tokens,))
    memo["x"] = 1
    assert spanindex.document_memo("test:memo", (text,), (tokens,)) == {"x": 1}
    assert spanindex.document_memo("test:other", (text,), (tokens,)) == {}          # one memo per name
    tokens.append("c")                                                              # a layer grew
    assert spanindex.document_memo("test:memo", (text,), (tokens,)) == {}
    spanindex.document_memo("test:memo", (text,), (tokens,))["y"] = 2
    assert spanindex.document_memo("test:memo", (text,), (list(tokens),)) == {}     # another list, equal or not
    spanindex.document_memo("test:memo", (text,), (tokens,))["z"] = 3
    assert spanindex.document_memo("test:memo", ("".join(["a ", "b"]),), (tokens,)) == {}   # another text object


def test_span_index_answers_in_list_order_whether_the_list_is_sorted_or_not():
    rng = random.Random(11)
    spans = sorted((s, s + rng.randint(0, 25)) for s in (rng.randint(0, 300) for _ in range(60)))
    shuffled = spans[:]
    rng.shuffle(shuffled)
    for items in (spans, shuffled):
        index = spanindex.SpanIndex(items, lambda x: x)
        assert index.in_order == (items is spans)
        for lo in range(0, 320, 7):
            for hi in (lo + 1, lo + 15, lo + 60):
                got = [x for x in index.overlapping(lo, hi) if x[0] < hi and lo < x[1]]
                assert got == [x for x in items if x[0] < hi and lo < x[1]]


def test_an_index_by_span_of_is_the_index_by_its_call():
    from types import SimpleNamespace
    items = [SimpleNamespace(span=SimpleNamespace(start=s, end=e)) for s, e in ((5, 9), (0, 3), (5, 7), (2, 12))]
    for layer in (items, sorted(items, key=lambda x: x.span.start), []):
        fast, called = spanindex.SpanIndex(layer, spanindex.span_of), spanindex.SpanIndex(layer, lambda x: spanindex.span_of(x))
        assert (fast.starts, fast.order, fast.longest, fast.in_order) == \
            (called.starts, called.order, called.longest, called.in_order)
        assert all(fast.overlapping(a, b) == called.overlapping(a, b) for a in range(14) for b in range(a, 15))


def test_entities_overlapping_follows_appends_removals_and_equal_copies():
    """The entities index is kept while the list holds the same entities; an entity appended or removed between
    two questions changes the answer, and an equal entity that is another object is the one answered."""
    from rasd.document import Entity, Span

    def entity(start: int, end: int) -> Entity:
        return Entity(span=Span(start=start, end=end, text="x" * (end - start)), type="GPE", text="x" * (end - start))

    entities._forget_entities_index()
    listed = [entity(0, 5), entity(10, 15), entity(20, 30)]
    assert entities._entities_overlapping(listed, 12, 14) == [listed[1]]
    listed.append(entity(11, 13))
    assert entities._entities_overlapping(listed, 12, 14) == [listed[1], listed[3]]
    del listed[1]
    assert entities._entities_overlapping(listed, 12, 14) == [listed[2]]
    copy = listed[2].model_copy()
    listed[2] = copy
    found = entities._entities_overlapping(listed, 12, 14)
    assert found == [copy] and found[0] is copy
    assert entities._entities_overlapping(listed, 40, 50) == []


def test_sentence_token_range_is_the_scan():
    """`sentence_token_range` (event_actors._sides_named_before's sentence bounds) gives each sentence's token
    indices as a scan does, for every sentence of a three-sentence text; none for one past the end."""
    doc = extract(Article(id="t", text="اندلعت اشتباكات بين الجيش والمسلحين. وقتل خمسة جنود. "
                                       "وأعلن الجيش السيطرة على البلدة.", published=None))
    last = doc.tokens[-1].sentence
    assert last >= 2
    for sentence in range(last + 1):
        assert spanindex.sentence_token_range(doc.tokens, sentence) == _scan_sentence_range(doc.tokens, sentence)
    lo, hi = spanindex.sentence_token_range(doc.tokens, last + 1)
    assert lo == hi
