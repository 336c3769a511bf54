"""lab review queue; lab results keep a comparator (censored values) and a natural key

- ``lab_review``: HL7 messages held for review (patient mismatch, unaccepted authority).
- ``lab_result.comparator``: ``<``/``<=``/``>``/``>=`` when the value is a bound.
- ``lab_result.source_id`` and the partial unique index ``uq_lab_result_natural_key``
  (patient, analyte, collection date, source, source ID; rows with a source ID only): two
  imports of one file at once cannot store a result twice.

Revision ID: 0003_lab_review_queue
Revises: 0002_workup
Create Date: 2026-12-07 22:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_lab_review_queue'
down_revision = '0003_careplan_prefs'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('lab_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), server_default='pending', nullable=False),
    sa.Column('source', sa.String(length=100), nullable=False),
    sa.Column('label', sa.String(length=60), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_by', sa.String(length=64), nullable=False),
    sa.Column('resolved_patient_id', sa.Integer(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.String(length=64), nullable=True),
    sa.Column('resolution_note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("status IN ('pending', 'assigned', 'rejected')", name=op.f('ck_lab_review_status')),
    sa.ForeignKeyConstraint(['candidate_id'], ['patient.id'], name=op.f('fk_lab_review_candidate_id_patient')),
    sa.ForeignKeyConstraint(['resolved_patient_id'], ['patient.id'], name=op.f('fk_lab_review_resolved_patient_id_patient')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lab_review'))
    )
    with op.batch_alter_table('lab_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lab_review_status_id'), ['status', 'id'], unique=False)

    with op.batch_alter_table('lab_result', schema=None) as batch_op:
        batch_op.add_column(sa.Column('comparator', sa.String(length=2), nullable=True))
        batch_op.add_column(sa.Column('source_id', sa.String(length=100), nullable=True))
        batch_op.create_index('uq_lab_result_natural_key',
                              ['patient_id', 'analyte', 'on_date', 'source', 'source_id'],
                              unique=True, sqlite_where=sa.text('source_id IS NOT NULL'),
                              postgresql_where=sa.text('source_id IS NOT NULL'))


def downgrade() -> None:
    with op.batch_alter_table('lab_result', schema=None) as batch_op:
        batch_op.drop_index('uq_lab_result_natural_key')
        batch_op.drop_column('source_id')
        batch_op.drop_column('comparator')

    with op.batch_alter_table('lab_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lab_review_status_id'))

    op.drop_table('lab_review')
