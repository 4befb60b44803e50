"""Where an event happened: the place governing its trigger's clause.

`choose_place(doc, match, focus)` is what the events stage calls for each trigger. The helpers here
decide which of the sentence's resolved places (the `places` layer) is the event's location and
which only look like one: a reporter's dateline, a place inside a name or title, a relative clause.
"""
from __future__ import annotations

import csv
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache
from importlib import resources
from types import SimpleNamespace

from rasd.document import Document, Event, EventPlace, Place, Span, assembled, str_or_none
from rasd.extract.casualties import casualties_in_range
from rasd.extract.clauses import clause_bounds
from rasd.extract.event_lexicon import _WORDS
from rasd.extract.places import _word_role, article_countries
from rasd.extract.spanindex import document_memo, span_index, span_of, starting_in
from rasd.extract.triggers import LemmaMatch
from rasd.kb import load_kb
from rasd.kb.tsv import numbered_rows
from rasd.text.normalize import normalize_for_match

# The words an event is told by: a trigger's match, or a retelling's span of words with no rule
# (`SimpleNamespace(first=, last=)`); the compiled module checks arguments against this.
TriggerWords = LemmaMatch | SimpleNamespace

_FEATURE_RANK = {"village": 0, "city": 0, "neighbourhood": 0, "fac": 0, "approximate": 0, "admin2": 1, "admin1": 2,
                 "region": 2, "water": 2, "country": 3}


def _is_locative(doc: Document, first: int) -> bool:
    """A place after a preposition or locative noun («في مقديشو», «بدمشق»)."""
    tok = doc.tokens[first]
    if "ب" in tok.prefixes:
        return True
    for back in (1, 2):
        k = first - back
        if k < 0 or doc.tokens[k].sentence != tok.sentence:
            return False
        if doc.tokens[k].stem in _WORDS["locative"]:
            return True
        if not doc.tokens[k].stem.endswith(("يه", "ي")):
            return False
    return False


def _is_dateline(doc: Document, p: Place) -> bool:
    """«الدمام - شريف أحمد - كشفت ...»: where the reporter files from, not where things happened."""
    return _is_dateline_text(doc, p.text, p.span.start)


# «بغداد - », «أنقرة (زمان التركية) –», «بغداد/المسلة:», «القاهرة (رويترز) -», «أتلانتا، الولايات المتحدة (CNN)--»:
# what may follow a dateline's place (its country after a comma, before an agency in brackets)
_DATELINE_TAIL = re.compile(r"\s*(?:[،,]\s*[^\s()،,:\-–—]+(?:\s+[^\s()،,:\-–—]+){0,2}\s*(?=\())?"
                            r"(?:\([^()\n]{0,40}\)|/\s*[^\s/:()]{1,25})?\s*(?:[-–—:]|/\s)")
_DATELINE_REACH = 600
_OUTLET_DATELINE = re.compile(r"\s*[^\s()\-–—:.،,]+(?:\s+[^\s()\-–—:.،,]+){0,3}\s*\(")
_BRACKET_DATELINE_TAIL = re.compile(r"\)\s*[-–—:]")


def _is_dateline_text(doc: Document, text: str, start: int) -> bool:
    """The mention at the head of a line near the top that the sources stage read as the dateline, or that
    is followed by a dateline's dash, colon or parenthesised agency."""
    if start >= _DATELINE_REACH:
        return False
    line_start = doc.text.rfind("\n", 0, start) + 1      # (after the reach test: a far mention's line may be long)
    if _OUTLET_DATELINE.fullmatch(doc.text, line_start, start) and _BRACKET_DATELINE_TAIL.match(doc.text, start + len(text)):
        return True     # «أوغاريت بوست (درعا) – استهدف ...»: the outlet, then the city it files from in brackets
    if doc.text[line_start:start].strip():
        return False
    line = doc.source.dateline
    if line and normalize_for_match(text) in normalize_for_match(line):
        return True
    return bool(_DATELINE_TAIL.match(doc.text, start + len(text)))


@lru_cache(maxsize=1)
def _place_roles() -> dict[str, frozenset[str]]:
    """Role → normalised words of data/place_words.tsv (name heads, envoys, relative words, launch words)."""
    text = resources.files("rasd.extract").joinpath("data/place_words.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t")
    out: dict[str, set[str]] = {}
    for r in rows:
        forms = {normalize_for_match(w) for w in r["words"].split("|")}
        out.setdefault(r["role"], set()).update(forms | {f[2:] for f in forms if f.startswith("ال") and len(f) > 4})
    return {k: frozenset(v) for k, v in out.items()}


def _has_role(tok, role: str) -> bool:
    words = _place_roles().get(role, frozenset())
    return tok.stem in words or tok.norm in words or (tok.norm[1:] in words and tok.norm[:1] in "وفبل")


_TITLE_REACH = 4       # «المبعوث الأممي الخاص إلى اليمن»: the envoy word a few words before «إلى»
_TITLE_PREPS = frozenset({normalize_for_match("إلى")})   # an envoy «إلى اليمن» is not there; «السفير الروسي في طهران» is
_LOCATIVE_BEFORE_NAME = frozenset({"في", "داخل", "امام", "قرب", "عند", "محيط"})


def _in_a_name_or_title(doc: Document, p: Place, at: int) -> bool:
    """«إذاعة دمشق», «محافظ ديالى», «المبعوث الأممي الخاص إلى اليمن», or a place inside an organisation or
    person mention: a place that names something else. «في جامعة دمشق» still locates (a site in the city)."""
    tokens = doc.tokens
    # only the entities near the place, by an index built once per document (issue 16: not all per place)
    near = span_index(doc.entities, span_of, "event_place:entities").overlapping(
        p.span.start, max(p.span.end, p.span.start + 1))
    for e in near:
        if e.type in ("ORG", "PERSON") and e.span.start <= p.span.start and p.span.end <= e.span.end \
                and (e.span.start, e.span.end) != (p.span.start, p.span.end):
            if e.type == "ORG" and _seat_of_court(doc, e):
                continue        # «محكمة جنايات الإسماعيلية»: the court sits in the town it is named after
            return not _site_after_locative(doc, doc.token_range(e.span.start, e.span.end))
    if _after_so_called(doc, at):
        return True     # «عناصر مما يسمى بديوان الجند»: the name of a body, not where it acted
    k = at - 1
    if k >= 1 and "و" in tokens[at].prefixes and tokens[k].sentence == tokens[at].sentence \
            and _claimed_before(doc, k):
        return True     # «تبعية جزيرتي تيران وصنافير»: the second of two places a claim word heads
    if _claimed_for(doc, at):
        return True     # «تبعية جزيرتي تيران وصنافير إلى السعودية»: the state the islands are claimed for
    if k >= 1 and _has_role(tokens[k], "cue") and not tokens[k].prefixes:
        k -= 1      # «تبعية جزيرتي تيران», «محافظ محافظة ديالى»: the head word before the place's own cue word
    if k >= 0 and tokens[k].sentence == tokens[at].sentence and "ب" not in tokens[at].prefixes \
            and (_has_role(tokens[k], "name_head") or _has_role(tokens[k], "claim")):
        return not _site_after_locative(doc, (k, at))
    prep = tokens[at - 1] if at >= 1 else None
    if prep is not None and prep.stem in _TITLE_PREPS or "ل" in tokens[at].prefixes:
        first = at - 1 if prep is not None and prep.stem in _TITLE_PREPS else at
        for back in range(1, _TITLE_REACH + 1):
            j = first - back
            if j < 0 or tokens[j].sentence != tokens[at].sentence:
                break
            if _has_role(tokens[j], "envoy"):
                return True
    return False


_SO_CALLED = frozenset(map(normalize_for_match, ("ما", "مما", "بما", "لما")))


def _after_so_called(doc: Document, at: int) -> bool:
    """«مما يسمى بديوان الجند», «ما يسمى بولاية سيناء»: what follows «so-called» is a name (of a body, a
    group's «province»), not a place something happened in; its own place word may come between."""
    tokens = doc.tokens
    k = at - 1
    if k >= 0 and _has_role(tokens[k], "cue") and tokens[k].sentence == tokens[at].sentence:
        k -= 1      # «ما يسمى بولاية سيناء»: the place word before the name
    return k >= 1 and tokens[k - 1].sentence == tokens[at].sentence and _has_role(tokens[k], "so_called") \
        and tokens[k - 1].norm in _SO_CALLED


def _seat_of_court(doc: Document, e) -> bool:
    rng = doc.token_range(e.span.start, e.span.end)
    return rng is not None and _has_role(doc.tokens[rng[0]], "seat_head")


_COURT_AFTER_TRIGGER = 2      # «قضت محكمة ...», «أصدرت المحكمة حكما»: the court word right at or after the trigger


def _seat_of_the_ruling_court(doc: Document, match) -> Place | None:
    """The town the article's court sits in («محكمة جنايات الإسماعيلية») for an act a court word does at the trigger
    («قضت محكمة مصرية»), when the article names one court seat only: the places of the charges told in the same
    sentence («بعد قيامهم بشن هجمات في سيناء») are where the crimes were, not where the court ruled."""
    tokens = doc.tokens
    sentence = tokens[match.first].sentence
    near = range(match.first, min(len(tokens), match.last + 1 + _COURT_AFTER_TRIGGER))
    if not any(tokens[k].sentence == sentence and _has_role(tokens[k], "seat_head") for k in near):
        return None
    seats = _court_seats(doc)
    return seats[0] if len({p.gazetteer_id for p in seats}) == 1 else None


def _court_seats(doc: Document) -> list[Place]:
    """The places resolved inside a court's name (data/place_words.tsv seat_head: «محكمة جنايات الإسماعيلية»)."""
    memo = document_memo("event_place:court_seats", (doc, doc.text), (doc.places, doc.entities))
    if "seats" not in memo:
        orgs = [e for e in doc.entities if e.type == "ORG" and _seat_of_court(doc, e)]
        memo["seats"] = [p for p in doc.places if p.gazetteer_id and p.lat is not None and any(
            o.span.start < p.span.start and p.span.end <= o.span.end for o in orgs)]
    return memo["seats"]


def _names_a_body(doc: Document, at: int) -> bool:
    """«ضابطا في شرطة نينوى»: the place names the body right before it (body_head), not where the act was; a last
    resort, as a body usually serves near its place («شرطة كركوك» when no other place is named)."""
    tokens = doc.tokens
    k = at - 1
    if k >= 0 and tokens[at].prefixes[:1] == ["و"] and tokens[k].sentence == tokens[at].sentence \
            and not doc.text[tokens[k].end:tokens[at].start].strip() and (first := _place_ending_at(doc, k)) is not None:
        return first != at and _names_a_body(doc, first)    # «قبائل مأرب والجوف»: the second land of the tribes too
    return k >= 0 and tokens[k].sentence == tokens[at].sentence and not set(tokens[at].prefixes) - {"ال"} \
        and not tokens[k].suffix and _has_role(tokens[k], "body_head") \
        and not doc.text[tokens[k].end:tokens[at].start].strip()


def _place_ending_at(doc: Document, k: int) -> int | None:
    """The first token of a resolved place whose last token is k, if any."""
    tok = doc.tokens[k]
    for p in span_index(doc.places, span_of, "event_place:places").overlapping(tok.start, tok.end):
        if p.span.end == tok.end and (rng := doc.token_range(p.span.start, p.span.end)) is not None and rng[1] == k:
            return rng[0]
    return None


_CLAIM_REACH = 6      # «تبعية جزيرتي تيران وصنافير إلى»: the claim word a few words before «إلى»


def _claimed_for(doc: Document, at: int) -> bool:
    """The place after «إلى» that ends a claim word's phrase («تبعية جزيرتي تيران وصنافير إلى المملكة»): the side a
    claim is made for, not where anything happened."""
    tokens = doc.tokens
    k = at - 1
    if k < 1 or tokens[k].stem not in _TITLE_PREPS or tokens[k].sentence != tokens[at].sentence:
        return False
    for j in range(k - 1, max(-1, k - 1 - _CLAIM_REACH), -1):
        if tokens[j].sentence != tokens[at].sentence or doc.text[tokens[j].end:tokens[j + 1].start].strip():
            return False        # punctuation closes the phrase
        if _has_role(tokens[j], "claim"):
            return True
    return False


def _claimed_before(doc: Document, k: int) -> bool:
    """The place ending at token k, itself after a claim word and its place word («تبعية جزيرتي تيران»)."""
    j = k - 1
    if j >= 1 and _has_role(doc.tokens[j], "cue") and not doc.tokens[j].prefixes:
        j -= 1
    return 0 <= j < k and _has_role(doc.tokens[j], "claim") \
        and doc.tokens[j].sentence == doc.tokens[k].sentence


def _site_after_locative(doc: Document, rng: tuple[int, int] | None) -> bool:
    if rng is None or rng[0] == 0:
        return False
    head = doc.tokens[rng[0]]
    before = doc.tokens[rng[0] - 1]
    return "ب" in head.prefixes or (before.sentence == head.sentence and before.stem in _LOCATIVE_BEFORE_NAME)


_RELATIVE_REACH = 6     # «الواقعة على بعد خمسين كيلومتراً شمال مدينة الرقة»


# as token stems read them, normalised («على» → «علي», «إلى» → «الي»)
_PREPOSITIONS = frozenset(map(normalize_for_match, ("في", "على", "إلى", "من", "عند", "قرب", "داخل")))


def _relative_word_before(doc: Document, at: int) -> int | None:
    """The relative word («الواقعة», «المدعومة», «التي») whose clause holds the place at token `at`. The
    clause of a participle runs through its own complement («الواقعة على بعد خمسين كيلومتراً شمال مدينة
    الرقة»); a later preposition opens a phrase of the main clause («المدعومة من تركيا مواقع قسد في ريف
    حلب»: ريف حلب is not in it); punctuation closes it."""
    # (kept per document: every trigger of a sentence asks again of the same places; issue 16)
    memo = document_memo("event_place:relative_word", (doc, doc.text), (doc.tokens,))
    if at not in memo:
        memo[at] = _scan_relative_word_before(doc, at)
    return memo[at]


def _scan_relative_word_before(doc: Document, at: int) -> int | None:
    tokens = doc.tokens
    later_prep = False
    for back in range(1, _RELATIVE_REACH + 1):
        r = at - back
        if r < 0 or tokens[r].sentence != tokens[at].sentence:
            return None
        if doc.text[tokens[r].end:tokens[r + 1].start].strip() in (".", "،", ",", "؛", ";"):
            return None
        if _has_role(tokens[r], "relative"):
            if back > 1 and _own_b(doc, r, at) and not _place_between(doc, r, at):
                # «دورية تابعة للجيش بمنطقة البيجات»: the clause closed with its complement; a place there is
                # located by the phrase after it («التابعة لبلدة الصبحة بريف دير الزور»), still in the clause
                return None
            return None if later_prep else r
        if tokens[r].stem in _PREPOSITIONS or "ب" in tokens[r + 1].prefixes and r + 1 != at:
            if not _has_role(tokens[r - 1], "relative") if r >= 1 else True:
                later_prep = True
    return None


def _own_b(doc: Document, r: int, at: int) -> bool:
    """The place at token `at` is brought in by its own «بـ», on it or on its place word («بمنطقة البيجات»), not
    right after the relative word r."""
    tokens = doc.tokens
    if "ب" in tokens[at].prefixes:
        return True
    return at - 1 > r + 1 and "ب" in tokens[at - 1].prefixes and _has_role(tokens[at - 1], "cue")


def _place_between(doc: Document, r: int, at: int) -> bool:
    """A place, resolved or not, starting among the tokens strictly between r and at."""
    lo, hi = doc.tokens[r].end, doc.tokens[at].start
    return any(lo <= p.span.start < hi for items, name in ((doc.places, "places"), (doc.unresolved_places, "unresolved"))
               for p in span_index(items, span_of, "event_place:between:" + name).overlapping(lo, hi))


def _in_relative_clause(doc: Document, match: TriggerWords, at: int, same_kind: frozenset[int] = frozenset()) -> bool:
    """«الفصائل المدعومة من تركيا», «قرية تل الشعير الواقعة جنوب الموصل»: a place in a clause describing
    another noun. Not when the trigger itself is what the clause describes («الهجوم الذي وقع في إدلب») or
    lies inside it, nor when it describes another word of the event's type («باستشهاد 3 جراء القصف الذي
    استهدف بلدة طير حرفا»: the strike that killed them)."""
    r = _relative_word_before(doc, at)
    if r is None or r <= match.last:
        return False        # none, or the trigger stands inside the clause
    # the noun the clause describes: the word before it, or the one before an adjective
    described = r - 1
    if described > match.last and doc.tokens[described].stem.endswith(("ي", "يه")):
        described -= 1
    if described > match.last and _a_site_noun(doc, _before_a_quoted_name(doc, described)) \
            and not _lies_off_the_place(doc, r, at):
        # «قرى وبلدات تابعة لناحيتي تل تمر»: the clause places the spot the act hit — unless it tells where the
        # spot lies from the place («المسجد الواقع شرق مدينة بئر العبد»: outside that city)
        return False
    return not (match.first <= described <= match.last or described in same_kind)


_SITE_NOUNS = _WORDS["site_noun"]
_LYING = frozenset({"واقع", "الواقع", "الواقعه", "واقعه"})     # «الواقع/الواقعة»: lying (somewhere)


def _lies_off_the_place(doc: Document, r: int, at: int) -> bool:
    """«المسجد الواقع شرق مدينة بئر العبد»: the clause says the spot lies in a direction from the place, outside it
    (a direction alone, «مواقع النزوح جنوبي مديرية حيس», is still a part of the area)."""
    return any(_has_role(doc.tokens[k], "direction_prefix") and k > 0
               and (doc.tokens[k - 1].norm in _LYING or doc.tokens[k - 1].stem in _LYING) for k in range(r, at))


def _a_site_noun(doc: Document, k: int) -> bool:
    """Token k is a noun of a spot an act is done at or to (data/event_words.tsv site_noun: «مواقع», «قرى», «مدرسة»)."""
    tok = doc.tokens[k]
    return tok.stem in _SITE_NOUNS or tok.norm in _SITE_NOUNS or (tok.norm[:1] == "و" and tok.norm[1:] in _SITE_NOUNS)


def _before_a_quoted_name(doc: Document, k: int) -> int:
    """The token before the quoted name token k closes («مدرسة "سعيد بن جبير"» → «مدرسة»), else k."""
    tok = doc.tokens[k]
    after = doc.text[tok.end:tok.end + 1]
    if not after or after not in _QUOTES_CLOSE:
        return k
    for j in range(k, max(k - 5, 0), -1):
        if doc.tokens[j].sentence != tok.sentence:
            return k
        before = doc.text[doc.tokens[j].start - 1:doc.tokens[j].start]
        if before and before in _QUOTES_OPEN:
            return j - 1 if doc.tokens[j - 1].sentence == tok.sentence else k
    return k


def _launch_site(doc: Document, at: int, chain: int = 0) -> bool:
    """«صواريخ أُطلقت من جنوب لبنان على ...»: where an attack came from — and a finer place written right after
    it as its part («من محافظة عمران / مديرية حرف سفيان»)."""
    tokens = doc.tokens
    k = at - 1
    if k < 0:
        return False
    if tokens[k].stem == "من":
        k -= 1
    elif "من" not in tokens[at].prefixes and not tokens[at].norm.startswith("من"):
        before = _place_right_before(doc, at) if chain < _CHAIN_LINKS else None
        return before is not None and _launch_site(doc, before, chain + 1)
    return _role_before(doc, k, at, _LAUNCH_REACH, "launch")   # «أطلقت، مساء الثلاثاء، صاروخا باليستيا من عمران»


_CHAIN_LINKS = 2
_CHAIN_GLUE = frozenset(" /،,-–")
_CHAIN_GAP = 4          # characters of glue looked at before the place


def _place_right_before(doc: Document, at: int) -> int | None:
    """The first token of a place ending right before token `at` with only a slash, comma or dash between
    («محافظة عمران / مديرية حرف سفيان»), if any."""
    start = doc.tokens[at].start
    near = span_index(doc.places, span_of, "event_place:places").overlapping(
        max(0, start - _CHAIN_GAP), start)
    for p in near:
        if p.span.end <= start and doc.text[p.span.end:start] and set(doc.text[p.span.end:start]) <= _CHAIN_GLUE:
            idx = doc.token_range(p.span.start, p.span.end)
            if idx:
                return idx[0]
    return None


def _role_before(doc: Document, k: int, at: int, reach: int, role: str) -> bool:
    """A word of `role` (place_words.tsv) among the `reach` tokens from k back, in the sentence of token at."""
    for j in range(k, max(-1, k - reach), -1):
        if doc.tokens[j].sentence != doc.tokens[at].sentence:
            break
        if _has_role(doc.tokens[j], role):
            return True
    return False


_LAUNCH_REACH = 8


_TRANSFER_REACH = 4


def _transfer_destination(doc: Document, at: int) -> bool:
    """«جرى نقلهم إلى مستشفى ناصر الطبي»: where the wounded or the dead were taken (a «إلى» before the place and
    a carrying word up to four words before it)."""
    tokens = doc.tokens
    k = at - 1
    if k >= 0 and tokens[k].stem in ("الي", "إلى"):
        k -= 1
    elif not any(tokens[at].norm.startswith(p) for p in ("الي", "لل")):
        return False
    return _role_before(doc, k, at, _TRANSFER_REACH, "transfer")


_DISTANCE_REACH = 6      # «على بعد 20 كلم من مدينة X», «23 كم جنوب شرق مدينة X»
_DISTANCE_GLUE = frozenset(map(normalize_for_match, ("من", "عن", "إلى")))


def _distance_reference(doc: Document, at: int) -> bool:
    """«بلدة سراقب، 23 كم جنوب شرق مدينة إدلب», «على بعد 20 كلم من الرقة»: a place after a distance and its
    direction only says where another place lies; it is where the event happened only when nothing else is named."""
    # (kept per document: every trigger of a sentence asks again of the same places; issue 16)
    memo = document_memo("event_place:distance_reference", (doc, doc.text), (doc.tokens,))
    if at not in memo:
        memo[at] = _scan_distance_reference(doc, at)
    return memo[at]


def _scan_distance_reference(doc: Document, at: int) -> bool:
    tokens = doc.tokens
    for back in range(1, _DISTANCE_REACH + 1):
        k = at - back
        if k < 0 or tokens[k].sentence != tokens[at].sentence:
            return False
        tok = tokens[k]
        if _has_role(tok, "distance"):
            return True
        role = _word_role(tok.stem) or _word_role(tok.norm)
        if not (tok.stem in _DISTANCE_GLUE or role and role[0] in ("direction_prefix", "cue")):
            return False
    return False


def _in_speech_frame(doc: Document, match: TriggerWords, at: int) -> bool:
    """«قال مسؤول في واشنطن إن القوات قصفت ...»: a place before a complementizer that the trigger follows
    belongs to the report's frame, not to the event."""
    if at > match.first:
        return False
    comps = _WORDS["complementizer"]

    def is_comp(j: int) -> bool:
        return doc.tokens[j].stem in comps or doc.tokens[j].norm in comps
    lo = _sentence_tokens(doc, doc.tokens[at].sentence)[0]
    # in the frame: before the first complementizer of the sentence, which itself comes before the trigger
    return not any(is_comp(j) for j in range(lo, at)) and any(is_comp(j) for j in range(at + 1, match.first))


# Per-document index of the places layer, built once and reused by every trigger: which places lie inside a
# longer place, and the places sorted by start for bisection by sentence. Scanning every place against every
# place per trigger made long articles quadratic (issue 16: 42M comparisons for a 5k-word article).
# One entry, for the document being read; rebuilt if the places list is replaced or grows.
_INDEX: list = [None, None, -1, None]


def _places_index(doc: Document) -> tuple[set[int], list[int], list[int]]:
    places = doc.places
    if _INDEX[0] is doc and _INDEX[1] is places and _INDEX[2] == len(places):
        return _INDEX[3]
    order = sorted(range(len(places)), key=lambda k: places[k].span.start)
    starts = [places[k].span.start for k in order]
    prefix_max_end = [-1]
    for k in order:
        prefix_max_end.append(max(prefix_max_end[-1], places[k].span.end))
    nested: set[int] = set()
    for k, p in enumerate(places):
        # another place contains p and is longer: it starts before p and ends at or after it, or starts with
        # p and ends after it
        if prefix_max_end[bisect_left(starts, p.span.start)] >= p.span.end \
                or prefix_max_end[bisect_right(starts, p.span.start)] > p.span.end:
            nested.add(k)
    _INDEX[:] = [doc, places, len(places), (nested, order, starts)]
    return _INDEX[3]


def _place_candidates(doc: Document, sentence: int) -> list[tuple[Place, int]]:
    """Resolved places of a sentence that can be where something happened: not the dateline, not a place
    naming something else, and a country only after a preposition («في سوريا», not «طائرات روسيا»)."""
    # (kept per sentence: every trigger of a sentence, the next sentence's triggers and the weak-trigger check
    # asked again; callers only read them)
    memo = document_memo("event_place:candidates", (doc, doc.text, doc.source),
                         (doc.places, doc.entities, doc.tokens, doc.sentences))
    found = memo.get(sentence)
    if found is None:
        found = memo[sentence] = _find_place_candidates(doc, sentence)
    return found


def _find_place_candidates(doc: Document, sentence: int) -> list[tuple[Place, int]]:
    sent = doc.sentences[sentence]
    nested, order, starts = _places_index(doc)
    out = []
    # the places starting in the sentence, in the order of the places layer
    for k in sorted(order[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]):
        p = doc.places[k]
        if k in nested:
            continue    # «سورية» inside «شمال غربي سورية»: the region is the place named
        if _quoted_name(doc, p):
            continue    # «لـ"الرياض"», «عملية "درع الفرات"»: a newspaper's or an operation's name
        if p.lat is not None and not _is_dateline(doc, p):
            idx = doc.token_range(p.span.start, p.span.end)
            if idx and (p.feature != "country" or _is_locative(doc, idx[0])) \
                    and not _in_a_name_or_title(doc, p, idx[0]):
                out.append((p, idx[0]))
    return out


_QUOTES_OPEN = "\"«“'"
_QUOTES_CLOSE = "\"»”'"


def _quoted_name(doc: Document, p: Place) -> bool:
    """A place name standing alone in quotation marks names something else: a newspaper («مصادر لـ"الرياض"»),
    an operation or a ship."""
    before = doc.text[max(0, p.span.start - 1):p.span.start]
    after = doc.text[p.span.end:p.span.end + 1]
    if not (bool(before) and before in _QUOTES_OPEN and bool(after) and after in _QUOTES_CLOSE):
        return False
    # «لمدينة “سراقب”», «العاصمة المغربية "الرباط"»: a place-type word (and its adjective) before the quotation
    # makes the name the place's own
    idx = doc.token_range(p.span.start, p.span.end)
    if not idx or idx[0] == 0:
        return True
    before_name = doc.tokens[idx[0] - 1]
    if _has_role(before_name, "cue"):
        return False
    return not (idx[0] > 1 and before_name.stem.endswith(("ي", "يه")) and "ال" in before_name.prefixes
                and _has_role(doc.tokens[idx[0] - 2], "cue"))


_OTHER_CLAUSE = 8.0     # a place in another clause of the sentence («..., فيما قتل آخرون في البارة»)
_FRAME = 20.0           # a place in the report's frame, a relative clause or a launch site: a last resort


_THE_COUNTRY = frozenset({"البلاد"})    # «في شمال غرب البلاد»: the country the article is about
_COUNTRIES: list = [None, None]


def _country_of_sentence(doc: Document, sentence: int, before: int) -> str | None:
    """The country the sentence itself names before «البلاد» («أعلن الجيش الباكستاني ... شمال غرب البلاد»): the
    nearest entity with a country before the phrase, else none (the article's country then)."""
    sent = doc.sentences[sentence]
    near = span_index(doc.entities, span_of, "event_place:entities").overlapping(
        sent.start, before)
    named = [e for e in near if e.country and sent.start <= e.span.start and e.span.end <= before]
    return max(named, key=lambda e: e.span.start).country if named else None


def _region_of_the_country(doc: Document, lo: int, hi: int) -> Place | None:
    """«في شمال غرب البلاد», «وسط البلاد» in tokens [lo, hi): a region of the article's country (like «غرب مالي»),
    at the point of its admin-1 areas lying that way. Not a place of the places layer: only an event's place
    when its clause names no finer one."""
    for k in range(max(lo, 1), hi):
        if doc.tokens[k].norm not in _THE_COUNTRY:
            continue
        role = _word_role(doc.tokens[k - 1].stem) or _word_role(doc.tokens[k - 1].norm)
        if not role or role[0] != "direction_prefix":
            continue
        direction, start = role[1], k - 1
        outer = _word_role(doc.tokens[k - 2].stem) or _word_role(doc.tokens[k - 2].norm) if k - 2 >= lo else None
        if outer and outer[0] == "direction_prefix" and outer[1] in ("north", "south") \
                and direction in ("east", "west"):
            direction, start = outer[1] + direction, k - 2
        kb = load_kb()
        iso = _country_of_sentence(doc, doc.tokens[k].sentence, doc.tokens[start].start)
        if iso is None:
            if _COUNTRIES[0] is not doc:
                _COUNTRIES[:] = [doc, article_countries(doc, kb)]
            iso = _COUNTRIES[1][0] if _COUNTRIES[1] else None
        country = kb.gazetteer.country(iso) if iso else None
        if country is None:
            return None
        # the country's own point when the gazetteer has too few admin-1 areas to tell (as for «غرب مالي»)
        point = kb.gazetteer.direction_point(country.country, direction) or (country.lat, country.lon)
        a, b = doc.tokens[start].stem_start, doc.tokens[k].end
        return Place(span=doc.span(a, b), text=doc.text[a:b], name_en=f"{direction} {country.name_en}",
                     lat=round(point[0], 4), lon=round(point[1], 4), country=country.country, feature="region",
                     gazetteer_id=country.id, qualifier=direction, reason="direction of the article's country («البلاد»)")
    return None


_REGION_KM = 400.0       # a place this near a region's point lies in it («وزيرستان» in «شمال غرب البلاد»)


def _finer_within(p: Place | None, region: Place) -> bool:
    """A finer place named elsewhere (the previous sentence's, the article's focus; any named place finer than a
    country's direction, «وزيرستان الجنوبية» too) that lies in the region:
    the event is there, and «شمال غرب البلاد» only describes it — the coarser place never replaces it."""
    return p is not None and p.lat is not None and p.country == region.country and p.feature != "country" \
        and not (p.gazetteer_id or "").startswith("cc:") and _km(p, region) <= _REGION_KM


def score_terms(doc: Document, match: TriggerWords, item: tuple[Place, int], clause: tuple[int, int],
                cands: list[tuple[Place, int]], same_kind: frozenset[int] = frozenset()) -> dict[str, float]:
    """The terms of a candidate place's score for a trigger (lower is better): its token distance (a place before
    the trigger counts 4.5 more, so ties go to the place after), its feature rank (a village before a province
    before a country) and the penalties for another clause, a frame and a place locating another."""
    place, at = item
    i, sentence = match.first, doc.tokens[match.first].sentence
    rule = getattr(match, "rule", None)     # (a retelling's span has no trigger rule)
    c_lo, c_hi = clause
    terms = {"distance": at - match.last if at > match.last else (i - at) + 4.5,
             "feature": 3.0 * _FEATURE_RANK.get(place.feature or "", 2)}
    if doc.tokens[at].sentence == sentence:
        if not (c_lo <= at < c_hi):
            terms["other_clause"] = _OTHER_CLAUSE
        if _in_relative_clause(doc, match, at, same_kind) or _in_speech_frame(doc, match, at) or _launch_site(doc, at) \
                or _transfer_destination(doc, at):
            terms["frame"] = _FRAME
    if _distance_reference(doc, at) or _names_a_body(doc, at):
        terms["reference"] = _FRAME
    if rule is not None and rule.get("type") not in _RAID_TYPES and _home_of_people(doc, at):
        terms["home"] = _FRAME
    if at > match.last and c_lo <= at < c_hi and _after_a_motive(doc, match, at):
        terms["motive"] = _FRAME
    if _locates_the_place_before(doc, place, at, cands):
        terms["locates_before"] = _OTHER_CLAUSE
    if _end_of_a_road(doc, at):
        terms["road_end"] = _OTHER_CLAUSE
    if rule is not None and rule.get("type") in _DELIVERY_TYPES and _on_the_way(doc, at, (c_lo, c_hi), cands):
        terms["route"] = _FRAME
    return terms


_RAID_TYPES = frozenset({"COERCE"})    # an arrest is made where the person is from («اعتقلت الشاب X من قرية Y»)
_RESIDENTS = _WORDS["resident_noun"]
_FROM = normalize_for_match("من")


def _home_of_people(doc: Document, at: int) -> bool:
    """«استشهد شاب من بلدة بيت أمر برصاص الاحتلال قرب ...», «صالح الحسين (60 عاماً) من سكان قرية الأسدية»: a place
    after «من» and a victim noun, a person's name or a word for a place's people is where they come from or live,
    not where the act was."""
    tokens = doc.tokens
    k = at - 1
    if k >= 0 and _has_role(tokens[k], "cue") and not set(tokens[k].prefixes) - {"ال"}:
        k -= 1      # «من بلدة X»
    if k < 1 or tokens[k].sentence != tokens[at].sentence:
        return False
    if tokens[k].stem in _RESIDENTS or tokens[k].norm in _RESIDENTS:
        return tokens[k - 1].norm == _FROM and tokens[k - 1].sentence == tokens[at].sentence
    if tokens[k].norm != _FROM or tokens[k - 1].sentence != tokens[at].sentence:
        return False
    before = tokens[k - 1]
    victims = _victim_forms()
    if before.stem in victims or before.norm in victims:
        return True
    return any(e.type == "PERSON" and e.span.end == before.end for e in span_index(
        doc.entities, span_of, "event_place:entities").overlapping(before.start, before.end))


@lru_cache(maxsize=1)
def _victim_forms() -> frozenset[str]:
    """The normalised singular and plural forms of data/victim_nouns.tsv («طفل», «مدنيين»), without «ال»."""
    text = resources.files("rasd.extract").joinpath("data/victim_nouns.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t")
    forms = {normalize_for_match(f) for r in rows for f in [r["noun"], *r["plural"].split("|")]}
    return frozenset(f[2:] if f.startswith("ال") else f for f in forms)


_BETWEEN = normalize_for_match("بين")
_ROAD_REACH = 3         # «الطريق الدولي الرابط بين»: the road noun a few words before «بين»


def _end_of_a_road(doc: Document, at: int) -> bool:
    """The place at token `at` is one of the two a road joins («على الطريق الرابط بين خاش وزاهدان قرب منطقة أسكل
    آباد»): it names the road, not where on it the act happened, which a place named beside it says."""
    sentence = doc.tokens[at].sentence
    for k in range(at - 1, max(at - 4, -1), -1):
        tok = doc.tokens[k]
        if tok.sentence != sentence:
            return False
        if tok.norm == _BETWEEN and not tok.prefixes:
            return any(doc.tokens[j].sentence == sentence and doc.tokens[j].stem in _WORDS["road"]
                       for j in range(max(k - _ROAD_REACH, 0), k))
    return False


_DELIVERY_TYPES = frozenset({"AID"})
_TOWARD = frozenset(map(normalize_for_match, ("إلى", "الى")))


def _on_the_way(doc: Document, at: int, clause: tuple[int, int], cands: list[tuple[Place, int]]) -> bool:
    """«وصول 17 شاحنة مساعدات عبر معبر الطينة إلى محلية مليط», «قافلة من معبر رفح إلى قطاع غزة»: aid is where
    it arrives; a place it passes through («عبر») is never that, nor the place it set out from («من») when the
    clause names where it went («إلى»)."""
    if at == 0:
        return False
    before = doc.tokens[at - 1]
    if before.stem in _WORDS["route"] and not before.prefixes:
        return True
    return before.stem == "من" and not before.prefixes and any(
        k > at and clause[0] <= k < clause[1] and doc.tokens[k - 1].stem in _TOWARD for _, k in cands)


@lru_cache(maxsize=1)
def motive_nouns() -> frozenset[str]:
    """data/motive_nouns.tsv: the normalized motive nouns («احتجاجا», «تضامنا»)."""
    return _word_list("motive_nouns.tsv")


@lru_cache(maxsize=1)
def happen_verbs() -> frozenset[str]:
    """data/happen_verbs.tsv: the normalized verbs of happening («وقعت», «جرى»)."""
    return _word_list("happen_verbs.tsv")


def _word_list(name: str) -> frozenset[str]:
    """The normalized words of a one-column data file (a header comment, a `word` header row)."""
    path = resources.files("rasd.extract") / "data" / name
    words = set()
    for lineno, cells in numbered_rows(path):
        if len(cells) != 1 or not cells[0].strip():
            raise ValueError(f"{path}:{lineno}: expected one word, got {chr(9).join(cells)!r}")
        words.add(normalize_for_match(cells[0].strip()))
    return frozenset(words)


def _after_a_motive(doc: Document, match: TriggerWords, at: int) -> bool:
    """A motive noun from the trigger (itself one, or its second word: «وقفة احتجاجا على ...») up to the place at
    token `at`: the place is in what the act was about («احتجاجا على قصف المستشفيات في غزة») — unless the motive
    has closed before it (`_site_past_the_motive`)."""
    nouns = motive_nouns()
    for k in range(match.first, at):
        norm = doc.tokens[k].norm
        if norm in nouns or (norm[:1] == "و" and norm[1:] in nouns):
            return not _site_past_the_motive(doc, k, at)
    return False


@lru_cache(maxsize=1)
def topic_nouns() -> frozenset[str]:
    """data/topic_nouns.tsv: the normalized topic words of talks («الأوضاع», «التطورات», «حول»)."""
    return _word_list("topic_nouns.tsv")


_TALK_TYPES = frozenset({"CONSULT"})


def _after_a_topic(doc: Document, match: LemmaMatch, at: int) -> bool:
    """A topic word of talks between the trigger and the place at token `at`, with no other place between them:
    the place is what the meeting discussed («بحث الوزيران التطورات في غزة»), not where it was held; a later
    place is not the topic's («... التطورات في غزة خلال لقائهما في الرياض»)."""
    words = topic_nouns()
    topic = next((k for k in range(match.last + 1, at) if doc.tokens[k].stem in words), None)
    if topic is None:
        return False
    sentence = doc.tokens[at].sentence
    return not any(topic < first < at for _, first in _place_candidates(doc, sentence))


_IN = normalize_for_match("في")
_LOCATIVE_HEADS = (_WORDS["place_head"] | _WORDS["locative"]) - {_IN}     # «في مدينة رام الله», «في العاصمة عمان»


def _site_past_the_motive(doc: Document, motive: int, at: int) -> bool:
    """«تضامنا مع غزة في العاصمة عمان», «وقفة تضامنية مع غزة في رام الله»: the motive's complement is itself a
    place, so a later place brought in by «في» is where the act was; so is a place right after the motive
    word («احتجاجا في عمان على ...»). A place after «في» that follows a noun of the motive is still part of it
    («احتجاجا على الحرب في غزة»)."""
    k = at - 1
    if k > motive and doc.tokens[k].stem in _LOCATIVE_HEADS and not set(doc.tokens[k].prefixes) - {"ال"}:
        k -= 1      # «في مدينة رام الله» with the place read without its head word
    if k <= motive or doc.tokens[k].stem != _IN or doc.tokens[k].prefixes:
        return False
    if k == motive + 1:
        return True
    sentence = doc.tokens[at].sentence
    return any(motive < first < k for _, first in _place_candidates(doc, sentence))


def choose_place(doc: Document, match: TriggerWords, focus: Place | None,
                 same_kind: frozenset[int] = frozenset()) -> Place | None:
    """The place `_choose_place` finds; a country there stands for the one town the article names in it."""
    place = _choose_place(doc, match, focus, same_kind)
    if place is not None and place.feature == "admin1" and (seat := _seat_building_town(doc, place)) is not None:
        return seat     # «تظاهر العشرات أمام مبنى محافظة البصرة»: the governorate's building, in the town of its name
    if place is not None and place.feature == "admin1" \
            and (town := _one_town_beside(doc, doc.tokens[match.first].sentence, place, same_kind)) is not None:
        return town     # «قتل خمسة في هجوم في محافظة ديالى. وأفاد مصدر بأن العبوة وضعت قرب مدينة بعقوبة»
    if place is not None and place.feature == "country":
        town = _only_town_in(doc, place.country)
        if town is not None:
            return town     # «اعتقلت السلطات الإيرانية ...» in a story whose one Iranian town is «طهران»
        capital = _capital_of_the_same_name(place)
        if capital is not None:
            return capital  # «خرجت مسيرات احتجاجية في تونس أمام مقر مجلس النواب»: the capital the name also is
    return place


_TOWN_FEATURES = frozenset({"city", "village", "neighbourhood", "fac"})
_IN_AREA_KM = 150.0


def _one_town_beside(doc: Document, sentence: int, area: Place, same_kind: frozenset[int]) -> Place | None:
    """An event placed at a province, with exactly one town, village or quarter lying in it named in the sentence
    right before or after the trigger's (and none in the trigger's own), a sentence telling no act of the event's
    kind of its own (`same_kind`: the first tokens of the article's triggers of its type): the province only
    frames it, the town is where it happened; else None."""
    towns: dict[str, Place] = {}
    for k in (sentence - 1, sentence, sentence + 1):
        if not 0 <= k < len(doc.sentences):
            continue
        lo, hi = _sentence_tokens(doc, k)
        if k != sentence and any(lo <= t < hi for t in same_kind):
            continue        # («... في خانقين. وقتل آخر في تكريت»: the town of another act told beside it)
        for p, _ in _place_candidates(doc, k):
            if p.feature in _TOWN_FEATURES and p.country == area.country and _km(p, area) <= _IN_AREA_KM:
                if k == sentence:
                    return None
                towns[p.gazetteer_id or p.text] = p
    return next(iter(towns.values())) if len(towns) == 1 else None


_PROVINCE_WORDS = _WORDS["province_word"]
_SEAT_BUILDINGS = _WORDS["seat_building"]


def _seat_building_town(doc: Document, place: Place) -> Place | None:
    """A province named as its seat's building or office («أمام مبنى محافظة البصرة», «ديوان محافظة النجف», «في
    محيط محافظة الإسكندرية», «مقر ولاية تونس»): the town of the province's name where that building stands, not
    the province's middle (tens of kilometres off); None when the words before it are no building's or the
    province has no town of its name."""
    rng = doc.token_range(place.span.start, place.span.end)
    if rng is None or not (place.gazetteer_id or "").startswith("iso:"):
        return None
    first, last = rng
    k = first if doc.tokens[first].stem in _PROVINCE_WORDS else first - 1
    if k < 1 or doc.tokens[k].stem not in _PROVINCE_WORDS or doc.tokens[k].sentence != doc.tokens[first].sentence:
        return None
    building = doc.tokens[k - 1]
    if building.stem not in _SEAT_BUILDINGS or building.sentence != doc.tokens[k].sentence:
        return None
    name = doc.text[doc.tokens[k + 1].start:doc.tokens[last].end]
    code = (place.gazetteer_id or "")[len("iso:"):]
    towns = [c for c in load_kb().gazetteer.candidates(name)
             if c.feature == "city" and c.country == place.country and c.admin1 == code]
    if not towns:
        return None
    town = max(towns, key=lambda c: c.population)
    return place.model_copy(update={"lat": town.lat, "lon": town.lon, "feature": "city", "name_en": town.name_en,
                                    "gazetteer_id": town.id, "reason": f"the building of {place.text}, in its town"})


def _capital_of_the_same_name(place: Place) -> Place | None:
    """«تونس», «الجزائر», «الكويت», «جيبوتي»: a country whose capital bears its name — an act told «in» it, with no
    other town of it named, is read as in the capital (the name says both, and what a story sets in the country
    rather than a town of it happens in the capital)."""
    if place.span is None:
        return None
    capital = next((c for c in load_kb().gazetteer.candidates(place.text)
                    if c.is_capital and c.country == place.country and c.feature == "city"), None)
    if capital is None:
        return None
    return place.model_copy(update={"lat": capital.lat, "lon": capital.lon, "feature": "city", "name_en": capital.name_en,
                                    "gazetteer_id": capital.id, "reason": f"the capital named {place.text}"})


def _only_town_in(doc: Document, country: str | None) -> Place | None:
    """The one town, village or quarter (not a dateline) the article places in `country`, else None. A story told
    of a country names its town where it names one (measured: the never-read sets gain; a province stays its
    province: its one town named was as often another place in it)."""
    memo = document_memo("only_town_in", (doc,), (doc.places,))     # (asked per event: once per country)
    if country not in memo:
        towns = {p.gazetteer_id: p for p in doc.places if p.country == country and p.lat is not None and p.gazetteer_id
                 and p.feature in ("city", "village", "neighbourhood") and not _is_dateline(doc, p)}
        memo[country] = next(iter(towns.values())) if len(towns) == 1 else None
    return memo[country]


def _choose_place(doc: Document, match: TriggerWords, focus: Place | None,
                 same_kind: frozenset[int] = frozenset()) -> Place | None:
    """The place of the trigger's clause: the nearest after the trigger, a specific place before a region or
    country; never a dateline, a place naming something else («إذاعة دمشق»), a place in a relative clause
    about another noun («المدعومة من تركيا»), in the report's frame («قال مسؤول في واشنطن إن»), or an attack's
    launch site when another place is named. Else the previous sentence's place; else the article's focus.
    `same_kind`: the first tokens of the article's triggers of the event's type."""
    i = match.first
    sentence = doc.tokens[i].sentence
    seat = _seat_of_the_ruling_court(doc, match)
    if seat is not None:
        return seat     # «قضت محكمة مصرية ... بعد شنهم هجمات في سيناء»: a court rules where it sits
    cands = _place_candidates(doc, sentence)
    rule = getattr(match, "rule", None)
    if cands and rule is not None and rule.get("type") in _TALK_TYPES:
        t_lo, t_hi = clause_bounds(doc, i, *_sentence_tokens(doc, sentence))
        # «بحث الوزيران التطورات في غزة»: the subject of the talks is no venue; with none left, the venue is
        # the one the sentences before or the article give
        cands = [(p, at) for p, at in cands if not (match.last < at < t_hi and _after_a_topic(doc, match, at))]
    if not cands:
        if sentence > 0 and (doc.sentences[sentence - 1].paragraph == doc.sentences[sentence].paragraph
                             or _restates_a_toll(doc, sentence)):
            # latest first: of places the score cannot tell apart, the one named last before the trigger is
            # the one it goes on about («... بلدة يطا جنوب الخليل. كما اعتقلت مواطنا آخر من جنوب المدينة»)
            before = _place_candidates(doc, sentence - 1)
            cands = [(p, i) for p, at in reversed(before)
                     if not _in_relative_clause_any(doc, p) and not _contains_the_place_before(doc, p, at, before)]
    lo, hi = _sentence_tokens(doc, sentence)
    c_lo, c_hi = clause_bounds(doc, i, lo, hi)
    region = _region_of_the_country(doc, c_lo, c_hi)
    if not cands:
        return region if region is not None and not _finer_within(focus, region) else focus

    def score(item: tuple[Place, int]) -> float:
        return sum(score_terms(doc, match, item, (c_lo, c_hi), cands, same_kind).values())
    best, best_at = min(cands, key=score)
    dateline = _dateline_of_the_sentence(doc, sentence)
    if dateline is not None and score(dateline) + _FRAME < score((best, best_at)):
        # «سيئون : اشتباكات عنيفة بين قوات درع الوطن وقبائل مأرب»: where the report is filed from, before a place
        # that only names a body, a frame or a relative clause
        return dateline[0]
    if region is not None and (best.feature == "country" or doc.tokens[best_at].sentence != sentence
                               or not c_lo <= best_at < c_hi) and not _finer_within(best, region):
        return region       # «في شمال غرب البلاد» when the clause names no finer place
    found = _unresolved_in_clause(doc, match)
    if found is not None and best.feature != "country":
        unresolved, (c_lo, c_hi) = found
        if not (match.last < best_at < c_hi):
            # «... فيما قتل أربعة آخرون بقصف على بلدة البارة» with البارة unknown to the gazetteer: the named
            # village, at the point of the place its sentence names beside it (approximate, flagged)
            return Place(span=unresolved.span, text=unresolved.text, name_en=unresolved.name_en, lat=best.lat,
                         lon=best.lon, country=best.country, admin1=best.admin1, feature="approximate",
                         reason=f"not in the gazetteer; placed at {best.text}, named in the same sentence")
    return best


def _dateline_of_the_sentence(doc: Document, sentence: int) -> tuple[Place, int] | None:
    """The dateline's resolved place at the head of the sentence, with its first token."""
    sent = doc.sentences[sentence]
    for p in starting_in(doc.places, "event_place:places_by_start", sent.start, sent.end):
        if p.lat is not None and p.feature != "country" and _is_dateline(doc, p) \
                and (rng := doc.token_range(p.span.start, p.span.end)) is not None:
            return p, rng[0]
    return None


_APPOSITION_GAP = frozenset({"في", "ب"})


def _contains_the_place_before(doc: Document, p: Place, at: int, cands: list[tuple[Place, int]]) -> bool:
    """«في حي مدينة الصدر في بغداد», «قرية X بمحافظة Y»: a place right after a place no coarser than it, with
    only «في/ب» between, says where that place lies; the place the sentence told of is the one before."""
    rank = _FEATURE_RANK.get(p.feature or "", 2)
    for place, _k in cands:
        rng = doc.token_range(place.span.start, place.span.end)
        if place is p or rng is None or rng[1] >= at or _FEATURE_RANK.get(place.feature or "", 2) > rank:
            continue
        between = doc.tokens[rng[1] + 1:at]
        if len(between) <= 1 and all(t.stem in _APPOSITION_GAP for t in between):
            return True
    return False


def _locates_the_place_before(doc: Document, region: Place, at: int, cands: list[tuple[Place, int]]) -> bool:
    """«إقليم خيبر بختونخوا شمال غرب باكستان», «مدينة خاركيف في شمال شرق أوكرانيا»: a direction region right
    after a finer place lying in it says where that place is; the place is the one named."""
    if region.feature != "region" or region.lat is None:
        return False
    for place, k in cands:
        if place is region or place.lat is None or place.country != region.country \
                or _FEATURE_RANK.get(place.feature or "", 2) > _FEATURE_RANK["admin1"] or place.feature == "region":
            continue
        last = doc.token_range(place.span.start, place.span.end)
        if last is None or last[1] >= at or doc.tokens[last[1]].sentence != doc.tokens[at].sentence:
            continue
        between = doc.tokens[last[1] + 1:at]
        if len(between) <= 1 and all(t.stem in _APPOSITION_GAP for t in between) \
                and _km(place, region) <= _REGION_KM:
            return True
    return False


def _restates_a_toll(doc: Document, sentence: int) -> bool:
    """The sentence repeats a figure the sentence before gave («... مقتل عشرة أشخاص» after «قتل عشرة أشخاص»):
    told in a new paragraph, it is still the same event, at that sentence's place."""
    def figures(s: int) -> set[float]:
        sent = doc.sentences[s]
        return {n.value for n in starting_in(doc.numbers, "event_place:numbers", sent.start, sent.end) if not n.is_year}
    return bool(figures(sentence) & figures(sentence - 1))


def coordinated_places(doc: Document, place: Place) -> list[Place]:
    """The places listed after the event's place with «و» in its sentence («في محافظات نابلس ورام الله والخليل»,
    «استهدفت مطار اللد ومحطة الخضيرة»): ACLED codes one event per location, so each is an event's place too.
    Items set apart by commas count when the list closes with «و» («في مدن الدار البيضاء، الرباط، طنجة، ومكناس»);
    a comma list that never reaches a «و» item may be an apposition («إدلب، سوريا»), and is left out.
    Only places of the same kind of area (a town beside a town, a facility beside a facility)."""
    idx = doc.token_range(place.span.start, place.span.end)
    if idx is None or place.feature == "country":
        return []
    sentence = doc.tokens[idx[0]].sentence
    by_start = {}
    for candidate, at in _place_candidates(doc, sentence):
        by_start[at] = candidate
    out: list[Place] = []
    pending: list[Place] = []       # comma-set items, kept once a «و» item closes the list
    kind = _AREA_KIND.get(place.feature or "", place.feature)
    last = _past_its_area(doc, idx[1], kind, by_start)
    while True:
        nxt = last + 1
        if nxt >= len(doc.tokens) or doc.tokens[nxt].sentence != sentence:
            break
        gap = doc.text[doc.tokens[last].end:doc.tokens[nxt].start].strip(" ")
        joined = "و" in doc.tokens[nxt].prefixes[:1]
        if gap not in _LIST_SEPARATORS or not (joined or gap):
            break       # a full stop or other punctuation ends the list, and so does a word with neither «و» nor a comma
        p = by_start.get(nxt)
        if p is None:
            # «ومحطة كهرباء الخضيرة»: a facility named after its place word
            p = next((q for at, q in by_start.items() if at == nxt + 1 and q.feature == "fac"), None)
        if p is None and _has_role(doc.tokens[nxt], "cue") and not _gap_after(doc, nxt):
            p = by_start.get(nxt + 1)   # «قرية بليون وقرية البارة»: each item with its own place word
        if p is None or _AREA_KIND.get(p.feature or "", p.feature) != kind or p.lat is None:
            break
        if _km(p, place) < 1.0 or any(_km(p, q) < 1.0 for q in out + pending):
            break
        pending.append(p)
        if joined:
            out += pending
            pending = []
        rng = doc.token_range(p.span.start, p.span.end)
        if rng is None:
            break
        last = _past_its_area(doc, rng[1], kind, by_start)
    return out


_PERSON_REACH = 6       # «والشاب علي حسن من»: the words of one listed person before the «من/في» of their place
_PERSON_PLACE_PREPS = frozenset({"من", "في"})


def places_of_listed_persons(doc: Document, place: Place, stop: frozenset[int]) -> list[Place]:
    """The places of the people listed after the event's place, each person with a place of their own
    («اعتقلت الشاب محمد أحمد من قرية عانين، والشاب علي حسن من بلدة يعبد»): one arrest per place. Each item
    opens with «و», names its person in a few words with no punctuation and no other trigger (`stop`), then
    «من/في» and a place of the event place's kind; the list ends at the first item that is not one."""
    idx = doc.token_range(place.span.start, place.span.end)
    if idx is None or place.feature == "country":
        return []
    sentence = doc.tokens[idx[0]].sentence
    by_start = {at: p for p, at in _place_candidates(doc, sentence)}
    kind = _AREA_KIND.get(place.feature or "", place.feature)
    out: list[Place] = []
    k = _past_its_area(doc, idx[1], kind, by_start) + 1
    while k < len(doc.tokens) and doc.tokens[k].sentence == sentence and doc.tokens[k].prefixes[:1] == ["و"] \
            and k not in stop and doc.text[doc.tokens[k - 1].end:doc.tokens[k].start].strip() in _LIST_SEPARATORS:
        j = next((j for j in range(k + 1, min(k + 1 + _PERSON_REACH, len(doc.tokens)))
                  if doc.tokens[j].norm in _PERSON_PLACE_PREPS and not doc.tokens[j].prefixes), None)
        if j is None or any(_gap_after(doc, x) or x in stop for x in range(k, j)):
            break
        at = j + 1 if j + 1 in by_start or _gap_after(doc, j) or not _has_role(doc.tokens[j + 1], "cue") else j + 2
        p = by_start.get(at)
        if p is None or p.lat is None or _AREA_KIND.get(p.feature or "", p.feature) != kind \
                or _km(p, place) < 1.0 or any(_km(p, q) < 1.0 for q in out):
            break
        out.append(p)
        rng = doc.token_range(p.span.start, p.span.end)
        if rng is None:
            break
        k = _past_its_area(doc, rng[1], kind, by_start) + 1
    return out


def _gap_after(doc: Document, k: int) -> bool:
    """Punctuation (or the sentence's end) between token k and the next."""
    return k + 1 >= len(doc.tokens) or doc.tokens[k + 1].sentence != doc.tokens[k].sentence \
        or bool(doc.text[doc.tokens[k].end:doc.tokens[k + 1].start].strip())


def _past_its_area(doc: Document, last: int, kind: str | None, by_start: dict[int, Place]) -> int:
    """The last token of a list item with the wider area or the direction from a place that locates it
    («قرية البارة في ريف إدلب الجنوبي، وقرية إبديتا في جنوب إدلب», «قرية الجبعة جنوب غرب مدينة بيت لحم وبلدة
    سعير»): a place of a coarser kind right after «في» or «بـ», or any place after a direction word, closes the
    item, and the list goes on after it. Without such a phrase, the item's own last token."""
    if _gap_after(doc, last):
        return last
    k = last + 1
    tok = doc.tokens[k]
    direction = False
    while _has_role(doc.tokens[k], "direction_prefix") and not tok.prefixes and not _gap_after(doc, k) \
            and k - last <= 2:
        direction, k = True, k + 1      # «جنوب غرب مدينة بيت لحم»
    if direction:
        pass
    elif tok.norm == "في" and not tok.prefixes and not _gap_after(doc, k):
        k += 1
    elif tok.prefixes[:1] != ["ب"]:
        return last
    if _has_role(doc.tokens[k], "cue") and k not in by_start and not _gap_after(doc, k):
        k += 1      # «بمحافظة إدلب»
    area = by_start.get(k)
    if area is None or not direction and _AREA_KIND.get(area.feature or "", area.feature) == kind:
        return last
    rng = doc.token_range(area.span.start, area.span.end)
    return last if rng is None else rng[1]


_LIST_SEPARATORS = frozenset({"", "،", ","})


# kinds of area that a list puts side by side
_AREA_KIND = {"city": "settlement", "town": "settlement", "village": "settlement", "neighbourhood": "settlement",
              "camp": "settlement", "admin1": "admin1", "admin2": "admin2", "fac": "fac", "approximate": "settlement"}


def _in_relative_clause_any(doc: Document, p: Place) -> bool:
    """A place in a relative clause («المدعومة من تركيا»): no fallback for the next sentence, no focus."""
    idx = doc.token_range(p.span.start, p.span.end)
    return idx is None or _relative_word_before(doc, idx[0]) is not None


def _sentence_tokens(doc: Document, sentence: int) -> tuple[int, int]:
    sent = doc.sentences[sentence]
    rng = doc.token_range(sent.start, sent.end)
    return (rng[0], rng[1] + 1) if rng else (0, 0)


def _unresolved_in_clause(doc: Document, match: TriggerWords) -> tuple[Place, tuple[int, int]] | None:
    """A likely place the gazetteer could not resolve, after the trigger in its clause, with the clause."""
    sentence = doc.tokens[match.first].sentence
    lo = hi = match.first
    while lo > 0 and doc.tokens[lo - 1].sentence == sentence:
        lo -= 1
    while hi + 1 < len(doc.tokens) and doc.tokens[hi + 1].sentence == sentence:
        hi += 1
    c_lo, c_hi = clause_bounds(doc, match.first, lo, hi + 1)
    start, end = doc.tokens[match.last].end, doc.tokens[c_hi - 1].end
    near = [p for p in doc.unresolved_places if start <= p.span.start < end
            and not ((rng := doc.token_range(p.span.start, p.span.end)) and _transfer_destination(doc, rng[0]))]
    return (near[0], (c_lo, c_hi)) if near else None


def article_focus(doc: Document) -> Place | None:
    """The place the article is about: the most mentioned specific place, leaving out the dateline (where the
    reporter files from) and places that name something else («إذاعة دمشق») or sit in a relative clause."""
    resolved = []
    for p in doc.places:
        idx = doc.token_range(p.span.start, p.span.end)
        if p.lat is None or idx is None or _is_dateline(doc, p) or _in_a_name_or_title(doc, p, idx[0]) \
                or _in_relative_clause_any(doc, p) or _quoted_name(doc, p):
            continue
        resolved.append(p)
    if not resolved:
        return None
    if doc.source.dateline:
        # an article with no place for an event: the city it is filed from is the likeliest
        for p in doc.places:
            if p.lat is not None and normalize_for_match(p.text) == normalize_for_match(doc.source.dateline):
                return p
    counts: dict[tuple, list[Place]] = {}
    for p in resolved:
        counts.setdefault((p.gazetteer_id or p.text), []).append(p)
    return max(counts.values(), key=lambda ps: (len(ps), -_FEATURE_RANK.get(ps[0].feature or "", 2)))[0]


def _inside_a_name(doc: Document, span) -> bool:
    """«سوق الجمعة» is a market's name, not Friday."""
    # by span index (not a scan of every place and entity per date: quadratic in long articles, issue 16)
    lo, hi = span.start - 1, max(span.end, span.start + 1)
    return any(p.span.start <= span.start and span.end <= p.span.end
               for name, items in (("places", doc.places), ("unresolved", doc.unresolved_places),
                                   ("entities", doc.entities))
               for p in span_index(items, span_of, "event_place:inside:" + name).overlapping(lo, hi))


def _event_place(p: Place | None) -> EventPlace | None:
    if p is None:
        return None
    text, name_en, lat, lon, country, admin1, feature, span, within = \
        p.text, p.name_en, p.lat, p.lon, p.country, p.admin1, p.feature, p.span, p.within
    if type(text) is str and str_or_none(name_en) and _float_or_none(lat) and _float_or_none(lon) \
            and str_or_none(country) and str_or_none(admin1) and str_or_none(feature) \
            and (span is None or type(span) is Span) \
            and (within is None or (type(within) is tuple and len(within) == 2 and all(map(_is_float, within)))):
        # (the place's fields are already what validation would keep: made field by field, as `_new_token`
        # makes tokens; ~40 an article; issue 16. tests/extract/test_event_actors_fast.py checks it equals
        # the validated EventPlace)
        return assembled(EventPlace, {"text": text, "name_en": name_en, "lat": lat, "lon": lon, "country": country,
                                      "admin1": admin1, "feature": feature, "span": span, "within": within},
                         {"text", "name_en", "lat", "lon", "country", "admin1", "feature", "span", "within"})
    return EventPlace(text=text, name_en=name_en, lat=lat, lon=lon, country=country, admin1=admin1,
                      feature=feature, span=span, within=within)


def _is_float(value: object) -> bool:
    return type(value) is float


def _float_or_none(value: object) -> bool:
    return value is None or type(value) is float


def _km(a: EventPlace | Place, b: EventPlace | Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


_RETELL_REACH = 2       # sentences after an event placed only in its country that may retell it
_RETOLD_FEATURES = frozenset({"country", "region"})


def retellings(doc: Document, events: list, wanted: Callable[[Event], bool]) -> Iterator[tuple[Event, int, int]]:
    """(event, first, last token of the retelling words) for each event `wanted` that one of the next two sentences
    retells: one with a mention of its type set aside as no event of its own, or a verb of happening before a
    definite noun («وقعت الحادثة», «ووقع الهجوم»). Only the first retelling counts; a sentence that tells another
    event of the type ends the search (a second occurrence)."""
    kept = {(doc.sentence_at(e.trigger.start), e.type) for e in events}
    set_aside: dict[int, list[tuple[str, dict]]] = {}
    for n in doc.non_events:
        trig = n.get("trigger") or {}
        if n.get("modality") == "generic" and "start" in trig:
            set_aside.setdefault(doc.sentence_at(trig["start"]), []).append((n.get("type"), trig))
    for event in events:
        if not wanted(event):
            continue
        told = doc.sentence_at(event.trigger.start)
        for sentence in range(told + 1, min(told + 1 + _RETELL_REACH, len(doc.sentences))):
            if (sentence, event.type) in kept:
                break
            at = _retelling_at(doc, sentence, event.type, set_aside.get(sentence, []))
            if at is not None:
                yield event, at[0], at[1]
                break


def places_from_retellings(doc: Document, events: list) -> None:
    """«قتل 4 جنود ... في انفجار استهدف دورية عسكرية في الصومال.» then «وتعرض جنود الدورية لانفجار عبوة ناسفة على
    مشارف مدينة بلدوين»; «خطف 15 شخصًا في نيجيريا» then «ووقعت الحادثة ... في ولاية كادونا»: an event placed only in
    a country (or a direction region of one, «شمال البلاد») takes the finer place of that country named by the
    sentence of the next two that retells it (`retellings`). The retelling's place is the one its chooser picks.
    Run after the summaries are dropped: a country-wide event summing up finer ones is none of its own."""
    triggers = frozenset({e.trigger.start for e in events}
                         | {n["trigger"]["start"] for n in doc.non_events if "start" in (n.get("trigger") or {})})

    def coarse(event: Event) -> bool:
        return event.place is not None and event.place.feature in _RETOLD_FEATURES and bool(event.place.country)

    for event, first, last in retellings(doc, events, coarse):
        place = event.place
        finer = choose_place(doc, SimpleNamespace(first=first, last=last), None)
        if finer is not None and finer.lat is not None and finer.country == place.country \
                and _finer_than(finer, place) and _told_beside(doc, first, last, finer, triggers):
            event.place = _event_place(finer)


def _finer_than(finer: Place, place: EventPlace) -> bool:
    """A place of a lower rank; or a province where the event has a region of a whole country («شمال نيجيريا», «وسط
    البلاد»: no province of its own), which the province lies in — not a province's own region («ريف إدلب الجنوبي»)."""
    return _FEATURE_RANK.get(finer.feature or "", 2) < _FEATURE_RANK.get(place.feature or "", 2) \
        or (finer.feature == "admin1" and place.feature == "region" and not place.admin1)


def _told_beside(doc: Document, first: int, last: int, place: Place, triggers: frozenset[int]) -> bool:
    """The place and the retelling word (tokens first..last) in one sentence with no other act's word between them
    («ويأتي هذا الهجوم بعد ساعات من إعلان الجيش مهاجمة أهداف في بلدة ...»: that act's place), before it («وحاصرت
    القوات منطقة قرب بلدة ...، ما أدى إلى اندلاع الاشتباك») or after it. An act's word right after the retelling
    one names the same act («لانفجار عبوة ناسفة على مشارف مدينة ...»)."""
    rng = doc.token_range(place.span.start, place.span.end)
    if rng is None or doc.tokens[rng[0]].sentence != doc.tokens[last].sentence:
        return False
    if rng[1] < first:
        return not any(doc.tokens[rng[1]].end <= t < doc.tokens[first].start for t in triggers)
    for k in range(last + 1, rng[0]):
        if doc.tokens[k].start in triggers:
            if k != last + 1:
                return False
            last = k
    return True


def _retelling_at(doc: Document, sentence: int, kind: str, set_aside: list[tuple[str, dict]]) -> tuple[int, int] | None:
    """The tokens (first, last) of the words retelling an event of type `kind` in the sentence, or None."""
    for t, trig in set_aside:
        if t == kind and (rng := doc.token_range(trig["start"], trig["end"])) is not None:
            return rng
    lo, hi = _sentence_tokens(doc, sentence)
    verbs = happen_verbs()
    for k in range(lo, hi - 1):
        tok = doc.tokens[k]
        if (tok.stem in verbs or tok.norm in verbs or (tok.norm[:1] in "وف" and tok.norm[1:] in verbs)) \
                and any("ال" in doc.tokens[j].prefixes for j in range(k + 1, min(k + 3, hi))):
            return k, k + 1
    return None


def tolls_by_place(doc: Document, found: list[tuple[int, Event]], types: frozenset[str]) -> None:
    """«قُتل 4 فلسطينيين في خان يونس و14 في دير البلح»: a toll told in parts joined by «و», each part with a
    place of its own, is one event per place with that place's part (ACLED's unit, one toll per location), not
    one event with their sum. The sentence's events of `types` at one of those places take its part; the
    places no event stands at get a copy of the sentence's first event; an event at another place (the
    focus, an area) takes the place and part of the stretch its trigger stands in."""
    by_sentence: dict[int, list[Event]] = {}
    for sentence, ev in found:
        if ev.type in types:
            by_sentence.setdefault(sentence, []).append(ev)
    for sentence, events in by_sentence.items():
        stretches = _toll_stretches(doc, sentence)
        if stretches is None:
            continue
        placed: set[int] = set()
        for ev in events:
            k = next((k for k, (p, _lo, _hi, _f, _i) in enumerate(stretches) if _one_place(ev.place, p)), None)
            if k is None:
                k = next((k for k, (_p, lo, hi, _f, _i) in enumerate(stretches)
                          if doc.tokens[lo].start <= ev.trigger.start < doc.tokens[hi - 1].end), None)
            if k is None:
                continue
            p, _lo, _hi, fatalities, injuries = stretches[k]
            ev.place, ev.fatalities, ev.injuries = _event_place(p), fatalities, injuries
            placed.add(k)
        for k, (p, _lo, _hi, fatalities, injuries) in enumerate(stretches):
            if k not in placed:
                found.append((sentence, events[0].model_copy(update={
                    "place": _event_place(p), "fatalities": fatalities, "injuries": injuries})))


def _one_place(a: EventPlace | None, b: Place) -> bool:
    return a is not None and (a.span.start, a.span.end) == (b.span.start, b.span.end)


_COARSE = frozenset({"country", "admin1", "admin2", "region"})


def _toll_stretches(doc: Document, sentence: int) -> list[tuple[Place, int, int, int | None, int | None]] | None:
    """The stretches of a sentence that each tell one part of its toll at one place of their own, as (place,
    first token, end token, fatalities, injuries); None unless every part has exactly one place (a settlement
    or a site: the area that locates it, «بريف إدلب», does not count) and the places are all distinct."""
    lo, hi = _sentence_tokens(doc, sentence)
    figures = casualties_in_range(doc, lo, hi)
    kind = next((k for k in ("death", "injury") if sum(1 for p in figures.parts if p[1] == k) >= 2), None)
    if kind is None:
        return None
    parts = [p for p in figures.parts if p[1] == kind]
    bounds = [lo] + [at for at, _k, _v in parts[1:]] + [hi]
    cands = _place_candidates(doc, sentence)
    out: list[tuple[Place, int, int, int | None, int | None]] = []
    for (_at, _k, value), s_lo, s_hi in zip(parts, bounds, bounds[1:]):
        here = [p for p, at in cands if s_lo <= at < s_hi]
        fine = [p for p in here if p.feature not in _COARSE] or here
        if len(fine) != 1 or any(_km(fine[0], q[0]) < 1.0 for q in out):
            return None
        unresolved = [p for p in doc.unresolved_places if doc.tokens[s_lo].start <= p.span.start < doc.tokens[s_hi - 1].end]
        if unresolved:
            return None     # another place the gazetteer could not resolve may be the part's
        other = [v for at, k, v in figures.parts if k != kind and s_lo <= at < s_hi]
        other_value = other[0] if len(other) == 1 else None
        deaths, injuries = (value, other_value) if kind == "death" else (other_value, value)
        out.append((fine[0], s_lo, s_hi, deaths, injuries))
    return out
