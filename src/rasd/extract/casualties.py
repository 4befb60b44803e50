"""Fatalities and injuries for one sentence: numbers (from the text layer) tied to casualty cues.

A number belongs to the nearest casualty cue within a few tokens, before it («مقتل خمسة مدنيين»،
«وإصابة 30 آخرين») or after it («12 شخصا قتلوا»، «خمسة قتلى»). Sub-counts after «بينهم»/«منهم»
are parts of a total already counted; years, percentages and ordinals are not counts. A running
total («ارتفع عدد القتلى إلى 21») is reported as such, so that it updates rather than adds an event.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from rasd.document import Document, NumberMention, Token
from rasd.extract.clauses import overall_word
from rasd.extract.event_lexicon import _WORDS
from rasd.extract.spanindex import document_memo, starting_in
from rasd.extract.triggers import LemmaMatch, find_casualty_cues
from rasd.text.normalize import normalize_for_match
from rasd.text.numbers import dual_noun, singular_count_at, singular_noun, word_readings

_WINDOW = 6
_SUBSET_MARKERS = frozenset({"بينهم", "منهم", "بينهن", "منهن", "بينها", "وبينهم", "ومنهم", "معظمهم"})
# «ارتفع عدد القتلى إلى 21», «حصيلة»: a new figure for the same event; «في المجموع» (in all) sums several
_RUNNING_TOTAL = frozenset({"ارتفع", "ارتفعت", "يرتفع", "ترتفع", "ليرتفع", "لترتفع", "حصيله"})


@dataclass
class Casualties:
    fatalities: int | None = None
    injuries: int | None = None
    approximate: bool = False
    running_total: bool = False
    vague: frozenset[str] = frozenset()     # kinds told only by a vague word («عشرات القتلى»): reported, no figure
    # a toll told in parts joined by «و» («قُتل 4 في خان يونس و14 في دير البلح»): (token of the figure, kind,
    # value) for each part, the first one too; the total above is their sum
    parts: tuple[tuple[int, str, int], ...] = ()


def _is_count(number: NumberMention) -> bool:
    flags = ("is_year", "is_percent", "is_ordinal")
    return not any(getattr(number, f, False) for f in flags) and 0 < number.value < 100_000 \
        and float(number.value).is_integer()


def _token_index(doc: Document, offset: int, lo: int, hi: int) -> int | None:
    for i in range(lo, hi):
        if doc.tokens[i].start <= offset < doc.tokens[i].end:
            return i
    return None


def casualties_in_range(doc: Document, lo: int, hi: int) -> Casualties:
    """Casualties reported in tokens [lo, hi) — a clause or a sentence."""
    # (kept per range: the events stage asks a sentence's and a clause's figures again for every trigger in
    # them, and specificity once more, 65 calls for ~30 ranges in the founding article; callers get a copy,
    # since `_clause_casualties` fills a clause's missing figure in)
    memo = document_memo("casualties:ranges", (doc.text,), (doc.tokens, doc.numbers))
    found = memo.get((lo, hi))
    if found is None:
        found = memo[(lo, hi)] = find_casualties(doc, lo, hi)
    return replace(found)


def find_casualties(doc: Document, lo: int, hi: int) -> Casualties:
    """`casualties_in_range`, found anew."""
    tokens = doc.tokens[lo:hi]
    result = Casualties()
    if not tokens:
        return result
    matches = find_casualty_cues(tokens)
    cues = [(lo + m.first, m.rule.get("kind")) for m in matches]
    if not cues:
        return result
    # «مقتلهما», «لقي ضابطا شرطة مصرعهما»: a dual pronoun on the cue (or on a phrase's last word) counts two
    dual_cues = {lo + m.first for m in matches if {tokens[m.first].suffix, tokens[m.last].suffix} & _DUAL_PRONOUNS}
    one_dead = {lo + m.first for m in matches if _one_death_by_itself(doc, m, lo)}
    noun_cues = {lo + m.first for m in matches if m.rule.reads_as_noun(tokens[m.first])}
    count_after = {lo + m.first for m in matches if m.rule.get("count") == "after"}    # «اغتيال 3 قادة»
    # «200 مقاتل قضوا باشتباكات»: a verb that tells a death only after its counted subject («قضت المحكمة بسجن 5»)
    count_before = {lo + m.first for m in matches if m.rule.get("count") == "before"}
    one_by_verb = {lo + m.first for m in matches if _one_by_perfect_verb(m, tokens[m.first])}
    together = _between_both_kinds(doc, cues, lo, hi)     # «بين قتيل وجريح»: cues of one count of both kinds
    start, end = tokens[0].start, tokens[-1].end
    totals: dict[str, int] = {}
    last_kind = None
    vague: set[str] = set()
    counted_at: set[int] = set()     # tokens of the numbers read (a cue just after one is its counted noun)
    parts: list[tuple[int, str, int]] = []
    uncounted: tuple[int, int] | None = None     # (last token, value) of a count with no cue in reach
    result.running_total = any(t.stem in _RUNNING_TOTAL for t in tokens)
    overall = result.running_total and (overall_word(doc, lo, hi) is not None or _since_after_total(doc, lo, hi))
    for number in doc.numbers:
        if not (start <= number.span.start < end) or not _is_count(number):
            continue
        i = _token_index(doc, number.span.start, lo, hi)
        if i is None or _after_subset_marker(doc, i, lo) or _is_age(doc, i, hi) or _is_label(doc, i, lo):
            continue
        breakdown = bool(counted_at) and _breaks_down_a_count(doc, min(counted_at), i)
        if _one_of_a_thing(doc, cues, number, i, lo):
            continue
        if totals and overall and any(t.stem in _RUNNING_TOTAL for t in doc.tokens[min(counted_at) + 1:i]):
            result.running_total = False    # «قتل ثلاثة ...، لترتفع الحصيلة الإجمالية إلى 50»: the first count is
            break                           # this event's, the overall total after it counts several
        counted_at.add(i)
        last = _token_index(doc, number.span.end - 1, lo, hi) or i     # «أزيد من 65 جريح»: after the figure
        if not totals and _killed_and_wounded_before(doc, cues, noun_cues, i, lo):
            vague |= {"death", "injury"}    # «مقتل وإصابة 15»: casualties told, neither toll known
            continue    # (unless a toll was read before them: «تسعة مدنيين قُتلوا وأُصيب 13»)
        if any(0 < at - last <= 3 for at in together):
            vague |= {"death", "injury"}    # «40 شخصا بين قتيل وجريح»: casualties told, neither toll known
            continue
        if _killed_and_wounded(doc, cues, i, hi) or _killed_or_wounded(doc, cues, last, hi):
            continue    # «21 قتيلا وجريحا», «خمسة آلاف مدني أصيبوا أو قتلوا»: counted together, neither toll
        near = [c for c in cues if not (c[0] > i and c[0] in count_after) and not (c[0] < i and c[0] in count_before)]
        kind = _counted_noun_cue(doc, near, last) or _others_then_cue(doc, near, last, hi) or _nearest_cue(near, i, doc)
        joined = doc.tokens[i].prefixes[:1] == ["و"] or (i > lo and doc.tokens[i - 1].text == "و")
        if joined and last_kind is not None and _counts_things(doc, cues, last, hi):
            continue            # «عثر بحوزتهم على 13 سلاحا وثلاث عبوات»: things, not more of the dead
        if kind is not None and _things_before_a_new_clause(doc, near, i, last, hi):
            continue    # «أدى إلى نزوح 145 أسرة وتدمير 35 منزلاً، وإصابة امرأة»: families and houses, not the hurt
        if kind is None and joined and last_kind is not None:
            kind = last_kind    # «مقتل ثلاثة مدنيين في اليوم الأول و27 في اليوم الثاني»
        if kind is None and result.running_total and i > lo and doc.tokens[i - 1].stem == "الى":
            kind = "death"      # «ارتفع عدد القتلى ... إلى 21»: the new total
        if kind is None:
            if number.kind != "vague":
                uncounted = (last, int(number.value))    # «أربعة جنود وسبعة مسلحين ... قتلوا»: may be joined
            continue
        if number.kind == "vague":
            vague.add(kind)     # «وعشرات الجرحى»: casualties told, but no number to record (ANNOTATION.md)
            last_kind = kind
            continue
        # «طفلين وامرأة», «أربعة أطفال وسيدة», «امرأة وطفلاها»: persons joined by «و» to the count
        persons_after = _joined_persons(doc, last + 1, hi) + _with_another(doc, last + 1, hi) \
            if number.kind in ("singular", "dual") else _coordinated_singulars(doc, i, hi)
        value = int(number.value) + persons_after + _persons_joined_before(doc, i, lo)
        if joined and last_kind is None and uncounted is not None and i - uncounted[0] <= 2 \
                and _cue_after_only(near, i):
            value += uncounted[1]   # «أربعة جنود وسبعة مسلحين قتلوا»: both counts joined before one cue
        if _next_by_ordinal(doc, cues, last, hi, value):
            value += 1          # «إصابة شابين بشظايا الرصاص وثالث بجرح باليد»: the third man, one more
        if kind in totals and joined and kind == last_kind and breakdown:
            pass                    # «175 شهيداً (124 في الضفة و51 في غزة)»: the parts of a count already read
        elif kind in totals and joined and kind == last_kind:
            totals[kind] += value   # «ثلاثة في اليوم الأول و27 في اليوم الثاني»: parts of one toll
            parts.append((i, kind, value))
        else:
            totals[kind] = max(totals.get(kind, 0), value)
            parts = [p for p in parts if p[1] != kind] + [(i, kind, value)]
        last_kind = kind
        result.approximate |= number.approximate
    cue_at = {at for at, _kind in cues}
    for at, kind in cues:
        # «قُتل عنصر», «وأصيب آخر»: a singular counted noun right after the cue is one person; «مقتل وإصابة
        # العشرات»: a cue right before another cue counts nobody by itself
        if at in count_before or at in together:
            continue        # («قضى الرجل عشر سنوات في السجن»: no one dead after it; «بين قتيل وجريح»: no one alone)
        if totals.get(kind, 1) == 1 and at in dual_cues:
            # «ما أدى إلى مقتلهما», «وإصابتهما»: the cue's own pronoun counts two people (and tells «ضابطا شرطة»
            # in «لقي ضابطا شرطة مصرعهما» for a dual, not one officer)
            totals[kind] = 2
        if kind not in totals and at + 1 < hi and doc.tokens[at + 1].sentence == doc.tokens[at].sentence \
                and at + 1 not in cue_at:
            if _singular_person(doc, at + 1) is not None:
                # «قُتل عنصر», «وإصابة والدته»; «استشهاد سيدة ونجلها»: each person joined by «و» is one more
                totals[kind] = 1 + _joined_persons(doc, at + 2, hi) + _with_another(doc, at + 2, hi)
            elif any(_singular_object(doc, k, hi) and not counted_at & set(range(at, k))
                     for k in range(at + 2, min(at + 2 + _OBJECT_REACH, hi))):
                totals[kind] = 1     # «قتل مستوطنون فلسطينياً», «اغتال مسلحون مجهولون ضابطاً»
        if kind not in totals and at in one_dead and not counted_at & set(range(at - 2, at + 3)):
            totals[kind] = 1     # «لقي مجند بالجيش المصري مصرعه»: one man killed
        if kind not in totals and at in noun_cues and _one_by_result(doc, at, lo):
            totals[kind] = 1     # «ردّت الوحدات بالمثل، ما أسفر عن مقتله»: one man, the pronoun's owner
        if kind not in totals and at in one_by_verb and not counted_at:
            totals[kind] = 1     # «اغتال مسلحون، الخميس الماضي، “ماهر محمد علي”»: one man assassinated
        if kind not in totals and at + 1 < hi and _one_more_by_ordinal(doc, at + 1):
            totals[kind] = 1     # «مقتل ثلاثة جنود وإصابة رابع»: the fourth man, one injured
        if kind not in totals and not counted_at & {at - 1, at - 2} and _one_by_itself(doc, at):
            totals[kind] = 1     # «ما أسفر عن سقوط قتيل», «وتوقع قتيلاً»: an indefinite singular is one person
    result.fatalities = totals.get("death")
    result.injuries = totals.get("injury")
    result.vague = frozenset(vague - set(totals))
    result.parts = tuple(p for p in parts if totals.get(p[1]) == sum(q[2] for q in parts if q[1] == p[1]))
    return result


_ONE_PRONOUNS = frozenset({"ه", "ها"})     # an enclitic of one person («لقي حتفه», «لقيت مصرعها»)


def _since_after_total(doc: Document, lo: int, hi: int) -> bool:
    """«استشهاد 5 مواطنين، ليرتفع عدد الشهداء منذ بدء العدوان إلى 40 ألفا»: «منذ» after the running total's verb
    makes it a total over a period, as «الحصيلة الإجمالية» makes it one over several events."""
    rising = next((k for k in range(lo, hi) if doc.tokens[k].stem in _RUNNING_TOTAL), None)
    return rising is not None and any(doc.tokens[k].norm == "منذ" for k in range(rising + 1, hi))


def _one_death_by_itself(doc: Document, match: LemmaMatch, lo: int) -> bool:
    """«لقي مجند بالجيش مصرعه», «لقي أحد أفراد الشرطة حتفه»: one person's pronoun on the last word of a death
    phrase tells one death when no number does. (On a verb, «وقتلوه», it was tried: the GSR gained a false
    ASSAULT and heldout13 lost a toll; on a noun the pronoun is its owner, «ضحيتها», «إثر مقتله».)"""
    last = doc.tokens[lo + match.last]
    return match.rule.get("kind") == "death" and match.rule.pos == "phrase" and last.suffix in _ONE_PRONOUNS


def _one_by_perfect_verb(match: LemmaMatch, tok: Token) -> bool:
    """A cue marked «alone: one» (casualty_cues.tsv) read as its verb in the active perfect («اغتال»,
    «اغتالوا»): it begins with the whole lemma. The imperfect («يغتال») tells no act done; the passive with no
    noun after it («ان الذين خرجوا لم يعرفوا انه اغتيل»: a GSR sentence about a protest) is left to the
    singular-noun rule («اغتيل القيادي»)."""
    if match.rule.get("alone") != "one" or match.rule.reads_as_noun(tok):
        return False
    rest = tok.norm[len("".join(tok.prefixes)):] if tok.norm.startswith("".join(tok.prefixes)) else tok.norm
    return rest.startswith(normalize_for_match(match.rule.lemma))


_RESULT_VERBS = _WORDS["result_verb"]     # data/event_words.tsv: «أسفر», «أدى», «خلف», «أوقع», «تسبب»
_RESULT_PREPS = frozenset({"عن", "الي", "في"})


def _one_by_result(doc: Document, at: int, lo: int) -> bool:
    """«ما أسفر عن مقتله», «ما أدى إلى إصابتها», «ما خلف مقتله»: a casualty noun with one person's pronoun as
    the result of the act told before is one casualty (elsewhere, «إثر مقتله», «ذكرى مقتله», the death may be an
    old one). The verb of result stands right before the noun or before its preposition."""
    tok = doc.tokens[at]
    if tok.suffix not in _ONE_PRONOUNS:
        return False
    k = at - 2 if at - 1 >= lo and doc.tokens[at - 1].norm in _RESULT_PREPS else at - 1
    return k >= lo and doc.tokens[k].norm in _RESULT_VERBS and doc.tokens[k].sentence == tok.sentence


def _singular_person(doc: Document, k: int) -> NumberMention | None:
    """One person: a singular counted noun, bare or possessed («عنصر», «وشخص», «والدتهما», «نجله»)."""
    if k >= len(doc.tokens):
        return None
    single = singular_count_at(doc.tokens, k)
    if single is None:
        tok = doc.tokens[k]
        unit = singular_noun(tok.stem) if tok.suffix else _possessed_singular(tok.norm)
        if unit is not None:
            single = NumberMention(span=doc.span(tok.start, tok.end), value=1, kind="singular", unit=unit)
    return single


_PERSON_PRONOUNS = ("هما", "هم", "هن", "ها", "ه")     # longest first


def _possessed_singular(norm: str) -> str | None:
    """«والدتهن», «والدته»: a person noun with a possessive pronoun the tokenizer did not split off (it read
    «وال» as «و» + «ال»); a feminine noun's «ة» is written «ت» before the pronoun."""
    for pronoun in _PERSON_PRONOUNS:
        base = norm[:-len(pronoun)]
        if norm.endswith(pronoun) and len(base) >= 3:
            unit = singular_noun(base) or (singular_noun(base[:-1] + "ه") if base.endswith("ت") else None)
            if unit is not None:
                return unit
    return None


def _joined_persons(doc: Document, k: int, hi: int) -> int:
    """How many singular person nouns follow from token k, each joined by «و» («ونجلها», «وطفلة»), up to three."""
    n = 0
    while n < 3 and k < hi and doc.tokens[k].prefixes[:1] == ["و"] and doc.tokens[k].sentence == doc.tokens[k - 1].sentence:
        single = _singular_person(doc, k)
        if single is None or single.unit in _NOT_PEOPLE:
            break
        n, k = n + 1, k + 1
    return n


def _with_another(doc: Document, k: int, hi: int) -> int:
    """«قتلت فتاة في الثالثة عشرة مع مدني آخر»: «مع» + a singular person + «آخر/أخرى» within a few words after the
    first victim is one more victim (1), else 0."""
    for j in range(k, min(hi - 2, k + _WINDOW)):
        if doc.tokens[j].sentence != doc.tokens[k - 1].sentence:
            return 0
        if doc.tokens[j].norm == "مع":
            single = _singular_person(doc, j + 1)
            more = doc.tokens[j + 2].norm in ("اخر", "اخري")
            return 1 if single is not None and single.unit not in _NOT_PEOPLE and more else 0
    return 0


def _singular_object(doc: Document, k: int, hi: int) -> bool:
    """«قتل مستوطنون فلسطينياً»: after a verb and its subject, a singular counted noun in the accusative."""
    if k >= hi or doc.tokens[k].sentence != doc.tokens[k - 2].sentence or doc.tokens[k].prefixes:
        return False
    single = singular_count_at(doc.tokens, k)
    return single is not None and single.unit not in _NOT_PEOPLE and doc.tokens[k].text.rstrip("\u064b").endswith("ا")


def _counts_things(doc: Document, cues: Sequence[tuple[int, str | None]], last: int, hi: int) -> bool:
    """The number ending at token `last` counts a noun that is no person and no casualty word («وثلاث عبوات
    متفجرة», «و4 أسلحة»): a word right after it that is neither a preposition nor a known person noun."""
    k = last + 1
    if k >= hi or doc.tokens[k].sentence != doc.tokens[last].sentence or \
            doc.text[doc.tokens[last].end:doc.tokens[k].start].strip():
        return False
    tok = doc.tokens[k]
    if tok.prefixes or tok.stem in _AFTER_A_COUNT or singular_count_at(doc.tokens, k) is not None:
        return False
    if tok.norm.endswith(("ين", "ون")) and singular_noun(tok.norm[:-2]) is not None:
        return False     # «وسبعة مسلحين»: the sound plural of a counted person noun (counted_nouns.tsv)
    return not any(at == k for at, _kind in cues)     # «و5 قتلى»: the counted noun is a casualty word


def _things_before_a_new_clause(doc: Document, cues: Sequence[tuple[int, str | None]], i: int, last: int,
                                hi: int) -> bool:
    """The number at token i (ending at `last`) counts things («145 أسرة», «35 منزلاً»), no cue stands before it
    in reach, and the first cue after it opens a clause of its own with «و» («وإصابة امرأة»): the cue's toll is
    not this count."""
    if any(at < i and i - at <= _WINDOW for at, _kind in cues):
        return False
    after = [at for at, _kind in cues if at > last]
    if not after or doc.tokens[min(after)].prefixes[:1] != ["و"]:
        return False
    return _counts_things(doc, cues, last, hi)


_AFTER_A_COUNT = frozenset({"في", "من", "علي", "الي", "عن", "منهم", "آخرين", "اخرين", "اخرون", "آخرون", "شخصا", "اشخاص",
                            "مدنيين", "مدنيا", "قتلي", "جرحي", "مصابين", "عسكريين", "جنود", "جنديا", "عناصر",
                            "عنصرا", "اطفال", "طفلا", "نساء", "امراه", "فلسطينيين", "فلسطينيا"})


def _one_more_by_ordinal(doc: Document, k: int) -> bool:
    """An indefinite ordinal standing for a person after a casualty cue («وإصابة رابع», «ومقتل خامس»)."""
    tok = doc.tokens[k]
    return "ال" not in tok.prefixes and any(entry.role == "ordinal" and entry.value >= 2
                                            for pre, entry in word_readings(tok.norm) if not pre)


def _next_by_ordinal(doc: Document, cues: Sequence[tuple[int, str | None]], last: int, hi: int, value: int) -> bool:
    """A count of n people followed, in its clause, by the indefinite ordinal n + 1 joined by «و» («شابين ...
    وثالث», «ثلاثة جنود ... ورابع»): the ordinal is one more person of the same toll. No casualty word nor
    other figure may stand between (after «وإصابة رابع» the fourth is another toll)."""
    cue_at = {at for at, _kind in cues}
    for k in range(last + 1, min(hi, last + 1 + _WINDOW)):
        tok = doc.tokens[k]
        if k in cue_at or tok.sentence != doc.tokens[last].sentence or doc.text[doc.tokens[k - 1].end:tok.start].strip():
            return False
        if _starts_a_number(doc, k):
            return False
        if tok.prefixes[:1] == ["و"] and "ال" not in tok.prefixes:
            return any(entry.role == "ordinal" and entry.value == value + 1
                       for pre, entry in word_readings(tok.norm) if pre == "و")
    return False


def _one_by_itself(doc: Document, at: int) -> bool:
    """The cue is itself an indefinite singular person noun («قتيل», «جريحاً», «جثة»), with no number
    word after it («قتيل واحد» is read from the number)."""
    tok = doc.tokens[at]
    if "ال" in tok.prefixes or tok.suffix:
        return False
    single = singular_count_at(doc.tokens, at)
    return single is not None and single.unit not in _NOT_PEOPLE    # «إصابة» names the injury, not a person


def _killed_and_wounded(doc: Document, cues: Sequence[tuple[int, str | None]], i: int, hi: int) -> bool:
    """The number counts the killed and the wounded together: its counted noun is a casualty word joined by «و»
    to one of the other kind («21 قتيلا وجريحا»; not «22 قتيلا وأصابا 140», where the second has its own count).
    (Two such words right before it, «قتل وأصيب 15 شخصا», are not read as one count: the toll-less events then
    merged into others and tune2/tune9 lost events.)"""
    kinds = dict(cues)
    first, second = kinds.get(i + 1), kinds.get(i + 2)
    if i + 2 < hi and first and second and first != second and doc.tokens[i + 2].prefixes[:1] == ["و"]:
        return not (i + 3 < hi and _starts_a_number(doc, i + 3))
    return False


def _killed_and_wounded_before(doc: Document, cues: Sequence[tuple[int, str | None]], nouns: set[int], i: int,
                               lo: int) -> bool:
    """«مقتل وإصابة 15 شخصا», «مقتل وجرح 4 عناصر»: two casualty nouns of both kinds joined by «و» right before
    the number count the killed and the wounded together; the figures of each come later, if at all. (Verbs,
    «قتل وأصيب 15», were tried too: the blind heldout3 gained an extra event, 0.844 -> 0.835.)"""
    kinds = dict(cues)
    first, second = kinds.get(i - 2), kinds.get(i - 1)
    return i - 2 >= lo and bool(first and second) and first != second and doc.tokens[i - 1].prefixes[:1] == ["و"] \
        and i - 2 in nouns


_BETWEEN = frozenset({"بين", "ما بين"})


def _between_both_kinds(doc: Document, cues: Sequence[tuple[int, str | None]], lo: int, hi: int) -> set[int]:
    """The tokens of «بين» and of the two cues after it in «40 شخصا بين قتيل وجريح», «ما بين قتيل وجريح»: a
    casualty word of each kind joined by «و» right after «بين» tells one count of the killed and the wounded
    together (neither toll is known), and neither word is one person by itself."""
    kinds = dict(cues)
    found: set[int] = set()
    for p in range(lo, hi - 2):
        if doc.tokens[p].norm not in _BETWEEN:
            continue
        first, second = kinds.get(p + 1), kinds.get(p + 2)
        if first and second and first != second and doc.tokens[p + 2].prefixes[:1] == ["و"]:
            found |= {p, p + 1, p + 2}
    return found


def _starts_a_number(doc: Document, k: int) -> bool:
    """A figure starts at token k: digits or number words («140», «خمسة»), not a singular noun read as one."""
    start = doc.tokens[k].start
    return any(n.kind in ("digits", "words") for n in starting_in(doc.numbers, "casualties:numbers", start, start + 1))


def _killed_or_wounded(doc: Document, cues: Sequence[tuple[int, str | None]], i: int, hi: int) -> bool:
    """«ما يقرب من خمسة آلاف مدني أصيبوا أو قتلوا»: within a few words after the number, a casualty word, «أو»,
    and one of the other kind: one count of both."""
    kinds = dict(cues)
    for p in range(i + 1, min(hi - 2, i + 5)):
        if kinds.get(p) and kinds.get(p + 2) and kinds[p] != kinds[p + 2] and doc.tokens[p + 1].stem == "او":
            return True
    return False


_OBJECT_REACH = 3      # a verb's object after its subject (up to three words: «مسلحون مجهولون», «مساء أمس»)
_DUAL_PRONOUNS = frozenset({"هما"})     # an enclitic of two («مقتلهما»)
_NOT_PEOPLE = frozenset({"اصابه", "اخر"})     # counted nouns that are not a further person («وإصابة 30»)


def _coordinated_singulars(doc: Document, i: int, hi: int) -> int:
    """«أربعة أطفال وسيدة»: a singular counted noun of a person joined by «و» to the counted noun adds one."""
    return _joined_persons(doc, i + 2, hi)     # the number, its counted noun, then «وسيدة ورجل»


_ONE_WORDS = frozenset({"واحد", "واحده"})


def _one_of_a_thing(doc: Document, cues: Sequence[tuple[int, str | None]], number: NumberMention, i: int,
                    lo: int) -> bool:
    """«من عائلة واحدة», «دفعة واحدة»: «واحد» after a noun that is no person nor casualty word describes that
    noun (one family, at once) and counts nobody («قتيل واحد», «شخص واحد» count one)."""
    tok = doc.tokens[i]
    if number.kind != "words" or tok.norm not in _ONE_WORDS or i == lo:
        return False
    before = i - 1
    if any(at == before for at, _kind in cues):
        return False
    prev = doc.tokens[before]
    return singular_noun(prev.norm) is None and singular_noun(prev.stem) is None and dual_noun(prev.norm) is None


def _persons_joined_before(doc: Document, i: int, lo: int) -> int:
    """«امرأة وطفلاها قتلوا», «قُتل رجل وطفلان»: singular person nouns joined by «و» right before the count, no
    count of their own, are that many more of the same people (up to three)."""
    n, k = 0, i
    while n < 3 and k > lo and doc.tokens[k].prefixes[:1] == ["و"]:
        j = k - 1
        prev = doc.tokens[j]
        if prev.sentence != doc.tokens[k].sentence or doc.text[prev.end:doc.tokens[k].start].strip():
            break
        if starting_in(doc.numbers, "casualties:numbers", prev.start, prev.end):
            break           # a count of its own, or a singular already read as one («استشهد شاب و3 أطفال»)
        single = _singular_person(doc, j)
        if single is None or single.unit in _NOT_PEOPLE:
            break
        n, k = n + 1, j
    return n


def _after_subset_marker(doc: Document, i: int, lo: int) -> bool:
    """«تسعة مدنيين بينهم ثلاثة أطفال»: a count right after «بينهم/منهم» is part of a total already read."""
    for k in (i - 1, i - 2):
        if k >= lo and (doc.tokens[k].norm in _SUBSET_MARKERS or doc.tokens[k].stem in _SUBSET_MARKERS):
            return True
    return False


def _breaks_down_a_count(doc: Document, counted: int, i: int) -> bool:
    """The number at token i, joined by «و» to a count of its kind, breaks down the first count read (at token
    `counted`) into its parts, not more of the dead: inside a parenthesis opened after it («إلى 175 شهيداً (124 في الضفة الغربية و51 في قطاع غزة)»), or after
    «بما في ذلك» further back in its list («لقي 10 أفراد ... حتفهم، بما في ذلك زوجته، والدته، وثمانية من
    أطفاله»). (Not after «بينهم»: «تسعة مدنيين بينهم ثلاثة أطفال في قرية بليون وأربعة مدنيين ... في قرية
    البارة» goes on to another count.)"""
    between = doc.text[doc.tokens[counted].end:doc.tokens[i].start]
    if between.count("(") > between.count(")"):
        return True
    words = [t.norm for t in doc.tokens[counted + 1:i]]
    return any(words[k:k + 3] == ["بما", "في", "ذلك"] for k in range(len(words) - 2))


# after a number: an age or a duration, not a count of people («طفل (4 أعوام)», «في أول ستة شهور من العام»)
_AGE_WORDS = frozenset({"عاما", "عام", "اعوام", "عامين", "سنه", "سنوات", "سنين", "شهرا", "اشهر", "شهور", "العمر",
                        "عمر", "ايام", "يوما", "اسابيع", "اسبوعا", "ساعات", "ساعه", "دقائق", "دقيقه"})


@lru_cache(maxsize=1)
def _number_labels() -> frozenset[str]:
    text = resources.files("rasd.extract").joinpath("data/number_labels.txt").read_text(encoding="utf-8")
    return frozenset(normalize_for_match(l.strip()) for l in text.splitlines() if l.strip() and not l.startswith("#"))


def _is_label(doc: Document, i: int, lo: int) -> bool:
    """«اللواء 444», «القرار 2254», «المرسوم 54»: a number that names something counts nobody."""
    return i > lo and (doc.tokens[i - 1].stem in _number_labels() or doc.tokens[i - 1].norm in _number_labels())


def _is_age(doc: Document, i: int, hi: int) -> bool:
    """«فتى في الـ11 من العمر», «طفل (12 عاما)»: an age, not a count of people."""
    tok = doc.tokens[i]
    digits = any(ch.isdigit() for ch in tok.text)
    if digits and ("ال" in tok.prefixes or doc.text[max(0, tok.start - 3):tok.start].endswith(("ال", "الـ"))):
        return True     # «الـ11»: an ordinal age; «الضابطين» (the two officers) is a count
    nxt = [t.stem for t in doc.tokens[i + 1:min(hi, i + 3)]]
    return bool(nxt) and (nxt[0] in _AGE_WORDS or nxt[:2] == ["من", "العمر"] or "العمر" in nxt[:2])


def _cue_after_only(cues: list[tuple[int, str]], i: int) -> bool:
    """The count at token i takes its kind from a cue after it: no cue stands within reach before it."""
    return not any(at < i and i - at <= _WINDOW for at, _kind in cues)


_OTHERS = frozenset({"اخر", "اخرين", "اخرون", "اخري", "اخريات"})     # «آخرين»: others, the next group counted


def _others_then_cue(doc: Document, cues: list[tuple[int, str]], i: int, hi: int) -> str | None:
    """«ثمانية ... قتلوا وأن 33 آخرين جرحوا»: a number, «آخرين» and a casualty word right after it (no «و»)
    counts that word's casualties, not those of the word before the number."""
    k = i + 1
    if k + 1 >= hi or doc.tokens[k].stem not in _OTHERS:
        return None
    return next((kind for at, kind in cues if at == k + 1 and doc.tokens[at].sentence == doc.tokens[i].sentence
                 and doc.tokens[at].prefixes[:1] != ["و"]), None)   # «وإصابة اثنين آخرين ومقتل ...»: a new clause


def _counted_noun_cue(doc: Document, cues: list[tuple[int, str]], i: int) -> str | None:
    """«8 قتلى وعشرات المصابين»: a cue right after the number with no «و» is its counted noun, whatever
    stands before it («... قتلى وعشرات» is not a second count of the dead)."""
    for at, kind in cues:
        if at == i + 1 and doc.tokens[at].prefixes[:1] != ["و"] and doc.tokens[at].sentence == doc.tokens[i].sentence:
            return kind
    return None


def _nearest_cue(cues: list[tuple[int, str]], i: int, doc: Document | None = None) -> str | None:
    """The nearest cue within the window; a cue after the number that opens a clause of its own with «و»
    («استشهد صباح اليوم خمسة مدنيين وجرح آخرون», «قتل مدني واحد وأصيب ثلاثة») counts only when no cue stands
    before the number."""
    before = any(at < i and i - at <= _WINDOW for at, _kind in cues)
    best: tuple[int, int, str] | None = None
    for at, kind in cues:
        distance = abs(at - i)
        if distance == 0 or distance > _WINDOW:
            if distance == 0:       # the number word is itself the cue («شهيدان»)
                return kind
            continue
        if before and at > i and doc is not None and doc.tokens[at].prefixes[:1] == ["و"]:
            distance += _WINDOW
        key = (distance, 0 if at < i else 1, kind)   # ties go to the cue before the number
        if best is None or key < best:
            best = key
    return best[2] if best else None
