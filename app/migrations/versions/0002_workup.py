"""workup: the bone-metastasis work-up wizard's records (draft / completed / cancelled)

The model is app/data/models_workup.py (owned by the work-up helper). The drift test compares
Base.metadata with this schema: app.data.models must import app.data.models_workup (one line
at its end, requested from the data helper) so the table is always registered.

Revision ID: 0002_workup
Revises: 0001
Create Date: 2026-11-21 06:19:23.105192
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_workup'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('workup',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), server_default='draft', nullable=False),
    sa.Column('visit_date', sa.Date(), nullable=False),
    sa.Column('draft', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('draft', 'completed', 'cancelled')", name=op.f('ck_workup_status')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_workup_patient_id_patient')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workup'))
    )
    with op.batch_alter_table('workup', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workup_patient_id_status'), ['patient_id', 'status'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('workup', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workup_patient_id_status'))

    op.drop_table('workup')
