"""Quotation marks, and which quoted words are speech rather than a name.

- «», “”, „”, ‘’ and straight "" pair within a paragraph; a quote may run over one line break when the next line
  closes it. A quote whose closing mark never comes ends at its paragraph's end (`unclosed`). Straight '' count
  only around Arabic words (never a Latin apostrophe). Reversed »...« and mirrored «...»...« pairs are read too.
- Short quoted words that are not framed as speech (no speech verb, complementizer or colon just before) are names
  («مقر "دار المحامي"», «مجموعة "محامو الطوارئ"», «لوكالة "فرانس برس"»), not quotes.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from rasd.document import Document, QuoteMark, Token
from rasd.extract.cues import speech_cues, strip_clitic
from rasd.extract.speech import (QUOTE_CHARS, entities_in, entity_texts, is_complementizer, reporting_lam, sentence_bounds, tokens_between,
                                 verb_form, verb_with_object)
from rasd.text.normalize import normalize_for_match

OPEN_CLOSE = {"«": "»", "“": "”", "„": "”", "‘": "’", "‹": "›"}
SYMMETRIC = '"'
SHORT_QUOTE_WORDS = 6          # up to this many words, a quote must be framed as speech to count
# the characters `_find_quote_marks` acts on: it steps from one to the next (issue 16: it read every character)
_MARK_CHARS = re.compile("[" + re.escape("".join(OPEN_CLOSE) + SYMMETRIC + "”»") + "]")


# --- quote marks ------------------------------------------------------------------------------------------

def _mark(open_: int, close: int, unclosed: bool = False) -> QuoteMark:
    return QuoteMark(open=open_, close=close, unclosed=unclosed)


def _paragraphs(doc: Document) -> list[tuple[int, int]]:
    if doc.paragraphs:
        return [(p.start, p.end) for p in doc.paragraphs]
    return [(0, len(doc.text))]


def _next_paragraph_closes(text: str, paras: list[tuple[int, int]], k: int, closer: str, opener: str) -> int | None:
    """Offset of the closing mark on the next line, when the quote continues over a single line break."""
    if k + 1 >= len(paras):
        return None
    end, (nstart, nend) = paras[k][1], paras[k + 1]
    if text[end:nstart].count("\n") > 1:
        return None                                  # a blank line: a new paragraph, not a wrapped line
    segment = text[nstart:nend]
    if opener == closer:
        if segment.count(closer) % 2 == 1:
            return nstart + segment.index(closer)
        return None
    c, o = segment.find(closer), segment.find(opener)
    if c >= 0 and (o < 0 or c < o):
        return nstart + c
    return None


def _arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3"


def _single_quotes(text: str, start: int, end: int) -> list[QuoteMark]:
    """Straight '...' only around Arabic words: opener after a space or colon, closer before a space or punctuation."""
    out = []
    for m in re.finditer(r"(?:(?<=^)|(?<=[\s:(]))'(?=[\u0621-\u064a])([^'\n]{3,300}?)(?<=[\u0621-\u064a.!?؟])'(?=[\s،,.:;؛!?؟)]|$)",
                         text[start:end]):
        if len(m.group(1).split()) >= 2:
            out.append(_mark(start + m.start(), start + m.end() - 1))
    return out


def find_quote_marks(doc: Document) -> list[QuoteMark]:
    """Quote marks of the document: the attribution layer's when the stage has run, else computed here."""
    if doc.attributions is not None:
        return doc.attributions.marks
    return _find_quote_marks(doc)


def _find_quote_marks(doc: Document) -> list[QuoteMark]:
    text = doc.text
    paras = _paragraphs(doc)
    marks: list[QuoteMark] = []
    skip_until = -1
    for k, (ps, pe) in enumerate(paras):
        first_here = len(marks)                      # the marks of this paragraph (and a quote running into it)
        i = max(ps, skip_until)
        while i < pe:
            found = _MARK_CHARS.search(text, i, pe)
            if found is None:
                break                                # no mark left in the paragraph
            i = found.start()
            ch = text[i]
            if ch == "«" and _closing_shaped(text, i):
                i += 1                               # «سعيّد«،»: a mirrored closing mark, not an opener
                continue
            if ch == SYMMETRIC:
                shaped = _straight_by_shape(text, i, pe)
                if shaped is not None:
                    found_marks, i = shaped
                    marks += found_marks
                    continue
            if ch in OPEN_CLOSE or ch == SYMMETRIC:
                closer = OPEN_CLOSE.get(ch, ch)
                j = text.find(closer, i + 1, pe)
                if ch == "«" and j >= 0 and _opening_shaped(text, j) and "«" in text[j + 1:pe]:
                    marks.append(_mark(i, j))    # «... »...«: the next quote is written mirrored
                    i = j
                    continue
                reopen = text.find(ch, i + 1, pe) if ch != closer else -1
                if j >= 0 and not (0 <= reopen < j):
                    marks.append(_mark(i, j))
                    i = j + 1
                    continue
                if reopen >= 0 and _closing_shaped(text, reopen) and ch != "«":
                    marks.append(_mark(i, reopen))  # “...“: the same mark written twice, the second closes
                    i = reopen + 1
                    continue
                if reopen >= 0:                     # a second opener before any close: the first never closed
                    marks.append(_mark(i, _trim_end(text, i + 1, reopen), unclosed=True))
                    i = reopen
                    continue
                nxt = _next_paragraph_closes(text, paras, k, closer, ch)
                if nxt is not None:
                    marks.append(_mark(i, nxt))
                    skip_until = nxt + 1
                    break
                marks.append(_mark(i, _trim_end(text, i + 1, pe), unclosed=True))
                break
            if ch == "”" and _loosely_opening(text, i):  # ”...” or ”...“: a closing mark used to open
                j = next((m for m in range(i + 1, pe) if text[m] in "”“" and _closing_shaped(text, m)), -1)
                if j > 0:
                    marks.append(_mark(i, j))
                    i = j + 1
                    continue
            if ch == "»":                            # »...« written reversed
                j = text.find("«", i + 1, pe)
                if 0 <= j and "»" not in text[i + 1:j] and j - i < 200:
                    marks.append(_mark(i, j))
                    i = j + 1
                    continue
            i += 1
        here = marks[max(0, first_here - 1):]
        marks += [m for m in _single_quotes(text, ps, pe) if not any(o.open <= m.open <= o.close for o in here)]
    return sorted(marks, key=lambda m: m.open)


def _straight_by_shape(text: str, i: int, end: int) -> tuple[list[QuoteMark], int] | None:
    """Straight marks whose next " opens rather than closes (after a space, glued to the next word), read by shape:
    a short quoted name inside the quote («أنه "سيتم نقل عناصر "قسد" بالسلاح إلى شرق الفرات"») nests, and a quote
    whose closing mark never came («أن قوات الأمن "استهدفت ... على "13 سلاحا ..."») ends where the next opens.
    None when the next " is shaped as a closer (or is not there): the plain pairing holds."""
    j = text.find(SYMMETRIC, i + 1, end)
    if j < 0 or not _opening_shaped(text, j) or _closing_shaped(text, j):
        return None
    k = text.find(SYMMETRIC, j + 1, end)
    m = text.find(SYMMETRIC, k + 1, end) if k >= 0 else -1
    if k >= 0 and m >= 0 and _closing_shaped(text, k) and _closing_shaped(text, m) \
            and len(text[j + 1:k].split()) <= _NESTED_NAME_WORDS:
        return [_mark(i, m), _mark(j, k)], m + 1
    return [_mark(i, _trim_end(text, i + 1, j), unclosed=True)], j


_NESTED_NAME_WORDS = 4     # a quoted name inside a straight-quoted quote, at most this many words


def _closing_shaped(text: str, i: int) -> bool:
    """A mark glued to the word before it and followed by a space or punctuation: it closes."""
    return i > 0 and not text[i - 1].isspace() and (i + 1 == len(text) or not text[i + 1].isalnum())


def _opening_shaped(text: str, i: int) -> bool:
    """A mark after a space and glued to the word after it: it opens."""
    return i > 0 and text[i - 1].isspace() and i + 1 < len(text) and text[i + 1].isalnum()


def _loosely_opening(text: str, i: int) -> bool:
    """An opening-shaped mark, or one after «بـ» or a space with a space before the word it opens
    («بـ” تسويف مطالبهم”», «أصبحت ” مطالب ...”»): a closing mark used to open."""
    if _opening_shaped(text, i):
        return True
    before_ok = i > 0 and (text[i - 1].isspace() or text[i - 1] == "\u0640")
    after = text[i + 1:i + 3]
    return before_ok and (after[:1].isalnum() or (after[:1] == " " and after[1:2].isalnum()))


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


class MarkIndex:
    """Whether an offset lies inside quotation marks, by bisection (marks sorted by their opening offset)."""

    def __init__(self, marks: list[QuoteMark]) -> None:
        self.opens = [m.open for m in marks]
        self.reach: list[int] = []                    # the furthest closing mark among the marks so far
        for m in marks:
            self.reach.append(max(m.close, self.reach[-1]) if self.reach else m.close)

    def inside(self, offset: int) -> bool:
        k = bisect_left(self.opens, offset) - 1       # the last mark opening strictly before `offset`
        return k >= 0 and self.reach[k] > offset



def is_a_name(doc: Document, mark: QuoteMark) -> bool:
    """«فيسبوك», «حزب الله», «الأندلس»: a name in quotation marks, not words someone said."""
    text = doc.text[mark.inner[0]:mark.inner[1]].strip()
    if len(text.split()) <= 1:
        return True
    return normalize_for_match(text) in entity_texts(doc)

# --- which quoted words are speech ------------------------------------------------------------------------

def _tokens_before(doc: Document, offset: int, n: int) -> list[Token]:
    toks = [t for t in tokens_between(doc, max(0, offset - 40 * n), offset) if t.end <= offset]
    return toks[-n:]


def is_name_not_speech(doc: Document, mark: QuoteMark, decided: list[QuoteMark] | None = None) -> bool:
    """Whether the marks set off a name rather than words someone said. `decided`: the marks before this one,
    already flagged (`name`, `speech`): a name's marks never hide a speech verb before them, and a quote
    joined by «و» to a quote just before it («وقوع "قصف ..." و"استهدف ..."») continues it."""
    s, e = mark.inner
    words = doc.text[s:e].split()
    if len(words) <= 5 and any(ent.span.start <= s and e <= ent.span.end + 1 and ent.span.start < e
                               and ent.span.end - ent.span.start >= (e - s) - 1 for ent in entities_in(doc, max(0, s - 1), e)):
        return True     # «أعلن «حزب الله» في بيان»: the marks set off a name the entities stage found
    before = _tokens_before(doc, mark.open, 6)
    if len(words) <= 4 and before and verb_form(before[-1]) and not doc.text[before[-1].end:mark.open].strip():
        # «وأعلن "الحرس الشعبي" التابع لـ... إن ...»: a short quote right after the verb, then «إن»: the subject
        _s, _s_start, s_end = sentence_bounds(doc, mark.open)
        after = doc.text[mark.close + 1:mark.close + 4].lstrip(" \t")
        for t in tokens_between(doc, mark.close + 1, s_end)[:15]:
            between = doc.text[mark.close + 1:t.start]
            if any(c in QUOTE_CHARS for c in between):
                # «يقول "نجلا داغمان"، وهي ناشطة: "..."»: the name, a comma, and then the quote
                return after[:1] in ("،", ",", ":")
            if is_complementizer(t) or (":" in between and after[:1] in ("،", ",", ":")):
                return True
    if before:
        last = before[-1]
        gap = doc.text[last.end:mark.open]
        if len(words) <= 6 and ":" not in gap and (
                any((f,) in speech_cues("name_noun") for f in strip_clitic(last.norm))
                or any((f,) in speech_cues("channel_noun") for f in strip_clitic(last.norm))
                or reporting_lam(doc, last)):
            return True
    if len(words) > SHORT_QUOTE_WORDS:
        return False
    _s, s_start, _e = sentence_bounds(doc, mark.open)
    nxt = tokens_between(doc, mark.close + 1, mark.close + 40)[:1]
    if nxt and verb_form(nxt[0]) and nxt[0].norm[:1] not in ("و", "ف") and not doc.text[s_start:mark.open].strip() \
            and doc.text[mark.close + 1:nxt[0].start].strip() in ("", "،", ","):
        return False                                 # «"لن نسمح بذلك"، قال المتحدث»: opens its sentence, a verb after
    # a short quote counts only when framed as speech: a colon, a complementizer or a speech verb shortly before
    gap = doc.text[before[-1].end:mark.open] if before else ""
    if ":" in gap:
        return False
    _s, s_start, _e = sentence_bounds(doc, mark.open)
    near = [t for t in _tokens_before(doc, mark.open, 8) if t.start >= s_start]
    cut = max((k for k, t in enumerate(near) if any(c in QUOTE_CHARS for c in doc.text[t.end:mark.open][:1])),
              default=-1)
    near = near[cut + 1:]
    if any(is_complementizer(t) or verb_form(t) or verb_with_object(t) for t in near):
        return False                                 # («احتجاجا على ما وصفوه بـ"..."»: a verb with its object pronoun)
    decided = decided or []
    prev = decided[-1] if decided else None
    if prev is not None and prev.speech and prev.close >= s_start and mark.open > 0 \
            and doc.text[mark.open - 1] == "و" and (mark.open < 2 or doc.text[mark.open - 2].isspace()):
        return False                                 # «... "قصف مدفعي" نفذته القوات و"استهدف أحياء"»
    name_chars = {k for m in decided if m.name and m.close >= s_start for k in (m.open, m.close)}
    # or a speech verb earlier in the sentence, with no other quote in between («وقال X في مؤتمر صحفي «...»»)
    words_before = [t for t in tokens_between(doc, s_start, mark.open) if t.end <= mark.open]
    # the last quote mark (not a name's) before mark.open - 1 and after the first word: a word has a quote
    # between it and this mark when that one is at or after its end (found once; a scan of the text from
    # each word to the mark was quadratic in the sentence's length, issue 16)
    last_quote = -1
    if words_before:
        text = doc.text
        for k in range(mark.open - 2, min(t.end for t in words_before) - 1, -1):
            if text[k] in QUOTE_CHARS and k not in name_chars:
                last_quote = k
                break
    for t in reversed(words_before):
        if last_quote >= t.end:
            # «وعبرت البعثة عن ”قلقها العميق“ من معارك ”بأسلحة ثقيلة“ أدت إلى ”تعريض حياة مدنيين للخطر“»: the
            # quote between is the speaker's words, so this one goes on with them
            return not any(m.speech and m.close == last_quote for m in decided)
        if verb_form(t):
            return False
    return True

