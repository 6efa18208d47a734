"""Default catalogues used to pre-fill a new database: legal bases, weekly-hour bands, price
models and course types (*forløbstyper*).

These are seeds, not rules: every team edits its own copy after setup. The course types are
the provider catalogue from seed 003 (LivaRehab, "Mentor- og aktiveringsforløb"), parsed by
hand and hard-coded here because the seed document is not shipped with the app.
"""

from __future__ import annotations

from dataclasses import dataclass

from .labels import LabeledStrEnum
from .money import format_dkk

MINUTES_PER_HOUR = 60


# --- legal bases --------------------------------------------------------------------------


@dataclass(frozen=True)
class LegalBasis:
    """A legal basis (*lovgrundlag*) a grant can be given under."""

    code: str
    name: str
    note: str = ""
    anonymity_allowed: bool = False  # §99: the citizen may be registered under an alias
    requires_assessment: bool = True  # False = *uden visitation*: no VUM assessment first
    max_period_months: int | None = None  # per grant period; renewals are new periods

    @property
    def label(self) -> str:
        return f"{self.code} – {self.name}"


_JOBCENTER_NOTE = (
    "Bevilges af jobcenteret for perioder på op til 6 måneder, som kan forlænges. "
    "Hedder nu LAB §§167–169."
)

LEGAL_BASES: tuple[LegalBasis, ...] = (
    LegalBasis(
        "SEL §85",
        "Socialpædagogisk støtte",
        "Socialpædagogisk støtte i eget hjem. Bevilges efter VUM-udredning; ofte længerevarende "
        "forløb med et timeinterval pr. uge.",
    ),
    LegalBasis(
        "SEL §99",
        "Støtte- og kontaktperson (SKP)",
        "Frivillig og uden visitation. Opsøgende; borgeren kan være anonym. Ikke en varig ydelse.",
        anonymity_allowed=True,
        requires_assessment=False,
    ),
    LegalBasis(
        "SEL §12",
        "Social mentor (forebyggende)",
        "Lav tærskel og tidsbegrænset. Telefonisk kontakt kort efter udskrivning fra "
        "regionspsykiatrien. Onlinesamtaler kun på en databeskyttelsessikker platform og på "
        "borgerens præmisser.",
        # A low-threshold preventive offer: the citizen is not assessed (visiteret) first.
        requires_assessment=False,
    ),
    LegalBasis("LAB §31b", "Mentorstøtte", _JOBCENTER_NOTE, max_period_months=6),
    LegalBasis("LAB §31c", "Mentorstøtte", _JOBCENTER_NOTE, max_period_months=6),
    # Seed 003's guidance course (LAB 2016 § 32). Not mentor support: no 6-month rule.
    LegalBasis(
        "LAB §32",
        "Vejledning og opkvalificering",
        "Vejlednings- og opkvalificeringsforløb, som jobcenteret bevilger til borgere, der "
        "mangler et beskæftigelses- eller uddannelsesmål.",
    ),
    LegalBasis(
        "LAB §42",
        "Virksomhedspraktik",
        "Timetallet pr. uge øges typisk hen over praktikperioden.",
    ),
    LegalBasis("LAB §68a", "Ressourceforløb", "Typisk en fast pris pr. uge."),
)


# Outreach (SEL §99, seed 001): a citizen not reached for this long is looked for. A team
# changes it per grant; other legal bases have no such deadline unless a grant sets one.
DEFAULT_OUTREACH_DAYS = {"SEL §99": 30}


def default_outreach_days(code: str) -> int | None:
    return DEFAULT_OUTREACH_DAYS.get(code)


def legal_basis(code: str) -> LegalBasis:
    """The default legal basis with this code (e.g. ``"SEL §99"``); ``KeyError`` if none."""
    for basis in LEGAL_BASES:
        if basis.code == code:
            return basis
    raise KeyError(code)


# --- weekly hours ---------------------------------------------------------------------------


class HoursStatus(LabeledStrEnum):
    """Delivered hours in a week compared with the granted hours."""

    UNDER = "under", "Under bevilling"
    # A running or future week whose delivered plus still-planned time reaches the grant:
    # not under yet, because the booked appointments have not been held.
    ON_TRACK = "on_track", "På vej"
    WITHIN = "within", "Inden for bevilling"
    OVER = "over", "Over bevilling"


NO_GRANT_FLAG = "no_grant"
NO_GRANT_LABEL = "Ingen bevilling"
# A week the grant (or the reported period) covers only partly: not judged against the
# whole week's band, which would call a grant's last Monday "under".
PARTIAL_WEEK_FLAG = "partial"
PARTIAL_WEEK_LABEL = "Delvis uge"


def hours_flag_label(flag: str) -> str:
    """The one Danish text for a week's hours flag: the same words in the app, the
    progression report, the hours workbook and the command line."""
    if flag == PARTIAL_WEEK_FLAG:
        return PARTIAL_WEEK_LABEL
    return NO_GRANT_LABEL if flag == NO_GRANT_FLAG else HoursStatus(flag).label


@dataclass(frozen=True)
class WeeklyHours:
    """Granted hours per week: a band (1–5), a minimum (from 1) or an exact number (5).

    Whole hours, because grants are written that way; delivered time is counted in minutes.
    """

    min_hours: int
    max_hours: int | None = None  # None = "from min_hours", no upper limit

    def __post_init__(self) -> None:
        if self.min_hours < 0 or (self.max_hours is not None and self.max_hours < self.min_hours):
            raise ValueError(f"Ugyldigt timetal: {self.min_hours}–{self.max_hours}")

    @property
    def code(self) -> str:
        """Stable key: ``"1-5"`` for a band, ``"1+"`` for a minimum."""
        return (
            f"{self.min_hours}+" if self.max_hours is None else f"{self.min_hours}-{self.max_hours}"
        )

    @property
    def label(self) -> str:
        """E.g. ``"1–5 timer/uge"``, ``"Fra 1 time/uge"``, ``"5 timer/uge"``,
        ``"Op til 15 timer/uge"``."""
        if self.max_hours is None:
            return f"Fra {_hours_text(self.min_hours)}/uge"
        if self.min_hours == self.max_hours:
            return f"{_hours_text(self.min_hours)}/uge"
        if self.min_hours == 0:
            return f"Op til {_hours_text(self.max_hours)}/uge"
        return f"{self.min_hours}–{self.max_hours} timer/uge"

    def status(self, delivered_minutes: int) -> HoursStatus:
        """Compare a week's delivered minutes with the grant."""
        if delivered_minutes < self.min_hours * MINUTES_PER_HOUR:
            return HoursStatus.UNDER
        if self.max_hours is not None and delivered_minutes > self.max_hours * MINUTES_PER_HOUR:
            return HoursStatus.OVER
        return HoursStatus.WITHIN


def _hours_text(hours: int) -> str:
    return f"{hours} time" if hours == 1 else f"{hours} timer"


# The bands municipalities use for §85 grants. 10 sits in two bands because that is how
# the bands are written in practice; the grant stores its own min/max, not a band reference.
HOUR_BANDS: tuple[WeeklyHours, ...] = (WeeklyHours(1, 5), WeeklyHours(6, 10), WeeklyHours(10, 15))
MINIMUM_HOURS: tuple[WeeklyHours, ...] = (WeeklyHours(1), WeeklyHours(5))


# --- prices -------------------------------------------------------------------------------


class PriceModel(LabeledStrEnum):
    PER_HOUR = "per_hour", "pr. time"
    PER_WEEK = "per_week", "pr. uge"


@dataclass(frozen=True)
class Price:
    """A course price in øre, excluding VAT as providers quote to municipalities."""

    model: PriceModel
    amount_oere: int
    max_weekly_hours: int | None = None  # a weekly price covers "up to about" this many hours
    excl_vat: bool = True

    @property
    def label(self) -> str:
        """e.g. ``"500,00 kr. pr. time eks. moms"``."""
        text = f"{format_dkk(self.amount_oere)} {self.model.label}"
        if self.max_weekly_hours is not None:
            text += f" op til ca. {self.max_weekly_hours} timer"
        return text + (" eks. moms" if self.excl_vat else "")

    def amount_for_week(self, delivered_minutes: int) -> int:
        """What one week costs in øre: hourly prices pro rata by the minute, rounded half up."""
        if self.model is PriceModel.PER_WEEK:
            return self.amount_oere
        # Integer arithmetic for exact half-up rounding: (2·a·m + 60) // 120 == round(a·m/60).
        return (2 * self.amount_oere * delivered_minutes + MINUTES_PER_HOUR) // (
            2 * MINUTES_PER_HOUR
        )


# --- course types (seed 003) -------------------------------------------------------------


@dataclass(frozen=True)
class CourseType:
    """A kind of course a provider offers (*forløbstype*)."""

    name: str
    legal_basis_code: str
    min_weeks: int | None
    fixed_period: bool  # True: exactly ``min_weeks`` ("6 uger"); False: "Fra 13 uger"
    weekly_hours: WeeklyHours | None
    price: Price | None  # None: the price is agreed case by case ("Aftales …")
    price_note: str = ""
    law_reference: str = ""  # the citation as the provider wrote it

    @property
    def kind(self) -> str:
        """The part before " - ", e.g. "Mentorstøtte"."""
        return self.name.split(" - ", 1)[0]

    @property
    def audience(self) -> str:
        """The part after " - ", e.g. "For borgere med misbrug."."""
        parts = self.name.split(" - ", 1)
        return parts[1] if len(parts) == 2 else ""

    @property
    def min_weekly_hours(self) -> int | None:
        return None if self.weekly_hours is None else self.weekly_hours.min_hours

    @property
    def period_label(self) -> str:
        if self.min_weeks is None:
            return ""
        return f"{self.min_weeks} uger" if self.fixed_period else f"Fra {self.min_weeks} uger"

    @property
    def price_label(self) -> str:
        return self.price.label if self.price is not None else self.price_note


_LAB_2016 = "LAB, LBK nr. 1342 af 21/11/2016"
_AGREED_HOURS = "Aftales i forhold til antal timer."
_AGREED_HOURS_NEED = "Aftales i forhold til antal timer og behov."
_PER_HOUR_500 = Price(PriceModel.PER_HOUR, 50_000)


def _internship(audience: str) -> CourseType:
    return CourseType(
        f"Virksomhedspraktik - {audience}",
        "LAB §42",
        13,
        False,
        WeeklyHours(5),
        None,
        _AGREED_HOURS,
        f"{_LAB_2016}, § 42.",
    )


def _mentor(name: str, price: Price | None = None, weeks: int = 13) -> CourseType:
    # All mentor-support courses cite "§ 31b og §31c"; §31b is the one the grant names.
    return CourseType(
        name,
        "LAB §31b",
        weeks,
        False,
        WeeklyHours(1),
        price,
        "" if price else _AGREED_HOURS_NEED,
        f"{_LAB_2016}, § 31b og §31c.",
    )


# Stored under LAB §31b before migration 0011, which moved it and its grants here.
GUIDANCE_COURSE = ("Vejlednings- og opkvalificeringsforløb - For borgere som mangler "
                   "beskæftigelses- eller uddannelsesmål.")
GUIDANCE_BASIS = "LAB §32"

COURSE_TYPES: tuple[CourseType, ...] = (
    _internship("For borgeren med lidt støttebehov, på vej mod arbejdsmarked."),
    _internship("For borgeren med lidt støttebehov, på vej mod uddannelse."),
    _internship("For borgeren med mere støttebehov, på vej mod arbejdsmarked."),
    _internship("For borgeren med mere støttebehov, på vej mod uddannelse."),
    CourseType(
        GUIDANCE_COURSE,
        GUIDANCE_BASIS,
        6,
        True,
        WeeklyHours(5, 5),
        Price(PriceModel.PER_WEEK, 80_000),
        "",
        f"{_LAB_2016}, § 32.",
    ),
    CourseType(
        "Ressourceforløb - For borger der har brug for et tværfagligt forløb.",
        "LAB §68a",
        13,
        False,
        WeeklyHours(0, 15),  # a fixed weekly price "op til ca. 15 timer"
        Price(PriceModel.PER_WEEK, 250_000, max_weekly_hours=15),
        "Ved behov for flere timer aftales prisen.",
        f"{_LAB_2016}, § 68a.",
    ),
    CourseType(
        "Ressourceforløb - For borger der har brug for et praktikforløb.",
        "LAB §68a",
        13,
        False,
        WeeklyHours(1),
        None,
        _AGREED_HOURS,
        f"{_LAB_2016}, § 68a.",
    ),
    _mentor(
        "Fastholdelsesmentor - For borgere som skal støttes i at møde op til og gennemføre praktik."
    ),
    _mentor("Mentorstøtte - For borgere som skal helbredsmæssigt afklares."),
    _mentor("Mentorstøtte - For borgere som har behov for økonomi- og gældsrådgivning."),
    _mentor("Mentorstøtte - For borgere med misbrug."),
    _mentor(
        "Mentorstøtte - For borgere som har brug for støttende/vejledende samtaler hos "
        "psykolog/psykiater.",
        _PER_HOUR_500,
    ),
    _mentor("Mentorstøtte - For borgere som er hjem- eller boligløse."),
    _mentor(
        "Mentorstøtte - For borgere som har brug for en koordinerer indsats i forhold til "
        "offentlige myndigheder."
    ),
    _mentor(
        "Helhedsorienteret mentorstøtte - For borgere som har brug for en helhedsorienteret "
        "støtte.",
        _PER_HOUR_500,
        weeks=26,
    ),
)


def course_type(name: str) -> CourseType:
    """The default course type with exactly this name; ``KeyError`` if none."""
    for course in COURSE_TYPES:
        if course.name == name:
            return course
    raise KeyError(name)
