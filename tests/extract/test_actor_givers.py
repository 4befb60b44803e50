"""Aid «مقدمة من» a body is that body's: the giver after a participle of giving and «من» is the aid's actor, not the
official who announces its arrival (event_words.tsv giver_marker)."""

from rasd.document import Article
from rasd.pipeline import extract


def test_aid_given_by_a_programme_is_the_programmes():
    text = ("أعلن المدير العام لوزارة الرعاية الاجتماعية عبد الباقي محمد حامد عن وصول 17 شاحنة مساعدات غذائية "
            "مقدمة من برنامج الغذاء العالمي عبر معبر الطينة أمس إلى محلية مليط.")
    aid = next(e for e in extract(Article(id="t", text=text, published="2024-03-01")).events if e.type == "AID")
    assert aid.actor1 is not None and aid.actor1.kb_id == "org.un.wfp"
