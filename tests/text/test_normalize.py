from rasd.text.normalize import normalize_for_match, normalize_with_offsets, strip_diacritics


def test_folds_hamza_alef_maqsura_taa_marbuta_and_diacritics():
    assert normalize_for_match("إدلبُ") == normalize_for_match("ادلب") == "ادلب"
    assert normalize_for_match("مُستشفى الشّفاء") == "مستشفي الشفاء"
    assert normalize_for_match("الحكومة") == "الحكومه"
    assert normalize_for_match("عـــاجل") == "عاجل"


def test_eastern_and_persian_digits_become_ascii():
    assert normalize_for_match("قُتل ١٢ شخصاً في ۲۰۲۴") == "قتل 12 شخصا في 2024"


def test_offsets_point_back_to_the_original_characters():
    text = "وقُتِلَ ٣ أشخاص"
    norm, index = normalize_with_offsets(text)
    assert norm == "وقتل 3 اشخاص"
    assert len(index) == len(norm)
    assert text[index[norm.index("3")]] == "٣"
    assert text[index[norm.index("ل")]] == "ل"


def test_strip_diacritics_keeps_letters_as_written():
    assert strip_diacritics("إِيرَانُ") == "إيران"
