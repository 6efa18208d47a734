"""MentorDesk's PySide6 user interface. Imports ``mentordesk``; never the other way round."""
