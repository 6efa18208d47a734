"""The team server's administration: roles, row-level security and people (no Qt).

Feature packages never import this package: they run unchanged on a file or a server.
"""
