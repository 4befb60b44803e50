"""Stage `sources`: who published the article, who wrote it, and which agencies it draws on.

Fills `doc.source` (outlet, outlet_en, author, author_en, agencies, dateline, evidence) from, in order of trust:

1. the input's `outlet` field, then its `url` (a domain in `data/outlets.tsv` or a KB media actor);
2. the text's furniture: bylines («بقلم ...», «كتب: ...», «من - الاسم - الصحيفة»), datelines
   («القاهرة - (رويترز)», «تونس- (أ ف ب):», «وكالات - المدينة:», «المدينة - الكاتب - ...»), an outlet header line
   («اسم الموقع - المدينة»), an author line above a date line, «المصدر: ...» and «© ...» lines;
3. the bare domain name of the URL («news.gulf365.net» → «gulf365») when nothing better names the outlet.

Agencies (`data/agencies.tsv`) cited anywhere in the text go into `agencies` in their English short names.
`find_agencies` (in `agencies.py`) is shared with the attribution stage, which records the source of each
claim (`reported_by`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from rasd.document import Document, Span
from rasd.extract.agencies import agency_at_start, find_agencies, kb_actors
from rasd.extract.cues import read_tsv
from rasd.text.normalize import normalize_for_match

DASH_CHARS = r"\-–—"
DASH = rf"[{DASH_CHARS}]"
AR_WORD = r"[\u0621-\u064a\u0660-\u0669\u064b-\u065f\u0670\u0640\u067e\u0686\u06a9\u06af\u06cc]+"
NAME = rf"{AR_WORD}(?:[ \t]+{AR_WORD}){{1,3}}"         # two to four Arabic words, on one line
PLACE = rf"{AR_WORD}(?:[ \t]+{AR_WORD}){{0,2}}"        # one to three Arabic words



def _cues(kind: str) -> list[str]:
    """The alternatives of one kind of `data/source_cues.tsv`, as written."""
    return [r["cue"] for r in read_tsv("source_cues.tsv") if r["kind"] == kind]


def _alternation(kind: str) -> str:
    return "|".join(re.escape(c) for c in sorted(_cues(kind), key=len, reverse=True))


# Header/footer forms. Each regex runs on one paragraph (or the start/end of the text) of the original text.
AUTHOR_CUE = re.compile(rf"^[ \t]*(?:{_alternation('author_cue')})[ \t]*[:：]?[ \t]*{DASH}?[ \t]*"
                        rf"(?P<author>{NAME})[ \t]*(?:$|[\n،,.:{DASH_CHARS}])", re.M)
FROM_BYLINE = re.compile(rf"(?:^|\n)[ \t]*من[ \t]*{DASH}?\s*(?P<author>{NAME})[ \t]*{DASH}[ \t]*"
                         rf"(?P<outlet>{PLACE})[ \t]*$")
AGENCY_DATELINE = re.compile(rf"^[ \t]*(?P<place>{PLACE})[ \t]*{DASH}?[ \t]*\((?P<agency>[^()\n]{{2,30}})\)[ \t]*[:{DASH_CHARS}]?")
# «أبوظبي في 15 يناير/ وام/»: the Gulf agencies' dateline (WAM, SPA, KUNA, QNA, BNA), place, date, agency
SLASHED_DATELINE = re.compile(rf"^[ \t]*(?P<place>{PLACE})[ \t]+في[ \t]+[^/\n]{{3,30}}/[ \t]*(?P<agency>[^/\n]{{2,20}}?)[ \t]*/")
AGENCIES_DATELINE = re.compile(rf"^[ \t]*(?P<agency>{_alternation('agencies_word')})[ \t]*{DASH}[ \t]*(?P<place>{PLACE})[ \t]*:")
PLACE_AUTHOR = re.compile(rf"^[ \t]*(?P<place>{PLACE})[ \t]*{DASH}[ \t]*(?P<author>{NAME})[ \t]*{DASH}[ \t]*\S")
HEADER_LINE = re.compile(rf"^[ \t]*(?P<outlet>{AR_WORD}(?:[ \t]+(?:{AR_WORD}|\d+)){{0,2}})[ \t]*{DASH}[ \t]*(?P<place>{PLACE})[ \t]*$")
SOURCE_LINE = re.compile(rf"^[ \t]*(?:{_alternation('source_cue')})[ \t]*[:：][ \t]*(?P<outlet>[^\n]{{2,60}}?)[ \t.]*$", re.M)
COPYRIGHT = re.compile(rf"(?:{_alternation('copyright_cue')})[ \t]*(?:\d{{4}}[ \t]*)?(?P<outlet>[^\n©|]{{2,60}}?)[ \t.]*$", re.M)
DATE_LINE = re.compile(r"^[^\n]{0,30}\b\d{4}\b[^\n]{0,12}$")
TLD_LIKE = frozenset(_cues("second_level"))
URL_AUTHOR = re.compile(rf"/(?:{_alternation('url_author_dir')})s?/(?P<slug>[^/?#]+)", re.I)


# --- outlet from the URL ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _outlets_by_domain() -> dict[str, tuple[str, str]]:
    return {r["domain"].lower(): (r["name_ar"], r["name_en"]) for r in read_tsv("outlets.tsv")}


def _host(url: str) -> str:
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower().rstrip(".")
    except ValueError:   # not a URL (e.g. a feed guid with "[" in it, "Invalid IPv6 URL"): no host
        return ""
    return host[4:] if host.startswith("www.") else host


def domain_label(url: str) -> str | None:
    """The name part of a URL's domain: «https://news.gulf365.net/x» → «gulf365»."""
    labels = [lab for lab in _host(url).split(".") if lab]
    if len(labels) < 2:
        return labels[0] if labels else None
    labels = labels[:-1]                                 # the top-level domain
    if len(labels) > 1 and labels[-1] in TLD_LIKE:       # «co.uk», «com.sa»
        labels = labels[:-1]
    return labels[-1]


_MOBILE_LABELS = frozenset({"m", "amp", "mobile", "mail", "ar", "arabic"})


def site_name(url: str) -> str | None:
    """The site an unknown outlet publishes on, as its host name without a mobile, mail or language label
    («https://m.al-ahrar.net/x» → «al-ahrar.net», «https://cms.news.tn/x» → «cms.news.tn»): the name readers and
    annotators give such an outlet, and it keeps the domain's own name word («al-ahrar») inside it."""
    labels = [lab for lab in _host(url).split(".") if lab]
    while len(labels) > 2 and labels[0] in _MOBILE_LABELS:
        labels = labels[1:]
    return ".".join(labels) or None


def _squash(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _kb_media_outlet(label: str) -> tuple[str, str] | None:
    """A KB media actor whose English name or alias is the domain label («aljazeera» ~ «Al Jazeera»)."""
    return _kb_media_by_name().get(_squash(label))


@lru_cache(maxsize=1)
def _kb_media_by_name() -> dict[str, tuple[str, str]]:
    """(Arabic name, English name) of the KB media organisations by each English name and alias, squashed; the
    first actor in the KB's order holds a name two share. Built once: scanning every actor for each article
    whose domain is not in the outlet table was ~0.8 ms of a short article's ~17 (issue 16)."""
    actors = kb_actors()
    table: dict[str, tuple[str, str]] = {}
    if actors is None:
        return table
    for actor in actors.actors.values():
        if actor.sector != "media" or actor.type != "ORG":
            continue
        for name in (actor.name_en, *actor.aliases_en):
            if name:
                table.setdefault(_squash(name), (actor.name_ar, actor.name_en))
    return table


def outlet_from_url(url: str) -> tuple[str, str] | None:
    """(Arabic name, English name) of the outlet publishing at `url`, from the domain table or the KB."""
    host = _host(url)
    table = _outlets_by_domain()
    labels = host.split(".")
    for i in range(len(labels) - 1):                    # the most specific known domain wins
        hit = table.get(".".join(labels[i:]))
        if hit:
            return hit
    label = domain_label(url)
    return _kb_media_outlet(label) if label else None


def author_from_url(url: str) -> str | None:
    """«/author/amer-ali», or a path segment that is a person's name slug («/معاذ-إدريس/أخبار»): many
    Arabic news CMSs put the writer's name in the URL, and nowhere in the text."""
    path = unquote(unquote(url))
    m = URL_AUTHOR.search(path)
    if m:
        name = re.sub(r"[-_+]+", " ", m.group("slug")).strip()
        return name if re.fullmatch(NAME, name) else None
    from rasd.extract.entities import is_given_name
    for segment in reversed(path.split("?")[0].split("/")[3:]):
        words = [w for w in re.split(r"[-_+]+", segment) if w]
        if 2 <= len(words) <= 4 and all(_ARABIC_WORD.fullmatch(w) for w in words) and is_given_name(words[0]):
            return " ".join(words)
    return None


_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


# --- text furniture ---------------------------------------------------------------------------------------

@dataclass
class _Found:
    outlet: list[tuple[int, str, Span]]          # (priority: lower wins, name, evidence)
    author: list[tuple[int, str, Span]]
    dateline: list[tuple[str, Span]]
    agencies: list[str]
    evidence: list[Span]


def _span(doc: Document, m: re.Match[str], group: str | int, base: int) -> Span:
    return doc.span(base + m.start(group), base + m.end(group))


@lru_cache(maxsize=1)
def _agency_words() -> frozenset[str]:
    """The normalised «agencies_word» cues (read once: the file was read again at each question, ~1% of an
    article; issue 16)."""
    return frozenset(normalize_for_match(c) for c in _cues("agencies_word"))


def _is_agency_name(text: str) -> bool:
    """«رويترز», «أ ف ب» (short names count here: the caller found them in a byline or dateline slot)."""
    return (agency_at_start(text) is not None or any(a.start <= 2 for a in find_agencies(f"({text.strip()})"))
            or normalize_for_match(text).strip() in _agency_words())


def _lines(doc: Document) -> list[Span]:
    """Non-empty lines of the text: bylines and datelines are lines, whatever the paragraph segmenter joins."""
    out, start = [], 0
    for line in doc.text.split("\n"):
        if line.strip():
            out.append(doc.span(start, start + len(line)))
        start += len(line) + 1
    return out


def _head_and_tail(doc: Document) -> tuple[list[Span], list[Span]]:
    lines = _lines(doc)
    return lines[:6], lines[-3:]


def _scan_header(doc: Document, found: _Found) -> None:
    head, _tail = _head_and_tail(doc)
    byline = FROM_BYLINE.search(doc.text.rstrip())
    for k, para in enumerate(head):
        if byline and para.end > byline.start():
            break                                   # the closing byline of a short text is not a header
        text = para.text
        m = AGENCY_DATELINE.match(text)
        if m and _is_agency_name(m.group("agency")):
            found.dateline.append((m.group("place"), _span(doc, m, "place", para.start)))
            found.evidence.append(_span(doc, m, 0, para.start))
            continue
        m = SLASHED_DATELINE.match(text)
        if m and _is_agency_name(m.group("agency")):
            found.dateline.append((m.group("place"), _span(doc, m, "place", para.start)))
            found.agencies.append(m.group("agency"))    # «وام» alone is an agency only in this slot
            found.evidence.append(_span(doc, m, 0, para.start))
            continue
        m = AGENCIES_DATELINE.match(text)
        if m:
            found.dateline.append((m.group("place"), _span(doc, m, "place", para.start)))
            found.evidence.append(_span(doc, m, 0, para.start))
            continue
        m = PLACE_AUTHOR.match(text)
        if m and not _is_agency_name(m.group("author")):
            found.dateline.append((m.group("place"), _span(doc, m, "place", para.start)))
            found.author.append((2, m.group("author"), _span(doc, m, "author", para.start)))
            found.evidence.append(_span(doc, m, "author", para.start))
            continue
        m = HEADER_LINE.match(text)
        if m and k < 4 and not _is_agency_name(m.group("outlet")):
            found.outlet.append((3, m.group("outlet").strip(), _span(doc, m, "outlet", para.start)))
            found.dateline.append((m.group("place"), _span(doc, m, "place", para.start)))
            found.evidence.append(_span(doc, m, 0, para.start))
            continue
        if k + 1 < len(head) and k > 0 and re.fullmatch(NAME, text.strip()) and DATE_LINE.match(head[k + 1].text.strip()):
            # «عامر السيد علي» on its own line above «08 ديسمبر 2019»: a byline (the first line is the title)
            lead = len(text) - len(text.lstrip())
            found.author.append((3, text.strip(), doc.span(para.start + lead, para.start + lead + len(text.strip()))))
            found.evidence.append(found.author[-1][2])


def _scan_bylines(doc: Document, found: _Found) -> None:
    head, tail = _head_and_tail(doc)
    m: re.Match[str] | None
    for para in head + tail:
        for m in AUTHOR_CUE.finditer(para.text):
            found.author.append((1, m.group("author"), _span(doc, m, "author", para.start)))
            found.evidence.append(_span(doc, m, 0, para.start))
    # «من -\nروث مايكلسون- الجارديان»: the byline of a translated piece, at the very end
    end_from = tail[0].start if tail else 0
    tail_text = doc.text[end_from:].rstrip()
    m = FROM_BYLINE.search(tail_text)
    if m:
        found.author.append((1, m.group("author"), _span(doc, m, "author", end_from)))
        if not _is_agency_name(m.group("outlet")):
            found.outlet.append((2, m.group("outlet").strip(), _span(doc, m, "outlet", end_from)))
        found.evidence.append(_span(doc, m, 0, end_from))
    for m in SOURCE_LINE.finditer(tail_text):
        name = m.group("outlet").strip()
        if _is_agency_name(name):
            found.evidence.append(_span(doc, m, 0, end_from))
        else:
            found.outlet.append((5, name, _span(doc, m, "outlet", end_from)))
    for m in COPYRIGHT.finditer(tail_text):
        name = re.sub(r"^(?:ل|لـ)\s*", "", m.group("outlet").strip())
        found.outlet.append((4, name, _span(doc, m, "outlet", end_from)))


def _agencies(doc: Document) -> list[str]:
    names: list[str] = []
    for mention in find_agencies(doc.text):
        if mention.kind == "agency" and mention.name_en not in names:
            names.append(mention.name_en)
    return names



# stage contract (rasd.pipeline): the layers this stage reads and the ones it writes
NEEDS = ("text",)
ADDS = ("source",)

def run(doc: Document) -> None:
    article = doc.article
    found = _Found(outlet=[], author=[], dateline=[], agencies=[], evidence=[])
    _scan_header(doc, found)
    _scan_bylines(doc, found)
    src = doc.source
    src.agencies = _agencies(doc)
    for name in found.agencies:
        slot = agency_at_start(name) or next(iter(find_agencies(f"({name.strip()})")), None)
        if slot is not None and slot.name_en not in src.agencies:
            src.agencies.insert(0, slot.name_en)
    src.evidence = found.evidence

    known = outlet_from_url(article.url) if article.url else None
    if article.outlet:
        src.outlet = article.outlet
        src.outlet_en = known[1] if known else None
    elif known:
        src.outlet, src.outlet_en = known
    elif found.outlet:
        src.outlet = min(found.outlet, key=lambda f: (f[0], f[2].start))[1]
    elif article.url:
        src.outlet = src.outlet_en = site_name(article.url)

    if article.author:
        src.author = article.author
    elif found.author:
        src.author = min(found.author, key=lambda f: (f[0], f[2].start))[1].strip()
    elif article.url:
        src.author = author_from_url(article.url)
    if found.dateline:
        src.dateline = found.dateline[0][0].strip()

