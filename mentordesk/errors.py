"""Errors the core raises with a Danish message meant for the user as it is."""


class MentorDeskError(Exception):
    """Base class: ``str(error)`` is a complete Danish sentence for the user."""


class CannotOpenDatabase(MentorDeskError):
    """Wrong key, corrupt or foreign file: the CLI exits 3, the GUI shows the message."""


class WeakPassphrase(MentorDeskError):
    """The team passphrase is too short to protect health data."""


class KeyUnavailable(MentorDeskError):
    """No key in the environment or keyring: the passphrase must be asked for."""


class InvalidInput(MentorDeskError, ValueError):
    """Input the user must correct; nothing was saved. Also a ValueError, so callers that
    validate with the domain's ValueError-raising parsers handle both alike."""


class StaleEdit(MentorDeskError):
    """Someone else saved the row meanwhile (version counter moved on)."""


class AccessDenied(MentorDeskError):
    """The user's role does not allow this."""


class NotOnTeam(CannotOpenDatabase, AccessDenied):
    """A team server's login that is no (active) user of the team: refused like a
    database that cannot be opened (CLI exit 3), and like any access refusal in the GUI."""


class NotFound(MentorDeskError):
    """The requested record does not exist (or is not visible to the user)."""


class RestoreInProgress(MentorDeskError):
    """A restore is replacing the file's content right now: the change was not saved."""


class ConnectionLost(MentorDeskError):
    """The team server's connection dropped (network, server restart) mid-operation.

    ``during_write`` says whether a write transaction was cut off: its changes are not
    saved, and it is never re-run behind the user's back (only reads are retried)."""

    def __init__(self, message: str, *, during_write: bool) -> None:
        super().__init__(message)
        self.during_write = during_write
