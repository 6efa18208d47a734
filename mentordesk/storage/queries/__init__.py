"""Named query builders that feature code composes instead of writing SQL conditions.

Each builder returns a SQLAlchemy clause or statement and is tested on its own
(``tests/storage/test_queries.py``), so a condition such as "this grant covers the
period" has one meaning everywhere.
"""
