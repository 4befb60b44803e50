"""KB rows (orgs_armed_groups.tsv «East and Central Africa, Asia», orgs_parties.tsv): groups fresh news names that
the KB lacked — a name with a number in it («حركة 23 مارس», «حركة 6 أبريل») the tagger does not find alone."""

from rasd.document import Article
from rasd.pipeline import extract


def _actor1(text: str, kind: str):
    doc = extract(Article(id="t", text=text, published="2024-02-10"))
    event = next(e for e in doc.events if e.type == kind)
    return event.actor1


def test_m23_rebels_attacking_a_town():
    actor = _actor1("هاجم متمردو حركة 23 مارس بلدة ساكي في إقليم شمال كيفو أمس الجمعة.", "ASSAULT")
    assert actor is not None and actor.kb_id == "org.m23"


def test_april_6_movement_organising_a_march():
    actor = _actor1("ونظمت حركة 6 أبريل مسيرة في ميدان التحرير بالقاهرة أمس للمطالبة بالإفراج عن المعتقلين.",
                    "PROTEST")
    assert actor is not None and actor.kb_id == "org.eg.april6"


def test_fano_militia_attacking_a_town():
    actor = _actor1("هاجمت ميليشيا فانو مدينة بحر دار في إقليم أمهرة الإثيوبي أمس واشتبكت مع قوات الجيش.",
                    "ASSAULT")
    assert actor is not None and actor.kb_id == "org.fano"
