"""Security and reliability around the database file: lock record, backups and their
rotation, the recovery sheet and the application log (issue #8, part A), and the restore
and passphrase-change workflows both front ends run (``workflows``)."""
