"""The per-week delivered minutes the database keeps (triggers, migration 0010) always
equal a recount of the contact log: after logging, editing, moving to another week or
citizen, marking not attended, deleting, and erasing a citizen. The hours overview reads
them, so a wrong sum would show a jobcenter hours that were never delivered."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mentordesk import vault
from mentordesk.demo import build_demo
from mentordesk.demo.builder import fill_demo
from mentordesk.demo.state import DemoState
from mentordesk.domain.codes import Attendance, ContactForm
from mentordesk.kernel.context import Context
from mentordesk.schedule import weekly_hours
from mentordesk.services.contacts import (
    NewContact,
    delete_contact,
    get_contact,
    log_contact,
    update_contact,
)
from mentordesk.services.team import resolve_actor
from mentordesk.storage.queries import delivered_weeks
from tests.server_support import server_team_database

TODAY = date(2026, 11, 23)


pytestmark = pytest.mark.both_backends


@pytest.fixture(scope="module")
def context(tmp_path_factory, backend, request):
    if backend == "postgresql":
        yield from _demo_on_server(request.getfixturevalue("server_databases"))
        return
    path = tmp_path_factory.mktemp("weeks") / "demo.mentordesk"
    database = build_demo(path, "ugens timer i databasen", citizens=12, years=1, today=TODAY,
                          operator_login=vault.current_login())
    yield Context(database, resolve_actor(database, vault.current_login()))
    database.close()


def _demo_on_server(server_databases):
    """The same demo (same seed) on the team server."""
    for database in server_team_database(server_databases):
        fill_demo(database, DemoState(citizens=12, mentors=20, years=1, seed=1, today=TODAY,
                                      login=vault.current_login()))
        yield Context(database, resolve_actor(database, vault.current_login()))


def kept_and_recounted(context) -> tuple[dict, dict]:
    with context.database.read_session() as session:
        kept = {(who, str(monday)): minutes for who, monday, minutes in session.execute(
            delivered_weeks.kept_per_citizen_week())}
        recounted = {(who, monday): minutes for who, monday, minutes in session.execute(
            delivered_weeks.recounted_per_citizen_week())}
        kept_mentor = {(who, str(monday)): minutes for who, monday, minutes in session.execute(
            delivered_weeks.kept_alone_per_mentor_week())}
        recounted_mentor = {(who, monday): minutes for who, monday, minutes in session.execute(
            delivered_weeks.recounted_alone_per_mentor_week())}
    return {"citizens": kept, "mentors": kept_mentor}, \
        {"citizens": recounted, "mentors": recounted_mentor}


def assert_kept_equals_recount(context) -> None:
    kept, recounted = kept_and_recounted(context)
    assert kept["citizens"] and kept["mentors"]
    assert kept == recounted


def test_the_demo_log_is_summed_per_week(context):
    assert_kept_equals_recount(context)


def test_every_change_to_a_contact_keeps_the_sums_true(context):
    citizen = 1
    monday = TODAY - timedelta(days=TODAY.weekday())
    contact_id = log_contact(context, NewContact(
        citizen_id=citizen, duration_minutes=50, form=ContactForm.PHONE,
        contact_on=monday - timedelta(days=1)), today=TODAY).value  # a Sunday: last week
    assert_kept_equals_recount(context)

    def edit(**changes) -> None:
        version = get_contact(context, contact_id).version
        update_contact(context, contact_id, version, changes, today=TODAY)
        assert_kept_equals_recount(context)

    edit(duration_minutes=75)
    edit(contact_on=monday)  # moved into this week
    edit(attendance=Attendance.NO_SHOW)  # a no-show proves no hours
    edit(attendance=Attendance.ATTENDED)
    delete_contact(context, contact_id, today=TODAY)
    assert_kept_equals_recount(context)


def test_the_hours_overview_reads_the_same_minutes_as_the_log(context):
    first, last = date(2026, 1, 5), date(2026, 11, 22)
    overview = weekly_hours(context, first, last, today=TODAY)
    _kept, recounted = kept_and_recounted(context)

    delivered = {(row.citizen_id, str(row.week_start)): row.delivered_minutes
                 for row in overview.citizen_weeks if row.delivered_minutes}
    assert delivered == {key: minutes for key, minutes in recounted["citizens"].items()
                         if first <= date.fromisoformat(key[1]) <= last}
