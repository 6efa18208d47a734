"""Small fixed vocabularies used across cases, contacts and action plans.

Stored values are English codes; ``label`` is the Danish text the user sees.
"""

from __future__ import annotations

from .labels import LabeledStrEnum


class ContactForm(LabeledStrEnum):
    """How a contact (*kontakt*) with the citizen took place."""

    HOME_VISIT = "home_visit", "Hjemmebesøg"
    PUBLIC_SPACE = "public_space", "Offentligt rum"
    ACTIVITY_CENTRE = "activity_centre", "Aktivitets- og samværstilbud"
    ACCOMPANIMENT = "accompaniment", "Ledsagelse"
    PHONE = "phone", "Telefon"
    SMS = "sms", "SMS"
    ONLINE = "online", "Online"
    GROUP = "group", "Gruppe"

    @property
    def is_remote(self) -> bool:
        """Remote contacts count as delivered hours but not as a meeting attended in person.

        Attendance stability (*mødestabilitet*) is measured on in-person meetings only.
        """
        return self in (ContactForm.PHONE, ContactForm.SMS, ContactForm.ONLINE)


class Attendance(LabeledStrEnum):
    """Whether the citizen showed up to a planned contact."""

    ATTENDED = "attended", "Fremmøde"
    NO_SHOW = "no_show", "Udeblevet"


class CitizenStatus(LabeledStrEnum):
    """Where a citizen's case stands in the team."""

    WAITING = "waiting", "Venter"
    ACTIVE = "active", "Aktiv"
    PAUSED = "paused", "Pause"
    CLOSED = "closed", "Afsluttet"

    @property
    def is_open(self) -> bool:
        """Open cases count towards caseloads and deadline warnings; closed ones do not."""
        return self is not CitizenStatus.CLOSED


# The recovery key's login: an administrator of its own name, so whatever is done with it is
# logged (and signed) as exactly that. Reserved: no team member can have it.
RECOVERY_LOGIN = "gendannelse"


class Role(LabeledStrEnum):
    """A user's role; decides what they may see and do."""

    MENTOR = "mentor", "Mentor"
    COORDINATOR = "coordinator", "Koordinator"
    ADMIN = "admin", "Administrator"


class GoalStatus(LabeledStrEnum):
    """Status of an *indsatsmål* or a *delmål*."""

    NOT_STARTED = "not_started", "Ikke påbegyndt"
    IN_PROGRESS = "in_progress", "I gang"
    # The fixed attainment scale of a progression report: ikke påbegyndt, i gang, delvist
    # opnået, opnået, opgivet.
    PARTLY_ACHIEVED = "partly_achieved", "Delvist opnået"
    ACHIEVED = "achieved", "Opnået"
    CHANGED = "changed", "Ændret"
    GIVEN_UP = "given_up", "Opgivet"

    @property
    def is_finished(self) -> bool:
        """Finished goals drop out of "due for review" lists but stay in reports."""
        return self in (GoalStatus.ACHIEVED, GoalStatus.CHANGED, GoalStatus.GIVEN_UP)

    @property
    def attainment(self) -> GoalStatus:
        """Where the goal stands on the report's fixed attainment scale, which has no
        "Ændret": a changed goal was replaced by a new one and is not pursued as worded,
        so it counts as given up (the new goal carries on with its own status)."""
        return GoalStatus.GIVEN_UP if self is GoalStatus.CHANGED else self
