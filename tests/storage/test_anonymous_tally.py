"""The anonymous tally of outreach contacts with unregistered people: quick to count,
listed per week and month per mentor, and unable to hold who the person was."""

from __future__ import annotations

from datetime import date

import pytest
from schedule_support import add_user
from sqlalchemy import inspect

from mentordesk.domain.codes import ContactForm
from mentordesk.errors import AccessDenied, InvalidInput
from mentordesk.kernel.context import Context
from mentordesk.schedule.anonymous import (
    AnonymousCount,
    TallyPeriod,
    anonymous_bases,
    anonymous_tally,
    count_anonymous_contact,
)
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import LegalBasis

pytestmark = pytest.mark.both_backends

TODAY = date(2026, 11, 27)   # a Friday in week 48
# Everything the tally may know: who counted, when, how many, how long, how, under what.
ALLOWED_COLUMNS = {"id", "mentor_id", "contact_on", "form", "legal_basis_id", "count",
                   "minutes"}


def test_the_anonymous_tally_holds_no_name_or_cpr(database):
    with database.read_session() as session:
        columns = {column["name"]: str(column["type"]).upper() for column in
                   inspect(session.connection()).get_columns("anonymous_contact_tally")}
    assert set(columns) == ALLOWED_COLUMNS
    # The one text column is a contact form code, checked against the list of forms.
    assert [name for name, kind in columns.items() if "CHAR" in kind or "TEXT" in kind] \
        == ["form"]


def test_a_form_that_is_not_a_contact_form_cannot_smuggle_text_in(database, admin):
    with pytest.raises(ValueError):
        AnonymousCount(form=ContactForm("Jens Hansen 010190-1234"))


def test_plus_one_counts_and_minus_one_takes_a_miscount_back(database, admin):
    context = Context(database, admin)
    step = AnonymousCount(form=ContactForm.PUBLIC_SPACE, minutes=10, contact_on=TODAY)
    assert count_anonymous_contact(context, step, today=TODAY).value == 1
    assert count_anonymous_contact(context, step, today=TODAY).value == 2
    assert count_anonymous_contact(context, AnonymousCount(contact_on=TODAY),
                                   today=TODAY).value == 3   # form not said
    assert count_anonymous_contact(context, AnonymousCount(count=-1, contact_on=TODAY),
                                   today=TODAY).value == 2
    with pytest.raises(InvalidInput, match="ingen anonyme kontakter"):
        count_anonymous_contact(context, AnonymousCount(count=-1, contact_on=TODAY),
                                today=TODAY)
    with pytest.raises(InvalidInput, match="fremtiden"):
        count_anonymous_contact(context, AnonymousCount(contact_on=date(2026, 11, 28)),
                                today=TODAY)
    [week] = anonymous_tally(context, date(2026, 11, 23), date(2026, 11, 29))
    assert (week.period_label, week.count, week.minutes) == ("Uge 48, 2026", 2, 20)
    assert week.forms == {ContactForm.PUBLIC_SPACE.label: 2}


def test_listed_per_week_and_month_per_mentor_for_the_coordinator(database, admin):
    coordinator = Context(database, admin)
    add_user(database, "mona", "Mona Mentor")
    mona = Context(database, resolve_actor(database, "mona"))
    for day, who in ((date(2026, 11, 2), mona), (date(2026, 11, 3), mona),
                     (date(2026, 11, 24), mona), (date(2026, 11, 24), coordinator)):
        count_anonymous_contact(who, AnonymousCount(contact_on=day), today=TODAY)
    weeks = anonymous_tally(coordinator, date(2026, 11, 1), date(2026, 11, 30))
    assert [(row.period, row.mentor_name, row.count) for row in weeks] == [
        ("2026-W45", "Mona Mentor", 2), ("2026-W48", "Mona Mentor", 1),
        ("2026-W48", "root", 1)]
    months = anonymous_tally(coordinator, date(2026, 11, 1), date(2026, 11, 30),
                             TallyPeriod.MONTH)
    assert [(row.period_label, row.count) for row in months] == [
        ("november 2026", 3), ("november 2026", 1)]
    # A mentor reads and counts only their own.
    assert {row.mentor_name for row in anonymous_tally(
        mona, date(2026, 11, 1), date(2026, 11, 30))} == {"Mona Mentor"}
    with pytest.raises(AccessDenied):
        anonymous_tally(mona, date(2026, 11, 1), date(2026, 11, 30), mentor_id=admin.user_id)
    with pytest.raises(AccessDenied):
        count_anonymous_contact(mona, AnonymousCount(mentor_id=admin.user_id), today=TODAY)


def test_only_a_legal_basis_that_allows_anonymity(database, admin):
    context = Context(database, admin)
    bases = anonymous_bases(context)
    assert [basis.code for basis in bases] == ["SEL §99"]
    with database.read_session() as session:
        other = session.query(LegalBasis).filter(LegalBasis.allows_anonymous.is_(False)).first()
    with pytest.raises(InvalidInput, match="tillader anonymitet"):
        count_anonymous_contact(context, AnonymousCount(legal_basis_id=other.id),
                                today=TODAY)
    assert count_anonymous_contact(context, AnonymousCount(legal_basis_id=bases[0].id),
                                   today=TODAY).value == 1
