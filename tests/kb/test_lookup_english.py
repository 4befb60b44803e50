"""`rasd kb lookup` also finds places and actors by their English names (issue 14)."""
from __future__ import annotations

from rasd.cli import main


def lookup(kb_dir, capsys, *name: str) -> tuple[int, str]:
    code = main(["kb", "lookup", "--kb-dir", str(kb_dir), *name])
    return code, capsys.readouterr().out


def test_places_by_english_name_any_case_or_diacritics(kb_dir, capsys):
    for name in ("Aleppo", "aleppo", "ALEPPO", "Alēppo"):
        code, out = lookup(kb_dir, capsys, name)
        assert code == 0 and "حلب" in out and " SY " in out


def test_actors_by_english_name_or_alias(kb_dir, capsys):
    code, out = lookup(kb_dir, capsys, "Hayat", "Tahrir", "al-Sham")
    assert code == 0 and "org.hts" in out
    code, out = lookup(kb_dir, capsys, "HTS")
    assert code == 0 and "org.hts" in out
    code, out = lookup(kb_dir, capsys, "security", "forces")
    assert code == 0 and "agent.security_forces" in out


def test_acled_style_names_give_the_actor_id_to_filter_on(kb_dir, capsys):
    code, out = lookup(kb_dir, capsys, "Military Forces of Syria")
    assert code == 0 and "acled:military_forces_of_syria" in out and "inter 1" in out
    code, out = lookup(kb_dir, capsys, "Civilians (Sudan)")
    assert code == 0 and "acled:civilians_sudan" in out and "inter 7" in out


def test_unknown_english_name(kb_dir, capsys):
    code, _out = lookup(kb_dir, capsys, "Nowhere", "Land")
    assert code == 1
