"""Practice hours (LAB practice courses) in the progression report: per week and in total,
beside the plan's step; only in the report of the grant they were logged for."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from mentordesk.domain.duration import hours_text
from mentordesk.domain.hours_plan import HoursStep
from mentordesk.errors import InvalidInput
from mentordesk.kernel.context import Context
from mentordesk.reports.progress.batch import one_report
from mentordesk.services.grants import grants_for_citizen
from mentordesk.services.hours_plan import log_practice_hours, practice_hours, save_hours_plan
from tests.storage.test_report_per_authority import NOW, PERIOD, TODAY, two_authorities

__all__ = ["two_authorities"]  # the fixture: one citizen, a §99 and a LAB §31b grant

pytestmark = pytest.mark.both_backends

H = 60
LAB_PRACTICE = {date(2026, 8, 3): 7 * H, date(2026, 9, 16): 12 * H + 30}  # weeks 32 and 38
SEL99_PRACTICE_MINUTES = 17 * H + 15  # logged on the wrong grant: must never reach the jobcenter


def _bare(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def with_practice(database, admin, two_authorities):
    citizen, grants, municipality_id, jobcenter_id = two_authorities
    context = Context(database, admin)
    lab = next(row for row in grants_for_citizen(context, citizen)
               if row.id == grants["LAB §31b"])
    save_hours_plan(context, lab.id, lab.version, (
        HoursStep(date(2026, 6, 1), 6 * H, 10 * H), HoursStep(date(2026, 9, 14), 10 * H, 15 * H)))
    log_practice_hours(context, lab.id, LAB_PRACTICE)
    log_practice_hours(context, grants["SEL §99"], {date(2026, 8, 3): SEL99_PRACTICE_MINUTES})
    return context, citizen, grants, municipality_id, jobcenter_id


def test_the_jobcenters_report_shows_the_practice_hours_of_its_grant_only(with_practice,
                                                                          pdf_text, tmp_path):
    context, citizen, _grants, _municipality_id, jobcenter_id = with_practice
    _name, pdf = one_report(context, citizen, PERIOD, authority_id=jobcenter_id,
                            today=TODAY, now=NOW)
    text = " ".join(pdf_text(pdf).split())
    section = _bare(text[text.index("Praktiktimer Uge"):text.index("Begrundelse for afvigelser")])
    # Week, practice hours, the plan's step that week (pdftotext spaces cells unevenly).
    assert _bare(f"Uge 32, 2026 {hours_text(7 * H)} 6–10 t") in section
    assert _bare(f"Uge 38, 2026 {hours_text(12 * H + 30)} 10–15 t") in section  # next step
    assert _bare(f"I alt {hours_text(sum(LAB_PRACTICE.values()))}") in section
    assert hours_text(SEL99_PRACTICE_MINUTES) not in text
    page = tmp_path / "praktik"
    (tmp_path / "rapport.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(tmp_path / "rapport.pdf"), str(page)],
                   check=True)
    assert list(tmp_path.glob("praktik*.png"))


def test_the_municipalitys_report_has_no_practice_hours(with_practice, pdf_text):
    context, citizen, _grants, municipality_id, _jobcenter_id = with_practice
    _name, pdf = one_report(context, citizen, PERIOD, authority_id=municipality_id,
                            today=TODAY, now=NOW)
    text = pdf_text(pdf)
    assert "Praktiktimer" not in text
    for minutes in (*LAB_PRACTICE.values(), SEL99_PRACTICE_MINUTES):
        assert hours_text(minutes) not in text


def test_practice_hours_are_per_week_and_cleared_with_nothing(with_practice):
    context, _citizen, grants, _municipality_id, _jobcenter_id = with_practice
    lab = grants["LAB §31b"]
    # Thursday of week 32 replaces that week; week 38 is cleared.
    log_practice_hours(context, lab, {date(2026, 8, 6): 8 * H, date(2026, 9, 16): None})
    assert [(week.week_start, week.minutes) for week in practice_hours(context, lab)] == [
        (date(2026, 8, 3), 8 * H)]
    with pytest.raises(InvalidInput, match="Uge 50, 2026 ligger uden for bevillingens periode"):
        log_practice_hours(context, lab, {date(2026, 8, 10): 5 * H, date(2026, 12, 7): 5 * H})
    # All or nothing: week 33, valid on its own, was not saved either.
    assert [week.week_start for week in practice_hours(context, lab)] == [date(2026, 8, 3)]
