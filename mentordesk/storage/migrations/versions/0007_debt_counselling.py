"""Debt counselling: a priority class per debt instead of a yes/no flag; expense lines
marked "covered by the public norm" and linked to the debt they pay; norm rates with their
source, and a sheet's confirmed use of an earlier year's rates; a debt's age (creation and
due date, how it was established) and the limitation rules as data.

Revision ID: 0007_debt_counselling
Revises: 0006_personal_keys
Create Date: 2026-12-06

Existing debts keep what the mentor decided: a debt flagged as priority gets its type's
default class (rent → housing, …), or "other priority" when its type is ordinary (the mentor
had judged it urgent); a debt not flagged stays an ordinary creditor, whatever its type.
Existing expense lines of the categories the norm pays for (insurance, phone, transport)
are marked covered; no line is linked to a debt (the mentor links them).

Rates: the shipped 2024 rådighedsbeløb get their source; the debt-relief figures that were
shipped labelled 2024 are the 2023 rates and move to 2023 (with their source). Rows that are
unchanged copies of the shipped figures in any other year (the old seeding filled this and
last year with them, unsourced) are removed: such a year now says it has no rates, and a
sheet uses an earlier year's only after the user confirms it. Rates an admin typed stay.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_debt_counselling"
down_revision = "0006_personal_keys"
branch_labels = None
depends_on = None

# DebtType → PriorityClass defaults as they were when this migration was written (the
# domain table may change later; a migration must not).
_DEFAULT_CLASS = {"rent": "housing", "utilities": "utilities", "child_support": "support",
                  "spousal_support": "support", "fines": "fines", "public": "public"}


_COVERED_CATEGORIES = ("insurance", "phone_internet", "transport", "food", "clothes",
                       "leisure")


# The shipped figures as they were when this migration was written, per item, in øre.
_ITEMS = ("first_adult", "second_adult", "child_0_1", "child_2_6", "child_7_17")
_DISPOSABLE = dict(zip(_ITEMS, (724_000, 504_000, 197_000, 252_000, 363_000), strict=True))
_DEBT_RELIEF = dict(zip(_ITEMS, (701_000, 488_000, 191_000, 246_000, 353_000), strict=True))
_DISPOSABLE_SOURCE = "borger.dk: Gældsstyrelsens rådighedssatser 2024"
_DEBT_RELIEF_SOURCE = "Gældssanering: rådighedsbeløb 2023 (skifterettens satser)"


# The limitation rules as they were when this migration was written.
_LIMITATION_RULES = (("claim", 3, "Forældelsesloven § 3, stk. 1"),
                     ("judgment", 10, "Forældelsesloven § 5, stk. 1, nr. 1"),
                     ("acknowledgement", 10, "Forældelsesloven § 5, stk. 1, nr. 2"))


def upgrade() -> None:
    _debt_priority_class()
    _line_norm_and_debt()
    _rates_with_source()
    _debt_age_and_limitation()


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
    # A bound true: 1 on SQLite, a boolean on PostgreSQL.
    op.get_bind().execute(sa.text("UPDATE economy_line SET norm_covered = :covered "
                                  f"WHERE section = 'expense' AND category IN ({listed})"),
                          {"covered": True})


def _rates_with_source() -> None:
    with op.batch_alter_table("norm_rate") as batch:
        batch.add_column(sa.Column("source", sa.String(length=300), nullable=False,
                                   server_default=""))
    with op.batch_alter_table("economy_overview") as batch:
        batch.add_column(sa.Column("rates_year", sa.Integer(), nullable=True))
    connection = op.get_bind()
    for kind, figures, year, source in (
            ("disposable_amount", _DISPOSABLE, 2024, _DISPOSABLE_SOURCE),
            ("debt_relief", _DEBT_RELIEF, 2023, _DEBT_RELIEF_SOURCE)):
        copies = _unchanged_copies(connection, kind, figures)
        if kind == "debt_relief" and 2024 in copies and 2023 not in copies \
                and not _has_year(connection, kind, 2023):
            # Shipped labelled 2024, these are the 2023 figures: they move to their year.
            connection.execute(sa.text("UPDATE norm_rate SET year = 2023 WHERE norm_kind = "
                                       ":kind AND year = 2024"), {"kind": kind})
            copies = [copy for copy in copies if copy != 2024] + [2023]
        for copy in copies:
            if copy == year:
                connection.execute(sa.text("UPDATE norm_rate SET source = :source WHERE "
                                           "norm_kind = :kind AND year = :year"),
                                   {"source": source, "kind": kind, "year": year})
            else:
                connection.execute(sa.text("DELETE FROM norm_rate WHERE norm_kind = :kind "
                                           "AND year = :year"), {"kind": kind, "year": copy})


def _unchanged_copies(connection: sa.Connection, kind: str, figures: dict[str, int]
                      ) -> list[int]:
    """The years whose five rates of ``kind`` are exactly the shipped figures."""
    # The items are distinct, so a row matches at most one figure: counting rows that
    # match any is the sum of the matches (CASE, because PostgreSQL cannot add booleans).
    matching = " OR ".join(f"(item = '{item}' AND amount_oere = {amount})"
                           for item, amount in figures.items())
    return list(connection.execute(sa.text(
        f"SELECT year FROM norm_rate WHERE norm_kind = :kind GROUP BY year "
        f"HAVING count(*) = {len(figures)} "
        f"AND sum(CASE WHEN {matching} THEN 1 ELSE 0 END) = {len(figures)}"),
        {"kind": kind}).scalars())


def _has_year(connection: sa.Connection, kind: str, year: int) -> bool:
    return bool(connection.execute(sa.text(
        "SELECT count(*) FROM norm_rate WHERE norm_kind = :kind AND year = :year"),
        {"kind": kind, "year": year}).scalar())


def _debt_age_and_limitation() -> None:
    """Existing debts have no known age (the mentor fills it in) and count as ordinary
    claims until told otherwise."""
    with op.batch_alter_table("debt") as batch:
        batch.add_column(sa.Column("created_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("due_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("established_by", sa.String(length=20), nullable=False,
                                   server_default="claim"))
    rules = op.create_table(
        "limitation_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("basis", sa.String(length=20), nullable=False),
        sa.Column("years", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_limitation_rule")),
        sa.UniqueConstraint("basis", name=op.f("uq_limitation_rule_basis")),
    )
    op.bulk_insert(rules, [{"basis": basis, "years": years, "source": source, "version": 1}
                           for basis, years, source in _LIMITATION_RULES])


def downgrade() -> None:
    raise NotImplementedError("MentorDesk never downgrades a database; restore a backup instead")
