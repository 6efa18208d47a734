"""The ORM models of the whole product, importable from one place."""

from mentordesk.storage.models import read_indexes  # noqa: F401 - declares the indexes
from mentordesk.storage.models.anonymous import AnonymousContactTally
from mentordesk.storage.models.base import Base, Versioned, utc_now
from mentordesk.storage.models.delivered_weeks import DeliveredCitizenWeek, DeliveredMentorWeek
from mentordesk.storage.models.economy import (
    MONTH_COLUMNS,
    BenefitApplication,
    Debt,
    EconomyItem,
    EconomyLine,
    EconomyOverview,
    EconomySnapshot,
    LimitationRuleRow,
    NormRate,
)
from mentordesk.storage.models.grants import Assignment, Authority, CourseType, Grant, LegalBasis
from mentordesk.storage.models.hours_plan import GrantHoursStep, GrantPracticeWeek
from mentordesk.storage.models.people import Citizen, Consent, Partner, Relative, User
from mentordesk.storage.models.plan import Assessment, Goal, SubGoal, VumTerm
from mentordesk.storage.models.records import (
    AppMeta,
    AuditEvent,
    ChangeRecord,
    DeletedCitizen,
    OpenSession,
    PersonKey,
    ReportDraft,
)
from mentordesk.storage.models.schedule import (
    Absence,
    AbsenceCover,
    Appointment,
    Contact,
    GroupCourse,
    GroupSession,
    appointment_mentor,
    contact_goal,
    group_leader,
    group_participant,
)

__all__ = [
    "MONTH_COLUMNS", "Absence", "AbsenceCover", "AnonymousContactTally", "AppMeta",
    "Appointment", "Assessment",
    "Assignment", "AuditEvent", "Authority", "Base", "BenefitApplication", "ChangeRecord",
    "Citizen", "Consent", "Contact", "CourseType", "Debt", "DeletedCitizen",
    "DeliveredCitizenWeek", "DeliveredMentorWeek", "EconomyItem", "EconomyLine",
    "EconomyOverview", "EconomySnapshot", "Goal", "Grant", "GrantHoursStep",
    "GrantPracticeWeek", "GroupCourse", "GroupSession",
    "LegalBasis", "LimitationRuleRow", "NormRate", "OpenSession", "Partner", "PersonKey",
    "Relative", "ReportDraft", "SubGoal", "User", "Versioned", "VumTerm",
    "appointment_mentor", "contact_goal",
    "group_leader", "group_participant", "utc_now",
]
