"""Baseline schema: every table of the product.

Revision ID: 0001_baseline
Revises: -
Create Date: 2026-11-23 14:25:55.171532
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001_baseline'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_meta',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_meta'))
    )
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.String(length=32), nullable=False),
    sa.Column('user_login', sa.String(length=120), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('citizen_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event')),
    sa.UniqueConstraint('hash', name=op.f('uq_audit_event_hash'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index('ix_audit_event_citizen', ['citizen_id'], unique=False)
        batch_op.create_index('ix_audit_event_occurred', ['occurred_at'], unique=False)

    op.create_table('authority',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_authority')),
    sa.UniqueConstraint('name', name=op.f('uq_authority_name'))
    )
    op.create_table('citizen',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('first_name', sa.String(length=120), nullable=False),
    sa.Column('last_name', sa.String(length=120), nullable=False),
    sa.Column('alias', sa.String(length=120), nullable=False),
    sa.Column('is_anonymous', sa.Boolean(), nullable=False),
    sa.Column('cpr', sa.String(length=10), nullable=True),
    sa.Column('cpr_last4', sa.String(length=4), nullable=False),
    sa.Column('search_key', sa.String(length=400), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('postal_code', sa.String(length=10), nullable=False),
    sa.Column('city', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('preferred_contact', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citizen')),
    sa.UniqueConstraint('cpr', name=op.f('uq_citizen_cpr'))
    )
    with op.batch_alter_table('citizen', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_citizen_cpr_last4'), ['cpr_last4'], unique=False)
        batch_op.create_index(batch_op.f('ix_citizen_search_key'), ['search_key'], unique=False)

    op.create_table('group_course',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_course'))
    )
    op.create_table('legal_basis',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('allows_anonymous', sa.Boolean(), nullable=False),
    sa.Column('requires_assessment', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_basis')),
    sa.UniqueConstraint('code', name=op.f('uq_legal_basis_code'))
    )
    op.create_table('norm_rate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('norm_kind', sa.String(length=30), nullable=False),
    sa.Column('item', sa.String(length=40), nullable=False),
    sa.Column('amount_oere', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_norm_rate')),
    sa.UniqueConstraint('year', 'norm_kind', 'item', name=op.f('uq_norm_rate_year'))
    )
    op.create_table('partner',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('organisation', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner'))
    )
    op.create_table('user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('login', sa.String(length=120), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('weekly_capacity_minutes', sa.Integer(), nullable=False),
    sa.Column('is_volunteer', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user')),
    sa.UniqueConstraint('login', name=op.f('uq_user_login'))
    )
    op.create_table('absence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=False),
    sa.Column('end_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_absence_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_absence'))
    )
    with op.batch_alter_table('absence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_absence_user_id'), ['user_id'], unique=False)

    op.create_table('appointment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=True),
    sa.Column('mentor_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('form', sa.String(length=30), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('rrule', sa.String(length=300), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=True),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizen.id'], name=op.f('fk_appointment_citizen_id_citizen'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mentor_id'], ['user.id'], name=op.f('fk_appointment_mentor_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment'))
    )
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.create_index('ix_appointment_mentor_start', ['mentor_id', 'starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_appointment_series_id'), ['series_id'], unique=False)

    op.create_table('assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=False),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizen.id'], name=op.f('fk_assignment_citizen_id_citizen'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_assignment_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignment'))
    )
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_citizen_id'), ['citizen_id'], unique=False)
        batch_op.create_index('ix_assignment_user_citizen', ['user_id', 'citizen_id'], unique=False)

    op.create_table('benefit_application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=False),
    sa.Column('purpose', sa.String(length=300), nullable=False),
    sa.Column('legal_basis', sa.String(length=40), nullable=False),
    sa.Column('amount_applied_oere', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('amount_granted_oere', sa.Integer(), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('appeal_deadline', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizen.id'], name=op.f('fk_benefit_application_citizen_id_citizen'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_benefit_application'))
    )
    with op.batch_alter_table('benefit_application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_benefit_application_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('consent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=300), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizen.id'], name=op.f('fk_consent_citizen_id_citizen'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_consent_partner_id_partner'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent'))
    )
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.create_index('ix_consent_citizen_partner', ['citizen_id', 'partner_id'], unique=False)

    op.create_table('course_type',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('legal_basis_id', sa.Integer(), nullable=True),
    sa.Column('min_weeks', sa.Integer(), nullable=True),
    sa.Column('fixed_period', sa.Boolean(), nullable=False),
    sa.Column('hours_min_minutes', sa.Integer(), nullable=True),
    sa.Column('hours_max_minutes', sa.Integer(), nullable=True),
    sa.Column('price_model', sa.String(length=10), nullable=True),
    sa.Column('price_oere', sa.Integer(), nullable=True),
    sa.Column('price_max_hours', sa.Integer(), nullable=True),
    sa.Column('roles', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['legal_basis_id'], ['legal_basis.id'], name=op.f('fk_course_type_legal_basis_id_legal_basis')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_course_type')),
    sa.UniqueConstraint('name', name=op.f('uq_course_type_name'))
    )
    op.create_table('debt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('creditor', sa.String(length=200), nullable=False),
    sa.Column('collector', sa.String(length=200), nullable=False),
    sa.Column('case_number', sa.String(length=80), nullable=False),
    sa.Column('debt_type', sa.String(length=40), nullable=False),
    sa.Column('is_priority', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('principal_oere', sa.Integer(), nullable=False),
    sa.Column('balance_oere', sa.Integer(), nullable=False),
    sa.Column('balance_on', sa.Date(), nullable=True),
    sa.Column('interest_bp', sa.Integer(), nullable=False),
    sa.Column('fees_oere', sa.Integer(), nullable=False),
    sa.Column('agreed_payment_oere', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizen.id'], name=op.f('fk_debt_citizen_id_citizen'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_debt'))
    )
    with op.batch_alter_table('debt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_debt_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('economy_overview',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('adults', sa.Integer(), nullable=False),
    sa.Column('children_0_1', sa.Integer(), nullable=False),
    sa.Column('children_2_6', sa.Integer(), nullable=False),
    sa.Column('children_7_17', sa.Integer(), nullable=False),
    sa.Column('norm_kind', sa.String(length=30), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizen.id'], name=op.f('fk_economy_overview_citizen_id_citizen'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_economy_overview')),
    sa.UniqueConstraint('citizen_id', 'year', name=op.f('uq_economy_overview_citizen_id'))
    )
    op.create_table('group_leader',
    sa.Column('group_course_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['group_course_id'], ['group_course.id'], name=op.f('fk_group_leader_group_course_id_group_course'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_group_leader_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('group_course_id', 'user_id', name=op.f('pk_group_leader'))
    )
    op.create_table('group_participant',
    sa.Column('group_course_id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizen.id'], name=op.f('fk_group_participant_citizen_id_citizen'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_course_id'], ['group_course.id'], name=op.f('fk_group_participant_group_course_id_group_course'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('group_course_id', 'citizen_id', name=op.f('pk_group_participant'))
    )
    op.create_table('group_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_course_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['group_course_id'], ['group_course.id'], name=op.f('fk_group_session_group_course_id_group_course'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_session'))
    )
    with op.batch_alter_table('group_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_session_group_course_id'), ['group_course_id'], unique=False)

    op.create_table('relative',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('relation', sa.String(length=80), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizen.id'], name=op.f('fk_relative_citizen_id_citizen'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_relative'))
    )
    op.create_table('report_draft',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('period_from', sa.Date(), nullable=False),
    sa.Column('period_to', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('mentor_assessment', sa.Text(), nullable=False),
    sa.Column('citizen_view', sa.Text(), nullable=False),
    sa.Column('next_steps', sa.Text(), nullable=False),
    sa.Column('recommendation', sa.String(length=30), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(), nullable=True),
    sa.Column('return_comment', sa.Text(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('recipient', sa.String(length=300), nullable=False),
    sa.Column('frozen_pdf', sa.LargeBinary(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_id'], ['user.id'], name=op.f('fk_report_draft_approved_by_id_user')),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_report_draft_author_id_user')),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizen.id'], name=op.f('fk_report_draft_citizen_id_citizen'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_draft'))
    )
    with op.batch_alter_table('report_draft', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_draft_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('absence_cover',
    sa.Column('absence_id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('substitute_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['absence_id'], ['absence.id'], name=op.f('fk_absence_cover_absence_id_absence'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizen.id'], name=op.f('fk_absence_cover_citizen_id_citizen'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['substitute_id'], ['user.id'], name=op.f('fk_absence_cover_substitute_id_user')),
    sa.PrimaryKeyConstraint('absence_id', 'citizen_id', name=op.f('pk_absence_cover'))
    )
    op.create_table('appointment_mentor',
    sa.Column('appointment_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['appointment_id'], ['appointment.id'], name=op.f('fk_appointment_mentor_appointment_id_appointment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_appointment_mentor_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('appointment_id', 'user_id', name=op.f('pk_appointment_mentor'))
    )
    op.create_table('contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('mentor_id', sa.Integer(), nullable=False),
    sa.Column('contact_on', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=True),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('form', sa.String(length=30), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=True),
    sa.Column('consent_override_reason', sa.Text(), nullable=False),
    sa.Column('appointment_id', sa.Integer(), nullable=True),
    sa.Column('group_session_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['appointment_id'], ['appointment.id'], name=op.f('fk_contact_appointment_id_appointment'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizen.id'], name=op.f('fk_contact_citizen_id_citizen'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_session_id'], ['group_session.id'], name=op.f('fk_contact_group_session_id_group_session'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['mentor_id'], ['user.id'], name=op.f('fk_contact_mentor_id_user')),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_contact_partner_id_partner')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact'))
    )
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.create_index('ix_contact_citizen_date', ['citizen_id', 'contact_on'], unique=False)
        batch_op.create_index('ix_contact_mentor_date', ['mentor_id', 'contact_on'], unique=False)

    op.create_table('economy_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('overview_id', sa.Integer(), nullable=False),
    sa.Column('section', sa.String(length=10), nullable=False),
    sa.Column('category', sa.String(length=60), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('person', sa.String(length=20), nullable=False),
    sa.Column('frequency', sa.String(length=20), nullable=False),
    sa.Column('amount_oere', sa.Integer(), nullable=False),
    sa.Column('first_month', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('m01_oere', sa.Integer(), nullable=False),
    sa.Column('m02_oere', sa.Integer(), nullable=False),
    sa.Column('m03_oere', sa.Integer(), nullable=False),
    sa.Column('m04_oere', sa.Integer(), nullable=False),
    sa.Column('m05_oere', sa.Integer(), nullable=False),
    sa.Column('m06_oere', sa.Integer(), nullable=False),
    sa.Column('m07_oere', sa.Integer(), nullable=False),
    sa.Column('m08_oere', sa.Integer(), nullable=False),
    sa.Column('m09_oere', sa.Integer(), nullable=False),
    sa.Column('m10_oere', sa.Integer(), nullable=False),
    sa.Column('m11_oere', sa.Integer(), nullable=False),
    sa.Column('m12_oere', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['overview_id'], ['economy_overview.id'], name=op.f('fk_economy_line_overview_id_economy_overview'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_economy_line'))
    )
    with op.batch_alter_table('economy_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_economy_line_overview_id'), ['overview_id'], unique=False)

    op.create_table('grant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('legal_basis_id', sa.Integer(), nullable=False),
    sa.Column('course_type_id', sa.Integer(), nullable=True),
    sa.Column('authority_id', sa.Integer(), nullable=True),
    sa.Column('caseworker_name', sa.String(length=200), nullable=False),
    sa.Column('caseworker_contact', sa.String(length=200), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=False),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('discharge_on', sa.Date(), nullable=True),
    sa.Column('hours_min_minutes', sa.Integer(), nullable=True),
    sa.Column('hours_max_minutes', sa.Integer(), nullable=True),
    sa.Column('price_model', sa.String(length=10), nullable=True),
    sa.Column('price_oere', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['authority_id'], ['authority.id'], name=op.f('fk_grant_authority_id_authority')),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizen.id'], name=op.f('fk_grant_citizen_id_citizen'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['course_type_id'], ['course_type.id'], name=op.f('fk_grant_course_type_id_course_type')),
    sa.ForeignKeyConstraint(['legal_basis_id'], ['legal_basis.id'], name=op.f('fk_grant_legal_basis_id_legal_basis')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grant'))
    )
    with op.batch_alter_table('grant', schema=None) as batch_op:
        batch_op.create_index('ix_grant_citizen_start', ['citizen_id', 'start_on'], unique=False)

    op.create_table('goal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('grant_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('theme_code', sa.String(length=40), nullable=False),
    sa.Column('subtheme_code', sa.String(length=40), nullable=False),
    sa.Column('goal_type', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizen.id'], name=op.f('fk_goal_citizen_id_citizen'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['grant_id'], ['grant.id'], name=op.f('fk_goal_grant_id_grant'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal'))
    )
    with op.batch_alter_table('goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goal_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('support_need', sa.Integer(), nullable=True),
    sa.Column('citizen_view', sa.Text(), nullable=False),
    sa.Column('mentor_note', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_assessment_author_id_user')),
    sa.ForeignKeyConstraint(['goal_id'], ['goal.id'], name=op.f('fk_assessment_goal_id_goal'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment'))
    )
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_goal_id'), ['goal_id'], unique=False)

    op.create_table('contact_goal',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_contact_goal_contact_id_contact'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['goal_id'], ['goal.id'], name=op.f('fk_contact_goal_goal_id_goal'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('contact_id', 'goal_id', name=op.f('pk_contact_goal'))
    )
    op.create_table('sub_goal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['goal.id'], name=op.f('fk_sub_goal_goal_id_goal'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sub_goal'))
    )
    with op.batch_alter_table('sub_goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sub_goal_goal_id'), ['goal_id'], unique=False)



def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
