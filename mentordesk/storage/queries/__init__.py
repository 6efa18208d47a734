"""Named query builders that feature code composes instead of writing SQL.

One module per aggregate (``citizens``, ``assignments``, ``grants``, ``contacts``,
``goal_links``, ``plan``, ``consents``, ``reports``, ``audit_log``, ``citizen_data``,
``open_sessions`` …) plus the shared conditions (``periods``, ``visibility``). Each
builder returns a SQLAlchemy clause or statement; the caller runs it in its own session.
The conditions that carry a rule (periods, who may see a case, consents in force, primary
mentor, caseload, a batch's citizens, a citizen's rows) are tested on their own
(``tests/storage/test_queries.py``), so such a rule has one meaning everywhere; the
others are tested through the services that use them.
"""

from typing import Any, cast

from sqlalchemy import CursorResult, Executable
from sqlalchemy.orm import Session


def affected_rows(session: Session, statement: Executable) -> int:
    """Run an UPDATE or DELETE and say how many rows it changed (0: nothing to do)."""
    # A DML statement always yields a CursorResult; Session.execute is typed for SELECTs.
    return cast(CursorResult[Any], session.execute(statement)).rowcount
