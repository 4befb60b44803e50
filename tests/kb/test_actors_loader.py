"""The actor loader reads FORMAT.md rows and names file:line on every kind of bad row."""
from __future__ import annotations

import pytest

from rasd.kb.actors import ActorDataError, load_actors

HEADER = "id\ttype\tsector\tcountry\tname_en\taliases_ar\taliases_en\ttitles_ar\trole\tstart\tend\n"
GOOD = "per.bashar_al_assad\tPERSON\tgovernment\tSY\tBashar al-Assad\tبشار الأسد|الأسد\tAssad\tالرئيس السوري\tPresident of Syria\t2000\t2024\n"


def write(tmp_path, name, body):
    (tmp_path / name).write_text("# a comment line\n" + body, encoding="utf-8")
    return tmp_path


def test_sample_rows_load(tmp_path):
    write(tmp_path, "persons_x.tsv", HEADER + GOOD)
    d = load_actors(tmp_path)
    a = d.actors["per.bashar_al_assad"]
    assert a.aliases_ar == ("بشار الأسد", "الأسد") and a.name_ar == "بشار الأسد"
    assert a.titles_ar == ("الرئيس السوري",) and (a.start, a.end) == (2000, 2024)
    assert a.in_office(2011) and not a.in_office(2025)


@pytest.mark.parametrize("row,message", [
    (GOOD.replace("government", "goverment"), "sector"),
    (GOOD.replace("\tSY\t", "\tSYR\t"), "country"),
    (GOOD.replace("بشار الأسد|الأسد", "بشار الأسد||الأسد"), "empty alias"),
    (GOOD.replace("بشار الأسد|الأسد", ""), "aliases_ar is empty"),
    (GOOD.replace("PERSON", "ORG"), "does not fit type"),
    (GOOD.replace("per.bashar_al_assad", "Per.Bashar"), "id"),
    (GOOD.replace("\t2024\n", "\t1990\n"), "before start"),
    (GOOD.replace("\t2000\t", "\t20x0\t"), "not a year"),
    (GOOD.replace("بشار الأسد|الأسد", "Bashar"), "non-Arabic"),
])
def test_bad_rows_name_file_and_line(tmp_path, row, message):
    write(tmp_path, "persons_x.tsv", HEADER + GOOD.replace("per.bashar_al_assad", "per.other") + row)
    with pytest.raises(ActorDataError, match=rf"persons_x\.tsv:4: .*{message}"):
        load_actors(tmp_path)


def test_duplicate_id_across_files(tmp_path):
    write(tmp_path, "persons_a.tsv", HEADER + GOOD)
    write(tmp_path, "persons_b.tsv", HEADER + GOOD)
    with pytest.raises(ActorDataError, match=r"persons_b\.tsv:3: duplicate id per\.bashar_al_assad"):
        load_actors(tmp_path)


def test_missing_column(tmp_path):
    write(tmp_path, "orgs_x.tsv", "id\ttype\n")
    with pytest.raises(ActorDataError, match=r"orgs_x\.tsv:2: header lacks"):
        load_actors(tmp_path)


def test_agents_and_nisba(tmp_path):
    write(tmp_path, "agents.tsv", "id\tsector\taliases_ar\tname_en\tplural\nagent.army\tmilitary\tالجيش|جيش\tarmy\t\n")
    write(tmp_path, "nisba.tsv", "country\tmasc\tfem\tplural\tname_en_adj\nIR\tإيراني\tإيرانية\tإيرانيون\tIranian\n")
    d = load_actors(tmp_path)
    assert d.agents["agent.army"].aliases_ar == ("الجيش", "جيش")
    assert d.nisba[0].forms == ("إيراني", "إيرانية", "إيرانيون") and len(d) == 0
    write(tmp_path, "nisba.tsv", "country\tmasc\tfem\tplural\tname_en_adj\nXX\tإيراني\t\t\tIranian\n")
    with pytest.raises(ActorDataError, match=r"nisba\.tsv:3: country 'XX'"):
        load_actors(tmp_path)


def test_the_bundled_actors_are_read_once_per_process():
    # the KB, the agency finder and the English adjectives share one parse of the bundled actor files
    from rasd.extract.agencies import kb_actors
    from rasd.kb import load_kb
    from rasd.kb.actors import default_actors
    assert default_actors() is default_actors()
    assert kb_actors() is default_actors()
    assert load_kb().actors is default_actors()
    assert "per.bashar_al_assad" in default_actors().actors
