"""The team server, without Qt: seen from a PC (connection profiles, what happens when the
network drops) and its administration (set-up, roles, row-level security, people; moving a
team's file to it, checking it, backups). No feature package imports it: the use cases
reach a server through ``storage.ServerDatabase`` as they reach a file through
``Database``."""
