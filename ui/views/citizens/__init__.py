"""The Borgere area: citizen list with search and a read-only case summary."""

from ui.views.citizens.citizens_view import CitizensView

__all__ = ["CitizensView"]
