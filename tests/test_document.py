"""Document helpers: the spans `Document.span` makes without validation are the validated spans."""
from __future__ import annotations

from rasd.document import Article, Document, Span


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
