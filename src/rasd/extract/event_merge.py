"""One event per real event inside an article: mentions merged by type, place, date and actors; restatements,
running totals, summaries of finer events, protest demands. Part of the events stage."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache
from importlib import resources

from rasd.document import Actor, Document, Event, EventPlace
from rasd.extract.attribution import claim_sources
from rasd.extract.clauses import claims_responsibility
from rasd.extract.event_actors import _PROTESTER_AGENTS
from rasd.extract.event_lexicon import _SPECIFICITY_CHECKED, _WORDS
from rasd.extract.event_place import _FEATURE_RANK, _km
from rasd.extract.specificity import generic_nouns
from rasd.extract.speech import is_complementizer, verb_form
from rasd.kb import load_kb
from rasd.kb.keys import name_key
from rasd.kb.tsv import numbered_rows
from rasd.text.normalize import normalize_for_match

_TOLL_KINDS = ("early", "update", "previous", "period")


@lru_cache(maxsize=1)
def toll_revision_cues() -> dict[str, str]:
    """data/toll_revision_cues.tsv: normalized phrase → early | update."""
    path = resources.files("rasd.extract") / "data" / "toll_revision_cues.tsv"
    cues = {}
    for lineno, cells in numbered_rows(path):
        if len(cells) != 2 or cells[1].strip() not in _TOLL_KINDS or not cells[0].strip():
            raise ValueError(f"{path}:{lineno}: expected «phrase<TAB>early|update|previous|period», got {chr(9).join(cells)!r}")
        cues[normalize_for_match(cells[0].strip())] = cells[1].strip()
    return cues


def _cue_words_pattern(words: Iterable[str]) -> re.Pattern:
    """Normalised cue phrases as one pattern, longest first, each opening a word (a leading و/ف/ل allowed)."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"(?:^|\s)[وفل]?(?:" + "|".join(map(re.escape, ordered)) + r")(?=\s|$)")


@lru_cache(maxsize=1)
def _toll_revision_pattern() -> re.Pattern:
    return _cue_words_pattern(w for w, kind in toll_revision_cues().items() if kind != "period")


def revises_toll(event: Event) -> bool:
    """The event's sentence gives its toll as one count of an evolving toll: «في حصيلة أولية»,
    «وارتفعت الحصيلة إلى» (a leading و/ف/ل allowed)."""
    return _revises_toll(event.evidence.text)


@lru_cache(maxsize=1)
def _superseded_count_pattern() -> re.Pattern:
    return _cue_words_pattern(w for w, kind in toll_revision_cues().items() if kind == "previous")


@lru_cache(maxsize=4096)
def tells_a_superseded_count(sentence: str) -> bool:
    """The sentence gives a toll as the count since superseded («وكانت الحصيلة السابقة خمسين قتيلا»): a `previous`
    cue of data/toll_revision_cues.tsv (not a first count, «حصيلة أولية», which may be the latest told)."""
    return _superseded_count_pattern().search(normalize_for_match(sentence)) is not None


@lru_cache(maxsize=1)
def _period_total_pattern() -> re.Pattern:
    return _cue_words_pattern(w for w, kind in toll_revision_cues().items() if kind == "period")


@lru_cache(maxsize=4096)
def tells_a_period_total(sentence: str) -> bool:
    """The sentence's running total counts a whole period («ترتفع حصيلة الشهداء منذ بداية العام إلى 175»): a
    `period` cue of data/toll_revision_cues.tsv; it raises no toll of the event told before."""
    return _period_total_pattern().search(normalize_for_match(sentence)) is not None


@lru_cache(maxsize=4096)
def _revises_toll(sentence: str) -> bool:
    # asked ~30 times an article of the same few sentences: one search per sentence text (issue 16)
    return _toll_revision_pattern().search(normalize_for_match(sentence)) is not None


@lru_cache(maxsize=1)
def _summary_pattern() -> re.Pattern:
    """data/summary_cues.tsv as one pattern over normalized text."""
    path = resources.files("rasd.extract") / "data" / "summary_cues.tsv"
    phrases = []
    for lineno, cells in numbered_rows(path):
        if len(cells) != 1 or not cells[0].strip():
            raise ValueError(f"{path}:{lineno}: expected one phrase, got {chr(9).join(cells)!r}")
        phrases.append(normalize_for_match(cells[0].strip()))
    words = sorted(phrases, key=len, reverse=True)
    alternatives = [re.escape(w).replace(re.escape(_COUNT_MARK), _COUNT) for w in words]
    return re.compile(r"(?:^|\s)[وفبل]?(?:" + "|".join(alternatives) + r")(?=\s|$)")


_COUNT_MARK = "{n}"
# «{n}» in a summary phrase: a count of two or more, in digits or words («على 5 بلدات», «في ثلاث قرى»)
_COUNT = r"(?:[2-9]|\d\d+|[٢-٩]|اثنتين|ثلاث|ثلاثه|اربع|اربعه|خمس|خمسه|ست|سته|سبع|سبعه|ثماني|ثمانيه|تسع|تسعه|عشر|عشره)"


def tells_several(event: Event) -> bool:
    """The event's sentence sums up several events («في تفجيرات استهدفت عدة مناطق»)."""
    return _sums_up_several(event.evidence.text)


@lru_cache(maxsize=4096)
def _sums_up_several(sentence: str) -> bool:
    # asked for each pair of mentions an article's merge compares: one search per sentence text
    return _summary_pattern().search(normalize_for_match(sentence)) is not None


_INNER = frozenset({"neighbourhood", "fac", "approximate"})
_NESTED_KM = 12.0


def _nested(a: EventPlace | None, b: EventPlace | None) -> bool:
    """One place is a city and the other a neighbourhood, square, market or facility within 12 km of its point
    («بغداد» and «ساحة الطيران»): the event told at two levels, not two places. Two villages, or two named
    districts, are never nested."""
    if a is None or b is None or a.lat is None or b.lat is None:
        return False
    if not ((a.feature in _INNER and b.feature == "city") or (b.feature in _INNER and a.feature == "city")):
        return False
    return _km(a, b) <= _NESTED_KM


_CLAUSE_BREAKS = _WORDS["clause_break"]


def _clause_break_between(a: Event, b: Event) -> bool:
    """A clause-opening connective («كما», «فيما», «بينما») between the triggers of two mentions of one sentence."""
    first, second = sorted((a, b), key=lambda e: e.trigger.start)
    offset = first.evidence.start
    between = first.evidence.text[first.trigger.end - offset:second.trigger.start - offset]
    return any(normalize_for_match(w).removeprefix("و") in _CLAUSE_BREAKS for w in between.split())


def _tolls_agree(a: Event, b: Event) -> bool:
    """The same toll, a toll on one side only, a vague toll and its figure, or two counts of an evolving toll."""
    if a.fatalities is None or b.fatalities is None or a.fatalities == b.fatalities:
        return True
    if tells_several(a) or tells_several(b):
        return False        # «سبعة ... في غارات على 5 بلدات» sums the tolls; «في حصيلة أولية ... شخصين» is one of them
    return _refines(a, b) or _refines(b, a) or revises_toll(a) or revises_toll(b)


def _update_total(found: list[tuple[int, Event]], event: Event, superseded: bool = False) -> bool:
    """Raise the toll of the latest earlier event of the same type and place; False when there is none.
    A count the sentence tells as the earlier one (`superseded`: «وكانت الحصيلة السابقة خمسين قتيلا») raises
    nothing: the event's own figure superseded it."""
    for _sentence, earlier in reversed(found):
        if earlier.type == event.type and earlier.place is not None and (
                _same_place(earlier.place, event.place) or _same_name(earlier.place, event.place)):
            for field in ("fatalities", "injuries") if not superseded else ():
                new = getattr(event, field)
                if new is not None and (getattr(earlier, field) or 0) < new:
                    setattr(earlier, field, new)
            return True
    return False


def _same_name(a: EventPlace | None, b: EventPlace | None) -> bool:
    """«بلدة معرة النعمان» (the town) and «في معرة النعمان» (read as its district): one name, one place."""
    return a is not None and b is not None and normalize_for_match(a.text) == normalize_for_match(b.text)


def _actor_key(a: Actor | None) -> str | None:
    if a is None:
        return None
    return a.kb_id or normalize_for_match(a.text)


def identifies_attacker(a: Actor | None) -> bool:
    """Whether an attack's actor1 can tell two attacks apart: not a place read as the actor («شهدت بغداد
    تفجيرين»: the gazetteer's «بغداد»)."""
    return a is not None and not (a.kb_id or "").startswith("gn:")


_TWO_SIDED = frozenset({"CONSULT", "AGREE"})
# «اللقاء» after one meeting told is that meeting; «الاتفاق» often names another, older agreement (a truce in force)
_MEETINGS = frozenset({"CONSULT"})


def _two_sides_told_the_other_way(a: Event, b: Event) -> bool:
    """A meeting or an agreement told from each side: «عبدالله بن زايد يستقبل وزير الخارجية الإيراني» and
    «ورحّب سموه بزيارة وزير الخارجية الإيراني»: one's actor1 is the other's actor2; or each names the other's
    actor1 beside its own, both sides told in both sentences («موريتانيا والسودان يوقعان 7 اتفاقيات» and «وقعت
    موريتانيا والسودان ... على سبع مذكرات تفاهم», read with actor1 «السودان»)."""
    if a.type not in _TWO_SIDED:
        return False
    ka1, ka2, kb1, kb2 = (_actor_key(x) for x in (a.actor1, a.actor2, b.actor1, b.actor2))
    return (ka1 is not None and ka1 == kb2) or (kb1 is not None and kb1 == ka2) \
        or (_named_in(a.actor1, b) and _named_in(b.actor1, a)) \
        or (_two_countries(a.actor1, b.actor1) and (_named_in(a.actor1, b) or _named_in(b.actor1, a)))


def _two_countries(a: Actor | None, b: Actor | None) -> bool:
    """Two actors of two known countries: the two sides of a meeting, not two envoys of one state."""
    return a is not None and b is not None and bool(a.country) and bool(b.country) and a.country != b.country


def _named_in(actor: Actor | None, event: Event) -> bool:
    """The actor's words stand in the event's sentence (a party it names besides its own actor1)."""
    if actor is None or not actor.text:
        return False
    # (or the name after its title of office: «ملك الأردن» is the «الأردن» of «العاصمة الأردنية»)
    evidence = normalize_for_match(event.evidence.text)
    return any(name in evidence for name in _names_without_office(normalize_for_match(actor.text)))


_OFFICE_HEADS = frozenset(normalize_for_match(w) for w in _WORDS["office_head"])


def _names_without_office(text: str) -> list[str]:
    """A normalised actor text, and what follows its title of office (one or two words: «وزير خارجية إيران» →
    «خارجية إيران», «إيران»), when it opens with one."""
    words = text.split()
    if len(words) < 2 or words[0].lstrip("وف") not in _OFFICE_HEADS and words[0] not in _OFFICE_HEADS:
        return [text]
    # two words off only past a construct («وزير خارجية إيران»): after a definite word the next is its adjective
    # («وزير الخارجية السعودي»: «السعودي» is in «السفير السعودي» too, another man of that country)
    return [text] + [" ".join(words[n:]) for n in (1, 2) if n < len(words) and not (n == 2 and words[1].startswith("ال"))]


def _early_count_by_generic_words(a: Event, b: Event) -> bool:
    """«وأفاد في حصيلة أولى عن سقوط 16 قتيلا» told by «إرهابيين انتحاريين» after «انتحاري» killed 26: a count
    of an evolving toll, whose attackers are named by generic words on both sides, names no other attack."""
    return (revises_toll(a) or revises_toll(b)) and all(
        x is None or (x.kb_id or "").startswith("agent.") for x in (a.actor1, b.actor1))


def _named_group(a: Actor, countries: bool = False) -> bool:
    """An actor the knowledge base names (a party, a union, a person), not a generic noun of people
    («المتظاهرين», «شخصا», «المحتجون», «إرهابي», «مسلح») nor a place read as an actor; a country
    («عشرات آلاف السودانيين»: a people named by its nationality) only with `countries`."""
    return bool(a.kb_id) and not a.kb_id.startswith(("agent.", "gn:") if countries else ("agent.", "gn:", "cc:"))


def _protesters(a: Actor | None) -> bool:
    """A crowd of protesters («المتظاهرين», «المحامون») or a named group, as who protests."""
    return a is not None and (a.kb_id in _PROTESTER_AGENTS or _named_group(a))


def _actors_agree(a: Actor | None, b: Actor | None, attack: bool = False, crowd: bool = False) -> bool:
    """Unknown on one side, the same actor, or a person's full name and its surname («ميشال عون» ... «عون»);
    for an attack, an actor1 that identifies no attacker (identifies_attacker) on one side; for a protest
    (`crowd`), a generic noun of people on one side («شخصا» ... «المتظاهرين»): only named groups tell two
    protests apart."""
    ka, kb = _actor_key(a), _actor_key(b)
    if ka is None or kb is None or ka == kb:
        return True
    if attack and not (identifies_attacker(a) and identifies_attacker(b)):
        return True
    if attack and (a.kb_id in _MEMBERS_OF_A_FORCE or b.kb_id in _MEMBERS_OF_A_FORCE):
        return True     # «مقتل ضابط عراقي كبير في هجوم لداعش», «استهدفت القيادي»: the one hit read as actor1
    if crowd and not (_named_group(a) and _named_group(b)):
        return True
    if not attack and (_one_side(a, b) or _one_side(b, a)):
        return True     # «ألمانيا تندد» (headline) and «نددت وزيرة الخارجية الألمانية» (body): one statement
    if attack and (_forces_of(a, b) or _forces_of(b, a) or _one_state_force(a, b)):
        return True     # «بغارة إسرائيلية» (headline) and «غارة شنتها مسيّرة إسرائيلية» (body): one strike
    if _organ_of(a, b) or _organ_of(b, a):
        return True     # «الاتحاد الأوروبي يفرض عقوبات» (headline) and «أعلن مجلس الاتحاد الأوروبي فرض عقوبات»
    if attack and _unnamed_gunmen(a) and _unnamed_gunmen(b) and _definite(b):
        return True     # «مسلحين مجهولين نفذوا عملية اغتيال» then «أن المسلحين فتحوا نيران أسلحتهم»: the band
        #                 told before («اغتال مسلحون مجهولون ...» then «من قبل مجهولين» may be another)
    if attack and (_unnamed_gunmen(a) and _named_armed_group(b) or _unnamed_gunmen(b) and _named_armed_group(a)):
        return True     # «مالي: مقتل 15 جنديا في هجوم مسلح» and «هجوم نسب إلى مسلحين ينتمون لجماعة نصرة الإسلام»
    if a.kb_id and b.kb_id:
        return False
    na, nb = normalize_for_match(a.text), normalize_for_match(b.text)
    short, full = sorted((na, nb), key=len)
    if not a.kb_id and not b.kb_id and _words_in_order(short.split(), full.split()):
        return True     # «قوات الوفاق الليبية» and «قوات الوفاق الوطني الليبية»: one name told more fully
    return " " not in short and len(short) >= 3 and full.endswith(" " + short)


def _words_in_order(short: list[str], full: list[str]) -> bool:
    """A name of two words or more whose words all stand in the longer name, in their order, the first first
    (the longer one adds words between or after them: «قوات الوفاق الليبية», «قوات الوفاق الوطني الليبية
    المعترف بها»)."""
    if len(short) < 2 or not full or short[0] != full[0]:
        return False
    rest = iter(full)
    return all(any(w == x for x in rest) for w in short)


_STATE_FORCES = frozenset({"military", "police"})
# one member of a force told by a common noun (kb/data/actors/agents.tsv: «ضابط», «قيادي», «جندي», «شرطي»): in an
# attack report mostly the one killed or targeted, read as actor1 off «مقتل ضابط» or «استهدفت القيادي»; the force
# that attacks is told by its body («الجيش», «قوات الأمن», a group's name)
_MEMBERS_OF_A_FORCE = frozenset({"agent.officer", "agent.commander", "agent.soldier", "agent.policeman"})
_PLACELESS_ACTS = frozenset({"SANCTION"})
_BEFORE_WORDS = frozenset(normalize_for_match(w) for w in _WORDS["told_before"])


def _told_as_before(event: Event) -> bool:
    """«وسبق أن فرض الاتحاد الأوروبي 6 حزم من العقوبات»: a word before the trigger in its sentence tells the act
    as an earlier one (data/event_words.tsv: told_before), another act than the one the news tells."""
    before = event.evidence.text[:max(0, event.trigger.start - event.evidence.start)]
    return any(w.lstrip("و") in _BEFORE_WORDS for w in normalize_for_match(before).split())
_AMONG_THE_VICTIMS = frozenset(normalize_for_match(w) for w in _WORDS["victims_among"])


_ALSO = frozenset(normalize_for_match(w) for w in _WORDS["also_dead"])
_ALSO_REACH = 2
_DEATH_STEMS = ("قتل", "استشهد", "لقي", "لقوا")    # the verbs of death «أيضا» follows («قتلوا أيضا»)


def _more_dead_of_it(event: Event) -> bool:
    """«إن خمسة مسلحين على الأقل قتلوا أيضا في تبادل إطلاق النار» after «مقتل خمسة جنود على الأقل في تبادل
    لإطلاق النار»: «أيضا» right after the verb of death (data/event_words.tsv: also_dead) counts more dead of an
    act told before — the attackers, the other side —, no other act, and its figure is not that act's toll."""
    if event.fatalities is None:
        return False
    words = normalize_for_match(event.evidence.text).split()
    return any(w in _ALSO and any(x.lstrip("و").startswith(_DEATH_STEMS) for x in words[max(0, k - _ALSO_REACH):k])
               for k, w in enumerate(words))


def _a_part_of_the_victims(event: Event) -> bool:
    """«من بين ضحايا قصف الدعم السريع، لقي 10 أفراد من أسرة المواطن ... حتفهم» after «أسفر عن مقتل 14 شخصاً»:
    «من بين» and a plural noun of the dead (data/event_words.tsv: victims_among) before the trigger in its
    sentence count a part of the dead of an attack told before — its toll is no other attack's."""
    before = normalize_for_match(event.evidence.text[:max(0, event.trigger.start - event.evidence.start)]).split()
    return any(before[k].lstrip("و") == "من" and before[k + 1] == "بين" and before[k + 2] in _AMONG_THE_VICTIMS
               for k in range(len(before) - 2))


# a state's measures and statements, made by any of its bodies (not meetings, agreements or aid: two of a
# state's people meet, sign or give apart; CONSULT and AID merged this way lost blind hits)
_STATE_ACTS = frozenset({"SANCTION", "MOBILIZE", "ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN"})


def _one_state_body(a: Actor | None, b: Actor | None) -> bool:
    """«فرضت حكومة الولايات المتحدة عقوبات» (headline) and «الخزانة الأميركية» (lead), «الاتحاد الأوروبي يفرض
    عقوبات» and «أعلن مجلس الاتحاد الأوروبي فرض عقوبات»: a headline and its lead telling a state's (or a union's)
    act by two of its bodies, or by a body and the name inside it, tell one act."""
    if a is None or b is None:
        return False
    country_a, country_b = a.country or _country_it_names(a), b.country or _country_it_names(b)
    if country_a and country_a == country_b:
        return True
    short, full = sorted((normalize_for_match(a.text), normalize_for_match(b.text)), key=len)
    return " " in short and f" {short} " in f" {full} "


def _country_it_names(body: Actor) -> str | None:
    """The country a common noun of a state body names after it, in construct («حكومة الولايات المتحدة», «حكومة
    فرنسا»): its actor is read with no country until the actor codes fill it in, after merging."""
    if not (body.kb_id or "").startswith("agent."):
        return None
    matcher = load_kb().matcher
    words = body.text.split()
    for k in range(1, len(words)):
        for kind, ids in matcher.lookup(name_key(" ".join(words[k:]))):
            if kind == "place" and len(ids) == 1 and ids[0].startswith("cc:"):
                return ids[0].removeprefix("cc:")
    return None


def _organ_of(body: Actor, organ: Actor) -> bool:
    """An organ the knowledge base files under a body («مجلس الاتحاد الأوروبي», org.eu.council, under «الاتحاد
    الأوروبي», org.eu): it acts for the body."""
    return bool(body.kb_id and organ.kb_id and organ.kb_id.startswith(body.kb_id + "."))


def _definite(a: Actor) -> bool:
    """The actor's first word carries the article («المسلحين», «والمسلحون»): it refers back to one told before."""
    words = normalize_for_match(a.text).split()
    return bool(words) and (words[0].startswith("ال") or words[0][:1] in "وفبل" and words[0][1:3] == "ال")


def _unnamed_gunmen(a: Actor) -> bool:
    """An armed band told by a common noun («مسلحون», «مسلحين مجهولين», «مجهولون»): it names no group, so two
    such nouns tell no two attackers apart."""
    return (a.kb_id or "").startswith("agent.") and a.sector == "armed_group"


def _named_armed_group(a: Actor) -> bool:
    """An armed group the knowledge base names («جماعة نصرة الإسلام والمسلمين», «حركة الشباب»)."""
    return _named_group(a) and a.sector == "armed_group"


def _forces_of(state: Actor, agent: Actor) -> bool:
    """A country and an unnamed force or weapon of its own («إسرائيلية» ... «مسيّرة إسرائيلية», «قوات تركية»),
    or its army («هجوم روسي» ... «القوات الروسية»)."""
    return bool(state.kb_id and state.kb_id.startswith("cc:") and state.country
                and ((agent.kb_id or "").startswith("agent.") or agent.sector in _STATE_FORCES)
                and agent.country == state.country)


def _one_state_force(a: Actor, b: Actor) -> bool:
    """A country's army and its forces told by a common noun («القوات الأفغانية» ... «القوات الحكومية»): one
    side. Two named forces of one country (the army and a militia) stay two."""
    generic = [(x.kb_id or "").startswith("agent.") for x in (a, b)]
    # two common nouns of an army with no country read yet («القوات المسلحة» ... «الجيش»): one article's army
    one_country = a.country == b.country and (bool(a.country) or all(generic))
    return bool(one_country and a.sector in _STATE_FORCES and b.sector in _STATE_FORCES and any(generic))


def _one_side(state: Actor, person: Actor) -> bool:
    """A country and one who speaks or acts for it («ألمانيا» ... «وزيرة الخارجية الألمانية أنالينا بيربوك»)."""
    return bool(state.kb_id and state.kb_id.startswith("cc:") and state.country
                and person.country == state.country and person.kb_id != state.kb_id)


_VILLAGES = frozenset({"village", "town", "city"})     # settlements a list names side by side


_SMALL_SETTLEMENTS = frozenset({"village", "town"})


def _two_small_settlements(a: EventPlace | None, b: EventPlace | None) -> bool:
    """Two villages or towns: never one place, however close («خان السبل» and «معصران», 6.8 km apart), in
    one sentence or two. (Two cities may be one told by a district: «مدينة الصدر» in «بغداد».)"""
    return a is not None and b is not None and a.feature in _SMALL_SETTLEMENTS \
        and b.feature in _SMALL_SETTLEMENTS and bool(a.name_en) and bool(b.name_en) and a.name_en != b.name_en


def _two_districts(a: EventPlace, b: EventPlace) -> bool:
    """Two named districts («مديرية الشيخ عثمان» and «مديرية دار سعد», 5 km apart in Aden): two places, as two
    villages are."""
    return a.feature == "admin2" and b.feature == "admin2" and bool(a.name_en) and bool(b.name_en) \
        and a.name_en != b.name_en


def _two_villages(a: EventPlace | None, b: EventPlace | None) -> bool:
    """«قصف على قرية إبديتا ...، فيما قتل أربعة بقصف على بلدة البارة», «الغارات على مدينتي دوما وحرستا»: one
    sentence naming two settlements (villages, towns, cities) 3 km apart tells two strikes."""
    return a is not None and b is not None and a.feature in _VILLAGES and b.feature in _VILLAGES \
        and bool(a.name_en) and bool(b.name_en) and a.name_en != b.name_en


def _same_place(a: EventPlace | None, b: EventPlace | None) -> bool:
    """Same point; and for places located by their city («منطقة المواصي»), the same name too. Two villages
    are never one place, however close (_two_small_settlements), nor are two named districts."""
    if a is None or b is None:
        return True
    if _two_small_settlements(a, b) or _two_districts(a, b):
        return False
    close = abs((a.lat or 0) - (b.lat or 0)) < 0.05 and abs((a.lon or 0) - (b.lon or 0)) < 0.05
    if close and ({a.feature, b.feature} & {"neighbourhood", "fac", "approximate"}):
        # «سوق الجمعة» and «منطقة سوق الجمعة» are one place: the same gazetteer name, or one name inside the other
        na, nb = normalize_for_match(a.text), normalize_for_match(b.text)
        return na == nb or na.endswith(" " + nb) or nb.endswith(" " + na) or \
            (a.name_en is not None and a.name_en == b.name_en)
    return close


_DOWNED_CRAFT = _WORDS["downed_craft"]


def downs_a_craft(event: Event) -> bool:
    """An attack told by a downing of a craft («إسقاط طائرة حربية», «والفصائل تسقط طائرة روسية»): the trigger's
    last word names the aircraft hit."""
    return event.type == "ASSAULT" and names_a_downed_craft(event.trigger.text)


def names_a_downed_craft(trigger: str) -> bool:
    """A trigger of two or more words whose last word is a craft («إسقاط طائرة», «سقوط المروحية»)."""
    words = normalize_for_match(trigger).split()
    return len(words) > 1 and (words[-1] in _DOWNED_CRAFT
                               or words[-1].startswith("ال") and words[-1][2:] in _DOWNED_CRAFT)


def _crew_of_the_craft(a: Event, b: Event) -> bool:
    """«أعلنت الفصائل إسقاط طائرة حربية ...، كما أعلنت عن مقتل الطيار جراء هبوطه ... بإدلب»: a death b told alone
    (no attack in its clause: asked by the caller) in the sentence of a downing a with no toll of its own, within
    25 km of it or inside the province of a downing told only by its countryside (where the pilot came down), is
    the downing's toll."""
    if not (downs_a_craft(a) and not downs_a_craft(b) and not a.fatalities and b.fatalities is not None) \
            or a.place is None or b.place is None or a.place.lat is None or b.place.lat is None:
        return False
    return _km(a.place, b.place) <= _LEAD_KM or (
        a.place.feature in _AREAS and bool(a.place.admin1) and a.place.admin1 == b.place.admin1)


def same_kind(a: Event, b: Event) -> bool:
    """One type, and one kind of target: an aircraft shot down and a strike on a village, however close in place,
    day and mode, are two acts (the downing over Idlib and the strike on Khan al-Subul told in one lead)."""
    return a.type == b.type and downs_a_craft(a) == downs_a_craft(b)


def _compatible(a: Event, b: Event, same_sentence: bool, lead: bool = False,
                reporters: AbstractSet[int] = frozenset(), told_here: bool = False, death_only: bool = False,
                one_of_a_list: bool = False, both_lead: bool = False, claimed: bool = False) -> bool:
    """`told_here`: a is told in b's sentence too (one of its mentions joined it from there); `death_only`: b is
    a death told with no act of its own in its clause, which may be the toll of a downing a; `one_of_a_list`: a
    is one of several places its trigger names («قصف على بلدتي الناقورة وعلما الشعب»); `both_lead`: both
    mentions stand in the headline or the lead; `claimed`: b, told after a, stands in a sentence claiming
    responsibility for an attack, whose figure is the claimant's count of it."""
    if a.type == b.type and (same_sentence or told_here) and death_only and _crew_of_the_craft(a, b):
        return True
    if a.type != b.type or not same_kind(a, b) and not (death_only and downs_a_craft(a)):
        return False
    if same_sentence and a.injuries and b.injuries and a.injuries != b.injuries \
            and not (revises_toll(a) or revises_toll(b)) and _clause_break_between(a, b):
        return False        # «أصيب 15 مواطنا ... غرب خان يونس، كما أصيب 8 مواطنين ... شرقها»: two counts, two acts
    if told_here and not same_sentence and _toll_of_its_restating_noun(a, b):
        return True
    if same_sentence:
        return _same_place(a.place, b.place) and not _two_villages(a.place, b.place) \
            or (_nested(a.place, b.place) and _tolls_agree(a, b)) or _one_toll_placed_finely(a, b)
    if a.fatalities and b.fatalities and not _tolls_agree(a, b) and not claimed \
            and not (_a_part_of_the_victims(b) and b.fatalities < a.fatalities) and not _more_dead_of_it(b) \
            and not (both_lead and _wounded_counted_alike(a, b)):
        return False        # two tolls in two sentences: two strikes, even in one town on one day; but a group
        #                     claiming the attack counts its own dead («وأعلنت حركة الشباب مسؤوليتها عن الهجوم،
        #                     مشيرة إلى أنها قتلت 49 جنديا» after «مقتل ستة من أفراد الأمن»): one attack
    if not _modes_agree(a, b) and not (told_here and _same_place(a.place, b.place)):
        return False        # a capture and an air strike on one town are two events; but two nouns of one
        #                     sentence at a's place, one of whose mentions came from it, tell one act («نفذ
        #                     سائقون إضرابا ووقفات احتجاجية» after the headline's «إضرابا»)
    if (tells_several(a) or tells_several(b)) and not _same_place(a.place, b.place) \
            and not (lead and _one_act_of_a_summary_sentence(a, b)):
        return False        # «غارات على 5 بلدات» and the strike on one of them: a summary and one of its events
    if a.place is None or b.place is None or not (
            _actors_agree(a.actor1, b.actor1, a.type == "ASSAULT", a.type == "PROTEST")
            or lead and a.type in _STATE_ACTS and _one_state_body(a.actor1, b.actor1)
            or lead and _tells_a_clash(a) and _tells_a_clash(b)
            or id(a) in reporters or id(b) in reporters or _early_count_by_generic_words(a, b)
            or _two_sides_told_the_other_way(a, b)
            or told_here and _attendees_by_a_common_noun(a, b)
            or both_lead and _one_actor_told_in_both(a, b)
            or lead and _one_meeting_by_an_unnamed_side(a, b)
            or lead and _one_toll_at_one_settlement(a, b)
            or a.type in _ACTS_ON_PEOPLE and (_unread_name(a.actor1) or _unread_name(b.actor1))):
        return False
    if a.type in _PLACELESS_ACTS and _same_date(a, b, lead) and not (_told_as_before(a) or _told_as_before(b)):
        # «فرضت الولايات المتحدة عقوبات على شركات روسية بسبب الحرب في أوكرانيا» and «فرضت العقوبات على 12 شركة في
        # موسكو»: a sanction is placed by its target or its cause, and the same measure told twice is one act
        return True
    if lead and _same_date(a, b, lead) and a.place.lat is not None and b.place.lat is not None:
        # a headline («مقتل شخصين في اشتباكات بسوق الجمعة») names the place of the story told below it,
        # often by a district where the body names its city
        # unless the headline lists the places it tells one by one: «قصف على بلدتي الناقورة وعلما الشعب» is no
        # summary of the strike on «عيتا الشعب» 18 km off (issue 13: two places, two events)
        village_off_the_list = one_of_a_list and b.place.feature in _SMALL_SETTLEMENTS
        return _same_place(a.place, b.place) or (not village_off_the_list and not _two_small_settlements(a.place, b.place)
                                                 and not _two_districts(a.place, b.place)
                                                 and _km(a.place, b.place) <= _LEAD_KM)
    if _nested(a.place, b.place) and _same_date(a, b, lead=True):
        return True         # the bombing in «بغداد» and at «ساحة الطيران» the same day, tolls agreeing
    return _same_date(a, b, lead) and _same_place(a.place, b.place)


def _wounded_counted_alike(a: Event, b: Event) -> bool:
    """«10 قتلى و23 جريحا بتفجير سيارة مفخخة شرق بغداد» (headline) and «قتل 23 شخصا على الأقل وأصيب 23 آخرون بجروح
    بتفجير سيارة مفخخة في منطقة بغداد الجديدة» (lead): the same count of wounded (two or more) in the headline and
    the lead tells one act though the dead are counted apart (a headline's earlier or misprinted figure)."""
    return bool(a.injuries) and a.injuries == b.injuries and (a.injuries or 0) >= 2


def _toll_of_its_restating_noun(a: Event, b: Event) -> bool:
    """«إن الهجوم وقع ظهرًا، وأسفر عن مقتل عنصرين على الأقل من قوات الأمن» after «شن المتمردون تفجيرًا ... في ولاية
    بلخ»: another mention of b's sentence (the noun «الهجوم») joined a, so the dead b tells at a's very place, with no
    day of its own (only the publication day), are a's toll whatever actor1 b reads (the victims: «قوات الأمن») —
    as b would have joined that noun's own mention. Not an undated article's count (no publication day: a
    misjoined noun there carries another strike's dead along), not another toll, mode or settlement."""
    return bool(b.fatalities) and b.date_source == "publication" and _same_place(a.place, b.place) \
        and not _two_villages(a.place, b.place) and _tolls_agree(a, b) and _modes_agree(a, b) \
        and not (tells_several(a) or tells_several(b))


def _names_no_one(a: Actor | None) -> bool:
    """An actor1 that names no one side: an office told by a common noun («وزير الشؤون», «الحكومة الفيدرالية»), or
    words the knowledge base does not know («وزير الخارجية الإيراني» before his name is read)."""
    return a is not None and (not a.kb_id or a.kb_id.startswith("agent."))


def _one_meeting_by_an_unnamed_side(a: Event, b: Event) -> bool:
    """A meeting or an agreement told in the headline or lead and again below, one side named by an office or
    unknown words in one of them («لقاء بين وزير الخارجية الإيراني ونظيره التركي في الدوحة» and «التقى وزير
    الخارجية الإيراني عباس عراقجي وزير خارجية تركيا»; «وقعت المملكة المغربية وجمهورية العراق ببغداد مذكرتي تفاهم»
    and «ووقع المذكرتين وزير الشؤون الخارجية»): at one settlement on one day, the counterpart not told apart, one
    act. Not two actors of two countries («وصل وزير الخارجية السعودي» and «وزير الخارجية العراقي»: the host)."""
    return a.type in _TWO_SIDED and (_names_no_one(a.actor1) or _names_no_one(b.actor1)) \
        and not _two_countries(a.actor1, b.actor1) and _actors_agree(a.actor2, b.actor2) and a.place is not None and b.place is not None \
        and a.place.feature in _VILLAGES and _same_place(a.place, b.place) and a.date == b.date


def _one_toll_at_one_settlement(a: Event, b: Event) -> bool:
    """The headline or lead and a sentence below telling one strike with one toll at one settlement, an actor1 misread in one
    («غارة إسرائيلية دامية على جنوب لبنان: قتيلان في شبعا» and «في هجوم جديد أثار غضب لبنان، شنت إسرائيل غارة
    جوية على بلدة شبعا ... أسفرت عن مقتل شخصين»: «لبنان» read as the attacker): the same dead (two or more) at
    the same village or town, by the same means, the wounded not counted otherwise, is one act. (Not in a city:
    «مقتل 15» in a Mogadishu hotel attack and «15 سجينا ... قتلوا» in the prison mutiny there are two.)"""
    return a.type == "ASSAULT" and (a.fatalities or 0) >= _SAME_TOLL_FLOOR and a.fatalities == b.fatalities \
        and (a.injuries is None or b.injuries is None or a.injuries == b.injuries) \
        and a.mode is not None and a.mode == b.mode \
        and a.place is not None and b.place is not None and a.place.feature in _SMALL_SETTLEMENTS \
        and _same_place(a.place, b.place)


def _one_actor_told_in_both(a: Event, b: Event) -> bool:
    """The headline and its lead telling one act, with another actor1 read in one of them: «غارة أمريكية تقتل
    قياديا» and «غارة لطائرة بدون طيار يرجح أنها أمريكية استهدفت القيادي» (the target read as actor1), «حلب تشهد
    انسحاباً كاملاً لمقاتلي قوات سوريا الديمقراطية» and «أعلنت السلطات المحلية عن انسحاب آخر مقاتلي قوات سوريا
    الديمقراطية». The actor1 of one mention, a country, group or person the knowledge base names, stands in the
    other's sentence too, and the other's actor1 is not named in the first: both sentences name the first's actor,
    one names a second party besides. (Each naming the other's actor1 is a meeting or a clash told from both
    sides: other rules. Which actor1 the event keeps is left to _absorb: preferring the one named in both lost a
    blind event, the target of a sanction being named in both sentences too.)"""
    if a.actor1 is None or b.actor1 is None or _actor_key(a.actor1) == _actor_key(b.actor1):
        return False
    in_b = _named_group(a.actor1, countries=True) and _names_at_a_word(a.actor1, b)
    in_a = _named_group(b.actor1, countries=True) and _names_at_a_word(b.actor1, a)
    return in_b != in_a


_CLITICS = r"(?:^|\s)(?:و|ف)?(?:ب|ل|ك)?"


def _names_at_a_word(actor: Actor, event: Event) -> bool:
    """The actor's words stand in the event's sentence from the start of a word (a proclitic before them
    allowed, the article as the actor has it or not): «أمريكية» in «يرجح أنها أمريكية», «مقاتلي قوات سوريا
    الديمقراطية» in «انسحاب آخر مقاتلي قوات سوريا الديمقراطية»; not «عون» inside «يعاونون», nor a nisba read as
    a country inside a definite word («مالية» in «وزير المالية»)."""
    words = normalize_for_match(actor.text).split()
    if not words:
        return False
    article = "(?:ال|ل)?" if words[0].startswith("ال") and len(words[0]) > 3 else ""
    if article:
        words[0] = words[0][2:]
    pattern = _CLITICS + article + re.escape(" ".join(words))
    return re.search(pattern, normalize_for_match(event.evidence.text)) is not None


# attacks and arrests, whose actor1 may be read off the person they hit or took
_ACTS_ON_PEOPLE = frozenset({"ASSAULT", "COERCE"})


def _unread_name(a: Actor | None) -> bool:
    """A name neither the knowledge base nor the agents' lexicon knows, with no sector: «اعتقل الاحتلال الشابين ورد
    شريم ومعتصم جعايصة» reads the one arrested, «لحظة توقيفه» a person named before; it tells no two arrests or
    attacks apart (the store's rule 4: unidentified names block nothing)."""
    return a is not None and not a.kb_id and not a.sector


def _attendees_by_a_common_noun(a: Event, b: Event) -> bool:
    """A meeting whose attendees one mention names by a common noun («عقد مسؤولون ... اجتماعا أمنيا») told again
    in a sentence that restated it («أن الاجتماع الذي عُقد ...، ناقش خلاله الحاضرون»): «مسؤولون» names no side
    that would tell two meetings apart. (Asked of a mention whose sentence an earlier one of a's joined.)"""
    return a.type in _MEETINGS and any((x.kb_id or "").startswith("agent.")
                                       for x in (a.actor1, b.actor1) if x is not None)


def _one_toll_placed_finely(a: Event, b: Event) -> bool:
    """One sentence telling one toll twice, once in an area and once at a site inside it: «أفاد مسؤولون في قطاع
    غزة بأن الهجوم الجوي ... أسفر عن مقتل ما لا يقل عن 11 شخصاً ... فقد نُفذ الهجوم على مدرسة صفد ... مما أدى إلى
    مقتل 11 فرداً»: the same act, placed finely the second time. Not a sentence that tells several acts."""
    return (a.fatalities or 0) >= _SAME_TOLL_FLOOR and a.fatalities == b.fatalities \
        and not (tells_several(a) or tells_several(b)) and not _clause_break_between(a, b) \
        and (_placed_after(a, b) or _placed_after(b, a))


def _placed_after(coarse: Event, fine: Event) -> bool:
    """fine lies in coarse's area and is named in their sentence after coarse's trigger: the act told, then placed
    more finely (not a dateline's city heading the sentence, «بعقوبة، العراق 19 ابريل 2022 (شينخوا) قتل ...», nor
    a place a later sentence names)."""
    span = fine.place.span if fine.place is not None else None
    return _finer_in_its_area(coarse.place, fine.place) and span is not None and _told_in_its_sentence(fine) \
        and span.start > coarse.trigger.start


_SAME_TOLL_FLOOR = 2      # one dead is told of too many acts to identify one


def _one_act_of_a_summary_sentence(a: Event, b: Event) -> bool:
    """One mention tells a single act at a city; the other stands in a sentence that sums up several acts («عدة
    هجمات ... في سلسلة تفجيرات») but is placed at a neighbourhood or site inside that city («استهدفت كمينا
    للجيش بمنطقة ... جنوب غرب المدينة»): the act the sentence names at that site, the single act told again
    more finely, not the sum (which takes the sentence's other places). Asked of a headline or lead mention."""
    if tells_several(a) == tells_several(b):
        return False
    single, several = (a, b) if tells_several(b) else (b, a)
    return single.place is not None and several.place is not None and single.place.feature == "city" \
        and several.place.feature in _INNER and _nested(single.place, several.place)


_CLASH_WORDS = frozenset(normalize_for_match(w) for w in _WORDS["clash"])


def _tells_a_clash(event: Event) -> bool:
    """The event's sentence tells a fight between two sides («اشتباكات بين قوات اللواء 444 وقوات الردع»)."""
    return event.type == "ASSAULT" and _names_a_clash(event.evidence.text)


@lru_cache(maxsize=4096)
def _names_a_clash(sentence: str) -> bool:
    return any(w in _CLASH_WORDS for w in normalize_for_match(sentence).split())


_MODE_FAMILY = {"suicide-attack": "explosives"}     # a suicide bombing is a bombing


# a target, not a means: an assassination («عملية اغتيال») is carried out by gunfire or a bomb
_ANY_MEANS = frozenset({"targeted"})


def _arrest_in_a_raid(a: Event, b: Event) -> bool:
    """«اقتحام قوات الاحتلال لمدينة نابلس» and «واعتقلت قوات الاحتلال شابًا خلال اقتحامها مدينة نابلس»: a raid
    (mode seize) and an arrest at one town are one act, the arrests made in the raid (ACLED codes them together).
    At the very place only: not at an area (a region, a province, a country), where raids and arrests of many
    towns are told, nor at a village near the town raided («اعتقالات ... في قرية عانين غرب جنين»)."""
    return a.type == "COERCE" and {a.mode, b.mode} == {"arrest", "seize"} and a.place is not None \
        and b.place is not None and a.place.feature not in _AREAS and b.place.feature not in _AREAS \
        and _same_place(a.place, b.place)


def _modes_agree(a: Event, b: Event) -> bool:
    """The same mode (or family), a mode on one side only, or a mode that names no means on one side."""
    if _arrest_in_a_raid(a, b):
        return True
    return not (a.mode and b.mode and a.mode not in _ANY_MEANS and b.mode not in _ANY_MEANS
                and _MODE_FAMILY.get(a.mode, a.mode) != _MODE_FAMILY.get(b.mode, b.mode))


_LEAD_SENTENCES = 2     # the headline and the lead sentence summarise the story told below them


_LEAD_KM = 25.0



_VAGUE_FLOORS = frozenset({10, 100, 1000})     # «عشرات», «مئات», «آلاف» as text/data/vague_quantities.tsv reads them


def _refines(vague: Event, exact: Event) -> bool:
    """«قُتل عشرات المدنيين» (a floor of 10) and «بلغت الحصيلة نحو 40» tell one toll, the second more precisely."""
    return bool(vague.casualties_approximate and vague.fatalities in _VAGUE_FLOORS
                and exact.fatalities and exact.fatalities > vague.fatalities)


def _same_date(a: Event, b: Event, lead: bool) -> bool:
    """Equal dates; or, in the headline or lead, a date only defaulted to the publication date (the
    headline's «مقتل شخصين في اشتباكات» is the body's «أمس» event); or no date on one side (an article with no
    publication date: «مقتل 14 شخصاً جراء قصف مدفعي» then «أن القصف وقع يوم الجمعة 9 مايو، وأسفر عن مقتل 14
    شخصاً» — one attack, dated once; the tolls are compared by the callers that need them)."""
    return a.date == b.date or (lead and "publication" in (a.date_source, b.date_source)) \
        or a.date is None or b.date is None


def _absorb(into: Event, other: Event, keep_actors: bool = False, keep_tolls: bool = False,
            listed: bool = False) -> None:
    """Merge mention `other` into event `into`; a restating mention («المحادثات») names no new actor, and a
    coarser or restating one («أن الهجوم وقع ... وأن 20 مهاجما قتلوا») only fills a toll the event lacks.
    A village replaces a city it is merged with (a headline's «بإدلب» over the body's «بلدة خان السبل»),
    unless it is one of several places listed for one act (`listed`: «في بلدة سليم وعتيل»), which the
    city names together."""
    if into.date_source == "publication" and other.date_source in ("text", "narrative"):
        into.date, into.date_precision, into.date_source = other.date, other.date_precision, other.date_source
    if other.actor1 is not None and (into.actor1 is None or (into.confidence < other.confidence and not keep_actors)):
        into.actor1 = other.actor1      # the attack word's agent («بقصف لطائرات النظام») beats «قُتل»'s
    elif into.type == "PROTEST" and _protesters(other.actor1) and not _protesters(into.actor1):
        into.actor1 = other.actor1      # «المتظاهرين» or a named group beats «شخصا» for who protested
    elif into.actor1 is not None and other.actor1 is not None and _one_side(into.actor1, other.actor1):
        into.actor1 = other.actor1      # the minister who spoke, not only the country the headline names
    elif into.type in _MEETINGS and into.actor1 is not None and other.actor1 is not None \
            and (into.actor1.kb_id or "").startswith("agent.") and not (other.actor1.kb_id or "").startswith("agent."):
        into.actor1 = other.actor1      # «وزارة الداخلية», not the «مسؤولون» who attended for it
    into.actor2 = into.actor2 or other.actor2
    if into.place is None or (other.place is not None and
                              _FEATURE_RANK.get(other.place.feature or "", 2) < _FEATURE_RANK.get(into.place.feature or "", 2)):
        into.place = other.place or into.place
    elif other.place is not None and other.place.feature in _INNER and _nested(into.place, other.place):
        into.place = other.place        # the finer of a city and a square inside it
    elif other.place is not None and other.place.feature in _SMALL_SETTLEMENTS and into.place.feature == "city" \
            and not listed and not _same_place(into.place, other.place):
        into.place = other.place
    for field in ("fatalities", "injuries"):
        values = [v for v in (getattr(into, field), getattr(other, field)) if v is not None]
        if keep_tolls and getattr(into, field) is not None:
            continue
        setattr(into, field, _merged_toll(field, values, into, other))
    into.confidence = max(into.confidence, other.confidence)


def _merged_toll(field: str, values: list[int], a: Event, b: Event) -> int | None:
    """The toll of two merged mentions: the higher death toll (it rises as the dead are counted; the lower was
    tried: heldout5 lost one). Two counts of the wounded of two or more that differ give the lower, the most
    conservative figure (ANNOTATION.md, as ACLED): the higher is often a headline's sum over several strikes,
    wounded by tear gas or the killed and wounded together; not for a toll told as evolving («ارتفعت الحصيلة
    إلى»), nor against one person told alone («كما أصيب شاب آخر»: one of the wounded, not another count)."""
    if not values:
        return None
    if field == "injuries" and min(values) > 1 and not (revises_toll(a) or revises_toll(b)):
        return min(values)
    return max(values)


_SUMMARY_KM = 50.0


_ACTOR_MEMORY_SENTENCES = 3


_INHERITING_TYPES = _SPECIFICITY_CHECKED | {"COERCE"}


def _inherit_actors(events: list[Event], doc: Document) -> None:
    """«ووقعت الهجمات الأربعاء ...» after «قوات الدعم السريع قتلت 30 مدنيا», «كما اعتقلت شابا في خربة صافا» after
    «داهمت قوات الاحتلال بلدة الشويكة»: an attack, protest or arrest told with no actor takes the actor of the
    same kind of event told just before it."""
    for k, event in enumerate(events):
        if event.actor1 is not None or event.type not in _INHERITING_TYPES:
            continue
        here = doc.sentence_at(event.trigger.start)
        for earlier in reversed(events[:k]):
            alike = same_kind(earlier, event) or (
                # «أصيب شابان بالرصاص الحي خلال مواجهات» in a story of raids by «القوات الإسرائيلية»
                event.type == "ASSAULT" and earlier.type == "COERCE" and earlier.actor1 is not None
                and earlier.actor1.sector in ("military", "police"))
            if alike and earlier.actor1 is not None \
                    and 0 <= here - doc.sentence_at(earlier.trigger.start) <= _ACTOR_MEMORY_SENTENCES:
                event.actor1 = earlier.actor1
                break


def _is_total_of_others(event: Event, events: list[Event]) -> bool:
    """«مقتل 16 فلسطينيا بغارات» over a story of strikes killing 12, 2 and 2: the headline adds them up."""
    others = [o for o in events if o is not event and same_kind(o, event) and o.fatalities]
    return bool(event.fatalities and len(others) >= 2 and sum(o.fatalities or 0 for o in others) == event.fatalities
                and not _an_act_elsewhere(event, others))


def _an_act_elsewhere(event: Event, others: list[Event]) -> bool:
    """The event is told at a settlement of its own («في العاصمة مقديشو») and some of the acts whose tolls would
    add up to its own lie beyond its reach: one act there, not the sum of acts 700 km off."""
    return event.place is not None and event.place.feature in _VILLAGES and not tells_several(event) \
        and not all(_within_its_reach(event.place, o.place) for o in others)


def _within_its_reach(coarse: EventPlace | None, fine: EventPlace | None) -> bool:
    """fine may be one of the acts coarse sums up: unknown on one side, within 50 km, or inside coarse's area
    (a bombing in Mogadishu killing 10 sums up no attacks in Garowe and in the south killing 7 and 3)."""
    if coarse is None or fine is None or coarse.lat is None or fine.lat is None:
        return True
    return _km(coarse, fine) <= _SUMMARY_KM or _finer_in_its_area(coarse, fine) or _nested(coarse, fine)


def _is_summary(event: Event, events: list[Event], doc: Document) -> bool:
    """An event at a coarse place («قصف ... على ريف إدلب») that more specific events of the same type in
    the article detail (villages within 50 km) is their summary, not another event: kept in non_events."""
    if tells_several(event) and any(o is not event and same_kind(o, event) and _nested(event.place, o.place)
                                    and o.place.feature in _INNER for o in events):
        doc.non_events.append({"type": event.type, "trigger": event.trigger.model_dump(), "modality": "summary",
                               "reason": "its sentence sums up several events in its city («عدة مناطق»)",
                               "evidence": event.evidence.model_dump()})
        return True
    if tells_several(event) and _settlements_it_sums(event, events):
        doc.non_events.append({"type": event.type, "trigger": event.trigger.model_dump(), "modality": "summary",
                               "reason": "its sentence sums up strikes on several places the article tells apart",
                               "evidence": event.evidence.model_dump()})
        return True
    if _is_total_of_others(event, events):
        doc.non_events.append({"type": event.type, "trigger": event.trigger.model_dump(), "modality": "summary",
                               "reason": "its toll is the sum of the article's other tolls",
                               "evidence": event.evidence.model_dump()})
        return True
    p = event.place
    rank = _FEATURE_RANK.get(p.feature or "", 2) if p is not None else 0
    if p is None or p.lat is None or rank == 0 or _an_arrest_told_in_the_body(event, doc):
        return False
    details = [o for o in events if o is not event and same_kind(o, event) and o.place is not None
               and o.place.lat is not None and _FEATURE_RANK.get(o.place.feature or "", 2) < rank
               and (_km(o.place, p) <= _SUMMARY_KM or _restates_in_its_country(event, o))
               and not _other_attacker(event, o)]
    if not details or (_all_on_another_day(event, details) and not _dated_by_its_report(event, doc)):
        return False
    if len(details) == 1 and _smaller_toll(event, details[0]):
        return False        # «استشهد ... خمسة مدنيين ... بريف إدلب» after 10 killed in a village: no sum of it
    if len(details) == 1:
        # one finer mention of the same attack («غارات على الحديدة» in the headline, «محافظة الحديدة» in the
        # lead): the same event, whose toll, date and agent the coarser mention may be the one to tell
        fine = details[0]
        _absorb(fine, event, keep_tolls=True)
        if _told_in_its_sentence(event) and _named_only_later(fine) and not _in_its_province(fine.place, p):
            # «في منطقة بدر في وزيرستان» over a place named only further on, elsewhere; a village in the coarse
            # place's province («منطقة حورة» in «حضرموت») is where a mention merged into the event placed it
            fine.place = event.place
    doc.non_events.append({"type": event.type, "trigger": event.trigger.model_dump(), "modality": "summary",
                           "reason": f"summary of {len(details)} more specific event(s) in this article",
                           "evidence": event.evidence.model_dump()})
    return True


def _all_on_another_day(event: Event, details: list[Event]) -> bool:
    """«وكانت قوات النظام قد استهدفت أمس الأحد بلدات وقرى جبل الزاوية» after today's shelling of two of its
    villages: an event the text dates beside its own words to another day than the one day of all the finer
    events is no sum of them. (Finer events on several days — «هجوم استمر يومين» told as Wednesday's and
    Thursday's — may be summed by one dated to the day it was reported.)"""
    days = {o.date for o in details}
    return event.date_source == "text" and event.date_precision == "day" and len(days) == 1 \
        and event.date not in days and all(o.date_source in ("text", "narrative") and o.date_precision == "day"
                                           for o in details)


def _dated_by_its_report(event: Event, doc: Document) -> bool:
    """«كشفت مجموعة "محامو الطوارئ" الجمعة، إن قوات الدعم السريع قتلت 30 مدنيًا»: every date of the event's
    sentence that gives its day stands before a complementizer before the trigger — the day of the report, not
    of the act."""
    sent = doc.sentences[doc.sentence_at(event.trigger.start)]
    own = [d for d in doc.dates if sent.start <= d.span.start < sent.end and d.value == event.date]
    return bool(own) and all(any(is_complementizer(t) for t in doc.tokens_starting_in(d.span.end, event.trigger.start))
                             for d in own)


def _settlements_it_sums(event: Event, events: list[Event]) -> bool:
    """«قتل 14 مدنيا ... بقصف ... على قريتين جنوب شرق مدينة إدلب» over the strikes on «خان السبل» and «معصران»:
    two or more other events of its type at distinct settlements within 50 km, each a place of its own."""
    p = event.place
    if p is None or p.lat is None:
        return False
    names = {o.place.name_en or normalize_for_match(o.place.text) for o in events
             if o is not event and same_kind(o, event) and o.place is not None and o.place.lat is not None
             and o.place.feature in _SMALL_SETTLEMENTS and not _same_place(o.place, p) and _km(o.place, p) <= _SUMMARY_KM}
    return len(names) >= 2


def _an_arrest_told_in_the_body(event: Event, doc: Document) -> bool:
    """An arrest, raid or closure told below the headline and lead at a coarser place than another one («اعتقال
    7 آخرين» in «محافظة ديالى» beside the cell arrested in «قضاء المقدادية»): arrests are counted one by one and
    carry no toll to compare, so the coarse one is another arrest, not the sum of the finer one. A headline or
    lead that names one sums up the story below it, and so do a plural («عدة اعتقالات في الأيام الأخيرة») and an
    abstract noun («سيناريوهات القمع», specificity_generic.tsv: a kind of act)."""
    if event.type != "COERCE" or doc.sentence_at(event.trigger.start) < _LEAD_SENTENCES:
        return False
    at = doc.token_range(event.trigger.start, event.trigger.start + 1)
    trig = doc.tokens[at[0]] if at is not None else None
    return trig is not None and not trig.stem.endswith("ات") and trig.stem not in generic_nouns()


def _smaller_toll(coarse: Event, fine: Event) -> bool:
    """The coarser event kills fewer than the finer one, and is no vague or evolving count of its toll: it
    can be neither its restatement nor a sum that includes it."""
    return bool(coarse.fatalities and fine.fatalities and coarse.fatalities < fine.fatalities
                and not _tolls_agree(coarse, fine))


def _other_attacker(a: Event, b: Event) -> bool:
    """Both name who did it, and not the same one: «عصابات» at a checkpoint in the countryside and government
    drones on a village of it are two events, not a summary and its detail."""
    ka, kb = _actor_key(a.actor1), _actor_key(b.actor1)
    named = [x for x in (a.actor1, b.actor1) if x is not None and x.kb_id and not x.kb_id.startswith("agent.")]
    return ka is not None and kb is not None and ka != kb and bool(named)


def _told_in_its_sentence(event: Event) -> bool:
    """The event's place is named in its own sentence (not taken from elsewhere in the article)."""
    span = event.place.span if event.place is not None else None
    return span is not None and event.evidence.start <= span.start < event.evidence.end


def _in_its_province(fine: EventPlace | None, coarse: EventPlace) -> bool:
    """The fine place lies in the province the coarse place is, or names."""
    return fine is not None and bool(fine.admin1) and fine.admin1 == coarse.admin1


def _named_only_later(event: Event) -> bool:
    """The event's place was taken from a later sentence of the article (none named in its own or before it)."""
    span = event.place.span if event.place is not None else None
    return span is not None and span.start >= event.evidence.end


def _restates_in_its_country(coarse: Event, fine: Event) -> bool:
    """«قتلت قوات الدعم السريع 30 مدنيا في السودان» over «... في قرية بريمة رشيد»: an event placed only in a
    country (or a region of it) is the same as a finer one there with the same toll or the same attacker."""
    if coarse.place is None or fine.place is None or coarse.place.country != fine.place.country:
        return False
    same_toll = coarse.fatalities is not None and coarse.fatalities == fine.fatalities
    same_actor = _actor_key(coarse.actor1) is not None and _actor_key(coarse.actor1) == _actor_key(fine.actor1)
    # a toll told on one side only («قتلت مجموعة ... 16 جنديا في النيجر» / «هاجموا دورية ... في منطقة تاهوا»)
    return same_toll or (same_actor and (coarse.fatalities is None or fine.fatalities is None))


def _names_source(actor: Actor, source: str) -> bool:
    na, ns = normalize_for_match(actor.text), normalize_for_match(source)
    return bool(na and ns and (na in ns or ns in na)) or (actor.name_en is not None and actor.name_en == source)


def _announcer(doc: Document, actor: Actor) -> bool:
    """The actor is the subject right after a speech verb («أعلنت الشرطة العراقية وقوع 28 قتيلا»)."""
    if actor.span is None:
        return False
    k = bisect_right(doc.tokens, actor.span.start, key=lambda t: t.start) - 1    # the token holding its start
    if not 0 < k < len(doc.tokens) or not doc.tokens[k].start <= actor.span.start < doc.tokens[k].end:
        return False        # no token holds the actor's start, or nothing stands before it
    return doc.tokens[k - 1].sentence == doc.tokens[k].sentence and verb_form(doc.tokens[k - 1]) is not None


# Acts done in the field whose verbal noun a speech verb's subject announces («أعلنت السلطات عن انسحاب ...»): the
# announcer need not be who did it. Statements (ACCUSE, REQUEST ...) are done by who speaks them: not here.
_FIELD_ACTS = frozenset({"ASSAULT", "COERCE", "RETREAT", "MOBILIZE"})


def reporting_actors(found: list[tuple[int, Event]], doc: Document) -> set[int]:
    """The attacks (and other acts done in the field, _FIELD_ACTS) whose actor1 is the source their sentence cites
    («وبحسب وزارة الداخلية العراقية، أوقع انفجار ...», «بحسب ما أفاد مسؤول») or the subject right after a speech
    verb («أعلنت الشرطة وقوع 28 قتيلا في تفجير», «أعلنت السلطات المحلية عن انسحاب آخر مقاتلي ...»): who
    reported the act, not (always) who did it, so it tells no two acts apart (event ids)."""
    out = set()
    for _sentence, ev in found:
        if ev.type in _FIELD_ACTS and ev.actor1 is not None and (_announcer(doc, ev.actor1) or any(
                _names_source(ev.actor1, src) for src in claim_sources(doc, ev.trigger.start, ev.trigger.end))):
            out.add(id(ev))
    return out



def at_whole_areas(events: list[Event]) -> list[tuple[EventPlace, float | None, float | None]]:
    """Put each event placed at a direction part of a province («ريف حماة الشمالي») at the whole province's
    point while the article's mentions are merged: whether two mentions are one event, or one sums up others
    (within 25 or 50 km), is decided as from the province, as before parts had points of their own — a part's
    point may lie a few km from a town named with it («شمال مدينة السويداء»), which says nothing of one event.
    Returns what `back_to_parts` restores."""
    moved = []
    for event in events:
        p = event.place
        if p is not None and p.within is not None and all(p is not q for q, _, _ in moved):
            moved.append((p, p.lat, p.lon))
            p.lat, p.lon = p.within
    return moved


def back_to_parts(moved: list[tuple[EventPlace, float | None, float | None]]) -> None:
    """The events' places back at their parts' points, after merging (`at_whole_areas`)."""
    for p, lat, lon in moved:
        p.lat, p.lon = lat, lon


def merge_events(found: list[tuple[int, Event]], restating: AbstractSet[int] = frozenset(),
                 doc: Document | None = None, one_more: AbstractSet[int] = frozenset(),
                 weekdays: dict[int, int] | None = None, deaths_only: AbstractSet[int] = frozenset(),
                 subheadings: AbstractSet[int] = frozenset()) -> list[Event]:
    """One event per distinct (type, actors, place, date): repeated mentions are merged into the first.
    A definite or possessed noun («الهجوم», «القمة», «لقائهما») restates an event told before it when one of
    its type stands at a compatible place and date, whoever the sentence names beside it. An event told as one
    more of its kind (`one_more`: «كما اعتقلت مواطنا آخر») merges only with an event told in its own sentence
    (by another of its mentions too, one that joined an earlier event). In an article with no dates, two arrests whose sentences name two weekdays (`weekdays`: «مساء الأحد» then «وأمس
    السبت، اعتقلت») are two events (arrests only: for attacks, heldout5's fatalities fell 0.529 -> 0.471)."""
    weekdays = weekdays or {}

    def other_day(m: Event, ev: Event) -> bool:
        return m.type == "COERCE" and m.date is None and ev.date is None \
            and id(m) in weekdays and id(ev) in weekdays \
            and weekdays[id(m)] != weekdays[id(ev)]

    merged: list[tuple[int, Event]] = []
    # the sentences each merged event is told in: one told again in a sentence («والهجوم على كمين آخر بالعريش»
    # after «تعرضت للهجوم» at «العريش») is that sentence's event too, for a mention of one more («كمين آخر»)
    told_in: dict[int, set[int]] = {}
    reporters = reporting_actors(found, doc) if doc is not None else set()
    listed = _listed_places(found)
    # the sentences that restate an event by a definite noun («مسؤوليتها عن الهجوم», «أن الهجوم أوقع»)
    restating_sentences = {(s, e.type) for s, e in found if id(e) in restating}
    claimed_counts = _claimants_counts(found, doc) if doc is not None else set()
    for sentence, ev in found:
        # a compatible event of the same mode told in its own sentence first («واستهدف القصف مشفى» after
        # «واستشهد ... جراء قصف»), else the first one told
        restated = None
        target = _restated_more_finely(merged, sentence, ev) if id(ev) in restating else None
        if target is None:
            target = next((m for s, m in sorted(merged, key=lambda sm: _merge_preference(sm, sentence, ev))
                           if (s == sentence or sentence in told_in[id(m)]
                               or id(ev) not in one_more and not other_day(m, ev))
                           and _compatible(m, ev, s == sentence, lead=min(s, sentence) < _LEAD_SENTENCES,
                                           reporters=reporters, told_here=sentence in told_in[id(m)],
                                           death_only=id(ev) in deaths_only, one_of_a_list=id(m) in listed,
                                           both_lead=max(s, sentence) < _LEAD_SENTENCES,
                                           claimed=s < sentence and id(ev) in claimed_counts)), None)
        else:
            restated = target
        if target is None and id(ev) in restating:
            target = restated = _restated(merged, sentence, ev, doc)
        if target is None and _tells_nothing_of_its_own(ev) and id(ev) not in one_more:
            target = restated = _retold(merged, sentence, ev)
        if target is None and doc is not None and id(ev) not in one_more \
                and (sentence, ev.type) in restating_sentences:
            target = restated = _told_again_by_a_source(merged, sentence, ev, doc)
        titled = None
        if target is None and sentence - 1 in subheadings and id(ev) not in one_more:
            target = titled = _titled_by_its_subheading(merged, told_in, sentence, ev)
        own_place = None
        if target is None and id(ev) not in one_more:
            target = restated = _its_toll_told_again(merged, sentence, ev)
            own_place = target.place if target is not None else None
        if target is not None and restated is not None and other_day(target, ev):
            target = restated = None
        if target is None:
            merged.append((sentence, ev))
            told_in[id(ev)] = {sentence}
        else:
            told_in[id(target)].add(sentence)
            if id(target) in reporters and id(ev) not in reporters and ev.actor1 is not None:
                target.actor1 = ev.actor1       # the attacker told elsewhere, not the source of the toll
                reporters.discard(id(target))
            if downs_a_craft(target) and not downs_a_craft(ev):
                # the crew's death (`_crew_of_the_craft`): its toll, not the place where the pilot came down
                # nor the actors of the sentence that tells it («واعترفت روسيا ... بالتعاون مع تركيا»)
                target.fatalities = target.fatalities or ev.fatalities
                target.injuries = target.injuries or ev.injuries
            else:
                claimant_counted = target.type == "ASSAULT" and id(ev) in claimed_counts \
                    and next(s for s, m in merged if m is target) < sentence
                # the headline's and the lead's counts of the dead told alike by their wounded
                # (`_wounded_counted_alike`): the lower, the most conservative figure (ANNOTATION.md, as ACLED)
                conflicting = [x for x in (target.fatalities, ev.fatalities) if x] \
                    if sentence < _LEAD_SENTENCES and not _tolls_agree(target, ev) \
                    and _wounded_counted_alike(target, ev) else []
                _absorb(target, ev, keep_actors=restated is not None or id(ev) in reporters,
                        keep_tolls=restated is not None or claimant_counted or _a_part_of_the_victims(ev)
                        or _more_dead_of_it(ev),
                        listed=id(ev) in listed)
                if len(conflicting) == 2:
                    target.fatalities = min(conflicting)
            if own_place is not None:
                target.place = own_place    # the confirmed toll keeps its place: ev's was only borrowed from another sentence
            if titled is not None and ev.actor1 is not None:
                target.actor1 = ev.actor1   # the paragraph names who acted; its subheading only titles it
            if id(target) not in weekdays and id(ev) in weekdays:
                weekdays[id(target)] = weekdays[id(ev)]     # the day a later mention tells («الأربعاء»)
            if id(ev) in reporters and target.actor1 is ev.actor1:
                reporters.add(id(target))       # its actor1 is still the source read as the attacker
    return [e for _, e in merged]


_CLAIM_REACH = 6     # «أعلنت حركة الشباب مسؤوليتها عن الهجوم، مشيرة إلى أنها قتلت 49 جنديا»


def _claimants_counts(found: list[tuple[int, Event]], doc: Document) -> set[int]:
    """The attacks (ids) told right after a claim of responsibility (`clauses.claims_responsibility`) in its
    sentence: «وأعلنت حركة الشباب ... مسؤوليتها عن الهجوم، مشيرة إلى أنها قتلت 49 جنديا», «أعلن تنظيم داعش مسؤوليته
    عن الهجوم ... أن الهجوم أوقع 4 قتلى»: the claimant's count of an attack told before, whose figure is not its
    toll. (Not an act told further on in the sentence: «... عن الهجوم الذي وقع في الساعات الأولى من الصباح وجاء
    بعد يوم من مقتل خمسة مسلحين وجنديين» is the day before's.)"""
    claim_tokens = [k for k, tok in enumerate(doc.tokens) if claims_responsibility(doc, k)]
    out: set[int] = set()
    for sentence, ev in found:
        span = doc.token_range(ev.trigger.start, ev.trigger.end) if ev.type == "ASSAULT" else None
        if span is not None and any(doc.tokens[k].sentence == sentence and 0 < span[0] - k <= _CLAIM_REACH
                                    for k in claim_tokens):
            out.add(id(ev))
    return out


def _merge_preference(told: tuple[int, Event], sentence: int, ev: Event) -> tuple[bool, bool, bool]:
    """The order in which a mention tries the events merged so far: one told in its own sentence with its mode
    first («واستهدف القصف مشفى» after «واستشهد ... جراء قصف»), then one at its very place («وأصيب سبعة أشخاص»
    at «المواصي» after «وقصفت ... خيمة في منطقة المواصي»: not the headline's strike 10 km off, which it may
    also join), else the first one told."""
    s, m = told
    placed = m.place is not None and ev.place is not None and m.place.lat is not None and ev.place.lat is not None
    named_alike = placed and (_same_name(m.place, ev.place) or bool(m.place.name_en)
                              and m.place.name_en == ev.place.name_en)
    # then one at the same point (_same_place: a city and a region 4 km off are close, so a name first)
    return not (s == sentence and _modes_agree(m, ev)), not named_alike, not (placed and _same_place(m.place, ev.place))


_RESTATE_SENTENCES = 3


def _listed_places(found: list[tuple[int, Event]]) -> set[int]:
    """The events (ids) of one trigger told at several places («استهدف عدة محاور في بلدة سليم وعتيل»:
    one event per place listed)."""
    places: dict[int, set[str]] = {}
    for _sentence, ev in found:
        places.setdefault(ev.trigger.start, set()).add(ev.place.name_en or ev.place.text if ev.place else "")
    return {id(ev) for _sentence, ev in found if len(places[ev.trigger.start]) > 1}



def _tells_nothing_of_its_own(ev: Event) -> bool:
    """An attack whose sentence names no place, no date and no toll of its own: «أحد عناصره واسمه أبو حمزة
    العراقي فجّر نفسه بحزام ناسف» after the bombing it claims."""
    span = ev.place.span if ev.place is not None else None
    return ev.type == "ASSAULT" and span is not None and not ev.evidence.start <= span.start < ev.evidence.end \
        and ev.date_source in ("narrative", "publication", None) and ev.fatalities is None and ev.injuries is None


def _told_again_by_a_source(merged: list[tuple[int, Event]], sentence: int, ev: Event, doc: Document) -> Event | None:
    """The only earlier attack of the article, at ev's very place and on its date, when ev's sentence (one that
    restates an attack by a definite noun: asked by the caller) gives its toll as a source's word («وأعلنت حركة
    الشباب مسؤوليتها عن الهجوم، مشيرة إلى أنها قتلت 49 جنديا» after the attack that killed 6): another source's
    count of the same attack, not a second one. The toll first told stays (the source's figure is a claim)."""
    if ev.type != "ASSAULT" or not ev.fatalities or tells_several(ev) \
            or not claim_sources(doc, ev.trigger.start, ev.trigger.end):
        return None
    m = _only_earlier_at_its_place(merged, sentence, ev)
    if m is None or tells_several(m) or not m.fatalities or not _same_date(m, ev, lead=False):
        return None
    return m


def _titled_by_its_subheading(merged: list[tuple[int, Event]], told_in: dict[int, set[int]], sentence: int,
                              ev: Event) -> Event | None:
    """The event a subheading names, for a mention in the sentence right below it («اجتماع اللجنة العليا
    المشتركة المصرية التونسية» over «جاء توقيع هذه الاتفاقيات عقب اجتماع للجنة العليا المشتركة، برئاسة مدبولي
    والزعفرانية»): the line titles the paragraph that tells it, whoever each names as its actor. Same kind, a
    place within 25 km or unknown, a compatible date and toll."""
    for _s, m in reversed(merged):
        if sentence - 1 not in told_in[id(m)] or not same_kind(m, ev) or not _tolls_agree(m, ev) \
                or not _same_date(m, ev, lead=True) or not _modes_agree(m, ev):
            continue
        if m.place is None or ev.place is None or _same_place(m.place, ev.place) or (
                m.place.lat is not None and ev.place.lat is not None and not _two_small_settlements(m.place, ev.place)
                and _km(m.place, ev.place) <= _LEAD_KM):
            return m
    return None


def _its_toll_told_again(merged: list[tuple[int, Event]], sentence: int, ev: Event) -> Event | None:
    """The latest earlier event of ev's kind, within three sentences, with ev's very count of dead (two or more),
    when ev's sentence names no place of its own nor a day of its own: «وأكد المسؤول المحلي مقتل 14 من قوات
    الأمن» after «حيث قتل ما لا يقل عن 14 من قوات الأمن ... في هجوم شنته طالبان» — a toll confirmed, not a
    second attack at the place the article's dateline names. Its doer, if it names one, is the earlier event's."""
    if not ev.fatalities or ev.fatalities < _SAME_TOLL_FLOOR or ev.place is None or _told_in_its_sentence(ev) \
            or ev.date_source == "text" or tells_several(ev):
        return None
    for s, m in reversed(merged):
        if same_kind(m, ev) and 0 < sentence - s <= _RESTATE_SENTENCES and m.fatalities == ev.fatalities \
                and _modes_agree(m, ev) and not tells_several(m) \
                and _actors_agree(m.actor1, ev.actor1, attack=ev.type == "ASSAULT"):
            return m
    return None


def _retold(merged: list[tuple[int, Event]], sentence: int, ev: Event) -> Event | None:
    """The latest earlier attack, in the sentence before, at ev's place and of its mode."""
    for s, m in reversed(merged):
        if same_kind(m, ev) and 0 < sentence - s <= 1 and m.place is not None and \
                _same_place(m.place, ev.place) and _modes_agree(m, ev):
            return m
    return None


_QUOTES = frozenset('"«»“”')


def _place_past_a_quote(ev: Event, doc: Document | None) -> bool:
    """The event's place is named after a quotation that follows its trigger («بعد لقائهما "..."، داعيا
    النظام السوري في دمشق»): another statement's place, not the noun's."""
    span = ev.place.span if ev.place is not None else None
    return doc is not None and span is not None and span.start > ev.trigger.end \
        and any(ch in _QUOTES for ch in doc.text[ev.trigger.end:span.start])


def _restated(merged: list[tuple[int, Event]], sentence: int, ev: Event, doc: Document | None = None) -> Event | None:
    """The latest earlier event of ev's type, within three sentences, that ev may restate: at a compatible
    place (the same, within 25 km, or unknown on one side), on a compatible date (the same, a publication
    date, or a date ev only carries from the sentences before it: «تم منعهم من تغطية عملية التوقيف» after
    a strike dated «اليوم الإثنين»), with no other toll. «اللقاء» or «الاجتماع» after the only meeting told
    in those sentences is that meeting wherever its sentence places the talks' subject («وجرى خلال اللقاء
    استعراض ... الأوضاع في قطاع غزة»)."""
    candidates = [m for s, m in merged if same_kind(m, ev) and 0 <= sentence - s <= _RESTATE_SENTENCES]
    for s, m in reversed(merged):
        if not same_kind(m, ev) or not 0 <= sentence - s <= _RESTATE_SENTENCES:
            continue
        if m.fatalities and ev.fatalities and m.fatalities != ev.fatalities \
                and not _refines(m, ev) and not _refines(ev, m):
            continue
        places_agree = m.place is None or ev.place is None or _place_past_a_quote(ev, doc) \
            or _same_place(m.place, ev.place) or (
            m.place.lat is not None and ev.place.lat is not None and not _two_small_settlements(m.place, ev.place)
            and _km(m.place, ev.place) <= _LEAD_KM) or (
            _finer_in_its_area(m.place, ev.place) and _one_act_told(m, ev, candidates)) \
            or (ev.type in _MEETINGS and len(candidates) == 1)
        if places_agree and (_same_date(m, ev, lead=True) or ev.date_source == "narrative"):
            return m        # a restating noun's date carried from an earlier sentence is not its own
    return _the_only_one_there(merged, sentence, ev)


def _the_only_one_there(merged: list[tuple[int, Event]], sentence: int, ev: Event) -> Event | None:
    """Further on than three sentences, the article's only earlier event of ev's type, at ev's very place and
    on its date: «ويرافق رئيس الوزراء الأثيوبي في زيارته للسودان ...» six sentences after «وصل رئيس الوزراء
    الأثيوبي أبي أحمد اليوم إلى البلاد في زيارة رسمية» (the noun's possessor names the visit it restates)."""
    m = _only_earlier_at_its_place(merged, sentence, ev)
    if m is None or m.date != ev.date or (m.fatalities and ev.fatalities and not _tolls_agree(m, ev)):
        return None
    return m


def _only_earlier_at_its_place(merged: list[tuple[int, Event]], sentence: int, ev: Event) -> Event | None:
    """The article's only event of ev's type told before ev's sentence, when both are placed at the very same
    point and their modes agree."""
    earlier = [m for s, m in merged if same_kind(m, ev) and s < sentence]
    if len(earlier) != 1:
        return None
    m = earlier[0]
    if m.place is None or ev.place is None or m.place.lat is None or ev.place.lat is None \
            or not _same_place(m.place, ev.place) or not _modes_agree(m, ev):
        return None
    return m


def _one_act_told(m: Event, ev: Event, candidates: list[Event]) -> bool:
    """A restating noun placed finely inside the area of an earlier event («ووقع الانفجار، الأربعاء، في مقاطعة
    باجور» after «انفجار ... في باكستان») tells that event when nothing says otherwise: the same toll, the same
    attacker, or no other event of its type told within reach. Not for a release or a demand."""
    if m.type in ("RETREAT", "REQUEST"):
        return False        # «الإفراج عنها ... من قرية الشرائع»: a release's or a demand's noun names where people
        #                     come from as often as where it happened
    same_toll = bool(m.fatalities) and m.fatalities == ev.fatalities
    same_actor = m.actor1 is not None and ev.actor1 is not None and _actors_agree(m.actor1, ev.actor1, m.type == "ASSAULT")
    return same_toll or same_actor or len(candidates) == 1


def _restated_more_finely(merged: list[tuple[int, Event]], sentence: int, ev: Event) -> Event | None:
    """The event of ev's type told earlier in ev's own sentence in an area ev's place lies in: «كشفت الوزارة
    عن تنفيذ ضربة جوية ... في سوريا، وقال المتحدث إن الضربة وقعت بالقرب من مدينة إدلب» (one strike, placed
    finely by its restating noun). Asked before mentions elsewhere in the article, which may share ev's town. Not
    an event that tells several acts («عدة هجمات», «سلسلة تفجيرات»), of which the noun may name one."""
    return next((m for s, m in reversed(merged) if s == sentence and same_kind(m, ev)
                 and _finer_in_its_area(m.place, ev.place) and _tolls_agree(m, ev) and not tells_several(m)), None)


_AREAS = frozenset({"country", "admin1", "region"})


def _finer_in_its_area(coarse: EventPlace | None, fine: EventPlace | None) -> bool:
    """The fine place lies inside the coarse one: a country, province or region of its country, coarser than it."""
    if coarse is None or fine is None or coarse.feature not in _AREAS or fine.lat is None:
        return False
    return bool(coarse.country) and coarse.country == fine.country \
        and _FEATURE_RANK.get(fine.feature or "", 2) < _FEATURE_RANK.get(coarse.feature or "", 2)


_VOICED_BY_PROTESTS = frozenset({"REQUEST", "ACCUSE", "REJECT"})


def _fold_protest_demands(events: list[Event], doc: Document, protest_sentences: AbstractSet[int] = frozenset()) -> list[Event]:
    """«وطالب المتظاهرون بـ...» in a protest's sentence, or by its crowd: the demand is what the protest
    voiced, one event with it (as ANNOTATION codes a protest with demands), not a REQUEST of its own. So too
    the denunciation or rejection a protest voices («تظاهر آلاف للتنديد ...، مرددين شعارات تطالب بـ»,
    «دعوات احتجاجية تندد بـ»): by its crowd, or with no actor of its own in a sentence that speaks of a
    protest (`protest_sentences`: the sentences holding a protest word, told as an event or not)."""
    protests = [e for e in events if e.type == "PROTEST"]
    if not protests and not protest_sentences:
        return events
    kept = []
    for e in events:
        crowd = e.actor1 is not None and (e.actor1.kb_id in _PROTESTER_AGENTS)
        sentence = doc.sentence_at(e.trigger.start)
        same_sentence = any(doc.sentence_at(p.trigger.start) == sentence for p in protests)
        people = e.actor1 is None or e.actor1.sector == "civilian"     # «آلاف المواطنين ... مرددين شعارات تطالب»
        voiced = e.type in _VOICED_BY_PROTESTS and (crowd or people and sentence in protest_sentences)
        if e.type == "REQUEST" and (crowd or same_sentence) or voiced:
            doc.non_events.append({"type": e.type, "trigger": e.trigger.model_dump(), "modality": "part_of_protest",
                                   "reason": "the demand voiced by a protest told in the article",
                                   "evidence": e.evidence.model_dump()})
            continue
        kept.append(e)
    return kept
