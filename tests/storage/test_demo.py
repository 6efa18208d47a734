"""The demo database: real encrypted files, built small (and once at the default size).

The database-free checks of the building blocks (``mentordesk.demo``, the catalogue mapping) are
at the end. They live here, not in tests/unit/test_demo.py: two test files with the same
basename in folders without ``__init__.py`` break collection of the whole suite.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mentordesk import audit, vault
from mentordesk import demo as data
from mentordesk.demo import DEMO_TEAM_NAME, DemoCancelled, build_demo
from mentordesk.domain import vum
from mentordesk.domain.catalogue import COURSE_TYPES, LEGAL_BASES, MINUTES_PER_HOUR
from mentordesk.domain.codes import CitizenStatus, ContactForm
from mentordesk.domain.cpr import cpr_birth_date, normalize_cpr
from mentordesk.domain.economy import (
    DEFAULT_NORM_RATES,
    DISPOSABLE_AMOUNT_2024,
    EconomySection,
    Frequency,
)
from mentordesk.domain.vum import GoalType
from mentordesk.errors import CannotOpenDatabase
from mentordesk.kernel.context import Context
from mentordesk.services.catalogue import (
    course_type_values,
    seed_default_catalogue,
)
from mentordesk.services.citizens import list_citizens
from mentordesk.services.team import resolve_actor
from mentordesk.storage import models as m

pytestmark = pytest.mark.both_backends

PASSPHRASE = "demo-adgangskode med æøå 2026"
TODAY = date(2026, 11, 23)
OPERATOR = "demo-operator"


def _build(directory: Path, name: str = "demo.mentordesk", **options) -> Path:
    path = directory / name
    settings = {"citizens": 12, "mentors": 4, "years": 1, "seed": 1, "today": TODAY,
                "operator_login": OPERATOR} | options
    build_demo(path, PASSPHRASE, **settings).close()
    return path


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 citizens over 1 year: enough for every legal basis and course type."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MENTORDESK_HOME", str(tmp_path_factory.mktemp("home")))
        return _build(tmp_path_factory.mktemp("demo"), citizens=30)


@pytest.fixture
def demo(demo_path: Path):
    database = vault.unlock_with_passphrase(demo_path, PASSPHRASE, login=OPERATOR)
    yield database
    database.close()


def _names(path: Path) -> list[tuple[str, str, str, str | None]]:
    database = vault.unlock_with_passphrase(path, PASSPHRASE, login=OPERATOR)
    with database.read_session() as session:
        rows = session.execute(select(m.Citizen.first_name, m.Citizen.last_name, m.Citizen.alias,
                                      m.Citizen.cpr).order_by(m.Citizen.id)).all()
        contacts = session.scalar(select(func.count()).select_from(m.Contact))
    database.close()
    return [tuple(row) for row in rows] + [("contacts", str(contacts), "", None)]


def test_demo_opens_with_the_passphrase_and_is_marked_demo(demo):
    assert demo.is_demo
    assert demo.meta("team_name") == DEMO_TEAM_NAME
    with demo.read_session() as session:
        operator = session.scalar(select(m.User).where(m.User.login == OPERATOR))
        roles = Counter(session.scalars(select(m.User.role).where(m.User.login != OPERATOR)))
        assert session.scalar(select(func.count()).select_from(m.Citizen)) == 30
    assert operator is not None and operator.role == "admin"
    assert roles == {"mentor": 2, "coordinator": 2}


def test_same_seed_and_day_give_the_same_data_and_another_seed_differs(tmp_path):
    first = _names(_build(tmp_path, "a.mentordesk"))
    again = _names(_build(tmp_path, "b.mentordesk"))
    other = _names(_build(tmp_path, "c.mentordesk", seed=2))
    assert first == again
    assert first[:-1] != other[:-1]


def test_no_case_is_opened_after_the_demo_day_and_waiting_cases_start_later(tmp_path):
    """A case on the waiting list was registered already; only its grant lies ahead."""
    demo = vault.unlock_with_passphrase(_build(tmp_path, citizens=80), PASSPHRASE,
                                     login=OPERATOR)
    with demo.read_session() as session:
        cases = session.execute(select(m.Citizen.status, m.Citizen.opened_on)).all()
        first_grants = dict(session.execute(
            select(m.Grant.citizen_id, func.min(m.Grant.start_on)).group_by(m.Grant.citizen_id)
        ).tuples().all())
        waiting = session.execute(select(m.Citizen.id, m.Citizen.opened_on).where(
            m.Citizen.status == "waiting")).all()
    demo.close()
    assert waiting, "80 demo citizens include some on the waiting list"
    assert all(opened <= TODAY for _status, opened in cases)
    assert all(opened <= first_grants[citizen] for citizen, opened in waiting)


def test_every_legal_basis_and_course_type_has_a_grant(demo):
    with demo.read_session() as session:
        used_bases = set(session.scalars(select(m.LegalBasis.code).join(
            m.Grant, m.Grant.legal_basis_id == m.LegalBasis.id)))
        used_courses = set(session.scalars(select(m.CourseType.name).join(
            m.Grant, m.Grant.course_type_id == m.CourseType.id)))
        per_citizen = Counter(session.scalars(select(m.Grant.citizen_id)))
        grants = session.scalars(select(m.Grant)).all()
    assert used_bases == {basis.code for basis in LEGAL_BASES}
    assert used_courses == {course.name for course in COURSE_TYPES}
    assert len(per_citizen) == 30 and set(per_citizen.values()) <= {1, 2, 3}
    for grant in grants:
        assert grant.authority_id is not None and grant.caseworker_name
        assert grant.hours_min_minutes is not None and grant.price_model in ("per_hour",
                                                                             "per_week")
        assert grant.end_on is None or grant.end_on > grant.start_on


def test_contacts_per_citizen_year_are_realistic(demo):
    with demo.read_session() as session:
        contacts = session.scalars(select(m.Contact)).all()
        citizens = {c.id: c for c in session.scalars(select(m.Citizen))}
        absent = {(a.user_id, a.start_on + timedelta(days=d))
                  for a in session.scalars(select(m.Absence))
                  for d in range((a.end_on - a.start_on).days + 1)}
        linked = session.scalar(select(func.count()).select_from(m.contact_goal))
    assert 60 <= len(contacts) / 30 <= 100  # about 80 per citizen-year
    forms = Counter(contact.form for contact in contacts)
    assert set(forms) <= {form.value for form in ContactForm} and len(forms) >= 6
    no_shows = sum(not contact.attended for contact in contacts) / len(contacts)
    assert 0.05 <= no_shows <= 0.15
    assert all(15 <= contact.duration_minutes <= 180 for contact in contacts)
    assert all(TODAY - timedelta(days=366) <= c.contact_on <= TODAY for c in contacts)
    assert all(contact.contact_on.weekday() < 5 for contact in contacts)
    assert all(contact.note for contact in contacts)
    assert not [c for c in contacts if (c.mentor_id, c.contact_on) in absent]
    assert not [c for c in contacts if citizens[c.citizen_id].status == "waiting"]
    assert linked > len(contacts) / 5


def test_search_finds_citizens_by_part_of_the_name_and_by_alias(demo):
    actor = resolve_actor(demo, OPERATOR)
    with demo.read_session() as session:
        named = session.scalars(select(m.Citizen).where(m.Citizen.is_anonymous.is_(False))
                                .order_by(m.Citizen.id)).first()
        anonymous = session.scalars(select(m.Citizen).where(m.Citizen.is_anonymous)).first()
        assert session.scalar(select(func.count()).select_from(m.Citizen)
                              .where(m.Citizen.search_key == "")) == 0
    found = list_citizens(Context(demo, actor), search=named.last_name[1:5].upper(), today=TODAY)
    assert named.id in [row.id for row in found]
    found = list_citizens(Context(demo, actor), search=anonymous.alias, today=TODAY)
    assert [row.id for row in found] == [anonymous.id]
    every = list_citizens(Context(demo, actor), today=TODAY)
    open_cases = [row for row in every if row.status is not CitizenStatus.CLOSED]
    assert len(every) == 30 and all(row.primary_mentor for row in open_cases)


def test_cpr_numbers_are_valid_and_anonymous_citizens_have_none(demo):
    with demo.read_session() as session:
        citizens = session.scalars(select(m.Citizen)).all()
    anonymous = [c for c in citizens if c.is_anonymous]
    named = [c for c in citizens if not c.is_anonymous]
    assert len(anonymous) == round(30 * 0.08)
    for citizen in anonymous:
        assert citizen.cpr is None and citizen.cpr_last4 == "" and citizen.alias
        assert not citizen.first_name and not citizen.last_name
    for citizen in named:
        assert normalize_cpr(citizen.cpr, today=TODAY) == citizen.cpr
        assert citizen.cpr_last4 == citizen.cpr[-4:] and "9000" <= citizen.cpr_last4 <= "9999"
        assert citizen.first_name and citizen.last_name and citizen.postal_code.startswith("01")
    statuses = Counter(c.status for c in citizens)
    assert statuses["active"] > len(citizens) / 2


def test_plans_calendar_groups_economy_and_absences_are_filled(demo):
    with demo.read_session() as session:
        goals = session.scalars(select(m.Goal)).all()
        levels = session.scalars(select(m.Assessment.level)).all()
        appointments = session.scalars(select(m.Appointment)).all()
        sessions = session.scalar(select(func.count()).select_from(m.GroupSession))
        courses = session.scalars(select(m.GroupCourse.name)).all()
        leaders = session.scalar(select(func.count()).select_from(m.group_leader))
        lines = session.scalars(select(m.EconomyLine)).all()
        overviews = session.scalar(select(func.count()).select_from(m.EconomyOverview))
        covers = session.scalar(select(func.count()).select_from(m.AbsenceCover))
        kinds = set(session.scalars(select(m.Absence.kind)))
        consents = session.scalars(select(m.Consent)).all()
        reports = session.scalar(select(func.count()).select_from(m.ReportDraft))
        rates = session.scalar(select(func.count()).select_from(m.NormRate))
    per_citizen = Counter(goal.citizen_id for goal in goals)
    assert len(per_citizen) == 30 and set(per_citizen.values()) <= {2, 3, 4}
    for goal in goals:
        assert vum.theme_of(goal.subtheme_code).code == goal.theme_code
    assert levels and all(level is None or 0 <= level <= 4 for level in levels)
    horizon = datetime.combine(TODAY + timedelta(days=43), datetime.min.time())
    assert any(a.rrule.startswith("FREQ=WEEKLY;") for a in appointments)
    assert all(a.rrule or datetime.combine(TODAY, datetime.min.time()) < a.starts_at < horizon
               for a in appointments)
    assert len(courses) == 3 and sessions > 0 and leaders == 6
    assert overviews == round(30 * 0.3) and lines
    assert all(sum(getattr(line, col) for col in m.MONTH_COLUMNS) > 0 for line in lines)
    assert covers > 0 and {"holiday", "sickness"} <= kinds
    # The shipped rates only: 2024 rådighedsbeløb and 2023 debt relief, five items each.
    assert any(c.expires_on < TODAY for c in consents) and reports >= 2 and rates == 10


def test_one_audit_event_for_the_whole_demo_and_the_chain_holds(demo):
    with demo.read_session() as session:
        report = audit.verify_chain(session)
        details = session.scalars(select(m.AuditEvent.detail)).all()
    assert report.ok, report.problem
    demo_events = [detail for detail in details if detail.startswith("Demodata genereret")]
    assert len(demo_events) == 1 and "30 borgere" in demo_events[0]


def test_progress_runs_to_the_total_and_cancel_removes_the_file(tmp_path):
    calls: list[tuple[int, int]] = []
    _build(tmp_path, "ok.mentordesk", progress=lambda done, total: calls.append((done, total)))
    assert calls == [(done, calls[-1][1]) for done in range(1, calls[-1][1] + 1)]
    steps: list[int] = []
    with pytest.raises(DemoCancelled):
        _build(tmp_path, "cancel.mentordesk", progress=lambda done, total: steps.append(done),
               cancelled=lambda: len(steps) >= 3)
    assert steps == [1, 2, 3]
    assert not list(tmp_path.glob("cancel.mentordesk*"))


def test_an_existing_file_is_never_overwritten(tmp_path):
    path = tmp_path / "taken.mentordesk"
    path.write_bytes(b"not mine")
    with pytest.raises(CannotOpenDatabase):
        build_demo(path, PASSPHRASE, citizens=5, mentors=2, years=1, today=TODAY)
    assert path.read_bytes() == b"not mine"


def test_default_catalogue_is_seeded_once_and_edits_survive(database):
    with database.session() as session:
        seed_default_catalogue(session)
        basis = session.scalar(select(m.LegalBasis).where(m.LegalBasis.code == "SEL §85"))
        basis.name = "Vores egen tekst"
    with database.session() as session:
        seed_default_catalogue(session)
    with database.read_session() as session:
        assert session.scalar(select(func.count()).select_from(m.LegalBasis)) == len(LEGAL_BASES)
        assert session.scalar(select(func.count()).select_from(m.CourseType)) == len(COURSE_TYPES)
        # Only published rates, at their own year, each with its source: 2024 for
        # Gældsstyrelsen's rådighedsbeløb, 2023 for debt relief.
        rates = session.scalars(select(m.NormRate)).all()
        assert {(rate.year, rate.norm_kind) for rate in rates} == {
            (2024, "disposable_amount"), (2023, "debt_relief")}
        assert all(rate.source for rate in rates)
        assert session.scalar(select(m.LegalBasis.name).where(m.LegalBasis.code == "SEL §85")) \
            == "Vores egen tekst"
        unlinked = session.scalar(select(func.count()).select_from(m.CourseType)
                                  .where(m.CourseType.legal_basis_id.is_(None)))
    assert unlinked == 0


@pytest.mark.slow
def test_default_demo_has_about_100_000_contacts_and_builds_within_a_minute(tmp_path):
    started = time.perf_counter()
    database = build_demo(tmp_path / "default.mentordesk", PASSPHRASE, today=TODAY,
                          operator_login=OPERATOR)
    elapsed = time.perf_counter() - started
    with database.read_session() as session:
        contacts = session.scalar(select(func.count()).select_from(m.Contact))
        citizens = session.scalar(select(func.count()).select_from(m.Citizen))
        assert audit.verify_chain(session).ok
    database.close()
    print(f"default demo: {contacts} contacts, {citizens} citizens in {elapsed:.1f} s")
    assert citizens == 250
    assert 90_000 <= contacts <= 115_000
    assert elapsed < 60


# --- building blocks, no database -------------------------------------------------------


def test_cpr_numbers_decode_to_the_birth_date_and_cannot_be_pre_2007_numbers():
    rng, used = random.Random(3), set()
    for birth in (date(1937, 1, 1), date(1954, 2, 28), date(1999, 12, 31), date(2008, 6, 15)):
        for _ in range(50):
            number = data.fictitious_cpr(rng, birth, used)
            assert normalize_cpr(number, today=TODAY) == number
            assert cpr_birth_date(number) == birth
            assert 9000 <= int(number[6:]) <= 9999
            assert not data.passes_modulus_11(number)
    assert len(used) == 200


def test_cpr_outside_the_decodable_years_is_refused():
    with pytest.raises(ValueError):
        data.fictitious_cpr(random.Random(1), date(1936, 12, 31), set())


def test_names_are_never_famous_and_aliases_stay_unique():
    rng = random.Random(7)
    names = {data.person_name(rng) for _ in range(5000)}
    assert not [name for name in names if data.is_famous(*name)]
    assert len(names) > 1000
    assert data.is_famous("Mette", "Frederiksen")
    aliases = [data.alias(index) for index in range(100)]
    assert len(set(aliases)) == 100 and aliases[0] == "Ravnen"


def test_citizen_fields_are_fictitious_and_anonymous_fields_carry_no_identity():
    fields = data.citizen_fields(random.Random(1), TODAY, 0, set(), set())
    assert fields["phone"].startswith("00 ") and fields["postal_code"] == "0101"
    local = data.email_local(fields["first_name"], fields["last_name"])
    assert fields["email"] in ("", f"{local}@post.example")
    age = (TODAY - cpr_birth_date(fields["cpr"])).days / 365.25
    assert 18 <= age <= 73
    anonymous = data.anonymous_fields("Ravnen", 2)
    assert anonymous["cpr"] is None and anonymous["alias"] == "Ravnen"
    assert not anonymous["first_name"] and not anonymous["address"]


def test_every_contact_form_has_weights_durations_notes_and_places():
    forms = set(data.FORMS) | {"group"}
    assert forms == {form.value for form in ContactForm}
    rng = random.Random(1)
    for form in data.FORMS:
        low, high = data.DURATIONS[form]
        assert 15 <= low <= high <= 180
        assert data.contact_note(rng, form, True) and data.contact_note(rng, form, False)
        data.contact_place(rng, form)
    for weights in data.FORM_CUM_WEIGHTS.values():
        assert len(weights) == len(data.FORMS) and list(weights) == sorted(weights)


def test_goal_templates_use_real_ffb_themes():
    codes = data.theme_codes()
    for theme, sub, title, steps in data.GOAL_TEMPLATES:
        assert codes[theme] and codes[f"{theme}/{sub}"] and title and steps


def test_levels_mostly_improve_for_develop_goals():
    start = date(2022, 1, 3)
    first, last = [], []
    for seed in range(300):
        series = data.levels(random.Random(seed), start, start + timedelta(days=730),
                             GoalType.DEVELOP)
        assert all(day >= start for day, _, _ in series)
        assert all(level is None or 0 <= level <= 4 for _, level, _ in series)
        scored = [level for _, level, _ in series if level is not None]
        first.append(scored[0])
        last.append(scored[-1])
    assert sum(last) < sum(first) * 0.75


def test_weeks_cover_weekdays_only_and_damp_holidays():
    weeks = list(data.weeks(date(2026, 7, 1), date(2026, 7, 31)))
    days = [day for week_days, _ in weeks for day in week_days]
    assert days[0] == date(2026, 7, 1) and days[-1] == date(2026, 7, 31)
    assert all(day.weekday() < 5 for day in days)
    assert weeks[0][1] == pytest.approx(3 / 5)  # Wed–Fri of a normal week
    assert weeks[-1][1] < 1


def test_economy_sheet_months_follow_the_frequency():
    for seed in range(50):
        overview, lines = data.economy_sheet(random.Random(seed), 40_000)
        assert overview["adults"] in (1, 2)
        assert any(line["section"] == EconomySection.INCOME for line in lines)
        assert any(line["category"] == "debt_instalments" for line in lines)
        for line in lines:
            months = [line[column] for column in m.MONTH_COLUMNS]
            assert all(isinstance(amount, int) and amount >= 0 for amount in months)
            paid = [amount for amount in months if amount]
            expected = {Frequency.QUARTERLY: 4, Frequency.YEARLY: 1, Frequency.ONCE: 1}
            if line["frequency"] in expected:
                assert len(paid) == expected[Frequency(line["frequency"])]


def test_debts_and_benefits_are_consistent():
    rng = random.Random(5)
    debts = [debt for _ in range(50) for debt in data.debts(rng, TODAY)]
    assert any(debt["priority_class"] != "ordinary" for debt in debts)
    assert any(debt["priority_class"] == "ordinary" for debt in debts)
    for debt in debts:
        assert debt["balance_oere"] > 0 and debt["balance_on"] <= TODAY
    for _ in range(50):
        benefit = data.benefit_application(rng, TODAY)
        assert benefit["applied_on"] <= TODAY
        assert (benefit["decided_on"] is None) == (benefit["status"] in ("draft", "sent"))
        assert (benefit["amount_granted_oere"] is not None) == (benefit["status"] == "granted")


def test_absence_spells_are_well_formed():
    rng = random.Random(2)
    for year in range(2021, 2028):
        for kind, start, end, note in data.absence_spells(rng, year):
            assert kind in ("holiday", "sickness", "course") and note
            assert start <= end <= start + timedelta(days=21)


def test_shipped_norm_rates_are_the_sourced_published_ones():
    assert [(rates.year, rates.kind.value) for rates in DEFAULT_NORM_RATES] == [
        (2024, "disposable_amount"), (2023, "debt_relief")]
    assert DISPOSABLE_AMOUNT_2024.source == "borger.dk: Gældsstyrelsens rådighedssatser 2024"
    assert all(rates.source for rates in DEFAULT_NORM_RATES)


def test_course_type_values_are_minutes_and_oere():
    resource = next(c for c in COURSE_TYPES if c.name.startswith("Ressourceforløb - For borger "
                                                                 "der har brug for et tvær"))
    values = course_type_values(resource)
    assert values["hours_min_minutes"] == 0
    assert values["hours_max_minutes"] == 15 * MINUTES_PER_HOUR
    assert values["price_model"] == "per_week" and values["price_oere"] == 250_000
    internship = course_type_values(COURSE_TYPES[0])
    assert internship["hours_max_minutes"] is None and internship["price_model"] is None
