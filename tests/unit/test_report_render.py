"""The progression report PDF from in-memory data: what a caseworker reads on paper."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date, datetime, timedelta

from mentordesk.reports.progress.assemble import (
    Attendance,
    ContactLine,
    GoalFacts,
    GrantFacts,
    LevelPoint,
    Period,
    ReportData,
    ReportTexts,
    SignOff,
    SubGoalFacts,
)
from mentordesk.reports.progress.hours_source import WeekFigures
from mentordesk.reports.progress.render import hours_text, render, render_combined

PRINTED = datetime(2026, 11, 23, 9, 30)
HOSTILE = '<b>fed</b> & <img src="/etc/passwd"/> <font size="40">x</font>'


def _weeks(start: date, count: int) -> tuple[WeekFigures, ...]:
    monday = start - timedelta(days=start.weekday())
    return tuple(
        WeekFigures(7, f"{(monday + timedelta(weeks=n)).isocalendar()[0]}-W"
                    f"{(monday + timedelta(weeks=n)).isocalendar()[1]:02d}",
                    monday + timedelta(weeks=n), 360, 600, 150 + 45 * (n % 4), 0, "under")
        for n in range(count))


def report(*, weeks: tuple[WeekFigures, ...] | None = None, **changes) -> ReportData:
    """A report about one §85 grant; ``weeks`` replaces that grant's weeks."""
    period = changes.get("period", Period(date(2026, 8, 1), date(2026, 10, 31)))
    data = ReportData(
        citizen_id=7, name="Łukasz Şahin", alias="", anonymous=False,
        masked_cpr="010190-xxxx", initials="ŁŞ", primary_mentor="Åse Ærø",
        team_name="Team Øst", period=period,
        grants=(GrantFacts("SEL §85 – Socialpædagogisk støtte", "Bostøtte", "Nordby Kommune",
                           "Bo Iversen", "bo@nordby.example", "01-01-2026 – løbende",
                           "6–10 timer/uge", purpose="Støtte til at mestre egen bolig.",
                           authority_goals="Borgeren åbner selv sin post.",
                           weeks=_weeks(period.start, 14) if weeks is None else weeks),),
        attendance=Attendance(attended=11, no_shows=2),
        goals=(GoalFacts("Tjekke e-Boks selv", "Hver mandag med mentor.", "Samfundsliv",
                         "Håndtere post", "Udvikle funktionsevne", "I gang",
                         (LevelPoint(date(2026, 8, 10), 3), LevelPoint(date(2026, 10, 20), 2)),
                         "Det går bedre.",
                         (SubGoalFacts("Åbne e-Boks på telefonen", "Opnået", date(2026, 9, 1),
                                       date(2026, 8, 28)),)),),
        contacts=(ContactLine("Hjemmebesøg", 9, 8, 1, 720), ContactLine("Telefon", 4, 4, 0, 60)),
        texts=ReportTexts("Godt samarbejde.", "Jeg er glad.", "Flere ture i byen.", "continue"),
    )
    return replace(data, **changes)


def test_report_shows_citizen_goals_hours_and_page_numbers(pdf_text):
    text = pdf_text(render(report(), PRINTED))
    for expected in ("Progressionsrapport", "Łukasz Şahin", "010190-xxxx", "Team Øst",
                     "Tjekke e-Boks selv", "Åbne e-Boks på telefonen", "Samfundsliv",
                     "Nordby Kommune", "Uge 31, 2026", "6–10", "Side 1 af",
                     "11 af 13 fysiske aftaler gennemført (85 %)", "Hjemmebesøg",
                     "Det anbefales, at indsatsen fortsætter",
                     "fra 3 (10-08-2026) til 2 (20-10-2026)"):
        assert expected in text, expected
    # Week 31 delivered 150 minutes: 2,5 hours; the total row sums all 14 weeks.
    assert "2,5" in text
    total = sum(week.delivered_minutes for week in report().weeks)
    assert hours_text(total) in text
    assert "0101901234" not in text


def test_hostile_user_text_is_printed_literally(pdf_text):
    goal = replace(report().goals[0], title=HOSTILE, description=HOSTILE + "\nanden linje")
    data = report(name=HOSTILE, goals=(goal,),
                  texts=ReportTexts(HOSTILE, HOSTILE, HOSTILE, ""))
    text = pdf_text(render(data, PRINTED))
    assert text.count('<img src="/etc/passwd"/>') >= 5
    assert "<b>fed</b> &" in text
    assert "root:" not in text
    assert "anden linje" in [line.strip() for line in text.splitlines()]


def test_50_kb_note_and_long_period_flow_over_pages_with_repeated_headers(pdf_text):
    note = ("Borgeren fortæller om ugen. " * 40 + "\n") * 45
    assert len(note.encode()) > 50_000
    data = report(weeks=_weeks(date(2025, 1, 6), 90), texts=ReportTexts(note, "", "", "end"),
                  period=Period(date(2025, 1, 6), date(2026, 9, 27)))
    text = pdf_text(render(data, PRINTED))
    pages = text.count("\f")
    assert pages >= 8
    assert f"Side {pages} af {pages}" in text
    assert text.count("Leveret (timer)") >= 2  # the hours table's header repeats
    assert "Det anbefales, at indsatsen afsluttes" in text
    assert text.count("Borgeren fortæller om ugen.") >= 1500


def test_anonymous_citizen_has_no_cpr_and_empty_sections_say_so(pdf_text):
    data = report(name="Ravnen", alias="Ravnen", anonymous=True, masked_cpr="",
                  texts=ReportTexts(), goals=(), contacts=(), weeks=(),
                  attendance=Attendance(0, 0))
    text = pdf_text(render(data, PRINTED))
    assert "Ravnen" in text and "Anonym (SEL §99)" in text
    assert "(ikke udfyldt)" in text
    assert "ingen fysiske aftaler" in text


def test_same_data_gives_identical_bytes_and_embedded_fonts(tmp_path):
    first, second = render(report(), PRINTED), render(report(), PRINTED)
    assert first == second
    path = tmp_path / "rapport.pdf"
    path.write_bytes(first)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    embedded = [line for line in fonts.splitlines() if "DejaVuSans" in line]
    assert embedded and all(" yes " in line for line in embedded)
    # Every font the PDF names is embedded: an unembedded Helvetica, even unused, makes a
    # viewer substitute a font and an archive check (PDF/A) fail.
    listed = fonts.splitlines()[2:]
    assert listed and all(line.split()[-5] == "yes" for line in listed), fonts
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Progressionsrapport – Łukasz Şahin" in info


def test_combined_file_numbers_and_titles_each_report_by_itself(pdf_text):
    first = report()
    second = report(name="Ravnen", alias="Ravnen", anonymous=True, masked_cpr="",
                    weeks=_weeks(date(2025, 1, 6), 70))
    pdf = render_combined([first, second, first], PRINTED, "Team Øst",
                          title="Progressionsrapporter")
    pages = pdf_text(pdf).split("\f")[:-1]
    headers = [page.splitlines()[0] for page in pages]
    footers = [next(line for line in reversed(page.splitlines()) if "Side" in line)
               for page in pages]
    numbers = [footer.split("Side ")[1].strip() for footer in footers]
    second_pages = sum("Ravnen" in header for header in headers)
    assert second_pages >= 3
    first_pages = int(numbers[0].split(" af ")[1])
    assert f"1 af {second_pages}" in numbers
    assert numbers.count(f"1 af {first_pages}") == 2
    assert numbers[-1] == f"{first_pages} af {first_pages}"
    assert len(pages) == 2 * first_pages + second_pages
    assert all("Progressionsrapport – " in header for header in headers)


def test_the_hours_flag_reads_the_same_as_in_the_app_and_the_workbook(pdf_text):
    """A caseworker comparing the report with the hours workbook sees the same words:
    one label per flag, not "Inden for" here and "Inden for bevilling" there."""
    from mentordesk.domain.catalogue import hours_flag_label

    weeks = tuple(replace(week, flag=flag) for week, flag in zip(
        report().weeks, ("under", "within", "over", "no_grant", "on_track"), strict=False))
    text = pdf_text(render(report(weeks=weeks), PRINTED))
    for flag, label in (("under", "Under bevilling"), ("within", "Inden for bevilling"),
                        ("over", "Over bevilling"), ("no_grant", "Ingen bevilling"),
                        ("on_track", "På vej")):
        assert hours_flag_label(flag) == label
        assert label in text


def test_every_page_of_a_draft_says_kladde_and_the_approved_report_does_not(pdf_text):
    note = "Borgeren fortæller om ugen. " * 300
    draft = report(texts=ReportTexts(note, "", "", "continue"))
    pages = pdf_text(render(draft, PRINTED)).split("\f")[:-1]
    assert len(pages) >= 2
    assert all("KLADDE" in page for page in pages)
    approved = replace(draft, sign_off=SignOff("approved", "Kim Koordinator", date(2026, 11, 1)))
    assert "KLADDE" not in pdf_text(render(approved, PRINTED))
    sent = replace(approved, sign_off=replace(approved.sign_off, status="sent"))
    assert "KLADDE" not in pdf_text(render(sent, PRINTED))


def test_a_combined_file_marks_only_the_pages_of_unapproved_reports(pdf_text):
    approved = report(sign_off=SignOff("approved", "Kim Koordinator", date(2026, 11, 1)))
    draft = report(name="Ravnen", alias="Ravnen", anonymous=True, masked_cpr="")
    pages = pdf_text(render_combined([approved, draft], PRINTED, "Team Øst",
                                     title="Progressionsrapporter")).split("\f")[:-1]
    marked = ["KLADDE" in page for page in pages]
    from_draft = ["Ravnen" in page.splitlines()[0] for page in pages]
    assert any(from_draft) and not all(from_draft)
    assert marked == from_draft


def test_a_long_email_address_breaks_after_its_at_sign_and_dots(pdf_text):
    address = "caseworker.name.long@kommune.example.dk"
    grant = replace(report().grants[0], caseworker_contact=address)
    text = pdf_text(render(report(grants=(grant,)), PRINTED))
    lines = [line.strip() for line in text.splitlines()]
    pieces = [line.split()[-1] for line in lines
              if line and any(part in line.split()[-1] for part in ("caseworker", "kommune"))]
    assert "".join(pieces) == address  # all of it, on more than one line ...
    assert len(pieces) >= 2
    assert all(piece[-1] in "@." for piece in pieces[:-1])  # ... broken after "@" or "."


def test_a_short_address_and_plain_words_are_not_broken(pdf_text):
    grant = replace(report().grants[0], caseworker_contact="bo@nordby.dk")
    text = pdf_text(render(report(grants=(grant,)), PRINTED))
    assert "bo@nordby.dk" in text
    assert "Socialpædagogisk" in text


def test_an_open_sub_goal_past_its_deadline_is_marked_overdue(pdf_text):
    late = SubGoalFacts("Betale regninger selv", "I gang", date(2026, 10, 1), None)
    done = SubGoalFacts("Åbne e-Boks", "Opnået", date(2026, 9, 1), date(2026, 8, 28), True)
    goal = replace(report().goals[0], sub_goals=(late, done))
    lines = [" ".join(line.split()) for line in pdf_text(render(report(goals=(goal,)),
                                                                PRINTED)).splitlines()]
    assert any("Betale regninger selv" in line and "FRIST OVERSKREDET" in line
               for line in lines)
    assert not any("Åbne e-Boks" in line and "OVERSKREDET" in line for line in lines)


def test_the_recommendation_is_phrased_as_one_with_hours_and_period(pdf_text):
    texts = ReportTexts(recommendation="continue", recommended_min_minutes=360,
                        recommended_max_minutes=600, recommended_until=date(2027, 4, 30))
    text = " ".join(pdf_text(render(report(texts=texts), PRINTED)).split())
    assert ("Det anbefales, at indsatsen fortsætter med 6–10 timer/uge til og med "
            "30-04-2027.") in text
    assert "Indsatsen fortsætter" not in text


def test_a_changed_goal_is_reported_on_the_fixed_attainment_scale(pdf_text):
    """"Målopfyldelse" has five values (ikke påbegyndt, i gang, delvist opnået, opnået,
    opgivet); a goal marked "Ændret" was replaced and counts as given up there, while its
    own section still says what happened to it."""
    changed = replace(report().goals[0], status="Ændret", status_code="changed")
    text = " ".join(pdf_text(render(report(goals=(changed,)), PRINTED)).split())
    summary = text[text.index("Målopfyldelse"):text.index("Mål og progression")]
    assert "Tjekke e-Boks selv Opgivet" in summary and "Ændret" not in summary
    assert "Status: Ændret" in text


def test_every_goal_status_has_a_value_on_the_attainment_scale():
    from mentordesk.domain.codes import GoalStatus

    scale = {"Ikke påbegyndt", "I gang", "Delvist opnået", "Opnået", "Opgivet"}
    assert {status.attainment.label for status in GoalStatus} == scale
