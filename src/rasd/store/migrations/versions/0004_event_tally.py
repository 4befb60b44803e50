"""event tally: what an event's canonical fields are computed from, so a joining mention updates them

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06

`events.tally` (rasd.store.tally): JSON text, empty for the events already stored — the store rebuilds an event's
tally from its mentions the first time one more mention joins it, so there is nothing to backfill here.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN on both databases (a nullable column without a default: no table rewrite)
    op.add_column('events', sa.Column('tally', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('tally')
