from pathlib import Path

import pytest

from rasd.text.datafiles import data_lines, data_rows
from rasd.text.normalize import normalize_for_match
from rasd.text.tokens import (CLITICS, STEMS, WHOLE_WORDS, add_known_stems, lexicon_key, segment, segmentation,
                              tokenize)

WORDS = Path(__file__).parent / "data" / "clitic_words.tsv"
MIN_ACCURACY = 0.95


def hand_checked() -> list[tuple[str, str]]:
    rows = [ln.split("\t") for ln in WORDS.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]
    assert rows[0] == ["word", "segmentation"]
    return [(w, s) for w, s in rows[1:]]


def expected(pieces: str) -> str:
    return "+".join(normalize_for_match(p) for p in pieces.split("+"))


def test_segmentation_accuracy_on_hand_checked_words():
    words = hand_checked()
    assert len(words) >= 300
    wrong = [(w, expected(e), segmentation(w)) for w, e in words if segmentation(w) != expected(e)]
    accuracy = 1 - len(wrong) / len(words)
    print(f"clitic segmentation accuracy {accuracy:.3f} on {len(words)} words; wrong: {wrong}")
    assert accuracy >= MIN_ACCURACY, wrong


@pytest.mark.parametrize("word, pieces", [
    ("وبحسب", "و+بحسب"), ("للأسد", "ل+ال+أسد"), ("لرويترز", "ل+رويترز"), ("والإيرانية", "و+ال+إيرانية"),
    ("وزير", "وزير"), ("ولاية", "ولاية"), ("بلد", "بلد"), ("كتائب", "كتائب"), ("فلسطين", "فلسطين"),
    ("لبنان", "لبنان"), ("سوريا", "سوريا"), ("بريطانيا", "بريطانيا"), ("الله", "الله"), ("للبنان", "ل+لبنان"),
    ("حكومته", "حكومة+ه"), ("سيقوم", "س+يقوم"), ("ألمانيا", "ألمانيا"),
])
def test_brief_examples(word, pieces):
    assert segmentation(word) == expected(pieces)


def test_offsets_cover_surface_and_stem():
    text = "وقال ضابط بالجيش السوري لرويترز إن حكومتَه وللأسدِ"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["وقال", "ضابط", "بالجيش", "السوري", "لرويترز", "إن", "حكومتَه", "وللأسدِ"]
    for t in toks:
        assert text[t.start:t.end] == t.text
        assert t.start <= t.stem_start < t.stem_end <= t.end
    by = {t.text: t for t in toks}
    assert text[by["بالجيش"].stem_start:by["بالجيش"].stem_end] == "جيش"
    assert by["بالجيش"].prefixes == ["ب", "ال"]
    assert text[by["لرويترز"].stem_start:by["لرويترز"].stem_end] == "رويترز"
    assert text[by["حكومتَه"].stem_start:by["حكومتَه"].stem_end] == "حكومتَ"   # diacritic stays with the stem
    assert by["حكومتَه"].stem == "حكومه" and by["حكومتَه"].suffix == "ه"
    assert text[by["وللأسدِ"].stem_start:by["وللأسدِ"].stem_end] == "أسدِ"
    assert by["وللأسدِ"].prefixes == ["و", "ل", "ال"]
    assert by["وقال"].norm == "وقال" and by["وقال"].stem == "قال"


def test_tokens_equal_validated_tokens():
    from rasd.document import Token
    for tok in tokenize("وقال ضابط بالجيش السوري لرويترز"):
        again = Token.model_validate(tok.model_dump())
        assert again == tok and again.model_dump() == tok.model_dump()
        tok.sentence = 2                      # later stages may set fields
        assert tok.model_dump()["sentence"] == 2


def test_tokens_keep_their_values_without_a_dict_each_and_share_word_strings():
    # (issue 16: an 80k-word article's tokens were ~60 MB; a dict per token was half of a token)
    import gc
    import platform
    toks = tokenize("قال الوزير إن الوزير قال")
    assert toks[0].text is toks[4].text and toks[1].text is toks[3].text   # one string per word form
    if platform.python_implementation() == "CPython":
        assert not any(type(r) is dict for r in gc.get_referents(toks[0]))
    assert toks[1].stem_start == toks[1].start + 2 and toks[1].stem_end == toks[1].end


def test_no_module_changes_a_tokens_prefixes_in_place():
    # tokens of a document share one prefixes list per sequence of proclitics (tokenize): an in-place change
    # to one token's list would change every token sharing it
    import re
    from pathlib import Path
    import rasd
    toks = tokenize("والوزير والرئيس الوزير")
    assert toks[0].prefixes is toks[1].prefixes and toks[0].prefixes == ["و", "ال"]
    in_place = re.compile(r"prefixes\s*(\.(append|extend|insert|pop|remove|clear|sort|reverse)\b|\+=|\[[^]]*\]\s*=[^=])")
    for path in Path(rasd.__file__).parent.rglob("*.py"):
        assert not in_place.search(path.read_text(encoding="utf-8")), path


def test_numbers_and_latin_are_tokens_of_their_own():
    toks = tokenize("قتل 3.5 و150 بـ31 من HTS في ٢٠٢٤")
    assert [t.text for t in toks] == ["قتل", "3.5", "و", "150", "بـ", "31", "من", "HTS", "في", "٢٠٢٤"]
    assert toks[-1].norm == "2024" and toks[-1].stem == "2024"


def test_taa_marbuta_is_not_a_pronoun():
    assert segmentation("شعبة") == "شعبه"        # a branch: one word
    assert segmentation("شعبه") == "شعب+ه"       # his people


def test_add_known_stems_teaches_names():
    word = "لزيلينسكيوف"          # an invented surname: unknown, so ل is not stripped
    assert segmentation(word) == normalize_for_match(word)
    add_known_stems(["فلاديمير زيلينسكيوف"])
    try:
        assert segmentation(word) == "ل+" + normalize_for_match("زيلينسكيوف")
    finally:
        STEMS.pop(lexicon_key("زيلينسكيوف"), None)
        segment.cache_clear()


def test_clitic_table_is_consistent():
    rows = data_rows("clitics.tsv")
    kinds = {r["kind"] for r in rows}
    assert kinds == {"conj", "prep", "future", "article", "pronoun", "restore"}
    assert CLITICS.conj == {"و", "ف"} and CLITICS.prep == {"ب", "ل", "ك"} and CLITICS.article == "ال"
    for form, min_stem in CLITICS.pronouns:
        assert form and min_stem >= 2
    assert {p for p, _ in CLITICS.pronouns} >= {"ه", "ها", "هم", "هما", "كم", "نا"}


def test_stem_lexicon_invariants():
    lines = list(data_lines("stems.txt"))
    assert len(lines) > 50_000
    keys = [ln.split("\t")[0] for ln in lines]
    assert len(keys) == len(set(keys))
    for line in lines[::97]:
        word, zipf = line.split("\t")
        assert lexicon_key(word) == word, word          # stored in lexicon spelling
        assert len(word) >= 2 and 0 < float(zipf) <= 8
    for word in ("وزير", "ولاية", "لبنان", "فلسطين", "رويترز", "سوري"):
        assert lexicon_key(word) in STEMS, word
    for compound in ("وقال", "للاسد", "والايرانيه", "لرويترز"):
        assert compound not in STEMS, compound


def test_whole_words_are_normalised_function_words():
    assert "بحسب" in WHOLE_WORDS and "الله" in WHOLE_WORDS
    # «لقي» (met: «لقي مصرعه») is a verb, not «ل» + «قي»
    assert [t.stem for t in tokenize("لقي شخصان مصرعهما ولقي")][::3] == ["لقي", "لقي"]
    assert all(len(w) >= 2 for w in WHOLE_WORDS)
