"""oncology history: therapy lines, PD-L1, smoking, disease course; pain score, imaging report,
lesion first-seen date and size, dental exam findings (issue 20 item 8)

- new record tables (RecordMixin: versioned, corrected by a new row, entered-in-error):
  ``therapy_line``, ``pdl1_result``, ``smoking_history``, ``disease_course``;
- new nullable columns: ``symptom.nrs``/``analgesic_step``, ``imaging.report``,
  ``lesion.first_seen``/``size_mm``, ``dental_exam.oral_hygiene``/``infection``/
  ``extraction_needed``. Added and dropped with plain ALTER TABLE (``recreate="never"``:
  SQLite >= 3.35, PostgreSQL), so no table with child rows is rebuilt.

Revision ID: 0004_therapy_history
Revises: 0003_lab_review_queue
Create Date: 2026-12-08 00:46:47
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_therapy_history'
down_revision = '0003_lab_review_queue'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('disease_course',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('stage', sa.String(length=8), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('entered_in_error', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('error_reason', sa.Text(), nullable=True),
    sa.Column('error_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('error_by', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('replaces_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_disease_course_patient_id_patient')),
    sa.ForeignKeyConstraint(['replaces_id'], ['disease_course.id'], name=op.f('fk_disease_course_replaces_id_disease_course')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disease_course'))
    )
    with op.batch_alter_table('disease_course', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_disease_course_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_disease_course_replaces_id'), ['replaces_id'], unique=False)

    op.create_table('pdl1_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('tps', sa.Float(), nullable=True),
    sa.Column('cps', sa.Float(), nullable=True),
    sa.Column('assay', sa.String(length=60), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('entered_in_error', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('error_reason', sa.Text(), nullable=True),
    sa.Column('error_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('error_by', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('replaces_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_pdl1_result_patient_id_patient')),
    sa.ForeignKeyConstraint(['replaces_id'], ['pdl1_result.id'], name=op.f('fk_pdl1_result_replaces_id_pdl1_result')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pdl1_result'))
    )
    with op.batch_alter_table('pdl1_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pdl1_result_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pdl1_result_replaces_id'), ['replaces_id'], unique=False)

    op.create_table('smoking_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('pack_years', sa.Float(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('entered_in_error', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('error_reason', sa.Text(), nullable=True),
    sa.Column('error_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('error_by', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('replaces_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_smoking_history_patient_id_patient')),
    sa.ForeignKeyConstraint(['replaces_id'], ['smoking_history.id'], name=op.f('fk_smoking_history_replaces_id_smoking_history')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_smoking_history'))
    )
    with op.batch_alter_table('smoking_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_smoking_history_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_smoking_history_replaces_id'), ['replaces_id'], unique=False)

    op.create_table('therapy_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.Column('drugs', sa.JSON(), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('stop', sa.Date(), nullable=True),
    sa.Column('stop_reason', sa.String(length=16), nullable=True),
    sa.Column('best_response', sa.String(length=2), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('entered_in_error', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('error_reason', sa.Text(), nullable=True),
    sa.Column('error_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('error_by', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('replaces_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_therapy_line_patient_id_patient')),
    sa.ForeignKeyConstraint(['replaces_id'], ['therapy_line.id'], name=op.f('fk_therapy_line_replaces_id_therapy_line')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_therapy_line'))
    )
    with op.batch_alter_table('therapy_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_therapy_line_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_therapy_line_replaces_id'), ['replaces_id'], unique=False)

    with op.batch_alter_table('dental_exam', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('oral_hygiene', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('infection', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('extraction_needed', sa.Boolean(), nullable=True))

    with op.batch_alter_table('imaging', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('report', sa.Text(), nullable=True))

    with op.batch_alter_table('lesion', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('first_seen', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('size_mm', sa.Float(), nullable=True))

    with op.batch_alter_table('symptom', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('nrs', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('analgesic_step', sa.Integer(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('symptom', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('analgesic_step')
        batch_op.drop_column('nrs')

    with op.batch_alter_table('lesion', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('size_mm')
        batch_op.drop_column('first_seen')

    with op.batch_alter_table('imaging', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('report')

    with op.batch_alter_table('dental_exam', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('extraction_needed')
        batch_op.drop_column('infection')
        batch_op.drop_column('oral_hygiene')

    with op.batch_alter_table('therapy_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_therapy_line_replaces_id'))
        batch_op.drop_index(batch_op.f('ix_therapy_line_patient_id'))

    op.drop_table('therapy_line')
    with op.batch_alter_table('smoking_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_smoking_history_replaces_id'))
        batch_op.drop_index(batch_op.f('ix_smoking_history_patient_id'))

    op.drop_table('smoking_history')
    with op.batch_alter_table('pdl1_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pdl1_result_replaces_id'))
        batch_op.drop_index(batch_op.f('ix_pdl1_result_patient_id'))

    op.drop_table('pdl1_result')
    with op.batch_alter_table('disease_course', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_disease_course_replaces_id'))
        batch_op.drop_index(batch_op.f('ix_disease_course_patient_id'))

    op.drop_table('disease_course')
