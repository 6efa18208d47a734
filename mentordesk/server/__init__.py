"""The team server, without Qt: seen from a PC (connection profiles, who the server says
you are, what happens when the network drops) and IT's operations on whole databases
(moving a team's file to it, checking it, backups). No feature package imports it: the
use cases reach a server through ``storage.ServerDatabase`` as they reach a file through
``Database``."""
