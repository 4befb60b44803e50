"""Who did it and to whom: actor candidates of a sentence and the choice of actor1/actor2 by Arabic word order
(VSO/SVO, agent phrases, light verbs, passive agents, victims, apposition, claims of responsibility).
Part of the events stage."""
from __future__ import annotations

import csv
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasd.document import Actor, Document, Entity, Event, Span, assembled, shallow_copy, str_or_none
from rasd.extract.clauses import (
    announced_by,
    claims_responsibility,
    is_light_noun,
    light_verb_before,
    time_distance_phrase,
)
from rasd.extract.event_lexicon import (
    _CLAUSE_BREAKS,
    _COMPLEMENTIZERS,
    _UNDERGO_VERBS,
    _WORDS,
    ROLES,
    _is_circumstantial,
)
from rasd.extract.event_modality import undergone
from rasd.extract.event_place import _is_dateline_text
from rasd.extract.ner_model import kb_matches
from rasd.extract.speech import verb_form, verb_with_object
from rasd.extract.spanindex import (
    SpanIndex,
    document_memo,
    person_spans,
    sentence_token_range,
    span_index,
    span_of,
)
from rasd.extract.triggers import LemmaMatch, LemmaRule, passive_stem
from rasd.kb import load_kb
from rasd.text.normalize import normalize_for_match

_LOCATIVE = _WORDS["locative"]
_PLACE_HEADS = _WORDS["place_head"]
_SPATIAL = _WORDS["spatial"]


_ACTOR_TYPES = ("PERSON", "ORG", "GPE")


@dataclass
class Mention:
    """An actor candidate in a sentence, located by token indices."""
    first: int
    last: int
    actor: Actor
    kind: str            # entity | agent | nisba | victim
    locative: bool = False


@lru_cache(maxsize=1)
def _victim_nouns() -> dict[str, tuple[str, str]]:
    text = resources.files("rasd.extract").joinpath("data/victim_nouns.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t")
    out: dict[str, tuple[str, str]] = {}
    for r in rows:
        for form in [r["noun"], *r["plural"].split("|")]:
            norm = normalize_for_match(form)
            out[norm[2:] if norm.startswith("ال") else norm] = (r["name_en"], r["sector"])
    return out


def _token_span_index(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    return doc.token_range(start, end)


def with_article_restored(doc: Document, actor: Actor | None) -> Actor | None:
    """«في قصف للقوات السورية»: «لل» is «ل» + «ال» with the alif elided, so the mention, cut after its clitic,
    reads «قوات السورية»; its name form gets the article back («القوات السورية»). The span stays verbatim."""
    if actor is None or actor.span is None or actor.text.startswith("ال"):
        return actor
    idx = doc.token_range(actor.span.start, actor.span.end)
    if idx is None:
        return actor
    tok = doc.tokens[idx[0]]
    if tok.prefixes[-2:] == ["ل", "ال"] and doc.text[tok.start:actor.span.start].endswith("لل"):
        return actor.model_copy(update={"text": "ال" + actor.text})
    return actor


@lru_cache(maxsize=1)
def _role_names() -> dict[str, str]:
    """Agent id → the role's own name, its first Arabic form in agents.tsv («agent.occupation» → «قوات الاحتلال»)."""
    return {aid: a.aliases_ar[0] for aid, a in load_kb().actors.agents.items() if a.aliases_ar}


def _actor_from_entity(e: Entity) -> Actor:
    text, name_en, kb_id, canonical, sector, country, span = \
        e.text, e.name_en, e.kb_id, e.canonical, e.sector, e.country, e.span
    if canonical is None and kb_id is not None and kb_id.startswith("agent."):
        # «الاحتلال الإسرائيلي», «الأمن العراقي»: a role read with its nisba keeps the role's own name as canonical
        # (the nisba gives its country)
        canonical = _role_names().get(kb_id)
    if type(text) is str and type(span) is Span and str_or_none(name_en) and str_or_none(kb_id) \
            and str_or_none(canonical) and str_or_none(sector) and str_or_none(country):
        # (the entity's fields are already what validation would keep, the span the same object: the Actor
        # is made as `_new_token` makes tokens, field by field; ~100 an article, a third of their time was
        # pydantic's validation; issue 16. tests/extract/test_event_actors_fast.py checks it equals the
        # validated Actor)
        return assembled(Actor, {"text": text, "name_en": name_en, "kb_id": kb_id, "canonical": canonical,
                                 "sector": sector, "country": country, "span": span, "acled_name": None,
                                 "inter": None, "assoc": [], "actor_id": None},
                         {"text", "name_en", "kb_id", "canonical", "sector", "country", "span"})
    return Actor(text=text, name_en=name_en, kb_id=kb_id, canonical=canonical, sector=sector, country=country,
                 span=span)


def _is_locative(doc: Document, first: int) -> bool:
    tok = doc.tokens[first]
    if "ب" in tok.prefixes:         # «بدمشق», «وبالحسكة»
        return True
    for back in (1, 2):     # «في مقديشو», «وسط العاصمة الصومالية مقديشو»
        k = first - back
        if k < 0 or doc.tokens[k].sentence != tok.sentence:
            return False
        if doc.tokens[k].stem in _LOCATIVE:
            return True
        if not doc.tokens[k].stem.endswith(("يه", "ي")):
            return False    # only a nisba adjective may stand between the locative word and the place
    return False


def _after_a_place_head(doc: Document, first: int) -> bool:
    """«مخيم "أبو شوك"», «التجمعين البدويين "أبو غالية"»: a name right after a noun of a kind of place (a nisba
    adjective may stand between) names that place."""
    if doc.tokens[first].prefixes:
        return False
    for k in (first - 1, first - 2):
        if k < 0 or doc.tokens[k].sentence != doc.tokens[first].sentence:
            return False
        if doc.tokens[k].stem in _PLACE_HEADS:
            return True
        if not doc.tokens[k].stem.endswith(("يه", "ي", "يين")):
            return False
    return False


def _before_where(doc: Document, last: int) -> bool:
    """«يزور طهران حيث التقى روحاني»: a city that «حيث» (where) points back to is a place, not an actor."""
    nxt = last + 1
    return nxt < len(doc.tokens) and doc.tokens[nxt].sentence == doc.tokens[last].sentence \
        and doc.tokens[nxt].stem == "حيث"


_PLACE_ID_PREFIXES = ("cc:", "gn:", "wof:", "iso:", "rasd:")     # the gazetteer's ids (rasd.kb)
_UNOWNED_INSTRUMENTS = ROLES["unowned_instruments"]


def _is_place_actor(m: Mention) -> bool:
    """A country or a city standing as an actor («دمشق», «إيران»): its KB id is a place's."""
    return (m.actor.kb_id or "").startswith(_PLACE_ID_PREFIXES) and m.kind == "entity"


def _can_act(e: Entity) -> bool:
    """A country or a capital stands for its government («استخدمت دمشق», «طهران ترد»); a town does not."""
    if e.source == "nisba" or (e.kb_id or "").startswith("cc:"):
        return True
    place = load_kb().gazetteer.place(e.kb_id) if e.kb_id else None
    return place is not None and (place.is_capital or place.feature == "country")


def sentence_mentions(doc: Document, sentence: int, lo: int, hi: int) -> list[Mention]:
    """Actor candidates of a sentence: entities, generic agents and victim nouns, in text order."""
    # (kept per range: every trigger of a sentence asked again, 43 calls for 23 ranges in the founding article;
    # each caller gets its own copies, since the events' actors are coded later, event by event)
    memo = document_memo("event_actors:mentions", (doc, doc.text, doc.source),
                         (doc.entities, doc.agents, doc.tokens, doc.sentences))
    kept = memo.get((sentence, lo, hi))
    if kept is None:
        if len(memo) > _MENTIONS_KEPT:
            _forget_before(memo, sentence - _MENTIONS_SENTENCES_BACK)
        kept = memo[(sentence, lo, hi)] = find_sentence_mentions(doc, sentence, lo, hi)
    return _copies(kept)


# The triggers are read in text order, and a trigger asks about its own sentence and at most three before it
# (`_previous_subject`): ranges further back than this are forgotten once the memo holds more than
# _MENTIONS_KEPT of them, so that a long article's memo stays small (an 80k-word article kept 43,000 actors,
# ~10 MB, to the end of the events stage; issue 16). A range asked again after it was forgotten is found anew,
# the same mentions.
_MENTIONS_KEPT = 64
_MENTIONS_SENTENCES_BACK = 8


def _forget_before(memo: dict, sentence: int) -> None:
    for key in [key for key in memo if key[0] < sentence]:
        del memo[key]


def _copies(mentions: list[Mention]) -> list[Mention]:
    """New mentions with copies of their actors (`model_copy`, with a list of their own for `assoc`); actors
    shared between mentions are shared between the copies too."""
    actors: dict[int, Actor] = {}
    out = []
    for m in mentions:
        actor = actors.get(id(m.actor))
        if actor is None:
            actor = actors[id(m.actor)] = shallow_copy(m.actor)
            actor.__dict__["assoc"] = list(m.actor.assoc)
        out.append(Mention(m.first, m.last, actor, m.kind, m.locative))
    return out


def find_sentence_mentions(doc: Document, sentence: int, lo: int, hi: int) -> list[Mention]:
    """`sentence_mentions`, found anew."""
    out: list[Mention] = []
    sent = doc.sentences[sentence]
    # only the entities and agents near the sentence, by indexes built once per document (issue 16: scanning
    # both layers per trigger was quadratic in article length); the sentence test below is unchanged
    span = span_of
    ents = span_index(doc.entities, span, "event_actors:entities").overlapping(sent.start, max(sent.end, sent.start + 1))
    agents = span_index(doc.agents, span, "event_actors:agents").overlapping(sent.start, max(sent.end, sent.start + 1))
    for e, kind in [(e, "entity") for e in ents] + [(a, "nisba" if a.source == "nisba" else "agent")
                                                    for a in agents]:
        if not (sent.start <= e.span.start < sent.end) or e.type not in _ACTOR_TYPES + ("FAC",) \
                or _is_dateline_text(doc, e.text, e.span.start) or _opens_a_dateline(doc, e):
            continue        # the dateline's city and the outlets reporting are not actors of the event
        idx = _token_span_index(doc, e.span.start, e.span.end)
        if idx is None:
            continue
        if e.type == "FAC":
            # a building hit («هجوم على مستشفى المدينة») is a target, never an attacker
            if _governed_by_token(doc, idx[0], _TARGET_MARKERS):
                out.append(Mention(idx[0], idx[1], _actor_from_entity(e), "target"))
            continue
        if e.type in ("PERSON", "ORG") and _after_a_place_head(doc, idx[0]):
            continue        # «مخيم "أبو شوك"»: the name of a camp, a quarter or a street, not someone acting
        locative = e.type == "GPE" and (_is_locative(doc, idx[0]) or not _can_act(e) or _before_where(doc, idx[1])
                                        or _after_a_place_head(doc, idx[0])      # «بحيرة تشاد» is a lake
                                        or doc.tokens[idx[0]].stem in _LOCATIVE)  # «وسط بيروت» is where
        if kind == "agent" and e.kb_id in _UNOWNED_INSTRUMENTS and not e.country:
            continue        # «وطائرة حربية شنتا غارتين»: aircraft no one is said to own name no actor
        if kind == "agent" and idx[0] == idx[1] and _security_as_a_state(doc, idx[0]):
            continue        # «المخلين بالأمن», «زعزعة الأمن»: security as a state of things, not the forces
        if kind == "agent" and e.sector == "civilian":
            kind = "victim"     # «أطفال», «مدنيون», «النازحين»: those hit, never the attacker
        if kind == "agent" and idx[0] == idx[1] and _adjective_of_an_attack(doc, idx[0]):
            kind = "nisba"      # «هجوم مسلح», «الكمين الإرهابي»: tells the act's kind, like «غارات روسية»
        out.append(Mention(idx[0], idx[1], _actor_from_entity(e), kind, locative))
    covered = {k for m in out for k in range(m.first, m.last + 1)}
    for first, last, actor in _unclaimed_offices(doc):
        if doc.tokens[first].sentence == sentence and not covered & set(range(first, last + 1)):
            out.append(Mention(first, last, shallow_copy(actor), "agent"))
    covered = {k for m in out for k in range(m.first, m.last + 1)}
    for k in range(lo, hi):
        if k not in covered and (named := _group_named_before(doc, k)) is not None:
            out.append(Mention(k, k, named, "entity"))
    victims = _victim_nouns()
    covered = {k for m in out for k in range(m.first, m.last + 1)}
    for k in range(lo, hi):
        if k in covered:
            continue
        hit = victims.get(doc.tokens[k].stem)
        if hit and _adjective_of_a_title(doc, k):
            continue        # «الرئيس الفلسطيني محمود عباس»: the nisba qualifies the title, it names no victims
        if hit:
            t = doc.tokens[k]
            out.append(Mention(k, k, Actor(text=doc.text[t.stem_start:t.end], name_en=hit[0], sector=hit[1],
                                           span=doc.span(t.stem_start, t.end)), "victim"))
    out.sort(key=lambda m: m.first)
    return _at_a_spot(doc, _join_office_heads(doc, _agreeing_adjectives(doc, _join_nisba_heads(doc, _join_affiliated(doc, _join_adjacent_agents(doc, _join_body_heads(doc, _join_force_partitives(doc, _join_partitives(doc, _join_unnamed_genitives(doc, _join_force_heads(
        doc, _drop_titles_of_people(doc, _drop_nested(_roles_of_named_groups(doc, out))))))))))))))


_OFFICE_HEAD_WORDS = frozenset(normalize_for_match(w) for w in _WORDS["office_head"])


def _office_head_before(doc: Document, first: int, covered: set[int]) -> int | None:
    """The token of a title in construct right before a name at `first` («ملك الأردن», «رئيس مجلس النواب»), or
    two before it with one bare noun between («وزير خارجية إيران», «ولي عهد السعودية»); None when there is none."""
    tokens = doc.tokens
    name = tokens[first]
    if set(name.prefixes) - {"ال"}:
        return None         # «رئيس جديد لإيران»: a preposition on the name, no construct
    for k in (first - 1, first - 2):
        if k < 0 or k in covered or tokens[k].sentence != name.sentence or _punctuated(doc, k, first):
            return None
        tok = tokens[k]
        if tok.suffix or "ال" in tok.prefixes:
            return None
        if set(tok.prefixes) <= {"و", "ف"} and normalize_for_match(tok.stem) in _OFFICE_HEAD_WORDS:
            return k
        if tok.prefixes or len(tok.stem) < 3:
            return None     # only a bare noun may stand between the title and the name
    return None


def _join_office_heads(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«ملك الأردن يستقبل», «التقى رئيس مجلس النواب الليبي، المستشار عقيلة صالح»: a named body or country in
    construct after a title of office is the office acting — the title joins the actor's text (its identity stays
    the named one's, a country's office of its government)."""
    covered = {k for m in mentions for k in range(m.first, m.last + 1)}
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "entity" and not m.locative and m.actor.span is not None \
                and not (m.actor.kb_id or "").startswith("agent.") \
                and (h := _office_head_before(doc, m.first, covered)) is not None:
            actor = _spanning(doc, m.actor, _head_start(doc.tokens[h]), m.actor.span.end,
                              sector=m.actor.sector or "government")
            m = Mention(h, m.last, actor, m.kind, m.locative)
        out.append(m)
    return out


_SECURITY_STATE_WORDS = _WORDS["security_state"]


def _security_as_a_state(doc: Document, k: int) -> bool:
    """«المخلين بالأمن», «زعزعة الأمن», «حفظ الأمن»: «الأمن» after a word of keeping, breaching or establishing it is
    security itself, not the security forces."""
    tok = doc.tokens[k]
    return tok.stem == "امن" and "ال" in tok.prefixes and k > 0 and doc.tokens[k - 1].sentence == tok.sentence \
        and doc.tokens[k - 1].stem in _SECURITY_STATE_WORDS


def _at_a_spot(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«شهد محيط البرلمان حضورا مكثفا للقوات الأمنية», «أمام السفارة الأمريكية»: a body after a noun or adverb of
    place names where something happened, not who did it."""
    for m in mentions:
        if m.kind in ("entity", "agent", "nisba") and _governed_by_token(doc, m.first, _SPATIAL):
            m.locative = True
    return mentions


def _adjective_of_a_title(doc: Document, k: int) -> bool:
    """«الرئيس الفلسطيني», «الوزير المصري»: a definite word right after a person's title (or a role already
    read) is its adjective."""
    tok = doc.tokens[k]
    if "ال" not in tok.prefixes or k == 0 or doc.tokens[k - 1].sentence != tok.sentence or _punctuated(doc, k - 1, k):
        return False
    prev = doc.tokens[k - 1]
    return normalize_for_match(prev.stem) in _person_titles() and "ال" in prev.prefixes


def _adjective_of_an_attack(doc: Document, k: int) -> bool:
    """«تنفيذ هجوم مسلح», «في الكمين الإرهابي»: a singular word right after an attack noun, as definite as it,
    qualifies the attack (an adjective); a plural one («هجوم مسلحين») names who attacked."""
    tok = doc.tokens[k]
    if k == 0 or doc.tokens[k - 1].sentence != tok.sentence or _punctuated(doc, k - 1, k) or tok.suffix \
            or tok.stem.endswith(("ون", "ين", "ات")) or set(tok.prefixes) - {"ال"}:
        return False
    noun = doc.tokens[k - 1]
    return noun.stem in _ATTACK_NOUNS and not noun.suffix and ("ال" in noun.prefixes) == ("ال" in tok.prefixes)


_GROUP_ANAPHORS = _WORDS["group_anaphor"]


def _group_named_before(doc: Document, k: int) -> Actor | None:
    """«وأعلنت الحركة», «وقتل التنظيم أمس خمسة جنود» after «حركة الشباب», «تنظيم داعش»: a group's head noun alone
    with the article (no adjective naming another group after it: «الحركة الإسلامية») is the latest group named
    with that head before it; its own words, the group's identity."""
    tok = doc.tokens[k]
    if "ال" not in tok.prefixes or set(tok.prefixes) - {"و", "ف", "ال"} or tok.suffix \
            or tok.stem not in _GROUP_ANAPHORS:
        return None
    nxt = doc.tokens[k + 1] if k + 1 < len(doc.tokens) else None
    if nxt is not None and nxt.sentence == tok.sentence and not _punctuated(doc, k, k + 1) \
            and "ال" in nxt.prefixes and nxt.stem.endswith(("ي", "يه")):
        return None
    named = [e for e in doc.entities if e.type == "ORG" and e.span.end <= tok.start
             and normalize_for_match(e.text.split()[0]).removeprefix("ال") == tok.stem and len(e.text.split()) > 1]
    if not named:
        return None
    group = max(named, key=lambda e: e.span.start)
    start = tok.start + sum(len(p) for p in tok.prefixes if p != "ال")     # «وقالت الحركة»: from the article on
    if doc.text[start:start + 2] != "ال":
        start = tok.stem_start
    return Actor(text=doc.text[start:tok.end], name_en=group.name_en, kb_id=group.kb_id,
                 canonical=group.canonical or group.text, sector=group.sector, country=group.country,
                 span=doc.span(start, tok.end))


def _unclaimed_offices(doc: Document) -> list[tuple[int, int, Actor]]:
    """«دعا وزير الخارجية الإيراني المجتمع الدولي»: a title of office the KB knows («وزير الخارجية الإيراني»)
    that the entities stage left unnamed — no date to tell its holder, or no holder in office then — is still
    an actor: the office (its holder's sector and country), as token ranges once per document."""
    memo = document_memo("event_actors:offices", (doc, doc.text), (doc.tokens, doc.entities, doc.agents))
    kept = memo.get("offices")
    if kept is None:
        kept = memo["offices"] = _find_unclaimed_offices(doc)
    return kept


_HOLDER_REACH = 2      # «قائد الجيش اللبناني العماد جوزف عون»: rank words between a title and its holder


def _words_between(doc: Document, end: int, start: int) -> int:
    """Words between character offsets end and start, or many when punctuation or another sentence parts them."""
    gap = doc.text[end:start]
    if any(ch in ".،,؛:()\n" for ch in gap):
        return 99
    return len(gap.split())


def _itself(span: tuple[int, int]) -> tuple[int, int]:
    return span


def _find_unclaimed_offices(doc: Document) -> list[tuple[int, int, Actor]]:
    kb = load_kb()
    claimed = [(x.span.start, x.span.end) for x in [*doc.entities, *doc.agents]]
    claims = SpanIndex(claimed, _itself)       # (by start, and the first person after by bisection: a scan of
    people = sorted(start for start, _end in person_spans(doc.entities))     # both per title was quadratic)
    out = []
    for m in kb_matches(kb, doc.tokens, doc.text):     # the tagger's matches, not a second pass (issue 16)
        if m.kind != "title" or any(a < m.end and m.start < b for a, b in claims.overlapping(m.start, m.end)):
            continue
        after = bisect_left(people, m.end)
        holder_next = people[after] if after < len(people) else None
        if holder_next is not None and _words_between(doc, m.end, holder_next) <= _HOLDER_REACH:
            continue        # «وزير الخارجية الإيراني عباس عراقجي»: the title of the person named after it
        holder = next((kb.actors.actors[i] for i in m.ids if i in kb.actors.actors), None)
        if holder is None:
            continue
        out.append((m.token_start, m.token_end - 1, Actor(
            text=doc.text[m.name_start:m.end], span=doc.span(m.name_start, m.end), sector=holder.sector,
            country=holder.country or None)))
    return out


_AFFILIATION_WORDS = _WORDS["affiliation"]
_LOYAL_WORDS = _WORDS["loyal"]
_AFFILIATION_REACH = 3      # «بطائرات حربية ومروحية تابعة للنظام»: the owner stands a few words after the role


def _join_affiliated(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«طائرات حربية تابعة للنظام», «مسلحون تابعون لداعش», «القوات الموالية للرئيس هادي»: a generic role followed by
    «تابع(ة) لـ», or right after it (or ending its words) «موالية لـ», and a named body is that body acting (its
    identity; the span covers both)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        # (or a unit named but unknown to the KB: «وكالة الاستخبارات التابعة لوزارة الداخلية»)
        unit = prev is not None and (prev.kind == "agent" or prev.kind == "entity" and prev.actor.kb_id is None)
        if prev is not None and unit and m.kind in ("entity", "agent") \
                and 0 <= m.first - prev.last - 1 <= _AFFILIATION_REACH and _owner_after_lam(doc, m.first) \
                and (any(doc.tokens[k].stem in _AFFILIATION_WORDS for k in range(prev.last + 1, m.first))
                     or any(doc.tokens[k].stem in _LOYAL_WORDS for k in (prev.last, prev.last + 1))) \
                and not any(doc.tokens[k].stem in _WORDS["preposition"] for k in range(prev.last + 1, m.first)) \
                and _same_clause(doc, prev.last, m.first) and prev.actor.span is not None and m.actor.span is not None:
            actor = _spanning(doc, m.actor, prev.actor.span.start, m.actor.span.end)
            out[-1] = Mention(prev.first, m.last, actor, m.kind, m.locative)
            continue
        if prev is not None and unit and _force_attached_with_bi(doc, prev, m):
            actor = _spanning(doc, m.actor, prev.actor.span.start, m.actor.span.end)
            out[-1] = Mention(prev.first, m.last, actor, m.kind, m.locative)
            continue
        out.append(m)
    return out


def _owner_after_lam(doc: Document, first: int) -> bool:
    """«تابعة للنظام», «الموالية للرئيس عبد ربه منصور هادي»: «ل» on the owner's name or on the title right before it."""
    if "ل" in doc.tokens[first].prefixes:
        return True
    title = doc.tokens[first - 1]
    return "ل" in title.prefixes and "ال" + title.stem in _person_titles() and not _punctuated(doc, first - 1, first)


_FORCE_SECTORS = frozenset({"military", "police", "intelligence"})
_BI_UNIT_GAP = 1     # «فرقة البحث والتفتيش بالحرس الوطني»: the unit's name may run one word past what was read


def _force_attached_with_bi(doc: Document, prev: Mention, m: Mention) -> bool:
    """«فرقة البحث بالحرس الوطني», «ضابط بالجيش»: a unit or role joined by «بـ» to a security force right after
    it is part of that force (its identity; the span covers both) — the force acted, through its unit."""
    if m.kind not in ("entity", "agent") or m.actor.sector not in _FORCE_SECTORS or m.locative \
            or prev.actor.span is None or m.actor.span is None or not 0 <= m.first - prev.last - 1 <= _BI_UNIT_GAP:
        return False
    first = doc.tokens[m.first]
    if not first.prefixes or first.prefixes[0] != "ب":
        return False
    gap = range(prev.last + 1, m.first)
    # the word between continues the unit's name («والتفتيش»): a noun joined by «و» at most, no punctuation
    return all(doc.tokens[k].prefixes in (["و"], ["و", "ال"]) for k in gap) \
        and not _punctuated(doc, prev.last, m.first)


def _accusative_indefinite(tok) -> bool:
    """«شخصاً», «مدنيًا»: an indefinite accusative — the object of the verb before, not a people in apposition."""
    return tok.text.rstrip("\u064b").endswith("ا") and not tok.suffix and "ال" not in tok.prefixes


def _join_adjacent_agents(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«مقاتلين أكراد», «مسلحين عرب»: a role followed at once by a people (no «و», no comma) is one actor — the
    people's, with the role's words in its text — not the two sides of a clash."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "agent" and (m.kind in ("agent", "victim") or _group_adjective(doc, m)) \
                and m.first == prev.last + 1 and not (m.kind == "victim" and _accusative_indefinite(doc.tokens[m.first])) \
                and not _cases_disagree(doc.tokens[prev.last], doc.tokens[m.first]) \
                and not doc.tokens[m.first].prefixes and prev.actor.span is not None and m.actor.span is not None \
                and not doc.text[prev.actor.span.end:m.actor.span.start].strip():
            start = prev.actor.span.start
            # the role says what they do («مقاتلين»: armed), the people who they are
            actor = _spanning(doc, m.actor, start, m.actor.span.end, sector=prev.actor.sector or m.actor.sector)
            out[-1] = Mention(prev.first, m.last, actor, "entity" if m.kind == "entity" else "agent", m.locative)
            continue
        out.append(m)
    return out


def _cases_disagree(head, word) -> bool:
    """«قتل مسلحون مدنيين»: a nominative sound plural («-ون») and an oblique one («-ين») after it are subject
    and object, not a role and its people."""
    return {head.stem[-2:], word.stem[-2:]} == {"ون", "ين"} and not head.suffix and not word.suffix


_ADJECTIVE_ENDINGS = ("ي", "ية", "يه", "يون", "يين")


def _spanning(doc: Document, actor: Actor, start: int, end: int, **more) -> Actor:
    """The actor named by the text [start, end) (its identity kept; `more` fields replaced as well)."""
    return actor.model_copy(update={"text": doc.text[start:end], "span": doc.span(start, end), **more})


def _head_start(head) -> int:
    """Where a head word joined to an actor's name begins: after a «و/ف/ب/ل» clitic (not part of the name), with
    its article."""
    return head.stem_start if set(head.prefixes) & {"و", "ف", "ب", "ل"} else head.start


def _group_adjective(doc: Document, m: Mention) -> bool:
    """«قناص حوثي», «الميليشيا الحوثية»: one word naming a known armed group as an adjective (a KB alias
    ending like a nisba) describes the role before it — that group's sniper, that group's militia."""
    return m.kind == "entity" and m.first == m.last and m.actor.sector == "armed_group" and _names_a_body(m) \
        and doc.tokens[m.first].stem.endswith(_ADJECTIVE_ENDINGS)


_PARTITIVE_FORCE = _WORDS["partitive_force"]


def _partitive_force_head(doc: Document, m: Mention, covered: set[int]) -> int | None:
    """The token of an indefinite unit noun before «من» (and a group head) and the mention m («قوة من الدعم
    السريع», «دورية من الجيش»), when no other mention holds it; else None."""
    k = m.first - 1
    if k >= 0 and doc.tokens[k].stem in _WORDS["group_head"] and not doc.tokens[k].prefixes:
        k -= 1
    if k < 1 or doc.tokens[k].stem != "من" or doc.tokens[k].prefixes:
        return None
    head = doc.tokens[k - 1]
    if head.stem not in _PARTITIVE_FORCE or "ال" in head.prefixes or head.suffix or k - 1 in covered \
            or head.sentence != doc.tokens[m.first].sentence or _punctuated(doc, k - 1, m.first):
        return None
    return k - 1


def _join_force_partitives(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«هاجمت قوة من الدعم السريع قرى», «داهمت دورية من الجيش»: a unit noun no role names, before «من» and a named
    body or a state force, is that body acting (its identity and sector; the text covers both) — the verb's
    subject right after it, not a prepositional phrase past it."""
    covered = {k for m in mentions for k in range(m.first, m.last + 1)}
    out: list[Mention] = []
    for m in mentions:
        if m.kind in ("entity", "agent") and not m.locative and m.actor.span is not None \
                and not (m.actor.kb_id or "").startswith(_PLACE_ID_PREFIXES) \
                and (h := _partitive_force_head(doc, m, covered)) is not None:
            head = doc.tokens[h]
            start = _head_start(head)
            actor = _spanning(doc, m.actor, start, m.actor.span.end)
            m = Mention(h, m.last, actor, m.kind, m.locative)
        out.append(m)
    return out


_BODY_HEADS = _WORDS["body_head"]
_BODY_ADJECTIVES = _WORDS["body_adjective"]
_BODY_ADJECTIVE_REACH = 2


def _body_name_end(doc: Document, last: int, covered: set[int]) -> int:
    """The last token of a body's name after its force word at `last`: up to two definite adjectives
    («جهاز الأمن الوطني», «مديرية الأمن العام»)."""
    end = last
    for k in range(last + 1, min(len(doc.tokens), last + 1 + _BODY_ADJECTIVE_REACH)):
        tok = doc.tokens[k]
        if k in covered or tok.sentence != doc.tokens[last].sentence or tok.prefixes != ["ال"] or tok.suffix \
                or _punctuated(doc, k - 1, k) or not (tok.stem.endswith(("ي", "يه")) or tok.stem in _BODY_ADJECTIVES):
            break
        end = k
    return end


def _join_body_heads(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«أعلن جهاز الأمن الوطني إلقاء القبض», «اعتقلت مديرية الأمن العام», «قيادة الجيش اللبناني»: an agency or
    command noun in construct before an armed force names that body; the force's text takes the head and the
    adjectives after it (its identity stays the force's)."""
    covered = {k for m in mentions for k in range(m.first, m.last + 1)}
    out: list[Mention] = []
    for m in mentions:
        h = m.first - 1
        head = doc.tokens[h] if h >= 0 else None
        if m.kind in ("agent", "entity") and m.actor.sector in _ARMED_SECTORS and head is not None and h not in covered \
                and head.stem in _BODY_HEADS and "ال" not in head.prefixes and not head.suffix \
                and "ال" in doc.tokens[m.first].prefixes and head.sentence == doc.tokens[m.first].sentence \
                and not _punctuated(doc, h, m.first) and m.actor.span is not None:
            end = _body_name_end(doc, m.last, covered)
            start = _head_start(head)
            stop = max(m.actor.span.end, doc.tokens[end].end)
            actor = _spanning(doc, m.actor, start, stop)
            m = Mention(h, max(m.last, end), actor, m.kind, m.locative)
        out.append(m)
    return out


def _partitive_min(doc: Document, m: Mention) -> int | None:
    """The token of the «من» right after a role (or after the one adjective agreeing with it: «قوات كبيرة من جيش
    الاحتلال», «عناصر مسلحة من حركة الشباب»), else None."""
    k = m.last + 1
    if k < len(doc.tokens) and m.first == m.last and doc.tokens[k].stem != "من" and not doc.tokens[k].prefixes \
            and not doc.tokens[k].suffix and len(doc.tokens[k].stem) > 4 and "ال" not in doc.tokens[m.last].prefixes \
            and _agrees_with(doc.tokens[m.last], doc.tokens[k]) and not _punctuated(doc, m.last, k) \
            and doc.tokens[k].stem not in _WORDS["another"]:
        k += 1
    if k >= len(doc.tokens) or doc.tokens[k].stem != "من" or doc.tokens[k].prefixes \
            or doc.tokens[k].sentence != doc.tokens[m.last].sentence:
        return None
    return k


def _join_partitives(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«مسلحون من حركة الشباب», «عناصر من الجيش السوري», «عناصر من تنظيم داعش»: a generic agent or victim noun
    followed by «من» (and a group head word) and a named body is that body (its identity and sector; the span covers both)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        of = _partitive_min(doc, prev) if prev is not None else None
        if prev is not None and of is not None and prev.kind in ("agent", "victim") and m.kind == "entity" \
                and (m.first == of + 1 or m.first == of + 2
                     and doc.tokens[of + 1].stem in _WORDS["group_head"]
                     and not doc.tokens[of + 1].prefixes) \
                and m.actor.kb_id and not m.actor.kb_id.startswith(("agent.", *_PLACE_ID_PREFIXES)) \
                and prev.actor.span is not None and m.actor.span is not None:
            start = prev.actor.span.start
            actor = _spanning(doc, m.actor, start, m.actor.span.end)
            # «عناصر من داعش» after «شنه» acts; after «مقتل» it is hit: a victim noun keeps its kind
            out[-1] = Mention(prev.first, m.last, actor, "victim" if prev.kind == "victim" else "entity", m.locative)
            continue
        out.append(m)
    return out


_GENITIVE_NAME_REACH = 4    # «أنصار الحراك الشعبي الجزائري»: the words of a name the KB does not know
_GENITIVE_HEADS = _WORDS["force_head"] | _WORDS["group_head"] | _WORDS["supporter_head"]


def _unnamed_genitive_end(doc: Document, head: int, covered: dict[int, Mention]) -> int | None:
    """The last token of the name in construct after a force, group or supporters noun at token `head`: a run of
    definite words no mention covers but a nisba («الحراك الشعبي الجزائري»); None when no such name follows."""
    tokens = doc.tokens
    k = head + 1
    if k >= len(tokens) or tokens[k].sentence != tokens[head].sentence:
        return None
    end = None
    for j in range(k, min(len(tokens), k + _GENITIVE_NAME_REACH)):
        tok = tokens[j]
        if tok.sentence != tokens[head].sentence or tok.prefixes != ["ال"] or tok.suffix \
                or doc.text[tokens[j - 1].end:tok.start].strip() \
                or j in covered and covered[j].kind != "nisba" or tok.stem in _LOCATIVE or tok.stem in _PLACE_HEADS:
            break
        end = j
    if end is None or all(j in covered for j in range(k, end + 1)):
        return None
    return end


def _join_unnamed_genitives(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«أنصار الحراك الشعبي الجزائري», «تعزيزات تابعة لقوات الوفاق الليبية»: a force,
    group or supporters noun in construct with a name the KB does not know is that named body: its words join
    the actor's text (the identity stays the generic noun's)."""
    covered = {k: m for m in mentions for k in range(m.first, m.last + 1)}
    out: list[Mention] = []
    for m in mentions:
        head = doc.tokens[m.last]
        if (m.kind == "agent" or m.kind == "victim" and head.stem in _WORDS["supporter_head"]) and m.first == m.last \
                and head.stem in _GENITIVE_HEADS and "ال" not in head.prefixes \
                and not head.suffix and m.actor.span is not None \
                and (end := _unnamed_genitive_end(doc, m.last, covered)) is not None:
            stop = doc.tokens[end].end
            actor = _spanning(doc, m.actor, m.actor.span.start, stop)
            out.append(Mention(m.first, end, actor, m.kind, m.locative))
            continue
        out.append(m)
    return out


def _names_a_body(m: Mention) -> bool:
    """A mention the KB names as a body (not a generic agent): «عناصر من جهاز الردع» is the Radaa force even under
    its victim noun, «امرأة» in «بينهم امرأة» is no one's side."""
    return bool(m.actor.kb_id) and not m.actor.kb_id.startswith("agent.")


def _join_force_heads(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«قوات الحكومة السورية», «عناصر حزب الله», «مقاتلو هيئة تحرير الشام»: a force noun in construct right
    before a named body (maybe in quotation marks: «لقوات "اللواء السابع"») makes one actor, the body's forces
    (identity and sector stay the body's)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        head = doc.tokens[m.first - 1] if m.first > 0 else None
        # «قصف لقوات المعارضة السورية»: a definite agent of the KB in construct after the agent layer's bare
        # «قوات» is the genitive of the same force noun
        genitive_agent = m.kind == "agent" and m.actor.kb_id is not None and "ال" in doc.tokens[m.first].prefixes \
            and prev is not None and prev.kind == "agent" and prev.first == prev.last == m.first - 1
        # «وقصفت طائرات الاحتلال», «مدفعية الجيش السوداني», «في قصف لطيران التحالف»: a force noun no mention holds
        # (maybe with «ل/ب» on it), in construct before a definite state force of the agent layer, is that force's
        # arm (its head noun belongs to the actor's name)
        genitive_agent = genitive_agent or m.kind == "agent" and m.actor.kb_id is not None \
            and m.actor.sector in _ARMED_SECTORS and "ال" in doc.tokens[m.first].prefixes \
            and (prev is None or prev.last < m.first - 1) and head is not None and set(head.prefixes) <= {"و", "ف", "ل", "ب"}
        if (m.kind == "entity" or genitive_agent) and head is not None and head.stem in _WORDS["force_head"] \
                and "ال" not in head.prefixes and head.sentence == doc.tokens[m.first].sentence \
                and not doc.text[head.end:doc.tokens[m.first].start].strip(_NAME_QUOTES) and m.actor.span is not None:
            start = _head_start(head)
            actor = _spanning(doc, m.actor, start, m.actor.span.end)
            if prev is not None and prev.first == prev.last == m.first - 1:
                out.pop()           # the agent layer's bare «قوات» is part of this mention
            m = Mention(m.first - 1, m.last, actor, m.kind, m.locative)
        elif m.kind == "entity" and prev is not None and prev.last == m.first - 1 and m.actor.span is not None \
                and prev.actor.kb_id == "agent.supporter" and prev.actor.span is not None \
                and not doc.text[doc.tokens[prev.last].end:doc.tokens[m.first].start].strip(' "«»“”'):
            # «أنصار «جبهة الخلاص الوطني»», «مؤيدو الرئيس»: the supporters of a named body, a crowd of their own
            out.pop()
            actor = _spanning(doc, prev.actor, prev.actor.span.start, m.actor.span.end,
                              name_en=f"supporters of {m.actor.name_en or m.actor.text}")
            m = Mention(prev.first, m.last, actor, prev.kind, prev.locative)
        out.append(m)
    return out


_DATELINE_REACH_CHARS = 40


def _opens_a_dateline(doc: Document, e: Entity) -> bool:
    """«مقديشو 14 ديسمبر 2017 (وال)- قتل ...», «طهران - PNN -»: a place opening its line and followed shortly
    by a dash or a colon is where the report was filed, not an actor."""
    if e.type not in ("GPE", "LOC"):
        return False
    line_start = doc.text.rfind("\n", 0, e.span.start) + 1
    if doc.text[line_start:e.span.start].strip():
        return False
    after = doc.text[e.span.end:e.span.end + _DATELINE_REACH_CHARS]
    cut = min((after.find(ch) for ch in "-–—:" if ch in after), default=-1)
    return cut >= 0 and not any(ch in after[:cut] for ch in ".،")


def _naming_people(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """The mentions whose span is a PERSON entity's."""
    people = person_spans(doc.entities)     # once per document, not per trigger (issue 16)
    return [m for m in mentions if m.actor.span is not None
            and (m.actor.span.start, m.actor.span.end) in people]


@lru_cache(maxsize=1)
def _person_titles() -> frozenset[str]:
    """The titles of data/person_titles.txt as token stems (read here, not through the entities stage)."""
    text = resources.files("rasd.extract").joinpath("data/person_titles.txt").read_text(encoding="utf-8")
    return frozenset(normalize_for_match(l.strip()) for l in text.splitlines() if l.strip() and not l.startswith("#"))


def _drop_titles_of_people(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«وزير الصحة العامة فراس الأبيض»: a role word right before a named person is that person's title
    («القوات الموالية للرئيس الأسد» are not: a person after «ل/ب», or after a title with «ل» right after the
    agent — «للرئيس السوري بشار الأسد», the entity span leaving the title out — is what the agent belongs to)."""
    people = [m for m in _naming_people(doc, mentions) if m.kind == "entity"]
    keep = []
    # «نائب رئيس مجلس السيادة القائد "مالك عقار"»: the body named inside a person's title chain is the title's
    chains = [(m.last, p.first) for m in mentions for p in people if m.kind == "agent" and _title_chain(doc, m.last, p.first)]
    mentions = [m for m in mentions if not any(a < m.first and m.last < b for a, b in chains)]
    for m in mentions:
        # a sound plural («مسلحون اغتالوا عمار عرفة») is many people, never one person's title
        plural = doc.tokens[m.last].text.endswith(("ون", "ين")) and not doc.tokens[m.last].suffix
        if m.kind == "agent" and not plural and not _body_acting_on(doc, m) and any((0 < p.first - m.last <= 4 and not _punctuated(doc, m.last, p.first)
                                                     or _title_chain(doc, m.last, p.first))
                                     and not {"ل", "ب"} & set(doc.tokens[p.first].prefixes)
                                     and not (p.first - m.last > 1 and "ل" in doc.tokens[m.last + 1].prefixes
                                              and doc.tokens[m.last + 1].stem in _person_titles())
                                     for p in people):
            continue
        keep.append(m)
    return keep


_DEATH_NOUNS = _WORDS["death_noun"]
_COLLECTIVE_BODIES = ROLES["collective_bodies"]
_ARREST_NOUNS = _WORDS["arrest_noun"]


def _body_acting_on(doc: Document, m: Mention) -> bool:
    """«وبعيد توقيف الأمن التونسي الدهماني»: a whole body (the security forces, the army) right after a noun that
    is no title («توقيف», not «قائد») is the genitive doer of that act, and the person after it whom it struck
    — not a title of the person («قائد الجيش الفريق البرهان»)."""
    if m.actor.kb_id not in _COLLECTIVE_BODIES or m.first == 0:
        return False
    prev = doc.tokens[m.first - 1]
    if prev.sentence != doc.tokens[m.first].sentence or prev.suffix or prev.stem in _person_titles() \
            or _punctuated(doc, m.first - 1, m.first):
        return False
    # «اعتقلت السلطات المصرية الناشط علاء»: a feminine perfect verb right before the body is its subject's verb
    return not prev.prefixes and prev.stem in _ACTS_OF_FORCE | _ARREST_NOUNS \
        or not set(prev.prefixes) - {"و", "ف"} and len(prev.stem) >= 4 and prev.stem.endswith("ت")
_TITLE_CHAIN_REACH = 6     # «نائب رئيس مجلس السيادة القائد "مالك عقار"»: words from a role to the name it titles
_NAME_QUOTES = "\"«»“” "


def _title_chain(doc: Document, last: int, first: int) -> bool:
    """«نائب رئيس مجلس السيادة القائد "مالك عقار"»: a role heading a chain of bare or definite nouns (no «و»,
    no preposition, no verb sign) that runs into a person's name, maybe in quotes, is the person's title."""
    if not 4 < first - last <= _TITLE_CHAIN_REACH:
        return False
    if any(ch not in _NAME_QUOTES for ch in doc.text[doc.tokens[first - 1].end:doc.tokens[first].start]):
        return False
    return all(doc.tokens[k].prefixes in ([], ["ال"]) and len(doc.tokens[k].stem) > 2
               and normalize_for_match(doc.tokens[k].text) not in _CHAIN_BREAKERS and not _punctuated(doc, k - 1, k)
               for k in range(last + 1, first))


_CHAIN_BREAKERS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "قال", "قالت", "اكد", "اكدت", "ان", "اليوم",
                             "امس", "خلال", "بعد", "قبل", "عند", "لدى", "الى", "على", "عن", "مع", "منذ", "حيث"})


def _punctuated(doc: Document, a: int, b: int) -> bool:
    return any(ch in ".،,؛:«»\"()" for ch in doc.text[doc.tokens[a].end:doc.tokens[b].start])


def _roles_of_named_groups(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«المتمردون الحوثيون», «الميليشيات الحوثية»: a role whose span ends in a known armed group written as its
    adjective is that group acting (the group's identity, the role's words in its text)."""
    out = []
    for m in mentions:
        group = next((g for g in mentions if g is not m and _group_adjective(doc, g) and g.last == m.last
                      and m.first < g.first), None) if m.kind == "agent" else None
        if group is not None:
            actor = group.actor.model_copy(update={"text": m.actor.text, "span": m.actor.span})
            m = Mention(m.first, m.last, actor, "entity", m.locative)
        out.append(m)
    return out


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    keep: list[Mention] = []
    for m in mentions:
        if any(o is not m and o.first <= m.first and m.last <= o.last and (o.last - o.first) > (m.last - m.first)
               for o in mentions):
            continue
        if keep and keep[-1].first == m.first and keep[-1].last == m.last:
            continue
        keep.append(m)
    return keep


_AGENT_MARKERS = _WORDS["agent_marker"]
_ACTS_OF_FORCE = _WORDS["act_of_force"]


_ATTACK_NOUNS = _WORDS["attack_noun"]


_TARGET_MARKERS = _WORDS["target_marker"]
_TARGETING = _WORDS["targeting"]


def _governed_by(doc: Document, m: Mention, words: frozenset[str]) -> bool:
    return _governed_by_token(doc, m.first, words)


def _governed_by_token(doc: Document, first: int, words: frozenset[str]) -> bool:
    if first == 0:
        return False
    prev = doc.tokens[first - 1]
    return prev.stem in words or prev.stem + prev.suffix in words     # «شنته» = شنت + ه


_COUNTERPART_REACH = 3     # «مع نظيره السوري فيصل المقداد»: a nisba or a title between the marker and the name


def _named_after_a_counterpart(doc: Document, first: int) -> bool:
    """«وفي اتصال مع نظيره السوري فيصل المقداد»: a name after «مع»/«نظيره» and the definite adjectives or titles
    that qualify it is the other side (the marker right before the name is `_governed_by`'s)."""
    for k in range(first - 2, max(-1, first - 2 - _COUNTERPART_REACH), -1):
        between = doc.tokens[k + 1]
        if between.sentence != doc.tokens[first].sentence or _punctuated(doc, k, k + 1) \
                or not ("ال" in between.prefixes and between.stem.endswith(("ي", "يه", "ية"))
                        or normalize_for_match(between.stem) in _person_titles()):
            return False
        if _governed_by_token(doc, k + 1, _COUNTERPARTS):
            return True
    return False


_COUNTERPARTS = frozenset({"مع", "نظيره", "نظيرته", "نظيريه"})


_LIGHT_VERB_RULE = LemmaRule("شن", "verb", (("type", "ASSAULT"), ("strength", "strong")))


def passive_prone(doc: Document, match: LemmaMatch) -> bool:
    """A casualty verb or noun («قتل», «أصيب», «مقتل»), an explosion or an exploding device («انفجار سيارة
    مفخخة»), or a verb written in the passive («اغتيل», «هوجم»): its subject is rarely the attacker."""
    return match.rule.get("strength") == "casualty" or match.rule.lemma.split("|")[0] in _CASUALTY_LEMMAS \
        or written_passive(doc, match)


def written_passive(doc: Document, match: LemmaMatch) -> bool:
    """«الذي اغتيل قرب منزله», «هوجمت الدورية»: a verb whose letters show the passive (hollow form VIII, form
    III; triggers.passive_stem) has the one it struck as its subject."""
    if match.rule.pos not in ("verb", "perfect") or match.rule.reads_as_noun(doc.tokens[match.first]):
        return False
    passive = _passive_of(match.rule.lemma)
    return passive is not None and normalize_for_match(doc.tokens[match.first].stem).startswith(passive)


@lru_cache(maxsize=4096)
def _passive_of(lemma: str) -> str | None:
    # (per rule lemma, not per question: ~200 an article; issue 16)
    return passive_stem(normalize_for_match(lemma.split("|")[0]))


_CASUALTY_LEMMAS = ROLES["agentless_lemmas"]
_MARTYRDOM_LEMMAS = ROLES["martyrdom_lemmas"]
_UNDERGOER_LEMMAS = ROLES["undergoer_lemmas"]
_DAMMA = "\u064f"


def subject_is_hit(doc: Document, match: LemmaMatch) -> bool:
    """A verb whose grammatical subject is the one hit: «أصيب», «استشهد», «لقي مصرعه», and a casualty verb
    voweled as a passive («قُتل قيادي»)."""
    if match.rule.pos not in ("verb", "phrase") or match.rule.reads_as_noun(doc.tokens[match.first]):
        return False
    lemma = match.rule.lemma.split("|")[0]
    if lemma in _UNDERGOER_LEMMAS or written_passive(doc, match):
        return True
    text = doc.tokens[match.first].text.lstrip("وف")
    return lemma in _CASUALTY_LEMMAS and len(text) > 1 and text[1] == _DAMMA


_PROTESTER_AGENTS = ROLES["protester_agents"]


def is_protester(m: Mention) -> bool:
    """A protester mention: an agent the roles file names as protesters, or a crowd read as «protesters»."""
    return m.actor.kb_id in _PROTESTER_AGENTS or m.actor.name_en == "protesters"


_VSO_REACH = 5      # «تظاهر أمس الأحد مئات من أنصار ...»: the subject may follow a time phrase


_ARMED_SECTORS = ROLES["armed_sectors"]
_NON_PROTESTING = ROLES["non_protesting_sectors"]




_AGENT_MARKER_REACH = 10     # «مقتل 12 جنديا في شمال غرب البلاد بكمين مسلح نصبته حركة طالبان»
_CASUALTY_AGENT_REACH = 16   # a casualty word's victims may run long: «قتل عضو ... و3 من مرافقيه في كمين نصبه مسلحون»


def _agent_phrase(doc: Document, last: int, after: list[Mention], targets: list[Mention],
                  noun_trigger: bool = True, reach: int = _AGENT_MARKER_REACH) -> Mention | None:
    """«هجوم قاده مسلحون», «على يد مسلحين», «ونسب لتنظيم داعش» (an explicit agent marker, first);
    then, after a noun of an act, «غارات روسية», «قصف لطائرات النظام» (a nisba or a «ل» phrase right after
    it). After a verb («استهدفت بنى تحتية للحزب») or a casualty word («مقتل عنصر أمن سوري») such a phrase
    belongs to the object or the victim."""
    marked = _marked_agent(doc, last, after, targets, reach)
    if marked is not None:
        return marked
    for m in after:
        # «أصيب شابان خلال اقتحام قوات الاحتلال»: the force in genitive of an act of force did it (after the
        # explicit markers: «بكمين مسلح نصبته حركة طالبان»)
        if m.kind in ("entity", "agent") and m not in targets and m.first - last <= reach \
                and m.actor.sector in _ARMED_SECTORS and m.first not in _counted_starts(doc) \
                and set(doc.tokens[m.first].prefixes) <= {"ل"} and _after_an_act_of_force(doc, m.first) \
                and (m.last > m.first or m.kind == "entity") and _same_clause(doc, last, m.first):
            return m

    if not noun_trigger:
        return None
    for n, m in enumerate(after):
        if m.kind == "victim" or m in targets:
            continue
        # «انسحبت القوات الموالية للرئيس»: a «ل» phrase after another actor belongs to that actor
        apart = doc.tokens[m.first - 1].stem == "ل" and not doc.tokens[m.first - 1].prefixes   # «لـ قوات النظام»
        near = m.first - last - apart <= 3 and not any(o.kind != "victim" for o in after[:n])
        lam = ("ل" in doc.tokens[m.first].prefixes or apart) and not doc.tokens[last].suffix   # «زيارته للسودان»:
        #                                          whose visit is the possessor's; the «ل» phrase is where it went
        if near and (m.kind == "nisba" or lam and _only_adjectives_between(doc, last, m.first - apart)):
            return m
    return None


def _after_an_act_of_force(doc: Document, first: int) -> bool:
    """«خلال اقتحام قوات الاحتلال», «في غارة جوية لطيران التحالف»: a noun of an armed act right before the force,
    or with one adjective of it between (a nisba: «جوية», «مدفعي»)."""
    if _governed_by_token(doc, first, _ACTS_OF_FORCE):
        return True
    k = first - 1
    if k < 1 or doc.tokens[k].sentence != doc.tokens[first].sentence or _punctuated(doc, k - 1, first):
        return False
    adjective = doc.tokens[k]
    return not set(adjective.prefixes) - {"ال"} and not adjective.suffix and adjective.stem.endswith(("ي", "يه")) \
        and _governed_by_token(doc, k, _ACTS_OF_FORCE)


_ORGANISER_MARKERS = _WORDS["organiser_marker"]
_ORGANISER_REACH = 6        # «إضراب عام في تونس، كان أعلنه»: the protest noun's adjective, its place, «كان»


def _protest_organiser(doc: Document, last: int, after: list[Mention]) -> Mention | None:
    """«إضراب عام كان أعلنه الاتحاد», «الوقفة التي نظمتها نقابة الصحفيين»: the body right after a verb that takes
    the protest back as its object pronoun, within a few words after the protest noun and in its sentence."""
    tokens = doc.tokens
    for k in range(last + 1, min(len(tokens), last + 1 + _ORGANISER_REACH)):
        tok = tokens[k]
        if tok.sentence != tokens[last].sentence:
            return None
        if tok.stem + tok.suffix in _ORGANISER_MARKERS or tok.stem in _ORGANISER_MARKERS:
            # «التي دعت إليها عدد من الأحزاب»: a vague count and its «من» before the body
            k += 2 if k + 2 < len(tokens) and tokens[k + 1].stem in _VAGUE_COUNTS | {"عدد"} \
                and tokens[k + 2].stem == "من" and not tokens[k + 2].prefixes else 0
            return next((m for m in after if 0 < m.first - k <= 2 and m.kind in ("entity", "agent")
                         and not m.locative and m.actor.sector not in _NON_PROTESTING), None)
    return None


def _marked_agent(doc: Document, last: int, after: list[Mention], targets: list[Mention],
                  reach: int = _AGENT_MARKER_REACH) -> Mention | None:
    """The actor an explicit agent marker names after the trigger («قاده مسلحون», «على يد مسلحين», «من قبل
    الجيش»), in its clause."""
    for m in after:
        # an explicit marker names the doer even when it is a civilian role («برصاص مستوطنين»); a counted
        # victim stays a victim («بقذيفة ... ثلاثة أطفال»)
        if (m.kind != "victim" or m.actor.kb_id is not None and m.first not in _counted_starts(doc)) \
                and m not in targets and m.first - last <= reach \
                and (_governed_by(doc, m, _AGENT_MARKERS) and not (_taa_marbuta_noun(doc, m.first - 1)
                                                                   and not _owns_the_act(doc, last, m.first - 1))
                     or _given_by(doc, m.first)
                     or _behind_a_force_noun(doc, m.first)) \
                and _same_clause(doc, last, m.first):
            return m
    return None


_PASSIVE_AUXILIARIES = _WORDS["passive_auxiliary"]


def _after_a_passive_auxiliary(doc: Document, i: int) -> bool:
    """«تم اعتقال», «وقد جرى توقيف», «يتم استهداف»: the verbal noun at token i is the object of a passive
    auxiliary right before it (or with «قد» between)."""
    tok = doc.tokens[i]
    for k in (i - 1, i - 2):
        if k < 0 or doc.tokens[k].sentence != tok.sentence or _punctuated(doc, k, i):
            return False
        if doc.tokens[k].stem in _PASSIVE_AUXILIARIES and not doc.tokens[k].suffix:
            return True
        if doc.tokens[k].norm not in _SVO_FILLERS:
            return False
    return False


def _only_adjectives_between(doc: Document, last: int, first: int) -> bool:
    """«قصف مدفعي وصاروخي لقوات النظام»: only adjectives of the act (nisba endings) stand between it and the
    «ل» phrase; in «استهداف تجمع لجنود إسرائيليين» the phrase belongs to the object «تجمع»."""
    return all(doc.tokens[k].stem.endswith(("ي", "يه")) for k in range(last + 1, first))


def _behind_a_force_noun(doc: Document, first: int) -> bool:
    """«قذيفة أطلقتها دبابات الاحتلال», «غارة شنتها طائرات التحالف»: a force or weapon noun stands between the
    agent marker and whose it is."""
    k = first - 1
    return k >= 1 and doc.tokens[k].stem in _OWN_FORCE and not doc.tokens[k].prefixes \
        and doc.tokens[k - 1].sentence == doc.tokens[first].sentence \
        and doc.tokens[k - 1].stem + doc.tokens[k - 1].suffix in _AGENT_MARKERS \
        and not _taa_marbuta_noun(doc, k - 1)


_GIVER_MARKERS = _WORDS["giver_marker"]


def _given_by(doc: Document, first: int) -> bool:
    """«مساعدات غذائية مقدمة من برنامج الغذاء العالمي», «قافلة مرسلة من الهلال الأحمر»: the body after a participle
    of giving and «من» is who gives."""
    return first >= 2 and doc.tokens[first - 1].stem == "من" and not doc.tokens[first - 1].prefixes \
        and doc.tokens[first - 2].stem in _GIVER_MARKERS and doc.tokens[first - 2].sentence == doc.tokens[first].sentence


def _owns_the_act(doc: Document, last: int, k: int) -> bool:
    """«تعزيزات عسكرية تابعة لقوات الوفاق»: «تابعة» (written with «ة», unlike the marker «قاده») right after the act's
    noun and its adjectives says whose act it is; after another noun («عقوبات على شخصيات تابعة للنظام») it says
    whose that noun is."""
    return doc.tokens[k].stem in _AFFILIATION_WORDS and _only_adjectives_between(doc, last, k)


def _taa_marbuta_noun(doc: Document, k: int) -> bool:
    """«قادة حركة حماس» (leaders) is written with «ة» where the marker «قاده» (led it) ends in a pronoun «ه»:
    the two fold together in matching."""
    return k >= 0 and doc.tokens[k].text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ة")


_BETWEEN_TYPES = ROLES["between_types"]


_BETWEEN_REACH = 3


def _between_pair(doc: Document, last: int, after: list[Mention]) -> tuple[Actor, Actor | None] | None:
    """«المحادثات بين X وY», «اشتباكات بين X وY»: the two sides named after «بين» right after the trigger."""
    def opened_by(m: Mention, word: str | None) -> bool:
        # the word itself, or a construct head after it («بين ممثلي الجيش», «وممثلي الدعم السريع»)
        for k in (m.first, m.first - 1):
            tok = doc.tokens[k]
            if (word is None and "و" in tok.prefixes) or (word is not None and k < m.first and tok.stem == word):
                return True
            if k == m.first and word is not None and m.first >= 2 and doc.tokens[m.first - 2].stem == word \
                    and not doc.tokens[m.first - 1].prefixes and not _punctuated(doc, m.first - 2, m.first):
                return True
        return False

    first = next((m for m in after if m.first - last <= _BETWEEN_REACH + 2
                  and (m.kind != "victim" or _names_a_body(m))
                  #   a victim noun naming a body is a side («بين عناصر من جهاز الردع و...»); «بينهم امرأة» is none
                  and opened_by(m, "بين")), None)
    if first is None:
        return None
    second = next((m for m in after if m.first > first.last and m.first - first.last <= 3
                   and opened_by(m, None)), None)
    return first.actor, second.actor if second else None


_RESULT_VERBS = _WORDS["result_verb"]


def _toll_of_a_result(doc: Document, i: int) -> bool:
    """«وأسفر عن مقتل», «أدى إلى إصابة», «خلف مقتل»: the toll noun at i is the outcome of a verb of result (its
    subject the attack, an act, not a doer: a person or a civilian named before it was not who inflicted it)."""
    tokens = doc.tokens
    k = i - 1       # the verb right before the noun («خلف مقتل», «ما أدى لمقتل»: the preposition a clitic on it) ...
    if k >= 0 and tokens[k].stem in ("عن", "الي") and not tokens[k].prefixes:
        k -= 1      # ... or before its preposition («أسفر عن مقتل», «أدى إلى إصابة»)
    return k >= 0 and tokens[k].sentence == tokens[i].sentence and tokens[k].stem in _RESULT_VERBS


_ACCUSE_VERBS = _WORDS["accuse_verb"]
_ACCUSED_REACH = 8      # «اتهمت مصادر ميدانية يمنية الجماعة الحوثية بقتل»: the accuser and the accused between


def _accused_of(doc: Document, i: int, mentions: list[Mention]) -> Mention | None:
    """The body a verb of accusing takes as its object when the trigger noun at i is what it is accused of
    («اتهم الجيش الدعم السريع بقصف»: the last actor between the verb and «بـ» + the noun, in its clause)."""
    tokens = doc.tokens
    if "ب" not in tokens[i].prefixes:
        return None
    for k in range(i - 1, max(i - 1 - _ACCUSED_REACH, -1), -1):
        if tokens[k].sentence != tokens[i].sentence or _punctuated(doc, k, k + 1) \
                or tokens[k].stem in _CLAUSE_BREAKS or tokens[k].stem in _COMPLEMENTIZERS:
            return None
        if tokens[k].stem in _ACCUSE_VERBS and not set(tokens[k].prefixes) - {"و", "ف"}:
            between = [m for m in mentions if k < m.first and m.last < i and m.kind in ("entity", "agent")
                       and not m.locative]
            # (with one actor only, it may be the accuser: «اتهم الجيش بقتل» has the accused unnamed)
            return between[-1] if len(between) >= 2 or between and tokens[k].suffix else \
                (between[-1] if between and _subject_of_accusing_before(doc, k, mentions) else None)
    return None


def _subject_of_accusing_before(doc: Document, k: int, mentions: list[Mention]) -> bool:
    """Whether the verb of accusing at k has its subject before it or unnamed (SVO, or a subject not read as an
    actor: «اتهمت مصادر ميدانية ...»), so that the one actor after it is its object."""
    nxt = k + 1
    return any(m.last < k and k - m.last <= 2 for m in mentions if m.kind in ("entity", "agent")) or (
        nxt < len(doc.tokens) and not any(m.first == nxt for m in mentions))


_TWO_SIDES = frozenset({"طرفين", "جانبين"})
_SIDES_REACH_SENTENCES = 6      # how far back the pair «بين X وY» that «الطرفين» points to may stand


def _between_the_two_sides(doc: Document, last: int) -> bool:
    """«اشتباكات بين الطرفين», «المواجهات الدائرة بين الجانبين»: «بين» and «الطرفين/الجانبين» after the trigger (an
    adjective may stand between), pointing back to the two sides named before."""
    for k in range(last + 1, min(len(doc.tokens) - 1, last + 3)):
        if doc.tokens[k].sentence != doc.tokens[last].sentence or _punctuated(doc, k - 1, k):
            return False
        if doc.tokens[k].stem == "بين":
            nxt = doc.tokens[k + 1]
            return nxt.prefixes == ["ال"] and nxt.stem in _TWO_SIDES and nxt.sentence == doc.tokens[k].sentence
    return False


def _sides_named_before(doc: Document, i: int) -> tuple[Actor, Actor | None] | None:
    """The latest two sides named after «بين» in the sentences before token i (both of them), else None."""
    tokens = doc.tokens
    here = tokens[i].sentence
    for k in range(i - 1, 0, -1):
        sentence = tokens[k].sentence
        if here - sentence > _SIDES_REACH_SENTENCES:
            return None
        if tokens[k].stem != "بين" or k + 1 >= len(tokens) or tokens[k + 1].stem in _TWO_SIDES or sentence == here:
            continue
        lo, hi = sentence_token_range(tokens, sentence)     # (by the index, not a scan out from k)
        after = [m for m in sentence_mentions(doc, sentence, lo, hi) if m.first > k and not m.locative
                 and m.kind in ("entity", "agent")]
        pair = _between_pair(doc, k - 1, after)
        if pair is not None and pair[1] is not None:
            return pair
    return None


def _same_clause(doc: Document, a: int, b: int) -> bool:
    """No full stop, semicolon or clause-opening «فيما/بينما» between tokens a and b."""
    if any(ch in ".؛;" for ch in doc.text[doc.tokens[a].end:doc.tokens[b].start]):
        return False
    return not any(t.stem in _CLAUSE_BREAKS for t in doc.tokens[a + 1:b])


def _prepositional(doc: Document, first: int) -> bool:
    """«مقاتلات روسية، تقاتل دعماً للنظام السوري، قد شنت الغارة»: a name with a preposition's clitic («بـ/لـ/كـ») is
    governed by it, never the subject of the verb after it."""
    return bool(set(doc.tokens[first].prefixes) & _CLITIC_PREPOSITIONS)


def _subject_before(doc: Document, i: int, before: list[Mention], first_named: bool = False,
                    cross_complementizer: bool = False) -> Mention | None:
    """The actor before the trigger that is its subject, not across «إن/أن» — unless the complementizer
    carries the subject's pronoun («قالت الوزارة إنها نشرت»), which points back to the speaker.
    For a verb, the nearest one (SVO); for a noun or participle, the clause's subject: the first named one
    («تعهد بوتين ونظيره ... لسيطرة الأسد ... خلال محادثة هاتفية» is Putin's call, not Assad's)."""
    tokens = doc.tokens
    lo = max(0, i - 60)
    floor = -1 if cross_complementizer else max(
        (k for k in range(lo, i) if tokens[k].stem in _COMPLEMENTIZERS and not tokens[k].suffix
         and tokens[k].sentence == tokens[i].sentence), default=-1)
    reach = 40 if first_named else 14
    # (never the body after «التابعة ل»: «جماعة ...، التابعة لتنظيم القاعدة» names whom the subject belongs to)
    named = [m for m in before if m.kind in ("entity", "agent") and i - m.last <= reach and m.first > floor
             and not (m.first > 0 and tokens[m.first - 1].stem in _AFFILIATION_WORDS)
             # (but «تصدت السرايا لقوات الاحتلال أثناء توغلها»: a pronoun on the trigger may point to any noun)
             and (first_named or tokens[i].suffix or not _prepositional(doc, m.first))]
    quoted = _quote_around(doc, tokens[i].start)
    if quoted is not None:
        # «وأوضح بصل "نقل شهيدان ... جراء قصف"»: who speaks is not the subject of what the quote tells
        named = [m for m in named if quoted[0] <= tokens[m.first].start < quoted[1]]
    pool = _people_first(doc, named)
    if not pool:
        return None
    chosen = pool[0] if first_named else pool[-1]
    pronoun_at = next((k for k in range(i - 1, chosen.last, -1) if tokens[k].stem in _COMPLEMENTIZERS
                       and tokens[k].suffix), None)
    if pronoun_at is not None and any(tokens[k].stem in _ATTACK_NOUNS for k in range(chosen.last + 1, pronoun_at)):
        # «وأكد المحافظ الهجوم، موضحا أنه استهدف أفرادا»: the pronoun is the attack named after the speaker
        return None
    return chosen


def _quote_around(doc: Document, offset: int) -> tuple[int, int] | None:
    """The inner span of the quotation (words someone said) that holds `offset`, if any."""
    if doc.attributions is None:
        return None
    marks = doc.attributions.marks            # by span index, not a scan of every mark per question (issue 16)
    for mark in span_index(marks, _inner, "event_actors:marks").overlapping(offset, offset + 1):
        start, end = mark.inner
        if mark.speech and start <= offset < end:
            return start, end
    return None


def _inner(mark) -> tuple[int, int]:
    return mark.inner


def _people_first(doc: Document, named: list[Mention]) -> list[Mention]:
    """The mentions that are people or bodies with a known sector (a person, «الجيش», «وزارة الخارجية»),
    or all of them when there are none: a capital or an unknown name is a weaker subject."""
    persons = _naming_people(doc, named)
    people = [m for m in named if m.kind == "agent" or m.actor.sector not in (None, "media") or m in persons]
    return people or named


def _previous_subject(doc: Document, i: int, anaphoric: bool = False) -> Mention | None:
    """«ودعت في بيان ... إلى»: a verb opening its sentence with no subject takes the previous sentence's.
    With an anaphoric subject («ورحّب سموه», «وبحث الجانبان») the verb may stand anywhere in its sentence, and
    the actor is looked for up to three sentences back («كما تبادل الجانبان ...» names no one)."""
    tokens = doc.tokens
    sentence = tokens[i].sentence
    # «فيما اقتحمت مدينة الخليل»: a clause-opening connective before the verb still leaves it opening its sentence
    opener = i - 1 if i >= 1 and tokens[i - 1].stem in _CLAUSE_BREAKS else i
    starts_sentence = opener == 0 or tokens[opener - 1].sentence != sentence
    if not (starts_sentence or anaphoric) or sentence == 0:
        return None
    for back in range(1, 4 if anaphoric else 2):
        if sentence - back < 0:
            break
        sent = doc.sentences[sentence - back]
        lo = next((k for k in range(i - 1, -1, -1) if tokens[k].start < sent.start), -1) + 1
        hi = next((k for k in range(lo, i) if tokens[k].start >= sent.end), i)
        if anaphoric and any(_is_anaphoric(t) for t in tokens[lo:hi]):
            continue    # «كما تبادل الجانبان ... سوريا ولبنان»: its own subject points further back
        prev = sentence_mentions(doc, sentence - back, lo, hi)
        named = [m for m in prev if m.kind in ("entity", "agent") and not m.locative]
        if named:
            return _people_first(doc, named)[0] if anaphoric else named[0]
    return None


def _anaphoric_subject(doc: Document, last: int) -> bool:
    """«ورحّب سموه», «وبحث الجانبان»: the word after the verb is its subject and points back at an earlier actor."""
    if last + 1 >= len(doc.tokens):
        return False
    tok = doc.tokens[last + 1]
    return tok.sentence == doc.tokens[last].sentence and _is_anaphoric(tok)


def _is_anaphoric(tok) -> bool:
    """«سموه», «معاليه», «الجانبان» (data/event_words.tsv, anaphoric_subject)."""
    return normalize_for_match(tok.stem + tok.suffix) in _WORDS["anaphoric_subject"]


_SVO_FILLERS = _WORDS["svo_filler"]


def _gap_words(doc: Document, a: int, b: int) -> int:
    """Words between token a and token b, not counting «قد»; punctuation makes the gap unbridgeable."""
    if any(ch in ".،,؛:«»\"()" for ch in doc.text[doc.tokens[a].end:doc.tokens[b].start]):
        return 99
    return sum(1 for t in doc.tokens[a + 1:b] if t.norm not in _SVO_FILLERS)


@lru_cache(maxsize=1)
def _unnamed_protesters() -> Actor | None:
    """«حيث تظاهر العشرات»: as ACLED codes a crowd nobody names, the protest's actor is «protesters»
    (the KB's agent row, with no span: inferred, not read)."""
    agent = load_kb().actors.agents.get("agent.protester")
    if agent is None:
        return None
    return Actor(text=agent.plural.split("|")[0] or agent.aliases_ar[0], name_en=agent.name_en + "s",
                 kb_id=agent.id, sector=agent.sector)


# the known multi-word agents by their first word, once per document: _fuller_mention normalised every agent
# per trigger (quadratic in article length; issue 16)
_HEADS: list = [None, -1, None]


def _agents_by_head(agents: list[Entity]) -> dict[str, list[Entity]]:
    if not (_HEADS[0] is agents and _HEADS[1] == len(agents)):
        heads: dict[str, list[Entity]] = {}
        for a in agents:
            if a.kb_id is not None and len(a.text.split()) > 1:
                heads.setdefault(normalize_for_match(a.text.split()[0]), []).append(a)
        _HEADS[:] = [agents, len(agents), heads]
    return _HEADS[2]


def _fuller_mention(doc: Document, actor: Actor | None) -> Actor | None:
    """«القوات ألقت القبض»: a bare head noun stands for the fuller mention told before it («القوات الأمنية»);
    an office in construct with a place is that place's office («والي تونس», «محافظ البصرة»)."""
    if actor is not None and actor.span is not None and (office := _titled_place(doc, actor)) is not None:
        return office
    if actor is not None and actor.span is not None and (craft := _nisba_with_its_head(doc, actor)) is not None:
        return craft
    if actor is not None and actor.span is not None and actor.kb_id in _OFFICE_HEADS:
        office = (_office_in_construct(doc, actor) if len(actor.text.split()) == 1 else None) or actor
        return _holder_of_office(doc, office) or office
    if actor is None or actor.span is None or actor.kb_id is None or len(actor.text.split()) != 1:
        return actor
    if actor.sector == "government" and (office := _office_of_a_place(doc, actor)) is not None:
        return office
    head = normalize_for_match(actor.text)
    earlier = [a for a in _agents_by_head(doc.agents).get(head, ()) if a.span.end <= actor.span.start]
    if not earlier:
        return actor
    return _actor_from_entity(earlier[-1])


_OFFICE_HEADS = frozenset({"agent.minister"})
_OFFICE_RANKS = frozenset({"رييس", "رييسه"})


def _office_in_construct(doc: Document, actor: Actor) -> Actor | None:
    """«وزير الخارجية يبحث», «رئيس الوزراء يستقبل»: a minister's word in construct with its portfolio, or «الوزراء»
    after «رئيس», names the office (its words), not any minister."""
    idx = doc.token_range(actor.span.start, actor.span.end) if actor.span is not None else None
    if idx is None or idx[0] != idx[1]:
        return None
    k = idx[0]
    tok = doc.tokens[k]
    if not tok.prefixes and not tok.suffix and k + 1 < len(doc.tokens) and doc.tokens[k + 1].prefixes == ["ال"] \
            and doc.tokens[k + 1].sentence == tok.sentence and not _punctuated(doc, k, k + 1):
        start, end = actor.span.start, doc.tokens[k + 1].end          # «وزير الخارجية»
    elif tok.prefixes == ["ال"] and k > 0 and doc.tokens[k - 1].stem in _OFFICE_RANKS and not doc.tokens[k - 1].suffix \
            and doc.tokens[k - 1].sentence == tok.sentence and not _punctuated(doc, k - 1, k):
        prev = doc.tokens[k - 1]
        start, end = prev.start + sum(len(p) for p in prev.prefixes), actor.span.end    # «رئيس الوزراء»
        return _spanning(doc, actor, start, end, name_en="prime minister")
    else:
        return None
    return _spanning(doc, actor, start, end)


_HOLDER_TITLE_REACH = 6     # «بحث وزير الخارجية وشؤون المغتربين الدكتور شائع محسن الزنداني»: title words before a name
_APPOSED_TITLE_REACH = 4    # «الدكتور مصطفى مدبولي، رئيس الوزراء المصري،»: title words after a name and a comma


def _office_words(doc: Document, actor: Actor) -> frozenset[str]:
    """The stems of an office's words («وزير الخارجية» → وزير, خارجيه; «الوزير التركي» → وزير, تركي)."""
    assert actor.span is not None
    rng = doc.token_range(actor.span.start, actor.span.end)
    return frozenset(doc.tokens[k].stem for k in range(rng[0], rng[1] + 1)) if rng is not None else frozenset()


def _titles_beside(doc: Document, first: int, last: int) -> set[str]:
    """The stems of the title words a person's name at tokens first..last stands with: the unpunctuated run of
    nouns before it (no clause word, no preposition, no second title after «و»), and the words set off by a comma
    right after it."""
    tokens = doc.tokens
    words = set()
    for k in range(first - 1, max(-1, first - 1 - _HOLDER_TITLE_REACH), -1):
        tok = tokens[k]
        if tok.sentence != tokens[first].sentence or _punctuated(doc, k, k + 1) \
                or normalize_for_match(tok.text) in _CHAIN_BREAKERS or set(tok.prefixes) - {"ال", "و"} \
                or "و" in tok.prefixes and "ال" + tok.stem in _person_titles():
            break
        words.add(tok.stem)
    k = last + 1
    if k < len(tokens) and doc.text[tokens[last].end:tokens[k].start].strip() in ("،", ","):
        for j in range(k, min(len(tokens), k + _APPOSED_TITLE_REACH)):
            if tokens[j].sentence != tokens[last].sentence or set(tokens[j].prefixes) - {"ال"} \
                    or j > k and _punctuated(doc, j - 1, j):
                break
            words.add(tokens[j].stem)
    return words


def _holder_of_office(doc: Document, office: Actor) -> Actor | None:
    """«وزير الخارجية يبحث مع نظيره»، «ويختم الوزير التركي زيارته»: an office of two words or more named as the
    actor is the person the article names with that title («وزير الخارجية وشؤون المغتربين الدكتور شائع محسن
    الزنداني», «وزير الخارجية التركي مولود جاويش أوغلو», «مصطفى مدبولي، رئيس الوزراء المصري») — the first such
    person told. The office's words stay its text; the person gives its identity."""
    assert office.span is not None
    words = _office_words(doc, office)
    if len(words) < 2:
        return None
    for e in doc.entities:
        if e.type != "PERSON" or e.span.start < office.span.end and office.span.start < e.span.end:
            continue
        rng = doc.token_range(e.span.start, e.span.end)
        if rng is not None and words <= _titles_beside(doc, *rng):
            return office.model_copy(update={"name_en": e.name_en, "kb_id": e.kb_id, "canonical": e.canonical or e.text,
                                             "sector": e.sector or office.sector, "country": e.country or office.country})
    return None


_PLACE_OFFICES = _WORDS["place_office"]
_NISBA_HEADS = _WORDS["nisba_head"]
_NISBA_HEAD_MODIFIERS = _WORDS["nisba_head_modifier"]
_NISBA_HEAD_REACH = 3       # «طائرة دون طيار أمريكية»: the craft noun and the words qualifying it before the nisba
_PILOTLESS = ("دون", "طيار")      # «طائرة أمريكية بدون طيار», «... من دون طيار»


def _is_bare_nisba(doc: Document, actor: Actor) -> bool:
    """The actor is a nisba adjective read alone («إسرائيلية»), as the agents layer found it."""
    assert actor.span is not None
    return (actor.kb_id or "").startswith("cc:") and any(
        a.source == "nisba" and a.span.start == actor.span.start and a.span.end == actor.span.end
        for a in span_index(doc.agents, span_of, "event_actors:agents")
        .overlapping(actor.span.start, actor.span.end))


def _modifier_prefixes(tok) -> bool:
    """A word inside the craft's noun phrase carries no clitic but the article («بدون» in «طائرة بدون طيار»)."""
    return set(tok.prefixes) <= {"ال"} or tok.stem == "دون" and tok.prefixes == ["ب"]


def _nisba_with_its_head(doc: Document, actor: Actor) -> Actor | None:
    """«بضربة لطائرة أمريكية بدون طيار», «شنتها طائرة مسيرة إسرائيلية», «وصلت وفود فلسطينية»: a nisba read as
    the actor qualifies the noun of a craft, a unit or a delegation right before it (same definiteness, no
    punctuation): the actor is that noun phrase — the drone, the delegations — of the nisba's country."""
    if not _is_bare_nisba(doc, actor):
        return None
    assert actor.span is not None
    rng = doc.token_range(actor.span.start, actor.span.end)
    found = _nisba_head_span(doc, *rng) if rng is not None else None
    if found is None:
        return None
    return _spanning(doc, actor, found[0], found[1])


def _nisba_head_span(doc: Document, first: int, last: int) -> tuple[int, int] | None:
    """Character span of the noun phrase a nisba at tokens first..last qualifies, head noun first (see
    `_nisba_with_its_head`); None when no craft, unit or delegation noun stands right before it."""
    tokens = doc.tokens
    definite = "ال" in tokens[first].prefixes
    head = None
    for k in range(first - 1, max(-1, first - 1 - _NISBA_HEAD_REACH), -1):
        tok = tokens[k]
        if tok.sentence != tokens[first].sentence or _punctuated(doc, k, k + 1) \
                or ("ال" in tok.prefixes) != definite:
            break
        if k + 1 < first and not _modifier_prefixes(tokens[k + 1]):
            break       # «بطائرات ومروحيات»: a clitic on the word after opens another phrase
        if tok.stem in _NISBA_HEADS:
            head = k
        elif tok.stem not in _NISBA_HEAD_MODIFIERS:
            break
    if head is None or head > 0 and tokens[head - 1].sentence == tokens[head].sentence \
            and not tokens[head - 1].prefixes and tokens[head - 1].stem in _person_titles():
        return None     # «وزير الخارجية اليوناني»: the body is the genitive of a person's title
    end = last
    k = last + 1
    if k + 1 < len(tokens) and tokens[k].sentence == tokens[last].sentence and tokens[k].stem == "من" \
            and not _punctuated(doc, last, k):
        k += 1      # «من دون طيار»
    if k + 1 < len(tokens) and tokens[k].stem in ("دون", "بدون") and tokens[k + 1].stem == "طيار" \
            and tokens[k + 1].sentence == tokens[last].sentence and not _punctuated(doc, k - 1, k + 1):
        end = k + 1
    start = tokens[head].stem_start if set(tokens[head].prefixes) - {"ال"} else tokens[head].start
    return start, tokens[end].end


_PLURAL_CASE_ENDINGS = ("ون", "ين")
_FEMININE_PLURAL = "ات"


def _agrees_with(head, word) -> bool:
    """«إرهابيون مترجلون»: the same sound plural case; «عصابات مسلحة»: a feminine plural of things or groups takes
    a feminine singular adjective."""
    if head.stem.endswith(_PLURAL_CASE_ENDINGS):
        return word.stem[-2:] == head.stem[-2:]
    return head.stem.endswith(_FEMININE_PLURAL) and word.stem.endswith("ه")


def _agreeing_adjectives(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«اغتال إرهابيون مترجلون ضابطا», «هاجمت عصابات مسلحة قرية»: an indefinite plural role followed at once by a
    bare word that agrees with it (_agrees_with) has that word as its adjective; the role's text takes it."""
    covered = {k for m in mentions for k in range(m.first, m.last + 1)}
    out = []
    for m in mentions:
        nxt = m.last + 1
        head = doc.tokens[m.last]
        if m.kind in ("agent", "victim") and m.first == m.last and "ال" not in head.prefixes and not head.suffix \
                and nxt < len(doc.tokens) and nxt not in covered \
                and doc.tokens[nxt].sentence == head.sentence and not doc.tokens[nxt].prefixes \
                and not doc.tokens[nxt].suffix and len(doc.tokens[nxt].stem) > 4 \
                and _agrees_with(head, doc.tokens[nxt]) and not _punctuated(doc, m.last, nxt) \
                and doc.tokens[nxt].stem not in _WORDS["another"] and not _a_number(doc, nxt) \
                and m.actor.span is not None:
            end = doc.tokens[nxt].end
            actor = _spanning(doc, m.actor, m.actor.span.start, end)
            m = Mention(m.first, nxt, actor, m.kind, m.locative)
        out.append(m)
    return out


def _a_number(doc: Document, k: int) -> bool:
    """«إرهابيين اثنين»: token k is (part of) a number the numbers stage read, not an adjective."""
    tok = doc.tokens[k]
    return any(n.span.start < tok.end and tok.start < n.span.end for n in doc.numbers)


def _join_nisba_heads(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«أعلنت القيادة الأميركية أنها نفذت غارة», «قصفت الطائرات الإسرائيلية»: a nisba qualifying a craft, unit or
    body noun makes one mention with it — a body that may be a clause's subject, of the nisba's country."""
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "nisba" and m.first == m.last and (found := _nisba_head_span(doc, m.first, m.last)) is not None:
            rng = doc.token_range(*found)
            if rng is not None and not any(o.last >= rng[0] for o in out[-1:]):
                actor = _spanning(doc, m.actor, found[0], found[1])
                out.append(Mention(rng[0], rng[1], actor, "agent", m.locative))
                continue
        out.append(m)
    return out


def _titled_place(doc: Document, actor: Actor) -> Actor | None:
    """«قرار والي تونس الذي رفض»: a place read as the actor right after the title of its governor is the governor."""
    if not (actor.kb_id or "").startswith(("gn:", "iso:", "wof:", "cc:", "rasd:")):
        return None
    assert actor.span is not None
    rng = doc.token_range(actor.span.start, actor.span.end)
    if rng is None or rng[0] == 0:
        return None
    title = doc.tokens[rng[0] - 1]
    if title.sentence != doc.tokens[rng[0]].sentence or normalize_for_match(title.text) not in _PLACE_OFFICES:
        return None
    return Actor(text=doc.text[title.start:actor.span.end], span=doc.span(title.start, actor.span.end),
                 sector="government", country=actor.country)


def _office_of_a_place(doc: Document, actor: Actor) -> Actor | None:
    """«والي تونس», «محافظ البصرة», «حكومة إقليم كردستان»: a one-word office right before a place name (no
    clitic on the place: a construct) names the office of that place."""
    assert actor.span is not None
    rng = doc.token_range(actor.span.start, actor.span.end)
    if rng is None or rng[1] + 1 >= len(doc.tokens):
        return None
    nxt = doc.tokens[rng[1] + 1]
    if set(nxt.prefixes) - {"ال"} or nxt.sentence != doc.tokens[rng[1]].sentence:
        return None
    place = next((e for e in span_index(doc.entities, span_of, "event_actors:entities")
                  .overlapping(nxt.start, nxt.end) if e.span.start == nxt.start and e.type in ("GPE", "LOC")), None)
    if place is None:
        return None
    return _spanning(doc, actor, actor.span.start, place.span.end)


def _accusative_plural(doc: Document, m: Mention) -> bool:
    """A generic plural in «-ين» right after a verb («حذرت النازحين», «استهدفوا المدنيين») is its object: the
    subject would read «-ون». Names ending so («البحرين», «حسين») are entities and do not count."""
    return m.kind in ("agent", "victim") and m.first == m.last and doc.tokens[m.first].stem.endswith("ين") \
        and not doc.tokens[m.first].prefixes[-1:] == ["ب"]


def _nominative_plural(doc: Document, m: Mention) -> bool:
    """A sound masculine plural in the nominative («مستوطنون», «متظاهرون»): the case of a subject."""
    tok = doc.tokens[m.first]
    return tok.stem.endswith("ون") and len(tok.stem) > 4 and not tok.prefixes


def _coordinated_verb(doc: Document, i: int) -> bool:
    """«وأجرت دول الخليج وروسيا محادثات ...، ودعت في بيان إلى»: a verb after «،و» with no subject of its own
    shares the subject of its sentence's first clause, not the nearest noun before it."""
    tok = doc.tokens[i]
    if i == 0 or doc.tokens[i - 1].sentence != tok.sentence:
        return False
    if doc.tokens[i - 1].stem in _WORDS["clause_break"]:
        return True     # «قالت المنظمة إنها ...، بينما حذرت الناس»: the clause goes on with the same subject
    return tok.prefixes[:1] == ["و"] and any(c in "،," for c in doc.text[doc.tokens[i - 1].end:tok.start])


def _joined_plural_verb(doc: Document, i: int) -> bool:
    """«اقتحم مستوطنون قرية ترمسعيا وأحرقوا عددا من المنازل»: a verb joined by «و» with the plural pronoun as its
    subject («-وا») goes on with the subject of the clause before it, comma or not."""
    tok = doc.tokens[i]
    return tok.prefixes[:1] == ["و"] and len(tok.stem) > 3 and tok.stem.endswith("وا")


_OPENING_PARTICLES = frozenset({"كما", "ثم", "فيما", "بينما", "قد"})


_PLURAL_SUBJECT_REACH = 6


def _plural_subject_opening_a_report(doc: Document, i: int, before: list[Mention]) -> Mention | None:
    """«أن المستوطنين وبحماية الشرطة الإسرائيلية أحرقوا منازل»: a verb with the plural pronoun («-وا») agrees with the
    plural noun that opens its clause right after «أن/إن» (a sound plural, uncounted, whatever its sector), not with
    a singular body named between them; None when no such plural stands a few words before the verb, or no body
    stands between (the subject before the verb is then read as ever)."""
    tok = doc.tokens[i]
    if not (len(tok.stem) > 3 and tok.stem.endswith("وا")):
        return None
    between = False     # (only past a body named between, which the verb does not agree with)
    for m in reversed(before):
        if i - m.last > _PLURAL_SUBJECT_REACH or not _same_clause(doc, m.last, i) \
                or _punctuated(doc, m.last, i):
            return None
        head = doc.tokens[m.first]
        if m.first > 0 and doc.tokens[m.first - 1].stem in _COMPLEMENTIZERS and not doc.tokens[m.first - 1].suffix \
                and head.stem.endswith(("ون", "ين")) and not head.suffix and m.first not in _counted_starts(doc) \
                and not m.locative and m.kind in ("entity", "agent", "victim"):
            return m if between else None
        between = between or m.kind in ("entity", "agent") and not doc.tokens[m.last].stem.endswith(("ون", "ين"))
    return None


def _opening_subject(doc: Document, i: int, before: list[Mention]) -> Mention | None:
    """The subject right after the verb that opens the sentence (VSO: «واتهمت إسرائيل ...»), which a coordinated
    verb later in the sentence shares; None when the sentence does not open that way."""
    sentence = doc.tokens[i].sentence
    lo = i
    while lo > 0 and doc.tokens[lo - 1].sentence == sentence:
        lo -= 1
    if lo + 1 < i and doc.tokens[lo].stem in _OPENING_PARTICLES and not doc.tokens[lo].suffix:
        lo += 1     # «كما اعتقلت قوات الاحتلال ...، في حين اعتقلت»: a particle before the opening verb
    # (a plural in «-ون» right after the verb is its subject, whatever its sector: «اقتحم مستوطنون قرية»)
    subject = next((m for m in before if m.first == lo + 1 and not m.locative and (
        m.kind in ("entity", "agent") or m.kind == "victim" and _nominative_plural(doc, m)
        and m.first not in _counted_starts(doc))), None)
    if subject is not None and any(doc.tokens[k].stem in _COMPLEMENTIZERS and not doc.tokens[k].suffix
                                   for k in range(subject.last + 1, i)):
        return None     # «قالت السلطات إن عبوة ناسفة انفجرت، وقتلت سبعة جنود»: the verb is in the report
    return subject


def _verb_carries_its_subject(doc: Document, i: int) -> bool:
    """«والذين هاجموا مركز شرطة», «مسلحين اقتحموا ...»: a verb before its subject agrees in the singular
    («هاجم المسلحون»), so a verb with the plural pronoun («-وا», «يـ...ـون») or right after a relative pronoun
    has its subject before it, and the noun after it is its object."""
    tok = doc.tokens[i]
    stem = tok.stem
    if len(stem) > 3 and stem.endswith("وا") or len(stem) > 4 and stem.startswith("ي") and stem.endswith("ون"):
        return True
    prev = doc.tokens[i - 1] if i > 0 else None
    return bool(prev is not None and prev.sentence == tok.sentence and prev.stem in _WORDS["relative"])


_NOUN_GOVERNORS = frozenset({"في", "علي", "الي", "عن", "مع", "خلال", "ضد", "عبر", "لدي"})


def _governed_noun(doc: Document, i: int) -> bool:
    """«وشدد ديندياس على رفضه لتلك التصريحات»: a word spelled like a verb with its object pronoun is the verbal
    noun with a possessive after a preposition («على», «في», «عن», or «ب» on it); no verb follows one («منذ»,
    «من», «بعد» may)."""
    tok = doc.tokens[i]
    if tok.prefixes[-1:] == ["ب"]:
        return True         # «بقصفٍ مدفعي»: no verb takes «ب»
    if not tok.suffix:
        return False
    prev = doc.tokens[i - 1] if i > 0 else None
    return bool(prev is not None and prev.sentence == tok.sentence and not prev.prefixes
                and normalize_for_match(prev.stem) in _NOUN_GOVERNORS)


def _after_fi(doc: Document, first: int) -> bool:
    """«طالت قياديا بارزا في تنظيم القاعدة»: a body after «في» is where someone belongs (or where it happened),
    never who acts."""
    return first > 0 and doc.tokens[first - 1].stem == "في" and doc.tokens[first - 1].sentence == doc.tokens[first].sentence


def _pronoun_subject(doc: Document, i: int) -> bool:
    """«أنّها استدعت السفير»: the verb's subject is a pronoun before it, so what follows is its object."""
    prev = doc.tokens[i - 1] if i > 0 else None
    return bool(prev and prev.stem in _COMPLEMENTIZERS and prev.suffix and prev.sentence == doc.tokens[i].sentence)


def choose_actors(doc: Document, match: LemmaMatch, event_type: str,
                  mentions: list[Mention]) -> tuple[Actor | None, Actor | None]:
    """actor1 (initiator) and actor2 (target) of a trigger by Arabic word order.

    actor1: an agent phrase after the trigger (_agent_phrase); else, for a verb, its subject after it (VSO)
    unless the subject is a pronoun; else the subject before it (SVO, or the sentence's subject for a noun
    or a participle «داعيا»). actor2: the actor governed by «مع/ضد/على/بحق» after the trigger, else the
    victims of an attack, else the verb's object. Casualty words («قُتل», «مقتل») are read as passive.
    """
    i, last = match.first, match.last
    tokens = doc.tokens
    light = light_verb_before(doc, i) if match.rule.reads_as_noun(tokens[i]) else None
    if light is not None and is_light_noun(doc, light) and event_type != "PROTEST" and (agent := next(
            (m for m in mentions if m.first == light + 1 and m.last < i and m.kind in ("entity", "agent")
             and not m.locative and set(tokens[m.first].prefixes) <= {"ال"}), None)) is not None:
        # «كشفت وزارة الدفاع عن تنفيذ الجيش الأمريكي ضربة جوية»: the light noun's genitive is who acts
        return agent.actor, None
    if light is not None and event_type == "PROTEST" and is_light_noun(doc, light) \
            and not _after_a_preposition(doc, light) and not any(
                m.actor.kb_id in _PROTESTER_AGENTS for m in mentions) and (organiser := _subject_before(
                    doc, light, [m for m in mentions if m.last < light and not m.locative
                                 and m.actor.sector not in _NON_PROTESTING and m.actor.sector != "media"
                                 and not _is_place_actor(m)], first_named=True)) is not None \
            and organiser.kind == "entity" and not _naming_people(doc, [organiser]):
        # «أعلن الاتحاد العام التونسي للشغل عزمه بدء إضراب شامل»: with no crowd named, the body that starts the
        # strike or the protest holds it
        return organiser.actor, None
    if light is not None and (event_type == "PROTEST" or _after_a_preposition(doc, light)) \
            and not (event_type != "PROTEST" and _announced_with_an(doc, light)):
        light = None        # «منذ انطلاق الاحتجاجات»: a time phrase, not the act's predicate
    if light is not None and is_light_noun(doc, light):
        # «أعلنت قوات سوريا الديمقراطية بدء معركة الرقة»: the verbal noun's subject is the clause's subject
        subject = _subject_before(doc, light, [m for m in mentions if m.last < light and not m.locative
                                               and m.actor.sector != "media"], first_named=True)
        if subject is not None:
            return subject.actor, None
    elif light is not None:
        # «شنت مقاتلات إسرائيلية ضربات على صور»: the light verb carries the subject; read it as the verb
        head = LemmaMatch(_LIGHT_VERB_RULE, light, light)
        read_as_verb = choose_actors(doc, head, event_type, mentions)
        if read_as_verb[0] is not None:
            return read_as_verb
    # the outlet reporting («شفق نيوز/ أصيب ...») and the source a report is attributed to («بحسب مسؤول
    # عسكري») are no actors of the event
    sources = _sources(doc, mentions)
    actors = [m for m in mentions if not m.locative and m.actor.sector != "media" and m.first not in sources]
    if event_type not in ("ASSAULT", "COERCE"):   # protesters, displaced people ... act in other events
        actors = [Mention(m.first, m.last, m.actor, "agent" if m.kind == "victim" else m.kind) for m in actors]
    else:
        # «مقتل ثلاثة جنود», «أصيب 20 متظاهرا»: whoever is counted in an attack or arrest is hit, not the doer
        counted = _counted_starts(doc)
        actors = [Mention(m.first, m.last, m.actor, "victim", m.locative) if m.first in counted else m
                  for m in actors]
    if event_type == "PROTEST":
        actors = [m for m in actors if m.actor.sector not in _NON_PROTESTING]
        # whoever protests: the crowd named in the sentence («المتظاهرون», «ناشطون», «المحامون»)
        # (not those another act took: «احتجاجات بعد اعتقال ناشطين»)
        crowd = [m for m in actors if is_protester(m)
                 and not _governed_by(doc, m, _ARREST_NOUNS | _ACTS_OF_FORCE | _DEATH_NOUNS)]
        if crowd:
            return _as_a_crowd(min(crowd, key=lambda m: abs(m.first - i)).actor), None
    after = [m for m in actors if m.first > last]
    before = [m for m in actors if m.last < i]
    if event_type == "PROTEST" and (organiser := _protest_organiser(doc, last, after)) is not None:
        return organiser.actor, None    # «يأتي ذلك ضمن إضراب عام كان أعلنه الاتحاد سابقاً»
    if event_type in _BETWEEN_TYPES and (pair := _between_pair(doc, last, after)) is not None:
        return pair         # «استئناف المحادثات بين ممثلي الجيش وممثلي الدعم السريع»
    if (accused := _accused_of(doc, i, mentions)) is not None:
        # «اتهمت مصادر الجماعة الحوثية بقتل 3 أطفال»: whom the verb accuses did the act after its «بـ»
        return accused.actor, next((m.actor for m in mentions if 0 < m.first - last <= 3
                                    and m.kind in ("entity", "agent", "victim") and not m.locative), None)
    if event_type in _BETWEEN_TYPES and _between_the_two_sides(doc, last) \
            and (pair := _sides_named_before(doc, i)) is not None:
        return pair         # «اشتباكات بين الطرفين» after «الحرب بين الجيش السوداني وقوات الدعم السريع»
    if event_type in ("ASSAULT", "COERCE") and match.rule.reads_as_noun(tokens[i]) \
            and _after_a_passive_auxiliary(doc, i):
        # «تم اعتقال سامر أقرع», «جرى استهداف حواجز ... من قبل مسلحين»: a passive names its doer only in an
        # agent phrase; the one named after the noun underwent it
        undergoer = next((m for m in after if m.first - last <= 2 and m.kind in ("entity", "agent", "victim")
                          and _same_clause(doc, last, m.first)), None)
        doer = _marked_agent(doc, last, [m for m in after if m is not undergoer], [], _CASUALTY_AGENT_REACH)
        return (doer.actor if doer else None), (undergoer.actor if undergoer else None)
    verb_like = (match.rule.pos in ("verb", "perfect") and not match.rule.reads_as_noun(tokens[i])
                 and not _governed_noun(doc, i)) or \
        (match.rule.pos == "phrase" and not tokens[i].stem.endswith("ه"))
    # «واستهدف الحوثيون ناقلة»: right after the trigger verb stands its subject, not a target
    targets = [m for m in after if (_governed_by(doc, m, _TARGET_MARKERS) or _named_after_a_counterpart(doc, m.first))
               and not (verb_like and m.first == last + 1)]
    circumstantial = _is_circumstantial(tokens[i])
    pronoun_subject = _pronoun_subject(doc, i) or (verb_like and _verb_carries_its_subject(doc, i))
    if verb_like and event_type == "ASSAULT" and _describes_an_attack_noun(doc, i):
        # «قصف بطائرة مسيّرة استهدف مخيم أبو شوك»: the verb tells what the attack before it hit; the
        # mentions after it are targets, the attacker is only in an agent phrase
        targets = [m for m in after if m.first - last <= _VSO_REACH] + targets
        verb_like = False

    # «أدانت وزارة الخارجية الهجوم الذي شنته قوات الاحتلال»: an active verb's subject stands right after it;
    # an agent phrase further on belongs to a relative clause of its object
    vso_subject = verb_like and not passive_prone(doc, match) and not pronoun_subject and any(
        m.first == last + 1 and m.kind in ("entity", "agent") and m not in targets for m in after)
    actor1 = None if vso_subject else _agent_phrase(
        doc, last, after, targets, noun_trigger=not verb_like and not passive_prone(doc, match),
        reach=_CASUALTY_AGENT_REACH if passive_prone(doc, match) else _AGENT_MARKER_REACH)
    if actor1 is not None and match.rule.get("mode") == "visit" and _is_place_actor(actor1):
        actor1 = None       # «خلال زيارة عزيز للخرطوم»: the city visited, not the visitor
    if not verb_like and event_type == "ASSAULT" and (craft := _craft_around(actors, i, last)) is not None:
        actor1 = craft      # «أغارت طائرة مسيّرة إسرائيلية»: the craft named by the trigger and its nisba struck
    object_ = None
    struck = None       # the grammatical subject of a verb whose subject is hit («قُتل جندي»): never the attacker
    if actor1 is None and verb_like and _anaphoric_subject(doc, last):
        actor1 = _previous_subject(doc, i, anaphoric=True)
        if actor1 is not None:
            object_ = next((m for m in after if m.first - last <= _VSO_REACH and m not in targets), None)
    if actor1 is None and verb_like and (owner := _own_force_subject(doc, i, mentions)) is not None:
        actor1 = owner      # «قالت وزارة الدفاع الروسية إن طائراتها قصفت»: the reporter's own aircraft
    if actor1 is None and verb_like and not circumstantial and not passive_prone(doc, match) \
            and event_type in ("ASSAULT", "COERCE") and (plural := _plural_subject_opening_a_report(doc, i, before)) is not None:
        actor1 = plural     # «أن المستوطنين وبحماية الشرطة الإسرائيلية أحرقوا»: the plural the verb agrees with
        object_ = next((m for m in after if m.first - last <= _VSO_REACH and m not in targets), None)
    if actor1 is None and verb_like and not circumstantial:
        # SVO with the subject right before the verb («وكانت الوحدات الأمنية قد أوقفت فلانا»)
        subject = next((m for m in reversed(before) if m.kind in ("entity", "agent")
                        and _gap_words(doc, m.last, i) <= 1), None)
        if subject is not None and passive_prone(doc, match) and (subject_is_hit(doc, match)
                                                                  or not _has_object(doc, match)):
            subject = None      # «أبو الحسن التونسي قُتل في الاشتباكات»: with no object, the subject was killed
        if subject is not None:
            actor1 = subject
            object_ = next((m for m in after if m.first - last <= _VSO_REACH and m not in targets), None)
    if actor1 is None and verb_like and match.rule.pos == "phrase" and not subject_is_hit(doc, match):
        # «أطلق مجهولون النار»: the subject stands between the phrase's verb and its noun (but «لقي جنديان
        # مصرعهما»: the one between «لقي» and «مصرعه» died)
        actor1 = next((m for m in actors if i < m.first and m.last < last and m.kind in ("entity", "agent")), None)
    if actor1 is None and verb_like and not circumstantial:
        first_after = _titled_person_after_verb(doc, last, [m for m in after if m not in targets]) or next(
            (m for m in after if m.first - last <= _VSO_REACH and m not in targets
             and m.kind != "victim" and _bare_after_verb(doc, last, m.first)), None)
        nominative = next((m for m in after[:1] if m.kind == "victim" and m.first == last + 1
                           and m.first not in _counted_starts(doc) and _nominative_plural(doc, m)), None)
        if nominative is not None and not passive_prone(doc, match):
            first_after = nominative    # «أحرق مستوطنون منازل»: a plural in «-ون» right after the verb is its subject
        if first_after is not None and _accusative_plural(doc, first_after):
            object_, first_after = first_after, None    # «وحذرت النازحين»: «-ين» marks the object, not the subject
        elif first_after is not None and match.rule.get("mode") == "visit" and _is_place_actor(first_after):
            object_, first_after = first_after, None    # «بينما يزور طهران»: the city visited, not the visitor
        elif first_after is not None and (event_type == "COERCE" or event_type == "ASSAULT"
                                          and tokens[i].prefixes[:1] == ["و"]) \
                and _naming_people(doc, [first_after]):
            # «داهمت مخيم نور شمس ... واعتقلت سيف أبو لبدة», «ومن الخليل اعتقلت المواطنين أحمد ...»: a person
            # named right after an arrest verb (or a coordinated attack verb) is whom it struck; the verb shares
            # the subject told before it
            object_, first_after = first_after, None
            # (the subject of the verb that opens the sentence, when it does: «كما اعتقلت قوات الاحتلال خالد ...،
            # في حين اعتقلت أسامة»: not the nearest person before, whom the first verb took)
            actor1 = _opening_subject(doc, i, before) or _subject_before(doc, i, before)
        passive = passive_prone(doc, match)
        if first_after is not None and (subject_is_hit(doc, match) or _killed_one_then_how(doc, match, first_after)):
            # «أصيب شابان فلسطينيان وجندي»: the wounded (a nisba further on belongs to another noun)
            object_ = first_after if first_after.last - last <= 3 and first_after.kind != "nisba" else None
            struck = object_
            first_after = None
        if first_after is not None and pronoun_subject:
            object_ = first_after
        elif first_after is not None and (not passive or first_after.last - last <= 3):
            actor1 = first_after
    if actor1 is None and verb_like and (_coordinated_verb(doc, i) or _joined_plural_verb(doc, i)):
        actor1 = _opening_subject(doc, i, before)     # «واتهمت إسرائيل حزب الله ...، وتوعدت بتكبيده»
    if actor1 is None and event_type == "CONSULT" and not verb_like and not tokens[i].suffix and (genitive := next(
            (m for m in after if m.first == last + 1 and m.kind in ("entity", "agent") and m not in targets
             and not tokens[m.first].prefixes), None)) is not None:
        actor1 = genitive       # «خلال زيارة ماكرون», «لقاء الرئيس»: the genitive of a meeting noun is who met
    if actor1 is None and event_type in ("ASSAULT", "COERCE") and not verb_like and not tokens[i].suffix \
            and "ال" not in tokens[i].prefixes and not passive_prone(doc, match) and (genitive := next(
            (m for m in after if m.first == last + 1 and m.kind in ("entity", "agent") and m not in targets
             and (not tokens[m.first].prefixes or _definite_genitive_before_its_object(doc, m, after))
             and m.actor.sector in _ARMED_SECTORS), None)) is not None:
        actor1 = genitive       # «خلال اقتحام قوات الاحتلال بلدة»: an armed force in genitive is who acts
    if actor1 is None and not (passive_prone(doc, match) and match.rule.pos in ("verb", "phrase")):
        actor1 = _subject_before(doc, i, before, first_named=not verb_like or circumstantial
                                 or _coordinated_verb(doc, i), cross_complementizer=circumstantial)
        if actor1 is not None and not verb_like and passive_prone(doc, match) and _toll_of_a_result(doc, i) \
                and actor1.actor.sector in (None, "civilian") and not _is_place_actor(actor1):
            actor1 = None   # «الهجوم استهدف منزل فلان، وأسفر عن مقتل 3 أطفال»: the attack caused the toll
    if actor1 is None and verb_like and not passive_prone(doc, match):
        actor1 = _previous_subject(doc, i)
    if actor1 is None and not verb_like:
        # «فبعد اجتماع مع الأسد ... وصف عراقجي»: a noun opening the sentence, its subject comes later
        # ... up to a relative clause about something else («فوق مطار أربيل حيث تتمركز قوات أميركية»)
        stop = _relative_after(doc, last)
        # «..., بينما فرّ العديد من المقاتلين»; «انفجار سيارة مفخخة مستهدفة أحد قادة شرطة العاصمة»: what it targeted
        stop = next((k for k in range(last + 1, stop) if time_distance_phrase(doc, k) is not None
                     or doc.tokens[k].stem in _CLAUSE_BREAKS or doc.tokens[k].stem in _TARGETING), stop)
        martyr = match.rule.lemma.split("|")[0] in _MARTYRDOM_LEMMAS     # «استشهاد العريف أحمد»: who died
        visit = match.rule.get("mode") == "visit"    # «خلال زيارة رسمية لنواكشوط»: the city is where it went
        actor1 = next((m for m in after if m not in targets and m.kind in ("entity", "agent") and m.first < stop
                       and not (martyr and m.first - last <= 3) and not (visit and _is_place_actor(m))
                       and not _after_fi(doc, m.first) and not _group_of_the_struck(doc, m, after, targets)), None)
        if actor1 is not None and event_type == "COERCE" and actor1.first - last <= 2 \
                and _naming_people(doc, [actor1]):
            # «تم اعتقال سامر أقرع», «اختطاف الصحفي X»: the person after an arrest noun is whom it took
            object_, actor1 = actor1, None
    underwent = None
    if actor1 is not None and actor1.last < i and any(tokens[k].stem in _UNDERGO_VERBS for k in range(actor1.last + 1, i)):
        underwent, actor1 = actor1, None    # «وكان الجيش قد تعرض ... لهجوم ... أسفر عن مقتل»: the subject underwent it
    if actor1 is not None and actor1.last < i and not verb_like \
            and any(tokens[k].stem in _DENIAL_VERBS and tokens[k].sentence == tokens[i].sentence
                    for k in range(max(0, actor1.first - 3), i)):
        actor1 = None       # «ونفت طالبان أي مسؤولية لها عن الهجوم»: who denies it did not do it
    if actor1 is not None:
        actor1 = _named_in_apposition(doc, actor1, mentions)
    if actor1 is not None and actor1.last < i and passive_prone(doc, match) \
            and (k := announced_by(doc, i, reach=_ANNOUNCER_REACH)) is not None and (actor1.first > k or actor1.last < k) \
            and not _complementizer_between(doc, k, actor1.first):
        # «أعلن الجيش مقتل 12 جنديا»: the announcer of a toll is not who inflicted it (but «قالت الشرطة إن
        # مسلحين قتلوا»: the subject inside the report is) — unless a state force tells the deaths of the armed
        # group it fights («أعلن الجيش النيجيري مقتل عشرين مسلحا من بوكو حرام»): its own operation killed them
        enemy = _enemy_dead(doc, last, after, targets) if actor1.first == k + 1 \
            and actor1.actor.sector in _STATE_FORCE_SECTORS else None
        if enemy is None:
            actor1 = None
        else:
            object_ = enemy
    actor2 = next((m for m in targets if m is not actor1), None) or object_
    if event_type == "ASSAULT":
        victim = next((m for m in sorted(actors, key=lambda m: abs(m.first - i))
                       if m.kind == "victim" and m is not actor1 and abs(m.first - i) <= 8), None)
        if actor1 is None and actor2 is not None and _governed_by(doc, actor2, _ATTACKED):
            # «قُتل قيادي في ميليشيا محسوبة على قوات العشائر خلال اشتباكات مع قسد»: the side the victims
            # fought «مع», not the body their group leans «على»
            actor2 = next((m for m in targets if m is not actor2 and _governed_by(doc, m, _WITH)), actor2)
        if actor1 is None and actor2 is not None and actor2.actor.sector in _ARMED_SECTORS and actor2 is not struck \
                and (actor2.kind != "victim" or _names_a_body(actor2)) \
                and (victim is not None or passive_prone(doc, match)) and not _governed_by(doc, actor2, _ATTACKED):
            actor1, actor2 = actor2, victim   # «قتل ستة متظاهرين في مواجهات مع قوات الأمن» (not «هجوم على دورية»)
        elif actor2 is None and victim is not None:
            actor2 = victim
    if actor2 is None and actor1 is not None and verb_like and actor1.first > last:
        nxt = [m for m in after if m.first > actor1.last and m.first - actor1.last <= 3 and m.kind != "nisba"]
        actor2 = nxt[0] if nxt else None
    if event_type == "ASSAULT" and actor1 is not None and actor1.last < i and not verb_like and light is None \
            and in_a_cause_phrase(doc, i):
        # «مقتل 12 جنديا في هجوم»، «إثر قصف»: a noun inside a prepositional phrase is the cause of the clause's
        # event, not its predicate; the clause's subject (often who announces it) is not its agent
        actor1 = _agent_phrase(doc, last, after, targets)
    if "ل" in tokens[i].prefixes and undergone(doc, i):
        # «تعرضوا لإطلاق نار»: the subject of «to undergo» is hit; only an agent phrase names the attacker
        undergoer = actor1 if actor1 is not None and actor1.last < i else None
        actor1 = _agent_phrase(doc, last, after, targets)
        actor2 = undergoer or actor2
    actor2 = actor2 or underwent
    if event_type == "PROTEST" and actor1 is not None and light is None and not (
            actor1.first == last + 1 or _gap_words(doc, actor1.last, i) <= 1 and actor1.last < i):
        # «تظاهر المئات أمام مقر الحكومة», «خرجت تظاهرات للمطالبة بتغيير النظام»: with no crowd named, only the
        # subject right beside the protest word protests; a body further on is where or what it is against
        actor1 = None
    return (actor1.actor if actor1 else None), (actor2.actor if actor2 else None)


@lru_cache(maxsize=1)
def _english_plurals() -> dict[str, str]:
    """Last word of an English name → its plural, where the regular rule fails (data/english_plurals.tsv)."""
    text = resources.files("rasd.extract").joinpath("data/english_plurals.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t")
    return {r["singular"]: r["plural"] for r in rows}


def english_plural(name: str) -> str:
    """«protester» → «protesters», «young man» → «young men», «militia» → «militias», «party» → «parties»."""
    words = name.split()
    if not words:
        return name
    last = words[-1]
    irregular = _english_plurals()
    if last in irregular:
        last = irregular[last]
    elif not last.endswith(("s", ")")):
        last = last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u", "") \
            else last + "s"
    return " ".join([*words[:-1], last])


_NATIONAL_SECTORS = ROLES["national_sectors"]


@lru_cache(maxsize=1)
def _nationality_adjectives() -> dict[str, str]:
    """Country code → its English adjective («JO» → «Jordanian»), from the KB's nisba table."""
    return {n.country: n.name_en_adj for n in load_kb().actors.nisba if n.name_en_adj}


def national_name(actor: Actor) -> str | None:
    """«الأمن», «الجيش» of a known country: a generic state body's English name carries its nationality
    («Jordanian security forces», «Lebanese army»), as the body is that state's; named actors, other roles and
    names that already carry it are left as they are."""
    name = actor.name_en
    if not name or not (actor.kb_id or "").startswith("agent.") or actor.sector not in _NATIONAL_SECTORS \
            or not actor.country:
        return name
    adjective = _nationality_adjectives().get(actor.country)
    if adjective is None or adjective.lower() in name.lower():
        return name
    return f"{adjective} {name}"


def _as_a_crowd(actor: Actor) -> Actor:
    """«مثيري أعمال الشغب», «متظاهر» protesting: a crowd protests, named as ACLED names it, in the plural
    («protesters», as the crowd no one names)."""
    if not (actor.kb_id or "").startswith("agent.") or not actor.name_en:
        return actor
    return actor.model_copy(update={"name_en": english_plural(actor.name_en)})


_STATE_FORCE_SECTORS = frozenset({"military", "police"})
_NONSTATE_ARMED_SECTORS = ROLES["nonstate_armed_sectors"]
_ENEMY_DEAD_REACH = 4    # «مقتل عشرين مسلحا من بوكو حرام»: a number and a partitive before the group


def _enemy_dead(doc: Document, last: int, after: list[Mention], targets: list[Mention]) -> Mention | None:
    """The non-state armed side a casualty noun counts right after it in its clause («مقتل عشرين مسلحا من بوكو
    حرام», «مقتل خمسة إرهابيين»), else None."""
    first = next((m for m in after if m.kind != "nisba" and m not in targets), None)
    if first is None or first.first - last > _ENEMY_DEAD_REACH or not _same_clause(doc, last, first.first):
        return None
    return first if first.actor.sector in _NONSTATE_ARMED_SECTORS else None


_APPOSITION_REACH = 16
_ANNOUNCER_REACH = 10    # «أعلنت هيئة "الحشد الشعبي"، اليوم الخميس، عن مقتل ...»: a name and a day between


_OWN_FORCE = _WORDS["own_force"]
_SOURCE_MARKERS = _WORDS["source_marker"]
_ATTACKED = frozenset({"علي", "ضد", "بحق"})     # before who was attacked, never the other side of a clash
_WITH = frozenset({"مع"})     # before the other side of a clash («في مواجهات مع قوات الأمن»)


def _definite_genitive_before_its_object(doc: Document, m: Mention, after: list[Mention]) -> bool:
    """«ندد الحزب باعتقال الأمن الناشطين»: a definite force in genitive right after the act noun, followed at
    once by who it struck, is the act's agent (masdar + agent + object); alone («اعتقال الجنود») it may be
    those struck."""
    return doc.tokens[m.first].prefixes == ["ال"] and any(
        o.first == m.last + 1 and o.kind in ("entity", "agent", "victim") for o in after)


def _sources(doc: Document, mentions: list[Mention]) -> set[int]:
    """First tokens of the mentions a report is attributed to: after «بحسب/وفق», and those joined to them by «و»
    («بحسب مسؤول عسكري ومسؤولين محليين»)."""
    out: set[int] = set()
    for m in sorted(mentions, key=lambda m: m.first):
        if _governed_by(doc, m, _SOURCE_MARKERS) or _subject_of_according_what(doc, m.first):
            out.add(m.first)
        elif doc.tokens[m.first].prefixes[:1] == ["و"] and any(
                o.first in out and o.last + 1 <= m.first <= o.last + 3 for o in mentions):
            out.add(m.first)
    return out


def _subject_of_according_what(doc: Document, first: int) -> bool:
    """«بحسب ما ذكرت الشرطة», «وفقا لما أعلنته الوزارة», «حسبما أفاد مسؤول»: the subject right after the speech
    verb of «بحسب ما» is the source the report is attributed to, as after «بحسب» itself."""
    if first < 2 or doc.tokens[first - 1].sentence != doc.tokens[first].sentence:
        return False
    verb = doc.tokens[first - 1]
    if verb.prefixes or not (verb_form(verb) or verb_with_object(verb)):
        return False
    what = doc.tokens[first - 2]
    if what.stem in _SOURCE_MARKERS:
        return True                                     # «حسبما أفاد»
    return normalize_for_match(what.stem) == "ما" and _governed_by_token(doc, first - 2, _SOURCE_MARKERS | {"ل"})


def _own_force_subject(doc: Document, i: int, mentions: list[Mention]) -> Mention | None:
    """«قالت وزارة الدفاع الروسية إن طائراتها قصفت», «أعلن حزب الله أن مقاتليه استهدفوا»: a force noun with a
    possessive pronoun right before the verb, after «إن/أن», is the force of the reporting clause's subject."""
    tokens = doc.tokens
    j = i - 1
    if j >= 2 and "ال" in tokens[j].prefixes and not tokens[j].suffix and tokens[j - 1].suffix \
            and tokens[j - 1].stem in _OWN_FORCE:
        j -= 1      # «أن طائراته الحربية هاجمت»: an adjective between the force and its verb
    if j < 1 or tokens[j].sentence != tokens[i].sentence or not tokens[j].suffix or tokens[j].stem not in _OWN_FORCE:
        return None
    if tokens[j - 1].stem not in _COMPLEMENTIZERS or tokens[j - 1].suffix:
        return None
    before = [m for m in mentions if m.last < j - 1 and m.kind in ("entity", "agent") and not m.locative
              and m.actor.sector != "media" and j - m.last <= 14]
    return before[-1] if before else None


def _complementizer_between(doc: Document, k: int, first: int) -> bool:
    """«إن/أن» stands between token k (a reporting verb) and token first: first opens the reported clause."""
    return any(doc.tokens[j].stem in _COMPLEMENTIZERS for j in range(k + 1, first))


def _killed_one_then_how(doc: Document, match: LemmaMatch, m: Mention) -> bool:
    """«قتل جندي في هجوم», «قتل قيادي في تنظيم القاعدة بضربة جوية»: a casualty verb opening its clause, then one
    indefinite person and straight after them a preposition (where, how, by what), is the passive «قُتل» written
    without its vowels; the active verb would have an object after its subject («قتل جندي فلسطينيا»)."""
    lemma = match.rule.lemma.split("|")[0]
    if lemma not in _CASUALTY_LEMMAS or match.rule.pos != "verb" or m.first != match.last + 1 or m.kind == "nisba":
        return False
    if "ال" in doc.tokens[m.first].prefixes or doc.tokens[m.last].stem.endswith(("ون", "ين", "ان")):
        return False        # «قتل الجيش», «قتل مسلحون»: a definite or plural subject reads as the doer
    k = m.last + 1
    if k >= len(doc.tokens) or doc.tokens[k].sentence != doc.tokens[m.last].sentence:
        return True
    nxt = doc.tokens[k]
    return bool(set(nxt.prefixes) & {"ب"}) or nxt.stem in _NOT_OBJECTS


def _has_object(doc: Document, match: LemmaMatch) -> bool:
    """Whether a casualty verb («قتل», «أصاب») has an object right after it — a noun or a number, not a
    preposition, a time word or the end of the clause: «الجيش قتل 5 مسلحين» is active, «فلان قُتل في
    الاشتباكات» passive; phrases («لقي مصرعه») never have one."""
    if match.rule.pos == "phrase":
        return False
    k = match.last + 1
    if k >= len(doc.tokens) or doc.tokens[k].sentence != doc.tokens[match.last].sentence \
            or _punctuated(doc, match.last, k):
        return False
    nxt = doc.tokens[k]
    return not (set(nxt.prefixes) & {"ب", "ل", "ك"}) and nxt.stem not in _NOT_OBJECTS


_NOT_OBJECTS = frozenset({"في", "علي", "خلال", "جراء", "اثر", "بعد", "قبل", "امس", "اليوم", "مساء", "صباح",
                          "ليل", "ليله", "فجر", "ظهر", "عندما", "حين", "اثناء", "وسط", "قرب", "داخل", "عن", "من",
                          "الى", "برصاص", "اليوم"})


def _relative_after(doc: Document, last: int) -> int:
    """Index of the first relative pronoun or «حيث» after token `last` in its sentence (or past the end)."""
    sentence = doc.tokens[last].sentence
    for k in range(last + 1, len(doc.tokens)):
        tok = doc.tokens[k]
        if tok.sentence != sentence:
            return k
        if tok.stem in _RELATIVES:
            return k
    return len(doc.tokens)


_RELATIVES = _WORDS["relative"] | {"حيث"}


def _named_in_apposition(doc: Document, m: Mention, mentions: list[Mention]) -> Mention:
    """«أجرى وزير الدولة، وزير الشؤون الخارجية ...، أحمد عطاف، محادثات»: a title standing for a person named
    after it between commas is that person."""
    if m.kind != "agent" and not (m.kind == "entity" and m.actor.kb_id is None and m.actor.sector == "government"
                                  and len(m.actor.text.split()) <= 4 and not _naming_people(doc, [m])):
        return m
    for other in mentions:
        if other.first <= m.last or other.first - m.last > _APPOSITION_REACH:
            continue
        gap = doc.text[doc.tokens[m.last].end:doc.tokens[other.first].start]
        if other.kind == "entity" and _naming_people(doc, [other]) and "،" in gap and not any(
                ch in gap for ch in ".؛:«\"") and gap.rstrip().endswith("،"):
            return other
        if other.kind == "entity":
            break
    return m


# _counted_starts depends only on the numbers and tokens layers: computed once per document and reused by
# every trigger (it was recomputed per trigger, quadratic in article length; issue 16)
_COUNTED: list = [None, None, -1, None, -1, None]


def _counted_starts(doc: Document) -> frozenset[int]:
    """Indices of the tokens right after a count of people («ثلاثة جنود», «20 متظاهرا»), and of the body
    they are counted from («13 عنصراً من الشرطة الصومالية»)."""
    key = [doc, doc.numbers, len(doc.numbers), doc.tokens, len(doc.tokens)]
    if all(x is y if not isinstance(x, int) else x == y for x, y in zip(key, _COUNTED)):
        return _COUNTED[5]
    _COUNTED[:] = key + [frozenset(_counted_starts_uncached(doc))]
    return _COUNTED[5]


def _counted_starts_uncached(doc: Document) -> set[int]:
    out = set()
    for n in doc.numbers:
        if n.is_year or n.is_percent:
            continue
        idx = doc.token_range(n.span.start, n.span.end)
        nxt = idx[1] + 1 if idx is not None else len(doc.tokens)
        if nxt < len(doc.tokens) and not doc.text[n.span.end:doc.tokens[nxt].start].strip():
            out.add(nxt)
            if nxt + 2 < len(doc.tokens) and doc.tokens[nxt + 1].stem == "من":
                out.add(nxt + 2)
    for k, tok in enumerate(doc.tokens[:-1]):
        if tok.stem in _VAGUE_COUNTS and not tok.suffix and not _punctuated(doc, k, k + 1):
            # «مقتل عشرات من عناصر التنظيم», «إصابة مئات المحتجين»
            nxt = k + 2 if doc.tokens[k + 1].stem == "من" and not doc.tokens[k + 1].prefixes else k + 1
            out.add(nxt)
    for k in list(out):
        # «العشرات من عناصر المعارضة»: the body a counted force noun belongs to is counted with it
        if k + 1 < len(doc.tokens) and doc.tokens[k].stem in _FORCE_HEADS and not doc.tokens[k].suffix \
                and doc.tokens[k + 1].prefixes == ["ال"] and not _punctuated(doc, k, k + 1):
            out.add(k + 1)
    return out


_VAGUE_COUNTS = _WORDS["vague_count"]
_FORCE_HEADS = _WORDS["force_head"]


def _describes_an_attack_noun(doc: Document, i: int) -> bool:
    """«هجوم استهدف مقرا», «قصف بطائرة مسيّرة استهدف مخيم»: an attack verb right after an attack noun (up
    to three words back, no punctuation) describes what that attack hit."""
    for back in range(1, 4):
        j = i - back
        if j < 0 or doc.tokens[j].sentence != doc.tokens[i].sentence or _punctuated(doc, j, i):
            return False
        if doc.tokens[j].stem in _ATTACK_NOUNS:
            return True
    return False


_ANNOUNCED_ACT_REACH = 16     # «أعلنت جماعة نصرة الإسلام والمسلمين، التابعة لتنظيم القاعدة في منطقة الساحل، عن»


def _announced_with_an(doc: Document, light: int) -> bool:
    """«أعلنت الجماعة ... عن تنفيذ هجوم»: the light noun after the «عن» of an announcing verb is the act its
    subject declares it did, not a time phrase."""
    k = light - 1
    return k > 0 and doc.tokens[k].stem == "عن" and not doc.tokens[k].prefixes \
        and doc.tokens[k].sentence == doc.tokens[light].sentence \
        and announced_by(doc, k, reach=_ANNOUNCED_ACT_REACH) is not None


def _after_a_preposition(doc: Document, k: int) -> bool:
    tok = doc.tokens[k]
    return bool(set(tok.prefixes) & {"ب", "ل", "ك"}) or (
        k > 0 and doc.tokens[k - 1].sentence == tok.sentence and doc.tokens[k - 1].stem in _WORDS["preposition"])


_CLITIC_PREPOSITIONS = frozenset({"ب", "ل", "ك"})
_CRAFT = frozenset(normalize_for_match(w) for w in _OWN_FORCE | _NISBA_HEADS)


_TITLED_SUBJECT_REACH = 10     # «اجتمع الأمين العام للأمم المتحدة أنطونيو غوتيريش»: the title's words before the name


def _craft_around(actors: list[Mention], i: int, last: int) -> Mention | None:
    """The mention that holds the trigger's words and more («طائرة مسيّرة إسرائيلية» around the weapon «طائرة
    مسيّرة»): the craft of a country's forces is itself the attacker."""
    return next((m for m in actors if m.first <= i and last <= m.last and (m.first < i or m.last > last)
                 and m.kind in ("entity", "agent")), None)


def _group_of_the_struck(doc: Document, m: Mention, after: list[Mention], targets: list[Mention]) -> bool:
    """«غارة ضد قيادي بارز بتنظيم القاعدة»: a body joined by «بـ» right after the one struck (or after its
    adjective) is the group the struck belongs to, not who struck («في»: `_after_fi`)."""
    struck = next((o for o in after if o.last < m.first and (o in targets or o.kind == "victim")
                   and o.last >= m.first - 2), None)
    if struck is None or _punctuated(doc, struck.last, m.first):
        return False
    between = doc.tokens[m.first - 1] if struck.last < m.first - 1 else None
    return doc.tokens[m.first].prefixes[:1] == ["ب"] and (between is None or not between.prefixes)


def _titled_person_after_verb(doc: Document, verb_last: int, after: list[Mention]) -> Mention | None:
    """«اجتمع الأمين العام للأمم المتحدة أنطونيو غوتيريش مع ...»: a title right after the verb and the person it
    names, with no mark between, is the verb's subject — the body inside the title is the person's."""
    k = verb_last + 1
    if k >= len(doc.tokens) or doc.tokens[k].sentence != doc.tokens[verb_last].sentence:
        return None
    stem = normalize_for_match(doc.tokens[k].stem)
    if stem not in _person_titles() and "ال" + stem not in _person_titles():     # «أمير قطر», «الأمين العام»
        return None
    person = next((m for m in _naming_people(doc, after) if k < m.first <= verb_last + _TITLED_SUBJECT_REACH), None)
    if person is None or any(_punctuated(doc, j, j + 1) for j in range(verb_last, person.first)):
        return None
    return person


def _craft_subject(doc: Document, verb_last: int) -> bool:
    """«قصفت مسيرة ...», «شنت طائرات ...»: a craft or force noun right after the verb, agreeing with it (a
    feminine noun after a feminine verb), is its subject; «استهدف دورية» has it as the object."""
    k = verb_last + 1
    if k >= len(doc.tokens) or doc.tokens[k].sentence != doc.tokens[verb_last].sentence \
            or normalize_for_match(doc.tokens[k].stem) not in _CRAFT:
        return False
    feminine = doc.tokens[k].stem.endswith(("ه", "ات"))
    return not feminine or normalize_for_match(doc.tokens[verb_last].text).endswith("ت")


def _bare_after_verb(doc: Document, verb_last: int, first: int) -> bool:
    """The subject after a verb (VSO) stands before any prepositional phrase: «وهدد خلالها بقصف أثينا» has no
    subject after the verb («أثينا» is what «قصف» would hit), «قصفت طائرات روسية» has one."""
    for k in range(verb_last + 1, first + 1):
        tok = doc.tokens[k]
        if k < first and (tok.prefixes[:1] in (["ب"], ["ل"], ["ك"]) or tok.stem in _WORDS["preposition"]
                          or tok.stem in _CLITIC_PREPOSITIONS):     # «موقعين لـ"قسد"»: the clitic written apart
            return False
        if k == first and set(tok.prefixes) & _CLITIC_PREPOSITIONS and not _craft_subject(doc, verb_last):
            # «استهدف نقطة عسكرية للجيش المالي»: whose the object is, not who hit it (but «قصفت مسيرة
            # استراتيجية للدعم السريع»: the owner of the craft or the force that is the subject)
            return False
    return True


def in_a_cause_phrase(doc: Document, i: int) -> bool:
    """«مقتل 12 جنديا في هجوم», «بقصف مدفعي»: the noun at token i is governed by a preposition of cause."""
    tok = doc.tokens[i]
    if "ب" in tok.prefixes:
        return True
    return i > 0 and doc.tokens[i - 1].sentence == tok.sentence and doc.tokens[i - 1].stem in _WORDS["cause_preposition"]


_CLAIM_SENTENCES = 5


def _generic(actor: Actor) -> bool:
    """A role, not a named actor: «انتحاري», «مسلحون», «مجهولون»."""
    return actor.kb_id is None or actor.kb_id.startswith("agent.")


_DENIAL = _WORDS["denial"]
_DENIAL_VERBS = _DENIAL - {"لا", "لم", "لن", "دون", "بدون"}
_DENIAL_REACH = 4       # a negating particle this close to the claim («لم تعلن أي جهة مسؤوليتها»), not «ما لا يقل عن 25»


def _claims_another_attack(doc: Document, k: int, events: list[Event]) -> bool:
    """«اعلان تنظيم الدولة مسؤوليته عن هجوم دام على السفارة العراقية في كابول»: the claim names, with an
    indefinite noun, an attack the article only refers to here (set aside) or tells here as one of its own
    (at its own place), not the one told before."""
    tokens = doc.tokens
    j = k + 1
    if j < len(tokens) and tokens[j].stem == "عن" and tokens[j].sentence == tokens[k].sentence:
        j += 1
    if j >= len(tokens) or tokens[j].sentence != tokens[k].sentence or tokens[j].stem not in _ATTACK_NOUNS \
            or "ال" in tokens[j].prefixes or tokens[j].suffix:
        return False
    # set aside as no event of its own (a time reference, a generic mention); a merged mention of a told event
    # keeps no trigger of its own, so only the set-aside ones tell
    return any((n.get("trigger") or {}).get("start") == tokens[j].start for n in doc.non_events) \
        or any(e.trigger.start == tokens[j].start for e in events)


def _restates_an_attack(doc: Document, sentence: int) -> bool:
    """The sentence names an attack with the article («في الكمين», «الهجوم»): the one told before."""
    bounds = doc.token_range(doc.sentences[sentence].start, doc.sentences[sentence].end)
    return bounds is not None and any("ال" in doc.tokens[j].prefixes and doc.tokens[j].stem in _ATTACK_NOUNS
                                      for j in range(bounds[0], bounds[1] + 1))


def _announcing_subject(doc: Document, mentions: list[Mention], k: int) -> Mention | None:
    """«وأكد مسؤولون في المنطقة وقوع الهجوم، فيما أعلنت "حركة الشباب" مسؤوليتها»: the subject right after the
    verb of announcing nearest before the claim word at k (not the sentence's first name: another clause's)."""
    j = announced_by(doc, k, reach=_ANNOUNCER_REACH)
    if j is None:
        return None
    return next((m for m in mentions if j < m.first <= j + 2 and m.last < k), None)


def _credit_claims_of_responsibility(events: list[Event], doc: Document) -> None:
    """«أعلنت حركة طالبان المسؤولية عن الهجوم», «تبنى التنظيم الهجوم»: the claimant is the attacker of the
    latest attack told before the claim (within five sentences) that names none, or names its announcer."""
    attacks = [e for e in events if e.type == "ASSAULT"]
    if not attacks:
        return
    for k, tok in enumerate(doc.tokens):
        if not claims_responsibility(doc, k):
            continue
        sentence = tok.sentence
        sent = doc.sentences[sentence]
        lo = next(j for j in range(k, -1, -1) if j == 0 or doc.tokens[j - 1].sentence != sentence)
        mentions = [m for m in sentence_mentions(doc, sentence, lo, k) if m.kind in ("entity", "agent")
                    and not m.locative]
        # «هجوما تبنته حركة الشباب»: a claiming verb has its subject right after it (VSO); «أعلنت الحركة
        # مسؤوليتها» names it before the noun
        claimant = next((m for m in mentions if 0 < m.first - k <= 2), None) \
            if tok.stem.startswith("تبن") else None
        claimant = claimant or _announcing_subject(doc, mentions, k) or next((m for m in mentions if m.last < k), None)
        if claimant is None or any(doc.tokens[j].stem in _DENIAL_VERBS for j in range(lo, k)) \
                or any(doc.tokens[j].stem in _DENIAL for j in range(max(lo, k - _DENIAL_REACH), k)):
            continue        # «ونفت طالبان أي مسؤولية لها عن الهجوم», «ولم تعلن أي جهة مسؤوليتها»: no one is credited
        if _claims_another_attack(doc, k, events):
            continue
        earlier = [e for e in attacks if e.trigger.start < sent.end
                   and 0 <= sentence - doc.sentence_at(e.trigger.start) <= _CLAIM_SENTENCES]
        if not earlier and not _generic(claimant.actor):
            # «أعلنت جماعة داعش مسؤوليتها عن نصب كمين لقافلة عسكرية ... حيث لقي 14 عسكرياً مصرعهم في الكمين»: a
            # claim told first, the attack it claims told in the sentence after
            told_next = next((e for e in attacks if doc.sentence_at(e.trigger.start) == sentence + 1
                              and _restates_an_attack(doc, sentence + 1)), None)
            if told_next is not None and (told_next.actor1 is None or _generic(told_next.actor1)
                                          and told_next.actor1.sector not in ("military", "police")):
                told_next.actor1 = claimant.actor
        if earlier:
            target = earlier[-1]
            if target.actor1 is None or target.actor1.sector in ("military", "police") \
                    and claimant.actor.sector not in ("military", "police"):
                target.actor1 = claimant.actor
            if not _generic(claimant.actor):
                # «شنه انتحاري ... وقام المهاجم بتفجير نفسه ... تبنت حركة الشباب الهجوم»: the group that claims
                # the attack stands for the bomber or gunmen it was told by, in every mention before the claim
                for other in earlier:
                    if other.actor1 is not None and _generic(other.actor1) \
                            and other.actor1.sector not in ("military", "police"):
                        other.actor1 = claimant.actor
