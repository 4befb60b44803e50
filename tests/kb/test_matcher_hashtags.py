"""A name written as a hashtag («بعثة #الأمم_المتحدة في #العراق») is the name: «#» and «_» join its words as spaces
do; but a name never starts inside a hashtag («#إنسان_رايتس_ووتش», an outlet's tag, is no «رايتس ووتش»)."""
from __future__ import annotations

import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract

DAY = dt.date(2021, 1, 21)


def _doc(text: str):
    return extract(Article(id="t", text=text, published=DAY))


def test_a_hashtag_name_is_matched_across_its_marks():
    doc = _doc("إلى ذلك، استنكرت بعثة #الأمم_المتحدة في #العراق الهجوم ووصفته بأنه فعل دنيء.")
    assert [e.actor1.kb_id for e in doc.events if e.type == "ACCUSE" and e.actor1 is not None] == ["org.un.unami"]


def test_no_name_starts_inside_a_hashtag():
    doc = _doc("- حماة | ١٦ أيار ، ٢٠١٨ : #إنسان_رايتس_ووتش ::\n\nقضى خمسة مدنيين إثر قصف مدفعي على قرية المنصورة.")
    assert not any(e.kb_id == "org.ngo.hrw" for e in doc.entities)
