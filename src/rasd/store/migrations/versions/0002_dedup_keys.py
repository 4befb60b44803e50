"""dedup: indexed candidate keys of canonical events, the re-merge log, events kept apart

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05

Existing canonical events get their keys here, so a store made before this revision keeps deduplicating.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import Session


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
    from rasd.store import dedup_store
    from rasd.store.models import EventRow
    s = Session(bind=op.get_bind())
    last = 0
    while True:
        rows = s.query(EventRow).filter(EventRow.id > last).order_by(EventRow.id).limit(1000).all()
        if not rows:
            break
        for row in rows:
            dedup_store.write_keys(s, row)
        s.flush()
        last = rows[-1].id
    s.flush()


def downgrade() -> None:
    op.drop_table('event_apart')
    op.drop_table('event_merges')
    with op.batch_alter_table('event_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_keys_key'))
        batch_op.drop_index(batch_op.f('ix_event_keys_event_id'))
    op.drop_table('event_keys')
