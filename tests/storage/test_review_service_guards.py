"""Review of the operations layer: every public ``(context: Context, …)`` function of the
feature packages is found by introspection and must be classified here, and a mentor who is
not assigned to a citizen can neither read nor change that citizen's data through it
(refused, nothing written), team-wide lists hold nothing of that citizen, and every
citizen-scoped read by an assigned mentor leaves an audit event.

The database holds one row in every table (``fill_every_table``), all belonging to one
citizen, with a sentinel text in each text column; a leak shows up as a sentinel of a
citizen-linked table in what a function returns or writes.

A new operation makes ``test_every_operation_is_classified`` fail until it is added to
``CASES`` with its kind: READ / CHANGE (citizen-scoped) or TEAM (team-wide or not about one
citizen), or to ``NOT_EXERCISED`` with the reason it cannot be run here.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import subprocess
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rights_support import citizen_linked_tables, fill_every_table, sentinel
from service_guard_cases import (
    CASES,
    CHANGE,
    COORDINATOR_ONLY,
    DAY,
    FEATURE_PACKAGES,
    NOT_EXERCISED,
    READ,
    TAG,
    TEAM,
    TINY_PNG,
    World,
    call,
)
from sqlalchemy import func, select

from mentordesk import vault
from mentordesk.domain.codes import Role
from mentordesk.economy import service_sheet as sheets
from mentordesk.economy import workbook
from mentordesk.errors import AccessDenied, NotFound
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.schedule import (
    calendar,
)
from mentordesk.services import (
    new_team,
)
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import (
    Absence,
    Appointment,
    Assignment,
    AuditEvent,
    Base,
    Citizen,
    CourseType,
    EconomyOverview,
    EconomySnapshot,
    Grant,
    GroupCourse,
    GroupSession,
    Partner,
    ReportDraft,
    User,
)

pytestmark = pytest.mark.both_backends


# The feature packages: every operation a front end can call lives in one of them.
def discovered_operations() -> set[str]:
    """Public functions defined anywhere in the feature packages whose first parameter is
    annotated ``Context`` (names without the ``mentordesk.`` prefix)."""
    found = set()
    for module in _feature_modules():
        for name, value in vars(module).items():
            if (name.startswith("_") or not inspect.isfunction(value)
                    or value.__module__ != module.__name__):
                continue
            if _takes_context(value):
                found.add(f"{module.__name__.removeprefix('mentordesk.')}.{name}")
    return found


def _feature_modules() -> list[Any]:
    modules = []
    for package_name in FEATURE_PACKAGES:
        package = importlib.import_module(f"mentordesk.{package_name}")
        modules.append(package)
        modules += [importlib.import_module(info.name) for info in
                    pkgutil.walk_packages(package.__path__, f"{package.__name__}.")]
    return modules


def _takes_context(function: Callable[..., Any]) -> bool:
    parameters = list(inspect.signature(function).parameters.values())
    # Modules use ``from __future__ import annotations``: the annotation may be a string.
    return bool(parameters) and parameters[0].annotation in (Context, "Context")


def of_kind(*kinds: str) -> list[str]:
    return sorted(name for name, (kind, _function, _arguments) in CASES.items()
                  if kind in kinds)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    folder = tmp_path_factory.mktemp("review")
    database = new_team.create_database(folder / "team.mentordesk", "review-nøgle æøå",
                                     team_name="Reviewteamet").database
    with database.session() as session:
        rows = fill_every_table(session, TAG)
        _make_parseable(session, rows)
    outsider, insider = _mentor(database, "udenfor"), _mentor(database, "tildelt")
    with database.session() as session:
        session.add(Assignment(citizen_id=rows["citizen"]["id"], user_id=insider.user_id,
                               kind="primary", start_on=date(2019, 1, 1)))
        # The filled absence's substitute is its own user; make it the assigned mentor's.
        session.get(Absence, rows["absence"]["id"]).user_id = insider.user_id
        session.flush()
        rows["absence"]["version"] = session.get(Absence, rows["absence"]["id"]).version
    (folder / "logo.png").write_bytes(TINY_PNG)
    admin = resolve_actor(database, vault.current_login())
    citizen_id = int(rows["citizen"]["id"])  # type: ignore[arg-type]
    xlsx = folder / "import.xlsx"
    workbook.export_xlsx(Context(database, admin), citizen_id, 2024, xlsx)
    # A real snapshot replaces the filled one (whose payload is no sheet).
    snapshot = sheets.take_snapshot(Context(database, admin), citizen_id, 2024).value
    with database.session() as session:
        session.delete(session.get(EconomySnapshot, rows["economy_snapshot"]["id"]))
    rows["economy_snapshot"] = {"id": snapshot.id}
    coordinator = Actor(admin.user_id, admin.login, admin.full_name, Role.COORDINATOR)
    yield World(database, rows, outsider, insider, coordinator, folder, xlsx)
    database.close()


def _make_parseable(session, rows) -> None:  # type: ignore[no-untyped-def]
    """Sentinels and codes where services parse or check a value (recurrence rules, price
    models, household size, states) would fail the checks for the wrong reason: give those
    columns values an authorised user could act on."""
    fixes = {
        Citizen: {"cpr": "0303901234"},  # reveal_cpr shows a valid number only
        Partner: {"kind": "other"},
        Appointment: {"rrule": "", "exdates": "", "cancelled": False},
        EconomyOverview: {"adults": 1},
        Grant: {"price_model": "per_hour"},
        CourseType: {"price_model": "per_hour"},
        ReportDraft: {"status": "draft"},
        GroupCourse: {"weekday": DAY.weekday()},
        GroupSession: {"cancelled": False},
    }
    for model, values in fixes.items():
        row = session.get(model, rows[model.__tablename__]["id"])
        for column, value in values.items():
            setattr(row, column, value)
    session.flush()
    for model in fixes:
        table = model.__tablename__
        if "version" in rows[table]:
            rows[table]["version"] = session.get(model, rows[table]["id"]).version


def _mentor(database, login: str) -> Actor:  # type: ignore[no-untyped-def]
    with database.session() as session:
        user = User(login=login, full_name=login.title(), role=Role.MENTOR.value)
        session.add(user)
        session.flush()
        return Actor(user.id, user.login, user.full_name, Role.MENTOR)


def table_contents(database) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
    """Every row of every table but the audit log (the test data is one row per table)."""
    with database.session() as session:
        return {table.name: sorted(map(tuple, session.execute(select(table))), key=repr)
                for table in Base.metadata.sorted_tables if table.name != "audit_event"}


def citizen_sentinels() -> list[str]:
    """Texts only the citizen's own rows hold (tables linked to the citizen)."""
    linked = citizen_linked_tables()
    return [sentinel(table.name, column.name, TAG) for table in Base.metadata.sorted_tables
            if table.name in linked for column in table.columns]


def visible_text(result: object, folder: Path) -> str:
    """What a caller gets: the returned value and every file written into ``folder``."""
    parts = [repr(result)]
    if isinstance(result, bytes):
        parts.append(result.decode("utf-8", "replace"))
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        parts.append(_file_text(path))
    return "\n".join(parts)


def _file_text(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"%PDF"):
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                              capture_output=True, check=True, timeout=60).stdout.decode()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(item).decode("utf-8", "replace")
                             for item in archive.namelist())
    return raw.decode("utf-8", "replace")


def audit_count(database, citizen_id: int) -> int:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent)
                              .where(AuditEvent.citizen_id == citizen_id))


def test_the_discovery_finds_the_operations_of_every_feature_package():
    packages = {name.split(".")[0] for name in discovered_operations()}
    assert packages >= {"services", "schedule", "economy", "reports", "rights", "importing",
                        "audit_admin"}


def test_every_operation_is_classified():
    discovered = discovered_operations()
    known = CASES.keys() | NOT_EXERCISED.keys()
    assert sorted(discovered - known) == [], \
        "classify these operations in CASES (or NOT_EXERCISED, with the reason)"
    assert sorted(known - discovered) == [], "these operations no longer exist"
    assert sorted(CASES.keys() & NOT_EXERCISED.keys()) == []
    assert [name for name, reason in NOT_EXERCISED.items() if not reason.strip()] == []


@pytest.mark.parametrize("name", of_kind(READ, CHANGE))
def test_unassigned_mentor_is_refused_and_nothing_changes(world: World, name: str):
    before = table_contents(world.database)
    with pytest.raises((NotFound, AccessDenied)):
        call(name, world, world.outsider)
    assert table_contents(world.database) == before


@pytest.mark.parametrize("name", of_kind(TEAM))
def test_team_wide_results_hold_nothing_of_the_citizen(world: World, name: str,
                                                       tmp_path: Path):
    world.folder = tmp_path
    (tmp_path / "logo.png").write_bytes(TINY_PNG)
    try:
        result = call(name, world, world.outsider)
    except (NotFound, AccessDenied):
        return  # refused outright: nothing shown
    seen = visible_text(result, tmp_path)
    leaked = [text for text in citizen_sentinels() if text in seen]
    assert leaked == []
    # Not even whose case a busy slot belongs to.
    assert re.search(rf"citizen_id={world.citizen}\b", seen) is None


@pytest.mark.parametrize("name", of_kind(READ))
def test_citizen_reads_by_the_assigned_mentor_are_audited(world: World, name: str):
    reader = world.coordinator if name in COORDINATOR_ONLY else world.insider
    before = audit_count(world.database, world.citizen)
    call(name, world, reader)
    assert audit_count(world.database, world.citizen) > before


def test_busy_slots_in_the_team_calendar_do_not_say_whose_case(world: World):
    items = calendar.calendar_items(Context(world.database, world.outsider), DAY, DAY)
    busy = [item for item in items if item.appointment_id == world.id("appointment")]
    assert [(item.title, item.restricted, item.citizen_id) for item in busy] == [
        ("Optaget", True, None)]
