"""Security and reliability around the database file: lock record, backups and their
rotation, rekeying, the recovery sheet and the application log (issue #8, part A)."""
