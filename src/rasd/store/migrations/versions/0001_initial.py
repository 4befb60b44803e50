"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_key', sa.String(length=200), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('source_id', sa.String(length=500), nullable=False),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('outlet', sa.String(length=300), nullable=True),
    sa.Column('outlet_en', sa.String(length=300), nullable=True),
    sa.Column('author', sa.String(length=300), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_key')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_content_hash'), ['content_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_outlet'), ['outlet'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_published'), ['published'], unique=False)

    op.create_table('entities',
    sa.Column('id', sa.String(length=500), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_en', sa.Text(), nullable=True),
    sa.Column('kb_id', sa.String(length=300), nullable=True),
    sa.Column('country', sa.String(length=10), nullable=True),
    sa.Column('sector', sa.String(length=50), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('admin1', sa.String(length=300), nullable=True),
    sa.Column('feature', sa.String(length=50), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entities_type'), ['type'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('mode', sa.String(length=50), nullable=True),
    sa.Column('acled_type', sa.String(length=100), nullable=True),
    sa.Column('acled_subtype', sa.String(length=100), nullable=True),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('date_precision', sa.String(length=10), nullable=True),
    sa.Column('date_lo', sa.Date(), nullable=True),
    sa.Column('date_hi', sa.Date(), nullable=True),
    sa.Column('place_id', sa.String(length=500), nullable=True),
    sa.Column('place_text', sa.Text(), nullable=True),
    sa.Column('place_name_en', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('country', sa.String(length=10), nullable=True),
    sa.Column('admin1', sa.String(length=300), nullable=True),
    sa.Column('feature', sa.String(length=50), nullable=True),
    sa.Column('actor1_id', sa.String(length=500), nullable=True),
    sa.Column('actor1_name', sa.Text(), nullable=True),
    sa.Column('actor1_name_en', sa.Text(), nullable=True),
    sa.Column('actor2_id', sa.String(length=500), nullable=True),
    sa.Column('actor2_name', sa.Text(), nullable=True),
    sa.Column('actor2_name_en', sa.Text(), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('fatalities_rule', sa.Text(), nullable=True),
    sa.Column('injuries', sa.Integer(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=True),
    sa.Column('mention_count', sa.Integer(), nullable=False),
    sa.Column('source_count', sa.Integer(), nullable=False),
    sa.Column('outlets', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_acled_type'), ['acled_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_actor1_id'), ['actor1_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_actor2_id'), ['actor2_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_country'), ['country'], unique=False)
        batch_op.create_index('ix_events_type_dates', ['type', 'date_lo', 'date_hi'], unique=False)

    op.create_table('entity_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.String(length=500), nullable=False),
    sa.Column('alias', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('entity_id', 'alias', name='uq_entity_alias')
    )
    with op.batch_alter_table('entity_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entity_aliases_entity_id'), ['entity_id'], unique=False)

    op.create_table('entity_mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.String(length=500), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('entity_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entity_mentions_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_entity_mentions_entity_id'), ['entity_id'], unique=False)

    op.create_table('event_mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('index_in_article', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('mode', sa.String(length=50), nullable=True),
    sa.Column('acled_type', sa.String(length=100), nullable=True),
    sa.Column('acled_subtype', sa.String(length=100), nullable=True),
    sa.Column('trigger', sa.Text(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('evidence_start', sa.Integer(), nullable=False),
    sa.Column('evidence_end', sa.Integer(), nullable=False),
    sa.Column('actor1_id', sa.String(length=500), nullable=True),
    sa.Column('actor1_name', sa.Text(), nullable=True),
    sa.Column('actor2_id', sa.String(length=500), nullable=True),
    sa.Column('actor2_name', sa.Text(), nullable=True),
    sa.Column('place_id', sa.String(length=500), nullable=True),
    sa.Column('place_text', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('country', sa.String(length=10), nullable=True),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('date_precision', sa.String(length=10), nullable=True),
    sa.Column('date_lo', sa.Date(), nullable=True),
    sa.Column('date_hi', sa.Date(), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('injuries', sa.Integer(), nullable=True),
    sa.Column('casualties_approximate', sa.Boolean(), nullable=False),
    sa.Column('modality', sa.String(length=20), nullable=False),
    sa.Column('outlet', sa.String(length=300), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('merge_reason', sa.Text(), nullable=False),
    sa.Column('event', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_mentions_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_mentions_event_id'), ['event_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('event_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_mentions_event_id'))
        batch_op.drop_index(batch_op.f('ix_event_mentions_article_id'))

    op.drop_table('event_mentions')
    with op.batch_alter_table('entity_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entity_mentions_entity_id'))
        batch_op.drop_index(batch_op.f('ix_entity_mentions_article_id'))

    op.drop_table('entity_mentions')
    with op.batch_alter_table('entity_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entity_aliases_entity_id'))

    op.drop_table('entity_aliases')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_type_dates')
        batch_op.drop_index(batch_op.f('ix_events_country'))
        batch_op.drop_index(batch_op.f('ix_events_actor2_id'))
        batch_op.drop_index(batch_op.f('ix_events_actor1_id'))
        batch_op.drop_index(batch_op.f('ix_events_acled_type'))

    op.drop_table('events')
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entities_type'))

    op.drop_table('entities')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_published'))
        batch_op.drop_index(batch_op.f('ix_articles_outlet'))
        batch_op.drop_index(batch_op.f('ix_articles_content_hash'))

    op.drop_table('articles')
