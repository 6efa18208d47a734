"""The Borgere area: the citizens list with filters (``citizens_view``), and each citizen's
record (``record``). Nothing is imported here: the first window at start-up uses the
filter bar before the database layer, which the list and the record need, has loaded."""
