"""Does a trigger report one specific event, or mention violence / protest in general?

Most news sentences that contain «هجوم» or «تظاهرات» do not report an attack or a protest: they condemn
violence in general, describe a habit, weigh a possibility, recall a past war, charge someone in court or
ask a question. An analyst counting events wants only the realis ones: a perfect verb with concrete
participants, a number of victims, a place, a time of day.

`reports_specific_event` scores the trigger's sentence with a small linear ladder of evidence:
  - the trigger's own shape (perfect verb, imperfect verb, definite verbal noun, definite plural ...);
  - the sentence's layers (casualty counts, other counts, places, generic agents, past years, a question mark);
  - word cues from data files: realis cues (specificity_realis.tsv: «أمس»، «أسفر عن»، «مسلحون»; an aircraft or
    weapon as the doer «مسيرتين استهدفتا», a concrete target after the trigger «استهدفتا موقعين»), irrealis
    cues (specificity_irrealis.tsv: opinion, habit, hypothesis, legal charge, past reference, frame nouns
    such as «مكافحة»), and abstract nouns (specificity_generic.tsv: «العنف»، «الإرهاب»);
and keeps the trigger when the sum reaches the threshold of specificity_features.tsv. The reason lists
the evidence, so a dropped event can be explained in `non_events`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasd.document import Document, Token
from rasd.extract.casualties import casualties_in_range
from rasd.extract.clauses import announced_by, light_verb_before
from rasd.extract.event_lexicon import _WORDS
from rasd.extract.spanindex import document_memo, span_index, span_of
from rasd.extract.triggers import LemmaMatch, lexicon, noun_forms, perfect_form_set, verb_forms, verb_lemma
from rasd.text.normalize import normalize_for_match

_DATA = "data/{}"
_COORDINATORS = frozenset({"و", "او", "ف"})
_PURPOSE_PREFIXES = frozenset({"ل", "ب"})
_ATTRIBUTION_WINDOW = 5
_PLACE_PREPOSITIONS = frozenset({"علي", "في"})
_EARLY, _LATE = 6, 12      # words into the clause (see specificity_features.tsv: early_trigger, late_trigger)
_LONG_SENTENCE = 50        # words in a sentence (specificity_features.tsv: long_sentence)


@dataclass(frozen=True)
class Cue:
    word: str
    kind: str
    scope: str         # sentence | near | before
    window: int
    weight: float      # signed: realis positive, irrealis negative
    types: frozenset[str] = frozenset({"*"})    # the event types it applies to («*»: every type)

    def applies_to(self, event_type: str) -> bool:
        return "*" in self.types or event_type in self.types


# ---------------------------------------------------------------- data

def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("rasd.extract").joinpath(_DATA.format(name)).read_text(encoding="utf-8")
    lines = [l for l in text.splitlines() if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, l.split("\t"))) for l in lines[1:]]


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def word_forms(word: str, pos: str) -> set[str]:
    """The matching forms of a data row's word: itself, or the forms its verb / noun lemma generates."""
    norm = _strip_article(normalize_for_match(word))
    if pos == "verb":
        return verb_forms(norm)
    if pos == "noun":
        return noun_forms(norm)
    return {norm}


@lru_cache(maxsize=1)
def feature_weights() -> dict[str, float]:
    return {r["feature"]: float(r["weight"]) for r in _rows("specificity_features.tsv")}


@lru_cache(maxsize=1)
def word_cues() -> dict[str, tuple[Cue, ...]]:
    """Form → realis (positive weight) and irrealis (negative weight) cues."""
    index: dict[str, list[Cue]] = {}
    for name, sign in (("specificity_realis.tsv", 1), ("specificity_irrealis.tsv", -1)):
        for r in _rows(name):
            cue = Cue(r["word"], r["kind"], r["scope"], int(r["window"]), sign * float(r["weight"]),
                      frozenset(r["types"].split("|")))
            for form in word_forms(r["word"], r["pos"]):
                index.setdefault(form, []).append(cue)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def clause_openers() -> frozenset[str]:
    return frozenset(normalize_for_match(r["word"]) for r in _rows("specificity_clause_openers.tsv"))


@lru_cache(maxsize=1)
def means_words() -> dict[str, frozenset[str]]:
    """kind (means | weapon) → the normalised words of specificity_means.tsv."""
    out: dict[str, set[str]] = {}
    for r in _rows("specificity_means.tsv"):
        out.setdefault(r["kind"], set()).add(_strip_article(normalize_for_match(r["word"])))
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def generic_nouns() -> dict[str, float]:
    out: dict[str, float] = {}
    for r in _rows("specificity_generic.tsv"):
        for form in word_forms(r["word"], r["pos"]):
            out[form] = float(r["weight"])
    return out


# ---------------------------------------------------------------- evidence

@dataclass
class Evidence:
    items: list[tuple[str, float]]

    def add(self, label: str, weight: float) -> None:
        if weight:
            self.items.append((label, weight))

    @property
    def score(self) -> float:
        return sum(w for _, w in self.items)

    def describe(self) -> str:
        return ", ".join(f"{label} {w:+g}" for label, w in self.items) or "no evidence"


def _sentence_range(doc: Document, sentence: int, around: int) -> tuple[int, int]:
    lo = around
    while lo > 0 and doc.tokens[lo - 1].sentence == sentence:
        lo -= 1
    hi = around
    while hi < len(doc.tokens) and doc.tokens[hi].sentence == sentence:
        hi += 1
    return lo, hi


def _keys(tok: Token) -> set[str]:
    return {tok.stem, _strip_article(tok.stem), tok.norm}


def _sentence_triggers(doc: Document, lo: int, hi: int) -> list[LemmaMatch]:
    """`find_triggers(doc.tokens[lo:hi])` (`LemmaLexicon.find_in`), kept per range: one verdict asks it of the same sentence up to ~5
    times (the trigger, the words before it, the enumeration; issue 16). Callers only read it."""
    memo = document_memo("specificity:triggers", (), (doc.tokens,))
    found = memo.get((lo, hi))
    if found is None:
        found = memo[(lo, hi)] = lexicon("event_triggers.tsv").find_in(doc.tokens, lo, hi)
    return found


def _trigger_match(doc: Document, lo: int, hi: int, i: int) -> LemmaMatch | None:
    """The trigger match covering token i; when several rules match the same word («خطف» is the verb خطف
    and a masdar of اختطف), the one that reads it as its own verb, since the verb form says more."""
    covering = [m for m in _sentence_triggers(doc, lo, hi) if m.first <= i - lo <= m.last]
    if not covering:
        return None
    tok = doc.tokens[i]

    def reads_as_verb(m: LemmaMatch) -> bool:
        lemma = verb_lemma(m.rule.lemma)
        return m.rule.pos == "verb" and tok.stem in _verb_forms(lemma)
    return next((m for m in covering if reads_as_verb(m)), covering[0])


@lru_cache(maxsize=4096)
def _verb_forms(lemma: str) -> frozenset[str]:
    """`verb_forms` of a lemma, generated once (asked per trigger: issue 16)."""
    return frozenset(verb_forms(lemma))


def trigger_shape(tok: Token, match: LemmaMatch | None) -> str | None:
    """perfect_verb | imperfect_verb | definite_masdar | definite_plural | indefinite_noun | None (a phrase)."""
    if match is None or match.rule.pos == "phrase":
        return None
    lemma = verb_lemma(match.rule.lemma)
    definite = "ال" in tok.prefixes
    purpose = definite and set(tok.prefixes) & _PURPOSE_PREFIXES
    if purpose:
        return None     # «للاحتجاج على»، «بالقصف»: the purpose or means of another verb, no evidence either way
    if match.rule.pos == "verb" and tok.stem in _verb_forms(lemma):
        if definite:
            return "definite_masdar"
        return "perfect_verb" if tok.stem in perfect_form_set(lemma) else "imperfect_verb"
    if not definite:
        return "indefinite_noun"
    if tok.stem.endswith(("ات", "ين", "ون")):
        return "definite_plural"
    # a definite singular noun («الهجوم»، «التظاهرة») usually points back at an event already told: no evidence
    # either way; a definite verbal noun without the taa of one instance («القتل»، «التفجير») names the act
    instance = tok.stem.endswith("ه")
    masdar_shaped = len(tok.stem) >= 5 and tok.stem[0] == "ت" and tok.stem[-2] == "ي"   # تفعيل: «التفجير»
    return "definite_masdar" if (match.rule.pos == "verb" or masdar_shaped) and not instance else None


def _realised_verb_phrase(tok: Token, match: LemmaMatch | None) -> bool:
    """A phrase trigger opened by a perfect form of its verb: «أطلقت نيرانها», «أطلقوا صواريخ»."""
    if match is None or match.rule.pos != "phrase" or tok.prefixes:
        return False
    lemma = verb_lemma(match.rule.lemma)
    return tok.stem in perfect_form_set(lemma)


def _joined_verb_phrase(tok: Token, match: LemmaMatch | None) -> bool:
    """A phrase trigger opened by «و» and a perfect form of its verb: «وأحرقوا الإطارات»."""
    if match is None or match.rule.pos != "phrase" or list(tok.prefixes) != ["و"]:
        return False
    return tok.stem in perfect_form_set(verb_lemma(match.rule.lemma))


def _possessed_noun(tok: Token, shape: str | None) -> bool:
    """A trigger noun with a possessive pronoun («احتجاجها»، «اعتصامهم»، «هجماتها»): it names someone's stance or
    an act already told («أعلنت احتجاجها على القرار»، «في نهاية اعتصامهم»), not a new occurrence."""
    return bool(tok.suffix) and shape == "indefinite_noun"     # a possessed noun has no «ال»


def _is_enumerated(doc: Document, lo: int, hi: int, i: int, last: int, trigger_starts: set[int]) -> bool:
    """The trigger is one item of a list of kinds: «القتل والتفجير»، «العنف أو الاغتيال»."""
    generic = generic_nouns()

    def kind_word(k: int) -> bool:
        return k in trigger_starts or bool(_keys(doc.tokens[k]) & generic.keys())
    after = last + 1
    if after < hi and set(doc.tokens[after].prefixes[:1]) & _COORDINATORS and kind_word(after):
        return "ال" in doc.tokens[i].prefixes or "ال" in doc.tokens[after].prefixes
    if after + 1 < hi and doc.tokens[after].stem == "او" and kind_word(after + 1):
        return True
    tok = doc.tokens[i]
    if i - 1 >= lo and set(tok.prefixes[:1]) & _COORDINATORS and kind_word(i - 1):
        return "ال" in tok.prefixes
    return False


def clause_position(doc: Document, lo: int, i: int) -> int:
    """Words between the trigger and the start of its clause (the sentence start, or the last «أن/إن» or
    clause-opening conjunction «فيما/حيث/كما/إذ»). A conjunction right after a demonstrative («ويأتي ذلك فيما
    أعلن الجيش مقتل ...») opens no news clause: it goes on framing what was told before."""
    openers = clause_openers()
    start = next((k + 1 for k in range(i - 1, lo - 1, -1) if doc.tokens[k].stem in openers
                  and not (k > lo and doc.tokens[k - 1].stem in _DEMONSTRATIVES)), lo)
    return i - start


def _coordinated_after_comma(doc: Document, lo: int, i: int) -> bool:
    """«المتظاهرون قطعوا الطريق الرابط بين ...، وأحرقوا الإطارات»: a verb joined by «و» after a comma opens a new
    clause of its own (the same doer's next deed), so its place is counted from there, not from the sentence start."""
    tok = doc.tokens[i]
    return i > lo and tok.prefixes[:1] == ["و"] and any(ch in "،," for ch in doc.text[doc.tokens[i - 1].end:tok.start])


def _position_evidence(doc: Document, lo: int, i: int, ev: Evidence, coordinated_verb: bool = False) -> None:
    weights = feature_weights()
    at = 0 if coordinated_verb and _coordinated_after_comma(doc, lo, i) else clause_position(doc, lo, i)
    if at < _EARLY:
        ev.add("early_trigger", weights["early_trigger"])
    elif at >= _LATE:
        ev.add("late_trigger", weights["late_trigger"])


def _near(items: list, name: str, start: int, end: int) -> list:
    """The items of a layer that may overlap [start, end), in layer order, by an index built once per document
    (scanning whole layers per trigger was quadratic in article length; issue 16). Callers keep their test."""
    return span_index(items, span_of, "specificity:" + name).overlapping(
        start, max(end, start + 1))


def _attributed(doc: Document, sentence: int, last: int, hi: int, bi_of_place: bool = False) -> bool:
    """The mention is anchored right after the trigger: a nisba actor («الضربات السورية والروسية»), a place after
    «على/في» («على حلب») — or after «ب» when `bi_of_place` —, or a day or time of day («الاحتجاجات الخميس»)."""
    stop = min(hi, last + 1 + _ATTRIBUTION_WINDOW)
    window = doc.tokens[last + 1:stop]
    if not window:
        return False
    start, end = window[0].start, window[-1].end
    if any(a.source == "nisba" and start <= a.span.start < end for a in _near(doc.agents, "agents", start, end)):
        return True
    if any(c.kind == "time" for t in window for key in _keys(t) for c in word_cues().get(key, ())):
        return True
    places = [p for p in _near(doc.places, "places", start, end) if start <= p.span.start < end and p.lat is not None]
    return any(doc.tokens[k].stem in _PLACE_PREPOSITIONS and any(p.span.start > doc.tokens[k].start for p in places)
               or bi_of_place and _place_after_bi(doc, k, places) for k in range(last + 1, stop))


_PLACE_HEADS = frozenset(normalize_for_match(w) for w in _WORDS["place_head"])


def _place_after_bi(doc: Document, k: int, places: list) -> bool:
    """Token k is the «ب» of place: the place itself («تظاهرة بالعاصمة») or a place noun whose name follows
    («وقفة احتجاجية بمنطقة ديرعلا», «اعتصام بساحة الشهداء»); not any noun with «ب» before a place («المطالبة
    بطرد إيران من العراق»)."""
    tok = doc.tokens[k]
    if tok.prefixes[:1] != ["ب"] and tok.prefixes[:2] != ["و", "ب"]:
        return False
    if any(tok.start <= p.span.start < tok.end for p in places):
        return True
    return tok.stem in _PLACE_HEADS and k + 1 < len(doc.tokens) and \
        any(p.span.start == doc.tokens[k + 1].start for p in places)


def _layer_evidence(doc: Document, sentence: int, lo: int, hi: int, ev: Evidence) -> None:
    weights = feature_weights()
    sent = doc.sentences[sentence]
    casualties = casualties_in_range(doc, lo, hi)
    if casualties.fatalities or casualties.injuries or casualties.vague:
        ev.add("casualties", weights["casualties"])
    numbers = [n for n in _near(doc.numbers, "numbers", sent.start, sent.end) if sent.start <= n.span.start < sent.end]
    if any(not n.is_year and not n.is_percent for n in numbers) and not (casualties.fatalities or casualties.injuries or casualties.vague):
        ev.add("count", weights["count"])
    here = [p for p in _near(doc.places, "places", sent.start, sent.end)
            if sent.start <= p.span.start < sent.end and p.lat is not None]
    if here:
        ev.add("place", weights["place"])
    if any(p.feature in _FINE_PLACES for p in here):
        ev.add("fine_place", weights["fine_place"])
    if any(sent.start <= a.span.start < sent.end for a in _near(doc.agents, "agents", sent.start, sent.end)):
        ev.add("agent", weights["agent"])
    if sent.text.rstrip().rstrip("»\"'”)").endswith(("؟", "?")):
        ev.add("question", weights["question"])
    published = doc.article.published
    years = [n.value for n in numbers if n.is_year]
    if any(published is None or y < published.year for y in years):
        ev.add("past_year", weights["past_year"])


@lru_cache(maxsize=32_768)
def _cues_of_word(stem: str, norm: str) -> tuple[tuple[Cue, ...], float]:
    """The word cues a token's forms (`_keys`) match, in a fixed order, and its generic-noun weight (0.0 if
    none): the same for every trigger of the sentence, so kept per word form (issue 16)."""
    cues, generic = word_cues(), generic_nouns()
    keys = {stem, _strip_article(stem), norm}       # (`_keys`)
    # in a fixed order (a set's order follows the hash seed, and the evidence text would change between runs)
    found = tuple(sorted({c for key in keys for c in cues.get(key, ())}, key=lambda c: (c.word, c.kind, c.scope, c.window)))
    return found, next((generic[key] for key in keys if key in generic), 0.0)


def _word_evidence(doc: Document, lo: int, hi: int, i: int, last: int, event_type: str, ev: Evidence,
                   shape: str | None = None) -> None:
    seen: set[tuple[str, str, int]] = set()
    realis = False
    generic_weight = 0.0
    for k in range(lo, hi):
        if k in (i, last):
            continue        # the trigger's own words; what stands inside a phrase («أطلقت، مساء الثلاثاء، صاروخا») counts
        tok = doc.tokens[k]
        word_cues_here, hit = _cues_of_word(tok.stem, tok.norm)
        for cue in word_cues_here:
            key = (cue.word, cue.scope, cue.window)     # a word counts once per row, though many forms match
            if key in seen or not cue.applies_to(event_type) or not _in_scope(cue, k, i, last, doc, lo, shape):
                continue
            seen.add(key)
            realis = realis or cue.weight > 0
            ev.add(f"{cue.kind} «{doc.tokens[k].text}»", cue.weight)
        generic_weight = max(generic_weight, hit)
    if generic_weight and not realis and not any(w > 0 for _, w in ev.items):
        ev.add("abstract noun", -generic_weight)


_DEMONSTRATIVES = frozenset({"ذلك", "هذا", "هذه", "تلك", "ذاك"})


_PREPOSITION_PREFIXES = frozenset({"ب", "ل", "ك"})
_MEANS_SKIPPED = 3      # words of a means phrase the target may stand beyond («غارة بطائرة مسيرة على مستودع»)


def _is_target(doc: Document, last: int, k: int, window: int) -> bool:
    """«استهدفتا موقعين», «غارة بطائرة مسيرة على مستودع»: the word at k is the concrete target of the trigger
    ending at `last`: up to `window` words after it in the same stretch of clause, the words of a means phrase
    («بطائرة مسيرة») not counted, and not itself inside one («بتفجير سيارة», «بواسطة سيارة») nor a weapon
    («سيارة مفخخة»)."""
    if not 0 < k - last <= window + _MEANS_SKIPPED:
        return False
    if any(ch in "،,.؛:" for ch in doc.text[doc.tokens[last].end:doc.tokens[k].start]):
        return False
    means = means_words()
    in_means, counted = False, 0
    for m in range(last + 1, k + 1):
        tok = doc.tokens[m]
        if "ب" in tok.prefixes or tok.stem in means.get("means", ()):
            in_means = True
        elif tok.stem in means.get("target", ()) or "ل" in tok.prefixes:
            in_means = False        # «على مستودع», «لسيارة»: a new phrase, the target's
        counted += not in_means
    if in_means or counted > window:
        return False
    return not (k + 1 < len(doc.tokens) and doc.tokens[k + 1].stem in means.get("weapon", ()))


def _in_scope(cue: Cue, k: int, i: int, last: int, doc: Document | None = None, lo: int = 0,
              shape: str | None = None) -> bool:
    if cue.scope == "subject":
        # «مسيرتين تركيتين استهدفتا موقعين»: an aircraft or a weapon as the doer of a perfect verb, up to `window`
        # words before it in the same stretch of clause, bare (not «بطائرة», the means). Not after the verb: there
        # it is as often the object («خطف طائرة», «أطلقت صاروخاً»)
        if shape != "perfect_verb" or doc is None or not 0 < i - k <= cue.window \
                or set(doc.tokens[k].prefixes) & _PREPOSITION_PREFIXES:
            return False
        return not any(ch in "،,.؛:" for ch in doc.text[doc.tokens[k].end:doc.tokens[i].start])
    if cue.scope == "object":
        return doc is not None and _is_target(doc, last, k, cue.window)
    if cue.scope == "opening":
        # «ويأتي ذلك بعد هجوم ...», «جاء ذلك في حديث ...»: a sentence that opens by placing what was told before
        # against other news; the word must be among the sentence's first `window` words, before a demonstrative
        nxt = doc.tokens[k + 1].stem if doc is not None and k + 1 < len(doc.tokens) else ""
        return k - lo < cue.window and k < i and nxt in _DEMONSTRATIVES
    if cue.scope == "sentence":
        return True
    if cue.scope == "before":
        return 0 < i - k <= cue.window
    return 0 < i - k <= cue.window or 0 < k - last <= cue.window


def _modified_trigger(doc: Document, lo: int, hi: int, i: int, match: LemmaMatch | None, event_type: str) -> int | None:
    """The trigger noun that the trigger at i qualifies as an adjective («هجوم انتحاري», «عملية انتحارية»):
    the word just before it, itself an indefinite or definite noun trigger of the same type with no conjunction
    between them; else None."""
    if match is None or i - 1 < lo or not match.rule.reads_as_noun(doc.tokens[i]) \
            or set(doc.tokens[i].prefixes[:1]) & _COORDINATORS:
        return None
    if ("ال" in doc.tokens[i].prefixes) != ("ال" in doc.tokens[i - 1].prefixes):
        return None         # an adjective agrees in definiteness with its noun
    before = _trigger_match(doc, lo, hi, i - 1)
    if before is None or lo + before.last != i - 1 or before.rule.get("type") != event_type \
            or not before.rule.reads_as_noun(doc.tokens[i - 1]) or before.rule.lemma == match.rule.lemma:
        return None
    return lo + before.first


def _describes_noun(doc: Document, lo: int, hi: int, i: int, match: LemmaMatch | None, event_type: str) -> int | None:
    """The indefinite attack noun a perfect verb trigger describes: Arabic joins a clause to an indefinite noun with
    no relative pronoun («هجوم انتحاري استهدف مدرسة»: an attack that targeted a school), so the verb right after the
    noun (and its adjective) tells of the same attack and shares its verdict; else None."""
    if match is None or match.rule.reads_as_noun(doc.tokens[i]) or doc.tokens[i].prefixes:
        return None
    before = _trigger_match(doc, lo, hi, i - 1) if i - 1 >= lo else None
    if before is None or before.rule.get("type") != event_type or not before.rule.reads_as_noun(doc.tokens[i - 1]) \
            or "ال" in doc.tokens[lo + before.first].prefixes:
        return None
    head = _modified_trigger(doc, lo, hi, lo + before.first, before, event_type)
    return head if head is not None else lo + before.first


_ENTRY_REACH = 4      # words between a chronology entry's «date:» and its trigger


def _chronology_entry(doc: Document, lo: int, i: int) -> bool:
    """The trigger opens an entry of a chronology or digest: a date and a colon just before it («21 ديسمبر: مقتل
    50 شخصا ...»), one item of a list of past events rather than the news of the day."""
    start = doc.tokens[max(lo, i - _ENTRY_REACH)].start
    between = doc.text[start:doc.tokens[i].start]
    colon = between.rfind(":")
    if colon < 0:
        return False
    at = start + colon
    return any(d.span.end <= at and at - d.span.end <= 2 for d in _near(doc.dates, "dates", at - 40, at))


_MOTIVE_REACH = 5     # «يتجمع متظاهرون أمامه احتجاجا على الحرب»


def _motive_of(doc: Document, lo: int, hi: int, i: int, match: LemmaMatch | None, event_type: str) -> int | None:
    """The verb trigger whose motive the trigger at i gives: an unprefixed indefinite accusative noun
    («احتجاجا», «تنديدا») up to five words after a verb trigger of the same type in its clause («تجمعوا ...
    احتجاجا على القرار») is that act's reason, and stands or falls with it; else None."""
    tok = doc.tokens[i]
    if match is None or tok.prefixes or tok.suffix or not tok.stem.endswith("ا") or not match.rule.reads_as_noun(tok):
        return None
    for back in range(1, _MOTIVE_REACH + 1):
        j = i - back
        if j < lo or any(ch in "،,.؛:" for ch in doc.text[doc.tokens[j].end:doc.tokens[j + 1].start]):
            return None
        verb = _trigger_match(doc, lo, hi, j)
        if verb is not None and lo + verb.last == j and verb.rule.get("type") == event_type \
                and not verb.rule.reads_as_noun(doc.tokens[j]):
            return lo + verb.first
    return None


# ---------------------------------------------------------------- the decision

_FINE_PLACES = frozenset({"village", "neighbourhood", "facility", "camp"})
_ANNOUNCE_REACH = 16     # «أعلنت X المدعومة من ... اليوم بدء معركة»: the subject may be long


def reports_specific_event(doc: Document, sentence_index: int, trigger_token_index: int,
                           event_type: str) -> tuple[bool, str]:
    """(True, why) when the trigger at `trigger_token_index` reports one specific event of `event_type`
    (ASSAULT, PROTEST); (False, why) when it mentions such acts in general, in opinion, habit, hypothesis,
    a legal charge or as past background. `why` lists the evidence with its weights."""
    decision, why, _score = specificity(doc, sentence_index, trigger_token_index, event_type)
    return decision, why


def context_threshold(event_type: str) -> float | None:
    """The lower score at which a trigger of `event_type` counts in an article that already reports a specific
    event of its type at another place (`threshold_in_context_<TYPE>`), or None when the type has none."""
    return feature_weights().get(f"threshold_in_context_{event_type}")


def specificity(doc: Document, sentence_index: int, trigger_token_index: int,
                event_type: str) -> tuple[bool, str, float]:
    """reports_specific_event's (decision, why) with the score the decision compares to the threshold."""
    weights = feature_weights()
    lo, hi = _sentence_range(doc, sentence_index, trigger_token_index)
    match = _trigger_match(doc, lo, hi, trigger_token_index)
    head = _modified_trigger(doc, lo, hi, trigger_token_index, match, event_type)
    if head is None:
        head = _motive_of(doc, lo, hi, trigger_token_index, match, event_type)
    if head is None:
        head = _describes_noun(doc, lo, hi, trigger_token_index, match, event_type)
    if head is not None:
        # «ثالث هجوم انتحاري»: the adjective belongs to the attack noun before it and shares its verdict
        return specificity(doc, sentence_index, head, event_type)
    i = lo + match.first if match else trigger_token_index
    last = lo + match.last if match else trigger_token_index
    ev = Evidence([])
    shape = trigger_shape(doc.tokens[i], match)
    # a gathering is held «ب» a place («تظاهرة بالعاصمة»); after an attack word «ب» mostly names the weapon or the
    # means («هجوم بسيارة مفخخة», «قصف بالمدفعية»), so there only «في/على» anchor the place
    anchored = _attributed(doc, sentence_index, last, hi, bi_of_place=event_type != "ASSAULT")
    if anchored:
        ev.add("attributed", weights["attributed"])
    # a phrase opened by a perfect verb («دبابات أطلقت نيرانها») has a doer as a perfect verb has
    doer_shape = "perfect_verb" if shape is None and _realised_verb_phrase(doc.tokens[i], match) else shape
    relative = doer_shape == "perfect_verb" and i - 1 >= lo and any(
        c.kind == "relative" for key in _keys(doc.tokens[i - 1]) for c in word_cues().get(key, ()))
    if relative:
        pass        # «الرهينة التي خطفت»: a perfect in a relative clause describes its noun's past, not the news
    elif shape and not (anchored and shape == "definite_plural"):     # «الغارات الروسية على إدلب» is specific
        ev.add(shape, weights[shape])
    if _possessed_noun(doc.tokens[i], shape):
        ev.add("possessed", weights["possessed"])
    starts = {lo + m.first for m in _sentence_triggers(doc, lo, hi) if m.rule.get("type") == event_type}
    if _is_enumerated(doc, lo, hi, i, last, starts):
        ev.add("enumeration", weights["enumeration"])
    light = light_verb_before(doc, i) if match is None or match.rule.reads_as_noun(doc.tokens[i]) else None
    if light is not None and doc.tokens[light].stem[:1] not in "يتن":
        # «شنت مقاتلات ... ضربات جوية», «نفذتا هجوماً»: the light verb tells the act happened, and the
        # clause is measured from it
        ev.add("light_verb", weights["light_verb"])
    if light is not None:
        # «أعلنت قوات ... اليوم بدء معركة تحرير الرقة»: an announced start opens the clause at the announcement
        announcer = announced_by(doc, light, reach=_ANNOUNCE_REACH)
        anchor = announcer if announcer is not None else light
    else:
        anchor = i
    # (not for attacks: «، وقتل» after a comma mostly goes on with the toll or the background of an attack told before)
    coordinated_verb = anchor == i and event_type != "ASSAULT" and (
        doer_shape == "perfect_verb" or _joined_verb_phrase(doc.tokens[i], match))
    _position_evidence(doc, lo, anchor, ev, coordinated_verb=coordinated_verb)
    if hi - lo >= _LONG_SENTENCE:
        ev.add("long_sentence", weights.get(f"long_sentence_{event_type}", weights["long_sentence"]))
    if _chronology_entry(doc, lo, i):
        ev.add("chronology", weights["chronology"])
    _layer_evidence(doc, sentence_index, lo, hi, ev)
    _word_evidence(doc, lo, hi, i, last, event_type, ev, None if relative else doer_shape)
    decision = ev.score >= weights.get(f"threshold_{event_type}", weights["threshold"])
    verdict = "specific" if decision else "not specific"
    return decision, f"{verdict} {event_type} (score {ev.score:+g}): {ev.describe()}", ev.score
