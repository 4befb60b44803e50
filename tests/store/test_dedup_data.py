"""The dedup data files: every place feature rasd produces has a level, every actor sector a known meaning."""
from pathlib import Path

from rasd.store import dedup

ROOT = Path(dedup.__file__).resolve().parents[1]


def test_data_files_have_a_header_comment_and_valid_rows():
    for name in ("place_levels.tsv", "actor_classes.tsv"):
        text = (dedup.DATA / name).read_text(encoding="utf-8")
        assert text.startswith("# "), name
    assert all(0 <= level <= 5 for level in dedup.PLACE_LEVELS.values())
    assert set(dict(dedup._read_tsv("actor_classes.tsv")).values()) == {"state", "nonstate"}


def test_every_feature_the_gazetteer_and_the_extractor_give_has_a_level():
    produced = {"country", "admin1", "admin2", "admin3", "region", "city", "village", "neighbourhood", "facility",
                "fac", "water", "approximate"}
    assert produced <= set(dedup.PLACE_LEVELS)
    assert dedup.place_level("village") > dedup.place_level("city") > dedup.place_level("admin1")
    assert dedup.place_level(None, has_point=True) == 3 and dedup.place_level("unknown", has_point=False) == 1


def test_every_armed_sector_of_the_knowledge_base_has_a_class():
    sectors = set()
    for tsv in (ROOT / "kb" / "data" / "actors").glob("*.tsv"):
        lines = [ln for ln in tsv.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        header = lines[0].split("\t")
        if "sector" in header:
            i = header.index("sector")
            sectors |= {ln.split("\t")[i] for ln in lines[1:] if len(ln.split("\t")) > i}
    armed_looking = {s for s in sectors if s in ("military", "police", "armed_group", "rebel", "intelligence")}
    assert armed_looking <= dedup.ARMED_SECTORS
    assert not ({"civilian", "government", "media"} & dedup.ARMED_SECTORS)
