"""Onboarding import: read a team's existing citizen list (xlsx or csv), map its columns,
check every row, and import all of it or nothing.

Typical use (the CLI and the GUI wizard do exactly this)::

    table = read_import_file(path)                 # file-level refusal: ImportRefused
    mapping = resolve_mapping(table, "Kontakt=Mentor")   # or propose_mapping + the user
    check = check_import(context, table, mapping)  # row errors, nothing written
    result = import_citizens(context, table, mapping).value  # or ImportHasErrors
"""

from mentordesk.importing.columns import (
    ColumnMapping,
    ImportField,
    mapping_problems,
    parse_field,
    propose_mapping,
    resolve_mapping,
)
from mentordesk.importing.importer import (
    ImportCheck,
    ImportHasErrors,
    ImportResult,
    check_import,
    import_citizens,
)
from mentordesk.importing.reader import read_import_file
from mentordesk.importing.table import (
    MAX_UNPACKED_BYTES,
    Cell,
    ImportRefused,
    ImportTable,
    SourceRow,
)
from mentordesk.importing.validation import RowError

__all__ = [
    "MAX_UNPACKED_BYTES", "Cell", "ColumnMapping", "ImportCheck", "ImportField",
    "ImportHasErrors", "ImportRefused", "ImportResult", "ImportTable", "RowError", "SourceRow",
    "check_import", "import_citizens", "mapping_problems", "parse_field", "propose_mapping",
    "read_import_file", "resolve_mapping",
]
