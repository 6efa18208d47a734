"""One line of the citizens list, as a plain value: no SQLAlchemy, no Qt.

Shared by the list's query (``storage.queries.citizens``), the start-up read that fills
the first window before the ORM is loaded (``storage.first_look``) and the list's table
model in the GUI.
"""

from __future__ import annotations

from typing import NamedTuple

from mentordesk.domain.codes import CitizenStatus

# What an anonymous (§99) citizen without an alias is shown as.
ANONYMOUS_MARK = "(anonym)"


class CitizenRow(NamedTuple):
    """One line of the citizens list: nothing more than the list shows.

    A tuple built straight from the query's columns (names and the masked CPR are
    computed in SQL), because the list is rebuilt on every keystroke of a search.
    """

    id: int
    name: str
    alias: str
    is_anonymous: bool
    cpr_masked: str
    status_code: str
    primary_mentor: str

    @property
    def status(self) -> CitizenStatus:
        return CitizenStatus(self.status_code)

    @property
    def display_name(self) -> str:
        return self.alias if self.is_anonymous else self.name

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id, "name": self.display_name, "anonymous": self.is_anonymous,
            "cpr": self.cpr_masked, "mentor": self.primary_mentor, "status": self.status_code,
        }
