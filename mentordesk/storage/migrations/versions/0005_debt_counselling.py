"""Debt counselling: a priority class per debt instead of a yes/no flag; expense lines
marked "covered by the public norm" and linked to the debt they pay.

Revision ID: 0005_debt_counselling
Revises: 0004_audit_retention
Create Date: 2026-12-06

Existing debts keep what the mentor decided: a debt flagged as priority gets its type's
default class (rent → housing, …), or "other priority" when its type is ordinary (the mentor
had judged it urgent); a debt not flagged stays an ordinary creditor, whatever its type.
Existing expense lines of the categories the norm pays for (insurance, phone, transport)
are marked covered; no line is linked to a debt (the mentor links them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_debt_counselling"
down_revision = "0004_audit_retention"
branch_labels = None
depends_on = None

# DebtType → PriorityClass defaults as they were when this migration was written (the
# domain table may change later; a migration must not).
_DEFAULT_CLASS = {"rent": "housing", "utilities": "utilities", "child_support": "support",
                  "spousal_support": "support", "fines": "fines", "public": "public"}


_COVERED_CATEGORIES = ("insurance", "phone_internet", "transport", "food", "clothes",
                       "leisure")


def upgrade() -> None:
    _debt_priority_class()
    _line_norm_and_debt()


def _debt_priority_class() -> None:
    with op.batch_alter_table("debt") as batch:
        batch.add_column(sa.Column("priority_class", sa.String(length=30), nullable=False,
                                   server_default="ordinary"))
    cases = " ".join(f"WHEN '{debt_type}' THEN '{klass}'"
                     for debt_type, klass in _DEFAULT_CLASS.items())
    op.execute("UPDATE debt SET priority_class = CASE WHEN is_priority THEN "
               f"CASE debt_type {cases} ELSE 'other_priority' END ELSE 'ordinary' END")
    with op.batch_alter_table("debt") as batch:
        batch.drop_column("is_priority")


def _line_norm_and_debt() -> None:
    with op.batch_alter_table("economy_line") as batch:
        batch.add_column(sa.Column("norm_covered", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("debt_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(batch.f("fk_economy_line_debt_id_debt"), "debt",
                                 ["debt_id"], ["id"], ondelete="SET NULL")
    listed = ", ".join(f"'{category}'" for category in _COVERED_CATEGORIES)
    op.execute("UPDATE economy_line SET norm_covered = 1 "
               f"WHERE section = 'expense' AND category IN ({listed})")


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
