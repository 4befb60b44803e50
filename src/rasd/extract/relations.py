"""Stage `relations`: relations between actors that an article states in passing.

A small, fixed set of relation types, `source → target`:

- supports     the source backs the target («ميليشيات عراقية مدعومة من إيران», «القوات الموالية لدمشق», «بدعم من»)
- opposes      the source fights or opposes the target («تقاتل», «ضد», «في مواجهة»)
- allied_with  the source is allied with the target («المتحالفة مع إيران», «الأسد وحليفته روسيا»)
- member_of    the source is part of the target («مقاتلون من كتائب حزب الله», «عناصر من», «التابعة لـ»)
- leads        the source leads or commands the target («بقيادة», «يقودها», «زعيم»)
- met_with     the source met or talked with the target («اجتماع مع», «محادثات مع», «التقى»)

The cues are data (`data/relation_cues.tsv`): a cue phrase, and where source and target stand relative to it.
Actors are the entities of `doc.entities` next to the cue when there are any, else the short noun phrase
next to it (up to a preposition, punctuation or a relative pronoun, at most four words), so that
«ميليشيات عراقية مدعومة من إيران» gives supports(«إيران» → «ميليشيات عراقية») with no entity layer at all.
Each relation carries its evidence (the sentence) and a date (a date mention in the sentence, else the
article's publication date).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from rasd.document import Actor, Document, Entity, Relation, Token
from rasd.extract.cues import phrase, read_tsv, speech_cues, strip_clitic
from rasd.extract.speech import PREPOSITIONS, breaks as _breaks, make_actor, verb_form
from rasd.extract.agencies import kb_actors
from rasd.extract.spanindex import span_index, span_of, starting_in, token_bounds
from rasd.text.normalize import normalize_for_match

MAX_PHRASE = 5
RELATIVES = {normalize_for_match(w) for w in ("التي", "الذي", "الذين", "والتي", "والذي", "والذين", "اللتي")}
ACTOR_TYPES = ("PERSON", "ORG", "GPE")
FUNCTION_WORDS = {normalize_for_match(w) for w in ("حين", "بينما", "فيما", "حيث", "إذ", "لقد", "قد", "كما", "جانب",
                                                   "هو", "هي", "هم", "أن", "إن", "أنه", "إنه")}


@dataclass(frozen=True)
class Cue:
    type: str
    words: tuple[str, ...]
    lam_next: bool          # the cue ends in «لـ»: the next word carries the preposition
    source: str             # before | after | cue | subject | title
    target: str             # before | after


@lru_cache(maxsize=1)
def relation_cues() -> list[Cue]:
    cues = []
    for row in read_tsv("relation_cues.tsv"):
        words = phrase(row["cue"].replace("لـ", " لـ "))
        lam = bool(words) and words[-1] == "ل"
        cues.append(Cue(row["type"], words[:-1] if lam else words, lam, row["source"], row["target"]))
    return sorted(cues, key=lambda c: -len(c.words))


@lru_cache(maxsize=1)
def _cues_by_first_word() -> dict[str, list[Cue]]:
    index: dict[str, list[Cue]] = {}
    for cue in relation_cues():
        index.setdefault(cue.words[0], []).append(cue)
    return index


def _cues_at(tok: Token) -> list[Cue]:
    return _cues_for_word(tok.norm)


@lru_cache(maxsize=32_768)
def _cues_for_word(norm: str) -> list[Cue]:
    """The cues a word may open, longest first; kept per word (asked at every token; callers only read it)."""
    index = _cues_by_first_word()
    found = [c for form in strip_clitic(norm) for c in index.get(form, [])]
    return sorted(found, key=lambda c: -len(c.words))


def _match(tokens: list[Token], i: int, cue: Cue) -> int:
    """Tokens the cue covers at i (0 if it does not match); a «لـ» cue needs a next word starting with «ل»."""
    n = len(cue.words)
    if i + n > len(tokens) or cue.words[0] not in strip_clitic(tokens[i].norm):
        return 0
    if any(tokens[i + k].norm != cue.words[k] for k in range(1, n)):
        return 0
    if cue.lam_next and not (i + n < len(tokens) and tokens[i + n].norm.startswith("ل") and len(tokens[i + n].norm) > 2):
        return 0
    return n


def _near(doc: Document, start: int, end: int) -> list[Entity]:
    """The entities that may overlap [start, end), in layer order, by an index built once per document
    (a scan of every entity per question was quadratic in article length; issue 16). Callers keep their test."""
    return span_index(doc.entities, span_of, "relations:entities").overlapping(
        start, max(end, start + 1))


def _entity_starting(doc: Document, start: int, end: int) -> Entity | None:
    hits = [e for e in _near(doc, start, end) if start <= e.span.start < end and e.type in ACTOR_TYPES]
    return min(hits, key=lambda e: e.span.start) if hits else None


def _entity_ending(doc: Document, start: int, end: int) -> Entity | None:
    hits = [e for e in _near(doc, start, end + 1) if start < e.span.end <= end and e.type in ACTOR_TYPES]
    return max(hits, key=lambda e: e.span.end) if hits else None


def _stops_phrase(tok: Token) -> bool:
    return (tok.norm in PREPOSITIONS or tok.norm in RELATIVES or verb_form(tok) is not None
            or any((f,) in speech_cues("speaker_stop") for f in strip_clitic(tok.norm))
            or tok.norm.isdigit())


def _actor_for(doc: Document, start: int, end: int, display: str | None = None) -> Actor | None:
    actor = make_actor(doc, start, end)
    if actor is not None and display:
        actor.text = display
    return actor


def _after(doc: Document, tokens: list[Token], k: int, lam: bool, sent_end: int) -> Actor | None:
    """The actor starting at token k: an entity there, else the noun phrase (at most four words)."""
    if k >= len(tokens) or tokens[k].start >= sent_end:
        return None
    first = tokens[k]
    start = first.start + (1 if lam else 0)
    ent = _entity_starting(doc, first.start, first.end)
    if ent is not None and ent.type in ("PERSON", "ORG"):
        return _actor_for(doc, max(start, ent.span.start), ent.span.end)   # «كتائب حزب الله» and no further
    j = k
    while j < len(tokens) and tokens[j].start < sent_end and j - k < MAX_PHRASE:
        if j > k and (_breaks(doc.text[tokens[j - 1].end:tokens[j].start]) or _stops_phrase(tokens[j])
                      or {"و", "ل"} & set(tokens[j].prefixes)):
            break                                   # «كتائب حزب الله وجماعة ...», «إيران لدعم ...»: another phrase
        j += 1
    end = max(tokens[j - 1].end, ent.span.end if ent is not None else 0)
    display = None
    if lam and first.text.startswith("لل"):
        display = "ال" + doc.text[first.start + 2:end]          # «للنظام» → «النظام»
    return _actor_for(doc, start, end, display)


def _before(doc: Document, tokens: list[Token], i: int, sent_start: int) -> Actor | None:
    """The actor ending just before token i («ميليشيات عراقية» before «مدعومة»), skipping «، والتي»."""
    k = i
    if k > 0 and tokens[k - 1].norm in RELATIVES:
        k -= 1                                      # «القوات الموالية لدمشق، والتي تقاتل ...»
    if k == 0 or tokens[k - 1].start < sent_start:
        return None
    ent = _entity_ending(doc, tokens[k - 1].start, tokens[k - 1].end)
    j = k
    while j > 0 and tokens[j - 1].start >= sent_start and k - j < MAX_PHRASE:
        prev = tokens[j - 1]
        if j < k and _breaks(doc.text[prev.end:tokens[j].start]):
            break
        if _stops_phrase(prev) or "ل" in prev.prefixes or (prev.norm,) in speech_cues("conjunction") \
                or prev.norm in FUNCTION_WORDS:
            break                                   # «لدعم القوات»: a preposition's object, not the actor
        if "ب" in prev.prefixes or "ك" in prev.prefixes:
            j -= 1                                  # «بطائرات حربية تابعة للنظام»: the noun, less its preposition
            break
        if prev.start == sent_start and not strip_clitic(prev.norm)[-1].startswith("ال") and j < k:
            break                                   # a sentence-initial indefinite word is most often its verb
        j -= 1
    if j == k:
        return None
    start = tokens[j].start
    if "ب" in tokens[j].prefixes or "ك" in tokens[j].prefixes:
        start = tokens[j].stem_start if not tokens[j].stem.startswith("ال") else tokens[j].start + 1
    if ent is not None and ent.type in ("PERSON", "ORG") and ent.span.start < start:
        start = ent.span.start                      # a long name («المرصد السوري لحقوق الإنسان») stays whole
    return _actor_for(doc, start, tokens[k - 1].end)


def _sentence_subject(doc: Document, tokens: list[Token], sent_start: int, cue_start: int) -> Actor | None:
    """The subject of a verb-first sentence («وصل عراقجي إلى أنقرة لإجراء محادثات مع ...» → «عراقجي»)."""
    ents = [e for e in starting_in(doc.entities, "relations:subject", sent_start, cue_start)
            if e.type in ("PERSON", "ORG", "GPE")]
    starts, ends = token_bounds(tokens)
    first = bisect_left(starts, sent_start)
    for e in ents:
        last = bisect_right(ends, e.span.start)     # tokens[first:last]: in the sentence, ending before e
        if last > first and tokens[last - 1].norm in PREPOSITIONS:
            continue
        return _actor_for(doc, e.span.start, e.span.end)
    in_sentence = range(first, bisect_left(starts, cue_start))
    if len(in_sentence) < 2:
        return None
    k = in_sentence[0] + 1                          # past the sentence's verb
    j = k
    while j <= in_sentence[-1] and j - k < MAX_PHRASE:
        if j > k and _breaks(doc.text[tokens[j - 1].end:tokens[j].start]) or _stops_phrase(tokens[j]):
            break
        j += 1
    return _actor_for(doc, tokens[k].start, tokens[j - 1].end) if j > k else None


def _title_holder(doc: Document, tokens: list[Token], i: int, n: int, sent_start: int, sent_end: int
                  ) -> tuple[Actor | None, Actor | None]:
    """«زعيم هيئة تحرير الشام أبو محمد الجولاني» (entities: organisation then person) or «X، زعيم Y»."""
    cue_end = tokens[i + n - 1].end
    org = _entity_starting(doc, cue_end, sent_end)
    if org is not None and org.type == "ORG":
        person = _entity_starting(doc, org.span.end, min(sent_end, org.span.end + 3))
        if person is not None and person.type == "PERSON":
            return _actor_for(doc, person.span.start, person.span.end), _actor_for(doc, org.span.start, org.span.end)
    if i > 0 and "،" in doc.text[tokens[i - 1].end:tokens[i].start] or "," in doc.text[tokens[i - 1].end:tokens[i].start]:
        return _before(doc, tokens, i, sent_start), _after(doc, tokens, i + n, False, sent_end)
    return None, None


def _date(doc: Document, start: int, end: int) -> str | None:
    for d in doc.dates:
        if start <= d.span.start < end:
            return d.value
    return doc.article.published.isoformat() if doc.article.published else None


def _sentences(doc: Document) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]


def _same(a: Actor, b: Actor) -> bool:
    return normalize_for_match(a.text) == normalize_for_match(b.text) or (
        a.span is not None and b.span is not None and a.span.start < b.span.end and b.span.start < a.span.end)


def _antecedent(doc: Document, tokens: list[Token], i: int, found: list[Relation]) -> Actor | None:
    """«القوات الموالية لدمشق، والتي تقاتل ...»: the relative clause is about the source of the relation just before."""
    if i < 1 or tokens[i - 1].norm not in RELATIVES:
        return None
    for rel in reversed(found):
        if rel.target.span is not None and 0 <= tokens[i - 1].start - rel.target.span.end <= 3:
            return rel.source
    return None


@lru_cache(maxsize=1)
def _agent_words() -> frozenset[str]:
    """Normalised words that name generic agents (KB agents: «القوات», «الحكومة», «ميليشيا» ...)."""
    words: set[str] = set()
    actors = kb_actors()
    for agent in (actors.agents.values() if actors is not None else []):
        for alias in agent.aliases_ar + tuple(agent.plural.split("|")):
            for w in normalize_for_match(alias).split():
                words.update({w, "ال" + w})
    return frozenset(words)


def _plausible(doc: Document, actor: Actor) -> bool:
    """With an entity layer, one side at least should be an entity or a generic agent («القوات»);
    without one, any noun phrase will do."""
    if not doc.entities or actor.canonical is not None or actor.kb_id is not None or actor.sector:
        return True
    return any(f in _agent_words() for w in normalize_for_match(actor.text).split() for f in strip_clitic(w))


def find_relations(doc: Document) -> list[Relation]:
    tokens = doc.tokens
    out: list[Relation] = []
    starts = [t.start for t in tokens]
    for s_start, s_end in _sentences(doc):
        for i in range(bisect_left(starts, s_start), bisect_left(starts, s_end)):
            for cue in _cues_at(tokens[i]):
                n = _match(tokens, i, cue)
                if not n:
                    continue
                lam = cue.lam_next
                if cue.source == "title":
                    source, target = _title_holder(doc, tokens, i, n, s_start, s_end)
                else:
                    side = {"before": lambda: _before(doc, tokens, i, s_start),
                            "after": lambda: _after(doc, tokens, i + n, lam, s_end),
                            "cue": lambda: _actor_for(doc, tokens[i].start, tokens[i].end),
                            "subject": lambda: _sentence_subject(doc, tokens, s_start, tokens[i].start)}
                    source, target = side[cue.source](), side[cue.target]()
                    if cue.source == "before":
                        source = _antecedent(doc, tokens, i, out) or source
                    if cue.target == "before":
                        target = _antecedent(doc, tokens, i, out) or target
                if source is None or target is None or _same(source, target):
                    break
                if not (_plausible(doc, source) or _plausible(doc, target)):
                    break
                ev = doc.span(s_start, s_end)
                confidence = 0.8 if (source.kb_id or source.canonical) and (target.kb_id or target.canonical) else 0.6
                out.append(Relation(type=cue.type, source=source, target=target, evidence=ev,
                                    date=_date(doc, s_start, s_end), confidence=confidence))
                break
    return out



# stage contract (rasd.pipeline): the layers this stage reads and the ones it writes
NEEDS = ("entities", "dates")
ADDS = ("relations",)

def run(doc: Document) -> None:
    doc.relations = find_relations(doc)
