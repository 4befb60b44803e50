"""Invariants of the curated PERSON rows (src/rasd/kb/data/actors/persons_*.tsv, format in FORMAT.md).

Rows are parsed with the shared loader `rasd.kb.actors` (which already rejects bad ids, sectors, countries,
years and non-Arabic aliases); the checks here add what is specific to persons and to alias quality:
exact header, PERSON type, ISO country via babel, Arabic-only aliases, no alias repeated within a row or
shared by two persons once folded by `normalize_for_match`, and spot checks of well-known rows.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from babel import Locale

from rasd.kb.actors import ACTOR_COLUMNS, ACTORS_DIR, SECTORS, Actor, load_actors, parse_actor
from rasd.text.normalize import normalize_for_match

PERSON_FILES = sorted(ACTORS_DIR.glob("persons_*.tsv"))
FORMAT_HEADER = ["id", "type", "sector", "country", "name_en", "aliases_ar", "aliases_en", "titles_ar", "role",
                 "start", "end"]
# Arabic letters, spaces and the few marks that occur inside written names (shadda, hamza forms are letters).
ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u0670\u067e\u0686\u06a4\u06af\u06cc\u0651 ]+$")
# One-word short forms deliberately left out because they are ordinary words in news text
# (e.g. «صالح» good/Saleh, «هادي» calm/Hadi, «المهندس» the engineer, «الضيف» the guest, «بري» ground (attack)).
COMMON_WORDS = {"صالح", "هادي", "المهندس", "الضيف", "بري", "عباس", "عون", "سلام", "الله", "عبد", "الحية",
                "سريع", "مرسي", "الشاهد", "العثماني", "النفطي", "المنفي", "عقار", "الحلو", "جراد", "شكري",
                "غول", "مخبر", "معصوم", "الهجري", "المعلم", "تراس", "راسل", "الصيد", "العريض", "مشار"}


def _data_lines(path: Path) -> list[tuple[int, str]]:
    return [(i, line.rstrip("\n")) for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(True), 1)
            if line.strip() and not line.startswith("#")]


def _persons_of(path: Path) -> list[Actor]:
    lines = _data_lines(path)
    header = lines[0][1].split("\t")
    return [parse_actor(dict(zip(header, line.split("\t"))), f"{path.name}:{i}") for i, line in lines[1:]]


@pytest.fixture(scope="module")
def persons() -> list[Actor]:
    return [p for path in PERSON_FILES for p in _persons_of(path)]


def test_person_files_exist_and_are_substantial(persons):
    assert len(PERSON_FILES) >= 5
    assert len(persons) >= 800


@pytest.mark.parametrize("path", PERSON_FILES, ids=lambda p: p.name)
def test_header_matches_format(path):
    assert _data_lines(path)[0][1].split("\t") == FORMAT_HEADER == list(ACTOR_COLUMNS)


@pytest.mark.parametrize("path", PERSON_FILES, ids=lambda p: p.name)
def test_every_row_has_eleven_cells(path):
    bad = [i for i, line in _data_lines(path) if len(line.split("\t")) != len(FORMAT_HEADER)]
    assert bad == []


def test_ids_unique_and_prefixed(persons):
    ids = [p.id for p in persons]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("per.") for i in ids)


def test_ids_unique_across_all_actor_files():
    loaded = load_actors()  # raises on a duplicate id between any two files
    assert all(loaded.actors[p].type == "PERSON" for p in loaded.actors if p.startswith("per."))


def test_type_sector_country(persons):
    countries = {c for c in Locale("en").territories if len(c) == 2 and c.isalpha()} | {"PS", "EH"}
    for p in persons:
        assert p.type == "PERSON", p.source
        assert p.sector in SECTORS, p.source
        assert p.country in countries, p.source


def test_aliases_are_arabic_and_not_repeated_in_a_row(persons):
    for p in persons:
        assert p.aliases_ar and all(a.strip() for a in p.aliases_ar), p.source
        for a in p.aliases_ar + p.titles_ar:
            assert ARABIC_NAME.match(a), f"{p.source}: {a!r}"
        folded = [normalize_for_match(a) for a in p.aliases_ar]
        assert len(folded) == len(set(folded)), f"{p.source}: same alias twice once folded"


def test_no_alias_shared_by_two_persons(persons):
    owners: dict[str, set[str]] = defaultdict(set)
    for p in persons:
        for a in p.aliases_ar:
            owners[normalize_for_match(a)].add(p.id)
    shared = {a: ids for a, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_no_bare_common_word_alias(persons):
    folded_common = {normalize_for_match(w) for w in COMMON_WORDS}
    bad = [(p.source, a) for p in persons for a in p.aliases_ar if normalize_for_match(a) in folded_common]
    assert bad == []


def test_years(persons):
    for p in persons:
        if p.start and p.end:
            assert p.start <= p.end, p.source
        for y in (p.start, p.end):
            assert y is None or 1900 <= y <= 2026, p.source


def _by_alias(persons, alias: str) -> Actor:
    key = normalize_for_match(alias)
    found = [p for p in persons if key in {normalize_for_match(a) for a in p.aliases_ar}]
    assert len(found) == 1, alias
    return found[0]


def test_spot_checks(persons):
    assad = _by_alias(persons, "بشار الأسد")
    assert (assad.country, assad.start, assad.end) == ("SY", 2000, 2024)
    assert "الرئيس السوري" in assad.titles_ar and assad.aliases_ar[0] == "بشار الأسد"
    sharaa = _by_alias(persons, "أبو محمد الجولاني")
    assert sharaa is _by_alias(persons, "أحمد الشرع") and sharaa.country == "SY" and sharaa.end is None
    assert _by_alias(persons, "حميدتي") is _by_alias(persons, "محمد حمدان دقلو")
    assert _by_alias(persons, "بوتن") is _by_alias(persons, "بوتين")
    assert _by_alias(persons, "إردوغان").country == "TR"
    assert "وزير الخارجية التركي" in _by_alias(persons, "فيدان").titles_ar
    assert "العاهل الأردني" in _by_alias(persons, "عبد الله الثاني").titles_ar
    assert "رئيس الوزراء العراقي" in _by_alias(persons, "محمد شياع السوداني").titles_ar
    assert _by_alias(persons, "نعيم قاسم").start == 2024
    assert _by_alias(persons, "حسن نصر الله").end == 2024
    assert _by_alias(persons, "عراقجي").country == "IR"


def test_titles_follow_the_office_dates(persons):
    """Two holders of the same title must not both hold it in the same year (except hand-over years)."""
    holders: dict[str, list[Actor]] = defaultdict(list)
    for p in persons:
        for t in p.titles_ar:
            holders[normalize_for_match(t)].append(p)
    clashes = []
    for title, ps in holders.items():
        for i, a in enumerate(ps):
            for b in ps[i + 1:]:
                a0, a1 = a.start or 0, a.end or 2026
                b0, b1 = b.start or 0, b.end or 2026
                if min(a1, b1) - max(a0, b0) >= 1:  # overlap of more than a hand-over year
                    clashes.append((title, a.id, b.id))
    assert clashes == []
