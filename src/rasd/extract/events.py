"""Stage `events`: PLOVER events from triggers, with actors, place, date, casualties and modality.

For each trigger (data/event_triggers.tsv) in a news sentence:
  1. modality from the words before it (data/modality_cues.tsv): what was negated or merely
     hypothetical, requested or threatened goes to `doc.non_events` with the reason;
  2. a weak trigger needs corroboration in its sentence (a place, a casualty number, or an actor);
  3. actors from the entity/agent layers by Arabic word order (VSO, SVO, agent phrases «لـ»,
     nisba adjectives «غارات روسية», «مع» for meetings, «ضد/على» for targets, victims for attacks);
  4. the place governing the clause, else the previous sentence's, else the article's focus;
  5. the date from the dates layer, else the publication date;
  6. casualties from the sentence (rasd.extract.casualties).
Mentions of the same event (same type, place, date and compatible actors) are merged.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources

from rasd.document import Actor, Document, Entity, Event, EventPlace, Sentence, Span
from rasd.extract.casualties import casualties_in_range
from rasd.extract.attribution import reported_by_for_span
from rasd.extract.clauses import (announced_by, claims_responsibility, is_light_noun, light_verb_before, other_reading,
                                  perfect_verbs, prospective_governor, unanchored_noun)
from rasd.extract.event_place import (_FEATURE_RANK, _event_place, _inside_a_name, _is_dateline_text, _km,
                                      _place_candidates, article_focus, choose_place)
from rasd.extract.specificity import reports_specific_event
from rasd.extract.triggers import LemmaMatch, LemmaRule, find_triggers, lexicon
from rasd.kb import load_kb
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


_WORDS = _event_words()
_LOCATIVE = _WORDS["locative"]
_ACTOR_TYPES = ("PERSON", "ORG", "GPE")


@dataclass
class Mention:
    """An actor candidate in a sentence, located by token indices."""
    first: int
    last: int
    actor: Actor
    kind: str            # entity | agent | nisba | victim
    locative: bool = False


# ---------------------------------------------------------------- data

@lru_cache(maxsize=1)
def _modality_cues() -> dict[str, tuple[str, int]]:
    text = resources.files("rasd.extract").joinpath("data/modality_cues.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t")
    return {normalize_for_match(r["word"]): (r["modality"], int(r["window"])) for r in rows}


@lru_cache(maxsize=1)
def _acled_map() -> list[tuple[str, str, str, str]]:
    text = resources.files("rasd.extract").joinpath("data/plover_acled.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t")
    return [(r["type"], r["mode"], r["acled_type"], r["acled_subtype"]) for r in rows]


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


def acled_category(event_type: str, mode: str | None) -> tuple[str, str]:
    for ptype, pmode, acled_type, acled_sub in _acled_map():
        if ptype in (event_type, "*") and pmode in ((mode or "-"), "*"):
            return acled_type, acled_sub
    return "Strategic developments", "Other"


# ---------------------------------------------------------------- modality

def _inside_name(doc: Document, tok) -> bool:
    return any(e.span.start <= tok.start and tok.end <= e.span.end and e.type in ("ORG", "FAC", "LOC", "GPE")
               for e in doc.entities)


# Violence and protest words often mention what is generic, habitual or abstract («العنف», «الاحتجاجات»):
# for these types a trigger must read as a specific, reported occurrence (rasd.extract.specificity).
_SPECIFICITY_CHECKED = frozenset({"ASSAULT", "PROTEST"})
_CASUALTY_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})    # dispersals and riots hurt people too
_MAX_CUE_WINDOW = 12     # the widest `window` in data/modality_cues.tsv (a claim governs its whole clause)


# «تعرضت قافلته لهجوم»: «ل» after «to undergo» marks what happened to it, not a purpose
_UNDERGO_VERBS = _WORDS["undergo"]
_MODALITY_PRIORITY = ("negated", "threatened", "requested", "hypothetical", "generic", "claimed")


def classify_modality(doc: Document, match: LemmaMatch, event_type: str) -> tuple[str, str | None]:
    """('asserted'|'claimed'|'negated'|'hypothetical'|'requested'|'threatened', the cue word).

    Every cue within its window before the trigger counts; the strongest reading wins (a negation over a
    request over a mere possibility), so «دعت إلى وقف القصف» is a request, not a hypothesis."""
    tokens, i = doc.tokens, match.first
    sentence = tokens[i].sentence
    if "س" in tokens[i].prefixes:
        return "hypothetical", tokens[i].text
    if "ل" in tokens[i].prefixes and not (i > 0 and tokens[i - 1].stem in _UNDERGO_VERBS):
        return "hypothetical", tokens[i].text     # «لاستعادة», «للمطالبة», «ليقصف»: a purpose, not a deed
    if i > 0 and tokens[i - 1].stem in _WORDS["relative"] and tokens[i].stem[:1] in "يتن" \
            and not match.rule.reads_as_noun(tokens[i]):
        return "generic", tokens[i - 1].text     # «القوات التي تعبر الحدود»: a description of the forces
    cues = _modality_cues()
    found: dict[str, str] = {}
    for back in range(1, _MAX_CUE_WINDOW + 1):
        j = i - back
        if j < 0 or tokens[j].sentence != sentence:
            break
        cue = cues.get(tokens[j].stem) or cues.get(tokens[j].norm)
        if cue is None or back > cue[1] or cue[0] == "still" or _in_a_name(doc, tokens[j]):
            continue        # «لو دريان», «قد» in a name: part of a name, not a cue
        modality = cue[0]
        if modality == "negated" and _negation_cancelled(tokens, j, i):
            continue
        if modality == "hypothetical" and tokens[j].stem == "قد" and not tokens[i].stem[:1] in "يتن":
            continue        # «قد» with a perfect verb means «has already»
        if modality == "hypothetical" and back == 1 and tokens[j].stem == "محاوله" and event_type == "ASSAULT":
            continue        # «محاولة اغتيال»: an attempted attack is an attack
        if modality == "requested" and event_type == "REQUEST" or modality == "threatened" and event_type == "THREATEN":
            continue
        found.setdefault(modality, tokens[j].text)
    for modality in _MODALITY_PRIORITY:
        if modality in found:
            return modality, found[modality]
    return "asserted", None


def _in_a_name(doc: Document, tok) -> bool:
    return any(e.span.start <= tok.start < e.span.end for e in doc.entities if e.type in ("PERSON", "ORG"))


def _negation_cancelled(tokens, j: int, i: int) -> bool:
    cues = _modality_cues()
    return any(cues.get(tokens[k].stem, ("",))[0] == "still" for k in range(j + 1, i + 1))


# ---------------------------------------------------------------- mentions

def _token_span_index(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    return doc.token_range(start, end)


def _actor_from_entity(e: Entity) -> Actor:
    return Actor(text=e.text, name_en=e.name_en, kb_id=e.kb_id, canonical=e.canonical, sector=e.sector,
                 country=e.country, span=e.span)


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


def _can_act(e: Entity) -> bool:
    """A country or a capital stands for its government («استخدمت دمشق», «طهران ترد»); a town does not."""
    if e.source == "nisba" or (e.kb_id or "").startswith("cc:"):
        return True
    place = load_kb().gazetteer.place(e.kb_id) if e.kb_id else None
    return place is not None and (place.is_capital or place.feature == "country")


def sentence_mentions(doc: Document, sentence: int, lo: int, hi: int) -> list[Mention]:
    """Actor candidates of a sentence: entities, generic agents and victim nouns, in text order."""
    out: list[Mention] = []
    sent = doc.sentences[sentence]
    for e, kind in [(e, "entity") for e in doc.entities] + [(a, "nisba" if a.source == "nisba" else "agent")
                                                             for a in doc.agents]:
        if not (sent.start <= e.span.start < sent.end) or e.type not in _ACTOR_TYPES + ("FAC",) \
                or _is_dateline_text(doc, e.text, e.span.start):
            continue        # the dateline's city and the outlets reporting are not actors of the event
        idx = _token_span_index(doc, e.span.start, e.span.end)
        if idx is None:
            continue
        if e.type == "FAC":
            # a building hit («هجوم على مستشفى المدينة») is a target, never an attacker
            if _governed_by_token(doc, idx[0], _TARGET_MARKERS):
                out.append(Mention(idx[0], idx[1], _actor_from_entity(e), "target"))
            continue
        locative = e.type == "GPE" and (_is_locative(doc, idx[0]) or not _can_act(e))
        if kind == "agent" and e.sector == "civilian":
            kind = "victim"     # «أطفال», «مدنيون», «النازحين»: those hit, never the attacker
        out.append(Mention(idx[0], idx[1], _actor_from_entity(e), kind, locative))
    victims = _victim_nouns()
    covered = {k for m in out for k in range(m.first, m.last + 1)}
    for k in range(lo, hi):
        if k in covered:
            continue
        hit = victims.get(doc.tokens[k].stem)
        if hit:
            t = doc.tokens[k]
            out.append(Mention(k, k, Actor(text=doc.text[t.stem_start:t.end], name_en=hit[0], sector=hit[1],
                                           span=doc.span(t.stem_start, t.end)), "victim"))
    out.sort(key=lambda m: m.first)
    return _join_force_heads(doc, _drop_titles_of_people(doc, _drop_nested(out)))


def _join_force_heads(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«قوات الحكومة السورية», «عناصر حزب الله», «مقاتلو هيئة تحرير الشام»: a force noun in construct right
    before a named body makes one actor, the body's forces (identity and sector stay the body's)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        head = doc.tokens[m.first - 1] if m.first > 0 else None
        if m.kind == "entity" and head is not None and head.stem in _WORDS["force_head"] \
                and "ال" not in head.prefixes and head.sentence == doc.tokens[m.first].sentence \
                and not doc.text[head.end:doc.tokens[m.first].start].strip() and m.actor.span is not None:
            start = head.stem_start if set(head.prefixes) & {"و", "ف", "ب", "ل"} else head.start
            actor = m.actor.model_copy(update={"text": doc.text[start:m.actor.span.end],
                                               "span": doc.span(start, m.actor.span.end)})
            if prev is not None and prev.first == prev.last == m.first - 1:
                out.pop()           # the agent layer's bare «قوات» is part of this mention
            m = Mention(m.first - 1, m.last, actor, m.kind, m.locative)
        out.append(m)
    return out


def _naming_people(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """The mentions whose span is a PERSON entity's."""
    person_spans = {(e.span.start, e.span.end) for e in doc.entities if e.type == "PERSON"}
    return [m for m in mentions if m.actor.span is not None
            and (m.actor.span.start, m.actor.span.end) in person_spans]


def _drop_titles_of_people(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """«وزير الصحة العامة فراس الأبيض»: a role word right before a named person is that person's title
    («القوات الموالية للرئيس الأسد» are not: a person after «ل/ب» is what the agent belongs to)."""
    people = [m for m in _naming_people(doc, mentions) if m.kind == "entity"]
    keep = []
    for m in mentions:
        if m.kind == "agent" and any(0 < p.first - m.last <= 4 and not _punctuated(doc, m.last, p.first)
                                     and not {"ل", "ب"} & set(doc.tokens[p.first].prefixes)
                                     for p in people):
            continue
        keep.append(m)
    return keep


def _punctuated(doc: Document, a: int, b: int) -> bool:
    return any(ch in ".،,؛:«»\"()" for ch in doc.text[doc.tokens[a].end:doc.tokens[b].start])


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


# ---------------------------------------------------------------- arguments

_AGENT_MARKERS = _WORDS["agent_marker"]
_ATTACK_NOUNS = _WORDS["attack_noun"]
_TARGET_MARKERS = _WORDS["target_marker"]


def _governed_by(doc: Document, m: Mention, words: frozenset[str]) -> bool:
    return _governed_by_token(doc, m.first, words)


def _governed_by_token(doc: Document, first: int, words: frozenset[str]) -> bool:
    if first == 0:
        return False
    prev = doc.tokens[first - 1]
    return prev.stem in words or prev.stem + prev.suffix in words     # «شنته» = شنت + ه


_LIGHT_VERB_RULE = LemmaRule("شن", "verb", (("type", "ASSAULT"), ("strength", "strong")))


def passive_prone(doc: Document, match: LemmaMatch) -> bool:
    """A casualty verb or noun («قتل», «أصيب», «مقتل»): its subject is rarely the attacker."""
    return match.rule.get("strength") == "casualty" or match.rule.lemma in _CASUALTY_LEMMAS


_CASUALTY_LEMMAS = frozenset({"قتل", "مقتل", "استشهد", "قتيل", "شهيد", "أصيب", "جرح",
                              "انفجار", "انفجر"})       # an explosion has no agent as its subject either


_PROTESTER_AGENTS = frozenset({"agent.protester", "agent.activist", "agent.lawyer", "agent.student",
                               "agent.worker", "agent.teacher", "agent.doctor", "agent.farmer"})
_VSO_REACH = 5      # «تظاهر أمس الأحد مئات من أنصار ...»: the subject may follow a time phrase
_ARMED_SECTORS = frozenset({"military", "police", "armed_group", "rebel", "intelligence"})
_COMPLEMENTIZERS = _WORDS["complementizer"]


_AGENT_MARKER_REACH = 10     # «مقتل 12 جنديا في شمال غرب البلاد بكمين مسلح نصبته حركة طالبان»


def _agent_phrase(doc: Document, last: int, after: list[Mention], targets: list[Mention],
                  noun_trigger: bool = True) -> Mention | None:
    """«هجوم قاده مسلحون», «على يد مسلحين», «ونسب لتنظيم داعش» (an explicit agent marker, first);
    then, after a noun of an act, «غارات روسية», «قصف لطائرات النظام» (a nisba or a «ل» phrase right after
    it). After a verb («استهدفت بنى تحتية للحزب») or a casualty word («مقتل عنصر أمن سوري») such a phrase
    belongs to the object or the victim."""
    for m in after:
        if m.kind != "victim" and m not in targets and m.first - last <= _AGENT_MARKER_REACH \
                and _governed_by(doc, m, _AGENT_MARKERS) and _same_clause(doc, last, m.first):
            return m
    if not noun_trigger:
        return None
    for n, m in enumerate(after):
        if m.kind == "victim" or m in targets:
            continue
        # «انسحبت القوات الموالية للرئيس»: a «ل» phrase after another actor belongs to that actor
        near = m.first - last <= 3 and not any(o.kind != "victim" for o in after[:n])
        if near and (m.kind == "nisba" or "ل" in doc.tokens[m.first].prefixes):
            return m
    return None


_BETWEEN_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "RETREAT", "ASSAULT"})
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

    first = next((m for m in after if m.first - last <= _BETWEEN_REACH + 2 and m.kind != "victim"
                  and opened_by(m, "بين")), None)
    if first is None:
        return None
    second = next((m for m in after if m.first > first.last and m.first - first.last <= 3
                   and opened_by(m, None)), None)
    return first.actor, second.actor if second else None


def _same_clause(doc: Document, a: int, b: int) -> bool:
    """No full stop, semicolon or clause-opening «فيما/بينما» between tokens a and b."""
    if any(ch in ".؛;" for ch in doc.text[doc.tokens[a].end:doc.tokens[b].start]):
        return False
    return not any(t.stem in _CLAUSE_BREAKS for t in doc.tokens[a + 1:b])


def _is_circumstantial(tok) -> bool:
    """«داعيا», «محذرا», «معتبرا»: an accusative participle whose agent is the sentence's subject."""
    stem = tok.stem
    return len(stem) >= 4 and stem.endswith("ا") and (stem.startswith("م") or stem[1] == "ا")


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
    named = [m for m in before if m.kind in ("entity", "agent") and i - m.last <= reach and m.first > floor]
    pool = _people_first(doc, named)
    if not pool:
        return None
    return pool[0] if first_named else pool[-1]


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
    starts_sentence = i == 0 or tokens[i - 1].sentence != sentence
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


def _fuller_mention(doc: Document, actor: Actor | None) -> Actor | None:
    """«القوات ألقت القبض»: a bare head noun stands for the fuller mention told before it («القوات الأمنية»)."""
    if actor is None or actor.span is None or actor.kb_id is None or len(actor.text.split()) != 1:
        return actor
    head = normalize_for_match(actor.text)
    earlier = [a for a in doc.agents if a.span.end <= actor.span.start and a.kb_id is not None
               and len(a.text.split()) > 1 and normalize_for_match(a.text.split()[0]) == head]
    if not earlier:
        return actor
    return _actor_from_entity(earlier[-1])


def _motive_accusative(doc: Document, match: LemmaMatch, sentence_start: int) -> bool:
    """«يشنون هجمات ... تضامناً مع غزة», «أضربوا احتجاجاً على الحكم»: a verbal noun in the accusative (written
    with its tanween) after a clause gives the motive of the act before it; the act is the event. A participle
    («داعياً», «مطالباً») is a deed of the subject, and a headline may open with the noun, so neither counts."""
    tok = doc.tokens[match.first]
    if match.first != match.last or tok.prefixes or not tok.text.endswith(("اً", "ًا")) or _is_circumstantial(tok):
        return False
    if light_verb_before(doc, match.first) is not None:
        return False        # «بدأت القوات هجوماً»: the object of a light verb is the act itself
    if match.first > 0 and doc.tokens[match.first - 1].stem in _COMPLEMENTIZERS:
        return False        # «إن هجوماً ... استهدف»: the accusative subject after «إن»
    return match.first - sentence_start >= 3


def _received_at_a_site(doc: Document, match: LemmaMatch) -> bool:
    """«مستشفى البصرة التعليمي استقبل خمسة متظاهرين»: the host of «استقبل» is a hospital, up to seven words before it or two after."""
    tokens = doc.tokens
    sentence = tokens[match.first].sentence
    near = [k for k in range(max(0, match.first - 7), min(len(tokens), match.last + 3))
            if tokens[k].sentence == sentence and not match.first <= k <= match.last]
    return any(tokens[k].stem in _WORDS["receiving_site"] for k in near)


def _accusative_plural(doc: Document, m: Mention) -> bool:
    """A generic plural in «-ين» right after a verb («حذرت النازحين», «استهدفوا المدنيين») is its object: the
    subject would read «-ون». Names ending so («البحرين», «حسين») are entities and do not count."""
    return m.kind in ("agent", "victim") and m.first == m.last and doc.tokens[m.first].stem.endswith("ين") \
        and not doc.tokens[m.first].prefixes[-1:] == ["ب"]


def _coordinated_verb(doc: Document, i: int) -> bool:
    """«وأجرت دول الخليج وروسيا محادثات ...، ودعت في بيان إلى»: a verb after «،و» with no subject of its own
    shares the subject of its sentence's first clause, not the nearest noun before it."""
    tok = doc.tokens[i]
    if i == 0 or doc.tokens[i - 1].sentence != tok.sentence:
        return False
    if doc.tokens[i - 1].stem in _WORDS["clause_break"]:
        return True     # «قالت المنظمة إنها ...، بينما حذرت الناس»: the clause goes on with the same subject
    return tok.prefixes[:1] == ["و"] and any(c in "،," for c in doc.text[doc.tokens[i - 1].end:tok.start])


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
    if light is not None and (event_type == "PROTEST" or _after_a_preposition(doc, light)):
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
        actor1, actor2 = choose_actors(doc, head, event_type, mentions)
        if actor1 is not None:
            return actor1, actor2
    # the outlet reporting («شفق نيوز/ أصيب ...») is no actor of the event
    actors = [m for m in mentions if not m.locative and m.actor.sector != "media"]
    if event_type not in ("ASSAULT", "COERCE"):   # protesters, displaced people ... act in other events
        actors = [Mention(m.first, m.last, m.actor, "agent" if m.kind == "victim" else m.kind) for m in actors]
    else:
        # «مقتل ثلاثة جنود», «أصيب 20 متظاهرا»: whoever is counted in an attack or arrest is hit, not the doer
        counted = _counted_starts(doc)
        actors = [Mention(m.first, m.last, m.actor, "victim", m.locative) if m.first in counted else m
                  for m in actors]
    if event_type == "PROTEST":
        # whoever protests: the crowd named in the sentence («المتظاهرون», «ناشطون», «المحامون»)
        crowd = [m for m in actors if m.actor.kb_id in _PROTESTER_AGENTS or m.actor.name_en == "protesters"]
        if crowd:
            return min(crowd, key=lambda m: abs(m.first - i)).actor, None
    after = [m for m in actors if m.first > last]
    before = [m for m in actors if m.last < i]
    if event_type in _BETWEEN_TYPES and (pair := _between_pair(doc, last, after)) is not None:
        return pair         # «استئناف المحادثات بين ممثلي الجيش وممثلي الدعم السريع»
    verb_like = (match.rule.pos in ("verb", "perfect") and not match.rule.reads_as_noun(tokens[i])) or \
        (match.rule.pos == "phrase" and not tokens[i].stem.endswith("ه"))
    # «واستهدف الحوثيون ناقلة»: right after the trigger verb stands its subject, not a target
    targets = [m for m in after if _governed_by(doc, m, _TARGET_MARKERS) and not (verb_like and m.first == last + 1)]
    circumstantial = _is_circumstantial(tokens[i])
    pronoun_subject = _pronoun_subject(doc, i)
    if verb_like and event_type == "ASSAULT" and _describes_an_attack_noun(doc, i):
        # «قصف بطائرة مسيّرة استهدف مخيم أبو شوك»: the verb tells what the attack before it hit; the
        # mentions after it are targets, the attacker is only in an agent phrase
        targets = [m for m in after if m.first - last <= _VSO_REACH] + targets
        verb_like = False

    actor1 = _agent_phrase(doc, last, after, targets, noun_trigger=not verb_like and not passive_prone(doc, match))
    object_ = None
    if actor1 is None and verb_like and _anaphoric_subject(doc, last):
        actor1 = _previous_subject(doc, i, anaphoric=True)
        if actor1 is not None:
            object_ = next((m for m in after if m.first - last <= _VSO_REACH and m not in targets), None)
    if actor1 is None and verb_like and not circumstantial:
        # SVO with the subject right before the verb («وكانت الوحدات الأمنية قد أوقفت فلانا»)
        subject = next((m for m in reversed(before) if m.kind in ("entity", "agent")
                        and _gap_words(doc, m.last, i) <= 1), None)
        if subject is not None:
            actor1 = subject
            object_ = next((m for m in after if m.first - last <= _VSO_REACH and m not in targets), None)
    if actor1 is None and verb_like and not circumstantial:
        first_after = next((m for m in after if m.first - last <= _VSO_REACH and m not in targets
                            and m.kind != "victim" and _bare_after_verb(doc, last, m.first)), None)
        if first_after is not None and _accusative_plural(doc, first_after):
            object_, first_after = first_after, None    # «وحذرت النازحين»: «-ين» marks the object, not the subject
        passive = passive_prone(doc, match)
        if first_after is not None and pronoun_subject:
            object_ = first_after
        elif first_after is not None and (not passive or first_after.last - last <= 3):
            actor1 = first_after
    if actor1 is None and not (passive_prone(doc, match) and match.rule.pos == "verb"):
        actor1 = _subject_before(doc, i, before, first_named=not verb_like or circumstantial
                                 or _coordinated_verb(doc, i), cross_complementizer=circumstantial)
    if actor1 is None and verb_like and not passive_prone(doc, match):
        actor1 = _previous_subject(doc, i)
    if actor1 is None and not verb_like:
        # «فبعد اجتماع مع الأسد ... وصف عراقجي»: a noun opening the sentence, its subject comes later
        actor1 = next((m for m in after if m not in targets and m.kind in ("entity", "agent")), None)
    if actor1 is not None:
        actor1 = _named_in_apposition(doc, actor1, mentions)
    actor2 = next((m for m in targets if m is not actor1), None) or object_
    if event_type == "ASSAULT":
        victim = next((m for m in sorted(actors, key=lambda m: abs(m.first - i))
                       if m.kind == "victim" and abs(m.first - i) <= 8), None)
        if actor1 is None and actor2 is not None and actor2.actor.sector in _ARMED_SECTORS \
                and (victim is not None or passive_prone(doc, match)):
            actor1, actor2 = actor2, victim   # «قتل ستة متظاهرين في مواجهات مع قوات الأمن»
        elif actor2 is None and victim is not None:
            actor2 = victim
    if actor2 is None and actor1 is not None and verb_like and actor1.first > last:
        nxt = [m for m in after if m.first > actor1.last and m.first - actor1.last <= 3 and m.kind != "nisba"]
        actor2 = nxt[0] if nxt else None
    if actor1 is not None and actor1.last < i and passive_prone(doc, match) \
            and (k := announced_by(doc, i)) is not None and (actor1.first > k or actor1.last < k):
        # «أعلن الجيش مقتل 12 جنديا»: the announcer of a toll is not who inflicted it
        actor1 = None
    if event_type == "ASSAULT" and actor1 is not None and actor1.last < i and not verb_like and light is None \
            and _in_a_cause_phrase(doc, i):
        # «مقتل 12 جنديا في هجوم»، «إثر قصف»: a noun inside a prepositional phrase is the cause of the clause's
        # event, not its predicate; the clause's subject (often who announces it) is not its agent
        actor1 = _agent_phrase(doc, last, after, targets)
    if _undergone(doc, i):
        # «تعرضوا لإطلاق نار»: the subject of «to undergo» is hit; only an agent phrase names the attacker
        undergoer = actor1 if actor1 is not None and actor1.last < i else None
        actor1 = _agent_phrase(doc, last, after, targets)
        actor2 = undergoer or actor2
    return (actor1.actor if actor1 else None), (actor2.actor if actor2 else None)


_APPOSITION_REACH = 16


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


def _counted_starts(doc: Document) -> set[int]:
    """Indices of the tokens right after a count of people («ثلاثة جنود», «20 متظاهرا»), and of the body
    they are counted from («13 عنصراً من الشرطة الصومالية»)."""
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
    return out


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


def _after_a_preposition(doc: Document, k: int) -> bool:
    tok = doc.tokens[k]
    return bool(set(tok.prefixes) & {"ب", "ل", "ك"}) or (
        k > 0 and doc.tokens[k - 1].sentence == tok.sentence and doc.tokens[k - 1].stem in _WORDS["preposition"])


def _bare_after_verb(doc: Document, verb_last: int, first: int) -> bool:
    """The subject after a verb (VSO) stands before any prepositional phrase: «وهدد خلالها بقصف أثينا» has no
    subject after the verb («أثينا» is what «قصف» would hit), «قصفت طائرات روسية» has one."""
    for k in range(verb_last + 1, first + 1):
        tok = doc.tokens[k]
        if k < first and (tok.prefixes[:1] in (["ب"], ["ل"], ["ك"]) or tok.stem in _WORDS["preposition"]):
            return False
        if k == first and tok.prefixes[-1:] in (["ب"], ["ل"], ["ك"]) and "ال" not in tok.prefixes:
            return False
    return True


def _in_a_cause_phrase(doc: Document, i: int) -> bool:
    tok = doc.tokens[i]
    if "ب" in tok.prefixes:
        return True
    return i > 0 and doc.tokens[i - 1].sentence == tok.sentence and doc.tokens[i - 1].stem in _WORDS["cause_preposition"]


def _undergone(doc: Document, i: int) -> bool:
    return "ل" in doc.tokens[i].prefixes and i > 0 and doc.tokens[i - 1].stem in _UNDERGO_VERBS


_DATE_LOOKBACK = 3     # sentences a narrative date carries forward («يوم السبت» ... then the details)


_DATE_WINDOW_CHARS = 90   # a date this close to the trigger in its sentence is the trigger's («قصف ... الأربعاء»)


def choose_date(doc: Document, match: LemmaMatch) -> tuple[str | None, str | None, str | None]:
    """The date of a trigger: a date expression near it in its sentence (one far off in the sentence
    belongs to a subordinate clause: «ما اتفقا عليه في 11 أيار»); else the last day-precision date of the
    few sentences before it (the story's narrative date); else the publication date."""
    t = doc.tokens[match.first]
    start, end = t.start, doc.tokens[match.last].end
    sent = doc.sentences[t.sentence]
    near = [d for d in doc.dates if d.value and sent.start <= d.span.start < sent.end
            and not getattr(d, "default", False) and _char_distance(d.span, start, end) <= _DATE_WINDOW_CHARS
            and not _inside_a_name(doc, d.span)]
    if near:
        best = min(near, key=lambda d: _char_distance(d.span, start, end))
        return best.value, best.precision, "text"
    window_start = doc.sentences[max(0, t.sentence - _DATE_LOOKBACK)].start
    earlier = [d for d in doc.dates if window_start <= d.span.start < start and d.value
               and not getattr(d, "default", False) and d.precision == "day" and _recent(d.value, doc)]
    if earlier:
        return earlier[-1].value, earlier[-1].precision, "narrative"
    if doc.article.published:
        return doc.article.published.isoformat(), "day", "publication"
    return None, None, None


_NARRATIVE_DAYS = 14    # an older date in an earlier sentence is background («اتفاق 20 أيار»), not the story's


def _recent(value: str, doc: Document) -> bool:
    published = doc.article.published
    if published is None:
        return True
    try:
        return 0 <= (published - dt.date.fromisoformat(value)).days <= _NARRATIVE_DAYS
    except ValueError:
        return False


def _char_distance(span, start: int, end: int) -> int:
    return max(0, span.start - end, start - span.end)


def _is_historical(event: Event, doc: Document) -> bool:
    """Dated to a year before the publication year («في عام 2011»): background, not news."""
    published = doc.article.published
    return bool(published and event.date and event.date_precision == "year"
                and int(event.date[:4]) < published.year)


def _refine_mode(doc: Document, event_type: str, mode: str | None, sentence: int) -> str | None:
    if event_type != "ASSAULT":
        return mode
    words = {t.stem for t in doc.tokens if t.sentence == sentence}
    if words & {"جوي", "جويه", "طائرات", "طائره", "الطيران", "طيران", "غاره", "غارات", "حربيه", "مروحيه"}:
        return "aerial"
    if words & {"مسيره", "مسيرات", "درون"}:
        return "drone"
    return mode


def _acled_for(event: Event) -> tuple[str, str]:
    acled_type, sub = acled_category(event.type, event.mode)
    if event.type == "ASSAULT" and event.mode in (None, "firearms") and event.actor2 is not None \
            and event.actor2.sector == "civilian":
        return "Violence against civilians", "Attack"
    return acled_type, sub


# ---------------------------------------------------------------- the stage

def _corroborated(doc: Document, sentence: int, casualties, mentions: list[Mention], event_type: str) -> bool:
    """A weak trigger stands with a place, a casualty count or a named actor in its sentence — or, for
    protests and arrests, a generic crowd or force («مئات المتظاهرين», «قوات الأمن»)."""
    crowd_ok = event_type in ("PROTEST", "COERCE")
    return bool(_place_candidates(doc, sentence) or casualties.fatalities or casualties.injuries
                or any(m.kind in ("entity", "nisba") or (crowd_ok and m.kind in ("agent", "victim"))
                       for m in mentions))


def _set_aside(doc: Document, event_type: str, trigger: Span, sent: Sentence, modality: str, reason: str) -> None:
    """A trigger that reports no event goes to `non_events` with why, and its sentence as evidence."""
    doc.non_events.append({"type": event_type, "trigger": trigger.model_dump(), "modality": modality,
                           "reason": reason, "evidence": doc.span(sent.start, sent.end).model_dump()})



# stage contract (rasd.pipeline): the layers this stage reads and the ones it writes
NEEDS = ("entities", "agents", "places", "dates", "source", "attributions")
ADDS = ("events", "non_events")

def run(doc: Document) -> None:
    if not doc.tokens:
        return
    focus = article_focus(doc)
    found: list[tuple[int, Event]] = []
    restating: set[int] = set()      # ids of events told by a definite or possessed noun («الهجوم», «لقائهما»)
    matches = find_triggers(doc.tokens)
    verbs = perfect_verbs(doc, [m.first for m in matches if not m.rule.reads_as_noun(doc.tokens[m.first])])
    assault_starts = [m.first for m in matches if m.rule.get("type") == "ASSAULT"]
    for match in matches:
        trig = doc.tokens[match.first]
        sentence = trig.sentence
        sent = doc.sentences[sentence]
        if sent.furniture:
            continue
        event_type = match.rule.get("type")
        if _inside_name(doc, trig):
            continue            # «مجلس التعاون الخليجي» is a name, not cooperation
        lo = next(k for k in range(match.first, -1, -1) if k == 0 or doc.tokens[k - 1].sentence != sentence)
        hi = next((k for k in range(match.first, len(doc.tokens)) if doc.tokens[k].sentence != sentence),
                  len(doc.tokens))
        modality, cue = classify_modality(doc, match, event_type)
        trigger_span = doc.span(trig.start, doc.tokens[match.last].end)
        set_aside = partial(_set_aside, doc, event_type, trigger_span, sent)
        if modality in ("negated", "hypothetical", "requested", "threatened", "generic"):
            set_aside(modality, f"«{cue}» before the trigger")
            continue
        if (reading := other_reading(doc, match.first)) is not None:
            set_aside("sense", reading)
            continue
        if match.rule.reads_as_noun(trig) and unanchored_noun(doc, match.first, event_type, verbs) \
                and light_verb_before(doc, match.first) is None:
            set_aside("generic", f"«{trig.text}» names the act with no verb or date that makes it an occurrence")
            continue
        governor = prospective_governor(doc, match.first, event_type)
        if governor is not None:
            set_aside("prospective", f"«{governor.text}» makes it sought or proposed, not done")
            continue
        if _motive_accusative(doc, match, lo):
            set_aside("motive", f"«{trig.text}» gives the motive of another act, it is none itself")
            continue
        if event_type == "CONSULT" and _received_at_a_site(doc, match):
            set_aside("sense", "a hospital receiving the wounded is no meeting")
            continue
        mentions = sentence_mentions(doc, sentence, lo, hi)
        casualties = _clause_casualties(doc, match, lo, hi, assault_starts,
                                        sentence_fallback=event_type == "ASSAULT") \
            if event_type in _CASUALTY_TYPES else None
        strength = match.rule.get("strength")
        if strength == "casualty" and not (casualties and (casualties.fatalities or casualties.injuries)):
            continue
        if strength == "weak" and not _corroborated(doc, sentence, casualties or _NO_CASUALTIES, mentions, event_type):
            continue
        actor1, actor2 = choose_actors(doc, match, event_type, mentions)
        actor1, actor2 = _fuller_mention(doc, actor1), _fuller_mention(doc, actor2)
        if actor1 is None and event_type == "PROTEST" and (crowd := _unnamed_protesters()) is not None:
            actor1 = crowd.model_copy()
        place = choose_place(doc, match, focus)
        date, precision, date_source = choose_date(doc, match)
        mode = _refine_mode(doc, event_type, match.rule.get("mode") or None, sentence)
        if mode == "-":
            mode = None
        event = Event(type=event_type, mode=mode, trigger=trigger_span, evidence=doc.span(sent.start, sent.end),
                      actor1=actor1, actor2=actor2, place=_event_place(place), date=date, date_precision=precision,
                      date_source=date_source,
                      fatalities=casualties.fatalities if casualties else None,
                      injuries=casualties.injuries if casualties else None,
                      casualties_approximate=bool(casualties and casualties.approximate),
                      modality=modality, confidence=1.0 if match.rule.get("strength") == "strong" else 0.6)
        event.acled_type, event.acled_subtype = _acled_for(event)
        if _is_historical(event, doc):
            # background («انتهت في عام 2016»): flagged and dated, kept apart from the news it frames
            event.modality = "historical"
            doc.non_events.append({**event.model_dump(mode="json"), "reason": f"dated {event.date}, "
                                   "before the publication year"})
            continue
        if event_type in _SPECIFICITY_CHECKED:
            specific, why = reports_specific_event(doc, sentence, match.first, event_type)
            if not specific:
                set_aside("generic", why)
                continue
        if passive_prone(doc, match):
            event.confidence = min(event.confidence, 0.8)   # marks an actor1 read off a casualty word
        if casualties is not None and casualties.running_total and _update_total(found, event):
            continue        # «ليرتفع عدد القتلى إلى خمسة»: the toll of an event already told, not a new one
        found.append((sentence, event))
        if match.rule.reads_as_noun(trig) and ("ال" in trig.prefixes or trig.suffix):
            restating.add(id(event))
    events = merge_events(found, restating)
    events = _fold_protest_demands(events, doc)
    _credit_claims_of_responsibility(events, doc)
    _inherit_actors(events, doc)
    events = [e for e in events if not _is_summary(e, events, doc)]
    for e in events:
        e.reported_by = reported_by_for_span(doc, e.evidence.start, e.evidence.end)
        if e.actor1 is not None and e.actor2 is not None and _actor_key(e.actor1) == _actor_key(e.actor2):
            e.actor2 = None     # one actor is never both sides (mentions merged from two clauses)
    doc.events = sorted(events, key=lambda e: e.trigger.start)     # in the order the article tells them


_CLAUSE_BREAKS = _WORDS["clause_break"]


def clause_bounds(doc: Document, i: int, lo: int, hi: int) -> tuple[int, int]:
    """Token range of the clause around token i: «قُتل أربعة ... في إبديتا، فيما قتل أربعة آخرون في البارة»."""
    start = i
    while start > lo and doc.tokens[start].stem not in _CLAUSE_BREAKS and doc.text[doc.tokens[start - 1].end:doc.tokens[start].start].strip() not in ("؛", ";"):
        start -= 1
    end = i + 1
    while end < hi and doc.tokens[end].stem not in _CLAUSE_BREAKS and doc.text[doc.tokens[end - 1].end:doc.tokens[end].start].strip() not in ("؛", ";"):
        end += 1
    return start, end


def _clause_casualties(doc: Document, match: LemmaMatch, lo: int, hi: int, assault_starts: list[int],
                       sentence_fallback: bool = True):
    """Casualties of the trigger's clause; a figure the clause lacks comes from the whole sentence
    («مقتل الضابطين، كما أصيب اثنان آخران»)."""
    c_lo, c_hi = clause_bounds(doc, match.first, lo, hi)
    found = casualties_in_range(doc, c_lo, c_hi)
    if (c_lo, c_hi) == (lo, hi) or (found.fatalities is not None and found.injuries is not None) \
            or not sentence_fallback:
        return found        # arrests and protests take only their own clause's figures
    whole = casualties_in_range(doc, lo, hi)
    if found.fatalities is None and found.injuries is None:
        # «قُتل ٣ في غارات على الحديدة ...، بعد ساعات من إعلان استهداف سفينة»: the toll belongs to the
        # attack told in its own clause; a clause without figures borrows them only when it is the only one
        others = [k for k in assault_starts if lo <= k < hi and not c_lo <= k < c_hi]
        return found if others else whole
    found.fatalities = found.fatalities if found.fatalities is not None else whole.fatalities
    found.injuries = found.injuries if found.injuries is not None else whole.injuries
    return found


def _update_total(found: list[tuple[int, Event]], event: Event) -> bool:
    """Raise the toll of the latest earlier event of the same type and place; False when there is none."""
    for _sentence, earlier in reversed(found):
        if earlier.type == event.type and _same_place(earlier.place, event.place) and earlier.place is not None:
            for field in ("fatalities", "injuries"):
                new = getattr(event, field)
                if new is not None and (getattr(earlier, field) or 0) < new:
                    setattr(earlier, field, new)
            return True
    return False


class _NoCasualties:
    fatalities = injuries = None


_NO_CASUALTIES = _NoCasualties()


def _actor_key(a: Actor | None) -> str | None:
    if a is None:
        return None
    return a.kb_id or normalize_for_match(a.text)


def _same_place(a: EventPlace | None, b: EventPlace | None) -> bool:
    """Same point; and for places located by their city («منطقة المواصي»), the same name too."""
    if a is None or b is None:
        return True
    close = abs((a.lat or 0) - (b.lat or 0)) < 0.05 and abs((a.lon or 0) - (b.lon or 0)) < 0.05
    if close and ({a.feature, b.feature} & {"neighbourhood", "fac", "approximate"}):
        # «سوق الجمعة» and «منطقة سوق الجمعة» are one place: the same gazetteer name, or one name inside the other
        na, nb = normalize_for_match(a.text), normalize_for_match(b.text)
        return na == nb or na.endswith(" " + nb) or nb.endswith(" " + na) or \
            (a.name_en is not None and a.name_en == b.name_en)
    return close


def _compatible(a: Event, b: Event, same_sentence: bool, lead: bool = False) -> bool:
    if a.type != b.type:
        return False
    if same_sentence:
        return _same_place(a.place, b.place)
    k1a, k1b = _actor_key(a.actor1), _actor_key(b.actor1)
    if a.fatalities and b.fatalities and a.fatalities != b.fatalities and not _refines(a, b) and not _refines(b, a):
        return False        # two tolls in two sentences: two strikes, even in one town on one day
    if a.mode and b.mode and a.mode != b.mode:
        return False        # a capture and an air strike on one town are two events
    if a.place is None or b.place is None or not (k1a is None or k1b is None or k1a == k1b):
        return False
    if lead and _same_date(a, b, lead) and a.place.lat is not None and b.place.lat is not None:
        # a headline («مقتل شخصين في اشتباكات بسوق الجمعة») names the place of the story told below it,
        # often by a district where the body names its city
        return _same_place(a.place, b.place) or _km(a.place, b.place) <= _LEAD_KM
    return _same_date(a, b, lead) and _same_place(a.place, b.place)


_LEAD_SENTENCES = 2     # the headline and the lead sentence summarise the story told below them
_LEAD_KM = 25.0


_VAGUE_FLOORS = frozenset({10, 100, 1000})     # «عشرات», «مئات», «آلاف» as text/data/vague_quantities.tsv reads them


def _refines(vague: Event, exact: Event) -> bool:
    """«قُتل عشرات المدنيين» (a floor of 10) and «بلغت الحصيلة نحو 40» tell one toll, the second more precisely."""
    return bool(vague.casualties_approximate and vague.fatalities in _VAGUE_FLOORS
                and exact.fatalities and exact.fatalities > vague.fatalities)


def _same_date(a: Event, b: Event, lead: bool) -> bool:
    """Equal dates; or, in the headline or lead, a date only defaulted to the publication date (the
    headline's «مقتل شخصين في اشتباكات» is the body's «أمس» event)."""
    return a.date == b.date or (lead and "publication" in (a.date_source, b.date_source))


def _absorb(into: Event, other: Event, keep_actors: bool = False, keep_tolls: bool = False) -> None:
    """Merge mention `other` into event `into`; a restating mention («المحادثات») names no new actor, and a
    coarser or restating one («أن الهجوم وقع ... وأن 20 مهاجما قتلوا») only fills a toll the event lacks."""
    if into.date_source == "publication" and other.date_source in ("text", "narrative"):
        into.date, into.date_precision, into.date_source = other.date, other.date_precision, other.date_source
    if other.actor1 is not None and (into.actor1 is None or (into.confidence < other.confidence and not keep_actors)):
        into.actor1 = other.actor1      # the attack word's agent («بقصف لطائرات النظام») beats «قُتل»'s
    into.actor2 = into.actor2 or other.actor2
    if into.place is None or (other.place is not None and
                              _FEATURE_RANK.get(other.place.feature or "", 2) < _FEATURE_RANK.get(into.place.feature or "", 2)):
        into.place = other.place or into.place
    for field in ("fatalities", "injuries"):
        values = [v for v in (getattr(into, field), getattr(other, field)) if v is not None]
        if keep_tolls and getattr(into, field) is not None:
            continue
        setattr(into, field, max(values) if values else None)
    into.confidence = max(into.confidence, other.confidence)


_SUMMARY_KM = 50.0


_ACTOR_MEMORY_SENTENCES = 3


def _inherit_actors(events: list[Event], doc: Document) -> None:
    """«ووقعت الهجمات الأربعاء ...» after «قوات الدعم السريع قتلت 30 مدنيا»: an attack or protest told with
    no actor takes the actor of the same kind of event told just before it."""
    for k, event in enumerate(events):
        if event.actor1 is not None or event.type not in _SPECIFICITY_CHECKED:
            continue
        here = doc.sentence_at(event.trigger.start)
        for earlier in reversed(events[:k]):
            if earlier.type == event.type and earlier.actor1 is not None \
                    and 0 <= here - doc.sentence_at(earlier.trigger.start) <= _ACTOR_MEMORY_SENTENCES:
                event.actor1 = earlier.actor1
                break


def _is_total_of_others(event: Event, events: list[Event]) -> bool:
    """«مقتل 16 فلسطينيا بغارات» over a story of strikes killing 12, 2 and 2: the headline adds them up."""
    others = [o.fatalities for o in events if o is not event and o.type == event.type and o.fatalities]
    return bool(event.fatalities and len(others) >= 2 and sum(others) == event.fatalities)


def _is_summary(event: Event, events: list[Event], doc: Document) -> bool:
    """An event at a coarse place («قصف ... على ريف إدلب») that more specific events of the same type in
    the article detail (villages within 50 km) is their summary, not another event: kept in non_events."""
    if _is_total_of_others(event, events):
        doc.non_events.append({"type": event.type, "trigger": event.trigger.model_dump(), "modality": "summary",
                               "reason": "its toll is the sum of the article's other tolls",
                               "evidence": event.evidence.model_dump()})
        return True
    p = event.place
    rank = _FEATURE_RANK.get(p.feature or "", 2) if p is not None else 0
    if p is None or p.lat is None or rank == 0:
        return False
    details = [o for o in events if o is not event and o.type == event.type and o.place is not None
               and o.place.lat is not None and _FEATURE_RANK.get(o.place.feature or "", 2) < rank
               and (_km(o.place, p) <= _SUMMARY_KM or _restates_in_its_country(event, o))]
    if not details:
        return False
    if len(details) == 1:
        # one finer mention of the same attack («غارات على الحديدة» in the headline, «محافظة الحديدة» in the
        # lead): the same event, whose toll, date and agent the coarser mention may be the one to tell
        _absorb(details[0], event, keep_tolls=True)
    doc.non_events.append({"type": event.type, "trigger": event.trigger.model_dump(), "modality": "summary",
                           "reason": f"summary of {len(details)} more specific event(s) in this article",
                           "evidence": event.evidence.model_dump()})
    return True


def _restates_in_its_country(coarse: Event, fine: Event) -> bool:
    """«قتلت قوات الدعم السريع 30 مدنيا في السودان» over «... في قرية بريمة رشيد»: an event placed only in a
    country (or a region of it) is the same as a finer one there with the same toll or the same attacker."""
    if coarse.place is None or fine.place is None or coarse.place.country != fine.place.country:
        return False
    same_toll = coarse.fatalities is not None and coarse.fatalities == fine.fatalities
    same_actor = _actor_key(coarse.actor1) is not None and _actor_key(coarse.actor1) == _actor_key(fine.actor1)
    return same_toll or (same_actor and coarse.fatalities is None)


def merge_events(found: list[tuple[int, Event]], restating: set[int] = frozenset()) -> list[Event]:
    """One event per distinct (type, actors, place, date): repeated mentions are merged into the first.
    A definite or possessed noun («الهجوم», «القمة», «لقائهما») restates an event told before it when one of
    its type stands at a compatible place and date, whoever the sentence names beside it."""
    merged: list[tuple[int, Event]] = []
    for sentence, ev in found:
        target = next((m for s, m in merged
                       if _compatible(m, ev, s == sentence, lead=min(s, sentence) < _LEAD_SENTENCES)), None)
        restated = None
        if target is None and id(ev) in restating:
            target = restated = _restated(merged, sentence, ev)
        if target is None:
            merged.append((sentence, ev))
        else:
            _absorb(target, ev, keep_actors=restated is not None, keep_tolls=restated is not None)
    return [e for _, e in merged]


_RESTATE_SENTENCES = 3


def _restated(merged: list[tuple[int, Event]], sentence: int, ev: Event) -> Event | None:
    """The latest earlier event of ev's type, within three sentences, that ev may restate: at a compatible
    place (the same, within 25 km, or unknown on one side), on a compatible date, with no other toll."""
    for s, m in reversed(merged):
        if m.type != ev.type or not 0 <= sentence - s <= _RESTATE_SENTENCES:
            continue
        if m.fatalities and ev.fatalities and m.fatalities != ev.fatalities \
                and not _refines(m, ev) and not _refines(ev, m):
            continue
        places_agree = m.place is None or ev.place is None or _same_place(m.place, ev.place) or (
            m.place.lat is not None and ev.place.lat is not None and _km(m.place, ev.place) <= _LEAD_KM)
        if places_agree and _same_date(m, ev, lead=True):
            return m
    return None


_CLAIM_SENTENCES = 5


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
        claimant = next((m for m in sentence_mentions(doc, sentence, lo, k)
                         if m.last < k and m.kind in ("entity", "agent") and not m.locative), None)
        if claimant is None:
            continue
        earlier = [e for e in attacks if e.trigger.start < sent.end
                   and 0 <= sentence - doc.sentence_at(e.trigger.start) <= _CLAIM_SENTENCES]
        if earlier:
            target = earlier[-1]
            if target.actor1 is None or target.actor1.sector in ("military", "police") \
                    and claimant.actor.sector not in ("military", "police"):
                target.actor1 = claimant.actor


def _fold_protest_demands(events: list[Event], doc: Document) -> list[Event]:
    """«وطالب المتظاهرون بـ...» in a protest's sentence, or by its crowd: the demand is what the protest
    voiced, one event with it (as ANNOTATION codes a protest with demands), not a REQUEST of its own."""
    protests = [e for e in events if e.type == "PROTEST"]
    if not protests:
        return events
    kept = []
    for e in events:
        crowd = e.actor1 is not None and (e.actor1.kb_id in _PROTESTER_AGENTS)
        same_sentence = any(doc.sentence_at(p.trigger.start) == doc.sentence_at(e.trigger.start) for p in protests)
        if e.type == "REQUEST" and (crowd or same_sentence):
            doc.non_events.append({"type": e.type, "trigger": e.trigger.model_dump(), "modality": "part_of_protest",
                                   "reason": "the demand voiced by a protest told in the article",
                                   "evidence": e.evidence.model_dump()})
            continue
        kept.append(e)
    return kept
