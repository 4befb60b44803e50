"""The Document model: one article, its original text, and the layers the stages add.

Every extracted object points into the ORIGINAL text with character offsets (`Span`), as in spaCy's
`Doc`. Stages read earlier layers and append to their own; the text itself never changes.
"""
from __future__ import annotations

import ctypes
import datetime as dt
import sys
from functools import cached_property
from typing import Annotated, Any, Literal, TypeVar

from bisect import bisect_left, bisect_right

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, PrivateAttr, WithJsonSchema

from rasd.document_token import Token

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "FAC"]
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
PLOVER_TYPES: tuple[str, ...] = PloverType.__args__  # type: ignore[attr-defined]


# Attribute reads (issue 16). pydantic's BaseModel defines `__getattr__` (for private attributes and extra
# fields), and CPython never specialises an attribute read on a type whose attribute hook is not the generic one:
# every `token.start` of every model took the slow, unspecialised path (`slot_tp_getattr_hook`, then the MRO,
# then the instance dict), ~12% of an article's CPU by `perf`. For a model with no private attributes and no
# extra fields, pydantic's `__getattr__` is only reached to raise AttributeError, so the generic hook answers
# every read the same; `_read_attributes_plainly` gives such a model's type that hook (the C slot itself: no
# Python-level way removes an inherited `__getattr__` from one class). Only on CPython, and only when the slot is
# where a probe class shows it; otherwise nothing changes. Founding copies +7-10% per CPU second
# (bench/ab_interleaved.py against the code without it).
_GETATTRO_OFFSET = 18 * ctypes.sizeof(ctypes.c_void_p)     # PyTypeObject.tp_getattro
_GENERIC_GETATTR = ctypes.cast(ctypes.pythonapi.PyObject_GenericGetAttr, ctypes.c_void_p).value \
    if sys.implementation.name == "cpython" else None


def _getattro(cls: type) -> ctypes.c_void_p:
    return ctypes.c_void_p.from_address(id(cls) + _GETATTRO_OFFSET)


def _slot_is_where_expected() -> bool:
    class Plain:
        pass

    class Hooked:
        def __getattr__(self, name: str) -> Any:
            raise AttributeError(name)
    return _GENERIC_GETATTR is not None and _getattro(Plain).value == _GENERIC_GETATTR \
        and _getattro(Hooked).value != _GENERIC_GETATTR


_PLAIN_READS_POSSIBLE = _slot_is_where_expected()


def _read_attributes_plainly(cls: type[BaseModel]) -> None:
    """Give `cls` the generic attribute hook when pydantic's `__getattr__` can only raise for it."""
    if _PLAIN_READS_POSSIBLE and not cls.__private_attributes__ and cls.model_config.get("extra") != "allow" \
            and cls.__getattr__ is BaseModel.__getattr__:   # type: ignore[attr-defined]
        _getattro(cls).value = _GENERIC_GETATTR


def reads_attributes_plainly(cls: type) -> bool:
    """Whether attribute reads on `cls` take CPython's generic (specialisable) path."""
    return _GENERIC_GETATTR is not None and _getattro(cls).value == _GENERIC_GETATTR


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        _read_attributes_plainly(cls)


_M = TypeVar("_M", bound=BaseModel)


def shallow_copy(model: _M) -> _M:
    """`model.model_copy()` for a model with no private attributes and no extra fields (every `_Model` but
    Document): the same new object (its `__dict__` and fields-set copied, no extra, no private), without
    pydantic's general path (`model_copy` -> `__copy__` -> `copy.copy` per part, `hasattr`). ~350 copies an
    article, of the actors per trigger and the entities before places (issue 16). A test checks that the
    result equals `model_copy()`'s, part by part."""
    cls = type(model)
    if cls.__private_attributes__ or model.__pydantic_extra__ is not None:
        return model.model_copy()
    m = cls.__new__(cls)
    object.__setattr__(m, "__dict__", model.__dict__.copy())
    object.__setattr__(m, "__pydantic_extra__", None)
    object.__setattr__(m, "__pydantic_fields_set__", set(model.__pydantic_fields_set__))
    object.__setattr__(m, "__pydantic_private__", None)
    return m


def assembled(cls: type[_M], values: dict[str, object], fields_set: set[str]) -> _M:
    """`cls(**values)` for values that are already what validation would keep (the caller checks their types),
    without pydantic's validation: set field by field in the order given — the class's field order, so that
    CPython keeps the values in the object with keys shared by every instance, as `_new_span` and
    `rasd.text.tokens._new_token` do. For the models made per mention on the hot paths (actors, place entities,
    event places; issue 16); tests/extract/test_event_actors_fast.py checks each equals the validated model."""
    m = cls.__new__(cls)
    for name, value in values.items():
        object.__setattr__(m, name, value)
    object.__setattr__(m, "__pydantic_fields_set__", fields_set)
    object.__setattr__(m, "__pydantic_extra__", None)
    object.__setattr__(m, "__pydantic_private__", None)
    return m


def str_or_none(value: object) -> bool:
    """A value a `str | None` field keeps as it is."""
    return value is None or type(value) is str


class Article(_Model):
    """One input article, as read from JSONL, text, HTML or a feed."""
    id: str
    text: str
    published: dt.date | None = None
    lang: str | None = "ar"
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    title: str | None = None


class Span(_Model):
    """Character offsets [start, end) into the original article text."""
    start: int
    end: int
    text: str


# one fields-set shared by the spans `_new_span` makes (it holds every field, so pydantic's `fields_set.add`
# on an assignment never changes it), as tokens share theirs (rasd.text.tokens._new_token)
_SPAN_FIELDS = set(Span.model_fields)


def _new_span(start: int, end: int, text: str) -> Span:
    """Span(start=start, end=end, text=text) for an int pair and a str, without pydantic's validation, which
    would take them as they are: `Document.span` makes ~500 spans an article (issue 16). A test checks that
    the result equals the validated Span."""
    span = Span.__new__(Span)
    # field by field, in the fields' order, not by assigning a `__dict__`: CPython keeps the values in the
    # object, with keys shared by every span (no dict per span; as rasd.text.tokens._new_token)
    object.__setattr__(span, "start", start)
    object.__setattr__(span, "end", end)
    object.__setattr__(span, "text", text)
    object.__setattr__(span, "__pydantic_fields_set__", _SPAN_FIELDS)
    object.__setattr__(span, "__pydantic_extra__", None)
    object.__setattr__(span, "__pydantic_private__", None)
    return span


# `Token` is a plain class compiled by mypyc (rasd/document_token.py: its fields are read ~160,000 times an
# article, issue 16); pydantic validates a Document's tokens as Tokens (or dicts of their fields) and dumps
# them as dicts of their fields
def _serialized_token(token: Token) -> dict[str, Any]:
    return token.model_dump()


_TokenField = Annotated[Token, PlainValidator(Token.model_validate), PlainSerializer(_serialized_token),
                        WithJsonSchema({"type": "object", "title": "Token"})]


class Sentence(_Model):
    start: int
    end: int
    text: str
    paragraph: int = 0
    furniture: str | None = None   # e.g. "read_also", "caption", "byline", "share": page furniture, not news


class NumberMention(_Model):
    """A number read from digits or words. `approximate` marks vague quantities such as «عشرات»."""
    span: Span
    value: float
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    kind: Literal["digits", "words", "dual", "singular", "vague"] = "digits"
    qualifier: str | None = None   # about | at_least | more_than | at_most | less_than | range
    unit: str | None = None        # "year", "percent", or the counted noun of a dual/singular («شخص»)
    is_year: bool = False          # «عام 2011», «ديسمبر 2024», «1445 هـ»: not a count
    is_percent: bool = False       # «20%», «20 في المئة»: not a count


class Entity(_Model):
    span: Span
    type: EntityType
    text: str
    name_en: str | None = None
    kb_id: str | None = None
    canonical: str | None = None   # canonical Arabic name of the identity
    sector: str | None = None
    country: str | None = None     # ISO 3166-1 alpha-2
    role: str | None = None
    cluster: int | None = None     # in-document coreference identity
    source: str = "kb"             # kb | ner | pattern | title | agent | nisba
    candidates: list[str] = Field(default_factory=list, exclude=True)   # gazetteer ids, best first (places)
    confidence: float = 1.0


class Place(_Model):
    span: Span
    text: str
    name_en: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None     # country | admin1 | admin2 | city | village | region | ...
    gazetteer_id: str | None = None
    qualifier: str | None = None   # e.g. "south" for «ريف إدلب الجنوبي»
    reason: str | None = None      # why unresolved, or how resolved
    confidence: float = 1.0
    # a direction part of a province («ريف حماة الشمالي»): the point of the whole province or countryside, which
    # event merging compares distances with (not exported)
    within: tuple[float, float] | None = Field(default=None, exclude=True)


class DateMention(_Model):
    span: Span
    value: str                     # YYYY-MM-DD | YYYY-MM | YYYY
    precision: Literal["day", "week", "month", "year"] = "day"
    relative: bool = False
    confidence: float = 1.0
    default: bool = False          # not in the text: the publication date, for want of a date (date_for_span)


class Actor(_Model):
    text: str
    name_en: str | None = None
    kb_id: str | None = None
    canonical: str | None = None   # canonical Arabic name of the identity, when an entity or the KB gives it
    sector: str | None = None
    country: str | None = None
    span: Span | None = None
    # the analysts' actor (stage actor_codes, ACLED conventions): name, actor type 1-8, associated actors,
    # and a canonical id that is one per concept and country («ضابطي»/«ضابطين» one id; Egyptian and Iraqi
    # police two)
    acled_name: str | None = None
    inter: int | None = None
    assoc: list[str] = Field(default_factory=list)
    actor_id: str | None = None


class EventPlace(_Model):
    text: str
    name_en: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None
    span: Span | None = None
    within: tuple[float, float] | None = Field(default=None, exclude=True)   # as Place.within (not exported)


class Event(_Model):
    type: PloverType
    mode: str | None = None
    acled_type: str | None = None
    acled_subtype: str | None = None
    trigger: Span
    evidence: Span
    actor1: Actor | None = None
    actor2: Actor | None = None
    place: EventPlace | None = None
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None      # text (an expression near the trigger) | narrative | publication | article (no publication date: the text's first full date) | recent («مؤخرا»: the day before publication)
    fatalities: int | None = None
    injuries: int | None = None
    casualties_approximate: bool = False
    modality: str = "asserted"     # asserted | claimed | negated | hypothetical | historical
    reported_by: list[str] = Field(default_factory=list)
    confidence: float = 1.0


class Quote(_Model):
    text: str
    span: Span
    kind: Literal["direct", "indirect"] = "direct"
    speaker: Actor | None = None
    channel: Actor | None = None   # «نقلت X عن Y»: X is the channel, Y the speaker
    unclosed: bool = False
    reported_by: list[str] = Field(default_factory=list)
    confidence: float = 1.0


class QuoteMark(_Model):
    """A pair of quotation marks: offsets of the opening and closing mark (the paragraph end when unclosed)."""
    open: int
    close: int
    unclosed: bool = False
    name: bool = False             # the marks set off a name («مجموعة "محامو الطوارئ"»), not words someone said
    speech: bool = True            # words someone said: a quote (not empty, not a name)

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


class Attribution(_Model):
    """Who says what: a speech verb that frames content, its speaker and the content it covers."""
    cue: Span                       # the speech verb
    content_start: int              # where what was said begins (after the complementizer, or at the quote)
    content_end: int | None = None  # end of reported content opened by a complementizer (indirect speech)
    speaker: Actor | None = None
    channel: Actor | None = None    # «نقلت X عن Y», «قال لرويترز»: the medium, not the speaker
    gender: Literal["m", "f", "pl", "du"] = "m"
    sentence: int = 0
    explicit: bool = True           # the speaker is named here, not carried over from an earlier sentence
    confidence: float = 1.0


class Citation(_Model):
    """A source a sentence cites: an agency or monitor it names, or «بحسب/وفق X»."""
    span: Span
    name: str                       # as written to `reported_by` (an agency's English short name, or X)
    kind: Literal["agency", "according"]
    sentence: int = 0
    actor: Actor | None = None      # «بحسب X»: X as an actor


class Attributions(_Model):
    """The `attribution` layer, computed once per document, read by events (`reported_by`) and quotes."""
    items: list[Attribution] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    marks: list[QuoteMark] = Field(default_factory=list)


class Source(_Model):
    outlet: str | None = None
    outlet_en: str | None = None
    author: str | None = None
    author_en: str | None = None
    agencies: list[str] = Field(default_factory=list)
    dateline: str | None = None
    evidence: list[Span] = Field(default_factory=list)


class Relation(_Model):
    type: str                      # supports | opposes | allied_with | member_of | leads | met_with
    source: Actor
    target: Actor
    evidence: Span
    date: str | None = None
    confidence: float = 1.0


class Document(_Model):
    """An article and every layer extracted from it, all in offsets of `article.text`."""
    article: Article
    paragraphs: list[Span] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    tokens: list[_TokenField] = Field(default_factory=list)
    numbers: list[NumberMention] = Field(default_factory=list)
    source: Source = Field(default_factory=Source)
    entities: list[Entity] = Field(default_factory=list)
    agents: list[Entity] = Field(default_factory=list)   # generic actors: «مسلحون», «قوات الأمن», «الجيش السوري»
    places: list[Place] = Field(default_factory=list)
    unresolved_places: list[Place] = Field(default_factory=list)   # kept with lat/lon null and the reason
    dates: list[DateMention] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    non_events: list[dict[str, Any]] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)            # direct quotes only
    reported_speech: list[Quote] = Field(default_factory=list)   # indirect speech («قال إن ...»), kind="indirect"
    attributions: Attributions | None = None                     # who says what (stage `attribution`); not exported
    relations: list[Relation] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    _token_starts: list[int] | None = PrivateAttr(default=None)
    _sentence_starts: tuple[list[Sentence], list[int]] | None = PrivateAttr(default=None)   # (`sentence_at`)
    # `token_range`'s answers, per (start, end), for the token list they were read from (issue 16)
    _token_ranges: tuple[list[Token], int, dict[tuple[int, int], tuple[int, int] | None]] | None = \
        PrivateAttr(default=None)
    # readings of names the entities stage held back because a gazetteer-only place claimed the words first;
    # the places stage gives them the words when it drops that place (`entities.restore_withheld`)
    _withheld: list[Entity] = PrivateAttr(default_factory=list)

    # (_PRIVATE_READ: the private attributes are read from `__pydantic_private__` by a plain annotated
    # assignment, not `typing.cast(dict[str, Any], ...)`, which is a call and a new `dict[str, Any]` alias
    # each time: ~75 ns of each of the ~2,000 `token_range` questions an article; issue 16)

    @cached_property
    def text(self) -> str:
        # (kept in the instance once read: the stages read it ~7,500 times an article, and a property is a
        # call each time; issue 16. The article is given at construction and never replaced)
        return self.article.text

    def _starts(self) -> list[int]:
        """Token start offsets, built once per token list. Read through `__pydantic_private__` itself: a
        private attribute read as `self._x` goes through pydantic's `__getattr__`, several times slower."""
        private: dict[str, Any] = self.__pydantic_private__   # type: ignore[assignment]   # (_PRIVATE_READ)
        starts = private["_token_starts"]
        if starts is None or len(starts) != len(self.tokens):
            starts = private["_token_starts"] = [t.start for t in self.tokens]
        return starts

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Indices (first, last) of the tokens overlapping [start, end), or None; by bisection, each span's
        answer kept while the token list is the same (the stages ask ~1,500 times an article, most of them
        of the same few hundred spans: issue 16)."""
        tokens = self.tokens
        private: dict[str, Any] = self.__pydantic_private__   # type: ignore[assignment]   # (_PRIVATE_READ)
        memo = private["_token_ranges"]
        if memo is None or memo[0] is not tokens or memo[1] != len(tokens):
            memo = private["_token_ranges"] = (tokens, len(tokens), {})
        ranges = memo[2]
        key = (start, end)
        if key in ranges:
            return ranges[key]
        answer = ranges[key] = self._token_range(start, end)
        return answer

    def _token_range(self, start: int, end: int) -> tuple[int, int] | None:
        tokens = self.tokens
        starts = self.__pydantic_private__["_token_starts"]   # type: ignore[index]   # (`_starts`, inlined)
        if starts is None or len(starts) != len(tokens):
            starts = self._starts()
        first = bisect_right(starts, start) - 1
        if first < 0:
            first = 0
        n = len(tokens)
        if first < n and tokens[first].end <= start:
            first += 1
        last = bisect_left(starts, end) - 1
        if first >= n or last < first:
            return None
        return first, last

    def tokens_starting_in(self, start: int, end: int) -> list[Token]:
        """Tokens that start in [start, end), by bisection."""
        starts = self._starts()
        return self.tokens[bisect_left(starts, start):bisect_left(starts, end)]

    def span(self, start: int, end: int) -> Span:
        if type(start) is int and type(end) is int:
            return _new_span(start, end, self.article.text[start:end])
        return Span(start=start, end=end, text=self.article.text[start:end])

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing `offset` (or the last one before it)."""
        # (bisection over the sentences' starts, kept while the sentence list is the same: the same answer as
        # a binary search over the sentences, which are in text order; asked ~1,000 times an article, issue 16)
        sentences = self.sentences
        private: dict[str, Any] = self.__pydantic_private__   # type: ignore[assignment]   # (_PRIVATE_READ)
        kept = private["_sentence_starts"]
        if kept is None or kept[0] is not sentences or len(kept[1]) != len(sentences):
            kept = private["_sentence_starts"] = (sentences, [s.start for s in sentences])
        return max(bisect_right(kept[1], offset) - 1, 0)

    def to_record(self) -> dict[str, Any]:
        """One JSON-ready object: a superset of the evaluation contract (shared/eval/README.md)."""
        return Record.from_document(self).model_dump(mode="json", exclude_none=False)


class RecordSource(_Model):
    outlet: str | None = None
    outlet_en: str | None = None
    author: str | None = None
    author_en: str | None = None
    agencies: list[str] = Field(default_factory=list)


class Record(_Model):
    """The output record of one article, as written to JSONL and stored."""
    id: str
    published: dt.date | None = None
    url: str | None = None
    source: RecordSource
    entities: list[Entity]
    agents: list[Entity] = Field(default_factory=list)
    places: list[Place]
    unresolved_places: list[Place] = Field(default_factory=list)
    events: list[Event]
    non_events: list[dict[str, Any]]
    quotes: list[Quote]
    reported_speech: list[Quote] = Field(default_factory=list)
    relations: list[Relation]
    dates: list[DateMention]
    warnings: list[str] = Field(default_factory=list)

    @classmethod
    def from_document(cls, doc: Document) -> "Record":
        a, s = doc.article, doc.source
        return cls(
            id=a.id, published=a.published, url=a.url,
            source=RecordSource(outlet=s.outlet, outlet_en=s.outlet_en, author=s.author,
                                author_en=s.author_en, agencies=s.agencies),
            entities=doc.entities, agents=doc.agents, places=doc.places, unresolved_places=doc.unresolved_places, events=doc.events, non_events=doc.non_events,
            quotes=doc.quotes, reported_speech=doc.reported_speech, relations=doc.relations, dates=doc.dates, warnings=doc.warnings,
        )
