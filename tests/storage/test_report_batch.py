"""The coordinators' batch on the 250-citizen demo: failures per citizen, cancel, combined
output and file names. The demo is built once for the module; one record in it is made
invalid on purpose, so every batch here meets a citizen that cannot be reported."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from mentordesk import vault
from mentordesk.demo import build_demo
from mentordesk.domain.codes import Role
from mentordesk.errors import AccessDenied
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.reports.progress.assemble import Period
from mentordesk.reports.progress.batch import Selection, run_batch
from mentordesk.services.team import resolve_actor
from mentordesk.storage.models import Assessment, AuditEvent, Citizen, Goal, Grant, User

pytestmark = pytest.mark.file_only(
    reason="the 250-citizen demo is built as an encrypted file")

PASSPHRASE = "rapport-demo adgangskode æøå"
TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 12, 0)
PERIOD = Period(date(2026, 8, 1), date(2026, 10, 31))
OPERATOR = "rapport-koordinator"


@dataclass
class Watcher:
    """The batch's ``context.progress``: records every report and asks to cancel once
    ``cancel_at`` citizens are done (as the progress dialog's Cancel button would)."""

    cancel_at: int | None = None
    seen: list[tuple[float, float, str]] = field(default_factory=list)

    def report(self, done: float, total: float = 0, message: str = "") -> None:
        self.seen.append((done, total, message))

    def cancelled(self) -> bool:
        return self.cancel_at is not None and any(done >= self.cancel_at
                                                  for done, _, _ in self.seen)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """250 citizens over one year; returns the file and the citizen made invalid."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MENTORDESK_HOME", str(tmp_path_factory.mktemp("home")))
        path = tmp_path_factory.mktemp("demo") / "demo.mentordesk"
        database = build_demo(path, PASSPHRASE, citizens=250, years=1, today=TODAY,
                              operator_login=OPERATOR)
        with database.session() as session:
            # An active citizen with an assessment in the period gets a level outside 0–4.
            broken = session.execute(
                select(Assessment.id, Goal.citizen_id)
                .join(Goal, Goal.id == Assessment.goal_id)
                .join(Citizen, Citizen.id == Goal.citizen_id)
                .where(Citizen.status == "active",
                       Assessment.assessed_on.between(PERIOD.start, PERIOD.end))
                .order_by(Goal.citizen_id).limit(1)).one()
            session.execute(update(Assessment).where(Assessment.id == broken.id)
                            .values(level=9))
        database.close()
        return path, broken.citizen_id


@pytest.fixture
def demo(demo_path):
    database = vault.unlock_with_passphrase(demo_path[0], PASSPHRASE, login=OPERATOR)
    yield database
    database.close()


@pytest.fixture
def coordinator(demo) -> Actor:
    return resolve_actor(demo, OPERATOR)


def _active(demo) -> int:
    with demo.read_session() as session:
        return session.scalar(select(func.count()).select_from(Citizen)
                              .where(Citizen.status == "active"))


def _expected_reports(demo) -> int:
    """One report per active citizen and authority with a grant in the period (a citizen
    without a grant still gets one, saying so): a report never spans two authorities."""
    with demo.read_session() as session:
        pairs = set(session.execute(
            select(Grant.citizen_id, Grant.authority_id)
            .join(Citizen, Citizen.id == Grant.citizen_id)
            .where(Citizen.status == "active", Grant.start_on <= PERIOD.end,
                   (Grant.end_on.is_(None)) | (Grant.end_on >= PERIOD.start))).all())
    with_grant = {citizen for citizen, _authority in pairs}
    return len(pairs) + _active(demo) - len(with_grant)


def _leftovers(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if not path.name.endswith(".pdf")]


def test_batch_of_all_active_citizens_lists_the_broken_one_and_writes_the_rest(
        demo, demo_path, coordinator, tmp_path, pdf_text):
    broken = demo_path[1]
    watcher = Watcher()
    out = tmp_path / "rapporter"
    result = run_batch(Context(demo, coordinator, watcher), Selection(), PERIOD, out,
                       today=TODAY, now=NOW)
    seen = watcher.seen
    active, expected = _active(demo), _expected_reports(demo)
    assert active >= 150 and result.total == expected > active and not result.cancelled
    assert [failure.citizen_id for failure in result.failures] == [broken]
    assert "funktionsevneniveau uden for 0–4 (9)" in result.failures[0].message
    assert result.reports == expected - 1 == len(list(out.glob("*.pdf")))
    assert _leftovers(out) == []
    assert seen[0][:2] == (0, expected) and seen[-1][:2] == (expected, expected)
    assert all(label for _, _, label in seen[:-1])
    # Names carry initials or alias, the case number and the period, never the CPR.
    with demo.read_session() as session:
        cprs = [cpr for cpr in session.scalars(select(Citizen.cpr)) if cpr]
    names = [path.name for path in out.iterdir()]
    assert all(name.startswith("Progressionsrapport ") and "01-08-2026 til 31-10-2026" in name
               for name in names)
    assert not any(cpr[:6] in name or cpr[6:] in name for cpr in cprs for name in names)
    sample = pdf_text(sorted(out.iterdir())[0])
    assert "Progressionsrapport" in sample and "Side 1 af" in sample
    with demo.read_session() as session:
        printed = session.scalar(select(func.count()).select_from(AuditEvent)
                                 .where(AuditEvent.entity == "report",
                                        AuditEvent.action == "print"))
    assert printed == result.reports


def test_cancel_stops_promptly_and_leaves_only_whole_files(demo, coordinator, tmp_path):
    out = tmp_path / "afbrudt"
    result = run_batch(Context(demo, coordinator, Watcher(cancel_at=5)), Selection(), PERIOD,
                       out, today=TODAY, now=NOW)
    assert result.cancelled
    files = list(out.iterdir())
    assert 4 <= len(files) <= 6 and _leftovers(out) == []
    for path in files:
        assert path.read_bytes().rstrip().endswith(b"%%EOF")


def test_combined_pdf_is_written_only_when_the_batch_completes(demo, coordinator, tmp_path,
                                                               pdf_text):
    target = tmp_path / "samlet.pdf"
    result = run_batch(Context(demo, coordinator, Watcher(cancel_at=2)),
                       Selection(mentor_login=_some_mentor(demo)), PERIOD,
                       target, combined=True, today=TODAY, now=NOW)
    assert result.cancelled and not target.exists() and list(tmp_path.iterdir()) == []
    result = run_batch(Context(demo, coordinator), Selection(mentor_login=_some_mentor(demo)),
                       PERIOD,
                       target, combined=True, today=TODAY, now=NOW)
    assert result.files == [target] and result.reports >= 3
    text = pdf_text(target)
    assert text.count("Progressionsrapport:") == result.reports
    assert text.count("Side 1 af") == result.reports  # each report numbered by itself


def test_one_authority_only_and_only_for_coordinators(demo, coordinator, tmp_path):
    with demo.read_session() as session:
        authority_id = session.scalar(select(Grant.authority_id)
                                      .where(Grant.authority_id.is_not(None)).limit(1))
    narrowed = run_batch(Context(demo, coordinator), Selection(authority_id=authority_id), PERIOD,
                         tmp_path / "myndighed", today=TODAY, now=NOW)
    assert 0 < narrowed.total < _active(demo)
    with demo.read_session() as session:
        granted = set(session.scalars(select(Grant.citizen_id).where(
            Grant.authority_id == authority_id, Grant.start_on <= PERIOD.end,
            (Grant.end_on.is_(None)) | (Grant.end_on >= PERIOD.start))))
    reported = {int(path.name.split(" nr ")[1].split()[0]) for path in narrowed.files}
    assert reported and reported <= granted
    with demo.session() as session:
        user = User(login="mentor-uden-ret", full_name="Mentor", role=Role.MENTOR.value)
        session.add(user)
        session.flush()
        mentor = Actor(user.id, user.login, user.full_name, Role.MENTOR)
    with pytest.raises(AccessDenied):
        run_batch(Context(demo, mentor), Selection(), PERIOD, tmp_path / "nej", today=TODAY)


def _some_mentor(demo) -> str:
    """A mentor with a small caseload: the login of the first staff mentor."""
    with demo.read_session() as session:
        return session.scalar(select(User.login).where(User.role == "mentor")
                              .order_by(User.id).limit(1))
