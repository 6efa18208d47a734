"""The services compose the named query builders of ``storage/queries``; they build no
SQL of their own, so a rule such as "this grant covers the day" has one home."""

from __future__ import annotations

import ast
from pathlib import Path

import mentordesk.services

# What builds statements or conditions; ``Session`` and types stay welcome.
SQL_BUILDERS = {"select", "func", "text", "update", "delete", "insert", "and_", "or_",
                "exists", "case", "literal", "true", "false", "aliased"}


def _runtime_imports(tree: ast.Module) -> list[ast.ImportFrom]:
    """``from … import`` statements outside ``if TYPE_CHECKING:`` blocks."""
    typing_only = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
                   for node in ast.walk(block)}
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and id(node) not in typing_only]


def test_no_service_module_imports_sql_builders():
    root = Path(mentordesk.services.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _runtime_imports(tree):
            if node.module and node.module.split(".")[0] == "sqlalchemy":
                names = {alias.name for alias in node.names} & SQL_BUILDERS
                found += [f"{path.relative_to(root)}: {name}" for name in sorted(names)]
    assert found == []
