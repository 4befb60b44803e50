"""Invariants of the curated ORG rows, generic agents and nisba adjectives (src/rasd/kb/data/actors/).

Files: orgs_*.tsv (organisations, one file per kind), agents.tsv, nisba.tsv; format in FORMAT.md.
The shared loader `rasd.kb.actors` already rejects bad ids, sectors, countries, years and non-Arabic aliases;
the checks here add the exact headers, the ORG type and id scheme, ISO countries via babel, aliases the
matcher can actually meet (no punctuation inside), no alias shared by two organisations once folded,
no deliberately excluded ambiguous word as an alias, and matches of real news sentences.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from babel import Locale

from rasd.kb.actors import (ACTOR_COLUMNS, ACTORS_DIR, AGENT_COLUMNS, NISBA_COLUMNS, SECTORS, Actor, load_actors,
                            parse_actor)
from rasd.kb.keys import name_key
from rasd.kb.matcher import Matcher
from rasd.text.tokens import tokenize

ORG_FILES = sorted(ACTORS_DIR.glob("orgs_*.tsv"))
FORMAT_HEADER = ["id", "type", "sector", "country", "name_en", "aliases_ar", "aliases_en", "titles_ar", "role",
                 "start", "end"]
# Arabic letters (with shadda / superscript alef), ASCII digits (اللواء 444, فرانس 24) and spaces only: the
# matcher ends a name at any punctuation between words, so «- القيادة العامة» or «العربية.نت» could never match.
ALIAS_CHARS = re.compile(r"^[\u0621-\u064a\u0651\u0670 0-9]+$")
COUNTRIES = {c for c in Locale("en").territories if len(c) == 2 and c.isalpha()}
# Words that refer to many organisations (or are ordinary words) and must never be an org alias on their own.
EXCLUDED = {"القاعدة", "فتح", "العربية", "الشرق الأوسط", "الحكومة", "النظام", "الجيش", "وزارة الدفاع",
            "وزارة الداخلية", "وزارة الخارجية", "وزارة الصحة", "الحشد", "الأمن العام", "الحرس الجمهوري",
            "الحرس الوطني", "الجبهة الشعبية", "الجبهة الديمقراطية", "الوطن", "النهار", "الخليج", "الاتحاد",
            "الرياض", "البيان", "المسيرة", "الميادين", "المنار", "الحرة", "أمل", "التحالف", "الانتقالي",
            "المقاومة الإسلامية", "الجيش الوطني", "حكومة الوحدة الوطنية", "الهلال الأحمر", "كان", "أمان"}
# Org aliases that are also generic agents on purpose (the brief: «قوات النظام» is both the Syrian army and
# the generic «regime forces»); the matcher keeps both readings and the pipeline decides.
ORG_AGENT_SHARED = {"قوات النظام", "جيش النظام", "جيش الاحتلال", "قوات الاحتلال"}
# States whose core bodies must all be present (Arab League members, regional powers, P5).
CORE_STATES = ("sy iq lb jo ps eg sa ae qa kw bh om ye ly tn dz ma mr sd so dj km ir tr il us ru gb fr cn").split()
ARAB_LEAGUE = {"SY", "IQ", "LB", "JO", "PS", "EG", "SA", "AE", "QA", "KW", "BH", "OM", "YE", "LY", "TN", "DZ",
               "MA", "MR", "SD", "SO", "DJ", "KM"}
# Second id segments that look like country codes but name an organisation family.
NOT_COUNTRY_SEGMENTS = {"un", "eu", "au"}


def _data_lines(path: Path) -> list[tuple[int, str]]:
    return [(i, line.rstrip("\n")) for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(True), 1)
            if line.strip() and not line.startswith("#")]


def _orgs_of(path: Path) -> list[Actor]:
    lines = _data_lines(path)
    header = lines[0][1].split("\t")
    return [parse_actor(dict(zip(header, line.split("\t"))), f"{path.name}:{i}") for i, line in lines[1:]]


@pytest.fixture(scope="module")
def orgs() -> list[Actor]:
    return [o for path in ORG_FILES for o in _orgs_of(path)]


@pytest.fixture(scope="module")
def actors():
    return load_actors()


@pytest.fixture(scope="module")
def matcher(actors) -> Matcher:
    """Actors, agents and nisba only (no gazetteer): what these files contribute to matching."""
    m = Matcher()
    for a in actors.actors.values():
        for alias in a.aliases_ar:
            m.add(alias, "actor", a.id)
    for g in actors.agents.values():
        for form in g.aliases_ar + tuple(p for p in g.plural.split("|") if p):
            m.add(form, "agent", g.id)
    for n in actors.nisba:
        for form in n.forms:
            m.add(form, "nisba", f"cc:{n.country}")
    return m


def _matches(matcher: Matcher, text: str) -> list[tuple[str, str, list[str]]]:
    return [(x.text, x.kind, x.ids) for x in matcher.match_tokens(tokenize(text), text)]


def _ids_in(matcher: Matcher, text: str) -> set[str]:
    return {i for _, _, ids in _matches(matcher, text) for i in ids}


# ---------------------------------------------------------------- files and headers

def test_org_files_exist_and_are_substantial(orgs):
    names = {p.name for p in ORG_FILES}
    for kind in ("armed_groups", "state_forces", "government", "igo_ngo", "media", "parties"):
        assert f"orgs_{kind}.tsv" in names
    assert len(orgs) >= 700


@pytest.mark.parametrize("path", ORG_FILES, ids=lambda p: p.name)
def test_org_header_and_cell_count(path):
    lines = _data_lines(path)
    assert lines[0][1].split("\t") == FORMAT_HEADER == list(ACTOR_COLUMNS)
    assert [i for i, line in lines[1:] if len(line.split("\t")) != len(FORMAT_HEADER)] == []


@pytest.mark.parametrize("name,columns", [("agents.tsv", AGENT_COLUMNS), ("nisba.tsv", NISBA_COLUMNS)])
def test_special_file_headers(name, columns):
    lines = _data_lines(ACTORS_DIR / name)
    assert tuple(lines[0][1].split("\t")) == columns
    assert [i for i, line in lines[1:] if len(line.split("\t")) != len(columns)] == []


# ---------------------------------------------------------------- ids, types, sectors, countries, years

def test_ids_unique_across_all_actor_files(orgs, actors):
    ids = [o.id for o in orgs]
    assert len(ids) == len(set(ids))
    assert all(actors.actors[i].type == "ORG" for i in ids)   # load_actors raised on any cross-file duplicate


def test_org_type_prefix_sector(orgs):
    for o in orgs:
        assert o.type == "ORG" and o.id.startswith("org."), o.source
        assert re.fullmatch(r"org(\.[a-z0-9_]+)+", o.id), o.source
        assert o.sector in SECTORS, o.source
        assert not o.titles_ar and not o.role, o.source


def test_countries_are_iso_alpha2(orgs):
    for o in orgs:
        assert o.country == "" or o.country in COUNTRIES, o.source


def test_country_segment_of_id_matches_country(orgs):
    """org.sy.army is Syrian, org.us.centcom American: the id's country segment agrees with the column."""
    for o in orgs:
        parts = o.id.split(".")
        seg = parts[1]
        if len(parts) >= 3 and len(seg) == 2 and seg not in NOT_COUNTRY_SEGMENTS:
            assert o.country == seg.upper(), o.source


def test_years_are_plausible(orgs):
    for o in orgs:
        for y in (o.start, o.end):
            assert y is None or 1800 <= y <= 2026, o.source
        if o.start and o.end:
            assert o.start <= o.end, o.source


def test_igos_have_no_country(orgs):
    for o in orgs:
        if o.sector == "igo" and o.id.startswith(("org.un.", "org.eu.")):
            assert o.country == "", o.source


# ---------------------------------------------------------------- aliases

def test_aliases_are_matchable_arabic(orgs):
    for o in orgs:
        for a in o.aliases_ar:
            assert ALIAS_CHARS.match(a) and re.search(r"[\u0621-\u064a]", a), (o.source, a)
            assert a == a.strip() and "  " not in a, (o.source, a)


def test_no_alias_repeated_within_a_row(orgs):
    for o in orgs:
        keys = [name_key(a) for a in o.aliases_ar]
        assert len(keys) == len(set(keys)), o.source


def test_no_alias_shared_by_two_actors(actors):
    """Every folded alias points at one actor (orgs and persons together); a shared one is reported here."""
    owners = defaultdict(set)
    for a in actors.actors.values():
        for alias in a.aliases_ar:
            owners[name_key(alias)].add(a.id)
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1 and any(i.startswith("org.") for i in v)}
    assert shared == {}


def test_excluded_ambiguous_words_are_not_org_aliases(orgs):
    excluded = {name_key(w) for w in EXCLUDED}
    for o in orgs:
        for a in o.aliases_ar:
            assert name_key(a) not in excluded, (o.source, a)


def test_org_aliases_meet_agents_only_where_intended(orgs, actors):
    agent_keys = {name_key(f) for g in actors.agents.values()
                  for f in g.aliases_ar + tuple(p for p in g.plural.split("|") if p)}
    shared = {a for o in orgs for a in o.aliases_ar if name_key(a) in agent_keys}
    assert shared == ORG_AGENT_SHARED


def test_us_bodies_list_both_spellings(orgs):
    """«أمريكية» and «أميركية» are both common and not folded by normalisation: US bodies carry both."""
    for o in orgs:
        if o.country == "US":
            text = " ".join(o.aliases_ar)
            if "أمريكي" in text:
                assert "أميركي" in text, o.source


# ---------------------------------------------------------------- coverage and spot checks

@pytest.mark.parametrize("cc", CORE_STATES)
def test_core_states_have_government_army_and_foreign_ministry(actors, cc):
    for body in ("gov", "mofa"):
        assert f"org.{cc}.{body}" in actors.actors
    if cc not in ("ps", "km"):
        assert f"org.{cc}.army" in actors.actors


@pytest.mark.parametrize("actor_id,alias", [
    ("org.hts", "هيئة تحرير الشام"), ("org.isis", "داعش"), ("org.isis", "تنظيم الدولة الإسلامية"),
    ("org.hezbollah", "حزب الله"), ("org.houthis", "أنصار الله"), ("org.houthis", "الحوثيون"),
    ("org.rsf", "الدعم السريع"), ("org.hamas", "حماس"), ("org.qassam", "كتائب القسام"),
    ("org.pij", "الجهاد الإسلامي"), ("org.saraya_al_quds", "سرايا القدس"), ("org.sdf", "قسد"),
    ("org.pmf", "الحشد الشعبي"), ("org.kataib_hezbollah", "كتائب حزب الله"), ("org.fatemiyoun", "فاطميون"),
    ("org.al_shabaab", "حركة الشباب"), ("org.jnim", "جماعة نصرة الإسلام والمسلمين"),
    ("org.sy.army", "الجيش العربي السوري"), ("org.sy.army", "قوات النظام"), ("org.sy.gov", "النظام السوري"),
    ("org.ir.irgc", "الحرس الثوري"), ("org.ir.quds_force", "فيلق القدس"), ("org.il.army", "جيش الاحتلال"),
    ("org.sd.army", "القوات المسلحة السودانية"), ("org.us.centcom", "سنتكوم"), ("org.us.mod", "البنتاغون"),
    ("org.un.unrwa", "الأونروا"), ("org.ngo.icrc", "الصليب الأحمر"), ("org.sy.civil_defence", "الخوذ البيضاء"),
    ("org.ngo.sohr", "المرصد السوري لحقوق الإنسان"), ("org.media.afp", "أ ف ب"), ("org.media.guardian", "الجارديان"),
    ("org.media.guardian", "الغارديان"), ("org.ps.gaza_moh", "وزارة الصحة في غزة"), ("org.gcc", "مجلس التعاون الخليجي"),
])
def test_spot_check_aliases(actors, actor_id, alias):
    assert name_key(alias) in {name_key(a) for a in actors.actors[actor_id].aliases_ar}


def test_canonical_alias_is_the_full_name(actors):
    assert actors.actors["org.hamas"].name_ar.startswith("حركة المقاومة الإسلامية")
    assert actors.actors["org.sdf"].name_ar == "قوات سوريا الديمقراطية"
    assert actors.actors["org.media.sana"].name_ar == "الوكالة العربية السورية للأنباء"
    assert actors.actors["org.hts"].end == 2025 and actors.actors["org.nusra"].end == 2016


# ---------------------------------------------------------------- agents

def test_agents(actors):
    agents = actors.agents
    assert len(agents) >= 60
    owners = defaultdict(set)
    for g in agents.values():
        assert g.sector in SECTORS and g.name_en, g.source
        forms = g.aliases_ar + tuple(p for p in g.plural.split("|") if p)
        for f in forms:
            assert ALIAS_CHARS.match(f), (g.source, f)
            owners[name_key(f)].add(g.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
    for needed in ("agent.army", "agent.police", "agent.militant", "agent.rebel", "agent.militia", "agent.protester",
                   "agent.civilian", "agent.displaced", "agent.refugee", "agent.settler", "agent.journalist",
                   "agent.regime_forces", "agent.tribe", "agent.smuggler", "agent.pilgrim"):
        assert needed in agents


# ---------------------------------------------------------------- nisba

def test_nisba(actors):
    rows = actors.nisba
    assert len(rows) >= 70
    countries = [n.country for n in rows]
    assert len(countries) == len(set(countries))
    assert ARAB_LEAGUE | {"IR", "TR", "IL", "US", "RU", "GB", "FR", "CN", "AF"} <= set(countries)
    owners = defaultdict(set)
    for n in rows:
        assert n.country in COUNTRIES and n.name_en_adj and n.masc and n.fem, n.source
        for f in n.forms:
            assert ALIAS_CHARS.match(f), (n.source, f)
            owners[name_key(f)].add(n.country)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
    by_cc = {n.country: n for n in rows}
    assert {"أمريكي", "أميركي"} <= set(by_cc["US"].masc)
    assert "أتراك" in by_cc["TR"].plural and "سوريين" in by_cc["SY"].plural and "سودانية" in by_cc["SD"].fem


# ---------------------------------------------------------------- matching real sentences

def test_longer_name_wins_over_the_name_it_contains(matcher):
    text = "وأعلنت كتائب حزب الله في العراق مسؤوليتها، فيما قال حزب الله اللبناني إن مقاتليه استهدفوا موقعا للجيش الإسرائيلي."
    ids = _ids_in(matcher, text)
    assert {"org.kataib_hezbollah", "org.hezbollah", "org.il.army"} <= ids


def test_gaza_health_ministry_and_agents(matcher):
    text = "قالت وزارة الصحة في غزة إن الغارات الإسرائيلية قتلت 40 فلسطينيا بينهم أطفال ونساء، بحسب وكالة وفا."
    found = _matches(matcher, text)
    ids = {i for _, _, x in found for i in x}
    assert {"org.ps.gaza_moh", "agent.child", "agent.woman", "org.media.wafa", "cc:IL"} <= ids
    # The accusative «فلسطينيا» (after a number) is not listed: «سوريا», «ليبيا», «تركيا» are country names.
    assert "cc:PS" not in ids


def test_syrian_factions_and_monitor(matcher):
    text = "اشتبكت قوات سوريا الديمقراطية (قسد) مع فصائل الجيش الوطني السوري، وفق المرصد السوري لحقوق الإنسان."
    ids = _ids_in(matcher, text)
    assert {"org.sdf", "org.sna", "org.ngo.sohr"} <= ids
    assert "cc:SY" not in ids   # «السوري» inside the longer names is not a separate nisba


def test_sudan_sentence(matcher):
    text = "وذكرت وكالة فرانس برس أن قوات الدعم السريع هاجمت مخيما للنازحين، فيما قال الجيش السوداني إنه صد الهجوم."
    ids = _ids_in(matcher, text)
    assert {"org.media.afp", "org.rsf", "agent.displaced", "org.sd.army"} <= ids


def test_bare_ministry_is_not_an_org(matcher):
    ids = _ids_in(matcher, "وقالت وزارة الدفاع في بيان إن قواتها صدت الهجوم.")
    assert not any(i.startswith("org.") for i in ids)
    ids = _ids_in(matcher, "وقالت وزارة الدفاع الروسية في بيان إن قواتها صدت الهجوم.")
    assert "org.ru.mod" in ids


def test_settlers_and_occupation_army(matcher):
    text = "واقتحم مستوطنون إسرائيليون قرية في الضفة الغربية تحت حماية جيش الاحتلال، وفق وكالة الأناضول."
    found = _matches(matcher, text)
    ids = {i for _, _, x in found for i in x}
    assert {"agent.settler", "cc:IL", "org.il.army", "org.media.anadolu"} <= ids
