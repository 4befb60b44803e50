from rasd.document import Article
from rasd.text import prepare
from rasd.text.datafiles import data_lines
from rasd.text.sentences import split_paragraphs, split_sentences


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, split_paragraphs(text))]


def test_arabic_punctuation_ends_sentences():
    text = "قصفت الطائرات المدينة. هل ستتوقف الحرب؟ لا أحد يعرف! وقال الوزير إن الرد قادم؛ ولم يحدد موعده."
    assert sentences(text) == ["قصفت الطائرات المدينة.", "هل ستتوقف الحرب؟", "لا أحد يعرف!",
                               "وقال الوزير إن الرد قادم؛", "ولم يحدد موعده."]


def test_no_split_in_decimals():
    text = "بلغ معدل التضخم 3.5 في المئة، و٣٫٥ مليار دولار عجزاً. وارتفعت الأسعار."
    assert sentences(text) == ["بلغ معدل التضخم 3.5 في المئة، و٣٫٥ مليار دولار عجزاً.", "وارتفعت الأسعار."]


def test_no_split_after_abbreviations_and_initials():
    text = "قال د. محمد علي إن المستشفى امتلأ. وبني السور عام 300 ق.م. في عهد الملك."
    out = sentences(text)
    assert out[0] == "قال د. محمد علي إن المستشفى امتلأ."
    assert out[1].startswith("وبني السور عام 300 ق.م.")
    assert len(sentences("وصرح م. أحمد سعيد بأن المشروع تأخر.")) == 1
    assert len(sentences("ونقلت الوكالة عن J. Smith قوله إن الوضع خطير.")) == 1


def test_abbreviation_is_read_within_its_paragraph():
    """The word before a dot is read back from the dot, never across the paragraph start: «د.» opening a
    paragraph is an abbreviation, and a tatweel or a dot inside the word stays part of it («ق.م.», «د.ـ»)."""
    text = "تقرير أول.\n\nد. محمد علي قال إن المستشفى امتلأ. وبني عام 300 ق.م. في عهد الملك. ثم د.ـ سعيد رحل."
    assert sentences(text) == ["تقرير أول.", "د. محمد علي قال إن المستشفى امتلأ.",
                               "وبني عام 300 ق.م. في عهد الملك.", "ثم د.ـ سعيد رحل."]


def test_no_split_inside_quotations():
    text = ('وقال المتحدث «لن نتراجع. سنواصل القتال حتى النهاية». وأضاف أن القوات تتقدم. '
            'وقال فيدان "نحن لا نريد التصعيد. نريد السلام". وانتهى اللقاء.')
    assert sentences(text) == [
        "وقال المتحدث «لن نتراجع. سنواصل القتال حتى النهاية».",
        "وأضاف أن القوات تتقدم.",
        'وقال فيدان "نحن لا نريد التصعيد. نريد السلام".',
        "وانتهى اللقاء.",
    ]


def test_quote_ending_with_its_own_full_stop_ends_the_sentence():
    assert sentences("وقال الوزير: “انتهت العملية.” ثم غادر القاعة.") == [
        "وقال الوزير: “انتهت العملية.”", "ثم غادر القاعة."]


def test_runaway_quote_does_not_swallow_the_article():
    long_quote = "هذه جملة طويلة في تصريح مفتوح لم يغلق. " * 30
    text = "وقال «" + long_quote + "وانتهى."
    assert len(sentences(text)) > 5


def test_sentences_span_hard_wraps_and_keep_offsets(founding_excerpt):
    text = founding_excerpt
    out = split_sentences(text, split_paragraphs(text))
    assert out[0].text.endswith("مسلحون إسلاميون على\nحلب .")
    assert any(s.text.startswith("تحرك الرئيس السوري\nلسحق") and s.text.endswith("حرب أهلية دامية.") for s in out)
    for s in out:
        assert text[s.start:s.end] == s.text


def test_prepare_marks_furniture_and_assigns_token_sentences(founding_excerpt):
    doc = prepare(Article(id="t", text=founding_excerpt))
    caption = [s for s in doc.sentences if s.furniture]
    assert [s.text for s in caption] == ["الثوار السوريون يقتحمون حلب – فيديو"]
    assert caption[0].furniture == "caption"
    halab = [t for t in doc.tokens if t.text == "حلب"][0]
    assert doc.sentences[halab.sentence].text.startswith("عبرت ميليشيات")
    for tok in doc.tokens:
        sent = doc.sentences[tok.sentence]
        assert sent.start <= tok.start and tok.end <= sent.end


def test_abbreviation_list_is_clean():
    abbrs = list(data_lines("abbreviations.txt"))
    assert "د" in abbrs and "ق.م" in abbrs
    assert len(abbrs) == len(set(abbrs))
    assert all(not a.endswith(".") for a in abbrs)
