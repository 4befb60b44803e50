"""The NER model's CRF run from its own file (rasd.extract.crf_scores) gives python-crfsuite's labels and
marginals on real sentences, and reads the file's labels, attributes and weights."""
from __future__ import annotations

import json
from collections import OrderedDict
from pathlib import Path

import numpy as np

from rasd.extract import ner_model
from rasd.extract.crf_scores import by_sentence
from rasd.extract.ner_model import document_states, group_by_sentence, kb_token_tags, load_ner_model
from rasd.text.tokens import tokenize

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "articles.jsonl"
TEXTS = [
    "قال المتحدث باسم الجيش العميد يحيى سريع إن القوات استهدفت سفينة في البحر الأحمر. "
    "وأضاف أن «حركة الشباب» هاجمت بالأسلحة مدينة طرابلس وبنغازي يوم 3 مايو.",
    "وقال الرئيس السوري بشار الأسد للصحفيين في دمشق إن 12 شخصا قتلوا، بحسب المرصد السوري لحقوق الإنسان. "
    "التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيره الأردني أيمن الصفدي في عمان.",
    "روبرتو باجيو",
]


def _texts() -> list[str]:
    texts = list(TEXTS)
    if DEV.exists():       # the dev set's articles when it is there (a few thousand tokens more)
        with DEV.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for _, line in zip(range(12), fh)]
    return texts


def test_the_model_file_is_read_whole():
    model = load_ner_model()
    crf = model.scores
    assert crf.labels == model.tagger.labels()
    assert set(crf.index) == model.known
    info = model.tagger.info()          # (the text dump: weights printed with six decimals)
    for (attr, label), weight in list(info.state_features.items())[:2000]:
        assert abs(crf.weights[crf.index[attr], crf.labels.index(label)] - weight) <= 1e-6
    for (src, dst), weight in info.transitions.items():
        assert abs(crf.trans[crf.labels.index(src), crf.labels.index(dst)] - weight) <= 1e-6
    assert not crf.weights[crf.zero].any()


def test_labels_and_marginals_are_python_crfsuite_s():
    model = load_ner_model()
    crf = model.scores
    tokens_seen = 0
    for text in _texts():
        tokens = tokenize(text)
        kb_tags = kb_token_tags(tokens, text)
        sentences = group_by_sentence(tokens)
        starts = np.cumsum([0] + [len(s) for s in sentences[:-1]]).tolist()
        lengths = [len(s) for s in sentences]
        padded = by_sentence(document_states(sentences, kb_tags, model), starts, lengths)
        probs = crf.marginals(padded, lengths)
        for sent, start, path, prob in zip(sentences, starts, crf.viterbi(padded, lengths), probs):
            want = ner_model._tag(sent, model, kb_tags[start:start + len(sent)])
            assert [crf.labels[y] for y in path] == want, " ".join(t.text for t in sent)
            for t in range(len(sent)):
                for y, label in enumerate(crf.labels):
                    assert abs(prob[t, y] - model.tagger.marginal(label, t)) < 1e-12
            tokens_seen += len(sent)
    assert tokens_seen > 60


def test_sentence_labels_use_the_same_decoding():
    text = TEXTS[1]
    tokens = tokenize(text)
    first = group_by_sentence(tokens)[0]
    got = ner_model.tag_sentence_labels(first, text=text)
    model = load_ner_model()
    want = ner_model._tag(first, model, kb_token_tags(first, text))
    assert [label for label, _ in got] == want
    assert ("B-PER" in want) and all(0.0 <= p <= 1.0 for _, p in got)


def test_tagging_is_the_same_when_word_rows_go_to_other_words(monkeypatch):
    """Each word form's score vectors are a row of one array, the least recently used row going to a new word:
    a document whose own words take each other's rows is scored again word by word, to the same spans."""
    text = TEXTS[0] + " " + TEXTS[1]
    tokens = tokenize(text)
    want = ner_model.tag_tokens(tokens, text=text)
    assert want
    evictions = ner_model._SCORE_EVICTIONS[0]
    monkeypatch.setattr(ner_model, "_SCORE_CACHE", OrderedDict())
    monkeypatch.setattr(ner_model, "_FEATURE_CACHE_SIZE", 5)
    assert ner_model.tag_tokens(tokens, text=text) == want
    assert ner_model._SCORE_EVICTIONS[0] > evictions
    monkeypatch.undo()
    assert ner_model.tag_tokens(tokens, text=text) == want


def test_rows_freed_by_other_documents_are_reused_without_changing_the_spans(monkeypatch):
    texts = [TEXTS[1], TEXTS[0], TEXTS[1], TEXTS[0]]
    want = [ner_model.tag_tokens(tokenize(t), text=t) for t in texts]
    longest = max(len(tokenize(t)) for t in texts)
    monkeypatch.setattr(ner_model, "_SCORE_CACHE", OrderedDict())
    monkeypatch.setattr(ner_model, "_FEATURE_CACHE_SIZE", longest + 1)    # (each text fits; the next one evicts)
    evictions = ner_model._SCORE_EVICTIONS[0]
    assert [ner_model.tag_tokens(tokenize(t), text=t) for t in texts] == want
    assert ner_model._SCORE_EVICTIONS[0] > evictions
