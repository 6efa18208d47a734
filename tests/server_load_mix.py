"""Simulated people using one team server at once, for the 20-user load (the test in
tests/server/test_server_load.py and bench/server_load.py).

Each person is a separate process (``spawn``, as on Windows) logged in as themselves, so
row-level security, the writer's lock and the pool are exercised as on a team's PCs. They
all start together and, until the same deadline, do a realistic mix: search, open a
record, log a contact, edit a goal, the team's week hours, a progression report.

What a person would see is counted: any exception is an error reaching a user, except
an edit conflict (``StaleEdit``/``EditConflict``), which the app answers with its
conflict dialog. Every acknowledged write is remembered, so the caller can prove after
the run that none was lost: each contact by id and its unique note, each goal edit by
the version the server gave it (two acknowledged edits of one goal with the same
version would be a lost update).
"""

from __future__ import annotations

import multiprocessing
import random
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from mentordesk.domain.codes import ContactForm, Role
from mentordesk.storage.engine import ServerProfile

SEARCHED = ("Ha", "Jens", "Ann", "Møl", "Niel", "Sø", "Pe", "Lar", "Ka", "Bo")
# Relative weight of each operation in a person's day (a report only now and then).
MIX = {"search": 30, "open record": 20, "log contact": 15, "edit goal": 10,
       "team week hours": 15, "report": 3}
START_TIMEOUT_S = 300
THINK_S = (0.02, 0.15)  # a pause between two clicks


@dataclass(frozen=True)
class Person:
    login: str
    role: Role
    profile: ServerProfile  # the person's own login and password


@dataclass
class Outcome:
    """What one person's process did and saw."""

    login: str
    timings: dict[str, list[float]] = field(default_factory=dict)  # operation → seconds
    errors: list[str] = field(default_factory=list)
    conflicts: int = 0
    contacts: dict[int, str] = field(default_factory=dict)  # id → note
    goal_versions: list[tuple[int, int]] = field(default_factory=list)  # (goal, version)


@dataclass(frozen=True)
class LoadResult:
    outcomes: list[Outcome]
    seconds: float

    @property
    def errors(self) -> list[str]:
        return [f"{outcome.login}: {error}" for outcome in self.outcomes
                for error in outcome.errors]

    def timings(self) -> dict[str, list[float]]:
        merged: dict[str, list[float]] = {}
        for outcome in self.outcomes:
            for name, times in outcome.timings.items():
                merged.setdefault(name, []).extend(times)
        return merged


def run_load(people: list[Person], seconds: float) -> LoadResult:
    """Everyone at once for ``seconds`` (after all have logged in), one process each."""
    spawn = multiprocessing.get_context("spawn")
    ready = spawn.Barrier(len(people) + 1)
    results = spawn.Queue()
    processes = [spawn.Process(target=_person_process, name=person.login,
                               args=(person, seconds, index, ready, results))
                 for index, person in enumerate(people)]
    for process in processes:
        process.start()
    try:
        ready.wait(timeout=START_TIMEOUT_S)
        started = time.perf_counter()
        outcomes = [results.get(timeout=seconds + START_TIMEOUT_S) for _ in processes]
        elapsed = time.perf_counter() - started
    finally:
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
    return LoadResult(outcomes, elapsed)


def _person_process(person: Person, seconds: float, seed: int, ready, results) -> None:
    outcome = Outcome(person.login)
    try:
        day = _Day(person, seed, outcome)
    except Exception:  # noqa: BLE001 - a failed login is an error the person would see
        outcome.errors.append("login: " + traceback.format_exc(limit=3))
        ready.wait(timeout=START_TIMEOUT_S)
        results.put(outcome)
        return
    try:
        ready.wait(timeout=START_TIMEOUT_S)
        day.run_until(time.perf_counter() + seconds)
    finally:
        day.close()
        results.put(outcome)


class _Day:
    """One person's session: logged in, their citizens known, clicking until a deadline."""

    def __init__(self, person: Person, seed: int, outcome: Outcome) -> None:
        from mentordesk.kernel.context import Context
        from mentordesk.services.citizens import list_citizens
        from mentordesk.services.team import resolve_actor
        from mentordesk.storage.database import ServerDatabase

        self.person, self.outcome = person, outcome
        self.rng = random.Random(seed)
        self.database = ServerDatabase.connect(person.profile)
        self.context = Context(self.database, resolve_actor(self.database, person.login))
        self.citizens = [row.id for row in list_citizens(self.context)]
        self.folder = Path(tempfile.mkdtemp(prefix=f"mentordesk-load-{person.login}-"))
        self.today = date.today()
        self.operations: dict[str, Callable[[], None]] = {
            "search": self.search, "open record": self.open_record,
            "log contact": self.log_contact, "edit goal": self.edit_goal,
            "team week hours": self.team_week_hours, "report": self.report}

    def run_until(self, deadline: float) -> None:
        from mentordesk.errors import StaleEdit

        names, weights = list(MIX), list(MIX.values())
        while time.perf_counter() < deadline:
            name = self.rng.choices(names, weights)[0]
            start = time.perf_counter()
            try:
                self.operations[name]()
            except StaleEdit:
                self.outcome.conflicts += 1  # the conflict dialog; nothing is lost
            except Exception:  # noqa: BLE001 - every other failure reaches the person
                self.outcome.errors.append(f"{name}: {traceback.format_exc(limit=4)}")
            self.outcome.timings.setdefault(name, []).append(time.perf_counter() - start)
            time.sleep(self.rng.uniform(*THINK_S))

    def close(self) -> None:
        self.database.close()

    def _citizen(self) -> int | None:
        return self.rng.choice(self.citizens) if self.citizens else None

    def search(self) -> None:
        from mentordesk.services.citizens import list_citizens

        word = self.rng.choice(SEARCHED)
        list_citizens(self.context, word[:self.rng.randint(1, len(word))])

    def open_record(self) -> None:
        from mentordesk.services.case_record import get_citizen_record
        from mentordesk.services.contacts import contacts_for_citizen

        citizen = self._citizen()
        if citizen is not None:
            get_citizen_record(self.context, citizen)
            contacts_for_citizen(self.context, citizen)

    def log_contact(self) -> None:
        from mentordesk.services.contacts import NewContact, log_contact

        citizen = self._citizen()
        if citizen is None:
            return
        note = f"Belastningsprøve {self.person.login} {self.rng.getrandbits(48):x}"
        contact_id = log_contact(self.context, NewContact(
            citizen_id=citizen, duration_minutes=self.rng.choice((30, 45, 60, 90)),
            form=self.rng.choice(list(ContactForm)), note=note,
            contact_on=self.today - timedelta(days=self.rng.randint(0, 6)))).value
        self.outcome.contacts[contact_id] = note

    def edit_goal(self) -> None:
        from mentordesk.services.plan import load_plan, update_goal
        from mentordesk.services.plan.values import GoalInput

        citizen = self._citizen()
        if citizen is None:
            return
        goals = load_plan(self.context, citizen).goals
        if not goals:
            return
        goal = self.rng.choice(goals)
        loaded = GoalInput(goal.title, goal.description, goal.theme_code, goal.subtheme_code,
                           goal.goal_type, goal.status, goal.start_on, goal.review_on,
                           goal.grant_id)
        edited = GoalInput(**{**loaded.__dict__, "description": (
            f"Opdateret af {self.person.login} ({self.rng.getrandbits(32):x})")})
        saved = update_goal(self.context, goal.id, goal.version, edited, loaded).value
        self.outcome.goal_versions.append((saved.id, saved.version))

    def team_week_hours(self) -> None:
        from mentordesk.domain.dates import week_bounds
        from mentordesk.schedule import weekly_hours

        monday, sunday = week_bounds(self.today - timedelta(weeks=self.rng.randint(0, 4)))
        weekly_hours(self.context, monday, sunday, today=self.today)

    def report(self) -> None:
        from mentordesk.reports.progress.assemble import Period
        from mentordesk.reports.progress.batch import Selection, run_batch

        citizen = self._citizen()
        if citizen is None:
            return
        end = self.today.replace(day=1) - timedelta(days=1)
        period = Period(end.replace(day=1) - timedelta(days=62), end)
        result = run_batch(self.context, Selection(citizen_ids=(citizen,)), period,
                           self.folder / f"{self.rng.getrandbits(32):x}", today=self.today)
        if result.failures:
            raise RuntimeError(f"report failed: {result.failures}")


def lost_writes(superuser: ServerProfile, outcomes: list[Outcome]) -> list[str]:
    """Every acknowledged write that the server does not hold, as readable lines."""
    from sqlalchemy import select

    from mentordesk.storage.database import ServerDatabase
    from mentordesk.storage.models import Contact, Goal

    contacts = {cid: note for outcome in outcomes for cid, note in outcome.contacts.items()}
    versions = [pair for outcome in outcomes for pair in outcome.goal_versions]
    database = ServerDatabase.connect(superuser)
    try:
        with database.read_session() as session:
            stored = dict(session.execute(select(Contact.id, Contact.note).where(
                Contact.id.in_(list(contacts)))).tuples().all()) if contacts else {}
            goal_ids = sorted({goal for goal, _version in versions})
            final = dict(session.execute(select(Goal.id, Goal.version).where(
                Goal.id.in_(goal_ids))).tuples().all()) if goal_ids else {}
    finally:
        database.close()
    problems = [f"contact {cid} acknowledged but {'changed' if cid in stored else 'missing'}"
                for cid, note in contacts.items() if stored.get(cid) != note]
    if len(set(versions)) != len(versions):
        problems.append("two goal edits acknowledged with the same version (a lost update)")
    problems += [f"goal {goal} acknowledged at version {version}, server has "
                 f"{final.get(goal)}" for goal, version in versions
                 if final.get(goal, -1) < version]
    return problems


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def team_people(superuser: ServerProfile, password: str, *, mentors: int = 10,
                coordinators: int = 8, admins: int = 2) -> list[Person]:
    """Logins for an imported demo team: its own mentors (``mentor01``, … with their
    caseloads), enough of them moved to coordinator, and new admins. The import gave each
    person a login role without a password; each gets one here as IT gives it."""
    from sqlalchemy import select

    from mentordesk.server import provision
    from mentordesk.storage.engine import open_server_engine
    from mentordesk.storage.models import User

    engine = open_server_engine(superuser, pooled=False)
    try:
        with engine.connect() as connection:
            staff = connection.execute(select(User.login, User.role).where(
                User.active, User.role != Role.ADMIN.value).order_by(User.id)).all()
        chosen = [(login, Role(role)) for login, role in staff][:mentors + coordinators]
        people = {}
        for index, (login, role) in enumerate(chosen):
            wanted = Role.COORDINATOR if index < coordinators else Role.MENTOR
            provision.set_password(engine, login, password)
            if wanted is not role:
                provision.set_role(engine, login, wanted)
            people[login] = wanted
        for number in range(1, admins + 1):
            login = f"load-admin{number}"
            provision.add_user(engine, login, password, Role.ADMIN, f"Admin {number}")
            people[login] = Role.ADMIN
    finally:
        engine.dispose()
    return [Person(login, role, _as(superuser, login, password))
            for login, role in people.items()]


def _as(superuser: ServerProfile, login: str, password: str) -> ServerProfile:
    return ServerProfile(superuser.host, superuser.port, superuser.dbname, login, password,
                         superuser.ca_file)
