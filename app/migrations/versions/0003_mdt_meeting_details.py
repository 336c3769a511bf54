"""mdt meeting details: time, place, chair and attendees of an MDT meeting (printed on the
pack's cover)

Revision ID: 0003_mdt_meeting_details
Revises: 0002_workup
Create Date: 2026-12-07 22:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_mdt_meeting_details'
down_revision = '0002_workup'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('mdt_meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('start_time', sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column('place', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('chair', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('attendees', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('mdt_meeting', schema=None) as batch_op:
        batch_op.drop_column('attendees')
        batch_op.drop_column('chair')
        batch_op.drop_column('place')
        batch_op.drop_column('start_time')
