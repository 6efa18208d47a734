"""The one rule that suggests a contact's grant: the date first, then legal basis and
course type; never a guess between grants nothing tells apart."""

from __future__ import annotations

from datetime import date

from mentordesk.domain.grant_choice import GrantOption, for_period, grant_label, suggest_grant

SEL12 = GrantOption(1, "SEL §12", None, date(2026, 9, 1), date(2026, 11, 17))
LAB = GrantOption(2, "LAB §31b", 7, date(2026, 11, 18), None, "Fastholdelsesmentor")
SEL85 = GrantOption(3, "SEL §85", 5, date(2026, 1, 1), None)


def test_the_day_decides_between_an_ending_and_a_starting_grant():
    assert suggest_grant([SEL12, LAB], date(2026, 11, 17)) == 1
    assert suggest_grant([SEL12, LAB], date(2026, 11, 18)) == 2
    assert suggest_grant([SEL12, LAB], date(2026, 8, 31)) is None


def test_concurrent_grants_need_a_hint_or_a_person():
    assert suggest_grant([SEL85, LAB], date(2026, 12, 1)) is None
    assert suggest_grant([SEL85, LAB], date(2026, 12, 1), legal_basis_code="LAB §31b") == 2
    assert suggest_grant([SEL85, LAB], date(2026, 12, 1), course_type_id=5) == 3
    # A hint matching nothing running is ignored, not turned into a wrong grant.
    assert suggest_grant([SEL12], date(2026, 10, 1), legal_basis_code="LAB §31b") == 1


def test_a_guidance_course_under_lab_32_is_told_apart_from_mentor_support():
    guidance = GrantOption(4, "LAB §32", 9, date(2026, 11, 18), date(2026, 12, 31),
                           "Vejlednings- og opkvalificeringsforløb")
    day = date(2026, 12, 1)
    assert suggest_grant([LAB, guidance], day) is None
    assert suggest_grant([LAB, guidance], day, legal_basis_code="LAB §32") == 4
    assert suggest_grant([LAB, guidance], day, legal_basis_code="LAB §31b") == 2
    assert suggest_grant([LAB, guidance], day, course_type_id=9) == 4
    assert grant_label([guidance], 4).startswith("LAB §32 · Vejlednings-")


def test_labels_show_not_attributed():
    assert grant_label([LAB], None) == "Ikke tilknyttet"
    assert grant_label([LAB], 2) == "LAB §31b · Fastholdelsesmentor · 18-11-2026 – løbende"


def test_outreach_falls_due_n_days_after_the_citizen_was_last_reached_skipping_holidays():
    from mentordesk.domain.deadlines import DeadlineKind, GrantFacts, outreach

    reached = GrantFacts(5, "SEL §99", date(2026, 1, 1), outreach_days=30,
                         last_reached_on=date(2026, 11, 24))
    item = outreach(reached)
    assert (item.kind, item.due_on, item.done) == (DeadlineKind.OUTREACH, date(2026, 12, 24),
                                                   False)
    # 24 and 25 December are holidays here, then a weekend: the search starts Monday.
    holidays = {date(2026, 12, 24), date(2026, 12, 25)}
    assert outreach(reached, holidays).due_on == date(2026, 12, 28)
    never = GrantFacts(6, "SEL §99", date(2026, 11, 2), outreach_days=14)
    assert outreach(never).due_on == date(2026, 11, 16) and "ikke nået" in outreach(never).detail


def test_a_report_period_offers_the_grants_running_in_it_first_latest_first():
    # 18-11 – 30-11: LAB and §85 run in it; §12 ended on 17-11 although it started later
    # than §85, so it comes last.
    ordered = for_period([SEL12, LAB, SEL85], date(2026, 11, 18), date(2026, 11, 30))
    assert [option.legal_basis_code for option in ordered] == ["LAB §31b", "SEL §85", "SEL §12"]
    assert SEL12.runs_in(date(2026, 11, 17), date(2026, 11, 30))  # its last day counts
    assert not LAB.runs_in(date(2026, 11, 1), date(2026, 11, 17))
