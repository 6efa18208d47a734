"""Personal keys: the key file and its slots, who unlocked the database, the enrolled
public keys that sign the access log, this PC's keyring and its witness of the log.

Foundation code (no feature package below it): ``mentordesk.vault`` unlocks with it, and
the team's key operations (enrol, remove, recovery) live in ``mentordesk.security.people``.
"""
