"""Field checks and normalisation every reader applies, the streaming JSONL line reader, terminal-safe text."""
import io

import pytest

from rasd.document import Article
from rasd.errors import RasdInputError, terminal_safe
from rasd.ingest.jsonl import _lines, article_from_json
from rasd.ingest.validate import MAX_ID_CHARS, MAX_NAME_CHARS, check_article, normalise_fields

TEXT = "قتل خمسة مدنيين في غارة جوية على مدينة إدلب."


def test_nul_is_removed_from_every_field_and_the_article_kept():
    article = Article(id="a\x00b", text=TEXT.replace(" ", "\x00 ", 2), outlet="\x00عنب", author="م\x00",
                      title="t\x00", url="https://x/\x00")
    clean = normalise_fields(article, "f", 1)
    assert (clean.id, clean.outlet, clean.author, clean.title, clean.url) == ("ab", "عنب", "م", "t", "https://x/")
    assert "\x00" not in clean.text and clean.text.replace(" ", "") == TEXT.replace(" ", "")


@pytest.mark.parametrize("field", ["id", "text", "outlet", "author", "title", "url"])
def test_a_lone_surrogate_in_any_field_is_refused_naming_it(field):
    values = {"id": "a", "text": TEXT, field: ("a" if field == "id" else TEXT) + "\udc80"}
    with pytest.raises(RasdInputError) as error:
        check_article(Article(**values), "in.jsonl", 7)
    assert str(error.value).startswith("in.jsonl:7: ") and f"field {field!r} has a lone surrogate" in str(error.value)
    assert "\\udc80" in str(error.value)


@pytest.mark.parametrize("field, limit", [("id", MAX_ID_CHARS), ("outlet", MAX_NAME_CHARS),
                                          ("author", MAX_NAME_CHARS)])
def test_length_limits_refuse_one_over_and_keep_the_limit(field, limit):
    at_limit = {"id": "a", "text": TEXT, field: "x" * limit}
    assert getattr(check_article(Article(**at_limit), None, None), field) == "x" * limit
    with pytest.raises(RasdInputError, match=f"field '{field}' is {limit + 1} characters, over the limit"):
        check_article(Article(**{**at_limit, field: "x" * (limit + 1)}), None, None)


def test_an_id_of_nul_only_is_refused():
    with pytest.raises(RasdInputError, match="'id' is empty"):
        check_article(Article(id="\x00", text=TEXT), None, None)


def test_ids_may_be_integers_but_not_lists_or_booleans():
    assert article_from_json({"id": 12, "text": TEXT}, None, 1).id == "12"
    for bad in ([1], {"a": 1}, True):
        with pytest.raises(RasdInputError, match="'id' must be a string or an integer"):
            article_from_json({"id": bad, "text": TEXT}, None, 1)


def test_line_reader_skips_an_over_long_line_in_bounded_reads():
    data = b"short\n" + b"x" * 100 + b"\nnext\nlast-without-newline"
    lines = list(_lines(io.BytesIO(data), limit=10))
    assert lines == [(1, b"short\n", 6), (2, None, 101), (3, b"next\n", 5), (4, None, 20)]


def test_terminal_safe_escapes_controls_ansi_and_bidi_overrides_but_keeps_arabic():
    assert terminal_safe("a\nb\r\x1b[31mc\u202ed\u2066") == "a\\x0ab\\x0d\\x1b[31mc\\u202ed\\u2066"
    assert terminal_safe("قال \u200fالمتحدث") == "قال \u200fالمتحدث"
    assert str(RasdInputError("f\nrasd: x", 3, "bad\x1b")) == "f\\x0arasd: x:3: bad\\x1b"
