"""careplan_prefs: the patient's care-plan printout preference (large print)

Revision ID: 0003_careplan_prefs
Revises: 0003_unique_keys (chained after main's head when the branches met; first written
against 0002_workup)
Create Date: 2026-12-07 22:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_careplan_prefs'
down_revision = '0003_unique_keys'
branch_labels = None
depends_on = None


# recreate="never": plain ALTER TABLE ADD/DROP COLUMN (SQLite ≥ 3.35, PostgreSQL). Rebuilding
# the patient table would lose the expression index of 0003_unique_keys (uq_patient_mrn_folded),
# which batch mode cannot reflect.


def upgrade() -> None:
    with op.batch_alter_table('patient', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('careplan_large_print', sa.Boolean(), server_default='0',
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('patient', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('careplan_large_print')
