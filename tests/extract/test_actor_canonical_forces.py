"""A force written by a short name («الاحتلال يعتقل») is named by its full form as its canonical name: the agent row's
first alias (kb/data/actors/agents.tsv: «قوات الاحتلال» before «الاحتلال»)."""

from rasd.document import Article
from rasd.pipeline import extract


def test_the_bare_occupation_is_named_as_the_occupation_forces():
    doc = extract(Article(id="t", text="الاحتلال يعتقل 26 فلسطينيا في الضفة الغربية والقدس", published="2024-03-01"))
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert arrest.actor1 is not None and arrest.actor1.text == "الاحتلال"
    assert arrest.actor1.canonical == "قوات الاحتلال"
