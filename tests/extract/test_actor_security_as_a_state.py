"""«الأمن» after a word of keeping, breaching or establishing it («المخلين بالأمن», «زعزعة الأمن») is security
itself, never the security forces acting (event_words.tsv security_state)."""

from rasd.document import Article
from rasd.pipeline import extract


def test_those_breaching_security_name_no_security_forces():
    text = ("في سياق الملاحقة المستمرة للمطلوبين والمخلين بالأمن، نفّذت وحدات من الجيش تدابير أمنية استثنائية "
            "في عدد من المناطق اللبنانية، وأسفرت عن توقيف 9 مواطنين.")
    arrest = next(e for e in extract(Article(id="t", text=text, published="2024-03-01")).events if e.type == "COERCE")
    assert arrest.actor1 is not None and arrest.actor1.kb_id == "agent.army"
