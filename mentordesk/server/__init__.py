"""The team server's operations for IT: moving a team's file to it, checking it, backups.

No Qt, and no feature package imports this package: it works on whole databases (storage,
audit, keys), below the use cases a person runs in the app."""
