"""MentorDesk core: domain, storage, services. Never imports Qt or ui."""

__version__ = "0.1.0"
