"""Whether a trigger reports an act that happened: modality cues before it (data/modality_cues.tsv), names
that hold a cue word, motives and other senses. Part of the events stage."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from rasd.document import Document
from rasd.extract.clauses import light_verb_before
from rasd.extract.event_lexicon import (
    _CLAUSE_BREAKS,
    _COMPLEMENTIZERS,
    _UNDERGO_VERBS,
    _WORDS,
    _is_circumstantial,
    ROLES,
)
from rasd.extract.event_place import motive_nouns
from rasd.extract.spanindex import span_index, span_of
from rasd.extract.triggers import LemmaMatch, perfect_form_set, verb_lemma
from rasd.text.normalize import normalize_for_match


@lru_cache(maxsize=1)
def _modality_cues() -> dict[str, tuple[str, int]]:
    text = resources.files("rasd.extract").joinpath("data/modality_cues.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t")
    return {normalize_for_match(r["word"]): (r["modality"], int(r["window"])) for r in rows}


def _inside_name(doc: Document, tok) -> bool:
    # only the entities near the token (index built once per document; a scan per token was quadratic, issue 16)
    near = span_index(doc.entities, span_of, "event_modality:entities").overlapping(
        tok.start, max(tok.end, tok.start + 1))
    return any(e.span.start <= tok.start and tok.end <= e.span.end and e.type in ("ORG", "FAC", "LOC", "GPE")
               for e in near)


_MAX_CUE_WINDOW = 12     # the widest `window` in data/modality_cues.tsv (a claim governs its whole clause)




_CALL_REACH = 12     # «دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى وقف فوري»: a long subject before «إلى»


def _called_to(tokens, j: int, i: int) -> bool:
    """A request verb at j whose «إلى» (what is called for) stands right before the trigger at i."""
    return any(tokens[k].stem in ("الي", "إلى") and not tokens[k].suffix for k in (i - 1, i - 2) if k > j)


def _conjoined_cue(cues: dict[str, tuple[str, int]], tok) -> tuple[str, int] | None:
    """A cue written with its future prefix after a conjunction («وسيتم», «فستكون»): the word without «و/ف»."""
    return cues.get(tok.norm[1:]) if tok.prefixes and tok.prefixes[0] in ("و", "ف") else None


_MODALITY_PRIORITY = ("negated", "threatened", "requested", "hypothetical", "generic", "claimed")


def classify_modality(doc: Document, match: LemmaMatch, event_type: str) -> tuple[str, str | None]:
    """('asserted'|'claimed'|'negated'|'hypothetical'|'requested'|'threatened', the cue word).

    Every cue within its window before the trigger counts; the strongest reading wins (a negation over a
    request over a mere possibility), so «دعت إلى وقف القصف» is a request, not a hypothesis."""
    tokens, i = doc.tokens, match.first
    sentence = tokens[i].sentence
    if "س" in tokens[i].prefixes:
        return "hypothetical", tokens[i].text
    if "ل" in tokens[i].prefixes and not undergone(doc, i) and not _lam_of_result(doc, i):
        return "hypothetical", tokens[i].text     # «لاستعادة», «للمطالبة», «ليقصف»: a purpose, not a deed
    if i > 0 and tokens[i - 1].stem in _WORDS["relative"] and _imperfect(match, tokens[i]) \
            and not match.rule.reads_as_noun(tokens[i]):
        return "generic", tokens[i - 1].text     # «القوات التي تعبر الحدود»: a description of the forces
    if event_type in _STATEMENT_TYPES and _said_of_a_thing(doc, match):
        return "generic", tokens[i - 1].text     # «رفعوا لافتات تطالب بـ»: what the banners say, no one's demand
    cues = _modality_cues()
    found: dict[str, str] = {}
    if _subjunctive_after_an(doc, match):
        found["hypothetical"] = tokens[i - 1].text
    for back in range(1, _MAX_CUE_WINDOW + 1):
        j = i - back
        if j < 0 or tokens[j].sentence != sentence:
            break
        cue = cues.get(tokens[j].stem) or cues.get(tokens[j].norm) or _conjoined_cue(cues, tokens[j])
        if cue is None or back > max(cue[1], _CALL_REACH if cue[0] in ("requested", "threatened") else 0) or cue[0] == "still" \
                or _in_a_name(doc, tokens[j]):
            continue        # «لو دريان», «قد» in a name: part of a name, not a cue
        modality = cue[0]
        if modality == "negated" and _negation_cancelled(tokens, j, i):
            continue
        if modality == "hypothetical" and tokens[j].stem == "قد" and not _imperfect(match, tokens[i]):
            continue        # «قد» with a perfect verb means «has already»
        if modality == "hypothetical" and back == 1 and tokens[j].stem == "محاوله" and event_type == "ASSAULT":
            continue        # «محاولة اغتيال»: an attempted attack is an attack
        if modality == "requested" and event_type == "REQUEST" or modality == "threatened" and event_type == "THREATEN":
            continue
        if back > cue[1] and not (modality == "requested" and _called_to(tokens, j, i)
                                  or modality == "threatened" and "ب" in tokens[i].prefixes[:1]):
            # past a long subject only what is called for («دعا ... إلى») or threatened («وهدد رئيس أركان
            # قوات الاحتلال غابي ايزنكوت بقمع المشاركين») is governed by the cue
            continue
        found.setdefault(modality, tokens[j].text)
    for modality in _MODALITY_PRIORITY:
        if modality in found:
            return modality, found[modality]
    return "asserted", None


def _subjunctive_after_an(doc: Document, match: LemmaMatch) -> bool:
    """«على أن ينظم التيار مسيرة», «من المقرر أن يعتصم العمال»: a verb in the imperfect right after «أن» is in the
    subjunctive — what is planned, agreed or wanted, not a deed told («إن» takes a noun, so the folded «ان»
    before a verb is «أن»). A perfect after it («أكد أن المتظاهرين تجمعوا», «بعد أن تظاهروا») is a deed."""
    tokens, i = doc.tokens, match.first
    if i == 0 or tokens[i - 1].sentence != tokens[i].sentence or match.rule.reads_as_noun(tokens[i]):
        return False
    before, tok = tokens[i - 1], tokens[i]
    if before.stem != "ان" or before.suffix or set(before.prefixes) - {"و", "ف"} or tok.prefixes:
        return False
    return _imperfect(match, tok)


def _imperfect(match: LemmaMatch, tok) -> bool:
    """The trigger word is an imperfect of its verb: it begins with «ي/ت/ن» and is no perfect form of the lemma
    («تجمعوا», «تظاهروا» of the form V and VI verbs begin with «ت» too). A word read with the article is no
    imperfect: «التقى», «والتقى» (form VIII perfects) split as «ال» + «تقى»."""
    return tok.stem[:1] in "يتن" and "ال" not in tok.prefixes \
        and tok.stem not in perfect_form_set(verb_lemma(match.rule.lemma))


_STATEMENT_TYPES = ROLES["statement_types"]
_ANOTHER_ONES = frozenset(normalize_for_match(w) for w in ("أخرى", "اخرى"))


def _said_of_a_thing(doc: Document, match: LemmaMatch) -> bool:
    """«هتافات تندد», «لافتات ... وأخرى تطالب», «احتجاجات ترفض»: an imperfect verb of a stance right after an
    indefinite non-human plural (or «أخرى») agrees with it as its adjective clause (Arabic joins a clause to an
    indefinite noun with no relative pronoun): it tells what the slogans, banners or protests say."""
    tokens, i = doc.tokens, match.first
    tok, before = tokens[i], tokens[i - 1] if i > 0 else None
    if before is None or before.sentence != tok.sentence or match.rule.reads_as_noun(tok) \
            or set(tok.prefixes) - {"و"} or tok.stem[:1] != "ت" or doc.text[before.end:tok.start].strip():
        return False
    if "ال" in before.prefixes or before.suffix or set(before.prefixes) - {"و", "ب"} or _inside_name(doc, before):
        return False
    return before.stem.endswith("ات") or before.stem in _ANOTHER_ONES


_UNDERGO_REACH = 20     # «تعرضت قافلته الدبلوماسية لهجوم», «تعرض خلال الاستجواب في مصر للتعذيب», a list of places
_PLACE_HEADS = _WORDS["place_head"]     # a comma followed by one of these goes on listing the places hit
_RESULT_LAM = _WORDS["result_lam"]


def _lam_of_result(doc: Document, i: int) -> bool:
    """«أدى لمقتل», «تبادل لإطلاق النار»: the «ل» of the trigger at i follows a word of leading-to or exchange."""
    return i > 0 and doc.tokens[i - 1].sentence == doc.tokens[i].sentence and \
        doc.tokens[i - 1].stem in _RESULT_LAM and not doc.text[doc.tokens[i - 1].end:doc.tokens[i].start].strip()


def undergone(doc: Document, i: int) -> bool:
    """The «ل» of the trigger at i completes «تعرض لـ» (to undergo): the verb stands up to twenty words before it
    in the same clause, its subject, a time or place phrase or a list of the places hit between («تعرضت قافلته
    لهجوم», «بتعرض أطراف بلدة علما الشعب، ومنطقة كرحبون ...، لقصف مدفعي»)."""
    tokens = doc.tokens
    for back in range(1, _UNDERGO_REACH + 1):
        j = i - back
        if j < 0 or tokens[j].sentence != tokens[i].sentence:
            return False
        if tokens[j].stem in _UNDERGO_VERBS:
            return True
        gap = doc.text[tokens[j].end:tokens[j + 1].start]
        if any(ch in ".؛:" for ch in gap) or tokens[j].stem in _CLAUSE_BREAKS or tokens[j].stem in _COMPLEMENTIZERS:
            return False        # a clause boundary between
        if any(ch in "،," for ch in gap) and j + 1 != i and tokens[j + 1].stem not in _PLACE_HEADS:
            return False        # past a comma only the list of the places hit goes on («بتعرض أطراف بلدة علما
            #                     الشعب، ومنطقة كرحبون ...، لقصف مدفعي»), not another clause
    return False


def _in_a_name(doc: Document, tok) -> bool:
    near = span_index(doc.entities, span_of, "event_modality:entities").overlapping(
        tok.start, tok.start + 1)     # the entities near the token, not all (issue 16)
    return any(e.span.start <= tok.start < e.span.end for e in near if e.type in ("PERSON", "ORG"))


def _negation_cancelled(tokens, j: int, i: int) -> bool:
    cues = _modality_cues()
    return any(cues.get(tokens[k].stem, ("",))[0] == "still" for k in range(j + 1, i + 1))


def _motive_accusative(doc: Document, match: LemmaMatch, sentence_start: int) -> bool:
    """«يشنون هجمات ... تضامناً مع غزة», «أضربوا احتجاجاً على الحكم»: a verbal noun in the accusative (written
    with its tanween) after a clause gives the motive of the act before it; the act is the event. A participle
    («داعياً», «مطالباً») is a deed of the subject, and a headline may open with the noun, so neither counts."""
    tok = doc.tokens[match.first]
    if match.first != match.last or tok.prefixes or _is_circumstantial(tok) \
            or not _accusative_indefinite(tok, plain_alif=match.rule.get("type") != "PROTEST"):
        return False
    if light_verb_before(doc, match.first) is not None:
        return False        # «بدأت القوات هجوماً»: the object of a light verb is the act itself
    if match.first > 0 and doc.tokens[match.first - 1].stem in _COMPLEMENTIZERS:
        return False        # «إن هجوماً ... استهدف»: the accusative subject after «إن»
    if _witnessed(doc, match.first, sentence_start):
        return False        # «شهدت بلدة خزاعة اليوم قصفًا عنيفًا»: the object of «شهد» is the act itself
    return match.first - sentence_start >= 3


def _accusative_indefinite(tok, plain_alif: bool) -> bool:
    """«احتجاجاً»: a verbal noun with the accusative's tanween; with `plain_alif`, a motive noun
    (data/motive_nouns.tsv) also without it, as most pages write it («تنديدا بالعدوان», «رفضا لإجراءات»). (A
    protest noun keeps the written tanween only: read as a motive, a crowd's «احتجاجا» would skip the
    protest's specificity test.)"""
    return tok.text.endswith(("اً", "ًا")) or plain_alif and not tok.suffix and tok.norm in motive_nouns()


_WITNESS_VERBS = _WORDS["witness"]
_WITNESS_REACH = 12     # «شهدت بلدة خزاعة شرق مدينة خان يونس، جنوب قطاع غزة، اليوم قصفًا»: a place phrase and a time between


def _witnessed(doc: Document, i: int, sentence_start: int) -> bool:
    """A verb of witnessing («شهدت», «تشهد») up to twelve words before token i, no clause break or other verb
    between: the accusative at i is what the place or the time witnessed."""
    for j in range(i - 1, max(sentence_start, i - _WITNESS_REACH) - 1, -1):
        tok = doc.tokens[j]
        if tok.stem in _WITNESS_VERBS:
            return True
        if tok.stem in _CLAUSE_BREAKS or tok.stem in _COMPLEMENTIZERS:
            return False
    return False


def _received_at_a_site(doc: Document, match: LemmaMatch) -> bool:
    """«مستشفى البصرة التعليمي استقبل خمسة متظاهرين»: the host of «استقبل» is a hospital, up to seven words before it or two after."""
    tokens = doc.tokens
    sentence = tokens[match.first].sentence
    near = [k for k in range(max(0, match.first - 7), min(len(tokens), match.last + 3))
            if tokens[k].sentence == sentence and not match.first <= k <= match.last]
    return any(tokens[k].stem in _WORDS["receiving_site"] for k in near)
