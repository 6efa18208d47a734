"""Partial indexes the interactive loads read by (migration 0013_scale_indexes).

Each covers only the few contacts a load asks about, so it stays small however long the
log grows, and the load reads those contacts instead of the whole log:

- the calendar's "which of these bookings were logged": the contacts made from an
  appointment, by appointment and day (most contacts are logged without one);
- the mentor's group time in the hours overview: the contacts made by registering a group
  session's attendance, by mentor and day, with every column the sum needs (covering).
"""

from __future__ import annotations

from sqlalchemy import Index

from mentordesk.storage.models.schedule import Contact

_FROM_APPOINTMENT = Contact.appointment_id.is_not(None)
_FROM_GROUP_SESSION = Contact.group_session_id.is_not(None)

# The indexes themselves are made by migration 0013, which gives the predicate for each
# backend (an index without one is silently a full index there). Here only SQLite's is
# given: a ``postgresql_where`` would import SQLAlchemy's PostgreSQL dialect (asyncio and
# all its drivers' modules, ~50 ms) into every start-up on a file, and this declaration
# creates nothing. test_server_schema checks that both backends' indexes are partial.
Index("ix_contact_appointment_day", Contact.appointment_id, Contact.contact_on,
      sqlite_where=_FROM_APPOINTMENT)
Index("ix_contact_group_mentor_day", Contact.mentor_id, Contact.contact_on,
      Contact.group_session_id, Contact.duration_minutes, Contact.attended,
      sqlite_where=_FROM_GROUP_SESSION)
