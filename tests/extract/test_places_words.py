"""The place-word lexicon (extract/data/place_words.tsv): its format, its roles, and words that keep one meaning."""
from __future__ import annotations

from importlib import resources

from rasd.extract.event_place import _place_roles
from rasd.text.normalize import normalize_for_match

ROLES = {"idiom", "cue", "transfer", "preposition", "direction", "direction_prefix", "vessel", "dual_of", "facility", "name_head", "seat_head", "body_head", "envoy",
         "relative", "launch", "distance", "claim", "landform", "so_called"}
DIRECTIONS = {"north", "south", "east", "west", "northwest", "northeast", "southeast", "southwest", "central"}


def _lines() -> list[str]:
    return resources.files("rasd.extract").joinpath("data/place_words.tsv").read_text(encoding="utf-8").splitlines()


def test_header_comment_describes_every_role():
    lines = _lines()
    assert lines[0].startswith("#")
    comment = "\n".join(l for l in lines if l.startswith("#"))
    for role in ROLES:
        assert f"{role}:" in comment, role


def test_rows_are_well_formed():
    rows = [l.split("\t") for l in _lines() if l.strip() and not l.startswith("#")]
    assert rows[0] == ["role", "value", "words"]
    for n, row in enumerate(rows[1:], start=2):
        assert len(row) == 3, (n, row)
        role, value, words = row
        assert role in ROLES, (n, role)
        assert all(w.strip() == w and w for w in words.split("|")), (n, words)
        if role in ("direction", "direction_prefix"):
            assert value in DIRECTIONS, (n, value)


def test_a_word_has_one_role():
    """The places stage maps each word to one role: a word listed under two would silently lose one."""
    seen: dict[str, str] = {}
    for line in _lines():
        if not line.strip() or line.startswith("#") or line.startswith("role\t"):
            continue
        role, _, words = line.split("\t")
        for w in words.split("|"):
            key = normalize_for_match(w)
            assert seen.get(key, role) == role, (w, seen.get(key), role)
            seen[key] = role


def test_roles_event_place_reads_are_loaded():
    roles = _place_roles()
    assert normalize_for_match("إذاعة") in roles["name_head"]
    assert normalize_for_match("المدعومة") in roles["relative"]
    assert normalize_for_match("المبعوث") in roles["envoy"]
    assert normalize_for_match("أطلقت") in roles["launch"]


def test_place_anaphors_are_normalised_place_words_with_known_features():
    from rasd.extract.places import place_anaphors
    table = place_anaphors()
    assert {"مدينه", "بلده", "قريه", "مخيم"} <= set(table)
    assert all(features <= {"city", "town", "village", "camp"} and features for features in table.values())


def test_the_dual_of_a_place_word_names_the_two_places_after_it():
    from rasd_testkit.extraction import places_of
    doc = places_of("اعتقلت قوات الأمن الليبية خمسة مهربين في منطقتي القطرون وتجرهي جنوب البلاد.")
    assert {p.text for p in doc.places if p.country == "LY"} >= {"القطرون", "تجرهي"}, \
        [(p.text, p.name_en, p.country) for p in doc.places]


def test_the_dual_is_made_for_settlement_words_only():
    from rasd.extract.places import _place_words
    words = _place_words()
    assert words[normalize_for_match("منطقتي")] == ("cue", "area")
    assert words[normalize_for_match("محافظتا")] == ("cue", "admin1")
    assert normalize_for_match("عاصمتي") not in words       # «my capital» as often
