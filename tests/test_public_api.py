"""`rasd.extract()` is the library's front door: text, a dict or an Article in, a Document out."""
import datetime as dt

import rasd
from rasd.document import Article


def test_extract_from_text_with_a_publication_date():
    doc = rasd.extract("قُتل خمسة مدنيين وأصيب 30 آخرون جراء غارات روسية على إدلب مساء الأحد.", published="2024-12-02")
    (event,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert (event.fatalities, event.injuries, event.date) == (5, 30, "2024-12-01")


def test_extract_from_a_dict_and_an_article_agree():
    fields = {"id": "a1", "text": "التقى وزير الخارجية التركي حقان فيدان نظيره الإيراني في أنقرة.",
              "published": "2024-12-02"}
    from_dict = rasd.extract(fields).to_record()
    from_article = rasd.extract(Article(id="a1", text=fields["text"], published=dt.date(2024, 12, 2))).to_record()
    assert from_dict == from_article and from_dict["id"] == "a1"
