"""The Borgere area: the citizens list with filters, and each citizen's record."""

from ui.views.citizens.citizens_view import CitizensView
from ui.views.citizens.record import CitizenRecord

__all__ = ["CitizenRecord", "CitizensView"]
