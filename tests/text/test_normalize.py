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


def _per_character(text: str) -> tuple[str, list[int]]:
    """normalize_with_offsets as a character loop (its reference: the fast path folds the string at once)."""
    from rasd.text.normalize import _FOLD_TABLE, _is_dropped
    out, index = [], []
    for i, ch in enumerate(text):
        if not _is_dropped(ch):
            for c in ch.translate(_FOLD_TABLE).lower():
                out.append(c)
                index.append(i)
    return "".join(out), index


def test_offsets_fast_path_equals_the_character_loop():
    # drops at the ends and in the middle, a character lower-casing to two («İ»), final sigma (the one
    # context-dependent lower-casing), folded letters and digits
    for text in ("إِدلبُ ـ «عاجل»", "\u064bقتل\u0640 ٣\u200c", "İstanbul وإدلب", "ΟΔΟΣ ΣΑ", "Σ", "", "\u0640",
                 "abc ABC ىة", "\ufeffرويترز\u200f"):
        assert normalize_with_offsets(text) == _per_character(text), text

