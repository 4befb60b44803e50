"""The statistical NER model: committed weights, spans on real news sentences, features without the KB."""
from __future__ import annotations

import pytest

from rasd.extract import ner_model
from ner_corpus import CorpusSentence, bio_spans, flatten_nested, map_tag
from rasd.extract.ner_model import (CUE_KINDS, CUES_PATH, MODEL_PATH, labels_to_spans, load_cues, load_ner_model,
                                    name_start, sentence_features, tag_tokens, vocab_path)
from rasd.text.normalize import normalize_for_match
from rasd.text.tokens import tokenize


def spans_of(text: str, use_kb: bool = True) -> list[tuple[str, str]]:
    return [(text[s:e], etype) for s, e, etype, _ in tag_tokens(tokenize(text), use_kb=use_kb)]


@pytest.fixture
def no_kb(monkeypatch):
    """The KB absent: its loader gives nothing, as when rasd.kb is missing or unbuilt."""
    monkeypatch.setattr(ner_model, "_kb", lambda: None)


# ---------------------------------------------------------------- data file

def test_cue_file_loads_with_known_kinds_and_bare_words():
    cues = load_cues()
    assert len(cues) > 100
    for word, kinds in cues.items():
        assert kinds <= set(CUE_KINDS), word
        assert word == normalize_for_match(word)
        assert " " not in word and not word.startswith("ال"), f"{word}: write cues without the article"
    assert "PER_TITLE" in cues[normalize_for_match("وزير")]
    assert "GPE_CUE" in cues[normalize_for_match("قرية")]
    assert "ORG_HEAD" in cues[normalize_for_match("جبهة")]


def test_cue_file_has_no_duplicate_rows():
    rows = [line for line in CUES_PATH.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")][1:]
    assert len(rows) == len(set(rows))
    assert all(len(r.split("\t")) == 2 for r in rows)


# ---------------------------------------------------------------- the committed model

def test_committed_model_loads_and_is_small():
    model = load_ner_model()
    assert MODEL_PATH.stat().st_size < 20_000_000
    assert set(model.tagger.labels()) >= {"O", "B-PER", "I-PER", "B-ORG", "B-LOC"}
    assert model.vocab and vocab_path(MODEL_PATH).exists()


def test_person_after_title_and_rank():
    text = "قال المتحدث باسم الجيش العميد يحيى سريع إن القوات استهدفت سفينة في البحر الأحمر."
    assert ("يحيى سريع", "PERSON") in spans_of(text)


def test_person_unknown_to_the_kb():
    text = "وقال العقيد سامر الحمدوني، القيادي في الفصائل، إن الهجوم على البلدة فشل."
    assert ("سامر الحمدوني", "PERSON") in spans_of(text)


def test_village_after_settlement_cue_without_the_cue():
    text = "أعلنت وزارة الدفاع السورية مقتل ثلاثة جنود في قرية كفرزيتا بريف حماة الشمالي."
    found = spans_of(text)
    assert ("كفرزيتا", "GPE") in found
    assert any(etype == "ORG" and "وزارة الدفاع" in s for s, etype in found)


def test_facility_type_from_its_head_word():
    assert ("مطار بيروت الدولي", "FAC") in spans_of("وصل الوفد إلى مطار بيروت الدولي مساء الأحد.")


def test_spans_point_into_the_original_text_and_leave_proclitics_out():
    text = "وأكدت حركةُ حماس أن وفدها التقى بالرئيس محمود عباس وبإسماعيل هنية في الدوحة."
    results = tag_tokens(tokenize(text))
    assert results
    for start, end, etype, conf in results:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        assert not text[start:end].startswith(("وب", "وال")), text[start:end]
        assert etype in ("PERSON", "ORG", "GPE", "LOC", "FAC")
        assert 0.0 < conf <= 1.0
    names = [text[s:e] for s, e, etype, _ in results if etype == "PERSON"]
    assert "إسماعيل هنية" in names   # «وبإسماعيل»: the span starts after و + ب


def test_tagging_is_per_sentence():
    tokens = tokenize("زار الرئيس مدينة حلب. وقال المتحدث أحمد الشرع إن الزيارة ناجحة.")
    for i, tok in enumerate(tokens):
        tok.sentence = 0 if tok.end <= 21 else 1
    for start, end, _, _ in tag_tokens(tokens):
        assert not (start < 21 < end), "a span crosses the sentence boundary"


# ---------------------------------------------------------------- without the KB

def test_features_without_kb_or_vocab():
    tokens = tokenize("استهدف القصف بلدة خان شيخون جنوبي إدلب")
    feats = sentence_features(tokens)
    assert len(feats) == len(tokens)
    assert not any(f.startswith("kb") for fs in feats for f in fs)
    assert "stem=" + tokens[2].stem in feats[2] and "cue=GPE_CUE" in feats[2]
    assert "-1:cue=GPE_CUE" in feats[3]


def test_kb_absent_gives_empty_kb_tags_and_tagging_still_works(no_kb):
    text = "قال المتحدث باسم الجيش العميد سامر الحمدوني إن الهجوم على قرية كفرزيتا فشل."
    tokens = tokenize(text)
    assert ner_model.kb_token_tags(tokens) == [""] * len(tokens)
    found = spans_of(text)
    assert ("سامر الحمدوني", "PERSON") in found
    assert ("كفرزيتا", "GPE") in found


# ---------------------------------------------------------------- helpers

def test_person_and_place_spans_end_before_a_conjunction_or_preposition():
    tokens = tokenize("محمود عباس وإسماعيل هنية")
    spans = ner_model.decode_spans(tokens, ["B-PER", "I-PER", "I-PER", "I-PER"])
    assert spans == [(0, 1, "PER"), (2, 3, "PER")]
    tokens = tokenize("وزارة الخارجية والمغتربين")
    assert ner_model.decode_spans(tokens, ["B-ORG", "I-ORG", "I-ORG"]) == [(0, 2, "ORG")]


def test_labels_to_spans_reads_bio_and_stray_inside_tags():
    assert labels_to_spans(["O", "B-PER", "I-PER", "I-ORG", "O", "I-LOC"]) == [(1, 2, "PER"), (3, 3, "ORG"), (5, 5, "LOC")]


def test_name_start_keeps_the_article_but_not_prepositions():
    text = "وبالأسد"
    tok = tokenize(text)[0]
    assert text[name_start(tok):] == "الأسد"


def test_noisy_corpus_tags_are_read_leniently():
    assert map_tag("I--ORG") == "I-ORG"
    assert map_tag("B-PERS") == "B-PER"
    assert map_tag("B-GPE") == "B-LOC"
    assert map_tag("B-MIS1") == "O" and map_tag("OO") == "O"


def test_nested_wojood_tags_keep_inner_spans_of_dropped_types():
    # «سكرتير اللجنة القومية العربية في نابلس»: an OCC span holding an ORG and a GPE
    columns = [["B-OCC"], ["I-OCC", "B-ORG"], ["I-OCC", "I-ORG"], ["I-OCC", "I-ORG"], ["I-OCC"], ["I-OCC", "B-GPE"]]
    assert bio_spans(flatten_nested(columns)) == [(1, 3, "ORG"), (5, 5, "LOC")]


def test_corpus_tags_project_onto_our_tokens_and_cut_settlement_cues():
    sent = CorpusSentence(words=["قصفت", "الطائرات", "قرية", "كفرزيتا", "و", "مطار", "حماة", "."],
                          tags=["O", "O", "B-LOC", "I-LOC", "O", "B-LOC", "I-LOC", "O"])
    tokens = sent.tokens()
    labelled = dict(zip((t.text for t in tokens), sent.token_labels()))
    assert labelled["قرية"] == "O" and labelled["كفرزيتا"] == "B-LOC"
    assert labelled["مطار"] == "B-LOC" and labelled["حماة"] == "I-LOC"


def test_features_of_each_position_are_the_word_and_context_features():
    """The tagger's per-word feature cache computes the five positions together (issue 16): the same lists,
    in the same order, as `_word_features` and `_context_features` one by one."""
    text = ("وقال الرئيس السوري بشار الأسد للصحفيين في دمشق إن 12 شخصا قتلوا، بحسب المرصد. "
            "وأضاف الربيعي والسيد علي السويدي أن «حركة الشباب» هاجمت بالأسلحة مدينة طرابلس وبنغازي يوم 3 مايو.")
    cues, model = load_cues(), load_ner_model()
    tokens = tokenize(text)
    assert len(tokens) >= 30
    for vocab in (model.vocab, None):
        for tok in tokens:
            want = tuple(ner_model._word_features(tok, cues, vocab) if rel == 0
                         else ner_model._context_features(tok, cues, vocab, rel) for rel in (-2, -1, 0, 1, 2))
            assert ner_model._features_at_each_position(tok, cues, vocab) == want, tok.text

