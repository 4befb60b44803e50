"""A one-word event actor runs on over its genitive or its «من» group, and no further (actor_extent)."""
from __future__ import annotations

from importlib import resources

from rasd.document import Article
from rasd.pipeline import extract
from rasd.text.normalize import normalize_for_match


def _actor1(text: str) -> str | None:
    doc = extract(Article(id="t", text=text))
    actors = [e.actor1.text for e in doc.events if e.actor1 is not None]
    return actors[0] if actors else None


def test_noun_in_construct_keeps_its_genitive():
    assert _actor1("اعتقلت شرطة العريش خمسة أشخاص أمس.") == "شرطة العريش"
    assert _actor1("قصفت حكومة المقاطعة قرية في الشمال وقتلت عشرة مدنيين.") == "حكومة المقاطعة"


def test_definite_head_and_sound_plural_do_not_take_the_object():
    assert _actor1("وخطف مجهولون المهندس في بغداد أمس.") == "مجهولون"
    assert _actor1("اعتقل الجنود الشبان في القرية أمس.") == "الجنود"


def test_partitive_head_keeps_the_group_it_is_from():
    assert _actor1("وأطلق جنود من الجيش النار على المتظاهرين فقتلوا اثنين.") == "جنود من الجيش"
    assert _actor1("اقتحم مسلحون من القبيلة القرية وقتلوا خمسة أشخاص.") == "مسلحون من القبيلة"


def test_time_word_is_no_genitive():
    assert _actor1("اعتقلت شرطة الخميس خمسة أشخاص في العريش.") == "شرطة"


def test_name_takes_no_genitive():
    assert _actor1("قصفت إسرائيل المستشفى في غزة وقتلت خمسة مدنيين.") == "إسرائيل"


def test_lexicon_rows():
    text = resources.files("rasd.extract").joinpath("data/actor_extent.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows[0] == ["word", "role"]
    words = [w for w, _ in rows[1:]]
    assert len(words) == len(set(words))
    for word, role in rows[1:]:
        assert role in {"partitive", "stop"}
        assert word == normalize_for_match(word) and " " not in word
        assert word.startswith("ال") == (role == "stop")
