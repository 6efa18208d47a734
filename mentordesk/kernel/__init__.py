"""What every use case shares: the context, the actor, access checks, edits, input, changes.

Imports ``domain`` and ``storage`` only; every feature package may import it, and it
imports none of them (``tests/unit/test_import_layers.py``).
"""

from mentordesk.kernel.actor import Actor
from mentordesk.kernel.changes import NOTHING, Changes, Kind, Result
from mentordesk.kernel.context import Context

__all__ = ["NOTHING", "Actor", "Changes", "Context", "Kind", "Result"]
