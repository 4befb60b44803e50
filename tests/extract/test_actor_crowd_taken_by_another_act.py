"""A crowd named right after a noun of arresting, attacking or killing («بعد اعتقال ناشطين», «إثر مقتل متظاهر») is
whom that act took, not who protests (event_words.tsv death_noun, arrest_noun, act_of_force)."""

from rasd.document import Article
from rasd.pipeline import extract


def _protest(text: str):
    return next(e for e in extract(Article(id="t", text=text, published="2024-03-01")).events if e.type == "PROTEST")


def test_activists_arrested_are_not_who_protest():
    protest = _protest("احتجاجات في الناصرية جنوب العراق بعد اعتقال ناشطين")
    assert protest.actor1 is not None and protest.actor1.name_en == "protesters"
    assert "ناشط" not in protest.actor1.text
