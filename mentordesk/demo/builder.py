"""``build_demo``: create the demo database and run the build phases in a fixed order.

Each phase lives in its own module (team, citizens, plan, journal, economy) and draws from
the one ``random.Random(seed)`` in ``DemoState``; the fictitious names and sentences are in
``names`` and ``texts``. The order of the phases below is part of the data: changing it
changes what a seed produces.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentordesk import audit, vault
from mentordesk.demo.citizens import add_cases
from mentordesk.demo.economy import add_economy
from mentordesk.demo.journal import add_absences, add_appointments, add_contacts, add_groups
from mentordesk.demo.outreach import add_anonymous_tally
from mentordesk.demo.plan import add_plans
from mentordesk.demo.schedule import add_schedule_extras
from mentordesk.demo.state import CHUNK_CITIZENS, DemoState
from mentordesk.demo.team import add_team
from mentordesk.domain.codes import RECOVERY_LOGIN
from mentordesk.domain.dates import format_date
from mentordesk.errors import MentorDeskError
from mentordesk.paths import DEMO_PASSPHRASE
from mentordesk.security.people import give_demo_keys
from mentordesk.services import new_team
from mentordesk.storage import models as m
from mentordesk.storage.bulk import catch_up_id_sequences
from mentordesk.storage.database import Database
from mentordesk.storage.new_file import build_then_move
from mentordesk.storage.queries.attribution import attribute_open_rows

DEMO_TEAM_NAME = "Demoteamet"

Progress = Callable[[int, int], None]


class DemoCancelled(MentorDeskError):
    """The user cancelled building the demo; the partly built file has been deleted."""


def build_demo(
    path: Path,
    passphrase: str,
    *,
    citizens: int = 250,
    mentors: int = 20,
    years: int = 5,
    seed: int = 1,
    today: date | None = None,
    operator_login: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Database:
    """Create the demo database at ``path`` and return it open (the caller closes it).

    The same ``seed`` and ``today`` give the same data. ``operator_login`` (default: this
    PC's login) becomes the admin, so whoever runs the demo sees every citizen.
    ``progress(done, total)`` is called between phases; when ``cancelled()`` turns true,
    ``DemoCancelled`` is raised. On cancel or any failure the new file is removed. The
    file is built under a temporary name and renamed when complete, so a killed build
    leaves nothing at ``path`` (``storage.new_file``).
    """
    if citizens < 1 or mentors < 1 or years < 1:
        raise ValueError("citizens, mentors and years must be at least 1")
    today = today or date.today()
    login = operator_login or vault.current_login()

    def build(temporary: Path) -> Database:
        database = new_team.create_database(temporary, passphrase, team_name=DEMO_TEAM_NAME,
                                            admin_login=login, admin_name=login).database
        try:
            fill_demo(database, DemoState(citizens=citizens, mentors=mentors, years=years,
                                          seed=seed, today=today, login=login),
                      progress=progress, cancelled=cancelled)
            _give_staff_keys(database, login)
        except BaseException:
            database.close()
            raise
        return database

    return build_then_move(path, build)


def fill_demo(database: Database, state: DemoState, *, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None) -> None:
    """Run the demo's phases into a new team's database, on a file or a team server: its
    first admin is ``state.login``. Key slots are the file's business (``build_demo``)."""
    _Builder(database, state, progress=progress, cancelled=cancelled).run()


def _give_staff_keys(database: Database, operator: str) -> None:
    """The fictitious staff unlock with the public demo passphrase (README)."""
    with database.read_session() as session:
        logins = [login for login in session.scalars(select(m.User.login).order_by(m.User.id))
                  if login not in (operator, RECOVERY_LOGIN)]
    give_demo_keys(database, logins, DEMO_PASSPHRASE)


class _Builder:
    """Runs the phases, each in its own transaction, reporting progress and checking for
    cancellation in between."""

    def __init__(self, database: Database, state: DemoState, *, progress: Progress | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self.db, self.state = database, state
        self._progress, self._cancelled = progress, cancelled
        self.done, self.total = 0, 11 + math.ceil(state.n_citizens / CHUNK_CITIZENS)

    def run(self) -> None:
        self._check()
        for phase in (add_team, add_cases, add_plans, add_absences, add_groups):
            self._run_phase(phase)
        add_contacts(self.state, self.db, self._step)
        for phase in (add_appointments, add_economy, add_schedule_extras, add_anonymous_tally,
                      _attribute_to_grants, _finish):
            self._run_phase(phase)

    def _run_phase(self, phase: Callable[[DemoState, Session], None]) -> None:
        with self.db.session() as session:
            # The bulk inserts chose their ids themselves; on a team server the id
            # sequences must move past them before a phase adds rows the ordinary way.
            catch_up_id_sequences(session)
            phase(self.state, session)
        self._step()

    def _check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise DemoCancelled("Oprettelsen af demodatabasen blev afbrudt.")

    def _step(self) -> None:
        self.done += 1
        if self._progress is not None:
            self._progress(self.done, self.total)
        if self.done < self.total:
            self._check()


def _finish(state: DemoState, session: Session) -> None:
    """The one audit entry for the whole demo: what was generated, from which seed."""
    audit.record(
        session, state.login, audit.Action.CREATE, entity="database",
        detail=f"Demodata genereret: {state.n_citizens} borgere, {state.n_mentors} mentorer, "
        f"{state.contact_count} kontakter over {state.years} år "
        f"(frø {state.seed}, dato {format_date(state.today)})",
    )


def _attribute_to_grants(state: DemoState, session: Session) -> None:
    """Group attendance and appointments were written in bulk without a grant: attribute
    them with the app's one rule, as migration 0008 did for real databases (a day with two
    concurrent grants stays "Ikke tilknyttet", listed by ``mentordesk attribute``)."""
    attribute_open_rows(session.connection())
