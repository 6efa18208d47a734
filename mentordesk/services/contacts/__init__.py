"""The contact log (journal): log, list, edit and delete contacts; attendance stability.

A logged contact is the proof that support was delivered, so every read and change is
audited in the same transaction as the work, and a stale edit never overwrites what
another user saved. Values cross this boundary as domain values (``ContactForm``,
``Attendance``) in plain dataclasses and tuples, never ORM objects.
"""

from mentordesk.services.contacts.edits import delete_contact, update_contact
from mentordesk.services.contacts.journal import (
    active_partners,
    attendance_rate,
    contact_mentors,
    contacts_for_citizen,
    contacts_for_mentor,
    get_contact,
    goals_for_linking,
    log_contact,
)
from mentordesk.services.contacts.values import (
    EDITABLE_FIELDS,
    MAX_DURATION_MINUTES,
    MAX_TRAVEL_KM,
    NOTE_MAX_CHARS,
    PLACE_MAX_CHARS,
    REASON_MAX_CHARS,
    AttendanceRate,
    ConsentMissing,
    ContactDetail,
    ContactFilters,
    ContactInputError,
    ContactRow,
    GoalChoice,
    MentorChoice,
    NewContact,
    PartnerChoice,
    around_text,
    format_duration,
    format_time,
)

__all__ = [
    "EDITABLE_FIELDS", "MAX_DURATION_MINUTES", "MAX_TRAVEL_KM", "NOTE_MAX_CHARS", "PLACE_MAX_CHARS",
    "REASON_MAX_CHARS", "AttendanceRate", "ConsentMissing", "ContactDetail", "ContactFilters",
    "ContactInputError", "ContactRow", "GoalChoice", "MentorChoice", "NewContact",
    "PartnerChoice", "active_partners", "attendance_rate", "contact_mentors",
    "contacts_for_citizen", "contacts_for_mentor", "delete_contact", "around_text",
    "format_duration",
    "format_time", "get_contact", "goals_for_linking", "log_contact", "update_contact",
]
