"""A headline's event takes the date its lead tells it with (events.choose_date, `_lead_date`): the headline
has no date of its own, the sentences after it do (issue 13: an undated headline read with the publication
day's window joined the previous day's event)."""
import datetime as dt

from rasd.document import Article
from rasd.pipeline import extract

TUESDAY = dt.date(2024, 3, 5)


def _assaults(text: str, published: dt.date | None = TUESDAY):
    doc = extract(Article(id="t", text=text, published=published))
    return [e for e in doc.events if e.type == "ASSAULT"]


def test_the_headline_event_takes_its_leads_yesterday():
    events = _assaults("إطلاق قذائف على قاعدة عين الأسد\n"
                       "سقطت قذائف عدة أمس على قاعدة عين الأسد غرب العراق، بحسب مصادر أمنية.\n"
                       "ولم تعلن أي جهة مسؤوليتها.")
    assert [(e.date, e.date_source) for e in events] == [("2024-03-04", "narrative")]


def test_a_first_sentence_closed_by_a_full_stop_is_no_headline():
    events = _assaults("قصفت طائرات حربية بلدة كفرنبل.\n"
                       "وقتل أمس ثلاثة مدنيين في مدينة سراقب.")
    first = next(e for e in events if "كفرنبل" in e.evidence.text)
    assert (first.date, first.date_source) == ("2024-03-05", "publication")


def test_an_undated_lead_under_a_headline_takes_the_day_the_next_sentences_give():
    # the lead tells the news without its day; the source quoted after it gives the day (events._dates_of_undated_leads)
    doc = extract(Article(id="t", published=TUESDAY, text=(
        "مقتل قيادي في حركة الشباب بغارة أمريكية\n"
        "قُتل قيادي بارز في حركة الشباب بضربة لطائرة أمريكية مسيرة في إقليم شبيلي السفلى جنوب الصومال.\n"
        "وقال مسؤول محلي إن الطائرة استهدفت سيارة القيادي مساء أمس الاثنين قرب بلدة جلب.\n"
        "ولم تعلق القيادة الأمريكية في أفريقيا على الضربة.")))
    lead = [e for e in doc.events if e.type == "ASSAULT" and doc.sentence_at(e.trigger.start) == 1]
    assert [(e.date, e.date_source) for e in lead] == [("2024-03-04", "narrative")]
