"""read indexes: the covering indexes behind the API's lists, aggregates, map and facets

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05

Until this revision `rasd serve` created these indexes when it opened a store, so a store it has served
already has them: IF NOT EXISTS leaves those alone (SQLite and PostgreSQL both take it).
"""
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# (index, table, columns), frozen here as this revision made them (later model changes do not touch them)
INDEXES = [
    ("ix_events_date_lo_id", "events", ("date_lo", "id", "date_hi")),
    ("ix_events_agg", "events", ("type", "date_lo", "date_precision", "country", "admin1", "fatalities",
                                 "acled_type", "acled_subtype", "lat", "lon")),
    ("ix_events_places", "events", ("country", "admin1", "fatalities", "lat")),
    ("ix_events_acled", "events", ("acled_type", "acled_subtype")),
    ("ix_events_acled_fatalities", "events", ("acled_type", "fatalities", "date_lo")),
    ("ix_events_acled_subtype", "events", ("acled_subtype",)),
    ("ix_events_admin1", "events", ("admin1",)),
    # a country's (and a country's type's) events newest first, read in index order: no sort of all of them
    ("ix_events_country_date", "events", ("country", "date_lo", "id")),
    ("ix_events_country_type_date", "events", ("country", "type", "date_lo", "id")),
    ("ix_events_points", "events", ("lat", "lon", "type", "fatalities")),
    # outlet names in both languages, read without touching the article texts
    ("ix_articles_outlet_names", "articles", ("outlet", "outlet_en")),
    # article -> its events (the outlet filter) without reading the wide mention rows
    ("ix_event_mentions_article_event", "event_mentions", ("article_id", "event_id")),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({', '.join(columns)})")


def downgrade() -> None:
    for name, _table, _columns in reversed(INDEXES):
        op.execute(f"DROP INDEX IF EXISTS {name}")
