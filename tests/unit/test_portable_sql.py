"""The dialect-neutral SQL constructs (storage/queries/portable.py) render each backend's
own form: one query builder serves the SQLCipher file and the team server."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from mentordesk.storage.models import AppMeta, Contact
from mentordesk.storage.queries.portable import (
    date_text,
    days_after,
    days_between,
    earliest,
    latest,
    upsert,
    week_monday,
    week_monday_text,
)


def sql(statement, dialect) -> str:
    return " ".join(str(statement.compile(dialect=dialect)).split())


def test_the_upsert_is_the_same_on_conflict_clause_on_both_backends():
    expected = "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
    on_file = sql(upsert("sqlite", AppMeta, AppMeta.key, "value"), sqlite.dialect())
    on_server = sql(upsert("postgresql", AppMeta, AppMeta.key, "value"), postgresql.dialect())
    # SQLite quotes "key" (a keyword there), PostgreSQL does not need to.
    assert on_file.replace('"key"', "key").endswith(expected)
    assert on_server.endswith(expected)


def test_week_monday_uses_each_backends_date_functions():
    statement = select(week_monday_text(Contact.contact_on), date_text(Contact.contact_on))
    assert "strftime('%w', contact.contact_on)" in sql(statement, sqlite.dialect())
    on_server = sql(statement, postgresql.dialect())
    assert "to_char(date_trunc('week', contact.contact_on), 'YYYY-MM-DD')" in on_server
    assert "to_char(contact.contact_on, 'YYYY-MM-DD')" in on_server


def test_week_monday_as_a_date_for_arithmetic_on_each_backend():
    statement = select(days_after(week_monday(Contact.contact_on), 7))
    assert "date(date(contact.contact_on, '-' || ((CAST(strftime('%w', contact.contact_on)" \
        in sql(statement, sqlite.dialect())
    assert "(date_trunc('week', contact.contact_on)::date + %(param_1)s)" \
        in sql(statement, postgresql.dialect())


def test_day_arithmetic_uses_each_backends_date_functions():
    statement = select(days_after(Contact.contact_on, 7),
                       days_between(earliest(Contact.contact_on, Contact.contact_on),
                                    latest(Contact.contact_on, Contact.contact_on)))
    on_file = sql(statement, sqlite.dialect())
    assert "date(contact.contact_on, ? || ' days')" in on_file
    assert "julianday(max(contact.contact_on, contact.contact_on))" in on_file
    assert "julianday(min(contact.contact_on, contact.contact_on))" in on_file
    on_server = sql(statement, postgresql.dialect())
    assert "(contact.contact_on + %(param_1)s)" in on_server
    assert ("(greatest(contact.contact_on, contact.contact_on) - "
            "least(contact.contact_on, contact.contact_on))") in on_server
