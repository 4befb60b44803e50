from rasd.text.wraps import ends_sentence, is_wrap, paragraph_line_groups


def test_founding_article_wraps_are_joined(founding_excerpt):
    text = founding_excerpt
    paragraphs = [text[s:e] for s, e in paragraph_line_groups(text)]
    assert paragraphs[0].endswith("مسلحون إسلاميون على\nحلب .")
    assert any(p.startswith("تمكنت القوات") and "بشار الأسد من\nالانسحاب" in p for p in paragraphs)
    assert any(p.startswith("تحرك الرئيس السوري\nلسحق انتفاضة") for p in paragraphs)
    assert len(paragraphs) == 6


def test_real_paragraph_breaks_are_kept(founding_excerpt):
    text = founding_excerpt
    paragraphs = [text[s:e] for s, e in paragraph_line_groups(text)]
    assert paragraphs[1].startswith("وقال ضابط بالجيش السوري")
    assert "الثوار السوريون يقتحمون حلب – فيديو" in paragraphs   # a caption is never joined
    assert paragraphs[-1].startswith("كما بحث رئيس الوزراء")


def test_the_full_founding_article(founding_article):
    groups = paragraph_line_groups(founding_article)
    joined = [founding_article[s:e] for s, e in groups]
    assert any("على\nحلب ." in p for p in joined)
    assert any("من\nالانسحاب" in p for p in joined)
    assert any("السوري\nلسحق" in p for p in joined)
    # nothing is lost or changed: paragraphs are spans of the original text
    for s, e in groups:
        assert founding_article[s:e].strip()


def test_line_ending_with_punctuation_is_a_break():
    assert not is_wrap("أعلن الجيش السيطرة على المدينة.", "وقال مصدر عسكري إن المعارك مستمرة")
    assert not is_wrap("قال الوزير: «سنرد على الهجوم».", "في المقابل نفت الحكومة ذلك")
    assert ends_sentence("هل انتهت الحرب؟")
    assert ends_sentence("وقال «انتهى الأمر.»")


def test_wrap_signs():
    assert is_wrap("وقصفت الطائرات مواقع في", "ريف إدلب الجنوبي")               # ends with a preposition
    assert is_wrap("سقط عشرات القتلى في القصف", ". وقالت مصادر طبية")          # next starts with a lone dot
    assert is_wrap("اندلعت اشتباكات عنيفة بين الجيش والفصائل المسلحة", "التي تسيطر على المنطقة")
    assert not is_wrap("غارات جوية على دير الزور", "شنت طائرات حربية غارات على المدينة")


def test_fixed_width_text_is_joined():
    lines = ["أعلنت وزارة الدفاع التركية أن قواتها دمرت مواقع لحزب العمال",
             "الكردستاني شمال العراق، وأن العملية ستستمر حتى القضاء على",
             "التهديد بالكامل.",
             "وفي سياق متصل، التقى الرئيس التركي بوفد من الحكومة العراقية."]
    text = "\n".join(lines)
    groups = [text[s:e] for s, e in paragraph_line_groups(text)]
    assert groups == ["\n".join(lines[:3]), lines[3]]


def test_blank_lines_always_break():
    text = "قصفت طائرات مواقع في\n\nريف حلب"
    assert [text[s:e] for s, e in paragraph_line_groups(text)] == ["قصفت طائرات مواقع في", "ريف حلب"]


def test_last_word_is_what_the_end_anchored_pattern_finds(founding_excerpt):
    # (read from the line's end for speed, issue 16: it must give the word `_LAST_WORD.search` gives)
    from rasd.text.wraps import _LAST_WORD, last_word
    lines = founding_excerpt.split("\n") + ["", "  ", "...", "قال إن «الهجوم»", "عام 2011 .", "على\u0651 ،", "a_b c"]
    for line in lines:
        m = _LAST_WORD.search(line)
        assert last_word(line) == (m.group(1) if m else None)
    assert last_word("مسلحون إسلاميون على") == "على"
