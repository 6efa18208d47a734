"""After rows went in with ids chosen by the writer (the demo's bulk inserts, an import).

SQLite hands out the next id from the table's largest one, so nothing is needed there.
PostgreSQL hands out ids from a sequence per table that an insert with an explicit id
does not move: the next ordinary insert would collide with a row already there. Here
every table's sequence is moved past its largest id, in the caller's transaction.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from mentordesk.storage.engine import SERVER_DIALECT
from mentordesk.storage.models import Base
from mentordesk.storage.queries.portable import catch_up_sequence


def catch_up_id_sequences(session: Session) -> None:
    if session.get_bind().dialect.name != SERVER_DIALECT:
        return
    for table in Base.metadata.sorted_tables:
        key = table.autoincrement_column
        if key is not None:
            session.execute(catch_up_sequence(table, key))
