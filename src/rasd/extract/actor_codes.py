"""Stage `actor_codes`: every event's actor1/actor2 becomes an analysts' actor, in ACLED's conventions.

Runs after `events`. For each actor it sets `acled_name` ("Military Forces of Syria", "Civilians (Sudan)",
"Rapid Support Forces"), `inter` (ACLED's actor type 1-8), `assoc` (associated actors) and `actor_id` (one id
per concept and country for generic actors; the KB id for a known one), and fills a missing `name_en`.
The Arabic mention stays in `text`. The rules are rows of data/acled_actors.tsv; here:

- the actor's country comes from the text: the actor's own country (KB or nisba), a nisba word in or right
  after the mention, the event's place, else the article's main country;
- metonymy: a country or capital named as the agent («دمشق تتهم», «قصفت إسرائيل») is its government, or its
  forces when it attacks (ASSAULT) or arrests (COERCE);
- victims, facilities and places are never actor1, nor are rescuers and civilians of an attack or arrest:
  such an actor1 moves to actor2 (or, when actor2 is taken, its name joins actor2's associated actors); a
  town as actor is dropped (it is the place), and so is an IGO, NGO or outlet named as the attacker (it
  reports the attack: «قال مكتب حقوق الإنسان إن … قتلوا»). A rescuer giving aid («قدم الهلال الأحمر مساعدات») stays
  actor1, coded as the organisation it is (inter 8);
- civilians as actor1 of a protest are Protesters (Rioters when the protest is a riot). An attack left
  without an attacker keeps actor1 empty here (the text names none); the export writes it as ACLED does,
  "Unidentified Armed Group (<country>)".
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.document import Actor, Document, Event
from rasd.extract.actor_extent import run_on_actors
from rasd.extract.event_actors import english_plural, national_name
from rasd.kb import load_kb
from rasd.kb.english import country_name, english_name
from rasd.kb.keys import name_key
from rasd.kb.tsv import numbered_rows

DATA = Path(__file__).with_name("data") / "acled_actors.tsv"
ROLES = ("force", "state", "group", "militia", "protester", "rioter", "civilian", "victim", "rescuer",
         "facility", "other")
NEVER_ACTOR1 = frozenset({"victim", "rescuer", "facility"})
VIOLENT = frozenset({"ASSAULT", "COERCE"})
_PROTESTER_NAMED = frozenset({"agent.protester", "agent.rioter"})     # roles whose name already says they protest     # rescuers and civilians never strike or arrest
REPORTERS = frozenset({"igo", "ngo", "media"})   # nor do the UN offices, NGOs and outlets that report it
_KEY_KINDS = ("idpart:", "text:", "sector:", "cc:")


class ActorCodeDataError(ValueError):
    """A bad row in data/acled_actors.tsv; the message starts with file:line."""


@dataclass(frozen=True)
class Rule:
    acled_name: str
    inter: int
    role: str
    assoc: str = ""


@lru_cache(maxsize=1)
def rules(path: Path = DATA) -> dict[str, Rule]:
    out: dict[str, Rule] = {}
    for lineno, cells in numbered_rows(path):
        where = f"{path.name}:{lineno}"
        if len(cells) != 5:
            raise ActorCodeDataError(f"{where}: {len(cells)} cells, expected key, acled_name, inter, role, assoc")
        key, name, inter, role, assoc = (c.strip() for c in cells)
        if not inter.isdigit() or not 1 <= int(inter) <= 8:
            raise ActorCodeDataError(f"{where}: inter must be 1-8, not {inter!r}")
        if role not in ROLES:
            raise ActorCodeDataError(f"{where}: role {role!r} is not one of {', '.join(ROLES)}")
        if key in out:
            raise ActorCodeDataError(f"{where}: duplicate key {key}")
        if key.startswith("text:"):
            key = "text:" + name_key(key[5:])
        out[key] = Rule(name, int(inter), role, assoc)
    return out


def _strip_al(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


@lru_cache(maxsize=1)
def _text_rules() -> list[tuple[tuple[str, ...], Rule]]:
    rows = [(tuple(_strip_al(w) for w in k[5:].split()), r) for k, r in rules().items() if k.startswith("text:")]
    return sorted(rows, key=lambda kv: -len(kv[0]))


def _text_rule(text: str) -> Rule | None:
    words = [_strip_al(w) for w in name_key(text).split()]
    for needle, rule in _text_rules():
        n = len(needle)
        if any(tuple(words[i:i + n]) == needle for i in range(len(words) - n + 1)):
            return rule
    return None


# ---------------------------------------------------------------- which rule

def _place_of(actor: Actor):
    """The gazetteer place an actor names («دمشق» → Damascus), or None."""
    if not actor.kb_id or actor.kb_id.startswith(("per.", "org.", "agent.", "cc:")):
        return None
    return load_kb().gazetteer.place(actor.kb_id)


def _is_state_metonym(actor: Actor) -> bool:
    if (actor.kb_id or "").startswith("cc:"):
        return True
    place = _place_of(actor)
    return place is not None and (place.is_capital or place.feature == "country")


def _entity_type(doc: Document, actor: Actor) -> str | None:
    if actor.span is None:
        return None
    for e in doc.entities:
        if e.span.start == actor.span.start and e.span.end == actor.span.end:
            return e.type
    return None


def rule_for(actor: Actor, event: Event, doc: Document | None = None) -> Rule:
    """The table row that codes `actor` in `event` (see the table's header for precedence)."""
    table = rules()
    kb_id = actor.kb_id or ""
    if kb_id in table and not kb_id.startswith("agent."):
        return table[kb_id]
    if kb_id.startswith(("org.", "per.")):
        part = next((r for k, r in table.items() if k.startswith("idpart:") and k[7:] in kb_id), None)
        if part is not None:
            return part
    if _is_state_metonym(actor):
        return table.get(f"cc:{event.type}") or table["cc:"]
    if _place_of(actor) is not None:
        return Rule("{name}", 7, "facility")           # a town or region named as actor: it is the place
    etype = _entity_type(doc, actor) if doc is not None else None
    if etype == "FAC":
        return Rule("Civilians ({country})", 7, "facility", "{name}")
    if not kb_id or kb_id == "agent.protester":      # «مثيري الشغب» are the protester agent, coded Rioters
        by_text = _text_rule(actor.text)
        if by_text is not None:
            return by_text
    if kb_id.startswith("agent.") and kb_id in table:
        return table[kb_id]
    if actor.sector and f"sector:{actor.sector}" in table:
        rule = table[f"sector:{actor.sector}"]
        if not kb_id and actor.sector == "civilian" and etype not in ("ORG", "PERSON"):
            return Rule(rule.acled_name, rule.inter, "victim", "")    # a victim noun («شخصاً», «سيدة»)
        return rule
    return Rule("{name}", 8, "other")


# ---------------------------------------------------------------- country

def _nisba_country(doc: Document, actor: Actor) -> str | None:
    """A nisba in the mention («قوات الأمن المصرية») or right after it, in the same sentence."""
    kb = load_kb()
    for word in actor.text.split():
        cc = kb.nisba_country(word)
        if cc:
            return cc
    if actor.span is None:
        return None
    idx = doc.token_range(actor.span.start, actor.span.end)
    if idx is None:
        return None
    sentence = doc.tokens[idx[1]].sentence
    for tok in doc.tokens[idx[1] + 1: idx[1] + 3]:
        if tok.sentence != sentence or any(ch in ".،,؛:«»" for ch in doc.text[tok.start - 1:tok.start]):
            break
        cc = kb.nisba_country(tok.text)
        if cc:
            return cc
    return None


def main_country(doc: Document) -> str | None:
    """The article's main country: the one its resolved places name most (the first such on a tie)."""
    counts = Counter(p.country for p in doc.places if p.country)
    if not counts:
        return None
    best = max(counts.values())
    return next(p.country for p in doc.places if p.country and counts[p.country] == best)


def actor_country(doc: Document, actor: Actor, event: Event, fallback: str | None) -> str | None:
    if actor.country:
        return actor.country
    if (actor.kb_id or "").startswith("cc:"):
        return (actor.kb_id or "")[3:]
    if (actor.kb_id or "").startswith(("org.", "per.")):
        return None        # a KB actor without a country is international (UN, EU, IS)
    place = _place_of(actor)
    if place is not None:
        return place.country or None
    return _nisba_country(doc, actor) or (event.place.country if event.place and event.place.country
                                         else None) or fallback


# ---------------------------------------------------------------- naming

_SLUG = re.compile(r"[^a-z0-9]+")


def _fill(template: str, country: str | None, name: str) -> str:
    if not template:
        return ""
    if not country:
        template = template.replace(" of {country}", "").replace(" ({country})", "").replace("{country}", "")
    return " ".join(template.format(country=country_name(country), name=name).split())


def code_actor(doc: Document, actor: Actor, event: Event, fallback_country: str | None) -> str:
    """Set the actor's analyst fields; returns its role."""
    if not actor.name_en:
        actor.name_en = english_name(actor.text)
    rule = rule_for(actor, event, doc)
    country = actor_country(doc, actor, event, fallback_country)
    if rule.role in ("force", "state", "militia", "protester", "rioter", "civilian", "victim", "rescuer",
                     "facility") and actor.country is None and country:
        actor.country = country
    actor.name_en = national_name(actor)     # «الأمن» of Jordan: «Jordanian security forces»
    name = actor.name_en or english_name(actor.text)
    actor.acled_name = _fill(rule.acled_name, country, name) or name
    actor.inter = rule.inter
    event_country = event.place.country if event.place and event.place.country else None
    if rule.role == "force" and event.type == "ASSAULT" and country and event_country and country != event_country:
        actor.inter = 8        # state forces acting in another country's territory: external forces
    assoc = _fill(rule.assoc, country, name)
    actor.assoc = [assoc] if assoc and assoc != actor.acled_name else []
    generic = not (actor.kb_id or "").startswith(("per.", "org.")) and "{name}" not in rule.acled_name
    if generic:
        actor.actor_id = "acled:" + _SLUG.sub("_", actor.acled_name.lower()).strip("_")
    else:
        actor.actor_id = actor.kb_id or None
    return rule.role


def _is_riot(event: Event, actor: Actor, role: str) -> bool:
    return role == "rioter" or event.mode == "riot" or (event.acled_subtype or "") == "Violent demonstration"


def _crowd_name(actor: Actor) -> str | None:
    """A generic role protesting is a crowd: its English name in the plural («Iraqi protester» → «Iraqi
    protesters»); a crowd named by another role is protesters of that role, as ACLED codes it (Protesters,
    associated with the students, the residents ...): «protesters (young men)». Named bodies keep theirs."""
    if not (actor.kb_id or "").startswith("agent.") or not actor.name_en:
        return actor.name_en
    plural = english_plural(actor.name_en)
    if actor.kb_id in _PROTESTER_NAMED or "protester" in plural.lower():
        return plural
    return f"protesters ({plural})"


def code_event(doc: Document, event: Event, fallback_country: str | None) -> None:
    roles = {}
    for slot in ("actor1", "actor2"):
        actor = getattr(event, slot)
        if actor is not None:
            roles[slot] = code_actor(doc, actor, event, fallback_country)
    a1, a2 = event.actor1, event.actor2
    if a2 is not None and roles.get("actor2") == "facility" and _place_of(a2) is not None:
        event.actor2 = a2 = None        # a town as the one acted on: it is the event's place, not an actor
    if a1 is not None and event.type == "PROTEST" and roles["actor1"] in ("civilian", "victim", "protester",
                                                                          "rioter"):
        riot = _is_riot(event, a1, roles["actor1"])
        country = a1.country
        if not a1.assoc and a1.acled_name and not a1.acled_name.startswith(("Protesters", "Rioters",
                                                                              "Civilians")):
            a1.assoc = [a1.acled_name]      # a named group protesting is associated with the protesters
        a1.acled_name = _fill("Rioters ({country})" if riot else "Protesters ({country})", country, "")
        a1.inter = 5 if riot else 6
        a1.name_en = _crowd_name(a1)
        a1.actor_id = "acled:" + _SLUG.sub("_", a1.acled_name.lower()).strip("_")
        roles["actor1"] = "rioter" if riot else "protester"
    if a1 is not None and roles.get("actor1") == "rescuer" and event.type not in VIOLENT:
        a1.acled_name, a1.inter, a1.assoc = a1.name_en or a1.acled_name, 8, []   # giving aid: an NGO acting
        a1.actor_id = a1.kb_id or a1.actor_id
        roles["actor1"] = "other"
    if a1 is not None and event.type in VIOLENT and a1.sector in REPORTERS and roles.get("actor1") == "other":
        event.actor1 = a1 = None     # a UN office, NGO or outlet that reports an attack did not carry it out
    misplaced = roles.get("actor1") in NEVER_ACTOR1 or (
        roles.get("actor1") == "civilian" and event.type in VIOLENT)
    if a1 is not None and misplaced:
        if _place_of(a1) is not None:
            pass                                    # a town as agent: drop it, it is the place
        elif a2 is None:
            event.actor2 = a1
        elif a1.acled_name and a1.acled_name != a2.acled_name:
            a2.assoc = a2.assoc + [n for n in [a1.acled_name] + a1.assoc if n not in a2.assoc]
        event.actor1 = a1 = None


def code_background_event(doc: Document, item: dict, fallback_country: str | None) -> None:
    """A background event (a `non_events` item with modality historical) may join a stored event of another
    article as one more mention (rasd.store.dedup_store.background_events), where its actors stand beside the
    news events' ones (the canonical event's actors, the ACLED export): coded the same way, in place."""
    if not (item.get("actor1") or item.get("actor2")):
        return
    try:
        event = Event.model_validate({k: v for k, v in item.items() if k in Event.model_fields})
    except ValueError:
        return
    code_event(doc, event, fallback_country)
    for slot in ("actor1", "actor2"):
        actor = getattr(event, slot)
        item[slot] = actor.model_dump(mode="json") if actor is not None else None


NEEDS = ("events", "entities", "places")
ADDS = ("events", "non_events")  # fills the analyst fields of each event's (and background event's) actors


def run(doc: Document) -> None:
    fallback = main_country(doc)
    for event in doc.events:
        code_event(doc, event, fallback)
    for item in doc.non_events:
        if item.get("modality") == "historical":
            code_background_event(doc, item, fallback)
    run_on_actors(doc)      # after the codes: they read the actor as it was found
