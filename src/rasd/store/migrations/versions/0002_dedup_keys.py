"""dedup: indexed candidate keys of canonical events, the re-merge log, events kept apart

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05

Existing canonical events get their keys here, so a store made before this revision keeps deduplicating.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('event_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_keys_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_keys_key'), ['key'], unique=False)

    op.create_table('event_merges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('into_event_id', sa.Integer(), nullable=False),
    sa.Column('from_event_id', sa.Integer(), nullable=False),
    sa.Column('mention_ids', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event_merges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_merges_into_event_id'), ['into_event_id'], unique=False)

    op.create_table('event_apart',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_a', sa.Integer(), nullable=False),
    sa.Column('event_b', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_a', 'event_b', name='uq_event_apart')
    )
    with op.batch_alter_table('event_apart', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_apart_event_a'), ['event_a'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_apart_event_b'), ['event_b'], unique=False)

    _backfill_keys()


def _backfill_keys() -> None:
    """Keys for the events already stored, read with this revision's own column list (not the ORM models,
    which later revisions may extend)."""
    from rasd.store import canonical
    from rasd.store.dedup import ActorKey, MentionKey
    from rasd.store.dedup_store import event_keys
    events = sa.table("events", sa.column("id", sa.Integer), sa.column("type", sa.String),
                      sa.column("date_lo", sa.Date), sa.column("date_hi", sa.Date), sa.column("lat", sa.Float),
                      sa.column("lon", sa.Float), sa.column("place_id", sa.String), sa.column("place_text", sa.Text),
                      sa.column("country", sa.String), sa.column("feature", sa.String))
    keys = sa.table("event_keys", sa.column("event_id", sa.Integer), sa.column("key", sa.String))
    conn = op.get_bind()
    last = 0
    while True:
        rows = conn.execute(sa.select(events).where(events.c.id > last).order_by(events.c.id).limit(1000)).all()
        if not rows:
            break
        batch = []
        for r in rows:
            key = MentionKey(type=r.type, date_lo=r.date_lo, date_hi=r.date_hi, lat=r.lat, lon=r.lon,
                             place=canonical.normalised_name(r.place_text), country=r.country,
                             actor1=ActorKey(None, None), actor2=ActorKey(None, None), place_id=r.place_id,
                             feature=r.feature)
            batch += [{"event_id": r.id, "key": k} for k in dict.fromkeys(event_keys(key))]
        if batch:
            conn.execute(sa.insert(keys), batch)
        last = rows[-1].id


def downgrade() -> None:
    op.drop_table('event_apart')
    op.drop_table('event_merges')
    with op.batch_alter_table('event_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_keys_key'))
        batch_op.drop_index(batch_op.f('ix_event_keys_event_id'))
    op.drop_table('event_keys')
