"""Document helpers: the spans `Document.span` makes without validation are the validated spans."""
from __future__ import annotations

from rasd.document import Actor, Article, Document, Entity, Span, shallow_copy


def test_document_spans_equal_validated_spans():
    doc = Document(article=Article(id="t", text="وقال ضابط بالجيش السوري لرويترز إن ثلاثة قتلوا."))
    for start, end in ((0, 4), (5, 9), (10, 16), (0, 0), (17, 49)):
        span = doc.span(start, end)
        again = Span.model_validate(span.model_dump())
        assert again == span and again.model_dump() == span.model_dump()
        assert span.model_dump_json() == Span(start=start, end=end, text=doc.text[start:end]).model_dump_json()
    span = doc.span(5, 9)
    span.end = 16                      # later stages may move a span's end
    assert span.model_dump() == {"start": 5, "end": 16, "text": "ضابط"}
    assert doc.span(0, 4).model_fields_set == {"start", "end", "text"}


def test_a_span_of_other_number_types_is_still_validated():
    doc = Document(article=Article(id="t", text="قال الوزير"))
    span = doc.span(True, 3)            # (a bool is an int to slicing, but not `type(x) is int`)
    assert span.model_dump() == {"start": 1, "end": 3, "text": doc.text[1:3]}
    assert type(span.start) is int


def test_models_without_private_attributes_read_attributes_by_the_generic_path():
    # (issue 16: pydantic's `__getattr__` kept CPython from specialising every attribute read of every model)
    from rasd.document import Entity, Token, _Model, reads_attributes_plainly
    assert reads_attributes_plainly(Span) and reads_attributes_plainly(Token) and reads_attributes_plainly(Entity)
    assert not reads_attributes_plainly(Document)          # (its private attributes need pydantic's hook)

    class Later(_Model):                                    # a model defined elsewhere gets the same
        name: str
    assert reads_attributes_plainly(Later)


def test_plain_attribute_reads_answer_as_pydantic_did():
    doc = Document(article=Article(id="t", text="قال الوزير في دمشق"))
    span = doc.span(0, 3)
    assert (span.start, span.end, span.text) == (0, 3, "قال")
    assert getattr(span, "missing", "none") == "none" and not hasattr(span, "missing")
    try:
        span.missing  # noqa: B018
    except AttributeError as exc:
        assert "missing" in str(exc)
    else:
        raise AssertionError("a missing attribute must raise AttributeError")
    assert Span.model_fields["start"].annotation is int and span.model_copy(update={"end": 4}).end == 4
    doc.__pydantic_private__["_withheld"] = [span]
    assert doc._withheld == [span]                          # a private attribute is still read by pydantic


def _parts(model) -> tuple:
    return (type(model), model.__dict__, model.__pydantic_fields_set__, model.__pydantic_extra__,
            model.__pydantic_private__)


def test_a_shallow_copy_is_what_model_copy_gives():
    actor = Actor(text="الجيش", name_en="army", assoc=["x"], span=Span(start=0, end=5, text="الجيش"))
    entity = Entity(type="ORG", span=Span(start=0, end=5, text="الجيش"), text="الجيش")
    for model in (actor, entity):
        copy, reference = shallow_copy(model), model.model_copy()
        assert copy is not model and _parts(copy) == _parts(reference) and copy == reference
        assert copy.__dict__ is not model.__dict__ and copy.__pydantic_fields_set__ is not model.__pydantic_fields_set__
        assert all(copy.__dict__[k] is v for k, v in model.__dict__.items())      # shallow: the same values
    copy = shallow_copy(actor)
    copy.name_en = "police"
    assert actor.name_en == "army"
    doc = Document(article=Article(id="d", text="نص"))       # a model with private attributes: pydantic's own copy
    assert shallow_copy(doc).__pydantic_private__ == doc.model_copy().__pydantic_private__


def test_tokens_are_a_compiled_class_that_keeps_the_models_api():
    # (issue 16: a token's fields are read ~160,000 times an article; compiled callers read a compiled class's
    # fields from its C struct, not by the generic attribute lookup a pydantic model takes)
    from rasd._native import running_compiled
    from rasd.document import Token
    tok = Token(start=4, end=9, text="بالجيش", norm="بالجيش", stem="جيش", stem_start=6, stem_end=9)
    assert (tok.prefixes, tok.suffix, tok.sentence) == ([], "", 0)        # the model's defaults
    assert Token.model_validate(tok.model_dump()) == tok and tok.model_dump()["stem"] == "جيش"
    assert tok != Token(4, 9, "بالجيش", "بالجيش", "جيش", 6, 9, ["ب", "ال"])
    assert repr(tok).startswith("Token(start=4, end=9, text='بالجيش'")
    doc = Document.model_validate({"article": {"id": "t", "text": "قال بالجيش"}, "tokens": [tok.model_dump()]})
    assert doc.tokens == [tok] and doc.model_dump()["tokens"] == [tok.model_dump()]
    if running_compiled():
        assert not hasattr(tok, "__dict__")                                # a C struct, not a model's dict
