"""What every use case shares: the context, the actor, access checks, edits, input, changes.

Imports ``domain`` and ``storage`` only; every feature package may import it, and it
imports none of them (``tests/unit/test_import_layers.py``). Import from the modules
(``mentordesk.kernel.actor``…): this package itself imports nothing, so the actor and the
changes can be used at start-up before the database layer (``kernel.context``) loads.
"""
