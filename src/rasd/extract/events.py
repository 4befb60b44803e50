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

from bisect import bisect_left

import csv
import datetime as dt
from collections.abc import Callable
from functools import lru_cache, partial
from importlib import resources

from rasd.document import Document, Event, EventPlace, Sentence, Span, Token
from rasd.extract.attribution import reported_by_for_span
from rasd.extract.casualties import casualties_in_range
from rasd.extract.clauses import (
    PROSPECTIVE_TYPES,
    accident_word,
    clause_bounds,
    cumulative_word,
    future_governor,
    in_a_kin_name,
    negated_ability,
    light_verb_before,
    noun_unanchored,
    other_reading,
    perfect_verbs,
    prospective_governor,
    time_distance_phrase,
    unanchored_noun,
)
from rasd.extract.event_actors import (
    Mention,
    _credit_claims_of_responsibility,
    _fuller_mention,
    _unnamed_protesters,
    choose_actors,
    in_a_cause_phrase,
    is_protester,
    passive_prone,
    sentence_mentions,
    with_article_restored,
)
from rasd.extract.event_actors import _generic as _generic_actor
from rasd.extract.event_lexicon import _COMPLEMENTIZERS, _SPECIFICITY_CHECKED, _WORDS, ROLES
from rasd.extract.event_merge import (
    _actor_key,
    _fold_protest_demands,
    identifies_attacker,
    tells_a_period_total,
    tells_a_superseded_count,
    _inherit_actors,
    _is_summary,
    at_whole_areas,
    back_to_parts,
    _update_total,
    merge_events,
    names_a_downed_craft,
)
from rasd.extract.dates import phrases as date_phrases
from rasd.extract.event_modality import (
    _imperfect,
    _inside_name,
    _motive_accusative,
    _received_at_a_site,
    classify_modality,
)
from rasd.extract.ner_model import _given_names
from rasd.extract.event_place import (
    _RETELL_REACH,
    _event_place,
    _inside_a_name,
    _km,
    _place_candidates,
    article_focus,
    choose_place,
    coordinated_places,
    places_from_retellings,
    retellings,
    places_of_listed_persons,
    tolls_by_place,
)
from rasd.extract.spanindex import document_memo, sentence_tokens, span_index, span_of, starting_in
from rasd.extract.specificity import context_threshold, specificity
from rasd.extract.speech import verb_form
from rasd.extract.triggers import LemmaMatch, lexicon
from rasd.text.normalize import normalize_for_match


@lru_cache(maxsize=1)
def _acled_map() -> list[tuple[str, str, str, str]]:
    text = resources.files("rasd.extract").joinpath("data/plover_acled.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((l for l in text.splitlines() if l and not l.startswith("#")), delimiter="\t")
    return [(r["type"], r["mode"], r["acled_type"], r["acled_subtype"]) for r in rows]


def acled_category(event_type: str, mode: str | None) -> tuple[str, str]:
    for ptype, pmode, acled_type, acled_sub in _acled_map():
        if ptype in (event_type, "*") and pmode in ((mode or "-"), "*"):
            return acled_type, acled_sub
    return "Strategic developments", "Other"




_CASUALTY_TYPES = ROLES["casualty_types"]
_PER_LOCATION_TYPES = ROLES["per_location_types"]
_PER_PERSON_PLACE_TYPES = ROLES["per_person_place_types"]


_DATE_LOOKBACK = 3     # sentences a narrative date carries forward («يوم السبت» ... then the details)


_DATE_WINDOW_CHARS = 90   # a date this close to the trigger in its sentence is the trigger's («قصف ... الأربعاء»)


def choose_date(doc: Document, match: LemmaMatch) -> tuple[str | None, str | None, str | None]:
    """The date of a trigger: a date expression near it in its sentence (one far off in the sentence
    belongs to a subordinate clause: «ما اتفقا عليه في 11 أيار»); else the last day-precision date of the
    few sentences before it (the story's narrative date); else the publication date. A word that places the
    act relative to that date moves it (`_moved_by_its_words`)."""
    return _moved_by_its_words(doc, match, *_date_of(doc, match))


_DAY_AFTER = _WORDS["day_after"]
_RECENTLY = _WORDS["recently"]


def _moved_by_its_words(doc: Document, match: LemmaMatch, value: str | None, precision: str | None,
                        source: str | None) -> tuple[str | None, str | None, str | None]:
    """«غداة توقيف الدهماني»: an act named after «غداة» was the day before the date of the clause it stands in;
    «التصريحات التي أدلى بها مؤخرا»: an act the text dates only by «مؤخرا» was before the publication day —
    at the nearest, the day before (data/event_words.tsv: day_after, recently)."""
    if not value or precision != "day":
        return value, precision, source
    first = match.first
    before = doc.tokens[first - 1] if first > 0 and doc.tokens[first - 1].sentence == doc.tokens[first].sentence else None
    if before is not None and before.stem in _DAY_AFTER:
        return (dt.date.fromisoformat(value) - dt.timedelta(days=1)).isoformat(), precision, source
    if source == "publication":
        sent = doc.sentences[doc.tokens[first].sentence]
        bounds = doc.token_range(sent.start, sent.end)
        c_lo, c_hi = clause_bounds(doc, first, bounds[0], bounds[1] + 1) if bounds is not None else (first, first + 1)
        if any(doc.tokens[k].stem in _RECENTLY for k in range(c_lo, c_hi)):
            return (dt.date.fromisoformat(value) - dt.timedelta(days=1)).isoformat(), precision, "recent"
    return value, precision, source


_HOURS_AFTER = _WORDS["hours_after"]
_EARLY_DAY_PART = _WORDS["early_day_part"]
_ONE_DAY_AFTER = _WORDS["one_day_after"]
_TWO_DAYS_AFTER = _WORDS["two_days_after"]
_AFTER = normalize_for_match("بعد")
_FROM = frozenset({normalize_for_match("من"), normalize_for_match("على")})
_HOURS_REACH = 4      # words from «من» to the trigger: «بعد ساعات من إعلان المتمردين استهداف ...»


def _hours_earlier(doc: Document, first: int, date) -> str:
    """The value of `date` for the trigger at `first`, moved back by the days the words before the trigger put
    between its act and the clause's (`_days_before`)."""
    back = _days_before(doc, first, date) if date.precision == "day" else 0
    if back:
        return (dt.date.fromisoformat(date.value[:10]) - dt.timedelta(days=back)).isoformat()
    return date.value


def _days_before(doc: Document, first: int, date) -> int:
    """«غارات استهدفت فجر الخميس مواقع ... بعد ساعات من إعلان المتمردين استهداف سفينة», «قتل ثلاثة أمس بعد يوم من
    مقتل شخصين»: an act named a few words after «بعد ساعات/يوم/يومين من» came that long before the act of the
    clause dated before the phrase — hours before the small hours (data/event_words.tsv: early_day_part) are the
    day before; hours before a later time of day are that day."""
    sentence = doc.tokens[first].sentence
    if date.span.start > doc.tokens[first].start:
        return 0
    words = normalize_for_match(date.span.text).split()
    for k in range(first - 1, max(-1, first - _HOURS_REACH - 3), -1):
        tok = doc.tokens[k]
        if tok.sentence != sentence or any(ch in _CLAUSE_PUNCTUATION for ch in doc.text[tok.end:doc.tokens[k + 1].start]):
            return 0
        if k >= 2 and tok.norm in _FROM and doc.tokens[k - 2].norm.lstrip("و") == _AFTER \
                and date.span.end <= doc.tokens[k - 2].start:
            noun = doc.tokens[k - 1].stem
            if noun in _HOURS_AFTER:
                return int(bool(words) and words[0].lstrip("و") in _EARLY_DAY_PART)
            return 1 if noun in _ONE_DAY_AFTER else 2 if noun in _TWO_DAYS_AFTER else 0
    return 0


def _date_of(doc: Document, match: LemmaMatch) -> tuple[str | None, str | None, str | None]:
    t = doc.tokens[match.first]
    start, end = t.start, doc.tokens[match.last].end
    near = [d for d in _dates_beside(doc, t.sentence, start, end) if not _across_the_same_word(doc, match, d.span)]
    if near:
        best = _past_the_report(doc, min(near, key=lambda d: _char_distance(d.span, start, end)), near, start)
        return _hours_earlier(doc, match.first, best), best.precision, "text"
    window_start = doc.sentences[max(0, t.sentence - _DATE_LOOKBACK)].start
    earlier = [d for d in starting_in(doc.dates, "events:dates", window_start, start) if _narrative_day(d, doc)]
    earlier = [d for d in earlier if not _subordinate_date(doc, d, earlier)]
    if earlier:
        return _hours_earlier(doc, match.first, earlier[-1]), earlier[-1].precision, "narrative"
    lead = _lead_date(doc, t.sentence)
    if lead is not None:
        return lead.value, lead.precision, "narrative"
    if doc.article.published:
        return doc.article.published.isoformat(), "day", "publication"
    return None, None, None


def _across_the_same_word(doc: Document, match: LemmaMatch, span) -> bool:
    """«زيارة ظريف لبغداد تهدف إلى التمهيد لزيارة الرئيس الإيراني إلى العراق اليوم الاثنين»: a date told beyond
    another mention of the trigger's own word is that mention's (another visit, another attack), not this one's."""
    lo, hi = (doc.tokens[match.last].end, span.start) if span.start >= doc.tokens[match.last].end \
        else (span.end, doc.tokens[match.first].start)
    found = _trigger_starts(doc).get(match.rule.lemma, [])
    return any(first != match.first for _, first in found[bisect_left(found, (lo, -1)):bisect_left(found, (hi, -1))])


def _trigger_starts(doc: Document) -> dict[str, list[tuple[int, int]]]:
    """Each trigger lemma's matches as (start offset, first token), sorted, once per document: the check above
    scanned every match of the article per event (quadratic in the article's length; issue 16)."""
    memo = document_memo("events:trigger_starts", (doc,), (doc.tokens,))
    starts: dict[str, list[tuple[int, int]]] | None = memo.get("starts")
    if starts is None:
        starts = {}
        for m in lexicon("event_triggers.tsv").find_in(doc.tokens, 0, len(doc.tokens)):
            starts.setdefault(m.rule.lemma, []).append((doc.tokens[m.first].start, m.first))
        for found in starts.values():
            found.sort()
        memo["starts"] = starts
    return starts


def _past_the_report(doc: Document, best, near: list, start: int):
    """«أعلنت السلطات العسكرية اليوم مقتل 7 جنود خلال هجوم ... يوم أمس الاثنين 26 أغسطس»: a day told between a
    speech verb and the act it reports dates the report; a day told after the act, before the report's day, is
    the act's own (what is reported happened no later than its report)."""
    if best.precision != "day" or best.span.end > start:
        return best
    sent = doc.sentences[doc.sentence_at(best.span.start)]
    if not any(verb_form(tok) is not None for tok in doc.tokens_starting_in(sent.start, best.span.start)):
        return best
    later = [d for d in near if d.precision == "day" and d.span.start >= start and d.value < best.value]
    return later[0] if later else best


_OTHER_PLACE_KM = 10.0      # an attack this far from every attack the article reports is another one
_AREA_FEATURES = frozenset({"country", "admin1", "region"})


def _attacks_at_other_places(doc: Document, found: list[tuple[int, Event]],
                             candidates: list[tuple[int, Event]]) -> list[Event]:
    """«... وتعرض جنود لانفجار لغم أرضي على مشارف مدينة ماركا», «وأضافت المصادر بأن هجومًا آخر وقع على كمين
    ... بمدينة العريش»: in an article that already reports a specific attack, an indefinite attack word set
    aside as not specific enough on its own, whose score still reaches the type's lower bar in context, is one
    more attack when its own sentence names a place of its own (a town, a site — not a country or a province)
    at least _OTHER_PLACE_KM from every attack reported. Told one after another, attacks at several places
    are several events; at the same place they are restatements, and stay set aside."""
    reported = [e for _, e in found if e.type == "ASSAULT" and e.place is not None and e.place.lat is not None]
    promoted: list[Event] = []
    if not reported:
        return promoted
    for sentence, event in candidates:
        place = event.place
        if place is None or place.lat is None or place.span is None or place.feature in _AREA_FEATURES \
                or not event.evidence.start <= place.span.start < event.evidence.end:
            continue
        if any(_km(place, other.place) < _OTHER_PLACE_KM or _may_retell(doc, event, other) for other in reported):
            continue
        doc.non_events[:] = [n for n in doc.non_events
                             if (n.get("trigger") or {}).get("start") != event.trigger.start]
        found.append((sentence, event))
        reported.append(event)
        promoted.append(event)
    return promoted


def _may_retell(doc: Document, event: Event, told: Event) -> bool:
    """An attack told with its toll only in a country, a province or a region in the two sentences before may be
    retold, with no toll, at a place inside it («قُتل 5 جنود في انفجار استهدف قوات ... في الصومال» then «وتعرض جنود ... لانفجار لغم أرضي على
    مشارف مدينة ماركا»): the finer place is its (event_place.places_from_retellings), not another attack's."""
    area, place = told.place, event.place
    if area is None or place is None or area.feature not in _AREA_FEATURES or not area.country \
            or area.country != place.country:
        return False
    if told.fatalities is None and told.injuries is None or event.fatalities is not None or event.injuries is not None:
        return False        # a retelling adds the place to a toll told before, and tells none of its own
    return 0 < doc.sentence_at(event.trigger.start) - doc.sentence_at(told.trigger.start) <= _RETELL_REACH


def _dates_beside(doc: Document, sentence: int, start: int, end: int) -> list:
    """The dates the text gives in `sentence` within _DATE_WINDOW_CHARS of the words at start..end, outside a
    name (one far off in the sentence belongs to a subordinate clause: «ما اتفقا عليه في 11 أيار»)."""
    sent = doc.sentences[sentence]
    return [d for d in starting_in(doc.dates, "events:dates", sent.start, sent.end) if d.value
            and not getattr(d, "default", False) and _char_distance(d.span, start, end) <= _DATE_WINDOW_CHARS
            and not _inside_a_name(doc, d.span)]


_UNTOLD_DATE_SOURCES = frozenset({"publication", "article", None})


def _dates_from_retellings(doc: Document, events: list[Event]) -> None:
    """«خطف 28 شخصًا خلال احتفال ديني» then «وقعت الحادثة مساء الأحد الماضي قرب قرية ...»: an event whose text
    gives it no date (the publication day, or the page's own date) takes the day a retelling in the next two
    sentences (event_place.retellings) gives right beside its words."""
    for event, first, last in retellings(doc, events, lambda e: e.date_source in _UNTOLD_DATE_SOURCES):
        start, end = doc.tokens[first].start, doc.tokens[last].end
        near = [d for d in _dates_beside(doc, doc.tokens[first].sentence, start, end)
                if _narrative_day(d, doc) and not _since(doc, d.span)]
        if near:
            best = min(near, key=lambda d: _char_distance(d.span, start, end))
            event.date, event.date_precision, event.date_source = best.value, best.precision, "text"


def _dates_of_undated_leads(doc: Document, events: list[Event]) -> None:
    """«قُتل قيادي في تنظيم القاعدة بضربة لطائرة أمريكية بدون طيار في محافظة البيضاء.» then «وقالت مصادر محلية إن
    غارة ... استهدفت القيادي ... مساء أمس الأربعاء»: the lead, the first sentence under the headline, tells the news
    and leaves its day to the sentences that follow; an event told there that still has only the publication
    date (after the mentions are merged and retellings have given theirs) takes the first day they give."""
    opening = 1 if _is_headline(doc) else 0
    if not opening:
        return
    for event in events:
        if event.date_source == "publication" and doc.sentence_at(event.trigger.start) == opening:
            lead = _dates_after(doc, opening)
            if lead is not None:
                event.date, event.date_precision, event.date_source = lead.value, lead.precision, "narrative"


def _lead_date(doc: Document, sentence: int):
    """A headline's date is its lead's: a trigger in the first line of the text («إطلاق صواريخ على مطار كابول»),
    a headline the news tells again with its date in the sentences that follow («أطلقت صواريخ عدة اليوم على
    مطار كابول»), takes the first day-precision date of the next few sentences (a recent one, not one that frames
    the story: a start, a relative clause's). Only for the headline: a later sentence is told after its date."""
    if sentence != 0 or not _is_headline(doc):
        return None
    return _dates_after(doc, 0)


def _dates_after(doc: Document, sentence: int):
    """The first day-precision date of the few sentences after `sentence` that may be its news's own (recent,
    not a start, not inside a name or a relative clause)."""
    last = doc.sentences[min(len(doc.sentences) - 1, sentence + _DATE_LOOKBACK)]
    lead = [d for d in starting_in(doc.dates, "events:dates", doc.sentences[sentence].end, last.end)
            if _narrative_day(d, doc) and not _inside_a_name(doc, d.span) and not _since(doc, d.span)
            and not _in_a_relative_clause(doc, d.span)]
    return lead[0] if lead else None


def _narrative_day(d, doc: Document) -> bool:
    """A date the text gives to the day, recent enough to be the story's own (not a defaulted one)."""
    return bool(d.value) and not getattr(d, "default", False) and d.precision == "day" and _recent(d.value, doc)


def _is_headline(doc: Document) -> bool:
    """The first sentence is a headline: a line of its own, not closed by a full stop."""
    first = doc.sentences[0] if doc.sentences else None
    if first is None or len(doc.sentences) < 2:
        return False
    line = doc.text[first.start:first.end].strip()
    return bool(line) and "\n" not in line and not line.endswith((".", "؟", "!", ":")) \
        and "\n" in doc.text[first.end:doc.sentences[1].start] + doc.text[first.end - 1:first.end]


def _since(doc: Document, span) -> bool:
    """The date opens with «منذ» or follows it («ومنذ السابع من أكتوبر»): the start of a period."""
    before = doc.tokens_starting_in(max(0, span.start - 12), span.start + 1)
    return any(normalize_for_match(t.text).lstrip("و") == _SINCE for t in before)


_SINCE = normalize_for_match("منذ")


def _date_undated_from_the_article(doc: Document, events: list[Event]) -> None:
    """With no publication date, an event the text dates nowhere near it takes the article's first full date
    («في 8 أبريل 2025»), wherever it stands: the day the story tells of, as its reader takes it. A date that
    only frames the story is no such day: a start («منذ السابع من أكتوبر 2023») or a relative clause's
    («لوقف إطلاق النار الذي دخل حيز التنفيذ في 27 نوفمبر 2024»). Done after the mentions are merged, as a
    default the merging must not read as a date of the mention's own."""
    first = next((d for d in doc.dates if d.precision == "day" and not d.relative and not getattr(d, "default", False)
                  and not _inside_a_name(doc, d.span) and not _since(doc, d.span)
                  and not _in_a_relative_clause(doc, d.span)), None)
    if first is None:
        return
    for event in events:
        if event.date is None:
            event.date, event.date_precision, event.date_source = first.value, first.precision, "article"


_CLAUSE_PUNCTUATION = frozenset("،,:؛;.")


def _in_a_relative_clause(doc: Document, span) -> bool:
    """«نتائج الزيارة التي قام بها الوزير إلى بورسودان في ١١ نوفمبر»: a date inside a relative clause dates
    the noun the clause describes, not the story the sentences after it go on telling."""
    sent = doc.sentences[doc.sentence_at(span.start)]
    for tok in reversed(doc.tokens_starting_in(sent.start, span.start)):
        if any(ch in _CLAUSE_PUNCTUATION for ch in doc.text[tok.end:span.start]):
            return False
        if tok.norm in _RELATIVE_PRONOUNS:
            return True
    return False


def _subordinate_date(doc: Document, date, dates) -> bool:
    """A date inside a relative clause after the main date of its sentence («جرى اتصال هاتفي يوم الاثنين ١٧
    نوفمبر ... تناول نتائج الزيارة التي قام بها الوزير في ١١ نوفمبر»): the date of the noun the clause
    describes. Alone in its sentence («العملية الأمنية التي نفذت مساء الثلاثاء») it is the story's date."""
    sentence = doc.sentence_at(date.span.start)
    return any(d.span.start < date.span.start and doc.sentence_at(d.span.start) == sentence for d in dates) \
        and _in_a_relative_clause(doc, date.span)


_RELATIVE_PRONOUNS = frozenset(normalize_for_match(w) for w in _WORDS["relative"])
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


def _court_reading(event: Event) -> None:
    """«أدانت المحكمة المتهمين»: a court that «condemns» convicts — a sanction, not an accusation."""
    if event.type == "ACCUSE" and event.actor1 is not None and any(
            w in normalize_for_match(event.actor1.text).split() for w in _COURT_WORDS):
        event.type, event.mode = "SANCTION", "convict"


_COURT_WORDS = frozenset(normalize_for_match(w) for w in ROLES["court_words"])
_BACKGROUND_MONTHS = 2    # «الشهر الماضي» is still the news; two months back is background
_BACKGROUND_DAYS = 90    # a dated event this long before publication is the story's background


def _is_historical(event: Event, doc: Document) -> bool:
    """Background, not news: dated to a year before the publication year («في عام 2011»), to an earlier
    month at least two back («في يوليو الماضي» in a September report), or to a day more than three months before publication."""
    published = doc.article.published
    if not (published and event.date and event.date_source == "text"):
        return bool(published and event.date and event.date_precision == "year"
                    and int(event.date[:4]) < published.year)
    if event.date_precision == "year":
        return int(event.date[:4]) < published.year
    if event.date_precision == "month":
        year, month = int(event.date[:4]), int(event.date[5:7])
        return (published.year * 12 + published.month) - (year * 12 + month) >= _BACKGROUND_MONTHS
    try:
        day = dt.date.fromisoformat(event.date[:10])
    except ValueError:
        return False
    return (published - day).days > _BACKGROUND_DAYS


def _refine_mode(doc: Document, event_type: str, mode: str | None, sentence: int) -> str | None:
    if event_type != "ASSAULT":
        return mode
    return _sentence_mode(doc, sentence) or mode


def _sentence_mode(doc: Document, sentence: int) -> str | None:
    """"aerial" or "drone" when the sentence's words outside place names tell it, else None."""
    # (kept per sentence: asked again for every attack trigger of the sentence)
    by_sentence = document_memo("events:mode", (doc,), (doc.tokens, doc.places, doc.sentences))
    if sentence in by_sentence:
        return by_sentence[sentence]
    sent = doc.sentences[sentence]     # a word of a place's name («ساحة الطيران») tells nothing of the attack
    names = [(p.span.start, p.span.end) for p in span_index(doc.places, span_of,
                                                           "events:mode_places").overlapping(sent.start, sent.end)]
    words = {t.stem for t in sentence_tokens(doc.tokens, sentence)     # by bisection, not a scan (issue 16)
             if not any(a <= t.start and t.end <= b for a, b in names)}
    found = None
    if words & {"جوي", "جويه", "طائرات", "طائره", "الطيران", "طيران", "غاره", "غارات", "حربيه", "مروحيه"}:
        found = "aerial"
    elif words & {"مسيره", "مسيرات", "درون"}:
        found = "drone"
    by_sentence[sentence] = found
    return found


def _acled_for(event: Event) -> tuple[str, str]:
    acled_type, sub = acled_category(event.type, event.mode)
    if event.type == "ASSAULT" and event.mode in (None, "firearms") and event.actor2 is not None \
            and event.actor2.sector == "civilian":
        return "Violence against civilians", "Attack"
    return acled_type, sub


def _corroborated(doc: Document, sentence: int, casualties, mentions: list[Mention], event_type: str) -> bool:
    """A weak trigger stands with a place, a casualty count or a named actor in its sentence — or, for
    protests and arrests, a generic crowd or force («مئات المتظاهرين», «قوات الأمن»)."""
    crowd_ok = event_type in ("PROTEST", "COERCE")
    return bool(_place_candidates(doc, sentence) or casualties.fatalities or casualties.injuries or casualties.vague
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
    one_more: set[int] = set()       # ids of events told as one more of their kind («اعتقلت مواطنا آخر»)
    deaths_only: set[int] = set()    # ids of deaths told with no attack word in their clause («ومقتل الطيار»)
    weekdays: dict[int, int] = {}    # id of an event → the one weekday its sentence names («وأمس السبت، اعتقلت»)
    donors: list[Event] = []         # restatements set aside that name who did it («نفّذت قوات الدعم السريع الهجوم»)
    one_more_elsewhere: list[tuple[int, Event]] = []    # set aside, but specific enough beside another attack
    matches = _one_reading_per_word(doc, lexicon("event_triggers.tsv").find_in(doc.tokens, 0, len(doc.tokens)))
    verbs = perfect_verbs(doc, [m.first for m in matches if not m.rule.reads_as_noun(doc.tokens[m.first])])
    assault_starts = [m.first for m in matches if m.rule.get("type") == "ASSAULT"]
    all_starts = frozenset(m.first for m in matches)
    starts_by_type: dict[str, frozenset[int]] = {
        t: frozenset(m.first for m in matches if m.rule.get("type") == t) for t in {m.rule.get("type") for m in matches}}
    bounds: dict[int, tuple[int, int]] = {}     # a sentence → its tokens [lo, hi), found at its first trigger
    for match in matches:
        trig = doc.tokens[match.first]
        noun = match.rule.reads_as_noun(trig)      # (once per trigger: read up to seven times below; issue 16)
        sentence = trig.sentence
        sent = doc.sentences[sentence]
        if sent.furniture:
            continue
        event_type = match.rule.get("type")
        if _inside_name(doc, trig) or _inside_name(doc, doc.tokens[match.last]):
            continue            # «مجلس التعاون الخليجي» is a name, not cooperation; so is a phrase's last word
            #                     («أكدت قوات الدعم السريع»: no «أكد ... دعم»)
        kept = bounds.get(sentence)
        if kept is not None and kept[0] <= match.first < kept[1]:
            lo, hi = kept       # (the run of the sentence's tokens holding an earlier trigger holds this one)
        else:
            lo = next(k for k in range(match.first, -1, -1) if k == 0 or doc.tokens[k - 1].sentence != sentence)
            hi = next((k for k in range(match.first, len(doc.tokens)) if doc.tokens[k].sentence != sentence),
                      len(doc.tokens))
            bounds[sentence] = (lo, hi)
        modality, cue = classify_modality(doc, match, event_type)
        trigger_span = doc.span(trig.start, doc.tokens[match.last].end)
        set_aside = partial(_set_aside, doc, event_type, trigger_span, sent)
        if event_type in _HABIT_IN_RELATIVE_TYPES and _habit_of_its_noun(doc, match):
            set_aside("generic", f"«{doc.tokens[match.first - 1].text} {trig.text}»: an imperfect in a relative clause "
                                 "tells a habit of the noun it describes, no one occurrence")
            continue
        if event_type == "COOPERATE" and match.first > 0 \
                and doc.tokens[match.first - 1].stem in _AGREEMENT_HEADS and not trig.prefixes \
                and doc.tokens[match.first - 1].sentence == sentence:
            set_aside("sense", f"«{doc.tokens[match.first - 1].text} {trig.text}»: the topic of an agreement, "
                               "no act of cooperation")
            continue
        if noun and event_type == "AGREE" and _signing_of_a_known_agreement(doc, match, verbs):
            set_aside("reference", f"«{trig.text}» of an agreement already named: a reference to its signing")
            continue
        if modality == "asserted" and event_type not in _VIOLENT_TYPES \
                and (told := _irrealis_just_before(doc, match, event_type)) is not None:
            set_aside(told["modality"], f"the same act as «{told['trigger']['text']}» just before it, "
                                        f"{told['modality']}")
            continue
        if modality in ("negated", "hypothetical", "requested", "threatened", "generic"):
            set_aside(modality, f"«{cue}» before the trigger")
            continue
        if event_type in _STANCE_TYPES and _stance_held(doc, match):
            set_aside("generic", f"«{trig.text}»: a stance in the present tense of the third person tells where its "
                                 "subject stands, not one statement made")
            continue
        if noun and (future := future_governor(doc, match.first)) is not None:
            set_aside("hypothetical", f"«{future.text}» governs it in the future")
            continue
        if noun and (ahead := _upcoming_after(doc, match.last)) is not None:
            set_aside("hypothetical", f"«{ahead.text}» after it: not held yet")
            continue
        if (negation := negated_ability(doc, match.first)) is not None:
            set_aside("negated", f"«{negation.text}» before a verb of ability that governs it")
            continue
        if (given := _after_a_given_name(doc, match.first)) is not None:
            set_aside("sense", f"«{given} {trig.text}»: a family name after a given name, not an act")
            continue
        if (kin := in_a_kin_name(doc, match.first)) is not None:
            set_aside("sense", f"«{kin.text} {trig.text}» is part of a person's name")
            continue
        if (reading := other_reading(doc, match.first)) is not None:
            set_aside("sense", reading)
            continue
        if match.first > 0 and doc.tokens[match.first - 1].sentence == sentence:
            before = doc.tokens[match.first - 1]
            if noun and before.stem in _TIME_ANCHORS and not before.suffix:
                set_aside("reference", f"«{before.text} {trig.text}»: a time reference to an earlier act")
                continue
            if noun and (anchor := _time_distance_anchor(doc, match.first)) is not None:
                if not _doer_inside(doc, match):
                    set_aside("reference", f"«{anchor}»: the act after it dates the event, it is another act")
                    continue
                lo = match.first    # its own act: the clause's figures before «بعد ... من» are the other act's
            if not noun and _is_a_count(doc, match.first - 1):
                set_aside("sense", f"«{before.text} {trig.text}»: a counted noun after a number, not a verb")
                continue
        if noun and (unanchored_noun(doc, match.first, event_type, verbs)
                     or event_type in _STANCE_NOUN_TYPES and _stance_noun_unanchored(doc, match, verbs, sent)) \
                and light_verb_before(doc, match.first) is None:
            set_aside("generic", f"«{trig.text}» names the act with no verb or date that makes it an occurrence")
            continue
        governor = prospective_governor(doc, match.first, event_type)
        if governor is not None:
            set_aside("prospective", f"«{governor.text}» makes it sought or proposed, not done")
            continue
        crowd_act = False
        if _motive_accusative(doc, match, lo):
            crowd_act = event_type == "PROTEST" and _crowd_acts(doc, match, lo, hi)
            if not crowd_act:
                set_aside("motive", f"«{trig.text}» gives the motive of another act, it is none itself")
                continue
        if event_type == "ASSAULT" and passive_prone(doc, match) and \
                (accident := accident_word(doc, *clause_bounds(doc, match.first, lo, hi))) is not None:
            set_aside("accident", f"«{accident.text}»: deaths by accident or nature, not an attack")
            continue
        if event_type == "CONSULT" and _received_at_a_site(doc, match):
            set_aside("sense", "a hospital receiving the wounded is no meeting")
            continue
        if event_type in _GENERIC_STANCE_TYPES and _stance_on_every_kind(doc, match):
            set_aside("generic", f"«{trig.text}» of a whole class of acts: a standing stance, no one act")
            continue
        if noun and event_type in PROSPECTIVE_TYPES and (wish := _sought_in_a_relative(doc, match)) is not None:
            set_aside("prospective", f"«{wish.text}» in the clause that describes it: sought, not done")
            continue
        if event_type == "THREATEN" and match.rule.lemma.split("|")[0] in _WARNING_LEMMAS \
                and not _warning_threatens(doc, match, hi):
            set_aside("sense", f"«{trig.text}» warns of a danger, threatens no act of the warner")
            continue
        if event_type == "CONSULT" and _receives_a_count(doc, match):
            set_aside("sense", f"«{trig.text}» with a count of people after it: people taken in, no meeting")
            continue
        if event_type == "CONSULT" and _call_that_carries_a_statement(doc, match):
            set_aside("sense", f"«في {trig.text}» after a speech verb: how a statement reached the reporter, no meeting")
            continue
        mentions = sentence_mentions(doc, sentence, lo, hi)
        casualties = _clause_casualties(doc, match, lo, hi, assault_starts,
                                        sentence_fallback=event_type == "ASSAULT") \
            if event_type in _CASUALTY_TYPES else None
        strength = match.rule.get("strength")
        if strength == "casualty" and _partitive_of_the_dead(doc, match.first):
            set_aside("reference", f"«من {trig.text}»: a share of the dead or hurt told before, no new act")
            continue
        if strength == "casualty" and not (casualties and (casualties.fatalities or casualties.injuries or casualties.vague)):
            continue
        if strength == "weak" and not _corroborated(doc, sentence, casualties or _NO_CASUALTIES, mentions, event_type):
            continue
        crowd_doer = _crowd_doer(doc, match, mentions) if strength == "crowd" else None
        if strength == "crowd" and crowd_doer is None:
            if not _closed_by_forces(doc, match, mentions):
                continue    # «أغلقت السلطات المعبر»: the act of no protesters is no protest
            # «أغلقت قوة حماية الدستور الطريق الساحلي», «الجيش يغلق الطرق»: state forces closing a road restrict
            event_type = "COERCE"
            set_aside = partial(_set_aside, doc, event_type, trigger_span, sent)
        crowd_act = crowd_act or crowd_doer is not None
        actor1, actor2 = choose_actors(doc, match, event_type, mentions)
        if crowd_doer is not None:
            actor1 = crowd_doer.actor
        actor1, actor2 = (with_article_restored(doc, _fuller_mention(doc, a)) for a in (actor1, actor2))
        storming = event_type == "COERCE" and match.rule.lemma.split("|")[0] in _STORMING_LEMMAS \
            and actor1 is not None and actor1.sector in _NONSTATE_ARMED \
            and (any(doc.tokens[k].stem in _STORMING_VIOLENCE for k in range(match.last + 1, hi))
                 or bool(casualties and (casualties.fatalities or casualties.injuries)))
        if storming:
            # «اقتحم رجال مسلحون مسجدا وفتحوا النار», «... وقتلوا 23 جنديا»: armed men storming a place and
            # shooting or killing there attack it (storming a polling station with no violence told is no attack)
            event_type = "ASSAULT"
            set_aside = partial(_set_aside, doc, event_type, trigger_span, sent)
        if event_type == "COERCE" and not storming and match.rule.lemma.split("|")[0] in _STORMING_LEMMAS \
                and _storming_kills(doc, match, hi):
            # «اقتحمت القوة مبنى البلدية وقتلت أحد الموظفين»: forces storming a place and killing there tell one
            # attack (the killing verb's own event holds it), no raid apart
            set_aside("sense", f"«{trig.text}» with killing in its clause: part of the attack, no raid of its own")
            continue
        if event_type == "COERCE" and match.rule.lemma.split("|")[0] in _STORMING_LEMMAS \
                and (crowd := _storming_crowd(doc, match, mentions)) is not None:
            # «اقتحم عدد من المحتجين مقر الولاية», «المحتجين اقتحموا مقر الولاية»: protesters storming a building
            # are a protest that turned to force (ACLED: violent demonstration), not coercion by a state
            event_type, actor1 = "PROTEST", crowd.actor
            set_aside = partial(_set_aside, doc, event_type, trigger_span, sent)
        verbal = event_type == "ASSAULT" and not (actor1 is not None and actor1.sector in _ARMED) \
            and not (casualties and (casualties.fatalities or casualties.injuries)) and _attack_in_words(doc, match, lo, hi)
        if verbal:
            # «هاجم خلالها الولايات المتحدة قائلاً: ...», «شن هجوماً لاذعاً على الحكومة»: an attack in words
            # (gunmen or troops «attacking ... saying», or an attack with casualties, still attack)
            event_type = "ACCUSE"
            set_aside = partial(_set_aside, doc, event_type, trigger_span, sent)
        if actor1 is None and event_type == "PROTEST" and (protesters := _unnamed_protesters()) is not None:
            actor1 = protesters.model_copy()
        place = choose_place(doc, match, focus, starts_by_type.get(event_type, frozenset()))
        date, precision, date_source = choose_date(doc, match)
        if _after_publication(doc, date, precision, date_source):
            set_aside("hypothetical", f"dated {date}, after the publication day: not held yet")
            continue
        rule_mode = None if storming else match.rule.get("mode") or None
        mode: str | None
        if verbal:
            mode = "disapprove"
        elif event_type == "PROTEST" and match.rule.get("type") == "COERCE":
            mode = "riot"    # protesters storming a building (_storming_crowd): a violent demonstration
        elif names_a_downed_craft(trigger_span.text):
            mode = rule_mode    # the craft shot down («إسقاط طائرة حربية») was hit; it is not the attack's means
        elif event_type == "COERCE" and match.rule.get("type") == "PROTEST":
            mode = "restrict"   # a road closed by state forces (_closed_by_forces)
        else:
            mode = _refine_mode(doc, event_type, rule_mode, sentence)
        if mode == "-":
            mode = None
        event = Event(type=event_type, mode=mode, trigger=trigger_span, evidence=doc.span(sent.start, sent.end),
                      actor1=actor1, actor2=actor2, place=_event_place(place), date=date, date_precision=precision,
                      date_source=date_source,
                      fatalities=casualties.fatalities if casualties else None,
                      injuries=casualties.injuries if casualties else None,
                      casualties_approximate=bool(casualties and casualties.approximate),
                      modality=modality, confidence=1.0 if match.rule.get("strength") == "strong" else 0.6)
        _court_reading(event)
        event.acled_type, event.acled_subtype = _acled_for(event)
        if _is_historical(event, doc):
            # background («انتهت في عام 2016»): flagged and dated, kept apart from the news it frames
            event.modality = "historical"
            doc.non_events.append({**event.model_dump(mode="json"), "reason": f"dated {event.date}, "
                                   "before the publication year"})
            continue
        if match.rule.lemma.split("|")[0] in _BARE_AID_LEMMAS and not _aid_delivered(doc, match, lo, hi):
            if "ال" in trig.prefixes or trig.suffix:
                donors.append(event)    # «تواجد الهلال الأحمر المصري ... لتنسيق عمليات المساعدة»: who gave it
            set_aside("generic", f"«{trig.text}» names aid with no delivery, carrier or load told near it")
            continue
        if event_type in _SPECIFICITY_CHECKED and not crowd_act:
            specific, why, score = specificity(doc, sentence, match.first, event_type)
            if not specific:
                if noun and ("ال" in trig.prefixes or trig.suffix
                                                       or in_a_cause_phrase(doc, match.first)):
                    donors.append(event)    # a restatement, or the cause of a toll told before it («قتل ...
                    #                         بقصفٍ مدفعي وصاروخي لقوات نظام الأسد»): its agent phrase names who
                if "ال" not in trig.prefixes and not trig.suffix \
                        and (bar := context_threshold(event_type)) is not None and score >= bar:
                    one_more_elsewhere.append((sentence, event))
                set_aside("generic", why)
                continue
        if passive_prone(doc, match):
            event.confidence = min(event.confidence, 0.8)   # marks an actor1 read off a casualty word
        if casualties is not None and casualties.running_total \
                and _update_total(found, event, superseded=tells_a_superseded_count(sent.text)
                                  or tells_a_period_total(sent.text)):
            continue        # «ليرتفع عدد القتلى إلى خمسة»: the toll of an event already told, not a new one
        found.append((sentence, event))
        if noun and ("ال" in trig.prefixes or trig.suffix):
            restating.add(id(event))
        if _one_more(doc, match, event_type) is not None:
            one_more.add(id(event))
        if event_type == "ASSAULT" and match.rule.lemma.split("|")[0] in _DEATH_LEMMAS:
            deaths_only.add(id(event))      # kept below if no other attack is told in its clause
        if (weekday := _weekday_told(doc, sentence)) is not None:
            weekdays[id(event)] = weekday
        if place is not None and event_type in _PER_LOCATION_TYPES and doc.sentence_at(place.span.start) == sentence:
            # «تركزت الاقتحامات في نابلس ورام الله والخليل»: one event per place listed (ACLED's unit); a
            # toll told once for the whole list stays with the first
            others = coordinated_places(doc, place)
            if not others and event_type in _PER_PERSON_PLACE_TYPES:
                others = places_of_listed_persons(doc, place, all_starts)
            for other in others:
                found.append((sentence, event.model_copy(update={
                    "place": _event_place(other), "fatalities": None, "injuries": None})))
    promoted = {id(e) for e in _attacks_at_other_places(doc, found, one_more_elsewhere)}
    donors = [d for d in donors if id(d) not in promoted]
    tolls_by_place(doc, found, _PER_LOCATION_TYPES & _CASUALTY_TYPES)
    _fill_follow_up_tolls(doc, found, {doc.tokens[m.first].sentence for m in matches})
    moved = at_whole_areas([event for _, event in found])
    deaths_only = _deaths_told_alone(doc, found, deaths_only)
    subheadings = {i for i, sent in enumerate(doc.sentences) if i > 0 and _line_of_its_own(doc, sent)}
    events = merge_events(found, restating, doc, one_more, weekdays, deaths_only, subheadings)
    events = _fold_protest_demands(events, doc, {doc.tokens[m.first].sentence for m in matches
                                                 if m.rule.get("type") == "PROTEST"})
    _credit_claims_of_responsibility(events, doc)
    _actors_from_restatements(events, donors, doc)
    _places_from_restatements(events, donors, doc)
    _attackers_named_next(events, doc)
    _inherit_actors(events, doc)
    events = [e for e in events if not _is_summary(e, events, doc)]
    places_from_retellings(doc, events)
    _dates_from_retellings(doc, events)
    _dates_of_undated_leads(doc, events)
    back_to_parts(moved)
    for e in events:
        e.reported_by = reported_by_for_span(doc, e.evidence.start, e.evidence.end)
        if e.actor1 is not None and e.actor2 is not None and _actor_key(e.actor1) == _actor_key(e.actor2):
            e.actor2 = None     # one actor is never both sides (mentions merged from two clauses)
    if doc.article.published is None:
        _date_undated_from_the_article(doc, events)
    doc.events = sorted(events, key=lambda e: e.trigger.start)     # in the order the article tells them


_STORMING_LEMMAS = ROLES["storming_lemmas"]
_NONSTATE_ARMED = ROLES["nonstate_armed_sectors"]
_STORMING_VIOLENCE = _WORDS["storming_violence"]
_STORMING_KILLING = _WORDS["storming_killing"]
_VERBAL_ATTACK_LEMMAS = ROLES["verbal_attack_lemmas"]
_VERBAL_ATTACK = _WORDS["verbal_attack"]
_VERBAL_ATTACK_ADJECTIVES = _WORDS["verbal_attack_adjective"]
_VERBAL_REACH = 10       # «هاجم خلالها كل من الولايات المتحدة واليوناني قائلا»
_ADJECTIVE_REACH = 2     # «هجوما إعلاميا لاذعا»


_DEATH_LEMMAS = ROLES["death_lemmas"]


def _doer_inside(doc: Document, match: LemmaMatch) -> bool:
    """A phrase whose verbal noun and object enclose its doer («بعد وقت قصير من إسقاط قوات المعارضة طائرة
    حربية روسية»): an act told whole, with who did it and to what — an event of its own, not only a time
    reference for the event of the clause."""
    if match.last - match.first < 2:
        return False
    lo, hi = doc.tokens[match.first].end, doc.tokens[match.last].start
    return any(lo <= e.span.start and e.span.end <= hi for e in doc.entities) \
        or any(lo <= a.span.start and a.span.end <= hi for a in doc.agents)


def _deaths_told_alone(doc: Document, found: list[tuple[int, Event]], deaths: set[int]) -> set[int]:
    """The deaths or wounds (`deaths`: told by a casualty word) with no attack kept as an event in their clause
    but a downing («واعترفت روسيا بسقوط الطائرة ومقتل الطيار», «سقوط طائرة ... ومقتل الطيار»)."""
    out: set[int] = set()
    for sentence, event in found:
        if id(event) not in deaths:
            continue
        bounds = doc.token_range(doc.sentences[sentence].start, doc.sentences[sentence].end)
        first = doc.token_range(event.trigger.start, event.trigger.end)
        if bounds is None or first is None:
            continue
        c_lo, c_hi = clause_bounds(doc, first[0], bounds[0], bounds[1] + 1)
        lo, hi = doc.tokens[c_lo].start, doc.tokens[c_hi - 1].end
        if not any(s == sentence and e.type == "ASSAULT" and id(e) not in deaths
                   and not names_a_downed_craft(e.trigger.text)
                   and lo <= e.trigger.start < hi for s, e in found):
            out.add(id(event))
    return out


_GENERIC_STANCE_TYPES = frozenset({"ACCUSE", "REJECT"})
_EVERY_KIND = _WORDS["every_kind"]
_KINDS_OF_ACTS = _WORDS["kinds_of_acts"]
_EVERY_KIND_REACH = 3


def _stance_on_every_kind(doc: Document, match: LemmaMatch) -> bool:
    """«رفضها واستنكارها لكل الأعمال»: «كل/كافة/جميع» + a class of acts within three words after the trigger."""
    tokens = doc.tokens
    sentence = tokens[match.first].sentence
    for k in range(match.last + 1, min(len(tokens) - 1, match.last + 1 + _EVERY_KIND_REACH)):
        if tokens[k].sentence != sentence:
            return False
        if tokens[k].stem in _EVERY_KIND and tokens[k + 1].stem in _KINDS_OF_ACTS:
            return True
    return False


_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})
_SOUGHT_RELATIVE = _WORDS["sought_relative"]


def _sought_in_a_relative(doc: Document, match: LemmaMatch) -> Token | None:
    """«الاتفاق الذي تريده إيران»: a verb of wanting or proposing opening the relative clause right after the noun."""
    tokens = doc.tokens
    k, sentence = match.last + 1, tokens[match.last].sentence
    if k + 1 >= len(tokens) or tokens[k].sentence != sentence or tokens[k].norm not in _RELATIVES \
            or doc.text[tokens[match.last].end:tokens[k].start].strip():
        return None
    verb = tokens[k + 1]
    return verb if verb.sentence == sentence and verb.stem in _SOUGHT_RELATIVE else None


_WARNING_LEMMAS = frozenset({"حذر"})
_WARNING_THREAT = _WORDS["warning_threat"]
_WARNING_REACH = 12


def _warning_threatens(doc: Document, match: LemmaMatch, hi: int) -> bool:
    """A threat word (event_words.tsv warning_threat) or a future «س» verb after «حذر» in its clause."""
    for k in range(match.last + 1, min(hi, match.last + 1 + _WARNING_REACH)):
        tok = doc.tokens[k]
        if tok.stem in _WARNING_THREAT or "س" in tok.prefixes:
            return True
    return False


_RECEIVING_LEMMAS = frozenset({"استقبل"})


def _receives_a_count(doc: Document, match: LemmaMatch) -> bool:
    """«استقبلنا 436 طالبا», «استقبلت المدينة 300 نازح»: receiving a number of people (a count within the next
    three words) takes them in; a meeting receives named guests."""
    if match.rule.lemma.split("|")[0] not in _RECEIVING_LEMMAS or match.rule.reads_as_noun(doc.tokens[match.first]):
        return False
    sentence = doc.tokens[match.first].sentence
    return any(doc.tokens[k].sentence == sentence and _is_a_count(doc, k)
               for k in range(match.last + 1, min(len(doc.tokens), match.last + 4)))


_CALL_PARTNER_WORDS = frozenset({"مع", "بين"})     # «في اتصال هاتفي مع نظيره»: a call held with someone


def _call_that_carries_a_statement(doc: Document, match: LemmaMatch) -> bool:
    """«نقلت الوكالة عن مقاتل قوله في اتصال هاتفي إن ...», «وقال في اتصال هاتفي: ...»: a call right after a speech
    verb (or its masdar «قوله») with no partner named after it is how the speaker talked to the reporter."""
    tokens = doc.tokens
    i, sentence = match.first, tokens[match.first].sentence
    if i < 2 or tokens[i - 1].stem != "في" or tokens[i - 1].prefixes or tokens[i - 2].sentence != sentence:
        return False
    speaker = tokens[i - 2]
    if not (speaker.stem == "قول" or verb_form(speaker) is not None):
        return False
    after = match.last + 1
    return not (after < len(tokens) and tokens[after].sentence == sentence and tokens[after].stem in _CALL_PARTNER_WORDS)


def _storming_kills(doc: Document, match: LemmaMatch, hi: int) -> bool:
    """A storming followed in its clause by a verb of killing or shooting by its doer («وقتلت», «وفتحوا النار»);
    deaths told around a raid («استشهد شاب خلال اقتحام قوات الاحتلال مدينة جنين») leave the raid its own event."""
    return any(doc.tokens[k].stem in _STORMING_KILLING for k in range(match.last + 1, hi))


def _attack_in_words(doc: Document, match: LemmaMatch, lo: int, hi: int) -> bool:
    """«هاجم» with a participle of speech after it in its clause and no punctuation between («هاجم خلالها
    الولايات المتحدة قائلاً»), or «هجوم» with an adjective of words right after it («هجوماً لاذعاً»)."""
    if match.rule.lemma.split("|")[0] not in _VERBAL_ATTACK_LEMMAS:
        return False
    noun = match.rule.reads_as_noun(doc.tokens[match.first])
    words, reach = (_VERBAL_ATTACK_ADJECTIVES, _ADJECTIVE_REACH) if noun else (_VERBAL_ATTACK, _VERBAL_REACH)
    _, c_hi = clause_bounds(doc, match.first, lo, hi)
    for k in range(match.last + 1, min(c_hi, match.last + 1 + reach)):
        if any(ch in ".،,:;؛" for ch in doc.text[doc.tokens[k - 1].end:doc.tokens[k].start]):
            return False        # «مسؤوليتها عن الهجوم، قائلة إنه استهدف»: the claim's speaker, not the attack
        if doc.tokens[k].stem in words:
            return True
    return False


_TIME_ANCHORS = frozenset({"منذ"})     # «منذ الاتفاقات الأمنية الأخيرة»: since an earlier act
_TIME_DISTANCE_REACH = 6        # «بعد وقت قصير من إسقاط قوات المعارضة طائرة حربية روسية ومقتل قائدها»


def _time_distance_anchor(doc: Document, i: int) -> str | None:
    """The phrase «بعد/قبل/عقب <span of time> من» governing the noun at token i, directly or through
    coordination («من إسقاط ... ومقتل قائدها»), as text; None when there is none."""
    sentence = doc.tokens[i].sentence
    for back in range(1, _TIME_DISTANCE_REACH + 2):
        j = i - back        # «من»
        if j < 2 or doc.tokens[j].sentence != sentence or doc.text[doc.tokens[j].end:doc.tokens[j + 1].start].strip():
            return None     # punctuation between: another phrase
        if doc.tokens[j].stem != "من" or doc.tokens[j].prefixes:
            continue
        if back > 1 and "و" not in doc.tokens[i].prefixes[:1]:
            return None     # past «من» only a coordinated noun is still governed by it
        opener = next((k for k in (j - 2, j - 3) if k >= 0 and time_distance_phrase(doc, k) == j), None)
        return None if opener is None else doc.text[doc.tokens[opener].start:doc.tokens[j].end]
    return None


_UPCOMING = _WORDS["upcoming"]
_UPCOMING_REACH = 3      # «اجتماع اللجنة العليا المقبل»: the adjective after the noun's genitive


def _upcoming_after(doc: Document, last: int):
    """The word after a noun trigger that puts the act ahead («المقبل», «القادمة»), within its noun phrase."""
    sentence = doc.tokens[last].sentence
    for k in range(last + 1, min(last + 1 + _UPCOMING_REACH, len(doc.tokens))):
        tok = doc.tokens[k]
        if tok.sentence != sentence or doc.text[doc.tokens[k - 1].end:tok.start].strip():
            return None     # punctuation ends the noun phrase
        if tok.stem in _UPCOMING and "و" not in tok.prefixes[:1]:
            return tok
    return None


@lru_cache(maxsize=1)
def _weekday_names() -> dict[str, int]:
    """Normalised weekday name («الاربعاء», with its article) → datetime weekday, from the dates stage's table."""
    return {" ".join(key): int(value) for key, entries in date_phrases().table.items()
            for role, value in entries if role == "weekday" and len(key) == 1}


def _weekday_of_sentence(doc: Document, sentence: int) -> int | None:
    """The one weekday a sentence names («وأمس السبت، اعتقلت الأجهزة الأمنية»), None for none or several."""
    # (kept per document: each event asks of its sentence and the three before it, ~95 scans an article; issue 16)
    memo = document_memo("events:weekday", (doc,), (doc.tokens,))
    if sentence in memo:
        return memo[sentence]
    weekday = memo[sentence] = _scan_weekday(doc, sentence)
    return weekday


def _scan_weekday(doc: Document, sentence: int) -> int | None:
    names = _weekday_names()
    found = set()
    for tok in sentence_tokens(doc.tokens, sentence):
        word = tok.norm[1:] if tok.prefixes[:1] in (["و"], ["ف"]) else tok.norm
        if word in names:
            found.add(names[word])
    return found.pop() if len(found) == 1 else None


_WEEKDAY_REACH = 3      # sentences back a narrative's day carries («مساء الأحد ...» then «واعتقلت، عدد من النشطاء»)


def _weekday_told(doc: Document, sentence: int) -> int | None:
    """The weekday of the sentence, else of the nearest of the three before it that names one."""
    for k in range(sentence, max(-1, sentence - 1 - _WEEKDAY_REACH), -1):
        if (weekday := _weekday_of_sentence(doc, k)) is not None:
            return weekday
    return None


_ANOTHER = _WORDS["another"]
_OTHER_COUNT = _WORDS["other_count"]
_ANOTHER_REACH = 3      # «اعتقلت قوات الاحتلال شابا آخر»: the verb's subject, then its object and the adjective


def _one_more(doc: Document, match: LemmaMatch, event_type: str) -> Token | None:
    """«آخر» agreeing with the trigger noun («اتصالا آخر») or with a verb trigger's object («كما اعتقلت مواطنا
    آخر»): the act is one more of its kind, not the one told before. Not after a number or the verb itself
    («وأصيب 10 آخرون», «وأصيب آخرون»: the rest of one toll) or a vague count («واعتقل عدد آخر»); for an attack
    only the noun itself («في أعقاب هجوم آخر شنته الحركة»): an attack verb's «جندي آخر» is often more of one
    attack's toll."""
    trig = doc.tokens[match.first]
    noun = match.rule.reads_as_noun(trig)
    if match.rule.get("strength") == "casualty" or (event_type == "ASSAULT" and not noun):
        return None
    sentence = trig.sentence
    reach = 1 if noun else _ANOTHER_REACH
    for k in range(match.last + 1, min(match.last + 1 + reach, len(doc.tokens))):
        tok = doc.tokens[k]
        if tok.sentence != sentence or doc.text[doc.tokens[k - 1].end:tok.start].strip():
            return None     # punctuation ends the phrase
        if tok.stem in _ANOTHER and not tok.prefixes:
            if _governs_a_noun(doc, k):
                return None     # «انسحاب آخر مقاتلي قسد»: «آخر» heads the noun after it, "the last of"
            head = doc.tokens[k - 1]
            return tok if noun or (k - 1 > match.last and not _is_a_count(doc, k - 1) and head.stem not in _OTHER_COUNT
                                   and not any(ch.isdigit() for ch in head.norm)) else None
    return None


def _governs_a_noun(doc: Document, k: int) -> bool:
    """«آخر» at token k is a noun heading the word after it («انسحاب آخر مقاتلي قوات سوريا الديمقراطية», «آخر
    الجنود», «آخر قواتها»: "the last of"), not the adjective "another", which follows its noun and is followed by
    a preposition, a verb, an adverb or another adjective («هجوم آخر شنته», «هجوم آخر مسلح»). The governed word is
    definite with no other proclitic, a sound plural in construct before a name, or opens a named or generic
    actor of two words or more."""
    if k + 1 >= len(doc.tokens):
        return False
    tok, nxt = doc.tokens[k], doc.tokens[k + 1]
    if nxt.sentence != tok.sentence or doc.text[tok.end:nxt.start].strip():
        return False
    if nxt.prefixes == ["ال"]:
        return True
    after = doc.tokens[k + 2] if k + 2 < len(doc.tokens) else None
    if nxt.norm.endswith("ي") and not nxt.prefixes and after is not None and after.sentence == tok.sentence \
            and not doc.text[nxt.end:after.start].strip() \
            and starting_in(doc.entities, "events:entities", after.start, after.start + 1):
        return True     # a sound plural in construct («مقاتلي» of «مقاتلين») before a name: «آخر مقاتلي قوات ...»
    return any(m.span.start == nxt.start and " " in m.text.strip()
               for m in starting_in(doc.agents, "events:agents", nxt.start, nxt.start + 1)) \
        or any(e.span.start == nxt.start and " " in e.text.strip()
               for e in starting_in(doc.entities, "events:entities", nxt.start, nxt.start + 1))


def _partitive_of_the_dead(doc: Document, i: int) -> bool:
    """«أن أربعة من القتلى من رجال الشرطة»: a number, «من» and a definite casualty noun count a share of the dead
    or wounded the article has told, not the toll of a new act («عدد من القتلى», a vague toll, still is one)."""
    tok = doc.tokens[i]
    if "ال" not in tok.prefixes or i < 2 or doc.tokens[i - 2].sentence != tok.sentence:
        return False
    before = doc.tokens[i - 1]
    return before.stem == "من" and not before.prefixes and not doc.text[before.end:tok.start].strip() \
        and _is_a_count(doc, i - 2)


def _crowd_acts(doc: Document, match: LemmaMatch, lo: int, hi: int) -> bool:
    """«وقطع عدد من المتظاهرين طريق الفرزل ...، احتجاجًا على الأوضاع»: the act a protest motive qualifies is
    done by a crowd of protesters named before it in the sentence; then the act is the protest itself."""
    mentions = [m for m in sentence_mentions(doc, doc.tokens[match.first].sentence, lo, hi) if m.last < match.first]
    return any(is_protester(m) for m in mentions)


_CROWD_REACH = 3     # «اقتحم عدد من المحتجين»: the subject's head may stand a few words after the verb


def _storming_crowd(doc: Document, match: LemmaMatch, mentions: list[Mention]) -> Mention | None:
    """The protesters who did the act: a protester mention right after the verb (VSO, «اقتحم عدد من المحتجين»)
    or ending right before it (SVO, «إن المحتجين اقتحموا»). A noun trigger («محاولة متظاهرين اقتحام») reads
    its doer after it the same way."""
    for m in mentions:
        if not is_protester(m):
            continue
        if match.last < m.first <= match.last + _CROWD_REACH or m.last == match.first - 1:
            return m
    return None


_UNDERTAKE = _WORDS["undertake"]
_RELATIVES = _WORDS["relative"]
_ON = normalize_for_match("على")
_UNDERTAKE_REACH = 8     # «أقدم عدد من الشبان من المعتصمين على قطع الطريق»: the subject between verb and noun


_CROWD_ACT_DOERS = ROLES["crowd_act_doers"]


def _is_crowd(m: Mention) -> bool:
    """Protesters, or residents, youths, citizens or tribesmen, whose road blocking is a protest too."""
    return is_protester(m) or m.actor.kb_id in _CROWD_ACT_DOERS


def _crowd_doer(doc: Document, match: LemmaMatch, mentions: list[Mention]) -> Mention | None:
    """The protesters who did a crowd act (a `crowd` trigger row: road blocking, stone throwing, pitching tents):
    its subject right after the verb or right before it (as `_storming_crowd` reads it), before it past a relative pronoun
    («المحتجين الذين أغلقوا الطرقات»), or the subject of a verb of undertaking whose «بـ/على» + verbal noun the
    trigger is («قام العشرات من المحتجين بقطع طريق», «المتظاهرون قاموا بقطع»)."""
    tokens = doc.tokens
    first = match.first
    verb_shaped = not {"ب", "ل", "ال"} & set(tokens[first].prefixes)    # «انصار التيار بنصب»: no subject before
    crowd = next((m for m in mentions if _is_crowd(m) and (
        match.last < m.first <= match.last + _CROWD_REACH or verb_shaped and m.last == first - 1)), None)
    if crowd is not None and (crowd.last < first or _subject_after(doc, match.last, crowd)):
        return crowd
    if first >= 2 and tokens[first - 1].stem in _RELATIVES:
        crowd = next((m for m in mentions if _is_crowd(m) and m.last == first - 2), None)
        if crowd is not None:
            return crowd
    trig = tokens[first]
    after_on = first > 0 and tokens[first - 1].stem == _ON and not tokens[first - 1].suffix
    if not ("ب" in trig.prefixes or after_on):
        return None
    sentence = trig.sentence
    for j in range(first - 1, max(first - 1 - _UNDERTAKE_REACH, -1), -1):
        if tokens[j].sentence != sentence:
            return None
        if tokens[j].stem in _UNDERTAKE or tokens[j].norm in _UNDERTAKE:
            return next((m for m in mentions if _is_crowd(m)
                         and (j < m.first and m.last < first or m.last == j - 1)), None)
    return None


_SUBJECT_BARRIERS = _WORDS["preposition"] | {"امام", "بوجه", "وجه"}


_CLOSING_LEMMAS = ROLES["closing_lemmas"]
_STATE_FORCES = ROLES["state_force_sectors"]


def _closed_by_forces(doc: Document, match: LemmaMatch, mentions: list[Mention]) -> bool:
    """A road-closing crowd row («أغلق», «أقفل», «قطع» + a road) whose subject is a state's forces, right after
    the verb or right before it («أغلقت قوات الأمن الطريق», «الجيش يغلق الطرق»): a restriction, not a protest."""
    if match.rule.lemma.split("|")[0] not in _CLOSING_LEMMAS or {"ب", "ل", "ال"} & set(doc.tokens[match.first].prefixes):
        return False
    return any(m.actor.sector in _STATE_FORCES and (
        match.last < m.first <= match.last + _CROWD_REACH and _subject_after(doc, match.last, m)
        or m.last == match.first - 1) for m in mentions)


def _subject_after(doc: Document, last: int, crowd: Mention) -> bool:
    """Whether the crowd named after a verb is its subject: no preposition before it («أغلقت الطرق أمام
    المتظاهرين», «قطعت الطريق على المحتجين» name whom the act was done to), save the partitive «من» of a count
    («قطع عدد من المتظاهرين الطريق»)."""
    tokens = doc.tokens
    head = tokens[crowd.first]
    if {"ل", "ب"} & set(head.prefixes):
        return False
    for k in range(last + 1, crowd.first):
        word = tokens[k].stem
        if word in _SUBJECT_BARRIERS and not (word == "من" and k > last + 1):
            return False
    return True


_RELATIVE_OR_WHERE = _WORDS["relative"] | {"حيث"}
_HABIT_IN_RELATIVE_TYPES = frozenset({"CONSULT", "AGREE"})


def _habit_of_its_noun(doc: Document, match: LemmaMatch) -> bool:
    """«دار استراحة المحافظ حيث يستقبل فيها الوفود الرسمية»: a meeting verb in the imperfect right after a relative
    pronoun or «حيث» describes what its noun is for or what usually happens there, not a meeting that took place.
    (A headline's imperfect, «عبدالله بن زايد يستقبل وزير الخارجية», and «بينما يزور طهران» stay events.)"""
    trig = doc.tokens[match.first]
    if match.first == 0 or match.rule.reads_as_noun(trig) or not _imperfect(match, trig):     # (no «ال»: _imperfect)
        return False
    before = doc.tokens[match.first - 1]
    return before.sentence == trig.sentence and before.stem in _RELATIVE_OR_WHERE and not before.prefixes


def _after_a_given_name(doc: Document, i: int) -> str | None:
    """«قال القائد العسكري المحلي عبد الله ادان لوكالة فرانس برس»: a trigger word right after a given name, inside
    a person's name the entities stage found, is the family name («ادان»), not the verb; the given name, if so."""
    tokens = doc.tokens
    tok = tokens[i]
    if i == 0 or tok.prefixes or tok.suffix or tokens[i - 1].sentence != tok.sentence \
            or doc.text[tokens[i - 1].end:tok.start].strip():
        return None
    if not any(e.type == "PERSON" and e.span.start < tok.start and tok.end <= e.span.end
               for e in span_index(doc.entities, span_of, "events:entities").overlapping(tok.start, tok.end)):
        return None
    names = _given_names()
    one = tokens[i - 1].text
    two = f"{tokens[i - 2].text} {one}" if i > 1 and tokens[i - 2].sentence == tok.sentence else ""
    return next((w for w in (two, one) if w and normalize_for_match(w) in names), None)


_BARE_AID_LEMMAS = ROLES["bare_aid_lemmas"]     # event_triggers.tsv's bare aid nouns (not its convoy phrases)
_AID_DELIVERY = _WORDS["aid_delivery"]
_AID_REACH = 6      # «قدم الهلال الأحمر التركي مساعدات غذائية», «شاحنة تحمل مساعدات إنسانية وإغاثية»


def _aid_delivered(doc: Document, match: LemmaMatch, lo: int, hi: int) -> bool:
    """«قدم الهلال الأحمر مساعدات», «دخول 137 شاحنة مساعدات», «تحمل مساعدات»: a word of handing over, bringing in
    or carrying aid stands within six words of the aid noun in its sentence (data/event_words.tsv aid_delivery)."""
    near = range(max(lo, match.first - _AID_REACH), min(hi, match.last + _AID_REACH + 1))
    return any(doc.tokens[k].stem in _AID_DELIVERY or normalize_for_match(doc.tokens[k].text) in _AID_DELIVERY
               for k in near if not match.first <= k <= match.last)


_STANCE_NOUN_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST"})
_STATEMENT_RENEWED = _WORDS["statement_renewed"]


def _stance_noun_unanchored(doc: Document, match: LemmaMatch, verbs: frozenset[int], sent: Sentence) -> bool:
    """«وسط الاتهامات المتبادلة», «التظاهرات المطالبة بإقالة الحكومة»: a definite or possessed noun of accusation,
    rejection or demand in the body with no perfect verb shortly before it (clauses.noun_unanchored) names a charge,
    a stance or a demand already known, not a statement made — unless a verb of renewing or expressing governs it
    («وجدّد الوزير إدانته»)."""
    trig = doc.tokens[match.first]
    if not ("ال" in trig.prefixes or trig.suffix) or _line_of_its_own(doc, sent):
        return False
    if any(doc.tokens[k].stem in _STATEMENT_RENEWED for k in range(max(0, match.first - _RENEWAL_REACH), match.first)
           if doc.tokens[k].sentence == trig.sentence):
        return False
    return noun_unanchored(doc, match.first, verbs)


_RENEWAL_REACH = 4      # «وجدّد الوزير عبد العاطي إدانته»: the subject between


_STANCE_TYPES = ROLES["statement_types"]
# the present-tense passive auxiliaries («يتم», «تتم», «يجري», «تجري»: the imperfect's «ي/ت» before the root's
# «ت/ج»), not the perfect «تم», «تمت»
_PRESENT_AUXILIARIES = frozenset(normalize_for_match(w) for w in _WORDS["passive_auxiliary"]
                                 if w.startswith(("ي", "تت", "تج")))
_COMPLEMENTIZERS_NORM = frozenset(normalize_for_match(w) for w in _COMPLEMENTIZERS)


def _stance_held(doc: Document, match: LemmaMatch) -> bool:
    """«تتهم منظمات حقوق الإنسان الجيش بـ», «حيث يهدد الاحتلال بالقمع»: a verb of stance or demand in the imperfect
    of the third person («ي/ت») in the body of the text tells the position its subject holds, not one statement
    made on a day. The first person is performative, a statement made as it is said («أطالب بالهدوء», «ندين»),
    and a headline's or a subheading's present tells the news («ألمانيا تندد بالهجوم»)."""
    trig = doc.tokens[match.first]
    if match.rule.reads_as_noun(trig):
        # «يتم اتهام روسيا بأنها تخطط»: the verbal noun after a present passive auxiliary is that imperfect
        before = doc.tokens[match.first - 1] if match.first > 0 else None
        if before is None or before.sentence != trig.sentence or before.stem not in _PRESENT_AUXILIARIES \
                or trig.prefixes or doc.text[before.end:trig.start].strip():
            return False
    elif trig.stem[:1] not in "يت" or not _imperfect(match, trig):
        return False
    return not _line_of_its_own(doc, doc.sentences[trig.sentence]) and not _reported_by_a_speaker(doc, match.first) \
        and not _said_by_a_document(doc, match.first)


_DOCUMENT_NOUNS = _WORDS["document_noun"]
_DOCUMENT_REACH = 10    # «صدور قرار جديد عن مجلس محافظي الوكالة الدولية للطاقة الذرية يطالب طهران»


def _said_by_a_document(doc: Document, i: int) -> bool:
    """«قرار جديد عن مجلس المحافظين يطالب طهران بـ», «بيان يدين الهجوم»: the present stance in the clause of an
    indefinite resolution or statement is what that document says — the statement its issuer made."""
    return _word_before_in_clause(doc, i, _DOCUMENT_REACH, lambda t: t.stem in _DOCUMENT_NOUNS
                                  and "ال" not in t.prefixes and not t.suffix)


_REPORT_REACH = 4       # «وأكد إن طهران تحمل إسرائيل المسؤولية»: «أن/إن», the subject, the verb


def _reported_by_a_speaker(doc: Document, i: int) -> bool:
    """«قال إن بلاده ترفض ...», «أكد أن طهران تحمل إسرائيل المسؤولية»: the present stance in the complement of
    «أن/إن» is what the speaker states — the statement is made as it is reported."""
    return _word_before_in_clause(doc, i, _REPORT_REACH, lambda t: t.stem in _COMPLEMENTIZERS
                                  or normalize_for_match(t.text) in _COMPLEMENTIZERS_NORM)


def _word_before_in_clause(doc: Document, i: int, reach: int, wanted: Callable[[Token], bool]) -> bool:
    """Whether one of the `reach` words before token i, in its sentence and with no punctuation between, is
    `wanted` (looked for back from the word)."""
    tokens = doc.tokens
    for j in range(i - 1, max(-1, i - reach - 1), -1):
        if tokens[j].sentence != tokens[i].sentence or any(ch in "،,.؛:" for ch in doc.text[tokens[j].end:tokens[j + 1].start]):
            return False
        if wanted(tokens[j]):
            return True
    return False


def _line_of_its_own(doc: Document, sent: Sentence) -> bool:
    """A headline or subheading: the sentence stands on a short line not closed by a full stop («مقتل شخصين في
    اشتباكات.. والبعثة الأممية تدعو إلى ...»), not in a paragraph."""
    start = doc.text.rfind("\n", 0, sent.start) + 1
    end = doc.text.find("\n", sent.end)
    line = doc.text[start:len(doc.text) if end < 0 else end].strip()
    return bool(line) and not line.endswith((".", "؟", "!", ":")) and len(line.split()) <= _HEADLINE_WORDS


_HEADLINE_WORDS = 25    # a headline or subheading is one short line; a paragraph without its full stop is longer


_AGREEMENT_HEADS = _WORDS["agreement_head"]
_SIGNING = normalize_for_match("توقيع")
_DEMONSTRATIVES = frozenset(normalize_for_match(w) for w in ("هذا", "هذه", "تلك", "ذلك"))
_TOLD_DONE = _WORDS["passive_auxiliary"] | _WORDS["witness"]     # «تم توقيع», «شهد الرئيسان توقيع»


def _signing_of_a_known_agreement(doc: Document, match: LemmaMatch, verbs: frozenset[int]) -> bool:
    """«بعد توقيع الاتفاقية النووية», «أن توقيع الاتفاق النووي كان متعلقا», «من توقيع هذا الاتفاق»: the verbal
    noun of signing with a definite, possessed or pointed-at agreement after it names the signing of an
    agreement the reader knows, a reference, unless a verb right before it tells it done now («تم توقيع
    الاتفاق», «شهد الرئيسان توقيع الاتفاقية»)."""
    first = match.first
    if doc.tokens[first].stem != _SIGNING or match.last != first:
        return False
    k = first + 1
    if k < len(doc.tokens) and doc.tokens[k].stem in _DEMONSTRATIVES:
        k += 1
    if k >= len(doc.tokens) or doc.tokens[k].sentence != doc.tokens[first].sentence:
        return False
    head = doc.tokens[k]
    known = k > first + 1 or "ال" in head.prefixes or bool(head.suffix)
    if head.stem not in _AGREEMENT_HEADS or not known:
        return False
    return not any(j in verbs or doc.tokens[j].stem in _TOLD_DONE for j in range(max(0, first - 2), first))
_IRREALIS = frozenset({"negated", "hypothetical", "requested", "threatened", "prospective"})
_NOT_DONE_HERE = _IRREALIS | {"reference"}      # «بعد توقيع الاتفاقية»: the agreement noun shares the reference
_VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE"})   # attack words chain one act's several words («قصف ... بغارة»)
_SAME_ACT_GAP = 2       # «لم يتم التوصل إلى اتفاق»: words between a trigger and the noun that completes it
_PUNCTUATION = frozenset("،,.;:؛!?؟«»\"\n")


def _irrealis_just_before(doc: Document, match: LemmaMatch, event_type: str) -> dict | None:
    """«ولم يتم التوصل إلى اتفاق»: a trigger of the same type set aside as not done (negated, hypothetical,
    requested, threatened, prospective) or as a reference to an earlier act a word or two before this one in its sentence, with no punctuation
    between, told the same act; this trigger shares its verdict instead of reporting the act as done."""
    trig = doc.tokens[match.first]
    for told in doc.non_events[:-5:-1]:      # the last four, latest first
        if told.get("type") != event_type or told.get("modality") not in _NOT_DONE_HERE:
            continue
        end = told["trigger"]["end"]
        if end > trig.start or any(ch in _PUNCTUATION for ch in doc.text[end:trig.start]):
            continue
        words = 0
        k = match.first - 1
        while k >= 0 and doc.tokens[k].start >= end:
            words += 1
            k -= 1
        if words <= _SAME_ACT_GAP and k >= 0 and doc.tokens[k].sentence == trig.sentence:
            return told
    return None


def _after_publication(doc: Document, date: str | None, precision: str | None, source: str | None) -> bool:
    """«تنفيذ إضراب عام يوم الخميس المقبل»: a day the text gives that falls after the publication day puts the act
    ahead of the news (planned, announced), not done. Only a day read from the text, never a guessed one."""
    published = doc.article.published
    if published is None or date is None or precision != "day" or source != "text":
        return False
    try:
        return dt.date.fromisoformat(date) > published
    except ValueError:
        return False


def _is_a_count(doc: Document, k: int) -> bool:
    """Token k is (the end of) a count: «17 طالباً» reads the next word as a counted noun («طالب» students)."""
    tok = doc.tokens[k]
    return any(n.span.start <= tok.start < n.span.end and not n.is_year and n.kind in ("digits", "words")
               for n in starting_in(doc.numbers, "events:numbers", max(0, tok.start - 40), tok.end))


_VERB_SIGNS = frozenset({"قد", "لقد"}) | _WORDS["relative"]
_PREPOSITIONS = _WORDS["preposition"] | _WORDS["cause_preposition"]


def _one_reading_per_word(doc: Document, matches: list[LemmaMatch]) -> list[LemmaMatch]:
    """«أعلن الجيش أنه قصف أهدافاً»: a bare word that is both a verb and a noun of the lexicon («قصف») is the
    verb after a complementizer carrying the subject's pronoun («أنه», «إنها»), «قد» or a relative pronoun, and
    the noun after a preposition («في قصف»); elsewhere both readings stay for the later stages to weigh."""
    verb_at = {m.first for m in matches if not m.rule.reads_as_noun(doc.tokens[m.first])}
    noun_at = {m.first for m in matches if m.rule.reads_as_noun(doc.tokens[m.first])}
    out = []
    for m in matches:
        i = m.first
        prev = doc.tokens[i - 1] if i > 0 and doc.tokens[i - 1].sentence == doc.tokens[i].sentence else None
        noun = m.rule.reads_as_noun(doc.tokens[i])
        if prev is not None and noun and i in verb_at and _verb_sign(prev):
            continue
        if prev is not None and not noun and i in noun_at and prev.stem in _PREPOSITIONS and not prev.suffix:
            continue        # «في قصف على منطقة جازان»: after a preposition, the noun
        out.append(m)
    return out


def _verb_sign(tok) -> bool:
    return tok.stem in _VERB_SIGNS or (tok.stem in _COMPLEMENTIZERS and bool(tok.suffix))


_DONOR_REACH = 6     # sentences from an event to a later restatement that names its actors


def _restated_event(events: list[Event], donor: Event, doc: Document) -> Event | None:
    """The event a restatement set aside tells again: the latest earlier event of its type, within
    _DONOR_REACH sentences."""
    at = doc.sentence_at(donor.trigger.start)
    earlier = [e for e in events if e.type == donor.type and e.trigger.start < donor.trigger.start
               and 0 <= at - doc.sentence_at(e.trigger.start) <= _DONOR_REACH]
    return earlier[-1] if earlier else None


def _actors_from_restatements(events: list[Event], donors: list[Event], doc: Document) -> None:
    """«قُتل 75 شخصاً في قصف بطائرة مسيّرة ...» then «وقالت مصادر إن قوات الدعم السريع نفّذت الهجوم»: an event
    told with no actor takes the named actor of a later definite restatement of it («الهجوم», «الاشتباكات»),
    a restatement that is no event of its own. Only the latest earlier event of its type, within six
    sentences, at a compatible place; a place read as the actor names nobody."""
    for donor in donors:
        if donor.actor1 is None or not identifies_attacker(donor.actor1) or donor.actor1.span is None:
            continue
        event = _restated_event(events, donor, doc)
        if event is None or event.actor1 is not None or not _places_agree(event.place, donor.place):
            continue
        event.actor1 = donor.actor1
        if event.actor2 is None and donor.actor2 is not None and _actor_key(donor.actor2) != _actor_key(donor.actor1):
            event.actor2 = donor.actor2


_AGENT_MARKER_FORMS = frozenset(normalize_for_match(w) for w in _WORDS["agent_marker"])
_NEXT_ATTACKER_REACH = 3     # tokens from «أطلقه» to the one who fired it («أطلقه المتمردون الحوثيون»)
_ARMED = ROLES["armed_sectors"]


def _attackers_named_next(events: list[Event], doc: Document) -> None:
    """«قتل خمسة أشخاص من جراء صاروخ بالستي. أطلقه المتمردون الحوثيون على مدينة مأرب»: a sentence opening with an
    agent verb whose pronoun is the weapon or the attack told just before («أطلقه», «نفذه», «تبنته») names that
    attack's doer. The last attack of the sentence before takes it when it has no actor or only a role."""
    for sentence in sorted({doc.sentence_at(e.trigger.start) for e in events if e.type == "ASSAULT"}):
        if sentence + 1 >= len(doc.sentences):
            continue
        doer = _doer_opening(doc, sentence + 1)
        if doer is None:
            continue
        told = [e for e in events if e.type == "ASSAULT" and doc.sentence_at(e.trigger.start) == sentence]
        event = told[-1]
        if event.actor1 is None or _generic_actor(event.actor1):
            event.actor1 = doer.actor


def _doer_opening(doc: Document, sentence: int) -> Mention | None:
    """The armed actor after an agent verb with an object pronoun opening `sentence` («أطلقه المتمردون»)."""
    bounds = doc.token_range(doc.sentences[sentence].start, doc.sentences[sentence].end)
    if bounds is None:
        return None
    lo, hi = bounds[0], bounds[1] + 1
    verb = doc.tokens[lo]
    if not verb.suffix or set(verb.prefixes) - {"و", "ف"} \
            or normalize_for_match(verb.stem + verb.suffix) not in _AGENT_MARKER_FORMS:
        return None
    return next((m for m in sentence_mentions(doc, sentence, lo, hi)
                 if m.kind in ("entity", "agent") and 0 < m.first - lo <= _NEXT_ATTACKER_REACH
                 and m.actor.sector in _ARMED), None)


_COARSE_FEATURES = frozenset({"country", "admin1", "region"})
_RESTATED_PLACE_REACH = 10      # tokens from a restatement to the place it gives («الضربة وقعت بالقرب من مدينة»)


def _told_right_after(doc: Document, trigger, place, triggers: frozenset[int]) -> bool:
    """The place follows the trigger within a few tokens of its sentence, no other act named between."""
    if place.start < trigger.end or doc.sentence_at(place.start) != doc.sentence_at(trigger.start):
        return False
    if len(doc.tokens_starting_in(trigger.end, place.start)) > _RESTATED_PLACE_REACH:
        return False
    return not any(trigger.end <= t < place.start for t in triggers)


def _places_from_restatements(events: list[Event], donors: list[Event], doc: Document) -> None:
    """«تنفيذ ضربة جوية ... في سوريا» then «إن الضربة وقعت بالقرب من مدينة إدلب»: an event placed only in a
    country, province or region takes the finer place a later definite restatement of it gives, inside that
    country. Only the latest earlier event of its type, within the donors' reach."""
    triggers = frozenset({e.trigger.start for e in events} | {n["trigger"]["start"] for n in doc.non_events})
    for donor in donors:
        place = donor.place
        if place is None or place.lat is None or not place.country \
                or place.span is None or not _told_right_after(doc, donor.trigger, place.span, triggers):
            continue
        event = _restated_event(events, donor, doc)
        if event is not None and event.place is not None and event.place.feature in _COARSE_FEATURES \
                and event.place.country == place.country and _finer_area(place, event.place):
            event.place = place


def _finer_area(fine: EventPlace, coarse: EventPlace) -> bool:
    """A place below a province; or a province where the event has only its country or a region of it («شمال
    شرق نيجيريا» then «القرية الواقعة في ولاية بورنو»)."""
    return fine.feature not in _COARSE_FEATURES or (fine.feature == "admin1" and coarse.feature in ("country", "region"))


def _places_agree(a, b) -> bool:
    """Unknown on one side, within about 25 km (a district and its city), or a province or region of the
    same country on one side («إقليم دارفور» and «الفاشر»)."""
    if a is None or b is None or a.lat is None or b.lat is None:
        return True
    if {a.feature, b.feature} & _COARSE_FEATURES and a.country and a.country == b.country:
        return True
    return abs(a.lat - b.lat) < 0.25 and abs(a.lon - b.lon) < 0.25


_FOLLOW_UP_REACH = 2     # sentences back to the attack a toll-only sentence completes


def _fill_follow_up_tolls(doc: Document, found: list[tuple[int, Event]], trigger_sentences: set[int]) -> None:
    """«قال مدير الإسعاف "حملنا ثلاثة عشر جثة وخمسة عشر مصاباً"», «وأضاف أنه أحصى ست جثث»: a sentence that
    reports casualties with no event word of its own completes the attack told just before it, filling the
    figures that attack lacks. Sentences between that only restate an attack («إن الانفجار تسبب بدمار») are
    passed over; at most two others. A total over a period («منذ», «إجمالي»), a year in the sentence, an act
    set aside in between, or two attacks at two places leave the figures unattached."""
    by_sentence: dict[int, list[Event]] = {}
    for sentence, event in found:
        by_sentence.setdefault(sentence, []).append(event)
    if not by_sentence:
        return
    set_aside: dict[int, set[str]] = {}     # sentence → how its set-aside triggers read
    for item in doc.non_events:
        trigger = item.get("trigger") or {}
        if "start" in trigger:
            reading = "restating" if item.get("modality") == "generic" and item.get("type") == "ASSAULT" else "other"
            set_aside.setdefault(doc.sentence_at(trigger["start"]), set()).add(reading)
    first_event = min(by_sentence)
    for sentence, sent in enumerate(doc.sentences):
        if sentence <= first_event or sentence in trigger_sentences or sent.furniture:
            continue
        bounds = doc.token_range(sent.start, sent.end)
        if bounds is None:
            continue
        lo, hi = bounds[0], bounds[1] + 1
        figures = casualties_in_range(doc, lo, hi)
        if figures.fatalities is None and figures.injuries is None:
            continue
        if figures.running_total or cumulative_word(doc, lo, hi) is not None or any(
                n.is_year for n in starting_in(doc.numbers, "events:numbers", sent.start, sent.end)):
            continue
        attack = _attack_told_before(sentence, by_sentence, set_aside)
        for event in attack:
            if event.fatalities is None and figures.fatalities is not None:
                event.fatalities = figures.fatalities
            if event.injuries is None and figures.injuries is not None:
                event.injuries = figures.injuries


def _attack_told_before(sentence: int, by_sentence: dict[int, list[Event]],
                        set_aside: dict[int, set[str]]) -> list[Event]:
    """The mentions of the one attack told last before `sentence` (see _fill_follow_up_tolls), or []."""
    others = 0
    for before in range(sentence - 1, -1, -1):
        told = [e for e in by_sentence.get(before, []) if e.type in _CASUALTY_TYPES]
        if told:
            places = {(e.place.lat, e.place.lon) for e in told if e.place is not None}
            if all(e.type == "ASSAULT" for e in told) and len(places) <= 1:
                return told     # mentions of one attack («انفجرت سيارة مفخخة»): all ASSAULT, one place
            return []
        # a sentence of acts that hurt nobody («وأدان الرئيس الهجوم», a statement) is passed over as any other
        readings = set_aside.get(before, set())
        if "other" in readings:
            return []           # the figures may be those of an act set aside there
        if not readings:
            others += 1
            if others > _FOLLOW_UP_REACH:
                return []
    return []


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


class _NoCasualties:
    def __init__(self) -> None:
        self.fatalities = None
        self.injuries = None
        self.vague: frozenset[str] = frozenset()


_NO_CASUALTIES = _NoCasualties()
