"""Named query builders that feature code composes instead of writing SQL.

One module per aggregate (``citizens``, ``assignments``, ``grants``, ``contacts``,
``goal_links``, ``plan``, ``consents`` …) plus the shared conditions (``periods``,
``visibility``). Each builder returns a SQLAlchemy clause or statement; the caller runs
it in its own session. The conditions that carry a rule (periods, who may see a case,
consents in force, primary mentor, caseload) are tested on their own
(``tests/storage/test_queries.py``), so such a rule has one meaning everywhere; the
others are tested through the services that use them.
"""
