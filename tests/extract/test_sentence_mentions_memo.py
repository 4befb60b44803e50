"""event_actors.sentence_mentions forgets ranges far behind the trigger being read (issue 16: a long article's
memo held every sentence's actors to the end of the events stage); a range asked again is found anew, the same."""
from rasd.document import Article
from rasd.extract import event_actors
from rasd.pipeline import extract

SENTENCES = [
    "قال وزير الخارجية الإيراني عباس عراقجي في طهران إن بلاده سترد على أي هجوم.",
    "وأعلن الجيش السوري أن قواته قصفت مواقع في ريف إدلب.",
    "وتظاهر مئات من الطلاب أمام السفارة الأمريكية في بغداد.",
]


def _mentions(doc, sentence):
    tokens = [i for i, t in enumerate(doc.tokens) if t.sentence == sentence]
    return [(m.first, m.last, m.kind, m.actor.text) for m in
            event_actors.sentence_mentions(doc, sentence, tokens[0], tokens[-1] + 1)]


def test_far_ranges_are_forgotten_and_found_again_the_same(monkeypatch):
    monkeypatch.setattr(event_actors, "_MENTIONS_KEPT", 4)
    doc = extract(Article(id="m", text=" ".join(SENTENCES * 8)))
    first = _mentions(doc, 0)
    assert first
    for sentence in range(1, len(doc.sentences)):
        _mentions(doc, sentence)
    memo = event_actors.document_memo("event_actors:mentions", (doc, doc.text, doc.source),
                                      (doc.entities, doc.agents, doc.tokens, doc.sentences))
    assert len(doc.sentences) > 4 + event_actors._MENTIONS_SENTENCES_BACK
    assert memo and not any(key[0] == 0 for key in memo)
    assert _mentions(doc, 0) == first
