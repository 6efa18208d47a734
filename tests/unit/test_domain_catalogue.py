"""Default catalogues: legal bases, weekly hours, prices and the seed-003 course types."""

import pytest

from mentordesk.domain.catalogue import (
    COURSE_TYPES,
    HOUR_BANDS,
    LEGAL_BASES,
    MINIMUM_HOURS,
    HoursStatus,
    Price,
    PriceModel,
    WeeklyHours,
    course_type,
    legal_basis,
)

PSYCHOLOGIST = (
    "Mentorstøtte - For borgere som har brug for støttende/vejledende samtaler hos "
    "psykolog/psykiater."
)


def test_legal_basis_codes():
    assert [b.code for b in LEGAL_BASES] == [
        "SEL §85",
        "SEL §99",
        "SEL §12",
        "LAB §31b",
        "LAB §31c",
        "LAB §32",
        "LAB §42",
        "LAB §68a",
    ]


def test_only_sel_99_allows_anonymity():
    assert [b.code for b in LEGAL_BASES if b.anonymity_allowed] == ["SEL §99"]
    skp = legal_basis("SEL §99")
    assert skp.requires_assessment is False
    assert skp.name == "Støtte- og kontaktperson (SKP)"
    assert legal_basis("SEL §85").requires_assessment is True


def test_lab_31_notes_point_to_the_new_paragraphs():
    assert "§§167–169" in legal_basis("LAB §31c").note
    assert legal_basis("LAB §31b").max_period_months == 6
    assert legal_basis("LAB §42").name == "Virksomhedspraktik"
    assert legal_basis("LAB §68a").label == "LAB §68a – Ressourceforløb"
    with pytest.raises(KeyError):
        legal_basis("SEL §999")


def test_hour_bands_and_minimums():
    assert [(b.min_hours, b.max_hours) for b in HOUR_BANDS] == [(1, 5), (6, 10), (10, 15)]
    assert [b.label for b in HOUR_BANDS] == ["1–5 timer/uge", "6–10 timer/uge", "10–15 timer/uge"]
    assert [b.label for b in MINIMUM_HOURS] == ["Fra 1 time/uge", "Fra 5 timer/uge"]
    assert WeeklyHours(5, 5).label == "5 timer/uge"
    assert WeeklyHours(0, 15).label == "Op til 15 timer/uge"
    assert [b.code for b in (*HOUR_BANDS, *MINIMUM_HOURS)] == ["1-5", "6-10", "10-15", "1+", "5+"]


def test_weekly_hours_status_by_minutes():
    band = WeeklyHours(1, 5)
    assert band.status(59) is HoursStatus.UNDER
    assert band.status(60) is HoursStatus.WITHIN
    assert band.status(300) is HoursStatus.WITHIN
    assert band.status(301) is HoursStatus.OVER
    assert WeeklyHours(1).status(10_000) is HoursStatus.WITHIN
    assert HoursStatus.UNDER.label == "Under bevilling"


def test_weekly_hours_rejects_inverted_band():
    with pytest.raises(ValueError):
        WeeklyHours(10, 5)


def test_price_labels_and_weekly_amounts():
    hourly = Price(PriceModel.PER_HOUR, 50_000)
    assert hourly.label == "500,00 kr. pr. time eks. moms"
    assert hourly.amount_for_week(90) == 75_000
    assert Price(PriceModel.PER_HOUR, 50_001).amount_for_week(1) == 833  # 833.35 → 833
    assert Price(PriceModel.PER_HOUR, 30).amount_for_week(1) == 1  # 0.5 øre rounds up
    weekly = Price(PriceModel.PER_WEEK, 250_000, max_weekly_hours=15)
    assert weekly.label == "2.500,00 kr. pr. uge op til ca. 15 timer eks. moms"
    assert weekly.amount_for_week(0) == weekly.amount_for_week(900) == 250_000


def test_course_types_follow_the_seed_headings():
    assert len(COURSE_TYPES) == 15
    assert len({c.name for c in COURSE_TYPES}) == 15
    assert COURSE_TYPES[0].name == (
        "Virksomhedspraktik - For borgeren med lidt støttebehov, på vej mod arbejdsmarked."
    )
    assert not any("**" in c.name for c in COURSE_TYPES)
    assert [c.kind for c in COURSE_TYPES].count("Mentorstøtte") == 6


def test_psychologist_course_is_13_weeks_at_500_kr_per_hour():
    course = course_type(PSYCHOLOGIST)
    assert course.min_weeks == 13 and not course.fixed_period
    assert course.period_label == "Fra 13 uger"
    assert course.min_weekly_hours == 1
    assert course.price == Price(PriceModel.PER_HOUR, 50_000)
    assert course.price_label == "500,00 kr. pr. time eks. moms"
    assert course.legal_basis_code == "LAB §31b"
    assert course.audience.startswith("For borgere som har brug for støttende")


def test_guidance_course_is_exactly_6_weeks_5_hours_800_kr_per_week():
    course = course_type(
        "Vejlednings- og opkvalificeringsforløb - For borgere som mangler beskæftigelses- "
        "eller uddannelsesmål."
    )
    assert (course.min_weeks, course.fixed_period, course.period_label) == (6, True, "6 uger")
    assert (course.weekly_hours.min_hours, course.weekly_hours.max_hours) == (5, 5)
    assert course.price == Price(PriceModel.PER_WEEK, 80_000)
    # The seed cites LAB § 32 (vejledning og opkvalificering): not mentor support.
    assert course.legal_basis_code == "LAB §32"
    assert "§ 32" in course.law_reference
    assert legal_basis("LAB §32").max_period_months is None


def test_resource_course_has_fixed_weekly_price_up_to_15_hours():
    course = course_type("Ressourceforløb - For borger der har brug for et tværfagligt forløb.")
    assert course.legal_basis_code == "LAB §68a"
    assert course.price == Price(PriceModel.PER_WEEK, 250_000, max_weekly_hours=15)
    assert course.weekly_hours.status(16 * 60) is HoursStatus.OVER


def test_internships_are_lab_42_from_5_hours_price_agreed():
    internships = [c for c in COURSE_TYPES if c.kind == "Virksomhedspraktik"]
    assert len(internships) == 4
    for course in internships:
        assert course.legal_basis_code == "LAB §42"
        assert course.min_weekly_hours == 5
        assert course.weekly_hours.max_hours is None
        assert course.price is None
        assert course.price_label == "Aftales i forhold til antal timer."


def test_holistic_mentor_support_is_from_26_weeks():
    course = course_type(
        "Helhedsorienteret mentorstøtte - For borgere som har brug for en helhedsorienteret støtte."
    )
    assert course.min_weeks == 26
    assert course.price == Price(PriceModel.PER_HOUR, 50_000)


def test_legal_basis_guesses():
    by_kind = {c.kind: c.legal_basis_code for c in COURSE_TYPES}
    assert by_kind == {
        "Virksomhedspraktik": "LAB §42",
        "Vejlednings- og opkvalificeringsforløb": "LAB §32",
        "Ressourceforløb": "LAB §68a",
        "Fastholdelsesmentor": "LAB §31b",
        "Mentorstøtte": "LAB §31b",
        "Helhedsorienteret mentorstøtte": "LAB §31b",
    }
    known = {b.code for b in LEGAL_BASES}
    assert all(c.legal_basis_code in known for c in COURSE_TYPES)


def test_unknown_course_type():
    with pytest.raises(KeyError):
        course_type("Mentorstøtte")
