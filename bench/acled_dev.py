"""The analysts' view of the dev set: ingest it, export the ACLED-style CSV, run two everyday analyses with
pandas (events per week per admin1; fatalities by actor type) and count the actors that break ACLED's
rules. Its output is what docs/ACLED.md shows.

    .venv/bin/python bench/acled_dev.py [ARTICLES.jsonl]      # default ../shared/eval/dev/articles.jsonl
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pandas as pd

from rasd.cli import main
from rasd.store import Repository

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"
INTER = {1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias", 5: "Rioters",
         6: "Protesters", 7: "Civilians", 8: "External/other forces"}
VICTIM_AGENTS = {"agent.civilian", "agent.citizen", "agent.residents", "agent.child", "agent.woman",
                 "agent.elderly", "agent.displaced", "agent.refugee", "agent.prisoner", "agent.hostage",
                 "agent.patient"}
RESCUE_WORDS = ("red_crescent", "red_cross", "civil_defence", "agent.rescuer", "agent.medic", "agent.doctor")
FACILITY_WORDS = ("مستشفى", "مشفى", "مستوصف", "مدرسة", "مسجد", "كنيسة")
VIOLENT = {"ASSAULT", "COERCE"}


def read_acled_csv(path: Path) -> pd.DataFrame:
    """The CSV as an analyst reads it: no manual cleaning, only the column types declared."""
    ints = {c: "Int64" for c in ("year", "time_precision", "inter1", "inter2", "interaction", "iso",
                                 "geo_precision", "fatalities", "timestamp", "injuries")}
    return pd.read_csv(path, dtype={**ints, "admin2": "string", "admin3": "string", "tags": "string",
                                    "civilian_targeting": "string", "assoc_actor_1": "string",
                                    "assoc_actor_2": "string"}, parse_dates=["event_date"])


def ingest_and_export(articles: Path, workdir: Path) -> tuple[Path, Path]:
    db, out = workdir / "dev.db", workdir / "dev.csv"
    assert main(["ingest", str(articles), "--db", str(db), "-q"]) == 0
    assert main(["export", "--format", "csv", "--db", str(db), "-o", str(out), "-q"]) == 0
    return db, out


def weekly_events_by_admin1(df: pd.DataFrame) -> pd.DataFrame:
    placed = df[df["admin1"].notna()]
    weekly = placed.groupby([pd.Grouper(key="event_date", freq="W-MON", label="left", closed="left"),
                             "admin1"]).size().rename("events").reset_index()
    return weekly.sort_values(["event_date", "events", "admin1"], ascending=[True, False, True])


def fatalities_by_actor_type(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby("inter1").agg(events=("event_id_cnty", "size"), fatalities=("fatalities", "sum"))
    out.insert(0, "actor type", [INTER[int(i)] for i in out.index])
    return out


def actor_problems(db: Path) -> dict[str, int]:
    """Counts over every mention's actors: what ACLED forbids as actor1, and actors left uncoded."""
    from rasd.kb import load_kb
    gazetteer = load_kb().gazetteer
    counts = {"events": 0, "actors": 0, "actor1": 0, "actor1 a town or region": 0, "actor1 a facility": 0,
              "actor1 a victim group": 0, "actor1 a rescuer in an attack or arrest": 0,
              "actor1 civilians in an attack or arrest": 0, "actor without an English name": 0,
              "actor without an inter code": 0}
    with Repository.open(str(db)) as repo:
        for event in repo.iter_events():
            for ev in repo.mention_events(event.id).values():
                counts["events"] += 1
                for slot in ("actor1", "actor2"):
                    actor = getattr(ev, slot)
                    if actor is None:
                        continue
                    counts["actors"] += 1
                    english = actor.acled_name or ""
                    if not english or not english.isascii():
                        counts["actor without an English name"] += 1
                    if actor.inter not in INTER:
                        counts["actor without an inter code"] += 1
                    if slot != "actor1":
                        continue
                    counts["actor1"] += 1
                    kb_id = actor.kb_id or ""
                    place = gazetteer.place(kb_id) if kb_id and not kb_id.startswith(
                        ("per.", "org.", "agent.", "cc:")) else None
                    if place is not None and not (place.is_capital or place.feature == "country"):
                        counts["actor1 a town or region"] += 1
                    if any(w in actor.text for w in FACILITY_WORDS):
                        counts["actor1 a facility"] += 1
                    if kb_id in VICTIM_AGENTS:
                        counts["actor1 a victim group"] += 1
                    if ev.type in VIOLENT and any(w in kb_id for w in RESCUE_WORDS):
                        counts["actor1 a rescuer in an attack or arrest"] += 1
                    if ev.type in VIOLENT and actor.inter == 7:
                        counts["actor1 civilians in an attack or arrest"] += 1
    return counts


def report(articles: Path = DEV) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db, csv_path = ingest_and_export(articles, Path(tmp))
        df = read_acled_csv(csv_path)
        pd.set_option("display.width", 140)
        print(f"{len(df)} canonical events, {df['fatalities'].sum()} fatalities\n")
        weekly = weekly_events_by_admin1(df)
        busiest = weekly.sort_values(["events", "event_date"], ascending=[False, False]).head(12)
        print(f"Events per week per admin1: {len(weekly)} (week, admin1) cells; the 12 busiest "
              "(weeks start on Monday)\n")
        print(busiest.to_string(index=False))
        print("\nFatalities by actor1 type (inter1)\n")
        table = fatalities_by_actor_type(df)
        print(table.to_string())
        print("\nActors of every event mention\n")
        for k, v in actor_problems(db).items():
            print(f"- {k}: {v}")


if __name__ == "__main__":
    report(Path(sys.argv[1]) if len(sys.argv) > 1 else DEV)
